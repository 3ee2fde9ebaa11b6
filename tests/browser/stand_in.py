"""Suggestions as the card receives them, and a stand-in Home Assistant that serves them."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page

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
    number_format: str | None = None,
) -> None:
    """Load the bundle in an empty page and give the card a stand-in Home Assistant.

    `number_format`: the user profile's (none: as in a profile from before there was one).
    """
    page.set_content("<html><body></body></html>")
    page.add_script_tag(content=CARD_FILE.read_text(), type="module")
    page.evaluate(
        """([language, status, suggestions, states, number_format]) => {
          customElements.define("home-assistant", class extends HTMLElement {});
          return customElements.whenDefined("ai-automation-card").then(() => {
            const card = document.createElement("ai-automation-card");
            card.setConfig({ type: "custom:ai-automation-card" });
            card.hass = {
              states, entities: {}, language,
              locale: number_format ? { language, number_format } : { language },
              callWS: async (msg) => msg.type === "ai_automation/status" ? status
                : { total: suggestions.length, suggestions },
              callService: async () => null,
            };
            document.body.appendChild(card);
          });
        }""",
        [language, {**STATUS, "last_run": last_run}, suggestions, states or {}, number_format],
    )


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


# Words of the engine's English templates (engine/suggestions/) and of the card's English texts.
ENGLISH = re.compile(
    r"\b(turn|around|every|weekdays?|when|seen|spread|times|otherwise|would|right|wrong|"
    r"together|after|before|sunset|sunrise|change|remove|days|someone|home|last|leaves|"
    r"the|never|nobody|within|minutes|done|Mon|Wed|Fri)\b",
    re.IGNORECASE,
)
