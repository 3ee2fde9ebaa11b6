"""Every name we import from a Home Assistant component is public there.

Home Assistant 2026.11 declares `__all__` in its components and stops re-exporting the names they
import, so a name is public when it is in the component module's `__all__`, or, where the module
declares none, when the module defines it itself (an import there is a re-export that may go).
Checked against the Home Assistant the tests run on and, once scripts/newest-ha made it, the
newest release in .venv-newest.
"""

import ast
import importlib.util
from pathlib import Path
import re

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMPONENT = ROOT / "custom_components" / "ai_automation"
PREFIX = "homeassistant.components."


def _installed_tree() -> Path:
    spec = importlib.util.find_spec("homeassistant")
    assert spec is not None
    assert spec.origin is not None
    return Path(spec.origin).parent


def home_assistant_trees() -> list[Path]:
    """Return the source folders of the Home Assistant releases at hand."""
    trees = [_installed_tree()]
    trees += sorted(ROOT.glob(".venv-newest/lib/python*/site-packages/homeassistant"))
    return trees


def _version(tree: Path) -> str:
    """Return the release's version, read from its const.py (without importing it)."""
    text = (tree / "const.py").read_text()
    parts = [
        re.search(rf'^{part}_VERSION: Final = "?(\w+)', text, re.M)
        for part in ("MAJOR", "MINOR", "PATCH")
    ]
    return ".".join(found[1] for found in parts if found)


def component_imports(source: Path) -> list[tuple[str, str, int]]:
    """Return (module, name, line) of each `from homeassistant.components.X import Y` in a file."""
    found = []
    for node in ast.walk(ast.parse(source.read_text(), str(source))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(PREFIX):
            found += [(str(node.module), alias.name, node.lineno) for alias in node.names]
    return found


def _declared(module: ast.Module) -> tuple[list[str] | None, set[str], set[str]]:
    """Return the module's `__all__` (None: none), the names it defines and those it imports."""
    exported: list[str] | None = None
    defined: set[str] = set()
    imported: set[str] = set()
    statements = list(module.body)
    while statements:
        node = statements.pop(0)
        if isinstance(node, ast.If | ast.Try):  # e.g. `if TYPE_CHECKING:` or a guarded import
            statements += [*node.body, *node.orelse, *getattr(node, "finalbody", [])]
            for handler in getattr(node, "handlers", []):
                statements += handler.body
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            defined.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.TypeAlias):
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.name if isinstance(node, ast.TypeAlias) else node.target]
            )
            names = {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
            if "__all__" in names and isinstance(node.value, ast.List | ast.Tuple):
                exported = [ast.literal_eval(item) for item in node.value.elts]
            defined |= names
        elif isinstance(node, ast.Import | ast.ImportFrom):
            imported |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
    return exported, defined, imported


def non_public(tree: Path, module: str, name: str) -> str | None:
    """Say why `from module import name` is not a public import in `tree` (None: it is)."""
    folder = tree.joinpath(*module.split(".")[1:])
    if (folder / f"{name}.py").is_file() or (folder / name / "__init__.py").is_file():
        return None  # a submodule
    source = folder / "__init__.py" if folder.is_dir() else folder.with_suffix(".py")
    if not source.is_file():
        return f"{module} does not exist"
    exported, defined, imported = _declared(ast.parse(source.read_text(), str(source)))
    if exported is not None:
        return None if name in exported else f"{name} is not in {module}.__all__"
    if name in defined:
        return None
    if name in imported:
        return f"{module} only imports {name} (import it from where it is defined)"
    return f"{module} has no {name}"


@pytest.mark.parametrize("tree", home_assistant_trees(), ids=_version)
def test_names_we_import_from_components_are_public(tree: Path) -> None:
    """Each name our integration imports from a component is public in that release."""
    problems = [
        f"{source.relative_to(ROOT)}:{line}: from {module} import {name}: {reason}"
        for source in sorted(COMPONENT.rglob("*.py"))
        for module, name, line in component_imports(source)
        if (reason := non_public(tree, module, name)) is not None
    ]
    assert not problems, f"Home Assistant {_version(tree)}:\n" + "\n".join(problems)


def test_a_re_exported_or_unlisted_name_is_reported(tmp_path: Path) -> None:
    """The check catches the two ways a name stops being public, and accepts the public ones."""
    with_all = tmp_path / "components" / "lamp"
    with_all.mkdir(parents=True)
    (with_all / "const.py").write_text('DOMAIN = "lamp"\nDATA_COMPONENT = object()\n')
    (with_all / "__init__.py").write_text(
        "from .const import DATA_COMPONENT, DOMAIN\n"
        "__all__ = ['DOMAIN', 'LampEntity']\n"
        "class LampEntity: ...\n"
    )
    without_all = tmp_path / "components" / "fan.py"
    without_all.write_text("from .x import helper\nSPEED: int = 3\ndef turn_on(): ...\n")
    assert non_public(tmp_path, "homeassistant.components.lamp", "DATA_COMPONENT") == (
        "DATA_COMPONENT is not in homeassistant.components.lamp.__all__"
    )
    assert non_public(tmp_path, "homeassistant.components.fan", "helper") == (
        "homeassistant.components.fan only imports helper (import it from where it is defined)"
    )
    assert non_public(tmp_path, "homeassistant.components.fan", "gone") == (
        "homeassistant.components.fan has no gone"
    )
    for module, name in (
        ("homeassistant.components.lamp", "DOMAIN"),
        ("homeassistant.components.lamp", "LampEntity"),
        ("homeassistant.components.lamp.const", "DATA_COMPONENT"),
        ("homeassistant.components.lamp", "const"),
        ("homeassistant.components.fan", "SPEED"),
        ("homeassistant.components.fan", "turn_on"),
    ):
        assert non_public(tmp_path, module, name) is None, (module, name)
