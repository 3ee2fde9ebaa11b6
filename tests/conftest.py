"""Fixtures for AI Automation tests."""

# Import our package before the plugin's own `custom_components` package can shadow it.
import custom_components.ai_automation  # noqa: F401  # isort: skip

import asyncio
from collections.abc import AsyncGenerator, Callable, Generator
from datetime import datetime, timedelta
import logging
from pathlib import Path
import time
from typing import Any
from unittest.mock import AsyncMock, patch
import uuid

import freezegun.api
from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed
from pytest_homeassistant_custom_component.typing import MqttMockHAClient
import sqlalchemy

from custom_components.ai_automation.const import DOMAIN
from homeassistant.components import mqtt
from homeassistant.config_entries import SOURCE_MQTT, SOURCE_REAUTH
from homeassistant.core import HomeAssistant, callback
from homeassistant.util import dt as dt_util

from .daily_run import BERLIN, SECOND, SUGGESTION, analysis_finding, analysis_result
from .device_lists import SENTINEL, TOPIC
from .kitchen_light import DISCOVERY, FIXTURE, IEEE, LIGHT, publish
from .mosquitto import Broker

# Once a test raises the root log level to DEBUG, the recorder logs every SQL statement and
# every pooled connection; keep test output readable.
logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
logging.getLogger("homeassistant.components.recorder").setLevel(logging.INFO)

DEFAULT_OPTIONS = {
    "base_topic": "zigbee2mqtt",
    "analysis_time": "03:30:00",
    "lookback_days": 14,
    "notify_topic": "ha-ai/analysis/complete",
    "max_devices_payload_mib": 16,
    "include_entities": [],
    "exclude_entities": [],
    "exclude_domains": [],
    "exclude_areas": [],
    "automated_users": [],
    "persistent_notification": True,
    "max_new_suggestions": 5,
}
# What the reconfigure form asks (the rest is only in the options).
FORM_INPUT = {
    key: DEFAULT_OPTIONS[key]
    for key in ("base_topic", "analysis_time", "lookback_days", "notify_topic")
}
# What the setup form asks: the same, with the base topic in its folded Zigbee2MQTT section.
SETUP_INPUT = {
    **{key: value for key, value in FORM_INPUT.items() if key != "base_topic"},
    "zigbee2mqtt": {"base_topic": DEFAULT_OPTIONS["base_topic"]},
}


def setup_input(**changes: Any) -> dict[str, Any]:
    """Return the setup form's input with `changes` (base_topic goes into its section)."""
    section = {"base_topic": changes.pop("base_topic")} if "base_topic" in changes else {}
    return {**SETUP_INPUT, **changes, "zigbee2mqtt": {**SETUP_INPUT["zigbee2mqtt"], **section}}


# Where every test that moves the clock starts (tests run at any hour: CI does, also under
# faketime at hard instants, see scripts/test). A Friday; 12:00 in Berlin, 03:00 in US/Pacific.
START = "2026-11-20 11:00:00+00:00"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Start the clock of every test that uses `freezer` at START, not at the wall clock's now.

    A `freeze_time` mark of the test's own (with its instant) wins; pytest-freezer then starts the
    freezer before every other fixture, so Home Assistant starts at that instant too.
    """
    for item in items:
        if "freezer" in getattr(item, "fixturenames", ()) and not item.get_closest_marker(
            "freeze_time"
        ):
            item.add_marker(pytest.mark.freeze_time(START))


@pytest.fixture
def expected_lingering_timers() -> bool:
    """Allow the periodic timer that HA's MQTT client (real or mocked) leaves behind."""
    return True


@pytest.fixture
def recorder_db_url(recorder_db_url: str) -> Generator[str]:
    """Give the harness's test database; afterwards let it drop it, also on a busy MariaDB.

    The harness refuses to drop a MariaDB database while any connection is still listed on it;
    a connection the recorder has just closed can stay listed for a moment on a loaded machine.
    """
    yield recorder_db_url
    if recorder_db_url.startswith("mysql://"):
        engine = sqlalchemy.create_engine(recorder_db_url)
        query = sqlalchemy.text(
            "SELECT id FROM information_schema.processlist WHERE db = DATABASE()"
            " AND id != CONNECTION_ID()"
        )
        try:
            for _ in range(100):
                with engine.connect() as connection:
                    if not connection.execute(query).fetchall():
                        break
                time.sleep(0.1)
        finally:
            engine.dispose()


