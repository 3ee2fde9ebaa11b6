"""The capability listener inside Home Assistant: counts, changes, bad input, storage, matching."""

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_mqtt_message
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    MqttMockHAClient,
    WebSocketGenerator,
)

from custom_components.ai_automation.engine.zigbee2mqtt.device_list import parse_devices
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.setup import async_setup_component

from .conftest import DEFAULT_OPTIONS, setup_integration, wait_until
from .mosquitto import Broker

FIXTURE = (Path(__file__).parent / "fixtures" / "bridge_devices.json").read_text()
TOPIC = "zigbee2mqtt/bridge/devices"
DEVICES = "sensor.ai_automation_zigbee_devices"
CAPABILITIES = "sensor.ai_automation_capabilities"
SETTABLE = "sensor.ai_automation_settable_capabilities"


def _counts(hass: HomeAssistant) -> tuple[str, str, str]:
    return tuple(hass.states.get(entity).state for entity in (DEVICES, CAPABILITIES, SETTABLE))  # type: ignore[return-value]


def _expected(payload: str) -> tuple[str, str, str]:
    devices = parse_devices(payload.encode()).devices
    caps = [cap for device in devices for cap in device.capabilities]
    return str(len(devices)), str(len(caps)), str(sum(cap.settable for cap in caps))


def _fixture_with(**changes: Any) -> str:
    devices = json.loads(FIXTURE)
    if name := changes.get("rename"):
        devices[1]["friendly_name"] = name
    if changes.get("remove_last"):
        devices.pop()
    if ieee := changes.get("add"):
        devices.append({"ieee_address": ieee, "friendly_name": "New bulb", "type": "Router"})
    return json.dumps(devices)


async def test_device_list_fills_the_sensors(
    hass: HomeAssistant, loaded_entry: MockConfigEntry
) -> None:
    """Devices, capabilities and settable capabilities are counted from the list."""
    # Before Zigbee2MQTT is heard, the counts are unknown, not an empty network.
    assert _counts(hass) == ("unknown", "unknown", "unknown")
    assert hass.states.get(DEVICES).attributes["zigbee2mqtt"] == "not_seen"
    async_fire_mqtt_message(hass, TOPIC, FIXTURE)
    await hass.async_block_till_done()
    counts = _counts(hass)
    assert counts == _expected(FIXTURE)
    assert counts[0] == "10"
    assert int(counts[2]) > 10
    assert hass.states.get(DEVICES).attributes["state_class"] == "measurement"


async def test_changes_logged_once_identical_list_ignored(
    hass: HomeAssistant, loaded_entry: MockConfigEntry, caplog: pytest.LogCaptureFixture
) -> None:
    """A new list logs what was added, removed and renamed; the same list again does nothing."""
    async_fire_mqtt_message(hass, TOPIC, FIXTURE)
    await hass.async_block_till_done()
    caplog.clear()
    changed = _fixture_with(rename="Galley light", remove_last=True, add="0x00000000000000aa")
    async_fire_mqtt_message(hass, TOPIC, changed)
    await hass.async_block_till_done()
    lines = [
        r.getMessage() for r in caplog.records if "Zigbee2MQTT devices changed" in r.getMessage()
    ]
    assert lines == [
        "Zigbee2MQTT devices changed (10 known): added: New bulb; "
        "removed: 0x00124b0025aabbcc; renamed: Kitchen light -> Galley light"
    ]
    updated = hass.states.get(DEVICES).last_reported
    caplog.clear()
    async_fire_mqtt_message(hass, TOPIC, changed)
    await hass.async_block_till_done()
    assert "Zigbee2MQTT devices changed" not in caplog.text
    assert hass.states.get(DEVICES).last_reported == updated


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        ("not json at all", "not valid UTF-8 JSON"),
        ('{"devices": []}', "JSON dict, not a list"),
        (b"\xff\xfe\x00", "not valid UTF-8 JSON"),
    ],
)
async def test_bad_list_keeps_the_last_good_one(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
    payload: str | bytes,
    reason: str,
) -> None:
    """A payload that cannot be used is one warning naming the topic; nothing known is lost."""
    async_fire_mqtt_message(hass, TOPIC, FIXTURE)
    await hass.async_block_till_done()
    async_fire_mqtt_message(hass, TOPIC, payload)
    await hass.async_block_till_done()
    assert _counts(hass) == _expected(FIXTURE)
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert any(
        w.startswith(f"Ignoring the device list on {TOPIC}:") and reason in w for w in warnings
    )


