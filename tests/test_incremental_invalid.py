"""Kept days that cannot be trusted are thrown away: said once, and the result is a full read's.

(A rename and changed settings are in test_incremental.py, purges in test_incremental_purge.py;
here: another database, another format, broken files, rows the recorder wrote late.)
"""

from collections.abc import Callable
import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.ai_automation.engine.history.arrays import Change
from custom_components.ai_automation.recorder_reader.incremental import KeptDaysError
from custom_components.ai_automation.settings import Settings
from homeassistant.core import HomeAssistant
from homeassistant.helpers.recorder import get_instance
from homeassistant.util import dt as dt_util

from .kept_reads import assert_same, block_the_next_day_file, histories, spoil_a_kept_day, two_days
from .kept_story import FIRST_RUN_DAY, Story, begin, run_days
from .recorder_rows import TOOL_USER, write_changes

THROWN_AWAY = "reads the whole lookback again"
SETTINGS = Settings(lookback_days=14)


async def _two_days(hass: HomeAssistant, freezer: Any) -> None:
    """Write a home's first 16 days, read once (days kept), then add a day."""
    await two_days(hass, freezer, lambda: histories(hass, SETTINGS, [TOOL_USER]))


def _another_format(kept: Path) -> None:
    manifest = json.loads((kept / "manifest.json").read_text())
    (kept / "manifest.json").write_text(json.dumps(manifest | {"format": 0}))


def _cut_short(kept: Path) -> None:
    day = sorted(kept.glob("*.day"))[-1]
    day.write_bytes(day.read_bytes()[:-20])


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
@pytest.mark.parametrize(
    ("spoil", "said"),
    [
        (_another_format, "kept in another format"),
        (_cut_short, "a kept day's file cannot be read"),
    ],
)
async def test_kept_days_not_trusted(
    hass: HomeAssistant,
    freezer: Any,
    caplog: pytest.LogCaptureFixture,
    kept_days: Path,
    spoil: Callable[[Path], None],
    said: str,
) -> None:
    """Another format or a file cut short: the whole lookback is read, said once."""
    caplog.set_level(logging.INFO)
    await _two_days(hass, freezer)
    await hass.async_add_executor_job(spoil, kept_days)
    caplog.clear()
    full, kept, kept_changes = await histories(hass, SETTINGS, [TOOL_USER])
    assert_same(full, kept)
    lines = [r.getMessage() for r in caplog.records if THROWN_AWAY in r.getMessage()]
    assert len(lines) == 1
    assert said in lines[0]
    assert kept_changes == 0


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
async def test_another_database(
    hass: HomeAssistant, freezer: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """Days kept from another recorder database are not used, said once."""
    caplog.set_level(logging.INFO)
    await _two_days(hass, freezer)
    caplog.clear()
    with patch.object(get_instance(hass), "db_url", "sqlite:////elsewhere/home.db"):
        full, kept, kept_changes = await histories(hass, SETTINGS, [TOOL_USER])
    assert_same(full, kept)
    lines = [r.getMessage() for r in caplog.records if THROWN_AWAY in r.getMessage()]
    assert len(lines) == 1
    assert "database changed" in lines[0]
    assert kept_changes == 0


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
async def test_a_new_database_password(hass: HomeAssistant, freezer: Any, kept_days: Path) -> None:
    """The same database with a new password: the kept days are still used, the password unkept."""
    address = "mysql://homeassistant:{}@core-mariadb/homeassistant?charset=utf8mb4"
    with patch.object(get_instance(hass), "db_url", address.format("first-Secret")):
        await _two_days(hass, freezer)
    with patch.object(get_instance(hass), "db_url", address.format("second-Secret")):
        full, kept, kept_changes = await histories(hass, SETTINGS, [TOOL_USER])
    assert_same(full, kept)
    assert kept_changes > 0
    manifest = await hass.async_add_executor_job((kept_days / "manifest.json").read_text)
    for secret in ("first-Secret", "second-Secret"):
        assert secret not in manifest
        assert hashlib.sha256(address.format(secret).encode()).hexdigest() not in manifest


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
async def test_a_file_breaking_while_read(
    hass: HomeAssistant, freezer: Any, kept_days: Path
) -> None:
    """A day's file broken inside fails that run with a clear error; the next reads in full."""
    await _two_days(hass, freezer)

    await hass.async_add_executor_job(spoil_a_kept_day, kept_days)
    with pytest.raises(KeptDaysError, match="the next analysis reads the whole lookback"):
        await histories(hass, SETTINGS, [TOOL_USER])
    full, kept, kept_changes = await histories(hass, SETTINGS, [TOOL_USER])
    assert_same(full, kept)
    assert kept_changes == 0


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
async def test_rows_written_late(
    hass: HomeAssistant, freezer: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """Rows recorded for a kept day after it was kept (a queue written late): thrown away."""
    story = await begin(hass, freezer, caplog, 1)
    late = story.entity("light.")

    async def write_late(story: Story) -> str:
        # (after a database outage the recorder writes its queue with the rows' own times)
        noon = story.day(FIRST_RUN_DAY - 3).timestamp() + 8.5 * 3600
        rows = [Change(late, state, noon + 60 * n, True) for n, state in enumerate(("on", "off"))]
        instance = get_instance(hass)
        await instance.async_add_executor_job(
            write_changes, instance, rows, noon, noon + 3600, story.place
        )
        return "written late"

    await run_days(story, FIRST_RUN_DAY, FIRST_RUN_DAY + 2, {FIRST_RUN_DAY + 1: write_late})


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
async def test_removing_the_integration_removes_its_kept_days(
    hass: HomeAssistant, freezer: Any, loaded_entry: MockConfigEntry, kept_days: Path
) -> None:
    """Deleting AI Automation deletes the days its analysis kept in `.storage`."""
    await _two_days(hass, freezer)
    assert any(name.endswith(".day") for name in os.listdir(kept_days))
    await hass.config_entries.async_remove(loaded_entry.entry_id)
    await hass.async_block_till_done()
    assert not await hass.async_add_executor_job(kept_days.exists)


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
async def test_no_days_kept_through_the_history_api(
    hass: HomeAssistant, freezer: Any, kept_days: Path
) -> None:
    """A schema read through Home Assistant's history API (untested): nothing is kept."""
    with patch.object(get_instance(hass), "schema_version", 54):
        await _two_days(hass, freezer)
        _, _, kept_changes = await histories(hass, SETTINGS, [TOOL_USER])
    assert kept_changes == 0
    assert not await hass.async_add_executor_job(kept_days.exists)


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
async def test_new_days_that_cannot_be_written(
    hass: HomeAssistant, freezer: Any, caplog: pytest.LogCaptureFixture, kept_days: Path
) -> None:
    """Read in Home Assistant's process: the history is whole, the log says why, once."""
    await _two_days(hass, freezer)
    before = (kept_days / "manifest.json").read_bytes()
    await hass.async_add_executor_job(
        block_the_next_day_file, kept_days, dt_util.utcnow().timestamp()
    )
    caplog.clear()
    full, kept, kept_changes = await histories(hass, SETTINGS, [TOOL_USER])
    assert_same(full, kept)
    assert kept_changes > 0
    lines = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(lines) == 1, lines
    assert "Could not keep the analysed days for the next analysis" in lines[0]
    assert (kept_days / "manifest.json").read_bytes() == before
