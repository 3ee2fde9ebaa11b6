"""AI wording of new suggestions through Home Assistant's ai_task, and the local words as fallback."""

import asyncio
from collections.abc import AsyncGenerator
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any
from unittest.mock import AsyncMock

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed
from pytest_homeassistant_custom_component.typing import MqttMockHAClient

from custom_components.ai_automation.const import AI_WORDING_TIMEOUT
from custom_components.ai_automation.engine.suggestions.suggestion import Suggestion
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.util import dt as dt_util

from .conftest import run_analysis, setup_at as _setup
from .daily_run import SUGGESTION, analysis_result as _result, todo_items as _todo_items
from .fake_ai_task import HANG, FakeAITaskEntity, async_setup_fake_ai_task

pytestmark = pytest.mark.schedule


@pytest.fixture
async def ai_helper(
    hass: HomeAssistant, berlin: MqttMockHAClient
) -> AsyncGenerator[FakeAITaskEntity]:
    """Set up a fake AI provider through Home Assistant's real ai_task integration."""
    async for entity in async_setup_fake_ai_task(hass):
        yield entity


AI_WORDS = {"title": "Kitchen light on at 6:45", "description": "Every day at 6:45."}


@pytest.mark.parametrize(
    ("answer", "title", "logged"),
    [
        (AI_WORDS, AI_WORDS["title"], None),
        (
            HomeAssistantError("model overloaded"),
            SUGGESTION.title,
            "ai_task.helper could not word the suggestions (model overloaded)",
        ),
        (
            {"headline": "wrong shape"},
            SUGGESTION.title,
            "ai_task.helper could not word the suggestions (unexpected answer, KeyError",
        ),
        (
            ["not", "a", "dict"],
            SUGGESTION.title,
            "ai_task.helper could not word the suggestions (unexpected answer, TypeError",
        ),
    ],
)
async def test_ai_wording_and_its_fallback(
    freezer: FrozenDateTimeFactory,
    hass: HomeAssistant,
    ai_helper: FakeAITaskEntity,
    analyse: AsyncMock,
    caplog: pytest.LogCaptureFixture,
    answer: Any,
    title: str,
    logged: str | None,
) -> None:
    """With an AI Task entity chosen, new suggestions get its words; on a failure, ours."""
    zone = dt_util.get_default_time_zone()
    entry = await _setup(
        hass, freezer, datetime(2026, 11, 27, 1, 0, tzinfo=zone), ai_task_entity="ai_task.helper"
    )
    ai_helper.answer = answer
    await run_analysis(hass)
    task = ai_helper.tasks[0]
    assert SUGGESTION.title in task.instructions
    assert SUGGESTION.description in task.instructions
    assert task.structure is not None
    items = await _todo_items(hass)
    assert [item["summary"] for item in items] == [title]
    if logged is None:
        # The AI's words, and under them the evidence in ours.
        assert items[0]["description"] == f"{AI_WORDS['description']}\n\n{SUGGESTION.description}"
        assert "could not word" not in caplog.text
    else:
        assert items[0]["description"] == SUGGESTION.description
        assert logged in caplog.text

    # The next run finds the same suggestion with fresher evidence: AI words are kept without
    # asking again (a failed wording is tried again), and the evidence under them is new.
    ai_helper.answer = AI_WORDS
    fresher = replace(SUGGESTION, description="Seen on 20 of 21 days, spread ±4 min.")
    analyse.return_value = _result([fresher])
    await run_analysis(hass)
    assert len(ai_helper.tasks) == (1 if logged is None else 2)
    stored = entry.runtime_data.daily.store.suggestions[SUGGESTION.id]
    assert (stored["title"], stored["description"]) == (AI_WORDS["title"], AI_WORDS["description"])
    assert [item["description"] for item in await _todo_items(hass)] == [
        f"{AI_WORDS['description']}\n\n{fresher.description}"
    ]


@pytest.mark.parametrize(
    ("answer", "title", "description", "logged"),
    [
        (
            {
                "title": "## **Kitchen light** on at\n6:45\u200b <b>daily</b>",
                "description": "Every `day`\x00 at 6:45. " + "More words. " * 100,
            },
            "Kitchen light on at 6:45 daily",
            "Every day at 6:45. " + "More words. " * 39 + "More words…",
            None,
        ),
        (
            {"title": "Wake up gently every morning", "description": "A brighter start."},
            SUGGESTION.title,
            SUGGESTION.description,
            'ai_task.helper worded the suggestion "Turn on Kitchen light around 06:45 every day"'
            ' as "Wake up gently every morning", which does not name what it acts on',
        ),
    ],
    ids=["markup", "off_topic"],
)
async def test_ai_words_are_plain_text_and_name_what_the_suggestion_acts_on(
    freezer: FrozenDateTimeFactory,
    hass: HomeAssistant,
    ai_helper: FakeAITaskEntity,
    analyse: AsyncMock,
    caplog: pytest.LogCaptureFixture,
    answer: dict[str, str],
    title: str,
    description: str,
    logged: str | None,
) -> None:
    """The AI's words lose markup, control characters and excess; off-topic ones are not used."""
    hass.states.async_set("light.kitchen", "off", {"friendly_name": "Kitchen light"})
    zone = dt_util.get_default_time_zone()
    await _setup(
        hass, freezer, datetime(2026, 11, 27, 1, 0, tzinfo=zone), ai_task_entity="ai_task.helper"
    )
    ai_helper.answer = answer
    await run_analysis(hass)
    items = await _todo_items(hass)
    assert [(item["summary"], item["description"].split("\n\n")[0]) for item in items] == [
        (title, description)
    ]
    assert len(description) <= 500
    if logged is None:
        assert "does not name what it acts on" not in caplog.text
    else:
        assert caplog.text.count(logged) == 1
    # An off-topic answer is not asked for again: the local words stand.
    await run_analysis(hass)
    assert len(ai_helper.tasks) == 1
    assert [item["summary"] for item in await _todo_items(hass)] == [title]


