"""Constants for AI Automation: the domain, every option, and every MQTT topic."""

from datetime import time, timedelta
from typing import Final

DOMAIN: Final = "ai_automation"

# Options (stored in the config entry's options) and their defaults.
CONF_BASE_TOPIC: Final = "base_topic"
CONF_ANALYSIS_TIME: Final = "analysis_time"
CONF_LOOKBACK_DAYS: Final = "lookback_days"
CONF_NOTIFY_TOPIC: Final = "notify_topic"
CONF_MAX_PAYLOAD_MIB: Final = "max_devices_payload_mib"
CONF_INCLUDE_ENTITIES: Final = "include_entities"
CONF_NOTIFY_NEW: Final = "persistent_notification"
CONF_AI_TASK_ENTITY: Final = "ai_task_entity"
# Kept in the entry's data, not its options: the base topic on which Zigbee2MQTT was once heard.
DATA_ZIGBEE2MQTT_SEEN_ON: Final = "zigbee2mqtt_seen_on"
# ai_task's AITaskEntityFeature.GENERATE_DATA (not imported: ai_task pulls in conversation).
AI_TASK_GENERATE_DATA: Final = 1
AI_WORDING_TIMEOUT: Final = 30.0  # seconds per suggestion
AI_WORDING_MAX_PER_RUN: Final = 20  # suggestions sent to the AI per run; the rest next run
AI_TITLE_MAX_LENGTH: Final = 100  # characters of an AI's title kept (with an ellipsis)
AI_DESCRIPTION_MAX_LENGTH: Final = 500  # characters of an AI's description kept
CONF_MAX_NEW_SUGGESTIONS: Final = "max_new_suggestions"
DEFAULT_MAX_NEW_SUGGESTIONS: Final = 5  # new suggestions per run, strongest first
MAX_MAX_NEW_SUGGESTIONS: Final = 50
SNOOZE_DAYS: Final = 30  # a snoozed suggestion may come back after this, if it still holds
# A suggestion like a dismissed one (same kind, same entity) needs this much more evidence...
DISMISSED_SIMILAR_FACTOR: Final = 1.5
DISMISSED_SIMILAR_DAYS: Final = 90  # ... for this long after the dismissal
CONF_EXCLUDE_ENTITIES: Final = "exclude_entities"
CONF_EXCLUDE_DOMAINS: Final = "exclude_domains"
CONF_EXCLUDE_AREAS: Final = "exclude_areas"
# Users whose changes count as automated (tool accounts for Node-RED, AppDaemon, pyscript...);
# system-generated users always do.
CONF_AUTOMATED_USERS: Final = "automated_users"
LIST_OPTIONS: Final = (
    CONF_INCLUDE_ENTITIES,
    CONF_EXCLUDE_ENTITIES,
    CONF_EXCLUDE_DOMAINS,
    CONF_EXCLUDE_AREAS,
    CONF_AUTOMATED_USERS,
)

DEFAULT_BASE_TOPIC: Final = "zigbee2mqtt"
DEFAULT_ANALYSIS_TIME: Final = time(3, 30)
DEFAULT_LOOKBACK_DAYS: Final = 14
DEFAULT_NOTIFY_TOPIC: Final = "ha-ai/analysis/complete"

DEFAULT_MAX_PAYLOAD_MIB: Final = 16
MAX_MAX_PAYLOAD_MIB: Final = 256

# With less history than this, the analysis is still learning: the first suggestions come after
# about a week (a habit needs at least HabitSettings.min_days days).
LEARNING_DAYS: Final = 7

# The detectors' process must take each block of rows within DETECTORS_TIME_LIMIT, and answer
# within DETECTORS_TIME_LIMIT + DETECTORS_TIME_PER_ROW x the rows it was sent once they all are;
# otherwise it is stopped (SIGTERM, SIGKILL after DETECTORS_STOP_GRACE) and the run fails. Several
# times what the benchmark measures on a busy machine, for a slow Raspberry Pi (README).
DETECTORS_TIME_LIMIT: Final = 120.0  # seconds
DETECTORS_TIME_PER_ROW: Final = 300e-6  # seconds: 5 minutes more for each million changes
DETECTORS_STOP_GRACE: Final = 3.0  # seconds

