"""The card's own logic in Chromium with a stand-in for Home Assistant: texts and languages.

The real Home Assistant tests (test_card.py) cannot make a home with only three days of
history or a failed run; these fast checks give the card such answers directly.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect
import pytest

from custom_components.ai_automation.card import CARD_FILE

STATUS = {
    "running": False,
    "suggestions_open": 0,
    "lookback_days": 14,
    "min_days": 5,
    "decisions": ["accept", "dismiss", "restore", "snooze"],
}
HABIT = {
    "id": "h1", "kind": "habit", "status": "new", "entities": ["light.kitchen"],
    "title": "Turn on Kitchen light around 06:45 on weekdays",
    "description": "Seen on 9 of 10 weekdays, spread ±4 min.",
    "automation": {"alias": "x", "triggers": [{"trigger": "time", "at": "06:45:00"}],
                   "conditions": [], "actions": [], "mode": "single"},
    "evidence": {"days": "weekdays", "series": {"first_day": "2026-11-16", "days": 7,
                 "times": [[0, 405], [1, 410], [5, 600]], "band": [390, 420]}},
}  # fmt: skip


def show(page: Page, language: str, last_run: dict[str, Any], suggestions: list[Any]) -> None:
    """Load the bundle in an empty page and give the card a stand-in Home Assistant."""
    page.set_content("<html><body></body></html>")
    page.add_script_tag(content=CARD_FILE.read_text(), type="module")
    page.evaluate(
        """([language, status, suggestions]) => {
          customElements.define("home-assistant", class extends HTMLElement {});
          return customElements.whenDefined("ai-automation-card").then(() => {
            const card = document.createElement("ai-automation-card");
            card.setConfig({ type: "custom:ai-automation-card" });
            card.hass = {
              states: {}, entities: {}, language, locale: { language },
              callWS: async (msg) => msg.type === "ai_automation/status" ? status
                : { total: suggestions.length, suggestions },
              callService: async () => null,
            };
            document.body.appendChild(card);
          });
        }""",
        [language, {**STATUS, "last_run": last_run}, suggestions],
    )


@pytest.mark.parametrize(
    ("language", "last_run", "text"),
    [
        ("en", {}, "No analysis has run yet. Run one now, or wait for the daily run."),
        ("en", {"status": "success", "success": True, "history_days": 3.4, "events_analysed": 9},
         "History since 3 days; habits need at least 5 days. The daily analysis keeps looking."),
        ("en", {"status": "failed", "success": False, "error": "OperationalError: disk full"},
         "The last analysis failed: OperationalError: disk full"),
        ("de", {"status": "success", "success": True, "history_days": 3.4, "events_analysed": 9},
         "Verlauf seit 3 Tagen; Gewohnheiten brauchen mindestens 5 Tage."),
        ("nl", {"status": "success", "success": True, "history_days": 20, "events_analysed": 9},
         "Geen open voorstellen. De laatste analyse las 9 wijzigingen en vond niets nieuws."),
    ],
)  # fmt: skip
def test_empty_state_says_why(
    bare_page: Page, language: str, last_run: dict[str, Any], text: str
) -> None:
    """With nothing to show, the card says why, in the user's language."""
    show(bare_page, language, last_run, [])
    expect(bare_page.locator("ai-automation-card p.empty")).to_contain_text(text)


def test_german_card_with_snooze_once_the_integration_offers_it(bare_page: Page) -> None:
    """Buttons follow the decisions the integration lists (snooze included), translated."""
    show(
        bare_page,
        "de-DE",
        {"status": "success", "success": True, "timestamp": "2026-11-29T00:00:00Z"},
        [HABIT],
    )
    card = bare_page.locator("ai-automation-card")
    expect(card.locator(".kind")).to_have_text("Gewohnheit")
    expect(card.get_by_role("button")).to_have_text(
        ["Analyse starten", "Später", "Verwerfen", "Annehmen"]
    )
    expect(card.locator("figcaption")).to_contain_text("vorgeschlagene Zeit 06:30\u201307:00")
    # Saturday (day 5) is greyed for a weekday habit; the two weekday times are not.
    expect(card.locator("circle.dot.other")).to_have_count(1)
    expect(card.locator("circle.dot:not(.other)")).to_have_count(2)


PRESET = {
    "id": "u1", "kind": "unused_capability", "status": "new", "entities": ["climate.bedroom"],
    "title": "Bedroom radiator can change its preset, unchanged in use",
    "description": "Bedroom radiator was used on 12 days in two weeks, always set to “comfort”.",
    "automation": None,
    "evidence": {"property": "preset", "capability": {
        "device": "Bedroom radiator", "property": "preset", "label": "Preset", "unit": None,
        "min": None, "max": None, "values": ["comfort", "eco", "boost"], "value": "comfort"}},
}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "unchanged", "always"),
    [
        ("en", "never changed while in use", "always comfort"),
        ("de", "im Betrieb nie verändert", "immer comfort"),
        ("nl", "tijdens gebruik nooit gewijzigd", "altijd comfort"),
    ],
)
def test_unused_capability_marks_the_value_it_always_had(
    bare_page: Page, language: str, unchanged: str, always: str
) -> None:
    """An enum capability: its values, the one it always had highlighted, said in the language."""
    show(bare_page, language, {"status": "success", "success": True}, [PRESET])
    picture = bare_page.locator("ai-automation-card figure.capability")
    expect(picture.locator(".value")).to_have_text(["comfort", "eco", "boost"])
    expect(picture.locator(".value.usual")).to_have_text("comfort")
    expect(picture.locator("figcaption")).to_contain_text(unchanged)
    expect(picture.locator("figcaption")).to_contain_text(always)
