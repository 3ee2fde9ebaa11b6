"""The usage record's stored form: long values bounded, a device per line, damaged lines skipped."""

import orjson

from custom_components.ai_automation.engine.usage.record import (
    MAX_VALUE_BYTES,
    ZIGBEE2MQTT,
    UsageRecord,
    bounded,
    is_digest,
)
from custom_components.ai_automation.engine.usage.record_file import (
    device_json,
    devices_json,
    load_lines,
    split_lines,
)

ZONE = "Europe/Berlin"
NOW = 1_790_000_000.0


def test_short_values_are_kept_and_long_ones_become_a_digest() -> None:
    """Numbers, short text and a colour stay; a long text or structure is its length and hash."""
    for value in (254, 21.5, True, "previous", {"x": 0.4578, "y": 0.41}, [30.0, 50.0]):
        assert bounded(value) is value
    long = "x" * 1000
    digest = bounded(long)
    assert digest == bounded("x" * 1000)  # the same value, the same digest: no change
    assert digest != bounded("y" * 1000)
    assert digest.startswith("<1002 bytes, sha256 ")
    assert is_digest(digest)
    assert not is_digest("previous")
    assert is_digest(bounded({"list": list(range(100))}))
    assert len(digest) <= MAX_VALUE_BYTES


def test_a_capability_holding_a_long_value_proves_nothing() -> None:
    """A long value is no evidence of a setting people keep: never "not used" on its digest."""
    record = UsageRecord(ZONE)
    device = record.watch("bulb", ["effect"], NOW - 30 * 86400)
    assert device is not None
    record.observe(device, ZIGBEE2MQTT, [("effect", "e" * 500)], NOW - 29 * 86400)
    assert record.shortened == ["effect"]
    found = record.assess("bulb", "effect", NOW, 14)
    assert found.status == "not_enough_evidence"
    assert found.reason == "the value it holds is too long to keep"


def _document(record: UsageRecord) -> bytes:
    """Return the record as Home Assistant's store writes it (indented around the devices)."""
    devices = devices_json([(ieee, device_json(d)) for ieee, d in record.devices.items()])
    envelope = {
        "version": 1,
        "key": "k",
        "data": {"saved": NOW, "devices": orjson.Fragment(devices)},
    }
    return orjson.dumps(envelope, option=orjson.OPT_INDENT_2)


def test_the_stored_document_is_read_back_a_device_per_line() -> None:
    """What is written reads back the same; a damaged line costs only its own device."""
    record = UsageRecord(ZONE)
    for ieee in ("0x1", "0x2", "0x3"):
        device = record.watch(ieee, ["brightness"], NOW)
        assert device is not None
        record.observe(device, ZIGBEE2MQTT, [("brightness", 100)], NOW)
    content = _document(record)
    assert orjson.loads(content)["data"]["devices"]["0x3"]["since"] == NOW  # one JSON document
    found = split_lines(content)
    assert found is not None
    head, lines, first = found
    assert head["data"] == {"saved": NOW, "devices": {}}
    again = UsageRecord(ZONE)
    assert load_lines(again, lines, NOW, first) == []
    assert {ieee: d.capabilities["brightness"].last for ieee, d in again.devices.items()} == {
        ieee: {ZIGBEE2MQTT: 100} for ieee in ("0x1", "0x2", "0x3")
    }
    assert again.devices["0x1"].stored == device_json(record.devices["0x1"])

    cut = content.replace(b'"0x2":{"since"', b'"0x2":{"sin', 1)
    found = split_lines(cut)
    assert found is not None
    damaged = UsageRecord(ZONE)
    problems = load_lines(damaged, found[1], NOW, found[2])
    assert len(problems) == 1
    assert problems[0].startswith("line 8: ")
    assert list(damaged.devices) == ["0x1", "0x3"]
    assert split_lines(orjson.dumps({"data": {"devices": {}}})) is None  # another shape
