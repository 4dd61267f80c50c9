"""viz functions draw what they claim on an Agg Axes."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.figure import Figure

from nndesk import viz


@pytest.fixture
def ax():
    return Figure(figsize=(4, 4)).add_subplot()


def test_confusion_colour_is_row_normalised_and_cells_show_counts(ax):
    cm = np.array([[8, 2, 0], [1, 1, 0], [0, 0, 0]])
    image = viz.plot_confusion(ax, cm, ["a", "b", "c"])
    np.testing.assert_allclose(image.get_array(), [[0.8, 0.2, 0], [0.5, 0.5, 0], [0, 0, 0]])
    texts = {(t.get_position(), t.get_text()) for t in ax.texts}
    assert ((1, 0), "2") in texts and ((0, 1), "1") in texts
    assert len(ax.texts) == 9
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b", "c"]


def test_confusion_highlight_outlines_one_cell(ax):
    viz.plot_confusion(ax, np.eye(3, dtype=int), ["a", "b", "c"], highlight=(2, 1))
    (patch,) = ax.patches
    assert patch.get_xy() == (0.5, 1.5)


def test_label_bar_has_one_bar_per_class_with_its_count(ax):
    bars = viz.plot_label_bar(ax, np.array([5, 0, 7]), ["x", "y", "z"])
    assert [b.get_height() for b in bars] == [5, 0, 7]


def test_label_pie_wedges_are_proportional(ax):
    wedges = viz.plot_label_pie(ax, np.array([1, 1, 2]), ["x", "y", "z"])
    spans = [abs(w.theta2 - w.theta1) for w in wedges]
    np.testing.assert_allclose(spans, [90, 90, 180], atol=1e-6)


def test_mosaic_places_each_image_in_its_cell():
    images = np.stack([np.full((2, 3), v, np.float32) for v in (1, 2, 3)])
    grid = viz.mosaic(images, ncols=2, gap=1, fill=9)
    assert grid.shape == (5, 7)
    assert grid[0, 0] == 1 and grid[0, 4] == 2 and grid[3, 0] == 3
    assert grid[2, 0] == 9 and grid[3, 4] == 9  # gap row and the empty fourth cell


def test_image_grid_captions_each_tile(ax):
    images = np.zeros((4, 28, 28), np.uint8)
    viz.plot_image_grid(ax, images, ncols=2, titles=["a", "b", "c", "d"])
    assert [t.get_text() for t in ax.texts] == ["a", "b", "c", "d"]


def _log_tick_labels(values) -> tuple[list[str], list[str]]:
    """The (major, minor) tick labels of a log axis through ``values``, as localise_ticks
    writes them."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from nndesk.viz import localise_ticks

    fig = Figure()
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.plot(range(len(values)), values)
    ax.set_yscale("log")
    localise_ticks(ax)
    fig.canvas.draw()
    major = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    minor = [t.get_text() for t in ax.yaxis.get_minorticklabels() if t.get_text()]
    return major, minor


def test_a_log_axis_writes_its_powers_of_ten_as_plain_text():
    """Chart text is not read as TeX (text.parse_math is off), so the log scale's own labels,
    "$\\mathdefault{10^{-1}}$", showed as that source text on the Inside tab's charts."""
    major, minor = _log_tick_labels([3e-5, 1e-4, 4e-4])
    assert "10⁻⁴" in major
    assert "2×10⁻⁴" in minor
    assert not any("$" in t or "mathdefault" in t for t in major + minor)


def test_a_log_axis_between_a_thousandth_and_ten_thousand_writes_plain_numbers():
    """A student reads "0.2" and "4" where "2×10⁻¹" and "4×10⁰" had to be worked out (walk45);
    major and minor ticks alike, so one axis never mixes the two ways."""
    major, minor = _log_tick_labels([0.3, 1.0, 4.0])
    assert "0.1" in major and "1" in major and "10" in major
    assert "0.2" in minor and "4" in minor
    assert not any("×" in t or "⁰" in t for t in major + minor)
    major, minor = _log_tick_labels([3e-3, 0.01, 0.02])
    assert "0.01" in major and "0.003" in minor


