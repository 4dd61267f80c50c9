"""FlowLayout: widgets left to right, wrapping onto the next line when the row is full.

A row of buttons or big numbers that fits beside the drawing at 1280 px wraps instead of being
cut at 1024 px. Its minimum width is its widest item, and it reports ``heightForWidth`` so the
page grows by a line when it wraps.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QVBoxLayout, QWidget

#: lines a row with folded widgets (``FlowLayout.set_fold``) takes before it folds them: two
#: rows of run buttons keep the per-epoch charts in sight at 1024x768 (English, Larger)
FOLD_AFTER_LINES = 2


class FlowLayout(QLayout):
    """Items in reading order; ``stretch_last`` lets the last item take the rest of its line."""

    def __init__(
        self, parent: QWidget | None = None, spacing: int = 6, balanced: bool = False
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._balanced = balanced  # wrapped lines of even length, never one item left alone
        self.setContentsMargins(0, 0, 0, 0)
        # widgets shown in a menu (``more``) where that saves the row a line (``set_fold``)
        self._folded: tuple[QWidget, ...] = ()
        self._more: QWidget | None = None
        self._fold_shown = False  # whether the folded widgets are wanted at all
        self._folds = False  # whether they are in ``more`` now (set at the last geometry)

    def set_fold(self, widgets: tuple[QWidget, ...], more: QWidget) -> None:
        """``widgets`` (in the row) go into ``more`` (a button in the row that offers them in
        its menu) at a width where the row takes more than ``FOLD_AFTER_LINES`` lines, and
        fewer so: the Train page's run buttons
        took three rows at 1024 px in Vietnamese at Larger text, and the per-epoch charts
        under them were below the fold while a run went (fixV, s70). Shown or hidden with
        ``show_folding``; the layout hides the one or the other."""
        self._folded, self._more = tuple(widgets), more
        for widget in (*self._folded, more):
            widget.hide()

    def show_folding(self, shown: bool) -> None:
        """Show the folded widgets (in the row, or in ``more`` where they take a line), or
        neither."""
        self._fold_shown = shown
        self._set_folds(self._fold_at(self.geometry().width()))

    def folds(self) -> bool:
        """Whether the folded widgets are in ``more``'s menu now."""
        return self._folds

    def _fold_at(self, width: int) -> bool:
        if not self._fold_shown or self._more is None or width <= 0:
            return False
        lines = self._lines_of(self._chosen(False), width)
        return lines > FOLD_AFTER_LINES and self._lines_of(self._chosen(True), width) < lines

    def _set_folds(self, folds: bool) -> None:
        self._folds = folds
        if self._more is None:
            return
        for widget, shown in ((w, self._fold_shown and not folds) for w in self._folded):
            if widget.isHidden() == shown:
                widget.setVisible(shown)
        if self._more.isHidden() == folds:
            self._more.setVisible(folds)

    def _chosen(self, folds: bool) -> list[QLayoutItem]:
        """The items shown with the folded widgets in ``more`` (``folds``) or in the row."""
        chosen = []
        for item in self._items:
            widget = item.widget()
            if widget is self._more:
                keep = self._fold_shown and folds
            elif widget in self._folded:
                keep = self._fold_shown and not folds
            else:
                keep = not (widget and widget.isHidden())
            if keep:
                chosen.append(item)
        return chosen

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        if self._more is not None and self._fold_at(rect.width()) != self._folds:
            # not here: a widget shown or hidden inside a layout's pass was left shown at
            # 640x480 over the row, never placed
            QTimer.singleShot(0, self, self._refold)
        self._arrange(rect, move=True)

    def _refold(self) -> None:
        folds = self._fold_at(self.geometry().width())
        if folds != self._folds:
            self._set_folds(folds)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Everything on one line."""
        width = sum(i.sizeHint().width() for i in self._visible())
        width += self._spacing * max(0, len(self._visible()) - 1)
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        """The widest single item: narrower than that, nothing can wrap any more."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _visible(self, width: int | None = None) -> list[QLayoutItem]:
        """The items shown (at ``width``: with the folded widgets where they are there)."""
        if self._more is not None and width is not None:
            return self._chosen(self._fold_at(width))
        return [i for i in self._items if not (i.widget() and i.widget().isHidden())]

    def _sizes(self, width: int, items: list[QLayoutItem] | None = None) -> list[QSize]:
        return [
            _hint(item).boundedTo(QSize(width, 10**6)).expandedTo(_least(item))
            for item in (self._visible() if items is None else items)
        ]

    def _lines_of(self, items: list[QLayoutItem], width: int) -> int:
        lines, x = 1, 0
        for size in self._sizes(width, items):
            if x and x + size.width() > width:
                lines, x = lines + 1, 0
            x += size.width() + self._spacing
        return lines

    def _lines(self, width: int) -> int:
        """How many lines the items take in ``width`` px, each line filled in turn."""
        return self._lines_of(self._visible(), width)

    def _balanced_width(self, width: int) -> int:
        """The narrowest width that holds the items in as few lines as ``width`` does: filled
        in turn in it, the lines come out even (3 and 3 buttons, not 5 and a lone one)."""
        lines = self._lines(width)
        if lines == 1:
            return width
        low = max((s.width() for s in self._sizes(width)), default=0)
        high = width
        while low < high:
            middle = (low + high) // 2
            if self._lines(middle) <= lines:
                high = middle
            else:
                low = middle + 1
        return high

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place (or only measure) the items in ``rect``; returns the height used."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        if self._balanced and area.width() > 0:
            area.setWidth(self._balanced_width(area.width()))
        x, y, line_height = area.x(), area.y(), 0
        line: list[tuple[QLayoutItem, QSize]] = []

        def place_line() -> None:
            # items keep their hinted width; the line's items share its height
            lx = area.x()
            for item, size in line:
                if move:
                    item.setGeometry(QRect(QPoint(lx, y), QSize(size.width(), line_height)))
                lx += size.width() + self._spacing

        for item in self._visible(None if move else area.width()):
            size = _hint(item).boundedTo(QSize(area.width(), 10**6))
            size = size.expandedTo(_least(item))
            if line and x + size.width() > area.right() + 1:
                place_line()
                y += line_height + self._spacing
                x, line_height, line = area.x(), 0, []
            line.append((item, size))
            x += size.width() + self._spacing
            line_height = max(line_height, size.height())
        if line:
            place_line()
        return y + line_height - rect.y() + m.bottom()


