"""Reading the recorder's tables on the database the recorder runs on (`--dburl`).

`scripts/test` runs this module, and the other recorder-facing ones, on SQLite and then again on
a real MariaDB and PostgreSQL server (`scripts/databases`).
"""

from datetime import timedelta

import pytest
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)

from custom_components.ai_automation.recorder_history import load_attribute_values
from homeassistant.core import HomeAssistant
from homeassistant.helpers.recorder import get_instance
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
    tables are utf8mb4_bin, so the DISTINCT over the attribute text keeps both.
    """
    start = dt_util.utcnow() - timedelta(seconds=1)
    for preset in ("Comfort", "comfort", "Comfort"):
        hass.states.async_set("climate.living_room", "heat", {"preset_mode": preset})
        await hass.async_block_till_done()
    await async_wait_recording_done(hass)
    instance = get_instance(hass)
    values = await instance.async_add_executor_job(
        load_attribute_values,
        instance,
        {"climate.living_room": ["preset_mode"], "climate.hall": ["preset_mode"]},
        start,
        dt_util.utcnow() + timedelta(seconds=1),
    )
    assert values == {
        ("climate.living_room", "preset_mode"): {"Comfort", "comfort"},
        ("climate.hall", "preset_mode"): set(),
    }
