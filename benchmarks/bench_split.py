"""Where a split CNN batch's time goes: the two halves, the caller alone, and the GIL.

Not a test: prints figures. Example::

    python benchmarks/bench_split.py --data-dir ../shared/data/fashion-mnist

``bench_cnn`` says how fast a ``fashion-cnn`` epoch is; this says why the two threads of a
batch split by samples (``nndesk.nn.split_batch``) deliver less than two cores. Three
measurements, each in one process so that both sides of a comparison meet the same moments of
the machine (Linux only: it reads ``/proc/thread-self``):

- ``parts``: ``--batches`` training steps (``Sequential.train_step`` and Adam, as the training loop
  runs them, split over two threads). Per part: its thread's CPU, its wall, its run-queue wait
  (runnable while another program had the core) and the rest, ``sleep``, which inside a part can
  only be waits for the GIL; the voluntary context switches (waits that put the thread to sleep).
  Per batch: the caller's time outside its own part (hand-out, waits, sums, Adam) and how much
  later the caller's part ends than the other one's.
- ``gil``: two half-batch steps at once, without meetings, as two threads of this process and as
  two child processes (which share no GIL): the threads' ``sleep`` over the processes' is what
  the GIL costs two halves that run side by side.
- ``whole-vs-split``: the same training steps with the batch whole on one thread and split over
  two, switching every 10 batches: the CPU the split adds, and Adam's update on two threads
  against inline.

Medians over the batches; the load average before and after is printed. On a busy machine the
run-queue waits dominate and the two threads seldom run at the same moment, so the GIL figures
mean most on a quiet one.
"""

from __future__ import annotations

import argparse
import copy
import os
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout
# isort: off
import nndesk  # noqa: E402, F401  (before NumPy, as the CLI and app: sets OpenBLAS's thread timeout)
import numpy as np  # noqa: E402

# isort: on

PRESET = "fashion-cnn"
#: Batches of one variant before ``whole-vs-split`` switches to the other.
BLOCK = 10


def thread_counters() -> tuple[float, float, float, int]:
    """This thread's (wall s, CPU s, run-queue wait s, voluntary context switches)."""
    with open("/proc/thread-self/schedstat") as f:
        queued = int(f.read().split()[1]) / 1e9
    switches = 0
    with open("/proc/thread-self/status") as f:
        for line in f:
            if line.startswith("voluntary_ctxt_switches"):
                switches = int(line.split()[1])
    return time.perf_counter(), time.thread_time(), queued, switches


def since(start: tuple[float, float, float, int]) -> dict[str, float]:
    """Per-thread figures since ``start`` (``thread_counters()``): ms, and switches as counted."""
    wall, cpu, queued, switches = (b - a for a, b in zip(start, thread_counters(), strict=True))
    return {
        "wall": wall * 1e3,
        "cpu": cpu * 1e3,
        "run-queue": queued * 1e3,
        "sleep": (wall - cpu - queued) * 1e3,
        "switches": switches,
    }


def session_for(data_dir: Path, threads: int):
    """A prepared ``fashion-cnn`` session on all training images (no validation split)."""
    from nndesk.data import load_dataset
    from nndesk.presets import get_preset
    from nndesk.training import prepare

    config = get_preset(PRESET).config.replace(epochs=1, val_fraction=0.0, threads=threads)
    return prepare(config, dataset=load_dataset("fashion", data_dir=data_dir, allow_download=False))


def batches_of(session, count: int):
    """``count`` shuffled training batches ``(x, labels)`` of the preset's size."""
    size = session.config.batch_size
    order = np.random.default_rng(0).permutation(len(session.y_train))
    for b in range(count):
        start = (b * size) % (len(order) - size)
        idx = order[start : start + size]
        yield session.x_train[idx], session.y_train[idx]


def print_medians(label: str, rows: dict[str, list[float]]) -> None:
    print(f"{label}:")
    for key, values in rows.items():
        print(f"  {key:34s} median {np.median(values):8.3f}  mean {np.mean(values):8.3f}")


def measure_parts(session, count: int) -> None:
    """The ``parts`` measurement (module docstring)."""
    from nndesk.nn import parallel, split_batch
    from nndesk.training.runtime import blas_threads

    model, optimizer, loss = session.model, session.optimizer, session.loss_fn
    params = model.parameters()
    inner = split_batch._train_step
    batch: dict[str, float] = {}  # this batch's figures, by "<who> part <figure>"
    ends: dict[str, float] = {}
    rows: dict[str, list[float]] = defaultdict(list)

    def timed_part(*args, **kwargs):
        who = "caller" if threading.current_thread() is threading.main_thread() else "other"
        start = thread_counters()
        result = inner(*args, **kwargs)
        batch.update({f"{who} part {key}": value for key, value in since(start).items()})
        ends[who] = time.perf_counter()
        return result

    split_batch._train_step = timed_part
    try:
        with blas_threads(1), parallel.use_threads(2):
            for b, (x, labels) in enumerate(batches_of(session, count)):
                start = time.perf_counter()
                model.train_step(x, labels, loss)
                optimizer.step(params)
                wall = (time.perf_counter() - start) * 1e3
                if b < 5:  # buffers and copies are made in the first batches
                    continue
                for key, value in batch.items():
                    rows[key].append(value)
                rows["batch wall"].append(wall)
                rows["caller outside its part"].append(wall - batch["caller part wall"])
                rows["caller part ends later by"].append((ends["caller"] - ends["other"]) * 1e3)
    finally:
        split_batch._train_step = inner
    print_medians(f"parts ({count} split batches; ms, switches as counted)", rows)


