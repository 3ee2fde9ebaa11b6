"""Tests for MQTT health: Repairs issues after grace periods, cleared when fixed, never flooded."""

from collections.abc import Generator
from datetime import timedelta
from unittest.mock import AsyncMock, patch

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockMqttReasonCode,
    async_fire_mqtt_message,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.typing import MqttMockHAClient, MqttMockPahoClient

from custom_components.ai_automation.engine.mqtt_connect import CheckResult
from homeassistant.config_entries import ConfigEntryDisabler, ConfigEntryState
from homeassistant.core import CoreState, HomeAssistant
from homeassistant.helpers import issue_registry as ir

from .conftest import setup_integration

DOMAIN = "ai_automation"
UNREACHABLE = CheckResult(
    host="mock-broker", port=1883, protocol="3.1.1", reachable=False, error="Connection refused"
)


@pytest.fixture
def broker_check() -> Generator[AsyncMock]:
    """Replace the real connection check (no sockets in unit tests) with a chosen result."""
    with patch(
        "custom_components.ai_automation.mqtt_health.monitor.async_check_broker",
        AsyncMock(return_value=UNREACHABLE),
    ) as check:
        yield check


@pytest.fixture
async def loaded_entry(
    freezer: FrozenDateTimeFactory,
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
    broker_check: AsyncMock,
) -> MockConfigEntry:
    """AI Automation running on the mocked broker, with time frozen before its timers start."""
    await setup_integration(hass, config_entry)
    return config_entry


def _issues(hass: HomeAssistant) -> dict[str, ir.IssueEntry]:
    return {
        issue_id: issue
        for (domain, issue_id), issue in ir.async_get(hass).issues.items()
        if domain == DOMAIN
    }


async def _advance(hass: HomeAssistant, freezer: FrozenDateTimeFactory, seconds: float) -> None:
    freezer.tick(timedelta(seconds=seconds))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


def _disconnect(client: MqttMockPahoClient) -> None:
    client.on_disconnect(None, None, 0, MockMqttReasonCode())


def _connect(client: MqttMockPahoClient) -> None:
    client.on_connect(client, None, 0, MockMqttReasonCode())


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

    new = MockConfigEntry(domain="mqtt", data={"broker": "mock-broker"}, version=2, minor_version=1)
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
