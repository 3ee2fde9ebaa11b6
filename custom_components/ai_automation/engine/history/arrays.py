"""The state history the detectors read: compact numpy arrays, built from plain rows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property
import itertools
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

MAX_KIND_TABLE = 1 << 22  # (entity, state) pairs numbered through a table up to this many
RECORDED_SHARE = 0.5  # a day counts when Home Assistant recorded at least this share of it


@dataclass(frozen=True, slots=True)
class Change:
    """One state change: who, to what, when (UTC seconds), and whether a person made it."""

    entity_id: str
    state: str
    when: float
    manual: bool


@dataclass(frozen=True, kw_only=True)
class History:
    """Every change of the analysed entities, sorted by time, as parallel arrays."""

    entity_ids: tuple[str, ...]
    states: tuple[str, ...]
    when: npt.NDArray[np.float64]  # UTC seconds, ascending
    entity: npt.NDArray[np.int32]  # index into entity_ids
    state: npt.NDArray[np.int32]  # index into states
    manual: npt.NDArray[np.bool_]
    start: float
    end: float
    time_zone: str
    # UTC spans Home Assistant's recorder ran (None: not known, every day counts as recorded),
    # and since when they are known (before that, it counts as recording).
    runs: tuple[tuple[float, float], ...] | None = None
    runs_since: float = -np.inf

    @classmethod
    def from_changes(
        cls,
        changes: Iterable[Change],
        *,
        start: float,
        end: float,
        time_zone: str,
        runs: tuple[tuple[float, float], ...] | None = None,
        runs_since: float = -np.inf,
    ) -> History:
        """Build the arrays from changes in any order."""
        entity_index: dict[str, int] = {}
        state_index: dict[str, int] = {}
        rows = sorted(changes, key=lambda change: change.when)
        return cls(
            when=np.fromiter((c.when for c in rows), np.float64, len(rows)),
            entity=np.fromiter(
                (entity_index.setdefault(c.entity_id, len(entity_index)) for c in rows),
                np.int32,
                len(rows),
            ),
            state=np.fromiter(
                (state_index.setdefault(c.state, len(state_index)) for c in rows),
                np.int32,
                len(rows),
            ),
            manual=np.fromiter((c.manual for c in rows), np.bool_, len(rows)),
            entity_ids=tuple(entity_index),
            states=tuple(state_index),
            start=start,
            end=end,
            time_zone=time_zone,
            runs=runs,
            runs_since=runs_since,
        )

    def changes(self) -> list[Change]:
        """Return the changes as objects again (for reading, not for analysis)."""
        return [
            Change(self.entity_ids[e], self.states[s], float(w), bool(m))
            for e, s, w, m in zip(self.entity, self.state, self.when, self.manual, strict=True)
        ]

    def __len__(self) -> int:
        """Return the number of changes."""
        return len(self.when)

    def local_clock(self) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]:
        """Return each change's local minute of the day and local day number (DST-aware)."""
        return self._local_clock

    @cached_property
    def _local_clock(self) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]:
        """Work out `local_clock` once: every detector reads it (the arrays are not changed)."""
        local = _local_seconds(self.when, ZoneInfo(self.time_zone))
        day = np.floor(local / 86400)
        # The remainder by subtraction is exact, and far quicker than `%`; unless the division
        # rounded up to the next day (it is then below 0), and `%` is taken instead.
        seconds = local - day * 86400
        if not ((seconds >= 0) & (seconds < 86400)).all():
            seconds = local % 86400
        return seconds / 60.0, day.astype(np.int64)

    @cached_property
    def kinds(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Return the (entity, state) pairs that occur and each change's pair, numbered densely.

        The pairs as keys `entity * len(states) + state`, ascending; each change's number is its
        pair's index among them (so numbers follow the keys' order).
        """
        keys = self.entity.astype(np.int64) * len(self.states) + self.state
        size = len(self.entity_ids) * len(self.states)
        if size > MAX_KIND_TABLE:
            kinds, kind = np.unique(keys, return_inverse=True)
            return kinds, kind.astype(np.int64)
        present = np.zeros(size, np.bool_)
        present[keys] = True
        number = np.cumsum(present) - 1  # (a table instead of sorting a million keys)
        return np.flatnonzero(present).astype(np.int64), number[keys].astype(np.int64)

    @cached_property
    def by_entity(self) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
        """Return the changes ordered by entity (each one's in time order), and where each begins."""
        order = stable_order(self.entity, len(self.entity_ids))
        bounds = np.searchsorted(self.entity[order], np.arange(len(self.entity_ids) + 1))
        return order, bounds

    def local_days(self) -> npt.NDArray[np.int64]:
        """Return every local day number the analysed window covers."""
        zone = ZoneInfo(self.time_zone)
        first = datetime.fromtimestamp(self.start, zone)
        last = datetime.fromtimestamp(self.end, zone)
        day = 86400

        def number(moment: datetime) -> int:
            offset = moment.utcoffset() or timedelta(0)
            return int((moment.timestamp() + offset.total_seconds()) // day)

        return np.arange(number(first), number(last) + 1, dtype=np.int64)

    def whole_days(self) -> npt.NDArray[np.int64]:
        """Return the local days the window covers from midnight to midnight, and HA recorded.

        Days Home Assistant was not recording (see `recorded_days`) are neither hits nor misses.
        """
        return self._whole_days

    @cached_property
    def _whole_days(self) -> npt.NDArray[np.int64]:
        days = self.local_days()
        if not len(days):
            return days
        first = days[0] if self.day_start(int(days[0])) >= self.start else days[0] + 1
        last = days[-1] if self.day_start(int(days[-1]) + 1) <= self.end else days[-1] - 1
        whole = np.arange(first, last + 1, dtype=np.int64)
        return whole[self.recorded_days(whole)]

    def recorded_days(self, days: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        """Return whether HA recorded each local day.

        A day counts when the recorder ran for at least half of it; a day before the recorder's
        oldest kept run counts (nothing says it was not recording).
        """
        if self.runs is None or not len(days):
            return np.ones(len(days), np.bool_)
        starts = np.array([self.day_start(int(day)) for day in days], np.float64)
        ends = np.array([self.day_start(int(day) + 1) for day in days], np.float64)
        covered = np.clip(np.minimum(ends, self.runs_since) - starts, 0, None)
        for run_start, run_end in self.runs:
            covered += np.clip(np.minimum(ends, run_end) - np.maximum(starts, run_start), 0, None)
        result: npt.NDArray[np.bool_] = covered >= RECORDED_SHARE * (ends - starts)
        return result

    def recorded_seconds(self) -> float:
        """Return how long HA recorded inside the window (all of it when that is not known)."""
        if self.runs is None:
            return self.end - self.start
        before = max(min(self.runs_since, self.end) - self.start, 0.0)
        inside = sum(
            max(min(end, self.end) - max(start, self.start, self.runs_since), 0.0)
            for start, end in self.runs
        )
        return before + inside

    def day_start(self, day_number: int) -> float:
        """Return the UTC seconds of a local day's midnight (DST-aware)."""
        naive = datetime(1970, 1, 1) + timedelta(days=day_number)
        return naive.replace(tzinfo=ZoneInfo(self.time_zone)).timestamp()


def _local_seconds(when: npt.NDArray[np.float64], zone: ZoneInfo) -> npt.NDArray[np.float64]:
    """Return each UTC time plus its zone's offset (the one in the middle of its hour)."""
    first, last = (int(np.floor(when[end] / 3600)) for end in (0, -1)) if len(when) else (0, -1)
    if last - first >= len(when) or not (when[1:] >= when[:-1]).all():
        hours, inverse = np.unique(np.floor(when / 3600).astype(np.int64), return_inverse=True)
        return when + _hour_offsets(hours, zone)[inverse] if len(hours) else when
    # In time order, as it should be: the offset changes at a few hours only, and is added a
    # stretch of changes at a time.
    offsets = _hour_offsets(np.arange(first, last + 1), zone)
    bounds = [0]
    for hour in (np.flatnonzero(np.diff(offsets)) + 1 + first).tolist():
        row = int(np.searchsorted(when, hour * 3600.0))
        while row > 0 and np.floor(when[row - 1] / 3600) >= hour:  # (the division rounded up)
            row -= 1
        bounds.append(row)
    bounds.append(len(when))
    local = np.empty_like(when)
    for begin, end in itertools.pairwise(bounds):
        if end > begin:
            local[begin:end] = when[begin:end] + offsets[int(np.floor(when[begin] / 3600)) - first]
    return local


def _hour_offsets(hours: npt.NDArray[np.int64], zone: ZoneInfo) -> npt.NDArray[np.float64]:
    """Return the zone's UTC offset (seconds) in the middle of each hour (hours since 1970)."""
    return np.array(
        [
            datetime.fromtimestamp(int(hour) * 3600 + 1800, UTC)
            .astimezone(zone)
            .utcoffset()
            .total_seconds()  # type: ignore[union-attr]
            for hour in hours
        ],
        dtype=np.float64,
    )


def stable_order(keys: npt.NDArray[np.integer], count: int) -> npt.NDArray[np.intp]:
    """Return the stable sorting order of keys 0 ... count - 1."""
    # (keys that fit 16 bits are sorted by radix, in one pass: several times quicker)
    small = keys.astype(np.uint16) if count <= 1 << 16 else keys
    return np.argsort(small, kind="stable")


def weekday_of(day_number: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Return Monday=0 ... Sunday=6 for local day numbers (day 0 = 1970-01-01, a Thursday)."""
    return (day_number + 3) % 7
