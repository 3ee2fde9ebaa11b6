"""AI Automation: learns how a home is used and proposes automations."""

from __future__ import annotations

from homeassistant.components import mqtt
from homeassistant.config_entries import SOURCE_MQTT
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryNotReady
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.typing import ConfigType

from .analysis import kept_days
from .analysis.daily import DailyAnalysis
from .analysis.kept_days import remove_kept_days
from .card import async_register_card
from .const import DATA_ZIGBEE2MQTT_SEEN_ON, DOMAIN, ISSUE_MQTT_NOT_SET_UP
from .devices.device_list import KnownDevices, async_device_list_stored
from .devices.usage_watcher import UsageWatcher
from .issues import async_clear_all_issues, async_raise_issue
from .models import AiAutomationConfigEntry, AiAutomationData
from .mqtt_health.monitor import MqttHealthMonitor
from .services import async_setup_services
from .settings import Settings
from .websocket import async_register_websocket_commands

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)

PLATFORMS = [Platform.BINARY_SENSOR, Platform.BUTTON, Platform.SENSOR, Platform.TODO]


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Set up the AI Automation integration."""
    async_register_websocket_commands(hass)
    async_setup_services(hass)
    await async_register_card(hass)
    return True


async def async_migrate_entry(hass: HomeAssistant, entry: AiAutomationConfigEntry) -> bool:
    """Bring an entry written by an older version up to date."""
    if entry.version > 1:
        return False  # written by a newer version
    if entry.minor_version < 2:
        # 1.2 remembers where Zigbee2MQTT was heard: a stored device list says it was.
        data = dict(entry.data)
        if await async_device_list_stored(hass):
            data[DATA_ZIGBEE2MQTT_SEEN_ON] = Settings.from_options(entry.options).base_topic
        hass.config_entries.async_update_entry(entry, data=data, minor_version=2)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: AiAutomationConfigEntry) -> bool:
    """Set up AI Automation from a config entry."""
    if not await mqtt.async_wait_for_mqtt_client(hass):
        async_raise_issue(hass, ISSUE_MQTT_NOT_SET_UP)
        raise ConfigEntryNotReady(translation_domain=DOMAIN, translation_key="mqtt_not_available")

    settings = Settings.from_options(entry.options)
    health = MqttHealthMonitor(
        hass,
        entry.entry_id,
        settings.base_topic,
        zigbee2mqtt_expected=entry.source == SOURCE_MQTT
        or entry.data.get(DATA_ZIGBEE2MQTT_SEEN_ON) == settings.base_topic,
    )
    entry.async_on_unload(health.async_stop)
    await health.async_start()
    known_devices = KnownDevices(
        hass, settings.base_topic, settings.max_payload_mib * 1024 * 1024, health.async_bridge_seen
    )
    entry.async_on_unload(known_devices.async_stop)
    await known_devices.async_start()

    usage = UsageWatcher(hass, known_devices)
    entry.async_on_unload(usage.async_stop)
    await usage.async_start()

    daily = DailyAnalysis(hass, entry, settings, known_devices, usage)
    entry.runtime_data = AiAutomationData(
        settings=settings, health=health, known_devices=known_devices, daily=daily, usage=usage
    )
    await daily.async_start()
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def async_unload_entry(hass: HomeAssistant, entry: AiAutomationConfigEntry) -> bool:
    """Unload a config entry; its Repairs issues go too when the user disabled it."""
    if entry.disabled_by is not None:
        # Or the monitor would bring back the issue of a broker that still fails.
        entry.runtime_data.health.async_release_issues()
        async_clear_all_issues(hass)
    await entry.runtime_data.daily.async_stop()
    await entry.runtime_data.known_devices.async_flush()
    await entry.runtime_data.usage.async_flush()
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)


async def async_remove_entry(hass: HomeAssistant, entry: AiAutomationConfigEntry) -> None:
    """Remove every Repairs issue and the analysis's kept days when the integration is deleted."""
    async_clear_all_issues(hass)
    await hass.async_add_executor_job(remove_kept_days, kept_days.kept_days_folder(hass))
