"""Parse Zigbee2MQTT's `<base>/bridge/devices` list into typed devices and capabilities.

Tolerant by design: a malformed expose costs only that expose, an unknown expose type is kept as
"unknown", and every problem is reported in words next to the result.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
import hashlib
from typing import Any

import orjson

from .zigbee2mqtt import PayloadError

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
ACCESS_PUBLISHED, ACCESS_SETTABLE, ACCESS_GETTABLE = 1, 2, 4
GENERIC_TYPES = frozenset({"binary", "numeric", "enum", "text", "composite", "list"})
SPECIFIC_TYPES = frozenset({"light", "switch", "fan", "cover", "lock", "climate"})


@dataclass(frozen=True, kw_only=True, slots=True)
class Capability:
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
    capabilities: tuple[Capability, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return plain data for storage and diagnostics."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Device:
        """Rebuild a device stored with `to_dict`."""
        capabilities = tuple(
            Capability(
                **{
                    **cap,
                    "values": tuple(cap.get("values", ())),
                    "presets": tuple(cap.get("presets", ())),
                }
            )
            for cap in data.get("capabilities", ())
        )
        return cls(**{**data, "capabilities": capabilities})


@dataclass(frozen=True, kw_only=True)
class DeviceList:
    """The parsed list, a fingerprint of the payload, and what could not be understood."""

    devices: tuple[Device, ...]
    digest: str
    problems: tuple[str, ...] = field(default=())


def payload_digest(payload: bytes) -> str:
    """Return a cheap fingerprint to recognise a re-published identical list."""
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _number(value: Any) -> float | None:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(item.get("name")) if isinstance(item, dict) else str(item) for item in value)


def _capability(
    expose: dict[str, Any], endpoint: str | None, parent: str | None, prefix: str
) -> Capability:
    access = expose.get("access", 0)
    access = access if isinstance(access, int) and not isinstance(access, bool) else 0
    kind = expose.get("type")
    name = _text(expose.get("name")) or _text(expose.get("property")) or str(kind)
    return Capability(
        property=prefix + (_text(expose.get("property")) or name),
        endpoint=_text(expose.get("endpoint")) or endpoint,
        type=kind if kind in GENERIC_TYPES | SPECIFIC_TYPES else "unknown",
        name=name,
        parent=parent,
        published=bool(access & ACCESS_PUBLISHED),
        settable=bool(access & ACCESS_SETTABLE),
        gettable=bool(access & ACCESS_GETTABLE),
        category=_text(expose.get("category")),
        unit=_text(expose.get("unit")),
        value_min=_number(expose.get("value_min")),
        value_max=_number(expose.get("value_max")),
        value_step=_number(expose.get("value_step")),
        values=_strings(expose.get("values")),
        presets=_strings(expose.get("presets")),
        value_on=expose.get("value_on"),
        value_off=expose.get("value_off"),
        label=_text(expose.get("label")),
        description=_text(expose.get("description")),
    )


def _flatten(
    expose: Any, endpoint: str | None, parent: str | None, prefix: str, out: list[Capability]
) -> None:
    """Add `expose` and its features to `out`; specific and composite exposes keep their path."""
    if not isinstance(expose, dict):
        raise TypeError(f"an expose is {type(expose).__name__}, not an object")
    kind = expose.get("type")
    features = expose.get("features")
    if kind in SPECIFIC_TYPES:
        if not isinstance(features, list):
            raise TypeError(f"{kind} expose has no features list")
        own_endpoint = _text(expose.get("endpoint")) or endpoint
        for feature in features:
            _flatten(feature, own_endpoint, kind, prefix, out)
        return
    capability = _capability(expose, endpoint, parent, prefix)
    out.append(capability)
    if kind == "composite" and isinstance(features, list):
        path = f"{parent}>{capability.name}" if parent else capability.name
        for feature in features:
            _flatten(feature, capability.endpoint, path, f"{capability.property}.", out)


def _capabilities(
    device: dict[str, Any], label: str, problems: list[str]
) -> tuple[Capability, ...]:
    definition = device.get("definition")
    if not isinstance(definition, dict):
        return ()
    exposes = definition.get("exposes")
    if not isinstance(exposes, list):
        problems.append(f"{label}: definition has no exposes list")
        return ()
    found: dict[tuple[str, str | None], Capability] = {}
    for index, expose in enumerate(exposes):
        flat: list[Capability] = []
        try:
            _flatten(expose, None, None, "", flat)
        except TypeError as err:
            problems.append(f"{label}: expose {index} skipped: {err}")
            continue
        for capability in flat:
            found.setdefault((capability.property, capability.endpoint), capability)
    return tuple(found.values())


def _device(raw: Any, problems: list[str]) -> Device | None:
    if not isinstance(raw, dict):
        problems.append(f"an entry is {type(raw).__name__}, not a device object")
        return None
    ieee = raw.get("ieee_address")
    if not isinstance(ieee, str) or not ieee:
        problems.append("a device without an ieee_address was skipped")
        return None
    friendly = _text(raw.get("friendly_name")) or ieee
    raw_definition = raw.get("definition")
    definition: dict[str, Any] = raw_definition if isinstance(raw_definition, dict) else {}
    return Device(
        ieee_address=ieee,
        friendly_name=friendly,
        type=_text(raw.get("type")) or "Unknown",
        vendor=_text(definition.get("vendor")) or _text(raw.get("manufacturer")),
        model=_text(definition.get("model")) or _text(raw.get("model_id")),
        description=_text(definition.get("description")),
        power_source=_text(raw.get("power_source")),
        supported=raw.get("supported") is True,
        disabled=raw.get("disabled") is True,
        interview_state=_text(raw.get("interview_state")),
        capabilities=_capabilities(raw, f"{friendly} ({ieee})", problems),
    )


def parse_devices(payload: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> DeviceList:
    """Parse a bridge/devices payload; raise PayloadError when nothing of it can be used."""
    if len(payload) > max_bytes:
        raise PayloadError(f"payload of {len(payload):,} bytes is over the limit of {max_bytes:,}")
    try:
        document = orjson.loads(payload)
    except orjson.JSONDecodeError as err:
        raise PayloadError(f"payload is not valid UTF-8 JSON ({err})") from err
    if not isinstance(document, list):
        raise PayloadError(f"payload is a JSON {type(document).__name__}, not a list of devices")
    problems: list[str] = []
    devices: dict[str, Device] = {}
    for raw in document:
        device = _device(raw, problems)
        if device is None:
            continue
        if device.ieee_address in devices:
            problems.append(f"duplicate ieee_address {device.ieee_address}: kept the first")
            continue
        devices[device.ieee_address] = device
    return DeviceList(
        devices=tuple(devices.values()), digest=payload_digest(payload), problems=tuple(problems)
    )
