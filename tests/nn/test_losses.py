"""Losses: values against the textbook formulas, gradients against finite differences."""

import numpy as np
import pytest

from nndesk.errors import ConfigError
from nndesk.nn.losses import OUTLIER, make_loss, one_hot
from tests.nn.gradcheck import numeric_grad

CASES = [
    ("ce", "softmax"),
    ("bce", "sigmoid"),
    ("mse", "softmax"),
    ("mse", "sigmoid"),
    ("mse", "linear"),
]


@pytest.mark.parametrize("with_outliers", [False, True], ids=["classes", "with-outliers"])
@pytest.mark.parametrize(("name", "output"), CASES)
def test_loss_gradient_matches_finite_differences(name, output, with_outliers):
    """With outlier rows too (a label OUTLIER (-1): "none of these classes", a uniform target)."""
    rng = np.random.default_rng(0)
    logits = rng.standard_normal((6, 4)) * 2
    labels = rng.integers(0, 4, 6)
    if with_outliers:
        labels[[1, 3]] = OUTLIER
    loss = make_loss(name, output)
    loss(logits, labels)
    analytic = loss.backward().copy()
    numeric = numeric_grad(lambda z: make_loss(name, output)(z, labels), logits)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-9)


def test_cross_entropy_equals_minus_log_softmax_of_the_true_class():
    logits = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 0.0]])
    labels = np.array([0, 2])
    p = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
    expected = -np.mean(np.log(p[[0, 1], labels]))
    assert make_loss("ce", "softmax")(logits, labels) == pytest.approx(expected, rel=1e-12)


def test_softmax_cross_entropy_is_stable_for_logits_of_1e4():
    logits = np.array([[1e4, 0.0, -1e4], [0.0, 1e4, 0.0]], dtype=np.float32)
    loss = make_loss("ce", "softmax")
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        value = loss(logits, np.array([0, 0]))
        grad = loss.backward()
    # sample 0 is right with certainty (loss 0); sample 1 is wrong by 1e4
    assert value == pytest.approx(1e4 / 2, rel=1e-6)
    assert np.all(np.isfinite(grad))
    np.testing.assert_allclose(grad, [[0, 0, 0], [-0.5, 0.5, 0]], atol=1e-6)


def test_binary_cross_entropy_matches_keras_mean_over_classes_and_is_stable():
    logits = np.array([[3.0, -1.0], [0.2, 0.4]])
    labels = np.array([0, 1])
    s = 1 / (1 + np.exp(-logits))
    t = one_hot(labels, 2, np.float64)
    expected = -np.mean(t * np.log(s) + (1 - t) * np.log(1 - s))
    assert make_loss("bce", "sigmoid")(logits, labels) == pytest.approx(expected, rel=1e-12)
    huge = np.array([[1e4, -1e4]], dtype=np.float32)
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        assert make_loss("bce", "sigmoid")(huge, np.array([0])) == pytest.approx(0.0, abs=1e-6)


def test_mse_compares_the_activated_output_with_one_hot_targets():
    logits = np.array([[0.0, 0.0]])
    # softmax gives (0.5, 0.5) against (1, 0): mean of 0.25 and 0.25
    assert make_loss("mse", "softmax")(logits, np.array([0])) == pytest.approx(0.25)
    assert make_loss("mse", "linear")(logits, np.array([0])) == pytest.approx(0.5)


def test_losses_keep_float32_gradients_for_float32_logits():
    logits = np.random.default_rng(0).standard_normal((3, 5)).astype(np.float32)
    for name, output in CASES:
        loss = make_loss(name, output)
        loss(logits, np.array([0, 1, 2]))
        assert loss.backward().dtype == np.float32, (name, output)


def test_make_loss_refuses_a_mismatched_output():
    with pytest.raises(ConfigError, match="needs the softmax output"):
        make_loss("ce", "sigmoid")
    with pytest.raises(ConfigError, match="needs the sigmoid output"):
        make_loss("bce", "softmax")
    with pytest.raises(ConfigError, match="unknown loss"):
        make_loss("hinge", "softmax")


