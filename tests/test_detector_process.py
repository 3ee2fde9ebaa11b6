"""The detectors run in a process of their own: its failures are reported, it never lingers."""

import asyncio
from datetime import timedelta
import os
from pathlib import Path
from unittest.mock import MagicMock, patch

from freezegun.api import FrozenDateTimeFactory
import psutil
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)
from pytest_homeassistant_custom_component.typing import MqttMockHAClient

from custom_components.ai_automation.detector_process import DetectorProcess
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers.recorder import get_instance
from homeassistant.util import dt as dt_util

from .conftest import run_analysis, setup_integration


def _workers() -> list[psutil.Process]:
    """Return this process's children that are detector workers still running."""
    return [
        child
        for child in psutil.Process().children(recursive=True)
        if any(part.endswith("worker.py") for part in child.cmdline())
    ]


async def test_a_crashed_detector_process_fails_the_run_with_its_reason(
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
    tmp_path: Path,
) -> None:
    """When the process dies, the run is reported failed with its last words; nothing lingers."""
    hass.states.async_set("light.kitchen", "on", context=Context())
    await async_wait_recording_done(hass)
    await setup_integration(hass, config_entry)
    broken = tmp_path / "worker.py"
    broken.write_text(
        "import sys\nsys.stderr.write('MemoryError: out of memory\\n')\nsys.exit(3)\n"
    )
    with patch("custom_components.ai_automation.detector_process.WORKER", broken):
        summary = await run_analysis(hass)
    assert (summary["success"], summary["status"]) == (False, "failed")
    assert summary["error"] == (
        "DetectorProcessError: the detection process ended with code 3: MemoryError: out of memory"
    )
    assert _workers() == []
    # The next run works again.
    assert (await run_analysis(hass))["status"] == "success"


async def test_the_detector_process_stops_when_reading_the_history_fails(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, config_entry: MockConfigEntry
) -> None:
    """The process started while the history is read is stopped when the reading fails."""
    await setup_integration(hass, config_entry)
    with patch(
        "custom_components.ai_automation.recorder_history.HistoryReader.rows",
        side_effect=RuntimeError("database is locked"),
    ):
        summary = await run_analysis(hass)
    assert summary["error"] == "RuntimeError: database is locked"
    assert _workers() == []


async def test_without_a_process_the_detectors_run_in_home_assistant(
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Where no process can be started, the analysis still finds the habit, saying why once."""
    today = dt_util.now().replace(hour=3, minute=0, second=0, microsecond=0)
    for days_ago in range(14, 0, -1):
        for minute, state in ((405 + days_ago % 5, "on"), (450 + days_ago % 4, "off")):
            freezer.move_to(today - timedelta(days=days_ago) + timedelta(minutes=minute - 180))
            hass.states.async_set("light.kitchen", state, context=Context())
            await hass.async_block_till_done()
    freezer.move_to(today)
    await async_wait_recording_done(hass)
    await setup_integration(hass, config_entry)
    with patch(
        "custom_components.ai_automation.detector_process.asyncio.create_subprocess_exec",
        side_effect=PermissionError("Operation not permitted"),
    ):
        summary = await run_analysis(hass)
    assert (summary["status"], summary["patterns_detected"]) == ("success", 2)
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert [w for w in warnings if "pattern detectors" in w] == [
        "Could not start a process for the pattern detectors (Operation not permitted); this"
        " analysis runs them inside Home Assistant, which may slow it down while they run"
    ]


async def test_stopped_before_the_reading_began_the_pipe_is_closed(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, config_entry: MockConfigEntry
) -> None:
    """An analysis stopped while its reading waits for the recorder leaves nothing open."""
    await setup_integration(hass, config_entry)
    before = sorted(os.listdir("/proc/self/fd"))
    detectors = await DetectorProcess.async_start()
    queued: asyncio.Future[None] = hass.loop.create_future()  # the recorder's executor is busy
    with patch.object(get_instance(hass), "async_add_executor_job", return_value=queued):
        detecting = hass.async_create_task(detectors.async_detect(hass, MagicMock(), {}))
        await asyncio.sleep(0)
        detecting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await detecting
    await detectors.async_close()
    for _ in range(10):  # (the process's pipes close a loop turn after it ends)
        await asyncio.sleep(0)
    assert sorted(os.listdir("/proc/self/fd")) == before
    assert _workers() == []
