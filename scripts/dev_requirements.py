"""`dev_bootstrap.py requirements`: the packages Home Assistant sets up for config/, pinned."""

import argparse
import hashlib
import importlib.util
import json
from pathlib import Path
import re
import sys

from dev_instance import DOMAIN, OK, WARN


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
