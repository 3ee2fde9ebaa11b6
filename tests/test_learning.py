"""Learning from the user, through the real recorder: rate limit, snooze, dismissals."""

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)
from pytest_homeassistant_custom_component.typing import MqttMockHAClient

from custom_components.ai_automation.engine.suggestions.suggestion import Suggestion
from custom_components.ai_automation.suggestions.store import SuggestionStore
from homeassistant.core import Context, HomeAssistant
from homeassistant.util import dt as dt_util

from .conftest import run_analysis, setup_integration
from .daily_run import SUGGESTION_LIST

LIGHTS = 8


async def record(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    days: Iterable[date],
    habits: Iterable[tuple[str, int, int]],
) -> None:
    """Record each (entity, on minute, days skipped in 14) habit on `days`, off 30 min later."""
    zone = dt_util.get_default_time_zone()
    moments = []
    for number, day in enumerate(days):
        midnight = datetime.combine(day, datetime.min.time(), zone)
        for entity_id, minute, skipped in habits:
            if number % 14 < skipped:
                continue
            on = midnight + timedelta(minutes=minute + number % 5)
            moments += [(on, entity_id, "on"), (on + timedelta(minutes=30), entity_id, "off")]
    for moment, entity_id, state in sorted(moments):
        freezer.move_to(moment)
        hass.states.async_set(entity_id, state, context=Context())
        await hass.async_block_till_done()


async def settle(hass: HomeAssistant, freezer: FrozenDateTimeFactory, day: date) -> None:
    """Move to 03:30 of `day` (after the last recorded change) and let the recorder write."""
    zone = dt_util.get_default_time_zone()
    freezer.move_to(datetime.combine(day, datetime.min.time(), zone) + timedelta(hours=3.5))
    await async_wait_recording_done(hass)


def past(days: int, until: date) -> list[date]:
    """Return the `days` days before `until`, oldest first."""
    return [until - timedelta(days=ago) for ago in range(days, 0, -1)]


