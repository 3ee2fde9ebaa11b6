"""Accepting keeps the user's automations.yaml as written and takes back what cannot be set up."""

from pathlib import Path

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.ai_automation.engine.suggestions.suggestion import Suggestion
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import entity_registry as er

from ...conftest import run_analysis
from ...daily_run import SUGGESTION, analysis_finding, analysis_result as _result
from ..conftest import NEW_INSTALL_CONFIGURATION
from .user_automations import (
    LARGE,
    OTHER,
    UNUSED,
    accept as _accept,
    automation_ids as _automation_ids,
    automations_text as _text,
    running as _running,
    status as _status,
)

pytestmark = [pytest.mark.usefixtures("with_automations")]


@pytest.mark.parametrize("configuration_yaml", ["default_config:\n"])
async def test_a_restored_entity_is_not_an_accepted_automation(
    hass: HomeAssistant, entry: MockConfigEntry
) -> None:
    """A left-over entity of the same id does not count: the automation itself must load."""
    registry = er.async_get(hass)
    automation_id = f"ai_automation_{SUGGESTION.id}"
    registry.async_get_or_create("automation", "automation", automation_id)

    with pytest.raises(HomeAssistantError, match=r"automation: !include automations\.yaml"):
        await _accept(hass, SUGGESTION.id)

    assert _status(entry, SUGGESTION.id) == "new"
    assert await _text(hass) == LARGE  # what it wrote was taken back
    assert registry.async_get_entity_id("automation", "automation", automation_id) is not None
    # With the line added, accepting works.
    path = Path(hass.config.path("configuration.yaml"))
    await hass.async_add_executor_job(path.write_text, NEW_INSTALL_CONFIGURATION)
    await _accept(hass, SUGGESTION.id)
    assert _status(entry, SUGGESTION.id) == "accepted"
    assert _running(hass, automation_id)


HAND_WRITTEN = """# Lights
- id: porch
  alias: Porch light   # on at dusk
  triggers: [{trigger: state, entity_id: binary_sensor.porch, to: "on"}]
  actions:
    - action: light.turn_on
      target: {entity_id: light.porch}
# more to come"""


@pytest.mark.parametrize(
    ("automations_yaml", "kept"),
    [(HAND_WRITTEN, HAND_WRITTEN + "\n"), ("[]", ""), ("", "")],
    ids=["hand-written", "new-install", "empty"],
)
async def test_accepting_keeps_the_file_as_the_user_wrote_it(
    hass: HomeAssistant, entry: MockConfigEntry, automations_yaml: str, kept: str
) -> None:
    """Comments and layout stay; the automation is added at the end, as the editor writes it."""
    await _accept(hass, SUGGESTION.id)

    assert (await _text(hass)).startswith(kept)
    ids = await _automation_ids(hass)
    assert ids[-1] == f"ai_automation_{SUGGESTION.id}"
    assert all(_running(hass, automation_id) for automation_id in ids)
    assert _status(entry, SUGGESTION.id) == "accepted"


BROKEN = Suggestion(
    **{
        **SUGGESTION.__dict__,
        "id": "broken1",
        "automation": {
            **(SUGGESTION.automation or {}),
            "triggers": [{"trigger": "no_such_trigger"}],
        },
    }
)


async def test_an_automation_home_assistant_cannot_set_up_is_taken_back(
    hass: HomeAssistant, entry: MockConfigEntry
) -> None:
    """An automation that loads as unavailable is not accepted: the file is as it was."""
    with analysis_finding(_result([SUGGESTION, OTHER, UNUSED, BROKEN])):
        await run_analysis(hass)

    with pytest.raises(HomeAssistantError, match="could not set up the automation"):
        await _accept(hass, BROKEN.id)

    assert await _text(hass) == LARGE
    assert _status(entry, BROKEN.id) == "new"
    automation_id = f"ai_automation_{BROKEN.id}"
    assert er.async_get(hass).async_get_entity_id("automation", "automation", automation_id) is None
