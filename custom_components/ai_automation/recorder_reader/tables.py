"""Read state changes straight from the recorder's tables (the one place that knows its schema).

Runs in the recorder's executor. Works on SQLite, MariaDB and PostgreSQL alike (the tests run on
all three): SQLAlchemy Core over the recorder's own table definitions, so a schema change breaks
the tests, not users. What differs between the databases is handled here:
- no ORDER BY: SQLite sorts a million rows in a temporary B-tree and MariaDB in a filesort, both
  slower than numpy; rows are put in time order here, ties by `state_id` (the order the recorder
  wrote them), so every database gives the same history;
- at most `MAX_IDS_FOR_INDEXED_GROUP_BY` ids per IN list: past that MariaDB's optimizer stops
  using the (metadata_id, last_updated_ts) index, as the recorder's own queries note;
- binary context ids never reach Python (PostgreSQL returns them as memoryview, the others as
  bytes): whether a person made a change (no parent, no automation's context, no tool
  account's user id) is worked out in SQL and arrives as 0/1;
- time is the recorder's float `*_ts` columns on all three (DOUBLE on MariaDB and PostgreSQL).
- PostgreSQL plans a cursor's query for its first rows unless told that all are read.

Who made a change: a change whose context has a parent, or whose context started an automation or
a script (`automation_triggered` / `script_started` events carry that context), or that was made
through the API by a tool account (Node-RED, AppDaemon, pyscript: `automated_users`), was automated.
A change written while Home Assistant started (restored states, entities appearing: see
`start_windows`) was nobody's. Everything else (the UI, voice, a physical switch, a device's own
report) counts as a person's.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import datetime
import math
from typing import Any

import numpy as np
from sqlalchemy import ColumnElement, Connection, Select, and_, case, func, not_, or_, select, true
from sqlalchemy.orm import Session

from homeassistant.components.recorder.const import MAX_IDS_FOR_INDEXED_GROUP_BY
from homeassistant.components.recorder.core import Recorder
from homeassistant.components.recorder.db_schema import (
    Events,
    EventTypes,
    RecorderRuns,
    StateAttributes,
    States,
    StatesMeta,
)
from homeassistant.components.recorder.models import process_timestamp
from homeassistant.helpers.recorder import session_scope
from homeassistant.util import dt as dt_util
from homeassistant.util.json import json_loads_object

from ..engine.history.arrays import History
from ..engine.history.kept_rows import KeptDay, NewDays
from ..engine.history.recorded import Recorded, Rows, assemble
from .start_windows import start_windows, written_while_starting

AUTOMATED_EVENTS = ("automation_triggered", "script_started")
ROWS_PER_FETCH = 1000  # short fetches: the event loop gets the GIL between them
IDS_PER_QUERY = MAX_IDS_FOR_INDEXED_GROUP_BY
TIME_ORDER_SHARE = 0.4  # read in time order when the analysed entities hold this share of rows
AUTOMATION_LEAD = 3600  # automation runs looked for from this long before the window (seconds)


class _Codes(dict[str | None, int]):
    """Number each distinct value in the order first seen (`codes[value]`)."""

    def __missing__(self, value: str | None) -> int:
        code = self[value] = len(self)
        return code


def _chunks[T](values: list[T]) -> Iterator[list[T]]:
    """Split an IN list into parts the database's optimizer still handles with an index."""
    for begin in range(0, len(values), IDS_PER_QUERY):
        yield values[begin : begin + IDS_PER_QUERY]


def automated_contexts(events_from: float, end_ts: float) -> Select[tuple[bytes | None]]:
    """Return the context ids of automation and script runs started in [events_from, end)."""
    return (
        select(Events.context_id_bin)
        .join(EventTypes, Events.event_type_id == EventTypes.event_type_id)
        .where(
            EventTypes.event_type.in_(AUTOMATED_EVENTS),
            Events.time_fired_ts >= events_from,
            Events.time_fired_ts < end_ts,
            Events.context_id_bin.is_not(None),  # a NULL would make NOT IN unknown for all
        )
    )


