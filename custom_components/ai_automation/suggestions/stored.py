"""Stored suggestions read leniently, and decided ones compacted to what learning needs.

Plain functions on plain data (no Home Assistant objects): they run in an executor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final, cast

from ..contract import RunSummary, StoredSuggestion

NEW: Final = "new"
ACCEPTED: Final = "accepted"
DISMISSED: Final = "dismissed"
SNOOZED: Final = "snoozed"
STATUSES = frozenset({NEW, ACCEPTED, DISMISSED, SNOOZED})
TEXTS = ("kind", "title", "description")  # a suggestion without these cannot be shown
OPTIONAL_TEXTS = (
    "first_found",
    "last_found",
    "handled_at",
    "accepted_at",
    "snoozed_until",
    "automation_id",
    "evidence_text",
)
# What a decided suggestion keeps once compacted: its id never comes back, a similar one needs
# stronger evidence (kind, entities, when, score), and an accepted one is still checked for being
# undone (the state its automation sets). The automation and the evidence pictures go.
KEPT = frozenset(
    {
        "id",
        "kind",
        "title",
        "description",
        "entities",
        "status",
        "first_found",
        "last_found",
        "handled_at",
        "score_when_handled",
        "ai_worded",
        "automation",
        "evidence",
        "accepted_at",
        "automation_id",
        "cleared",
    }
)
KEPT_EVIDENCE = {DISMISSED: frozenset({"score"}), ACCEPTED: frozenset({"score", "state"})}
MAX_PROBLEMS = 5


@dataclass
class Readable:
    """What could be read from a stored suggestions file, and what could not."""

    suggestions: dict[str, StoredSuggestion] = field(default_factory=dict)
    last_run: RunSummary = field(default_factory=RunSummary)
    recent_runs: list[RunSummary] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def readable(data: Any, accepted_shown_since: datetime) -> Readable:
    """Return the readable parts of stored data, compacted; name what was left out or fixed."""
    if not isinstance(data, dict):
        return Readable(problems=[f"a {type(data).__name__} instead of a mapping"])
    found = Readable()
    raw = data.get("suggestions", {})
    if isinstance(raw, list):
        found.problems.append("suggestions are a list (read by the id in each)")
        items = [(item.get("id") if isinstance(item, dict) else None, item) for item in raw]
    elif isinstance(raw, dict):
        items = list(raw.items())
    else:
        found.problems.append(f"suggestions are a {type(raw).__name__}")
        items = []
    skipped = repaired = 0
    for key, item in items:
        suggestion, fixed = _suggestion(key, item)
        if suggestion is None:
            skipped += 1
            continue
        repaired += fixed
        found.suggestions[suggestion["id"]] = compacted(suggestion, accepted_shown_since)
    if skipped:
        found.problems.append(f"{skipped} of {len(items)} suggestions skipped")
    if repaired:
        found.problems.append(f"fields of the wrong type dropped in {repaired} suggestions")
    last_run = data.get("last_run", {})
    if not isinstance(last_run, dict):
        found.problems.append(f"the last run is a {type(last_run).__name__}")
        last_run = {}
    # A summary is read as it is (an older one may lack keys: every key of one is optional).
    found.last_run = cast("RunSummary", last_run)
    runs = data.get("recent_runs", [last_run] if last_run else [])
    if not isinstance(runs, list):
        found.problems.append(f"the recent runs are a {type(runs).__name__}")
        runs = []
    found.recent_runs = [cast("RunSummary", run) for run in runs if isinstance(run, dict)]
    return found


def _suggestion(key: Any, raw: Any) -> tuple[StoredSuggestion | None, bool]:
    """Return a stored suggestion fit to use, or None; and whether a field had to go."""
    if not isinstance(key, str) or not isinstance(raw, dict) or raw.get("status") not in STATUSES:
        return None, False
    entities = raw.get("entities")
    if not all(isinstance(raw.get(name), str) for name in TEXTS) or not (
        isinstance(entities, list) and all(isinstance(entity, str) for entity in entities)
    ):
        return None, False
    suggestion = {
        name: value
        for name, value in raw.items()
        if not (name in OPTIONAL_TEXTS and not isinstance(value, str))
    }
    if not isinstance(suggestion.get("score_when_handled", 0.0), int | float):
        del suggestion["score_when_handled"]
    automation, evidence = raw.get("automation"), raw.get("evidence", {})
    suggestion |= {
        "id": key,
        "automation": automation if isinstance(automation, dict) else None,
        "evidence": evidence if isinstance(evidence, dict) else {},
        "last_found": suggestion.get("last_found") or suggestion.get("first_found") or "",
    }
    fixed = len(suggestion) < len(raw) or (
        suggestion["automation"] is not automation or suggestion["evidence"] is not evidence
    )
    return cast("StoredSuggestion", suggestion), fixed  # its required keys checked above


def compacted(suggestion: StoredSuggestion, accepted_shown_since: datetime) -> StoredSuggestion:
    """Return a dismissed suggestion, or an accepted one cleared or no longer shown, compacted.

    Open and snoozed suggestions (they may still be accepted) come back unchanged, as does one
    already compacted (the same object: nothing is copied).
    """
    status = suggestion["status"]
    if status == ACCEPTED and not (
        suggestion.get("cleared") or _before(suggestion.get("accepted_at"), accepted_shown_since)
    ):
        return suggestion
    if (kept := KEPT_EVIDENCE.get(status)) is None:
        return suggestion
    evidence = suggestion.get("evidence") or {}
    if (
        suggestion.get("automation") is None
        and suggestion.keys() <= KEPT
        and evidence.keys() <= kept
    ):
        return suggestion
    kept_suggestion = {name: value for name, value in suggestion.items() if name in KEPT} | {
        "automation": None,
        "evidence": {name: value for name, value in evidence.items() if name in kept},
    }
    return cast("StoredSuggestion", kept_suggestion)  # KEPT holds every required key


def _before(moment: Any, since: datetime) -> bool:
    """Whether the stored ISO time `moment` is before `since` (one that cannot be read is)."""
    try:
        return datetime.fromisoformat(moment) < since
    except TypeError, ValueError:
        return True


def problems_text(problems: list[str]) -> str:
    """Return the problems for one log line (the first few)."""
    more = len(problems) - MAX_PROBLEMS
    return "; ".join(problems[:MAX_PROBLEMS]) + (f" (and {more} more)" if more > 0 else "")
