"""Tests for parsing Zigbee2MQTT's device list: devices kept, payloads refused, lists reused."""

import json
from typing import Any
import weakref

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.ai_automation.engine.zigbee2mqtt.bridge import PayloadError
from custom_components.ai_automation.engine.zigbee2mqtt.device_list import (
    DeviceListParser,
    parse_devices,
    release,
)
from custom_components.ai_automation.engine.zigbee2mqtt.model import Device

from .zigbee2mqtt_lists import FIXTURE, compact_payload, fixture_devices, list_payload


def test_every_device_kept_including_coordinator_and_unsupported() -> None:
    """All ten devices are there; the coordinator and the unsupported one have no capabilities."""
    devices = fixture_devices()
    assert len(devices) == 10
    coordinator = devices["Coordinator"]
    assert (coordinator.type, coordinator.capabilities) == ("Coordinator", ())
    unsupported = devices["0x00124b0025aabbcc"]
    assert not unsupported.supported
    assert unsupported.capabilities == ()
    assert (unsupported.vendor, unsupported.model) == ("_TZE200_unknown", "TS0601")


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"{not json", "not valid UTF-8 JSON"),
        (b'{"devices": []}', "JSON dict, not a list"),
        (b"\xff\xfe[]", "not valid UTF-8 JSON"),
        (b"[" + b" " * 200 + b"]", "over the limit of 100"),
    ],
)
def test_unusable_payloads(payload: bytes, reason: str) -> None:
    """A payload that cannot be used at all is rejected with the reason."""
    with pytest.raises(PayloadError, match=reason):
        parse_devices(payload, max_bytes=100)


def test_identical_payload_same_digest() -> None:
    """The same bytes give the same fingerprint, a changed list another."""
    payload = FIXTURE.read_bytes()
    assert parse_devices(payload).digest == parse_devices(payload).digest
    assert (
        parse_devices(payload).digest
        != parse_devices(payload.replace(b"Kitchen", b"Galley")).digest
    )


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "ieee_address",
                    "friendly_name",
                    "definition",
                    "exposes",
                    "type",
                    "features",
                    "property",
                    "endpoint",
                    "access",
                    "values",
                    "presets",
                    "value_min",
                    "light",
                    "x",
                ]
            ),
            children,
            max_size=5,
        )
    ),
    max_leaves=30,
)


@settings(max_examples=300)
@given(json_values)
def test_random_json_never_breaks_the_parser(document: Any) -> None:
    """Whatever shape arrives, the parser returns devices or raises PayloadError, nothing else."""
    try:
        parsed = parse_devices(json.dumps(document).encode())
    except PayloadError:
        return
    assert all(isinstance(device, Device) for device in parsed.devices)


def test_republished_list_reuses_unchanged_devices() -> None:
    """Only the changed device is parsed again; the others are the very same objects."""
    devices = json.loads(FIXTURE.read_bytes())
    parser = DeviceListParser()
    first = parser.parse(compact_payload(devices))
    devices[3]["friendly_name"] = "Lounge remote"
    second = parser.parse(compact_payload(devices))
    assert [d.friendly_name for d in second.devices][3] == "Lounge remote"
    reused = [a is b for a, b in zip(first.devices, second.devices, strict=True)]
    assert reused == [index != 3 for index in range(10)]
    assert second.device_data[1] is first.device_data[1]
    assert second.device_data[3] == second.devices[3].to_dict()
    for parsed in (first, second):
        capabilities = [cap for device in parsed.devices for cap in device.capabilities]
        assert parsed.capability_count == len(capabilities) > 0
        assert parsed.settable_count == len([cap for cap in capabilities if cap.settable]) > 0


@pytest.mark.parametrize("indent", [None, 2])
def test_any_json_layout_gives_the_same_devices(indent: int | None) -> None:
    """Spaced or indented lists parse as Zigbee2MQTT's compact ones do (and reuse too)."""
    devices = json.loads(FIXTURE.read_bytes())
    expected = parse_devices(compact_payload(devices)).devices
    parser = DeviceListParser()
    first = parser.parse(json.dumps(devices, indent=indent).encode())
    again = parser.parse(json.dumps(devices, indent=indent).encode())
    assert first.devices == expected
    assert all(a is b for a, b in zip(first.devices, again.devices, strict=True))


