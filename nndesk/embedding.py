"""A 2-D map of images as a layer of the network sees them: PCA and exact t-SNE in NumPy.

``layer_features`` runs a model up to a chosen layer; ``pca`` projects onto the two directions of
largest variance; ``tsne`` (van der Maaten and Hinton, 2008) places points so that neighbours in
the layer stay neighbours on the map. t-SNE here is the exact O(n^2) algorithm, meant for up to
about 2,000 points (a 2,000 x 2,000 float64 affinity matrix is 32 MB).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

#: Points t-SNE accepts; the map samples this many test images at most.
MAX_TSNE_POINTS = 2500


def layer_features(model, x: np.ndarray, layer: int, chunk: int = 1000) -> np.ndarray:
    """Outputs ``(n, d)`` float32 of layers ``0..layer`` of ``model`` for inputs ``x`` (n, 784),
    flattened per image, in evaluation mode."""
    from nndesk.training.memory import forward_batch

    if not 0 <= layer < len(model.layers):
        raise ValueError(f"layer {layer} is not in 0..{len(model.layers) - 1}")
    chunk = forward_batch(model, chunk)  # a CNN's activations of 1,000 images: ~750 MB
    rows = []
    for start in range(0, len(x), chunk):
        h = x[start : start + chunk]
        for lyr in model.layers[: layer + 1]:
            h = lyr.forward(h, training=False)
        rows.append(np.asarray(h, np.float32).reshape(len(h), -1))
    return np.concatenate(rows) if rows else np.zeros((0, 0), np.float32)


def pca(features: np.ndarray, dims: int = 2) -> np.ndarray:
    """``features`` (n, d) projected on their ``dims`` principal directions -> (n, dims) float64.

    The sign of each axis is fixed (largest loading positive) so the same data gives the same map.
    """
    x = np.asarray(features, np.float64)
    x = x - x.mean(axis=0)
    _, _, vt = np.linalg.svd(x, full_matrices=False)  # vt (min(n, d), d), rows by variance
    axes = vt[:dims]
    signs = np.sign(axes[np.arange(len(axes)), np.argmax(np.abs(axes), axis=1)])
    axes = axes * np.where(signs == 0, 1.0, signs)[:, None]
    out = x @ axes.T
    if out.shape[1] < dims:  # fewer directions than asked (one point, one feature)
        out = np.pad(out, ((0, 0), (0, dims - out.shape[1])))
    return out


def _squared_distances(x: np.ndarray) -> np.ndarray:
    sq = np.sum(x * x, axis=1)
    d = sq[:, None] + sq[None, :] - 2.0 * (x @ x.T)
    np.maximum(d, 0.0, out=d)
    np.fill_diagonal(d, 0.0)
    return d


def conditional_affinities(
    distances: np.ndarray,
    perplexity: float,
    tol: float = 1e-5,
    steps: int = 60,
    each_step: Callable[[], None] | None = None,
) -> np.ndarray:
    """Rows p_{j|i} (n, n) of Gaussian affinities whose entropy is log(perplexity), each row's
    precision found by bisection (``distances`` are squared, (n, n)). ``each_step()`` is
    called before each bisection step (it may raise to cancel: the search takes seconds for
    2,000 points)."""
    n = distances.shape[0]
    target = np.log(perplexity)
    beta = np.ones(n)
    lo = np.full(n, -np.inf)
    hi = np.full(n, np.inf)
    off = ~np.eye(n, dtype=bool)
    d = np.where(off, distances, np.inf)
    d = d - d.min(axis=1, keepdims=True)  # row shift: same affinities, no underflow
    finite = np.where(off, d, 0.0)  # the diagonal's p is 0: leave it out of p * d
    for _ in range(steps):
        if each_step is not None:
            each_step()
        p = np.exp(-d * beta[:, None])
        sums = p.sum(axis=1, keepdims=True)
        p /= sums
        # entropy H = -sum p log p = log(sum) + beta * sum(p d)
        h = np.log(sums[:, 0]) + beta * np.sum(p * finite, axis=1)
        diff = h - target
        if np.all(np.abs(diff) < tol):
            break
        up = diff > 0  # too flat: raise the precision
        lo = np.where(up, beta, lo)
        hi = np.where(up, hi, beta)
        beta = np.where(
            up,
            np.where(np.isinf(hi), beta * 2, (beta + hi) / 2),
            np.where(np.isinf(lo), beta / 2, (beta + lo) / 2),
        )
    return p


def tsne(
    features: np.ndarray,
    rng: np.random.Generator,
    dims: int = 2,
    perplexity: float = 30.0,
    iterations: int = 500,
    progress: Callable[[int, int], None] | None = None,
) -> np.ndarray:
    """Exact t-SNE of ``features`` (n, d) -> (n, dims) float64.

    Inputs are first reduced to 50 PCA directions; the map starts from the 2-D PCA scaled to a
    small spread (stable across runs), then follows the gradient of KL(P || Q) with early
    exaggeration (12x for the first quarter), momentum 0.5 then 0.8 and per-coordinate gains.
    ``progress(done, iterations)`` is called after every iteration, and with done 0 at each
    step of the affinities' search; it may raise to cancel, so a Cancel takes effect within one
    iteration (called every 25, a 2,000-point map under load went on for 5 s after a Cancel).
    """
    x = np.asarray(features, np.float64)
    n = len(x)
    if n > MAX_TSNE_POINTS:
        raise ValueError(f"t-SNE here takes at most {MAX_TSNE_POINTS:,} points, got {n:,}")
    if n < 4:
        return pca(x, dims)
    if x.shape[1] > 50:
        x = pca(x, 50)
    perplexity = min(perplexity, (n - 1) / 3)
    searching = None if progress is None else (lambda: progress(0, iterations))
    if searching is not None:
        searching()  # after the PCA (a second or two for 2,000 points)
    p = conditional_affinities(_squared_distances(x), perplexity, each_step=searching)
    p = (p + p.T) / (2 * n)
    np.maximum(p, 1e-12, out=p)
    y = pca(x, dims)
    y *= 1e-4 / max(float(y[:, 0].std()), 1e-12)
    y += rng.normal(0.0, 1e-6, y.shape)
    velocity = np.zeros_like(y)
    gains = np.ones_like(y)
    lr = max(n / 12 / 4, 50.0)
    exaggerate = iterations // 4
    for it in range(iterations):
        pe = p * 12.0 if it < exaggerate else p
        num = 1.0 / (1.0 + _squared_distances(y))  # Student t kernel, (n, n)
        np.fill_diagonal(num, 0.0)
        q = np.maximum(num / num.sum(), 1e-12)
        w = (pe - q) * num  # (n, n)
        grad = 4.0 * (w.sum(axis=1)[:, None] * y - w @ y)  # (n, dims)
        same = np.sign(grad) == np.sign(velocity)
        gains = np.where(same, gains * 0.8, gains + 0.2)
        np.maximum(gains, 0.01, out=gains)
        momentum = 0.5 if it < exaggerate else 0.8
        velocity = momentum * velocity - lr * gains * grad
        y += velocity
        y -= y.mean(axis=0)
        if progress is not None:
            progress(it + 1, iterations)
    return y


def kl_divergence(features: np.ndarray, embedding: np.ndarray, perplexity: float = 30.0) -> float:
    """KL(P || Q) of a map: how badly ``embedding`` keeps the neighbourhoods of ``features``."""
    x = np.asarray(features, np.float64)
    n = len(x)
    if x.shape[1] > 50:
        x = pca(x, 50)
    p = conditional_affinities(_squared_distances(x), min(perplexity, (n - 1) / 3))
    p = np.maximum((p + p.T) / (2 * n), 1e-12)
    num = 1.0 / (1.0 + _squared_distances(np.asarray(embedding, np.float64)))
    np.fill_diagonal(num, 0.0)
    q = np.maximum(num / num.sum(), 1e-12)
    off = ~np.eye(n, dtype=bool)
    return float(np.sum(p[off] * np.log(p[off] / q[off])))


#: Test images whose mean position places a new image on a map (``place_among``)
PLACE_NEIGHBOURS = 10


def place_among(
    features: np.ndarray, coords: np.ndarray, new: np.ndarray, k: int = PLACE_NEIGHBOURS
) -> tuple[np.ndarray, np.ndarray]:
    """Where an image that is not on a map lands on it: the mean position ``(2,)`` of its ``k``
    nearest mapped images, by Euclidean distance between their ``features`` ``(m, d)`` and its
    own ``new`` ``(d,)`` (the same layer's outputs), with those images' rows ``(k,)`` nearest
    first. ``coords`` ``(m, 2)``: where the map drew each of them.

    t-SNE has no mapping for a point it was not fitted on (fitting again would move every
    point); the mean of the neighbours' places puts the image among those the layer finds it
    most like, which is what a student asks of the map. Its place says nothing more exact: two
    far clusters of neighbours give a point between them."""
    features = np.asarray(features)
    if not len(features):
        raise ValueError("a map of no images has no place for another one")
    gaps = np.sum((features - np.asarray(new, features.dtype)) ** 2, axis=1, dtype=np.float64)
    k = max(1, min(k, len(features)))
    rows = np.argpartition(gaps, k - 1)[:k]
    rows = rows[np.argsort(gaps[rows], kind="stable")]
    return np.asarray(coords, np.float64)[rows].mean(axis=0), rows
