"""The notifications a home sees after a run, in its own language."""

from dataclasses import replace
from unittest.mock import AsyncMock, patch

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import MqttMockHAClient

from homeassistant.components import persistent_notification
from homeassistant.core import HomeAssistant

from .conftest import run_analysis, setup_integration
from .daily_run import ANALYSE, SUGGESTION, analysis_finding, analysis_result as _result

FIRST_RUN = "ai_automation_first_analysis"
NEW_SUGGESTIONS = "ai_automation_new_suggestions"


def _shown(hass: HomeAssistant) -> dict[str, tuple[str | None, str]]:
    """Return the notifications on screen: id -> (title, message)."""
    notifications = persistent_notification._async_get_or_create_notifications(hass)
    return {key: (item["title"], item["message"]) for key, item in notifications.items()}


@pytest.mark.parametrize(
    ("language", "history_days", "changes", "opening"),
    [
        ("en", 0.4, 1, "The first analysis read less than a day of history (1 change)."),
        ("en", 1.02, 30, "The first analysis read 1 day of history (30 changes)."),
        ("en", 2.46, 40, "The first analysis read 2.5 days of history (40 changes)."),
        ("en", 20.0, 48213, "The first analysis read 20 days of history (48,213 changes)"),
        ("de", 20.0, 48213, "Die erste Analyse hat den Verlauf von 20 Tagen gelesen (48.213 "),
        (
            "nl",
            20.0,
            1048213,
            "De eerste analyse heeft de geschiedenis van 20 dagen gelezen (1.048.213 ",
        ),
        (
            "de",
            0.4,
            1,
            "Die erste Analyse hat den Verlauf von weniger als einem Tag gelesen (1 Änderung).",
        ),
        ("de", 1.02, 30, "Die erste Analyse hat den Verlauf von 1 Tag gelesen (30 Änderungen)."),
        (
            "de",
            2.46,
            40,
            "Die erste Analyse hat den Verlauf von 2,5 Tagen gelesen (40 Änderungen).",
        ),
        (
            "nl",
            0.4,
            1,
            "De eerste analyse heeft de geschiedenis van minder dan een dag gelezen (1 wijziging).",
        ),
        (
            "nl",
            2.46,
            40,
            "De eerste analyse heeft de geschiedenis van 2,5 dagen gelezen (40 wijzigingen).",
        ),
    ],
    ids=[
        "en-hours",
        "en-one",
        "en-decimal",
        "en-thousands",
        "de-thousands",
        "nl-millions",
        "de-hours",
        "de-one",
        "de-decimal",
        "nl-hours",
        "nl-decimal",
    ],
)
async def test_first_run_says_how_much_history_in_words(
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    config_entry: MockConfigEntry,
    language: str,
    history_days: float,
    changes: int,
    opening: str,
) -> None:
    """Days and changes read as a person writes them: singular, plural, decimal comma."""
    hass.config.language = language
    await setup_integration(hass, config_entry)
    result = replace(_result([], events=changes), history_days=history_days)
    with analysis_finding(result):
        await run_analysis(hass)
    title, message = _shown(hass)[FIRST_RUN]
    assert title == "AI Automation"
    assert message.startswith(opening)


async def test_a_german_home_gets_new_suggestions_in_place_of_the_first_run_notice(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, config_entry: MockConfigEntry
) -> None:
    """The first-run notice gives way to the new-suggestions one, both German, same ids."""
    hass.config.language = "de"
    await setup_integration(hass, config_entry)
    analyse = AsyncMock(return_value=replace(_result([], events=17), history_days=2.0))
    with patch(ANALYSE, analyse):
        await run_analysis(hass)
        assert set(_shown(hass)) == {FIRST_RUN}
        assert _shown(hass)[FIRST_RUN][1].startswith(
            "Die erste Analyse hat den Verlauf von 2 Tagen gelesen (17 Änderungen). Gewohnheiten"
        )
        analyse.return_value = _result([SUGGESTION])
        await run_analysis(hass)
    assert _shown(hass) == {
        NEW_SUGGESTIONS: (
            "AI Automation",
            "Die Analyse hat 1 neuen Automationsvorschlag gefunden. Sieh dir die To-do-Liste"
            " *AI Automation Vorschläge* an: Markiere einen Eintrag als erledigt, um die"
            " Automation zu erstellen, oder lösche ihn, um den Vorschlag abzulehnen.",
        )
    }
