"""Why the network answers what it answers: input gradients, the runner-up, busy hidden units.

NumPy only. Every function takes the model and its normaliser explicitly; nothing here knows Qt.
``saliency`` runs ``model.forward`` then ``model.backward`` and so overwrites the layers' caches:
call it on a model no other thread is using at the same moment (the GUI keeps a private copy).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from nndesk.nn.layers import Dense

SALIENCY_KINDS = (
    "gradient",
    "gradient_x_input",
    "integrated_gradients",
    "smoothgrad",
    "occlusion",
)
FAST_KINDS = ("gradient", "gradient_x_input")  # one forward + backward: cheap enough per stroke
IG_STEPS = 32  # points on the path from the black image to the drawing
SMOOTHGRAD_SAMPLES = 24
SMOOTHGRAD_NOISE = 0.15  # noise standard deviation as a fraction of the pixel range (0..255)
OCCLUSION_PATCH = 4  # px, side of the square set to black
OCCLUSION_STRIDE = 2
_CHUNK = 128  # images per forward pass in the batched methods


def normalizer_slope(normalizer: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """d(normalised input)/d(pixel) per pixel, ``float64 (784,)``.

    Every nndesk normaliser is affine per pixel (``x = a * pixel + b``), so the slope is the
    difference of two evaluations; this works for "raw", "unit", "symmetric" and "standard" alike.
    """
    lo = np.asarray(normalizer(np.zeros((1, 28, 28), np.float32)), np.float64).reshape(784)
    hi = np.asarray(normalizer(np.full((1, 28, 28), 255.0, np.float32)), np.float64).reshape(784)
    return (hi - lo) / 255.0


def score_weights(n_classes: int, class_index: int, contrast: int | None = None) -> np.ndarray:
    """The explained score as weights on the logits, ``float64 (k,)``: ``logit_c`` or, with a
    contrast class ``d``, ``logit_c - logit_d`` ("why c and not d")."""
    w = np.zeros(int(n_classes))
    w[int(class_index)] += 1.0
    if contrast is not None:
        w[int(contrast)] -= 1.0
    return w


def scores(model, normalizer, pixels: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The explained score of each image: ``(n, 28, 28)`` pixels -> ``float64 (n,)``."""
    out = []
    for i in range(0, len(pixels), _CHUNK):
        x = np.asarray(normalizer(np.asarray(pixels[i : i + _CHUNK], np.float32)))
        logits = model.forward(x, training=False)  # (m, 784) -> (m, k)
        out.append(np.asarray(logits, np.float64) @ weights)  # (m, k) @ (k,) -> (m,)
    return np.concatenate(out)


