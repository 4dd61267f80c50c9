"""Any screen: at 1024x700 every page fits with nothing cut, and long texts wrap."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QMessageBox,
    QWidget,
)

from tests.ui.conftest import each_page, show_at, shown_widget

WAIT_MS = 60_000  # a bound for a failure only: a condition met sooner ends the wait

SMALL = (1024, 700)
DEFAULT = (1280, 760)


def _inside_scroll_area(widget: QWidget) -> bool:
    return _scroll_area_of(widget) is not None


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def _past_unscrollable_edge(widget: QWidget) -> bool:
    """In a scroll area that never scrolls sideways, a widget reaching past its right edge is
    cut (the Mistakes details at 1280x760 in Vietnamese)."""
    area = _scroll_area_of(widget)
    if area is None or area.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        return False
    viewport = area.viewport()
    right = widget.mapTo(viewport, widget.rect().topRight()).x()
    return right > viewport.width() + 1


def needed_width(widget: QWidget) -> int:
    """A label's own minimum; a button's text (its widest line, and icon) plus a little
    padding."""
    if isinstance(widget, QLabel):
        return widget.minimumSizeHint().width()
    text = widget.text().replace("&", "")
    icon = widget.iconSize().width() + 4 if not widget.icon().isNull() else 0
    metrics = widget.fontMetrics()
    widest = max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)
    return widest + icon + 8 if text else 0


def cut_widgets(window: QWidget) -> list[str]:
    """Visible buttons and one-line labels narrower than their text, or past the window's edge."""
    cut = []
    frame = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, (QAbstractButton, QLabel)):
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text()):
            continue
        name = f"{type(widget).__name__} {widget.text()!r}"
        if widget.width() < needed_width(widget):
            cut.append(f"{name}: {widget.width()} px < {needed_width(widget)} px")
        elif _past_unscrollable_edge(widget):
            cut.append(f"{name}: past the right edge of a scroll area that cannot scroll there")
        elif not _inside_scroll_area(widget):
            box = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
            if not frame.contains(box):
                cut.append(f"{name}: {box} outside the window")
    return cut


def _out_of_view_tick_labels(figure) -> set[int]:
    """Tick labels matplotlib keeps for ticks outside an axis's view (it never draws them)."""
    hidden = set()
    for ax in figure.axes:
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not lo - 1e-9 <= tick.get_loc() <= hi + 1e-9:
                    hidden.update({id(tick.label1), id(tick.label2)})
    return hidden


def cut_chart_texts(window: QWidget) -> list[str]:
    """Texts of the visible charts (titles, keys, axis labels, ticks, notes) reaching past
    their chart's edge: the cut widgets check cannot see inside a chart ("…ngẫu nhiên mỗi lớ"
    on the Dataset page at 1024x700)."""
    import matplotlib.text
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    cut = []
    for canvas in window.findChildren(FigureCanvasQTAgg):
        if not canvas.isVisible():
            continue
        canvas.draw()
        renderer, frame = canvas.get_renderer(), canvas.figure.bbox
        hidden = _out_of_view_tick_labels(canvas.figure)
        for text in canvas.figure.findobj(matplotlib.text.Text):
            if id(text) in hidden or not text.get_visible() or not text.get_text().strip():
                continue
            box = text.get_window_extent(renderer)
            if box.x0 < -1 or box.y0 < -1 or box.x1 > frame.width + 1 or box.y1 > frame.height + 1:
                cut.append(f"{text.get_text()[:40]!r} at {box.bounds} in {frame.bounds}")
    return cut


@pytest.mark.parametrize("size", [SMALL, DEFAULT], ids=["1024x700", "1280x760"])
def test_every_page_fits_with_nothing_cut(qtbot, window_factory, stroke_classifier, size):
    desk = window_factory(classifier=stroke_classifier)
    window = show_at(desk, size)
    assert window.width() == size[0], "the window's minimum width is wider than the screen"
    for name in each_page(qtbot, window):
        assert cut_widgets(window) == [], name


def test_the_chart_check_sees_a_title_past_the_charts_edge(qtbot):
    from nndesk.ui.plot_widget import PlotWidget

    chart = shown_widget(qtbot, PlotWidget(), (300, 200))
    ax = chart.figure.add_subplot()
    ax.set_title("a title far wider than a chart three hundred pixels wide", loc="left")
    assert len(cut_chart_texts(chart)) == 1
    ax.set_title("short", loc="left")
    assert cut_chart_texts(chart) == []


def test_the_check_sees_a_cut_button(window_factory):
    from PySide6.QtWidgets import QPushButton

    desk = window_factory()
    window = show_at(desk, SMALL)
    squeezed = QPushButton("A button with a long caption", window.draw_panel)
    squeezed.setGeometry(0, 0, 30, 20)
    squeezed.show()
    assert any("long caption" in line for line in cut_widgets(window))


def test_at_1024_the_splitter_has_room_to_move_both_ways(window_factory):
    desk = window_factory()
    window = show_at(desk, SMALL)
    splitter = window.splitter
    room = splitter.width() - splitter.handleWidth()
    room -= window.draw_panel.minimumSizeHint().width() + window.tabs.minimumWidth()
    assert room >= 140  # was about 65 px
    assert window.tabs.width() >= 480  # the pages, not the drawing column, get the spare width


