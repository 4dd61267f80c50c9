"""The Inside page's feature-map tiles, made in the prediction worker: every channel, in layer
order, each pixel of a map shown as a crisp block of its colour."""

from __future__ import annotations

import numpy as np

from nndesk import inside, inside_maps
from nndesk.data.normalize import Normalizer
from nndesk.nn.architecture import build_model


def _traced_cnn():
    model = build_model("784-c4-p-c6-p-10", rng=np.random.default_rng(0))
    image = np.zeros((28, 28), np.float32)
    image[4:24, 12:16] = 255.0
    return model, inside.trace(model, Normalizer("unit"), image, tuple("0123456789"))


def test_rows_follow_the_layers_with_the_first_filters_before_their_maps():
    model, tr = _traced_cnn()
    rows = inside_maps.render_rows(model, tr, tile=12)
    spatial = [o for o in tr.layers if o.values.ndim == 3]
    assert [r.kind for r in rows] == ["input", "filters"] + ["maps"] * (len(spatial) - 1)
    assert [r.layer for r in rows if r.kind != "filters"] == [o.index for o in spatial]
    for row, out in zip([r for r in rows if r.kind != "filters"], spatial, strict=True):
        assert row.shape == out.values.shape
        assert row.tiles.shape == (row.channels * 12, 12) and row.tiles.dtype == np.uint32
        assert row.tiles.flags.c_contiguous  # a QImage borrows it as it is
    assert rows[1].shape == (4, 3, 3)  # 4 filters of 3x3


def test_each_map_pixel_becomes_a_block_of_its_own_colour():
    model, tr = _traced_cnn()
    conv = next(o for o in tr.layers if o.name == "Conv2D")
    c, h, w = conv.values.shape  # (4, 28, 28)
    tile = 2 * h  # every map pixel is a 2x2 block
    row = next(r for r in inside_maps.render_rows(model, tr, tile=tile) if r.layer == conv.index)
    limit = float(np.max(np.abs(conv.values)))
    colours = inside_maps.colour_maps(conv.values, limit)  # (c, h, w, 4) RGBA
    r, g, b = (colours[..., k].astype(np.uint32) for k in range(3))
    words = 0xFF000000 | r << 16 | g << 8 | b  # Qt's Format_RGB32: 0xffRRGGBB
    tiles = row.tiles.reshape(c, tile, tile)
    for ch in (0, c - 1):
        np.testing.assert_array_equal(tiles[ch, ::2, ::2], words[ch])
        np.testing.assert_array_equal(tiles[ch, 1::2, 1::2], words[ch])
    # the strongest value is full red (positive) or blue (negative), a zero is near-white
    top = np.unravel_index(int(np.argmax(np.abs(conv.values))), conv.values.shape)
    full = (200, 40, 40) if conv.values[top] > 0 else (40, 90, 200)
    assert tuple(int(v) for v in colours[top][:3]) == full
    zero = inside_maps.colour_maps(np.zeros(1), 1.0)[0][:3].astype(int)
    assert np.all(np.abs(zero - 245) <= 2)


def test_the_input_row_is_the_drawing_in_grey():
    model, tr = _traced_cnn()
    row = inside_maps.render_rows(model, tr, tile=28)[0]
    assert row.kind == "input" and row.tiles.shape == (28, 28)
    grey = tr.image28.astype(np.uint32)
    np.testing.assert_array_equal(row.tiles, 0xFF000000 | grey << 16 | grey << 8 | grey)


def test_the_table_is_the_windows_own_diverging_colours():
    from nndesk.ui import qt_image

    expected = qt_image.diverging_opaque(np.linspace(-1.0, 1.0, 256), 1.0)
    np.testing.assert_array_equal(inside_maps.LUT, expected)
