"""The daily analysis reads only what is new, and gives exactly what a full read gives.

Generated homes (every kind of pattern, each place's DST change) are written into the recorder's
tables day by day; after each day the history the detectors get is built twice, by a full read
and from the days kept since the last run plus what is new, and must be identical, bit for bit
(`kept_story.py`). Restarts and a DST change leave the kept days in use; a renamed entity, a new
time zone, a new lookback and new tool accounts each throw them away: the log says so once, the
result stays equal. (Purges: test_incremental_purge.py.)

`scripts/test` runs this module on SQLite, MariaDB and PostgreSQL.
"""

from dataclasses import replace
from datetime import timedelta
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

from .kept_reads import recorded_home
from .kept_story import FIRST_RUN_DAY, Story, begin, restart, run_days
from .recorder_rows import TOOL_USER, write_changes

PLACES = [0, 2]  # Berlin (its DST change on the home's 20th day) and Sydney
DST_DAY = 20  # Berlin's clocks go back on the night of the home's 20th day (2026-10-25)


async def _restarted(story: Story) -> None:
    await restart(story)


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
@pytest.mark.parametrize("place", PLACES)
async def test_restarts(
    hass: HomeAssistant, freezer: Any, caplog: pytest.LogCaptureFixture, kept_days: Path, place: int
) -> None:
    """A start on the day the lookback cuts, another yesterday afternoon: the kept days serve."""
    story = await begin(hass, freezer, caplog, place)
    await run_days(story, FIRST_RUN_DAY, FIRST_RUN_DAY + 3, {FIRST_RUN_DAY + 2: _restarted})
    assert any(name.endswith(".day") for name in os.listdir(kept_days))


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
@pytest.mark.parametrize("place", PLACES)
async def test_a_dst_change(
    hass: HomeAssistant, freezer: Any, caplog: pytest.LogCaptureFixture, place: int
) -> None:
    """The day the clocks change is kept (25 hours in Berlin) and read back as a full read does."""
    story = await begin(hass, freezer, caplog, place, first=DST_DAY - 1)
    await run_days(story, DST_DAY - 1, DST_DAY + 2, {})


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
@pytest.mark.parametrize("place", PLACES)
async def test_a_renamed_entity(
    hass: HomeAssistant, freezer: Any, caplog: pytest.LogCaptureFixture, place: int
) -> None:
    """An entity renamed since the days were kept: thrown away, said once; then kept again."""
    story = await begin(hass, freezer, caplog, place, registered="light.")
    renamed = story.entity("light.")
    registry = er.async_get(hass)

    async def rename(story: Story) -> str:
        new_id = f"{renamed}_renamed"
        registry.async_update_entity(renamed, new_entity_id=new_id)
        hass.states.async_remove(renamed)
        hass.states.async_set(new_id, "off")
        story.changes = [
            replace(c, entity_id=new_id) if c.entity_id == renamed else c for c in story.changes
        ]
        return "renamed"

    await run_days(story, FIRST_RUN_DAY, FIRST_RUN_DAY + 2, {FIRST_RUN_DAY + 1: rename})


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
@pytest.mark.parametrize("place", PLACES)
async def test_changed_settings(
    hass: HomeAssistant, freezer: Any, caplog: pytest.LogCaptureFixture, place: int
) -> None:
    """A new time zone, lookback or tool accounts: thrown away, said once each; then kept again."""
    story = await begin(hass, freezer, caplog, place)

    async def time_zone(story: Story) -> str:
        await story.hass.config.async_update(time_zone="Asia/Kolkata")
        return "time zone changed"

    async def lookback(story: Story) -> str:
        story.settings = Settings(lookback_days=13)
        return "days of history to analyse changed"

    async def tools(story: Story) -> str:
        story.automated = []
        return "tool accounts changed"

    acts = {FIRST_RUN_DAY + 1: time_zone, FIRST_RUN_DAY + 2: lookback, FIRST_RUN_DAY + 3: tools}
    await run_days(story, FIRST_RUN_DAY, FIRST_RUN_DAY + 4, acts)


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
async def test_kept_days_give_the_same_suggestions(
    hass: HomeAssistant, freezer: Any, tmp_path: Path
) -> None:
    """The whole analysis (detectors in their process) finds the same from kept days."""
    home = await recorded_home(hass, seed=5, place=4)
    instance = get_instance(hass)
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
        assert full.events_kept == 0
        if day > FIRST_RUN_DAY:
            assert 0.8 * kept.events_analysed < kept.events_kept < kept.events_analysed
    assert len(full.suggestions) >= 5  # (a home with patterns: something to compare)
