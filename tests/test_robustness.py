"""Damaged test images: each damage does what it says, and accuracy falls as damage grows."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk import robustness


def _bars(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Class 0: a vertical bar through the middle; class 1: a horizontal one (uint8 (n, 28, 28))."""
    labels = rng.integers(0, 2, n)
    images = np.zeros((n, 28, 28), np.uint8)
    images[labels == 0, 4:24, 12:16] = 255
    images[labels == 1, 12:16, 4:24] = 255
    return images, labels


class TemplateClassifier:
    """Logits: the ink in a 2x2 spot on each class's bar, near its end (a model that can fail:
    it looks at 8 pixels, so noise, moves, turns and patches all fool it)."""

    def logits(self, images: np.ndarray) -> np.ndarray:
        x = np.asarray(images, np.float32)
        vertical = x[:, 6:8, 13:15].mean(axis=(1, 2))
        horizontal = x[:, 13:15, 6:8].mean(axis=(1, 2))
        return np.stack([vertical, horizontal], axis=1)


def test_each_damage_changes_the_images_as_described():
    rng = np.random.default_rng(0)
    images, _ = _bars(20, rng)
    for kind in robustness.KINDS:
        assert np.array_equal(robustness.damage(images, kind, 0.0, rng), images)
    grey = np.full((20, 28, 28), 128, np.uint8)  # mid-grey: no clipping at 0 or 255
    noisy = robustness.damage(grey, "noise", 0.2, rng)
    assert 0.19 * 255 < np.std(noisy.astype(float) - grey) < 0.21 * 255
    thick = robustness.damage(images, "thickness", 2.0, rng)
    assert (thick > 0).sum(axis=(1, 2)).min() > (images > 0).sum(axis=(1, 2)).max()
    thin = robustness.damage(images, "thickness", -1.0, rng)
    assert ((thin > 0).sum(axis=(1, 2)) < (images > 0).sum(axis=(1, 2))).all()
    blank = np.full((5, 28, 28), 200, np.uint8)
    patched = robustness.damage(blank, "occlusion", 6.0, rng)
    assert ((patched == 0).sum(axis=(1, 2)) == 36).all()
    turned = robustness.damage(images, "rotation", 90.0, rng)
    # a bar turned by 90 degrees either way is the other class's bar
    vertical = images[:, 4:24, 12:16].mean(axis=(1, 2)) > 200
    assert np.array_equal(turned[:, 4:24, 12:16].mean(axis=(1, 2)) > 200, ~vertical)
    moved = robustness.damage(images, "shift", 4.0, rng)
    centre = lambda im: np.array(  # noqa: E731
        [np.argwhere(i > 127).mean(axis=0) for i in im.astype(float)]
    )
    assert np.allclose(np.linalg.norm(centre(moved) - centre(images), axis=1), 4.0, atol=0.6)


def test_accuracy_falls_as_damage_grows():
    rng = np.random.default_rng(1)
    images, labels = _bars(400, rng)
    curves = robustness.measure(TemplateClassifier(), images, labels, n_images=400)
    assert set(curves) == set(robustness.KINDS)
    for kind, points in curves.items():
        levels = [lvl for lvl, _ in points]
        assert levels == list(robustness.LEVELS[kind])
        # damage grows with |level| (thickness goes both ways)
        by_damage = sorted(points, key=lambda p: abs(p[0]))
        accs = [a for _, a in by_damage]
        assert accs[0] == 1.0, kind
        assert all(b <= a + 0.03 for a, b in zip(accs, accs[1:], strict=False)), (kind, accs)
        if kind != "thickness":  # a fat bar is still a bar; every other damage must hurt
            assert accs[-1] < 0.96, (kind, accs)


def test_progress_and_cancel():
    rng = np.random.default_rng(2)
    images, labels = _bars(50, rng)
    seen = []
    curves = robustness.measure(
        TemplateClassifier(), images, labels, n_images=50, progress=lambda d, t: seen.append((d, t))
    )
    total = sum(len(v) for v in robustness.LEVELS.values())
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert sum(len(v) for v in curves.values()) == total
    calls = []
    partial = robustness.measure(
        TemplateClassifier(), images, labels, cancelled=lambda: calls.append(1) or len(calls) > 3
    )
    assert sum(len(v) for v in partial.values()) == 3


def test_unknown_damage_is_refused():
    with pytest.raises(ValueError, match="unknown damage"):
        robustness.damage(np.zeros((1, 28, 28), np.uint8), "melt", 1.0, np.random.default_rng())


def test_each_levels_example_is_the_image_the_model_was_given_and_its_answer():
    """walk66 #6: the strip beside each curve shows one test image at each level; it must be
    the very pixels measured (an image of the sample), with the model's answer."""
    rng = np.random.default_rng(3)
    images, labels = _bars(60, rng)
    given: list[np.ndarray] = []

    class Recording(TemplateClassifier):
        def logits(self, batch):
            given.append(np.array(batch))
            return super().logits(batch)

    examples: dict = {}
    curves = robustness.measure(Recording(), images, labels, n_images=60, examples=examples)
    pick = np.random.default_rng(0).permutation(60)  # measure's seeded pick, seed 0
    row = robustness._example_at(images[pick], robustness.LEVELS)
    first = pick[row]
    assert list(examples) == list(curves)
    measured = iter(given)  # one forward pass per level, but the clean level only once
    clean = None
    for kind, points in curves.items():
        assert len(examples[kind]) == len(points) == len(robustness.LEVELS[kind])
        for (level, _), example in zip(points, examples[kind], strict=True):
            assert example.image.shape == (28, 28) and example.image.dtype == np.uint8
            assert example.label == labels[first]
            assert example.index == first  # the test image it is: the page opens it (fixI #1)
            if level == 0 and clean is not None:
                assert example is clean  # the clean image is measured once, shown in each row
                continue
            assert np.array_equal(example.image, next(measured)[row])
            answer = np.argmax(TemplateClassifier().logits(example.image[None]), axis=1)[0]
            assert example.predicted == answer
            if level == 0:
                assert np.array_equal(example.image, images[first])
                clean = example
    # the strips show damage: the noisiest image is not the clean one
    assert not np.array_equal(examples["noise"][-1].image, examples["noise"][0].image)


def test_the_example_is_an_image_thinning_leaves_visible():
    """walk70 L7: the strips' image was the sample's first, a sandal whose thin straps eroded
    to nothing at -1 px: an empty black square beside "✗ Sneaker". The example is the first
    image that keeps a quarter of its ink at the thinnest level; a sample of thin lines only
    keeps its first."""
    thin = np.zeros((28, 28), np.uint8)
    thin[4:24, 14] = 255  # a line one pixel wide: -1 px erases it
    thick = np.zeros((28, 28), np.uint8)
    thick[4:24, 10:18] = 255
    images = np.stack([thin, thin, thick, thin])
    levels = robustness.LEVELS
    assert robustness._example_at(images, levels) == 2
    eroded = robustness.damage(images[2:3], "thickness", -1.0, np.random.default_rng(0))
    assert (eroded >= 128).sum() >= robustness.EXAMPLE_INK_KEPT * (thick >= 128).sum()
    assert robustness._example_at(images[[0, 1, 3]], levels) == 0
    assert robustness._example_at(images, {"noise": (0.0, 0.5)}) == 0  # no thinning
