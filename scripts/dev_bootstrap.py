"""Helper of scripts/develop: prepare, onboard and wire up the dev Home Assistant.

Run it with the project's .venv Python (Home Assistant and aiohttp live there):

  free-port [--prefer PORT]   print PORT if 127.0.0.1:PORT can be bound, else a free port
  seed                        before a start: HTTP on 127.0.0.1:8123, onboarding store
  setup --ha-pid PID ...      after a start: finish onboarding, create or repair the MQTT
                              and ai_automation config entries, report their state;
                              with --demo, write the demo home (scripts/dev_demo.py) between
                              the two, run the analysis and add the AI Automation dashboard
  requirements [--check FILE] the pinned packages Home Assistant sets up for config/
                              (regenerate requirements_dev.txt with it after a HA bump)

Whatever it changes in a running Home Assistant goes through HA's own HTTP and
websocket APIs, the way the frontend does it.
"""

import argparse
import asyncio
from collections.abc import Callable
import contextlib
from datetime import UTC, datetime
import hashlib
import importlib.util
import json
import os
from pathlib import Path
import re
import socket
import sys
import time
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = "127.0.0.1"
HTTP_PORT = 8123
CLIENT_ID = f"http://localhost:{HTTP_PORT}/"
REDIRECT_URI = f"{CLIENT_ID}?auth_callback=1"
# The throwaway dev login, printed by scripts/develop and stored nowhere else.
DEV_NAME, DEV_USER, DEV_PASSWORD = "Dev", "dev", "dev"
MQTT_USER = "ha"
DOMAIN = "ai_automation"
# The dev home's time zone when the host's is no place (UTC, Etc/...): the country is DE.
DEV_TIME_ZONE = "Europe/Berlin"
# The dashboard `setup --demo` adds, with the card on it.
DEMO_DASHBOARD = "ai-automation"

# Exit codes of `setup`: scripts/develop stops on FATAL and keeps HA running on WARN.
OK, FATAL, WARN = 0, 1, 2

type Json = Any


def log(msg: str) -> None:
    """Print a line of scripts/develop's own output."""
    print(f"[develop] {msg}", flush=True)


class FatalError(Exception):
    """Home Assistant cannot be used; scripts/develop stops."""


# --------------------------------------------------------------------------- free-port


def _can_bind(port: int) -> bool:
    with socket.socket() as sock:
        # Mosquitto sets this too, so TIME_WAIT leftovers do not make a port look busy.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((LOOPBACK, port))
        except OSError:
            return False
    return True


def cmd_free_port(args: argparse.Namespace) -> int:
    """Print the preferred port if it is free, else one the kernel picks."""
    if args.prefer and _can_bind(args.prefer):
        print(args.prefer)
        return OK
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        print(sock.getsockname()[1])
    return OK


# --------------------------------------------------------------------------- seed


