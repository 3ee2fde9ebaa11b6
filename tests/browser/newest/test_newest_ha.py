"""The integration on the newest Home Assistant release, installed the way a user installs it.

scripts/newest-ha makes .venv-newest with that release (requirements_newest.txt); this module
starts a real `hass` from it with a copy of the integration in custom_components/ and a
password-protected Mosquitto, sets everything up through Home Assistant's own onboarding and
config flows (tests/browser/home.py), and checks through its HTTP and websocket APIs and in
Chromium what a user would see. pytest and Playwright run from .venv (the test harness's release).
scripts/test runs this module as its own step; `AI_AUTOMATION_NEWEST_PYTHON` picks another Python.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
import json
import os
from pathlib import Path
import re
import tempfile
import time
from typing import Any

from playwright.sync_api import Page, expect
import pytest
import pytest_socket

from custom_components.ai_automation.const import DOMAIN, ISSUE_BROKER_UNREACHABLE

from ..home import KITCHEN_LIGHT, ROOT, RunningHome, stopped_afterwards

pytestmark = pytest.mark.usefixtures("socket_enabled")  # Home Assistant on loopback

NEWEST_PYTHON = Path(
    os.environ.get("AI_AUTOMATION_NEWEST_PYTHON", ROOT / ".venv-newest" / "bin" / "python")
)
REQUIREMENTS = ROOT / "requirements_newest.txt"
DASHBOARD = "newest-test"
# Warnings that are about the integration and expected in this run: Home Assistant's notice for
# every custom integration, and the one line of the broker outage this module causes.
EXPECTED_WARNINGS = (
    "We found a custom integration ai_automation which has not been tested by Home Assistant",
    "Lost the MQTT broker",
)
LOG_RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+(?:[+-]\d\d:\d\d)? (\w+) ", re.M)


def wanted_release() -> str:
    """Return the Home Assistant version requirements_newest.txt pins."""
    found = re.search(r"^homeassistant==(\S+)", REQUIREMENTS.read_text(), re.M)
    assert found, f"{REQUIREMENTS} pins no homeassistant"
    return found[1]


def wait_for[T](what: str, probe: Callable[[], T | None], timeout: float) -> T:
    """Poll `probe` until it returns something; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while (found := probe()) is None:
        if time.monotonic() > deadline:
            pytest.fail(f"waited {timeout:.0f} s for {what}")
        time.sleep(1)
    return found


@pytest.fixture(scope="module")
def home() -> Generator[RunningHome]:
    """Start the newest Home Assistant with the demo home, a real Mosquitto and a copy of ours."""
    if not NEWEST_PYTHON.exists():
        pytest.fail(f"{NEWEST_PYTHON} is missing: run scripts/newest-ha")
    pytest_socket.enable_socket()  # module scope: before the per-test socket_enabled fixture
    folder = Path(tempfile.mkdtemp(prefix="ai-automation-newest-"))
    running = RunningHome(folder, str(NEWEST_PYTHON), copy=True)
    with stopped_afterwards(running):
        with pytest.MonkeyPatch.context() as patch:
            # Deprecation warnings reach Home Assistant's log (it captures Python's warnings).
            patch.setenv("PYTHONWARNINGS", "default::DeprecationWarning")
            running.start()
        yield running


def _our_issues(home: RunningHome) -> dict[str, Any]:
    (answer,) = home.websocket({"type": "repairs/list_issues"})
    return {issue["issue_id"]: issue for issue in answer["issues"] if issue["domain"] == DOMAIN}


def test_setup_through_the_config_flow_gives_entities_and_the_device_list(
    home: RunningHome,
) -> None:
    """On the newest release: both entries loaded, our entities live, Zigbee2MQTT's list read."""
    status, config = home.get("/api/config")
    assert status == 200
    assert config["version"] == wanted_release()
    assert (home.config / "custom_components" / DOMAIN / "manifest.json").is_file()
    assert not (home.config / "custom_components" / DOMAIN).is_symlink()  # a copy, as installed
    (entries,) = home.websocket({"type": "config_entries/get"})
    states = {entry["domain"]: entry["state"] for entry in entries}
    assert states[DOMAIN] == "loaded"
    assert states["mqtt"] == "loaded"
    (registry,) = home.websocket({"type": "config/entity_registry/list"})
    ours = [entity["entity_id"] for entity in registry if entity["platform"] == DOMAIN]
    assert {entity_id.split(".")[0] for entity_id in ours} == {
        "binary_sensor",
        "button",
        "sensor",
        "todo",
    }
    for entity_id in ours:
        status, state = home.get(f"/api/states/{entity_id}")
        assert status == 200, entity_id
        assert state["state"] != "unavailable", entity_id
    # The "Add integration" dialog files it where the manifest says (categories, connectivity).
    (descriptions,) = home.websocket({"type": "integration/descriptions"})
    described = descriptions["custom"]["integration"][DOMAIN]
    assert (described["categories"], described["connectivity"]) == (["diy_makers"], ["mqtt"])
    (model,) = home.websocket({"type": "ai_automation/capabilities"})
    devices = {device["ieee_address"]: device for device in model["devices"]}
    assert len(devices) > 1
    assert any(cap["entity_id"] for cap in devices[KITCHEN_LIGHT]["capabilities"])


