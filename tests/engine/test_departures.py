"""Departures: "when the last person leaves, turn the lights off", not a weekday clock time."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from custom_components.ai_automation.engine.detectors.clock_or_presence import presence_explained
from custom_components.ai_automation.engine.detectors.sequences import Sequence
from custom_components.ai_automation.engine.history.arrays import Change, History
from custom_components.ai_automation.engine.suggestions.suggestion import Suggestion

from ..real_homes import build_departures, suggestions_of

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 11, 2, tzinfo=BERLIN)  # a Monday
DAYS = 21


def _at(day: int, minute: float) -> float:
    return (START + timedelta(days=day, minutes=minute)).timestamp()


def _kitchen_off(suggestions: list[Suggestion]) -> list[Suggestion]:
    return [
        s
        for s in suggestions
        if s.entities[-1:] == ("light.kitchen",) and s.title.startswith("Turn off")
    ]


def _history(changes: list[Change]) -> History:
    return History.from_changes(
        changes, start=_at(0, 0), end=_at(DAYS, 0), time_zone="Europe/Berlin"
    )


@pytest.mark.parametrize("seed", range(1, 11))
def test_departures_at_varying_times_are_offered_as_departures(seed: int) -> None:
    """Leaving 07:10-09:40, the light off 0.5-4 min later: a departure, never a clock time.

    Before, the light going off minutes (not seconds) after the departure was no sequence, and the
    mornings around 08:15 became "Turn off Kitchen around 08:18 on weekdays" (or nothing).
    """
    (off,) = _kitchen_off(suggestions_of(build_departures(seed)))
    assert off.title == "Turn off Kitchen when the last person leaves"
    assert off.automation is not None
    assert off.automation["triggers"] == [{"trigger": "state", "entity_id": "zone.home", "to": "0"}]


def test_departures_with_the_light_already_off_are_neither_hits_nor_misses() -> None:
    """On weekdays the light goes off 2 min after they leave; every evening they go out with it off.

    Only the departures with the light on count: after 15 of 15 times, not 15 of 36.
    """
    changes = []
    for day in range(DAYS):
        if (START + timedelta(days=day)).weekday() < 5:
            leave = 450 + 13 * (day % 7)
            changes += [
                Change("light.kitchen", "on", _at(day, 400 + day % 5), True),
                Change("zone.home", "0", _at(day, leave), False),
                Change("light.kitchen", "off", _at(day, leave + 2), True),
                Change("zone.home", "1", _at(day, 1080), False),
            ]
        changes += [
            Change("zone.home", "0", _at(day, 1200 + 11 * (day % 4)), False),
            Change("zone.home", "1", _at(day, 1290), False),
        ]
    (off,) = _kitchen_off(suggestions_of(_history(changes)))
    assert off.title == "Turn off Kitchen when the last person leaves"
    assert off.description.startswith("After 15 of 15 times,")


def test_a_clock_that_explains_more_beats_a_departure() -> None:
    """The light goes off at 08:00 every weekday; on some the person has just left, not on others.

    A departure explains only the days they leave: the clock time is offered, the departure not.
    """
    changes = []
    for day in range(DAYS):
        if (START + timedelta(days=day)).weekday() >= 5:
            continue
        changes.append(Change("light.kitchen", "on", _at(day, 390 + day % 7), True))
        if day % 5 in {0, 2, 3}:
            changes.append(Change("zone.home", "0", _at(day, 478 + day % 3), False))
            changes.append(Change("zone.home", "1", _at(day, 1080), False))
        changes.append(Change("light.kitchen", "off", _at(day, 478 + day % 3) + 60, True))
    (off,) = _kitchen_off(suggestions_of(_history(changes)))
    assert off.title.startswith("Turn off Kitchen around 08:0")
    assert off.title.endswith("on weekdays")


def test_a_departure_that_never_could_explain_anything_explains_nothing() -> None:
    """A departure sequence whose light was already off each time it fired explains no change."""
    changes = [Change("light.kitchen", "off", _at(day, 400), True) for day in range(3)] + [
        Change("zone.home", "0", _at(day, 402), False) for day in range(3)
    ]
    departure = Sequence(
        trigger_entity="zone.home",
        trigger_state="0",
        action_entity="light.kitchen",
        action_state="off",
        occurrences=3,
        trigger_count=3,
        confidence=1.0,
        lift=10.0,
        median_delay_seconds=60.0,
        distinct_days=3,
        first_seen=_at(0, 402),
        last_seen=_at(2, 402),
        window_seconds=600.0,
    )
    assert not presence_explained(_history(changes), [departure]).any()
