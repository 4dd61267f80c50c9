"""Every benchmark script starts and explains itself (they are run by hand, not by the suite)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = sorted((Path(__file__).resolve().parents[1] / "benchmarks").glob("bench_*.py"))


def test_the_benchmarks_folder_holds_the_scripts():
    assert len(BENCHMARKS) >= 6


@pytest.mark.parametrize("script", BENCHMARKS, ids=lambda p: p.stem)
def test_a_benchmark_script_prints_its_usage(script, tmp_path):
    done = subprocess.run(
        [sys.executable, str(script), "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "", "HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    assert "usage:" in done.stdout


def test_no_benchmark_leaves_its_scratch_folders_in_the_temp_folder():
    """Scratch homes come from ``scratch`` (removed at exit, and by ``leave_now`` before an
    ``os._exit``): plain ``mkdtemp`` folders were never removed (~190 MB in /tmp after a day)."""
    for script in BENCHMARKS:
        text = script.read_text(encoding="utf-8")
        assert "mkdtemp(" not in text, script.name
        assert "os._exit(" not in text, script.name


@pytest.mark.parametrize("leave", ["return", "leave_now", "exception"])
def test_a_scratch_home_is_removed_however_the_benchmark_ends(leave, tmp_path):
    child = f"""
import os, sys
sys.path.insert(0, {str(BENCHMARKS[0].parent)!r})
from scratch import leave_now, scratch_folder, scratch_home
home = scratch_home()
other = scratch_folder("nndesk-tour-")
for folder in (home, other):
    os.makedirs(os.path.join(folder, "runs", "r1"))
    with open(os.path.join(folder, "runs", "r1", "model.npz"), "wb") as f:
        f.write(bytes(1000))
print(home, other, flush=True)
if {leave!r} == "leave_now":
    leave_now(0)
if {leave!r} == "exception":
    raise RuntimeError("the benchmark failed")
"""
    env = {"PATH": "", "HOME": str(tmp_path), "TMPDIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == (1 if leave == "exception" else 0), done.stderr
    home, other = done.stdout.split()
    assert Path(home).parent == tmp_path
    assert not Path(home).exists()
    assert not Path(other).exists()
    assert list(tmp_path.iterdir()) == []


def test_a_scratch_home_leaves_a_home_already_set_alone(tmp_path, monkeypatch):
    sys.path.insert(0, str(BENCHMARKS[0].parent))
    try:
        import scratch
    finally:
        sys.path.remove(str(BENCHMARKS[0].parent))
    monkeypatch.setenv("NNDESK_HOME", str(tmp_path))
    assert scratch.scratch_home() == str(tmp_path)
    scratch.remove_scratch()
    assert tmp_path.is_dir()


def _bench_cnn():
    import importlib.util

    path = next(p for p in BENCHMARKS if p.stem == "bench_cnn")
    spec = importlib.util.spec_from_file_location("bench_cnn_for_test", path)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def test_bench_cnn_counts_other_programs_cores_from_the_machines_busy_time():
    import math

    bench = _bench_cnn()
    # 3 core-seconds busy over 2 s, 2 of them this process's and its helpers': half a core
    assert bench.others_cores(100.0, 103.0, 2.0, 2.0) == 0.5
    assert bench.others_cores(100.0, 101.0, 2.0, 2.0) == 0.0  # ticks counted apart: never < 0
    assert math.isnan(bench.others_cores(None, 103.0, 2.0, 2.0))  # no /proc/stat


def test_bench_cnn_reads_the_threads_wait_for_a_core_from_the_kernel(tmp_path):
    import math

    bench = _bench_cnn()
    schedstat = tmp_path / "schedstat"
    schedstat.write_text("8100000000 2500000000 731\n")  # run ns, run delay ns, timeslices
    assert bench.run_delay(str(schedstat)) == 2.5
    assert math.isnan(bench.run_delay(str(tmp_path / "none")))  # no such file (not Linux)


def _compare_keras(monkeypatch):
    """benchmarks/compare_keras.py as a module (TensorFlow is imported only by its main)."""
    import importlib.util

    folder = BENCHMARKS[0].parent
    monkeypatch.syspath_prepend(str(folder))
    spec = importlib.util.spec_from_file_location(
        "compare_keras_for_test", folder / "compare_keras.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_compare_keras_ends_by_saying_who_was_faster_and_whether_to_trust_it(monkeypatch):
    """walk65 D18: its verdict was "ratio_nndesk_over_keras=0.990 (per round: 1.373, 0.608)"
    among the keys, at load 17, and nothing in words."""
    verdict = _compare_keras(monkeypatch).verdict
    walk65 = verdict([44.44, 9.91], [32.37, 16.31], 17.19, 13.75, 2)
    assert walk65 == (
        "In words: nndesk took 0.99 of Keras' time per epoch (median of 2 rounds): the two were "
        "about as fast (within 5 %). The machine was busy (load 17.2 before and 13.8 after on 2 "
        "cores) and the rounds disagree (0.61 to 1.37): not a finding; run again when it is quiet."
    )
    quiet = verdict([10.0, 10.2, 9.8], [12.0, 12.0, 12.0], 0.3, 0.8, 2)
    assert quiet == (
        "In words: nndesk took 0.83 of Keras' time per epoch (median of 3 rounds): nndesk was "
        "1.20x as fast."
    )
    behind = verdict([15.0], [10.0], 1.9, 1.2, 2)
    assert behind.startswith(
        "In words: nndesk took 1.50 times Keras' time per epoch (median of 1 round): Keras was "
        "1.50x as fast. The machine was busy"
    )
    assert "disagree" in verdict([9.0, 14.0], [10.0, 10.0], 0.2, 0.2, 2)


def test_the_fashion_benchmarks_read_the_data_folder_holding_fashion_mnist(tmp_path, monkeypatch):
    """The app's --data-dir takes the folder holding fashion-mnist/; so do the benchmarks'."""
    import numpy as np

    from tests.conftest import make_blob_images, write_idx

    rng = np.random.default_rng(1)
    folder = tmp_path / "data" / "fashion-mnist"
    folder.mkdir(parents=True)
    for split, n in (("train", 64), ("t10k", 20)):
        labels = np.arange(n) % 10
        write_idx(folder / f"{split}-images-idx3-ubyte.gz", make_blob_images(labels, rng))
        write_idx(folder / f"{split}-labels-idx1-ubyte.gz", labels.astype(np.uint8))
    module = _compare_keras(monkeypatch)
    import argparse

    ap = argparse.ArgumentParser()
    module.add_data_dir(ap)
    assert "fashion-mnist/" in ap.format_help()
    with pytest.warns(Warning):  # the blobs are not the published files: said, not refused
        session = module.session_for(
            ap.parse_args(["--data-dir", str(tmp_path / "data")]).data_dir, 1
        )
    assert session.x_train.shape[0] == 64
