"""Time-of-day habits: an entity goes to a state around the same local time on most days.

A habit is judged against the entity's own use: how likely is it that on a day the entity goes to
that state inside the habit's window by chance, given when (at the scale of hours) it is used on
the days of that kind? A light used at random times all evening is not a habit at 20:15.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from ..gil import let_the_loop_in
from ..history.arrays import History, stable_order, weekday_of
from .backtest import Backtest, replay_habit
from .change_cluster import ChangeCluster, use_by_weekday
from .day_sets import choose_day_set
from .days import DAY_TYPES, IGNORED_STATES, WEEKDAY_NAMES, day_set_name
from .habit_settings import MIN_HALF_WIDTH, HabitSettings
from .time_of_day import MINUTES_PER_DAY, circular_distance, circular_mean_spread

# The evidence series kept per habit (for a picture of it): at most this many times per day and
# in all, the latest kept.
MAX_TIMES_PER_DAY = 8
MAX_TIMES = 720
GROUPS_PER_BLOCK = 256  # kinds whose times are tallied per minute at once


@dataclass(frozen=True, kw_only=True)
class Habit:
    """Evidence that `entity_id` goes to `state` around `minute` (local) on `days`."""

    entity_id: str
    state: str
    days: str  # "all", "weekdays", "weekends" or a set of weekdays such as "mon,wed,fri"
    minute: float  # circular mean, local minutes after midnight
    spread_minutes: float  # circular standard deviation
    occurrences: int
    distinct_days: int
    eligible_days: int
    first_seen: float
    last_seen: float
    lift: float  # share of days over the chance of the entity's own use in the window
    chance: float = 0.0  # that chance, per day
    backtest: Backtest | None = None
    # (local day number, local minute) of each day it happened, the change closest to its time
    day_times: tuple[tuple[int, float], ...] = ()
    away_days: int = 0  # days nobody was home at that time (and it never happened then)
    half_width_minutes: float = MIN_HALF_WIDTH  # what counts as "around" the time, either side
    first_day: int = 0  # local day number of the lookback's first day
    day_count: int = 0  # days from the first whole day of the lookback to its last
    # Day indices from first_day Home Assistant did not record (neither counted nor drawn as such).
    unrecorded: tuple[int, ...] = ()
    # (day index from first_day, local minute) of every time it went to `state` by hand.
    times: tuple[tuple[int, int], ...] = ()
    # Per day from first_day, the suggested band (local minutes) when it moves (with the sun).
    bands: tuple[tuple[int, int] | None, ...] = ()

    @property
    def ratio(self) -> float:
        """Return the share of eligible days on which it happened."""
        return self.distinct_days / self.eligible_days if self.eligible_days else 0.0

    @property
    def weekdays(self) -> tuple[str, ...]:
        """Return the weekday names (mon ... sun) the habit is for."""
        if self.days in DAY_TYPES:
            return tuple(WEEKDAY_NAMES[d] for d in sorted(DAY_TYPES[self.days]))
        return tuple(self.days.split(","))


def _clusters(
    minutes: npt.NDArray[np.float64], settings: HabitSettings
) -> list[npt.NDArray[np.intp]]:
    """Split times of day into dense groups, densest first (circular, so midnight is no edge).

    Stops at the first group that is hardly denser than the entity's use spread evenly over the
    day: no later one is denser, and a habit always stands out at this scale.
    """
    remaining = np.arange(len(minutes))
    groups: list[npt.NDArray[np.intp]] = []
    even = len(minutes) * 2 * settings.window_minutes / MINUTES_PER_DAY
    while len(remaining) >= settings.min_days:
        values = minutes[remaining]
        most = _most_near(_per_minute(values, 0, 1), settings)[0]
        if most < max(settings.min_days, settings.min_density * even):
            break  # (no group could be dense enough, wherever its centre settled)
        bins = np.bincount((values // 10).astype(np.int64) % 144, minlength=144).astype(np.float64)
        around = np.concatenate((bins[-2:], bins, bins[:2]))  # (round the clock)
        smooth = bins + around[1:-3] + around[3:-1] + around[:-4] + around[4:]
        centre = (int(np.argmax(smooth)) * 10 + 5) % MINUTES_PER_DAY
        for _ in range(3):  # settle the centre on the group's circular mean
            near = circular_distance(values, centre) <= settings.window_minutes
            centre, _ = circular_mean_spread(values[near])
        near = circular_distance(values, centre) <= settings.window_minutes
        if near.sum() < max(settings.min_days, settings.min_density * even):
            break
        groups.append(remaining[near])
        remaining = remaining[~near]
    return groups


def _may_cluster(
    minutes: npt.NDArray[np.float64], sizes: npt.NDArray[np.intp], settings: HabitSettings
) -> npt.NDArray[np.bool_]:
    """Return, for each run of `sizes` times in `minutes`, whether `_clusters` may find any."""
    even = sizes * 2 * settings.window_minutes / MINUTES_PER_DAY
    needed = np.maximum(settings.min_days, settings.min_density * even)
    starts = np.concatenate(([0], np.cumsum(sizes)))
    result = np.zeros(len(sizes), np.bool_)
    for first in range(0, len(sizes), GROUPS_PER_BLOCK):  # (bounds the tables' memory)
        last = min(first + GROUPS_PER_BLOCK, len(sizes))
        rows = slice(starts[first], starts[last])
        group = np.repeat(np.arange(last - first), sizes[first:last])
        most = _most_near(_per_minute(minutes[rows], group, last - first), settings)
        result[first:last] = (sizes[first:last] >= settings.min_days) & (most >= needed[first:last])
    return result


def _per_minute(
    minutes: npt.NDArray[np.float64], group: npt.NDArray[np.intp] | int, count: int
) -> npt.NDArray[np.int64]:
    """Return how many times fall in each minute of the day, a row per group (0 ... count-1)."""
    cells = group * 1440 + minutes.astype(np.int64) % 1440
    return np.bincount(cells, minlength=count * 1440).reshape(count, 1440)


def _most_near(per_minute: npt.NDArray[np.int64], settings: HabitSettings) -> npt.NDArray[np.int64]:
    """Return at least the most times within the window of any centre, per row (round the clock)."""
    # The minutes a window can touch, and one more either side (rounding cannot cross that).
    span = int(2 * settings.window_minutes) + 4
    if span >= per_minute.shape[1]:
        result: npt.NDArray[np.int64] = per_minute.sum(axis=1)
    else:
        before = np.zeros((len(per_minute), 1), np.int64)
        running = np.cumsum(np.hstack((before, per_minute, per_minute[:, : span - 1])), axis=1)
        result = (running[:, span:] - running[:, :-span]).max(axis=1)
    return result


def _roughly_tight(
    minutes: npt.NDArray[np.float64], days: npt.NDArray[np.int64], settings: HabitSettings
) -> bool:
    """Return whether each day's change closest to the cluster could be tight enough (cheap)."""
    centre, _ = circular_mean_spread(minutes)
    distance = circular_distance(minutes, centre)
    order = np.lexsort((distance, days))
    first = np.ones(len(order), dtype=bool)
    first[1:] = days[order][1:] != days[order][:-1]
    return 1.4826 * float(np.median(distance[order][first])) <= 2 * settings.max_spread_minutes


