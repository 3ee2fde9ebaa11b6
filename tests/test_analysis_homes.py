"""The analysis of recorded homes: tool accounts, sun habits, light groups, presence, first days."""

from datetime import datetime, timedelta

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)
from pytest_homeassistant_custom_component.typing import MqttMockHAClient

from custom_components.ai_automation.analysis.run import async_analyse
from custom_components.ai_automation.settings import Settings
from homeassistant.components import persistent_notification
from homeassistant.components.automation.config import async_validate_config_item
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.sun import get_astral_event_date
from homeassistant.util import dt as dt_util

from .conftest import run_analysis, setup_integration


async def test_tool_accounts_are_automations(
    freezer: FrozenDateTimeFactory,
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
) -> None:
    """Node-RED's system user and a chosen AppDaemon account act on schedules: no habits."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    node_red = await hass.auth.async_create_system_user("Node-RED")
    appdaemon = await hass.auth.async_create_user("AppDaemon")
    anna = await hass.auth.async_create_user("Anna")
    zone = dt_util.get_default_time_zone()
    today = dt_util.now().date()
    users = {"light.porch": node_red.id, "light.desk": appdaemon.id, "light.reading": anna.id}
    for days_ago in range(14, 0, -1):
        day = datetime.combine(today - timedelta(days=days_ago), datetime.min.time(), zone)
        for number, (entity_id, user_id) in enumerate(users.items()):
            for minute, state in ((600 + 60 * number, "on"), (630 + 60 * number, "off")):
                freezer.move_to(day + timedelta(minutes=minute + days_ago % 3))
                hass.states.async_set(entity_id, state, context=Context(user_id=user_id))
                await hass.async_block_till_done()
    freezer.move_to(datetime.combine(today, datetime.min.time(), zone) + timedelta(hours=3))
    await async_wait_recording_done(hass)
    await setup_integration(hass, config_entry)

    everyone = await async_analyse(
        hass, Settings(lookback_days=14), config_entry.runtime_data.known_devices
    )
    assert {s.entities for s in everyone.suggestions} == {("light.desk",), ("light.reading",)}
    chosen = await async_analyse(
        hass,
        Settings(lookback_days=14, automated_users=(appdaemon.id,)),
        config_entry.runtime_data.known_devices,
    )
    assert {s.entities for s in chosen.suggestions} == {("light.reading",)}


async def test_sun_relative_habit_gets_a_sun_trigger(
    freezer: FrozenDateTimeFactory,
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
) -> None:
    """Porch light 10 min after sunset while sunset drifts 25 min: a sun trigger, not a clock."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    hass.config.latitude, hass.config.longitude = 52.52, 13.40
    zone = dt_util.get_default_time_zone()
    first = datetime(2026, 3, 1, tzinfo=zone).date()
    for number in range(14):
        day = first + timedelta(days=number)
        sunset = get_astral_event_date(hass, "sunset", day)
        assert sunset is not None
        on = sunset + timedelta(minutes=10 + (number * 7) % 5 - 2)
        for moment, state in ((on, "on"), (on + timedelta(hours=4), "off")):
            freezer.move_to(moment)
            hass.states.async_set("light.porch", state, context=Context())
            await hass.async_block_till_done()
    freezer.move_to(datetime.combine(first + timedelta(days=14), datetime.min.time(), zone))
    await async_wait_recording_done(hass)
    await setup_integration(hass, config_entry)
    result = await async_analyse(
        hass, Settings(lookback_days=14), config_entry.runtime_data.known_devices
    )
    (porch,) = [s for s in result.suggestions if s.title.startswith("Turn on porch")]
    assert porch.kind == "sun"
    assert porch.title == "Turn on porch 10 min after sunset every day"
    assert porch.automation is not None
    assert porch.automation["triggers"] == [
        {"trigger": "sun", "event": "sunset", "offset": "00:10:00"}
    ]
    assert await async_validate_config_item(hass, "x", porch.automation) is not None


