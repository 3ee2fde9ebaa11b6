"""Tests for the config, options, reconfigure and discovery flows."""

from typing import Any
from unittest.mock import patch

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator, MqttMockHAClient

from custom_components.ai_automation.const import DOMAIN
from homeassistant.config_entries import (
    SOURCE_MQTT,
    SOURCE_USER,
    ConfigEntryDisabler,
    ConfigEntryState,
)
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType, InvalidData
from homeassistant.helpers.service_info.mqtt import MqttServiceInfo
from homeassistant.setup import async_setup_component

from .conftest import DEFAULT_OPTIONS, FORM_INPUT, SETUP_INPUT, setup_input, setup_integration
from .fake_ai_task import async_setup_fake_ai_task
from .strings import english_texts


def _discovery(
    topic: str = "zigbee2mqtt/bridge/state", payload: str = '{"state":"online"}'
) -> MqttServiceInfo:
    return MqttServiceInfo(
        topic=topic,
        payload=payload,
        qos=0,
        retain=True,
        subscribed_topic="zigbee2mqtt/bridge/state",
        timestamp=0,
    )


async def test_user_flow_aborts_without_mqtt(
    hass: HomeAssistant, enable_custom_integrations: None
) -> None:
    """Without MQTT the user is told to set it up first, and no entry is made."""
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "mqtt_not_set_up"
    assert not hass.config_entries.async_entries(DOMAIN)


async def test_user_flow_aborts_when_mqtt_disabled(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant
) -> None:
    """A disabled MQTT entry counts as not set up."""
    mqtt_entry = hass.config_entries.async_entries("mqtt")[0]
    await hass.config_entries.async_set_disabled_by(mqtt_entry.entry_id, ConfigEntryDisabler.USER)
    await hass.async_block_till_done()
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "mqtt_not_set_up"


async def test_user_flow_creates_entry(mqtt_ready: MqttMockHAClient, hass: HomeAssistant) -> None:
    """Accepting the defaults sets the integration up with them."""
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    assert result["errors"] == {}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            "analysis_time": "04:15",
            "lookback_days": 30,
            "notify_topic": "ha-ai/done",
            "zigbee2mqtt": {"base_topic": " home/z2m/ "},
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "AI Automation"
    entry = result["result"]
    assert entry.options == {
        "base_topic": "home/z2m",
        "analysis_time": "04:15:00",
        "lookback_days": 30,
        "notify_topic": "ha-ai/done",
        "max_devices_payload_mib": 16,
        "include_entities": [],
        "exclude_entities": [],
        "exclude_domains": [],
        "exclude_areas": [],
        "automated_users": [],
        "persistent_notification": True,
        "max_new_suggestions": 5,
    }
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert hass.states.get("binary_sensor.ai_automation_mqtt_broker") is not None


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("base_topic", "zigbee2mqtt/#", "invalid_base_topic"),
        ("base_topic", "zigbee2mqtt/+", "invalid_base_topic"),
        ("base_topic", "  ", "invalid_base_topic"),
        ("notify_topic", "ha-ai/+/complete", "invalid_notify_topic"),
        ("notify_topic", "", "invalid_notify_topic"),
        ("notify_topic", "zigbee2mqtt/ai", "notify_topic_in_base_topic"),
        ("lookback_days", 7.5, "invalid_lookback_days"),
    ],
)
async def test_user_flow_rejects_bad_input(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, field: str, value: Any, error: str
) -> None:
    """Bad input is shown next to its field; correcting it finishes setup."""
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], setup_input(**{field: value})
    )
    assert result["type"] is FlowResultType.FORM
    # The base topic's field is inside its folded section: its error is shown above the form.
    assert result["errors"] == {"base" if field == "base_topic" else field: error}

    result = await hass.config_entries.flow.async_configure(result["flow_id"], SETUP_INPUT)
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["result"].options == DEFAULT_OPTIONS


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("analysis_time", "25:00"),
        ("analysis_time", "soon"),
        ("lookback_days", 0),
        ("lookback_days", 91),
    ],
)
async def test_user_flow_form_rejects_out_of_range(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, field: str, value: Any
) -> None:
    """The form itself refuses a time that is not a time of day and a lookback outside 1-90."""
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    with pytest.raises(InvalidData):
        await hass.config_entries.flow.async_configure(
            result["flow_id"], setup_input(**{field: value})
        )
    assert not hass.config_entries.async_entries(DOMAIN)


