"""Parse Zigbee2MQTT's `<base>/bridge/devices` list into typed devices and capabilities.

Tolerant by design: a malformed expose costs only that expose, an unknown expose type is kept as
"unknown", and every problem is reported in words next to the result. Nothing kept from the list is
nested deeper than a few levels, so storing and sending the model never meets a depth limit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
import hashlib
from typing import Any, NamedTuple

import orjson

from .bridge import PayloadError

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
ACCESS_PUBLISHED, ACCESS_SETTABLE, ACCESS_GETTABLE = 1, 2, 4
GENERIC_TYPES = frozenset({"binary", "numeric", "enum", "text", "composite", "list"})
SPECIFIC_TYPES = frozenset({"light", "switch", "fan", "cover", "lock", "climate"})
KNOWN_TYPES = GENERIC_TYPES | SPECIFIC_TYPES
# value_on/value_off are free JSON; deeper values are dropped (real ones are plain values).
MAX_VALUE_DEPTH = 3
# Features inside features (composites in a light, ...); real lists nest two or three levels.
MAX_FEATURE_DEPTH = 8
# Names and reasons quoted in problems and log lines are cut to this length.
MAX_QUOTED = 80
# Zigbee2MQTT 1.x said `interviewing`/`interview_completed`; 2.3 says `interview_state`.
LEGACY_INTERVIEW = {"interviewing": "IN_PROGRESS", "interview_completed": "SUCCESSFUL"}


class Capability(NamedTuple):
    """One thing a device reports or accepts: a (property, endpoint) of an expose."""

    property: str
    endpoint: str | None
    type: str
    name: str
    parent: str | None = None
    published: bool = False
    settable: bool = False
    gettable: bool = False
    category: str | None = None
    unit: str | None = None
    value_min: float | None = None
    value_max: float | None = None
    value_step: float | None = None
    values: tuple[str, ...] = ()
    presets: tuple[str, ...] = ()
    value_on: Any = None
    value_off: Any = None
    label: str | None = None
    description: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return plain data for storage and the websocket (values and presets as tuples)."""
        return dict(zip(self._fields, self, strict=True))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Capability:
        """Rebuild a capability stored with `to_dict`."""
        return cls(
            **{
                **data,
                "values": tuple(data.get("values", ())),
                "presets": tuple(data.get("presets", ())),
                "value_on": bounded(data.get("value_on")),
                "value_off": bounded(data.get("value_off")),
            }
        )


