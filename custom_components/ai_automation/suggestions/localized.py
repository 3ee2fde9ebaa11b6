"""A suggestion's title and evidence in the home's language, said again from its structure.

The engine words suggestions in English. Where Home Assistant speaks another language, the
automation an accept writes (alias, description) and the to-do item are said again from the
automation and the evidence, with the same words as the card (`frontend/src/suggestion-text.ts`).
"""

from __future__ import annotations

from collections.abc import Mapping
import math
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
from ..engine.suggestions.automation import SUGGESTED_BY
from ..engine.suggestions.phrases import half_up, whole_minutes
from .localized_capability import capability_words

_COMMON = f"component.{DOMAIN}.common."
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
    return _said(hass, suggestion, title=True) or str(suggestion["title"])


async def async_automation_description(hass: HomeAssistant, suggestion: StoredSuggestion) -> str:
    """Return the accepted automation's description: the evidence as the user saw it, signed."""
    await async_load_title_words(hass)
    if hass.config.language.split("-")[0] == "en":
        return f"{suggestion['description']} {SUGGESTED_BY}"
    words = _common_words(hass)
    return f"{localized_description(hass, suggestion)} {words.get('suggested_by', SUGGESTED_BY)}"


@callback
def localized_description(hass: HomeAssistant, suggestion: StoredSuggestion) -> str:
    """Return the evidence sentence in Home Assistant's language; the stored one when it cannot.

    The same cases as `localized_title` keep the stored words, and evidence without the counts.
    """
    return _said(hass, suggestion, title=False) or str(suggestion["description"])


def _said(hass: HomeAssistant, suggestion: StoredSuggestion, *, title: bool) -> str | None:
    """Return the title (or the evidence) said again in Home Assistant's language, or None."""
    if hass.config.language.split("-")[0] == "en" or suggestion.get("ai_worded"):
        return None
    kind, automation = suggestion.get("kind"), suggestion.get("automation")
    stored = suggestion.get("evidence")
    evidence: Mapping[str, object] = stored if isinstance(stored, dict) else {}
    try:
        if kind == "unused_capability":
            words = {
                k.removeprefix("capability_"): v
                for k, v in _common_words(hass).items()
                if k.startswith("capability_")
            }
            said = capability_words(words, evidence, automation)
            return None if said is None else said[0 if title else 1]
        if kind not in _KINDS or not isinstance(automation, dict):
            return None
        if title:
            return _Said(hass).title(automation)
        return _Said(hass).description(str(kind), automation, evidence)
    except KeyError, ValueError, TypeError:  # words not loaded, or a structure of another shape
        return None


def _common_words(hass: HomeAssistant) -> dict[str, str]:
    """Return our `common` words in Home Assistant's language (empty until loaded)."""
    translations = async_get_cached_translations(hass, hass.config.language, "common", DOMAIN)
    return {k.removeprefix(_COMMON): v for k, v in translations.items() if k.startswith(_COMMON)}


