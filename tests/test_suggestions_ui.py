"""Where users meet suggestions: the to-do list, the notification, the actions, MQTT."""

import asyncio
from datetime import datetime
import json
from typing import Any
from unittest.mock import AsyncMock, patch

from paho.mqtt import client as paho_mqtt
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockUser,
    async_capture_events,
)
from pytest_homeassistant_custom_component.typing import MqttMockHAClient

from custom_components.ai_automation.engine.suggestions.suggestion import Suggestion
from homeassistant.components import persistent_notification
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import Unauthorized
from homeassistant.util import dt as dt_util

from .conftest import DEFAULT_OPTIONS, run_analysis, setup_integration, wait_until
from .daily_run import (
    ANALYSE,
    SECOND,
    SUGGESTION,
    SUGGESTION_LIST,
    analysis_finding,
    analysis_result as _result,
    todo_items as _todo_items,
)
from .mosquitto import Broker


async def test_todo_list_shows_and_dismisses(
    hass: HomeAssistant, with_suggestions: MockConfigEntry
) -> None:
    """Open suggestions are to-do items; deleting one dismisses it."""
    items = await hass.services.async_call(
        "todo", "get_items", {"entity_id": SUGGESTION_LIST}, blocking=True, return_response=True
    )
    assert items is not None
    listed = items[SUGGESTION_LIST]["items"]  # type: ignore[index]
    assert {item["summary"] for item in listed} == {SUGGESTION.title, "Hall"}
    assert hass.states.get(SUGGESTION_LIST).state == "2"
    await hass.services.async_call(
        "todo", "remove_item", {"entity_id": SUGGESTION_LIST, "item": "Hall"}, blocking=True
    )
    assert hass.states.get(SUGGESTION_LIST).state == "1"
    store = with_suggestions.runtime_data.daily.store
    assert store.suggestions["seq1"]["status"] == "dismissed"


async def test_todo_list_is_named_once(
    hass: HomeAssistant, with_suggestions: MockConfigEntry
) -> None:
    """The list reads "AI Automation Suggestions" in the sidebar, not "Automation" twice."""
    assert hass.states.get(SUGGESTION_LIST).name == "AI Automation Suggestions"


EN_NEXT = (
    "See the *AI Automation Suggestions* to-do list: complete an item to create the automation,"
    " delete it to dismiss it."
)


DE_NEXT = (
    "Sieh dir die To-do-Liste *AI Automation Vorschläge* an: Markiere einen Eintrag als erledigt,"
    " um die Automation zu erstellen, oder lösche ihn, um den Vorschlag abzulehnen."
)


NL_NEXT = (
    "Bekijk de takenlijst *AI Automation Suggesties*: vink een item af om de automatisering te"
    " maken, of verwijder het om de suggestie af te wijzen."
)


@pytest.mark.parametrize(
    ("language", "found", "message"),
    [
        ("en", [SUGGESTION], f"The analysis found 1 new automation suggestion. {EN_NEXT}"),
        ("en", [SUGGESTION, SECOND], f"The analysis found 2 new automation suggestions. {EN_NEXT}"),
        ("de", [SUGGESTION], f"Die Analyse hat 1 neuen Automationsvorschlag gefunden. {DE_NEXT}"),
        (
            "de",
            [SUGGESTION, SECOND],
            f"Die Analyse hat 2 neue Automationsvorschläge gefunden. {DE_NEXT}",
        ),
        (
            "nl",
            [SUGGESTION],
            f"De analyse heeft 1 nieuwe automatiseringssuggestie gevonden. {NL_NEXT}",
        ),
        (
            "nl",
            [SUGGESTION, SECOND],
            f"De analyse heeft 2 nieuwe automatiseringssuggesties gevonden. {NL_NEXT}",
        ),
        # A language AI Automation does not speak (yet) gets English.
        ("fr", [SUGGESTION, SECOND], f"The analysis found 2 new automation suggestions. {EN_NEXT}"),
    ],
    ids=["en-one", "en-two", "de-one", "de-two", "nl-one", "nl-two", "fr-english"],
)
async def test_notification_counts_in_words(
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
    language: str,
    found: list[Suggestion],
    message: str,
) -> None:
    """The notification speaks the home's language and says one suggestion or several."""
    hass.config.language = language
    await setup_integration(hass, config_entry)
    with analysis_finding(_result(found)):
        await run_analysis(hass)
    notifications = persistent_notification._async_get_or_create_notifications(hass)
    shown = notifications["ai_automation_new_suggestions"]
    assert (shown["title"], shown["message"]) == ("AI Automation", message)


