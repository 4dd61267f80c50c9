"""Labels that keep their place and fit their text (reserved heights, widest texts, fonts)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QSizePolicy,
    QStackedLayout,
    QWidget,
)


def fitted_font(font: QFont, text: str, width: float, least: float = 6.5) -> QFont:
    """``font``, made smaller (down to ``least`` points) until ``text`` fits ``width`` px:
    a long name beside its percentage in a narrow column ("Áo thun/áo phông" in bold) was
    drawn over it."""
    fitted = QFont(font)
    while QFontMetrics(fitted).horizontalAdvance(text) > width and fitted.pointSizeF() > least:
        fitted.setPointSizeF(max(least, fitted.pointSizeF() * 0.94))
    return fitted


#: ``ReservedLabel.tallest``'s heights by texts, width, font, dpi, margins and the sheets over
#: the label (a sheet's padding or font would change them): a few hundred at most
_TALLEST: dict[tuple, int] = {}
_TALLEST_LIMIT = 2000


def _sheets_over(widget: QWidget) -> tuple[str, ...]:
    """The style sheets that apply to ``widget``'s children: its own, its parents', the
    application's."""
    sheets = []
    at: QWidget | None = widget
    while at is not None:
        sheets.append(at.styleSheet())
        at = at.parentWidget()
    app = QApplication.instance()
    sheets.append(app.styleSheet() if isinstance(app, QApplication) else "")
    return tuple(sheets)


