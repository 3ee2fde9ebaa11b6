"""Accepting and dismissing after a daily run: a working automation, kept decisions, the list."""

from datetime import datetime, timedelta
from http import HTTPStatus
from pathlib import Path
from typing import Any
from unittest.mock import AsyncMock

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import CLIENT_ID, MockUser, async_mock_service
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.ai_automation.engine.suggestions.suggestion import Suggestion
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import entity_registry as er
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util

from ..conftest import run_analysis, setup_at as _setup
from ..daily_run import (
    SUGGESTION,
    SUGGESTION_LIST,
    analysis_result as _result,
    move_clock_to as _at,
    todo_items as _todo_items,
)
from .conftest import NEW_INSTALL_CONFIGURATION

pytestmark = pytest.mark.schedule


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