@pytest.fixture(autouse=True)
def auto_recorder(recorder_mock: Any) -> None:
    """Start the recorder (our dependency) before anything else creates `hass`."""


@pytest.fixture(autouse=True)
def kept_days(tmp_path: Path) -> Generator[Path]:
    """Keep the analysed days in the test's own folder (the harness's config folder is shared)."""
    folder = tmp_path / "kept_days"
    with patch(
        "custom_components.ai_automation.analysis.kept_days.kept_days_folder",
        return_value=folder,
    ):
        yield folder


@pytest.fixture(autouse=True)
def no_daily_run_unless_marked(request: pytest.FixtureRequest) -> Generator[None]:
    """Keep the daily schedule out of tests about something else.

    Those tests run at any time of day, and after the analysis time a setup catches up on the
    day's run at once. Tests marked `schedule` (which set the time with freezer) keep it.
    """
    if request.node.get_closest_marker("schedule") is not None:
        yield
        return
    with patch(
        "custom_components.ai_automation.analysis.daily.DailyAnalysis._due", return_value=False
    ):
        yield


@pytest.fixture
def config_entry() -> MockConfigEntry:
    """Return an AI Automation entry with the default settings."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="AI Automation",
        unique_id=DOMAIN,
        options=dict(DEFAULT_OPTIONS),
        minor_version=2,
    )


@pytest.fixture
def discovered_entry() -> MockConfigEntry:
    """Return an AI Automation entry set up from Zigbee2MQTT's discovery (Zigbee2MQTT expected)."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="AI Automation",
        unique_id=DOMAIN,
        source=SOURCE_MQTT,
        options=dict(DEFAULT_OPTIONS),
        minor_version=2,
    )


@pytest.fixture
async def mqtt_ready(
    mqtt_mock: MqttMockHAClient, enable_custom_integrations: None
) -> MqttMockHAClient:
    """Home Assistant with a mocked MQTT broker and our integration available."""
    return mqtt_mock


async def run_analysis(hass: HomeAssistant) -> dict[str, Any]:
    """Run the analysis through its action, as a user or an automation does; return the summary."""
    response = await hass.services.async_call(
        "ai_automation", "run_analysis", blocking=True, return_response=True
    )
    assert response is not None
    return dict(response)


