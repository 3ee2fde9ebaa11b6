"""Benchmark: the usage record's cost per Zigbee2MQTT state message, beside HA's MQTT dispatch.

Run with `scripts/bench`. 200 devices send state messages paced at 1,000 a second through Home
Assistant's own MQTT message dispatch (the mocked client's `_async_mqtt_on_message`, where every
real message enters); the time inside AI Automation's handler is measured apart. Prints figures;
asserts only that the messages were counted.
"""

import asyncio
import json
from pathlib import Path
import statistics
import time
from typing import Any

import orjson
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_mqtt_message
from pytest_homeassistant_custom_component.typing import MqttMockHAClient

from custom_components.ai_automation.engine.usage.record_file import device_json
from homeassistant.components import mqtt
from homeassistant.core import HomeAssistant, callback

FIXTURE = json.loads(
    (Path(__file__).parent.parent / "tests" / "fixtures" / "bridge_devices.json").read_text()
)
DEVICES = 200
RATE = 1000  # messages a second
SECONDS = 5
GOAL_US = 10.0  # "a few microseconds" per message


def _device_list() -> bytes:
    light = FIXTURE[1]
    return orjson.dumps(
        [
            {**light, "ieee_address": f"0x{i:016x}", "friendly_name": f"Bulb {i}"}
            for i in range(DEVICES)
        ]
    )


def _state(index: int, step: int) -> bytes:
    """Return a Hue bulb's full state message as Zigbee2MQTT sends it."""
    return orjson.dumps(
        {
            "state": "ON" if step % 3 else "OFF",
            "brightness": 254 - step % 50,
            "color_temp": 370,
            "color_mode": "color_temp",
            "color": {"x": 0.4578, "y": 0.41},
            "linkquality": 100 + index % 50,
            "power_on_behavior": "previous",
            "update": {"installed_version": 16785923, "latest_version": 16785923, "state": "idle"},
        }
    )


async def _paced(hass: HomeAssistant, prefix: str, payloads: list[bytes]) -> list[float]:
    """Send RATE messages a second for SECONDS; return the time each took to dispatch."""
    totals: list[float] = []
    sent = 0
    while sent < RATE * SECONDS:
        batch_start = time.perf_counter()
        for _ in range(RATE // 100):  # 10 messages every 10 ms
            index = sent % len(payloads)
            began = time.perf_counter()
            async_fire_mqtt_message(hass, f"{prefix}/Bulb {index % DEVICES}", payloads[index])
            totals.append(time.perf_counter() - began)
            sent += 1
        await asyncio.sleep(max(0.0, 0.01 - (time.perf_counter() - batch_start)))
    return totals


async def _setup(hass: HomeAssistant) -> MockConfigEntry:
    entry = MockConfigEntry(domain="ai_automation")
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/devices", _device_list())
    await hass.async_block_till_done()
    await asyncio.sleep(1.5)  # the watcher's refresh after the list
    await hass.async_block_till_done()
    assert len(entry.runtime_data.usage.record.devices) == DEVICES
    return entry


async def test_usage_cost_per_message(
    recorder_mock: Any,
    mqtt_mock: MqttMockHAClient,
    hass: HomeAssistant,
    enable_custom_integrations: None,
) -> None:
    """Print our cost per state message at 1,000 messages/s beside HA's own dispatch cost."""
    watcher = (await _setup(hass)).runtime_data.usage
    payloads = [_state(i, step) for step in range(8) for i in range(DEVICES)]
    asyncio.get_running_loop().set_debug(False)  # as Home Assistant runs

    # Home Assistant's dispatch alone: the same messages to a subscriber that does nothing.
    @callback
    def nothing(_message: mqtt.ReceiveMessage) -> None:
        """Receive and drop."""

    for i in range(DEVICES):
        await mqtt.async_subscribe(hass, f"elsewhere/Bulb {i}", nothing, encoding=None)
    floor = statistics.median(await _paced(hass, "elsewhere", payloads)) * 1e6

    # The same messages to the usage record, the time inside its handler measured apart.
    ours: list[float] = []
    handler = watcher._on_state_message  # noqa: SLF001

    @callback
    def timed(message: mqtt.ReceiveMessage) -> None:
        """Run the watcher's handler and time it."""
        began = time.perf_counter()
        handler(message)
        ours.append(time.perf_counter() - began)

    for i in range(DEVICES):
        await mqtt.async_subscribe(hass, f"timed/Bulb {i}", timed, encoding=None)
    topics = watcher._topics  # noqa: SLF001
    for i in range(DEVICES):
        topics[f"timed/Bulb {i}"] = topics.pop(f"zigbee2mqtt/Bulb {i}")
    began = time.perf_counter()
    totals = await _paced(hass, "timed", payloads)
    elapsed = time.perf_counter() - began
    own = statistics.median(ours) * 1e6
    p99 = sorted(ours)[int(len(ours) * 0.99)] * 1e6
    print(
        f"\nHA's MQTT dispatch to a no-op callback: {floor:.1f} us per message;"
        f" with AI Automation's usage record: {statistics.median(totals) * 1e6:.1f} us."
        f"\nAI Automation's handler at {len(ours) / elapsed:,.0f} messages/s from {DEVICES}"
        f" devices: {own:.1f} us median, {p99:.1f} us p99 per message (goal <= {GOAL_US:.0f} us)"
        f" = {own * RATE / 1e4:.2f} % of one core at {RATE:,} messages/s"
    )
    messages = [
        mqtt.ReceiveMessage(f"timed/Bulb {i % DEVICES}", body, 0, False, "", time.monotonic())
        for i, body in enumerate(payloads)
    ]
    began = time.perf_counter()
    for _ in range(5):
        for message in messages:
            handler(message)
    tight = (time.perf_counter() - began) / (5 * len(messages)) * 1e6
    print(f"the handler in a tight loop (warm caches): {tight:.1f} us per message")
    began = time.perf_counter()
    stored = [device_json(device) for device in watcher.record.devices.values()]
    save_ms = (time.perf_counter() - began) * 1000
    print(
        f"one debounced save (at most every 2 min) of {DEVICES} changed devices: {save_ms:.1f} ms"
        f" on the event loop, in steps of at most 5 ms, {sum(map(len, stored)) / 1024:.0f} KiB"
    )
    assert watcher.record.devices["0x0000000000000001"].capabilities["brightness"].changes > 0
