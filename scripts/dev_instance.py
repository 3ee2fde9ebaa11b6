"""The dev instance's fixed facts (address, login) and scripts/develop's output and exit codes."""

import contextlib
import os
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

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


def host_time_zone() -> str:
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
