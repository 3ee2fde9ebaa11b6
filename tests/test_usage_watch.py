"""Watching state messages: cheap, filtered, saved once; a damaged record; large device lists."""

from datetime import timedelta
import json
from typing import Any

import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_mqtt_message,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from .conftest import setup_integration
from .kitchen_light import FIXTURE, IEEE, STATE_TOPIC

pytestmark = pytest.mark.usefixtures("paho_keeps_real_time")


def _with_slash_name() -> str:
    devices = json.loads(FIXTURE)
    devices[1]["friendly_name"] = "Kitchen/Ceiling light"
    return json.dumps(devices)


async def test_state_messages_cheap_filtered_and_saved_once(
    loaded_entry: MockConfigEntry,
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    hass_ws_client: WebSocketGenerator,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Only device state topics count (names with '/' too); a burst is written once, later."""
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/devices", _with_slash_name())
    await hass.async_block_till_done()
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(minutes=3))
    await hass.async_block_till_done()
    hass_storage.pop("ai_automation.usage", None)
    topic = "zigbee2mqtt/Kitchen/Ceiling light"
    for step in range(500):
        state = {"state": "ON" if step % 2 else "OFF", "color_temp": 250 + step % 7}
        async_fire_mqtt_message(hass, topic, json.dumps(state))
        async_fire_mqtt_message(hass, f"{topic}/set", '{"color_temp": 153}')
        async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/state", '{"state": "online"}')
    await hass.async_block_till_done()
    assert "ai_automation.usage" not in hass_storage  # not written per message

    async_fire_mqtt_message(hass, topic, "not json")
    async_fire_mqtt_message(hass, topic, "also not json")
    async_fire_mqtt_message(hass, topic, "[1, 2]")
    await hass.async_block_till_done()
    assert caplog.text.count(f"Ignoring state messages on {topic}") == 1

    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(minutes=3))
    await hass.async_block_till_done()
    stored = hass_storage["ai_automation.usage"]["data"]["devices"][IEEE]
    colour = stored["capabilities"]["color_temp"]
    assert colour["values"]["zigbee2mqtt"] == [250 + step for step in range(7)]
    assert 153 not in colour["values"]["zigbee2mqtt"]  # the /set command is not a state

    # Renamed in Zigbee2MQTT: the new topic is read, the old one no longer.
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/devices", FIXTURE)
    await hass.async_block_till_done()
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=2))
    await hass.async_block_till_done()
    async_fire_mqtt_message(hass, topic, '{"color_temp": 400}')
    async_fire_mqtt_message(hass, STATE_TOPIC, '{"color_temp": 401}')
    await hass.async_block_till_done()
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "ai_automation/capabilities"})
    model = (await client.receive_json())["result"]
    device = next(d for d in model["devices"] if d["ieee_address"] == IEEE)
    usage = {c["key"]: c.get("usage") for c in device["capabilities"]}
    assert 401 in usage["color_temp"]["values"]["zigbee2mqtt"]
    assert 400 not in usage["color_temp"]["values"]["zigbee2mqtt"]
    assert usage["color_temp"]["status"] == "used"
    assert usage["brightness"]["status"] == "not_enough_evidence"
    assert usage["brightness"]["reason"] == "no value reported yet"
    assert usage["linkquality"] is None  # only settable capabilities worth proposing


async def test_bad_stored_record_is_ignored_once(
    mqtt_ready: Any,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A damaged stored record is logged and replaced; watching starts afresh."""
    hass_storage["ai_automation.usage"] = {
        "version": 1,
        "key": "ai_automation.usage",
        "data": {"devices": {IEEE: {"days": [[1, 2]]}}},
    }
    await setup_integration(hass, config_entry)
    assert caplog.text.count("unreadable entries ignored") == 1
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/devices", FIXTURE)
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=2))
    await hass.async_block_till_done()
    async_fire_mqtt_message(hass, STATE_TOPIC, '{"state": "ON", "color_temp": 370}')
    await hass.async_block_till_done()
    record = config_entry.runtime_data.usage.record
    assert record.devices[IEEE].capabilities["color_temp"].last == {"zigbee2mqtt": 370}


async def test_every_device_of_a_large_list_is_watched(
    loaded_entry: MockConfigEntry,
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
) -> None:
    """Hundreds of lights (worked out a slice at a time): the last one's use is recorded too."""
    lights = _lights(450)
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/devices", json.dumps(lights))
    await hass.async_block_till_done(wait_background_tasks=True)
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=2))
    await hass.async_block_till_done()
    async_fire_mqtt_message(hass, "zigbee2mqtt/Light 449", '{"state": "ON", "color_temp": 300}')
    await hass.async_block_till_done()
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(minutes=3))
    await hass.async_block_till_done()
    devices = hass_storage["ai_automation.usage"]["data"]["devices"]
    assert len(devices) == 450
    last = devices[f"0x{449:016x}"]["capabilities"]["color_temp"]
    assert last["values"]["zigbee2mqtt"] == [300]


async def test_stopped_while_working_out_a_large_list_watches_nothing_more(
    loaded_entry: MockConfigEntry, hass: HomeAssistant
) -> None:
    """Unloaded between two slices of a large list, the watch subscribes and records nothing."""
    for seconds in (2, 4):  # past the watch's cooldown, so the next list is worked out at once
        async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=seconds))
        await hass.async_block_till_done()
    watcher = loaded_entry.runtime_data.usage
    loaded_entry.runtime_data.known_devices.async_add_listener(watcher.async_stop)
    lights = _lights(450)
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/devices", json.dumps(lights))
    await hass.async_block_till_done(wait_background_tasks=True)
    async_fire_mqtt_message(hass, "zigbee2mqtt/Light 449", '{"state": "ON", "color_temp": 300}')
    await hass.async_block_till_done()
    assert f"0x{449:016x}" not in watcher.record.devices
    assert not watcher.record.devices.keys() & {light["ieee_address"] for light in lights}


def _lights(count: int) -> list[dict[str, Any]]:
    """Return a device list of `count` lights of one model, named Light 0 ... (a large home)."""
    light = json.loads(FIXTURE)[1]
    return [
        {**light, "ieee_address": f"0x{index:016x}", "friendly_name": f"Light {index}"}
        for index in range(count)
    ]
