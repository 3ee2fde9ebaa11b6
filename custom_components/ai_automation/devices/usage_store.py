"""Keep the usage record in Home Assistant's storage without holding the event loop.

Saving: a device's JSON is made again only after it changed, on the event loop a few milliseconds
at a time; the document is joined and written in an executor (`serialize_in_event_loop=False`).
Loading: the file is read a device per line in an executor (`engine/usage/record_file.py`); a file of
another shape (hand-edited, an older version) goes through Home Assistant's own loader and is read
leniently. What is unreadable is named once in the log; the rest is kept.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from functools import partial
import logging
from pathlib import Path
import time
from typing import Any

import orjson

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.event import async_call_later
from homeassistant.helpers.storage import Store

from ..const import (
    USAGE_MAX_STORED_BYTES,
    USAGE_SAVE_DELAY,
    USAGE_STORAGE_KEY,
    USAGE_STORAGE_VERSION,
)
from ..engine.gil import let_the_loop_in
from ..engine.usage.record import UsageRecord
from ..engine.usage.record_file import (
    DEVICES_PER_PAUSE,
    device_json,
    devices_json,
    load_lines,
    load_record,
    split_lines,
)

_LOGGER = logging.getLogger(__name__)

SLICE_SECONDS = 0.005  # the longest the save works on the event loop before letting others in
PROBLEMS_LOGGED = 3


class _Store(Store[dict[str, Any]]):
    """Home Assistant's store, handing over a record of any version as it is (read leniently)."""

    read_version = USAGE_STORAGE_VERSION

    async def _async_migrate_func(
        self, old_major_version: int, old_minor_version: int, old_data: dict[str, Any]
    ) -> dict[str, Any]:
        """Keep the data; note its version for the log."""
        self.read_version = old_major_version
        return old_data


class UsageStorage:
    """Load and save one usage record."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Use Home Assistant's storage file of the usage record."""
        self._hass = hass
        self._store = _Store(
            hass,
            USAGE_STORAGE_VERSION,
            USAGE_STORAGE_KEY,
            max_readable_version=1 << 30,  # a newer record is read for what this version knows
            serialize_in_event_loop=False,
        )
        self._lock = asyncio.Lock()
        self._left_out_logged = False
        self.pending = False  # a save is scheduled or under way
        self._timer: CALLBACK_TYPE | None = None
        self._cancelled = False

    @callback
    def async_schedule(self, record: UsageRecord) -> None:
        """Save `record` a while later; until then, every further change rides on the same write."""
        if record.dirty and not self.pending and not self._cancelled:
            self.pending = True
            self._timer = async_call_later(
                self._hass, USAGE_SAVE_DELAY, partial(self._save_later, record)
            )

    @callback
    def _save_later(self, record: UsageRecord, _now: datetime) -> None:
        self._timer = None
        self._hass.async_create_task(self._async_save_later(record), "ai_automation usage save")

    async def _async_save_later(self, record: UsageRecord) -> None:
        """Save; what changed meanwhile is saved a while later."""
        await self.async_save(record)
        self.pending = False
        self.async_schedule(record)

    @callback
    def async_cancel(self) -> None:
        """Cancel a scheduled save and schedule none (on unload: the flush writes)."""
        self._cancelled = True
        if self._timer is not None:
            self._timer()
            self._timer = None

    async def async_flush(self, record: UsageRecord) -> None:
        """Write `record` now, in place of a scheduled save."""
        if self._timer is not None:
            self._timer()
            self._timer = None
        self.pending = False
        await self.async_save(record)

    async def async_load(self, time_zone: str) -> UsageRecord:
        """Return the stored record, what is readable of it, or an empty one."""
        record = UsageRecord(time_zone)
        found = await self._hass.async_add_executor_job(self._read_lines, record)
        if found is None:
            try:
                data = await self._store.async_load()
            except (KeyError, TypeError, ValueError, AttributeError) as err:
                _LOGGER.warning("Ignoring the stored usage record, not readable: %s", err)
                return record
            if data is None:
                return record
            found = await self._hass.async_add_executor_job(_load_data, record, data)
            found = (self._store.read_version, found[1])
        version, problems = found
        if version != USAGE_STORAGE_VERSION or problems:
            _LOGGER.warning(
                "Reading the stored usage record%s: %d unreadable entries ignored%s; kept %d"
                " devices",
                f" of version {version} (this version writes {USAGE_STORAGE_VERSION})"
                if version != USAGE_STORAGE_VERSION
                else "",
                len(problems),
                f" ({'; '.join(problems[:PROBLEMS_LOGGED])})" if problems else "",
                len(record.devices),
            )
        return record

    def _read_lines(self, record: UsageRecord) -> tuple[int, list[str]] | None:
        """Read a file written a device per line into `record` (in an executor); None otherwise."""
        try:
            content = Path(self._store.path).read_bytes()
        except OSError:
            return None  # missing, or Home Assistant's loader says why
        if (found := split_lines(content)) is None:
            return None
        head, lines, first = found
        data = head.get("data")
        if head.get("version") != USAGE_STORAGE_VERSION or not isinstance(data, dict):
            return None
        return USAGE_STORAGE_VERSION, load_lines(record, lines, data.get("saved"), first)

    async def async_save(self, record: UsageRecord) -> None:
        """Write the record; only devices changed since the last save are made into JSON again."""
        async with self._lock:
            now, began = time.time(), time.perf_counter()
            record.dirty = False
            pairs: list[tuple[str, bytes]] = []
            size, left_out = 0, []
            for ieee, device in list(record.devices.items()):
                if time.perf_counter() - began > SLICE_SECONDS:
                    await asyncio.sleep(0)
                    began = time.perf_counter()
                if device.stored is None:
                    device.stored = device_json(device)
                if size + len(device.stored) > USAGE_MAX_STORED_BYTES:
                    left_out.append(ieee)
                    continue
                size += len(device.stored) + len(ieee) + 5
                pairs.append((ieee, device.stored))
            if left_out and not self._left_out_logged:
                self._left_out_logged = True
                _LOGGER.warning(
                    "The usage record is over %d MiB: %d devices are not saved (first: %s);"
                    " they are still watched until Home Assistant restarts",
                    USAGE_MAX_STORED_BYTES >> 20,
                    len(left_out),
                    ", ".join(left_out[:PROBLEMS_LOGGED]),
                )
            devices = await self._hass.async_add_executor_job(devices_json, pairs)
            await self._store.async_save({"saved": now, "devices": orjson.Fragment(devices)})


def _load_data(record: UsageRecord, data: Any) -> tuple[int, list[str]]:
    """Read `to_dict` data into `record` (in an executor)."""
    problems = load_record(record, data)
    _remember_json(record)
    return USAGE_STORAGE_VERSION, problems


def _remember_json(record: UsageRecord) -> None:
    """Make each loaded device's JSON now (in the executor), so the first save has it ready."""
    for index, device in enumerate(record.devices.values()):
        if not index % DEVICES_PER_PAUSE:
            let_the_loop_in()
        if device.stored is None:
            device.stored = device_json(device)
