"""A page in a FitArea stays where it is when a control greyed with the focus hands it on
(walk58 #5: Continue, at the Train page's foot, greyed as its run started and the page scrolled
30 px down to Export PNG…, the headline out of sight)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from nndesk.ui.fit_column import FitArea


def _page(qtbot):
    layout = QVBoxLayout()
    headline = QLabel("Fashion-MNIST 784-300-300-100-100-10 PReLU")
    headline.setWordWrap(True)  # as the run's headline: the column's height is per width
    tall = QWidget()
    tall.setMinimumHeight(400)
    layout.addWidget(headline)
    layout.addWidget(tall)
    row = QHBoxLayout()
    resume, export = QPushButton("Continue"), QPushButton("Export PNG…")
    row.addWidget(resume)
    row.addWidget(export)
    layout.addLayout(row)
    area = FitArea(layout)
    qtbot.addWidget(area)
    area.resize(300, 420)  # the buttons' row half in sight, as at 1024x700
    area.show()
    qtbot.waitExposed(area)
    return area, resume, export


def test_a_button_greyed_with_the_focus_leaves_the_page_where_it_was(qtbot):
    area, resume, export = _page(qtbot)
    resume.setFocus(Qt.FocusReason.MouseFocusReason)  # clicked
    assert area.verticalScrollBar().maximum() > 0  # the page scrolls
    assert area.verticalScrollBar().value() == 0
    resume.setEnabled(False)  # the run it started is going
    assert export.hasFocus() or area.focusWidget() is export  # the focus moved on
    assert area.verticalScrollBar().value() == 0


def test_tab_still_scrolls_to_the_control_it_moves_to(qtbot):
    area, resume, export = _page(qtbot)
    resume.setFocus(Qt.FocusReason.MouseFocusReason)
    area.focusNextPrevChild(True)  # what Tab does
    assert area.focusWidget() is export
    assert area.verticalScrollBar().value() > 0
