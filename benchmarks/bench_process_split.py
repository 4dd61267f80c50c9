"""A split CNN batch's other half on a thread or in a helper process, taking turns in one run.

Not a test: prints figures. Example::

    python benchmarks/bench_process_split.py --data-dir ../shared/data/fashion-mnist

Both sides meet the same moments of the (shared) machine:

- ``startup``: ``--starts`` helper processes started and waited for, one after the other:
  seconds from ``ProcessSplit(...)`` to the helper's first reply (spawn, imports, the model).
- ``blocks``: ``--batches`` ``fashion-cnn`` training batches of 64 with Adam, as the training
  loop runs them (the gather, ``Sequential.train_step`` with the step in the halves' tails for
  threads; ``ProcessSplit.train_step`` with the step a range in each process after the
  helper's reply for processes), the variants
  switching every ``--block`` batches (the first two of each block not counted). Per variant
  the batch's wall (first quartile, median, mean), this process's CPU per batch and the helper
  process's; and the pairs of adjacent blocks (threads, then processes) during which other
  programs kept fewer than ``--quiet-below`` cores busy (``/proc/stat``): their ratio.
- ``epochs``: ``--rounds`` pairs of whole runs of ``--limit`` images through
  ``nndesk.training.train`` (the product's path, helpers started with the run), threads and
  processes in turn: wall, process CPU with the helper's, median batch, ``epoch_flop_fraction``
  against the sgemm rate measured before each pair.

The load average before and after is printed: on a busy machine the run queue, not the GIL,
sets the wall (docs/performance.md).
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

PRESET = "fashion-cnn-lab"
VARIANTS = ("threads", "processes")


def cpu_of(pid: int) -> float:
    """CPU seconds process ``pid`` has used (``/proc/PID/stat``)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def own_and_children_cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def session_for(args, dataset):
    from nndesk.presets import get_preset
    from nndesk.training import prepare

    config = get_preset(PRESET).config.replace(epochs=1, val_fraction=0.0, threads=2)
    session = prepare(config, dataset=dataset)
    session.x_train = session.x_train[: args.limit]
    session.y_train = session.y_train[: args.limit]
    return session


def startup(args, dataset) -> None:
    from nndesk.training.process_split import ProcessSplit

    session = session_for(args, dataset)
    seconds = []
    for _ in range(args.starts):
        t = time.perf_counter()
        with ProcessSplit(session.model, session.loss_fn, 2, 64) as split:
            split.wait_ready(60)
            seconds.append(time.perf_counter() - t)
    print(f"startup: helper ready after {', '.join(f'{s:.2f}' for s in seconds)} s")


