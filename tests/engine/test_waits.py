"""Tests for sequences that wait: "motion off, two minutes later the light off" waits with `for:`."""

from datetime import timedelta

import numpy as np

from custom_components.ai_automation.engine.detectors.sequences import detect_sequences
from custom_components.ai_automation.engine.detectors.waits import hold
from custom_components.ai_automation.engine.history.arrays import Change
from custom_components.ai_automation.engine.suggestions.build import build_suggestions

from .hall_motion import DAYS, NAMES, START, history as _history, motion_then_light_off


def _off_sequence(changes: list[Change]):  # type: ignore[no-untyped-def]
    sequences, _ = detect_sequences(_history(changes))
    return next(s for s in sequences if (s.trigger_state, s.action_state) == ("off", "off"))


def test_light_off_two_minutes_after_motion_off_waits_for_it() -> None:
    """The automation waits until motion has been off for 2 minutes, and says so."""
    sequence = _off_sequence(motion_then_light_off())
    assert sequence.hold_seconds == 120
    suggestion = next(
        s for s in build_suggestions([], [sequence], [], names=NAMES) if s.kind == "sequence"
    )
    assert suggestion.automation is not None
    assert suggestion.automation["triggers"] == [
        {
            "trigger": "state",
            "entity_id": "binary_sensor.hall_motion",
            "to": "off",
            "for": {"minutes": 2},
        }
    ]
    assert suggestion.title == "Turn off Hall light when Hall motion has been off for 2 minutes"
    assert suggestion.description.startswith(
        f"After {DAYS} of {DAYS} times, typically 2 minutes later;"
    )
    assert suggestion.evidence["hold_seconds"] == 120


def test_replay_fires_only_when_the_state_lasted() -> None:
    """Motion back within the 2 minutes on held-out evenings: the replay does not fire then."""
    sequence = _off_sequence(motion_then_light_off(back_within_hold=2))
    assert sequence.hold_seconds == 120
    assert sequence.backtest is not None
    # 7 held-out evenings, 9 offs: the 2 that did not last would have left the light on (as the
    # person did); acting at once, they would have turned it off while someone was there.
    assert len(sequence.backtest.results) == 7
    assert (sequence.backtest.right, sequence.backtest.wrong) == (7, 0)


def test_light_on_after_motion_on_acts_at_once() -> None:
    """Motion on, light on 40 s later: an "on" trigger acts at once (the person walks in)."""
    changes = []
    for day in range(DAYS):
        at = (START + timedelta(days=day, hours=19, minutes=day % 5 * 7)).timestamp()
        changes += [
            Change("binary_sensor.hall_motion", "on", at, False),
            Change("light.hall", "on", at + 40, True),
            Change("binary_sensor.hall_motion", "off", at + 300, False),
        ]
    sequences, _ = detect_sequences(_history(changes))
    (sequence,) = sequences
    assert sequence.hold_seconds == 0
    (suggestion,) = build_suggestions([], [sequence], [], names=NAMES)
    assert suggestion.automation is not None
    assert "for" not in suggestion.automation["triggers"][0]
    assert suggestion.title == "Turn on Hall light when Hall motion turns on"
    assert "typically 40 seconds later" in suggestion.description


def _wait(changes: list[Change]) -> float | None:
    """Return the wait `hold` picks for motion off -> light off, from the times they paired."""
    history = _history(changes)
    motion = history.entity_ids.index("binary_sensor.hall_motion")
    off = history.states.index("off")
    offs = np.flatnonzero((history.entity == motion) & (history.state == off))
    lights = history.when[history.manual & (history.state == off)]
    after = lights[np.minimum(np.searchsorted(lights, history.when[offs]), len(lights) - 1)]
    paired = offs[(after > history.when[offs]) & (after <= history.when[offs] + 120)]
    delay = float(np.median(after[np.isin(offs, paired)] - history.when[paired]))
    key = motion * len(history.states) + off
    return hold(history, (key, paired.astype(np.int64), delay), 30.0, 0.5)


def test_a_wait_the_state_does_not_last_is_not_suggested() -> None:
    """Motion back within the minute on most evenings, the light off ~2 min after the first off.

    Neither acting at once nor waiting 2 minutes does what the person did: no wait, no sequence.
    """
    assert _wait(motion_then_light_off()) == 120
    changes = motion_then_light_off()
    for day in range(DAYS):
        if day % 4:  # three evenings in four
            off = (START + timedelta(days=day, hours=19, minutes=day % 5 * 7)).timestamp() + 300
            changes += [
                Change("binary_sensor.hall_motion", "on", off + 50, False),
                Change("binary_sensor.hall_motion", "off", off + 1000, False),
            ]
    assert _wait(changes) is None
    sequences, _ = detect_sequences(_history(changes))
    assert [(s.trigger_state, s.action_state) for s in sequences] == [("on", "on")]
