"""The house as ARCHITECTURE.md draws it: each layer imports only those below it, and no circle."""

import ast
from collections.abc import Iterator
from pathlib import Path
import re

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMPONENT = ROOT / "custom_components" / "ai_automation"
PACKAGE = "custom_components.ai_automation"
MAX_LINES = 420
OURS = {"tests", "benchmarks"}  # the repository's own test packages
DESCRIPTION_COLUMN = 32  # where README's Layout writes what each file holds
SOURCES = ("custom_components", "scripts", "benchmarks", "tests", "frontend/src")


def layers(text: str) -> dict[str, int]:
    """Each room named in the `layers` block of ARCHITECTURE.md, with its line (lowest 0)."""
    block = re.search(r"```layers\n(.*?)```", text, re.DOTALL)
    assert block, "ARCHITECTURE.md has no ```layers block"
    return {
        room: number
        for number, line in enumerate(block.group(1).splitlines())
        for room in line.split()
    }


def module_name(path: Path, root: Path) -> str:
    """Return the dotted name of a module below the integration's folder ("" for its __init__)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts[-1:] = [] if len(parts) > 1 else ["__init__"]
    return ".".join(parts)


def imported(path: Path, root: Path, modules: set[str]) -> Iterator[str]:
    """Every module of the integration `path` imports, wherever the import is written."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    if name == "__init__":
        package = ""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".") if package else []
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            elif node.module and node.module.startswith(PACKAGE):
                target = node.module.removeprefix(PACKAGE).removeprefix(".")
            else:
                continue
            for alias in node.names:
                whole = f"{target}.{alias.name}" if target else alias.name
                if whole in modules:
                    yield whole
                elif target in modules:
                    yield target
                elif not target:
                    yield "__init__"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(PACKAGE + "."):
                    yield alias.name.removeprefix(PACKAGE + ".")


def room_of(module: str, rooms: dict[str, int]) -> str | None:
    """Return the room a module lives in: the longest room name it starts with."""
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        if ".".join(parts[:end]) in rooms:
            return ".".join(parts[:end])
    return None


def import_graph(root: Path) -> dict[str, set[str]]:
    """Every module of the integration and the modules of the integration it imports."""
    paths = {module_name(path, root): path for path in root.rglob("*.py")}
    modules = set(paths)
    return {name: set(imported(path, root, modules)) - {name} for name, path in paths.items()}


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle, if there is any."""
    done: set[str] = set()
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return None
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if found := visit(target):
                return found
        path.pop()
        done.add(node)
        return None

    for node in sorted(graph):
        if found := visit(node):
            return found
    return None


def wrong_arrows(graph: dict[str, set[str]], rooms: dict[str, int]) -> list[str]:
    """List the imports that point sideways or up, and the modules that live in no room."""
    wrong = []
    for module, targets in sorted(graph.items()):
        room = room_of(module, rooms)
        if room is None:
            # a package's own __init__ (a docstring) belongs to the rooms inside it
            if not targets and module.count(".") < 2:
                continue
            wrong.append(f"{module} lives in no room of ARCHITECTURE.md")
            continue
        for target in sorted(targets):
            target_room = room_of(target, rooms)
            if target_room == room:
                continue
            if target_room is None or rooms[target_room] >= rooms[room]:
                wrong.append(f"{module} ({room}) imports {target} ({target_room})")
    return wrong


def test_no_import_points_up_or_sideways() -> None:
    rooms = layers((ROOT / "ARCHITECTURE.md").read_text())
    assert wrong_arrows(import_graph(COMPONENT), rooms) == []


def test_no_import_circle() -> None:
    assert cycle(import_graph(COMPONENT)) is None


def test_an_arrow_up_and_a_circle_are_found(tmp_path: Path) -> None:
    (tmp_path / "low").mkdir()
    (tmp_path / "low" / "__init__.py").write_text('"""Low."""\n')
    (tmp_path / "low" / "a.py").write_text("from ..high import b\n")
    (tmp_path / "high.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .low.a import x\n"
    )
    graph = import_graph(tmp_path)
    rooms = layers("```layers\nlow\nhigh\n```")
    assert wrong_arrows(graph, rooms) == ["low.a (low) imports high (high)"]
    assert cycle(graph) == ["high", "low.a", "high"]


def test_no_test_module_imports_another() -> None:
    wrong = []
    for path in [*(ROOT / "tests").rglob("test_*.py"), *(ROOT / "benchmarks").rglob("test_*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.ImportFrom) and (
                node.level or (node.module or "").split(".")[0] in OURS
            ):
                names = [node.module or "", *(alias.name for alias in node.names)]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names if alias.name.split(".")[0] in OURS]
            if any(part.startswith("test_") for name in names for part in name.split(".")):
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert wrong == []


@pytest.mark.parametrize("folder", SOURCES)
def test_no_source_file_is_too_big(folder: str) -> None:
    too_big = {
        str(path.relative_to(ROOT)): lines
        for path in (ROOT / folder).rglob("*")
        if path.suffix in {".py", ".ts", ""}
        and path.is_file()
        and "node_modules" not in path.parts
        and "__pycache__" not in path.parts
        and "generated" not in path.parts
        and (lines := len(path.read_text(errors="replace").splitlines())) > MAX_LINES
    }
    assert too_big == {}


def layout(readme: str) -> set[str]:
    """Return the integration's files and folders README's Layout block names, as paths."""
    block = readme.split("### Layout\n```\n", 1)[1].split("```", 1)[0]
    named: set[str] = set()
    folders: list[str] = []
    for line in block.splitlines():
        if line.startswith("tests/"):
            break
        depth = (len(line) - len(line.lstrip())) // 2
        if not line.strip() or depth >= DESCRIPTION_COLUMN // 2:  # a description's next line
            continue
        folders[depth:] = [line.split()[0]]
        named.add("".join(folders).removeprefix("custom_components/ai_automation/"))
    return named - {""}


def test_readme_layout_names_every_module_and_nothing_else() -> None:
    named = layout((ROOT / "README.md").read_text())
    tree = {
        str(path.relative_to(COMPONENT)) + ("/" if path.is_dir() else "")
        for path in COMPONENT.rglob("*")
        if "__pycache__" not in path.parts
        and path.parent.name not in {"frontend", "translations", "brand"}
        and not (path.name == "__init__.py" and path.parent != COMPONENT)
        and (path.is_dir() or path.suffix in {".py", ".json"})
        and path.name not in {"icons.json"}
    }
    assert sorted(tree - named) == [], "in the tree, not in README's Layout"
    assert sorted(named - tree) == [], "in README's Layout, not in the tree"
