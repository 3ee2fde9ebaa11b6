"""Read the same history in full and from the kept days, and compare the two bit for bit."""

from collections.abc import Awaitable, Callable
from datetime import timedelta
import json
from pathlib import Path
from typing import Any

import numpy as np
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)

from custom_components.ai_automation.analysis.kept_days import incremental_history_reader
from custom_components.ai_automation.analysis.run import entities_to_analyse
from custom_components.ai_automation.engine.history.arrays import History
from custom_components.ai_automation.engine.history.recorded import changes_kept
from custom_components.ai_automation.recorder_reader.tables import HistoryReader, load_history
from custom_components.ai_automation.settings import Settings
from homeassistant.core import HomeAssistant
from homeassistant.helpers.recorder import get_instance
from homeassistant.util import dt as dt_util

from .real_homes import RealHome, build_real
from .recorder_rows import write_changes


async def histories(
    hass: HomeAssistant, settings: Settings, automated: list[str]
) -> tuple[History, History, int]:
    """Return the history read in full, from the kept days and what is new, and changes kept."""
    instance = get_instance(hass)
    end = dt_util.utcnow()
    start = end - timedelta(days=settings.lookback_days)
    analysed, person = entities_to_analyse(hass, settings)
    full = HistoryReader(instance, analysed, person, start, end, hass.config.time_zone, automated)
    kept = incremental_history_reader(
        hass, instance, analysed, person, start, end, automated, settings.lookback_days
    )
    read_full = await instance.async_add_executor_job(load_history, full)
    read_kept = await instance.async_add_executor_job(load_history, kept)
    return read_full, read_kept, changes_kept(read_kept, kept.recorded())


def assert_same(full: History, kept: History) -> None:
    """Assert that the two histories are the same, bit for bit."""
    assert kept.entity_ids == full.entity_ids
    assert kept.states == full.states
    for name in ("when", "entity", "state", "manual"):
        assert np.array_equal(getattr(kept, name), getattr(full, name)), name
    assert (kept.start, kept.end, kept.time_zone) == (full.start, full.end, full.time_zone)
    assert (kept.runs, kept.runs_since) == (full.runs, full.runs_since)


async def two_days(
    hass: HomeAssistant, freezer: Any, first_run: Callable[[], Awaitable[object]]
) -> None:
    """Write a home's first 15 days and 3.5 hours, run `first_run` (it keeps days), add a day."""
    home = await recorded_home(hass, seed=2, place=1)
    instance = get_instance(hass)
    written = home.start.timestamp() - 1
    for day in (15, 16):
        now = home.start + timedelta(days=day, hours=3, minutes=30)
        freezer.move_to(now)
        await instance.async_add_executor_job(
            write_changes, instance, home.changes, written, now.timestamp(), 1
        )
        written = now.timestamp()
        await async_wait_recording_done(hass)
        if day == 15:
            await first_run()


async def recorded_home(hass: HomeAssistant, seed: int, place: int) -> RealHome:
    """Return a generated home, Home Assistant in its time zone, its entities recorded once."""
    home = build_real(seed=seed, place=place)
    await hass.config.async_update(time_zone=home.time_zone)
    for entity_id in {c.entity_id for c in home.changes}:
        hass.states.async_set(entity_id, "off")
    await async_wait_recording_done(hass)  # (the recorder numbers the entities first)
    return home


def spoil_a_kept_day(folder: Path) -> None:
    """Overwrite bytes inside the first chunk's compressed columns of the last whole kept day."""
    day = sorted(folder.glob("*.day"))[-2]
    data = bytearray(day.read_bytes())
    data[40:60] = b"\xff" * 20
    day.write_bytes(bytes(data))


def block_the_next_day_file(folder: Path, end: float) -> Path:
    """Put a folder where the next run's first new day's file would be written."""
    manifest = json.loads((folder / "manifest.json").read_text())
    blocker = folder / f"{manifest['cut']:.0f}-{end:.0f}.day.new"
    blocker.mkdir()
    return blocker
