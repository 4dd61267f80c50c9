"""TrainingController: runs ``nndesk.training.train()`` on a QThread and reports through signals.

The worker is a QObject moved to its own QThread; it never touches a widget. Stop and pause are
``threading.Event``s polled by the generator between two batches (a queued slot would never run
while the worker thread is busy), and a new learning rate goes through a locked holder read by
``lr_override``. Batch reports are coalesced (at most ~20 emissions a second) and the weights are
snapshotted for live prediction at most every ~300 ms, so the GUI thread stays responsive.

Every run is recorded in the run history (``nndesk.runs.RunStore``): its config and curves after
each epoch, and at the end its test metrics and model file.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from nndesk.errors import ConfigError, NndeskError
from nndesk.runs import MODEL_FILE, Curves, RunRecord, RunStore

#: Seconds between two ``batches_finished`` emissions (coalesced; ~20 per second at most).
BATCH_EMIT_INTERVAL = 0.05
#: Seconds between two ``weights_updated`` snapshots.
SNAPSHOT_INTERVAL = 0.3
#: Interpreter switch interval while training: the GUI thread gets the GIL within ~1 ms.
TRAINING_SWITCH_INTERVAL = 0.001

DatasetProvider = Callable[[str], object]


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


@contextlib.contextmanager
def _leave_a_core_for_the_gui():
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


class _Counter:
    """Batches trained so far in this run; written by the worker, read by anyone (an int)."""

    value = 0


class _LearningRate:
    """A thread-safe 'new learning rate' holder; ``version`` tells the worker a change is new."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._value: float | None = None
        self.version = 0

    def set(self, lr: float) -> None:
        with self._lock:
            self._value = float(lr)
            self.version += 1

    def get(self) -> tuple[float | None, int]:
        with self._lock:
            return self._value, self.version


