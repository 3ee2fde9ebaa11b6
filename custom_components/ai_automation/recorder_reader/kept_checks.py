"""Checks that kept days still hold what a read now would give (`incremental.py` uses them)."""

from __future__ import annotations

from collections.abc import Sequence
import math
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..engine.history.kept import FORMAT

# State ids looked up at once. MariaDB's driver turns a whole answer into Python rows in one call,
# holding the GIL: 5,000 at a time held the event loop up 22 ms once beside a busy program.
EDGES_PER_QUERY = 1000


def edges_recorded(
    session: Session,
    edges: list[tuple[list[Any], ...]],
    start: float,
    horizons: dict[int, float],
) -> bool:
    """Tell whether each entity's first and last kept rows of each day are still recorded.

    `edges` are the days' (state ids, metadata ids, times); rows before `start`, or before their
    entity's oldest row still recorded (`horizons`), are not looked for.
    """
    wanted = {
        state_id: metadata_id
        for state_ids, metadata_ids, times in edges
        for state_id, metadata_id, when in zip(state_ids, metadata_ids, times, strict=True)
        if when >= max(start, horizons.get(metadata_id, math.inf))
    }
    found: dict[int, int] = {}
    ids = sorted(wanted)
    for begin in range(0, len(ids), EDGES_PER_QUERY):
        # (the ids written out: binding and compiling thousands of parameters took longer than
        # the lookups; they are integers read from our own files)
        listed = ",".join(map(str, map(int, ids[begin : begin + EDGES_PER_QUERY])))
        found.update(
            (int(state_id), int(metadata_id))
            for state_id, metadata_id in session.execute(
                text(
                    "SELECT state_id, metadata_id FROM states"  # noqa: S608 (integers)
                    f" WHERE state_id IN ({listed})"
                )
            )
            if metadata_id is not None
        )
    return found == wanted


def mismatch(manifest: dict[str, Any], identity: dict[str, Any]) -> str | None:
    """Return what makes the kept days another home's or another version's (None: nothing)."""
    if manifest.get("format") != FORMAT:
        return "they were kept in another format"
    kept = manifest.get("identity", {})
    reasons = {
        "database": "the recorder's database changed",
        "schema": "the recorder's database was migrated",
        "time_zone": "the time zone changed",
        "lookback_days": "the days of history to analyse changed",
        "tools": "the tool accounts changed",
    }
    for key, reason in reasons.items():
        if kept.get(key) != identity.get(key):
            return reason
    return None


def overlapping(
    windows: Sequence[tuple[float, float]], begin: float, end: float
) -> list[list[float]]:
    """Return the windows that overlap [begin, end)."""
    return [[a, b] for a, b in windows if a < end and b >= begin]
