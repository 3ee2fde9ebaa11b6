"""Groups, bursts and what a person would call nonsense, on what real homes' data showed."""

from datetime import datetime, timedelta
import re
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from custom_components.ai_automation.engine.detectors.groups import Group, detect_groups
from custom_components.ai_automation.engine.history.arrays import Change, History
from custom_components.ai_automation.engine.suggestions.build import (
    ExistingAutomation,
    build_suggestions,
)
from custom_components.ai_automation.engine.suggestions.suggestion import Suggestion

from ..real_homes import build_real, suggest, suggestions_of

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 10, 12, tzinfo=BERLIN)
RELAY_1, RELAY_2 = "switch.dves_1a2b3c_relais1", "switch.dves_1a2b3c_relais2"


def _history(changes: list[Change], days: float = 28) -> History:
    end = START + timedelta(days=days)
    return History.from_changes(
        changes, start=START.timestamp(), end=end.timestamp(), time_zone="Europe/Berlin"
    )


def _at(day: int, minute: float) -> float:
    return (START + timedelta(days=day, minutes=minute)).timestamp()


def _acted_on(suggestion: Suggestion) -> list[str]:
    automation = suggestion.automation or {}
    return [a["target"]["entity_id"] for a in automation.get("actions", [])]


def _nonsense(suggestion: Suggestion) -> list[str]:
    """Return what a person would call nonsense in a suggestion's automation and words."""
    found = []
    acted = _acted_on(suggestion)
    if len(acted) != len(set(acted)):
        found.append("an entity acted on twice")
    automation = suggestion.automation or {}
    triggers = {t.get("entity_id") for t in automation.get("triggers", [])}
    if triggers & set(acted):
        found.append("an action on its own trigger")
    words = f"{suggestion.title} {suggestion.description}"
    if any(int(share) > 100 for share in re.findall(r"(\d+) ?%", words)):
        found.append("a share over 100 %")
    if re.search(r"\blift\b|by chance|\d+x more", words):
        found.append("a ratio instead of what was seen")
    return found


def _clicking(day: int, minute: float, clicks: int, rng: np.random.Generator) -> list[Change]:
    """Someone clicking two relays on and off, a few seconds apart, for a while."""
    changes, at = [], _at(day, minute)
    for click in range(clicks):
        state = "on" if click % 2 == 0 else "off"
        changes.append(Change(RELAY_1, state, at, True))
        changes.append(Change(RELAY_2, state, at + rng.uniform(1, 4), True))
        at += rng.uniform(5, 12)
    return changes


@pytest.mark.parametrize(("days", "evenings"), [(1.8, (0,)), (14, (5, 11)), (28, (10, 24))])
def test_relays_clicked_on_one_or_two_evenings_are_no_pattern(
    days: float, evenings: tuple[int, ...]
) -> None:
    """Two new relays tested by clicking them on and off within seconds: nothing is suggested."""
    rng = np.random.default_rng(4)
    changes = [c for day in evenings for c in _clicking(day, 20 * 60 + 30, 28, rng)]
    suggestions = suggestions_of(_history(changes, days))
    assert [s.title for s in suggestions if {RELAY_1, RELAY_2} & set(s.entities)] == []


def test_a_group_seen_on_two_evenings_is_no_pattern() -> None:
    """Two lamps switched on together six times on each of two evenings: neither group nor sequence.

    The second evening falls in the held-out week, so a backtest alone would let it through.
    """
    changes = []
    for day in (17, 25):
        for time in range(6):
            at = _at(day, 19 * 60 + 20 * time)
            changes += [Change(RELAY_1, "on", at, True), Change(RELAY_2, "on", at + 5, True)]
            changes += [
                Change(RELAY_1, "off", at + 600, True),
                Change(RELAY_2, "off", at + 605, True),
            ]
    history = _history(changes)
    assert detect_groups(history) == []
    assert [s.title for s in suggestions_of(history)] == []


def _lamps_with_second_thoughts(day_range: range, rng: np.random.Generator) -> list[Change]:
    """Return a lamp and the ceiling light on at 19:00; on some days the lamp off and on again.

    An automation switches both off at night.
    """
    changes = []
    for day in day_range:
        at = _at(day, 19 * 60 + rng.normal(0, 5))
        changes += [
            Change("light.lamp", "on", at, True),
            Change("light.ceiling", "on", at + 8, True),
        ]
        if day % 3 == 0:  # second thoughts: off again, then on for good, within the minute
            changes += [
                Change("light.lamp", "off", at + 30, True),
                Change("light.lamp", "on", at + 55, True),
            ]
        changes += [
            Change("light.lamp", "off", at + rng.uniform(3, 4) * 3600, False),
            Change("light.ceiling", "off", at + rng.uniform(3, 4) * 3600, False),
        ]
    return changes


