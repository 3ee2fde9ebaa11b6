"""Tests of the detectors on whole homes: synthetic and realistic homes' quality, an empty home."""

import pytest

from custom_components.ai_automation.engine.detectors.habits import detect_habits
from custom_components.ai_automation.engine.detectors.sequences import detect_sequences
from custom_components.ai_automation.engine.history.arrays import Change

from ..real_homes import FLAKY_ENTITY, NODE_RED_ENTITY, build_real, score_by_kind, suggest
from ..synthetic_home import build, habit_matches, score
from .four_weeks import START, history_of


def test_synthetic_home_quality() -> None:
    """Homes with use in 2-3 h bands: >= 95 % of planted patterns found, >= 97 % of findings planted."""
    found = planted = true = reported = 0
    for seed in range(1, 6):
        home = build(seed)
        history = home.history()
        sequences, explained = detect_sequences(history)
        habits = detect_habits(history, explained=explained)
        recall, precision = score(habits, sequences, home)
        total = len(home.habits) + len(home.sequences)
        found += round(recall * total)
        planted += total
        true += round(precision * (len(habits) + len(sequences)))
        reported += len(habits) + len(sequences)
        # No automation-made change ever becomes a habit.
        assert not any(h.entity_id in {"light.garden", "light.stairs"} for h in habits)
        assert any(habit_matches(h, home.habits[2]) for h in habits)  # the midnight habit
        # Random use inside a band of the day is never a habit.
        assert not any(h.entity_id in {"lock.front_door", "climate.heating"} for h in habits)
    assert found / planted >= 0.94
    assert true / reported >= 0.97


@pytest.mark.parametrize("empty", [[], [Change("light.a", "on", START.timestamp(), False)]])
def test_nothing_to_find(empty: list[Change]) -> None:
    """An empty or automation-only history yields nothing and no error."""
    history = history_of(empty)
    sequences, _ = detect_sequences(history)
    assert sequences == []
    assert detect_habits(history) == []


def test_real_homes_quality_per_kind() -> None:
    """Ten homes in five time zones: >= 94 % found, >= 97 % right, no kind under 90 %.

    Except a set of weekdays found in the data: it is one of 127 sets that could have been
    picked, so four weeks with days away are at the edge of enough evidence (>= 80 %).
    """
    homes = [(home := build_real(n + 1, n % 5), suggest(home)) for n in range(10)]
    by_kind, true, reported = score_by_kind(homes)
    found = sum(hit for hit, _ in by_kind.values())
    planted = sum(total for _, total in by_kind.values())
    assert found / planted >= 0.94
    assert true / reported >= 0.97
    floors = {kind: 0.8 if kind == "weekday set" else 0.9 for kind in by_kind}
    assert {kind: hit / total >= floors[kind] for kind, (hit, total) in by_kind.items()} == (
        dict.fromkeys(by_kind, True)
    )
    for _, suggestions in homes:
        # Nothing from automations, the tool account's schedule, or a device dropping off.
        assert not [s for s in suggestions if {NODE_RED_ENTITY, FLAKY_ENTITY} & set(s.entities)]
        assert not [s for s in suggestions if "light.garden" in s.entities]
