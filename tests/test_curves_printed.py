"""Exported curves are dark on white whatever the window's theme (lab56: Runs > Export PNG in the
dark theme wrote a dark-grey figure with light text, for a student's printed report)."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from nndesk.curves import plot_overlay, save_curves_png
from nndesk.curves.printed import chart_colours_now, recolour_for_print
from nndesk.ui.theme import DARK, chart_rc
from nndesk.viz import PRINT_RC
from tests.test_runs import two_epoch_curves


def _pixels(path) -> np.ndarray:
    import matplotlib.image

    return (matplotlib.image.imread(path)[..., :3] * 255).round().astype(int)


def _near(pixels: np.ndarray, colour: str, within: int = 3) -> np.ndarray:
    target = np.array(to_rgb(colour)) * 255
    return (np.abs(pixels - target) <= within).all(axis=-1)


@pytest.mark.parametrize("n_runs", [1, 2])
def test_curves_exported_in_the_dark_theme_are_dark_on_white(tmp_path, n_runs):
    runs = [(f"run {i}", two_epoch_curves()) for i in range(n_runs)]
    with matplotlib.rc_context(chart_rc(DARK)):
        path = save_curves_png(runs, tmp_path / "curves.png")
        # the window's charts go on in their theme's colours
        assert to_hex(matplotlib.rcParams["text.color"]) == DARK.window_text
    pixels = _pixels(path)
    assert _near(pixels, "#ffffff").mean() > 0.8  # the page and the plots are white
    for dark_theme_colour in (DARK.window, DARK.base):
        assert _near(pixels, dark_theme_colour, 1).sum() == 0, dark_theme_colour
    ink = (pixels.max(axis=-1) < 60).sum()  # the titles', ticks' and legend's dark text
    assert ink > 500


def test_a_figure_recoloured_for_print_keeps_no_colour_of_the_dark_theme():
    """Every text, its frames and the legend's muted "validation"/"train" keys; the runs'
    own line colours stay."""
    with matplotlib.rc_context(chart_rc(DARK)):
        drawn_in = chart_colours_now()
        fig = Figure()
        axes = fig.subplots(1, 3)
        plot_overlay(*axes, [("a", two_epoch_curves()), ("b", two_epoch_curves())], outside=True)
        run_colours = {to_hex(line.get_color()) for line in axes[1].lines}
        recolour_for_print(fig, drawn_in)
        fig.canvas.draw()  # the ticks are made now, after the recolouring
        texts = [t for t in fig.findobj(Text) if t.get_text()]
        lines = fig.findobj(Line2D)
    theme = {DARK.window, DARK.base, DARK.window_text, DARK.muted, DARK.mid, DARK.grid}
    assert not {to_hex(t.get_color()) for t in texts} & theme
    assert not {to_hex(line.get_color()) for line in lines} & theme - {DARK.grid}
    assert to_hex(fig.get_facecolor()) == PRINT_RC["figure.facecolor"]
    assert all(to_hex(ax.get_facecolor()) == PRINT_RC["axes.facecolor"] for ax in axes)
    assert run_colours <= {to_hex(line.get_color()) for line in axes[1].lines}


def test_one_runs_exported_key_keeps_clear_of_the_batch_plots_title(tmp_path, monkeypatch):
    """The one-run PNG laid its key out unmeasured, in one row over "Loss per batch"."""
    saved = []
    real_savefig = Figure.savefig

    def savefig(fig, *args, **kwargs):
        saved.append(fig)
        return real_savefig(fig, *args, **kwargs)

    monkeypatch.setattr(Figure, "savefig", savefig)
    save_curves_png([("ReLU", two_epoch_curves())], tmp_path / "curves.png")
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = saved[0]
    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    key = ax.get_legend().get_window_extent(renderer)
    title = ax.title if ax.title.get_text() else ax._left_title
    assert title.get_text()
    assert not key.overlaps(title.get_window_extent(renderer))
