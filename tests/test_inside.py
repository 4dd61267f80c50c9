"""The Inside page's arithmetic equals the model's own forward pass (nndesk.inside, no Qt)."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk import inside
from nndesk.data.normalize import Normalizer
from nndesk.inference import Classifier
from nndesk.nn.architecture import build_model
from nndesk.paths import WEIGHTS_DIR

SHIPPED = ["mnist-mlp", "mnist-cnn"]


def drawn_seven() -> np.ndarray:
    """A thick 7 in [0, 255], roughly where preprocess puts a drawing."""
    image = np.zeros((28, 28), np.float32)
    image[5:8, 7:22] = 255.0
    for r in range(8, 24):
        c = 21 - (r - 8) * 10 // 16
        image[r, c - 1 : c + 2] = 255.0
    image[13:15, 10:19] = 200.0
    return image


def shipped(name: str) -> Classifier:
    path = WEIGHTS_DIR / f"{name}.npz"
    if not path.is_file():
        pytest.fail(f"{path} is missing: the shipped weights are part of the product")
    return Classifier.from_file(path)


@pytest.fixture(params=SHIPPED)
def traced(request):
    clf = shipped(request.param)
    tr = inside.trace(clf.model, clf.normalizer, drawn_seven(), clf.class_names)
    return clf, tr


def test_trace_ends_in_the_models_own_probabilities(traced):
    clf, tr = traced
    expected = clf.probabilities(drawn_seven()[None], calibrated=False)[0]  # the raw softmax
    np.testing.assert_allclose(tr.probabilities, expected, rtol=1e-5, atol=1e-7)
    assert len(tr.layers) == len(clf.model.layers)
    for out, (name, shape, _) in zip(tr.layers, clf.model.summary_rows(), strict=True):
        assert out.name == name and out.values.shape == shape


def test_a_dense_units_arithmetic_equals_the_forward_pass(traced):
    clf, tr = traced
    model = clf.model
    for index in inside.dense_layers(model):
        values = tr.layers[index].values
        for unit in {0, int(np.argmax(values)), int(np.argmin(values)), values.size - 1}:
            math = inside.dense_unit(model, tr, index, unit)
            assert math.z == pytest.approx(float(values[unit]), rel=1e-4, abs=1e-4)
            assert math.z == pytest.approx(math.products.sum() + math.bias)
            # each step (activation, dropout) by hand equals the layer the model ran
            for step in math.steps:
                got = float(tr.layers[step.layer_index].values[unit])
                assert step.value == pytest.approx(got, rel=1e-4, abs=1e-4), step.formula
    first = inside.dense_layers(model)[0]
    relu = inside.dense_unit(model, tr, first, int(np.argmin(tr.layers[first].values)))
    if relu.steps and relu.steps[0].name == "ReLU":  # a negative z is cut to 0 and says so
        assert relu.z < 0 and relu.steps[0].value == 0.0 and "max(0" in relu.steps[0].formula


def test_strongest_terms_are_the_largest_products():
    clf = shipped("mnist-mlp")
    tr = inside.trace(clf.model, clf.normalizer, drawn_seven())
    math = inside.dense_unit(clf.model, tr, 0, 5)
    top = math.strongest(6)
    assert np.all(np.abs(math.products[top[0]]) >= np.abs(math.products))
    assert np.all(np.diff(np.abs(math.products[top])) <= 0)


def _convs(model):
    return [i for i, layer in enumerate(model.layers) if type(layer).__name__ == "Conv2D"]


def test_a_conv_pixels_arithmetic_equals_the_forward_pass_inside_and_at_the_border():
    clf = shipped("mnist-cnn")
    model = clf.model
    tr = inside.trace(model, clf.normalizer, drawn_seven(), clf.class_names)
    for index in _convs(model):
        maps = tr.layers[index].values  # (c, h, w)
        c, h, w = maps.shape
        for channel, row, col in [(0, 0, 0), (c - 1, h - 1, w - 1), (c // 2, h // 2, w // 3)]:
            px = inside.conv_pixel(model, tr, index, channel, row, col)
            assert px.patch.shape == px.kernel.shape == (model.layers[index].in_channels, 3, 3)
            assert px.z == pytest.approx(float(maps[channel, row, col]), rel=1e-4, abs=1e-4)
            assert px.channel_sums.sum() + px.bias == pytest.approx(px.z)
        corner = inside.conv_pixel(model, tr, index, 0, 0, 0)
        assert np.all(corner.patch[:, 0, :] == 0) and np.all(corner.patch[:, :, 0] == 0)  # padding


def test_the_pooling_winner_is_the_input_the_model_passed_on():
    clf = shipped("mnist-cnn")
    model = clf.model
    tr = inside.trace(model, clf.normalizer, drawn_seven())
    pools = [i for i, layer in enumerate(model.layers) if type(layer).__name__ == "MaxPool2D"]
    assert pools
    for index in pools:
        out = tr.layers[index].values
        before = tr.layer_input(index)
        for channel, row, col in [(0, 0, 0), (3, 5, 6), (out.shape[0] - 1, 6, 2)]:
            pool = inside.pool_window(tr, model, index, channel, row, col)
            r, c = pool.winner
            assert pool.value == float(out[channel, row, col])
            assert before[channel, r, c] == out[channel, row, col]
            assert row * 2 <= r < row * 2 + 2 and col * 2 <= c < col * 2 + 2


def test_batch_norm_is_its_own_step_and_matches_the_model():
    rng = np.random.default_rng(3)
    model = build_model("784-c4-bn-p-16-3", rng=rng)
    for layer in model.layers:  # running statistics a trained model would have
        if type(layer).__name__ == "BatchNorm2D":
            layer.buffers["running_mean"][...] = rng.normal(0, 0.5, layer.channels)
            layer.buffers["running_var"][...] = rng.uniform(0.5, 2.0, layer.channels)
            layer.params["gamma"][...] = rng.uniform(0.5, 1.5, layer.channels)
            layer.params["beta"][...] = rng.normal(0, 0.3, layer.channels)
    tr = inside.trace(model, Normalizer("unit"), drawn_seven())
    conv = _convs(model)[0]
    names = [type(layer).__name__ for layer in model.layers]
    px = inside.conv_pixel(model, tr, conv, 2, 9, 13)
    bn = [s for s in px.steps if s.name == "BatchNorm2D"]
    assert len(bn) == 1 and "BatchNorm" in bn[0].formula
    # its ε is written as a person writes it: "1e-05" sat among the formula's decimals
    assert "e-0" not in bn[0].formula and "10⁻⁵" in bn[0].formula, bn[0].formula
    for step in px.steps:
        assert names[step.layer_index] == step.name
        got = float(tr.layers[step.layer_index].values[2, 9, 13])
        assert step.value == pytest.approx(got, rel=1e-4, abs=1e-4), step.formula


def test_softmax_steps_give_the_models_answer_at_t1_and_sharpen_below_it():
    clf = shipped("mnist-cnn")
    tr = inside.trace(clf.model, clf.normalizer, drawn_seven())
    at1 = inside.softmax_steps(tr.logits, 1.0)
    np.testing.assert_allclose(at1.probabilities, tr.probabilities, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(at1.exps / at1.total, at1.probabilities)
    cold, hot = inside.softmax_steps(tr.logits, 0.5), inside.softmax_steps(tr.logits, 5.0)
    best = int(np.argmax(tr.logits))
    assert cold.probabilities[best] >= at1.probabilities[best] >= hot.probabilities[best]
    assert hot.probabilities.max() < at1.probabilities.max() or at1.probabilities.max() < 1e-6
    with pytest.raises(ValueError):
        inside.softmax_steps(tr.logits, 0.0)


def test_strongest_links_are_the_largest_contributions():
    a = np.array([1.0, -2.0, 0.5])
    W = np.array([[1.0, -1.0], [0.5, 3.0], [4.0, 0.0]])
    links = inside.strongest_links(a, W, np.arange(3), np.arange(2), 2)
    assert links == [(1, 1, -6.0), (2, 0, 2.0)]
    assert inside.strongest_links(a, W, np.arange(0), np.arange(2), 5) == []


def test_a_conv_pixel_is_followed_into_its_pooling_window_and_the_activation_after():
    clf = shipped("mnist-cnn")
    model = clf.model
    tr = inside.trace(model, clf.normalizer, drawn_seven())
    conv = _convs(model)[0]
    maps = tr.layers[conv].values
    row, col = np.unravel_index(int(np.argmax(maps[0])), maps[0].shape)
    px = inside.conv_pixel(model, tr, conv, 0, int(row), int(col))
    pool = inside.pool_after(model, tr, px)
    assert pool is not None  # the shipped CNN pools right after each convolution
    assert pool.winner == (row, col)  # the strongest pixel of a map wins its window
    for step in pool.steps:  # the ReLU after the pooling, by hand, equals the model's
        got = float(tr.layers[step.layer_index].values[0, pool.row, pool.col])
        assert step.value == pytest.approx(got, rel=1e-4, abs=1e-4)
    assert [s.name for s in pool.steps][:1] == ["ReLU"]


def test_strongest_links_pick_what_a_full_stable_sort_picks_ties_included():
    rng = np.random.default_rng(3)
    a = rng.integers(-3, 4, 300).astype(np.float64)  # small integers: many equal products
    W = rng.integers(-2, 3, (300, 20)).astype(np.float32)
    sources, targets = np.arange(0, 300, 2), np.array([1, 4, 5, 9, 19])
    contrib = a[sources][:, None] * W[np.ix_(sources, targets)]
    for n in (1, 7, 48, contrib.size, contrib.size + 5):
        flat = np.argsort(-np.abs(contrib).reshape(-1), kind="stable")[:n]
        rows, cols = np.unravel_index(flat, contrib.shape)
        expected = [
            (int(sources[r]), int(targets[c]), float(contrib[r, c]))
            for r, c in zip(rows, cols, strict=True)
        ]
        assert inside.strongest_links(a, W, sources, targets, n) == expected


@pytest.mark.parametrize(
    "text, written",
    [
        ("1e-05", "1×10⁻⁵"),
        ("1.23e-04", "1.23×10⁻⁴"),
        ("-2.5e+03", "-2.5×10³"),
        ("4e+10", "4×10¹⁰"),
        ("0.0123", "0.0123"),
        ("784-64-10", "784-64-10"),
    ],
)
def test_an_exponent_is_written_as_a_power_of_ten(text, written):
    from nndesk.i18n import power_of_ten

    assert power_of_ten(text) == written


def test_a_negative_number_in_the_arithmetic_has_a_minus_sign_not_a_hyphen():
    """The Inside page wrote "(0,234·-1)" and "× 1,02 + -0,204" (walk w22c): a negative
    number reads "−0,204" (U+2212), and a negative term is taken away ("− 0,204")."""
    import re

    from nndesk.i18n import signed
    from nndesk.ui.inside_math import dense_html

    assert signed("-0.31") == "\u22120.31" and signed("0.31") == "0.31"
    assert signed("-1.2×10⁻⁴") == "\u22121.2×10⁻⁴"
    rng = np.random.default_rng(3)
    model = build_model("784-c4-bn-p-16-3", rng=rng)
    for layer in model.layers:  # a negative mean and shift, as trained models have
        if type(layer).__name__ == "BatchNorm2D":
            layer.buffers["running_mean"][...] = -0.4
            layer.params["beta"][...] = -0.2
    image = drawn_seven()
    tr = inside.trace(model, Normalizer("symmetric"), image)  # inputs of -1 around the stroke
    px = inside.conv_pixel(model, tr, _convs(model)[0], 2, 9, 13)
    (bn,) = [s.formula for s in px.steps if s.name == "BatchNorm2D"]
    assert "+ −" not in bn and "− −" not in bn and " + 0.4)" in bn and bn.count(" − 0.2") == 1, bn
    formulas = [s.formula for s in px.steps]
    mlp = build_model("784-8-3", rng=rng)
    tr = inside.trace(mlp, Normalizer("symmetric"), image)  # the first layer's inputs: pixels
    for unit in range(3):
        formulas.append(dense_html(inside.dense_unit(mlp, tr, 0, unit), (), False, 1))
    for text in formulas:
        assert not re.search(r"(?<![\w×])-\d", text), text  # no hyphen before a number
    assert any("·−1)" in text for text in formulas), formulas  # a term of a -1 pixel


def test_a_prelu_units_arithmetic_says_its_learned_slope():
    """walk57 #10: a PReLU unit's last step read "PReLU(…) = 18,83": the network's value with
    no arithmetic, where ReLU writes "ReLU(10,54) = max(0; 10,54) = 10,54"."""
    model = build_model("784-6-3", activation="prelu", rng=np.random.default_rng(5))
    prelu = model.layers[1]
    prelu.params["alpha"][...] = np.linspace(0.05, 0.3, 6, dtype=np.float32)
    clf_normalizer = Normalizer("unit")
    tr = inside.trace(model, clf_normalizer, drawn_seven(), tuple("abc"))
    values = tr.layers[0].values
    negative, positive = int(np.argmin(values)), int(np.argmax(values))
    assert values[negative] < 0 < values[positive]
    for unit in (negative, positive):
        (step,) = inside.dense_unit(model, tr, 0, unit).steps
        got = float(tr.layers[1].values[unit])
        assert step.value == pytest.approx(got, rel=1e-5, abs=1e-6), step.formula
        slope = inside._n(float(prelu.params["alpha"][unit]))  # noqa: SLF001
        assert step.formula.startswith("PReLU(") and "…" not in step.formula
        assert f"+ {slope} × min(0, " in step.formula, step.formula
