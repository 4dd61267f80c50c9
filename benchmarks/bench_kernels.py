"""The CNN's layer kernels, their plain forms against the product's, taking turns in one process.

Not a test: prints figures. Example::

    python benchmarks/bench_kernels.py --data-dir /path/to/fashion-mnist

Each kernel below was rewritten for speed; its plain form (the one before, or the matrix line
it computes) is kept here, and the tests prove the two equal to rounding
(``tests/nn/test_winograd.py``). Two measurements, on one thread and one BLAS thread:

- ``calls`` (``--only calls``): each kernel alone on ``fashion-cnn``'s shapes, for a split
  batch's half (32 images, what each process or thread of a split batch runs) and a whole batch
  of 64, the plain and the product's form alternating call by call, on the thread's CPU clock;
- ``steps`` (``--only steps``, needs ``--data-dir``): ``fashion-cnn`` training steps with Adam
  on a half batch (``--batch``), every kernel switching between its plain and its product form
  every ``--block`` steps (the first two after a switch not counted), on the thread's CPU clock.

Prints the first quartile and the median of each, their ratio, and the load average before and
after: the machine is shared, and the CPU clock moves less than the wall clock, not nothing.
Kernels (``--kernels``, default all):

- ``outputs_adjoint``: Winograd's output-transform adjoint ``dM = AA.T @ dY``, as passes of
  sums (``nndesk.nn.winograd.outputs_adjoint``) against the ``(16, 4) @ (4, m)`` product, per
  block of 10 channels as ``Conv2D._backward_winograd`` hands them over.
- ``window_rounds``: conv1's fused step in the pool's window order
  (``Conv2D._forward_windows``, ``_backward_windows``), its rounds' views made once per step,
  against the methods as they were at ``PLAIN_COMMIT`` (read with ``git show``), forward and
  backward.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout
# isort: off
import nndesk  # noqa: E402, F401  (before NumPy, as the CLI and app: sets OpenBLAS's thread timeout)
import numpy as np  # noqa: E402

# isort: on
from fashion_cnn import session_for  # noqa: E402  (benchmarks/, beside this file)
from swapped import swapped  # noqa: E402  (benchmarks/, beside this file)

from nndesk.nn import winograd  # noqa: E402
from nndesk.nn.conv import Conv2D, MaxPool2D  # noqa: E402

#: main before these rewrites: where a plain form that is a whole method comes from
PLAIN_COMMIT = "bf377d8"
ROOT = Path(__file__).resolve().parents[1]


def plain_outputs_adjoint(dY: np.ndarray, dM: np.ndarray) -> None:
    """``dM = AA.T @ dY`` as one product (the form before the passes)."""
    np.matmul(winograd.AA.T.astype(dY.dtype), dY, out=dM)  # (16, 4) @ (4, m) -> (16, m)


def _conv_at(commit: str) -> types.ModuleType:
    """``nndesk.nn.conv`` as it was at ``commit`` (``git show``), as a module of its own."""
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{commit}:nndesk/nn/conv.py"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    module = types.ModuleType(f"conv_at_{commit}")
    exec(compile(source, module.__name__, "exec"), module.__dict__)
    return module


def _window_rounds_before() -> list[tuple[object, str, Callable]]:
    old = _conv_at(PLAIN_COMMIT).Conv2D
    names = ("_forward_windows", "_backward_windows")
    return [(Conv2D, name, getattr(old, name)) for name in names]


#: name -> the (owner, attribute, plain form) that ``plain()`` swaps in, or a function making them
KERNELS: dict[str, list | Callable[[], list]] = {
    "outputs_adjoint": [(winograd, "outputs_adjoint", plain_outputs_adjoint)],
    "window_rounds": _window_rounds_before,
}
_made: dict[str, list] = {}


def _swaps(name: str) -> list[tuple[object, str, Callable]]:
    if name not in _made:
        entry = KERNELS[name]
        _made[name] = entry() if callable(entry) else entry
    return _made[name]


def plain(names: list[str]) -> contextlib.AbstractContextManager[None]:
    """The block runs ``names``' plain forms; the product's are put back after."""
    return swapped(swap for name in names for swap in _swaps(name))


def _call_cases(n: int, rng: np.random.Generator) -> dict[str, Callable[[], None]]:
    """One call of each kernel on ``fashion-cnn``'s shapes for ``n`` images, as the conv makes
    it (the function looked up at call time, so ``plain()`` switches it)."""
    f, m = 64, 5 * 5 * n  # conv2: 64 channels, 5 x 5 tiles
    step = 10  # Conv2D._winograd_channels at 32 or 64 images: blocks of 10 channels
    dY = rng.standard_normal((4, step * m), dtype=np.float32)
    dM16 = np.empty((16, f, m), np.float32)

    def outputs_adjoint() -> None:
        for f0 in range(0, f, step):
            k = min(f0 + step, f) - f0
            winograd.outputs_adjoint(dY[:, : k * m], dM16[:, f0 : f0 + k].reshape(16, k * m))

    conv1, pool1 = Conv2D(1, 32, 3, padding=0, rng=rng), MaxPool2D(2)
    conv1.skip_input_grad = True  # the first layer in training
    x1 = rng.random((n, 1, 28, 28), dtype=np.float32)
    g1 = rng.standard_normal((32, 13, 13, n), dtype=np.float32).transpose(3, 0, 1, 2)

    def window_rounds() -> None:
        conv1.forward_fused(x1, pool1)
        conv1.backward_fused(g1, pool1)

    return {"outputs_adjoint": outputs_adjoint, "window_rounds": window_rounds}


def _quartiles(values: list[float]) -> tuple[float, float]:
    return float(np.percentile(values, 25)), float(np.median(values))


def _print_pair(label: str, plain_s: list[float], product_s: list[float]) -> None:
    (pq, pm), (nq, nm) = _quartiles(plain_s), _quartiles(product_s)
    print(
        f"  {label:<34s} plain q1 {pq * 1e3:7.3f} med {pm * 1e3:7.3f} ms | product q1"
        f" {nq * 1e3:7.3f} med {nm * 1e3:7.3f} ms | x{nq / pq:.3f}"
    )


def bench_calls(names: list[str], repeats: int) -> None:
    from nndesk.training.runtime import blas_threads

    rng = np.random.default_rng(0)
    print(f"per call, thread CPU ({repeats} alternating repeats):")
    with blas_threads(1):
        for n in (32, 64):
            cases = _call_cases(n, rng)
            for name in names:
                call = cases[name]
                times: dict[bool, list[float]] = {True: [], False: []}
                for r in range(repeats + 5):
                    for use_plain in (r % 2 == 0, r % 2 != 0):  # who goes first alternates
                        with plain([name] if use_plain else []):
                            t = time.thread_time()
                            call()
                            dt = time.thread_time() - t
                        if r >= 5:
                            times[use_plain].append(dt)
                _print_pair(f"{name}, {n} images", times[True], times[False])


def bench_steps(names: list[str], data_dir: Path, batch: int, steps: int, block: int) -> None:
    from nndesk.nn import parallel
    from nndesk.training import heap
    from nndesk.training.runtime import blas_threads

    session = session_for(data_dir, 1)
    model, optimizer, loss = session.model, session.optimizer, session.loss_fn
    params = model.parameters()
    order = np.random.default_rng(0).permutation(len(session.y_train))
    times: dict[bool, list[float]] = {True: [], False: []}
    with heap.kept_while_training(), blas_threads(1), parallel.use_threads(1):
        for s in range(steps):
            use_plain = (s // block) % 2 == 0
            start = (s * batch) % (len(order) - batch)
            idx = order[start : start + batch]
            x, labels = session.x_train[idx], session.y_train[idx]
            with plain(names if use_plain else []):
                t = time.thread_time()
                model.train_step(x, labels, loss)
                optimizer.step(params)
                dt = time.thread_time() - t
            if s % block >= 2:
                times[use_plain].append(dt)
    print(f"training steps of {batch} images with Adam, thread CPU ({block} steps a turn):")
    _print_pair(f"{'+'.join(names)}", times[True], times[False])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, help="folder with Fashion IDX .gz files (steps)")
    ap.add_argument("--only", choices=("calls", "steps"), help="one of the two measurements")
    ap.add_argument("--kernels", nargs="+", default=list(KERNELS), choices=list(KERNELS))
    ap.add_argument("--repeats", type=int, default=300, help="calls of each form per kernel")
    ap.add_argument("--steps", type=int, default=1200, help="training steps in all")
    ap.add_argument("--block", type=int, default=10, help="steps of a form before a switch")
    ap.add_argument("--batch", type=int, default=32, help="images a step (a split half: 32)")
    args = ap.parse_args(argv)
    if args.only == "steps" and args.data_dir is None:
        ap.error("--only steps needs --data-dir")
    print(f"numpy={np.__version__} loadavg_before={os.getloadavg()[0]:.2f}")
    if args.only in (None, "calls"):
        bench_calls(args.kernels, args.repeats)
    if args.only in (None, "steps") and args.data_dir is not None:
        bench_steps(args.kernels, args.data_dir, args.batch, args.steps, args.block)
    print(f"loadavg_after={os.getloadavg()[0]:.2f} (2 cores shared with other work: see it)")


if __name__ == "__main__":
    main()
