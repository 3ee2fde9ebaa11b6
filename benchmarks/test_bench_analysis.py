"""Benchmark: the full analysis on a recorder SQLite database of about a million state changes.

Run with `scripts/bench`. Prints figures; asserts only that the run worked.
"""

import asyncio
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
import time
from typing import Any

import numpy as np
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import MqttMockHAClient

from custom_components.ai_automation.analysis import async_analyse
from custom_components.ai_automation.models import Settings
from homeassistant.core import HomeAssistant
from homeassistant.helpers.recorder import get_instance
from homeassistant.util import dt as dt_util

DAYS = 30
DOMAINS = {"light": 60, "switch": 40, "cover": 10, "lock": 5, "climate": 10, "fan": 5,
           "media_player": 10, "binary_sensor": 160}  # fmt: skip
TARGET_ROWS = 1_000_000
STATES = {"cover": ("open", "closed"), "lock": ("locked", "unlocked"), "climate": ("heat", "off"),
          "media_player": ("playing", "paused")}  # fmt: skip


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field):
            return int(line.split()[1]) * 1024
    return 0


def _rows(start: float, end: float, rng: np.random.Generator) -> Iterator[tuple[Any, ...]]:
    """Yield (metadata_id, state, ts, parent) rows: chatty sensors, people and automations."""
    entities = [f"{d}.bench_{i}" for d, n in DOMAINS.items() for i in range(n)]
    weights = np.array([8.0 if e.startswith("binary_sensor") else 1.0 for e in entities])
    counts = rng.multinomial(TARGET_ROWS, weights / weights.sum())
    automated = b"\x01" * 16
    for metadata_id, (entity_id, count) in enumerate(zip(entities, counts, strict=True), start=1):
        on, off = STATES.get(entity_id.split(".")[0], ("on", "off"))
        times = np.sort(rng.uniform(start, end, count))
        by_automation = rng.random(count) < 0.2
        for index, (when, auto) in enumerate(zip(times, by_automation, strict=True)):
            yield (metadata_id, on if index % 2 == 0 else off, float(when),
                   automated if auto and not entity_id.startswith("binary") else None)  # fmt: skip


def _fill(instance: Any, start: float, end: float) -> int:
    """Write entities and rows straight into the recorder's own tables."""
    rng = np.random.default_rng(1)
    entities = [f"{d}.bench_{i}" for d, n in DOMAINS.items() for i in range(n)]
    connection = instance.engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.executemany(
            "INSERT INTO states_meta (metadata_id, entity_id) VALUES (?, ?)",
            list(enumerate(entities, start=1)),
        )
        cursor.executemany(
            "INSERT INTO states (metadata_id, state, last_updated_ts, context_parent_id_bin,"
            " origin_idx) VALUES (?, ?, ?, ?, 0)",
            _rows(start, end, rng),
        )
        connection.commit()
        cursor.execute("SELECT count(*) FROM states")
        return int(cursor.fetchone()[0])
    finally:
        connection.close()


def _scan(instance: Any, start: float) -> int:
    """Scan the same rows with one plain SQL query: the floor to compare with."""
    connection = instance.engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute(
            "SELECT metadata_id, state, last_updated_ts, context_id_bin, context_parent_id_bin"
            " FROM states WHERE last_updated_ts >= ? ORDER BY last_updated_ts",
            (start,),
        )
        return len(cursor.fetchall())
    finally:
        connection.close()


async def test_analysis_on_a_million_changes(
    recorder_mock: Any,
    mqtt_mock: MqttMockHAClient,
    hass: HomeAssistant,
    enable_custom_integrations: None,
) -> None:
    """Print load/detect time, peak memory, the longest event-loop stall and the SQL floor."""
    instance = get_instance(hass)
    end = dt_util.utcnow()
    start = end - timedelta(days=DAYS)
    rows = await instance.async_add_executor_job(
        _fill, instance, start.timestamp(), end.timestamp()
    )
    for domain, count in DOMAINS.items():
        for index in range(count):
            hass.states.async_set(f"{domain}.bench_{index}", "off")
    entry = MockConfigEntry(domain="ai_automation", options={"lookback_days": DAYS})
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    began = time.perf_counter()
    scanned = await instance.async_add_executor_job(_scan, instance, start.timestamp())
    scan_seconds = time.perf_counter() - began

    stall = 0.0
    running = True

    async def watch() -> None:
        nonlocal stall
        loop = asyncio.get_running_loop()
        while running:
            before = loop.time()
            await asyncio.sleep(0.005)
            stall = max(stall, loop.time() - before - 0.005)

    # The floor for stalls: the same watch while the analysis is not running.
    watcher = asyncio.create_task(watch())
    await asyncio.sleep(5)
    running = False
    await watcher
    idle_stall, stall, running = stall, 0.0, True

    Path("/proc/self/clear_refs").write_text("5")  # reset the peak-memory mark
    baseline = _status("VmRSS:")
    watcher = asyncio.create_task(watch())
    began = time.perf_counter()
    result = await async_analyse(
        hass, Settings(lookback_days=DAYS), entry.runtime_data.capabilities
    )
    total = time.perf_counter() - began
    running = False
    await watcher
    peak = _status("VmHWM:") - baseline

    print(
        f"\nrows in database: {rows:,}; rows scanned: {scanned:,}; entities: {result.entities_analysed}"
        f"\nplain SQL scan (floor): {scan_seconds:.2f} s"
        f"\nanalysis total: {total:.2f} s = load {result.load_seconds:.2f} s"
        f" + detect {result.detect_seconds:.2f} s ({total / scan_seconds:.1f}x the scan; goal <= 3x)"
        f"\npeak extra memory: {peak / 2**20:.0f} MB (goal <= 300 MB)"
        f"\nlongest event-loop stall: {stall * 1000:.1f} ms (goal <= 50 ms;"
        f" {idle_stall * 1000:.1f} ms in 5 s without the analysis)"
        f"\nchanges analysed: {result.events_analysed:,}; habits {result.habits},"
        f" sequences {result.sequences}, suggestions {len(result.suggestions)}"
    )
    assert result.events_analysed > 900_000
    await hass.config_entries.async_unload(entry.entry_id)
