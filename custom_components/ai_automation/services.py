"""Actions: run the analysis now, accept, dismiss or snooze a suggestion."""

from __future__ import annotations

from typing import cast

import probatio

from homeassistant.core import HomeAssistant, ServiceCall, ServiceResponse, SupportsResponse
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.service import async_register_admin_service

from .const import DOMAIN, SNOOZE_DAYS
from .models import AiAutomationData, loaded_entry
from .suggestions.decisions import async_accept, async_dismiss, async_snooze, snooze_until

SUGGESTION_SCHEMA = probatio.Schema({probatio.Required("suggestion_id"): str})
SNOOZE_SCHEMA = probatio.Schema(
    {
        probatio.Required("suggestion_id"): str,
        probatio.Optional("days", default=SNOOZE_DAYS): probatio.All(
            probatio.Coerce(int), probatio.Range(min=1, max=365)
        ),
    }
)


def _running(hass: HomeAssistant) -> AiAutomationData:
    """Return the loaded entry's objects, or raise when AI Automation is not running."""
    if (entry := loaded_entry(hass)) is None:
        raise ServiceValidationError(translation_domain=DOMAIN, translation_key="not_loaded")
    return entry.runtime_data


async def _run(call: ServiceCall) -> ServiceResponse:
    return cast(
        "ServiceResponse", await _running(call.hass).daily.async_run()
    )  # a summary is plain JSON


async def _accept(call: ServiceCall) -> None:
    store = _running(call.hass).daily.store
    await async_accept(call.hass, store, call.data["suggestion_id"])


async def _dismiss(call: ServiceCall) -> None:
    await async_dismiss(_running(call.hass).daily.store, call.data["suggestion_id"])


async def _snooze(call: ServiceCall) -> None:
    store = _running(call.hass).daily.store
    await async_snooze(store, call.data["suggestion_id"], snooze_until(call.data["days"]))


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
