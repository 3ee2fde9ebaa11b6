"""History through the real recorder (SQLite), and the analysis with valid automations out."""

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_mqtt_message
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)
from pytest_homeassistant_custom_component.typing import MqttMockHAClient

from custom_components.ai_automation.analysis.run import async_analyse, entities_to_analyse
from custom_components.ai_automation.recorder_reader.tables import HistoryReader, load_history
from custom_components.ai_automation.settings import Settings
from homeassistant.components.automation.config import async_validate_config_item
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import area_registry as ar, device_registry as dr, entity_registry as er
from homeassistant.helpers.recorder import get_instance
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util

from .conftest import setup_integration

FIXTURE = Path(__file__).parent / "fixtures" / "bridge_devices.json"


async def _load(hass: HomeAssistant, start: datetime, person: list[str]) -> list[Any]:
    instance = get_instance(hass)
    entities = ["light.kitchen", "binary_sensor.door"]
    history = await instance.async_add_executor_job(
        load_history,
        HistoryReader(
            instance,
            entities,
            person,
            start,
            dt_util.utcnow() + timedelta(seconds=1),
            "Europe/Berlin",
        ),
    )
    return history.changes()


async def test_who_made_each_change(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """People's changes are manual; automations', scripts' and reconnects are not; attributes skip."""
    start = dt_util.utcnow()

    def step(state: str, context: Context | None = None, **attributes: Any) -> None:
        freezer.tick(timedelta(minutes=1))
        hass.states.async_set("light.kitchen", state, attributes, context=context)

    step("off")  # first value
    step("on", Context(user_id="person-in-the-ui"))  # the UI
    step("on", Context(), brightness=100)  # attribute update only
    step("off", Context())  # a physical switch
    automation = Context()
    hass.bus.async_fire("automation_triggered", {"name": "Evening"}, context=automation)
    step("on", automation)  # a time-triggered automation: no parent, but it started a run
    step("off", Context(parent_id=Context().id))  # a state-triggered automation
    step("unavailable")
    step("on", Context())  # reconnecting, nobody's action
    step("off", Context(user_id="voice"))
    hass.states.async_set("binary_sensor.door", "on", context=Context())
    await async_wait_recording_done(hass)

    changes = await _load(hass, start, ["light.kitchen"])
    kitchen = [(c.state, c.manual) for c in changes if c.entity_id == "light.kitchen"]
    assert kitchen == [
        ("off", True),
        ("on", True),
        ("off", True),
        ("on", False),
        ("off", False),
        ("off", True),
    ]
    door = [c for c in changes if c.entity_id == "binary_sensor.door"]
    assert [(c.state, c.manual) for c in door] == [("on", False)]
    assert [c.when for c in changes] == sorted(c.when for c in changes)


async def test_nothing_recorded(hass: HomeAssistant) -> None:
    """Entities the recorder has never seen give no changes and no error."""
    assert await _load(hass, dt_util.utcnow() - timedelta(days=1), []) == []


@pytest.fixture
async def kitchen_habit(
    freezer: FrozenDateTimeFactory, mqtt_ready: MqttMockHAClient, hass: HomeAssistant
) -> None:
    """Two weeks in which a person turns the kitchen light on at 06:45 and off at 07:30."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    zone = dt_util.get_default_time_zone()
    today = dt_util.now().date()
    for days_ago in range(14, 0, -1):
        day = datetime.combine(today - timedelta(days=days_ago), datetime.min.time(), zone)
        for minute, state in ((405 + days_ago % 5, "on"), (450 + days_ago % 4, "off")):
            freezer.move_to(day + timedelta(minutes=minute))
            hass.states.async_set(
                "light.kitchen", state, {"friendly_name": "Kitchen light"}, context=Context()
            )
            await hass.async_block_till_done()
    freezer.move_to(
        datetime.combine(today, datetime.min.time(), zone) + timedelta(hours=3, minutes=30)
    )
    await async_wait_recording_done(hass)


async def test_analysis_suggests_valid_automations(
    kitchen_habit: None, hass: HomeAssistant, config_entry: MockConfigEntry
) -> None:
    """The habit becomes a suggestion whose automation passes Home Assistant's validation."""
    await setup_integration(hass, config_entry)
    result = await async_analyse(
        hass, Settings(lookback_days=14), config_entry.runtime_data.known_devices
    )
    assert result.events_analysed == 28
    assert 13 < result.history_days <= 14  # the first change, 14 days ago at 06:45+
    titles = [s.title for s in result.suggestions]
    assert "Turn on Kitchen light around 06:52 every day" in titles or any(
        t.startswith("Turn on Kitchen light around 06:") for t in titles
    )
    on = next(s for s in result.suggestions if s.title.startswith("Turn on Kitchen light"))
    # Fourteen days back from 03:30: the first and the current day are partial, 13 are whole.
    assert (on.evidence["distinct_days"], on.evidence["eligible_days"]) == (13, 13)
    assert on.description.endswith("Would have been right on 7 of the last 7 days, wrong on 0.")
    assert [day["result"] for day in on.evidence["backtest_days"]] == ["right"] * 7
    assert len(on.evidence["day_times"]) == 13
    # The card's picture: a row per counted day beside "13 of 13 days", a dot per change on it.
    series = on.evidence["series"]
    assert series["days"] == on.evidence["eligible_days"] == 13
    assert len(series["times"]) == 13
    assert on.automation is not None
    assert on.automation["actions"] == [
        {"action": "light.turn_on", "target": {"entity_id": "light.kitchen"}}
    ]
    for suggestion in result.suggestions:
        assert suggestion.automation is not None
        assert await async_validate_config_item(hass, "x", suggestion.automation) is not None
        for entity_id in suggestion.entities:
            assert hass.states.get(entity_id) is not None


@pytest.fixture
async def gym_and_door(
    freezer: FrozenDateTimeFactory, mqtt_ready: MqttMockHAClient, hass: HomeAssistant
) -> None:
    """Four weeks: the gym heater on Mon/Wed/Fri at 17:30; the door unlocked any time 06:30-09:30."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    zone = dt_util.get_default_time_zone()
    today = dt_util.now().date()
    moments = []
    for days_ago in range(28, 0, -1):
        day = datetime.combine(today - timedelta(days=days_ago), datetime.min.time(), zone)
        if day.weekday() in {0, 2, 4}:
            moments.append((day + timedelta(minutes=1050 + days_ago % 6), "switch.gym", "on"))
            moments.append((day + timedelta(minutes=1140 + days_ago % 7 * 9), "switch.gym", "off"))
        unlock = 390 + (days_ago * 67) % 180  # spread over the whole band
        moments.append((day + timedelta(minutes=unlock), "lock.front_door", "unlocked"))
        moments.append((day + timedelta(minutes=unlock + 2), "lock.front_door", "locked"))
    for moment, entity_id, state in sorted(moments):
        freezer.move_to(moment)
        hass.states.async_set(entity_id, state, context=Context())
        await hass.async_block_till_done()
    freezer.move_to(
        datetime.combine(today, datetime.min.time(), zone) + timedelta(hours=3, minutes=30)
    )
    await async_wait_recording_done(hass)


async def test_weekday_set_and_band_use(
    gym_and_door: None, hass: HomeAssistant, config_entry: MockConfigEntry
) -> None:
    """Mon/Wed/Fri becomes a weekday condition; a door unlocked anywhere in its band is no habit."""
    await setup_integration(hass, config_entry)
    result = await async_analyse(
        hass, Settings(lookback_days=28), config_entry.runtime_data.known_devices
    )
    (gym,) = [s for s in result.suggestions if s.title.startswith("Turn on gym around 17:")]
    assert gym.title.endswith("on Mon, Wed and Fri")
    assert gym.automation is not None
    assert gym.automation["conditions"] == [{"condition": "time", "weekday": ["mon", "wed", "fri"]}]
    assert "Would have been right on 3 of the last 3 Mon, Wed and Fri days, wrong on 0." in (
        gym.description
    )
    assert await async_validate_config_item(hass, "x", gym.automation) is not None
    assert not [s for s in result.suggestions if "lock.front_door" in s.entities]


@pytest.mark.parametrize(
    "timer",
    [
        {"trigger": "time", "at": "06:45:00"},
        {"trigger": "time_pattern", "hours": "6", "minutes": "45"},
    ],
)
async def test_existing_automation_is_not_suggested_again(
    kitchen_habit: None, hass: HomeAssistant, config_entry: MockConfigEntry, timer: dict[str, str]
) -> None:
    """When an automation already switches the kitchen light on a timer, no suggestion repeats it."""
    assert await async_setup_component(
        hass,
        "automation",
        {
            "automation": {
                "alias": "Kitchen morning",
                "triggers": [timer],
                "actions": [{"action": "light.turn_on", "target": {"entity_id": "light.kitchen"}}],
            }
        },
    )
    await setup_integration(hass, config_entry)
    result = await async_analyse(
        hass, Settings(lookback_days=14), config_entry.runtime_data.known_devices
    )
    assert result.habits == 2
    assert [s for s in result.suggestions if "light.kitchen" in s.entities] == []


async def test_no_unused_claim_without_evidence(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, config_entry: MockConfigEntry
) -> None:
    """A Zigbee light whose attributes the recorder drops is not called unused on no evidence."""
    await setup_integration(hass, config_entry)
    mqtt_entry = hass.config_entries.async_entries("mqtt")[0]
    device = dr.async_get(hass).async_get_or_create(
        config_entry_id=mqtt_entry.entry_id,
        identifiers={("mqtt", "zigbee2mqtt_0x0017880108a1b2c3")},
    )
    light = er.async_get(hass).async_get_or_create(
        "light",
        "mqtt",
        "0x0017880108a1b2c3_light_zigbee2mqtt",
        device_id=device.id,
        config_entry=mqtt_entry,
        suggested_object_id="kitchen_ceiling",
    )
    hass.states.async_set(light.entity_id, "off")
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/devices", FIXTURE.read_text())
    await hass.async_block_till_done()
    for state in ("on", "off", "on"):
        async_fire_mqtt_message(
            hass, "zigbee2mqtt/Kitchen light", f'{{"state": "{state.upper()}", "color_temp": 370}}'
        )
        hass.states.async_set(light.entity_id, state, {"color_temp_kelvin": 2702})
    await async_wait_recording_done(hass)

    data = config_entry.runtime_data
    for usage in (None, data.usage):
        result = await async_analyse(hass, Settings(lookback_days=14), data.known_devices, usage)
        assert [s for s in result.suggestions if s.kind == "unused_capability"] == []
        assert result.devices_checked == 10


async def test_include_and_exclude_options(hass: HomeAssistant) -> None:
    """Entities, domains and areas can be left out; other entities can be added."""
    area = ar.async_get(hass).async_create("Garage")
    registry = er.async_get(hass)
    in_garage = registry.async_get_or_create(
        "light", "demo", "garage", suggested_object_id="garage"
    )
    registry.async_update_entity(in_garage.entity_id, area_id=area.id)
    for entity_id in (
        "light.kitchen",
        "light.garage",
        "light.hall",
        "binary_sensor.door",
        "input_select.mode",
        "sensor.temperature",
    ):
        hass.states.async_set(entity_id, "on")
    settings = Settings(
        include_entities=("input_select.mode",),
        exclude_entities=("light.hall",),
        exclude_domains=("binary_sensor",),
        exclude_areas=(area.id,),
    )
    analysed, person = entities_to_analyse(hass, settings)
    assert analysed == ["input_select.mode", "light.kitchen"]
    assert person == ["light.kitchen"]
    everything, _ = entities_to_analyse(hass, Settings())
    assert everything == ["binary_sensor.door", "light.garage", "light.hall", "light.kitchen"]
