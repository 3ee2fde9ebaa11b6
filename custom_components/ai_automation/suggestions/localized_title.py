"""A suggestion's title in the home's language, said again from its automation (alias, to-do item)."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.translation import (
    async_get_cached_translations,
    async_get_translations,
    async_translate_state,
)

from ..const import DOMAIN
from ..contract import StoredSuggestion

_PREFIX = f"component.{DOMAIN}.common.title_"
# Where Home Assistant names states ("on" of a motion sensor: "Erkannt"), as the frontend shows them
STATE_WORDS = ("entity", "entity_component")
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_KINDS = ("habit", "sun", "sequence", "group")
_ACTIONS = {
    "turn_on": "on",
    "turn_off": "off",
    "open_cover": "open",
    "close_cover": "closed",
    "lock": "locked",
    "unlock": "unlocked",
    "media_play": "playing",
    "media_pause": "paused",
}


async def async_load_title_words(hass: HomeAssistant) -> None:
    """Load the words titles are said in: ours, and Home Assistant's names of states."""
    language = hass.config.language
    await async_get_translations(hass, language, "common", {DOMAIN})
    for category in STATE_WORDS:
        await async_get_translations(hass, language, category)


async def async_localized_title(hass: HomeAssistant, suggestion: StoredSuggestion) -> str:
    """Return the title in Home Assistant's language (loading its words first)."""
    await async_load_title_words(hass)
    return localized_title(hass, suggestion)


@callback
def localized_title(hass: HomeAssistant, suggestion: StoredSuggestion) -> str:
    """Return the title in Home Assistant's language; the stored one when it cannot be said again.

    English (the engine's own words), a title the AI worded, a kind without a known shape, and a
    language whose words are not loaded yet keep the stored title.
    """
    language = hass.config.language
    automation = suggestion.get("automation")
    if (
        language.split("-")[0] == "en"
        or suggestion.get("ai_worded")
        or suggestion.get("kind") not in _KINDS
        or not isinstance(automation, dict)
    ):
        return str(suggestion["title"])
    translations = async_get_cached_translations(hass, language, "common", DOMAIN)
    words = {k.removeprefix(_PREFIX): v for k, v in translations.items() if k.startswith(_PREFIX)}
    try:
        title = _Said(hass, words).title(automation)
    except KeyError, ValueError, TypeError:  # words not loaded, or an automation of another shape
        title = None
    return title or str(suggestion["title"])


