"""The core, data layer, preprocessing and training loop never pull in the GUI or plotting."""

import subprocess
import sys

import pytest

HEAVY = ("PySide6", "matplotlib")


def _loaded_after_import(module: str) -> set[str]:
    code = (
        f"import sys, {module}; print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


@pytest.mark.parametrize("module", ["nndesk.nn", "nndesk.training", "nndesk.data"])
def test_core_modules_do_not_load_qt_or_matplotlib(module):
    loaded = _loaded_after_import(module)
    assert not loaded & set(HEAVY), f"{module} loaded {loaded & set(HEAVY)}"


def test_nn_core_does_not_load_pillow():
    assert "PIL" not in _loaded_after_import("nndesk.nn")


def test_preprocess_does_not_load_qt():
    loaded = _loaded_after_import("nndesk.preprocess")
    assert not loaded & set(HEAVY)


def test_command_line_sub_commands_do_not_load_qt():
    code = (
        "import sys; from nndesk import cli; "
        "rc = cli.main(['presets']); "
        "print('QT' if 'PySide6' in sys.modules else 'NOQT')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "NOQT"
