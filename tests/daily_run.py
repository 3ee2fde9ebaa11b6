"""The daily run with its analysis stood in for: what it finds, moving its clock, its to-do list."""

from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any
from unittest.mock import AsyncMock, patch

from freezegun.api import FrozenDateTimeFactory
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.ai_automation.analysis.run import AnalysisResult
from custom_components.ai_automation.engine.suggestions.suggestion import Suggestion
from homeassistant.core import HomeAssistant

# What the daily run calls to analyse the history (patched: these tests are about the run).
ANALYSE = "custom_components.ai_automation.analysis.daily.async_analyse"
BERLIN = "Europe/Berlin"
SUGGESTION_LIST = "todo.ai_automation_suggestions"
SUGGESTION = Suggestion(
    id="abc123",
    kind="habit",
    title="Turn on Kitchen light around 06:45 every day",
    description="Seen on 14 of 14 days, spread ±3 min.",
    automation={
        "alias": "Turn on Kitchen light around 06:45 every day",
        "description": "Suggested by AI Automation.",
        "triggers": [{"trigger": "time", "at": "06:45:00"}],
        "conditions": [],
        "actions": [{"action": "light.turn_on", "target": {"entity_id": "light.kitchen"}}],
        "mode": "single",
    },
    entities=("light.kitchen",),
)
# A second suggestion of another kind: the hall light after motion.
SECOND = Suggestion(**{**SUGGESTION.__dict__, "id": "seq1", "kind": "sequence", "title": "Hall",
                       "entities": ("binary_sensor.hall_motion", "light.hall")})  # fmt: skip


def analysis_result(
    suggestions: list[Suggestion] | None = None, events: int = 120
) -> AnalysisResult:
    """Return an analysis that found `suggestions` (SUGGESTION unless given) in `events` changes."""
    return AnalysisResult(
        suggestions=suggestions if suggestions is not None else [SUGGESTION],
        habits=2,
        sequences=1,
        events_analysed=events,
        entities_analysed=10,
        devices_checked=0,
        load_seconds=0.1,
        detect_seconds=0.1,
    )


def analysis_finding(result: AnalysisResult) -> AbstractContextManager[AsyncMock]:
    """Let the daily run's analysis find `result` (everything around it runs for real)."""
    return patch(ANALYSE, AsyncMock(return_value=result))


async def move_clock_to(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, local: datetime
) -> None:
    """Move the clock to `local` and let Home Assistant's timers run."""
    freezer.move_to(local)
    async_fire_time_changed(hass, local)
    await hass.async_block_till_done()


async def todo_items(hass: HomeAssistant) -> list[dict[str, Any]]:
    """Return the items of the suggestions to-do list."""
    response = await hass.services.async_call(
        "todo",
        "get_items",
        {"entity_id": SUGGESTION_LIST},
        blocking=True,
        return_response=True,
    )
    assert response is not None
    items: list[dict[str, Any]] = response[SUGGESTION_LIST]["items"]
    return items