def test_plain_log_numbers_use_the_window_languages_marks(qapp):
    from nndesk.ui import language
    from nndesk.viz import plain_number

    assert language.use_language("vi") == "vi"
    try:
        assert [plain_number(x) for x in (0.6000000000000001, 2.0, 2000.0)] == ["0,6", "2", "2.000"]
    finally:
        language.use_language("en")
    assert [plain_number(x) for x in (0.003, 6.0, 2000.0)] == ["0.003", "6", "2,000"]


def test_counts_wider_than_their_cell_are_shrunk_to_fit():
    """A 1024 px window's matrix cell is ~25 px: "2664" at 10 pt showed as "66"."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = Figure(figsize=(3.2, 3.2), dpi=96)
    canvas = FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    cm = np.diag(np.full(10, 2664))
    cm[0, 1] = 7
    viz.plot_confusion(ax, cm, [str(i) for i in range(10)], title=None)
    canvas.draw()
    renderer = canvas.get_renderer()
    cell = ax.get_window_extent(renderer).width / 10
    assert max(t.get_window_extent(renderer).width for t in ax.texts) > cell  # too wide
    assert viz.fit_cell_counts(ax, cm, renderer)
    canvas.draw()
    assert max(t.get_window_extent(renderer).width for t in ax.texts) <= cell
    assert not viz.fit_cell_counts(ax, cm, renderer)  # nothing left to shrink


def test_counts_of_thousands_are_grouped_and_shortened_only_when_they_would_be_tiny():
    """In full ("2,664") while that reads at 6 pt or more; grouped by a thin space ("2 664",
    a little narrower) where that reads so (walk63: "1,1k" where the count fitted), then so
    with the diagonal's bold dropped (the replay at 1024 px read "2,4k": s64); "2.7k" only in
    a cell where none would; small counts are never shortened."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    cm = np.diag(np.full(10, 2664))
    cm[0, 1] = 7
    texts = {}
    for inches in (6.0, 4.0, 3.6, 3.0):
        fig = Figure(figsize=(inches, inches), dpi=96)
        canvas = FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        viz.plot_confusion(ax, cm, [str(i) for i in range(10)], title=None)
        canvas.draw()
        viz.fit_cell_counts(ax, cm, canvas.get_renderer())
        texts[inches] = ax.texts
    assert texts[6.0][0].get_text() == "2,664" and texts[6.0][1].get_text() == "7"
    assert texts[6.0][0].get_fontsize() >= viz.READABLE_COUNT_POINTS
    assert texts[4.0][0].get_text() == "2\u2009664" and texts[4.0][1].get_text() == "7"
    assert texts[4.0][0].get_fontsize() >= viz.FULL_FOUR_DIGITS_POINTS
    assert texts[4.0][0].get_fontweight() == "bold"  # the diagonal's, while it fits
    assert texts[3.6][0].get_text() == "2\u2009664" and texts[3.6][1].get_text() == "7"
    assert texts[3.6][0].get_fontweight() == texts[3.6][11].get_fontweight() == "normal"
    assert texts[3.6][0].get_fontsize() >= viz.LIGHT_FOUR_DIGITS_POINTS
    assert texts[3.0][0].get_text() == "2.7k" and texts[3.0][1].get_text() == "7"
    assert texts[3.0][0].get_fontsize() >= viz.LIGHT_FOUR_DIGITS_POINTS
    assert texts[3.0][0].get_fontweight() == "bold"  # lightened for nothing else


