"""MQTT health as MQTT or AI Automation come and go: removed, unloaded, disabled, back."""

from freezegun.api import FrozenDateTimeFactory
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_mqtt_message
from pytest_homeassistant_custom_component.typing import MqttMockPahoClient

from homeassistant.config_entries import ConfigEntryDisabler, ConfigEntryState
from homeassistant.core import HomeAssistant

from .mocked_broker import advance as _advance, disconnect as _disconnect, issues as _issues


async def test_mqtt_removed_while_running(
    hass: HomeAssistant, loaded_entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """Deleting Home Assistant's MQTT entry raises mqtt_not_set_up after the grace period."""
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/state", "online")
    mqtt_entry = hass.config_entries.async_entries("mqtt")[0]
    await hass.config_entries.async_remove(mqtt_entry.entry_id)
    await hass.async_block_till_done()
    assert "mqtt_not_set_up" not in _issues(hass)
    await _advance(hass, freezer, 61)
    assert _issues(hass)["mqtt_not_set_up"].is_fixable


async def test_unload_stops_watching(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    mqtt_client_mock: MqttMockPahoClient,
    freezer: FrozenDateTimeFactory,
) -> None:
    """After unloading, no timer of ours fires and no issue appears."""
    assert await hass.config_entries.async_unload(loaded_entry.entry_id)
    _disconnect(mqtt_client_mock)
    await _advance(hass, freezer, 3600)
    assert _issues(hass) == {}


async def test_issues_go_with_the_integration(
    hass: HomeAssistant, loaded_entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """Deleting AI Automation deletes its issues; a reload keeps them."""
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/state", "offline")
    await _advance(hass, freezer, 61)
    assert await hass.config_entries.async_reload(loaded_entry.entry_id)
    await hass.async_block_till_done()
    assert set(_issues(hass)) == {"zigbee2mqtt_bridge_offline"}
    assert await hass.config_entries.async_remove(loaded_entry.entry_id)
    await hass.async_block_till_done()
    assert _issues(hass) == {}


async def test_mqtt_back_after_removal(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    mqtt_client_mock: MqttMockPahoClient,
) -> None:
    """When MQTT is set up again the issue goes and AI Automation listens again."""
    old = hass.config_entries.async_entries("mqtt")[0]
    await hass.config_entries.async_remove(old.entry_id)
    await hass.async_block_till_done()
    await _advance(hass, freezer, 61)
    assert "mqtt_not_set_up" in _issues(hass)

    # (as MQTT's own flow sets it up today: on protocol 5, which it would otherwise first try by
    # connecting to the broker, for up to 5 s)
    new = MockConfigEntry(
        domain="mqtt",
        data={"broker": "mock-broker", "protocol": "5"},
        version=2,
        minor_version=1,
    )
    new.add_to_hass(hass)
    assert await hass.config_entries.async_setup(new.entry_id)
    await hass.async_block_till_done()
    assert "mqtt_not_set_up" not in _issues(hass)
    assert loaded_entry.state is ConfigEntryState.LOADED
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/state", "online")
    await hass.async_block_till_done()
    assert hass.states.get("binary_sensor.ai_automation_zigbee2mqtt_bridge").state == "on"


async def test_mqtt_disabled_briefly_is_silent(
    hass: HomeAssistant, loaded_entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """Disabling and re-enabling MQTT within the grace period raises nothing."""
    mqtt_entry = hass.config_entries.async_entries("mqtt")[0]
    await hass.config_entries.async_set_disabled_by(mqtt_entry.entry_id, ConfigEntryDisabler.USER)
    await _advance(hass, freezer, 20)
    await hass.config_entries.async_set_disabled_by(mqtt_entry.entry_id, None)
    await _advance(hass, freezer, 120)
    assert "mqtt_not_set_up" not in _issues(hass)


async def test_disabling_the_integration_removes_its_issues(
    hass: HomeAssistant, loaded_entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """A user who disables AI Automation is not left with its issues."""
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/state", "offline")
    await _advance(hass, freezer, 61)
    assert _issues(hass)
    await hass.config_entries.async_set_disabled_by(loaded_entry.entry_id, ConfigEntryDisabler.USER)
    await hass.async_block_till_done()
    assert _issues(hass) == {}


async def test_disabling_while_the_broker_is_down_removes_its_issue(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    mqtt_client_mock: MqttMockPahoClient,
    freezer: FrozenDateTimeFactory,
) -> None:
    """An issue of a broker that still fails does not come back once AI Automation is disabled."""
    _disconnect(mqtt_client_mock)
    await _advance(hass, freezer, 61)
    assert "mqtt_broker_unreachable" in _issues(hass)
    await hass.config_entries.async_set_disabled_by(loaded_entry.entry_id, ConfigEntryDisabler.USER)
    await hass.async_block_till_done()
    assert _issues(hass) == {}
