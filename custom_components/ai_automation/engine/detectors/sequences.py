"""Trigger -> action sequences: when A changes to a, a person changes B to b shortly after."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from ..history.arrays import History
from .backtest import Backtest, BacktestSettings, held_out_span, replay_sequence
from .days import IGNORED_STATES
from .habit_settings import HabitSettings
from .presence import EntityRows, fired_when_possible, is_presence
from .sequence_pairs import Actions, Counted, count_pairs
from .waits import hold, state_ends


@dataclass(frozen=True, kw_only=True)
class SequenceSettings:
    """Thresholds a sequence must pass."""

    window_seconds: float = 120.0
    # After someone arrives or leaves: trackers report minutes late, people leave in stages.
    presence_window_seconds: float = 600.0
    min_occurrences: int = 5
    min_days: int = HabitSettings.min_days  # as many different days as a habit needs
    min_confidence: float = 0.5
    min_lift: float = 5.0
    # A trigger to a resting state ("motion off") followed this much later (typically) is a
    # wait: the automation waits with `for:` until the state has lasted that long.
    min_hold_seconds: float = 30.0
    min_held_share: float = 0.5  # of the times the action followed, the state lasted the wait
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
    hold_seconds: float = 0.0  # the automation waits until the trigger's state lasted this long
    # Every delay (seconds) between trigger and action, the latest MAX_DELAYS, in time order.
    delays: tuple[float, ...] = ()


MAX_DELAYS = 500  # delays kept per sequence as evidence
CHUNK = 20_000  # trigger events per block: bounds memory whatever the history's size


def _pairs(
    history: History,
    triggers: npt.NDArray[np.int64],
    actions: Actions,
    windows: npt.NDArray[np.float64],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Pair each trigger with the first action of each kind in (t, t + its entity's window].

    Return (trigger event index, position in `actions`), triggers in order, each trigger's
    actions in time order. Actions of the trigger's own entity are left out.
    """
    when = history.when[triggers]
    low = np.searchsorted(actions.when, when, side="right")
    high = np.searchsorted(actions.when, when + windows[history.entity[triggers]], side="right")
    counts = high - low
    trigger = np.repeat(triggers, counts)
    position = np.repeat(low - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))
    first = (actions.previous[position] <= np.repeat(when, counts)) & (
        history.entity[trigger] != history.entity[actions.index[position]]
    )
    return trigger[first], position[first]


def count_candidates(history: History, settings: SequenceSettings | None = None) -> Counted | None:
    """Return pass 1 of `detect_sequences` (None: nobody changed anything).

    It needs nothing the other detectors find, so it may run beside them.
    """
    manual = np.flatnonzero(history.manual).astype(np.int64)
    if not len(manual):
        return None
    _, kind = history.kinds
    actions = Actions.of(history, manual, kind)
    action_kinds_of = np.unique(kind[manual])  # dense action kind -> kind
    windows = _windows(history, settings or SequenceSettings())
    pairs, counts = count_pairs(history, actions, action_kinds_of, windows)
    return Counted(manual, actions, action_kinds_of, windows, pairs, counts)


