"""Measure parsing Zigbee2MQTT device lists: time and peak memory, next to orjson.loads as the floor.

Run `scripts/bench`. Devices are generated from the realistic test fixture (ten device kinds), with
fresh IEEE addresses, so 2,000 devices is a list of a large real network's size.
"""

from __future__ import annotations

from collections.abc import Callable
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

from custom_components.ai_automation.capabilities import INLINE_PARSE_LIMIT
from custom_components.ai_automation.engine.devices import Device, parse_devices, payload_digest

FIXTURE = json.loads((ROOT / "tests" / "fixtures" / "bridge_devices.json").read_text())


def payload(count: int) -> bytes:
    """Return a bridge/devices payload with `count` devices."""
    devices = [
        {
            **FIXTURE[index % len(FIXTURE)],
            "ieee_address": f"0x{index:016x}",
            "friendly_name": f"Device {index}",
        }
        for index in range(count)
    ]
    return orjson.dumps(devices)


def measure(func: Callable[[], Any], repeat: int = 5) -> tuple[float, float]:
    """Return the median time in ms and the peak traced memory in MiB of `func`."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    tracemalloc.start()
    func()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times), peak / 2**20


def main() -> None:
    """Print one row per list size."""
    print(
        "Off the event loop (executor): parse + to_dict of a new list, from_dict of the stored one."
    )
    print(
        "On the event loop: digest (every message), websocket/diagnostics copy of the stored data."
    )
    print(
        f"{'devices':>8} {'payload':>9} {'orjson.loads':>13} {'parse':>9} {'parse peak':>11}"
        f" {'digest':>8} {'to_dict':>9} {'from_dict':>10} {'ws copy':>8}"
    )
    for count in (50, 500, 2000):
        data = payload(count)
        floor_ms, floor_mib = measure(lambda: orjson.loads(data))
        parse_ms, parse_mib = measure(lambda: parse_devices(data))
        digest_ms, _ = measure(lambda: payload_digest(data))
        devices = parse_devices(data).devices
        dict_ms, _ = measure(lambda: [device.to_dict() for device in devices])
        stored = [device.to_dict() for device in devices]
        load_ms, _ = measure(lambda: [Device.from_dict(raw) for raw in stored])
        copy_ms, _ = measure(
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
            f"{count:>8} {len(data) / 2**20:>7.2f}MB {floor_ms:>9.1f} ms {parse_ms:>6.1f} ms"
            f" {parse_mib:>7.1f} MiB {digest_ms:>5.1f} ms {dict_ms:>6.1f} ms {load_ms:>7.1f} ms"
            f" {copy_ms:>5.1f} ms   (orjson peak {floor_mib:.1f} MiB)"
        )
    inline = payload(1)
    count = 1
    while len(payload(count + 1)) <= INLINE_PARSE_LIMIT:
        count += 1
    inline = payload(count)
    inline_ms, _ = measure(lambda: [d.to_dict() for d in parse_devices(inline).devices])
    print(
        f"Largest list parsed on the event loop ({INLINE_PARSE_LIMIT // 1024} KiB, {count} devices):"
        f" parse + to_dict {inline_ms:.1f} ms (budget 50 ms)"
    )


if __name__ == "__main__":
    main()
