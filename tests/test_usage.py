"""Unused capabilities from evidence: a real Mosquitto, HA's real MQTT light, the real recorder."""

from datetime import datetime, timedelta
import json
from typing import Any

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockUser,
    async_fire_mqtt_message,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.ai_automation.analysis.run import async_analyse
from custom_components.ai_automation.settings import Settings
from homeassistant.components.automation.config import async_validate_config_item
from homeassistant.components.recorder import history
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.helpers.recorder import get_instance
from homeassistant.util import dt as dt_util

from .conftest import START, run_analysis, setup_integration, wait_until
from .daily_run import SUGGESTION_LIST
from .kitchen_light import (
    FIXTURE,
    IEEE,
    LIGHT,
    STATE_TOPIC,
    capability_usage as _usage,
    publish as _publish,
)
from .mosquitto import Broker

pytestmark = pytest.mark.usefixtures("paho_keeps_real_time")


async def _evening(
    hass: HomeAssistant,
    broker: Broker,
    freezer: FrozenDateTimeFactory,
    day: datetime,
    brightness: int,
) -> None:
    """Switch the light on at 19:00 and off at 23:00, always at 370 mired (2702 K)."""
    for hour, state in ((19, "ON"), (23, "OFF")):
        freezer.move_to(day + timedelta(hours=hour))
        payload = {
            "state": state,
            "brightness": brightness,
            "color_temp": 370,
            "color_mode": "color_temp",
            "linkquality": 120,
        }
        await _publish(broker, STATE_TOPIC, payload)
        await wait_until(
            hass, lambda s=state: hass.states.get(LIGHT).state == s.lower(), f"{state} arrives"
        )


async def _unused(hass: HomeAssistant, entry: MockConfigEntry) -> list[Any]:
    data = entry.runtime_data
    result = await async_analyse(hass, Settings(lookback_days=14), data.known_devices, data.usage)
    return [s for s in result.suggestions if s.kind == "unused_capability"]


# Weeks pass for Home Assistant; the MQTT client and the event loop keep real time, so the real
# connection stays up while the clock jumps from evening to evening.
@pytest.mark.freeze_time(START, real_asyncio=True, tick=True, ignore=["paho"])
async def test_unused_only_with_evidence_then_suggested_and_kept(
    zigbee_home: MockConfigEntry,
    hass: HomeAssistant,
    mosquitto: Broker,
    freezer: FrozenDateTimeFactory,
    hass_ws_client: WebSocketGenerator,
    hass_admin_user: MockUser,
) -> None:
    """Two weeks of evenings: colour temperature never changed is suggested, brightness is not."""
    zone = dt_util.get_default_time_zone()
    first = datetime.combine(dt_util.now().date(), datetime.min.time(), zone)
    for offset in range(3):
        await _evening(hass, mosquitto, freezer, first + timedelta(days=offset), 254)
    # Three evenings are no evidence: nothing is claimed, and the card says so.
    assert await _unused(hass, zigbee_home) == []
    usage = await _usage(hass, hass_ws_client, hass_admin_user)
    assert usage["color_temp"]["status"] == "not_enough_evidence"
    assert usage["brightness"]["status"] == "not_enough_evidence"

    for offset in range(3, 15):  # dimmed every other evening
        brightness = 120 if offset % 2 else 254
        await _evening(hass, mosquitto, freezer, first + timedelta(days=offset), brightness)
    freezer.move_to(first + timedelta(days=15, hours=3, minutes=30))
    await async_wait_recording_done(hass)

    # The recorder keeps what the real light records: no colour temperature, no brightness.
    start = first - timedelta(days=1)
    instance = get_instance(hass)
    rows = await instance.async_add_executor_job(
        history.state_changes_during_period, hass, start, None, LIGHT
    )
    assert len(rows[LIGHT]) >= 28
    assert all("color_temp_kelvin" not in row.attributes for row in rows[LIGHT])
    assert all("brightness" not in row.attributes for row in rows[LIGHT])

    unused = await _unused(hass, zigbee_home)
    warm = next(s for s in unused if s.evidence["property"] == "color_temp")
    assert not [s for s in unused if s.evidence["property"] == "brightness"]
    assert warm.title == "Colour temperature of Kitchen light following the time of day"
    # What was seen, and a schedule whose every step is clearly unlike the 2702 K it always has.
    words = (
        "Kitchen light was on 14 evenings in two weeks, always at 2702 K. It could follow the time"
        " of day: 4000 K by day, 2400 K after sunset and 2200 K from 22:00."
    )
    assert warm.description == words
    assert warm.automation == {
        "alias": warm.title,
        "description": f"{words} Suggested by AI Automation.",
        "triggers": [
            {"trigger": "state", "entity_id": LIGHT, "to": "on"},
            {"trigger": "time", "at": "06:00:00"},
            {"trigger": "sun", "event": "sunset"},
            {"trigger": "time", "at": "22:00:00"},
        ],
        "conditions": [{"condition": "state", "entity_id": LIGHT, "state": "on"}],
        "actions": [
            {
                "choose": [
                    {
                        "conditions": [
                            {"condition": "time", "after": "22:00:00", "before": "06:00:00"}
                        ],
                        "sequence": [_set_kelvin(2200)],
                    },
                    {
                        "conditions": [{"condition": "sun", "after": "sunset"}],
                        "sequence": [_set_kelvin(2400)],
                    },
                ],
                "default": [_set_kelvin(4000)],
            }
        ],
        "mode": "restart",
    }
    assert await async_validate_config_item(hass, "x", warm.automation) is not None
    assert all(abs(k - 2702) >= 300 for k in _kelvins(warm.automation))
    # The card draws the capability, its range in the units of the words, and where it sits.
    assert warm.evidence["capability"] == {
        "device": "Kitchen light",
        "property": "color_temp",
        "label": "Color temp",
        "unit": "K",
        "min": 2000,
        "max": 6535,
        "values": [],
        "value": 2702,
    }

    usage = await _usage(hass, hass_ws_client, hass_admin_user)
    assert usage["color_temp"]["status"] == "not_used"
    assert usage["color_temp"]["days_in_use"] == 14
    assert usage["brightness"]["status"] == "used"
    since = usage["color_temp"]["observed_since"]

    # Kept across a restart.
    assert await hass.config_entries.async_reload(zigbee_home.entry_id)
    await hass.async_block_till_done()
    usage = await _usage(hass, hass_ws_client, hass_admin_user)
    assert usage["color_temp"]["status"] == "not_used"
    assert usage["color_temp"]["observed_since"] == since
    assert usage["brightness"]["status"] == "used"
    assert [s.title for s in await _unused(hass, zigbee_home)] == [s.title for s in unused]


