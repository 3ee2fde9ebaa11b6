"""Read only what is new: the past local days kept from the last run, the rest from the recorder.

A kept day's rows are the rows a full read gives for that day, bit for bit, as long as the
recorder's database still holds them and nothing they depend on changed. What a row is (its id,
entity, state, time) never changes in the recorder; whether a person made it depends also on the
automation runs found in the window read and on Home Assistant's starts, so:
- rows whose context started an automation or script run fired outside the window a kept day was
  read with, but inside today's (or the other way round), are asked for again (`_corrections`);
- the starts overlapping a kept day must be the ones it was read with;
- kept rows older than their entity's oldest row still recorded are left out (the recorder's
  purges delete the oldest rows: a full read no longer sees them either), and kept rows an
  automation run made that has been purged since are asked for again (`purged.py`);
- each entity's first and last kept rows of each day since then must still be in the database
  (`recorder.purge_entities`, another database), with the same entity ids (a rename), and no row
  may have been recorded for a kept day after it was kept (the recorder's queue written late);
- the database, its schema version, the time zone, the lookback, the tool accounts, the format
  and the entities analysed (none added) must be the same.
Otherwise the kept days are thrown away, the log says why, once, and the whole lookback is read.
Only days ending an hour before the read are kept: rows the recorder still writes for the last
hour are read again next time.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import datetime
import logging
import math
from pathlib import Path
from typing import IO, Any, Protocol

import numpy as np
from sqlalchemy import case, or_, select
from sqlalchemy.orm import Session

from homeassistant.components.recorder.core import Recorder
from homeassistant.components.recorder.db_schema import Events, States
from homeassistant.helpers.recorder import session_scope

from ..engine.history.kept import FORMAT, day_start, local_midnights, read_footer
from ..engine.history.kept_rows import EDGES, KeptDay, KeptDayError, NewDays, NewDaysWriter
from ..engine.history.recorded import Rows
from .kept_checks import edges_recorded, mismatch, overlapping
from .purged import (
    asked_again,
    automated_by_runs,
    entity_horizons,
    highest_state_id,
    made_by_purged_runs,
    merged_runs,
    oldest_event,
    written_late,
)
from .tables import AUTOMATION_LEAD, HistoryReader, _chunks, automated_contexts, by_person

_LOGGER = logging.getLogger(__name__)
LATE_MARGIN = 3600  # seconds: rows of the last hour before a read may still be on their way


class KeptDaysError(RuntimeError):
    """A kept day's file broke while it was read (the run fails; the next one reads in full)."""


class KeptDays(Protocol):
    """Where the kept days live (`analysis/kept_days.py`: a folder under `.storage`)."""

    def load(self) -> dict[str, Any] | None:
        """Return what is kept (None: nothing, or nothing readable)."""

    def open(self, name: str) -> IO[bytes]:
        """Open a kept day's file for reading."""

    def path(self, name: str) -> Path:
        """Return where a kept day's file is (the detectors' process reads it there)."""

    def new_days(self, bounds: list[float], stamp: str) -> NewDays:
        """Return where the days read now are written (they count once committed)."""

    def commit(self, manifest: dict[str, Any]) -> None:
        """Make the new days and `manifest` what is kept; remove the files it does not name."""

    def discard(self) -> None:
        """Remove the new days' files not committed."""

    def forget(self) -> None:
        """Forget what is kept (its files cannot be read)."""


