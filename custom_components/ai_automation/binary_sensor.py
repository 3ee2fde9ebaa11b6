"""Binary sensors: is the MQTT broker connected, is the Zigbee2MQTT bridge online."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from homeassistant.components.binary_sensor import BinarySensorEntity, BinarySensorEntityDescription
from homeassistant.components.binary_sensor.const import BinarySensorDeviceClass
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .entity import AiAutomationEntity
from .models import AiAutomationConfigEntry
from .mqtt_health.monitor import MqttHealthMonitor

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class AiAutomationBinarySensorDescription(BinarySensorEntityDescription):
    """Describes a binary sensor that reads the MQTT health monitor."""

    is_on_fn: Callable[[MqttHealthMonitor], bool | None]
    available_fn: Callable[[MqttHealthMonitor], bool] = lambda _: True


BINARY_SENSORS: tuple[AiAutomationBinarySensorDescription, ...] = (
    AiAutomationBinarySensorDescription(
        key="mqtt_broker",
        translation_key="mqtt_broker",
        device_class=BinarySensorDeviceClass.CONNECTIVITY,
        entity_category=EntityCategory.DIAGNOSTIC,
        is_on_fn=lambda health: health.broker_connected,
    ),
    AiAutomationBinarySensorDescription(
        key="zigbee2mqtt_bridge",
        translation_key="zigbee2mqtt_bridge",
        device_class=BinarySensorDeviceClass.CONNECTIVITY,
        entity_category=EntityCategory.DIAGNOSTIC,
        is_on_fn=lambda health: health.bridge_online,
        # Without the broker nothing can be known about the bridge.
        available_fn=lambda health: health.broker_connected,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AiAutomationConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the MQTT health binary sensors."""
    async_add_entities(
        AiAutomationBinarySensor(entry, description) for description in BINARY_SENSORS
    )


class AiAutomationBinarySensor(AiAutomationEntity, BinarySensorEntity):
    """A binary sensor that follows the MQTT health monitor."""

    entity_description: AiAutomationBinarySensorDescription

    def __init__(
        self, entry: AiAutomationConfigEntry, description: AiAutomationBinarySensorDescription
    ) -> None:
        """Initialise the sensor."""
        super().__init__(entry, description)
        self._health = entry.runtime_data.health

    @property
    def available(self) -> bool:
        """Return whether the state can be known."""
        return self.entity_description.available_fn(self._health)

    @property
    def is_on(self) -> bool | None:
        """Return the state the monitor knows."""
        return self.entity_description.is_on_fn(self._health)

    async def async_added_to_hass(self) -> None:
        """Write the state whenever the monitor sees a change."""
        await super().async_added_to_hass()
        self.async_on_remove(self._health.async_add_listener(self.async_write_ha_state))
