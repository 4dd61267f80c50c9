"""ExplainController: maps and nearest training images on its own threads, never sharing a model."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from nndesk.controllers.explain import ExplainController
from nndesk.data.normalize import Normalizer
from nndesk.explain import hidden_features, nearest, saliency
from nndesk.inference import Classifier
from nndesk.nn.architecture import build_model


def test_maps_and_neighbours_computed_at_once_each_use_their_own_copy_of_the_model(qtbot):
    """Both threads run forward passes at the same time; sharing one model's layer caches gave
    'cannot reshape array' in the window. Each request must equal the plain computation."""
    model = build_model("784-c4-p-16-10", rng=np.random.default_rng(0))
    clf = Classifier(model, Normalizer("unit"), tuple("0123456789"), "digits", "mnist")
    rng = np.random.default_rng(1)
    train = SimpleNamespace(
        train_images=rng.integers(0, 256, size=(900, 28, 28)).astype(np.uint8),
        train_labels=rng.integers(0, 10, size=900),
    )
    image = np.zeros((28, 28), np.float32)
    image[4:24, 12:16] = 255.0
    ctl = ExplainController()
    failures, maps, found = [], {}, {}
    ctl.failed.connect(failures.append)
    ctl.attribution_ready.connect(lambda token, m: maps.__setitem__(token, m))
    ctl.neighbours_ready.connect(lambda token, n: found.__setitem__(token, n))
    try:
        near = ctl.request_neighbours(clf, image, lambda _name: train)
        tokens = [
            ctl.request_attribution(clf, image, 3, 1, "integrated_gradients"),
        ]
        qtbot.waitUntil(
            lambda: ctl.is_idle() and near in found and tokens[0] in maps, timeout=60_000
        )
    finally:
        ctl.shutdown()
    assert failures == []
    expected = saliency(model, clf.normalizer, image, 3, "integrated_gradients", contrast=1)
    np.testing.assert_allclose(maps[tokens[0]], expected, rtol=1e-4, atol=1e-6)
    feats = hidden_features(model, clf.normalizer, train.train_images)
    order, dist = nearest(feats, hidden_features(model, clf.normalizer, image[None])[0], 6)
    assert found[near].labels == tuple(int(train.train_labels[i]) for i in order)
    np.testing.assert_allclose(found[near].distances, dist, rtol=1e-5)
