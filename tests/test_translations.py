"""Home Assistant shows a German or Dutch user AI Automation in their language."""

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import MqttMockHAClient

from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.translation import async_get_translations

from .conftest import setup_integration

PREFIX = "component.ai_automation"


@pytest.mark.parametrize(
    ("language", "todo_list", "admin_only", "bridge_offline"),
    [
        (
            "de",
            "Vorschläge",
            "Nur ein Administrator kann Automationsvorschläge annehmen, ablehnen oder ändern.",
            "Zigbee2MQTT auf {base_topic} ist offline",
        ),
        (
            "nl",
            "Suggesties",
            "Alleen een beheerder kan automatiseringssuggesties accepteren, afwijzen of wijzigen.",
            "Zigbee2MQTT op {base_topic} is offline",
        ),
    ],
    ids=["de", "nl"],
)
async def test_home_assistant_loads_the_users_language(
    hass: HomeAssistant,
    enable_custom_integrations: None,
    language: str,
    todo_list: str,
    admin_only: str,
    bridge_offline: str,
) -> None:
    """The frontend's translations for the user's language come from translations/<lang>.json."""
    entity = await async_get_translations(hass, language, "entity", {"ai_automation"})
    assert entity[f"{PREFIX}.entity.todo.suggestions.name"] == todo_list
    exceptions = await async_get_translations(hass, language, "exceptions", {"ai_automation"})
    assert exceptions[f"{PREFIX}.exceptions.admin_required.message"] == admin_only
    issues = await async_get_translations(hass, language, "issues", {"ai_automation"})
    assert issues[f"{PREFIX}.issues.zigbee2mqtt_bridge_offline.title"] == bridge_offline
    english = await async_get_translations(hass, "en", "entity", {"ai_automation"})
    assert english[f"{PREFIX}.entity.todo.suggestions.name"] == "Suggestions"


async def test_a_german_home_names_its_entities_in_german(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, config_entry: MockConfigEntry
) -> None:
    """With Home Assistant set to German, the entities carry German names."""
    hass.config.language = "de"
    await setup_integration(hass, config_entry)
    registry = er.async_get(hass)
    entries = er.async_entries_for_config_entry(registry, config_entry.entry_id)
    states = [hass.states.get(entry.entity_id) for entry in entries]
    names = {state.name for state in states if state is not None}
    assert {
        "AI Automation Vorschläge",
        "AI Automation Letzte Analyse",
        "AI Automation Analyse starten",
        "AI Automation MQTT-Broker",
    } <= names
    assert not any("Suggestions" in name for name in names)
