"""Dense, Dropout, Flatten, Reshape: gradients, dtypes, shapes and configs."""

import json

import numpy as np
import pytest

from nndesk.errors import ConfigError
from nndesk.nn.layers import Dense, Dropout, Flatten, Reshape
from nndesk.nn.registry import layer_from_config
from tests.nn.gradcheck import check_layer_gradients


def test_dense_gradients_match_finite_differences_for_input_weights_and_bias():
    rng = np.random.default_rng(1)
    layer = Dense(5, 3, rng=rng)
    layer.params["b"][...] = rng.standard_normal(3)
    errors = check_layer_gradients(layer, rng.standard_normal((4, 5)))
    assert set(errors) == {"x", "W", "b"}


def test_dense_keeps_float32_from_input_to_grads():
    rng = np.random.default_rng(0)
    layer = Dense(6, 4, rng=rng)
    x = rng.standard_normal((3, 6)).astype(np.float32)
    y = layer.forward(x, training=True)
    dx = layer.backward(np.ones_like(y))
    assert y.dtype == dx.dtype == layer.grads["W"].dtype == np.float32


def test_dense_writes_grads_into_the_same_arrays_every_step():
    rng = np.random.default_rng(0)
    layer = Dense(4, 2, rng=rng)
    gW = layer.grads["W"]
    for _ in range(2):
        layer.forward(rng.standard_normal((3, 4)).astype(np.float32))
        layer.backward(np.ones((3, 2), np.float32))
    assert layer.grads["W"] is gW


def test_dense_weights_come_from_the_given_generator():
    a = Dense(8, 4, rng=np.random.default_rng(7)).params["W"]
    b = Dense(8, 4, rng=np.random.default_rng(7)).params["W"]
    c = Dense(8, 4, rng=np.random.default_rng(8)).params["W"]
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def test_dense_rejects_an_input_of_the_wrong_width():
    with pytest.raises(ConfigError, match="Dense"):
        Dense(10, 3).output_shape((9,))


def test_dropout_is_the_identity_at_evaluation():
    x = np.arange(12, dtype=np.float32).reshape(3, 4)
    layer = Dropout(0.5, seed=0)
    assert layer.forward(x, training=False) is x
    np.testing.assert_array_equal(layer.backward(np.ones_like(x)), np.ones_like(x))


def test_dropout_drops_about_rate_and_keeps_the_expected_value():
    x = np.ones((200, 500), dtype=np.float32)
    y = Dropout(0.3, rng=np.random.default_rng(0)).forward(x, training=True)
    assert y.dtype == np.float32
    assert abs(np.mean(y == 0) - 0.3) < 0.01
    assert abs(float(y.mean()) - 1.0) < 0.02  # inverted dropout: the mean is preserved
    np.testing.assert_allclose(np.unique(y), [0.0, 1 / 0.7], rtol=1e-6)


def test_dropout_backward_uses_the_forward_mask():
    rng = np.random.default_rng(3)
    layer = Dropout(0.5, rng=rng)
    x = rng.standard_normal((4, 6))
    y = layer.forward(x, training=True)
    g = rng.standard_normal((4, 6))
    # the layer is linear for a fixed mask, so its gradient is y / x elementwise times g
    np.testing.assert_allclose(layer.backward(g), g * (y / x), rtol=1e-6)


def test_dropout_rejects_a_rate_of_one():
    with pytest.raises(ConfigError, match="dropout rate"):
        Dropout(1.0)


def test_flatten_and_reshape_round_trip_values_and_gradients():
    x = np.random.default_rng(0).standard_normal((2, 784))
    r, f = Reshape((1, 28, 28)), Flatten()
    img = r.forward(x)
    assert img.shape == (2, 1, 28, 28)
    np.testing.assert_array_equal(f.forward(img), x)
    assert f.backward(x).shape == (2, 1, 28, 28)
    assert r.backward(img).shape == (2, 784)
    assert r.output_shape((784,)) == (1, 28, 28)
    assert f.output_shape((8, 7, 7)) == (392,)


