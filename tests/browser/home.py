"""A real Home Assistant process with the demo home, a real Mosquitto and this integration.

Started the way scripts/develop starts the dev instance (scripts/dev_bootstrap.py onboards it and
creates the MQTT and AI Automation entries through Home Assistant's own APIs; scripts/dev_demo.py
plays Zigbee2MQTT and writes three weeks of history), but on free ports in a temporary folder.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
import concurrent.futures
from contextlib import contextmanager
import importlib.util
import json
import os
from pathlib import Path
import shutil
import signal
import socket
import subprocess
import sys
import time
from typing import Any
import urllib.error
import urllib.request

import aiohttp
from playwright.sync_api import Locator

from ..mosquitto import Broker

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
USER, PASSWORD = "dev", "dev"  # scripts/dev_bootstrap.py's throwaway login
CLIENT_ID = f"http://{HOST}/"
KITCHEN_LIGHT = "0x0017880108a1b2c3"  # a light with colour temperature in the fixture list


def host_time_zone() -> str:
    """Return the time zone scripts/dev_bootstrap.py gives Home Assistant at onboarding."""
    spec = importlib.util.spec_from_file_location(
        "dev_instance", ROOT / "scripts" / "dev_instance.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    zone: str = module.host_time_zone()
    return zone


def free_port() -> int:
    """Return a loopback port nobody listens on."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


