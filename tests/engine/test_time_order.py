"""Rows that already come in time order are used as they come, and give the same history."""

from typing import Any

import numpy as np
import pytest

from custom_components.ai_automation.engine.history.arrays import History
from custom_components.ai_automation.engine.history.recorded import Recorded, assemble

from ..kept_reads import assert_same

ENTITIES = {11: "light.hall", 12: "light.kitchen", 13: "binary_sensor.door", 14: "switch.fan"}
VALUES = ("on", "off", "unavailable", None)


def _rows(ties: int, rng: np.random.Generator) -> tuple[np.ndarray[Any, Any], ...]:
    """Return 2,000 rows in time order (ties by state id), `ties` of them at taken moments."""
    when = np.sort(rng.uniform(1_790_000_000, 1_790_100_000, 2000))
    tied = rng.choice(np.arange(1, 2000), ties, replace=False)
    when[tied] = when[tied - 1]  # (the moment of the row before: a tie, still in order)
    return (
        np.arange(100, 2100, dtype=np.int64),  # state_id: as the recorder wrote them
        rng.choice(list(ENTITIES), 2000).astype(np.int32),
        rng.choice(len(VALUES), 2000, p=[0.45, 0.45, 0.05, 0.05]).astype(np.int32),
        when,
        rng.random(2000) < 0.5,
    )


def _history(rows: tuple[np.ndarray[Any, Any], ...], blocks: int) -> History:
    recorded = Recorded(
        values=VALUES,
        entities=ENTITIES,
        start=1_790_000_000.0,
        end=1_790_100_000.0,
        time_zone="Europe/Berlin",
    )
    parts = [
        tuple(column[part] for column in rows) for part in np.array_split(np.arange(2000), blocks)
    ]
    return assemble(parts, recorded)


@pytest.mark.parametrize("ties", [0, 40])
def test_rows_in_time_order_give_the_history_shuffled_rows_give(ties: int) -> None:
    """The history is the same whether the rows came in time order or in any other."""
    rng = np.random.default_rng(ties)
    rows = _rows(ties, rng)
    shuffled = rng.permutation(2000)
    in_order = _history(rows, 7)
    assert_same(in_order, _history(tuple(column[shuffled] for column in rows), 3))
    assert len(in_order) > 1500
    assert (np.diff(in_order.when) >= 0).all()


def test_rows_at_one_moment_written_out_of_order_are_put_in_order() -> None:
    """Rows in time order but two at one moment in the wrong order: the written order wins."""
    rows = _rows(40, np.random.default_rng(3))
    # (two tied rows of different things: in the wrong order, the history would differ)
    tied = int(np.flatnonzero((np.diff(rows[3]) == 0) & (np.diff(rows[1]) != 0))[0])
    # The two tied rows swap places: the times still ascend, the state ids do not.
    swap = np.arange(2000)
    swap[[tied, tied + 1]] = swap[[tied + 1, tied]]
    rows = (rows[0][swap], rows[1], rows[2], rows[3][swap], rows[4])
    expected = np.argsort(rows[0], kind="stable")  # (as written: by state id)
    assert_same(_history(rows, 5), _history(tuple(column[expected] for column in rows), 5))
