"""Config, options and reconfigure flows for AI Automation."""

from __future__ import annotations

from typing import Any

import probatio

from homeassistant.components import mqtt
from homeassistant.config_entries import ConfigFlow, ConfigFlowResult, OptionsFlowWithReload
from homeassistant.const import ATTR_SUPPORTED_FEATURES
from homeassistant.core import HomeAssistant, callback
from homeassistant.data_entry_flow import section
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.recorder import get_instance
from homeassistant.helpers.selector import (
    AreaSelector,
    AreaSelectorConfig,
    BooleanSelector,
    EntitySelector,
    EntitySelectorConfig,
    NumberSelector,
    NumberSelectorConfig,
    NumberSelectorMode,
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
    TimeSelector,
)
from homeassistant.helpers.service_info.mqtt import MqttServiceInfo

from .const import (
    AI_TASK_GENERATE_DATA,
    ANALYSED_DOMAINS,
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
    DEFAULT_LOOKBACK_DAYS,
    DEFAULT_MAX_NEW_SUGGESTIONS,
    DEFAULT_MAX_PAYLOAD_MIB,
    DOMAIN,
    LIST_OPTIONS,
    MAX_LOOKBACK_DAYS,
    MAX_MAX_NEW_SUGGESTIONS,
    MAX_MAX_PAYLOAD_MIB,
    MIN_LOOKBACK_DAYS,
)
from .engine.zigbee2mqtt.bridge import PayloadError, parse_bridge_state
from .models import AiAutomationConfigEntry
from .mqtt_health.topics import clean_base_topic, discovered_base_topic, notify_topic_error
from .settings import Settings

TITLE = "AI Automation"
SECTION_ZIGBEE2MQTT = "zigbee2mqtt"


def _settings_schema(
    defaults: Settings, *, advanced: bool = False, users: list[SelectOptionDict] | None = None
) -> probatio.Schema:
    """Return the form asking for the settings, pre-filled with `defaults`.

    `users` are the people's accounts one may mark as tool accounts (advanced form only).
    """
    current = defaults.as_options()
    fields: dict[Any, Any] = {
        probatio.Required(CONF_BASE_TOPIC, default=current[CONF_BASE_TOPIC]): TextSelector(),
        probatio.Required(CONF_ANALYSIS_TIME, default=current[CONF_ANALYSIS_TIME]): TimeSelector(),
        probatio.Required(CONF_LOOKBACK_DAYS, default=current[CONF_LOOKBACK_DAYS]): NumberSelector(
            NumberSelectorConfig(
                min=MIN_LOOKBACK_DAYS,
                max=MAX_LOOKBACK_DAYS,
                step=1,
                mode=NumberSelectorMode.BOX,
                unit_of_measurement="days",
            )
        ),
        probatio.Required(CONF_NOTIFY_TOPIC, default=current[CONF_NOTIFY_TOPIC]): TextSelector(),
    }
    if advanced:
        for key in (CONF_INCLUDE_ENTITIES, CONF_EXCLUDE_ENTITIES):
            fields[probatio.Optional(key, default=current[key])] = EntitySelector(
                EntitySelectorConfig(multiple=True)
            )
        fields[probatio.Optional(CONF_EXCLUDE_DOMAINS, default=current[CONF_EXCLUDE_DOMAINS])] = (
            SelectSelector(
                SelectSelectorConfig(
                    options=sorted(ANALYSED_DOMAINS),
                    multiple=True,
                    mode=SelectSelectorMode.DROPDOWN,
                    translation_key=CONF_EXCLUDE_DOMAINS,
                    sort=True,
                )
            )
        )
        fields[probatio.Optional(CONF_EXCLUDE_AREAS, default=current[CONF_EXCLUDE_AREAS])] = (
            AreaSelector(AreaSelectorConfig(multiple=True))
        )
        fields[probatio.Optional(CONF_AUTOMATED_USERS, default=current[CONF_AUTOMATED_USERS])] = (
            SelectSelector(
                SelectSelectorConfig(
                    options=users or [], multiple=True, mode=SelectSelectorMode.DROPDOWN
                )
            )
        )
        fields[probatio.Required(CONF_NOTIFY_NEW, default=current[CONF_NOTIFY_NEW])] = (
            BooleanSelector()
        )
        fields[
            probatio.Required(CONF_MAX_NEW_SUGGESTIONS, default=current[CONF_MAX_NEW_SUGGESTIONS])
        ] = NumberSelector(
            NumberSelectorConfig(
                min=1, max=MAX_MAX_NEW_SUGGESTIONS, step=1, mode=NumberSelectorMode.BOX
            )
        )
        fields[
            probatio.Optional(
                CONF_AI_TASK_ENTITY,
                description={"suggested_value": current.get(CONF_AI_TASK_ENTITY)},
            )
        ] = EntitySelector(EntitySelectorConfig(domain="ai_task"))
        fields[probatio.Required(CONF_MAX_PAYLOAD_MIB, default=current[CONF_MAX_PAYLOAD_MIB])] = (
            NumberSelector(
                NumberSelectorConfig(
                    min=1,
                    max=MAX_MAX_PAYLOAD_MIB,
                    step=1,
                    mode=NumberSelectorMode.BOX,
                    unit_of_measurement="MiB",
                )
            )
        )
    return probatio.Schema(fields)


