"""ChoiceBox: a QComboBox as wide as the choice it shows, not as its longest choice.

A QComboBox takes the width of its longest item: in Vietnamese "Integrated gradients (gradient
tích phân)" widened the Why page's method box until the explanation beside it shrank to ~230
px, and "gradient descent (cả batch)" pushed the Race lanes' learning rates behind the scroll
bar. A ChoiceBox shows its current choice whole (never "SGD + mo", read as another optimizer),
grows when a longer one is chosen, and opens its list as wide as the longest choice. Given a
least width in characters it may be made narrower, down to that: its choice then written shorter
(without its gloss in brackets), else elided, and whole in its tooltip (the Race lanes at 1024 px
with long layers in one of them).

ShrinkingBox: a QComboBox as wide as its longest choice, that a narrow page may shrink with its
text elided (Qt's own cuts the text at its edge).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QToolTip

from nndesk.ui.elided_label import fitted_text


def paint_showing(box: QComboBox, text: str) -> None:
    """Paint ``box`` closed, as its style would, with ``text`` in place of its current text
    (from a ``paintEvent``)."""
    painter = QStylePainter(box)
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    option.currentText = text
    painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
    painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


def edit_field_width(box: QComboBox) -> int:
    """Pixels the closed ``box`` has for its text (the style draws it 1 px in from each side)."""
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    field = box.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, box
    )
    return field.width() - 2


def without_gloss(text: str) -> str:
    """A choice's name without its trailing parenthesis ("PReLU (learned slope)" -> "PReLU",
    "Che khuất (occlusion)" -> "Che khuất"), or the name whole when nothing stands before
    one."""
    head, sep, _gloss = text.partition(" (")
    return head if sep and head.strip() else text


class ChoiceBox(QComboBox):
    """A combo box sized to its current text; with ``shown``, the closed box writes the
    current choice as ``shown(text)`` (a shorter form) while its list keeps every choice's
    whole text. With ``least_chars`` a narrow layout may make it narrower, down to that many
    average characters: it then writes its choice without its bracketed aside, or elided."""

    def __init__(
        self,
        parent=None,
        shown: Callable[[str], str] | None = None,
        least_chars: int = 0,
        shorter: Callable[[str], str] = without_gloss,
    ) -> None:
        super().__init__(parent)
        self._shown = shown
        self._least_chars = least_chars
        self._shorter = shorter  # the choice said shorter, tried before it is elided

        self.currentIndexChanged.connect(self.updateGeometry)
        # a box refilled with its signals blocked changes its choice without a word: its
        # model's own signals still say so (walk66 #8: after "7 rather than 1" and a mode
        # switch the Why page's "and not:" box kept the "1"'s width, cut to "— (no contra")
        model = self.model()
        model.rowsInserted.connect(self.updateGeometry)
        model.rowsRemoved.connect(self.updateGeometry)
        model.modelReset.connect(self.updateGeometry)

    def shown_text(self) -> str:
        """The current choice as the closed box writes it where it has the room."""
        text = self.currentText()
        return self._shown(text) if self._shown is not None else text

    def drawn_text(self) -> str:
        """The current choice as the closed box writes it at its width now."""
        shown = self.shown_text()
        if not self._least_chars:
            return shown
        return fitted_text(
            self.fontMetrics(), edit_field_width(self), (shown, self._shorter(shown))
        )

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        metrics = self.fontMetrics()
        # the style draws the text 1 px in from each side of its field: "cosine về mức nhỏ
        # nhất" lost its last pixel column
        text = QSize(metrics.horizontalAdvance(self.shown_text()) + 2, metrics.height())
        return self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, self)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._shown is None and not self._least_chars:
            super().paintEvent(event)
            return
        paint_showing(self, self.drawn_text())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        whole = self.sizeHint()
        if not self._least_chars:
            return whole
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        metrics = self.fontMetrics()
        text = QSize(metrics.averageCharWidth() * self._least_chars, metrics.height())
        least = self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, self)
        return QSize(min(least.width(), whole.width()), whole.height())

    def event(self, event) -> bool:
        # written shorter than the choice: its whole text above the box's own help
        if event.type() == QEvent.Type.ToolTip and self.drawn_text() != self.currentText():
            tip = "\n".join(t for t in (self.currentText(), self.toolTip()) if t)
            QToolTip.showText(event.globalPos(), tip, self)
            return True
        return super().event(event)

    def showPopup(self) -> None:  # noqa: N802 - Qt override
        view = self.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth())
        super().showPopup()


class ShrinkingBox(QComboBox):
    """A combo box as wide as its longest choice where it has room, and narrower on a narrow
    page down to ``least_chars`` characters, its text then elided ("Most confid…"; whole in
    its open list): Qt's own box cut the text at its edge ("Most cor")."""

    def __init__(self, least_chars: int, parent=None) -> None:
        super().__init__(parent)
        self._least_chars = least_chars
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        metrics = self.fontMetrics()
        text = QSize(metrics.averageCharWidth() * self._least_chars, metrics.height())
        style = self.style()
        least = style.sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, self)
        return QSize(least.width(), super().minimumSizeHint().height())

    def shown_text(self) -> str:
        """The current choice as the closed box writes it: elided when the box is narrower."""
        return self.fontMetrics().elidedText(
            self.currentText(), Qt.TextElideMode.ElideRight, edit_field_width(self)
        )

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        paint_showing(self, self.shown_text())
