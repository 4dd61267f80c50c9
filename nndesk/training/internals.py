"""What happens inside a network while it trains, measured in the training thread. No Qt.

``Watcher`` looks at a sample of batches (every ``every``-th): per layer with weights, the norm
of the weight gradient, the size of the update against the weights (``||dW|| / ||W||``) and, for
a layer followed by a ReLU, the share of its units that were never active on the batch ("dead").
At every epoch end it keeps the weight histograms (on bins fixed at the start, so now and start
compare) and the first layer's first filters (an MLP's first-layer weights as 28x28 images, a
CNN's first conv kernels). Each is a small frozen record the window draws; nothing holds the
model.

    watcher = Watcher(model, every=10)
    ... loss.backward(); watcher.before_step(b); optimizer.step(); watcher.after_step(b, x)
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field

import numpy as np

#: Bins of the weight histograms.
HISTOGRAM_BINS = 40
#: First-layer filters shown per epoch.
FILTERS_SHOWN = 8
#: Every how many sampled batches the weights are also measured (histograms and first
#: filters, ~5 ms for 600,000 weights): the "now" histograms move during an epoch, and a
#: one-epoch run no longer shows only the start's curves until it ends (walk48)
WEIGHTS_EVERY = 5


@dataclass(frozen=True)
class LayerSample:
    """One weighted layer on one sampled batch."""

    grad_norm: float  # ||dL/dW||_2 of the layer's weight array
    update_ratio: float  # ||W_after - W_before||_2 / ||W_before||_2 of this step
    dead: float  # share of the units never active on the batch (NaN: no ReLU after the layer)


@dataclass(frozen=True)
class EpochWeights:
    """The weights at the end of ``epoch`` (0: at the start), or during it on a sampled batch,
    as a few small arrays."""

    epoch: int
    counts: tuple[np.ndarray, ...]  # per weighted layer: int64 (HISTOGRAM_BINS,)
    edges: tuple[np.ndarray, ...]  # per weighted layer: float64 (HISTOGRAM_BINS + 1,)
    filters: np.ndarray  # float32 (k, h, w): the first layer's first k filters (28x28 for an MLP)
    #: batches trained into ``epoch`` when these are the start of a run continued part way
    #: into it; 0: not part way (the start of epoch 1, or the end of ``epoch``)
    batch: int = 0


@dataclass(frozen=True)
class InsideSample:
    """Every weighted layer on one sampled batch, at ``x`` (position in epochs)."""

    x: float
    layers: tuple[LayerSample, ...]
    weights: EpochWeights | None = None  # the weights after this batch, on some samples


@dataclass
class InsideRecord:
    """A run's inside so far: layer names, sampled batches, the start and each epoch's weights."""

    names: list[str] = field(default_factory=list)
    samples: list[InsideSample] = field(default_factory=list)
    start: EpochWeights | None = None
    epochs: list[EpochWeights] = field(default_factory=list)  # one per epoch

    def series(self, what: str) -> tuple[np.ndarray, np.ndarray]:
        """x (m,) and one column per layer (m, layers) of ``what``: "grad_norm" |
        "update_ratio" | "dead"."""
        x = np.array([s.x for s in self.samples], dtype=np.float64)
        values = np.array(
            [[getattr(layer, what) for layer in s.layers] for s in self.samples], dtype=np.float64
        ).reshape(len(self.samples), len(self.names))
        return x, values

    def now(self) -> EpochWeights | None:
        """The newest weights measured: an epoch end's, or a sampled batch's after it."""
        latest = self.epochs[-1] if self.epochs else None
        for sample in reversed(self.samples):
            if sample.weights is not None:
                if latest is None or sample.x > latest.epoch:
                    latest = sample.weights
                break
        return latest

    def copy(self) -> InsideRecord:
        """A shallow copy another thread may read while this one grows (the records are frozen)."""
        return InsideRecord(list(self.names), list(self.samples), self.start, list(self.epochs))


def layer_names(model) -> list[str]:
    """``"Dense 784→64"``, ``"Conv2D 1→32"``: one name per layer with weights, in order (the
    window shows them in its words: ``nndesk.layer_words.layer_label``)."""
    names = []
    for layer in _weighted(model):
        w = layer.params["W"]
        if w.ndim == 2:
            names.append(f"Dense {w.shape[0]}\N{RIGHTWARDS ARROW}{w.shape[1]}")
        else:
            names.append(f"Conv2D {w.shape[1]}\N{RIGHTWARDS ARROW}{w.shape[0]}")
    return names


def _weighted(model) -> list:
    return [layer for layer in model.layers if "W" in layer.params]


def _relu_after(model) -> list:
    """For each weighted layer, the ReLU that follows it (before the next weighted one) or None."""
    from nndesk.nn.activations import ReLU

    found: list = []
    current = None
    for layer in model.layers:
        if "W" in layer.params:
            if current is not None:
                found.append(current[1])
            current = [layer, None]
        elif isinstance(layer, ReLU) and current is not None and current[1] is None:
            current[1] = layer
    if current is not None:
        found.append(current[1])
    return found


def dead_on(model, x: np.ndarray) -> tuple[tuple[str, float], ...]:
    """(layer name, share of the units after it that fired on none of the images ``x``) of
    each weighted layer a ReLU follows: the ``Watcher``'s dead share, measured once on ``x``
    (a race's lanes are not watched while they train: the Race's coach reads this after)."""
    model.forward(x, training=False)
    return tuple(
        (name, dead_share(relu._mask))
        for name, relu in zip(layer_names(model), _relu_after(model), strict=True)
        if relu is not None and getattr(relu, "_mask", None) is not None
    )


def dead_share(*masks: np.ndarray) -> float:
    """Share of units never active on the batch, from a ReLU's ``mask`` (n, units) or, for a
    conv layer, (n, channels, h, w) where a channel counts as a unit; several masks: the parts
    of one batch split over threads (``Sequential.batch_copies``)."""
    alive = np.zeros(masks[0].shape[1], bool)  # (units,)
    for mask in masks:
        n = mask.shape[0]
        per_unit = mask.reshape(n, mask.shape[1], -1) if mask.ndim > 2 else mask[:, :, None]
        alive |= per_unit.any(axis=(0, 2))
    return float(1.0 - alive.mean()) if alive.size else math.nan


def _norm(a: np.ndarray) -> float:
    """The 2-norm of every element of ``a`` (a dot product: cheaper than ``np.linalg.norm``)."""
    flat = a.reshape(-1)
    return math.sqrt(float(np.dot(flat, flat)))


def first_filters(model, k: int = FILTERS_SHOWN) -> np.ndarray:
    """float32 (k, h, w): an MLP's first-layer weights of its first ``k`` units as 28x28 images,
    or a CNN's first ``k`` conv kernels (their first input channel).

    Always a copy: the picture is kept per epoch and sent to the window, and a split run's
    weights live in shared memory that is unmapped when the run ends."""
    layers = _weighted(model)
    if not layers:
        return np.zeros((0, 1, 1), np.float32)
    w = layers[0].params["W"]
    if w.ndim == 2:  # (in, out): one column per unit
        side = math.isqrt(w.shape[0])
        if side * side != w.shape[0]:
            return np.zeros((0, 1, 1), np.float32)
        return np.array(w[:, :k].T.reshape(-1, side, side), dtype=np.float32, copy=True)
    return np.array(w[:k, 0], dtype=np.float32, copy=True)  # (f, c, kh, kw)


class Watcher:
    """Measures the inside of ``model`` on every ``every``-th batch and at epoch ends."""

    def __init__(self, model, every: int = 10, start_epoch: int = 0, start_batch: int = 0) -> None:
        self.model = model
        self.every = max(int(every), 1)
        self.layers = _weighted(model)
        self.relus = _relu_after(model)
        self.names = layer_names(model)
        # the weights before a sampled step, in buffers made once (no allocation per sample)
        self._before = [np.empty_like(layer.params["W"]) for layer in self.layers]
        self._grad_norms: list[float] = []
        self._edges = [self._bins(layer.params["W"]) for layer in self.layers]
        # the weights a run starts from: a continued run's are those of the epoch it goes on
        # after, or part way into (its first row of filters said "ep 0", walk54 D6), then
        # after ``start_batch`` batches of it (two rows read "epoch 12", walk57 D1)
        self.start = dataclasses.replace(self.weights(start_epoch), batch=max(start_batch, 0))
        self._taken = 0  # sampled batches so far

    @staticmethod
    def _bins(w: np.ndarray) -> np.ndarray:
        reach = float(np.abs(w).max()) if w.size else 1.0
        reach = 2.0 * reach if reach > 0 else 1.0  # room for the weights to grow
        return np.linspace(-reach, reach, HISTOGRAM_BINS + 1)

    def wants(self, batch: int) -> bool:
        """Whether batch ``batch`` (1-based in its epoch) is sampled."""
        return (batch - 1) % self.every == 0

    def before_step(self) -> None:
        """After ``backward``, before the optimizer's step: the gradients and old weights."""
        self._grad_norms = [_norm(layer.grads["W"]) for layer in self.layers]
        for layer, before in zip(self.layers, self._before, strict=True):
            np.copyto(before, layer.params["W"])

    def after_step(self, x: float) -> InsideSample:
        """After the step: the sample of this batch at ``x`` (position in epochs)."""
        out = []
        for layer, before, grad_norm, relu in zip(
            self.layers, self._before, self._grad_norms, self.relus, strict=True
        ):
            w = layer.params["W"]
            size = _norm(before)
            np.subtract(before, w, out=before)  # the step, negated; its norm is the same
            ratio = _norm(before) / size if size > 0 else math.nan
            runs = self.model.batch_copies(relu) if relu is not None else []
            masks = [mask for run in runs if (mask := getattr(run, "_mask", None)) is not None]
            dead = dead_share(*masks) if runs and len(masks) == len(runs) else math.nan
            out.append(LayerSample(grad_norm, ratio, dead))
        weighed = self._taken % WEIGHTS_EVERY == 0
        self._taken += 1
        # the weights' epoch: the one this batch is in (x = 0.1 is in epoch 1)
        now = self.weights(math.ceil(x)) if weighed else None
        return InsideSample(float(x), tuple(out), now)

    def weights(self, epoch: int) -> EpochWeights:
        """The histograms and first filters now (at the end of ``epoch``)."""
        counts = tuple(
            np.histogram(layer.params["W"], bins=edges)[0]
            for layer, edges in zip(self.layers, self._edges, strict=True)
        )
        return EpochWeights(epoch, counts, tuple(self._edges), first_filters(self.model))
