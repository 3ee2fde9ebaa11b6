"""A year of stored suggestions as a busy home collects them: five new a day, most decided.

Used by the tests and the benchmark of the suggestion store. Each has the evidence a real habit
suggestion carries at the longest lookback (days, times, the picture's series, the replay per day),
about 12 KB: a year is about 23 MB when nothing is ever pruned.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

PER_DAY = 5
DAYS = 365
EVIDENCE_DAYS = 90  # the longest lookback


def _evidence(number: int, day: datetime) -> dict[str, Any]:
    dates = [(day - timedelta(days=back)).date().isoformat() for back in range(EVIDENCE_DAYS)]
    return {
        "occurrences": EVIDENCE_DAYS,
        "distinct_days": EVIDENCE_DAYS,
        "days": dates,
        "weekdays": [0, 1, 2, 3, 4, 5, 6],
        "median_time": "06:45",
        "spread_minutes": 3.2,
        "score": round(0.3 + (number % 7) / 10, 3),
        "state": "on",
        "day_times": [{"date": date, "minute": 400 + i % 9} for i, date in enumerate(dates)],
        "series": {
            "points": [[i, 400 + i % 9, 401 + i % 7] for i in range(EVIDENCE_DAYS)],
            "band": [395, 415],
        },
        "backtest_days": [
            {"date": date, "result": "right", "minute": 401, "expected": 405} for date in dates
        ],
        "backtest_right": EVIDENCE_DAYS - 2,
        "backtest_wrong": 2,
    }


def suggestion(number: int, day: datetime, status: str, entity_id: str) -> dict[str, Any]:
    """Return one stored suggestion found on `day`, decided (`status`) that day."""
    evidence = _evidence(number, day)
    title = f"Turn on {entity_id} around 06:45 every day ({number})"
    found = {
        "id": f"s{number:06d}",
        "kind": "habit",
        "title": title,
        "description": "Seen on 90 of 90 days, spread ±3 min.",
        "automation": {
            "alias": title,
            "description": "Suggested by AI Automation.",
            "triggers": [{"trigger": "time", "at": "06:45:00"}],
            "conditions": [],
            "actions": [{"action": "light.turn_on", "target": {"entity_id": entity_id}}],
            "mode": "single",
        },
        "evidence": evidence,
        "entities": [entity_id],
        "evidence_text": "Seen on 90 of 90 days, spread ±3 min.",
        "status": status,
        "first_found": day.isoformat(),
        "last_found": day.isoformat(),
    }
    if status != "new":
        found |= {"handled_at": day.isoformat(), "score_when_handled": evidence["score"]}
    if status == "accepted":
        found |= {"accepted_at": day.isoformat(), "automation_id": f"ai_automation_s{number:06d}"}
        found["cleared"] = number % 3 != 0
    if status == "snoozed":
        found["snoozed_until"] = (day + timedelta(days=30)).isoformat()
    return found


def a_year_of_suggestions(end: datetime) -> dict[str, dict[str, Any]]:
    """Return a year of suggestions up to `end`: 70 % dismissed, 15 % accepted, the rest open."""
    made: dict[str, dict[str, Any]] = {}
    for number in range(DAYS * PER_DAY):
        day = end - timedelta(days=DAYS - number // PER_DAY)
        share = number % 20
        status = (
            "dismissed"
            if share < 14
            else "accepted"
            if share < 17
            else "snoozed"
            if share == 17 and number > (DAYS - 30) * PER_DAY
            else "new"
            if number > (DAYS - 30) * PER_DAY
            else "dismissed"
        )
        made[f"s{number:06d}"] = suggestion(number, day, status, f"light.l{number % 97}")
    return made