def _habit_for(  # noqa: PLR0917
    history: History,
    entity_id: str,
    state: str,
    cluster: ChangeCluster,
    members: npt.NDArray[np.intp],
    person: npt.NDArray[np.float64],
    settings: HabitSettings,
) -> Habit | None:
    """Return the habit one cluster of changes shows, backtested, or None."""
    evaluation = choose_day_set(cluster, settings)
    if evaluation is None:
        return None
    chosen = evaluation.chosen
    when = history.when[members[chosen]]
    # Backtest: learn the time from the days before the last ones, then replay it over those.
    held_out = cluster.whole_days[-settings.backtest.days :]
    before = chosen[cluster.days[chosen] < held_out[0]] if len(held_out) else chosen[:0]
    if len(held_out) < settings.backtest.days or len(before) < settings.backtest.min_learned:
        return None
    learned, _ = circular_mean_spread(cluster.minutes[before])
    backtest = replay_habit(
        minute=learned,
        days=held_out[evaluation.mask[weekday_of(held_out)]],
        person=person,
        tolerance=settings.backtest.habit_minutes,
        window=settings.window_minutes,
    )
    if not backtest.passes(settings.backtest):
        return None
    firsts = np.unique(cluster.days[chosen], return_index=True)[1]
    return Habit(
        entity_id=entity_id,
        state=state,
        days=day_set_name(evaluation.mask),
        minute=evaluation.mean,
        spread_minutes=evaluation.spread,
        occurrences=len(chosen),
        distinct_days=evaluation.hit_days,
        eligible_days=evaluation.eligible,
        first_seen=float(when.min()),
        last_seen=float(when.max()),
        lift=evaluation.lift,
        chance=evaluation.chance,
        half_width_minutes=evaluation.half_width,
        backtest=backtest,
        day_times=tuple(
            (int(cluster.days[chosen][i]), round(float(cluster.minutes[chosen][i]), 1))
            for i in firsts
        ),
    )