def blocks(args, dataset) -> None:
    from nndesk.training import runtime
    from nndesk.training.process_split import ProcessSplit

    session = session_for(args, dataset)
    model, optimizer, loss = session.model, session.optimizer, session.loss_fn
    x, y = session.x_train, session.y_train
    bs = session.config.batch_size
    order = np.random.default_rng(0).permutation(len(y))
    xb, yb = np.empty((bs, x.shape[1]), x.dtype), np.empty(bs, np.int64)
    wall: dict[str, list[float]] = {v: [] for v in VARIANTS}
    cpu: dict[str, list[float]] = {v: [] for v in VARIANTS}
    helper_cpu = dict.fromkeys(VARIANTS, 0.0)
    batches = dict.fromkeys(VARIANTS, 0)
    # per block: (variant, its counted batches' mean wall, other programs' busy cores meanwhile)
    per_block: list[tuple[str, float, float]] = []
    with (
        ProcessSplit(model, loss, 2, bs, optimizer) as split,
        runtime.applied(runtime.ThreadPlan(1, 2)),
    ):
        split.wait_ready(60)
        params = model.parameters()  # in the split's shared segment for the run, as the loop's
        pid = split.helpers[0].process.pid
        for b in range(args.batches):
            variant = VARIANTS[(b // args.block) % 2]
            start = (b * bs) % (len(y) - bs)
            idx = order[start : start + bs]
            if b % args.block == 2:  # the block's counted batches start
                block0 = (time.perf_counter(), runtime.machine_busy_seconds(), own_cpu(pid))
                counted = len(wall[variant])
            h0 = cpu_of(pid)
            t, c = time.perf_counter(), time.process_time()
            y.take(idx, out=yb, mode="clip")
            x.take(idx, axis=0, out=xb, mode="clip")
            if variant == "threads":
                step = optimizer.step_in_ranges(params, lambda _: True)
                model.train_step(xb, yb, loss, step)
                if step is None or not step.began:
                    optimizer.step(params)
            else:
                step = optimizer.step_in_ranges(params, lambda _: True)
                if split.train_step(xb, yb, loss, step) is None:
                    raise SystemExit(f"the helper failed: {split.failure}")
                if step is None or not step.began:
                    optimizer.step(params)
            if b % args.block >= 2:
                wall[variant].append(time.perf_counter() - t)
                cpu[variant].append(time.process_time() - c)
                helper_cpu[variant] += cpu_of(pid) - h0
                batches[variant] += 1
            if b % args.block == args.block - 1 and b % args.block >= 2:
                seconds = time.perf_counter() - block0[0]
                busy = runtime.machine_busy_seconds() - block0[1] - (own_cpu(pid) - block0[2])
                mean = float(np.mean(wall[variant][counted:]))
                per_block.append((variant, mean, max(0.0, busy) / seconds))
    quiet_pairs(per_block, args.quiet_below)
    for variant in VARIANTS:
        w, c = np.array(wall[variant]) * 1e3, np.array(cpu[variant]) * 1e3
        print(
            f"blocks: {variant:<9s} batch wall ms q1 {np.percentile(w, 25):6.2f} median "
            f"{np.median(w):6.2f} mean {w.mean():6.2f}; CPU ms per batch: this process "
            f"{c.mean():5.2f}, helper {helper_cpu[variant] / batches[variant] * 1e3:5.2f} "
            f"({batches[variant]} batches)"
        )


def own_cpu(helper: int) -> float:
    """CPU seconds of this process and its helper ``helper`` so far."""
    return time.process_time() + cpu_of(helper)


def quiet_pairs(per_block: list[tuple[str, float, float]], below: float) -> None:
    """Adjacent blocks (threads then processes) during which other programs kept fewer than
    ``below`` cores busy: each pair's mean batch walls and their ratio."""
    pairs = [
        (a[1], b[1], max(a[2], b[2]))
        for a, b in zip(per_block, per_block[1:], strict=False)
        if a[0] == "threads" and b[0] == "processes" and max(a[2], b[2]) < below
    ]
    if not pairs:
        print(f"blocks: no pair of blocks with other programs under {below} cores")
        return
    ratios = np.array([p / t for t, p, _ in pairs])
    print(
        f"blocks: {len(pairs)} pairs of blocks with other programs under {below} cores "
        f"(of {len(per_block) // 2}): batch wall ms threads median "
        f"{np.median([t for t, _, _ in pairs]) * 1e3:.2f}, processes "
        f"{np.median([p for _, p, _ in pairs]) * 1e3:.2f}; processes / threads per pair: "
        f"median {np.median(ratios):.3f}, quartiles {np.percentile(ratios, 25):.3f}-"
        f"{np.percentile(ratios, 75):.3f}, {np.mean(ratios < 1) * 100:.0f} % of pairs under 1"
    )


def epochs(args, dataset) -> None:
    from bench_cnn import sgemm_peak, training_flops_per_image

    from nndesk.training import BatchReport, runtime, train

    for round_ in range(args.rounds):
        peak = sgemm_peak()
        for variant in VARIANTS:
            runtime.PARTS_IN_PROCESSES = variant == "processes"
            session = session_for(args, dataset)
            flops = training_flops_per_image(session.model) * len(session.y_train)
            batch_seconds, t_batch = [], time.perf_counter()
            wall0, cpu0 = time.perf_counter(), own_and_children_cpu()
            for report in train(session):
                if isinstance(report, BatchReport):
                    t = time.perf_counter()
                    batch_seconds.append(t - t_batch)
                    t_batch = t
            wall = time.perf_counter() - wall0
            seconds = sum(batch_seconds)
            print(
                f"epochs: round {round_ + 1} {variant:<9s} {seconds:6.2f} s (wall {wall:.2f}, "
                f"CPU {own_and_children_cpu() - cpu0:.2f} s with the helper), median batch "
                f"{np.median(batch_seconds[:-1]) * 1e3:.1f} ms, epoch_flop_fraction="
                f"{flops / seconds / 1e9 / peak:.3f} (sgemm {peak:.0f}), load "
                f"{os.getloadavg()[0]:.2f}",
                flush=True,
            )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, required=True, help="folder with Fashion IDX files")
    ap.add_argument("--only", choices=("startup", "blocks", "epochs"), default=None)
    ap.add_argument("--starts", type=int, default=3, help="helper starts timed")
    ap.add_argument("--batches", type=int, default=600, help="batches of the blocks")
    ap.add_argument("--block", type=int, default=10, help="batches before switching")
    ap.add_argument("--rounds", type=int, default=2, help="pairs of runs")
    ap.add_argument(
        "--quiet-below",
        type=float,
        default=0.3,
        help="blocks count as quiet while other programs keep fewer cores than this busy",
    )
    ap.add_argument("--limit", type=int, default=60000, help="training images per run")
    args = ap.parse_args(argv)
    from nndesk.data import load_dataset

    dataset = load_dataset("fashion", data_dir=args.data_dir, allow_download=False)
    print(f"numpy={np.__version__} loadavg_before={os.getloadavg()[0]:.2f} cores={os.cpu_count()}")
    for name, measure in (("startup", startup), ("blocks", blocks), ("epochs", epochs)):
        if args.only in (None, name):
            measure(args, dataset)
            sys.stdout.flush()
    print(f"loadavg_after={os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
