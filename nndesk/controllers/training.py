"""TrainingController: trains off the GUI thread and reports through signals.

A worker QObject on a QThread receives the run as messages (``train_process.training_messages``),
keeps the run history and emits frozen reports as signals; it never touches a widget. By default
it iterates the training generator itself (``backend="thread"``); ``backend="process"`` trains in
a child process instead and relays the same messages from a pipe, so training never holds the
GUI's GIL. Measured on 2 oversubscribed cores (benchmarks/bench_gui.py) the thread was the better
of the two (GUI stall p99 19-46 ms vs 54-72 ms: a child process takes a whole core from the GUI,
a thread yields the GIL every 1 ms), so the process stays an option.

Stop and pause are Events polled by ``train()`` between two batches (a queued slot would never
run while the worker is busy); a new learning rate goes through a shared value read by
``lr_override``. Batch reports are coalesced (at most ~20 emissions a second) and weight
snapshots for live prediction come at most every ~300 ms.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from nndesk.controllers.train_process import (
    SNAPSHOT_INTERVAL,
    child_main,
    describe_failure,
    leave_a_core_for_the_gui,
    training_messages,
)
from nndesk.errors import ConfigError, NndeskError
from nndesk.runs import MODEL_FILE, Curves, RunRecord, RunStore, describe_config

#: Switch interval while training on a thread: the GUI thread gets the GIL within ~1 ms.
TRAINING_SWITCH_INTERVAL = 0.001
#: Seconds a closing window waits for the training process before terminating it.
CLOSE_GRACE = 10.0

DatasetProvider = Callable[[str], object]
BACKENDS = ("process", "thread")


def default_dataset_provider(name: str):
    """The window's memoised loader (``controllers.datasets.get_dataset``)."""
    from nndesk.controllers.datasets import get_dataset

    return get_dataset(name)


@dataclass(frozen=True)
class RunStarted:
    """Sent once the data is loaded and the first batch is about to run."""

    run_id: str
    title: str
    config: object  # TrainConfig actually used (a resumed run takes the network from its file)
    batches_per_epoch: int
    batch_size: int  # samples per batch (the whole split for full-batch GD)
    first_epoch: int  # 1-based; > 1 when resuming
    last_epoch: int
    history: Curves  # the curves so far: empty, or a resumed model's per-epoch history


class _LocalValue:
    """The part of ``multiprocessing.Value`` used here, for runs that stay in this process."""

    def __init__(self, value) -> None:
        self.value = value
        self._lock = threading.Lock()

    def get_lock(self) -> threading.Lock:
        return self._lock


class _Shared:
    """Flags and values shared by the GUI, the worker thread and (maybe) the training process."""

    def __init__(self, across_processes: bool = False) -> None:
        if across_processes:
            ctx = multiprocessing.get_context("spawn")
            event, value = ctx.Event, ctx.Value
        else:  # plain thread primitives: no semaphores, no resource-tracker process

            def value(_typecode: str, initial):
                return _LocalValue(initial)

            event = threading.Event
        self.stop = event()
        self.pause = event()
        self.closing = event()  # the window is closing: skip the final test pass
        self.lr = value("d", 0.0)
        self.lr_version = value("i", 0)  # 0 = no rate set by the user yet
        self.counter = value("i", 0)  # batches trained in this run

    def set_lr(self, lr: float) -> None:
        with self.lr.get_lock():
            self.lr.value = lr
            self.lr_version.value += 1

    def new_lr(self) -> tuple[float | None, int]:
        with self.lr.get_lock():
            version = self.lr_version.value
            return (self.lr.value if version else None), version

    def count_batch(self) -> None:
        with self.counter.get_lock():
            self.counter.value += 1


class _RunFailed(Exception):
    """The run reported a failure (message already one line)."""