async def test_partly_broken_list_is_used_and_explained(
    hass: HomeAssistant, loaded_entry: MockConfigEntry, caplog: pytest.LogCaptureFixture
) -> None:
    """Broken devices are named in one warning; the good ones are used."""
    devices = [*json.loads(FIXTURE), {"friendly_name": "no address"}, json.loads(FIXTURE)[1]]
    async_fire_mqtt_message(hass, TOPIC, json.dumps(devices))
    await hass.async_block_till_done()
    assert _counts(hass) == _expected(FIXTURE)
    assert caplog.text.count("Parts of the device list on zigbee2mqtt/bridge/devices") == 1
    assert "duplicate ieee_address 0x0017880108a1b2c3" in caplog.text


async def test_size_limit_from_options(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    """A list over the configured size is ignored with a warning saying so."""
    entry = MockConfigEntry(
        domain="ai_automation", options={**DEFAULT_OPTIONS, "max_devices_payload_mib": 1}
    )
    await setup_integration(hass, entry)
    devices = json.loads(FIXTURE)
    devices[1]["description"] = "x" * (1024 * 1024)
    async_fire_mqtt_message(hass, TOPIC, json.dumps(devices))
    await hass.async_block_till_done(wait_background_tasks=True)
    assert _counts(hass)[0] == "0"
    assert "is over the limit of 1,048,576" in caplog.text


async def test_large_list_parsed_off_the_event_loop(
    hass: HomeAssistant, loaded_entry: MockConfigEntry
) -> None:
    """A list of hundreds of devices (hundreds of kB) is parsed in an executor and used."""
    template = json.loads(FIXTURE)[1]
    devices = [
        {**template, "ieee_address": f"0x{index:016x}", "friendly_name": f"Light {index}"}
        for index in range(300)
    ]
    payload = json.dumps(devices)
    assert len(payload) > 128 * 1024
    async_fire_mqtt_message(hass, TOPIC, payload)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert _counts(hass) == _expected(payload)


async def test_known_devices_survive_a_restart(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """The last good list is stored and known again right after setup, before any message."""
    async_fire_mqtt_message(hass, TOPIC, FIXTURE)
    await hass.async_block_till_done()
    assert await hass.config_entries.async_unload(loaded_entry.entry_id)
    stored = hass_storage["ai_automation.devices"]
    assert stored["version"] == 1
    assert len(stored["data"]["devices"]) == 10
    assert await hass.config_entries.async_setup(loaded_entry.entry_id)
    await hass.async_block_till_done()
    assert _counts(hass) == _expected(FIXTURE)


async def test_capabilities_websocket_and_matching(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """The card's command lists every device with its Home Assistant device and entities."""
    mqtt_entry = hass.config_entries.async_entries("mqtt")[0]
    ha_device = dr.async_get(hass).async_get_or_create(
        config_entry_id=mqtt_entry.entry_id,
        identifiers={("mqtt", "zigbee2mqtt_0x0017880108a1b2c3")},
        name="Kitchen light",
    )
    registry = er.async_get(hass)
    light = registry.async_get_or_create(
        "light",
        "mqtt",
        "0x0017880108a1b2c3_light_zigbee2mqtt",
        device_id=ha_device.id,
        config_entry=mqtt_entry,
    )
    effect = registry.async_get_or_create(
        "select",
        "mqtt",
        "0x0017880108a1b2c3_effect_zigbee2mqtt",
        device_id=ha_device.id,
        config_entry=mqtt_entry,
    )
    async_fire_mqtt_message(hass, TOPIC, FIXTURE)
    await hass.async_block_till_done()

    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "ai_automation/capabilities"})
    response = await client.receive_json()
    assert response["success"]
    model = response["result"]
    assert model["base_topic"] == "zigbee2mqtt"
    devices = {device["friendly_name"]: device for device in model["devices"]}
    kitchen = devices["Kitchen light"]
    assert kitchen["ha_device_id"] == ha_device.id
    caps = {cap["key"]: cap for cap in kitchen["capabilities"]}
    assert caps["color_temp"]["entity_id"] == light.entity_id  # an attribute of the light entity
    assert caps["effect"]["entity_id"] == effect.entity_id
    assert caps["color_temp"]["settable"] is True
    assert devices["Hall switch"]["ha_device_id"] is None
    assert {cap["key"] for cap in devices["Hall switch"]["capabilities"]} >= {
        "state_l1@l1",
        "state_l2@l2",
    }


async def test_capabilities_websocket_without_entry(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, hass_ws_client: WebSocketGenerator
) -> None:
    """Without a running AI Automation the command says so."""
    assert await async_setup_component(hass, "ai_automation", {})
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "ai_automation/capabilities"})
    response = await client.receive_json()
    assert response["error"]["code"] == "not_loaded"


