"""The detectors' own process: same answer as in-process, and no Home Assistant inside it."""

from dataclasses import replace
from datetime import datetime, timedelta
import io
import pickle
import subprocess
import sys
import time
from zoneinfo import ZoneInfo

import numpy as np

from custom_components.ai_automation.engine import worker
from custom_components.ai_automation.engine.detectors.run import detect
from custom_components.ai_automation.engine.history.arrays import Change, History
from custom_components.ai_automation.engine.history.recorded import Recorded

from ..synthetic_home import sun_times

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 10, 12, tzinfo=BERLIN)


def _history() -> History:
    """Three weeks: a person turns the hall light on at about 07:00, the door opens before."""
    changes = []
    for day in range(21):
        morning = START + timedelta(days=day, hours=7, minutes=day % 5)
        changes.append(Change("binary_sensor.door", "on", morning.timestamp() - 20, False))
        changes.append(Change("light.hall", "on", morning.timestamp(), True))
        changes.append(Change("light.hall", "off", morning.timestamp() + 1800, True))
    end = START + timedelta(days=21)
    return History.from_changes(
        changes, start=START.timestamp(), end=end.timestamp(), time_zone="Europe/Berlin"
    )


def _input(history: History, sun: dict[str, dict[int, float]]) -> bytes:
    """Return the worker's input as Home Assistant sends it: rows in blocks, then the rest.

    The rows in no order (as the database returns them), numbered as the recorder does.
    """
    order = np.random.default_rng(7).permutation(len(history))
    rows = (
        order.astype(np.int64),  # state_id: the order written
        history.entity[order].astype(np.int64) + 10,  # metadata_id
        history.state[order].astype(np.int64),
        history.when[order],
        history.manual[order].astype(np.int64),
    )
    pipe = io.BytesIO()
    for begin in range(0, len(history), 25):
        worker.send_rows(pipe, [tuple(column[begin : begin + 25] for column in rows)])
    recorded = Recorded(
        values=history.states,
        entities={index + 10: entity for index, entity in enumerate(history.entity_ids)},
        start=history.start,
        end=history.end,
        time_zone=history.time_zone,
    )
    worker.send_end(pipe, recorded, sun, [])
    return pipe.getvalue()


def test_worker_answers_what_the_detectors_find() -> None:
    """What the worker writes back is what the detectors find in the same process."""
    history, sun = _history(), sun_times(START, 21)
    answer = io.BytesIO()
    worker.main(io.BytesIO(_input(history, sun)), answer)
    found = pickle.loads(answer.getvalue())  # noqa: S301 (our own bytes)
    assert replace(found, peak_memory=None, marks={}) == detect(history, sun)
    assert (found.changes, found.entity_ids) == (63, ("binary_sensor.door", "light.hall"))
    assert [(s.trigger_entity, s.action_entity) for s in found.sequences] == [
        ("binary_sensor.door", "light.hall")
    ]
    assert [(h.entity_id, h.state) for h in found.habits] == [("light.hall", "off")]


def test_worker_process_runs_without_home_assistant() -> None:
    """Run as a script it answers the same, without importing Home Assistant (a quick start)."""
    history = _history()
    began = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-X", "importtime", worker.__file__],
        input=_input(history, sun_times(START, 21)),
        capture_output=True,
        check=True,
        timeout=120,
    )
    found = pickle.loads(done.stdout)  # noqa: S301 (our own bytes)
    assert replace(found, peak_memory=None, marks={}) == detect(history, sun_times(START, 21))
    # When each step ended, on the clock Home Assistant reads too (the benchmark prints them).
    assert list(found.marks) == ["ready", "rows", "assembled", "detected"]
    assert list(found.marks.values()) == sorted(found.marks.values())
    assert began < found.marks["ready"] < found.marks["detected"] < time.monotonic()
    # Its own peak memory: Python and numpy, not the test process it was started from.
    assert found.peak_memory is not None
    assert 10 * 2**20 < found.peak_memory < 150 * 2**20
    imported = done.stderr.decode()
    assert "custom_components.ai_automation.engine.detectors.run" in imported
    assert "homeassistant" not in imported


def test_worker_given_rows_but_no_end_answers_nothing() -> None:
    """Home Assistant's side stopped sending midway: the process fails, no half answer."""
    cut = _input(_history(), sun_times(START, 21))[:200]
    done = subprocess.run(
        [sys.executable, worker.__file__], input=cut, capture_output=True, timeout=120, check=False
    )
    assert done.returncode != 0
    assert done.stdout == b""
    assert "EOFError" in done.stderr.decode() or "UnpicklingError" in done.stderr.decode()
