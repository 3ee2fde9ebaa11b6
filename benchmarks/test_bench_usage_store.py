"""Benchmark: the usage record of 5,000 devices loaded and saved through Home Assistant's real store.

Run with `scripts/bench`. The test harness's in-memory store is put aside: the record is written to
and read from a real file, as in a running Home Assistant. Prints, per step, the longest step the
event loop ran (the loop thread's CPU time; floor 20 ms), the longest stall (how late a 1 ms sleep
woke: a busy machine's waits for a core and the garbage collector's passes included) and the
collector's longest pass; asserts only that what was saved loads again.
"""

import asyncio
import gc
import os
from pathlib import Path
import random
import time
from typing import Any
from unittest.mock import patch

import orjson

from custom_components.ai_automation.const import USAGE_STORAGE_KEY, USAGE_STORAGE_VERSION
from custom_components.ai_automation.devices.usage_store import UsageStorage
from custom_components.ai_automation.engine.usage.record import DAY, UsageRecord
from custom_components.ai_automation.engine.usage.record_file import load_record
from homeassistant.core import HomeAssistant
from homeassistant.helpers import storage

from .loop_watch import StallTracer

# Taken before the test harness replaces them with its in-memory store.
REAL = {name: getattr(storage.Store, name) for name in ("_async_load", "_async_write_data")}
DEVICES = 5000
DAYS = 120
FLOOR_MS = 20.0
NOW = 1_790_000_000.0


def _capability(rng: random.Random, values: list[Any]) -> dict[str, Any]:
    seen = {
        source: rng.sample(values, min(12, len(values)))
        for source in ("zigbee2mqtt", "home_assistant")
    }
    return {"since": NOW - DAYS * DAY, "last_change": NOW - rng.random() * DAY,
            "changes": rng.randrange(500), "last": {s: v[-1] for s, v in seen.items()},
            "values": seen, "more": len(values) > 12}  # fmt: skip


