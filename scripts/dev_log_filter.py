"""Pass on only Home Assistant's warnings and errors (with their tracebacks) to the terminal.

scripts/develop pipes Home Assistant's console output through this; the whole log is in
config/home-assistant.log. A line that starts a log record decides whether it and the lines that
follow it (a traceback, a multi-line message) are shown. Output before the first log record (a
crash before logging starts) is shown. Ctrl-C is ignored: scripts/develop stops Home Assistant,
and this ends when Home Assistant's output does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
import re
import signal
import sys

# "2026-11-29 01:12:10.123 WARNING (MainThread) [homeassistant.core] ...", maybe in colour.
RECORD = re.compile(r"^(?:\x1b\[[0-9;]*m)*\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d+ ([A-Z]+) ")
SHOWN = frozenset({"WARNING", "ERROR", "CRITICAL"})


def shown_lines(lines: Iterable[str]) -> Iterator[str]:
    """Yield the lines of warning and error records, and of anything that is not a record."""
    show = True
    for line in lines:
        if match := RECORD.match(line):
            show = match.group(1) in SHOWN
        if show:
            yield line


def main() -> int:
    """Filter stdin to stdout, line by line as it comes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for line in shown_lines(sys.stdin):
        sys.stdout.write(line)
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