def test_a_long_note_wraps_instead_of_widening_the_drawing_column(window_factory):
    desk = window_factory()
    window = show_at(desk, SMALL)
    before = window.draw_panel.width()
    window.show_note(
        "Cannot read /home/learner/a/very/long/folder/name/that/goes/on/and/on/"
        "fashion-mnist/t10k-images-idx3-ubyte.gz: the file is missing; download it first"
    )
    QApplication.processEvents()
    assert window.draw_panel.width() == before
    assert window.width() == SMALL[0]
    assert window.status_note.height() > window.status_note.fontMetrics().height() * 2


def test_the_mistakes_details_show_every_bar_at_the_default_size(qtbot, window_factory):
    desk = window_factory()
    window = show_at(desk, DEFAULT)
    page = desk.mistakes_page
    window.tabs.setCurrentWidget(page)
    page.follow_mode("garments")  # the details name the ten garments, the longest names
    QApplication.processEvents()
    bars = page.answer.bars
    assert bars.height() >= bars.minimumSizeHint().height()
    shown = bars.visibleRegion().boundingRect()
    assert shown.height() == bars.height(), "the last bars are cut off"


def test_the_runs_table_keeps_its_settings_column_readable_on_a_narrow_page(qtbot, tmp_path):
    from nndesk.controllers.run_list import RunListReader
    from nndesk.runs import RunStore
    from nndesk.ui.runs_view import SETTINGS, SETTINGS_MIN_WIDTH, RunsView

    store = RunStore(tmp_path)
    for arch in ("784-c32-p-c64-p-128-10", "784-256-128-64-10"):
        store.create({"dataset": "fashion", "arch": arch, "optimizer": "adam", "lr": 0.001})
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    view.resize(480, 400)  # the Runs tab beside the drawing at 1024x700
    view.show()
    view.refresh()
    qtbot.waitUntil(view.isVisible, timeout=WAIT_MS)
    header = view.table.horizontalHeader()
    assert not header.isSectionHidden(SETTINGS)
    assert header.sectionSize(SETTINGS) >= SETTINGS_MIN_WIDTH
    view.resize(1100, 400)  # a wide page: Settings takes the spare width
    QApplication.processEvents()
    assert header.sectionSize(SETTINGS) > SETTINGS_MIN_WIDTH
    assert header.length() >= view.table.viewport().width() - 2  # no gap after the last column


@pytest.mark.parametrize("size", [SMALL, DEFAULT], ids=["1024x700", "1280x760"])
def test_a_long_saved_model_path_keeps_both_ends_on_the_train_page(qtbot, window_factory, size):
    desk = window_factory()
    window = show_at(desk, size)
    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    page.tabs.setCurrentWidget(page.live_page)
    path = (
        "/home/learner/.local/share/nndesk/runs/2026-12-01_21-14-55-fashion-784-64-64-10/model.npz"
    )
    page.model_label.setText(f"Model saved: {path}")
    qtbot.waitUntil(page.model_label.isVisible, timeout=WAIT_MS)
    QApplication.processEvents()
    label = page.model_label
    shown = label.displayed_text()
    assert label.width() >= 300, "the label is squeezed beside the buttons"
    assert shown.startswith("Model saved: /") and shown.endswith("model.npz")
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    assert label.toolTip() == f"Model saved: {path}"  # the whole path, one hover away
    box = QRect(label.mapTo(window, label.rect().topLeft()), label.size())
    assert window.rect().contains(box)


def test_the_runs_view_at_1024_shows_rows_its_whole_hint_and_every_button(qtbot, tmp_path):
    from PySide6.QtWidgets import QPushButton

    from nndesk.controllers.run_list import RunListReader
    from nndesk.runs import RunStore
    from nndesk.ui.runs_view import TABLE_MIN_ROWS, RunsView

    store = RunStore(tmp_path)
    for arch in ("784-64-64-10", "784-256-128-10", "784-128-10", "784-32-10"):
        store.create({"dataset": "fashion", "arch": arch, "optimizer": "adam", "lr": 0.001})
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    view.resize(484, 420)  # the Runs tab of the Train page in a 1024x700 window
    view.show()
    view.refresh()
    qtbot.waitUntil(view.isVisible, timeout=WAIT_MS)
    QApplication.processEvents()
    table = view.table
    row = table.verticalHeader().defaultSectionSize()
    rows_shown = (table.viewport().height()) // row
    assert rows_shown >= TABLE_MIN_ROWS
    hint = view.hint
    assert hint.width() >= view.width() - 20, "the hint is squeezed beside the buttons"
    assert hint.height() >= hint.heightForWidth(hint.width())  # every wrapped line shows
    buttons = [b for b in view.findChildren(QPushButton) if b.isVisible()]
    assert cut_widgets(view) == []
    boxes = [QRect(b.mapTo(view, b.rect().topLeft()), b.size()) for b in buttons]
    assert all(view.rect().contains(box) for box in boxes)
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    plot = QRect(view.chart.mapTo(view, view.chart.rect().topLeft()), view.chart.size())
    assert not any(box.intersects(plot) for box in boxes)


