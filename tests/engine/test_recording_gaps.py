"""Days Home Assistant was not recording are neither days a habit happened nor days it failed."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from custom_components.ai_automation.engine.detectors.run import detect
from custom_components.ai_automation.engine.history.arrays import Change, History
from custom_components.ai_automation.engine.suggestions.build import build_suggestions

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 11, 2, tzinfo=BERLIN)  # a Monday; no change of the clocks in two weeks
DAYS = 14
GAP = (9, 12)  # HA was off from day 9's midnight to day 12's: three days without a row
JITTER = (-6, 3, 0, 5, -2, 4, -4)


def _at(day: int, minute: float) -> float:
    return (START + timedelta(days=day, minutes=minute)).timestamp()


def _kitchen_with_a_gap() -> list[Change]:
    """Kitchen light on at 06:45 every day HA recorded, except day 8 (a day off: at 10:30)."""
    changes = []
    for day in range(DAYS):
        if GAP[0] <= day < GAP[1]:
            continue
        minute = 630 if day == 8 else 405 + JITTER[day % 7]
        changes.append(Change("light.kitchen", "on", _at(day, minute), manual=True))
        changes.append(Change("light.kitchen", "off", _at(day, 1380 + JITTER[day % 7]), True))
        changes.append(Change("binary_sensor.door", "on", _at(day, 480 + 7 * day), False))
    return changes


def _history(runs: tuple[tuple[float, float], ...] | None) -> History:
    return History.from_changes(
        _kitchen_with_a_gap(),
        start=_at(0, 0),
        end=_at(DAYS, 0),
        time_zone="Europe/Berlin",
        runs=runs,
        runs_since=_at(0, 0) if runs is not None else float("-inf"),
    )


def test_a_recording_gap_is_neither_hit_nor_miss() -> None:
    """A 3-day gap in 14 days: the habit is found, seen on 10 of the 11 recorded days.

    Counted as misses, the gap would lower the share to 10 of 14 and the replay of the last 7 days
    to 3 right and 4 wrong: the habit would be dropped.
    """
    runs = ((_at(0, 0), _at(GAP[0], 0)), (_at(GAP[1], 0), _at(DAYS, 0)))
    found = detect(_history(runs), {})
    suggestions = build_suggestions(
        found.habits, found.sequences, [], names={}, sun_habits=found.sun_habits
    )
    (kitchen,) = [s for s in suggestions if s.evidence.get("state") == "on"]
    assert kitchen.title.startswith("Turn on Kitchen around 06:4")
    assert kitchen.title.endswith("every day")
    assert (kitchen.evidence["distinct_days"], kitchen.evidence["eligible_days"]) == (10, 11)
    # The replay covers the last 7 days HA recorded: the gap's days are not among them.
    replayed = [day["date"] for day in kitchen.evidence["backtest_days"]]
    gap_dates = {(START + timedelta(days=d)).date().isoformat() for d in range(*GAP)}
    assert len(replayed) == 7
    assert not gap_dates & set(replayed)
    assert (kitchen.evidence["backtest_right"], kitchen.evidence["backtest_wrong"]) == (6, 1)


def test_which_days_count_as_recorded() -> None:
    """A day counts when HA recorded half of it or more; before its oldest run, every day does."""
    history = History.from_changes(
        [Change("light.a", "on", _at(6, 60), True)],
        start=_at(0, 0),
        end=_at(8, 0),
        time_zone="Europe/Berlin",
        # Runs known from day 3's noon on: until day 4's 10:00, and from day 5's 13:00 to day
        # 6's 11:00 (HA off in between, and after).
        runs=((_at(3, 720), _at(4, 600)), (_at(5, 780), _at(6, 660))),
        runs_since=_at(3, 720),
    )
    days = [int(day) - int(history.local_days()[0]) for day in history.whole_days()]
    # Days 0-2 before the runs are known; day 3 half before, half recorded; day 4 only until
    # 10:00; day 5 from 13:00 (less than half); day 6 until 11:00 though it has a change.
    assert days == [0, 1, 2, 3]
    assert history.recorded_seconds() == ((_at(4, 600) - _at(0, 0)) + (_at(6, 660) - _at(5, 780)))
    unknown = History.from_changes([], start=_at(0, 0), end=_at(8, 0), time_zone="Europe/Berlin")
    assert len(unknown.whole_days()) == 8


def test_the_picture_has_a_row_per_day_and_marks_the_gap_as_not_counted() -> None:
    """The card's rows: every day from the first whole day to the last, the gap's days marked.

    The rows not marked are the days counted ("10 of 11"), so the picture and the words agree.
    """
    runs = ((_at(0, 0), _at(GAP[0], 0)), (_at(GAP[1], 0), _at(DAYS, 0)))
    found = detect(_history(runs), {})
    suggestions = build_suggestions(
        found.habits, found.sequences, [], names={}, sun_habits=found.sun_habits
    )
    (kitchen,) = [s for s in suggestions if s.evidence.get("state") == "on"]
    series = kitchen.evidence["series"]
    assert series["days"] == DAYS
    assert series["unrecorded"] == list(range(*GAP))
    assert series["days"] - len(series["unrecorded"]) == kitchen.evidence["eligible_days"]
    assert not {day for day, _ in series["times"]} & set(range(*GAP))
