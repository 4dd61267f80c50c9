"""Replay: a run's small per-epoch records, to scrub back through its epochs. Qt-free.

Every epoch keeps its confusion matrix (``EpochReport.confusion``: k x k counts, on the validation
split or, without one, on the epoch's training batches). A small network also keeps a copy of its
weights at each epoch's end (a ``Classifier`` snapshot), so the learner's drawing can be read, and
its saliency drawn, by the network as it was at any epoch, even for a drawing made after the run.
A large network keeps no weights: they would cost more memory than they are worth
(``weights_kept``), and the replay then shows the confusion matrices only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

#: Bytes of per-epoch weight copies a run may keep in memory for its replay (all epochs).
WEIGHTS_BUDGET = 64 * 2**20


def keeps_weights(param_count: int, epochs: int) -> bool:
    """Whether a run of ``epochs`` epochs of a network of ``param_count`` float32 parameters
    keeps a weight copy per epoch within ``WEIGHTS_BUDGET``."""
    return 4 * int(param_count) * max(int(epochs), 1) <= WEIGHTS_BUDGET


@dataclass
class ReplayRecord:
    """What a run kept per epoch; grows while it trains (GUI thread only)."""

    class_names: tuple[str, ...] = ()
    split: str = "validation"  # where the confusion matrices were counted
    bytes_per_epoch: int = 0  # of one weight copy (0: none kept)
    weights_kept: bool = False
    #: the run kept weight copies, dropped once a later run of the window started (only the
    #: latest run keeps them: each may take up to ``WEIGHTS_BUDGET``)
    weights_dropped: bool = False
    epochs: list[int] = field(default_factory=list)
    confusions: list[np.ndarray] = field(default_factory=list)  # int64 (k, k) each
    #: ``inference.Classifier`` on the weights at each epoch's end (None when not kept)
    classifiers: list[object | None] = field(default_factory=list)
    #: the lab preset the run came from (``presets.PresetOrigin``), None for none: the tab
    #: names it beside the epoch (walk64 D17)
    preset: object | None = None

    def add(self, epoch: int, confusion, classifier=None) -> None:
        """Epoch ``epoch``'s counts (k x k, rows true class) and its weights (if kept)."""
        k = len(self.class_names)
        self.epochs.append(int(epoch))
        self.confusions.append(
            np.zeros((k, k), np.int64)
            if confusion is None
            else np.asarray(confusion, dtype=np.int64).reshape(k, k)
        )
        self.classifiers.append(classifier if self.weights_kept else None)

    def __len__(self) -> int:
        return len(self.epochs)

    def without_weights(self) -> ReplayRecord:
        """This record's confusion matrices without its weight copies (``weights_dropped``)."""
        return ReplayRecord(
            class_names=self.class_names,
            split=self.split,
            weights_dropped=self.weights_kept or self.weights_dropped,
            epochs=list(self.epochs),
            confusions=list(self.confusions),
            classifiers=[None] * len(self.epochs),
            preset=self.preset,
        )


@dataclass(frozen=True)
class DrawingAtEpoch:
    """The drawing as the network of one epoch read it."""

    epoch: int
    probabilities: np.ndarray  # float32 (k,)
    saliency: np.ndarray | None  # float32 (28, 28), signed; None when it cannot be computed


def read_drawing(classifier, image28: np.ndarray, epoch: int) -> DrawingAtEpoch:
    """``image28`` (float32 (28, 28) in [0, 255], already prepared) read by ``classifier``:
    its raw probabilities and the gradient saliency of its answer (any thread; the classifier
    must not be used by another thread meanwhile).

    Raw, never calibrated: a run fits its temperature once, after its last epoch, for the
    network of that epoch only; an earlier epoch's network has none. The replay says so, as the
    prediction panel says "calibrated" (walk49 D9: 76.7 % here, 77.1 % calibrated there)."""
    from nndesk.explain import saliency

    probabilities = np.asarray(
        classifier.probabilities(image28[None], calibrated=False), np.float32
    )[0]
    try:
        heat = saliency(
            classifier.model, classifier.normalizer, image28, int(probabilities.argmax())
        )
    except (ValueError, TypeError, NotImplementedError):  # an output saliency cannot explain
        heat = None
    return DrawingAtEpoch(int(epoch), probabilities, heat)
