"""Run the analysis inside Home Assistant: history from the recorder, detection off the loop."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
import time
from typing import Any

from homeassistant.components.automation import BaseAutomationEntity
from homeassistant.components.automation.const import DOMAIN as AUTOMATION_DOMAIN
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_platform, entity_registry as er
from homeassistant.helpers.recorder import get_instance
from homeassistant.helpers.sun import get_astral_event_date
from homeassistant.util import dt as dt_util

from ..const import ACTION_DOMAINS, ANALYSED_DOMAINS
from ..contract import StoredSuggestion
from ..devices.device_list import KnownDevices
from ..devices.usage_assessment import async_assessed_capabilities
from ..devices.usage_watcher import UsageWatcher
from ..engine.detectors.sun_habits import SUN_EVENTS
from ..engine.suggestions.build import ExistingAutomation, build_suggestions
from ..engine.suggestions.override_suggestions import override_suggestion
from ..engine.suggestions.suggestion import Suggestion
from ..engine.usage.unused import UnusedSettings, detect_unused
from ..settings import Settings
from .detector_process import DetectorProcess
from .kept_days import incremental_history_reader


@dataclass(frozen=True, kw_only=True)
class AnalysisResult:
    """What one analysis found, with the figures a summary needs."""

    suggestions: list[Suggestion]
    habits: int
    sequences: int
    events_analysed: int
    entities_analysed: int
    devices_checked: int
    load_seconds: float
    detect_seconds: float
    # Days from the oldest change read to now: how much history the home has (None: not known).
    history_days: float | None = None
    # How many of the changes came from the days earlier analyses kept, not read again.
    events_kept: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def entities_to_analyse(hass: HomeAssistant, settings: Settings) -> tuple[list[str], list[str]]:
    """Return (all analysed entities, those a person acts on), as the options narrow them."""
    registry, devices = er.async_get(hass), dr.async_get(hass)
    domains = ANALYSED_DOMAINS - set(settings.exclude_domains)
    candidates = set(hass.states.async_entity_ids(domains)) | set(settings.include_entities)
    analysed, person = [], []
    for entity_id in sorted(candidates - set(settings.exclude_entities)):
        entry = registry.async_get(entity_id)
        if entry is not None and entry.platform == "ai_automation":
            continue
        area = entry.area_id if entry else None
        if entry is not None and area is None and entry.device_id:
            device = devices.async_get(entry.device_id)
            area = device.area_id if device else None
        if area is not None and area in settings.exclude_areas:
            continue
        analysed.append(entity_id)
        if entity_id.split(".", 1)[0] in ACTION_DOMAINS:
            person.append(entity_id)
    return analysed, person


def existing_automations(hass: HomeAssistant) -> list[ExistingAutomation]:
    """Describe the automations the user already has: what triggers them, what they act on."""
    found = []
    for entity in (
        entity
        for platform in entity_platform.async_get_platforms(hass, AUTOMATION_DOMAIN)
        for entity in platform.entities.values()
        if isinstance(entity, BaseAutomationEntity)
    ):
        config = getattr(entity, "raw_config", None) or {}
        triggers = config.get("triggers") or config.get("trigger") or []
        triggers = triggers if isinstance(triggers, list) else [triggers]
        found.append(
            ExistingAutomation(
                trigger_entities=frozenset(
                    e for t in triggers if isinstance(t, dict) for e in _as_list(t.get("entity_id"))
                ),
                has_time_trigger=any(
                    isinstance(t, dict)
                    and (t.get("trigger") or t.get("platform")) in ("time", "time_pattern")
                    for t in triggers
                ),
                has_sun_trigger=any(
                    isinstance(t, dict) and (t.get("trigger") or t.get("platform")) == "sun"
                    for t in triggers
                ),
                targets=frozenset(entity.referenced_entities),
            )
        )
    return found


def _as_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def sun_times(hass: HomeAssistant, start: datetime, end: datetime) -> dict[str, dict[int, float]]:
    """Return each local day's sunset and sunrise (local minutes) at the home's location."""
    times: dict[str, dict[int, float]] = {event: {} for event in SUN_EVENTS}
    day = dt_util.as_local(start).date()
    while day <= dt_util.as_local(end).date():
        number = (day - date(1970, 1, 1)).days
        for event in SUN_EVENTS:
            if (moment := get_astral_event_date(hass, event, day)) is not None:
                local = dt_util.as_local(moment)
                times[event][number] = local.hour * 60 + local.minute + local.second / 60
        day += timedelta(days=1)
    return times


async def async_automated_users(hass: HomeAssistant, settings: Settings) -> list[str]:
    """Return the users whose changes are automated: system-generated ones and those chosen."""
    system = [user.id for user in await hass.auth.async_get_users() if user.system_generated]
    return sorted({*system, *settings.automated_users})


def _accepted_states(accepted: Mapping[str, StoredSuggestion]) -> list[tuple[str, str, str]]:
    """Return (suggestion id, entity, state) that each accepted suggestion's automation sets."""
    return [
        (suggestion_id, suggestion["entities"][-1], state)
        for suggestion_id, suggestion in accepted.items()
        if suggestion.get("entities") and (state := suggestion.get("evidence", {}).get("state"))
    ]


