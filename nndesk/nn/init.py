"""Weight initialisers (He, Xavier/Glorot, LeCun) drawn from an explicit ``np.random.Generator``."""

from __future__ import annotations

import numpy as np

from nndesk.errors import ConfigError

INITS = ("he", "xavier", "lecun", "zeros")


def init_weights(
    name: str,
    shape: tuple[int, ...],
    fan_in: int,
    fan_out: int,
    rng: np.random.Generator,
    dtype: np.dtype | type = np.float32,
) -> np.ndarray:
    """Draw a weight array of ``shape`` with the variance rule ``name``.

    he: N(0, 2 / fan_in) (ReLU family); xavier: U(+-sqrt(6 / (fan_in + fan_out))) (sigmoid, tanh);
    lecun: N(0, 1 / fan_in) (SELU/ELU); zeros: all zero (tests).
    """
    if name == "he":
        w = rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)
    elif name == "xavier":
        limit = np.sqrt(6.0 / (fan_in + fan_out))
        w = rng.uniform(-limit, limit, size=shape)
    elif name == "lecun":
        w = rng.standard_normal(shape) * np.sqrt(1.0 / fan_in)
    elif name == "zeros":
        w = np.zeros(shape)
    else:
        raise ConfigError(f"unknown initialiser {name!r}; choose one of {', '.join(INITS)}")
    return w.astype(dtype)


def default_init(activation: str) -> str:
    """The ``init="auto"`` rule: He for the ReLU family, Xavier for sigmoid/tanh."""
    return "xavier" if activation in ("sigmoid", "tanh") else "he"
