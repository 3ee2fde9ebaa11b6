"""Trigger -> action sequences: when A changes to a, a person changes B to b shortly after."""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np
import numpy.typing as npt

from .habits import IGNORED_STATES
from .history import History


@dataclass(frozen=True, kw_only=True)
class SequenceSettings:
    """Thresholds a sequence must pass."""

    window_seconds: float = 120.0
    min_occurrences: int = 5
    min_confidence: float = 0.5
    min_lift: float = 5.0


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


def detect_sequences(
    history: History, settings: SequenceSettings | None = None
) -> tuple[list[Sequence], npt.NDArray[np.bool_]]:
    """Find directed pairs in O(n log n): look back from each manual action over the window.

    Also return which changes the found sequences explain (for the habit detector to skip).
    """
    settings = settings or SequenceSettings()
    n_states = len(history.states)
    if not len(history):
        return [], np.zeros(0, dtype=bool)
    keys = history.entity.astype(np.int64) * n_states + history.state
    when = history.when
    actions = np.flatnonzero(history.manual)
    # For each action, the triggers are the changes in [t - window, t).
    low = np.searchsorted(when, when[actions] - settings.window_seconds, side="left")
    high = np.searchsorted(when, when[actions], side="left")
    counts = high - low
    total = int(counts.sum())
    if total == 0:
        return [], np.zeros(len(when), dtype=bool)
    action_of_pair = np.repeat(actions, counts)
    offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    trigger_of_pair = np.repeat(low, counts) + offsets
    different = history.entity[trigger_of_pair] != history.entity[action_of_pair]
    trigger_of_pair, action_of_pair = trigger_of_pair[different], action_of_pair[different]
    delay = when[action_of_pair] - when[trigger_of_pair]
    action_key = keys[action_of_pair]
    # At most one match per trigger event and action kind: keep the first action after it.
    order = np.lexsort((delay, action_key, trigger_of_pair))
    trigger_of_pair, action_key, delay = trigger_of_pair[order], action_key[order], delay[order]
    action_event = action_of_pair[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = (np.diff(trigger_of_pair) != 0) | (np.diff(action_key) != 0)
    trigger_of_pair, action_key, delay = trigger_of_pair[first], action_key[first], delay[first]
    action_event = action_event[first]
    pair_key = keys[trigger_of_pair] * (len(history.entity_ids) * n_states) + action_key
    unique_pairs, pair_index, pair_counts = np.unique(
        pair_key, return_inverse=True, return_counts=True
    )
    key_counts = np.bincount(keys, minlength=len(history.entity_ids) * n_states)
    manual_counts = np.bincount(keys[actions], minlength=len(key_counts))
    duration = max(history.end - history.start, 1.0)
    day_of = np.floor(when / 86400).astype(np.int64)
    found: list[Sequence] = []
    explained = np.zeros(len(when), dtype=bool)
    for index in np.flatnonzero(pair_counts >= settings.min_occurrences):
        trigger_key, act_key = divmod(int(unique_pairs[index]), len(key_counts))
        trigger_state = history.states[trigger_key % n_states]
        action_state = history.states[act_key % n_states]
        if trigger_state in IGNORED_STATES or action_state in IGNORED_STATES:
            continue
        occurrences = int(pair_counts[index])
        confidence = occurrences / int(key_counts[trigger_key])
        rate = manual_counts[act_key] / duration
        chance = 1 - math.exp(-rate * settings.window_seconds)
        lift = confidence / chance if chance > 0 else math.inf
        if confidence < settings.min_confidence or lift < settings.min_lift:
            continue
        members = pair_index == index
        triggers = trigger_of_pair[members]
        explained[action_event[members]] = True
        found.append(
            Sequence(
                trigger_entity=history.entity_ids[trigger_key // n_states],
                trigger_state=trigger_state,
                action_entity=history.entity_ids[act_key // n_states],
                action_state=action_state,
                occurrences=occurrences,
                trigger_count=int(key_counts[trigger_key]),
                confidence=confidence,
                lift=lift,
                median_delay_seconds=float(np.median(delay[members])),
                distinct_days=len(np.unique(day_of[triggers])),
                first_seen=float(when[triggers].min()),
                last_seen=float(when[triggers].max()),
            )
        )
    return found, explained
