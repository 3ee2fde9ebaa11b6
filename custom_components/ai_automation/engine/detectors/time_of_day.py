"""Times of day on the 24-hour circle: their mean, spread and distance (midnight is no edge)."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

MINUTES_PER_DAY = 1440.0


def circular_mean_spread(minutes: npt.NDArray[np.float64]) -> tuple[float, float]:
    """Return the circular mean and standard deviation (in minutes) of times of day."""
    angles = minutes / MINUTES_PER_DAY * 2 * math.pi
    # (the sums over the count are the means: `np.mean`'s own work is most of the time here)
    sin = float(np.add.reduce(np.sin(angles)) / len(angles))
    cos = float(np.add.reduce(np.cos(angles)) / len(angles))
    mean = (math.atan2(sin, cos) / (2 * math.pi) * MINUTES_PER_DAY) % MINUTES_PER_DAY
    length = min(1.0, math.hypot(sin, cos))
    spread = (
        math.sqrt(-2 * math.log(length)) / (2 * math.pi) * MINUTES_PER_DAY
        if length > 0
        else math.inf
    )
    return mean, spread


def robust_spread(minutes: npt.NDArray[np.float64], centre: float) -> float:
    """Return a spread (minutes) that random stray events around the habit hardly inflate."""
    return float(1.4826 * np.median(circular_distance(minutes, centre)))


def circular_distance(minutes: npt.NDArray[np.float64], centre: float) -> npt.NDArray[np.float64]:
    """Return each time's distance from `centre` (minutes), the short way round the clock."""
    diff = np.abs(minutes - centre) % MINUTES_PER_DAY
    return np.minimum(diff, MINUTES_PER_DAY - diff)
