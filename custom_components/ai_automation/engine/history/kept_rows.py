"""Rows into kept days' files as they are read, and back out as a read now would give them."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
import os
from typing import IO, Any
import zlib

import numpy as np
import numpy.typing as npt

from .kept import MAGIC, append_chunk, read_chunks, read_footer, write_footer
from .recorded import Rows

FLUSH_ROWS = 65_536  # rows held before they are written: memory stays small on a full read
NEW = ".new"  # a new day's file is named so until the manifest naming it is written
EDGES = ("state_id", "metadata_id", "when")  # each entity's first and last row of a day


class DayRows:
    """Split rows read in any order into one file per local day, written a chunk at a time."""

    def __init__(self, create: Callable[[str], IO[bytes]], bounds: list[float], stamp: str) -> None:
        """Keep rows in [bounds[0], bounds[-1]), one file per [bounds[i], bounds[i+1])."""
        self._create = create
        self._bounds = np.array(bounds, np.float64)
        self._stamp = stamp
        self._held: dict[int, list[Rows]] = {}
        self._count = 0
        self._files: dict[int, IO[bytes]] = {}
        self._edges: dict[int, tuple[npt.NDArray[Any], ...]] = {}
        self._written: dict[int, int] = {}  # rows written, by day

    def add(self, rows: Rows) -> None:
        """Take a block of rows (those outside the days are not kept)."""
        if len(self._bounds) < 2 or not len(rows[0]):
            return
        day = np.searchsorted(self._bounds, rows[3], side="right") - 1
        inside = (day >= 0) & (day < len(self._bounds) - 1)
        for number in np.unique(day[inside]):
            mask = day == number
            self._held.setdefault(int(number), []).append(tuple(c[mask] for c in rows))
            self._count += int(mask.sum())
        if self._count >= FLUSH_ROWS:
            self._flush()

    def _flush(self) -> None:
        """Write the rows held, a chunk per day."""
        for number, blocks in self._held.items():
            rows = tuple(np.concatenate([b[c] for b in blocks]) for c in range(5))
            if number not in self._files:
                target = self._files[number] = self._create(self._name(number))
                target.write(MAGIC)
            append_chunk(self._files[number], rows)
            self._written[number] = self._written.get(number, 0) + len(rows[0])
            self._note_edges(number, rows)
        self._held.clear()
        self._count = 0

    def _note_edges(self, number: int, rows: Rows) -> None:
        """Remember each entity's first and last row of the day (time, then state id).

        Kept as arrays: millions of small Python objects would wake the garbage collector.
        """
        held = self._edges.get(number)
        state_id, metadata_id, when = (
            np.concatenate((held[c], rows[r])) if held is not None else rows[r]
            for c, r in ((0, 0), (1, 1), (2, 3))
        )
        order = np.lexsort((state_id, when, metadata_id))
        entity = metadata_id[order]
        first = np.flatnonzero(np.r_[True, entity[1:] != entity[:-1]])
        last = np.r_[first[1:] - 1, len(entity) - 1]
        edges = order[np.unique(np.r_[first, last])]
        self._edges[number] = (state_id[edges], metadata_id[edges], when[edges])

    def _name(self, number: int) -> str:
        return f"{self._bounds[number]:.0f}-{self._stamp}.day"

    def finish(self, values: list[str | None]) -> list[dict[str, Any]]:
        """Write what is held and each file's footer; return the days (even those without rows)."""
        self._flush()
        days = []
        for number in range(len(self._bounds) - 1):
            begin, end = float(self._bounds[number]), float(self._bounds[number + 1])
            if (target := self._files.pop(number, None)) is None:
                target = self._create(self._name(number))
                target.write(MAGIC)
            edges = self._edges.get(number, (np.empty(0, np.int64),) * 3)
            write_footer(target, {
                "values": values,
                "from": begin,
                "to": end,
                # (in the day's own file, not the manifest: that is read and written whole
                # on every run; three flat lists: a list per row would wake the garbage collector)
                "edges": {
                    name: column.tolist()
                    for name, column in zip(EDGES, edges, strict=True)
                },
            })  # fmt: skip
            target.close()
            days.append({
                "file": self._name(number),
                "from": begin,
                "to": end,
                "rows": self._written.get(number, 0),
            })  # fmt: skip
        return days

    def close(self) -> None:
        """Close files left open (the read failed)."""
        for target in self._files.values():
            target.close()
        self._files.clear()


