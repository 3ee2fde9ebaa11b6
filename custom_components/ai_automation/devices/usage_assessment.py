"""How matched capabilities are used: the live record assessed, or the recorder's history."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta
import time
from typing import Any

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.recorder import get_instance
from homeassistant.util import dt as dt_util

from ..engine.usage.record import NOT_ENOUGH_EVIDENCE, UsageRecord, assess_rows
from ..engine.usage.unused import AssessedCapability
from ..recorder_reader.fallback import attribute_rows
from .device_list import KnownDevices, capability_key
from .usage_watcher import (
    ATTRIBUTES,
    NOT_IN_USE,
    ON_OFF_DOMAINS,
    on_off_signals,
    useful_capabilities,
)


@callback
def assessed_capabilities(
    known_devices: KnownDevices, record: UsageRecord, lookback_days: int
) -> list[AssessedCapability]:
    """Return every useful settable capability of a matched device, with its assessment."""
    now = time.time()
    found = []
    for ieee, match in known_devices.async_match().items():
        device = known_devices.devices[ieee]
        on_off = bool(on_off_signals(device))
        for cap in useful_capabilities(device):
            if (entity_id := match.entities.get(capability_key(cap))) is None:
                continue
            found.append(
                AssessedCapability(
                    device=device.friendly_name,
                    property=cap.property,
                    entity_id=entity_id,
                    assessment=record.assess(ieee, capability_key(cap), now, lookback_days),
                    on_off=on_off,
                    label=cap.label,
                    unit=cap.unit,
                    value_min=cap.value_min,
                    value_max=cap.value_max,
                    values=cap.values,
                )
            )
    return found


async def async_assessed_capabilities(
    hass: HomeAssistant, known_devices: KnownDevices, record: UsageRecord, lookback_days: int
) -> list[AssessedCapability]:
    """Return `assessed_capabilities`, judged from history where the recorder keeps the attribute.

    Where the live record is still too short, an attribute the recorder keeps (a
    thermostat's setpoint) is judged from its rows by the same rules.
    """
    assessed = assessed_capabilities(known_devices, record, lookback_days)
    wanted: dict[str, set[str]] = {}
    for item in assessed:
        if (attribute := _recorded_attribute(hass, item)) is not None:
            wanted.setdefault(item.entity_id, set()).add(attribute)
    if not wanted:
        return assessed
    end = dt_util.utcnow()
    instance = get_instance(hass)
    rows = await instance.async_add_executor_job(
        attribute_rows,
        hass,
        instance,
        wanted,
        end - timedelta(days=2 * lookback_days),
        end,
    )
    zone, now = str(hass.config.time_zone), end.timestamp()
    judged = []
    for item in assessed:
        if (attribute := _recorded_attribute(hass, item)) is not None:
            on_off = item.entity_id.split(".", 1)[0] in ON_OFF_DOMAINS
            found = assess_rows(
                zone,
                [
                    (when, state == "on" if on_off else state not in NOT_IN_USE, state, values)
                    for when, state, values in rows[item.entity_id]
                ],
                attribute,
                now,
                lookback_days,
            )
            if found is not None:
                judged.append(replace(item, assessment=found))
                continue
        judged.append(item)
    return judged


def _recorded_attribute(hass: HomeAssistant, item: AssessedCapability) -> str | None:
    """Return the attribute behind a capability without live evidence, if the recorder keeps it."""
    if item.assessment.status != NOT_ENOUGH_EVIDENCE:
        return None
    domain = item.entity_id.split(".", 1)[0]
    attribute = ATTRIBUTES.get((domain, item.property))
    state = hass.states.get(item.entity_id)
    if attribute is None or state is None or domain not in ON_OFF_DOMAINS | {"climate"}:
        return None
    if state.state_info and attribute in state.state_info["unrecorded_attributes"]:
        return None
    return attribute


@callback
def usage_model(
    record: UsageRecord, lookback_days: int, ieees: Iterable[str] | None = None
) -> dict[str, dict[str, dict[str, Any]]]:
    """Return, per device (or those of `ieees`) and capability key, the record and its use."""
    now = time.time()
    result: dict[str, dict[str, dict[str, Any]]] = {}
    known = record.devices
    for ieee in known if ieees is None else ieees:
        if (device := known.get(ieee)) is None:
            continue
        result[ieee] = {
            key: {
                **record.assess(ieee, key, now, lookback_days).as_dict(),
                "observed_since": _iso(usage.since),
                "last_change": _iso(usage.last_change),
                "changes": usage.changes,
                "values": usage.values,
                "more_values": usage.more,
            }
            for key, usage in device.capabilities.items()
        }
    return result


def _iso(ts: float | None) -> str | None:
    return None if ts is None else datetime.fromtimestamp(ts, dt_util.UTC).isoformat()
