"""Waits: "motion off, two minutes later the light off" is waiting for the state to last."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from ..history.arrays import History
from .presence import is_presence

# States a thing rests in: a long gap after one is waiting for the state to last.
RESTING_STATES = frozenset({"off", "closed", "idle", "standby", "locked"})


def state_ends(history: History, events: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
    """Return when the state each of `events` (one entity's changes) set was left (inf: never)."""
    if not len(events):
        return np.zeros(0)
    order, bounds = history.by_entity
    entity = int(history.entity[events[0]])
    own = order[bounds[entity] : bounds[entity + 1]]  # the entity's changes, in time order
    states = history.state[own]
    leaves = np.flatnonzero(states[1:] != states[:-1]) + 1  # where its state changed
    after = np.searchsorted(leaves, np.searchsorted(own, events), side="right")
    ends = np.full(len(events), np.inf)
    found = after < len(leaves)
    ends[found] = history.when[own[leaves[after[found]]]]
    return ends


def hold_for(median_delay: float) -> float:
    """Return the wait for a typical delay, as a person says it: 10 s steps, whole minutes past one."""
    step = 60.0 if median_delay >= 60 else 10.0
    return float(np.floor(median_delay / step + 0.5) * step)


def hold(
    history: History,
    found: tuple[int, npt.NDArray[np.int64], float],
    min_seconds: float,
    min_share: float,
) -> float | None:
    """Return how long the trigger's state must last before acting (0: at once; None: neither).

    A long typical gap after a resting state ("motion off, two minutes later the light off") is
    waiting for the state to last; if it mostly did not last, the person waits for something else.
    """
    trigger_key, triggers, median_delay = found  # (entity, state) key, its events, typical gap
    n_states = len(history.states)
    entity_id = history.entity_ids[trigger_key // n_states]
    resting = history.states[trigger_key % n_states] in RESTING_STATES
    if not resting or is_presence(entity_id) or median_delay < min_seconds:
        return 0.0
    wait = hold_for(median_delay)
    lasted = state_ends(history, triggers) - history.when[triggers] >= wait
    return wait if lasted.mean() >= min_share else None
