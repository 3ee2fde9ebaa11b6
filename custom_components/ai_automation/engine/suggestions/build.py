"""All findings made into suggestions: one per doing, none already automated, best first."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..detectors.groups import Group
from ..detectors.habits import Habit
from ..detectors.sequences import Sequence
from ..detectors.sun_habits import SunHabit
from ..usage.unused import UnusedCapability
from .capability_suggestions import unused_capability_suggestion
from .group_suggestions import fold_into_groups
from .habit_suggestions import habit_suggestion, sun_habit_suggestion
from .sequence_suggestions import sequence_suggestion
from .suggestion import Suggestion

PRESENCE_DOMAINS = ("person", "device_tracker", "zone")


@dataclass(frozen=True, kw_only=True)
class ExistingAutomation:
    """What an automation the user already has reacts to and acts on."""

    trigger_entities: frozenset[str]
    has_time_trigger: bool
    targets: frozenset[str]
    has_sun_trigger: bool = False


def covered(suggestion: Suggestion, existing: Iterable[ExistingAutomation]) -> bool:
    """Return whether an existing automation already does any of this (same start, any target).

    A group is judged on every entity it acts on, and started by any of its entities too.
    """
    if suggestion.kind == "group":
        actions = (suggestion.automation or {}).get("actions", [])
        acted = {a["target"]["entity_id"] for a in actions if isinstance(a, dict) and "target" in a}
        start, starters = str(suggestion.evidence.get("started_by")), set(suggestion.entities)
    else:
        acted, start = {suggestion.entities[-1]}, suggestion.kind
        starters = {suggestion.entities[0]} if start == "sequence" else set()
    for automation in existing:
        if not acted & automation.targets:
            continue
        if starters & automation.trigger_entities:
            return True
        if start == "habit" and automation.has_time_trigger:
            return True
        if start == "sun" and (automation.has_sun_trigger or automation.has_time_trigger):
            return True
    return False


def _explained_by_sun(habit: Habit, sun_habits: Iterable[SunHabit]) -> bool:
    """Whether a clock habit is the same doing as a sun habit (the sun explains it better)."""
    for found in sun_habits:
        other = found.habit
        distance = abs(habit.minute - other.minute) % 1440
        if (other.entity_id, other.state) == (habit.entity_id, habit.state) and min(
            distance, 1440 - distance
        ) <= 120:
            return True
    return False


def _presence_rank(sequence: Sequence) -> tuple[bool, float]:
    """Rank presence triggers: a person arriving, or the home emptying, say most."""
    said = (sequence.trigger_entity, sequence.trigger_state) == ("zone.home", "0") or (
        sequence.trigger_entity.startswith("person.") and sequence.trigger_state == "home"
    )
    return said, sequence.confidence


def _one_presence_trigger(sequences: list[Sequence]) -> list[Sequence]:
    """Keep one presence trigger per action: "Anna arrives", "the last person leaves"."""
    best: dict[tuple[str, str], Sequence] = {}
    for sequence in sequences:
        if sequence.trigger_entity.split(".", 1)[0] not in PRESENCE_DOMAINS:
            continue
        key = (sequence.action_entity, sequence.action_state)
        known = best.get(key)
        if known is None or _presence_rank(sequence) > _presence_rank(known):
            best[key] = sequence
    return [
        s
        for s in sequences
        if s.trigger_entity.split(".", 1)[0] not in PRESENCE_DOMAINS
        or best[(s.action_entity, s.action_state)] is s
    ]


def build_suggestions(
    habits: Iterable[Habit],
    sequences: Iterable[Sequence],
    unused: Iterable[UnusedCapability],
    *,
    names: Mapping[str, str],
    existing: Iterable[ExistingAutomation] = (),
    sun_habits: Iterable[SunHabit] = (),
    groups: Iterable[Group] = (),
) -> list[Suggestion]:
    """Return every suggestion not already covered by an automation, best evidence first."""
    existing = list(existing)
    sun_habits = list(sun_habits)
    made = (
        [habit_suggestion(h, names) for h in habits if not _explained_by_sun(h, sun_habits)]
        + [sun_habit_suggestion(s, names) for s in sun_habits]
        + [sequence_suggestion(s, names) for s in _one_presence_trigger(list(sequences))]
    )
    # Equal evidence in a fixed order (by title), not in the order the detectors met the
    # entities, which moves with the hour the lookback starts at.
    ranked = sorted(
        fold_into_groups(groups, [s for s in made if s is not None], names),
        key=lambda s: (-float(s.evidence["score"]), s.title),
    )
    ranked += sorted(
        (unused_capability_suggestion(u) for u in unused),
        key=lambda s: -float(s.evidence["usefulness"]),
    )
    unique = {s.id: s for s in reversed(ranked)}  # keep the best of duplicates
    return [s for s in ranked if unique.get(s.id) is s and not covered(s, existing)]
