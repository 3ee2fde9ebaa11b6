"""Tests for the MQTT broker and Zigbee2MQTT bridge binary sensors."""

import asyncio

import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockMqttReasonCode,
    async_fire_mqtt_message,
)
from pytest_homeassistant_custom_component.typing import MqttMockPahoClient

from homeassistant.const import (
    STATE_OFF,
    STATE_ON,
    STATE_UNAVAILABLE,
    STATE_UNKNOWN,
    EntityCategory,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er

from .conftest import setup_integration, wait_until
from .mosquitto import Broker

BROKER = "binary_sensor.ai_automation_mqtt_broker"
BRIDGE = "binary_sensor.ai_automation_zigbee2mqtt_bridge"


async def test_entities_are_diagnostic_connectivity_sensors(
    hass: HomeAssistant, loaded_entry: MockConfigEntry
) -> None:
    """Both sensors are translated, diagnostic connectivity sensors."""
    registry = er.async_get(hass)
    for entity_id, name in ((BROKER, "MQTT broker"), (BRIDGE, "Zigbee2MQTT bridge")):
        entry = registry.async_get(entity_id)
        assert entry is not None
        assert entry.entity_category is EntityCategory.DIAGNOSTIC
        state = hass.states.get(entity_id)
        assert state is not None
        assert state.attributes["device_class"] == "connectivity"
        assert state.attributes["friendly_name"] == f"AI Automation {name}"


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ('{"state":"online"}', STATE_ON),
        ('{"state":"offline"}', STATE_OFF),
        ("online", STATE_ON),
        ("offline", STATE_OFF),
    ],
)
async def test_bridge_state_follows_zigbee2mqtt(
    hass: HomeAssistant, loaded_entry: MockConfigEntry, payload: str, expected: str
) -> None:
    """Both the Zigbee2MQTT 2.x JSON and the older bare payloads are understood."""
    assert hass.states.get(BRIDGE).state == STATE_UNKNOWN
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/state", payload)
    await hass.async_block_till_done()
    assert hass.states.get(BRIDGE).state == expected


async def test_bridge_bad_payload_keeps_last_state(
    hass: HomeAssistant, loaded_entry: MockConfigEntry, caplog: pytest.LogCaptureFixture
) -> None:
    """A message that cannot be understood is logged with its topic and changes nothing."""
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/state", '{"state":"online"}')
    await hass.async_block_till_done()
    for payload in ("{broken", '{"status":"online"}', '"sleeping"', "x" * 5000):
        async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/state", payload)
    await hass.async_block_till_done()
    assert hass.states.get(BRIDGE).state == STATE_ON
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert "Ignoring the message on zigbee2mqtt/bridge/state: payload is not valid JSON" in (
        " ".join(warnings)
    )
    assert sum("Ignoring the message on zigbee2mqtt/bridge/state" in w for w in warnings) == 4


async def test_broker_connection_lost_and_back(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    mqtt_client_mock: MqttMockPahoClient,
) -> None:
    """The broker sensor follows the connection at once (issues wait for the grace period)."""
    assert hass.states.get(BROKER).state == STATE_ON

    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/state", "online")
    mqtt_client_mock.on_disconnect(None, None, 0, MockMqttReasonCode())
    await hass.async_block_till_done()
    assert hass.states.get(BROKER).state == STATE_OFF
    # The bridge cannot be seen without the broker.
    assert hass.states.get(BRIDGE).state == STATE_UNAVAILABLE

    mqtt_client_mock.on_connect(mqtt_client_mock, None, 0, MockMqttReasonCode())
    await hass.async_block_till_done()
    assert hass.states.get(BROKER).state == STATE_ON
    assert hass.states.get(BRIDGE).state == STATE_ON


async def test_real_broker_bridge_message_reaches_integration(
    real_mqtt_entry: MockConfigEntry,
    hass: HomeAssistant,
    mosquitto: Broker,
    config_entry: MockConfigEntry,
) -> None:
    """Against a real Mosquitto: messages from Zigbee2MQTT reach the integration's subscription."""
    await setup_integration(hass, config_entry)
    await wait_until(
        hass, lambda: hass.states.get(BROKER).state == STATE_ON, f"{BROKER} is {STATE_ON}"
    )
    assert hass.states.get(BRIDGE).state == STATE_UNKNOWN

    await asyncio.to_thread(
        mosquitto.publish, "zigbee2mqtt/bridge/state", '{"state":"online"}', retain=True
    )
    await wait_until(
        hass, lambda: hass.states.get(BRIDGE).state == STATE_ON, f"{BRIDGE} is {STATE_ON}"
    )
    await asyncio.to_thread(mosquitto.publish, "zigbee2mqtt/bridge/state", "offline")
    await wait_until(
        hass, lambda: hass.states.get(BRIDGE).state == STATE_OFF, f"{BRIDGE} is {STATE_OFF}"
    )