def _ten_class_result():
    """The toy evaluation with Fashion-MNIST's ten names (probabilities padded with zeros)."""
    import dataclasses

    import numpy as np

    from nndesk.data.registry import DATASETS
    from tests.test_evaluation import toy_result

    toy = toy_result()
    padded = np.zeros((toy.n, 10), np.float32)
    padded[:, : toy.probabilities.shape[1]] = toy.probabilities
    # no classifier: a click asks for no saliency map (the toy table model cannot explain)
    return dataclasses.replace(
        toy, probabilities=padded, class_names=DATASETS["fashion"].class_names, classifier=None
    )


@pytest.mark.parametrize("size", [SMALL, DEFAULT], ids=["1024x700", "1280x760"])
def test_a_clicked_mistake_shows_every_bar_even_under_the_new_model_notice(
    qtbot, window_factory, size
):
    desk = window_factory(mode="garments")
    window = show_at(desk, DEFAULT)
    page = desk.mistakes_page
    window.tabs.setCurrentWidget(page)  # laid out once, empty, as a person opens it first
    qtbot.waitUntil(page.isVisible, timeout=WAIT_MS)
    show_at(desk, size)
    window.model_notice.announce(0.846, "fashion-cnn")  # the strip takes its height too
    window.tabs.setCurrentWidget(desk.train_page)
    page.set_result(_ten_class_result())  # the evaluation ends while the page is hidden
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(page.isVisible, timeout=WAIT_MS)
    first = page.grid.model().index(0, 0)
    page.grid.setCurrentIndex(first)
    page.grid.clicked.emit(first)
    qtbot.waitUntil(lambda: page.answer.top_label.text() != "", timeout=WAIT_MS)
    QApplication.processEvents()
    bars = page.answer.bars
    assert bars.height() >= bars.minimumSizeHint().height()
    shown = bars.visibleRegion().boundingRect()
    assert shown.height() == bars.height(), "the last bars (Ankle boot) are cut off"


@pytest.mark.parametrize("size", [SMALL, DEFAULT], ids=["1024x700", "1280x760"])
def test_the_panes_and_the_canvas_stay_put_across_modes_models_and_answers(
    qtbot, window_factory, size
):
    from nndesk.inference import Classifier
    from nndesk.paths import WEIGHTS_DIR

    desk = window_factory(classifier=Classifier.from_file(WEIGHTS_DIR / "mnist-mlp.npz"))
    window = show_at(desk, size)
    prediction = desk.prediction

    def place():
        qtbot.waitUntil(prediction.is_idle, timeout=WAIT_MS)
        QApplication.processEvents()
        top = window.canvas.mapTo(window, window.canvas.rect().topLeft()).y()
        return window.splitter.sizes(), top

    window.canvas.draw_stroke([(140, 40), (140, 240)], width=20)
    first = place()
    window.set_mode("garments")  # its hint is two lines at these widths
    prediction.set_classifier(Classifier.from_file(WEIGHTS_DIR / "fashion-mlp.npz"))
    assert place() == first
    panel = window.prediction_panel
    names = panel.bars.class_names()
    for name in ("Ankle boot", "T-shirt/top", "Bag"):  # long and short answers in big type
        _fashion_answer(panel, [0.91 if n == name else 0.01 for n in names], None)
        assert panel.top_label.text() == name
        assert place() == first, name
        label = window.prediction_panel.top_label
        assert label.fontMetrics().horizontalAdvance(name) <= label.contentsRect().width()
    window.canvas.draw_stroke([(60, 140), (220, 140)], width=26)
    assert place() == first
    window.set_mode("digits")
    assert place() == first


@pytest.mark.parametrize("mode", ["garments", "digits"])
@pytest.mark.parametrize("size", [SMALL, DEFAULT], ids=["1024x700", "1280x760"])
def test_the_bars_stay_put_when_the_first_answer_replaces_the_hint(
    qtbot, window_factory, size, mode
):
    """Clothing's hint ("Draw a T-shirt, trouser, bag, shoe...") wrapped over three lines in
    the percentage's place: the bars moved 6 px at 1280 px and 21 px at 1024 px when the
    first answer came, and a narrow column's "Not sure" took the percentage's line away."""
    import numpy as np

    from nndesk.inference import Classifier, Prediction
    from nndesk.paths import WEIGHTS_DIR

    model = "fashion-mlp" if mode == "garments" else "mnist-mlp"
    desk = window_factory(classifier=Classifier.from_file(WEIGHTS_DIR / f"{model}.npz"), mode=mode)
    window = show_at(desk, size)
    panel = window.prediction_panel
    qtbot.waitUntil(desk.prediction.is_idle, timeout=WAIT_MS)

    def bars_top() -> int:
        QApplication.processEvents()
        return panel.bars.mapTo(window, panel.bars.rect().topLeft()).y()

    empty = bars_top()
    panel.set_not_sure_threshold(0)  # always an answer with its percentage
    window.canvas.draw_stroke([(60, 60), (220, 60), (220, 240)], width=26)
    qtbot.waitUntil(lambda: panel.top_label.text() != "–", timeout=WAIT_MS)
    assert bars_top() == empty, panel.top_label.text()
    window.canvas.clear()
    qtbot.waitUntil(lambda: panel.top_label.text() == "–", timeout=WAIT_MS)
    assert bars_top() == empty
    # a first answer under the threshold: "Not sure" and its two guesses
    panel.set_not_sure_threshold(60)
    probs = np.full(10, 0.3 / 8, np.float32)
    probs[3], probs[5] = 0.4, 0.3
    panel.set_prediction(Prediction(probs, np.zeros((28, 28), np.float32), 3, "x", probs))
    assert panel.top_label.text() == "Not sure"
    assert bars_top() == empty


