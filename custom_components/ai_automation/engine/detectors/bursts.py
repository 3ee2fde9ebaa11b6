"""Bursts: quick on/off toggling of one thing (a test, a child, a flaky switch) is no pattern."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from ..history.arrays import History, stable_order


@dataclass(frozen=True, kw_only=True)
class BurstSettings:
    """What counts as a burst."""

    gap_seconds: float = 20.0  # each change this soon after the one before
    min_changes: int = 3  # ...back and forth, at least this many in a row


def bursts(history: History, settings: BurstSettings | None = None) -> npt.NDArray[np.bool_]:
    """Return which changes are part of a burst of something a person switches.

    A burst is a run of changes of one entity, each to another state than the one before and
    each within `gap_seconds` of it. Entities nobody switches by hand (sensors) are left alone:
    their quick changes start things, and a motion sensor flickers.
    """
    settings = settings or BurstSettings()
    result = np.zeros(len(history), np.bool_)
    if len(history) < settings.min_changes:
        return result
    switched = np.zeros(len(history.entity_ids), np.bool_)
    switched[history.entity[history.manual]] = True
    # Only the switched entities' changes, each one's in time order (sensors' need no sorting).
    rows = np.flatnonzero(switched[history.entity])
    by_entity = rows[stable_order(history.entity[rows], len(history.entity_ids))]
    entity, when = history.entity[by_entity], history.when[by_entity]
    state = history.state[by_entity]
    # `linked[i]`: change i + 1 continues the run of change i.
    linked = (
        (entity[1:] == entity[:-1])
        & (state[1:] != state[:-1])
        & (when[1:] - when[:-1] <= settings.gap_seconds)
    )
    starts = np.flatnonzero(np.concatenate(([True], ~linked)))
    lengths = np.diff(np.append(starts, len(by_entity)))
    long_runs = lengths >= settings.min_changes
    if not long_runs.any():
        return result
    result[by_entity] = np.repeat(long_runs, lengths)
    return result


def without_bursts(history: History, settings: BurstSettings | None = None) -> History:
    """Return the history without the changes that are part of a burst."""
    noise = bursts(history, settings)
    if not noise.any():
        return history
    keep = ~noise
    return replace(
        history,
        when=history.when[keep],
        entity=history.entity[keep],
        state=history.state[keep],
        manual=history.manual[keep],
    )