def default_lookback_days(hass: HomeAssistant) -> int:
    """Return 14 days, or fewer when the recorder keeps fewer (its purge_keep_days)."""
    return max(MIN_LOOKBACK_DAYS, min(DEFAULT_LOOKBACK_DAYS, get_instance(hass).keep_days))


def _user_schema(defaults: Settings) -> probatio.Schema:
    """Return the setup form: Zigbee2MQTT's base topic waits in a folded, optional section."""
    fields = dict(_settings_schema(defaults).schema)
    base_topic = next(key for key in fields if key == CONF_BASE_TOPIC)
    fields[probatio.Required(SECTION_ZIGBEE2MQTT)] = section(
        probatio.Schema({base_topic: fields.pop(base_topic)}), {"collapsed": True}
    )
    return probatio.Schema(fields)


def _validate(user_input: dict[str, Any]) -> tuple[Settings | None, dict[str, str]]:
    """Turn form input into settings, or return the errors to show next to each field."""
    errors: dict[str, str] = {}
    base_topic = clean_base_topic(user_input[CONF_BASE_TOPIC])
    if base_topic is None:
        errors[CONF_BASE_TOPIC] = "invalid_base_topic"
        base_topic = str(user_input[CONF_BASE_TOPIC])

    notify_topic = str(user_input[CONF_NOTIFY_TOPIC]).strip()
    if (error := notify_topic_error(notify_topic, base_topic)) is not None:
        errors[CONF_NOTIFY_TOPIC] = error

    lookback = user_input[CONF_LOOKBACK_DAYS]
    if lookback != int(lookback):
        errors[CONF_LOOKBACK_DAYS] = "invalid_lookback_days"
    max_payload = user_input.get(CONF_MAX_PAYLOAD_MIB, DEFAULT_MAX_PAYLOAD_MIB)
    if max_payload != int(max_payload):
        errors[CONF_MAX_PAYLOAD_MIB] = "invalid_max_payload"

    if errors:
        return None, errors
    return (
        Settings(
            base_topic=base_topic,
            # The time selector has already rejected anything that is not a time of day.
            analysis_time=cv.time(user_input[CONF_ANALYSIS_TIME]),
            lookback_days=int(lookback),
            notify_topic=notify_topic,
            max_payload_mib=int(max_payload),
            **{key: tuple(user_input.get(key, ())) for key in LIST_OPTIONS},
            persistent_notification=bool(user_input.get(CONF_NOTIFY_NEW, True)),
            ai_task_entity=user_input.get(CONF_AI_TASK_ENTITY) or None,
            max_new_suggestions=int(
                user_input.get(CONF_MAX_NEW_SUGGESTIONS, DEFAULT_MAX_NEW_SUGGESTIONS)
            ),
        ),
        errors,
    )


def _generates_data(hass: HomeAssistant, entity_id: str) -> bool:
    """Tell whether the AI Task entity can generate data (some only make images)."""
    state = hass.states.get(entity_id)
    features = 0 if state is None else int(state.attributes.get(ATTR_SUPPORTED_FEATURES, 0))
    return bool(features & AI_TASK_GENERATE_DATA)


