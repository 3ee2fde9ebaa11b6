"""The dashboard card in Chromium against a real Home Assistant: picker, pictures, decisions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
import os
import re

from playwright.sync_api import Locator, Page, expect
import pytest

from .conftest import DASHBOARD
from .home import ROOT, RunningHome, open_suggestions
from .seeds import GROUP_ID, SUN_ID

# A test run writes the screenshots beside the other caches, so it leaves the work tree clean;
# AI_AUTOMATION_SCREENSHOTS=docs/screenshots refreshes the README's pictures.
SCREENSHOTS = ROOT / os.environ.get("AI_AUTOMATION_SCREENSHOTS", ".cache/screenshots")
VIEW = f"/{DASHBOARD}/home"
KINDS = ("habit", "sequence", "unused_capability", "sun", "group")

pytestmark = pytest.mark.timeout(900)  # the first test also starts Home Assistant


def add_card_from_picker(page: Page, home: RunningHome) -> Locator:
    """Add the card to the test dashboard through the card picker and its visual editor."""
    page.goto(f"{home.url}{VIEW}?edit=1")
    page.get_by_role("button", name="Add card").click()
    page.get_by_role("tab", name="By card").click()
    page.get_by_placeholder("Search cards").fill("AI Automation")
    choice = page.locator("hui-card-picker .card").filter(has_text="AI Automation").first
    # The picker shows the card's preview, with live data.
    expect(choice.locator("ai-automation-card li.suggestion").first).to_be_visible(timeout=30_000)
    choice.click()
    # The visual editor: show up to 20 suggestions.
    many = page.get_by_role("spinbutton", name="How many suggestions")
    many.fill("20")
    many.press("Tab")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Done").click()
    (saved,) = home.websocket({"type": "lovelace/config", "url_path": DASHBOARD})
    assert saved["views"][0]["cards"] == [
        {"type": "custom:ai-automation-card", "show_header": True, "max_suggestions": 20}
    ]
    return page.locator("hui-masonry-view ai-automation-card")


def test_card_from_the_picker_shows_every_kind_with_its_evidence(
    page: Page, home: RunningHome
) -> None:
    """Add the card from the picker; every kind shows its title, evidence, picture and automation."""
    card = add_card_from_picker(page, home)
    expect(card.locator(".pill.broker")).to_have_text("MQTT broker: connected")
    expect(card.locator(".pill.bridge")).to_have_text("Zigbee2MQTT: online")
    expect(card.locator(".last-run")).to_contain_text("success")
    for kind in KINDS:
        expect(card.locator(f"li.suggestion[data-kind={kind}]").first).to_be_visible()
    # The kinds the demo home's history does not show (seeded): a sun habit that needs someone
    # home, with its backtest; a group with its members as the home names them.
    sun = card.locator(f"li.suggestion[data-id={SUN_ID}]")
    expect(sun.locator(".kind")).to_have_text("Sun")
    expect(sun.locator(".badge")).to_have_text(["only while someone is home"])
    expect(sun.locator(".sun-text")).to_have_text(
        "30 min after sunset, usually within 6 min of it (by the clock within 21 min)"
    )
    expect(sun.locator("svg line.sun")).to_have_count(1)
    expect(sun.locator("figure.backtest rect.cell")).to_have_count(7)
    expect(sun.locator("figure.backtest rect.cell.right")).to_have_count(5)
    expect(sun.locator("figure.backtest rect.cell.near")).to_have_count(1)
    expect(sun.locator("figure.backtest rect.cell.wrong")).to_have_count(1)
    expect(sun.locator(".backtest-text")).to_have_text(
        "right on 5 of the last 7 days, near on 1, wrong on 1"
    )
    group = card.locator(f"li.suggestion[data-id={GROUP_ID}]")
    expect(group.locator(".kind")).to_have_text("Group")
    expect(group.locator(".member-name")).to_have_text(
        ["Desk lamp (demo)", "Coffee machine (demo)", "Kitchen light (demo)"]
    )
    expect(group.locator(".member-state")).to_have_count(3)
    expect(group.locator("figcaption")).to_contain_text("done together 12 times (86 %)")

    # A weekday habit (the demo home also has an every-day one).
    habit = card.locator("li.suggestion[data-kind=habit]").filter(has_text="on weekdays").first
    expect(habit.locator("svg[role=img]").first).to_have_attribute(
        "aria-label", re.compile(r"Times over 1\d days")
    )
    expect(habit.locator("svg circle.dot:not(.other)").first).to_be_visible()
    # Days outside its day type or weekday set greyed.
    expect(habit.locator("svg rect.row.other").first).to_be_attached()
    # The replay of the last whole days as its backtest row.
    expect(habit.locator("svg rect.cell.right").first).to_be_attached()
    expect(habit.locator("figcaption").last).to_contain_text(
        re.compile(r"right on \d+ of the last \d+ days")
    )
    sequence = card.locator("li.suggestion[data-kind=sequence]").first
    expect(sequence.locator("svg rect.bar")).to_have_count(12)
    expect(sequence.locator("figcaption").first).to_contain_text("counted within 2 min")
    # Its replay: one cell per time the trigger came in the last days.
    expect(sequence.locator("figcaption").last).to_contain_text(
        re.compile(r"right \d+ of the last \d+ times")
    )
    unused = card.locator("li.suggestion[data-kind=unused_capability]").first
    expect(unused.locator(".device-name")).to_have_text("Kitchen light")
    expect(
        card.locator("li.suggestion[data-kind=unused_capability] .capability-name")
    ).to_contain_text(["Color temp"])
    # Its range in the units the words use, not Zigbee2MQTT's mired, and where it always sits.
    colour = card.locator(".capability").filter(has_text="Color temp")
    for text in ("2000 K", "6535 K", "never changed while in use", "always 2702 K"):
        expect(colour).to_contain_text(text)
    expect(colour.locator("svg circle.usual")).to_have_count(1)
    expect(unused.locator("p.evidence")).to_contain_text(
        "Kitchen light was on 14 evenings in two weeks, always at 2702 K."
    )

    # The automation is folded until asked for, then readable.
    automation = habit.locator("details pre")
    expect(automation).not_to_be_visible()
    habit.get_by_text("The automation it creates").click()
    expect(automation).to_contain_text("trigger: time")
    expect(automation).to_contain_text("weekday:")

    # Keyboard: Tab reaches the buttons, Enter presses them (here: opens the automation).
    summary = sequence.locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(sequence.locator("details pre")).to_be_visible()

    # The card was saved to the dashboard: it is there after a reload.
    page.reload()
    expect(
        open_suggestions(page.locator("hui-masonry-view ai-automation-card")).first
    ).to_be_visible()


def test_accept_creates_the_automation_and_links_to_the_editor(
    page: Page, home: RunningHome
) -> None:
    """Accept: the automation exists in the automation editor's API, the suggestion is gone."""
    page.goto(home.url + VIEW)
    card = page.locator("hui-masonry-view ai-automation-card")
    # Not the living room light's habit near midnight: the picture test below draws it.
    habits = open_suggestions(card).and_(card.locator("li[data-kind=habit]"))
    habit = habits.filter(has_not_text="Living room").first
    suggestion_id = habit.get_attribute("data-id")
    title = habit.locator("h3").inner_text()
    habit.get_by_role("button", name="Accept").click()

    link = card.get_by_role("link", name="Open in the automation editor")
    expect(link).to_have_attribute("href", f"/config/automation/edit/ai_automation_{suggestion_id}")
    expect(
        card.locator(f"ul.suggestions:not(.created) li[data-id='{suggestion_id}']")
    ).to_have_count(0)
    status, automation = home.get(f"/api/config/automation/config/ai_automation_{suggestion_id}")
    assert status == 200, automation
    assert automation["alias"] == title
    assert automation["triggers"][0]["trigger"] == "time"

    link.click()
    page.wait_for_url(f"**/config/automation/edit/ai_automation_{suggestion_id}")
    expect(page.get_by_text(title).first).to_be_visible()