def _write_store(path: Path, key: str, version: int, minor: int, data: Json) -> None:
    """Write a file in Home Assistant's .storage format, private as HA writes it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"version": version, "minor_version": minor, "key": key, "data": data}
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    tmp.chmod(0o600)
    tmp.replace(path)


def cmd_seed(args: argparse.Namespace) -> int:
    """Prepare .storage before Home Assistant starts; existing files are left alone.

    * http: Home Assistant 2026.10 keeps its HTTP settings in .storage/http. A YAML
      `http:` block is migrated once, as a trial that is rolled back after five
      minutes unless confirmed, and is reported as a repair on every later start.
      So config/configuration.yaml has no `http:` and the address is seeded here.
    * onboarding: the core_config step is marked done up front. Posting it makes
      Home Assistant set up google_translate, radio_browser, met and shopping_list,
      which install packages and call internet services, and the dev instance must
      work offline. The settings the frontend sends in that step (time zone, units)
      are sent by `setup`; the user, analytics and integration steps go through the
      real onboarding API.
    """
    storage = Path(args.config) / ".storage"
    if (storage / "http").exists() and (storage / "onboarding").exists():
        return OK
    # Imported here: loading Home Assistant takes seconds that free-port does not need.
    from homeassistant.components import onboarding  # noqa: PLC0415
    from homeassistant.components.http import config as http_config  # noqa: PLC0415
    from homeassistant.components.onboarding.const import STEP_CORE_CONFIG  # noqa: PLC0415

    if not (storage / "http").exists():
        address = {"server_host": [LOOPBACK], "server_port": args.port}
        stable = dict(http_config.HTTP_STORAGE_SCHEMA(address))
        stable |= {
            "created_at": datetime.now(UTC).isoformat(),
            "error": None,
            "error_message": None,
        }
        _write_store(
            storage / "http",
            http_config.STORAGE_KEY,
            http_config.STORAGE_VERSION,
            http_config.STORAGE_MINOR_VERSION,
            {"stable": stable, "pending": None, "yaml_migration_done": True},
        )
    if not (storage / "onboarding").exists() and not (storage / "auth").exists():
        _write_store(
            storage / "onboarding",
            onboarding.STORAGE_KEY,
            onboarding.STORAGE_VERSION,
            1,
            {"done": [STEP_CORE_CONFIG]},
        )
    return OK


# --------------------------------------------------------------------------- setup


def _alive(pid: int) -> bool:
    """Tell whether the process runs (a zombie does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8")
    except FileNotFoundError:
        return False
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _host_time_zone() -> str:
    """Return the dev home's time zone: the host's if it is a place, else DEV_TIME_ZONE.

    UTC is no home's zone: an automation "at 23:52" would show as 00:52 in a German home.
    """
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    link = os.path.realpath("/etc/localtime")
    if "/zoneinfo/" in link:
        candidates.append(link.split("/zoneinfo/", 1)[1])
    for name in filter(None, candidates):
        if "/" not in name or name.startswith(("Etc/", "SystemV/")):
            continue  # UTC, GMT, Etc/UTC, Etc/GMT+1: no place
        with contextlib.suppress(ValueError, KeyError, OSError):  # KeyError: unknown zone
            ZoneInfo(name)
            return name
    return DEV_TIME_ZONE


def _schema_defaults(schema: list[Json] | None) -> dict[str, Json]:
    """Return what a user submits by accepting a flow form as it is shown."""
    values: dict[str, Json] = {}
    for field in schema or []:
        if field.get("type") == "expandable":
            values[field["name"]] = _schema_defaults(field.get("schema"))
        elif "default" in field:
            values[field["name"]] = field["default"]
        elif "suggested_value" in (field.get("description") or {}):
            values[field["name"]] = field["description"]["suggested_value"]
    return values


def _missing_required(schema: list[Json] | None, values: dict[str, Json]) -> list[str]:
    """Return the required fields of a form that have no value."""
    missing = []
    for field in schema or []:
        name = field["name"]
        if field.get("type") == "expandable":
            inner = _missing_required(field.get("schema"), values.get(name, {}))
            missing += [f"{name}.{sub}" for sub in inner]
        elif field.get("required") and name not in values:
            missing.append(name)
    return missing


def _stored_entry_data(config: Path, entry_id: str) -> dict[str, Json]:
    """Read a config entry's data from .storage, read only: the REST API hides it."""
    try:
        raw = json.loads((config / ".storage" / "core.config_entries").read_text("utf-8"))
    except OSError, ValueError:
        return {}
    for entry in raw.get("data", {}).get("entries", []):
        if entry.get("entry_id") == entry_id:
            return dict(entry.get("data", {}))
    return {}


class HomeAssistantAPI:
    """The few REST and websocket calls the dev setup needs."""

    def __init__(
        self, session: aiohttp.ClientSession, url: str, ha_pid: int, timeout: float
    ) -> None:
        """Talk to the Home Assistant at url, run by process ha_pid."""
        self.session = session
        self.url = url.rstrip("/")
        self.ha_pid = ha_pid
        self.deadline = time.monotonic() + timeout
        self.token: str | None = None
        self.refresh_token: str | None = None

    def check_alive(self) -> None:
        """Raise FatalError once Home Assistant is gone or too slow."""
        if not _alive(self.ha_pid):
            raise FatalError("Home Assistant exited during start-up (see its output above)")
        if time.monotonic() > self.deadline:
            raise FatalError("Home Assistant did not come up in time")

    async def request(self, method: str, path: str, **kwargs: Any) -> tuple[int, Json]:
        """Send a request; return the status and the decoded body."""
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        async with self.session.request(method, self.url + path, headers=headers, **kwargs) as resp:
            text = await resp.text()
        try:
            return resp.status, json.loads(text) if text else None
        except ValueError:
            return resp.status, text

    async def call(self, method: str, path: str, **kwargs: Any) -> Json:
        """Send a request that must succeed; return the decoded body."""
        status, body = await self.request(method, path, **kwargs)
        if status >= 400:
            raise RuntimeError(f"{method} {path} -> HTTP {status}: {body}")
        return body

    async def wait_for_http(self) -> list[Json] | None:
        """Poll until HTTP answers; return the open onboarding steps (None: onboarded)."""
        while True:
            self.check_alive()
            try:
                status, body = await self.request(
                    "GET", "/api/onboarding", timeout=aiohttp.ClientTimeout(total=5)
                )
            except aiohttp.ClientError, TimeoutError:
                await asyncio.sleep(1)
                continue
            # 404: onboarding is complete, so its views are not registered.
            return body if status == 200 else None

    async def wait_until_running(self) -> None:
        """Wait for the end of start-up, when all config entries have been set up."""
        while (await self.call("GET", "/api/config")).get("state") != "RUNNING":
            self.check_alive()
            await asyncio.sleep(1)

    async def _tokens_from_code(self, code: str) -> None:
        body = await self.call(
            "POST",
            "/auth/token",
            data={"grant_type": "authorization_code", "code": code, "client_id": CLIENT_ID},
        )
        self.token, self.refresh_token = body["access_token"], body["refresh_token"]

    async def login(self) -> None:
        """Log in as the dev user through the login flow, as the login page does."""
        flow = await self.call(
            "POST",
            "/auth/login_flow",
            json={
                "client_id": CLIENT_ID,
                "handler": ["homeassistant", None],
                "redirect_uri": REDIRECT_URI,
            },
        )
        result = await self.call(
            "POST",
            f"/auth/login_flow/{flow['flow_id']}",
            json={"client_id": CLIENT_ID, "username": DEV_USER, "password": DEV_PASSWORD},
        )
        if result.get("type") != "create_entry":
            raise FatalError(
                f"cannot log in as {DEV_USER}/{DEV_PASSWORD} ({result.get('errors')}); "
                "start afresh with: scripts/develop --reset"
            )
        await self._tokens_from_code(result["result"])

    async def revoke(self) -> None:
        """Revoke this session's refresh token, so the dev user's sessions do not pile up."""
        if self.refresh_token:
            await self.request("POST", "/auth/revoke", data={"token": self.refresh_token})

    async def websocket(self, *commands: dict[str, Json]) -> list[dict[str, Json]]:
        """Run websocket commands one after the other; return their result messages."""
        results = []
        async with self.session.ws_connect(self.url + "/api/websocket") as ws:
            await ws.receive_json()  # auth_required
            await ws.send_json({"type": "auth", "access_token": self.token})
            if (msg := await ws.receive_json())["type"] != "auth_ok":
                raise RuntimeError(f"websocket authentication failed: {msg}")
            for msg_id, command in enumerate(commands, start=1):
                await ws.send_json({"id": msg_id, **command})
                while (msg := await ws.receive_json()).get("id") != msg_id:
                    pass
                results.append(msg)
        return results

    async def onboard(self, steps: dict[str, bool]) -> None:
        """Do the onboarding steps still open, with the requests the frontend sends."""
        if steps.get("user"):
            await self.login()
        else:
            log(f"onboarding: creating the user {DEV_USER!r}")
            body = await self.call(
                "POST",
                "/api/onboarding/users",
                json={
                    "name": DEV_NAME,
                    "username": DEV_USER,
                    "password": DEV_PASSWORD,
                    "client_id": CLIENT_ID,
                    "language": "en",
                },
            )
            await self._tokens_from_code(body["auth_code"])
        # The analytics websocket commands exist once analytics' entry is set up.
        await self.wait_until_running()
        if not steps.get("user"):
            # What the frontend's location step sends before it posts core_config
            # (that post is seeded as done, see cmd_seed).
            time_zone = _host_time_zone()
            log(f"onboarding: time zone {time_zone}, metric units, country DE, EUR")
            (msg,) = await self.websocket(
                {
                    "type": "config/core/update",
                    "time_zone": time_zone,
                    "unit_system": "metric",
                    "country": "DE",
                    "currency": "EUR",
                }
            )
            if not msg.get("success"):
                log(f"WARNING: config/core/update failed: {msg.get('error')}")
        if not steps.get("core_config"):
            log(
                "WARNING: the onboarding step core_config is open: finish it in the "
                "browser, or start afresh with scripts/develop --reset"
            )
        if not steps.get("analytics"):
            # The frontend asks the user here; this is the answer "share nothing".
            (msg,) = await self.websocket(
                {"type": "analytics/preferences", "preferences": {"base": False}}
            )
            if not msg.get("success"):
                log(f"WARNING: analytics preferences not saved: {msg.get('error')}")
            await self.call("POST", "/api/onboarding/analytics")
        if not steps.get("integration"):
            await self.call(
                "POST",
                "/api/onboarding/integration",
                json={"client_id": CLIENT_ID, "redirect_uri": REDIRECT_URI},
            )
        log("onboarding: done")

    async def entries(self, domain: str | None = None) -> list[Json]:
        """List the config entries, of one domain if given."""
        query = f"?domain={domain}" if domain else ""
        return list(await self.call("GET", f"/api/config/config_entries/entry{query}"))

    async def run_flow(
        self, start: dict[str, Json], answer: Callable[[Json], dict[str, Json]]
    ) -> Json:
        """Drive a config flow to its end; answer(form) gives each form's input."""
        path = "/api/config/config_entries/flow"
        status, result = await self.request("POST", path, json=start)
        for _ in range(10):
            if status >= 400:
                raise RuntimeError(f"config flow: HTTP {status}: {result}")
            if result.get("type") == "form":
                data = answer(result)
            elif result.get("type") == "menu":
                options = result["menu_options"]
                data = {"next_step_id": "broker" if "broker" in options else options[0]}
            else:
                return result
            status, result = await self.request("POST", f"{path}/{result['flow_id']}", json=data)
        raise RuntimeError(f"config flow did not finish: {result}")

    async def settled_state(self, entry_id: str) -> str:
        """Wait up to 30 s for an entry to finish setting up; return its state."""
        state = "missing"
        for _ in range(30):
            for entry in await self.entries():
                if entry["entry_id"] == entry_id:
                    state = entry["state"]
            if state not in ("not_loaded", "setup_in_progress"):
                break
            await asyncio.sleep(1)
        return str(state)


async def ensure_mqtt(
    api: HomeAssistantAPI, config: Path, port: int, password: str, user: str = MQTT_USER
) -> bool:
    """Create the MQTT entry for the dev broker, or point the existing one at it."""
    wanted = {"broker": LOOPBACK, "port": port, "username": user, "password": password}

    def answer(form: Json) -> dict[str, Json]:
        data = _schema_defaults(form.get("data_schema")) | wanted
        data["other_settings"] = data.get("other_settings", {}) | {
            "set_client_cert": False,
            "set_ca_cert": "off",
            "transport": "tcp",
        }
        return data

    if not (entries := await api.entries("mqtt")):
        log(f"creating the MQTT entry: {LOOPBACK}:{port}, user {user}")
        result = await api.run_flow({"handler": "mqtt"}, answer)
        if result.get("type") != "create_entry":
            log(f"WARNING: the MQTT flow created no entry: {result}")
            return False
        entry_id = result["result"]["entry_id"]
    else:
        entry_id = entries[0]["entry_id"]
        # The port changes when the previous one was taken, the password when
        # config/.dev was deleted. The entry is changed the supported way: a
        # reconfigure flow over the REST API, which tests the connection and
        # reloads the entry.
        stored = await asyncio.to_thread(_stored_entry_data, config, entry_id)
        if any(stored.get(key) != value for key, value in wanted.items()):
            log(f"reconfiguring the MQTT entry to {LOOPBACK}:{port}")
            result = await api.run_flow({"handler": "mqtt", "entry_id": entry_id}, answer)
            if result.get("reason") != "reconfigure_successful":
                log(f"WARNING: reconfiguring the MQTT entry failed: {result}")
                return False
    if (state := await api.settled_state(entry_id)) != "loaded":
        log(f"WARNING: the MQTT entry is {state}")
        return False
    return True


async def ensure_ai_automation(api: HomeAssistantAPI) -> bool:
    """Create the ai_automation entry with the form's defaults, unless one exists."""
    if entries := await api.entries(DOMAIN):
        entry_id = entries[0]["entry_id"]
    else:
        log(f"creating the {DOMAIN} entry with the defaults of its form")
        missing: list[str] = []

        def answer(form: Json) -> dict[str, Json]:
            data = _schema_defaults(form.get("data_schema"))
            missing.extend(_missing_required(form.get("data_schema"), data))
            return data

        try:
            result = await api.run_flow({"handler": DOMAIN}, answer)
        except RuntimeError as err:
            log(f"WARNING: {DOMAIN} is not ready: {err}")
            return False
        if result.get("type") != "create_entry":
            hint = f" (no default for: {', '.join(missing)})" if missing else ""
            log(f"WARNING: the {DOMAIN} flow created no entry{hint}: {result}")
            return False
        entry_id = result["result"]["entry_id"]
    if (state := await api.settled_state(entry_id)) != "loaded":
        log(f"WARNING: the {DOMAIN} entry is {state}; see Home Assistant's log")
        return False
    return True


async def write_demo(args: argparse.Namespace, mqtt_password: str) -> None:
    """Write the demo home (scripts/dev_demo.py) in a thread; the AI Automation entry comes after."""
    import dev_demo  # noqa: PLC0415 - this folder; needs paho, only for --demo

    log("demo: writing three weeks of history (before AI Automation starts, so it reads them)")
    await asyncio.to_thread(
        dev_demo.write_demo, Path(args.config), args.mqtt_port, mqtt_password, args.mqtt_user
    )


async def analyse_demo(api: HomeAssistantAPI) -> None:
    """Run the analysis on the demo history, say what it found, put the card on a dashboard."""
    log("demo: running the analysis")
    body = await api.call("POST", f"/api/services/{DOMAIN}/run_analysis?return_response", json={})
    summary = (body or {}).get("service_response") or {}
    log(
        f"demo: the analysis read {summary.get('history_days')} days of history "
        f"({summary.get('events_analysed')} changes): "
        f"{summary.get('suggestions_open')} suggestions are open"
    )
    (listed,) = await api.websocket({"type": "lovelace/dashboards/list"})
    if not any(d.get("url_path") == DEMO_DASHBOARD for d in listed.get("result") or []):
        created, saved = await api.websocket(
            {
                "type": "lovelace/dashboards/create",
                "url_path": DEMO_DASHBOARD,
                "title": "AI Automation",
                "icon": "mdi:robot-happy-outline",
                "show_in_sidebar": True,
                "require_admin": False,
                "mode": "storage",
            },
            {
                "type": "lovelace/config/save",
                "url_path": DEMO_DASHBOARD,
                "config": {
                    "views": [
                        {
                            "title": "Suggestions",
                            "cards": [{"type": f"custom:{DOMAIN.replace('_', '-')}-card"}],
                        }
                    ]
                },
            },
        )
        if not (created.get("success") and saved.get("success")):
            log(f"WARNING: the demo dashboard was not added: {created} {saved}")


async def _setup(args: argparse.Namespace, mqtt_password: str) -> int:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
        api = HomeAssistantAPI(session, args.url, args.ha_pid, args.timeout)
        open_steps = await api.wait_for_http()
        try:
            if open_steps is None:
                await api.login()
            else:
                await api.onboard({step["step"]: step["done"] for step in open_steps})
            await api.wait_until_running()
            ok = await ensure_mqtt(
                api, Path(args.config), args.mqtt_port, mqtt_password, args.mqtt_user
            )
            if args.demo:
                await write_demo(args, mqtt_password)
            ok = await ensure_ai_automation(api) and ok
            if args.demo and ok:
                await analyse_demo(api)
            for entry in await api.entries():
                if entry["domain"] in ("mqtt", DOMAIN):
                    log(f"config entry {entry['domain']} ({entry['title']}): {entry['state']}")
        finally:
            await api.revoke()
    return OK if ok else WARN


def cmd_setup(args: argparse.Namespace) -> int:
    """Onboard, wire up MQTT and ai_automation; exit WARN if something is off."""
    password = Path(args.mqtt_password_file).read_text(encoding="utf-8").strip()
    try:
        return asyncio.run(_setup(args, password))
    except FatalError as err:
        log(f"ERROR: {err}")
        return FATAL
    except KeyboardInterrupt:
        return FATAL
    except Exception as err:  # noqa: BLE001 - report; scripts/develop keeps HA running
        if not _alive(args.ha_pid):
            log("ERROR: Home Assistant exited during start-up (see its output above)")
            return FATAL
        log(f"WARNING: the dev setup failed: {err!r}")
        return WARN


# --------------------------------------------------------------------------- requirements


def _requirements(config: Path) -> tuple[str, dict[str, set[str]]]:
    """Return HA's version and the requirements of what it sets up for config.

    That is the configured domains, HA's default integrations, the entries
    scripts/develop creates (mqtt, ai_automation) and, recursively, their
    dependencies and after_dependencies (HA installs the requirements of both).
    ai_automation's own requirements are left to the project's own files.
    """
    from homeassistant import bootstrap  # noqa: PLC0415 - takes ~10 s to import
    from homeassistant.const import __version__  # noqa: PLC0415

    components = Path(bootstrap.__file__).parent / "components"
    custom = config / "custom_components"
    # Top-level keys only; HA's YAML loader would need the !include files to exist.
    yaml_text = (config / "configuration.yaml").read_text(encoding="utf-8")
    domains = set(re.findall(r"^([a-z0-9_]+)(?: [^:\n]*)?:", yaml_text, re.MULTILINE))
    domains |= bootstrap.CORE_INTEGRATIONS | bootstrap.DEFAULT_INTEGRATIONS | {"mqtt", DOMAIN}
    reqs: dict[str, set[str]] = {}
    seen: set[str] = set()
    todo = sorted(domains)
    while todo:
        if (domain := todo.pop()) in seen:
            continue
        seen.add(domain)
        for base in (custom, components):
            if (manifest_file := base / domain / "manifest.json").exists():
                manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
                break
        else:
            continue
        if base == components:
            for req in manifest.get("requirements", []):
                reqs.setdefault(req, set()).add(domain)
        todo += manifest.get("dependencies", []) + manifest.get("after_dependencies", [])
    return __version__, reqs


def _canonical(req: str) -> str:
    name, _, version = req.partition("==")
    return f"{re.sub(r'[-_.]+', '-', name.strip()).lower()}=={version.strip()}"


def _check_fingerprint(args: argparse.Namespace) -> str:
    """Fingerprint what the check depends on, without importing Home Assistant."""
    spec = importlib.util.find_spec("homeassistant")
    origin = Path(spec.origin) if spec and spec.origin else Path("-")
    digest = hashlib.sha256()
    for file in (
        origin.with_name("const.py"),  # holds the HA version
        Path(args.check),
        Path(args.config) / "configuration.yaml",
    ):
        digest.update(file.read_bytes() if file.is_file() else b"-")
    return digest.hexdigest()


def cmd_requirements(args: argparse.Namespace) -> int:
    """Print requirements_dev.txt, or with --check compare it with HA's manifests."""
    stamp = Path(args.stamp) if args.stamp and args.check else None
    fingerprint = _check_fingerprint(args) if stamp else ""
    if stamp and stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == fingerprint:
        return OK
    version, reqs = _requirements(Path(args.config))
    if not args.check:
        print(
            f"# Packages Home Assistant {version} sets up for the dev instance of\n"
            "# scripts/develop (config/configuration.yaml, HA's default integrations, mqtt\n"
            "# and what they depend on), pinned as their manifests want them, so that HA\n"
            "# does not pip-install at start-up. AI_AUTOMATION_DEV=1 scripts/setup installs\n"
            "# them. After bumping Home Assistant, regenerate this file:\n"
            "#   .venv/bin/python scripts/dev_bootstrap.py requirements > requirements_dev.txt"
        )
        for req in sorted(reqs, key=str.lower):
            print(f"{req}  # {', '.join(sorted(reqs[req]))}")
        return OK
    pinned = set()
    for line in Path(args.check).read_text(encoding="utf-8").splitlines():
        if line := line.split("#", 1)[0].strip():
            pinned.add(_canonical(line))
    if missing := sorted(r for r in reqs if _canonical(r) not in pinned):
        print(
            f"{args.check} does not match Home Assistant {version}; missing or other"
            f" versions: {', '.join(missing)}. Regenerate it:\n"
            f"  .venv/bin/python scripts/dev_bootstrap.py requirements > {args.check}",
            file=sys.stderr,
        )
        return WARN
    if stamp:
        stamp.write_text(fingerprint + "\n", encoding="utf-8")
    return OK


# --------------------------------------------------------------------------- main


def main() -> int:
    """Run the sub-command given on the command line."""
    parser = argparse.ArgumentParser(description="Helper of scripts/develop.")
    sub = parser.add_subparsers(dest="command", required=True)
    config_dir = str(ROOT / "config")

    p = sub.add_parser("free-port", help="print a free port on 127.0.0.1")
    p.add_argument("--prefer", type=int, default=0)
    p.set_defaults(func=cmd_free_port)

    p = sub.add_parser("seed", help="prepare .storage before Home Assistant starts")
    p.add_argument("--config", default=config_dir)
    p.add_argument("--port", type=int, default=HTTP_PORT, help="Home Assistant's HTTP port")
    p.set_defaults(func=cmd_seed)

    p = sub.add_parser("setup", help="onboard and create the config entries")
    p.add_argument("--config", default=config_dir)
    p.add_argument("--url", default=f"http://{LOOPBACK}:{HTTP_PORT}")
    p.add_argument("--ha-pid", type=int, required=True)
    p.add_argument("--mqtt-port", type=int, required=True)
    p.add_argument("--mqtt-user", default=MQTT_USER)
    p.add_argument("--mqtt-password-file", required=True)
    p.add_argument("--timeout", type=float, default=900, help="seconds to wait for HA")
    p.add_argument("--demo", action="store_true", help="write the demo home (dev_demo.py)")
    p.set_defaults(func=cmd_setup)

    p = sub.add_parser("requirements", help="print or check requirements_dev.txt")
    p.add_argument("--config", default=config_dir)
    p.add_argument("--check", metavar="FILE", help="compare FILE with HA's manifests")
    p.add_argument("--stamp", metavar="FILE", help="skip --check while nothing changed")
    p.set_defaults(func=cmd_requirements)

    args = parser.parse_args()
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
