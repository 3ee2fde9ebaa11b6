"""The days and states detectors count by: weekday names, sets of weekdays, states that are none."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

# States that say nothing about what a person did (Home Assistant lost the device, or never knew).
IGNORED_STATES = frozenset({"unavailable", "unknown", ""})
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


def day_set_name(mask: npt.NDArray[np.bool_]) -> str:
    """Return how a set of weekdays is called: "all", "weekdays", "weekends" or "mon,wed,fri"."""
    for name, day_mask in DAY_MASKS.items():
        if np.array_equal(mask, day_mask):
            return name
    return ",".join(WEEKDAY_NAMES[d] for d in np.flatnonzero(mask))


def day_mask(days: str) -> npt.NDArray[np.bool_]:
    """Return the weekdays (Monday=0) of a set called `days` ("weekdays", "mon,wed,fri") as a mask."""
    if days in DAY_MASKS:
        return DAY_MASKS[days]
    return np.isin(np.arange(7), [WEEKDAY_NAMES.index(d) for d in days.split(",")])
