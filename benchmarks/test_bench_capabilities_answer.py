"""Benchmark: the capabilities answer (websocket command) at the 5,000-device cap.

Run with `scripts/bench`. 5,000 Zigbee2MQTT devices, each matched to a Home Assistant device with
an entity per capability, each watched by the usage record with a year's worth of values and 120
days of use. Prints the time until an administrator's card has the answer and the longest
event-loop stall while it is made, beside the 20 ms floor; asserts only that every device came.
The answer (13 MB) is read by a client in another process, as a browser would (with
compression, which aiohttp does in an executor for large messages).
"""

import asyncio
from asyncio.subprocess import PIPE
import gc
import sys
import time
from typing import Any

import orjson
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_mqtt_message
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator, MqttMockHAClient

from homeassistant.components.websocket_api.const import URL
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.setup import async_setup_component

from .bench_devices import payload
from .loop_watch import LoopWatch

# Signs in, asks for the answer, prints [devices, seconds from asking to the whole answer].
BROWSER = """
import asyncio, sys, time, aiohttp, orjson
async def main(url, token):
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(url, max_msg_size=0) as ws:
            await ws.receive_json()
            await ws.send_json({"type": "auth", "access_token": token})
            await ws.receive_json()
            print("ready", flush=True)
            await asyncio.to_thread(sys.stdin.readline)
            began = time.perf_counter()
            await ws.send_json({"id": 1, "type": "ai_automation/capabilities"})
            text = await ws.receive_str()
            answered = time.perf_counter() - began
            devices = len(orjson.loads(text)["result"]["devices"])
            print(orjson.dumps([devices, answered]).decode())
asyncio.run(main(*sys.argv[1:]))
"""
DEVICES = 5000  # the usage record's cap (engine.usage.MAX_DEVICES)
FLOOR_MS = 20.0
DAY = 86400.0


def _registries(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Add the devices and entities Zigbee2MQTT's discovery would have made."""
    mqtt_entry = hass.config_entries.async_entries("mqtt")[0]
    devices, entities = dr.async_get(hass), er.async_get(hass)
    for ieee, device in entry.runtime_data.known_devices.devices.items():
        made = devices.async_get_or_create(
            config_entry_id=mqtt_entry.entry_id,
            identifiers={("mqtt", f"zigbee2mqtt_{ieee}")},
            name=device.friendly_name,
        )
        for cap in device.capabilities:
            object_id = f"{cap.property}_{cap.endpoint}" if cap.endpoint else cap.property
            entities.async_get_or_create(
                "sensor",
                "mqtt",
                f"{ieee}_{object_id}_zigbee2mqtt",
                device_id=made.id,
                config_entry=mqtt_entry,
            )


def _a_year_of_use(entry: MockConfigEntry) -> int:
    """Fill the usage record as a year of state messages would; return the capabilities."""
    record = entry.runtime_data.usage.record
    now = time.time()
    watched = 0
    for device in record.devices.values():
        device.since = now - 365 * DAY
        for day in range(120):
            device.days[record.clock.day_of(now - day * DAY)] = 0b1011
        for usage in device.capabilities.values():
            usage.since = now - 365 * DAY
            for step in range(40):
                usage.observe("zigbee2mqtt", step % 15, now - (40 - step) * DAY)
                usage.observe("home_assistant", step % 13, now - (40 - step) * DAY)
            watched += 1
    return watched


@pytest.mark.usefixtures("recorder_mock", "socket_enabled")
async def test_capabilities_answer_at_the_cap(
    mqtt_mock: MqttMockHAClient,
    hass: HomeAssistant,
    enable_custom_integrations: None,
    aiohttp_client: ClientSessionGenerator,
    hass_access_token: str,
) -> None:
    """Print how long the answer takes and the longest event-loop stall while it is made."""
    entry = MockConfigEntry(domain="ai_automation", options={"max_devices_payload_mib": 64})
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/devices", payload(DEVICES))
    while len(entry.runtime_data.known_devices.devices) < DEVICES:  # noqa: ASYNC110
        await asyncio.sleep(0.05)
    _registries(hass, entry)
    await asyncio.sleep(3)  # the usage watcher's refresh after the registries changed
    await hass.async_block_till_done()
    watched = _a_year_of_use(entry)
    while entry.runtime_data.daily.running:  # noqa: ASYNC110  # the catch-up run at start
        await asyncio.sleep(0.1)
    assert await async_setup_component(hass, "websocket_api", {})
    url = str((await aiohttp_client(hass.http.app)).make_url(URL))
    asyncio.get_running_loop().set_debug(False)  # as Home Assistant runs it
    await asyncio.sleep(5)  # the watcher's subscriptions after the registries changed
    watch = LoopWatch(beat=0.001)
    await asyncio.sleep(2)
    print(f"\nLongest event-loop stall with nothing to do: {await watch.stop() * 1000:.1f} ms")
    pauses: list[float] = []
    began_gc = [0.0]

    def timed_gc(phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            began_gc[0] = time.perf_counter()
        else:
            pauses.append(time.perf_counter() - began_gc[0])

    for attempt in ("first", "second", "third"):
        # A browser elsewhere (receiving 13 MB here would stall this event loop itself), signed in
        # before the watch begins (starting a process forks this one, on the event loop).
        browser = await asyncio.create_subprocess_exec(
            sys.executable, "-c", BROWSER, url, hass_access_token, stdin=PIPE, stdout=PIPE
        )
        assert browser.stdin is not None
        assert browser.stdout is not None
        assert await browser.stdout.readline() == b"ready\n"
        gc.collect()
        pauses.clear()
        gc.callbacks.append(timed_gc)
        watch = LoopWatch(beat=0.001)
        await asyncio.sleep(0.01)
        began = time.perf_counter()
        browser.stdin.write(b"go\n")
        output, _ = await browser.communicate()
        seconds = time.perf_counter() - began
        stall = await watch.stop() * 1000
        gc.callbacks.remove(timed_gc)
        devices, answered = orjson.loads(output)
        assert devices == DEVICES
        print(
            f"Capabilities answer ({attempt} call), {DEVICES} devices, {watched} watched"
            f" capabilities: answered {answered * 1000:.0f} ms after it was asked"
            f" ({seconds * 1000:.0f} ms until it was read); longest event-loop stall"
            f" {stall:.1f} ms (floor {FLOOR_MS:.0f} ms); longest garbage collection meanwhile"
            f" {max(pauses, default=0.0) * 1000:.1f} ms"
        )
    assert await hass.config_entries.async_unload(entry.entry_id)