def test_backward_before_a_call_is_an_error():
    with pytest.raises(RuntimeError):
        make_loss("ce", "softmax").backward()


@pytest.mark.parametrize(("name", "output"), CASES)
def test_parts_of_a_batch_give_shares_of_its_loss_and_its_gradient_rows(name, output):
    rng = np.random.default_rng(3)
    logits = rng.standard_normal((10, 4)) * 3
    labels = rng.integers(0, 4, 10)
    whole = make_loss(name, output)
    value = whole(logits, labels)
    grad = whole.backward().copy()
    part = make_loss(name, output)
    shares = []
    for rows in (slice(0, 3), slice(3, 10)):
        shares.append(part(logits[rows], labels[rows], batch=10))
        # each row's arithmetic is the whole batch's, with the same divisor
        np.testing.assert_array_equal(part.backward(), grad[rows])
    assert sum(shares) == pytest.approx(value, rel=1e-14)
    assert part(logits, labels, batch=10) == value  # the whole batch as its only part


# -- outlier exposure: a label OUTLIER (-1) means "none of these classes", a uniform target --


def test_cross_entropy_of_an_outlier_row_is_against_the_uniform_distribution():
    logits = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 0.0], [1.0, -1.0, 3.0]])
    labels = np.array([0, OUTLIER, 2])
    p = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
    terms = [-np.log(p[0, 0]), -np.mean(np.log(p[1])), -np.log(p[2, 2])]
    loss = make_loss("ce", "softmax")
    assert loss(logits, labels) == pytest.approx(np.mean(terms), rel=1e-12)
    grad = loss.backward()
    # the textbook gradient: softmax minus the target (one-hot, or 1/k for the outlier), over n
    target = np.array([[1, 0, 0], [1 / 3, 1 / 3, 1 / 3], [0, 0, 1]])
    np.testing.assert_allclose(grad, (p - target) / 3, rtol=1e-12)
    # a row that is already uniform has nothing left to learn
    flat = make_loss("ce", "softmax")
    flat(np.zeros((1, 5)), np.array([OUTLIER]))
    np.testing.assert_allclose(flat.backward(), 0.0, atol=1e-15)


def test_one_hot_gives_an_outlier_the_uniform_row():
    np.testing.assert_allclose(
        one_hot(np.array([1, OUTLIER]), 4, np.float64), [[0, 1, 0, 0], [0.25] * 4]
    )


@pytest.mark.parametrize(("name", "output"), CASES)
def test_parts_of_a_batch_with_outliers_add_up_to_the_whole(name, output):
    rng = np.random.default_rng(4)
    logits = rng.standard_normal((8, 5))
    labels = np.array([OUTLIER, 1, 4, OUTLIER, 0, 2, OUTLIER, 3])
    whole = make_loss(name, output)
    total = whole(logits, labels)
    grad = whole.backward().copy()
    shares, rows = [], []
    for part in (slice(0, 3), slice(3, 8)):  # one part holds an outlier, the other two
        loss = make_loss(name, output)
        shares.append(loss(logits[part], labels[part], 8))
        rows.append(loss.backward().copy())
    assert sum(shares) == pytest.approx(total, rel=1e-12)
    np.testing.assert_allclose(np.vstack(rows), grad, rtol=1e-12, atol=1e-15)


def test_a_batch_of_only_outliers_and_float32_logits_stay_float32_and_finite():
    logits = np.array([[1e4, 0.0, -1e4], [3.0, 2.0, 1.0]], dtype=np.float32)
    loss = make_loss("ce", "softmax")
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        value = loss(logits, np.array([OUTLIER, OUTLIER]))
        grad = loss.backward()
    assert grad.dtype == np.float32 and np.isfinite(grad).all() and np.isfinite(value)
    # each row: its log-sum-exp less its mean logit (1e4 - 0, and 3 + log(1 + e^-1 + e^-2) - 2)
    assert value == pytest.approx((1e4 + 1 + np.log(np.exp([0, -1, -2]).sum())) / 2, rel=1e-6)
