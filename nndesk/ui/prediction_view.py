"""What the model sees (28x28 preview, saliency overlay) and what it answers (probability bars)."""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontMetrics, QFontMetricsF, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from nndesk.explain import runner_up
from nndesk.inference import NOT_SURE_PERCENT, is_not_sure
from nndesk.ui import kept_choices, qt_image, theme
from nndesk.ui.flow_layout import flow_row
from nndesk.ui.language import class_names_shown, decimal, percent, translate


def fitted_font(font: QFont, text: str, width: float, least: float = 6.5) -> QFont:
    """``font``, made smaller (down to ``least`` points) until ``text`` fits ``width`` px:
    a long name beside its percentage in a narrow column ("Áo thun/áo phông" in bold) was
    drawn over it."""
    fitted = QFont(font)
    while QFontMetrics(fitted).horizontalAdvance(text) > width and fitted.pointSizeF() > least:
        fitted.setPointSizeF(max(least, fitted.pointSizeF() * 0.94))
    return fitted


PLACEHOLDER_FLAGS = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap


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
        """The height of the tallest of ``texts`` laid out in this label ``width`` px wide."""
        self._probe.setFont(self.font())
        self._probe.setContentsMargins(self.contentsMargins())
        heights = [0]
        for text in texts:
            self._probe.setText(text)
            heights.append(self._probe.heightForWidth(width))
        return max(heights)

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


class InputPreview(QWidget):
    """The 28x28 model input, enlarged nearest-neighbour with a faint pixel grid.

    With ``set_saliency`` and the overlay on, red pixels push towards the answer, blue ones away.
    """

    def __init__(self, cell: int = 7, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cell = cell
        self._image28: np.ndarray | None = None
        self._saliency: np.ndarray | None = None
        self._overlay = False
        self._placeholder = translate("InputPreview", "nothing drawn")
        self._grid: QImage | None = None  # cached by _grid_image
        # 3 px an input pixel at the least: a short column (1024x700) shrinks it to keep the bars
        self.setMinimumSize(28 * 3, 28 * 3)
        # shrinks (staying square when painted) when the window is narrow, never grows
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        self.setToolTip(
            translate(
                "InputPreview",
                "Exactly what the network receives: your drawing cropped, scaled to 28×28 and "
                "centred like the training images. Each square is one input pixel.",
            )
        )

    def sizeHint(self) -> QSize:
        return QSize(28 * self._cell + 1, 28 * self._cell + 1)

    def image(self) -> np.ndarray | None:
        return self._image28

    @Slot(object)
    def set_image(self, image28: np.ndarray | None) -> None:
        """Show a (28, 28) array in [0, 255] (None: blank)."""
        self._image28 = None if image28 is None else np.asarray(image28, np.float32).copy()
        self.update()

    def saliency(self) -> np.ndarray | None:
        """The (28, 28) saliency the overlay shows when on (None: none)."""
        return self._saliency

    @Slot(object)
    def set_saliency(self, saliency: np.ndarray | None) -> None:
        self._saliency = None if saliency is None else np.asarray(saliency, np.float32).copy()
        self.update()

    @Slot(bool)
    def set_overlay_visible(self, on: bool) -> None:
        self._overlay = bool(on)
        self.update()

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height()) - 1
        cell = side / 28.0
        rect = QRectF(0, 0, 28 * cell, 28 * cell)
        painter.fillRect(rect, QColor(0, 0, 0))
        if self._image28 is not None:
            # no smoothing: each input pixel stays a visible square
            painter.drawImage(rect, qt_image.gray_to_qimage(self._image28))
            if self._overlay and self._saliency is not None:
                painter.drawImage(
                    rect, qt_image.rgba_to_qimage(qt_image.diverging_rgba(self._saliency))
                )
        else:
            painter.setPen(QColor(140, 140, 140))
            painter.setFont(self.placeholder_font())
            painter.drawText(self._placeholder_rect(), PLACEHOLDER_FLAGS, self._placeholder)
        if cell >= 4:  # the grid would swamp a small preview
            painter.drawImage(0, 0, self._grid_image(cell))
        painter.end()

    def _placeholder_rect(self) -> QRectF:
        side = min(self.width(), self.height()) - 1
        return QRectF(3, 3, side - 6, side - 6)

    def placeholder_font(self) -> QFont:
        """The widget's font, wrapped and made smaller until the placeholder fits the box (the
        84 px preview of a 1024x700 screen let "nothing drawn" run over its edges)."""
        font = QFont(self.font())
        rect = self._placeholder_rect()
        size = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
        while size > 5.0:
            font.setPointSizeF(size)
            used = QFontMetricsF(font).boundingRect(rect, PLACEHOLDER_FLAGS, self._placeholder)
            if used.width() <= rect.width() and used.height() <= rect.height():
                break
            size -= 0.5
        return font

    def _grid_image(self, cell: float) -> QImage:
        """The faint pixel grid as one transparent image, drawn once per size: 58 translucent
        lines drawn one by one cost more than the whole prediction (docs/performance.md)."""
        side = round(28 * cell) + 1
        if self._grid is None or self._grid.width() != side:
            rgba = np.zeros((side, side, 4), np.uint8)
            lines = [round(i * cell) for i in range(29)]
            rgba[lines, :] = (128, 128, 128, 60)
            rgba[:, lines] = (128, 128, 128, 60)
            self._grid = qt_image.rgba_to_qimage(rgba)
        return self._grid


