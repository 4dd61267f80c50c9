"""Architecture strings -> Sequential models.

MLP: ``"784-64-64-10"`` (first number = inputs, last = classes, between = hidden widths).
CNN: ``"784-c32-p-c64-p-128-10"``: ``cN`` = 3x3 conv with N filters and padding 1 (then the
activation), ``cNkK`` = KxK conv (padding K // 2); a trailing ``v`` (``c32v``, ``c64k5v``) makes
it a "valid" conv without padding, Keras' default, which shrinks the map by K - 1; ``p`` = 2x2
max-pool (an odd row or column is dropped), ``bn`` = batch norm; the integers after the conv part
are dense widths, the last one the class count.
"""

from __future__ import annotations

import math
import re
import unicodedata

import numpy as np

from nndesk.errors import ConfigError
from nndesk.i18n import N_, Message
from nndesk.nn.activations import ACTIVATIONS, make_activation
from nndesk.nn.init import INITS, default_init
from nndesk.nn.layers import Dense, Dropout, Flatten, Layer, Reshape
from nndesk.nn.model import OUTPUTS, Sequential

# ASCII digits only: str.isdigit() and int() also take '٧٨٤' or '²', which a typo never means
_CONV = re.compile(r"c([0-9]{1,9})(?:k([0-9]{1,9}))?(v?)")
_COUNT = re.compile(r"[0-9]+")
IMAGE_SHAPE = (1, 28, 28)
#: Limits far above any network that trains on 28x28 images in reasonable time, so a typo
#: (an extra digit, a pasted number) is refused before any array is allocated.
MAX_UNITS = 16384  # inputs, dense width or classes
MAX_FILTERS = 1024
MAX_KERNEL = 27
MAX_LAYERS = 64  # tokens after the input size


def _short(text: str, limit: int = 24) -> str:
    """A token for a message, cut so a pasted wall of digits stays one readable line."""
    return text if len(text) <= limit else f"{text[: limit - 3]}..."


#: Quotes a shell or a copied text leaves around an architecture ("784-64-10 with one quote).
_QUOTES = "\"'`\u2018\u2019\u201c\u201d\u00ab\u00bb"


def _check_characters(arch: str) -> None:
    """Refuse a quote or a dash that is not '-' (an en dash or minus sign from a document or
    phone keyboard), naming it: the layer-by-layer message quoted '784–16' as 'not an input
    size' without saying which character was wrong."""
    for char in arch:
        if char in _QUOTES:
            raise ConfigError(
                Message(
                    N_("the quote {char} is not part of an architecture; write it like 784-64-10"),
                    char=char,
                )
            )
        if char != "-" and (unicodedata.category(char) == "Pd" or char in "\u2212\ufe63\uff0d"):
            raise ConfigError(
                Message(
                    N_(
                        "{char} ({name}) is not the '-' that separates layers; type the "
                        "minus key, e.g. 784-64-10"
                    ),
                    char=char,
                    name=unicodedata.name(char, "dash").lower(),
                )
            )


def canonical_architecture(arch):
    """``arch`` as nndesk writes it, without spaces around its '-' and in lower case
    ("784-16 -10", " 784-C32-10" -> "784-16-10", "784-c32-10"), so a run's title, record and
    model file name it one way; anything but a string is returned as it is."""
    if not isinstance(arch, str):
        return arch
    return "-".join(part.strip().lower() for part in arch.strip().split("-"))


def with_outputs(arch: str, classes: int) -> str:
    """``arch`` with its last layer (the output, one unit per class) set to ``classes``:
    ``with_outputs("784-64-10", 3) == "784-64-3"``; the fix a message names when a dataset's
    class count and the layers disagree, and the one the form and the CLI apply for a folder."""
    head, _, _ = canonical_architecture(arch).rpartition("-")
    return f"{head}-{classes}" if head else f"784-{classes}"


def output_count(arch: str) -> int | None:
    """The output layer's width (``"784-64-10"`` -> 10), None when ``arch`` does not parse."""
    try:
        last = parse_architecture(arch)[-1]
    except ConfigError:
        return None
    return last[1] if last[0] == "dense" else None


def output_mismatch(arch: str, outputs: int, dataset: str, classes: int) -> Message:
    """The one line for layers whose output does not fit the data, naming what to type."""
    return Message(
        N_(
            "the architecture ends with {outputs} outputs but {dataset} has {classes} classes; "
            "make its last layer {classes}, e.g. {fixed}"
        ),
        outputs=outputs,
        dataset=dataset,
        classes=classes,
        fixed=with_outputs(arch, classes),
    )


