"""In English the card shows the stored description beside its pictures: their figures agree."""

from dataclasses import asdict
import json
from pathlib import Path
import re
import subprocess
from typing import Any

from custom_components.ai_automation.engine.detectors.habits import Habit
from custom_components.ai_automation.engine.detectors.sequences import Sequence
from custom_components.ai_automation.engine.detectors.sun_habits import SunHabit
from custom_components.ai_automation.engine.suggestions.build import build_suggestions

FRONTEND = Path(__file__).resolve().parent.parent / "frontend"
# The card's own code: the sun habit's picture caption, and the delay picture's "typically N s".
ENTRY = f"""
export {{ sunText }} from "{FRONTEND / "src" / "habit-picture.ts"}";
export {{ typicalText }} from "{FRONTEND / "src" / "delay-picture.ts"}";
export {{ translator }} from "{FRONTEND / "src" / "translations.ts"}";
"""
RUNNER = """
import { readFileSync } from "node:fs";
import { sunText, translator, typicalText } from "./card.mjs";
const { sun, delays } = JSON.parse(readFileSync(process.argv[2], "utf8"));
const t = translator("en");
console.log(JSON.stringify({
  sun: sun.map((evidence) => sunText(evidence, t)),
  delays: delays.map((seconds) => typicalText(seconds, t)),
}));
"""
# Figures whose tenth (what the evidence stores) rounds up while the figure itself rounds down,
# and halves, which Python's round() takes to the even number and the card's Math.round up.
SPREADS = [(6.46, 20.5), (2.5, 0.45), (11.449, 3.5)]
DELAYS = [30.46, 30.5, 7.5, 12.25]


def _habit(**changed: Any) -> Habit:
    return Habit(**{
        "entity_id": "light.porch", "state": "on", "days": "all", "minute": 1100.0,
        "spread_minutes": 8.0, "occurrences": 18, "distinct_days": 17, "eligible_days": 20,
        "first_seen": 1.0, "last_seen": 2.0, "lift": 9.0, **changed,
    })  # fmt: skip


def _sequence(median: float, action: str) -> Sequence:
    return Sequence(
        trigger_entity="binary_sensor.hall_motion", trigger_state="on", action_entity=action,
        action_state="on", occurrences=40, trigger_count=50, confidence=0.8, lift=12.0,
        median_delay_seconds=median, distinct_days=20, first_seen=1.0, last_seen=2.0,
    )  # fmt: skip


def _card_says(sun: list[dict[str, Any]], delays: list[float], folder: Path) -> dict[str, Any]:
    """Return what the card's own code shows for these evidences (its sources, run by Node)."""
    (folder / "entry.ts").write_text(ENTRY, encoding="utf-8")
    subprocess.run(
        [FRONTEND / "node_modules" / ".bin" / "esbuild", str(folder / "entry.ts"), "--bundle",
         "--format=esm", "--platform=node", f"--outfile={folder / 'card.mjs'}",
         "--log-level=warning"],
        cwd=FRONTEND, check=True, timeout=120,
    )  # fmt: skip
    (folder / "runner.mjs").write_text(RUNNER, encoding="utf-8")
    (folder / "given.json").write_text(json.dumps({"sun": sun, "delays": delays}), "utf-8")
    said = subprocess.run(
        ["node", "runner.mjs", "given.json"],
        cwd=folder, check=True, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return dict(json.loads(said.stdout))


def _numbers(text: str) -> list[int]:
    return [int(number) for number in re.findall(r"\d+", text)]


def test_the_description_says_the_figures_the_pictures_show(tmp_path: Path) -> None:
    """A sun habit's spreads and a sequence's typical delay: the same whole numbers in both."""
    sun_habits = [
        SunHabit(
            event="sunset",
            offset_minutes=29.6,
            clock_spread_minutes=clock,
            habit=_habit(entity_id=f"light.porch_{n}", spread_minutes=spread),
        )
        for n, (spread, clock) in enumerate(SPREADS)
    ]
    sequences = [_sequence(median, f"light.hall_{n}") for n, median in enumerate(DELAYS)]
    built = [
        asdict(s) for s in build_suggestions([], sequences, [], names={}, sun_habits=sun_habits)
    ]
    sun = [s for s in built if s["kind"] == "sun"]
    delays = [s for s in built if s["kind"] == "sequence"]
    assert (len(sun), len(delays)) == (len(SPREADS), len(DELAYS))
    card = _card_says(
        [s["evidence"] for s in sun],
        [s["evidence"]["median_delay_seconds"] for s in delays],
        tmp_path,
    )
    for suggestion, caption in zip(sun, card["sun"], strict=True):
        # "... usually within 7 minutes of that (by the clock within 21 minutes)."
        said = re.search(r"usually within (.*)\)\.$", suggestion["description"])
        assert said, suggestion["description"]
        # "30 min after sunset, usually within 7 min of it (by the clock within 21 min)"
        assert _numbers(said[1]) == _numbers(caption.split(", usually", 1)[1])
    for suggestion, typical in zip(delays, card["delays"], strict=True):
        # "... typically 31 seconds later; ..." beside the picture's "typically 31 s"
        said = re.search(r"typically (\d+) seconds? later", suggestion["description"])
        assert said, suggestion["description"]
        assert [int(said[1])] == _numbers(typical)
