"""Flood fill of canvas images (the paint-bucket tool), without Qt."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from nndesk.fill import changes, flood_fill, is_background, leaves_no_paper, region


def _ring(gap: bool = False) -> np.ndarray:
    img = Image.new("L", (280, 280), 0)
    draw = ImageDraw.Draw(img)
    draw.ellipse((50, 50, 230, 230), outline=255, width=8)
    if gap:
        draw.rectangle((130, 40, 150, 70), fill=0)
    return np.asarray(img)


def test_filling_inside_a_ring_fills_the_disc_and_its_antialiased_edge():
    ring = _ring()
    out = flood_fill(ring, 140, 140, 255)
    assert out is not None and out[140, 140] == 255 and out[70, 140] == 255
    assert out[20, 20] == 0 and out[140, 20] == 0  # outside untouched
    inner_edge = (ring > 0) & (ring < 255) & (np.hypot(*np.mgrid[:280, :280] - 140) < 85)
    assert (out[inner_edge] == 255).all()  # no grey halo left inside the outline


def test_a_gap_lets_the_fill_leak_and_a_diagonal_one_pixel_line_holds_it():
    leaked = flood_fill(_ring(gap=True), 140, 140, 255)
    assert leaked is not None and leaked[5, 5] == 255
    diagonal = np.zeros((20, 20), np.uint8)
    diagonal[np.arange(20), np.arange(20)] = 255  # a staircase: 4-connected fill cannot cross it
    filled = flood_fill(diagonal, 15, 2, 255)
    assert filled is not None and filled[2, 15] == 255 and filled[15, 2] == 0


def test_nothing_changes_when_the_region_already_has_the_colour_or_the_click_is_outside():
    ring = _ring()
    assert flood_fill(ring, 140, 54, 255) is None  # on the stroke
    assert flood_fill(np.zeros((10, 10), np.uint8), 3, 3, 0) is None
    assert flood_fill(ring, 300, 5, 255) is None


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.booleans(), min_size=64, max_size=64),
    st.integers(0, 7),
    st.integers(0, 7),
)
def test_the_region_is_the_four_connected_component_of_the_seed(cells, x, y):
    """Checked against a plain breadth-first search on random 8x8 images."""
    image = np.array(cells, bool).reshape(8, 8).astype(np.uint8) * 255
    want = np.zeros((8, 8), bool)
    same = (image >= 128) == (image[y, x] >= 128)
    todo = [(y, x)]
    while todo:
        r, c = todo.pop()
        if 0 <= r < 8 and 0 <= c < 8 and same[r, c] and not want[r, c]:
            want[r, c] = True
            todo += [(r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)]
    np.testing.assert_array_equal(region(image, x, y), want)


def test_a_fill_that_would_leave_no_paper_is_told_apart_from_one_inside_an_outline():
    """An empty canvas, or the inside of a ring with a gap, would be all ink after the fill
    (a model reads that as nothing drawn); inside a closed ring, or around it, paper is left."""
    assert leaves_no_paper(np.zeros((280, 280), np.uint8), 140, 140)
    assert leaves_no_paper(_ring(gap=True), 140, 140)
    assert not leaves_no_paper(_ring(), 140, 140)
    assert not leaves_no_paper(_ring(), 5, 5)  # around it: the inside stays paper
    assert not leaves_no_paper(_ring(), 140, 54)  # on the stroke: ink, never filled with ink
    assert not leaves_no_paper(_ring(), 300, 5)  # off the image


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.booleans(), min_size=64, max_size=64),
    st.integers(0, 7),
    st.integers(0, 7),
)
def test_leaves_no_paper_says_whether_the_ink_fill_would_leave_any_paper(cells, x, y):
    """On random black-and-white 8x8 images: exactly when an ink fill from a paper pixel would
    leave not one pixel of paper."""
    image = np.array(cells, bool).reshape(8, 8).astype(np.uint8) * 255
    filled = flood_fill(image, x, y, 255)
    if image[y, x] >= 128:
        assert filled is None and not leaves_no_paper(image, x, y)
    else:
        assert filled is not None
        assert leaves_no_paper(image, x, y) == bool((filled >= 128).all())


def test_the_paper_around_a_drawing_is_told_apart_from_the_inside_of_an_outline():
    assert is_background(_ring(), 5, 5)  # around the ring: every edge, the inside is left
    assert not is_background(_ring(), 140, 140)  # inside it
    assert not is_background(np.zeros((280, 280), np.uint8), 5, 5)  # no other paper: empty
    assert not is_background(_ring(gap=True), 5, 5)  # leaks inside: ``leaves_no_paper``'s
    assert not is_background(_ring(), 140, 54)  # on the stroke
    assert not is_background(_ring(), 300, 5)  # off the image
    split = np.zeros((280, 280), np.uint8)
    split[:, 138:142] = 255  # a line from top to bottom: each half reaches three edges only
    assert not is_background(split, 5, 5)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.booleans(), min_size=64, max_size=64),
    st.integers(0, 7),
    st.integers(0, 7),
)
def test_is_background_is_a_paper_region_on_every_edge_with_paper_left(cells, x, y):
    image = np.array(cells, bool).reshape(8, 8).astype(np.uint8) * 255
    around = region(image, x, y)
    left = (image < 128) & ~around
    on_edges = all(e.any() for e in (around[0], around[-1], around[:, 0], around[:, -1]))
    expected = image[y, x] < 128 and on_edges and bool(left.any())
    assert is_background(image, x, y) == expected


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.booleans(), min_size=64, max_size=64),
    st.integers(-1, 8),
    st.integers(-1, 8),
    st.sampled_from([0, 255]),
)
def test_the_region_found_once_gives_what_each_finding_it_again_gives(cells, x, y, value):
    """The canvas finds a click's region once and hands it to the refusals and the fill."""
    image = np.array(cells, bool).reshape(8, 8).astype(np.uint8) * 255
    if not changes(image, x, y, value):
        assert flood_fill(image, x, y, value) is None
        return
    around = region(image, x, y)
    assert leaves_no_paper(image, x, y, around) == leaves_no_paper(image, x, y)
    assert is_background(image, x, y, around) == is_background(image, x, y)
    assert np.array_equal(flood_fill(image, x, y, value, around), flood_fill(image, x, y, value))
