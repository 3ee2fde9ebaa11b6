"""A synthetic home: planted habits and sequences hidden in weeks of realistic noise.

Used by the tests and the benchmark to measure how much of what is planted the detectors find
(recall) and how much of what they report was planted (precision).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from astral import LocationInfo
from astral.sun import sunrise, sunset
import numpy as np

from custom_components.ai_automation.engine.detectors.habits import Habit
from custom_components.ai_automation.engine.detectors.sequences import Sequence
from custom_components.ai_automation.engine.history.arrays import Change, History

TIME_ZONE = "Europe/Berlin"


# Four weeks around the end of summer time (2026-10-25), so the window contains a DST change.
START = datetime(2026, 10, 5, tzinfo=ZoneInfo(TIME_ZONE))


DAYS = 28


@dataclass(frozen=True)
class PlantedHabit:
    """A habit the generator plants: entity, state, local minute, day type, spread, daily chance."""

    entity_id: str
    state: str
    minute: float
    days: str
    spread: float
    chance: float


@dataclass(frozen=True)
class PlantedSequence:
    """A trigger the generator fires at random times, followed by a person's action."""

    trigger_entity: str
    trigger_state: str
    action_entity: str
    action_state: str
    per_day: float
    chance: float
    delay: tuple[float, float]
    hours: tuple[int, int] = (0, 24)


HABITS = (
    PlantedHabit("light.kitchen", "on", 6 * 60 + 45, "weekdays", 8, 0.9),
    PlantedHabit("light.kitchen", "off", 8 * 60 + 10, "weekdays", 10, 0.85),
    PlantedHabit("light.living_room", "off", 23 * 60 + 55, "all", 12, 0.9),
    PlantedHabit("light.bedroom", "on", 9 * 60 + 30, "weekends", 10, 1.0),
    PlantedHabit("cover.living_room", "open", 7 * 60 + 30, "all", 7, 0.85),
    PlantedHabit("switch.coffee_machine", "on", 6 * 60 + 30, "weekdays", 5, 0.95),
)


SEQUENCES = (
    PlantedSequence("binary_sensor.hall_motion", "on", "light.hall", "on", 6, 0.85, (3, 15)),
    PlantedSequence(
        "binary_sensor.front_door", "on", "light.porch", "on", 3, 0.8, (5, 30), (17, 23)
    ),
    PlantedSequence(
        "media_player.tv", "playing", "light.tv_backlight", "on", 1, 0.9, (2, 10), (19, 22)
    ),
)


# Random use concentrated in a band of the day: (entity, state, first minute, last minute, per day).
BANDS = (
    ("lock.front_door", "unlocked", 6 * 60 + 30, 9 * 60 + 30, 1.0),
    ("climate.heating", "heat", 5 * 60 + 30, 8 * 60, 0.9),
    ("light.kids_room", "on", 18 * 60 + 30, 21 * 60, 1.2),
    ("light.kids_room", "off", 19 * 60 + 30, 22 * 60, 1.0),
    ("media_player.radio", "playing", 7 * 60, 9 * 60, 0.8),
)


@dataclass
class SyntheticHome:
    """The generated changes and what was planted in them."""

    changes: list[Change] = field(default_factory=list)
    habits: tuple[PlantedHabit, ...] = HABITS
    sequences: tuple[PlantedSequence, ...] = SEQUENCES

    def history(self) -> History:
        """Return the changes as the detectors' input."""
        end = START + timedelta(days=DAYS)
        return History.from_changes(
            self.changes, start=START.timestamp(), end=end.timestamp(), time_zone=TIME_ZONE
        )


def timestamp_at(day: datetime, minute: float) -> float:
    """Return UTC seconds for a local minute of a local day (minute may pass midnight)."""
    return (day + timedelta(minutes=minute)).timestamp()  # wall-clock arithmetic: DST-aware


