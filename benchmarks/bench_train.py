"""How fast is nndesk's training loop compared with the plain NumPy loop anyone would write?

    python benchmarks/bench_train.py --data-dir /path/to/fashion-mnist

In one process, on Fashion-MNIST, times one epoch of two MLPs through ``nndesk.training.train``
and through a minimal inline NumPy loop (forward, backward and Adam written the obvious way,
allocating freely), then prints ``ratio_small`` / ``ratio_large`` (nndesk seconds / plain seconds,
lower is better; the plain loop on NumPy's default BLAS threads, as anyone's would run), the same
ratios against the plain loop on one BLAS thread (``*_vs_plain_1thread``; nndesk trains the small
net on one thread, so there the loops themselves are compared) and ``seconds_to_87``: training
seconds of the default Fashion preset until its test accuracy first reaches 87 % (the test set is
scored every quarter epoch; scoring time is not counted). ``internals_ratio``: a Fashion MLP
epoch with every view of the Train page's Inside tab measured (``training.internals.Watcher``:
gradient norms, update sizes and dead units on sampled batches, the weights at the epoch's end)
over the same epoch without, the two taking turns (the issue's budget: at most 1.10).
``--internals-only`` measures just that. Not a test: it prints figures.

The machine may be shared and its speed moves within seconds, so nndesk's loop and the plain one
take turns of a few dozen batches through their epochs (``--turns`` per epoch) and meet the same
moments of it; the plain loop on one thread then runs its epoch whole. That is repeated
``--repeats`` times. ``ratio_*`` is the median over those rounds of nndesk's epoch over the plain
loop's epoch of the same round; ``ratio_*_of_best_epochs`` divides the two loops' best epochs,
which may come from different rounds (the plain loop's best is the one where the second core was
most free, a moment nndesk's one-thread small-net loop does not profit from). Every epoch's time
is printed too (``epochs_*``).
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import math
import os
import platform
import sys
import time
from collections.abc import Callable, Iterator

# NumPy (and so OpenBLAS) loads before nndesk here, unlike in the CLI and the app: importing
# nndesk first would set OPENBLAS_THREAD_TIMEOUT, which slows the plain loop's many small
# two-thread matmuls (0.79 -> 1.21 s for the small net) and would flatter nndesk's ratios
import numpy as np  # noqa: E402
from ablation import add_without_flag, turn_off  # noqa: E402  (benchmarks/, beside this file)

BLAS_TIMEOUT_AT_LOAD = os.environ.get("OPENBLAS_THREAD_TIMEOUT")  # what OpenBLAS read


def blas_pools() -> list[dict] | None:
    """threadpoolctl's records of NumPy's BLAS libraries, or None without threadpoolctl."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return None
    return [i for i in threadpool_info() if i.get("user_api") == "blas"]


def blas_description() -> str:
    """The BLAS NumPy uses and its thread count, as threadpoolctl reports it."""
    infos = blas_pools()
    if infos is None:
        return "unknown (threadpoolctl not installed)"
    if not infos:
        return "none found"
    return ", ".join(
        f"{i.get('internal_api')} {i.get('version')} ({i.get('num_threads')} threads, "
        f"{i.get('architecture', '?')})"
        for i in infos
    )


def blas_thread_count() -> int | None:
    """NumPy's BLAS threads right now, or None if unknown."""
    infos = blas_pools()
    return infos[0]["num_threads"] if infos else None


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


def plain_batches(layers, x, y, batch_size, lr, rng, state) -> Iterator[float]:
    """One epoch of ReLU MLP + softmax CE + Adam written the straightforward way, yielding each
    batch's loss as it goes (so the benchmark can take turns with nndesk's loop)."""
    b1, b2, eps = 0.9, 0.999, 1e-8
    n = len(y)
    order = rng.permutation(n)
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
        loss = float(-np.log(p[np.arange(m), yb] + 1e-12).mean())
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
        yield loss


def plain_run(sizes, x, y, batch_size, seed: int) -> Iterator[float]:
    """A fresh plain network (He init, zero Adam moments) and one epoch of its batches."""
    rng = np.random.default_rng(seed)
    layers = plain_init(sizes, rng)
    state = {"t": 0, "mv": [[[np.zeros_like(p), np.zeros_like(p)] for p in lb] for lb in layers]}
    return plain_batches(layers, x, y, batch_size, 1e-3, rng, state)


# -- nndesk --------------------------------------------------------------------------------------
def nndesk_run(session, watch=None, threads_seen: list | None = None) -> Iterator:
    """The ``BatchReport``s of one epoch of ``nndesk.training.train(session)``.

    Stops after the last batch, so the validation pass that ends an nndesk epoch is neither run
    nor counted against it. ``threads_seen`` gets the BLAS threads of its first batch, read
    inside the run (``train`` polls ``should_stop`` there).
    """
    from nndesk.training import train

    def first_batch_threads() -> bool:
        if threads_seen is not None and len(threads_seen) == seen_before:
            threads_seen.append(blas_thread_count())
        return False

    seen_before = len(threads_seen) if threads_seen is not None else 0
    batches = math.ceil(len(session.y_train) / session.config.batch_size)
    run = train(session, should_stop=first_batch_threads, watch=watch)
    try:
        for report in run:
            batches -= 1
            if batches == 0:
                if watch is not None:  # what the epoch's end adds: histograms and filters
                    watch.weights(report.epoch)
                yield report
                return
            yield report
    finally:
        run.close()  # leaves train()'s BLAS thread limit


