"""Four weeks of evenings in the hall: motion, the light on, motion off, the light off ~2 min later."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from custom_components.ai_automation.engine.history.arrays import Change, History

BERLIN = ZoneInfo("Europe/Berlin")


START = datetime(2026, 10, 12, tzinfo=BERLIN)


DAYS = 28


NAMES = {"binary_sensor.hall_motion": "Hall motion", "light.hall": "Hall light"}


def history(changes: list[Change]) -> History:
    """Return `changes` as the detectors' input: the four weeks from START, in Berlin."""
    end = START + timedelta(days=DAYS)
    return History.from_changes(
        sorted(changes, key=lambda change: change.when),
        start=START.timestamp(),
        end=end.timestamp(),
        time_zone="Europe/Berlin",
    )


def motion_then_light_off(back_within_hold: int = 0) -> list[Change]:
    """Each evening: motion on, the person turns the light on, motion off, light off ~2 min later.

    On the last `back_within_hold` evenings motion comes back a minute after it first went off,
    and the light goes off ~2 minutes after motion went off for good.
    """
    changes = []
    for day in range(DAYS):
        at = (START + timedelta(days=day, hours=19, minutes=day % 5 * 7)).timestamp()
        off = at + 300
        changes += [
            Change("binary_sensor.hall_motion", "on", at, False),
            Change("light.hall", "on", at + 5, True),
            Change("binary_sensor.hall_motion", "off", off, False),
        ]
        if day >= DAYS - back_within_hold:
            changes.append(Change("binary_sensor.hall_motion", "on", off + 60, False))
            off += 400
            changes.append(Change("binary_sensor.hall_motion", "off", off, False))
        changes.append(Change("light.hall", "off", off + 105 + day % 4 * 5, True))  # 105-120 s
    return changes
