"""Layers with forward/backward; each caches what backward needs, grads keyed like params."""

from __future__ import annotations

import numpy as np

from nndesk.errors import ConfigError

_REGISTRY: dict[str, type[Layer]] = {}


def register_layer(cls: type[Layer]) -> type[Layer]:
    """Class decorator: make ``cls`` rebuildable from its ``config()`` by ``layer_from_config``."""
    _REGISTRY[cls.__name__] = cls
    return cls


def layer_from_config(cfg: dict) -> Layer:
    """Rebuild a layer (without its trained parameters) from ``Layer.config()``."""
    import nndesk.nn.activations  # noqa: F401  (register their classes)
    import nndesk.nn.conv  # noqa: F401

    kind = cfg.get("type")
    if kind not in _REGISTRY:
        raise ConfigError(f"unknown layer type {kind!r}")
    kwargs = {k: v for k, v in cfg.items() if k != "type"}
    return _REGISTRY[kind](**kwargs)


class Layer:
    """Base class. Subclasses fill ``params`` (float arrays) and matching ``grads`` in ``__init__``.

    ``forward(x, training)`` returns the output and caches what ``backward`` needs;
    ``backward(grad_out)`` writes ``self.grads[name]`` (same shape as ``self.params[name]``) and
    returns the gradient with respect to ``x``.
    """

    def __init__(self) -> None:
        self.params: dict[str, np.ndarray] = {}
        self.grads: dict[str, np.ndarray] = {}

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        raise NotImplementedError

    def backward(self, grad_out: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        """Per-sample output shape (no batch axis) for a per-sample ``input_shape``."""
        return input_shape

    def config(self) -> dict:
        """JSON-able constructor arguments, ``{"type": ClassName, ...}``; no parameters."""
        return {"type": type(self).__name__}

    def astype(self, dtype: np.dtype | type) -> None:
        """Cast parameters (and reset gradients) to ``dtype``, e.g. float64 for gradient checks."""
        for name in self.params:
            self.params[name] = self.params[name].astype(dtype)
            self.grads[name] = np.zeros_like(self.params[name])

    @property
    def name(self) -> str:
        return type(self).__name__
