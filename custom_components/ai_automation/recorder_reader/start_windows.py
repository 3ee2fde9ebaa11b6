"""The stretches of time Home Assistant spent starting, read from the recorder (runs in its executor).

While Home Assistant starts, the states it writes are nobody's doing: restored helpers (an
`input_boolean` written back as it was), entities appearing, devices' retained reports. A start is
the time from a recorder run's start (the recorder is set up first) to the `homeassistant_started`
event after it. A run without that event (still starting, or crashed while starting) gives no
stretch: nothing is left out on a guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, and_, false, or_, select
from sqlalchemy.orm import Session

from homeassistant.components.recorder.db_schema import Events, EventTypes, RecorderRuns, States
from homeassistant.components.recorder.models import process_timestamp
from homeassistant.const import EVENT_HOMEASSISTANT_STARTED


def start_windows(session: Session, start: datetime, end: datetime) -> list[tuple[float, float]]:
    """Return the (from, to) UTC seconds of every Home Assistant start that overlaps [start, end)."""
    runs = sorted(
        process_timestamp(begun).timestamp()
        for (begun,) in session.execute(
            select(RecorderRuns.start).where(
                RecorderRuns.start < end,
                or_(RecorderRuns.end.is_(None), RecorderRuns.end >= start),
            )
        )
        if begun is not None
    )
    if not runs:
        return []
    started = sorted(
        float(fired)
        for (fired,) in session.execute(
            select(Events.time_fired_ts)
            .join(EventTypes, Events.event_type_id == EventTypes.event_type_id)
            .where(
                EventTypes.event_type == EVENT_HOMEASSISTANT_STARTED,
                Events.time_fired_ts >= runs[0],
                Events.time_fired_ts < end.timestamp(),
            )
        )
        if fired is not None
    )
    windows = []
    for index, begun in enumerate(runs):
        following = runs[index + 1] if index + 1 < len(runs) else float("inf")
        done = next((at for at in started if begun <= at < following), None)
        if done is not None:
            windows.append((begun, done))
    return windows


def written_while_starting(windows: Sequence[tuple[float, float]]) -> ColumnElement[bool]:
    """Return a condition true for state rows written during one of the starts."""
    if not windows:
        return false()
    return or_(
        *(
            and_(States.last_updated_ts >= begun, States.last_updated_ts <= done)
            for begun, done in windows
        )
    )
