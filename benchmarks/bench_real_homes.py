"""Print recall per kind of pattern and precision on homes with what real automations are made of."""

from pathlib import Path
import sys
import time

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.synthetic_home import PLACES, build_real, score_by_kind, suggest


def main() -> None:
    """Print one row per kind of pattern, over ten homes (two seeds in each of five places)."""
    began = time.perf_counter()
    homes = [(home := build_real(n + 1, n % 5), suggest(home)) for n in range(10)]
    seconds = time.perf_counter() - began
    by_kind, true, reported = score_by_kind(homes)
    print(
        "real homes (4 weeks, 10 homes in "
        + ", ".join(place for place, _, _ in PLACES)
        + "; bands, a tool account, a flaky device, missed and away days)"
    )
    for kind, (found, planted) in by_kind.items():
        print(f"  {kind:12s} recall {found / planted:4.0%} ({found} of {planted}; goal >= 90 %)")
    found = sum(hit for hit, _ in by_kind.values())
    planted = sum(total for _, total in by_kind.values())
    print(
        f"overall: recall {found / planted:.0%} (goal >= 95 %), precision {true / reported:.0%}"
        f" ({true} of {reported} suggestions; goal >= 97 %), {seconds / 10 * 1000:.0f} ms per home"
    )


if __name__ == "__main__":
    main()
