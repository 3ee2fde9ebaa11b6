"""Publishing the analysis notification, and the issue when it cannot go out."""

import json
from unittest.mock import AsyncMock, patch

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import MqttMockHAClient

from custom_components.ai_automation.analysis.notifications import async_publish_notification
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir

from .conftest import setup_integration, wait_until
from .mosquitto import Broker

MESSAGE = {"event": "analysis_complete", "success": True}


async def test_published_as_json_qos1_not_retained(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant
) -> None:
    """The message goes to the topic as JSON, QoS 1, not retained."""
    assert await async_publish_notification(hass, "ha-ai/analysis/complete", MESSAGE)
    mqtt_ready.async_publish.assert_called_once()
    topic, payload, qos, retain = mqtt_ready.async_publish.call_args.args
    assert (topic, json.loads(payload), qos, retain) == (
        "ha-ai/analysis/complete",
        MESSAGE,
        1,
        False,
    )


async def test_failure_is_an_issue_until_the_next_success(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    """A failed publish raises one issue and one warning; the next success clears it."""
    failing = AsyncMock(side_effect=HomeAssistantError("not connected"))
    with patch("homeassistant.components.mqtt.async_publish", failing):
        assert not await async_publish_notification(hass, "t/done", MESSAGE)
        assert not await async_publish_notification(hass, "t/done", MESSAGE)
    issue = ir.async_get(hass).async_get_issue("ai_automation", "notification_publish_failed")
    assert issue is not None
    assert issue.translation_placeholders == {"topic": "t/done", "error": "not connected"}
    assert caplog.text.count("Could not publish the analysis notification on t/done") == 1

    assert await async_publish_notification(hass, "t/done", MESSAGE)
    assert (
        ir.async_get(hass).async_get_issue("ai_automation", "notification_publish_failed") is None
    )
    assert "Published the analysis notification on t/done again" in caplog.text


async def test_real_broker_down_then_back(
    real_mqtt_entry: MockConfigEntry,
    hass: HomeAssistant,
    mosquitto: Broker,
    config_entry: MockConfigEntry,
) -> None:
    """Against Mosquitto: with the broker stopped the publish fails and says so."""
    await setup_integration(hass, config_entry)
    assert await async_publish_notification(hass, "ha-ai/analysis/complete", MESSAGE)
    mosquitto.stop()
    await wait_until(
        hass,
        lambda: hass.states.get("binary_sensor.ai_automation_mqtt_broker").state == "off",
        "Home Assistant notices the broker is gone",
    )
    assert not await async_publish_notification(hass, "ha-ai/analysis/complete", MESSAGE)
    assert ir.async_get(hass).async_get_issue("ai_automation", "notification_publish_failed")
