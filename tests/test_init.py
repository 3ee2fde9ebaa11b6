"""Tests for setting up and unloading AI Automation."""

from datetime import timedelta
from typing import Any

import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_mqtt_message,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.typing import MqttMockHAClient

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import STATE_ON, STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er, issue_registry as ir
from homeassistant.util import dt as dt_util

from .conftest import DEFAULT_OPTIONS, setup_integration

BRIDGE = "binary_sensor.ai_automation_zigbee2mqtt_bridge"


async def test_setup_and_unload(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, config_entry: MockConfigEntry
) -> None:
    """The entry loads with its service device and entities, and unloads cleanly."""
    await setup_integration(hass, config_entry)
    assert config_entry.state is ConfigEntryState.LOADED

    device = dr.async_get(hass).async_get_device_by_identifier(
        ("ai_automation", config_entry.entry_id), config_entry.entry_id
    )
    assert device is not None
    assert device.entry_type is dr.DeviceEntryType.SERVICE
    entities = er.async_entries_for_config_entry(er.async_get(hass), config_entry.entry_id)
    assert {entity.entity_id for entity in entities} == {
        "binary_sensor.ai_automation_mqtt_broker",
        BRIDGE,
        "button.ai_automation_check_mqtt_connection",
        "sensor.ai_automation_last_mqtt_connection_check",
        "sensor.ai_automation_zigbee_devices",
        "sensor.ai_automation_capabilities",
        "sensor.ai_automation_settable_capabilities",
        "button.ai_automation_run_analysis",
        "sensor.ai_automation_last_analysis",
        "sensor.ai_automation_last_analysis_status",
        "sensor.ai_automation_last_analysis_duration",
        "sensor.ai_automation_patterns_found",
        "sensor.ai_automation_suggestions_open",
        "todo.ai_automation_suggestions",
    }
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/state", '{"state":"online"}')
    await hass.async_block_till_done()
    assert hass.states.get(BRIDGE).state == STATE_ON

    assert await hass.config_entries.async_unload(config_entry.entry_id)
    await hass.async_block_till_done()
    assert config_entry.state is ConfigEntryState.NOT_LOADED
    assert hass.states.get(BRIDGE).state == STATE_UNAVAILABLE

    # Nothing is listening any more: a bridge message changes nothing and raises nothing.
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/state", '{"state":"offline"}')
    await hass.async_block_till_done()
    assert hass.states.get(BRIDGE).state == STATE_UNAVAILABLE


async def test_setup_again_after_unload_listens_again(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, config_entry: MockConfigEntry
) -> None:
    """A reload (as after an options change) leaves exactly one working subscription."""
    await setup_integration(hass, config_entry)
    assert await hass.config_entries.async_reload(config_entry.entry_id)
    await hass.async_block_till_done()

    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/state", '{"state":"online"}')
    await hass.async_block_till_done()
    assert hass.states.get(BRIDGE).state == STATE_ON


async def test_setup_retries_without_mqtt(
    hass: HomeAssistant,
    enable_custom_integrations: None,
    config_entry: MockConfigEntry,
) -> None:
    """Without an MQTT entry the integration waits and retries instead of failing for good."""
    config_entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    assert config_entry.state is ConfigEntryState.SETUP_RETRY
    assert config_entry.reason is not None
    assert "MQTT integration is not set up" in config_entry.reason
    issue = ir.async_get(hass).async_get_issue("ai_automation", "mqtt_not_set_up")
    assert issue is not None
    assert issue.is_fixable


@pytest.mark.parametrize(("stored", "seen_on"), [(True, "home/z2m"), (False, None)])
async def test_entries_of_1_1_learn_where_zigbee2mqtt_was_heard(
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    stored: bool,
    seen_on: str | None,
) -> None:
    """An entry from before 1.2 keeps working; a stored device list says Zigbee2MQTT was heard."""
    if stored:
        hass_storage["ai_automation.devices"] = {
            "version": 1,
            "minor_version": 1,
            "key": "ai_automation.devices",
            "data": {"devices": [], "digest": None, "updated": None},
        }
    entry = MockConfigEntry(
        domain="ai_automation",
        unique_id="ai_automation",
        options={**DEFAULT_OPTIONS, "base_topic": "home/z2m"},
        minor_version=1,
    )
    await setup_integration(hass, entry)
    assert entry.state is ConfigEntryState.LOADED
    assert (entry.version, entry.minor_version) == (1, 2)
    assert entry.data.get("zigbee2mqtt_seen_on") == seen_on
    assert entry.options["base_topic"] == "home/z2m"
    # Expected where it was heard: five silent minutes then are a repair; elsewhere nothing.
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(minutes=5, seconds=1))
    await hass.async_block_till_done()
    issue = ir.async_get(hass).async_get_issue("ai_automation", "zigbee2mqtt_not_found")
    assert (issue is not None) is stored


async def test_entry_of_a_newer_version_is_not_loaded(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant
) -> None:
    """An entry written by a newer AI Automation is left alone instead of misread."""
    entry = MockConfigEntry(domain="ai_automation", unique_id="ai_automation", version=2)
    entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(entry.entry_id)
    assert entry.state is ConfigEntryState.MIGRATION_ERROR