def test_dismiss_is_for_good_and_run_analysis_updates_the_header(
    page: Page, home: RunningHome
) -> None:
    """Dismiss removes a suggestion; a new analysis (from the card) updates the header only."""
    page.goto(home.url + VIEW)
    card = page.locator("hui-masonry-view ai-automation-card")
    sequence = open_suggestions(card).and_(card.locator("li[data-kind=sequence]")).first
    suggestion_id = sequence.get_attribute("data-id")
    sequence.get_by_role("button", name="Dismiss").click()
    gone = card.locator(f"li.suggestion[data-id='{suggestion_id}']")
    expect(gone).to_have_count(0)

    last_run = card.locator(".last-run strong")
    before = last_run.get_attribute("title")
    run = card.get_by_role("button", name="Run analysis")
    run.click()
    expect(last_run).not_to_have_attribute("title", before or "", timeout=120_000)
    expect(card.locator(".last-run")).to_contain_text("0 new")
    expect(run).to_be_enabled()
    expect(gone).to_have_count(0)  # found again by the analysis, still dismissed
    page.reload()
    expect(
        open_suggestions(page.locator("hui-masonry-view ai-automation-card")).first
    ).to_be_visible()
    expect(page.locator(f"li.suggestion[data-id='{suggestion_id}']")).to_have_count(0)


