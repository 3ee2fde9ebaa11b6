"""Named delayed jobs: each runs after its delay unless cancelled or scheduled again."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import datetime, timedelta
from typing import Any

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.event import async_call_later


class DelayedJobs:
    """The pending jobs of one owner, by name."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Start with nothing pending."""
        self._hass = hass
        self._timers: dict[str, CALLBACK_TYPE] = {}

    @callback
    def schedule(
        self, key: str, delay: timedelta, job: Callable[[], Coroutine[Any, Any, None] | None]
    ) -> None:
        """Run `job` after `delay` unless cancelled; a second schedule replaces the first."""
        self.cancel(key)

        @callback
        def fire(_now: datetime) -> None:
            self._timers.pop(key, None)
            if (coro := job()) is not None:
                self._hass.async_create_background_task(coro, f"ai_automation {key}")

        self._timers[key] = async_call_later(self._hass, delay, fire)

    @callback
    def cancel(self, key: str) -> None:
        """Cancel the job `key`, if pending."""
        if (cancel := self._timers.pop(key, None)) is not None:
            cancel()

    @callback
    def cancel_all(self) -> None:
        """Cancel every pending job."""
        for cancel in self._timers.values():
            cancel()
        self._timers.clear()
