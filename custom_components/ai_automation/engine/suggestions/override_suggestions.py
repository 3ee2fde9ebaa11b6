"""Suggestions to change an accepted automation that people keep undoing."""

from __future__ import annotations

from collections.abc import Mapping

from ..detectors.overrides import Override
from .phrases import entity_name
from .suggestion import Suggestion, stable_id


def override_suggestion(
    override: Override, automation: str, names: Mapping[str, str]
) -> Suggestion:
    """Point out, once, an accepted automation that people keep undoing."""
    name = entity_name(override.entity_id, names)
    return Suggestion(
        id=stable_id("override", override.key),
        kind="override",
        title=f"Change or remove the automation: {automation}",
        description=(
            f"On {override.undone_days} of the {override.acted_days} days it set {name} to"
            f" {override.state}, someone changed it back within minutes."
        ),
        automation=None,
        entities=(override.entity_id,),
        evidence={
            "suggestion_id": override.key,
            "acted_days": override.acted_days,
            "undone_days": override.undone_days,
            "score": round(override.undone_days / max(override.acted_days, 1), 3),
        },
    )
