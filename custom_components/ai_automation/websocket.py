"""Websocket commands of the dashboard card: the device model, the suggestions, the analysis status."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import probatio

from homeassistant.components import websocket_api
from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.decorators import (
    async_response,
    require_admin,
    websocket_command,
)
from homeassistant.components.websocket_api.messages import construct_result_message
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.helpers.json import json_bytes

from .capabilities import CapabilityListener, HaMatch, capability_key_of
from .const import DOMAIN, SNOOZE_DAYS
from .daily import DailyAnalysis
from .engine.habits import HabitSettings
from .services import async_accept, async_dismiss, async_restore, async_snooze, snooze_until

# What the card may do with a suggestion (it shows a button for each it knows).
DECISIONS = ["accept", "dismiss", "restore", "snooze"]


@callback
def async_register_websocket_commands(hass: HomeAssistant) -> None:
    """Register the commands (once, when the integration loads)."""
    websocket_api.async_register_command(hass, ws_capabilities)
    websocket_api.async_register_command(hass, ws_list_suggestions)
    websocket_api.async_register_command(hass, ws_handle_suggestion)
    websocket_api.async_register_command(hass, ws_status)


def capabilities_model(
    listener: CapabilityListener, usage: Mapping[str, Mapping[str, Any]] | None = None
) -> dict[str, Any]:
    """Return every device, its capabilities and its Home Assistant match, as plain data.

    `usage` (per device and capability key) adds whether each watched capability was used.
    """
    return _model(
        listener.base_topic,
        listener.updated,
        listener.device_data,
        listener.async_match(),
        usage or {},
    )


def _model(
    base_topic: str,
    updated: datetime | None,
    device_data: list[dict[str, Any]],
    matches: dict[str, HaMatch],
    usage: Mapping[str, Mapping[str, Any]],
) -> dict[str, Any]:
    """Build the model (thread-safe: the listener replaces its device data, never changes it)."""
    devices = []
    for stored in device_data:
        match = matches.get(stored["ieee_address"])
        capabilities = []
        for raw in stored["capabilities"]:
            key = capability_key_of(raw["property"], raw["endpoint"])
            entity_id = match.entities.get(key) if match else None
            capabilities.append({**raw, "key": key, "entity_id": entity_id})
            if (used := usage.get(stored["ieee_address"], {}).get(key)) is not None:
                capabilities[-1]["usage"] = used
        devices.append(
            {
                **stored,
                "ha_device_id": match.device_id if match else None,
                "capabilities": capabilities,
            }
        )
    return {
        "base_topic": base_topic,
        "updated": updated.isoformat() if updated else None,
        "devices": devices,
    }


def _model_json(*args: Any) -> bytes:
    return json_bytes(_model(*args))


@websocket_command({probatio.Required("type"): f"{DOMAIN}/capabilities"})
@require_admin
@async_response
async def ws_capabilities(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Send the capability model of the loaded AI Automation entry (built off the event loop)."""
    entries = hass.config_entries.async_loaded_entries(DOMAIN)
    if not entries:
        connection.send_error(msg["id"], "not_loaded", "AI Automation is not set up or not running")
        return
    data = entries[0].runtime_data
    listener: CapabilityListener = data.capabilities
    payload = await hass.async_add_executor_job(
        _model_json,
        listener.base_topic,
        listener.updated,
        listener.device_data,
        listener.async_match(),
        data.usage.model(data.settings.lookback_days),
    )
    connection.send_message(construct_result_message(msg["id"], payload))


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
        probatio.Optional("kind"): str,
        probatio.Optional("kinds"): [str],
        probatio.Optional("area_id"): str,
        probatio.Optional("area_ids"): [str],
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
    kinds = set(msg.get("kinds", ())) | ({msg["kind"]} if "kind" in msg else set())
    areas = set(msg.get("area_ids", ())) | ({msg["area_id"]} if "area_id" in msg else set())
    matching = [
        s
        for s in suggestions
        if s["status"] == msg.get("status", s["status"])
        and (not kinds or s["kind"] in kinds)
        and (not areas or any(_area_of(hass, entity_id) in areas for entity_id in s["entities"]))
    ]
    page = matching[msg["offset"] : msg["offset"] + msg["limit"]]
    connection.send_result(msg["id"], {"total": len(matching), "suggestions": page})


@websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/suggestions/handle",
        probatio.Required("suggestion_id"): str,
        probatio.Required("decision"): probatio.In(DECISIONS),
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
    """Accept, dismiss or snooze (for `days`) a suggestion, or restore a dismissed or snoozed one."""
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


@websocket_command({probatio.Required("type"): f"{DOMAIN}/status"})
@require_admin
@callback
def ws_status(hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]) -> None:
    """Send the last analysis run, whether one runs now, and what the card may decide."""
    if (daily := _daily(hass, connection, msg)) is None:
        return
    settings = hass.config_entries.async_loaded_entries(DOMAIN)[0].runtime_data.settings
    connection.send_result(
        msg["id"],
        {
            "running": daily.running,
            "last_run": daily.summary,
            "suggestions_open": len(daily.store.open_suggestions()),
            "lookback_days": settings.lookback_days,
            "min_days": HabitSettings().min_days,
            "decisions": DECISIONS,
        },
    )
