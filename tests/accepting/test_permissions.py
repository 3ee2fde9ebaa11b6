"""Only administrators (and automations) decide on suggestions: accept, dismiss, edit."""

from pathlib import Path
from typing import Any

import pytest
from pytest_homeassistant_custom_component.common import CLIENT_ID, MockConfigEntry, MockUser
from pytest_homeassistant_custom_component.typing import MockHAClientWebSocket, WebSocketGenerator

from custom_components.ai_automation.engine.suggestions.suggestion import Suggestion
from homeassistant.auth.const import GROUP_ID_USER
from homeassistant.auth.models import User
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import Unauthorized
from homeassistant.util.yaml import dump

from ..conftest import DEFAULT_OPTIONS, run_analysis, setup_integration
from ..daily_run import SUGGESTION, SUGGESTION_LIST, analysis_finding, analysis_result as _result

# The automation integration is set up from configuration.yaml before AI Automation.
pytestmark = pytest.mark.usefixtures("with_automations")

OTHER = Suggestion(**{**SUGGESTION.__dict__, "id": "zzz999", "title": "Hall light at dusk"})
AUTOMATION_ID = f"ai_automation_{SUGGESTION.id}"
TABLET_BUTTON = "wall_tablet_button"


@pytest.fixture
async def family_member(hass: HomeAssistant, hass_owner_user: MockUser) -> User:
    """Return a user who is not an administrator, as Settings → People creates one."""
    user = await hass.auth.async_create_user("Wall tablet", group_ids=[GROUP_ID_USER])
    assert not user.is_admin
    return user


@pytest.fixture
async def entry(hass: HomeAssistant) -> MockConfigEntry:
    """AI Automation after a run that found two suggestions."""
    entry = MockConfigEntry(domain="ai_automation", options=dict(DEFAULT_OPTIONS))
    await setup_integration(hass, entry)
    with analysis_finding(_result([SUGGESTION, OTHER])):
        await run_analysis(hass)
    return entry


async def _automations_yaml(hass: HomeAssistant) -> str:
    return await hass.async_add_executor_job(Path(hass.config.path("automations.yaml")).read_text)