def parse_architecture(arch: str) -> list[tuple]:
    """Split an architecture string into tokens.

    Returns
    -------
    list of tuples
        ``("input", n)`` first, then ``("conv", filters, kernel, padding)``, ``("pool", 2)``,
        ``("bn",)``,
        ``("dense", width)``; the last is the ``("dense", classes)`` output layer.

    Raises
    ------
    ConfigError
        One line naming the bad token, e.g. ``layer 2: '6x' is not a width``.
    """
    if not isinstance(arch, str) or not arch.strip():
        raise ConfigError(
            Message(N_("empty architecture; write it like 784-64-10 or 784-c32-p-128-10"))
        )
    _check_characters(arch)
    parts = [p.strip().lower() for p in arch.strip().split("-")]
    spaced = next((p for p in parts if any(c.isspace() for c in p)), None)
    if spaced is not None:  # "784 16 10", "784-c32 p-10": a space where a '-' was meant
        raise ConfigError(
            Message(
                N_("{part!r} holds a space; layers are separated by '-', e.g. 784-64-10"),
                part=_short(spaced),
            )
        )
    if len(parts) < 2:
        raise ConfigError(
            Message(
                N_("architecture {arch!r} needs at least inputs and classes, e.g. 784-10"),
                arch=_short(arch),
            )
        )
    if len(parts) - 1 > MAX_LAYERS:
        raise ConfigError(
            Message(
                N_("architecture has {n} layers; at most {limit}"),
                n=len(parts) - 1,
                limit=MAX_LAYERS,
            )
        )
    if not _COUNT.fullmatch(parts[0]) or int(parts[0]) < 1:
        raise ConfigError(
            Message(
                N_("layer 0: {part!r} is not an input size (digits 0-9)"), part=_short(parts[0])
            )
        )
    if len(parts[0]) > 9 or int(parts[0]) > MAX_UNITS:
        raise ConfigError(
            Message(
                N_("layer 0: {part} inputs is more than {limit}"),
                part=_short(parts[0]),
                limit=MAX_UNITS,
            )
        )
    tokens: list[tuple] = [("input", int(parts[0]))]
    seen_dense = False
    for i, part in enumerate(parts[1:], start=1):
        conv = _CONV.fullmatch(part)
        if _COUNT.fullmatch(part):
            if len(part) > 9 or not 1 <= int(part) <= MAX_UNITS:
                raise ConfigError(
                    Message(
                        N_("layer {i}: width must be 1 to {limit}, got {part}"),
                        i=i,
                        limit=MAX_UNITS,
                        part=_short(part),
                    )
                )
            tokens.append(("dense", int(part)))
            seen_dense = True
            continue
        if seen_dense and (conv or part in ("p", "bn")):
            raise ConfigError(
                Message(
                    N_("layer {i}: {part!r} cannot follow a dense layer"), i=i, part=_short(part)
                )
            )
        if conv:
            filters, kernel = int(conv.group(1)), int(conv.group(2) or 3)
            if filters < 1 or kernel < 1 or kernel % 2 == 0:
                raise ConfigError(
                    Message(
                        N_("layer {i}: {part!r} needs >= 1 filters and an odd kernel size"),
                        i=i,
                        part=part,
                    )
                )
            if filters > MAX_FILTERS or kernel > MAX_KERNEL:
                raise ConfigError(
                    Message(
                        N_(
                            "layer {i}: {part!r} is too big (at most {filters} filters, "
                            "kernel {kernel})"
                        ),
                        i=i,
                        part=part,
                        filters=MAX_FILTERS,
                        kernel=MAX_KERNEL,
                    )
                )
            padding = 0 if conv.group(3) else kernel // 2
            tokens.append(("conv", filters, kernel, padding))
        elif part == "p":
            tokens.append(("pool", 2))
        elif part == "bn":
            tokens.append(("bn",))
        elif part == "":
            raise ConfigError(Message(N_("layer {i}: empty token (two dashes in a row?)"), i=i))
        elif part.isdigit() or part.isdecimal():
            raise ConfigError(
                Message(
                    N_("layer {i}: {part!r} is not a width (use the digits 0-9)"),
                    i=i,
                    part=_short(part),
                )
            )
        else:
            raise ConfigError(
                Message(
                    N_("layer {i}: {part!r} is not a width, cN, cNkK, cNv, p or bn"),
                    i=i,
                    part=_short(part),
                )
            )
    if tokens[-1][0] != "dense":
        raise ConfigError(Message(N_("the last layer must be the number of classes, e.g. ...-10")))
    if len(tokens) > 2 and tokens[1][0] != "dense" and tokens[0][1] != math.prod(IMAGE_SHAPE):
        raise ConfigError(
            Message(N_("conv layers need 784 inputs (28x28 images), got {n}"), n=tokens[0][1])
        )
    return tokens


