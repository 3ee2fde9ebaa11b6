"""Print recall and precision per kind on homes with what real automations are made of.

And the forward test: suggestions learnt from all but the last 7 days, scored on those 7.
"""

from collections import Counter
from dataclasses import replace
from pathlib import Path
import sys
import time

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.forward import HELD_OUT_DAYS, forward_test, split, summary
from tests.real_homes import PLACES, RealHome, build_real, score_by_kind, suggest

HOMES = 10


def _forward(home: RealHome) -> dict[str, Counter[str]]:
    """Learn from all but the last days of a home, and replay the suggestions on those."""
    learn, held_out, span = split(home.changes, home.start, home.days, home.sun)
    trained = replace(home, changes=learn, days=home.days - HELD_OUT_DAYS)
    return forward_test(suggest(trained), held_out, span)


def main() -> None:
    """Print one row per kind of pattern, over ten homes (two seeds in each of five places)."""
    began = time.perf_counter()
    homes = [(home := build_real(n + 1, n % 5), suggest(home)) for n in range(HOMES)]
    seconds = time.perf_counter() - began
    by_kind, true, reported = score_by_kind(homes)
    print(
        f"real homes (4 weeks, {HOMES} homes in "
        + ", ".join(place for place, _, _ in PLACES)
        + "; bands, a tool account, a flaky device, missed and away days)"
    )
    for kind, (found, planted) in by_kind.items():
        print(f"  {kind:12s} recall {found / planted:4.0%} ({found} of {planted}; goal >= 90 %)")
    print("precision per kind of suggestion (suggestions that are a planted pattern):")
    made: dict[str, list[int]] = {}
    for home, suggestions in homes:
        for s in suggestions:
            counts = made.setdefault(s.kind, [0, 0])
            counts[0] += any(p.matches(s) for p in home.planted)
            counts[1] += 1
    for kind, (right, total) in sorted(made.items()):
        print(f"  {kind:12s} precision {right / total:4.0%} ({right} of {total})")
    found = sum(hit for hit, _ in by_kind.values())
    planted = sum(total for _, total in by_kind.values())
    print(
        f"overall: recall {found / planted:.0%} (goal >= 95 %), precision {true / reported:.0%}"
        f" ({true} of {reported} suggestions; goal >= 97 %), {seconds / HOMES * 1000:.0f} ms per home"
    )
    print(
        f"forward test (learnt from all but the last {HELD_OUT_DAYS} days, each firing on those"
        " days: right / near / wrong / nothing done):"
    )
    for line in summary(_forward(home) for home, _ in homes):
        print(line)


if __name__ == "__main__":
    main()