def by_person(
    person_ids: list[int],
    tools: list[bytes],
    events_from: float,
    end_ts: float,
    starting: Sequence[tuple[float, float]] = (),
) -> ColumnElement[bool]:
    """Return the condition that a state row is a person's change (see the module's words)."""
    automated = automated_contexts(events_from, end_ts)
    return and_(
        States.metadata_id.in_(person_ids),
        States.context_parent_id_bin.is_(None),
        or_(States.context_id_bin.is_(None), States.context_id_bin.not_in(automated)),
        # (a user id compared as the binary it is stored as, on every database)
        or_(States.context_user_id_bin.is_(None), States.context_user_id_bin.not_in(tools))
        if tools
        else true(),
        not_(written_while_starting(starting)),
    )


def _changes_query(  # noqa: PLR0917 (each is a part of what is read)
    metadata_ids: list[int],
    person_ids: list[int],
    tools: list[bytes],
    start_ts: float,
    end_ts: float,
    starting: Sequence[tuple[float, float]] = (),
    events_from: float | None = None,
    *,
    in_time_order: bool = False,
) -> Select[tuple[int, int, str | None, float, int]]:
    """Return (state_id, metadata_id, state, last_updated_ts, made by a person 0/1) rows.

    A change made through a tool account (its user id in `tools`) is not a person's, nor one
    written while Home Assistant started (`starting`: restored states, entities appearing).
    Automation runs are looked for from `events_from` (an hour before `start_ts` if not given).
    `in_time_order`: walk the window by time (see `_in_time_order`), not entity by entity.
    """
    events_from = start_ts - AUTOMATION_LEAD if events_from is None else events_from
    # `metadata_id + 0` is no column an index can serve: the database walks the window by time.
    entity = States.metadata_id + 0 if in_time_order else States.metadata_id
    return select(
        States.state_id,
        States.metadata_id,
        States.state,
        States.last_updated_ts,
        case((by_person(person_ids, tools, events_from, end_ts, starting), 1), else_=0),
    ).where(
        entity.in_(metadata_ids),
        States.last_updated_ts >= start_ts,
        States.last_updated_ts < end_ts,
        # A real change: last_changed is stored only when it differs from last_updated.
        or_(
            States.last_changed_ts.is_(None),
            States.last_changed_ts == States.last_updated_ts,
        ),
    )


def _in_time_order(
    session: Session, metadata_ids: list[int], start_ts: float, end_ts: float
) -> bool:
    """Tell whether the window is read quicker in time order than entity by entity.

    The recorder writes rows as they happen, so one entity's rows lie scattered over the table:
    fetched entity by entity, each row is a jump (the benchmark's million rows: 1.5x slower on
    SQLite and MariaDB). In time order the rows of entities not analysed are read too and left
    out: worth it when the analysed entities hold at least `TIME_ORDER_SHARE` of the window's
    rows (both counted from the indexes alone). PostgreSQL's bitmap scans already visit the
    table in its own order: there the planner decides.
    """
    if session.get_bind().dialect.name == "postgresql":
        return False
    window = and_(States.last_updated_ts >= start_ts, States.last_updated_ts < end_ts)
    total = session.execute(select(func.count()).select_from(States).where(window)).scalar_one()
    analysed = session.execute(
        select(func.count()).select_from(States).where(States.metadata_id.in_(metadata_ids), window)
    ).scalar_one()
    return bool(total) and analysed >= TIME_ORDER_SHARE * total


def _read_rows(
    session: Session, query: Select[tuple[int, int, str | None, float, int]], codes: _Codes
) -> Iterator[Rows]:
    """Yield the query's columns chunk by chunk as arrays (states numbered by `codes`).

    Straight from the driver's cursor: SQLAlchemy's row objects would double the time.
    """
    connection = session.connection()
    compiled = query.compile(
        dialect=connection.dialect, compile_kwargs={"render_postcompile": True}
    )
    parameters: Any = (
        [compiled.params[name] for name in compiled.positiontup or ()]
        if compiled.positional
        else compiled.params
    )
    cursor = _streaming_cursor(connection)
    try:
        cursor.execute(str(compiled), parameters)
        while rows := cursor.fetchmany(ROWS_PER_FETCH):
            # (a comprehension per column is quicker here than zip(*rows))
            # (as small as the values allow: a million rows take 25 MB, not 40)
            yield (
                np.array([row[0] for row in rows], np.int64),
                np.array([row[1] for row in rows], np.int32),
                np.array([codes[row[2]] for row in rows], np.int32),
                np.array([row[3] for row in rows], np.float64),
                np.array([row[4] for row in rows], np.bool_),
            )
    finally:
        cursor.close()


