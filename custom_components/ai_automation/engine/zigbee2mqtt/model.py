"""Zigbee2MQTT's devices and capabilities as typed values, and back to plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

# value_on/value_off are free JSON; deeper values are dropped (real ones are plain values).
MAX_VALUE_DEPTH = 3


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
