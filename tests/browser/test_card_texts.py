"""The card's own logic in Chromium with a stand-in for Home Assistant: texts and languages.

The real Home Assistant tests (test_card.py) cannot make a home with only three days of
history or a failed run; these fast checks give the card such answers directly.
"""

from __future__ import annotations

import re
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
    "description": "Seen on 9 of 10 weekdays, usually within 4 minutes of 06:45.",
    "automation": {"alias": "x", "triggers": [{"trigger": "time", "at": "06:45:00"}],
                   "conditions": [], "actions": [], "mode": "single"},
    "evidence": {"days": "weekdays", "series": {"first_day": "2026-11-16", "days": 7,
                 "times": [[0, 405], [1, 410], [5, 600]], "band": [390, 420]}},
}  # fmt: skip


def show(
    page: Page,
    language: str,
    last_run: dict[str, Any],
    suggestions: list[Any],
    states: dict[str, Any] | None = None,
) -> None:
    """Load the bundle in an empty page and give the card a stand-in Home Assistant."""
    page.set_content("<html><body></body></html>")
    page.add_script_tag(content=CARD_FILE.read_text(), type="module")
    page.evaluate(
        """([language, status, suggestions, states]) => {
          customElements.define("home-assistant", class extends HTMLElement {});
          return customElements.whenDefined("ai-automation-card").then(() => {
            const card = document.createElement("ai-automation-card");
            card.setConfig({ type: "custom:ai-automation-card" });
            card.hass = {
              states, entities: {}, language, locale: { language },
              callWS: async (msg) => msg.type === "ai_automation/status" ? status
                : { total: suggestions.length, suggestions },
              callService: async () => null,
            };
            document.body.appendChild(card);
          });
        }""",
        [language, {**STATUS, "last_run": last_run}, suggestions, states or {}],
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


# The evidence the engine writes (engine/suggestions/), field for field: a sun habit that needs
# someone home, a sequence started when the home empties, a group, and an undone automation.
SOMEONE_HOME = {"condition": "numeric_state", "entity_id": "zone.home", "above": 0}
BACKTEST_DAYS = [
    {"date": f"2026-11-{day}", "result": result}
    for day, result in zip(
        range(22, 29), ["right", "right", "near", "right", "wrong", "right", "right"], strict=True
    )
]
SUN = {
    "id": "s1",
    "kind": "sun",
    "status": "new",
    "entities": ["light.porch"],
    "title": "Turn on Porch light 30 min after sunset every day",
    "description": "Seen on 12 of 14 days 30 min after sunset, usually within 6 minutes of that (by the clock within 21 minutes).",
    "automation": {
        "alias": "x",
        "triggers": [{"trigger": "sun", "event": "sunset", "offset": "00:30:00"}],
        "conditions": [SOMEONE_HOME],
        "actions": [],
        "mode": "single",
    },
    "evidence": {
        "occurrences": 12,
        "distinct_days": 12,
        "eligible_days": 14,
        "days": "all",
        "weekdays": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
        "median_time": "17:05",
        "spread_minutes": 6.2,
        "lift": 41.0,
        "chance": 0.02,
        "first_seen": 1763300000.0,
        "last_seen": 1764300000.0,
        "day_times": [
            {"date": f"2026-11-{15 + day}", "minute": 1020.0 + day % 3 * 4} for day in range(12)
        ],
        "score": 0.71,
        "state": "on",
        "away_days": 2,
        "backtest_right": 5,
        "backtest_near": 1,
        "backtest_wrong": 1,
        "backtest_days": BACKTEST_DAYS,
        "series": {
            "first_day": "2026-11-15",
            "days": 14,
            "times": [[day, 1020 + day % 3 * 4] for day in range(12)],
            "band": [1010, 1040],
        },
        "event": "sunset",
        "offset_minutes": 30.4,
        "clock_spread_minutes": 21.3,
    },
}
LEAVING = {
    "id": "q1",
    "kind": "sequence",
    "status": "new",
    "entities": ["zone.home", "light.hall"],
    "title": "Turn off Hall light when the last person leaves",
    "description": "After 9 of 10 times, typically 40 seconds later; it almost never happens otherwise.",
    "automation": {
        "alias": "x",
        "triggers": [{"trigger": "state", "entity_id": "zone.home", "to": "0"}],
        "conditions": [],
        "actions": [],
        "mode": "single",
    },
    "evidence": {
        "occurrences": 9,
        "trigger_count": 10,
        "confidence": 0.9,
        "lift": 30.0,
        "median_delay_seconds": 40.0,
        "distinct_days": 9,
        "first_seen": 1763300000.0,
        "last_seen": 1764300000.0,
        "score": 0.6,
        "state": "off",
        "delays": {
            "window_seconds": 120,
            "bin_seconds": 10,
            "counts": [0, 1, 2, 3, 2, 1, 0, 0, 0, 0, 0, 0],
        },
        "backtest_right": 7,
        "backtest_wrong": 2,
        "backtest_triggers": [
            {"at": 1763800000.0 + 86400 * n, "result": "wrong" if n in (2, 6) else "right"}
            for n in range(9)
        ],
    },
}
GROUP = {
    "id": "g1",
    "kind": "group",
    "status": "new",
    "entities": ["light.tv_lamp", "cover.living_room", "media_player.tv"],
    "title": "Close Living room blind and turn on TV when TV lamp turns on",
    "description": "Done together (within a minute) 12 of 14 times, on 12 different days.",
    "automation": {
        "alias": "x",
        "triggers": [{"trigger": "state", "entity_id": "light.tv_lamp", "to": "on"}],
        "conditions": [],
        "actions": [],
        "mode": "single",
    },
    "evidence": {
        "members": [
            {"entity_id": "light.tv_lamp", "state": "on"},
            {"entity_id": "cover.living_room", "state": "closed"},
            {"entity_id": "media_player.tv", "state": "on"},
        ],
        "together": 12,
        "share": 0.857,
        "distinct_days": 11,
        "started_by": "first",
        "score": 0.37,
    },
}
OVERRIDE = {
    "id": "o1",
    "kind": "override",
    "status": "new",
    "entities": ["light.porch"],
    "title": "Change or remove the automation: Turn on Porch light around 18:00 every day",
    "description": "On 4 of the 5 days it set Porch light to on, someone changed it back within minutes.",
    "automation": None,
    "evidence": {
        "suggestion_id": "0123456789abcdef",
        "acted_days": 5,
        "undone_days": 4,
        "score": 0.8,
    },
}
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