async def kitchen_at_six(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, config_entry: MockConfigEntry
) -> tuple[SuggestionStore, dict[str, Any], date]:
    """Two weeks of the kitchen light on at 06:00, analysed: the store, that suggestion, today."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    today = dt_util.now().date()
    await record(hass, freezer, past(14, today), [("light.kitchen", 360, 0)])
    await settle(hass, freezer, today)
    await setup_integration(hass, config_entry)
    await run_analysis(hass)
    store = config_entry.runtime_data.daily.store
    (morning,) = [s for s in store.open_suggestions() if s["title"].startswith("Turn on")]
    return store, morning, today


@pytest.fixture
async def eight_habits(
    freezer: FrozenDateTimeFactory, mqtt_ready: MqttMockHAClient, hass: HomeAssistant
) -> date:
    """Two weeks of eight lights, each on at its own time; later lights skip more days."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    today = dt_util.now().date()
    habits = [(f"light.l{i}", 360 + 100 * i, i // 2) for i in range(LIGHTS)]
    await record(hass, freezer, past(14, today), habits)
    await settle(hass, freezer, today)
    return today


async def test_at_most_five_new_per_run_strongest_first(
    eight_habits: date, hass: HomeAssistant, config_entry: MockConfigEntry
) -> None:
    """Sixteen habits found: five become suggestions, the strongest; five more the next run."""
    await setup_integration(hass, config_entry)
    first = await run_analysis(hass)
    assert first["patterns_detected"] == 2 * LIGHTS
    assert first["suggestions_generated"] == 5
    assert hass.states.get(SUGGESTION_LIST).state == "5"
    store = config_entry.runtime_data.daily.store
    shown = {s["id"]: s["evidence"]["score"] for s in store.suggestions.values()}
    second = await run_analysis(hass)
    assert second["suggestions_generated"] == 5
    later = [s["evidence"]["score"] for s in store.suggestions.values() if s["id"] not in shown]
    assert min(shown.values()) >= max(later)
    assert hass.states.get(SUGGESTION_LIST).state == "10"


async def test_snoozed_comes_back_only_after_its_time_and_if_it_holds(
    eight_habits: date,
    freezer: FrozenDateTimeFactory,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
) -> None:
    """Snoozed for a day it returns once the habit still holds; snoozed for 30 it stays away."""
    await setup_integration(hass, config_entry)
    await run_analysis(hass)
    store = config_entry.runtime_data.daily.store
    short, long = (s["id"] for s in store.open_suggestions()[:2])
    await hass.services.async_call(
        "ai_automation", "snooze_suggestion", {"suggestion_id": short, "days": 1}, blocking=True
    )
    await hass.services.async_call(
        "ai_automation", "snooze_suggestion", {"suggestion_id": long}, blocking=True
    )
    assert store.suggestions[long]["status"] == "snoozed"
    assert hass.states.get(SUGGESTION_LIST).state == "3"
    until = dt_util.parse_datetime(store.suggestions[long]["snoozed_until"])
    assert until is not None
    assert timedelta(days=29) < until - dt_util.utcnow() <= timedelta(days=30)

    # Two more days of the same habits: the one snoozed for a day comes back, as it still holds.
    today = eight_habits + timedelta(days=2)
    habits = [(f"light.l{i}", 360 + 100 * i, 0) for i in range(LIGHTS)]
    await record(hass, freezer, past(2, today), habits)
    await settle(hass, freezer, today)
    await run_analysis(hass)
    assert store.suggestions[short]["status"] == "new"
    assert store.suggestions[long]["status"] == "snoozed"


async def test_dismissed_never_returns_and_holds_back_similar(
    freezer: FrozenDateTimeFactory,
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
) -> None:
    """After dismissing "kitchen on at 06:00", it stays dismissed; kitchen habits as strong wait."""
    store, morning, today = await kitchen_at_six(hass, freezer, config_entry)
    await hass.services.async_call(
        "ai_automation", "dismiss_suggestion", {"suggestion_id": morning["id"]}, blocking=True
    )

    later = today + timedelta(days=14)
    both = [("light.kitchen", 360, 0), ("light.kitchen", 1200, 0)]
    await record(hass, freezer, past(14, later), both)
    await settle(hass, freezer, later)
    summary = await run_analysis(hass)
    assert summary["patterns_detected"] == 4  # on and off, morning and evening
    assert store.suggestions[morning["id"]]["status"] == "dismissed"
    # Only the morning "off" found before the dismissal is open: the evening habits of the same
    # light are no stronger than the dismissed one.
    (still_open,) = store.open_suggestions()
    assert still_open["title"].startswith("Turn off kitchen around 06:")


def _suggestion(suggestion_id: str, score: float) -> Suggestion:
    return Suggestion(
        id=suggestion_id,
        kind="habit",
        title=suggestion_id,
        description="",
        automation=None,
        entities=("light.kitchen",),
        evidence={"score": score},
    )


async def test_clearly_stronger_evidence_gets_past_a_dismissal(hass: HomeAssistant) -> None:
    """A similar suggestion with 1.5x the dismissed one's evidence is offered; a bit more is not."""
    store = SuggestionStore(hass)
    assert store.merge([_suggestion("a", 0.5)]) == 1
    store.set_status("a", "dismissed")
    assert store.merge([_suggestion("a", 0.9), _suggestion("b", 0.6)]) == 0
    assert store.merge([_suggestion("c", 0.8)]) == 1
    assert store.suggestions["a"]["status"] == "dismissed"


async def test_accepted_automation_that_people_undo_is_reported_once(
    freezer: FrozenDateTimeFactory,
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
) -> None:
    """The accepted 06:00 light is turned back off minutes later on most days: said once."""
    store, morning, today = await kitchen_at_six(hass, freezer, config_entry)
    store.set_status(morning["id"], "accepted")

    # A week of the automation turning it on at 06:02, and on five days a person turning it off.
    zone = dt_util.get_default_time_zone()
    for number, day in enumerate(past(7, today + timedelta(days=7))):
        moment = datetime.combine(day, datetime.min.time(), zone) + timedelta(minutes=362)
        freezer.move_to(moment)
        automation = Context()
        hass.bus.async_fire("automation_triggered", {"name": "Morning"}, context=automation)
        hass.states.async_set("light.kitchen", "on", context=automation)
        freezer.move_to(moment + timedelta(minutes=3 if number < 5 else 120))
        hass.states.async_set("light.kitchen", "off", context=Context())
        await hass.async_block_till_done()
    await settle(hass, freezer, today + timedelta(days=7))
    await run_analysis(hass)
    await run_analysis(hass)
    (override,) = [s for s in store.suggestions.values() if s["kind"] == "override"]
    assert override["title"] == f"Change or remove the automation: {morning['title']}"
    assert override["description"] == (
        "On 5 of the 7 days it set kitchen to on, someone changed it back within minutes."
    )
    assert override["status"] == "new"
    assert override["automation"] is None
