"""Let Home Assistant's event loop in during the detectors' long loops, when it shares their process.

The detectors normally run in a process of their own (`worker.py`), where there is nobody to let
in and each pause only costs time; the worker says so once with `running_alone`.
"""

from __future__ import annotations

import time

_shared = True


def let_the_loop_in() -> None:
    """Give other threads (Home Assistant's event loop) the GIL, if any share this process."""
    if _shared:
        time.sleep(0)


def running_alone() -> None:
    """Note that this process runs only the detectors (no pauses are needed)."""
    global _shared  # noqa: PLW0603 (one switch for the whole process)
    _shared = False
