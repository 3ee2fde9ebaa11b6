"""Usage watching through a real Mosquitto: one device's bad topic costs only its own usage."""

import asyncio
import json
import logging

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from homeassistant.core import HomeAssistant

from .conftest import Zigbee2Mqtt
from .device_lists import FIXTURE, compact, records, renamed
from .mosquitto import Broker


async def test_a_name_too_long_for_a_topic_breaks_no_subscription(
    hass: HomeAssistant,
    z2m: Zigbee2Mqtt,
    mosquitto: Broker,
    config_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A device named past MQTT's 65,535-byte topic limit: only its own usage goes unwatched.

    Home Assistant's MQTT client subscribes topics in bulk; one it cannot subscribe failed the
    whole call (every other device's topic too) with an error in Home Assistant's log.
    """
    long_name = "N" * 70_000
    caplog.set_level(logging.INFO)
    await z2m.publish(compact(renamed(4, long_name)))
    usage = config_entry.runtime_data.usage.record
    kitchen = FIXTURE[1]["ieee_address"]
    brightness = 120

    def seen() -> bool:
        device = usage.devices.get(kitchen)
        found = device.capabilities.get("brightness") if device else None
        return found is not None and brightness in found.values.get("zigbee2mqtt", [])

    for _ in range(40):  # (Home Assistant's MQTT client subscribes a moment later)
        state = json.dumps({"state": "ON", "brightness": brightness})
        await asyncio.to_thread(
            mosquitto.publish, f"zigbee2mqtt/{FIXTURE[1]['friendly_name']}", state
        )
        await asyncio.sleep(0.25)
        await hass.async_block_till_done()
        if seen():
            break
    assert seen(), "the kitchen light's state messages were not read"
    await z2m.publish(compact(renamed(4, long_name)), compact(renamed(4, long_name + "!")))
    warnings = records(caplog, logging.WARNING, "not watched")
    assert len(warnings) == 1
    assert "NNNN" in warnings[0]
    assert len(warnings[0]) < 2000
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
