"""Layers with forward/backward; each caches what backward needs, grads keyed like params."""

from __future__ import annotations

import math

import numpy as np

from nndesk.errors import ConfigError
from nndesk.nn import aligned
from nndesk.nn.init import init_weights


class Layer:
    """Base class. Subclasses fill ``params`` (float arrays) and matching ``grads`` in ``__init__``.

    ``forward(x, training)`` returns the output and caches what ``backward`` needs;
    ``backward(grad_out)`` writes ``self.grads[name]`` (same shape as ``self.params[name]``) and
    returns the gradient with respect to ``x``.
    """

    #: Set to False by ``Sequential.backward(..., input_grad=False)`` on the first layer with
    #: parameters: training never uses dL/dx there, and skipping it saves a full matmul (or a
    #: col2im) per batch. A layer that honours it returns None from ``backward``.
    skip_input_grad: bool = False
    #: Whether one sample's training output depends on the other samples of its batch (batch
    #: statistics): then a batch cannot be split over threads (``nndesk.nn.split_batch``).
    couples_samples: bool = False

    def __init__(self) -> None:
        self.params: dict[str, np.ndarray] = {}
        self.grads: dict[str, np.ndarray] = {}

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        raise NotImplementedError

    def backward(self, grad_out: np.ndarray) -> np.ndarray | None:
        """dL/dx; None only from a layer whose ``skip_input_grad`` is set."""
        raise NotImplementedError

    def fuses_with(self, following: Layer) -> bool:
        """Whether training runs this layer and ``following`` as one step: then ``Sequential``
        calls ``forward_fused(x, following)`` and ``backward_fused(grad, following)`` instead of
        the two layers' own (Conv2D with a 2x2 max-pool)."""
        return False

    def forward_fused(self, x: np.ndarray, following: Layer) -> np.ndarray:
        """This layer and ``following`` forward in training, as one step (see ``fuses_with``)."""
        raise NotImplementedError

    def backward_fused(self, grad_out: np.ndarray, following: Layer) -> np.ndarray | None:
        """Backward of ``forward_fused``; None only when ``skip_input_grad`` is set."""
        raise NotImplementedError

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        """Per-sample output shape (no batch axis) for a per-sample ``input_shape``."""
        return input_shape

    def config(self) -> dict:
        """JSON-able constructor arguments, ``{"type": ClassName, ...}``; no parameters."""
        return {"type": type(self).__name__}

    @classmethod
    def array_shapes(cls, config: dict) -> dict[str, tuple[int, ...]]:
        """The arrays a layer built from ``config`` (its ``config()`` dict) holds, ``{"param/W":
        shape, "buffer/x": shape}``, computed without building it: a model file's header is
        checked against size limits and its arrays against these shapes before anything is
        allocated."""
        return {}

    def astype(self, dtype: np.dtype | type) -> None:
        """Cast parameters (and reset gradients) to ``dtype``, e.g. float64 for gradient checks."""
        for name in self.params:
            self.params[name] = self.params[name].astype(dtype)
            self.grads[name] = np.zeros_like(self.params[name])

    @property
    def name(self) -> str:
        return type(self).__name__


def _layer_rng(rng: np.random.Generator | None, seed: int | None) -> np.random.Generator:
    """The generator a layer draws from: an explicit ``rng`` wins, else one seeded by ``seed``."""
    if rng is not None:
        return rng
    # seed=None still gives a fixed stream: a layer never draws from OS entropy or the global seed
    return np.random.default_rng(0 if seed is None else seed)


