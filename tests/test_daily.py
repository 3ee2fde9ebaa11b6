"""The daily analysis run: schedule, outputs, single flight, and acting on suggestions."""

import asyncio
from collections.abc import AsyncGenerator, Generator
from dataclasses import replace
from datetime import datetime, timedelta
from http import HTTPStatus
import json
from pathlib import Path
from typing import Any
from unittest.mock import AsyncMock, patch

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import (
    CLIENT_ID,
    MockConfigEntry,
    MockUser,
    async_capture_events,
    async_fire_time_changed,
    async_mock_service,
)
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    MqttMockHAClient,
    MqttMockHAClientGenerator,
)

from custom_components.ai_automation.analysis.run import AnalysisResult
from custom_components.ai_automation.const import AI_WORDING_TIMEOUT
from custom_components.ai_automation.diagnostics import async_get_config_entry_diagnostics
from custom_components.ai_automation.engine.suggestions.suggestion import Suggestion
from homeassistant import config as conf_util
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import entity_registry as er
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util

from .conftest import DEFAULT_OPTIONS, run_analysis, setup_integration
from .fake_ai_task import HANG, FakeAITaskEntity, async_setup_fake_ai_task

pytestmark = pytest.mark.schedule

BERLIN = "Europe/Berlin"
SUGGESTION_LIST = "todo.ai_automation_suggestions"
SUGGESTION = Suggestion(
    id="abc123",
    kind="habit",
    title="Turn on Kitchen light around 06:45 every day",
    description="Seen on 14 of 14 days, spread ±3 min.",
    automation={
        "alias": "Turn on Kitchen light around 06:45 every day",
        "description": "Suggested by AI Automation.",
        "triggers": [{"trigger": "time", "at": "06:45:00"}],
        "conditions": [],
        "actions": [{"action": "light.turn_on", "target": {"entity_id": "light.kitchen"}}],
        "mode": "single",
    },
    entities=("light.kitchen",),
)


def _result(suggestions: list[Suggestion] | None = None, events: int = 120) -> AnalysisResult:
    return AnalysisResult(
        suggestions=suggestions if suggestions is not None else [SUGGESTION],
        habits=2,
        sequences=1,
        events_analysed=events,
        entities_analysed=10,
        devices_checked=0,
        load_seconds=0.1,
        detect_seconds=0.1,
    )


@pytest.fixture
def analyse() -> Generator[AsyncMock]:
    """Replace the analysis itself: these tests are about when it runs and what it reports."""
    with patch(
        "custom_components.ai_automation.analysis.daily.async_analyse",
        AsyncMock(return_value=_result()),
    ) as mock:
        yield mock


async def _at(hass: HomeAssistant, freezer: FrozenDateTimeFactory, local: datetime) -> None:
    freezer.move_to(local)
    async_fire_time_changed(hass, local)
    await hass.async_block_till_done()


async def _setup(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, start: datetime, **options: Any
) -> MockConfigEntry:
    freezer.move_to(start)
    entry = MockConfigEntry(domain="ai_automation", options={**DEFAULT_OPTIONS, **options})
    await setup_integration(hass, entry)
    return entry


@pytest.fixture
async def berlin(mqtt_ready: MqttMockHAClient, hass: HomeAssistant) -> MqttMockHAClient:
    """Home Assistant in Berlin time."""
    await hass.config.async_set_time_zone(BERLIN)
    return mqtt_ready