async def test_single_instance(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, config_entry: MockConfigEntry
) -> None:
    """A second setup is refused: there is one AI Automation per home."""
    config_entry.add_to_hass(hass)
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "single_instance_allowed"
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_MQTT}, data=_discovery()
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "single_instance_allowed"


@pytest.mark.parametrize("payload", ['{"state":"online"}', "online", '{"state":"offline"}'])
async def test_discovery_confirms_and_creates_entry(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, payload: str
) -> None:
    """A Zigbee2MQTT bridge seen on MQTT offers setup with its base topic."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_MQTT}, data=_discovery(payload=payload)
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "mqtt_confirm"
    assert result["description_placeholders"] == {"base_topic": "zigbee2mqtt"}

    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    # The recorder keeps 10 days (its default): the lookback defaults to that, not 14.
    assert result["result"].options == {**DEFAULT_OPTIONS, "lookback_days": 10}


@pytest.mark.parametrize(
    ("topic", "payload"),
    [
        ("zigbee2mqtt/bridge/state", ""),
        ("zigbee2mqtt/bridge/state", "{not json"),
        ("zigbee2mqtt/bridge/devices", '{"state":"online"}'),
    ],
)
async def test_discovery_aborts_on_bad_message(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, topic: str, payload: str
) -> None:
    """A message that is not a bridge state does not offer setup."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_MQTT}, data=_discovery(topic, payload)
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "invalid_discovery_info"


async def test_discovery_then_user_setup(mqtt_ready: MqttMockHAClient, hass: HomeAssistant) -> None:
    """Setting up by hand while a discovery waits ends that discovery."""
    discovered = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_MQTT}, data=_discovery()
    )
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    result = await hass.config_entries.flow.async_configure(result["flow_id"], SETUP_INPUT)
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert not [
        flow
        for flow in hass.config_entries.flow.async_progress()
        if flow["flow_id"] == discovered["flow_id"]
    ]


async def test_options_flow_changes_settings_and_reloads(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, config_entry: MockConfigEntry
) -> None:
    """New options take effect: the entry reloads and listens on the new base topic."""
    await setup_integration(hass, config_entry)

    result = await hass.config_entries.options.async_init(config_entry.entry_id)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "init"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {**DEFAULT_OPTIONS, "notify_topic": "zigbee2mqtt/x"}
    )
    assert result["errors"] == {"notify_topic": "notify_topic_in_base_topic"}

    with patch(
        "custom_components.ai_automation.async_setup_entry", return_value=True
    ) as setup_entry:
        result = await hass.config_entries.options.async_configure(
            result["flow_id"],
            {
                **DEFAULT_OPTIONS,
                "base_topic": "z2m",
                "lookback_days": 30,
                "max_devices_payload_mib": 4,
            },
        )
        await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert config_entry.options["base_topic"] == "z2m"
    assert config_entry.options["lookback_days"] == 30
    assert config_entry.options["max_devices_payload_mib"] == 4
    assert len(setup_entry.mock_calls) == 1


async def test_options_offer_only_an_ai_task_entity_that_writes(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, config_entry: MockConfigEntry
) -> None:
    """An image-only AI Task entity is refused with a reason; a text-generating one is kept."""
    await setup_integration(hass, config_entry)
    async for helper in async_setup_fake_ai_task(hass):
        hass.states.async_set("ai_task.painter", "unknown", {"supported_features": 4})
        result = await hass.config_entries.options.async_init(config_entry.entry_id)
        for entity_id in ("ai_task.painter", "ai_task.gone"):
            result = await hass.config_entries.options.async_configure(
                result["flow_id"], {**DEFAULT_OPTIONS, "ai_task_entity": entity_id}
            )
            assert result["errors"] == {"ai_task_entity": "ai_task_cannot_generate_data"}
        result = await hass.config_entries.options.async_configure(
            result["flow_id"], {**DEFAULT_OPTIONS, "ai_task_entity": helper.entity_id}
        )
        await hass.async_block_till_done()
        assert result["type"] is FlowResultType.CREATE_ENTRY
        assert config_entry.options["ai_task_entity"] == "ai_task.helper"


