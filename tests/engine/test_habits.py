"""Tests for the habit detectors: on the clock and with the sun, their days, and someone home."""

from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest

from custom_components.ai_automation.engine.detectors.habits import detect_habits
from custom_components.ai_automation.engine.detectors.presence import days_away, with_presence
from custom_components.ai_automation.engine.detectors.run import detect
from custom_components.ai_automation.engine.detectors.sun_habits import detect_sun_habits
from custom_components.ai_automation.engine.history.arrays import Change, History
from custom_components.ai_automation.engine.suggestions.build import build_suggestions

from ..synthetic_home import sun_times
from .four_weeks import BERLIN, START, daily_changes, history_of, local_at


def test_habit_keeps_local_time_across_dst() -> None:
    """06:45 local stays 06:45 when summer time ends inside the window (UTC moves by an hour)."""
    (habit,) = detect_habits(history_of(daily_changes("light.kitchen", "on", 405)))
    assert (habit.entity_id, habit.state, habit.days) == ("light.kitchen", "on", "all")
    assert abs(habit.minute - 405) < 3
    assert habit.spread_minutes < 8
    assert (habit.distinct_days, habit.eligible_days) == (28, 28)


def test_habit_around_midnight_is_one_habit() -> None:
    """Changes at 23:55 and 00:03 are one habit near midnight, not two halves."""
    (habit,) = detect_habits(history_of(daily_changes("light.living_room", "off", 1438)))
    distance = min(abs(habit.minute - 1438), 1440 - abs(habit.minute - 1438))
    assert distance < 4
    assert habit.occurrences == 28


def test_automations_are_not_habits() -> None:
    """A light an automation switches every day at 18:00 is not a person's habit."""
    assert detect_habits(history_of(daily_changes("light.garden", "on", 1080, manual=False))) == []


def test_weekday_habit_is_not_diluted_into_every_day() -> None:
    """Something done only on weekdays is reported as a weekday habit."""
    changes = [
        change
        for change in daily_changes("switch.coffee_machine", "on", 390)
        if datetime.fromtimestamp(change.when, BERLIN).weekday() < 5
    ]
    (habit,) = detect_habits(history_of(changes))
    assert habit.days == "weekdays"
    assert (habit.distinct_days, habit.eligible_days) == (20, 20)


def test_unavailable_is_not_a_habit() -> None:
    """A device dropping off the network every night is not something to automate."""
    assert detect_habits(history_of(daily_changes("light.kitchen", "unavailable", 120))) == []


@pytest.mark.parametrize("seed", range(6))
def test_use_spread_over_a_band_is_not_a_habit(seed: int) -> None:
    """A door unlocked at random times between 06:30 and 09:30 every day has no habit."""
    rng = np.random.default_rng(seed)
    changes = [
        Change("lock.front_door", "unlocked", local_at(day, rng.uniform(390, 570)), True)
        for day in range(28)
    ]
    assert detect_habits(history_of(changes)) == []


def test_every_day_needs_weekends_on_their_own() -> None:
    """A weekday habit at 20:22 with random weekend evening use stays a weekday habit at 20:22."""
    rng = np.random.default_rng(3)
    changes = []
    for day in range(28):
        weekday = (START + timedelta(days=day)).weekday()
        minute = 1222 + rng.normal(0, 5) if weekday < 5 else rng.uniform(1080, 1380)
        changes.append(Change("light.hall", "off", local_at(day, minute), True))
    (habit,) = detect_habits(history_of(changes))
    assert habit.days == "weekdays"
    assert abs(habit.minute - 1222) < 5


def test_weekday_set_found_in_the_data() -> None:
    """Monday, Wednesday and Friday at 18:00 is found as that set, not as weekdays."""
    changes = [
        Change("switch.gym_heater", "on", local_at(day, 1080 + day % 5), True)
        for day in range(28)
        if (START + timedelta(days=day)).weekday() in {0, 2, 4}
    ]
    (habit,) = detect_habits(history_of(changes))
    assert habit.days == "mon,wed,fri"
    assert habit.weekdays == ("mon", "wed", "fri")
    assert (habit.distinct_days, habit.eligible_days) == (12, 12)