async def test_lights_switched_together_are_one_suggestion(
    freezer: FrozenDateTimeFactory,
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
) -> None:
    """Three lights switched on within a minute at about 19:00: one suggestion, three actions."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    zone = dt_util.get_default_time_zone()
    today = dt_util.now().date()
    lights = ("light.sofa", "light.shelf", "light.ceiling")
    for days_ago in range(14, 0, -1):
        day = datetime.combine(today - timedelta(days=days_ago), datetime.min.time(), zone)
        for state, minute in (("on", 1140 + days_ago % 4), ("off", 1380 + days_ago % 5)):
            for number, light in enumerate(lights):
                seconds = (number * 17 + days_ago * 5) % 50
                freezer.move_to(day + timedelta(minutes=minute, seconds=seconds))
                hass.states.async_set(light, state, context=Context())
                await hass.async_block_till_done()
    freezer.move_to(datetime.combine(today, datetime.min.time(), zone) + timedelta(hours=3))
    await async_wait_recording_done(hass)
    await setup_integration(hass, config_entry)
    result = await async_analyse(
        hass, Settings(lookback_days=14), config_entry.runtime_data.known_devices
    )
    assert [s.kind for s in result.suggestions] == ["group", "group"]
    evening = next(s for s in result.suggestions if s.title.startswith("Turn on"))
    assert evening.automation is not None
    assert evening.automation["triggers"][0]["trigger"] == "time"
    assert sorted(a["target"]["entity_id"] for a in evening.automation["actions"]) == sorted(lights)
    assert await async_validate_config_item(hass, "x", evening.automation) is not None


async def test_presence_arrivals_departures_and_home_only_habits(
    freezer: FrozenDateTimeFactory,
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
) -> None:
    """Hall light when Anna arrives, kitchen off when the last person leaves, a lamp only at home."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    zone = dt_util.get_default_time_zone()
    today = dt_util.now().date()
    moments: list[tuple[datetime, str, str]] = []
    for days_ago in range(14, 0, -1):
        day = datetime.combine(today - timedelta(days=days_ago), datetime.min.time(), zone)
        if days_ago % 4 == 0:
            continue  # away all day: nobody home, the lamp stays off
        arrive = day + timedelta(minutes=1020 + days_ago * 7 % 60)
        leave = day + timedelta(minutes=1380 + days_ago % 5)
        moments += [
            (arrive, "person.anna", "home"),
            (arrive, "zone.home", "1"),
            (arrive + timedelta(seconds=40), "light.hall", "on"),
            (arrive + timedelta(minutes=20), "light.hall", "off"),
            (day + timedelta(minutes=1200 + days_ago % 3), "light.lamp", "on"),
            (day + timedelta(minutes=1290 + days_ago % 4), "light.lamp", "off"),
            (leave, "person.anna", "not_home"),
            (leave, "zone.home", "0"),
            (leave + timedelta(seconds=30), "light.kitchen", "off"),
            (leave - timedelta(minutes=50 + days_ago % 7), "light.kitchen", "on"),
        ]
    for moment, entity_id, state in sorted(moments):
        freezer.move_to(moment)
        hass.states.async_set(entity_id, state, context=Context())
        await hass.async_block_till_done()
    freezer.move_to(datetime.combine(today, datetime.min.time(), zone) + timedelta(hours=3))
    await async_wait_recording_done(hass)
    await setup_integration(hass, config_entry)
    result = await async_analyse(
        hass, Settings(lookback_days=14), config_entry.runtime_data.known_devices
    )
    titles = {s.title: s for s in result.suggestions}
    assert "Turn on hall when anna arrives" in titles
    assert "Turn off kitchen when the last person leaves" in titles
    leaves = titles["Turn off kitchen when the last person leaves"]
    assert leaves.automation is not None
    assert leaves.automation["triggers"] == [
        {"trigger": "state", "entity_id": "zone.home", "to": "0"}
    ]
    (lamp,) = [s for s in result.suggestions if s.title.startswith("Turn on lamp")]
    assert lamp.title.endswith("every day when someone is home")
    assert lamp.automation is not None
    assert {"condition": "numeric_state", "entity_id": "zone.home", "above": 0} in (
        lamp.automation["conditions"]
    )
    for suggestion in result.suggestions:
        assert suggestion.automation is not None
        assert await async_validate_config_item(hass, "x", suggestion.automation) is not None


