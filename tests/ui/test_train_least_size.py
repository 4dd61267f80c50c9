"""At the window's least size the Train page squeezes no row of controls: it scrolls instead."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from nndesk.controllers.training import TrainingController
from nndesk.runs import RunStore
from tests.ui.conftest import training_page

WAIT_MS = 60_000  # a bound for a failure only
PAGE_AT_LEAST = (360, 461)  # the Train page in the window at its least size, 828x583
#: the banner at its longest: a dataset missing and the data folder chosen not a folder
MNIST_MISSING = (
    "MNIST is not on this computer yet: download it, or choose a folder holding its four IDX "
    "files. Data folder /etc/passwd is a file, not a folder."
)


def clipped_controls(page: QWidget) -> list[str]:
    """Visible buttons, boxes and fields reaching past their parent's edge (cut by it)."""
    cut = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(
            widget, (QAbstractButton, QComboBox, QLineEdit)
        ):
            continue
        parent = widget.parentWidget()
        if isinstance(parent, (QComboBox,)) or type(widget).__name__.startswith("QSpinBox"):
            continue
        if not QRect(0, 0, parent.width(), parent.height()).contains(widget.geometry()):
            name = getattr(widget, "text", lambda: "")() or type(widget).__name__
            cut.append(f"{name!r}: {widget.geometry()} in {parent.width()}x{parent.height()}")
    return cut


def test_at_the_least_size_with_the_data_banner_the_run_buttons_are_whole(qtbot, tmp_path):
    # walk52 #8: in the window at its least size (828x583) the Train page is 360x461; with
    # "MNIST is not on this computer" shown, the third row of run buttons (LR now, Set LR,
    # Apply to run) was squeezed to 3 px
    page = page_in_a_holder(qtbot, tmp_path, PAGE_AT_LEAST)
    page.data_banner.show_problem(MNIST_MISSING, missing="mnist")
    qtbot.waitUntil(page.data_banner.isVisible, timeout=WAIT_MS)
    page.controls.set_idle(False)  # the run's three rows of buttons, as while a run goes
    qtbot.waitUntil(lambda: page.apply_button.isVisible(), timeout=WAIT_MS)
    row = page.apply_button.parentWidget()
    # (the header is a widget in the page's column: its rows settle in a few layout passes)
    qtbot.waitUntil(lambda: row.height() >= row.heightForWidth(row.width()), timeout=WAIT_MS)
    assert clipped_controls(page) == []
    # what does not fit is a scroll away: each run button can be brought into view
    for button in (page.train_button, page.apply_button):
        area = _scroll_area_of(button)
        assert area is not None
        area.ensureWidgetVisible(button)
        QApplication.processEvents()
        top = button.mapTo(area.viewport(), button.rect().topLeft()).y()
        assert top >= 0 and top + button.height() <= area.viewport().height()


def page_in_a_holder(qtbot, tmp_path, size, holder_size=(400, 600)):
    """A Train page given ``size`` in a shown holder, which (as the window's page stack) gives
    the page less than its minimum when it is smaller."""
    page = training_page(TrainingController(lambda name: None, RunStore(tmp_path / "runs")))
    holder = QWidget()
    qtbot.addWidget(holder)
    holder.resize(*holder_size)
    page.setParent(holder)
    page.setGeometry(0, 0, *size)
    holder.show()
    return page


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def test_on_a_short_page_the_inside_tabs_chart_is_a_scroll_away_not_cut(qtbot, tmp_path):
    from nndesk.inside_plots import least_height

    # s52: the tabs give up height first on a short page (above): the Inside tab's chart kept
    # its 150 px in a tab 90-130 px tall, and its lower part was cut by the tab's edge
    # shorter still: the tabs at their least
    # (330 px: idle, the run's steering folds away and the header is shorter, fixE)
    page = page_in_a_holder(qtbot, tmp_path, (PAGE_AT_LEAST[0], 330))
    page.data_banner.show_problem(MNIST_MISSING, missing="mnist")
    page.tabs.show_named("inside")
    chart = page.inside_view.image
    qtbot.waitUntil(chart.isVisible, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.tabs.height() == page.tabs.minimumHeight(), timeout=WAIT_MS)
    QApplication.processEvents()

    tab = page.tabs.currentWidget()
    bottom = chart.mapTo(tab, chart.rect().bottomLeft()).y() + 1
    # its rows of charts at their least (walk64 D19: shrunk to 150 px, its text was ~5 px)
    least = least_height(page.inside_view.width())
    assert chart.height() >= chart.minimumHeight() == least
    assert bottom > tab.height()  # taller than the tab: the rest must be a scroll away
    assert isinstance(tab, QScrollArea), "the chart is cut by the tab's edge"
    assert tab.verticalScrollBar().maximum() >= bottom - tab.viewport().height()


def test_on_a_short_page_the_live_charts_keep_their_height_and_scroll(qtbot, tmp_path):
    # walk55c D7: at 1024x700 with a data banner and the coach's box, the Live tab's charts
    # were squeezed to 10-20 px (axis labels over each other): they keep their least height,
    # and the page's column scrolls to them
    from nndesk.ui.live_page import LIVE_CHART_LEAST_HEIGHT

    # the Train page in a 1024x700 window, wide (440 px: idle, the run's steering folds away
    # and the header is shorter than the 520 px page's was, fixE)
    page = page_in_a_holder(qtbot, tmp_path, (1024, 440), holder_size=(1100, 600))
    page.data_banner.show_problem(
        "Fashion-MNIST is not on this computer yet: download it, or choose a folder holding "
        "its four IDX files.",
        missing="fashion",
    )
    page.coach.reserve()  # the coach's place, kept from the first run on
    page.tabs.show_named("live")
    qtbot.waitUntil(page.plot.isVisible, timeout=WAIT_MS)
    area = _scroll_area_of(page.plot)

    def bottom() -> int:
        return page.plot.mapTo(area.widget(), page.plot.rect().bottomLeft()).y() + 1

    # (the header's splitter and the column settle in two passes of the event loop)
    qtbot.waitUntil(
        lambda: area.verticalScrollBar().maximum() >= bottom() - area.viewport().height(),
        timeout=WAIT_MS,
    )
    assert page.plot.height() >= LIVE_CHART_LEAST_HEIGHT
    assert bottom() > area.viewport().height()  # taller than the page: a scroll away, not cut
    tab = page.tabs.currentWidget()
    assert page.plot.mapTo(tab, page.plot.rect().bottomLeft()).y() < tab.height()
    page.tabs.show_named("runs")  # another tab gives up its height first, as before
    assert page.tabs.minimumHeight() < LIVE_CHART_LEAST_HEIGHT
