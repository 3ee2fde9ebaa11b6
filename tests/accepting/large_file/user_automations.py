"""The user's 300 automations in automations.yaml, the suggestions accepted into it, reading back."""

from pathlib import Path
from typing import Any

from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.ai_automation.engine.suggestions.suggestion import Suggestion
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.util.yaml import dump, load_yaml

from ...daily_run import SUGGESTION

USER_AUTOMATIONS = 300  # a large automations.yaml, as a home with years of automations has


OTHER = Suggestion(
    **{
        **SUGGESTION.__dict__,
        "id": "zzz999",
        "title": "Hall light at dusk",
        "automation": {**(SUGGESTION.automation or {}), "alias": "Hall light at dusk"},
    }
)


UNUSED = Suggestion(
    **{
        **SUGGESTION.__dict__,
        "id": "unused1",
        "kind": "unused_capability",
        "title": "Dim the kitchen light in the evening",
    }
)


def user_automation(number: int) -> dict[str, Any]:
    """Return the user's automation number `number`, as the editor writes it."""
    return {
        "id": f"user_{number:04d}",
        "alias": f"Hall light {number}",
        "description": "",
        "triggers": [{"trigger": "state", "entity_id": f"binary_sensor.door_{number}", "to": "on"}],
        "conditions": [],
        "actions": [{"action": "light.toggle", "target": {"entity_id": f"light.hall_{number}"}}],
        "mode": "single",
    }


LARGE = "# Made with the automation editor and by hand.\n" + dump(
    [user_automation(n) for n in range(USER_AUTOMATIONS)]
)


async def automations_text(hass: HomeAssistant) -> str:
    """Return automations.yaml as it is on disk."""
    return await hass.async_add_executor_job(Path(hass.config.path("automations.yaml")).read_text)


async def automation_ids(hass: HomeAssistant) -> list[str]:
    """Return the ids of the automations in automations.yaml, in file order."""
    path = hass.config.path("automations.yaml")
    automations = await hass.async_add_executor_job(load_yaml, path)
    assert isinstance(automations, list)
    return [automation["id"] for automation in automations]


async def accept(hass: HomeAssistant, suggestion_id: str) -> None:
    """Accept a suggestion through the action."""
    await hass.services.async_call(
        "ai_automation", "accept_suggestion", {"suggestion_id": suggestion_id}, blocking=True
    )


def running(hass: HomeAssistant, automation_id: str) -> bool:
    """Tell whether Home Assistant runs the automation with this id."""
    entity_id = er.async_get(hass).async_get_entity_id("automation", "automation", automation_id)
    state = hass.states.get(entity_id) if entity_id else None
    return state is not None and state.state == "on"


def status(entry: MockConfigEntry, suggestion_id: str) -> str | None:
    """Return the stored status of a suggestion (None once it is withdrawn)."""
    suggestion = entry.runtime_data.daily.store.suggestions.get(suggestion_id)
    return None if suggestion is None else str(suggestion["status"])


async def assert_all_there(hass: HomeAssistant, *extra: str) -> None:
    """Assert the user's automations are all there, in order, then `extra`, all running."""
    ids = await automation_ids(hass)
    assert ids[:USER_AUTOMATIONS] == [f"user_{n:04d}" for n in range(USER_AUTOMATIONS)]
    assert sorted(ids[USER_AUTOMATIONS:]) == sorted(extra)
    for automation_id in extra:
        assert running(hass, automation_id), automation_id
