"""TrainingController: trains off the GUI thread and reports through signals.

One ``TrainingWorker`` (a QObject moved onto a QThread) iterates ``training.train()`` and emits
its frozen reports; it never touches a widget. Batch reports are collected and emitted together
(``worker_thread.Batcher``, at most every ``BATCH_EMIT_INTERVAL`` seconds), and a ``Classifier``
on one copy of the weights (``Session.classifier``) at most every ``SNAPSHOT_INTERVAL`` for live
prediction.

The controller lives on the GUI thread and owns the run's record: its one ``Curves`` store grows
from the worker's reports (the panel draws that same object) and is saved after an epoch at most
every ``RECORD_SAVE_INTERVAL`` seconds (a tiny dataset's hundreds of epochs a second would keep
a disk busy), and always when the run ends. The GUI thread takes the record's content; a
``RecordWriter`` writes it on a thread of its own (an fsync on a slow disk froze the window),
and what says a record is on disk (``run_saved``, the run's lock let go, ``running_changed``
False) waits for its writes.
Stop and pause are Events that ``train()`` polls between two batches (a queued slot would never
run while the worker is busy); a new learning rate waits in ``_Requests`` for the next batch.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, Signal, Slot

from nndesk.controllers.record_writer import RecordWriter
from nndesk.controllers.worker_freeing import join_and_free
from nndesk.controllers.worker_thread import Batcher, RunRequests, WorkerThreadOwner
from nndesk.errors import ConfigError, NndeskError, os_reason, user_message, window_message
from nndesk.evaluation import ScoringStopped
from nndesk.i18n import localised
from nndesk.paths import fallback_model_name, make_model_folder
from nndesk.presets import preset_origin
from nndesk.replay import ReplayRecord
from nndesk.run_curves import Curves
from nndesk.run_record import MODEL_FILE, RUNNING, RunRecord
from nndesk.run_titles import describe_config
from nndesk.runs import RunStore
from nndesk.setting_changes import RATE_FROM_SCHEDULE
from nndesk.setting_words import dataset_text
from nndesk.training import memory
from nndesk.training.internals import InsideRecord

#: Seconds between two weight snapshots for live prediction.
SNAPSHOT_INTERVAL = 0.3
#: Seconds between two writes of a running run's record after an epoch.
RECORD_SAVE_INTERVAL = 2.0

DatasetProvider = Callable[[str], object]


def default_dataset_provider(name: str):
    """The window's memoised loader (``controllers.datasets.get_dataset``)."""
    from nndesk.controllers.datasets import get_dataset

    return get_dataset(name)


def model_fallbacks() -> tuple[Path, ...]:
    """Folders a trained model goes to when its run folder refuses it (``paths``)."""
    from nndesk.paths import model_fallback_dirs

    return model_fallback_dirs()


_LOG = logging.getLogger(__name__)


def _folder_refusal(folder: Path, err: OSError) -> str:
    """Why ``folder`` took no run folder, as the fact: a file in its place (mkdir says only
    "File exists"), else the system's reason ("Read-only file system")."""
    try:
        if folder.exists() and not folder.is_dir():
            return QCoreApplication.translate("TrainingController", "it is a file, not a folder")
    except OSError:
        pass
    return os_reason(err)


def describe_failure(err: BaseException) -> str:
    """The one line a person sees when a run fails."""
    if isinstance(err, NndeskError):
        return window_message(err)
    if isinstance(err, MemoryError):
        return QCoreApplication.translate(
            "TrainingController", "training ran out of memory; try a smaller network or batch"
        )
    reason = user_message(err) if isinstance(err, OSError) else f"{type(err).__name__}: {err}"
    return QCoreApplication.translate("TrainingController", "training failed: {reason}").format(
        reason=reason
    )


def failure_line(err: BaseException) -> str:
    """``describe_failure(err)``, and for an error nndesk did not expect (a bug, not bad input
    or a full disk) its traceback on stderr: the window's one line cannot say where it arose
    (walk63 D1: "SystemError: ... bad argument to internal function", nowhere to look)."""
    if not isinstance(err, NndeskError | MemoryError | OSError):
        _LOG.error("a run failed", exc_info=err)
    return describe_failure(err)


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
    history: tuple[dict, ...]  # per-epoch history the run continues (a resumed model's)
    changes: tuple = ()  # SettingChanges a resumed model's runs made while training
    inside_names: tuple[str, ...] = ()  # the weighted layers the Watcher measures
    inside_start: object = None  # internals.EpochWeights at the start (None: not watched)
    samples: object = None  # uint8 (8, 28, 28): training images for the augmentation preview
    #: replay: whether a weight copy is kept per epoch, and its size in bytes
    replay_weights: bool = False
    weights_bytes: int = 0
    class_names: tuple[str, ...] = ()
    confusion_split: str = "validation"  # where each epoch's confusion matrix is counted
    #: training memory per image of a batch (``memory.batch_bytes``) and the training split's
    #: size: a batch size asked for mid-run is refused when it cannot fit
    image_bytes: int = 0
    train_images: int = 0
    #: a resumed model stopped inside ``first_epoch``: the run goes on part way into it
    inside_first_epoch: bool = False
    #: the rate the schedule gives the first epoch of this run (0: not known). A continued
    #: cosine run starts well below its base rate, and "LR now" showed the base (walk54 D6)
    first_lr: float = 0.0
    #: the epoch the run's schedule counts from (``Session.schedule_from``): 1, or its first
    #: epoch when a Continue runs the schedule again over its own epochs
    schedule_from: int = 1
    #: the parts each batch is split over (``runtime.ThreadPlan.parts``): more than one, the
    #: run holds every core, and the window paces its redraws (``plot_widget.BUSY_REDRAW_MS``)
    parts: int = 1


