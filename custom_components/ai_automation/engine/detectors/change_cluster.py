"""One cluster of an entity's changes to a state, judged as a habit on a set of weekdays."""

from __future__ import annotations

from dataclasses import dataclass
import functools
import math

import numpy as np
import numpy.typing as npt

from ..history.arrays import weekday_of
from .chance import binomial_tail
from .habit_settings import MIN_HALF_WIDTH, HabitSettings
from .time_of_day import MINUTES_PER_DAY, circular_distance, circular_mean_spread, robust_spread

BIN_MINUTES = 5
BINS = int(MINUTES_PER_DAY) // BIN_MINUTES


@dataclass(frozen=True)
class DaySetFit:
    """How one cluster of changes does as a habit on one set of weekdays, in one window."""

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
        """Return the share of the set's eligible days on which it happened."""
        return self.hit_days / self.eligible if self.eligible else 0.0

    @property
    def net(self) -> int:
        """Days it would be right minus days it would be wrong."""
        return 2 * self.hit_days - self.eligible

    def passes(self, settings: HabitSettings) -> bool:
        """Return whether it passes every threshold a habit must pass."""
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


def use_by_weekday(
    minutes: npt.NDArray[np.float64], days: npt.NDArray[np.int64], whole_days: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """Return an entity's use by weekday and 5-minute bin, over whole days only."""
    bins = (minutes // BIN_MINUTES).astype(np.int64) % BINS
    counted = np.isin(days, whole_days)
    result: npt.NDArray[np.int64] = np.bincount(
        weekday_of(days[counted]) * BINS + bins[counted], minlength=7 * BINS
    ).reshape(7, BINS)
    return result


class ChangeCluster:
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
        """Take the cluster `members` of an entity's changes at `minutes` on local `days`."""
        self.settings = settings
        self.whole_days = whole_days
        self.eligible_by_weekday = np.bincount(weekday_of(whole_days), minlength=7)
        self.use = use
        self.kernel = _kernel(settings.baseline_minutes)
        # The cluster's members. Days count from a boundary twelve hours away from the habit,
        # so 23:55 and 00:05 of the following night are the same evening's habit.
        self.minutes = minutes[members]
        centre, _ = circular_mean_spread(self.minutes)
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
        near = circular_distance(self.all_minutes, centre) <= self.settings.window_minutes
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
        inside = circular_distance(centres, mean) <= half_width
        return 1 - math.exp(-float(np.clip(smooth, 0, None)[inside].sum()))

    def evaluate(
        self, mask: npt.NDArray[np.bool_], window: tuple[float, float] | None = None
    ) -> DaySetFit | None:
        """Judge the members on days of `mask`, in `window` (mean, half-width) or their own."""
        on_days = np.flatnonzero(mask[self.weekdays] & self.eligible)
        eligible = int(self.eligible_by_weekday[mask].sum())
        if eligible == 0 or (window is None and len(on_days) < self.settings.min_days):
            return None
        if window is None:
            mean, _ = circular_mean_spread(self.minutes[on_days])
            for _ in range(2):  # settle on each day's change closest to the habit
                closest = self._closest_per_day(on_days, mean)
                mean, _ = circular_mean_spread(self.minutes[closest])
            spread = robust_spread(self.minutes[closest], mean)
            half_width = max(self.settings.width * spread, MIN_HALF_WIDTH)
        else:
            mean, half_width = window
            spread = half_width / 2.5
        chosen = on_days[circular_distance(self.minutes[on_days], mean) <= half_width]
        hit_days = len(np.unique(self.days[chosen]))
        chance = self.chance(mask, mean, half_width)
        ratio = hit_days / eligible
        return DaySetFit(
            mask=mask,
            mean=mean,
            spread=spread,
            half_width=half_width,
            chosen=chosen,
            hit_days=hit_days,
            eligible=eligible,
            chance=chance,
            lift=ratio / chance if chance > 0 else math.inf,
            p_value=binomial_tail(hit_days, eligible, chance),
        )

    def _closest_per_day(
        self, members: npt.NDArray[np.intp], centre: float
    ) -> npt.NDArray[np.intp]:
        """Return, for each day, the member closest to `centre` (stray changes do not count)."""
        distance = circular_distance(self.minutes[members], centre)
        order = np.lexsort((distance, self.days[members]))
        days = self.days[members][order]
        first = np.ones(len(order), dtype=bool)
        first[1:] = days[1:] != days[:-1]
        result: npt.NDArray[np.intp] = members[order[first]]
        return result

    def day_set(self, every_day: DaySetFit) -> npt.NDArray[np.bool_]:
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

    def every_day_hits(self, evaluation: DaySetFit) -> npt.NDArray[np.int64]:
        """Return the days on which a change of the cluster falls in the fit's window."""
        return np.unique(self.days[evaluation.chosen])
