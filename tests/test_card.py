"""The dashboard card: served from the integration's folder and loaded by every dashboard."""

import hashlib
from typing import Any

from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator, MqttMockHAClient

from custom_components.ai_automation.card import CARD_FILE
from homeassistant.components import onboarding
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component

from .conftest import setup_integration


async def test_card_is_served_and_loaded_by_every_dashboard(
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """A HACS install needs no dashboard resource: the frontend's page loads the card itself."""
    hass_storage[onboarding.STORAGE_KEY] = {
        "version": onboarding.STORAGE_VERSION,
        "key": onboarding.STORAGE_KEY,
        "data": {"done": list(onboarding.STEPS)},
    }
    assert await async_setup_component(hass, "frontend", {})
    await setup_integration(hass, config_entry)
    client = await hass_client()

    version = hashlib.sha256(CARD_FILE.read_bytes()).hexdigest()[:12]
    url = f"/ai_automation/ai-automation-card.js?v={version}"
    page = await client.get("/")
    assert page.status == 200
    assert f'import("{url}")' in await page.text()
    card = await client.get(url)
    assert card.status == 200
    assert await card.read() == CARD_FILE.read_bytes()
    assert "customElements.define" in CARD_FILE.read_text()


async def test_without_the_frontend_the_integration_still_loads(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, config_entry: MockConfigEntry
) -> None:
    """Without dashboards (no frontend) there is no card to offer; everything else works."""
    await setup_integration(hass, config_entry)
    assert config_entry.state.value == "loaded"
    assert "frontend" not in hass.config.components
