"""Texts that wrap at 1024x700 (Vietnamese runs longer) keep every line in sight: nothing drawn
over them, nothing pushing a page into a scroll it does not need."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget

from .test_layout import DEFAULT, SMALL, SMALL_OPENED, WAIT_MS, show_at


@pytest.fixture(params=["en", "vi"])
def language_code(request, qapp):
    from nndesk.ui import language

    assert language.use_language(request.param) == request.param
    yield request.param
    language.use_language("en")


def box_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, widget.rect().topLeft()), widget.size())


def test_the_runs_hint_shows_whole_between_the_table_and_the_buttons(
    qtbot, window_factory, tiny_data_dir, language_code
):
    """At 1024x700 in Vietnamese the table (kept at its three rows) was drawn over the top of
    the wrapped hint: the splitter's pane counted the hint and the button rows as one line.
    One window, built at 1024x700 (the tight size) and then widened to 1280x760: every size's
    every failing check is said at once."""
    from nndesk import paths
    from nndesk.runs import RunStore

    store = RunStore(paths.runs_dir())
    for lr in (0.001, 0.01, 0.1):  # the rates differ: the hint explains the legend's "lr"
        store.create({"dataset": "mnist", "arch": "784-32-10", "optimizer": "adam", "lr": lr})
    desk = window_factory()  # with data, as the page looks when there are runs
    window = show_at(desk, SMALL)
    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    view = page.runs_view
    page.tabs.setCurrentWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.isVisible() and view.row_count() == 3, timeout=WAIT_MS)
    buttons = view.use_button.parentWidget()
    wrong = []
    for size in (SMALL, DEFAULT):
        show_at(desk, size)
        qtbot.waitUntil(lambda size=size: window.size().toTuple() == size, timeout=WAIT_MS)
        for selected in ([], [r.run_id for r in view.records()]):
            view.select_runs(selected)
            QApplication.processEvents()
            QApplication.processEvents()  # the pane's new minimum reaches the splitter
            hint, table = view.hint, view.table
            row = table.verticalHeader().defaultSectionSize()
            checks = {
                "hint whole": hint.height() >= hint.heightForWidth(hint.width()),
                "table above hint": box_in(table, view).bottom() < box_in(hint, view).top(),
                "hint above buttons": box_in(hint, view).bottom() < box_in(buttons, view).top(),
                "buttons whole": buttons.height() >= buttons.heightForWidth(buttons.width()),
                "buttons above chart": box_in(buttons, view).bottom()
                < box_in(view.chart, view).top(),
                # the table still shows three rows
                "three rows": table.viewport().height() >= 3 * row,
            }
            wrong += [(size, len(selected), name) for name, ok in checks.items() if not ok]
    assert wrong == [], (wrong, view.hint.text())


def test_the_drawing_column_keeps_its_width_whatever_the_answers_figure(
    qtbot, window_factory, language_code
):
    """In Vietnamese "100,0%" beside "đã hiệu chỉnh" (a "1" read at 100 %) widened the column
    of the answer by 4 px over "98,5%", and the page tabs beside it moved."""
    import numpy as np
    from PySide6.QtCore import QPoint

    from nndesk.inference import Prediction

    desk = window_factory()
    window = show_at(desk, SMALL)
    panel = window.prediction_panel

    def answer(top: float, calibrated: bool, label: int = 1) -> tuple[int, int]:
        probs = np.full(10, (1.0 - top) / 9, np.float32)
        probs[label] = top
        raw = probs.copy()
        if calibrated:  # the network's own figure differs a little: the panel says "calibrated"
            raw[label] -= 1e-4
            raw[(label + 1) % 10] += 1e-4
        panel.set_prediction(Prediction(probs, np.zeros((28, 28), np.float32), label, "", raw))
        QApplication.processEvents()
        QApplication.processEvents()  # the column's new width reaches the splitter
        return panel.width(), window.tabs.mapTo(window, QPoint(0, 0)).x()

    # the narrower figures first: a column once widened stays so
    seen = {
        "98,5 % calibrated": answer(0.985, True, 4),
        "50 % raw": answer(0.5, False, 7),
        "100,0 % calibrated": answer(1.0, True),
        "not sure": answer(0.3, True, 0),
        "100,0 % raw": answer(1.0, False, 8),
    }
    assert len(set(seen.values())) == 1, seen


def test_every_race_lane_shows_whole_when_the_page_narrows(
    qtbot, window_factory, tiny_data_dir, language_code
):
    """walk50 D7: started in Vietnamese at 1024x700, the Race tab's third lane was cut in half
    under "+ Thêm một cấu hình": a few pixels narrower (a 100,0 % answer widened the drawing
    column), the shared line took one more line, and the page's least height still counted it
    as one: the lanes' strip was squeezed under it. One window narrowed step by step from
    1100 px; every width's cut lanes are said at once."""
    from PySide6.QtCore import QPoint

    desk = window_factory()
    window = show_at(desk, (1100, 700))
    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    page.tabs.show_named("race")
    view = page.race_view
    view.comparison.setCurrentIndex(1)  # the optimisers: three lanes
    qtbot.waitUntil(lambda: view.isVisible() and len(view.rows) == 3, timeout=WAIT_MS)
    cut = []
    for width in (1024, 1010, 990):
        window.resize(width, 700)
        qtbot.waitUntil(lambda width=width: window.width() == width)
        QApplication.processEvents()
        QApplication.processEvents()  # the strip's new height reaches the page
        strip = view.lane_scroll.viewport()
        for row in view.rows:
            bottom = row.name.mapTo(strip, QPoint(0, row.name.height())).y()
            if bottom > strip.height():
                cut.append((width, row.name.text(), bottom, strip.height()))
    assert cut == [], cut


