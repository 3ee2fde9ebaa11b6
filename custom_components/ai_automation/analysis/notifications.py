"""The notifications AI Automation shows in Home Assistant, worded in the home's language."""

from __future__ import annotations

from homeassistant.components import persistent_notification
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.translation import async_get_translations

from ..const import DOMAIN

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
            changes=texts["changes_one" if changes == 1 else "changes_other"].format(count=changes),
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
