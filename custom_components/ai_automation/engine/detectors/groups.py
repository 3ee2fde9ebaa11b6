"""Groups: a person changes several things within a minute or so, again and again, together."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt

from ..gil import let_the_loop_in
from ..history.arrays import History
from .backtest import Backtest, BacktestSettings, held_out_span
from .days import IGNORED_STATES
from .habit_settings import HabitSettings

CHUNK = 20_000  # changes per block: bounds memory whatever the history's size


@dataclass(frozen=True, kw_only=True)
class GroupSettings:
    """Thresholds a group must pass."""

    window_seconds: float = 60.0
    min_occurrences: int = 5
    min_days: int = HabitSettings.min_days  # as many different days as a habit needs
    min_share: float = 0.6  # of the rarer member's changes made together with the other
    min_lift: float = 10.0
    max_per_day: float = 24.0  # busier kinds (chattering) never form groups
    backtest: BacktestSettings = field(default_factory=BacktestSettings)


@dataclass(frozen=True, kw_only=True)
class Group:
    """Evidence that the `members` ((entity, state), first usually first) change together."""

    members: tuple[tuple[str, str], ...]  # each entity once
    together: int  # times the two most linked members changed within the window
    share: float  # the weakest link's share of the rarer member's changes (at most 1)
    distinct_days: int  # days the weakest link was seen on
    times: int = 0  # how often the rarer member of the most linked two changed at all
    backtest: Backtest | None = None  # started by the first member, over the held-out days


@dataclass(frozen=True)
class _Links:
    """Unordered pairs of kinds changed within the window of each other, each time once."""

    a: npt.NDArray[np.int64]
    b: npt.NDArray[np.int64]
    together: npt.NDArray[np.int64]  # the fewer of: a's changes near a b, b's changes near an a
    days: npt.NDArray[np.int64]  # the fewer of the days those were on


def _near(
    history: History, kind: npt.NDArray[np.int64], chosen: npt.NDArray[np.int64], window: float
) -> npt.NDArray[np.int64]:
    """Return (chosen position * kinds + partner kind) of every change near another entity's."""
    when = history.when[chosen]
    n_kinds = int(kind.max()) + 1 if len(kind) else 1
    codes: list[npt.NDArray[np.int64]] = []
    for start in range(0, len(chosen), CHUNK):
        block = np.arange(start, min(start + CHUNK, len(chosen)))
        high = np.searchsorted(when, when[block] + window, side="right")
        counts = high - block - 1
        first = np.repeat(block, counts)
        offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
        second = first + 1 + offsets
        a, b = chosen[first], chosen[second]
        different = history.entity[a] != history.entity[b]
        first, second, a, b = first[different], second[different], a[different], b[different]
        # Each change with each kind near it, on either side, once.
        codes.append(
            _distinct(np.concatenate([first * n_kinds + kind[b], second * n_kinds + kind[a]]))
        )
        let_the_loop_in()
    if not codes:
        return np.zeros(0, np.int64)
    return _distinct(np.concatenate(codes))


