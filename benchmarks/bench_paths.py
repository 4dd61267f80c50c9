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
  conv over 4x4 input patches, the second conv as Winograd F(2x2, 3x3));
- ``no-patches``: the first conv's columns in the pool's window order, as before speed59
  (``nndesk.nn.conv_patches.fits``);
- ``no-fuse``: each conv and its pool as two layers (``bench_cnn --no-fuse``);
- ``no-winograd``: the second conv fused with its pool as im2col matmuls (``--no-winograd``);
- ``no-windows``: with ``no-patches``, the first conv's columns in the plain im2col order
  (``Conv2D._windows_fit``);
- ``no-pieces``: the first conv's products whole, not cut within OpenBLAS's small-matrix size
  (``conv._SMALL_PRODUCT``, chosen for its SkylakeX kernels);
- ``winograd-rounds``: the second conv's Winograd products in rounds of tiles for a whole batch,
  as a split part's half batch runs them (``conv._WINOGRAD_ROUNDS_BELOW``);
- ``NAME=VALUE``: one of ``nndesk.nn.conv``'s cache sizes set to an integer
  (``_WINOGRAD_ROUND_BYTES=262144``), to try another block size;
- two or more joined by ``+`` (``no-pieces+winograd-rounds``): together.

With ``--threads 2`` each batch is split by samples over two threads as training on every core
does (``nndesk.nn.split_batch``); a batch is then timed on the process's CPU clock (both
threads; other programs barely move it either) and on the wall clock, which only a quiet
machine makes meaningful.

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
from fashion_cnn import add_data_dir, session_for  # noqa: E402  (benchmarks/, beside this file)
from swapped import swapped  # noqa: E402  (benchmarks/, beside this file)

VARIANTS = (
    "default",
    "no-fuse",
    "no-winograd",
    "no-windows",
    "no-pieces",
    "winograd-rounds",
    "no-patches",
)


@contextlib.contextmanager
def path(variant: str) -> Iterator[None]:
    """Run the block with ``variant``'s code path (module docstring; ``a+b``: both); undone
    after."""
    import nndesk.nn.conv as conv
    from nndesk.nn import conv_patches

    each = {
        "default": [],
        "no-fuse": [(conv.Conv2D, "fuses_with", lambda self, following: False)],
        "no-winograd": [(conv, "_WINOGRAD_MIN_CHANNELS", 1 << 30)],
        "no-windows": [(conv.Conv2D, "_windows_fit", lambda self: False)],
        "no-pieces": [(conv, "_SMALL_PRODUCT", 1 << 62)],
        "winograd-rounds": [(conv, "_WINOGRAD_ROUNDS_BELOW", 1 << 62)],
        "no-patches": [(conv_patches, "fits", lambda layer: False)],
    }
    changes = []
    for part in variant.split("+"):
        changes += [(conv, *_setting(part))] if "=" in part else each[part]
    with swapped(changes):
        yield


def _setting(part: str) -> tuple[str, int]:
    """``("_NAME", value)`` of a ``NAME=VALUE`` variant part (a ``conv`` module integer)."""
    name, value = part.split("=", 1)
    return name, int(value)


def _known(part: str) -> bool:
    if "=" not in part:
        return part in VARIANTS
    import nndesk.nn.conv as conv

    name, value = part.split("=", 1)
    return isinstance(getattr(conv, name, None), int) and value.isdigit()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_dir(ap)
    ap.add_argument("--batches", type=int, default=1200, help="training batches in all")
    ap.add_argument("--block", type=int, default=10, help="batches of a variant before a switch")
    ap.add_argument(
        "--variants",
        nargs="+",
        default=list(VARIANTS[:4]),
        help=f"the paths that take turns, of {', '.join(VARIANTS)}; two or more joined by + "
        "run together (default: the first four)",
    )
    ap.add_argument(
        "--threads",
        type=int,
        default=1,
        help="1: the whole batch on one thread (default); 2: each batch split by samples over "
        "two threads, timed on the process's CPU clock",
    )
    args = ap.parse_args(argv)
    for variant in args.variants:
        if not all(_known(part) for part in variant.split("+")):
            ap.error(
                f"unknown variant {variant!r}: the variants are {', '.join(VARIANTS)} or "
                "NAME=VALUE for an integer of nndesk.nn.conv"
            )

    from threadpoolctl import threadpool_info

    from nndesk.nn import parallel
    from nndesk.training import heap
    from nndesk.training.runtime import blas_threads

    kernels = ",".join(str(info.get("architecture")) for info in threadpool_info())
    print(f"numpy={np.__version__} blas_kernels={kernels} loadavg_before={os.getloadavg()[0]:.2f}")
    threads = max(1, args.threads)
    cpu_clock = time.thread_time if threads == 1 else time.process_time
    session = session_for(args.data_dir, threads)
    model, optimizer, loss = session.model, session.optimizer, session.loss_fn
    params = model.parameters()
    size = session.config.batch_size
    order = np.random.default_rng(0).permutation(len(session.y_train))
    per_variant: dict[str, list[float]] = {v: [] for v in args.variants}
    walls: dict[str, list[float]] = {v: [] for v in args.variants}

    def accept(loss_value: float) -> bool:
        return True

    # as the training loop: freed batch-sized arrays stay in the heap (no fresh pages a batch)
    with heap.kept_while_training(), blas_threads(1), parallel.use_threads(threads):
        for b in range(args.batches):
            variant = args.variants[(b // args.block) % len(args.variants)]
            start = (b * size) % (len(order) - size)
            idx = order[start : start + size]
            x, labels = session.x_train[idx], session.y_train[idx]
            with path(variant):
                t, wall = cpu_clock(), time.perf_counter()
                # as the training loop: a split batch takes Adam's step in its parts' tails
                step = optimizer.step_in_ranges(params, accept) if threads > 1 else None
                model.train_step(x, labels, loss, step)
                if step is None:
                    optimizer.step(params)
                seconds, wall = cpu_clock() - t, time.perf_counter() - wall
            if b % args.block >= 2:
                per_variant[variant].append(seconds * 1e3)
                walls[variant].append(wall * 1e3)
    base = per_variant.get("default")
    how = "thread CPU, one thread" if threads == 1 else f"process CPU, split over {threads}"
    print(f"ms per batch of {size} ({how}; {args.block} batches a turn):")
    width = max(len(v) for v in per_variant)
    for variant, values in per_variant.items():
        q1, median = np.percentile(values, 25), np.median(values)
        ratio = f"  x{q1 / np.percentile(base, 25):.3f} of default's q1" if base else ""
        wall = np.percentile(walls[variant], 25)
        print(
            f"  {variant:{width}s} q1 {q1:7.2f}  median {median:7.2f}  wall q1 {wall:7.2f}"
            f"  (n={len(values)}){ratio}"
        )
    print(f"loadavg_after={os.getloadavg()[0]:.2f} (2 cores shared with other work: see it)")


if __name__ == "__main__":
    main()
