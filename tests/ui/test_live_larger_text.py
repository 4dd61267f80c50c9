"""The Train page's Live curves at View > Text size > Larger on a projector's 1024x768: the
chart grows past its least height for its plots (the page scrolls), and the key goes above
the batch plot's title when it does not fit beside it (walk61 D1: 35-40 px plots, the key in
one column of four rows, the y labels dropped)."""

from __future__ import annotations

import pytest

from nndesk import i18n
from nndesk.curves.key import PLOT_LEAST_HEIGHT, least_chart_height
from nndesk.ui import live_page, text_size
from tests.ui import test_training_panel
from tests.ui.test_training_panel import make_panel

WORDS = {
    "mean of nearby batches": "trung bình các batch lân cận",
    "train": "huấn luyện",
    "validation": "kiểm định",
    "Loss per batch": "Mất mát theo batch",
    "loss": "mất mát",
}


@pytest.fixture
def tiny_dataset(tiny_idx_dir):
    """The Train page tests' small MNIST (their fixture, under its own name here)."""
    return test_training_panel.tiny_dataset.__wrapped__(tiny_idx_dir)


def plot_heights(panel) -> list[float]:
    """The three plots' heights on screen (logical px), as last drawn."""
    ratio = panel.plot.canvas.devicePixelRatioF() or 1
    return [ax.bbox.height / ratio for ax in panel.live.axes]


@pytest.mark.parametrize("width", [470, 400])
def test_at_larger_text_a_short_train_page_keeps_its_plots_readable(
    qtbot,
    qapp,
    tiny_dataset,
    tmp_path,
    normal_text_after,
    width,
):
    """470 px: the Train page beside the drawing at 1024x768; 400: narrower, the key takes
    four rows even above the title, and the chart grows past its least for its plots: of
    Normal's least (80 px, walk68 D2: the zoomed 100 px kept the per-epoch plots below the
    fold at 1024x768 during a run), their tick labels apart."""
    previous = i18n._display
    i18n.set_display(lambda text: WORDS.get(text, text))
    try:
        panel = make_panel(qtbot, tmp_path, lambda name: tiny_dataset)
    finally:
        i18n._display = previous
    text_size.apply_text_size(qapp, "larger")
    panel.coach.reserve()  # the coach's box, as after the page's first run
    # the Train page beside the drawing in a 1024x768 window: narrow (Settings is a tab) and
    # short, its lines above the tabs as a run shows them
    panel.setFixedSize(width, 560)
    tabs = panel.tabs
    qtbot.waitUntil(lambda: tabs.indexOf(panel.settings) >= 0)
    tabs.setCurrentWidget(panel.live_page)
    qtbot.waitUntil(panel.plot.isVisible)
    canvas = panel.plot.canvas
    drawn: list[tuple[int, float]] = []  # each draw: the canvas's height, the shortest plot
    canvas.mpl_connect(
        "draw_event", lambda _e: drawn.append((canvas.height(), min(plot_heights(panel))))
    )
    panel.plot.draw_now()
    least = PLOT_LEAST_HEIGHT * live_page.plots_least_zoom()
    assert least == PLOT_LEAST_HEIGHT  # at Larger text, Normal's

    def readable() -> bool:
        # drawn at the canvas's height now, after the key was fitted to its width: the chart
        # grows for its plots (a draw at the new height follows the first)
        ratio = canvas.devicePixelRatioF() or 1
        laid_out = abs(canvas.figure.bbox.height / ratio - canvas.height()) < 1
        return (
            bool(drawn)
            and laid_out
            and drawn[-1][0] == canvas.height()
            and drawn[-1][1] >= least - 1
        )

    qtbot.waitUntil(readable, timeout=60000)
    # the tabs hold the grown chart whole: the page scrolls instead of squeezing it
    assert panel.tabs.minimumHeight() >= panel.live_page.minimumSizeHint().height()
    ax_batch = panel.live.axes[0]
    assert ax_batch.yaxis.label.get_visible()  # "mất mát" no longer dropped
    renderer = panel.plot.canvas.get_renderer()
    if width == 470:  # (the page's room leaves the plots at about their least)
        assert min(plot_heights(panel)) < least + 8, plot_heights(panel)
    for ax in panel.live.axes:  # readable there: the ticks' labels at the larger text, apart
        _check_tick_labels_apart(ax, renderer)
    key = ax_batch.get_legend().get_window_extent(renderer)
    title = ax_batch._left_title.get_window_extent(renderer)
    assert not key.overlaps(title) and not key.overlaps(ax_batch.bbox)
    if width == 470:
        assert panel.live._key_cols >= 2  # two rows above the title, not four beside it
    else:  # the key's rows taller than the chart's least leaves for them: the chart grew
        assert panel.plot.minimumHeight() > live_page.LIVE_CHART_LEAST_HEIGHT
    panel.shutdown()


def _check_tick_labels_apart(ax, renderer) -> None:
    """Two labels or more on ``ax``'s y axis, none over another."""
    low, high = sorted(ax.get_ylim())
    boxes = [
        label.get_window_extent(renderer)
        for tick, label in zip(ax.get_yticks(), ax.get_yticklabels(), strict=True)
        if label.get_visible() and label.get_text() and low <= tick <= high
    ]
    assert len(boxes) >= 2, ax.get_title(loc="left")
    boxes.sort(key=lambda box: box.y0)
    for below, above in zip(boxes, boxes[1:], strict=False):
        assert below.y1 <= above.y0, (ax.get_title(loc="left"), below, above)


def test_the_least_chart_height_gives_each_row_its_plots_least():
    # 300 px with 2 x 40 px plots: 220 px of key, titles and ticks; plots of 100 px need 420
    assert least_chart_height(300, (40, 40), 1.25, 300) == 420
    # a chart whose plots have room keeps the fixed least
    assert least_chart_height(300, (100, 100), 1.0, 300) == 300
