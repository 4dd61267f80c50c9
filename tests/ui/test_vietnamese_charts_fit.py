"""Charts in Vietnamese: keys over no data, titles inside their chart (its words run longer than
the English): the reliability plot's key sat over the bars of the low-confidence bins, the
Dataset samples title ran past its chart's edge at 1024x700."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from nndesk.trust_plots import plot_reliability
from tests.trust_summaries import synthetic_trust_summary
from tests.ui.conftest import shown_widget

WAIT_MS = 60_000  # a bound for a failure only: a condition met sooner ends the wait


@pytest.fixture
def vietnamese(qapp):
    from nndesk.ui import language

    assert language.use_language("vi") == "vi"
    yield
    language.use_language("en")


# the trust view's plots: side by side at 1280 px (each ~330x270), stacked at 1024 (~560x270)
@pytest.mark.parametrize("inches", [(3.4, 2.8), (5.8, 2.8), (2.8, 2.4)])
def test_the_reliability_key_lies_above_every_bar(vietnamese, inches):
    figure = Figure(figsize=inches, dpi=96, layout="constrained")
    canvas = FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    # a model right about every image however unsure: every bar, low bins included, at 1
    plot_reliability(ax, synthetic_trust_summary(0.12, accuracy_at=1.0))
    canvas.draw()
    renderer = canvas.get_renderer()
    key = ax.get_legend().get_window_extent(renderer)
    bars = [p.get_window_extent(renderer) for p in ax.patches]
    assert bars and max(b.height for b in bars) > 0
    assert not any(key.overlaps(b) for b in bars), (key, [b for b in bars if key.overlaps(b)])
    diagonal_top = ax.transData.transform((1.0, 1.0))[1]
    assert key.y0 >= diagonal_top - 1  # over no data at all: nothing is drawn above 1
    assert key.x1 <= ax.get_window_extent(renderer).x1 + 1  # and within the plot


def test_the_samples_title_stays_inside_its_chart_at_1024(vietnamese):
    """At 1024x700 the Dataset page's samples chart is ~380x420 px; the title centred on the
    tiles ran past its right edge ("…ngẫu nhiên mỗi lớ")."""
    from nndesk.data.registry import DATASETS
    from nndesk.ui.language import class_names_shown, translate
    from nndesk.viz import plot_image_grid

    for width in (380, 340):  # 340: the chart beside a wider first-images column
        figure = Figure(figsize=(width / 96, 452 / 96), dpi=96, layout="constrained")
        canvas = FigureCanvasAgg(figure)
        ax = figure.add_subplot()
        title = translate("DatasetView", "{n} random training images per class").format(n=10)
        assert "ngẫu nhiên" in title
        plot_image_grid(
            ax,
            np.zeros((100, 28, 28), np.uint8),
            ncols=10,
            row_labels=list(class_names_shown(DATASETS["fashion"].class_names)),
            title=title,
            gap=2,
        )
        canvas.draw()
        # the title as drawn: matplotlib wraps a wrap=True text only while drawing it
        ax.title.set_text(ax.title._get_wrapped_text())
        box = ax.title.get_window_extent(canvas.get_renderer())
        assert box.x0 >= 0 and box.x1 <= figure.bbox.width, (width, box)


@pytest.mark.parametrize("size", [(380, 320), (560, 480)])
def test_the_confusion_matrix_keeps_4_digit_counts_in_their_cells_and_names_apart(
    qtbot, vietnamese, size
):
    """The Train page's replay (~380x320 px) showed "5032" over its cell's edges and the
    slanted Vietnamese class names written over one another."""

    from nndesk.data.registry import DATASETS
    from nndesk.ui.confusion_view import ConfusionView
    from nndesk.ui.language import class_names_shown

    rng = np.random.default_rng(0)
    matrix = rng.integers(0, 700, (10, 10))
    np.fill_diagonal(matrix, [5032, 5854, 4902, 5396, 4959, 5710, 3070, 5623, 5838, 5728])
    view = ConfusionView()
    view.hint.hide()
    shown_widget(qtbot, view, size)
    view.set_matrix(matrix, class_names_shown(DATASETS["fashion"].class_names))

    def fitted() -> bool:
        renderer = view.renderer()
        box = view.ax.get_window_extent(renderer)
        cell = min(box.width, box.height) / 10
        counts_inside = all(t.get_window_extent(renderer).width <= cell for t in view.ax.texts)
        return counts_inside and _names_apart(view, renderer) and view.labels_fit(renderer)

    qtbot.waitUntil(view.current, timeout=WAIT_MS)  # drawn off the GUI thread, fitted
    assert fitted()
    assert min(t.get_fontsize() for t in view.ax.texts) >= 5


def test_the_confusion_matrix_fits_its_counts_again_when_the_window_narrows(qtbot, vietnamese):
    """Fitted once at 1280 px, the replay's counts kept their size when the window went to
    1024 px: "5192" ran over its cell's edges (the fitting stopped after the first draws)."""
    from nndesk.data.registry import DATASETS
    from nndesk.ui.confusion_view import ConfusionView
    from nndesk.ui.language import class_names_shown

    rng = np.random.default_rng(1)
    matrix = rng.integers(0, 700, (10, 10))
    np.fill_diagonal(matrix, [5192, 5854, 4902, 5396, 4959, 5710, 3070, 5623, 5838, 5728])
    view = ConfusionView()
    view.hint.hide()
    shown_widget(qtbot, view, (700, 600))
    view.set_matrix(matrix, class_names_shown(DATASETS["fashion"].class_names))
    qtbot.waitUntil(view.current, timeout=WAIT_MS)  # drawn off the GUI thread, fitted
    assert view.counts_fit() and view.labels_fit()

    def big_counts_points() -> float:
        return max(t.get_fontsize() for t in view.ax.texts if len(t.get_text()) >= 4)

    wide = big_counts_points()
    view.resize(380, 320)

    qtbot.waitUntil(lambda: view.canvas.width() <= 380 and view.current(), timeout=WAIT_MS)
    assert view.counts_fit() and view.labels_fit()
    assert big_counts_points() < wide
    view.resize(700, 600)  # and they grow back when there is room again
    qtbot.waitUntil(lambda: view.canvas.width() > 380 and view.current(), timeout=WAIT_MS)
    assert big_counts_points() == wide and view.counts_fit()


