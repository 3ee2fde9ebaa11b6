"""Fix flows for AI Automation's Repairs issues."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

import probatio

from homeassistant.components import mqtt
from homeassistant.components.repairs import ConfirmRepairFlow, RepairsFlow, RepairsFlowResult
from homeassistant.components.repairs.const import FlowType
from homeassistant.config_entries import SOURCE_REAUTH, SOURCE_USER
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.selector import TextSelector

from .const import (
    CONF_BASE_TOPIC,
    DOMAIN,
    ISSUE_AUTH_FAILED,
    ISSUE_BROKER_UNREACHABLE,
    ISSUE_CONNECTION_REFUSED,
    ISSUE_MQTT_NOT_SET_UP,
    ISSUE_ZIGBEE2MQTT_NOT_FOUND,
)
from .engine.mqtt_connect import CheckResult
from .models import loaded_entry
from .mqtt_health.check import async_check_broker, mqtt_entry
from .mqtt_health.topics import clean_base_topic


class HandOverFlow(RepairsFlow, ABC):
    """Explain the issue, then hand the user over to another flow that fixes it."""

    async def async_step_init(self, user_input: dict[str, str] | None = None) -> RepairsFlowResult:
        """Hand over to the confirm step."""
        return await self.async_step_confirm()

    async def async_step_confirm(
        self, user_input: dict[str, str] | None = None
    ) -> RepairsFlowResult:
        """Show the explanation; on Submit continue in the fixing flow."""
        if user_input is None:
            issue = ir.async_get(self.hass).async_get_issue(DOMAIN, self.issue_id)
            placeholders = issue.translation_placeholders if issue else None
            return self.async_show_form(step_id="confirm", description_placeholders=placeholders)
        return await self._async_hand_over()

    @abstractmethod
    async def _async_hand_over(self) -> RepairsFlowResult:
        """Continue in the flow that fixes the issue."""


class MqttNotSetUpFlow(HandOverFlow):
    """Lead the user into setting up Home Assistant's MQTT integration."""

    async def _async_hand_over(self) -> RepairsFlowResult:
        if self.hass.config_entries.async_entries(mqtt.DOMAIN, include_disabled=True):
            # There is an entry, but disabled or failing: MQTT's own card is the place to fix it.
            return self.async_abort(reason="mqtt_entry_exists")
        result = await self.hass.config_entries.flow.async_init(
            mqtt.DOMAIN, context={"source": SOURCE_USER}
        )
        if result["type"] is FlowResultType.ABORT:
            return self.async_abort(
                reason="mqtt_flow_aborted", description_placeholders={"reason": result["reason"]}
            )
        return self.async_create_entry(data={}, next_flow=(FlowType.CONFIG_FLOW, result["flow_id"]))


class MqttReauthFlow(HandOverFlow):
    """Lead the user into the MQTT entry's reauthentication."""

    async def _async_hand_over(self) -> RepairsFlowResult:
        entry = mqtt_entry(self.hass)
        if entry is None:
            return self.async_abort(reason="mqtt_missing")
        flows = list(entry.async_get_active_flows(self.hass, {SOURCE_REAUTH}))
        if flows:
            flow_id = flows[0]["flow_id"]
        else:
            result = await self.hass.config_entries.flow.async_init(
                mqtt.DOMAIN,
                context={"source": SOURCE_REAUTH, "entry_id": entry.entry_id},
                data=dict(entry.data),
            )
            if result["type"] is not FlowResultType.FORM:
                return self.async_abort(reason="mqtt_missing")
            flow_id = result["flow_id"]
        return self.async_create_entry(data={}, next_flow=(FlowType.CONFIG_FLOW, flow_id))


class ConnectionCheckFlow(RepairsFlow):
    """Run the connection check and show what the broker answers; finish once it works."""

    async def async_step_init(self, user_input: dict[str, str] | None = None) -> RepairsFlowResult:
        """Run the check at once."""
        return await self.async_step_check()

    async def async_step_check(self, user_input: dict[str, str] | None = None) -> RepairsFlowResult:
        """Show the latest result; submitting checks again."""
        result = await self._async_check()
        if result is None:
            return self.async_abort(reason="check_unavailable")
        if result.accepted and mqtt.is_connected(self.hass):
            return self.async_create_entry(data={})
        issue = ir.async_get(self.hass).async_get_issue(DOMAIN, self.issue_id)
        since = (issue.translation_placeholders or {}).get("since", "-") if issue else "-"
        return self.async_show_form(
            step_id="check",
            errors={"base": "still_failing"} if user_input is not None else None,
            description_placeholders={
                "since": since,
                "host": result.host,
                "port": str(result.port),
                # The CONNACK code only where the broker sent one.
                "result": result.meaning
                if result.code is None
                else f"{result.meaning} (CONNACK code {result.code})",
                "code": "" if result.code is None else str(result.code),
            },
        )

    async def _async_check(self) -> CheckResult | None:
        if (entry := loaded_entry(self.hass)) is not None:
            return await entry.runtime_data.health.async_check_connection()
        return await async_check_broker(self.hass)


class BaseTopicFlow(RepairsFlow):
    """Let the user correct the Zigbee2MQTT base topic."""

    async def async_step_init(self, user_input: dict[str, str] | None = None) -> RepairsFlowResult:
        """Hand over to the form."""
        return await self.async_step_base_topic()

    async def async_step_base_topic(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Ask for the base topic and reload with it."""
        entry = loaded_entry(self.hass)
        if entry is None:
            return self.async_abort(reason="not_loaded")
        errors: dict[str, str] = {}
        if user_input is not None:
            if (base_topic := clean_base_topic(user_input[CONF_BASE_TOPIC])) is None:
                errors[CONF_BASE_TOPIC] = "invalid_base_topic"
            else:
                self.hass.config_entries.async_update_entry(
                    entry, options={**entry.options, CONF_BASE_TOPIC: base_topic}
                )
                self.hass.config_entries.async_schedule_reload(entry.entry_id)
                return self.async_create_entry(data={})
        current = entry.runtime_data.settings.base_topic
        return self.async_show_form(
            step_id="base_topic",
            data_schema=probatio.Schema(
                {probatio.Required(CONF_BASE_TOPIC, default=current): TextSelector()}
            ),
            errors=errors,
            description_placeholders={"base_topic": current},
        )


# Keyed by the issues const.FIXABLE_ISSUES names (issues.py marks those fixable).
FLOWS: dict[str, type[RepairsFlow]] = {
    ISSUE_MQTT_NOT_SET_UP: MqttNotSetUpFlow,
    ISSUE_AUTH_FAILED: MqttReauthFlow,
    ISSUE_BROKER_UNREACHABLE: ConnectionCheckFlow,
    ISSUE_CONNECTION_REFUSED: ConnectionCheckFlow,
    ISSUE_ZIGBEE2MQTT_NOT_FOUND: BaseTopicFlow,
}


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, str | int | float | None] | None
) -> RepairsFlow:
    """Return the fix flow for `issue_id`."""
    return FLOWS.get(issue_id, ConfirmRepairFlow)()