def pixel_gradients(model, normalizer, pixels: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """d score / d pixel for each image: ``(n, 28, 28)`` -> ``float64 (n, 784)``."""
    slope = normalizer_slope(normalizer)
    out = []
    for i in range(0, len(pixels), _CHUNK):
        x = np.asarray(normalizer(np.asarray(pixels[i : i + _CHUNK], np.float32)))
        logits = model.forward(x, training=False)  # (m, k)
        upstream = np.broadcast_to(weights, logits.shape).astype(logits.dtype)  # d score/d logits
        grad_x = np.asarray(model.backward(np.ascontiguousarray(upstream)), np.float64)
        # chain rule through the normaliser: d score / d pixel = d score / d x * d x / d pixel
        out.append(grad_x.reshape(-1, 784) * slope)
    return np.concatenate(out)


def integrated_gradients(model, normalizer, image28, weights, steps: int = IG_STEPS) -> np.ndarray:
    """Integrated gradients from the black image (no ink): ``x * mean of the gradient along the
    straight path 0 -> x`` (midpoint rule), ``float64 (784,)``. Their sum approaches
    ``score(x) - score(black)`` as ``steps`` grows (completeness)."""
    x = np.asarray(image28, np.float64).reshape(1, 784)
    alphas = (np.arange(int(steps)) + 0.5) / int(steps)  # (steps,)
    path = (alphas[:, None] * x).reshape(-1, 28, 28)  # (steps, 28, 28)
    grads = pixel_gradients(model, normalizer, path, weights)  # (steps, 784)
    return x.reshape(784) * grads.mean(axis=0)


def smoothgrad(
    model,
    normalizer,
    image28,
    weights,
    noise: float = SMOOTHGRAD_NOISE,
    samples: int = SMOOTHGRAD_SAMPLES,
    rng: np.random.Generator | None = None,
) -> np.ndarray:
    """The gradient averaged over ``samples`` noisy copies of the image (Gaussian noise of
    standard deviation ``noise * 255``), ``float64 (784,)``; zero noise gives the gradient."""
    rng = rng if rng is not None else np.random.default_rng(0)
    x = np.asarray(image28, np.float64).reshape(1, 28, 28)
    noisy = x + rng.normal(0.0, float(noise) * 255.0, size=(int(samples), 28, 28))
    return pixel_gradients(model, normalizer, noisy, weights).mean(axis=0)


def occlusion(
    model,
    normalizer,
    image28,
    weights,
    patch: int = OCCLUSION_PATCH,
    stride: int = OCCLUSION_STRIDE,
) -> np.ndarray:
    """How much the score drops when a ``patch`` x ``patch`` square is blacked out, averaged
    over the squares covering each pixel, ``float64 (784,)``. Forward passes only, so it works
    for any model; a pixel no square changes the score for gets 0."""
    x = np.asarray(image28, np.float64).reshape(28, 28)
    starts = list(range(0, 28 - patch + 1, stride))
    if starts[-1] != 28 - patch:
        starts.append(28 - patch)  # the last row and column are covered too
    corners = [(r, c) for r in starts for c in starts]
    occluded = np.repeat(x[None], len(corners), axis=0)  # (m, 28, 28)
    for i, (r, c) in enumerate(corners):
        occluded[i, r : r + patch, c : c + patch] = 0.0
    # the intact image goes through the same forward pass as the occluded ones, so a square the
    # model ignores changes nothing down to the last bit
    both = scores(model, normalizer, np.concatenate([x[None], occluded]), weights)  # (1 + m,)
    drops = both[0] - both[1:]  # (m,)
    total, count = np.zeros((28, 28)), np.zeros((28, 28))
    for drop, (r, c) in zip(drops, corners, strict=True):
        total[r : r + patch, c : c + patch] += drop
        count[r : r + patch, c : c + patch] += 1
    return (total / count).reshape(784)


def _n_classes(model, normalizer) -> int:
    dense = [layer for layer in model.layers if isinstance(layer, Dense)]
    if dense:
        return int(dense[-1].params["W"].shape[1])  # (inputs, classes)
    x = np.asarray(normalizer(np.zeros((1, 28, 28), np.float32)))
    return int(model.forward(x, training=False).shape[1])


def saliency(
    model,
    normalizer: Callable[[np.ndarray], np.ndarray],
    image28: np.ndarray,
    class_index: int,
    kind: str = "gradient",
    contrast: int | None = None,
    rng: np.random.Generator | None = None,
) -> np.ndarray:
    """How much each pixel pushes the logit of ``class_index`` up or down.

    Parameters
    ----------
    model : Sequential
        Takes ``(n, 784)`` normalised inputs and returns logits ``(n, k)``.
    normalizer : callable
        ``(n, 28, 28)`` pixels in [0, 255] -> ``float32 (n, 784)``, affine per pixel.
    image28 : (28, 28) array, pixels in [0, 255] (what ``preprocess`` returns)
    class_index : int
    kind : one of ``SALIENCY_KINDS``
        ``gradient``: d logit / d pixel. ``gradient_x_input``: that times the pixel value, so only
        inked pixels light up (their contribution relative to a black image, to first order).
        ``integrated_gradients``, ``smoothgrad``, ``occlusion``: see those functions.
    contrast : int, optional
        Explain ``logit[class_index] - logit[contrast]`` instead: why this class and not that.
    rng : the noise of ``smoothgrad`` (a fixed seed when not given)

    Returns
    -------
    float32 (28, 28), signed: positive pixels argue for the class, negative against it.
    """
    if kind not in SALIENCY_KINDS:
        raise ValueError(f"unknown saliency kind {kind!r}; choose one of {SALIENCY_KINDS}")
    pixels = np.asarray(image28, dtype=np.float32).reshape(1, 28, 28)
    weights = score_weights(_n_classes(model, normalizer), class_index, contrast)
    if kind in FAST_KINDS:
        result = pixel_gradients(model, normalizer, pixels, weights)[0]
        if kind == "gradient_x_input":
            result = result * pixels.reshape(784)
    elif kind == "integrated_gradients":
        result = integrated_gradients(model, normalizer, pixels, weights)
    elif kind == "smoothgrad":
        result = smoothgrad(model, normalizer, pixels, weights, rng=rng)
    else:
        result = occlusion(model, normalizer, pixels, weights)
    return result.reshape(28, 28).astype(np.float32)


def _used_inputs(layer, used_out: np.ndarray, size_in: int) -> np.ndarray | None:
    """Which of ``size_in`` rows (or columns) of a layer's input reach a used row of its
    output, ``bool (size_in,)``; None for a layer that mixes rows in a way not known here."""
    name = type(layer).__name__
    if name == "Conv2D":  # output j sees inputs j*s - p .. j*s - p + k - 1
        k, s, p = layer.kernel_size, layer.stride, layer.padding
        used = np.zeros(size_in, bool)
        for j in np.flatnonzero(used_out):
            lo = j * s - p
            used[max(0, lo) : max(0, lo + k)] = True
        return used
    if name == "MaxPool2D":  # output j sees inputs j*size .. j*size + size - 1; the rest: none
        used = np.zeros(size_in, bool)
        n = min(len(used_out) * layer.size, size_in)
        used[:n] = np.repeat(used_out, layer.size)[:n]
        return used
    if len(used_out) == size_in and name not in ("Reshape", "Flatten", "Dense"):
        return used_out  # element-wise: activations, batch norm, dropout
    return None


def unseen_pixels(model) -> np.ndarray:
    """Input pixels no output depends on, ``bool (28, 28)``: with valid (unpadded)
    convolutions and 2x2 pooling of an odd size, pooling drops a map's last row and column,
    and the input rows and columns only they saw never reach the answer (a 1-epoch
    "784-c32v-p-c64v-p-128-10" ignores the last 2 of each). All False for an MLP."""
    shapes = [tuple(model.input_shape)]
    for layer in model.layers:
        shapes.append(tuple(layer.output_shape(shapes[-1])))
    spatial = [i for i, shape in enumerate(shapes[1:]) if len(shape) == 3]
    none = np.zeros((28, 28), bool)
    if not spatial or shapes[spatial[0]] != (784,) or shapes[spatial[0] + 1][1:] != (28, 28):
        return none  # no image layers, or not one 28x28 image reshaped at the start
    first, last = spatial[0] + 1, spatial[-1]  # the layers after the reshape .. the last map
    rows = np.ones(shapes[last + 1][1], bool)
    cols = np.ones(shapes[last + 1][2], bool)
    for i in range(last, first - 1, -1):
        h, w = shapes[i][1:]
        rows_in = _used_inputs(model.layers[i], rows, h)
        cols_in = _used_inputs(model.layers[i], cols, w)
        if rows_in is None or cols_in is None:
            return none
        rows, cols = rows_in, cols_in
    return ~(rows[:, None] & cols[None, :])


#: inked pixels (>= 128 of 255) with all four neighbours inked, as a share of the inked ones,
#: from which a drawing is a filled shape: MNIST test digits reach 0.60 at their 99th
#: percentile (median 0.25), Fashion-MNIST's median is 0.56, a filled drawn sneaker 0.79. On
#: one, fashion-cnn's gradient × input and integrated gradients change sign between 58-61 % of
#: neighbouring inked pixels (speckle), occlusion between 2 % (walk55 D6)
FILLED_SHARE = 0.6


def filled_share(image28: np.ndarray) -> float:
    """How much of the drawing's ink is inside a filled area rather than on a stroke: the
    share of inked pixels whose four neighbours are inked too (0 for nothing drawn)."""
    pixels = np.asarray(image28)
    if pixels.size != 784:
        return 0.0
    ink = pixels.reshape(28, 28) >= 128
    inner = ink[1:-1, 1:-1] & ink[:-2, 1:-1] & ink[2:, 1:-1] & ink[1:-1, :-2] & ink[1:-1, 2:]
    total = int(ink.sum())
    return float(inner.sum()) / total if total else 0.0


def runner_up(probabilities: np.ndarray) -> tuple[int, float]:
    """The second most likely class and its margin ``p(top) - p(runner-up)``.

    ``probabilities`` is ``(k,)`` with ``k >= 2``; ties keep the lower index first.
    """
    p = np.asarray(probabilities, dtype=np.float64).reshape(-1)
    if p.size < 2:
        raise ValueError("a runner-up needs at least two classes")
    order = np.argsort(-p, kind="stable")
    return int(order[1]), float(p[order[0]] - p[order[1]])


def first_dense_layer(model) -> tuple[int, Dense] | None:
    """``(index, layer)`` of the first layer when it is a Dense layer reading the 784 pixels.

    None for CNNs (they start with a Reshape) and for anything whose first layer is not Dense.
    """
    if not model.layers or not isinstance(model.layers[0], Dense):
        return None
    if model.layers[0].params["W"].shape[0] != 784:
        return None
    return 0, model.layers[0]


def has_hidden_units(model) -> bool:
    """True for an MLP with at least one hidden Dense layer (784-h-...-k, not 784-k)."""
    return (
        first_dense_layer(model) is not None
        and sum(isinstance(layer, Dense) for layer in model.layers) >= 2
    )


def top_hidden_units(model, x: np.ndarray, n: int = 8) -> list[tuple[int, float, np.ndarray]]:
    """The ``n`` most active units of an MLP's first hidden layer, with their input weights.

    Parameters
    ----------
    model : Sequential
    x : (784,) or (1, 784) normalised input (what the model is fed)
    n : int

    Returns
    -------
    list of ``(unit index, activation, weights float32 (28, 28))``, most active first; the
    activation is taken after the layer's activation function (when it has one). Empty for CNNs:
    their first-layer filters are 3x3 and are not pictures of the input.
    """
    found = first_dense_layer(model)
    if found is None or not has_hidden_units(model):
        return []
    index, dense = found
    h = np.asarray(x, dtype=dense.params["W"].dtype).reshape(1, 784)
    # run the Dense layer and its activation (the next layer, unless it is another Dense/Dropout)
    for layer in model.layers[index : index + 2]:
        if layer is not dense and isinstance(layer, Dense):
            break
        h = layer.forward(h, training=False)  # (1, 784) @ (784, width) -> (1, width)
    activations = h.reshape(-1)
    order = np.argsort(-activations, kind="stable")[: max(0, int(n))]
    weights = dense.params["W"]  # (784, width)
    return [
        (int(u), float(activations[u]), weights[:, u].reshape(28, 28).astype(np.float32))
        for u in order
    ]


@dataclass(frozen=True)
class Explanation:
    """Everything the "Why" views show for one prediction."""

    class_index: int  # the class explained (the top one)
    saliency: np.ndarray  # float32 (28, 28), signed
    kind: str  # "gradient" | "gradient_x_input"
    runner_up: int  # second most likely class
    margin: float  # p(top) - p(runner-up)
    hidden_units: list = field(default_factory=list)  # top_hidden_units(...) (empty for CNNs)
    #: the explained model has hidden units to picture (an MLP); None: not said. A training
    #: run's snapshot is explained while the page still holds the picked model (walk65 D16:
    #: "This model is a CNN" over an MLP's unit pictures), so the page follows this
    model_has_units: bool | None = None


def explain_prediction(
    model,
    normalizer: Callable[[np.ndarray], np.ndarray],
    image28: np.ndarray,
    probabilities: np.ndarray,
    kind: str = "gradient",
    n_units: int = 8,
) -> Explanation:
    """Saliency of the top class, the runner-up and margin, and (MLPs) the busiest hidden units."""
    top = int(np.argmax(probabilities))
    second, margin = runner_up(probabilities)
    sal = saliency(model, normalizer, image28, top, kind=kind)
    x = normalizer(np.asarray(image28, np.float32).reshape(1, 28, 28))
    units = top_hidden_units(model, x, n=n_units) if n_units > 0 else []
    return Explanation(top, sal, kind, second, margin, units, has_hidden_units(model))


# ---- the nearest training images in the last hidden layer's space -----------------------------
def last_hidden_index(model) -> int:
    """How many layers run before the last Dense layer: its input is the last hidden layer's
    output (after its activation). 0 for a model that is one Dense layer (then: pixel space)."""
    dense = [i for i, layer in enumerate(model.layers) if isinstance(layer, Dense)]
    return dense[-1] if dense else len(model.layers)


def hidden_features(
    model,
    normalizer: Callable[[np.ndarray], np.ndarray],
    images: np.ndarray,
    batch: int = 500,
    should_stop: Callable[[], bool] = lambda: False,
    progress: Callable[[int], None] | None = None,
) -> np.ndarray | None:
    """The last hidden layer's output for each image: ``(n, 28, 28)`` pixels -> ``float32
    (n, d)``. None when ``should_stop()`` turned true between batches; ``progress(done)``
    after each batch, with the number of images done."""
    from nndesk.training.memory import forward_batch

    stop_at = last_hidden_index(model)
    batch = forward_batch(model, batch)  # a CNN's activations of 500 images: ~350 MB
    out = []
    for i in range(0, len(images), batch):
        if should_stop():
            return None
        h = np.asarray(normalizer(np.asarray(images[i : i + batch], np.float32)))
        for layer in model.layers[:stop_at]:
            h = layer.forward(h, training=False)  # (m, 784) -> ... -> (m, d)
        out.append(np.asarray(h, np.float32).reshape(len(h), -1))
        if progress is not None:
            progress(min(i + batch, len(images)))
    if not out:
        return np.zeros((0, 0), np.float32)
    return np.concatenate(out)


def nearest(features: np.ndarray, query: np.ndarray, k: int = 6) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` rows of ``features (n, d)`` closest to ``query (d,)`` in Euclidean distance,
    nearest first (ties: lower index first): ``(indices int (k,), distances float64 (k,))``."""
    f = np.asarray(features, np.float64)
    q = np.asarray(query, np.float64).reshape(1, -1)
    d2 = np.sum((f - q) ** 2, axis=1)  # (n,)
    order = np.argsort(d2, kind="stable")[: max(0, int(k))]
    return order, np.sqrt(d2[order])
