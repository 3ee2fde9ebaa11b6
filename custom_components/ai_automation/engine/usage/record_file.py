"""The usage record as stored: one JSON document written a device per line, read a line at a time.

A whole-document parse of a record of thousands of devices is one long call that holds the GIL
(and so Home Assistant's event loop); read a line at a time, other threads get their turn between
devices. Any other shape (hand-edited, an older writer) is read whole, as plain `to_dict` data.
Unreadable entries are skipped and named; the rest is kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import orjson

from ..gil import let_the_loop_in
from .record import MAX_DAYS, MAX_DEVICES, CapabilityUsage, DeviceUsage, UsageRecord, device_data

DEVICES_PER_PAUSE = 20  # devices read or written between two offers of the GIL to the event loop
# The line before a stored document's device lines ends so (Home Assistant indents the rest).
_DEVICES_BEGIN = (b'"devices":{', b'"devices": {')


def device_json(device: DeviceUsage) -> bytes:
    """Return one device's stored JSON (odd values from Home Assistant become text)."""
    return orjson.dumps(device_data(device), default=str, option=orjson.OPT_NON_STR_KEYS)


def devices_json(pairs: list[tuple[str, bytes]]) -> bytes:
    """Return the JSON object of devices from (IEEE address, `device_json`), one per line."""
    lines = []
    for index, (ieee, data) in enumerate(pairs):
        if not index % DEVICES_PER_PAUSE:
            let_the_loop_in()
        lines.append(
            b'"%s":%s' % (ieee.encode(), data)
            if ieee.isalnum()
            else orjson.dumps(ieee) + b":" + data
        )
    return b"{\n" + b",\n".join(lines) + b"\n}"


def split_lines(content: bytes) -> tuple[dict[str, Any], Iterable[bytes], int] | None:
    """Return the document around the devices, the device lines and the first one's number.

    None for a document of another shape. The lines are cut one at a time (no long call).
    """
    for marker in _DEVICES_BEGIN:
        if (begin := content.find(marker + b"\n")) != -1:
            break
    else:
        return None
    start = begin + len(marker) + 1
    end = content.find(b"\n}", start - 1)  # the devices' closing brace, alone on its line
    if end == -1:
        return None
    try:
        head = orjson.loads(content[:start] + b"}" + content[end + 2 :])
    except orjson.JSONDecodeError:
        return None
    if not isinstance(head, dict):
        return None
    return head, _cut(content, start, end), content.count(b"\n", 0, start) + 1


def _cut(content: bytes, start: int, end: int) -> Iterator[bytes]:
    """Yield the lines of `content[start:end]`."""
    while start < end:
        stop = content.find(b"\n", start, end)
        stop = end if stop == -1 else stop
        yield content[start:stop]
        start = stop + 1


def load_lines(
    record: UsageRecord, lines: Iterable[bytes], saved: Any, first: int = 1
) -> list[str]:
    """Restore devices from their stored lines (`"<ieee>":{...},`); return what was unreadable."""
    problems = []
    for number, line in enumerate(lines, first):
        if not number % DEVICES_PER_PAUSE:
            let_the_loop_in()
        try:
            entry = orjson.loads(b"{" + line.rstrip(b",") + b"}")
        except orjson.JSONDecodeError as err:
            problems.append(f"line {number}: {err}")
            continue
        for ieee, raw in entry.items():
            found = load_device(record, ieee, raw, saved)
            key = orjson.dumps(ieee) + b":"
            if not found and line.startswith(key) and raw.get("active_since") is None:
                # Read back as written: the line is its JSON for the next save.
                record.devices[ieee].stored = line[len(key) :].rstrip(b",")
            problems.extend(found)
    record.dirty = False
    return problems


def load_record(record: UsageRecord, data: Any) -> list[str]:
    """Restore `to_dict` data, keeping what is readable; return what was not."""
    if not isinstance(data, Mapping) or not isinstance(data.get("devices", {}), Mapping):
        return ["the record is not an object of devices"]
    saved, problems = data.get("saved"), []
    for index, (ieee, raw) in enumerate(data.get("devices", {}).items()):
        if not index % DEVICES_PER_PAUSE:
            let_the_loop_in()
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