class ProbabilityBars(QWidget):
    """One horizontal bar per class with its name and probability; the top class is highlighted.

    Wide enough, each row is name | bar | percentage. In a narrow column (a 1024 px screen, long
    Vietnamese class names) that would leave the bars a few pixels long, so each row becomes
    the name and percentage on one line with the bar across the whole width under them.
    A short column (1024x700 with the model notice and a two-line answer) squeezes the rows
    and thins the bars down to ``MIN_BAR``, so every class stays on screen.
    """

    ROW = 22  # px per class, side by side
    MIN_TRACK = 110  # px: a shorter bar goes under its name instead
    BAR = 8  # px: the bar's height under its name
    MIN_BAR = 3  # px: the thinnest bar of a squeezed column

    painted = Signal()  # the bars are on screen (the prediction worker explains after it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names: tuple[str, ...] = tuple(str(i) for i in range(10))
        self._probs: np.ndarray | None = None
        self._true: int | None = None
        self._stacked = False
        # never taller than its rows need; shorter when the column is short (thinner bars)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.setToolTip(
            translate(
                "ProbabilityBars",
                "The network's probability for every class (softmax of its outputs). "
                "A check mark shows the true label of a test image.",
            )
        )

    def _columns(self) -> tuple[int, int]:
        """Widths of the name column and of the percentage column, side by side. The name
        column has room for a check mark before any name, so the bars keep their place from
        one test image to the next (it took the width of "✓ Ankle boot" or "✓ Bag")."""
        metrics = self.fontMetrics()
        names = ["\u2713 " + n for n in self._names]
        bold = QFont(self.font())
        bold.setBold(True)
        widest = max((QFontMetrics(bold).horizontalAdvance(n) for n in names), default=0)
        return widest + 22, metrics.horizontalAdvance(percent(1.0, 1)) + 6

    def stacked_for(self, width: int) -> bool:
        """Whether a bars widget ``width`` px wide puts each bar under its name."""
        name_w, pct_w = self._columns()
        return width - name_w - pct_w - 4 < self.MIN_TRACK

    def row_height(self) -> int:
        """The rows' pitch with room to spare (the size hint's)."""
        return self.fontMetrics().height() + self.BAR + 5 if self._stacked else self.ROW

    def min_row_height(self) -> int:
        """The pitch of rows squeezed as far as they go: the text and a ``MIN_BAR`` bar."""
        text = self.fontMetrics().height()
        return text + self.MIN_BAR + 2 if self._stacked else max(text + 2, self.MIN_BAR + 8)

    def pitch(self) -> float:
        """The rows' pitch at the widget's height now: ``row_height`` when there is room."""
        rows = max(len(self._names), 10)
        room = (self.height() - 4) / rows
        return max(float(self.min_row_height()), min(float(self.row_height()), room))

    def sizeHint(self) -> QSize:
        return QSize(300, self.row_height() * max(len(self._names), 10) + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.min_row_height() * max(len(self._names), 10) + 4)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._restack()

    def _restack(self) -> None:
        stacked = self.stacked_for(self.width())
        if stacked != self._stacked:
            self._stacked = stacked
            self.updateGeometry()  # the rows' height changes with the arrangement
            self.update()

    def is_stacked(self) -> bool:
        return self._stacked

    def set_class_names(self, names) -> None:
        self._names = tuple(names)
        self._probs = None
        self._restack()
        self.updateGeometry()
        self.update()

    def class_names(self) -> tuple[str, ...]:
        return self._names

    def probabilities(self) -> np.ndarray | None:
        return None if self._probs is None else self._probs.copy()

    def set_probabilities(self, probs: np.ndarray | None, true_label: int | None = None) -> None:
        self._probs = None if probs is None else np.asarray(probs, np.float32).copy()
        self._true = true_label
        self.update()

    def bar_rect(self, i: int) -> QRectF:
        """The track of class ``i``'s bar, in widget coordinates (tests, screenshots)."""
        name_w, pct_w = self._columns()
        row = self.pitch()
        y = 2 + i * row
        if self._stacked:
            text = self.fontMetrics().height()
            bar = min(float(self.BAR), max(float(self.MIN_BAR), row - text - 2))
            return QRectF(0, y + text + 1, max(10, self.width() - 2), bar)
        bar = max(float(self.MIN_BAR), row - 8)
        return QRectF(name_w, y + (row - bar) / 2, max(10, self.width() - name_w - pct_w - 4), bar)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        if not self._names:
            painter.end()
            return
        name_w, pct_w = self._columns()
        row = self.pitch()
        text_h = self.fontMetrics().height()
        top = int(np.argmax(self._probs)) if self._probs is not None else -1
        for i, name in enumerate(self._names):
            y = 2 + i * row
            p = float(self._probs[i]) if self._probs is not None else 0.0
            bold = i == top
            font = QFont(self.font())
            font.setBold(bold)
            painter.setFont(font)
            painter.setPen(pal.text().color())
            label = ("\u2713 " if i == self._true else "") + name
            shown_p = percent(p, 1) if self._probs is not None else ""
            track = self.bar_rect(i)
            if self._stacked:
                line = QRectF(0, y, self.width() - 2, text_h)
                room = line.width() - self.fontMetrics().horizontalAdvance(shown_p) - 6
                fitted = fitted_font(font, label, room)
                painter.setFont(fitted)
                painter.drawText(
                    line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label
                )
                painter.setFont(font)
                painter.drawText(
                    line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown_p
                )
            else:
                painter.drawText(
                    QRectF(0, y, name_w - 8, row),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    label,
                )
                painter.drawText(
                    QRectF(track.right() + 4, y, pct_w, row),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    shown_p,
                )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(theme.colours().track))  # visible on light and dark
            radius = min(3.0, track.height() / 2)
            painter.drawRoundedRect(track, radius, radius)
            if p > 0:
                color = (
                    pal.highlight().color()
                    if bold
                    else qt_image.with_alpha(pal.text().color(), 110)
                )
                painter.setBrush(color)
                filled = QRectF(track.x(), track.y(), max(2.0, track.width() * p), track.height())
                painter.drawRoundedRect(filled, radius, radius)
        painter.end()
        self.painted.emit()


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


