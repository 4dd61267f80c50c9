"""How fast is nndesk's training loop compared with the plain NumPy loop anyone would write?

    python benchmarks/bench_train.py --data-dir /path/to/fashion-mnist

In one process, on Fashion-MNIST, times one epoch of two MLPs through ``nndesk.training.train``
and through a minimal inline NumPy loop (forward, backward and Adam written the obvious way,
allocating freely), then prints ``ratio_small`` / ``ratio_large`` (nndesk seconds / plain seconds,
lower is better; the plain loop on NumPy's default BLAS threads, as anyone's would run), the same
ratios against the plain loop on one BLAS thread (``*_same_threads``, nndesk's own choice for
MLPs, so the loops themselves are compared) and ``seconds_to_87``: training seconds of the
default Fashion preset until its test accuracy first reaches 87 % (the test set is scored every
quarter epoch; scoring time is not counted). Not a test: it prints figures. The machine may be
shared, so each epoch is timed ``--repeats`` times, interleaved, and the best time is kept; every
epoch's time is printed too (``epochs_*``), to show how much the machine moved during the run.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import sys
import time

# NumPy (and so OpenBLAS) loads before nndesk here, unlike in the CLI and the app: importing
# nndesk first would set OPENBLAS_THREAD_TIMEOUT, which slows the plain loop's many small
# two-thread matmuls (0.79 -> 1.21 s for the small net) and would flatter nndesk's ratios
import numpy as np  # noqa: E402

BLAS_TIMEOUT_AT_LOAD = os.environ.get("OPENBLAS_THREAD_TIMEOUT")  # what OpenBLAS read


def blas_description() -> str:
    """The BLAS NumPy uses and its thread count, as threadpoolctl reports it."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "unknown (threadpoolctl not installed)"
    infos = [i for i in threadpool_info() if i.get("user_api") == "blas"]
    if not infos:
        return "none found"
    return ", ".join(
        f"{i.get('internal_api')} {i.get('version')} ({i.get('num_threads')} threads, "
        f"{i.get('architecture', '?')})"
        for i in infos
    )


# -- the plain loop ------------------------------------------------------------------------------
def plain_init(sizes: list[int], rng: np.random.Generator) -> list[list[np.ndarray]]:
    """He-initialised ``[W, b]`` per layer, float32."""
    return [
        [
            (rng.standard_normal((a, b)) * np.sqrt(2.0 / a)).astype(np.float32),
            np.zeros(b, np.float32),
        ]
        for a, b in zip(sizes[:-1], sizes[1:], strict=True)
    ]


def plain_epoch(layers, x, y, batch_size, lr, rng, state) -> float:
    """One epoch of ReLU MLP + softmax CE + Adam written the straightforward way; returns loss."""
    b1, b2, eps = 0.9, 0.999, 1e-8
    n = len(y)
    order = rng.permutation(n)
    total = 0.0
    for start in range(0, n, batch_size):
        idx = order[start : start + batch_size]
        xb, yb = x[idx], y[idx]
        m = len(yb)
        acts = [xb]
        for i, (W, b) in enumerate(layers):
            z = acts[-1] @ W + b
            acts.append(np.maximum(z, 0) if i < len(layers) - 1 else z)
        z = acts[-1]
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        total += float(-np.log(p[np.arange(m), yb] + 1e-12).mean()) * m
        g = p
        g[np.arange(m), yb] -= 1
        g /= m
        grads = []
        for i in range(len(layers) - 1, -1, -1):
            W, _ = layers[i]
            grads.append((acts[i].T @ g, g.sum(axis=0)))
            if i:
                g = (g @ W.T) * (acts[i] > 0)
        grads.reverse()
        state["t"] += 1
        t = state["t"]
        for (W, b), (dW, db), mv in zip(layers, grads, state["mv"], strict=True):
            for j, (param, grad) in enumerate(((W, dW), (b, db))):
                mv[j][0] = b1 * mv[j][0] + (1 - b1) * grad
                mv[j][1] = b2 * mv[j][1] + (1 - b2) * grad * grad
                m_hat = mv[j][0] / (1 - b1**t)
                v_hat = mv[j][1] / (1 - b2**t)
                param -= lr * m_hat / (np.sqrt(v_hat) + eps)
    return total / n


def time_plain(sizes, x, y, batch_size, repeats) -> float:
    """Best-of-``repeats`` seconds for one epoch of the plain loop."""
    best = math.inf
    for r in range(repeats):
        rng = np.random.default_rng(r)
        layers = plain_init(sizes, rng)
        state = {
            "t": 0,
            "mv": [[[np.zeros_like(p), np.zeros_like(p)] for p in lb] for lb in layers],
        }
        t0 = time.perf_counter()
        plain_epoch(layers, x, y, batch_size, 1e-3, rng, state)
        best = min(best, time.perf_counter() - t0)
    return best