class _Requests(RunRequests):
    """``RunRequests`` plus what steers a run: settings, steps and slow motion."""

    def __init__(self) -> None:
        super().__init__()
        self.batches_done = 0  # written by the worker only
        #: (epoch, batch, batches in the epoch) of the newest batch trained, and the run's last
        #: epoch: written by the worker, read where it polls ``should_pause``
        self.position: tuple[int, int, int] | None = None
        self.last_epoch = 0
        self._lock = threading.Lock()
        self._settings: dict[str, object] = {}
        self._steps = 0  # batches to train while paused ("Step", "+1 epoch")
        #: "To epoch end" asked and not yet counted in batches: the worker counts them where it
        #: polls, from the batch it trained last. Counted on the GUI thread from the newest
        #: batch shown, a press while a Step's batch was not yet shown trained one batch into
        #: the next epoch (and the last epoch's end no longer held)
        self._to_epoch_end = False
        #: seconds to wait after each batch ("slow motion"); 0: full speed
        self.delay = 0.0

    def step(self, batches: int) -> None:
        with self._lock:
            self._steps += batches

    def step_to_epoch_end(self) -> None:
        """Let the rest of this epoch through (a whole one when held at an epoch's start)."""
        with self._lock:
            self._to_epoch_end = True

    def steps_left(self) -> int:
        """Batches a Step or "To epoch end" still lets through while paused (1 for a "To epoch
        end" not yet counted)."""
        with self._lock:
            return self._steps + int(self._to_epoch_end)

    def _count_to_epoch_end(self) -> None:
        """The batches a "To epoch end" lets through, counted from the batch trained last
        (none when that was the run's last: nothing is left to train to the end of)."""
        self._to_epoch_end = False
        if self.position is None:
            return
        epoch, batch, batches = self.position
        # a Step's batches not yet trained are part of the way to the epoch's end
        if batch < batches:
            self._steps = max(self._steps, batches - batch)
        elif epoch < self.last_epoch:
            self._steps = max(self._steps, batches)

    def should_pause(self) -> bool:
        """``train``'s ``should_pause``: paused, unless a step lets one more batch through."""
        if not self.pause.is_set():
            return False
        with self._lock:
            if self._to_epoch_end:
                self._count_to_epoch_end()
            if self._steps > 0:
                self._steps -= 1
                return False
        return True

    def set_settings(self, values: dict) -> None:
        with self._lock:
            # a rate set by hand and the schedule given the rate back: the one sent last holds
            if "lr" in values:
                self._settings.pop(RATE_FROM_SCHEDULE, None)
            if RATE_FROM_SCHEDULE in values:
                self._settings.pop("lr", None)
            self._settings.update(values)

    def take_settings(self) -> dict:
        """The live settings asked for since the last call (``train``'s ``steer``)."""
        with self._lock:
            values, self._settings = self._settings, {}
        return values


