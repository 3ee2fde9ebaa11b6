"""`dev_bootstrap.py setup`: onboard the dev instance, wire up MQTT and AI Automation, the demo."""

import argparse
import asyncio
import json
from pathlib import Path

import aiohttp
from dev_ha_api import HomeAssistantAPI, alive
from dev_instance import (
    DEMO_DASHBOARD,
    DOMAIN,
    FATAL,
    LOOPBACK,
    MQTT_USER,
    OK,
    WARN,
    FatalError,
    Json,
    log,
)

CONF_MAX_NEW_SUGGESTIONS = "max_new_suggestions"  # (the integration's option; see its const.py)
DEMO_MAX_NEW_SUGGESTIONS = 20  # more than the demo home's patterns: all of them, in one run


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


async def ensure_ai_automation(api: HomeAssistantAPI, demo: bool = False) -> bool:
    """Create the ai_automation entry with the form's defaults, unless one exists.

    For the demo, every pattern its history holds becomes a suggestion at once (a user's home
    gets the strongest five a run).
    """
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
    if demo:
        result = await api.run_flow(
            {"handler": entry_id},
            lambda form: (
                {
                    key: value
                    for key, value in _schema_defaults(form.get("data_schema")).items()
                    if value is not None  # (an optional field left empty)
                }
                | {CONF_MAX_NEW_SUGGESTIONS: DEMO_MAX_NEW_SUGGESTIONS}
            ),
            "/api/config/config_entries/options/flow",
        )
        if result.get("type") != "create_entry":
            log(f"WARNING: the demo's options were not saved: {result}")
        elif (state := await api.settled_state(entry_id)) != "loaded":
            log(f"WARNING: the {DOMAIN} entry is {state} after its options; see the log")
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
            ok = await ensure_ai_automation(api, demo=args.demo) and ok
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
        if not alive(args.ha_pid):
            log("ERROR: Home Assistant exited during start-up (see its output above)")
            return FATAL
        log(f"WARNING: the dev setup failed: {err!r}")
        return WARN
