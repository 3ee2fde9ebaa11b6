"""A suggestion: what it proposes in words and as an automation, its evidence, id and strength."""

from __future__ import annotations

from dataclasses import dataclass, field
import hashlib
from typing import Any

from ..detectors.backtest import Backtest


@dataclass(frozen=True, kw_only=True)
class Suggestion:
    """One proposal: a stable id, words for people, an automation, and the evidence."""

    id: str
    kind: str  # "habit", "sun", "sequence", "group", "override" or "unused_capability"
    title: str
    description: str
    automation: dict[str, Any] | None
    evidence: dict[str, Any] = field(default_factory=dict)
    entities: tuple[str, ...] = ()


def strength(share: float, amount: int, backtest: Backtest | None) -> float:
    """Return how strongly the evidence speaks for a suggestion, from 0 to 1.

    The share of days (or triggers) it held, times how right its replay was (Laplace-smoothed:
    two right of two is not certainty), times how much evidence there is (full at 14).
    """
    replay = (
        0.5 if backtest is None else (backtest.right + 1) / (backtest.right + backtest.wrong + 2)
    )
    return round(min(share, 1.0) * replay * min(amount / 14, 1.0), 3)


def stable_id(*parts: object) -> str:
    """Return an id that is the same whenever the same thing is suggested again."""
    return hashlib.sha1("|".join(map(str, parts)).encode(), usedforsecurity=False).hexdigest()[:16]
