"""Watch how matched Zigbee devices are really used, live, and keep the record across restarts.

Two sources feed the record: what Zigbee2MQTT reports on each device's state topic
(`<base>/<friendly name>`, one exact subscription per watched device, so bridge, `/set` and `/get`
topics never reach us) and Home Assistant's state changes of the matched entities, attributes
included (the state machine has them even where the recorder drops them).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
import logging
import time
from typing import Any

import orjson
import probatio

from homeassistant.components import mqtt
from homeassistant.const import EVENT_HOMEASSISTANT_STOP, STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import CALLBACK_TYPE, Event, EventStateChangedData, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.debounce import Debouncer
from homeassistant.helpers.event import async_track_state_change_event

from ..const import USAGE_MAX_PAYLOAD_BYTES
from ..engine.usage.record import (
    HOME_ASSISTANT,
    MAX_VALUE_BYTES,
    ZIGBEE2MQTT,
    DeviceUsage,
    UsageRecord,
)
from ..engine.usage.unused import USEFUL_CAPABILITIES
from ..engine.zigbee2mqtt.bridge import quoted
from ..engine.zigbee2mqtt.model import Capability, Device
from .device_list import KnownDevices, capability_key
from .usage_store import UsageStorage

_LOGGER = logging.getLogger(__name__)

# Capabilities that live as an attribute of their parent's entity, and that attribute's name.
ATTRIBUTES = {
    ("light", "color_temp"): "color_temp_kelvin",
    ("light", "brightness"): "brightness",
    ("light", "color"): "hs_color",
    ("climate", "occupied_heating_setpoint"): "temperature",
    ("climate", "preset"): "preset_mode",
    ("cover", "position"): "current_position",
}
# Domains whose entity state says whether the device is in use.
ON_OFF_DOMAINS = frozenset({"light", "switch", "fan"})
NOT_IN_USE = frozenset({"off", STATE_UNAVAILABLE, STATE_UNKNOWN})
WILDCARDS = frozenset("+#")


@dataclass(frozen=True, slots=True)
class _DeviceTopic:
    """What to read from one device's state messages."""

    ieee: str
    usage: DeviceUsage
    values: tuple[tuple[str, str], ...]  # (payload property, capability key)
    signals: tuple[tuple[str, Any, Any], ...]  # (property, value when on, value when off)
    last: list[Any]  # the last payload, to skip an identical one cheaply


@dataclass(frozen=True, slots=True)
class _Entity:
    """What to read from one matched entity's state changes."""

    usage: DeviceUsage
    values: tuple[tuple[str | None, str], ...]  # (attribute or None for the state, key)
    signal: bool  # its state says whether the device is on
    domain: str


def useful_capabilities(device: Device) -> list[Capability]:
    """Return the settable capabilities whose use is worth recording."""
    return [
        cap
        for cap in device.capabilities
        if cap.settable and cap.property in USEFUL_CAPABILITIES and "." not in cap.property
    ]


def on_off_signals(device: Device) -> tuple[tuple[str, Any, Any], ...]:
    """Return the on/off properties of a device (a light's `state`, a thermostat's mode)."""
    found: list[tuple[str, Any, Any]] = []
    for cap in device.capabilities:
        if cap.type == "binary" and cap.property.startswith("state") and cap.value_on is not None:
            found.append((cap.property, cap.value_on, None))
        elif cap.property == "system_mode" and "off" in cap.values:
            found.append((cap.property, None, "off"))
    return tuple(found)


def _normal(value: Any) -> Any:
    """Return a value that compares equal after a JSON round trip (tuples become lists)."""
    return list(value) if type(value) is tuple else value


# Devices worked out (or topics subscribed) in one go before the event loop gets its turn.
DEVICES_PER_TURN = 200


