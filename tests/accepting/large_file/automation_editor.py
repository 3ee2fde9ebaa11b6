"""HA's real automation editor as the browser uses it, with the lock it holds watched."""

import asyncio
from dataclasses import dataclass, field
from http import HTTPStatus
import threading

from aiohttp.test_utils import TestClient

from homeassistant.helpers.http import current_request

EDITOR_SAVE = {  # what the automation editor posts for a new automation
    "alias": "Porch light at sunset",
    "description": "",
    "triggers": [{"trigger": "sun", "event": "sunset"}],
    "conditions": [],
    "actions": [{"action": "light.turn_on", "target": {"entity_id": "light.porch"}}],
    "mode": "single",
}


EDITOR_ID = "1765000000001"


class WatchedLock(asyncio.Lock):
    """The editor's lock, telling when someone has to wait for it."""

    def __init__(self) -> None:
        """Start with nobody waiting."""
        super().__init__()
        self.editor_waits = threading.Event()
        self.other_waits = threading.Event()

    async def acquire(self) -> bool:
        """Note who finds the lock taken, then wait for it as usual."""
        if self.locked():
            # The editor's requests run inside an HTTP request; our accept does not.
            waits = self.editor_waits if current_request.get() else self.other_waits
            waits.set()
        return await super().acquire()


@dataclass
class Editor:
    """HA's real automation editor, as the browser uses it, with its lock watched."""

    client: TestClient
    lock: WatchedLock
    saved: threading.Event = field(default_factory=threading.Event)

    async def save(self) -> HTTPStatus:
        """Save a new automation, as Settings → Automations does."""
        response = await self.client.post(
            f"/api/config/automation/config/{EDITOR_ID}", json=EDITOR_SAVE
        )
        self.saved.set()
        return HTTPStatus(response.status)