def _streaming_cursor(connection: Connection) -> Any:
    """Return a cursor that fetches rows as they are read, not all at once.

    MariaDB's and PostgreSQL's default cursors first copy the whole result into memory; their
    server-side cursors (mysqlclient's and PyMySQL's `SSCursor`, a named psycopg cursor) stream
    it. Other drivers get their default cursor.
    """
    dbapi_connection: Any = connection.connection.dbapi_connection
    dialect = connection.dialect
    cursors = getattr(dialect.loaded_dbapi, "cursors", None)
    if dialect.name == "mysql" and hasattr(cursors, "SSCursor"):
        return dbapi_connection.cursor(cursors.SSCursor)  # type: ignore[union-attr]
    if dialect.driver in {"psycopg2", "psycopg"}:
        # A cursor's query is planned for its first tenth of rows by default (an index walk);
        # all of them are read here, so plan for all (for this transaction only).
        with dbapi_connection.cursor() as setting:
            setting.execute("SET LOCAL cursor_tuple_fraction = 1.0")
        return dbapi_connection.cursor(name="ai_automation_history")
    return dbapi_connection.cursor()


class HistoryReader:
    """Read the real state changes (not attribute updates) of some entities in [start, end).

    `rows()` yields them block by block as compact arrays (a million changes take tens of
    megabytes); `recorded()` then says what their numbers stand for. Only changes of
    `person_entities` can be manual; the others (sensors) are triggers only. Changes made by
    `automated_users` (user ids) are automated.
    """

    def __init__(  # noqa: PLR0917 (each is a part of what is read)
        self,
        instance: Recorder,
        entity_ids: Collection[str],
        person_entities: Collection[str],
        start: datetime,
        end: datetime,
        time_zone: str,
        automated_users: Collection[str] = (),
    ) -> None:
        """Prepare to read; nothing is read yet."""
        self._instance = instance
        self._entity_ids = sorted(set(entity_ids))
        self._person = frozenset(person_entities)
        self._start, self._end = start.timestamp(), end.timestamp()
        self._time_zone = time_zone
        self._tools = sorted({bytes.fromhex(user) for user in automated_users})
        self._codes = _Codes()
        self._metadata: dict[int, str] = {}
        self._runs: tuple[tuple[tuple[float, float], ...], float] | None = None
        self._read_from = -math.inf  # the recorder is read from here (before: kept days)

    def rows(self) -> Iterator[Rows]:
        """Yield the rows in blocks as the database returns them (in the recorder's executor)."""
        with session_scope(session=self._instance.get_session(), read_only=True) as session:
            starting = self._prepare(session)
            yield from self._changes(session, self._start, starting)

    def blocks(self) -> Iterator[Rows | KeptDay | NewDays]:
        """Yield the rows in blocks, or kept days to be read where they are used."""
        yield from self.rows()

    def finish(self, kept: list[dict[str, Any]] | str | None) -> None:
        """Keep what was read for the next read, once it was used (nothing here)."""

    def distrust(self) -> None:
        """Forget what was kept from earlier reads: it could not be read (nothing here)."""

    def _prepare(self, session: Session) -> list[tuple[float, float]]:
        """Read when the recorder ran and the entities' metadata ids; return the starts."""
        self._runs = recording_runs(session, self._start, self._end)
        for ids in _chunks(self._entity_ids):
            self._metadata.update(
                (metadata_id, entity_id)
                for metadata_id, entity_id in session.execute(
                    select(StatesMeta.metadata_id, StatesMeta.entity_id).where(
                        StatesMeta.entity_id.in_(ids)
                    )
                )
                if entity_id is not None
            )
        return start_windows(
            session,
            dt_util.utc_from_timestamp(self._start),
            dt_util.utc_from_timestamp(self._end),
        )

    def _changes(
        self, session: Session, start_ts: float, starting: Sequence[tuple[float, float]]
    ) -> Iterator[Rows]:
        """Yield the changes in [start_ts, end), automation runs looked for in the whole window."""
        chunks = list(_chunks(sorted(self._metadata)))
        # (more than one list of ids would walk the whole window once per list)
        in_time_order = len(chunks) == 1 and _in_time_order(session, chunks[0], start_ts, self._end)
        for metadata_ids in chunks:
            person_ids = [m for m in metadata_ids if self._metadata[m] in self._person]
            query = _changes_query(
                metadata_ids,
                person_ids,
                self._tools,
                start_ts,
                self._end,
                starting,
                self._start - AUTOMATION_LEAD,
                in_time_order=in_time_order,
            )
            yield from _read_rows(session, query, self._codes)

    def recorded(self) -> Recorded:
        """Return what the numbers in the rows read so far stand for."""
        values: list[str | None] = [None] * len(self._codes)
        for value, code in self._codes.items():
            values[code] = value
        return Recorded(
            values=tuple(values),
            entities=dict(self._metadata),
            start=self._start,
            end=self._end,
            time_zone=self._time_zone,
            runs=self._runs[0] if self._runs is not None else None,
            runs_since=self._runs[1] if self._runs is not None else -math.inf,
            read_from=self._read_from,
        )