def test_mistake_tile_captions_in_vietnamese_are_whole(vietnamese):
    """Tiles elided "Bốt cổ …ắn 100%" and "đúng: Giày thể th…" at 8.5 pt, then (at 7 pt)
    still "Áo thun/...hông 99%": a caption gets a smaller font first (down to 7 pt), and a
    bold one still too wide is written regular, and then with its letters closer (the
    confidence has the bars' decimal: "Áo thun/áo phông 100,0%"). Every class's captions are
    whole."""
    from PySide6.QtGui import QFont, QFontMetrics

    from nndesk.data.registry import DATASETS
    from nndesk.ui.language import class_names_shown, percent, translate
    from nndesk.ui.mistakes_view import CAPTION_WIDTH, SMALLEST_CAPTION_POINTS, caption_font

    cut = []
    for name in class_names_shown(DATASETS["fashion"].class_names):
        for text, bold in (
            (f"{name} {percent(0.9996, 1)}", True),  # the widest confidence: "100,0%"
            (translate("MistakesView", "true: {name}").format(name=name), False),
        ):
            font = caption_font(text, CAPTION_WIDTH, bold)
            if QFontMetrics(font).horizontalAdvance(text) > CAPTION_WIDTH:
                cut.append(text)
            assert font.pointSizeF() >= SMALLEST_CAPTION_POINTS
    assert cut == []
    assert caption_font("Bốt cổ ngắn 100%", CAPTION_WIDTH, True).bold()  # bold while it fits
    at_first = QFont()
    at_first.setPointSizeF(7)
    at_first.setBold(True)
    assert QFontMetrics(at_first).horizontalAdvance("Áo thun/áo phông 100%") > CAPTION_WIDTH


def _fashion_matrix_view(qtbot, size, diagonal):
    from nndesk.data.registry import DATASETS
    from nndesk.ui.confusion_view import ConfusionView
    from nndesk.ui.language import class_names_shown

    rng = np.random.default_rng(2)
    matrix = rng.integers(0, 700, (10, 10))
    np.fill_diagonal(matrix, diagonal)
    view = ConfusionView()
    view.hint.hide()
    shown_widget(qtbot, view, size)
    return view, matrix, class_names_shown(DATASETS["fashion"].class_names)


