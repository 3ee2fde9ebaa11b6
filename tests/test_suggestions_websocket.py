"""The card's websocket commands: listing, paging, filtering, deciding, snoozing, the status."""

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from homeassistant.core import HomeAssistant
from homeassistant.helpers import area_registry as ar, entity_registry as er
from homeassistant.util import dt as dt_util

from .daily_run import SUGGESTION_LIST

type Ask = Callable[..., Awaitable[dict[str, Any]]]


@pytest.fixture
async def ask(
    hass: HomeAssistant, with_suggestions: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> Ask:
    """Send a websocket command as an administrator's card does and return the answer."""
    client = await hass_ws_client(hass)

    async def ask(**message: Any) -> dict[str, Any]:
        await client.send_json_auto_id(message)
        response: dict[str, Any] = await client.receive_json()
        return response

    return ask


async def test_websocket_snooze(
    hass: HomeAssistant, with_suggestions: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    """A card can snooze a suggestion for some days (30 unless it says) and list snoozed ones."""
    client = await hass_ws_client(hass)
    await client.send_json_auto_id(
        {"type": "ai_automation/suggestions/handle", "suggestion_id": "seq1", "decision": "snooze",
         "days": 3}
    )  # fmt: skip
    handled = await client.receive_json()
    assert handled["result"]["status"] == "snoozed"
    until = dt_util.parse_datetime(handled["result"]["snoozed_until"])
    assert until is not None
    assert abs((until - dt_util.utcnow()).total_seconds() - 3 * 86400) < 60
    await client.send_json_auto_id({"type": "ai_automation/suggestions", "status": "snoozed"})
    listed = await client.receive_json()
    assert [s["id"] for s in listed["result"]["suggestions"]] == ["seq1"]


async def test_websocket_paging_filters_and_decisions(
    hass: HomeAssistant, with_suggestions: MockConfigEntry, ask: Ask
) -> None:
    """A card can page through all suggestions, filter them and dismiss one."""
    area = ar.async_get(hass).async_create("Hall")
    er.async_get(hass).async_get_or_create("light", "demo", "hall", suggested_object_id="hall")
    er.async_get(hass).async_update_entity("light.hall", area_id=area.id)
    page = await ask(type="ai_automation/suggestions", limit=1)
    assert page["result"]["total"] == 2
    assert len(page["result"]["suggestions"]) == 1
    assert (await ask(type="ai_automation/suggestions", offset=1))["result"]["total"] == 2
    by_kind = await ask(type="ai_automation/suggestions", kind="sequence")
    assert [s["id"] for s in by_kind["result"]["suggestions"]] == ["seq1"]
    by_area = await ask(type="ai_automation/suggestions", area_id=area.id)
    assert [s["id"] for s in by_area["result"]["suggestions"]] == ["seq1"]
    handled = await ask(
        type="ai_automation/suggestions/handle", suggestion_id="seq1", decision="dismiss"
    )
    assert handled["result"]["status"] == "dismissed"
    again = await ask(
        type="ai_automation/suggestions/handle", suggestion_id="seq1", decision="dismiss"
    )
    assert again["error"]["code"] == "invalid"
    dismissed = await ask(type="ai_automation/suggestions", status="dismissed")
    assert dismissed["result"]["total"] == 1
    restored = await ask(
        type="ai_automation/suggestions/handle", suggestion_id="seq1", decision="restore"
    )
    assert restored["result"]["status"] == "new"
    assert hass.states.get(SUGGESTION_LIST).state == "2"
    not_dismissed = await ask(
        type="ai_automation/suggestions/handle", suggestion_id="seq1", decision="restore"
    )
    assert not_dismissed["error"]["code"] == "invalid"


async def test_a_snoozed_suggestion_can_be_taken_back(
    hass: HomeAssistant, with_suggestions: MockConfigEntry, ask: Ask
) -> None:
    """The card's Undo after Snooze: `restore` makes a snoozed suggestion open again at once."""
    snoozed = await ask(
        type="ai_automation/suggestions/handle", suggestion_id="seq1", decision="snooze", days=30
    )
    assert snoozed["result"]["status"] == "snoozed"
    assert hass.states.get(SUGGESTION_LIST).state == "1"
    restored = await ask(
        type="ai_automation/suggestions/handle", suggestion_id="seq1", decision="restore"
    )
    assert restored["result"]["status"] == "new"
    assert "snoozed_until" not in restored["result"]
    assert hass.states.get(SUGGESTION_LIST).state == "2"


async def test_websocket_commands_are_for_admins_only(
    hass: HomeAssistant,
    with_suggestions: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    hass_read_only_access_token: str,
) -> None:
    """A user who is not an administrator can neither list nor decide on suggestions."""
    client = await hass_ws_client(hass, hass_read_only_access_token)
    for message in (
        {"type": "ai_automation/suggestions"},
        {
            "type": "ai_automation/suggestions/handle",
            "suggestion_id": "seq1",
            "decision": "dismiss",
        },
    ):
        await client.send_json_auto_id(message)
        response = await client.receive_json()
        assert response["error"]["code"] == "unauthorized"
    assert hass.states.get(SUGGESTION_LIST).state == "2"


async def test_websocket_status_and_several_kinds_and_areas(
    hass: HomeAssistant, with_suggestions: MockConfigEntry, ask: Ask
) -> None:
    """The card's header reads the last run; its options pick several kinds and areas."""
    status = (await ask(type="ai_automation/status"))["result"]
    assert status["running"] is False
    assert status["last_run"]["status"] == "success"
    assert status["last_run"]["events_analysed"] == 120
    assert status["suggestions_open"] == 2
    assert (status["lookback_days"], status["min_days"]) == (14, 5)
    assert status["decisions"] == ["accept", "dismiss", "restore", "snooze"]
    both = await ask(type="ai_automation/suggestions", kinds=["habit", "sequence"])
    assert both["result"]["total"] == 2
    unknown = await ask(type="ai_automation/suggestions", kinds=["presence"])
    assert unknown["result"]["total"] == 0
    nowhere = await ask(type="ai_automation/suggestions", area_ids=["attic", "cellar"])
    assert nowhere["result"]["total"] == 0
    assert await hass.config_entries.async_unload(with_suggestions.entry_id)
    gone = await ask(type="ai_automation/status")
    assert gone["error"]["code"] == "not_loaded"