def test_each_time_together_counts_once_and_an_entity_once() -> None:
    """Lamp, ceiling, lamp again within a minute: one time together, never over 100 %."""
    history = _history(_lamps_with_second_thoughts(range(28), np.random.default_rng(2)))
    groups = detect_groups(history)
    assert groups
    for group in groups:
        entities = [entity for entity, _ in group.members]
        assert len(entities) == len(set(entities)), group.members
        assert group.share <= 1.0
        assert group.together <= 28
    suggestions = suggestions_of(history)
    (evening,) = [s for s in suggestions if s.kind == "group"]
    assert sorted(_acted_on(evening)) == ["light.ceiling", "light.lamp"]
    assert [(s.title, _nonsense(s)) for s in suggestions if _nonsense(s)] == []


def test_a_group_that_stopped_is_dropped() -> None:
    """Two lights switched together for three weeks, the second never in the last week: dropped."""
    rng = np.random.default_rng(8)
    changes = []
    for day in range(28):
        at = _at(day, rng.uniform(8 * 60, 22 * 60))  # no time of day: only "together" could hold
        changes.append(Change("light.desk", "on", at, True))
        changes.append(Change("light.desk", "off", at + 3600, True))
        if day < 21:
            changes.append(Change("light.shelf", "on", at + 10, True))
            changes.append(Change("light.shelf", "off", at + 3610, True))
    assert detect_groups(_history(changes)) == []
    assert [s.title for s in suggestions_of(_history(changes)) if s.kind == "group"] == []


def test_a_group_is_covered_when_any_entity_is_already_automated() -> None:
    """A socket the home's own automation switches when the boolean turns on is not suggested."""
    group = Group(
        members=(("light.hall", "on"), ("input_boolean.evening", "on"), ("switch.socket", "on")),
        together=20,
        share=0.9,
        distinct_days=20,
    )
    existing = ExistingAutomation(
        trigger_entities=frozenset({"input_boolean.evening"}),
        has_time_trigger=False,
        targets=frozenset({"switch.socket"}),
    )
    assert build_suggestions([], [], [], names={}, groups=[group])
    assert build_suggestions([], [], [], names={}, groups=[group], existing=[existing]) == []


def test_no_nonsense_in_generated_homes() -> None:
    """In homes with every kind of pattern, no suggestion cancels itself or speaks in ratios."""
    for seed in (1, 2):
        suggestions = suggest(build_real(seed, seed % 5))
        assert suggestions
        assert [(s.title, _nonsense(s)) for s in suggestions if _nonsense(s)] == []


def test_a_sequence_is_said_as_what_was_seen() -> None:
    """A sequence says what was seen: after how many times, how soon, and how rare otherwise."""
    changes = []
    for day in range(28):
        at = _at(day, 19 * 60 + day * 7)
        changes += [Change("binary_sensor.hall_motion", "on", at, False)]
        changes += [
            Change("light.hall", "on", at + 8, True),
            Change("light.hall", "off", at + 900, True),
        ]
    (suggestion,) = [s for s in suggestions_of(_history(changes)) if s.kind == "sequence"]
    assert suggestion.description.startswith(
        "After 28 of 28 times, typically 8 seconds later; it almost never happens otherwise."
    )
    assert _nonsense(suggestion) == []


def test_a_switch_played_with_every_evening_is_no_habit() -> None:
    """A child clicking a switch on and off for a minute around 19:00 every day: no suggestion.

    A motion sensor flickering just as quickly still starts the hall light.
    """
    rng = np.random.default_rng(6)
    changes = []
    for day in range(28):
        at = _at(day, 19 * 60 + rng.normal(0, 5))
        for click in range(int(rng.integers(3, 9))):
            changes.append(Change("switch.toy", "on" if click % 2 == 0 else "off", at, True))
            at += rng.uniform(2, 10)
        motion = _at(day, 7 * 60 + day * 11)
        for flicker in range(4):
            state = "on" if flicker % 2 == 0 else "off"
            changes.append(Change("binary_sensor.hall_motion", state, motion + 8 * flicker, False))
        changes.append(Change("light.hall", "on", motion + 5, True))
        changes.append(Change("light.hall", "off", motion + 900, True))
    suggestions = suggestions_of(_history(changes))
    assert [s.title for s in suggestions if "switch.toy" in s.entities] == []
    assert [s.entities for s in suggestions if s.kind == "sequence"] == [
        ("binary_sensor.hall_motion", "light.hall")
    ]