def _stored(count: int) -> dict[str, Any]:
    """Return `to_dict` data of `count` lights in use on 120 days, with five capabilities each."""
    rng = random.Random(1)  # noqa: S311  # made-up data, the same every run
    first = int(NOW // DAY) + 719163 - DAYS  # the local day ordinal, roughly
    colours = [{"x": round(rng.random(), 4), "y": round(rng.random(), 4)} for _ in range(40)]
    capabilities = {
        "brightness": list(range(1, 255)),
        "color_temp": list(range(153, 500)),
        "color": colours,
        "power_on_behavior": ["on", "off", "previous"],
        "effect": ["none"],
    }
    return {
        "saved": NOW,
        "devices": {
            f"0x{index:016x}": {
                "since": NOW - DAYS * DAY,
                "days": [[first + day, rng.randrange(1, 16)] for day in range(DAYS)],
                "active_since": None,
                "capabilities": {
                    key: _capability(rng, values) for key, values in capabilities.items()
                },
            }
            for index in range(count)
        },
    }


class _Watch:
    """The longest event-loop stall (how late a 1 ms sleep wakes) and the longest step on the loop.

    A step is one callback or task step the loop runs, timed in the loop thread's own CPU time:
    on a busy machine a stall also holds the time a thread waited for a core, which no code of
    ours can shorten.
    """

    def __init__(self) -> None:
        self.stall = self.step = 0.0
        self._running = True
        self._run = asyncio.events.Handle._run  # noqa: SLF001  # the one place every step passes
        watch = self

        def timed(handle: asyncio.events.Handle) -> None:
            began = time.thread_time()
            watch._run(handle)
            watch.step = max(watch.step, time.thread_time() - began)

        asyncio.events.Handle._run = timed  # type: ignore[method-assign]  # noqa: SLF001
        self._task = asyncio.create_task(self._watch())

    async def _watch(self) -> None:
        loop = asyncio.get_running_loop()
        while self._running:
            before = loop.time()
            await asyncio.sleep(0.001)
            self.stall = max(self.stall, loop.time() - before - 0.001)

    async def stop(self) -> tuple[float, float]:
        self._running = False
        await self._task
        asyncio.events.Handle._run = self._run  # type: ignore[method-assign]  # noqa: SLF001
        return self.stall * 1000, self.step * 1000


async def _measured(step: Any) -> tuple[tuple[float, ...], Any]:
    """Run `step`; return (seconds, stall ms, loop work ms, longest collector pass ms), result.

    The garbage collector's full passes run on whichever thread allocates, holding the GIL: they
    stall the loop too, and grow with everything Home Assistant keeps, so they are named apart.
    """
    gc.collect()
    passes: list[float] = []
    began_pass = [0.0]

    def timed(phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            began_pass[0] = time.perf_counter()
        else:
            passes.append(time.perf_counter() - began_pass[0])

    tracer = StallTracer() if os.environ.get("BENCH_STALL_TRACE") else None
    if tracer:
        tracer.start()
    gc.callbacks.append(timed)
    watch = _Watch()
    await asyncio.sleep(0.01)  # the watch is running
    began = time.perf_counter()
    result = await step()
    seconds = time.perf_counter() - began
    stall, work = await watch.stop()
    gc.callbacks.remove(timed)
    if tracer:
        tracer.stop()
    return (seconds, stall, work, max(passes, default=0.0) * 1000), result


def _line(what: str, figures: tuple[float, ...]) -> str:
    seconds, stall, step, collector = figures
    return (
        f"  {what:<50} {seconds * 1000:5.0f} ms; longest step on the loop {step:5.1f} ms (floor"
        f" {FLOOR_MS:.0f} ms); longest stall {stall:6.1f} ms, collector pass {collector:5.1f} ms"
    )


async def test_usage_store_at_5000_devices(
    hass: HomeAssistant, tmp_path: Path, enable_custom_integrations: None
) -> None:
    """Print each step's longest event-loop stall: save all, save some, load, load the old way."""
    hass.config.config_dir = str(tmp_path)
    asyncio.get_running_loop().set_debug(False)  # as Home Assistant runs it
    record = UsageRecord("Europe/Berlin")
    load_record(record, _stored(DEVICES))
    path = tmp_path / ".storage" / USAGE_STORAGE_KEY
    with (
        patch.object(storage.Store, "_async_load", REAL["_async_load"]),
        patch.object(storage.Store, "_async_write_data", REAL["_async_write_data"]),
    ):
        print(
            f"\nThe usage record of {DEVICES:,} devices through Home Assistant's store (load"
            f" average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores):"
        )
        print(_line("nothing to do (this machine's own stalls)", (await _measured(_idle))[0]))
        saver = UsageStorage(hass)
        figures, _ = await _measured(lambda: saver.async_save(record))
        print(_line(f"first save ({path.stat().st_size / 2**20:.1f} MiB)", figures))
        for device in list(record.devices.values())[:: DEVICES // 50]:
            record.observe(device, "zigbee2mqtt", [("brightness", 7)], NOW + DAY)
        figures, _ = await _measured(lambda: saver.async_save(record))
        print(_line("a save after 50 devices changed", figures))

        # The way before: the whole record made and serialised on the event loop.
        store = storage.Store[dict[str, Any]](hass, 1, "ai_automation.usage_before")

        async def before() -> None:
            await store.async_save(record.to_dict(NOW))

        print(_line("for comparison, the save before (on the loop)", (await _measured(before))[0]))
        old = orjson.dumps(
            {
                "version": USAGE_STORAGE_VERSION,
                "key": USAGE_STORAGE_KEY,
                "data": record.to_dict(NOW),
            }
        )
        record.devices.clear()  # only the stored file stays

        figures, loaded = await _measured(lambda: UsageStorage(hass).async_load("Europe/Berlin"))
        print(_line("load (a device per line, in an executor)", figures))
        assert len(loaded.devices) == DEVICES
        brightness = loaded.devices["0x0000000000000000"].capabilities["brightness"]
        assert brightness.last["zigbee2mqtt"] == 7
        del loaded, brightness

        # A file of the version before (one line) is read once by Home Assistant's own loader.
        path.write_bytes(old)
        del old
        figures, loaded = await _measured(lambda: UsageStorage(hass).async_load("Europe/Berlin"))
        print(_line("load of an older one-line file (once, after updating)", figures))
        assert len(loaded.devices) == DEVICES


async def _idle() -> None:
    await asyncio.sleep(1)
