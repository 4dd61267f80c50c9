"""Where a split CNN batch's time goes: the two halves, the caller alone, and the GIL.

Not a test: prints figures. Example::

    python benchmarks/bench_split.py --data-dir ../shared/data/fashion-mnist

``bench_cnn`` says how fast a ``fashion-cnn`` epoch is; this says why the two threads of a
batch split by samples (``nndesk.nn.split_batch``) deliver less than two cores. The
measurements (the first three by default, ``--only`` picks one), each in one process so that
both sides of a comparison meet the same moments of the machine (Linux only: it reads
``/proc/thread-self``):

- ``parts``: ``--batches`` training steps (``Sequential.train_step`` and Adam, as the training loop
  runs them, split over two threads). Per part: its thread's CPU, its wall, its run-queue wait
  (runnable while another program had the core) and the rest, ``sleep``, which inside a part can
  only be waits for the GIL; the voluntary context switches (waits that put the thread to sleep).
  Per batch: the caller's time outside its own part (hand-out, waits, sums, Adam) and how much
  later the caller's part ends than the other one's.
- ``gil``: half-batch steps on one thread alone, then two at once, without meetings, as two
  threads of this process and as two child processes (which share no GIL): the threads'
  ``sleep`` over the processes' is what the GIL costs two halves that run side by side, and the
  processes' CPU over the lone thread's what the two cores' shared memory and caches cost.
- ``whole-vs-split``: the same training steps with the batch whole on one thread and split over
  two, switching every 10 batches: the CPU the split adds, and Adam's update on two threads
  against inline.
- ``fixed``: half steps (``Sequential.train_step`` on one thread, as a split part runs it) on
  1, 4, 8, 16 and 32 images, taking turns step by step, ``--steps`` each; per size the thread
  CPU per step and per layer call (forward and backward, a fused conv + pool as its conv), and a
  straight line through the sizes from 4 on: its value at 0 images is the step's fixed cost
  (NumPy and Python calls, loops whose count does not grow with the images, weight-sized
  work), its slope the cost per image. First quartiles.
- ``timeline``: ``--batches`` batches of the real training loop (``nndesk.training.train``, the
  gather and the reports included) split over two threads, each phase timed on the thread that
  runs it: the hand-out, each half's forward, loss and backward, the caller's wait for the other
  half, the gradient sum and Adam (each half's range of both in its tail, as the loop takes the
  step; or, on a batch the loop's watcher samples, the caller's sum and each thread's range of
  Adam), the loop's rest (gather, accuracy, report). Per thread, the busy time per phase
  (wall, CPU, and for the halves the run-queue wait; wall minus both is sleep: the GIL) and
  the idle time per batch (wall minus busy), and one batch of median wall drawn as a line per
  thread. ``--whole``: the
  same phases with the batches whole on one thread.

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
from fashion_cnn import add_data_dir, session_for  # noqa: E402  (benchmarks/, beside this file)

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
    sides = (("one thread alone", 1, 1), ("two threads", 1, 2), ("two processes", 2, 1))
    for label, processes, threads in sides:
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


def timed_call(inner, key: str, calls: dict[str, float]):
    """``inner`` that adds its thread CPU (ms) to ``calls[key]``."""

    def timed(*args, **kwargs):
        start = time.thread_time()
        result = inner(*args, **kwargs)
        calls[key] = calls.get(key, 0.0) + (time.thread_time() - start) * 1e3
        return result

    return timed


def measure_fixed(data_dir: Path, steps: int) -> None:
    """The ``fixed`` measurement (module docstring)."""
    from nndesk.nn import parallel
    from nndesk.training import heap
    from nndesk.training.runtime import blas_threads

    heap.keep_freed_memory()  # as training does: fresh arrays reuse the heap's pages
    session = session_for(data_dir, 1)
    sizes = (1, 4, 8, 16, 32)
    models = {n: session.model.snapshot() for n in sizes}
    losses = {n: copy.copy(session.loss_fn) for n in sizes}  # a loss keeps its last gradient
    calls: dict[str, float] = {}  # this step's thread CPU per layer call, ms
    for model in models.values():
        for index, layer in enumerate(model.layers):
            for method in ("forward", "backward", "forward_fused", "backward_fused"):
                key = f"{index:2d} {layer.name} {method.split('_')[0]}"
                setattr(layer, method, timed_call(getattr(layer, method), key, calls))
    per_step: dict[int, list[float]] = defaultdict(list)
    per_call: dict[tuple[int, str], list[float]] = defaultdict(list)
    rng = np.random.default_rng(0)
    with blas_threads(1), parallel.use_threads(1):
        for step in range(steps + 10):
            rows = rng.integers(0, len(session.y_train), max(sizes))
            for n in sizes:
                x, labels = session.x_train[rows[:n]], session.y_train[rows[:n]]
                calls.clear()
                start = time.thread_time()
                models[n].train_step(x, labels, losses[n])
                if step >= 10:  # buffers are made in the first steps
                    per_step[n].append((time.thread_time() - start) * 1e3)
                    for key, ms in calls.items():
                        per_call[n, key].append(ms)

    def line(label: str, values: list[float]) -> None:
        fit = np.polyfit(sizes[1:], values[1:], 1)
        cells = " ".join(f"{v:7.3f}" for v in values)
        print(f"  {label:28s} {cells}   fixed {fit[1]:6.3f} ms + {fit[0] * 1e3:6.1f} us/image")

    print(f"fixed (ms of thread CPU per half step, first quartile of {steps}; n = {sizes}):")
    line("whole step", [float(np.percentile(per_step[n], 25)) for n in sizes])
    for key in sorted({key for _, key in per_call}):
        line(key, [float(np.percentile(per_call[n, key], 25)) for n in sizes])


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


TIMELINE_CALLER = (
    "hand-out (parameters, dropout masks)",
    "forward",
    "loss",
    "backward",
    "tail: gradient sum and Adam, own range",
    "wait for the other half",
    "gradient sum",
    "adam, own range",
    "adam, outside the ranges",
    "loop: gather, accuracy, report",
)
TIMELINE_OTHER = (
    "forward",
    "loss",
    "backward",
    "tail: gradient sum and Adam, own range",
    "adam, own range",
)
#: Characters the drawn batch takes at most (a longer batch is drawn coarser than 0.1 ms each).
TIMELINE_WIDTH = 250
#: The letters the drawn batch uses for each phase ('.' idle).
TIMELINE_MARKS = {
    "hand-out (parameters, dropout masks)": "h",
    "forward": "F",
    "loss": "L",
    "backward": "B",
    "tail: gradient sum and Adam, own range": "T",
    "wait for the other half": "w",
    "gradient sum": "s",
    "adam, own range": "A",
    "adam, outside the ranges": "a",
    "loop: gather, accuracy, report": "g",
}


def measure_timeline(session, count: int, whole: bool = False) -> None:
    """The ``timeline`` measurement (module docstring); ``whole``: the session trains on one
    thread (batches not split), timed in the same phases."""
    from nndesk.nn import parallel, split_batch
    from nndesk.training import BatchReport, train

    # who, phase, start, end, CPU s, run-queue s (the halves' forward and backward only)
    events: list[tuple[str, str, float, float, float, float]] = []
    in_adam = threading.Event()

    def who() -> str:
        return "caller" if threading.current_thread() is threading.main_thread() else "other"

    def queued() -> float:
        with open("/proc/thread-self/schedstat") as f:
            return int(f.read().split()[1]) / 1e9

    def timed(phase: str, fn, queue: bool = False):
        def run(*args, **kwargs):
            waited = queued() if queue else 0.0
            start, cpu = time.perf_counter(), time.thread_time()
            try:
                return fn(*args, **kwargs)
            finally:
                end, cpu = time.perf_counter(), time.thread_time() - cpu
                waited = queued() - waited if queue else 0.0
                events.append((who(), phase, start, end, cpu, waited))

        return run

    def step(net, x, labels, loss, batch):  # split_batch._train_step, a phase at a time
        with parallel.use_threads(1):
            logits = timed("forward", net.forward, queue=True)(x, training=True)
            share = timed("loss", loss)(logits, labels, batch)
            grad = timed("loss", loss.backward)()
            timed("backward", net.backward, queue=True)(grad, input_grad=False)
            return logits, share

    inner_map = parallel.map_parts

    def map_parts(fn, size, work):
        if in_adam.is_set():
            fn = timed("adam, own range", fn)
        inner_map(fn, size, work)

    def adam_step(params, _inner=session.optimizer.step):
        in_adam.set()
        try:
            timed("adam", _inner)(params)
        finally:
            in_adam.clear()

    saved = (split_batch._train_step, parallel.map_parts, split_batch.BatchSplit)
    split_class = split_batch.BatchSplit
    originals = {n: getattr(split_class, n) for n in ("_hand_out", "_sum_grads", "train_step")}
    tails_class, tail = split_batch._Tails, split_batch._Tails.sum_and_update
    tails_class.sum_and_update = timed("tail: gradient sum and Adam, own range", tail)
    split_batch._train_step = step
    parallel.map_parts = map_parts
    split_class._hand_out = timed("hand-out (parameters, dropout masks)", originals["_hand_out"])
    split_class._sum_grads = timed("gradient sum", originals["_sum_grads"])
    split_class.train_step = timed("split", originals["train_step"])
    session.optimizer.step = adam_step
    if whole:  # one thread: the same phases, timed around the model's own calls
        model = session.model
        model.forward = timed("forward", model.forward, queue=True)
        model.backward = timed("backward", model.backward, queue=True)
        loss_class = type(session.loss_fn)
        loss_class.backward = timed("loss", loss_class.backward)
    session.x_train = session.x_train[: count * session.config.batch_size]
    session.y_train = session.y_train[: count * session.config.batch_size]
    bounds = [time.perf_counter()]
    try:
        for report in train(session):
            if isinstance(report, BatchReport):
                bounds.append(time.perf_counter())
    finally:
        split_batch._train_step, parallel.map_parts = saved[0], saved[1]
        for name, method in originals.items():
            setattr(split_class, name, method)
        tails_class.sum_and_update = tail
        del session.optimizer.step
        if whole:
            del session.model.forward, session.model.backward
            del type(session.loss_fn).backward

    # every event to its batch (the one whose report came after it began)
    per_batch: list[list[tuple[str, str, float, float, float, float]]] = [[] for _ in bounds[1:]]
    b = 0
    for event in sorted(events, key=lambda e: e[2]):
        while b + 2 < len(bounds) and event[2] >= bounds[b + 1]:
            b += 1
        per_batch[b].append(event)
    rows: dict[str, dict[str, list[float]]] = {
        "caller": defaultdict(list),
        "other": defaultdict(list),
    }
    walls: list[float] = []
    for index, batch in enumerate(per_batch):
        if index < 5 or index == len(per_batch) - 1:  # warm-up, and a short last batch
            continue
        wall = (bounds[index + 1] - bounds[index]) * 1e3
        walls.append(wall)
        spent: dict[tuple[str, str], float] = defaultdict(float)
        cpu: dict[tuple[str, str], float] = defaultdict(float)
        waits: dict[tuple[str, str], float] = defaultdict(float)
        for person, phase, start, end, seconds, waited in batch:
            spent[person, phase] += (end - start) * 1e3
            cpu[person, phase] += seconds * 1e3
            waits[person, phase] += waited * 1e3
        own = ("hand-out (parameters, dropout masks)", "forward", "loss", "backward")
        tail = "tail: gradient sum and Adam, own range"  # the optimizer's step in the halves
        inside = sum(spent["caller", p] for p in (*own, tail, "gradient sum"))
        if whole:
            spent["caller", "split"] = inside
        spent["caller", "wait for the other half"] = spent["caller", "split"] - inside
        adam_range = spent["caller", "adam, own range"]
        spent["caller", "adam, outside the ranges"] = spent["caller", "adam"] - adam_range
        busy = spent["caller", "split"] + spent["caller", "adam"]
        spent["caller", "loop: gather, accuracy, report"] = wall - busy
        for person, phases in (("caller", TIMELINE_CALLER), ("other", TIMELINE_OTHER)):
            total = 0.0
            for phase in phases:
                rows[person][phase].append(spent[person, phase])
                if phase in ("forward", "loss", "backward", tail, "adam, own range"):
                    rows[person][phase + " (CPU)"].append(cpu[person, phase])
                if phase in ("forward", "backward"):
                    rows[person][phase + " (run-queue)"].append(waits[person, phase])
                total += spent[person, phase]
            if person == "other":
                rows[person]["idle"].append(wall - total)
        if whole:
            continue
        halves = [e for e in batch if e[1] in ("forward", "backward")]
        starts = {p: min(e[2] for e in halves if e[0] == p) for p in ("caller", "other")}
        ends = {p: max(e[3] for e in halves if e[0] == p) for p in ("caller", "other")}
        rows["other"]["starts later than the caller's half by"].append(
            (starts["other"] - starts["caller"]) * 1e3
        )
        rows["other"]["ends later than the caller's half by"].append(
            (ends["other"] - ends["caller"]) * 1e3
        )
    how = "on one thread" if whole else "split over two threads"
    print(f"timeline ({len(walls)} batches of the training loop {how}, ms)")
    print(
        f"  batch wall                          median {np.median(walls):8.3f}  "
        f"mean {np.mean(walls):8.3f}"
    )
    for person, phases in rows.items():
        if not whole or person == "caller":
            print_medians(f"  {person} thread", phases)
    # one batch of median wall, drawn at 0.1 ms a character (coarser for a long batch)
    order = np.argsort(walls)
    index = int(order[len(order) // 2]) + 5
    start = bounds[index]
    step = max(0.1, walls[index - 5] / TIMELINE_WIDTH)  # ms a character
    print(
        f"batch {index} ({walls[index - 5]:.2f} ms), {step:.2g} ms a character "
        "(h hand-out, F forward, L loss, B backward, T the tail's sum and Adam's range, s sum, "
        "A Adam's range, . idle or other):"
    )
    for person in ("caller",) if whole else ("caller", "other"):
        line = ["."] * int((bounds[index + 1] - start) * 1e3 / step + 1)
        for p, phase, s0, s1, _, _ in per_batch[index]:
            mark = TIMELINE_MARKS.get(phase)
            if p != person or mark is None:
                continue
            for i in range(int((s0 - start) * 1e3 / step), int((s1 - start) * 1e3 / step) + 1):
                line[min(i, len(line) - 1)] = mark
        print(f"  {person:6s} {''.join(line)}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_dir(ap)
    ap.add_argument("--batches", type=int, default=400, help="training batches per measurement")
    ap.add_argument(
        "--steps", type=int, default=300, help="half-batch steps for gil (and for fixed, per size)"
    )
    ap.add_argument(
        "--only",
        choices=("parts", "gil", "whole-vs-split", "timeline", "fixed"),
        help="one measurement (default: the first three)",
    )
    ap.add_argument(
        "--whole", action="store_true", help="timeline: the batches whole, on one thread"
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
    if args.only == "fixed":
        measure_fixed(args.data_dir, args.steps)
    if args.only == "timeline":
        measure_timeline(
            session_for(args.data_dir, 1 if args.whole else 2), args.batches, args.whole
        )
    print(f"loadavg_after={os.getloadavg()[0]:.2f} (2 cores shared with other work: figures noisy)")


if __name__ == "__main__":
    main()
