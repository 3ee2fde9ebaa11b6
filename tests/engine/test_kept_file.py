"""The kept days' file: rows come back bit for bit, small, and a broken file is told apart."""

from datetime import UTC, datetime
import io
import itertools
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from custom_components.ai_automation.engine.history.kept import (
    MAGIC,
    ZLIB,
    ZSTD,
    KeptFileError,
    append_chunk,
    day_start,
    local_midnights,
    read_chunks,
    read_footer,
    write_footer,
)
from custom_components.ai_automation.engine.history.kept_rows import DayRows, kept_day_rows

BERLIN = "Europe/Berlin"


def _rows(count: int, begin: float, end: float, seed: int = 1) -> tuple[np.ndarray, ...]:
    """Return rows as the recorder gives them: out of order, times with microseconds."""
    rng = np.random.default_rng(seed)
    when = np.round(rng.uniform(begin, end, count), 6)
    return (
        rng.permutation(count).astype(np.int64) + 10_000_000,
        rng.integers(1, 300, count).astype(np.int32),
        rng.integers(0, 6, count).astype(np.int32),
        when,
        rng.random(count) < 0.3,
    )


def test_days_written_in_chunks_read_back_exactly() -> None:
    """Rows split over local days (a DST day among them) come back as written, a few bytes each."""
    begin = datetime(2026, 10, 23, 5, tzinfo=ZoneInfo(BERLIN)).timestamp()
    end = datetime(2026, 10, 27, 0, tzinfo=ZoneInfo(BERLIN)).timestamp()
    bounds = [begin, *local_midnights(begin, end, BERLIN), end]
    assert [b - a for a, b in itertools.pairwise(bounds[1:])] == [
        86400,
        90000,  # 25 October: summer time ends
        86400,
    ]
    files: dict[str, io.BytesIO] = {}

    def create(name: str) -> io.BytesIO:
        files[name] = _Kept()
        return files[name]

    rows = _rows(200_000, begin, end)
    writer = DayRows(create, bounds, "1")
    for part in range(0, 200_000, 7_000):  # blocks as a read gives them
        writer.add(tuple(column[part : part + 7_000] for column in rows))
    values = ["on", "off", None, "unavailable", "open", "closed"]
    days = writer.finish(values)
    assert [(d["from"], d["to"]) for d in days] == list(itertools.pairwise(bounds))

    numbers: dict[str | None, int] = {}
    back = []
    for day in days:
        source = io.BytesIO(files[day["file"]].kept)
        back.extend(
            kept_day_rows(
                source,
                np.array([numbers.setdefault(v, len(numbers)) for v in values], np.int32),
                begin,
                np.arange(1, 300, dtype=np.int32),
            )
        )
    got = tuple(np.concatenate([b[c] for b in back]) for c in range(5))
    order, expected_order = np.argsort(got[0]), np.argsort(rows[0])
    assert np.array_equal(got[0][order], rows[0][expected_order])
    assert np.array_equal(got[1][order], rows[1][expected_order])
    assert np.array_equal(got[3][order].view(np.int64), rows[3][expected_order].view(np.int64))
    assert np.array_equal(got[4][order], rows[4][expected_order])
    states = [v for v, _ in sorted(numbers.items(), key=lambda item: item[1])]
    assert [states[c] for c in got[2][order][:50]] == [
        values[c] for c in rows[2][expected_order][:50]
    ]
    size = sum(len(f.kept) for f in files.values())
    assert size < 10 * 200_000  # (25 bytes a row in memory)


def test_a_file_cut_short_is_not_read() -> None:
    """A day's file without its end is refused, not read as fewer rows."""
    files: dict[str, io.BytesIO] = {}

    def create(name: str) -> io.BytesIO:
        files[name] = _Kept()
        return files[name]

    writer = DayRows(create, [0.0, 86400.0], "1")
    writer.add(_rows(1000, 0, 86400))
    writer.finish(["on"] * 6)
    whole = next(iter(files.values())).kept
    with pytest.raises(KeptFileError):
        read_footer(io.BytesIO(whole[: len(whole) // 2]))


def test_chunks_of_either_compression_read_back() -> None:
    """Zstd where Python has it, zlib where it does not: a file of both reads back exactly.

    (A Python without libzstd writes zlib; files written before by one with it stay readable
    where it is.)
    """
    rows = _rows(5000, 0, 86400)
    target = io.BytesIO()
    target.write(MAGIC)
    halves = [tuple(c[:2500] for c in rows), tuple(c[2500:] for c in rows)]
    append_chunk(target, halves[0], ZSTD)
    append_chunk(target, halves[1], ZLIB)
    write_footer(target, {"values": ["on"] * 6})
    chunks = list(read_chunks(io.BytesIO(target.getvalue())))
    for chunk, half in zip(chunks, halves, strict=True):
        order = np.lexsort((half[0], half[3]))
        for got, wrote in zip(chunk, half, strict=True):
            assert np.array_equal(got, wrote[order])
    spoiled = bytearray(target.getvalue())
    spoiled[len(MAGIC) + 30 : len(MAGIC) + 60] = b"\xff" * 30  # inside the zstd chunk
    with pytest.raises(KeptFileError):
        list(read_chunks(io.BytesIO(bytes(spoiled))))


def test_day_start_in_the_home_time_zone() -> None:
    """A day starts at the home's local midnight, not UTC's."""
    moment = datetime(2026, 10, 25, 1, 30, tzinfo=UTC).timestamp()
    assert day_start(moment, BERLIN) == datetime(2026, 10, 25, tzinfo=ZoneInfo(BERLIN)).timestamp()


class _Kept(io.BytesIO):
    """A file in memory that keeps its bytes when closed."""

    kept = b""

    def close(self) -> None:
        self.kept = self.getvalue()
        super().close()
