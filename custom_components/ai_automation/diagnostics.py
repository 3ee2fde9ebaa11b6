"""Diagnostics download: settings, MQTT health and every known device, with secrets redacted."""

from __future__ import annotations

from collections import Counter
from typing import Any

from homeassistant.components.diagnostics import REDACTED, async_redact_data
from homeassistant.core import HomeAssistant

from .analysis import kept_days
from .devices.answer import async_gather, model
from .models import AiAutomationConfigEntry
from .mqtt_health.check import mqtt_entry

TO_REDACT = {"password", "username", "certificate", "client_cert", "client_key", "ws_headers"}
# What the household did (values set, when last): people post diagnostics publicly; counts stay.
USAGE_TO_REDACT = ("values", "last_change")


def _without_habits(model: dict[str, Any]) -> dict[str, Any]:
    """Replace each capability's values seen and last change with REDACTED, counting the values."""
    for device in model["devices"]:
        for capability in device["capabilities"]:
            if (usage := capability.get("usage")) is None:
                continue
            usage["values_seen"] = {source: len(seen) for source, seen in usage["values"].items()}
            usage |= dict.fromkeys(USAGE_TO_REDACT, REDACTED)
    return model


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: AiAutomationConfigEntry
) -> dict[str, Any]:
    """Return what helps to understand a problem, never a secret."""
    health = entry.runtime_data.health
    mqtt = mqtt_entry(hass)
    check = health.last_check
    data = entry.runtime_data
    daily = data.daily
    gathered = await async_gather(hass, data.known_devices, data.usage, data.settings.lookback_days)
    return {
        "options": dict(entry.options),
        "mqtt_entry": async_redact_data(dict(mqtt.data), TO_REDACT) if mqtt else None,
        "health": {
            "broker_connected": health.broker_connected,
            "bridge_online": health.bridge_online,
            "bridge_seen": health.bridge_seen,
            "last_check": None
            if check is None
            else {
                "broker": f"{check.host}:{check.port}",
                "code": check.code,
                "detail": check.meaning,
            },
        },
        "capabilities": _without_habits(await hass.async_add_executor_job(model, gathered)),
        "analysis": {
            "last_run": daily.summary,
            "recent_runs": daily.store.recent_runs,
            "running": daily.running,
            "suggestions": dict(Counter(s["status"] for s in daily.store.suggestions.values())),
            "kept_days": await hass.async_add_executor_job(
                kept_days.kept_days_summary, kept_days.kept_days_folder(hass)
            ),
        },
    }
