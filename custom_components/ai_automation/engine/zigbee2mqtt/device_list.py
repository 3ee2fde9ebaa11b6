"""Parse Zigbee2MQTT's `<base>/bridge/devices` list into typed devices, reusing unchanged ones.

Tolerant by design: a device that cannot be read costs only that device, and every problem is
reported in words next to the result. Nothing kept from the list is nested deeper than a few
levels, so storing and sending the model never meets a depth limit.
"""

from __future__ import annotations

import hashlib
from typing import Any, NamedTuple

import orjson

from .bridge import PayloadError, quoted
from .exposes import NO_EXPOSES, ExposesMemo, exposes_of
from .model import Device, DeviceList

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
# Zigbee2MQTT 1.x said `interviewing`/`interview_completed`; 2.3 says `interview_state`.
LEGACY_INTERVIEW = {"interviewing": "IN_PROGRESS", "interview_completed": "SUCCESSFUL"}


def payload_digest(payload: bytes) -> str:
    """Return a cheap fingerprint to recognise a re-published identical list."""
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


def _endpoint_names(endpoints: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(endpoints, dict):
        return ()
    return tuple(
        (key, name)
        for key, endpoint in endpoints.items()
        if isinstance(endpoint, dict) and isinstance(name := endpoint.get("name"), str)
    )


class _Entry(NamedTuple):
    """One element of the list as parsed: a device and its plain data, or why it is none."""

    device: Device | None
    data: dict[str, Any] | None
    problems: tuple[str, ...]
    settable: int = 0  # how many of the device's capabilities can be set


_NO_DEFINITION: dict[str, Any] = {}


def _entry(raw: Any, memo: ExposesMemo) -> _Entry:
    """Parse one element of the list; `memo` shares the exposes of devices of the same kind."""
    # Thousands of devices per list: each text field is read inline (`type(...) is str`: JSON's
    # strings are never a subclass), not through a call per field.
    if not isinstance(raw, dict):
        return _Entry(None, None, (f"an entry is {type(raw).__name__}, not a device object",))
    get = raw.get
    ieee = get("ieee_address")
    if type(ieee) is not str or not ieee:
        return _Entry(None, None, ("a device without an ieee_address was skipped",))
    friendly = get("friendly_name")
    if type(friendly) is not str or not friendly:
        friendly = ieee
    definition = get("definition")
    if type(definition) is not dict:
        definition = _NO_DEFINITION
    if definition:
        define = definition.get
        raw_exposes = define("exposes")
        if type(raw_exposes) is list:
            exposes = exposes_of(raw_exposes, memo)
            problems = exposes.problems
        else:
            exposes, problems = NO_EXPOSES, ("definition has no exposes list",)
        vendor, model = define("vendor"), define("model")
        description, source = define("description"), define("source")
    else:
        exposes, problems = NO_EXPOSES, ()
        vendor = model = description = source = None
    if problems:
        label = f"{quoted(friendly)} ({quoted(ieee)})"
        problems = tuple(f"{label}: {problem}" for problem in problems)
    if type(vendor) is not str or not vendor:
        vendor = manufacturer if type(manufacturer := get("manufacturer")) is str else None
    if type(model) is not str or not model:
        model = model_id if type(model_id := get("model_id")) is str else None
    state = get("interview_state")
    if type(state) is not str:
        state = None
        for legacy, legacy_state in LEGACY_INTERVIEW.items():
            if get(legacy) is True:
                state = legacy_state
                break
    kind = get("type")
    power_source = get("power_source")
    endpoints = get("endpoints")
    device = Device(
        ieee_address=ieee,
        friendly_name=friendly,
        type=kind if type(kind) is str and kind else "Unknown",
        vendor=vendor,
        model=model,
        description=description if type(description) is str else None,
        power_source=power_source if type(power_source) is str else None,
        supported=get("supported") is True,
        disabled=get("disabled") is True,
        interview_state=state,
        source=source if type(source) is str else None,
        endpoint_names=_endpoint_names(endpoints) if endpoints else (),
        capabilities=exposes.capabilities,
    )
    return _Entry(device, device.to_dict(exposes.data), problems, exposes.settable)


# Zigbee2MQTT writes its list as compact JSON, each device starting with its IEEE address.
_DEVICE_START = b'{"ieee_address":'


def _device_texts(payload: bytes) -> list[bytes] | None:
    """Cut a list into the JSON texts of its devices, without their common start.

    Cheap (no parsing), and only a guess: every text is later either
    parsed or found identical to one parsed before, so a wrong cut shows as a text that does not
    parse. None when the payload does not look like Zigbee2MQTT's layout at all.
    """
    first = payload.find(_DEVICE_START)
    if first == -1 or payload[:first].strip() != b"[":
        return [] if payload.strip() == b"[]" else None
    close = payload.rfind(b"]")
    if close < first or payload[close + 1 :].strip():
        return None
    second = payload.find(_DEVICE_START, first + 1)
    if second == -1:
        return [payload[first + len(_DEVICE_START) : close].rstrip()]
    comma = payload.rfind(b",", first, second)
    if comma == -1 or payload[comma + 1 : second].strip():
        return None
    separator = payload[comma:second] + _DEVICE_START
    texts, start = [], first + len(_DEVICE_START)
    # One short search per device rather than one split of the whole payload: other threads
    # (the event loop) get their turn between devices, whatever the size of the list.
    while (cut := payload.find(separator, start, close)) != -1:
        texts.append(payload[start:cut])
        start = cut + len(separator)
    texts.append(payload[start:close].rstrip())
    return texts


def _load(payload: bytes) -> list[Any]:
    try:
        document = orjson.loads(payload)
    except orjson.JSONDecodeError as err:
        raise PayloadError(f"payload is not valid UTF-8 JSON ({quoted(str(err))})") from err
    if not isinstance(document, list):
        raise PayloadError(f"payload is a JSON {type(document).__name__}, not a list of devices")
    return document


class DeviceListParser:
    """Parse successive device lists, reusing every device whose JSON text did not change.

    Zigbee2MQTT republishes its whole list when one device joins, leaves or is renamed; only the
    changed devices are parsed again. Safe to call from one thread at a time per list; lists parsed
    at the same time in several threads are correct, they only reuse less.
    """

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        """Start with nothing known."""
        self.max_bytes = max_bytes
        # Keyed by a device's JSON text: without its start when cut from the payload (never valid
        # JSON on its own), or whole when written again by orjson, so the two never meet.
        self._known: dict[bytes, _Entry] = {}

    def parse(self, payload: bytes, digest: str | None = None) -> DeviceList:
        """Parse a bridge/devices payload; raise PayloadError when no device of it can be used."""
        if len(payload) > self.max_bytes:
            raise PayloadError(
                f"payload of {len(payload):,} bytes is over the limit of {self.max_bytes:,}"
            )
        fresh: dict[bytes, _Entry] = {}
        memo: ExposesMemo = {}
        entries = self._incremental(payload, fresh, memo)
        if entries is None:  # not Zigbee2MQTT's layout: parse it whole, key devices by their JSON
            fresh.clear()
            entries = [self._reuse(raw, fresh, memo) for raw in _load(payload)]
        parsed = _assemble(entries, digest or payload_digest(payload))
        self._known = fresh
        return parsed

    def _incremental(
        self, payload: bytes, fresh: dict[bytes, _Entry], memo: ExposesMemo
    ) -> list[_Entry] | None:
        if (texts := _device_texts(payload)) is None:
            return None
        known, entries = self._known, []
        for text in texts:
            entry = known.get(text) or fresh.get(text)
            if entry is None:
                try:
                    entry = _entry(orjson.loads(_DEVICE_START + text), memo)
                except orjson.JSONDecodeError:
                    return None
            fresh[text] = entry
            entries.append(entry)
        return entries

    def _reuse(self, raw: Any, fresh: dict[bytes, _Entry], memo: ExposesMemo) -> _Entry:
        try:
            text = orjson.dumps(raw)
        except orjson.JSONEncodeError:  # nested beyond what orjson writes: parse, never keep
            return _entry(raw, memo)
        if (entry := self._known.get(text) or fresh.get(text)) is None:
            entry = _entry(raw, memo)
        fresh[text] = entry
        return entry


def _assemble(entries: list[_Entry], digest: str) -> DeviceList:
    problems: list[str] = []
    devices: dict[str, _Entry] = {}
    for entry in entries:
        problems.extend(entry.problems)
        if entry.device is None:
            continue
        if entry.device.ieee_address in devices:
            problems.append(
                f"duplicate ieee_address {quoted(entry.device.ieee_address)}: kept the first"
            )
            continue
        devices[entry.device.ieee_address] = entry
    if not devices:
        shown = f": {problems[0]}" if problems else ""
        raise PayloadError(
            f"the list has {len(entries)} entries and no usable device{shown}"
            " (Zigbee2MQTT always lists at least its coordinator)"
        )
    kept = tuple(entry.device for entry in devices.values() if entry.device)
    return DeviceList(
        devices=kept,
        device_data=tuple(entry.data for entry in devices.values() if entry.data),
        digest=digest,
        problems=tuple(problems),
        capability_count=sum(len(device.capabilities) for device in kept),
        settable_count=sum(entry.settable for entry in devices.values()),
    )


def release(containers: list[Any]) -> None:
    """Let go of old lists' containers (dicts, lists, tuples) one element at a time.

    The last reference to thousands of devices, dropped at once, frees them all in one step that
    holds the GIL (tens of ms for a large list); element by element, other threads (the event loop)
    get their turn between devices. `containers` must be the caller's own list, used by no one
    else; the containers in it are never changed, so whoever still uses one keeps it whole.
    """
    while containers:
        container = containers.pop()
        elements = list(container.values() if isinstance(container, dict) else container)
        del container
        while elements:
            elements.pop()


def parse_devices(payload: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> DeviceList:
    """Parse one bridge/devices payload on its own; raise PayloadError when it cannot be used."""
    return DeviceListParser(max_bytes).parse(payload)
