"""With a desktop's font (GNOME's "Sans 10", Ubuntu's 11 pt) every page fits beside the
drawing at 1024x700: no sideways scroll bar, nothing cut (walk58 #1). The other layout tests
run at Qt's offscreen 9 pt, where the pages fitted while a 10 pt desktop scrolled every page
sideways by 37 px (the Evaluate page's four cards kept their figures' full size) and, once a
field took focus, cut the left edge too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QTabWidget

from tests.ui.test_layout import (
    WAIT_MS,
    _ten_class_result,
    cut_chart_texts,
    cut_widgets,
    needed_width,
    show_at,
)

#: the font sizes of the desktops the course's laptops run, each with one language and theme
#: (every size, language and theme comes once; a window each, built at that font)
DESKTOPS = [
    (10.0, "en", "dark"),  # GNOME's Sans 10 under a dark theme, as walk58 saw it
    (11.0, "en", "light"),  # Ubuntu's default
    (10.0, "vi", "light"),
    (11.0, "vi", "dark"),  # the longest strings at the largest font: the narrowest room
]


@pytest.fixture
def desktop_font(qapp):
    """``set(points)``: the application's font at ``points`` for the window built next; the
    font as it was after the test."""
    saved = qapp.font()

    def set_points(points: float) -> None:
        font = qapp.font()
        font.setPointSizeF(points)
        qapp.setFont(font)

    yield set_points
    qapp.setFont(saved)


def _pages_and_subpages(window):
    """Each page in turn shown (and each of the Train page's tabs), yielding its name."""
    tabs = window.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        page = tabs.currentWidget()
        inner = page.findChildren(QTabWidget)
        subtabs = [t for t in inner if t.count() > 1 and t.isVisibleTo(page)]
        if not subtabs:
            yield page, tabs.tabText(index)
            continue
        for sub in subtabs[:1]:  # the Train page's Settings/Live/Inside/Replay/Runs/Race
            for sub_index in range(sub.count()):
                sub.setCurrentIndex(sub_index)
                yield page, f"{tabs.tabText(index)} > {sub.tabText(sub_index)}"


def _never_sideways(area: QScrollArea) -> bool:
    return area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


@pytest.mark.parametrize(("points", "code", "theme_name"), DESKTOPS)
def test_every_page_fits_1024x700_with_a_desktops_font(
    qtbot,
    qapp,
    window_factory,
    stroke_classifier,
    desktop_font,
    restore_theme,
    points,
    code,
    theme_name,
):
    from nndesk.ui import language, theme

    desktop_font(points)
    theme.apply_theme(qapp, theme_name)
    assert language.use_language(code) == code
    try:
        check_every_page_fits(qtbot, window_factory, stroke_classifier)
    finally:
        language.use_language("en")


def check_every_page_fits(qtbot, window_factory, stroke_classifier) -> None:
    """Every page (and Train subpage) of a Clothing window at 1024x700, at the application's
    font and theme of now: no sideways scroll, no widget or chart text cut."""
    desk = window_factory(classifier=stroke_classifier, mode="garments")
    window = show_at(desk, (1024, 700))
    assert window.width() == 1024, "the window's least width is wider than the screen"
    desk.mistakes_page.set_result(_ten_class_result())
    bar = window.pages_scroll.horizontalScrollBar()
    room = window.pages_scroll.viewport().width()
    for page, name in _pages_and_subpages(window):
        qtbot.waitUntil(page.isVisible, timeout=WAIT_MS)
        if page is desk.mistakes_page:
            page.select_row(0)  # the details show a clicked mistake
        QApplication.processEvents()
        assert page.minimumSizeHint().width() <= room, name
        assert bar.maximum() == 0, f"{name}: scrolls sideways by {bar.maximum()} px"
        assert cut_widgets(window) == [], name
        assert cut_chart_texts(window) == [], name
        # a part in its own scroll area that never scrolls sideways (the Race tab) is cut
        # on the right when it is wider than that area: the page's least width misses it
        for inner in page.findChildren(QScrollArea):
            if inner.isVisible() and inner.widget() is not None and _never_sideways(inner):
                least = inner.widget().minimumSizeHint().width()
                assert least <= inner.viewport().width(), f"{name}: {least} px in less"


def test_the_mistakes_sort_box_shrinks_with_its_text_elided_and_shows_it_whole_with_room(
    qtbot,
):
    """With an 11 pt font the sort box's Vietnamese choice kept the grid's side 279 px wide;
    it may shrink now, and a shrunk box writes "Most confid…", not "Most cor" cut at its edge."""
    from nndesk.ui.mistakes_view import MistakesView

    view = MistakesView()
    qtbot.addWidget(view)
    box = view.sort_combo
    text = box.currentText()
    assert box.minimumSizeHint().width() < box.sizeHint().width()
    box.resize(box.minimumSizeHint().width(), box.sizeHint().height())
    shown = box.shown_text()
    assert shown.endswith("…") and text.startswith(shown[:-1]) and len(shown) > 4
    box.resize(box.sizeHint())
    assert box.shown_text() == text


#: a 1024x768 laptop's room for the window's inside: 768 less Ubuntu's top bar and the title bar
LAPTOP_HEIGHT = 700


@pytest.mark.parametrize("code", ["en", "vi"])
@pytest.mark.parametrize("points", [9.0, 10.0, 11.0])
def test_with_a_desktops_font_the_window_fits_a_1024x768_laptop_with_its_answer_whole(
    qtbot, qapp, window_factory, desktop_font, points, code
):
    """window59 #1: at Ubuntu's 11 pt the window's least height was 717 px (657 at 10 pt):
    the answer column (the preview, a test image's answer with its true label and runner-up
    lines, ten bars, then "Raw probabilities" and "Not sure below") was the taller column by
    ~190 px, and on a 1024x768 laptop the window's bottom was cut. Dragged to its least size,
    the window is at most 700 px tall, every bar whole and both options inside the column."""
    import numpy as np

    from nndesk.inference import Classifier
    from nndesk.paths import WEIGHTS_DIR
    from nndesk.ui import language
    from tests.ui.test_layout import _fashion_answer, _wait_every_bar_row_whole

    desktop_font(points)
    assert language.use_language(code) == code
    try:
        clf = Classifier.from_file(WEIGHTS_DIR / "fashion-cnn.npz")
        window = window_factory(classifier=clf, mode="garments").window
        window.resize(1024, LAPTOP_HEIGHT)
        QApplication.processEvents()
        panel = window.prediction_panel
        probs = np.full(10, 0.01, np.float32)
        probs[4] = 0.91
        _fashion_answer(panel, probs, true_label=4)  # the true label's line under the answer
        for _ in range(5):  # dragged to the least, as a user does until it stops
            least = window.minimumSizeHint().expandedTo(window.minimumSize())
            window.resize(least)
            QApplication.processEvents()
        assert window.minimumSizeHint().expandedTo(window.minimumSize()) == least
        assert least.height() <= LAPTOP_HEIGHT, f"{points} pt {code}: {least.height()} px tall"
        _wait_every_bar_row_whole(qtbot, panel.bars)
        column = window.draw_panel
        for option in (panel.raw_box, panel.not_sure_spin):
            bottom = option.mapTo(column, option.rect().bottomLeft()).y()
            assert bottom <= column.height(), type(option).__name__
        assert cut_widgets(window) == []
    finally:
        language.use_language("en")


@pytest.mark.parametrize(("points", "code", "theme_name"), DESKTOPS)
def test_with_a_desktops_font_a_races_keep_buttons_show_without_scrolling_sideways(
    qtbot, qapp, window_factory, desktop_font, restore_theme, points, code, theme_name
):
    """window59 #2: at 1024x700 with a 10 pt font the results of a four-lane race (names with
    their differing values, walk58 #8) were wider than the Race tab: the Keep buttons sat
    past the table's right edge, a sideways scroll away (in Vietnamese wholly out of sight)."""
    from nndesk.controllers.race import LaneResult
    from nndesk.ui import language, theme

    desktop_font(points)
    theme.apply_theme(qapp, theme_name)
    assert language.use_language(code) == code
    try:
        desk = window_factory(mode="garments")
        window = show_at(desk, (1024, 700))
        window.tabs.setCurrentWidget(desk.train_page)
        desk.train_page.tabs.setCurrentWidget(desk.train_page.race_page)
        view = desk.train_page.race_view
        qtbot.waitUntil(view.isVisible, timeout=WAIT_MS)
        names = ["Sigmoid, pixels 0 to 255", "ReLU, pixels 0 to 255"]
        names += ["sigmoid, pixels 0 to 1", "ReLU, pixels 0 to 1"]
        view.show_editors(False)
        view.show_results(
            tuple(
                LaneResult(lane, name, "completed", "", 5, 0.2345, 0.9512, 0.9876, 1234.5)
                for lane, name in enumerate(names)
            )
        )
        QApplication.processEvents()
        table = view.table
        assert table.horizontalScrollBar().maximum() == 0, "the results scroll sideways"
        for lane in range(len(names)):
            button = view.keep_button(lane)
            right = button.mapTo(table.viewport(), button.rect().topRight()).x()
            assert right <= table.viewport().width(), f"lane {lane}'s Keep: {right} px"
            assert button.width() >= needed_width(button), f"lane {lane}'s Keep is cut"
        assert table.width() <= desk.train_page.race_page.viewport().width()
        assert cut_widgets(window) == []
    finally:
        language.use_language("en")


@pytest.mark.parametrize(("points", "code"), [(9.0, "en"), (11.0, "en"), (11.0, "vi")])
def test_a_race_chart_is_never_covered_by_its_results_and_shows_whole_while_racing(
    qtbot, window_factory, tiny_data_dir, desktop_font, monkeypatch, points, code
):
    """window59 #4, seen at 11 pt in a real window: once the race was over its table lay over
    the chart's bottom, the epoch plots' ticks and "epoch" cut (8 px at 9 pt, 30 px at 11 pt
    in Vietnamese): the tab's least height counted the wrapped lanes line as one line, and the
    chart, held at its least, was pushed under the table. Racing at 11 pt, the chart's bottom
    was past the page's (an empty error line held 24 px above it)."""
    from PySide6.QtWidgets import QMessageBox

    from nndesk.ui import language
    from tests.ui.test_layout import _whole_in_view

    no = QMessageBox.StandardButton.No  # the close asks whether to keep the lanes: No
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args: no))
    desktop_font(points)
    assert language.use_language(code) == code
    try:
        desk = window_factory(mode="digits")
        window = show_at(desk, (1024, 700))
        page = desk.train_page
        window.tabs.setCurrentWidget(page)
        page.tabs.setCurrentWidget(page.race_page)
        view = page.race_view
        view.epochs.setValue(2)
        qtbot.waitUntil(view.isVisible, timeout=WAIT_MS)
        with qtbot.waitSignal(desk.race.finished_race, timeout=WAIT_MS):
            with qtbot.waitSignal(desk.race.progressed, timeout=WAIT_MS):
                view.race_button.click()
            QApplication.processEvents()
            if code == "en":  # Vietnamese at 11 pt: a page of 341 px, the chart a scroll away
                assert _whole_in_view(view.chart), "racing"
        qtbot.waitUntil(view.table.isVisible, timeout=WAIT_MS)
        QApplication.processEvents()
        chart, table = view.chart.geometry(), view.table.geometry()
        assert chart.bottom() < table.top(), f"the table covers {chart.bottom() - table.top()} px"
        assert chart.height() >= view.chart.minimumHeight()
    finally:
        language.use_language("en")


