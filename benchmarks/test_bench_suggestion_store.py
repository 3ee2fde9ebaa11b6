"""Benchmark: saving a year of suggestions (five new a day, most decided) through a real Store.

Run with `scripts/bench`. The test harness replaces Home Assistant's storage with one that
serialises on the event loop and writes nothing; here Home Assistant's own `Store` methods write
real files in a temporary directory. Prints the file's size and the longest event-loop stall of
a save, for the store as it was (everything kept, serialised on the loop) and as it is (decided
suggestions compacted, serialised in an executor), and of the first start that reads a year's file
written by the old version, beside the 20 ms floor. Asserts only that nothing was lost.
"""

import asyncio
from datetime import timedelta
import gc
import importlib.util
from pathlib import Path
from typing import Any
from unittest.mock import patch

from custom_components.ai_automation.suggestions.store import STORAGE_KEY, SuggestionStore
from homeassistant.core import HomeAssistant
from homeassistant.helpers import storage
from homeassistant.util import dt as dt_util
from tests.suggestion_year import a_year_of_suggestions

from .loop_watch import LoopWatch

FLOOR_MS = 20.0


def _real_store_methods() -> Any:
    """Return Home Assistant's own Store class, loaded apart from the harness's patches."""
    spec = importlib.util.find_spec("homeassistant.helpers.storage")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Store


async def _stall(work: Any) -> float:
    """Run `work` (a coroutine) and return the longest event-loop stall meanwhile, in ms."""
    gc.collect()
    watch = LoopWatch(beat=0.001)
    await asyncio.sleep(0.01)  # the watch is running before the work's first step
    await work
    await asyncio.sleep(0.05)
    return await watch.stop() * 1000


async def test_saving_a_year_of_suggestions(hass: HomeAssistant, tmp_path: Path) -> None:
    """Print the file size and the longest stall of a save, before and after compaction."""
    real = _real_store_methods()
    hass.config.config_dir = str(tmp_path)
    asyncio.get_running_loop().set_debug(False)  # as Home Assistant runs it
    year = a_year_of_suggestions(dt_util.utcnow() - timedelta(hours=1))
    data = {"suggestions": year, "last_run": {}, "recent_runs": []}
    path = tmp_path / ".storage" / STORAGE_KEY
    idle = await _stall(asyncio.sleep(2))
    with (
        patch.object(storage.Store, "_async_load", real._async_load),  # noqa: SLF001
        patch.object(storage.Store, "_async_write_data", real._async_write_data),  # noqa: SLF001
    ):
        old = storage.Store(hass, 1, STORAGE_KEY)  # as the store was: serialised on the loop
        old_stall = await _stall(old.async_save(data))
        old_size = path.stat().st_size

        store = SuggestionStore(hass)
        load_stall = await _stall(store.async_load())
        first_stall = await _stall(store.async_save())
        first_size = path.stat().st_size
        store.suggestions[next(iter(store.suggestions))]["cleared"] = True
        stall = await _stall(store.async_save())
        size = path.stat().st_size
    print(
        f"\nA year of suggestions ({len(year)}, "
        f"{sum(s['status'] == 'dismissed' for s in year.values())} dismissed):"
        f"\n  as it was: {old_size / 1e6:.1f} MB, saved with a {old_stall:.0f} ms event-loop stall"
        f"\n  first start after the update: read and compacted with a {load_stall:.0f} ms stall,"
        f" written ({first_size / 1e6:.1f} MB) with a {first_stall:.1f} ms stall"
        f"\n  each later save: {size / 1e6:.1f} MB with a {stall:.1f} ms stall"
        f" (floor {FLOOR_MS:.0f} ms; {idle:.1f} ms with nothing to do)"
    )
    assert store.suggestions.keys() == year.keys()
