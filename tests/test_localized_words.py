"""Suggestions said again in the home's language (de, nl): the card's very words, every kind."""

from dataclasses import asdict
import json
from pathlib import Path
import subprocess
from typing import Any

import pytest

from custom_components.ai_automation.engine.detectors.backtest import Backtest
from custom_components.ai_automation.engine.detectors.groups import Group
from custom_components.ai_automation.engine.detectors.habits import Habit
from custom_components.ai_automation.engine.detectors.sequences import Sequence
from custom_components.ai_automation.engine.detectors.sun_habits import SunHabit
from custom_components.ai_automation.engine.suggestions.build import build_suggestions
from custom_components.ai_automation.engine.usage.unused import UnusedCapability
from custom_components.ai_automation.suggestions.localized import (
    async_load_title_words,
    localized_description,
    localized_title,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.translation import async_translate_state

FRONTEND = Path(__file__).resolve().parent.parent / "frontend"
NAMES = {"light.kitchen": "Küchenlicht", "switch.coffee": "Kaffeemaschine",
         "light.porch": "Veranda", "binary_sensor.hall_motion": "Flurbewegung",
         "light.hall": "Flurlicht", "light.tv_lamp": "TV-Lampe", "cover.blind": "Rollo"}  # fmt: skip
RUNNER = """
import { readFileSync } from "node:fs";
import { suggestionText } from "./suggestion-text.mjs";
const { suggestions, language, names } = JSON.parse(readFileSync(process.argv[2], "utf8"));
const { states } = JSON.parse(readFileSync(process.argv[2], "utf8"));
const context = { language, name: (id) => names[id] ?? id, state: (id, state) => states[`${id}|${state}`] ?? state };
console.log(JSON.stringify(suggestions.map((s) => Object.values(suggestionText(s, context)))));
"""


def _habit(entity_id: str, **changed: Any) -> Habit:
    return Habit(**{
        "entity_id": entity_id, "state": "on", "days": "all", "minute": 405.4,
        "spread_minutes": 8.5, "occurrences": 18, "distinct_days": 17, "eligible_days": 20,
        "first_seen": 1.0, "last_seen": 2.0, "lift": 9.0, **changed,
    })  # fmt: skip


def _motion(**changed: Any) -> Sequence:
    return Sequence(**{
        "trigger_entity": "binary_sensor.hall_motion", "trigger_state": "on",
        "action_entity": "light.hall", "action_state": "on", "occurrences": 40,
        "trigger_count": 50, "confidence": 0.8, "lift": 12.0, "median_delay_seconds": 95.0,
        "distinct_days": 20, "first_seen": 1.0, "last_seen": 2.0, **changed,
    })  # fmt: skip


def _found() -> list[dict[str, Any]]:
    """Return suggestions of every kind the engine words, as the store keeps them."""
    replay = Backtest(right=5, near=1, wrong=1, results=((1.0, "right"),) * 7)
    coffee = _habit("switch.coffee", state="off", days="mon,wed,fri", away_days=2, backtest=replay)
    sun = SunHabit(event="sunset", offset_minutes=29.6, clock_spread_minutes=20.5,
                   habit=_habit("light.porch", spread_minutes=6.5))  # fmt: skip
    motion = _motion(median_delay_seconds=95.0, backtest=Backtest(right=6, wrong=2))
    leaving = Sequence(
        trigger_entity="binary_sensor.hall_motion", trigger_state="off", action_entity="light.hall",
        action_state="off", occurrences=30, trigger_count=32, confidence=0.94, lift=40.0,
        median_delay_seconds=30.5, distinct_days=20, first_seen=1.0, last_seen=2.0,
        hold_seconds=120.0,
    )  # fmt: skip
    tv = Group(members=(("light.tv_lamp", "on"), ("cover.blind", "closed")), together=12,
               share=0.86, distinct_days=11, times=14, backtest=Backtest(right=4, wrong=0))  # fmt: skip
    unused = [
        UnusedCapability(device="Stehlampe", property="color_temp", entity_id="light.floor",
                         days_in_use=14, part_days=(0, 1, 2, 13), on_off=True, value=2702.0,
                         unit="K", value_min=2200, value_max=6535),
        UnusedCapability(device="Flurlicht", property="brightness", entity_id="light.hall",
                         days_in_use=9, part_days=(2, 3, 3, 4), value=100, unit="%",
                         lookback_days=10),
        UnusedCapability(device="Heizkörper", property="preset", entity_id="climate.bedroom",
                         days_in_use=12, part_days=(12, 12, 12, 12), value="comfort"),
        UnusedCapability(device="Heizkörper", property="local_temperature_calibration",
                         entity_id="climate.bedroom", days_in_use=12, part_days=(0, 12, 0, 0),
                         value=21.0, unit="°C", label="Temperaturkalibrierung"),
    ]  # fmt: skip
    found = build_suggestions(
        [_habit("light.kitchen", days="weekdays"), coffee], [motion, leaving], unused,
        names=NAMES, sun_habits=[sun], groups=[tv],
    )  # fmt: skip
    kinds = {"habit", "sun", "sequence", "group", "unused_capability"}
    assert {s.kind for s in found} == kinds
    assert sum(s.automation is None for s in found) == 2  # (capabilities without a better use)
    return [asdict(s) | {"entities": list(s.entities), "status": "new"} for s in found]


def _card_says(
    suggestions: list[dict[str, Any]], language: str, states: dict[str, str], folder: Path
) -> list[list[str]]:
    """Return [title, evidence] of each as the card's own code says them (its sources, by Node)."""
    subprocess.run(
        [FRONTEND / "node_modules" / ".bin" / "esbuild", "src/suggestion-text.ts", "--bundle",
         "--format=esm", f"--outfile={folder / 'suggestion-text.mjs'}", "--log-level=warning"],
        cwd=FRONTEND, check=True, timeout=120,
    )  # fmt: skip
    (folder / "runner.mjs").write_text(RUNNER, encoding="utf-8")
    given = {"suggestions": suggestions, "language": language, "names": NAMES, "states": states}
    (folder / "given.json").write_text(json.dumps(given), encoding="utf-8")
    said = subprocess.run(
        ["node", "runner.mjs", "given.json"],
        cwd=folder, check=True, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return list(json.loads(said.stdout))


@pytest.mark.parametrize("language", ["de", "nl"])
@pytest.mark.usefixtures("enable_custom_integrations")
async def test_suggestions_are_said_as_the_card_says_them(
    hass: HomeAssistant, language: str, tmp_path: Path
) -> None:
    """Every kind, capabilities too: Home Assistant's title and evidence are the card's."""
    suggestions = _found()
    for entity_id, name in NAMES.items():
        hass.states.async_set(entity_id, "off", {"friendly_name": name})
    hass.config.language = language
    await async_load_title_words(hass)
    # (a state as Home Assistant names it, for the card as the frontend formats it)
    states = {
        f"{trigger['entity_id']}|{trigger['to']}": async_translate_state(
            hass, trigger["to"], trigger["entity_id"].split(".")[0], None, None, None
        )
        for s in suggestions
        for trigger in (s["automation"] or {}).get("triggers", [])
        if trigger.get("trigger") == "state"
    }
    said = [
        [localized_title(hass, s), localized_description(hass, s)]  # type: ignore[arg-type]
        for s in suggestions
    ]
    assert said == _card_says(suggestions, language, states, tmp_path)
    # (said again, none of it the stored English)
    stored = {s["title"] for s in suggestions} | {s["description"] for s in suggestions}
    assert not {text for pair in said for text in pair} & stored


@pytest.mark.usefixtures("enable_custom_integrations")
async def test_english_and_the_ais_words_stay_as_stored(hass: HomeAssistant) -> None:
    """In English, and where the AI worded a suggestion, the stored sentence is the one shown."""
    suggestions = _found()
    await async_load_title_words(hass)
    for suggestion in suggestions:
        assert localized_title(hass, suggestion) == suggestion["title"]  # type: ignore[arg-type]
        assert localized_description(hass, suggestion) == suggestion["description"]  # type: ignore[arg-type]
    hass.config.language = "de"
    await async_load_title_words(hass)
    worded = suggestions[0] | {"ai_worded": True, "description": "Morgens geht das Licht an."}
    assert localized_description(hass, worded) == "Morgens geht das Licht an."  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("language", "habit", "sun", "delay"),
    [
        ("de", "An 17 von 20 Tagen gesehen, meist auf 1 Minute genau. Nie, während niemand zu Hause"
               " war (an 1 Tag).",
         "meist auf 1 Minute genau (nach der Uhr auf 2 Minuten).", "meist 1 Sekunde später"),
        ("nl", "Gezien op 17 van 20 dagen, meestal tot op 1 minuut nauwkeurig. Nooit als er niemand"
               " thuis was (op 1 dag).",
         "meestal tot op 1 minuut nauwkeurig (op de klok tot op 2 minuten).", "meestal 1 seconde later"),
    ],
)  # fmt: skip
@pytest.mark.usefixtures("enable_custom_integrations")
async def test_one_minute_or_second_is_said_in_the_singular(
    hass: HomeAssistant, language: str, habit: str, sun: str, delay: str, tmp_path: Path
) -> None:
    """A spread under a minute and a half is "1 Minute" (never "0"), a 1 s delay "1 Sekunde".

    One day nobody was home is "1 Tag" too; English (as stored) says each in the singular.
    """
    precise = SunHabit(event="sunset", offset_minutes=29.6, clock_spread_minutes=1.5,
                       habit=_habit("light.porch", spread_minutes=1.2))  # fmt: skip
    quick = _motion(median_delay_seconds=1.2)
    found = build_suggestions(
        [_habit("light.kitchen", spread_minutes=0.3, away_days=1)], [quick], [], names=NAMES,
        sun_habits=[precise],
    )  # fmt: skip
    suggestions = [asdict(s) | {"entities": list(s.entities), "status": "new"} for s in found]
    english = {s["kind"]: s["description"] for s in suggestions}
    assert english["habit"].endswith(
        "usually within 1 minute of 06:45. Never while nobody was home (on 1 day)."
    )
    assert "within 1 minute of that (by the clock within 2 minutes)" in english["sun"]
    assert "typically 1 second later" in english["sequence"]
    hass.config.language = language
    await async_load_title_words(hass)
    said = [localized_description(hass, s) for s in suggestions]  # type: ignore[arg-type]
    by_kind = dict(zip((s["kind"] for s in suggestions), said, strict=True))
    assert by_kind["habit"] == habit
    assert sun in by_kind["sun"]
    assert delay in by_kind["sequence"]
    assert said == [evidence for _, evidence in _card_says(suggestions, language, {}, tmp_path)]


@pytest.mark.parametrize(
    ("language", "replay"),
    [
        ("de", "Hätte an 5 von den letzten 7 Tagen (Mo, Mi, Fr) gestimmt, an 1 nicht."),
        ("nl", "Zou op 5 van de laatste 7 dagen (ma, wo, vr) goed zijn geweest, op 1 fout."),
    ],
)
@pytest.mark.usefixtures("enable_custom_integrations")
async def test_a_habits_replay_is_said_with_the_days_in_the_right_case(
    hass: HomeAssistant, language: str, replay: str
) -> None:
    """German says "an 5 von den letzten 7 Tagen" (as "An 9 von 10 Tagen"), never "der ... Tagen"."""
    (coffee,) = [s for s in _found() if s["entities"] == ["switch.coffee"]]
    hass.config.language = language
    await async_load_title_words(hass)
    assert replay in localized_description(hass, coffee)  # type: ignore[arg-type]
