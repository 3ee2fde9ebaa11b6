"""Suggestions about a device's capability nobody uses, with a better use where one exists."""

from __future__ import annotations

from ..usage.unused import USEFUL_CAPABILITIES, UnusedCapability, proposal
from .automation import automation_config
from .suggestion import Suggestion, stable_id

MAX_VALUES = 20  # enum values of a capability shown as evidence


def unused_capability_suggestion(unused: UnusedCapability) -> Suggestion:
    """Point out a capability proven unused, with what was seen and a better use where one exists."""
    title, description, doing = proposal(unused)
    return Suggestion(
        id=stable_id("unused", unused.entity_id, unused.property),
        kind="unused_capability",
        title=title,
        description=description,
        automation=None if doing is None else automation_config(title, description, **doing),
        entities=(unused.entity_id,),
        evidence={
            "property": unused.property,
            "usefulness": USEFUL_CAPABILITIES.get(unused.property, 0.1),
            "score": round(USEFUL_CAPABILITIES.get(unused.property, 0.1) / 2, 3),
            "days_in_use": unused.days_in_use,
            "lookback_days": unused.lookback_days,
            "part_days": list(unused.part_days),  # night, morning, afternoon, evening
            "on_off": unused.on_off,
            "value": unused.value,
            "unit": unused.unit,
            "capability": {
                "device": unused.device,
                "property": unused.property,
                "label": unused.label,
                "unit": unused.unit,
                "min": unused.value_min,
                "max": unused.value_max,
                "values": list(unused.values[:MAX_VALUES]),
                "value": unused.value,  # the one value seen in use, in `unit`
            },
        },
    )
