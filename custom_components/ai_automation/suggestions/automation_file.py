"""automations.yaml: add or take back one automation, losing nothing of the user's."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
import inspect
import logging
from pathlib import Path
from typing import Any

from homeassistant.config import AUTOMATION_CONFIG_PATH
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.util.file import write_utf8_file_atomic
from homeassistant.util.hass_dict import HassKey
from homeassistant.util.yaml import dump, load_yaml, parse_yaml

from ..const import DOMAIN

_LOGGER = logging.getLogger(__name__)

AUTOMATIONS_FILE = AUTOMATION_CONFIG_PATH  # where the automation editor keeps automations
# The automation editor's save/delete endpoint (homeassistant/components/config/automation.py).
EDITOR_URL = "/api/config/automation/config/{config_key}"
# Times the file may change under us (a text editor, a tool) before we give up.
ATTEMPTS = 5
_LOCK: HassKey[asyncio.Lock] = HassKey(f"{DOMAIN}_automations_file")
_EDITOR_MISSING_LOGGED: HassKey[bool] = HassKey(f"{DOMAIN}_automation_editor_lock_missing")


def editor_view(hass: HomeAssistant) -> Any | None:
    """Return the automation editor's view (it holds the editor's lock), if it is set up."""
    if (http := getattr(hass, "http", None)) is None:
        return None  # the http integration is not set up
    for route in http.app.router.routes():
        if route.method != "POST" or route.resource is None:
            continue
        if route.resource.canonical != EDITOR_URL:
            continue
        # HA wraps each view method in a closure that keeps the view (helpers/http.py).
        view = inspect.getclosurevars(route.handler).nonlocals.get("view")
        if isinstance(getattr(view, "mutation_lock", None), asyncio.Lock):
            return view
    return None


def _editor_lock(hass: HomeAssistant) -> asyncio.Lock | None:
    """Return the lock the automation editor holds while it reads and writes the file."""
    if "config" not in hass.config.components:
        return None  # no editor: nothing else in Home Assistant writes automations.yaml
    if (view := editor_view(hass)) is not None:
        lock: asyncio.Lock = view.mutation_lock
        return lock
    if not hass.data.get(_EDITOR_MISSING_LOGGED):
        hass.data[_EDITOR_MISSING_LOGGED] = True
        _LOGGER.warning(
            "Could not find the automation editor's lock in this Home Assistant version; "
            "accepting a suggestion re-reads automations.yaml right before writing it instead"
        )
    return None


@asynccontextmanager
async def _locked(hass: HomeAssistant) -> AsyncIterator[None]:
    """Hold our lock, then the editor's: no save of the editor or of ours in between."""
    async with hass.data.setdefault(_LOCK, asyncio.Lock()):
        if (editor := _editor_lock(hass)) is None:
            yield
            return
        async with editor:
            yield


async def async_add_automation(
    hass: HomeAssistant, automation: dict[str, Any], check: Callable[[], object]
) -> bool:
    """Add `automation` to automations.yaml; return False if one with its id is there already.

    `check` runs once the file is ours, right before reading it, and may raise to stop.
    """
    async with _locked(hass):
        check()
        return await _async_change(hass, automation, _added)


async def async_remove_automation(hass: HomeAssistant, automation: dict[str, Any]) -> bool:
    """Take `automation` out of automations.yaml if it is there unchanged; return whether."""
    async with _locked(hass):
        return await _async_change(hass, automation, _removed)


async def _async_change(
    hass: HomeAssistant,
    automation: dict[str, Any],
    change: Callable[[list[Any], dict[str, Any]], list[Any] | None],
) -> bool:
    """Run `_change` in the executor; say in the user's language why the file could not change."""
    path = hass.config.path(AUTOMATIONS_FILE)
    try:
        return await hass.async_add_executor_job(_change, path, automation, change)
    except (OSError, ValueError, TypeError, HomeAssistantError) as err:  # unreadable, unwritable
        if isinstance(err, HomeAssistantError) and err.translation_domain == DOMAIN:
            raise
        raise HomeAssistantError(
            translation_domain=DOMAIN,
            translation_key="automations_file",
            translation_placeholders={"error": str(err)},
        ) from err


def _added(current: list[Any], automation: dict[str, Any]) -> list[Any] | None:
    """Return the list with `automation` appended, or None to keep one with its id as it is."""
    if any(_has_id(item, automation["id"]) for item in current):
        return None  # from an earlier accept that did not load; the user may have edited it
    return [*current, automation]


def _removed(current: list[Any], automation: dict[str, Any]) -> list[Any] | None:
    """Return the list without `automation`, or None if it is not there exactly as written."""
    kept = [item for item in current if item != automation]
    return kept if len(kept) < len(current) else None


def _change(
    path: str,
    automation: dict[str, Any],
    change: Callable[[list[Any], dict[str, Any]], list[Any] | None],
) -> bool:
    """Apply `change` to the file; replace it only if nobody wrote it since it was read."""
    for _ in range(ATTEMPTS):
        before = _contents(path)
        current = _automations(path) if before is not None else []
        if (changed := change(current, automation)) is None:
            return False
        text = _new_text(before, current, changed, automation)
        if _contents(path) == before:
            write_utf8_file_atomic(path, text)
            return True
        _LOGGER.debug("%s changed while it was being updated; reading it again", path)
    raise HomeAssistantError(
        translation_domain=DOMAIN,
        translation_key="automations_file_busy",
        translation_placeholders={"path": path},
    )


def _new_text(
    before: bytes | None, current: list[Any], changed: list[Any], automation: dict[str, Any]
) -> str:
    """Return the file's new text: the user's text as written when only its end changes.

    Only what the text says exactly (`changed`) is written; otherwise all is written anew,
    as the automation editor does (without comments).
    """
    old = (before or b"").decode("utf-8")
    block = dump([automation])
    if changed == [*current, automation]:
        candidate = old + ("" if old.endswith("\n") or not old else "\n") + block
    elif old.endswith(block):
        candidate = old.removesuffix(block)
    else:
        return dump(changed)
    try:
        if candidate.strip() and (parse_yaml(candidate) or []) == changed:
            return candidate
    except HomeAssistantError, OSError:
        pass  # "[]", a list in brackets or indented, an !include: its end cannot simply grow
    return dump(changed)


def _contents(path: str) -> bytes | None:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        return None


def _automations(path: str) -> list[Any]:
    try:
        current = load_yaml(path) or []
    except FileNotFoundError:
        return []
    if not isinstance(current, list):
        raise TypeError(f"{path} does not hold a list of automations")
    return current


def _has_id(item: Any, automation_id: str) -> bool:
    return isinstance(item, dict) and item.get("id") == automation_id
