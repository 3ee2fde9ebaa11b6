"""Tests for turning findings into suggestions with automations and evidence."""

import pytest

from custom_components.ai_automation.engine.detectors.backtest import Backtest
from custom_components.ai_automation.engine.detectors.habits import Habit
from custom_components.ai_automation.engine.detectors.sequences import Sequence
from custom_components.ai_automation.engine.suggestions.automation import action_for
from custom_components.ai_automation.engine.suggestions.build import (
    ExistingAutomation,
    build_suggestions,
)
from custom_components.ai_automation.engine.usage.unused import UnusedCapability

HABIT = Habit(
    entity_id="light.kitchen", state="on", days="weekdays", minute=405.4, spread_minutes=8.2,
    occurrences=18, distinct_days=17, eligible_days=20, first_seen=1.0, last_seen=2.0, lift=9.0,
)  # fmt: skip
SEQUENCE = Sequence(
    trigger_entity="binary_sensor.hall_motion", trigger_state="on", action_entity="light.hall",
    action_state="on", occurrences=40, trigger_count=50, confidence=0.8, lift=120.0,
    median_delay_seconds=6.0, distinct_days=20, first_seen=1.0, last_seen=2.0,
)  # fmt: skip
NAMES = {"light.kitchen": "Kitchen light", "binary_sensor.hall_motion": "Hall motion"}


def test_habit_suggestion_words_and_automation() -> None:
    """A weekday habit becomes a time trigger with a weekday condition and plain words."""
    (suggestion,) = build_suggestions([HABIT], [], [], names=NAMES)
    assert suggestion.title == "Turn on Kitchen light around 06:45 on weekdays"
    assert suggestion.description == "Seen on 17 of 20 weekdays, usually within 8 minutes of 06:45."
    assert suggestion.automation is not None
    assert suggestion.automation["triggers"] == [{"trigger": "time", "at": "06:45:00"}]
    assert suggestion.automation["conditions"] == [
        {"condition": "time", "weekday": ["mon", "tue", "wed", "thu", "fri"]}
    ]
    assert suggestion.evidence["median_time"] == "06:45"


def test_same_habit_found_again_keeps_its_id() -> None:
    """Tomorrow's run finds the habit a few minutes off: same id, one kept (the stronger one)."""
    again = Habit(**{**HABIT.__dict__, "minute": 409.0, "distinct_days": 18})
    first = build_suggestions([HABIT], [], [], names=NAMES)[0]
    second = build_suggestions([again], [], [], names=NAMES)[0]
    assert first.id == second.id
    assert build_suggestions([HABIT, again], [], [], names=NAMES) == [second]


def test_sequence_suggestion() -> None:
    """A sequence becomes a state trigger; the words say what was seen, in plain words."""
    (suggestion,) = build_suggestions([], [SEQUENCE], [], names=NAMES)
    assert suggestion.title == "Turn on Hall when Hall motion turns on"
    assert suggestion.description.startswith(
        "After 40 of 50 times, typically 6 seconds later; it almost never happens otherwise."
    )
    assert suggestion.automation is not None
    assert suggestion.automation["triggers"] == [
        {"trigger": "state", "entity_id": "binary_sensor.hall_motion", "to": "on"}
    ]


def test_button_trigger_has_no_state() -> None:
    """Buttons and events report a timestamp: the trigger fires on any change."""
    pressed = Sequence(
        **{**SEQUENCE.__dict__, "trigger_entity": "event.remote", "trigger_state": "2026"}
    )
    (suggestion,) = build_suggestions([], [pressed], [], names={})
    assert suggestion.automation is not None
    assert suggestion.automation["triggers"] == [{"trigger": "state", "entity_id": "event.remote"}]


@pytest.mark.parametrize(
    ("entity_id", "state", "action"),
    [
        ("cover.blind", "open", "cover.open_cover"),
        ("lock.door", "locked", "lock.lock"),
        ("media_player.tv", "playing", "media_player.media_play"),
        ("climate.bedroom", "heat", "climate.set_hvac_mode"),
        ("scene.evening", "2026-11-27T18:00:00", "scene.turn_on"),
        ("light.x", "flashing", None),
        ("sensor.temperature", "21", None),
    ],
)
def test_actions_for_states(entity_id: str, state: str, action: str | None) -> None:
    """Each supported domain gets the action that brings it to the state; others none."""
    step = action_for(entity_id, state)
    assert (step or {}).get("action") == action
    if action == "climate.set_hvac_mode":
        assert step is not None
        assert step["data"] == {"hvac_mode": "heat"}


def test_no_suggestion_without_an_action() -> None:
    """A habit of a state no action can reach is not offered."""
    odd = Habit(**{**HABIT.__dict__, "state": "flashing"})
    odd_sequence = Sequence(**{**SEQUENCE.__dict__, "action_entity": "sensor.x"})
    assert build_suggestions([odd], [odd_sequence], [], names={}) == []


def test_existing_automations_cover_suggestions() -> None:
    """Same trigger entity and target for sequences, a time trigger and target for habits."""
    motion_light = ExistingAutomation(
        trigger_entities=frozenset({"binary_sensor.hall_motion"}),
        has_time_trigger=False,
        targets=frozenset({"light.hall"}),
    )
    timer = ExistingAutomation(
        trigger_entities=frozenset(), has_time_trigger=True, targets=frozenset({"light.kitchen"})
    )
    unrelated = ExistingAutomation(
        trigger_entities=frozenset({"binary_sensor.other"}),
        has_time_trigger=False,
        targets=frozenset({"light.kitchen", "light.hall"}),
    )
    assert build_suggestions([HABIT], [SEQUENCE], [], names=NAMES, existing=[unrelated]) != []
    assert (
        build_suggestions([HABIT], [SEQUENCE], [], names=NAMES, existing=[motion_light, timer])
        == []
    )


