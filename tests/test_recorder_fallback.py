"""A recorder schema the direct reading was not tested on is read through the history API.

On the real recorder, with its schema version faked: the same history comes back, through
Home Assistant's history API, and the log says so once.
"""

from datetime import datetime, timedelta
import logging
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)

from custom_components.ai_automation.engine.history.arrays import History
from custom_components.ai_automation.recorder_reader.fallback import attribute_rows, history_reader
from custom_components.ai_automation.recorder_reader.tables import load_history
from homeassistant.components.recorder import history
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers.recorder import get_instance
from homeassistant.util import dt as dt_util

START = datetime(2026, 11, 30, 6, 0, tzinfo=dt_util.UTC)
PEOPLE = ["light.hall", "light.kitchen", "button.doorbell"]
SENSORS = ["binary_sensor.motion"]
UNTESTED = "The recorder's database schema is version 54"


async def _record_a_morning(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """Write a morning's changes: people's, a sensor's, attribute updates, an outage."""
    freezer.move_to(START)
    made = [
        ("light.hall", "on", {"brightness": 100}),  # exactly at the window's start
        ("binary_sensor.motion", "on", {}),
        ("light.kitchen", "on", {"brightness": 80}),
        ("light.kitchen", "on", {"brightness": 200}),  # only an attribute changed
        ("binary_sensor.motion", "off", {}),
        ("light.hall", "unavailable", {}),
        ("light.hall", "on", {"brightness": 100}),  # back from unavailable: not a change
        ("button.doorbell", "2026-11-30T06:07:00+00:00", {}),
        ("light.kitchen", "off", {}),
        ("light.hall", "off", {}),
    ]
    for entity_id, state, attributes in made:
        hass.states.async_set(entity_id, state, attributes, context=Context())
        freezer.tick(timedelta(minutes=1))
    await async_wait_recording_done(hass)


async def _read(hass: HomeAssistant, end: datetime) -> History:
    instance = get_instance(hass)
    reader = history_reader(hass, instance, PEOPLE + SENSORS, PEOPLE, START, end)
    return await instance.async_add_executor_job(load_history, reader)


def _as_lists(found: History) -> tuple[object, ...]:
    return (
        [(c.entity_id, c.state, c.when, c.manual) for c in found.changes()],
        found.entity_ids,
        found.states,
        found.when.tolist(),
        found.manual.tolist(),
        # (the recorder ran all along: every day counts through the API too, where runs are unknown)
        found.recorded_days(found.whole_days()).tolist(),
        found.recorded_seconds(),
    )


async def test_an_untested_schema_reads_the_same_history_through_the_api(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, caplog: pytest.LogCaptureFixture
) -> None:
    """Schema 54 (faked): the history API gives what the tables gave; one log line says so."""
    await _record_a_morning(hass, freezer)
    end = dt_util.utcnow()
    direct = await _read(hass, end)
    assert [(c.entity_id, c.state, c.manual) for c in direct.changes()] == [
        ("light.hall", "on", True),
        ("binary_sensor.motion", "on", False),
        ("light.kitchen", "on", True),
        ("binary_sensor.motion", "off", False),
        ("button.doorbell", "activated", True),
        ("light.kitchen", "off", True),
        ("light.hall", "off", True),
    ]
    assert UNTESTED not in caplog.text
    instance = get_instance(hass)
    with (
        patch.object(instance, "schema_version", 54),
        patch.object(
            history, "state_changes_during_period", wraps=history.state_changes_during_period
        ) as through_api,
        caplog.at_level(logging.WARNING),
    ):
        via_api = await _read(hass, end)
        again = await _read(hass, end)
    assert through_api.call_count == 2 * len(PEOPLE + SENSORS)
    assert _as_lists(via_api) == _as_lists(direct)
    assert _as_lists(again) == _as_lists(direct)
    assert caplog.text.count(UNTESTED) == 1
    assert "does not say who made a change" in caplog.text


async def test_an_untested_schema_reads_the_same_attributes_through_the_api(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """The usage record's attribute rows are the same through the history API (schema faked)."""
    await _record_a_morning(hass, freezer)
    end = dt_util.utcnow()
    instance = get_instance(hass)
    wanted: dict[str, list[str]] = {"light.kitchen": ["brightness"], "light.hall": ["brightness"]}
    direct = await instance.async_add_executor_job(
        attribute_rows, hass, instance, wanted, START, end
    )
    assert [values for _, _, values in direct["light.kitchen"]] == [
        {"brightness": 80},
        {"brightness": 200},
        {"brightness": None},
    ]
    with (
        patch.object(instance, "schema_version", 54),
        patch.object(
            history, "get_significant_states", wraps=history.get_significant_states
        ) as through_api,
    ):
        via_api = await instance.async_add_executor_job(
            attribute_rows, hass, instance, wanted, START, end
        )
    assert through_api.call_count == 1
    assert via_api == direct