def build(seed: int = 7, noise: float = 1.0, *, bands: bool = True) -> SyntheticHome:
    """Generate a month of a home with planted habits and sequences and `noise` times the noise.

    With `bands`, some entities are also used at random times inside a 2-3 h band of the day.
    """
    rng = np.random.default_rng(seed)
    home = SyntheticHome()
    add = home.changes.append
    zone = ZoneInfo(TIME_ZONE)
    for offset in range(DAYS):
        day = datetime.combine((START + timedelta(days=offset)).date(), datetime.min.time(), zone)
        weekday = day.weekday()
        for habit in HABITS:
            wanted = {"all": True, "weekdays": weekday < 5, "weekends": weekday >= 5}[habit.days]
            if wanted and rng.random() < habit.chance:
                minute = habit.minute + rng.normal(0, habit.spread)
                add(Change(habit.entity_id, habit.state, timestamp_at(day, minute), manual=True))
        for sequence in SEQUENCES:
            for _ in range(rng.poisson(sequence.per_day)):
                low, high = sequence.hours
                when = timestamp_at(day, rng.uniform(low * 60, high * 60))
                add(Change(sequence.trigger_entity, sequence.trigger_state, when, manual=False))
                add(
                    Change(
                        sequence.trigger_entity, "off", when + rng.uniform(60, 300), manual=False
                    )
                )
                if rng.random() < sequence.chance:
                    action = when + rng.uniform(*sequence.delay)
                    add(Change(sequence.action_entity, sequence.action_state, action, manual=True))
                    add(
                        Change(
                            sequence.action_entity,
                            "off",
                            action + rng.uniform(300, 900),
                            manual=False,
                        )
                    )
        # Noise: people using other things at random, a chattering sensor, automations at fixed times.
        for entity in ("light.desk", "light.guest_room", "switch.fan", "light.kitchen"):
            for _ in range(rng.poisson(4 * noise)):
                state = "on" if rng.random() < 0.5 else "off"
                add(Change(entity, state, timestamp_at(day, rng.uniform(0, 1440)), manual=True))
        for entity, state, first, last, per_day in BANDS if bands else ():
            for _ in range(rng.poisson(per_day * noise)):
                add(Change(entity, state, timestamp_at(day, rng.uniform(first, last)), manual=True))
        for _ in range(rng.poisson(300 * noise)):
            when = timestamp_at(day, rng.uniform(0, 1440))
            add(Change("binary_sensor.window_vibration", "on", when, manual=False))
            add(Change("binary_sensor.window_vibration", "off", when + 20, manual=False))
        add(Change("light.garden", "on", timestamp_at(day, 18 * 60), manual=False))
        add(Change("light.garden", "off", timestamp_at(day, 23 * 60), manual=False))
        for _ in range(rng.poisson(5 * noise)):
            when = timestamp_at(day, rng.uniform(0, 1440))
            add(Change("binary_sensor.stairs_motion", "on", when, manual=False))
            add(Change("light.stairs", "on", when + 1, manual=False))
    return home


def habit_matches(found: Habit, planted: PlantedHabit) -> bool:
    """Return whether a found habit is the planted one (same thing, day type, within 20 min)."""
    diff = abs(found.minute - planted.minute) % 1440
    return (found.entity_id, found.state, found.days) == (
        planted.entity_id,
        planted.state,
        planted.days,
    ) and min(diff, 1440 - diff) <= 20


def sequence_matches(found: Sequence, planted: PlantedSequence) -> bool:
    """Return whether a found sequence is the planted one."""
    return (
        found.trigger_entity,
        found.trigger_state,
        found.action_entity,
        found.action_state,
    ) == (
        planted.trigger_entity,
        planted.trigger_state,
        planted.action_entity,
        planted.action_state,
    )


def score(
    habits: list[Habit], sequences: list[Sequence], home: SyntheticHome
) -> tuple[float, float]:
    """Return (recall, precision) of the findings against what was planted."""
    found_planted = sum(any(habit_matches(h, p) for h in habits) for p in home.habits) + sum(
        any(sequence_matches(s, p) for s in sequences) for p in home.sequences
    )
    recall = found_planted / (len(home.habits) + len(home.sequences))
    reported = len(habits) + len(sequences)
    true = sum(any(habit_matches(h, p) for p in home.habits) for h in habits) + sum(
        any(sequence_matches(s, p) for p in home.sequences) for s in sequences
    )
    return recall, (true / reported if reported else 1.0)


def sun_times(
    start: datetime, days: int, *, latitude: float = 52.52, longitude: float = 13.40
) -> dict[str, dict[int, float]]:
    """Return sunset and sunrise (local minutes) per local day number, as Home Assistant gives."""
    zone = start.tzinfo
    observer = LocationInfo(latitude=latitude, longitude=longitude).observer
    times: dict[str, dict[int, float]] = {"sunset": {}, "sunrise": {}}
    for offset in range(-1, days + 1):
        day = (start + timedelta(days=offset)).date()
        number = (day - datetime(1970, 1, 1).date()).days
        for event, function in (("sunset", sunset), ("sunrise", sunrise)):
            local = function(observer, day, tzinfo=zone)
            times[event][number] = local.hour * 60 + local.minute + local.second / 60
    return times
