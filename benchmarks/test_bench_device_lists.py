"""Benchmark: device lists handled by the real capability listener inside Home Assistant.

Run with `scripts/bench`. Prints the longest event-loop stall while Home Assistant receives, parses,
applies and stores a list (new, then republished with one device changed); asserts only that the
lists were used. `bench_devices.py` prints the parser's own figures beside the orjson floor.
"""

import asyncio
import gc
import time
from typing import Any

from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_mqtt_message
from pytest_homeassistant_custom_component.typing import MqttMockHAClient

from homeassistant.core import HomeAssistant

from .bench_devices import payload
from .loop_watch import LoopWatch

TOPIC = "zigbee2mqtt/bridge/devices"
SIZES = (50, 500, 2000, 10000)


async def _handled(hass: HomeAssistant, data: bytes, done: Any) -> tuple[float, float]:
    """Publish `data` as Zigbee2MQTT would; return (seconds until used, longest stall in ms).

    The watch ends 0.3 s after the list is used, before its delayed save: the test harness
    replaces Home Assistant's store with one that writes on the event loop, where Home
    Assistant itself writes this list in an executor. That store also reads the list back (a
    million objects at 10,000 devices), which Home Assistant does not, and making the payloads
    here leaves as many: a full garbage collection before each list keeps the collector's work on
    those out of the measurement.
    """
    gc.collect()
    watch = LoopWatch(beat=0.001)
    began = time.perf_counter()
    async_fire_mqtt_message(hass, TOPIC, data)
    while not done():  # noqa: ASYNC110  # the listener has no event to wait on
        await asyncio.sleep(0.001)
    seconds = time.perf_counter() - began
    await asyncio.sleep(0.3)
    stall = await watch.stop() * 1000
    await asyncio.sleep(1.5)  # let the save happen outside the next measurement
    return seconds, stall


async def test_device_lists_in_home_assistant(
    recorder_mock: Any,
    mqtt_mock: MqttMockHAClient,
    hass: HomeAssistant,
    enable_custom_integrations: None,
) -> None:
    """Print the time until a list is used and the longest event-loop stall, per list size."""
    entry = MockConfigEntry(domain="ai_automation", options={"max_devices_payload_mib": 64})
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    listener = entry.runtime_data.known_devices
    asyncio.get_running_loop().set_debug(False)  # as Home Assistant runs it

    watch = LoopWatch(beat=0.001)
    await asyncio.sleep(2)
    print(
        "\nDevice lists in Home Assistant (MQTT message -> parsed -> used -> stored); longest"
        f" event-loop stall with nothing to do: {await watch.stop() * 1000:.1f} ms"
    )
    for count in SIZES:
        data = payload(count)
        changed = data.replace(b'"Device 7"', b'"Device seven"', 1)
        new_s, new_stall = await _handled(hass, data, lambda n=count: len(listener.devices) == n)
        one_s, one_stall = await _handled(
            hass,
            changed,
            lambda: any(d.friendly_name == "Device seven" for d in listener.devices.values()),
        )
        print(
            f"{count:>6} devices: new list used after {new_s * 1000:6.1f} ms (stall"
            f" {new_stall:5.1f} ms); one changed used after {one_s * 1000:6.1f} ms (stall"
            f" {one_stall:5.1f} ms); goal: no stall over 20 ms"
        )
        assert len(listener.devices) == count
    assert await hass.config_entries.async_unload(entry.entry_id)
