"""Accepting never loses an automation: not to the automation editor, not to another accept."""

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from http import HTTPStatus
import inspect
from pathlib import Path
import threading
from typing import Any
from unittest.mock import AsyncMock, patch

from aiohttp.test_utils import TestClient
from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import CLIENT_ID, MockConfigEntry, MockUser
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.ai_automation.engine.suggestions.suggestion import Suggestion
from homeassistant.components.config import view as editor_module
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.http import current_request
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from homeassistant.util.file import write_utf8_file_atomic
from homeassistant.util.yaml import dump, load_yaml

from .conftest import DEFAULT_OPTIONS, run_analysis, setup_integration
from .test_daily import (  # fixtures: a real configuration.yaml, automation set up from it
    NEW_INSTALL_CONFIGURATION,
    SUGGESTION,
    _result,
    configuration_yaml,  # noqa: F401
    with_automations,  # noqa: F401
)

pytestmark = [pytest.mark.usefixtures("with_automations")]

USER_AUTOMATIONS = 300  # a large automations.yaml, as a home with years of automations has
OTHER = Suggestion(
    **{
        **SUGGESTION.__dict__,
        "id": "zzz999",
        "title": "Hall light at dusk",
        "automation": {**(SUGGESTION.automation or {}), "alias": "Hall light at dusk"},
    }
)
UNUSED = Suggestion(
    **{
        **SUGGESTION.__dict__,
        "id": "unused1",
        "kind": "unused_capability",
        "title": "Dim the kitchen light in the evening",
    }
)
EDITOR_SAVE = {  # what the automation editor posts for a new automation
    "alias": "Porch light at sunset",
    "description": "",
    "triggers": [{"trigger": "sun", "event": "sunset"}],
    "conditions": [],
    "actions": [{"action": "light.turn_on", "target": {"entity_id": "light.porch"}}],
    "mode": "single",
}
EDITOR_ID = "1765000000001"
WAIT = 30  # seconds: only reached when the race never happens, which fails the test


def _user_automation(number: int) -> dict[str, Any]:
    return {
        "id": f"user_{number:04d}",
        "alias": f"Hall light {number}",
        "description": "",
        "triggers": [{"trigger": "state", "entity_id": f"binary_sensor.door_{number}", "to": "on"}],
        "conditions": [],
        "actions": [{"action": "light.toggle", "target": {"entity_id": f"light.hall_{number}"}}],
        "mode": "single",
    }


LARGE = "# Made with the automation editor and by hand.\n" + dump(
    [_user_automation(n) for n in range(USER_AUTOMATIONS)]
)


@pytest.fixture
def automations_yaml() -> str:
    """automations.yaml with hundreds of automations."""
    return LARGE


@pytest.fixture
def hass_config_dir(
    hass_tmp_config_dir: str,
    configuration_yaml: str,  # noqa: F811
    automations_yaml: str,
) -> str:
    """Write a real configuration.yaml and automations.yaml."""
    config = Path(hass_tmp_config_dir)
    (config / "configuration.yaml").write_text(configuration_yaml)
    (config / "automations.yaml").write_text(automations_yaml)
    return hass_tmp_config_dir


