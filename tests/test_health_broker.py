"""MQTT health against a real Mosquitto broker: wrong credentials, a stopped and restarted broker."""

import asyncio
from collections.abc import Generator
from typing import Any
from unittest.mock import patch

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.ai_automation.engine.mqtt_connect import CheckResult
from custom_components.ai_automation.mqtt_health import monitor as health
from homeassistant.config_entries import SOURCE_REAUTH
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir

from .conftest import later_with_real_broker, setup_integration, wait_for_mqtt_reauth, wait_until
from .mosquitto import Broker

BRIDGE = "binary_sensor.ai_automation_zigbee2mqtt_bridge"
BROKER = "binary_sensor.ai_automation_mqtt_broker"
CHECK = "sensor.ai_automation_last_mqtt_connection_check"


@pytest.fixture(autouse=True)
def fast_reconnect() -> Generator[None]:
    """Let Home Assistant's MQTT client retry every second instead of every ten."""
    with patch("homeassistant.components.mqtt.client.RECONNECT_INTERVAL_SECONDS", 1):
        yield


async def _set_up_connected(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Set AI Automation up and wait until its broker sensor says connected."""
    await setup_integration(hass, entry)
    await wait_until(hass, lambda: hass.states.get(BROKER).state == "on", "connected")


async def _stop_broker(hass: HomeAssistant, mosquitto: Broker) -> None:
    """Stop the broker and wait until the broker sensor notices."""
    await asyncio.to_thread(mosquitto.stop)
    await wait_until(hass, lambda: hass.states.get(BROKER).state == "off", "the drop is noticed")


def _issue(hass: HomeAssistant, issue_id: str) -> ir.IssueEntry | None:
    return ir.async_get(hass).async_get_issue("ai_automation", issue_id)


@pytest.mark.parametrize("mqtt_overrides", [{"password": "wrong"}])
async def test_wrong_password_then_corrected(
    real_mqtt_entry: MockConfigEntry,
    hass: HomeAssistant,
    mosquitto: Broker,
    config_entry: MockConfigEntry,
    mqtt_overrides: dict[str, Any],
) -> None:
    """Refused credentials become mqtt_auth_failed; fixing them clears it and messages flow."""
    await wait_for_mqtt_reauth(hass, real_mqtt_entry)
    await setup_integration(hass, config_entry)
    assert hass.states.get(BROKER).state == "off"
    await later_with_real_broker(hass, 30)
    assert _issue(hass, "mqtt_auth_failed") is None  # still inside the grace period
    await later_with_real_broker(hass, 61)
    issue = _issue(hass, "mqtt_auth_failed")
    assert issue is not None
    assert issue.translation_placeholders is not None
    assert issue.translation_placeholders["port"] == str(mosquitto.port)
    assert "password" not in str(issue.translation_placeholders).lower()

    # The user enters the right password in MQTT's reauthentication.
    flow = next(iter(real_mqtt_entry.async_get_active_flows(hass, {SOURCE_REAUTH})))
    result = await hass.config_entries.flow.async_configure(
        flow["flow_id"], {"username": mosquitto.username, "password": mosquitto.password}
    )
    assert result["reason"] == "reauth_successful"
    await wait_until(hass, lambda: hass.states.get(BROKER).state == "on", "connected")
    assert _issue(hass, "mqtt_auth_failed") is None

    # Retained, as Zigbee2MQTT publishes it: it also reaches a subscription made a moment later.
    await asyncio.to_thread(
        mosquitto.publish, "zigbee2mqtt/bridge/state", '{"state":"online"}', retain=True
    )
    await wait_until(
        hass, lambda: hass.states.get(BRIDGE).state == "on", "the bridge message arrives"
    )


async def test_broker_stopped_and_started_again(
    real_mqtt_entry: MockConfigEntry,
    hass: HomeAssistant,
    mosquitto: Broker,
    discovered_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A stopped broker is reported after the grace period and forgotten once it is back."""
    await _set_up_connected(hass, discovered_entry)

    await _stop_broker(hass, mosquitto)
    await later_with_real_broker(hass, 30)
    assert _issue(hass, "mqtt_broker_unreachable") is None
    await later_with_real_broker(hass, 61)
    issue = _issue(hass, "mqtt_broker_unreachable")
    assert issue is not None
    assert issue.translation_placeholders is not None
    assert issue.translation_placeholders["error"] == (
        f"cannot reach 127.0.0.1:{mosquitto.port}: Connection refused"
    )
    assert hass.states.get(CHECK).state == "unreachable"
    assert f"Lost the MQTT broker 127.0.0.1:{mosquitto.port}" in caplog.text

    await asyncio.to_thread(mosquitto.start)
    await wait_until(hass, lambda: hass.states.get(BROKER).state == "on", "reconnected")
    assert _issue(hass, "mqtt_broker_unreachable") is None
    assert "The MQTT broker is connected again" in caplog.text
    # The check no longer tells of the outage: the broker accepted Home Assistant's client.
    check = hass.states.get(CHECK)
    assert (check.state, check.attributes["detail"]) == ("accepted", "connection accepted")

    # The entry came from Zigbee2MQTT's discovery, yet nothing from Zigbee2MQTT since: after five
    # minutes that is an issue; the device list, published after the restart, reaches the
    # restored subscription and clears it.
    await later_with_real_broker(hass, 301)
    assert _issue(hass, "zigbee2mqtt_not_found") is not None
    await asyncio.to_thread(mosquitto.publish, "zigbee2mqtt/bridge/devices", "[]", retain=True)
    await wait_until(
        hass, lambda: _issue(hass, "zigbee2mqtt_not_found") is None, "the device list arrives"
    )


async def test_outage_reason_comes_from_a_check_made_during_the_outage(
    real_mqtt_entry: MockConfigEntry,
    hass: HomeAssistant,
    mosquitto: Broker,
    config_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A check made while the broker was still up never explains the outage that follows."""
    await _set_up_connected(hass, config_entry)
    # The user presses Check MQTT connection while all is well...
    await hass.services.async_call(
        "button",
        "press",
        {"entity_id": "button.ai_automation_check_mqtt_connection"},
        blocking=True,
    )
    assert hass.states.get(CHECK).state == "accepted"

    # ...and the broker stops within the ten minutes that rate-limit the check.
    await _stop_broker(hass, mosquitto)
    await later_with_real_broker(hass, 61)
    warnings = [
        record.getMessage()
        for record in caplog.records
        if record.levelname == "WARNING" and "Lost the MQTT broker" in record.getMessage()
    ]
    assert len(warnings) == 1
    assert f"cannot reach 127.0.0.1:{mosquitto.port}: Connection refused" in warnings[0]
    assert "accepted" not in warnings[0]
    assert hass.states.get(CHECK).state == "unreachable"
    issue = _issue(hass, "mqtt_broker_unreachable")
    assert issue is not None
    assert issue.translation_placeholders is not None
    assert "Connection refused" in issue.translation_placeholders["error"]


async def test_without_zigbee2mqtt_nothing_nags(
    real_mqtt_entry: MockConfigEntry,
    hass: HomeAssistant,
    mosquitto: Broker,
    config_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Set up by hand in a home without Zigbee2MQTT: no repair, no warning; sensors say so."""
    await _set_up_connected(hass, config_entry)
    await later_with_real_broker(hass, 301)
    await later_with_real_broker(hass, 3600)
    assert _issue(hass, "zigbee2mqtt_not_found") is None
    assert not [
        record
        for record in caplog.records
        if record.name.startswith("custom_components.ai_automation")
        and record.levelname in ("WARNING", "ERROR")
    ]
    devices = hass.states.get("sensor.ai_automation_zigbee_devices")
    assert devices.state == "unknown"
    assert devices.attributes["zigbee2mqtt"] == "not_seen"
    assert hass.states.get(BRIDGE).state == "unknown"


async def test_zigbee2mqtt_heard_once_is_expected_after_a_restart(
    real_mqtt_entry: MockConfigEntry,
    hass: HomeAssistant,
    mosquitto: Broker,
    config_entry: MockConfigEntry,
) -> None:
    """Once Zigbee2MQTT was heard on the base topic, its silence after a restart is a repair."""
    await _set_up_connected(hass, config_entry)
    # Not retained, so after the restart below Zigbee2MQTT says nothing any more; sent until heard
    # (a message sent before Home Assistant's subscription reaches the broker is lost).
    for _ in range(20):
        await asyncio.to_thread(mosquitto.publish, "zigbee2mqtt/bridge/state", '{"state":"online"}')
        await asyncio.sleep(0.25)
        await hass.async_block_till_done()
        if hass.states.get(BRIDGE).state == "on":
            break
    assert hass.states.get(BRIDGE).state == "on"
    devices = hass.states.get("sensor.ai_automation_zigbee_devices")
    assert devices.state == "0"
    assert devices.attributes["zigbee2mqtt"] == "seen"
    assert config_entry.data["zigbee2mqtt_seen_on"] == "zigbee2mqtt"

    assert await hass.config_entries.async_reload(config_entry.entry_id)
    await hass.async_block_till_done()
    await wait_until(hass, lambda: hass.states.get(BROKER).state == "on", "connected again")
    await later_with_real_broker(hass, 301)
    issue = _issue(hass, "zigbee2mqtt_not_found")
    assert issue is not None
    assert issue.translation_placeholders == {"base_topic": "zigbee2mqtt"}


async def test_check_that_ends_after_the_reconnect_does_not_tell_of_the_outage(
    real_mqtt_entry: MockConfigEntry,
    hass: HomeAssistant,
    mosquitto: Broker,
    config_entry: MockConfigEntry,
) -> None:
    """The broker comes back while the outage's check is still out: its failure does not stand."""
    await _set_up_connected(hass, config_entry)
    await _stop_broker(hass, mosquitto)
    real_check = health.async_check_broker

    async def check_then_broker_back(hass: HomeAssistant) -> CheckResult | None:
        result = await real_check(hass)  # the broker is still down: unreachable
        await asyncio.to_thread(mosquitto.start)
        await wait_until(hass, lambda: hass.states.get(BROKER).state == "on", "reconnected")
        return result

    with patch.object(health, "async_check_broker", check_then_broker_back):
        await later_with_real_broker(hass, 61)
        await hass.async_block_till_done(wait_background_tasks=True)  # the check has answered
    assert hass.states.get(BROKER).state == "on"
    assert hass.states.get(CHECK).state == "accepted"
    assert _issue(hass, "mqtt_broker_unreachable") is None