@pytest.mark.parametrize(
    ("language", "days", "status", "title", "message"),
    [
        (
            "en",
            2,
            "learning",
            "AI Automation",
            "The first analysis read 2 days of history (17 changes). Habits need at least 5 days of"
            " history, so the first suggestions usually come after about a week. AI Automation"
            " looks again every day at 03:30; there is nothing to do meanwhile.",
        ),
        (
            "en",
            9,
            "success",
            "AI Automation",
            "The first analysis read 9 days of history (73 changes) and found nothing worth"
            " automating yet. AI Automation looks again every day at 03:30.",
        ),
        (
            "de",
            2,
            "learning",
            "AI Automation",
            "Die erste Analyse hat den Verlauf von 2 Tagen gelesen (17 Änderungen). Gewohnheiten"
            " brauchen einen Verlauf von mindestens 5 Tagen, daher kommen die ersten Vorschläge"
            " meist nach etwa einer Woche. AI Automation schaut jeden Tag um 03:30 Uhr erneut"
            " nach; bis dahin ist nichts zu tun.",
        ),
        (
            "de",
            9,
            "success",
            "AI Automation",
            "Die erste Analyse hat den Verlauf von 9 Tagen gelesen (73 Änderungen) und noch nichts"
            " gefunden, was sich zu automatisieren lohnt. AI Automation schaut jeden Tag um 03:30"
            " Uhr erneut nach.",
        ),
    ],
    ids=["en-learning", "en-nothing-yet", "de-learning", "de-nothing-yet"],
)
async def test_the_first_days_say_what_to_expect(
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    config_entry: MockConfigEntry,
    language: str,
    days: int,
    status: str,
    title: str,
    message: str,
) -> None:
    """A new home hears once, in its language, how much history there is and what comes next."""
    hass.config.language = language
    start = dt_util.utcnow()
    hours = 0
    while hours <= days * 24:  # a person switching a light at no fixed time
        drift = timedelta(minutes=hours // 24 % days * 40 % 180)  # (other times every day)
        freezer.move_to(start + timedelta(hours=hours) + drift)
        hass.states.async_set("light.kitchen", "on" if hours % 2 else "off", context=Context())
        hours += 3
    freezer.move_to(start + timedelta(days=days, minutes=1))
    await async_wait_recording_done(hass)
    await setup_integration(hass, config_entry)

    summary = await run_analysis(hass)
    assert summary["history_days"] == days
    assert summary["suggestions_generated"] == 0
    status_sensor = er.async_get(hass).async_get_entity_id(
        "sensor", "ai_automation", f"{config_entry.entry_id}_last_run_status"
    )  # (its entity id is German in a German home)
    assert status_sensor is not None
    sensor = hass.states.get(status_sensor)
    assert sensor.state == status
    assert sensor.attributes["history_days"] == days
    notifications = persistent_notification._async_get_or_create_notifications(hass)
    shown = notifications["ai_automation_first_analysis"]
    assert (shown["title"], shown["message"]) == (title, message)

    # Only after the first run: the user dismissed it, and the next run leaves them in peace.
    persistent_notification.async_dismiss(hass, "ai_automation_first_analysis")
    await run_analysis(hass)
    assert "ai_automation_first_analysis" not in (
        persistent_notification._async_get_or_create_notifications(hass)
    )