SHOWCASE = {
    "title": "Showcase",
    "path": "showcase",
    "cards": [
        {"type": "custom:ai-automation-card", "kinds": ["habit"], "max_suggestions": 1},
        {"type": "custom:ai-automation-card", "kinds": ["sun", "group", "sequence"],
         "max_suggestions": 3, "show_header": False},
        {"type": "custom:ai-automation-card", "kinds": ["unused_capability"],
         "max_suggestions": 2, "show_header": False},
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    ("width", "theme"),
    [(1280, "light"), (1280, "dark"), (390, "light"), (390, "dark")],
)
def test_screenshots_in_light_and_dark_at_desktop_and_phone_width(
    page: Page, home: RunningHome, width: int, theme: str
) -> None:
    """Write the README's screenshots; the card follows the theme and fits a phone's width."""
    home.websocket(
        {"type": "lovelace/config/save", "url_path": DASHBOARD,
         "config": {"views": [{"title": "Home", "path": "home", "cards": [
             {"type": "custom:ai-automation-card", "max_suggestions": 20}]}, SHOWCASE]}},
    )  # fmt: skip
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=theme)
    page.goto(f"{home.url}/{DASHBOARD}/showcase")
    cards = page.locator("hui-masonry-view ai-automation-card")
    expect(cards).to_have_count(3)
    for index in range(3):
        expect(open_suggestions(cards.nth(index)).first).to_be_visible()
    expect(cards.first.locator("li[data-kind=habit] svg circle.dot").first).to_be_visible()
    background = cards.first.evaluate(
        "card => getComputedStyle(card.shadowRoot.querySelector('ha-card')).backgroundColor"
    )
    brightness = sum(int(part) for part in re.findall(r"\d+", background)[:3])
    assert (brightness < 200) == (theme == "dark"), background
    for index in range(3):
        overflow = cards.nth(index).evaluate(
            "card => { const c = card.shadowRoot.querySelector('ha-card');"
            " return c.scrollWidth - c.clientWidth; }"
        )
        assert overflow <= 0, f"card {index} is wider than the screen at {width} px"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = f"card-{'desktop' if width > 600 else 'phone'}-{theme}.png"
    # Tall enough for the whole view: Home Assistant scrolls inside its own layout.
    page.set_viewport_size({"width": width, "height": 3000})
    # Written here, not by Playwright (which would leave a writer thread behind).
    (SCREENSHOTS / name).write_bytes(page.locator("hui-masonry-view").screenshot())
    assert (SCREENSHOTS / name).stat().st_size > 10_000


def test_empty_state_says_what_the_last_analysis_did(page: Page, home: RunningHome) -> None:
    """With nothing to show, the card says so honestly, with the last run's figures."""
    home.websocket(
        {"type": "lovelace/config/save", "url_path": DASHBOARD,
         "config": {"views": [{"title": "Empty", "path": "empty", "cards": [
             {"type": "custom:ai-automation-card", "kinds": ["override"]}]}]}},
    )  # fmt: skip
    status = home.websocket({"type": "ai_automation/status"})[0]
    page.goto(f"{home.url}/{DASHBOARD}/empty")
    card = page.locator("hui-masonry-view ai-automation-card")
    expect(card.locator("p.empty")).to_have_text(
        f"No open suggestions. The last analysis read {status['last_run']['events_analysed']:,}"
        " changes and found nothing new."  # (grouped as English writes numbers: 1,234)
    )
    expect(card.locator("li.suggestion")).to_have_count(0)


