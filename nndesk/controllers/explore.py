"""Off-GUI-thread work of the Map and Lab pages: an embedding map of test images as a layer sees
them (``nndesk.embedding``), and a network lab's edited copy scored against the original
(``nndesk.lab``). Newest request wins; failures arrive as one line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from nndesk.controllers.evaluation import JobRunner


@dataclass(frozen=True)
class MapData:
    """A computed map: which test images, where, and what the model answered for them."""

    indices: np.ndarray  # int64 (m,), into the evaluation's test images
    coords: np.ndarray  # float64 (m, 2)
    labels: np.ndarray  # int64 (m,)
    predictions: np.ndarray  # int64 (m,)
    top2: np.ndarray  # int64 (m, 2): best and second answer
    top2_p: np.ndarray  # float32 (m, 2): their calibrated probabilities
    method: str
    layer: int
    #: float32 (m, d): the layer's outputs that placed them, kept to place a drawing among
    #: them (``place_drawing``); None when they were larger than ``KEPT_FEATURE_BYTES``
    features: np.ndarray | None = None


#: The layer outputs a map keeps at most to place a drawing on it: a CNN's first convolution
#: gives 21,632 numbers an image, 173 MB for 2,000 images (a later layer's are a few kB each)
KEPT_FEATURE_BYTES = 64 * 2**20


@dataclass(frozen=True)
class DrawingPlace:
    """Where the drawing lands on the map ``data``: ``xy`` (2,) float64, the mean position of
    the test images ``rows`` (into ``data``'s rows, nearest first) it is most like."""

    data: MapData
    xy: np.ndarray
    rows: np.ndarray


def place_drawing(data: MapData, classifier, image28: np.ndarray) -> DrawingPlace:
    """The drawing ``image28`` ((28, 28) float32 0..255, as the model is shown it) placed on the
    map ``data`` of ``classifier``'s layer ``data.layer`` (``embedding.place_among``)."""
    from nndesk import embedding

    if data.features is None:
        raise ValueError("the map kept no layer outputs to place the drawing by")
    x = classifier.normalizer(np.asarray(image28, np.float32)[None])
    own = embedding.layer_features(classifier.model, x, data.layer)[0]
    xy, rows = embedding.place_among(data.features, data.coords, own)
    return DrawingPlace(data, xy, rows)


def compute_map(result, layer: int, method: str, points: int, progress) -> MapData:
    """The map job: sample ``points`` test images (seeded), features of ``layer``, PCA or t-SNE."""
    from nndesk import embedding

    clf = result.classifier
    rng = np.random.default_rng(0)
    idx = np.sort(rng.permutation(result.n)[: min(points, result.n)]).astype(np.int64)
    x = clf.normalizer(result.images[idx])
    features = embedding.layer_features(clf.model, x, layer)
    progress(0, 1)
    if method == "tsne":
        coords = embedding.tsne(features, np.random.default_rng(0), progress=progress)
    else:
        coords = embedding.pca(features)
    probs = result.calibrated[idx]
    order = np.argsort(-probs, axis=1)[:, :2]
    return MapData(
        indices=idx,
        coords=coords,
        labels=result.labels[idx],
        predictions=result.predictions[idx],
        top2=order,
        top2_p=np.take_along_axis(probs, order, axis=1),
        method=method,
        layer=layer,
        features=features if features.nbytes <= KEPT_FEATURE_BYTES else None,
    )


@dataclass(frozen=True)
class LabOutcome:
    original: Any  # nndesk.lab.LabScores
    modified: Any
    model: Any  # the edited Sequential (a copy)
    edits: Any
    seconds: float
    result: Any = None  # the evaluation it was measured on
    base: Any = None  # nndesk.lab.LabBase: the original's scores and layer inputs


class ExploreController(QObject):
    """``request_map(...)`` -> ``map_ready(MapData)``; ``request_lab(result, edits)`` ->
    ``lab_ready(LabOutcome)``; progress of a map on ``map_progressed``."""

    map_progressed = Signal(int, int)
    map_ready = Signal(object)
    drawing_placed = Signal(object)  # DrawingPlace
    placing_failed = Signal(str)
    lab_ready = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._maps = JobRunner(self)
        self._maps.progressed.connect(self.map_progressed)
        self._maps.succeeded.connect(self.map_ready)
        self._maps.failed.connect(self.failed)
        # the drawing's place on the map: a thread of its own, so a change of the drawing
        # neither waits for a t-SNE nor stops one (the newest drawing wins)
        self._places = JobRunner(self)
        self._places.succeeded.connect(self.drawing_placed)
        self._places.failed.connect(self.placing_failed)
        self._lab = JobRunner(self)
        self._lab.succeeded.connect(self._on_lab_succeeded)
        self._lab.failed.connect(self.failed)
        self._baseline: tuple[Any, Any] | None = None  # (result, its lab.LabBase)

    @property
    def busy(self) -> bool:
        return self._maps.busy or self._lab.busy or self._places.busy

    def request_map(self, result, layer: int, method: str, points: int) -> None:
        self._maps.submit(lambda progress: compute_map(result, layer, method, points, progress))

    def request_place(self, data: MapData, classifier, image28: np.ndarray) -> None:
        """Place ``image28`` on the map ``data`` of ``classifier`` off the GUI thread ->
        ``drawing_placed(DrawingPlace)``, or ``placing_failed`` (one line)."""
        image = np.array(image28, np.float32)  # a copy: the canvas draws on
        self._places.submit(lambda _progress: place_drawing(data, classifier, image))

    def cancel_map(self) -> None:
        """Stop the map being computed (within one t-SNE iteration) and drop one asked for;
        neither answers (no ``map_ready``, no ``failed``)."""
        self._maps.cancel()

    def request_lab(self, result, edits) -> None:
        import time

        from nndesk import lab

        baseline = self._baseline

        def job(progress):
            from nndesk.training import runtime

            with runtime.beside_the_gui():  # BLAS leaves the GUI thread a core
                return measured(progress)

        def measured(progress):
            start = time.perf_counter()
            clf = result.classifier
            if baseline is not None and baseline[0] is result:
                base = baseline[1]
            else:  # the first edit of this evaluation: the original, once
                idx = lab.lab_sample(result.labels, lab.lab_images(clf.model))
                x, y = clf.normalizer(result.images[idx]), result.labels[idx]
                base = lab.LabBase(clf.model, x, y, clf.temperature, clf.loss_name)
            progress(0, 1)
            model = lab.apply_edits(clf.model, edits)
            modified = base.measure(model, edits)
            return LabOutcome(
                base.original, modified, model, edits, time.perf_counter() - start, result, base
            )

        self._lab.submit(job)

    @Slot(object)
    def _on_lab_succeeded(self, outcome: LabOutcome) -> None:
        # the next edit of the same evaluation starts from the original's layer inputs
        self._baseline = (outcome.result, outcome.base)
        self.lab_ready.emit(outcome)

    def wait(self, msecs: int = 30_000) -> bool:
        return self._maps.wait(msecs) and self._lab.wait(msecs) and self._places.wait(msecs)

    def shutdown(self) -> None:
        self._maps.shutdown()
        self._places.shutdown()
        self._lab.shutdown()
