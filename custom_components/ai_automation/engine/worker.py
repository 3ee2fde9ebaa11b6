"""The detectors' own process: Home Assistant's event loop keeps its GIL while they run.

Started as a script (`python .../engine/worker.py`): reads one pickled `(History, sun times)` on
standard input, writes the pickled `Findings` of `detect` on standard output, and exits. It imports the
engine (plain Python and numpy) without the integration's `__init__`, so without Home Assistant:
it is ready in a fraction of a second, while the history is still being read.
"""

from __future__ import annotations

import pickle
import sys
from typing import BinaryIO


def main(source: BinaryIO, target: BinaryIO) -> None:
    """Read a history from `source`, write what the detectors found to `target`."""
    from .detection import detect  # noqa: PLC0415 (the package is set up first when a script)
    from .gil import running_alone  # noqa: PLC0415

    running_alone()

    history, sun = pickle.load(source)  # noqa: S301 (our own process wrote it, through a pipe)
    target.write(pickle.dumps(detect(history, sun), protocol=pickle.HIGHEST_PROTOCOL))
    target.flush()


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