def _on_screen_fitted(view) -> bool:
    """Counts inside their cells, slanted names apart and everything inside the figure."""

    renderer = view.renderer()
    return view.counts_fit(renderer) and _names_apart(view, renderer) and view.labels_fit(renderer)


def _names_apart(view, renderer) -> bool:
    """Slanted names a line apart; upright ones (numbered columns) not running together."""
    import math

    name = view.ax.get_xticklabels()[0]
    if name.get_rotation() % 180 == 0:
        return not view.names_overlap(renderer)
    box = view.ax.get_window_extent(renderer)
    line = name.get_fontsize() * view.figure.dpi / 72  # a line of slanted names' height
    return box.width / 10 * math.sin(math.radians(name.get_rotation())) >= line


@pytest.mark.parametrize("size", [(380, 320), (560, 480)])
def test_every_draw_of_the_confusion_matrix_is_already_fitted(qtbot, vietnamese, size):
    """Under load the replay showed 10 pt names and counts over their cells' edges for 2-4 s:
    the matrix was fitted by further draws after the first one was on screen."""
    view, matrix, names = _fashion_matrix_view(qtbot, size, [5032, 5854, 4902, 5396, 4959] * 2)
    painted = []  # at each picture put on the canvas: whether what it shows is fitted

    def check_shown():
        if view.matrix() is not None:
            painted.append(_on_screen_fitted(view))

    view.drawn.connect(check_shown)
    view.set_matrix(matrix, names)
    qtbot.waitUntil(lambda: bool(painted), timeout=WAIT_MS)
    assert all(painted), painted
    view.resize(size[0] - 60, size[1] - 40)  # and after a resize
    count = len(painted)
    qtbot.waitUntil(lambda: len(painted) > count, timeout=WAIT_MS)
    assert all(painted), painted


@pytest.mark.parametrize("code", ["vi", "en"])
def test_matrix_counts_are_grouped_as_the_window_groups_digits(qtbot, code):
    """Counts of thousands read "5032" in a window that writes "5.032" (Vietnamese) or
    "5,032" (English) everywhere else; in a narrow cell they are grouped by a thin space ("5
    032"; it read "5,0k", s64: the columns numbered and the diagonal's bold dropped make them
    room) rather than written in a 5 pt font (test_viz: shortened where nothing else fits)."""
    from nndesk.ui import language
    from nndesk.viz import FULL_FOUR_DIGITS_POINTS, READABLE_COUNT_POINTS

    language.use_language(code)
    try:
        group = "." if code == "vi" else ","
        shown = {}
        for size in ((900, 800), (380, 320)):  # the Evaluate page at 1280; the replay
            view, matrix, names = _fashion_matrix_view(qtbot, size, [5032] * 10)
            view.set_matrix(matrix, names)
            qtbot.waitUntil(view.current, timeout=WAIT_MS)  # drawn off the GUI thread
            assert _on_screen_fitted(view)
            shown[size] = view.ax.texts[0]
            assert view.ax.texts[1].get_text() == str(matrix[0, 1])  # under 1000: as it is
        assert shown[(900, 800)].get_text() == f"5{group}032"
        assert shown[(380, 320)].get_text() == "5\u2009032"
        assert shown[(900, 800)].get_fontsize() >= READABLE_COUNT_POINTS
        # "5.032" fitted only at 4.7 pt in the replay's cells (written at 5 pt, over the edges)
        assert shown[(380, 320)].get_fontsize() >= FULL_FOUR_DIGITS_POINTS
    finally:
        language.use_language("en")


