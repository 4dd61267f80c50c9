"""One training run as a stream of small messages, run on a thread or in a child process. No Qt.

``training_messages()`` wraps ``nndesk.training.train()``: it coalesces batch reports, takes weight
snapshots at most every ``SNAPSHOT_INTERVAL`` and saves the model at the end. The controller either
iterates it on its QThread (the default), or runs ``child_main`` in a separate process and reads
the same messages from a pipe, so the training loop never competes with the window for the GIL.

Messages (tuples, picklable)::

    ("prepared", dict)           config, batches per epoch, batch size, epoch span, history,
                                 model config and model-file info (to rebuild snapshots)
    ("lr", float)                a new learning rate from the GUI is in use from the next batch
    ("batches", tuple)           BatchReports since the last message (at most ~20 a second)
    ("weights", list)            [(name, array)] copies of every parameter
    ("epoch", EpochReport)
    ("done", RunEnded, metrics)  after the model file was written
    ("failed", str)              one-line reason
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

#: Seconds between two batch messages (coalesced; ~20 per second at most).
BATCH_EMIT_INTERVAL = 0.05
#: Seconds between two weight snapshots.
SNAPSHOT_INTERVAL = 0.3


@contextlib.contextmanager
def leave_a_core_for_the_gui():
    """Cap BLAS threads at (cores - 1) while training, so the GUI thread always finds a core.

    OpenBLAS otherwise spreads every matmul over all cores and the window stutters. Uses
    threadpoolctl when it is installed; without it, nothing changes.
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        yield
        return
    with threadpool_limits(limits=max(1, (os.cpu_count() or 2) - 1), user_api="blas"):
        yield


def training_messages(
    config,
    dataset,
    resume: str | Path | None,
    model_path: Path,
    should_stop: Callable[[], bool],
    should_pause: Callable[[], bool],
    new_lr: Callable[[], tuple[float | None, int]],
    closing: Callable[[], bool],
    count_batch: Callable[[], None],
) -> Iterator[tuple]:
    """Prepare, train and save one run, yielding the messages listed in the module docstring.

    ``new_lr()`` returns (rate or None, version): a new version means the user set a new rate.
    ``closing()`` True at the end skips the test pass (the window is closing). Raises what
    ``prepare``/``train`` raise; the caller turns that into a "failed" message.
    """
    from nndesk import training

    session = training.prepare(config, resume=resume, dataset=dataset)
    cfg = session.config
    n = len(session.y_train)
    batch_size = n if cfg.full_batch else min(cfg.batch_size, n)
    info = session.info()
    info.pop("history", None)
    yield (
        "prepared",
        {
            "config": cfg,
            "batches": max(-(-n // max(batch_size, 1)), 1),
            "batch_size": batch_size,
            "first_epoch": session.epochs_done + 1,
            "last_epoch": session.epochs_done + cfg.epochs,
            "history": [dict(h) for h in session.history],
            "model_config": session.model.config(),
            "info": info,
        },
    )

    seen_version = new_lr()[1]
    lr_messages: list[float] = []

    def lr_override() -> float | None:
        nonlocal seen_version
        value, version = new_lr()
        if version != seen_version:
            seen_version = version
            if value is not None:
                lr_messages.append(value)
        return value if version else None

    pending: list = []
    last_emit = last_snapshot = time.perf_counter()
    ended = None
    for report in training.train(session, should_stop, should_pause, lr_override):
        if isinstance(report, training.BatchReport):
            count_batch()
            if lr_messages:  # the curve marks the change at this batch
                if pending:
                    yield ("batches", tuple(pending))
                    pending = []
                yield ("lr", lr_messages.pop())
                lr_messages.clear()
            pending.append(report)
            now = time.perf_counter()
            if now - last_emit >= BATCH_EMIT_INTERVAL:
                yield ("batches", tuple(pending))
                pending, last_emit = [], now
            if now - last_snapshot >= SNAPSHOT_INTERVAL:
                yield ("weights", session.weights_snapshot())
                last_snapshot = time.perf_counter()
        elif isinstance(report, training.EpochReport):
            if pending:
                yield ("batches", tuple(pending))
                pending = []
            yield ("epoch", report)
        else:
            ended = report
    if pending:
        yield ("batches", tuple(pending))
    if not closing():
        session.evaluate_test()
    session.save(model_path)
    yield ("done", ended, dict(session.metrics))


def describe_failure(err: BaseException) -> str:
    """The one line a person sees when a run fails."""
    from nndesk.errors import NndeskError

    if isinstance(err, NndeskError):
        return str(err)
    if isinstance(err, MemoryError):
        return "training ran out of memory; try a smaller network or batch"
    return f"training failed: {type(err).__name__}: {err}"


def child_main(conn, config, dataset, resume, model_path, stop, pause, lr, lr_version, closing,
               counter) -> None:  # fmt: skip
    """Entry point of the training process: send every message through ``conn``, then close it.

    ``stop``/``pause``/``closing`` are multiprocessing Events, ``lr`` a shared double and
    ``lr_version``/``counter`` shared ints written by the GUI process and by this one.
    """

    def new_lr() -> tuple[float | None, int]:
        with lr.get_lock():
            version = lr_version.value
            return (lr.value if version else None), version

    def count_batch() -> None:
        with counter.get_lock():
            counter.value += 1

    try:
        with leave_a_core_for_the_gui():
            for message in training_messages(
                config, dataset, resume, Path(model_path), stop.is_set, pause.is_set, new_lr,
                closing.is_set, count_batch,
            ):  # fmt: skip
                conn.send(message)
    except BaseException as err:  # noqa: BLE001 - everything is reported to the window
        with contextlib.suppress(OSError):
            conn.send(("failed", describe_failure(err)))
    finally:
        conn.close()
