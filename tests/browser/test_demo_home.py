"""`scripts/develop --demo` as a newcomer meets it: suggestions, no false alarm, a real time zone.

The same steps scripts/develop runs (`dev_bootstrap.py setup --demo` against a real Home
Assistant and Mosquitto), on a port of its own so that it does not need port 8123.
"""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
import tempfile

import pytest
import pytest_socket

from .home import RunningHome, stopped_afterwards

pytestmark = pytest.mark.timeout(900)


@pytest.fixture(scope="module")
def demo_home() -> Generator[RunningHome]:
    """Home Assistant set up as `scripts/develop --reset --demo` sets it up."""
    pytest_socket.enable_socket()
    folder = Path(tempfile.mkdtemp(prefix="ai-automation-demo-"))
    running = RunningHome(folder)
    with stopped_afterwards(running):
        running.start(as_develop_demo=True)
        yield running


def test_the_demo_ends_with_suggestions_and_no_false_alarm(
    demo_home: RunningHome, socket_enabled: None
) -> None:
    """Suggestions from three weeks; no "wait a week" notification; no repair; the card's dashboard."""
    status, listed = demo_home.websocket(
        {"type": "ai_automation/status"}, {"type": "ai_automation/suggestions", "status": "new"}
    )
    assert status["last_run"]["success"], status
    assert status["last_run"]["history_days"] >= 13, status
    titles = [s["title"] for s in listed["suggestions"]]
    assert any(t.startswith("Turn on Coffee machine (demo)") for t in titles), titles
    notifications, issues, dashboards = demo_home.websocket(
        {"type": "persistent_notification/get"},
        {"type": "repairs/list_issues"},
        {"type": "lovelace/dashboards/list"},
    )
    messages = [n["message"] for n in notifications]
    assert not [m for m in messages if "week" in m or "less than a day" in m], messages
    assert issues["issues"] == [], issues
    assert "ai-automation" in [d["url_path"] for d in dashboards]
    (config,) = demo_home.websocket({"type": "lovelace/config", "url_path": "ai-automation"})
    assert config["views"][0]["cards"] == [{"type": "custom:ai-automation-card"}]
    status_code, core = demo_home.get("/api/config")
    assert status_code == 200
    assert "/" in core["time_zone"], core  # a place, not UTC
    assert not core["time_zone"].startswith("Etc/"), core
