"""PageTabs: the window's pages, named in a row of buttons that wraps instead of scrolling.

QTabBar keeps its tabs on one line and hides what does not fit behind scroll arrows: in
Vietnamese ("Huấn luyện", "Thí nghiệm") the last pages were out of sight even at 1280 px. Here
the names sit in a ``FlowLayout`` that starts a second row when the first is full, so every page
is one click away at any width and in any language. The QTabWidget API (addTab,
setCurrentWidget, currentChanged, tabText) stays, so callers need not know.

``PageBarPlace`` puts that row above the pages where the names fit there on one line, else in a
row of its own across the window: the eight Vietnamese names need 623 px at 11 pt, the pages
get 481 px of a 1024 px window, and two rows took a line from every page.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Slot
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QHBoxLayout,
    QTabBar,
    QTabWidget,
    QToolButton,
    QWidget,
)

from nndesk.controllers.worker_freeing import free_later
from nndesk.ui import text_size
from nndesk.ui.flow_layout import FittedRow


class _NoTabBar(QTabBar):
    """QTabWidget's own bar, never shown (``PageTabs.bar`` names the pages): it takes no room."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(0, 0)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(0, 0)


class _PageButton(QToolButton):
    """A page's name: the text with ``PAD`` px each side, narrower than the style's tool
    button (17 px of padding), so the eight Vietnamese names fit one row at 1024 px."""

    PAD = 5

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        return QSize(
            self.fontMetrics().horizontalAdvance(self.text()) + 2 * self.PAD, hint.height()
        )

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()


