"""The usage record stays small whatever devices send, and a stored record of any shape loads."""

from datetime import timedelta
import json
from typing import Any

import orjson
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockUser,
    async_fire_mqtt_message,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import EVENT_HOMEASSISTANT_STOP
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from .conftest import setup_integration, wait_until
from .kitchen_light import (
    FIXTURE,
    IEEE,
    STATE_TOPIC,
    capability_usage as _usage,
    publish as _publish,
)
from .mosquitto import Broker

# The real broker's clock rule of the usage tests (their home is `zigbee_home`).
pytestmark = pytest.mark.usefixtures("paho_keeps_real_time")
MIB = 1024 * 1024
KEY = "ai_automation.usage"


async def _state(hass: HomeAssistant, broker: Broker, payload: dict[str, Any]) -> None:
    """Publish a state of Kitchen light and wait until the usage record has its brightness."""
    watcher = hass.config_entries.async_entries("ai_automation")[0].runtime_data.usage
    await wait_until(hass, lambda: IEEE in watcher.record.devices, "the light is watched")
    await _publish(broker, STATE_TOPIC, payload)
    brightness = watcher.record.devices[IEEE].capabilities["brightness"]
    await wait_until(
        hass,
        lambda: brightness.last.get("zigbee2mqtt") == payload["brightness"],
        f"brightness {payload['brightness']} arrives",
    )


