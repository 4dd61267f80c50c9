"""The embedding map's maths: PCA finds the directions of largest variance, the perplexity search
hits its target entropy, and t-SNE keeps clusters apart where a random map would not."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk import embedding


def _clusters(rng, per=60, dim=30, spread=0.5):
    centres = rng.normal(0, 10, (4, dim))
    labels = np.repeat(np.arange(4), per)
    x = centres[labels] + rng.normal(0, spread, (len(labels), dim))
    return x, labels


def _knn_agreement(y, labels, k=5):
    d = ((y[:, None, :] - y[None, :, :]) ** 2).sum(-1)
    np.fill_diagonal(d, np.inf)
    nearest = np.argsort(d, axis=1)[:, :k]
    return float(np.mean(labels[nearest] == labels[:, None]))


def test_pca_finds_the_direction_of_largest_variance():
    rng = np.random.default_rng(0)
    direction = np.array([3.0, 4.0, 0.0]) / 5
    t = rng.normal(0, 10, 500)
    x = t[:, None] * direction + rng.normal(0, 0.1, (500, 3)) + 7.0
    y = embedding.pca(x, 2)
    assert y.shape == (500, 2)
    assert abs(np.corrcoef(y[:, 0], t)[0, 1]) > 0.999
    assert y[:, 0].std() > 50 * y[:, 1].std()
    assert np.allclose(y.mean(axis=0), 0, atol=1e-9)


def test_the_perplexity_search_gives_each_row_the_target_entropy():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(80, 5))
    d = ((x[:, None, :] - x[None, :, :]) ** 2).sum(axis=-1)  # (80, 80) squared distances
    p = embedding.conditional_affinities(d, perplexity=10.0)
    assert np.allclose(p.sum(axis=1), 1)
    assert np.allclose(np.diag(p), 0)
    entropy = -np.sum(np.where(p > 0, p * np.log(np.maximum(p, 1e-300)), 0), axis=1)
    assert np.allclose(entropy, np.log(10.0), atol=1e-3)


def test_tsne_keeps_clusters_apart_and_beats_a_shuffled_map():
    rng = np.random.default_rng(2)
    x, labels = _clusters(rng)
    seen = []
    y = embedding.tsne(
        x, np.random.default_rng(0), iterations=300, progress=lambda d, t: seen.append(d)
    )
    assert y.shape == (len(x), 2) and np.all(np.isfinite(y))
    assert _knn_agreement(y, labels) > 0.95
    shuffled = y[np.random.default_rng(3).permutation(len(y))]
    assert embedding.kl_divergence(x, y) < 0.5 * embedding.kl_divergence(x, shuffled)
    assert seen[-1] == 300


class _Stop(Exception):
    pass


def test_a_tsne_asked_to_stop_stops_within_one_iteration():
    """walk53 #7: progress, the way a Cancel reaches t-SNE, was called every 25 iterations
    (5 s for 2,000 points under load) and never during the affinities' search (3 s)."""
    x, _ = _clusters(np.random.default_rng(2))
    calls = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        if done >= 1:
            raise _Stop

    with pytest.raises(_Stop):
        embedding.tsne(x, np.random.default_rng(0), iterations=300, progress=progress)
    assert calls[-1] == 1  # the first iteration's end
    assert calls[0] == 0 and len(calls) > 1  # the search before it asked too
    searching = []

    def stop_in_search(done: int, total: int) -> None:
        searching.append(done)
        raise _Stop

    with pytest.raises(_Stop):
        embedding.tsne(x, np.random.default_rng(0), iterations=300, progress=stop_in_search)
    assert searching == [0]


def test_tsne_refuses_too_many_points_and_handles_tiny_input():
    with pytest.raises(ValueError, match="at most"):
        embedding.tsne(np.zeros((embedding.MAX_TSNE_POINTS + 1, 2)), np.random.default_rng())
    assert embedding.tsne(np.ones((2, 3)), np.random.default_rng()).shape == (2, 2)


def test_layer_features_stop_at_the_chosen_layer(tiny_model_file):
    from nndesk.nn.serialization import load_model

    model = load_model(tiny_model_file).model  # 784-32-10: Dense, ReLU, Dense
    x = np.random.default_rng(0).random((7, 784), dtype=np.float32)
    hidden = embedding.layer_features(model, x, 1)
    assert hidden.shape == (7, 32) and hidden.min() >= 0  # after the ReLU
    assert np.allclose(embedding.layer_features(model, x, len(model.layers) - 1), model.forward(x))
    with pytest.raises(ValueError):
        embedding.layer_features(model, x, 99)


def test_a_new_image_lands_at_the_mean_place_of_its_nearest_mapped_images():
    from nndesk.embedding import place_among

    features = np.array([[0.0, 0.0], [1.0, 0.0], [10.0, 0.0], [11.0, 0.0], [0.5, 0.1]])
    coords = np.array([[0.0, 0.0], [2.0, 0.0], [50.0, 50.0], [52.0, 50.0], [1.0, 1.0]])
    xy, rows = place_among(features, coords, np.array([0.4, 0.0]), k=3)
    assert rows.tolist() == [4, 0, 1]  # nearest first, in the layer's outputs
    assert np.allclose(xy, coords[[4, 0, 1]].mean(axis=0))
    xy, rows = place_among(features, coords, np.array([10.6, 0.0]), k=2)
    assert sorted(rows.tolist()) == [2, 3] and np.allclose(xy, [51.0, 50.0])
    # a mapped image itself is its own nearest, and k is at most the map's images
    xy, rows = place_among(features, coords, features[2], k=99)
    assert rows[0] == 2 and len(rows) == 5 and np.allclose(xy, coords.mean(axis=0))
    with pytest.raises(ValueError, match="no images"):
        place_among(features[:0], coords[:0], np.zeros(2))
