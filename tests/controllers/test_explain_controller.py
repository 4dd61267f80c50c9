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


def _train(n: int = 1200):
    rng = np.random.default_rng(1)
    return SimpleNamespace(
        train_images=rng.integers(0, 256, size=(n, 28, 28)).astype(np.uint8),
        train_labels=rng.integers(0, 10, size=n),
    )


def _search(qtbot, ctl, clf, train, found):
    image = np.zeros((28, 28), np.float32)
    image[4:24, 12:16] = 255.0
    token = ctl.request_neighbours(clf, image, lambda _name: train)
    qtbot.waitUntil(lambda: ctl.is_idle() and token in found, timeout=60_000)
    return found[token]


def test_a_model_chosen_again_finds_its_training_features_kept(qtbot, monkeypatch, tiny_model_file):
    """Each switch between the digit and the garment demo ran the 10,000 training images
    through the network again, 25-70 s on a busy machine, for a model already done (walk55
    D7). A model read again from the same file, or the same model object, keeps its features."""
    from nndesk.controllers import explain as explain_controller

    pools = []
    real = explain_controller.hidden_features

    def counting(model, normalizer, images, *args, **kwargs):
        if len(images) > 1:
            pools.append(len(images))
        return real(model, normalizer, images, *args, **kwargs)

    monkeypatch.setattr(explain_controller, "hidden_features", counting)
    train = _train()
    digits = Classifier.from_file(tiny_model_file)
    other = Classifier(
        build_model("784-16-10", rng=np.random.default_rng(5)),
        Normalizer("unit"),
        tuple("0123456789"),
        "digits",
        "mnist",
    )
    ctl = ExplainController()
    found: dict = {}
    ctl.neighbours_ready.connect(lambda token, n: found.__setitem__(token, n))
    try:
        first = _search(qtbot, ctl, digits, train, found)
        _search(qtbot, ctl, other, train, found)
        assert pools == [1200, 1200]
        again = _search(qtbot, ctl, Classifier.from_file(tiny_model_file), train, found)
        _search(qtbot, ctl, other, train, found)
        assert pools == [1200, 1200]  # both kept: nothing run through a network again
    finally:
        ctl.shutdown()
    assert again.labels == first.labels and again.distances == first.distances


def test_the_first_search_for_a_model_reports_how_far_it_is(qtbot):
    model = build_model("784-16-10", rng=np.random.default_rng(0))
    clf = Classifier(model, Normalizer("unit"), tuple("0123456789"), "digits", "mnist")
    ctl = ExplainController()
    found: dict = {}
    steps: list = []
    ctl.neighbours_ready.connect(lambda token, n: found.__setitem__(token, n))
    ctl.neighbours_progress.connect(lambda token, done, total: steps.append((token, done, total)))
    try:
        result = _search(qtbot, ctl, clf, _train(1200), found)
    finally:
        ctl.shutdown()
    assert result.pool == 1200
    assert steps and steps[-1][1:] == (1200, 1200)
    assert [done for _t, done, _n in steps] == sorted({done for _t, done, _n in steps})
    assert {token for token, _d, _n in steps} == set(found)
