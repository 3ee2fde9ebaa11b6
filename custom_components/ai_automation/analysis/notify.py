"""Publish the analysis notification on the user's MQTT topic; report failures in Repairs."""

from __future__ import annotations

from collections.abc import Mapping
import json
import logging
from typing import Any

from homeassistant.components import mqtt
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError

from ..const import ISSUE_PUBLISH_FAILED
from ..issues import async_clear_issue, async_raise_issue

_LOGGER = logging.getLogger(__name__)


async def async_publish_notification(
    hass: HomeAssistant, topic: str, message: Mapping[str, Any]
) -> bool:
    """Publish `message` as JSON (QoS 1, not retained); return whether it went out."""
    try:
        await mqtt.async_publish(hass, topic, json.dumps(message), qos=1, retain=False)
    except HomeAssistantError as err:
        if async_raise_issue(hass, ISSUE_PUBLISH_FAILED, {"topic": topic, "error": str(err)}):
            _LOGGER.warning("Could not publish the analysis notification on %s: %s", topic, err)
        return False
    if async_clear_issue(hass, ISSUE_PUBLISH_FAILED):
        _LOGGER.info("Published the analysis notification on %s again", topic)
    return True
