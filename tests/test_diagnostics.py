"""Diagnostics: what helps to understand a problem, without the household's habits or secrets."""

from datetime import timedelta
import json
from pathlib import Path
from typing import Any

import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_mqtt_message,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.ai_automation.analysis.kept_days import kept_days_summary
from custom_components.ai_automation.diagnostics import async_get_config_entry_diagnostics
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util

from .conftest import run_analysis
from .kept_reads import two_days

FIXTURE = (Path(__file__).parent / "fixtures" / "bridge_devices.json").read_text()
IEEE = "0x0017880108a1b2c3"
STATE_TOPIC = "zigbee2mqtt/Kitchen light"
KELVINS = (2702, 3333, 4567)  # what the household set, one after the other


async def test_diagnostics_count_usage_but_hide_the_values_seen(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    hass_client: ClientSessionGenerator,
) -> None:
    """A posted download says how often a capability changed, never to what or when last."""
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/devices", FIXTURE)
    await hass.async_block_till_done()
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=2))  # watching begins
    await hass.async_block_till_done()
    for kelvin in KELVINS:
        async_fire_mqtt_message(
            hass, STATE_TOPIC, json.dumps({"state": "ON", "color_temp": kelvin})
        )
    await hass.async_block_till_done()
    assert await async_setup_component(hass, "diagnostics", {})

    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, loaded_entry)

    device = next(d for d in diagnostics["capabilities"]["devices"] if d["ieee_address"] == IEEE)
    usage = {c["key"]: c.get("usage") for c in device["capabilities"]}["color_temp"]
    assert usage["status"] == "used"
    assert usage["changes"] == len(KELVINS) - 1
    assert usage["values_seen"] == {"zigbee2mqtt": len(KELVINS)}
    assert usage["values"] == "**REDACTED**"
    assert usage["last_change"] == "**REDACTED**"
    text = json.dumps(usage)
    assert not [kelvin for kelvin in KELVINS if str(kelvin) in text]


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
async def test_diagnostics_say_which_days_are_kept_for_the_next_analysis(
    hass: HomeAssistant,
    freezer: Any,
    kept_days: Path,
    loaded_entry: MockConfigEntry,
) -> None:
    """Nothing kept, then the days two runs kept: their span, rows and bytes; no database name."""
    # (called directly: the days pass by faster than a test client's token lives)
    nothing = await async_get_config_entry_diagnostics(hass, loaded_entry)
    assert nothing["analysis"]["kept_days"] == {"days": 0}

    await two_days(hass, freezer, lambda: run_analysis(hass))
    summary = await run_analysis(hass)
    diagnostics = await async_get_config_entry_diagnostics(hass, loaded_entry)

    kept = diagnostics["analysis"]["kept_days"]
    manifest = json.loads((kept_days / "manifest.json").read_text())
    assert kept["days"] == len(manifest["days"]) >= 14
    assert kept["until"] == dt_util.utc_from_timestamp(manifest["cut"]).isoformat()
    assert dt_util.parse_datetime(kept["from"]) < dt_util.parse_datetime(kept["until"])
    assert 0 < summary["events_from_kept_days"] <= kept["rows"]
    sizes = await hass.async_add_executor_job(
        lambda: [p.stat().st_size for p in kept_days.iterdir()]
    )
    assert kept["bytes"] == sum(sizes)
    assert (kept["time_zone"], kept["lookback_days"]) == (hass.config.time_zone, 14)
    assert diagnostics["analysis"]["last_run"]["events_from_kept_days"] > 0
    assert manifest["identity"]["database"] not in json.dumps(diagnostics)


def test_a_manifest_of_another_shape_is_said_not_read(tmp_path: Path) -> None:
    """Diagnostics of kept days whose manifest lacks what they need: said, nothing raised."""
    (tmp_path / "manifest.json").write_text(json.dumps({"format": 1, "days": []}))
    summary = kept_days_summary(tmp_path)
    assert summary == {"days": 0, "error": "the manifest cannot be read: KeyError: 'identity'"}
