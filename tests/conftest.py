"""Fixtures for AI Automation tests."""

# Import our package before the plugin's own `custom_components` package can shadow it.
import custom_components.ai_automation  # noqa: F401  # isort: skip

from collections.abc import AsyncGenerator, Generator
from dataclasses import dataclass
import logging
import os
from pathlib import Path
import shutil
import socket
import subprocess
import time
from typing import Any
import uuid

from paho.mqtt import client as paho_mqtt, publish as paho_publish
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import MqttMockHAClient

from custom_components.ai_automation.const import DOMAIN
from homeassistant.core import HomeAssistant

# Once a test raises the root log level to DEBUG, the recorder logs every SQL statement and
# every pooled connection; keep test output readable.
logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
logging.getLogger("homeassistant.components.recorder.pool").setLevel(logging.INFO)

DEFAULT_OPTIONS = {
    "base_topic": "zigbee2mqtt",
    "analysis_time": "03:30:00",
    "lookback_days": 14,
    "notify_topic": "ha-ai/analysis/complete",
}


@pytest.fixture
def expected_lingering_timers() -> bool:
    """Allow the periodic timer that HA's MQTT client (real or mocked) leaves behind."""
    return True


@pytest.fixture(autouse=True)
def auto_recorder(recorder_mock: Any) -> None:
    """Start the recorder (our dependency) before anything else creates `hass`."""


@pytest.fixture
def config_entry() -> MockConfigEntry:
    """Return an AI Automation entry with the default settings."""
    return MockConfigEntry(
        domain=DOMAIN, title="AI Automation", unique_id=DOMAIN, options=dict(DEFAULT_OPTIONS)
    )


@pytest.fixture
async def mqtt_ready(
    mqtt_mock: MqttMockHAClient, enable_custom_integrations: None
) -> MqttMockHAClient:
    """Home Assistant with a mocked MQTT broker and our integration available."""
    return mqtt_mock


async def setup_integration(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Add `entry` and set it up, as Home Assistant does at start-up."""
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


@dataclass(frozen=True)
class Broker:
    """A Mosquitto broker the tests started on loopback."""

    host: str
    port: int
    username: str
    password: str
    log: Path

    def entry_data(self) -> dict[str, Any]:
        """Return MQTT config entry data that points Home Assistant at this broker."""
        return {
            "broker": self.host,
            "port": self.port,
            "protocol": "5",
            "username": self.username,
            "password": self.password,
        }

    def publish(self, topic: str, payload: str, *, retain: bool = False) -> None:
        """Publish one message as another client would (blocking: run it in a thread)."""
        paho_publish.single(
            topic,
            payload,
            qos=1,
            retain=retain,
            hostname=self.host,
            port=self.port,
            client_id=f"ai-automation-test-{uuid.uuid4().hex[:8]}",
            auth={"username": self.username, "password": self.password},
            protocol=paho_mqtt.MQTTv5,
        )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"mosquitto exited: {log.read_text(errors='replace')}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        except OSError:
            time.sleep(0.05)
        else:
            return
    raise RuntimeError(f"mosquitto did not listen on {port}: {log.read_text(errors='replace')}")


@pytest.fixture
def mosquitto(tmp_path: Path, socket_enabled: None) -> Generator[Broker]:
    """Start a real Mosquitto broker with a password file on a free loopback port."""
    if shutil.which("mosquitto") is None:
        pytest.fail("mosquitto is not installed: apt-get install -y mosquitto (scripts/test does)")
    log = tmp_path / "mosquitto.log"
    broker = Broker("127.0.0.1", _free_port(), "ha-test", "s3cret-test-password", log)
    passwords = tmp_path / "passwords"
    subprocess.run(
        ["mosquitto_passwd", "-b", "-c", str(passwords), broker.username, broker.password],
        check=True,
        capture_output=True,
    )
    conf = tmp_path / "mosquitto.conf"
    lines = [
        f"listener {broker.port} {broker.host}",
        "allow_anonymous false",
        f"password_file {passwords}",
        "persistence false",
        f"log_dest file {log}",
    ]
    if os.geteuid() == 0:
        lines.append("user root")
    conf.write_text("\n".join(lines) + "\n")
    process = subprocess.Popen(["mosquitto", "-c", str(conf)])
    try:
        _wait_for_port(broker.port, process, log)
        yield broker
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
async def real_mqtt_entry(
    hass: HomeAssistant,
    socket_enabled: None,
    enable_custom_integrations: None,
    mock_hass_config: None,
    mosquitto: Broker,
) -> AsyncGenerator[MockConfigEntry]:
    """Set up Home Assistant's MQTT integration against the real broker; tear it down first."""
    entry = MockConfigEntry(domain="mqtt", data=mosquitto.entry_data(), version=2, minor_version=1)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    yield entry
    await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
