"""The detectors' process reads the kept days' files itself; a broken one fails only that run."""

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from unittest.mock import patch

import pytest

from custom_components.ai_automation.analysis.detector_process import DetectorProcessError
from custom_components.ai_automation.analysis.run import AnalysisResult, async_analyse
from custom_components.ai_automation.settings import Settings
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from .kept_reads import block_the_next_day_file, spoil_a_kept_day, two_days
from .recorder_rows import TOOL_USER

SETTINGS = Settings(lookback_days=14, automated_users=(TOOL_USER,))


def _new_files(folder: Path) -> list[str]:
    """Return the new days' files not named in the manifest (written, never committed)."""
    return sorted(path.name for path in folder.glob("*.new"))


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
    assert again.events_kept == 0
    assert (again.suggestions, again.events_analysed) == (full.suggestions, full.events_analysed)
    assert full.events_analysed > 0
    kept = await _analyse(hass)  # (the days are kept again)
    assert kept.events_kept > 0
    assert kept.suggestions == full.suggestions


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
async def test_new_days_the_detectors_process_cannot_write(
    hass: HomeAssistant, freezer: Any, kept_days: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The detectors' process writes the new days; if it cannot, the run still answers.

    The log says why once, what was kept before stays named and usable, no file is left half
    written, and the next run keeps the days again.
    """
    await two_days(hass, freezer, lambda: _analyse(hass))
    before = json.loads((kept_days / "manifest.json").read_text())
    blocker = await hass.async_add_executor_job(
        block_the_next_day_file, kept_days, dt_util.utcnow().timestamp()
    )

    caplog.clear()
    blocked = await _analyse(hass)
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith("Could not keep the analysed days for the next analysis:")
    assert "Is a directory" in warnings[0]
    assert json.loads((kept_days / "manifest.json").read_text()) == before
    assert await hass.async_add_executor_job(_new_files, kept_days) == [blocker.name]
    assert blocked.events_kept > 0  # (the days kept before served)

    await hass.async_add_executor_job(blocker.rmdir)
    again = await _analyse(hass)
    after = json.loads((kept_days / "manifest.json").read_text())
    assert after["days"][-1]["to"] == after["cut"] > before["cut"]
    assert again.suggestions == blocked.suggestions
    assert await hass.async_add_executor_job(_new_files, kept_days) == []
