"""A synthetic home: planted habits and sequences hidden in weeks of realistic noise.

Used by the tests and the benchmark to measure how much of what is planted the detectors find
(recall) and how much of what they report was planted (precision).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from astral import LocationInfo
from astral.sun import sunrise, sunset
import numpy as np

from custom_components.ai_automation.engine.detectors.habits import Habit
from custom_components.ai_automation.engine.detectors.run import detect
from custom_components.ai_automation.engine.detectors.sequences import Sequence
from custom_components.ai_automation.engine.history.arrays import Change, History
from custom_components.ai_automation.engine.suggestions.build import build_suggestions
from custom_components.ai_automation.engine.suggestions.suggestion import Suggestion

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


def _at(day: datetime, minute: float) -> float:
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
                add(Change(habit.entity_id, habit.state, _at(day, minute), manual=True))
        for sequence in SEQUENCES:
            for _ in range(rng.poisson(sequence.per_day)):
                low, high = sequence.hours
                when = _at(day, rng.uniform(low * 60, high * 60))
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
                add(Change(entity, state, _at(day, rng.uniform(0, 1440)), manual=True))
        for entity, state, first, last, per_day in BANDS if bands else ():
            for _ in range(rng.poisson(per_day * noise)):
                add(Change(entity, state, _at(day, rng.uniform(first, last)), manual=True))
        for _ in range(rng.poisson(300 * noise)):
            when = _at(day, rng.uniform(0, 1440))
            add(Change("binary_sensor.window_vibration", "on", when, manual=False))
            add(Change("binary_sensor.window_vibration", "off", when + 20, manual=False))
        add(Change("light.garden", "on", _at(day, 18 * 60), manual=False))
        add(Change("light.garden", "off", _at(day, 23 * 60), manual=False))
        for _ in range(rng.poisson(5 * noise)):
            when = _at(day, rng.uniform(0, 1440))
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


# Homes with what real automations are made of, in five places (time zone, latitude, longitude).
PLACES = (
    ("Europe/Berlin", 52.52, 13.40),
    ("America/New_York", 40.71, -74.01),
    ("Australia/Sydney", -33.87, 151.21),
    ("Asia/Tokyo", 35.68, 139.69),
    ("America/Los_Angeles", 34.05, -118.24),
)
NODE_RED_ENTITY = "light.garage"  # switched by a tool account: automated changes
FLAKY_ENTITY = "light.flaky"  # drops to unavailable every night


@dataclass(frozen=True)
class Planted:
    """One planted pattern: its kind and how to recognise the suggestion that finds it."""

    kind: str
    matches: Callable[[Suggestion], bool]


@dataclass
class RealHome:
    """A generated home with every kind of pattern, and the sun times of its place."""

    changes: list[Change]
    planted: list[Planted]
    sun: dict[str, dict[int, float]]
    start: datetime
    days: int
    time_zone: str

    def history(self) -> History:
        """Return the changes as the detectors' input."""
        end = self.start + timedelta(days=self.days)
        return History.from_changes(
            self.changes,
            start=self.start.timestamp(),
            end=end.timestamp(),
            time_zone=self.time_zone,
        )


def _clock_habit(kind: str, entity_id: str, state: str, days: str, minute: float) -> Planted:
    def matches(s: Suggestion) -> bool:
        at = str(s.evidence.get("median_time", "99:99"))
        found = int(at[:2]) * 60 + int(at[3:])
        distance = abs(found - minute) % 1440
        return (
            s.kind == "habit"
            and s.entities == (entity_id,)
            and s.evidence.get("state") == state
            and s.evidence.get("days") == days
            and min(distance, 1440 - distance) <= 20
            and (kind != "presence" or bool(s.evidence.get("away_days")))
        )

    return Planted(kind, matches)


def _sequence(kind: str, trigger: str, action: str) -> Planted:
    return Planted(kind, lambda s: s.kind == "sequence" and s.entities == (trigger, action))


