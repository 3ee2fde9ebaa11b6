"""A stored suggestion of a kind this card does not know yet, as the next engine may write it.

The card must show any kind with its title, evidence sentence, automation and whatever pictures
its evidence has data for (here a per-day, sun-relative band and a backtest).
"""

from datetime import date, timedelta

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
