"""What does a Train click's ``TrainingController.start`` cost the GUI thread? (not a test)

Starts a small run (784-16-10 on 200 random images) through the window's training bridge, times
``start()`` itself on the main thread (wall and the thread's CPU: the run's folder, its lock,
its first run.json, the worker thread's start), then stops the run before its data arrives and
waits until it is over, ``--starts`` times. The runs folder is in a scratch ``NNDESK_HOME`` in
the temp folder (``TMPDIR``: a real disk, for fsync to cost what it does). Prints the figures
and ``FIGURES <json>`` with ``--json``.

``--against DIR`` measures the nndesk package in DIR (another checkout) and this one in turns.

    python benchmarks/bench_run_start.py --starts 20 --against /path/to/main --rounds 3
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from pathlib import Path

from gui_ticks import add_turn_options, report  # beside this file
from scratch import scratch_home

HERE = Path(__file__).resolve()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def measure(starts: int) -> dict:
    sys.path.insert(0, os.environ.get("NNDESK_BENCH_CODE", str(HERE.parents[1])))
    import numpy as np
    from PySide6.QtCore import QCoreApplication

    from nndesk.controllers.training import TrainingController
    from nndesk.data.sources import Dataset
    from nndesk.runs import RunStore
    from nndesk.training import TrainConfig

    app = QCoreApplication.instance() or QCoreApplication(sys.argv)
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, (250, 28, 28), dtype=np.uint8)
    labels = np.arange(250) % 10
    data = Dataset(
        name="mnist",
        class_names=tuple(str(i) for i in range(10)),
        preprocess="digits",
        train_images=images[:200],
        train_labels=labels[:200],
        test_images=images[200:],
        test_labels=labels[200:],
    )
    gate = threading.Event()

    def provider(name):
        gate.wait(60)
        return data

    config = TrainConfig(dataset="mnist", arch="784-16-10", batch_size=20, epochs=1)
    controller = TrainingController(provider, RunStore(Path(scratch_home()) / "runs"))
    walls, cpus = [], []
    for _ in range(starts):
        gate.clear()
        w0, c0 = time.perf_counter(), time.thread_time()
        controller.start(config)
        walls.append(1000 * (time.perf_counter() - w0))
        cpus.append(1000 * (time.thread_time() - c0))
        controller.stop()
        gate.set()
        end = time.monotonic() + 60
        while controller.is_running() and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.002)
    controller.shutdown()
    return {
        "start_wall_ms_median": statistics.median(walls),
        "start_wall_ms_max": max(walls),
        "start_cpu_ms_median": statistics.median(cpus),
        "load": os.getloadavg()[0],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=20)
    add_turn_options(parser)
    args = parser.parse_args(argv)

    def measured() -> dict[str, float]:
        scratch_home()  # here, not before the turns: each turn's run makes its own
        return measure(args.starts)

    return report(HERE, args, argv, measured)


if __name__ == "__main__":
    sys.exit(main())