def build_real(seed: int, place: int = 0, days: int = 28) -> RealHome:  # noqa: PLR0915
    """Generate four weeks of a home with every kind of pattern real automations are made of.

    Clock, weekday-set, sun, group and presence habits, arrivals and departures, sequences,
    random use in bands, a tool account's schedule, a flaky device, and missed days.
    """
    time_zone, latitude, longitude = PLACES[place]
    zone = ZoneInfo(time_zone)
    start = datetime(2026, 10, 5, tzinfo=zone)
    sun = sun_times(start, days, latitude=latitude, longitude=longitude)
    base = build(seed)
    rng = np.random.default_rng(1000 + seed)
    changes: list[Change] = []
    # The classic home's planted habits and sequences, noise and bands, moved to this place.
    berlin = ZoneInfo(TIME_ZONE)
    away = set(rng.choice(days, size=days // 5, replace=False).tolist())  # nobody home all day
    for change in base.changes:
        local = datetime.fromtimestamp(change.when, berlin).replace(tzinfo=None)
        moved = (local + timedelta(days=(start.date() - START.date()).days)).replace(tzinfo=zone)
        changes.append(Change(change.entity_id, change.state, moved.timestamp(), change.manual))
    add = changes.append
    for number in range(days):
        day = datetime.combine((start + timedelta(days=number)).date(), datetime.min.time(), zone)
        weekday = day.weekday()
        day_number = (day.date() - datetime(1970, 1, 1).date()).days
        # Sun-relative: porch light 15 min after sunset.
        if rng.random() < 0.9:
            at = sun["sunset"][day_number] + 15 + rng.normal(0, 4)
            add(Change("light.porch", "on", _at(day, at), manual=True))
            add(Change("light.porch", "off", _at(day, rng.uniform(1320, 1500)), manual=True))
        # Weekday set: the gym heater on Mon/Wed/Fri at 17:30.
        if weekday in {0, 2, 4} and rng.random() < 0.9:
            add(Change("switch.gym_heater", "on", _at(day, 1050 + rng.normal(0, 6)), True))
            add(Change("switch.gym_heater", "off", _at(day, rng.uniform(1140, 1320)), True))
        # A group: three living-room lights within half a minute at 19:00 on weekdays.
        if weekday < 5 and rng.random() < 0.9:
            at = _at(day, 1140 + rng.normal(0, 7))
            for order, light in zip(rng.permutation(3), ("light.living_1", "light.living_2",
                                                          "light.living_3"), strict=True):  # fmt: skip
                add(Change(light, "on", at + order * rng.uniform(5, 15), manual=True))
                add(Change(light, "off", _at(day, rng.uniform(1260, 1440)), manual=True))
        # Presence: away some whole days; otherwise Anna comes home in the evening, the hall
        # light follows, the reading lamp goes on at 21:00, and the house empties next morning.
        if number in away:
            continue
        arrive = _at(day, rng.uniform(990, 1110))
        add(Change("person.anna", "home", arrive, manual=False))
        add(Change("zone.home", "1", arrive + 1, manual=False))
        if rng.random() < 0.9:
            add(Change("light.hall_2", "on", arrive + rng.uniform(20, 60), manual=True))
            add(Change("light.hall_2", "off", arrive + rng.uniform(1800, 9000), manual=True))
        if rng.random() < 0.9:
            add(Change("light.reading", "on", _at(day, 1260 + rng.normal(0, 6)), manual=True))
            add(Change("light.reading", "off", _at(day, rng.uniform(1320, 1500)), manual=True))
        leave = _at(day, 1440 + rng.uniform(450, 510))
        add(Change("person.anna", "not_home", leave, manual=False))
        add(Change("zone.home", "0", leave + 1, manual=False))
        if rng.random() < 0.9:
            add(Change("light.bedroom_lamp", "on", leave - rng.uniform(1800, 9000), manual=True))
            add(Change("light.bedroom_lamp", "off", leave + rng.uniform(10, 50), manual=True))
    for number in range(days):
        day = datetime.combine((start + timedelta(days=number)).date(), datetime.min.time(), zone)
        # A tool account's schedule (Node-RED): automated, never a habit.
        add(Change(NODE_RED_ENTITY, "on", _at(day, 360 + rng.normal(0, 3)), manual=False))
        add(Change(NODE_RED_ENTITY, "off", _at(day, 480 + rng.normal(0, 3)), manual=False))
        # A device dropping off every night (coming back is no change: the loader drops it).
        add(Change(FLAKY_ENTITY, "unavailable", _at(day, 120 + rng.normal(0, 5)), manual=True))
    planted = [_clock_habit("clock", h.entity_id, h.state, h.days, h.minute) for h in HABITS] + [
        _sequence("sequence", s.trigger_entity, s.action_entity) for s in SEQUENCES
    ]
    planted += [
        _clock_habit("weekday set", "switch.gym_heater", "on", "mon,wed,fri", 1050),
        _clock_habit("presence", "light.reading", "on", "all", 1260),
        _sequence("arrival", "person.anna", "light.hall_2"),
        _sequence("departure", "zone.home", "light.bedroom_lamp"),
        Planted(
            "sun",
            lambda s: (
                s.kind == "sun"
                and s.entities == ("light.porch",)
                and s.evidence.get("event") == "sunset"
                and abs(float(s.evidence.get("offset_minutes", 99)) - 15) <= 10
            ),
        ),
        Planted(
            "group",
            lambda s: (
                s.kind == "group"
                and {m["entity_id"] for m in s.evidence.get("members", [])}
                == {"light.living_1", "light.living_2", "light.living_3"}
                and all(m["state"] == "on" for m in s.evidence.get("members", []))
            ),
        ),
    ]
    return RealHome(changes, planted, sun, start, days, time_zone)


def suggest(home: RealHome) -> list[Suggestion]:
    """Run every detector and turn the findings into suggestions, as the analysis does."""
    found = detect(home.history(), home.sun)
    return build_suggestions(
        found.habits,
        found.sequences,
        [],
        names={},
        sun_habits=found.sun_habits,
        groups=found.groups,
    )


def score_by_kind(
    homes: list[tuple[RealHome, list[Suggestion]]],
) -> tuple[dict[str, tuple[int, int]], int, int]:
    """Return {kind: (found, planted)}, and (true, reported) suggestions over all homes."""
    by_kind: dict[str, tuple[int, int]] = {}
    true = reported = 0
    for home, suggestions in homes:
        for planted in home.planted:
            found, total = by_kind.get(planted.kind, (0, 0))
            hit = any(planted.matches(s) for s in suggestions)
            by_kind[planted.kind] = (found + hit, total + 1)
        reported += len(suggestions)
        true += sum(any(p.matches(s) for p in home.planted) for s in suggestions)
    return by_kind, true, reported


def build_departures(seed: int, days: int = 21) -> History:
    """Weeks in which the kitchen light goes off a few minutes after the last person leaves.

    Two people leave on weekdays, the second mostly around 08:15 but often anywhere from 07:10
    to 09:40; the light, on since breakfast, goes off 0.5-4 min later (on some days before they
    leave). One weekday both stay home. At weekends they go out in the daytime, lights off.
    """
    rng = np.random.default_rng(seed)
    zone = ZoneInfo(TIME_ZONE)
    start = datetime(2026, 11, 2, tzinfo=zone)  # a Monday
    changes: list[Change] = []
    add = changes.append
    for number in range(days):
        day = start + timedelta(days=number)
        weekday = day.weekday()
        if weekday < 5 and number != 3:  # (day 3: a day off at home)
            leave = rng.normal(495, 7) if rng.random() < 0.6 else rng.uniform(430, 580)
            first = leave - rng.uniform(5, 30)
            add(Change("light.kitchen", "on", _at(day, rng.uniform(375, 400)), manual=True))
            for minute, person, count in ((first, "person.ben", "1"), (leave, "person.anna", "0")):
                add(Change(person, "not_home", _at(day, minute), manual=False))
                add(Change("zone.home", count, _at(day, minute) + 1, manual=False))
            off = _at(day, leave) + (
                rng.uniform(30, 240) if rng.random() < 0.9 else -rng.uniform(120, 900)
            )
            add(Change("light.kitchen", "off", off, manual=True))
            back = rng.uniform(1020, 1140)
            for minute, person, count in (
                (back, "person.anna", "1"),
                (back + 20, "person.ben", "2"),
            ):
                add(Change(person, "home", _at(day, minute), manual=False))
                add(Change("zone.home", count, _at(day, minute) + 1, manual=False))
        elif weekday < 5:
            add(Change("light.kitchen", "on", _at(day, rng.uniform(420, 480)), manual=True))
            add(Change("light.kitchen", "off", _at(day, rng.uniform(600, 700)), manual=True))
        elif rng.random() < 0.7:
            out = rng.uniform(600, 900)
            add(Change("zone.home", "0", _at(day, out), manual=False))
            add(Change("zone.home", "2", _at(day, out + rng.uniform(60, 240)), manual=False))
        add(Change("light.kitchen", "on", _at(day, rng.uniform(1080, 1170)), manual=True))
        add(Change("light.kitchen", "off", _at(day, rng.uniform(1260, 1440)), manual=True))
        for _ in range(rng.poisson(4)):
            state = "on" if rng.random() < 0.5 else "off"
            add(Change("light.hall", state, _at(day, rng.uniform(360, 1380)), manual=True))
    return History.from_changes(
        changes,
        start=start.timestamp(),
        end=(start + timedelta(days=days)).timestamp(),
        time_zone=TIME_ZONE,
    )
