"""Every detector run on one history, in the order they depend on each other.

The CPU work of an analysis: it runs in the detectors' own process (`worker.py`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from ..history.arrays import History
from .bursts import without_bursts
from .clock_or_presence import clock_or_presence, presence_explained
from .groups import Group, detect_groups, together
from .habits import Habit, detect_habits
from .overrides import Override, detect_overrides
from .presence import days_away, with_presence
from .sequences import Sequence, count_candidates, detect_sequences
from .sun_habits import SunHabit, detect_sun_habits


@dataclass(frozen=True, kw_only=True)
class Findings:
    """What the detectors found, and what the history they read held."""

    habits: list[Habit]
    sequences: list[Sequence]
    sun_habits: list[SunHabit]
    groups: list[Group]
    overrides: list[Override] = field(default_factory=list)
    entity_ids: tuple[str, ...] = ()  # the entities that changed
    changes: int = 0  # how many real changes there were
    kept_changes: int = 0  # how many of them came from the days earlier analyses kept
    first_change: float | None = None  # when the oldest was (UTC seconds)
    peak_memory: int | None = None  # the detectors' own process's peak, in bytes (None: not one)
    # The new days' files the detectors' process wrote (their facts), or why it could not.
    kept: list[dict[str, Any]] | str | None = None
    # When the detectors' process was ready, had all rows, had them in order, had detected
    # (`time.monotonic()` there; empty where the detectors ran inside Home Assistant).
    marks: dict[str, float] = field(default_factory=dict)


def detect(
    history: History,
    sun: Mapping[str, Mapping[int, float]],
    accepted: Collection[tuple[str, str, str]] = (),
) -> Findings:
    """Find groups, then sequences, then the habits the sequences do not explain.

    A clock habit and a trigger of people arriving or leaving that explain the same changes are
    compared; the one that explains more is kept. `sun` holds each local day's sunset and sunrise (local minutes, by day number). Group
    members do not explain each other; habits are looked for on the clock and in the sun's frame.
    `accepted` (key, entity, state) are accepted automations checked for being undone.
    Quick on/off bursts are left out first: they are no pattern of any kind.
    """
    read, history = history, without_bursts(history)
    # The sequences' first pass needs nothing the groups find: it runs beside them (numpy lets go
    # of the GIL in its long steps, so a second core shortens the run; the results are the same).
    history.local_clock()  # (worked out once, before both read it)
    with ThreadPoolExecutor(1, thread_name_prefix="ai_automation_sequences") as beside:
        counting = beside.submit(count_candidates, history)
        groups = detect_groups(history)
        counted = counting.result()
    sequences, explained = detect_sequences(history, together=together(groups), counted=counted)
    away = days_away(history)
    # A clock habit may explain what people arriving or leaving explains: the better one is kept.
    habits = detect_habits(
        history, explained=explained & ~presence_explained(history, sequences), away=away
    )
    habits, sequences = clock_or_presence(history, with_presence(history, habits), sequences)
    return Findings(
        habits=habits,
        sequences=sequences,
        sun_habits=detect_sun_habits(history, sun, explained=explained, away=away),
        groups=groups,
        overrides=detect_overrides(history, accepted) if accepted else [],
        entity_ids=read.entity_ids,
        changes=len(read),
        first_change=float(read.when[0]) if len(read) else None,
    )
