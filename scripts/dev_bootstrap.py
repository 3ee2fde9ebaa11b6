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
websocket APIs, the way the frontend does it (dev_ha_api.py). Each sub-command lives in its own
module beside this one: dev_ports.py, dev_seed.py, dev_setup.py, dev_requirements.py.
"""

import argparse
import sys

from dev_instance import HTTP_PORT, LOOPBACK, MQTT_USER, ROOT
from dev_ports import cmd_free_port
from dev_requirements import cmd_requirements
from dev_seed import cmd_seed
from dev_setup import cmd_setup


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
