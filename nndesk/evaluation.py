"""Evaluate a model on a labelled split and pick out its mistakes. NumPy only, no Qt.

``score`` is the one evaluation: the model's own loss, accuracy, predictions and probabilities,
in chunks. Training scores its validation and test splits with it; ``evaluate`` wraps it for a
``Classifier`` and bundles everything the Evaluate and Mistakes pages and ``nndesk evaluate``
show: the per-class report and the confusion matrix too. ``mistakes`` then answers "which images
were true A but predicted B?".
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from nndesk.errors import ConfigError
from nndesk.nn.metrics import classification_report, confusion_matrix

#: progress(done_images, total_images), called after every batch.
Progress = Callable[[int, int], None]

SORTS = ("confidence", "index")

#: Rows per forward pass when scoring: a 60,000-image split never needs 60,000 activations.
SCORE_CHUNK = 2048


class ScoringStopped(Exception):
    """``score``'s ``should_stop`` said to stop between two chunks: no score was made."""


@dataclass(frozen=True)
class Scores:
    """Loss and accuracy of a model on one split, with its predictions."""

    loss: float  # mean of the model's own loss (the one it trains with)
    accuracy: float
    predictions: np.ndarray  # int64 (n,)
    probabilities: np.ndarray  # float32 (n, k), the model's output activation
    logits: np.ndarray | None = None  # float32 (n, k), before the output activation


