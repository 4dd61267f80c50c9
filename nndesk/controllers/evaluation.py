"""Evaluation and dataset summaries off the GUI thread.

One ``JobRunner`` owns one QThread and a worker QObject living on it. A job is a plain function
``fn(progress) -> result`` (Qt-free, testable without Qt); the runner reports its progress, result
or one-line error through queued signals. A new request while a job runs cancels the running one
at its next progress call and keeps only the newest request, so a burst of ``set_classifier``
calls after training ends evaluates once, for the last model.
"""

from __future__ import annotations

import copy
import dataclasses
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from nndesk.controllers.worker_freeing import join_and_free
from nndesk.data.registry import dataset_words
from nndesk.errors import DataError, NndeskError, window_message
from nndesk.evaluation import EvaluationResult, evaluate, summarise_dataset
from nndesk.fileio import stamp
from nndesk.late_test import record_late_test, untested
from nndesk.paths import runs_dir

#: name -> nndesk.data.Dataset (blocking; called on the worker thread)
DatasetProvider = Callable[[str], Any]
Job = Callable[[Callable[[int, int], None]], Any]

#: evaluations kept for models no longer current, so switching back is instant (each holds its
#: test images and outputs: about 9 MB for 10,000 images)
RECENT_EVALUATIONS = 3


def model_file_key(classifier: Any) -> tuple[str, tuple[int, int, int, int]] | None:
    """Which file, and which version of it, ``classifier`` was read from (its path and
    ``fileio.stamp``); None for a model that has no file (then it is evaluated again when
    chosen again)."""
    path = getattr(classifier, "path", None)
    version = stamp(path) if path is not None else None
    return None if version is None else (os.path.realpath(path), version)


def default_provider(name: str) -> Any:
    """The window's memoised loader (``controllers.datasets.get_dataset``)."""
    from nndesk.controllers.datasets import get_dataset

    return get_dataset(name)


def browsable_provider(name: str) -> Any:
    """The Dataset page's: ``controllers.datasets.get_browsable`` (dataset, lacking error)."""
    from nndesk.controllers.datasets import get_browsable

    return get_browsable(name)


def test_split_provider(name: str) -> Any:
    """Evaluation needs only the test files (``controllers.datasets.get_test_split``)."""
    from nndesk.controllers.datasets import get_test_split

    return get_test_split(name)


def _no_folder() -> str | None:
    return None


def _folder_test_set(clf: Any, chosen: str | None, runs_root: Path | None, load: Any):
    """(dataset, ``FolderSource``) of the held-out images of the image folder ``clf`` was
    trained on, found as ``folder_test_set.trained_folder`` says (never a folder its file
    names); ``DataError`` in one line when nothing names it or it cannot be read."""
    from nndesk.folder_test_set import load_folder_test_set, no_folder_error, trained_folder

    named = trained_folder(clf, chosen, runs_root)
    if named is None:
        raise no_folder_error(clf)
    test_set = load_folder_test_set(clf, *named, load=load)
    return test_set.dataset, test_set.source


class _Cancelled(Exception):
    """Raised inside a job's progress callback when a newer request superseded it."""


class _Worker(QObject):
    """Runs jobs on the runner's thread; never touches a widget."""

    progressed = Signal(int, int, int)  # job id, done, total
    succeeded = Signal(int, object)  # job id, the job's return value
    # job id, one-line message for the user, the download its banner offers (a DataOffer
    # the error carried) or None
    failed = Signal(int, str, object)
    idle = Signal(int)  # job id: the job is over (finished, failed or cancelled)

    def __init__(self, cancel: threading.Event) -> None:
        super().__init__()
        self._cancel = cancel

    @Slot(int, object)
    def run(self, job_id: int, fn: Job) -> None:
        def progress(done: int, total: int) -> None:
            if self._cancel.is_set():
                raise _Cancelled
            self.progressed.emit(job_id, int(done), int(total))

        try:
            result = fn(progress)
        except _Cancelled:
            pass
        except NndeskError as err:
            self.failed.emit(job_id, window_message(err), getattr(err, "offer", None))
        except Exception as err:  # noqa: BLE001 - a worker reports every failure, never dies
            self.failed.emit(job_id, f"{type(err).__name__}: {err}".splitlines()[0], None)
        else:
            self.succeeded.emit(job_id, result)
        finally:
            self.idle.emit(job_id)


