"""The robustness figure: each damage's curve with one test image at each level beside it."""

from __future__ import annotations

import numpy as np
from matplotlib.image import AxesImage
from matplotlib.text import Text

from nndesk.robustness import LEVELS, DamageExample
from nndesk.robustness_figure import RIGHT, WRONG, figure_height, robustness_figure


def _examples(kind: str) -> list[DamageExample]:
    """An image per level of ``kind``, each its level's grey; wrong from the third level on."""
    return [
        DamageExample(np.full((28, 28), 40 * i, np.uint8), 1 if i < 2 else 0, 1)
        for i in range(len(LEVELS[kind]))
    ]


def test_each_damage_has_its_curve_and_a_strip_of_its_levels_images_with_the_answers():
    curves = {kind: [(level, 0.9) for level in levels] for kind, levels in LEVELS.items()}
    examples = {kind: _examples(kind) for kind in LEVELS}
    figure = robustness_figure(curves, examples, ["Zero", "One"], 1000, figure_height(len(curves)))
    figure.canvas.draw()
    curve_axes, strips = figure.axes[0::2], figure.axes[1::2]
    assert len(curve_axes) == len(strips) == len(LEVELS)
    for kind, ax, strip in zip(LEVELS, curve_axes, strips, strict=True):
        assert ax.get_lines() and len(ax.get_lines()[0].get_xdata()) == len(LEVELS[kind])
        shown = [im.get_array() for im in strip.get_children() if isinstance(im, AxesImage)]
        assert [int(a[0, 0]) for a in shown] == [40 * i for i in range(len(LEVELS[kind]))]
        texts = [t for t in strip.texts if isinstance(t, Text)]
        answers = [t for t in texts if "One" in t.get_text() or "Zero" in t.get_text()]
        assert [t.get_text() for t in answers[:3]] == ["One", "One", "✗ Zero"]
        assert [t.get_color() for t in answers[:3]] == [RIGHT, RIGHT, WRONG]
    noise_levels = [t.get_text() for t in strips[0].texts][0::2]
    assert noise_levels == ["0.00", "0.10", "0.20", "0.35", "0.50", "0.75"]  # std: the axis
    thickness = [t.get_text() for t in strips[3].texts][0::2]
    assert thickness == ["−1 px", "0 px", "1 px", "2 px", "3 px"]
    assert "true class: One" in figure._suptitle.get_text()
    # every image is whole inside the figure (none cut at its right edge or under the next row)
    renderer = figure.canvas.get_renderer()
    box = figure.bbox
    for strip in strips:
        for im in strip.images:
            extent = im.get_window_extent(renderer)
            assert box.x0 <= extent.x0 and extent.x1 <= box.x1 + 0.5, (extent, box)


def test_a_narrow_figure_puts_each_kinds_images_under_its_curve_big_enough_to_read():
    """At 1024 px with Larger text (the trust part ~450 px wide) the images beside the curves
    were ~38 px and their captions 5 points; under the curves they take the whole width."""
    curves = {kind: [(level, 0.9) for level in levels] for kind, levels in LEVELS.items()}
    examples = {kind: _examples(kind) for kind in LEVELS}
    width, zoom = 450, 1.25
    height = figure_height(len(curves), zoom, width)
    figure = robustness_figure(
        curves, examples, ["Áo thun/áo phông", "Áo len chui đầu"], width, height, 1.0, zoom
    )
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    curve_axes, strips = figure.axes[0::2], figure.axes[1::2]
    for ax, strip in zip(curve_axes, strips, strict=True):
        curve, images = ax.get_window_extent(renderer), strip.get_window_extent(renderer)
        assert images.y1 < curve.y0  # under it (y up)
        side = strip.images[0].get_window_extent(renderer).width  # px of the 450
        assert side >= 55, side
        # the captions keep "x-small" (scaled with the text), none shrunk to the least size
        assert min(t.get_fontsize() for t in strip.texts) > 5.5
    top = figure._suptitle.get_window_extent(renderer)
    assert top.y1 <= figure.bbox.y1 and top.y0 > curve_axes[0].title.get_window_extent(renderer).y1


def test_image_boxes_are_where_the_figure_draws_each_damaged_image():
    """fixI #1: the page turns a click into the image under it from these boxes; they must be
    the drawn images' own, wide and narrow (images under the curves), at larger text too."""
    from nndesk.robustness_figure import image_boxes

    curves = {kind: [(level, 0.9) for level in levels] for kind, levels in LEVELS.items()}
    examples = {kind: _examples(kind) for kind in LEVELS}
    for width, zoom in ((1000, 1.0), (450, 1.25), (700, 1.5)):
        height = figure_height(len(curves), zoom, width)
        figure = robustness_figure(curves, examples, ["Zero", "One"], width, height, 1.0, zoom)
        figure.canvas.draw()
        renderer = figure.canvas.get_renderer()
        px = figure.dpi / (96.0 * zoom)  # device px per figure px
        drawn = []
        for strip in figure.axes[1::2]:
            for im in strip.images:
                e = im.get_window_extent(renderer)
                drawn.append((e.x0 / px, height - e.y1 / px, e.width / px, e.height / px))
        boxes = image_boxes(list(curves), examples, width, zoom)
        assert [(kind, i) for kind, i, _ in boxes] == [
            (kind, i) for kind in LEVELS for i in range(len(LEVELS[kind]))
        ]
        assert len(drawn) == len(boxes)
        for (_kind, _i, box), seen in zip(boxes, drawn, strict=True):
            assert np.allclose(box, seen, atol=0.6), (width, zoom, box, seen)


def test_a_damage_is_named_with_its_level_and_unit():
    from nndesk.robustness_figure import damage_words

    assert damage_words("noise", 0.35) == "noise 0.35 std"
    assert damage_words("rotation", 15.0) == "rotation 15°"
    assert damage_words("thickness", -1.0) == "thickness −1 px"
    assert damage_words("occlusion", 14.0) == "patch 14 px"