def test_in_vietnamese_at_11pt_four_lanes_results_keep_the_figures_names_on_two_lines(
    qtbot, qapp, window_factory, desktop_font
):
    """walk59 D17: with four lanes at 11 pt in Vietnamese the results wrapped the figures'
    names at every word ("Độ / chính / xác / kiểm / định", the table 398 px tall): each
    lane's least counted its Keep button saying "Đang lưu…" (99 px), a word said for a moment
    while the lane is saved. Now the names keep their two written lines (the table 257 px),
    nothing scrolls sideways, and "Saving…" is cut to its button where the lane is narrower."""
    from nndesk.controllers.race import LaneResult
    from nndesk.ui import language
    from nndesk.ui.race_results import TEST, TRAIN_LOSS, VALIDATION

    desktop_font(11.0)
    assert language.use_language("vi") == "vi"
    try:
        desk = window_factory(mode="garments")
        window = show_at(desk, (1024, 700))
        window.tabs.setCurrentWidget(desk.train_page)
        desk.train_page.tabs.setCurrentWidget(desk.train_page.race_page)
        view = desk.train_page.race_view
        qtbot.waitUntil(view.isVisible, timeout=WAIT_MS)
        pixels = "điểm ảnh 0\u00a0đến\u00a0"  # as the lanes are named in Vietnamese
        names = [f"Sigmoid, {pixels}255", f"ReLU, {pixels}255"]
        names += [f"sigmoid, {pixels}1", f"ReLU, {pixels}1"]
        view.show_editors(False)
        view.show_results(
            tuple(
                LaneResult(lane, name, "completed", "", 5, 0.2345, 0.9512, 0.9876, 1234.5)
                for lane, name in enumerate(names)
            )
        )
        QApplication.processEvents()
        table = view.table
        assert table.horizontalScrollBar().maximum() == 0, "the results scroll sideways"
        two_lines = 2 * table.fontMetrics().lineSpacing() + table.PADDING
        for row in (TRAIN_LOSS, VALIDATION, TEST):
            assert table.rowHeight(row) <= two_lines, f"row {row}: {table.rowHeight(row)} px"
        for lane in range(len(names)):
            table.say_saving(lane)
            button = view.keep_button(lane)
            said = button.fontMetrics().horizontalAdvance(button.text())
            assert said <= button.width() - table.BUTTON_FRAME, button.text()
            assert button.text().startswith("Đ") and button.text().endswith("…")
    finally:
        language.use_language("en")
