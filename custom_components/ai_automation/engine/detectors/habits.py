"""Time-of-day habits: an entity goes to a state around the same local time on most days.

A habit is judged against the entity's own use: how likely is it that on a day the entity goes to
that state inside the habit's window by chance, given when (at the scale of hours) it is used on
the days of that kind? A light used at random times all evening is not a habit at 20:15.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
import functools
import math

import numpy as np
import numpy.typing as npt

from ..gil import let_the_loop_in
from ..history.arrays import History, weekday_of
from .backtest import Backtest, BacktestSettings, replay_habit

MINUTES_PER_DAY = 1440.0
MIN_HALF_WIDTH = 15.0  # minutes either side of a habit's time that count as "around" it
BIN_MINUTES = 5
BINS = int(MINUTES_PER_DAY) // BIN_MINUTES
# The evidence series kept per habit (for a picture of it): at most this many times per day and
# in all, the latest kept.
MAX_TIMES_PER_DAY = 8
MAX_TIMES = 720
IGNORED_STATES = frozenset({"unavailable", "unknown", ""})
DAY_SETS_TRIED = 2**7 - 1  # the sets of weekdays a found set is picked from
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
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
    max_spread_minutes: float = 20.0
    window_minutes: float = 75.0
    min_density: float = 1.5  # a cluster holds this many times its share of evenly spread use
    # How much more often than the entity's own use at that time of day (hours' scale) explains.
    min_lift: float = 2.0
    max_p_value: float = 1e-4  # the chance of seeing that many days by chance alone
    baseline_minutes: float = 90.0  # smoothing of the entity's time-of-day use
    width: float = 2.0  # a habit's window: this many spreads either side of its time
    day_set_share: float = (
        0.5  # a weekday belongs to a found set when it shows the habit this often
    )
    day_set_margin: int = (
        3  # net days (right minus wrong) a set must beat weekdays and every day by
    )
    day_set_other_share: float = 0.2  # at most this share of the left-out days show it
    day_set_p_value: float = 1e-3  # chance of so few left-out days if they were like the set's
    day_set_weeks: int = 2  # each weekday of a found set shows it in this many different weeks
    # Weekdays (or weekends) rather than every day: the other days show it at most this share
    # as often, and that few by chance at most this often.
    narrower_share: float = 0.6
    narrower_p_value: float = 0.03
    # A found set's days against the other days, near its time (Fisher's exact test, mid-p),
    # times the sets it was picked from.
    found_set_p_value: float = 0.05
    backtest: BacktestSettings = field(default_factory=BacktestSettings)


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
    """Split times of day into dense groups, densest first (circular, so midnight is no edge).

    Stops at the first group that is hardly denser than the entity's use spread evenly over the
    day: no later one is denser, and a habit always stands out at this scale.
    """
    remaining = np.arange(len(minutes))
    groups: list[npt.NDArray[np.intp]] = []
    even = len(minutes) * 2 * settings.window_minutes / MINUTES_PER_DAY
    while len(remaining) >= settings.min_days:
        values = minutes[remaining]
        bins = np.bincount((values // 10).astype(np.int64) % 144, minlength=144).astype(np.float64)
        smooth = bins + np.roll(bins, 1) + np.roll(bins, -1) + np.roll(bins, 2) + np.roll(bins, -2)
        centre = (int(np.argmax(smooth)) * 10 + 5) % MINUTES_PER_DAY
        for _ in range(3):  # settle the centre on the group's circular mean
            near = _distance(values, centre) <= settings.window_minutes
            centre, _ = _circular(values[near])
        near = _distance(values, centre) <= settings.window_minutes
        if near.sum() < max(settings.min_days, settings.min_density * even):
            break
        groups.append(remaining[near])
        remaining = remaining[~near]
    return groups


def _binomial_tail(successes: int, trials: int, chance: float) -> float:
    """Return P(X >= successes) for X ~ Binomial(trials, chance)."""
    if successes <= 0:
        return 1.0
    if chance <= 0:
        return 0.0
    if chance >= 1:
        return 1.0
    return min(
        1.0,
        sum(
            math.comb(trials, k) * chance**k * (1 - chance) ** (trials - k)
            for k in range(successes, trials + 1)
        ),
    )


def _day_set_name(mask: npt.NDArray[np.bool_]) -> str:
    for name, day_mask in DAY_MASKS.items():
        if np.array_equal(mask, day_mask):
            return name
    return ",".join(WEEKDAY_NAMES[d] for d in np.flatnonzero(mask))


@dataclass(frozen=True)
class _Evaluation:
    """How one group of changes does as a habit on one set of weekdays, in one window."""

    mask: npt.NDArray[np.bool_]
    mean: float
    spread: float
    half_width: float
    chosen: npt.NDArray[np.intp]  # members inside the window on eligible days of the set
    hit_days: int
    eligible: int
    chance: float
    lift: float
    p_value: float

    @property
    def ratio(self) -> float:
        return self.hit_days / self.eligible if self.eligible else 0.0

    @property
    def net(self) -> int:
        """Days it would be right minus days it would be wrong."""
        return 2 * self.hit_days - self.eligible

    def passes(self, settings: HabitSettings) -> bool:
        return (
            self.hit_days >= settings.min_days
            and self.ratio >= settings.min_ratio
            and self.spread <= settings.max_spread_minutes
            and self.lift >= settings.min_lift
            and self.p_value <= settings.max_p_value
        )


@functools.cache
def _kernel(baseline_minutes: float) -> npt.NDArray[np.complex128]:
    """Return the smoothing of an entity's time-of-day use, ready to multiply its spectrum."""
    offsets = np.minimum(np.arange(BINS), BINS - np.arange(BINS))
    kernel = np.exp(-0.5 * (offsets / (baseline_minutes / BIN_MINUTES)) ** 2)
    result: npt.NDArray[np.complex128] = np.fft.rfft(kernel / kernel.sum())
    return result


