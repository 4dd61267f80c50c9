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

SALIENCY_KINDS = ("gradient", "gradient_x_input")


def normalizer_slope(normalizer: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """d(normalised input)/d(pixel) per pixel, ``float64 (784,)``.

    Every nndesk normaliser is affine per pixel (``x = a * pixel + b``), so the slope is the
    difference of two evaluations; this works for "raw", "unit", "symmetric" and "standard" alike.
    """
    lo = np.asarray(normalizer(np.zeros((1, 28, 28), np.float32)), np.float64).reshape(784)
    hi = np.asarray(normalizer(np.full((1, 28, 28), 255.0, np.float32)), np.float64).reshape(784)
    return (hi - lo) / 255.0


def saliency(
    model,
    normalizer: Callable[[np.ndarray], np.ndarray],
    image28: np.ndarray,
    class_index: int,
    kind: str = "gradient",
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
    kind : "gradient" | "gradient_x_input"
        ``gradient``: d logit / d pixel. ``gradient_x_input``: that times the pixel value, so only
        inked pixels light up (their contribution relative to a black image, to first order).

    Returns
    -------
    float32 (28, 28), signed: positive pixels argue for the class, negative against it.
    """
    if kind not in SALIENCY_KINDS:
        raise ValueError(f"unknown saliency kind {kind!r}; choose one of {SALIENCY_KINDS}")
    pixels = np.asarray(image28, dtype=np.float32).reshape(1, 28, 28)
    x = np.asarray(normalizer(pixels))  # (1, 784), in the dtype the model expects
    logits = model.forward(x, training=False)  # (1, k)
    one_hot = np.zeros_like(logits)
    one_hot[0, int(class_index)] = 1.0  # d logit_c / d logits
    grad_x = np.asarray(model.backward(one_hot), np.float64).reshape(784)  # d logit_c / d x
    # chain rule through the normaliser: d logit / d pixel = d logit / d x * d x / d pixel
    grad_pixels = grad_x * normalizer_slope(normalizer)
    if kind == "gradient_x_input":
        grad_pixels = grad_pixels * pixels.reshape(784)
    return grad_pixels.reshape(28, 28).astype(np.float32)


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
    return Explanation(top, sal, kind, second, margin, units)
