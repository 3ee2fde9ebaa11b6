"""The stored suggestions: compacted as they are decided, and read leniently when hand-edited."""

from datetime import UTC, datetime, timedelta
import json
import logging
from typing import Any

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import MqttMockHAClient

from custom_components.ai_automation.engine.suggestions.suggestion import Suggestion
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant

from .conftest import run_analysis, setup_integration
from .daily_run import SUGGESTION_LIST, analysis_finding, analysis_result as _result
from .suggestion_year import a_year_of_suggestions, suggestion

KEY = "ai_automation.suggestions"
END = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)
LOGGER = "custom_components.ai_automation.suggestions.store"


def _stored(data: Any, version: int = 1) -> dict[str, Any]:
    return {"version": version, "minor_version": 1, "key": KEY, "data": data}


def _found(stored: dict[str, Any], score: float, suggestion_id: str | None = None) -> Suggestion:
    """Return what the analysis finds again: like `stored`, with evidence of `score`."""
    return Suggestion(
        id=suggestion_id or stored["id"],
        kind=stored["kind"],
        title=stored["title"],
        description=stored["description"],
        automation=stored["automation"],
        evidence={**stored["evidence"], "score": score},
        entities=tuple(stored["entities"]),
    )


async def test_a_year_of_suggestions_is_compacted_and_learning_still_holds(
    freezer: FrozenDateTimeFactory,
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    config_entry: MockConfigEntry,
) -> None:
    """Decided suggestions shrink to what learning needs; they still hold back what they should."""
    freezer.move_to(END)
    year = a_year_of_suggestions(END)
    dismissed = suggestion(900001, END - timedelta(days=1), "dismissed", "light.kitchen")
    cleared = suggestion(900002, END - timedelta(days=2), "accepted", "light.hall")
    cleared["cleared"] = True
    year |= {dismissed["id"]: dismissed, cleared["id"]: cleared}
    hass_storage[KEY] = _stored({"suggestions": year, "last_run": {}, "recent_runs": []})
    before = len(json.dumps(hass_storage[KEY]))
    open_ = [s for s in year.values() if s["status"] == "new"]

    await setup_integration(hass, config_entry)
    found = [
        _found(dismissed, 0.99 * 1.5 * dismissed["score_when_handled"], "like_the_dismissed"),
        _found(dismissed, 2.0),  # the dismissed one itself, however strong
        _found(cleared, 2.0),  # the accepted one, cleared from the list: the automation exists
    ]
    with analysis_finding(_result(found)):
        summary = await run_analysis(hass)

    assert summary["suggestions_generated"] == 0
    assert hass.states.get(SUGGESTION_LIST).state == str(len(open_))
    after = len(json.dumps(hass_storage[KEY]))
    assert after < before / 10
    stored = hass_storage[KEY]["data"]["suggestions"]
    assert stored.keys() == year.keys()  # every decision is remembered
    assert stored[dismissed["id"]]["status"] == "dismissed"
    assert stored[dismissed["id"]]["automation"] is None
    assert stored[cleared["id"]]["evidence"] == {"score": 2.0, "state": "on"}  # as found now
    assert all(stored[s["id"]] == s for s in open_)  # open ones keep all they show

    # Clearly stronger evidence still gets past the dismissal.
    with analysis_finding(_result([_found(dismissed, 2.0, "clearly_stronger")])):
        assert (await run_analysis(hass))["suggestions_generated"] == 1


GOOD = suggestion(1, END, "new", "light.kitchen")
OTHER = suggestion(2, END, "new", "light.hall")


@pytest.mark.parametrize(
    ("stored", "kept"),
    [
        (_stored([GOOD, OTHER]), 0),
        (_stored({"suggestions": [GOOD, OTHER]}), 2),
        (_stored({"suggestions": {"s000001": GOOD, "x": {"status": "new", "title": "x"}}}), 1),
        (
            _stored(
                {
                    "suggestions": {
                        "s000001": GOOD | {"handled_at": 5, "evidence": "big"},
                        "s000002": OTHER | {"entities": "light.hall"},
                        "s000003": "not a suggestion",
                    },
                    "last_run": ["not", "a", "run"],
                    "recent_runs": "none",
                }
            ),
            1,
        ),
        (_stored({"suggestions": {"s000001": GOOD, "s000002": OTHER}, "extra": 1}, 2), 2),
    ],
    ids=["list", "suggestions-as-list", "missing-keys", "wrong-types", "future-version"],
)
async def test_a_store_of_the_wrong_shape_keeps_what_is_readable(
    mqtt_ready: MqttMockHAClient,
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    config_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
    stored: dict[str, Any],
    kept: int,
) -> None:
    """Set-up succeeds, one log line says what was left out, the readable suggestions stay."""
    hass_storage[KEY] = stored
    await setup_integration(hass, config_entry)

    assert config_entry.state is ConfigEntryState.LOADED
    lines = [r for r in caplog.records if r.name == LOGGER and r.levelno >= logging.WARNING]
    assert len(lines) == 1
    assert "Reading the stored suggestions" in lines[0].getMessage()
    assert f"keeping the {kept} that could be read" in lines[0].getMessage()
    assert hass.states.get(SUGGESTION_LIST).state == str(kept)
    with analysis_finding(_result([])):
        assert (await run_analysis(hass))["success"] is True
    assert len(hass_storage[KEY]["data"]["suggestions"]) == kept
    assert hass_storage[KEY]["version"] == 1
