"""Accepting never loses an automation: not to the automation editor, not to another accept."""

import asyncio
from collections.abc import Callable
from http import HTTPStatus
from pathlib import Path
import threading
from typing import Any
from unittest.mock import patch

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from homeassistant.components.config import view as editor_module
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import entity_registry as er
from homeassistant.setup import async_setup_component
from homeassistant.util.file import write_utf8_file_atomic
from homeassistant.util.yaml import dump, load_yaml

from ...conftest import run_analysis
from ...daily_run import SUGGESTION, analysis_finding, analysis_result as _result
from .automation_editor import EDITOR_ID, Editor
from .user_automations import (
    LARGE,
    OTHER,
    UNUSED,
    accept as _accept,
    assert_all_there as _assert_all_there,
    automation_ids as _automation_ids,
    automations_text as _text,
    status as _status,
    user_automation as _user_automation,
)

pytestmark = [pytest.mark.usefixtures("with_automations")]

WAIT = 30  # seconds: only reached when the race never happens, which fails the test


def _until(*events: threading.Event) -> None:
    """Block this (executor) thread until one of `events` is set."""
    for _ in range(WAIT * 100):
        if any(event.is_set() for event in events):
            return
        events[0].wait(0.01)
    raise AssertionError("the race did not happen")


def _reading_automations_yaml_runs(during: Callable[[], None]) -> Callable[..., Any]:
    """Return a YAML reader for our module that runs `during` right after it read the file."""
    done: list[bool] = []

    def read(path: str, *args: Any) -> Any:
        data = load_yaml(path, *args)
        if not done and path.endswith("automations.yaml"):
            done.append(True)
            during()
        return data

    return read


async def test_editor_save_between_accepts_read_and_write_is_kept(
    hass: HomeAssistant, entry: MockConfigEntry, editor: Editor
) -> None:
    """The editor saves while accepting has read automations.yaml: both automations stay."""
    posted: list[asyncio.Future[HTTPStatus]] = []

    def editor_saves() -> None:
        posted.append(asyncio.run_coroutine_threadsafe(editor.save(), hass.loop))
        _until(editor.saved, editor.lock.editor_waits)  # saved, or waiting for its turn

    reader = _reading_automations_yaml_runs(editor_saves)
    with patch("custom_components.ai_automation.suggestions.automation_file.load_yaml", reader):
        await _accept(hass, SUGGESTION.id)
    assert await asyncio.wrap_future(posted[0]) == HTTPStatus.OK
    await hass.async_block_till_done()  # the editor's reload after its save

    await _assert_all_there(hass, EDITOR_ID, f"ai_automation_{SUGGESTION.id}")
    assert _status(entry, SUGGESTION.id) == "accepted"


async def test_accept_while_the_editor_saves_is_kept(
    hass: HomeAssistant, entry: MockConfigEntry, editor: Editor
) -> None:
    """An accept while the editor has read automations.yaml: the editor's save keeps it."""
    accepted: list[asyncio.Future[None]] = []
    done = threading.Event()

    async def accept() -> None:
        try:
            await _accept(hass, SUGGESTION.id)
        finally:
            done.set()

    def accept_runs() -> None:
        accepted.append(asyncio.run_coroutine_threadsafe(accept(), hass.loop))
        _until(done, editor.lock.other_waits)  # accepted, or waiting for the editor to finish

    editor_read = editor_module._read

    def read(path: str) -> Any:
        data = editor_read(path)
        if not accepted:
            accept_runs()
        return data

    with patch.object(editor_module, "_read", read):
        assert await editor.save() == HTTPStatus.OK
        await asyncio.wrap_future(accepted[0])
    await hass.async_block_till_done()

    await _assert_all_there(hass, EDITOR_ID, f"ai_automation_{SUGGESTION.id}")
    assert _status(entry, SUGGESTION.id) == "accepted"


