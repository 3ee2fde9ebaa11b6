"""Print how well the detectors do on synthetic homes: recall and precision of planted patterns.

Per kind (habits, sequences), and the forward test: suggestions learnt from all but the last
7 days, scored on those 7.
"""

from collections import Counter
from pathlib import Path
import sys
import time

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.forward import HELD_OUT_DAYS, forward_test, split, summary
from custom_components.ai_automation.engine.detectors.habits import Habit, detect_habits
from custom_components.ai_automation.engine.detectors.sequences import Sequence, detect_sequences
from custom_components.ai_automation.engine.history.arrays import History
from custom_components.ai_automation.engine.suggestions.build import build_suggestions
from tests.synthetic_home import (
    DAYS,
    START,
    TIME_ZONE,
    SyntheticHome,
    build,
    habit_matches,
    score,
    sequence_matches,
)

HOMES = 5


def _per_kind(
    home: SyntheticHome, habits: list[Habit], sequences: list[Sequence]
) -> dict[str, list[int]]:
    """Return {kind: [planted found, planted, reported right, reported]}."""
    return {
        "habit": [
            sum(any(habit_matches(h, p) for h in habits) for p in home.habits),
            len(home.habits),
            sum(any(habit_matches(h, p) for p in home.habits) for h in habits),
            len(habits),
        ],
        "sequence": [
            sum(any(sequence_matches(s, p) for s in sequences) for p in home.sequences),
            len(home.sequences),
            sum(any(sequence_matches(s, p) for p in home.sequences) for s in sequences),
            len(sequences),
        ],
    }


def _forward(home: SyntheticHome) -> dict[str, Counter[str]]:
    """Learn from all but the last days, and replay the suggestions on those."""
    learn, held_out, span = split(home.changes, START, DAYS)
    history = History.from_changes(
        learn, start=START.timestamp(), end=span.start.timestamp(), time_zone=TIME_ZONE
    )
    sequences, explained = detect_sequences(history)
    habits = detect_habits(history, explained=explained)
    return forward_test(build_suggestions(habits, sequences, [], names={}), held_out, span)


def main() -> None:
    """Print one row per noise level, over five homes each."""
    print(
        "synthetic homes (4 weeks incl. a DST change, 6 habits + 3 sequences planted each,"
        " random use in 2-3 h bands)"
    )
    for noise in (1.0, 2.0, 3.0):
        recalls, precisions, changes, seconds = [], [], 0, 0.0
        kinds: dict[str, list[int]] = {}
        tallies = []
        for seed in range(1, HOMES + 1):
            home = build(seed, noise)
            history = home.history()
            began = time.perf_counter()
            sequences, explained = detect_sequences(history)
            habits = detect_habits(history, explained=explained)
            seconds += time.perf_counter() - began
            recall, precision = score(habits, sequences, home)
            recalls.append(recall)
            precisions.append(precision)
            changes += len(history)
            for kind, counts in _per_kind(home, habits, sequences).items():
                kinds[kind] = [a + b for a, b in zip(kinds.get(kind, [0] * 4), counts, strict=True)]
            tallies.append(_forward(home))
        print(
            f"noise x{noise:.0f}: recall {sum(recalls) / HOMES:.0%}, precision"
            f" {sum(precisions) / HOMES:.0%} (goal >= 95 % / >= 97 % at x1),"
            f" {changes // HOMES:,} changes per home, {seconds / HOMES * 1000:.0f} ms per home"
        )
        for kind, (found, planted, right, reported) in kinds.items():
            print(
                f"  {kind:9s} recall {found / planted:4.0%} ({found} of {planted}),"
                f" precision {right / max(reported, 1):4.0%} ({right} of {reported})"
            )
        print(
            f"  forward test (learnt from all but the last {HELD_OUT_DAYS} days; each firing:"
            " right / near / wrong / nothing done):"
        )
        for line in summary(tallies):
            print("  " + line)


if __name__ == "__main__":
    main()
