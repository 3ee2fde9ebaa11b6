"""Tests for what follows or goes with what people do: sequences, groups, undone automations."""

from datetime import timedelta

import numpy as np

from custom_components.ai_automation.engine.detectors.groups import detect_groups, together
from custom_components.ai_automation.engine.detectors.habits import detect_habits
from custom_components.ai_automation.engine.detectors.overrides import detect_overrides
from custom_components.ai_automation.engine.detectors.sequences import detect_sequences
from custom_components.ai_automation.engine.history.arrays import Change
from custom_components.ai_automation.engine.suggestions.build import build_suggestions

from .four_weeks import START, history_of, local_at, paired_changes


def test_sequence_that_stopped_is_dropped() -> None:
    """Motion then light for three weeks, then motion alone for the last week: not suggested."""
    changes = paired_changes("binary_sensor.hall_motion", "light.hall", 28, 8.0)
    changes = [c for c in changes if not (c.manual and c.when >= local_at(21, 0))]
    sequences, _ = detect_sequences(history_of(changes))
    assert sequences == []


def test_sequence_direction_and_evidence() -> None:
    """Motion then light is found with its delay; light then motion is not."""
    sequences, explained = detect_sequences(
        history_of(paired_changes("binary_sensor.hall_motion", "light.hall", 10, 8.0))
    )
    (sequence,) = sequences
    assert (sequence.trigger_entity, sequence.action_entity) == (
        "binary_sensor.hall_motion",
        "light.hall",
    )
    assert sequence.occurrences == 10
    assert sequence.confidence == 1.0
    assert sequence.median_delay_seconds == 8.0
    assert sequence.distinct_days == 10
    assert sequence.lift > 100
    assert explained.sum() == 10
    assert sequence.backtest is not None
    assert (sequence.backtest.right, sequence.backtest.wrong) == (2, 0)


def test_one_match_per_trigger_event() -> None:
    """Two light changes after one motion count as one follow-up, not two."""
    changes = paired_changes("binary_sensor.hall_motion", "light.hall", 6, 5.0)
    changes += [Change("light.hall", "on", c.when + 30, True) for c in changes if c.manual]
    (sequence,), _ = detect_sequences(history_of(changes))
    assert sequence.occurrences == 6
    assert sequence.median_delay_seconds == 5.0


def test_busy_entities_do_not_pair_with_everything() -> None:
    """A sensor that chatters all day is before every action by chance: its lift is too low."""
    changes = paired_changes("binary_sensor.hall_motion", "light.hall", 6, 5.0)
    start = START.timestamp()
    changes += [
        Change("binary_sensor.vibration", "on", start + minute * 60, False)
        for minute in range(0, 28 * 1440, 1)
    ]
    sequences, _ = detect_sequences(history_of(changes))
    assert {s.trigger_entity for s in sequences} == {"binary_sensor.hall_motion"}


def test_sequence_keeps_its_delays_and_window() -> None:
    """A sequence carries each delay between trigger and action, and the window used."""
    (sequence,), _ = detect_sequences(
        history_of(paired_changes("binary_sensor.hall_motion", "light.hall", 10, 8.0))
    )
    assert sequence.delays == (8.0,) * 10
    assert sequence.window_seconds == 120.0


def test_lights_switched_together_are_one_group() -> None:
    """Three living-room lights at about 19:00 on weekdays, within half a minute: one suggestion."""
    rng = np.random.default_rng(5)
    lights = ("light.living_1", "light.living_2", "light.living_3")
    changes = []
    for day in range(28):
        if (START + timedelta(days=day)).weekday() >= 5:
            continue
        at = local_at(day, 1140 + rng.normal(0, 6))
        for offset, light in zip(rng.permutation(3) * 12, lights, strict=True):
            changes.append(Change(light, "on", at + offset, True))
            changes.append(Change(light, "off", at + 3 * 3600 + offset, True))
    history = history_of(changes)
    (group,) = [g for g in detect_groups(history) if g.members[0][1] == "on"]
    assert sorted(group.members) == [(light, "on") for light in lights]
    groups = detect_groups(history)
    sequences, explained = detect_sequences(history, together=together(groups))
    assert not [s for s in sequences if s.trigger_entity in lights]
    habits = detect_habits(history, explained=explained)
    suggestions = build_suggestions(habits, sequences, [], names={}, groups=groups)
    morning = [s for s in suggestions if "around 19:" in s.title]
    assert [s.kind for s in morning] == ["group"]
    (one,) = morning
    assert one.title.startswith("Turn on Living ")
    assert all(f"Living {n}" in one.title for n in (1, 2, 3))
    assert one.title.endswith("on weekdays")
    assert one.automation is not None
    assert sorted(a["target"]["entity_id"] for a in one.automation["actions"]) == list(lights)
    assert one.automation["triggers"][0]["trigger"] == "time"
    assert not [s for s in suggestions if s.kind == "sequence"]


def test_undone_automations_and_what_is_not_watched() -> None:
    """Turned back off within minutes on most days is found; unknown or idle targets are not."""
    changes = []
    for day in range(7):
        changes.append(Change("light.kitchen", "on", local_at(day, 362), False))
        changes.append(Change("light.kitchen", "off", local_at(day, 365 if day < 5 else 480), True))
    changes.append(Change("light.desk", "on", local_at(1, 600), True))
    watched = [
        ("a", "light.kitchen", "on"),
        ("b", "light.unknown", "on"),
        ("c", "light.desk", "on"),
    ]
    (undone,) = detect_overrides(history_of(changes), watched)
    assert (undone.key, undone.acted_days, undone.undone_days) == ("a", 7, 5)
