"""Float64 central finite differences: the independent reference every analytic gradient must match.

Used by the nn tests and the conv tests::

    from tests.nn.gradcheck import check_layer_gradients, numeric_grad
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def numeric_grad(f: Callable[[np.ndarray], float], x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Central-difference gradient of the scalar ``f(x)`` with respect to ``x``.

    ``x`` (float64) is perturbed in place one element at a time and restored, so ``f`` may also
    ignore its argument and read ``x`` through a closure (a layer's parameter array).

    Returns
    -------
    np.ndarray
        float64, same shape as ``x``: ``(f(x + eps e_i) - f(x - eps e_i)) / (2 eps)``.
    """
    if x.dtype != np.float64:
        raise TypeError(f"numeric_grad needs a float64 array, got {x.dtype}")
    grad = np.zeros(x.shape, dtype=np.float64)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + eps
        f_plus = float(f(x))
        x[idx] = old - eps
        f_minus = float(f(x))
        x[idx] = old
        grad[idx] = (f_plus - f_minus) / (2.0 * eps)
    return grad


def check_layer_gradients(
    layer,
    x: np.ndarray,
    rtol: float = 1e-5,
    atol: float = 1e-7,
    training: bool = False,
    seed: int = 0,
    eps: float = 1e-6,
) -> dict[str, float]:
    """Assert that ``layer.backward`` matches finite differences for the input and every param.

    The layer is cast to float64 in place (``layer.astype(np.float64)``). The scalar checked is
    ``sum(forward(x) * R)`` with a fixed random ``R``, so ``backward(R)`` must give dL/dx and fill
    ``layer.grads``. Layers whose forward is random in training mode (Dropout) must be made
    deterministic by the caller.

    Returns
    -------
    dict
        The largest absolute error per checked array, ``{"x": .., "<param>": ..}``, for reporting.
    """
    layer.astype(np.float64)
    x = np.array(x, dtype=np.float64)  # a private copy: numeric_grad perturbs it
    rng = np.random.default_rng(seed)
    out = layer.forward(x.copy(), training=training)
    weights = rng.standard_normal(out.shape)

    def loss(_: np.ndarray) -> float:
        return float(np.sum(layer.forward(x.copy(), training=training) * weights))

    layer.forward(x.copy(), training=training)
    dx = layer.backward(weights.copy())
    analytic = {"x": np.array(dx, dtype=np.float64)}
    analytic.update({name: layer.grads[name].copy() for name in layer.params})

    numeric = {"x": numeric_grad(loss, x, eps)}
    for name, param in layer.params.items():
        numeric[name] = numeric_grad(loss, param, eps)

    errors = {}
    for name, expected in numeric.items():
        got = analytic[name]
        assert got.shape == expected.shape, f"{name}: shape {got.shape} != {expected.shape}"
        np.testing.assert_allclose(got, expected, rtol=rtol, atol=atol, err_msg=f"grad of {name}")
        errors[name] = float(np.max(np.abs(got - expected))) if got.size else 0.0
    return errors
