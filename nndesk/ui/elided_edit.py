"""ElidedEdit: a text field as wide as its text where the layout has room, that a narrow one
may make narrower: unfocused, it then writes its text elided ("784-300-300-1…"), whole in its
tooltip and whole again while it is being edited (a plain field showed the text's tail after
``setText``, or a part cut at the edge that read as another architecture). A start its text
shares with its neighbours' (``hide_start``: "fashion-" of two labs' names) is left out
unfocused, so what sets them apart shows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame, QToolTip

#: px a line edit keeps on each side of its text (Qt's QLineEditPrivate::horizontalMargin)
TEXT_MARGIN = 2


class ElidedEdit(QLineEdit):
    """A line edit whose size hint is its text's width (``sample`` when empty, at least
    ``least_px``) and whose least width is ``least_chars`` average characters."""

    def __init__(self, sample: str, least_chars: int, least_px: int = 56) -> None:
        super().__init__()
        self._sample = sample
        self._least_chars = least_chars
        self._least_px = least_px
        #: the start of the text left out unfocused (``hide_start``)
        self._hidden = ""
        self.textChanged.connect(self.updateGeometry)

    def hide_start(self, start: str) -> None:
        """Leave ``start`` out of the text written unfocused, where the text begins with it
        and goes on after it; "" writes the whole text again."""
        if start != self._hidden:
            self._hidden = start
            self.updateGeometry()
            self.update()

    def shown_text(self) -> str:
        """The text as written unfocused before any eliding: its hidden start left out."""
        text = self.text()
        if self._hidden and text.startswith(self._hidden) and len(text) > len(self._hidden):
            return text[len(self._hidden) :]
        return text

    def _frame_px(self) -> int:
        """Pixels around the text: the frame, the text margins and a little air."""
        margins = self.textMargins().left() + self.textMargins().right()
        return margins + 10

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        text = self.shown_text() or self._sample
        width = self.fontMetrics().horizontalAdvance(text) + self._frame_px()
        return QSize(max(self._least_px, width), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        least = self.fontMetrics().averageCharWidth() * self._least_chars + self._frame_px()
        return QSize(min(least, self.sizeHint().width()), super().minimumSizeHint().height())

    def _text_rect(self):
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        rect = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        rect = rect.marginsRemoved(self.textMargins())
        return rect.adjusted(TEXT_MARGIN, 0, -TEXT_MARGIN, 0), option

    def is_elided(self) -> bool:
        """Whether the field, unfocused, writes less than its whole text: its hidden start left
        out, or too narrow for it."""
        rect, _option = self._text_rect()
        shown = self.shown_text()
        return shown != self.text() or self.fontMetrics().horizontalAdvance(shown) > rect.width()

    def drawn_text(self) -> str:
        """The text as the field writes it unfocused at its width now."""
        rect, _option = self._text_rect()
        return self.fontMetrics().elidedText(
            self.shown_text(), Qt.TextElideMode.ElideRight, rect.width()
        )

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.hasFocus() or not self.is_elided():
            super().paintEvent(event)
            return
        rect, option = self._text_rect()
        painter = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelLineEdit, option, painter, self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.drawn_text()
        )

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.setCursorPosition(0)  # its start in view when it is drawn whole again

    def event(self, event) -> bool:
        # elided: its whole text above the field's own help
        if event.type() == QEvent.Type.ToolTip and self.is_elided():
            tip = "\n".join(t for t in (self.text(), self.toolTip()) if t)
            QToolTip.showText(event.globalPos(), tip, self)
            return True
        return super().event(event)
