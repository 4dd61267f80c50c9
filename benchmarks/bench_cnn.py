"""Time one training epoch of the Fashion CNN and how close its conv matmuls get to sgemm peak.

Not a test: prints figures. Example::

    python benchmarks/bench_cnn.py --data-dir ../shared/data/fashion-mnist --limit 60000

Prints ``sgemm_peak_gflops=``, ``epoch_seconds=`` (forward + backward + Adam over ``--limit``
images), ``conv_peak_fraction=`` (FLOPs of the conv layers' matmuls / seconds spent in them /
peak), a per-layer time breakdown and the BLAS in use.
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

import nndesk.nn.conv as conv  # noqa: E402
from nndesk.nn.activations import ReLU  # noqa: E402
from nndesk.nn.conv import Conv2D, MaxPool2D  # noqa: E402
from nndesk.nn.layers import Dense, Flatten, Reshape  # noqa: E402

ARCH = "784-c32-p-c64-p-128-10"


def read_idx_images(path: Path) -> np.ndarray:
    """uint8 (n, 28, 28) from an IDX3 .gz file."""
    with gzip.open(path, "rb") as fh:
        raw = fh.read()
    n, h, w = (int.from_bytes(raw[i : i + 4], "big") for i in (4, 8, 12))
    return np.frombuffer(raw, np.uint8, offset=16).reshape(n, h, w)


def read_idx_labels(path: Path) -> np.ndarray:
    """int64 (n,) from an IDX1 .gz file."""
    with gzip.open(path, "rb") as fh:
        raw = fh.read()
    return np.frombuffer(raw, np.uint8, offset=8).astype(np.int64)


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
    """Stands in for ``conv._matmul``: counts FLOPs and seconds of every conv matmul, per shape."""

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


def build_layers(rng: np.random.Generator) -> list:
    """784-c32-p-c64-p-128-10, the same layers build_model makes for ``ARCH``."""
    return [
        Reshape((1, 28, 28)),
        Conv2D(1, 32, rng=rng),
        ReLU(),
        MaxPool2D(2),
        Conv2D(32, 64, rng=rng),
        ReLU(),
        MaxPool2D(2),
        Flatten(),
        Dense(64 * 7 * 7, 128, rng=rng),
        ReLU(),
        Dense(128, 10, rng=rng),
    ]


def softmax_ce_grad(logits: np.ndarray, labels: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean cross-entropy and its gradient ``(n, k)`` w.r.t. the logits."""
    z = logits - logits.max(axis=1, keepdims=True)  # no overflow in exp
    p = np.exp(z)
    p /= p.sum(axis=1, keepdims=True)
    n = len(labels)
    loss = -float(np.mean(np.log(p[np.arange(n), labels] + 1e-12)))
    p[np.arange(n), labels] -= 1
    return loss, p / n


class InlineAdam:
    """Adam (lr 1e-3, betas 0.9/0.999) for when nndesk.nn.optimizers is not available."""

    def __init__(self, lr: float = 1e-3, b1: float = 0.9, b2: float = 0.999, eps: float = 1e-8):
        self.lr, self.b1, self.b2, self.eps, self.t = lr, b1, b2, eps, 0
        self.m: dict[str, np.ndarray] = {}
        self.v: dict[str, np.ndarray] = {}

    def step(self, params: list[tuple[str, np.ndarray, np.ndarray]]) -> None:
        self.t += 1
        c1, c2 = 1 - self.b1**self.t, 1 - self.b2**self.t
        for name, p, g in params:
            m = self.m.setdefault(name, np.zeros_like(p))
            v = self.v.setdefault(name, np.zeros_like(p))
            m *= self.b1
            m += (1 - self.b1) * g
            v *= self.b2
            v += (1 - self.b2) * g * g
            p -= (self.lr / c1) * m / (np.sqrt(v / c2) + self.eps)