def test_the_replay_at_1024_gives_its_counts_room_by_numbering_the_columns(qtbot, vietnamese):
    """In a 1024 px window the replay's matrix had 20 px cells and its "2,4k" at 5.4 pt: the
    slanted Vietnamese names took a third of the room. Where the counts would be under the
    readable size the columns are numbered in the rows' order and long row names take two
    lines; the cells grew to 25 px and every count is readable, and whole (s64: "2 380" in
    the regular weight, not "2,4k"). With room, names as before."""
    from nndesk.data.registry import DATASETS
    from nndesk.replay import ReplayRecord
    from nndesk.ui.replay_view import ReplayView
    from nndesk.viz import LIGHT_FOUR_DIGITS_POINTS

    record = ReplayRecord(class_names=tuple(DATASETS["fashion"].class_names))
    rng = np.random.default_rng(0)
    matrix = rng.integers(0, 400, (10, 10))
    np.fill_diagonal(matrix, rng.integers(2000, 2950, 10))  # a 50% validation split's counts
    record.add(1, matrix)
    view = shown_widget(qtbot, ReplayView(), (540, 380))  # the replay tab in a 1024x700 window
    view.show_record(record)
    matrix_view = view.confusion

    def fitted() -> bool:
        renderer = matrix_view.renderer()
        return matrix_view.counts_fit(renderer) and matrix_view.labels_fit(renderer)

    qtbot.waitUntil(matrix_view.current, timeout=60000)  # drawn off the GUI thread
    assert fitted()
    assert matrix_view.compact()
    points = [t.get_fontsize() for t in matrix_view.ax.texts]
    assert min(points) >= LIGHT_FOUR_DIGITS_POINTS, sorted(points)[:3]
    assert not any("k" in t.get_text() for t in matrix_view.ax.texts)
    rows = [t.get_text() for t in matrix_view.ax.get_yticklabels()]
    assert rows[0] == "Áo thun/\náo phông" and rows[1] == "Quần dài"
    assert matrix_view.ax.get_xlabel() == "Lớp dự đoán (đánh số như các hàng)"
    assert _names_apart(matrix_view, matrix_view.renderer())
    # a cell says what it is on hover: its columns have no names here
    center = matrix_view.cell_center(0, 6)
    qtbot.mouseMove(matrix_view.canvas, center)
    qtbot.waitUntil(lambda: bool(matrix_view.canvas.toolTip()), timeout=5000)
    assert matrix_view.canvas.toolTip().startswith("đúng là Áo thun/áo phông, dự đoán Áo sơ mi: ")
    # with room (a 1280 px window's replay) the columns are named again
    view.resize(900, 620)
    qtbot.waitUntil(
        lambda: matrix_view.canvas.width() > 500 and matrix_view.current(), timeout=60000
    )
    assert not matrix_view.compact() and fitted()
    assert matrix_view.ax.get_xticklabels()[0].get_text() == "Áo thun/áo phông"


@pytest.mark.parametrize("size", [(540, 380), (760, 420)], ids=["1024", "1280"])
def test_the_train_pages_inside_charts_keep_their_titles_whole(vietnamese, size):
    """At 1024 px "Trọng số: hiện tại (liền) và lúc đầu (đứt nét)" ran past the chart's left
    edge ("rọng số: …"): the histogram's title is wider than its column in Vietnamese."""
    import math

    import matplotlib.text
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from nndesk.inside_plots import draw_inside
    from nndesk.training.internals import InsideRecord, InsideSample, LayerSample
    from tests.ui.test_layout import _out_of_view_tick_labels

    samples = [
        InsideSample(x, (LayerSample(1.0 / (1 + x), 1e-3, math.nan),) * 2) for x in (0.5, 1.0)
    ]
    record = InsideRecord(["Dense 784→32", "Dense 32→10"], samples)
    figure = Figure(figsize=(size[0] / 96, size[1] / 96), dpi=96, layout="constrained")
    canvas = FigureCanvasAgg(figure)
    draw_inside(figure, record)
    canvas.draw()
    renderer, frame = canvas.get_renderer(), figure.bbox
    hidden = _out_of_view_tick_labels(figure)  # never drawn
    cut = []
    for text in figure.findobj(matplotlib.text.Text):
        if id(text) in hidden or not text.get_visible() or not text.get_text().strip():
            continue
        box = text.get_window_extent(renderer)
        if box.x0 < -1 or box.x1 > frame.width + 1 or box.y0 < -1 or box.y1 > frame.height + 1:
            cut.append(text.get_text())
    assert cut == [], cut


