"""Settable capabilities nobody uses: found only on evidence, said honestly, with a better use.

A capability is pointed out when the usage record proves it: watched for the whole lookback, the
device in use on enough days, and its value never changed. The words say what was seen ("Living
room bulb was on 14 evenings in two weeks, always at 2702 K"); the proposal stays inside the
device's range and differs from what it already does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
import math
from typing import Any

from .local_clock import PARTS
from .record import HOME_ASSISTANT, NOT_USED, Assessment

# Settable Zigbee capabilities people usually value, most useful first.
USEFUL_CAPABILITIES = {
    "color_temp": 0.9,
    "brightness": 0.8,
    "color": 0.6,
    "position": 0.6,
    "occupied_heating_setpoint": 0.7,
    "preset": 0.5,
    "power_on_behavior": 0.4,
    "effect": 0.2,
}
# Colour temperatures (K) proposed by day, in the evening and late at night.
DAY_KELVIN, EVENING_KELVIN, NIGHT_KELVIN = 4000, 2700, 2200
MIN_KELVIN_SPREAD = 600  # a narrower range cannot follow the time of day visibly
NEW_KELVIN = 300  # each step proposed differs at least this much from what the light does
STEP_KELVIN = 200  # and from the next step of the day
NIGHT_BRIGHTNESS_PCT = 30
NIGHT_START, NIGHT_END = "22:00:00", "06:00:00"
PERIODS = {7: "a week", 14: "two weeks", 21: "three weeks", 28: "four weeks"}


@dataclass(frozen=True, kw_only=True)
class UnusedSettings:
    """How much evidence a claim needs."""

    lookback_days: int = 14
    min_days_in_use: int = 5


@dataclass(frozen=True, kw_only=True)
class AssessedCapability:
    """A settable capability of a matched device, what it can do, and what was seen of it."""

    device: str
    property: str
    entity_id: str
    assessment: Assessment
    on_off: bool = False  # the device has an on/off state ("was on" rather than "was in use")
    label: str | None = None
    unit: str | None = None
    value_min: float | None = None
    value_max: float | None = None
    values: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class UnusedCapability:
    """A settable capability proven unused: the device was in use, the value never changed."""

    device: str
    property: str
    entity_id: str
    lookback_days: int = 14
    days_in_use: int = 0
    part_days: tuple[int, int, int, int] = (0, 0, 0, 0)
    on_off: bool = False
    value: Any = None  # in Home Assistant's units where known (K, %)
    unit: str | None = None
    value_min: float | None = None  # the range, in the same units as `value`
    value_max: float | None = None
    label: str | None = None  # Zigbee2MQTT's name for it ("Color temperature")
    values: tuple[str, ...] = ()  # the choices of an enum capability


def _kelvin(mired: float) -> int:
    return math.floor(1_000_000 / mired)


def _in_ha_units(watched: AssessedCapability) -> tuple[Any, str | None, float | None, float | None]:
    """Return value, unit and range as a person sees them in Home Assistant."""
    value, source = watched.assessment.value, watched.assessment.source
    low, high = watched.value_min, watched.value_max
    if watched.property == "color_temp":
        if source != HOME_ASSISTANT and isinstance(value, (int, float)) and value > 0:
            value = _kelvin(value)
        return (
            value,
            "K",
            _kelvin(high) if high else None,
            _kelvin(low) if low else None,
        )
    if watched.property == "brightness" and isinstance(value, (int, float)):
        scale = 255 if source == HOME_ASSISTANT else (high or 254)
        return round(value / scale * 100), "%", 0, 100
    return value, watched.unit, low, high


def detect_unused(
    watched: Iterable[AssessedCapability], settings: UnusedSettings
) -> list[UnusedCapability]:
    """Return the capabilities the evidence shows unused, most useful first."""
    found = []
    for item in watched:
        if item.assessment.status != NOT_USED:
            continue
        value, unit, low, high = _in_ha_units(item)
        found.append(
            UnusedCapability(
                device=item.device,
                property=item.property,
                entity_id=item.entity_id,
                lookback_days=settings.lookback_days,
                days_in_use=item.assessment.days_in_use,
                part_days=item.assessment.part_days,
                on_off=item.on_off,
                value=value,
                unit=unit,
                value_min=low,
                value_max=high,
                label=item.label,
                values=item.values,
            )
        )
    return sorted(found, key=lambda u: -USEFUL_CAPABILITIES.get(u.property, 0.1))


def seen_words(unused: UnusedCapability) -> str:
    """Say what was seen: "Living room bulb was on 14 evenings in two weeks, always at 2702 K"."""
    period = PERIODS.get(unused.lookback_days, f"{unused.lookback_days} days")
    days = unused.days_in_use
    usual = [index for index in range(4) if days and unused.part_days[index] >= 0.6 * days]
    if len(usual) == 1:  # one part of the day stands out: say which
        count = unused.part_days[usual[0]]
        when = f"{'was on' if unused.on_off else 'was used on'} {count} {_plural(count, PARTS[usual[0]])}"
    else:
        when = f"was used on {days} {_plural(days, 'day')}"
    return f"{unused.device} {when} in {period}, always {_value_words(unused)}"


def _plural(count: int, word: str) -> str:
    return word if count == 1 else f"{word}s"


def _value_words(unused: UnusedCapability) -> str:
    if unused.property == "brightness":
        return f"at {unused.value} % brightness"
    if unused.property == "color":
        return "in the same colour"
    if isinstance(unused.value, str):
        return f"set to “{unused.value}”"
    unit = f" {unused.unit}" if unused.unit and unused.unit != "%" else unused.unit or ""
    value = unused.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # 21.0 °C reads as 21 °C
    return f"at {value}{unit}"


def _clamp(value: float, low: float | None, high: float | None) -> int:
    if low is not None:
        value = max(value, low)
    if high is not None:
        value = min(value, high)
    return round(value)


def _turn_on(entity_id: str, **data: Any) -> dict[str, Any]:
    return {"action": "light.turn_on", "target": {"entity_id": entity_id}, "data": data}


def _away(usual: float, *, warmer: bool) -> int:
    """Return a colour temperature clearly warmer or cooler than `usual`, on a 100 K grid."""
    if warmer:
        return math.floor((usual - NEW_KELVIN) / 100) * 100
    return math.ceil((usual + NEW_KELVIN) / 100) * 100


def kelvin_schedule(
    usual: float, low: float | None, high: float | None
) -> tuple[int, int, int] | None:
    """Return (day, evening, night) K inside the range, each clearly unlike `usual`; or None.

    A step that would land on what the light already does is moved away from it: by day cooler,
    in the evening and at night warmer (the night stays warmer than the evening).
    """
    day, evening, night = (_clamp(k, low, high) for k in (DAY_KELVIN, EVENING_KELVIN, NIGHT_KELVIN))
    if day - night < MIN_KELVIN_SPREAD:
        return None
    if abs(day - usual) < NEW_KELVIN:
        day = _away(usual, warmer=False)
    if abs(evening - usual) < NEW_KELVIN:
        evening = _away(usual, warmer=True)
    if abs(night - usual) < NEW_KELVIN or evening - night < STEP_KELVIN:
        night = min(_away(usual, warmer=True), evening - STEP_KELVIN)
    steps = (day, evening, night)
    inside = all(_clamp(k, low, high) == k for k in steps)
    new = all(abs(k - usual) >= NEW_KELVIN for k in steps)
    if not (inside and new and day - evening >= STEP_KELVIN and evening - night >= STEP_KELVIN):
        return None
    return steps


def colour_temperature_proposal(unused: UnusedCapability) -> tuple[str, dict[str, Any]] | None:
    """Colour temperature following the time of day: cool by day, warm at sunset, warmest late."""
    if not unused.entity_id.startswith("light.") or not isinstance(unused.value, (int, float)):
        return None
    if (steps := kelvin_schedule(unused.value, unused.value_min, unused.value_max)) is None:
        return None
    day, evening, night = steps
    entity_id = unused.entity_id
    words = (
        f"It could follow the time of day: {day} K by day, {evening} K after sunset and "
        f"{night} K from {NIGHT_START[:5]}."
    )
    return words, {
        "triggers": [
            {"trigger": "state", "entity_id": entity_id, "to": "on"},
            {"trigger": "time", "at": NIGHT_END},
            {"trigger": "sun", "event": "sunset"},
            {"trigger": "time", "at": NIGHT_START},
        ],
        "conditions": [{"condition": "state", "entity_id": entity_id, "state": "on"}],
        "actions": [
            {
                "choose": [
                    {
                        "conditions": [
                            {"condition": "time", "after": NIGHT_START, "before": NIGHT_END}
                        ],
                        "sequence": [_turn_on(entity_id, color_temp_kelvin=night)],
                    },
                    {
                        "conditions": [{"condition": "sun", "after": "sunset"}],
                        "sequence": [_turn_on(entity_id, color_temp_kelvin=evening)],
                    },
                ],
                "default": [_turn_on(entity_id, color_temp_kelvin=day)],
            }
        ],
        "mode": "restart",
    }


def night_brightness_proposal(unused: UnusedCapability) -> tuple[str, dict[str, Any]] | None:
    """Brightness lower at night, when the light always comes on brighter than that."""
    if not unused.entity_id.startswith("light.") or not isinstance(unused.value, (int, float)):
        return None
    if unused.value < NIGHT_BRIGHTNESS_PCT + 20:
        return None
    words = (
        f"Between {NIGHT_START[:5]} and {NIGHT_END[:5]} it could come on at "
        f"{NIGHT_BRIGHTNESS_PCT} %."
    )
    return words, {
        "triggers": [{"trigger": "state", "entity_id": unused.entity_id, "to": "on"}],
        "conditions": [{"condition": "time", "after": NIGHT_START, "before": NIGHT_END}],
        "actions": [_turn_on(unused.entity_id, brightness_pct=NIGHT_BRIGHTNESS_PCT)],
        "mode": "single",
    }


def proposal(unused: UnusedCapability) -> tuple[str, str, dict[str, Any] | None]:
    """Return the title, the description and what an automation would do (None: words only).

    What it would do: its triggers, conditions, actions and mode.
    """
    seen = seen_words(unused)
    label = unused.property.replace("_", " ")
    made, title = None, ""
    if unused.property == "color_temp":
        made = colour_temperature_proposal(unused)
        title = f"Colour temperature of {unused.device} following the time of day"
    elif unused.property == "brightness":
        made = night_brightness_proposal(unused)
        title = f"{unused.device} dimmer at night"
    if made is None:
        return f"{unused.device} can change its {label}, unchanged in use", f"{seen}.", None
    words, doing = made
    return title, f"{seen}. {words}", doing
