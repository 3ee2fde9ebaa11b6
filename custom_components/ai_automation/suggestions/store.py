"""Suggestions kept across restarts, with what the user decided about each."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import asdict
from datetime import datetime, timedelta
import logging
from typing import Any

import orjson

from homeassistant.core import HomeAssistant
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from ..const import ACCEPTED_SHOWN_FOR, DISMISSED_SIMILAR_DAYS, DISMISSED_SIMILAR_FACTOR
from ..contract import RunSummary, StoredSuggestion, SuggestionStatus
from ..engine.suggestions.suggestion import Suggestion
from ..listeners import Observable
from .stored import ACCEPTED, DISMISSED, NEW, SNOOZED, Readable, compacted, problems_text, readable

_LOGGER = logging.getLogger(__name__)
STORAGE_KEY = "ai_automation.suggestions"
STORAGE_VERSION = 1
RECENT_RUNS = 10  # run summaries kept for diagnostics
__all__ = ["ACCEPTED", "DISMISSED", "NEW", "SNOOZED", "SuggestionStore"]


class _SuggestionStorage(Store[dict[str, Any]]):
    """The file; data of another format (older, newer) comes through as it is, read leniently."""

    written_as: str | None = None  # the format of data from another version, for the log

    async def _async_migrate_func(
        self, old_major_version: int, old_minor_version: int, old_data: dict[str, Any]
    ) -> dict[str, Any]:
        """Pass the data on as it is: `readable` keeps what this version understands."""
        self.written_as = f"{old_major_version}.{old_minor_version}"
        return old_data


class SuggestionStore(Observable):
    """Every suggestion ever made, by stable id, with its status and the last run's summary.

    Decided suggestions are compacted to what learning needs before every save, and the file
    is written from a snapshot in an executor, so saving never holds the event loop. Its
    listeners hear of every decision the user makes, once it is saved.
    """

    def __init__(self, hass: HomeAssistant) -> None:
        """Prepare the store (call `async_load` before use)."""
        super().__init__()
        self._hass = hass
        self._store = _SuggestionStorage(
            hass,
            STORAGE_VERSION,
            STORAGE_KEY,
            serialize_in_event_loop=False,
            max_readable_version=2**31,  # a newer format is read leniently, not refused
        )
        self._save_lock = asyncio.Lock()  # a save's snapshot is written before a later one's
        self.suggestions: dict[str, StoredSuggestion] = {}
        self.last_run: RunSummary = {}
        self.recent_runs: list[RunSummary] = []  # newest first, for diagnostics

    async def async_load(self) -> None:
        """Read what was stored; what cannot be read is named in one log line and left out."""
        problems: list[str] = []
        try:
            data = await self._store.async_load()
        except (KeyError, TypeError, ValueError) as err:  # a hand-edited file
            data, problems = None, [f"not a stored file of suggestions ({err!r})"]
        found = (
            Readable()
            if data is None
            else await self._hass.async_add_executor_job(readable, data, self._shown_since())
        )
        if (written_as := self._store.written_as) is not None:
            problems.append(
                f"written in format {written_as}, this version writes {STORAGE_VERSION}"
            )
        if problems := problems + found.problems:
            _LOGGER.warning(
                "Reading the stored suggestions (%s): %s; keeping the %d that could be read",
                self._store.path,
                problems_text(problems),
                len(found.suggestions),
            )
        self.suggestions = found.suggestions
        self.last_run = found.last_run
        self.recent_runs = found.recent_runs[:RECENT_RUNS]

    @staticmethod
    def _shown_since() -> datetime:
        """Return since when an accepted suggestion is still shown (and kept in full)."""
        return dt_util.utcnow() - ACCEPTED_SHOWN_FOR

    def prune(self) -> None:
        """Compact the dismissed suggestions, and accepted ones cleared or no longer shown."""
        since = self._shown_since()
        for suggestion_id, suggestion in self.suggestions.items():
            if (kept := compacted(suggestion, since)) is not suggestion:
                self.suggestions[suggestion_id] = kept

    def _snapshot(self) -> dict[str, Any]:
        """Return the data to write, which the event loop will not change while it is written.

        Suggestions are changed by replacing their fields, never inside a field: one shallow
        copy each is enough.
        """
        return {
            "suggestions": {key: dict(value) for key, value in self.suggestions.items()},
            "last_run": dict(self.last_run),
            "recent_runs": [dict(run) for run in self.recent_runs],
        }

    def record_run(self, summary: RunSummary) -> None:
        """Keep `summary` as the last run, and among the recent ones."""
        self.last_run = summary
        self.recent_runs = [summary, *self.recent_runs][:RECENT_RUNS]

    async def async_save(self) -> None:
        """Compact, then write now (serialised in an executor)."""
        async with self._save_lock:
            self.prune()
            data = self._snapshot()
            data["suggestions"] = await self._hass.async_add_executor_job(
                _serialised, data["suggestions"]
            )
            await self._store.async_save(data)

    async def async_save_decision(self) -> None:
        """Save what the user decided, then tell the listeners."""
        await self.async_save()
        self._notify()

    def merge(self, found: list[Suggestion], *, limit: int | None = None) -> int:
        """Add new suggestions, refresh the evidence of known ones; return how many are new.

        At most `limit` become new in one run, strongest first; the others wait for a later run.
        A snoozed suggestion whose time is up comes back (as a new one) if it still holds. One
        like a recently dismissed one (same kind and entity) needs clearly stronger evidence.
        """
        now = dt_util.utcnow()
        waiting: list[Suggestion] = []
        for suggestion in found:
            known = self.suggestions.get(suggestion.id)
            if known is not None:
                known.update(_as_found(suggestion, known["status"], now))
                if known["status"] == SNOOZED and _passed(known.get("snoozed_until"), now):
                    waiting.append(suggestion)
                continue
            if not self._like_a_dismissed_one(suggestion, now):
                waiting.append(suggestion)
        waiting.sort(key=lambda suggestion: -_score(suggestion.evidence))
        for suggestion in waiting[:limit]:
            if (known := self.suggestions.get(suggestion.id)) is not None:
                known["status"] = NEW
                known.pop("snoozed_until", None)
            else:
                self.suggestions[suggestion.id] = _as_found(suggestion, NEW, now)
                self.suggestions[suggestion.id]["first_found"] = now.isoformat()
        return len(waiting[:limit])

    def _like_a_dismissed_one(self, suggestion: Suggestion, now: datetime) -> bool:
        """Whether a recent dismissal of the same kind and entity outweighs this evidence."""
        since = now - timedelta(days=DISMISSED_SIMILAR_DAYS)
        score = _score(suggestion.evidence)
        return any(
            known["status"] == DISMISSED
            and known["kind"] == suggestion.kind
            and known["entities"][-1:] == list(suggestion.entities[-1:])
            and not _passed(known.get("handled_at"), since)
            and score < DISMISSED_SIMILAR_FACTOR * float(known.get("score_when_handled", 0.0))
            for known in self.suggestions.values()
        )

    def withdraw_open(self, kind: str, found: set[str]) -> None:
        """Forget the open suggestions of `kind` not in `found`; the user's decisions stay."""
        for suggestion_id, suggestion in list(self.suggestions.items()):
            open_ = suggestion["status"] == NEW
            if open_ and suggestion["kind"] == kind and suggestion_id not in found:
                del self.suggestions[suggestion_id]

    def open_suggestions(self) -> list[StoredSuggestion]:
        """Return the suggestions waiting for the user, newest evidence first."""
        return sorted(
            (s for s in self.suggestions.values() if s["status"] == NEW),
            key=lambda s: s["last_found"],
            reverse=True,
        )

    def accepted(self) -> dict[str, StoredSuggestion]:
        """Return the suggestions the user accepted (their automations exist), by id."""
        return {k: s for k, s in self.suggestions.items() if s["status"] == ACCEPTED}

    def set_status(self, suggestion_id: str, status: SuggestionStatus) -> None:
        """Record the user's decision."""
        suggestion = self.suggestions[suggestion_id]
        suggestion["status"] = status
        suggestion["handled_at"] = dt_util.utcnow().isoformat()
        suggestion["score_when_handled"] = _score(suggestion.get("evidence", {}))
        suggestion.pop("snoozed_until", None)

    def snooze(self, suggestion_id: str, until: datetime) -> None:
        """Put a suggestion away until `until`; after that it may come back if it still holds."""
        self.set_status(suggestion_id, SNOOZED)
        self.suggestions[suggestion_id]["snoozed_until"] = until.isoformat()

    def mark_accepted(self, suggestion_id: str, automation_id: str) -> None:
        """Record that the suggestion became the automation `automation_id`, and when."""
        self.set_status(suggestion_id, ACCEPTED)
        self.suggestions[suggestion_id] |= {
            "accepted_at": dt_util.utcnow().isoformat(),
            "automation_id": automation_id,
        }

    def clear(self, suggestion_id: str) -> None:
        """Take an accepted suggestion off the to-do list (it stays accepted)."""
        self.suggestions[suggestion_id]["cleared"] = True

    def accepted_since(self, since: datetime) -> list[StoredSuggestion]:
        """Return the suggestions accepted since `since` and not cleared, newest first."""
        found = [
            suggestion
            for suggestion in self.suggestions.values()
            if suggestion["status"] == ACCEPTED
            and not suggestion.get("cleared")
            and (accepted := dt_util.parse_datetime(suggestion.get("accepted_at") or ""))
            is not None
            and accepted >= since
        ]
        return sorted(found, key=lambda s: str(s["accepted_at"]), reverse=True)


