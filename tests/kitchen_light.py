"""Zigbee2MQTT's Kitchen light on a real broker: device list, discovery, state topic, its usage."""

import asyncio
import json
from pathlib import Path
from typing import Any

from pytest_homeassistant_custom_component.common import MockUser
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from homeassistant.core import HomeAssistant

from .mosquitto import Broker

FIXTURE = (Path(__file__).parent / "fixtures" / "bridge_devices.json").read_text()


LIGHT = "light.kitchen_light"


IEEE = "0x0017880108a1b2c3"


STATE_TOPIC = "zigbee2mqtt/Kitchen light"


# What Zigbee2MQTT publishes for Home Assistant's discovery of a colour-temperature light.
DISCOVERY = {
    "availability": [
        {"topic": "zigbee2mqtt/bridge/state", "value_template": "{{ value_json.state }}"}
    ],
    "brightness": True,
    "brightness_scale": 254,
    "supported_color_modes": ["color_temp", "xy"],
    "max_mireds": 500,
    "min_mireds": 153,
    "command_topic": "zigbee2mqtt/Kitchen light/set",
    "device": {
        "identifiers": [f"zigbee2mqtt_{IEEE}"],
        "manufacturer": "Philips",
        "model": "Hue white and color ambiance E26/E27",
        "name": "Kitchen light",
    },
    "name": None,
    "default_entity_id": LIGHT,
    "schema": "json",
    "state_topic": STATE_TOPIC,
    "unique_id": f"{IEEE}_light_zigbee2mqtt",
}


async def publish(broker: Broker, topic: str, payload: Any, *, retain: bool = False) -> None:
    """Publish `payload` (JSON unless text) on the real broker, from a thread."""
    text = payload if isinstance(payload, str) else json.dumps(payload)
    await asyncio.to_thread(broker.publish, topic, text, retain=retain)


async def capability_usage(
    hass: HomeAssistant, ws: WebSocketGenerator, user: MockUser
) -> dict[str, Any]:
    """Return each Kitchen light capability's usage as the capabilities command shows it."""
    refresh = await hass.auth.async_create_refresh_token(user, "https://example.com/app")
    client = await ws(hass, hass.auth.async_create_access_token(refresh))  # tokens age with time
    await client.send_json_auto_id({"type": "ai_automation/capabilities"})
    response = await client.receive_json()
    device = next(d for d in response["result"]["devices"] if d["ieee_address"] == IEEE)
    return {cap["key"]: cap.get("usage") for cap in device["capabilities"]}