async def test_two_accepts_at_once_keep_both(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Two people accept at the same moment: both automations are there and run."""
    await asyncio.gather(_accept(hass, SUGGESTION.id), _accept(hass, OTHER.id))

    await _assert_all_there(hass, f"ai_automation_{SUGGESTION.id}", f"ai_automation_{OTHER.id}")
    assert (_status(entry, SUGGESTION.id), _status(entry, OTHER.id)) == ("accepted", "accepted")
    assert (await _text(hass)).startswith(LARGE)  # the user's text as written, comments too


async def test_a_suggestion_withdrawn_during_accept_adds_nothing(
    hass: HomeAssistant, entry: MockConfigEntry
) -> None:
    """An analysis withdraws the suggestion while it is accepted: a clear error, nothing added."""
    written = asyncio.Event()
    go_on = threading.Event()

    def write_and_wait(path: str, text: str) -> None:
        write_utf8_file_atomic(path, text)
        if not written.is_set():
            hass.loop.call_soon_threadsafe(written.set)
            go_on.wait(WAIT)

    with patch(
        "custom_components.ai_automation.suggestions.automation_file.write_utf8_file_atomic",
        write_and_wait,
    ):
        accept = hass.async_create_task(_accept(hass, UNUSED.id))
        await written.wait()
        # The next run no longer finds the unused capability: it withdraws the suggestion.
        with analysis_finding(_result([SUGGESTION, OTHER])):
            await run_analysis(hass)
        go_on.set()
        with pytest.raises(HomeAssistantError, match="withdrawn by an analysis"):
            await accept

    assert await _text(hass) == LARGE
    await _assert_all_there(hass)
    assert _status(entry, UNUSED.id) is None  # withdrawn, as the analysis decided
    automation_id = f"ai_automation_{UNUSED.id}"
    assert er.async_get(hass).async_get_entity_id("automation", "automation", automation_id) is None


async def test_a_file_that_keeps_changing_is_never_overwritten(
    hass: HomeAssistant, entry: MockConfigEntry
) -> None:
    """Another program writes automations.yaml every time we read it: we give up, it keeps all."""
    path = Path(hass.config.path("automations.yaml"))
    appended: list[str] = []

    def other_program_writes() -> None:
        appended.append(f"tool_{len(appended)}")
        with path.open("a") as file:
            file.write(dump([{**_user_automation(0), "id": appended[-1]}]))

    def read(path: str, *args: Any) -> Any:
        data = load_yaml(path, *args)
        other_program_writes()
        return data

    with (
        patch("custom_components.ai_automation.suggestions.automation_file.load_yaml", read),
        pytest.raises(HomeAssistantError, match="kept changing while the automation"),
    ):
        await _accept(hass, SUGGESTION.id)

    assert len(appended) > 1  # it read again each time
    assert await _text(hass) == LARGE + "".join(
        dump([{**_user_automation(0), "id": tool}]) for tool in appended
    )
    assert _status(entry, SUGGESTION.id) == "new"


@pytest.mark.parametrize("automations_yaml", ["[]\n"])
async def test_without_the_editors_lock_accepting_still_works_and_says_so_once(
    hass: HomeAssistant, entry: MockConfigEntry, caplog: pytest.LogCaptureFixture
) -> None:
    """Should HA hide the editor's lock, accepting re-reads the file instead; logged once."""
    assert await async_setup_component(hass, "config", {})
    with patch(
        "custom_components.ai_automation.suggestions.automation_file.EDITOR_URL", "/elsewhere"
    ):
        await asyncio.gather(_accept(hass, SUGGESTION.id), _accept(hass, OTHER.id))

    assert sorted(await _automation_ids(hass)) == [
        f"ai_automation_{SUGGESTION.id}",
        f"ai_automation_{OTHER.id}",
    ]
    warnings = [r for r in caplog.records if "automation editor's lock" in r.getMessage()]
    assert len(warnings) == 1