def test_partial_days_are_not_eligible() -> None:
    """A window from 03:10 to 03:10 counts only the whole days between as eligible."""
    start = START + timedelta(hours=3, minutes=10)
    history = History.from_changes(
        daily_changes("light.kitchen", "on", 405),
        start=start.timestamp(),
        end=(start + timedelta(days=28)).timestamp(),
        time_zone="Europe/Berlin",
    )
    (habit,) = detect_habits(history)
    assert habit.eligible_days == 27
    assert habit.distinct_days == 27  # the 06:45 of the partial first day does not count


def test_backtest_figures_kept_and_stopped_habits_dropped() -> None:
    """A steady habit keeps its replay of the last 7 days; one that stopped a week ago is dropped."""
    (habit,) = detect_habits(history_of(daily_changes("light.kitchen", "on", 405)))
    assert habit.backtest is not None
    assert (habit.backtest.right, habit.backtest.wrong) == (7, 0)
    assert [result for _, result in habit.backtest.results] == ["right"] * 7
    stopped = [c for c in daily_changes("light.kitchen", "on", 405) if c.when < local_at(21, 0)]
    assert detect_habits(history_of(stopped)) == []


@pytest.mark.parametrize(
    ("start", "days"),
    [
        (START, 28),  # includes the end of summer time: sunset jumps an hour on the clock
        (datetime(2026, 3, 1, tzinfo=BERLIN), 14),  # sunset drifts by about 25 minutes
    ],
)
def test_sun_relative_habit(start: datetime, days: int) -> None:
    """Porch light 10 min after sunset is found as that, and the kitchen at 06:45 stays a clock habit."""
    sun = sun_times(start, days)
    rng = np.random.default_rng(1)
    changes = []
    for day in range(days):
        local = start + timedelta(days=day)
        number = (local.date() - datetime(1970, 1, 1).date()).days
        midnight = datetime.combine(local.date(), datetime.min.time(), BERLIN)
        sunset = sun["sunset"][number] + 10 + rng.normal(0, 4)
        changes.append(
            Change("light.porch", "on", (midnight + timedelta(minutes=sunset)).timestamp(), True)
        )
        kitchen = 405 + rng.normal(0, 4)
        changes.append(
            Change("light.kitchen", "on", (midnight + timedelta(minutes=kitchen)).timestamp(), True)
        )
    history = History.from_changes(
        changes,
        start=start.timestamp(),
        end=(start + timedelta(days=days)).timestamp(),
        time_zone="Europe/Berlin",
    )
    (found,) = detect_sun_habits(history, sun)
    assert (found.event, found.habit.entity_id, found.habit.days) == (
        "sunset",
        "light.porch",
        "all",
    )
    assert abs(found.offset_minutes - 10) < 4
    assert found.habit.spread_minutes <= 0.7 * found.clock_spread_minutes
    suggestions = build_suggestions(detect_habits(history), [], [], names={}, sun_habits=[found])
    assert [s.title for s in suggestions if "porch" in s.title.lower()] == [
        f"Turn on Porch {round(found.offset_minutes)} min after sunset every day"
    ]
    (porch,) = [s for s in suggestions if s.kind == "sun"]
    assert porch.automation is not None
    assert porch.automation["triggers"] == [
        {"trigger": "sun", "event": "sunset", "offset": f"00:{round(found.offset_minutes):02d}:00"}
    ]
    assert [s.kind for s in suggestions if "light.kitchen" in s.entities] == ["habit"]
    # The card's picture: each time where it was on the clock, a band following each sunset.
    series = porch.evidence["series"]
    assert porch.evidence["sun_event"] == "sunset"
    first = date.fromisoformat(series["first_day"])
    numbers = [(first + timedelta(days=d) - date(1970, 1, 1)).days for d in range(series["days"])]
    expected = [sun["sunset"][n] + found.offset_minutes for n in numbers if n in sun["sunset"]]
    bands = [band for band in series["bands"] if band is not None]
    assert len(bands) == len(expected) >= days
    for (start_band, end_band), centre in zip(bands, expected, strict=True):
        assert abs((start_band + (end_band - start_band) % 1440 / 2) - centre) <= 1
    for day, minute in series["times"]:
        assert abs(minute - sun["sunset"][numbers[day]] - 10) <= 15


