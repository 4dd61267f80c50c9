"""What happens inside a model for one input, as plain data for the Inside page (no Qt).

``trace`` runs a model layer by layer on one 28x28 image and keeps every layer's output;
``dense_unit``, ``conv_pixel`` and ``pool_window`` redo the arithmetic of one dense unit, one
feature-map pixel and one pooling window from the weights and the previous layer's output, so the
numbers the page shows are computed the way a learner would by hand; tests check they equal the
model's own forward pass. ``softmax_steps`` spells out logits -> exp -> normalise at a temperature;
``sigmoid_steps`` a sigmoid output's logits -> each class's own score.

``trace`` calls the layers' ``forward``, which overwrites their caches: give it a private copy of
the model when other threads use the original (the prediction controller does).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nndesk.data.normalize import Normalizer
from nndesk.i18n import N_, fmt, list_separator, power_of_ten, shown, signed
from nndesk.layer_words import layer_kind
from nndesk.nn.model import Sequential

#: layers that act on each value alone, so a unit or a pixel can be followed through them
ELEMENTWISE = {"ReLU", "LeakyReLU", "Sigmoid", "Tanh", "ELU", "PReLU", "Dropout", "BatchNorm2D"}


@dataclass(frozen=True)
class LayerOutput:
    """One layer's output for the traced input."""

    index: int  # position in ``model.layers``
    name: str  # the layer's type name: "Dense", "Conv2D", "ReLU", ...
    values: np.ndarray  # float32, the per-sample output shape: (units,) or (channels, h, w)


@dataclass(frozen=True)
class Trace:
    """Every layer's output for one image, plus the probabilities the model answers."""

    image28: np.ndarray  # float32 (28, 28) pixels in [0, 255], what the model was shown
    model_input: np.ndarray  # float32 (784,), the normalised input the first layer reads
    layers: tuple[LayerOutput, ...]
    probabilities: np.ndarray  # float32 (k,)
    class_names: tuple[str, ...]
    output: str  # the model's output activation: "softmax" | "sigmoid" | "linear"

    @property
    def logits(self) -> np.ndarray:
        """float32 (k,), the last layer's output."""
        return self.layers[-1].values

    def layer_input(self, index: int) -> np.ndarray:
        """What layer ``index`` read: the previous layer's output or the model input."""
        return self.model_input if index == 0 else self.layers[index - 1].values


def trace(
    model: Sequential,
    normalizer: Normalizer,
    image28: np.ndarray,
    class_names: tuple[str, ...] = (),
) -> Trace:
    """Run ``model`` (eval mode) on one (28, 28) image in [0, 255] and keep every layer's output."""
    image = np.asarray(image28, np.float32).reshape(28, 28)
    x = np.asarray(normalizer(image[None]), np.float32).reshape(1, *model.input_shape)
    model_input = x[0].copy()
    outputs = []
    for i, layer in enumerate(model.layers):
        x = layer.forward(x, training=False)
        outputs.append(LayerOutput(i, type(layer).__name__, np.array(x[0], np.float32)))
    probabilities = model.activate(np.asarray(x, np.float32))[0].astype(np.float32)
    return Trace(
        image28=image,
        model_input=model_input,
        layers=tuple(outputs),
        probabilities=probabilities,
        class_names=tuple(class_names),
        output=model.output,
    )


def is_mlp(model: Sequential) -> bool:
    """True when the model has no convolution (a node-link diagram shows it whole)."""
    return not any(type(layer).__name__ == "Conv2D" for layer in model.layers)


def dense_layers(model: Sequential) -> list[int]:
    """Indices of the Dense layers, in order."""
    return [i for i, layer in enumerate(model.layers) if type(layer).__name__ == "Dense"]


@dataclass(frozen=True)
class Step:
    """One layer a value passes through after the weighted sum: what it did, and the result."""

    layer_index: int
    name: str
    formula: str  # the arithmetic with the real numbers, e.g. "ReLU(-0.31) = max(0, -0.31) = 0"
    value: float


@dataclass(frozen=True)
class DenseUnit:
    """z = sum(w * a) + b for unit ``unit`` of Dense layer ``layer_index``, then what follows."""

    layer_index: int
    unit: int
    inputs: np.ndarray  # float32 (in,), a: what the layer read
    weights: np.ndarray  # float32 (in,), w: the unit's incoming weights
    products: np.ndarray  # float64 (in,), w * a
    bias: float
    z: float  # sum(products) + bias
    steps: tuple[Step, ...]  # activation (and dropout, identity when predicting) after z

    @property
    def value(self) -> float:
        """The unit's output after every step."""
        return self.steps[-1].value if self.steps else self.z

    def strongest(self, n: int) -> np.ndarray:
        """Indices of the ``n`` inputs with the largest |w * a|, largest first."""
        order = np.argsort(-np.abs(self.products), kind="stable")
        return order[:n]