def _distinct(values: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Return the distinct values, ascending."""
    # (by sorting: numpy's own hash table is many times slower on keys this wide)
    ordered = np.sort(values)
    first = np.ones(len(ordered), np.bool_)
    first[1:] = ordered[1:] != ordered[:-1]
    return ordered[first]


def _links(
    history: History, kind: npt.NDArray[np.int64], chosen: npt.NDArray[np.int64], window: float
) -> _Links:
    """Count each pair of kinds changed together: each change of either side at most once."""
    n_kinds = int(kind.max()) + 1 if len(kind) else 1
    position, partner = np.divmod(_near(history, kind, chosen, window), n_kinds)
    directed = kind[chosen[position]] * n_kinds + partner
    _, local_day = history.local_clock()
    day = local_day[chosen[position]]
    day -= int(day.min()) if len(day) else 0
    span = int(day.max()) + 1 if len(day) else 1
    # One sort: how often each pair was seen on each day; each pair's times and days from that.
    keys, per_day = np.unique(directed * span + day, return_counts=True)
    first = np.flatnonzero(np.diff(keys // span, prepend=-1))
    pairs = keys[first] // span
    counts = np.add.reduceat(per_day, first) if len(first) else per_day
    day_counts = np.diff(np.append(first, len(keys)))
    a, b = np.divmod(pairs, n_kinds)
    reverse = np.searchsorted(pairs, b * n_kinds + a)
    both = (a < b) & (reverse < len(pairs))
    both[both] = pairs[reverse[both]] == (b * n_kinds + a)[both]
    return _Links(
        a=a[both],
        b=b[both],
        together=np.minimum(counts[both], counts[reverse[both]]),
        days=np.minimum(day_counts[both], day_counts[reverse[both]]),
    )


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
    links = _links(history, kind, chosen, settings.window_seconds)
    a, b, together = links.a, links.b, links.together
    share = together / np.minimum(counts[a], counts[b])
    chance = counts[a] * counts[b] * 2 * settings.window_seconds / (days * 86400)
    lift = np.divide(together, chance, out=np.full(len(chance), np.inf), where=chance > 0)
    keep = (
        (together >= settings.min_occurrences)
        & (links.days >= settings.min_days)
        & (share >= settings.min_share)
        & (lift >= settings.min_lift)
    )
    found = _Links(a[keep], b[keep], together[keep], links.days[keep])
    groups = _components(history, kinds, found, counts, chosen, kind)
    return [
        replace(group, backtest=backtest)
        for group in groups
        if (backtest := _backtest(history, group, chosen, kind, kinds, settings)) is not None
    ]


def _components(  # noqa: PLR0917
    history: History,
    kinds: npt.NDArray[np.int64],
    links: _Links,
    counts: npt.NDArray[np.int64],
    chosen: npt.NDArray[np.int64],
    kind: npt.NDArray[np.int64],
) -> list[Group]:
    """Join linked kinds into groups, strongest links first, each entity at most once.

    A link that would put a second state of an entity in a group ("A on" with "A off") is left
    out: an automation that turns a thing both on and off, or undoes its trigger, is nonsense.
    """
    n_states = len(history.states)
    parent = {int(k): int(k) for k in np.concatenate([links.a, links.b])}
    entities = {k: {int(kinds[k]) // n_states} for k in parent}

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    used: list[int] = []
    for index in np.lexsort((-links.days, -links.together)).tolist():
        x, y = root(int(links.a[index])), root(int(links.b[index]))
        if x != y and not entities[x] & entities[y]:
            parent[x] = y
            entities[y] |= entities.pop(x)
        if root(int(links.a[index])) == root(int(links.b[index])):
            used.append(index)
    members: dict[int, list[int]] = {}
    for k in parent:
        members.setdefault(root(k), []).append(k)
    groups = []
    for group in members.values():
        if len(group) < 2:
            continue
        inside = np.array([i for i in used if root(int(links.a[i])) == root(group[0])])
        strongest = int(inside[np.argmax(links.together[inside])])
        mine = chosen[np.isin(kind[chosen], group)]
        # Who comes first: the member whose changes most often start a burst of the group.
        gaps = np.diff(history.when[mine], prepend=-np.inf)
        starts = kind[mine[gaps > 60.0]]
        order = sorted(group, key=lambda k: -int((starts == k).sum()))
        rarer = np.minimum(counts[links.a], counts[links.b])
        groups.append(
            Group(
                members=tuple(
                    (
                        history.entity_ids[int(kinds[k]) // n_states],
                        history.states[int(kinds[k]) % n_states],
                    )
                    for k in order
                ),
                together=int(links.together[strongest]),
                share=float((links.together[inside] / rarer[inside]).min()),
                distinct_days=int(links.days[inside].min()),
                times=int(rarer[strongest]),
            )
        )
    return groups


def _backtest(  # noqa: PLR0917
    history: History,
    group: Group,
    chosen: npt.NDArray[np.int64],
    kind: npt.NDArray[np.int64],
    kinds: npt.NDArray[np.int64],
    settings: GroupSettings,
) -> Backtest | None:
    """Replay the group started by its first member over the held-out days; None if it fails.

    It is right when the person changed every other member within the window, either side.
    """
    if (span := held_out_span(history, settings.backtest)) is None:
        return None
    n_states = len(history.states)
    key = {
        (history.entity_ids[int(k) // n_states], history.states[int(k) % n_states]): index
        for index, k in enumerate(kinds.tolist())
    }
    member_kinds = [key[member] for member in group.members]
    when = history.when
    first = when[chosen[kind[chosen] == member_kinds[0]]]
    done = np.ones(len(first), np.bool_)
    window = settings.window_seconds
    for other in member_kinds[1:]:
        acted = when[chosen[kind[chosen] == other]]
        low = np.searchsorted(acted, first - window, side="left")
        done &= np.searchsorted(acted, first + window, side="right") > low
    learned = int((done & (first < span[0])).sum())
    replayed = (first >= span[0]) & (first < span[1])
    right = done[replayed]
    backtest = Backtest(
        right=int(right.sum()),
        wrong=int((~right).sum()),
        results=tuple(
            (float(t), "right" if r else "wrong")
            for t, r in zip(first[replayed], right, strict=True)
        ),
    )
    if learned < settings.backtest.min_learned or not backtest.passes(settings.backtest):
        return None
    return backtest