async def test_runs_once_a_day_at_the_local_time(
    freezer: FrozenDateTimeFactory,
    berlin: MqttMockHAClient,
    hass: HomeAssistant,
    analyse: AsyncMock,
) -> None:
    """At 03:30 local it runs; the quarter-hour checks later that day do not run it again."""
    zone = dt_util.get_default_time_zone()
    events = async_capture_events(hass, "ai_automation_analysis_complete")
    await _setup(hass, freezer, datetime(2026, 11, 27, 1, 0, tzinfo=zone))
    await _at(hass, freezer, datetime(2026, 11, 27, 3, 29, 59, tzinfo=zone))
    assert analyse.await_count == 0
    await _at(hass, freezer, datetime(2026, 11, 27, 3, 30, 0, tzinfo=zone))
    assert analyse.await_count == 1
    for minute in (45, 60, 120):
        await _at(
            hass, freezer, datetime(2026, 11, 27, 3, 30, tzinfo=zone) + timedelta(minutes=minute)
        )
    assert analyse.await_count == 1
    await _at(hass, freezer, datetime(2026, 11, 28, 3, 30, tzinfo=zone))
    assert analyse.await_count == 2

    summary = events[0].data
    assert summary["success"] is True
    assert summary["status"] == "success"
    assert summary["patterns_detected"] == 3
    assert summary["suggestions_generated"] == 1
    assert summary["events_analysed"] == 120
    assert hass.states.get("sensor.ai_automation_last_analysis_status").state == "success"
    assert hass.states.get("sensor.ai_automation_suggestions_open").state == "1"
    topic, payload, qos, retain = berlin.async_publish.call_args_list[0].args
    assert (topic, qos, retain) == ("ha-ai/analysis/complete", 1, False)
    assert json.loads(payload)["events_analysed"] == 120
    assert json.loads(payload)["suggestions_generated"] == 1
    # Found again the next day: same suggestion, not a new one.
    assert events[1].data["suggestions_generated"] == 0


@pytest.mark.parametrize(
    ("day", "at", "checks", "expected"),
    [
        # 2026-10-25: 02:30 happens twice (summer time ends) - one run.
        ((2026, 10, 25), "02:30:00", [(2, 30, 0), (2, 45, 7), (3, 0, 7)], 1),
        # 2026-03-29: 02:30 does not exist (summer time starts) - the 03:00 check runs it.
        ((2026, 3, 29), "02:30:00", [(1, 45, 7), (3, 0, 7), (3, 15, 7)], 1),
    ],
)
async def test_dst_days_run_exactly_once(
    freezer: FrozenDateTimeFactory,
    berlin: MqttMockHAClient,
    hass: HomeAssistant,
    analyse: AsyncMock,
    day: tuple[int, int, int],
    at: str,
    checks: list[tuple[int, int, int]],
    expected: int,
) -> None:
    """No skipped day and no double run on the days the clocks change."""
    zone = dt_util.get_default_time_zone()
    start = datetime(*day, 0, 10, tzinfo=zone)
    await _setup(hass, freezer, start, analysis_time=at)
    moment = start
    while moment < start + timedelta(hours=4):  # every minute through the night, both 02:30s
        moment += timedelta(minutes=1)
        await _at(hass, freezer, dt_util.as_local(moment))
    assert analyse.await_count == expected


async def test_missed_run_catches_up_after_start(
    freezer: FrozenDateTimeFactory,
    berlin: MqttMockHAClient,
    hass: HomeAssistant,
    analyse: AsyncMock,
) -> None:
    """Home Assistant was off at 03:30: the run happens right after start, once."""
    zone = dt_util.get_default_time_zone()
    await _setup(hass, freezer, datetime(2026, 11, 27, 9, 0, tzinfo=zone))
    await hass.async_block_till_done()
    assert analyse.await_count == 1
    await _at(hass, freezer, datetime(2026, 11, 27, 9, 15, 7, tzinfo=zone))
    assert analyse.await_count == 1


async def test_run_action_returns_summary_and_joins(
    freezer: FrozenDateTimeFactory,
    berlin: MqttMockHAClient,
    hass: HomeAssistant,
    analyse: AsyncMock,
) -> None:
    """The action answers with the summary; a second request during a run joins it."""
    zone = dt_util.get_default_time_zone()
    await _setup(hass, freezer, datetime(2026, 11, 27, 1, 0, tzinfo=zone))
    release = asyncio.Event()

    async def slow(*_: Any, **__: Any) -> AnalysisResult:
        await release.wait()
        return _result()

    analyse.side_effect = slow
    first = hass.async_create_task(run_analysis(hass))
    for _ in range(20):  # time is frozen: let the run start without sleeping
        await asyncio.sleep(0)
    assert hass.states.get("sensor.ai_automation_last_analysis_status").state == "running"
    second = hass.async_create_task(run_analysis(hass))
    for _ in range(20):
        await asyncio.sleep(0)
    release.set()
    one, two = await first, await second
    assert analyse.await_count == 1
    assert one["status"] == "success"
    assert two["joined"] is True


