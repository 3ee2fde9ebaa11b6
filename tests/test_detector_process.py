"""The detectors run in a process of their own: its failures are reported, it never lingers."""

import asyncio
import contextlib
from datetime import timedelta
import json
import os
from pathlib import Path
import sys
from unittest.mock import MagicMock, patch

from freezegun.api import FrozenDateTimeFactory
import psutil
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_capture_events
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)
from pytest_homeassistant_custom_component.typing import MqttMockHAClient

from custom_components.ai_automation.analysis.detector_process import WORKER, DetectorProcess
from custom_components.ai_automation.const import DEFAULT_NOTIFY_TOPIC
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers.recorder import get_instance
from homeassistant.util import dt as dt_util

from .conftest import run_analysis, setup_integration

# Changes to so many different long states (255 characters, the most a state has) that what they
# stand for is more than a pipe holds (64 KiB) before it is read.
CHANGES_PAST_A_PIPE = 300


def _command_line(process: psutil.Process) -> list[str]:
    """Return `process`'s command line; none for one that has ended (or is a zombie).

    A process's children include short-lived ones (a library may run a command as it is
    imported): one may end between being listed and being looked at.
    """
    try:
        return process.cmdline()
    except psutil.NoSuchProcess:  # (psutil.ZombieProcess too)
        return []


def _workers() -> list[psutil.Process]:
    """Return this process's children that are detector workers still running."""
    return [
        child
        for child in psutil.Process().children(recursive=True)
        if any(part.endswith("worker.py") for part in _command_line(child))
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
    with patch("custom_components.ai_automation.analysis.detector_process.WORKER", broken):
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
        "custom_components.ai_automation.recorder_reader.tables.HistoryReader._prepare",
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
        "custom_components.ai_automation.analysis.detector_process.asyncio.create_subprocess_exec",
        side_effect=PermissionError("Operation not permitted"),
    ):
        summary = await run_analysis(hass)
        assert (summary["status"], summary["patterns_detected"]) == ("success", 2)
        assert summary["events_from_kept_days"] == 0  # (nothing kept yet)
        warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
        assert [w for w in warnings if "pattern detectors" in w] == [
            "Could not start a process for the pattern detectors (Operation not permitted); this"
            " analysis runs them inside Home Assistant, which may slow it down while they run"
        ]
        # The next day the days read are kept, here as in the detectors' process.
        for minute, state in ((406, "on"), (451, "off")):
            freezer.move_to(today + timedelta(minutes=minute - 180))
            hass.states.async_set("light.kitchen", state, context=Context())
            await hass.async_block_till_done()
        freezer.move_to(today + timedelta(days=1))
        await async_wait_recording_done(hass)
        here = await run_analysis(hass)
    there = await run_analysis(hass)  # (in the process, after `here` kept today too)
    assert here["patterns_detected"] == there["patterns_detected"] == 2
    assert here["events_analysed"] == there["events_analysed"] == 28
    assert (here["events_from_kept_days"], there["events_from_kept_days"]) == (26, 28)


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


async def test_the_detector_process_starts_at_its_lower_priority() -> None:
    """Lowered as it is started, not once Python is up: its start never holds up the loop.

    Starting up takes a core for a tenth of a second; at Home Assistant's own priority, beside
    another busy program, that kept the event loop waiting 20-35 ms (`scripts/bench`).
    """
    before = {child.pid for child in psutil.Process().children()}
    detectors = await DetectorProcess.async_start()
    try:
        # Found as the new child: right after its start the kernel may show its command line
        # empty for a moment (the new program is being set up).
        [worker] = [child for child in psutil.Process().children() if child.pid not in before]
        # (before its interpreter is up: it has not lowered itself yet)
        nice = worker.nice()
        for _ in range(500):
            if str(WORKER) in _command_line(worker):
                break
            await asyncio.sleep(0.01)
        assert str(WORKER) in _command_line(worker)
        assert nice == min(os.getpriority(os.PRIO_PROCESS, os.getpid()) + 10, 19)
    finally:
        await detectors.async_close()


def _hung_worker(tmp_path: Path, *, stuck: bool) -> Path:
    """Write a worker that never answers.

    A `stuck` one reads all its input, then waits where only SIGKILL ends it; the other takes
    none of its input (SIGTERM ends it).
    """
    script = tmp_path / "worker.py"
    script.write_text(
        "import signal, sys, time\n"
        + (
            "signal.signal(signal.SIGTERM, signal.SIG_IGN)\nsys.stdin.buffer.read()\n"
            if stuck
            else ""
        )
        + "time.sleep(3600)\n"
    )
    return script


