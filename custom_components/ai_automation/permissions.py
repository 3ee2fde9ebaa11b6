"""Who may decide a suggestion's fate: administrators, and automations (no user in the context)."""

from __future__ import annotations

from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import Unauthorized

from .const import DOMAIN


class AdminRequired(Unauthorized):
    """A user who is not an administrator tried to accept, dismiss or change a suggestion."""

    def __init__(self, context: Context) -> None:
        """Refuse the user of `context`, with a message the frontend translates."""
        super().__init__(context=context)
        self.translation_domain = DOMAIN
        self.translation_key = "admin_required"
        self.generate_message = True


async def async_check_admin(hass: HomeAssistant, context: Context | None) -> None:
    """Raise AdminRequired unless the context has no user or an administrator's."""
    if context is None or context.user_id is None:
        return
    user = await hass.auth.async_get_user(context.user_id)
    if user is None or not user.is_admin:
        raise AdminRequired(context)
