"""Keep what Zigbee2MQTT says each device can do, across restarts, matched to Home Assistant."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
import heapq
import logging
from typing import Any, NamedTuple

from homeassistant.components import mqtt
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from ..const import DEVICES_STORAGE_KEY, DEVICES_STORAGE_VERSION, bridge_devices_topic
from ..engine.zigbee2mqtt.bridge import PayloadError, quoted
from ..engine.zigbee2mqtt.device_list import DeviceListParser, payload_digest, release
from ..engine.zigbee2mqtt.model import Capability, Device, DeviceList
from ..listeners import Observable
from ..mqtt_health.check import mqtt_entry

_LOGGER = logging.getLogger(__name__)

# Larger payloads are parsed in an executor so the event loop never waits on them.
INLINE_PARSE_LIMIT = 128 * 1024
MAX_PROBLEMS_LOGGED = 5
MAX_NAMES_LOGGED = 10
# Refused payloads remembered by digest, so a repeated bad list is a DEBUG line, not a WARNING.
MAX_REFUSED_REMEMBERED = 16


class _Refused(NamedTuple):
    """A payload that cannot be used; no reason when it was refused before and not parsed again."""

    digest: str
    reason: str | None


# What parsing a message gives: a new list, a refusal, or None when it is the list in use.
type _Outcome = DeviceList | _Refused | None


class _Counts(NamedTuple):
    """How many capabilities the devices have together, and how many of them can be set."""

    capabilities: int = 0
    settable: int = 0


def _devices_from_store(stored: dict[str, Any]) -> tuple[dict[str, Device], _Counts]:
    """Rebuild stored devices and count them (in an executor: thousands take a while)."""
    devices = {raw["ieee_address"]: Device.from_dict(raw) for raw in stored["devices"]}
    capabilities = [cap for device in devices.values() for cap in device.capabilities]
    return devices, _Counts(len(capabilities), sum(1 for cap in capabilities if cap.settable))


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


def _names(names: list[str]) -> str:
    """Return the first few names for a log line (a first list names thousands)."""
    shown = ", ".join(heapq.nsmallest(MAX_NAMES_LOGGED, names))
    more = len(names) - MAX_NAMES_LOGGED
    return f"{shown} (and {more} more)" if more > 0 else shown


class KnownDevices(Observable):
    """The devices Zigbee2MQTT lists on `<base>/bridge/devices`: the last good list, kept."""

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
        self._on_seen = on_seen
        # Written from an executor: the data is replaced as a whole, never changed in place.
        self._store = DeviceStore(
            hass, DEVICES_STORAGE_VERSION, DEVICES_STORAGE_KEY, serialize_in_event_loop=False
        )
        self._parser = DeviceListParser(max_bytes)
        self.devices: dict[str, Device] = {}
        # The same devices as plain data, made off the event loop, for storage and the websocket.
        self.device_data: list[dict[str, Any]] = []
        self.digest: str | None = None
        self.updated: datetime | None = None
        self._counts = _Counts()
        self._to_store: dict[str, Any] = {}
        # Messages are numbered as they arrive; a parsed list is used unless a later one already is.
        self._received = 0
        self._applied = 0
        self._refused: OrderedDict[str, str] = OrderedDict()
        self._problems_logged: tuple[str, ...] = ()
        self._unsubscribe: CALLBACK_TYPE | None = None

    @property
    def capability_count(self) -> int:
        """Return how many capabilities all devices have together (counted off the loop)."""
        return self._counts.capabilities

    @property
    def settable_count(self) -> int:
        """Return how many capabilities can be set."""
        return self._counts.settable

    async def async_start(self) -> None:
        """Load the stored list, then subscribe."""
        if (stored := await self._store.async_load()) is not None:
            try:
                devices, counts = await self._hass.async_add_executor_job(
                    _devices_from_store, stored
                )
            except (KeyError, TypeError) as err:
                _LOGGER.warning("Ignoring the stored Zigbee2MQTT device list: %s", err)
            else:
                self.devices, self.device_data = devices, stored["devices"]
                self._counts = counts
                self.digest = stored.get("digest")
                self.updated = dt_util.parse_datetime(stored.get("updated") or "")
                self._to_store = stored
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
        payload = payload.encode() if isinstance(payload, str) else bytes(payload)
        self._received += 1
        if len(payload) <= INLINE_PARSE_LIMIT:
            self._apply(message.topic, self._received, self._parse(payload))
        else:
            self._hass.async_create_background_task(
                self._async_parse_large(message.topic, self._received, payload),
                "ai_automation parse device list",
            )

    async def _async_parse_large(self, topic: str, sequence: int, payload: bytes) -> None:
        outcome = await self._hass.async_add_executor_job(self._parse, payload)
        self._apply(topic, sequence, outcome)

    def _parse(self, payload: bytes) -> _Outcome:
        """Parse, unless the payload is the list in use or was refused before (in or out of the loop)."""
        digest = payload_digest(payload)
        if digest == self.digest:
            return None
        if digest in self._refused:
            return _Refused(digest, None)
        try:
            return self._parser.parse(payload, digest)
        except PayloadError as err:
            return _Refused(digest, str(err))

    @callback
    def _apply(self, topic: str, sequence: int, outcome: _Outcome) -> None:
        if isinstance(outcome, _Refused):
            self._refuse(topic, outcome)
            return
        if outcome is None or outcome.digest == self.digest:
            _LOGGER.debug("The device list on %s is unchanged", topic)
            self._applied = max(self._applied, sequence)
            return
        if sequence < self._applied:
            _LOGGER.debug("A device list on %s was replaced by a later one while parsed", topic)
            return
        self._applied = sequence
        self._log_problems(topic, outcome.problems)
        new = {device.ieee_address: device for device in outcome.devices}
        self._log_changes(new)
        replaced = [self.devices, self.device_data]
        self.devices, self.digest, self.updated = new, outcome.digest, dt_util.utcnow()
        self.device_data = list(outcome.device_data)
        self._counts = _Counts(outcome.capability_count, outcome.settable_count)
        self._to_store = {
            "digest": self.digest,
            "updated": self.updated.isoformat(),
            "devices": self.device_data,
        }
        self._store.async_delay_save(self._data_to_store, 1)
        # The old list is freed a device at a time in an executor, not at once here on the loop.
        self._hass.async_add_executor_job(release, replaced)
        self._notify()

    def _refuse(self, topic: str, refused: _Refused) -> None:
        """Say once (WARNING) why a payload cannot be used; the same payload again only at DEBUG."""
        if refused.reason is None or refused.digest in self._refused:
            reason = self._refused.get(refused.digest) or refused.reason or ""
            _LOGGER.debug(
                "Ignoring the same device list on %s again: %s", topic, quoted(reason, 300)
            )
            return
        self._refused[refused.digest] = refused.reason
        while len(self._refused) > MAX_REFUSED_REMEMBERED:
            self._refused.popitem(last=False)
        _LOGGER.warning(
            "Ignoring the device list on %s: %s; keeping the %d devices known",
            topic,
            quoted(refused.reason, 300),
            len(self.devices),
        )

    def _log_problems(self, topic: str, problems: tuple[str, ...]) -> None:
        """Name what was skipped once; the same problems in a later list only at DEBUG."""
        if not problems or problems == self._problems_logged:
            if problems:
                _LOGGER.debug("The device list on %s has the same problems as before", topic)
            self._problems_logged = problems
            return
        self._problems_logged = problems
        shown = "; ".join(quoted(problem, 200) for problem in problems[:MAX_PROBLEMS_LOGGED])
        more = len(problems) - MAX_PROBLEMS_LOGGED
        _LOGGER.warning(
            "Parts of the device list on %s could not be read: %s%s",
            topic,
            shown,
            f" (and {more} more)" if more > 0 else "",
        )

    def _log_changes(self, new: dict[str, Device]) -> None:
        old = self.devices
        added = [quoted(new[ieee].friendly_name) for ieee in new.keys() - old.keys()]
        removed = [quoted(old[ieee].friendly_name) for ieee in old.keys() - new.keys()]
        renamed = [
            f"{quoted(old[ieee].friendly_name)} -> {quoted(new[ieee].friendly_name)}"
            for ieee in new.keys() & old.keys()
            if new[ieee] is not old[ieee]  # a device reused from the last list kept its name
            and new[ieee].friendly_name != old[ieee].friendly_name
        ]
        if not (added or removed or renamed):
            return
        parts = [
            f"{label}: {_names(names)}"
            for label, names in (("added", added), ("removed", removed), ("renamed", renamed))
            if names
        ]
        _LOGGER.info("Zigbee2MQTT devices changed (%d known): %s", len(new), "; ".join(parts))

    def _data_to_store(self) -> dict[str, Any]:
        """Return the list to write (called in an executor: one dict, replaced on each change)."""
        return self._to_store

    async def async_flush(self) -> None:
        """Write a pending save now (on unload)."""
        if self.digest is not None:
            await self._store.async_save(self._data_to_store())

    @callback
    def async_match(self, ieees: Iterable[str] | None = None) -> dict[str, HaMatch]:
        """Match each device (or those of `ieees`) to the Home Assistant device Zigbee2MQTT made."""
        entry = mqtt_entry(self._hass)
        if entry is None:
            return {}
        devices, entities = dr.async_get(self._hass), er.async_get(self._hass)
        matches: dict[str, HaMatch] = {}
        known = self.devices
        for ieee in known if ieees is None else ieees:
            if (device := known.get(ieee)) is None:
                continue
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
