"""Temperature scaling, the expected calibration error and the coverage curve, against numbers
worked out by hand and a temperature planted in synthetic logits."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nndesk import calibration
from nndesk.nn.losses import make_loss


def test_ece_of_a_hand_worked_example():
    # five answers; confidences 0.95, 0.95 (bin 15), 0.7, 0.7 (bin 11), 0.3 (bin 5)
    probs = np.array(
        [
            [0.95, 0.05],  # right
            [0.95, 0.05],  # wrong (label 1)
            [0.70, 0.30],  # right
            [0.30, 0.70],  # right (label 1)
            [0.30, 0.70],  # wrong (label 0)
        ]
    )
    labels = np.array([0, 1, 0, 1, 0])
    # bin (0.933, 1]: 2 answers, accuracy 0.5, confidence 0.95 -> gap 0.45
    # bin (0.667, 0.733]: 3 answers (0.7, 0.7, 0.7), accuracy 2/3, confidence 0.7 -> gap 0.0333
    expected = 2 / 5 * 0.45 + 3 / 5 * abs(2 / 3 - 0.7)
    assert calibration.ece(probs, labels) == pytest.approx(expected, abs=1e-12)
    rel = calibration.reliability(probs, labels)
    assert rel.counts.sum() == 5 and rel.counts[14] == 2 and rel.counts[10] == 3
    assert rel.accuracy[14] == pytest.approx(0.5) and rel.confidence[10] == pytest.approx(0.7)
    assert np.isnan(rel.accuracy[0])


def test_perfect_and_hopeless_confidence():
    labels = np.array([0, 1, 2, 0])
    right = np.eye(3)[labels]
    assert calibration.ece(right, labels) == 0.0
    wrong = np.eye(3)[(labels + 1) % 3]
    assert calibration.ece(wrong, labels) == pytest.approx(1.0)


def test_nll_at_temperature_one_is_the_models_own_cross_entropy():
    rng = np.random.default_rng(1)
    logits = rng.normal(0, 3, (50, 10)).astype(np.float32)
    labels = rng.integers(0, 10, 50)
    ce = make_loss("ce", "softmax")(logits, labels)
    assert calibration.nll(logits, labels, "softmax", 1.0) == pytest.approx(float(ce), rel=1e-5)
    bce = make_loss("bce", "sigmoid")(logits, labels)  # Keras' mean over classes too
    assert calibration.nll(logits, labels, "sigmoid", 1.0) / 10 == pytest.approx(float(bce), 1e-5)


@pytest.mark.parametrize("planted", [0.4, 1.0, 2.5, 6.0])
def test_fit_recovers_a_planted_temperature(planted):
    """Labels drawn from softmax(z / T): the fitted temperature is T, within sampling error."""
    rng = np.random.default_rng(7)
    z = rng.normal(0, 4, (20_000, 10))
    p = calibration.activate(z, "softmax", planted).astype(np.float64)
    labels = (p.cumsum(axis=1) > rng.random((len(z), 1))).argmax(axis=1)
    fitted = calibration.fit_temperature(z, labels)
    assert fitted == pytest.approx(planted, rel=0.05)
    # and scaling with it leaves the probabilities calibrated
    assert calibration.ece(calibration.activate(z, "softmax", fitted), labels) < 0.02


def test_sigmoid_fit_lands_on_the_minimum_of_its_nll():
    """For sigmoid outputs the fit minimises the binary cross-entropy over T (no closed form to
    plant, so check the minimum: a step either way costs more)."""
    rng = np.random.default_rng(3)
    z = rng.normal(0, 3, (5_000, 4))
    p = calibration.activate(z, "softmax", 2.0).astype(np.float64)
    labels = (p.cumsum(axis=1) > rng.random((len(z), 1))).argmax(axis=1)
    fitted = calibration.fit_temperature(z, labels, "sigmoid")
    assert calibration.MIN_TEMPERATURE < fitted < calibration.MAX_TEMPERATURE
    best = calibration.nll(z, labels, "sigmoid", fitted)
    for t in (fitted * 0.9, fitted * 1.1, 1.0):
        assert best < calibration.nll(z, labels, "sigmoid", t)


def test_temperature_never_changes_the_answer():
    rng = np.random.default_rng(0)
    z = rng.normal(0, 5, (200, 10))
    for t in (0.05, 0.5, 3.0, 20.0):
        assert np.array_equal(calibration.activate(z, "softmax", t).argmax(1), z.argmax(1))


def test_coverage_curve_by_hand():
    probs = np.array([[0.9, 0.1], [0.8, 0.2], [0.6, 0.4], [0.55, 0.45]])
    labels = np.array([0, 1, 0, 1])  # the 0.8 and 0.55 answers are wrong
    cov = calibration.coverage_curve(probs, labels, np.array([0.0, 0.56, 0.7, 0.85, 0.95]))
    assert cov.coverage.tolist() == [1.0, 0.75, 0.5, 0.25, 0.0]
    assert cov.confident_mistakes.tolist() == [2, 1, 1, 0, 0]
    assert cov.accuracy[:4].tolist() == [0.5, 2 / 3, 0.5, 1.0]
    assert math.isnan(cov.accuracy[4])


def test_temperature_values_a_file_may_hold():
    assert calibration.check_temperature(1.5) == 1.5
    for bad in (0, -1.0, math.nan, math.inf, 1e9, True, "2", None):
        with pytest.raises(ValueError):
            calibration.check_temperature(bad)
    assert calibration.temperature_of({}) == 1.0
    assert calibration.temperature_of({"calibration": {"temperature": 2.0}}) == 2.0


@pytest.mark.parametrize("n", [0, 1, calibration.MIN_CALIBRATION_IMAGES - 1])
def test_too_few_images_are_refused_rather_than_fitted_to_noise(n):
    from nndesk.errors import DataError

    logits = np.zeros((n, 10), np.float32)
    with pytest.raises(DataError, match="too few to calibrate on"):
        calibration.fit(logits, np.zeros(n, np.int64), "softmax", "validation")


def test_non_finite_outputs_are_refused():
    from nndesk.errors import DataError

    logits = np.full((50, 10), np.nan, np.float32)
    with pytest.raises(DataError, match="not finite"):
        calibration.fit(logits, np.zeros(50, np.int64), "softmax", "validation")
