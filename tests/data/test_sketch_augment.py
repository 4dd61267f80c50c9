"""Sketch augmentation: garments redrawn as silhouettes, outlines and scribbles, seeded."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from nndesk.data.augment import SketchStrengths, fill_holes, sketch_batch
from nndesk.errors import ConfigError

#: no geometry, so shapes can be compared pixel for pixel
STILL = {
    "shift": 0.0, "rotate_degrees": 0.0, "scale": 0.0, "aspect": 0.0, "flare": 0.0, "refit": False,
    "mirror": 0.0,
}  # fmt: skip


def _textured_garment(n: int = 1) -> np.ndarray:
    """uint8 (n, 28, 28): a 16x12 block of stripes (texture 60..255) on a black background."""
    img = np.zeros((n, 28, 28), np.uint8)
    rows = np.arange(6, 22)
    img[:, 6:22, 8:20] = np.where(rows % 2 == 0, 255, 60)[None, :, None]
    return img


def test_a_ring_gets_its_hole_filled_and_an_open_ring_does_not():
    ring = np.zeros((2, 28, 28), bool)
    ring[:, 5:20, 5:20] = True
    ring[:, 8:17, 8:17] = False
    ring[1, 12, 17:20] = False  # a gap through the wall: the inside is reachable from outside
    filled = fill_holes(ring)
    assert filled[0, 5:20, 5:20].all() and filled[0].sum() == 15 * 15
    assert not filled[1, 10, 10]
    assert np.array_equal(filled[1], ring[1])


def test_filled_sketches_are_flat_silhouettes_of_the_garment():
    images = _textured_garment(4)
    s = SketchStrengths(share=1.0, outline=0, scribble=0, grey=(1.0, 1.0), **STILL)
    out = sketch_batch(images, np.random.default_rng(0), s)
    assert out.shape == images.shape and out.dtype == np.uint8
    inside = out[:, 6:22, 8:20]
    assert (inside == 255).all()  # texture gone: one flat level over the whole block
    assert (out[:, :5] == 0).all() and (out[:, :, :7] == 0).all()  # background stays


def test_outlines_keep_the_border_and_empty_the_inside():
    images = _textured_garment(3)
    s = SketchStrengths(share=1.0, filled=0, scribble=0, details=0, pen=(1, 2), **STILL)
    out = sketch_batch(images, np.random.default_rng(1), s)
    for img in out:
        assert img[14, 14] == 0  # the middle of the block is empty
        assert img[14, 8] == 255 or img[14, 7] == 255  # the left border is drawn
        assert img[6, 14] == 255 or img[5, 14] == 255  # and the top one
        ink = int((img > 0).sum())
        assert 40 < ink < 16 * 12  # a frame, far less than the filled block


def test_scribbles_leave_gaps_inside_and_stay_inside_the_silhouette():
    images = _textured_garment(8)
    s = SketchStrengths(share=1.0, filled=0, outline=0, details=0, pen=(1, 1), **STILL)
    out = sketch_batch(images, np.random.default_rng(2), s)
    core = out[:, 8:20, 10:18] > 0
    covered = core.mean(axis=(1, 2))
    assert (covered > 0.2).all() and (covered < 0.9).all()  # strokes, with gaps between them
    assert (out[:, :4] == 0).all() and (out[:, 24:] == 0).all()


def test_share_decides_how_many_images_are_redrawn_and_the_rest_stay_untouched():
    images = np.tile(_textured_garment(), (400, 1, 1))
    out = sketch_batch(images, np.random.default_rng(3), SketchStrengths(share=0.25))
    changed = np.array([not np.array_equal(a, b) for a, b in zip(images, out, strict=True)])
    assert 0.18 < changed.mean() < 0.32
    untouched = sketch_batch(images[:5], np.random.default_rng(3), SketchStrengths(share=0.0))
    np.testing.assert_array_equal(untouched, images[:5])


def test_the_same_generator_state_gives_the_same_batch_and_another_differs():
    images = np.tile(_textured_garment(), (32, 1, 1))
    a = sketch_batch(images, np.random.default_rng(7))
    b = sketch_batch(images, np.random.default_rng(7))
    c = sketch_batch(images, np.random.default_rng(8))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def test_normalised_rows_keep_their_background_and_range():
    """Training batches are (n, 784) floats in [-1, 1]; sketches use the same two levels."""
    rows = _textured_garment(16).reshape(16, -1).astype(np.float32) / 127.5 - 1.0
    s = SketchStrengths(share=1.0, grey=(1.0, 1.0), refit=False)
    out = sketch_batch(rows, np.random.default_rng(5), s)
    assert out.shape == rows.shape and out.dtype == np.float32
    assert out.min() >= -1.0 - 1e-6 and out.max() <= rows.max() + 1e-6
    assert np.allclose(out[:, 0], -1.0)  # the corner stays background


@pytest.mark.parametrize(
    "bad",
    [
        {"share": 1.5},
        {"filled": 0, "outline": 0, "scribble": 0},
        {"pen": (3, 1)},
        {"threshold": (0.5, 0.2)},
        {"grey": (0.0, 1.0)},
        {"scale": 1.0},
        {"aspect": -0.1},
        {"flare": 1.5},
    ],
)
def test_strengths_out_of_range_are_refused(bad):
    with pytest.raises(ConfigError):
        sketch_batch(_textured_garment(), np.random.default_rng(0), SketchStrengths(**bad))


def _ink_box(img: np.ndarray) -> tuple[int, int, int, int]:
    rows, cols = np.flatnonzero((img > 64).any(axis=1)), np.flatnonzero((img > 64).any(axis=0))
    return rows[0], rows[-1], cols[0], cols[-1]


def test_refit_frames_a_drawing_like_preprocess_longest_side_28_and_centred():
    """The 16x12 block, filled flat, fills the frame's height and sits in the middle."""
    images = _textured_garment(3)
    s = SketchStrengths(share=1.0, outline=0, scribble=0, grey=(1.0, 1.0), **STILL)
    out = sketch_batch(images, np.random.default_rng(0), dataclasses.replace(s, refit=True))
    for img in out:
        top, bottom, left, right = _ink_box(img)
        assert top <= 1 and bottom >= 26  # longest side (the height) spans the frame
        assert 19 <= right - left + 1 <= 23  # 12 wide scaled by 28/16 = 21
        assert abs((left + right) / 2 - 13.5) <= 1.0  # centred


