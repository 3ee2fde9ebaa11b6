"""The sequence detector's candidates: a person's changes as actions, and every pair's count.

A trigger is paired with the first action of each kind after it, within its entity's window.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ..gil import let_the_loop_in
from ..history.arrays import History, stable_order

# Pair counts go in a flat table while it stays this small (16 MB); past it they are sorted.
MAX_TABLE = 1 << 21
ACTIONS_PER_BLOCK = 4_096  # bounds memory: each action meets every trigger of its window


@dataclass(frozen=True)
class Actions:
    """A person's changes as candidate actions, in time order."""

    index: npt.NDArray[np.int64]  # event index of each action
    when: npt.NDArray[np.float64]  # its time
    kind: npt.NDArray[np.int64]  # its dense action kind (0 ... n_kinds - 1)
    n_kinds: int
    # The time of the previous action of the same kind (-inf: none): an action is the first of
    # its kind after a trigger exactly when that previous one is not after the trigger.
    previous: npt.NDArray[np.float64]

    @classmethod
    def of(
        cls, history: History, index: npt.NDArray[np.int64], kind: npt.NDArray[np.int64]
    ) -> Actions:
        """Return the actions at `index` (kinds `kind`), each with its previous of its kind."""
        mine = kind[index]
        present = np.zeros(int(mine.max()) + 1 if len(mine) else 0, np.bool_)
        present[mine] = True  # (a table of the kinds: quicker than sorting the actions)
        n_kinds = int(present.sum())
        dense = (np.cumsum(present) - 1)[mine]
        when = history.when[index]
        by_kind = stable_order(dense, n_kinds)  # each kind's actions, in time order
        grouped = dense[by_kind]
        same = grouped[1:] == grouped[:-1]
        previous = np.full(len(index), -np.inf)
        previous[by_kind[1:][same]] = when[by_kind[:-1][same]]
        return cls(index, when, dense, n_kinds, previous)

    def subset(self, chosen: npt.NDArray[np.bool_]) -> Actions:
        """Return the actions of the kinds `chosen` marks (numbering and previous times kept)."""
        keep = chosen[self.kind]
        return Actions(
            self.index[keep], self.when[keep], self.kind[keep], self.n_kinds, self.previous[keep]
        )


@dataclass(frozen=True)
class Counted:
    """Pass 1 of the sequence detector: the people's actions and how often each pair occurred."""

    manual: npt.NDArray[np.int64]  # the people's changes (event indices), in time order
    actions: Actions
    action_kinds_of: npt.NDArray[np.int64]  # dense action kind -> (entity, state) kind
    windows: npt.NDArray[np.float64]  # each entity's window
    pairs: npt.NDArray[np.int64]  # the pair codes that occur (trigger kind * n + action)
    counts: npt.NDArray[np.int64]  # how often each


class PairCounter:
    """Count pair codes block by block: in a flat table while it is small, else sorted."""

    def __init__(self, size: int) -> None:
        """Count codes 0 ... size - 1."""
        self._table = np.zeros(size, np.int64) if size <= MAX_TABLE else None
        self._parts: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]] = []

    def add(self, codes: npt.NDArray[np.int64]) -> None:
        """Count one block's codes."""
        if self._table is not None:
            self._table += np.bincount(codes, minlength=len(self._table))
        else:
            self._parts.append(np.unique(codes, return_counts=True))
        let_the_loop_in()

    def counts(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Return the distinct codes (ascending) and how often each occurred."""
        if self._table is not None:
            present = np.flatnonzero(self._table)
            return present, self._table[present]
        if not self._parts:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        unique, inverse = np.unique(
            np.concatenate([codes for codes, _ in self._parts]), return_inverse=True
        )
        weights = np.concatenate([counts for _, counts in self._parts])
        return unique, np.bincount(inverse, weights=weights).astype(np.int64)


def count_pairs(
    history: History,
    actions: Actions,
    action_kinds_of: npt.NDArray[np.int64],
    windows: npt.NDArray[np.float64],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Return the pair codes that occur (trigger kind * action kinds + action), and how often.

    Every change is a trigger, `windows` holds each entity's; `action_kinds_of` each action
    kind's (entity, state) kind. An action is paired with a run of triggers (in time order): from
    its previous action of the kind and from its window before it, up to it. So each action's
    triggers are counted a run at a time, first every change's within the shortest window, then
    those with a longer window for the rest of theirs.
    """
    kinds, kind = history.kinds
    counter = PairCounter(len(kinds) * actions.n_kinds)
    shortest = float(windows.min()) if len(windows) else 0.0
    _count_runs(counter, (history.when, kind), actions, (shortest, None))
    width = windows[history.entity]
    for longer in np.unique(windows[windows > shortest]).tolist():
        rows = np.flatnonzero(width == longer)
        _count_runs(counter, (history.when[rows], kind[rows]), actions, (longer, shortest))
    codes, counts = counter.counts()
    # An entity's own actions are no pairs: left out by kind, cheaper than pair by pair.
    n_states = len(history.states)
    trigger_kinds, action_dense = np.divmod(codes, actions.n_kinds)
    other = kinds[trigger_kinds] // n_states != kinds[action_kinds_of[action_dense]] // n_states
    return codes[other], counts[other]


def _count_runs(
    counter: PairCounter,
    triggers: tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]],
    actions: Actions,
    windows: tuple[float, float | None],
) -> None:
    """Count the pairs of triggers (times, kinds) with the actions in (t + shorter, t + window]."""
    when, kind = triggers
    window, shorter = windows
    reach = when + window  # (each trigger's time plus its window, as a trigger's pairs are read)
    before = when + shorter if shorter is not None else None
    for begin in range(0, len(actions.when), ACTIONS_PER_BLOCK):
        block = slice(begin, begin + ACTIONS_PER_BLOCK)
        acted = actions.when[block]
        # Only the triggers from the first action's window to the last action are searched:
        # the searches then stay in the processor's cache.
        first = int(np.searchsorted(reach, acted[0]))
        near = slice(first, int(np.searchsorted(when, acted[-1], side="right")))
        low = np.maximum(
            np.searchsorted(reach[near], acted),
            np.searchsorted(when[near], actions.previous[block]),
        )
        high = np.searchsorted(when[near], acted)
        if before is not None:  # (those nearer were counted with the shorter window)
            high = np.minimum(high, np.searchsorted(before[near], acted))
        counts = np.maximum(high - low, 0)
        trigger = first + np.repeat(low - (np.cumsum(counts) - counts), counts)
        trigger += np.arange(int(counts.sum()))
        counter.add(kind[trigger] * actions.n_kinds + np.repeat(actions.kind[block], counts))
