"""Websocket commands of the dashboard card: the device model, the suggestions, the analysis status."""

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
from homeassistant.components.websocket_api.messages import construct_result_message
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr, entity_registry as er

from .const import DOMAIN, SNOOZE_DAYS
from .contract import Decision, StatusAnswer, SuggestionsPage
from .devices.answer import Gathered, async_gather, model_json
from .engine.detectors.habit_settings import HabitSettings
from .models import AiAutomationData, loaded_entry
from .suggestions.decisions import (
    async_accept,
    async_dismiss,
    async_restore,
    async_snooze,
    snooze_until,
)

# What the card may do with a suggestion (it shows a button for each it knows).
DECISIONS: list[Decision] = ["accept", "dismiss", "restore", "snooze"]


@callback
def async_register_websocket_commands(hass: HomeAssistant) -> None:
    """Register the commands (once, when the integration loads)."""
    websocket_api.async_register_command(hass, ws_capabilities)
    websocket_api.async_register_command(hass, ws_list_suggestions)
    websocket_api.async_register_command(hass, ws_handle_suggestion)
    websocket_api.async_register_command(hass, ws_status)


def _result(message_id: int, gathered: Gathered) -> bytes:
    """Return the whole result message (in an executor: megabytes at 5,000 devices)."""
    return construct_result_message(message_id, model_json(gathered))


@websocket_command({probatio.Required("type"): f"{DOMAIN}/capabilities"})
@require_admin
@async_response
async def ws_capabilities(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Send every device, matched, with its use (the household's habits: administrators only)."""
    if (data := _running(hass, connection, msg)) is None:
        return
    gathered = await async_gather(hass, data.known_devices, data.usage, data.settings.lookback_days)
    connection.send_message(await hass.async_add_executor_job(_result, msg["id"], gathered))


def _area_of(hass: HomeAssistant, entity_id: str) -> str | None:
    entry = er.async_get(hass).async_get(entity_id)
    if entry is None:
        return None
    if entry.area_id is None and entry.device_id is not None:
        device = dr.async_get(hass).async_get(entry.device_id)
        return device.area_id if device else None
    return entry.area_id


def _running(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> AiAutomationData | None:
    """Return the loaded entry's objects, or answer `not_loaded` and return None."""
    if (entry := loaded_entry(hass)) is None:
        connection.send_error(msg["id"], "not_loaded", "AI Automation is not set up or not running")
        return None
    return entry.runtime_data


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
    if (data := _running(hass, connection, msg)) is None:
        return
    suggestions = sorted(
        data.daily.store.suggestions.values(),
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
    answer: SuggestionsPage = {
        "total": len(matching),
        "suggestions": matching[msg["offset"] : msg["offset"] + msg["limit"]],
    }
    connection.send_result(msg["id"], answer)


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
    if (data := _running(hass, connection, msg)) is None:
        return
    store = data.daily.store
    try:
        if msg["decision"] == "accept":
            await async_accept(hass, store, msg["suggestion_id"])
        elif msg["decision"] == "dismiss":
            await async_dismiss(store, msg["suggestion_id"])
        elif msg["decision"] == "snooze":
            await async_snooze(store, msg["suggestion_id"], snooze_until(msg["days"]))
        else:
            await async_restore(store, msg["suggestion_id"])
    except HomeAssistantError as err:
        connection.send_error(msg["id"], "invalid", str(err))
        return
    connection.send_result(msg["id"], store.suggestions[msg["suggestion_id"]])


@websocket_command({probatio.Required("type"): f"{DOMAIN}/status"})
@require_admin
@callback
def ws_status(hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]) -> None:
    """Send the last analysis run, whether one runs now, and what the card may decide."""
    if (data := _running(hass, connection, msg)) is None:
        return
    daily, settings = data.daily, data.settings
    answer: StatusAnswer = {
        "running": daily.running,
        "last_run": daily.summary,
        "suggestions_open": len(daily.store.open_suggestions()),
        "lookback_days": settings.lookback_days,
        "min_days": HabitSettings().min_days,
        "decisions": DECISIONS,
    }
    connection.send_result(msg["id"], answer)