def detect_sequences(
    history: History,
    settings: SequenceSettings | None = None,
    *,
    together: Collection[tuple[str, str]] = (),
    counted: Counted | None = None,
) -> tuple[list[Sequence], npt.NDArray[np.bool_]]:
    """Find directed pairs in O(n log n): from each change, the manual actions within the window.

    Also return which changes the found sequences explain (for the habit detector to skip).
    Pairs of entities in `together` (members of a group, changed together) are neither
    sequences nor explanations: what starts the group is looked for instead. `counted`: pass 1,
    if it was done already (`count_candidates` with the same settings).
    """
    settings = settings or SequenceSettings()
    when = history.when
    explained = np.zeros(len(when), dtype=bool)
    # Pass 1: how often each (trigger kind, action kind) pair occurs.
    if counted is None and (counted := count_candidates(history, settings)) is None:
        return [], explained
    manual, actions, action_kinds_of = counted.manual, counted.actions, counted.action_kinds_of
    windows, unique_pairs, pair_counts = counted.windows, counted.pairs, counted.counts
    kinds, kind = history.kinds  # one number per (entity, state) that occurs
    n_kinds = len(kinds)
    kind_counts = np.bincount(kind, minlength=n_kinds)
    manual_counts = np.bincount(actions.kind, minlength=actions.n_kinds)
    duration = max(history.recorded_seconds(), 1.0)  # (time HA was not recording is no chance)
    trigger_kinds, action_dense = np.divmod(unique_pairs, actions.n_kinds)
    action_kinds = action_kinds_of[action_dense]
    n_states = len(history.states)
    fired = _fired_when_possible(
        history, kinds, (trigger_kinds, action_kinds), pair_counts >= settings.min_occurrences
    )
    triggered = kind_counts[trigger_kinds]
    for index, times in fired.items():
        triggered[index] = len(times)
    confidence = np.minimum(pair_counts / np.maximum(triggered, 1), 1.0)
    window = windows[kinds[trigger_kinds] // n_states]
    chance = 1 - np.exp(-(manual_counts[action_dense] / duration) * window)
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
    evidence = _evidence(history, kind, actions, unique_pairs[keep], windows)
    _, day_of = history.local_clock()
    replay = held_out_span(history, settings.backtest)
    found: list[Sequence] = []
    for index, (triggers, acted) in zip(keep, evidence, strict=True):
        if len(np.unique(day_of[triggers])) < settings.min_days:
            continue
        trigger_key, action_key = kinds[trigger_kinds[index]], kinds[action_kinds[index]]
        median_delay = float(np.median(when[acted] - when[triggers]))
        wait = hold(
            history,
            (int(trigger_key), triggers, median_delay),
            settings.min_hold_seconds,
            settings.min_held_share,
        )
        if wait is None:
            continue
        backtest = _backtest(
            history,
            kind,
            manual,
            (int(trigger_kinds[index]), int(action_kinds[index])),
            when[triggers],
            replay,
            (fired.get(int(index)), float(window[index]), wait),
            settings,
        )
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
                trigger_count=int(triggered[index]),
                confidence=float(confidence[index]),
                lift=float(lift[index]),
                median_delay_seconds=median_delay,
                distinct_days=len(np.unique(day_of[triggers])),
                first_seen=float(when[triggers].min()),
                last_seen=float(when[triggers].max()),
                backtest=backtest,
                window_seconds=float(window[index]),
                hold_seconds=wait,
                delays=_delays(when[triggers], when[acted]),
            )
        )
    return found, explained


def _evidence(
    history: History,
    kind: npt.NDArray[np.int64],
    actions: Actions,
    wanted: npt.NDArray[np.int64],
    windows: npt.NDArray[np.float64],
) -> list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]]:
    """Return (trigger, action) event indices of each wanted pair code, triggers in time order.

    Only the wanted pairs' kinds are paired: a small part of the history, usually.
    """
    trigger_kinds, action_kinds = np.divmod(wanted, actions.n_kinds)
    wanted_triggers = np.zeros(int(kind.max()) + 1, np.bool_)
    wanted_triggers[trigger_kinds] = True
    wanted_actions = np.zeros(actions.n_kinds, np.bool_)
    wanted_actions[action_kinds] = True
    chosen = actions.subset(wanted_actions)
    candidates = np.flatnonzero(wanted_triggers[kind]).astype(np.int64)
    triggers, acted, codes = [], [], []
    for begin in range(0, len(candidates), CHUNK):
        trigger, position = _pairs(history, candidates[begin : begin + CHUNK], chosen, windows)
        code = kind[trigger] * actions.n_kinds + chosen.kind[position]
        mine = np.isin(code, wanted)
        triggers.append(trigger[mine])
        acted.append(chosen.index[position[mine]])
        codes.append(code[mine])
    all_codes = np.concatenate(codes)
    order = np.argsort(all_codes, kind="stable")  # by pair, each pair's triggers in time order
    all_triggers, all_acted = np.concatenate(triggers)[order], np.concatenate(acted)[order]
    low = np.searchsorted(all_codes[order], wanted, side="left")
    high = np.searchsorted(all_codes[order], wanted, side="right")
    return [(all_triggers[a:b], all_acted[a:b]) for a, b in zip(low, high, strict=True)]


