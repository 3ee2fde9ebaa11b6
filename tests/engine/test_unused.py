"""Unused capabilities: found only on evidence, said honestly, proposals inside the range."""

import pytest

from custom_components.ai_automation.engine.usage.record import (
    HOME_ASSISTANT,
    NOT_ENOUGH_EVIDENCE,
    NOT_USED,
    USED,
    ZIGBEE2MQTT,
    Assessment,
)
from custom_components.ai_automation.engine.usage.unused import (
    AssessedCapability,
    UnusedCapability,
    UnusedSettings,
    detect_unused,
    kelvin_schedule,
    proposal,
)

EVENINGS = (0, 0, 1, 14)


def _watched(
    prop: str, status: str, value: object, source: str, **more: object
) -> AssessedCapability:
    return AssessedCapability(
        device="Living room bulb",
        property=prop,
        entity_id="light.living_room_bulb",
        assessment=Assessment(
            status=status, reason="", days_in_use=14, part_days=EVENINGS, value=value, source=source
        ),
        on_off=True,
        **more,  # type: ignore[arg-type]
    )


def test_only_proven_unused_capabilities_in_home_assistant_units() -> None:
    """Used or unproven capabilities are not claimed; mired and 0-254 become K and %."""
    found = detect_unused(
        [
            _watched("brightness", NOT_USED, 254, ZIGBEE2MQTT, value_max=254),
            _watched("color_temp", NOT_USED, 370, ZIGBEE2MQTT, value_min=153, value_max=500),
            _watched("color", USED, None, HOME_ASSISTANT),
            _watched("effect", NOT_ENOUGH_EVIDENCE, None, ZIGBEE2MQTT),
        ],
        UnusedSettings(lookback_days=14),
    )
    assert [(u.property, u.value, u.unit, u.value_min, u.value_max) for u in found] == [
        ("color_temp", 2702, "K", 2000, 6535),
        ("brightness", 100, "%", 0, 100),
    ]


def test_colour_temperature_words_and_proposal_differ_from_what_it_does() -> None:
    """Honest words; every step inside the range and clearly unlike what the bulb always does."""
    unused = UnusedCapability(
        device="Living room bulb", property="color_temp", entity_id="light.living_room_bulb",
        days_in_use=14, part_days=EVENINGS, on_off=True, value=2702, unit="K",
        value_min=2200, value_max=6535,
    )  # fmt: skip
    title, description, automation = proposal(unused)
    assert title == "Colour temperature of Living room bulb following the time of day"
    assert description == (
        "Living room bulb was on 14 evenings in two weeks, always at 2702 K. It could follow the"
        " time of day: 4000 K by day, 2400 K after sunset and 2200 K from 22:00."
    )
    assert automation is not None
    assert automation["mode"] == "restart"
    (choice,) = automation["actions"]
    night, evening = (option["sequence"][0]["data"] for option in choice["choose"])
    assert (night, evening) == ({"color_temp_kelvin": 2200}, {"color_temp_kelvin": 2400})
    assert choice["default"][0]["data"] == {"color_temp_kelvin": 4000}
    narrow = UnusedCapability(
        device="Strip", property="color_temp", entity_id="light.strip", value=2900,
        value_min=2700, value_max=3000,
    )  # fmt: skip
    assert proposal(narrow)[2] is None


@pytest.mark.parametrize(
    ("usual", "low", "high", "steps"),
    [
        (2702, 2000, 6535, (4000, 2400, 2200)),  # warm evenings: warmer still
        (2500, 2000, 6535, (4000, 2200, 2000)),
        (4000, 2000, 6500, (4300, 2700, 2200)),  # cool all day: cooler by day
        (3300, 2000, 6535, (4000, 2700, 2200)),  # nothing close: the usual schedule
        (2200, 2200, 6535, None),  # always the warmest it can: nothing warmer to offer at night
        (4000, 2200, 4000, None),  # always the coolest it can
    ],
)
def test_each_step_clearly_unlike_what_the_light_always_does(
    usual: int, low: int, high: int, steps: tuple[int, int, int] | None
) -> None:
    """A step that would be what the light does already moves away from it, or none is made."""
    assert kelvin_schedule(usual, low, high) == steps


def test_brightness_lower_at_night_only_when_it_is_bright() -> None:
    """A light always at full brightness gets a night proposal; a dim one gets words only."""
    bright = UnusedCapability(
        device="Hall", property="brightness", entity_id="light.hall", days_in_use=9,
        part_days=(2, 3, 3, 4), value=100, unit="%", lookback_days=10,
    )  # fmt: skip
    title, description, automation = proposal(bright)
    assert title == "Hall dimmer at night"
    assert description.startswith("Hall was used on 9 days in 10 days, always at 100 % brightness.")
    assert automation is not None
    assert automation["actions"][0]["data"] == {"brightness_pct": 30}
    dim = UnusedCapability(
        device="Hall", property="brightness", entity_id="light.hall", value=35, unit="%"
    )
    assert proposal(dim)[2] is None


def test_other_capabilities_in_words() -> None:
    """A thermostat's setpoint and a colour are pointed out with what was seen."""
    setpoint = UnusedCapability(
        device="Radiator", property="occupied_heating_setpoint", entity_id="climate.radiator",
        days_in_use=1, part_days=(1, 0, 0, 0), value=21.5, unit="°C", lookback_days=7,
    )  # fmt: skip
    assert proposal(setpoint)[1] == "Radiator was used on 1 night in a week, always at 21.5 °C."
    colour = UnusedCapability(device="Bulb", property="color", entity_id="light.b", value=[1, 2])
    assert proposal(colour)[1].endswith("always in the same colour.")