async def test_failed_run_is_reported(
    freezer: FrozenDateTimeFactory,
    berlin: MqttMockHAClient,
    hass: HomeAssistant,
    analyse: AsyncMock,
) -> None:
    """A failure ends as status failed with the reason, everywhere; suggestions stay."""
    zone = dt_util.get_default_time_zone()
    entry = await _setup(hass, freezer, datetime(2026, 11, 27, 1, 0, tzinfo=zone))
    await run_analysis(hass)
    analyse.side_effect = RuntimeError("database is locked")
    summary = await run_analysis(hass)
    assert summary is not None
    assert (summary["success"], summary["status"]) == (False, "failed")
    assert summary["error"] == "RuntimeError: database is locked"
    assert summary["suggestions_open"] == 1
    status = hass.states.get("sensor.ai_automation_last_analysis_status")
    assert (status.state, status.attributes["error"]) == (
        "failed",
        "RuntimeError: database is locked",
    )
    payload = json.loads(berlin.async_publish.call_args_list[-1].args[1])
    assert payload["error"] == "RuntimeError: database is locked"

    # Diagnostics show the recent runs, newest first, at most ten, kept across a restart.
    analyse.side_effect = None
    for _ in range(10):
        await run_analysis(hass)
    assert await hass.config_entries.async_reload(entry.entry_id)
    analysis = (await async_get_config_entry_diagnostics(hass, entry))["analysis"]
    runs = analysis["recent_runs"]
    assert len(runs) == 10
    assert runs[0] == analysis["last_run"]
    assert "failed" not in {run["status"] for run in runs}  # the eleventh run back is gone
    analyse.side_effect = RuntimeError("disk full")
    await run_analysis(hass)
    runs = (await async_get_config_entry_diagnostics(hass, entry))["analysis"]["recent_runs"]
    assert [run["status"] for run in runs[:2]] == ["failed", "success"]
    assert runs[0]["error"] == "RuntimeError: disk full"


async def test_no_data(
    freezer: FrozenDateTimeFactory,
    berlin: MqttMockHAClient,
    hass: HomeAssistant,
    analyse: AsyncMock,
) -> None:
    """An empty history is a run with status no_data, not a failure."""
    analyse.return_value = _result([], events=0)
    zone = dt_util.get_default_time_zone()
    await _setup(hass, freezer, datetime(2026, 11, 27, 1, 0, tzinfo=zone))
    summary = await run_analysis(hass)
    assert summary is not None
    assert (summary["success"], summary["status"]) == (True, "no_data")


NEW_INSTALL_CONFIGURATION = "default_config:\nautomation: !include automations.yaml\n"


@pytest.fixture
def configuration_yaml() -> str:
    """configuration.yaml as a new Home Assistant install has it."""
    return NEW_INSTALL_CONFIGURATION


@pytest.fixture
def hass_config_dir(hass_tmp_config_dir: str, configuration_yaml: str) -> str:
    """Write a real configuration.yaml and an empty automations.yaml."""
    config = Path(hass_tmp_config_dir)
    (config / "configuration.yaml").write_text(configuration_yaml)
    (config / "automations.yaml").write_text("[]\n")
    return hass_tmp_config_dir


@pytest.fixture
async def with_automations(
    hass: HomeAssistant,
    mqtt_mock_entry: MqttMockHAClientGenerator,
    enable_custom_integrations: None,
) -> None:
    """Berlin time, mocked MQTT and the automation integration set up from configuration.yaml.

    Not the `berlin` fixture: `mqtt_mock` replaces configuration.yaml with a dict.
    """
    await hass.config.async_set_time_zone(BERLIN)
    await mqtt_mock_entry()
    config = await conf_util.async_hass_config_yaml(hass)
    assert await async_setup_component(hass, "automation", config)