def half_steps(data_dir: Path, steps: int, threads: int, start_at: float) -> None:
    """Run ``threads`` half-batch steps side by side from ``start_at`` (epoch s); print each
    thread's ``since`` figures per step as one line: ``wall cpu run-queue sleep switches``."""
    from nndesk.nn import parallel
    from nndesk.training.runtime import blas_threads

    session = session_for(data_dir, 1)
    models = [session.model] + [session.model.snapshot() for _ in range(threads - 1)]
    half = session.config.batch_size // 2
    results: list[dict[str, float]] = []

    def run(index: int) -> None:
        model = models[index]
        x = session.x_train[index * half : (index + 1) * half].copy()
        labels = session.y_train[index * half : (index + 1) * half]
        loss = copy.copy(session.loss_fn)  # a loss keeps its last gradient: one each
        with parallel.use_threads(1):
            for _ in range(10):
                model.train_step(x, labels, loss)
            while time.time() < start_at:
                time.sleep(0.001)
            start = thread_counters()
            for _ in range(steps):
                model.train_step(x, labels, loss)
            results.append({k: v / steps for k, v in since(start).items()})

    with blas_threads(1):
        workers = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    for r in results:
        print(" ".join(f"{r[k]:.4f}" for k in ("wall", "cpu", "run-queue", "sleep", "switches")))


def measure_gil(data_dir: Path, steps: int) -> None:
    """The ``gil`` measurement (module docstring): threads first, then processes."""
    keys = ("wall", "cpu", "run-queue", "sleep", "switches")
    for label, processes, threads in (("two threads", 1, 2), ("two processes", 2, 1)):
        start_at = time.time() + 12  # after every side has loaded the data and warmed up
        command = [sys.executable, __file__, "--data-dir", str(data_dir), "--half-steps"]
        command += [str(steps), str(threads), str(start_at)]
        runs = [
            subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(processes)
        ]
        lines = [line for run in runs for line in run.communicate()[0].split("\n") if line]
        print(f"gil, {label} (ms per half-batch step, each side):")
        for line in lines:
            values = [float(v) for v in line.split()]
            print("  " + "  ".join(f"{k} {v:.3f}" for k, v in zip(keys, values, strict=True)))


def measure_whole_vs_split(session, count: int) -> None:
    """The ``whole-vs-split`` measurement (module docstring)."""
    from nndesk.nn import parallel
    from nndesk.training.runtime import blas_threads

    model, optimizer, loss = session.model, session.optimizer, session.loss_fn
    params = model.parameters()
    rows: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    with blas_threads(1):
        for b, (x, labels) in enumerate(batches_of(session, count)):
            variant = ("split over two threads", "whole on one thread")[(b // BLOCK) % 2]
            with parallel.use_threads(2 if variant.startswith("split") else 1):
                wall0, cpu0 = time.perf_counter(), time.process_time()
                model.train_step(x, labels, loss)
                wall1, cpu1 = time.perf_counter(), time.process_time()
                optimizer.step(params)
                wall2, cpu2 = time.perf_counter(), time.process_time()
            if b % BLOCK < 2:  # the first batches after a switch warm caches and copies
                continue
            row = rows[variant]
            row["train_step process CPU"].append((cpu1 - cpu0) * 1e3)
            row["train_step wall"].append((wall1 - wall0) * 1e3)
            row["adam process CPU"].append((cpu2 - cpu1) * 1e3)
            row["adam wall"].append((wall2 - wall1) * 1e3)
    for variant, row in rows.items():
        print_medians(f"whole-vs-split, {variant} (ms per batch)", row)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--data-dir", type=Path, required=True, help="folder with Fashion IDX .gz files"
    )
    ap.add_argument("--batches", type=int, default=400, help="training batches per measurement")
    ap.add_argument("--steps", type=int, default=300, help="half-batch steps for the gil one")
    ap.add_argument(
        "--only",
        choices=("parts", "gil", "whole-vs-split"),
        help="one measurement (default: all three)",
    )
    ap.add_argument("--half-steps", nargs=3, help=argparse.SUPPRESS)  # a gil child's own work
    args = ap.parse_args(argv)
    if args.half_steps:
        steps, threads, start_at = args.half_steps
        half_steps(args.data_dir, int(steps), int(threads), float(start_at))
        return
    print(f"numpy={np.__version__} cores={os.cpu_count()} loadavg_before={os.getloadavg()[0]:.2f}")
    if args.only in (None, "parts"):
        measure_parts(session_for(args.data_dir, 2), args.batches)
    if args.only in (None, "gil"):
        measure_gil(args.data_dir, args.steps)
    if args.only in (None, "whole-vs-split"):
        measure_whole_vs_split(session_for(args.data_dir, 2), args.batches)
    print(f"loadavg_after={os.getloadavg()[0]:.2f} (2 cores shared with other work: figures noisy)")


if __name__ == "__main__":
    main()
