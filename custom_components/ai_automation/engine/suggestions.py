"""Turn findings into suggestions: a Home Assistant automation config plus the evidence behind it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
import hashlib
import math
from typing import Any

from .habits import Habit
from .sequences import Sequence
from .unused import USEFUL_CAPABILITIES, UnusedCapability, proposal

EPOCH = date(1970, 1, 1)  # local day number 0
DELAY_BINS = 12  # bars of a sequence's delay histogram
MAX_VALUES = 20  # enum values of a capability shown as evidence
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
WEEKENDS = ("sat", "sun")
# (domain, state) -> (action, data) that brings an entity to that state.
STATE_ACTIONS: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {
    **{(d, "on"): (f"{d}.turn_on", {}) for d in ("light", "switch", "fan", "input_boolean")},
    **{(d, "off"): (f"{d}.turn_off", {}) for d in ("light", "switch", "fan", "input_boolean")},
    ("cover", "open"): ("cover.open_cover", {}),
    ("cover", "closed"): ("cover.close_cover", {}),
    ("lock", "locked"): ("lock.lock", {}),
    ("lock", "unlocked"): ("lock.unlock", {}),
    ("media_player", "on"): ("media_player.turn_on", {}),
    ("media_player", "off"): ("media_player.turn_off", {}),
    ("media_player", "playing"): ("media_player.media_play", {}),
    ("media_player", "paused"): ("media_player.media_pause", {}),
}
HVAC_MODES = frozenset({"off", "heat", "cool", "heat_cool", "auto", "dry", "fan_only"})
VERBS = {
    "on": "Turn on",
    "off": "Turn off",
    "open": "Open",
    "closed": "Close",
    "locked": "Lock",
    "unlocked": "Unlock",
    "playing": "Play",
    "paused": "Pause",
}


@dataclass(frozen=True, kw_only=True)
class Suggestion:
    """One proposal: a stable id, words for people, an automation, and the evidence."""

    id: str
    kind: str  # "habit", "sequence" or "unused_capability"
    title: str
    description: str
    automation: dict[str, Any] | None
    evidence: dict[str, Any] = field(default_factory=dict)
    entities: tuple[str, ...] = ()


def stable_id(*parts: object) -> str:
    """Return an id that is the same whenever the same thing is suggested again."""
    return hashlib.sha1("|".join(map(str, parts)).encode(), usedforsecurity=False).hexdigest()[:16]


def action_for(entity_id: str, state: str) -> dict[str, Any] | None:
    """Return the action that brings `entity_id` to `state`, if there is a standard one."""
    domain = entity_id.split(".", 1)[0]
    if domain == "climate" and state in HVAC_MODES:
        return {
            "action": "climate.set_hvac_mode",
            "target": {"entity_id": entity_id},
            "data": {"hvac_mode": state},
        }
    if domain == "scene":
        return {"action": "scene.turn_on", "target": {"entity_id": entity_id}}
    if (found := STATE_ACTIONS.get((domain, state))) is None:
        return None
    action, data = found
    step: dict[str, Any] = {"action": action, "target": {"entity_id": entity_id}}
    return step | ({"data": data} if data else {})


def _clock(minute: float) -> str:
    whole = round(minute) % 1440
    return f"{whole // 60:02d}:{whole % 60:02d}"


def _name(entity_id: str, names: Mapping[str, str]) -> str:
    return names.get(entity_id) or entity_id.split(".", 1)[1].replace("_", " ").capitalize()


def habit_suggestion(habit: Habit, names: Mapping[str, str]) -> Suggestion | None:
    """Suggest doing at the usual time what the person does by hand."""
    action = action_for(habit.entity_id, habit.state)
    if action is None:
        return None
    at = _clock(habit.minute)
    bucket = round(habit.minute / 30) % 48  # the same habit found again, a few minutes off
    when = {"all": "every day", "weekdays": "on weekdays", "weekends": "at weekends"}[habit.days]
    day_word = {"all": "days", "weekdays": "weekdays", "weekends": "weekend days"}[habit.days]
    verb = VERBS.get(habit.state, f"Set to {habit.state}:")
    title = f"{verb} {_name(habit.entity_id, names)} around {at} {when}"
    description = (
        f"Seen on {habit.distinct_days} of {habit.eligible_days} {day_word}, "
        f"spread ±{round(habit.spread_minutes)} min."
    )
    automation: dict[str, Any] = {
        "alias": title,
        "description": f"{description} Suggested by AI Automation.",
        "triggers": [{"trigger": "time", "at": f"{at}:00"}],
        "conditions": [],
        "actions": [action],
        "mode": "single",
    }
    if habit.days != "all":
        automation["conditions"] = [
            {
                "condition": "time",
                "weekday": list(WEEKDAYS if habit.days == "weekdays" else WEEKENDS),
            }
        ]
    return Suggestion(
        id=stable_id("habit", habit.entity_id, habit.state, habit.days, bucket),
        kind="habit",
        title=title,
        description=description,
        automation=automation,
        entities=(habit.entity_id,),
        evidence={
            "occurrences": habit.occurrences,
            "distinct_days": habit.distinct_days,
            "eligible_days": habit.eligible_days,
            "days": habit.days,
            "median_time": at,
            "spread_minutes": round(habit.spread_minutes, 1),
            "lift": round(habit.lift, 1),
            "first_seen": habit.first_seen,
            "last_seen": habit.last_seen,
            "series": _habit_series(habit),
        },
    )


def _habit_series(habit: Habit) -> dict[str, Any]:
    """Return what a picture of the habit needs: the times per day and the suggested band."""
    return {
        "first_day": (EPOCH + timedelta(days=habit.first_day)).isoformat(),
        "days": habit.day_count,
        "times": [list(time) for time in habit.times],
        "band": [
            round(habit.minute - habit.half_width_minutes) % 1440,
            round(habit.minute + habit.half_width_minutes) % 1440,
        ],
    }


def _delay_histogram(sequence: Sequence) -> dict[str, Any]:
    """Return the delays between trigger and action as counts in equal bins over the window."""
    window = sequence.window_seconds or max(sequence.delays, default=0.0)
    width = max(math.ceil(window / DELAY_BINS), 1)
    counts = [0] * DELAY_BINS
    for delay in sequence.delays:
        counts[min(int(delay // width), DELAY_BINS - 1)] += 1
    return {"window_seconds": window, "bin_seconds": width, "counts": counts}


def sequence_suggestion(sequence: Sequence, names: Mapping[str, str]) -> Suggestion | None:
    """Suggest doing automatically what the person does after the trigger."""
    action = action_for(sequence.action_entity, sequence.action_state)
    if action is None:
        return None
    trigger: dict[str, Any] = {"trigger": "state", "entity_id": sequence.trigger_entity}
    if sequence.trigger_entity.split(".", 1)[0] not in {"button", "event", "scene", "input_button"}:
        trigger["to"] = sequence.trigger_state  # those report a timestamp as their state
    verb = VERBS.get(sequence.action_state, f"Set to {sequence.action_state}:")
    trigger_name = _name(sequence.trigger_entity, names)
    title = f"{verb} {_name(sequence.action_entity, names)} when {trigger_name} turns {sequence.trigger_state}"
    description = (
        f"After {sequence.occurrences} of {sequence.trigger_count} times "
        f"({round(sequence.confidence * 100)} %), typically {round(sequence.median_delay_seconds)} s later; "
        f"{round(sequence.lift)}x more often than by chance."
    )
    return Suggestion(
        id=stable_id(
            "sequence",
            sequence.trigger_entity,
            sequence.trigger_state,
            sequence.action_entity,
            sequence.action_state,
        ),
        kind="sequence",
        title=title,
        description=description,
        automation={
            "alias": title,
            "description": f"{description} Suggested by AI Automation.",
            "triggers": [trigger],
            "conditions": [],
            "actions": [action],
            "mode": "single",
        },
        entities=(sequence.trigger_entity, sequence.action_entity),
        evidence={
            "occurrences": sequence.occurrences,
            "trigger_count": sequence.trigger_count,
            "confidence": round(sequence.confidence, 3),
            "lift": round(sequence.lift, 1),
            "median_delay_seconds": round(sequence.median_delay_seconds, 1),
            "distinct_days": sequence.distinct_days,
            "first_seen": sequence.first_seen,
            "last_seen": sequence.last_seen,
            "delays": _delay_histogram(sequence),
        },
    )


def unused_capability_suggestion(unused: UnusedCapability) -> Suggestion:
    """Point out a capability proven unused, with what was seen and a better use where one exists."""
    title, description, automation = proposal(unused)
    return Suggestion(
        id=stable_id("unused", unused.entity_id, unused.property),
        kind="unused_capability",
        title=title,
        description=description,
        automation=automation,
        entities=(unused.entity_id,),
        evidence={
            "property": unused.property,
            "usefulness": USEFUL_CAPABILITIES.get(unused.property, 0.1),
            "days_in_use": unused.days_in_use,
            "lookback_days": unused.lookback_days,
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


@dataclass(frozen=True, kw_only=True)
class ExistingAutomation:
    """What an automation the user already has reacts to and acts on."""

    trigger_entities: frozenset[str]
    has_time_trigger: bool
    targets: frozenset[str]


def covered(suggestion: Suggestion, existing: Iterable[ExistingAutomation]) -> bool:
    """Return whether an existing automation already does this (same trigger and target)."""
    target = suggestion.entities[-1]
    for automation in existing:
        if target not in automation.targets:
            continue
        if suggestion.kind == "sequence" and suggestion.entities[0] in automation.trigger_entities:
            return True
        if suggestion.kind == "habit" and automation.has_time_trigger:
            return True
    return False


def build_suggestions(
    habits: Iterable[Habit],
    sequences: Iterable[Sequence],
    unused: Iterable[UnusedCapability],
    *,
    names: Mapping[str, str],
    existing: Iterable[ExistingAutomation] = (),
) -> list[Suggestion]:
    """Return every suggestion not already covered by an automation, best evidence first."""
    existing = list(existing)
    made = [habit_suggestion(h, names) for h in habits] + [
        sequence_suggestion(s, names) for s in sequences
    ]
    ranked = sorted(
        (s for s in made if s is not None),
        key=lambda s: -float(s.evidence.get("lift", 0)),
    )
    ranked += sorted(
        (unused_capability_suggestion(u) for u in unused),
        key=lambda s: -float(s.evidence["usefulness"]),
    )
    unique = {s.id: s for s in reversed(ranked)}  # keep the best of duplicates
    return [s for s in ranked if unique.get(s.id) is s and not covered(s, existing)]