class PredictionPanel(QWidget):
    """The answer: top class large with its probability, true label, runner-up, and all bars."""

    #: the smallest the big answer's type gets beside its percentage (then it takes its own line)
    ANSWER_LEAST = 0.55

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 2.6)
        big.setBold(True)
        self.top_label = FitLabel("–", big)
        self.top_label.setToolTip(
            translate(
                "PredictionPanel", "The network's answer: the class with the highest probability"
            )
        )
        self.top_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confidence_label = FigureLabel("")
        # a widget style sheet, not setFont: it survives the theme's application style sheet
        self.confidence_label.setStyleSheet(f"font-size: {self.font().pointSizeF() * 1.5:.1f}pt;")
        self.confidence_label.setToolTip(
            translate("PredictionPanel", "How sure the network is of its answer")
        )
        self.confidence_label.reserve(percent(1.0, 1))  # the widest a percentage gets
        # with no answer ("Draw a T-shirt, trouser, bag, shoe...", "Loading the model…") this
        # takes the answer's place, wrapped over its whole width; the place keeps the height
        # of the taller of the two: in the percentage's place it wrapped over three lines, and
        # the bars moved up 6 px (1280 px) to 21 px (1024 px) when the first answer came
        self.placeholder_label = QLabel("")
        self.placeholder_label.setWordWrap(True)  # never sets the drawing column's width
        self._hint_style = f"font-size: {self.font().pointSizeF():.1f}pt;"
        self.placeholder_label.setStyleSheet(self._hint_style)
        self.placeholder_label.setAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        # which probability the percentage is: the Inside page shows the raw softmax, so a
        # learner comparing the two must see that this one is calibrated
        self.kind_label = WidestLabel("")
        self.kind_label.setStyleSheet(self._hint_style)
        self.kind_label.reserve(
            translate("PredictionPanel", "calibrated"), translate("PredictionPanel", "raw")
        )
        # hidden under "Not sure" and with no answer, its line stays: the bars do not move
        keep = self.kind_label.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.kind_label.setSizePolicy(keep)
        theme.set_tone(self.kind_label, "muted")
        # as tall as the longest "True label: … — ✗ wrong" of the classes, so that the
        # preview's size can leave the bars their room whatever the test image (walk49: the
        # line took two lines at 1024 px where one was counted, and "Ankle boot" was cut)
        self.true_label = ReservedLabel()
        self.true_label.setToolTip(
            translate("PredictionPanel", "The label a person gave this test image")
        )
        # "True label: Ankle boot — ✓ correct" wraps rather than set the column's width: the
        # column kept the width of each test image's label (it jumped between images)
        self.true_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.runner_up_label = ReservedLabel()
        self.runner_up_label.setToolTip(
            translate(
                "PredictionPanel",
                "The second most likely class and the margin p(answer) - p(runner-up): "
                "a small margin means the network hesitated between the two",
            )
        )
        self.bars = ProbabilityBars()
        self._bars_tip = self.bars.toolTip()  # a softmax's; a sigmoid's says more
        # the bars show temperature-scaled probabilities; the model's own are one click away
        self.raw_box = QCheckBox(translate("PredictionPanel", "Raw probabilities"))
        self.raw_box.setToolTip(
            translate(
                "PredictionPanel",
                "Show the network's own probabilities instead of the calibrated ones. "
                "Calibration divides the outputs by a temperature fitted on held-out images, "
                "so that answers given at 80% are right about 80% of the time; it never "
                "changes which class wins.",
            )
        )
        self.raw_box.toggled.connect(self._redraw)
        self.not_sure_spin = QSpinBox()
        self.not_sure_spin.setRange(0, 99)
        self.not_sure_spin.setSuffix("%")
        self.not_sure_spin.setValue(NOT_SURE_PERCENT)
        self.not_sure_spin.setToolTip(
            translate(
                "PredictionPanel",
                'Say "Not sure" and show the two best guesses when the calibrated top '
                "probability is under this (0: always answer). One threshold: the canvas "
                "and the Mistakes page share it",
            )
        )
        self.not_sure_spin.valueChanged.connect(self._redraw)
        kept_choices.keep(self.raw_box, "raw-probabilities")  # across a language switch
        kept_choices.keep(self.not_sure_spin, "not-sure")
        self.not_sure_label = QLabel(translate("PredictionPanel", "Not sure below"))
        self.not_sure_label.setBuddy(self.not_sure_spin)
        self._prediction = None
        self._placeholder = ""

        # the answer and its percentage: side by side, or in a narrow column one under the other
        answer = QWidget()
        self._head = QBoxLayout(QBoxLayout.Direction.LeftToRight, answer)
        self._head.setContentsMargins(0, 0, 0, 0)
        self._figure = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._figure.setSpacing(0)
        self._narrow: bool | None = None
        self._answer_place = AnswerPlace(answer, self.placeholder_label)
        self._arrange_head(narrow=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._answer_place)
        layout.addWidget(self.true_label)
        layout.addWidget(self.runner_up_label)
        layout.addWidget(self.bars)
        # wraps onto two lines in a narrow drawing column instead of widening it
        threshold = QWidget()
        threshold_row = QHBoxLayout(threshold)
        threshold_row.setContentsMargins(0, 0, 0, 0)
        threshold_row.addWidget(self.not_sure_label)
        threshold_row.addWidget(self.not_sure_spin)
        self._options = flow_row(self.raw_box, threshold)
        layout.addWidget(self._options)
        layout.addStretch(1)  # height to spare stays below, never between the answer's lines
        self._names: tuple[str, ...] = ()
        self._true: int | None = None
        self._independent = False  # the last answer's scores were a sigmoid's
        self._least: dict[tuple, tuple[int, int]] = {}  # least_height's measured lines
        self.set_prediction(None)

    def _say_scores_are_independent(self, independent: bool) -> None:
        """The bars' tooltip: for a sigmoid output, why they add up to more than 100 %."""
        self.bars.setToolTip(
            translate(
                "PredictionPanel",
                "This network's output is a sigmoid: it scores each class on its own, from 0 "
                "to 100%, so the bars need not add up to 100% (a softmax output's do).",
            )
            if independent
            else self._bars_tip
        )

    def set_class_names(self, names) -> None:
        self._names = class_names_shown(names)  # Fashion's names in the window's language
        self.bars.set_class_names(self._names)
        self.runner_up_label.set_reserved_texts(self._widest_guesses(self._names))
        self.true_label.set_reserved_texts(self._true_label_texts(self._names))
        self._arrange_head(self.answer_needs_own_line(self.width()))
        self.set_prediction(None)

    @staticmethod
    def _true_label_texts(names) -> list[str]:
        """The true-label line for each class, right and wrong: the heights it must keep."""
        marks = (translate("PredictionPanel", "✓ correct"), translate("PredictionPanel", "✗ wrong"))
        line = translate("PredictionPanel", "True label: <b>{name}</b> — {mark}")
        return [line.format(name=html.escape(n), mark=m) for n in names for m in marks]

    def least_height(self, width: int) -> int:
        """The panel's height at ``width`` px with its tallest lines in any mode (a test
        image's true label among them) and the bars at their least: what the drawing column
        must leave it, the same in Digits and Clothing so that the preview keeps its size."""
        from nndesk.data.registry import DATASETS

        key = (width, self._names, self._independent, self.font().key())  # measured once
        if key not in self._least:
            sets = {self._names, *(class_names_shown(d.class_names) for d in DATASETS.values())}
            true_texts = [t for names in sets for t in self._true_label_texts(names)]
            guesses = [t for names in sets for t in self._widest_guesses(names)]
            self._least[key] = (
                self.true_label.tallest(true_texts, width),
                self.runner_up_label.tallest(guesses, width),
            )
        rows = (
            self.answer_height(),
            *self._least[key],
            self.bars.minimumSizeHint().height(),
            self._options.heightForWidth(width),
        )
        return sum(rows) + self.layout().spacing() * (len(rows) - 1)

    def _widest_guesses(self, names) -> list[str]:
        """The runner-up line for each class, and "Not sure"'s two guesses with the two longest
        names, with the widest figures they can show: the heights the line must keep."""
        names = [html.escape(n) for n in names]
        texts = [self._runner_up_text(n, 0.499, 0.999) for n in names]
        if self._independent:  # a sigmoid's line, reserved only for one: a softmax's bars
            texts += [self._runner_up_text(n, 0.499, None) for n in names]  # stay put
        if len(names) >= 2:
            first, second = sorted(names, key=len)[-2:]
            texts.append(self._guesses_text(first, 0.599, second, 0.499))
            if self._independent:
                texts.append(self._guesses_text(first, 0.599, second, 0.499, independent=True))
        return texts

    @staticmethod
    def _runner_up_text(name: str, p: float, margin: float | None) -> str:
        """The runner-up line; ``margin`` None for scores that are not shares of one 100 %
        (a sigmoid output): the line says so where the margin was, as ``nndesk predict``
        does (walk49 D16: a 7 read "86.6 %" beside a 3 at "35.7 %" added up to 122 %)."""
        if margin is None:
            return translate(
                "PredictionPanel", "Runner-up: <b>{name}</b> {p} (independent scores)"
            ).format(name=name, p=percent(p, 1))
        return translate(
            "PredictionPanel", "Runner-up: <b>{name}</b> {p} (margin {margin} points)"
        ).format(name=name, p=percent(p, 1), margin=decimal(100 * margin, 1))

    @staticmethod
    def _guesses_text(
        first: str, p1: float, second: str, p2: float, independent: bool = False
    ) -> str:
        """ "Not sure"'s two guesses; ``independent``: a sigmoid output's, whose scores are not
        shares of one 100 %, said as the runner-up line says it. Their figures are the bars'
        (one decimal): "4 99%" beside a bar of 98,5% read as two answers."""
        text = (
            translate("PredictionPanel", "{first} {p1} or {second} {p2} (independent scores)")
            if independent
            else translate("PredictionPanel", "{first} {p1} or {second} {p2}")
        )
        return text.format(
            first=f"<b>{first}</b>", p1=percent(p1, 1), second=f"<b>{second}</b>", p2=percent(p2, 1)
        )

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._arrange_head(self.answer_needs_own_line(event.size().width()))

    def answer_needs_own_line(self, width: int) -> bool:
        """Whether, ``width`` px wide, the longest answer at ``ANSWER_LEAST`` of its big type
        would not fit beside the percentage ("Bốt cổ ngắn" was cut at 1024 px): then the
        percentage goes under the answer. It depends on the classes, never on the answer, so
        the bars do not move from one answer to the next."""
        font = QFont(self.top_label.base_font())
        font.setPointSizeF(font.pointSizeF() * self.ANSWER_LEAST)
        answers = (*self._names, translate("PredictionPanel", "Not sure"))
        answer = max(QFontMetrics(font).horizontalAdvance(a) for a in answers)
        number = QFont(self.font())
        number.setPointSizeF(number.pointSizeF() * 1.5)
        kinds = (translate("PredictionPanel", "calibrated"), translate("PredictionPanel", "raw"))
        figure = max(
            QFontMetrics(number).horizontalAdvance(percent(1.0, 1)),
            *(self.fontMetrics().horizontalAdvance(k) for k in kinds),
        )
        return answer + 8 + figure > width

    def answer_height(self) -> int:
        """The height the answer takes above the runner-up line, with or without an answer:
        more in a narrow column, where its percentage has a line of its own."""
        return self._answer_place.answer_height()

    def head_is_stacked(self) -> bool:
        return bool(self._narrow)

    def _arrange_head(self, narrow: bool) -> None:
        if narrow == self._narrow:
            return
        self._narrow = narrow
        for box in (self._figure, self._head):
            while box.count():
                box.takeAt(0)
        self._head.addWidget(self.top_label)
        if narrow:  # "Ankle boot" on its own line, "82.6 % calibrated" under it
            self._head.setDirection(QBoxLayout.Direction.TopToBottom)
            self._figure.setDirection(QBoxLayout.Direction.LeftToRight)
            self._figure.addWidget(self.confidence_label)
            self._figure.addSpacing(6)
            self._figure.addWidget(self.kind_label, 0, Qt.AlignmentFlag.AlignBottom)
            self._figure.addStretch(1)
            self._head.addLayout(self._figure)
        else:  # the percentage with "calibrated" / "raw" under it, within the answer's height
            self._head.setDirection(QBoxLayout.Direction.LeftToRight)
            self._figure.setDirection(QBoxLayout.Direction.TopToBottom)
            self._head.addSpacing(8)
            self._figure.addStretch(1)
            self._figure.addWidget(self.confidence_label)
            self._figure.addWidget(self.kind_label)
            self._head.addLayout(self._figure)
            self._head.addStretch(1)
        # the answer, hidden while the placeholder shows, does not tell its place it changed
        self._answer_place.updateGeometry()

    def true_label_index(self) -> int | None:
        """The class index shown as the true label (None: none shown)."""
        return self._true

    def set_true_label(self, label: int | None) -> None:
        """Show the true label of a test image beside the answer (None hides it)."""
        self._true = label
        self.true_label.setVisible(label is not None)
        if label is None:
            self.true_label.setText("")
        else:
            name = self._names[label] if 0 <= label < len(self._names) else str(label)
            self.true_label.setText(
                translate("PredictionPanel", "True label: <b>{name}</b>").format(name=name)
            )

    def set_not_sure_threshold(self, percent: int) -> None:
        self.not_sure_spin.setValue(int(percent))

    def shown_prediction(self):
        """The ``Prediction`` the panel shows (None: nothing answered)."""
        return self._prediction

    def is_not_sure(self) -> bool:
        """True when the answer shown is "Not sure" (calibrated top probability under the
        threshold)."""
        if self._prediction is None:
            return False
        return is_not_sure(self._prediction, self.not_sure_spin.value())

    def _redraw(self) -> None:
        self.set_prediction(self._prediction, self._placeholder)

    def set_prediction(self, prediction, placeholder: str = "") -> None:
        """Show a ``Prediction`` (None: blank canvas or no model, ``placeholder`` shown instead).

        Under the "Not sure" threshold the answer is "Not sure" with the two best guesses."""
        self._prediction, self._placeholder = prediction, placeholder
        if prediction is None:
            self.top_label.setText("–")
            self.kind_label.hide()
            self.confidence_label.setText("")
            self.placeholder_label.setText(
                placeholder or translate("PredictionPanel", "Draw something")
            )
            self._answer_place.show_answer(False)
            self.runner_up_label.setText("")
            self.bars.set_probabilities(None, self._true)
            return
        self._answer_place.show_answer(True)
        independent = bool(getattr(prediction, "independent", False))
        if independent != self._independent:  # another kind of model: its lines' heights
            self._independent = independent
            self.runner_up_label.set_reserved_texts(self._widest_guesses(self._names))
        raw = self.raw_box.isChecked()
        probs = prediction.uncalibrated if raw else prediction.probabilities
        calibrated = not raw and not np.array_equal(
            prediction.probabilities, prediction.uncalibrated
        )
        p = float(probs[prediction.label])
        second = runner_up(probs)[0] if len(probs) >= 2 else None
        label = prediction.label
        name1 = self._names[label] if 0 <= label < len(self._names) else prediction.class_name
        self.kind_label.setText(
            translate("PredictionPanel", "calibrated")
            if calibrated
            else translate("PredictionPanel", "raw")
        )
        self.kind_label.setToolTip(
            translate(
                "PredictionPanel",
                "Calibrated: the network's raw probability softened by a temperature fitted on "
                "held-out images, so that answers given at 80% are right about 80% of the "
                "time. The Inside page writes both, the network's softmax → calibrated; tick "
                "Raw probabilities to see the softmax here.",
            )
            if calibrated
            else translate(
                "PredictionPanel",
                "Raw: the network's own output probability, as the Inside page shows it "
                "(no temperature applied).",
            )
        )
        not_sure = self.is_not_sure() and second is not None
        self.kind_label.setVisible(not not_sure)
        if not_sure and second is not None:  # (second is known: mypy does not follow not_sure)
            # "Not sure" alone in big type; the two guesses take the runner-up's line, which
            # they replace: beside "Not sure" they wrapped over five lines of a narrow column
            name2 = self._names[second] if second < len(self._names) else str(second)
            self.top_label.setText(translate("PredictionPanel", "Not sure"))
            self.confidence_label.setText("")
            self.runner_up_label.setText(
                self._guesses_text(
                    html.escape(name1),
                    p,
                    html.escape(name2),
                    probs[second],
                    independent=getattr(prediction, "independent", False),
                )
            )
        else:
            self.top_label.setText(name1)
            self.confidence_label.setText(percent(p, 1))
        if second is not None and not not_sure:
            second, margin = runner_up(probs)
            name = self._names[second] if second < len(self._names) else str(second)
            independent = getattr(prediction, "independent", False)
            self.runner_up_label.setText(
                self._runner_up_text(
                    html.escape(name), probs[second], None if independent else margin
                )
            )
        self._say_scores_are_independent(getattr(prediction, "independent", False))
        self.bars.set_probabilities(probs, self._true)
        if self._true is not None:
            correct = prediction.label == self._true
            mark = (
                translate("PredictionPanel", "✓ correct")
                if correct
                else translate("PredictionPanel", "✗ wrong")
            )
            name = self._names[self._true] if self._true < len(self._names) else str(self._true)
            self.true_label.setText(
                translate("PredictionPanel", "True label: <b>{name}</b> — {mark}").format(
                    name=name, mark=mark
                )
            )
