"""Four weeks of changes in Berlin (the end of summer time included), and their history."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from custom_components.ai_automation.engine.history.arrays import Change, History

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 10, 12, tzinfo=BERLIN)  # four weeks that include the end of summer time


def history_of(changes: list[Change], days: int = 28) -> History:
    """Return the history of `changes` over `days` from START."""
    end = START + timedelta(days=days)
    return History.from_changes(
        changes, start=START.timestamp(), end=end.timestamp(), time_zone="Europe/Berlin"
    )


def daily_changes(
    entity: str, state: str, minute: float, days: int = 28, manual: bool = True
) -> list[Change]:
    """Return `entity` going to `state` each day around a local `minute`, a few minutes off."""
    jitter = [-6, 3, 0, 5, -2, 4, -4]
    return [
        Change(
            entity,
            state,
            (START + timedelta(days=day, minutes=minute + jitter[day % 7])).timestamp(),
            manual,
        )
        for day in range(days)
    ]


def local_at(day: int, minute: float) -> float:
    """Return the timestamp of a local `minute` on `day` (from START)."""
    return (START + timedelta(days=day, minutes=minute)).timestamp()


def paired_changes(first: str, second: str, count: int, delay: float) -> list[Change]:
    """Return `first` turned on by an automation, then `second` by hand `delay` s later, `count` times."""
    changes = []
    for index in range(count):  # spread over the four weeks, the last (held-out) week too
        at = (START + timedelta(days=index * 28 // count, hours=19)).timestamp()
        changes += [Change(first, "on", at, False), Change(second, "on", at + delay, True)]
    return changes