def _set_kelvin(kelvin: int) -> dict[str, Any]:
    return {
        "action": "light.turn_on",
        "target": {"entity_id": LIGHT},
        "data": {"color_temp_kelvin": kelvin},
    }


def _kelvins(node: Any) -> list[int]:
    """Every colour temperature the automation sets."""
    if isinstance(node, dict):
        own = [node["color_temp_kelvin"]] if "color_temp_kelvin" in node else []
        return own + [k for value in node.values() for k in _kelvins(value)]
    if isinstance(node, list):
        return [k for value in node for k in _kelvins(value)]
    return []


RADIATOR_IEEE = "0x14b457fffe7a8b9c"


RADIATOR_TOPIC = "zigbee2mqtt/Bedroom radiator"


RADIATOR_DISCOVERY = {
    "name": None,
    "default_entity_id": "climate.bedroom_radiator",
    "unique_id": f"{RADIATOR_IEEE}_climate_zigbee2mqtt",
    "device": {"identifiers": [f"zigbee2mqtt_{RADIATOR_IEEE}"], "name": "Bedroom radiator"},
    "modes": ["off", "heat"],
    "mode_state_topic": RADIATOR_TOPIC,
    "mode_state_template": "{{ value_json.system_mode }}",
    "mode_command_topic": f"{RADIATOR_TOPIC}/set/system_mode",
    "temperature_state_topic": RADIATOR_TOPIC,
    "temperature_state_template": "{{ value_json.occupied_heating_setpoint }}",
    "temperature_command_topic": f"{RADIATOR_TOPIC}/set/occupied_heating_setpoint",
    "current_temperature_topic": RADIATOR_TOPIC,
    "current_temperature_template": "{{ value_json.local_temperature }}",
    "min_temp": 5,
    "max_temp": 35,
}


async def test_recorded_setpoint_judged_from_history(
    mqtt_ready: Any,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A setpoint the recorder keeps is judged from two weeks of history before any live use."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    async_fire_mqtt_message(
        hass,
        f"homeassistant/climate/{RADIATOR_IEEE}/climate/config",
        json.dumps(RADIATOR_DISCOVERY),
    )
    await hass.async_block_till_done()
    zone = dt_util.get_default_time_zone()
    today = datetime.combine(dt_util.now().date(), datetime.min.time(), zone)
    first = today - timedelta(days=16)
    for day in range(16):
        for hour, mode in ((7, "heat"), (22, "off")):
            freezer.move_to(first + timedelta(days=day, hours=hour))
            async_fire_mqtt_message(
                hass,
                RADIATOR_TOPIC,
                json.dumps(
                    {
                        "system_mode": mode,
                        "occupied_heating_setpoint": 21,
                        "local_temperature": 19 + hour % 3,
                    }
                ),
            )
            await hass.async_block_till_done()
    freezer.move_to(first + timedelta(days=16, hours=3))
    await async_wait_recording_done(hass)
    assert hass.states.get("climate.bedroom_radiator").attributes["temperature"] == 21

    await setup_integration(hass, config_entry)
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/devices", FIXTURE)
    await hass.async_block_till_done()
    data = config_entry.runtime_data
    result = await async_analyse(hass, Settings(lookback_days=14), data.known_devices, data.usage)
    (setpoint,) = [s for s in result.suggestions if s.kind == "unused_capability"]
    assert setpoint.entities == ("climate.bedroom_radiator",)
    assert setpoint.description == (
        "Bedroom radiator was used on 14 days in two weeks, always at 21 °C."
    )
    assert setpoint.automation is None