async def test_a_detector_process_that_never_answers_is_stopped_and_the_run_fails(
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A worker silent past the time limit is killed; the run fails saying so; the next works."""
    for state in ("on", "off", "on"):
        hass.states.async_set("light.kitchen", state, context=Context())
    await async_wait_recording_done(hass)
    await setup_integration(hass, config_entry)
    events = async_capture_events(hass, "ai_automation_analysis_complete")
    hung = _hung_worker(tmp_path, stuck=True)
    with (
        patch("custom_components.ai_automation.analysis.detector_process.WORKER", hung),
        patch(
            "custom_components.ai_automation.analysis.detector_process.DETECTORS_TIME_LIMIT", 1.0
        ),
        # (no grace: SIGKILL at once, whether or not it had begun to ignore SIGTERM)
        patch(
            "custom_components.ai_automation.analysis.detector_process.DETECTORS_STOP_GRACE", 0.0
        ),
    ):
        summary = await run_analysis(hass)
    error = (
        "DetectorProcessError: the detection process gave no answer within 1 s (the time limit"
        " for 3 changes) and was stopped"
    )
    assert (summary["success"], summary["status"], summary["error"]) == (False, "failed", error)
    status = hass.states.get("sensor.ai_automation_last_analysis_status")
    assert (status.state, status.attributes["error"]) == ("failed", error)
    assert [event.data["error"] for event in events] == [error]
    topic, payload = mqtt_ready.async_publish.call_args_list[-1].args[:2]
    assert (topic, json.loads(payload)["error"]) == (DEFAULT_NOTIFY_TOPIC, error)
    assert f"The analysis failed: {error}" in caplog.text
    assert _workers() == []
    # The next run works again.
    assert (await run_analysis(hass))["status"] == "success"


async def test_a_detector_process_that_takes_no_rows_is_stopped(
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
    tmp_path: Path,
) -> None:
    """A worker that stops reading its rows does not hold the recorder's thread: it is killed."""
    for index in range(CHANGES_PAST_A_PIPE):
        hass.states.async_set("light.kitchen", f"{index:03d}".ljust(255, "."), context=Context())
    await async_wait_recording_done(hass)
    await setup_integration(hass, config_entry)
    hung = _hung_worker(tmp_path, stuck=False)
    with (
        patch("custom_components.ai_automation.analysis.detector_process.WORKER", hung),
        patch(
            "custom_components.ai_automation.analysis.detector_process.DETECTORS_TIME_LIMIT", 1.0
        ),
    ):
        summary = await run_analysis(hass)
    assert summary["error"] == (
        "DetectorProcessError: the detection process took no rows for 1 s and was stopped"
    )
    assert _workers() == []
    assert (await run_analysis(hass))["status"] == "success"


HOME_ASSISTANT = """\
import asyncio
from custom_components.ai_automation.analysis.detector_process import WORKER, DetectorProcess

async def main():
    await DetectorProcess.async_start()
    await asyncio.sleep(3600)

asyncio.run(main())
"""


def _oom_score_adj(process: psutil.Process) -> int:
    """Return how readily the kernel's OOM killer takes `process` (-1000 to 1000)."""
    return int(Path(f"/proc/{process.pid}/oom_score_adj").read_text())


def _ended(process: psutil.Process) -> bool:
    """Return whether `process` has ended (gone, or a zombie nobody reaped yet)."""
    try:
        return process.status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


async def test_the_detector_process_is_a_guest_that_ends_with_home_assistant() -> None:
    """No secrets, lower priority, first for the OOM killer; killed when Home Assistant is."""
    parent = psutil.Popen(
        [sys.executable, "-c", HOME_ASSISTANT],
        cwd=Path(__file__).parent.parent,
        env=os.environ | {"SUPERVISOR_TOKEN": "secret"},
    )
    workers: list[psutil.Process] = []
    try:
        for _ in range(900):  # (Home Assistant's code is imported first)
            if workers := [p for p in parent.children() if str(WORKER) in _command_line(p)]:
                break
            await asyncio.sleep(0.1)
        assert len(workers) == 1, (parent.poll(), [_command_line(p) for p in parent.children()])
        [worker] = workers
        assert "SUPERVISOR_TOKEN" in parent.environ()
        assert "SUPERVISOR_TOKEN" not in worker.environ()
        assert worker.cmdline()[1] == "-I"
        for _ in range(400):  # (it settles in first thing; its priority is lowered at once)
            if _oom_score_adj(worker) == 1000:
                break
            await asyncio.sleep(0.05)
        assert (worker.nice(), _oom_score_adj(worker)) == (min(parent.nice() + 10, 19), 1000)
        worker.suspend()  # (busy, it would not notice its input end)
        parent.kill()
        parent.wait()
        for _ in range(100):
            if _ended(worker):
                break
            await asyncio.sleep(0.05)
        assert _ended(worker)
    finally:
        for process in (parent, *workers):
            with contextlib.suppress(psutil.NoSuchProcess):
                process.kill()
        parent.wait()


async def test_a_detector_process_whose_home_assistant_has_ended_does_not_start() -> None:
    """A worker whose Home Assistant ended before it could be tied to it ends at once."""
    orphan = await asyncio.create_subprocess_exec(
        sys.executable,
        "-I",
        str(WORKER),
        str(os.getpid() + 1),  # (not its parent: the parent it was started by has gone)
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    answer, errors = await orphan.communicate()
    assert (orphan.returncode, answer) == (1, b"")
    assert errors == b"Home Assistant ended before the detectors' process began\n"