class UsageWatcher:
    """Keep the usage record of every watched device up to date, cheaply, and stored."""

    def __init__(self, hass: HomeAssistant, known_devices: KnownDevices) -> None:
        """Prepare; `async_start` loads the record and starts watching."""
        self._hass = hass
        self._known_devices = known_devices
        self.record = UsageRecord(str(hass.config.time_zone))
        self._storage = UsageStorage(hass)
        self._topics: dict[str, _DeviceTopic] = {}
        self._subscriptions: dict[str, CALLBACK_TYPE] = {}
        self._entities: dict[str, _Entity] = {}
        self._untrack: CALLBACK_TYPE | None = None
        self._stopped = False
        self._unsubscribe: list[Callable[[], None]] = []
        self._bad_topics: set[str] = set()  # not JSON, too long, or values shortened: said once
        self._refresher = Debouncer(
            hass, _LOGGER, cooldown=1.0, immediate=True, function=self._async_refresh
        )

    async def async_start(self) -> None:
        """Load the stored record, then watch the devices known now and whenever they change."""
        self.record = await self._storage.async_load(str(self._hass.config.time_zone))
        self._unsubscribe.append(self._known_devices.async_add_listener(self._schedule_refresh))
        self._unsubscribe.append(
            self._hass.bus.async_listen(EVENT_HOMEASSISTANT_STOP, self._on_stop)
        )
        self._unsubscribe.append(
            self._hass.bus.async_listen(er.EVENT_ENTITY_REGISTRY_UPDATED, self._on_registry)
        )
        await self._async_refresh()

    @callback
    def async_stop(self) -> None:
        """Stop watching (on unload)."""
        self._stopped = True
        self._refresher.async_shutdown()
        for unsubscribe in (*self._unsubscribe, *self._subscriptions.values()):
            unsubscribe()
        self._unsubscribe.clear()
        self._subscriptions.clear()
        self._storage.async_cancel()
        if self._untrack is not None:
            self._untrack()
            self._untrack = None

    async def async_flush(self) -> None:
        """Write the record now (on unload)."""
        await self._storage.async_flush(self.record)

    async def _on_stop(self, _event: Event) -> None:
        """Write what changed as Home Assistant stops (the store writes it last thing)."""
        if self._storage.pending or self.record.dirty:
            await self.async_flush()

    @callback
    def _on_registry(self, _event: Event[er.EventEntityRegistryUpdatedData]) -> None:
        self._refresher.async_schedule_call()

    @callback
    def _schedule_refresh(self) -> None:
        self._refresher.async_schedule_call()

    async def _async_refresh(self) -> None:
        """Work out what to watch from the device list and the registries; (un)subscribe."""
        # Started right as a new list is used: matching it to the registries comes a turn later.
        if not await self._next_turn():
            return
        now = time.time()
        known_devices, base = self._known_devices, self._known_devices.base_topic
        matches = known_devices.async_match()
        topics: dict[str, _DeviceTopic] = {}
        entities: dict[str, _Entity] = {}
        for index, (ieee, device) in enumerate(known_devices.devices.items()):
            if index and not index % DEVICES_PER_TURN and not await self._next_turn():
                return
            useful = useful_capabilities(device)
            if not useful:
                continue
            usage = self.record.watch(ieee, [capability_key(cap) for cap in useful], now)
            if usage is None:
                continue
            if (topic := self._device_topic(base, ieee, device.friendly_name)) is not None:
                topics[topic] = _DeviceTopic(
                    ieee=ieee,
                    usage=usage,
                    values=tuple((cap.property, capability_key(cap)) for cap in useful),
                    signals=on_off_signals(device),
                    last=[None],
                )
            if (match := matches.get(ieee)) is not None:
                self._add_entities(entities, device, usage, match.entities)
        if known_devices.digest is not None:
            self.record.forget_others(known_devices.devices)
        for topic in self._subscriptions.keys() - topics.keys():
            self._subscriptions.pop(topic)()
        for index, topic in enumerate(topics.keys() - self._subscriptions.keys()):
            # Subscribing does not wait: the loop gets its turn between slices here too.
            if index and not index % DEVICES_PER_TURN and not await self._next_turn():
                return
            self._subscriptions[topic] = await mqtt.async_subscribe(
                self._hass, topic, self._on_state_message, qos=0, encoding=None
            )
        self._topics = topics
        if entities.keys() != self._entities.keys():
            if self._untrack is not None:
                self._untrack()
            self._untrack = async_track_state_change_event(
                self._hass, list(entities), self._on_state_change
            )
        self._entities = entities
        self._schedule_save()

    def _device_topic(self, base: str, ieee: str, name: str) -> str | None:
        """Return the topic a device's states come on, or None (said once) if none can be read.

        A name with a wildcard would read other devices' topics too. A topic Home Assistant's
        MQTT client cannot subscribe to (longer than MQTT allows, control characters) would fail
        its whole bulk subscription: every other topic in it, of any integration.
        """
        topic = f"{base}/{name}"
        if WILDCARDS & set(name):
            problem = "its name has an MQTT wildcard (+ or #)"
        else:
            try:
                mqtt.valid_subscribe_topic(topic)
            except probatio.Invalid as err:
                problem = f"its state topic cannot be subscribed to ({err})"
            else:
                return topic
        self._say_once(
            f"{ieee} topic",
            "Usage of the Zigbee2MQTT device %s (%s) is not watched: %s",
            quoted(name, 100),
            ieee,
            problem,
        )
        return None

    async def _next_turn(self) -> bool:
        """Let the event loop run; tell whether watching goes on (not stopped meanwhile)."""
        await asyncio.sleep(0)
        return not self._stopped

    @staticmethod
    def _add_entities(
        entities: dict[str, _Entity],
        device: Device,
        usage: DeviceUsage,
        by_key: dict[str, str],
    ) -> None:
        """Add the entities of a matched device: those of its useful and of its on/off parts."""
        values: dict[str, list[tuple[str | None, str]]] = {}
        for cap in useful_capabilities(device):
            if (entity_id := by_key.get(capability_key(cap))) is None:
                continue
            domain = entity_id.split(".", 1)[0]
            attribute = ATTRIBUTES.get((domain, cap.property))
            if attribute is None and cap.parent and domain in {"light", "climate", "cover"}:
                continue  # a part of the parent entity that it does not show as an attribute
            values.setdefault(entity_id, []).append((attribute, capability_key(cap)))
        on_off = {
            entity_id
            for prop, _, _ in on_off_signals(device)
            if (entity_id := by_key.get(prop)) is not None
        }
        for entity_id in values.keys() | on_off:
            domain = entity_id.split(".", 1)[0]
            entities[entity_id] = _Entity(
                usage=usage,
                values=tuple(values.get(entity_id, ())),
                signal=entity_id in on_off and (domain in ON_OFF_DOMAINS or domain == "climate"),
                domain=domain,
            )

    @callback
    def _on_state_message(self, message: mqtt.ReceiveMessage) -> None:
        """Note one Zigbee2MQTT state message (runs for every message: keep it cheap)."""
        device_topic = self._topics.get(message.topic)
        if device_topic is None:
            return
        if len(message.payload) > USAGE_MAX_PAYLOAD_BYTES:
            self._say_once(
                f"{message.topic} too long",
                "Ignoring state messages over %d KiB on %s (one had %d bytes): far longer than"
                " any device state; the values seen before are kept",
                USAGE_MAX_PAYLOAD_BYTES >> 10,
                message.topic,
                len(message.payload),
            )
            return
        if message.payload == device_topic.last[0]:  # Zigbee2MQTT repeats the whole state often
            if device_topic.usage.on:
                self.record.observe(device_topic.usage, ZIGBEE2MQTT, (), time.time())
            return
        device_topic.last[0] = message.payload
        try:
            payload = orjson.loads(message.payload)
        except orjson.JSONDecodeError:
            self._say_once(
                message.topic,
                "Ignoring state messages on %s that are not JSON (Zigbee2MQTT's"
                " `output: attribute` is not read); usage of that device is not watched",
                message.topic,
            )
            return
        if type(payload) is not dict:
            return
        now = time.time()
        record, usage = self.record, device_topic.usage
        for prop, on_value, off_value in device_topic.signals:
            if (value := payload.get(prop)) is not None:
                on = value == on_value if on_value is not None else value != off_value
                record.signal(usage, prop, on, now)
        record.observe_mapping(usage, ZIGBEE2MQTT, payload, device_topic.values, now)
        if record.shortened:
            self._say_shortened(message.topic)
        if record.dirty and not self._storage.pending:
            self._schedule_save()

    @callback
    def _on_state_change(self, event: Event[EventStateChangedData]) -> None:
        """Note one state change of a matched entity, attributes included."""
        new = event.data["new_state"]
        if new is None or (entity := self._entities.get(new.entity_id)) is None:
            return
        now = new.last_updated_timestamp
        record, usage = self.record, entity.usage
        if entity.signal:
            on = (
                new.state == "on"
                if entity.domain in ON_OFF_DOMAINS
                else new.state not in NOT_IN_USE
            )
            record.signal(usage, new.entity_id, on, now)
        if new.state not in (STATE_UNAVAILABLE, STATE_UNKNOWN):
            attributes = new.attributes
            record.observe(
                usage,
                HOME_ASSISTANT,
                [
                    (key, _normal(attributes.get(attribute)) if attribute else new.state)
                    for attribute, key in entity.values
                ],
                now,
            )
            if record.shortened:
                self._say_shortened(new.entity_id)
        if record.dirty and not self._storage.pending:
            self._schedule_save()

    def _say_once(self, source: str, message: str, *args: Any) -> None:
        """Log a warning about a topic or an entity, once per run."""
        if source not in self._bad_topics:
            self._bad_topics.add(source)
            _LOGGER.warning(message, *args)

    def _say_shortened(self, source: str) -> None:
        """Say once that long values from `source` are kept only as their length and digest."""
        keys, self.record.shortened = self.record.shortened, []
        self._say_once(
            f"{source} shortened",
            "Keeping values of %s longer than %d bytes (%s) only as their length and digest",
            source,
            MAX_VALUE_BYTES,
            ", ".join(sorted(set(keys))),
        )

    @callback
    def _schedule_save(self) -> None:
        """Save a while later; until then, every further change rides on the same write."""
        if not self._stopped:
            self._storage.async_schedule(self.record)
