"""The detectors' own process: Home Assistant's event loop keeps its GIL while they run.

Started as a script (`python -I .../engine/worker.py PARENT_PID`); first of all it makes itself a
guest of Home Assistant's (`_guest`). It reads pickled messages on standard input: blocks of the
recorder's rows while Home Assistant reads them (`send_rows`), then what their numbers stand for
with each day's sun times and the automations to check (`send_end`). It puts the history
together as the rows come, writes the pickled `Findings` of `detect` on standard output and
exits. It imports the engine (plain Python and numpy) without the integration's `__init__`, so
without Home Assistant: it is ready in a fraction of a second, before the first rows arrive.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
import contextlib
from dataclasses import replace
import os
import pickle
import queue
import sys
import threading
import time
from typing import IO, TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from .history.kept_rows import KeptDay, NewDays
    from .history.recorded import Recorded, Rows

ROWS, END, BROKEN = "rows", "end", "broken"
NICENESS = 10  # added to Home Assistant's: the detectors get the CPU only when it has spare
MAX_NICENESS = 19  # (the lowest priority there is)
OOM_SCORE_ADJ = 1000  # the most: short of memory, the kernel ends this process first
PR_SET_PDEATHSIG = 1  # (linux/prctl.h)
KEPT_DAY_BROKEN = 65  # the exit status when a kept day's file is broken (sysexits EX_DATAERR)


class Pipe(Protocol):
    """The worker's input, as Home Assistant writes it."""

    def write(self, data: bytes, /) -> object:
        """Write all of `data`."""

    def flush(self) -> object:
        """Pass on what was written."""


def send_rows(pipe: Pipe, blocks: list[Rows | KeptDay | NewDays]) -> None:
    """Send blocks of rows, kept days to read from their files, or where to keep new days."""
    pickle.dump((ROWS, blocks), pipe, protocol=pickle.HIGHEST_PROTOCOL)


def send_end(
    pipe: Pipe,
    recorded: Recorded,
    sun: Mapping[str, Mapping[int, float]],
    accepted: Sequence[tuple[str, str, str]],
) -> None:
    """Tell the worker that all rows were sent, what they stand for and what else it needs."""
    pickle.dump((END, recorded, sun, accepted), pipe, protocol=pickle.HIGHEST_PROTOCOL)
    pipe.flush()


def main(source: IO[bytes], target: IO[bytes]) -> None:
    """Read rows and the rest from `source`, write what the detectors found to `target`."""
    # (the package is set up first when run as a script)
    from .gil import running_alone  # noqa: PLC0415

    running_alone()
    messages: queue.SimpleQueue[Any] = queue.SimpleQueue()
    # The pipe keeps flowing from the start, while numpy and the detectors are imported and
    # while kept days' files are read: Home Assistant's reading never waits on this process.
    threading.Thread(target=_take_messages, args=(source, messages), daemon=True).start()
    from .detectors.run import detect  # noqa: PLC0415
    from .history import kept_rows  # noqa: PLC0415
    from .history.recorded import assemble, changes_kept  # noqa: PLC0415

    # When each step ended (the system's monotonic clock, which Home Assistant's reads too).
    marks = {"ready": time.monotonic()}
    blocks: list[Any] = []
    writer = None  # the new days' files, written here while Home Assistant reads on
    while (message := messages.get())[0] == ROWS:
        for block in message[1]:
            if isinstance(block, kept_rows.NewDays):
                writer = block.writer()
                continue
            try:
                blocks.extend(block.rows() if isinstance(block, kept_rows.KeptDay) else (block,))
            except kept_rows.KeptDayError as err:
                sys.stderr.write(f"{err}\n")
                sys.exit(KEPT_DAY_BROKEN)
            if writer is not None and not isinstance(block, kept_rows.KeptDay):
                writer.add(block)
    if message[0] != END:
        raise message[1]  # (the pipe ended before all was sent)
    _, recorded, sun, accepted = message
    kept = writer.finish(recorded.values) if writer is not None else None
    marks["rows"] = time.monotonic()
    history = assemble(blocks, recorded)
    del blocks
    marks["assembled"] = time.monotonic()
    found = detect(history, sun, accepted)
    marks["detected"] = time.monotonic()
    found = replace(
        found,
        kept_changes=changes_kept(history, recorded),
        peak_memory=_peak_memory(),
        kept=kept,
        marks=marks,
    )
    target.write(pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
    target.flush()


def _take_messages(source: IO[bytes], messages: queue.SimpleQueue[Any]) -> None:
    """Take the messages off the pipe as they come, until the last one or the pipe's end."""
    try:
        while True:
            message = pickle.load(source)  # noqa: S301 (our own process wrote it, through a pipe)
            messages.put(message)
            if message[0] == END:
                return
    except BaseException as err:  # noqa: BLE001 (the main thread raises it)
        messages.put((BROKEN, err))


def _peak_memory() -> int | None:
    """Return this process's peak resident memory so far, in bytes (None: not known here).

    The kernel's VmHWM counts this program only; `getrusage`'s maximum would count Home
    Assistant's process too, as it was when this one was started from it.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def _guest(parent: int | None) -> None:
    """Live as a guest of Home Assistant (process `parent`) on what may be a small machine.

    Ends with it (the kernel kills this process when the thread that started it, Home Assistant's
    event loop, ends), is the first the OOM killer takes, and runs at a lower priority. Each step
    is skipped where the system has no such thing.
    """
    if sys.platform == "linux":
        import ctypes  # noqa: PLC0415
        import signal  # noqa: PLC0415

        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if parent is not None and os.getppid() != parent:
        sys.exit("Home Assistant ended before the detectors' process began")
    try:
        with open("/proc/self/oom_score_adj", "w", encoding="ascii") as score:
            score.write(str(OOM_SCORE_ADJ))
    except OSError:
        pass
    # (Home Assistant lowered it already as it started this process: set, not added to)
    if parent is not None and hasattr(os, "setpriority"):
        with contextlib.suppress(OSError):  # (Home Assistant has ended: this one will too)
            os.setpriority(os.PRIO_PROCESS, 0, guest_priority(parent))
    elif hasattr(os, "nice"):
        os.nice(NICENESS)


def guest_priority(parent: int) -> int:
    """Return the niceness the detectors' process runs at: NICENESS above its parent's."""
    return min(os.getpriority(os.PRIO_PROCESS, parent) + NICENESS, MAX_NICENESS)


def _engine_alone() -> None:
    """Make `custom_components.ai_automation.engine` importable without the integration."""
    import importlib.machinery  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415
    import types  # noqa: PLC0415

    integration = Path(__file__).resolve().parent.parent
    # (run isolated, `-I`: the script's own folder is not on the path)
    sys.path.insert(0, str(integration.parent.parent))  # the folder custom_components is in
    for name, folder in (
        ("custom_components", integration.parent),
        ("custom_components.ai_automation", integration),
    ):
        package = types.ModuleType(name)
        package.__path__ = [str(folder)]
        package.__spec__ = importlib.machinery.ModuleSpec(name, None, is_package=True)
        sys.modules[name] = package


if __name__ == "__main__":
    _guest(int(sys.argv[1]) if len(sys.argv) > 1 else None)
    _engine_alone()
    from custom_components.ai_automation.engine.worker import main as run

    run(sys.stdin.buffer, sys.stdout.buffer)
