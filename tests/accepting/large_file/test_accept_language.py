"""An accepted automation is named in the home's language."""

from typing import Any

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.ai_automation.engine.detectors.habits import Habit
from custom_components.ai_automation.engine.suggestions.build import build_suggestions
from custom_components.ai_automation.suggestions.localized import async_localized_title
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util.yaml import load_yaml

from ...conftest import run_analysis
from ...daily_run import SUGGESTION, SUGGESTION_LIST, analysis_finding, analysis_result
from .user_automations import accept as _accept, running as _running

pytestmark = [pytest.mark.usefixtures("with_automations")]


@pytest.mark.parametrize(
    ("language", "alias"),
    [
        ("de", "Küchenlicht einschalten gegen 06:45 jeden Tag"),
        ("nl", "Küchenlicht aanzetten rond 06:45 elke dag"),
        ("en", "Turn on Kitchen light around 06:45 every day"),
    ],
)
async def test_accepted_automation_is_named_in_the_homes_language(
    hass: HomeAssistant,
    entry: MockConfigEntry,
    language: str,
    alias: str,
) -> None:
    """A suggestion found in English, the home then in German: its automation's alias is German."""
    hass.states.async_set("light.kitchen", "off", {"friendly_name": "Küchenlicht"})
    hass.config.language = language
    await _accept(hass, SUGGESTION.id)
    automations = await hass.async_add_executor_job(load_yaml, hass.config.path("automations.yaml"))
    assert isinstance(automations, list)
    written = next(a for a in automations if a["id"] == f"ai_automation_{SUGGESTION.id}")
    assert written["alias"] == alias
    assert _running(hass, written["id"])


async def test_todo_items_follow_the_homes_language(
    hass: HomeAssistant,
    entry: MockConfigEntry,
) -> None:
    """Stored in English, the home then changed to German: the to-do items' titles are German."""
    hass.states.async_set("light.kitchen", "off", {"friendly_name": "Küchenlicht"})
    await hass.config.async_update(language="de")
    await hass.async_block_till_done()
    items = await hass.services.async_call(
        "todo", "get_items", {"entity_id": SUGGESTION_LIST}, blocking=True, return_response=True
    )
    summaries = [item["summary"] for item in items[SUGGESTION_LIST]["items"]]  # type: ignore[index]
    assert "Küchenlicht einschalten gegen 06:45 jeden Tag" in summaries
    assert SUGGESTION.title not in summaries


@pytest.mark.parametrize(
    ("language", "evidence", "signed"),
    [
        ("de", "An 17 von 20 Werktagen gesehen, meist auf 8 Minuten genau.",
         "Vorgeschlagen von AI Automation."),
        ("nl", "Gezien op 17 van 20 werkdagen, meestal tot op 8 minuten nauwkeurig.",
         "Voorgesteld door AI Automation."),
    ],
)  # fmt: skip
async def test_accepted_automation_says_its_evidence_in_the_homes_language(
    hass: HomeAssistant, entry: MockConfigEntry, language: str, evidence: str, signed: str
) -> None:
    """The automation editor and the to-do list show why, in the home's language too."""
    habit = Habit(
        entity_id="light.kitchen", state="on", days="weekdays", minute=405.4, spread_minutes=8.2,
        occurrences=18, distinct_days=17, eligible_days=20, first_seen=1.0, last_seen=2.0, lift=9.0,
    )  # fmt: skip
    (found,) = build_suggestions([habit], [], [], names={"light.kitchen": "Kitchen light"})
    with analysis_finding(analysis_result([found])):
        await run_analysis(hass)
    await hass.config.async_update(language=language)
    await hass.async_block_till_done()
    items = await hass.services.async_call(
        "todo", "get_items", {"entity_id": SUGGESTION_LIST}, blocking=True, return_response=True
    )
    shown = {item["uid"]: item for item in items[SUGGESTION_LIST]["items"]}  # type: ignore[index]
    assert shown[found.id]["description"] == evidence
    await _accept(hass, found.id)
    automations = await hass.async_add_executor_job(load_yaml, hass.config.path("automations.yaml"))
    assert isinstance(automations, list)
    written = next(a for a in automations if a["id"] == f"ai_automation_{found.id}")
    assert written["description"] == f"{evidence} {signed}"
    assert _running(hass, written["id"])


def _hall_light(to: str, hold: dict[str, int] | None = None) -> dict[str, Any]:
    """Return a sequence: the hall light follows the hall's motion sensor (`to`, held `hold`)."""
    trigger: dict[str, Any] = {
        "trigger": "state",
        "entity_id": "binary_sensor.hall_motion",
        "to": to,
    }
    if hold is not None:
        trigger["for"] = hold
    return {
        "kind": "sequence",
        "title": f"Turn {to} Flurlicht when Flurbewegung turns {to}",
        "automation": {
            "triggers": [trigger],
            "actions": [{"action": f"light.turn_{to}", "target": {"entity_id": "light.hall"}}],
        },
    }


@pytest.mark.parametrize(
    ("language", "doing", "wait"),
    [
        ("de", "Flurlicht ausschalten wenn Flurbewegung", "und 2 Minuten lang so bleibt"),
        ("nl", "Flurlicht uitzetten als Flurbewegung", "en dat 2 minuten zo blijft"),
    ],
)
async def test_a_wait_is_said_in_the_homes_language(
    hass: HomeAssistant, language: str, doing: str, wait: str
) -> None:
    """A motion-off sequence that waits (`for:`) says the wait in the home's language too."""
    hass.states.async_set("binary_sensor.hall_motion", "off", {"friendly_name": "Flurbewegung"})
    hass.states.async_set("light.hall", "on", {"friendly_name": "Flurlicht"})
    hass.config.language = language
    suggestion = _hall_light("off", {"minutes": 2})
    title = await async_localized_title(hass, suggestion)  # type: ignore[arg-type]
    assert title.startswith(doing)
    assert title.endswith(wait)


@pytest.mark.parametrize(
    ("language", "when", "set_to"),
    [
        ("de", "wenn Flurbewegung zu „Erkannt“ wechselt", "Heizung auf Heizbetrieb stellen"),
        (
            "nl",
            "als Flurbewegung naar \u2018Gedetecteerd\u2019 gaat",
            "Heizung op Verwarmen zetten",
        ),
    ],
)
async def test_states_are_said_as_home_assistant_shows_them(
    hass: HomeAssistant, language: str, when: str, set_to: str
) -> None:
    """A motion sensor's "on" and a thermostat's "heat" in the words the frontend shows."""
    for domain in ("binary_sensor", "climate"):
        assert await async_setup_component(hass, domain, {})
    hass.states.async_set(
        "binary_sensor.hall_motion",
        "off",
        {"friendly_name": "Flurbewegung", "device_class": "motion"},
    )
    hass.states.async_set("climate.living", "off", {"friendly_name": "Heizung"})
    hass.states.async_set("light.hall", "off", {"friendly_name": "Flurlicht"})
    hass.config.language = language
    sequence = _hall_light("on")
    habit = {
        "kind": "habit",
        "title": "Set Heizung to heat around 06:30 every day",
        "automation": {
            "triggers": [{"trigger": "time", "at": "06:30:00"}],
            "actions": [
                {
                    "action": "climate.set_hvac_mode",
                    "target": {"entity_id": "climate.living"},
                    "data": {"hvac_mode": "heat"},
                }
            ],
        },
    }
    assert (await async_localized_title(hass, sequence)).endswith(when)  # type: ignore[arg-type]
    assert (await async_localized_title(hass, habit)).startswith(set_to)  # type: ignore[arg-type]
