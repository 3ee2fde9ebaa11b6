"""Topic helpers: the Zigbee2MQTT base topic and the notification topic, checked and cleaned."""

from __future__ import annotations

from typing import Any

import probatio

from homeassistant.components import mqtt

from ..const import DISCOVERY_TOPIC_SUFFIX


def clean_base_topic(value: Any) -> str | None:
    """Return the Zigbee2MQTT base topic without a trailing slash, or None if it is not one."""
    base_topic = str(value).strip().rstrip("/")
    try:
        mqtt.valid_subscribe_topic(base_topic)
    except probatio.Invalid:
        return None
    return None if "+" in base_topic or "#" in base_topic else base_topic


def notify_topic_error(notify_topic: str, base_topic: str) -> str | None:
    """Return the form error for the notification topic (None when it is fine)."""
    try:
        mqtt.valid_publish_topic(notify_topic)
    except probatio.Invalid:
        return "invalid_notify_topic"
    if notify_topic == base_topic or notify_topic.startswith(f"{base_topic}/"):
        return "notify_topic_in_base_topic"
    return None


def discovered_base_topic(topic: str) -> str | None:
    """Return the base topic of a bridge state topic Zigbee2MQTT was discovered on, else None."""
    if not topic.endswith(DISCOVERY_TOPIC_SUFFIX):
        return None
    return topic.removesuffix(DISCOVERY_TOPIC_SUFFIX)
