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