async def test_entities_added_later_and_a_light_left_on_for_days(
    loaded_entry: MockConfigEntry,
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """An entity created after the device list is followed; a light on for days counts each day."""
    devices = json.loads(FIXTURE)
    radiator = next(d for d in devices if d["ieee_address"] == RADIATOR_IEEE)
    climate = next(e for e in radiator["definition"]["exposes"] if e["type"] == "climate")
    mode = next(f for f in climate["features"] if f["property"] == "system_mode")
    mode["values"] = ["off", "heat"]
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/devices", json.dumps(devices))
    await hass.async_block_till_done()

    mqtt_entry = hass.config_entries.async_entries("mqtt")[0]
    device = dr.async_get(hass).async_get_or_create(
        config_entry_id=mqtt_entry.entry_id, identifiers={("mqtt", f"zigbee2mqtt_{IEEE}")}
    )
    light = er.async_get(hass).async_get_or_create(
        "light",
        "mqtt",
        f"{IEEE}_light_zigbee2mqtt",
        device_id=device.id,
        config_entry=mqtt_entry,
        suggested_object_id="kitchen_light",
    )
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=2))
    await hass.async_block_till_done()
    hass.states.async_set(light.entity_id, "on", {"color_temp_kelvin": 2702, "hs_color": (27, 30)})
    hass.states.async_set("light.unrelated", "on")
    hass.states.async_remove(light.entity_id)
    client = await hass_ws_client(hass)  # signed in before the days pass
    payload = '{"state": "ON", "color_temp": 370}'
    for day in range(3):  # Zigbee2MQTT repeats the same state, e.g. when it polls
        freezer.tick(timedelta(days=1))
        async_fire_mqtt_message(hass, STATE_TOPIC, payload)
        async_fire_mqtt_message(hass, RADIATOR_TOPIC, f'{{"system_mode": "heat", "x": {day}}}')
    await hass.async_block_till_done()

    await client.send_json_auto_id({"type": "ai_automation/capabilities"})
    result = (await client.receive_json())["result"]
    usage = {
        (d["ieee_address"], c["key"]): c.get("usage")
        for d in result["devices"]
        for c in d["capabilities"]
    }
    colour = usage[(IEEE, "color_temp")]
    assert colour["values"] == {"home_assistant": [2702], "zigbee2mqtt": [370]}
    assert usage[(IEEE, "color")]["values"] == {"home_assistant": [[27, 30]]}
    assert colour["days_in_use"] == 4
    assert usage[(RADIATOR_IEEE, "occupied_heating_setpoint")]["days_in_use"] == 3


def _stored(suggestion_id: str, kind: str, status: str, title: str) -> dict[str, Any]:
    return {
        "id": suggestion_id,
        "kind": kind,
        "title": title,
        "description": "",
        "automation": None,
        "evidence": {},
        "entities": [LIGHT],
        "status": status,
        "first_found": "2026-11-01T00:00:00+00:00",
        "last_found": "2026-11-01T00:00:00+00:00",
    }


async def test_unfounded_claims_of_older_versions_are_withdrawn(
    mqtt_ready: Any,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """Open "never used" suggestions without evidence go; decisions and other kinds stay."""
    hass_storage["ai_automation.suggestions"] = {
        "version": 1,
        "key": "ai_automation.suggestions",
        "data": {
            "suggestions": {
                "old": _stored("old", "unused_capability", "new", "Bulb brightness, never used"),
                "no": _stored("no", "unused_capability", "dismissed", "Bulb colour, never used"),
                "habit": _stored("habit", "habit", "new", "Turn on Bulb around 19:00"),
            }
        },
    }
    await setup_integration(hass, config_entry)
    todo = SUGGESTION_LIST
    assert hass.states.get(todo).state == "2"
    await run_analysis(hass)
    assert hass.states.get(todo).state == "1"
    stored = hass_storage["ai_automation.suggestions"]["data"]["suggestions"]
    assert {key: s["status"] for key, s in stored.items()} == {"no": "dismissed", "habit": "new"}