MIN_LOOKBACK_DAYS: Final = 1
MAX_LOOKBACK_DAYS: Final = 90

# MQTT topics. This integration only listens below the Zigbee2MQTT base topic.
DISCOVERY_TOPIC_SUFFIX: Final = "/bridge/state"


def bridge_state_topic(base_topic: str) -> str:
    """Return the topic where Zigbee2MQTT reports whether its bridge is online."""
    return f"{base_topic}/bridge/state"


def bridge_devices_topic(base_topic: str) -> str:
    """Return the topic where Zigbee2MQTT publishes its retained device list."""
    return f"{base_topic}/bridge/devices"


# Where the last good Zigbee2MQTT device list is kept across restarts.
DEVICES_STORAGE_KEY: Final = "ai_automation.devices"
DEVICES_STORAGE_VERSION: Final = 1
# Where the live usage record of the watched devices is kept, and how long a change waits to be
# written together with the changes after it (never one write per message).
USAGE_STORAGE_KEY: Final = "ai_automation.usage"
USAGE_STORAGE_VERSION: Final = 1
USAGE_SAVE_DELAY: Final = 120.0  # seconds
# A device state message longer than this is ignored unread (Zigbee2MQTT's are under 2 KiB).
USAGE_MAX_PAYLOAD_BYTES: Final = 64 * 1024
# The stored usage record is kept under this size; devices past it are left out of the file.
# (5,000 devices in use on 120 days, each with five capabilities of twelve values, take 15 MiB.)
USAGE_MAX_STORED_BYTES: Final = 32 * 1024 * 1024

# Repairs issues, one per condition.
ISSUE_MQTT_NOT_SET_UP: Final = "mqtt_not_set_up"
ISSUE_BROKER_UNREACHABLE: Final = "mqtt_broker_unreachable"
ISSUE_AUTH_FAILED: Final = "mqtt_auth_failed"
ISSUE_CONNECTION_REFUSED: Final = "mqtt_connection_refused"
ISSUE_BRIDGE_OFFLINE: Final = "zigbee2mqtt_bridge_offline"
ISSUE_ZIGBEE2MQTT_NOT_FOUND: Final = "zigbee2mqtt_not_found"
ISSUE_PUBLISH_FAILED: Final = "notification_publish_failed"
BROKER_ISSUES: Final = (ISSUE_BROKER_UNREACHABLE, ISSUE_AUTH_FAILED, ISSUE_CONNECTION_REFUSED)
# The issues with a fix flow in repairs.py; the others only explain.
FIXABLE_ISSUES: Final = frozenset(
    {
        ISSUE_MQTT_NOT_SET_UP,
        ISSUE_AUTH_FAILED,
        ISSUE_BROKER_UNREACHABLE,
        ISSUE_CONNECTION_REFUSED,
        ISSUE_ZIGBEE2MQTT_NOT_FOUND,
    }
)

# How long a problem must last before it becomes a Repairs issue.
GRACE_PERIOD: Final = timedelta(seconds=60)
STARTUP_GRACE_PERIOD: Final = timedelta(minutes=3)
ZIGBEE2MQTT_NOT_FOUND_AFTER: Final = timedelta(minutes=5)
# Accepted suggestions stay in the to-do list, completed, this long.
ACCEPTED_SHOWN_FOR: Final = timedelta(days=30)
# While the broker stays unreachable, the connection check runs at most this often.
CONNECTION_CHECK_INTERVAL: Final = timedelta(minutes=10)


# Entities whose changes a person makes and an automation can make for them.
ACTION_DOMAINS: Final = frozenset(
    {"light", "switch", "cover", "lock", "climate", "fan", "media_player", "scene", "input_boolean"}
)
# Everything analysed: the action domains plus those that can only start something.
ANALYSED_DOMAINS: Final = ACTION_DOMAINS | {
    "binary_sensor",
    "person",
    "device_tracker",
    "zone",  # zone.home counts the people at home: arrivals, departures, presence
    "sun",
    "button",
    "event",
    "input_button",
}
