"""The daily analysis run: schedule, outputs, single flight, failures."""

import asyncio
from datetime import datetime, timedelta
import json
from typing import Any
from unittest.mock import AsyncMock

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import async_capture_events
from pytest_homeassistant_custom_component.typing import MqttMockHAClient

from custom_components.ai_automation.analysis.run import AnalysisResult
from custom_components.ai_automation.diagnostics import async_get_config_entry_diagnostics
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from .conftest import run_analysis, setup_at as _setup
from .daily_run import analysis_result as _result, move_clock_to as _at

pytestmark = pytest.mark.schedule


async def test_runs_once_a_day_at_the_local_time(
    freezer: FrozenDateTimeFactory,
    berlin: MqttMockHAClient,
    hass: HomeAssistant,
    analyse: AsyncMock,
) -> None:
    """At 03:30 local it runs; the quarter-hour checks later that day do not run it again."""
    zone = dt_util.get_default_time_zone()
    events = async_capture_events(hass, "ai_automation_analysis_complete")
    await _setup(hass, freezer, datetime(2026, 11, 27, 1, 0, tzinfo=zone))
    await _at(hass, freezer, datetime(2026, 11, 27, 3, 29, 59, tzinfo=zone))
    assert analyse.await_count == 0
    await _at(hass, freezer, datetime(2026, 11, 27, 3, 30, 0, tzinfo=zone))
    assert analyse.await_count == 1
    for minute in (45, 60, 120):
        await _at(
            hass, freezer, datetime(2026, 11, 27, 3, 30, tzinfo=zone) + timedelta(minutes=minute)
        )
    assert analyse.await_count == 1
    await _at(hass, freezer, datetime(2026, 11, 28, 3, 30, tzinfo=zone))
    assert analyse.await_count == 2

    summary = events[0].data
    assert summary["success"] is True
    assert summary["status"] == "success"
    assert summary["patterns_detected"] == 3
    assert summary["suggestions_generated"] == 1
    assert summary["events_analysed"] == 120
    assert hass.states.get("sensor.ai_automation_last_analysis_status").state == "success"
    assert hass.states.get("sensor.ai_automation_suggestions_open").state == "1"
    topic, payload, qos, retain = berlin.async_publish.call_args_list[0].args
    assert (topic, qos, retain) == ("ha-ai/analysis/complete", 1, False)
    assert json.loads(payload)["events_analysed"] == 120
    assert json.loads(payload)["suggestions_generated"] == 1
    # Found again the next day: same suggestion, not a new one.
    assert events[1].data["suggestions_generated"] == 0


@pytest.mark.parametrize(
    ("day", "at", "checks", "expected"),
    [
        # 2026-10-25: 02:30 happens twice (summer time ends) - one run.
        ((2026, 10, 25), "02:30:00", [(2, 30, 0), (2, 45, 7), (3, 0, 7)], 1),
        # 2026-03-29: 02:30 does not exist (summer time starts) - the 03:00 check runs it.
        ((2026, 3, 29), "02:30:00", [(1, 45, 7), (3, 0, 7), (3, 15, 7)], 1),
    ],
)
async def test_dst_days_run_exactly_once(
    freezer: FrozenDateTimeFactory,
    berlin: MqttMockHAClient,
    hass: HomeAssistant,
    analyse: AsyncMock,
    day: tuple[int, int, int],
    at: str,
    checks: list[tuple[int, int, int]],
    expected: int,
) -> None:
    """No skipped day and no double run on the days the clocks change."""
    zone = dt_util.get_default_time_zone()
    start = datetime(*day, 0, 10, tzinfo=zone)
    await _setup(hass, freezer, start, analysis_time=at)
    moment = start
    while moment < start + timedelta(hours=4):  # every minute through the night, both 02:30s
        moment += timedelta(minutes=1)
        await _at(hass, freezer, dt_util.as_local(moment))
    assert analyse.await_count == expected