def detect_habits(
    history: History,
    settings: HabitSettings | None = None,
    explained: npt.NDArray[np.bool_] | None = None,
    *,
    clock: tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]] | None = None,
    away: Collection[int] = (),
) -> list[Habit]:
    """Find every (entity, state, local time, day set) habit in the manual changes.

    Changes marked in `explained` (already explained by a trigger) are left out. `clock` gives
    each change's minute and day in another frame than the local clock (the sun's, for example).
    Days in `away` (nobody home all day) are no eligible days.
    """
    settings = settings or HabitSettings()
    if not len(history):
        return []
    minutes, days = clock if clock is not None else history.local_clock()
    whole_days = history.whole_days()
    all_days = whole_days  # (the evidence series: a row for each whole day, as counted)
    whole_days = whole_days[~np.isin(whole_days, np.fromiter(away, np.int64))]
    if len(whole_days) < settings.min_days:
        return []
    habits: list[Habit] = []
    kinds, kind = history.kinds
    manual = np.flatnonzero(
        history.manual & ~explained if explained is not None else history.manual
    )
    order = manual[stable_order(kind[manual], len(kinds))]
    boundaries = np.flatnonzero(np.diff(kind[order])) + 1
    starts, ends = np.append(0, boundaries), np.append(boundaries, len(order))
    # Most kinds' times are spread too evenly to hold any cluster: all told apart at once.
    possible = _may_cluster(minutes[order], ends - starts, settings)
    for begin, end in zip(starts[possible].tolist(), ends[possible].tolist(), strict=True):
        indices = order[begin:end]
        entity_id = history.entity_ids[history.entity[indices[0]]]
        state = history.states[history.state[indices[0]]]
        if state in IGNORED_STATES:
            continue
        if len(indices) > 24 * len(whole_days):
            # Changes at least hourly all day: no time of day can stand out (a chattering sensor).
            continue
        let_the_loop_in()
        group_minutes, group_days = minutes[indices], days[indices]
        clusters = [
            members
            for members in _clusters(group_minutes, settings)
            if _roughly_tight(group_minutes[members], group_days[members], settings)
        ]
        if not clusters:  # (most kinds: the rest is not worked out for them)
            continue
        person = np.sort(group_days * MINUTES_PER_DAY + group_minutes)
        use = use_by_weekday(group_minutes, group_days, whole_days)
        for members in clusters:
            habit = _habit_for(
                history,
                entity_id,
                state,
                ChangeCluster(group_minutes, group_days, members, whole_days, settings, use),
                indices[members],
                person,
                settings,
            )
            if habit is not None:
                habits.append(_with_times(habit, group_minutes, group_days, all_days))
    return habits


def _with_times(
    habit: Habit,
    minutes: npt.NDArray[np.float64],
    days: npt.NDArray[np.int64],
    all_days: npt.NDArray[np.int64],
) -> Habit:
    """Return the habit with every time it was done by hand on the whole days, bounded in size."""
    first = int(all_days[0]) if len(all_days) else 0
    count = int(all_days[-1]) - first + 1 if len(all_days) else 0
    counted = set((all_days - first).tolist())
    per_day: dict[int, list[int]] = {}
    for day, minute in zip(days.tolist(), minutes.tolist(), strict=True):
        if day - first in counted:  # (a part day or an unrecorded one is not counted)
            per_day.setdefault(day - first, []).append(round(minute) % 1440)
    times = [
        (day, minute) for day in sorted(per_day) for minute in per_day[day][:MAX_TIMES_PER_DAY]
    ]
    return replace(
        habit,
        first_day=first,
        day_count=count,
        unrecorded=tuple(day for day in range(count) if day not in counted),
        times=tuple(times[-MAX_TIMES:]),
    )
