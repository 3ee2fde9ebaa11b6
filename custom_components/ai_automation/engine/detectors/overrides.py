"""Overridden automations: an automation sets something, and a person undoes it minutes later."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from ..history.arrays import History


@dataclass(frozen=True, kw_only=True)
class OverrideSettings:
    """When undoing counts, and how often it must happen."""

    within_seconds: float = 600.0  # a person's change this soon after the automation's undoes it
    min_days: int = 3
    min_share: float = 0.5  # of the days the automation acted


@dataclass(frozen=True, kw_only=True)
class Override:
    """Evidence that people keep undoing what an automation does to `entity_id`."""

    key: str  # what the caller checks (an accepted suggestion's id)
    entity_id: str
    state: str
    acted_days: int  # days on which an automation set the state
    undone_days: int  # of those, days on which a person changed it back soon after


def detect_overrides(
    history: History,
    accepted: Iterable[tuple[str, str, str]],
    settings: OverrideSettings | None = None,
) -> list[Override]:
    """Find which accepted (key, entity, state) an automation sets and people undo on most days."""
    settings = settings or OverrideSettings()
    _, days = history.local_clock()
    found = []
    for key, entity_id, state in accepted:
        if entity_id not in history.entity_ids or state not in history.states:
            continue
        mine = history.entity == history.entity_ids.index(entity_id)
        acted = np.flatnonzero(
            mine & ~history.manual & (history.state == history.states.index(state))
        )
        undo = np.flatnonzero(
            mine & history.manual & (history.state != history.states.index(state))
        )
        if not len(acted):
            continue
        undo_when = history.when[undo]
        low = np.searchsorted(undo_when, history.when[acted], side="right")
        high = np.searchsorted(undo_when, history.when[acted] + settings.within_seconds, "right")
        acted_days = np.unique(days[acted])
        undone_days = np.unique(days[acted[high > low]])
        if len(undone_days) >= settings.min_days and len(undone_days) >= settings.min_share * len(
            acted_days
        ):
            found.append(
                Override(
                    key=key,
                    entity_id=entity_id,
                    state=state,
                    acted_days=len(acted_days),
                    undone_days=len(undone_days),
                )
            )
    return found
