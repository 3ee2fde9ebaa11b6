"""Raise and clear AI Automation's Repairs issues without flooding."""

from __future__ import annotations

from collections.abc import Mapping
import inspect
from typing import Any

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir

from .const import (
    DOMAIN,
    FIXABLE_ISSUES,
    ISSUE_AUTH_FAILED,
    ISSUE_BROKER_UNREACHABLE,
    ISSUE_ZIGBEE2MQTT_NOT_FOUND,
)

LEARN_MORE = {
    ISSUE_AUTH_FAILED: "https://www.home-assistant.io/integrations/mqtt/#broker-configuration",
    ISSUE_BROKER_UNREACHABLE: "https://www.home-assistant.io/integrations/mqtt/#broker-configuration",
    ISSUE_ZIGBEE2MQTT_NOT_FOUND: "https://www.zigbee2mqtt.io/guide/configuration/mqtt.html",
}

# Home Assistant 2026.11 links an issue to a config entry: hidden while the entry is disabled,
# deleted with it. Older releases do not take the argument; there the issues go by hand (below).
LINKS_TO_ENTRY = "config_entry_id" in inspect.signature(ir.async_create_issue).parameters


def _entry_link(hass: HomeAssistant) -> dict[str, Any]:
    """Return the argument that links an issue to our (single) config entry, where supported."""
    if not LINKS_TO_ENTRY:
        return {}
    entries = hass.config_entries.async_entries(DOMAIN, include_ignore=False)
    return {"config_entry_id": entries[0].entry_id} if entries else {}


@callback
def async_raise_issue(
    hass: HomeAssistant, issue_id: str, placeholders: Mapping[str, str] | None = None
) -> bool:
    """Create or update an issue; return False when it already said exactly this."""
    existing = ir.async_get(hass).async_get_issue(DOMAIN, issue_id)
    if existing is not None and existing.translation_placeholders == dict(placeholders or {}):
        return False
    ir.async_create_issue(
        hass,
        DOMAIN,
        issue_id,
        is_fixable=issue_id in FIXABLE_ISSUES,
        is_persistent=False,
        severity=ir.IssueSeverity.ERROR,
        translation_key=issue_id,
        translation_placeholders=dict(placeholders or {}),
        learn_more_url=LEARN_MORE.get(issue_id),
        **_entry_link(hass),
    )
    return True


@callback
def async_clear_issue(hass: HomeAssistant, issue_id: str) -> bool:
    """Delete an issue; return whether there was one."""
    if ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is None:
        return False
    ir.async_delete_issue(hass, DOMAIN, issue_id)
    return True


@callback
def async_clear_all_issues(hass: HomeAssistant) -> None:
    """Delete every issue of this integration (it is being removed or disabled)."""
    registry = ir.async_get(hass)
    for domain, issue_id in list(registry.issues):
        if domain == DOMAIN:
            ir.async_delete_issue(hass, DOMAIN, issue_id)
