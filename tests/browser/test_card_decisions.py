"""The card's decisions and pictures in Chromium, with a stand-in Home Assistant that keeps state.

Undo after Snooze and Dismiss, what stays with a suggestion when the list moves, a habit around
midnight, rows against counted days, labels at a phone's width: in English and German, light and
dark. The real Home Assistant round trip of Undo is in test_card.py.
"""

from __future__ import annotations

import copy
from typing import Any

from playwright.sync_api import Locator, Page, expect
import pytest

from custom_components.ai_automation.card import CARD_FILE

STATUS = {
    "running": False,
    "suggestions_open": 3,
    "lookback_days": 14,
    "min_days": 5,
    "decisions": ["accept", "dismiss", "restore", "snooze"],
    "last_run": {"status": "success", "success": True, "timestamp": "2026-12-01T03:00:00Z"},
}
AUTOMATION = {"alias": "x", "triggers": [{"trigger": "time", "at": "06:45:00"}],
              "conditions": [], "actions": [], "mode": "single"}  # fmt: skip


def _habit(
    suggestion_id: str, title: str, minute: int, eligible: int = 13, gap: int = 0
) -> dict[str, Any]:
    """Return an every-day habit around `minute`, one time on each of `eligible` whole days.

    `gap`: that many days Home Assistant did not record, after the fifth.
    """
    unrecorded = list(range(5, 5 + gap))
    counted = [day for day in range(eligible + gap) if day not in unrecorded]
    times = [[day, (minute + (day % 5) * 3 - 6) % 1440] for day in counted]
    # Around midnight some days' times fall just after it, on the next day's date.
    if minute > 1380:
        times = [[day + 1, 4] if day % 4 == 3 else [day, m] for day, m in times]
    low, high = (minute - 15) % 1440, (minute + 15) % 1440
    return {
        "id": suggestion_id, "kind": "habit", "status": "new", "entities": ["light.x"],
        "title": title, "description": f"Seen on {eligible} of {eligible} days.",
        "automation": AUTOMATION,
        "evidence": {"days": "all", "eligible_days": eligible, "distinct_days": eligible,
                     "series": {"first_day": "2026-11-16", "days": eligible + gap, "times": times,
                                "band": [low, high]} | ({"unrecorded": unrecorded} if gap else {})},
    }  # fmt: skip


SUGGESTIONS = [
    _habit("a", "Turn on Kitchen light around 06:45 every day", 405),
    _habit("b", "Turn off Living room light around 23:52 every day", 1432),
    _habit("c", "Turn on Desk lamp around 19:00 every day", 1140, gap=2),
]


def show(page: Page, language: str, theme: str = "light", width: int = 1000) -> Locator:
    """Load the bundle with a stand-in Home Assistant that records decisions; return the card."""
    page.set_viewport_size({"width": width, "height": 1600})
    page.emulate_media(color_scheme=theme)
    page.set_content(
        "<html><body style='margin:0;background:Canvas;color-scheme:light dark'></body></html>"
    )
    page.add_script_tag(content=CARD_FILE.read_text(), type="module")
    page.evaluate(
        """([language, status, suggestions]) => {
          customElements.define("home-assistant", class extends HTMLElement {});
          window.decisions = [];
          return customElements.whenDefined("ai-automation-card").then(() => {
            const card = document.createElement("ai-automation-card");
            card.setConfig({ type: "custom:ai-automation-card", max_suggestions: 3 });
            card.hass = {
              states: {}, entities: {}, language, locale: { language },
              callWS: async (msg) => {
                if (msg.type === "ai_automation/status") return status;
                if (msg.type === "ai_automation/suggestions/handle") {
                  window.decisions.push([msg.suggestion_id, msg.decision]);
                  const item = suggestions.find((s) => s.id === msg.suggestion_id);
                  item.status = { accept: "accepted", dismiss: "dismissed", snooze: "snoozed",
                                  restore: "new" }[msg.decision];
                  return item;
                }
                const open = suggestions.filter((s) => s.status === "new");
                return { total: open.length, suggestions: open };
              },
              callService: async () => null,
            };
            document.body.appendChild(card);
          });
        }""",
        [language, STATUS, copy.deepcopy(SUGGESTIONS)],
    )
    card = page.locator("ai-automation-card")
    expect(card.locator("li.suggestion")).to_have_count(3)
    return card


@pytest.mark.parametrize(
    ("language", "theme", "decision", "button", "notice", "undo"),
    [
        ("en", "light", "snooze", "Snooze", "Snoozed for 30 days: ", "Undo"),
        ("en", "dark", "dismiss", "Dismiss", "Dismissed: ", "Undo"),
        ("de", "dark", "snooze", "Später", "Für 30 Tage zurückgestellt: ", "Rückgängig"),
        ("de", "light", "dismiss", "Verwerfen", "Verworfen: ", "Rückgängig"),
    ],
)  # fmt: skip
def test_snooze_and_dismiss_say_so_and_can_be_undone(
    bare_page: Page, language: str, theme: str, decision: str, button: str, notice: str, undo: str
) -> None:
    """The decision is confirmed in the card with Undo, which brings the suggestion back."""
    card = show(bare_page, language, theme, width=390)
    first = card.locator("li.suggestion[data-id=a]")
    first.get_by_role("button", name=button).click()
    expect(card.locator("li.suggestion[data-id=a]")).to_have_count(0)
    said = card.locator("ul.undoable li[data-undo=a]")
    expect(said).to_contain_text(notice + SUGGESTIONS[0]["title"])
    said.get_by_role("button", name=undo).click()
    expect(card.locator("li.suggestion[data-id=a]")).to_have_count(1)
    expect(card.locator("ul.undoable li")).to_have_count(0)
    assert bare_page.evaluate("window.decisions") == [["a", decision], ["a", "restore"]]