@pytest.mark.parametrize("layers", [2, 6])
@pytest.mark.parametrize("size", [(540, 380), (760, 420)], ids=["1024", "1280"])
def test_the_train_pages_inside_layer_key_lies_over_no_chart(vietnamese, size, layers):
    """The layers' key sat in the gradient-norm chart (``loc="best"``), over its curves at
    1280 and 1024 px (walk w22c): it now stands above the three charts it keys, inside the
    figure, in as few rows as fit."""
    from nndesk.inside_plots import draw_inside
    from nndesk.layer_words import layer_label_shown
    from nndesk.training.internals import InsideRecord, InsideSample, LayerSample

    names = [f"Dense {i + 1}" for i in range(layers)]
    samples = [
        InsideSample(x, tuple(LayerSample(1 / (1 + x + j), 1e-3, 0.1) for j in range(layers)))
        for x in (0.5, 1.0, 1.5, 2.0)
    ]
    figure = Figure(figsize=(size[0] / 96, size[1] / 96), dpi=96, layout="constrained")
    canvas = FigureCanvasAgg(figure)
    draw_inside(figure, InsideRecord(names, samples))
    canvas.draw()
    renderer = canvas.get_renderer()
    # no layer key inside a chart; the one key in a chart names its dotted line (walk53)
    assert [ax.get_gid() for ax in figure.axes if ax.get_legend()] == ["update_ratio"]
    (legend,) = figure.legends
    assert [t.get_text() for t in legend.get_texts()] == [layer_label_shown(name) for name in names]
    key = legend.get_window_extent(renderer)
    assert figure.bbox.contains(key.x0, key.y0) and figure.bbox.contains(key.x1, key.y1)
    for ax in figure.axes:
        assert not key.overlaps(ax.get_tightbbox(renderer)), ax.get_title()
    assert key.height < 0.12 * size[1]  # one row (two layers) or two (six), not a column


@pytest.mark.parametrize("record", ["_walk_record", "_one_decade_record"])
@pytest.mark.parametrize("size", [(320, 240), (320, 400), (370, 330), (390, 400), (400, 260)])
def test_a_narrow_inside_picture_keeps_every_title_whole(vietnamese, size, record):
    """At 400 px and less (the picture's least is 320x240) the histogram's title, already on
    two lines, still ran 0.4 to 11 px past the picture's left edge ("Trọng số: hiện tại
    (liền)" is wider than its column): it takes a third line, then smaller type. Titles side
    by side keep apart ("Chuẩn của gradient" 1.7 px from "Cập nhật / trọng số" at 320 px)."""
    from nndesk.inside_plots import TITLE_GAP
    from nndesk.ui.inside_training_view import inside_figure
    from tests.ui import test_inside_training_view

    figure = inside_figure(getattr(test_inside_training_view, record)(), *size)
    renderer, frame = figure.canvas.get_renderer(), figure.bbox
    cut = []
    for ax in figure.axes:
        for text in (ax.title, ax.xaxis.label, ax.yaxis.label):
            box = text.get_window_extent(renderer)
            if text.get_text() and (
                box.x0 < 0 or box.x1 > frame.width or box.y0 < 0 or box.y1 > frame.height
            ):
                cut.append((text.get_text(), round(box.x0, 1), round(box.x1, 1)))
    assert cut == [], cut
    assert min(ax.title.get_fontsize() for ax in figure.axes) >= 6.5  # still readable
    titles = [ax.title.get_window_extent(renderer) for ax in figure.axes if ax.title.get_text()]
    for i, a in enumerate(titles):
        for b in titles[i + 1 :]:
            if min(a.y1, b.y1) > max(a.y0, b.y0):  # side by side
                assert max(b.x0 - a.x1, a.x0 - b.x1) >= TITLE_GAP, (a, b)


# the Live tab's chart at 1024x700 (537x303; 63-px plots under the coach's box, walk57) and
# at 1280x800
@pytest.mark.parametrize("size", [(537, 303), (537, 250), (680, 330)])
def test_the_live_charts_axis_labels_fit_their_plots_as_laid_out(qtbot, vietnamese, size):
    """walk57 D2: at 1024x700 the Live tab's "độ chính xác" was longer than its plot was tall
    and ran into "100%": the Live chart never fitted its y-axis labels."""
    from nndesk.ui.live_page import LivePage
    from tests.test_race_chart import ylabels_too_close_or_too_long
    from tests.test_runs import two_epoch_curves

    curves = two_epoch_curves()
    page = LivePage(lambda: curves, experiment=lambda: None, written=None)
    qtbot.addWidget(page)
    page.plot.setMinimumHeight(0)
    page.plot.setFixedSize(*size)
    page.show()
    page.live.set_span(1, 5)
    page.plot.request_draw(full=True)
    qtbot.waitUntil(lambda: page.plot.full_draw_count > 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not page.plot.draw_pending(), timeout=WAIT_MS)
    assert page.plot.canvas.get_width_height() == size
    assert ylabels_too_close_or_too_long(page.plot.figure) == []
