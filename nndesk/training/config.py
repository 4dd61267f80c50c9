"""``TrainConfig``: every setting of a training run, validated.

The fields, their types, choices, ranges and help live once in ``nndesk.settings_schema``;
this dataclass holds one run's values of them.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

from nndesk.errors import ConfigError

#: Every network takes the 784 pixels of a 28x28 image.
INPUT_SIZE = 784
#: The largest network ``validate`` accepts: with gradients and Adam's two slots about 1 GB.
MAX_PARAMETERS = 60_000_000
#: Seeds are whole numbers 0..2**32-1 (what every NumPy generator and the settings file take).
MAX_SEED = 2**32 - 1

ACTIVATIONS = ("relu", "leaky_relu", "sigmoid", "tanh", "elu", "prelu")
OUTPUTS = ("softmax", "sigmoid")
LOSSES = ("ce", "bce", "mse")
OPTIMIZERS = ("gd", "sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw")
SCHEDULES = ("constant", "step", "exp", "cosine")
NORMALIZATIONS = ("raw", "unit", "symmetric", "standard")


@dataclass(frozen=True)
class TrainConfig:
    """Every setting of a training run; the CLI flags and the GUI fields map one to one.

    ``batch_size`` 0 means full batch (plain gradient descent over the whole training split).
    ``l2`` is Keras' ``l2(l2)``: ``l2 * sum(W**2)`` added to the loss for every weight matrix
    (biases excluded), i.e. ``2 * l2 * W`` added to its gradient.
    Schedules: "step" multiplies the rate by ``schedule_gamma`` every ``schedule_step`` epochs;
    "exp" keeps it for ``schedule_step`` epochs, then multiplies it by ``exp(-schedule_rate)``
    each epoch; "cosine" anneals it to ``min_lr`` over the run.
    ``eps`` is the small constant Adam, AdamW and RMSProp add to ``sqrt(v)``; None keeps the
    optimizer's own default (1e-8 for Adam, 1e-7 for RMSProp). Keras uses 1e-7 for all three, and
    the lab presets that reproduce Keras runs set it.
    """

    dataset: str = "fashion"
    arch: str = "784-64-64-10"
    activation: str = "relu"
    output: str = "softmax"
    loss: str = "ce"
    optimizer: str = "adam"
    lr: float = 1e-3
    batch_size: int = 32
    epochs: int = 5
    l2: float = 0.0
    dropout: float = 0.0
    schedule: str = "constant"
    schedule_step: int = 10
    schedule_gamma: float = 0.1
    schedule_rate: float = 0.1
    min_lr: float = 0.0
    normalize: str = "symmetric"
    val_fraction: float = 0.1
    seed: int = 0
    augment: bool = False
    test_every_epoch: bool = False
    momentum: float = 0.9
    clip_norm: float | None = None
    eps: float | None = None  # Adam / AdamW / RMSProp; None: the optimizer's default
    init: str = "auto"
    prelu_init: float = 0.25  # PReLU's starting slope (Keras starts at 0)
    threads: int = 0  # BLAS threads while training; 0 = automatic (see Session.blas_threads)

    def validate(self) -> TrainConfig:
        """Return ``self`` if every field is usable, else raise ``ConfigError`` naming the field."""
        choices = {
            "activation": ACTIVATIONS,
            "output": OUTPUTS,
            "loss": LOSSES,
            "optimizer": OPTIMIZERS,
            "schedule": SCHEDULES,
            "normalize": NORMALIZATIONS,
        }
        for name, allowed in choices.items():
            value = getattr(self, name)
            if value not in allowed:
                raise ConfigError(f"{name} must be one of {', '.join(allowed)}; got {value!r}")
        from nndesk.nn.losses import check_loss_output

        reason = check_loss_output(self.loss, self.output)
        if reason is not None:
            raise ConfigError(reason)
        positive = {"lr": self.lr, "epochs": self.epochs, "schedule_step": self.schedule_step}
        for name, value in positive.items():
            if not (isinstance(value, int | float) and math.isfinite(value) and value > 0):
                raise ConfigError(f"{name} must be a positive number; got {value!r}")
        if not isinstance(self.batch_size, int) or self.batch_size < 0:
            raise ConfigError(
                f"batch_size must be a positive integer or 0 (full batch); got {self.batch_size!r}"
            )
        if not 0.0 <= self.dropout < 1.0:
            raise ConfigError(f"dropout must be in [0, 1); got {self.dropout}")
        if not 0.0 <= self.val_fraction < 1.0:
            raise ConfigError(f"val_fraction must be in [0, 1); got {self.val_fraction}")
        if not isinstance(self.threads, int) or self.threads < 0:
            raise ConfigError(
                f"threads must be 0 (automatic) or a positive integer; got {self.threads!r}"
            )
        if not self.l2 >= 0.0:
            raise ConfigError(f"l2 must be >= 0; got {self.l2}")
        if not 0.0 < self.schedule_gamma <= 1.0:
            raise ConfigError(f"schedule_gamma must be in (0, 1]; got {self.schedule_gamma}")
        if not self.schedule_rate >= 0.0 or not self.min_lr >= 0.0:
            raise ConfigError("schedule_rate and min_lr must be >= 0")
        if self.clip_norm is not None and not self.clip_norm > 0:
            raise ConfigError(f"clip_norm must be positive; got {self.clip_norm}")
        if self.eps is not None and not (math.isfinite(self.eps) and 0 < self.eps < 1):
            raise ConfigError(f"eps must be a number between 0 and 1; got {self.eps}")
        if not (math.isfinite(self.prelu_init) and 0 <= self.prelu_init < 1):
            raise ConfigError(f"prelu_init must be in [0, 1); got {self.prelu_init}")
        seed_ok = isinstance(self.seed, int) and not isinstance(self.seed, bool)
        if not (seed_ok and 0 <= self.seed <= MAX_SEED):
            raise ConfigError(f"seed must be a whole number 0 to {MAX_SEED}; got {self.seed!r}")
        from nndesk.nn.architecture import parameter_count, parse_architecture

        arch = repr(self.arch if len(str(self.arch)) <= 40 else f"{str(self.arch)[:37]}...")
        try:
            tokens = parse_architecture(self.arch)
        except ConfigError as err:
            raise ConfigError(f"arch {arch}: {err}") from None
        if tokens[0][1] != INPUT_SIZE:
            raise ConfigError(
                f"arch {arch}: the input size must be {INPUT_SIZE} (28x28 images), "
                f"not {tokens[0][1]}"
            )
        params = parameter_count(tokens)
        if params > MAX_PARAMETERS:
            raise ConfigError(
                f"arch {arch}: {params:,} weights is too many to train here "
                f"(at most {MAX_PARAMETERS:,})"
            )
        return self

    def replace(self, **changes: Any) -> TrainConfig:
        """A copy with ``changes`` applied (unknown names raise ``ConfigError``)."""
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise ConfigError(f"unknown training setting(s): {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict:
        """JSON-able dict of every field."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> TrainConfig:
        """Inverse of ``to_dict``; keys this version does not know are ignored (older files)."""
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in known})

    @property
    def full_batch(self) -> bool:
        return not self.batch_size
