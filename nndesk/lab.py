"""The network lab: edit a copy of a trained network and measure what changes. NumPy only.

``Edits`` says what to change; ``apply_edits`` makes a modified copy (the original is never
touched); ``measure`` scores a model on a fixed sample of the test set: accuracy, loss, ECE and
the count of confident mistakes (wrong answers at or above ``CONFIDENT`` calibrated probability).
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field

import numpy as np

from nndesk import calibration

#: A wrong answer at or above this calibrated probability is a confident mistake.
CONFIDENT = 0.9
#: Test images the lab scores on (a seeded sample): enough for a stable accuracy, fast enough to
#: answer every edit within a second for the shipped MLPs.
LAB_IMAGES = 2000
#: ... for a network with convolutions, whose forward pass costs many times an MLP's: the page
#: still answers an edit in about a second (timings: docs/performance.md, bench_lab.py)
CNN_LAB_IMAGES = 500


def lab_images(model) -> int:
    """Test images the lab scores ``model`` on: fewer for a CNN, so an edit answers quickly."""
    cnn = any(type(layer).__name__ == "Conv2D" for layer in model.layers)
    return CNN_LAB_IMAGES if cnn else LAB_IMAGES


@dataclass(frozen=True)
class Edits:
    """Changes to a copy of a network. Layer indices are ``model.layers`` positions of Dense
    (or Conv2D) layers; ``units_off`` names output units of hidden Dense layers."""

    units_off: dict[int, tuple[int, ...]] = field(default_factory=dict)
    scale: dict[int, float] = field(default_factory=dict)  # multiply the layer's weights
    shift_bias: dict[int, float] = field(default_factory=dict)  # add to the layer's biases
    prune_percent: float = 0.0  # zero the smallest |w| of all weights, this share of them
    weight_noise: float = 0.0  # add N(0, (this x the array's std)^2) to every weight array
    temperature: float = 1.0
    seed: int = 0

    @property
    def is_identity(self) -> bool:
        return (
            not any(self.units_off.values())
            and all(v == 1.0 for v in self.scale.values())
            and all(v == 0.0 for v in self.shift_bias.values())
            and self.prune_percent == 0
            and self.weight_noise == 0
        )


def weighted_layers(model) -> list[int]:
    """Indices of the layers with a weight array ``W`` (Dense, Conv2D)."""
    return [i for i, layer in enumerate(model.layers) if "W" in layer.params]


def hidden_dense_layers(model) -> list[tuple[int, int]]:
    """(index, units) of Dense layers followed by another weighted layer: their units can be
    switched off (by cutting what they send on)."""
    weighted = weighted_layers(model)
    out = []
    for a, b in zip(weighted, weighted[1:], strict=False):
        w = model.layers[a].params["W"]
        if w.ndim == 2 and model.layers[b].params["W"].ndim == 2:
            out.append((a, int(w.shape[1])))
    return out


def apply_edits(model, edits: Edits):
    """A modified copy of ``model`` (``Sequential.snapshot``); ``model`` is left as it is."""
    copy = model.snapshot()
    layers = copy.layers
    weighted = weighted_layers(copy)
    for index in (*edits.scale, *edits.shift_bias, *edits.units_off):
        if index not in weighted:
            raise ValueError(f"layer {index} has no weights to edit (weighted: {weighted})")
    for index, factor in edits.scale.items():
        layers[index].params["W"] *= np.float32(factor)
    for index, delta in edits.shift_bias.items():
        if "b" in layers[index].params:
            layers[index].params["b"] += np.float32(delta)
    for index, units in edits.units_off.items():
        if not units:
            continue
        following = [j for j in weighted if j > index]
        if not following:
            raise ValueError(f"layer {index} is the output layer: its units cannot be cut")
        w_next = layers[following[0]].params["W"]  # (units of ``index``, out)
        w_next[np.asarray(units, dtype=np.int64), :] = 0.0
    arrays = [layers[i].params["W"] for i in weighted]
    if edits.weight_noise > 0:
        rng = np.random.default_rng(edits.seed)
        for w in arrays:
            std = float(w.std()) * edits.weight_noise
            w += rng.normal(0.0, std, w.shape).astype(w.dtype)
    if edits.prune_percent > 0:
        magnitudes = np.concatenate([np.abs(w).ravel() for w in arrays])
        cut = np.quantile(magnitudes, min(edits.prune_percent, 100.0) / 100.0)
        for w in arrays:
            w[np.abs(w) <= cut] = 0.0
    return copy


@dataclass(frozen=True)
class LabScores:
    accuracy: float
    loss: float  # the model's own loss (its training's), on the temperature-scaled logits
    ece: float
    confident_mistakes: int  # at ``CONFIDENT``; the window counts at its own threshold
    n: int
    #: the calibrated top probability of each wrong answer, ascending: confident mistakes at
    #: any threshold (``confident_at``) without scoring again
    wrong_top: tuple[float, ...] = ()

    def confident_at(self, threshold: float) -> int:
        """Wrong answers at or above ``threshold`` (0..1) calibrated top probability."""
        return len(self.wrong_top) - bisect.bisect_left(self.wrong_top, threshold)


#: Images per forward call, at most.
CHUNK = 1000
#: ... and fewer for a network with large activations: the values of its widest layer output
#: per call. A CNN's first maps for 500 images are tens of MB a layer, fresh memory the system
#: has to hand over on every call; chunks of a few M values are reused instead and the worst
#: edits are much faster (docs/performance.md).
CHUNK_VALUES = 4_000_000


def chunk_for(model) -> int:
    """Images per forward call for ``model`` (``CHUNK``, fewer for wide activations)."""
    widest = max((math.prod(shape) for _, shape, _ in model.summary_rows()), default=1)
    return max(1, min(CHUNK, CHUNK_VALUES // max(widest, 1)))


def forward_chunks(model, x: np.ndarray, first: int = 0, keep=frozenset()):
    """``model.layers[first:]`` on ``x`` in chunks of ``chunk_for(model)`` images, the chunks
    shared among the threads ``nndesk.nn.parallel.use_threads`` allows (each part on its own
    copy of the network: layers keep caches).

    Returns (the output (n, k), {layer index in ``keep``: that layer's input (n, ...)}). The
    chunks are cut at the same places however many threads run them, so the numbers are too.
    """
    from nndesk.nn import parallel

    step = chunk_for(model)
    starts = range(0, len(x), step)
    outputs: list = [None] * len(starts)
    inputs: dict[int, list] = {i: [None] * len(starts) for i in keep}

    def part(chunks: slice) -> None:
        net = model if chunks.start == 0 else model.snapshot()
        for k in range(chunks.start, chunks.stop):
            a = x[starts[k] : starts[k] + step]
            for i in range(first, len(net.layers)):
                if i in inputs:
                    inputs[i][k] = a
                a = net.layers[i].forward(a, training=False)
            outputs[k] = a

    # every chunk is a big pass: worth a thread of its own whenever threads are allowed
    parallel.map_parts(part, len(starts), work=parallel.MIN_WORK)
    return np.concatenate(outputs), {i: np.concatenate(v) for i, v in inputs.items()}


def measure(
    model, x: np.ndarray, y: np.ndarray, temperature: float = 1.0, loss: str | None = None
) -> LabScores:
    """Scores of ``model`` on normalised inputs ``x`` (n, 784), labels ``y`` (n,); ``loss``: the
    name of the loss it trained with (None: its output's usual one)."""
    logits, _ = forward_chunks(model, x)
    return scores(logits, y, model.output, temperature, loss)


def first_changed(model, edits: Edits) -> int | None:
    """The first layer of ``model`` whose parameters ``edits`` change (None: only the
    temperature): the layers before it compute what the original computes."""
    weighted = weighted_layers(model)
    if not weighted:
        return None
    if edits.weight_noise > 0 or edits.prune_percent > 0:
        return weighted[0]  # every weight array
    changed = [i for i, f in edits.scale.items() if f != 1.0]
    changed += [
        i for i, d in edits.shift_bias.items() if d != 0.0 and "b" in model.layers[i].params
    ]
    for index, units in edits.units_off.items():
        following = [j for j in weighted if j > index]
        if units and following:
            changed.append(following[0])  # cutting a unit zeroes what it sends to that layer
    return min(changed, default=None)


class LabBase:
    """The original network on the lab images: its scores, its logits, and the input of each
    of its weighted layers, so an edit recomputes only the layers from the first one it changes
    (``measure``). Built once per model and image sample, on a worker thread."""

    def __init__(
        self, model, x: np.ndarray, y: np.ndarray, temperature: float = 1.0, loss: str | None = None
    ) -> None:
        from nndesk.training import runtime

        self.model, self.y, self.loss = model, y, loss
        # the one threading rule, decided once (it may watch the machine for 0.1 s): on a busy
        # machine one thread for BLAS and the chunks, as for training
        self.plan = runtime.plan(model, chunk_for(model))
        with runtime.applied(self.plan):
            #: weighted layer index -> its input on every lab image (n, ...)
            self.logits, self.inputs = forward_chunks(model, x, keep=set(weighted_layers(model)))
        self.original = scores(self.logits, y, model.output, temperature, loss)

    def measure(self, edited, edits: Edits) -> LabScores:
        """Scores of ``edited`` (``apply_edits(self.model, edits)``): the same numbers as
        ``measure(edited, x, y, edits.temperature)``, without the unchanged layers' work."""
        first = first_changed(self.model, edits)
        if first is None:
            logits = self.logits
        else:  # chunks cut where the original's were: the same numbers
            from nndesk.training import runtime

            with runtime.applied(self.plan):
                logits, _ = forward_chunks(edited, self.inputs[first], first)
        return scores(logits, self.y, edited.output, edits.temperature, self.loss)


def scores(
    logits: np.ndarray, y: np.ndarray, output: str, temperature: float, loss: str | None = None
) -> LabScores:
    """Accuracy, loss, ECE and confident mistakes of ``logits`` (n, k) against ``y`` (n,).

    The loss is the one the model trained with (``loss``, or its output's usual one), as
    training and the Evaluate page report it: a sigmoid net's binary cross-entropy is a mean
    over its k outputs there, not the sum ``calibration.nll`` takes (walk59 D3: ten times apart).
    """
    from nndesk.nn.losses import default_loss, make_loss

    p = calibration.activate(logits, output, temperature).astype(np.float64)
    right = p.argmax(axis=1) == y
    scaled = np.asarray(logits, dtype=np.float64) / float(temperature)  # (n, k)
    value = make_loss(loss or default_loss(output), output)(scaled, np.asarray(y, np.int64))
    wrong_top = np.sort(p.max(axis=1)[~right])
    confident = int(np.count_nonzero(wrong_top >= CONFIDENT))
    return LabScores(
        accuracy=float(right.mean()),
        loss=float(value),
        ece=calibration.ece(p, y),
        confident_mistakes=confident,
        n=len(y),
        wrong_top=tuple(wrong_top.tolist()),
    )


def lab_sample(labels: np.ndarray, n: int = LAB_IMAGES, seed: int = 0) -> np.ndarray:
    """int64 indices of the test images the lab scores on (seeded, the same every time)."""
    return np.sort(np.random.default_rng(seed).permutation(len(labels))[:n]).astype(np.int64)
