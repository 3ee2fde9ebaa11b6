"""The usage record as stored: one JSON document written a device per line, read a line at a time.

A whole-document parse of a record of thousands of devices is one long call that holds the GIL
(and so Home Assistant's event loop); read a line at a time, other threads get their turn between
devices. Any other shape (hand-edited, an older writer) is read whole, as plain `to_dict` data.
Unreadable entries are skipped and named; the rest is kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson

from .usage import MAX_DAYS, MAX_DEVICES, CapabilityUsage, DeviceUsage, UsageRecord, device_data

# How a stored document written by `devices_json` begins and ends around its device lines.
_HEAD_END = b'"devices":{'
_TAIL = b"}}}"


def device_json(device: DeviceUsage) -> bytes:
    """Return one device's stored JSON (odd values from Home Assistant become text)."""
    return orjson.dumps(device_data(device), default=str, option=orjson.OPT_NON_STR_KEYS)


def devices_json(pairs: list[tuple[str, bytes]]) -> bytes:
    """Return the JSON object of devices from (IEEE address, `device_json`), one per line."""
    return b"{\n" + b",\n".join(orjson.dumps(ieee) + b":" + data for ieee, data in pairs) + b"\n}"


def split_lines(content: bytes) -> tuple[dict[str, Any], list[bytes]] | None:
    """Return the document around the devices and each device's line; None for other shapes."""
    lines = content.rstrip().split(b"\n")
    if len(lines) < 2 or not lines[0].endswith(_HEAD_END) or lines[-1] != _TAIL:
        return None
    try:
        head = orjson.loads(lines[0] + _TAIL)
    except orjson.JSONDecodeError:
        return None
    return (head, lines[1:-1]) if isinstance(head, dict) else None


def load_lines(record: UsageRecord, lines: list[bytes], saved: Any) -> list[str]:
    """Restore devices from their stored lines (`"<ieee>":{...},`); return what was unreadable."""
    problems = []
    for number, line in enumerate(lines, 2):
        try:
            entry = orjson.loads(b"{" + line.rstrip(b",") + b"}")
        except orjson.JSONDecodeError as err:
            problems.append(f"line {number}: {err}")
            continue
        for ieee, raw in entry.items():
            problems.extend(load_device(record, ieee, raw, saved))
    record.dirty = False
    return problems


def load_record(record: UsageRecord, data: Any) -> list[str]:
    """Restore `to_dict` data, keeping what is readable; return what was not."""
    if not isinstance(data, Mapping) or not isinstance(data.get("devices", {}), Mapping):
        return ["the record is not an object of devices"]
    saved, problems = data.get("saved"), []
    for ieee, raw in data.get("devices", {}).items():
        problems.extend(load_device(record, str(ieee), raw, saved))
    record.dirty = False
    return problems


def load_device(record: UsageRecord, ieee: str, raw: Any, saved: Any) -> list[str]:
    """Restore one stored device, keeping what is readable; return what was not."""
    if len(record.devices) >= MAX_DEVICES:
        return [f"{ieee}: more than {MAX_DEVICES} devices"]
    try:
        device = DeviceUsage(float(raw["since"]))
    except (KeyError, TypeError, ValueError) as err:
        return [f"{ieee}: {_why(err)}"]
    problems = []
    try:
        days = [(int(day), int(mask) & 15) for day, mask in raw.get("days", ())]
    except (TypeError, ValueError) as err:
        days = []
        problems.append(f"{ieee} days: {_why(err)}")
    device.days = dict(sorted(days)[-MAX_DAYS:])
    capabilities = raw.get("capabilities", {})
    if not isinstance(capabilities, Mapping):
        problems.append(f"{ieee} capabilities: not an object")
        capabilities = {}
    for key, value in capabilities.items():
        try:
            device.capabilities[str(key)] = CapabilityUsage.from_dict(value)
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            problems.append(f"{ieee} {key}: {_why(err)}")
    try:
        if (begun := raw.get("active_since")) is not None:
            device.active_since = float(begun)
            record.close(device, max(float(saved or 0.0), device.active_since))
    except (TypeError, ValueError) as err:
        device.active_since = None
        problems.append(f"{ieee} active_since: {_why(err)}")
    record.devices[ieee] = device
    return problems


def _why(err: Exception) -> str:
    """Say shortly what was wrong with a stored entry."""
    return f"missing {err}" if isinstance(err, KeyError) else str(err) or type(err).__name__
