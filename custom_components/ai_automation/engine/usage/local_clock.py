"""Local days and parts of the day (night, morning, afternoon, evening) of timestamps."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

PARTS = ("night", "morning", "afternoon", "evening")  # local 0-6, 6-12, 12-18, 18-24 h


class LocalClock:
    """Turns timestamps into (local day, part of the day); the current day is cached."""

    def __init__(self, time_zone: str) -> None:
        """Use `time_zone` (an IANA name) for days and parts of the day."""
        self._zone = ZoneInfo(time_zone)
        self._start = self._end = 0.0
        self._day = 0
        self._bounds: tuple[float, float, float] = (0.0, 0.0, 0.0)

    def _load(self, ts: float) -> None:
        local = datetime.fromtimestamp(ts, self._zone)
        midnight = datetime.combine(local.date(), datetime.min.time(), self._zone)
        self._day = local.date().toordinal()
        self._start = midnight.timestamp()
        self._bounds = tuple(  # type: ignore[assignment]
            midnight.replace(hour=hour).timestamp() for hour in (6, 12, 18)
        )
        self._end = datetime.combine(
            local.date() + timedelta(days=1), datetime.min.time(), self._zone
        ).timestamp()

    def slot(self, ts: float) -> tuple[int, int]:
        """Return (local day ordinal, part of the day 0-3) of `ts`."""
        if not self._start <= ts < self._end:
            self._load(ts)
        morning, afternoon, evening = self._bounds
        part = 0 if ts < morning else 1 if ts < afternoon else 2 if ts < evening else 3
        return self._day, part

    def next_slot_start(self, ts: float) -> float:
        """Return when the part of the day after the one holding `ts` begins."""
        self.slot(ts)
        for bound in self._bounds:
            if ts < bound:
                return bound
        return self._end

    def day_of(self, ts: float) -> int:
        """Return the local day ordinal of `ts`."""
        return self.slot(ts)[0]