def dense_unit(model: Sequential, tr: Trace, layer_index: int, unit: int) -> DenseUnit:
    """The arithmetic of one unit of a Dense layer, from its weights and its real inputs."""
    layer = model.layers[layer_index]
    a = np.asarray(tr.layer_input(layer_index), np.float32).reshape(-1)
    w = np.asarray(layer.params["W"][:, unit], np.float32)
    b = float(layer.params["b"][unit])
    products = a.astype(np.float64) * w.astype(np.float64)
    z = float(products.sum() + b)
    steps = _follow(model, tr, layer_index, z, lambda values: float(values[unit]), unit)
    return DenseUnit(layer_index, unit, a, w, products, b, z, steps)


@dataclass(frozen=True)
class ConvPixel:
    """One output pixel of a Conv2D layer: patch x kernel summed plus bias, then what follows."""

    layer_index: int
    channel: int
    row: int
    col: int
    patch: np.ndarray  # float32 (in_channels, k, k), the input under the kernel (padding = 0)
    kernel: np.ndarray  # float32 (in_channels, k, k)
    products: np.ndarray  # float64 (in_channels, k, k), patch * kernel
    bias: float
    z: float  # products.sum() + bias
    steps: tuple[Step, ...]  # batch norm / activation while the pixel stays a pixel

    @property
    def channel_sums(self) -> np.ndarray:
        """float64 (in_channels,), each input channel's share of the sum."""
        return self.products.sum(axis=(1, 2))


def conv_pixel(model: Sequential, tr: Trace, layer_index: int, channel: int, row: int, col: int):
    """The arithmetic of output pixel (``row``, ``col``) of feature map ``channel``."""
    layer = model.layers[layer_index]
    k, s, p = layer.kernel_size, layer.stride, layer.padding
    x = np.asarray(tr.layer_input(layer_index), np.float32)  # (c, h, w)
    padded = np.pad(x, ((0, 0), (p, p), (p, p)))
    r0, c0 = row * s, col * s
    patch = padded[:, r0 : r0 + k, c0 : c0 + k].copy()
    kernel = np.asarray(layer.params["W"][channel], np.float32)
    products = patch.astype(np.float64) * kernel.astype(np.float64)
    b = float(layer.params["b"][channel])
    z = float(products.sum() + b)
    steps = _follow(
        model, tr, layer_index, z, lambda v: float(v[channel, row, col]), channel, spatial=True
    )
    return ConvPixel(layer_index, channel, row, col, patch, kernel, products, b, z, steps)


@dataclass(frozen=True)
class PoolWindow:
    """One output pixel of a MaxPool2D layer: the window it read and which input won."""

    layer_index: int
    channel: int
    row: int
    col: int
    window: np.ndarray  # float32 (size, size), the input values
    winner: tuple[int, int]  # (row, col) of the winning input, in the input feature map
    value: float  # the maximum
    steps: tuple[Step, ...] = ()  # activation / batch norm applied after the pooling


def pool_window(tr: Trace, model: Sequential, layer_index: int, channel: int, row: int, col: int):
    """Which input of the ``size x size`` window won output pixel (``row``, ``col``)."""
    size = model.layers[layer_index].size
    x = np.asarray(tr.layer_input(layer_index), np.float32)
    window = x[channel, row * size : (row + 1) * size, col * size : (col + 1) * size].copy()
    r, c = np.unravel_index(int(np.argmax(window)), window.shape)
    value = float(window[r, c])
    steps = _follow(
        model, tr, layer_index, value, lambda v: float(v[channel, row, col]), channel, spatial=True
    )
    return PoolWindow(
        layer_index,
        channel,
        row,
        col,
        window,
        (row * size + int(r), col * size + int(c)),
        value,
        steps,
    )


@dataclass(frozen=True)
class MapPixel:
    """One pixel of a feature map that no kernel or window made: an element-wise layer's
    (ReLU, BatchNorm2D, ...) output from the value at the same place before it, or the input
    picture's pixel (the Reshape that makes the drawing a map)."""

    layer_index: int
    name: str  # the layer's type name
    channel: int
    row: int
    col: int
    value_in: float  # what the layer read at the same place (the drawing's 0-255 for the input)
    step: Step  # the layer's arithmetic on it, with the numbers

    @property
    def value(self) -> float:
        return self.step.value