def _serialised(suggestions: dict[str, StoredSuggestion]) -> orjson.Fragment:
    """Return the suggestions as JSON, made one at a time (in an executor).

    One call for all would hold the GIL, and so the event loop, for as long as it takes; between
    these short ones the loop gets its turn. The Store writes the fragment as it is.
    """
    parts = [orjson.dumps(key) + b":" + orjson.dumps(value) for key, value in suggestions.items()]
    return orjson.Fragment(b"{" + b",".join(parts) + b"}")


def _score(evidence: Mapping[str, Any]) -> float:
    return float(evidence.get("score", 0.0))


def _passed(moment: str | None, now: datetime) -> bool:
    """Whether the stored ISO time `moment` is at or before `now` (a missing one has passed)."""
    parsed = dt_util.parse_datetime(moment) if moment else None
    return parsed is None or parsed <= now


def _as_found(suggestion: Suggestion, status: SuggestionStatus, now: datetime) -> StoredSuggestion:
    """Return `suggestion` as this run found it, to keep (its own copy of automation, evidence)."""
    copied = asdict(suggestion)
    return {
        "id": suggestion.id,
        "kind": suggestion.kind,
        "title": suggestion.title,
        "description": suggestion.description,
        "automation": copied["automation"],
        "evidence": copied["evidence"],
        "entities": list(suggestion.entities),
        "last_found": now.isoformat(),
        "status": status,
    }
