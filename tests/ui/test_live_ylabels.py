"""The Live chart's y-axis labels from their plots' tops down: on a low Train page the chart's
foot is a scroll away, and a label centred on its plot lost its first letter there ("ộ chính
xác" at 1024x700 under a tall coach box, walk67 #7)."""

from __future__ import annotations

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.ticker import PercentFormatter

from nndesk.curves.fitting import fit_ylabels


@pytest.mark.parametrize("code", ["en", "vi"])
def test_each_y_label_ends_level_with_its_plots_top_whatever_its_ticks(qapp, code):
    from nndesk.ui import language
    from nndesk.ui.live_page import live_figure

    assert language.use_language(code) == code
    try:
        fig, live = live_figure()
    finally:
        language.use_language("en")
    fig.set_dpi(100)
    fig.set_size_inches(5.2, 3.0)  # the Live chart at 1024x700: 520x300 px
    canvas = FigureCanvasAgg(fig)
    ax_acc = live.axes[2]
    for limits in ((0.0, 1.0), (0.9725, 0.98)):  # "97.25%" ticks move the label left
        ax_acc.set_ylim(*limits)
        ax_acc.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=2))
        canvas.draw()
        fit_ylabels(live.axes)
        canvas.draw()
        renderer = canvas.get_renderer()
        for ax in live.axes:
            plot = ax.get_window_extent(renderer)
            label = ax.yaxis.label
            drawn = label.get_window_extent(renderer)
            assert label.get_visible(), label.get_text()
            assert abs(drawn.y1 - plot.y1) <= 2, (label.get_text(), drawn, plot)
            assert drawn.y0 >= plot.y0 - 1 and drawn.x1 < plot.x0  # beside the plot, in it
            ticks = [t.get_window_extent(renderer) for t in ax.get_yticklabels() if t.get_text()]
            assert all(not drawn.overlaps(t) for t in ticks), label.get_text()
