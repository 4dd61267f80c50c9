"""Sequential: end-to-end gradients, prediction in batches, summary, configs and copies."""

import json

import numpy as np
import pytest

from nndesk.errors import ConfigError
from nndesk.nn.architecture import build_model
from nndesk.nn.layers import Dense
from nndesk.nn.losses import make_loss
from nndesk.nn.model import Sequential
from tests.nn.gradcheck import numeric_grad


def _small(activation="tanh", output="softmax", seed=0):
    return build_model(
        "6-5-4-3", activation=activation, output=output, rng=np.random.default_rng(seed)
    )


@pytest.mark.parametrize("activation", ["relu", "leaky_relu", "sigmoid", "tanh", "elu", "prelu"])
def test_model_gradients_through_loss_match_finite_differences(activation):
    rng = np.random.default_rng(1)
    model = _small(activation).astype(np.float64)
    x = rng.standard_normal((4, 6))
    y = rng.integers(0, 3, 4)
    loss = make_loss("ce", "softmax")

    def f(_):
        return loss(model.forward(x, training=True), y)

    f(None)
    dx = model.backward(loss.backward())
    np.testing.assert_allclose(dx, numeric_grad(lambda _: f(None), x), rtol=1e-5, atol=1e-8)
    for key, param, grad in model.parameters():
        analytic = grad.copy()
        np.testing.assert_allclose(
            analytic, numeric_grad(f, param), rtol=1e-5, atol=1e-8, err_msg=key
        )


def test_summary_of_784_784_10_shows_each_count_and_the_total():
    model = build_model("784-784-10", rng=np.random.default_rng(0))
    text = model.summary()
    assert "615,440 + 7,850 = 623,290" in text
    assert model.param_count() == 623_290
    assert model.summary_rows() == [
        ("Dense", (784,), 615_440),
        ("ReLU", (784,), 0),
        ("Dense", (10,), 7_850),
    ]


def test_predict_proba_rows_are_probabilities_and_batching_does_not_change_them():
    model = _small("relu")
    x = np.random.default_rng(2).standard_normal((7, 6)).astype(np.float32)
    p_all = model.predict_proba(x, batch_size=100)
    p_batched = model.predict_proba(x, batch_size=3)
    assert p_all.dtype == np.float32 and p_all.shape == (7, 3)
    np.testing.assert_allclose(p_all.sum(1), 1, rtol=1e-6)
    np.testing.assert_allclose(p_batched, p_all, rtol=1e-6)
    np.testing.assert_array_equal(model.predict(x), np.argmax(p_all, 1))
    assert model.predict(x).dtype == np.int64


def test_predict_proba_applies_sigmoid_or_nothing_for_those_outputs():
    x = np.random.default_rng(3).standard_normal((4, 6)).astype(np.float32)
    sig = _small(output="sigmoid")
    logits = sig.forward(x)
    np.testing.assert_allclose(sig.predict_proba(x), 1 / (1 + np.exp(-logits)), rtol=1e-5)
    lin = _small(output="linear")
    np.testing.assert_array_equal(lin.predict_proba(x), lin.forward(x))


def test_predict_proba_of_no_rows_has_the_class_columns():
    assert _small().predict_proba(np.zeros((0, 6), np.float32)).shape == (0, 3)


def test_predict_proba_runs_in_eval_mode_so_dropout_is_off():
    model = build_model("6-50-3", dropout=0.5, rng=np.random.default_rng(0))
    x = np.random.default_rng(1).standard_normal((5, 6)).astype(np.float32)
    np.testing.assert_array_equal(model.predict_proba(x), model.predict_proba(x))


def test_parameters_are_keyed_by_layer_index_and_name_and_alias_the_layer_arrays():
    model = _small("prelu")
    keys = [k for k, _, _ in model.parameters()]
    assert keys == ["0/W", "0/b", "1/alpha", "2/W", "2/b", "3/alpha", "4/W", "4/b"]
    _, param, grad = model.parameters()[0]
    assert param is model.layers[0].params["W"] and grad is model.layers[0].grads["W"]


def test_backward_leaves_the_callers_gradient_untouched():
    model = _small("relu")
    x = np.random.default_rng(0).standard_normal((2, 6)).astype(np.float32)
    model.forward(x, training=True)
    g = np.ones((2, 3), np.float32)
    model.backward(g)
    np.testing.assert_array_equal(g, 1)


def test_config_is_json_and_rebuilds_the_same_structure():
    model = build_model(
        "784-32-10", activation="elu", output="sigmoid", dropout=0.1, rng=np.random.default_rng(0)
    )
    cfg = json.loads(json.dumps(model.config()))
    clone = Sequential.from_config(cfg)
    assert clone.config() == model.config()
    assert clone.summary_rows() == model.summary_rows()


