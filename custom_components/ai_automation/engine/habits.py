"""Time-of-day habits: an entity goes to a state around the same local time on most days."""

from __future__ import annotations

from dataclasses import dataclass, replace
import math
import time

import numpy as np
import numpy.typing as npt

from .history import History, weekday_of

MINUTES_PER_DAY = 1440.0
MIN_HALF_WIDTH = 15.0  # minutes either side of a habit's time that count as "around" it
# The evidence series kept per habit (for a picture of it): at most this many times per day and
# in all, the latest kept.
MAX_TIMES_PER_DAY = 8
MAX_TIMES = 720
IGNORED_STATES = frozenset({"unavailable", "unknown", ""})
DAY_TYPES: dict[str, frozenset[int]] = {
    "all": frozenset(range(7)),
    "weekdays": frozenset(range(5)),
    "weekends": frozenset({5, 6}),
}
# The same as masks indexed by weekday (Monday=0), cheaper than np.isin per group.
DAY_MASKS: dict[str, npt.NDArray[np.bool_]] = {
    day_type: np.isin(np.arange(7), sorted(weekdays)) for day_type, weekdays in DAY_TYPES.items()
}


@dataclass(frozen=True, kw_only=True)
class HabitSettings:
    """Thresholds a habit must pass."""

    min_days: int = 5
    min_ratio: float = 0.6
    max_spread_minutes: float = 30.0
    window_minutes: float = 75.0
    min_lift: float = 3.0  # how much more often than the entity's random use at that time


@dataclass(frozen=True, kw_only=True)
class Habit:
    """Evidence that `entity_id` goes to `state` around `minute` (local) on `days`."""

    entity_id: str
    state: str
    days: str  # "all", "weekdays" or "weekends"
    minute: float  # circular mean, local minutes after midnight
    spread_minutes: float  # circular standard deviation
    occurrences: int
    distinct_days: int
    eligible_days: int
    first_seen: float
    last_seen: float
    lift: float
    half_width_minutes: float = MIN_HALF_WIDTH  # what counts as "around" the time, either side
    first_day: int = 0  # local day number of the lookback's first day
    day_count: int = 0  # days in the lookback
    # (day index from first_day, local minute) of every time it went to `state` by hand.
    times: tuple[tuple[int, int], ...] = ()

    @property
    def ratio(self) -> float:
        """Return the share of eligible days on which it happened."""
        return self.distinct_days / self.eligible_days if self.eligible_days else 0.0


def _circular(minutes: npt.NDArray[np.float64]) -> tuple[float, float]:
    """Return the circular mean and standard deviation (in minutes) of times of day."""
    angles = minutes / MINUTES_PER_DAY * 2 * math.pi
    sin, cos = float(np.mean(np.sin(angles))), float(np.mean(np.cos(angles)))
    mean = (math.atan2(sin, cos) / (2 * math.pi) * MINUTES_PER_DAY) % MINUTES_PER_DAY
    length = min(1.0, math.hypot(sin, cos))
    spread = (
        math.sqrt(-2 * math.log(length)) / (2 * math.pi) * MINUTES_PER_DAY
        if length > 0
        else math.inf
    )
    return mean, spread


def _robust_spread(minutes: npt.NDArray[np.float64], centre: float) -> float:
    """Return a spread (minutes) that random stray events around the habit hardly inflate."""
    return float(1.4826 * np.median(_distance(minutes, centre)))


def _distance(minutes: npt.NDArray[np.float64], centre: float) -> npt.NDArray[np.float64]:
    diff = np.abs(minutes - centre) % MINUTES_PER_DAY
    return np.minimum(diff, MINUTES_PER_DAY - diff)


