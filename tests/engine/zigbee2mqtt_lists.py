"""Zigbee2MQTT device lists for the parsing tests: the recorded list, payloads from plain data."""

import json
from pathlib import Path
from typing import Any

from custom_components.ai_automation.engine.zigbee2mqtt.device_list import parse_devices
from custom_components.ai_automation.engine.zigbee2mqtt.model import Capability, Device

FIXTURE = Path(__file__).parent.parent / "fixtures" / "bridge_devices.json"


def fixture_devices() -> dict[str, Device]:
    """Return the recorded list's devices by friendly name (it parses without a problem)."""
    parsed = parse_devices(FIXTURE.read_bytes())
    assert parsed.problems == ()
    return {device.friendly_name: device for device in parsed.devices}


def capabilities(device: Device) -> dict[tuple[str, str | None], Capability]:
    """Return a device's capabilities by (property, endpoint)."""
    return {(cap.property, cap.endpoint): cap for cap in device.capabilities}


def list_payload(devices: list[Any]) -> bytes:
    """Return devices as a payload laid out unlike Zigbee2MQTT's (spaces after separators)."""
    return json.dumps(devices).encode()


def compact_payload(devices: list[Any]) -> bytes:
    """Return devices as a payload laid out as Zigbee2MQTT writes it."""
    return json.dumps(devices, separators=(",", ":")).encode()
