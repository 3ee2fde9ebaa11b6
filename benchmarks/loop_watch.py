"""Watch the event loop while a benchmark runs: its longest stall, and what ran during one."""

import asyncio
import collections
import gc
from pathlib import Path
import sys
import threading
import time
import traceback
from typing import Any


class StallTracer:
    """Name the code other threads run while the event loop is stalled (BENCH_STALL_TRACE=1).

    A watchdog thread reads a heartbeat the loop writes every millisecond; when it is over
    20 ms old, it records where every other thread is. A thread holding the GIL in one long C
    call is seen on the line of that call as soon as the watchdog gets the GIL back.
    """

    def __init__(self) -> None:
        """Start without a heartbeat."""
        self.beat = time.monotonic()
        self.seen: collections.Counter[str] = collections.Counter()
        self._stop = threading.Event()
        self._loop_thread = threading.get_ident()

    def start(self) -> None:
        """Start the watchdog thread, and time the garbage collector's passes."""
        self._gc_began = 0.0
        self.gc_pauses: list[float] = []
        self.beat = time.monotonic()  # (not the time it was made: that is no stall)
        self.seen.clear()
        self._stop.clear()
        gc.callbacks.append(self._gc)
        threading.Thread(target=self._watch, daemon=True).start()

    def _gc(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._gc_began = time.perf_counter()
        else:
            self.gc_pauses.append(time.perf_counter() - self._gc_began)

    def stop(self) -> None:
        """Stop it, then print the places seen most and the longest collector passes."""
        self._stop.set()
        gc.callbacks.remove(self._gc)
        longest = sorted(self.gc_pauses, reverse=True)[:5]
        print(
            f"  garbage collector: {len(self.gc_pauses)} passes"
            + (
                f", longest {', '.join(f'{pause * 1000:.1f}' for pause in longest)} ms"
                if longest
                else ""
            )
        )
        for place, count in self.seen.most_common(12):
            print(f"  stalled {count:4d}x at {place}")

    def _watch(self) -> None:
        while not self._stop.wait(0.002):
            if time.monotonic() - self.beat < 0.02:
                continue
            for ident, frame in sys._current_frames().items():  # noqa: SLF001  # the only way
                if ident == threading.get_ident():
                    continue
                stack = traceback.extract_stack(frame)
                top = stack[-1]
                if (
                    "queue" in top.name
                    or top.name in {"get", "wait", "select"}
                    or ".get(" in (top.line or "")  # (waiting in a C queue's get)
                ):
                    continue  # an idle thread
                ours = [f for f in stack if "ai_automation" in f.filename]
                where = ours[-1] if ours else top
                self.seen[
                    f"{'[loop] ' if ident == self._loop_thread else ''}"
                    f"{Path(where.filename).name}:{where.lineno} {where.line}"
                    f" -> {Path(top.filename).name}:{top.lineno}"
                ] += 1
            self.beat = time.monotonic()  # one record per stall


class LoopWatch:
    """Measure the longest event-loop stall: how late a short sleep wakes up, from now to stop."""

    def __init__(self, tracer: StallTracer | None = None, beat: float = 0.005) -> None:
        """Start watching, a sleep of `beat` seconds at a time (1 ms with the tracer)."""
        self.stall = 0.0
        self._tracer = tracer
        self._beat = 0.001 if tracer else beat
        self._running = True
        self._task = asyncio.create_task(self._watch())

    async def _watch(self) -> None:
        loop = asyncio.get_running_loop()
        while self._running:
            before = loop.time()
            await asyncio.sleep(self._beat)
            if self._tracer:
                self._tracer.beat = time.monotonic()
            self.stall = max(self.stall, loop.time() - before - self._beat)

    async def stop(self) -> float:
        """Stop; return the longest stall in seconds."""
        self._running = False
        await self._task
        return self.stall
