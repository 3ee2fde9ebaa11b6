"""Keep what Zigbee2MQTT says each device can do, across restarts, matched to Home Assistant."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
import logging
from typing import Any

from homeassistant.components import mqtt
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from .connection import mqtt_entry
from .const import DEVICES_STORAGE_KEY, DEVICES_STORAGE_VERSION, bridge_devices_topic
from .engine.devices import Capability, Device, DeviceList, parse_devices, payload_digest
from .engine.zigbee2mqtt import PayloadError
from .listeners import Observable

_LOGGER = logging.getLogger(__name__)

# Larger payloads are parsed in an executor so the event loop never waits on them.
INLINE_PARSE_LIMIT = 128 * 1024
MAX_PROBLEMS_LOGGED = 5


def _devices_from_store(stored: dict[str, Any]) -> dict[str, Device]:
    """Rebuild stored devices (in an executor: thousands of capabilities take a while)."""
    return {raw["ieee_address"]: Device.from_dict(raw) for raw in stored["devices"]}


class DeviceStore(Store[dict[str, Any]]):
    """The stored device list; `_async_migrate_func` is where future formats are upgraded."""

    async def _async_migrate_func(
        self, old_major_version: int, old_minor_version: int, old_data: dict[str, Any]
    ) -> dict[str, Any]:
        """Upgrade data written by an older version (none exists yet beyond 1.1)."""
        return old_data


async def async_device_list_stored(hass: HomeAssistant) -> bool:
    """Tell whether a Zigbee2MQTT device list was ever stored (Zigbee2MQTT was heard)."""
    store = DeviceStore(hass, DEVICES_STORAGE_VERSION, DEVICES_STORAGE_KEY)
    return await store.async_load() is not None


@dataclass(frozen=True, kw_only=True)
class HaMatch:
    """The Home Assistant device and entities behind a Zigbee2MQTT device."""

    device_id: str
    entities: dict[str, str]  # capability key ("property" or "property@endpoint") -> entity_id


def capability_key_of(prop: str, endpoint: str | None) -> str:
    """Return a stable key naming one capability of a device."""
    return f"{prop}@{endpoint}" if endpoint else prop


def capability_key(capability: Capability) -> str:
    """Return the key of `capability`."""
    return capability_key_of(capability.property, capability.endpoint)


class CapabilityListener(Observable):
    """Listen to `<base>/bridge/devices` and keep the last good device list."""

    def __init__(
        self,
        hass: HomeAssistant,
        base_topic: str,
        max_bytes: int,
        on_seen: Callable[[], None],
    ) -> None:
        """Prepare the listener; `on_seen` is called whenever Zigbee2MQTT publishes a list."""
        super().__init__()
        self._hass = hass
        self.base_topic = base_topic
        self._max_bytes = max_bytes
        self._on_seen = on_seen
        self._store = DeviceStore(hass, DEVICES_STORAGE_VERSION, DEVICES_STORAGE_KEY)
        self.devices: dict[str, Device] = {}
        # The same devices as plain data, made off the event loop, for storage and the websocket.
        self.device_data: list[dict[str, Any]] = []
        self.digest: str | None = None
        self.updated: datetime | None = None
        self._latest = 0
        self._unsubscribe: CALLBACK_TYPE | None = None

    @property
    def capability_count(self) -> int:
        """Return how many capabilities all devices have together."""
        return sum(len(device.capabilities) for device in self.devices.values())

    @property
    def settable_count(self) -> int:
        """Return how many capabilities can be set."""
        return sum(cap.settable for device in self.devices.values() for cap in device.capabilities)

    async def async_start(self) -> None:
        """Load the stored list, then subscribe."""
        if (stored := await self._store.async_load()) is not None:
            try:
                devices = await self._hass.async_add_executor_job(_devices_from_store, stored)
            except (KeyError, TypeError) as err:
                _LOGGER.warning("Ignoring the stored Zigbee2MQTT device list: %s", err)
            else:
                self.devices, self.device_data = devices, stored["devices"]
                self.digest = stored.get("digest")
                self.updated = dt_util.parse_datetime(stored.get("updated") or "")
        self._unsubscribe = await mqtt.async_subscribe(
            self._hass,
            bridge_devices_topic(self.base_topic),
            self._on_message,
            qos=1,
            encoding=None,
        )

    @callback
    def async_stop(self) -> None:
        """Unsubscribe and forget listeners."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._listeners.clear()

    @callback
    def _on_message(self, message: mqtt.ReceiveMessage) -> None:
        self._on_seen()
        payload = message.payload
        if isinstance(payload, str):
            payload = payload.encode()
        if len(payload) <= self._max_bytes and payload_digest(bytes(payload)) == self.digest:
            _LOGGER.debug("The device list on %s is unchanged", message.topic)
            return
        self._latest += 1
        if len(payload) <= INLINE_PARSE_LIMIT:
            self._apply(message.topic, self._latest, self._parse(message.topic, bytes(payload)))
        else:
            self._hass.async_create_background_task(
                self._async_parse_large(message.topic, self._latest, bytes(payload)),
                "ai_automation parse device list",
            )

    async def _async_parse_large(self, topic: str, sequence: int, payload: bytes) -> None:
        parsed = await self._hass.async_add_executor_job(self._parse, topic, payload)
        self._apply(topic, sequence, parsed)

    def _parse(self, topic: str, payload: bytes) -> tuple[DeviceList, list[dict[str, Any]]] | str:
        """Parse, or return why the payload cannot be used (runs in or out of the loop)."""
        try:
            parsed = parse_devices(payload, self._max_bytes)
        except PayloadError as err:
            return str(err)
        return parsed, [device.to_dict() for device in parsed.devices]

    @callback
    def _apply(
        self, topic: str, sequence: int, result: tuple[DeviceList, list[dict[str, Any]]] | str
    ) -> None:
        if isinstance(result, str):
            _LOGGER.warning(
                "Ignoring the device list on %s: %s; keeping the %d devices known",
                topic,
                result,
                len(self.devices),
            )
            return
        parsed, device_data = result
        if parsed.problems:
            shown = "; ".join(parsed.problems[:MAX_PROBLEMS_LOGGED])
            more = len(parsed.problems) - MAX_PROBLEMS_LOGGED
            _LOGGER.warning(
                "Parts of the device list on %s could not be read: %s%s",
                topic,
                shown,
                f" (and {more} more)" if more > 0 else "",
            )
        if sequence != self._latest:
            return  # a newer list arrived while this one was parsed
        new = {device.ieee_address: device for device in parsed.devices}
        self._log_changes(new)
        self.devices, self.digest, self.updated = new, parsed.digest, dt_util.utcnow()
        self.device_data = device_data
        self._store.async_delay_save(self._data_to_store, 1)
        self._notify()

    def _log_changes(self, new: dict[str, Device]) -> None:
        added = [new[ieee].friendly_name for ieee in new.keys() - self.devices.keys()]
        removed = [self.devices[ieee].friendly_name for ieee in self.devices.keys() - new.keys()]
        renamed = [
            f"{self.devices[ieee].friendly_name} -> {new[ieee].friendly_name}"
            for ieee in new.keys() & self.devices.keys()
            if new[ieee].friendly_name != self.devices[ieee].friendly_name
        ]
        if not (added or removed or renamed):
            return
        parts = [
            f"{label}: {', '.join(sorted(names))}"
            for label, names in (("added", added), ("removed", removed), ("renamed", renamed))
            if names
        ]
        _LOGGER.info("Zigbee2MQTT devices changed (%d known): %s", len(new), "; ".join(parts))

    def _data_to_store(self) -> dict[str, Any]:
        return {
            "digest": self.digest,
            "updated": self.updated.isoformat() if self.updated else None,
            "devices": self.device_data,
        }

    async def async_flush(self) -> None:
        """Write a pending save now (on unload)."""
        if self.digest is not None:
            await self._store.async_save(self._data_to_store())

    @callback
    def async_match(self) -> dict[str, HaMatch]:
        """Match each device to the Home Assistant device Zigbee2MQTT's discovery created."""
        entry = mqtt_entry(self._hass)
        if entry is None:
            return {}
        devices, entities = dr.async_get(self._hass), er.async_get(self._hass)
        matches: dict[str, HaMatch] = {}
        for ieee, device in self.devices.items():
            ha_device = devices.async_get_device_by_identifier(
                (mqtt.DOMAIN, f"zigbee2mqtt_{ieee}"), entry.entry_id
            )
            if ha_device is None:
                continue
            by_unique_id = {
                entity.unique_id: entity.entity_id
                for entity in er.async_entries_for_device(entities, ha_device.id)
            }
            matches[ieee] = HaMatch(
                device_id=ha_device.id,
                entities={
                    capability_key(cap): entity_id
                    for cap in device.capabilities
                    if (entity_id := self._entity_for(ieee, cap, by_unique_id)) is not None
                },
            )
        return matches

    def _entity_for(self, ieee: str, cap: Capability, by_unique_id: dict[str, str]) -> str | None:
        """Find the entity Zigbee2MQTT made for a capability (its own or its parent's)."""
        parent = (cap.parent or "").split(">")[0]
        objects = [cap.property, f"{cap.property}_{cap.endpoint}"]
        if parent:
            objects += [f"{parent}_{cap.endpoint}" if cap.endpoint else parent]
        for object_id in objects:
            if (entity_id := by_unique_id.get(f"{ieee}_{object_id}_{self.base_topic}")) is not None:
                return entity_id
        return None