class JobRunner(QObject):
    """One background thread running one job at a time; only the newest request survives."""

    progressed = Signal(int, int)  # done, total (of the current job)
    succeeded = Signal(object)  # the current job's result
    failed = Signal(str, object)  # one-line message, DataOffer or None (``_Worker.failed``)
    _run_requested = Signal(int, object)  # job id, fn: queued into the worker thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName("nndesk-evaluation")
        self._worker = _Worker(self._cancel)
        self._worker.moveToThread(self._thread)
        self._run_requested.connect(self._worker.run)
        self._worker.progressed.connect(self._on_worker_progressed)
        self._worker.succeeded.connect(self._on_worker_succeeded)
        self._worker.failed.connect(self._on_worker_failed)
        self._worker.idle.connect(self._on_worker_idle)
        self._next_id = 0
        self._running: int | None = None
        self._dropped: int | None = None  # the job ``cancel`` stopped
        self._pending: tuple[int, Job] | None = None
        self._shut = False
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def busy(self) -> bool:
        return self._running is not None or self._pending is not None

    def submit(self, fn: Job) -> int:
        """Queue ``fn``; a running job is cancelled at its next progress call. Returns the id."""
        if self._shut:
            return -1
        self._next_id += 1
        job_id = self._next_id
        if self._running is None:
            self._start(job_id, fn)
        else:
            self._pending = (job_id, fn)
            self._cancel.set()
        return job_id

    def _start(self, job_id: int, fn: Job) -> None:
        if not self._thread.isRunning():
            self._thread.start()
        self._cancel.clear()
        self._running = job_id
        self._run_requested.emit(job_id, fn)

    def _current(self, job_id: int) -> bool:
        return job_id == self._running and self._pending is None and job_id != self._dropped

    @Slot(int, int, int)
    def _on_worker_progressed(self, job_id: int, done: int, total: int) -> None:
        if self._current(job_id):
            self.progressed.emit(done, total)

    @Slot(int, object)
    def _on_worker_succeeded(self, job_id: int, result: object) -> None:
        if self._current(job_id):
            self.succeeded.emit(result)

    @Slot(int, str, object)
    def _on_worker_failed(self, job_id: int, message: str, offer: object) -> None:
        if self._current(job_id):
            self.failed.emit(message, offer)

    @Slot(int)
    def _on_worker_idle(self, job_id: int) -> None:
        if job_id != self._running:
            return
        self._running = None
        if self._pending is not None and not self._shut:
            pending, self._pending = self._pending, None
            self._start(*pending)

    def cancel(self) -> None:
        """Drop the queued job and stop the running one at its next progress call; neither
        answers (no ``succeeded``, no ``failed``)."""
        self._pending = None
        if self._running is not None:
            self._cancel.set()
            self._dropped = self._running  # its late answers are no longer current

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until no job is queued or running, processing events (tests and shutdown)."""
        deadline = time.monotonic() + msecs / 1000
        while self.busy and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.002)
        return not self.busy

    @Slot()
    def shutdown(self) -> None:
        """Cancel the running job, stop the thread and wait for it (call before exit)."""
        self._shut = True
        self._pending = None
        self._cancel.set()
        join_and_free(self._thread, self._worker)  # worker_freeing: not by deleteLater


class EvaluationController(QObject):
    """Evaluates the current classifier on its dataset's test split, off the GUI thread.

    ``set_classifier`` only records the model; ``ensure_current`` (called when an evaluation page
    becomes visible) or ``evaluate`` starts the work, so a hidden page costs nothing.
    """

    started = Signal(object)  # Classifier about to be evaluated
    progressed = Signal(int, int)  # test images done, total
    finished = Signal(object)  # EvaluationResult for the current classifier
    #: Classifier: a run's model quit before its test, its evaluation now written into its
    #: file and record (``late_test``): labels showing "untested" read it again
    test_recorded = Signal(object)
    # one-line message (e.g. how to get a missing dataset), and the DataOffer the banner makes
    # (the dataset missing or damaged, found by the worker) or None
    failed = Signal(str, object)

    def __init__(
        self,
        provider: DatasetProvider | None = None,
        batch_size: int = 500,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._provider = provider or test_split_provider
        self._batch_size = batch_size
        self._classifier: Any = None
        self._result: EvaluationResult | None = None
        self._evaluated: Any = None  # the classifier the last started evaluation was for
        #: model_file_key -> its last finished evaluation, newest last
        self._recent: OrderedDict[tuple, EvaluationResult] = OrderedDict()
        self._chosen_folder: Callable[[], str | None] = _no_folder
        self._runs_root: Callable[[], Path | None] = runs_dir
        self._runner = JobRunner(self)
        self._runner.progressed.connect(self.progressed)
        self._runner.succeeded.connect(self._on_runner_succeeded)
        self._runner.failed.connect(self.failed)

    def set_folder_sources(
        self,
        chosen: Callable[[], str | None],
        runs_root: Callable[[], Path | None] | None = None,
    ) -> None:
        """Where a model trained on an image folder finds it (``folder_test_set``): ``chosen()``
        (GUI thread) the image folder chosen on the Train page, or None; ``runs_root()`` the
        runs folder whose records name the folders their runs trained on."""
        self._chosen_folder = chosen
        if runs_root is not None:
            self._runs_root = runs_root

    def classifier(self) -> Any:
        return self._classifier

    def result(self) -> EvaluationResult | None:
        """The last finished evaluation of the current classifier, or None."""
        return self._result

    @property
    def busy(self) -> bool:
        return self._runner.busy

    @Slot(object)
    def set_classifier(self, classifier: Any) -> None:
        """Make ``classifier`` current; its old result is dropped (evaluated on demand)."""
        if classifier is self._classifier:
            return
        self._classifier = classifier
        self._result = None
        self._evaluated = None

    @Slot()
    def image_folder_chosen(self) -> None:
        """The image folder chosen on the Train page changed: a folder model that could not be
        scored (no folder named it, or another folder's classes) is tried again when a page
        next asks (``ensure_current``), not at once: the path may be half typed."""
        clf = self._classifier
        if clf is not None and clf.dataset is None and self._result is None:
            self._evaluated = None  # a run under way that succeeds is reused (``_recent``)

    def is_stale(self) -> bool:
        return self._classifier is not None and self._evaluated is not self._classifier

    @Slot()
    def ensure_current(self) -> None:
        """Evaluate the current classifier unless that is done or under way (or its file was
        evaluated a moment ago, under another Classifier object: that result is reused)."""
        if self.is_stale() and not self._reuse_recent():
            self.evaluate()

    def _reuse_recent(self) -> bool:
        clf = self._classifier
        key = model_file_key(clf)
        known = self._recent.get(key) if key is not None else None
        if known is None:
            return False
        self._recent.move_to_end(key)
        self._evaluated = clf
        reused = dataclasses.replace(known, classifier=clf)
        # from the event loop, as a worker's result arrives: listeners see "chosen" first
        QTimer.singleShot(0, self, lambda: self._deliver_reused(reused))
        return True

    def _deliver_reused(self, result: EvaluationResult) -> None:
        if result.classifier is self._classifier and self._evaluated is self._classifier:
            self._result = result
            self.finished.emit(result)

    @Slot()
    def evaluate(self) -> None:
        """(Re-)evaluate the current classifier now."""
        clf = self._classifier
        if clf is None:
            return
        self._evaluated = clf
        provider, batch_size = self._provider, self._batch_size

        chosen = self._chosen_folder()  # the Train page's image folder, read here (GUI)
        runs_root = self._runs_root

        def job(progress):
            folder = None
            if clf.dataset is None:  # an image folder's model: its held-out images
                dataset, folder = _folder_test_set(clf, chosen, runs_root(), default_provider)
            else:
                dataset = provider(clf.dataset)
            if len(dataset.class_names) != len(clf.class_names):
                raise DataError(
                    f"the model has {len(clf.class_names)} classes but "
                    f"{dataset_words(clf.dataset)} has {len(dataset.class_names)}: open a model "
                    "trained on this dataset"
                )
            # a private copy of the model: layers cache activations (and conv layers reuse
            # buffers) during forward, and the window may predict with the same model meanwhile
            private = copy.copy(clf)
            if hasattr(clf, "model"):
                private.model = copy.deepcopy(clf.model)
            result = evaluate(
                private, dataset.test_images, dataset.test_labels, batch_size, progress=progress
            )
            recorded = False
            # a run quit before its test, measured on the test split: the figure sticks
            # (walk60 D10)
            path = getattr(clf, "path", None)  # a bare classifier has no file, nor info
            if folder is None and path is not None and untested(getattr(clf, "info", None)):
                recorded = record_late_test(path, result.accuracy, result.loss)
            return dataclasses.replace(
                result, classifier=clf, image_folder=folder, recorded=recorded
            )

        self.started.emit(clf)
        self._runner.submit(job)

    def adopt(self, result: EvaluationResult | None) -> None:
        """Take over a finished evaluation of the current classifier (the window rebuilt in
        another language keeps its report instead of testing 10,000 images again)."""
        if result is None or result.classifier is not self._classifier or self.busy:
            return
        self._evaluated = result.classifier
        self._result = result
        self.finished.emit(result)

    @Slot(object)
    def _on_runner_succeeded(self, result: EvaluationResult) -> None:
        if result.recorded:  # in its file and record now; the model in memory says so too
            clf = result.classifier
            figures = {"test_accuracy": result.accuracy, "test_loss": result.loss}
            clf.info["metrics"] = {**(clf.info.get("metrics") or {}), **figures}
            self.test_recorded.emit(clf)
        if result.classifier is not self._classifier:
            return  # finished for a model that is no longer current
        self._result = result
        key = model_file_key(result.classifier)
        if key is not None:
            self._recent[key] = result
            self._recent.move_to_end(key)
            while len(self._recent) > RECENT_EVALUATIONS:
                self._recent.popitem(last=False)
        self.finished.emit(result)

    def wait(self, msecs: int = 30_000) -> bool:
        return self._runner.wait(msecs)

    @Slot()
    def shutdown(self) -> None:
        self._runner.shutdown()


class DatasetController(QObject):
    """Loads a dataset and its per-class counts and mean images off the GUI thread."""

    started = Signal(str)  # dataset name
    loaded = Signal(object)  # nndesk.evaluation.DatasetSummary
    failed = Signal(str, object)  # one-line message (how to get a missing dataset), DataOffer

    def __init__(self, provider: DatasetProvider | None = None, parent: QObject | None = None):
        """``provider(name)``: a dataset, or (dataset, the error of a split it lacks); the
        default shows the training split when only a test file is damaged (``get_browsable``)."""
        super().__init__(parent)
        self._provider = provider or browsable_provider
        self._runner = JobRunner(self)
        self._runner.succeeded.connect(self.loaded)
        self._runner.failed.connect(self.failed)

    @property
    def busy(self) -> bool:
        return self._runner.busy

    @Slot(str)
    def request(self, name: str) -> None:
        provider = self._provider

        def job(progress):
            got = provider(name)
            dataset, lacking = got if isinstance(got, tuple) else (got, None)
            problem = None
            if lacking is not None:
                from nndesk.controllers.datasets import failure_offer

                problem = (window_message(lacking), failure_offer(lacking))
            progress(1, 2)
            return summarise_dataset(dataset, problem)

        self.started.emit(name)
        self._runner.submit(job)

    def wait(self, msecs: int = 30_000) -> bool:
        return self._runner.wait(msecs)

    @Slot()
    def shutdown(self) -> None:
        self._runner.shutdown()
