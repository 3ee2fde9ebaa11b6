"""Turn findings into suggestions: a Home Assistant automation config plus the evidence behind it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
import hashlib
import math
from typing import Any

from ..detectors.backtest import Backtest
from ..detectors.groups import Group
from ..detectors.habits import Habit
from ..detectors.overrides import Override
from ..detectors.sequences import Sequence
from ..detectors.sun_habits import SunHabit
from ..usage.unused import USEFUL_CAPABILITIES, UnusedCapability, proposal

EPOCH = date(1970, 1, 1)  # local day number 0
DELAY_BINS = 12  # bars of a sequence's delay histogram
MAX_VALUES = 20  # enum values of a capability shown as evidence
MAX_TRIGGERS = 60  # a sequence's latest replayed triggers kept as evidence (the counts cover all)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
WEEKENDS = ("sat", "sun")
DAY_NAMES = dict(
    zip((*WEEKDAYS, *WEEKENDS), ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), strict=True)
)
SOMEONE_HOME = {"condition": "numeric_state", "entity_id": "zone.home", "above": 0}
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


def strength(share: float, amount: int, backtest: Backtest | None) -> float:
    """Return how strongly the evidence speaks for a suggestion, from 0 to 1.

    The share of days (or triggers) it held, times how right its replay was (Laplace-smoothed:
    two right of two is not certainty), times how much evidence there is (full at 14).
    """
    replay = (
        0.5 if backtest is None else (backtest.right + 1) / (backtest.right + backtest.wrong + 2)
    )
    return round(min(share, 1.0) * replay * min(amount / 14, 1.0), 3)


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


def _day_words(habit: Habit) -> tuple[str, str]:
    """Return how the habit's days are said: ("on weekdays", "weekdays")."""
    if habit.days in ("all", "weekdays", "weekends"):
        return (
            {"all": "every day", "weekdays": "on weekdays", "weekends": "at weekends"}[habit.days],
            {"all": "days", "weekdays": "weekdays", "weekends": "weekend days"}[habit.days],
        )
    names = [DAY_NAMES[d] for d in habit.weekdays]
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"on {listed}", f"{listed} days"


def _date(day_number: float) -> str:
    return (EPOCH + timedelta(days=int(day_number))).isoformat()


def _habit_backtest(backtest: Backtest | None, day_word: str) -> tuple[str, dict[str, Any]]:
    """Return the backtest in words, and as plain evidence fields."""
    if backtest is None:
        return "", {}
    words = (
        f" Would have been right on {backtest.right} of the last {backtest.fired} {day_word},"
        f" wrong on {backtest.wrong}."
    )
    return words, {
        "backtest_right": backtest.right,
        "backtest_near": backtest.near,
        "backtest_wrong": backtest.wrong,
        "backtest_days": [
            {"date": _date(day), "result": result} for day, result in backtest.results
        ],
    }


def _minutes(minutes: float) -> str:
    """Say a number of minutes: "1 minute", "5 minutes" (at least one)."""
    whole = max(round(minutes), 1)
    return f"{whole} minute{'s' if whole != 1 else ''}"


def habit_suggestion(habit: Habit, names: Mapping[str, str]) -> Suggestion | None:
    """Suggest doing at the usual time what the person does by hand."""
    action = action_for(habit.entity_id, habit.state)
    if action is None:
        return None
    at = _clock(habit.minute)
    bucket = round(habit.minute / 30) % 48  # the same habit found again, a few minutes off
    when, day_word = _day_words(habit)
    verb = VERBS.get(habit.state, f"Set to {habit.state}:")
    home = " when someone is home" if habit.away_days else ""
    title = f"{verb} {_name(habit.entity_id, names)} around {at} {when}{home}"
    backtest_words, backtest_evidence = _habit_backtest(habit.backtest, day_word)
    description = (
        f"Seen on {habit.distinct_days} of {habit.eligible_days} {day_word},"
        f" usually within {_minutes(habit.spread_minutes)} of {at}.{backtest_words}"
    )
    if habit.away_days:
        description += f" Never while nobody was home (on {habit.away_days} {day_word})."
    automation: dict[str, Any] = {
        "alias": title,
        "description": f"{description} Suggested by AI Automation.",
        "triggers": [{"trigger": "time", "at": f"{at}:00"}],
        "conditions": [],
        "actions": [action],
        "mode": "single",
    }
    if habit.days != "all":
        automation["conditions"] = [{"condition": "time", "weekday": list(habit.weekdays)}]
    if habit.away_days:
        automation["conditions"].append(SOMEONE_HOME)
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
            "weekdays": list(habit.weekdays),
            "median_time": at,
            "spread_minutes": round(habit.spread_minutes, 1),
            "lift": round(habit.lift, 1),
            "chance": round(habit.chance, 3),
            "first_seen": habit.first_seen,
            "last_seen": habit.last_seen,
            "series": _habit_series(habit),
            "day_times": [
                {"date": _date(day), "minute": minute} for day, minute in habit.day_times
            ],
            "score": strength(habit.ratio, habit.distinct_days, habit.backtest),
            "state": habit.state,
            "away_days": habit.away_days,
        }
        | backtest_evidence,
    )


