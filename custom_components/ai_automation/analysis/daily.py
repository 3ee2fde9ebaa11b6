"""The daily analysis: once per local day at the chosen time, catching up a missed run."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import replace
from datetime import datetime
import logging
import time
from typing import Any, Final

import probatio

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import EVENT_HOMEASSISTANT_STARTED
from homeassistant.core import CoreState, Event, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import selector
from homeassistant.helpers.event import async_track_time_change
from homeassistant.util import dt as dt_util

from ..const import (
    AI_DESCRIPTION_MAX_LENGTH,
    AI_TITLE_MAX_LENGTH,
    AI_WORDING_MAX_PER_RUN,
    AI_WORDING_TIMEOUT,
    DOMAIN,
    LEARNING_DAYS,
)
from ..contract import RunSummary, StoredSuggestion
from ..devices.device_list import KnownDevices
from ..devices.usage_watcher import UsageWatcher
from ..engine.detectors.habit_settings import HabitSettings
from ..engine.suggestions.suggestion import Suggestion
from ..engine.suggestions.wording import acted_on, keeps_subject, plain_text
from ..listeners import Observable
from ..settings import Settings
from ..suggestions.store import NEW, SuggestionStore
from .notifications import (
    async_dismiss_new_suggestions,
    async_publish_notification,
    async_show_first_run,
    async_show_new_suggestions,
)
from .run import async_analyse

_LOGGER = logging.getLogger(__name__)
EVENT_ANALYSIS_COMPLETE = f"{DOMAIN}_analysis_complete"
SUCCESS: Final = "success"
NO_DATA: Final = "no_data"
FAILED: Final = "failed"
RUNNING = "running"
LEARNING = (
    "learning"  # shown by the status sensor: success, with less than LEARNING_DAYS of history
)
WORDING = probatio.Schema(
    {
        probatio.Required("title"): selector.TextSelector(),
        probatio.Required("description"): selector.TextSelector(),
    }
)


async def _generate_data(hass: HomeAssistant, **kwargs: Any) -> Any:
    """Ask Home Assistant's AI Task integration (imported only when an AI entity is chosen)."""
    if "ai_task" not in hass.config.components:
        raise HomeAssistantError("the AI Task integration is not set up")
    from homeassistant.components.ai_task import async_generate_data  # noqa: PLC0415

    return await async_generate_data(hass, **kwargs)


def _ways_to_name(hass: HomeAssistant, entity_id: str) -> list[str]:
    """Return how a title may name an entity: its id, its name, its id's object part."""
    state = hass.states.get(entity_id)
    return [entity_id, entity_id.split(".", 1)[-1], *([state.name] if state else [])]


def _failure(err: Exception) -> str:
    """Say in a few words why the AI's wording was not used."""
    if isinstance(err, TimeoutError):
        return f"no answer within {AI_WORDING_TIMEOUT:.0f} s"
    if isinstance(err, (KeyError, TypeError)):
        return f"unexpected answer, {type(err).__name__}: {err}"
    return str(err) or type(err).__name__