def map_pixel(model: Sequential, tr: Trace, layer_index: int, channel: int, row: int, col: int):
    """The arithmetic of pixel (``row``, ``col``) of map ``channel`` of an element-wise layer
    (or the input's pixel): the value under it one layer before, then what the layer did."""
    layer = model.layers[layer_index]
    name = type(layer).__name__
    out = float(tr.layers[layer_index].values[channel, row, col])
    if name == "Reshape":  # the drawing as the network reads it: the pixel, normalised
        raw = float(tr.image28[row, col]) if tr.image28.shape == (28, 28) else out
        formula = shown(N_("pixel {raw} of 255, normalised: {value}")).format(
            raw=_n(raw, ".3g"), value=_n(out)
        )
        return MapPixel(
            layer_index, name, channel, row, col, raw, Step(layer_index, name, formula, out)
        )
    before = tr.layer_input(layer_index)
    value_in = float(before[channel, row, col]) if before.ndim == 3 else out
    formula, value = by_hand(layer, name, value_in, channel, True)
    if formula is None:  # no hand formula (PReLU's learnt slope): the model's own value
        value = out
        formula = f"{layer_kind(name)}({_n(value_in)}) = {_n(value)}"
    return MapPixel(
        layer_index, name, channel, row, col, value_in, Step(layer_index, name, formula, value)
    )


def pixel_math(model: Sequential, tr: Trace, layer_index: int, channel: int, row: int, col: int):
    """The arithmetic of one pixel of any feature map: ConvPixel, PoolWindow or MapPixel."""
    name = type(model.layers[layer_index]).__name__
    if name == "Conv2D":
        return conv_pixel(model, tr, layer_index, channel, row, col)
    if name == "MaxPool2D":
        return pool_window(tr, model, layer_index, channel, row, col)
    return map_pixel(model, tr, layer_index, channel, row, col)


def pool_after(model: Sequential, tr: Trace, px: ConvPixel) -> PoolWindow | None:
    """The pooling window a conv pixel falls in, when a MaxPool2D follows its element-wise
    steps (and the pixel is not in a dropped trailing row or column); else None."""
    after = px.steps[-1].layer_index if px.steps else px.layer_index
    nxt = after + 1
    if nxt >= len(model.layers) or type(model.layers[nxt]).__name__ != "MaxPool2D":
        return None
    size = model.layers[nxt].size
    _, h, w = tr.layers[nxt].values.shape
    row, col = px.row // size, px.col // size
    if row >= h or col >= w:
        return None
    return pool_window(tr, model, nxt, px.channel, row, col)


def _follow(model, tr, layer_index, z, pick, feature, spatial=False) -> tuple[Step, ...]:
    """Apply the element-wise layers after ``layer_index`` to ``z`` by hand, one ``Step`` each."""
    steps: list[Step] = []
    value = z
    for i in range(layer_index + 1, len(model.layers)):
        layer = model.layers[i]
        name = type(layer).__name__
        if name not in ELEMENTWISE:
            break
        formula, value = by_hand(layer, name, value, feature, spatial)
        if formula is None:  # an activation with no hand formula: the model's own value
            value = pick(tr.layers[i].values)
            formula = f"{layer_kind(name)}(…) = {_n(value)}"
        steps.append(Step(i, name, formula, value))
    return tuple(steps)


def _n(value: float, spec: str = ".4g") -> str:
    """A number of a formula in the window language's format (``7,424`` in Vietnamese), an
    exponent as a power of ten (``1×10⁻⁵``), a negative one with its minus sign (``−0,31``)."""
    return signed(power_of_ten(fmt(value, spec)))


def _then(sign: str, value: float) -> str:
    """`` + value`` / `` − value`` with the sign folded in: "3 − 0,103", not "3 + −0,103"."""
    if value < 0:
        sign, value = ("−" if sign == "+" else "+"), -value
    return f" {sign} {_n(value)}"


def by_hand(layer, name: str, v: float, feature: int, spatial: bool) -> tuple[str | None, float]:
    """``name`` applied to one value by hand: (formula with the numbers, result)."""
    if name == "ReLU":
        out = max(0.0, v)
        return f"ReLU({_n(v)}) = max(0{list_separator()}{_n(v)}) = {_n(out)}", out
    if name == "LeakyReLU":
        out = v if v > 0 else layer.alpha * v
        return f"LeakyReLU({_n(v)}) = {_n(out)}", out
    if name == "PReLU":  # the unit's (channel's) learned slope: "PReLU(…) = 18,83" said none
        a = float(layer.params["alpha"][feature])
        out = v if v > 0 else a * v
        sep = list_separator()
        return (
            f"PReLU({_n(v)}) = max(0{sep}{_n(v)}) + {_n(a)} × min(0{sep}{_n(v)}) = {_n(out)}",
            out,
        )
    if name == "Sigmoid":
        out = float(1.0 / (1.0 + np.exp(-v)))
        return f"σ({_n(v)}) = 1 / (1 + e^{_n(-v)}) = {_n(out)}", out
    if name == "Tanh":
        out = float(np.tanh(v))
        return f"tanh({_n(v)}) = {_n(out)}", out
    if name == "ELU":
        out = v if v > 0 else float(layer.alpha * np.expm1(v))
        return f"ELU({_n(v)}) = {_n(out)}", out
    if name == "Dropout":
        return shown(N_("Dropout: off when predicting, {value} passes unchanged")).format(
            value=_n(v)
        ), v
    if name == "BatchNorm2D" and spatial:
        mean = float(layer.buffers["running_mean"][feature])
        var = float(layer.buffers["running_var"][feature])
        gamma = float(layer.params["gamma"][feature])
        beta = float(layer.params["beta"][feature])
        out = (v - mean) / float(np.sqrt(var + layer.eps)) * gamma + beta
        formula = (
            f"{layer_kind(name)}: ({_n(v)}{_then('−', mean)}) / √({_n(var)} + {_n(layer.eps, 'g')})"
            f" × {_n(gamma)}{_then('+', beta)} = {_n(out)}"
        )
        return formula, out
    return None, v


