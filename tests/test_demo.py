"""The home of `scripts/develop --demo` reads as a real home: its analysis suggests what one would."""

from datetime import timedelta
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_mqtt_message
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)
from pytest_homeassistant_custom_component.typing import MqttMockHAClient
import yaml

from homeassistant.core import Context, HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util

from .conftest import run_analysis, setup_integration

ROOT = Path(__file__).resolve().parent.parent
MOTION = "binary_sensor.demo_hall_motion"
HALL_LIGHT = "input_boolean.demo_hall_light"


class _Loader(yaml.SafeLoader):
    """Reads configuration.yaml, leaving its `!include` lines aside."""


_Loader.add_constructor("!include", lambda loader, node: None)
DEV_CONFIG: dict[str, Any] = yaml.load(
    (ROOT / "config" / "configuration.yaml").read_text(encoding="utf-8"),
    _Loader,  # noqa: S506 - a SafeLoader with one more tag
)


def _demo() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_demo", ROOT / "scripts" / "dev_demo.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _acts_on(suggestion: dict[str, Any]) -> set[str]:
    """Return the entities the suggested automation's actions change."""
    found: set[str] = set()
    for action in (suggestion.get("automation") or {}).get("actions", []):
        targets = (action.get("target") or {}).get("entity_id", [])
        found.update([targets] if isinstance(targets, str) else targets)
    return found


async def test_demo_motion_starts_automations_and_is_never_switched(
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    config_entry: MockConfigEntry,
) -> None:
    """The demo's hall motion is a motion sensor: it triggers the hall light, nothing turns it on."""
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": DEV_CONFIG["input_boolean"]}
    )
    demo = _demo()
    # Announced by MQTT discovery, as the demo (and Zigbee2MQTT) does.
    async_fire_mqtt_message(
        hass,
        "homeassistant/binary_sensor/demo_hall_motion/config",
        json.dumps(demo.HALL_MOTION_CONFIG),
    )
    async_fire_mqtt_message(hass, demo.HALL_MOTION_CONFIG["state_topic"], "OFF")
    await hass.async_block_till_done()
    motion = hass.states.get(MOTION)
    assert motion is not None
    assert motion.attributes["device_class"] == "motion"
    assert motion.name == "Hall motion (demo)"

    now = dt_util.utcnow()
    rows = demo.history(ZoneInfo(hass.config.time_zone))
    assert {entity_id for entity_id, _, _ in rows} <= set(hass.states.async_entity_ids())
    for entity_id, state, moment in sorted(rows, key=lambda row: row[2]):
        freezer.move_to(dt_util.utc_from_timestamp(moment))
        current = hass.states.get(entity_id)
        assert current is not None
        hass.states.async_set(
            entity_id, state, current.attributes, context=Context(), state_info=current.state_info
        )
    freezer.move_to(now + timedelta(minutes=1))
    await async_wait_recording_done(hass)

    await setup_integration(hass, config_entry)
    summary = await run_analysis(hass)
    assert summary["status"] == "success"
    suggestions = list(config_entry.runtime_data.daily.store.suggestions.values())
    assert suggestions
    assert not [s["title"] for s in suggestions if MOTION in _acts_on(s)]
    assert not [s["title"] for s in suggestions if "Turn on Hall motion" in s["title"]]
    hall = [s for s in suggestions if s["kind"] == "sequence" and HALL_LIGHT in _acts_on(s)]
    assert "Turn on Hall light (demo) when Hall motion (demo) turns on" in [
        s["title"] for s in hall
    ]
