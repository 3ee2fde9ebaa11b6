"""A generated home's days added one by one, read in full and from the kept days after each.

Each test tells one part of a home's life (a restart, a purge, a rename, changed settings...):
the first analysis reads the home's first 15 days, then each day's analysis reads the history
twice, in full and from the days kept since the last run plus what is new, and the two must be
identical, bit for bit. The log says once when the kept days are thrown away, never otherwise.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
import json
import logging
import math
from typing import Any

import numpy as np
import pytest
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)

from custom_components.ai_automation.analysis import kept_days
from custom_components.ai_automation.engine.history.arrays import Change
from custom_components.ai_automation.settings import Settings
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.recorder import get_instance
from homeassistant.util import dt as dt_util

from .kept_reads import assert_same, histories
from .real_homes import RealHome, build_real
from .recorder_rows import TOOL_USER, write_changes, write_start

THROWN_AWAY = "reads the whole lookback again"
FIRST_RUN_DAY = 15  # the first analysis, 03:30 local on the home's 16th day


@dataclass
class Story:
    """A home whose days are written into the recorder, and what its analysis is set to."""

    hass: HomeAssistant
    freezer: Any
    caplog: pytest.LogCaptureFixture
    home: RealHome
    place: int
    changes: list[Change]
    settings: Settings = field(default_factory=lambda: Settings(lookback_days=14))
    automated: list[str] = field(default_factory=lambda: [TOOL_USER])
    written_until: float = 0.0
    kept_changes: list[int] = field(default_factory=list)

    def day(self, day: int) -> datetime:
        """Return when the analysis runs on the home's `day` (03:30 local)."""
        return self.home.start + timedelta(days=day, hours=3, minutes=30)

    def entity(self, domain: str) -> str:
        """Return the home's first entity of a domain."""
        return sorted({c.entity_id for c in self.changes if c.entity_id.startswith(domain)})[0]


Act = Callable[[Story], Awaitable[str | None]]  # returns why the kept days go (None: they stay)


async def begin(
    hass: HomeAssistant,
    freezer: Any,
    caplog: pytest.LogCaptureFixture,
    place: int,
    first: int = FIRST_RUN_DAY,
    registered: str | None = None,
) -> Story:
    """Set up the home's entities, and a restart on the day the lookback cuts after `first`.

    `registered`: the domain (`light.`) whose first entity is also in the entity registry.
    """
    caplog.set_level(logging.INFO)
    home = build_real(seed=3, place=place)
    await hass.config.async_update(time_zone=home.time_zone)
    story = Story(hass, freezer, caplog, home, place, list(home.changes))
    story.written_until = home.start.timestamp() - 1
    if registered is not None:
        entity_id = story.entity(registered)
        er.async_get(hass).async_get_or_create(
            entity_id.split(".")[0],
            "test",
            entity_id,
            suggested_object_id=entity_id[len(registered) :],
        )
    for entity_id in {c.entity_id for c in story.changes}:
        hass.states.async_set(entity_id, "off")
    await async_wait_recording_done(hass)  # (the recorder numbers the entities first)
    # A restart at 02:00 on the day that will be the oldest (cut by the lookback's start) next.
    began = (home.start + timedelta(days=first - 13, hours=2)).timestamp()
    instance = get_instance(hass)
    await instance.async_add_executor_job(write_start, instance, began, began + 40, began + 600)
    return story


async def run_days(story: Story, first: int, last: int, acts: dict[int, Act]) -> None:
    """Run the analysis on each day in [first, last], each act on its day before the reads."""
    for day in range(first, last + 1):
        await run_day(story, day, acts.get(day), first=day == first)


async def run_day(story: Story, day: int, act: Act | None, *, first: bool = False) -> None:
    """Write the home's rows until the day's run, act, then compare the two reads."""
    hass = story.hass
    instance = get_instance(hass)
    now = story.day(day)
    story.freezer.move_to(now)
    await instance.async_add_executor_job(
        write_changes, instance, story.changes, story.written_until, now.timestamp(), story.place
    )
    story.written_until = now.timestamp()
    expected = None if act is None else await act(story)
    for _ in range(5):  # (a purge goes on in tasks of its own)
        await async_wait_recording_done(hass)
    story.caplog.clear()
    cut = await hass.async_add_executor_job(kept_until, hass)
    full, kept, kept_changes = await histories(hass, story.settings, story.automated)
    assert_same(full, kept)
    said = [r.getMessage() for r in story.caplog.records if THROWN_AWAY in r.getMessage()]
    story.kept_changes.append(kept_changes)
    if first:
        assert (said, kept_changes) == ([], 0)  # nothing kept yet: no word about it
    elif expected is None:
        assert said == [], said
        assert kept_changes > 0.8 * len(full.when), (day, kept_changes, len(full.when))
        # Exactly the changes before the kept days end (none purged since is counted).
        assert kept_changes == np.count_nonzero(full.when < cut), (day, kept_changes)
    else:
        assert len(said) == 1, said
        assert expected in said[0]
        assert kept_changes == 0


def kept_until(hass: HomeAssistant) -> float:
    """Return until when the last analysis kept its days (-inf: none are kept)."""
    manifest = kept_days.kept_days_folder(hass) / kept_days.MANIFEST
    return json.loads(manifest.read_text())["cut"] if manifest.exists() else -math.inf


async def restart(story: Story) -> None:
    """Write a Home Assistant start yesterday afternoon (12 hours before the run)."""
    instance = get_instance(story.hass)
    began = dt_util.utcnow().timestamp() - 12 * 3600
    await instance.async_add_executor_job(write_start, instance, began, began + 40, began + 3600)
