"""The capabilities answer (websocket command, diagnostics): every device, matched, with its use.

What only the event loop may read (the registries, the live usage record) is gathered a slice of
devices at a time, the loop getting its turn between slices; the answer is built and serialised
from that in an executor, a device at a time, so no single call holds the GIL for long.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
import time
from typing import Any

import orjson

from homeassistant.core import HomeAssistant
from homeassistant.helpers.json import json_bytes

from .device_list import HaMatch, KnownDevices, capability_key_of
from .usage_assessment import usage_model
from .usage_watcher import UsageWatcher

# Devices are matched and assessed a few at a time; the event loop gets its turn every few ms.
DEVICES_PER_STEP = 10
SECONDS_PER_TURN = 0.004


@dataclass(frozen=True, kw_only=True)
class Gathered:
    """What the answer is made of; nothing in it changes after it is gathered."""

    base_topic: str
    updated: datetime | None
    device_data: list[dict[str, Any]]  # replaced as a whole by the device list, never changed
    matches: dict[str, HaMatch]
    usage: dict[str, dict[str, dict[str, Any]]]


async def async_gather(
    hass: HomeAssistant, known_devices: KnownDevices, watcher: UsageWatcher, lookback_days: int
) -> Gathered:
    """Match the devices and read their use over `lookback_days`, a slice at a time."""
    device_data, devices = known_devices.device_data, known_devices.devices
    matches: dict[str, HaMatch] = {}
    usage: dict[str, dict[str, dict[str, Any]]] = {}
    ieees = iter(list(devices))
    turn_ends = time.monotonic() + SECONDS_PER_TURN
    while chunk := list(islice(ieees, DEVICES_PER_STEP)):
        matches |= known_devices.async_match(chunk)
        usage |= usage_model(watcher.record, lookback_days, chunk)
        if time.monotonic() > turn_ends:
            await asyncio.sleep(0)
            turn_ends = time.monotonic() + SECONDS_PER_TURN
    return Gathered(
        base_topic=known_devices.base_topic,
        updated=known_devices.updated,
        device_data=device_data,
        matches=matches,
        usage=usage,
    )


def _device(
    stored: dict[str, Any],
    matches: Mapping[str, HaMatch],
    usage: Mapping[str, Mapping[str, Any]],
) -> dict[str, Any]:
    """Return one device with its capabilities' keys, entities and use, and its HA device."""
    match = matches.get(stored["ieee_address"])
    used = usage.get(stored["ieee_address"], {})
    capabilities = []
    for raw in stored["capabilities"]:
        key = capability_key_of(raw["property"], raw["endpoint"])
        capability = {**raw, "key": key, "entity_id": match.entities.get(key) if match else None}
        if (found := used.get(key)) is not None:
            capability["usage"] = found
        capabilities.append(capability)
    return {
        **stored,
        "ha_device_id": match.device_id if match else None,
        "capabilities": capabilities,
    }


def _head(gathered: Gathered) -> dict[str, Any]:
    return {
        "base_topic": gathered.base_topic,
        "updated": gathered.updated.isoformat() if gathered.updated else None,
    }


def model(gathered: Gathered) -> dict[str, Any]:
    """Return the answer as plain data (in an executor)."""
    return _head(gathered) | {
        "devices": [
            _device(stored, gathered.matches, gathered.usage) for stored in gathered.device_data
        ]
    }


def model_json(gathered: Gathered) -> bytes:
    """Return the answer as JSON, serialised a device at a time (in an executor)."""
    devices = b",".join(
        json_bytes(_device(stored, gathered.matches, gathered.usage))
        for stored in gathered.device_data
    )
    return json_bytes(_head(gathered) | {"devices": orjson.Fragment(b"[" + devices + b"]")})
