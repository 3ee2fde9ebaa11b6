"""The runtime data of an AI Automation config entry: its objects, held together."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant

from .const import DOMAIN
from .settings import Settings

if TYPE_CHECKING:
    from .analysis.daily import DailyAnalysis
    from .devices.device_list import KnownDevices
    from .devices.usage_watcher import UsageWatcher
    from .mqtt_health.monitor import MqttHealthMonitor


@dataclass(kw_only=True)
class AiAutomationData:
    """Everything a loaded config entry holds at run time."""

    settings: Settings
    health: MqttHealthMonitor
    known_devices: KnownDevices
    daily: DailyAnalysis
    usage: UsageWatcher


type AiAutomationConfigEntry = ConfigEntry[AiAutomationData]


def loaded_entry(hass: HomeAssistant) -> AiAutomationConfigEntry | None:
    """Return the (single) loaded AI Automation entry, or None when it is not running."""
    entries: list[AiAutomationConfigEntry] = hass.config_entries.async_loaded_entries(DOMAIN)
    return entries[0] if entries else None