def test_at_the_larger_text_evaluates_counts_are_whole_where_they_read_as_at_the_normal(qapp):
    """walk63: at 1024x768 at the larger text Evaluate's 29 px cells read "1,1k" and "1,0k"
    on the diagonal; the count fits there at 6 pt on screen (4.9 of the figure's points,
    zoomed 1.25): it is written whole, grouped by a thin space, inside its cell."""
    from nndesk.confusion_figure import MatrixFigure
    from nndesk.ui import language

    cm = np.diag([978, 1130, 1027, 1008, 980, 885, 949, 1021, 970, 995]).astype(np.int64)
    cm[9, 4] = 8
    language.use_language("vi")
    try:
        figure = MatrixFigure(cm, [str(i) for i in range(10)], 380, 340, 1.0, zoom=1.25)
        figure.draw()
    finally:
        language.use_language("en")
    renderer = figure.renderer()
    assert figure.ax.get_window_extent(renderer).width / 10 < 30  # Evaluate's cells then
    assert figure.ax.texts[11].get_text() == "1\u2009130"
    assert "k" not in "".join(t.get_text() for t in figure.ax.texts)
    assert figure.counts_fit(renderer)
    on_screen = min(t.get_fontsize() for t in figure.ax.texts) * 1.25
    assert on_screen >= viz.FULL_FOUR_DIGITS_POINTS


def test_a_bold_count_is_shortened_only_when_the_plain_counts_beside_it_are():
    """A model that answers one class for everything: at 1024x700 its column of "1.000" held
    one "1,0k", the bold diagonal's (its bold is a little wider, so it fell under 6.5 pt)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    cm = np.zeros((10, 10), dtype=np.int64)
    cm[:, 9] = 1000
    for tenths in range(30, 61):
        fig = Figure(figsize=(tenths / 10, tenths / 10), dpi=96)
        canvas = FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        viz.plot_confusion(ax, cm, [str(i) for i in range(10)], title=None)
        # laid out as a draw lays it out (the cells' aspect), without painting the pixels a
        # quarter of this loop's time went to: the same counts, sizes and weights at all 31
        fig.draw_without_rendering()
        viz.fit_cell_counts(ax, cm, canvas.get_renderer())
        column = {ax.texts[r * 10 + 9].get_text() for r in range(10)}
        assert len(column) == 1, (tenths, column)


@pytest.mark.parametrize("code", ["en", "vi"])
def test_a_count_of_four_digits_is_written_whole_in_cells_of_a_1024_window(code, qapp):
    """A newcomer's walk: at 1024x700 Evaluate's cells are about 30 px and a column of 1000s
    read "1,0k" (a thousand with a decimal, beside full counts). Four digits fit there at 6 pt
    and over: they are written whole ("1.000" in Vietnamese), each inside its cell; only
    cells too small for that shorten them."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from nndesk.ui import language

    cm = np.zeros((10, 10), dtype=np.int64)
    cm[:, 9] = 1000
    cm[3, 3], cm[3, 9] = 1135, 0
    language.use_language(code)
    try:
        whole = {"en": "1,000", "vi": "1.000"}[code]
        for tenths in (41, 42, 45):  # cells of 30, 31 and 33 px
            fig = Figure(figsize=(tenths / 10, tenths / 10), dpi=96)
            canvas = FigureCanvasAgg(fig)
            ax = fig.add_subplot()
            viz.plot_confusion(ax, cm, [str(i) for i in range(10)], title=None)
            canvas.draw()
            renderer = canvas.get_renderer()
            viz.fit_cell_counts(ax, cm, renderer)
            cell = ax.get_window_extent(renderer).width / 10
            column = {ax.texts[r * 10 + 9].get_text() for r in range(10) if r != 3}
            assert column == {whole}, (tenths, column)
            assert ax.texts[33].get_text() == whole.replace("000", "135")
            canvas.draw()
            for text in ax.texts:
                assert text.get_fontsize() >= viz.FULL_FOUR_DIGITS_POINTS
                assert text.get_window_extent(renderer).width <= cell
    finally:
        language.use_language("en")


FASHION = [
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
]


