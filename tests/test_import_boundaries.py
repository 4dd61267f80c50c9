"""Dependencies run one way: nn <- data/training/preprocess <- controllers <- ui <- app.

Each check imports a module in a fresh interpreter and looks at what it pulled in, so a lazy import
inside a function body is not counted, but any import at module level (direct or indirect) is.
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import nndesk

HEAVY = ("PySide6", "matplotlib")
CONTROLLERS = [
    "nndesk.controllers.datasets",
    "nndesk.controllers.evaluation",
    "nndesk.controllers.prediction",
    "nndesk.controllers.training",
]


def _loaded_after_import(module: str) -> set[str]:
    """Every module (full dotted name) loaded by ``import module`` in a fresh interpreter."""
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def _top_level(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def _under(modules: set[str], package: str) -> set[str]:
    return {m for m in modules if m == package or m.startswith(package + ".")}


@pytest.mark.parametrize(
    "module", ["nndesk.nn", "nndesk.training", "nndesk.data", "nndesk.preprocess", "nndesk.runs"]
)
def test_core_modules_do_not_load_qt_or_matplotlib(module):
    loaded = _top_level(_loaded_after_import(module))
    assert not loaded & set(HEAVY), f"{module} loaded {loaded & set(HEAVY)}"


def test_nn_core_loads_numpy_and_the_standard_library_only():
    loaded = _loaded_after_import("nndesk.nn")
    assert "PIL" not in _top_level(loaded)
    # errors: the one-line user errors; fileio: atomic writes; i18n: the marker of their
    # translatable templates (all three standard library only)
    outside = {m for m in _under(loaded, "nndesk") if not m.startswith("nndesk.nn")}
    assert outside <= {"nndesk", "nndesk.errors", "nndesk.fileio", "nndesk.i18n"}, outside
    assert _top_level(_loaded_after_import("nndesk.i18n")) & set(HEAVY) == set()


@pytest.mark.parametrize("module", ["nndesk.nn", "nndesk.data", "nndesk.training"])
def test_core_modules_know_nothing_of_the_window(module):
    loaded = _loaded_after_import(module)
    assert not _under(loaded, "nndesk.controllers") | _under(loaded, "nndesk.ui")


@pytest.mark.parametrize("module", CONTROLLERS)
def test_controllers_never_import_widgets(module):
    loaded = _loaded_after_import(module)
    assert not _under(loaded, "nndesk.ui"), _under(loaded, "nndesk.ui")
    assert "nndesk.app" not in loaded
    assert "PySide6.QtWidgets" not in loaded


PACKAGE = Path(nndesk.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_at_load(tree: ast.Module) -> set[str]:
    """Module names a module's own body imports when it is loaded: its top level, class bodies
    and if/try blocks, not function bodies (a lazy import there runs only when called)."""
    names: set[str] = set()
    todo: list[ast.AST] = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            todo.extend(ast.iter_child_nodes(node))
    return names


def _static_graph() -> dict[str, set[str]]:
    """nndesk module -> the nndesk modules loading it loads directly (its packages included)."""
    sources = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in sources.items():
        wanted = _imported_at_load(ast.parse(path.read_text(encoding="utf-8")))
        parents = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)}
        graph[name] = {m for m in wanted | parents if m in sources and m != name}
    return graph


def _reached(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for nxt in graph[todo.pop()] - seen:
            seen.add(nxt)
            todo.append(nxt)
    return seen


def test_no_controller_module_imports_widgets_or_the_wiring_at_load():
    """Every module of nndesk.controllers (the fresh-interpreter checks above take four), from
    the source: what its module-level imports reach, directly or through other modules."""
    graph = _static_graph()
    controllers = [m for m in graph if m.startswith("nndesk.controllers.")]
    assert len(controllers) >= len(CONTROLLERS)
    for module in controllers:
        reached = _reached(graph, module)
        assert not _under(reached, "nndesk.ui") and "nndesk.app" not in reached, module


def test_no_page_imports_the_wiring_at_load():
    graph = _static_graph()
    pages = [m for m in graph if m.startswith("nndesk.ui.")]
    assert pages
    assert not [m for m in pages if "nndesk.app" in _reached(graph, m)]


def _controller_classes() -> set[str]:
    """The QObject classes nndesk.controllers defines (controllers, workers, readers)."""
    classes: set[str] = set()
    for path in (PACKAGE / "controllers").glob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef) and "QObject" in map(ast.unparse, node.bases):
                classes.add(node.name)
    return classes


def _controllers_built(tree: ast.Module, classes: set[str]) -> set[str]:
    """The controller classes a module calls, by a name it imports from nndesk.controllers."""
    imported = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("nndesk.controllers")
        for alias in node.names
        if alias.name in classes
    }
    return {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in imported
    }


def test_no_page_builds_a_controller():
    """``app.build_window`` builds every controller (and the runs reader) and hands it over."""
    classes = _controller_classes()
    assert {"TrainingController", "RunListReader", "PredictionController"} <= classes
    built = {
        _module_name(path): _controllers_built(ast.parse(path.read_text(encoding="utf-8")), classes)
        for path in (PACKAGE / "ui").rglob("*.py")
    }
    assert {page: names for page, names in built.items() if names} == {}


def test_the_controller_reading_sees_a_controller_built_by_its_imported_name():
    tree = ast.parse(
        "from nndesk.controllers.run_list import RunListReader as R\n"
        "def f(store):\n    from nndesk.controllers.training import TrainingController\n"
        "    return R(store), TrainingController(), _Job()\n"
    )
    assert _controllers_built(tree, {"RunListReader", "TrainingController", "_Job"}) == {
        "R",
        "TrainingController",
    }


def test_the_static_reading_sees_a_module_level_import_and_skips_a_lazy_one():
    tree = ast.parse(
        "import a.b\nfrom c import d\nclass K:\n    from e import f\n"
        "def g():\n    import h\nif True:\n    import i\n"
    )
    assert _imported_at_load(tree) == {"a.b", "c", "c.d", "e", "e.f", "i"}
    graph = _static_graph()
    assert "nndesk.controllers" in graph["nndesk.controllers.training"]  # its package
    assert "nndesk.ui.main_window" in _reached(graph, "nndesk.app")


def test_pages_do_not_import_the_wiring():
    loaded = _loaded_after_import("nndesk.ui.main_window")
    assert "nndesk.app" not in loaded


def test_the_runtime_package_never_imports_the_developer_tools():
    loaded = _loaded_after_import("nndesk.app")
    assert not _under(loaded, "tools")
    # the shipped models' recipes live in presets; tools/build_weights reads them, not the reverse
    assert not _under(_loaded_after_import("nndesk.presets"), "tools")


def test_command_line_sub_commands_do_not_load_qt():
    code = (
        "import sys; from nndesk import cli; "
        "rc = cli.main(['presets']); "
        "print('QT' if 'PySide6' in sys.modules else 'NOQT')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "NOQT"