def _offset(minutes: float) -> str:
    whole = round(abs(minutes))
    return f"{'-' if minutes < 0 else ''}{whole // 60:02d}:{whole % 60:02d}:00"


def sun_habit_suggestion(found: SunHabit, names: Mapping[str, str]) -> Suggestion | None:
    """Suggest doing at sunset or sunrise (with the usual offset) what the person does by hand."""
    habit = found.habit
    if (suggestion := habit_suggestion(habit, names)) is None or suggestion.automation is None:
        return None
    offset = round(found.offset_minutes)
    if offset == 0:
        relative = f"at {found.event}"
    else:
        relative = f"{abs(offset)} min {'after' if offset > 0 else 'before'} {found.event}"
    verb = VERBS.get(habit.state, f"Set to {habit.state}:")
    when, day_word = _day_words(habit)
    title = f"{verb} {_name(habit.entity_id, names)} {relative} {when}"
    description = (
        f"Seen on {habit.distinct_days} of {habit.eligible_days} {day_word} {relative},"
        f" usually within {_minutes(habit.spread_minutes)} of that"
        f" (by the clock within {_minutes(found.clock_spread_minutes)})."
        f"{_habit_backtest(habit.backtest, day_word)[0]}"
    )
    trigger: dict[str, Any] = {"trigger": "sun", "event": found.event}
    if offset:
        trigger["offset"] = _offset(offset)
    bucket = round(found.offset_minutes / 30)
    return Suggestion(
        id=stable_id("sun", habit.entity_id, habit.state, habit.days, found.event, bucket),
        kind="sun",
        title=title,
        description=description,
        automation={
            **suggestion.automation,
            "alias": title,
            "description": f"{description} Suggested by AI Automation.",
            "triggers": [trigger],
        },
        entities=suggestion.entities,
        evidence={
            **suggestion.evidence,
            "event": found.event,
            "sun_event": found.event,  # (the card's name for it: its band follows the event)
            "offset_minutes": round(found.offset_minutes, 1),
            "clock_spread_minutes": round(found.clock_spread_minutes, 1),
        },
    )


