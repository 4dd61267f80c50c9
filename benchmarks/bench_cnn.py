"""Time one training epoch of the Fashion CNN preset: its FLOP rate against the machine's sgemm.

Not a test: prints figures. Example::

    python benchmarks/bench_cnn.py --data-dir ../shared/data/fashion-mnist

Runs one epoch of the ``fashion-cnn`` preset (its network, batch size, dropout, optimizer and
threading) on all 60,000 training images through ``nndesk.training.train`` and prints:

- ``sgemm_peak_gflops=``: a 2048 x 2048 float32 matmul on every core, best of five, measured in the
  same process before and after the epoch (the higher one is the machine's rate);
- ``split_over=``: where a split batch's parts after the first run (``--split``; default the
  product's choice): helper processes (``nndesk.training.process_split``;
  ``helper_batches=`` is how many of the epoch's batches they took: they start while the data
  loads (``process_split.started_early``; ``--no-early-helpers``: with the first batch, in the
  background while the first batches train on threads), and ``helper_startup_seconds=`` a
  start alone, after the epoch) or threads of this process;
- ``epoch_seconds=``: first batch to last batch report (gather, forward, backward, Adam) of an
  epoch with no timer inside it;
- ``epoch_flop_fraction=``: the epoch's training FLOPs counted from the architecture (forward,
  weight gradient and input gradient of every conv and dense layer as ``2 * multiply-adds``; no
  input gradient for the first layer, which nobody reads) / ``epoch_seconds`` / sgemm rate;
- ``epoch_flop_fraction_typical=``: the same with the median batch time x batches, which a burst
  of other work on the shared machine moves less;
- a per-part breakdown of a second run of the same epoch (same seed and threads) with every
  part timed (``instrumented_epoch_seconds=``; the timers cost a few percent, more with
  threads, which is why the headline epoch runs without them; ``--no-breakdown`` skips it):
  conv forward / backward matmuls, im2col, col2im, Winograd's tile transforms, the rest of
  the conv layers, pooling, activations, dense, loss, Adam, the batch split's own work, batch
  gather, each part as its total over the epoch and as its median per batch x batches. When
  each batch is split by samples (``batch_parts=`` > 1, ``nndesk.nn.split_batch``), the
  instrumented epoch splits it over threads (a helper process's passes cannot be timed from
  here), and every thread's time is counted: the parts add up to
  ``batch_parts`` x the epoch, the batch split's line holds the caller's wait for the other
  parts, the rest line the caller's untimed time and the idle line the other threads' time
  outside their parts (while the caller works alone, and their waits to start).

The machine is shared and its speed moves from minute to minute: run it several times and read
ranges; the load average before and after is printed.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
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
import nndesk.nn.conv as conv  # noqa: E402
from nndesk.training import runtime  # noqa: E402

PRESET = "fashion-cnn-lab"

#: Every time this script reads: wall time, or with --cpu-clock the calling thread's CPU time.
clock = time.perf_counter

#: The breakdown's parts, in print order; every timed call lands in exactly one of them.
PARTS = (
    "conv forward matmuls",
    "conv backward matmuls",
    "im2col",
    "col2im",
    "winograd transforms",
    "conv other (weights, layouts)",
    "pooling",
    "activations (relu, dropout)",
    "reshape / flatten",
    "dense",
    "loss",
    "adam",
    "batch split (waits, sums)",
    "batch gather, reports, rest",
    "part threads idle",
)


def sgemm_peak(size: int = 2048, repeats: int = 5, threads: int | None = None) -> float:
    """Best-of-``repeats`` GFLOP/s of a ``size`` x ``size`` float32 matmul (on ``threads`` BLAS
    threads; None: BLAS's default, every core)."""
    from nndesk.training.runtime import blas_threads

    with blas_threads(threads):
        return _sgemm_peak(size, repeats)


def _sgemm_peak(size: int, repeats: int) -> float:
    rng = np.random.default_rng(0)
    a = rng.standard_normal((size, size), dtype=np.float32)
    b = rng.standard_normal((size, size), dtype=np.float32)
    out = np.empty_like(a)
    np.matmul(a, b, out=out)  # warm up threads and pages
    best = min(_timed(lambda: np.matmul(a, b, out=out)) for _ in range(repeats))
    return 2.0 * size**3 / best / 1e9


def _timed(fn) -> float:
    t = clock()
    fn()
    return clock() - t


def training_flops_per_image(model) -> float:
    """FLOPs of one image's forward and backward, counted from the layers' shapes.

    Conv: ``out * oh * ow * in * k * k`` multiply-adds; dense: ``in * out``. Each is paid three
    times (forward, weight gradient, input gradient) except the first layer's input gradient.
    """
    from nndesk.nn.conv import Conv2D
    from nndesk.nn.layers import Dense

    shape: tuple[int, ...] = (784,)
    total, first = 0.0, True
    for layer in model.layers:
        out_shape = layer.output_shape(shape)
        if isinstance(layer, Conv2D):
            f, oh, ow = out_shape
            macs = f * oh * ow * layer.in_channels * layer.kernel_size**2
        elif isinstance(layer, Dense):
            macs = int(np.prod(shape)) * int(np.prod(out_shape))
        else:
            macs = 0
        if macs:
            total += 2.0 * macs * (2 if first else 3)
            first = False
        shape = out_shape
    return total


class Parts:
    """Seconds per part, summed per batch (``close_batch``) so medians per batch can be read.

    A batch split over threads (``nndesk.nn.split_batch``) times its parts on every thread that
    runs them; each thread keeps its own sums (and its own phase), added up per batch.
    """

    def __init__(self, threads: int = 1) -> None:
        self.threads = threads  # threads a batch runs on: the rest is threads x batch - timed
        self.per_batch: dict[str, list[float]] = defaultdict(list)
        self._local = threading.local()
        self._sums: list[dict[str, float]] = []  # every thread's sums for the current batch
        self._lock = threading.Lock()

    @property
    def batch(self) -> dict[str, float]:
        """This thread's sums for the current batch."""
        sums = getattr(self._local, "batch", None)
        if sums is None:
            sums = self._local.batch = defaultdict(float)
            with self._lock:
                self._sums.append(sums)
        return sums

    @property
    def phase(self) -> str:
        """Which conv pass this thread's next matmul belongs to."""
        return getattr(self._local, "phase", "forward")

    @phase.setter
    def phase(self, value: str) -> None:
        self._local.phase = value

    def add(self, part: str, seconds: float) -> None:
        self.batch[part] += seconds

    def close_batch(self, batch_seconds: float) -> None:
        """End a batch (on the calling thread): what no timer saw is the caller's rest, and the
        other threads' idle time (while the caller works alone: Adam, loss, gather, reports)."""
        merged: dict[str, float] = defaultdict(float)
        own = self.batch
        caller = sum(own.values())
        with self._lock:
            for sums in self._sums:
                for part, seconds in sums.items():
                    merged[part] += seconds
                sums.clear()
        others = sum(merged.values()) - caller
        merged["batch gather, reports, rest"] += batch_seconds - caller
        merged["part threads idle"] += (self.threads - 1) * batch_seconds - others
        for part in PARTS:
            self.per_batch[part].append(merged.get(part, 0.0))

    def timer(self, part: str, fn):
        def wrapped(*args, **kwargs):
            t = clock()
            try:
                return fn(*args, **kwargs)
            finally:
                self.add(part, clock() - t)

        return wrapped


class MatmulMeter:
    """Stands in for ``conv._matmul``: FLOPs and seconds of every conv matmul, by pass and shape."""

    def __init__(self, parts: Parts) -> None:
        self.parts = parts
        self.by_shape: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
        self._lock = threading.Lock()

    def __call__(self, a, b, out=None):
        t = clock()
        r = np.matmul(a, b, out=out)
        dt = clock() - t
        phase = self.parts.phase
        self.parts.add(f"conv {phase} matmuls", dt)
        left = "x".join(str(d) for d in a.shape)
        with self._lock:
            entry = self.by_shape[f"{phase[:3]} ({left})@({b.shape[-1]})"]
            entry[0] += 2.0 * a.size * b.shape[-1]  # ([batch,] m, k) @ ([batch,] k, n)
            entry[1] += dt
        return r


def instrument(session, parts: Parts, layer_totals: dict[str, float]) -> None:
    """Route every layer, the loss and the optimizer step through ``parts``' timers.

    The layer classes' methods are wrapped (not the model's instances), so the copies of the
    layers that run the parts of a split batch are timed too, each under its layer's index.
    """
    from nndesk.nn import conv_patches, split_batch, winograd
    from nndesk.nn.activations import ReLU
    from nndesk.nn.conv import Conv2D, MaxPool2D
    from nndesk.nn.layers import Dense, Dropout

    model = session.model
    kinds = {
        MaxPool2D: "pooling",
        ReLU: "activations (relu, dropout)",
        Dropout: "activations (relu, dropout)",
        Dense: "dense",
        Conv2D: "conv other (weights, layouts)",
    }
    index: dict[int, int] = {}
    lock = threading.Lock()

    def index_of(layer) -> int:
        if id(layer) not in index:  # a copy made for a split batch: find its original
            for i, own in enumerate(model.layers):
                for run in (own, *model.batch_copies(own)):
                    index[id(run)] = i
        return index[id(layer)]

    Conv2D._im2col = parts.timer("im2col", Conv2D._im2col)
    Conv2D._col2im = parts.timer("col2im", Conv2D._col2im)
    # the same for a fused conv whose columns are in the pool's window order (conv1)
    Conv2D._im2col_windows = parts.timer("im2col", Conv2D._im2col_windows)
    Conv2D._col2im_windows = parts.timer("col2im", Conv2D._col2im_windows)
    # and for a fused conv over input patches (conv1 since speed59): their gather and its adjoint
    conv_patches._patches = parts.timer("im2col", conv_patches._patches)
    conv_patches._scatter = parts.timer("col2im", conv_patches._scatter)
    for name in ("_max_pairs", "_route_pairs", "_max_of_rows", "_route_to_rows"):
        # static methods: wrap the function, keep it static
        setattr(MaxPool2D, name, staticmethod(parts.timer("pooling", getattr(MaxPool2D, name))))
    for cls in {type(layer) for layer in model.layers}:
        kind = kinds.get(cls, "reshape / flatten")
        methods = ["forward", "backward"]
        if cls is Conv2D:
            methods += ["forward_fused", "backward_fused"]  # with the max-pool after it
        for method in methods:
            inner = getattr(cls, method)
            direction = "forward" if method.startswith("forward") else "backward"

            def wrapped(self, *args, _inner=inner, _direction=direction, _kind=kind, **kw):
                parts.phase = _direction
                t = clock()
                before = sum(parts.batch.values())
                r = _inner(self, *args, **kw)
                dt = clock() - t
                key = f"{index_of(self)}:{self.name}.{_direction}"
                with lock:
                    layer_totals[key] += dt
                # what its timed passes (im2col, col2im, matmuls, pooling) left over
                parts.add(_kind, dt - (sum(parts.batch.values()) - before))
                return r

            setattr(cls, method, wrapped)

    for name in ("inputs", "inputs_adjoint", "outputs", "outputs_adjoint"):  # conv2's tiles
        setattr(winograd, name, parts.timer("winograd transforms", getattr(winograd, name)))
    for method in ("forward", "backward", "train_step"):  # the split's hand-out, waits, sums
        inner = getattr(split_batch.BatchSplit, method)

        def split_step(self, *args, _inner=inner, **kw):
            t = clock()
            before = sum(parts.batch.values())
            r = _inner(self, *args, **kw)
            inside = sum(parts.batch.values()) - before  # this thread's own part of the batch
            parts.add("batch split (waits, sums)", clock() - t - inside)
            return r

        setattr(split_batch.BatchSplit, method, split_step)
    session.optimizer.step = parts.timer("adam", session.optimizer.step)

    # on the class, as the layers: each part of a split batch calls its own copy of the loss
    loss_class = type(session.loss_fn)
    loss_class.__call__ = parts.timer("loss", loss_class.__call__)
    loss_class.backward = parts.timer("loss", loss_class.backward)


def gather_alone(session, batch_size: int) -> float:
    """Seconds of the epoch's batch gathers replayed alone (``np.take`` as the loop does it)."""
    x, y = session.x_train, session.y_train
    order = np.random.default_rng(0).permutation(len(y))
    xb = np.empty((batch_size, x.shape[1]), x.dtype)
    yb = np.empty(batch_size, np.int64)
    t = clock()
    for start in range(0, len(y), batch_size):
        idx = order[start : start + batch_size]
        np.take(y, idx, out=yb[: len(idx)], mode="clip")
        np.take(x, idx, axis=0, out=xb[: len(idx)], mode="clip")
    return clock() - t


def run_epoch(session, parts: Parts | None = None):
    """Train ``session``'s epoch: ``(seconds of each batch, wall s, process CPU s, last
    BatchReport, others, run delay s)``; each batch closes ``parts``' sums when given.
    ``others``: the cores other programs kept busy meanwhile (``others_cores``); the run delay:
    this thread's seconds waiting for a core (``run_delay``)."""
    from nndesk.training import BatchReport, train

    batch_seconds: list[float] = []
    busy0, delay0 = runtime.machine_busy_seconds(), run_delay()
    wall0, process0 = time.perf_counter(), _process_and_children_cpu()
    t_batch = clock()
    last = None
    for report in train(session):
        if isinstance(report, BatchReport):
            t = clock()
            batch_seconds.append(t - t_batch)
            if parts is not None:
                parts.close_batch(t - t_batch)
            t_batch = t
            last = report
    wall = time.perf_counter() - wall0
    process = _process_and_children_cpu() - process0  # the helpers ended with the run
    busy1 = runtime.machine_busy_seconds()
    waited = run_delay() - delay0
    return batch_seconds, wall, process, last, others_cores(busy0, busy1, process, wall), waited


def run_delay(schedstat: str = "/proc/thread-self/schedstat") -> float:
    """Seconds this thread has been ready to run but waiting for a core (the kernel's run
    delay: ``schedstat``'s second field, in ns); nan where it is not there."""
    try:
        with open(schedstat) as f:
            return int(f.read().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return math.nan


def others_cores(busy0: float | None, busy1: float | None, own: float, wall: float) -> float:
    """Cores other programs kept busy over ``wall`` seconds: every core's busy seconds between
    the readings ``busy0`` and ``busy1`` (``runtime.machine_busy_seconds``) less ``own``, this
    process's and its helpers' CPU seconds; nan where /proc is not there. A split epoch's slow
    batches are its processes waiting for a core (their CPU a batch has no tail), so this says
    whether an epoch's time is the code's or the machine's (docs/performance.md, speed58)."""
    if busy0 is None or busy1 is None or wall <= 0:
        return math.nan
    return max(0.0, busy1 - busy0 - own) / wall


def _process_and_children_cpu() -> float:
    """CPU seconds of this process and of its ended children (a run's helper processes end
    with the run)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def helper_startup(session) -> float:
    """Seconds from starting ``session``'s helper processes to their first reply."""
    from nndesk.training.process_split import ProcessSplit

    plan = session.thread_plan()
    t = time.perf_counter()
    with ProcessSplit(session.model, session.loss_fn, plan.parts, session.config.batch_size) as ps:
        ps.wait_ready(60)
        return time.perf_counter() - t


def count_helper_batches(process_split) -> list[int]:
    """``[batches]`` the helper processes take part in from now on (counted at each batch)."""
    counted = [0]
    inner = process_split.ProcessSplit.train_step

    def train_step(self, *args, **kwargs):
        result = inner(self, *args, **kwargs)
        counted[0] += result is not None
        return result

    process_split.ProcessSplit.train_step = train_step
    return counted


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--data-dir", type=Path, required=True, help="folder with Fashion IDX .gz files"
    )
    ap.add_argument("--limit", type=int, default=60000, help="training images in the epoch")
    ap.add_argument("--preset", default=PRESET, help="the CNN preset to time")
    ap.add_argument("--batch-size", type=int, default=None, help="override the preset's")
    ap.add_argument(
        "--arch", default=None, help="override the preset's network (e.g. 784-c32-p-c64-p-128-10)"
    )
    ap.add_argument("--threads", type=int, default=0, help="threads (default 0: automatic)")
    ap.add_argument(
        "--no-fuse",
        action="store_true",
        help="run each conv and its max-pool as two layers (the path before they were fused)",
    )
    ap.add_argument(
        "--no-winograd",
        action="store_true",
        help="run the second conv (fused with its pool) as im2col matmuls, not Winograd F(2x2,3x3)",
    )
    ap.add_argument(
        "--no-winograd-rounds",
        action="store_true",
        help="run the second conv's Winograd products whole, never in rounds of tiles (a split "
        "part's half batch runs them in rounds)",
    )
    ap.add_argument(
        "--no-split",
        action="store_true",
        help="train each batch whole (BLAS and the passes split over every core), as before "
        "batches were split by samples over threads",
    )
    ap.add_argument(
        "--split",
        choices=("processes", "threads"),
        default=None,
        help="where a split batch's other parts run: helper processes or threads of this "
        "process (the GIL between the parts); default: the product's choice, by the "
        "machine's load (runtime.plan)",
    )
    ap.add_argument(
        "--cpu-clock",
        action="store_true",
        help="one thread, timed in its CPU seconds: compares code on a busy machine",
    )
    ap.add_argument(
        "--no-early-helpers",
        action="store_true",
        help="start a split run's helper processes with its first batch (as before they started "
        "while the data loads: process_split.started_early)",
    )
    ap.add_argument(
        "--no-breakdown",
        action="store_true",
        help="time the epoch only, without the second, instrumented epoch and its breakdown",
    )
    args = ap.parse_args(argv)
    if args.cpu_clock:
        global clock
        clock = time.thread_time
        args.threads = 1

    from threadpoolctl import threadpool_info

    from nndesk.data import load_dataset
    from nndesk.nn import split_batch
    from nndesk.nn.conv import Conv2D
    from nndesk.presets import get_preset
    from nndesk.training import prepare, process_split

    for info in threadpool_info():
        print(
            f"blas={info.get('internal_api')} version={info.get('version')} "
            f"threads={info.get('num_threads')} arch={info.get('architecture')}"
        )
    load = os.getloadavg()[0]
    print(
        f"numpy={np.__version__} loadavg_before={load:.2f} fused={not args.no_fuse} "
        f"winograd={not (args.no_fuse or args.no_winograd)} "
        f"winograd_rounds={not args.no_winograd_rounds} split={not args.no_split}"
    )
    if args.split is not None:
        runtime.PARTS_IN_PROCESSES = args.split == "processes"
    if args.no_split:
        split_batch.splittable = lambda model: False  # the thread plan and the model both ask
    if args.no_fuse:  # on the class: the copies of a split batch's parts run it too
        Conv2D.fuses_with = lambda self, following: False
    if args.no_winograd:
        conv._WINOGRAD_MIN_CHANNELS = 1 << 30
    if args.no_winograd_rounds:
        conv._WINOGRAD_ROUNDS_BELOW = 0
    print(f"OPENBLAS_THREAD_TIMEOUT={os.environ.get('OPENBLAS_THREAD_TIMEOUT')!r}")

    # one epoch over all 60,000 training images (no validation split), as the issue asks
    changes = {"epochs": 1, "val_fraction": 0.0, "threads": args.threads}
    if args.batch_size:
        changes["batch_size"] = args.batch_size
    if args.arch:
        changes["arch"] = args.arch
    config = get_preset(args.preset).config.replace(**changes)
    # as the CLI and the window: the run's helper processes start while the data loads
    early = contextlib.ExitStack()
    if not args.no_early_helpers:
        early.enter_context(process_split.started_early(config))
    dataset = load_dataset("fashion", data_dir=args.data_dir, allow_download=False)
    session = prepare(config, dataset=dataset)
    session.x_train = session.x_train[: args.limit]
    session.y_train = session.y_train[: args.limit]
    images = len(session.y_train)
    flops = training_flops_per_image(session.model) * images
    print(
        f"preset={args.preset} arch={config.arch} batch_size={config.batch_size} "
        f"dropout={config.dropout} images={images} "
        f"blas_threads={session.thread_plan().blas} part_threads={session.thread_plan().parts}"
    )
    plan = session.thread_plan()
    batch_parts = plan.parts if plan.parts > 1 and split_batch.splittable(session.model) else 1
    print(f"batch_parts={batch_parts} (threads each batch is split over by samples)")
    if batch_parts > 1:
        where = "processes" if plan.processes else "threads"
        print(f"split_over={where} (where a split batch's parts after the first run)")
        if plan.whole_first or plan.threads_first:  # the plan's look found other programs
            side = "whole, on one thread" if plan.whole_first else "on threads"
            print(f"begins={side} (the machine looked busy; looked at again every 200 batches)")
    helpers = count_helper_batches(process_split)
    print(f"epoch_tflop={flops / 1e12:.3f} (forward + backward, counted from the architecture)")

    peak = sgemm_peak(threads=args.threads if args.cpu_clock else None)
    print(f"sgemm_peak_gflops={peak:.1f}")

    # the headline epoch runs with no timer inside it: the breakdown's per-call timers hold the
    # GIL for a few microseconds each, several hundred times a batch (docs/performance.md)
    batch_seconds, wall, process, last, others, waited = run_epoch(session)
    epoch = sum(batch_seconds)  # first batch to last BatchReport: no validation or test pass
    early.close()  # ends an early helper the run did not take
    timed = None
    if not args.no_breakdown:
        # a second run from the same start on the same threads, every part timed
        # the helper processes' passes cannot be timed from here: the breakdown is of the
        # same epoch split over threads
        runtime.PARTS_IN_PROCESSES = False
        timed = prepare(config.replace(threads=args.threads or plan.parts), dataset=dataset)
        timed.x_train, timed.y_train = timed.x_train[: args.limit], timed.y_train[: args.limit]
        parts = Parts(batch_parts)
        layer_totals: dict[str, float] = defaultdict(float)
        instrument(timed, parts, layer_totals)
        meter = MatmulMeter(parts)
        conv._matmul = meter
        timed_batches = run_epoch(timed, parts)[0]
        conv._matmul = np.matmul
    peak_after = sgemm_peak(threads=args.threads if args.cpu_clock else None)
    rate = max(peak, peak_after)  # the first can be low while the clock ramps up or a job ends

    nb = len(batch_seconds)
    full = np.array(batch_seconds[:-1] if nb > 1 else batch_seconds)  # the last batch is short
    typical = float(np.median(full)) * nb
    print(f"sgemm_peak_gflops_after={peak_after:.1f}")
    print(f"images={images} batches={nb}")
    print(f"epoch_seconds={epoch:.2f}")
    print(
        f"epoch_wall_seconds={wall:.2f} epoch_process_cpu_seconds={process:.2f} (every thread, "
        "and every helper process)"
    )
    if plan.processes:
        print(
            f"helper_batches={helpers[0]} of {len(batch_seconds)} (the rest on threads while the "
            f"helpers started; early_helpers={not args.no_early_helpers})"
        )
        # a start of its own, after the epoch: an early helper would be up already
        print(f"helper_startup_seconds={helper_startup(session):.2f} (spawned, ready)")
    print(f"epoch_gflops={flops / epoch / 1e9:.1f}")
    print(f"epoch_flop_fraction={flops / epoch / 1e9 / rate:.3f}")
    print(f"epoch_seconds_typical={typical:.2f} (median batch x batches)")
    print(f"epoch_flop_fraction_typical={flops / typical / 1e9 / rate:.3f}")
    print(
        f"batch_ms_median={np.median(full) * 1e3:.1f} batch_ms_min={full.min() * 1e3:.1f} "
        f"batch_ms_first={batch_seconds[0] * 1e3:.1f} (the first holds the run's start)"
    )
    print(
        f"epoch_others_cores={others:.2f} (other programs' CPU during the epoch, in cores: "
        "the epoch's slow batches are waits for a core; above about 0.05 it was not quiet)"
    )
    print(
        f"epoch_run_delay_seconds={waited:.2f} (the training thread ready to run but waiting "
        "for a core, from the kernel: near 0 at a quiet moment)"
    )
    print(f"train_loss={last.loss:.4f} train_accuracy={last.accuracy:.4f}")
    if timed is None:
        print(f"loadavg_after={os.getloadavg()[0]:.2f}")
        return
    print(
        f"instrumented_epoch_seconds={sum(timed_batches):.2f} (the same epoch again with every "
        "part timed, its batches split over threads; the breakdown below is of that run)"
    )
    print(f"{'part':<32s} {'total s':>8s} {'median x batches':>17s} {'min x batches':>14s}")
    quiet = 0.0
    for part in PARTS:
        per = np.array(parts.per_batch[part])
        whole = per[:-1] if nb > 1 else per
        quiet += whole.min() * nb
        print(
            f"  {part:<30s} {per.sum():8.2f} {np.median(whole) * nb:17.2f} {whole.min() * nb:14.2f}"
        )
    # each part's fastest batch: what the epoch would take if no other work ever interrupted it
    print(
        f"epoch_seconds_min_parts={quiet / batch_parts:.2f} (sum of the min x batches column"
        f"{f' / {batch_parts} threads' if batch_parts > 1 else ''})"
    )
    print(f"  batch gather replayed alone: {gather_alone(timed, config.batch_size):.2f} s")
    conv_flops = sum(f for f, _ in meter.by_shape.values())
    conv_seconds = sum(sec for _, sec in meter.by_shape.values())
    print(f"conv_matmul_fraction={conv_flops / conv_seconds / 1e9 / rate:.3f} (all conv matmuls)")
    print("conv matmuls (pass, shape: seconds, GFLOP/s, fraction of sgemm):")
    for shape, (f, seconds) in meter.by_shape.items():
        gf = f / seconds / 1e9
        print(f"  {shape:<28s} {seconds:6.2f} s {gf:6.1f} GFLOP/s {gf / rate:5.2f}")
    print("per-layer seconds (forward / backward; a conv fused with its pool holds both):")
    for i, layer in enumerate(timed.model.layers):
        f = layer_totals[f"{i}:{layer.name}.forward"]
        b = layer_totals[f"{i}:{layer.name}.backward"]
        print(f"  {i:2d} {layer.name:<10s} {f:7.2f} {b:7.2f}")
    print(f"loadavg_after={os.getloadavg()[0]:.2f} (2 cores shared with other work: figures noisy)")


if __name__ == "__main__":
    main()