def test_device_start_inside_a_device_does_not_mislead() -> None:
    """A nested object that looks like a device start is read as part of its device."""
    devices = json.loads(FIXTURE.read_bytes())
    devices[1]["endpoints"]["1"]["bindings"] = [
        {"ieee_address": "0x1", "endpoint": 1},
        {"ieee_address": "0x2", "endpoint": 1},
    ]
    parsed = parse_devices(compact_payload(devices))
    assert len(parsed.devices) == 10
    assert parsed.problems == ()


def test_one_broken_device_text_refuses_the_list() -> None:
    """Invalid JSON anywhere refuses the whole list, as one parse of it would."""
    payload = compact_payload(json.loads(FIXTURE.read_bytes())).replace(
        b'"Front door"', b'"Front', 1
    )
    with pytest.raises(PayloadError, match="not valid UTF-8 JSON"):
        DeviceListParser().parse(payload)


@pytest.mark.parametrize("payload", [b"[]", b"[1, 2, 3]", b"[{}]", b"[null]", b'[{"a": 1}]'])
def test_list_without_devices_is_refused(payload: bytes) -> None:
    """Zigbee2MQTT always lists its coordinator: a list without any device is not used."""
    with pytest.raises(PayloadError, match="no usable device"):
        parse_devices(payload)


def test_zigbee2mqtt_2_fields_and_legacy_interview() -> None:
    """interview_state, endpoint names and definition source are kept; 1.x booleans understood."""
    raw = [
        {
            "ieee_address": "0x1",
            "friendly_name": "new",
            "interview_state": "PENDING",
            "endpoints": {"1": {"name": "left"}, "2": {"name": 5}, "3": []},
            "definition": {"source": "generated", "exposes": []},
        },
        {"ieee_address": "0x2", "friendly_name": "old", "interviewing": True},
        {"ieee_address": "0x3", "friendly_name": "older", "interview_completed": True},
    ]
    new, old, older = parse_devices(list_payload(raw)).devices
    assert (new.interview_state, new.source, new.endpoint_names) == (
        "PENDING",
        "generated",
        (("1", "left"),),
    )
    assert new.to_dict()["endpoint_names"] == {"1": "left"}
    assert (old.interview_state, older.interview_state) == ("IN_PROGRESS", "SUCCESSFUL")
    stored = new.to_dict()
    del stored["source"], stored["endpoint_names"]  # written by an older version
    assert Device.from_dict(stored).source is None


def test_layout_fallback_keeps_deep_devices_and_odd_starts() -> None:
    """Lists whose devices cannot be cut or written again are still read device by device."""
    deep = "[" * 300 + "1" + "]" * 300
    text = '[{"friendly_name": "deep", "ieee_address": "0x1", "extra": DEEP}]'.replace("DEEP", deep)
    assert [d.friendly_name for d in parse_devices(text.encode()).devices] == ["deep"]
    nested_start = b'[{"ieee_address":{"ieee_address":"0x2"}},{"ieee_address":"0x3"}]'
    parsed = parse_devices(nested_start)
    assert [d.ieee_address for d in parsed.devices] == ["0x3"]
    assert parsed.problems == ("a device without an ieee_address was skipped",)
    exposes = '[{"type": "binary", "property": "on", "access": 1, "extra": DEEP}, 5]'
    odd = f'[{{"ieee_address": "0x4", "definition": {{"exposes": {exposes}}}}},'
    odd += '{"ieee_address": "0x5", "definition": {"model": "no exposes"}}]'
    parsed = parse_devices(odd.replace("DEEP", deep).encode())
    assert [cap.property for cap in parsed.devices[0].capabilities] == ["on"]
    assert parsed.problems == (
        "0x4 (0x4): expose 1 skipped: an expose is int, not an object",
        "0x5 (0x5): definition has no exposes list",
    )
    with pytest.raises(PayloadError, match="not valid UTF-8 JSON"):
        parse_devices(b'[{"ieee_address":"0x6"}] trailing')


class _Element:
    """Stands for a device or its data: something a list holds and frees."""


def test_release_frees_old_lists_and_leaves_shared_ones_whole() -> None:
    """A replaced list is freed; a container someone still uses (a storage write) stays whole."""
    elements = [_Element() for _ in range(6)]
    freed = [weakref.ref(element) for element in elements]
    containers: list[Any] = [
        dict(enumerate(elements[:3])),
        tuple(elements[3:5]),
    ]
    still_written = [elements[5]]
    containers.append(still_written)
    del elements
    release(containers)
    assert containers == []
    assert [ref() is None for ref in freed] == [True] * 5 + [False]
    assert still_written == [freed[5]()]
