"""Write a generated home's changes straight into the recorder's tables, with who made them.

A person's change has a context of its own; an automation's has a parent, or is the context of an
`automation_triggered` event fired before it (seconds to two hours before: a delay), or was made
by a tool account. Some rows are attribute updates (not changes). Rows go in by time, so that a
test can add the days one by one as the recorder would have written them.
"""

from __future__ import annotations

from collections.abc import Sequence
import os
from typing import Any

import numpy as np
from sqlalchemy import insert, select

from custom_components.ai_automation.engine.history.arrays import Change
from homeassistant.components.recorder.core import Recorder
from homeassistant.components.recorder.db_schema import (
    Events,
    EventTypes,
    RecorderRuns,
    States,
    StatesMeta,
)
from homeassistant.util import dt as dt_util

TOOL_USER = "0123456789abcdef0123456789abcdef"


def write_changes(
    instance: Recorder, changes: Sequence[Change], begin: float, end: float, seed: int
) -> int:
    """Write the changes in [begin, end) with contexts (in the recorder's executor)."""
    rng = np.random.default_rng(seed + int(begin))
    rows: list[dict[str, Any]] = []
    events: list[tuple[float, bytes]] = []
    with instance.engine.begin() as connection:
        known = dict(
            connection.execute(select(StatesMeta.entity_id, StatesMeta.metadata_id)).tuples().all()
        )
        new = sorted({c.entity_id for c in changes} - set(known))
        if new:
            connection.execute(insert(StatesMeta), [{"entity_id": e} for e in new])
            known = dict(
                connection.execute(select(StatesMeta.entity_id, StatesMeta.metadata_id))
                .tuples()
                .all()
            )
        for change in changes:
            if not begin <= change.when < end:
                continue
            context, parent, user = os.urandom(16), None, None
            if not change.manual:
                kind = rng.integers(3)
                if kind == 0:
                    parent = os.urandom(16)
                elif kind == 1:
                    events.append(
                        (
                            float(change.when) - float(rng.choice([2.0, 1800.0, 5400.0, 21600.0])),
                            context,
                        )
                    )
                else:
                    user = bytes.fromhex(TOOL_USER)
            row = {
                "metadata_id": known[change.entity_id],
                "state": change.state,
                "last_updated_ts": float(change.when),
                "context_id_bin": context,
                "context_parent_id_bin": parent,
                "context_user_id_bin": user,
                "origin_idx": 0,
            }
            rows.append(row)
            if rng.random() < 0.05:  # an attribute update a little later: not a change
                rows.append(
                    row
                    | {
                        "last_updated_ts": float(change.when) + 1,
                        "last_changed_ts": float(change.when),
                    }
                )
        if rows:
            connection.execute(insert(States), rows)
        if events:
            _write_events(connection, "automation_triggered", events)
    return len(rows)


def _write_events(connection: Any, event_type: str, events: list[tuple[float, bytes]]) -> None:
    """Write events of one type (their type row made once)."""
    type_id = connection.execute(
        select(EventTypes.event_type_id).where(EventTypes.event_type == event_type)
    ).scalar()
    if type_id is None:
        type_id = connection.execute(
            insert(EventTypes).values(event_type=event_type).returning(EventTypes.event_type_id)
        ).scalar_one()
    connection.execute(
        insert(Events),
        [
            {"event_type_id": type_id, "time_fired_ts": at, "context_id_bin": ctx, "origin_idx": 0}
            for at, ctx in events
        ],
    )


def write_start(instance: Recorder, began: float, started: float, ended: float) -> None:
    """Write a past Home Assistant run that started at `began`, was up at `started`."""
    with instance.engine.begin() as connection:
        connection.execute(
            insert(RecorderRuns).values(
                start=dt_util.utc_from_timestamp(began),
                end=dt_util.utc_from_timestamp(ended),
                closed_incorrect=False,
                created=dt_util.utc_from_timestamp(began),
            )
        )
        _write_events(connection, "homeassistant_started", [(started, os.urandom(16))])