def test_at_1024x700_the_new_model_strip_fits_without_growing_the_window(window_factory):
    desk = window_factory(mode="garments")
    window = show_at(desk, SMALL)
    assert window.minimumSizeHint().height() <= SMALL[1]
    window.model_notice.announce(0.846, "fashion-cnn")
    QApplication.processEvents()
    # every page's minimum counts (the tabs take the tallest): the window never needs more
    assert window.minimumSizeHint().height() <= SMALL[1], "the strip makes the window taller"
    assert window.model_notice.height() <= window.model_notice.keep_button.height() + 2


def test_at_1024_the_probability_bars_get_the_columns_whole_width(window_factory):
    desk = window_factory(mode="garments")
    from nndesk.data.registry import DATASETS

    window = show_at(desk, SMALL)
    panel = window.prediction_panel
    panel.set_class_names(DATASETS["fashion"].class_names)
    QApplication.processEvents()
    bars = panel.bars
    assert bars.bar_rect(0).width() >= min(150, bars.width() - 4)
    assert bars.visibleRegion().boundingRect().height() == bars.height()  # no row cut


def _many_runs(tmp_path):
    """Three runs alike but for their accuracy, one with a 40-layer architecture, one damaged."""
    from nndesk.runs import RunStore

    store = RunStore(tmp_path)
    config = {"dataset": "fashion", "arch": "784-64-64-10", "optimizer": "adam", "lr": 0.001}
    for accuracy in (0.84, 0.85, 0.86):
        record = store.create(dict(config))
        record.status = "completed"
        record.metrics["test_accuracy"] = accuracy
        store.save(record)
    long_arch = "784-" + "-".join(["512"] * 40) + "-10"
    store.create({"dataset": "mnist", "arch": long_arch, "lr": 0.1})
    (tmp_path / "bad-curves").mkdir()
    (tmp_path / "bad-curves" / "run.json").write_text('{"curves": {"batch_x": "h"}}')
    return store, long_arch


def test_at_1024_the_runs_table_shows_when_data_layers_accuracy_and_status(qtbot, tmp_path):
    from nndesk.controllers.run_list import RunListReader
    from nndesk.ui.runs_view import COLUMNS, LAYERS, LAYERS_MAX_WIDTH, RunsView

    store, long_arch = _many_runs(tmp_path)
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    view.resize(484, 420)  # the Runs tab of the Train page in a 1024x700 window
    view.show()
    view.refresh()
    qtbot.waitUntil(view.isVisible, timeout=WAIT_MS)
    QApplication.processEvents()
    table, header = view.table, view.table.horizontalHeader()
    for name in ("Started", "Dataset", "Layers", "Test acc", "Status"):
        column = COLUMNS.index(name)
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        left = header.sectionViewportPosition(column)
        assert left >= 0 and right <= table.viewport().width(), f"{name} is off the table's right"
    assert header.sectionSize(LAYERS) <= LAYERS_MAX_WIDTH  # the long arch did not widen it
    tip = Qt.ItemDataRole.ToolTipRole
    rows = {view.cell(r, LAYERS): r for r in range(view.row_count())}
    assert view.cell(rows[long_arch], LAYERS, tip) == long_arch  # whole, one hover away
    accuracies = {
        view.cell(r, COLUMNS.index("Test acc"))
        for r in range(view.row_count())
        if view.cell(r, LAYERS) == "784-64-64-10"
    }
    assert len(accuracies) == 3, "three alike runs must be told apart by their accuracy"
    folders = {view.cell(r, 0, tip) for r in range(view.row_count())}
    assert len(folders) == view.row_count()  # each row's tip names its own folder
    shown = table.viewport().height() // table.verticalHeader().defaultSectionSize()
    assert shown >= 4, f"only {shown} rows show at 1024x700"


def test_at_1024_the_dataset_summary_line_wraps_instead_of_being_cut(qtbot, window_factory):
    desk = window_factory()
    window = show_at(desk, SMALL)
    page = desk.dataset_page
    window.tabs.setCurrentWidget(page)
    page.status.setText(
        "Fashion-MNIST: 60,000 training and 10,000 test images, 10 classes, 28×28 pixels in 0..255"
    )
    qtbot.waitUntil(page.status.isVisible, timeout=WAIT_MS)
    QApplication.processEvents()
    label = page.status
    box = QRect(label.mapTo(window, label.rect().topLeft()), label.size())
    assert window.rect().contains(box)
    shown = label.visibleRegion().boundingRect()
    assert shown.width() == label.width(), "the label runs past the edge of the page"
    one_line = label.fontMetrics().horizontalAdvance(label.text())
    fits = one_line <= label.contentsRect().width()
    wraps = label.wordWrap() and label.height() >= label.heightForWidth(label.width())
    assert fits or wraps, "the end of the line is cut"