class TrainingWorker(QObject):
    """Prepares a session, iterates ``train()`` and records the run; lives on the worker thread."""

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
        stop: threading.Event,
        pause: threading.Event,
        lr: _LearningRate,
        resume: str | Path | None = None,
        dataset=None,
        counter: _Counter | None = None,
        closing: threading.Event | None = None,
    ) -> None:
        super().__init__()
        self._closing = closing or threading.Event()
        self._counter = counter or _Counter()
        self._config = config
        self._provider = dataset_provider
        self._store = store
        self._stop, self._pause, self._lr = stop, pause, lr
        self._resume = resume
        self._dataset = dataset
        self._lr_seen = lr.get()[1]
        self._lr_pending: float | None = None
        self._record: RunRecord | None = None

    def _lr_override(self) -> float | None:
        value, version = self._lr.get()
        if version != self._lr_seen:
            self._lr_seen = version
            self._lr_pending = value  # marked on the curve at the next batch report
        return value

    @Slot()
    def run(self) -> None:
        """The whole run; every outcome ends with ``finished``."""
        old_interval = sys.getswitchinterval()
        sys.setswitchinterval(TRAINING_SWITCH_INTERVAL)
        try:
            with _leave_a_core_for_the_gui():
                self._run()
        except NndeskError as err:
            self._fail(str(err))
        except MemoryError:
            self._fail("training ran out of memory; try a smaller network or batch")
        except Exception as err:  # noqa: BLE001 - a worker must report, never die silently
            self._fail(f"training failed: {type(err).__name__}: {err}")
        finally:
            sys.setswitchinterval(old_interval)
            self.finished.emit()

    def _fail(self, message: str) -> None:
        record = self._record
        if record is not None:
            record.status, record.message = "failed", message
            with contextlib.suppress(OSError):
                self._store.save(record)
        self.failed.emit(message)

    def _run(self) -> None:
        from nndesk import training
        from nndesk.inference import Classifier

        config = self._config
        dataset = self._dataset
        if dataset is None:
            name = config.dataset
            if self._resume is not None:  # a resumed model trains on the data it was made for
                from nndesk.nn.serialization import load_model

                saved = load_model(self._resume).info.get("config") or {}
                name = saved.get("dataset", name)
            self.status_changed.emit(f"Loading {name}…")
            dataset = self._provider(name)
        if self._stop.is_set():
            return
        self.status_changed.emit("Preparing the network…")
        session = training.prepare(config, resume=self._resume, dataset=dataset)
        cfg = session.config
        n = len(session.y_train)
        batch_size = n if cfg.full_batch else min(cfg.batch_size, n)
        batches = max(-(-n // max(batch_size, 1)), 1)
        record = self._record = self._store.create(
            cfg.to_dict(), resumed_from=None if self._resume is None else str(self._resume)
        )
        record.curves = Curves.from_history(session.history)
        self.run_started.emit(
            RunStarted(
                run_id=record.run_id,
                title=record.title,
                config=cfg,
                batches_per_epoch=batches,
                batch_size=batch_size,
                first_epoch=session.epochs_done + 1,
                last_epoch=session.epochs_done + cfg.epochs,
                history=Curves.from_history(session.history),
            )
        )
        self.status_changed.emit("Training…")

        pending: list = []
        last_emit = last_snapshot = time.perf_counter()
        ended = None
        for report in training.train(
            session,
            should_stop=self._stop.is_set,
            should_pause=self._pause.is_set,
            lr_override=self._lr_override,
        ):
            if isinstance(report, training.BatchReport):
                if self._lr_pending is not None:
                    x = report.epoch - 1 + (report.batch - 1) / report.batches
                    record.curves.add_lr_change(x, self._lr_pending)
                    self.lr_changed.emit(x, self._lr_pending)
                    self._lr_pending = None
                record.curves.add_batch(report)
                self._counter.value += 1
                pending.append(report)
                now = time.perf_counter()
                if now - last_emit >= BATCH_EMIT_INTERVAL:
                    self.batches_finished.emit(tuple(pending))
                    pending, last_emit = [], now
                if now - last_snapshot >= SNAPSHOT_INTERVAL:
                    self.weights_updated.emit(session.classifier(snapshot=True))
                    last_snapshot = time.perf_counter()
            elif isinstance(report, training.EpochReport):
                if pending:
                    self.batches_finished.emit(tuple(pending))
                    pending = []
                record.curves.add_epoch(report)
                self._store.save(record)  # a crash later still leaves the curves so far
                self.epoch_finished.emit(report)
            else:
                ended = report
        if pending:
            self.batches_finished.emit(tuple(pending))

        self.status_changed.emit("Testing and saving the model…")
        if not self._closing.is_set():  # the window is closing: save, but skip the test pass
            session.evaluate_test()
        path = session.save(record.folder / MODEL_FILE)
        record.model_file = path.name
        record.metrics = dict(session.metrics)
        record.status = ended.reason if ended is not None else "completed"
        record.message = ended.message if ended is not None else ""
        self._store.save(record)
        self.model_ready.emit(Classifier.from_file(path))
        self.run_saved.emit(record)
        self.run_ended.emit(ended)


class TrainingController(QObject):
    """Owns the training thread: start, pause, resume, stop, change the learning rate, shut down.

    ``dataset_provider(name) -> Dataset`` is called on the worker thread (default: the window's
    memoised ``get_dataset``); tests inject a tiny dataset.
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
    ) -> None:
        super().__init__(parent)
        self._provider = dataset_provider or default_dataset_provider
        self.store = store or RunStore()
        self._stop = threading.Event()
        self._pause = threading.Event()
        self._lr = _LearningRate()
        self._thread: QThread | None = None
        self._worker: TrainingWorker | None = None
        self._counter = _Counter()
        self._closing = threading.Event()
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
        return self._pause.is_set()

    @property
    def batches_done(self) -> int:
        """Batches the current (or last) run has trained, counted on the worker thread."""
        return self._counter.value

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
        self._stop.clear()
        self._pause.clear()
        self._closing = threading.Event()
        self._lr = _LearningRate()
        self._counter = _Counter()
        thread = QThread()
        thread.setObjectName("nndesk-training")
        worker = TrainingWorker(
            config,
            self._provider,
            self.store,
            self._stop,
            self._pause,
            self._lr,
            resume,
            dataset,
            self._counter,
            self._closing,
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
        if self.is_running() and not self._pause.is_set():
            self._pause.set()
            self.paused_changed.emit(True)

    def resume(self) -> None:
        """Continue a paused run."""
        if self._pause.is_set():
            self._pause.clear()
            self.paused_changed.emit(False)

    def stop(self) -> None:
        """End the run after the current batch (its model is still saved)."""
        self._stop.set()
        self.resume()

    def set_learning_rate(self, lr: float) -> None:
        """Use ``lr`` from the next batch on (the schedule no longer changes it for this run)."""
        if not (lr > 0 and lr < float("inf")):
            raise ConfigError(f"learning rate must be a positive number; got {lr}")
        self._lr.set(lr)

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Stop and join the worker thread (the window's ``closeEvent``); True once it is gone."""
        thread = self._thread
        if thread is None:
            return True
        self._closing.set()
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
        if self._stop.is_set():
            return
        self._newest_snapshot = classifier
        self._on_snapshot_timer_timeout()

    @Slot()
    def _on_snapshot_timer_timeout(self) -> None:
        if self._newest_snapshot is None or self._stop.is_set():
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
        self._pause.clear()
        self.running_changed.emit(False)