async def test_huge_and_long_values_keep_the_record_small(
    zigbee_home: MockConfigEntry,
    hass: HomeAssistant,
    mosquitto: Broker,
    hass_storage: dict[str, Any],
    hass_ws_client: WebSocketGenerator,
    hass_admin_user: MockUser,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """14 state messages of 1 MiB are ignored, long values kept as a digest; said once each."""
    good = {"state": "ON", "brightness": 200, "color_temp": 370, "power_on_behavior": "previous"}
    await _state(hass, mosquitto, good)
    for step in range(14):  # each its own huge value of one capability
        huge = {**good, "brightness": 100, "power_on_behavior": f"{step}" + "x" * MIB}
        await _publish(mosquitto, STATE_TOPIC, huge)
    await _state(hass, mosquitto, {**good, "brightness": 150})
    for step in range(3):  # longer than any real setting, shorter than the message limit
        await _state(hass, mosquitto, {**good, "brightness": 140 + 2 * step, "effect": "e" * 2000})
        await _state(hass, mosquitto, {**good, "brightness": 141 + 2 * step, "effect": "f" * 2000})

    usage = await _usage(hass, hass_ws_client, hass_admin_user)
    behaviour = usage["power_on_behavior"]["values"]["zigbee2mqtt"]
    assert behaviour == ["previous"]  # the good value kept, none of the huge ones
    assert usage["brightness"]["values"]["zigbee2mqtt"] == [200, 150, *range(140, 146)]
    effects = usage["effect"]["values"]["zigbee2mqtt"]
    assert len(effects) == 2
    assert all(effect.startswith("<2002 bytes, sha256 ") for effect in effects)
    assert usage["effect"]["changes"] == 5
    assert caplog.text.count(f"Ignoring state messages over 64 KiB on {STATE_TOPIC}") == 1
    assert caplog.text.count(f"Keeping values of {STATE_TOPIC} longer than 64 bytes") == 1

    assert await hass.config_entries.async_reload(zigbee_home.entry_id)  # saves on unload
    await hass.async_block_till_done()
    assert len(orjson.dumps(hass_storage[KEY])) < 8192
    stored = hass_storage[KEY]["data"]["devices"][IEEE]["capabilities"]
    assert stored["power_on_behavior"]["values"] == {"zigbee2mqtt": ["previous"]}
    assert stored["effect"]["values"] == {"zigbee2mqtt": effects}
    usage = await _usage(hass, hass_ws_client, hass_admin_user)
    assert usage["brightness"]["values"]["zigbee2mqtt"] == [200, 150, *range(140, 146)]


def _device(since: float = 1.7e9, **changes: Any) -> dict[str, Any]:
    """Return a stored device whose colour temperature was 370 mired, with `changes`."""
    colour = {"since": since, "last_change": None, "changes": 0, "last": {"zigbee2mqtt": 370},
              "values": {"zigbee2mqtt": [370]}, "more": False}  # fmt: skip
    return {"since": since, "days": [[739500, 8]], "active_since": None,
            "capabilities": {"color_temp": colour}, **changes}  # fmt: skip


@pytest.mark.parametrize(
    ("version", "devices", "kept", "said"),
    [
        (1, {IEEE: _device(days={"a": 1}), "0x2": {"days": []}, "0x3": "?"}, [IEEE], "3 unread"),
        (1, {IEEE: _device(capabilities={"color_temp": [1], "x": {}})}, [IEEE], "2 unread"),
        (1, {IEEE: _device(active_since="soon"), "0x2": _device(since="x")}, [IEEE], "2 unread"),
        (1, [_device()], [], "1 unreadable entries ignored (the record is not an object"),
        (0, {IEEE: _device(), "0x2": _device()}, [IEEE, "0x2"], "of version 0 (this version"),
        (7, {IEEE: _device(), "0x2": None}, [IEEE], "of version 7 (this version writes 1): 1 u"),
    ],
)
async def test_stored_record_of_another_shape_keeps_what_is_readable(
    mqtt_ready: Any,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
    version: int,
    devices: Any,
    kept: list[str],
    said: str,
) -> None:
    """Hand-edited, older or newer: one log line, the readable devices kept, setup goes on."""
    hass_storage[KEY] = {
        "version": version,
        "key": KEY,
        "data": {"saved": 1.8e9, "devices": devices},
    }
    await setup_integration(hass, config_entry)
    assert config_entry.state is ConfigEntryState.LOADED
    lines = [r for r in caplog.records if "stored usage record" in r.getMessage()]
    assert len(lines) == 1
    assert said in lines[0].getMessage()
    assert lines[0].levelname == "WARNING"
    record = config_entry.runtime_data.usage.record
    assert list(record.devices) == kept
    if IEEE in kept and "x" not in devices[IEEE]["capabilities"]:
        assert record.devices[IEEE].capabilities["color_temp"].last == {"zigbee2mqtt": 370}


async def test_the_stored_file_is_read_a_device_per_line_keeping_what_is_readable(
    mqtt_ready: Any,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
    tmp_path: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The file as written: a damaged line (a cut write, an edit) loses only that device."""
    hass.config.config_dir = str(tmp_path)
    (tmp_path / ".storage").mkdir()
    lines = [
        f'{{\n  "version": 1,\n  "minor_version": 1,\n  "key": "{KEY}",\n  "data": {{',
        '    "saved": 1.8e9,\n    "devices": {',
        f"{json.dumps(IEEE)}:{json.dumps(_device())},",
        '"0x2":{"since": 1.7e9, "days": [[1, 2]], "capabil',
        f'"0x3":{json.dumps(_device(capabilities={"color_temp": "?"}))}',
        "}\n  }\n}",
    ]
    (tmp_path / ".storage" / KEY).write_text("\n".join(lines))
    await setup_integration(hass, config_entry)
    (line,) = [r.getMessage() for r in caplog.records if "stored usage record" in r.getMessage()]
    assert "2 unreadable entries ignored (line 9: " in line
    assert "0x3 color_temp: " in line
    assert line.endswith("kept 2 devices")
    record = config_entry.runtime_data.usage.record
    assert list(record.devices) == [IEEE, "0x3"]
    assert record.devices[IEEE].capabilities["color_temp"].values == {"zigbee2mqtt": [370]}


async def test_what_changed_is_written_as_home_assistant_stops(
    loaded_entry: MockConfigEntry, hass: HomeAssistant, hass_storage: dict[str, Any]
) -> None:
    """A change still waiting for its delayed save is written when Home Assistant stops."""
    async_fire_mqtt_message(hass, "zigbee2mqtt/bridge/devices", FIXTURE)
    await hass.async_block_till_done()
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=2))
    await hass.async_block_till_done()
    async_fire_mqtt_message(hass, STATE_TOPIC, '{"state": "ON", "color_temp": 333}')
    await hass.async_block_till_done()
    assert KEY not in hass_storage  # the save waits two minutes
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STOP)
    await hass.async_block_till_done()
    colour = hass_storage[KEY]["data"]["devices"][IEEE]["capabilities"]["color_temp"]
    assert colour["last"] == {"zigbee2mqtt": 333}
