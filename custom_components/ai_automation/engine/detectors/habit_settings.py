"""The thresholds a time-of-day habit must pass."""

from __future__ import annotations

from dataclasses import dataclass, field

from .backtest import BacktestSettings

MIN_HALF_WIDTH = 15.0  # minutes either side of a habit's time that count as "around" it


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