def test_flare_widens_the_hem_against_the_shoulders_and_aspect_changes_the_width():
    images = _textured_garment(40)
    s = SketchStrengths(share=1.0, outline=0, scribble=0, grey=(1.0, 1.0), **STILL)
    flared = sketch_batch(images, np.random.default_rng(1), dataclasses.replace(s, flare=0.8))
    top_width = (flared[:, 7] > 128).sum(axis=1)
    hem_width = (flared[:, 20] > 128).sum(axis=1)
    assert (hem_width > top_width).any() and (hem_width < top_width).any()  # both ways
    assert np.abs(hem_width - top_width).max() >= 4
    stretched = sketch_batch(images, np.random.default_rng(2), dataclasses.replace(s, aspect=0.5))
    widths = (stretched[:, 14] > 128).sum(axis=1)
    assert widths.min() <= 10 and widths.max() >= 14  # 12 wide, stretched both ways
    assert ((stretched[:, 7] > 128).sum(axis=1) == widths).all()  # no flare: straight sides


def test_mirror_turns_a_shoe_that_faces_left_to_face_right():
    """A boot-like L (leg on the right, toe to the left) drawn flat is turned with mirror=1."""
    images = np.zeros((2, 28, 28), np.uint8)
    images[:, 4:24, 16:24] = 200  # the leg
    images[:, 16:24, 4:24] = 200  # the foot, toe to the left
    s = SketchStrengths(share=1.0, outline=0, scribble=0, grey=(1.0, 1.0), **STILL)
    kept = sketch_batch(images, np.random.default_rng(0), s)
    turned = sketch_batch(images, np.random.default_rng(0), dataclasses.replace(s, mirror=1.0))
    np.testing.assert_array_equal(kept[:, 4:16, 16:24] > 0, True)
    np.testing.assert_array_equal(turned, kept[:, :, ::-1])
