"""Accuracy, the confusion matrix and the per-class report against hand-counted examples."""

import json

import numpy as np
import pytest

from nndesk.nn.metrics import accuracy, classification_report, confusion_matrix

Y_TRUE = np.array([0, 0, 0, 1, 1, 2, 2, 2, 2, 2])
Y_PRED = np.array([0, 0, 1, 1, 2, 2, 2, 2, 0, 2])


def test_accuracy_is_the_fraction_of_matches():
    assert accuracy(Y_TRUE, Y_PRED) == pytest.approx(0.7)
    assert accuracy(np.array([], np.int64), np.array([], np.int64)) == 0.0


def test_confusion_matrix_counts_true_rows_and_predicted_columns():
    cm = confusion_matrix(Y_TRUE, Y_PRED, 3)
    np.testing.assert_array_equal(cm, [[2, 1, 0], [0, 1, 1], [1, 0, 4]])
    assert cm.dtype == np.int64


def test_confusion_matrix_agrees_with_a_plain_loop_on_random_labels():
    rng = np.random.default_rng(0)
    t, p = rng.integers(0, 10, 500), rng.integers(0, 10, 500)
    expected = np.zeros((10, 10), np.int64)
    for a, b in zip(t, p, strict=True):
        expected[a, b] += 1
    np.testing.assert_array_equal(confusion_matrix(t, p, 10), expected)


def test_confusion_matrix_rejects_labels_out_of_range():
    with pytest.raises(ValueError, match="labels must lie"):
        confusion_matrix(np.array([0, 3]), np.array([0, 1]), 3)


def test_report_per_class_values_and_averages():
    r = classification_report(Y_TRUE, Y_PRED, ["a", "b", "c"])
    # class a: tp 2, predicted 3, true 3; b: tp 1, predicted 2, true 2; c: tp 4, predicted 5, true 5
    prec = [2 / 3, 1 / 2, 4 / 5]
    rec = [2 / 3, 1 / 2, 4 / 5]
    for m, p, q, s in zip(r.per_class, prec, rec, [3, 2, 5], strict=True):
        assert m.precision == pytest.approx(p) and m.recall == pytest.approx(q)
        assert m.f1 == pytest.approx(2 * p * q / (p + q)) and m.support == s
    assert r.macro.precision == pytest.approx(np.mean(prec))
    assert r.weighted.recall == pytest.approx((3 * 2 / 3 + 2 * 1 / 2 + 5 * 4 / 5) / 10)
    assert r.accuracy == pytest.approx(0.7) and r.macro.support == 10


def test_report_gives_zero_instead_of_dividing_by_zero():
    r = classification_report(np.array([0, 0]), np.array([0, 0]), ["x", "never", "also never"])
    never = r.per_class[1]
    assert (never.precision, never.recall, never.f1, never.support) == (0.0, 0.0, 0.0, 0)
    assert r.per_class[0].f1 == 1.0


def test_report_text_is_the_sklearn_table():
    text = classification_report(Y_TRUE, Y_PRED, ["zero", "one", "two"]).to_text()
    lines = text.splitlines()
    assert lines[0].split() == ["precision", "recall", "f1-score", "support"]
    assert lines[2].split() == ["zero", "0.67", "0.67", "0.67", "3"]
    assert lines[-3].split() == ["accuracy", "0.70", "10"]
    assert lines[-2].split()[:2] == ["macro", "avg"]
    assert lines[-1].split() == ["weighted", "avg", "0.70", "0.70", "0.70", "10"]


def test_report_dict_is_json_and_keyed_by_class_name():
    d = classification_report(Y_TRUE, Y_PRED, ["zero", "one", "two"]).to_dict()
    back = json.loads(json.dumps(d))
    assert set(back) == {"per_class", "macro", "weighted", "accuracy"}
    assert back["per_class"]["two"] == {
        "precision": 0.8,
        "recall": 0.8,
        "f1": pytest.approx(0.8),
        "support": 5,
    }
