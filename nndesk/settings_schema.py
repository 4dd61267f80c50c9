"""Every training setting, once: its type, choices, range, label, help, resume and live rules.

``FIELDS`` is the one table. ``TrainConfig.validate`` checks a config against it, ``cli`` makes
the ``nndesk train`` flags from it, the Train page's form builds its fields from it, and a
resumed run keeps the fields marked ``resume_keeps``. Choices come from the ``nn`` registries
(activations, outputs, losses, optimizers, schedules, initialisers) and the data normalisers, so
a new activation appears in the CLI and the form at once. The defaults are ``TrainConfig``'s.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from nndesk.data.normalize import NORMALIZATIONS
from nndesk.data.registry import DATASETS
from nndesk.errors import ConfigError
from nndesk.i18n import N_, QT_TRANSLATE_NOOP, Message
from nndesk.nn.activations import ACTIVATIONS
from nndesk.nn.init import INITS
from nndesk.nn.losses import LOSSES
from nndesk.nn.model import OUTPUTS
from nndesk.nn.optimizers import OPTIMIZERS, accepts
from nndesk.nn.schedules import SCHEDULES

#: Seeds are whole numbers 0..2**32-1 (what every NumPy generator and the settings file take).
MAX_SEED = 2**32 - 1
#: More epochs than any lab needs (full-batch gradient descent labs run 500-5,000 steps).
MAX_EPOCHS = 100_000
#: Larger than any training split nndesk reads (256 MiB of 28x28 images is 342,000).
MAX_BATCH_SIZE = 1_000_000

#: How each choice reads in the form (the CLI takes the value itself).
CHOICE_LABELS = {
    "relu": N_("ReLU"),
    "leaky_relu": N_("Leaky ReLU"),
    "elu": N_("ELU"),
    "prelu": N_("PReLU (learned slope)"),
    "softmax": N_("softmax (one class)"),
    "sigmoid": N_("sigmoid"),
    "linear": N_("linear (raw scores)"),
    "ce": N_("cross-entropy"),
    "bce": N_("binary cross-entropy"),
    "mse": N_("mean squared error"),
    "adam": N_("Adam"),
    "adamw": N_("AdamW"),
    "sgd": N_("SGD"),
    "momentum": N_("SGD + momentum"),
    "nesterov": N_("Nesterov momentum"),
    "rmsprop": N_("RMSProp"),
    "gd": N_("gradient descent (full batch)"),
    "constant": N_("constant"),
    "step": N_("step decay"),
    "exp": N_("exponential after N epochs"),
    "cosine": N_("cosine to a minimum"),
    "symmetric": N_("[-1, 1]  (x / 127.5 - 1)"),
    "unit": N_("[0, 1]  (x / 255)"),
    "standard": N_("standardised (mean 0, sd 1)"),
    "raw": N_("raw pixels 0-255"),
    "auto": N_("auto (He for ReLU, Xavier else)"),
    "he": N_("He"),
    "xavier": N_("Xavier"),
    "lecun": N_("LeCun"),
}
#: How a few choices read where a run is described in one line ("ReLU/sigmoid BCE Adam lr=0.01
#: pixels 0 to 1"); every other choice reads there as in the form. The inputs' short words are
#: also how running text names them: a newcomer could not read "[-1, 1]" or "symmetric".
SHORT_LABELS = {
    "softmax": N_("softmax"),
    "linear": N_("linear"),
    "ce": N_("CE"),
    "bce": N_("BCE"),
    "mse": N_("MSE"),
    "symmetric": N_("pixels -1 to 1"),
    "unit": N_("pixels 0 to 1"),
    "standard": N_("pixels standardised"),
    "raw": N_("pixels 0 to 255"),
}


@dataclass(frozen=True)
class Field:
    """One setting of ``TrainConfig``.

    ``label`` names the setting wherever the window writes about it ("batch size 64", a column
    header); ``form_label``, when set, is the Train form's own label for it, a learner's first
    meeting with the term, where the glossary (docs/glossary-vi.md) keeps the English beside the
    Vietnamese ("Kích thước batch (batch size)"): the two are separate strings so a sentence never
    reads "kích thước batch (batch size) 64".

    ``low``/``high`` bound numbers (``low_open``/``high_open``: the bound itself is refused);
    ``optional``: None is allowed (the optimizer's own default, or off); ``resume_keeps``: a
    resumed model file fixes it (its network, inputs and optimizer); ``live``: it can change
    while a run trains; ``applies(values)``: whether it matters with the other values (the form
    hides it otherwise); ``flag``: the CLI flag when it is not ``--`` + the name with dashes.
    """

    name: str
    kind: type
    label: str
    help: str
    group: str  # "data" | "network" | "optimisation" (where the form shows it)
    choices: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False
    optional: bool = False
    resume_keeps: bool = False
    live: bool = False
    race_shares: bool = False
    applies: Callable[[Mapping[str, Any]], bool] | None = None
    flag: str = ""
    metavar: str = ""
    form_label: str = ""  # marked QT_TRANSLATE_NOOP("TrainForm", ...)

    @property
    def cli_flag(self) -> str:
        return self.flag or "--" + self.name.replace("_", "-")

    def choice_label(self, value: str) -> str:
        """How choice ``value`` reads in the form (marked with ``N_``; the value itself when
        the table has no label for it)."""
        return CHOICE_LABELS.get(value, value)

    def short_label(self, value: str) -> str:
        """How choice ``value`` reads in a run's one-line description (``SHORT_LABELS``)."""
        return SHORT_LABELS.get(value) or self.choice_label(value)

    def range_text(self) -> str:
        """``"in [0, 1)"``, ``"> 0"``, ``">= 1"``: the range, as messages say it (a ``Message``,
        so the window says it in its language)."""
        if self.kind is float and self.low == 0 and self.low_open and self.high is None:
            return Message(N_("a positive number"))
        if self.kind is int and self.low is not None and self.high is not None:
            return Message(
                N_("a whole number {low:g} to {high}"), low=self.low, high=int(self.high)
            )
        if self.low is not None and self.high is not None:
            left, right = "(" if self.low_open else "[", ")" if self.high_open else "]"
            return Message(
                N_("in {left}{low:g}, {high:g}{right}"),
                left=left,
                low=self.low,
                high=self.high,
                right=right,
            )
        if self.low is not None:
            return Message("{sign} {low:g}", sign=">" if self.low_open else ">=", low=self.low)
        if self.high is not None:
            return Message("{sign} {high:g}", sign="<" if self.high_open else "<=", high=self.high)
        return ""

    def problem(self, value: Any) -> str | None:
        """Why ``value`` is not acceptable for this field (one line, a ``Message``), or None."""
        if value is None:
            return None if self.optional else Message(N_("must be set"))
        if self.kind is bool:
            if isinstance(value, bool):
                return None
            return Message(N_("must be true or false; got {value!r}"), value=value)
        if self.kind is str:
            if not isinstance(value, str):
                return Message(N_("must be text; got {value!r}"), value=value)
            if self.choices and value not in self.choices:
                return Message(
                    N_("must be one of {choices}; got {value!r}"),
                    choices=", ".join(self.choices),
                    value=value,
                )
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            wanted = self.range_text() if self.range_text().startswith("a ") else "a number"
            if wanted == "a number":
                return Message(N_("must be a number; got {value!r}"), value=value)
            return Message(N_("must be {range}; got {value!r}"), range=wanted, value=value)
        if self.kind is int and not isinstance(value, int):
            return Message(N_("must be a whole number; got {value!r}"), value=value)
        try:
            finite = math.isfinite(value)
        except OverflowError:  # an integer no float holds (a JSON file can hold one)
            value, finite = (math.inf if value > 0 else -math.inf), False
        if not finite:
            return Message(N_("must be a finite number; got {value!r}"), value=value)
        too_low = self.low is not None and (
            value < self.low or (self.low_open and value == self.low)
        )
        too_high = self.high is not None and (
            value > self.high or (self.high_open and value == self.high)
        )
        if too_low or too_high:
            return Message(
                N_("must be {range}; got {value:g}"), range=self.range_text(), value=value
            )
        return None


def _augments(values: Mapping[str, Any]) -> bool:
    return bool(values.get("augment"))


def sketches_apply(values: Mapping[str, Any]) -> bool:
    """Garment sketches redraw clothes: not for MNIST digits (a folder may hold garments)."""
    return values.get("dataset") != "mnist"


def _field(name: str, kind: type, label: str, help: str, group: str, **rules: Any) -> Field:
    return Field(name, kind, label, help, group, **rules)


FIELDS: tuple[Field, ...] = (
    # -- data ----------------------------------------------------------------------------------
    _field("dataset", str, N_("Dataset"), N_("a dataset nndesk knows (its name), or a folder "
           "with one sub-folder of images per class"), "data", resume_keeps=True,
           race_shares=True, metavar="|".join((*DATASETS, "FOLDER"))),
    _field("normalize", str, N_("Inputs"), N_("how pixels 0..255 are scaled before the network"),
           "data", choices=NORMALIZATIONS, resume_keeps=True),
    _field("val_fraction", float, N_("Validation"), N_("share of the training images held out to "
           "measure validation loss and accuracy each epoch"), "data", low=0.0, high=1.0,
           high_open=True, metavar="F",
           form_label=QT_TRANSLATE_NOOP("TrainForm", "Validation")),
    _field("augment", bool, N_("Augment"), N_("train on slightly shifted, rotated and scaled "
           "copies of the images"), "data", live=True,
           form_label=QT_TRANSLATE_NOOP("TrainForm", "Augmentation")),
    _field("aug_shift", float, N_("Shift"), N_("augment: shifts up to this many pixels each "
           "way"), "data", low=0.0, high=6.0, live=True, metavar="PIXELS",
           applies=_augments),
    _field("aug_rotate", float, N_("Rotate"), N_("augment: turns up to this many degrees each "
           "way"), "data", low=0.0, high=45.0, live=True, metavar="DEGREES",
           applies=_augments),
    _field("aug_scale", float, N_("Zoom"), N_("augment: zoom in or out by up to this share (0.1 "
           "= 90% to 110%)"), "data", low=0.0, high=0.5, live=True,
           metavar="SHARE", applies=_augments),
    _field("aug_stroke", float, N_("Pen width"), N_("augment: share of images whose strokes get "
           "thicker or thinner"), "data", low=0.0, high=1.0, live=True,
           metavar="SHARE", applies=_augments),
    _field("sketch", float, N_("Sketches"), N_("share of each batch redrawn as garment sketches "
           "(silhouettes, outlines, scribbles)"), "data", low=0.0, high=1.0, live=True,
           metavar="SHARE", applies=sketches_apply,
           form_label=QT_TRANSLATE_NOOP("TrainForm", "Share of sketches")),
    # -- network -------------------------------------------------------------------------------
    _field("arch", str, N_("Layers"), N_("784 inputs, hidden widths, 10 classes, e.g. "
           "784-64-64-10; "
           "CNN: 784-c32-p-c64-p-128-10 (cN = 3x3 conv with N filters, padded; cNv = the same "
           "without padding, as Keras; cNkK = KxK conv; p = 2x2 max-pool, bn = batch norm)"),
           "network", resume_keeps=True, metavar="SPEC"),
    _field("activation", str, N_("Activation"), N_("the hidden layers' activation"), "network",
           choices=tuple(ACTIVATIONS), resume_keeps=True,
           form_label=QT_TRANSLATE_NOOP("TrainForm", "Activation")),
    _field("output", str, N_("Output"), N_("the output layer's activation: softmax picks one "
           "class, sigmoid scores each class on its own"), "network", choices=OUTPUTS,
           resume_keeps=True, flag="--output-activation"),
    _field("loss", str, N_("Loss"), N_("cross-entropy needs the softmax output, binary "
           "cross-entropy "
           "the sigmoid output; mean squared error takes any"), "network", choices=LOSSES,
           resume_keeps=True, form_label=QT_TRANSLATE_NOOP("TrainForm", "Loss")),
    _field("dropout", float, N_("Dropout"), N_("share of hidden units switched off at random while "
           "training"), "network", low=0.0, high=1.0, high_open=True, resume_keeps=True,
           live=True, metavar="RATE"),
    _field("init", str, N_("Init"), N_("how the starting weights are drawn"), "network",
           choices=("auto", *(name for name in INITS if name != "zeros")), resume_keeps=True),
    _field("prelu_init", float, N_("PReLU slope"), N_("PReLU's learned negative slope starts here: "
           "0.25 as in He et al. and PyTorch, 0 as in Keras"), "network", low=0.0, high=1.0,
           high_open=True, resume_keeps=True, metavar="SLOPE",
           applies=lambda v: v.get("activation") == "prelu"),
    # -- optimisation --------------------------------------------------------------------------
    _field("optimizer", str, N_("Optimizer"), N_("the update rule"), "optimisation",
           choices=OPTIMIZERS, resume_keeps=True,
           form_label=QT_TRANSLATE_NOOP("TrainForm", "Optimizer")),
    _field("lr", float, N_("Learning rate"), N_("step size of each update"), "optimisation",
           low=0.0, low_open=True, live=True, metavar="RATE",
           form_label=QT_TRANSLATE_NOOP("TrainForm", "Learning rate")),
    _field("momentum", float, N_("Momentum"), N_("momentum and Nesterov: the share of the last "
           "step kept"), "optimisation", low=0.0, high=1.0, high_open=True, resume_keeps=True,
           live=True, metavar="MU", applies=lambda v: accepts(v.get("optimizer", ""), "momentum"),
           form_label=QT_TRANSLATE_NOOP("TrainForm", "Momentum")),
    _field("eps", float, N_("Epsilon"), N_("added to sqrt(v) by Adam, AdamW and RMSProp; empty = "
           "the optimizer's default (1e-8 Adam, 1e-7 RMSProp; Keras uses 1e-7)"), "optimisation",
           low=0.0, high=1.0, low_open=True, high_open=True, optional=True, resume_keeps=True,
           metavar="EPS", applies=lambda v: accepts(v.get("optimizer", ""), "eps")),
    _field("batch_size", int, N_("Batch size"), N_("images per update; 'full' = the whole training "
           "split, plain gradient descent (0 too on the command line)"), "optimisation", low=0,
           high=MAX_BATCH_SIZE, live=True, metavar="N|full",
           form_label=QT_TRANSLATE_NOOP("TrainForm", "Batch size")),
    _field("epochs", int, N_("Epochs"), N_("passes over the training images; a run stopped "
           "before its last epoch continues up to this epoch, counted from its start; a finished "
           "model continues for this many more"), "optimisation", low=1, high=MAX_EPOCHS,
           race_shares=True, metavar="N"),
    _field("schedule", str, N_("Schedule"), N_("how the learning rate changes from epoch to epoch"),
           "optimisation", choices=SCHEDULES),
    _field("schedule_step", int, N_("Every"), N_("step: decay every N epochs; exp: constant for N "
           "epochs first"), "optimisation", low=1, metavar="EPOCHS",
           applies=lambda v: v.get("schedule") in ("step", "exp")),
    _field("schedule_gamma", float, N_("Multiply by"), N_("step: multiply the rate by this at "
           "every step"), "optimisation", low=0.0, high=1.0, low_open=True, metavar="FACTOR",
           applies=lambda v: v.get("schedule") == "step"),
    _field("schedule_rate", float, N_("Decay rate"), N_("exp: multiply the rate by "
           "exp(-Decay rate) each epoch"), "optimisation", low=0.0, metavar="RATE",
           applies=lambda v: v.get("schedule") == "exp"),
    _field("min_lr", float, N_("Minimum LR"), N_("cosine: the final rate"), "optimisation", low=0.0,
           metavar="RATE", applies=lambda v: v.get("schedule") == "cosine"),
    _field("l2", float, N_("L2"), N_("weight penalty l2 * sum(W^2) (Keras' l2)"), "optimisation",
           low=0.0, resume_keeps=True, live=True, metavar="LAMBDA"),
    _field("clip_norm", float, N_("Clip norm"), N_("clip the gradient's global norm to this; "
           "empty = off"), "optimisation", low=0.0, low_open=True, optional=True, resume_keeps=True,
           metavar="NORM", form_label=QT_TRANSLATE_NOOP("TrainForm", "Clip norm")),
    _field("seed", int, N_("Seed"), N_("same seed + same settings = the same run, batch for "
           "batch, on as many threads: Threads 0 gives a wide network more threads on a quiet "
           "machine, which sum in another order and end elsewhere, so set Threads (1) to repeat "
           "a run exactly"), "optimisation", low=0, high=MAX_SEED, race_shares=True, metavar="N"),
    _field("test_every_epoch", bool, N_("Test"), N_("also measure accuracy on the test images "
           "after every epoch"), "optimisation"),
    _field("threads", int, N_("Threads"), N_("threads training uses: an MLP's BLAS "
           "threads, or the parts each CNN batch is split into; 0 = automatic (one for small "
           "networks)"), "optimisation", low=0, metavar="N"),
)  # fmt: skip

BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}

#: Fields a resumed model file fixes: its network, its inputs and its optimizer's state.
RESUME_KEEPS: tuple[str, ...] = tuple(f.name for f in FIELDS if f.resume_keeps)
#: Fields every lane of a race shares: its images, their order and their augmentation.
RACE_SHARES: tuple[str, ...] = tuple(f.name for f in FIELDS if f.race_shares)


def problems(values: dict[str, Any]) -> dict[str, str]:
    """Field name -> why its value is refused, for every field in ``values`` (and the rules
    between fields: the loss that the output needs); empty when all is well."""
    from nndesk.nn.losses import check_loss_output

    found = {}
    for name, value in values.items():
        field = BY_NAME.get(name)
        reason = Message(N_("is not a training setting")) if field is None else field.problem(value)
        if reason is not None:
            found[name] = reason
    if "loss" in values and "output" in values and "loss" not in found:
        reason = check_loss_output(values["loss"], values["output"])
        if reason is not None:
            found["loss"] = reason
    return found


def check(values: dict[str, Any]) -> None:
    """Raise ``ConfigError`` naming the first refused field (``problems``)."""
    found = problems(values)
    if found:
        name, reason = next(iter(found.items()))
        raise ConfigError(Message("{name} {reason}", name=name, reason=reason))
