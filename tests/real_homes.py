"""Generated homes with every kind of pattern in several places, and a home of comings and goings."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np

from custom_components.ai_automation.engine.detectors.run import detect
from custom_components.ai_automation.engine.history.arrays import Change, History
from custom_components.ai_automation.engine.suggestions.build import build_suggestions
from custom_components.ai_automation.engine.suggestions.suggestion import Suggestion

from .synthetic_home import HABITS, SEQUENCES, START, TIME_ZONE, build, sun_times, timestamp_at

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
            add(Change("light.porch", "on", timestamp_at(day, at), manual=True))
            add(
                Change(
                    "light.porch", "off", timestamp_at(day, rng.uniform(1320, 1500)), manual=True
                )
            )
        # Weekday set: the gym heater on Mon/Wed/Fri at 17:30.
        if weekday in {0, 2, 4} and rng.random() < 0.9:
            add(Change("switch.gym_heater", "on", timestamp_at(day, 1050 + rng.normal(0, 6)), True))
            add(
                Change("switch.gym_heater", "off", timestamp_at(day, rng.uniform(1140, 1320)), True)
            )
        # A group: three living-room lights within half a minute at 19:00 on weekdays.
        if weekday < 5 and rng.random() < 0.9:
            at = timestamp_at(day, 1140 + rng.normal(0, 7))
            for order, light in zip(rng.permutation(3), ("light.living_1", "light.living_2",
                                                          "light.living_3"), strict=True):  # fmt: skip
                add(Change(light, "on", at + order * rng.uniform(5, 15), manual=True))
                add(Change(light, "off", timestamp_at(day, rng.uniform(1260, 1440)), manual=True))
        # Presence: away some whole days; otherwise Anna comes home in the evening, the hall
        # light follows, the reading lamp goes on at 21:00, and the house empties next morning.
        if number in away:
            continue
        arrive = timestamp_at(day, rng.uniform(990, 1110))
        add(Change("person.anna", "home", arrive, manual=False))
        add(Change("zone.home", "1", arrive + 1, manual=False))
        if rng.random() < 0.9:
            add(Change("light.hall_2", "on", arrive + rng.uniform(20, 60), manual=True))
            add(Change("light.hall_2", "off", arrive + rng.uniform(1800, 9000), manual=True))
        if rng.random() < 0.9:
            add(
                Change(
                    "light.reading", "on", timestamp_at(day, 1260 + rng.normal(0, 6)), manual=True
                )
            )
            add(
                Change(
                    "light.reading", "off", timestamp_at(day, rng.uniform(1320, 1500)), manual=True
                )
            )
        leave = timestamp_at(day, 1440 + rng.uniform(450, 510))
        add(Change("person.anna", "not_home", leave, manual=False))
        add(Change("zone.home", "0", leave + 1, manual=False))
        if rng.random() < 0.9:
            add(Change("light.bedroom_lamp", "on", leave - rng.uniform(1800, 9000), manual=True))
            add(Change("light.bedroom_lamp", "off", leave + rng.uniform(10, 50), manual=True))
    for number in range(days):
        day = datetime.combine((start + timedelta(days=number)).date(), datetime.min.time(), zone)
        # A tool account's schedule (Node-RED): automated, never a habit.
        add(Change(NODE_RED_ENTITY, "on", timestamp_at(day, 360 + rng.normal(0, 3)), manual=False))
        add(Change(NODE_RED_ENTITY, "off", timestamp_at(day, 480 + rng.normal(0, 3)), manual=False))
        # A device dropping off every night (coming back is no change: the loader drops it).
        add(
            Change(
                FLAKY_ENTITY, "unavailable", timestamp_at(day, 120 + rng.normal(0, 5)), manual=True
            )
        )
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
    return suggestions_of(home.history(), home.sun)


def suggestions_of(
    history: History, sun: Mapping[str, Mapping[int, float]] | None = None
) -> list[Suggestion]:
    """Run every detector on `history` and turn the findings into suggestions."""
    found = detect(history, sun or {})
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
            add(
                Change("light.kitchen", "on", timestamp_at(day, rng.uniform(375, 400)), manual=True)
            )
            for minute, person, count in ((first, "person.ben", "1"), (leave, "person.anna", "0")):
                add(Change(person, "not_home", timestamp_at(day, minute), manual=False))
                add(Change("zone.home", count, timestamp_at(day, minute) + 1, manual=False))
            off = timestamp_at(day, leave) + (
                rng.uniform(30, 240) if rng.random() < 0.9 else -rng.uniform(120, 900)
            )
            add(Change("light.kitchen", "off", off, manual=True))
            back = rng.uniform(1020, 1140)
            for minute, person, count in (
                (back, "person.anna", "1"),
                (back + 20, "person.ben", "2"),
            ):
                add(Change(person, "home", timestamp_at(day, minute), manual=False))
                add(Change("zone.home", count, timestamp_at(day, minute) + 1, manual=False))
        elif weekday < 5:
            add(
                Change("light.kitchen", "on", timestamp_at(day, rng.uniform(420, 480)), manual=True)
            )
            add(
                Change(
                    "light.kitchen", "off", timestamp_at(day, rng.uniform(600, 700)), manual=True
                )
            )
        elif rng.random() < 0.7:
            out = rng.uniform(600, 900)
            add(Change("zone.home", "0", timestamp_at(day, out), manual=False))
            add(
                Change(
                    "zone.home", "2", timestamp_at(day, out + rng.uniform(60, 240)), manual=False
                )
            )
        add(Change("light.kitchen", "on", timestamp_at(day, rng.uniform(1080, 1170)), manual=True))
        add(Change("light.kitchen", "off", timestamp_at(day, rng.uniform(1260, 1440)), manual=True))
        for _ in range(rng.poisson(4)):
            state = "on" if rng.random() < 0.5 else "off"
            add(Change("light.hall", state, timestamp_at(day, rng.uniform(360, 1380)), manual=True))
    return History.from_changes(
        changes,
        start=start.timestamp(),
        end=(start + timedelta(days=days)).timestamp(),
        time_zone=TIME_ZONE,
    )