def _hint(item: QLayoutItem) -> QSize:
    """``item``'s size hint, a hidden widget's too (a layout's item of one says 0x0): the row's
    lines are counted with a folded widget shown or not (``FlowLayout.set_fold``)."""
    widget = item.widget()
    if widget is None or not widget.isHidden():
        return item.sizeHint()
    return widget.sizeHint().expandedTo(widget.minimumSize()).boundedTo(widget.maximumSize())


def _least(item: QLayoutItem) -> QSize:
    widget = item.widget()
    return widget.minimumSize() if widget is not None and widget.isHidden() else item.minimumSize()


def flow_row(*widgets: QWidget, spacing: int = 6, balanced: bool = False) -> QWidget:
    """A widget holding ``widgets`` in a FlowLayout (for a page's QVBoxLayout); ``balanced``:
    wrapped lines of even length."""
    holder = QWidget()
    layout = FlowLayout(holder, spacing, balanced)
    for widget in widgets:
        layout.addWidget(widget)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    holder.setSizePolicy(policy)
    return holder


class FittedRow(QWidget):
    """A FlowLayout's widgets, as tall as their lines at the row's width, set when the width
    changes; it reports no height-for-width. In a page whose other parts have none (a chart),
    height-for-width made the page's least height its preferred one, chart and all: the Train
    page's Live tab grew 250 px taller than the window and scrolled."""

    def __init__(self, *widgets: QWidget, spacing: int = 6) -> None:
        super().__init__()
        layout = FlowLayout(self, spacing)
        for widget in widgets:
            layout.addWidget(widget)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return False

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # not its own height's change
            self.fit_to(event.size().width())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.fit_to(self.width())

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:  # a button's text changed
            self.fit_to(self.width())
        return handled

    def fit_to(self, width: int) -> None:
        """As tall as the lines take at ``width`` px (its width, or the one it is given next)."""
        if width > 0:
            height = self.layout().heightForWidth(width)
            if height != self.height():
                self.setFixedHeight(height)


def labelled(text: str, widget: QWidget) -> QWidget:
    """``text`` and ``widget`` side by side, so a wrapping row never parts them."""
    from PySide6.QtWidgets import QHBoxLayout, QLabel

    pair = QWidget()
    layout = QHBoxLayout(pair)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    label = QLabel(text)
    label.setBuddy(widget)
    layout.addWidget(label)
    layout.addWidget(widget)
    return pair


class WrappingColumn(QWidget):
    """Widgets one above the other whose minimum height is what they need at today's width.

    A QSplitter keeps a pane no lower than its ``minimumSizeHint`` and knows nothing of
    height-for-width: a layout's minimum counts a wrapping label or button row as one line, so
    at 1024 px the Runs table (kept at its minimum) was drawn over the wrapped hint below it.
    """

    def __init__(self, *widgets: QWidget, stretch_first: bool = True) -> None:
        super().__init__()
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        for index, widget in enumerate(widgets):
            self._column.addWidget(widget, 1 if stretch_first and index == 0 else 0)
        self._min_height = 0

    def min_height_for_width(self, width: int) -> int:
        """Each shown part's minimum height at ``width`` px, wrapped parts counted whole."""
        column = self._column
        m = column.contentsMargins()
        inner = width - m.left() - m.right()
        heights = []
        for index in range(column.count()):
            item = column.itemAt(index)
            if item.isEmpty():  # a hidden widget
                continue
            if item.hasHeightForWidth():
                heights.append(max(item.heightForWidth(inner), item.minimumSize().height()))
            else:
                heights.append(item.minimumSize().height())
        gaps = column.spacing() * max(0, len(heights) - 1)
        return sum(heights) + gaps + m.top() + m.bottom()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self.min_height_for_width(self.width())))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._recheck()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:  # a part's text or lines changed
            self._recheck()
        return handled

    def _recheck(self) -> None:
        height = self.min_height_for_width(self.width())
        if height != self._min_height:
            self._min_height = height
            self.updateGeometry()  # the splitter asks again
