"""mypy checks the paths configured in pyproject.toml ([tool.mypy] files: the NumPy core)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_the_typed_packages_pass_mypy():
    pytest.importorskip("mypy", reason="mypy comes with the test extra: pip install -e '.[test]'")
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Success" in out.stdout