class TrainingWorker(QObject):
    """Prepares, trains, tests and saves one run on the worker thread; reports by signals."""

    status_changed = Signal(str)  # one line: "Loading fashion…", "Saving the model…"
    run_started = Signal(object)  # RunStarted
    batches_finished = Signal(object)  # tuple[BatchReport, ...], every batch since the last one
    epoch_finished = Signal(object)  # EpochReport, after validation
    #: (epoch, Classifier on a copy of the weights at its end) for the replay; small nets only,
    #: sent just before that epoch's ``epoch_finished``
    epoch_weights = Signal(int, object)
    lr_changed = Signal(float, float)  # (position in epochs, new rate) at its first batch
    setting_changed = Signal(object)  # SettingChange, at the first batch that used it
    weights_updated = Signal(object)  # Classifier on a copy of the current weights
    run_ended = Signal(object)  # RunEnded: the loop is over; the test pass and saving follow
    model_saved = Signal(object, object)  # (Classifier of the saved model, metrics dict)
    ended_unsaved = Signal()  # the run diverged: no test pass, no model saved
    saved_elsewhere = Signal(str, str, str)  # (run folder, reason, where the model went)
    # one-line reason, and the DataOffer the error carried (its dataset missing or a file of
    # it damaged: the page's banner offers the download) or None
    failed = Signal(str, object)
    finished = Signal()  # always last, whatever happened

    def __init__(
        self,
        config,
        requests: _Requests,
        run_id: str,
        model_path: Path,
        dataset_provider: DatasetProvider,
        resume: str | Path | None = None,
        dataset=None,
        watch: bool = True,
        fallbacks: tuple[Path, ...] = (),
        restart_schedule: bool = False,
    ) -> None:
        super().__init__()
        self._fallbacks = fallbacks
        self._restart_schedule = restart_schedule
        self._config = config
        self._requests = requests
        self._run_id = run_id
        self._model_path = model_path
        self._provider = dataset_provider
        self._resume = resume
        self._dataset = dataset
        self._watch = watch

    @Slot()
    def run(self) -> None:
        """The whole run; every outcome ends with ``finished``."""
        try:
            self._run()
        except BaseException as err:  # noqa: BLE001 - a worker must report, never die silently
            self.failed.emit(failure_line(err), getattr(err, "offer", None))
        finally:
            self.finished.emit()

    def _run(self) -> None:
        from nndesk.training.process_split import started_early

        # the run's helper processes, if its batches will be split over them, start while the
        # dataset loads and the network is built; those the run does not take end with the block
        with started_early(self._config):
            trained = self._train()
        if trained is None:  # stopped before it began
            return
        session, ended = trained
        self.run_ended.emit(ended)
        if ended.reason == "diverged":
            # as the CLI's: its weights are those its loss blew up from, answering every drawing
            # alike. Its record and curves are kept; no test pass, no model file (walk53 #2)
            self.ended_unsaved.emit()
            return
        closing = self._requests.closing.is_set
        try:  # a window quitting meanwhile gives up the rest: its model is saved untested
            if not closing():
                self.status_changed.emit(
                    QCoreApplication.translate("TrainingController", "Testing the model…")
                )
                session.evaluate_test(should_stop=closing)
                self.status_changed.emit(
                    QCoreApplication.translate(
                        "TrainingController", "Calibrating the probabilities…"
                    )
                )
                session.calibrate(should_stop=closing)
        except ScoringStopped:
            pass
        self.status_changed.emit(
            QCoreApplication.translate("TrainingController", "Saving the model…")
        )
        path = self._save(session)
        # the run is over: the saved model is handed over as it is, without another copy
        final = session.classifier(snapshot=False, path=path)
        self.model_saved.emit(final, dict(session.metrics))

    def _train(self):
        """Load the data, prepare the session and train it: ``(session, RunEnded)``, or None
        when a stop came before training began."""
        from nndesk import training
        from nndesk.training import runtime
        from nndesk.training.internals import Watcher

        requests = self._requests
        loaded = None
        if self._resume is not None:  # read once: prepare() takes it as it is
            from nndesk.nn.serialization import load_model

            loaded = load_model(self._resume)
        dataset = self._dataset
        if dataset is None:
            name = self._config.dataset
            if loaded is not None:  # a resumed model trains on the data it was made for
                name = (loaded.info.get("config") or {}).get("dataset", name)
            self.status_changed.emit(
                QCoreApplication.translate("TrainingController", "Loading {name}…").format(
                    name=dataset_text(name)  # "Fashion-MNIST", not the setting's "fashion"
                )
            )
            dataset = self._provider(name)
        if requests.stop.is_set():
            return None
        self.status_changed.emit(
            QCoreApplication.translate("TrainingController", "Preparing the network…")
        )
        session = training.prepare(
            self._config, resume=loaded, dataset=dataset, restart_schedule=self._restart_schedule
        )
        cfg = session.config
        n = len(session.y_train)
        batch_size = n if cfg.full_batch else min(cfg.batch_size, n)
        # weights part way into an epoch are that epoch's, as a sampled batch's are labelled
        start_epoch = session.epochs_done + (1 if session.partial is not None else 0)
        start_batch = session.partial[1].batches if session.partial is not None else 0
        watcher = (
            Watcher(session.model, start_epoch=start_epoch, start_batch=start_batch)
            if self._watch
            else None
        )
        from nndesk.replay import keeps_weights

        params = session.model.param_count()
        replay_weights = keeps_weights(params, cfg.epochs)
        requests.last_epoch = session.epochs_done + cfg.epochs
        batches_per_epoch = max(-(-n // max(batch_size, 1)), 1)
        # the batch before the run's first, where a "To epoch end" pressed while held at the
        # start counts from (it did nothing there: no batch was trained yet, walk69 D9)
        requests.position = (
            (start_epoch, start_batch, batches_per_epoch)
            if session.partial is not None
            else (session.epochs_done, batches_per_epoch, batches_per_epoch)
        )
        self.run_started.emit(
            RunStarted(
                run_id=self._run_id,
                title=describe_config(cfg.to_dict()),
                config=cfg,
                batches_per_epoch=batches_per_epoch,
                batch_size=batch_size,
                first_epoch=session.epochs_done + 1,
                last_epoch=requests.last_epoch,
                inside_first_epoch=session.partial is not None,
                history=tuple(dict(h) for h in session.history),
                changes=tuple(session.changes),
                inside_names=tuple(watcher.names) if watcher else (),
                inside_start=watcher.start if watcher else None,
                samples=np.asarray(dataset.train_images[:8], dtype=np.uint8).copy(),
                replay_weights=replay_weights,
                weights_bytes=4 * params,
                image_bytes=memory.batch_bytes(session.model, 1),
                train_images=n,
                class_names=tuple(session.class_names),
                confusion_split="validation" if len(session.y_val) else "training",
                first_lr=session.rate_at(session.epochs_done + 1),
                schedule_from=session.schedule_from,
                parts=session.thread_plan().parts,
            )
        )
        self.status_changed.emit(QCoreApplication.translate("TrainingController", "Training…"))

        # a run over every core hears of its batches less often: the GUI's work shares its cores
        batches = Batcher(
            self.batches_finished.emit,
            busy=session.thread_plan().parts > 1,
            taken=lambda: requests.groups_taken,
        )

        def should_pause() -> bool:
            # held: every batch trained is shown, a report kept back for a busy GUI thread too
            paused = requests.should_pause()
            if paused:
                batches.flush()
            return paused

        last_snapshot = time.perf_counter()
        ended = None
        with runtime.beside_the_gui():
            for report in training.train(
                session,
                requests.stop.is_set,
                should_pause,
                steer=requests.take_settings,
                watch=watcher,
            ):
                if isinstance(report, training.BatchReport):
                    requests.batches_done += 1
                    requests.position = (report.epoch, report.batch, report.batches)
                    if report.notice:  # once a run: its helper process was lost
                        self.status_changed.emit(localised(report.notice))
                    if report.changes:  # the curves mark each change at this batch
                        batches.flush()
                        for change in report.changes:
                            self.setting_changed.emit(change)
                            if change.name == "lr":
                                self.lr_changed.emit(change.x, float(change.value))
                    batches.add(report)
                    if requests.delay > 0 or requests.pause.is_set():
                        # slow motion or stepping: every batch on screen before the wait
                        batches.flush()
                        if requests.delay > 0:
                            requests.stop.wait(requests.delay)  # a stop ends the wait at once
                    now = time.perf_counter()
                    if now - last_snapshot >= SNAPSHOT_INTERVAL and not requests.stop.is_set():
                        self.weights_updated.emit(session.classifier(snapshot=True))
                        last_snapshot = time.perf_counter()
                elif isinstance(report, training.EpochReport):
                    batches.flush()
                    if replay_weights:
                        self.epoch_weights.emit(report.epoch, session.classifier(snapshot=True))
                    self.epoch_finished.emit(report)
                else:
                    ended = report
        batches.flush()
        return session, ended

    def _save(self, session) -> Path:
        """Write the model into the run folder or, if that fails (disk full, read-only), into the
        first of the fallback folders that takes it, so the training is never lost."""
        try:
            return session.save(self._model_path)
        except OSError as err:
            first = err
        reason = os_reason(first)
        for folder in self._fallbacks:
            try:
                make_model_folder(folder)
                saved = session.save(folder / fallback_model_name(self._run_id))
            except OSError:
                continue
            self.saved_elsewhere.emit(str(self._model_path.parent), reason, str(saved))
            return saved
        tried = ", ".join(str(f) for f in self._fallbacks)
        raise OSError(
            first.errno,
            f"could not save the model in its run folder {self._model_path.parent} ({reason}), "
            f"nor in {tried}",
        )


def run_curves_of(model_path: str | Path) -> Curves | None:
    """The curves, batch for batch, of the run whose folder holds ``model_path`` (its
    ``run.json``), or None: a file outside a run folder, a record that cannot be read, or one
    without batches. A model file's own history is per epoch: Runs > Use model left the Live
    batch plot empty (verify65)."""
    from nndesk.run_record import RUN_FILE, read_record

    path = Path(model_path)
    if path.name != MODEL_FILE or not (path.parent / RUN_FILE).is_file():
        return None
    try:
        curves = read_record(path.parent).curves
    except (NndeskError, OSError, ValueError):
        return None  # the model opens all the same, with its per-epoch history
    return curves if curves.batch_x else None


class _ModelReader(QObject):
    """Reads model files on its own thread for the Train page (a large one takes a second),
    and the curves of the run that made one (``run_curves_of``)."""

    #: (token, Classifier | None, one-line error | None, its run's Curves | None)
    read = Signal(int, object, object, object)

    @Slot(int, str)
    def read_file(self, token: int, path: str) -> None:
        from nndesk.inference import Classifier

        try:
            classifier = Classifier.from_file(path)
        except NndeskError as err:  # the message already names the file
            self.read.emit(token, None, user_message(err), None)
            return
        except Exception as err:  # noqa: BLE001 - one line for the user, never a dead thread
            self.read.emit(token, None, f"{path}: cannot open model ({type(err).__name__})", None)
            return
        self.read.emit(token, classifier, None, run_curves_of(path))


class TrainingController(QObject, WorkerThreadOwner):
    """Owns the training run: start, pause, resume, stop, change the learning rate, shut down.

    ``dataset_provider(name) -> Dataset`` is called on the worker thread (default: the window's
    memoised ``get_dataset``); tests inject a tiny dataset. ``curves`` is the current (or last)
    run's one store of curves; ``record`` its entry in the run history.
    """

    status_changed = Signal(str)  # one line for a status label
    run_started = Signal(object)  # RunStarted; ``curves`` now holds the run's history
    batch_finished = Signal(object)  # the newest BatchReport (at most ~20 a second, 4 split)
    batches_finished = Signal(object)  # tuple[BatchReport, ...]: every batch, in order
    epoch_finished = Signal(object)  # EpochReport, after validation
    lr_changed = Signal(float, float)  # (position in epochs, new rate) once the worker applied it
    setting_changed = Signal(object)  # SettingChange (the rate too) once the worker applied it
    weights_updated = Signal(object)  # Classifier snapshot, at most every ~300 ms
    run_ended = Signal(object)  # RunEnded ("completed" | "stopped" | "diverged"); saving follows
    #: Classifier of the saved final model, after a run that did not diverge: the one to use
    #: (a run that diverged saves no model, as the CLI's: its record alone is ``run_saved``)
    model_ready = Signal(object)
    #: (run folder, reason, where the model went): the run folder refused the model
    saved_elsewhere = Signal(str, str, str)
    #: (runs folder, why it refused a run folder, the file the model will be saved as): the run
    #: trains all the same, its record in memory only (walk52 D4: the window refused to train)
    run_folder_refused = Signal(str, str, str)
    record_unsaved = Signal(str, str)  # (run folder, reason): its record could not be written, once
    run_saved = Signal(object)  # RunRecord now in the history, with its model file (if any)
    # one-line reason (the run is over), and the DataOffer the worker's error carried (the
    # run's dataset missing, or a file of it damaged) or None
    failed = Signal(str, object)
    running_changed = Signal(bool)  # True when a run starts, False once its thread is gone
    paused_changed = Signal(bool)  # pause / resume requested
    model_opened = Signal(object)  # Classifier read by ``open_model`` (the newest request)
    model_failed = Signal(str)  # one line naming a file ``open_model`` could not read
    _model_requested = Signal(int, str)  # (token, path), queued to the reader's thread

    def __init__(
        self,
        dataset_provider: DatasetProvider | None = None,
        store: RunStore | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._provider = dataset_provider or default_dataset_provider
        self.store = store or RunStore()
        self.curves = Curves()
        self.record: RunRecord | None = None
        #: the model file the last run wrote: in its run folder, or where the fallback put it
        self.model_path: Path | None = None
        self._model_path_before: Path | None = None  # the last run's, while one starts
        self._record_problem: str | None = None
        self._record_saved_at = -RECORD_SAVE_INTERVAL  # time.monotonic() of the last write
        self._record_unsaved = False  # epochs arrived since
        # run.json off the GUI thread (``store.write`` looked up at each write: tests wrap it)
        self._writes = RecordWriter(lambda folder, content: self.store.write(folder, content), self)
        self._writes.failed.connect(self._on_writes_failed)
        self._ending = False  # the worker is gone; the record's last writes are not yet in
        self._quiet_writes = False  # a failed run's record: its failure is what is said
        # the run has ended and its model is being tested and saved: its record says
        # "running" on disk until the model and its metrics are in, written with how it ended
        # in one write (walk60 D11: "completed" stood 0.1 s without a model, and another
        # window listed it so)
        self._model_due = False
        self._requests = _Requests()
        self._thread: QThread | None = None
        self._worker: TrainingWorker | None = None
        self._seed_curves: Curves | None = None
        self._started = False
        self._last_batch = None  # the newest BatchReport
        self._last_epoch = 0  # the run's last epoch (``RunStarted.last_epoch``)
        #: whether runs measure their inside (gradient norms, dead units, weights by epoch)
        self.watch_inside = True
        #: the current (or last) run's inside, grown from the worker's reports
        self.inside = InsideRecord()
        #: the current (or last) run's per-epoch records for the replay
        self.replay = ReplayRecord()
        #: every run of this window by id: the latest one's record (``replay``) and the earlier
        #: ones' confusion matrices (their weight copies are let go when a later run starts)
        self._replays: dict[str, ReplayRecord] = {}
        self._epoch_weights: dict[int, object] = {}
        self._slow_motion = 0.0
        #: the settings the running run started with (``RunStarted.config``), or None
        self.run_config = None
        self._image_bytes = self._train_images = 0  # RunStarted's, for batch sizes asked mid-run
        self._reader_thread: QThread | None = None
        self._reader: _ModelReader | None = None
        self._model_token = 0
        #: the curves of the run whose model ``model_opened`` gave last (``run_curves_of``)
        self.opened_curves: Curves | None = None

    # -- state ---------------------------------------------------------------------------------
    def is_running(self) -> bool:
        """True from ``start`` until ``running_changed(False)``: the worker's thread, then the
        run's last record writes."""
        return self._thread is not None or self._ending

    def read_dataset(self, name: str):
        """The dataset ``name`` from the provider runs use (blocking, memoised by the window's
        provider: call it off the GUI thread; raises as the provider does)."""
        return self._provider(name)

    def is_stopping(self) -> bool:
        """True once Stop was asked for, until the run's thread is gone."""
        return self.is_running() and self._requests.stop.is_set()

    def replay_of(self, run_id: str) -> ReplayRecord | None:
        """The replay record of this window's run ``run_id`` (None: a run not trained in this
        window since it opened, or one that never started)."""
        return self._replays.get(run_id)

    def kept_replays(self) -> dict:
        """Every run's replay record by id (a window rebuilt in another language takes them)."""
        return dict(self._replays)

    def take_replays(self, replays: dict) -> None:
        """Take over ``kept_replays`` of the controller this one replaces."""
        self._replays = dict(replays)

    @property
    def record_problem(self) -> str | None:
        """Why the current (or last) run's record could not be written, once it could not
        (its ``run.json`` on disk is behind what ``record`` holds), else None."""
        return self._record_problem

    @property
    def batches_done(self) -> int:
        """Batches the current (or last) run has trained."""
        return self._requests.batches_done

    @property
    def last_batch(self):
        """The newest ``BatchReport`` of the current (or last) run, or None before its first."""
        return self._last_batch

    @property
    def thread(self) -> QThread | None:
        """The running training thread, or None."""
        return self._thread

    # -- commands ------------------------------------------------------------------------------
    def start(
        self,
        config,
        resume: str | Path | None = None,
        dataset=None,
        curves: Curves | None = None,
        started_from: str = "",
        restart_schedule: bool = False,
    ) -> None:
        """Start training ``config`` (a TrainConfig) on a new thread; returns at once.

        ``resume``: a model file whose training continues (its history too); ``curves``: that
        model's run curves, continued batch for batch (default: its per-epoch history).
        ``dataset``: use this ready Dataset instead of asking the provider. ``started_from``:
        the preset the settings were chosen from and then edited ("" when none): the run's
        record names the preset it comes from (``presets.preset_origin``).
        ``restart_schedule``: its schedule runs again over this run's epochs from
        ``config.lr`` (``training.prepare``). Raises
        ``ConfigError`` if a run is going or ``config`` is invalid.
        """
        if self.is_running():
            raise ConfigError("a training run is already going; stop it first")
        config.validate()
        resumed_from = None if resume is None else str(resume)
        origin = preset_origin(config, started_from)
        refused = None  # (runs folder, why): the run trains without a folder of its own
        try:
            # the folder and its lock here (a refusal is said now), its first run.json on the
            # record's writer thread (an fsync: ~45 ms of the first Train click's block)
            self.record = self.store.create(
                config.to_dict(), resumed_from=resumed_from, write_first=False, preset=origin
            )
            out = self.record.folder / MODEL_FILE
            self._writes.save(self.record.folder, self.record.to_dict())
        except OSError as err:  # as the CLI does: train, and save the model where it can go
            refused = (str(self.store.root), _folder_refusal(self.store.root, err))
            self.record, out = self._record_without_folder(config, resumed_from, refused[1], origin)
        # the last run's model stays the last one until this run has started
        self._model_path_before, self.model_path = self.model_path, None
        # a run without a folder has no record to write: said once, now, with where its model goes
        self._record_problem = None if refused is None else refused[1]
        self._quiet_writes = False
        self._model_due = False
        self.curves = Curves()
        self._seed_curves = curves
        self._started = False
        self.run_config = None
        self._requests = _Requests()
        worker = TrainingWorker(
            config,
            self._requests,
            self.record.run_id,
            out,
            self._provider,
            resume,
            dataset,
            fallbacks=model_fallbacks(),
            watch=self.watch_inside,
            restart_schedule=restart_schedule and resume is not None,
        )
        self._requests.delay = self._slow_motion
        self._last_batch = None
        # worker -> controller: queued, so every slot below runs on the GUI thread
        worker.status_changed.connect(self.status_changed)
        worker.run_started.connect(self._on_worker_run_started)
        worker.batches_finished.connect(self._on_worker_batches_finished)
        worker.epoch_finished.connect(self._on_worker_epoch_finished)
        worker.epoch_weights.connect(self._on_worker_epoch_weights)
        worker.lr_changed.connect(self.lr_changed)
        worker.setting_changed.connect(self._on_worker_setting_changed)
        worker.weights_updated.connect(self._on_worker_weights_updated)
        worker.run_ended.connect(self._on_worker_run_ended)
        worker.model_saved.connect(self._on_worker_model_saved)
        worker.ended_unsaved.connect(self._on_worker_ended_unsaved)
        worker.saved_elsewhere.connect(self.saved_elsewhere)
        worker.failed.connect(self._on_worker_failed)
        self._worker = worker
        self._start_worker_thread(worker, "nndesk-training")
        if refused is not None:
            self.run_folder_refused.emit(*refused, str(out))

    def _record_without_folder(
        self, config, resumed_from: str | None, reason: str, origin=None
    ) -> tuple[RunRecord, Path]:
        """The runs folder refused a run's folder (read-only, a file in its place): the run's
        record, kept in memory only, and the file its model will be saved as, in the first
        fallback folder that takes files (``nndesk-<run id>.npz``: ``nndesk models``, Open
        model and ``evaluate <run id>`` find it). Raises ``ConfigError`` when none does."""
        from nndesk.fileio import check_writable

        record = RunStore.unsaved_record(
            self.store.root, config.to_dict(), resumed_from, preset=origin
        )
        tried = []
        for folder in model_fallbacks():
            try:
                make_model_folder(folder)
                out = check_writable(folder / fallback_model_name(record.run_id))
            except OSError as err:
                tried.append(f"{folder} ({os_reason(err)})")
                continue
            return record, out
        raise ConfigError(
            f"cannot make a run folder in {self.store.root} ({reason}), nor save a model in "
            + "; ".join(tried)
        )

    def step(self) -> None:
        """Paused: train one batch, then pause again."""
        if self.is_paused():
            self._requests.step(1)

    def held_at_the_end(self) -> bool:
        """Paused after the run's last batch: every epoch trained, the run holds until Resume
        (or a Step, or Stop) lets it end, tested and saved."""
        last, config = self._last_batch, self.run_config
        if not self.is_paused() or last is None or config is None:
            return False
        at_end = last.batch == last.batches and last.epoch == self._last_epoch
        return at_end and self._requests.steps_left() == 0

    def running_to_epoch_end(self) -> bool:
        """Paused, yet training on: "To epoch end" lets the rest of the epoch through (the
        page said "Paused" while batches ran, walk55 D12)."""
        return self.is_paused() and self._requests.steps_left() > 0

    def step_epoch(self) -> None:
        """Paused: train to the end of this epoch (a whole one when paused at its start, the
        run's first batch too: the worker counts the batches once it knows them); held at the
        end of the run's last epoch, there is none left: nothing happens."""
        if not self.is_paused() or self.held_at_the_end():
            return
        self._requests.step_to_epoch_end()

    def set_slow_motion(self, seconds: float) -> None:
        """Wait ``seconds`` after every batch (0: full speed), in the training thread."""
        if not (0 <= seconds <= 10):
            raise ConfigError(f"slow motion takes 0 to 10 seconds per batch; got {seconds}")
        self._slow_motion = self._requests.delay = float(seconds)

    def slow_motion(self) -> float:
        """The seconds waited after every batch (0: full speed)."""
        return self._slow_motion

    def set_learning_rate(self, lr: float) -> None:
        """Use ``lr`` from the next batch on (the schedule no longer changes it for this run)."""
        from nndesk.setting_changes import steer_problem

        reason = steer_problem(self.run_config, "lr", lr)
        if reason is not None:
            raise ConfigError(reason)
        self._requests.set_settings({"lr": float(lr)})

    def resume_schedule(self) -> None:
        """Give the learning rate back to the run's schedule from the next batch on: its rate
        for that epoch, and its turns after (a rate set by hand had stopped it)."""
        if self.run_config is None or not self.is_running():
            raise ConfigError("no run is training")
        self._requests.set_settings({RATE_FROM_SCHEDULE: True})

    def change_settings(self, values: dict) -> None:
        """Change live settings of the running run (``settings_schema``'s ``live`` fields):
        from the next batch on, a batch size from the next epoch. Raises ``ConfigError`` with
        the first refused one (nothing is sent then)."""
        from nndesk.setting_changes import steer_problem

        config = self.run_config
        if config is None or not self.is_running():
            raise ConfigError("no run is training")
        for name, value in values.items():
            reason = steer_problem(config, name, value)
            if reason is None and name == "batch_size" and self._image_bytes:
                size = int(value) or self._train_images  # 0: the whole split
                reason = memory.refusal(self._image_bytes * size, size)
            if reason is not None:
                raise ConfigError(reason)
        self._requests.set_settings(dict(values))

    def open_model(self, path: str | Path) -> None:
        """Read a model file off the GUI thread; emits ``model_opened`` or ``model_failed`` for
        the newest request only (an older one still being read is superseded)."""
        if self._reader_thread is None:
            thread = QThread(self)
            thread.setObjectName("nndesk-model-reader")
            reader = _ModelReader()
            reader.moveToThread(thread)
            self._model_requested.connect(reader.read_file)
            reader.read.connect(self._on_reader_read)
            self._reader_thread, self._reader = thread, reader
            thread.start()
        self._model_token += 1
        self._model_requested.emit(self._model_token, str(path))

    @Slot(int, object, object)
    def _on_reader_read(self, token: int, classifier, error, curves) -> None:
        if token != self._model_token:
            return  # another file was asked for meanwhile
        if error is not None:
            self.model_failed.emit(error)
        else:
            self.opened_curves = curves
            self.model_opened.emit(classifier)

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Stop and join the worker threads (the window's ``closeEvent``); True once gone."""
        reader_thread, self._reader_thread = self._reader_thread, None
        if reader_thread is not None:  # worker_freeing: the reader is not freed by deleteLater
            join_and_free(reader_thread, self._reader, timeout_ms)
        done = self._stop_and_wait(timeout_ms)
        if done and self._thread is not None:
            # the worker's last signals are still queued for this (blocked) thread: take them
            # now, so the run's record is completed before the window goes
            QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
            self._on_thread_finished()
        # the record's writes asked so far are on disk before the window goes
        written = self._writes.finish(timeout_ms / 1000)
        return done and written

    # -- slots ---------------------------------------------------------------------------------
    @Slot(object)
    def _on_worker_run_started(self, run: RunStarted) -> None:
        record = self.record
        self._started = True
        self.run_config = run.config
        self._last_epoch = run.last_epoch
        self._image_bytes, self._train_images = run.image_bytes, run.train_images
        if self._seed_curves is not None and self._seed_curves.epochs == [
            int(h.get("epoch", i)) for i, h in enumerate(run.history, start=1)
        ]:
            self.curves = copy.deepcopy(self._seed_curves)  # the run it continues, batch for batch
        else:
            self.curves = Curves.from_history(list(run.history))
            self.curves.changes = list(run.changes)
        record.curves = self.curves
        record.schedule_from = run.schedule_from if run.schedule_from > 1 else None
        self.inside = InsideRecord(list(run.inside_names), [], run.inside_start, [])
        self.replay = ReplayRecord(
            class_names=tuple(run.class_names),
            split=run.confusion_split,
            bytes_per_epoch=run.weights_bytes if run.replay_weights else 0,
            weights_kept=run.replay_weights,
            preset=record.preset,
        )
        for run_id, kept in self._replays.items():
            if kept.weights_kept:
                self._replays[run_id] = kept.without_weights()
        self._replays[record.run_id] = self.replay
        self._epoch_weights = {}
        record.config = run.config.to_dict()
        record.title = run.title
        self._save_record()
        self.run_started.emit(run)

    @Slot(object)
    def _on_worker_batches_finished(self, reports: tuple) -> None:
        try:
            for report in reports:
                self.curves.add_batch(report)
                if report.inside is not None:
                    self.inside.samples.append(report.inside)
            if reports:
                self._last_batch = reports[-1]
            self.batches_finished.emit(reports)
            if reports:
                self.batch_finished.emit(reports[-1])
        finally:  # handled, the page drawn from it: the worker may send the next group
            self._requests.groups_taken += 1

    @Slot(int, object)
    def _on_worker_epoch_weights(self, epoch: int, classifier) -> None:
        self._epoch_weights[epoch] = classifier

    @Slot(object)
    def _on_worker_epoch_finished(self, report) -> None:
        self.curves.add_epoch(report)
        if report.weights is not None:
            self.inside.epochs.append(report.weights)
        self.replay.add(report.epoch, report.confusion, self._epoch_weights.pop(report.epoch, None))
        # a crash later still leaves the curves so far (up to the last save)
        self._record_unsaved = True
        if time.monotonic() - self._record_saved_at >= RECORD_SAVE_INTERVAL:
            self._save_record()
        self.epoch_finished.emit(report)

    @Slot(object)
    def _on_worker_setting_changed(self, change) -> None:
        self.curves.add_change(change)
        self.setting_changed.emit(change)

    @Slot(object)
    def _on_worker_weights_updated(self, classifier) -> None:
        if not self._requests.stop.is_set():
            self.weights_updated.emit(classifier)

    @Slot(object)
    def _on_worker_run_ended(self, ended) -> None:
        self.record.status, self.record.message = ended.reason, ended.message
        if ended.reason == "diverged":
            self.curves.add_diverged(ended)  # the loss that ended it, kept in the run's curves
        # its last epochs now; how it ended once its model is saved (``_model_due``), but at
        # once for a diverged run, which saves none
        self._model_due = ended.reason != "diverged"
        self._save_record()
        self.run_ended.emit(ended)

    @Slot(object, object)
    def _on_worker_model_saved(self, classifier, metrics: dict) -> None:
        record = self.record
        self.model_path = Path(classifier.path)
        if self.model_path == record.folder / MODEL_FILE:
            record.model_file = MODEL_FILE
        else:  # a record names only a file in its own folder; the message says where it went
            record.elsewhere = self.model_path
            record.message = f"{record.message}; model saved to {self.model_path}".lstrip("; ")
        record.metrics = dict(metrics)
        self._model_due = False  # how it ended, its model and its metrics: in one write
        self._save_record()
        self.model_ready.emit(classifier)
        self._writes.after(lambda: self.run_saved.emit(record))  # in the history: on disk

    @Slot()
    def _on_worker_ended_unsaved(self) -> None:
        """A run that diverged: its record (curves, how it ended) is in the history without a
        model; the model before the run keeps answering. Its record was written as it ended
        (``_on_worker_run_ended``): once that write is in, it is listed."""
        record = self.record
        self._writes.after(lambda: self.run_saved.emit(record))  # in the history: on disk

    def _save_record(self) -> None:
        """Write the run's record; a folder that refuses it (disk full, read-only) does not stop
        the run: the record stays in memory and ``record_unsaved`` says so once."""
        self._record_saved_at = time.monotonic()
        self._record_unsaved = False
        content = self.record.to_dict()
        if self._model_due:
            content["status"] = RUNNING  # a crash now leaves an interrupted run, not a
            # completed one without its model
        self._writes.save(self.record.folder, content)

    @Slot(object, object)
    def _on_writes_failed(self, folder: Path, err: OSError) -> None:
        record = self.record
        if record is None or folder != record.folder:
            return  # an earlier run's, ended: said then, if it was to be said
        if self._record_problem is None and not self._quiet_writes:
            self._record_problem = os_reason(err)
            self.record_unsaved.emit(str(folder), self._record_problem)

    @Slot(str, object)
    def _on_worker_failed(self, message: str, offer: object) -> None:
        self._end_record(message)
        self.failed.emit(message, offer)

    def _end_record(self, failure: str | None) -> None:
        """A run that trained nothing leaves no record; one that failed later says so."""
        record = self.record
        if record is None or record.model_file is not None:
            return
        if not self._started:
            # after its first run.json is written (the writer would make the folder again)
            self._writes.after(lambda: self._forget_run(record))
            self.record = None
            self.model_path = self._model_path_before  # a run that never started
        elif failure is not None:
            record.status, record.message = "failed", failure
            self._model_due = False  # none will come
            # its end written as it can be, in silence: the failure is what is said
            self._quiet_writes = True
            self._writes.save(record.folder, record.to_dict())
            self._writes.after(record.release_lock)

    def _forget_run(self, record: RunRecord) -> None:
        """Delete the folder of a run that never started (it trained nothing)."""
        record.release_lock()  # first: Windows removes no file that is open
        with contextlib.suppress(OSError, NndeskError):
            self.store.delete(record.run_id, permanent=True)

    @Slot()
    def _on_thread_finished(self) -> None:
        if not self._join_worker_thread():
            return
        self._worker = None
        if self._model_due and self.record is not None:
            self._model_due = False  # no model came (its saving failed): how it ended, as is
            self._record_unsaved = True
        if self._record_unsaved and self.record is not None:
            self._save_record()  # epochs after the last write (a run that ended without a model)
        self._end_record(None)  # stopped before the data was ready
        self._requests.pause.clear()
        self._ending = True
        self._writes.after(lambda record=self.record: self._on_writes_ended(record))

    def _on_writes_ended(self, record: RunRecord | None) -> None:
        if record is not None:  # its end is written (or cannot be): it trains no more
            record.release_lock()
        self._ending = False
        self.running_changed.emit(False)
