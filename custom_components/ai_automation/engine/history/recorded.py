"""Build a `History` from the recorder's rows, wherever they were read.

The rows come in blocks of parallel arrays, in no particular order (the database does not sort
them: numpy does it quicker here). They are put together in Home Assistant's process when the
detectors run there, or in the detectors' own process as they arrive through its pipe.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from .arrays import History, stable_order

# Their state is the time of the last press or activation: every change is one "activated".
MOMENTARY_DOMAINS = frozenset({"button", "input_button", "event", "scene"})
ACTIVATED = "activated"
NOT_A_CHANGE = frozenset({"unavailable", "unknown"})

_EMPTY = np.empty(0, np.int64)
# One block of rows: (state_id, metadata_id, state number, last_updated_ts, by a person).
type Rows = tuple[npt.NDArray[Any], ...]


@dataclass(frozen=True, kw_only=True)
class Recorded:
    """What the numbers in the rows stand for, and the window they were read for."""

    values: tuple[str | None, ...]  # state number -> the state as recorded (None: missing)
    entities: dict[int, str]  # metadata id -> entity id
    start: float
    end: float
    time_zone: str
    # When Home Assistant was recording (UTC spans; None: not known), known since `runs_since`.
    runs: tuple[tuple[float, float], ...] | None = None
    runs_since: float = -np.inf
    # The recorder was read from here on: the rows before came from days earlier reads kept.
    read_from: float = -np.inf


def changes_kept(history: History, recorded: Recorded) -> int:
    """Return how many of the history's changes came from the days earlier reads kept."""
    return int(np.count_nonzero(history.when < recorded.read_from))


def assemble(blocks: list[Rows], recorded: Recorded) -> History:
    """Put the rows in time order and keep the real changes, numbered in order of appearance.

    Empties `blocks` on the way, so that their memory is given back early.
    """
    # The blocks are freed (`blocks` is emptied) as soon as their columns are made.
    columns = [
        np.concatenate([block[column] for block in blocks]) if blocks else _EMPTY
        for column in range(5)
    ]
    blocks.clear()
    state_id, metadata_id, state, times, person = columns
    del columns
    when = times.astype(np.float64, copy=False)  # (no copy: only the empty placeholder is int)
    del times
    if not _in_time_order(state_id, when):
        order = _time_order(state_id, when)
        # (one column at a time: each unordered one is freed as its ordered copy is made)
        metadata_id = metadata_id[order]
        state = state[order]
        when = when[order]
        person = person[order]
        del order
    del state_id
    # Each metadata id as a small number: a stable sort by it is then a quick radix sort.
    known = np.array(sorted(recorded.entities), np.int64)
    entity = _positions(known, metadata_id, np.int16 if len(known) < 2**15 else np.int32)
    values = list(recorded.values)

    # Coming back from unavailable is the device reconnecting, not anybody's action: skip a row
    # whose state, or whose entity's previous state, is unavailable/unknown/missing.
    invalid = np.array([value is None or value in NOT_A_CHANGE for value in values], np.bool_)
    keep = _real_changes(entity, invalid[state], len(known))
    if not keep.all():
        entity, state, when, person = entity[keep], state[keep], when[keep], person[keep]

    # Entities and states numbered in order of first appearance, as before the filtering.
    entity, present = _by_first_appearance(entity, len(known))
    entity_ids = tuple(recorded.entities[int(known[index])] for index in present)
    momentary = np.array([e.split(".", 1)[0] in MOMENTARY_DOMAINS for e in entity_ids], np.bool_)
    if momentary.any():
        if ACTIVATED not in values:
            values.append(ACTIVATED)
        state = np.where(momentary[entity], values.index(ACTIVATED), state)
    state, used = _by_first_appearance(state, len(values))
    return History(
        entity_ids=entity_ids,
        states=tuple(str(values[code]) for code in used),
        when=when,
        entity=entity,
        state=state,
        manual=person.astype(np.bool_),
        start=recorded.start,
        end=recorded.end,
        time_zone=recorded.time_zone,
        runs=recorded.runs,
        runs_since=recorded.runs_since,
    )