async def test_diagnostics_list_devices_without_secrets(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    hass_client: ClientSessionGenerator,
) -> None:
    """The download has settings, health and devices, and no credentials."""
    mqtt_entry = hass.config_entries.async_entries("mqtt")[0]
    hass.config_entries.async_update_entry(
        mqtt_entry, data={**mqtt_entry.data, "username": "homeowner", "password": "hunter2"}
    )
    async_fire_mqtt_message(hass, TOPIC, FIXTURE)
    await hass.async_block_till_done()
    assert await __import__("homeassistant.setup").setup.async_setup_component(
        hass, "diagnostics", {}
    )
    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, loaded_entry)
    # The usage watcher's subscriptions, sent by MQTT while the download was made, are answered.
    await hass.async_block_till_done()
    text = json.dumps(diagnostics)
    assert "hunter2" not in text
    assert "homeowner" not in text
    assert diagnostics["mqtt_entry"]["password"] == "**REDACTED**"
    assert diagnostics["options"]["base_topic"] == "zigbee2mqtt"
    assert diagnostics["health"]["broker_connected"] is True
    assert len(diagnostics["capabilities"]["devices"]) == 10
    assert diagnostics["analysis"] == {
        "last_run": {},
        "recent_runs": [],
        "running": False,
        "suggestions": {},
        "kept_days": {"days": 0},  # (no analysis ran: nothing kept)
    }


async def test_real_broker_retained_list_before_start_then_restart_offline(
    real_mqtt_entry: MockConfigEntry,
    hass: HomeAssistant,
    mosquitto: Broker,
    config_entry: MockConfigEntry,
) -> None:
    """Against Mosquitto: a retained list arrives; with the broker down devices stay known."""
    await asyncio.to_thread(mosquitto.publish, TOPIC, FIXTURE, retain=True)
    await setup_integration(hass, config_entry)
    await wait_until(hass, lambda: _counts(hass) == _expected(FIXTURE), "the retained list arrives")

    assert await hass.config_entries.async_unload(config_entry.entry_id)
    await asyncio.to_thread(mosquitto.stop)
    await wait_until(
        hass,
        lambda: not hass.data["mqtt"].client.connected,
        "Home Assistant notices the broker is gone",
    )
    assert await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    assert _counts(hass) == _expected(FIXTURE)
    assert hass.states.get("binary_sensor.ai_automation_mqtt_broker").state == "off"
