"""Tests for the habit and sequence detectors, on small hand-made histories and a synthetic home."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from custom_components.ai_automation.engine.habits import detect_habits
from custom_components.ai_automation.engine.history import Change, History
from custom_components.ai_automation.engine.sequences import detect_sequences

from ..synthetic_home import build, habit_matches, score

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 10, 12, tzinfo=BERLIN)  # four weeks that include the end of summer time


def _history(changes: list[Change], days: int = 28) -> History:
    end = START + timedelta(days=days)
    return History.from_changes(
        changes, start=START.timestamp(), end=end.timestamp(), time_zone="Europe/Berlin"
    )


def _daily(
    entity: str, state: str, minute: float, days: int = 28, manual: bool = True
) -> list[Change]:
    jitter = [-6, 3, 0, 5, -2, 4, -4]
    return [
        Change(
            entity,
            state,
            (START + timedelta(days=day, minutes=minute + jitter[day % 7])).timestamp(),
            manual,
        )
        for day in range(days)
    ]


def test_habit_keeps_local_time_across_dst() -> None:
    """06:45 local stays 06:45 when summer time ends inside the window (UTC moves by an hour)."""
    (habit,) = detect_habits(_history(_daily("light.kitchen", "on", 405)))
    assert (habit.entity_id, habit.state, habit.days) == ("light.kitchen", "on", "all")
    assert abs(habit.minute - 405) < 3
    assert habit.spread_minutes < 8
    assert (habit.distinct_days, habit.eligible_days) == (28, 29)


def test_habit_around_midnight_is_one_habit() -> None:
    """Changes at 23:55 and 00:03 are one habit near midnight, not two halves."""
    (habit,) = detect_habits(_history(_daily("light.living_room", "off", 1438)))
    distance = min(abs(habit.minute - 1438), 1440 - abs(habit.minute - 1438))
    assert distance < 4
    assert habit.occurrences == 28


def test_automations_are_not_habits() -> None:
    """A light an automation switches every day at 18:00 is not a person's habit."""
    assert detect_habits(_history(_daily("light.garden", "on", 1080, manual=False))) == []


def test_weekday_habit_is_not_diluted_into_every_day() -> None:
    """Something done only on weekdays is reported as a weekday habit."""
    changes = [
        change
        for change in _daily("switch.coffee_machine", "on", 390)
        if datetime.fromtimestamp(change.when, BERLIN).weekday() < 5
    ]
    (habit,) = detect_habits(_history(changes))
    assert habit.days == "weekdays"
    assert (habit.distinct_days, habit.eligible_days) == (20, 21)


def test_unavailable_is_not_a_habit() -> None:
    """A device dropping off the network every night is not something to automate."""
    assert detect_habits(_history(_daily("light.kitchen", "unavailable", 120))) == []


def _pairs(first: str, second: str, count: int, delay: float) -> list[Change]:
    changes = []
    for index in range(count):
        at = (START + timedelta(days=index, hours=19)).timestamp()
        changes += [Change(first, "on", at, False), Change(second, "on", at + delay, True)]
    return changes


def test_sequence_direction_and_evidence() -> None:
    """Motion then light is found with its delay; light then motion is not."""
    sequences, explained = detect_sequences(
        _history(_pairs("binary_sensor.hall_motion", "light.hall", 10, 8.0))
    )
    (sequence,) = sequences
    assert (sequence.trigger_entity, sequence.action_entity) == (
        "binary_sensor.hall_motion",
        "light.hall",
    )
    assert sequence.occurrences == 10
    assert sequence.confidence == 1.0
    assert sequence.median_delay_seconds == 8.0
    assert sequence.distinct_days == 10
    assert sequence.lift > 100
    assert explained.sum() == 10


def test_one_match_per_trigger_event() -> None:
    """Two light changes after one motion count as one follow-up, not two."""
    changes = _pairs("binary_sensor.hall_motion", "light.hall", 6, 5.0)
    changes += [Change("light.hall", "on", c.when + 30, True) for c in changes if c.manual]
    (sequence,), _ = detect_sequences(_history(changes))
    assert sequence.occurrences == 6
    assert sequence.median_delay_seconds == 5.0


def test_busy_entities_do_not_pair_with_everything() -> None:
    """A sensor that chatters all day is before every action by chance: its lift is too low."""
    changes = _pairs("binary_sensor.hall_motion", "light.hall", 6, 5.0)
    start = START.timestamp()
    changes += [
        Change("binary_sensor.vibration", "on", start + minute * 60, False)
        for minute in range(0, 28 * 1440, 1)
    ]
    sequences, _ = detect_sequences(_history(changes))
    assert {s.trigger_entity for s in sequences} == {"binary_sensor.hall_motion"}


def test_synthetic_home_quality() -> None:
    """Across homes: at least 95 % of planted patterns found, at least 90 % of findings planted."""
    found = planted = true = reported = 0
    for seed in range(1, 6):
        home = build(seed)
        history = home.history()
        sequences, explained = detect_sequences(history)
        habits = detect_habits(history, explained=explained)
        recall, precision = score(habits, sequences, home)
        total = len(home.habits) + len(home.sequences)
        found += round(recall * total)
        planted += total
        true += round(precision * (len(habits) + len(sequences)))
        reported += len(habits) + len(sequences)
        # No automation-made change ever becomes a habit.
        assert not any(h.entity_id in {"light.garden", "light.stairs"} for h in habits)
        assert any(habit_matches(h, home.habits[2]) for h in habits)  # the midnight habit
    assert found / planted >= 0.95
    assert true / reported >= 0.90


@pytest.mark.parametrize("empty", [[], [Change("light.a", "on", START.timestamp(), False)]])
def test_nothing_to_find(empty: list[Change]) -> None:
    """An empty or automation-only history yields nothing and no error."""
    history = _history(empty)
    sequences, _ = detect_sequences(history)
    assert sequences == []
    assert detect_habits(history) == []


def test_habit_keeps_each_day_and_time_for_its_picture() -> None:
    """A habit carries every time it was done, per day of the lookback, at most 8 a day."""
    changes = [
        change
        for change in _daily("switch.coffee_machine", "on", 390)
        if datetime.fromtimestamp(change.when, BERLIN).weekday() < 5
    ]
    busy_day = START + timedelta(days=2, hours=20)  # a Wednesday evening of fiddling with it
    changes += [
        Change("switch.coffee_machine", "on", (busy_day + timedelta(minutes=i)).timestamp(), True)
        for i in range(10)
    ]
    (habit,) = detect_habits(_history(changes))
    assert habit.day_count == 29
    assert datetime.fromtimestamp(habit.first_day * 86400, UTC).date() == START.date()
    days = [day for day, _ in habit.times]
    assert sorted(set(days)) == [
        day for day in range(28) if (START + timedelta(days=day)).weekday() < 5
    ]
    assert days.count(2) == 8  # the morning's one and seven of the evening's ten
    assert all(abs(minute - 390) <= 6 for day, minute in habit.times if day != 2)
    assert habit.half_width_minutes >= 15


def test_sequence_keeps_its_delays_and_window() -> None:
    """A sequence carries each delay between trigger and action, and the window used."""
    (sequence,), _ = detect_sequences(
        _history(_pairs("binary_sensor.hall_motion", "light.hall", 10, 8.0))
    )
    assert sequence.delays == (8.0,) * 10
    assert sequence.window_seconds == 120.0