def _in_time_order(state_id: npt.NDArray[np.integer[Any]], when: npt.NDArray[Any]) -> bool:
    """Tell whether the rows already are in `_time_order`'s order.

    Kept days followed by a read in time order are: checked in a few milliseconds, where putting
    a million rows in order again took a tenth of a second.
    """
    later = when[1:] > when[:-1]
    if later.all():
        return True
    same = when[1:] == when[:-1]
    return bool((later | (same & (state_id[1:] > state_id[:-1]))).all())


def _time_order(
    state_id: npt.NDArray[np.integer[Any]], when: npt.NDArray[Any]
) -> npt.NDArray[np.integer[Any]]:
    """Return the rows in time order, ties in the order they were written (by state id)."""
    order: npt.NDArray[np.integer[Any]] | None = None
    low = int(state_id.min()) if len(state_id) else 0
    span = int(state_id.max()) - low + 1 if len(state_id) else 0
    if span <= 4 * len(state_id) < 2**31:
        # By state id through a table over their range, then by time, stably: the rows are
        # then nearly in time order (the recorder numbers them as it writes them), which is
        # sorted far quicker than by both at once. The same order, as no state id repeats.
        row_at = np.full(span, -1, np.int32)
        row_at[state_id - low] = np.arange(len(state_id), dtype=np.int32)
        by_id = row_at[row_at >= 0]
        if len(by_id) == len(state_id):
            order = by_id[np.argsort(when[by_id], kind="stable")]
    if order is None:
        order = np.lexsort((state_id, when))
    return order


def _real_changes(
    entity: npt.NDArray[np.integer[Any]], invalid: npt.NDArray[np.bool_], count: int
) -> npt.NDArray[np.bool_]:
    """Return which rows are neither invalid nor the first after an invalid one of their entity."""
    # Only the entities ever unavailable (or unknown...) need their rows in order.
    touched = np.zeros(count, np.bool_)
    touched[entity[invalid]] = True
    rows = np.flatnonzero(touched[entity])
    by_entity = rows[stable_order(entity[rows], count)]  # their rows, each one's in time order
    grouped = entity[by_entity]
    after_invalid = np.zeros(len(entity), np.bool_)
    after_invalid[by_entity[1:]] = (grouped[1:] == grouped[:-1]) & invalid[by_entity[:-1]]
    result: npt.NDArray[np.bool_] = ~(invalid | after_invalid)
    return result


def _positions(
    known: npt.NDArray[np.int64], ids: npt.NDArray[np.integer[Any]], dtype: type[np.integer[Any]]
) -> npt.NDArray[np.integer[Any]]:
    """Return where each id is (or would go) in `known`, ascending, as `np.searchsorted` does."""
    top = int(ids.max()) + 1 if len(ids) else 0
    if len(ids) and int(ids.min()) >= 0 and top <= len(ids):
        # (looked up in a table of every id up to the largest: quicker than a search per row)
        table = np.searchsorted(known, np.arange(top)).astype(dtype)
        result: npt.NDArray[np.integer[Any]] = table[ids]
    else:
        result = np.searchsorted(known, ids).astype(dtype)
    return result


def _by_first_appearance(
    codes: npt.NDArray[np.integer[Any]], count: int
) -> tuple[npt.NDArray[np.int32], list[int]]:
    """Renumber `codes` (0 ... count-1) in order of first appearance; return the old numbers."""
    first = np.full(count, len(codes), np.int64)
    np.minimum.at(first, codes, np.arange(len(codes)))
    used = [int(code) for code in np.argsort(first, kind="stable") if first[code] < len(codes)]
    renumber = np.zeros(count, np.int32)
    renumber[used] = np.arange(len(used), dtype=np.int32)
    return renumber[codes], used