class PageTabs(QTabWidget):
    """A QTabWidget whose own tab bar is hidden; ``bar`` (placed by the window above the pages)
    holds one checkable button per page, wrapping onto more rows when the width runs out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabBar(_NoTabBar())  # QTabWidget counts a hidden bar's height in its minimum
        self.tabBar().hide()
        # no Tab stop of its own: QTabWidget takes Tab focus and passes it to its bar, and a
        # hidden bar cannot take it, so forward Tab stayed on the widget before the pages for
        # good (walk52 #1: the "Not sure below" box); the page buttons and the pages' own
        # controls are the stops, and View > Next page / Previous page switch pages
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # as tall as its width needs, set when its width changes; no height-for-width: the
        # window would take its least height from the rows needed at its least width (two rows
        # at 832 px), and a 1024x700 window that needs one row would be forced taller than the
        # screen
        self.bar = FittedRow(spacing=2)
        self.bar.setObjectName("page-bar")
        self._flow = self.bar.layout()
        self._flow.setContentsMargins(2, 2, 2, 2)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.idClicked.connect(self.setCurrentIndex)
        self.buttons: list[QToolButton] = []
        self.currentChanged.connect(self._on_current_changed)

    # QTabWidget calls these whenever a page comes or goes (addTab, insertTab, removeTab)
    def tabInserted(self, index: int) -> None:  # noqa: N802 - Qt override
        super().tabInserted(index)
        self._rebuild()

    def tabRemoved(self, index: int) -> None:  # noqa: N802 - Qt override
        super().tabRemoved(index)
        self._rebuild()

    def setTabText(self, index: int, text: str) -> None:  # noqa: N802 - Qt API
        super().setTabText(index, text)
        if 0 <= index < len(self.buttons):
            self.buttons[index].setText(text)

    def setTabToolTip(self, index: int, tip: str) -> None:  # noqa: N802 - Qt API
        super().setTabToolTip(index, tip)
        if 0 <= index < len(self.buttons):
            self.buttons[index].setToolTip(tip)

    def _rebuild(self) -> None:
        for button in self.buttons:
            self._group.removeButton(button)
            self._flow.removeWidget(button)
            button.hide()  # until it is freed it would still be drawn, at its default size
            free_later(button)  # worker_freeing: with the GIL, not by deleteLater
        self.buttons = []
        for index in range(self.count()):
            button = _PageButton()
            button.setText(self.tabText(index))
            button.setToolTip(self.tabToolTip(index))
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self._group.addButton(button, index)
            self._flow.addWidget(button)
            self.buttons.append(button)
        self._on_current_changed(self.currentIndex())

    @Slot()
    def show_next(self) -> None:
        """The page after the one shown (after the last, the first): View > Next page."""
        if self.count():
            self.setCurrentIndex((self.currentIndex() + 1) % self.count())

    @Slot()
    def show_previous(self) -> None:
        """The page before the one shown (before the first, the last): View > Previous page."""
        if self.count():
            self.setCurrentIndex((self.currentIndex() - 1) % self.count())

    @Slot(int)
    def _on_current_changed(self, index: int) -> None:
        if 0 <= index < len(self.buttons):
            self.buttons[index].setChecked(True)


class PageBarPlace(QObject):
    """Where the pages' names stand: first in ``column`` (the pages' own column) while they fit
    its width on one row, else right-aligned in ``across`` (a row over the whole window, hidden
    while empty), where Vietnamese at 10 and 11 pt fits one row at 1024 px.

    A window narrower than ``LAID_OUT_FOR`` places them as at that width (its pages' column
    that much wider): across, the window's least height is a row taller, and it stays the same
    as the window is dragged to its least width (s54), where English would go across too.
    Across, the drawing column is a row shorter, so its canvas may narrow and the pages' column
    widen: the names come back only when they fit with ``BACK_MARGIN`` px to spare, or the two
    places would take turns."""

    LAID_OUT_FOR = 1024  # px: the window's width on the course's 1024x768 laptops
    BACK_MARGIN = 48  # more than the row's height (~29 px at 11 pt), by which the canvas narrows

    def __init__(
        self, bar: QWidget, column: QBoxLayout, across: QWidget, narrowed=lambda: 0
    ) -> None:
        """``narrowed()``: the px the drawing column has given up below its width at
        ``LAID_OUT_FOR`` (its canvas narrowed in a smaller window): the pages' column is that
        much narrower than a window's narrowing alone leaves it."""
        super().__init__(bar)
        self._bar, self._column, self._across = bar, column, across
        self._narrowed = narrowed
        self.across = False
        row = QHBoxLayout(across)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)  # the names end at the window's right edge, over the pages
        across.hide()
        column.insertWidget(0, bar)
        column.parentWidget().installEventFilter(self)
        # the names' width changed: placed as for a window built at the new font (a font tried
        # for its size and left, ui/screen_text.py, kept them across a row taller at Normal's)
        text_size.notifier().changed.connect(self._place_afresh)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self.place()
        return super().eventFilter(watched, event)

    @Slot()
    def _place_afresh(self) -> None:
        self.place(afresh=True)

    @Slot()
    def place(self, afresh: bool = False) -> None:
        """The names across the window if they do not fit the pages' column on one row
        (``afresh``: as if they had never moved, with no ``BACK_MARGIN``)."""
        window = self._bar.window()
        if window.width() < window.minimumWidth():
            # a window narrower than its least (maximised on a smaller screen): Qt resizes it
            # to any new least size, and it forgets its normal place (test_language_switch)
            return
        # the pages' column as at LAID_OUT_FOR: the window's narrowing, less what the drawing
        # column gave of it (a canvas below 280 px: with it counted twice, the window's least
        # height moved by the names' row as it was dragged to its least, vi 962x562 -> 816x537)
        narrowing = max(0, self.LAID_OUT_FOR - window.width())
        narrowed = self._narrowed()
        if afresh and self.across:
            # the canvas gave the names' row its height (a shorter column): over the column
            # it has that height back, and that much less narrowed
            narrowed = max(0, narrowed - self._across.height())
        room = self._column.parentWidget().width() + max(0, narrowing - narrowed)
        need = self._bar.layout().sizeHint().width()  # every name on one row
        across = need > room - (self.BACK_MARGIN if self.across and not afresh else 0)
        if across == self.across:
            return
        self.across = across
        # as tall as the names' one row where they go, before that row is laid out: fitted to
        # the column they leave, at a new font they took two rows there, and moved across at
        # that height they made the window's least height a row taller for a moment (706 px):
        # Qt grew the window to it, and nothing shrinks it back (1024x707 on a 700 px screen,
        # walk67 #1)
        there = self._across.parentWidget().width() if across else room
        self._bar.fit_to(min(need, there))
        if across:
            self._across.layout().addWidget(self._bar)
        else:
            self._column.insertWidget(0, self._bar)
        self._bar.show()  # a widget moved to another parent is hidden until shown
        self._across.setVisible(across)
