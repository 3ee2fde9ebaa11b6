"""Tests for the fix flows behind AI Automation's Repairs issues."""

from collections.abc import Generator
from http import HTTPStatus
from typing import Any
from unittest.mock import AsyncMock, patch

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_mqtt_message
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator, MqttMockHAClient

from custom_components.ai_automation.engine.mqtt_connect import CheckResult
from custom_components.ai_automation.issues import async_raise_issue
from custom_components.ai_automation.repairs import async_create_fix_flow
from homeassistant.components.repairs import ConfirmRepairFlow
from homeassistant.config_entries import SOURCE_REAUTH, ConfigEntryDisabler, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component

from .conftest import later_with_real_broker, setup_integration, wait_for_mqtt_reauth, wait_until
from .mosquitto import Broker
from .strings import english_texts

DOMAIN = "ai_automation"
REFUSED = CheckResult(host="mock-broker", port=1883, protocol="3.1.1", reachable=True, code=3)
ACCEPTED = CheckResult(host="mock-broker", port=1883, protocol="3.1.1", reachable=True, code=0)


class FixFlow:
    """Drive a fix flow through the HTTP API, as the Repairs dialog does."""

    def __init__(self, hass_client: ClientSessionGenerator) -> None:
        """Prepare; the client starts on first use, after the test has set everything up."""
        self._hass_client = hass_client
        self.client: Any = None

    async def start(self, issue_id: str) -> dict[str, Any]:
        """Open the fix dialog of `issue_id`."""
        self.client = self.client or await self._hass_client()
        response = await self.client.post(
            "/api/repairs/issues/fix", json={"handler": DOMAIN, "issue_id": issue_id}
        )
        assert response.status == HTTPStatus.OK
        result: dict[str, Any] = await response.json()
        return result

    async def submit(self, flow_id: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
        """Press Submit in the dialog."""
        response = await self.client.post(f"/api/repairs/issues/fix/{flow_id}", json=data or {})
        assert response.status == HTTPStatus.OK
        result: dict[str, Any] = await response.json()
        return result


@pytest.fixture
async def fix(hass: HomeAssistant, hass_client: ClientSessionGenerator) -> FixFlow:
    """Return the Repairs dialog's HTTP API."""
    assert await async_setup_component(hass, "repairs", {})
    return FixFlow(hass_client)


@pytest.fixture
def broker_check() -> Generator[AsyncMock]:
    """Replace the real connection check (no sockets in unit tests)."""
    with patch(
        "custom_components.ai_automation.mqtt_health.monitor.async_check_broker",
        AsyncMock(return_value=REFUSED),
    ) as check:
        yield check


def _has_issue(hass: HomeAssistant, issue_id: str) -> bool:
    return ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is not None


async def test_mqtt_not_set_up_leads_into_mqtt_setup(
    hass: HomeAssistant,
    enable_custom_integrations: None,
    config_entry: MockConfigEntry,
    fix: FixFlow,
) -> None:
    """Without MQTT, the fix starts MQTT's own config flow."""
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    assert _has_issue(hass, "mqtt_not_set_up")

    result = await fix.start("mqtt_not_set_up")
    assert result["type"] == "form"
    assert result["step_id"] == "confirm"
    result = await fix.submit(result["flow_id"])
    assert result["type"] == "create_entry"
    mqtt_flows = hass.config_entries.flow.async_progress_by_handler("mqtt")
    assert [flow["flow_id"] for flow in mqtt_flows] == [result["next_flow"][1]]
    assert result["next_flow"][0] == "config_flow"
    assert not _has_issue(hass, "mqtt_not_set_up")


async def test_mqtt_not_set_up_with_disabled_entry(
    hass: HomeAssistant, enable_custom_integrations: None, fix: FixFlow
) -> None:
    """A disabled MQTT entry is pointed out instead of starting a second setup."""
    MockConfigEntry(
        domain="mqtt", data={"broker": "x"}, disabled_by=ConfigEntryDisabler.USER
    ).add_to_hass(hass)
    assert await async_setup_component(hass, DOMAIN, {})
    async_raise_issue(hass, "mqtt_not_set_up")
    result = await fix.start("mqtt_not_set_up")
    result = await fix.submit(result["flow_id"])
    assert result["type"] == "abort"
    assert result["reason"] == "mqtt_entry_exists"


@pytest.mark.parametrize("reauth_running", [True, False])
async def test_auth_failed_leads_into_mqtt_reauth(
    hass: HomeAssistant, loaded_entry: MockConfigEntry, fix: FixFlow, reauth_running: bool
) -> None:
    """The fix opens the MQTT entry's reauthentication, starting it if needed."""
    mqtt_entry = hass.config_entries.async_entries("mqtt")[0]
    if reauth_running:
        mqtt_entry.async_start_reauth(hass)
        await hass.async_block_till_done()
    async_raise_issue(
        hass, "mqtt_auth_failed", {"host": "mock-broker", "port": "1883", "since": "now"}
    )

    result = await fix.start("mqtt_auth_failed")
    assert result["step_id"] == "confirm"
    assert result["description_placeholders"]["host"] == "mock-broker"
    result = await fix.submit(result["flow_id"])
    assert result["type"] == "create_entry"
    reauth = list(mqtt_entry.async_get_active_flows(hass, {SOURCE_REAUTH}))
    assert len(reauth) == 1
    assert result["next_flow"] == ["config_flow", reauth[0]["flow_id"]]


@pytest.mark.parametrize("mqtt_overrides", [{"password": "wrong"}])
async def test_credentials_repair_stays_until_the_broker_accepts(
    real_mqtt_entry: MockConfigEntry,
    hass: HomeAssistant,
    mosquitto: Broker,
    config_entry: MockConfigEntry,
    fix: FixFlow,
    mqtt_overrides: dict[str, Any],
) -> None:
    """Submitting the credentials repair opens MQTT's reauth; the issue stays until it works."""
    await wait_for_mqtt_reauth(hass, real_mqtt_entry)
    await setup_integration(hass, config_entry)
    await later_with_real_broker(hass, 61)
    assert _has_issue(hass, "mqtt_auth_failed")

    result = await fix.start("mqtt_auth_failed")
    result = await fix.submit(result["flow_id"])
    assert result["type"] == "create_entry"
    reauth = next(iter(real_mqtt_entry.async_get_active_flows(hass, {SOURCE_REAUTH})))
    assert result["next_flow"] == ["config_flow", reauth["flow_id"]]
    await hass.async_block_till_done()
    # The broker still refuses the password: the repair is still there, then and later.
    assert _has_issue(hass, "mqtt_auth_failed")
    await later_with_real_broker(hass, 90)
    assert _has_issue(hass, "mqtt_auth_failed")

    # The user enters the right password in MQTT's reauthentication: the repair goes by itself.
    result = await hass.config_entries.flow.async_configure(
        reauth["flow_id"], {"username": mosquitto.username, "password": mosquitto.password}
    )
    assert result["reason"] == "reauth_successful"
    await wait_until(
        hass, lambda: not _has_issue(hass, "mqtt_auth_failed"), "the broker accepts Home Assistant"
    )
    assert hass.states.get("binary_sensor.ai_automation_mqtt_broker").state == "on"


async def test_connection_check_flow_reports_and_finishes(
    hass: HomeAssistant, loaded_entry: MockConfigEntry, fix: FixFlow, broker_check: AsyncMock
) -> None:
    """The fix shows what the broker answers, checks again on Submit, and closes once fine."""
    async_raise_issue(
        hass, "mqtt_connection_refused", {"host": "mock-broker", "port": "1883", "since": "08:00"}
    )
    result = await fix.start("mqtt_connection_refused")
    assert result["step_id"] == "check"
    assert result["description_placeholders"] == {
        "since": "08:00",
        "host": "mock-broker",
        "port": "1883",
        "result": "server unavailable (CONNACK code 3)",
        "code": "3",
    }
    result = await fix.submit(result["flow_id"])
    assert result["errors"] == {"base": "still_failing"}
    assert hass.states.get("sensor.ai_automation_last_mqtt_connection_check").state == "refused"

    broker_check.return_value = ACCEPTED
    result = await fix.submit(result["flow_id"])
    assert result["type"] == "create_entry"
    assert not _has_issue(hass, "mqtt_connection_refused")
    assert hass.states.get("sensor.ai_automation_last_mqtt_connection_check").state == "accepted"


async def test_connection_check_without_connack_names_no_code(
    hass: HomeAssistant, loaded_entry: MockConfigEntry, fix: FixFlow, broker_check: AsyncMock
) -> None:
    """With no CONNACK (nothing listens), the dialog names no code instead of "code -"."""
    broker_check.return_value = CheckResult(
        host="mock-broker", port=1883, protocol="3.1.1", reachable=False, error="Connection refused"
    )
    async_raise_issue(
        hass, "mqtt_broker_unreachable", {"host": "mock-broker", "port": "1883", "since": "08:00"}
    )
    result = await fix.start("mqtt_broker_unreachable")
    placeholders = result["description_placeholders"]
    assert placeholders["result"] == "cannot reach mock-broker:1883: Connection refused"
    english = english_texts()
    for issue_id in ("mqtt_broker_unreachable", "mqtt_connection_refused"):
        text = english["issues"][issue_id]["fix_flow"]["step"]["check"]["description"]
        shown = text.format(**placeholders)
        assert "Connection refused**." in shown
        assert "CONNACK code -" not in shown
        assert "CONNACK code )" not in shown


async def test_connection_check_flow_without_a_running_entry(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, fix: FixFlow
) -> None:
    """With AI Automation not running, the fix checks the broker itself."""
    assert await async_setup_component(hass, DOMAIN, {})
    async_raise_issue(hass, "mqtt_broker_unreachable", {"host": "h", "port": "1"})
    with patch(
        "custom_components.ai_automation.repairs.async_check_broker", AsyncMock(return_value=None)
    ):
        result = await fix.start("mqtt_broker_unreachable")
    assert result["type"] == "abort"
    assert result["reason"] == "check_unavailable"


async def test_base_topic_fix_changes_topic_and_listens_there(
    hass: HomeAssistant, loaded_entry: MockConfigEntry, fix: FixFlow
) -> None:
    """Correcting the base topic reloads the integration on the new topic."""
    async_raise_issue(hass, "zigbee2mqtt_not_found", {"base_topic": "zigbee2mqtt"})
    result = await fix.start("zigbee2mqtt_not_found")
    assert result["step_id"] == "base_topic"
    result = await fix.submit(result["flow_id"], {"base_topic": "home/#"})
    assert result["errors"] == {"base_topic": "invalid_base_topic"}
    result = await fix.submit(result["flow_id"], {"base_topic": "home/z2m/"})
    assert result["type"] == "create_entry"
    await hass.async_block_till_done()
    assert loaded_entry.options["base_topic"] == "home/z2m"
    assert loaded_entry.state is ConfigEntryState.LOADED
    assert not _has_issue(hass, "zigbee2mqtt_not_found")

    async_fire_mqtt_message(hass, "home/z2m/bridge/state", '{"state":"online"}')
    await hass.async_block_till_done()
    assert hass.states.get("binary_sensor.ai_automation_zigbee2mqtt_bridge").state == "on"


async def test_base_topic_fix_needs_a_running_entry(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, fix: FixFlow
) -> None:
    """Without a running AI Automation there is nothing to correct."""
    assert await async_setup_component(hass, DOMAIN, {})
    async_raise_issue(hass, "zigbee2mqtt_not_found", {"base_topic": "x"})
    result = await fix.start("zigbee2mqtt_not_found")
    assert result["type"] == "abort"
    assert result["reason"] == "not_loaded"


async def test_other_issues_get_a_plain_confirmation(hass: HomeAssistant) -> None:
    """Issues without a fix of their own fall back to Home Assistant's confirm flow."""
    flow = await async_create_fix_flow(hass, "zigbee2mqtt_bridge_offline", None)
    assert isinstance(flow, ConfirmRepairFlow)
