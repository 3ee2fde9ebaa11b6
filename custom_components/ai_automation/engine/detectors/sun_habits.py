"""Sun-relative habits: an entity goes to a state at a steady offset from sunset or sunrise.

Times are moved into the sun's frame (each day's change minus that day's sunset, plus the mean
sunset) and judged there exactly like clock habits (baseline, day sets, backtest). A habit is
the sun's only when its spread there is clearly narrower than on the clock, and the sun moved
enough over its days to tell the two apart (around the solstices it stands still for weeks, and
a clock habit's scatter would then fit "474 min after sunset" by chance).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt

from ..history.arrays import History
from .habit_settings import HabitSettings
from .habits import Habit, detect_habits
from .time_of_day import robust_spread

SUN_EVENTS = ("sunset", "sunrise")


@dataclass(frozen=True, kw_only=True)
class SunHabitSettings:
    """When the sun explains a habit better than the clock."""

    habits: HabitSettings = field(default_factory=HabitSettings)
    max_spread_share: float = 0.6  # sun spread at most this share of the clock spread...
    min_spread_gain: float = 2.0  # ...and at least this many minutes narrower...
    min_slope: float = 0.7  # ...and the clock times clearly move with the sun (1), not (0)...
    min_sun_move: float = 0.5  # ...which moved at least this share of their spread on the clock


@dataclass(frozen=True, kw_only=True)
class SunHabit:
    """Evidence that `habit` happens `offset_minutes` after (negative: before) the `event`."""

    event: str  # "sunset" or "sunrise"
    offset_minutes: float
    clock_spread_minutes: float  # the spread the same days show on the clock
    habit: Habit  # judged in the sun's frame: its minute is the mean event time plus the offset


def detect_sun_habits(
    history: History,
    sun: Mapping[str, Mapping[int, float]],
    settings: SunHabitSettings | None = None,
    explained: npt.NDArray[np.bool_] | None = None,
    away: Collection[int] = (),
) -> list[SunHabit]:
    """Find habits that follow sunset or sunrise (`sun`: event -> local day -> local minute)."""
    settings = settings or SunHabitSettings()
    if not len(history):
        return []
    _, days = history.local_clock()
    found: list[SunHabit] = []
    for event in SUN_EVENTS:
        times = sun.get(event) or {}
        if not times:
            continue
        mean = float(np.mean(list(times.values())))
        shifted, skip = _in_the_suns_frame(history, times, mean, explained)
        for habit in detect_habits(history, settings.habits, skip, clock=(shifted, days)):
            # The same days on the clock: undo the shift day by day.
            clock = np.array(
                [minute + times.get(day, mean) - mean for day, minute in habit.day_times],
                dtype=np.float64,
            )
            on_clock = robust_spread(clock % 1440.0, _clock_centre(clock))
            event_times = np.array([times.get(day, mean) for day, _ in habit.day_times], np.float64)
            if (
                habit.spread_minutes <= settings.max_spread_share * on_clock
                and on_clock - habit.spread_minutes >= settings.min_spread_gain
                and float(np.std(event_times)) >= settings.min_sun_move * on_clock
                and _slope(event_times, clock) >= settings.min_slope
            ):
                offset = (habit.minute - mean + 720) % 1440 - 720
                found.append(
                    SunHabit(
                        event=event,
                        offset_minutes=offset,
                        clock_spread_minutes=on_clock,
                        habit=_on_the_clock(habit, times, mean, offset),
                    )
                )
    return found


def _in_the_suns_frame(
    history: History,
    times: Mapping[int, float],
    mean: float,
    explained: npt.NDArray[np.bool_] | None,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """Return each change's minute in the sun's frame, and which to skip (no sun that day too).

    Only people's changes are moved: habits are looked for in those alone (the rest is not read).
    """
    minutes, days = history.local_clock()
    rows = np.flatnonzero(history.manual)
    first = min(times)
    table = np.full(max(times) - first + 1, np.nan)
    table[np.fromiter(times, np.int64) - first] = np.fromiter(times.values(), np.float64)
    day, minute = days[rows], minutes[rows]
    inside = (day >= first) & (day < first + len(table))
    event_minute = np.full(len(rows), np.nan)
    event_minute[inside] = table[day[inside] - first]
    unknown = np.isnan(event_minute)
    shifted = np.zeros(len(history))
    shifted[rows] = np.where(unknown, minute, minute - event_minute + mean) % 1440.0
    skip = np.zeros(len(history), np.bool_) if explained is None else explained.copy()
    skip[rows] |= unknown
    return shifted, skip


def _on_the_clock(habit: Habit, times: Mapping[int, float], mean: float, offset: float) -> Habit:
    """Return the habit with its evidence series on the clock.

    Each time as it was on the clock, and a band that follows the day's sun event (none on a day
    without one).
    """
    first = habit.first_day
    bands: list[tuple[int, int] | None] = []
    for day in range(habit.day_count):
        if (event := times.get(first + day)) is None:
            bands.append(None)
            continue
        centre = event + offset
        bands.append(
            (
                round(centre - habit.half_width_minutes) % 1440,
                round(centre + habit.half_width_minutes) % 1440,
            )
        )
    clock = tuple(
        (day, round(minute + times.get(first + day, mean) - mean) % 1440)
        for day, minute in habit.times
    )
    return replace(habit, times=clock, bands=tuple(bands))


def _slope(sun: npt.NDArray[np.float64], clock: npt.NDArray[np.float64]) -> float:
    """Return how many minutes the clock times move per minute the sun moves (least squares)."""
    spread = float(np.var(sun))
    if spread < 1.0 or len(sun) < 3:
        return 0.0  # the sun hardly moved: nothing tells sun and clock apart
    centred = (clock - sun - np.median(clock - sun) + 720) % 1440 - 720 + sun  # unwrap
    return float(np.cov(sun, centred, bias=True)[0, 1] / spread)


def _clock_centre(minutes: npt.NDArray[np.float64]) -> float:
    angles = minutes / 1440.0 * 2 * np.pi
    return float(np.arctan2(np.sin(angles).mean(), np.cos(angles).mean()) / (2 * np.pi) * 1440.0)