def test_the_notice_goes_after_a_few_seconds(bare_page: Page) -> None:
    """Undo is offered for a while, not for ever; the suggestion stays dismissed."""
    bare_page.clock.install()
    card = show(bare_page, "en")
    card.locator("li.suggestion[data-id=b]").get_by_role("button", name="Dismiss").click()
    expect(card.locator("ul.undoable li[data-undo=b]")).to_be_visible()
    bare_page.clock.run_for(11_000)
    expect(card.locator("ul.undoable li")).to_have_count(0)
    expect(card.locator("li.suggestion[data-id=b]")).to_have_count(0)
    assert bare_page.evaluate("window.decisions") == [["b", "dismiss"]]


def test_the_unfolded_automation_stays_with_its_suggestion_after_accept(bare_page: Page) -> None:
    """After Accept the next suggestion moves up folded; the one unfolded stays unfolded."""
    card = show(bare_page, "en")
    card.locator("li.suggestion[data-id=a] summary").click()
    card.locator("li.suggestion[data-id=c] summary").click()
    card.locator("li.suggestion[data-id=a]").get_by_role("button", name="Accept").click()
    listed = card.locator("ul.suggestions:not(.created) > li.suggestion")
    expect(listed).to_have_count(2)
    expect(listed.first).to_have_attribute("data-id", "b")
    expect(listed.locator("details pre")).to_have_count(2)
    expect(card.locator("li.suggestion[data-id=b] details pre")).not_to_be_visible()
    expect(card.locator("li.suggestion[data-id=c] details pre")).to_be_visible()


@pytest.mark.parametrize(("language", "theme"), [("en", "light"), ("de", "dark")])
def test_a_habit_around_midnight_is_drawn_whole(bare_page: Page, language: str, theme: str) -> None:
    """Times either side of midnight sit together in the middle of their row, the band in one."""
    card = show(bare_page, language, theme)
    picture = card.locator("li.suggestion[data-id=b] svg[role=img]")
    expect(picture.locator("rect.band")).to_have_count(1)
    expect(picture.locator("text.axis")).to_have_text(["12", "18", "00", "06", "12"])
    xs = [float(x) for x in picture.locator("circle.dot").evaluate_all(
        "dots => dots.map((dot) => dot.getAttribute('cx'))")]  # fmt: skip
    plot = (44, 320 - 8)
    middle = (plot[0] + plot[1]) / 2
    assert len(xs) == 13
    assert all(abs(x - middle) < 0.1 * (plot[1] - plot[0]) for x in xs), xs
    # A habit in the day keeps the usual axis from midnight to midnight.
    day = card.locator("li.suggestion[data-id=a] svg[role=img]")
    expect(day.locator("text.axis")).to_have_text(["00", "06", "12", "18", "24"])


def test_rows_are_the_days_counted(bare_page: Page) -> None:
    """As many rows drawn as counted as the days the evidence counts; unrecorded days greyed."""
    card = show(bare_page, "en")
    for suggestion in SUGGESTIONS:
        picture = card.locator(f"li.suggestion[data-id={suggestion['id']}] svg[role=img]")
        eligible = suggestion["evidence"]["eligible_days"]
        days = suggestion["evidence"]["series"]["days"]
        expect(picture.locator("rect.row")).to_have_count(days)
        expect(picture.locator("rect.row:not(.other)")).to_have_count(eligible)
        expect(picture.locator("text.day")).to_have_count(days)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_labels_are_readable_and_the_band_visible_on_a_phone(bare_page: Page, theme: str) -> None:
    """At a phone's width the chart labels are at least 10 px; the band is edged in either theme."""
    card = show(bare_page, "de", theme, width=360)
    picture = card.locator("li.suggestion[data-id=c] svg[role=img]")
    heights = picture.locator("text.axis, text.day").evaluate_all(
        "texts => texts.map((t) => parseFloat(getComputedStyle(t).fontSize)"
        " * t.ownerSVGElement.getBoundingClientRect().width / 320)"
    )
    assert min(heights) >= 10, heights
    band = picture.locator("rect.band").evaluate(
        "band => { const s = getComputedStyle(band);"
        " return [parseFloat(s.fillOpacity), parseFloat(s.strokeOpacity), s.stroke]; }"
    )
    assert band[0] >= 0.25, band
    assert band[1] >= 0.5, band
    assert band[2] not in ("none", ""), band
