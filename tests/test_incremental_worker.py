"""The detectors' process reads the kept days' files itself; a broken one fails only that run."""

from pathlib import Path
from types import SimpleNamespace
from typing import Any
from unittest.mock import patch

import pytest

from custom_components.ai_automation.analysis.detector_process import DetectorProcessError
from custom_components.ai_automation.analysis.run import AnalysisResult, async_analyse
from custom_components.ai_automation.settings import Settings
from homeassistant.core import HomeAssistant

from .kept_reads import spoil_a_kept_day, two_days
from .recorder_rows import TOOL_USER

SETTINGS = Settings(lookback_days=14, automated_users=(TOOL_USER,))


async def _analyse(hass: HomeAssistant) -> AnalysisResult:
    return await async_analyse(hass, SETTINGS, SimpleNamespace(devices={}))  # type: ignore[arg-type]


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
async def test_a_kept_day_broken_in_the_detectors_process(
    hass: HomeAssistant, freezer: Any, kept_days: Path, tmp_path: Path
) -> None:
    """The run fails saying which file and what happens next; the next one reads in full."""
    await two_days(hass, freezer, lambda: _analyse(hass))

    await hass.async_add_executor_job(spoil_a_kept_day, kept_days)
    with pytest.raises(
        DetectorProcessError,
        match=r"a kept day's file could not be read .*; the next analysis reads the whole lookback",
    ):
        await _analyse(hass)
    again = await _analyse(hass)
    with patch(
        "custom_components.ai_automation.analysis.kept_days.kept_days_folder",
        return_value=tmp_path / "nothing_kept",
    ):
        full = await _analyse(hass)
    assert again.extra["kept_rows"] == 0
    assert (again.suggestions, again.events_analysed) == (full.suggestions, full.events_analysed)
    assert full.events_analysed > 0
    kept = await _analyse(hass)  # (the days are kept again)
    assert kept.extra["kept_rows"] > 0
    assert kept.suggestions == full.suggestions
