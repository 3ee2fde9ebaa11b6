"""Fixtures of the browser tests: one Home Assistant process and one Chromium per test module."""

from __future__ import annotations

from collections.abc import Generator
import os
from pathlib import Path
import tempfile
from typing import Any

from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright
import pytest
import pytest_socket

from .home import KITCHEN_LIGHT, RunningHome, host_time_zone, stopped_afterwards
from .seeds import NEXT_ENGINE_SUGGESTIONS, kitchen_light_usage

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # Debian's package (scripts/apt-install)
DASHBOARD = "card-test"
# How long an expectation waits for the page: the dashboard loads slowly on a busy 2-core machine
# (Playwright's 5 s default failed there while the frontend was still "Loading...").
expect.set_options(timeout=30_000)


@pytest.fixture(autouse=True)
def auto_recorder() -> None:
    """Replace the package-wide recorder fixture: Home Assistant runs in its own process here."""


@pytest.fixture(scope="module")
def home() -> Generator[RunningHome]:
    """Home Assistant with the demo home and a real Mosquitto, analysed once, and a dashboard."""
    pytest_socket.enable_socket()  # module scope: before the per-test socket_enabled fixture
    folder = Path(tempfile.mkdtemp(prefix="ai-automation-browser-"))
    running = RunningHome(folder)
    with stopped_afterwards(running):
        running.start(
            stored_suggestions=NEXT_ENGINE_SUGGESTIONS,
            stored_usage=kitchen_light_usage(KITCHEN_LIGHT, host_time_zone()),
        )
        summary = running.run_analysis()["service_response"]
        if summary.get("joined"):  # the start-up catch-up run, maybe from before the demo data
            summary = running.run_analysis()["service_response"]
        assert summary["success"], summary
        # At most 5 new suggestions per run (the default): the demo home finds more, so run again
        # until every finding is offered, as a few days of daily runs would.
        for _ in range(5):
            if not summary["suggestions_generated"]:
                break
            summary = running.run_analysis()["service_response"]
        assert summary["success"], summary
        assert summary["suggestions_generated"] == 0, summary
        running.websocket(
            {"type": "lovelace/dashboards/create", "url_path": DASHBOARD, "title": "Card test",
             "mode": "storage", "show_in_sidebar": True, "require_admin": False},
            {"type": "lovelace/config/save", "url_path": DASHBOARD,
             "config": {"views": [{"title": "Home", "path": "home", "cards": []}]}},
        )  # fmt: skip
        yield running


def _log_in(browser: Browser, home: RunningHome) -> Any:
    """Log in through Home Assistant's login page, as a user does; return the browser's storage."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(home.url + "/")
    page.get_by_role("textbox", name="Username").fill("dev")
    page.get_by_role("textbox", name="Password").fill("dev")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/auth/" not in url, timeout=60_000)
    page.wait_for_function(
        "() => document.querySelector('home-assistant')?.hass?.connected === true",
        timeout=60_000,
    )
    storage = context.storage_state()  # the tokens the frontend keeps in localStorage
    context.close()
    return storage


@pytest.fixture(scope="module")
def login_storage() -> dict[str, Any]:
    """Keep the logged-in browser storage for the module, once the first test logged in."""
    return {}


@pytest.fixture
def page(home: RunningHome, login_storage: dict[str, Any], socket_enabled: None) -> Generator[Page]:
    """Chromium, logged in; the test fails on any console error of the page.

    Playwright's synchronous API runs an event loop of its own while it is open, so it lives
    inside one test (after the test harness's own asyncio fixtures), not across the module.
    """
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: scripts/apt-install chromium")
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        # This machine is offline: Home Assistant's frontend fails to fetch brand images from
        # the internet. Errors of Home Assistant's own pages and scripts all count.
        if message.type == "error" and message.location.get("url", "").startswith(home.url):
            errors.append(f"{message.text} ({message.location.get('url')})")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        if not login_storage:
            login_storage.update(_log_in(browser, home))
        context = browser.new_context(
            storage_state=login_storage,  # type: ignore[arg-type]
            viewport={"width": 1280, "height": 900},
            locale="en-US",
        )
        tab = context.new_page()
        tab.on("console", on_console)
        tab.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
        yield tab
        browser.close()
    assert not errors, "console errors:\n" + "\n".join(errors)


@pytest.fixture
def bare_page() -> Generator[Page]:
    """Chromium with an empty page and no Home Assistant (for the card's own logic).

    The test fails on any console error or uncaught exception of the page.
    """
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        tab = browser.new_page()
        tab.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
        tab.on(
            "console",
            lambda message: errors.append(message.text) if message.type == "error" else None,
        )
        yield tab
        browser.close()
    assert not errors, "console errors:\n" + "\n".join(errors)
