"""The live usage record: days in use, changes, bounds, storage, and claims only on evidence."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from custom_components.ai_automation.engine.usage.local_clock import LocalClock
from custom_components.ai_automation.engine.usage.record import (
    HOME_ASSISTANT,
    MAX_DAYS,
    MAX_VALUES,
    NOT_ENOUGH_EVIDENCE,
    NOT_USED,
    USED,
    ZIGBEE2MQTT,
    UsageRecord,
)
from custom_components.ai_automation.engine.usage.record_file import load_record

ZONE = "Europe/Berlin"
START = datetime(2026, 10, 20, tzinfo=ZoneInfo(ZONE))  # the clocks go back on 25 October


def _at(days: float, hour: float = 0) -> float:
    return (START + timedelta(days=days, hours=hour)).timestamp()


def _evenings(record: UsageRecord, days: range, values: dict[str, object]) -> None:
    device = record.devices["bulb"]
    for day in days:
        record.signal(device, "state", True, _at(day, 19))
        record.observe(device, ZIGBEE2MQTT, list(values.items()), _at(day, 19))
        record.signal(device, "state", False, _at(day, 23))


def test_local_days_and_parts_across_the_clock_change() -> None:
    """Days and parts of the day are local, also on the 25-hour day."""
    clock = LocalClock(ZONE)
    assert clock.slot(_at(5, 5.5)) == (START.date().toordinal() + 5, 0)
    assert clock.slot(_at(5, 19)) == (START.date().toordinal() + 5, 3)
    assert clock.slot(_at(4, 12)) == (START.date().toordinal() + 4, 2)
    assert clock.next_slot_start(_at(5, 19)) == _at(6)


def test_claim_only_after_the_lookback_with_enough_days_in_use() -> None:
    """Not used needs the whole lookback watched and five days in use; a change means used."""
    record = UsageRecord(ZONE)
    record.watch("bulb", ["color_temp", "brightness"], _at(0))
    _evenings(record, range(3), {"color_temp": 370, "brightness": 254})
    early = record.assess("bulb", "color_temp", _at(3), 14)
    assert early.status == NOT_ENOUGH_EVIDENCE
    assert early.reason == "watched for 3.0 of 14 days"
    _evenings(record, range(3, 14), {"color_temp": 370, "brightness": 254})
    _evenings(record, range(14, 15), {"color_temp": 370, "brightness": 100})
    claim = record.assess("bulb", "color_temp", _at(15, 3), 14)
    assert claim.status == NOT_USED
    assert (claim.days_in_use, claim.part_days) == (14, (0, 0, 0, 14))
    assert (claim.value, claim.source) == (370, ZIGBEE2MQTT)
    used = record.assess("bulb", "brightness", _at(15, 3), 14)
    assert (used.status, used.reason) == (USED, "changed 1 times")
    assert record.assess("bulb", "color", _at(15), 14).status == NOT_ENOUGH_EVIDENCE
    assert record.assess("other", "color_temp", _at(15), 14).reason == "not watched yet"


def test_no_claim_for_a_device_rarely_in_use_or_never_reporting() -> None:
    """Four days in use, or no value ever reported, is no evidence."""
    record = UsageRecord(ZONE)
    record.watch("bulb", ["color_temp", "effect"], _at(0))
    _evenings(record, range(0, 15, 4), {"color_temp": 370})
    rare = record.assess("bulb", "color_temp", _at(15), 14)
    assert (rare.status, rare.reason) == (
        NOT_ENOUGH_EVIDENCE,
        "in use on 3 days, at least 5 needed",
    )
    silent = record.assess("bulb", "effect", _at(15), 14)
    assert silent.reason == "no value reported yet"


def test_use_going_on_and_across_midnight_counts_every_day() -> None:
    """A light on from the evening to the next morning was in use on both days."""
    record = UsageRecord(ZONE)
    device = record.watch("bulb", ["color_temp"], _at(0))
    assert device is not None
    record.signal(device, "state", True, _at(0, 21))
    record.signal(device, "state", False, _at(1, 7))
    assert device.days_in_use(START.date().toordinal()) == (2, (1, 1, 0, 1))
    record.signal(device, "light.bulb", True, _at(3, 8))
    record.assess("bulb", "color_temp", _at(4, 13), 14)  # still on: counted up to now
    assert device.days_in_use(START.date().toordinal() + 3) == (2, (1, 2, 2, 1))


def test_values_and_days_are_bounded() -> None:
    """A chattering capability keeps a bounded list; old days drop out."""
    record = UsageRecord(ZONE)
    device = record.watch("bulb", ["brightness"], _at(0))
    assert device is not None
    for step in range(MAX_VALUES * 3):
        record.observe(device, HOME_ASSISTANT, [("brightness", step)], _at(step))
    usage = device.capabilities["brightness"]
    assert len(usage.values[HOME_ASSISTANT]) == MAX_VALUES
    assert usage.more
    assert len(device.days) <= MAX_DAYS
    for day in range(MAX_DAYS + 10):
        record.signal(device, "state", True, _at(day, 20))
        record.signal(device, "state", False, _at(day, 21))
    assert len(device.days) == MAX_DAYS
    assert min(device.days) == START.date().toordinal() + 10


def test_stored_and_loaded_the_same_and_use_ends_at_the_save() -> None:
    """A round trip keeps everything; a light on when saved counts only up to the save."""
    record = UsageRecord(ZONE)
    record.watch("bulb", ["color_temp", "color"], _at(0))
    record.watch("gone", ["brightness"], _at(0))
    _evenings(record, range(10), {"color_temp": 370})
    device = record.devices["bulb"]
    record.observe(device, HOME_ASSISTANT, [("color", [30.0, 50.0])], _at(10))
    record.signal(device, "state", True, _at(10, 19))
    record.forget_others(["bulb"])
    stored = record.to_dict(_at(10, 20))
    assert not record.dirty
    again = UsageRecord(ZONE)
    load_record(again, stored)
    assert list(again.devices) == ["bulb"]
    loaded = again.devices["bulb"]
    assert loaded.active_since is None
    assert loaded.days == device.days
    assert (
        loaded.capabilities["color_temp"].to_dict() == device.capabilities["color_temp"].to_dict()
    )
    # The same value again (a list after the JSON round trip) is no change.
    again.observe(loaded, HOME_ASSISTANT, [("color", [30.0, 50.0])], _at(11))
    assert loaded.capabilities["color"].changes == 0