class DailyAnalysis(Observable):
    """Run the analysis on schedule or on demand, one run at a time, and report every run."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry: ConfigEntry,
        settings: Settings,
        known_devices: KnownDevices,
        usage: UsageWatcher,
    ) -> None:
        """Prepare for `entry` (whose tasks and unload it uses); `async_start` schedules."""
        super().__init__()
        self._hass = hass
        self._entry = entry
        self._settings = settings
        self._known_devices = known_devices
        self._usage = usage
        self.store = SuggestionStore(hass)
        self.store.async_add_listener(self._on_decided)
        self.running = False
        self._task: asyncio.Task[RunSummary] | None = None

    @property
    def summary(self) -> RunSummary:
        """Return the last run's summary (empty before the first run)."""
        return self.store.last_run

    async def async_start(self) -> None:
        """Load the stored suggestions and schedule the daily run, with a catch-up check."""
        await self.store.async_load()
        at = self._settings.analysis_time
        self._entry.async_on_unload(
            async_track_time_change(
                self._hass, self._on_time, hour=at.hour, minute=at.minute, second=at.second
            )
        )
        # Every quarter of an hour: catches a time skipped by DST or missed while stopped.
        self._entry.async_on_unload(
            async_track_time_change(self._hass, self._on_time, minute=[0, 15, 30, 45], second=7)
        )
        if self._hass.state is CoreState.running:
            self._on_time(dt_util.now())
        else:
            self._entry.async_on_unload(
                self._hass.bus.async_listen_once(EVENT_HOMEASSISTANT_STARTED, self._on_started)
            )

    @callback
    def _on_started(self, _event: Event) -> None:
        self._on_time(dt_util.now())

    def _due(self, now: datetime) -> bool:
        """Return whether today's run is due: the time has come and it has not run today."""
        local = dt_util.as_local(now)
        at = self._settings.analysis_time
        if local.time() < at:
            return False
        last = self.store.last_run.get("scheduled_date")
        return last != local.date().isoformat()

    @callback
    def _on_time(self, now: datetime) -> None:
        if self.running or not self._due(now):
            return
        self._entry.async_create_background_task(
            self._hass, self.async_run(scheduled=True), "ai_automation daily analysis"
        )

    async def async_run(self, *, scheduled: bool = False) -> RunSummary:
        """Run now, or join the run already going; return the run's summary."""
        if self._task is not None and not self._task.done():
            _LOGGER.info(
                "An analysis is already running; waiting for it instead of starting another"
            )
            return {**await asyncio.shield(self._task), "joined": True}
        if scheduled:
            # Mark the day first, so a second trigger at the same moment (DST fall-back) is a no-op.
            self.store.last_run = {
                **self.store.last_run,
                "scheduled_date": dt_util.now().date().isoformat(),
            }
        self._task = self._entry.async_create_task(
            self._hass, self._async_run(), "ai_automation analysis run"
        )
        return await asyncio.shield(self._task)

    async def _async_run(self) -> RunSummary:
        self.running = True
        self._notify()
        began = time.perf_counter()
        settings = self._settings
        summary: RunSummary = {
            "event": "analysis_complete",
            "timestamp": dt_util.utcnow().isoformat(),
            "success": False,
            "status": FAILED,
            "patterns_detected": 0,
            "suggestions_generated": 0,
            "suggestions_open": len(self.store.open_suggestions()),
            "events_analysed": 0,
            "events_from_kept_days": 0,
            "devices_checked": len(self._known_devices.devices),
            "processing_time_sec": 0.0,
            "error": None,
        }
        first = False  # the first successful run ever
        try:
            result = await async_analyse(
                self._hass,
                settings,
                self._known_devices,
                self._usage,
                accepted=self.store.accepted(),
            )
        except asyncio.CancelledError:
            summary["error"] = "cancelled"
            raise
        except Exception as err:
            summary["error"] = f"{type(err).__name__}: {err}"
            _LOGGER.warning("The analysis failed: %s", summary["error"], exc_info=True)
        else:
            suggestions = self._keep_ai_words(result.suggestions)
            new = self.store.merge(suggestions, limit=settings.max_new_suggestions)
            # An unused capability stands only while the evidence does (and older versions
            # claimed some without any): open ones not found again are withdrawn.
            self.store.withdraw_open("unused_capability", {s.id for s in suggestions})
            for suggestion in result.suggestions:
                if (stored := self.store.suggestions.get(suggestion.id)) is not None:
                    # This run's numbers in our words, shown under the AI's words.
                    stored["evidence_text"] = suggestion.description
            # Only what the user is shown is worded (those the limit holds back wait for it).
            await self._async_word([s.id for s in result.suggestions])
            first = not any(run.get("success") for run in self.store.recent_runs)
            summary |= {
                "success": True,
                "status": SUCCESS if result.events_analysed else NO_DATA,
                "history_days": None
                if result.history_days is None
                else round(result.history_days, 1),
                "patterns_detected": result.habits + result.sequences,
                "suggestions_generated": new,
                "suggestions_open": len(self.store.open_suggestions()),
                "events_analysed": result.events_analysed,
                "events_from_kept_days": result.events_kept,
                "devices_checked": result.devices_checked,
            }
        finally:
            summary["processing_time_sec"] = round(time.perf_counter() - began, 3)
            self.running = False
            scheduled_date = self.store.last_run.get("scheduled_date")
            self.store.record_run(
                summary | ({"scheduled_date": scheduled_date} if scheduled_date else {})
            )
            await self.store.async_save()
            self._notify()
        if summary["success"]:
            _LOGGER.info(
                "Analysis %s: %d changes (%d of them from the days kept by earlier runs), %d"
                " patterns, %d new suggestions, %d open, %.1f s",
                summary["status"],
                summary["events_analysed"],
                summary["events_from_kept_days"],
                summary["patterns_detected"],
                summary["suggestions_generated"],
                summary["suggestions_open"],
                summary["processing_time_sec"],
            )
        if summary["success"] and first and settings.persistent_notification:
            await self._async_notify_first_run(summary)
        if (count := summary["suggestions_generated"]) and settings.persistent_notification:
            await async_show_new_suggestions(self._hass, count)
        self._hass.bus.async_fire(EVENT_ANALYSIS_COMPLETE, summary)
        await async_publish_notification(self._hass, settings.notify_topic, summary)
        return summary

    async def _async_notify_first_run(self, summary: RunSummary) -> None:
        """After the first analysis that found nothing to suggest, say what to expect."""
        if summary["suggestions_generated"]:
            return  # the new-suggestions notification says it all
        days = summary.get("history_days") or 0.0
        await async_show_first_run(
            self._hass,
            days=days,
            changes=summary["events_analysed"],
            min_days=HabitSettings().min_days,
            at=self._settings.analysis_time.strftime("%H:%M"),
            learning=days < LEARNING_DAYS,
        )

    def _keep_ai_words(self, suggestions: list[Suggestion]) -> list[Suggestion]:
        """Return the suggestions, those already shown in the AI's words with its words.

        (Their evidence still updates, shown under these words.)
        """
        return [
            replace(suggestion, title=known["title"], description=known["description"])
            if (known := self.store.suggestions.get(suggestion.id)) is not None
            and known.get("ai_worded")
            else suggestion
            for suggestion in suggestions
        ]

    async def _async_word(self, found: list[str]) -> None:
        """Let the chosen AI Task entity reword the open suggestions among `found` (ids).

        Each open suggestion is worded once; one that the AI could not word is tried again on a
        later run, as is one the per-run limit holds back (it is not open yet). After the first
        failure in a run the AI is not asked again in that run, and at most
        AI_WORDING_MAX_PER_RUN suggestions are sent per run (the rest on later runs).
        """
        entity_id = self._settings.ai_task_entity
        if entity_id is None:
            return
        waiting = [
            stored
            for suggestion_id in found
            if (stored := self.store.suggestions.get(suggestion_id)) is not None
            and stored["status"] == NEW
            and not stored.get("ai_worded")
            and not stored.get("ai_off_topic")
        ]
        for stored in waiting[:AI_WORDING_MAX_PER_RUN]:
            try:
                async with asyncio.timeout(AI_WORDING_TIMEOUT):
                    result = await _generate_data(
                        self._hass,
                        task_name="AI Automation suggestion wording",
                        entity_id=entity_id,
                        instructions=(
                            "Rewrite this home automation suggestion for the home's owner: a short "
                            "title (at most 60 characters) and a one- or two-sentence description "
                            "that keeps every number. Title: "
                            f"{stored['title']}. Description: {stored['description']}"
                        ),
                        structure=WORDING,
                    )
                title, description = str(result.data["title"]), str(result.data["description"])
            except (TimeoutError, HomeAssistantError, KeyError, TypeError) as err:
                _LOGGER.warning(
                    "%s could not word the suggestions (%s); keeping the local wording, and"
                    " trying again on the next run",
                    entity_id,
                    _failure(err),
                )
                return  # not again in this run
            self._take_ai_words(entity_id, stored, title, description)

    def _take_ai_words(
        self, entity_id: str, stored: StoredSuggestion, title: str, description: str
    ) -> None:
        """Keep the AI's words as plain text, unless its title lost what the suggestion acts on."""
        title = plain_text(title, AI_TITLE_MAX_LENGTH)
        description = plain_text(description, AI_DESCRIPTION_MAX_LENGTH)
        entities = acted_on(stored.get("automation"), stored.get("entities", ()))
        names = [_ways_to_name(self._hass, entity) for entity in entities]
        if title and description and keeps_subject(stored["title"], title, names):
            stored |= {"title": title, "description": description, "ai_worded": True}
            return
        _LOGGER.warning(
            '%s worded the suggestion "%s" as "%s", which does not name what it acts on;'
            " keeping the local wording",
            entity_id,
            stored["title"],
            title,
        )
        stored["ai_off_topic"] = True  # not asked again: the local words stand

    @callback
    def _on_decided(self) -> None:
        """Tell the entities the user decided; once none is open, drop the notification."""
        if not self.store.open_suggestions():
            async_dismiss_new_suggestions(self._hass)
        self._notify()

    async def async_stop(self) -> None:
        """Cancel a run in progress (on unload)."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
