"""Zigbee2MQTT device lists as published to a real broker: the fixture list, changed copies."""

import copy
import json
from pathlib import Path
from typing import Any

import pytest

FIXTURE: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "fixtures" / "bridge_devices.json").read_text()
)
TOPIC = "zigbee2mqtt/bridge/devices"
SENTINEL = "ai-automation-test/sentinel"
DEVICES = "sensor.ai_automation_zigbee_devices"
CAPABILITIES = "sensor.ai_automation_capabilities"


def compact(devices: list[Any]) -> str:
    """Write a list as Zigbee2MQTT does (compact JSON)."""
    return json.dumps(devices, separators=(",", ":"))


def renamed(index: int, name: str) -> list[dict[str, Any]]:
    """Return the fixture with device `index` renamed."""
    devices = copy.deepcopy(FIXTURE)
    devices[index]["friendly_name"] = name
    return devices


def many(count: int) -> list[dict[str, Any]]:
    """Return a list of `count` devices made from the fixture's devices."""
    return [
        {**FIXTURE[i % len(FIXTURE)], "ieee_address": f"0x{i:016x}", "friendly_name": f"Dev {i}"}
        for i in range(count)
    ]


def records(caplog: pytest.LogCaptureFixture, level: int, text: str = "") -> list[str]:
    """Return the messages logged at `level` that contain `text`."""
    return [r.getMessage() for r in caplog.records if r.levelno == level and text in r.getMessage()]
