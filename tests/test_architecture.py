"""The shape of the house: layers that stay apart, no import cycles, flows that stay small."""

from __future__ import annotations

import ast
from pathlib import Path

from bot import PROJECT_ROOT

BOT = PROJECT_ROOT / "bot"
#: A flow module longer than this mixes jobs: split it (views, another audience, a service).
MAX_FLOW_LINES = 600


def _module(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(path: Path) -> set[str]:
    """The bot modules a module imports at run time (imports for type checking only excluded)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and _is_type_checking(node):
                visit(node.orelse)
                continue
            for child in ast.walk(node):
                if isinstance(child, ast.Import):
                    found.update(a.name for a in child.names if a.name.startswith("bot"))
                elif isinstance(child, ast.ImportFrom) and (child.module or "").startswith("bot"):
                    module = child.module or ""
                    for alias in child.names:
                        candidate = f"{module}.{alias.name}"
                        found.add(candidate if candidate in MODULES else module)

    visit(tree.body)
    return found


MODULES = {_module(p) for p in BOT.rglob("*.py")}
GRAPH = {_module(p): _imports(p) & MODULES for p in BOT.rglob("*.py")}


def test_services_know_nothing_of_flows_and_i18n_nothing_of_services() -> None:
    for module, imports in GRAPH.items():
        if module.startswith("bot.services"):
            assert not {i for i in imports if i.startswith("bot.flows")}, module
            assert "bot.app" not in imports and "bot.jobs" not in imports, module
    assert not {i for i in GRAPH["bot.i18n"] if i.startswith("bot.services")}


def test_no_import_cycles_inside_bot() -> None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []

    def walk(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(GRAPH.get(module, ())):
            if target == module or target == "bot":
                continue
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                walk(target, [*path, target])
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            walk(module, [module])
    assert cycles == []


def test_flow_modules_stay_small() -> None:
    sizes = {
        p.name: len(p.read_text(encoding="utf-8").splitlines())
        for p in (BOT / "flows").glob("*.py")
    }
    assert {name: n for name, n in sizes.items() if n > MAX_FLOW_LINES} == {}


def test_callback_patterns_are_written_in_one_place() -> None:
    for path in BOT.rglob("*.py"):
        if path.name == "callbacks.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert "pattern=r" not in text and 'pattern=f"' not in text, path
        assert "callbacks.VERSION}" not in text, path


def test_bot_data_has_no_untyped_bag() -> None:
    for path in BOT.rglob("*.py"):
        assert "extras[" not in path.read_text(encoding="utf-8"), path
