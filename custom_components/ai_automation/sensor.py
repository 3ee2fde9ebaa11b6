"""Sensors: the last MQTT connection check, and how many Zigbee devices and capabilities are known."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from homeassistant.components.sensor import SensorEntity, SensorEntityDescription
from homeassistant.components.sensor.const import SensorDeviceClass, SensorStateClass
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .capabilities import CapabilityListener
from .engine.connection_check import CheckResult
from .entity import AiAutomationEntity
from .models import AiAutomationConfigEntry

PARALLEL_UPDATES = 0

CHECK_RESULTS = ["accepted", "auth_failed", "refused", "unreachable", "no_mqtt_answer"]

CONNECTION_CHECK = SensorEntityDescription(
    key="mqtt_connection_check",
    translation_key="mqtt_connection_check",
    device_class=SensorDeviceClass.ENUM,
    options=CHECK_RESULTS,
    entity_category=EntityCategory.DIAGNOSTIC,
)


def check_outcome(result: CheckResult) -> str:
    """Sort a check result into one of the sensor's states."""
    if result.accepted:
        return "accepted"
    if result.auth_failed:
        return "auth_failed"
    if result.code is not None:
        return "refused"
    return "unreachable" if not result.reachable else "no_mqtt_answer"


@dataclass(frozen=True, kw_only=True)
class CountSensorDescription(SensorEntityDescription):
    """Describes a sensor counting what the capability listener knows."""

    value_fn: Callable[[CapabilityListener], int]


COUNT_SENSORS: tuple[CountSensorDescription, ...] = (
    CountSensorDescription(
        key="zigbee_devices",
        translation_key="zigbee_devices",
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda listener: len(listener.devices),
    ),
    CountSensorDescription(
        key="capabilities",
        translation_key="capabilities",
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda listener: listener.capability_count,
    ),
    CountSensorDescription(
        key="settable_capabilities",
        translation_key="settable_capabilities",
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda listener: listener.settable_count,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AiAutomationConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the connection check sensor and the device counts."""
    async_add_entities([ConnectionCheckSensor(entry, CONNECTION_CHECK)])
    async_add_entities(CountSensor(entry, description) for description in COUNT_SENSORS)


class CountSensor(AiAutomationEntity, SensorEntity):
    """How many devices or capabilities Zigbee2MQTT has told about."""

    entity_description: CountSensorDescription

    def __init__(self, entry: AiAutomationConfigEntry, description: CountSensorDescription) -> None:
        """Initialise the sensor."""
        super().__init__(entry, description)
        self._listener = entry.runtime_data.capabilities

    @property
    def native_value(self) -> int:
        """Return the count."""
        return self.entity_description.value_fn(self._listener)

    async def async_added_to_hass(self) -> None:
        """Write the state whenever the device list changes."""
        await super().async_added_to_hass()
        self.async_on_remove(self._listener.async_add_listener(self.async_write_ha_state))


class ConnectionCheckSensor(AiAutomationEntity, SensorEntity):
    """What the broker answered to the last connection check."""

    def __init__(
        self, entry: AiAutomationConfigEntry, description: SensorEntityDescription
    ) -> None:
        """Initialise the sensor."""
        super().__init__(entry, description)
        self._health = entry.runtime_data.health

    @property
    def native_value(self) -> str | None:
        """Return the outcome, or None before the first check."""
        result = self._health.last_check
        return None if result is None else check_outcome(result)

    @property
    def extra_state_attributes(self) -> dict[str, Any] | None:
        """Return the broker, the CONNACK code and its meaning."""
        result = self._health.last_check
        if result is None:
            return None
        return {
            "broker": f"{result.host}:{result.port}",
            "code": result.code,
            "detail": result.meaning,
            "checked_at": self._health.last_check_time,
        }

    async def async_added_to_hass(self) -> None:
        """Write the state whenever the monitor has a new result."""
        await super().async_added_to_hass()
        self.async_on_remove(self._health.async_add_listener(self.async_write_ha_state))