async def setup_integration(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Add `entry` and set it up, as Home Assistant does at start-up."""
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


async def setup_at(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, start: datetime, **options: Any
) -> MockConfigEntry:
    """Set AI Automation up at `start` with the default options and `options`."""
    freezer.move_to(start)
    entry = MockConfigEntry(domain="ai_automation", options={**DEFAULT_OPTIONS, **options})
    await setup_integration(hass, entry)
    return entry


@pytest.fixture
async def loaded_entry(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, config_entry: MockConfigEntry
) -> MockConfigEntry:
    """AI Automation running on the mocked broker."""
    await setup_integration(hass, config_entry)
    return config_entry


async def wait_until(
    hass: HomeAssistant, condition: Callable[[], bool], what: str, seconds: float = 15
) -> None:
    """Wait for something that depends on real network traffic, or fail saying what."""
    for _ in range(int(seconds / 0.05)):
        await hass.async_block_till_done()
        if condition():
            return
        await asyncio.sleep(0.05)
    pytest.fail(f"timed out waiting until {what}")


async def later_with_real_broker(hass: HomeAssistant, seconds: float) -> None:
    """Move the clock on, and give a connection check against the real broker time to answer."""
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=seconds))
    await hass.async_block_till_done()
    await asyncio.sleep(0.1)
    await hass.async_block_till_done()


async def wait_for_mqtt_reauth(hass: HomeAssistant, mqtt_entry: MockConfigEntry) -> None:
    """Wait until the real broker refused the credentials and Home Assistant asks for new ones."""
    await wait_until(
        hass,
        lambda: any(mqtt_entry.async_get_active_flows(hass, {SOURCE_REAUTH})),
        "Home Assistant asks to reauthenticate MQTT",
    )


@pytest.fixture
def mosquitto(tmp_path: Path, socket_enabled: None) -> Generator[Broker]:
    """Start a real Mosquitto broker with a password file on a free loopback port."""
    broker = Broker(tmp_path)
    broker.start()
    yield broker
    broker.stop()


@pytest.fixture
def mqtt_overrides() -> dict[str, Any]:
    """Change the real MQTT entry's data in a test (for example a wrong password)."""
    return {}


@pytest.fixture
async def real_mqtt_entry(
    hass: HomeAssistant,
    socket_enabled: None,
    enable_custom_integrations: None,
    mock_hass_config: None,
    mosquitto: Broker,
    mqtt_overrides: dict[str, Any],
) -> AsyncGenerator[MockConfigEntry]:
    """Set up Home Assistant's MQTT integration against the real broker; tear it down first."""
    entry = MockConfigEntry(
        domain="mqtt", data=mosquitto.entry_data(**mqtt_overrides), version=2, minor_version=1
    )
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    yield entry
    await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()


@pytest.fixture
def analyse() -> Generator[AsyncMock]:
    """Replace the analysis itself: these tests are about when it runs and what it reports."""
    with analysis_finding(analysis_result()) as mock:
        yield mock


@pytest.fixture
async def berlin(mqtt_ready: MqttMockHAClient, hass: HomeAssistant) -> MqttMockHAClient:
    """Home Assistant in Berlin time."""
    await hass.config.async_set_time_zone(BERLIN)
    return mqtt_ready


@pytest.fixture
async def with_suggestions(
    mqtt_ready: MqttMockHAClient, hass: HomeAssistant, config_entry: MockConfigEntry
) -> MockConfigEntry:
    """AI Automation after a run that found two suggestions."""
    await setup_integration(hass, config_entry)
    with analysis_finding(analysis_result([SUGGESTION, SECOND])):
        await run_analysis(hass)
    return config_entry


@pytest.fixture
def paho_keeps_real_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Give real time only to the caller that asks directly from paho (its keepalive checks).

    By default freezegun looks five frames up, and every MQTT callback runs below paho's frames.
    """
    monkeypatch.setattr(freezegun.api, "call_stack_inspection_limit", 1)


@pytest.fixture
async def zigbee_home(
    real_mqtt_entry: MockConfigEntry,
    hass: HomeAssistant,
    mosquitto: Broker,
    config_entry: MockConfigEntry,
) -> MockConfigEntry:
    """Zigbee2MQTT's device list and discovery on a real broker, and AI Automation running."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    await publish(mosquitto, "zigbee2mqtt/bridge/state", {"state": "online"}, retain=True)
    await publish(mosquitto, "zigbee2mqtt/bridge/devices", FIXTURE, retain=True)
    await publish(mosquitto, f"homeassistant/light/{IEEE}/light/config", DISCOVERY, retain=True)
    await wait_until(hass, lambda: hass.states.get(LIGHT) is not None, "the light is discovered")
    await setup_integration(hass, config_entry)
    await wait_until(
        hass,
        lambda: bool(config_entry.runtime_data.known_devices.devices),
        "the device list arrives",
    )
    return config_entry


class Zigbee2Mqtt:
    """Publishes device lists as Zigbee2MQTT would and waits until Home Assistant handled them."""

    def __init__(self, hass: HomeAssistant, broker: Broker) -> None:
        """Remember where to publish."""
        self.hass, self.broker = hass, broker
        self.seen: set[str] = set()

    async def publish(self, *payloads: str | bytes) -> None:
        """Publish the lists over one connection, then wait until every one of them is handled."""
        token = uuid.uuid4().hex
        messages: list[tuple[str, str | bytes]] = [(TOPIC, payload) for payload in payloads]
        await asyncio.to_thread(self.broker.publish_many, [*messages, (SENTINEL, token)])
        await wait_until(self.hass, lambda: token in self.seen, "the broker delivered the lists")
        await self.hass.async_block_till_done(wait_background_tasks=True)

    @callback
    def on_sentinel(self, message: mqtt.ReceiveMessage) -> None:
        """Note that every message published before this one has been handled."""
        self.seen.add(str(message.payload))


@pytest.fixture
async def z2m(
    real_mqtt_entry: MockConfigEntry,
    hass: HomeAssistant,
    mosquitto: Broker,
    config_entry: MockConfigEntry,
) -> AsyncGenerator[Zigbee2Mqtt]:
    """AI Automation on a real broker, and a way to publish device lists to it."""
    await setup_integration(hass, config_entry)
    publisher = Zigbee2Mqtt(hass, mosquitto)
    unsubscribe = await mqtt.async_subscribe(hass, SENTINEL, publisher.on_sentinel, qos=1)
    for _ in range(100):  # Home Assistant subscribes a moment later
        await asyncio.to_thread(mosquitto.publish, SENTINEL, "ready")
        await asyncio.sleep(0.1)
        if "ready" in publisher.seen:
            break
    yield publisher
    unsubscribe()