def parameter_count(tokens: list[tuple]) -> int:
    """How many trainable numbers the network of ``parse_architecture``'s tokens has, worked out
    from the shapes alone (nothing is allocated). Conv layers see ``IMAGE_SHAPE`` inputs;
    ``ConfigError`` when a conv or pool does not fit the maps it gets."""
    convolutional = any(t[0] in ("conv", "pool", "bn") for t in tokens)
    channels, side = IMAGE_SHAPE[0], IMAGE_SHAPE[1]
    width = 0 if convolutional else tokens[0][1]
    total = 0
    for token in tokens[1:]:
        kind = token[0]
        if kind == "conv":
            _, filters, kernel, padding = token
            total += channels * filters * kernel * kernel + filters
            if side + 2 * padding < kernel:
                raise ConfigError(
                    Message(
                        N_("a {kernel}x{kernel} conv does not fit the {side}x{side} maps it gets"),
                        kernel=kernel,
                        side=side,
                    )
                )
            channels, side = filters, side + 2 * padding - kernel + 1
        elif kind == "pool":
            if side < 2:
                raise ConfigError(
                    Message(N_("cannot max-pool a {side}x{side} feature map"), side=side)
                )
            side //= 2
        elif kind == "bn":
            total += 2 * channels
        else:
            if not width:  # the first dense layer after the conv part: flattened maps
                width = channels * side * side
            total += width * token[1] + token[1]
            width = token[1]
    return total


def build_model(
    arch: str,
    activation: str = "relu",
    output: str = "softmax",
    dropout: float = 0.0,
    init: str = "auto",
    prelu_init: float = 0.25,
    *,
    rng: np.random.Generator,
) -> Sequential:
    """Build the Sequential model that ``arch`` describes, weights drawn from ``rng``.

    ``prelu_init`` is the starting slope of PReLU activations (see ``make_activation``).

    Dense weights are drawn from ``rng`` directly; conv layers and Dropout get an integer seed
    drawn from ``rng`` (stored in their config), so one generator fixes the whole model.
    """
    if activation not in ACTIVATIONS:
        raise ConfigError(
            f"unknown activation {activation!r}; choose one of {', '.join(ACTIVATIONS)}"
        )
    if output not in OUTPUTS:
        raise ConfigError(f"unknown output {output!r}; choose one of {', '.join(OUTPUTS)}")
    if init != "auto" and init not in INITS:
        raise ConfigError(f"unknown init {init!r}; choose auto or one of {', '.join(INITS)}")
    if not 0.0 <= dropout < 1.0:
        raise ConfigError(f"dropout must be in [0, 1), got {dropout}")
    init_name = default_init(activation) if init == "auto" else init
    tokens = parse_architecture(arch)

    def seed() -> int:
        return int(rng.integers(2**31 - 1))

    layers: list[Layer] = []
    shape: tuple[int, ...] = (tokens[0][1],)
    if any(t[0] in ("conv", "pool", "bn") for t in tokens):
        from nndesk.nn.batchnorm import BatchNorm2D
        from nndesk.nn.conv import Conv2D, MaxPool2D

        layers.append(Reshape(IMAGE_SHAPE))
        shape = IMAGE_SHAPE
    dense_tokens = [t for t in tokens if t[0] == "dense"]
    # max-pool commutes with a non-decreasing activation, so conv -> pool -> act computes the
    # same as conv -> act -> pool with the activation on 4x fewer values (PReLU's learned slope
    # may turn negative, so it keeps the textbook order)
    pool_first = activation != "prelu"
    pending_activation: Layer | None = None
    for index, token in enumerate(tokens[1:], start=1):
        start = len(layers)
        kind = token[0]
        if pending_activation is not None and kind != "pool":
            layers.append(pending_activation)
            pending_activation = None
        if kind == "conv":
            _, filters, kernel, padding = token
            layers.append(
                Conv2D(
                    shape[0],
                    filters,
                    kernel_size=kernel,
                    stride=1,
                    padding=padding,
                    init=init_name,
                    seed=seed(),
                )
            )
            act = make_activation(activation, filters, prelu_init)
            next_kind = tokens[index + 1][0] if index + 1 < len(tokens) else None
            if pool_first and next_kind == "pool":
                pending_activation = act
            else:
                layers.append(act)
        elif kind == "pool":
            if shape[1] < 2 or shape[2] < 2:
                raise ConfigError(f"cannot max-pool a {shape[1]}x{shape[2]} feature map")
            layers.append(MaxPool2D(2))
            if pending_activation is not None:
                layers.append(pending_activation)
                pending_activation = None
        elif kind == "bn":
            layers.append(BatchNorm2D(shape[0]))
        else:
            if len(shape) > 1:
                layers.append(Flatten())
            width = token[1]
            layers.append(Dense(math.prod(shape), width, init_name, rng=rng))
            if token is not dense_tokens[-1]:
                layers.append(make_activation(activation, width, prelu_init))
                if dropout > 0:
                    layers.append(Dropout(dropout, seed()))
        for layer in layers[start:]:
            shape = tuple(layer.output_shape(shape))
    return Sequential(layers, input_shape=(tokens[0][1],), output=output)
