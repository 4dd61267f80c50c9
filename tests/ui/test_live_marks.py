"""The Live chart's labels of settings changed while training: over the curves they mark."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.colors import to_rgb

from nndesk.curves.style import BATCH_COLOR
from nndesk.run_curves import Curves
from tests.test_runs import batch

WAIT_MS = 60_000  # a bound for a failure only: a condition met sooner ends the wait


def zigzag_curves() -> Curves:
    """Two epochs of batch losses between 0.1 and 2.0, the light band over the plot's whole
    height; the rate changed at epoch 0.5 and, twelve batches later, again."""
    curves = Curves()
    for e in (1, 2):
        for b in range(1, 201):
            curves.add_batch(batch(e, b, 200, 2.0 if b % 2 else 0.1))
    curves.add_lr_change(0.5, 0.01)
    curves.add_lr_change(0.56, 0.0005)
    return curves


def pixels_of(image: np.ndarray, box, colour: str) -> int:
    """How many pixels inside ``box`` (display coordinates, y up) are ``colour``."""
    height = image.shape[0]
    x0, x1 = int(np.ceil(box.x0)), int(np.floor(box.x1))
    y0, y1 = height - int(np.floor(box.y1)), height - int(np.ceil(box.y0))
    part = image[y0:y1, x0:x1, :3].astype(np.int16)
    want = np.array([round(255 * c) for c in to_rgb(colour)], np.int16)
    return int((np.abs(part - want).max(axis=2) <= 8).sum())


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_a_changes_label_is_drawn_over_the_batch_losses_and_other_marks(qtbot, qapp, theme_name):
    """walk57 D4: the batch losses ran through the label "tốc độ học 0,01" (its "t" hidden):
    drawn with the plot's background, the labels lay under the curves blitted over it."""
    from nndesk.ui import theme
    from nndesk.ui.live_page import LivePage

    theme.apply_theme(qapp, theme_name)
    try:
        curves = zigzag_curves()
        page = LivePage(lambda: curves, experiment=lambda: None, written=None)
        qtbot.addWidget(page)
        page.plot.setMinimumHeight(0)
        page.plot.setFixedSize(640, 360)
        page.show()
        page.live.set_span(1, 5)
        page.live.keep_loss_limits(((0.0, 2.0), (0.0, 2.0)))  # the band up to the top edge
        page.plot.request_draw(full=True)
        qtbot.waitUntil(lambda: page.plot.full_draw_count > 0, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not page.plot.draw_pending(), timeout=WAIT_MS)
        page.plot.request_draw()  # a blit of the lines, as while a run trains
        qtbot.waitUntil(lambda: not page.plot.draw_pending(), timeout=WAIT_MS)
        canvas = page.plot.canvas
        image = np.asarray(canvas.buffer_rgba())
        renderer = canvas.get_renderer()
        ax = page.live.axes[0]
        labels = [t for t in ax.texts if t.get_text().startswith("lr ")]
        assert len(labels) == 2
        # the band runs under both: its colour shows round them, not inside them
        band = pixels_of(image, ax.get_window_extent(renderer), BATCH_COLOR)
        assert band > 1000
        for label in labels:
            box = label.get_window_extent(renderer)
            assert pixels_of(image, box, BATCH_COLOR) == 0, label.get_text()
    finally:
        theme.apply_theme(qapp, "light")


def test_a_changes_label_box_takes_the_new_themes_plot_colour(qapp):
    """The label's box is the plot's colour: a light box on a dark plot after a switch."""
    from matplotlib.colors import to_rgba
    from matplotlib.figure import Figure

    from nndesk.curves import LiveCurves
    from nndesk.ui import theme

    theme.apply_theme(qapp, "light")
    figure = Figure()
    live = LiveCurves(*figure.subplots(1, 3))
    live.update(zigzag_curves())
    boxes = [t.get_bbox_patch() for t in live.axes[0].texts if t.get_text().startswith("lr ")]
    assert len(boxes) == 2
    theme.restyle_figure(figure, theme.LIGHT, theme.DARK)
    for box in boxes:
        assert to_rgba(box.get_facecolor())[:3] == to_rgba(theme.DARK.base)[:3]
