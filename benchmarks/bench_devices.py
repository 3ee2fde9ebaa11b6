"""Measure parsing Zigbee2MQTT device lists: time, peak memory and event-loop stalls, beside orjson.

Run `scripts/bench`. Devices are generated from the realistic test fixture (ten device kinds), with
fresh IEEE addresses, so 2,000 devices is a list of a large real network's size. The floor is
`orjson.loads` of the same payload (what any use of the list costs at least).

Goals (issue 12): a republished list with one device changed <= 1.5x the floor; a brand-new list
(parse and plain data) <= 3x; peak memory <= orjson's + 50 %; no event-loop stall over 20 ms.

The stall is measured as the listener meets a new list: digested and parsed (on the loop up to
INLINE_PARSE_LIMIT, in an executor above), then used in place of the list before it, which is
freed in an executor. Each round starts right after a full garbage collection, so the collection
the benchmark's own payloads are owed is not counted against the parse; what a full collection of
this process costs, and how many objects a list leaves to the collector, are printed below it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
import gc
import json
from pathlib import Path
import statistics
import sys
import time
import tracemalloc
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from custom_components.ai_automation.devices.device_list import INLINE_PARSE_LIMIT
from custom_components.ai_automation.engine.zigbee2mqtt.device_list import (
    DeviceListParser,
    payload_digest,
    release,
)
from custom_components.ai_automation.engine.zigbee2mqtt.model import Device, DeviceList

FIXTURE = json.loads((ROOT / "tests" / "fixtures" / "bridge_devices.json").read_text())
SIZES = (50, 500, 2000, 10000)


def devices(count: int, *, distinct: bool = False, first: int = 0) -> list[dict[str, Any]]:
    """Return `count` devices; `distinct` gives every device exposes of its own (worst case)."""
    made = []
    for index in range(first, first + count):
        device = orjson.loads(orjson.dumps(FIXTURE[index % len(FIXTURE)]))
        device["ieee_address"] = f"0x{index:016x}"
        device["friendly_name"] = f"Device {index}"
        if distinct and (device.get("definition") or {}).get("exposes"):
            for expose in device["definition"]["exposes"]:
                expose["description"] = f"Expose of device {index}"
        made.append(device)
    return made


def payload(count: int, *, distinct: bool = False, first: int = 0) -> bytes:
    """Return a bridge/devices payload with `count` devices, written as Zigbee2MQTT does."""
    return orjson.dumps(devices(count, distinct=distinct, first=first))


def measure(func: Callable[[], Any], repeat: int = 5) -> float:
    """Return the median time of `func` in ms (CPU time of this process: others' load aside)."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        func()
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def peak(func: Callable[[], Any]) -> float:
    """Return the peak memory traced while `func` runs, in MiB."""
    tracemalloc.start()
    func()
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top / 2**20


def republished(parser: DeviceListParser, first: bytes, second: bytes) -> Callable[[], None]:
    """Return a job parsing two lists that differ in one device, one after the other."""

    def job() -> None:
        parser.parse(first)
        parser.parse(second)

    return job


async def longest_stall(run: Callable[[], Awaitable[Any]]) -> float:
    """Return the longest event-loop stall (ms) while `run()` is awaited."""
    worst, running = 0.0, True

    async def ticker() -> None:
        nonlocal worst
        while running:
            start = time.perf_counter()
            await asyncio.sleep(0.001)
            worst = max(worst, (time.perf_counter() - start) * 1000 - 1)

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0.01)
    await run()
    await asyncio.sleep(0.01)
    running = False
    await task
    return worst


class Listener:
    """What the capability listener does with a list, without Home Assistant around it."""

    def __init__(self, current: bytes) -> None:
        """Start with the list `current` in use."""
        self.parser = DeviceListParser()
        self.devices: dict[str, Device] = {}
        self.device_data: list[dict[str, Any]] = []
        self.use(self.parser.parse(current))

    def use(self, parsed: DeviceList) -> list[Any]:
        """Use `parsed` in place of the list before; return the old list's containers."""
        replaced = [self.devices, self.device_data]
        self.devices = {device.ieee_address: device for device in parsed.devices}
        self.device_data = list(parsed.device_data)
        return replaced

    async def receive(self, data: bytes) -> None:
        """Digest, parse and use `data` as the listener does, on the loop or in an executor."""
        loop = asyncio.get_running_loop()

        def parse() -> DeviceList:
            return self.parser.parse(data, payload_digest(data))

        if len(data) <= INLINE_PARSE_LIMIT:
            replaced = self.use(parse())
        else:
            replaced = self.use(await loop.run_in_executor(None, parse))
        await loop.run_in_executor(None, release, replaced)


