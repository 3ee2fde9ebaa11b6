"""Suggestions for sequences: doing automatically what people do after something happens."""

from __future__ import annotations

from collections.abc import Mapping
import math
from typing import Any

from ..detectors.sequences import Sequence
from .automation import action_for, automation_config
from .phrases import duration_words, entity_name, verb
from .suggestion import Suggestion, stable_id, strength

DELAY_BINS = 12  # bars of a sequence's delay histogram
MAX_TRIGGERS = 60  # a sequence's latest replayed triggers kept as evidence (the counts cover all)
# They report a timestamp as their state: a trigger never waits for one.
STATELESS_DOMAINS = frozenset({"button", "event", "scene", "input_button"})


def trigger_words(entity_id: str, state: str, names: Mapping[str, str], hold: float = 0.0) -> str:
    """Say what happens: "Anna arrives", "the last person leaves", "Hall motion turns on".

    With a `hold`: "Hall motion has been off for 2 minutes".
    """
    domain = entity_id.split(".", 1)[0]
    name = entity_name(entity_id, names)
    if hold:
        return f"{name} has been {state} for {duration_words(hold)}"
    if entity_id == "zone.home" and state == "0":
        return "the last person leaves"
    if entity_id == "zone.home" and state == "1":
        return "the first person arrives"
    if domain in ("person", "device_tracker") and state in ("home", "not_home"):
        return f"{name} {'arrives' if state == 'home' else 'leaves'}"
    return f"{name} turns {state}"


def _delay_histogram(sequence: Sequence) -> dict[str, Any]:
    """Return the delays between trigger and action as counts in equal bins over the window."""
    window = sequence.window_seconds or max(sequence.delays, default=0.0)
    width = max(math.ceil(window / DELAY_BINS), 1)
    counts = [0] * DELAY_BINS
    for delay in sequence.delays:
        counts[min(int(delay // width), DELAY_BINS - 1)] += 1
    return {"window_seconds": window, "bin_seconds": width, "counts": counts}


def _otherwise(chance: float) -> str:
    """Say how often the action happens without the trigger (its chance in any such window)."""
    if chance < 0.02:
        return "it almost never happens otherwise"
    if chance < 0.1:
        return "it rarely happens otherwise"
    return "otherwise it happens far less often"


def _trigger(sequence: Sequence) -> dict[str, Any]:
    """Return the automation's trigger: the entity going to the state (and staying there)."""
    trigger: dict[str, Any] = {"trigger": "state", "entity_id": sequence.trigger_entity}
    if sequence.trigger_entity.split(".", 1)[0] not in STATELESS_DOMAINS:
        trigger["to"] = sequence.trigger_state
    if hold := sequence.hold_seconds:
        trigger["for"] = {"minutes": round(hold / 60)} if hold >= 60 else {"seconds": round(hold)}
    return trigger


def _sequence_evidence(sequence: Sequence) -> dict[str, Any]:
    """Return what shows the sequence: its counts, delays, confidence and strength."""
    return {
        "occurrences": sequence.occurrences,
        "trigger_count": sequence.trigger_count,
        "confidence": round(sequence.confidence, 3),
        "lift": round(sequence.lift, 1),
        "median_delay_seconds": round(sequence.median_delay_seconds, 1),
        "hold_seconds": round(sequence.hold_seconds),
        "distinct_days": sequence.distinct_days,
        "first_seen": sequence.first_seen,
        "last_seen": sequence.last_seen,
        "delays": _delay_histogram(sequence),
        "score": strength(sequence.confidence, sequence.occurrences, sequence.backtest),
        "state": sequence.action_state,
    }


def sequence_suggestion(sequence: Sequence, names: Mapping[str, str]) -> Suggestion | None:
    """Suggest doing automatically what the person does after the trigger."""
    action = action_for(sequence.action_entity, sequence.action_state)
    if action is None:
        return None
    hold = sequence.hold_seconds
    said = trigger_words(sequence.trigger_entity, sequence.trigger_state, names, hold)
    title = (
        f"{verb(sequence.action_state)} {entity_name(sequence.action_entity, names)} when {said}"
    )
    description = (
        f"After {sequence.occurrences} of {sequence.trigger_count} times,"
        f" typically {duration_words(sequence.median_delay_seconds)} later;"
        f" {_otherwise(sequence.confidence / sequence.lift if sequence.lift else 0.0)}."
    )
    backtest_evidence: dict[str, Any] = {}
    if (backtest := sequence.backtest) is not None:
        description += (
            f" In the last 7 days it would have been right {backtest.right} of"
            f" {backtest.fired} times."
        )
        backtest_evidence = {
            "backtest_right": backtest.right,
            "backtest_wrong": backtest.wrong,
            "backtest_triggers": [
                {"at": at, "result": result} for at, result in backtest.results[-MAX_TRIGGERS:]
            ],
        }
    return Suggestion(
        id=stable_id(
            "sequence",
            sequence.trigger_entity,
            sequence.trigger_state,
            sequence.action_entity,
            sequence.action_state,
        ),
        kind="sequence",
        title=title,
        description=description,
        automation=automation_config(
            title, description, triggers=[_trigger(sequence)], actions=[action]
        ),
        entities=(sequence.trigger_entity, sequence.action_entity),
        evidence=_sequence_evidence(sequence) | backtest_evidence,
    )