# -- nndesk --------------------------------------------------------------------------------------
def time_nndesk(session_for, arch, batch_size, repeats, threads_seen: list) -> float:
    """Best-of-``repeats`` seconds for one epoch through ``nndesk.training.train``.

    Only the batches are timed (from the first batch to the last ``BatchReport``), so the
    validation pass that ends an nndesk epoch is not counted against it. Appends the BLAS thread
    count each run chose (``Session.blas_threads``: None is the BLAS default) to ``threads_seen``.
    """
    from nndesk.training import BatchReport, train

    best = math.inf
    for r in range(repeats):
        session = session_for(arch=arch, batch_size=batch_size, epochs=1, seed=r)
        threads_seen.append(session.blas_threads())
        t0 = time.perf_counter()
        t_last = t0
        for report in train(session):
            if isinstance(report, BatchReport):
                t_last = time.perf_counter()
        best = min(best, t_last - t0)
    return best


def seconds_to_target(session_for, target: float, max_epochs: int, checks_per_epoch: int):
    """Training seconds of the default Fashion preset until test accuracy >= ``target``."""
    from nndesk.presets import DEFAULT_PRESET, get_preset
    from nndesk.training import BatchReport, train

    config = get_preset(DEFAULT_PRESET).config
    session = session_for(**{**config.to_dict(), "epochs": max_epochs})
    busy = 0.0
    t0 = time.perf_counter()
    for report in train(session):
        if not isinstance(report, BatchReport):
            continue
        every = max(1, report.batches // checks_per_epoch)
        if report.batch % every == 0 or report.batch == report.batches:
            busy += time.perf_counter() - t0
            acc = session.evaluate_test().accuracy
            if acc >= target:
                return busy, acc, report.epoch, report.batch
            t0 = time.perf_counter()
    return math.inf, acc, report.epoch, report.batch


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, help="folder with the Fashion-MNIST IDX files")
    parser.add_argument("--repeats", type=int, default=6, help="epochs timed per variant (best)")
    parser.add_argument("--skip-target", action="store_true", help="skip seconds_to_87")
    parser.add_argument("--target", type=float, default=0.87)
    args = parser.parse_args(argv)

    from nndesk.data import load_dataset
    from nndesk.training import TrainConfig, prepare

    print(f"python {platform.python_version()}, numpy {np.__version__}, {platform.machine()}")
    print(f"blas: {blas_description()}")
    print(f"OPENBLAS_THREAD_TIMEOUT when NumPy loaded: {BLAS_TIMEOUT_AT_LOAD!r}")
    t0 = time.perf_counter()
    dataset = load_dataset("fashion", data_dir=args.data_dir, allow_download=False)
    print(f"loaded fashion in {time.perf_counter() - t0:.1f} s")

    def session_for(**changes):
        return prepare(TrainConfig().replace(**changes), dataset=dataset)

    # the plain loop gets exactly the inputs nndesk trains on (same normalisation and split)
    base = session_for()
    x, y = base.x_train, base.y_train
    print(f"train split: {x.shape} {x.dtype}")

    # nndesk trains MLPs on one BLAS thread (see Session.blas_threads); the plain loop runs as
    # anyone's would, on NumPy's default threads, and once more on one thread for a like-for-like
    # comparison of the loops themselves
    from nndesk.training import blas_threads

    figures = {}
    sizes_by_label = {"small": ([784, 64, 64, 10], 32), "large": ([784, 256, 128, 10], 128)}
    for label, (sizes, batch) in sizes_by_label.items():
        arch = "-".join(map(str, sizes))
        epochs: dict[str, list[float]] = {"nndesk": [], "plain": [], "plain_1thread": []}
        threads_seen: list = []
        for _ in range(args.repeats):  # interleaved, so a burst of load hits all three alike
            epochs["plain"].append(time_plain(sizes, x, y, batch, 1))
            with blas_threads(1):
                epochs["plain_1thread"].append(time_plain(sizes, x, y, batch, 1))
            epochs["nndesk"].append(time_nndesk(session_for, arch, batch, 1, threads_seen))
        ours, plain, plain_1 = (min(epochs[k]) for k in ("nndesk", "plain", "plain_1thread"))
        figures[label] = (ours / plain, ours / plain_1)
        print(
            f"{label}: {arch} batch {batch} Adam, one epoch of {len(y)} images: "
            f"nndesk {ours:.3f} s, plain numpy {plain:.3f} s (default threads), "
            f"{plain_1:.3f} s (one thread)"
        )
        print(f"seconds_nndesk_{label}={ours:.3f}")
        print(f"seconds_plain_{label}={plain:.3f}")
        print(f"seconds_plain_1thread_{label}={plain_1:.3f}")
        print(f"nndesk_blas_threads_{label}={threads_seen} (None: the BLAS default)")
        for name, times in epochs.items():  # every epoch, in order: how noisy the machine was
            print(f"epochs_{name}_{label}=[{', '.join(f'{t:.3f}' for t in times)}]")
    for label, (ratio, ratio_1) in figures.items():
        print(f"ratio_{label}={ratio:.3f}")
        print(f"ratio_{label}_same_threads={ratio_1:.3f}")

    if args.skip_target:
        return 0
    seconds, acc, epoch, batch = seconds_to_target(session_for, args.target, 10, 4)
    print(f"default preset reached test accuracy {acc:.2%} at epoch {epoch} batch {batch}")
    print(f"seconds_to_{round(args.target * 100)}={seconds:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
