"""ExplainController: the Why page's slower views, each on its own worker thread.

Attributions (integrated gradients, SmoothGrad, occlusion, another class, a contrast) take one
to a few hundred forward passes, and the nearest training images need the last hidden layer's
output for thousands of training images: neither may run on the GUI thread nor on the
prediction worker (the bars would wait). Each kind of job has one thread; while a job runs only
the newest request waits, so a fast pen never builds a queue.
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot

from nndesk.controllers.worker_freeing import join_and_free
from nndesk.errors import DataError
from nndesk.explain import hidden_features, nearest, saliency
from nndesk.folder_test_set import load_folder_test_set, some_class_names, trained_folder
from nndesk.i18n import N_

NEIGHBOUR_POOL = 10_000  # training images searched (the first ones of the shuffled training set)
NEIGHBOURS = 6
#: models whose training-set features are kept (each ~5-20 MB of features plus 7.8 MB of
#: images): a class hopping between the digit and the garment demo waited 25-70 s again at
#: every switch, for a model already done (walk55 D7)
KEPT_MODELS = 3


@dataclass(frozen=True)
class Neighbours:
    """The training images nearest to a drawing in the last hidden layer's space."""

    images: np.ndarray  # uint8 (k, 28, 28)
    labels: tuple[int, ...]
    distances: tuple[float, ...]  # Euclidean, in the hidden layer's units
    pool: int  # how many training images were searched


@dataclass(frozen=True)
class _Call:
    token: int
    run: Callable[[], object]  # runs on the worker thread, on snapshots only


class _Runner(QObject):
    """Lives on a worker thread: runs one call at a time; never touches a widget."""

    finished = Signal(int, object, object)  # token, result | None, exception | None

    @Slot(object)
    def run(self, call: _Call) -> None:
        try:
            self.finished.emit(call.token, call.run(), None)
        except Exception as err:  # noqa: BLE001 - reported to the GUI, the thread lives on
            self.finished.emit(call.token, None, err)


