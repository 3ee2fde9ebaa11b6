"""Diagnostics: what helps to understand a problem, without the household's habits or secrets."""

from datetime import timedelta
import json
from pathlib import Path

from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_mqtt_message,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util

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
