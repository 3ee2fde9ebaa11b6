"""Fixtures for MQTT health on a mocked broker: the connection check's result, a running entry."""

from collections.abc import Generator
from unittest.mock import AsyncMock, patch

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import MqttMockHAClient

from homeassistant.core import HomeAssistant

from ..conftest import setup_integration
from .mocked_broker import UNREACHABLE


@pytest.fixture
def broker_check() -> Generator[AsyncMock]:
    """Replace the real connection check (no sockets in unit tests) with a chosen result."""
    with patch(
        "custom_components.ai_automation.mqtt_health.monitor.async_check_broker",
        AsyncMock(return_value=UNREACHABLE),
    ) as check:
        yield check


@pytest.fixture
async def loaded_entry(
    freezer: FrozenDateTimeFactory,
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
    broker_check: AsyncMock,
) -> MockConfigEntry:
    """AI Automation running on the mocked broker, with time frozen before its timers start."""
    await setup_integration(hass, config_entry)
    return config_entry
