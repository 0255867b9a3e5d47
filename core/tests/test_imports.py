"""The import graph of the project's own modules: no cycles, and apps depend the agreed way.

Read from the source (every ``import`` statement, including those inside
functions), so a cycle hidden behind a function-level import is found too.
"""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("core", "zones", "articles", "config")


def _module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules():
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "tests" in path.parts or "migrations" in path.parts:
                continue
            found[_module_name(path)] = path
    return found


def _imports(name, path, known):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")
                parent = parent[: len(parent) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            names = [f"{base}.{alias.name}" for alias in node.names]
            # "from pkg import module" imports the module; "from module import name" the module.
            candidates = [n for n in names if n in known] or [base]
        else:
            continue
        for candidate in candidates:
            # The longest known module the import names (a name imported from a module is not one).
            while candidate and candidate not in known:
                candidate = candidate.rpartition(".")[0]
            if candidate and candidate != name:
                targets.add(candidate)
    return targets


@pytest.fixture(scope="module")
def graph():
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _cycle(graph):
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                return stack[stack.index(target):] + [target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def _without_packages(graph):
    # A package's __init__ re-exporting its own modules is not a cycle of logic.
    return {
        name: {t for t in targets if not name.startswith(f"{t}.") and not t.startswith(f"{name}.")}
        for name, targets in graph.items()
    }


def test_the_project_modules_import_each_other_without_a_cycle(graph):
    assert _cycle(_without_packages(graph)) is None


def test_zones_reads_articles_only_through_its_selectors(graph):
    crossing = {
        (name, target)
        for name, targets in graph.items()
        if name.startswith("zones")
        for target in targets
        if target.startswith("articles") and target != "articles.selectors"
    }
    assert crossing == set()


def test_core_and_search_import_no_app_model(graph):
    offenders = {
        (name, target)
        for name, targets in graph.items()
        if name.startswith(("core", "articles.search"))
        for target in targets
        if any(target == m or target.startswith(f"{m}.") for m in ("articles.models", "zones.models", "articles.selectors"))
    }
    assert offenders == set()


def test_the_check_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
