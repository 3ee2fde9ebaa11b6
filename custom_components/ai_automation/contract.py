"""The shapes the dashboard card reads (run summary, stored suggestion, websocket answers).

Written once, here: `scripts/card_types.py` generates the card's TypeScript types from them
(`frontend/src/generated/contract.ts`). Only the standard library: every room may read them.
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict

__all__ = [
    "BacktestDay",
    "BacktestResult",
    "BacktestTrigger",
    "CapabilityEvidence",
    "DayTime",
    "Decision",
    "DelayHistogram",
    "Evidence",
    "GroupMember",
    "HabitSeries",
    "RunStatus",
    "RunSummary",
    "StatusAnswer",
    "StoredSuggestion",
    "SuggestionStatus",
    "SuggestionsPage",
]

type RunStatus = Literal["success", "no_data", "failed"]
type SuggestionStatus = Literal["new", "accepted", "dismissed", "snoozed"]
type Decision = Literal["accept", "dismiss", "restore", "snooze"]
type BacktestResult = Literal["right", "near", "wrong"]


# Every key may be missing: before the first run the summary is empty (or holds only the day a
# scheduled run was marked for), and a summary stored by an older version is read as it is.
class RunSummary(TypedDict, total=False):
    """What one analysis run did (the last one is kept, shown by the card and the sensors)."""

    event: Literal["analysis_complete"]
    timestamp: str  # when the run started, ISO in UTC
    success: bool
    status: RunStatus
    patterns_detected: int
    suggestions_generated: int  # new in this run
    suggestions_open: int
    events_analysed: int
    events_from_kept_days: int  # of those, how many came from the days earlier runs kept
    devices_checked: int
    processing_time_sec: float
    error: str | None  # why the run failed: one short line
    history_days: float | None  # how many days of history the home has (on success)
    scheduled_date: str  # the local day the scheduled run is for, ISO
    joined: bool  # the answer of a call that waited for a run already going


class HabitSeries(TypedDict):
    """A habit's days and times, as the engine keeps them for its picture."""

    first_day: str  # ISO date of the first row
    days: int
    times: list[tuple[int, int]]  # day index, minute of the day
    band: NotRequired[tuple[int, int]]  # the suggested time, minutes of the day (may wrap)
    bands: NotRequired[list[tuple[int, int] | None]]  # a band per day that follows the sun
    unrecorded: NotRequired[list[int]]  # day indices Home Assistant did not record


class DelayHistogram(TypedDict):
    """The delays between a sequence's trigger and its action, counted in equal bins."""

    window_seconds: float
    bin_seconds: int
    counts: list[int]


class CapabilityEvidence(TypedDict):
    """A capability nobody uses: the device's property and what it can be set to."""

    device: str
    property: str
    label: NotRequired[str | None]
    unit: NotRequired[str | None]
    min: NotRequired[float | None]
    max: NotRequired[float | None]
    values: NotRequired[list[str]]
    value: NotRequired[float | str | None]  # the one value seen while in use, in `unit`


class GroupMember(TypedDict):
    """One of the things a group does together: the entity and the state it is set to."""

    entity_id: str
    state: str


class DayTime(TypedDict):
    """When a habit happened on one day."""

    date: str
    minute: float


class BacktestDay(TypedDict):
    """One held-out day of a habit's backtest."""

    date: str
    result: BacktestResult


class BacktestTrigger(TypedDict):
    """One trigger of a sequence's backtest (UTC seconds)."""

    at: float
    result: BacktestResult


class Evidence(TypedDict, total=False):
    """Why a suggestion was made; each kind fills in its own keys."""

    score: float
    state: str
    distinct_days: int
    occurrences: int
    lift: float
    first_seen: float
    last_seen: float
    # A habit.
    eligible_days: int
    days: str  # "all", "weekdays", "weekends" or a set of weekdays such as "mon,wed,fri"
    weekdays: list[int]
    median_time: str
    spread_minutes: float
    chance: float
    series: HabitSeries
    day_times: list[DayTime]
    away_days: int
    # The backtest: a habit's held-out days, or a sequence's triggers.
    backtest_right: int
    backtest_near: int
    backtest_wrong: int
    backtest_days: list[BacktestDay]
    backtest_triggers: list[BacktestTrigger]
    # A habit that follows the sun.
    event: str  # "sunset" or "sunrise"
    sun_event: str
    offset_minutes: float
    clock_spread_minutes: float
    # A sequence.
    trigger_count: int
    confidence: float
    median_delay_seconds: float
    hold_seconds: int
    delays: DelayHistogram
    # An accepted automation people keep undoing.
    suggestion_id: str
    acted_days: int
    undone_days: int
    # A capability nobody uses.
    property: str
    usefulness: float
    days_in_use: int
    lookback_days: int
    part_days: list[int]  # night, morning, afternoon, evening
    on_off: bool
    value: float | str | None
    unit: str | None
    capability: CapabilityEvidence
    # A group of things done together.
    members: list[GroupMember]
    together: int
    times: int
    share: float
    started_by: str  # "habit", "sun", "sequence" or "first"


class StoredSuggestion(TypedDict):
    """A suggestion as it is kept across restarts and sent to the card."""

    id: str
    kind: str  # "habit", "sun", "sequence", "group", "override" or "unused_capability"
    title: str
    description: str
    automation: dict[str, Any] | None
    evidence: Evidence
    entities: list[str]
    status: SuggestionStatus
    last_found: str
    first_found: NotRequired[str]
    evidence_text: NotRequired[str]  # this run's numbers in our words, under the AI's words
    ai_worded: NotRequired[bool]
    ai_off_topic: NotRequired[bool]  # the AI's words left the subject: not asked again
    handled_at: NotRequired[str]
    score_when_handled: NotRequired[float]
    snoozed_until: NotRequired[str]
    accepted_at: NotRequired[str]
    automation_id: NotRequired[str]
    cleared: NotRequired[bool]


class SuggestionsPage(TypedDict):
    """The answer to `ai_automation/suggestions`: one page of the matching suggestions."""

    total: int
    suggestions: list[StoredSuggestion]


class StatusAnswer(TypedDict):
    """The answer to `ai_automation/status`: the last run and what the card may decide."""

    running: bool
    last_run: RunSummary
    suggestions_open: int
    lookback_days: int
    min_days: int
    decisions: list[Decision]
