"""The analysis' notifications: shown in Home Assistant in the home's language, sent on MQTT."""

from __future__ import annotations

from collections.abc import Mapping
import json
import logging
from typing import Any

from homeassistant.components import mqtt, persistent_notification
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.translation import async_get_translations

from ..const import DOMAIN, ISSUE_PUBLISH_FAILED
from ..issues import async_clear_issue, async_raise_issue

_LOGGER = logging.getLogger(__name__)

NEW_SUGGESTIONS_NOTIFICATION = f"{DOMAIN}_new_suggestions"
FIRST_RUN_NOTIFICATION = f"{DOMAIN}_first_analysis"
_PREFIX = f"component.{DOMAIN}.common."


async def _async_texts(hass: HomeAssistant) -> dict[str, str]:
    """Return the `common` strings in Home Assistant's language, English where it has none."""
    translations = await async_get_translations(hass, hass.config.language, "common", {DOMAIN})
    return {key.removeprefix(_PREFIX): text for key, text in translations.items()}


def _history(texts: dict[str, str], days: float) -> str:
    """Say a span of history in words: "less than a day", "1 day", "2.5 days"."""
    if days < 1:
        return texts["history_less_than_a_day"]
    shown = f"{days:.1f}".removesuffix(".0")
    if shown == "1":
        return texts["history_one_day"]
    return texts["history_days"].format(days=shown.replace(".", texts["decimal_separator"]))


async def async_show_new_suggestions(hass: HomeAssistant, count: int) -> None:
    """Announce a run's new suggestions (in place of the first-run notification)."""
    texts = await _async_texts(hass)
    message = texts["new_suggestions_one" if count == 1 else "new_suggestions_other"]
    persistent_notification.async_dismiss(hass, FIRST_RUN_NOTIFICATION)
    persistent_notification.async_create(
        hass,
        message.format(count=count),
        title=texts["notification_title"],
        notification_id=NEW_SUGGESTIONS_NOTIFICATION,
    )


async def async_show_first_run(
    hass: HomeAssistant, *, days: float, changes: int, min_days: int, at: str, learning: bool
) -> None:
    """After the first run that suggested nothing, say how much history it read and what next."""
    texts = await _async_texts(hass)
    message = texts["first_run_learning" if learning else "first_run_nothing_found"]
    persistent_notification.async_create(
        hass,
        message.format(
            history=_history(texts, days),
            changes=texts["changes_one" if changes == 1 else "changes_other"].format(
                count=f"{changes:,}".replace(",", texts["thousands_separator"])
            ),
            min_days=min_days,
            time=at,
        ),
        title=texts["notification_title"],
        notification_id=FIRST_RUN_NOTIFICATION,
    )


@callback
def async_dismiss_new_suggestions(hass: HomeAssistant) -> None:
    """Take the new-suggestions notification away (nothing is left open)."""
    persistent_notification.async_dismiss(hass, NEW_SUGGESTIONS_NOTIFICATION)


async def async_publish_notification(
    hass: HomeAssistant, topic: str, message: Mapping[str, Any]
) -> bool:
    """Publish `message` as JSON (QoS 1, not retained); return whether it went out."""
    try:
        await mqtt.async_publish(hass, topic, json.dumps(message), qos=1, retain=False)
    except HomeAssistantError as err:
        if async_raise_issue(hass, ISSUE_PUBLISH_FAILED, {"topic": topic, "error": str(err)}):
            _LOGGER.warning("Could not publish the analysis notification on %s: %s", topic, err)
        return False
    if async_clear_issue(hass, ISSUE_PUBLISH_FAILED):
        _LOGGER.info("Published the analysis notification on %s again", topic)
    return True
