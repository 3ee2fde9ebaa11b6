"""Which days a habit is for: the broader set unless a narrower one is clearly better."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from custom_components.ai_automation.engine.detectors.days import DAY_TYPES
from custom_components.ai_automation.engine.detectors.habits import detect_habits
from custom_components.ai_automation.engine.history.arrays import Change, History

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 10, 12, tzinfo=BERLIN)


def _history(changes: list[Change], days: int) -> History:
    end = START + timedelta(days=days)
    return History.from_changes(
        changes, start=START.timestamp(), end=end.timestamp(), time_zone="Europe/Berlin"
    )


def _at(day: int, minute: float) -> float:
    return (START + timedelta(days=day, minutes=minute)).timestamp()


@pytest.mark.parametrize("days", [18, 21, 24, 28, 35])
def test_a_lock_used_at_random_in_a_band_has_no_weekday_set(days: int) -> None:
    """A lock unlocked at random between 07:30 and 10:30: no "Mon and Sat" found by chance."""
    found = []
    for seed in range(60):
        rng = np.random.default_rng(seed)
        changes = [
            Change("lock.front_door", "unlocked", _at(day, rng.uniform(450, 630)), True)
            for day in range(days)
            if rng.random() < 0.9
        ]
        found += [(seed, h.days) for h in detect_habits(_history(changes, days))]
    assert [(seed, name) for seed, name in found if name not in DAY_TYPES] == []


def test_a_light_switched_off_every_night_is_an_every_day_habit() -> None:
    """Off at 23:50 on most days (a few missed): every day, never "on weekdays" or "at weekends"."""
    found = []
    for seed in range(40):
        rng = np.random.default_rng(seed)
        changes = [
            Change("light.living_room", "off", _at(day, 1430 + rng.normal(0, 4)), True)
            for day in range(24)
            if rng.random() < 0.8
        ]
        found += [(seed, h.days) for h in detect_habits(_history(changes, 24))]
    assert [(seed, name) for seed, name in found if name != "all"] == []
    assert len(found) >= 36


def test_a_heater_used_on_three_weekdays_in_three_weeks_is_that_weekday_set() -> None:
    """On at 17:30 on 7 of 9 Mon/Wed/Fri, never on other days: "mon,wed,fri", not nothing."""
    missed = {2, 18}  # (a Wednesday and a Friday)
    offsets = [-9, 4, -3, 8, -6, 1, 10, -2, 5, -7, 3]  # (minutes: as late or early as people are)
    changes = [
        Change("switch.gym_heater", "on", _at(day, 1050 + offsets[day % 11]), True)
        for day in range(21)
        if day % 7 in {0, 2, 4} and day not in missed
    ]
    found = [(h.days, abs(h.minute - 1050) <= 10) for h in detect_habits(_history(changes, 21))]
    assert found == [("mon,wed,fri", True)]
