"""Device lists that must not break the capability listener, published through a real Mosquitto."""

import copy
import json
import logging
import random
from typing import Any

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator, WebSocketGenerator

from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component

from .conftest import Zigbee2Mqtt
from .device_lists import CAPABILITIES, DEVICES, FIXTURE, compact, many, records, renamed


def known(hass: HomeAssistant) -> tuple[int, int]:
    """Return (devices, capabilities) as the sensors show them."""
    return int(hass.states.get(DEVICES).state), int(hass.states.get(CAPABILITIES).state)


def names(hass: HomeAssistant) -> set[str]:
    """Return the friendly names of the known devices."""
    listener = hass.config_entries.async_entries("ai_automation")[0].runtime_data.known_devices
    return {device.friendly_name for device in listener.devices.values()}


async def websocket_model(hass: HomeAssistant, hass_ws_client: WebSocketGenerator) -> Any:
    """Ask for the capability model as a dashboard card does."""
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "ai_automation/capabilities"})
    response = await client.receive_json()
    assert response["success"], response
    return response["result"]


async def test_large_list_survives_a_bad_message_right_after_it(
    hass: HomeAssistant, z2m: Zigbee2Mqtt, caplog: pytest.LogCaptureFixture
) -> None:
    """A large list parsed in the background is used even when a bad message follows at once."""
    await z2m.publish(compact(FIXTURE))
    large = compact(many(1500))
    assert len(large) > 2 * 1024 * 1024
    await z2m.publish(large, "not json")
    assert known(hass)[0] == 1500
    assert "Dev 1499" in names(hass)
    assert len(records(caplog, logging.WARNING, "Ignoring the device list")) == 1
    (change,) = records(caplog, logging.INFO, "Zigbee2MQTT devices changed (1500 known)")
    assert "added: Dev 0, Dev 1, Dev 10, Dev 100, Dev 1000" in change
    assert "(and 1490 more)" in change
    assert len(change) < 1000


def _nested(depth: int) -> str:
    return "[" * depth + '"ON"' + "]" * depth


