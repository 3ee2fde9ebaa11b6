"""The Check MQTT connection button and the sensor that shows its result."""

from unittest.mock import AsyncMock, patch

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import MqttMockHAClient

from custom_components.ai_automation.engine.mqtt_connect import CheckResult
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError

from .conftest import setup_integration

BUTTON = "button.ai_automation_check_mqtt_connection"
SENSOR = "sensor.ai_automation_last_mqtt_connection_check"


@pytest.mark.parametrize(
    ("result", "state", "code", "detail"),
    [
        (
            CheckResult(host="b", port=1, protocol="3.1.1", reachable=True, code=0),
            "accepted",
            0,
            "connection accepted",
        ),
        (
            CheckResult(host="b", port=1, protocol="5", reachable=True, code=0x87),
            "auth_failed",
            135,
            "not authorised",
        ),
        (
            CheckResult(host="b", port=1, protocol="3.1.1", reachable=True, code=2),
            "refused",
            2,
            "client identifier rejected",
        ),
        (
            CheckResult(
                host="b", port=1, protocol="3.1.1", reachable=False, error="Connection refused"
            ),
            "unreachable",
            None,
            "cannot reach b:1: Connection refused",
        ),
        (
            CheckResult(
                host="b", port=1, protocol="3.1.1", reachable=True, error="no answer to CONNECT"
            ),
            "no_mqtt_answer",
            None,
            "b:1 did not answer as an MQTT broker: no answer to CONNECT",
        ),
    ],
)
async def test_press_shows_result(
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
    result: CheckResult,
    state: str,
    code: int | None,
    detail: str,
) -> None:
    """Pressing the button checks the broker; the sensor shows the outcome and CONNACK code."""
    await setup_integration(hass, config_entry)
    assert hass.states.get(SENSOR).state == "unknown"
    with patch(
        "custom_components.ai_automation.mqtt_health.monitor.async_check_broker",
        AsyncMock(return_value=result),
    ):
        await hass.services.async_call("button", "press", {"entity_id": BUTTON}, blocking=True)
    sensor = hass.states.get(SENSOR)
    assert sensor.state == state
    assert sensor.attributes["code"] == code
    assert sensor.attributes["detail"] == detail
    assert sensor.attributes["broker"] == "b:1"


async def test_press_without_a_checkable_broker(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, config_entry: MockConfigEntry
) -> None:
    """When the broker cannot be checked (websockets), pressing says so."""
    await setup_integration(hass, config_entry)
    with (
        patch(
            "custom_components.ai_automation.mqtt_health.monitor.async_check_broker",
            AsyncMock(return_value=None),
        ),
        pytest.raises(HomeAssistantError, match="connects over websockets"),
    ):
        await hass.services.async_call("button", "press", {"entity_id": BUTTON}, blocking=True)
