"""Reading the recorder's tables on the database the recorder runs on (`--dburl`).

`scripts/test` runs this module, and the other recorder-facing ones, on SQLite and then again on
a real MariaDB and PostgreSQL server (`scripts/databases`).
"""

from datetime import datetime, timedelta
from unittest.mock import patch
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import mock_restore_cache
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)

from custom_components.ai_automation.analysis.detector_process import DetectorProcess
from custom_components.ai_automation.engine.history.arrays import Change
from custom_components.ai_automation.recorder_reader.tables import (
    HistoryReader,
    load_attribute_rows,
    load_history,
)
from homeassistant.components.recorder.core import Recorder
from homeassistant.components.recorder.db_schema import RecorderRuns
from homeassistant.const import EVENT_HOMEASSISTANT_STARTED
from homeassistant.core import Context, HomeAssistant, State
from homeassistant.helpers.recorder import get_instance, session_scope
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util


async def test_the_recorder_runs_on_the_database_asked_for(
    hass: HomeAssistant, pytestconfig: pytest.Config
) -> None:
    """A run meant for MariaDB or PostgreSQL really reads that server, not SQLite."""
    url = str(pytestconfig.getoption("dburl"))
    expected = url.split(":", 1)[0].split("+", 1)[0]
    assert get_instance(hass).dialect_name == expected


async def test_attribute_values_differing_only_in_case_stay_apart(hass: HomeAssistant) -> None:
    """A thermostat's presets `Comfort` and `comfort` are two values on every database.

    A MariaDB database is usually created case-insensitive (utf8mb4_unicode_ci); the recorder's
    tables are utf8mb4_bin, so the attribute texts stay apart.
    """
    start = dt_util.utcnow() - timedelta(seconds=1)
    for preset in ("Comfort", "comfort", "Comfort"):
        hass.states.async_set("climate.living_room", "heat", {"preset_mode": preset})
        await hass.async_block_till_done()
    await async_wait_recording_done(hass)
    instance = get_instance(hass)
    rows = await instance.async_add_executor_job(
        load_attribute_rows,
        instance,
        {"climate.living_room": ["preset_mode"], "climate.hall": ["preset_mode"]},
        start,
        dt_util.utcnow() + timedelta(seconds=1),
    )
    assert [values["preset_mode"] for _, _, values in rows["climate.living_room"]] == [
        "Comfort",
        "comfort",
        "Comfort",
    ]
    assert rows["climate.hall"] == []


