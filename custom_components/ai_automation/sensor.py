"""Sensors: the last MQTT connection check, the Zigbee device counts, and the analysis runs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from homeassistant.components.sensor import SensorEntity, SensorEntityDescription
from homeassistant.components.sensor.const import SensorDeviceClass, SensorStateClass
from homeassistant.const import EntityCategory, UnitOfTime
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.typing import StateType
from homeassistant.util import dt as dt_util

from .analysis.daily import LEARNING, RUNNING, SUCCESS, DailyAnalysis
from .const import LEARNING_DAYS
from .devices.device_list import KnownDevices
from .engine.mqtt_connect import CheckResult
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
    """Describes a sensor counting what the device list holds."""

    value_fn: Callable[[KnownDevices], int]


COUNT_SENSORS: tuple[CountSensorDescription, ...] = (
    CountSensorDescription(
        key="zigbee_devices",
        translation_key="zigbee_devices",
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda known_devices: len(known_devices.devices),
    ),
    CountSensorDescription(
        key="capabilities",
        translation_key="capabilities",
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda known_devices: known_devices.capability_count,
    ),
    CountSensorDescription(
        key="settable_capabilities",
        translation_key="settable_capabilities",
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda known_devices: known_devices.settable_count,
    ),
)


def _run_status(daily: DailyAnalysis) -> str | None:
    """Return the last run's status; a success on less than a week of history is "learning"."""
    if daily.running:
        return RUNNING
    status: str | None = daily.summary.get("status")
    days = daily.summary.get("history_days")
    if status == SUCCESS and days is not None and days < LEARNING_DAYS:
        return LEARNING
    return status


@dataclass(frozen=True, kw_only=True)
class RunSensorDescription(SensorEntityDescription):
    """Describes a sensor reporting on the daily analysis."""

    # Typed, so that a key the run summary does not have (its `.get` gives `object`) fails mypy.
    value_fn: Callable[[DailyAnalysis], StateType | datetime]
    attributes_fn: Callable[[DailyAnalysis], dict[str, StateType] | None] = lambda _: None


RUN_SENSORS: tuple[RunSensorDescription, ...] = (
    RunSensorDescription(
        key="last_run",
        translation_key="last_run",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda daily: dt_util.parse_datetime(daily.summary.get("timestamp") or ""),
    ),
    RunSensorDescription(
        key="last_run_status",
        translation_key="last_run_status",
        device_class=SensorDeviceClass.ENUM,
        options=["success", "learning", "no_data", "failed", "running"],
        value_fn=_run_status,
        # Why the last run failed (None otherwise): one short line, not a list; and how many
        # days of history the home has.
        attributes_fn=lambda daily: {
            "error": daily.summary.get("error"),
            "history_days": daily.summary.get("history_days"),
        },
    ),
    RunSensorDescription(
        key="last_run_duration",
        translation_key="last_run_duration",
        device_class=SensorDeviceClass.DURATION,
        native_unit_of_measurement=UnitOfTime.SECONDS,
        entity_category=EntityCategory.DIAGNOSTIC,
        value_fn=lambda daily: daily.summary.get("processing_time_sec"),
    ),
    RunSensorDescription(
        key="patterns_found",
        translation_key="patterns_found",
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda daily: daily.summary.get("patterns_detected"),
    ),
    RunSensorDescription(
        key="suggestions_open",
        translation_key="suggestions_open",
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda daily: len(daily.store.open_suggestions()),
    ),
)


class RunSensor(AiAutomationEntity, SensorEntity):
    """What the last analysis run did."""

    entity_description: RunSensorDescription

    def __init__(self, entry: AiAutomationConfigEntry, description: RunSensorDescription) -> None:
        """Initialise the sensor."""
        super().__init__(entry, description)
        self._daily = entry.runtime_data.daily

    @property
    def native_value(self) -> StateType | datetime:
        """Return the figure from the last run."""
        return self.entity_description.value_fn(self._daily)

    @property
    def extra_state_attributes(self) -> dict[str, Any] | None:
        """Return the few attributes this figure has, if any."""
        return self.entity_description.attributes_fn(self._daily)

    async def async_added_to_hass(self) -> None:
        """Write the state whenever a run starts or ends, or a suggestion is handled."""
        await super().async_added_to_hass()
        self.async_on_remove(self._daily.async_add_listener(self.async_write_ha_state))


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AiAutomationConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the connection check sensor, the device counts and the analysis run sensors."""
    async_add_entities([ConnectionCheckSensor(entry, CONNECTION_CHECK)])
    async_add_entities(CountSensor(entry, description) for description in COUNT_SENSORS)
    async_add_entities(RunSensor(entry, description) for description in RUN_SENSORS)


class CountSensor(AiAutomationEntity, SensorEntity):
    """How many devices or capabilities Zigbee2MQTT has told about."""

    entity_description: CountSensorDescription

    def __init__(self, entry: AiAutomationConfigEntry, description: CountSensorDescription) -> None:
        """Initialise the sensor."""
        super().__init__(entry, description)
        self._known_devices = entry.runtime_data.known_devices
        self._health = entry.runtime_data.health

    @property
    def _zigbee2mqtt_seen(self) -> bool:
        """Tell whether Zigbee2MQTT was ever heard on the base topic (or offered itself)."""
        health = self._health
        return (
            health.bridge_seen or health.zigbee2mqtt_expected or bool(self._known_devices.devices)
        )

    @property
    def native_value(self) -> int | None:
        """Return the count; unknown while no Zigbee2MQTT has been seen."""
        if not self._zigbee2mqtt_seen:
            return None
        return self.entity_description.value_fn(self._known_devices)

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        """Say whether a Zigbee2MQTT has been seen, and where it is listened for."""
        return {
            "zigbee2mqtt": "seen" if self._zigbee2mqtt_seen else "not_seen",
            "base_topic": self._known_devices.base_topic,
        }

    async def async_added_to_hass(self) -> None:
        """Write the state whenever the device list changes or Zigbee2MQTT is first heard."""
        await super().async_added_to_hass()
        self.async_on_remove(self._known_devices.async_add_listener(self.async_write_ha_state))
        self.async_on_remove(self._health.async_add_listener(self.async_write_ha_state))


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
