"""``TrainConfig``: one run's values of every training setting, with their defaults.

What each setting may hold (type, choices, range), its label and help, and whether resume
keeps it are written once, in ``nndesk.settings_schema``; ``validate`` checks against it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from nndesk.errors import ConfigError
from nndesk.i18n import N_, Message

#: Every network takes the 784 pixels of a 28x28 image.
INPUT_SIZE = 784
#: The largest network ``validate`` accepts: with gradients and Adam's two slots about 1 GB.
MAX_PARAMETERS = 60_000_000


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
    aug_shift: float = 2.0  # pixels; the augmentation's strengths (augment.augment_batch)
    aug_rotate: float = 10.0  # degrees
    aug_scale: float = 0.1  # zoom 1 +- this
    aug_stroke: float = 0.0  # share of images drawn with a thicker or thinner pen
    sketch: float = 0.0  # share of each batch redrawn as garment sketches (augment.sketch_batch)
    test_every_epoch: bool = False
    momentum: float = 0.9
    clip_norm: float | None = None
    eps: float | None = None  # Adam / AdamW / RMSProp; None: the optimizer's default
    init: str = "auto"
    prelu_init: float = 0.25  # PReLU's starting slope (Keras starts at 0)
    threads: int = 0  # MLP: BLAS threads; CNN: parts each batch is split into; 0 = automatic

    def __post_init__(self) -> None:
        # one spelling of the layers wherever they are shown or saved ("784-16 -10" is
        # 784-16-10); a string that does not parse is refused by validate, as typed
        from nndesk.nn.architecture import canonical_architecture

        object.__setattr__(self, "arch", canonical_architecture(self.arch))
        # "gd" is plain SGD over whatever batch the loop gives: named so with batches, the run
        # was titled "gradient descent (full batch) … batch 60" while it trained 900 mini-batches
        # an epoch (verify68 #3). Its name, the Runs table, the code and a file read back agree
        if _gd_with_batches(self.optimizer, self.batch_size):
            object.__setattr__(self, "optimizer", "sgd")

    def validate(self) -> TrainConfig:
        """Return ``self`` if every field is usable (``settings_schema``: types, choices,
        ranges, the loss the output needs; then the layers: they parse, take 784 inputs and
        fit in memory), else raise ``ConfigError`` naming the field."""
        from nndesk.settings_schema import check

        check(self.to_dict())
        from nndesk.nn.architecture import parameter_count, parse_architecture

        arch = repr(self.arch if len(str(self.arch)) <= 40 else f"{str(self.arch)[:37]}...")
        try:
            tokens = parse_architecture(self.arch)
        except ConfigError as err:
            detail = err.args[0] if err.args else str(err)  # a Message the window translates
            raise ConfigError(Message("arch {arch}: {err}", arch=arch, err=detail)) from None
        if tokens[0][1] != INPUT_SIZE:
            raise ConfigError(
                Message(
                    N_("arch {arch}: the input size must be {size} (28x28 images), not {n}"),
                    arch=arch,
                    size=INPUT_SIZE,
                    n=tokens[0][1],
                )
            )
        params = parameter_count(tokens)
        if params > MAX_PARAMETERS:
            raise ConfigError(
                Message(
                    N_("arch {arch}: {n:,} weights is too many to train here (at most {limit:,})"),
                    arch=arch,
                    n=params,
                    limit=MAX_PARAMETERS,
                )
            )
        return self

    def build_model(self, rng):
        """The network these settings describe (``arch`` and its layer options), its weights drawn
        from ``rng`` (an ``np.random.Generator``)."""
        from nndesk.nn.architecture import build_model

        return build_model(
            self.arch,
            activation=self.activation,
            output=self.output,
            dropout=self.dropout,
            init=self.init,
            prelu_init=self.prelu_init,
            rng=rng,
        )

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


def as_trained(config: dict) -> dict:
    """A run's stored settings as it trained: "gd" with batches, written by a version before
    ``TrainConfig`` named it so (verify68 #3), is the "sgd" it trained as (fixU #2: its Runs
    row said "gradient descent (full batch) … batch 60"). ``config`` itself when nothing
    changes."""
    if _gd_with_batches(config.get("optimizer"), config.get("batch_size")):
        return {**config, "optimizer": "sgd"}
    return config


def _gd_with_batches(optimizer: Any, batch_size: Any) -> bool:
    """Whether settings name full-batch gradient descent with batches: plain SGD over them."""
    return optimizer == "gd" and _batches(batch_size)


def _batches(batch_size: Any) -> bool:
    """Whether ``batch_size`` asks for batches (a whole number above 0), not the full batch."""
    return isinstance(batch_size, int) and not isinstance(batch_size, bool) and batch_size > 0


def batch_over_train_note(batch_size: int, n_train: int) -> Message | None:
    """One line when a batch size of more than the training images makes every epoch one
    full-batch step (a typo'd 1000000 trained 5 steps to 58 % without a word, lab56 D5); not
    a refusal: full-batch gradient descent is a lab of its own. None otherwise."""
    if not batch_size or n_train <= 0 or batch_size <= n_train:
        return None
    return Message(
        N_(
            "batch {batch:,} is more than the {n:,} training images: every epoch is one "
            "full-batch step"
        ),
        batch=batch_size,
        n=n_train,
    )
