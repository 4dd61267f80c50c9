"""Every activation's gradient against float64 finite differences, plus stability and configs."""

import numpy as np
import pytest

from nndesk.errors import ConfigError
from nndesk.nn.activations import (
    ELU,
    LeakyReLU,
    PReLU,
    ReLU,
    Sigmoid,
    Softmax,
    Tanh,
    make_activation,
    softmax,
)
from nndesk.nn.registry import layer_from_config
from tests.nn.gradcheck import check_layer_gradients


def _away_from_kink(shape, seed=0):
    """Inputs with |x| >= 0.1, so piecewise-linear kinks at 0 sit outside the eps window."""
    x = np.random.default_rng(seed).standard_normal(shape)
    return np.where(np.abs(x) < 0.1, 0.5, x)


@pytest.mark.parametrize(
    "layer", [ReLU(), LeakyReLU(0.1), Sigmoid(), Tanh(), ELU(0.7), Softmax()], ids=lambda l: l.name
)
def test_activation_input_gradient_matches_finite_differences(layer):
    check_layer_gradients(layer, _away_from_kink((4, 6)))


def test_prelu_gradients_for_input_and_slopes_match_on_dense_inputs():
    layer = PReLU(6, init=0.2)
    layer.params["alpha"][...] = np.linspace(0.05, 0.5, 6)
    errors = check_layer_gradients(layer, _away_from_kink((5, 6)))
    assert set(errors) == {"x", "alpha"}


def test_prelu_gradients_match_on_conv_inputs_with_one_slope_per_channel():
    layer = PReLU(3)
    layer.params["alpha"][...] = [0.1, 0.3, 0.6]
    check_layer_gradients(layer, _away_from_kink((2, 3, 4, 4)))


def test_prelu_slope_gradient_is_nonzero_only_through_negative_inputs():
    layer = PReLU(2)
    x = np.array([[1.0, -2.0], [3.0, 4.0]], dtype=np.float32)
    layer.forward(x, training=True)
    layer.backward(np.ones_like(x))
    np.testing.assert_allclose(layer.grads["alpha"], [0.0, -2.0])


@pytest.mark.parametrize("layer", [ReLU(), LeakyReLU(), Sigmoid(), Tanh(), ELU(), PReLU(4)])
def test_activations_keep_float32(layer):
    x = np.random.default_rng(0).standard_normal((3, 4)).astype(np.float32)
    y = layer.forward(x, training=True)
    assert y.dtype == np.float32
    assert layer.backward(np.ones_like(y)).dtype == np.float32


def test_sigmoid_and_elu_stay_finite_for_huge_inputs():
    x = np.array([[-1e4, -100.0, 0.0, 100.0, 1e4]], dtype=np.float32)
    with np.errstate(over="raise"):
        s = Sigmoid().forward(x)
        e = ELU().forward(x)
    np.testing.assert_allclose(s, [[0, 0, 0.5, 1, 1]], atol=1e-6)
    np.testing.assert_allclose(e, [[-1, -1, 0, 100, 1e4]], atol=1e-6)


def test_softmax_stays_finite_for_huge_logits():
    p = softmax(np.array([[1e4, 0.0, -1e4], [5.0, 5.0, 5.0]], dtype=np.float32))
    assert np.all(np.isfinite(p))
    np.testing.assert_allclose(p, [[1, 0, 0], [1 / 3, 1 / 3, 1 / 3]], atol=1e-6)


def test_relu_values_are_max_of_x_and_zero():
    x = np.array([[-1.0, 0.0, 2.0]], dtype=np.float32)
    np.testing.assert_array_equal(ReLU().forward(x), [[0.0, 0.0, 2.0]])
    np.testing.assert_allclose(LeakyReLU(0.1).forward(x), [[-0.1, 0.0, 2.0]])


def test_make_activation_builds_each_name_and_sizes_prelu():
    for name in ("relu", "leaky_relu", "sigmoid", "tanh", "elu"):
        assert make_activation(name, 5).params == {}
    assert make_activation("prelu", 5).params["alpha"].shape == (5,)
    with pytest.raises(ConfigError, match="unknown activation 'swish'"):
        make_activation("swish", 5)


def test_activation_configs_rebuild_with_their_settings():
    for layer in (LeakyReLU(0.2), ELU(0.5), PReLU(7, init=0.1), Softmax()):
        assert layer_from_config(layer.config()).config() == layer.config()