async def test_deep_nesting_is_stored_sent_and_unloaded(
    hass: HomeAssistant,
    z2m: Zigbee2Mqtt,
    config_entry: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    hass_storage: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Values nested 300 or 1000 levels deep are dropped; the rest is stored, sent and unloaded."""
    devices = renamed(1, "Deep light")
    devices[1]["definition"]["exposes"].append(
        {"type": "binary", "property": "deep_300", "access": 7, "value_on": "DEEP300"}
    )
    devices[1]["definition"]["exposes"].append(
        {"type": "binary", "property": "deep_1000", "access": 7, "value_off": "DEEP1000"}
    )
    features: Any = {"type": "binary", "property": "bottom", "access": 1}
    for _ in range(495):  # about 1,000 levels of JSON, within what orjson reads
        features = {"type": "composite", "name": "c", "property": "c", "features": [features]}
    devices[2]["definition"]["exposes"].append(features)
    payload = (
        compact(devices).replace('"DEEP300"', _nested(300)).replace('"DEEP1000"', _nested(1000))
    )
    await z2m.publish(payload)

    assert "Deep light" in names(hass)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    warning = records(caplog, logging.WARNING, "Parts of the device list")
    assert len(warning) == 1
    assert "nested deeper than 3 levels, dropped" in warning[0]
    assert "features nested deeper than 8 levels" in warning[0]
    model = await websocket_model(hass, hass_ws_client)
    light = next(d for d in model["devices"] if d["friendly_name"] == "Deep light")
    caps = {cap["key"]: cap for cap in light["capabilities"]}
    assert caps["deep_300"]["value_on"] is None
    assert caps["deep_300"]["settable"] is True
    assert caps["deep_1000"]["value_off"] is None

    assert await hass.config_entries.async_unload(config_entry.entry_id)
    stored = hass_storage["ai_automation.devices"]["data"]["devices"]
    assert "Deep light" in {device["friendly_name"] for device in stored}
    assert await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    assert "Deep light" in names(hass)


async def test_list_without_a_usable_device_is_refused(
    hass: HomeAssistant,
    z2m: Zigbee2Mqtt,
    config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Lists with no device in them never replace the known devices, each said once."""
    await z2m.publish(compact(FIXTURE))
    before = known(hass)
    caplog.clear()
    unusable = ["[1, 2, 3]", "[{}]", "[null]", '[{"friendly_name": "no ieee"}]', "[]"]
    await z2m.publish(*unusable)
    assert known(hass) == before
    warnings = records(caplog, logging.WARNING, "Ignoring the device list")
    assert len(warnings) == len(unusable)
    assert all("no usable device" in warning for warning in warnings)
    assert all("keeping the 10 devices known" in warning for warning in warnings)
    assert await hass.config_entries.async_unload(config_entry.entry_id)
    assert len(hass_storage["ai_automation.devices"]["data"]["devices"]) == 10


async def test_repeated_bad_lists_are_said_once_in_short_lines(
    hass: HomeAssistant, z2m: Zigbee2Mqtt, caplog: pytest.LogCaptureFixture
) -> None:
    """200 copies of a bad list are one WARNING; names and reasons in log lines stay short."""
    await z2m.publish(compact(FIXTURE))
    caplog.set_level(logging.DEBUG, logger="custom_components.ai_automation")
    caplog.clear()
    await z2m.publish(*(["[1, 2, 3]"] * 200), '{"devices": []}', "[1, 2, 3]")
    assert len(records(caplog, logging.WARNING, "Ignoring the device list")) == 2
    assert len(records(caplog, logging.DEBUG, "Ignoring the same device list")) == 200

    long_name = "N" * 100_000
    devices = renamed(1, long_name)
    devices[1]["definition"]["exposes"].append("not an expose")
    devices.append({**FIXTURE[2], "ieee_address": "x" * 50_000, "friendly_name": long_name})
    caplog.clear()
    await z2m.publish(compact(devices))
    devices[3]["friendly_name"] = "Renamed"  # the same problems in the next list
    await z2m.publish(compact(devices))
    warnings = records(caplog, logging.WARNING, "Parts of the device list")
    assert len(warnings) == 1
    assert f"expose {len(devices[1]['definition']['exposes']) - 1} skipped" in warnings[0]
    # (and the light named past MQTT's topic limit: its usage is not watched, said once too)
    assert len(records(caplog, logging.WARNING)) == 2
    assert len(records(caplog, logging.WARNING, "is not watched")) == 1
    ours = [r for r in caplog.records if r.name.startswith("custom_components.ai_automation")]
    assert ours
    assert all(len(r.getMessage()) < 2000 for r in ours)
    assert long_name in names(hass)


async def test_composite_without_property_is_keyed_at_the_top_level(
    hass: HomeAssistant, z2m: Zigbee2Mqtt, hass_ws_client: WebSocketGenerator
) -> None:
    """A 1.x TuYa thermostat's `programming_mode` features are keyed as Zigbee2MQTT sets them."""
    thermostat = {
        "ieee_address": "0x84fd27fffe1a2b3c",
        "type": "EndDevice",
        "friendly_name": "Office thermostat",
        "supported": True,
        "interviewing": False,
        "interview_completed": True,
        "definition": {
            "model": "TS0601_thermostat",
            "vendor": "TuYa",
            "description": "Radiator valve with thermostat",
            "exposes": [
                {
                    "type": "composite",
                    "name": "programming_mode",
                    "description": "Schedule MODE: the device runs a preset week programme.",
                    "features": [
                        {
                            "type": "enum",
                            "name": "week",
                            "property": "week",
                            "access": 3,
                            "values": ["5+2", "6+1", "7"],
                        },
                        {
                            "type": "text",
                            "name": "workdays_schedule",
                            "property": "workdays_schedule",
                            "access": 3,
                        },
                    ],
                }
            ],
        },
    }
    await z2m.publish(compact([*FIXTURE, thermostat]))
    model = await websocket_model(hass, hass_ws_client)
    device = next(d for d in model["devices"] if d["friendly_name"] == "Office thermostat")
    caps = {cap["key"]: cap for cap in device["capabilities"]}
    assert set(caps) == {"programming_mode", "week", "workdays_schedule"}
    assert caps["week"]["parent"] == "programming_mode"
    assert caps["week"]["settable"] is True
    assert caps["week"]["values"] == ["5+2", "6+1", "7"]
    assert device["interview_state"] == "SUCCESSFUL"  # from 1.x's interview_completed


async def test_zigbee2mqtt_2_fields_reach_the_websocket_and_diagnostics(
    hass: HomeAssistant,
    z2m: Zigbee2Mqtt,
    config_entry: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    hass_client: ClientSessionGenerator,
) -> None:
    """interview_state, endpoint names and the definition's source are kept and shown."""
    devices = copy.deepcopy(FIXTURE)
    switch = next(d for d in devices if d["friendly_name"] == "Hall switch")
    switch["interview_state"] = "IN_PROGRESS"
    switch["definition"]["source"] = "external"
    switch["endpoints"] = {
        "11": {"name": "l1", "bindings": [], "configured_reportings": [], "scenes": []},
        "12": {"name": "l2", "bindings": [], "configured_reportings": [], "scenes": []},
        "242": {"bindings": [], "configured_reportings": [], "scenes": []},
    }
    await z2m.publish(compact(devices))

    assert await async_setup_component(hass, "diagnostics", {})
    model = await websocket_model(hass, hass_ws_client)
    shown = next(d for d in model["devices"] if d["friendly_name"] == "Hall switch")
    assert shown["interview_state"] == "IN_PROGRESS"
    assert shown["source"] == "external"
    assert shown["endpoint_names"] == {"11": "l1", "12": "l2"}
    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, config_entry)
    listed = next(
        d for d in diagnostics["capabilities"]["devices"] if d["friendly_name"] == "Hall switch"
    )
    assert (listed["source"], listed["endpoint_names"]) == ("external", {"11": "l1", "12": "l2"})