def _entities(history: History, *keys: np.int64) -> tuple[str, ...]:
    """Return the entity ids of dense (entity, state) keys."""
    return tuple(history.entity_ids[int(key) // len(history.states)] for key in keys)


def _backtest(  # noqa: PLR0917
    history: History,
    kind: npt.NDArray[np.int64],
    actions: npt.NDArray[np.int64],
    kinds: tuple[int, int],
    paired: npt.NDArray[np.float64],
    replay: tuple[float, float] | None,
    fired: tuple[npt.NDArray[np.float64] | None, float, float],
    settings: SequenceSettings,
) -> Backtest | None:
    """Replay the sequence over the held-out days; None if it cannot be learned or mostly fails.

    `fired`: when the trigger fired while the action could follow (None: every time it fired),
    the window after it, and how long its state must last before the automation acts.
    """
    if replay is None or (paired < replay[0]).sum() < settings.backtest.min_learned:
        return None
    when = history.when
    times, window, hold = fired
    until = None
    if times is None:
        low, high = np.searchsorted(when, replay)
        span = np.arange(low, high)
        events = span[kind[span] == kinds[0]]
        triggers = when[events]
        until = state_ends(history, events)
    else:
        triggers = times[(times >= replay[0]) & (times < replay[1])]
    acted = actions[kind[actions] == kinds[1]]
    backtest = replay_sequence(
        triggers=triggers, actions=when[acted], window=window, hold=hold, until=until
    )
    return backtest if backtest.passes(settings.backtest) else None


def _windows(history: History, settings: SequenceSettings) -> npt.NDArray[np.float64]:
    """Return the window after each entity's changes: longer after people arrive or leave."""
    return np.array(
        [
            settings.presence_window_seconds if is_presence(entity) else settings.window_seconds
            for entity in history.entity_ids
        ],
        np.float64,
    )


def _fired_when_possible(
    history: History,
    kinds: npt.NDArray[np.int64],
    pairs: tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]],
    frequent: npt.NDArray[np.bool_],
) -> dict[int, npt.NDArray[np.float64]]:
    """Return, per frequent pair with a presence trigger, when it fired while the action could.

    Only those count for its confidence and backtest: "17 of 19 departures with a light on".
    """
    n_states = len(history.states)
    presence = np.array([is_presence(entity) for entity in history.entity_ids], np.bool_)
    trigger_kinds, action_kinds = pairs
    chosen = np.flatnonzero(frequent & presence[kinds[trigger_kinds] // n_states])
    if not len(chosen):
        return {}
    rows = EntityRows(history)
    result: dict[int, npt.NDArray[np.float64]] = {}
    for index in chosen.tolist():
        trigger = divmod(int(kinds[trigger_kinds[index]]), n_states)
        action = divmod(int(kinds[action_kinds[index]]), n_states)
        result[index] = fired_when_possible(history, trigger, action, rows)
    return result


def _delays(
    triggered: npt.NDArray[np.float64], acted: npt.NDArray[np.float64]
) -> tuple[float, ...]:
    """Return each delay (seconds) between trigger and action, the latest MAX_DELAYS, in time order."""
    order = np.argsort(triggered, kind="stable")[-MAX_DELAYS:]
    return tuple(round(float(d), 1) for d in acted[order] - triggered[order])
