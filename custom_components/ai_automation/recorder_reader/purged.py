"""What the recorder no longer holds, or wrote late: what kept days are measured against.

The recorder's purge (`recorder.purge`, its nightly run) deletes every row older than a moment,
`recorder.purge_entities` an entity's rows older than a moment: each entity's oldest row still
recorded is where a full read of it begins. Automation runs are purged with the rows, so a row a
purged run made is now a person's: which kept rows an automation run made, and when that run was
fired, is noted when they are kept (an hour's runs by the latest row they made). A row the
recorder writes late (its queue written after a database outage) has a higher `state_id` than
every row there was when the days were kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
import math

import numpy as np
from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from homeassistant.components.recorder.db_schema import Events, States, StatesMeta

from .tables import _chunks, automated_contexts, by_person

HOUR = 3600.0


def entity_horizons(session: Session, metadata_ids: Iterable[int]) -> dict[int, float]:
    """Return each entity's oldest recorded row's time (entities without rows are left out).

    One index look-up per entity ((metadata_id, last_updated_ts)), on every database: the first
    row in that order, not MIN(), which MariaDB worked out by reading all the entity's rows
    (0.35 s instead of milliseconds for the benchmark's million rows).
    """
    oldest = (
        select(States.last_updated_ts)
        .where(States.metadata_id == StatesMeta.metadata_id)
        .order_by(States.last_updated_ts)
        .limit(1)
        .scalar_subquery()
    )
    found: dict[int, float] = {}
    for ids in _chunks(sorted(metadata_ids)):
        found.update(
            (int(metadata_id), float(when))
            for metadata_id, when in session.execute(
                select(StatesMeta.metadata_id, oldest).where(StatesMeta.metadata_id.in_(ids))
            )
            if when is not None
        )
    return found


def oldest_event(session: Session) -> float:
    """Return when the oldest event still recorded was fired (inf: none is)."""
    fired = session.execute(select(func.min(Events.time_fired_ts))).scalar()
    return float("inf") if fired is None else float(fired)


def highest_state_id(session: Session) -> int:
    """Return the highest `state_id` recorded so far (0: none)."""
    return int(session.execute(select(func.max(States.state_id))).scalar() or 0)


def written_late(
    session: Session, metadata_ids: Sequence[int], mark: int, begin: float, end: float
) -> bool:
    """Tell whether a change of these entities in [begin, end) was recorded after `mark`.

    Only the rows recorded since are looked at (the primary key's range): `+ 0` keeps a
    database without statistics (SQLite) from walking the entities' index over the whole range.
    """
    for ids in _chunks(sorted(metadata_ids)):
        query = select(States.state_id).where(
            States.state_id > mark,
            (States.metadata_id + 0).in_(ids),
            States.last_updated_ts + 0 >= begin,
            States.last_updated_ts + 0 < end,
            or_(
                States.last_changed_ts.is_(None),
                States.last_changed_ts == States.last_updated_ts,
            ),
        )
        if session.execute(query.limit(1)).first() is not None:
            return True
    return False


def automated_by_runs(  # noqa: PLR0917 (the rows and the runs looked at)
    session: Session,
    person_ids: Sequence[int],
    begin: float,
    end: float,
    events_from: float,
    events_to: float,
) -> dict[str, float]:
    """Return, per hour runs were fired in, the latest row in [begin, end) such a run made.

    Only rows without a parent context count (a parent makes a row automated whatever is purged);
    keys are the hour's start (UTC seconds) as text, as JSON keeps them.
    """
    fired: list[float] = []
    made: list[float] = []
    runs = automated_contexts(events_from, events_to).add_columns(Events.time_fired_ts).subquery()
    for ids in _chunks(sorted(person_ids)):
        query = select(runs.c.time_fired_ts, States.last_updated_ts).join(
            runs, States.context_id_bin == runs.c.context_id_bin
        )
        query = query.where(
            States.metadata_id.in_(ids),
            States.last_updated_ts >= begin,
            States.last_updated_ts < end,
            States.context_parent_id_bin.is_(None),
        )
        for at, when in session.execute(query):
            fired.append(float(at))
            made.append(float(when))
    hours = np.floor(np.array(fired, np.float64) / HOUR) * HOUR
    latest: dict[str, float] = {}
    for hour, when in zip(hours.tolist(), made, strict=True):
        key = f"{hour:.0f}"
        latest[key] = max(latest.get(key, when), when)
    return latest


def merged_runs(kept: dict[str, float], new: dict[str, float], since: float) -> dict[str, float]:
    """Return both notes of runs' rows, each hour's latest, without rows before `since`."""
    merged = dict(kept)
    for hour, when in new.items():
        merged[hour] = max(merged.get(hour, when), when)
    return {hour: when for hour, when in merged.items() if when >= since}


def made_by_purged_runs(runs: dict[str, float], events_since: float) -> float:
    """Return the latest kept row a run fired before `events_since` made (-inf: none)."""
    return max(
        (when for hour, when in runs.items() if float(hour) < events_since), default=-math.inf
    )


def asked_again(  # noqa: PLR0917 (the rows, and what a full read classifies them with)
    session: Session,
    person_ids: list[int],
    tools: list[bytes],
    rows: tuple[float, float],
    events: tuple[float, float],
    starting: Sequence[tuple[float, float]],
) -> Iterator[tuple[int, bool]]:
    """Yield (state_id, made by a person) for the entities' rows in [rows[0], rows[1]]."""
    for ids in _chunks(person_ids):
        query = select(
            States.state_id, case((by_person(ids, tools, *events, starting), 1), else_=0)
        ).where(
            States.metadata_id.in_(ids),
            States.last_updated_ts >= rows[0],
            States.last_updated_ts <= rows[1],
        )
        yield from ((int(state_id), bool(person)) for state_id, person in session.execute(query))
