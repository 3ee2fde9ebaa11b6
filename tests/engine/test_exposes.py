"""Tests for reading a device's exposes into capabilities, and for storing them."""

import json
from typing import Any

import pytest

from custom_components.ai_automation.engine.zigbee2mqtt.device_list import parse_devices
from custom_components.ai_automation.engine.zigbee2mqtt.model import Device

from .zigbee2mqtt_lists import capabilities, fixture_devices, list_payload


def test_colour_light() -> None:
    """Light features are flattened with the light as parent; colour keeps its composite path."""
    light = fixture_devices()["Kitchen light"]
    assert (light.vendor, light.model, light.power_source, light.type) == (
        "Philips",
        "9290022166",
        "Mains (single phase)",
        "Router",
    )
    caps = capabilities(light)
    state = caps[("state", None)]
    assert (state.type, state.parent, state.settable, state.value_on) == (
        "binary",
        "light",
        True,
        "ON",
    )
    color_temp = caps[("color_temp", None)]
    assert (color_temp.unit, color_temp.value_min, color_temp.value_max) == ("mired", 153, 500)
    assert color_temp.presets == ("coolest", "neutral", "warmest")
    color = caps[("color", None)]
    assert (color.type, color.name, color.parent) == ("composite", "color_xy", "light")
    assert caps[("color.x", None)].parent == "light>color_xy"
    assert ("color.hue", None) in caps  # the HS composite's features stay reachable
    effect = caps[("effect", None)]
    assert (effect.settable, effect.published, effect.values[:2]) == (
        True,
        False,
        ("blink", "breathe"),
    )
    assert caps[("power_on_behavior", None)].category == "config"
    assert caps[("linkquality", None)].category == "diagnostic"


def test_two_endpoint_switch_keeps_both_endpoints() -> None:
    """state_l1 and state_l2 are separate capabilities, each with its endpoint."""
    caps = capabilities(fixture_devices()["Hall switch"])
    assert caps[("state_l1", "l1")].parent == "switch"
    assert caps[("state_l2", "l2")].settable
    assert caps[("power_on_behavior_l2", "l2")].values == ("off", "on", "previous")


def test_trv_climate_and_calibration() -> None:
    """Climate features carry access bits, presets and steps; calibration is configuration."""
    caps = capabilities(fixture_devices()["Bedroom radiator"])
    setpoint = caps[("occupied_heating_setpoint", None)]
    assert (setpoint.parent, setpoint.settable, setpoint.gettable, setpoint.value_step) == (
        "climate",
        True,
        True,
        0.5,
    )
    local = caps[("local_temperature", None)]
    assert (local.published, local.settable, local.gettable) == (True, False, True)
    assert caps[("preset", None)].values[-1] == "away"
    assert caps[("local_temperature_calibration", None)].category == "config"


@pytest.mark.parametrize(
    ("name", "prop", "kind", "settable"),
    [
        ("Front door", "contact", "binary", False),
        ("Living room remote", "action", "enum", False),
        ("Study blind", "position", "numeric", True),
        ("Back door lock", "state", "binary", True),
        ("Washing machine plug", "energy", "numeric", False),
    ],
)
def test_other_devices(name: str, prop: str, kind: str, settable: bool) -> None:
    """Sensors, remotes, covers, locks and plugs each expose what the documentation says."""
    capability = capabilities(fixture_devices()[name])[(prop, None)]
    assert (capability.type, capability.settable) == (kind, settable)


def test_store_round_trip() -> None:
    """A device survives being stored and read back unchanged."""
    for device in fixture_devices().values():
        assert Device.from_dict(json.loads(json.dumps(device.to_dict()))) == device


def test_bad_exposes_cost_only_themselves() -> None:
    """A malformed expose is skipped and reported; the device keeps the rest; unknown types stay."""
    raw = [
        {
            "ieee_address": "0x1",
            "friendly_name": "odd",
            "definition": {
                "exposes": [
                    "not an object",
                    {"type": "light"},
                    {"type": "numeric", "property": "power", "access": "x", "value_max": "big"},
                    {"type": "future_type", "property": "magic", "access": 7},
                ]
            },
        },
        {"ieee_address": "0x1", "friendly_name": "twin"},
        {"friendly_name": "no address"},
        42,
    ]
    parsed = parse_devices(list_payload(raw))
    (device,) = parsed.devices
    caps = capabilities(device)
    assert caps[("power", None)].value_max is None
    assert not caps[("power", None)].published
    assert caps[("magic", None)].type == "unknown"
    assert len(parsed.problems) == 5
    assert "odd (0x1): expose 0 skipped: an expose is str, not an object" in parsed.problems
    assert "duplicate ieee_address 0x1: kept the first" in parsed.problems


def test_deep_values_and_features_are_bounded() -> None:
    """Values over three levels deep are dropped, features over eight levels skipped."""
    features: Any = {"type": "numeric", "property": "bottom", "access": 1}
    for _ in range(20):
        features = {"type": "composite", "name": "c", "property": "c", "features": [features]}
    shallow = {"state": ["ON", {"level": 1}]}
    raw = [
        {
            "ieee_address": "0x1",
            "friendly_name": "deep",
            "definition": {
                "exposes": [
                    {"type": "binary", "property": "a", "value_on": [[[[["ON"]]]]]},
                    {"type": "binary", "property": "b", "value_on": shallow, "value_off": 0},
                    features,
                ]
            },
        }
    ]
    parsed = parse_devices(list_payload(raw))
    caps = capabilities(parsed.devices[0])
    assert caps[("a", None)].value_on is None
    assert caps[("b", None)].value_on == shallow
    assert ("c", None) not in caps
    assert parsed.problems == (
        "deep (0x1): a: value_on/value_off nested deeper than 3 levels, dropped",
        "deep (0x1): expose 2 skipped: features nested deeper than 8 levels",
    )
    stored = json.loads(json.dumps(parsed.device_data[0]))
    assert Device.from_dict(stored) == parsed.devices[0]


def test_composite_without_property_keys_features_at_its_level() -> None:
    """Features of a composite without property are keyed as Zigbee2MQTT sets them."""
    raw = [
        {
            "ieee_address": "0x1",
            "friendly_name": "trv",
            "definition": {
                "exposes": [
                    {
                        "type": "composite",
                        "name": "programming_mode",
                        "features": [{"type": "text", "property": "week", "access": 3}],
                    }
                ]
            },
        }
    ]
    caps = capabilities(parse_devices(list_payload(raw)).devices[0])
    assert set(caps) == {("programming_mode", None), ("week", None)}
    assert caps[("week", None)].parent == "programming_mode"


def test_enum_values_keep_text_and_numbers_only() -> None:
    """Values and preset names are text; numbers become text; anything else is left out."""
    raw = [
        {
            "ieee_address": "0x1",
            "definition": {
                "exposes": [
                    {
                        "type": "enum",
                        "property": "mode",
                        "values": ["a", 1, 2.5, True, None, [1], {"name": "b"}, {"name": [2]}],
                        "presets": "not a list",
                    }
                ]
            },
        }
    ]
    capability = capabilities(parse_devices(list_payload(raw)).devices[0])[("mode", None)]
    assert (capability.values, capability.presets) == (("a", "1", "2.5", "b"), ())