@pytest.mark.parametrize(
    ("size", "side_by_side"),
    [((540, 440), False), ((800, 330), True), ((540, 300), True)],
    ids=["1024x700-stacked", "1280x800-side-by-side", "low-side-by-side"],
)
def test_ten_equal_classes_label_chart_texts_overlap_nothing_and_stay_whole(size, side_by_side):
    """Probe 16d: the pie's "10.0%" labels overlapped ("10.0%10.0%"), "Sneaker" was cut at the
    figure's edge, and the bars' ten "6,000" counts ran into each other."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(size[0] / 100, size[1] / 100), dpi=100, layout="constrained")
    canvas = FigureCanvasAgg(fig)
    if side_by_side:
        bar_ax, pie_ax = fig.subplots(1, 2, width_ratios=(3, 2))
    else:
        bar_ax, pie_ax = fig.subplots(2, 1)
    counts = np.full(10, 6000)
    viz.plot_label_bar(bar_ax, counts, FASHION)
    wedges = viz.plot_label_pie(pie_ax, counts, FASHION)
    canvas.draw()
    renderer = canvas.get_renderer()
    key = pie_ax.get_legend()
    assert [t.get_text() for t in key.get_texts()] == [f"{n}  10.0%" for n in FASHION]
    texts = [*key.get_texts(), *bar_ax.texts, *bar_ax.get_xticklabels()]
    texts += [pie_ax.title, pie_ax._left_title, bar_ax.title]
    boxes = [t.get_window_extent(renderer) for t in texts if t.get_text()]
    for text, box in zip([t for t in texts if t.get_text()], boxes, strict=True):
        inside = fig.bbox.contains(box.x0, box.y0) and fig.bbox.contains(box.x1, box.y1)
        assert inside, f"{text.get_text()!r} is cut by the figure's edge"
    # upright texts only: the slanted class names' boxes overlap though their letters do not
    upright = [t.get_window_extent(renderer) for t in [*key.get_texts(), *bar_ax.texts]]
    upright += [t.get_window_extent(renderer) for t in (pie_ax._left_title, bar_ax.title)]
    for i, a in enumerate(upright):
        for b in upright[i + 1 :]:
            assert not a.overlaps(b), "two texts of the chart overlap"
    key_box = key.get_window_extent(renderer)
    assert not any(key_box.overlaps(w.get_window_extent(renderer)) for w in wedges)


def test_a_long_class_name_is_broken_near_its_middle_for_a_compact_matrix():
    from nndesk.viz import two_lines

    assert two_lines("Áo thun/áo phông") == "Áo thun/\náo phông"  # the slash ends line one
    assert two_lines("Bốt cổ ngắn") == "Bốt\ncổ ngắn"
    assert two_lines("Giày thể thao") == "Giày\nthể thao"  # "thể thao" is one word
    assert two_lines("Áo len chui đầu") == "Áo len\nchui đầu"
    assert two_lines("Ankle boot") == "Ankle\nboot" and two_lines("T-shirt/top") == "T-shirt/\ntop"
    assert two_lines("Quần dài") == "Quần dài"  # short enough
    assert two_lines("Sandalwood") == "Sandalwood"  # nowhere to break


@pytest.mark.parametrize("tone", ["light", "dark"])
def test_the_mean_images_sit_on_the_page_with_no_bands_between_them(tone):
    """walk48: white (light) or grey (dark) bands ran between the Dataset page's mean images;
    the gaps between tiles are the page's colour, as is the theme switch's redraw."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.colors import to_hex
    from matplotlib.figure import Figure

    from nndesk.ui.theme import DARK, LIGHT, chart_rc, restyle_figure

    ours, other = (LIGHT, DARK) if tone == "light" else (DARK, LIGHT)

    def page_and_gaps(fig, ax):
        fig.canvas.draw()
        rgb = np.asarray(fig.canvas.buffer_rgba())[..., :3]
        x0, y0, x1, y1 = (int(v) for v in ax.get_images()[0].get_window_extent().extents)
        h = rgb.shape[0]
        band = rgb[h - y1 + 2 : h - y0 - 2, x0 + 2 : x1 - 2]
        page = np.array(matplotlib.colors.to_rgb(fig.get_facecolor())) * 255
        dark_tile = band.sum(axis=2) < 30
        # every pixel between the black tiles is the page's colour
        worst = np.abs(band[~dark_tile].astype(int) - page.round()).max()
        return worst, to_hex(fig.get_facecolor())

    with matplotlib.rc_context(chart_rc(other)):
        fig = Figure(figsize=(6, 3), dpi=100)
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        viz.plot_class_means(ax, np.zeros((10, 28, 28), np.float32), [str(i) for i in range(10)])
    with matplotlib.rc_context(chart_rc(ours)):
        for text in ax.texts:
            text.set_visible(False)  # the captions under the tiles are the page's text
        restyle_figure(fig, other, ours)
        worst, page = page_and_gaps(fig, ax)
    assert page == to_hex(ours.window) and worst <= 2