def test_unused_capabilities_ranked_with_automation_for_colour_temperature() -> None:
    """Colour temperature comes first with its automation; a word-only one follows."""
    unused = [
        UnusedCapability(
            device="Plug", property="power_on_behavior", entity_id="select.plug", value="on"
        ),
        UnusedCapability(
            device="Kitchen",
            property="color_temp",
            entity_id="light.kitchen_2",
            value=4000,
            value_min=2000,
            value_max=6500,
            days_in_use=6,
            on_off=True,
        ),
    ]
    first, second = build_suggestions([], [], unused, names={})
    assert first.title == "Colour temperature of Kitchen following the time of day"
    assert first.automation is not None
    assert first.evidence["days_in_use"] == 6
    assert second.automation is None
    assert second.title == "Plug can change its power on behavior, unchanged in use"
    assert second.description == "Plug was used on 0 days in two weeks, always set to “on”."


def test_weekday_set_and_backtest_in_words_and_evidence() -> None:
    """A Mon/Wed/Fri habit says its days and its replay; the card gets plain per-day fields."""
    habit = Habit(
        **{
            **HABIT.__dict__,
            "days": "mon,wed,fri",
            "backtest": Backtest(
                right=2,
                near=0,
                wrong=1,
                results=((20752.0, "right"), (20754.0, "wrong"), (20756.0, "right")),
            ),
            "day_times": ((20750, 405.0),),
        }
    )
    (suggestion,) = build_suggestions([habit], [], [], names=NAMES)
    assert suggestion.title == "Turn on Kitchen light around 06:45 on Mon, Wed and Fri"
    assert suggestion.description.endswith(
        "Would have been right on 2 of the last 3 Mon, Wed and Fri days, wrong on 1."
    )
    assert suggestion.automation is not None
    assert suggestion.automation["conditions"] == [
        {"condition": "time", "weekday": ["mon", "wed", "fri"]}
    ]
    assert suggestion.evidence["backtest_days"][1] == {"date": "2026-10-28", "result": "wrong"}
    assert suggestion.evidence["day_times"] == [{"date": "2026-10-24", "minute": 405.0}]


def test_habit_evidence_has_the_days_times_and_band() -> None:
    """The habit's picture gets the first day, the days, the times and the suggested band."""
    habit = Habit(
        **{**HABIT.__dict__, "minute": 5.0, "half_width_minutes": 20.0, "first_day": 20400,
           "day_count": 14, "times": ((0, 3), (1, 1435))}
    )  # fmt: skip
    (suggestion,) = build_suggestions([habit], [], [], names=NAMES)
    assert suggestion.evidence["series"] == {
        "first_day": "2025-11-08",
        "days": 14,
        "times": [[0, 3], [1, 1435]],
        "band": [1425, 25],  # around midnight: from 23:45 to 00:25
    }


def test_sequence_evidence_is_a_histogram_over_the_window() -> None:
    """Delays become counts in 12 bins over the window; the longest delay lands in the last."""
    sequence = Sequence(
        **{**SEQUENCE.__dict__, "window_seconds": 120.0, "delays": (0.5, 9.9, 10.0, 61.0, 120.0)}
    )
    (suggestion,) = build_suggestions([], [sequence], [], names=NAMES)
    assert suggestion.evidence["delays"] == {
        "window_seconds": 120.0,
        "bin_seconds": 10,
        "counts": [2, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1],
    }


def test_sequence_backtest_keeps_the_latest_triggers_and_counts_them_all() -> None:
    """A busy trigger sends the card its latest 60 replayed triggers; the figures count every one."""
    results = tuple(
        (1_700_000_000.0 + 60 * i, "wrong" if i % 10 == 0 else "right") for i in range(500)
    )
    backtest = Backtest(right=450, wrong=50, results=results)
    sequence = Sequence(**{**SEQUENCE.__dict__, "backtest": backtest})
    (suggestion,) = build_suggestions([], [sequence], [], names=NAMES)
    evidence = suggestion.evidence
    assert [cell["at"] for cell in evidence["backtest_triggers"]] == [at for at, _ in results[-60:]]
    assert (evidence["backtest_right"], evidence["backtest_wrong"]) == (450, 50)
    assert "right 450 of 500 times" in suggestion.description


def test_unused_capability_evidence_names_device_capability_and_range() -> None:
    """An unused capability shows its device, its name, its range or its values."""
    unused = UnusedCapability(
        device="Bedroom radiator", property="preset", entity_id="climate.bedroom",
        label="Preset", values=tuple(f"mode {i}" for i in range(25)), value="mode 3",
    )  # fmt: skip
    (suggestion,) = build_suggestions([], [], [unused], names=NAMES)
    capability = suggestion.evidence["capability"]
    assert capability["device"] == "Bedroom radiator"
    assert capability["label"] == "Preset"
    assert (capability["min"], capability["max"]) == (None, None)
    assert capability["values"] == [f"mode {i}" for i in range(20)]
    assert capability["value"] == "mode 3"  # the one it always had, marked in the picture