def test_at_1024_a_not_sure_answer_keeps_both_guesses_bars_in_sight(qtbot, window_factory):
    import numpy as np

    from nndesk.inference import Classifier, Prediction
    from nndesk.paths import WEIGHTS_DIR

    desk = window_factory(classifier=Classifier.from_file(WEIGHTS_DIR / "fashion-mlp.npz"))
    window = show_at(desk, SMALL)
    panel = window.prediction_panel
    panel.set_not_sure_threshold(60)
    probs = np.full(10, 0.26 / 8, np.float32)
    probs[7], probs[9] = 0.46, 0.28  # Sneaker or Ankle boot: the last row is the runner-up
    panel.set_prediction(Prediction(probs, np.zeros((28, 28), np.float32), 7, "Sneaker", probs))
    QApplication.processEvents()
    assert panel.top_label.text() == "Not sure"
    guesses = panel.runner_up_label
    assert "Sneaker" in guesses.text() and "Ankle boot" in guesses.text()
    # the guesses' own text (the line keeps the height of the longest runner-up line, which
    # takes three here, so that the bars do not move as the answer changes)
    own = QLabel.heightForWidth(guesses, guesses.width())
    assert own <= 2 * guesses.fontMetrics().lineSpacing() + 4, "over two lines"
    bars = panel.bars

    def whole(k: int) -> bool:  # bar k is on screen (once the layouts above settled)
        return bars.visibleRegion().boundingRect().contains(bars.bar_rect(k).toAlignedRect())

    for k in (7, 9):
        qtbot.waitUntil(lambda k=k: whole(k), timeout=WAIT_MS)
    # a sure answer's runner-up line wraps over three lines here: every bar still shows
    probs[7], probs[9] = 0.70, 0.04
    panel.set_prediction(Prediction(probs, np.zeros((28, 28), np.float32), 7, "Sneaker", probs))
    assert "Runner-up" in panel.runner_up_label.text()
    qtbot.waitUntil(lambda: all(whole(k) for k in range(10)), timeout=WAIT_MS)


@pytest.mark.parametrize("size", [SMALL, DEFAULT], ids=["1024x700", "1280x760"])
def test_mistakes_show_three_rows_of_tiles_beside_the_details(qtbot, window_factory, size):
    desk = window_factory(mode="garments")
    window = show_at(desk, size)
    page = desk.mistakes_page
    window.tabs.setCurrentWidget(page)
    page.set_result(_ten_class_result())
    qtbot.waitUntil(page.isVisible, timeout=WAIT_MS)
    QApplication.processEvents()
    grid = page.grid
    rows = grid.viewport().height() // grid.gridSize().height()
    assert rows >= 3, f"only {rows} rows of mistakes show at {size}"
    columns = grid.viewport().width() // grid.gridSize().width()
    assert columns >= 2
    bars = page.answer.bars  # and the clicked image's bars are whole beside them
    assert bars.visibleRegion().boundingRect().height() == bars.height()


#: A 1024x700 screen less the window manager's title bar: the window nndesk really gets there
SMALL_FRAMED = (1024, 673)


def _wait_every_bar_row_whole(qtbot, bars) -> None:
    """Wait until each of the ten bars' rows is inside the bars and on screen."""

    def whole(k: int) -> bool:
        pitch = bars.pitch()
        row = QRect(0, int(2 + k * pitch), bars.width(), int(pitch))
        return bars.visibleRegion().boundingRect().contains(row)

    qtbot.waitUntil(lambda: all(whole(k) for k in range(10)), timeout=WAIT_MS)


def _fashion_answer(panel, probs, true_label):
    import numpy as np

    from nndesk.inference import Prediction

    probs = np.asarray(probs, np.float32)
    top = int(np.argmax(probs))
    panel.set_true_label(true_label)
    panel.set_prediction(
        Prediction(probs, np.zeros((28, 28), np.float32), top, panel.bars.class_names()[top], probs)
    )
    QApplication.processEvents()


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_a_two_line_not_sure_answer_under_the_notice_keeps_every_bar_whole(
    qtbot, window_factory, theme_name
):
    """Probe 5: Ankle boot's bar was cut in the 1024x673 window with the new-model strip, a
    test image's true label and "Not sure" with two guesses over two lines. The theme is the
    window's from its build (one window each); the answer at 1024x673, then the window
    widened to 1280x760."""
    import matplotlib
    import numpy as np
    from PySide6.QtGui import QPalette

    from nndesk.data.registry import DATASETS
    from nndesk.ui import theme

    app = QApplication.instance()
    saved_rc = {key: matplotlib.rcParams[key] for key in theme.chart_rc(theme.LIGHT)}
    saved_palette, saved_sheet = QPalette(app.palette()), app.styleSheet()
    theme.apply_theme(app, theme_name)
    try:
        desk = window_factory(mode="garments")
        window = show_at(desk, SMALL_FRAMED)
        window.model_notice.announce(0.874, "fashion-cnn")
        panel = window.prediction_panel
        panel.set_class_names(DATASETS["fashion"].class_names)
        panel.set_not_sure_threshold(60)
        probs = np.full(10, 0.23 / 8, np.float32)
        probs[0], probs[2] = 0.40, 0.37  # T-shirt/top or Pullover; the truth: Pullover
        _fashion_answer(panel, probs, 2)
        guesses = panel.runner_up_label
        bars = panel.bars
        for size in (SMALL_FRAMED, DEFAULT):
            show_at(desk, size)
            assert panel.top_label.text() == "Not sure", size
            if size == SMALL_FRAMED:
                assert guesses.height() >= 2 * guesses.fontMetrics().lineSpacing()  # two lines
            _wait_every_bar_row_whole(qtbot, bars)
            assert bars.pitch() >= bars.fontMetrics().height() + bars.MIN_BAR, ("overlap", size)
            assert cut_widgets(window) == [], size
    finally:  # the application and matplotlib as they were, for the tests that follow
        theme.apply_theme(app, "system")
        app.setPalette(saved_palette)
        app.setStyleSheet(saved_sheet)
        matplotlib.rcParams.update(saved_rc)