class ReservedLabel(QLabel):
    """A word-wrapped label as tall, at any width, as the tallest of some texts it may show.

    The runner-up line ("Thứ hai: Áo thun/áo phông 3,3% (cách 86,9 điểm)") took two lines for
    long names and one for short ones, so the bars under it jumped while the user drew: the
    line keeps the height of the longest one for the classes shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._reserved: tuple[str, ...] = ()
        # measures each text the way this label lays it out; hidden, and a child so that Qt
        # deletes it with the label: a parentless one was left to Python's cyclic collector,
        # which can free a widget while Qt walks its widgets (a crash in allWidgets())
        self._probe = QLabel(self)
        self._probe.setWordWrap(True)
        self._probe.hide()
        self._heights: dict[int, int] = {}  # width -> reserved height

    def set_reserved_texts(self, texts) -> None:
        self._reserved = tuple(texts)
        self._heights.clear()
        self.updateGeometry()

    def reserved_height(self, width: int) -> int:
        if width not in self._heights:
            self._heights[width] = self.tallest(self._reserved, width)
        return self._heights[width]

    def tallest(self, texts, width: int) -> int:
        """The height of the tallest of ``texts`` laid out in this label ``width`` px wide.
        Measured once per process for the same texts, width, font, dpi, margins and style sheets
        (``_TALLEST``): each window measured the same ~100 answer lines again as it was built,
        a tenth of its building."""
        margins = self.contentsMargins()
        key = (
            tuple(texts),
            width,
            self.font().key(),
            self.logicalDpiY(),  # a point's pixels on this label's screen
            (margins.left(), margins.top(), margins.right(), margins.bottom()),
            _sheets_over(self),
        )
        height = _TALLEST.get(key)
        if height is None:
            self._probe.setFont(self.font())
            self._probe.setContentsMargins(margins)
            heights = [0]
            for text in texts:
                self._probe.setText(text)
                heights.append(self._probe.heightForWidth(width))
            height = max(heights)
            if len(_TALLEST) >= _TALLEST_LIMIT:
                _TALLEST.clear()
            _TALLEST[key] = height
        return height

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights.clear()
        super().changeEvent(event)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        # QLabel says so only while it holds text: empty (nothing drawn, the model loading)
        # the layout gave it one line at 1280 px, and the bars moved down when an answer came
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return max(super().heightForWidth(width), self.reserved_height(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self.reserved_height(max(1, self.width()))))


class WidestLabel(QLabel):
    """A one-line label as wide as the widest of the texts it may show (``reserve``): "100,0%"
    is wider than "98,5%", and "đã hiệu chỉnh" than "thô", and the drawing column widened by
    4 px (the page tabs moved) whenever an answer reached 100,0 % in Vietnamese."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._reserved: tuple[str, ...] = ()

    def reserve(self, *texts: str) -> None:
        self._reserved = texts
        self.updateGeometry()

    def _widest(self, width: int) -> int:
        # measured at each call: the style sheet's font size applies once the label is polished;
        # a text's bounding box, as QLabel measures its own (its advance is a pixel narrower)
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        extra = margins.left() + margins.right() + 2 * self.margin()
        box = QRect(0, 0, 10_000, 10_000)
        flags = int(Qt.AlignmentFlag.AlignLeft)
        return max(
            [width, *(metrics.boundingRect(box, flags, t).width() + extra for t in self._reserved)]
        )

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        return QSize(self._widest(hint.width()), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        return QSize(self._widest(hint.width()), hint.height())


class FigureLabel(WidestLabel):
    """The answer's percentage: one line of its type high even while empty, so that the line
    under a narrow column's answer keeps its place when the first answer fills it."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self.fontMetrics().height()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self.fontMetrics().height()))


class AnswerPlace(QWidget):
    """The answer or, in its place, a placeholder: as tall at a width as the taller of the two,
    whichever shows, so that nothing under it moves when the first answer comes."""

    def __init__(self, answer: QWidget, placeholder: QLabel, parent: QWidget | None = None):
        super().__init__(parent)
        self._answer, self._placeholder = answer, placeholder
        self._pages = QStackedLayout(self)
        self._pages.setContentsMargins(0, 0, 0, 0)
        self._pages.addWidget(answer)
        self._pages.addWidget(placeholder)

    def answer_height(self) -> int:
        """The answer's height: its big type, and its percentage's line under it when stacked."""
        return self._answer.sizeHint().height()

    def show_answer(self, shown: bool) -> None:
        self._pages.setCurrentWidget(self._answer if shown else self._placeholder)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        # the hidden page counts too: a stack asks only the page shown for its height-for-width
        return max(self.answer_height(), self._placeholder.heightForWidth(width))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(super().sizeHint().width(), self.heightForWidth(max(1, self.width())))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        least = super().minimumSizeHint().width()
        return QSize(least, self.heightForWidth(max(1, self.width())))


class FitLabel(QLabel):
    """One line in a large font that shrinks its font to fit its width rather than widen the
    column: "7" and "Ankle boot" take the same room, so the panes never move with the answer."""

    def __init__(self, text: str, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base = QFont(font)
        self.setFont(font)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        # fitted to the room its layout gives the new text, not the old text's: beside its
        # percentage "Not sure" was fitted to "7"'s 24 px, shrank to 8 pt, and was drawn cut as
        # "Not" until the next layout pass (walk48 D5). Laying the row out now gives the label
        # its new width at once (its resize fits it too).
        self.updateGeometry()
        row = self.parentWidget().layout() if self.parentWidget() is not None else None
        if row is not None:
            row.activate()
        self._fit()

    def base_font(self) -> QFont:
        """The font before any shrinking to fit."""
        return QFont(self._base)

    def set_base_font(self, font: QFont) -> None:
        """``font`` as the font before any shrinking (View > Text size's new step)."""
        self._base = QFont(font)
        self.setFont(font)
        self.updateGeometry()
        self._fit()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        metrics = QFontMetrics(self._base)
        return QSize(metrics.horizontalAdvance(self.text()) + 2, metrics.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        metrics = QFontMetrics(self._base)
        least = min(metrics.horizontalAdvance(self.text()), metrics.horizontalAdvance("00"))
        return QSize(least + 2, metrics.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        # a theme change re-polishes every widget and hands the label its full font back
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._fit()

    def _fit(self) -> None:
        font = QFont(self._base)
        width = max(1, self.contentsRect().width())
        while font.pointSizeF() > 8 and QFontMetrics(font).horizontalAdvance(self.text()) > width:
            font.setPointSizeF(font.pointSizeF() * 0.92)
        if font != self.font():
            self.setFont(font)
