"""Buttons: run the MQTT connection check now, run the analysis now."""

from __future__ import annotations

from homeassistant.components.button import ButtonEntity, ButtonEntityDescription
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import DOMAIN
from .entity import AiAutomationEntity
from .models import AiAutomationConfigEntry

PARALLEL_UPDATES = 1

CHECK_CONNECTION = ButtonEntityDescription(
    key="check_mqtt_connection",
    translation_key="check_mqtt_connection",
    entity_category=EntityCategory.DIAGNOSTIC,
)


RUN_ANALYSIS = ButtonEntityDescription(key="run_analysis", translation_key="run_analysis")


class RunAnalysisButton(AiAutomationEntity, ButtonEntity):
    """Run the analysis now (or join the run already going)."""

    async def async_press(self) -> None:
        """Run it; the run sensors show the outcome."""
        await self._entry.runtime_data.daily.async_run()


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AiAutomationConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the connection check and run-analysis buttons."""
    async_add_entities(
        [CheckConnectionButton(entry, CHECK_CONNECTION), RunAnalysisButton(entry, RUN_ANALYSIS)]
    )


class CheckConnectionButton(AiAutomationEntity, ButtonEntity):
    """Connect once to the broker with the MQTT entry's settings and record what it answers."""

    def __init__(
        self, entry: AiAutomationConfigEntry, description: ButtonEntityDescription
    ) -> None:
        """Initialise the button."""
        super().__init__(entry, description)
        self._health = entry.runtime_data.health

    async def async_press(self) -> None:
        """Run the check; its result shows on the MQTT connection check sensor."""
        if await self._health.async_check_connection() is None:
            raise HomeAssistantError(translation_domain=DOMAIN, translation_key="check_unavailable")
