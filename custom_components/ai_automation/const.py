"""Constants for AI Automation: the domain, every option, and every MQTT topic."""

from datetime import time
from typing import Final

DOMAIN: Final = "ai_automation"

# Options (stored in the config entry's options) and their defaults.
CONF_BASE_TOPIC: Final = "base_topic"
CONF_ANALYSIS_TIME: Final = "analysis_time"
CONF_LOOKBACK_DAYS: Final = "lookback_days"
CONF_NOTIFY_TOPIC: Final = "notify_topic"

DEFAULT_BASE_TOPIC: Final = "zigbee2mqtt"
DEFAULT_ANALYSIS_TIME: Final = time(3, 30)
DEFAULT_LOOKBACK_DAYS: Final = 14
DEFAULT_NOTIFY_TOPIC: Final = "ha-ai/analysis/complete"

MIN_LOOKBACK_DAYS: Final = 1
MAX_LOOKBACK_DAYS: Final = 90

# MQTT topics. This integration only listens below the Zigbee2MQTT base topic.
DISCOVERY_TOPIC_SUFFIX: Final = "/bridge/state"


def bridge_state_topic(base_topic: str) -> str:
    """Return the topic where Zigbee2MQTT reports whether its bridge is online."""
    return f"{base_topic}/bridge/state"