async def test_accept_creates_a_working_automation_and_dismiss_persists(
    freezer: FrozenDateTimeFactory,
    hass: HomeAssistant,
    with_automations: None,
    analyse: AsyncMock,
    hass_storage: dict[str, Any],
    hass_client: ClientSessionGenerator,
    hass_admin_user: MockUser,
) -> None:
    """Accepting writes the automation where the editor keeps them, loads it, and it runs."""
    zone = dt_util.get_default_time_zone()
    entry = await _setup(hass, freezer, datetime(2026, 11, 27, 1, 0, tzinfo=zone))
    dismissed = Suggestion(**{**SUGGESTION.__dict__, "id": "zzz999", "title": "Other"})
    analyse.return_value = _result([SUGGESTION, dismissed])
    await run_analysis(hass)

    path = Path(hass.config.path("automations.yaml"))
    await hass.services.async_call(
        "ai_automation", "accept_suggestion", {"suggestion_id": "abc123"}, blocking=True
    )
    state = hass.states.get("automation.turn_on_kitchen_light_around_06_45_every_day")
    assert state is not None
    assert state.attributes["id"] == "ai_automation_abc123"
    assert "ai_automation_abc123" in await hass.async_add_executor_job(path.read_text)
    # The automation editor opens it ...
    assert await async_setup_component(hass, "config", {})
    # A token issued at the frozen time the test now runs at.
    refresh_token = await hass.auth.async_create_refresh_token(hass_admin_user, CLIENT_ID)
    client = await hass_client(hass.auth.async_create_access_token(refresh_token))
    response = await client.get("/api/config/automation/config/ai_automation_abc123")
    assert response.status == HTTPStatus.OK
    editable = await response.json()
    assert editable["alias"] == SUGGESTION.title
    assert editable["description"] == f"{SUGGESTION.description} Suggested by AI Automation."
    # ... and it works: at 06:45 the kitchen light is turned on.
    turn_on = async_mock_service(hass, "light", "turn_on")
    await _at(hass, freezer, datetime(2026, 11, 27, 6, 45, 0, tzinfo=zone))
    assert [call.data["entity_id"] for call in turn_on] == [["light.kitchen"]]

    await hass.services.async_call(
        "ai_automation", "dismiss_suggestion", {"suggestion_id": "zzz999"}, blocking=True
    )
    with pytest.raises(ServiceValidationError, match="already dismissed"):
        await hass.services.async_call(
            "ai_automation", "dismiss_suggestion", {"suggestion_id": "zzz999"}, blocking=True
        )
    with pytest.raises(ServiceValidationError, match="no suggestion with id nope"):
        await hass.services.async_call(
            "ai_automation", "accept_suggestion", {"suggestion_id": "nope"}, blocking=True
        )
    # After a restart and a new run finding both again, neither comes back as open.
    assert await hass.config_entries.async_reload(entry.entry_id)
    await run_analysis(hass)
    assert hass.states.get("sensor.ai_automation_suggestions_open").state == "0"
    stored = hass_storage["ai_automation.suggestions"]["data"]["suggestions"]
    assert {s["status"] for s in stored.values()} == {"accepted", "dismissed"}


