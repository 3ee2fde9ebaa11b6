"""Presence: habits that only happen while someone is home (zone.home counts the people home)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from ..history.arrays import History, weekday_of
from .days import day_mask
from .habits import Habit

HOME_ZONE = "zone.home"
# People coming and going: their changes start things, a few times a day, with minutes of slack.
PRESENCE_DOMAINS = frozenset({"person", "device_tracker", "zone"})


def is_presence(entity_id: str) -> bool:
    """Return whether an entity's changes are people arriving or leaving."""
    return entity_id.split(".", 1)[0] in PRESENCE_DOMAINS


class EntityRows:
    """Each entity's changes (indices into the history, in time order)."""

    def __init__(self, history: History) -> None:
        """Read the history's changes by entity (sorted once per history)."""
        self._order, self._bounds = history.by_entity

    def __call__(self, entity: int) -> npt.NDArray[np.intp]:
        """Return the indices of one entity's changes (its number in the history)."""
        return self._order[self._bounds[entity] : self._bounds[entity + 1]]


def fired_when_possible(
    history: History, trigger: tuple[int, int], action: tuple[int, int], rows: EntityRows
) -> npt.NDArray[np.float64]:
    """Return when `trigger` (entity, state numbers) happened while `action` could still follow.

    A departure cannot be followed by turning off a light that is already off: such a trigger is
    neither a hit nor a miss for "turn it off when the last person leaves".
    """
    triggers = rows(trigger[0])
    fired: npt.NDArray[np.float64] = history.when[triggers[history.state[triggers] == trigger[1]]]
    mine = rows(action[0])
    if not len(mine):
        return fired
    before = np.searchsorted(history.when[mine], fired, side="left") - 1
    state = np.where(before >= 0, history.state[mine[np.maximum(before, 0)]], -1)
    result: npt.NDArray[np.float64] = fired[state != action[1]]
    return result


@dataclass(frozen=True, kw_only=True)
class PresenceSettings:
    """How many days nobody was home at the habit's time, for the habit to need someone home."""

    min_away_days: int = 2
    away_share: float = 0.75  # a day away: nobody home for this share of 06:00 to midnight


def _people_home(history: History, moments: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
    """Return whether anybody was home at each moment (unknown counts as home)."""
    if HOME_ZONE not in history.entity_ids:
        return np.ones(len(moments), dtype=bool)
    mine = np.flatnonzero(history.entity == history.entity_ids.index(HOME_ZONE))
    counts = np.array([_count(history.states[s]) for s in history.state[mine]], dtype=np.float64)
    before = np.searchsorted(history.when[mine], moments, side="right") - 1
    result: npt.NDArray[np.bool_] = (before < 0) | (counts[np.maximum(before, 0)] != 0)
    return result


def days_away(history: History, settings: PresenceSettings | None = None) -> set[int]:
    """Return the whole local days on which nobody was home for most of the waking day."""
    settings = settings or PresenceSettings()
    if HOME_ZONE not in history.entity_ids:
        return set()
    days = history.whole_days()
    starts = np.array([history.day_start(int(day)) for day in days], dtype=np.float64)
    samples = np.arange(6 * 60, 24 * 60, 30, dtype=np.float64) * 60  # 06:00 to midnight
    home = _people_home(history, (starts[:, None] + samples[None, :]).ravel())
    away = (~home).reshape(len(days), len(samples)).mean(axis=1) >= settings.away_share
    return {int(day) for day in days[away]}


def _count(state: str) -> float:
    try:
        return float(state)
    except ValueError:
        return float("nan")


def with_presence(
    history: History, habits: Iterable[Habit], settings: PresenceSettings | None = None
) -> list[Habit]:
    """Mark habits never done while nobody was home, though nobody was home on some days."""
    settings = settings or PresenceSettings()
    habits = list(habits)
    if HOME_ZONE not in history.entity_ids:
        return habits
    days = history.whole_days()
    starts = np.array([history.day_start(int(day)) for day in days], dtype=np.float64)
    marked = []
    for habit in habits:
        on_days = day_mask(habit.days)[weekday_of(days)]
        away = ~_people_home(history, starts[on_days] + habit.minute * 60)
        done = np.array(
            [history.day_start(day) + minute * 60 for day, minute in habit.day_times], np.float64
        )
        home_only = int(away.sum()) >= settings.min_away_days and _people_home(history, done).all()
        marked.append(replace(habit, away_days=int(away.sum())) if home_only else habit)
    return marked
