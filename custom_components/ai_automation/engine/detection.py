"""Every detector run on one history: the CPU work of an analysis."""

from __future__ import annotations

from .habits import Habit, detect_habits
from .history import History
from .sequences import Sequence, detect_sequences


def detect(history: History) -> tuple[list[Habit], list[Sequence]]:
    """Return the habits and the sequences in `history` (habits a sequence explains left out)."""
    sequences, explained = detect_sequences(history)
    return detect_habits(history, explained=explained), sequences
