"""The charts' x ticks no more than their plots' width holds: on the Live tab at 1024x700 in
Vietnamese at Larger text the per-epoch plots are ~120 px wide, and their six ticks ran
together into "100200300400500" (verify67 #5)."""

from __future__ import annotations

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

#: (language, the chart's dpi: 96 times the text size's zoom, its width in px, the last epoch)
CASES = [
    ("vi", 120, 470, 500),  # 1024x700, Larger: the per-epoch plots ~120 px (vi35-live.png)
    ("vi", 120, 470, 12_000),  # "12.000": wider labels
    ("en", 120, 470, 5),  # a short run's few whole epochs
    ("en", 96, 470, 12_000),
    ("en", 96, 1000, 500),  # 1280x800, Normal: the window's whole width
    ("vi", 120, 1000, 12_000),
]


def _drawn_live(code: str, dpi: int, width_px: int, last_epoch: int):
    from nndesk.ui import language
    from nndesk.ui.live_page import live_figure

    assert language.use_language(code) == code
    try:
        fig, live = live_figure()
    finally:
        language.use_language("en")
    fig.set_dpi(dpi)
    fig.set_size_inches(width_px / dpi, 400 / dpi)
    canvas = FigureCanvasAgg(fig)
    for ax in live.axes:
        ax.set_xlim(0, last_epoch)
    canvas.draw()
    return canvas, live.axes


def _labels(canvas, ax):
    """The x tick labels drawn in ``ax``'s width, left to right: (text, extent)."""
    renderer = canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    shown = [
        (t.get_text(), t.get_window_extent(renderer))
        for t in ax.get_xticklabels()
        if t.get_visible() and t.get_text()
    ]
    shown = [(s, b) for s, b in shown if frame.x0 - 1 <= (b.x0 + b.x1) / 2 <= frame.x1 + 1]
    return sorted(shown, key=lambda sb: sb[1].x0)


@pytest.mark.parametrize(("code", "dpi", "width_px", "last_epoch"), CASES)
def test_x_tick_labels_never_run_together_and_a_wide_plot_keeps_its_ticks(
    qapp, code, dpi, width_px, last_epoch
):
    canvas, axes = _drawn_live(code, dpi, width_px, last_epoch)
    for ax in axes:
        labels = _labels(canvas, ax)
        gaps = [b.x0 - a.x1 for (_, a), (_, b) in zip(labels, labels[1:], strict=False)]
        assert all(gap >= 2 for gap in gaps), (ax.get_title(loc="left"), labels, gaps)
        assert len(labels) >= 2, (ax.get_title(loc="left"), labels)
        if ax.get_window_extent().width >= 400:  # room for six: as many as before
            assert len(labels) >= 5, (ax.get_title(loc="left"), labels)
