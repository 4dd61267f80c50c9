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


def test_the_confusion_png_is_drawn_without_switching_the_processs_chart_colours(
    tmp_path, monkeypatch
):
    """fix57b left: the confusion matrix's PNG set matplotlib's rcParams to the print colours
    (``rc_context``) while it was drawn, on the writer thread: a chart the GUI drew meanwhile
    (the Live plot, a Runs chart) took them. The theme's colours stay set throughout; the
    picture is dark on white all the same, its cells in the print scale."""
    from nndesk import export
    from nndesk.viz import DARK_INK, LIGHT_INK, count_colour
    from tests.test_evaluation import toy_result

    seen = []
    real_savefig = Figure.savefig

    def savefig(fig, *args, **kwargs):
        seen.append((fig, to_hex(matplotlib.rcParams["text.color"])))
        return real_savefig(fig, *args, **kwargs)

    monkeypatch.setattr(Figure, "savefig", savefig)
    with matplotlib.rc_context(chart_rc(DARK)):
        path = export.save_confusion_png(tmp_path / "confusion.png", toy_result())
    ((fig, text_then),) = seen
    assert text_then == DARK.window_text  # before: the print colours' #1b1b1b
    pixels = _pixels(path)
    assert tuple(pixels[1, 1]) == (255, 255, 255)
    for dark_theme_colour in (DARK.window, DARK.base):
        assert _near(pixels, dark_theme_colour, 1).sum() == 0, dark_theme_colour
    ax, image = fig.axes[0], fig.axes[0].images[0]
    assert image.get_cmap().name == "Blues"  # the light scale, on a white page
    counts = ax.texts
    assert {to_hex(t.get_color()) for t in counts} <= {DARK_INK, LIGHT_INK, "#5c6773"}
    for text in counts:  # each count's ink chosen for its cell, in the print scale
        c, r = (round(v) for v in text.get_position())
        cell = image.get_cmap()(image.norm(image.get_array()[r, c]))
        assert to_hex(text.get_color()) == to_hex(count_colour(cell, text.get_text() == "0"))
    others = [t for t in fig.findobj(Text) if t.get_text() and t not in counts]
    theme = {DARK.window, DARK.base, DARK.window_text, DARK.muted}
    assert others and not {to_hex(t.get_color()) for t in others} & theme


def test_texts_kept_out_of_the_recolouring_keep_their_ink():
    """A confusion matrix's counts are coloured for their cells: a theme whose text is white
    (the ink of a count on a dark cell) must not turn them into the print's dark text."""
    from nndesk.viz import chart_colours

    white_text = chart_colours("#000000", "#000000", "#808080", "#ffffff", "#404040")
    with matplotlib.rc_context(white_text):
        drawn_in = chart_colours_now()
        fig = Figure()
        ax = fig.add_subplot()
        count = ax.text(0, 0, "97", color="#ffffff")
        label = ax.text(1, 1, "a label")
        recolour_for_print(fig, drawn_in, keep=[count])
    assert to_hex(count.get_color()) == "#ffffff"
    assert to_hex(label.get_color()) == PRINT_RC["text.color"]
