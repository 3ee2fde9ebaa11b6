"""MQTT health: Zigbee2MQTT's bridge offline or never heard, and the broker's issue first."""

from unittest.mock import AsyncMock

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_mqtt_message
from pytest_homeassistant_custom_component.typing import MqttMockHAClient, MqttMockPahoClient

from homeassistant.core import HomeAssistant

from ..conftest import setup_integration
from .mocked_broker import advance as _advance, disconnect as _disconnect, issues as _issues


async def test_bridge_offline_after_grace(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Zigbee2MQTT offline past the grace period is an issue; back online clears it."""
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/state", '{"state":"offline"}')
    await _advance(hass, freezer, 30)
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/state", '{"state":"online"}')
    await _advance(hass, freezer, 120)
    assert _issues(hass) == {}

    for _ in range(3):  # retained offline re-sent: still one issue, one warning
        async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/state", '{"state":"offline"}')
        await _advance(hass, freezer, 40)
    issue = _issues(hass)["zigbee2mqtt_bridge_offline"]
    assert not issue.is_fixable
    assert issue.translation_placeholders is not None
    assert issue.translation_placeholders["base_topic"] == "zigbee2mqtt"
    offline = [r for r in caplog.records if "reported offline since" in r.getMessage()]
    assert len(offline) == 1
    assert offline[0].levelname == "WARNING"

    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/state", '{"state":"online"}')
    await hass.async_block_till_done()
    assert _issues(hass) == {}
    assert "is online again" in caplog.text


@pytest.fixture
async def discovered_loaded_entry(
    freezer: FrozenDateTimeFactory,
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    discovered_entry: MockConfigEntry,
    broker_check: AsyncMock,
) -> MockConfigEntry:
    """AI Automation set up from Zigbee2MQTT's discovery, running on the mocked broker."""
    await setup_integration(hass, discovered_entry)
    return discovered_entry


async def test_zigbee2mqtt_not_found_until_heard(
    hass: HomeAssistant, discovered_loaded_entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """Where Zigbee2MQTT offered itself, five silent minutes raise an issue; its list clears it."""
    await _advance(hass, freezer, 299)
    assert _issues(hass) == {}
    await _advance(hass, freezer, 2)
    issue = _issues(hass)["zigbee2mqtt_not_found"]
    assert issue.is_fixable
    assert issue.translation_placeholders == {"base_topic": "zigbee2mqtt"}
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/devices", "[]")
    await hass.async_block_till_done()
    assert _issues(hass) == {}


async def test_zigbee2mqtt_heard_in_time(
    hass: HomeAssistant, discovered_loaded_entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """A bridge state within five minutes means Zigbee2MQTT is there."""
    await _advance(hass, freezer, 100)
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/state", '{"state":"online"}')
    await _advance(hass, freezer, 600)
    assert _issues(hass) == {}


async def test_bridge_offline_while_broker_down_is_the_brokers_issue(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    mqtt_client_mock: MqttMockPahoClient,
    freezer: FrozenDateTimeFactory,
) -> None:
    """With the broker gone, only the broker issue shows: nothing is known about the bridge."""
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/state", "offline")
    _disconnect(mqtt_client_mock)
    await _advance(hass, freezer, 400)
    assert set(_issues(hass)) == {"mqtt_broker_unreachable"}