async def test_accepted_suggestions_stay_listed_for_30_days(
    freezer: FrozenDateTimeFactory,
    hass: HomeAssistant,
    with_automations: None,
    analyse: AsyncMock,
) -> None:
    """A completed item stays in the list, under its automation's name, for 30 days."""
    zone = dt_util.get_default_time_zone()
    accepted_at = datetime(2026, 11, 27, 1, 0, tzinfo=zone)
    await _setup(hass, freezer, accepted_at)
    await run_analysis(hass)
    await hass.services.async_call(
        "todo",
        "update_item",
        {"entity_id": SUGGESTION_LIST, "item": SUGGESTION.title, "status": "completed"},
        blocking=True,
    )
    automation = "automation.turn_on_kitchen_light_around_06_45_every_day"
    assert hass.states.get(automation) is not None
    items = await _todo_items(hass)
    assert [(item["summary"], item["status"]) for item in items] == [
        (SUGGESTION.title, "completed")
    ]
    assert hass.states.get(SUGGESTION_LIST).state == "0"  # nothing left to do

    # The user renames the automation: the item shows the name it has now.
    er.async_get(hass).async_update_entity(automation, name="Morning kitchen light")
    await hass.async_block_till_done()
    assert [item["summary"] for item in await _todo_items(hass)] == ["Morning kitchen light"]
    # Unticking it does not undo the automation: the user is told how.
    with pytest.raises(ServiceValidationError, match="delete or disable the automation"):
        await hass.services.async_call(
            "todo",
            "update_item",
            {"entity_id": SUGGESTION_LIST, "item": SUGGESTION.id, "status": "needs_action"},
            blocking=True,
        )

    freezer.move_to(accepted_at + timedelta(days=29))
    assert [item["status"] for item in await _todo_items(hass)] == ["completed"]
    freezer.move_to(accepted_at + timedelta(days=30, hours=1))
    assert await _todo_items(hass) == []
    assert hass.states.get(automation) is not None


async def test_clearing_completed_items_keeps_the_automations(
    freezer: FrozenDateTimeFactory,
    hass: HomeAssistant,
    with_automations: None,
    analyse: AsyncMock,
) -> None:
    """Clearing completed items empties the list; the automation and the decision stay."""
    zone = dt_util.get_default_time_zone()
    entry = await _setup(hass, freezer, datetime(2026, 11, 27, 1, 0, tzinfo=zone))
    await run_analysis(hass)
    await hass.services.async_call(
        "ai_automation", "accept_suggestion", {"suggestion_id": SUGGESTION.id}, blocking=True
    )
    await hass.services.async_call(
        "todo", "remove_completed_items", {"entity_id": SUGGESTION_LIST}, blocking=True
    )
    assert await _todo_items(hass) == []
    assert hass.states.get("automation.turn_on_kitchen_light_around_06_45_every_day") is not None
    assert entry.runtime_data.daily.store.suggestions[SUGGESTION.id]["status"] == "accepted"


@pytest.mark.parametrize("configuration_yaml", ["default_config:\n"])
async def test_accept_says_when_automations_yaml_is_not_loaded(
    freezer: FrozenDateTimeFactory,
    hass: HomeAssistant,
    with_automations: None,
    analyse: AsyncMock,
) -> None:
    """Without `automation: !include automations.yaml` the user is told what to add."""
    zone = dt_util.get_default_time_zone()
    await _setup(hass, freezer, datetime(2026, 11, 27, 1, 0, tzinfo=zone))
    await run_analysis(hass)
    for _ in range(2):
        with pytest.raises(HomeAssistantError, match=r"automation: !include automations\.yaml"):
            await hass.services.async_call(
                "ai_automation", "accept_suggestion", {"suggestion_id": "abc123"}, blocking=True
            )
    assert hass.states.get("sensor.ai_automation_suggestions_open").state == "1"

    # Once the line is added, accepting again works and leaves one automation, not two.
    path = Path(hass.config.path("configuration.yaml"))
    await hass.async_add_executor_job(path.write_text, NEW_INSTALL_CONFIGURATION)
    await hass.services.async_call(
        "ai_automation", "accept_suggestion", {"suggestion_id": "abc123"}, blocking=True
    )
    assert hass.states.get("sensor.ai_automation_suggestions_open").state == "0"
    assert len(hass.states.async_entity_ids("automation")) == 1
    automations = await hass.async_add_executor_job(
        Path(hass.config.path("automations.yaml")).read_text
    )
    assert automations.count("id: ai_automation_abc123") == 1


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


async def _todo_items(hass: HomeAssistant) -> list[dict[str, Any]]:
    response = await hass.services.async_call(
        "todo",
        "get_items",
        {"entity_id": SUGGESTION_LIST},
        blocking=True,
        return_response=True,
    )
    assert response is not None
    items: list[dict[str, Any]] = response[SUGGESTION_LIST]["items"]
    return items
