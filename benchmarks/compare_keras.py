"""The Fashion CNN epoch side by side: nndesk against Keras (TensorFlow, CPU) in one process.

    /path/to/venv-with-tensorflow/bin/python benchmarks/compare_keras.py \\
        --data-dir /path/to/data   # holding fashion-mnist/, as nndesk's --data-dir (or that folder)

Not a test, and never imported by nndesk: a benchmark that needs TensorFlow, which nndesk does not
(with no TensorFlow it says so in one line and exits 0). Both sides train the ``fashion-cnn``
preset's network, ``784-c32v-p-c64v-p-128-10`` (3x3 "valid" convolutions with ReLU, 2x2
max-pools, a dense layer of 128 with ReLU, dropout 0.25, 10 softmax outputs), with Adam (lr 1e-3,
eps 1e-7, Keras' default) and batch 64, on all 60,000 Fashion-MNIST training images normalised
the same way (nndesk's arrays, in NHWC for Keras), shuffled every epoch.

The machine may be shared, so the two take turns epoch by epoch (nndesk, Keras, nndesk, ...)
and meet the same moments of it. Keras traces its graph on a short untimed fit first; nndesk's
first epoch is timed as it is (it has nothing to compile). Prints every epoch's seconds, each
side's median and best, ``ratio_nndesk_over_keras=`` (the median of each round's nndesk epoch
over the same round's Keras epoch; below 1: nndesk is faster) and the load average before and
after, then one closing sentence in words: who was faster and by how much, and whether the
rounds are worth reading (a busy machine's rounds that disagree are not: run again when it is
quiet; walk65 D18 read "ratio 0.990 (per round: 1.373, 0.608)" at load 17 and no more).
nndesk picks its threads as it would anywhere (``--threads`` 0, automatic: on a busy
machine that is one thread; ``--threads 2`` forces the batch split over two), TensorFlow uses its
defaults (every core). ``nndesk_split=`` says where a split batch's other parts went, and each
round how many batches its helper processes took (the rest ran on threads of this process): at
the session start (19:19, s55) an automatic run read 9.2 s against 5.5 s with ``--threads 2`` a
minute later: its parts had run on threads of this process, by all signs sent there for the
whole session by the plan's 0.1 s look at the load (docs/performance.md, speed55).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout
# isort: off
import nndesk  # noqa: E402, F401  (before NumPy, as the CLI and app: sets OpenBLAS's thread timeout)
import numpy as np  # noqa: E402

# isort: on
from bench_cnn import count_helper_batches  # noqa: E402  (benchmarks/, beside this file)
from fashion_cnn import add_data_dir, session_for  # noqa: E402


def keras_model(keras, dropout: float, eps: float, lr: float):
    """The preset's network in Keras, compiled with Adam and cross-entropy on integer labels."""
    layers = keras.layers
    model = keras.Sequential(
        [
            keras.Input((28, 28, 1)),
            layers.Conv2D(32, 3, activation="relu"),  # "valid": 28 -> 26
            layers.MaxPooling2D(2),  # 13
            layers.Conv2D(64, 3, activation="relu"),  # 11
            layers.MaxPooling2D(2),  # 5
            layers.Flatten(),  # 1600
            layers.Dense(128, activation="relu"),
            layers.Dropout(dropout),
            layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=lr, epsilon=eps),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


def nndesk_epoch(session) -> tuple[float, float]:
    """Train ``session`` one more epoch: ``(seconds, train loss)``."""
    from nndesk.training import EpochReport, train

    t = time.perf_counter()
    loss = float("nan")
    for report in train(session):
        if isinstance(report, EpochReport):
            loss = report.train_loss
    return time.perf_counter() - t, loss


def verdict(
    ours: list[float], theirs: list[float], load_before: float, load_after: float, cores: int
) -> str:
    """The closing sentence: nndesk's epoch time as a share of Keras' (the median over the
    rounds of each round's ratio), who was faster, and whether the rounds can be trusted. They
    disagree when one round had nndesk ahead and another Keras, or their ratios are more than
    1.5x apart; the machine is busy when its load average, before or after, was above
    ``cores`` - 0.5 (other programs wanted its cores)."""
    ratios = [a / b for a, b in zip(ours, theirs, strict=True)]
    ratio = statistics.median(ratios)
    rounds = f"median of {len(ratios)} round{'s' if len(ratios) != 1 else ''}"
    if ratio < 1:
        took = f"nndesk took {ratio:.2f} of Keras' time per epoch ({rounds})"
    else:
        took = f"nndesk took {ratio:.2f} times Keras' time per epoch ({rounds})"
    if ratio < 0.95:
        who = f"nndesk was {1 / ratio:.2f}x as fast"
    elif ratio > 1.05:
        who = f"Keras was {ratio:.2f}x as fast"
    else:
        who = "the two were about as fast (within 5 %)"
    lo, hi = min(ratios), max(ratios)
    disagree = len(ratios) > 1 and ((lo < 1 < hi) or hi > 1.5 * lo)
    busy = max(load_before, load_after) > cores - 0.5
    load = f"load {load_before:.1f} before and {load_after:.1f} after on {cores} cores"
    if disagree and busy:
        trust = (
            f" The machine was busy ({load}) and the rounds disagree ({lo:.2f} to {hi:.2f}): "
            "not a finding; run again when it is quiet."
        )
    elif disagree:
        trust = (
            f" The rounds disagree ({lo:.2f} to {hi:.2f}): run again with more --rounds before "
            "reading it."
        )
    elif busy:
        trust = f" The machine was busy ({load}); the rounds agree, turn by turn."
    else:
        trust = ""
    return f"In words: {took}: {who}.{trust}"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_dir(ap)
    ap.add_argument("--rounds", type=int, default=3, help="epochs each side trains, in turns")
    ap.add_argument("--limit", type=int, default=60000, help="training images in an epoch")
    ap.add_argument(
        "--threads", type=int, default=0, help="nndesk's threads setting (default 0: automatic)"
    )
    args = ap.parse_args(argv)
    try:
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # no start-up banners
        import keras
        import tensorflow as tf
    except ImportError:
        print("compare_keras: TensorFlow is not installed here; nothing compared")
        return

    session = session_for(args.data_dir, args.threads)
    config = session.config
    session.x_train = session.x_train[: args.limit]
    session.y_train = session.y_train[: args.limit]
    x = session.x_train.reshape(-1, 28, 28, 1)  # the same normalised images, NHWC
    y = session.y_train
    plan = session.thread_plan()
    load_before = os.getloadavg()[0]
    print(
        f"tensorflow={tf.__version__} keras={keras.__version__} numpy={np.__version__} "
        f"cores={os.cpu_count()} loadavg_before={load_before:.2f}"
    )
    print(
        f"net={config.arch} batch_size={config.batch_size} dropout={config.dropout} "
        f"optimizer={config.optimizer} lr={config.lr} images={len(y)} "
        f"nndesk_blas_threads={plan.blas} nndesk_part_threads={plan.parts}"
    )
    if plan.parts > 1:
        where = "processes" if plan.processes else "threads"
        first = (
            " (beginning whole, on one thread: the machine looked full)"
            if plan.whole_first
            else " (beginning on threads: the machine looked busy)"
            if plan.threads_first
            else ""
        )
        print(f"nndesk_split={where}{first}")
    from nndesk.training import process_split

    helper_batches = count_helper_batches(process_split)

    keras.utils.set_random_seed(config.seed)
    model = keras_model(keras, config.dropout, config.eps or 1e-7, config.lr)
    model.fit(x[:640], y[:640], batch_size=config.batch_size, epochs=1, verbose=0)  # tracing

    ours: list[float] = []
    theirs: list[float] = []
    for round_ in range(1, args.rounds + 1):
        helper_batches[0] = 0
        seconds, loss = nndesk_epoch(session)
        ours.append(seconds)
        helped = f", helper batches {helper_batches[0]}" if plan.processes else ""
        print(f"round {round_}: nndesk {seconds:.2f} s (train loss {loss:.4f}{helped})", flush=True)
        t = time.perf_counter()
        history = model.fit(x, y, batch_size=config.batch_size, epochs=1, shuffle=True, verbose=0)
        theirs.append(time.perf_counter() - t)
        print(
            f"round {round_}: keras  {theirs[-1]:.2f} s (train loss "
            f"{history.history['loss'][-1]:.4f})",
            flush=True,
        )
    ratios = [a / b for a, b in zip(ours, theirs, strict=True)]
    print(f"nndesk_epoch_seconds={','.join(f'{s:.2f}' for s in ours)}")
    print(f"keras_epoch_seconds={','.join(f'{s:.2f}' for s in theirs)}")
    print(f"nndesk_median={statistics.median(ours):.2f} best={min(ours):.2f}")
    print(f"keras_median={statistics.median(theirs):.2f} best={min(theirs):.2f}")
    print(f"ratio_nndesk_over_keras={statistics.median(ratios):.3f} (per round: "
          f"{', '.join(f'{r:.3f}' for r in ratios)})")  # fmt: skip
    load_after = os.getloadavg()[0]
    print(f"loadavg_after={load_after:.2f} (2-core machines are often shared: see it)")
    print(verdict(ours, theirs, load_before, load_after, os.cpu_count() or 1))


if __name__ == "__main__":
    main()
