"""A clock time or people coming and going: when both explain the same changes, keep the better.

"Turn off Kitchen around 08:18 on weekdays" and "Turn off Kitchen when the last person leaves"
can both fit the same mornings. Leaving times vary more than clocks do, and nobody leaves on a
day at home: the two are replayed on every day HA recorded, and compared on the days where one is
right and the other is not. The one right on more of those days is kept (the presence trigger
when they are even: it is what the person reacts to).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

import numpy as np
import numpy.typing as npt

from ..history.arrays import History, weekday_of
from .days import day_mask
from .habits import Habit
from .presence import EntityRows, fired_when_possible, is_presence
from .sequences import Sequence


def _numbers(history: History, entity_id: str, state: str) -> tuple[int, int] | None:
    """Return the entity's and the state's numbers in the history (None: it never occurs)."""
    if entity_id not in history.entity_ids or state not in history.states:
        return None
    return history.entity_ids.index(entity_id), history.states.index(state)


def _after_trigger(
    history: History, sequence: Sequence, changes: npt.NDArray[np.intp], rows: EntityRows
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.float64]]:
    """Return which changes came within the window after the trigger, and when it could fire."""
    trigger = _numbers(history, sequence.trigger_entity, sequence.trigger_state)
    action = _numbers(history, sequence.action_entity, sequence.action_state)
    fired = (
        fired_when_possible(history, trigger, action, rows)
        if trigger is not None and action is not None
        else np.zeros(0, np.float64)
    )
    if not len(fired):
        return np.zeros(len(changes), np.bool_), fired
    when = history.when[changes]
    before = np.searchsorted(fired, when, side="left") - 1
    after = (before >= 0) & (when - fired[np.maximum(before, 0)] <= sequence.window_seconds)
    return after, fired


def presence_explained(history: History, sequences: Iterable[Sequence]) -> npt.NDArray[np.bool_]:
    """Return which changes a sequence started by people arriving or leaving explains."""
    explained = np.zeros(len(history), np.bool_)
    presence = [s for s in sequences if is_presence(s.trigger_entity)]
    rows = EntityRows(history) if presence else None
    for sequence in presence:
        action = _numbers(history, sequence.action_entity, sequence.action_state)
        if action is None or rows is None:
            continue
        changes = _changes(history, action, rows)
        explained[changes[_after_trigger(history, sequence, changes, rows)[0]]] = True
    return explained


def _changes(history: History, action: tuple[int, int], rows: EntityRows) -> npt.NDArray[np.intp]:
    """Return the indices of a person's changes of one entity to one state, in time order."""
    mine = rows(action[0])
    result: npt.NDArray[np.intp] = mine[history.manual[mine] & (history.state[mine] == action[1])]
    return result


def _right_days(
    history: History, habit: Habit, sequence: Sequence, rows: EntityRows
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_], bool]:
    """Return, per recorded day, whether the clock and the trigger were right; and if they share.

    Right: it acted and the person did the same (within the habit's window, or the sequence's),
    or it did not act and the person did nothing either could have done.
    """
    days = history.whole_days()
    action = _numbers(history, habit.entity_id, habit.state)
    if action is None or not len(days):
        return np.zeros(0, np.bool_), np.zeros(0, np.bool_), False
    changes = _changes(history, action, rows)
    minutes, change_days = history.local_clock()
    distance = np.abs(minutes[changes] - habit.minute) % 1440.0
    near_clock = np.minimum(distance, 1440.0 - distance) <= habit.half_width_minutes
    after, fired = _after_trigger(history, sequence, changes, rows)
    acted_clock = np.isin(days, change_days[changes][near_clock])
    acted_presence = np.isin(days, change_days[changes][after])
    mask = day_mask(habit.days)
    starts = np.array([history.day_start(int(day)) for day in days], np.float64)
    ends = np.array([history.day_start(int(day) + 1) for day in days], np.float64)
    presence_fires = np.searchsorted(fired, ends) > np.searchsorted(fired, starts)
    neither = ~(acted_clock | acted_presence)
    clock = np.where(mask[weekday_of(days)], acted_clock, neither)
    presence = np.where(presence_fires, acted_presence, neither)
    return clock, presence, bool((near_clock & after).any())


def clock_or_presence(
    history: History, habits: Collection[Habit], sequences: Collection[Sequence]
) -> tuple[list[Habit], list[Sequence]]:
    """Drop, of a clock habit and a presence trigger explaining the same changes, the worse."""
    beaten: set[int] = set()
    rivals = [
        (habit, sequence)
        for habit in habits
        for sequence in sequences
        if is_presence(sequence.trigger_entity)
        and (sequence.action_entity, sequence.action_state) == (habit.entity_id, habit.state)
    ]
    rows = EntityRows(history) if rivals else None
    for habit, sequence in rivals:
        if rows is None:
            break
        clock, presence, shared = _right_days(history, habit, sequence, rows)
        if shared:
            clock_only, presence_only = (clock & ~presence).sum(), (presence & ~clock).sum()
            beaten.add(id(habit) if presence_only >= clock_only else id(sequence))
    return (
        [h for h in habits if id(h) not in beaten],
        [s for s in sequences if id(s) not in beaten],
    )
