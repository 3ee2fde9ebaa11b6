"""Write translations/en.json from strings.json, and check every other language against it.

Home Assistant resolves `[%key:...%]` references only for core integrations; a custom integration
ships the resolved English file. Run `python scripts/translations.py`; `--check` exits 1 when en.json
is stale, or when a language file (translations/de.json, nl.json, ...) lacks a key en.json has, has
one it does not, or changes a string's `{placeholders}`: it lists each problem per language.
"""

from __future__ import annotations

from collections.abc import Iterator
import json
from pathlib import Path
import re
import sys
from typing import Any

COMPONENT = Path(__file__).resolve().parent.parent / "custom_components" / "ai_automation"
REFERENCE = re.compile(r"\[%key:component::ai_automation::([a-z0-9_:]+)%\]")
PLACEHOLDER = re.compile(r"\{([A-Za-z0-9_]+)\}")


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


def render(component: Path) -> str:
    """Return the text en.json should have."""
    strings = json.loads((component / "strings.json").read_text(encoding="utf-8"))
    return json.dumps(_resolve(strings, strings), indent=2, ensure_ascii=False) + "\n"


def _strings(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Yield (key path, value) for every leaf, the path written a::b::c."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, f"{path}::{key}" if path else key)
    else:
        yield path, node


def compare(english: dict[str, Any], other: dict[str, Any]) -> list[str]:
    """Return what is wrong with a language file next to en.json, one line per problem."""
    wanted = dict(_strings(english))
    found = dict(_strings(other))
    problems = [f"missing: {key}" for key in wanted if key not in found]
    problems += [f"extra: {key}" for key in found if key not in wanted]
    for key, text in found.items():
        if key not in wanted:
            continue
        if not isinstance(text, str) or not text.strip():
            problems.append(f"not a text: {key}")
        elif "[%key:" in text:
            problems.append(f"unresolved reference (write the text out): {key}")
        elif set(PLACEHOLDER.findall(text)) != set(PLACEHOLDER.findall(wanted[key])):
            expected = sorted(set(PLACEHOLDER.findall(wanted[key])))
            problems.append(f"placeholders differ from en.json {expected}: {key}")
    return problems


def check(component: Path) -> list[str]:
    """Return every problem of en.json and the other language files, as lines to print."""
    translations = component / "translations"
    target = translations / "en.json"
    text = render(component)
    if target.read_text(encoding="utf-8") != text:
        return [f"{target} is stale: run python scripts/translations.py"]
    english = json.loads(text)
    lines: list[str] = []
    for path in sorted(translations.glob("*.json")):
        if path.name == "en.json":
            continue
        try:
            other = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as err:
            lines.append(f"{path}: not valid JSON: {err}")
            continue
        if problems := compare(english, other):
            lines.append(f"{path}: {len(problems)} problem(s) next to en.json:")
            lines += [f"  {problem}" for problem in problems]
    return lines


def main(argv: list[str]) -> int:
    """Write en.json, or with --check report what is stale, missing or extra."""
    if "--check" in argv:
        lines = check(COMPONENT)
        for line in lines:
            print(line, file=sys.stderr)
        return 1 if lines else 0
    (COMPONENT / "translations" / "en.json").write_text(render(COMPONENT), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