class TrainingWorker(QObject):
    """Runs one training run (thread or process) and records it; lives on the worker thread."""

    status_changed = Signal(str)  # one line: "Loading fashion…", "Saving the model…"
    run_started = Signal(object)  # RunStarted
    batches_finished = Signal(object)  # tuple[BatchReport, ...], every batch since the last one
    epoch_finished = Signal(object)  # EpochReport, after validation
    lr_changed = Signal(float, float)  # (position in epochs, new learning rate) set by the user
    weights_updated = Signal(object)  # Classifier snapshot of the current weights
    run_ended = Signal(object)  # RunEnded
    model_ready = Signal(object)  # Classifier loaded from the run's saved model file
    run_saved = Signal(object)  # RunRecord, final (status, metrics, model file)
    failed = Signal(str)  # one-line reason
    finished = Signal()  # always last, whatever happened

    def __init__(
        self,
        config,
        dataset_provider: DatasetProvider,
        store: RunStore,
        shared: _Shared,
        resume: str | Path | None = None,
        dataset=None,
        backend: str = "thread",
    ) -> None:
        super().__init__()
        self._config = config
        self._provider = dataset_provider
        self._store = store
        self._shared = shared
        self._resume = resume
        self._dataset = dataset
        self._backend = backend
        self._record: RunRecord | None = None
        self._lr_pending: float | None = None
        self._model_config: dict | None = None
        self._info: dict = {}
        self._prepared = False

    @Slot()
    def run(self) -> None:
        """The whole run; every outcome ends with ``finished``."""
        try:
            self._run()
        except _RunFailed as err:
            self._fail(str(err))
        except BaseException as err:  # noqa: BLE001 - a worker must report, never die silently
            self._fail(describe_failure(err))
        finally:
            self.finished.emit()

    def _fail(self, message: str) -> None:
        record = self._record
        if record is not None:
            if not self._prepared:  # nothing was trained: keep the history free of it
                with contextlib.suppress(OSError, NndeskError):
                    self._store.delete(record.run_id, permanent=True)
            else:
                record.status, record.message = "failed", message
                with contextlib.suppress(OSError):
                    self._store.save(record)
        self.failed.emit(message)

    def _run(self) -> None:
        config, shared = self._config, self._shared
        dataset = self._dataset
        if dataset is None:
            name = config.dataset
            if self._resume is not None:  # a resumed model trains on the data it was made for
                from nndesk.nn.serialization import load_model

                saved = load_model(self._resume).info.get("config") or {}
                name = saved.get("dataset", name)
            self.status_changed.emit(f"Loading {name}…")
            dataset = self._provider(name)
        if shared.stop.is_set():
            return
        self.status_changed.emit("Preparing the network…")
        record = self._record = self._store.create(
            config.to_dict(), resumed_from=None if self._resume is None else str(self._resume)
        )
        model_path = record.folder / MODEL_FILE
        if self._backend == "thread":
            messages = self._thread_messages(dataset, model_path)
        else:
            messages = self._process_messages(dataset, model_path)
        for message in messages:
            self._handle(message)

    def _thread_messages(self, dataset, model_path: Path) -> Iterator[tuple]:
        shared = self._shared
        old_interval = sys.getswitchinterval()
        sys.setswitchinterval(TRAINING_SWITCH_INTERVAL)
        try:
            with leave_a_core_for_the_gui():
                yield from training_messages(
                    self._config,
                    dataset,
                    self._resume,
                    model_path,
                    shared.stop.is_set,
                    shared.pause.is_set,
                    shared.new_lr,
                    shared.closing.is_set,
                    shared.count_batch,
                )
        finally:
            sys.setswitchinterval(old_interval)

    def _process_messages(self, dataset, model_path: Path) -> Iterator[tuple]:
        shared = self._shared
        ctx = multiprocessing.get_context("spawn")
        receiver, sender = ctx.Pipe(duplex=False)
        process = ctx.Process(
            target=child_main,
            args=(
                sender,
                self._config,
                dataset,
                self._resume,
                str(model_path),
                shared.stop,
                shared.pause,
                shared.lr,
                shared.lr_version,
                shared.closing,
                shared.counter,
            ),
            name="nndesk-training",
            daemon=True,
        )
        process.start()
        sender.close()  # only the child writes; EOF then means the child is gone
        closing_since: float | None = None
        ended = False
        try:
            while not ended:
                if receiver.poll(0.1):
                    try:
                        message = receiver.recv()
                    except EOFError:
                        break
                    ended = message[0] in ("done", "failed")
                    yield message
                elif not process.is_alive() and not receiver.poll(0):
                    break
                elif shared.closing.is_set():
                    closing_since = closing_since or time.perf_counter()
                    if time.perf_counter() - closing_since > CLOSE_GRACE:
                        process.terminate()
                        break
        finally:
            receiver.close()
            process.join(timeout=CLOSE_GRACE)
            if process.is_alive():
                process.terminate()
                process.join(timeout=2)
        if not ended:
            raise _RunFailed(
                f"the training process stopped unexpectedly (exit code {process.exitcode})"
            )

    def _handle(self, message: tuple) -> None:
        kind = message[0]
        record = self._record
        if kind == "batches":
            reports = message[1]
            if self._lr_pending is not None and reports:
                first = reports[0]
                x = first.epoch - 1 + (first.batch - 1) / first.batches
                record.curves.add_lr_change(x, self._lr_pending)
                self.lr_changed.emit(x, self._lr_pending)
                self._lr_pending = None
            for report in reports:
                record.curves.add_batch(report)
            self.batches_finished.emit(reports)
        elif kind == "weights":
            self.weights_updated.emit(self._classifier_from(message[1]))
        elif kind == "epoch":
            record.curves.add_epoch(message[1])
            self._store.save(record)  # a crash later still leaves the curves so far
            self.epoch_finished.emit(message[1])
        elif kind == "lr":
            self._lr_pending = float(message[1])
        elif kind == "prepared":
            self._on_prepared(message[1])
        elif kind == "done":
            self._on_done(message[1], message[2])
        elif kind == "failed":
            raise _RunFailed(message[1])

    def _on_prepared(self, d: dict) -> None:
        record = self._record
        cfg = d["config"]
        self._prepared = True
        self._model_config, self._info = d["model_config"], d["info"]
        record.config = cfg.to_dict()
        record.title = describe_config(record.config)
        record.curves = Curves.from_history(d["history"])
        self._store.save(record)
        self.run_started.emit(
            RunStarted(
                run_id=record.run_id,
                title=record.title,
                config=cfg,
                batches_per_epoch=d["batches"],
                batch_size=d["batch_size"],
                first_epoch=d["first_epoch"],
                last_epoch=d["last_epoch"],
                history=Curves.from_history(d["history"]),
            )
        )
        self.status_changed.emit("Training…")

    def _on_done(self, ended, metrics: dict) -> None:
        from nndesk.inference import Classifier

        record = self._record
        self.status_changed.emit("Saving the model…")
        record.model_file = MODEL_FILE
        record.metrics = dict(metrics)
        record.status = ended.reason if ended is not None else "completed"
        record.message = ended.message if ended is not None else ""
        self._store.save(record)
        self.model_ready.emit(Classifier.from_file(record.model_path))
        self.run_saved.emit(record)
        self.run_ended.emit(ended)

    def _classifier_from(self, snapshot: list):
        """A Classifier holding a copy of the weights in ``snapshot`` ([(name, array)])."""
        from nndesk.inference import Classifier
        from nndesk.nn.model import Sequential

        model = Sequential.from_config(self._model_config)
        for (_, dst, _), (_, src) in zip(model.parameters(), snapshot, strict=True):
            dst[...] = src
        return Classifier.from_info(model, self._info)