@dataclass(frozen=True)
class SoftmaxSteps:
    """logits / T -> exp (shifted by the largest, which cancels) -> divide by the sum."""

    logits: np.ndarray  # float64 (k,)
    temperature: float
    scaled: np.ndarray  # logits / T
    exps: np.ndarray  # exp(scaled - max(scaled))
    total: float  # exps.sum()
    probabilities: np.ndarray  # exps / total


def softmax_steps(logits: np.ndarray, temperature: float = 1.0) -> SoftmaxSteps:
    """Softmax at ``temperature`` (> 0) step by step; T = 1 is what the model answers."""
    if not temperature > 0:
        raise ValueError(f"temperature must be > 0, got {temperature!r}")
    z = np.asarray(logits, np.float64).reshape(-1)
    scaled = z / temperature
    exps = np.exp(scaled - scaled.max())
    total = float(exps.sum())
    return SoftmaxSteps(z, float(temperature), scaled, exps, total, exps / total)


@dataclass(frozen=True)
class SigmoidSteps:
    """logits / T -> sigmoid, each class on its own: a sigmoid output's scores (BCE-trained)
    are not shares of one 100 %, so nothing is normalised."""

    logits: np.ndarray  # float64 (k,)
    temperature: float
    scaled: np.ndarray  # logits / T
    probabilities: np.ndarray  # 1 / (1 + exp(-scaled))

    @property
    def total(self) -> float:
        """The scores added up: anything from 0 to k, unlike a softmax's 1."""
        return float(self.probabilities.sum())


def sigmoid_steps(logits: np.ndarray, temperature: float = 1.0) -> SigmoidSteps:
    """The sigmoid at ``temperature`` (> 0) of each logit; T = 1 is what the model answers."""
    if not temperature > 0:
        raise ValueError(f"temperature must be > 0, got {temperature!r}")
    z = np.asarray(logits, np.float64).reshape(-1)
    scaled = z / temperature
    # 0.5 (1 + tanh(x / 2)): the same sigmoid without exp's overflow for a large negative x
    return SigmoidSteps(z, float(temperature), scaled, 0.5 * (1.0 + np.tanh(0.5 * scaled)))


def most_active(values: np.ndarray, n: int) -> np.ndarray:
    """Indices of the ``n`` largest values of a 1-D array, largest first (stable for ties)."""
    order = np.argsort(-np.asarray(values).reshape(-1), kind="stable")
    return order[:n]


def strongest_links(
    inputs: np.ndarray, weights: np.ndarray, sources: np.ndarray, targets: np.ndarray, n: int
) -> list[tuple[int, int, float]]:
    """The ``n`` largest |a_i * W[i, j]| over ``sources`` x ``targets``: (i, j, a_i * W[i, j]).

    ``inputs`` (in,), ``weights`` (in, out); what the diagram draws as links, sign kept.
    """
    if len(sources) == 0 or len(targets) == 0 or n <= 0:
        return []
    contrib = inputs[sources][:, None].astype(np.float64) * weights[np.ix_(sources, targets)]
    magnitude = np.abs(contrib).reshape(-1)
    if n < magnitude.size:
        # the n largest without sorting all of them: every value at least the n-th largest, in
        # index order, then a stable sort of those few (the same order a full stable sort gives)
        kth = np.partition(magnitude, magnitude.size - n)[magnitude.size - n]
        candidates = np.flatnonzero(magnitude >= kth)
        flat = candidates[np.argsort(-magnitude[candidates], kind="stable")][:n]
    else:
        flat = np.argsort(-magnitude, kind="stable")
    rows, cols = np.unravel_index(flat, contrib.shape)
    return [
        (int(sources[r]), int(targets[c]), float(contrib[r, c]))
        for r, c in zip(rows, cols, strict=True)
    ]
