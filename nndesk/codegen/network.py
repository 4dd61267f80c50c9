"""The network of an experiment as a list of plain steps, in the order nndesk builds it.

The steps come from the very model ``TrainConfig.build_model`` makes for the settings,
so an export can never disagree with the app about layer order (a CNN's activation after its
max-pool, dropout after each hidden activation, batch norm where the architecture puts it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nndesk.nn.activations import ACTIVATIONS
from nndesk.training import TrainConfig

#: nndesk activation class name -> the settings' name for it (the registry read backwards)
_ACTIVATIONS = {cls.__name__: name for name, cls in ACTIVATIONS.items()}


@dataclass(frozen=True)
class Step:
    """One layer. ``kind``: images | conv | pool | bn | act | dropout | flatten | dense.

    ``number`` counts the layers of the same kind from 1 (dense 1, dense 2...; activations count
    with the layer they follow); ``in_shape``/``out_shape`` are per-sample shapes; ``spec`` holds
    the kind's own settings (filters, kernel, padding, init, rate, activation name...).
    """

    kind: str
    number: int
    in_shape: tuple[int, ...]
    out_shape: tuple[int, ...]
    spec: dict = field(default_factory=dict)

    @property
    def spatial(self) -> bool:
        """Whether the step works on (channels, height, width) maps."""
        return len(self.in_shape) == 3


def network_steps(config: TrainConfig) -> list[Step]:
    """The layers nndesk builds for ``config``, as ``Step``s in forward order."""
    import numpy as np

    model = config.build_model(np.random.default_rng(0))  # only its structure is read
    steps: list[Step] = []
    counts: dict[str, int] = {}
    shape = tuple(model.input_shape)
    last_param_kind = "dense"
    for layer, (_, out_shape, _) in zip(model.layers, model.summary_rows(), strict=True):
        cfg = layer.config()
        name = cfg["type"]
        spec: dict = {}
        if name == "Reshape":
            kind = "images"
        elif name == "Conv2D":
            kind = "conv"
            spec = {
                "in_channels": cfg["in_channels"],
                "filters": cfg["out_channels"],
                "kernel": cfg["kernel_size"],
                "padding": cfg["padding"],
                "init": cfg["init"],
            }
        elif name == "MaxPool2D":
            kind = "pool"
        elif name == "BatchNorm2D":
            kind = "bn"
            spec = {"channels": cfg["channels"], "momentum": cfg["momentum"], "eps": cfg["eps"]}
        elif name in _ACTIVATIONS:
            kind = "act"
            spec = {"name": _ACTIVATIONS[name], **{k: v for k, v in cfg.items() if k != "type"}}
        elif name == "Dropout":
            kind = "dropout"
            spec = {"rate": cfg["rate"]}
        elif name == "Flatten":
            kind = "flatten"
        elif name == "Dense":
            kind = "dense"
            spec = {"in": cfg["in_features"], "out": cfg["out_features"], "init": cfg["init"]}
        else:  # a layer kind this exporter was not taught: refuse rather than write wrong code
            from nndesk.errors import ConfigError

            raise ConfigError(f"cannot export a network with a {name} layer")
        if kind in ("conv", "dense", "bn"):
            last_param_kind = kind
        if kind == "act":
            # an activation shares the number of the conv or dense layer it follows
            after = "conv" if last_param_kind == "bn" else last_param_kind
            number = counts.get(after, 1)
            spec["after"] = after
        else:
            counts[kind] = counts.get(kind, 0) + 1
            number = counts[kind]
        steps.append(Step(kind, number, shape, tuple(out_shape), spec))
        shape = tuple(out_shape)
    return steps


def is_convolutional(steps: list[Step]) -> bool:
    return any(s.kind == "conv" for s in steps)


def shape_text(shape: tuple[int, ...]) -> str:
    """``(64,)`` -> ``"(n, 64)"``, ``(32, 26, 26)`` -> ``"(n, 32, 26, 26)"``."""
    return "(n, " + ", ".join(str(s) for s in shape) + ")"