def make_training(rng: np.random.Generator):
    """(layers, forward, backward, step, parameters, description), nndesk's own parts if present."""
    try:
        from nndesk.nn.architecture import build_model
        from nndesk.nn.losses import make_loss
        from nndesk.nn.optimizers import make_optimizer

        model = build_model(ARCH, rng=rng)
        model.flatten_parameters()  # as training.prepare does
        loss = make_loss("ce", "softmax")
        opt = make_optimizer("adam", 1e-3)

        def backward(g):
            # as training does: nobody reads the gradient of the input images
            return model.backward(g, input_grad=False)

        def loss_grad(logits, labels):
            value = loss(logits, labels)
            return value, loss.backward()

        return (
            model.layers,
            model.forward,
            backward,
            opt.step,
            model.parameters,
            loss_grad,
            ("nndesk Sequential + make_loss('ce') + make_optimizer('adam')"),
        )
    except ImportError as err:
        layers = build_layers(rng)
        opt = InlineAdam()

        def forward(x, training=False):
            for layer in layers:
                x = layer.forward(x, training=training)
            return x

        def backward(g):
            for layer in reversed(layers):
                g = layer.backward(g)
            return g

        def parameters():
            return [
                (f"{i}/{k}", p, layer.grads[k])
                for i, layer in enumerate(layers)
                for k, p in layer.params.items()
            ]

        return (
            layers,
            forward,
            backward,
            opt.step,
            parameters,
            softmax_ce_grad,
            (f"nndesk layers chained inline + inline softmax-CE and Adam ({err})"),
        )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--data-dir", type=Path, required=True, help="folder with Fashion IDX .gz files"
    )
    ap.add_argument("--limit", type=int, default=60000, help="training images in the epoch")
    ap.add_argument("--batch-size", type=int, default=128)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=None, help="BLAS threads (default: all)")
    args = ap.parse_args(argv)

    from threadpoolctl import threadpool_info, threadpool_limits

    if args.threads:
        threadpool_limits(args.threads)

    for info in threadpool_info():
        print(
            f"blas={info.get('internal_api')} version={info.get('version')} "
            f"threads={info.get('num_threads')} arch={info.get('architecture')}"
        )
    print(f"numpy={np.__version__} loadavg_before={os.getloadavg()[0]:.2f}")

    images = read_idx_images(args.data_dir / "train-images-idx3-ubyte.gz")[: args.limit]
    labels = read_idx_labels(args.data_dir / "train-labels-idx1-ubyte.gz")[: args.limit]
    x_all = (images.reshape(len(images), 784).astype(np.float32) / 255.0 - 0.2860) / 0.3530

    peak = sgemm_peak()
    print(f"sgemm_peak_gflops={peak:.1f}")

    rng = np.random.default_rng(args.seed)
    layers, forward, backward, step, parameters, loss_grad, how = make_training(rng)
    print(f"model={ARCH} via {how}")
    totals: dict[str, float] = defaultdict(float)
    timed_layers(layers, totals)
    meter = MatmulMeter()
    conv._matmul = meter

    order = rng.permutation(len(x_all))
    bs = args.batch_size
    losses, correct, step_seconds, batch_seconds = [], 0, 0.0, []
    t0 = time.perf_counter()
    for start in range(0, len(order), bs):
        tb = time.perf_counter()
        idx = order[start : start + bs]
        x, y = x_all[idx], labels[idx]
        logits = forward(x, training=True)
        loss, grad = loss_grad(logits, y)
        backward(grad)
        t = time.perf_counter()
        step(parameters())
        step_seconds += time.perf_counter() - t
        losses.append(loss)
        correct += int(np.sum(logits.argmax(axis=1) == y))
        batch_seconds.append(time.perf_counter() - tb)
    epoch = time.perf_counter() - t0
    conv._matmul = np.matmul

    conv_gflops = meter.flops / meter.seconds / 1e9
    print(f"images={len(order)} batch_size={bs} batches={-(-len(order) // bs)}")
    print(f"epoch_seconds={epoch:.2f}")
    full = np.array(batch_seconds[:-1] if len(batch_seconds) > 1 else batch_seconds)  # full batches
    print(
        f"batch_ms_median={np.median(full) * 1e3:.1f} batch_ms_min={full.min() * 1e3:.1f} "
        f"(min x batches = {full.min() * len(batch_seconds):.1f} s: the epoch without contention)"
    )
    print(f"train_loss={np.mean(losses):.4f} train_accuracy={correct / len(order):.4f}")
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
    print(f"optimizer_step_seconds={step_seconds:.2f}")
    print("per-layer seconds (forward / backward):")
    for i, layer in enumerate(layers):
        f = totals[f"{i}:{layer.name}.forward"]
        b = totals[f"{i}:{layer.name}.backward"]
        print(f"  {i:2d} {layer.name:<10s} {f:7.2f} {b:7.2f}")
    print(f"loadavg_after={os.getloadavg()[0]:.2f} (2 cores shared with other work: figures noisy)")


if __name__ == "__main__":
    main()