async def test_reconfigure_flow(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, config_entry: MockConfigEntry
) -> None:
    """Reconfigure shows the current settings and saves corrected ones, keeping the others."""
    config_entry = MockConfigEntry(
        domain=DOMAIN, unique_id=DOMAIN, options={**FORM_INPUT, "max_devices_payload_mib": 64}
    )
    await setup_integration(hass, config_entry)

    result = await config_entry.start_reconfigure_flow(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "reconfigure"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**FORM_INPUT, "base_topic": "a/#"}
    )
    assert result["errors"] == {"base_topic": "invalid_base_topic"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**FORM_INPUT, "analysis_time": "05:00:00"}
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert config_entry.options["analysis_time"] == "05:00:00"
    assert config_entry.options["max_devices_payload_mib"] == 64
    assert config_entry.state is ConfigEntryState.LOADED


async def test_options_mark_tool_accounts(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, config_entry: MockConfigEntry
) -> None:
    """People's accounts can be marked as tool accounts; system accounts are not offered."""
    await setup_integration(hass, config_entry)
    appdaemon = await hass.auth.async_create_user("AppDaemon")
    system = await hass.auth.async_create_system_user("Node-RED")
    result = await hass.config_entries.options.async_init(config_entry.entry_id)
    with pytest.raises(InvalidData):
        await hass.config_entries.options.async_configure(
            result["flow_id"], {**DEFAULT_OPTIONS, "automated_users": [system.id]}
        )
    with patch("custom_components.ai_automation.async_setup_entry", return_value=True):
        result = await hass.config_entries.options.async_configure(
            result["flow_id"], {**DEFAULT_OPTIONS, "automated_users": [appdaemon.id]}
        )
        await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert config_entry.options["automated_users"] == [appdaemon.id]


async def test_kinds_of_entities_have_their_names(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, config_entry: MockConfigEntry
) -> None:
    """The "Never analyse these kinds" picker shows names ("Toggle helpers"), not raw keys."""
    await setup_integration(hass, config_entry)
    result = await hass.config_entries.options.async_init(config_entry.entry_id)
    picker = next(
        selector
        for key, selector in result["data_schema"].schema.items()
        if key == "exclude_domains"
    )
    config = picker.serialize()["selector"]["select"]
    english = english_texts()
    names = english["selector"][config["translation_key"]]["options"]
    assert set(names) == set(config["options"])
    assert names["input_boolean"] == "Toggle helpers"
    assert all(name != key for key, name in names.items())


@pytest.mark.parametrize("base_topic", ["home/zigbee 2", "Haus/Zigbee-Brücke", "z2m_1"])
async def test_base_topic_rule_is_the_one_stated(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, base_topic: str
) -> None:
    """Any topic without + or # is a base topic, as the error message and the field say."""
    english = english_texts()
    error = english["config"]["error"]["invalid_base_topic"]
    assert "+" in error
    assert "#" in error
    assert "letters, digits" not in error
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], setup_input(base_topic=base_topic)
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["result"].options["base_topic"] == base_topic


@pytest.mark.parametrize(
    ("recorder_config", "lookback"),
    [(None, 10), ({"purge_keep_days": 3}, 3), ({"purge_keep_days": 30}, 14)],
)
async def test_lookback_defaults_to_what_the_recorder_keeps(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, lookback: int
) -> None:
    """The setup form offers 14 days, or what the recorder keeps when that is fewer."""
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    default = next(key for key in result["data_schema"].schema if key == "lookback_days").default()
    assert default == lookback
    english = english_texts()
    assert (
        "purge_keep_days" in english["config"]["step"]["user"]["data_description"]["lookback_days"]
    )


async def test_setup_form_folds_the_base_topic_away(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, hass_client: ClientSessionGenerator
) -> None:
    """The setup dialog, as the frontend receives it, keeps the base topic in a folded section."""
    assert await async_setup_component(hass, "config", {})
    client = await hass_client()
    response = await client.post(
        "/api/config/config_entries/flow", json={"handler": DOMAIN, "show_advanced_options": False}
    )
    form = await response.json()
    fields = {field["name"]: field for field in form["data_schema"]}
    assert "base_topic" not in fields
    section = fields["zigbee2mqtt"]
    assert section["type"] == "expandable"
    assert section["expanded"] is False
    assert [field["name"] for field in section["schema"]] == ["base_topic"]
    assert section["schema"][0]["default"] == "zigbee2mqtt"
    english = english_texts()
    assert english["config"]["step"]["user"]["sections"]["zigbee2mqtt"]["name"] == (
        "Zigbee2MQTT (optional)"
    )