# -- ablations -----------------------------------------------------------------------------------
def _without_one_thread() -> None:
    """MLPs train on the BLAS default threads, however small their products and busy the
    machine (the rule's MLP part gone: no product size, no idle check)."""
    from nndesk.training import runtime

    runtime.WIDE_PRODUCT = 0
    runtime.idle_cores = lambda window=0.1: float(os.cpu_count() or 1)


def _without_proc_stat() -> None:
    """``idle_cores`` trusts the load average alone (no /proc/stat measurement)."""
    from nndesk.training import runtime

    runtime.machine_busy_seconds = lambda: None


def _without_idle_check() -> None:
    """A wide MLP gets every core whatever the machine is doing."""
    from nndesk.training import runtime

    runtime.idle_cores = lambda window=0.1: float(os.cpu_count() or 1)


#: Parts of nndesk/training/runtime.py's rule that ``--without`` turns off.
ABLATIONS = {
    "one-thread": _without_one_thread,
    "proc-stat": _without_proc_stat,
    "idle-check": _without_idle_check,
}


# -- timing --------------------------------------------------------------------------------------
def epochs_in_turns(loops: dict[str, tuple[Iterator, Callable]], turn: int) -> dict[str, float]:
    """Seconds each loop needs for its epoch when they take turns of ``turn`` batches.

    ``loops`` maps a name to ``(batches, context)``: an iterator that runs one batch per step and
    a context manager factory entered around each of its turns (its BLAS threads). Turns of a few
    dozen milliseconds put every loop through the same moments of a shared machine, whose speed
    moves by tens of percent within seconds; whole epochs run one after the other did not.
    """
    seconds = dict.fromkeys(loops, 0.0)
    running = dict(loops)
    while running:
        for name, (batches, context) in list(running.items()):
            with context():
                t0 = time.perf_counter()
                done = sum(1 for _ in itertools.islice(batches, turn))
                seconds[name] += time.perf_counter() - t0
            if done < turn:
                del running[name]
    return seconds


def paired_ratio(ours: list[float], theirs: list[float]) -> float:
    """Median over rounds of ``ours[r] / theirs[r]``: each round's two epochs met the same moments
    of the machine, so their ratio is what one run measures; the median keeps a typical round."""
    return float(np.median(np.asarray(ours) / np.asarray(theirs)))


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


def internals_ratio(session_for, repeats: int, turns: int) -> float:
    """Median over rounds of a watched small-MLP epoch over the same epoch unwatched."""
    from nndesk.training.internals import Watcher

    watched, plain = [], []
    for r in range(repeats):
        a = session_for(arch="784-64-64-10", batch_size=32, epochs=1, seed=r)
        b = session_for(arch="784-64-64-10", batch_size=32, epochs=1, seed=r)
        turn = max(1, math.ceil(len(a.y_train) / 32) // turns)
        loops = {
            "watched": (nndesk_run(a, Watcher(a.model)), contextlib.nullcontext),
            "plain": (nndesk_run(b), contextlib.nullcontext),
        }
        names = list(loops)[::-1] if r % 2 else list(loops)
        seconds = epochs_in_turns({k: loops[k] for k in names}, turn)
        watched.append(seconds["watched"])
        plain.append(seconds["plain"])
    ratio = paired_ratio(watched, plain)
    print(f"epochs_internals_watched=[{', '.join(f'{t:.3f}' for t in watched)}]")
    print(f"epochs_internals_off=[{', '.join(f'{t:.3f}' for t in plain)}]")
    print(f"internals_ratio={ratio:.3f}")
    return ratio


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, help="folder with the Fashion-MNIST IDX files")
    parser.add_argument("--repeats", type=int, default=6, help="epochs timed per variant (best)")
    parser.add_argument(
        "--turns", type=int, default=20, help="turns per epoch the three loops take (interleaving)"
    )
    parser.add_argument("--skip-target", action="store_true", help="skip seconds_to_87")
    parser.add_argument(
        "--internals-only", action="store_true", help="only internals_ratio (watched / not)"
    )
    parser.add_argument("--target", type=float, default=0.87)
    add_without_flag(parser, ABLATIONS)
    args = parser.parse_args(argv)
    turn_off(args.without, ABLATIONS)

    from nndesk.data import load_dataset
    from nndesk.training import TrainConfig, prepare

    print(f"python {platform.python_version()}, numpy {np.__version__}, {platform.machine()}")
    print(f"blas: {blas_description()}")
    print(f"OPENBLAS_THREAD_TIMEOUT when NumPy loaded: {BLAS_TIMEOUT_AT_LOAD!r}")
    print(f"without={','.join(args.without) or '-'} load_average={os.getloadavg()[0]:.2f}")
    t0 = time.perf_counter()
    dataset = load_dataset("fashion", data_dir=args.data_dir, allow_download=False)
    print(f"loaded fashion in {time.perf_counter() - t0:.1f} s")

    def session_for(**changes):
        session = prepare(TrainConfig().replace(**changes), dataset=dataset)
        # decided now, outside the timed turns: the rule may watch the machine for 0.1 s
        session.thread_plan()
        return session

    # the plain loop gets exactly the inputs nndesk trains on (same normalisation and split)
    base = session_for()
    x, y = base.x_train, base.y_train
    print(f"train split: {x.shape} {x.dtype}")

    # one allocator setting for every loop, plain or nndesk: an nndesk run keeps freed
    # batch-sized arrays in the heap while it trains (nndesk/training/heap.py) and lowers the
    # thresholds again when it ends. Here every timed epoch is a run of its own, so without this
    # the setting would change under the plain loop's turns from one epoch to the next, and each
    # nndesk epoch would hand its memory back inside its own last turn, which a run of many
    # epochs does once
    from nndesk.training import heap

    with heap.kept_while_training():
        return time_loops(args, session_for, x, y)


