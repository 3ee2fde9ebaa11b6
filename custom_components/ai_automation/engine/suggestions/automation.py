"""The automation a suggestion proposes, written one way for every kind; the standard actions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

SUGGESTED_BY = "Suggested by AI Automation."
SOMEONE_HOME = {"condition": "numeric_state", "entity_id": "zone.home", "above": 0}
# (domain, state) -> (action, data) that brings an entity to that state.
STATE_ACTIONS: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {
    **{(d, "on"): (f"{d}.turn_on", {}) for d in ("light", "switch", "fan", "input_boolean")},
    **{(d, "off"): (f"{d}.turn_off", {}) for d in ("light", "switch", "fan", "input_boolean")},
    ("cover", "open"): ("cover.open_cover", {}),
    ("cover", "closed"): ("cover.close_cover", {}),
    ("lock", "locked"): ("lock.lock", {}),
    ("lock", "unlocked"): ("lock.unlock", {}),
    ("media_player", "on"): ("media_player.turn_on", {}),
    ("media_player", "off"): ("media_player.turn_off", {}),
    ("media_player", "playing"): ("media_player.media_play", {}),
    ("media_player", "paused"): ("media_player.media_pause", {}),
}
HVAC_MODES = frozenset({"off", "heat", "cool", "heat_cool", "auto", "dry", "fan_only"})


def automation_config(
    title: str,
    description: str,
    *,
    triggers: Sequence[dict[str, Any]],
    actions: Sequence[dict[str, Any]],
    conditions: Sequence[dict[str, Any]] = (),
    mode: str = "single",
) -> dict[str, Any]:
    """Return the Home Assistant automation config a suggestion proposes, signed as ours."""
    return {
        "alias": title,
        "description": f"{description} {SUGGESTED_BY}",
        "triggers": list(triggers),
        "conditions": list(conditions),
        "actions": list(actions),
        "mode": mode,
    }


def action_for(entity_id: str, state: str) -> dict[str, Any] | None:
    """Return the action that brings `entity_id` to `state`, if there is a standard one."""
    domain = entity_id.split(".", 1)[0]
    if domain == "climate" and state in HVAC_MODES:
        return {
            "action": "climate.set_hvac_mode",
            "target": {"entity_id": entity_id},
            "data": {"hvac_mode": state},
        }
    if domain == "scene":
        return {"action": "scene.turn_on", "target": {"entity_id": entity_id}}
    if (found := STATE_ACTIONS.get((domain, state))) is None:
        return None
    action, data = found
    step: dict[str, Any] = {"action": action, "target": {"entity_id": entity_id}}
    return step | ({"data": data} if data else {})
