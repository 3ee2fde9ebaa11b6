"""The card says every suggestion in the profile's language, stored English or not (en, de, nl)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect
import pytest

from .stand_in import ENGLISH, GROUP, LEAVING, OVERRIDE, SUN, show


def _action(service: str, entity_id: str) -> dict[str, Any]:
    return {"action": service, "target": {"entity_id": entity_id}}


# The engine's suggestions as stored (English words), with the actions it writes.
HABIT = {
    "id": "h2", "kind": "habit", "status": "new", "entities": ["switch.coffee"],
    "title": "Turn off Coffee machine around 07:30 on Mon, Wed and Fri when someone is home",
    "description": "Seen on 9 of 10 Mon, Wed and Fri days, spread ±4 min."
                   " Would have been right on 5 of the last 7 Mon, Wed and Fri days, wrong on 2."
                   " Never while nobody was home (on 2 Mon, Wed and Fri days).",
    "automation": {"alias": "x", "triggers": [{"trigger": "time", "at": "07:30:00"}],
                   "conditions": [{"condition": "time", "weekday": ["mon", "wed", "fri"]},
                                  {"condition": "numeric_state", "entity_id": "zone.home",
                                   "above": 0}],
                   "actions": [_action("switch.turn_off", "switch.coffee")], "mode": "single"},
    "evidence": {"days": "mon,wed,fri", "distinct_days": 9, "eligible_days": 10,
                 "spread_minutes": 4.2, "away_days": 2, "state": "off",
                 "backtest_right": 5, "backtest_near": 0, "backtest_wrong": 2},
}  # fmt: skip
SUGGESTIONS = [
    HABIT,
    {**SUN, "automation": {**SUN["automation"], "actions": [_action("light.turn_on", "light.porch")]}},
    {**LEAVING, "automation": {**LEAVING["automation"],
                               "actions": [_action("light.turn_off", "light.hall")]}},
    {**GROUP, "automation": {**GROUP["automation"], "actions": [
        _action("cover.close_cover", "cover.living_room"),
        _action("media_player.turn_on", "media_player.tv")]}},
    OVERRIDE,
]  # fmt: skip
STATES = {
    entity_id: {"entity_id": entity_id, "state": "off", "last_changed": "",
                "attributes": {"friendly_name": name}}
    for entity_id, name in [("switch.coffee", "Kaffeemaschine"), ("light.porch", "Veranda"),
                            ("light.hall", "Flur"), ("light.tv_lamp", "TV-Lampe"),
                            ("cover.living_room", "Rollo"), ("media_player.tv", "Fernseher")]
}  # fmt: skip
SAID = "h3, p.evidence, figcaption, .badge, .kind, button, .member-state"


def _texts(page: Page) -> list[str]:
    return page.locator("ai-automation-card").locator(SAID).all_inner_texts()


def _set_language(page: Page, language: str) -> None:
    """Change the profile's language on the running card (the dashboard does so on a change)."""
    page.evaluate(
        """(language) => {
          const card = document.querySelector("ai-automation-card");
          card.hass = { ...card.hass, language, locale: { language } };
        }""",
        language,
    )


@pytest.mark.parametrize(
    ("language", "titles", "evidence", "replay"),
    [
        ("de", ["Kaffeemaschine ausschalten gegen 07:30 an Mo, Mi und Fr, wenn jemand zu Hause ist",
                "Veranda einschalten 30 min nach Sonnenuntergang jeden Tag, wenn jemand zu Hause ist",
                "Flur ausschalten wenn die letzte Person geht",
                "Rollo schließen und Fernseher einschalten wenn TV-Lampe zu „An“ wechselt",
                "Automatisierung ändern oder entfernen: Turn on Porch light around 18:00 every day"],
         "An 9 von 10 Tagen (Mo, Mi, Fr) gesehen, meist auf 4 Minuten genau. Hätte an 5 von den letzten 7 Tagen (Mo, Mi, Fr) gestimmt",
         ["S", "M", "D", "M", "D", "F", "S"]),
        ("nl", ["Kaffeemaschine uitzetten rond 07:30 op ma, wo en vr als er iemand thuis is",
                "Veranda aanzetten 30 min na zonsondergang elke dag als er iemand thuis is",
                "Flur uitzetten als de laatste persoon vertrekt",
                "Rollo sluiten en Fernseher aanzetten als TV-Lampe naar \u2018Aan\u2019 gaat",
                "Automatisering wijzigen of verwijderen: Turn on Porch light around 18:00 every day"],
         "Gezien op 9 van 10 dagen (ma, wo, vr), meestal tot op 4 minuten nauwkeurig. Zou op 5 van de laatste 7",
         ["Z", "M", "D", "W", "D", "V", "Z"]),
    ],
)  # fmt: skip
def test_stored_english_suggestions_are_said_in_the_profiles_language(
    bare_page: Page, language: str, titles: list[str], evidence: str, replay: list[str]
) -> None:
    """Suggestions stored in English, the profile then set to German or Dutch: all in that language."""
    show(bare_page, "en", {"status": "success", "success": True}, SUGGESTIONS, STATES)
    card = bare_page.locator("ai-automation-card")
    expect(card.locator("h3").first).to_have_text(HABIT["title"])
    _set_language(bare_page, language)
    # A state as the home shows it in that language (the stand-in formats "on" like the frontend).
    bare_page.evaluate(
        """(on) => {
          const card = document.querySelector("ai-automation-card");
          card.hass = { ...card.hass, formatEntityState: (s, state) => state === "on" ? on : state };
        }""",
        "An" if language == "de" else "Aan",
    )
    expect(card.locator("h3")).to_have_text(titles)
    expect(card.locator("p.evidence").first).to_contain_text(evidence)
    expect(card.locator("li[data-id=s1] figure.backtest text.axis")).to_have_text(replay)
    # (The undone automation's own name is the user's: it stays as it is.)
    texts = [text.replace(OVERRIDE["title"].split(": ", 1)[1], "") for text in _texts(bare_page)]
    assert [text for text in texts if ENGLISH.search(text)] == []


@pytest.mark.parametrize(("width", "dark"), [(1280, False), (390, True)])
def test_english_profile_keeps_english_words(bare_page: Page, width: int, dark: bool) -> None:
    """In English (a desktop, and a phone in the dark theme) the card says the engine's words."""
    bare_page.set_viewport_size({"width": width, "height": 900})
    show(bare_page, "en", {"status": "success", "success": True}, SUGGESTIONS, STATES)
    if dark:
        bare_page.evaluate(
            """() => {
              const card = document.querySelector("ai-automation-card");
              card.hass = { ...card.hass, themes: { darkMode: true } };
            }"""
        )
    card = bare_page.locator("ai-automation-card")
    expect(card.locator("h3")).to_have_text([s["title"] for s in SUGGESTIONS])
    expect(card.locator("li[data-id=s1] figure.backtest text.axis")).to_have_text(
        ["S", "M", "T", "W", "T", "F", "S"]
    )
