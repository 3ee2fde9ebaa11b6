"""MQTT health: the broker's Repairs issues after grace periods, cleared when fixed, never flooded."""

from unittest.mock import AsyncMock

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_mqtt_message
from pytest_homeassistant_custom_component.typing import MqttMockHAClient, MqttMockPahoClient

from custom_components.ai_automation.engine.mqtt_connect import CheckResult
from homeassistant.core import CoreState, HomeAssistant
from homeassistant.helpers import issue_registry as ir

from ..conftest import setup_integration
from .mocked_broker import (
    DOMAIN,
    advance as _advance,
    connect as _connect,
    disconnect as _disconnect,
    issues as _issues,
)


async def test_blip_shorter_than_grace_is_silent(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    mqtt_client_mock: MqttMockPahoClient,
    freezer: FrozenDateTimeFactory,
    broker_check: AsyncMock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A broker restart of half a minute raises nothing and logs no warning."""
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/state", "online")
    _disconnect(mqtt_client_mock)
    await _advance(hass, freezer, 30)
    _connect(mqtt_client_mock)
    await _advance(hass, freezer, 600)
    assert _issues(hass) == {}
    broker_check.assert_not_awaited()
    assert not [
        r for r in caplog.records if r.levelname == "WARNING" and r.name.startswith("custom_")
    ]


@pytest.mark.parametrize(
    ("result", "reason"),
    [
        (
            CheckResult(host="mock-broker", port=1883, protocol="3.1.1", reachable=True, code=0),
            "the broker accepts a new connection again, but Home Assistant's MQTT integration is"
            " not connected yet",
        ),
        (None, "no connection check could be made"),
    ],
)
async def test_outage_reason_never_contradicts_the_outage(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    mqtt_client_mock: MqttMockPahoClient,
    freezer: FrozenDateTimeFactory,
    broker_check: AsyncMock,
    caplog: pytest.LogCaptureFixture,
    result: CheckResult | None,
    reason: str,
) -> None:
    """A check that gets through, or none at all, is said as such, never as a bare "accepted"."""
    _disconnect(mqtt_client_mock)
    broker_check.return_value = result
    await _advance(hass, freezer, 61)
    issue = _issues(hass)["mqtt_broker_unreachable"]
    assert issue.translation_placeholders is not None
    assert issue.translation_placeholders["error"] == reason
    warnings = [r.getMessage() for r in caplog.records if "Lost the MQTT broker" in r.getMessage()]
    assert len(warnings) == 1
    assert f": {reason}." in warnings[0]


async def test_unreachable_after_grace_once_then_cleared(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    mqtt_client_mock: MqttMockPahoClient,
    freezer: FrozenDateTimeFactory,
    broker_check: AsyncMock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An outage past the grace period is one issue naming the broker and cause, then gone."""
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/state", "online")
    _disconnect(mqtt_client_mock)
    await _advance(hass, freezer, 59)
    assert _issues(hass) == {}
    await _advance(hass, freezer, 2)
    issue = _issues(hass)["mqtt_broker_unreachable"]
    assert issue.is_fixable
    assert issue.severity is ir.IssueSeverity.ERROR
    assert issue.translation_placeholders is not None
    assert issue.translation_placeholders["host"] == "mock-broker"
    assert issue.translation_placeholders["port"] == "1883"
    assert (
        issue.translation_placeholders["error"]
        == "cannot reach mock-broker:1883: Connection refused"
    )
    assert broker_check.await_count == 1

    # Minutes of retries: no second check before ten minutes, the same issue, one warning.
    created = issue.created
    for _ in range(9):
        await _advance(hass, freezer, 60)
    assert broker_check.await_count == 1
    await _advance(hass, freezer, 60)
    assert broker_check.await_count == 2
    assert _issues(hass)["mqtt_broker_unreachable"].created == created
    warnings = [
        r.getMessage()
        for r in caplog.records
        if r.levelname == "WARNING" and r.name.startswith("custom_")
    ]
    assert len(warnings) == 1
    assert "Lost the MQTT broker mock-broker:1883" in warnings[0]
    assert "Connection refused" in warnings[0]

    _connect(mqtt_client_mock)
    await hass.async_block_till_done()
    assert _issues(hass) == {}
    assert "The MQTT broker is connected again" in caplog.text


async def test_ignored_issue_stays_ignored(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    mqtt_client_mock: MqttMockPahoClient,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The user ignored the issue: the ten-minute recheck does not bring it back."""
    _disconnect(mqtt_client_mock)
    await _advance(hass, freezer, 61)
    ir.async_ignore_issue(hass, DOMAIN, "mqtt_broker_unreachable", True)
    await _advance(hass, freezer, 1200)
    assert _issues(hass)["mqtt_broker_unreachable"].dismissed_version is not None


@pytest.mark.parametrize(
    ("result", "issue_id", "placeholders"),
    [
        (
            CheckResult(host="b", port=1, protocol="3.1.1", reachable=True, code=5),
            "mqtt_auth_failed",
            {},
        ),
        (
            CheckResult(host="b", port=1, protocol="5", reachable=True, code=0x86),
            "mqtt_auth_failed",
            {},
        ),
        (
            CheckResult(host="b", port=1, protocol="3.1.1", reachable=True, code=3),
            "mqtt_connection_refused",
            {"code": "3", "meaning": "server unavailable"},
        ),
        (
            CheckResult(host="b", port=1, protocol="5", reachable=True, code=0x8A),
            "mqtt_connection_refused",
            {"code": "138", "meaning": "banned"},
        ),
    ],
)
async def test_check_names_the_cause(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    mqtt_client_mock: MqttMockPahoClient,
    freezer: FrozenDateTimeFactory,
    broker_check: AsyncMock,
    result: CheckResult,
    issue_id: str,
    placeholders: dict[str, str],
) -> None:
    """The connection check's CONNACK code decides which issue the user sees."""
    broker_check.return_value = result
    _disconnect(mqtt_client_mock)
    await _advance(hass, freezer, 61)
    issues = _issues(hass)
    assert set(issues) == {issue_id}
    assert issues[issue_id].translation_placeholders is not None
    assert placeholders.items() <= issues[issue_id].translation_placeholders.items()
    assert hass.states.get("sensor.ai_automation_last_mqtt_connection_check").state in {
        "auth_failed",
        "refused",
    }


async def test_reauth_flow_means_credentials(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    mqtt_client_mock: MqttMockPahoClient,
    freezer: FrozenDateTimeFactory,
    broker_check: AsyncMock,
) -> None:
    """When Home Assistant's MQTT entry asks for reauthentication, the issue says so at once."""
    mqtt_entry = hass.config_entries.async_entries("mqtt")[0]
    _disconnect(mqtt_client_mock)
    mqtt_entry.async_start_reauth(hass)
    await hass.async_block_till_done()
    await _advance(hass, freezer, 61)
    assert set(_issues(hass)) == {"mqtt_auth_failed"}
    broker_check.assert_not_awaited()


async def test_longer_grace_while_home_assistant_starts(
    freezer: FrozenDateTimeFactory,
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
    mqtt_client_mock: MqttMockPahoClient,
    broker_check: AsyncMock,
) -> None:
    """A broker still starting with Home Assistant gets three minutes, not one."""
    hass.set_state(CoreState.starting)
    await setup_integration(hass, config_entry)
    _disconnect(mqtt_client_mock)
    await _advance(hass, freezer, 120)
    assert _issues(hass) == {}
    await _advance(hass, freezer, 61)
    assert set(_issues(hass)) == {"mqtt_broker_unreachable"}


async def test_normal_grace_once_start_up_is_over(
    freezer: FrozenDateTimeFactory,
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
    mqtt_client_mock: MqttMockPahoClient,
    broker_check: AsyncMock,
) -> None:
    """Set up during start-up, a later outage is reported after the normal minute."""
    hass.set_state(CoreState.starting)
    await setup_integration(hass, config_entry)
    hass.set_state(CoreState.running)
    await _advance(hass, freezer, 200)
    _disconnect(mqtt_client_mock)
    await _advance(hass, freezer, 61)
    assert set(_issues(hass)) == {"mqtt_broker_unreachable"}
