"""
The layout holds its shape (ARCHITECTURE.md): no import circles between the project's modules, lower rooms never
import the pages above them, and no module grows past 400 lines without saying why at its top.

Imports are read from the source (every ``import`` statement, those inside functions too), so a circle hidden in
a function body counts as much as one at the top of a module.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("scenes", "community", "notifications", "api", "edge", "tropedb")
MAX_LINES = 400
# Said near the top of a longer module, with the reason.
LONG_MODULE_MARK = "longer than 400 lines"
# The demo's data modules are lists of facts, not code.
DEMO_DATA = {
    "scenes/demo/dramas.py",
    "scenes/demo/dramas_a_h.py",
    "scenes/demo/dramas_i_z.py",
    "scenes/demo/scenes_documented_a_h.py",
    "scenes/demo/scenes_documented_i_p.py",
    "scenes/demo/scenes_documented_r_z.py",
    "scenes/demo/scenes_illustrative.py",
}


def project_modules() -> dict[str, Path]:
    """Every module of the project's packages by dotted name (a package by its own name), migrations aside."""
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if "migrations" in parts:
                continue
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def imported_names(module: str, path: Path) -> list[str]:
    """What ``module`` imports, as dotted names: ``from a import b`` is ``a.b`` (a module or a name in ``a``)."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    names = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[: len(package) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            names += [f"{base}.{alias.name}" for alias in node.names]
    return names


def import_graph() -> dict[str, set[str]]:
    """Each project module and the project modules it imports (a name in a module counts as that module)."""
    modules = project_modules()
    graph = {}
    for module, path in modules.items():
        targets = set()
        for name in imported_names(module, path):
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != module:
                targets.add(name)
        graph[module] = targets
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or round a longer path (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in sorted(graph[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def is_page(module: str) -> bool:
    """Pages, URL confs, the API's views and the admin's screens: the top of the house."""
    parts = module.split(".")
    return parts[-1] in ("views", "urls", "pages", "health") or "admin" in parts[1:]


def test_the_walk_finds_a_circle_hidden_in_a_function():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}

    assert circles(graph) == [["a", "b", "c"]]


def test_the_walk_reads_imports_inside_functions(tmp_path):
    source = tmp_path / "module.py"
    source.write_text("def later():\n    from .models import Scene\n")

    assert imported_names("scenes.search.module", source) == ["scenes.search.models.Scene"]


def test_no_module_of_the_project_imports_itself_round_a_circle():
    assert circles(import_graph()) == []


def test_the_models_import_nothing_above_them():
    models = ("scenes.models", "community.models", "community.querysets", "notifications.models", "api.models")
    below = (*models, "scenes.links", "scenes.timecodes")
    upward = {
        (module, target)
        for module, targets in import_graph().items()
        if module.startswith(models)
        for target in targets
        if not target.startswith(below)
    }

    assert upward == set()


def test_no_module_below_the_pages_imports_one():
    graph = import_graph()
    upward = {
        (module, target)
        for module, targets in graph.items()
        if not is_page(module)
        for target in targets
        if is_page(target)
    }

    assert upward == set()


def long_modules() -> list[str]:
    paths = [*ROOT.glob("*.py"), *(ROOT / "tests").glob("*.py"), *(ROOT / "bench").glob("*.py")]
    paths += [path for package in PACKAGES for path in (ROOT / package).rglob("*.py")]
    found = []
    for path in paths:
        name = path.relative_to(ROOT).as_posix()
        if "/migrations/" in name or name in DEMO_DATA:
            continue
        lines = path.read_text().splitlines()
        if len(lines) > MAX_LINES and LONG_MODULE_MARK not in "\n".join(lines[:15]).lower():
            found.append(f"{name}: {len(lines)} lines")
    return found


def test_no_module_is_longer_than_400_lines_without_saying_why():
    assert long_modules() == []


@pytest.mark.parametrize("room", ["admin", "catalogue", "models", "moderation", "search", "stats", "submissions"])
def test_each_room_of_scenes_says_what_it_holds(room):
    package = ROOT / "scenes" / room / "__init__.py"

    assert ast.get_docstring(ast.parse(package.read_text())), f"scenes/{room}/__init__.py has no docstring"


def test_the_edge_imports_no_app_of_the_site():
    """edge/ knows URLs and responses; the apps tell it what changed (ARCHITECTURE.md)."""
    apps = ("scenes", "community", "api")
    reaching = {
        (module, target)
        for module, targets in import_graph().items()
        if module.startswith("edge")
        for target in targets
        if target.startswith(apps)
    }

    assert reaching == set()