def test_astype_returns_a_deep_copy_in_the_new_dtype():
    model = _small()
    wide = model.astype(np.float64)
    assert all(p.dtype == np.float64 and g.dtype == np.float64 for _, p, g in wide.parameters())
    assert all(p.dtype == np.float32 for _, p, _ in model.parameters())
    wide.layers[0].params["W"][...] = 0
    assert np.any(model.layers[0].params["W"] != 0)


def test_a_model_whose_layers_do_not_chain_is_refused():
    with pytest.raises(ConfigError, match="Dense"):
        Sequential([Dense(784, 10), Dense(20, 5)])
    with pytest.raises(ConfigError, match="unknown output"):
        Sequential([Dense(784, 10)], output="tanh")


@pytest.mark.parametrize("arch", ["784-16-10", "784-c4-p-10"])
def test_backward_without_input_grad_fills_the_same_param_grads_and_returns_none(arch):
    model = build_model(arch, rng=np.random.default_rng(0))
    x = np.random.default_rng(1).random((3, 784), dtype=np.float32)
    g = np.random.default_rng(2).standard_normal((3, 10)).astype(np.float32)
    model.forward(x, training=True)
    assert model.backward(g).shape == (3, 784)
    full = [grad.copy() for _, _, grad in model.parameters()]
    model.forward(x, training=True)
    assert model.backward(g, input_grad=False) is None
    for (key, _, grad), expected in zip(model.parameters(), full, strict=True):
        np.testing.assert_array_equal(grad, expected, err_msg=key)
    assert not any(layer.skip_input_grad for layer in model.layers)


@pytest.mark.parametrize("activation", ["relu", "leaky_relu", "sigmoid", "tanh", "elu", "prelu"])
@pytest.mark.parametrize(
    ("loss_name", "output"), [("ce", "softmax"), ("bce", "sigmoid"), ("mse", "linear")]
)
def test_a_training_step_stays_float32_everywhere(activation, loss_name, output):
    from nndesk.nn.optimizers import make_optimizer

    model = build_model(
        "784-16-10", activation=activation, output=output, dropout=0.1, rng=np.random.default_rng(0)
    )
    opt = make_optimizer("adam", 1e-3, weight_decay=1e-4, clip_norm=1.0)
    x = np.random.default_rng(1).random((8, 784), dtype=np.float32)
    loss = make_loss(loss_name, output)
    logits = model.forward(x, training=True)
    loss(logits, np.arange(8) % 10)
    dx = model.backward(loss.backward())
    opt.step(model.parameters())
    assert logits.dtype == dx.dtype == np.float32
    for key, param, grad in model.parameters():
        assert param.dtype == grad.dtype == np.float32, key
    assert all(a.dtype == np.float32 for k, a in opt.state_dict().items() if k != "step")


def test_sigmoid_output_with_binary_cross_entropy_learns_like_the_mnist_lab():
    from nndesk.nn.optimizers import make_optimizer

    rng = np.random.default_rng(0)
    centres = rng.standard_normal((4, 784)).astype(np.float32) * 2
    y = np.arange(80) % 4
    x = centres[y] + 0.3 * rng.standard_normal((80, 784)).astype(np.float32)
    model = build_model("784-16-4", activation="sigmoid", output="sigmoid", rng=rng)
    loss, opt = make_loss("bce", "sigmoid"), make_optimizer("adam", 0.01)
    assert np.mean(model.predict(x) == y) < 1.0
    for _ in range(30):
        loss(model.forward(x, training=True), y)
        model.backward(loss.backward(), input_grad=False)
        opt.step(model.parameters())
    assert np.mean(model.predict(x) == y) == 1.0


def test_a_snapshot_predicts_like_its_model_and_shares_no_memory_with_it():
    model = build_model("784-c4-bn-p-8-10", rng=np.random.default_rng(0))
    model.flatten_parameters()
    x = np.random.default_rng(1).standard_normal((3, 784)).astype(np.float32)
    model.forward(x, training=True)  # batch-norm statistics move, caches fill
    snap = model.snapshot()
    for layer in snap.layers:
        cached = [v for k, v in vars(layer).items() if k.startswith("_") and hasattr(v, "shape")]
        assert cached == []  # nothing of the last batch came along
    np.testing.assert_array_equal(snap.forward(x), model.forward(x))
    for (_, p, g), (_, sp, sg) in zip(model.parameters(), snap.parameters(), strict=True):
        assert not np.shares_memory(p, sp) and not np.shares_memory(g, sg)
        assert not sg.any()  # gradients start at zero
    for layer, copy_ in zip(model.layers, snap.layers, strict=True):
        for name, buffer in (getattr(layer, "buffers", None) or {}).items():
            np.testing.assert_array_equal(copy_.buffers[name], buffer)  # running statistics
            assert not np.shares_memory(copy_.buffers[name], buffer)
    before = snap.forward(x)
    for _, p, _ in model.parameters():
        p += 1.0
    np.testing.assert_array_equal(snap.forward(x), before)
