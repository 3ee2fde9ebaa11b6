"""Websocket command `ai_automation/capabilities`: the device model for a frontend card."""

from __future__ import annotations

from typing import Any

import probatio

from homeassistant.components import websocket_api
from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.decorators import (
    async_response,
    require_admin,
    websocket_command,
)
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr, entity_registry as er

from .capabilities import CapabilityListener, capability_key_of
from .const import DOMAIN, SNOOZE_DAYS
from .daily import DailyAnalysis
from .services import async_accept, async_dismiss, async_restore, async_snooze, snooze_until


@callback
def async_register_websocket_commands(hass: HomeAssistant) -> None:
    """Register the commands (once, when the integration loads)."""
    websocket_api.async_register_command(hass, ws_capabilities)
    websocket_api.async_register_command(hass, ws_list_suggestions)
    websocket_api.async_register_command(hass, ws_handle_suggestion)


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


def _area_of(hass: HomeAssistant, entity_id: str) -> str | None:
    entry = er.async_get(hass).async_get(entity_id)
    if entry is None:
        return None
    if entry.area_id is None and entry.device_id is not None:
        device = dr.async_get(hass).async_get(entry.device_id)
        return device.area_id if device else None
    return entry.area_id


def _daily(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> DailyAnalysis | None:
    """Return the running analysis, or answer `not_loaded` and return None."""
    entries = hass.config_entries.async_loaded_entries(DOMAIN)
    if not entries:
        connection.send_error(msg["id"], "not_loaded", "AI Automation is not set up or not running")
        return None
    daily: DailyAnalysis = entries[0].runtime_data.daily
    return daily


@websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/suggestions",
        probatio.Optional("status"): probatio.In(["new", "accepted", "dismissed", "snoozed"]),
        probatio.Optional("kind"): probatio.In(
            ["habit", "sun", "sequence", "group", "unused_capability", "override"]
        ),
        probatio.Optional("area_id"): str,
        probatio.Optional("offset", default=0): probatio.All(int, probatio.Range(min=0)),
        probatio.Optional("limit", default=50): probatio.All(int, probatio.Range(min=1, max=500)),
    }
)
@require_admin
@callback
def ws_list_suggestions(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Send one page of suggestions, filtered by status, kind and area, newest first."""
    if (daily := _daily(hass, connection, msg)) is None:
        return
    suggestions = sorted(
        daily.store.suggestions.values(),
        key=lambda s: s["last_found"],
        reverse=True,
    )
    matching = [
        s
        for s in suggestions
        if s["status"] == msg.get("status", s["status"])
        and s["kind"] == msg.get("kind", s["kind"])
        and (
            "area_id" not in msg
            or any(_area_of(hass, entity_id) == msg["area_id"] for entity_id in s["entities"])
        )
    ]
    page = matching[msg["offset"] : msg["offset"] + msg["limit"]]
    connection.send_result(msg["id"], {"total": len(matching), "suggestions": page})


@websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/suggestions/handle",
        probatio.Required("suggestion_id"): str,
        probatio.Required("decision"): probatio.In(["accept", "dismiss", "restore", "snooze"]),
        probatio.Optional("days", default=SNOOZE_DAYS): probatio.All(
            int, probatio.Range(min=1, max=365)
        ),
    }
)
@require_admin
@async_response
async def ws_handle_suggestion(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Accept, dismiss or snooze (for `days`) a suggestion, or restore a dismissed one."""
    if (daily := _daily(hass, connection, msg)) is None:
        return
    try:
        if msg["decision"] == "accept":
            await async_accept(hass, daily, msg["suggestion_id"])
        elif msg["decision"] == "dismiss":
            await async_dismiss(daily, msg["suggestion_id"])
        elif msg["decision"] == "snooze":
            await async_snooze(daily, msg["suggestion_id"], snooze_until(msg["days"]))
        else:
            await async_restore(daily, msg["suggestion_id"])
    except HomeAssistantError as err:
        connection.send_error(msg["id"], "invalid", str(err))
        return
    connection.send_result(msg["id"], daily.store.suggestions[msg["suggestion_id"]])
