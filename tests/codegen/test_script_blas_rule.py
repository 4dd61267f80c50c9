"""walk53 #4: the mnist-gd script (784-10-10, full batch) missed the app's 84.63 % (0.8499) as
its NumPy took two BLAS threads where nndesk, on a busy machine, had taken one. The script now
applies nndesk's rule itself before NumPy loads, and its header says what the rule is."""

from __future__ import annotations

import builtins
import io
import os
import time

import numpy as np
import pytest

from nndesk.codegen import from_preset, numpy_script
from nndesk.nn import parallel
from nndesk.training import runtime

VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def _prelude(script: str) -> str:
    """The script's lines up to NumPy's import: where it decides BLAS's threads."""
    head, _, _ = script.partition("import numpy as np")
    return head


@pytest.fixture
def machine(monkeypatch):
    """A 2-core machine whose load the test sets: ``machine(load, busy_cores)``."""
    for var in VARS:  # set first, so that the test's end restores what was there (or nothing)
        monkeypatch.setenv(var, "")
        monkeypatch.delenv(var)
    real_open = builtins.open
    ticks = {"busy": 0}

    def fake(load: float, busy_cores: float) -> None:
        monkeypatch.setattr(os, "cpu_count", lambda: 2)
        monkeypatch.setattr(os, "getloadavg", lambda: (load, load, load))
        monkeypatch.setattr(os, "sysconf", lambda name: 100)
        monkeypatch.setattr(time, "sleep", lambda s: None)
        clock = iter(np.arange(0.0, 100.0, 0.1))  # 0.1 s between two looks
        monkeypatch.setattr(time, "perf_counter", lambda: float(next(clock)))
        monkeypatch.setattr(time, "process_time", lambda: 0.0)

        def proc_stat(path, *args, **kwargs):
            if str(path) != "/proc/stat":
                return real_open(path, *args, **kwargs)
            ticks["busy"] += round(busy_cores * 10)  # 100 ticks a second, 0.1 s apart
            return io.StringIO(f"cpu {ticks['busy']} 0 0 1000 0 0 0 0\n")

        monkeypatch.setattr(builtins, "open", proc_stat)

    return fake


def _app_blas(model) -> int | None:
    return runtime.plan(model, 54_000).blas


@pytest.mark.parametrize(("load", "busy", "threads"), [(0.1, 0.0, None), (9.0, 2.0, "1")])
def test_the_mnist_gd_script_takes_the_blas_threads_nndesk_takes(machine, load, busy, threads):
    from nndesk.presets import get_preset

    script = numpy_script(from_preset("mnist-gd"), "pytest")
    model = get_preset("mnist-gd").config.build_model(np.random.default_rng(0))
    machine(load, busy)
    assert parallel.cores() == 2
    exec(compile(_prelude(script), "mnist_gd.py", "exec"), {"__name__": "prelude"})
    assert os.environ.get("OPENBLAS_NUM_THREADS") == threads
    assert _app_blas(model) == (None if threads is None else int(threads))


def test_the_header_says_the_rule_not_a_wide_network_given_several_threads():
    script = numpy_script(from_preset("mnist-gd"), "pytest")
    header = " ".join(script.split('"""')[1].split())
    assert "wide network several threads" not in header
    assert "this script applies the same rule as it starts" in header
    assert "OPENBLAS_NUM_THREADS=1" in header


def test_the_rule_sits_at_the_end_out_of_the_lessons_way_and_the_script_runs(tmp_path, blob_dir):
    """walk59 D16: ~35 lines measuring idle cores from /proc/stat opened the script handed to
    students, before the experiment's settings. They now follow main(), NumPy's import after
    them, and the script still imports and trains."""
    from tests.codegen.conftest import final_accuracy, run_script

    script = numpy_script(from_preset("mnist-gd"), "pytest")
    code = script.split('"""', 2)[2]  # after the header
    assert code.index("# -- the experiment's settings") < code.index("def idle_cores")
    assert (
        code.index("def main():")
        < code.index("def idle_cores")
        < code.index("import numpy as np")
        < code.index('if __name__ == "__main__":')
    )
    assert "/proc/stat" not in code[: code.index("def main():")]
    path = tmp_path / "mnist_gd.py"
    path.write_text(script, encoding="utf-8")
    done = run_script(path, "--data-dir", str(blob_dir), "--epochs", "1")
    assert done.returncode == 0, done.stderr
    assert 0 <= final_accuracy(done.stdout) <= 1
