"""A fake AI provider for Home Assistant's real `ai_task` integration.

It is set up like any provider the user could have (a config entry whose `ai_task` platform adds
one entity, `ai_task.helper`), and answers data tasks as the test tells it: structured data, an
error, or no answer at all.
"""

import asyncio
from collections.abc import AsyncGenerator
import json
from typing import Any

from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockModule,
    MockPlatform,
    mock_config_flow,
    mock_integration,
    mock_platform,
)

from homeassistant.components.ai_task import (
    AITaskEntity,
    AITaskEntityFeature,
    GenDataTask,
    GenDataTaskResult,
)
from homeassistant.components.conversation import AssistantContent, ChatLog
from homeassistant.config_entries import ConfigEntry, ConfigFlow
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.setup import async_setup_component

HANG = object()  # an answer that never comes


class FakeAITaskEntity(AITaskEntity):
    """Answer data tasks with `answer`, and remember every task asked."""

    _attr_name = "Helper"
    _attr_supported_features = AITaskEntityFeature.GENERATE_DATA

    def __init__(self) -> None:
        """Start with an answer nobody asked for."""
        self.answer: Any = {"title": "unset", "description": "unset"}
        self.tasks: list[GenDataTask] = []

    async def _async_generate_data(self, task: GenDataTask, chat_log: ChatLog) -> GenDataTaskResult:
        self.tasks.append(task)
        if self.answer is HANG:
            await asyncio.Event().wait()
        if isinstance(self.answer, BaseException):
            raise self.answer
        chat_log.async_add_assistant_content_without_tools(
            AssistantContent(agent_id=self.entity_id, content=json.dumps(self.answer))
        )
        return GenDataTaskResult(conversation_id=chat_log.conversation_id, data=self.answer)


class FakeAIConfigFlow(ConfigFlow):
    """The provider's config flow (entries are added directly)."""

    VERSION = 1


async def async_setup_fake_ai_task(hass: HomeAssistant) -> AsyncGenerator[FakeAITaskEntity]:
    """Set up the provider through a config entry, as the user would have; yield its entity."""
    # Conversation (which ai_task needs) uses the exposed-entities store of `homeassistant`.
    assert await async_setup_component(hass, "homeassistant", {})
    entity = FakeAITaskEntity()

    async def async_setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
        await hass.config_entries.async_forward_entry_setups(entry, [Platform.AI_TASK])
        return True

    async def async_setup_platform(
        hass: HomeAssistant, entry: ConfigEntry, async_add_entities: AddConfigEntryEntitiesCallback
    ) -> None:
        async_add_entities([entity])

    mock_integration(hass, MockModule("fake_ai", async_setup_entry=async_setup_entry))
    mock_platform(hass, "fake_ai.config_flow")
    mock_platform(hass, "fake_ai.ai_task", MockPlatform(async_setup_entry=async_setup_platform))
    with mock_config_flow("fake_ai", FakeAIConfigFlow):
        entry = MockConfigEntry(domain="fake_ai")
        entry.add_to_hass(hass)
        assert await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done()
        assert entity.entity_id == "ai_task.helper"
        yield entity
