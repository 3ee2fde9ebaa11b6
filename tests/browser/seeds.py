"""What the demo home has stored before Home Assistant starts.

Suggestions of the kinds the demo home's few days of history do not show, as the engine writes
them (engine/suggestions/): a habit that follows sunset and only happens while someone is home,
with its backtest, and a group of things done together. The card must show each with its title,
evidence sentence, automation and pictures.

Three weeks of the kitchen light's usage record, as the integration keeps it while it runs: on
every evening, dimmed every other one, always at 370 mired (2702 K). It is the evidence behind the
unused-capability suggestion.
"""

from datetime import date, datetime, timedelta
import time
from typing import Any
from zoneinfo import ZoneInfo

from custom_components.ai_automation.engine.usage.record import ZIGBEE2MQTT, UsageRecord

DAYS = 14
FIRST_DAY = date.today() - timedelta(days=DAYS - 1)
SUN_ID = "sun0000000000seed"
GROUP_ID = "group00000000seed"
SOMEONE_HOME = {"condition": "numeric_state", "entity_id": "zone.home", "above": 0}
# The held-out week: right on 5 days, near on 1, wrong on 1 (the fourth).
BACKTEST = ["right", "right", "near", "wrong", "right", "right", "right"]
HALL_TIMES = [(day, 1020 + (day % 3) * 4) for day in range(DAYS) if day % 5]


def _stored(suggestion: dict[str, Any]) -> dict[str, Any]:
    return suggestion | {
        "status": "new",
        "first_found": "2026-01-01T00:00:00+00:00",
        "last_found": "2026-01-01T00:00:00+00:00",
    }


SUN_HABIT = _stored({
    "id": SUN_ID,
    "kind": "sun",
    "title": "Turn on Hall light (demo) 30 min after sunset every day",
    "description": (
        f"Seen on {len(HALL_TIMES)} of {DAYS} days 30 min after sunset, usually within 6 minutes"
        " of that (by the clock within 21 minutes). Would have been right on 5 of the last 7 days, wrong on 1."
    ),
    "automation": {
        "alias": "Turn on Hall light (demo) 30 min after sunset every day",
        "description": "Suggested by AI Automation.",
        "triggers": [{"trigger": "sun", "event": "sunset", "offset": "00:30:00"}],
        "conditions": [SOMEONE_HOME],
        "actions": [
            {"action": "input_boolean.turn_on", "target": {"entity_id": "input_boolean.demo_hall_light"}}
        ],
        "mode": "single",
    },
    "entities": ["input_boolean.demo_hall_light"],
    "evidence": {
        "occurrences": len(HALL_TIMES),
        "distinct_days": len(HALL_TIMES),
        "eligible_days": DAYS,
        "days": "all",
        "weekdays": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
        "median_time": "17:05",
        "spread_minutes": 6.2,
        "lift": 41.0,
        "chance": 0.02,
        "day_times": [
            {"date": (FIRST_DAY + timedelta(days=day)).isoformat(), "minute": float(minute)}
            for day, minute in HALL_TIMES
        ],
        "score": 0.71,
        "state": "on",
        "away_days": 2,
        "backtest_right": 5,
        "backtest_near": 1,
        "backtest_wrong": 1,
        "backtest_days": [
            {"date": (FIRST_DAY + timedelta(days=DAYS - 7 + i)).isoformat(), "result": result}
            for i, result in enumerate(BACKTEST)
        ],
        "series": {
            "first_day": FIRST_DAY.isoformat(),
            "days": DAYS,
            "times": [list(time) for time in HALL_TIMES],
            "band": [1010, 1040],
        },
        "event": "sunset",
        "offset_minutes": 30.4,
        "clock_spread_minutes": 21.3,
    },
})  # fmt: skip

GROUP = _stored({
    "id": GROUP_ID,
    "kind": "group",
    "title": "Turn on Coffee machine (demo) and Kitchen light (demo) when Desk lamp (demo) turns on",
    "description": "Done together (within a minute) 12 of 14 times, on 12 different days.",
    "automation": {
        "alias": "Turn on Coffee machine (demo) and Kitchen light (demo) when Desk lamp (demo) turns on",
        "description": "Suggested by AI Automation.",
        "triggers": [{"trigger": "state", "entity_id": "input_boolean.demo_desk_lamp", "to": "on"}],
        "conditions": [],
        "actions": [
            {"action": "input_boolean.turn_on", "target": {"entity_id": entity_id}}
            for entity_id in ("input_boolean.demo_coffee_machine", "input_boolean.demo_kitchen_light")
        ],
        "mode": "single",
    },
    "entities": [
        "input_boolean.demo_desk_lamp",
        "input_boolean.demo_coffee_machine",
        "input_boolean.demo_kitchen_light",
    ],
    "evidence": {
        "members": [
            {"entity_id": "input_boolean.demo_desk_lamp", "state": "on"},
            {"entity_id": "input_boolean.demo_coffee_machine", "state": "on"},
            {"entity_id": "input_boolean.demo_kitchen_light", "state": "on"},
        ],
        "together": 12,
        "share": 0.857,
        "distinct_days": 11,
        "started_by": "first",
        "score": 0.37,
    },
})  # fmt: skip

NEXT_ENGINE_SUGGESTIONS = {
    "suggestions": {SUN_ID: SUN_HABIT, GROUP_ID: GROUP},
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
