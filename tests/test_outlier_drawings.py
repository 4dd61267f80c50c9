"""tools.outlier_drawings and build_weights' outlier share: non-garment images for outlier
exposure, drawn as garment mode sees a drawing, never from the tests' non-garment seeds."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.data.dataset import Dataset
from nndesk.errors import NndeskError
from nndesk.nn.losses import OUTLIER
from tests.conftest import blob_garments, write_tiny_idx
from tools.build_weights import Stage, with_outliers
from tools.outlier_drawings import (
    cached_training_outliers,
    drawn_digit,
    random_strokes,
    training_outliers,
)

pytestmark = pytest.mark.filterwarnings("ignore::nndesk.errors.DataWarning")  # tiny IDX files


@pytest.fixture(scope="module")
def digits_dir(tmp_path_factory):
    """A tiny MNIST-shaped folder (200 training images), as a user's data folder holds."""
    return write_tiny_idx(tmp_path_factory.mktemp("mnist"))


def test_outliers_are_labelled_none_of_these_and_hold_ink(digits_dir):
    images, labels = training_outliers(30, digits_dir, seed=5)
    assert images.shape == (30, 28, 28) and images.dtype == np.uint8
    assert (labels == OUTLIER).all() and labels.dtype == np.int64
    # every canvas went through garment preprocessing and kept its ink: none is blank
    assert (images.reshape(30, -1).max(axis=1) > 0).all()
    again, _ = training_outliers(30, digits_dir, seed=5)
    np.testing.assert_array_equal(images, again)  # seeded
    other, _ = training_outliers(30, digits_dir, seed=6)
    assert not np.array_equal(images, other)


@pytest.mark.parametrize("seed", [0, 1])
def test_the_tests_non_garment_seeds_are_refused(digits_dir, seed):
    with pytest.raises(ValueError, match="non-garment"):
        training_outliers(4, digits_dir, seed=seed)


def test_a_digit_is_drawn_on_the_canvas_in_either_polarity():
    digit = np.zeros((28, 28), np.uint8)
    digit[4:24, 12:16] = 255  # a "1"
    rng = np.random.default_rng(2)
    canvases = [drawn_digit(digit, rng) for _ in range(20)]
    assert all(c.shape == (280, 280) and c.dtype == np.uint8 for c in canvases)
    backgrounds = {int(c[0, 0]) for c in canvases}
    assert backgrounds == {0, 255}  # white on black as the canvas, black on white as a paint app
    strokes = random_strokes(np.random.default_rng(3))
    assert strokes.shape == (280, 280) and 0 < np.count_nonzero(strokes) < 280 * 280 // 2


def test_the_cache_gives_back_what_was_made(digits_dir, tmp_path):
    made = cached_training_outliers(12, digits_dir, str(tmp_path))
    assert len(list(tmp_path.glob("outliers-*-12.npz"))) == 1
    kept = cached_training_outliers(12, None, str(tmp_path))  # read back, MNIST not needed
    for a, b in zip(made, kept, strict=True):
        np.testing.assert_array_equal(a, b)


def _garments(n: int = 90) -> Dataset:
    return blob_garments(n)


def test_with_outliers_makes_them_the_share_asked_of_the_training_images(digits_dir):
    plain = _garments()
    mixed = with_outliers(plain, 0.1, digits_dir)
    assert len(mixed.train_labels) == 100 and np.count_nonzero(mixed.train_labels < 0) == 10
    np.testing.assert_array_equal(mixed.train_images[:90], plain.train_images)
    assert mixed.test_images is plain.test_images
    assert with_outliers(plain, 0.0, digits_dir) is plain
    with pytest.raises(NndeskError):
        with_outliers(plain, 1.0, digits_dir)


def test_a_recipe_stage_with_outliers_trains_on_them(digits_dir, tmp_path, monkeypatch):
    from nndesk.training import TrainConfig
    from tools import build_weights

    seen = []

    def prepare(config, dataset, resume=None):
        seen.append(np.asarray(dataset.train_labels))
        return build_weights_prepare(config, dataset=dataset, resume=resume)

    build_weights_prepare = build_weights.prepare
    monkeypatch.setattr(build_weights, "prepare", prepare)
    config = TrainConfig(dataset="fashion", arch="784-8-10", epochs=1, batch_size=32)
    recipe = build_weights.Recipe(
        "tiny", config, target=0.0, first=Stage(config, outliers=0.2), then=config
    )
    facts = build_weights.build(
        recipe, digits_dir, tmp_path, log=lambda _: None, outlier_dir=digits_dir
    )
    # the first stage trains on 200 images and 50 outliers, the next on the images alone
    assert [int(np.count_nonzero(labels < 0)) for labels in seen] == [50, 0]
    assert [len(labels) for labels in seen] == [250, 200]
    assert facts["met"]
