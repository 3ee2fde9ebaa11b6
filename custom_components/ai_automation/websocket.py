"""Websocket command `ai_automation/capabilities`: the device model for a frontend card."""

from __future__ import annotations

from typing import Any

import probatio

from homeassistant.components import websocket_api
from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.decorators import websocket_command
from homeassistant.core import HomeAssistant, callback

from .capabilities import CapabilityListener, capability_key_of
from .const import DOMAIN


@callback
def async_register_websocket_commands(hass: HomeAssistant) -> None:
    """Register the commands (once, when the integration loads)."""
    websocket_api.async_register_command(hass, ws_capabilities)


def capabilities_model(listener: CapabilityListener) -> dict[str, Any]:
    """Return every device, its capabilities and its Home Assistant match, as plain data."""
    matches = listener.async_match()
    devices = []
    for stored in listener.device_data:
        match = matches.get(stored["ieee_address"])
        capabilities = []
        for raw in stored["capabilities"]:
            key = capability_key_of(raw["property"], raw["endpoint"])
            entity_id = match.entities.get(key) if match else None
            capabilities.append({**raw, "key": key, "entity_id": entity_id})
        devices.append(
            {
                **stored,
                "ha_device_id": match.device_id if match else None,
                "capabilities": capabilities,
            }
        )
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
