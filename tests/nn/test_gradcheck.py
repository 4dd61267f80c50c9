"""The finite-difference helper itself must be right, or every gradient test proves nothing."""

import numpy as np
import pytest

from nndesk.nn.layers import Layer
from tests.nn.gradcheck import check_layer_gradients, numeric_grad


class _Scale(Layer):
    """y = a * x^2 with a learned ``a``; ``wrong`` breaks the input gradient on purpose."""

    def __init__(self, wrong: bool = False) -> None:
        super().__init__()
        self.wrong = wrong
        self.params = {"a": np.array([1.5])}
        self.grads = {"a": np.zeros(1)}

    def forward(self, x, training=False):
        self.x = x
        return self.params["a"] * x**2

    def backward(self, grad_out):
        self.grads["a"][...] = np.sum(grad_out * self.x**2)
        return grad_out * (3.0 if self.wrong else 2.0) * self.params["a"] * self.x


def test_numeric_grad_matches_the_derivative_of_a_cubic():
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    np.testing.assert_allclose(numeric_grad(lambda v: np.sum(v**3), x), 3 * x**2, rtol=1e-7)


def test_numeric_grad_restores_the_array_it_perturbs():
    x = np.array([0.1, 0.2, 0.3])
    before = x.copy()
    numeric_grad(lambda v: float(np.sum(np.sin(v))), x)
    np.testing.assert_array_equal(x, before)


def test_numeric_grad_refuses_float32_input():
    with pytest.raises(TypeError):
        numeric_grad(lambda v: float(v.sum()), np.zeros(3, dtype=np.float32))


def test_check_layer_gradients_accepts_a_correct_layer():
    x = np.random.default_rng(0).standard_normal((3, 4))
    errors = check_layer_gradients(_Scale(), x)
    assert set(errors) == {"x", "a"}


def test_check_layer_gradients_rejects_a_wrong_input_gradient():
    x = np.random.default_rng(0).standard_normal((3, 4))
    with pytest.raises(AssertionError, match="grad of x"):
        check_layer_gradients(_Scale(wrong=True), x)
