"""MQTT health on a mocked broker: its issues, moving the clock, the client dropped and back."""

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from pytest_homeassistant_custom_component.common import MockMqttReasonCode, async_fire_time_changed
from pytest_homeassistant_custom_component.typing import MqttMockPahoClient

from custom_components.ai_automation.engine.mqtt_connect import CheckResult
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir

DOMAIN = "ai_automation"


UNREACHABLE = CheckResult(
    host="mock-broker", port=1883, protocol="3.1.1", reachable=False, error="Connection refused"
)


def issues(hass: HomeAssistant) -> dict[str, ir.IssueEntry]:
    """Return AI Automation's Repairs issues by id."""
    return {
        issue_id: issue
        for (domain, issue_id), issue in ir.async_get(hass).issues.items()
        if domain == DOMAIN
    }


async def advance(hass: HomeAssistant, freezer: FrozenDateTimeFactory, seconds: float) -> None:
    """Let `seconds` pass and Home Assistant's timers run."""
    freezer.tick(timedelta(seconds=seconds))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


def disconnect(client: MqttMockPahoClient) -> None:
    """Tell Home Assistant's MQTT client the mocked broker dropped it."""
    client.on_disconnect(None, None, 0, MockMqttReasonCode())


def connect(client: MqttMockPahoClient) -> None:
    """Tell Home Assistant's MQTT client the mocked broker accepted it."""
    client.on_connect(client, None, 0, MockMqttReasonCode())
