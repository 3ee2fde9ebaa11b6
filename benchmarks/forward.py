"""The forward test: suggestions learnt from all but the last days, replayed on those days.

Each time a suggested automation would have acted on the days it never saw, what did the person
do with that entity? *right*: the same, close by (15 min for a time, 2 min after a trigger);
*near*: the same, further off (75 min; 15 min after a trigger); *wrong*: something else with it
in that time; *nothing done*: nothing with it at all (the automation would have acted unasked).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from custom_components.ai_automation.engine.history.arrays import Change
from custom_components.ai_automation.engine.suggestions.automation import STATE_ACTIONS
from custom_components.ai_automation.engine.suggestions.suggestion import Suggestion

HELD_OUT_DAYS = 7
OUTCOMES = ("right", "near", "wrong", "nothing done")
# (right, near) seconds: around a time of day, and after a trigger
TIMED = (15 * 60, 75 * 60)
TRIGGERED = (120, 15 * 60)
STATE_OF_ACTION = {action: state for (_, state), (action, _) in STATE_ACTIONS.items()}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Span:
    """The held-out days: their first instant, how many, the home's zone and sun times."""

    start: datetime
    days: int
    sun: Mapping[str, Mapping[int, float]]


def _acts(automation: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Return the (entity, state) each action of an automation brings about."""
    acts = []
    for action in automation.get("actions", []):
        if not isinstance(action, dict) or "target" not in action:
            continue
        state = STATE_OF_ACTION.get(action["action"]) or action.get("data", {}).get("hvac_mode")
        if state is not None:
            acts.append((str(action["target"]["entity_id"]), str(state)))
    return acts


def _weekdays(automation: Mapping[str, Any]) -> set[str]:
    days = set(WEEKDAYS)
    for condition in automation.get("conditions", []):
        if condition.get("condition") == "time" and "weekday" in condition:
            days &= set(condition["weekday"])
    return days


def _firings(automation: Mapping[str, Any], span: Span, changes: list[Change]) -> list[float]:
    """Return when (UTC seconds) the automation would have fired on the held-out days."""
    trigger = automation["triggers"][0]
    if trigger["trigger"] == "state":
        return [
            c.when
            for c in changes
            if c.entity_id == trigger["entity_id"] and trigger.get("to", c.state) == c.state
        ]
    fired = []
    zone = span.start.tzinfo
    for offset in range(span.days):
        day = datetime.combine((span.start + timedelta(days=offset)).date(), datetime.min.time())
        if WEEKDAYS[day.weekday()] not in _weekdays(automation):
            continue
        if trigger["trigger"] == "time":
            hours, minutes, _ = map(int, trigger["at"].split(":"))
            minute = hours * 60 + minutes
        else:
            number = (day.date() - datetime(1970, 1, 1).date()).days
            text = str(trigger.get("offset", "00:00:00"))
            sign = -1 if text.startswith("-") else 1
            hours, minutes, _ = map(int, text.lstrip("-").split(":"))
            minute = span.sun[trigger["event"]][number] + sign * (hours * 60 + minutes)
        fired.append((day.replace(tzinfo=zone) + timedelta(minutes=minute)).timestamp())
    return fired


def _outcome(at: float, entity: str, state: str, done: list[Change], timed: bool) -> str:
    """Say what the person did with `entity` around a firing at `at`."""
    right, near = TIMED if timed else TRIGGERED
    low = at - near if timed else at - 60

    def within(limit: float, same: bool) -> bool:
        return any(
            c.entity_id == entity
            and (c.state == state) == same
            and low <= c.when <= at + limit
            and (not timed or abs(c.when - at) <= limit)
            for c in done
        )

    if within(right, same=True):
        return "right"
    if within(near, same=True):
        return "near"
    return "wrong" if within(near, same=False) else "nothing done"


def forward_test(
    suggestions: Iterable[Suggestion], held_out: list[Change], span: Span
) -> dict[str, Counter[str]]:
    """Return, per kind of suggestion, how its firings on the held-out days turned out."""
    done = [c for c in held_out if c.manual]
    result: dict[str, Counter[str]] = {}
    for suggestion in suggestions:
        automation = suggestion.automation
        if not automation or not automation.get("triggers"):
            continue
        timed = automation["triggers"][0]["trigger"] != "state"
        tally = result.setdefault(suggestion.kind, Counter())
        for at in _firings(automation, span, held_out):
            for entity, state in _acts(automation):
                tally[_outcome(at, entity, state, done, timed)] += 1
    return result


def split(
    changes: list[Change],
    start: datetime,
    days: int,
    sun: Mapping[str, Mapping[int, float]] | None = None,
) -> tuple[list[Change], list[Change], Span]:
    """Return the changes to learn from, those of the held-out days, and those days."""
    cut = datetime.combine(
        (start + timedelta(days=days - HELD_OUT_DAYS)).date(), datetime.min.time(), start.tzinfo
    )
    learn = [c for c in changes if c.when < cut.timestamp()]
    test = [c for c in changes if c.when >= cut.timestamp()]
    return learn, test, Span(cut, HELD_OUT_DAYS, sun or {})


def summary(tallies: Iterable[Mapping[str, Counter[str]]]) -> list[str]:
    """Return one line per kind: right / near / wrong / nothing done, as counts and shares."""
    total: dict[str, Counter[str]] = {}
    for tally in tallies:
        for kind, counts in tally.items():
            total.setdefault(kind, Counter()).update(counts)
    lines = []
    for kind in sorted(total):
        counts = total[kind]
        fired = sum(counts.values()) or 1
        parts = ", ".join(
            f"{name} {counts[name]} ({counts[name] / fired:.0%})" for name in OUTCOMES
        )
        lines.append(f"  {kind:9s} {parts}")
    return lines
