"""explain.py: saliency against float64 finite differences, runner-up, hidden units."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.data.normalize import Normalizer
from nndesk.explain import (
    explain_prediction,
    normalizer_slope,
    runner_up,
    saliency,
    top_hidden_units,
)
from nndesk.nn.architecture import build_model


def _standard_normalizer(rng) -> Normalizer:
    # per-pixel standardisation: a different slope per pixel, so the chain rule is really tested
    images = rng.integers(0, 256, size=(64, 28, 28)).astype(np.uint8)
    return Normalizer("standard", per_pixel=True).fit(images)


def _logit(model, normalizer, pixels: np.ndarray, c: int) -> float:
    x = np.asarray(normalizer(pixels.reshape(1, 28, 28)), np.float64)
    return float(model.forward(x)[0, c])


@pytest.mark.parametrize("kind", ["gradient", "gradient_x_input"])
def test_saliency_matches_finite_differences_of_the_class_logit(kind):
    rng = np.random.default_rng(1)
    model = build_model("784-12-10", activation="tanh", rng=rng).astype(np.float64)
    normalizer = _standard_normalizer(rng)
    image = rng.uniform(0, 255, size=(28, 28))
    c = 3
    sal = saliency(model, normalizer, image, c, kind=kind)
    assert sal.shape == (28, 28) and sal.dtype == np.float32
    eps = 0.5  # pixels; the float32 normaliser output limits how small eps can usefully be
    for r, col in [(0, 0), (5, 17), (14, 14), (27, 3), (20, 22)]:
        up, down = image.copy(), image.copy()
        up[r, col] += eps
        down[r, col] -= eps
        numeric = (_logit(model, normalizer, up, c) - _logit(model, normalizer, down, c)) / (
            2 * eps
        )
        if kind == "gradient_x_input":
            numeric *= image[r, col]
        assert sal[r, col] == pytest.approx(numeric, rel=2e-3, abs=1e-6)


def test_saliency_of_an_unused_pixel_is_zero_for_gradient_x_input():
    rng = np.random.default_rng(2)
    model = build_model("784-8-10", rng=rng)
    image = np.zeros((28, 28), np.float32)
    image[10:18, 12:16] = 255.0
    sal = saliency(model, Normalizer("unit"), image, 0, kind="gradient_x_input")
    assert np.all(sal[image == 0] == 0)
    assert np.any(sal[image > 0] != 0)


def test_saliency_rejects_an_unknown_kind():
    model = build_model("784-10", rng=np.random.default_rng(0))
    with pytest.raises(ValueError, match="unknown saliency kind"):
        saliency(model, Normalizer("unit"), np.zeros((28, 28)), 0, kind="smoothgrad")


def test_saliency_works_through_a_cnn():
    rng = np.random.default_rng(3)
    model = build_model("784-c4-p-10", rng=rng).astype(np.float64)
    normalizer = Normalizer("unit")
    image = rng.uniform(0, 255, size=(28, 28))
    sal = saliency(model, normalizer, image, 7)
    r, col, eps = 13, 9, 0.5
    up, down = image.copy(), image.copy()
    up[r, col] += eps
    down[r, col] -= eps
    numeric = (_logit(model, normalizer, up, 7) - _logit(model, normalizer, down, 7)) / (2 * eps)
    assert sal[r, col] == pytest.approx(numeric, rel=5e-3, abs=1e-6)


def test_normalizer_slope_of_unit_scaling_is_one_over_255():
    assert np.allclose(normalizer_slope(Normalizer("unit")), 1 / 255)


def test_runner_up_is_the_second_class_and_its_margin():
    assert runner_up(np.array([0.1, 0.6, 0.05, 0.25])) == (3, pytest.approx(0.35))


def test_runner_up_breaks_ties_towards_the_lower_index():
    index, margin = runner_up(np.array([0.4, 0.2, 0.4]))
    assert index == 2 and margin == 0.0


def test_top_hidden_units_are_the_most_active_with_their_weights():
    rng = np.random.default_rng(4)
    model = build_model("784-16-10", rng=rng)
    x = rng.uniform(0, 1, size=(784,)).astype(np.float32)
    units = top_hidden_units(model, x, n=5)
    dense = model.layers[0]
    pre = x @ dense.params["W"] + dense.params["b"]  # (784,) @ (784, 16) -> (16,)
    expected = np.argsort(-np.maximum(pre, 0), kind="stable")[:5]
    assert [u for u, _, _ in units] == list(expected)
    for unit, activation, weights in units:
        assert activation == pytest.approx(max(pre[unit], 0.0), rel=1e-5, abs=1e-6)
        assert weights.shape == (28, 28)
        assert np.array_equal(weights.reshape(784), dense.params["W"][:, unit])


def test_top_hidden_units_is_empty_for_a_cnn_and_for_a_net_without_hidden_layer():
    rng = np.random.default_rng(5)
    x = np.zeros(784, np.float32)
    assert top_hidden_units(build_model("784-c4-p-10", rng=rng), x) == []
    assert top_hidden_units(build_model("784-10", rng=rng), x) == []


def test_explain_prediction_bundles_the_top_class_saliency_runner_up_and_units():
    rng = np.random.default_rng(6)
    model = build_model("784-16-10", rng=rng)
    normalizer = Normalizer("unit")
    image = rng.uniform(0, 255, size=(28, 28)).astype(np.float32)
    probs = model.predict_proba(normalizer(image[None]))[0]
    exp = explain_prediction(model, normalizer, image, probs, kind="gradient_x_input", n_units=3)
    top = int(np.argmax(probs))
    assert exp.class_index == top
    assert (exp.runner_up, exp.margin) == runner_up(probs)
    assert np.allclose(exp.saliency, saliency(model, normalizer, image, top, "gradient_x_input"))
    assert len(exp.hidden_units) == 3
