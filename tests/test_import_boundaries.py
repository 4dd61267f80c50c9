"""Dependencies run one way: nn <- data/training/preprocess <- controllers <- ui <- app.

The layer rules read every import statement in the source, function bodies included (nndesk imports
lazily in many places). The Qt and matplotlib checks import a module in a fresh interpreter and look
at what it pulled in: those rules are about load time, where a lazy import does not count.
"""

import ast
import functools
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


@functools.cache
def _loaded_after_import(module: str) -> frozenset[str]:
    """Every module (full dotted name) loaded by ``import module`` in a fresh interpreter.

    Kept per test process: a fresh interpreter loads the same modules each time, and seven of
    the tests below ask for the same three packages (each asking started another Python)."""
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return frozenset(out.stdout.split())


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


#: package -> what none of its modules may import, at load or inside a function
FORBIDDEN = {
    "nndesk.nn": ("nndesk.controllers", "nndesk.ui", "nndesk.app"),
    "nndesk.data": ("nndesk.controllers", "nndesk.ui", "nndesk.app"),
    "nndesk.training": ("nndesk.controllers", "nndesk.ui", "nndesk.app"),
    "nndesk.controllers": ("nndesk.ui", "nndesk.app"),
    "nndesk.ui": ("nndesk.app",),
}


def _every_import(tree: ast.Module, module: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, module name) for every import anywhere in a module: its top level, class and
    function bodies alike (a lazy import counts: it runs when the function is called), relative
    ones resolved, and ``importlib.import_module``/``__import__`` of a literal name."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = module.split(".")[: None if is_package else -1]
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            found.append((node.lineno, base))
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and ast.unparse(node.func) in ("importlib.import_module", "import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def _sources() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py")}


@functools.cache
def _imports_by_module() -> dict[str, list[tuple[int, str]]]:
    """nndesk module -> every import in its source (``_every_import``); parsed once per test
    process (three tests read it; the sources do not change during a run). Callers only read it."""
    found = {}
    for name, path in _sources().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found[name] = _every_import(tree, name, is_package=path.stem == "__init__")
    return found


def _graph(imports: dict[str, list[tuple[int, str]]]) -> dict[str, set[str]]:
    """nndesk module -> the nndesk modules it can load (its packages included)."""
    graph: dict[str, set[str]] = {}
    for name, found in imports.items():
        parents = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)}
        graph[name] = {m for m in {m for _, m in found} | parents if m in imports and m != name}
    return graph


def _forbidden_for(module: str) -> tuple[str, ...]:
    return next((no for package, no in FORBIDDEN.items() if _under({module}, package)), ())


def _is_under_any(name: str, packages: tuple[str, ...]) -> bool:
    return any(_under({name}, package) for package in packages)


def test_no_module_imports_a_layer_above_its_own_anywhere_in_its_code():
    """Controllers never import ui or app; nn, data and training never import controllers, ui
    or app; ui never imports app: every import statement, in function bodies too."""
    imports = _imports_by_module()
    assert sum(bool(_forbidden_for(m)) for m in imports) >= 60  # the five packages' modules
    broken = [
        f"{_sources()[module].relative_to(PACKAGE.parent)}:{line} imports {name}"
        for module, found in imports.items()
        for line, name in found
        if _is_under_any(name, _forbidden_for(module))
    ]
    assert broken == []


def test_no_module_reaches_a_layer_above_its_own_through_another_module():
    """The same rule through any chain of imports, lazy ones included: a controller that imports
    a helper that imports a page reaches the page."""
    graph = _graph(_imports_by_module())
    broken = []
    for module in graph:
        no = _forbidden_for(module)
        came_from, todo = {module: ""}, [module]
        while todo:
            here = todo.pop()
            for nxt in graph[here] - came_from.keys():
                came_from[nxt] = here
                todo.append(nxt)
                if _is_under_any(nxt, no):
                    chain, at = [nxt], here
                    while at:
                        chain.append(at)
                        at = came_from[at]
                    broken.append(" -> ".join(reversed(chain)))
    assert broken == []


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


def test_the_reading_sees_lazy_relative_and_by_name_imports():
    tree = ast.parse(
        "import a.b\nfrom c import d\nclass K:\n    from e import f\n"
        "def g():\n    import h\n    from . import near\n    from ..far import x\n"
        "    importlib.import_module('by.name')\n"
    )
    names = {name for _, name in _every_import(tree, "nndesk.pkg.mod", is_package=False)}
    assert names == {"a.b", "c", "c.d", "e", "e.f", "h", "nndesk.pkg", "nndesk.pkg.near",
                     "nndesk.far", "nndesk.far.x", "by.name"}  # fmt: skip
    graph = _graph(_imports_by_module())
    assert "nndesk.controllers" in graph["nndesk.controllers.training"]  # its package
    assert "nndesk.ui.main_window" in graph["nndesk.app.desk"]
    assert _forbidden_for("nndesk.controllers.training") == ("nndesk.ui", "nndesk.app")
    assert _forbidden_for("nndesk.app") == ()


def test_pages_do_not_import_the_wiring():
    loaded = _loaded_after_import("nndesk.ui.main_window")
    assert "nndesk.app" not in loaded


def test_the_runtime_package_never_imports_the_developer_tools():
    loaded = _loaded_after_import("nndesk.app")
    assert not _under(loaded, "tools")
    # the shipped models' recipes live in presets; tools/build_weights reads them, not the reverse
    assert not _under(_loaded_after_import("nndesk.presets"), "tools")


def test_the_starting_sign_loads_before_anything_heavy():
    """``nndesk`` shows it before the window's modules load (walk71 F12): Qt and nndesk's
    light modules alone, no NumPy, no matplotlib, no page."""
    loaded = _loaded_after_import("nndesk.ui.starting_sign")
    assert not _top_level(loaded) & {"numpy", "matplotlib", "PIL"}
    assert _under(loaded, "nndesk") <= {
        "nndesk",
        "nndesk.paths",
        "nndesk.i18n",
        "nndesk.ui",
        "nndesk.ui.language",
        "nndesk.ui.starting_sign",
    }, _under(loaded, "nndesk")


def test_command_line_sub_commands_do_not_load_qt():
    code = (
        "import sys; from nndesk import cli; "
        "rc = cli.main(['presets']); "
        "print('QT' if 'PySide6' in sys.modules else 'NOQT')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "NOQT"
