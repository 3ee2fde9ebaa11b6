"""The card in a real Home Assistant with the profile in German: every suggestion said in German."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect
import pytest

from .conftest import DASHBOARD
from .home import RunningHome, open_suggestions
from .stand_in import ENGLISH

pytestmark = pytest.mark.timeout(900)  # the first test also starts Home Assistant
SAID = "h3, p.evidence, figcaption, .badge, .kind, button:visible"


@pytest.mark.parametrize(
    ("language", "width", "theme"),
    [("de", 390, "dark"), ("de", 1280, "light"), ("en", 390, "dark")],
)
def test_card_says_everything_in_the_profiles_language(
    page: Page, home: RunningHome, language: str, width: int, theme: str
) -> None:
    """The engine stored English; a German profile sees German titles, sentences and replay days."""
    home.websocket(
        {"type": "lovelace/config/save", "url_path": DASHBOARD,
         "config": {"views": [{"title": "Home", "path": "home", "cards": [
             {"type": "custom:ai-automation-card", "max_suggestions": 20}]}]}},
    )  # fmt: skip
    # The profile's language, as Settings → Profile keeps it in the browser.
    page.add_init_script(f"localStorage.setItem('selectedLanguage', '\"{language}\"')")
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=theme)
    page.goto(f"{home.url}/{DASHBOARD}/home")
    card = page.locator("hui-masonry-view ai-automation-card")
    expect(open_suggestions(card).first).to_be_visible(timeout=30_000)
    kinds = card.locator("li.suggestion .kind").all_text_contents()
    texts = card.locator(SAID).all_inner_texts()
    english = [text for text in texts if ENGLISH.search(text)]
    days = card.locator("figure.backtest text.axis").all_text_contents()
    if language == "de":
        assert "Gewohnheit" in kinds
        assert english == [], english
        assert days, "no replayed days shown"
        assert set(days) <= set("MDFS"), days  # Mo Di Mi Do Fr Sa So, as German writes them
    else:
        assert "Habit" in kinds
        assert any(re.match(r"Turn (on|off) ", text) for text in texts), texts
        assert set(days) <= set("SMTWF"), days
