"""Base entity for AI Automation."""

from __future__ import annotations

from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity import Entity, EntityDescription

from .const import DOMAIN
from .models import AiAutomationConfigEntry


class AiAutomationEntity(Entity):
    """An entity of the AI Automation service device."""

    _attr_has_entity_name = True
    _attr_should_poll = False

    def __init__(self, entry: AiAutomationConfigEntry, description: EntityDescription) -> None:
        """Initialise the entity for `entry`."""
        self.entity_description = description
        self._entry = entry
        self._attr_unique_id = f"{entry.entry_id}_{description.key}"
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, entry.entry_id)},
            entry_type=DeviceEntryType.SERVICE,
            manufacturer="AI Automation",
            name="AI Automation",
        )