class IncrementalReader(HistoryReader):
    """A `HistoryReader` that reads the recorder only since the last run's kept days."""

    def __init__(  # noqa: PLR0917 (as HistoryReader's, and where the days are kept)
        self,
        instance: Recorder,
        entity_ids: Collection[str],
        person_entities: Collection[str],
        start: datetime,
        end: datetime,
        time_zone: str,
        automated_users: Collection[str],
        kept: KeptDays,
        identity: dict[str, Any],
    ) -> None:
        """Prepare to read; `identity` must equal the kept days' for them to be used."""
        super().__init__(
            instance, entity_ids, person_entities, start, end, time_zone, automated_users
        )
        self._kept = kept
        self._identity = identity
        self._mark = 0  # the highest state_id when the read began
        self._values: dict[str, list[str | None]] = {}  # each kept file's state values
        self._edges: list[tuple[list[Any], ...]] = []  # each kept file's edges (`EDGES`)
        self._horizons: dict[int, float] = {}  # each entity's oldest row still recorded
        self._purged_runs_made = -math.inf  # the latest kept row a purged automation run made
        self._pending: tuple[Any, ...] | None = None  # what `finish` keeps, once all is read

    def rows(self) -> Iterator[Rows]:
        """Yield the kept days' rows, then the recorder's since; keep the days now complete.

        Here, in this process, the new days are written as they are read: where the detectors
        have a process of their own, it writes them (`blocks`).
        """
        writer: NewDaysWriter | None = None
        try:
            for block in self.blocks():
                if isinstance(block, NewDays):
                    writer = block.writer()
                elif isinstance(block, KeptDay):
                    try:
                        yield from block.rows()
                    except KeptDayError as err:
                        self.distrust()
                        raise KeptDaysError(
                            f"{err}; the next analysis reads the whole lookback"
                        ) from err
                else:
                    if writer is not None:
                        writer.add(block)
                    yield block
            kept = writer.finish(self.recorded().values) if writer is not None else None
        finally:
            if writer is not None:
                writer.close()
        self.finish(kept)

    def blocks(self) -> Iterator[Rows | KeptDay | NewDays]:
        """Yield the kept days, where the new ones go, then the recorder's rows since.

        The kept days are read, and the new days written, where the rows are used.
        """
        with session_scope(session=self._instance.get_session(), read_only=True) as session:
            starting = self._prepare(session)
            cut = max(day_start(self._end - LATE_MARGIN, self._time_zone), self._start)
            manifest = self._trusted(session, starting)
            read_from = self._start if manifest is None else max(manifest["cut"], self._start)
            days = [day for day in (manifest or {}).get("days", []) if day["to"] > self._used_from]
            if manifest is not None:
                self._read_from = read_from
                try:
                    kept = list(self._kept_days(session, manifest, days, starting))
                except (OSError, ValueError) as err:
                    self.distrust()
                    raise KeptDaysError(
                        f"a kept day's file could not be read ({err}); the next analysis reads"
                        " the whole lookback"
                    ) from err
                yield from kept
            # (even when no day ended since: what is kept is then noted as read now)
            yield self._kept.new_days(
                [read_from, *local_midnights(read_from, cut, self._time_zone), cut]
                if read_from < cut
                else [],
                f"{self._end:.0f}",
            )
            yield from self._changes(session, read_from, starting)
            self._pending = (days, starting, (read_from, cut), manifest)

    def finish(self, kept: list[dict[str, Any]] | str | None) -> None:
        """Name the new days written (`kept`: their facts) in the manifest, for the next run.

        Called once the detectors have all rows. A text says why they could not be written;
        None: the run failed. Either way, no file of the new days is left unnamed.
        """
        pending, self._pending = self._pending, None
        try:
            if isinstance(kept, str):
                _LOGGER.warning("Could not keep the analysed days for the next analysis: %s", kept)
            elif pending is not None and kept is not None:
                days, starting, (read_from, cut), manifest = pending
                with session_scope(session=self._instance.get_session(), read_only=True) as session:
                    self._keep(days, kept, starting, (session, read_from, cut), manifest)
        finally:
            self._kept.discard()

    def distrust(self) -> None:
        """Forget the kept days: one of their files could not be read."""
        self._kept.forget()

    @property
    def _used_from(self) -> float:
        """Return since when kept rows are used: the window's start, or the oldest row recorded."""
        return max(self._start, min(self._horizons.values(), default=math.inf))

    def _prepare(self, session: Session) -> list[tuple[float, float]]:
        """Note the highest state_id first (a row recorded later has a higher one), then prepare."""
        self._mark = highest_state_id(session)
        return super()._prepare(session)

    def _keep(
        self,
        days: list[dict[str, Any]],
        new: list[dict[str, Any]],
        starting: Sequence[tuple[float, float]],
        read: tuple[Session, float, float],
        manifest: dict[str, Any] | None,
    ) -> None:
        """Write the new days and what is kept now (a failure to write loses only the keeping)."""
        session, read_from, cut = read
        person = [m for m, e in self._metadata.items() if e in self._person]
        runs = automated_by_runs(
            session, person, read_from, cut, self._start - AUTOMATION_LEAD, self._end
        )
        try:
            for day in new:
                day["events"] = [self._start - AUTOMATION_LEAD, self._end]
                day["starting"] = overlapping(starting, day["from"], day["to"])
            self._kept.commit(
                {
                    "format": FORMAT,
                    "identity": self._identity,
                    "start": self._start,
                    "end": self._end,
                    "cut": cut,
                    "entities": self._entity_ids,
                    "metadata": {e: m for m, e in self._metadata.items()},
                    "days": days + new,
                    "mark": self._mark,
                    "runs": merged_runs((manifest or {}).get("runs", {}), runs, self._start),
                }
            )
        except OSError as err:
            _LOGGER.warning("Could not keep the analysed days for the next analysis: %s", err)

    def _trusted(
        self, session: Session, starting: Sequence[tuple[float, float]]
    ) -> dict[str, Any] | None:
        """Return the kept days' manifest if they can be used; else say why, once, and None."""
        manifest = self._kept.load()
        if manifest is None:
            return None
        try:
            reason = mismatch(manifest, self._identity)
            if reason is None:
                self._horizons = entity_horizons(session, self._metadata)
                reason = self._changed(manifest, starting) or self._unreadable(manifest)
            if reason is None and not edges_recorded(
                session, self._edges, self._start, self._horizons
            ):
                reason = "rows kept are no longer in the recorder's database (purged or replaced)"
            if reason is None:
                reason = self._late_or_purged(session, manifest)
        except (KeyError, TypeError, ValueError) as err:
            reason = f"what is kept is not as this version writes it ({err!r})"
        if reason is not None:
            _LOGGER.info(
                "The analysis reads the whole lookback again instead of the days kept from the"
                " last one: %s",
                reason,
            )
            return None
        return manifest

    def _late_or_purged(self, session: Session, manifest: dict[str, Any]) -> str | None:
        """Return why rows recorded late spoil the kept days; note what purged runs made."""
        if written_late(
            session, list(self._metadata), manifest["mark"], self._start, manifest["cut"]
        ):
            return "rows were recorded for a kept day after it was kept (written late)"
        self._purged_runs_made = made_by_purged_runs(manifest["runs"], oldest_event(session))
        return None

    def _changed(
        self, manifest: dict[str, Any], starting: Sequence[tuple[float, float]]
    ) -> str | None:
        """Return what changed since the days were kept (None: nothing that matters)."""
        if manifest["start"] > self._start or manifest["end"] > self._end:
            return "the clock went back"
        kept_ids: dict[str, int] = manifest["metadata"]
        by_id = {m: e for e, m in kept_ids.items()}
        for metadata_id, entity_id in self._metadata.items():
            if by_id.get(metadata_id, entity_id) != entity_id:
                return f"an entity was renamed ({by_id[metadata_id]} to {entity_id})"
            if entity_id in kept_ids and kept_ids[entity_id] != metadata_id:
                return f"the recorder numbers {entity_id} differently"
        if added := sorted(set(self._entity_ids) - set(manifest["entities"])):
            return f"entities were added to the analysis ({', '.join(added[:3])}...)"
        for day in manifest["days"]:
            # (a start before the window, or before every row still recorded, changes no row used)
            begin = max(day["from"], self._used_from)
            if day["to"] > begin and overlapping(starting, begin, day["to"]) != overlapping(
                day["starting"], begin, day["to"]
            ):
                return "Home Assistant's starts recorded for a kept day changed"
        return None

    def _unreadable(self, manifest: dict[str, Any]) -> str | None:
        """Return why a kept day's file cannot be used (None: each one ends whole).

        Each footer's values (what the file's state numbers stand for) and edges (each entity's
        first and last row) are noted on the way.
        """
        for day in manifest["days"]:
            if day["to"] > self._start:
                try:
                    with self._kept.open(day["file"]) as source:
                        footer = read_footer(source)
                    self._values[day["file"]] = footer["values"]
                    self._edges.append(tuple(footer["edges"][name] for name in EDGES))
                except (OSError, ValueError, KeyError, TypeError) as err:
                    return f"a kept day's file cannot be read ({err})"
        return None

    def _corrections(
        self,
        session: Session,
        days: list[dict[str, Any]],
        cut: float,
        starting: Sequence[tuple[float, float]],
    ) -> dict[int, bool]:
        """Return whether a person made each kept row an automation run read since may concern.

        A kept day was read with automation runs fired in its `events` window; today's is
        [start - lead, end). Rows whose context is that of a run in one but not the other are
        asked for again, with today's window.
        """
        if not days:
            return {}
        events_from = self._start - AUTOMATION_LEAD
        oldest = min(day["events"][0] for day in days)
        newest = min(day["events"][1] for day in days)
        moved = automated_contexts(oldest, self._end).where(
            or_(Events.time_fired_ts < events_from, Events.time_fired_ts >= newest)
        )
        found: dict[int, bool] = {}
        person = sorted(m for m, e in self._metadata.items() if e in self._person)
        until = min(self._purged_runs_made, np.nextafter(cut, -math.inf))
        if self._used_from <= until:  # rows a purged automation run made: a person's now?
            rows, events = (self._used_from, until), (events_from, self._end)
            found.update(asked_again(session, person, self._tools, rows, events, starting))
        for ids in _chunks(person):
            query = select(
                States.state_id,
                case((by_person(ids, self._tools, events_from, self._end, starting), 1), else_=0),
            ).where(
                States.metadata_id.in_(ids),
                States.last_updated_ts >= self._start,
                States.last_updated_ts < cut,
                States.context_id_bin.in_(moved),
            )
            found.update((int(row[0]), bool(row[1])) for row in session.execute(query))
        return found

    def _kept_days(
        self,
        session: Session,
        manifest: dict[str, Any],
        days: list[dict[str, Any]],
        starting: Sequence[tuple[float, float]],
    ) -> Iterator[KeptDay]:
        """Yield the kept days inside the window, each to be read as a read now would give it."""
        corrections = self._corrections(session, days, float(manifest["cut"]), starting)
        fixed_ids = np.array(sorted(corrections), np.int64)
        fixed = np.array([corrections[int(i)] for i in fixed_ids], np.bool_)
        analysed = np.array(sorted(self._metadata), np.int32)
        horizons = np.array([self._horizons.get(int(m), math.inf) for m in analysed], np.float64)
        for day in days:
            values = self._values[day["file"]]  # (read by `_unreadable`)
            yield KeptDay(
                path=str(self._kept.path(day["file"])),
                rows_kept=int(day["rows"]),
                start=self._start,
                entities=analysed,
                renumber=np.array([self._codes[value] for value in values], np.int32),
                fixed_ids=fixed_ids,
                fixed=fixed,
                since=horizons,
            )
