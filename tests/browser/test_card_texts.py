"""The card's own logic in Chromium with a stand-in for Home Assistant: texts and languages.

The real Home Assistant tests (test_card.py) cannot make a home with only three days of
history or a failed run; these fast checks give the card such answers directly.
"""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page, expect
import pytest

from .stand_in import GROUP, HABIT, LEAVING, OVERRIDE, SUN, show


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


@pytest.mark.parametrize(
    ("language", "number_format", "header", "empty"),
    [
        ("en", None, "48,213 changes read", "The last analysis read 48,213 changes"),
        ("en", "language", "48,213 changes read", "The last analysis read 48,213 changes"),
        ("de-DE", "language", "48.213 Änderungen gelesen", "hat 48.213 Änderungen gelesen"),
        ("nl", "language", "48.213 wijzigingen gelezen", "las 48.213 wijzigingen"),
        ("en", "decimal_comma", "48.213 changes read", "read 48.213 changes"),
        ("de", "comma_decimal", "48,213 Änderungen gelesen", "hat 48,213 Änderungen gelesen"),
        ("en", "space_comma", "48\u202f213 changes read", "read 48\u202f213 changes"),
        ("de", "none", "48213 Änderungen gelesen", "hat 48213 Änderungen gelesen"),
    ],
)  # fmt: skip
def test_counts_are_written_as_the_users_number_format_says(
    bare_page: Page, language: str, number_format: str | None, header: str, empty: str
) -> None:
    """A home's tens of thousands of changes read with the separator the user chose."""
    run = {"status": "success", "success": True, "timestamp": "2026-11-29T00:00:00Z",
           "history_days": 20, "events_analysed": 48213, "suggestions_generated": 0}  # fmt: skip
    show(bare_page, language, run, [], number_format=number_format)
    card = bare_page.locator("ai-automation-card")
    expect(card.locator(".last-run")).to_contain_text(header)
    expect(card.locator("p.empty")).to_contain_text(empty)


def test_each_fact_of_the_last_run_stays_on_one_line_on_a_phone(bare_page: Page) -> None:
    """On a phone the header wraps between its facts, never inside "48.213 Änderungen gelesen"."""
    bare_page.set_viewport_size({"width": 320, "height": 800})
    run = {"status": "success", "success": True, "timestamp": "2026-11-29T00:00:00Z",
           "history_days": 20, "events_analysed": 48213, "suggestions_generated": 12}  # fmt: skip
    show(bare_page, "de", run, [])
    facts = bare_page.locator("ai-automation-card .last-run .fact")
    expect(facts).to_have_text(["erfolgreich", "48.213 Änderungen gelesen", "12 neu"])
    # (an inline element broken over two lines has two boxes)
    assert facts.evaluate_all("(all) => all.map((fact) => fact.getClientRects().length)") == [1] * 3


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


STATES = {
    "light.tv_lamp": {"entity_id": "light.tv_lamp", "state": "off",
                      "attributes": {"friendly_name": "TV lamp"}, "last_changed": ""},
}  # fmt: skip


