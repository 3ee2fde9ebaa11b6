"""The chance tests habits are judged by: a binomial tail and Fisher's exact test."""

from __future__ import annotations

import math


def binomial_tail(successes: int, trials: int, chance: float) -> float:
    """Return P(X >= successes) for X ~ Binomial(trials, chance)."""
    if successes <= 0:
        return 1.0
    if chance <= 0:
        return 0.0
    if chance >= 1:
        return 1.0
    return min(
        1.0,
        sum(
            math.comb(trials, k) * chance**k * (1 - chance) ** (trials - k)
            for k in range(successes, trials + 1)
        ),
    )


def fewer_outside(inside: tuple[int, int], outside: tuple[int, int], *, mid: bool = False) -> float:
    """Return the chance that as few of the (hit, all) days fell outside (Fisher's exact test).

    `mid` counts the observed split at half its chance (mid-p): less conservative, still exact
    on average, for the few days a home gives.
    """
    (hits_in, days_in), (hits_out, days_out) = inside, outside
    hits = hits_in + hits_out
    total = math.comb(days_in + days_out, hits)
    split = [math.comb(days_out, k) * math.comb(days_in, hits - k) for k in range(hits_out + 1)]
    return (sum(split) - (split[-1] / 2 if mid else 0)) / total
