"""Time one training epoch of the Fashion CNN preset and how close its conv matmuls get to peak.

Not a test: prints figures. Example::

    python benchmarks/bench_cnn.py --data-dir ../shared/data/fashion-mnist

Runs one epoch of the ``fashion-cnn`` preset (its network, batch size, dropout, optimizer and
threading) on all 60,000 training images through ``nndesk.training.train`` and prints
``sgemm_peak_gflops=`` (a 2048 x 2048 float32 matmul on every core, measured in the same process
before and after), ``epoch_seconds=`` (first batch to last batch report: forward, backward, Adam),
``conv_peak_fraction=`` (FLOPs of the conv layers' matmuls / wall seconds spent in them / peak), a
per-layer time breakdown and the BLAS in use.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout
# isort: off
import nndesk  # noqa: E402, F401  (before NumPy, as the CLI and app: sets OpenBLAS's thread timeout)
import numpy as np  # noqa: E402

# isort: on
import nndesk.nn.conv as conv  # noqa: E402

PRESET = "fashion-cnn"


def sgemm_peak(size: int = 2048, repeats: int = 5) -> float:
    """Best-of-``repeats`` GFLOP/s of a ``size`` x ``size`` float32 matmul."""
    rng = np.random.default_rng(0)
    a = rng.standard_normal((size, size), dtype=np.float32)
    b = rng.standard_normal((size, size), dtype=np.float32)
    out = np.empty_like(a)
    np.matmul(a, b, out=out)  # warm up threads and pages
    best = min(_timed(lambda: np.matmul(a, b, out=out)) for _ in range(repeats))
    return 2.0 * size**3 / best / 1e9


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


class MatmulMeter:
    """Stands in for ``conv._matmul``: counts FLOPs and wall seconds of every conv matmul."""

    def __init__(self) -> None:
        self.flops = 0.0
        self.seconds = 0.0
        self.by_shape: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])

    def __call__(self, a, b, out=None):
        t = time.perf_counter()
        r = np.matmul(a, b, out=out)
        dt = time.perf_counter() - t
        flops = 2.0 * a.shape[0] * a.shape[1] * b.shape[1]  # (m, k) @ (k, n)
        self.seconds += dt
        self.flops += flops
        entry = self.by_shape[f"({a.shape[0]}x{a.shape[1]})@({b.shape[0]}x{b.shape[1]})"]
        entry[0] += flops
        entry[1] += dt
        return r


def timed_layers(layers: list, totals: dict[str, float]) -> None:
    """Wrap each layer's forward/backward to add its seconds to ``totals[label]``."""
    for idx, layer in enumerate(layers):
        label = f"{idx}:{layer.name}"
        for method in ("forward", "backward"):
            inner = getattr(layer, method)

            def wrapped(*args, _inner=inner, _key=f"{label}.{method}", **kwargs):
                t = time.perf_counter()
                r = _inner(*args, **kwargs)
                totals[_key] += time.perf_counter() - t
                return r

            setattr(layer, method, wrapped)


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
    args = ap.parse_args(argv)

    from threadpoolctl import threadpool_info

    from nndesk.data import load_dataset
    from nndesk.presets import get_preset
    from nndesk.training import BatchReport, prepare, train

    for info in threadpool_info():
        print(
            f"blas={info.get('internal_api')} version={info.get('version')} "
            f"threads={info.get('num_threads')} arch={info.get('architecture')}"
        )
    print(f"numpy={np.__version__} loadavg_before={os.getloadavg()[0]:.2f}")
    print(f"OPENBLAS_THREAD_TIMEOUT={os.environ.get('OPENBLAS_THREAD_TIMEOUT')!r}")

    dataset = load_dataset("fashion", data_dir=args.data_dir, allow_download=False)
    # one epoch over all 60,000 training images (no validation split), as the issue asks
    changes = {"epochs": 1, "val_fraction": 0.0, "threads": args.threads}
    if args.batch_size:
        changes["batch_size"] = args.batch_size
    if args.arch:
        changes["arch"] = args.arch
    config = get_preset(args.preset).config.replace(**changes)
    session = prepare(config, dataset=dataset)
    session.x_train = session.x_train[: args.limit]
    session.y_train = session.y_train[: args.limit]
    print(
        f"preset={args.preset} arch={config.arch} batch_size={config.batch_size} "
        f"dropout={config.dropout} images={len(session.y_train)} "
        f"blas_threads={session.thread_plan().blas} part_threads={session.thread_plan().parts}"
    )

    peak = sgemm_peak()
    print(f"sgemm_peak_gflops={peak:.1f}")

    totals: dict[str, float] = defaultdict(float)
    layers = session.model.layers
    timed_layers(layers, totals)
    meter = MatmulMeter()
    conv._matmul = meter
    batch_seconds = []
    t0 = t_batch = time.perf_counter()
    t_last = t0
    last = None
    for report in train(session):
        if isinstance(report, BatchReport):
            t_last = time.perf_counter()
            batch_seconds.append(t_last - t_batch)
            t_batch = t_last
            last = report
    epoch = t_last - t0  # first batch to last BatchReport: no validation or test pass inside
    conv._matmul = np.matmul

    conv_gflops = meter.flops / meter.seconds / 1e9
    print(f"images={len(session.y_train)} batches={len(batch_seconds)}")
    print(f"epoch_seconds={epoch:.2f}")
    full = np.array(batch_seconds[:-1] if len(batch_seconds) > 1 else batch_seconds)
    print(
        f"batch_ms_median={np.median(full) * 1e3:.1f} batch_ms_min={full.min() * 1e3:.1f} "
        f"(min x batches = {full.min() * len(batch_seconds):.1f} s: the epoch without contention)"
    )
    print(f"train_loss={last.loss:.4f} train_accuracy={last.accuracy:.4f}")
    print(
        f"conv_matmul_seconds={meter.seconds:.2f} conv_matmul_gflop={meter.flops / 1e9:.1f} "
        f"conv_matmul_gflops={conv_gflops:.1f}"
    )
    peak_after = sgemm_peak()
    print(f"sgemm_peak_gflops_after={peak_after:.1f}")
    # the peak is measured before and after the epoch; the higher one is the machine's peak (the
    # first can be low while the CPU clock ramps up or another job finishes)
    print(f"conv_peak_fraction={conv_gflops / max(peak, peak_after):.3f}")
    print(f"conv_peak_fraction_vs_first_peak={conv_gflops / peak:.3f}")
    for shape, (flops, seconds) in meter.by_shape.items():
        print(f"  conv matmul {shape:<24s} {seconds:6.2f} s {flops / seconds / 1e9:6.1f} GFLOP/s")
    print("per-layer seconds (forward / backward):")
    for i, layer in enumerate(layers):
        f = totals[f"{i}:{layer.name}.forward"]
        b = totals[f"{i}:{layer.name}.backward"]
        print(f"  {i:2d} {layer.name:<10s} {f:7.2f} {b:7.2f}")
    rest = epoch - sum(totals.values())
    print(f"  loss, optimizer, batching and reports: {rest:.2f}")
    print(f"loadavg_after={os.getloadavg()[0]:.2f} (2 cores shared with other work: figures noisy)")


if __name__ == "__main__":
    main()