class AiAutomationConfigFlow(ConfigFlow, domain=DOMAIN):
    """Set up AI Automation from the UI or from a discovered Zigbee2MQTT bridge."""

    VERSION = 1
    MINOR_VERSION = 2  # 1.2: data remembers the base topic Zigbee2MQTT was heard on

    def __init__(self) -> None:
        """Start with default settings."""
        self._discovered = Settings()

    @staticmethod
    @callback
    def async_get_options_flow(config_entry: AiAutomationConfigEntry) -> AiAutomationOptionsFlow:
        """Return the options flow."""
        return AiAutomationOptionsFlow()

    async def async_step_user(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Ask for the settings, after checking that MQTT is set up."""
        if not self.hass.config_entries.async_loaded_entries(mqtt.DOMAIN):
            return self.async_abort(reason="mqtt_not_set_up")
        errors: dict[str, str] = {}
        if user_input is not None:
            settings, errors = _validate({**user_input, **user_input.get(SECTION_ZIGBEE2MQTT, {})})
            if CONF_BASE_TOPIC in errors:
                # Shown above the form: the field itself is inside the folded section.
                errors["base"] = errors.pop(CONF_BASE_TOPIC)
            if settings is not None:
                await self.async_set_unique_id(DOMAIN, raise_on_progress=False)
                return self.async_create_entry(title=TITLE, data={}, options=settings.as_options())
        return self.async_show_form(
            step_id="user",
            data_schema=self.add_suggested_values_to_schema(
                _user_schema(Settings(lookback_days=default_lookback_days(self.hass))),
                user_input or {},
            ),
            errors=errors,
        )

    async def async_step_mqtt(self, discovery_info: MqttServiceInfo) -> ConfigFlowResult:
        """Offer setup when a Zigbee2MQTT bridge announces itself."""
        if (base_topic := discovered_base_topic(discovery_info.topic)) is None:
            return self.async_abort(reason="invalid_discovery_info")
        try:
            parse_bridge_state(discovery_info.payload)
        except PayloadError:
            return self.async_abort(reason="invalid_discovery_info")
        await self.async_set_unique_id(DOMAIN)
        self._abort_if_unique_id_configured()
        self._discovered = Settings(
            base_topic=base_topic, lookback_days=default_lookback_days(self.hass)
        )
        self.context["title_placeholders"] = {"base_topic": base_topic}
        return await self.async_step_mqtt_confirm()

    async def async_step_mqtt_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask the user to confirm setup for the discovered bridge."""
        if user_input is not None:
            return self.async_create_entry(
                title=TITLE, data={}, options=self._discovered.as_options()
            )
        self._set_confirm_only()
        return self.async_show_form(
            step_id="mqtt_confirm",
            description_placeholders={"base_topic": self._discovered.base_topic},
        )

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Change the settings of the existing entry."""
        entry = self._get_reconfigure_entry()
        errors: dict[str, str] = {}
        if user_input is not None:
            # Settings this form does not show (the payload limit) keep their value.
            settings, errors = _validate({**entry.options, **user_input})
            if settings is not None:
                return self.async_update_reload_and_abort(entry, options=settings.as_options())
        return self.async_show_form(
            step_id="reconfigure",
            data_schema=self.add_suggested_values_to_schema(
                _settings_schema(Settings.from_options(entry.options)), user_input or {}
            ),
            errors=errors,
        )


class AiAutomationOptionsFlow(OptionsFlowWithReload):
    """Change the settings; the entry reloads with them."""

    async def _people(self) -> list[SelectOptionDict]:
        """Return the accounts that can be marked as tool accounts (not system-generated)."""
        return [
            SelectOptionDict(value=user.id, label=user.name or user.id)
            for user in await self.hass.auth.async_get_users()
            if not user.system_generated
        ]

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Show the settings form."""
        errors: dict[str, str] = {}
        if user_input is not None:
            settings, errors = _validate(user_input)
            if (entity_id := user_input.get(CONF_AI_TASK_ENTITY)) and not _generates_data(
                self.hass, entity_id
            ):
                errors[CONF_AI_TASK_ENTITY] = "ai_task_cannot_generate_data"
            if settings is not None and not errors:
                return self.async_create_entry(data=settings.as_options())
        return self.async_show_form(
            step_id="init",
            data_schema=self.add_suggested_values_to_schema(
                _settings_schema(
                    Settings.from_options(self.config_entry.options),
                    advanced=True,
                    users=await self._people(),
                ),
                user_input or {},
            ),
            errors=errors,
        )
