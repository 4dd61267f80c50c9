"""The four shipped models travel inside the wheel and the sdist, and an installed copy finds them.

Builds run offline: the build backend (hatchling) comes with the test extra and pip is told not to
fetch one (``--no-build-isolation``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODELS = ("fashion-cnn", "fashion-mlp", "mnist-cnn", "mnist-mlp")


def _build_wheel(source: Path, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index"]
    done = subprocess.run(
        [*cmd, "-q", "-w", str(out), str(source)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = out.glob("nndesk-*.whl")
    return wheel


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    return _build_wheel(ROOT, tmp_path_factory.mktemp("wheel"))


def test_the_wheel_carries_the_four_shipped_models_byte_for_byte(wheel):
    with zipfile.ZipFile(wheel) as zf:
        for name in MODELS:
            shipped = (ROOT / "weights" / f"{name}.npz").read_bytes()
            assert zf.read(f"nndesk/weights/{name}.npz") == shipped
        assert "nndesk/assets/nndesk.png" in zf.namelist()


def test_the_sdist_carries_weights_and_a_wheel_built_from_it_does_too(tmp_path):
    build = "import sys; from hatchling.build import build_sdist; print(build_sdist(sys.argv[1]))"
    done = subprocess.run(
        [sys.executable, "-c", build, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    sdist = tmp_path / done.stdout.strip().splitlines()[-1]
    with tarfile.open(sdist) as tar:
        names = tar.getnames()
        top = names[0].split("/")[0]
        assert all(f"{top}/weights/{name}.npz" in names for name in MODELS)
        tar.extractall(tmp_path / "unpacked")  # our own archive, just built
    rebuilt = _build_wheel(tmp_path / "unpacked" / top, tmp_path / "wheel")
    with zipfile.ZipFile(rebuilt) as zf:
        assert all(f"nndesk/weights/{name}.npz" in zf.namelist() for name in MODELS)


def test_an_installed_copy_outside_the_source_tree_lists_and_uses_its_own_models(wheel, tmp_path):
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)  # what pip does with a pure-Python wheel
    (tmp_path / "tmp").mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": str(site),
        "NNDESK_HOME": str(tmp_path / "home"),
        "NNDESK_CACHE_DIR": str(tmp_path / "cache"),
        # `nndesk models` lists the save-fallback folders, the system temp folder among them:
        # another test run's fallback model there must not show up in this one's list
        "TMPDIR": str(tmp_path / "tmp"),
    }
    run = dict(cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    done = subprocess.run([sys.executable, "-m", "nndesk", "models", "--json"], **run)
    assert done.returncode == 0, done.stderr
    entries = [json.loads(line) for line in done.stdout.splitlines()]
    assert [e["name"] for e in entries] == list(MODELS)
    for e in entries:
        assert Path(e["path"]).is_relative_to(site) and e["problem"] is None
        assert e["source"] == "shipped" and e["test_accuracy"] > 0.9
    drawing = ROOT / "assets" / "drawings" / "digit3-plain-24px.png"
    done = subprocess.run(
        [sys.executable, "-m", "nndesk", "predict", "mnist-cnn", str(drawing), "--json"], **run
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["class"] == "3"
    done = subprocess.run([sys.executable, "-m", "nndesk", "presets"], **run)
    assert done.returncode == 0 and "fashion-cnn-plus" in done.stdout, done.stderr


def test_the_wheel_carries_the_compiled_translations(wheel):
    from nndesk.i18n import qm_path, translated_languages

    with zipfile.ZipFile(wheel) as zf:
        for code in translated_languages():
            assert zf.read(f"nndesk/i18n/nndesk_{code}.qm") == qm_path(code).read_bytes()
