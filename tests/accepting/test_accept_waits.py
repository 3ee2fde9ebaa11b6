"""An accepted "light off after motion has been off for 2 minutes" waits in Home Assistant too."""

from datetime import datetime, timedelta
from unittest.mock import AsyncMock

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import async_mock_service

from custom_components.ai_automation.engine.detectors.sequences import detect_sequences
from custom_components.ai_automation.engine.suggestions.build import build_suggestions
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from ..conftest import run_analysis, setup_at as _setup
from ..daily_run import analysis_result as _result, move_clock_to as _at
from ..engine.hall_motion import NAMES, history as _history, motion_then_light_off

pytestmark = [pytest.mark.usefixtures("with_automations")]
MOTION = "binary_sensor.hall_motion"


async def test_accepted_wait_turns_the_light_off_only_after_two_minutes(
    freezer: FrozenDateTimeFactory,
    hass: HomeAssistant,
    analyse: AsyncMock,
) -> None:
    """Motion off: the light stays on for 2 minutes, motion back meanwhile keeps it on."""
    sequences, _ = detect_sequences(_history(motion_then_light_off()))
    suggestion = next(
        s
        for s in build_suggestions([], sequences, [], names=NAMES)
        if s.kind == "sequence" and s.title.startswith("Turn off Hall light")
    )
    zone = dt_util.get_default_time_zone()
    start = datetime(2026, 11, 27, 19, 0, tzinfo=zone)
    await _setup(hass, freezer, start)
    analyse.return_value = _result([suggestion])
    await run_analysis(hass)
    hass.states.async_set(MOTION, "on")
    await hass.services.async_call(
        "ai_automation", "accept_suggestion", {"suggestion_id": suggestion.id}, blocking=True
    )
    turn_off = async_mock_service(hass, "light", "turn_off")

    hass.states.async_set(MOTION, "off")  # 19:00:00
    await _at(hass, freezer, start + timedelta(seconds=60))
    assert turn_off == []  # not at once, not after a minute
    hass.states.async_set(MOTION, "on")  # someone is back: the wait starts again
    hass.states.async_set(MOTION, "off")  # 19:01:00
    await _at(hass, freezer, start + timedelta(seconds=170))
    assert turn_off == []
    await _at(hass, freezer, start + timedelta(seconds=181))
    assert [call.data["entity_id"] for call in turn_off] == [["light.hall"]]
    assert suggestion.title == "Turn off Hall light when Hall motion has been off for 2 minutes"