class RunningHome:
    """Mosquitto and Home Assistant in `folder`; `start` brings both up, `stop` ends both."""

    def __init__(self, folder: Path, python: str = sys.executable, *, copy: bool = False) -> None:
        """Prepare the configuration folder (nothing runs yet).

        `python` runs Home Assistant (another environment's, for another release of it); `copy`
        installs the integration as a user does, a copy in custom_components/ (else a link).
        """
        self.folder = folder
        self.python = python
        self.copy = copy
        self.config = folder / "config"
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.broker = Broker(folder)
        self.token = ""
        self._process: subprocess.Popen[bytes] | None = None
        self._log = folder / "hass.out"

    # ------------------------------------------------------------------ processes

    def start(
        self,
        stored_suggestions: dict[str, Any] | None = None,
        stored_usage: dict[str, Any] | None = None,
        *,
        as_develop_demo: bool = False,
    ) -> None:
        """Start the broker and Home Assistant, onboard, create the entries, write the demo.

        `as_develop_demo`: exactly as `scripts/develop --demo` does it (`setup --demo`: the demo
        history before the AI Automation entry, then the analysis and the card's dashboard).
        """
        self.broker.start()
        self.config.mkdir()
        # scripts/develop's configuration, plus energy (part of default_config), which the
        # dashboards' card picker asks for.
        configuration = (ROOT / "config" / "configuration.yaml").read_text()
        (self.config / "configuration.yaml").write_text(configuration + "\nenergy:\n")
        for name, empty in (("automations", "[]"), ("scripts", "{}"), ("scenes", "[]")):
            (self.config / f"{name}.yaml").write_text(empty + "\n")
        (self.config / "custom_components").mkdir()
        source = ROOT / "custom_components" / "ai_automation"
        if self.copy:
            shutil.copytree(source, self.config / "custom_components" / "ai_automation",
                            ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
        else:
            (self.config / "custom_components" / "ai_automation").symlink_to(source)
        password_file = self.folder / "mqtt_password"
        password_file.write_text(self.broker.password)
        self._bootstrap("seed", "--config", str(self.config), "--port", str(self.port))
        if stored_suggestions is not None:
            self._write_store("ai_automation.suggestions", stored_suggestions)
        if stored_usage is not None:
            self._write_store("ai_automation.usage", stored_usage)
        self._spawn("wb")
        self._bootstrap(
            "setup",
            "--config", str(self.config),
            "--url", self.url,
            "--ha-pid", str(self._process.pid),
            "--mqtt-port", str(self.broker.port),
            "--mqtt-user", self.broker.username,
            "--mqtt-password-file", str(password_file),
            "--timeout", "300",
            *(["--demo"] if as_develop_demo else []),
        )  # fmt: skip
        self.token = self._login()
        if as_develop_demo:
            return
        self.publish_kitchen_light()
        subprocess.run(
            [
                sys.executable, str(ROOT / "scripts" / "dev_demo.py"),
                "--config", str(self.config),
                "--mqtt-port", str(self.broker.port),
                "--mqtt-user", self.broker.username,
                "--mqtt-password-file", str(password_file),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )  # fmt: skip
        self._wait_for_kitchen_light()

    def _spawn(self, mode: str) -> None:
        """Start Home Assistant's process, its output written (`mode`) to the log file."""
        with self._log.open(mode) as out:
            self._process = subprocess.Popen(
                [self.python, "-m", "homeassistant", "--config", str(self.config), "--skip-pip"],
                stdout=out,
                stderr=subprocess.STDOUT,
                env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""},
                start_new_session=True,
            )

    def restart(self, timeout: float = 300) -> None:
        """Restart Home Assistant as its service does (stopped, started again; broker stays).

        Returns once it answers again with AI Automation's entry loaded.
        """
        assert self._process is not None
        self._process.send_signal(signal.SIGTERM)
        self._process.wait(timeout=90)
        self._spawn("ab")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                (entries,) = self.websocket(
                    {"type": "config_entries/get", "domain": "ai_automation"}
                )
            except OSError, RuntimeError, aiohttp.ClientError:  # (not up yet)
                entries = []
            if any(entry["state"] == "loaded" for entry in entries):
                return
            time.sleep(1)
        raise RuntimeError(f"Home Assistant did not come back:\n{self.log_tail()}")

    def _wait_for_kitchen_light(self) -> None:
        """Wait until the device list and the discovered light are matched (unused capability)."""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            (model,) = self.websocket({"type": "ai_automation/capabilities"})
            for device in model["devices"]:
                if device["ieee_address"] == KITCHEN_LIGHT and any(
                    cap["entity_id"] for cap in device["capabilities"]
                ):
                    return
            time.sleep(0.5)
        raise RuntimeError(f"the kitchen light was not matched:\n{self.log_tail()}")

    def stop(self) -> None:
        """Stop Home Assistant (it saves its state), then the broker."""
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(timeout=90)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self.broker.stop()

    def log_text(self) -> str:
        """Return Home Assistant's whole output so far."""
        return self._log.read_text(errors="replace") if self._log.exists() else ""

    def log_tail(self, lines: int = 60) -> str:
        """Return the end of Home Assistant's output (for a failing test's message)."""
        text = self._log.read_text(errors="replace") if self._log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def _bootstrap(self, *args: str) -> None:
        result = subprocess.run(
            [self.python, str(ROOT / "scripts" / "dev_bootstrap.py"), *args],
            capture_output=True,
            text=True,
            timeout=400,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"dev_bootstrap {args[0]} failed ({result.returncode}):\n{result.stdout}\n"
                f"{result.stderr}\nHome Assistant:\n{self.log_tail()}"
            )

    def _write_store(self, key: str, data: dict[str, Any]) -> None:
        storage = self.config / ".storage"
        storage.mkdir(exist_ok=True)
        payload = {"version": 1, "minor_version": 1, "key": key, "data": data}
        (storage / key).write_text(json.dumps(payload))

    # ------------------------------------------------------------------ Home Assistant's API

    def _login(self) -> str:
        """Log in as the dev user through the login flow; return an access token."""
        flow = self.post(
            "/auth/login_flow",
            {"client_id": CLIENT_ID, "handler": ["homeassistant", None],
             "redirect_uri": f"{CLIENT_ID}?auth_callback=1"},
            auth=False,
        )  # fmt: skip
        result = self.post(
            f"/auth/login_flow/{flow['flow_id']}",
            {"client_id": CLIENT_ID, "username": USER, "password": PASSWORD},
            auth=False,
        )
        request = urllib.request.Request(  # noqa: S310 - Home Assistant on loopback
            self.url + "/auth/token",
            data=(
                f"grant_type=authorization_code&code={result['result']}&client_id={CLIENT_ID}"
            ).encode(),
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return str(json.load(response)["access_token"])

    def request(
        self, method: str, path: str, body: Any = None, *, auth: bool = True, timeout: float = 300
    ) -> tuple[int, Any]:
        """Send a REST request; return the status and the decoded answer."""
        headers = {"Content-Type": "application/json"}
        if auth:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(  # noqa: S310 - Home Assistant on loopback
            self.url + path,
            data=None if body is None else json.dumps(body).encode(),
            headers=headers,
            method=method,
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                text = response.read().decode()
                return response.status, json.loads(text) if text else None
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode(errors="replace")

    def post(self, path: str, body: Any, *, auth: bool = True) -> Any:
        """POST and return the answer; fail on an HTTP error."""
        status, answer = self.request("POST", path, body, auth=auth)
        if status >= 400:
            raise RuntimeError(f"POST {path}: HTTP {status}: {answer}")
        return answer

    def get(self, path: str) -> tuple[int, Any]:
        """GET with the dev user's token."""
        return self.request("GET", path)

    def websocket(self, *commands: dict[str, Any]) -> list[Any]:
        """Run websocket commands with the dev user's token; return their results."""

        async def run() -> list[Any]:
            results = []
            async with (
                aiohttp.ClientSession() as session,
                session.ws_connect(self.url + "/api/websocket") as ws,
            ):
                await ws.receive_json()
                await ws.send_json({"type": "auth", "access_token": self.token})
                await ws.receive_json()
                for msg_id, command in enumerate(commands, start=1):
                    await ws.send_json({"id": msg_id, **command})
                    while (msg := await ws.receive_json()).get("id") != msg_id:
                        pass
                    if not msg.get("success"):
                        raise RuntimeError(f"{command['type']}: {msg.get('error')}")
                    results.append(msg.get("result"))
            return results

        # In a thread of its own: asyncio.run would replace the test thread's event loop.
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, run()).result(timeout=120)

    def run_analysis(self) -> Any:
        """Run the analysis through its action and return its summary."""
        return self.post("/api/services/ai_automation/run_analysis?return_response", {})

    def publish_kitchen_light(self) -> None:
        """Announce the fixture's kitchen light as Zigbee2MQTT's Home Assistant discovery does."""
        base = "zigbee2mqtt/Kitchen light"
        config = {
            "schema": "json",
            "name": None,
            "unique_id": f"{KITCHEN_LIGHT}_light_zigbee2mqtt",
            "object_id": "kitchen_light",
            "state_topic": base,
            "command_topic": f"{base}/set",
            "brightness": True,
            "supported_color_modes": ["color_temp"],
            "min_mireds": 150,
            "max_mireds": 500,
            "device": {
                "identifiers": [f"zigbee2mqtt_{KITCHEN_LIGHT}"],
                "name": "Kitchen light",
                "manufacturer": "Signify",
                "model": "LCT015",
            },
        }
        self.broker.publish(
            f"homeassistant/light/{KITCHEN_LIGHT}/light/config", json.dumps(config), retain=True
        )
        self.broker.publish(base, json.dumps({"state": "ON", "brightness": 200, "color_temp": 370}))


@contextmanager
def stopped_afterwards(home: RunningHome) -> Iterator[RunningHome]:
    """Yield the home; show its log's tail with a failure; stop it and remove its folder."""
    try:
        yield home
    except BaseException:
        print(home.log_tail())  # noqa: T201 - shown with the failure
        raise
    finally:
        home.stop()
        shutil.rmtree(home.folder, ignore_errors=True)


def open_suggestions(card: Locator) -> Locator:
    """Return the open suggestions the card lists."""
    return card.locator("ul.suggestions:not(.created) > li.suggestion")