async def test_only_suggestions_the_user_is_shown_are_sent_to_the_ai(
    freezer: FrozenDateTimeFactory,
    hass: HomeAssistant,
    ai_helper: FakeAITaskEntity,
    analyse: AsyncMock,
) -> None:
    """Suggestions the per-run limit holds back cost no AI call; they are worded when shown."""
    zone = dt_util.get_default_time_zone()
    entry = await _setup(
        hass,
        freezer,
        datetime(2026, 11, 27, 1, 0, tzinfo=zone),
        ai_task_entity="ai_task.helper",
        max_new_suggestions=1,
    )
    others = [
        Suggestion(**{**SUGGESTION.__dict__, "id": f"other{index}", "title": f"Other {index}"})
        for index in range(3)
    ]
    analyse.return_value = _result([SUGGESTION, *others])
    ai_helper.answer = AI_WORDS
    await run_analysis(hass)
    store = entry.runtime_data.daily.store
    (shown,) = [s for s in store.suggestions.values() if s["status"] == "new"]
    assert len(ai_helper.tasks) == 1
    assert [item["summary"] for item in await _todo_items(hass)] == [AI_WORDS["title"]]
    assert SUGGESTION.title in ai_helper.tasks[0].instructions
    assert shown["ai_worded"] is True

    # The next run shows one more: only that one is sent.
    await run_analysis(hass)
    assert len(ai_helper.tasks) == 2
    assert "Other" in ai_helper.tasks[1].instructions
    assert [item["summary"] for item in await _todo_items(hass)] == [AI_WORDS["title"]] * 2


async def test_ai_that_does_not_answer_is_given_up_on(
    freezer: FrozenDateTimeFactory,
    hass: HomeAssistant,
    ai_helper: FakeAITaskEntity,
    analyse: AsyncMock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An AI that hangs costs one timeout per run; the run ends with the local words."""
    zone = dt_util.get_default_time_zone()
    await _setup(
        hass, freezer, datetime(2026, 11, 27, 1, 0, tzinfo=zone), ai_task_entity="ai_task.helper"
    )
    other = Suggestion(**{**SUGGESTION.__dict__, "id": "zzz999", "title": "Other"})
    analyse.return_value = _result([SUGGESTION, other])
    ai_helper.answer = HANG
    run = hass.async_create_task(run_analysis(hass))
    for _ in range(1000):  # the run goes on until the AI is asked (time stands still)
        if ai_helper.tasks:
            break
        await asyncio.sleep(0)
    assert len(ai_helper.tasks) == 1
    assert not run.done()
    assert hass.states.get("sensor.ai_automation_last_analysis_status").state == "running"

    freezer.tick(timedelta(seconds=AI_WORDING_TIMEOUT + 1))
    async_fire_time_changed(hass)
    summary = await run
    assert summary is not None
    assert (summary["status"], summary["suggestions_generated"]) == ("success", 2)
    assert len(ai_helper.tasks) == 1  # not asked again for the second suggestion in this run
    assert "could not word the suggestions (no answer within 30 s)" in caplog.text
    assert sorted(item["summary"] for item in await _todo_items(hass)) == [
        "Other",
        SUGGESTION.title,
    ]


async def test_without_the_ai_task_integration_the_local_words_stand(
    freezer: FrozenDateTimeFactory,
    berlin: MqttMockHAClient,
    hass: HomeAssistant,
    analyse: AsyncMock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An AI entity chosen but its provider (and ai_task) gone: the run still succeeds."""
    zone = dt_util.get_default_time_zone()
    await _setup(
        hass, freezer, datetime(2026, 11, 27, 1, 0, tzinfo=zone), ai_task_entity="ai_task.helper"
    )
    summary = await run_analysis(hass)
    assert summary is not None
    assert summary["status"] == "success"
    assert [item["summary"] for item in await _todo_items(hass)] == [SUGGESTION.title]
    assert (
        "ai_task.helper could not word the suggestions (the AI Task integration is not set up)"
        in caplog.text
    )