async def test_missed_run_catches_up_after_start(
    freezer: FrozenDateTimeFactory,
    berlin: MqttMockHAClient,
    hass: HomeAssistant,
    analyse: AsyncMock,
) -> None:
    """Home Assistant was off at 03:30: the run happens right after start, once."""
    zone = dt_util.get_default_time_zone()
    await _setup(hass, freezer, datetime(2026, 11, 27, 9, 0, tzinfo=zone))
    await hass.async_block_till_done()
    assert analyse.await_count == 1
    await _at(hass, freezer, datetime(2026, 11, 27, 9, 15, 7, tzinfo=zone))
    assert analyse.await_count == 1


async def test_run_action_returns_summary_and_joins(
    freezer: FrozenDateTimeFactory,
    berlin: MqttMockHAClient,
    hass: HomeAssistant,
    analyse: AsyncMock,
) -> None:
    """The action answers with the summary; a second request during a run joins it."""
    zone = dt_util.get_default_time_zone()
    await _setup(hass, freezer, datetime(2026, 11, 27, 1, 0, tzinfo=zone))
    release = asyncio.Event()

    async def slow(*_: Any, **__: Any) -> AnalysisResult:
        await release.wait()
        return _result()

    analyse.side_effect = slow
    first = hass.async_create_task(run_analysis(hass))
    for _ in range(20):  # time is frozen: let the run start without sleeping
        await asyncio.sleep(0)
    assert hass.states.get("sensor.ai_automation_last_analysis_status").state == "running"
    second = hass.async_create_task(run_analysis(hass))
    for _ in range(20):
        await asyncio.sleep(0)
    release.set()
    one, two = await first, await second
    assert analyse.await_count == 1
    assert one["status"] == "success"
    assert two["joined"] is True


async def test_failed_run_is_reported(
    freezer: FrozenDateTimeFactory,
    berlin: MqttMockHAClient,
    hass: HomeAssistant,
    analyse: AsyncMock,
) -> None:
    """A failure ends as status failed with the reason, everywhere; suggestions stay."""
    zone = dt_util.get_default_time_zone()
    entry = await _setup(hass, freezer, datetime(2026, 11, 27, 1, 0, tzinfo=zone))
    await run_analysis(hass)
    analyse.side_effect = RuntimeError("database is locked")
    summary = await run_analysis(hass)
    assert summary is not None
    assert (summary["success"], summary["status"]) == (False, "failed")
    assert summary["error"] == "RuntimeError: database is locked"
    assert summary["suggestions_open"] == 1
    status = hass.states.get("sensor.ai_automation_last_analysis_status")
    assert (status.state, status.attributes["error"]) == (
        "failed",
        "RuntimeError: database is locked",
    )
    payload = json.loads(berlin.async_publish.call_args_list[-1].args[1])
    assert payload["error"] == "RuntimeError: database is locked"

    # Diagnostics show the recent runs, newest first, at most ten, kept across a restart.
    analyse.side_effect = None
    for _ in range(10):
        await run_analysis(hass)
    assert await hass.config_entries.async_reload(entry.entry_id)
    analysis = (await async_get_config_entry_diagnostics(hass, entry))["analysis"]
    runs = analysis["recent_runs"]
    assert len(runs) == 10
    assert runs[0] == analysis["last_run"]
    assert "failed" not in {run["status"] for run in runs}  # the eleventh run back is gone
    analyse.side_effect = RuntimeError("disk full")
    await run_analysis(hass)
    runs = (await async_get_config_entry_diagnostics(hass, entry))["analysis"]["recent_runs"]
    assert [run["status"] for run in runs[:2]] == ["failed", "success"]
    assert runs[0]["error"] == "RuntimeError: disk full"


async def test_no_data(
    freezer: FrozenDateTimeFactory,
    berlin: MqttMockHAClient,
    hass: HomeAssistant,
    analyse: AsyncMock,
) -> None:
    """An empty history is a run with status no_data, not a failure."""
    analyse.return_value = _result([], events=0)
    zone = dt_util.get_default_time_zone()
    await _setup(hass, freezer, datetime(2026, 11, 27, 1, 0, tzinfo=zone))
    summary = await run_analysis(hass)
    assert summary is not None
    assert (summary["success"], summary["status"]) == (True, "no_data")
