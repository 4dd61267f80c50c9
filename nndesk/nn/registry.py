"""Every layer class a model file may name, and ``layer_from_config`` that rebuilds one.

The table imports each layer module at the top, so a module that fails to import fails here, with
its own error, instead of its layers turning into "unknown layer type" when a file is loaded.
"""

from __future__ import annotations

from nndesk.errors import ConfigError
from nndesk.nn.activations import ELU, LeakyReLU, PReLU, ReLU, Sigmoid, Softmax, Tanh
from nndesk.nn.batchnorm import BatchNorm2D
from nndesk.nn.conv import Conv2D, MaxPool2D
from nndesk.nn.layers import Dense, Dropout, Flatten, Layer, Reshape

#: Layer classes by the ``type`` their ``config()`` records.
LAYER_TYPES: dict[str, type[Layer]] = {
    cls.__name__: cls
    for cls in (
        Dense,
        Dropout,
        Flatten,
        Reshape,
        ReLU,
        LeakyReLU,
        Sigmoid,
        Tanh,
        ELU,
        PReLU,
        Softmax,
        Conv2D,
        MaxPool2D,
        BatchNorm2D,
    )
}


def layer_from_config(cfg: dict) -> Layer:
    """Rebuild a layer (without its trained parameters) from ``Layer.config()``."""
    kind = cfg.get("type")
    if kind not in LAYER_TYPES:
        raise ConfigError(f"unknown layer type {kind!r}")
    kwargs = {k: v for k, v in cfg.items() if k != "type"}
    try:
        return LAYER_TYPES[kind](**kwargs)
    except TypeError as err:  # unknown or missing constructor argument in a hand-edited config
        raise ConfigError(f"bad {kind} config {kwargs}: {err}") from None
