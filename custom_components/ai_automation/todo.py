"""To-do list "AI Automation Suggestions": complete to accept, delete to dismiss, date to snooze."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from homeassistant.components.todo.const import TodoItemStatus, TodoListEntityFeature
from homeassistant.components.todo.entity import TodoItem, TodoListEntity
from homeassistant.const import EVENT_CORE_CONFIG_UPDATE
from homeassistant.core import Event, HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.entity import EntityDescription
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .const import ACCEPTED_SHOWN_FOR, DOMAIN
from .contract import StoredSuggestion
from .entity import AiAutomationEntity
from .models import AiAutomationConfigEntry
from .permissions import async_check_admin
from .suggestions.decisions import async_accept, async_clear, async_dismiss, async_snooze
from .suggestions.localized import async_load_title_words, localized_description, localized_title
from .suggestions.store import ACCEPTED

PARALLEL_UPDATES = 1
SUGGESTIONS = EntityDescription(key="suggestions", translation_key="suggestions")


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AiAutomationConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the suggestions to-do list."""
    async_add_entities([SuggestionsTodoList(entry, SUGGESTIONS)])


def _description(hass: HomeAssistant, suggestion: StoredSuggestion) -> str:
    """Return the words shown, and under the AI's words the latest evidence in ours."""
    description = localized_description(hass, suggestion)
    evidence = suggestion.get("evidence_text")
    if suggestion.get("ai_worded") and evidence and evidence != description:
        return f"{description}\n\n{evidence}"
    return description


def _moment(due: date | datetime) -> datetime:
    """Return a due date (local midnight) or a due time as a moment."""
    if isinstance(due, datetime):
        return due
    return datetime.combine(due, time.min, dt_util.get_default_time_zone())


class SuggestionsTodoList(AiAutomationEntity, TodoListEntity):
    """The open suggestions, each with its evidence."""

    _attr_supported_features = (
        TodoListEntityFeature.UPDATE_TODO_ITEM
        | TodoListEntityFeature.DELETE_TODO_ITEM
        | TodoListEntityFeature.SET_DESCRIPTION_ON_ITEM
        | TodoListEntityFeature.SET_DUE_DATE_ON_ITEM
        | TodoListEntityFeature.SET_DUE_DATETIME_ON_ITEM
    )

    def __init__(self, entry: AiAutomationConfigEntry, description: EntityDescription) -> None:
        """Initialise the list."""
        super().__init__(entry, description)
        self._daily = entry.runtime_data.daily

    @property
    def todo_items(self) -> list[TodoItem]:
        """Return the open suggestions, then those accepted in the last 30 days (completed)."""
        store = self._daily.store
        accepted = store.accepted_since(dt_util.utcnow() - ACCEPTED_SHOWN_FOR)
        return [
            TodoItem(
                uid=suggestion["id"],
                summary=localized_title(self.hass, suggestion),
                description=_description(self.hass, suggestion),
                status=TodoItemStatus.NEEDS_ACTION,
            )
            for suggestion in store.open_suggestions()
        ] + [self._accepted_item(suggestion) for suggestion in accepted]

    def _accepted_item(self, suggestion: StoredSuggestion) -> TodoItem:
        """Show an accepted suggestion under the name its automation has now."""
        entity_id = er.async_get(self.hass).async_get_entity_id(
            "automation", "automation", suggestion.get("automation_id") or ""
        )
        state = self.hass.states.get(entity_id) if entity_id else None
        completed = dt_util.parse_datetime(suggestion["accepted_at"])
        return TodoItem(
            uid=suggestion["id"],
            summary=state.name if state else localized_title(self.hass, suggestion),
            description=_description(self.hass, suggestion),
            status=TodoItemStatus.COMPLETED,
            completed=completed,
        )

    def _is_accepted(self, uid: str) -> bool:
        suggestion = self._daily.store.suggestions.get(uid)
        return suggestion is not None and suggestion["status"] == ACCEPTED

    async def async_update_todo_item(self, item: TodoItem) -> None:
        """Accept a completed item's suggestion, snooze one given a due date.

        An accepted one stays accepted. Administrators only.
        """
        await async_check_admin(self.hass, self._context)
        if item.uid is None:
            return
        if not self._is_accepted(item.uid):
            if item.status == TodoItemStatus.COMPLETED:
                await async_accept(self.hass, self._daily.store, item.uid)
            elif item.due is not None:
                await async_snooze(self._daily.store, item.uid, _moment(item.due))
        elif item.status == TodoItemStatus.NEEDS_ACTION:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="accepted_stays",
                translation_placeholders={"title": item.summary or item.uid},
            )

    async def async_delete_todo_items(self, uids: list[str]) -> None:
        """Dismiss the suggestions whose items were deleted; accepted ones just leave the list.

        Administrators only.
        """
        await async_check_admin(self.hass, self._context)
        for uid in uids:
            if self._is_accepted(uid):
                await async_clear(self._daily.store, uid)
            else:
                await async_dismiss(self._daily.store, uid)

    async def _async_load_words(self, _event: Event[Any] | None = None) -> None:
        """Load the titles' words in the home's language, and show the list in them."""
        await async_load_title_words(self.hass)
        if _event is not None:
            self.async_write_ha_state()

    async def async_added_to_hass(self) -> None:
        """Show changes whenever suggestions change."""
        await super().async_added_to_hass()
        # The titles are said in the home's language: have its words at hand, also after a change.
        await self._async_load_words()
        self.async_on_remove(
            self.hass.bus.async_listen(EVENT_CORE_CONFIG_UPDATE, self._async_load_words)
        )
        self.async_on_remove(self._daily.async_add_listener(self.async_write_ha_state))