async def test_changes_at_the_same_moment_keep_the_order_they_happened_in(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """Changes recorded at one timestamp come back in the order they were made, on any database.

    The rows are read unsorted (sorting a million rows in SQL is slower than in numpy), so ties
    must be broken by the order the recorder wrote them, not by how the database returns them.
    """
    start = dt_util.utcnow()
    freezer.tick(timedelta(minutes=1))
    made = [
        ("light.b", "on"),
        ("light.a", "on"),
        ("light.b", "off"),
        ("switch.c", "on"),
        ("light.a", "off"),
        ("light.b", "on"),
    ]
    for entity_id, state in made:
        hass.states.async_set(entity_id, state, context=Context())
    await async_wait_recording_done(hass)
    changes = await _load(hass, start, ["light.a", "light.b", "switch.c"])
    assert [(c.entity_id, c.state) for c in changes] == made


async def test_many_entities_are_read_in_parts(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """Past the recorder's IN-list limit the entities are read part by part; nothing is lost."""
    start = dt_util.utcnow()
    entities = [f"light.lamp_{index}" for index in range(7)] + ["binary_sensor.motion"]
    for entity_id in entities:
        freezer.tick(timedelta(seconds=10))
        hass.states.async_set(entity_id, "on", context=Context())
    freezer.tick(timedelta(seconds=10))
    automation = Context()
    hass.bus.async_fire("automation_triggered", {"name": "Night"}, context=automation)
    hass.states.async_set("light.lamp_6", "off", context=automation)
    await async_wait_recording_done(hass)
    with patch("custom_components.ai_automation.recorder_reader.tables.IDS_PER_QUERY", 3):
        changes = await _load(hass, start, entities[:-1], entities)
    assert [(c.entity_id, c.state, c.manual) for c in changes] == [
        *((entity_id, "on", True) for entity_id in entities[:-1]),
        ("binary_sensor.motion", "on", False),
        ("light.lamp_6", "off", False),
    ]


async def test_a_button_press_is_one_activation_whatever_its_timestamp_state(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """A button's or scene's state is the time of its last use: each change is `activated`."""
    start = dt_util.utcnow()
    for entity_id, state in (
        ("button.doorbell", "2026-11-28T07:00:00+00:00"),
        ("light.hall", "on"),
        ("button.doorbell", "2026-11-28T07:05:00+00:00"),
        ("scene.evening", "2026-11-28T18:00:00+00:00"),
    ):
        freezer.tick(timedelta(minutes=1))
        hass.states.async_set(entity_id, state, context=Context())
    await async_wait_recording_done(hass)
    entities = ["button.doorbell", "light.hall", "scene.evening"]
    changes = await _load(hass, start, ["light.hall", "scene.evening"], entities)
    assert [(c.entity_id, c.state, c.manual) for c in changes] == [
        ("button.doorbell", "activated", False),
        ("light.hall", "on", True),
        ("button.doorbell", "activated", False),
        ("scene.evening", "activated", True),
    ]


async def test_states_written_while_home_assistant_starts_are_nobodys_changes(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """A helper restored at start is not a person switching it; what follows the start is.

    The input_boolean writes its restored state while Home Assistant starts, as after every
    restart: read back, that row must not count as done by hand (habits, the card's picture).
    """
    start = dt_util.utcnow() - timedelta(seconds=1)
    mock_restore_cache(hass, [State("input_boolean.kettle", "on")])
    assert await async_setup_component(hass, "input_boolean", {"input_boolean": {"kettle": {}}})
    await hass.async_block_till_done()
    assert hass.states.get("input_boolean.kettle").state == "on"  # restored
    freezer.tick(timedelta(seconds=5))
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STARTED)
    freezer.tick(timedelta(minutes=1))
    for service in ("turn_off", "turn_on"):
        await hass.services.async_call(
            "input_boolean", service, {"entity_id": "input_boolean.kettle"}, blocking=True
        )
        freezer.tick(timedelta(minutes=1))
    await async_wait_recording_done(hass)
    changes = await _load(hass, start, ["input_boolean.kettle"])
    assert [(c.state, c.manual) for c in changes] == [("on", False), ("off", True), ("on", True)]


async def _load(
    hass: HomeAssistant,
    start: datetime,
    person: list[str],
    entities: list[str] | None = None,
) -> list[Change]:
    instance = get_instance(hass)
    history = await instance.async_add_executor_job(
        load_history,
        HistoryReader(
            instance,
            entities or person,
            person,
            start,
            dt_util.utcnow() + timedelta(seconds=1),
            "Europe/Berlin",
        ),
    )
    return history.changes()


@pytest.mark.parametrize("own_process", [True, False], ids=["worker", "inside HA"])
async def test_days_the_recorder_did_not_run_reach_the_detectors(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, own_process: bool
) -> None:
    """A 3-day gap in `recorder_runs` is neither a hit nor a miss for the habit it interrupts.

    HA lost power after day 8 and was started again on day 12: the crashed run is closed by the
    next start (`closed_incorrect`), so it counts only until its last row. The detectors (in their
    own process, or inside Home Assistant where none can be started), fed by the reader, count the
    habit on 10 of the 11 recorded days (a day off on day 8), not of 14, and replay it over the
    last 7 recorded days.
    """
    zone = ZoneInfo("Europe/Berlin")
    first = datetime(2026, 3, 2, tzinfo=zone)  # a Monday; two weeks before summer time

    def at(day: int, minute: int) -> datetime:
        return first + timedelta(days=day, minutes=minute)

    for day in (d for d in range(14) if not 9 <= d < 12):
        for minute, state in ((630 if day == 8 else 405 + day % 5, "on"), (1380 + day % 4, "off")):
            freezer.move_to(at(day, minute))
            hass.states.async_set("light.kitchen", state, context=Context())
            await hass.async_block_till_done()
    freezer.move_to(at(14, 180))
    await async_wait_recording_done(hass)
    instance = get_instance(hass)
    await instance.async_add_executor_job(
        _add_runs, instance, [(at(-1, 0), at(12, 0), True), (at(12, 0), at(14, 120), False)]
    )
    reader = HistoryReader(
        instance, ["light.kitchen"], ["light.kitchen"], at(0, 0), at(14, 0), "Europe/Berlin"
    )
    detectors = await DetectorProcess.async_start() if own_process else DetectorProcess(None, None)
    try:
        found = await detectors.async_detect(hass, reader, {})
    finally:
        await detectors.async_close()
    (habit,) = [h for h in found.habits if h.state == "on"]
    assert (habit.days, habit.distinct_days, habit.eligible_days) == ("all", 10, 11)
    assert habit.backtest is not None
    assert (habit.backtest.right, habit.backtest.wrong) == (6, 1)


def _add_runs(instance: Recorder, runs: list[tuple[datetime, datetime, bool]]) -> None:
    """Write recorder runs (start, end, closed incorrectly) as the recorder does."""
    with session_scope(session=instance.get_session()) as session:
        for start, end, crashed in runs:
            session.add(
                RecorderRuns(
                    start=dt_util.as_utc(start),
                    end=dt_util.as_utc(end),
                    closed_incorrect=crashed,
                    created=dt_util.as_utc(start),
                )
            )
