"""A one-line label that elides its text in the middle to fit, the whole text in its tooltip:
a long file path keeps its start and its file name, and never widens the page."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy

from nndesk.ui.whole_text_tip import WholeTextTip


def fitted_text(
    metrics: QFontMetrics,
    width: int,
    texts: Sequence[str],
    mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
) -> str:
    """The first of ``texts`` (a text, then shorter ways to say it) that fits ``width`` px in
    ``metrics``, else the last one elided ("…"): a shorter form says more than a cut one."""
    for text in texts:
        if metrics.horizontalAdvance(text) <= width:
            return text
    return metrics.elidedText(texts[-1], mode, width)


#: one line's alignment: at the left, in the middle of the height
LEFT_MIDDLE = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def paint_displayed_text(label, flags: int | None = None) -> None:
    """Draw ``label``'s ``displayed_text()`` (what it shows, not its whole ``text()``) with
    ``flags`` (by default its own alignment flags), its palette and state, as QLabel draws its
    text."""
    painter = QPainter(label)
    label.style().drawItemText(
        painter,
        label.contentsRect(),
        label._flags() if flags is None else flags,
        label.palette(),
        label.isEnabled(),
        label.displayed_text(),
        label.foregroundRole(),
    )


class ElidedLabel(QLabel):
    """``setText`` keeps the whole text; painting shows as much as the width allows."""

    def __init__(
        self, text: str = "", parent=None, mode: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle
    ) -> None:
        super().__init__(parent)
        self._full = ""
        self._shorter: tuple[str, ...] = ()  # shorter ways to say it, tried before eliding
        self._mode = mode  # a sentence is cut at its end (ElideRight), a path in its middle
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._full = text
        self._shorter = ()
        super().setText(text)
        self.setToolTip(text)  # the whole path, whatever the width

    def set_texts(self, text: str, *shorter: str) -> None:
        """``text``, or where it does not fit the first of the ``shorter`` ones that does (the
        last one elided when none does): a sentence cut mid-word says less than a shorter
        sentence (Vietnamese runs a third longer than English). The tooltip holds ``text``."""
        self.setText(text)
        self._shorter = shorter

    def full_text(self) -> str:
        return self._full

    def texts(self) -> tuple[str, ...]:
        """The text and its shorter forms (``set_texts``), longest first."""
        return (self._full, *self._shorter)

    def displayed_text(self) -> str:
        """What fits in the current width: the text itself, or its two ends around "…"."""
        width = self.contentsRect().width()
        return fitted_text(self.fontMetrics(), width, (self._full, *self._shorter), self._mode)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        least = self.fontMetrics().horizontalAdvance("…") * 4
        return QSize(least, super().minimumSizeHint().height())

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        paint_displayed_text(self, LEFT_MIDDLE)


class LinesLabel(QLabel):
    """A label of exactly ``lines`` wrapped lines, whatever its text: a shorter text leaves the
    rest empty, a longer one is cut at the end of the last line with "…" and is whole in the
    tooltip. What sits under it stays put when the text changes (the Train page's buttons
    moved 34 px under the mouse when its headline took three lines)."""

    def __init__(self, text: str = "", lines: int = 2, parent=None) -> None:
        super().__init__(parent)
        self._full = ""
        self._shorter: tuple[str, ...] = ()  # shorter ways to say it, tried before cutting
        self._whole_tip = WholeTextTip(self, whole_first=True)  # its words, then what it is
        self._lines = lines
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self.set_texts(text)

    def set_texts(self, text: str, *shorter: str) -> None:
        """``text``, or where its lines do not hold it the first of the ``shorter`` ones that
        fits (the last one cut when none does): a headline that drops its least useful
        settings keeps in sight what a cut end lost. The tooltip holds ``text``."""
        self._full, self._shorter = text, shorter
        super().setText(text)
        self._whole_tip.say()
        self.update()

    def text(self) -> str:
        """The whole text, whatever the width shows of it."""
        return self._full

    def setToolTip(self, tip: str) -> None:  # noqa: N802 (Qt's name)
        self._whole_tip.give(tip)

    def toolTip(self) -> str:  # noqa: N802 (Qt's name)
        return self._whole_tip.given

    def _flags(self) -> int:
        return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
            Qt.TextFlag.TextWordWrap
        )

    def _height(self, text: str, width: int) -> int:
        """The height ``text`` takes wrapped to ``width`` (a line is a pixel more than the
        font's line spacing here)."""
        return self.fontMetrics().boundingRect(0, 0, width, 1 << 20, self._flags(), text).height()

    def _fits(self, text: str, width: int) -> bool:
        return self._height(text, width) <= self._lines * self._height("Ag", 1 << 20)

    def displayed_text(self) -> str:
        """What the label shows at its width: the whole text, or its start and "…"."""
        width = self.contentsRect().width()
        if width <= 0 or self._fits(self._full, width):
            return self._full
        for text in self._shorter:
            if self._fits(text, width):
                return text
        full = self._shorter[-1] if self._shorter else self._full  # the shortest, cut
        low, high = 0, len(full)  # the longest start that fits with "…" after it
        while low < high:
            middle = (low + high + 1) // 2
            if self._fits(full[:middle].rstrip() + "…", width):
                low = middle
            else:
                high = middle - 1
        # cut between words: "… tốc độ học 0,001 điểm ả…" read as a word of its own (walk54b);
        # a text with no space in what fits is cut where it must
        start = full[:low]
        if low < len(full) and not full[low].isspace():
            space = max(start.rfind(" "), start.rfind("\n"))
            start = start[:space] if space > 0 else start
        return start.rstrip(" ,;:·—–-\n") + "…"

    def is_cut(self) -> bool:
        return self.displayed_text() != self._full

    def lines_needed(self, width: int) -> int:
        """The lines its text takes wrapped at ``width`` px of its box (at most its own)."""
        margins = self.contentsMargins()
        inner = max(width - margins.left() - margins.right(), 1)
        for lines in range(1, self._lines):
            if self._height(self._full, inner) <= self._height("\n".join(["Ag"] * lines), 1 << 20):
                return lines
        return self._lines

    def lines_height(self, lines: int | None = None) -> int:
        """The height of ``lines`` lines (default: its own) in this label's box."""
        margins = self.contentsMargins()
        text = "\n".join(["Ag"] * (self._lines if lines is None else lines))
        return self._height(text, 1 << 20) + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(super().sizeHint().width(), self.lines_height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.fontMetrics().horizontalAdvance("…") * 4, self.sizeHint().height())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return False

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()  # the lines' height follows the font

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._whole_tip.say()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        paint_displayed_text(self)


class WrappedLabel(LinesLabel):
    """A ``LinesLabel`` that is never cut: as tall as its whole text wrapped to its width, at
    least ``lines`` lines, for a scroll area to hold (the coach's longer hints). Its height is
    the same measure the lines of a ``LinesLabel`` beside it take (a wrapped ``QLabel`` in a
    style-sheet box asked half a line more, and scrolled a three-line hint)."""

    def __init__(self, text: str = "", lines: int = 2, parent=None) -> None:
        super().__init__(text, lines, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def displayed_text(self) -> str:
        return self._full

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        margins = self.contentsMargins()
        inner = max(width - margins.left() - margins.right(), 1)
        text = self._height(self._full, inner) + margins.top() + margins.bottom()
        return max(self.lines_height(), text)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        width = self.width() if self.width() > 0 else super().sizeHint().width()
        return QSize(super().sizeHint().width(), self.heightForWidth(width))

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self.updateGeometry()  # another height for the scroll area


class WrappedPathLabel(QLabel):
    """A sentence on as many lines as it needs at the label's width, a file path in it cut in
    the middle: on one line when its paths, shortened, let it fit there ("Model saved:
    /home/…/model.npz"), else wrapped, each path at most a line. The whole text is its
    tooltip. The Live tab's model line was one line cut in the middle, and a sentence lost its
    middle: "Không lưu mô hình vì lượt c…ác đường cong vẫn được giữ." (vi, Larger, 1024 px).

    ``room_for``: sentences it may say, whose room (the tallest, at its width) it keeps said
    or not: a second line coming moves nothing under it."""

    def __init__(self, text: str = "", parent=None, room_for: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self._room_for = room_for
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self.setToolTip(text)
        self.updateGeometry()  # another height, perhaps

    def full_text(self) -> str:
        return self.text()

    def _inner(self, width: int) -> int:
        margins = self.contentsMargins()
        return max(width - margins.left() - margins.right(), 1)

    def _shown(self, inner: int) -> str:
        from nndesk.ui.status_line import fit_paths, fit_status

        metrics = self.fontMetrics()
        one_line = fit_status(self.text(), metrics, inner)
        if one_line and not one_line.endswith("…"):
            return one_line  # whole on one line, its paths perhaps shortened
        return fit_paths(self.text(), metrics, inner)

    def displayed_text(self) -> str:
        """What the label shows at its width (wrapped there)."""
        return self._shown(self.contentsRect().width() or 1)

    def _flags(self) -> int:
        return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
            Qt.TextFlag.TextWordWrap
        )

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        inner = self._inner(width)
        metrics = self.fontMetrics()
        texts = (self._shown(inner), *self._room_for)
        height = max(
            metrics.boundingRect(0, 0, inner, 1 << 20, self._flags(), text).height()
            for text in texts
        )
        margins = self.contentsMargins()
        # an empty line keeps a line's room: the model line's coming moves nothing
        return max(height, metrics.height()) + margins.top() + margins.bottom()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        # no: a layout then asked the Live tab's preferred height for its width (its chart's
        # 524 px, not its least 300) and the Train page scrolled; the height at the width it
        # has is its least height instead, asked again when the width changes
        return False

    def _height_now(self) -> int:
        return (
            self.heightForWidth(self.width()) if self.width() > 0 else self.heightForWidth(1 << 16)
        )

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(super().sizeHint().width(), self._height_now())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.fontMetrics().horizontalAdvance("…") * 4, self._height_now())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # its lines at the new width

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        paint_displayed_text(self)
