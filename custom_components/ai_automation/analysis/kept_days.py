"""The analysed days kept between runs: a folder of our own under `.storage`.

`manifest.json` says what is kept and for which database, time zone, lookback and tool accounts
(`recorder_reader/incremental.py` decides whether it can be trusted); one file per past local day
holds its rows (`engine/history/kept.py`). Everything here runs in the recorder's executor, never
on the event loop. A new day's file counts only once the manifest naming it is written (renamed
into place whole); files no manifest names are removed then.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime
import hashlib
import json
import logging
import os
from pathlib import Path
import shutil
from typing import IO, Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from homeassistant.components.recorder.core import Recorder
from homeassistant.core import HomeAssistant

from ..engine.history.kept_rows import NEW, NewDays
from ..recorder_reader.fallback import history_reader
from ..recorder_reader.incremental import IncrementalReader
from ..recorder_reader.tables import HistoryReader

_LOGGER = logging.getLogger(__name__)
FOLDER = "ai_automation.kept_days"
MANIFEST = "manifest.json"


class KeptDaysFolder:
    """The kept days in a folder: a manifest and one file per day."""

    def __init__(self, folder: Path) -> None:
        """Keep the days in `folder` (made when first written)."""
        self.folder = folder

    def load(self) -> dict[str, Any] | None:
        """Return the manifest (None: nothing kept yet, or it cannot be read: said in the log)."""
        path = self.folder / MANIFEST
        try:
            manifest = json.loads(path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as err:
            _LOGGER.info("The days kept from the last analysis cannot be read (%s): %s", path, err)
            return None
        return manifest if isinstance(manifest, dict) else None

    def open(self, name: str) -> IO[bytes]:
        """Open a kept day's file."""
        return (self.folder / name).open("rb")

    def path(self, name: str) -> Path:
        """Return where a kept day's file is."""
        return self.folder / name

    def new_days(self, bounds: list[float], stamp: str) -> NewDays:
        """Return where the days read now are written (each file NAME.new until committed)."""
        return NewDays(folder=str(self.folder), bounds=bounds, stamp=stamp)

    def commit(self, manifest: dict[str, Any]) -> None:
        """Put the new days and the manifest in place; remove what it does not name."""
        for new in self.folder.glob(f"*{NEW}"):
            new.replace(new.with_name(new.name.removesuffix(NEW)))
        written = self.folder / f"{MANIFEST}{NEW}"
        with written.open("wb") as target:
            # (dumps, not dump: dump encodes in Python, many times slower on the edges' lists)
            target.write(json.dumps(manifest, separators=(",", ":")).encode())
            target.flush()
            os.fsync(target.fileno())
        written.replace(self.folder / MANIFEST)
        named = {day["file"] for day in manifest["days"]} | {MANIFEST}
        for path in self.folder.iterdir():
            if path.name not in named:
                path.unlink(missing_ok=True)

    def forget(self) -> None:
        """Remove the manifest: nothing is kept any more."""
        (self.folder / MANIFEST).unlink(missing_ok=True)

    def discard(self) -> None:
        """Remove new days' files not committed."""
        if self.folder.is_dir():
            for new in self.folder.glob(f"*{NEW}"):
                try:
                    new.unlink(missing_ok=True)
                except OSError as err:  # (a folder of that name: nothing of ours)
                    _LOGGER.debug("Could not remove %s: %s", new, err)


def kept_days_folder(hass: HomeAssistant) -> Path:
    """Return where the kept days live."""
    return Path(hass.config.path(".storage", FOLDER))


def kept_days_summary(folder: Path) -> dict[str, Any]:
    """Say what is kept for the next analysis, for diagnostics (in an executor, not on the loop).

    Which days (UTC), how many rows and bytes, and what they were read for; never which database.
    """
    manifest = KeptDaysFolder(folder).load()
    if manifest is None:
        return {"days": 0}
    try:
        days, identity = manifest["days"], manifest["identity"]
        return {
            "format": manifest["format"],
            "days": len(days),
            "from": _utc(min(float(day["from"]) for day in days)) if days else None,
            "until": _utc(float(manifest["cut"])),
            "rows": sum(int(day["rows"]) for day in days),
            "bytes": sum(path.stat().st_size for path in folder.iterdir() if path.is_file()),
            "time_zone": identity["time_zone"],
            "lookback_days": identity["lookback_days"],
            "schema": identity["schema"],
        }
    except (KeyError, TypeError, ValueError, OSError) as err:
        return {"days": 0, "error": f"the manifest cannot be read: {type(err).__name__}: {err}"}


def _utc(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).isoformat()


def remove_kept_days(folder: Path) -> None:
    """Remove the kept days' folder and all in it (the integration is removed; off the loop)."""
    try:
        shutil.rmtree(folder)
    except FileNotFoundError:
        return
    except OSError as err:
        _LOGGER.warning("Could not remove the days kept for the analysis (%s): %s", folder, err)


def _database_digest(url: str) -> str:
    """Return what names the recorder's database, as a digest, without its password.

    The password is never written down, nor a digest of it: a new password for the same database
    keeps the kept days.
    """
    try:
        named = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:  # (not an address SQLAlchemy reads: the recorder could not use it)
        named = url
    return hashlib.sha256(named.encode()).hexdigest()


def incremental_history_reader(  # noqa: PLR0917 (as history_reader's)
    hass: HomeAssistant,
    instance: Recorder,
    entity_ids: Collection[str],
    person_entities: Collection[str],
    start: datetime,
    end: datetime,
    automated_users: Collection[str],
    lookback_days: int,
) -> HistoryReader:
    """Return a reader that reads only what is new, where the tables are read directly.

    Through Home Assistant's history API (an untested schema) the whole lookback is read.
    """
    reader = history_reader(
        hass, instance, entity_ids, person_entities, start, end, automated_users
    )
    if type(reader) is not HistoryReader:
        return reader
    identity = {
        "database": _database_digest(instance.db_url),
        "schema": instance.schema_version,
        "time_zone": hass.config.time_zone,
        "lookback_days": lookback_days,
        "tools": sorted(automated_users),
    }
    return IncrementalReader(
        instance,
        entity_ids,
        person_entities,
        start,
        end,
        hass.config.time_zone,
        automated_users,
        KeptDaysFolder(kept_days_folder(hass)),
        identity,
    )