class _LatestOnly(QObject):
    """One worker thread running calls; while one runs, a newer request replaces the waiting
    one. ``finished(token, result, error)`` answers each call that ran."""

    finished = Signal(int, object, object)
    _submitted = Signal(object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._busy = False
        self._pending: _Call | None = None
        self._thread = QThread(self)
        self._thread.setObjectName(name)
        self._runner = _Runner()
        self._runner.moveToThread(self._thread)
        self._submitted.connect(self._runner.run)
        self._runner.finished.connect(self._on_runner_finished)
        self._thread.start()

    def submit(self, call: _Call) -> None:
        self._pending = call
        self._dispatch()

    def is_idle(self) -> bool:
        return not self._busy and self._pending is None

    def _dispatch(self) -> None:
        if self._busy or self._pending is None:
            return
        call, self._pending = self._pending, None
        self._busy = True
        self._submitted.emit(call)

    @Slot(int, object, object)
    def _on_runner_finished(self, token: int, result, error) -> None:
        self._busy = False
        self.finished.emit(token, result, error)
        self._dispatch()

    def shutdown(self) -> None:
        self._pending = None
        join_and_free(self._thread, self._runner, 10_000)  # worker_freeing: not by deleteLater


def _trained_folder(clf, chosen: str | None, runs_root: Path | None) -> tuple[str, str]:
    """The image folder ``clf`` was trained on and who named it (``trained_folder``); raises
    ``DataError`` in one line when nothing names it. Stats: off the GUI thread."""
    found = trained_folder(clf, chosen, runs_root)
    if found is None:
        raise DataError.of(
            N_(
                "This model was trained on an image folder (classes {names}): choose that "
                "folder as the image folder on the Train page to see its nearest training "
                "images."
            ),
            names=some_class_names(clf),
        )
    return found


def model_key(clf) -> tuple:
    """What a model's training-set features are kept under: its file as it is on disk (a
    model chosen again is often a new object read from the same file), else the model object
    itself (the cache holds it, so its id is not reused)."""
    path = getattr(clf, "path", None)
    if path is not None:
        try:
            st = Path(path).stat()
            return ("file", str(Path(path).resolve()), st.st_mtime_ns, st.st_size)
        except OSError:
            pass
    return ("object", id(clf.model))


class ExplainController(QObject):
    """Attribution maps and nearest training images for the Why page, off the GUI thread."""

    #: (token, float32 (28, 28)) answering ``request_attribution``
    attribution_ready = Signal(int, object)
    neighbours_ready = Signal(int, object)  # (token, Neighbours) answering ``request_neighbours``
    #: (token, images run through the network so far, of how many) while a model's training-set
    #: features are computed, after each batch
    neighbours_progress = Signal(int, int, int)
    #: (token, one line, registered dataset name or "", the long account behind the line or
    #: "": a damaged file's reason and folder) when no training images can be read
    neighbours_missing = Signal(int, str, str, str)
    failed = Signal(str)  # one line when a computation raised

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._token = 0
        self._model_source = None  # the model the private copies were made from
        # forward (and backward) overwrite layer caches: each thread has its own copy
        self._model_copies: dict[str, object] = {}
        # (model_key, dataset) -> (features, images, labels, model), newest last; the runner's
        # only (the model kept so that an object's id stays its own)
        self._features: OrderedDict = OrderedDict()
        self._stop_features = threading.Event()
        self._attributions = _LatestOnly("attributions", self)
        self._attributions.finished.connect(self._on_attribution_finished)
        self._neighbours = _LatestOnly("neighbours", self)
        self._neighbours.finished.connect(self._on_neighbours_finished)
        # where a model trained on an image folder finds it (``set_folder_sources``)
        self._chosen_folder: Callable[[], str | None] = lambda: None
        self._runs_root: Callable[[], Path | None] = lambda: None

    def set_folder_sources(
        self, chosen: Callable[[], str | None], runs_root: Callable[[], Path | None]
    ) -> None:
        """Where a model trained on an image folder finds its training images, as Evaluate
        finds its test images (``folder_test_set.trained_folder``): ``chosen()`` (GUI thread)
        the Train page's image folder or None, ``runs_root()`` the runs folder."""
        self._chosen_folder, self._runs_root = chosen, runs_root

    def _private_model(self, clf, thread: str):
        """``clf.model``'s copy for ``thread`` ("attributions" | "neighbours")."""
        if self._model_source is not clf.model:
            self._model_source = clf.model
            self._model_copies = {}
            self._stop_features.set()  # features of an older model are not wanted any more
        if thread not in self._model_copies:
            self._model_copies[thread] = copy.deepcopy(clf.model)
        return self._model_copies[thread]

    def request_attribution(
        self, clf, image28: np.ndarray, class_index: int, contrast: int | None, kind: str
    ) -> int:
        """Compute ``explain.saliency`` of ``kind`` on the worker; returns the token that
        ``attribution_ready`` will carry."""
        self._token += 1
        model, normalizer = self._private_model(clf, "attributions"), clf.normalizer
        image = np.asarray(image28, np.float32).copy()

        def run():
            return saliency(model, normalizer, image, class_index, kind=kind, contrast=contrast)

        self._attributions.submit(_Call(self._token, run))
        return self._token

    def request_neighbours(
        self, clf, image28: np.ndarray, get_dataset: Callable | None = None
    ) -> int:
        """Find the ``NEIGHBOURS`` training images nearest to ``image28`` under ``clf``.

        ``get_dataset(name)`` returns the dataset (blocking; it runs on the worker) or raises
        ``DatasetMissing`` (default: ``controllers.datasets.get_dataset``); the training set's
        features are computed once per model (``neighbours_progress`` says how far) and kept
        for the last ``KEPT_MODELS`` models.
        """
        if get_dataset is None:
            from nndesk.controllers.datasets import get_dataset
        self._token += 1
        token = self._token
        model, normalizer = self._private_model(clf, "neighbours"), clf.normalizer
        name = clf.dataset
        image = np.asarray(image28, np.float32).reshape(1, 28, 28).copy()
        features, stop = self._features, self._stop_features
        progress = self.neighbours_progress
        chosen, runs_root = self._chosen_folder(), self._runs_root()  # read on the GUI thread

        def run():
            # a folder model's training images are its folder's, split as its file records
            # (a file's stat never runs on the GUI thread)
            folder = None if name is not None else _trained_folder(clf, chosen, runs_root)
            key = (model_key(clf), name if folder is None else folder[0])
            if key in features:
                features.move_to_end(key)
            else:
                if folder is None:
                    data = get_dataset(name)
                else:
                    data = load_folder_test_set(clf, *folder, load=get_dataset).dataset
                images = np.asarray(data.train_images[:NEIGHBOUR_POOL])
                labels = np.asarray(data.train_labels[:NEIGHBOUR_POOL])
                stop.clear()
                pool = hidden_features(
                    model,
                    normalizer,
                    images,
                    should_stop=stop.is_set,
                    progress=lambda done: progress.emit(token, done, len(images)),
                )
                if pool is None:
                    return None  # another model came meanwhile
                features[key] = (pool, images, labels, model)
                while len(features) > KEPT_MODELS:
                    features.popitem(last=False)  # the model used longest ago
            pool, images, labels, _model = features[key]
            query = hidden_features(model, normalizer, image)[0]  # (d,)
            order, dist = nearest(pool, query, NEIGHBOURS)
            return Neighbours(
                images[order].astype(np.uint8),
                tuple(int(labels[i]) for i in order),
                tuple(float(d) for d in dist),
                len(pool),
            )

        self._neighbours.submit(_Call(token, run))
        return token

    @Slot(int, object, object)
    def _on_attribution_finished(self, token: int, result, error) -> None:
        if error is not None:
            self.failed.emit(f"explanation failed: {error}")
        self.attribution_ready.emit(token, result)

    @Slot(int, object, object)
    def _on_neighbours_finished(self, token: int, result, error) -> None:
        from nndesk.controllers.datasets import DatasetDamaged, DatasetMissing, failure_offer
        from nndesk.errors import NndeskError, window_message

        if isinstance(error, (DatasetMissing, DatasetDamaged)):  # the banner offers Download
            details = error.offer.details if isinstance(error, DatasetDamaged) else ""
            self.neighbours_missing.emit(token, str(error), error.name, details)
        elif isinstance(error, NndeskError):
            # the window's words (a folder of the other dataset: no "--data-dir" advice), and
            # the download its banner offers (that folder's: ``datasets.failure_offer``)
            offer = failure_offer(error)
            name = offer.name if offer is not None else ""
            self.neighbours_missing.emit(token, window_message(error), name, "")
        elif error is not None:
            self.failed.emit(f"nearest training images failed: {error}")
            self.neighbours_missing.emit(
                token, f"Cannot search the training images: {error}", "", ""
            )
        elif result is not None:
            self.neighbours_ready.emit(token, result)

    def is_idle(self) -> bool:
        """True when no job runs and none waits (tests, screenshots)."""
        return self._attributions.is_idle() and self._neighbours.is_idle()

    @Slot()
    def shutdown(self) -> None:
        """Stop both worker threads (the window calls this before it closes)."""
        self._stop_features.set()
        self._attributions.shutdown()
        self._neighbours.shutdown()