async def test_completing_an_item_accepts_it(
    hass: HomeAssistant, with_suggestions: MockConfigEntry
) -> None:
    """Completing an item accepts the suggestion (creating its automation)."""
    with patch("custom_components.ai_automation.todo.async_accept", AsyncMock()) as accept:
        await hass.services.async_call(
            "todo",
            "update_item",
            {"entity_id": SUGGESTION_LIST, "item": SUGGESTION.title, "status": "completed"},
            blocking=True,
        )
    accept.assert_awaited_once()
    assert accept.await_args is not None
    assert accept.await_args.args[2] == SUGGESTION.id


async def test_due_date_snoozes_an_item(
    hass: HomeAssistant, with_suggestions: MockConfigEntry
) -> None:
    """Giving an item a due date puts the suggestion away until then."""
    await hass.services.async_call(
        "todo",
        "update_item",
        {"entity_id": SUGGESTION_LIST, "item": "Hall", "due_date": "2030-01-15"},
        blocking=True,
    )
    stored = with_suggestions.runtime_data.daily.store.suggestions["seq1"]
    assert stored["status"] == "snoozed"
    until = dt_util.parse_datetime(stored["snoozed_until"])
    assert until is not None
    assert dt_util.as_local(until).date().isoformat() == "2030-01-15"
    assert hass.states.get(SUGGESTION_LIST).state == "1"


