"""A compact live record of how each device and its capabilities are used, and what it proves.

Fed with what a device reports (Zigbee2MQTT's state messages, Home Assistant's state changes): per
device the local days (and parts of the day) it was in use; per capability when it was first
watched, the last value from each source, how often and when it last changed, and the distinct
values seen. Every part is bounded, and one observation costs a few dictionary look-ups.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
import hashlib
import re
from typing import Any

import orjson

from .local_clock import LocalClock

MAX_VALUES = 12  # distinct values kept per capability and source
# A value longer than this in JSON is kept as its digest (`<N bytes, sha256 ...>`): a change still
# shows, and a list of values stays under MAX_VALUES * MAX_VALUE_BYTES.
MAX_VALUE_BYTES = 64
MAX_DAYS = 120  # days of use kept per device (longer than the longest lookback)
MAX_DEVICES = 5000
MIN_DAYS_IN_USE = 5
USED, NOT_USED, NOT_ENOUGH_EVIDENCE = "used", "not_used", "not_enough_evidence"
ZIGBEE2MQTT, HOME_ASSISTANT = "zigbee2mqtt", "home_assistant"
DAY = 86400.0


_PLAIN = frozenset({int, float, bool})
_DIGEST = re.compile(r"<\d+ bytes, sha256 [0-9a-f]{16}>")


def bounded(value: Any) -> Any:
    """Return `value` if short in JSON, else its digest (a short string naming length and hash)."""
    if _short(value):
        return value
    encoded = orjson.dumps(value, default=repr, option=orjson.OPT_NON_STR_KEYS)
    if len(encoded) <= MAX_VALUE_BYTES:
        return value
    return f"<{len(encoded)} bytes, sha256 {hashlib.sha256(encoded).hexdigest()[:16]}>"


def _short(value: Any) -> bool:
    """Tell whether `value` is kept as it is without a look at its JSON (a number, short text)."""
    return type(value) in _PLAIN or (type(value) is str and len(value) <= MAX_VALUE_BYTES // 4)


def is_digest(value: Any) -> bool:
    """Tell whether `value` stands for a value too long to keep."""
    return type(value) is str and _DIGEST.fullmatch(value) is not None


class CapabilityUsage:
    """What was seen of one capability: values per source, changes, since when."""

    __slots__ = ("changes", "last", "last_change", "more", "since", "values")

    def __init__(self, since: float) -> None:
        """Start watching at `since`."""
        self.since = since
        self.last_change: float | None = None
        self.changes = 0
        self.last: dict[str, Any] = {}  # source -> last value
        self.values: dict[str, list[Any]] = {}  # source -> distinct values (bounded)
        self.more = False  # more distinct values were seen than kept

    def observe(self, source: str, value: Any, now: float) -> bool:
        """Note `value` from `source`; return whether it is a change."""
        last = self.last.get(source)
        if last == value:
            return False
        self.last[source] = value
        seen = self.values.setdefault(source, [])
        if value not in seen:
            if len(seen) < MAX_VALUES:
                seen.append(value)
            else:
                self.more = True
        if last is None:
            return True  # the first value from this source: known now, not a change
        self.changes += 1
        self.last_change = now
        return True

    def to_dict(self) -> dict[str, Any]:
        """Return plain data for storage."""
        return {
            "since": self.since,
            "last_change": self.last_change,
            "changes": self.changes,
            "last": self.last,
            "values": self.values,
            "more": self.more,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CapabilityUsage:
        """Rebuild from `to_dict` data."""
        usage = cls(float(data["since"]))
        if (last_change := data.get("last_change")) is not None:
            usage.last_change = float(last_change)
        usage.changes = int(data.get("changes", 0))
        usage.last = {str(k): bounded(v) for k, v in dict(data.get("last", {})).items()}
        for source, values in dict(data.get("values", {})).items():
            if type(values) is not list:
                raise TypeError(f"values of {source} are not a list")
            if (  # as this version writes them: few, short, distinct
                len(values) <= MAX_VALUES
                and all(map(_short, values))
                and len(set(values)) == len(values)
            ):
                usage.values[str(source)] = values
                continue
            kept = usage.values[str(source)] = []
            for value in map(bounded, values[: MAX_VALUES * 2]):
                if value not in kept and len(kept) < MAX_VALUES:
                    kept.append(value)
        usage.more = bool(data.get("more", False))
        return usage


class DeviceUsage:
    """When one device was in use, and what was seen of its capabilities."""

    __slots__ = ("active_since", "capabilities", "days", "marked", "on", "since", "stored")

    def __init__(self, since: float) -> None:
        """Start watching at `since`."""
        self.since = since
        self.days: dict[int, int] = {}  # local day ordinal -> bit mask of PARTS in use
        self.capabilities: dict[str, CapabilityUsage] = {}
        self.on: set[str] = set()  # the signals (an on/off property, an entity) now on
        self.active_since: float | None = None
        self.marked = -1  # day * 4 + part last marked, to skip repeated work
        self.stored: bytes | None = None  # its JSON as last saved; None once it changed

    def days_in_use(self, first_day: int) -> tuple[int, tuple[int, int, int, int]]:
        """Return days in use from `first_day` on, and those days per part of the day."""
        days, parts = 0, [0, 0, 0, 0]
        for day, mask in self.days.items():
            if day >= first_day and mask:
                days += 1
                for index in range(4):
                    parts[index] += mask >> index & 1
        return days, (parts[0], parts[1], parts[2], parts[3])


@dataclass(frozen=True, kw_only=True)
class Assessment:
    """Whether a capability was used, with the evidence behind the answer."""

    status: str
    reason: str
    days_in_use: int = 0
    part_days: tuple[int, int, int, int] = (0, 0, 0, 0)
    observed_days: float = 0.0
    value: Any = None  # the one value it held, when not used
    source: str | None = None  # where `value` comes from

    def as_dict(self) -> dict[str, Any]:
        """Return plain data for the websocket command and diagnostics."""
        return {
            "status": self.status,
            "reason": self.reason,
            "days_in_use": self.days_in_use,
            "observed_days": round(self.observed_days, 1),
        }


class UsageRecord:
    """The usage of every watched device, keyed by IEEE address."""

    def __init__(self, time_zone: str) -> None:
        """Count days in `time_zone`."""
        self.clock = LocalClock(time_zone)
        self.devices: dict[str, DeviceUsage] = {}
        self.dirty = False
        self.shortened: list[str] = []  # keys of values just kept as their digest, for the log

    def watch(self, ieee: str, keys: Iterable[str], now: float) -> DeviceUsage | None:
        """Watch these capabilities of a device (from now on, if they are new)."""
        device = self.devices.get(ieee)
        if device is None:
            if len(self.devices) >= MAX_DEVICES:
                return None
            device = self.devices[ieee] = DeviceUsage(now)
            self.dirty = True
        for key in keys:
            if key not in device.capabilities:
                device.capabilities[key] = CapabilityUsage(now)
                self.dirty, device.stored = True, None
        return device

    def forget_others(self, keep: Iterable[str]) -> None:
        """Drop the devices not in `keep` (removed from Zigbee2MQTT)."""
        for ieee in self.devices.keys() - set(keep):
            del self.devices[ieee]
            self.dirty = True

    def observe(
        self, device: DeviceUsage, source: str, values: Iterable[tuple[str, Any]], now: float
    ) -> None:
        """Note capability values (key, value) of `device`; None values are skipped."""
        capabilities = device.capabilities
        for key, value in values:
            usage = capabilities.get(key) if value is not None else None
            if usage is not None and usage.observe(
                source, value if type(value) in _PLAIN else self._bounded(key, value), now
            ):
                self.dirty, device.stored = True, None
                if usage.last_change == now:
                    self._mark(device, now)
        if device.on:
            self._mark(device, now)

    def observe_mapping(
        self,
        device: DeviceUsage,
        source: str,
        found: Mapping[str, Any],
        pairs: Iterable[tuple[str, str]],
        now: float,
    ) -> None:
        """Note the values of `found` (a state message) named by (property, key) `pairs`."""
        capabilities = device.capabilities
        for prop, key in pairs:
            value = found.get(prop)
            usage = capabilities.get(key) if value is not None else None
            if usage is not None and usage.observe(
                source, value if type(value) in _PLAIN else self._bounded(key, value), now
            ):
                self.dirty, device.stored = True, None
                if usage.last_change == now:
                    self._mark(device, now)
        if device.on:
            self._mark(device, now)

    def _bounded(self, key: str, value: Any) -> Any:
        """Return `bounded(value)`, noting `key` when the value was too long to keep."""
        kept = bounded(value)
        if kept is not value:
            self.shortened.append(key)
        return kept

    def signal(self, device: DeviceUsage, name: str, on: bool, now: float) -> None:
        """Note whether the on/off signal `name` (a property, an entity) is on."""
        if on:
            if not device.on:
                device.active_since, device.stored = now, None
            device.on.add(name)
            self._mark(device, now)
        elif name in device.on:
            device.on.discard(name)
            if not device.on:
                self.close(device, now)

    def close(self, device: DeviceUsage, now: float) -> None:
        """Mark the days of the use going on until `now` and end it."""
        begun = device.active_since
        device.on.clear()
        device.active_since, device.stored = None, None
        if begun is None:
            return
        ts = max(begun, now - MAX_DAYS * DAY)
        while ts < now:
            self._mark(device, ts)
            ts = self.clock.next_slot_start(ts)
        self._mark(device, now)

    def _mark(self, device: DeviceUsage, ts: float) -> None:
        day, part = self.clock.slot(ts)
        if device.marked == day * 4 + part:
            return
        device.marked = day * 4 + part
        mask = device.days.get(day, 0)
        if not mask >> part & 1:
            device.days[day] = mask | 1 << part
            self.dirty, device.stored = True, None
            if len(device.days) > MAX_DAYS:
                del device.days[min(device.days)]

    def assess(
        self, ieee: str, key: str, now: float, lookback_days: int, min_days: int = MIN_DAYS_IN_USE
    ) -> Assessment:
        """Say whether a capability was used in the lookback, claiming "not used" only on evidence.

        Not used: watched for at least the lookback, the device in use on at least `min_days`
        days in it, a value reported, and no change. Used: it changed at any time it was watched.
        """
        device = self.devices.get(ieee)
        usage = device.capabilities.get(key) if device else None
        if device is None or usage is None:
            return Assessment(status=NOT_ENOUGH_EVIDENCE, reason="not watched yet")
        if device.active_since is not None:  # count the use going on now
            ts = device.active_since
            while ts < now:
                self._mark(device, ts)
                ts = self.clock.next_slot_start(ts)
        window_start = now - lookback_days * DAY
        days, parts = device.days_in_use(self.clock.day_of(window_start))
        watched_from = max(usage.since, usage.last_change or usage.since)
        observed = (now - watched_from) / DAY
        seen = Assessment(
            status=USED,
            reason=f"changed {usage.changes} times",
            days_in_use=days,
            part_days=parts,
            observed_days=observed,
        )
        if usage.last_change is not None and usage.last_change >= window_start:
            return seen
        source = HOME_ASSISTANT if HOME_ASSISTANT in usage.last else ZIGBEE2MQTT
        value = usage.last.get(source)
        if value is None:
            reason = "no value reported yet"
        elif is_digest(value):
            reason = "the value it holds is too long to keep"
        elif watched_from > window_start:
            reason = f"watched for {observed:.1f} of {lookback_days} days"
        elif days < min_days:
            reason = f"in use on {days} days, at least {min_days} needed"
        else:
            reason = f"in use on {days} days, never changed"
            return replace(seen, status=NOT_USED, reason=reason, value=value, source=source)
        if usage.last_change is not None:
            return seen
        return replace(seen, status=NOT_ENOUGH_EVIDENCE, reason=reason)

    def to_dict(self, now: float) -> dict[str, Any]:
        """Return plain data for storage; use going on is counted up to `now`."""
        self.dirty = False
        return {
            "saved": now,
            "devices": {ieee: device_data(device) for ieee, device in self.devices.items()},
        }


def device_data(device: DeviceUsage) -> dict[str, Any]:
    """Return plain data of one device for storage."""
    return {
        "since": device.since,
        "days": [[day, mask] for day, mask in sorted(device.days.items())],
        "active_since": device.active_since,
        "capabilities": {key: usage.to_dict() for key, usage in device.capabilities.items()},
    }


def assess_rows(
    time_zone: str,
    rows: Iterable[tuple[float, bool, str, Mapping[str, Any]]],
    attribute: str,
    now: float,
    lookback_days: int,
) -> Assessment | None:
    """Judge an attribute from recorded rows (time, in use, state, attributes), oldest first.

    The same rules as the live record, watched since the oldest row; None when the rows prove
    nothing either way.
    """
    record = UsageRecord(time_zone)
    device: DeviceUsage | None = None
    for when, on, state, attributes in rows:
        device = device or record.watch("entity", [attribute], when)
        if device is None:
            break
        record.signal(device, "entity", on, when)
        if state not in ("unavailable", "unknown"):
            value = attributes.get(attribute)
            value = list(value) if type(value) is tuple else value
            record.observe(device, HOME_ASSISTANT, [(attribute, value)], when)
    found = record.assess("entity", attribute, now, lookback_days)
    if found.status == NOT_ENOUGH_EVIDENCE:
        return None
    return replace(found, reason=f"{found.reason} (from the recorder's history)")