def test_flatten_gives_a_conv_activation_its_gradient_back_in_the_conv_memory_order():
    rng = np.random.default_rng(0)
    # how conv layers store their output: (c, h, w, n)
    chwn = rng.standard_normal((3, 4, 5, 2)).astype(np.float32)
    x = chwn.transpose(3, 0, 1, 2)  # the NCHW view they return
    f = Flatten()
    flat = f.forward(x)
    np.testing.assert_array_equal(flat, np.ascontiguousarray(x).reshape(2, -1))
    g = rng.standard_normal(flat.shape).astype(np.float32)
    dx = f.backward(g)
    np.testing.assert_array_equal(dx, g.reshape(2, 3, 4, 5))  # same values...
    assert dx.transpose(1, 2, 3, 0).flags.c_contiguous  # ...laid out like x
    # C-ordered input keeps the plain reshape: a view forward, a C-ordered gradient back
    c_ordered = np.ascontiguousarray(x)
    assert np.shares_memory(f.forward(c_ordered), c_ordered)
    assert f.backward(g).flags.c_contiguous


def test_dense_sends_a_flattened_conv_activation_its_gradient_back_in_that_layout():
    rng = np.random.default_rng(3)
    chwn = rng.standard_normal((4, 3, 3, 5))  # a conv's (c, h, w, n) memory, float64
    flatten, dense = Flatten(), Dense(36, 7, rng=rng)
    dense.astype(np.float64)
    flat = flatten.forward(chwn.transpose(3, 0, 1, 2))  # (5, 36), features-major
    assert flat.flags.f_contiguous and not flat.flags.c_contiguous
    g = rng.standard_normal((5, 7))
    dense.forward(flat, training=True)
    dx = flatten.backward(dense.backward(g.copy()))
    # the plain path: the same input C-ordered, the gradient as (n, out) @ (out, in)
    plain = Dense(36, 7)
    plain.astype(np.float64)
    plain.params = {k: v.copy() for k, v in dense.params.items()}
    plain.forward(np.ascontiguousarray(flat), training=True)
    dx_plain = plain.backward(g.copy())
    np.testing.assert_allclose(dx.reshape(5, -1), dx_plain, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(dense.grads["W"], plain.grads["W"], rtol=1e-12, atol=1e-12)
    assert dx_plain.flags.c_contiguous
    assert dx.transpose(1, 2, 3, 0).flags.c_contiguous  # laid out as the conv's memory, no copy


def test_reshape_refuses_a_size_that_does_not_fit():
    with pytest.raises(ConfigError, match="reshape"):
        Reshape((1, 28, 28)).output_shape((100,))


@pytest.mark.parametrize(
    "layer", [Dense(3, 2, init="xavier", seed=4), Dropout(0.25, seed=9), Flatten(), Reshape((2, 2))]
)
def test_layer_config_is_json_and_rebuilds_the_same_layer(layer):
    cfg = json.loads(json.dumps(layer.config()))
    rebuilt = layer_from_config(cfg)
    assert rebuilt.config() == layer.config()
    for name, p in layer.params.items():
        assert rebuilt.params[name].shape == p.shape


def test_dense_with_a_seed_rebuilds_identical_weights_from_config():
    layer = Dense(6, 3, seed=11)
    np.testing.assert_array_equal(layer_from_config(layer.config()).params["W"], layer.params["W"])


def test_layer_from_config_names_an_unknown_type():
    with pytest.raises(ConfigError, match="unknown layer type 'Bogus'"):
        layer_from_config({"type": "Bogus"})


def test_layer_from_config_turns_a_bad_argument_into_a_config_error():
    with pytest.raises(ConfigError, match="bad Dense config"):
        layer_from_config({"type": "Dense", "in_features": 3})


def test_every_layer_class_in_the_nn_package_can_be_rebuilt_from_a_file():
    import nndesk.nn.activations
    import nndesk.nn.batchnorm
    import nndesk.nn.conv
    import nndesk.nn.layers
    from nndesk.nn.layers import Layer
    from nndesk.nn.registry import LAYER_TYPES

    defined = {
        name
        for module in (nndesk.nn.layers, nndesk.nn.activations, nndesk.nn.conv, nndesk.nn.batchnorm)
        for name, obj in vars(module).items()
        if isinstance(obj, type) and issubclass(obj, Layer) and obj is not Layer
    }
    assert defined == set(LAYER_TYPES)


def test_a_broken_layer_module_fails_loudly_instead_of_reading_as_an_unknown_layer():
    """A layer module that cannot import must stop the model code with its own error."""
    import subprocess
    import sys

    code = (
        "import sys, importlib.abc\n"
        "class Broken(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name == 'nndesk.nn.conv':\n"
        "            raise ImportError('conv is broken')\n"
        "sys.meta_path.insert(0, Broken())\n"
        "import nndesk.nn.model\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode != 0
    assert "ImportError: conv is broken" in out.stderr
