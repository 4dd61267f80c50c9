"""explain.py: saliency against float64 finite differences, runner-up, hidden units."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.data.normalize import Normalizer
from nndesk.explain import (
    SALIENCY_KINDS,
    explain_prediction,
    hidden_features,
    integrated_gradients,
    nearest,
    normalizer_slope,
    occlusion,
    runner_up,
    saliency,
    score_weights,
    scores,
    smoothgrad,
    top_hidden_units,
    unseen_pixels,
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
        saliency(model, Normalizer("unit"), np.zeros((28, 28)), 0, kind="lime")


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


# ---- the other attributions -------------------------------------------------------------------
def _smooth_model(seed: int, arch: str = "784-12-10"):
    return build_model(arch, activation="tanh", rng=np.random.default_rng(seed)).astype(np.float64)


def test_integrated_gradients_add_up_to_the_score_change_from_the_black_image():
    rng = np.random.default_rng(5)
    model = _smooth_model(5)
    normalizer = _standard_normalizer(rng)
    image = np.zeros((28, 28))
    image[6:22, 10:18] = rng.uniform(100, 255, size=(16, 8))
    for c, contrast in [(3, None), (7, 1)]:
        w = score_weights(10, c, contrast)
        attr = integrated_gradients(model, normalizer, image, w, steps=64)
        change = (
            scores(model, normalizer, image[None], w)[0]
            - scores(model, normalizer, np.zeros((1, 28, 28)), w)[0]
        )
        assert abs(change) > 0.05  # the check below is not 0 == 0
        assert attr.sum() == pytest.approx(change, rel=1e-2)
        assert np.all(attr[image.reshape(784) == 0] == 0)  # no ink, no attribution


def test_occlusion_gives_zero_to_a_pixel_the_model_ignores():
    rng = np.random.default_rng(6)
    model = build_model("784-10", rng=rng)
    W = model.layers[0].params["W"]  # (784, 10)
    ignored = 14 * 28 + 9  # pixel (14, 9)
    W[ignored] = 0.0
    image = rng.uniform(0, 255, size=(28, 28)).astype(np.float32)
    attr = saliency(model, Normalizer("unit"), image, 4, kind="occlusion")
    one_pixel = occlusion(model, Normalizer("unit"), image, score_weights(10, 4), patch=1, stride=1)
    assert one_pixel[ignored] == 0.0
    # a linear model: blacking out one pixel drops the score by its weight x its ink
    expected = W[:, 4].astype(np.float64) * image.reshape(784) / 255.0
    np.testing.assert_allclose(one_pixel, expected, rtol=1e-3, atol=1e-5)
    assert attr.shape == (28, 28) and np.any(attr != 0)


def test_occlusion_of_a_region_the_model_ignores_is_zero_there():
    rng = np.random.default_rng(7)
    model = build_model("784-16-10", rng=rng)
    W = model.layers[0].params["W"].reshape(28, 28, 16)
    W[:, :12] = 0.0  # the model never looks at the left 12 columns
    image = rng.uniform(0, 255, size=(28, 28)).astype(np.float32)
    attr = saliency(model, Normalizer("unit"), image, 2, kind="occlusion")
    # every 4x4 square covering columns 0-8 lies in the ignored part: zero, up to the float32
    # rounding of rows summed in a different order inside one matrix product
    seen = np.abs(attr[:, 12:]).max()
    assert seen > 0.01
    assert np.abs(attr[:, :9]).max() <= 1e-5 * seen


def test_smoothgrad_with_zero_noise_is_the_gradient():
    rng = np.random.default_rng(8)
    model = _smooth_model(8)
    normalizer = _standard_normalizer(rng)
    image = rng.uniform(0, 255, size=(28, 28))
    w = score_weights(10, 5)
    zero = smoothgrad(model, normalizer, image, w, noise=0.0, samples=4)
    np.testing.assert_allclose(
        zero.reshape(28, 28), saliency(model, normalizer, image, 5, kind="gradient"), rtol=1e-5
    )
    noisy = smoothgrad(model, normalizer, image, w, noise=0.2, samples=4)
    assert not np.allclose(noisy, zero)


@pytest.mark.parametrize("kind", ["gradient", "gradient_x_input", "smoothgrad", "occlusion"])
def test_the_contrast_map_is_the_difference_of_the_two_class_maps(kind):
    rng = np.random.default_rng(9)
    model = _smooth_model(9)
    normalizer = _standard_normalizer(rng)
    image = rng.uniform(0, 255, size=(28, 28))
    contrast = saliency(model, normalizer, image, 7, kind=kind, contrast=1)
    seven = saliency(model, normalizer, image, 7, kind=kind)
    one = saliency(model, normalizer, image, 1, kind=kind)
    assert np.abs(contrast).max() > 0
    np.testing.assert_allclose(contrast, seven - one, rtol=1e-4, atol=1e-5 * np.abs(seven).max())


def test_every_kind_of_map_runs_through_a_cnn():
    model = build_model("784-c4-p-10", rng=np.random.default_rng(10))
    image = np.zeros((28, 28), np.float32)
    image[5:23, 12:16] = 255.0
    for kind in SALIENCY_KINDS:
        sal = saliency(model, Normalizer("unit"), image, 3, kind=kind)
        assert sal.shape == (28, 28) and np.isfinite(sal).all() and np.any(sal != 0)


# ---- nearest training images ------------------------------------------------------------------
def test_nearest_finds_the_closest_rows_in_order_on_a_hand_made_set():
    features = np.array([[0.0, 0.0], [3.0, 4.0], [1.0, 0.0], [0.0, 2.0], [10.0, 10.0], [1.0, 1.0]])
    order, dist = nearest(features, np.array([0.9, 0.2]), k=3)
    assert order.tolist() == [2, 5, 0]
    np.testing.assert_allclose(dist, np.sqrt([0.01 + 0.04, 0.01 + 0.64, 0.81 + 0.04]))
    order, _ = nearest(features, np.array([0.5, 0.0]), k=2)
    assert order.tolist() == [0, 2]  # a tie keeps the lower index first


def test_hidden_features_are_the_input_of_the_last_dense_layer():
    model = build_model("784-16-8-10", rng=np.random.default_rng(11))
    images = np.random.default_rng(12).uniform(0, 255, size=(7, 28, 28))
    normalizer = Normalizer("unit")
    feats = hidden_features(model, normalizer, images, batch=3)
    assert feats.shape == (7, 8)
    x = np.asarray(normalizer(images.astype(np.float32)))
    logits = feats @ model.layers[-1].params["W"] + model.layers[-1].params["b"]
    np.testing.assert_allclose(logits, model.forward(x), rtol=1e-4, atol=1e-5)
    assert hidden_features(model, normalizer, images, batch=3, should_stop=lambda: True) is None


@pytest.mark.parametrize(
    ("arch", "unseen"),
    [
        ("784-c8v-p-c8v-p-16-10", 2),  # 28 -> 26 -> 13 -> 11 -> 5: the last 2 rows and columns
        ("784-c8v-p-10", 0),  # 26 -> 13: pooling keeps everything
        ("784-c8-p-c8-p-16-10", 0),  # padded ("same") convolutions: 28 -> 14 -> 7
        ("784-c8v-c8v-p-10", 0),  # 26 -> 24 -> 12
        ("784-32-10", 0),  # an MLP sees every pixel
    ],
)
def test_unseen_pixels_are_exactly_those_whose_gradient_is_always_zero(arch, unseen):
    """Walk 43: a 1-epoch "784-c32v-p-c64v-p-128-10" showed a white L-band of zero saliency
    on the right and bottom. Valid convolutions and 2x2 pooling drop the last row and column
    of an 11x11 map, and the input pixels only they saw reach no output: zero gradient for
    every image and class, not a bug."""
    rng = np.random.default_rng(5)
    model = build_model(arch, rng=rng).astype(np.float64)
    mask = unseen_pixels(model)
    assert mask.shape == (28, 28) and mask.dtype == bool
    band = np.zeros((28, 28), bool)
    if unseen:
        band[-unseen:, :] = band[:, -unseen:] = True
    assert np.array_equal(mask, band)
    images = rng.uniform(0, 255, size=(6, 28, 28))
    grads = np.abs(
        np.stack(
            [
                saliency(model, Normalizer("unit"), im, c, "gradient")
                for c in (0, 3)
                for im in images
            ]
        )
    )
    assert not grads[:, mask].any()  # never the slightest effect
    assert (grads.max(axis=0)[~mask] > 0).all()  # every other pixel counts for some image


def test_a_filled_shape_is_told_from_strokes():
    """The Why page says a filled shape's slope maps are speckle (walk55 D6): a filled block
    is filled, a drawn digit's 2-3 px strokes are not, nothing drawn is not."""
    from nndesk.explain import FILLED_SHARE, filled_share

    block = np.zeros((28, 28), np.float32)
    block[6:22, 4:24] = 255.0
    seven = np.zeros((28, 28), np.float32)
    seven[5:8, 6:22] = 255.0
    seven[8:24, 16:19] = 255.0
    assert filled_share(block) >= FILLED_SHARE
    assert filled_share(seven) < FILLED_SHARE
    assert filled_share(np.zeros((28, 28))) == 0.0
    # inked pixels inside: 14 x 18 of the 16 x 20 block
    assert filled_share(block) == pytest.approx(14 * 18 / (16 * 20))
