"""Trigger -> action sequences: when A changes to a, a person changes B to b shortly after."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
import time

import numpy as np
import numpy.typing as npt

from .backtest import Backtest, BacktestSettings, replay_sequence
from .habits import IGNORED_STATES
from .history import History


@dataclass(frozen=True, kw_only=True)
class SequenceSettings:
    """Thresholds a sequence must pass."""

    window_seconds: float = 120.0
    min_occurrences: int = 5
    min_confidence: float = 0.5
    min_lift: float = 5.0
    backtest: BacktestSettings = field(default_factory=BacktestSettings)


@dataclass(frozen=True, kw_only=True)
class Sequence:
    """Evidence that `action_entity` follows `trigger_entity` (direction kept)."""

    trigger_entity: str
    trigger_state: str
    action_entity: str
    action_state: str
    occurrences: int  # trigger events followed by the action (at most one per trigger event)
    trigger_count: int
    confidence: float  # P(action within the window | trigger)
    lift: float  # confidence over the chance of the action in any such window
    median_delay_seconds: float
    distinct_days: int
    first_seen: float
    last_seen: float
    backtest: Backtest | None = None
    window_seconds: float = 0.0  # the longest delay that counted
    # Every delay (seconds) between trigger and action, the latest MAX_DELAYS, in time order.
    delays: tuple[float, ...] = ()


MAX_DELAYS = 500  # delays kept per sequence as evidence
CHUNK = 20_000  # trigger events per block: bounds memory whatever the history's size


@dataclass(frozen=True)
class _Pairs:
    """Trigger events paired with the first later action of each kind (one block of triggers)."""

    trigger: npt.NDArray[np.int64]  # event index of the trigger
    action: npt.NDArray[np.int64]  # event index of the action
    pair: npt.NDArray[np.int64]  # dense trigger kind * n_kinds + dense action kind


def _pairs(
    history: History,
    kind: npt.NDArray[np.int64],
    *,
    n_kinds: int,
    actions: npt.NDArray[np.int64],
    block: slice,
    window: float,
) -> _Pairs:
    """Pair each trigger in `block` with the first action of each kind in (t, t + window]."""
    when = history.when
    start = block.start
    triggers_when = when[block]
    action_when = when[actions]
    low = np.searchsorted(action_when, triggers_when, side="right")
    high = np.searchsorted(action_when, triggers_when + window, side="right")
    counts = high - low
    total = int(counts.sum())
    trigger = np.repeat(np.arange(start, start + len(counts), dtype=np.int64), counts)
    action = actions[
        np.repeat(low, counts) + np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    ]
    different = history.entity[trigger] != history.entity[action]
    trigger, action = trigger[different], action[different]
    # Pairs come in time order of the action for each trigger, so a stable sort on
    # (trigger, action kind) keeps the first action of each kind first.
    order = np.argsort((trigger - start) * n_kinds + kind[action], kind="stable")
    trigger, action = trigger[order], action[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = (np.diff(trigger) != 0) | (np.diff(kind[action]) != 0)
    trigger, action = trigger[first], action[first]
    return _Pairs(trigger, action, kind[trigger] * n_kinds + kind[action])


def detect_sequences(
    history: History,
    settings: SequenceSettings | None = None,
    *,
    together: Collection[tuple[str, str]] = (),
) -> tuple[list[Sequence], npt.NDArray[np.bool_]]:
    """Find directed pairs in O(n log n): from each change, the manual actions within the window.

    Also return which changes the found sequences explain (for the habit detector to skip).
    Pairs of entities in `together` (members of a group, changed together) are neither
    sequences nor explanations: what starts the group is looked for instead.
    """
    settings = settings or SequenceSettings()
    when = history.when
    explained = np.zeros(len(when), dtype=bool)
    actions = np.flatnonzero(history.manual).astype(np.int64)
    if not len(actions):
        return [], explained
    # Dense kinds: one number per (entity, state) that occurs.
    kinds, kind = np.unique(
        history.entity.astype(np.int64) * len(history.states) + history.state, return_inverse=True
    )
    kind = kind.astype(np.int64)
    n_kinds = len(kinds)
    blocks = [slice(i, min(i + CHUNK, len(when))) for i in range(0, len(when), CHUNK)]

    def pairs_in(block: slice) -> _Pairs:
        return _pairs(
            history,
            kind,
            n_kinds=n_kinds,
            actions=actions,
            block=block,
            window=settings.window_seconds,
        )

    # Pass 1: how often each (trigger kind, action kind) pair occurs.
    found_pairs, found_counts = [], []
    for block in blocks:
        pairs = pairs_in(block)
        unique, counts = np.unique(pairs.pair, return_counts=True)
        time.sleep(0)  # let other threads (Home Assistant's event loop) take the GIL
        found_pairs.append(unique)
        found_counts.append(counts)
    all_pairs = np.concatenate(found_pairs)
    unique_pairs, inverse = np.unique(all_pairs, return_inverse=True)
    pair_counts = np.bincount(inverse, weights=np.concatenate(found_counts)).astype(np.int64)
    kind_counts = np.bincount(kind, minlength=n_kinds)
    manual_counts = np.bincount(kind[actions], minlength=n_kinds)
    duration = max(history.end - history.start, 1.0)
    trigger_kinds, action_kinds = np.divmod(unique_pairs, n_kinds)
    confidence = pair_counts / kind_counts[trigger_kinds]
    chance = 1 - np.exp(-(manual_counts[action_kinds] / duration) * settings.window_seconds)
    lift = np.divide(confidence, chance, out=np.full(len(chance), np.inf), where=chance > 0)
    ignored_state = np.array([state in IGNORED_STATES for state in history.states], dtype=bool)
    ignored = ignored_state[kinds % len(history.states)]
    keep = np.flatnonzero(
        (pair_counts >= settings.min_occurrences)
        & (confidence >= settings.min_confidence)
        & (lift >= settings.min_lift)
        & ~ignored[trigger_kinds]
        & ~ignored[action_kinds]
    )
    if not len(keep):
        return [], explained
    # Pass 2: the evidence of the pairs that passed.
    wanted = unique_pairs[keep]
    members: dict[int, list[_Pairs]] = {int(pair): [] for pair in wanted}
    for block in blocks:
        pairs = pairs_in(block)
        mask = np.isin(pairs.pair, wanted)
        for pair in np.unique(pairs.pair[mask]):
            chosen = pairs.pair == pair
            members[int(pair)].append(
                _Pairs(pairs.trigger[chosen], pairs.action[chosen], pairs.pair[chosen])
            )
    day_of = np.floor(when / 86400).astype(np.int64)
    replay = _held_out(history, settings.backtest)
    found: list[Sequence] = []
    for index in keep:
        parts = members[int(unique_pairs[index])]
        triggers = np.concatenate([p.trigger for p in parts])
        acted = np.concatenate([p.action for p in parts])
        backtest = _backtest(
            history,
            kind,
            actions,
            (int(trigger_kinds[index]), int(action_kinds[index])),
            when[triggers],
            replay,
            settings,
        )
        trigger_key, action_key = kinds[trigger_kinds[index]], kinds[action_kinds[index]]
        n_states = len(history.states)
        if backtest is None or _entities(history, trigger_key, action_key) in together:
            continue
        explained[acted] = True
        found.append(
            Sequence(
                trigger_entity=history.entity_ids[int(trigger_key) // n_states],
                trigger_state=history.states[int(trigger_key) % n_states],
                action_entity=history.entity_ids[int(action_key) // n_states],
                action_state=history.states[int(action_key) % n_states],
                occurrences=int(pair_counts[index]),
                trigger_count=int(kind_counts[trigger_kinds[index]]),
                confidence=float(confidence[index]),
                lift=float(lift[index]),
                median_delay_seconds=float(np.median(when[acted] - when[triggers])),
                distinct_days=len(np.unique(day_of[triggers])),
                first_seen=float(when[triggers].min()),
                last_seen=float(when[triggers].max()),
                backtest=backtest,
                window_seconds=settings.window_seconds,
                delays=_delays(when[triggers], when[acted]),
            )
        )
    return found, explained


def _entities(history: History, *keys: np.int64) -> tuple[str, ...]:
    """Return the entity ids of dense (entity, state) keys."""
    return tuple(history.entity_ids[int(key) // len(history.states)] for key in keys)


def _held_out(history: History, settings: BacktestSettings) -> tuple[float, float] | None:
    """Return the UTC span of the last whole local days held out for the backtest."""
    days = history.whole_days()
    if len(days) <= settings.days:
        return None
    return history.day_start(int(days[-settings.days])), history.day_start(int(days[-1]) + 1)


def _backtest(  # noqa: PLR0917
    history: History,
    kind: npt.NDArray[np.int64],
    actions: npt.NDArray[np.int64],
    kinds: tuple[int, int],
    paired: npt.NDArray[np.float64],
    replay: tuple[float, float] | None,
    settings: SequenceSettings,
) -> Backtest | None:
    """Replay the sequence over the held-out days; None if it cannot be learned or mostly fails."""
    if replay is None or (paired < replay[0]).sum() < settings.backtest.min_learned:
        return None
    when = history.when
    low, high = np.searchsorted(when, replay)
    span = np.arange(low, high)
    triggers = when[span[kind[span] == kinds[0]]]
    acted = actions[kind[actions] == kinds[1]]
    backtest = replay_sequence(
        triggers=triggers, actions=when[acted], window=settings.window_seconds
    )
    return backtest if backtest.passes(settings.backtest) else None


def _delays(
    triggered: npt.NDArray[np.float64], acted: npt.NDArray[np.float64]
) -> tuple[float, ...]:
    """Return each delay (seconds) between trigger and action, the latest MAX_DELAYS, in time order."""
    order = np.argsort(triggered, kind="stable")[-MAX_DELAYS:]
    return tuple(round(float(d), 1) for d in acted[order] - triggered[order])
