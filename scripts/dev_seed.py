"""`dev_bootstrap.py seed`: Home Assistant's .storage prepared before the dev instance starts."""

import argparse
from datetime import UTC, datetime
import json
from pathlib import Path

from dev_instance import LOOPBACK, OK, Json


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