@dataclass(frozen=True, kw_only=True)
class NewDays:
    """Where and how the days read now are kept: written by whoever gets the rows.

    Sent as it is to the detectors' process, which writes the files while Home Assistant reads
    on; Home Assistant names them in the manifest once the run succeeded.
    """

    folder: str
    bounds: list[float]  # one file per [bounds[i], bounds[i+1])
    stamp: str  # in each file's name: the run's

    def writer(self) -> NewDaysWriter:
        """Return a writer of these days' files (each named NAME.new until committed)."""
        return NewDaysWriter(DayRows(self._create, self.bounds, self.stamp))

    def _create(self, name: str) -> IO[bytes]:
        os.makedirs(self.folder, exist_ok=True)
        return open(os.path.join(self.folder, f"{name}{NEW}"), "w+b")


class NewDaysWriter:
    """The new days' files as rows come: a file that cannot be written stops only the keeping."""

    def __init__(self, days: DayRows) -> None:
        """Write through `days`."""
        self._days = days
        self._error: str | None = None

    def add(self, rows: Rows) -> None:
        """Take a block of rows (nothing more once writing failed)."""
        if self._error is None:
            try:
                self._days.add(rows)
            except OSError as err:
                self._error = str(err)

    def finish(self, values: Sequence[str | None]) -> list[dict[str, Any]] | str:
        """Close the files; return the days' facts, or why they could not be written."""
        try:
            return self._error or self._days.finish(list(values))
        except OSError as err:
            return str(err)
        finally:
            self.close()

    def close(self) -> None:
        """Close files left open (the read failed, or all is written)."""
        self._days.close()


def kept_day_rows(
    source: IO[bytes],
    renumber: npt.NDArray[np.int32],
    start: float,
    entities: npt.NDArray[np.int32],
) -> Iterator[Rows]:
    """Yield a day file's rows from `start` of the `entities` (metadata ids, sorted).

    States are numbered anew by `renumber` (the file's numbers -> the reader's).
    """
    if len(renumber) != len(read_footer(source)["values"]):
        raise KeptDayError("a kept day's values are not the ones it was opened with")
    for rows in read_chunks(source):
        keep = (rows[3] >= start) & (_positions(entities, rows[1]) >= 0)
        if keep.any():
            columns: list[npt.NDArray[Any]] = [column[keep] for column in rows]
            columns[2] = renumber[columns[2]]
            yield tuple(columns)


class KeptDayError(ValueError):
    """A kept day's file broke while it was read."""


@dataclass(frozen=True, kw_only=True)
class KeptDay:
    """A kept day's rows as a read now would give them, read from its file where they are used.

    Sent as it is to the detectors' process, which reads the file itself: Home Assistant's
    process then neither decodes the kept days nor pipes them on.
    """

    path: str
    rows_kept: int  # how many rows the file holds (some may be left out as too old)
    start: float  # rows before this are left out
    entities: npt.NDArray[np.int32]  # the metadata ids analysed, sorted
    renumber: npt.NDArray[np.int32]  # the file's state numbers -> the reader's
    fixed_ids: npt.NDArray[np.int64]  # state ids (sorted) whose "by a person" is read anew...
    fixed: npt.NDArray[np.bool_]  # ...and what it is now
    # per entity (as `entities`): rows before are no longer recorded (the recorder's purges)
    since: npt.NDArray[np.float64] | None = None

    def rows(self) -> Iterator[Rows]:
        """Yield the day's rows; raise KeptDayError if its file cannot be read whole."""
        try:
            with open(self.path, "rb") as source:
                yield from self._rows(source)
        except (OSError, ValueError, zlib.error) as err:
            raise KeptDayError(f"a kept day's file could not be read ({err})") from err

    def _rows(self, source: IO[bytes]) -> Iterator[Rows]:
        for read in kept_day_rows(source, self.renumber, self.start, self.entities):
            rows = read if self.since is None else _recorded_still(read, self.entities, self.since)
            if len(self.fixed_ids):
                at = np.searchsorted(self.fixed_ids, rows[0]).clip(0, len(self.fixed_ids) - 1)
                hit = self.fixed_ids[at] == rows[0]
                rows[4][hit] = self.fixed[at[hit]]
            yield rows


def _recorded_still(
    rows: Rows, entities: npt.NDArray[np.int32], since: npt.NDArray[np.float64]
) -> Rows:
    """Return the rows not older than their entity's `since` (the rows' entities are there)."""
    keep = rows[3] >= since[_positions(entities, rows[1])]
    return rows if keep.all() else tuple(column[keep] for column in rows)


def _positions(entities: npt.NDArray[np.int32], ids: npt.NDArray[np.int32]) -> npt.NDArray[np.intp]:
    """Return each id's position in `entities` (sorted), -1 where it is not there.

    Through a table over the ids (small numbers): a search per row took most of the reading.
    """
    top = int(max(entities.max(initial=-1), ids.max(initial=-1))) + 1
    table = np.full(top, -1, np.intp)
    table[entities] = np.arange(len(entities))
    found: npt.NDArray[np.intp] = table[ids]
    return found
