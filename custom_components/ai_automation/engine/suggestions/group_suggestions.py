"""Suggestions for groups: one automation for things done together, in place of one per member."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..detectors.groups import Group
from .automation import action_for, automation_config
from .phrases import entity_name, joined_with_and, verb
from .suggestion import Suggestion, stable_id, strength


def _together(members: tuple[tuple[str, str], ...], names: Mapping[str, str]) -> str:
    """Say what a group does: "Turn on A, B and C and close D"."""
    by_verb: dict[str, list[str]] = {}
    for entity_id, state in members:
        by_verb.setdefault(verb(state), []).append(entity_name(entity_id, names))
    parts: list[str] = []
    for said, named in by_verb.items():
        parts.append(f"{said if not parts else said.lower()} {joined_with_and(named)}")
    return " and ".join(parts)


def _actions(members: tuple[tuple[str, str], ...]) -> list[dict[str, Any]]:
    """Return the actions that bring each member to its state (those that have one)."""
    return [a for a in (action_for(entity_id, state) for entity_id, state in members) if a]


def _led_by(
    group: Group, leader: Suggestion, names: Mapping[str, str], description: str
) -> tuple[str, dict[str, Any], tuple[str, ...]]:
    """Return the title, automation and trigger entities of a group started as `leader` is."""
    members = group.members
    if leader.kind == "sequence":
        title = f"{_together(members, names)} when {leader.title.split(' when ', 1)[-1]}"
    else:
        state = str(leader.evidence.get("state", ""))
        said = f"{verb(state)} {entity_name(leader.entities[-1], names)} "
        title = f"{_together(members, names)} {leader.title.removeprefix(said)}"
    started = leader.automation or {}
    automation = automation_config(
        title,
        description,
        triggers=started["triggers"],
        conditions=started["conditions"],
        actions=_actions(members),
    )
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
        description = f"{leader.description} {together}"
        title, automation, triggers = _led_by(group, leader, names, description)
        evidence |= {"started_by": leader.kind, "score": leader.evidence.get("score", 0.0)}
    else:
        (first, first_state), rest = members[0], members[1:]
        title = f"{_together(rest, names)} when {entity_name(first, names)} turns {first_state}"
        description = together
        score = strength(group.share, group.distinct_days, group.backtest)
        evidence |= {"started_by": "first", "score": score}
        if (backtest := group.backtest) is not None:
            description += (
                f" In the last 7 days it would have been right {backtest.right} of"
                f" {backtest.fired} times."
            )
            evidence |= {"backtest_right": backtest.right, "backtest_wrong": backtest.wrong}
        automation = automation_config(
            title,
            description,
            triggers=[{"trigger": "state", "entity_id": first, "to": first_state}],
            actions=_actions(rest),
        )
        triggers = (first,)
    return Suggestion(
        id=stable_id("group", *sorted(f"{e}:{st}" for e, st in members)),
        kind="group",
        title=title,
        description=description,
        automation=automation,
        entities=(*triggers, *(e for e, _ in members if e not in triggers)),
        evidence=evidence,
    )


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


def fold_into_groups(
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
