"""Read state changes straight from the recorder's tables (the one place that knows its schema).

Runs in the recorder's executor. Works on SQLite, MariaDB and PostgreSQL alike: SQLAlchemy Core
over the recorder's own table definitions, so a schema change breaks the tests, not users.

Who made a change: a change whose context has a parent, or whose context started an automation or
a script (`automation_triggered` / `script_started` events carry that context), or that was made
through the API by a tool account (Node-RED, AppDaemon, pyscript: `automated_users`), was automated.
Everything else (the UI, voice, a physical switch, a device's own report) counts as a person's.
"""

from __future__ import annotations

from array import array
from collections.abc import Collection
from datetime import datetime

import numpy as np
from sqlalchemy import and_, or_, select

from homeassistant.components.recorder.core import Recorder
from homeassistant.components.recorder.db_schema import (
    Events,
    EventTypes,
    StateAttributes,
    States,
    StatesMeta,
)
from homeassistant.helpers.recorder import session_scope
from homeassistant.util.json import json_loads_object

from .engine.history import History

AUTOMATED_EVENTS = ("automation_triggered", "script_started")
# Their state is the time of the last press or activation: every change is one "activated".
MOMENTARY_DOMAINS = frozenset({"button", "input_button", "event", "scene"})
ACTIVATED = "activated"
NOT_A_CHANGE = frozenset({"unavailable", "unknown"})


def load_history(  # noqa: PLR0917 (positional: the recorder executor passes no keywords)
    instance: Recorder,
    entity_ids: Collection[str],
    person_entities: Collection[str],
    start: datetime,
    end: datetime,
    time_zone: str,
    automated_users: Collection[str] = (),
) -> History:
    """Return the real state changes (not attribute updates) of `entity_ids` in [start, end).

    Only changes of `person_entities` can be manual; the others (sensors) are triggers only.
    Changes made by `automated_users` (user ids) are automated.
    Rows go straight into compact arrays: a million changes take tens of megabytes.
    """
    start_ts, end_ts = start.timestamp(), end.timestamp()
    person = frozenset(person_entities)
    tools = {bytes.fromhex(user) for user in automated_users}
    when, entity, state_of, manual = array("d"), array("i"), array("i"), array("b")
    names: dict[int, int] = {}  # metadata_id -> index into entity_names
    entity_names: list[str] = []
    states: dict[str, int] = {}
    momentary: set[int] = set()
    with session_scope(session=instance.get_session(), read_only=True) as session:
        query = select(StatesMeta.metadata_id, StatesMeta.entity_id).where(
            StatesMeta.entity_id.in_(list(entity_ids))
        )
        # (a Result is not a mapping: build the dict from its rows)
        metadata: dict[int, str | None] = {row[0]: row[1] for row in session.execute(query)}
        automated = {
            context
            for (context,) in session.execute(
                select(Events.context_id_bin)
                .join(EventTypes, Events.event_type_id == EventTypes.event_type_id)
                .where(
                    EventTypes.event_type.in_(AUTOMATED_EVENTS),
                    Events.time_fired_ts >= start_ts - 3600,
                    Events.time_fired_ts < end_ts,
                )
            )
        }
        # Core execution (the connection, not the ORM session): plain rows, no ORM loading.
        rows = session.connection().execute(
            select(
                States.metadata_id,
                States.state,
                States.last_updated_ts,
                States.context_id_bin,
                States.context_parent_id_bin,
                States.context_user_id_bin,
            )
            .where(
                States.metadata_id.in_(list(metadata)),
                States.last_updated_ts >= start_ts,
                States.last_updated_ts < end_ts,
                # A real change: last_changed is stored only when it differs from last_updated.
                or_(
                    States.last_changed_ts.is_(None),
                    and_(States.last_changed_ts == States.last_updated_ts),
                ),
            )
            .order_by(States.last_updated_ts)
            .execution_options(
                yield_per=2_000
            )  # short fetches: the event loop gets the GIL between them
        )
        previous: dict[int, str | None] = {}
        for metadata_id, state, ts, context, parent, user in rows if metadata else ():
            before, previous[metadata_id] = previous.get(metadata_id), state
            # Coming back from unavailable is the device reconnecting, not anybody's action.
            if state is None or state in NOT_A_CHANGE or before in NOT_A_CHANGE:
                continue
            if (index := names.get(metadata_id)) is None:
                if (entity_id := metadata[metadata_id]) is None:
                    continue
                index = names[metadata_id] = len(entity_names)
                entity_names.append(entity_id)
                if entity_id.split(".", 1)[0] in MOMENTARY_DOMAINS:
                    momentary.add(index)
            value = ACTIVATED if index in momentary else state
            when.append(ts)
            entity.append(index)
            state_of.append(states.setdefault(value, len(states)))
            manual.append(
                entity_names[index] in person
                and parent is None
                and context not in automated
                and user not in tools
            )
    return History(
        entity_ids=tuple(entity_names),
        states=tuple(states),
        when=np.frombuffer(when, dtype=np.float64).copy(),
        entity=np.frombuffer(entity, dtype=np.int32).copy(),
        state=np.frombuffer(state_of, dtype=np.int32).copy(),
        manual=np.frombuffer(manual, dtype=np.int8).astype(bool),
        start=start_ts,
        end=end_ts,
        time_zone=time_zone,
    )


def load_attribute_values(
    instance: Recorder,
    attributes: dict[str, Collection[str]],
    start: datetime,
    end: datetime,
) -> dict[tuple[str, str], set[str]]:
    """Return the distinct values each (entity, attribute) took in [start, end).

    `attributes` maps entity ids to the attribute names wanted (a light's `color_temp_kelvin`).
    """
    found: dict[tuple[str, str], set[str]] = {
        (entity_id, name): set() for entity_id, names in attributes.items() for name in names
    }
    if not attributes:
        return found
    with session_scope(session=instance.get_session(), read_only=True) as session:
        rows = session.execute(
            select(StatesMeta.entity_id, StateAttributes.shared_attrs)
            .distinct()
            .join(States, States.metadata_id == StatesMeta.metadata_id)
            .join(StateAttributes, States.attributes_id == StateAttributes.attributes_id)
            .where(
                StatesMeta.entity_id.in_(list(attributes)),
                States.last_updated_ts >= start.timestamp(),
                States.last_updated_ts < end.timestamp(),
            )
        )
        for entity_id, shared in rows:
            values = json_loads_object(shared or "{}")
            for name in attributes.get(entity_id, ()):
                if (value := values.get(name)) is not None:
                    found[(entity_id, name)].add(str(value))
    return found
