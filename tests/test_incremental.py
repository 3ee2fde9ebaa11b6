"""The daily analysis reads only what is new, and gives exactly what a full read gives.

Generated homes (every kind of pattern, each place's DST change) are written into the recorder's
tables day by day; after each day the history the detectors get is built twice, by a full read
and from the days kept since the last run plus what is new, and must be identical, bit for bit.
In the middle a restart, a purge, `recorder.purge_entities`, a renamed entity, a new time zone
and a new lookback each throw the kept days away: the log says so once, the result stays equal.

`scripts/test` runs this module on SQLite, MariaDB and PostgreSQL.
"""

from dataclasses import replace
from datetime import timedelta
import logging
import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from unittest.mock import patch

import pytest
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)

from custom_components.ai_automation.analysis.run import async_analyse
from custom_components.ai_automation.settings import Settings
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.recorder import get_instance

from .kept_reads import assert_same, histories
from .real_homes import build_real
from .recorder_rows import TOOL_USER, write_changes, write_start

THROWN_AWAY = "reads the whole lookback again"
FIRST_RUN_DAY = 15  # the first analysis, 03:30 local on the home's 16th day


async def _home_day_by_day(  # noqa: PLR0915 (one story, told in order)
    hass: HomeAssistant,
    freezer: Any,
    caplog: pytest.LogCaptureFixture,
    place: int,
) -> None:
    """Add a generated home's days one by one; compare the two reads after each."""
    home = build_real(seed=3, place=place)
    await hass.config.async_update(time_zone=home.time_zone)
    instance = get_instance(hass)
    changes = list(home.changes)
    registry = er.async_get(hass)
    renamed = sorted({c.entity_id for c in changes if c.entity_id.startswith("light.")})[0]
    registry.async_get_or_create("light", "test", "renamed", suggested_object_id=renamed[6:])
    purged = sorted({c.entity_id for c in changes if c.entity_id.startswith("switch.")})[0]
    for entity_id in {c.entity_id for c in changes}:
        hass.states.async_set(entity_id, "off")
    await async_wait_recording_done(hass)  # (the recorder numbers the entities first)
    # A restart at 02:00 on the day that will be the oldest (cut by the lookback's start) next.
    began = (home.start + timedelta(days=FIRST_RUN_DAY - 13, hours=2)).timestamp()
    await instance.async_add_executor_job(write_start, instance, began, began + 40, began + 600)
    settings = Settings(lookback_days=14)
    automated = [TOOL_USER]
    written_until = home.start.timestamp() - 1
    for day in range(FIRST_RUN_DAY, home.days):
        now = home.start + timedelta(days=day, hours=3, minutes=30)
        expected = None  # why the kept days are thrown away this time (None: they are not)
        if day == FIRST_RUN_DAY + 2:  # Home Assistant restarted yesterday afternoon
            began = now.timestamp() - 12 * 3600
            await instance.async_add_executor_job(
                write_start, instance, began, began + 40, began + 3600
            )
        freezer.move_to(now)
        await instance.async_add_executor_job(
            write_changes, instance, changes, written_until, now.timestamp(), place
        )
        written_until = now.timestamp()
        if day == FIRST_RUN_DAY + 4:
            await hass.services.async_call("recorder", "purge", {"keep_days": 12}, blocking=True)
            expected = "purged or replaced"
        elif day == FIRST_RUN_DAY + 5:
            await hass.services.async_call(
                "recorder", "purge_entities", {"entity_id": purged, "keep_days": 5}, blocking=True
            )
            expected = "purged or replaced"
        elif day == FIRST_RUN_DAY + 6:
            new_id = f"{renamed}_renamed"
            registry.async_update_entity(renamed, new_entity_id=new_id)
            hass.states.async_remove(renamed)
            hass.states.async_set(new_id, "off")
            changes = [
                replace(c, entity_id=new_id) if c.entity_id == renamed else c for c in changes
            ]
            expected = "renamed"
        elif day == FIRST_RUN_DAY + 8:
            await hass.config.async_update(time_zone="Asia/Kolkata")
            expected = "time zone changed"
        elif day == FIRST_RUN_DAY + 9:
            settings = Settings(lookback_days=13)
            expected = "days of history to analyse changed"
        elif day == FIRST_RUN_DAY + 10:
            automated = []
            expected = "tool accounts changed"
        for _ in range(5):  # (a purge goes on in tasks of its own)
            await async_wait_recording_done(hass)
        caplog.clear()
        full, kept, kept_rows = await histories(hass, settings, automated)
        assert_same(full, kept)
        said = [r.getMessage() for r in caplog.records if THROWN_AWAY in r.getMessage()]
        if day == FIRST_RUN_DAY:
            assert (said, kept_rows) == ([], 0)  # nothing kept yet: no word about it
        elif expected is None:
            assert said == [], said
            assert kept_rows > 0.8 * len(full.when), (day, kept_rows, len(full.when))
        else:
            assert len(said) == 1, said
            assert expected in said[0]
            assert kept_rows == 0


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
@pytest.mark.parametrize("place", [0, 2])
async def test_kept_days_give_the_full_read(
    hass: HomeAssistant,
    freezer: Any,
    caplog: pytest.LogCaptureFixture,
    kept_days: Path,
    place: int,
) -> None:
    """Day by day, with a restart, purges, a rename and changed settings: identical histories."""
    caplog.set_level(logging.INFO)
    await _home_day_by_day(hass, freezer, caplog, place)
    assert any(name.endswith(".day") for name in os.listdir(kept_days))


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
async def test_kept_days_give_the_same_suggestions(
    hass: HomeAssistant, freezer: Any, tmp_path: Path
) -> None:
    """The whole analysis (detectors in their process) finds the same from kept days."""
    home = build_real(seed=5, place=4)
    await hass.config.async_update(time_zone=home.time_zone)
    instance = get_instance(hass)
    for entity_id in {c.entity_id for c in home.changes}:
        hass.states.async_set(entity_id, "off")
    await async_wait_recording_done(hass)  # (the recorder numbers the entities first)
    settings = Settings(lookback_days=14, automated_users=(TOOL_USER,))
    devices = SimpleNamespace(devices={})
    written_until = home.start.timestamp() - 1
    for day in (FIRST_RUN_DAY, FIRST_RUN_DAY + 1, FIRST_RUN_DAY + 2):
        now = home.start + timedelta(days=day, hours=3, minutes=30)
        freezer.move_to(now)
        await instance.async_add_executor_job(
            write_changes, instance, home.changes, written_until, now.timestamp(), 4
        )
        written_until = now.timestamp()
        await async_wait_recording_done(hass)
        kept = await async_analyse(hass, settings, devices)  # type: ignore[arg-type]
        with patch(
            "custom_components.ai_automation.analysis.kept_days.kept_days_folder",
            return_value=tmp_path / f"nothing_kept_{day}",
        ):
            full = await async_analyse(hass, settings, devices)  # type: ignore[arg-type]
        assert kept.suggestions == full.suggestions
        assert (kept.habits, kept.sequences, kept.events_analysed, kept.history_days) == (
            full.habits,
            full.sequences,
            full.events_analysed,
            full.history_days,
        )
        assert full.extra["kept_rows"] == 0
        if day > FIRST_RUN_DAY:
            assert kept.extra["kept_rows"] > 0.8 * kept.events_analysed
    assert len(full.suggestions) >= 5  # (a home with patterns: something to compare)
