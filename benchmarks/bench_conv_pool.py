"""The Fashion CNN's conv + 2x2 max-pool steps, plain against fused, taking turns in one process.

Not a test: prints figures. Example::

    python benchmarks/bench_conv_pool.py --repeats 200

Times one training batch (64 images by default) of ``fashion-cnn``'s conv1 (1 -> 32, 3x3 unpadded,
no input gradient, as the first layer in training) and conv2 (32 -> 64) each with the 2x2 max-pool
after it, two ways, alternating repeat by repeat so both meet the same moments of the shared
machine:

- ``plain``: ``pool.forward(conv.forward(x))`` and ``conv.backward(pool.backward(g))``;
- ``fused``: ``conv.forward_fused(x, pool)`` and ``conv.backward_fused(g, pool)``, the path
  ``Sequential`` takes in training, once per ``--fused-bytes`` setting (``conv._FUSED_BYTES``,
  the conv output one round computes; a huge value means one round over the whole batch), with
  conv2 as im2col matmuls (``direct``) and as Winograd F(2x2, 3x3) (``winograd``, what training
  uses for it; conv1's one input channel always runs direct).

Clocks: with ``--threads 1`` (default) the calling thread's CPU time, which other programs on
the machine barely move; with more threads (BLAS and the split passes, as training on every core
does) the process's CPU time, and always the wall clock. Prints the median milliseconds per
batch of each step's forward and backward and what that is over a 60,000-image epoch (x 938
batches), and the load average before and after. With ``--dw`` it also times conv1's
weight-gradient product ``(10 x 43264) @ (43264 x 32)`` in three forms.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout
# isort: off
import nndesk  # noqa: E402, F401  (before NumPy, as the CLI and app: sets OpenBLAS's thread timeout)
import numpy as np  # noqa: E402

# isort: on
import nndesk.nn.conv as conv  # noqa: E402

BATCHES_PER_EPOCH = 938  # 60,000 images at 64


def _images(rng: np.random.Generator, n: int) -> np.ndarray:
    """Fashion-like input ``(n, 1, 28, 28)``: a zero background around a bright blob."""
    x = rng.random((n, 1, 28, 28), dtype=np.float32)
    x[:, :, :4] = 0
    x[:, :, :, :5] = 0
    x[:, :, :, -5:] = 0
    return x


def _steps(rng: np.random.Generator, n: int):
    """``(name, conv, pool, x, g, first)`` for conv1 and conv2 of fashion-cnn, ``first``: no
    input gradient."""
    conv1 = conv.Conv2D(1, 32, 3, padding=0, rng=rng)
    conv2 = conv.Conv2D(32, 64, 3, padding=0, rng=rng)
    x1 = _images(rng, n)
    # conv2's input as training hands it over: a relu'd pool output in (c, h, w, n) memory
    x2 = np.maximum(rng.standard_normal((32, 13, 13, n), dtype=np.float32), 0)
    g1 = rng.standard_normal((32, 13, 13, n), dtype=np.float32).transpose(3, 0, 1, 2)
    g2 = rng.standard_normal((64, 5, 5, n), dtype=np.float32).transpose(3, 0, 1, 2)
    return [
        ("conv1+pool1", conv1, conv.MaxPool2D(2), x1, g1, True),
        ("conv2+pool2", conv2, conv.MaxPool2D(2), x2.transpose(3, 0, 1, 2), g2, False),
    ]


def _cpu_clock() -> float:
    """This thread's CPU seconds on one thread; the process's when other threads work too."""
    from nndesk.nn import parallel

    return time.thread_time() if parallel.threads() <= 1 else time.process_time()


def _plain(layer, pool, x, g, first):
    pool.forward(layer.forward(x, training=True), training=True)
    yield
    layer.skip_input_grad = first
    layer.backward(pool.backward(g.copy()))
    layer.skip_input_grad = False


def _fused(layer, pool, x, g, first):
    layer.forward_fused(x, pool)
    yield
    layer.skip_input_grad = first
    layer.backward_fused(g.copy(), pool)
    layer.skip_input_grad = False


def _timed(run, *args) -> tuple[float, float, float, float]:
    """``(forward, backward)`` seconds of one step by the CPU clock, then by the wall clock."""
    steps = run(*args)
    c0, w0 = _cpu_clock(), time.perf_counter()
    next(steps)
    c1, w1 = _cpu_clock(), time.perf_counter()
    next(steps, None)
    c2, w2 = _cpu_clock(), time.perf_counter()
    return c1 - c0, c2 - c1, w1 - w0, w2 - w1


def _dw_forms(rng: np.random.Generator, repeats: int) -> None:
    col = rng.standard_normal((10, 43264), dtype=np.float32)
    g = rng.standard_normal((32, 43264), dtype=np.float32)
    out_t = np.empty((10, 32), np.float32)
    out = np.empty((32, 10), np.float32)
    forms = {
        "col @ g.T -> (10, 32)": lambda: np.matmul(col, g.T, out=out_t),
        "g @ col.T -> (32, 10)": lambda: np.matmul(g, col.T, out=out),
        "13 row blocks of col @ g.T, summed": lambda: sum(
            np.matmul(col[:, i : i + 3328], g[:, i : i + 3328].T) for i in range(0, 43264, 3328)
        ),
    }
    times: dict[str, list[float]] = {name: [] for name in forms}
    for _ in range(repeats):
        for name, fn in forms.items():
            t = time.thread_time()
            fn()
            times[name].append(time.thread_time() - t)
    flops = 2.0 * 10 * 32 * 43264
    print("conv1 weight gradient (10 x 43264) @ (43264 x 32), median per batch:")
    for name, ts in times.items():
        med = float(np.median(ts))
        print(f"  {name:<40s} {med * 1e3:6.3f} ms {flops / med / 1e9:6.1f} GFLOP/s")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batch", type=int, default=64, help="images per batch (fashion-cnn: 64)")
    ap.add_argument("--repeats", type=int, default=100, help="batches per variant")
    ap.add_argument(
        "--fused-bytes",
        type=int,
        nargs="+",
        default=[conv._FUSED_BYTES],
        help="conv._FUSED_BYTES settings to time (one fused variant each)",
    )
    ap.add_argument("--dw", action="store_true", help="also time conv1's dW product forms")
    ap.add_argument(
        "--threads", type=int, default=1, help="BLAS threads and part threads (default 1)"
    )
    ap.add_argument(
        "--no-winograd", action="store_true", help="leave out the Winograd variant of each step"
    )
    args = ap.parse_args(argv)

    from nndesk.nn import parallel
    from nndesk.training import heap
    from nndesk.training.runtime import blas_threads

    heap.keep_freed_memory()  # as training does: freed batch-sized arrays stay in the heap

    print(
        f"numpy={np.__version__} loadavg_before={os.getloadavg()[0]:.2f} batch={args.batch} "
        f"threads={args.threads}"
    )
    rng = np.random.default_rng(0)
    steps = _steps(rng, args.batch)
    # (label, run, fused bytes, Winograd's channel threshold); 1 << 30 channels: never Winograd
    variants = [("plain", _plain, None, 1 << 30)]
    for b in args.fused_bytes:
        variants.append((f"direct {b // 1024} KB", _fused, b, 1 << 30))
    if not args.no_winograd:
        variants.append(("winograd", _fused, None, conv._WINOGRAD_MIN_CHANNELS))
    default_bytes, default_channels = conv._FUSED_BYTES, conv._WINOGRAD_MIN_CHANNELS
    with blas_threads(args.threads), parallel.use_threads(args.threads):
        for _ in range(3):  # warm up buffers and the heap
            for _name, layer, pool, x, g, first in steps:
                for _v, run, b, channels in variants:
                    conv._FUSED_BYTES, conv._WINOGRAD_MIN_CHANNELS = b or default_bytes, channels
                    _timed(run, layer, pool, x, g, first)
        times = {(s[0], v[0]): [] for s in steps for v in variants}
        for _ in range(args.repeats):
            for name, layer, pool, x, g, first in steps:
                for label, run, b, channels in variants:
                    conv._FUSED_BYTES, conv._WINOGRAD_MIN_CHANNELS = b or default_bytes, channels
                    times[(name, label)].append(_timed(run, layer, pool, x, g, first))
        conv._FUSED_BYTES, conv._WINOGRAD_MIN_CHANNELS = default_bytes, default_channels
        print(
            f"{'step':<13s} {'variant':<16s} {'cpu fwd':>8s} {'cpu bwd':>8s} {'s/epoch':>8s} "
            f"{'wall fwd':>9s} {'wall bwd':>9s} {'s/epoch':>8s}  (ms per batch, medians)"
        )
        for name, *_ in steps:
            for label, *_ in variants:
                cf, cb, wf, wb = np.median(np.array(times[(name, label)]), axis=0)
                print(
                    f"{name:<13s} {label:<16s} {cf * 1e3:8.3f} {cb * 1e3:8.3f} "
                    f"{(cf + cb) * BATCHES_PER_EPOCH:8.2f} {wf * 1e3:9.3f} {wb * 1e3:9.3f} "
                    f"{(wf + wb) * BATCHES_PER_EPOCH:8.2f}"
                )
        if args.dw:
            _dw_forms(rng, args.repeats)
    print(f"loadavg_after={os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
