"""Backtests: replay a candidate automation over the last days it was not learned from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from ..history.arrays import History


@dataclass(frozen=True, kw_only=True)
class BacktestSettings:
    """How a candidate is replayed, and how right it must have been."""

    days: int = 7  # the last whole local days held out from learning, then replayed
    habit_minutes: float = 15.0  # a habit's automation is right if the person acted this close
    min_learned: int = 2  # changes needed before the held-out days to learn from
    min_right_share: float = 0.5  # below this share of right firings it would mostly be wrong


@dataclass(frozen=True, kw_only=True)
class Backtest:
    """How a candidate would have done on the held-out days."""

    right: int  # it would have acted, and the person did the same (close enough)
    near: int = 0  # it would have acted, and the person did the same, but further off
    wrong: int  # it would have acted, and the person did not
    # (local day number for a habit, UTC seconds of the trigger for a sequence, outcome)
    results: tuple[tuple[float, str], ...] = ()

    @property
    def fired(self) -> int:
        """Return how often the automation would have acted."""
        return self.right + self.near + self.wrong

    def passes(self, settings: BacktestSettings) -> bool:
        """Return whether it would have been right, and not mostly wrong."""
        return self.right > 0 and self.right >= settings.min_right_share * (self.right + self.wrong)


def replay_habit(
    *,
    minute: float,
    days: npt.NDArray[np.int64],
    person: npt.NDArray[np.float64],
    tolerance: float,
    window: float,
) -> Backtest:
    """Fire at local `minute` on each of `days`; say how close the person's own change was.

    Right when `person` acted within `tolerance`, near when within `window`, wrong otherwise.

    `person` holds the person's own changes as local minutes since day 0 (day * 1440 + minute),
    sorted; firing and acting may fall on either side of midnight.
    """
    fire = days.astype(np.float64) * 1440.0 + minute

    def acted(within: float) -> npt.NDArray[np.bool_]:
        low = np.searchsorted(person, fire - within, side="left")
        high = np.searchsorted(person, fire + within, side="right")
        result: npt.NDArray[np.bool_] = high > low
        return result

    right, near = acted(tolerance), acted(window)
    outcome = np.where(right, "right", np.where(near, "near", "wrong"))
    return Backtest(
        right=int(right.sum()),
        near=int((near & ~right).sum()),
        wrong=int((~near).sum()),
        results=tuple((float(d), str(o)) for d, o in zip(days, outcome, strict=True)),
    )


def replay_sequence(
    *,
    triggers: npt.NDArray[np.float64],
    actions: npt.NDArray[np.float64],
    window: float,
    hold: float = 0.0,
    until: npt.NDArray[np.float64] | None = None,
) -> Backtest:
    """Fire at each trigger (UTC seconds); right when the person acted within `window` after it.

    With a `hold` (seconds) it fires only when the trigger's state lasted that long (`until`:
    when each trigger's state ended), as an automation whose trigger has a `for:` does.
    """
    if hold and until is not None:
        triggers = triggers[until - triggers >= hold]
        window = max(window, hold)
    actions = np.sort(actions)
    low = np.searchsorted(actions, triggers, side="left")
    high = np.searchsorted(actions, triggers + window, side="right")
    right = high > low
    return Backtest(
        right=int(right.sum()),
        wrong=int((~right).sum()),
        results=tuple(
            (float(t), "right" if r else "wrong") for t, r in zip(triggers, right, strict=True)
        ),
    )


def held_out_span(history: History, settings: BacktestSettings) -> tuple[float, float] | None:
    """Return the UTC span of the last whole local days held out for the backtest."""
    days = history.whole_days()
    if len(days) <= settings.days:
        return None
    return history.day_start(int(days[-settings.days])), history.day_start(int(days[-1]) + 1)