class Dense(Layer):
    """Fully connected layer ``y = x @ W + b``.

    Parameters
    ----------
    in_features, out_features : int
    init : str
        "he" | "xavier" | "lecun" | "zeros", see ``nndesk.nn.init``.
    seed : int or None
        Seeds the weight draw when no ``rng`` is given; stored in ``config()``.
    rng : np.random.Generator, optional
        Draw the weights from this generator (not stored: configs stay JSON-able).
    """

    def __init__(
        self,
        in_features: int,
        out_features: int,
        init: str = "he",
        seed: int | None = None,
        *,
        rng: np.random.Generator | None = None,
    ) -> None:
        super().__init__()
        self.in_features = int(in_features)
        self.out_features = int(out_features)
        if self.in_features < 1 or self.out_features < 1:
            raise ConfigError(f"Dense needs positive sizes, got {in_features} -> {out_features}")
        self.init = init
        self.seed = seed
        self.params = {
            "W": np.empty((self.in_features, self.out_features), dtype=np.float32),
            "b": np.zeros(self.out_features, dtype=np.float32),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.initialize(_layer_rng(rng, seed))
        self._x: np.ndarray | None = None

    def initialize(self, rng: np.random.Generator) -> None:
        """Redraw W from ``rng`` with this layer's ``init`` rule and zero the bias, in place."""
        W = self.params["W"]
        W[...] = init_weights(self.init, W.shape, self.in_features, self.out_features, rng, W.dtype)
        self.params["b"][...] = 0

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        self._x = x
        z = np.matmul(x, self.params["W"])  # (n, in) @ (in, out) -> (n, out)
        z += self.params["b"]  # in place: no second (n, out) temporary
        return z

    def backward(self, grad_out: np.ndarray) -> np.ndarray | None:
        x = self._x
        if x is None:
            raise RuntimeError("Dense.backward called before forward")
        # written straight into the preallocated grad arrays the optimizer reads
        np.matmul(x.T, grad_out, out=self.grads["W"])  # (in, n) @ (n, out) -> (in, out)
        np.add.reduce(grad_out, axis=0, out=self.grads["b"])  # (n, out) -> (out,)
        if self.skip_input_grad:
            return None
        if x.flags.f_contiguous and not x.flags.c_contiguous:
            # x is a conv's flattened activation, features-major (nndesk.nn.conv's layout): the
            # gradient goes back in that layout, so Flatten returns it as a view, no transpose
            return np.matmul(self.params["W"], grad_out.T).T  # ((in, out) @ (out, n)).T
        return grad_out @ self.params["W"].T  # (n, out) @ (out, in) -> (n, in)

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        if tuple(input_shape) != (self.in_features,):
            raise ConfigError(
                f"Dense({self.in_features}, {self.out_features}) cannot take input of shape "
                f"{tuple(input_shape)}"
            )
        return (self.out_features,)

    @classmethod
    def array_shapes(cls, config: dict) -> dict[str, tuple[int, ...]]:
        n_in, n_out = int(config["in_features"]), int(config["out_features"])
        return {"param/W": (n_in, n_out), "param/b": (n_out,)}

    def config(self) -> dict:
        return {
            "type": "Dense",
            "in_features": self.in_features,
            "out_features": self.out_features,
            "init": self.init,
            "seed": self.seed,
        }


class Dropout(Layer):
    """Inverted dropout: in training zero each unit with probability ``rate`` and scale the rest by
    ``1 / (1 - rate)``, so evaluation is the identity.

    ``seed`` (stored in config) seeds the mask generator unless an explicit ``rng`` is given.
    """

    def __init__(
        self, rate: float = 0.5, seed: int | None = None, *, rng: np.random.Generator | None = None
    ) -> None:
        super().__init__()
        if not 0.0 <= float(rate) < 1.0:
            raise ConfigError(f"dropout rate must be in [0, 1), got {rate}")
        self.rate = float(rate)
        self.seed = seed
        self.rng = _layer_rng(rng, seed)
        self._mask: np.ndarray | None = None
        self._handed: np.ndarray | None = None  # see hand_over

    def kept_units(self, shape: tuple[int, ...]) -> np.ndarray:
        """bool ``shape``: which units a training batch of that shape keeps (``rate`` dropped),
        the next draw from this layer's generator."""
        return self.rng.random(shape, dtype=np.float32) >= self.rate

    def hand_over(self, keep: np.ndarray) -> None:
        """Use ``keep`` (bool, the input's shape) as the next training forward's kept units
        instead of drawing them: a batch split over threads (``nndesk.nn.split_batch``) draws
        the whole batch's mask once and gives each part its rows."""
        self._handed = keep

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        if not training or self.rate == 0.0:
            self._mask = None
            return x
        keep = self._handed if self._handed is not None else self.kept_units(x.shape)
        self._handed = None
        # the mask already carries the 1/(1-rate) scale, so backward is a single multiply
        self._mask = keep.astype(x.dtype)
        self._mask *= 1.0 / (1.0 - self.rate)
        return x * self._mask

    def backward(self, grad_out: np.ndarray) -> np.ndarray:
        if self._mask is None:
            return grad_out
        return grad_out * self._mask

    def config(self) -> dict:
        return {"type": "Dropout", "rate": self.rate, "seed": self.seed}


class Flatten(Layer):
    """``(n, *shape) -> (n, prod(shape))``: a view of C-ordered input, else a copy."""

    def __init__(self) -> None:
        super().__init__()
        self._shape: tuple[int, ...] = ()
        self._chwn = False

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        self._shape = x.shape
        # conv activations are NCHW views of (c, h, w, n) memory (see nndesk.nn.conv); the
        # gradient goes back in that order, so the layers behind run over contiguous memory
        self._chwn = (
            x.ndim == 4 and not x.flags.c_contiguous and x.transpose(1, 2, 3, 0).flags.c_contiguous
        )
        return x.reshape(x.shape[0], -1)

    def backward(self, grad_out: np.ndarray) -> np.ndarray:
        grad = grad_out.reshape(self._shape)
        if not self._chwn or grad.transpose(1, 2, 3, 0).flags.c_contiguous:
            return grad  # already (c, h, w, n) memory when Dense sent it back in its input's layout
        n, c, h, w = self._shape
        chwn = aligned.empty((c, h, w, n), grad.dtype)
        chwn[...] = grad.transpose(1, 2, 3, 0)
        return chwn.transpose(3, 0, 1, 2)  # NCHW view, as the forward's input was

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        return (math.prod(input_shape),)


class Reshape(Layer):
    """``(n, prod(shape)) -> (n, *shape)``; CNNs start with ``Reshape((1, 28, 28))``."""

    def __init__(self, shape: tuple[int, ...] | list[int]) -> None:
        super().__init__()
        self.shape = tuple(int(s) for s in shape)
        self._in_shape: tuple[int, ...] = ()

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        self._in_shape = x.shape
        return x.reshape((x.shape[0], *self.shape))

    def backward(self, grad_out: np.ndarray) -> np.ndarray:
        return grad_out.reshape(self._in_shape)

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        if math.prod(input_shape) != math.prod(self.shape):
            raise ConfigError(f"cannot reshape {tuple(input_shape)} into {self.shape}")
        return self.shape

    def config(self) -> dict:
        return {"type": "Reshape", "shape": list(self.shape)}
