"""The REST and websocket calls the dev setup makes to a running Home Assistant (as the UI does)."""

import asyncio
from collections.abc import Callable
import json
import os
from pathlib import Path
import time
from typing import Any

import aiohttp
from dev_instance import (
    CLIENT_ID,
    DEV_NAME,
    DEV_PASSWORD,
    DEV_USER,
    REDIRECT_URI,
    FatalError,
    Json,
    host_time_zone,
    log,
)


def alive(pid: int) -> bool:
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
        if not alive(self.ha_pid):
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
            time_zone = host_time_zone()
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
        self,
        start: dict[str, Json],
        answer: Callable[[Json], dict[str, Json]],
        path: str = "/api/config/config_entries/flow",
    ) -> Json:
        """Drive a config (or, by `path`, options) flow to its end; answer(form) gives input."""
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
            if state not in ("not_loaded", "setup_in_progress", "unload_in_progress"):
                break
            await asyncio.sleep(1)
        return str(state)