JUNK: list[Any] = [
    None,
    0,
    -1,
    2**70,
    1.5,
    True,
    "",
    "ON",
    "x" * 3000,
    [],
    {},
    [1, "a", None],
    {"type": "composite"},
    {"type": "light", "features": "none"},
    json.loads(_nested(120)),
]


def _mutate_value(document: Any, rng: random.Random) -> None:
    """Replace one value somewhere in `document` by junk."""
    node = document
    for _ in range(rng.randint(1, 7)):
        children = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
        key, child = rng.choice(children)
        if not isinstance(child, (dict, list)) or not child or rng.random() < 0.25:
            node[key] = copy.deepcopy(rng.choice(JUNK))
            return
        node = child
    if isinstance(node, dict) and node:
        del node[rng.choice(list(node))]


def mutated(base: str, rng: random.Random) -> str | bytes:
    """Return one mutation of a compact device list: broken text, structure or values."""
    kind = rng.randrange(8)
    if kind == 0:  # a flipped byte
        data = bytearray(base.encode())
        data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    if kind == 1:  # cut short
        return base[: rng.randrange(len(base))]
    document = json.loads(base)
    if kind == 2:  # devices shuffled, duplicated, or some removed
        rng.shuffle(document)
        document = document[: rng.randint(0, len(document))] + document[: rng.randint(0, 2)]
    elif kind == 3:  # the list in another JSON layout
        return json.dumps(document, indent=rng.choice([None, 2]))
    else:
        for _ in range(rng.randint(1, 3)):
            _mutate_value(document, rng)
    return compact(document)


async def test_thousands_of_mutated_lists_break_nothing(
    hass: HomeAssistant,
    z2m: Zigbee2Mqtt,
    config_entry: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """2,000 mutated lists: nothing escapes, the last good list stays, the log stays short."""
    rng = random.Random(1212)  # noqa: S311  # repeatable mutations, not secrets
    base, large = compact(FIXTURE), compact(many(120))
    published: set[str | bytes] = set()
    for batch in range(4):
        payloads = [mutated(large if i % 100 == 0 else base, rng) for i in range(240)]
        payloads = [p for payload in payloads for p in (payload, payload)]  # each sent twice
        good = compact(renamed(1, f"Batch {batch} light"))
        unusable = ["", "[]", "[null]", base[:-1], '{"devices": []}', b"\xff", "[1]", "x" * 300]
        payloads += [good, *unusable]
        published.update(payloads)
        await z2m.publish(*payloads)
        assert f"Batch {batch} light" in names(hass)
        assert known(hass)[0] == 10

    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    ours = [r for r in caplog.records if r.name.startswith("custom_components.ai_automation")]
    warnings = [r for r in ours if r.levelno == logging.WARNING]
    assert len(warnings) <= len(published)  # each was sent twice: a second WARNING breaks this
    assert all(len(r.getMessage()) < 2000 for r in ours)
    model = await websocket_model(hass, hass_ws_client)
    assert len(model["devices"]) == 10
    assert await hass.config_entries.async_unload(config_entry.entry_id)