async def _assert_nothing_changed(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    assert await _automations_yaml(hass) == "[]\n"
    assert hass.states.async_entity_ids("automation") == []
    assert hass.states.get(SUGGESTION_LIST).state == "2"
    store = entry.runtime_data.daily.store
    assert {store.suggestions[s.id]["status"] for s in (SUGGESTION, OTHER)} == {"new"}


@pytest.fixture
async def family_client(
    hass: HomeAssistant, family_member: User, hass_ws_client: WebSocketGenerator
) -> MockHAClientWebSocket:
    """Return a websocket connection of the family member, as their wall tablet has."""
    refresh_token = await hass.auth.async_create_refresh_token(family_member, CLIENT_ID)
    return await hass_ws_client(hass, hass.auth.async_create_access_token(refresh_token))


@pytest.mark.parametrize("action", ["accept_suggestion", "dismiss_suggestion"])
async def test_a_non_admin_cannot_call_the_actions(
    hass: HomeAssistant, entry: MockConfigEntry, family_member: User, action: str
) -> None:
    """accept_suggestion and dismiss_suggestion refuse a user who is not an administrator."""
    with pytest.raises(Unauthorized):
        await hass.services.async_call(
            "ai_automation",
            action,
            {"suggestion_id": SUGGESTION.id},
            blocking=True,
            context=Context(user_id=family_member.id),
        )
    await _assert_nothing_changed(hass, entry)


@pytest.mark.parametrize(
    ("service", "data"),
    [
        ("update_item", {"item": SUGGESTION.title, "status": "completed"}),
        ("update_item", {"item": SUGGESTION.title, "rename": "Kitchen light at 7"}),
        ("remove_item", {"item": [SUGGESTION.title, OTHER.title]}),
    ],
    ids=["complete", "edit", "delete"],
)
async def test_a_non_admin_cannot_complete_edit_or_delete_items(
    hass: HomeAssistant,
    entry: MockConfigEntry,
    family_client: MockHAClientWebSocket,
    service: str,
    data: dict[str, Any],
) -> None:
    """From the to-do dashboard, a non-admin is told only an administrator may; nothing changes."""
    await family_client.send_json_auto_id(
        {
            "type": "call_service",
            "domain": "todo",
            "service": service,
            "target": {"entity_id": SUGGESTION_LIST},
            "service_data": data,
        }
    )
    response = await family_client.receive_json()
    assert response["success"] is False
    assert response["error"]["translation_domain"] == "ai_automation"
    assert response["error"]["translation_key"] == "admin_required"
    assert response["error"]["message"] == (
        "Only an administrator can accept, dismiss or change automation suggestions"
    )
    await _assert_nothing_changed(hass, entry)


async def test_an_admin_accepts_from_the_list_and_an_automation_may_dismiss(
    hass: HomeAssistant,
    entry: MockConfigEntry,
    family_member: User,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """An administrator's completed item creates the automation; an automation may dismiss."""
    client = await hass_ws_client(hass)  # an administrator's token
    await client.send_json_auto_id(
        {
            "type": "call_service",
            "domain": "todo",
            "service": "update_item",
            "target": {"entity_id": SUGGESTION_LIST},
            "service_data": {"item": SUGGESTION.title, "status": "completed"},
        }
    )
    assert (await client.receive_json())["success"] is True
    assert f"id: {AUTOMATION_ID}" in await _automations_yaml(hass)
    state = hass.states.get("automation.turn_on_kitchen_light_around_06_45_every_day")
    assert state is not None
    assert state.attributes["id"] == AUTOMATION_ID
    store = entry.runtime_data.daily.store
    assert store.suggestions[SUGGESTION.id]["status"] == "accepted"

    # An automation has no user in its context: like any admin action, it may still dismiss,
    # even when a non-admin's button press started it.
    dismisser = {
        "id": "dismiss_from_tablet",
        "alias": "Dismiss from the wall tablet",
        "triggers": [{"trigger": "event", "event_type": TABLET_BUTTON}],
        "actions": [
            {"action": "ai_automation.dismiss_suggestion", "data": {"suggestion_id": OTHER.id}}
        ],
    }
    path = Path(hass.config.path("automations.yaml"))
    written = await _automations_yaml(hass)
    await hass.async_add_executor_job(path.write_text, written + dump([dismisser]))
    await hass.services.async_call("automation", "reload", blocking=True)
    hass.bus.async_fire(TABLET_BUTTON, context=Context(user_id=family_member.id))
    await hass.async_block_till_done()
    assert store.suggestions[OTHER.id]["status"] == "dismissed"
    assert hass.states.get(SUGGESTION_LIST).state == "0"


async def test_a_non_admin_cannot_run_the_analysis(
    hass: HomeAssistant,
    entry: MockConfigEntry,
    family_member: User,
    family_client: MockHAClientWebSocket,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """run_analysis (it changes the stored suggestions) is refused to a non-admin, not run."""
    store = entry.runtime_data.daily.store
    runs = len(store.recent_runs)
    await family_client.send_json_auto_id(
        {"type": "call_service", "domain": "ai_automation", "service": "run_analysis"}
    )
    response = await family_client.receive_json()
    assert response["success"] is False  # as for every admin action: home_assistant_error
    assert response["error"]["message"] == "Unauthorized"
    with pytest.raises(Unauthorized):
        await hass.services.async_call(
            "ai_automation",
            "run_analysis",
            blocking=True,
            context=Context(user_id=family_member.id),
        )
    assert len(store.recent_runs) == runs

    admin = await hass_ws_client(hass)
    with analysis_finding(_result([SUGGESTION, OTHER])):
        await admin.send_json_auto_id(
            {
                "type": "call_service",
                "domain": "ai_automation",
                "service": "run_analysis",
                "return_response": True,
            }
        )
        response = await admin.receive_json()
    assert response["success"] is True
    assert response["result"]["response"]["success"] is True
    assert len(store.recent_runs) == runs + 1


async def test_only_an_admin_reads_the_households_habits(
    hass: HomeAssistant,
    entry: MockConfigEntry,
    family_client: MockHAClientWebSocket,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """The capabilities command (every device's use: values, changes, days) is admin-only."""
    await family_client.send_json_auto_id({"type": "ai_automation/capabilities"})
    response = await family_client.receive_json()
    assert response["success"] is False
    assert response["error"]["code"] == "unauthorized"
    assert "result" not in response

    admin = await hass_ws_client(hass)
    await admin.send_json_auto_id({"type": "ai_automation/capabilities"})
    response = await admin.receive_json()
    assert response["success"] is True
    assert response["result"]["base_topic"] == "zigbee2mqtt"


async def test_the_run_analysis_button_follows_entity_permissions(
    hass: HomeAssistant,
    entry: MockConfigEntry,
    family_client: MockHAClientWebSocket,
) -> None:
    """A user who may control the button may press it (as for every button in core)."""
    store = entry.runtime_data.daily.store
    runs = len(store.recent_runs)
    with analysis_finding(_result([SUGGESTION, OTHER])):
        await family_client.send_json_auto_id(
            {
                "type": "call_service",
                "domain": "button",
                "service": "press",
                "target": {"entity_id": "button.ai_automation_run_analysis"},
            }
        )
        assert (await family_client.receive_json())["success"] is True
    assert len(store.recent_runs) == runs + 1
    await _assert_nothing_changed(hass, entry)  # it decided nothing
