"""Write translations/en.json from strings.json, resolving [%key:...%] references.

Home Assistant resolves these references only for core integrations; a custom integration ships the
resolved English file. Run `python scripts/translations.py`; `--check` exits 1 when en.json is stale.
"""

from __future__ import annotations

import json
from pathlib import Path
import re
import sys
from typing import Any

COMPONENT = Path(__file__).resolve().parent.parent / "custom_components" / "ai_automation"
REFERENCE = re.compile(r"\[%key:component::ai_automation::([a-z0-9_:]+)%\]")


def _lookup(strings: dict[str, Any], path: str) -> str:
    node: Any = strings
    for part in path.split("::"):
        node = node[part]
    if not isinstance(node, str):
        raise TypeError(f"reference {path} does not name a string")
    return node


def _resolve(node: Any, strings: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        return {key: _resolve(value, strings) for key, value in node.items()}
    if isinstance(node, str):
        return REFERENCE.sub(lambda m: _resolve(_lookup(strings, m.group(1)), strings), node)
    return node


def render() -> str:
    """Return the text en.json should have."""
    strings = json.loads((COMPONENT / "strings.json").read_text(encoding="utf-8"))
    return json.dumps(_resolve(strings, strings), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    """Write en.json, or with --check report whether it is up to date."""
    target = COMPONENT / "translations" / "en.json"
    text = render()
    if "--check" in sys.argv:
        if target.read_text(encoding="utf-8") != text:
            print(f"{target} is stale: run python scripts/translations.py", file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
