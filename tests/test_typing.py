"""mypy checks the paths configured in pyproject.toml ([tool.mypy] files: the NumPy core)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_the_typed_packages_pass_mypy():
    pytest.importorskip("mypy", reason="mypy comes with the test extra: pip install -e '.[test]'")
    out = subprocess.run(
        # no cache kept: every run checks from scratch, as CI's fresh machine does (a cache left
        # in the checkout made a local run quick and hid CI's cost), and writing one that no
        # later run reads was a tenth of the check's time
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml")]
        + ["--cache-dir", os.devnull],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Success" in out.stdout
