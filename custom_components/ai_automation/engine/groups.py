"""Groups: a person changes several things within a minute or so, again and again, together."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .gil import let_the_loop_in
from .habits import IGNORED_STATES
from .history import History

CHUNK = 20_000  # changes per block: bounds memory whatever the history's size


@dataclass(frozen=True, kw_only=True)
class GroupSettings:
    """Thresholds a group must pass."""

    window_seconds: float = 60.0
    min_occurrences: int = 5
    min_share: float = 0.6  # of the rarer member's changes made together with the other
    min_lift: float = 10.0
    max_per_day: float = 24.0  # busier kinds (chattering) never form groups


@dataclass(frozen=True, kw_only=True)
class Group:
    """Evidence that the `members` ((entity, state), first usually first) change together."""

    members: tuple[tuple[str, str], ...]
    together: int  # times the two most linked members changed within the window
    share: float  # the weakest link's share of the rarer member's changes
    distinct_days: int


def _links(
    history: History, kind: npt.NDArray[np.int64], chosen: npt.NDArray[np.int64], window: float
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Return (unordered pair key, count) of chosen changes of two entities within `window`."""
    when = history.when[chosen]
    keys: list[npt.NDArray[np.int64]] = []
    n_kinds = int(kind.max()) + 1 if len(kind) else 1
    for start in range(0, len(chosen), CHUNK):
        block = np.arange(start, min(start + CHUNK, len(chosen)))
        high = np.searchsorted(when, when[block] + window, side="right")
        counts = high - block - 1
        first = np.repeat(block, counts)
        offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
        second = first + 1 + offsets
        a, b = chosen[first], chosen[second]
        different = history.entity[a] != history.entity[b]
        ka, kb = kind[a[different]], kind[b[different]]
        pair = np.minimum(ka, kb) * n_kinds + np.maximum(ka, kb)
        # One link per change and partner kind: a light switched twice counts once.
        keys.append(np.unique(first[different].astype(np.int64) * n_kinds * n_kinds + pair))
        let_the_loop_in()
    if not keys:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    pairs = np.concatenate(keys) % (n_kinds * n_kinds)
    unique, counts = np.unique(pairs, return_counts=True)
    return unique, counts


def together(groups: Iterable[Group]) -> set[tuple[str, str]]:
    """Return every ordered pair of different entities that are in one group."""
    return {
        (a, b) for group in groups for a, _ in group.members for b, _ in group.members if a != b
    }


def detect_groups(history: History, settings: GroupSettings | None = None) -> list[Group]:
    """Find sets of a person's changes that happen together, within a minute or so."""
    settings = settings or GroupSettings()
    manual = np.flatnonzero(history.manual).astype(np.int64)
    if len(manual) < settings.min_occurrences:
        return []
    n_states = len(history.states)
    kinds, kind_of = np.unique(
        history.entity[manual].astype(np.int64) * n_states + history.state[manual],
        return_inverse=True,
    )
    kind = np.full(len(history), -1, dtype=np.int64)
    kind[manual] = kind_of
    counts = np.bincount(kind_of, minlength=len(kinds))
    days = max(history.recorded_seconds() / 86400, 1.0)
    ignored = np.array([history.states[k % n_states] in IGNORED_STATES for k in kinds], bool)
    usable = (
        (counts >= settings.min_occurrences) & (counts <= settings.max_per_day * days) & ~ignored
    )
    chosen = manual[usable[kind_of]]
    if not len(chosen):
        return []
    pairs, together = _links(history, kind, chosen, settings.window_seconds)
    n_kinds = int(kind.max()) + 1
    a, b = np.divmod(pairs, n_kinds)
    share = together / np.minimum(counts[a], counts[b])
    chance = counts[a] * counts[b] * 2 * settings.window_seconds / (days * 86400)
    lift = np.divide(together, chance, out=np.full(len(chance), np.inf), where=chance > 0)
    keep = (
        (together >= settings.min_occurrences)
        & (share >= settings.min_share)
        & (lift >= settings.min_lift)
    )
    return _components(history, kinds, a[keep], b[keep], together[keep], share[keep], chosen, kind)


def _components(  # noqa: PLR0917
    history: History,
    kinds: npt.NDArray[np.int64],
    a: npt.NDArray[np.int64],
    b: npt.NDArray[np.int64],
    together: npt.NDArray[np.int64],
    share: npt.NDArray[np.float64],
    chosen: npt.NDArray[np.int64],
    kind: npt.NDArray[np.int64],
) -> list[Group]:
    """Join linked kinds into groups (union-find), each ordered by who usually comes first."""
    parent = {int(k): int(k) for k in np.concatenate([a, b])}

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for x, y in zip(a.tolist(), b.tolist(), strict=True):
        parent[root(x)] = root(y)
    members: dict[int, list[int]] = {}
    for k in parent:
        members.setdefault(root(k), []).append(k)
    n_states = len(history.states)
    day_of = np.floor(history.when / 86400).astype(np.int64)
    groups = []
    for group in members.values():
        if len({int(kinds[k]) // n_states for k in group}) < 2:
            continue
        inside = np.isin(a, group)
        mine = chosen[np.isin(kind[chosen], group)]
        # Who comes first: the member whose changes most often start a burst of the group.
        gaps = np.diff(history.when[mine], prepend=-np.inf)
        starts = kind[mine[gaps > 60.0]]
        order = sorted(group, key=lambda k: -int((starts == k).sum()))
        groups.append(
            Group(
                members=tuple(
                    (
                        history.entity_ids[int(kinds[k]) // n_states],
                        history.states[int(kinds[k]) % n_states],
                    )
                    for k in order
                ),
                together=int(together[inside].max()),
                share=float(share[inside].min()),
                distinct_days=len(np.unique(day_of[mine])),
            )
        )
    return groups
