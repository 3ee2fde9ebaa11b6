"""An unused capability's title and evidence in the home's language, from its stored structure.

The same words and rules as the card's `frontend/src/capability-text.ts` (the `capability_` keys of
our `common` translations); numbers are written as the card writes them.
"""

from __future__ import annotations

from collections.abc import Mapping
import math
from typing import Any

USUAL_SHARE = 0.6  # a part of the day counts as the usual one when it held this share of days


def capability_words(
    words: Mapping[str, str], evidence: Mapping[str, Any], automation: Any
) -> tuple[str, str] | None:
    """Return (title, description) in `words`' language, or None without the structure for it."""
    capability = evidence.get("capability")
    days = evidence.get("days_in_use")
    if not isinstance(capability, dict) or not _is_number(days):
        return None
    device, prop = str(capability["device"]), str(capability["property"])
    parts = evidence.get("part_days")
    usual = [
        (count, index)
        for index, count in enumerate(parts if isinstance(parts, list) else [])
        if days and count >= USUAL_SHARE * days
    ]
    value = _first(capability.get("value"), evidence.get("value"))
    unit = _first(capability.get("unit"), evidence.get("unit"))
    values = {
        "device": device,
        "period": _js(_first(evidence.get("lookback_days"), 0)),
        "value": _value_words(words, prop, value, unit),
    }
    if len(usual) == 1:
        count, index = usual[0]
        description = words["used_part"].format(**values, n=_js(count), part=words[f"part_{index}"])
    else:
        description = words["used"].format(**values, n=_js(days))
    if automation is None:
        label = _first(capability.get("label"), prop.replace("_", " "))
        return words["unchanged"].format(device=device, label=label), description
    after = [v for v in _found(automation, "after") if isinstance(v, str) and ":" in v]
    before = [v for v in _found(automation, "before") if isinstance(v, str)]
    if prop == "color_temp":
        kelvin = _found(automation, "color_temp_kelvin")
        if len(kelvin) != 3 or not after:  # (choose: night, evening; default: day)
            return None
        night, evening, day = (_js(k) for k in kelvin)
        description += words["follow"].format(
            day=day, evening=evening, night=night, start=after[0][:5]
        )
        return words["color_temp"].format(device=device), description
    if prop == "brightness":
        pct = next(iter(_found(automation, "brightness_pct")), None)
        if not _is_number(pct) or not after or not before:
            return None
        description += words["night"].format(start=after[0][:5], end=before[0][:5], pct=_js(pct))
        return words["brightness"].format(device=device), description
    return None


def _value_words(words: Mapping[str, str], prop: str, value: Any, unit: Any) -> str:
    """Say the one value seen in use: "mit 80 % Helligkeit", "auf „eco“", "bei 21 °C"."""
    if prop == "brightness":
        return words["value_brightness"].format(value=_js(value))
    if prop == "color":
        return words["value_color"]
    if isinstance(value, str):
        return words["value_text"].format(value=value)
    shown = f" {_js(unit)}" if unit and unit != "%" else unit if isinstance(unit, str) else ""
    return words["value_number"].format(value=f"{_js(value)}{shown}")


def _found(node: Any, key: str) -> list[Any]:
    """Return every value under `key` anywhere in `node` (nested choose/default steps), in order."""
    if isinstance(node, list):
        return [value for item in node for value in _found(item, key)]
    if isinstance(node, dict):
        return [
            found
            for name, value in node.items()
            for found in ([value] if name == key else _found(value, key))
        ]
    return []


def _first(value: Any, otherwise: Any) -> Any:
    """Return `value` unless it is missing (None), as JavaScript's `??` does."""
    return otherwise if value is None else value


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _js(value: Any) -> str:
    """Write a value as the card's JavaScript does (`String(value)`): 3.0 is "3", None "null"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    return str(value)
