"""Run the detectors in a process of their own, fed the recorder's rows as they are read.

In a thread of Home Assistant's process, numpy and Python work on a million changes holds the GIL
for tens of milliseconds at a time and the event loop waits, the more so when another program
keeps the other core busy. In a separate process the event loop only waits for a pipe. The
process is started as the analysis begins and imports the engine while the first rows are read;
each block of rows goes through its pipe as soon as it is read, so sending the history overlaps
reading it, and putting it together in time order happens in the worker too.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
import contextlib
import logging
import os
from pathlib import Path
import pickle
import sys
import threading
import time

from homeassistant.core import HomeAssistant
from homeassistant.helpers.recorder import get_instance

from .engine import worker
from .engine.detection import Findings, detect
from .engine.recorded import Rows
from .recorder_history import HistoryReader, load_history

_LOGGER = logging.getLogger(__name__)
WORKER = Path(worker.__file__)
BLOCKS_PER_MESSAGE = 16  # blocks of rows sent together (a few hundred kilobytes)


class DetectorProcessError(RuntimeError):
    """The detectors' process ended without an answer."""


class DetectorProcess:
    """One run of the detectors in a child process (`engine/worker.py`)."""

    def __init__(self, process: asyncio.subprocess.Process | None, pipe: int | None) -> None:
        """Wrap a started worker process and its input pipe (None: none could be started)."""
        self._process = process
        self._pipe = pipe
        self._pipe_lock = threading.Lock()  # (the sender, in an executor, or the closer takes it)
        self.read_at: float | None = None  # (time.perf_counter) when the history was read

    @classmethod
    async def async_start(cls) -> DetectorProcess:
        """Start the worker; it imports the engine while the history is being read."""
        read_end, write_end = os.pipe()
        try:
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                str(WORKER),
                stdin=read_end,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
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
        return cls(process, write_end)

    async def async_detect(
        self,
        hass: HomeAssistant,
        reader: HistoryReader,
        sun: Mapping[str, Mapping[int, float]],
        watched: Sequence[tuple[str, str, str]] = (),
    ) -> Findings:
        """Read the history, have the detectors look at it; return what they find.

        `sun` holds each day's sun times; `watched` the accepted automations to check.
        """
        instance = get_instance(hass)
        if self._process is None:
            history = await instance.async_add_executor_job(load_history, reader)
            self.read_at = time.perf_counter()
            return await hass.async_add_executor_job(detect, history, sun, watched)
        answering = asyncio.ensure_future(self._process.communicate())
        try:
            await instance.async_add_executor_job(self._send, reader, sun, watched)
        except BrokenPipeError:
            pass  # the process ended early: its answer says why
        except BaseException:
            answering.cancel()
            raise
        self.read_at = time.perf_counter()
        answer, errors = await answering
        if self._process.returncode != 0 or not answer:
            last = errors.decode(errors="replace").strip().splitlines()[-1:] or ["no output"]
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
        watched: Sequence[tuple[str, str, str]],
    ) -> None:
        """Read the history, sending its rows to the worker as they come (recorder's executor)."""
        if (pipe := self._take_pipe()) is None:
            return  # the analysis was stopped before this began
        with open(pipe, "wb") as target:  # (closes the pipe: the worker's input ends)
            blocks: list[Rows] = []
            for rows in reader.rows():
                blocks.append(rows)
                if len(blocks) == BLOCKS_PER_MESSAGE:
                    worker.send_rows(target, blocks)
                    blocks = []
            worker.send_rows(target, blocks)
            worker.send_end(target, reader.recorded(), sun, watched)