@dataclass(frozen=True, kw_only=True, slots=True)
class Device:
    """A Zigbee device as Zigbee2MQTT describes it."""

    ieee_address: str
    friendly_name: str
    type: str = "Unknown"
    vendor: str | None = None
    model: str | None = None
    description: str | None = None
    power_source: str | None = None
    supported: bool = False
    disabled: bool = False
    interview_state: str | None = None
    # Where the definition comes from (Zigbee2MQTT 2.6): native, generated or external.
    source: str | None = None
    # Endpoint id -> name, for endpoints Zigbee2MQTT 2.6 names (e.g. "11" -> "l1").
    endpoint_names: tuple[tuple[str, str], ...] = ()
    capabilities: tuple[Capability, ...] = ()

    def to_dict(self, capability_data: tuple[dict[str, Any], ...] | None = None) -> dict[str, Any]:
        """Return plain data for storage and diagnostics (with capabilities' data if made before)."""
        if capability_data is None:
            capability_data = tuple(capability.to_dict() for capability in self.capabilities)
        return {
            "ieee_address": self.ieee_address,
            "friendly_name": self.friendly_name,
            "type": self.type,
            "vendor": self.vendor,
            "model": self.model,
            "description": self.description,
            "power_source": self.power_source,
            "supported": self.supported,
            "disabled": self.disabled,
            "interview_state": self.interview_state,
            "source": self.source,
            "endpoint_names": dict(self.endpoint_names),
            "capabilities": capability_data,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Device:
        """Rebuild a device stored with `to_dict`."""
        return cls(
            **{
                **data,
                "endpoint_names": tuple(data.get("endpoint_names", {}).items()),
                "capabilities": tuple(
                    Capability.from_dict(cap) for cap in data.get("capabilities", ())
                ),
            }
        )


@dataclass(frozen=True, kw_only=True)
class DeviceList:
    """The parsed list, its plain data, a fingerprint of the payload, and what was not understood."""

    devices: tuple[Device, ...]
    digest: str
    problems: tuple[str, ...] = field(default=())
    # `device.to_dict()` of each device, made once when the device was parsed.
    device_data: tuple[dict[str, Any], ...] = field(default=())
    # How many capabilities the devices have together, and how many of them can be set.
    capability_count: int = 0
    settable_count: int = 0


def payload_digest(payload: bytes) -> str:
    """Return a cheap fingerprint to recognise a re-published identical list."""
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


def quoted(text: str, limit: int = MAX_QUOTED) -> str:
    """Return `text` cut to `limit` characters, for problems and log lines."""
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def nests_within(value: Any, depth: int = MAX_VALUE_DEPTH) -> bool:
    """Return whether a JSON value has at most `depth` levels of lists and objects."""
    if isinstance(value, list):
        return depth > 0 and all(nests_within(item, depth - 1) for item in value)
    if isinstance(value, dict):
        return depth > 0 and all(nests_within(item, depth - 1) for item in value.values())
    return True


def bounded(value: Any) -> Any:
    """Return a JSON value unchanged, or None when it nests deeper than MAX_VALUE_DEPTH."""
    return value if nests_within(value) else None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _strings(value: Any) -> tuple[str, ...]:
    """Return enum values or preset names; anything that is neither is left out."""
    if not isinstance(value, list):
        return ()
    found = []
    for item in value:
        text = item.get("name") if isinstance(item, dict) else item
        if isinstance(text, str):
            found.append(text)
        elif isinstance(text, (int, float)) and not isinstance(text, bool):
            found.append(str(text))
    return tuple(found)


# An expose's own fields copied into a capability when they have the right JSON type.
_TEXT_FIELDS = frozenset({"category", "unit", "label", "description"})
_NUMBER_FIELDS = frozenset({"value_min", "value_max", "value_step"})
_NAME_LIST_FIELDS = frozenset({"values", "presets"})
_FREE_FIELDS = frozenset({"value_on", "value_off"})
_NUMBER_TYPES = frozenset({int, float})  # exactly: JSON's true and false are not numbers
_CONTAINER_TYPES = frozenset({list, dict})
# What each key of an expose is, for the one pass `_capability` makes over them.
_TEXT, _NUMBER, _NAME_LIST, _FREE, _OWN = "text", "number", "names", "free", "own"
_FIELD_KINDS = {
    **dict.fromkeys(_TEXT_FIELDS, _TEXT),
    **dict.fromkeys(_NUMBER_FIELDS, _NUMBER),
    **dict.fromkeys(_NAME_LIST_FIELDS, _NAME_LIST),
    **dict.fromkeys(_FREE_FIELDS, _FREE),
    **dict.fromkeys(("type", "property", "name", "endpoint", "access"), _OWN),
}
# A capability's data before the expose says anything, keys in Capability's field order.
_BLANK = Capability("", None, "unknown", "").to_dict()


def _capability(
    expose: dict[str, Any],
    endpoint: str | None,
    parent: str | None,
    prefix: str,
    problems: list[str],
) -> dict[str, Any]:
    """Return the plain data of one capability, its keys in Capability's field order."""
    data = _BLANK.copy()
    # One pass over the keys the expose has (thousands of exposes per list, most fields unset);
    # text fields are read inline (`type(...) is str`: JSON's strings are never a subclass).
    kind = own_property = own_name = own_endpoint = access = None
    for key, value in expose.items():
        field_kind = _FIELD_KINDS.get(key)
        if field_kind is None:
            continue
        if field_kind is _TEXT:
            if type(value) is str:
                data[key] = value
        elif field_kind is _NUMBER:
            if type(value) in _NUMBER_TYPES:
                data[key] = value
        elif field_kind is _NAME_LIST:
            if value:
                data[key] = _strings(value)
        elif field_kind is _FREE:
            data[key] = value
        elif type(value) is str:
            if key == "type":
                kind = value
            elif key == "property":
                own_property = value
            elif key == "name":
                own_name = value
            elif key == "endpoint":
                own_endpoint = value
        elif key == "access":
            access = value
    name = data["name"] = own_name or own_property or kind or "unknown"
    data["property"] = prefix + (own_property or name)
    data["endpoint"] = own_endpoint or endpoint
    if kind in KNOWN_TYPES:
        data["type"] = kind
    data["parent"] = parent
    if type(access) is int and access:
        data["published"] = bool(access & ACCESS_PUBLISHED)
        data["settable"] = bool(access & ACCESS_SETTABLE)
        data["gettable"] = bool(access & ACCESS_GETTABLE)
    value_on, value_off = data["value_on"], data["value_off"]
    if (type(value_on) in _CONTAINER_TYPES or type(value_off) in _CONTAINER_TYPES) and not (
        nests_within(value_on) and nests_within(value_off)
    ):
        problems.append(
            f"{quoted(name)}: value_on/value_off nested deeper than {MAX_VALUE_DEPTH} levels, dropped"
        )
        data["value_on"], data["value_off"] = bounded(value_on), bounded(value_off)
    return data


def _flatten(
    expose: Any,
    endpoint: str | None,
    parent: str | None,
    prefix: str,
    *,
    depth: int,
    out: list[dict[str, Any]],
    problems: list[str],
) -> None:
    """Add the data of `expose` and its features to `out`; composites keep their path."""
    if not isinstance(expose, dict):
        raise TypeError(f"an expose is {type(expose).__name__}, not an object")
    if depth > MAX_FEATURE_DEPTH:
        raise TypeError(f"features nested deeper than {MAX_FEATURE_DEPTH} levels")
    kind = _text(expose.get("type"))
    features = expose.get("features")
    if kind in SPECIFIC_TYPES:
        if not isinstance(features, list):
            raise TypeError(f"{kind} expose has no features list")
        own_endpoint = _text(expose.get("endpoint")) or endpoint
        for feature in features:
            _flatten(
                feature, own_endpoint, kind, prefix, depth=depth + 1, out=out, problems=problems
            )
        return
    capability = _capability(expose, endpoint, parent, prefix, problems)
    out.append(capability)
    if kind == "composite" and isinstance(features, list):
        path = f"{parent}>{capability['name']}" if parent else capability["name"]
        # Without a property of its own (Zigbee2MQTT 1.x TuYa `programming_mode`), Zigbee2MQTT
        # reads and sets a composite's features at the level the composite itself is on.
        inner = f"{capability['property']}." if _text(expose.get("property")) else prefix
        for feature in features:
            _flatten(
                feature,
                capability["endpoint"],
                path,
                inner,
                depth=depth + 1,
                out=out,
                problems=problems,
            )


class _Exposes(NamedTuple):
    """What a definition's exposes say, and what was wrong with them (without the device name)."""

    capabilities: tuple[Capability, ...]
    data: tuple[dict[str, Any], ...]
    problems: tuple[str, ...]
    settable: int  # how many of the capabilities can be set


_NO_EXPOSES = _Exposes((), (), (), 0)
# Makes a Capability from its fields in order, without the keyword handling of its constructor.
_new_capability = partial(tuple.__new__, Capability)


# What each exposes list of one list gave, by the list's JSON: devices of one kind share it.
type _Memo = dict[bytes, _Exposes]


def _exposes(exposes: list[Any], memo: _Memo) -> _Exposes:
    """Read an exposes list, or reuse what the same list of another device of the list gave."""
    try:
        key = orjson.dumps(exposes)
    except orjson.JSONEncodeError:  # nested beyond what orjson writes: read, never share
        return _read_exposes(exposes)
    if (read := memo.get(key)) is None:
        read = memo[key] = _read_exposes(exposes)
    return read


def _read_exposes(exposes: list[Any]) -> _Exposes:
    """Read each expose; a malformed one is skipped, the first of several with one key is kept."""
    flat: list[dict[str, Any]] = []
    problems: list[str] = []
    for index, expose in enumerate(exposes):
        read, noted = len(flat), len(problems)
        try:
            _flatten(expose, None, None, "", depth=0, out=flat, problems=problems)
        except TypeError as err:
            del flat[read:], problems[noted:]  # what the expose gave before it failed
            problems.append(f"expose {index} skipped: {err}")
    kept = tuple(flat)
    if len({(data["property"], data["endpoint"]) for data in flat}) < len(flat):
        first: dict[tuple[str, str | None], dict[str, Any]] = {}
        for data in flat:
            first.setdefault((data["property"], data["endpoint"]), data)
        kept = tuple(first.values())
    # The data's values are the capability's fields in order: one walk makes both.
    capabilities = tuple(map(_new_capability, map(dict.values, kept)))
    settable = sum(1 for capability in capabilities if capability.settable)
    return _Exposes(capabilities, kept, tuple(problems), settable)


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


def _entry(raw: Any, memo: _Memo) -> _Entry:
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
            exposes = _exposes(raw_exposes, memo)
            problems = exposes.problems
        else:
            exposes, problems = _NO_EXPOSES, ("definition has no exposes list",)
        vendor, model = define("vendor"), define("model")
        description, source = define("description"), define("source")
    else:
        exposes, problems = _NO_EXPOSES, ()
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
        memo: _Memo = {}
        entries = self._incremental(payload, fresh, memo)
        if entries is None:  # not Zigbee2MQTT's layout: parse it whole, key devices by their JSON
            fresh.clear()
            entries = [self._reuse(raw, fresh, memo) for raw in _load(payload)]
        parsed = _assemble(entries, digest or payload_digest(payload))
        self._known = fresh
        return parsed

    def _incremental(
        self, payload: bytes, fresh: dict[bytes, _Entry], memo: _Memo
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

    def _reuse(self, raw: Any, fresh: dict[bytes, _Entry], memo: _Memo) -> _Entry:
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
