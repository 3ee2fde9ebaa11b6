"""The dashboard card: served from the integration's folder and added to every dashboard."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from homeassistant.components.frontend import add_extra_js_url
from homeassistant.components.http.server import StaticPathConfig
from homeassistant.core import HomeAssistant

from .const import DOMAIN

_LOGGER = logging.getLogger(__name__)
CARD_FILE = Path(__file__).parent / "frontend" / "ai-automation-card.js"
CARD_URL = f"/{DOMAIN}/ai-automation-card.js"


async def async_register_card(hass: HomeAssistant) -> None:
    """Serve the card and load it in the frontend, so no dashboard resource is needed."""
    if "frontend" not in hass.config.components or hass.http is None:
        _LOGGER.debug("The frontend is not loaded; the dashboard card is not offered")
        return
    content = await hass.async_add_executor_job(CARD_FILE.read_bytes)
    # A new version of the card gets a new URL, so browsers do not keep the old one.
    version = hashlib.sha256(content).hexdigest()[:12]
    await hass.http.async_register_static_paths(
        [StaticPathConfig(CARD_URL, str(CARD_FILE), cache_headers=True)]
    )
    add_extra_js_url(hass, f"{CARD_URL}?v={version}")
