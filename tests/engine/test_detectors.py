"""Tests for the habit and sequence detectors, on small hand-made histories and a synthetic home."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from custom_components.ai_automation.engine.detectors.groups import detect_groups, together
from custom_components.ai_automation.engine.detectors.habits import detect_habits
from custom_components.ai_automation.engine.detectors.overrides import detect_overrides
from custom_components.ai_automation.engine.detectors.presence import days_away, with_presence
from custom_components.ai_automation.engine.detectors.sequences import detect_sequences
from custom_components.ai_automation.engine.detectors.sun_habits import detect_sun_habits
from custom_components.ai_automation.engine.history.arrays import Change, History
from custom_components.ai_automation.engine.suggestions.build import build_suggestions

from ..real_homes import FLAKY_ENTITY, NODE_RED_ENTITY, build_real, score_by_kind, suggest
from ..synthetic_home import build, habit_matches, score, sun_times

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
    assert (habit.distinct_days, habit.eligible_days) == (28, 28)


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
    assert (habit.distinct_days, habit.eligible_days) == (20, 20)


def test_unavailable_is_not_a_habit() -> None:
    """A device dropping off the network every night is not something to automate."""
    assert detect_habits(_history(_daily("light.kitchen", "unavailable", 120))) == []


def _at(day: int, minute: float) -> float:
    return (START + timedelta(days=day, minutes=minute)).timestamp()


@pytest.mark.parametrize("seed", range(6))
def test_use_spread_over_a_band_is_not_a_habit(seed: int) -> None:
    """A door unlocked at random times between 06:30 and 09:30 every day has no habit."""
    rng = np.random.default_rng(seed)
    changes = [
        Change("lock.front_door", "unlocked", _at(day, rng.uniform(390, 570)), True)
        for day in range(28)
    ]
    assert detect_habits(_history(changes)) == []


def test_every_day_needs_weekends_on_their_own() -> None:
    """A weekday habit at 20:22 with random weekend evening use stays a weekday habit at 20:22."""
    rng = np.random.default_rng(3)
    changes = []
    for day in range(28):
        weekday = (START + timedelta(days=day)).weekday()
        minute = 1222 + rng.normal(0, 5) if weekday < 5 else rng.uniform(1080, 1380)
        changes.append(Change("light.hall", "off", _at(day, minute), True))
    (habit,) = detect_habits(_history(changes))
    assert habit.days == "weekdays"
    assert abs(habit.minute - 1222) < 5


def test_weekday_set_found_in_the_data() -> None:
    """Monday, Wednesday and Friday at 18:00 is found as that set, not as weekdays."""
    changes = [
        Change("switch.gym_heater", "on", _at(day, 1080 + day % 5), True)
        for day in range(28)
        if (START + timedelta(days=day)).weekday() in {0, 2, 4}
    ]
    (habit,) = detect_habits(_history(changes))
    assert habit.days == "mon,wed,fri"
    assert habit.weekdays == ("mon", "wed", "fri")
    assert (habit.distinct_days, habit.eligible_days) == (12, 12)


def test_partial_days_are_not_eligible() -> None:
    """A window from 03:10 to 03:10 counts only the whole days between as eligible."""
    start = START + timedelta(hours=3, minutes=10)
    history = History.from_changes(
        _daily("light.kitchen", "on", 405),
        start=start.timestamp(),
        end=(start + timedelta(days=28)).timestamp(),
        time_zone="Europe/Berlin",
    )
    (habit,) = detect_habits(history)
    assert habit.eligible_days == 27
    assert habit.distinct_days == 27  # the 06:45 of the partial first day does not count


def test_backtest_figures_kept_and_stopped_habits_dropped() -> None:
    """A steady habit keeps its replay of the last 7 days; one that stopped a week ago is dropped."""
    (habit,) = detect_habits(_history(_daily("light.kitchen", "on", 405)))
    assert habit.backtest is not None
    assert (habit.backtest.right, habit.backtest.wrong) == (7, 0)
    assert [result for _, result in habit.backtest.results] == ["right"] * 7
    stopped = [c for c in _daily("light.kitchen", "on", 405) if c.when < _at(21, 0)]
    assert detect_habits(_history(stopped)) == []


def test_sequence_that_stopped_is_dropped() -> None:
    """Motion then light for three weeks, then motion alone for the last week: not suggested."""
    changes = _pairs("binary_sensor.hall_motion", "light.hall", 28, 8.0)
    changes = [c for c in changes if not (c.manual and c.when >= _at(21, 0))]
    sequences, _ = detect_sequences(_history(changes))
    assert sequences == []


def _pairs(first: str, second: str, count: int, delay: float) -> list[Change]:
    changes = []
    for index in range(count):  # spread over the four weeks, the last (held-out) week too
        at = (START + timedelta(days=index * 28 // count, hours=19)).timestamp()
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
    assert sequence.backtest is not None
    assert (sequence.backtest.right, sequence.backtest.wrong) == (2, 0)


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
    """Homes with use in 2-3 h bands: >= 95 % of planted patterns found, >= 97 % of findings planted."""
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
        # Random use inside a band of the day is never a habit.
        assert not any(h.entity_id in {"lock.front_door", "climate.heating"} for h in habits)
    assert found / planted >= 0.94
    assert true / reported >= 0.97


@pytest.mark.parametrize("empty", [[], [Change("light.a", "on", START.timestamp(), False)]])
def test_nothing_to_find(empty: list[Change]) -> None:
    """An empty or automation-only history yields nothing and no error."""
    history = _history(empty)
    sequences, _ = detect_sequences(history)
    assert sequences == []
    assert detect_habits(history) == []


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


def test_lights_switched_together_are_one_group() -> None:
    """Three living-room lights at about 19:00 on weekdays, within half a minute: one suggestion."""
    rng = np.random.default_rng(5)
    lights = ("light.living_1", "light.living_2", "light.living_3")
    changes = []
    for day in range(28):
        if (START + timedelta(days=day)).weekday() >= 5:
            continue
        at = _at(day, 1140 + rng.normal(0, 6))
        for offset, light in zip(rng.permutation(3) * 12, lights, strict=True):
            changes.append(Change(light, "on", at + offset, True))
            changes.append(Change(light, "off", at + 3 * 3600 + offset, True))
    history = _history(changes)
    (group,) = [g for g in detect_groups(history) if g.members[0][1] == "on"]
    assert sorted(group.members) == [(light, "on") for light in lights]
    groups = detect_groups(history)
    sequences, explained = detect_sequences(history, together=together(groups))
    assert not [s for s in sequences if s.trigger_entity in lights]
    habits = detect_habits(history, explained=explained)
    suggestions = build_suggestions(habits, sequences, [], names={}, groups=groups)
    morning = [s for s in suggestions if "around 19:" in s.title]
    assert [s.kind for s in morning] == ["group"]
    (one,) = morning
    assert one.title.startswith("Turn on Living ")
    assert all(f"Living {n}" in one.title for n in (1, 2, 3))
    assert one.title.endswith("on weekdays")
    assert one.automation is not None
    assert sorted(a["target"]["entity_id"] for a in one.automation["actions"]) == list(lights)
    assert one.automation["triggers"][0]["trigger"] == "time"
    assert not [s for s in suggestions if s.kind == "sequence"]


def test_real_homes_quality_per_kind() -> None:
    """Ten homes in five time zones: >= 94 % found, >= 97 % right, no kind under 90 %.

    Except a set of weekdays found in the data: it is one of 127 sets that could have been
    picked, so four weeks with days away are at the edge of enough evidence (>= 80 %).
    """
    homes = [(home := build_real(n + 1, n % 5), suggest(home)) for n in range(10)]
    by_kind, true, reported = score_by_kind(homes)
    found = sum(hit for hit, _ in by_kind.values())
    planted = sum(total for _, total in by_kind.values())
    assert found / planted >= 0.94
    assert true / reported >= 0.97
    floors = {kind: 0.8 if kind == "weekday set" else 0.9 for kind in by_kind}
    assert {kind: hit / total >= floors[kind] for kind, (hit, total) in by_kind.items()} == (
        dict.fromkeys(by_kind, True)
    )
    for _, suggestions in homes:
        # Nothing from automations, the tool account's schedule, or a device dropping off.
        assert not [s for s in suggestions if {NODE_RED_ENTITY, FLAKY_ENTITY} & set(s.entities)]
        assert not [s for s in suggestions if "light.garden" in s.entities]


def test_undone_automations_and_what_is_not_watched() -> None:
    """Turned back off within minutes on most days is found; unknown or idle targets are not."""
    changes = []
    for day in range(7):
        changes.append(Change("light.kitchen", "on", _at(day, 362), False))
        changes.append(Change("light.kitchen", "off", _at(day, 365 if day < 5 else 480), True))
    changes.append(Change("light.desk", "on", _at(1, 600), True))
    watched = [
        ("a", "light.kitchen", "on"),
        ("b", "light.unknown", "on"),
        ("c", "light.desk", "on"),
    ]
    (undone,) = detect_overrides(_history(changes), watched)
    assert (undone.key, undone.acted_days, undone.undone_days) == ("a", 7, 5)


def test_presence_needs_a_home_zone_and_reads_unknown_as_home() -> None:
    """Without zone.home nothing is marked; an unknown count is not taken for an empty home."""
    habits = detect_habits(_history(_daily("light.lamp", "on", 1200)))
    history = _history(_daily("light.lamp", "on", 1200))
    assert with_presence(history, habits) == habits
    assert days_away(history) == set()
    unknown = _history(
        [*_daily("light.lamp", "on", 1200), Change("zone.home", "unknown", _at(0, 1), False)]
    )
    assert days_away(unknown) == set()
    assert [h.away_days for h in with_presence(unknown, habits)] == [0]


def test_habit_keeps_each_day_and_time_for_its_picture() -> None:
    """A habit carries every time it was done, per whole (counted) day, at most 8 a day."""
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
    assert habit.day_count == 28 == len(_history(changes).whole_days())  # not the part day
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
