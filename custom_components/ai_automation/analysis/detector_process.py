"""Run the detectors in a process of their own, fed the recorder's rows as they are read.

In a thread of Home Assistant's process, numpy and Python work on a million changes holds the GIL
for tens of milliseconds at a time and the event loop waits, the more so when another program
keeps the other core busy. In a separate process the event loop only waits for a pipe. The
process is started as the analysis begins and imports the engine while the first rows are read;
each block of rows goes through its pipe as soon as it is read, so sending the history overlaps
reading it, and putting it together in time order happens in the worker too.

The worker gets no secrets (a minimal environment, `python -I`) and makes itself a guest
(`worker._guest`). One that takes no rows, or gives no answer, within its time limit
(`DETECTORS_TIME_LIMIT` and `DETECTORS_TIME_PER_ROW` in const.py) is stopped and the run fails.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
import contextlib
from dataclasses import replace
import logging
import os
from pathlib import Path
import pickle
import select
import sys
import threading
import time

from homeassistant.core import HomeAssistant
from homeassistant.helpers.recorder import get_instance

from ..const import DETECTORS_STOP_GRACE, DETECTORS_TIME_LIMIT, DETECTORS_TIME_PER_ROW
from ..engine import worker
from ..engine.detectors.run import Findings, detect
from ..engine.history.kept_rows import KeptDay, NewDays
from ..engine.history.recorded import Rows, changes_kept
from ..recorder_reader.tables import HistoryReader, load_history

_LOGGER = logging.getLogger(__name__)
WORKER = Path(worker.__file__)
BLOCKS_PER_MESSAGE = 16  # blocks of rows sent together (a few hundred kilobytes)
# All the worker inherits from Home Assistant's environment (no tokens: SUPERVISOR_TOKEN...);
# coverage's settings too where present, so that the tests measure the worker.
ENVIRONMENT = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ")


class DetectorProcessError(RuntimeError):
    """The detectors' process ended without an answer."""


class _StalledError(Exception):
    """The detectors' process took no rows for the time limit."""


def _environment() -> dict[str, str]:
    """Return the environment the worker gets: what Python may use, nothing else."""
    return {
        name: value
        for name, value in os.environ.items()
        if name in ENVIRONMENT or name.startswith("COVERAGE_")
    }


def _as_guest(pid: int) -> None:
    """Lower the new worker's priority at once, before it starts up (it does so too, later).

    Starting up, Python and numpy take a core for a tenth of a second: at Home Assistant's
    priority, beside another busy program, that kept the event loop waiting 20-35 ms.
    """
    with contextlib.suppress(OSError, AttributeError):  # (no such thing on this system)
        os.setpriority(os.PRIO_PROCESS, pid, worker.guest_priority(os.getpid()))


async def _async_stop(
    process: asyncio.subprocess.Process, answering: asyncio.Future[tuple[bytes, bytes]]
) -> None:
    """End a worker that does not answer: SIGTERM, SIGKILL after a grace; reap it."""
    with contextlib.suppress(ProcessLookupError):
        process.terminate()
    if not (await asyncio.wait((answering,), timeout=DETECTORS_STOP_GRACE))[0]:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
    await answering  # (its output ends with it; this also reaps it)