def _clusters(
    minutes: npt.NDArray[np.float64], settings: HabitSettings
) -> list[npt.NDArray[np.intp]]:
    """Split times of day into dense groups, densest first (circular, so midnight is no edge)."""
    remaining = np.arange(len(minutes))
    groups: list[npt.NDArray[np.intp]] = []
    while len(remaining) >= settings.min_days:
        values = minutes[remaining]
        bins = np.bincount((values // 10).astype(np.int64) % 144, minlength=144).astype(np.float64)
        smooth = bins + np.roll(bins, 1) + np.roll(bins, -1) + np.roll(bins, 2) + np.roll(bins, -2)
        centre = (int(np.argmax(smooth)) * 10 + 5) % MINUTES_PER_DAY
        for _ in range(3):  # settle the centre on the group's circular mean
            near = _distance(values, centre) <= settings.window_minutes
            centre, _ = _circular(values[near])
        near = _distance(values, centre) <= settings.window_minutes
        if near.sum() < settings.min_days:
            break
        groups.append(remaining[near])
        remaining = remaining[~near]
    return groups


def _chance(per_day: float, half_width: float) -> float:
    """Return the chance that random use at `per_day` falls within ±half_width on a day."""
    return 1 - math.exp(-per_day * 2 * half_width / MINUTES_PER_DAY)


def _best_lift(per_day: float) -> float:
    """Return a bound on the lift any habit of a group can reach (every day, narrowest window).

    The share of days can exceed 1 by one day (a habit around midnight counts the evening
    before the first day), and a habit needs at least 4 eligible days: hence 5/4.
    """
    chance = _chance(per_day, MIN_HALF_WIDTH)
    return 1.25 / chance if chance > 0 else math.inf


def _habit_for(  # noqa: PLR0917
    history: History,
    entity_id: str,
    state: str,
    members: npt.NDArray[np.intp],
    minutes: npt.NDArray[np.float64],
    days: npt.NDArray[np.int64],
    eligible_days: dict[str, int],
    settings: HabitSettings,
    per_day: float,
) -> Habit | None:
    """Return the habit one group of changes shows, with the narrowest day type that fits.

    "all" needs weekdays and weekends each to pass on their own; otherwise the day type that
    passes is reported, so a weekday habit is not diluted into a weak every-day one.
    """
    candidates: dict[str, Habit] = {}
    # Count days from a boundary twelve hours away from the habit, so 23:55 and 00:05 of the
    # following night are the same evening's habit.
    when = history.when[members]
    minutes = minutes[members]
    centre, _ = _circular(minutes)
    delta = minutes - centre
    days = days[members] - (delta < -MINUTES_PER_DAY / 2) + (delta > MINUTES_PER_DAY / 2)
    weekdays = weekday_of(days)
    for day_type in ("weekdays", "weekends", "all"):
        chosen = np.flatnonzero(DAY_MASKS[day_type][weekdays])
        eligible = eligible_days[day_type]
        if len(chosen) < settings.min_days or eligible == 0:
            continue
        mean, _ = _circular(minutes[chosen])
        spread = _robust_spread(minutes[chosen], mean)
        half_width = max(2.5 * spread, MIN_HALF_WIDTH)
        chosen = chosen[_distance(minutes[chosen], mean) <= half_width]
        distinct = len(np.unique(days[chosen]))
        # Chance that random use of this entity (at its overall rate) hits the window on a day.
        chance = _chance(per_day, half_width)
        lift = (distinct / eligible) / chance if chance > 0 else math.inf
        if (
            distinct / eligible >= settings.min_ratio
            and spread <= settings.max_spread_minutes
            and lift >= settings.min_lift
        ):
            candidates[day_type] = Habit(
                entity_id=entity_id,
                state=state,
                days=day_type,
                minute=mean,
                spread_minutes=spread,
                occurrences=len(chosen),
                distinct_days=distinct,
                eligible_days=eligible,
                first_seen=float(when[chosen].min()),
                last_seen=float(when[chosen].max()),
                lift=lift,
                half_width_minutes=half_width,
            )
    weekend_days = eligible_days["weekends"]
    if "all" in candidates and "weekdays" in candidates:
        # Every day only if the weekend days of the window show it as often as weekdays do.
        weekend = np.unique(days[DAY_MASKS["weekends"][weekdays]])
        if weekend_days == 0 or len(weekend) / weekend_days >= settings.min_ratio:
            return candidates["all"]
    for day_type in ("weekdays", "weekends"):
        if day_type in candidates and candidates[day_type].distinct_days >= settings.min_days:
            return candidates[day_type]
    return None


def detect_habits(
    history: History,
    settings: HabitSettings | None = None,
    explained: npt.NDArray[np.bool_] | None = None,
) -> list[Habit]:
    """Find every (entity, state, local time, day type) habit in the manual changes.

    Changes marked in `explained` (already explained by a trigger) are left out.
    """
    settings = settings or HabitSettings()
    if not len(history):
        return []
    minutes, days = history.local_clock()
    all_days = history.local_days()
    all_weekdays = weekday_of(all_days)
    eligible_days = {
        day_type: int(mask[all_weekdays].sum()) for day_type, mask in DAY_MASKS.items()
    }
    habits: list[Habit] = []
    keys = history.entity.astype(np.int64) * len(history.states) + history.state
    manual = np.flatnonzero(
        history.manual & ~explained if explained is not None else history.manual
    )
    order = manual[np.argsort(keys[manual], kind="stable")]
    boundaries = np.flatnonzero(np.diff(keys[order])) + 1
    for group in np.split(order, boundaries):
        if len(group) < settings.min_days:
            continue
        entity_id = history.entity_ids[history.entity[group[0]]]
        state = history.states[history.state[group[0]]]
        if state in IGNORED_STATES:
            continue
        per_day = len(group) / max(len(all_days), 1)
        if _best_lift(per_day) < settings.min_lift:
            # So frequent that even a habit on every day in the narrowest window would be no
            # likelier than chance: no habit can come out of this group (a chattering sensor).
            continue
        time.sleep(0)  # let other threads (Home Assistant's event loop) take the GIL
        for members in _clusters(minutes[group], settings):
            habit = _habit_for(
                history,
                entity_id,
                state,
                group[members],
                minutes,
                days,
                eligible_days,
                settings,
                per_day,
            )
            if habit is not None:
                habits.append(_with_times(habit, minutes[group], days[group], all_days))
    return habits


def _with_times(
    habit: Habit,
    minutes: npt.NDArray[np.float64],
    days: npt.NDArray[np.int64],
    all_days: npt.NDArray[np.int64],
) -> Habit:
    """Return the habit with every time it was done by hand in the lookback, bounded in size."""
    first = int(all_days[0]) if len(all_days) else 0
    per_day: dict[int, list[int]] = {}
    for day, minute in zip(days.tolist(), minutes.tolist(), strict=True):
        per_day.setdefault(day - first, []).append(round(minute) % 1440)
    times = [
        (day, minute) for day in sorted(per_day) for minute in per_day[day][:MAX_TIMES_PER_DAY]
    ]
    return replace(habit, first_day=first, day_count=len(all_days), times=tuple(times[-MAX_TIMES:]))