def test_charts_ignore_a_matplotlibrc_in_the_folder_nndesk_was_started_from(tmp_path):
    """matplotlib reads ./matplotlibrc first: a "figure.dpi: 100000" there made the window's
    chart draws fail with MemoryError tracebacks, and other keys restyled every chart."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "matplotlibrc").write_text(
        "figure.dpi: 100000\nsavefig.dpi: 100000\nfont.size: 1\nlines.linewidth: 40\n"
        "axes.facecolor: red\n",
        encoding="ascii",
    )
    code = (
        "import matplotlib, nndesk.viz\n"
        "from nndesk.curves import save_curves_png\n"
        "from nndesk.run_curves import Curves\n"
        "rc = matplotlib.rcParams\n"
        "print(rc['figure.dpi'], rc['savefig.dpi'], rc['font.size'], rc['lines.linewidth'],"
        " rc['axes.facecolor'])\n"
        "save_curves_png([('run', Curves())], 'curves.png')\n"
    )
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root), "MPLBACKEND": "Agg"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["100.0", "figure", "10.0", "1.5", "white"]
    assert (tmp_path / "curves.png").stat().st_size < 200_000


#: walk67's MNIST run at 97.5 %: Evaluate's diagonal, and the mistakes it named
WALK67_DIAGONAL = (962, 1124, 1003, 985, 958, 866, 935, 1001, 950, 973)


@pytest.mark.parametrize("zoom", [0.9, 1.0, 1.25])
@pytest.mark.parametrize("side", [250, 300, 350, 436])
def test_every_count_lies_clear_of_its_cells_lines_at_every_text_size(qapp, zoom, side):
    """walk67 #9: at Larger text (zoom 1.25) Evaluate's 25 px cells at 1024x700 held a bold
    "962" from line to line, touching its cell's left edge: counts were fitted to 0.9 of the
    cell, of which the line between cells took 1.7 px. Each count now lies inside its cell less
    that line, at every text size and in cells from 21 to 37 px."""
    from nndesk.confusion_figure import MatrixFigure
    from nndesk.ui import language

    cm = np.diag(WALK67_DIAGONAL).astype(np.int64)
    cm[4, 9], cm[7, 2], cm[9, 4], cm[0, 6] = 13, 12, 9, 5
    language.use_language("vi")
    try:
        figure = MatrixFigure(cm, [str(i) for i in range(10)], side, side, 1.0, zoom=zoom)
        figure.draw()
    finally:
        language.use_language("en")
    renderer = figure.renderer()
    box = figure.ax.get_window_extent(renderer)
    pitch = box.width / 10
    line = viz.GRID_POINTS * figure.figure.dpi / 72
    for index, text in enumerate(figure.ax.texts):
        column = index % 10
        left = box.x0 + column * pitch + line / 2  # the cell's inside, between its lines
        right = box.x0 + (column + 1) * pitch - line / 2
        drawn = text.get_window_extent(renderer)
        assert left < drawn.x0 and drawn.x1 < right, (text.get_text(), drawn, left, right)
    assert figure.counts_fit(renderer)