def stall(count: int, *, distinct: bool = False) -> float:
    """Return the worst stall of three new lists, each replacing another list of that size."""
    data = payload(count, distinct=distinct)
    other = payload(count, distinct=distinct, first=count)
    worst = 0.0
    for _ in range(3):
        listener = Listener(other)
        gc.collect()
        worst = max(worst, asyncio.run(longest_stall(lambda: listener.receive(data))))
    return worst


def left_to_collector(data: bytes) -> int:
    """Return how many objects the garbage collector tracks for a parsed list."""
    gc.collect()
    before = len(gc.get_objects())
    parsed = DeviceListParser().parse(data)
    gc.collect()
    left = len(gc.get_objects()) - before
    del parsed
    return left


def full_collection() -> tuple[float, int]:
    """Return how long a full garbage collection of this process takes (ms), and its objects."""
    gc.collect()
    start = time.perf_counter()
    gc.collect()
    return (time.perf_counter() - start) * 1000, len(gc.get_objects())


def main() -> None:
    """Print one row per list size."""
    print("Device lists (CPU ms, median of 5; x = times the orjson.loads floor):")
    print(
        f"{'devices':>8} {'payload':>9} {'orjson.loads':>13} {'new list':>16}"
        f" {'one changed':>16} {'all distinct':>16} {'peak MiB (orjson)':>18} {'stall':>8}"
        f" {'(distinct)':>10}"
    )
    for count in SIZES:
        data = payload(count)
        changed = data.replace(b'"Device 7"', b'"Device seven"', 1)
        floor = measure(lambda: orjson.loads(data))
        new = measure(lambda: DeviceListParser().parse(data))
        parser = DeviceListParser()
        parser.parse(data)
        one = measure(republished(parser, changed, data)) / 2
        distinct_data = payload(count, distinct=True)
        distinct_floor = measure(lambda: orjson.loads(distinct_data))
        distinct = measure(lambda: DeviceListParser().parse(distinct_data))
        floor_mib = peak(lambda: orjson.loads(data))
        parse_mib = peak(lambda: DeviceListParser().parse(data))
        print(
            f"{count:>8} {len(data) / 2**20:>7.2f}MB {floor:>10.1f} ms"
            f" {new:>7.1f} ms {new / floor:>4.1f}x {one:>7.1f} ms {one / floor:>4.1f}x"
            f" {distinct:>7.1f} ms {distinct / distinct_floor:>4.1f}x"
            f" {parse_mib:>7.1f} ({floor_mib:>5.1f}) {stall(count):>5.1f} ms"
            f" {stall(count, distinct=True):>7.1f} ms"
        )
    data = payload(2000)
    stored = [device.to_dict() for device in DeviceListParser().parse(data).devices]
    load_ms = measure(lambda: [Device.from_dict(raw) for raw in stored])
    copy_ms = measure(
        lambda: [
            {
                **raw,
                "capabilities": [
                    {**cap, "key": "", "entity_id": None} for cap in raw["capabilities"]
                ],
            }
            for raw in stored
        ]
    )
    print(
        f"At 2,000 devices: reading the stored list {load_ms:.1f} ms (executor, at start-up);"
        f" websocket/diagnostics copy {copy_ms:.1f} ms (event loop)."
    )
    idle = max(asyncio.run(longest_stall(lambda: in_executor(time.sleep, 0.2))) for _ in range(3))
    busy = max(asyncio.run(longest_stall(lambda: in_executor(busy_python))) for _ in range(3))
    print(
        f"Lists up to {INLINE_PARSE_LIMIT // 1024} KiB are parsed on the event loop,"
        " larger ones in an executor; 'stall' is the longest event-loop delay while a new list"
        " is digested, parsed and used that way, the list before it freed in an executor"
        " (goal <= 20 ms; worst of three, each after a full garbage collection). For scale, on"
        f" this machine now: {idle:.1f} ms with the executor idle, {busy:.1f} ms with it running"
        " plain Python (the GIL's switch interval plus the machine's own load)."
    )
    pause, objects = full_collection()
    print(
        f"A full garbage collection of this process ({objects:,} objects, Home Assistant imported)"
        f" holds the GIL {pause:.0f} ms, whichever thread runs it: Python runs one when the objects"
        " kept since the last reach a quarter of all. A new 2,000-device list leaves"
        f" {left_to_collector(payload(2000)):,} objects to the collector"
        f" ({left_to_collector(payload(2000, distinct=True)):,} all distinct)."
    )


async def in_executor(func: Callable[..., Any], *args: Any) -> None:
    """Run `func` in the loop's default executor."""
    await asyncio.get_running_loop().run_in_executor(None, func, *args)


def busy_python() -> None:
    """Run plain Python for 0.3 s: the stall any executor job causes at the least."""
    end, count = time.process_time() + 0.3, 0
    while time.process_time() < end:
        count += 1


if __name__ == "__main__":
    main()