def duration_words(seconds: float) -> str:
    """Say a duration as a person would: "7 seconds", "40 seconds", "2 minutes"."""
    if round(seconds) < 90:
        whole = round(seconds)
        return f"{whole} second{'s' if whole != 1 else ''}"
    minutes = round(seconds / 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def _trigger_words(entity_id: str, state: str, names: Mapping[str, str], hold: float = 0.0) -> str:
    """Say what happens: "Anna arrives", "the last person leaves", "Hall motion turns on".

    With a `hold`: "Hall motion has been off for 2 minutes".
    """
    domain = entity_id.split(".", 1)[0]
    name = _name(entity_id, names)
    if hold:
        return f"{name} has been {state} for {duration_words(hold)}"
    if entity_id == "zone.home" and state == "0":
        return "the last person leaves"
    if entity_id == "zone.home" and state == "1":
        return "the first person arrives"
    if domain in ("person", "device_tracker") and state in ("home", "not_home"):
        return f"{name} {'arrives' if state == 'home' else 'leaves'}"
    return f"{name} turns {state}"


def _habit_series(habit: Habit) -> dict[str, Any]:
    """Return what a picture of the habit needs: the times per day and the suggested band.

    A band that moves with the sun is given per day too (`bands`: None on a day without one);
    days Home Assistant did not record are listed (`unrecorded`: not counted, no row of the count).
    """
    moving: dict[str, Any] = (
        {"bands": [list(band) if band else None for band in habit.bands]} if habit.bands else {}
    )
    if habit.unrecorded:
        moving["unrecorded"] = list(habit.unrecorded)
    return {
        "first_day": (EPOCH + timedelta(days=habit.first_day)).isoformat(),
        "days": habit.day_count,
        "times": [list(time) for time in habit.times],
        "band": [
            round(habit.minute - habit.half_width_minutes) % 1440,
            round(habit.minute + habit.half_width_minutes) % 1440,
        ],
    } | moving


def _delay_histogram(sequence: Sequence) -> dict[str, Any]:
    """Return the delays between trigger and action as counts in equal bins over the window."""
    window = sequence.window_seconds or max(sequence.delays, default=0.0)
    width = max(math.ceil(window / DELAY_BINS), 1)
    counts = [0] * DELAY_BINS
    for delay in sequence.delays:
        counts[min(int(delay // width), DELAY_BINS - 1)] += 1
    return {"window_seconds": window, "bin_seconds": width, "counts": counts}


def _otherwise(chance: float) -> str:
    """Say how often the action happens without the trigger (its chance in any such window)."""
    if chance < 0.02:
        return "it almost never happens otherwise"
    if chance < 0.1:
        return "it rarely happens otherwise"
    return "otherwise it happens far less often"


def sequence_suggestion(sequence: Sequence, names: Mapping[str, str]) -> Suggestion | None:
    """Suggest doing automatically what the person does after the trigger."""
    action = action_for(sequence.action_entity, sequence.action_state)
    if action is None:
        return None
    trigger: dict[str, Any] = {"trigger": "state", "entity_id": sequence.trigger_entity}
    if sequence.trigger_entity.split(".", 1)[0] not in {"button", "event", "scene", "input_button"}:
        trigger["to"] = sequence.trigger_state  # those report a timestamp as their state
    if hold := sequence.hold_seconds:
        trigger["for"] = {"minutes": round(hold / 60)} if hold >= 60 else {"seconds": round(hold)}
    verb = VERBS.get(sequence.action_state, f"Set to {sequence.action_state}:")
    trigger_words = _trigger_words(sequence.trigger_entity, sequence.trigger_state, names, hold)
    title = f"{verb} {_name(sequence.action_entity, names)} when {trigger_words}"
    description = (
        f"After {sequence.occurrences} of {sequence.trigger_count} times,"
        f" typically {duration_words(sequence.median_delay_seconds)} later;"
        f" {_otherwise(sequence.confidence / sequence.lift if sequence.lift else 0.0)}."
    )
    backtest_evidence: dict[str, Any] = {}
    if (backtest := sequence.backtest) is not None:
        description += (
            f" In the last 7 days it would have been right {backtest.right} of"
            f" {backtest.fired} times."
        )
        backtest_evidence = {
            "backtest_right": backtest.right,
            "backtest_wrong": backtest.wrong,
            "backtest_triggers": [
                {"at": at, "result": result} for at, result in backtest.results[-MAX_TRIGGERS:]
            ],
        }
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
            "hold_seconds": round(sequence.hold_seconds),
            "distinct_days": sequence.distinct_days,
            "first_seen": sequence.first_seen,
            "last_seen": sequence.last_seen,
            "delays": _delay_histogram(sequence),
            "score": strength(sequence.confidence, sequence.occurrences, sequence.backtest),
            "state": sequence.action_state,
        }
        | backtest_evidence,
    )


def override_suggestion(
    override: Override, automation: str, names: Mapping[str, str]
) -> Suggestion:
    """Point out, once, an accepted automation that people keep undoing."""
    name = _name(override.entity_id, names)
    return Suggestion(
        id=stable_id("override", override.key),
        kind="override",
        title=f"Change or remove the automation: {automation}",
        description=(
            f"On {override.undone_days} of the {override.acted_days} days it set {name} to"
            f" {override.state}, someone changed it back within minutes."
        ),
        automation=None,
        entities=(override.entity_id,),
        evidence={
            "suggestion_id": override.key,
            "acted_days": override.acted_days,
            "undone_days": override.undone_days,
            "score": round(override.undone_days / max(override.acted_days, 1), 3),
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


def _together(members: tuple[tuple[str, str], ...], names: Mapping[str, str]) -> str:
    """Say what a group does: "Turn on A, B and C and close D"."""
    by_verb: dict[str, list[str]] = {}
    for entity_id, state in members:
        verb = VERBS.get(state, f"Set to {state}:")
        by_verb.setdefault(verb, []).append(_name(entity_id, names))
    parts: list[str] = []
    for verb, listed in by_verb.items():
        joined = listed[0] if len(listed) == 1 else f"{', '.join(listed[:-1])} and {listed[-1]}"
        parts.append(f"{verb if not parts else verb.lower()} {joined}")
    return " and ".join(parts)


def _led_by(
    group: Group, leader: Suggestion, names: Mapping[str, str]
) -> tuple[str, dict[str, Any], tuple[str, ...]]:
    """Return the title, automation and trigger entities of a group started as `leader` is."""
    members = group.members
    if leader.kind == "sequence":
        title = f"{_together(members, names)} when {leader.title.split(' when ', 1)[-1]}"
    else:
        state = str(leader.evidence.get("state", ""))
        said = f"{VERBS.get(state, f'Set to {state}:')} {_name(leader.entities[-1], names)} "
        title = f"{_together(members, names)} {leader.title.removeprefix(said)}"
    actions = [action_for(entity_id, state) for entity_id, state in members]
    automation = {**(leader.automation or {}), "actions": actions, "alias": title}
    return title, automation, leader.entities[:-1]


def group_suggestion(
    group: Group, leader: Suggestion | None, names: Mapping[str, str]
) -> Suggestion | None:
    """Suggest one automation for things done together.

    It starts as the leader does (a time, the sun, a trigger), or else with the member that
    usually comes first.
    """
    members = group.members
    if any(action_for(entity_id, state) is None for entity_id, state in members):
        return None
    together = (
        f"Done together (within a minute) {group.together} of {max(group.times, group.together)}"
        f" times, on {group.distinct_days} different days."
    )
    evidence: dict[str, Any] = {
        "members": [{"entity_id": e, "state": st} for e, st in members],
        "together": group.together,
        "times": max(group.times, group.together),
        "share": round(min(group.share, 1.0), 3),
        "distinct_days": group.distinct_days,
    }
    if leader is not None and leader.automation is not None:
        title, automation, triggers = _led_by(group, leader, names)
        description = f"{leader.description} {together}"
        evidence |= {"started_by": leader.kind, "score": leader.evidence.get("score", 0.0)}
    else:
        (first, first_state), rest = members[0], members[1:]
        title = f"{_together(rest, names)} when {_name(first, names)} turns {first_state}"
        description = together
        automation = {
            "alias": title,
            "triggers": [{"trigger": "state", "entity_id": first, "to": first_state}],
            "conditions": [],
            "actions": [action_for(entity_id, state) for entity_id, state in rest],
            "mode": "single",
        }
        score = strength(group.share, group.distinct_days, group.backtest)
        evidence |= {"started_by": "first", "score": score}
        if (backtest := group.backtest) is not None:
            description += (
                f" In the last 7 days it would have been right {backtest.right} of"
                f" {backtest.fired} times."
            )
            evidence |= {"backtest_right": backtest.right, "backtest_wrong": backtest.wrong}
        triggers = (first,)
    automation["description"] = f"{description} Suggested by AI Automation."
    return Suggestion(
        id=stable_id("group", *sorted(f"{e}:{st}" for e, st in members)),
        kind="group",
        title=title,
        description=description,
        automation=automation,
        entities=(*triggers, *(e for e, _ in members if e not in triggers)),
        evidence=evidence,
    )


def _grouped(
    groups: Iterable[Group], made: list[Suggestion], names: Mapping[str, str]
) -> list[Suggestion]:
    """Fold the suggestions about members of a group into one suggestion for the group."""
    result = list(made)
    for group in groups:
        targets = {e for e, _ in group.members}
        member_of = [
            s for s in result
            if s.kind in ("habit", "sun", "sequence") and s.entities[-1] in targets
        ]  # fmt: skip
        inner = [s for s in member_of if s.kind == "sequence" and s.entities[0] in targets]
        started = [s for s in member_of if s not in inner]
        leader = max(started, key=lambda s: float(s.evidence["score"]), default=None)
        if (made_group := group_suggestion(group, leader, names)) is None:
            continue
        # What the group replaces: the leader, the same kind of start for other members
        # (the same time, or the same trigger), and the members triggering each other.
        gone = set(map(id, inner))
        if leader is not None:
            gone |= {id(s) for s in started if s.kind == leader.kind and _same_start(s, leader)}
        result = [s for s in result if id(s) not in gone] + [made_group]
    return result


def _minute_of(automation: Mapping[str, Any]) -> int:
    at = str(automation["triggers"][0].get("at", "00:00"))
    return int(at[:2]) * 60 + int(at[3:5])


def _same_start(one: Suggestion, other: Suggestion) -> bool:
    """Whether two member suggestions start the same way (trigger, sun event, time +-30 min)."""
    if one.kind == "sequence":
        return one.entities[0] == other.entities[0]
    first, second = one.automation or {}, other.automation or {}
    if one.kind == "sun":
        return bool(first["triggers"][0].get("event") == second["triggers"][0].get("event"))
    distance = abs(_minute_of(first) - _minute_of(second)) % 1440
    return min(distance, 1440 - distance) <= 30


PRESENCE_DOMAINS = ("person", "device_tracker", "zone")


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
    ranked = sorted(
        _grouped(groups, [s for s in made if s is not None], names),
        key=lambda s: -float(s.evidence["score"]),
    )
    ranked += sorted(
        (unused_capability_suggestion(u) for u in unused),
        key=lambda s: -float(s.evidence["usefulness"]),
    )
    unique = {s.id: s for s in reversed(ranked)}  # keep the best of duplicates
    return [s for s in ranked if unique.get(s.id) is s and not covered(s, existing)]
