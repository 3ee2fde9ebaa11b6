"""Give the dev instance a home worth analysing (scripts/develop --demo).

Publishes a retained Zigbee2MQTT bridge state and device list (the test fixture) and the hall's
motion sensor (by MQTT discovery) to the local broker, and writes three weeks of history for the
demo entities of config/configuration.yaml into the recorder's database: weekday habits, a
trigger -> action sequence, and random noise. scripts/develop --demo does this before it creates
the AI Automation entry, so that its first analysis reads the three weeks.
"""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta
import json
from pathlib import Path
import random
import sqlite3
import sys
import time
from zoneinfo import ZoneInfo

from paho.mqtt import client as paho_mqtt, publish as paho_publish

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "bridge_devices.json"
DAYS = 21
# A motion sensor, as in a real home: something that starts an automation, never one it acts on.
HALL_MOTION = "binary_sensor.demo_hall_motion"
# Announced by MQTT discovery, as Zigbee2MQTT announces a motion sensor (moved with
# mosquitto_pub ... -t demo/hall_motion -m ON, and -m OFF).
HALL_MOTION_CONFIG = {
    "name": "Hall motion (demo)",
    "unique_id": "demo_hall_motion",
    "default_entity_id": HALL_MOTION,
    "state_topic": "demo/hall_motion",
    "device_class": "motion",
}


def publish(port: int, password: str, user: str = "ha") -> None:
    """Play Zigbee2MQTT: bridge online, its device list and the motion sensor, all retained."""
    auth = {"username": user, "password": password}
    for topic, payload in (
        ("zigbee2mqtt/bridge/state", '{"state":"online"}'),
        ("zigbee2mqtt/bridge/devices", FIXTURE.read_text()),
        ("homeassistant/binary_sensor/demo_hall_motion/config", json.dumps(HALL_MOTION_CONFIG)),
        ("demo/hall_motion", "OFF"),
    ):
        paho_publish.single(
            topic, payload, qos=1, retain=True, hostname="127.0.0.1", port=port,
            auth=auth, client_id="ai-automation-demo", protocol=paho_mqtt.MQTTv5,
        )  # fmt: skip


def history(zone: ZoneInfo) -> list[tuple[str, str, float]]:
    """Return (entity_id, state, UTC seconds) for three weeks with habits in them."""
    rng = random.Random(4)  # noqa: S311 - demo data, not secrets
    rows: list[tuple[str, str, float]] = []
    today = datetime.now(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    for back in range(DAYS, 0, -1):
        day = today - timedelta(days=back)

        def at(minute: float, day: datetime = day) -> float:
            return (day + timedelta(minutes=minute + rng.gauss(0, 6))).timestamp()

        if day.weekday() < 5:
            rows += [("input_boolean.demo_coffee_machine", "on", at(390)),
                     ("input_boolean.demo_coffee_machine", "off", at(420)),
                     ("input_boolean.demo_kitchen_light", "on", at(405)),
                     ("input_boolean.demo_kitchen_light", "off", at(490))]  # fmt: skip
        rows += [("input_boolean.demo_living_room_light", "off", at(1430))]
        for _ in range(rng.randint(3, 6)):  # hall motion, and a person switching the light on
            moment = (day + timedelta(minutes=rng.uniform(420, 1380))).timestamp()
            rows += [(HALL_MOTION, "on", moment), (HALL_MOTION, "off", moment + 180)]
            if rng.random() < 0.85:
                rows += [("input_boolean.demo_hall_light", "on", moment + rng.uniform(3, 12)),
                         ("input_boolean.demo_hall_light", "off", moment + 300)]  # fmt: skip
        for _ in range(rng.randint(2, 5)):  # noise
            rows += [("input_boolean.demo_desk_lamp", rng.choice(["on", "off"]),
                      (day + timedelta(minutes=rng.uniform(0, 1440))).timestamp())]  # fmt: skip
    return rows


def _metadata_id(db: sqlite3.Connection, entity_id: str) -> int:
    """Return the recorder's id for `entity_id`, once the recorder has written the entity.

    Never inserted here: the recorder would insert it too (an entity that appears with the MQTT
    entry, such as the hall motion sensor) and fail on the duplicate.
    """
    for _ in range(120):
        found = db.execute(
            "SELECT metadata_id FROM states_meta WHERE entity_id = ?", (entity_id,)
        ).fetchone()
        if found is not None:
            return int(found[0])
        time.sleep(0.5)
    raise SystemExit(f"[develop] demo: Home Assistant has not recorded {entity_id}; is it set up?")


def write_history(database: Path, zone: ZoneInfo) -> int:
    """Insert the history as real state changes made by a person (no automation context)."""
    rows = history(zone)
    with sqlite3.connect(database, timeout=30) as db:
        ids = {entity_id: _metadata_id(db, entity_id) for entity_id in sorted({r[0] for r in rows})}
        db.executemany(
            "INSERT INTO states (metadata_id, state, last_updated_ts, origin_idx) VALUES (?, ?, ?, 0)",
            [(ids[e], s, ts) for e, s, ts in sorted(rows, key=lambda r: r[2])],
        )
    return len(rows)


def write_demo(config: Path, port: int, password: str, user: str = "ha") -> int:
    """Publish the bridge and write the history; return the number of state changes written."""
    publish(port, password, user)
    database = config / "home-assistant_v2.db"
    for _ in range(60):  # the recorder creates its tables shortly after start
        if database.exists():
            break
        time.sleep(1)
    try:  # the home's time zone, as onboarding stored it
        core = json.loads((config / ".storage" / "core.config").read_text())
        zone = ZoneInfo(core["data"]["time_zone"])
    except OSError, KeyError, ValueError:
        zone = ZoneInfo("UTC")
    count = write_history(database, zone)
    print(f"[develop] demo: Zigbee2MQTT bridge and 10 devices published; {count} state changes of"
          f" {DAYS} days ({zone.key}) written to the recorder", flush=True)  # fmt: skip
    return count


def main() -> int:
    """Publish the bridge and write the history (scripts/dev_bootstrap.py setup --demo does both)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--mqtt-port", type=int, required=True)
    parser.add_argument("--mqtt-user", default="ha")
    parser.add_argument("--mqtt-password-file", type=Path, required=True)
    args = parser.parse_args()
    password = args.mqtt_password_file.read_text().strip()
    write_demo(args.config, args.mqtt_port, password, args.mqtt_user)
    return 0


if __name__ == "__main__":
    sys.exit(main())
