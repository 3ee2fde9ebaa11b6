"""Which weekdays a habit holds on: every day, weekdays, weekends or a set found in the data."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from ..history.arrays import weekday_of
from .chance import binomial_tail, fewer_outside
from .change_cluster import ChangeCluster, DaySetFit
from .days import DAY_MASKS, day_set_name
from .habit_settings import HabitSettings

DAY_SETS_TRIED = 2**7 - 1  # the sets of weekdays a found set is picked from


def _rarely_on_other_days(
    cluster: ChangeCluster,
    every_day: DaySetFit,
    found: npt.NDArray[np.bool_],
    share: float,
    settings: HabitSettings,
) -> bool:
    """Whether the weekdays left out of a set clearly lack the habit (not a few missed days)."""
    hit_days = cluster.every_day_hits(every_day)
    left_out = int(cluster.eligible_by_weekday[~found].sum())
    hits = int((~found[weekday_of(hit_days)]).sum())
    return (
        left_out > 0
        and hits <= settings.day_set_other_share * left_out
        and 1 - binomial_tail(hits + 1, left_out, share) <= settings.day_set_p_value
    )


def _clearly_less_on_other_days(
    cluster: ChangeCluster, part: DaySetFit, settings: HabitSettings
) -> bool:
    """Whether the days outside `part` show the habit, at its time, clearly less often.

    Far less often, and that few of all the days it showed on fell outside by chance alone
    (Fisher's exact test) at most `narrower_p_value`: a few missed days are no difference.
    """
    other = cluster.evaluate(~part.mask, (part.mean, part.half_width))
    if other is None or not part.eligible:
        return False
    if other.hit_days / other.eligible > settings.narrower_share * part.ratio:
        return False
    inside, outside = (part.hit_days, part.eligible), (other.hit_days, other.eligible)
    return fewer_outside(inside, outside) <= settings.narrower_p_value


def _found_set_holds(
    cluster: ChangeCluster, chosen: DaySetFit | None, rivals: list[int], settings: HabitSettings
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
    inside = cluster.days_near(chosen.mask, chosen.mean)
    outside = cluster.days_near(~chosen.mask, chosen.mean)
    if fewer_outside(inside, outside, mid=True) * DAY_SETS_TRIED > settings.found_set_p_value:
        return False
    per_weekday = np.bincount(weekday_of(np.unique(cluster.days[chosen.chosen])), minlength=7)
    return bool(
        (per_weekday[chosen.mask] >= settings.day_set_weeks).all()
        and chosen.net >= max(rivals) + settings.day_set_margin
    )


def choose_day_set(cluster: ChangeCluster, settings: HabitSettings) -> DaySetFit | None:
    """Return the evaluation of the day set that fits honestly, or None.

    The broader set unless a narrower one is clearly better: "every day" unless weekdays (or
    weekends) pass on their own and the other days show it clearly less often; a weekday set
    found in the data (Mon/Wed/Fri) must beat both weekdays and every day clearly.
    """
    every_day = cluster.evaluate(DAY_MASKS["all"])
    weekdays = cluster.evaluate(DAY_MASKS["weekdays"])
    weekends = cluster.evaluate(DAY_MASKS["weekends"])
    if every_day is not None:
        found = cluster.day_set(every_day)
        name = day_set_name(found)
        if found.any() and name not in DAY_MASKS:
            chosen = cluster.evaluate(found)
            rivals = [e.net for e in (every_day, weekdays) if e is not None]
            if _found_set_holds(cluster, chosen, rivals, settings) and _rarely_on_other_days(
                cluster, every_day, found, chosen.ratio if chosen else 0.0, settings
            ):
                return chosen
        narrower = [
            part
            for part in (weekdays, weekends)
            if part is not None
            and part.passes(settings)
            and _clearly_less_on_other_days(cluster, part, settings)
        ]
        if narrower:
            return max(narrower, key=lambda e: e.net)
        return every_day if every_day.passes(settings) else None
    passing = [e for e in (weekdays, weekends) if e is not None and e.passes(settings)]
    return max(passing, key=lambda e: e.net) if passing else None
