"""The kept days' file format: a past local day's rows in compact columns, and its boundaries.

One file per local day, written in chunks as rows come (a full read arrives in no time order) and
closed by a footer saying what the numbers stand for. Each chunk holds the five columns of `Rows`
(state_id, metadata_id, state number, last_updated_ts, by a person), each sorted by time, turned
into differences where that makes small numbers, its bytes regrouped by significance and
compressed: about 6 bytes a change instead of 25. Nothing is rounded: the rows read back are the
rows written, bit for bit.

    MAGIC, then chunks: b"Z" (zstd) or b"C" (zlib) + length (8 bytes) + compressed columns,
    then b"F" + length + footer JSON, then the footer's offset (8 bytes).

Chunks are compressed with zstd where Python has it (3.14's `compression.zstd`: six times quicker
to write than zlib and two and a half times quicker to read, a little smaller), else with zlib;
either is read back.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
import json
import struct
from typing import IO, Any
import zlib
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

try:
    from compression import zstd
except ImportError:  # (a Python built without libzstd)
    zstd = None  # type: ignore[assignment]

from .recorded import Rows

MAGIC = b"AI-AUTOMATION-KEPT-DAY\n"
FORMAT = 2  # raised whenever the file or what a kept row means changes
_LENGTH = struct.Struct("<Q")
_DTYPES = (np.int64, np.int32, np.int32, np.int64, np.bool_)  # (times as their bits)
_LEVEL = 1  # the quickest: the differences already make the bytes small
ZSTD, ZLIB = b"Z", b"C"  # each chunk's kind says how it is compressed
_WRITTEN = ZSTD if zstd is not None else ZLIB  # how chunks are written here


class KeptFileError(ValueError):
    """A kept day's file is not one this version wrote whole."""


def local_midnights(start: float, end: float, time_zone: str) -> list[float]:
    """Return the local midnights strictly inside (start, end), as UTC seconds, in order."""
    zone = ZoneInfo(time_zone)
    day = datetime.fromtimestamp(start, zone).date() + timedelta(days=1)
    found = []
    while (moment := datetime(day.year, day.month, day.day, tzinfo=zone).timestamp()) < end:
        if moment > start:
            found.append(moment)
        day += timedelta(days=1)
    return found


def day_start(moment: float, time_zone: str) -> float:
    """Return the local midnight at or before `moment` (UTC seconds)."""
    zone = ZoneInfo(time_zone)
    day = datetime.fromtimestamp(moment, zone).date()
    return datetime(day.year, day.month, day.day, tzinfo=zone).timestamp()


def _shuffled(data: npt.NDArray[Any]) -> bytes:
    """Return the array's bytes grouped by significance (the high bytes of small numbers: 0)."""
    width = data.dtype.itemsize
    return data.view(np.uint8).reshape(-1, width).T.tobytes() if width > 1 else data.tobytes()


def _unshuffled(raw: bytes, dtype: Any, count: int) -> npt.NDArray[Any]:
    """Undo `_shuffled`."""
    width = np.dtype(dtype).itemsize
    grouped = np.frombuffer(raw, np.uint8).reshape(width, count)
    # (a byte at a time into its place: twice as quick as numpy's copy of the transposed view)
    bytes_ = np.empty((count, width), np.uint8)
    for significance in range(width):
        bytes_[:, significance] = grouped[significance]
    result: npt.NDArray[Any] = bytes_.view(dtype).reshape(count)
    return result


def encode_chunk(rows: Rows, kind: bytes) -> bytes:
    """Return one chunk's bytes: the rows in time order, differences, bytes regrouped."""
    order = np.lexsort((rows[0], rows[3]))
    state_id, metadata_id, state, when, person = (column[order] for column in rows)
    # A float's bits, read as an integer, grow with it: the differences of sorted times are small.
    parts = (
        np.diff(state_id.astype(np.int64), prepend=np.int64(0)),
        metadata_id.astype(np.int32),
        state.astype(np.int32),
        np.diff(when.astype(np.float64).view(np.int64), prepend=np.int64(0)),
        person.astype(np.bool_),
    )
    body = b"".join(_shuffled(np.ascontiguousarray(part)) for part in parts)
    packed = zstd.compress(body, _LEVEL) if kind == ZSTD else zlib.compress(body, _LEVEL)
    return _LENGTH.pack(len(state_id)) + packed


def decode_chunk(kind: bytes, data: bytes) -> Rows:
    """Return the rows `encode_chunk` wrote (in time order)."""
    (count,) = _LENGTH.unpack_from(data)
    if kind == ZSTD:
        if zstd is None:
            raise KeptFileError("a chunk compressed with zstd, which this Python lacks")
        try:
            body = zstd.decompress(data[_LENGTH.size :])
        except zstd.ZstdError as err:
            raise KeptFileError(f"a chunk that does not decompress ({err})") from err
    else:
        body = zlib.decompress(data[_LENGTH.size :])
    columns: list[npt.NDArray[Any]] = []
    offset = 0
    for dtype in _DTYPES:
        size = np.dtype(dtype).itemsize * count
        columns.append(_unshuffled(body[offset : offset + size], dtype, count))
        offset += size
    if offset != len(body):
        raise KeptFileError("a chunk's columns do not fill it")
    columns[0] = np.cumsum(columns[0])
    columns[3] = np.cumsum(columns[3]).view(np.float64)
    return tuple(columns)


def append_chunk(target: IO[bytes], rows: Rows, kind: bytes = _WRITTEN) -> None:
    """Append one chunk of rows to an open day file (compressed as `kind`, or the best here)."""
    data = encode_chunk(rows, kind)
    target.write(kind + _LENGTH.pack(len(data)) + data)


def write_footer(target: IO[bytes], footer: dict[str, Any]) -> None:
    """Close a day file with what its numbers stand for (`values`, `entities`) and its facts."""
    offset = target.tell()
    data = json.dumps(footer, separators=(",", ":")).encode()
    target.write(b"F" + _LENGTH.pack(len(data)) + data + _LENGTH.pack(offset))


def read_footer(source: IO[bytes]) -> dict[str, Any]:
    """Return a day file's footer (the chunks are not read)."""
    source.seek(0)
    if source.read(len(MAGIC)) != MAGIC:
        raise KeptFileError("not a kept day's file")
    size = source.seek(0, 2)
    source.seek(size - _LENGTH.size)
    (offset,) = _LENGTH.unpack(source.read(_LENGTH.size))
    if not len(MAGIC) <= offset <= size - 2 * _LENGTH.size - 1:
        raise KeptFileError("a kept day's file without its footer")
    source.seek(offset)
    kind, length = source.read(1), _LENGTH.unpack(source.read(_LENGTH.size))[0]
    if kind != b"F" or offset + 1 + 2 * _LENGTH.size + length != size:
        raise KeptFileError("a kept day's file without its footer")
    footer = json.loads(source.read(length))
    if not isinstance(footer, dict) or not isinstance(footer.get("values"), list):
        raise KeptFileError("a kept day's footer without its values")
    return footer


def read_chunks(source: IO[bytes]) -> Iterator[Rows]:
    """Yield a day file's chunks of rows (state numbers as in its footer's `values`)."""
    source.seek(len(MAGIC))
    while (kind := source.read(1)) in {ZSTD, ZLIB}:
        (length,) = _LENGTH.unpack(source.read(_LENGTH.size))
        yield decode_chunk(kind, source.read(length))
    if kind != b"F":
        raise KeptFileError("a kept day's file cut short")