def test_presence_needs_a_home_zone_and_reads_unknown_as_home() -> None:
    """Without zone.home nothing is marked; an unknown count is not taken for an empty home."""
    habits = detect_habits(history_of(daily_changes("light.lamp", "on", 1200)))
    history = history_of(daily_changes("light.lamp", "on", 1200))
    assert with_presence(history, habits) == habits
    assert days_away(history) == set()
    unknown = history_of(
        [
            *daily_changes("light.lamp", "on", 1200),
            Change("zone.home", "unknown", local_at(0, 1), False),
        ]
    )
    assert days_away(unknown) == set()
    assert [h.away_days for h in with_presence(unknown, habits)] == [0]


def test_habit_keeps_each_day_and_time_for_its_picture() -> None:
    """A habit carries every time it was done, per whole (counted) day, at most 8 a day."""
    changes = [
        change
        for change in daily_changes("switch.coffee_machine", "on", 390)
        if datetime.fromtimestamp(change.when, BERLIN).weekday() < 5
    ]
    busy_day = START + timedelta(days=2, hours=20)  # a Wednesday evening of fiddling with it
    changes += [
        Change("switch.coffee_machine", "on", (busy_day + timedelta(minutes=i)).timestamp(), True)
        for i in range(10)
    ]
    (habit,) = detect_habits(history_of(changes))
    assert habit.day_count == 28 == len(history_of(changes).whole_days())  # not the part day
    assert datetime.fromtimestamp(habit.first_day * 86400, UTC).date() == START.date()
    days = [day for day, _ in habit.times]
    assert sorted(set(days)) == [
        day for day in range(28) if (START + timedelta(days=day)).weekday() < 5
    ]
    assert days.count(2) == 8  # the morning's one and seven of the evening's ten
    assert all(abs(minute - 390) <= 6 for day, minute in habit.times if day != 2)
    assert habit.half_width_minutes >= 15


@pytest.mark.parametrize("seed", range(40))
def test_a_clock_habit_stays_one_while_sunset_stands_still(seed: int) -> None:
    """Two weeks around the earliest sunset (12 December): 23:48 stays a clock habit.

    The sun hardly moves then, and a clock habit's scatter fitted "474 min after sunset" by chance
    (the demo home's living room on some days of December).
    """
    start, days = datetime(2026, 12, 5, tzinfo=BERLIN), 14
    sun = sun_times(start, days)
    rng = np.random.default_rng(seed)
    changes = [
        Change(
            "light.living_room",
            "off",
            (start + timedelta(days=day, minutes=1428 + rng.normal(0, 6))).timestamp(),
            True,
        )
        for day in range(days)
    ]
    history = History.from_changes(
        changes,
        start=start.timestamp(),
        end=(start + timedelta(days=days)).timestamp(),
        time_zone="Europe/Berlin",
    )
    assert detect_sun_habits(history, sun) == []
    assert [habit.entity_id for habit in detect_habits(history)] == ["light.living_room"]


def test_equal_evidence_is_ranked_by_title_not_by_which_entity_came_first() -> None:
    """Two habits as strong as each other come in one order, whatever the history met first.

    (Only the strongest few become new in a run: the hour the lookback starts at must not pick.)
    """
    changes = daily_changes("switch.zebra", "on", 390) + daily_changes("light.aardvark", "on", 450)
    found = detect(history_of(changes), {})
    suggestions = build_suggestions(found.habits, [], [], names={})
    assert [s.evidence["score"] for s in suggestions] == [suggestions[0].evidence["score"]] * 2
    assert [s.entities[-1] for s in suggestions] == ["light.aardvark", "switch.zebra"]
