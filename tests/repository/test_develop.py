"""scripts/develop: the terminal shows warnings and errors; the dev broker stops and starts on demand."""

from collections.abc import Generator
import os
from pathlib import Path
import shutil
import signal
import socket
import subprocess
import sys
import time

import pytest

ROOT = Path(__file__).resolve().parents[2]

HA_OUTPUT = """\
2026-11-29 01:13:50.100 INFO (MainThread) [homeassistant.setup] Setting up recorder
2026-11-29 01:13:51.338 WARNING (SyncWorker_0) [homeassistant.loader] We found a custom integration
2026-11-29 01:13:52.000 INFO (MainThread) [homeassistant.core] Starting Home Assistant
\x1b[31m2026-11-29 01:14:00.501 ERROR (Recorder) [homeassistant.components.recorder.core] Broken\x1b[0m
Traceback (most recent call last):
  File "core.py", line 1, in commit
sqlite3.IntegrityError: UNIQUE constraint failed
\x1b[32m2026-11-29 01:14:01.000 INFO (MainThread) [custom_components.ai_automation] quiet\x1b[0m
  a second line of an INFO message
"""


def _filter(text: str) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "dev_log_filter.py")],
        input=text,
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    return result.stdout


def test_terminal_shows_warnings_and_errors_with_their_tracebacks() -> None:
    """INFO lines (plain or coloured) stay in the log file; warnings and errors reach the terminal."""
    shown = _filter(HA_OUTPUT).splitlines()
    assert shown == [
        "2026-11-29 01:13:51.338 WARNING (SyncWorker_0) [homeassistant.loader] We found a custom"
        " integration",
        "\x1b[31m2026-11-29 01:14:00.501 ERROR (Recorder) [homeassistant.components.recorder.core]"
        " Broken\x1b[0m",
        "Traceback (most recent call last):",
        '  File "core.py", line 1, in commit',
        "sqlite3.IntegrityError: UNIQUE constraint failed",
    ]


def test_a_crash_before_logging_starts_is_shown() -> None:
    """Whatever Home Assistant prints before its first log record (a crash) is not hidden."""
    assert _filter("Error: no such option --x\n") == "Error: no such option --x\n"


def test_ctrl_c_does_not_cut_home_assistants_last_words() -> None:
    """Ctrl-C reaches the filter too; it keeps passing on what Home Assistant says while stopping."""
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "dev_log_filter.py")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None
    assert process.stdout is not None
    time.sleep(1)  # let it start and set up its signal handling
    process.send_signal(signal.SIGINT)
    process.stdin.write("2026-11-29 01:20:00.000 ERROR (MainThread) [x] while stopping\n")
    process.stdin.close()
    assert (
        process.stdout.read() == "2026-11-29 01:20:00.000 ERROR (MainThread) [x] while stopping\n"
    )
    assert process.wait(timeout=10) == 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.fixture
def checkout(tmp_path: Path, socket_enabled: None) -> Generator[tuple[Path, int]]:
    """Return a checkout whose scripts/develop has written its broker files, as at its start."""
    if shutil.which("mosquitto") is None and not Path("/usr/sbin/mosquitto").exists():
        raise RuntimeError("mosquitto is not installed: scripts/apt-install mosquitto")
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "develop", tmp_path / "scripts" / "develop")
    dev = tmp_path / "config" / ".dev"
    (dev / "mosquitto").mkdir(parents=True)
    port = _free_port()
    (dev / "mqtt_port").write_text(f"{port}\n")
    lines = [
        f"listener {port} 127.0.0.1",
        "allow_anonymous true",
        f"log_dest file {dev / 'mosquitto' / 'mosquitto.log'}",
    ]
    if os.geteuid() == 0:
        lines.append("user root")
    (dev / "mosquitto.conf").write_text("\n".join(lines) + "\n")
    yield tmp_path, port
    pid = (dev / "mosquitto.pid").read_text().strip() if (dev / "mosquitto.pid").exists() else ""
    if pid and Path(f"/proc/{pid}").exists():
        os.kill(int(pid), signal.SIGTERM)


def _broker(checkout: Path, command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "scripts/develop", "broker", command],
        cwd=checkout,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_broker_stops_and_starts_while_develop_runs(checkout: tuple[Path, int]) -> None:
    """From another terminal the developer stops and restarts the broker develop tracks."""
    folder, port = checkout
    dev = folder / "config" / ".dev"
    # A scripts/develop running in this checkout (what `broker` looks for: its pid and folder).
    develop = subprocess.Popen(["sleep", "120"], cwd=folder)
    try:
        (dev / "develop.pid").write_text(f"{develop.pid}\n")
        started = _broker(folder, "start")
        assert started.returncode == 0, started.stderr
        assert _listening(port)
        assert f"listens on 127.0.0.1:{port}" in started.stdout
        pid = int((dev / "mosquitto.pid").read_text())
        assert "already runs" in _broker(folder, "start").stdout
        assert "Mosquitto runs" in _broker(folder, "status").stdout

        stopped = _broker(folder, "stop")
        assert stopped.returncode == 0, stopped.stderr
        assert "scripts/develop broker start" in stopped.stdout
        assert not _listening(port)
        assert (
            not Path(f"/proc/{pid}/cmdline").exists()
            or not Path(f"/proc/{pid}/cmdline").read_bytes()
        )
        assert not (dev / "mosquitto.pid").exists()
        assert "stopped" in _broker(folder, "status").stdout
    finally:
        develop.terminate()
        develop.wait(timeout=10)


def test_broker_commands_need_a_running_develop(checkout: tuple[Path, int]) -> None:
    """Without scripts/develop nobody would stop the broker again: starting one is refused."""
    folder, port = checkout
    result = _broker(folder, "start")
    assert result.returncode == 1
    assert "scripts/develop is not running" in result.stderr
    assert not _listening(port)