def score(
    model: Any,
    loss_fn: Any,
    x: np.ndarray,
    y: np.ndarray,
    chunk: int = SCORE_CHUNK,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Scores:
    """Mean loss, accuracy, predictions and probabilities of ``model`` on ``x``, ``y``.

    Parameters
    ----------
    model : Sequential
        Run in evaluation mode (no dropout), ``chunk`` rows at a time.
    loss_fn : nndesk.nn.losses.Loss
        The model's own loss; it must not be mid-backward (give evaluation its own instance).
    x : float32 (n, 784), normalised inputs
    y : int64 (n,)
    progress : callable, optional
        ``progress(done, n)`` after every chunk.
    should_stop : callable, optional
        Asked before every chunk; True raises ``ScoringStopped`` (a window quitting waits for
        one chunk at most, not the whole split).
    """
    n = len(y)
    if chunk < 1:
        raise ConfigError(f"batch size must be at least 1, got {chunk}")
    probs: list[np.ndarray] = []
    logit_rows: list[np.ndarray] = []
    total = 0.0
    if progress is not None:
        progress(0, n)
    # a diverged run's weights overflow: its scores are NaN (saved as null), not RuntimeWarnings
    with np.errstate(over="ignore", invalid="ignore"):
        for start in range(0, n, chunk):
            if should_stop is not None and should_stop():
                raise ScoringStopped
            xb, yb = x[start : start + chunk], y[start : start + chunk]
            logits = model.forward(xb, training=False)  # (m, k)
            total += float(loss_fn(logits, yb)) * len(yb)  # the loss is a batch mean
            logit_rows.append(np.array(logits, dtype=np.float32))
            probs.append(model.activate(logits).astype(np.float32, copy=False))
            if progress is not None:
                progress(min(start + chunk, n), n)
    if not n:
        return Scores(math.nan, math.nan, np.zeros(0, np.int64), np.zeros((0, 0), np.float32))
    p = np.concatenate(probs)
    predictions = np.argmax(p, axis=1).astype(np.int64)
    accuracy = float(np.mean(predictions == y))
    return Scores(total / n, accuracy, predictions, p, np.concatenate(logit_rows))


@dataclass(frozen=True)
class EvaluationResult:
    """Everything one evaluation produced; arrays are owned copies, safe to pass between threads."""

    images: np.ndarray  # uint8 (n, 28, 28), the evaluated images (for thumbnails and the canvas)
    labels: np.ndarray  # int64 (n,), true classes
    probabilities: np.ndarray  # float32 (n, k), the model's output activation
    predictions: np.ndarray  # int64 (n,), argmax of probabilities
    loss: float  # mean of the model's own loss (cross-entropy, BCE or MSE)
    accuracy: float
    report: Any  # nndesk.nn.metrics.ClassificationReport
    confusion: np.ndarray  # int64 (k, k), rows true, columns predicted
    class_names: tuple[str, ...]
    classifier: Any = None  # the Classifier evaluated (for saliency); None when evaluated bare
    split: str = "test"
    logits: np.ndarray | None = None  # float32 (n, k), before the output activation
    temperature: float = 1.0  # the classifier's fitted temperature (1: none)
    output: str = "softmax"  # the model's output activation
    #: the image folder whose held-out images these are (``folder_test_set.FolderSource``);
    #: None for a registered dataset's test set
    image_folder: Any = None
    #: its accuracy and loss were written into the model file and its run's record, a run
    #: quit before its test (``late_test.record_late_test``)
    recorded: bool = False

    @cached_property
    def calibrated(self) -> np.ndarray:
        """float32 (n, k): the probabilities after temperature scaling (the raw ones at T = 1);
        computed once, on first use."""
        if self.temperature == 1.0 or self.logits is None:
            return self.probabilities
        from nndesk.calibration import activate

        return activate(self.logits, self.output, self.temperature).astype(np.float32)

    @property
    def calibrated_confidence(self) -> np.ndarray:
        """float32 (n,): the calibrated probability of the predicted class, what the canvas and
        the Mistakes page show (scaling by a temperature never changes the answer)."""
        return self.calibrated[np.arange(self.n), self.predictions]

    @property
    def dataset(self) -> str:
        """The name of the dataset whose test images these are ("mnist", "fashion"): the
        evaluated model's; "" when it was evaluated bare or names none."""
        return str(getattr(self.classifier, "dataset", None) or "")

    @property
    def n(self) -> int:
        """Number of evaluated images."""
        return int(self.labels.shape[0])

    @property
    def n_classes(self) -> int:
        return len(self.class_names)

    @property
    def confidence(self) -> np.ndarray:
        """float32 (n,): the probability of the predicted class."""
        return self.probabilities[np.arange(self.n), self.predictions]

    @property
    def n_mistakes(self) -> int:
        return int(np.count_nonzero(self.predictions != self.labels))


def evaluate(
    classifier: Any,
    images: np.ndarray,
    labels: np.ndarray,
    batch_size: int = 1000,
    progress: Progress | None = None,
    split: str = "test",
) -> EvaluationResult:
    """Run ``classifier`` over ``images`` and measure it against ``labels`` (``score``).

    Parameters
    ----------
    classifier : Classifier
        Its model, normaliser, class names and own loss (``loss_function()``).
    images : uint8 (n, 28, 28)
    labels : int64 (n,)
    batch_size : int
        Images per forward pass; ``progress(done, total)`` is called after each.
    """
    images = np.asarray(images)
    labels = np.asarray(labels, dtype=np.int64)
    if images.shape[0] != labels.shape[0]:
        raise ConfigError(f"{images.shape[0]} images but {labels.shape[0]} labels")
    class_names = tuple(classifier.class_names)
    x = classifier.normalizer(images)  # float32 (n, 784)
    scores = score(classifier.model, classifier.loss_function(), x, labels, batch_size, progress)
    n, k = labels.shape[0], len(class_names)
    probs = scores.probabilities if n else np.zeros((0, k), np.float32)
    predictions, loss, accuracy = scores.predictions, scores.loss, scores.accuracy
    return EvaluationResult(
        images=np.array(images, dtype=np.uint8, copy=True),
        labels=labels.copy(),
        probabilities=probs,
        predictions=predictions,
        loss=loss,
        accuracy=accuracy,
        report=classification_report(labels, predictions, list(class_names)),
        confusion=confusion_matrix(labels, predictions, k),
        class_names=class_names,
        classifier=classifier,
        split=split,
        logits=scores.logits if n else np.zeros((0, k), np.float32),
        temperature=float(getattr(classifier, "temperature", 1.0)),
        output=classifier.model.output,
    )


def mistakes(
    result: EvaluationResult,
    true: int | None = None,
    predicted: int | None = None,
    sort: str = "confidence",
) -> np.ndarray:
    """Indices (int64) of misclassified images, optionally only those of class ``true`` and/or
    predicted as ``predicted``.

    With ``true == predicted`` the answer is that class's *correct* images (the confusion-matrix
    diagonal), so every cell of the matrix maps to one call. ``sort="confidence"`` puts the most
    confident answers first (ties by index); ``sort="index"`` keeps test-set order.
    """
    if sort not in SORTS:
        raise ConfigError(f"unknown sort {sort!r}; choose one of {', '.join(SORTS)}")
    for name, value in (("true", true), ("predicted", predicted)):
        if value is not None and not 0 <= value < result.n_classes:
            raise ConfigError(f"{name} class {value} is not in 0..{result.n_classes - 1}")
    if true is not None and true == predicted:
        mask = (result.labels == true) & (result.predictions == true)
    else:
        mask = result.labels != result.predictions
        if true is not None:
            mask &= result.labels == true
        if predicted is not None:
            mask &= result.predictions == predicted
    idx = np.flatnonzero(mask).astype(np.int64)
    if sort == "confidence":
        # stable sort on -confidence keeps index order among equal confidences; the calibrated
        # one, as shown (a temperature can reorder two images' confidences)
        idx = idx[np.argsort(-result.calibrated_confidence[idx], kind="stable")]
    return idx


def label_counts(labels: np.ndarray, n_classes: int) -> np.ndarray:
    """int64 (k,): how many images of each class."""
    return np.bincount(np.asarray(labels, dtype=np.int64), minlength=n_classes)[:n_classes]


def class_means(images: np.ndarray, labels: np.ndarray, n_classes: int) -> np.ndarray:
    """float32 (k, 28, 28): the mean image of each class (zeros for a class with no images)."""
    images = np.asarray(images)
    labels = np.asarray(labels, dtype=np.int64)
    # (n, 784); the width given, not -1: an empty split (n = 0) cannot infer it
    flat = images.reshape(images.shape[0], int(np.prod(images.shape[1:]))).astype(np.float64)
    sums = np.zeros((n_classes, flat.shape[1]))  # (k, 784)
    for k in range(n_classes):
        # one boolean mask per class: several times faster than np.add.at over every row
        sums[k] = flat[labels == k].sum(axis=0)
    counts = np.maximum(label_counts(labels, n_classes), 1)[:, None]
    return (sums / counts).reshape((n_classes, *images.shape[1:])).astype(np.float32)


def sample_per_class(
    labels: np.ndarray, n_classes: int, per_class: int, rng: np.random.Generator
) -> list[np.ndarray]:
    """For each class, up to ``per_class`` random indices of its images (int64, drawn without
    replacement)."""
    labels = np.asarray(labels, dtype=np.int64)
    out = []
    for k in range(n_classes):
        pool = np.flatnonzero(labels == k)
        take = min(per_class, pool.size)
        out.append(np.sort(rng.choice(pool, size=take, replace=False)).astype(np.int64))
    return out


def report_rows(report: Any) -> list[tuple[str, float, float, float, int]]:
    """The report as (name, precision, recall, f1, support) rows: every class, then the averages."""
    rows = [(m.name, m.precision, m.recall, m.f1, m.support) for m in report.per_class]
    for name, avg in (("macro avg", report.macro), ("weighted avg", report.weighted)):
        rows.append((name, avg.precision, avg.recall, avg.f1, avg.support))
    return [(str(r[0]), float(r[1]), float(r[2]), float(r[3]), int(r[4])) for r in rows]


@dataclass(frozen=True)
class DatasetSummary:
    """What the dataset explorer shows, computed once off the GUI thread."""

    dataset: Any  # nndesk.data.Dataset
    class_names: tuple[str, ...]
    counts: dict[str, np.ndarray]  # split ("train" | "test") -> int64 (k,) images per class
    means: dict[str, np.ndarray]  # split -> float32 (k, 28, 28) mean image per class
    #: why a split is missing: (one line, the DataOffer of its banner) when a test file is
    #: damaged and the training split alone is shown; None when both splits are here
    problem: tuple[str, Any] | None = None

    def has(self, split: str) -> bool:
        """Whether ``split`` holds any image (the test split of a damaged folder: none)."""
        return len(self.labels(split)) > 0

    @property
    def name(self) -> str:
        return str(self.dataset.name)

    def images(self, split: str) -> np.ndarray:
        return self.dataset.train_images if split == "train" else self.dataset.test_images

    def labels(self, split: str) -> np.ndarray:
        return self.dataset.train_labels if split == "train" else self.dataset.test_labels


def summarise_dataset(dataset: Any, problem: tuple[str, Any] | None = None) -> DatasetSummary:
    """Counts and mean images per class for both splits of ``dataset`` (``problem``: why one
    of them is empty, see ``DatasetSummary.problem``)."""
    names = tuple(dataset.class_names)
    k = len(names)
    counts, means = {}, {}
    for split, images, labels in (
        ("train", dataset.train_images, dataset.train_labels),
        ("test", dataset.test_images, dataset.test_labels),
    ):
        counts[split] = label_counts(labels, k)
        means[split] = class_means(images, labels, k)
    return DatasetSummary(dataset, names, counts, means, problem)
