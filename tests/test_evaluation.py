"""evaluate() and mistakes() on a tiny hand-made classifier whose mistakes are known in advance."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.errors import ConfigError
from nndesk.evaluation import (
    ScoringStopped,
    class_means,
    evaluate,
    label_counts,
    mistakes,
    report_rows,
    sample_per_class,
    score,
)
from nndesk.inference import Classifier
from nndesk.nn.architecture import build_model
from nndesk.nn.losses import make_loss
from nndesk.nn.metrics import classification_report, confusion_matrix
from tests.fake_classifier import FakeClassifier

CLASS_NAMES = ("zero", "one", "two", "three")
N_IMAGES = 40
# test index -> (predicted class, confidence); every other image is right with confidence 0.9
WRONG = {
    3: (0, 0.55),  # true 3 -> 0
    5: (2, 0.95),  # true 1 -> 2, the most confident mistake
    9: (2, 0.60),  # true 1 -> 2
    13: (2, 0.80),  # true 1 -> 2
    14: (0, 0.70),  # true 2 -> 0
    22: (0, 0.45),  # true 2 -> 0
    27: (1, 0.85),  # true 3 -> 1
}


def make_labels() -> np.ndarray:
    return (np.arange(N_IMAGES) % len(CLASS_NAMES)).astype(np.int64)


def make_images(labels: np.ndarray) -> np.ndarray:
    """Pixel (0, 0) stores the test index (so the fake model can look its answer up); a bright
    bar at a class-dependent row makes thumbnails tell the classes apart."""
    images = np.zeros((len(labels), 28, 28), dtype=np.uint8)
    for i, y in enumerate(labels):
        images[i, 4 + 5 * int(y) : 8 + 5 * int(y), 6:22] = 220
        images[i, 0, 0] = i
    return images


class TableClassifier(FakeClassifier):
    """A stand-in Classifier: answers from a table keyed by the index stored in pixel (0, 0)."""

    dataset = "toy"
    title = "table-model"

    def __init__(self, labels: np.ndarray, wrong: dict[int, tuple[int, float]] = WRONG):
        k = len(CLASS_NAMES)
        self.class_names = CLASS_NAMES
        self.table = np.zeros((len(labels), k), dtype=np.float32)
        for i, y in enumerate(labels):
            pred, conf = wrong.get(i, (int(y), 0.9))
            self.table[i] = (1.0 - conf) / (k - 1)
            self.table[i, pred] = conf
        self.calls: list[int] = []

    def probabilities(self, images28: np.ndarray) -> np.ndarray:
        self.calls.append(len(images28))
        idx = np.asarray(images28)[:, 0, 0].astype(np.int64)
        return self.table[idx]


def toy_result(wrong=WRONG):
    labels = make_labels()
    return evaluate(TableClassifier(labels, wrong), make_images(labels), labels, batch_size=16)


def test_evaluate_reports_the_known_mistakes_and_accuracy():
    result = toy_result()
    assert result.n == N_IMAGES
    assert result.n_mistakes == len(WRONG)
    assert result.accuracy == pytest.approx(1 - len(WRONG) / N_IMAGES)
    for i, (pred, _conf) in WRONG.items():
        assert result.predictions[i] == pred


def test_confusion_counts_equal_metrics_confusion_matrix():
    result = toy_result()
    expected = confusion_matrix(result.labels, result.predictions, len(CLASS_NAMES))
    np.testing.assert_array_equal(result.confusion, expected)
    assert result.confusion[1, 2] == 3  # indices 5, 9, 13
    assert result.confusion.sum() == N_IMAGES


def test_report_matches_metrics_classification_report():
    result = toy_result()
    expected = classification_report(result.labels, result.predictions, list(CLASS_NAMES))
    assert result.report.to_dict() == expected.to_dict()
    rows = report_rows(result.report)
    assert [r[0] for r in rows] == [*CLASS_NAMES, "macro avg", "weighted avg"]
    assert rows[-1][4] == N_IMAGES


def test_loss_is_mean_negative_log_probability_of_the_true_class():
    result = toy_result()
    k = len(CLASS_NAMES)
    p_true = [(1 - WRONG[i][1]) / (k - 1) if i in WRONG else 0.9 for i in range(N_IMAGES)]
    assert result.loss == pytest.approx(-np.mean(np.log(p_true)), rel=1e-5)


@pytest.mark.parametrize(("output", "loss"), [("sigmoid", "bce"), ("softmax", "mse")])
def test_the_loss_reported_is_the_models_own_loss(output, loss):
    rng = np.random.default_rng(0)
    model = build_model("784-5-4", output=output, rng=rng)
    info = {
        "class_names": list(CLASS_NAMES),
        "normalization": {"kind": "unit"},
        "config": {"loss": loss, "output": output},
    }
    clf = Classifier.from_info(model, info)
    labels = make_labels()
    images = make_images(labels)
    result = evaluate(clf, images, labels, batch_size=16)
    own_loss = make_loss(loss, output)(model.forward(clf.normalizer(images)), labels)
    assert result.loss == pytest.approx(float(own_loss), rel=1e-5)
    true_p = result.probabilities[np.arange(len(labels)), labels]
    assert result.loss != pytest.approx(float(-np.mean(np.log(true_p))), rel=1e-3)  # not CE


def test_evaluate_runs_in_batches_and_reports_progress():
    labels = make_labels()
    clf = TableClassifier(labels)
    seen = []
    images = make_images(labels)
    evaluate(clf, images, labels, batch_size=16, progress=lambda d, t: seen.append((d, t)))
    assert clf.calls == [16, 16, 8]
    assert seen == [(0, 40), (16, 40), (32, 40), (40, 40)]


def test_scoring_asked_to_stop_ends_before_its_next_chunk():
    """A window quitting waits for the chunk under way at most, not the whole split."""
    rng = np.random.default_rng(0)
    model = build_model("784-5-4", rng=rng)
    labels = make_labels()
    x = rng.random((len(labels), 784), dtype=np.float32)
    loss = make_loss("ce", "softmax")
    chunks: list[int] = []
    with pytest.raises(ScoringStopped):
        score(
            model,
            loss,
            x,
            labels,
            chunk=16,
            progress=lambda d, t: chunks.append(d),
            should_stop=lambda: len(chunks) > 1,
        )
    assert chunks == [0, 16]  # one chunk scored, the second refused
    assert score(model, loss, x, labels, chunk=16, should_stop=lambda: False).predictions.shape == (
        len(labels),
    )


def test_mistakes_sorted_by_confidence_puts_the_most_confident_first():
    result = toy_result()
    idx = mistakes(result, sort="confidence")
    assert list(idx) == [5, 27, 13, 14, 9, 3, 22]
    conf = result.confidence[idx]
    assert np.all(np.diff(conf) <= 0)


def test_mistakes_sorted_by_index_keep_test_order():
    assert list(mistakes(toy_result(), sort="index")) == sorted(WRONG)


def test_mistakes_filter_by_true_predicted_or_both():
    result = toy_result()
    assert set(mistakes(result, true=1)) == {5, 9, 13}
    assert set(mistakes(result, predicted=0)) == {3, 14, 22}
    assert set(mistakes(result, true=3, predicted=1)) == {27}
    assert list(mistakes(result, true=0, predicted=3)) == []


def test_diagonal_cell_gives_the_correct_images_of_that_class():
    result = toy_result()
    idx = mistakes(result, true=2, predicted=2, sort="index")
    expected = [i for i in range(2, N_IMAGES, 4) if i not in WRONG]
    assert list(idx) == expected
    assert len(idx) == result.confusion[2, 2]


def test_every_cell_selection_has_the_matrix_count():
    result = toy_result()
    for a in range(4):
        for b in range(4):
            assert len(mistakes(result, true=a, predicted=b)) == result.confusion[a, b]


def test_mistakes_rejects_unknown_sort_and_class():
    result = toy_result()
    with pytest.raises(ConfigError):
        mistakes(result, sort="size")
    with pytest.raises(ConfigError):
        mistakes(result, true=7)


def test_evaluate_with_a_real_model_and_normalizer():
    from nndesk.data.normalize import Normalizer
    from nndesk.inference import Classifier
    from nndesk.nn.architecture import build_model

    rng = np.random.default_rng(0)
    model = build_model("784-16-10", rng=rng)
    clf = Classifier(model, Normalizer("unit"), tuple(str(d) for d in range(10)), "digits", "mnist")
    images = rng.integers(0, 256, size=(30, 28, 28), dtype=np.uint8)
    labels = rng.integers(0, 10, size=30).astype(np.int64)
    result = evaluate(clf, images, labels, batch_size=7)
    expected = model.predict_proba(Normalizer("unit")(images))
    np.testing.assert_allclose(result.probabilities, expected, rtol=1e-5)
    assert result.accuracy == pytest.approx(np.mean(expected.argmax(1) == labels))


def test_label_counts_and_class_means():
    labels = np.array([0, 0, 2, 2, 2], dtype=np.int64)
    images = np.zeros((5, 28, 28), dtype=np.uint8)
    images[:2] = 100
    images[2:] = np.array([30, 60, 90], dtype=np.uint8)[:, None, None]
    np.testing.assert_array_equal(label_counts(labels, 3), [2, 0, 3])
    means = class_means(images, labels, 3)
    assert means.shape == (3, 28, 28)
    np.testing.assert_allclose(means[0], 100)
    np.testing.assert_allclose(means[1], 0)
    np.testing.assert_allclose(means[2], 60)


def test_sample_per_class_draws_only_that_class_without_repeats():
    labels = make_labels()
    picks = sample_per_class(labels, 4, 6, np.random.default_rng(1))
    for k, idx in enumerate(picks):
        assert len(idx) == 6 and len(set(idx)) == 6
        assert np.all(labels[idx] == k)