def test_snooze_puts_a_suggestion_away_for_30_days(page: Page, home: RunningHome) -> None:
    """Snooze on the card hides the suggestion; it is kept as snoozed for 30 days, not dismissed."""
    home.websocket(
        {"type": "lovelace/config/save", "url_path": DASHBOARD,
         "config": {"views": [{"title": "All", "path": "all", "cards": [
             {"type": "custom:ai-automation-card", "max_suggestions": 20}]}]}},
    )  # fmt: skip
    page.goto(f"{home.url}/{DASHBOARD}/all")
    card = page.locator("hui-masonry-view ai-automation-card")
    first = open_suggestions(card).first
    suggestion_id = first.get_attribute("data-id")
    first.get_by_role("button", name="Snooze").click()
    expect(card.locator(f"li.suggestion[data-id='{suggestion_id}']")).to_have_count(0)
    (snoozed,) = home.websocket({"type": "ai_automation/suggestions", "status": "snoozed"})
    (stored,) = [s for s in snoozed["suggestions"] if s["id"] == suggestion_id]
    until = datetime.fromisoformat(stored["snoozed_until"])
    assert timedelta(days=29) < until - datetime.now(UTC) <= timedelta(days=30)
    page.reload()
    expect(
        open_suggestions(page.locator("hui-masonry-view ai-automation-card")).first
    ).to_be_visible()
    expect(page.locator(f"li.suggestion[data-id='{suggestion_id}']")).to_have_count(0)


def test_undo_after_dismiss_and_snooze_brings_the_suggestion_back(
    page: Page, home: RunningHome
) -> None:
    """Undo in the card takes a dismissal or a snooze back in Home Assistant itself."""
    home.websocket(
        {"type": "lovelace/config/save", "url_path": DASHBOARD,
         "config": {"views": [{"title": "Undo", "path": "undo", "cards": [
             {"type": "custom:ai-automation-card", "max_suggestions": 20}]}]}},
    )  # fmt: skip
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"{home.url}/{DASHBOARD}/undo")
    card = page.locator("hui-masonry-view ai-automation-card")
    for button, status in (("Dismiss", "dismissed"), ("Snooze", "snoozed")):
        first = open_suggestions(card).first
        suggestion_id = first.get_attribute("data-id")
        first.get_by_role("button", name=button).click()
        expect(card.locator(f"li.suggestion[data-id='{suggestion_id}']")).to_have_count(0)
        (handled,) = home.websocket({"type": "ai_automation/suggestions", "status": status})
        assert suggestion_id in [s["id"] for s in handled["suggestions"]]
        card.locator(f"ul.undoable li[data-undo='{suggestion_id}']").get_by_role(
            "button", name="Undo"
        ).click()
        expect(card.locator(f"li.suggestion[data-id='{suggestion_id}']")).to_have_count(1)
        (listed,) = home.websocket({"type": "ai_automation/suggestions", "status": "new"})
        assert suggestion_id in [s["id"] for s in listed["suggestions"]]


def test_habit_pictures_have_a_row_per_counted_day_and_midnight_in_the_middle(
    page: Page, home: RunningHome
) -> None:
    """The demo's habits: the rows agree with the days counted; the one near midnight is whole."""
    for status in ("snoozed", "dismissed"):  # (put away by the tests before)
        (handled,) = home.websocket({"type": "ai_automation/suggestions", "status": status})
        for suggestion in handled["suggestions"]:
            home.websocket(
                {"type": "ai_automation/suggestions/handle", "suggestion_id": suggestion["id"],
                 "decision": "restore"}
            )  # fmt: skip
    home.websocket(
        {"type": "lovelace/config/save", "url_path": DASHBOARD,
         "config": {"views": [{"title": "Habits", "path": "habits", "cards": [
             {"type": "custom:ai-automation-card", "kinds": ["habit"], "max_suggestions": 20}]}]}},
    )  # fmt: skip
    (listed,) = home.websocket(
        {"type": "ai_automation/suggestions", "status": "new", "kinds": ["habit"]}
    )
    page.goto(f"{home.url}/{DASHBOARD}/habits")
    card = page.locator("hui-masonry-view ai-automation-card")
    expect(open_suggestions(card)).to_have_count(len(listed["suggestions"]), timeout=30_000)
    midnight = 0
    for suggestion in listed["suggestions"]:
        evidence = suggestion["evidence"]
        if evidence.get("away_days") or "eligible_days" not in evidence:
            continue  # the seeded suggestions restored above were not counted by the engine
        picture = card.locator(f"li.suggestion[data-id='{suggestion['id']}'] svg[role=img]").first
        expect(picture.locator("rect.row:not(.other)")).to_have_count(evidence["eligible_days"])
        hours, minutes = (int(part) for part in evidence["median_time"].split(":"))
        at = hours * 60 + minutes  # the habit's time (its band's start moves with its spread)
        if min(at, 1440 - at) < 120:
            midnight += 1
            expect(picture.locator("rect.band")).to_have_count(1)
            expect(picture.locator("text.axis").first).to_have_text("12")
    titles = [s["title"] for s in listed["suggestions"]]
    assert midnight, f"the demo home's living room light goes off near midnight: {titles}"
