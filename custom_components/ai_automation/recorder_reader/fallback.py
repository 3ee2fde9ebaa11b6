"""Read the history through Home Assistant's history API when the recorder's schema is untested.

tables.py reads the recorder's tables directly, which is right only for the schema
versions its tests ran on. Under any other version (a newer Home Assistant changed the tables) the
same rows are read through Home Assistant's own history API: slower, but its queries follow the
schema. That API does not return who made a change (no contexts), so there every change of an
entity a person can change counts as a person's, nor when the recorder was not running (every day
counts as recorded); this is said once in the log.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from datetime import datetime, timedelta
import logging
from typing import Any, Final

import numpy as np

from homeassistant.components.recorder import history
from homeassistant.components.recorder.core import Recorder
from homeassistant.core import HomeAssistant, State
from homeassistant.util.hass_dict import HassKey

from ..const import DOMAIN
from ..engine.history.recorded import Rows
from .tables import HistoryReader, load_attribute_rows

_LOGGER = logging.getLogger(__name__)

# The recorder schema versions the direct reading was tested on (Home Assistant 2026.10 and 2026.11).
TESTED_SCHEMA_VERSIONS: Final = frozenset({53})
_WARNED: HassKey[set[int]] = HassKey(f"{DOMAIN}_untested_schema")
# The history API reads after its start instant, the direct reading from it.
_JUST_BEFORE = timedelta(microseconds=1)


def schema_tested(hass: HomeAssistant, instance: Recorder) -> bool:
    """Tell whether the tables can be read directly; say once in the log when they cannot."""
    version = instance.schema_version
    if version in TESTED_SCHEMA_VERSIONS:
        return True
    warned = hass.data.setdefault(_WARNED, set())
    if version not in warned:
        warned.add(version)
        _LOGGER.warning(
            "The recorder's database schema is version %s; AI Automation was tested with %s. "
            "It reads the history through Home Assistant's history API instead, which is slower "
            "and does not say who made a change (every change of a light, switch or other "
            "entity a person can change counts as a person's) nor when the recorder was off "
            "(every day counts as recorded)",
            version,
            ", ".join(str(tested) for tested in sorted(TESTED_SCHEMA_VERSIONS)),
        )
    return False


class HistoryApiReader(HistoryReader):
    """A `HistoryReader` that reads through Home Assistant's history API (untested schemas)."""

    def __init__(  # noqa: PLR0917 (as HistoryReader's)
        self,
        hass: HomeAssistant,
        instance: Recorder,
        entity_ids: Collection[str],
        person_entities: Collection[str],
        start: datetime,
        end: datetime,
        time_zone: str,
    ) -> None:
        """Prepare to read; nothing is read yet."""
        super().__init__(instance, entity_ids, person_entities, start, end, time_zone)
        self._hass = hass
        self._window = start, end

    def rows(self) -> Iterator[Rows]:
        """Yield each entity's real changes (in the recorder's executor), numbered in order read."""
        start, end = self._window
        written = 0
        for number, entity_id in enumerate(self._entity_ids):
            changes = [
                state
                for state in history.state_changes_during_period(
                    self._hass, start - _JUST_BEFORE, end, entity_id, no_attributes=True,
                    include_start_time_state=False,
                ).get(entity_id, [])
                if state.last_updated_timestamp >= self._start
            ]  # fmt: skip
            if not changes:
                continue
            self._metadata[number] = entity_id
            count = len(changes)
            yield (
                np.arange(written, written + count, dtype=np.int64),
                np.full(count, number, np.int32),
                np.array([self._codes[state.state] for state in changes], np.int32),
                np.array([state.last_updated_timestamp for state in changes], np.float64),
                np.full(count, entity_id in self._person, np.bool_),
            )
            written += count


def history_reader(  # noqa: PLR0917 (as HistoryReader's)
    hass: HomeAssistant,
    instance: Recorder,
    entity_ids: Collection[str],
    person_entities: Collection[str],
    start: datetime,
    end: datetime,
    automated_users: Collection[str] = (),
) -> HistoryReader:
    """Return the reader for the recorder's schema: its tables directly, or the history API."""
    time_zone = hass.config.time_zone
    if schema_tested(hass, instance):
        return HistoryReader(
            instance, entity_ids, person_entities, start, end, time_zone, automated_users
        )
    return HistoryApiReader(hass, instance, entity_ids, person_entities, start, end, time_zone)


def attribute_rows(
    hass: HomeAssistant,
    instance: Recorder,
    attributes: dict[str, Collection[str]],
    start: datetime,
    end: datetime,
) -> dict[str, list[tuple[float, str, dict[str, Any]]]]:
    """Return `load_attribute_rows`'s answer, through the history API on an untested schema."""
    if schema_tested(hass, instance):
        return load_attribute_rows(instance, attributes, start, end)
    found: dict[str, list[tuple[float, str, dict[str, Any]]]] = {e: [] for e in attributes}
    if not attributes:
        return found
    states = history.get_significant_states(
        hass, start - _JUST_BEFORE, end, list(attributes), include_start_time_state=False,
        significant_changes_only=False,
    )  # fmt: skip
    for entity_id, rows in states.items():
        for state in rows:
            if isinstance(state, State) and state.last_updated_timestamp >= start.timestamp():
                wanted = {name: state.attributes.get(name) for name in attributes[entity_id]}
                found[entity_id].append((state.last_updated_timestamp, state.state, wanted))
    return found
