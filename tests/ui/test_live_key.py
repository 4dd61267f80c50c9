"""The Train page's live chart key at the width the page has beside the drawing."""

from __future__ import annotations

import pytest

from tests.ui import test_training_panel
from tests.ui.test_training_panel import make_panel


@pytest.fixture
def tiny_dataset(tiny_idx_dir):
    """The Train page tests' small MNIST (their fixture, under its own name here)."""
    return test_training_panel.tiny_dataset.__wrapped__(tiny_idx_dir)


def test_the_live_key_is_fitted_again_when_the_chart_is_narrowed(qtbot, tiny_dataset, tmp_path):
    """In Vietnamese at the Train page's 1024x700 width the key takes two rows clear of the
    title "Mất mát theo batch", inside the chart (probe 16d). It does not single out the
    resize hook: here the redraw after showing the Live tab fits the key too."""
    from nndesk import i18n

    words = {
        "mean of nearby batches": "trung bình các batch lân cận",
        "train": "huấn luyện",
        "validation": "kiểm định",
        "Loss per batch": "Mất mát theo batch",
    }
    previous = i18n._display
    i18n.set_display(lambda text: words.get(text, text))
    try:
        panel = make_panel(qtbot, tmp_path, lambda name: tiny_dataset)
    finally:
        i18n._display = previous
    panel.setFixedSize(900, 700)  # narrow: the settings become the first tab
    qtbot.waitUntil(lambda: panel.tabs.indexOf(panel.settings) >= 0)
    tabs = panel.tabs
    tabs.setCurrentIndex(
        next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(panel.plot))
    )
    qtbot.waitUntil(panel.plot.isVisible)
    panel.plot.draw_now()  # drawn at this width, then only resized
    panel.setFixedSize(560, 700)  # the Train page beside the drawing in a 1024x700 window
    fig = panel.plot.figure
    ax_batch = panel.live.axes[0]

    def key_clear() -> bool:
        if not panel.plot.isVisible() or panel.plot.canvas.width() > 600:
            return False
        renderer = panel.plot.canvas.get_renderer()
        key = ax_batch.get_legend().get_window_extent(renderer)
        title = ax_batch._left_title.get_window_extent(renderer)
        inside = fig.bbox.contains(key.x0, key.y0) and fig.bbox.contains(key.x1, key.y1)
        return inside and not key.overlaps(title) and not key.overlaps(ax_batch.bbox)

    qtbot.waitUntil(key_clear, timeout=60000)
    panel.shutdown()