def test_the_bars_column_keeps_its_width_from_one_test_image_to_the_next(window_factory):
    """Probe 5: the column took the width of each test image's "True label: … — ✓ correct"
    line, so it jumped as Show test image was pressed again."""
    import numpy as np

    from nndesk.data.registry import DATASETS

    desk = window_factory(mode="garments")
    window = show_at(desk, SMALL_FRAMED)
    panel = window.prediction_panel
    panel.set_class_names(DATASETS["fashion"].class_names)
    widths = set()
    for truth, answer in ((9, 9), (2, 2), (8, 8), (6, 2), (0, 0), (9, 7)):
        probs = np.full(10, 0.02, np.float32)
        probs[answer] = 0.82
        _fashion_answer(panel, probs, truth)
        widths.add((tuple(window.splitter.sizes()), panel.width()))
    assert len(widths) == 1, widths


def test_a_long_run_headline_shows_on_two_lines_and_whole_in_its_tooltip(qtbot, window_factory):
    """Probe 5: during a run steered with Apply to run the headline was cut ("… · batch 6…")
    on one line; it then wrapped to as many lines as it needed, and a three-line headline
    (Vietnamese at 1024, or this one in English) pushed the Train buttons down 34 px, under
    the mouse. Two lines always: what does not fit ends in "…" and is whole in the tooltip.
    One window at 1024x673, then widened to 1280x760, the three headlines at each size."""
    desk = window_factory(mode="garments")
    window = show_at(desk, SMALL_FRAMED)
    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(page.isVisible, timeout=WAIT_MS)
    headline = (
        # as long as the headline of s54 ("Continuing in epoch 3, keeping lr 0.0003: …"): the
        # words "from" (s55) took two characters more, the rate two less
        "Continuing from epoch 3, keeping lr 0.003: fashion 784-1536-768-10 relu adam "
        "lr=0.003 pixels -1 to 1 · momentum 0.5, dropout 0.2, l2 0.0001, batch 64"
    )
    title = page.title
    lines = title.fontMetrics().lineSpacing()
    for size in (SMALL_FRAMED, DEFAULT):
        show_at(desk, size)
        tops = []
        for text in (
            "No run",
            "MNIST is ready · the latest run (02 Dec 19:28): " + headline,
            headline,
        ):
            page.header.set_title(text, tip="how to go on")
            QApplication.processEvents()
            tops.append(page.train_button.mapTo(window, page.train_button.rect().topLeft()).y())
            assert title.text() == text and title.visibleRegion().boundingRect() == title.rect()
            assert 2 * lines <= title.height() < 3 * lines, size  # two lines, whatever the text
            shown = title.displayed_text()
            assert shown == text or (shown.endswith("…") and text.startswith(shown[:-1]))
            tip = super(type(title), title).toolTip()
            assert tip == (f"{text}\nhow to go on" if shown != text else "how to go on")
        assert len(set(tops)) == 1, f"the Train button moved at {size}: {tops}"
        assert window.width() == size[0]  # the headline never widened the window
        if size == DEFAULT:  # the steered run's headline shows whole where two lines hold it
            assert title.displayed_text() == headline


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_every_page_fits_with_nothing_cut_in_vietnamese(
    qtbot, window_factory, stroke_classifier, in_vietnamese, theme_name
):
    """Vietnamese strings run longer: at 1280x760 the Mistakes details ran past the window's
    edge (their checkbox and percentages cut). The theme is the window's from its build (one
    window each); in it every page at 1280x760, then every page narrowed to 1024x700: every
    size's every cut page said at once."""
    from nndesk.ui import theme

    theme.apply_theme(QApplication.instance(), theme_name)
    cut = []
    try:
        desk = window_factory(classifier=stroke_classifier, mode="garments")
        window = desk.window
        desk.mistakes_page.set_result(_ten_class_result())
        for size in (DEFAULT, SMALL):
            show_at(desk, size)
            if window.width() != size[0]:
                cut.append((size, "the window's minimum width is wider than the screen"))
            for name in each_page(qtbot, window):
                if window.tabs.currentWidget() is desk.mistakes_page:
                    desk.mistakes_page.select_row(0)  # the details show a clicked mistake
                    QApplication.processEvents()
                for what in (cut_widgets(window), cut_chart_texts(window)):
                    if what:
                        cut.append((size, name, what))
    finally:
        theme.apply_theme(QApplication.instance(), "light")
    assert cut == []


