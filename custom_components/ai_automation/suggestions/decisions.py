"""What the user decides about a suggestion: accept, dismiss, snooze, restore, clear."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Any

from homeassistant.const import STATE_OFF, STATE_ON
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util
from homeassistant.util.hass_dict import HassKey

from ..const import DOMAIN, SNOOZE_DAYS
from ..contract import StoredSuggestion
from .automation_file import AUTOMATIONS_FILE, async_add_automation, async_remove_automation
from .localized import async_automation_description, async_localized_title
from .store import DISMISSED, NEW, SNOOZED, SuggestionStore

_ACCEPTING: HassKey[asyncio.Lock] = HassKey(f"{DOMAIN}_accepting")


def _open_suggestion(store: SuggestionStore, suggestion_id: str) -> StoredSuggestion:
    suggestion = store.suggestions.get(suggestion_id)
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


async def async_accept(hass: HomeAssistant, store: SuggestionStore, suggestion_id: str) -> None:
    """Create the suggested automation the way the automation editor does; mark it accepted.

    One accept at a time. It is marked accepted only once its automation runs; when that cannot
    be, what it wrote is taken back and the suggestion stays open.
    """
    async with hass.data.setdefault(_ACCEPTING, asyncio.Lock()):
        suggestion = _open_suggestion(store, suggestion_id)
        automation = _automation(suggestion) | {
            # The title and evidence the user saw (the AI may have worded them), in the home's
            # language.
            "alias": await async_localized_title(hass, suggestion),
            "description": await async_automation_description(hass, suggestion),
        }
        known = _entity_id(hass, automation["id"])
        written = await async_add_automation(
            hass, automation, lambda: _open_suggestion(store, suggestion_id)
        )
        try:
            await _async_reload(hass, automation["id"])
            _check_still_open(store, suggestion_id)
            _check_loaded(hass, automation["id"])
        except HomeAssistantError:
            if written and await async_remove_automation(hass, automation):
                await _async_reload(hass, automation["id"])
                if not known and (entity_id := _entity_id(hass, automation["id"])):
                    er.async_get(hass).async_remove(entity_id)  # as the editor does on delete
            raise
        store.mark_accepted(suggestion_id, automation["id"])
        await store.async_save_decision()


def _automation(suggestion: StoredSuggestion) -> dict[str, Any]:
    """Return the automation to write for `suggestion`, as the user saw it."""
    if suggestion["automation"] is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="no_automation",
            translation_placeholders={"suggestion_id": suggestion["id"]},
        )
    return {"id": f"ai_automation_{suggestion['id']}", **suggestion["automation"]}


async def _async_reload(hass: HomeAssistant, automation_id: str) -> None:
    """Load (or unload) the one automation, as the editor does after a save."""
    await hass.services.async_call("automation", "reload", {"id": automation_id}, blocking=True)


def _entity_id(hass: HomeAssistant, automation_id: str) -> str | None:
    return er.async_get(hass).async_get_entity_id("automation", "automation", automation_id)


def _check_still_open(store: SuggestionStore, suggestion_id: str) -> None:
    """Raise if an analysis withdrew the suggestion, or it was decided, while it was accepted."""
    suggestion = store.suggestions.get(suggestion_id)
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


async def async_dismiss(store: SuggestionStore, suggestion_id: str) -> None:
    """Mark a suggestion dismissed: it is not offered again."""
    suggestion = _open_suggestion(store, suggestion_id)
    store.set_status(suggestion["id"], DISMISSED)
    await store.async_save_decision()


async def async_snooze(store: SuggestionStore, suggestion_id: str, until: datetime) -> None:
    """Put a suggestion away until `until`; it may come back after that if it still holds."""
    suggestion = _open_suggestion(store, suggestion_id)
    store.snooze(suggestion["id"], until)
    await store.async_save_decision()


def snooze_until(days: int = SNOOZE_DAYS) -> datetime:
    """Return the moment a suggestion snoozed now for `days` may come back."""
    return dt_util.utcnow() + timedelta(days=days)


async def async_restore(store: SuggestionStore, suggestion_id: str) -> None:
    """Offer a dismissed or snoozed suggestion again (the card's Undo)."""
    suggestion = store.suggestions.get(suggestion_id)
    if suggestion is None or suggestion["status"] not in {DISMISSED, SNOOZED}:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="not_dismissed",
            translation_placeholders={"suggestion_id": suggestion_id},
        )
    store.set_status(suggestion_id, NEW)
    await store.async_save_decision()


async def async_clear(store: SuggestionStore, suggestion_id: str) -> None:
    """Take an accepted suggestion off the to-do list; it stays accepted."""
    store.clear(suggestion_id)
    await store.async_save_decision()
