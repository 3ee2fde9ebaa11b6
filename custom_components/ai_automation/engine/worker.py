"""The detectors' own process: Home Assistant's event loop keeps its GIL while they run.

Started as a script (`python .../engine/worker.py`). It reads pickled messages on standard input:
blocks of the recorder's rows while Home Assistant reads them (`send_rows`), then what their
numbers stand for with each day's sun times and the automations to check (`send_end`). It puts
the history together as the rows come, writes the pickled `Findings` of `detect` on standard
output and exits. It imports the engine (plain Python and numpy) without the integration's
`__init__`, so without Home Assistant: it is ready in a fraction of a second, before the first
rows arrive.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
import pickle
import sys
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .recorded import Recorded, Rows

ROWS, END = "rows", "end"


def send_rows(pipe: IO[bytes], blocks: list[Rows]) -> None:
    """Send blocks of rows to the worker."""
    pickle.dump((ROWS, blocks), pipe, protocol=pickle.HIGHEST_PROTOCOL)


def send_end(
    pipe: IO[bytes],
    recorded: Recorded,
    sun: Mapping[str, Mapping[int, float]],
    watched: Sequence[tuple[str, str, str]],
) -> None:
    """Tell the worker that all rows were sent, what they stand for and what else it needs."""
    pickle.dump((END, recorded, sun, watched), pipe, protocol=pickle.HIGHEST_PROTOCOL)
    pipe.flush()


def main(source: IO[bytes], target: IO[bytes]) -> None:
    """Read rows and the rest from `source`, write what the detectors found to `target`."""
    # (the package is set up first when run as a script)
    from .detection import detect  # noqa: PLC0415
    from .gil import running_alone  # noqa: PLC0415
    from .recorded import assemble  # noqa: PLC0415

    running_alone()
    blocks: list[Any] = []
    while True:
        message = pickle.load(source)  # noqa: S301 (our own process wrote it, through a pipe)
        if message[0] == ROWS:
            blocks.extend(message[1])
            continue
        _, recorded, sun, watched = message
        break
    history = assemble(blocks, recorded)
    del blocks
    found = replace(detect(history, sun, watched), peak_memory=_peak_memory())
    target.write(pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
    target.flush()


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


def _engine_alone() -> None:
    """Make `custom_components.ai_automation.engine` importable without the integration."""
    import importlib.machinery  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415
    import types  # noqa: PLC0415

    integration = Path(__file__).resolve().parent.parent
    sys.path[0] = str(integration.parent.parent)  # the folder custom_components is in
    for name, folder in (
        ("custom_components", integration.parent),
        ("custom_components.ai_automation", integration),
    ):
        package = types.ModuleType(name)
        package.__path__ = [str(folder)]
        package.__spec__ = importlib.machinery.ModuleSpec(name, None, is_package=True)
        sys.modules[name] = package


if __name__ == "__main__":
    _engine_alone()
    from custom_components.ai_automation.engine.worker import main as run

    run(sys.stdin.buffer, sys.stdout.buffer)