def _whole_in_view(widget: QWidget) -> bool:
    """``widget`` shows whole in its scroll area's viewport, without scrolling."""
    viewport = _scroll_area_of(widget).viewport()
    box = QRect(widget.mapTo(viewport, widget.rect().topLeft()), widget.size())
    return viewport.rect().contains(box)


@pytest.mark.parametrize("size", [SMALL, DEFAULT], ids=["1024x700", "1280x760"])
def test_the_race_chart_shows_whole_while_racing(
    qtbot, window_factory, tiny_data_dir, size, monkeypatch
):
    """The Race page kept 560 px at least: at 1280x760 its page is 457 px high, and the
    "Accuracy per epoch" chart under "Loss per batch" was cut by the page's bottom edge."""
    desk = window_factory(mode="digits")
    window = show_at(desk, size)
    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    page.tabs.setCurrentWidget(page.race_page)
    view = page.race_view
    view.epochs.setValue(2)  # the race's own epochs (its lanes never read the Train form's)
    qtbot.waitUntil(view.isVisible, timeout=WAIT_MS)
    with qtbot.waitSignal(desk.race.finished_race, timeout=WAIT_MS):
        with qtbot.waitSignal(desk.race.progressed, timeout=WAIT_MS):
            view.race_button.click()
        QApplication.processEvents()
        assert _whole_in_view(view.chart), "racing"
    qtbot.waitUntil(view.table.isVisible, timeout=WAIT_MS)
    QApplication.processEvents()
    assert _whole_in_view(view.chart), "raced"
    # the window's close asks whether to keep the lanes (walk56v #6): No
    no = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args: no))


#: The window a 1024x700 screen gave walk49 (no window manager, no title bar)
SMALL_OPENED = (1024, 668)


@pytest.mark.parametrize("theme_name", ["light", "dark"])
@pytest.mark.parametrize("code", ["en", "vi"])
def test_at_1024_a_test_images_answer_keeps_every_bar_whole(
    qtbot, window_factory, code, theme_name
):
    """walk49 D8: Clothing, test image 50 shown (a Coat, "True label: Coat — ✓ correct" over
    two lines): "Ankle boot", the last bar, was cut in half with no scroll bar, because the
    preview kept its size on a budget of one line for the true label."""
    import matplotlib
    import numpy as np
    from PySide6.QtGui import QPalette

    from nndesk.inference import Classifier
    from nndesk.paths import WEIGHTS_DIR
    from nndesk.ui import language, theme

    app = QApplication.instance()
    saved_rc = {key: matplotlib.rcParams[key] for key in theme.chart_rc(theme.LIGHT)}
    saved_palette, saved_sheet = QPalette(app.palette()), app.styleSheet()
    theme.apply_theme(app, theme_name)
    language.use_language(code)
    try:
        classifier = Classifier.from_file(WEIGHTS_DIR / "fashion-cnn.npz")
        desk = window_factory(mode="garments", classifier=classifier)
        window = show_at(desk, SMALL_OPENED)
        panel = window.prediction_panel
        probs = np.zeros(10, np.float32)
        probs[4], probs[6] = 0.93, 0.07  # Coat, runner-up Shirt; the truth: Coat
        _fashion_answer(panel, probs, 4)
        bars = panel.bars
        _wait_every_bar_row_whole(qtbot, bars)
        assert bars.pitch() >= bars.min_row_height(), "rows squeezed past their least"
        assert cut_widgets(window) == []
    finally:  # the application, language and matplotlib as they were, for the tests after
        language.use_language("en")
        theme.apply_theme(app, "system")
        app.setPalette(saved_palette)
        app.setStyleSheet(saved_sheet)
        matplotlib.rcParams.update(saved_rc)


@pytest.mark.parametrize("code", ["en", "vi"])
def test_at_the_windows_least_size_every_page_is_whole_or_scrolls_and_every_bar_shows(
    qtbot, window_factory, code
):
    """walk54b at 835x584 (the least size in Vietnamese): the Dataset page's sample grid shrank
    to ~50x40 px under ten class names piled on each other, Why, Evaluate, Mistakes and the Lab
    were cut at the right edge with no sideways scroll, Train's combos were cut. The least size
    fits 1024x700 with its frame; there every page is laid out at its own least size (scrolling
    sideways where the window is narrower)."""
    from nndesk.inference import Classifier
    from nndesk.paths import WEIGHTS_DIR
    from nndesk.ui import language

    assert language.use_language(code) == code
    try:  # the shipped model the walk had in use: its names and answer lines, no banner
        clf = Classifier.from_file(WEIGHTS_DIR / "fashion-cnn.npz")
        desk = window_factory(classifier=clf, mode="garments")
        window = desk.window
        for _ in range(5):  # a smaller window fits a smaller preview: dragged to the least
            least = window.minimumSizeHint().expandedTo(window.minimumSize())
            window.resize(least)
            QApplication.processEvents()
            if window.minimumSizeHint().expandedTo(window.minimumSize()) == least:
                break
        assert least.width() <= SMALL_FRAMED[0] and least.height() <= SMALL_FRAMED[1], least
        assert window.size() == least
        desk.mistakes_page.set_result(_ten_class_result())
        _wait_every_bar_row_whole(qtbot, window.prediction_panel.bars)
        for name in each_page(qtbot, window):
            page = window.tabs.currentWidget()
            assert page.width() >= page.minimumSizeHint().width(), name  # never squeezed
            assert cut_widgets(window) == [], name
            assert cut_chart_texts(window) == [], name
    finally:
        language.use_language("en")