def _whole_once_scrolled_to(view, widget: QWidget) -> bool:
    """Whether ``widget`` shows whole once the Runs page is scrolled to it."""
    view.scroll.ensureWidgetVisible(widget, 0, 0)
    QApplication.processEvents()
    return widget.visibleRegion().boundingRect() == widget.rect()


def test_under_a_stopped_runs_offer_and_the_coach_the_runs_page_scrolls_not_squeezes(
    qtbot, window_factory, tiny_data_dir, language_code
):
    """At 1024 px under the strip offering a stopped run's model and the coach's box the Runs
    tab had less height than its panes' least: the splitter drew the table's scroll bar over
    the hint, squeezed the plots to 52 px and the window grew past the screen's 668 px
    (walk49's d10-runs-after.png). The panes keep their heights, the plots stay readable and
    what does not fit is a scroll away: every button and the whole chart can be reached.
    One window at 1024x700, then lowered to 1024x668 (a screen with the taskbar opened);
    every height's failing checks are said at once."""
    from nndesk import paths
    from nndesk.runs import RunStore
    from nndesk.ui.runs_chart import overlay_figure
    from tests.test_runs import two_epoch_curves

    store = RunStore(paths.runs_dir())
    for lr in (0.001, 0.01, 0.1):
        store.create({"dataset": "mnist", "arch": "784-32-10", "optimizer": "adam", "lr": lr})
    desk = window_factory()
    window = show_at(desk, SMALL)
    window.model_notice.offer(0.404, 0.994, "mnist-cnn")
    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    page.coach.reserve()  # the coach's box, as after a run
    view = page.runs_view
    page.tabs.setCurrentWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.isVisible() and view.row_count() == 3, timeout=WAIT_MS)
    view.select_runs([r.run_id for r in view.records()])
    wrong = []
    for size in (SMALL, SMALL_OPENED):
        show_at(desk, size)
        QApplication.processEvents()
        QApplication.processEvents()  # the pane's new minimum reaches the splitter
        hint, table, buttons = view.hint, view.table, view.use_button.parentWidget()
        chart = view.chart
        # the three plots drawn at the chart's size are tall enough for their ticks
        fig = overlay_figure([("a", two_epoch_curves())], "", chart.width(), chart.height())
        renderer = fig.canvas.get_renderer()
        checks = {
            "window height": window.height() == size[1],
            "hint whole": hint.height() >= hint.heightForWidth(hint.width()),
            "table above hint": box_in(table, view).bottom() < box_in(hint, view).top(),
            "hint above buttons": box_in(hint, view).bottom() < box_in(buttons, view).top(),
            "buttons whole": buttons.height() >= buttons.heightForWidth(buttons.width()),
            "buttons above chart": box_in(buttons, view).bottom() < box_in(chart, view).top(),
            "three rows": table.viewport().height()
            >= 3 * table.verticalHeader().defaultSectionSize(),
            "plots readable": all(ax.get_window_extent(renderer).height >= 60 for ax in fig.axes),
        }
        for button in (view.use_button, view.delete_button, view.folder_button):
            checks[f"reach {button.text()}"] = _whole_once_scrolled_to(view, button)
        checks["reach chart"] = _whole_once_scrolled_to(view, chart)
        wrong += [(size, name) for name, ok in checks.items() if not ok]
    assert wrong == [], (wrong, view.hint.text())
