"""Actions: run the analysis now, accept, dismiss or snooze a suggestion."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Any, cast

import probatio

from homeassistant.const import STATE_OFF, STATE_ON
from homeassistant.core import HomeAssistant, ServiceCall, ServiceResponse, SupportsResponse
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.service import async_register_admin_service
from homeassistant.util import dt as dt_util
from homeassistant.util.hass_dict import HassKey

from .analysis.daily import DailyAnalysis
from .const import DOMAIN, SNOOZE_DAYS
from .contract import StoredSuggestion
from .suggestions.automation_file import (
    AUTOMATIONS_FILE,
    async_add_automation,
    async_remove_automation,
)
from .suggestions.localized_title import async_localized_title
from .suggestions.store import DISMISSED, NEW, SNOOZED

SUGGESTED_BY = "Suggested by AI Automation."
_ACCEPTING: HassKey[asyncio.Lock] = HassKey(f"{DOMAIN}_accepting")
SUGGESTION_SCHEMA = probatio.Schema({probatio.Required("suggestion_id"): str})
SNOOZE_SCHEMA = probatio.Schema(
    {
        probatio.Required("suggestion_id"): str,
        probatio.Optional("days", default=SNOOZE_DAYS): probatio.All(
            probatio.Coerce(int), probatio.Range(min=1, max=365)
        ),
    }
)


def _daily(hass: HomeAssistant) -> DailyAnalysis:
    entries = hass.config_entries.async_loaded_entries(DOMAIN)
    if not entries:
        raise ServiceValidationError(translation_domain=DOMAIN, translation_key="not_loaded")
    daily: DailyAnalysis = entries[0].runtime_data.daily
    return daily


def _open_suggestion(daily: DailyAnalysis, suggestion_id: str) -> StoredSuggestion:
    suggestion = daily.store.suggestions.get(suggestion_id)
    if suggestion is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="unknown_suggestion",
            translation_placeholders={"suggestion_id": suggestion_id},
        )
    if suggestion["status"] != NEW:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="suggestion_handled",
            translation_placeholders={
                "suggestion_id": suggestion_id,
                "status": suggestion["status"],
            },
        )
    return suggestion


async def _run(call: ServiceCall) -> ServiceResponse:
    return cast("ServiceResponse", await _daily(call.hass).async_run())  # a summary is plain JSON


async def async_accept(hass: HomeAssistant, daily: DailyAnalysis, suggestion_id: str) -> None:
    """Create the suggested automation the way the automation editor does; mark it accepted.

    One accept at a time. It is marked accepted only once its automation runs; when that cannot
    be, what it wrote is taken back and the suggestion stays open.
    """
    async with hass.data.setdefault(_ACCEPTING, asyncio.Lock()):
        suggestion = _open_suggestion(daily, suggestion_id)
        automation = _automation(suggestion) | {
            "alias": await async_localized_title(hass, suggestion)
        }
        known = _entity_id(hass, automation["id"])
        written = await async_add_automation(
            hass, automation, lambda: _open_suggestion(daily, suggestion_id)
        )
        try:
            await _async_reload(hass, automation["id"])
            _check_still_open(daily, suggestion_id)
            _check_loaded(hass, automation["id"])
        except HomeAssistantError:
            if written and await async_remove_automation(hass, automation):
                await _async_reload(hass, automation["id"])
                if not known and (entity_id := _entity_id(hass, automation["id"])):
                    er.async_get(hass).async_remove(entity_id)  # as the editor does on delete
            raise
        daily.store.mark_accepted(suggestion_id, automation["id"])
        await daily.store.async_save()
        daily.async_notify()


def _automation(suggestion: StoredSuggestion) -> dict[str, Any]:
    """Return the automation to write for `suggestion`, as the user saw it."""
    if suggestion["automation"] is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="no_automation",
            translation_placeholders={"suggestion_id": suggestion["id"]},
        )
    return {
        "id": f"ai_automation_{suggestion['id']}",
        **suggestion["automation"],
        # The title and description the user saw, which the AI may have worded.
        "alias": suggestion["title"],
        "description": f"{suggestion['description']} {SUGGESTED_BY}",
    }


async def _async_reload(hass: HomeAssistant, automation_id: str) -> None:
    """Load (or unload) the one automation, as the editor does after a save."""
    await hass.services.async_call("automation", "reload", {"id": automation_id}, blocking=True)


def _entity_id(hass: HomeAssistant, automation_id: str) -> str | None:
    return er.async_get(hass).async_get_entity_id("automation", "automation", automation_id)


def _check_still_open(daily: DailyAnalysis, suggestion_id: str) -> None:
    """Raise if an analysis withdrew the suggestion, or it was decided, while it was accepted."""
    suggestion = daily.store.suggestions.get(suggestion_id)
    if suggestion is None or suggestion["status"] != NEW:
        raise HomeAssistantError(
            translation_domain=DOMAIN,
            translation_key="suggestion_withdrawn",
            translation_placeholders={"suggestion_id": suggestion_id},
        )


def _check_loaded(hass: HomeAssistant, automation_id: str) -> None:
    """Raise unless the automation `automation_id` runs (not a restored or failed entity)."""
    state = hass.states.get(entity_id) if (entity_id := _entity_id(hass, automation_id)) else None
    if state is not None and state.state in (STATE_ON, STATE_OFF):
        return
    path = hass.config.path(AUTOMATIONS_FILE)
    if state is not None and not state.attributes.get("restored"):
        raise HomeAssistantError(
            translation_domain=DOMAIN,
            translation_key="automation_invalid",
            translation_placeholders={"path": path, "entity_id": state.entity_id},
        )
    # configuration.yaml does not load automations.yaml (no `automation: !include ...`).
    raise HomeAssistantError(
        translation_domain=DOMAIN,
        translation_key="automation_not_loaded",
        translation_placeholders={"path": path},
    )


async def async_dismiss(daily: DailyAnalysis, suggestion_id: str) -> None:
    """Mark a suggestion dismissed: it is not offered again."""
    suggestion = _open_suggestion(daily, suggestion_id)
    daily.store.set_status(suggestion["id"], DISMISSED)
    await daily.store.async_save()
    daily.async_notify()


async def async_snooze(daily: DailyAnalysis, suggestion_id: str, until: datetime) -> None:
    """Put a suggestion away until `until`; it may come back after that if it still holds."""
    suggestion = _open_suggestion(daily, suggestion_id)
    daily.store.snooze(suggestion["id"], until)
    await daily.store.async_save()
    daily.async_notify()


def snooze_until(days: int = SNOOZE_DAYS) -> datetime:
    """Return the moment a suggestion snoozed now for `days` may come back."""
    return dt_util.utcnow() + timedelta(days=days)


async def async_restore(daily: DailyAnalysis, suggestion_id: str) -> None:
    """Offer a dismissed or snoozed suggestion again (the card's Undo)."""
    suggestion = daily.store.suggestions.get(suggestion_id)
    if suggestion is None or suggestion["status"] not in {DISMISSED, SNOOZED}:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="not_dismissed",
            translation_placeholders={"suggestion_id": suggestion_id},
        )
    daily.store.set_status(suggestion_id, NEW)
    await daily.store.async_save()
    daily.async_notify()


async def _accept(call: ServiceCall) -> None:
    await async_accept(call.hass, _daily(call.hass), call.data["suggestion_id"])


async def _dismiss(call: ServiceCall) -> None:
    await async_dismiss(_daily(call.hass), call.data["suggestion_id"])


async def _snooze(call: ServiceCall) -> None:
    await async_snooze(
        _daily(call.hass), call.data["suggestion_id"], snooze_until(call.data["days"])
    )


def async_setup_services(hass: HomeAssistant) -> None:
    """Register the actions (once, when the integration loads).

    Accepting writes automations.yaml, which only administrators may change; deciding a
    suggestion's fate, and running the analysis (which changes the stored suggestions), is
    theirs too. Automations (no user in the context) may call them.
    """
    async_register_admin_service(
        hass, DOMAIN, "run_analysis", _run, supports_response=SupportsResponse.OPTIONAL
    )
    async_register_admin_service(hass, DOMAIN, "accept_suggestion", _accept, SUGGESTION_SCHEMA)
    async_register_admin_service(hass, DOMAIN, "dismiss_suggestion", _dismiss, SUGGESTION_SCHEMA)
    async_register_admin_service(hass, DOMAIN, "snooze_suggestion", _snooze, SNOOZE_SCHEMA)