async def test_due_time_snoozes_until_then(
    hass: HomeAssistant, with_suggestions: MockConfigEntry
) -> None:
    """A due date with a time snoozes the suggestion until that very moment."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    await hass.services.async_call(
        "todo",
        "update_item",
        {"entity_id": SUGGESTION_LIST, "item": "Hall", "due_datetime": "2030-01-15 08:30:00"},
        blocking=True,
    )
    stored = with_suggestions.runtime_data.daily.store.suggestions["seq1"]
    until = dt_util.parse_datetime(stored["snoozed_until"])
    assert until is not None
    assert dt_util.as_local(until).isoformat() == "2030-01-15T08:30:00+01:00"


async def test_snooze_action_is_for_admins_only(
    hass: HomeAssistant, with_suggestions: MockConfigEntry, hass_read_only_user: MockUser
) -> None:
    """A user who is not an administrator cannot snooze suggestions through the action."""
    with pytest.raises(Unauthorized):
        await hass.services.async_call(
            "ai_automation",
            "snooze_suggestion",
            {"suggestion_id": "seq1"},
            blocking=True,
            context=Context(user_id=hass_read_only_user.id),
        )
    assert with_suggestions.runtime_data.daily.store.suggestions["seq1"]["status"] == "new"


async def test_new_suggestions_notification_can_be_turned_off(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant
) -> None:
    """A run with new suggestions leaves a notification, unless the option is off."""
    entry = MockConfigEntry(
        domain="ai_automation", options={**DEFAULT_OPTIONS, "persistent_notification": False}
    )
    await setup_integration(hass, entry)
    analyse = AsyncMock(return_value=_result([SUGGESTION]))
    with patch(ANALYSE, analyse):
        await run_analysis(hass)
    notifications = hass.data.get("persistent_notification", {})
    assert "ai_automation_new_suggestions" not in str(notifications)
    hass.config_entries.async_update_entry(
        entry, options={**entry.options, "persistent_notification": True}
    )
    assert await hass.config_entries.async_reload(entry.entry_id)
    analyse.return_value = _result([SECOND])
    with patch(ANALYSE, analyse):
        await run_analysis(hass)
    assert "ai_automation_new_suggestions" in str(hass.data.get("persistent_notification", {}))

    # Once the user has handled every open suggestion, the notification goes away by itself.
    for suggestion_id in (SUGGESTION.id, SECOND.id):
        await hass.services.async_call(
            "ai_automation", "dismiss_suggestion", {"suggestion_id": suggestion_id}, blocking=True
        )
        assert ("ai_automation_new_suggestions" in str(hass.data["persistent_notification"])) is (
            suggestion_id == SUGGESTION.id
        )


async def test_unload_cancels_a_running_analysis(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, config_entry: MockConfigEntry
) -> None:
    """Unloading while a run is going cancels it cleanly; the last good results stay stored."""
    await setup_integration(hass, config_entry)
    with analysis_finding(_result([SUGGESTION])):
        await run_analysis(hass)
    started = asyncio.Event()

    async def forever(*_: Any, **__: Any) -> Any:
        started.set()
        await asyncio.Event().wait()

    with patch(ANALYSE, forever):
        button = hass.async_create_task(
            hass.services.async_call(
                "button", "press", {"entity_id": "button.ai_automation_run_analysis"}, blocking=True
            )
        )
        await started.wait()
        assert await hass.config_entries.async_unload(config_entry.entry_id)
        with pytest.raises(asyncio.CancelledError):
            await button
    assert not [task for task in asyncio.all_tasks() if "analysis run" in task.get_name()]

    # Loaded again: the suggestion found before is still open, and the cut-off run says so.
    assert await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    assert hass.states.get("sensor.ai_automation_suggestions_open").state == "1"
    assert [item["summary"] for item in await _todo_items(hass)] == [SUGGESTION.title]
    status = hass.states.get("sensor.ai_automation_last_analysis_status")
    assert status.state == "failed"
    assert status.attributes["error"] == "cancelled"


@pytest.mark.parametrize(
    ("outcome", "expected"),
    [
        (
            _result([SUGGESTION]),
            {"success": True, "status": "success", "suggestions_generated": 1,
             "suggestions_open": 1, "events_analysed": 120, "patterns_detected": 3,
             "error": None},
        ),
        (
            _result([], events=0),
            {"success": True, "status": "no_data", "suggestions_generated": 0,
             "suggestions_open": 0, "events_analysed": 0, "error": None},
        ),
        (
            RuntimeError("database is locked"),
            {"success": False, "status": "failed", "suggestions_generated": 0,
             "error": "RuntimeError: database is locked"},
        ),
    ],
    ids=["success", "no_data", "failed"],
)  # fmt: skip
async def test_real_broker_subscriber_gets_the_summary(
    real_mqtt_entry: MockConfigEntry,
    hass: HomeAssistant,
    mosquitto: Broker,
    config_entry: MockConfigEntry,
    outcome: Any,
    expected: dict[str, Any],
) -> None:
    """Against Mosquitto: after every run a subscriber gets the JSON summary; HA shows the same."""
    received: list[dict[str, Any]] = []
    subscriber = paho_mqtt.Client(paho_mqtt.CallbackAPIVersion.VERSION2, client_id="listener")
    subscriber.username_pw_set(mosquitto.username, mosquitto.password)
    subscriber.on_message = lambda *args: received.append(
        {"retained": args[2].retain, "qos": args[2].qos, **json.loads(args[2].payload)}
    )
    subscriber.on_connect = lambda client, *_: client.subscribe("ha-ai/analysis/complete", 1)
    subscriber.connect(mosquitto.host, mosquitto.port)
    subscriber.loop_start()
    events = async_capture_events(hass, "ai_automation_analysis_complete")
    try:
        await setup_integration(hass, config_entry)
        await wait_until(
            hass,
            lambda: hass.states.get("binary_sensor.ai_automation_mqtt_broker").state == "on",
            "connected",
        )
        with patch(
            ANALYSE,
            AsyncMock(
                side_effect=outcome if isinstance(outcome, Exception) else None,
                return_value=outcome,
            ),
        ):
            await run_analysis(hass)
        await wait_until(hass, lambda: bool(received), "the summary arrives")
    finally:
        subscriber.loop_stop()
        subscriber.disconnect()
    message = received[0]
    assert (message["retained"], message["qos"]) == (False, 1)
    assert message["event"] == "analysis_complete"
    assert {key: message[key] for key in expected} == expected
    assert datetime.fromisoformat(message["timestamp"]) <= dt_util.utcnow()
    assert message["processing_time_sec"] >= 0
    assert [event.data["status"] for event in events] == [expected["status"]]
    assert hass.states.get("sensor.ai_automation_last_analysis_status").state == expected["status"]
    assert hass.states.get("sensor.ai_automation_suggestions_open").state == str(
        message["suggestions_open"]
    )
