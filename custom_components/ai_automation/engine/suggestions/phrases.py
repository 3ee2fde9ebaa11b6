"""How suggestions say things to people: names, verbs, times of day and durations."""

from __future__ import annotations

from collections.abc import Mapping
import math

VERBS = {
    "on": "Turn on",
    "off": "Turn off",
    "open": "Open",
    "closed": "Close",
    "locked": "Lock",
    "unlocked": "Unlock",
    "playing": "Play",
    "paused": "Pause",
}


def verb(state: str) -> str:
    """Say what brings something to `state`: "Turn on", "Close", "Set to 21:"."""
    return VERBS.get(state, f"Set to {state}:")


def clock(minute: float) -> str:
    """Say a local minute of the day as the clock does: "06:45"."""
    whole = round(minute) % 1440
    return f"{whole // 60:02d}:{whole % 60:02d}"


def entity_name(entity_id: str, names: Mapping[str, str]) -> str:
    """Return an entity's name, or one made from its id: "light.hall_lamp" is "Hall lamp"."""
    return names.get(entity_id) or entity_id.split(".", 1)[1].replace("_", " ").capitalize()


def half_up(value: float) -> int:
    """Return a number rounded half up, as the card's `Math.round` does (round() goes to even)."""
    return math.floor(value + 0.5)


def as_shown(value: float) -> int:
    """Return a figure as the card shows it: the tenth the evidence stores, rounded half up."""
    return half_up(round(value, 1))


def whole_minutes(minutes: float) -> int:
    """Return how close in minutes, as shown: at least 1 ("within 0 minutes" reads as a mistake)."""
    return max(as_shown(minutes), 1)


def minutes_words(minutes: float) -> str:
    """Say a number of minutes: "1 minute", "5 minutes" (at least one)."""
    whole = whole_minutes(minutes)
    return f"{whole} minute{'s' if whole != 1 else ''}"


def duration_words(seconds: float) -> str:
    """Say a duration as a person would: "7 seconds", "40 seconds", "2 minutes"."""
    stored = round(seconds, 1)  # (as the evidence keeps it, and the card reads it)
    if stored < 90:
        whole = half_up(stored)
        return f"{whole} second{'s' if whole != 1 else ''}"
    minutes = half_up(stored / 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def joined_with_and(names: list[str]) -> str:
    """Say a list as a sentence does: "A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