def test_new_kinds_show_their_evidence(bare_page: Page) -> None:
    """The engine's sun, presence, group and override evidence each get their picture."""
    show(
        bare_page,
        "en",
        {"status": "success", "success": True},
        [SUN, LEAVING, GROUP, OVERRIDE],
        STATES,
    )
    card = bare_page.locator("ai-automation-card")
    expect(card.locator("li.suggestion .kind")).to_have_text(
        ["Sun", "Sequence", "Group", "Undone automation"]
    )

    sun = card.locator("li[data-id=s1]")
    expect(sun.locator(".badge")).to_have_text(["only while someone is home"])
    expect(sun.locator(".sun-text")).to_have_text(
        "30 min after sunset, usually within 6 min of it (by the clock within 21 min)"
    )
    expect(sun.locator("svg line.sun")).to_have_count(1)  # the mean sunset, 30 min before the band
    expect(sun.locator("svg circle.dot")).to_have_count(12)
    backtest = sun.locator("figure.backtest")
    expect(backtest.locator("rect.cell")).to_have_count(7)
    expect(backtest.locator("rect.cell.right")).to_have_count(5)
    expect(backtest.locator("rect.cell.near")).to_have_count(1)
    expect(backtest.locator("rect.cell.wrong")).to_have_count(1)
    expect(backtest.locator("rect.cell").nth(4)).to_have_class(re.compile(r"\bwrong\b"))
    expect(backtest.locator(".backtest-text")).to_have_text(
        "right on 5 of the last 7 days, near on 1, wrong on 1"
    )

    leaving = card.locator("li[data-id=q1]")
    expect(leaving.locator(".badge")).to_have_text(["the last person leaves"])
    expect(leaving.locator("svg rect.bar")).to_have_count(12)
    expect(leaving.locator("figure.backtest rect.cell.right")).to_have_count(7)
    expect(leaving.locator("figure.backtest rect.cell.wrong")).to_have_count(2)
    expect(leaving.locator(".backtest-text")).to_have_text("right 7 of the last 9 times, wrong 2")

    group = card.locator("li[data-id=g1]")
    expect(group.locator("li.member .member-name")).to_have_text(
        ["TV lamp", "Living room", "Tv"]  # the home's name, else the entity id's
    )
    expect(group.locator("li.member .member-state")).to_have_text(["on", "closed", "on"])
    expect(group.locator("figcaption")).to_contain_text("done together 12 times (86 %)")
    expect(group.locator("figcaption")).to_contain_text("starts when the first one changes")
    expect(group.locator(".badge")).to_have_count(0)

    override = card.locator("li[data-id=o1]")
    expect(override.locator("rect.cell.undone")).to_have_count(4)
    expect(override.locator("rect.cell.kept")).to_have_count(1)
    expect(override.locator(".override-text")).to_have_text("undone on 4 of the 5 days it acted")
    expect(override.get_by_role("link")).to_have_attribute(
        "href", "/config/automation/edit/ai_automation_0123456789abcdef"
    )
    expect(override.get_by_role("button")).to_have_text(["Snooze", "Dismiss"])  # nothing to accept


@pytest.mark.parametrize(
    ("language", "sun", "backtest", "home"),
    [
        ("de", "30 min nach Sonnenuntergang, meist auf 6 min genau (nach der Uhr auf 21 min)",
         "an 5 der letzten 7 Tage richtig, an 1 knapp, an 1 falsch", "nur wenn jemand zu Hause ist"),
        ("nl", "30 min na zonsondergang, meestal binnen 6 min ervan (op de klok binnen 21 min)",
         "goed op 5 van de laatste 7 dagen, bijna op 1, fout op 1", "alleen als er iemand thuis is"),
    ],
)  # fmt: skip
def test_sun_habit_in_other_languages(
    bare_page: Page, language: str, sun: str, backtest: str, home: str
) -> None:
    """The sun label, the backtest sentence and the presence badge are translated."""
    show(bare_page, language, {"status": "success", "success": True}, [SUN])
    card = bare_page.locator("ai-automation-card")
    expect(card.locator(".sun-text")).to_have_text(sun)
    expect(card.locator(".backtest-text")).to_have_text(backtest)
    expect(card.locator(".badge")).to_have_text([home])


def test_a_kind_the_card_does_not_know_is_shown_by_its_name(bare_page: Page) -> None:
    """A kind of a newer engine (and a starter the card has no words for) renders, not crashes."""
    unknown = {
        **GROUP,
        "id": "w1",
        "kind": "window_open",
        "evidence": {**GROUP["evidence"], "started_by": "weather"},
    }
    show(bare_page, "en", {"status": "success", "success": True}, [unknown], STATES)
    card = bare_page.locator("ai-automation-card")
    expect(card.locator("li[data-id=w1] .kind")).to_have_text("Window open")
    expect(card.locator("li[data-id=w1] .member-name")).to_have_count(3)
    expect(card.locator("li[data-id=w1] figcaption")).not_to_contain_text("started_")