def test_an_analysis_over_the_history_suggests_automations(home: RunningHome) -> None:
    """Three weeks of the demo home's history give suggestions, through the action."""
    summary = home.run_analysis()["service_response"]
    if summary.get("joined"):  # the start-up catch-up run, maybe from before the demo data
        summary = home.run_analysis()["service_response"]
    assert summary["success"], summary
    assert summary["events_analysed"] > 0, summary
    assert summary["suggestions_generated"] > 0, summary


def test_the_card_shows_the_suggestions_without_console_errors(
    page: Page, home: RunningHome
) -> None:
    """The dashboard card loads and lists suggestions (the page fixture fails on console errors)."""
    home.websocket(
        {"type": "lovelace/dashboards/create", "url_path": DASHBOARD, "title": "Newest",
         "mode": "storage", "show_in_sidebar": True, "require_admin": False},
        {"type": "lovelace/config/save", "url_path": DASHBOARD,
         "config": {"views": [{"title": "Home", "path": "home",
                               "cards": [{"type": "custom:ai-automation-card"}]}]}},
    )  # fmt: skip
    page.goto(f"{home.url}/{DASHBOARD}/home")
    card = page.locator("hui-masonry-view ai-automation-card")
    expect(card.locator("li.suggestion").first).to_be_visible(timeout=60_000)
    expect(card.locator(".pill.broker")).to_have_text("MQTT broker: connected")


@pytest.mark.timeout(480)
def test_a_broker_outage_raises_its_repairs_issue_for_the_entry_and_clears_it(
    home: RunningHome,
) -> None:
    """Mosquitto stops: the issue appears, linked to our entry; Mosquitto is back: it goes."""
    (entries,) = home.websocket({"type": "config_entries/get", "domain": DOMAIN})
    entry_id = entries[0]["entry_id"]
    assert ISSUE_BROKER_UNREACHABLE not in _our_issues(home)
    home.broker.stop()
    try:
        issue = wait_for(
            "the broker issue",
            lambda: _our_issues(home).get(ISSUE_BROKER_UNREACHABLE),
            timeout=150,
        )
        assert issue["severity"] == "error"
        # Stored with the entry it belongs to. Home Assistant writes the registry late: three
        # minutes after its start, when an issue came up while it started (MQTT's own does).
        storage = home.config / ".storage" / "repairs.issue_registry"

        def stored() -> dict[str, Any] | None:
            if not storage.exists():
                return None
            issues = json.loads(storage.read_text())["data"]["issues"]
            return next((i for i in issues if i["issue_id"] == ISSUE_BROKER_UNREACHABLE), None)

        assert wait_for("the stored issue", stored, timeout=180)["config_entry_id"] == entry_id
    finally:
        home.broker.start()
    wait_for(
        "the broker issue to clear",
        lambda: True if ISSUE_BROKER_UNREACHABLE not in _our_issues(home) else None,
        timeout=90,
    )


def test_after_a_restart_the_analysis_reads_only_what_is_new(home: RunningHome) -> None:
    """The days read before a restart are kept (`.storage`): the next run does not read them again.

    (After the broker outage: right after a start, the broker issue waits three minutes.)
    """
    before = home.run_analysis()["service_response"]
    assert before["success"], before
    kept = home.config / ".storage" / "ai_automation.kept_days" / "manifest.json"
    assert kept.is_file()
    restarted = len(home.log_text())
    home.restart()
    after = home.run_analysis()["service_response"]  # (or the start-up catch-up run's)
    assert after["success"], after
    # (at most all of them: just after midnight no change may be newer than the kept days)
    assert 0 < after["events_from_kept_days"] <= after["events_analysed"], after
    # (the window moved on by a minute or two: a row may have left it, none of the open ones)
    assert after["suggestions_open"] >= before["suggestions_open"] > 0, (before, after)
    assert "reads the whole lookback again" not in home.log_text()[restarted:]


def test_the_log_has_no_warning_or_error_from_or_about_the_integration(
    home: RunningHome,
) -> None:
    """Home Assistant stops cleanly; nothing in its log is a problem of ours (or a deprecation)."""
    home.stop()
    log = home.log_text()
    assert "Home Assistant initialized" in log or "Starting Home Assistant" in log
    starts = list(LOG_RECORD.finditer(log))
    ends = [match.start() for match in starts[1:]] + [len(log)]
    # Each record with its continuation lines (a traceback names the files it went through).
    records = [
        (match[1], log[match.start() : end]) for match, end in zip(starts, ends, strict=True)
    ]
    # Python's warnings (deprecations) reach the output without a log record's prefix too.
    records += [("WARNING", line) for line in log.splitlines() if "Warning: " in line]
    problems = [
        text.strip()
        for level, text in records
        if level in {"WARNING", "ERROR", "CRITICAL"}
        and ("ai_automation" in text or "AI Automation" in text)
        and not any(expected in text for expected in EXPECTED_WARNINGS)
    ]
    assert not problems, "\n\n".join(problems)
    assert sum("Lost the MQTT broker" in text for _, text in records) == 1