class _Said:
    """The words of one language, and the home's entity names."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Remember the home and its words: a title's (`title_`) and an evidence's."""
        self._hass = hass
        common = _common_words(hass)
        self._words = {k.removeprefix("title_"): v for k, v in common.items()}
        self._told = {k.removeprefix("description_"): v for k, v in common.items()}

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

    def _days(self, automation: dict[str, Any]) -> tuple[str, str]:
        """Return when it runs and what its days are called: ("an Werktagen", "Werktagen")."""
        days = _weekdays(automation)
        if len(days) == len(_DAYS):
            return self._words["every_day"], self._told["word_all"]
        if days == list(_DAYS[:5]):
            return self._words["on_weekdays"], self._told["word_weekdays"]
        if days == list(_DAYS[5:]):
            return self._words["at_weekends"], self._told["word_weekends"]
        names = [self._words[d] for d in days]
        return (
            self._words["on_days"].format(days=self._list(names)),
            self._told["word_list"].format(days=", ".join(names)),
        )

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
            return f"{at} {self._days(automation)[0]}{tail}"
        if trigger.get("trigger") == "sun" and trigger.get("event") in ("sunset", "sunrise"):
            return f"{self._sun(trigger)} {self._days(automation)[0]}{tail}"
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
            return self._counted("second", _rounded(seconds))
        return self._counted("minute", _rounded(seconds / 60))

    def _minutes(self, minutes: Any) -> str:
        """Say how close in minutes: "1 Minute", "8 Minuten" (at least one, as English says)."""
        return self._counted("minute", whole_minutes(_number(minutes)))

    def _counted(self, unit: str, n: int) -> str:
        """Say `n` seconds or minutes, one in the singular: "1 Sekunde", "40 Sekunden"."""
        return self._words[unit if n == 1 else f"{unit}s"].format(n=n)

    def _sun(self, trigger: dict[str, Any]) -> str:
        event, offset = str(trigger["event"]), str(trigger.get("offset") or "00:00:00")
        sign = -1 if offset.startswith("-") else 1
        hours, minutes, *_ = (int(part) for part in offset.lstrip("+-").split(":"))
        return self._relative(event, sign * (hours * 60 + minutes))

    def _relative(self, event: str, minutes: int) -> str:
        """Say when, relative to sunset or sunrise: "30 min nach Sonnenuntergang"."""
        if event not in ("sunset", "sunrise"):
            raise ValueError(event)
        if minutes == 0:
            return self._words[f"at_{event}"]
        side = "after" if minutes > 0 else "before"
        return self._words[f"{side}_{event}"].format(n=abs(minutes))

    def description(
        self, kind: str, automation: dict[str, Any], evidence: Mapping[str, object]
    ) -> str | None:
        """Return the evidence sentence of a suggestion of `kind`, or None without its counts."""
        if kind == "sequence":
            return self._sequence(evidence)
        if kind == "group":
            return self._group(evidence)
        return self._habit(kind, automation, evidence)

    def _habit(
        self, kind: str, automation: dict[str, Any], evidence: Mapping[str, object]
    ) -> str | None:
        if "distinct_days" not in evidence or "eligible_days" not in evidence:
            return None
        word = self._days(automation)[1]
        values = {
            "n": _number(evidence["distinct_days"]),
            "of": _number(evidence["eligible_days"]),
            "word": word,
            "spread": self._minutes(evidence.get("spread_minutes")),
        }
        if kind == "sun":
            relative = self._relative(
                str(evidence.get("event")), _rounded(evidence.get("offset_minutes"))
            )
            clock = self._minutes(evidence.get("clock_spread_minutes"))
            text = self._told["sun"].format(**values, relative=relative, clock=clock)
        else:
            text = self._told["habit"].format(**values)
        if "backtest_right" in evidence:
            right, wrong = (
                _number(evidence["backtest_right"]),
                _number(evidence.get("backtest_wrong")),
            )
            days = evidence.get("backtest_days")
            total = (
                len(days)
                if isinstance(days, list)
                else right + _number(evidence.get("backtest_near")) + wrong
            )
            text += self._told["habit_backtest"].format(
                right=right, wrong=wrong, total=total, word=word
            )
        if kind == "habit" and (away := _number(evidence.get("away_days"))):
            text += self._told["away_one" if away == 1 else "away"].format(away=away, word=word)
        return text

    def _sequence(self, evidence: Mapping[str, object]) -> str | None:
        if "occurrences" not in evidence or "trigger_count" not in evidence:
            return None
        lift = _number(evidence.get("lift"))
        chance = _number(evidence.get("confidence")) / lift if lift else 0.0
        otherwise = "almost_never" if chance < 0.02 else "rarely" if chance < 0.1 else "less_often"
        text = self._told["sequence"].format(
            n=_number(evidence["occurrences"]),
            of=_number(evidence["trigger_count"]),
            delay=self._duration(_number(evidence.get("median_delay_seconds"))),
            otherwise=self._told[otherwise],
        )
        return text + self._times_backtest(evidence)

    def _group(self, evidence: Mapping[str, object]) -> str | None:
        if "together" not in evidence:
            return None
        together = _number(evidence["together"])
        text = self._told["group"].format(
            n=together,
            of=max(_number(evidence.get("times")), together),
            days=_number(evidence.get("distinct_days")),
        )
        first = evidence.get("started_by") == "first"
        return text + (self._times_backtest(evidence) if first else "")

    def _times_backtest(self, evidence: Mapping[str, object]) -> str:
        if "backtest_right" not in evidence:
            return ""
        right = _number(evidence["backtest_right"])
        total = right + _number(evidence.get("backtest_wrong"))
        return self._told["times_backtest"].format(right=right, total=total)

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


def _weekdays(automation: dict[str, Any]) -> list[str]:
    """Return the days an automation runs on (its time condition's weekdays; all without one)."""
    return next(
        (
            list(c["weekday"])
            for c in automation.get("conditions") or []
            if c.get("condition") == "time" and isinstance(c.get("weekday"), list)
        ),
        list(_DAYS),
    )


def _number(value: Any) -> float:
    """Return a count or measure from the evidence; 0 for anything else (as the card does)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return 0
    return value


def _rounded(value: Any) -> int:
    """Return a number rounded half up, as the card's `Math.round` does."""
    return half_up(_number(value))


def _hold_seconds(hold: Any) -> float:
    """Return a trigger's `for:` (a mapping or "HH:MM:SS") in seconds; TypeError otherwise."""
    if isinstance(hold, str):
        hours, minutes, seconds = (float(part) for part in hold.split(":"))
        return hours * 3600 + minutes * 60 + seconds
    if not isinstance(hold, dict):
        raise TypeError(hold)
    return float(hold.get("hours", 0) * 3600 + hold.get("minutes", 0) * 60 + hold.get("seconds", 0))