class TrainingController(QObject):
    """Owns the training run: start, pause, resume, stop, change the learning rate, shut down.

    ``dataset_provider(name) -> Dataset`` is called on the worker thread (default: the window's
    memoised ``get_dataset``); tests inject a tiny dataset. ``backend``: "thread" (default: the
    worker thread trains) or "process" (a child process trains; see the module docstring).
    """

    status_changed = Signal(str)  # one line for a status label
    run_started = Signal(object)  # RunStarted
    batch_finished = Signal(object)  # BatchReport, the newest one (at most ~20 a second)
    batches_finished = Signal(object)  # tuple[BatchReport, ...]: every batch, in order
    epoch_finished = Signal(object)  # EpochReport, after validation
    lr_changed = Signal(float, float)  # (position in epochs, new rate) once the worker applied it
    weights_updated = Signal(object)  # Classifier snapshot, at most every ~300 ms
    run_ended = Signal(object)  # RunEnded ("completed" | "stopped" | "diverged")
    model_ready = Signal(object)  # Classifier of the saved final model, after every run
    run_saved = Signal(object)  # RunRecord now in the history
    failed = Signal(str)  # one-line reason; the run is over
    running_changed = Signal(bool)  # True when a run starts, False once its thread is gone
    paused_changed = Signal(bool)  # pause / resume requested

    def __init__(
        self,
        dataset_provider: DatasetProvider | None = None,
        store: RunStore | None = None,
        parent: QObject | None = None,
        backend: str = "thread",
    ) -> None:
        super().__init__(parent)
        if backend not in BACKENDS:
            raise ConfigError(f"backend must be one of {', '.join(BACKENDS)}; got {backend!r}")
        self.backend = backend
        self._provider = dataset_provider or default_dataset_provider
        self.store = store or RunStore()
        self._shared = _Shared()
        self._thread: QThread | None = None
        self._worker: TrainingWorker | None = None
        self._newest_snapshot = None
        self._last_snapshot = 0.0
        self._snapshot_timer = QTimer(self)
        self._snapshot_timer.setSingleShot(True)
        self._snapshot_timer.timeout.connect(self._on_snapshot_timer_timeout)

    # -- state ---------------------------------------------------------------------------------
    def is_running(self) -> bool:
        """True from ``start`` until the worker thread has finished."""
        return self._thread is not None

    def is_paused(self) -> bool:
        return self._shared.pause.is_set()

    @property
    def batches_done(self) -> int:
        """Batches the current (or last) run has trained, counted where it trains."""
        return self._shared.counter.value

    @property
    def thread(self) -> QThread | None:
        """The running training thread, or None."""
        return self._thread

    # -- commands ------------------------------------------------------------------------------
    def start(self, config, resume: str | Path | None = None, dataset=None) -> None:
        """Start training ``config`` (a TrainConfig) on a new thread; returns at once.

        ``resume``: a model file whose training continues (its history too). ``dataset``: use this
        ready Dataset instead of asking the provider. Raises ``ConfigError`` if a run is going.
        """
        if self.is_running():
            raise ConfigError("a training run is already going; stop it first")
        config.validate()
        self._shared = _Shared(across_processes=self.backend == "process")
        thread = QThread()
        thread.setObjectName("nndesk-training")
        worker = TrainingWorker(
            config, self._provider, self.store, self._shared, resume, dataset, self.backend
        )
        worker.moveToThread(thread)
        # worker -> controller: queued, so everything below runs on the GUI thread
        worker.status_changed.connect(self.status_changed)
        worker.run_started.connect(self.run_started)
        worker.batches_finished.connect(self._on_worker_batches_finished)
        worker.epoch_finished.connect(self.epoch_finished)
        worker.lr_changed.connect(self.lr_changed)
        worker.weights_updated.connect(self._on_worker_weights_updated)
        worker.run_ended.connect(self.run_ended)
        worker.model_ready.connect(self.model_ready)
        worker.run_saved.connect(self.run_saved)
        worker.failed.connect(self.failed)
        thread.started.connect(worker.run)
        # direct: quit() is thread-safe, and a queued call would never run while shutdown()
        # blocks the GUI thread in wait()
        worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        worker.finished.connect(worker.deleteLater)
        # thread.deleteLater is called in _on_thread_finished, after joining the thread
        thread.finished.connect(self._on_thread_finished)
        self._thread, self._worker = thread, worker
        thread.start()
        self.running_changed.emit(True)

    def pause(self) -> None:
        """Hold training after the current batch."""
        if self.is_running() and not self._shared.pause.is_set():
            self._shared.pause.set()
            self.paused_changed.emit(True)

    def resume(self) -> None:
        """Continue a paused run."""
        if self._shared.pause.is_set():
            self._shared.pause.clear()
            self.paused_changed.emit(False)

    def stop(self) -> None:
        """End the run after the current batch (its model is still saved)."""
        self._shared.stop.set()
        self.resume()

    def set_learning_rate(self, lr: float) -> None:
        """Use ``lr`` from the next batch on (the schedule no longer changes it for this run)."""
        if not (lr > 0 and lr < float("inf")):
            raise ConfigError(f"learning rate must be a positive number; got {lr}")
        self._shared.set_lr(float(lr))

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Stop and join the worker thread (the window's ``closeEvent``); True once it is gone."""
        thread = self._thread
        if thread is None:
            return True
        self._shared.closing.set()
        self.stop()
        done = thread.wait(timeout_ms)
        if done:
            self._on_thread_finished()
        return done

    # -- slots ---------------------------------------------------------------------------------
    @Slot(object)
    def _on_worker_batches_finished(self, reports: tuple) -> None:
        self.batches_finished.emit(reports)
        if reports:
            self.batch_finished.emit(reports[-1])

    @Slot(object)
    def _on_worker_weights_updated(self, classifier) -> None:
        # the worker already spaces snapshots, but a busy GUI thread can receive several at
        # once: keep the newest and pass one on at most every SNAPSHOT_INTERVAL
        if self._shared.stop.is_set():
            return
        self._newest_snapshot = classifier
        self._on_snapshot_timer_timeout()

    @Slot()
    def _on_snapshot_timer_timeout(self) -> None:
        if self._newest_snapshot is None or self._shared.stop.is_set():
            return
        wait_ms = int(1000 * (SNAPSHOT_INTERVAL - (time.perf_counter() - self._last_snapshot)))
        if wait_ms > 0:
            if not self._snapshot_timer.isActive():
                self._snapshot_timer.start(wait_ms + 1)
            return
        classifier, self._newest_snapshot = self._newest_snapshot, None
        self._last_snapshot = time.perf_counter()
        self.weights_updated.emit(classifier)

    @Slot()
    def _on_thread_finished(self) -> None:
        if self._thread is None:
            return
        # ``finished`` is emitted just before the thread really ends: join it before letting go
        thread = self._thread
        thread.wait()
        thread.deleteLater()
        self._snapshot_timer.stop()
        self._newest_snapshot = None
        self._thread, self._worker = None, None
        self._shared.pause.clear()
        self.running_changed.emit(False)
