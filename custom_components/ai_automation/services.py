"""Actions: run the analysis now, accept, dismiss or snooze a suggestion."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import probatio

from homeassistant.core import HomeAssistant, ServiceCall, ServiceResponse, SupportsResponse
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.service import async_register_admin_service
from homeassistant.util import dt as dt_util
from homeassistant.util.file import write_utf8_file_atomic
from homeassistant.util.yaml import dump, load_yaml

from .const import DOMAIN, SNOOZE_DAYS
from .daily import DailyAnalysis
from .suggestion_store import DISMISSED, NEW

AUTOMATIONS_FILE = "automations.yaml"  # where the automation editor keeps automations
SUGGESTED_BY = "Suggested by AI Automation."
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


def _open_suggestion(daily: DailyAnalysis, suggestion_id: str) -> dict[str, Any]:
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


def _append_automation(path: str, automation: dict[str, Any]) -> None:
    """Add one automation to automations.yaml, as the automation editor does."""
    try:
        current = load_yaml(path) or []
    except FileNotFoundError:
        current = []
    if not isinstance(current, list):
        raise TypeError(f"{path} does not hold a list of automations")
    # Accepting again (after an earlier attempt that did not load) replaces, never duplicates.
    kept = [item for item in current if not _has_id(item, automation["id"])]
    write_utf8_file_atomic(path, dump([*kept, automation]))


def _has_id(item: Any, automation_id: str) -> bool:
    return isinstance(item, dict) and item.get("id") == automation_id


async def _run(call: ServiceCall) -> ServiceResponse:
    return await _daily(call.hass).async_run()


async def async_accept(hass: HomeAssistant, daily: DailyAnalysis, suggestion_id: str) -> None:
    """Create the suggested automation the way the automation editor does; mark it accepted."""
    suggestion = _open_suggestion(daily, suggestion_id)
    if suggestion["automation"] is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="no_automation",
            translation_placeholders={"suggestion_id": suggestion["id"]},
        )
    automation_id = f"ai_automation_{suggestion['id']}"
    automation = {
        "id": automation_id,
        **suggestion["automation"],
        # The title and description the user saw, which the AI may have worded.
        "alias": suggestion["title"],
        "description": f"{suggestion['description']} {SUGGESTED_BY}",
    }
    path = hass.config.path(AUTOMATIONS_FILE)
    try:
        await hass.async_add_executor_job(_append_automation, path, automation)
    except (OSError, TypeError, HomeAssistantError) as err:
        raise HomeAssistantError(
            translation_domain=DOMAIN,
            translation_key="automations_file",
            translation_placeholders={"error": str(err)},
        ) from err
    await hass.services.async_call("automation", "reload", blocking=True)
    if er.async_get(hass).async_get_entity_id("automation", "automation", automation_id) is None:
        # configuration.yaml does not load automations.yaml (no `automation: !include ...`).
        raise HomeAssistantError(
            translation_domain=DOMAIN,
            translation_key="automation_not_loaded",
            translation_placeholders={"path": path},
        )
    daily.store.mark_accepted(suggestion["id"], automation_id)
    await daily.store.async_save()
    daily.async_notify()


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
    """Offer a dismissed suggestion again."""
    suggestion = daily.store.suggestions.get(suggestion_id)
    if suggestion is None or suggestion["status"] != DISMISSED:
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
    suggestion's fate is theirs too. Automations (no user in the context) may call them.
    """
    hass.services.async_register(
        DOMAIN, "run_analysis", _run, supports_response=SupportsResponse.OPTIONAL
    )
    async_register_admin_service(hass, DOMAIN, "accept_suggestion", _accept, SUGGESTION_SCHEMA)
    async_register_admin_service(hass, DOMAIN, "dismiss_suggestion", _dismiss, SUGGESTION_SCHEMA)
    async_register_admin_service(hass, DOMAIN, "snooze_suggestion", _snooze, SNOOZE_SCHEMA)