def recording_runs(
    session: Session, start_ts: float, end_ts: float
) -> tuple[tuple[tuple[float, float], ...], float] | None:
    """Return when the recorder ran in [start, end) (UTC spans), and since when that is known.

    From `recorder_runs` (one row per start of Home Assistant, purged with the states: a small
    table, read whole). A run Home Assistant did not end (it crashed or lost power) is closed by
    the next start, so it ran only until its last recorded row. None: no run is known.
    """
    spans: list[tuple[float, float]] = []
    first = end_ts
    for run_start, run_end, crashed in session.execute(
        select(RecorderRuns.start, RecorderRuns.end, RecorderRuns.closed_incorrect)
    ):
        begin = process_timestamp(run_start).timestamp()
        finish = end_ts if run_end is None else process_timestamp(run_end).timestamp()
        first = min(first, begin)
        if finish <= start_ts or begin >= end_ts:
            continue
        if crashed:
            last = session.execute(
                select(func.max(States.last_updated_ts)).where(
                    States.last_updated_ts >= begin, States.last_updated_ts < finish
                )
            ).scalar()
            finish = begin if last is None else float(last)
        spans.append((max(begin, start_ts), min(finish, end_ts)))
    if first >= end_ts and not spans:
        return None
    return tuple(sorted(spans)), first


def load_history(reader: HistoryReader) -> History:
    """Read the whole history and put it in time order, in this process (the executor's)."""
    return assemble(list(reader.rows()), reader.recorded())


def load_attribute_rows(
    instance: Recorder,
    attributes: dict[str, Collection[str]],
    start: datetime,
    end: datetime,
) -> dict[str, list[tuple[float, str, dict[str, Any]]]]:
    """Return each entity's rows in [start, end), oldest first: time, state, wanted attributes.

    `attributes` maps entity ids to the attribute names wanted (a thermostat's `temperature`).
    """
    found: dict[str, list[tuple[float, str, dict[str, Any]]]] = {e: [] for e in attributes}
    if not attributes:
        return found
    with session_scope(session=instance.get_session(), read_only=True) as session:
        rows = session.execute(
            select(
                StatesMeta.entity_id,
                States.last_updated_ts,
                States.state,
                StateAttributes.shared_attrs,
            )
            .join(States, States.metadata_id == StatesMeta.metadata_id)
            .outerjoin(StateAttributes, States.attributes_id == StateAttributes.attributes_id)
            .where(
                StatesMeta.entity_id.in_(list(attributes)),
                States.last_updated_ts >= start.timestamp(),
                States.last_updated_ts < end.timestamp(),
            )
            .order_by(States.last_updated_ts)
        )
        for entity_id, when, state, shared in rows:
            values = json_loads_object(shared or "{}")
            wanted = {name: values.get(name) for name in attributes[entity_id]}
            found[entity_id].append((float(when), str(state), wanted))
    return found