@pytest.fixture
async def entry(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> MockConfigEntry:
    """AI Automation after a run that found three suggestions."""
    freezer.move_to(datetime(2026, 11, 27, 1, 0, tzinfo=dt_util.get_default_time_zone()))
    entry = MockConfigEntry(domain="ai_automation", options=dict(DEFAULT_OPTIONS))
    await setup_integration(hass, entry)
    with patch(
        "custom_components.ai_automation.analysis.daily.async_analyse",
        AsyncMock(return_value=_result([SUGGESTION, OTHER, UNUSED])),
    ):
        await run_analysis(hass)
    return entry


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


@pytest.fixture
async def editor(
    hass: HomeAssistant, hass_admin_user: MockUser, hass_client: ClientSessionGenerator
) -> Editor:
    """Set up HA's `config` component and watch the lock its automation editor holds."""
    assert await async_setup_component(hass, "config", {})
    view = next(
        inspect.getclosurevars(route.handler).nonlocals["view"]
        for route in hass.http.app.router.routes()
        if route.method == "POST"
        and route.resource is not None
        and route.resource.canonical == "/api/config/automation/config/{config_key}"
    )
    view.mutation_lock = lock = WatchedLock()
    # A token issued at the frozen time the test runs at.
    refresh_token = await hass.auth.async_create_refresh_token(hass_admin_user, CLIENT_ID)
    client = await hass_client(hass.auth.async_create_access_token(refresh_token))
    return Editor(client, lock)


def _until(*events: threading.Event) -> None:
    """Block this (executor) thread until one of `events` is set."""
    for _ in range(WAIT * 100):
        if any(event.is_set() for event in events):
            return
        events[0].wait(0.01)
    raise AssertionError("the race did not happen")


async def _text(hass: HomeAssistant) -> str:
    return await hass.async_add_executor_job(Path(hass.config.path("automations.yaml")).read_text)


async def _automation_ids(hass: HomeAssistant) -> list[str]:
    path = hass.config.path("automations.yaml")
    automations = await hass.async_add_executor_job(load_yaml, path)
    assert isinstance(automations, list)
    return [automation["id"] for automation in automations]


async def _accept(hass: HomeAssistant, suggestion_id: str) -> None:
    await hass.services.async_call(
        "ai_automation", "accept_suggestion", {"suggestion_id": suggestion_id}, blocking=True
    )


def _running(hass: HomeAssistant, automation_id: str) -> bool:
    entity_id = er.async_get(hass).async_get_entity_id("automation", "automation", automation_id)
    state = hass.states.get(entity_id) if entity_id else None
    return state is not None and state.state == "on"


def _status(entry: MockConfigEntry, suggestion_id: str) -> str | None:
    suggestion = entry.runtime_data.daily.store.suggestions.get(suggestion_id)
    return None if suggestion is None else str(suggestion["status"])


async def _assert_all_there(hass: HomeAssistant, *extra: str) -> None:
    ids = await _automation_ids(hass)
    assert ids[:USER_AUTOMATIONS] == [f"user_{n:04d}" for n in range(USER_AUTOMATIONS)]
    assert sorted(ids[USER_AUTOMATIONS:]) == sorted(extra)
    for automation_id in extra:
        assert _running(hass, automation_id), automation_id


def _reading_automations_yaml_runs(during: Callable[[], None]) -> Callable[..., Any]:
    """Return a YAML reader for our module that runs `during` right after it read the file."""
    done: list[bool] = []

    def read(path: str, *args: Any) -> Any:
        data = load_yaml(path, *args)
        if not done and path.endswith("automations.yaml"):
            done.append(True)
            during()
        return data

    return read


async def test_editor_save_between_accepts_read_and_write_is_kept(
    hass: HomeAssistant, entry: MockConfigEntry, editor: Editor
) -> None:
    """The editor saves while accepting has read automations.yaml: both automations stay."""
    posted: list[asyncio.Future[HTTPStatus]] = []

    def editor_saves() -> None:
        posted.append(asyncio.run_coroutine_threadsafe(editor.save(), hass.loop))
        _until(editor.saved, editor.lock.editor_waits)  # saved, or waiting for its turn

    reader = _reading_automations_yaml_runs(editor_saves)
    with patch("custom_components.ai_automation.suggestions.automation_file.load_yaml", reader):
        await _accept(hass, SUGGESTION.id)
    assert await asyncio.wrap_future(posted[0]) == HTTPStatus.OK
    await hass.async_block_till_done()  # the editor's reload after its save

    await _assert_all_there(hass, EDITOR_ID, f"ai_automation_{SUGGESTION.id}")
    assert _status(entry, SUGGESTION.id) == "accepted"


async def test_accept_while_the_editor_saves_is_kept(
    hass: HomeAssistant, entry: MockConfigEntry, editor: Editor
) -> None:
    """An accept while the editor has read automations.yaml: the editor's save keeps it."""
    accepted: list[asyncio.Future[None]] = []
    done = threading.Event()

    async def accept() -> None:
        try:
            await _accept(hass, SUGGESTION.id)
        finally:
            done.set()

    def accept_runs() -> None:
        accepted.append(asyncio.run_coroutine_threadsafe(accept(), hass.loop))
        _until(done, editor.lock.other_waits)  # accepted, or waiting for the editor to finish

    editor_read = editor_module._read

    def read(path: str) -> Any:
        data = editor_read(path)
        if not accepted:
            accept_runs()
        return data

    with patch.object(editor_module, "_read", read):
        assert await editor.save() == HTTPStatus.OK
        await asyncio.wrap_future(accepted[0])
    await hass.async_block_till_done()

    await _assert_all_there(hass, EDITOR_ID, f"ai_automation_{SUGGESTION.id}")
    assert _status(entry, SUGGESTION.id) == "accepted"


async def test_two_accepts_at_once_keep_both(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Two people accept at the same moment: both automations are there and run."""
    await asyncio.gather(_accept(hass, SUGGESTION.id), _accept(hass, OTHER.id))

    await _assert_all_there(hass, f"ai_automation_{SUGGESTION.id}", f"ai_automation_{OTHER.id}")
    assert (_status(entry, SUGGESTION.id), _status(entry, OTHER.id)) == ("accepted", "accepted")
    assert (await _text(hass)).startswith(LARGE)  # the user's text as written, comments too


async def test_a_suggestion_withdrawn_during_accept_adds_nothing(
    hass: HomeAssistant, entry: MockConfigEntry
) -> None:
    """An analysis withdraws the suggestion while it is accepted: a clear error, nothing added."""
    written = asyncio.Event()
    go_on = threading.Event()

    def write_and_wait(path: str, text: str) -> None:
        write_utf8_file_atomic(path, text)
        if not written.is_set():
            hass.loop.call_soon_threadsafe(written.set)
            go_on.wait(WAIT)

    with patch(
        "custom_components.ai_automation.suggestions.automation_file.write_utf8_file_atomic",
        write_and_wait,
    ):
        accept = hass.async_create_task(_accept(hass, UNUSED.id))
        await written.wait()
        # The next run no longer finds the unused capability: it withdraws the suggestion.
        with patch(
            "custom_components.ai_automation.analysis.daily.async_analyse",
            AsyncMock(return_value=_result([SUGGESTION, OTHER])),
        ):
            await run_analysis(hass)
        go_on.set()
        with pytest.raises(HomeAssistantError, match="withdrawn by an analysis"):
            await accept

    assert await _text(hass) == LARGE
    await _assert_all_there(hass)
    assert _status(entry, UNUSED.id) is None  # withdrawn, as the analysis decided
    automation_id = f"ai_automation_{UNUSED.id}"
    assert er.async_get(hass).async_get_entity_id("automation", "automation", automation_id) is None


@pytest.mark.parametrize("configuration_yaml", ["default_config:\n"])
async def test_a_restored_entity_is_not_an_accepted_automation(
    hass: HomeAssistant, entry: MockConfigEntry
) -> None:
    """A left-over entity of the same id does not count: the automation itself must load."""
    registry = er.async_get(hass)
    automation_id = f"ai_automation_{SUGGESTION.id}"
    registry.async_get_or_create("automation", "automation", automation_id)

    with pytest.raises(HomeAssistantError, match=r"automation: !include automations\.yaml"):
        await _accept(hass, SUGGESTION.id)

    assert _status(entry, SUGGESTION.id) == "new"
    assert await _text(hass) == LARGE  # what it wrote was taken back
    assert registry.async_get_entity_id("automation", "automation", automation_id) is not None
    # With the line added, accepting works.
    path = Path(hass.config.path("configuration.yaml"))
    await hass.async_add_executor_job(path.write_text, NEW_INSTALL_CONFIGURATION)
    await _accept(hass, SUGGESTION.id)
    assert _status(entry, SUGGESTION.id) == "accepted"
    assert _running(hass, automation_id)


async def test_a_file_that_keeps_changing_is_never_overwritten(
    hass: HomeAssistant, entry: MockConfigEntry
) -> None:
    """Another program writes automations.yaml every time we read it: we give up, it keeps all."""
    path = Path(hass.config.path("automations.yaml"))
    appended: list[str] = []

    def other_program_writes() -> None:
        appended.append(f"tool_{len(appended)}")
        with path.open("a") as file:
            file.write(dump([{**_user_automation(0), "id": appended[-1]}]))

    def read(path: str, *args: Any) -> Any:
        data = load_yaml(path, *args)
        other_program_writes()
        return data

    with (
        patch("custom_components.ai_automation.suggestions.automation_file.load_yaml", read),
        pytest.raises(HomeAssistantError, match="kept changing while the automation"),
    ):
        await _accept(hass, SUGGESTION.id)

    assert len(appended) > 1  # it read again each time
    assert await _text(hass) == LARGE + "".join(
        dump([{**_user_automation(0), "id": tool}]) for tool in appended
    )
    assert _status(entry, SUGGESTION.id) == "new"


HAND_WRITTEN = """# Lights
- id: porch
  alias: Porch light   # on at dusk
  triggers: [{trigger: state, entity_id: binary_sensor.porch, to: "on"}]
  actions:
    - action: light.turn_on
      target: {entity_id: light.porch}
# more to come"""


@pytest.mark.parametrize(
    ("automations_yaml", "kept"),
    [(HAND_WRITTEN, HAND_WRITTEN + "\n"), ("[]", ""), ("", "")],
    ids=["hand-written", "new-install", "empty"],
)
async def test_accepting_keeps_the_file_as_the_user_wrote_it(
    hass: HomeAssistant, entry: MockConfigEntry, automations_yaml: str, kept: str
) -> None:
    """Comments and layout stay; the automation is added at the end, as the editor writes it."""
    await _accept(hass, SUGGESTION.id)

    assert (await _text(hass)).startswith(kept)
    ids = await _automation_ids(hass)
    assert ids[-1] == f"ai_automation_{SUGGESTION.id}"
    assert all(_running(hass, automation_id) for automation_id in ids)
    assert _status(entry, SUGGESTION.id) == "accepted"


BROKEN = Suggestion(
    **{
        **SUGGESTION.__dict__,
        "id": "broken1",
        "automation": {
            **(SUGGESTION.automation or {}),
            "triggers": [{"trigger": "no_such_trigger"}],
        },
    }
)


async def test_an_automation_home_assistant_cannot_set_up_is_taken_back(
    hass: HomeAssistant, entry: MockConfigEntry
) -> None:
    """An automation that loads as unavailable is not accepted: the file is as it was."""
    with patch(
        "custom_components.ai_automation.analysis.daily.async_analyse",
        AsyncMock(return_value=_result([SUGGESTION, OTHER, UNUSED, BROKEN])),
    ):
        await run_analysis(hass)

    with pytest.raises(HomeAssistantError, match="could not set up the automation"):
        await _accept(hass, BROKEN.id)

    assert await _text(hass) == LARGE
    assert _status(entry, BROKEN.id) == "new"
    automation_id = f"ai_automation_{BROKEN.id}"
    assert er.async_get(hass).async_get_entity_id("automation", "automation", automation_id) is None


@pytest.mark.parametrize("automations_yaml", ["[]\n"])
async def test_without_the_editors_lock_accepting_still_works_and_says_so_once(
    hass: HomeAssistant, entry: MockConfigEntry, caplog: pytest.LogCaptureFixture
) -> None:
    """Should HA hide the editor's lock, accepting re-reads the file instead; logged once."""
    assert await async_setup_component(hass, "config", {})
    with patch(
        "custom_components.ai_automation.suggestions.automation_file.EDITOR_URL", "/elsewhere"
    ):
        await asyncio.gather(_accept(hass, SUGGESTION.id), _accept(hass, OTHER.id))

    assert sorted(await _automation_ids(hass)) == [
        f"ai_automation_{SUGGESTION.id}",
        f"ai_automation_{OTHER.id}",
    ]
    warnings = [r for r in caplog.records if "automation editor's lock" in r.getMessage()]
    assert len(warnings) == 1