class _Said:
    """The words of one language, and the home's entity names."""

    def __init__(self, hass: HomeAssistant, words: dict[str, str]) -> None:
        """Remember the home and the words."""
        self._hass = hass
        self._words = words

    def _state(self, entity_id: str, state: str) -> str:
        """Return a state as Home Assistant shows it for this entity (the raw one if unnamed)."""
        entry = er.async_get(self._hass).async_get(entity_id)
        current = self._hass.states.get(entity_id)
        device_class = (current.attributes.get("device_class") if current else None) or (
            entry.device_class or entry.original_device_class if entry else None
        )
        return async_translate_state(
            self._hass,
            state,
            entity_id.split(".", 1)[0],
            entry.platform if entry else None,
            entry.translation_key if entry else None,
            device_class if isinstance(device_class, str) else None,
        )

    def _name(self, entity_id: str) -> str:
        state = self._hass.states.get(entity_id)
        if state is not None and state.name:
            return state.name
        return entity_id.split(".", 1)[1].replace("_", " ").capitalize()

    def _list(self, items: list[str]) -> str:
        if len(items) < 2:
            return items[0] if items else ""
        return f"{', '.join(items[:-1])} {self._words['and']} {items[-1]}"

    def title(self, automation: dict[str, Any]) -> str | None:
        """Return "<what it does> <when>", or None for a shape these words do not cover."""
        doing, when = self._doing(automation), self._when(automation)
        return f"{doing} {when}" if doing and when else None

    def _doing(self, automation: dict[str, Any]) -> str | None:
        by_key: dict[str, list[str]] = {}
        for action in automation.get("actions") or []:
            target = (action.get("target") or {}).get("entity_id")
            domain, _, verb = str(action.get("action", "")).partition(".")
            if not isinstance(target, str):
                return None
            key = "on" if domain == "scene" else _ACTIONS.get(verb)
            if domain == "climate" and verb == "set_hvac_mode":
                mode = str((action.get("data") or {}).get("hvac_mode", ""))
                key = f"set:{self._state(target, mode)}"
            if key is None:
                return None
            by_key.setdefault(key, []).append(target)
        parts = []
        for key, targets in by_key.items():
            name = self._list([self._name(t) for t in targets])
            if key.startswith("set:"):
                parts.append(self._words["set"].format(name=name, state=key[4:]))
            else:
                parts.append(self._words[key].format(name=name))
        return f" {self._words['and']} ".join(parts) or None

    def _days(self, automation: dict[str, Any]) -> str:
        days = next(
            (
                list(c["weekday"])
                for c in automation.get("conditions") or []
                if c.get("condition") == "time" and isinstance(c.get("weekday"), list)
            ),
            list(_DAYS),
        )
        if len(days) == len(_DAYS):
            return self._words["every_day"]
        if days == list(_DAYS[:5]):
            return self._words["on_weekdays"]
        if days == list(_DAYS[5:]):
            return self._words["at_weekends"]
        return self._words["on_days"].format(days=self._list([self._words[d] for d in days]))

    def _when(self, automation: dict[str, Any]) -> str | None:
        triggers = automation.get("triggers") or []
        if not triggers:
            return None
        trigger = triggers[0]
        home = any(
            c.get("condition") == "numeric_state" and c.get("entity_id") == "zone.home"
            for c in automation.get("conditions") or []
        )
        tail = self._words["someone_home"] if home else ""
        if trigger.get("trigger") == "time" and isinstance(trigger.get("at"), str):
            at = self._words["around"].format(time=trigger["at"][:5])
            return f"{at} {self._days(automation)}{tail}"
        if trigger.get("trigger") == "sun" and trigger.get("event") in ("sunset", "sunrise"):
            return f"{self._sun(trigger)} {self._days(automation)}{tail}"
        if trigger.get("trigger") == "state" and isinstance(trigger.get("entity_id"), str):
            said = self._trigger(trigger["entity_id"], trigger.get("to"))
            if (hold := trigger.get("for")) is None:
                return self._words["when"].format(trigger=said) + tail
            duration = self._duration(_hold_seconds(hold))
            return self._words["when_for"].format(trigger=said, duration=duration) + tail
        return None

    def _duration(self, seconds: float) -> str:
        """Say a wait as a household does: seconds below a minute and a half, else minutes."""
        if seconds < 90:
            return self._words["seconds"].format(n=round(seconds))
        return self._words["minutes"].format(n=round(seconds / 60))

    def _sun(self, trigger: dict[str, Any]) -> str:
        event, offset = str(trigger["event"]), str(trigger.get("offset") or "00:00:00")
        sign = -1 if offset.startswith("-") else 1
        hours, minutes, *_ = (int(part) for part in offset.lstrip("+-").split(":"))
        total = sign * (hours * 60 + minutes)
        if total == 0:
            return self._words[f"at_{event}"]
        side = "after" if total > 0 else "before"
        return self._words[f"{side}_{event}"].format(n=abs(total))

    def _trigger(self, entity_id: str, to: Any) -> str:
        name = self._name(entity_id)
        if entity_id == "zone.home" and str(to) in ("0", "1"):
            return self._words["last_leaves" if str(to) == "0" else "first_arrives"]
        if entity_id.split(".", 1)[0] in ("person", "device_tracker") and to in (
            "home",
            "not_home",
        ):
            return self._words["arrives" if to == "home" else "leaves"].format(name=name)
        if to is None:
            return self._words["fires"].format(name=name)
        return self._words["turns"].format(name=name, state=self._state(entity_id, str(to)))


def _hold_seconds(hold: Any) -> float:
    """Return a trigger's `for:` (a mapping or "HH:MM:SS") in seconds; TypeError otherwise."""
    if isinstance(hold, str):
        hours, minutes, seconds = (float(part) for part in hold.split(":"))
        return hours * 3600 + minutes * 60 + seconds
    if not isinstance(hold, dict):
        raise TypeError(hold)
    return float(hold.get("hours", 0) * 3600 + hold.get("minutes", 0) * 60 + hold.get("seconds", 0))
