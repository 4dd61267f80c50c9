"""Outlier exposure: training images labelled OUTLIER (none of the classes) train towards the
uniform distribution and are left out of every accuracy and confusion figure."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from nndesk.data.dataset import Dataset
from nndesk.nn.losses import OUTLIER, SoftmaxCrossEntropy
from nndesk.training import BatchReport, EpochProgress, EpochReport, TrainConfig, prepare, train
from tests.conftest import make_blob_images

FAST = TrainConfig(dataset="tiny", arch="784-16-10", batch_size=16, epochs=2, lr=3e-3)


def _tiny(outliers: int, seed: int = 0) -> Dataset:
    """200 learnable train images (class k lights a square at its place), then ``outliers``
    images of a kind no class has (a bright bar across the bottom rows), labelled OUTLIER."""
    rng = np.random.default_rng(seed)
    y = np.arange(200) % 10
    rng.shuffle(y)
    y_test = np.arange(50) % 10
    train_images = make_blob_images(y, rng)
    odd = _bars(outliers, rng)
    return Dataset(
        name="tiny",
        class_names=tuple(f"class {k}" for k in range(10)),
        preprocess="digits",
        train_images=np.concatenate([train_images, odd]),
        train_labels=np.concatenate([y, np.full(outliers, OUTLIER)]).astype(np.int64),
        test_images=make_blob_images(y_test, rng),
        test_labels=y_test.astype(np.int64),
    )


def _bars(n: int, rng: np.random.Generator) -> np.ndarray:
    images = rng.integers(0, 40, size=(n, 28, 28), dtype=np.uint8)
    images[:, 24:27, 2:26] = 230
    return images


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def test_accuracy_loss_and_confusion_leave_outlier_rows_out():
    # one full batch: its figures describe the model before its one update, scored here first
    config = FAST.replace(batch_size=0, epochs=1, optimizer="gd", val_fraction=0.0)
    session = prepare(config, dataset=_tiny(outliers=40))
    logits = session.model.forward(session.x_train, training=False).astype(np.float64)
    y = session.y_train
    labelled = y >= 0
    reports = list(train(session))
    epoch = next(r for r in reports if isinstance(r, EpochReport))
    batch = next(r for r in reports if isinstance(r, BatchReport))
    guessed = logits.argmax(axis=1)
    expected = float(np.mean(guessed[labelled] == y[labelled]))
    assert epoch.train_accuracy == pytest.approx(expected, abs=1e-12)
    assert batch.accuracy == pytest.approx(expected, abs=1e-12)
    # the training confusion counts the 200 labelled images only
    confusion = np.array(epoch.confusion)
    assert confusion.sum() == 200
    np.testing.assert_array_equal(confusion.sum(axis=1), np.bincount(y[labelled], minlength=10))
    # the loss: cross-entropy for labelled rows, against 1/10 everywhere for the 40 outliers
    log_p = np.log(_softmax(logits))
    terms = np.where(labelled, -log_p[np.arange(len(y)), np.maximum(y, 0)], -log_p.mean(axis=1))
    assert epoch.train_loss == pytest.approx(float(terms.mean()), rel=1e-5)


def test_outlier_rows_never_enter_the_validation_split():
    session = prepare(FAST.replace(val_fraction=0.2), dataset=_tiny(outliers=30))
    assert (session.y_val >= 0).all() and len(session.y_val) == 40
    assert np.count_nonzero(session.y_train == OUTLIER) == 30 and len(session.y_train) == 190
    # the labelled images are split as without outliers: the same validation images
    plain = prepare(FAST.replace(val_fraction=0.2), dataset=_tiny(outliers=0))
    np.testing.assert_array_equal(session.x_val, plain.x_val)


def test_a_run_without_outliers_never_takes_the_outlier_paths(monkeypatch):
    """Ordinary training runs the code it ran before outlier exposure existed."""

    def refuse(*args, **kwargs):
        raise AssertionError("the outlier path ran for a batch without outliers")

    monkeypatch.setattr(SoftmaxCrossEntropy, "_with_outliers", refuse)
    reports = list(train(prepare(FAST.replace(val_fraction=0.0), dataset=_tiny(outliers=0))))
    epochs = [r for r in reports if isinstance(r, EpochReport)]
    assert len(epochs) == 2 and np.array(epochs[-1].confusion).sum() == 200


def test_outlier_exposure_makes_the_network_unsure_of_such_images():
    config = FAST.replace(epochs=12, val_fraction=0.0)
    unseen = _bars(50, np.random.default_rng(9))

    def top_probability(outliers: int) -> tuple[float, float]:
        session = prepare(config, dataset=_tiny(outliers))
        list(train(session))
        probs = _softmax(session.model.forward(session.normalizer(unseen), training=False))
        return float(probs.max(axis=1).mean()), session.evaluate_test().accuracy

    sure, plain_accuracy = top_probability(0)
    unsure, exposed_accuracy = top_probability(20)
    assert unsure < 0.3 < sure  # near 1/10 with exposure (20 of 220 images), a guess without
    assert exposed_accuracy >= plain_accuracy - 0.05  # the classes are still read


def test_a_stopped_epochs_outlier_count_is_kept_and_checked():
    progress = EpochProgress(batches=3, seen=48, loss_sum=50.0, correct=20, seconds=1.0, outliers=8)
    saved = dataclasses.asdict(progress)
    assert EpochProgress.from_dict(saved, 100) == progress
    assert progress.accuracy == 20 / 40
    older = {k: v for k, v in saved.items() if k != "outliers"}  # a file from before
    assert EpochProgress.from_dict(older, 100).outliers == 0
    assert EpochProgress.from_dict({**saved, "outliers": 49}, 100) is None
    assert EpochProgress.from_dict({**saved, "outliers": -1}, 100) is None
