"""Element-wise activations (ReLU, LeakyReLU, Sigmoid, Tanh, ELU, PReLU) and Softmax.

Each caches what its backward needs (usually its own output, or a mask). ``backward`` may write its
result into ``grad_out`` (``Sequential.backward`` hands layers a private gradient), which saves one
``(n, features)`` allocation per layer per batch.
"""

from __future__ import annotations

import numpy as np

from nndesk.errors import ConfigError
from nndesk.nn.layers import Layer


class ReLU(Layer):
    """``max(x, 0)``."""

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        # the mask backward needs, then the maximum: a float times a bool mask runs through
        # NumPy's cast buffer, slower here than np.maximum against the scalar (docs/performance.md)
        self._mask = np.greater(x, 0)  # bool, a quarter of the float32 memory
        return np.maximum(x, x.dtype.type(0))

    def backward(self, grad_out: np.ndarray) -> np.ndarray:
        return np.multiply(grad_out, self._mask, out=grad_out)


class LeakyReLU(Layer):
    """``x`` for ``x > 0`` else ``alpha * x``."""

    def __init__(self, alpha: float = 0.01) -> None:
        super().__init__()
        self.alpha = float(alpha)

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        self._mask = x > 0
        return np.where(self._mask, x, x * x.dtype.type(self.alpha))

    def backward(self, grad_out: np.ndarray) -> np.ndarray:
        # slope 1 where x > 0, alpha elsewhere: scale the negative side only
        grad_out[~self._mask] *= self.alpha
        return grad_out

    def config(self) -> dict:
        return {"type": "LeakyReLU", "alpha": self.alpha}


class Sigmoid(Layer):
    """``1 / (1 + exp(-x))``, computed as ``(1 + tanh(x / 2)) / 2`` which cannot overflow."""

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        self._out = sigmoid(x)
        return self._out

    def backward(self, grad_out: np.ndarray) -> np.ndarray:
        s = self._out
        grad_out *= s
        grad_out *= 1 - s  # d sigmoid = s (1 - s)
        return grad_out


class Tanh(Layer):
    """``tanh(x)``."""

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        self._out = np.tanh(x)
        return self._out

    def backward(self, grad_out: np.ndarray) -> np.ndarray:
        grad_out *= 1 - self._out * self._out  # d tanh = 1 - tanh^2
        return grad_out


class ELU(Layer):
    """``x`` for ``x > 0`` else ``alpha * (exp(x) - 1)``."""

    def __init__(self, alpha: float = 1.0) -> None:
        super().__init__()
        self.alpha = float(alpha)

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        self._mask = x > 0
        # exp of min(x, 0) so large positive inputs never overflow in the discarded branch
        neg = np.expm1(np.minimum(x, 0))
        neg *= self.alpha
        self._out = np.where(self._mask, x, neg)
        return self._out

    def backward(self, grad_out: np.ndarray) -> np.ndarray:
        # for x <= 0: d/dx alpha (e^x - 1) = alpha e^x = out + alpha
        slope = self._out + self.alpha
        slope[self._mask] = 1
        grad_out *= slope
        return grad_out

    def config(self) -> dict:
        return {"type": "ELU", "alpha": self.alpha}


class PReLU(Layer):
    """Leaky ReLU with a learned negative slope per feature (dense) or per channel (conv).

    ``alpha`` has shape ``(features,)`` and broadcasts over axis 1 of ``(n, features)`` or
    ``(n, channels, h, w)`` inputs.
    """

    def __init__(self, features: int, init: float = 0.25) -> None:
        super().__init__()
        self.features = int(features)
        self.init = float(init)
        self.params = {"alpha": np.full(self.features, self.init, dtype=np.float32)}
        self.grads = {"alpha": np.zeros(self.features, dtype=np.float32)}

    def _alpha(self, ndim: int) -> np.ndarray:
        return self.params["alpha"].reshape((1, self.features) + (1,) * (ndim - 2))

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        self._x = x
        self._mask = x > 0
        return np.where(self._mask, x, x * self._alpha(x.ndim))

    def backward(self, grad_out: np.ndarray) -> np.ndarray:
        axes = (0, *range(2, grad_out.ndim))
        neg_x = np.where(self._mask, 0, self._x)  # d out / d alpha = x on the negative side
        self.grads["alpha"][...] = np.sum(grad_out * neg_x, axis=axes)
        return np.where(self._mask, grad_out, grad_out * self._alpha(grad_out.ndim))

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        if input_shape[0] != self.features:
            raise ConfigError(f"PReLU({self.features}) cannot take input of shape {input_shape}")
        return input_shape

    @classmethod
    def array_shapes(cls, config: dict) -> dict[str, tuple[int, ...]]:
        return {"param/alpha": (int(config["features"]),)}

    def config(self) -> dict:
        return {"type": "PReLU", "features": self.features, "init": self.init}


def softmax(x: np.ndarray) -> np.ndarray:
    """Row-wise softmax of ``(n, k)`` logits, same dtype."""
    # subtract the row max so exp() cannot overflow (logits of 1e4 stay finite)
    e = x - np.max(x, axis=-1, keepdims=True)
    np.exp(e, out=e)
    e /= np.sum(e, axis=-1, keepdims=True)
    return e


def sigmoid(x: np.ndarray) -> np.ndarray:
    """Element-wise logistic function, overflow-free, same dtype."""
    out = np.tanh(x * x.dtype.type(0.5))
    out += 1
    out *= 0.5
    return out


class Softmax(Layer):
    """Row-wise softmax as a layer (models normally keep it out and fuse it with the loss)."""

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        self._out = softmax(x)
        return self._out

    def backward(self, grad_out: np.ndarray) -> np.ndarray:
        s = self._out
        # Jacobian-vector product: s * (g - sum(g * s)) per row, no (k, k) matrix
        dot = np.sum(grad_out * s, axis=-1, keepdims=True)
        grad_out -= dot
        grad_out *= s
        return grad_out


ACTIVATIONS = {
    "relu": ReLU,
    "leaky_relu": LeakyReLU,
    "sigmoid": Sigmoid,
    "tanh": Tanh,
    "elu": ELU,
    "prelu": PReLU,
}


def make_activation(name: str, features: int, prelu_init: float = 0.25) -> Layer:
    """The activation layer called ``name``; ``features`` sizes PReLU's learned slopes and
    ``prelu_init`` is their starting value (0.25 as He et al. and PyTorch; Keras starts at 0)."""
    if name not in ACTIVATIONS:
        raise ConfigError(f"unknown activation {name!r}; choose one of {', '.join(ACTIVATIONS)}")
    return PReLU(features, prelu_init) if name == "prelu" else ACTIVATIONS[name]()