def _use(
    minutes: npt.NDArray[np.float64], days: npt.NDArray[np.int64], whole_days: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """Return an entity's use by weekday and 5-minute bin, over whole days only."""
    bins = (minutes // BIN_MINUTES).astype(np.int64) % BINS
    counted = np.isin(days, whole_days)
    result: npt.NDArray[np.int64] = np.bincount(
        weekday_of(days[counted]) * BINS + bins[counted], minlength=7 * BINS
    ).reshape(7, BINS)
    return result


def _roughly_tight(
    minutes: npt.NDArray[np.float64], days: npt.NDArray[np.int64], settings: HabitSettings
) -> bool:
    """Return whether each day's change closest to the cluster could be tight enough (cheap)."""
    centre, _ = _circular(minutes)
    distance = _distance(minutes, centre)
    order = np.lexsort((distance, days))
    first = np.ones(len(order), dtype=bool)
    first[1:] = days[order][1:] != days[order][:-1]
    return 1.4826 * float(np.median(distance[order][first])) <= 2 * settings.max_spread_minutes


class _Group:
    """One (entity, state)'s manual changes, one cluster of them, and the days they could be on."""

    def __init__(  # noqa: PLR0917
        self,
        minutes: npt.NDArray[np.float64],
        days: npt.NDArray[np.int64],
        members: npt.NDArray[np.intp],
        whole_days: npt.NDArray[np.int64],
        settings: HabitSettings,
        use: npt.NDArray[np.int64],
    ) -> None:
        self.settings = settings
        self.whole_days = whole_days
        self.eligible_by_weekday = np.bincount(weekday_of(whole_days), minlength=7)
        self.use = use
        self.kernel = _kernel(settings.baseline_minutes)
        # The cluster's members. Days count from a boundary twelve hours away from the habit,
        # so 23:55 and 00:05 of the following night are the same evening's habit.
        self.minutes = minutes[members]
        centre, _ = _circular(self.minutes)
        delta = self.minutes - centre
        self.days = (
            days[members]
            - (delta < -MINUTES_PER_DAY / 2).astype(np.int64)
            + (delta > MINUTES_PER_DAY / 2).astype(np.int64)
        )
        self.weekdays = weekday_of(self.days)
        self.eligible = np.isin(self.days, whole_days)
        self.all_minutes, self.all_days = minutes, days  # every change of the entity to the state

    def days_near(self, mask: npt.NDArray[np.bool_], centre: float) -> tuple[int, int]:
        """Return (days showing any change near `centre`, whole days) over the weekdays of `mask`.

        Near is within the window changes are grouped in; every change counts, not only this
        group's (a band of random use may be split into several groups).
        """
        delta = self.all_minutes - centre
        days = (
            self.all_days
            - (delta < -MINUTES_PER_DAY / 2).astype(np.int64)
            + (delta > MINUTES_PER_DAY / 2).astype(np.int64)
        )
        near = _distance(self.all_minutes, centre) <= self.settings.window_minutes
        hit = np.unique(days[near])
        hit = hit[np.isin(hit, self.whole_days) & mask[weekday_of(hit)]]
        return len(hit), int(self.eligible_by_weekday[mask].sum())

    def chance(self, mask: npt.NDArray[np.bool_], mean: float, half_width: float) -> float:
        """Return the chance that the entity's own use on a day of `mask` falls in the window."""
        days = int(self.eligible_by_weekday[mask].sum())
        if days == 0:
            return 0.0
        use = self.use[mask].sum(axis=0).astype(np.float64) / days
        smooth = np.fft.irfft(np.fft.rfft(use) * self.kernel, BINS)
        centres = (np.arange(BINS, dtype=np.float64) + 0.5) * BIN_MINUTES
        inside = _distance(centres, mean) <= half_width
        return 1 - math.exp(-float(np.clip(smooth, 0, None)[inside].sum()))

    def evaluate(
        self, mask: npt.NDArray[np.bool_], window: tuple[float, float] | None = None
    ) -> _Evaluation | None:
        """Judge the members on days of `mask`, in `window` (mean, half-width) or their own."""
        on_days = np.flatnonzero(mask[self.weekdays] & self.eligible)
        eligible = int(self.eligible_by_weekday[mask].sum())
        if eligible == 0 or (window is None and len(on_days) < self.settings.min_days):
            return None
        if window is None:
            mean, _ = _circular(self.minutes[on_days])
            for _ in range(2):  # settle on each day's change closest to the habit
                closest = self._closest_per_day(on_days, mean)
                mean, _ = _circular(self.minutes[closest])
            spread = _robust_spread(self.minutes[closest], mean)
            half_width = max(self.settings.width * spread, MIN_HALF_WIDTH)
        else:
            mean, half_width = window
            spread = half_width / 2.5
        chosen = on_days[_distance(self.minutes[on_days], mean) <= half_width]
        hit_days = len(np.unique(self.days[chosen]))
        chance = self.chance(mask, mean, half_width)
        ratio = hit_days / eligible
        return _Evaluation(
            mask=mask,
            mean=mean,
            spread=spread,
            half_width=half_width,
            chosen=chosen,
            hit_days=hit_days,
            eligible=eligible,
            chance=chance,
            lift=ratio / chance if chance > 0 else math.inf,
            p_value=_binomial_tail(hit_days, eligible, chance),
        )

    def _closest_per_day(
        self, members: npt.NDArray[np.intp], centre: float
    ) -> npt.NDArray[np.intp]:
        """Return, for each day, the member closest to `centre` (stray changes do not count)."""
        distance = _distance(self.minutes[members], centre)
        order = np.lexsort((distance, self.days[members]))
        days = self.days[members][order]
        first = np.ones(len(order), dtype=bool)
        first[1:] = days[1:] != days[:-1]
        result: npt.NDArray[np.intp] = members[order[first]]
        return result

    def day_set(self, every_day: _Evaluation) -> npt.NDArray[np.bool_]:
        """Return the weekdays on which the habit shows in the every-day window, most of the time."""
        window = self.every_day_hits(every_day)
        hits = np.bincount(weekday_of(window), minlength=7)
        share = np.divide(
            hits,
            self.eligible_by_weekday,
            out=np.zeros(7),
            where=self.eligible_by_weekday > 0,
        )
        result: npt.NDArray[np.bool_] = share >= self.settings.day_set_share
        return result

    def every_day_hits(self, evaluation: _Evaluation) -> npt.NDArray[np.int64]:
        return np.unique(self.days[evaluation.chosen])


def _rarely_on_other_days(
    group: _Group,
    every_day: _Evaluation,
    found: npt.NDArray[np.bool_],
    share: float,
    settings: HabitSettings,
) -> bool:
    """Whether the weekdays left out of a set clearly lack the habit (not a few missed days)."""
    hit_days = group.every_day_hits(every_day)
    left_out = int(group.eligible_by_weekday[~found].sum())
    hits = int((~found[weekday_of(hit_days)]).sum())
    return (
        left_out > 0
        and hits <= settings.day_set_other_share * left_out
        and 1 - _binomial_tail(hits + 1, left_out, share) <= settings.day_set_p_value
    )


def _clearly_less_on_other_days(group: _Group, part: _Evaluation, settings: HabitSettings) -> bool:
    """Whether the days outside `part` show the habit, at its time, clearly less often.

    Far less often, and that few of all the days it showed on fell outside by chance alone
    (Fisher's exact test) at most `narrower_p_value`: a few missed days are no difference.
    """
    other = group.evaluate(~part.mask, (part.mean, part.half_width))
    if other is None or not part.eligible:
        return False
    if other.hit_days / other.eligible > settings.narrower_share * part.ratio:
        return False
    inside, outside = (part.hit_days, part.eligible), (other.hit_days, other.eligible)
    return _fewer_outside(inside, outside) <= settings.narrower_p_value


def _fewer_outside(
    inside: tuple[int, int], outside: tuple[int, int], *, mid: bool = False
) -> float:
    """Return the chance that as few of the (hit, all) days fell outside (Fisher's exact test).

    `mid` counts the observed split at half its chance (mid-p): less conservative, still exact
    on average, for the few days a home gives.
    """
    (hits_in, days_in), (hits_out, days_out) = inside, outside
    hits = hits_in + hits_out
    total = math.comb(days_in + days_out, hits)
    split = [math.comb(days_out, k) * math.comb(days_in, hits - k) for k in range(hits_out + 1)]
    return (sum(split) - (split[-1] / 2 if mid else 0)) / total


def _found_set_holds(
    group: _Group, chosen: _Evaluation | None, rivals: list[int], settings: HabitSettings
) -> bool:
    """Whether a weekday set found in the data beats chance, though it was one of many tried.

    Its days must show the entity going to that state near its time (within the window its
    changes are grouped in) clearly more often than the other days do: a lock used at random
    over hours shows there on the other days too. Any of the 127 sets of weekdays could have
    been picked: that chance is counted that many times. Each of its weekdays must show it in
    several different weeks.
    """
    if chosen is None or not chosen.passes(settings):
        return False
    inside = group.days_near(chosen.mask, chosen.mean)
    outside = group.days_near(~chosen.mask, chosen.mean)
    if _fewer_outside(inside, outside, mid=True) * DAY_SETS_TRIED > settings.found_set_p_value:
        return False
    per_weekday = np.bincount(weekday_of(np.unique(group.days[chosen.chosen])), minlength=7)
    return bool(
        (per_weekday[chosen.mask] >= settings.day_set_weeks).all()
        and chosen.net >= max(rivals) + settings.day_set_margin
    )


def _choose(group: _Group, settings: HabitSettings) -> _Evaluation | None:
    """Return the evaluation of the day set that fits honestly, or None.

    The broader set unless a narrower one is clearly better: "every day" unless weekdays (or
    weekends) pass on their own and the other days show it clearly less often; a weekday set
    found in the data (Mon/Wed/Fri) must beat both weekdays and every day clearly.
    """
    every_day = group.evaluate(DAY_MASKS["all"])
    weekdays = group.evaluate(DAY_MASKS["weekdays"])
    weekends = group.evaluate(DAY_MASKS["weekends"])
    if every_day is not None:
        found = group.day_set(every_day)
        name = _day_set_name(found)
        if found.any() and name not in DAY_MASKS:
            chosen = group.evaluate(found)
            rivals = [e.net for e in (every_day, weekdays) if e is not None]
            if _found_set_holds(group, chosen, rivals, settings) and _rarely_on_other_days(
                group, every_day, found, chosen.ratio if chosen else 0.0, settings
            ):
                return chosen
        narrower = [
            part
            for part in (weekdays, weekends)
            if part is not None
            and part.passes(settings)
            and _clearly_less_on_other_days(group, part, settings)
        ]
        if narrower:
            return max(narrower, key=lambda e: e.net)
        return every_day if every_day.passes(settings) else None
    passing = [e for e in (weekdays, weekends) if e is not None and e.passes(settings)]
    return max(passing, key=lambda e: e.net) if passing else None


def _habit_for(  # noqa: PLR0917
    history: History,
    entity_id: str,
    state: str,
    group: _Group,
    members: npt.NDArray[np.intp],
    person: npt.NDArray[np.float64],
    settings: HabitSettings,
) -> Habit | None:
    """Return the habit one cluster of changes shows, backtested, or None."""
    evaluation = _choose(group, settings)
    if evaluation is None:
        return None
    chosen = evaluation.chosen
    when = history.when[members[chosen]]
    # Backtest: learn the time from the days before the last ones, then replay it over those.
    held_out = group.whole_days[-settings.backtest.days :]
    before = chosen[group.days[chosen] < held_out[0]] if len(held_out) else chosen[:0]
    if len(held_out) < settings.backtest.days or len(before) < settings.backtest.min_learned:
        return None
    learned, _ = _circular(group.minutes[before])
    backtest = replay_habit(
        minute=learned,
        days=held_out[evaluation.mask[weekday_of(held_out)]],
        person=person,
        tolerance=settings.backtest.habit_minutes,
        window=settings.window_minutes,
    )
    if not backtest.passes(settings.backtest):
        return None
    firsts = np.unique(group.days[chosen], return_index=True)[1]
    return Habit(
        entity_id=entity_id,
        state=state,
        days=_day_set_name(evaluation.mask),
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
            (int(group.days[chosen][i]), round(float(group.minutes[chosen][i]), 1)) for i in firsts
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
    # (numbers that fit 16 bits are sorted by radix, in one pass)
    small = kind[manual].astype(np.int16) if len(kinds) < 2**15 else kind[manual]
    order = manual[np.argsort(small, kind="stable")]
    boundaries = np.flatnonzero(np.diff(kind[order])) + 1
    for indices in np.split(order, boundaries):
        if len(indices) < settings.min_days:
            continue
        entity_id = history.entity_ids[history.entity[indices[0]]]
        state = history.states[history.state[indices[0]]]
        if state in IGNORED_STATES:
            continue
        if len(indices) > 24 * len(whole_days):
            # Changes at least hourly all day: no time of day can stand out (a chattering sensor).
            continue
        let_the_loop_in()
        group_minutes, group_days = minutes[indices], days[indices]
        person = np.sort(group_days * MINUTES_PER_DAY + group_minutes)
        use = _use(group_minutes, group_days, whole_days)
        for members in _clusters(group_minutes, settings):
            if not _roughly_tight(group_minutes[members], group_days[members], settings):
                continue
            habit = _habit_for(
                history,
                entity_id,
                state,
                _Group(group_minutes, group_days, members, whole_days, settings, use),
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