async def async_analyse(
    hass: HomeAssistant,
    settings: Settings,
    known_devices: KnownDevices,
    usage: UsageWatcher | None = None,
    *,
    accepted: Mapping[str, StoredSuggestion] | None = None,
    now: datetime | None = None,
) -> AnalysisResult:
    """Read the lookback's history through the recorder and build suggestions from it.

    `accepted` (stored suggestions the user accepted, by id) are checked for being undone;
    `now` is the end of the window read (the present if not given).
    """
    end = now or dt_util.utcnow()
    start = end - timedelta(days=settings.lookback_days)
    analysed, person = entities_to_analyse(hass, settings)
    began = time.perf_counter()
    detectors = await DetectorProcess.async_start()
    try:
        reader = incremental_history_reader(
            hass,
            get_instance(hass),
            analysed,
            person,
            start,
            end,
            await async_automated_users(hass, settings),
            settings.lookback_days,
        )
        found = await detectors.async_detect(
            hass, reader, sun_times(hass, start, end), _accepted_states(accepted or {})
        )
    finally:
        await detectors.async_close()
    loaded = detectors.read_at or began
    habits, sequences, sun_habits, groups = (
        found.habits,
        found.sequences,
        found.sun_habits,
        found.groups,
    )
    names = {
        entity_id: state.name
        for entity_id in found.entity_ids
        if (state := hass.states.get(entity_id)) is not None
    }
    # Unused capabilities only on the evidence of the live usage record (none without it).
    unused = (
        detect_unused(
            await async_assessed_capabilities(
                hass, known_devices, usage.record, settings.lookback_days
            ),
            UnusedSettings(lookback_days=settings.lookback_days),
        )
        if usage is not None
        else []
    )
    suggestions = build_suggestions(
        habits,
        sequences,
        unused,
        names=names,
        existing=existing_automations(hass),
        sun_habits=sun_habits,
        groups=groups,
    )
    suggestions += [
        override_suggestion(override, (accepted or {})[override.key]["title"], names)
        for override in found.overrides
    ]
    return AnalysisResult(
        suggestions=suggestions,
        habits=len(habits) + len(sun_habits),
        sequences=len(sequences),
        events_analysed=found.changes,
        entities_analysed=len(analysed),
        devices_checked=len(known_devices.devices),
        load_seconds=loaded - began,
        detect_seconds=time.perf_counter() - loaded,
        extra={
            "detectors_peak_memory": found.peak_memory,
            # Seconds from starting the detectors' process to each of its steps' end.
            "detectors_steps": {
                step: moment - detectors.started for step, moment in found.marks.items()
            },
        },
        events_kept=found.kept_changes,
        history_days=(end.timestamp() - found.first_change) / 86400
        if found.first_change is not None
        else 0.0,
    )
