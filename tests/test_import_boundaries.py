"""Dependencies run one way: nn <- data/training/preprocess <- controllers <- ui <- app.

Each check imports a module in a fresh interpreter and looks at what it pulled in, so a lazy import
inside a function body is not counted, but any import at module level (direct or indirect) is.
"""

import subprocess
import sys

import pytest

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
