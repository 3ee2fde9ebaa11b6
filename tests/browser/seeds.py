"""What the demo home has stored before Home Assistant starts.

A suggestion of a kind this card does not know yet, as the next engine may write it: the card must
show any kind with its title, evidence sentence, automation and whatever pictures its evidence has
data for (here a per-day, sun-relative band and a backtest).

Three weeks of the kitchen light's usage record, as the integration keeps it while it runs: on
every evening, dimmed every other one, always at 370 mired (2702 K). It is the evidence behind the
unused-capability suggestion.
"""

from datetime import date, datetime, timedelta
import time
from typing import Any
from zoneinfo import ZoneInfo

from custom_components.ai_automation.engine.usage import ZIGBEE2MQTT, UsageRecord

DAYS = 14
FIRST_DAY = date.today() - timedelta(days=DAYS - 1)
PRESENCE_ID = "presence0000seed"

NEXT_ENGINE_SUGGESTIONS = {
    "suggestions": {
        PRESENCE_ID: {
            "id": PRESENCE_ID,
            "kind": "presence",
            "title": "Turn on Hall light (demo) when someone comes home after sunset",
            "description": "Seen on 9 of 10 arrivals after dark; would have been right on 6 of the last 7 days.",
            "automation": {
                "alias": "Turn on Hall light (demo) when someone comes home after sunset",
                "description": "Suggested by AI Automation.",
                "triggers": [{"trigger": "state", "entity_id": "person.dev", "to": "home"}],
                "conditions": [
                    {"condition": "sun", "after": "sunset", "after_offset": "-00:30:00"}
                ],
                "actions": [
                    {
                        "action": "input_boolean.turn_on",
                        "target": {"entity_id": "input_boolean.demo_hall_light"},
                    }
                ],
                "mode": "single",
            },
            "evidence": {
                "days": "all",
                "sun_event": "sunset",
                "series": {
                    "first_day": FIRST_DAY.isoformat(),
                    "days": DAYS,
                    "times": [
                        [day, 1000 + 3 * day + (day % 3) * 9] for day in range(DAYS) if day % 5
                    ],
                    "bands": [[985 + 3 * day, 1045 + 3 * day] for day in range(DAYS)],
                },
                "backtest": [
                    {"date": (FIRST_DAY + timedelta(days=DAYS - 7 + i)).isoformat(), "hit": i != 3}
                    for i in range(7)
                ],
            },
            "entities": ["person.dev", "input_boolean.demo_hall_light"],
            "status": "new",
            "first_found": "2026-01-01T00:00:00+00:00",
            "last_found": "2026-01-01T00:00:00+00:00",
        }
    },
    "last_run": {},
    "recent_runs": [],
}


def kitchen_light_usage(ieee: str, time_zone: str, days: int = 21) -> dict[str, Any]:
    """Return the stored usage record of `days` evenings of the kitchen light."""
    record = UsageRecord(time_zone)
    today = datetime.now(ZoneInfo(time_zone)).replace(hour=0, minute=0, second=0, microsecond=0)
    first = today - timedelta(days=days)
    device = record.watch(
        ieee, ["color_temp", "brightness"], (first - timedelta(hours=1)).timestamp()
    )
    assert device is not None
    for day in range(days):
        on, off = (first + timedelta(days=day, hours=hour) for hour in (19, 23))
        brightness = 120 if day % 2 else 254
        record.signal(device, "state", True, on.timestamp())
        values = [("color_temp", 370), ("brightness", brightness)]
        record.observe(device, ZIGBEE2MQTT, values, on.timestamp())
        record.signal(device, "state", False, off.timestamp())
    return record.to_dict(time.time())