def time_loops(args, session_for, x, y) -> int:
    """Everything ``main`` prints after the data: internals_ratio, ratio_*, seconds_to_87."""
    # nndesk trains small MLPs on one BLAS thread (see nndesk/training/runtime.py); the plain loop
    # runs as anyone's would, on NumPy's default threads, and once more on one thread for a
    # like-for-like comparison of the loops themselves
    from nndesk.training.runtime import blas_threads

    # the plain loop's turns say their threads themselves: a BLAS thread count is one setting
    # for the whole process, and nndesk's runs set their own around each of their batches
    default_threads = blas_thread_count()
    internals_ratio(session_for, args.repeats, args.turns)
    if args.internals_only:
        return 0
    figures = {}
    sizes_by_label = {"small": ([784, 64, 64, 10], 32), "large": ([784, 256, 128, 10], 128)}
    for label, (sizes, batch) in sizes_by_label.items():
        arch = "-".join(map(str, sizes))
        turn = max(1, math.ceil(len(y) / batch) // args.turns)
        epochs: dict[str, list[float]] = {"nndesk": [], "plain": [], "plain_1thread": []}
        threads_seen: list = []
        for r in range(args.repeats):
            session = session_for(arch=arch, batch_size=batch, epochs=1, seed=r)
            loops = {
                "nndesk": (nndesk_run(session, threads_seen=threads_seen), contextlib.nullcontext),
                "plain": (
                    plain_run(sizes, x, y, batch, r),
                    lambda: blas_threads(default_threads),
                ),
            }
            # whoever goes first meets a cache the other has just filled: alternate the order
            names = list(loops)[::-1] if r % 2 else list(loops)
            seconds = epochs_in_turns({k: loops[k] for k in names}, turn)
            # the one-thread plain loop runs its epoch whole, after them: switching BLAS between
            # one and two threads every turn slowed the two-thread loops' epochs by up to 40 %
            one_thread = (plain_run(sizes, x, y, batch, r), lambda: blas_threads(1))
            seconds |= epochs_in_turns({"plain_1thread": one_thread}, len(y))
            for name, value in seconds.items():
                epochs[name].append(value)
        ours, plain, plain_1 = (min(epochs[k]) for k in ("nndesk", "plain", "plain_1thread"))
        figures[label] = (
            paired_ratio(epochs["nndesk"], epochs["plain"]),
            paired_ratio(epochs["nndesk"], epochs["plain_1thread"]),
            ours / plain,
        )
        print(
            f"{label}: {arch} batch {batch} Adam, one epoch of {len(y)} images: "
            f"nndesk {ours:.3f} s, plain numpy {plain:.3f} s (default threads), "
            f"{plain_1:.3f} s (one thread)"
        )
        print(f"seconds_nndesk_{label}={ours:.3f}")
        print(f"seconds_plain_{label}={plain:.3f}")
        print(f"seconds_plain_1thread_{label}={plain_1:.3f}")
        print(f"nndesk_blas_threads_{label}={threads_seen} (read in each run's first batch)")
        for name, times in epochs.items():  # every epoch, in order: how noisy the machine was
            print(f"epochs_{name}_{label}=[{', '.join(f'{t:.3f}' for t in times)}]")
    for label, (ratio, ratio_1, ratio_best) in figures.items():
        print(f"ratio_{label}={ratio:.3f}")
        print(f"ratio_{label}_vs_plain_1thread={ratio_1:.3f}")
        print(f"ratio_{label}_of_best_epochs={ratio_best:.3f}")

    if args.skip_target:
        return 0
    seconds, acc, epoch, batch = seconds_to_target(session_for, args.target, 10, 4)
    print(f"default preset reached test accuracy {acc:.2%} at epoch {epoch} batch {batch}")
    print(f"seconds_to_{round(args.target * 100)}={seconds:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
