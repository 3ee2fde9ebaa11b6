"""Suggestions for habits: doing at the usual time, or at sunset or sunrise, what people do."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from ..detectors.backtest import Backtest
from ..detectors.habits import Habit
from ..detectors.sun_habits import SunHabit
from .automation import SOMEONE_HOME, action_for, automation_config
from .phrases import clock, entity_name, joined_with_and, minutes_words, verb
from .suggestion import Suggestion, stable_id, strength

EPOCH = date(1970, 1, 1)  # local day number 0
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
WEEKENDS = ("sat", "sun")
DAY_NAMES = dict(
    zip((*WEEKDAYS, *WEEKENDS), ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), strict=True)
)


def _day_words(habit: Habit) -> tuple[str, str]:
    """Return how the habit's days are said: ("on weekdays", "weekdays")."""
    if habit.days in ("all", "weekdays", "weekends"):
        return (
            {"all": "every day", "weekdays": "on weekdays", "weekends": "at weekends"}[habit.days],
            {"all": "days", "weekdays": "weekdays", "weekends": "weekend days"}[habit.days],
        )
    said = joined_with_and([DAY_NAMES[d] for d in habit.weekdays])
    return f"on {said}", f"{said} days"


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


def _habit_evidence(habit: Habit, at: str) -> dict[str, Any]:
    """Return what shows the habit: its counts, times, spread, chance and strength."""
    return {
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
        "day_times": [{"date": _date(day), "minute": minute} for day, minute in habit.day_times],
        "score": strength(habit.ratio, habit.distinct_days, habit.backtest),
        "state": habit.state,
        "away_days": habit.away_days,
    }


def _habit_conditions(habit: Habit) -> list[dict[str, Any]]:
    """Return the conditions of a habit's automation: its weekdays, someone at home."""
    conditions: list[dict[str, Any]] = []
    if habit.days != "all":
        conditions.append({"condition": "time", "weekday": list(habit.weekdays)})
    if habit.away_days:
        conditions.append(SOMEONE_HOME)
    return conditions


def habit_suggestion(habit: Habit, names: Mapping[str, str]) -> Suggestion | None:
    """Suggest doing at the usual time what the person does by hand."""
    action = action_for(habit.entity_id, habit.state)
    if action is None:
        return None
    at = clock(habit.minute)
    bucket = round(habit.minute / 30) % 48  # the same habit found again, a few minutes off
    when, day_word = _day_words(habit)
    home = " when someone is home" if habit.away_days else ""
    title = f"{verb(habit.state)} {entity_name(habit.entity_id, names)} around {at} {when}{home}"
    backtest_words, backtest_evidence = _habit_backtest(habit.backtest, day_word)
    description = (
        f"Seen on {habit.distinct_days} of {habit.eligible_days} {day_word},"
        f" usually within {minutes_words(habit.spread_minutes)} of {at}.{backtest_words}"
    )
    if habit.away_days:
        days = "1 day" if habit.away_days == 1 else f"{habit.away_days} {day_word}"
        description += f" Never while nobody was home (on {days})."
    return Suggestion(
        id=stable_id("habit", habit.entity_id, habit.state, habit.days, bucket),
        kind="habit",
        title=title,
        description=description,
        automation=automation_config(
            title,
            description,
            triggers=[{"trigger": "time", "at": f"{at}:00"}],
            conditions=_habit_conditions(habit),
            actions=[action],
        ),
        entities=(habit.entity_id,),
        evidence=_habit_evidence(habit, at) | backtest_evidence,
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
    when, day_word = _day_words(habit)
    title = f"{verb(habit.state)} {entity_name(habit.entity_id, names)} {relative} {when}"
    description = (
        f"Seen on {habit.distinct_days} of {habit.eligible_days} {day_word} {relative},"
        f" usually within {minutes_words(habit.spread_minutes)} of that"
        f" (by the clock within {minutes_words(found.clock_spread_minutes)})."
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
        automation=automation_config(
            title,
            description,
            triggers=[trigger],
            conditions=suggestion.automation["conditions"],
            actions=suggestion.automation["actions"],
        ),
        entities=suggestion.entities,
        evidence={
            **suggestion.evidence,
            "event": found.event,
            "sun_event": found.event,  # (the card's name for it: its band follows the event)
            "offset_minutes": round(found.offset_minutes, 1),
            "clock_spread_minutes": round(found.clock_spread_minutes, 1),
        },
    )