@pytest.mark.parametrize(("code", "mode"), [("en", "digits"), ("vi", "garments")])
def test_at_the_windows_least_height_a_test_images_answer_keeps_every_bar_whole(
    qtbot, window_factory, code, mode
):
    """s54 left: with a test image's answer (its true-label line) the window could be dragged
    to 835x590, where the answer column got 326 px of the 399 it needs and the bars for 8 and 9
    (Túi xách, Bốt cổ ngắn) were cut off: the drawing column counted its wrapped lines at a
    width they do not have and its preview at the size the larger window gave it. Its least
    height now is the answer column's need at its least width, the same at any window size."""
    import numpy as np

    from nndesk.inference import Classifier
    from nndesk.paths import WEIGHTS_DIR
    from nndesk.ui import language

    assert language.use_language(code) == code
    try:
        name = "mnist-mlp.npz" if mode == "digits" else "fashion-cnn.npz"
        desk = window_factory(classifier=Classifier.from_file(WEIGHTS_DIR / name), mode=mode)
        window = desk.window
        window.resize(*SMALL)
        QApplication.processEvents()
        panel = window.prediction_panel
        probs = np.full(10, 0.01, np.float32)
        probs[4] = 0.91
        _fashion_answer(panel, probs, true_label=4)  # the true label's line under the answer
        at_1024 = window.minimumSizeHint().expandedTo(window.minimumSize())
        for _ in range(5):  # dragged to the least, as a user does until it stops
            least = window.minimumSizeHint().expandedTo(window.minimumSize())
            window.resize(least)
            QApplication.processEvents()
        assert window.minimumSizeHint().expandedTo(window.minimumSize()) == least
        assert least.height() == at_1024.height()  # one least height, read before or after
        assert least.height() <= SMALL_FRAMED[1], least
        _wait_every_bar_row_whole(qtbot, panel.bars)
        options = panel.raw_box
        bottom = options.mapTo(window.draw_panel, options.rect().bottomLeft()).y()
        assert bottom <= window.draw_panel.height()
    finally:
        language.use_language("en")


@pytest.mark.parametrize("size", [SMALL, DEFAULT], ids=["1024x700", "1280x760"])
def test_six_long_neighbour_captions_wrap_onto_rows_instead_of_widening_the_why_page(
    qtbot, window_factory, stroke_classifier, in_vietnamese, size
):
    """walk57 #2: in Clothing at 1024x700, six nearest images captioned "Áo len chui đầu" made
    the Why page wider than its viewport: every paragraph's right end was cut, with no
    scrollbar to reach it."""
    from types import SimpleNamespace

    import numpy as np

    desk = window_factory(classifier=stroke_classifier, mode="garments")
    window = show_at(desk, size)
    window.tabs.setCurrentWidget(desk.why_page)
    qtbot.waitUntil(desk.why_page.isVisible, timeout=WAIT_MS)
    from nndesk.ui.language import class_names_shown

    why = desk.why_page
    why._names = class_names_shown(  # noqa: SLF001 - the garment names of a fashion model
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat"]
    )
    found = SimpleNamespace(
        images=np.zeros((6, 28, 28), np.uint8),
        labels=[2, 4, 2, 4, 2, 2],  # pullover, coat
        distances=[35.49, 35.8, 35.91, 36.0, 36.05, 36.12],
        pool=10_000,
    )
    why._show_neighbours(found)  # noqa: SLF001
    QApplication.processEvents()
    assert window.width() == size[0]
    assert cut_widgets(window) == []
    scroll_viewport = _scroll_area_of(why.neighbours_box).viewport()
    assert why.neighbours_box.width() <= scroll_viewport.width()


@pytest.mark.parametrize("size", [SMALL, DEFAULT], ids=["1024x700", "1280x760"])
def test_the_augmentation_preview_keeps_the_train_form_inside_its_scroll_area(
    qtbot, window_factory, in_vietnamese, size
):
    """walk57 #4: at 1024x700 the augmented preset's eight-image strip (one row of 334 px)
    made the Train settings wider than their scroll area: every field's right end was cut,
    and Tab into a field scrolled the labels' left ends away."""
    desk = window_factory()
    window = show_at(desk, size)
    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(page.isVisible, timeout=WAIT_MS)
    form = page.form
    form.apply_preset("mnist-cnn-lab")
    if page.tabs.indexOf(page.settings) >= 0:  # a narrow page: the settings are a tab
        page.tabs.setCurrentWidget(page.settings)
    qtbot.waitUntil(form.augment_preview.isVisible, timeout=WAIT_MS)
    QApplication.processEvents()
    assert form.width() <= page.settings.viewport().width()
    assert cut_widgets(window) == []
