"""A real Mosquitto broker for tests: loopback only, a password file, stoppable and restartable."""

from __future__ import annotations

import os
from pathlib import Path
import shutil
import socket
import subprocess
import threading
import time
from typing import Any
import uuid

from paho.mqtt import client as paho_mqtt, publish as paho_publish

HOST = "127.0.0.1"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


class Broker:
    """Mosquitto on a free loopback port, run from a private folder."""

    def __init__(self, folder: Path) -> None:
        """Write the password file and configuration; `start` runs it."""
        if shutil.which("mosquitto") is None:
            raise RuntimeError("mosquitto is not installed: apt-get install -y mosquitto")
        self.host, self.port = HOST, _free_port()
        self.username, self.password = "ha-test", f"pw-{uuid.uuid4().hex[:12]}"
        self.log = folder / "mosquitto.log"
        passwords = folder / "passwords"
        subprocess.run(
            ["mosquitto_passwd", "-b", "-c", str(passwords), self.username, self.password],
            check=True,
            capture_output=True,
        )
        lines = [
            f"listener {self.port} {self.host}",
            "allow_anonymous false",
            f"password_file {passwords}",
            "persistence false",
            f"log_dest file {self.log}",
        ]
        if os.geteuid() == 0:  # as root Mosquitto would switch to a user who cannot read `folder`
            lines.append("user root")
        self._conf = folder / "mosquitto.conf"
        self._conf.write_text("\n".join(lines) + "\n")
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start the broker and wait until it listens."""
        self._process = subprocess.Popen(["mosquitto", "-c", str(self._conf)])
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"mosquitto exited: {self.log.read_text(errors='replace')}")
            try:
                socket.create_connection((self.host, self.port), timeout=0.2).close()
            except OSError:
                time.sleep(0.05)
            else:
                return
        raise RuntimeError(f"mosquitto did not listen on {self.port}")

    def stop(self) -> None:
        """Stop the broker, as a user stopping the Mosquitto add-on would."""
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=10)
            self._process = None

    def entry_data(self, **overrides: Any) -> dict[str, Any]:
        """Return MQTT config entry data that points Home Assistant at this broker."""
        return {
            "broker": self.host,
            "port": self.port,
            "protocol": "5",
            "username": self.username,
            "password": self.password,
        } | overrides

    def publish_many(self, messages: list[tuple[str, str | bytes]]) -> None:
        """Publish (topic, payload) messages in order over one connection, as Zigbee2MQTT does.

        Blocking: run it in a thread. Returns once the broker has acknowledged every message.
        """
        client = paho_mqtt.Client(
            paho_mqtt.CallbackAPIVersion.VERSION2,
            client_id=f"ai-automation-test-{uuid.uuid4().hex[:8]}",
            protocol=paho_mqtt.MQTTv5,
        )
        client.username_pw_set(self.username, self.password)
        connected = threading.Event()
        client.on_connect = lambda *_: connected.set()
        client.connect(self.host, self.port)
        client.loop_start()
        try:
            if not connected.wait(10):
                raise RuntimeError("could not connect to mosquitto to publish")
            sent = [client.publish(topic, payload, qos=1) for topic, payload in messages]
            for info in sent:
                info.wait_for_publish(timeout=60)
        finally:
            client.disconnect()
            client.loop_stop()

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
