"""Fixtures for accepting into a large automations.yaml: the file, three suggestions, the editor."""

from datetime import datetime
import inspect

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import CLIENT_ID, MockConfigEntry, MockUser
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util

from ...conftest import DEFAULT_OPTIONS, run_analysis, setup_integration
from ...daily_run import SUGGESTION, analysis_finding, analysis_result
from .automation_editor import Editor, WatchedLock
from .user_automations import LARGE, OTHER, UNUSED


@pytest.fixture
def automations_yaml() -> str:
    """automations.yaml with hundreds of automations."""
    return LARGE


@pytest.fixture
async def entry(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> MockConfigEntry:
    """AI Automation after a run that found three suggestions."""
    freezer.move_to(datetime(2026, 11, 27, 1, 0, tzinfo=dt_util.get_default_time_zone()))
    entry = MockConfigEntry(domain="ai_automation", options=dict(DEFAULT_OPTIONS))
    await setup_integration(hass, entry)
    with analysis_finding(analysis_result([SUGGESTION, OTHER, UNUSED])):
        await run_analysis(hass)
    return entry


@pytest.fixture
async def editor(
    hass: HomeAssistant, hass_admin_user: MockUser, hass_client: ClientSessionGenerator
) -> Editor:
    """Set up HA's `config` component and watch the lock its automation editor holds."""
    assert await async_setup_component(hass, "config", {})
    view = next(
        inspect.getclosurevars(route.handler).nonlocals["view"]
        for route in hass.http.app.router.routes()
        if route.method == "POST"
        and route.resource is not None
        and route.resource.canonical == "/api/config/automation/config/{config_key}"
    )
    view.mutation_lock = lock = WatchedLock()
    # A token issued at the frozen time the test runs at.
    refresh_token = await hass.auth.async_create_refresh_token(hass_admin_user, CLIENT_ID)
    client = await hass_client(hass.auth.async_create_access_token(refresh_token))
    return Editor(client, lock)
