"""Which of the CNN's one-thread paths wins on this machine, taking turns in one process.

Not a test: prints figures. Example::

    python benchmarks/bench_paths.py --data-dir /path/to/fashion-mnist --batches 1200

Trains ``fashion-cnn`` batch after batch on one thread (one BLAS thread, the passes not split),
each batch the training step and Adam's update, and switches the code path every ``--block``
batches, so every variant meets the same moments of a shared machine. A batch is timed on the
thread's CPU clock, which other programs barely move; the first two batches after a switch are
not counted (they warm the caches and reallocate the scratch buffers). Variants (``--variants``,
any of them, in turns):

- ``default``: the path training takes on one thread (each conv fused with its pool, the first
  conv's columns in the pool's window order, the second conv as Winograd F(2x2, 3x3));
- ``no-fuse``: each conv and its pool as two layers (``bench_cnn --no-fuse``);
- ``no-winograd``: the second conv fused with its pool as im2col matmuls (``--no-winograd``);
- ``no-windows``: the first conv's columns in the plain im2col order (``Conv2D._windows_fit``);
- ``no-pieces``: the first conv's products whole, not cut within OpenBLAS's small-matrix size
  (``conv._SMALL_PRODUCT``, chosen for its SkylakeX kernels);
- ``winograd-rounds``: the second conv's Winograd products in rounds of tiles for a whole batch,
  as a split part's half batch runs them (``conv._WINOGRAD_ROUNDS_BELOW``);
- two or more joined by ``+`` (``no-pieces+winograd-rounds``): together.

Prints each variant's first quartile and median milliseconds per batch and their ratio to
``default``'s, the BLAS kernels' name and the load average before and after. The paths compute
the same numbers (tests/nn/test_conv.py); the weights move on from batch to batch whichever runs.
The same idea per step (one conv and its pool) is ``bench_conv_pool.py``; the split over threads
against the whole batch is ``bench_split.py --only whole-vs-split``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout
# isort: off
import nndesk  # noqa: E402, F401  (before NumPy, as the CLI and app: sets OpenBLAS's thread timeout)
import numpy as np  # noqa: E402

# isort: on

PRESET = "fashion-cnn"
VARIANTS = ("default", "no-fuse", "no-winograd", "no-windows", "no-pieces", "winograd-rounds")


@contextlib.contextmanager
def path(variant: str) -> Iterator[None]:
    """Run the block with ``variant``'s code path (module docstring; ``a+b``: both); undone
    after."""
    import nndesk.nn.conv as conv

    each = {
        "default": [],
        "no-fuse": [(conv.Conv2D, "fuses_with", lambda self, following: False)],
        "no-winograd": [(conv, "_WINOGRAD_MIN_CHANNELS", 1 << 30)],
        "no-windows": [(conv.Conv2D, "_windows_fit", lambda self: False)],
        "no-pieces": [(conv, "_SMALL_PRODUCT", 1 << 62)],
        "winograd-rounds": [(conv, "_WINOGRAD_ROUNDS_BELOW", 1 << 62)],
    }
    changes = [change for part in variant.split("+") for change in each[part]]
    before = [(owner, name, owner.__dict__[name]) for owner, name, _ in changes]
    try:
        for owner, name, value in changes:
            setattr(owner, name, value)
        yield
    finally:
        for owner, name, value in before:
            setattr(owner, name, value)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--data-dir", type=Path, required=True, help="folder with Fashion IDX .gz files"
    )
    ap.add_argument("--batches", type=int, default=1200, help="training batches in all")
    ap.add_argument("--block", type=int, default=10, help="batches of a variant before a switch")
    ap.add_argument(
        "--variants",
        nargs="+",
        default=list(VARIANTS[:4]),
        help=f"the paths that take turns, of {', '.join(VARIANTS)}; two or more joined by + "
        "run together (default: the first four)",
    )
    args = ap.parse_args(argv)
    for variant in args.variants:
        if not set(variant.split("+")) <= set(VARIANTS):
            ap.error(f"unknown variant {variant!r}: the variants are {', '.join(VARIANTS)}")

    from threadpoolctl import threadpool_info

    from nndesk.data import load_dataset
    from nndesk.nn import parallel
    from nndesk.presets import get_preset
    from nndesk.training import prepare
    from nndesk.training.runtime import blas_threads

    kernels = ",".join(str(info.get("architecture")) for info in threadpool_info())
    print(f"numpy={np.__version__} blas_kernels={kernels} loadavg_before={os.getloadavg()[0]:.2f}")
    config = get_preset(PRESET).config.replace(epochs=1, val_fraction=0.0, threads=1)
    dataset = load_dataset("fashion", data_dir=args.data_dir, allow_download=False)
    session = prepare(config, dataset=dataset)
    model, optimizer, loss = session.model, session.optimizer, session.loss_fn
    params = model.parameters()
    size = config.batch_size
    order = np.random.default_rng(0).permutation(len(session.y_train))
    per_variant: dict[str, list[float]] = {v: [] for v in args.variants}
    with blas_threads(1), parallel.use_threads(1):
        for b in range(args.batches):
            variant = args.variants[(b // args.block) % len(args.variants)]
            start = (b * size) % (len(order) - size)
            idx = order[start : start + size]
            x, labels = session.x_train[idx], session.y_train[idx]
            with path(variant):
                t = time.thread_time()
                model.train_step(x, labels, loss)
                optimizer.step(params)
                seconds = time.thread_time() - t
            if b % args.block >= 2:
                per_variant[variant].append(seconds * 1e3)
    base = per_variant.get("default")
    print(f"ms per batch of {size} (thread CPU, one thread; {args.block} batches a turn):")
    width = max(len(v) for v in per_variant)
    for variant, values in per_variant.items():
        q1, median = np.percentile(values, 25), np.median(values)
        ratio = f"  x{q1 / np.percentile(base, 25):.3f} of default's q1" if base else ""
        print(f"  {variant:{width}s} q1 {q1:7.2f}  median {median:7.2f}  (n={len(values)}){ratio}")
    print(f"loadavg_after={os.getloadavg()[0]:.2f} (2 cores shared with other work: see it)")


if __name__ == "__main__":
    main()
