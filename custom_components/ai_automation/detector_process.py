"""Run the detectors in a process of their own, fed the compact history arrays.

In a thread of Home Assistant's process, numpy and Python work on a million changes holds the GIL
for tens of milliseconds at a time and the event loop waits, the more so when another program
keeps the other core busy. In a separate process the event loop only waits for a pipe. The
process is started as the analysis begins, so it is ready by the time the history is read.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
import logging
from pathlib import Path
import pickle
import sys

from homeassistant.core import HomeAssistant

from .engine import worker
from .engine.detection import Findings, detect
from .engine.history import History

_LOGGER = logging.getLogger(__name__)
WORKER = Path(worker.__file__)


class DetectorProcessError(RuntimeError):
    """The detectors' process ended without an answer."""


class DetectorProcess:
    """One run of the detectors in a child process (`engine/worker.py`)."""

    def __init__(self, process: asyncio.subprocess.Process | None) -> None:
        """Wrap a started worker process (None: none could be started)."""
        self._process = process

    @classmethod
    async def async_start(cls) -> DetectorProcess:
        """Start the worker; it imports the engine while the history is being read."""
        try:
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                str(WORKER),
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
            )
        except OSError as err:
            _LOGGER.warning(
                "Could not start a process for the pattern detectors (%s); this analysis runs"
                " them inside Home Assistant, which may slow it down while they run",
                err,
            )
            return cls(None)
        return cls(process)

    async def async_detect(
        self, hass: HomeAssistant, history: History, sun: Mapping[str, Mapping[int, float]]
    ) -> Findings:
        """Send the history and each day's sun times, wait for what the detectors find."""
        if self._process is None:
            return await hass.async_add_executor_job(detect, history, sun)
        sent = await hass.async_add_executor_job(
            pickle.dumps, (history, sun), pickle.HIGHEST_PROTOCOL
        )
        answer, errors = await self._process.communicate(sent)
        if self._process.returncode != 0 or not answer:
            last = errors.decode(errors="replace").strip().splitlines()[-1:] or ["no output"]
            raise DetectorProcessError(
                f"the detection process ended with code {self._process.returncode}: {last[0]}"
            )
        found: Findings = pickle.loads(answer)  # noqa: S301 (ours)
        return found

    async def async_close(self) -> None:
        """Stop the process if it still runs (the analysis failed or was cancelled)."""
        if self._process is not None and self._process.returncode is None:
            self._process.kill()
            await self._process.wait()
