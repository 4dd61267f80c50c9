"""FitArea: a page's column in a scroll area that scrolls only when the column's least height
at its width does not fit; FitColumn: the Train page's (the run's header over its tabs).

The header's rows wrap (the run buttons take three rows on a narrow page, the data banner three
lines), and a layout counts a wrapped row's height nowhere in its minimum: in a window at its
least size (828x583) with the banner shown, the layout squeezed the buttons' third row ("LR now",
"Set LR", "Apply to run") to 3 px (walk52 #8). The column here reports, at each width, the height
its rows need wrapped plus its other parts' least height, and the scroll area gives it that much.

``fit_page`` holds a page whose data banner raised the window's least height: on the Map and
Lab pages the banner's lines came on top of a least height already near the window's, and the
window grew (598 -> 634 px at 1024 px wide, 657 px at 828 px), even on another page, since the
pages' stack is as tall as its tallest page needs. There the page's least height stays what it
is without the banner, and with it (and its Details) the page scrolls. Not less than that: a
page laid out below its own least height would be squeezed, not scrolled. Nor more than
``HELD_MOST``: the Lab's 457 px made the pages' stack taller than the pages' room in the window
at its least (a 1024x700 screen at 125 %), and every page scrolled in the window's scroll area,
two scroll bars side by side on the Why page (walk66 #1); below that the Lab's column scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QVBoxLayout, QWidget

#: px: the most a page's column holds of the pages' stack: the pages' room in the window at its
#: least height (537 px at Normal text: 438 px under the menus, tool bar, page names and status;
#: 415 in Vietnamese, whose page names take two rows at 819 px), less the stack's 4 px: at 430
#: the stack was 434 px there and the Why page showed two scroll bars side by side (fixV, s70)
HELD_MOST = 410


class _Column(QWidget):
    """``layout``'s widgets, as tall as its least height at the column's width needs."""

    def __init__(self, layout: QLayout) -> None:
        super().__init__()
        self.setLayout(layout)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        # the least height, not the preferred one: QScrollArea takes this as the widget's
        # least height and scrolls below it (the preferred one would scroll at any size)
        return self.layout().minimumHeightForWidth(width)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # never wider than the viewport (the page's width is the splitter's to set)
        return QSize(0, self.heightForWidth(max(self.width(), 1)))


class FitArea(QScrollArea):
    """``layout`` in a column scrolled vertically when the page is too short for it;
    ``above``: a part of it (a banner) whose height the area's least height leaves out."""

    def __init__(self, layout: QLayout, above: QWidget | None = None) -> None:
        super().__init__()
        self.column = _Column(layout)
        self._above = above
        self.setWidget(self.column)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # as wide as the column's own least width, as before it scrolled; any height
        least = super().minimumSizeHint()
        height = least.height()
        if self._above is not None:  # the column's least height, less the banner's lines
            width = max(self.viewport().width(), 1)
            height = self.column.heightForWidth(width) - self._height_above(width)
            height = min(height, HELD_MOST)
        return QSize(self.column.layout().minimumSize().width(), max(height, 0))

    def _height_above(self, width: int) -> int:
        above = self._above
        if above is None or not above.isVisibleTo(self.column):
            return 0
        height = above.heightForWidth(width)
        height = above.sizeHint().height() if height < 0 else height
        return height + max(self.column.layout().spacing(), 0)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.column.sizeHint()

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 - Qt override
        """Focus handed on by a control greyed while it had it stays where the page is: Qt
        passes it to the next control and the scroll area scrolled there. Continue, at the
        foot of the Train page, greys as the run starts, and the page scrolled 30 px down to
        Export PNG…: the run's headline out of sight, its letters' feet dots under the tabs
        (walk58 #5). Tab (a control the person moves to) scrolls to it, as before."""
        focused = self.window().focusWidget()  # the window's, active or not
        if focused is None or focused.isEnabled() or not self.isAncestorOf(focused):
            return super().focusNextPrevChild(next)
        bar = self.verticalScrollBar()
        kept = bar.value()
        moved = super().focusNextPrevChild(next)
        bar.setValue(kept)
        return moved


class FitColumn(FitArea):
    """``header`` (a widget) over ``tabs``, scrolled vertically when the page is too short."""

    def __init__(self, header: QWidget, tabs: QWidget) -> None:
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(header)
        column.addWidget(tabs, 1)
        super().__init__(column)


def fit_page(page: QWidget, layout: QLayout, banner: QWidget) -> FitArea:
    """Give ``page`` ``layout`` inside a FitArea whose least height leaves ``banner`` out."""
    area = FitArea(layout, above=banner)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area)
    return area
