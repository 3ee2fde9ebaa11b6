"""Websocket command `ai_automation/capabilities`: the device model for a frontend card."""

from __future__ import annotations

from typing import Any

import probatio

from homeassistant.components import websocket_api
from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.decorators import websocket_command
from homeassistant.core import HomeAssistant, callback

from .capabilities import CapabilityListener, capability_key
from .const import DOMAIN


@callback
def async_register_websocket_commands(hass: HomeAssistant) -> None:
    """Register the commands (once, when the integration loads)."""
    websocket_api.async_register_command(hass, ws_capabilities)


def capabilities_model(listener: CapabilityListener) -> dict[str, Any]:
    """Return every device, its capabilities and its Home Assistant match, as plain data."""
    matches = listener.async_match()
    devices = []
    for ieee, device in listener.devices.items():
        data = device.to_dict()
        match = matches.get(ieee)
        data["ha_device_id"] = match.device_id if match else None
        for capability, raw in zip(device.capabilities, data["capabilities"], strict=True):
            raw["key"] = capability_key(capability)
            raw["entity_id"] = match.entities.get(raw["key"]) if match else None
        devices.append(data)
    return {
        "base_topic": listener.base_topic,
        "updated": listener.updated.isoformat() if listener.updated else None,
        "devices": devices,
    }


@callback
@websocket_command({probatio.Required("type"): f"{DOMAIN}/capabilities"})
def ws_capabilities(hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]) -> None:
    """Send the capability model of the loaded AI Automation entry."""
    entries = hass.config_entries.async_loaded_entries(DOMAIN)
    if not entries:
        connection.send_error(msg["id"], "not_loaded", "AI Automation is not set up or not running")
        return
    connection.send_result(msg["id"], capabilities_model(entries[0].runtime_data.capabilities))