class DetectorProcess:
    """One run of the detectors in a child process (`engine/worker.py`)."""

    def __init__(
        self,
        process: asyncio.subprocess.Process | None,
        pipe: int | None,
        started: float | None = None,
    ) -> None:
        """Wrap a worker process started at `started` (`time.monotonic()`) and its input pipe.

        None: none could be started.
        """
        self._process = process
        self._pipe = pipe
        self._pipe_lock = threading.Lock()  # (the sender, in an executor, or the closer takes it)
        self.read_at: float | None = None  # (time.perf_counter) when the history was read
        self.started = time.monotonic() if started is None else started

    @classmethod
    async def async_start(cls) -> DetectorProcess:
        """Start the worker; it imports the engine while the history is being read."""
        read_end, write_end = os.pipe()
        started = time.monotonic()  # (the clock the worker's `marks` are on)
        try:
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-I",  # (isolated: no PYTHON* variables, no user site, nothing from the cwd)
                *(["-B"] if sys.dont_write_bytecode else []),  # (as Home Assistant's own)
                str(WORKER),
                str(os.getpid()),
                stdin=read_end,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
                env=_environment(),
            )
        except OSError as err:
            os.close(write_end)
            _LOGGER.warning(
                "Could not start a process for the pattern detectors (%s); this analysis runs"
                " them inside Home Assistant, which may slow it down while they run",
                err,
            )
            return cls(None, None)
        finally:
            os.close(read_end)
        _as_guest(process.pid)
        return cls(process, write_end, started)

    async def async_detect(
        self,
        hass: HomeAssistant,
        reader: HistoryReader,
        sun: Mapping[str, Mapping[int, float]],
        accepted_states: Sequence[tuple[str, str, str]] = (),
    ) -> Findings:
        """Read the history, have the detectors look at it; return what they find.

        `sun` holds each day's sun times; `accepted_states` the (suggestion id, entity, state)
        each accepted automation sets, to check whether people undo it. The days read now are
        kept for the next run once the detectors answered (`HistoryReader.finish`).
        """
        instance = get_instance(hass)
        try:
            found = await self._async_detect(hass, reader, sun, accepted_states)
        except BaseException:
            await self.async_close()  # (it writes no new day's file after this)
            await instance.async_add_executor_job(reader.finish, None)
            raise
        await instance.async_add_executor_job(reader.finish, found.kept)
        return found

    async def _async_detect(
        self,
        hass: HomeAssistant,
        reader: HistoryReader,
        sun: Mapping[str, Mapping[int, float]],
        accepted_states: Sequence[tuple[str, str, str]],
    ) -> Findings:
        instance = get_instance(hass)
        if self._process is None:
            history = await instance.async_add_executor_job(load_history, reader)
            self.read_at = time.perf_counter()
            here = await hass.async_add_executor_job(detect, history, sun, accepted_states)
            return replace(here, kept_changes=changes_kept(history, reader.recorded()))
        answering = asyncio.ensure_future(self._process.communicate())
        sent = 0
        try:
            sent = await instance.async_add_executor_job(self._send, reader, sun, accepted_states)
        except BrokenPipeError:
            pass  # the process ended early: its answer says why
        except _StalledError:
            await _async_stop(self._process, answering)
            raise DetectorProcessError(
                f"the detection process took no rows for {DETECTORS_TIME_LIMIT:.0f} s and was"
                " stopped"
            ) from None
        except BaseException:
            answering.cancel()
            raise
        self.read_at = time.perf_counter()
        limit = DETECTORS_TIME_LIMIT + DETECTORS_TIME_PER_ROW * sent
        if not (await asyncio.wait((answering,), timeout=limit))[0]:
            await _async_stop(self._process, answering)
            raise DetectorProcessError(
                f"the detection process gave no answer within {limit:.0f} s (the time limit for"
                f" {sent:,} changes) and was stopped"
            )
        answer, errors = answering.result()
        last = errors.decode(errors="replace").strip().splitlines()[-1:] or ["no output"]
        if self._process.returncode == worker.KEPT_DAY_BROKEN:
            reader.distrust()
            raise DetectorProcessError(f"{last[0]}; the next analysis reads the whole lookback")
        if self._process.returncode != 0 or not answer:
            raise DetectorProcessError(
                f"the detection process ended with code {self._process.returncode}: {last[0]}"
            )
        found: Findings = pickle.loads(answer)  # noqa: S301 (ours)
        return found

    async def async_close(self) -> None:
        """Stop the process if it still runs (the analysis failed or was cancelled)."""
        if (pipe := self._take_pipe()) is not None:
            os.close(pipe)  # (the reading never began: nobody else will close it)
        if self._process is not None and self._process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self._process.kill()
            await self._process.wait()

    def _take_pipe(self) -> int | None:
        """Return the worker's input pipe to whoever takes it first (None: already taken)."""
        with self._pipe_lock:
            pipe, self._pipe = self._pipe, None
        return pipe

    def _send(
        self,
        reader: HistoryReader,
        sun: Mapping[str, Mapping[int, float]],
        accepted_states: Sequence[tuple[str, str, str]],
    ) -> int:
        """Read the history, sending its rows to the worker as they come (recorder's executor).

        Return how many rows were sent (0: the analysis was stopped before this began).
        """
        if (pipe := self._take_pipe()) is None:
            return 0  # the analysis was stopped before this began
        target = _Feed(pipe)
        try:
            blocks: list[Rows | KeptDay | NewDays] = []
            sent = 0
            for block in reader.blocks():
                blocks.append(block)
                if isinstance(block, KeptDay):
                    sent += block.rows_kept
                elif not isinstance(block, NewDays):
                    sent += len(block[0])
                if len(blocks) == BLOCKS_PER_MESSAGE:
                    worker.send_rows(target, blocks)
                    blocks = []
            worker.send_rows(target, blocks)
            worker.send_end(target, reader.recorded(), sun, accepted_states)
        finally:
            os.close(pipe)  # (the worker's input ends)
        return sent


class _Feed:
    """The worker's input pipe; a write waits at most DETECTORS_TIME_LIMIT for room in it.

    A worker that stopped reading would otherwise hold the recorder's executor thread forever.
    """

    def __init__(self, pipe: int) -> None:
        """Write to `pipe` (made non-blocking)."""
        os.set_blocking(pipe, False)
        self._pipe = pipe
        self._room = select.poll()
        self._room.register(pipe, select.POLLOUT)

    def write(self, data: bytes, /) -> int:
        """Write all of `data`; raise _StalledError if the worker takes none of it for the limit."""
        left = memoryview(data).cast("B")  # (pickle also passes buffers that have no len)
        size = left.nbytes
        while left:
            if not self._room.poll(DETECTORS_TIME_LIMIT * 1000):
                raise _StalledError
            with contextlib.suppress(BlockingIOError):
                left = left[os.write(self._pipe, left) :]
        return size

    def flush(self) -> None:
        """Nothing is held back."""
