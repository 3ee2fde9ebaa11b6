"""Fixtures for tests that accept suggestions: a real configuration.yaml and automations.yaml."""

from pathlib import Path

import pytest
from pytest_homeassistant_custom_component.typing import MqttMockHAClientGenerator

from homeassistant import config as conf_util
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component

from ..daily_run import BERLIN

NEW_INSTALL_CONFIGURATION = "default_config:\nautomation: !include automations.yaml\n"


@pytest.fixture
def configuration_yaml() -> str:
    """configuration.yaml as a new Home Assistant install has it."""
    return NEW_INSTALL_CONFIGURATION


@pytest.fixture
def automations_yaml() -> str:
    """automations.yaml as a new Home Assistant install has it: empty."""
    return "[]\n"


@pytest.fixture
def hass_config_dir(
    hass_tmp_config_dir: str, configuration_yaml: str, automations_yaml: str
) -> str:
    """Write a real configuration.yaml and automations.yaml."""
    config = Path(hass_tmp_config_dir)
    (config / "configuration.yaml").write_text(configuration_yaml)
    (config / "automations.yaml").write_text(automations_yaml)
    return hass_tmp_config_dir


@pytest.fixture
async def with_automations(
    hass: HomeAssistant,
    mqtt_mock_entry: MqttMockHAClientGenerator,
    enable_custom_integrations: None,
) -> None:
    """Berlin time, mocked MQTT and the automation integration set up from configuration.yaml.

    Not the `berlin` fixture: `mqtt_mock` replaces configuration.yaml with a dict.
    """
    await hass.config.async_set_time_zone(BERLIN)
    await mqtt_mock_entry()
    config = await conf_util.async_hass_config_yaml(hass)
    assert await async_setup_component(hass, "automation", config)
