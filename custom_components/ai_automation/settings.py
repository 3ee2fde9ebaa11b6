"""The typed settings of an AI Automation config entry: what the user chose."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from typing import Any

from homeassistant.util import dt as dt_util

from .const import (
    CONF_AI_TASK_ENTITY,
    CONF_ANALYSIS_TIME,
    CONF_AUTOMATED_USERS,
    CONF_BASE_TOPIC,
    CONF_EXCLUDE_AREAS,
    CONF_EXCLUDE_DOMAINS,
    CONF_EXCLUDE_ENTITIES,
    CONF_INCLUDE_ENTITIES,
    CONF_LOOKBACK_DAYS,
    CONF_MAX_NEW_SUGGESTIONS,
    CONF_MAX_PAYLOAD_MIB,
    CONF_NOTIFY_NEW,
    CONF_NOTIFY_TOPIC,
    DEFAULT_ANALYSIS_TIME,
    DEFAULT_BASE_TOPIC,
    DEFAULT_LOOKBACK_DAYS,
    DEFAULT_MAX_NEW_SUGGESTIONS,
    DEFAULT_MAX_PAYLOAD_MIB,
    DEFAULT_NOTIFY_TOPIC,
)


@dataclass(frozen=True, kw_only=True)
class Settings:
    """What the user chose in the config or options flow."""

    base_topic: str = DEFAULT_BASE_TOPIC
    analysis_time: time = DEFAULT_ANALYSIS_TIME
    lookback_days: int = DEFAULT_LOOKBACK_DAYS
    notify_topic: str = DEFAULT_NOTIFY_TOPIC
    max_payload_mib: int = DEFAULT_MAX_PAYLOAD_MIB
    include_entities: tuple[str, ...] = ()
    exclude_entities: tuple[str, ...] = ()
    exclude_domains: tuple[str, ...] = ()
    exclude_areas: tuple[str, ...] = ()
    automated_users: tuple[str, ...] = ()
    persistent_notification: bool = True
    ai_task_entity: str | None = None
    max_new_suggestions: int = DEFAULT_MAX_NEW_SUGGESTIONS

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Settings:
        """Read settings from config entry options, falling back to defaults."""
        parsed = dt_util.parse_time(str(options.get(CONF_ANALYSIS_TIME, "")))
        return cls(
            base_topic=str(options.get(CONF_BASE_TOPIC, DEFAULT_BASE_TOPIC)),
            analysis_time=parsed or DEFAULT_ANALYSIS_TIME,
            lookback_days=int(options.get(CONF_LOOKBACK_DAYS, DEFAULT_LOOKBACK_DAYS)),
            notify_topic=str(options.get(CONF_NOTIFY_TOPIC, DEFAULT_NOTIFY_TOPIC)),
            max_payload_mib=int(options.get(CONF_MAX_PAYLOAD_MIB, DEFAULT_MAX_PAYLOAD_MIB)),
            include_entities=tuple(options.get(CONF_INCLUDE_ENTITIES, ())),
            exclude_entities=tuple(options.get(CONF_EXCLUDE_ENTITIES, ())),
            exclude_domains=tuple(options.get(CONF_EXCLUDE_DOMAINS, ())),
            exclude_areas=tuple(options.get(CONF_EXCLUDE_AREAS, ())),
            automated_users=tuple(options.get(CONF_AUTOMATED_USERS, ())),
            persistent_notification=bool(options.get(CONF_NOTIFY_NEW, True)),
            ai_task_entity=options.get(CONF_AI_TASK_ENTITY) or None,
            max_new_suggestions=int(
                options.get(CONF_MAX_NEW_SUGGESTIONS, DEFAULT_MAX_NEW_SUGGESTIONS)
            ),
        )

    def as_options(self) -> dict[str, Any]:
        """Return the settings as config entry options."""
        return {
            CONF_BASE_TOPIC: self.base_topic,
            CONF_ANALYSIS_TIME: self.analysis_time.strftime("%H:%M:%S"),
            CONF_LOOKBACK_DAYS: self.lookback_days,
            CONF_NOTIFY_TOPIC: self.notify_topic,
            CONF_MAX_PAYLOAD_MIB: self.max_payload_mib,
            CONF_INCLUDE_ENTITIES: list(self.include_entities),
            CONF_EXCLUDE_ENTITIES: list(self.exclude_entities),
            CONF_EXCLUDE_DOMAINS: list(self.exclude_domains),
            CONF_EXCLUDE_AREAS: list(self.exclude_areas),
            CONF_AUTOMATED_USERS: list(self.automated_users),
            CONF_NOTIFY_NEW: self.persistent_notification,
            CONF_MAX_NEW_SUGGESTIONS: self.max_new_suggestions,
        } | ({CONF_AI_TASK_ENTITY: self.ai_task_entity} if self.ai_task_entity else {})
