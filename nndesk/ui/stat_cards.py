"""The Evaluate page's four figures (accuracy, loss, mistakes, macro F1): cards in one row, or two
by two, each figure beside its caption, where a row would break a caption's term across lines.

At 1024x700 with View > Text size > Larger in Vietnamese the row of four gave each caption
~83 px: "độ chính / xác / (accuracy)" in three lines, one word ("chính xác") cut in two, and the
page's fixed header took 40 % of the page (walk72 F10). Two by two, a caption has ~100 px
beside its figure: "độ chính xác" / "(accuracy)", two lines, every term whole, and the four
cards are no taller than the row was.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt, Slot
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QLabel, QSizePolicy, QWidget

from nndesk.ui import text_size, theme

#: px between a figure and its caption when they sit side by side
BESIDE_GAP = 8
#: Qt's "no maximum" for a widget's size
QWIDGETSIZE_MAX = (1 << 24) - 1
#: px between the cards
CARD_GAP = 6


def caption_units(caption: str) -> list[str]:
    """The parts of ``caption`` a line should never split: the term, and the English in
    brackets after it ("độ chính xác (accuracy)" -> ["độ chính xác", "(accuracy)"])."""
    head, bracket, tail = caption.partition(" (")
    units = [head.strip()]
    if bracket:
        units.append("(" + tail)
    return [unit for unit in units if unit]


def _room_for(label: QLabel, texts: list[str]) -> int:
    """px ``label`` needs for the widest of ``texts`` on one line: its fractional width
    rounded up, and a pixel more (at exactly its rounded width "độ chính xác" wrapped)."""
    metrics = QFontMetricsF(label.font())
    return math.ceil(max(metrics.horizontalAdvance(t) for t in texts)) + 1


class StatCard(QFrame):
    """A big number with its caption, under it or beside it (``set_beside``)."""

    def __init__(self, caption: str, tooltip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolTip(tooltip)
        self.value = QLabel("–")
        self._value_font = QFont()  # the full size; a figure too wide for the card gets less
        self._figure_least = 0  # px: the widest figure at the least size it is drawn at
        self.caption = QLabel(caption)
        # wrapped at word boundaries, never cut: the card chooses a room where each term fits
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.caption.setMinimumWidth(1)
        theme.set_tone(self.caption, "muted")
        self._beside = False
        self._caption_room = 0  # px the caption's column takes at least, beside the figure
        layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        layout.addWidget(self.value, 0)
        layout.addWidget(self.caption, 1)
        self._size_to_font()
        # the figure's size and the card's least width follow View > Text size (they kept the
        # sizes they were built with until the next start)
        text_size.notifier().changed.connect(self._size_to_font)

    # ---- sizes ----------------------------------------------------------------------------

    @Slot()
    def _size_to_font(self) -> None:
        """The figure's full type (the window's font 1.9 times as large, bold) and the card's
        least width, from the window's font."""
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self._value_font = font
        # room for the widest figure a card shows (an accuracy "100,0%", a loss "2,3026") at
        # the least size ``_fit_value`` steps a figure down to, the caption's: at its full size
        # the four cards made the Evaluate page wider than its place with a desktop's 10 or
        # 11 pt font, and every page scrolled sideways (walk58 #1), at 9 pt in a 1000-px
        # window too (verify57); wider, the figure grows to its full size
        least = QFont(font)
        least.setPointSizeF(self.caption.font().pointSizeF())
        metrics = QFontMetrics(least)
        self._figure_least = max(
            metrics.horizontalAdvance(t) for t in ("100,0%", "00,0000", "10.000")
        )
        self._set_least_width()
        self.value.setFont(font)
        self._fit_value()

    def _margins(self) -> int:
        margins = self.layout().contentsMargins()
        return margins.left() + margins.right()

    def _set_least_width(self) -> None:
        """Under its caption the figure needs its least room; beside it, the caption its widest
        word too (a word is never cut; a term may wrap on a screen too narrow for it)."""
        self.setMinimumWidth(self.least_width(self._beside, whole_terms=False))

    def caption_least(self) -> int:
        """px the caption needs for each of its terms to stay on one line."""
        return _room_for(self.caption, caption_units(self.caption.text()))

    def least_width(self, beside: bool, whole_terms: bool = True) -> int:
        """px the card needs to show its figure and every term of its caption whole (with
        ``whole_terms`` False, every word of it)."""
        caption = self.caption_least() if whole_terms else self._widest_word()
        if beside:
            return self._margins() + self._figure_least + BESIDE_GAP + caption
        return self._margins() + max(self._figure_least, caption if whole_terms else 0)

    def _widest_word(self) -> int:
        return _room_for(self.caption, self.caption.text().split())

    def set_beside(self, beside: bool, caption_room: int = 0) -> None:
        """The caption beside the figure (two by two) or under it (one row); beside, the
        caption's column at least ``caption_room`` px (the same in every card: the captions
        line up, each figure left of them)."""
        self._caption_room = caption_room
        if beside == self._beside:
            self._fit_value()
            return
        self._beside = beside
        layout = self.layout()
        if beside:  # a card two by two is a line of text high: thinner margins above, below
            layout.setDirection(QBoxLayout.Direction.LeftToRight)
            layout.setSpacing(BESIDE_GAP)
            layout.setContentsMargins(10, 4, 10, 4)
            self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        else:
            layout.setDirection(QBoxLayout.Direction.TopToBottom)
            layout.setSpacing(0)
            layout.setContentsMargins(10, 6, 10, 6)
            self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._set_least_width()
        self._fit_value()

    def beside(self) -> bool:
        return self._beside

    # ---- the figure -----------------------------------------------------------------------

    def set_value(self, text: str) -> None:
        """Show ``text`` as the card's figure, smaller if it would not fit the card."""
        self.value.setText(text)
        self._fit_value()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_value()

    def _fit_value(self) -> None:
        """The figure at its full size, or at the size that fits its room (never below the
        caption's): a figure cut at the card's edge reads as another number. Beside the
        caption, its room is what the caption's terms leave."""
        room = self.width() - self._margins()
        if self._beside:
            # the figure's column as wide as the widest figure at full size, or what the
            # caption's terms leave: the caption's lines are the same for "–" while the test
            # images are read as for "92,6%" after, and the cards keep their height
            widest = QFontMetrics(self._value_font).horizontalAdvance("00,0000")
            caption = max(self.caption_least(), self._caption_room)
            room = max(self._figure_least, min(widest, room - BESIDE_GAP - caption))
            self.value.setFixedWidth(room)
        else:
            self.value.setMinimumWidth(0)
            self.value.setMaximumWidth(QWIDGETSIZE_MAX)
        font = QFont(self._value_font)
        smallest = self.caption.font().pointSizeF()
        # text widths do not scale exactly with the size (hinting): step down until it fits
        while (
            room > 0
            and QFontMetrics(font).horizontalAdvance(self.value.text()) > room
            and font.pointSizeF() > smallest
        ):
            font.setPointSizeF(max(smallest, font.pointSizeF() - 0.5))
        if font != self.value.font():
            self.value.setFont(font)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        """The card, in the palette's own colours: a style sheet naming ``palette(base)`` gave
        its labels a palette of their own that a theme switch did not reach (dark on dark)."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)


class StatCards(QWidget):
    """The cards in one row of equal parts where each keeps its caption's terms whole there,
    else two by two with each figure beside its caption."""

    def __init__(self, cards: tuple[StatCard, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards = cards
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(CARD_GAP)
        for card in cards:
            card.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._two_by_two: bool | None = None
        self._place(False)
        text_size.notifier().changed.connect(self._arrange)

    def two_by_two(self) -> bool:
        """Whether the cards are two by two now (tests, screenshots)."""
        return bool(self._two_by_two)

    def fits_a_row(self, width: int) -> bool:
        """Whether ``width`` px hold the cards in one row of equal parts, every caption's terms
        whole under its figure."""
        share = (width - CARD_GAP * (len(self.cards) - 1)) / len(self.cards)
        return all(card.least_width(False) <= share for card in self.cards)

    def _row_least(self) -> int:
        """px the row needs with every figure whole (its captions then wrap as they must)."""
        return sum(c.least_width(False, whole_terms=False) for c in self.cards) + CARD_GAP * (
            len(self.cards) - 1
        )

    def _grid_least(self) -> int:
        """px two by two needs with every figure and every caption's words whole."""
        widest = max(card.least_width(True, whole_terms=False) for card in self.cards)
        return 2 * widest + CARD_GAP

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """As narrow as the arrangement that needs least: the one shown now must not hold the
        page wider than the other would need."""
        hint = super().minimumSizeHint()
        return QSize(min(self._row_least(), self._grid_least()), hint.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._arrange()

    @Slot()
    def _arrange(self) -> None:
        """One row where every term fits; else two by two where its words fit; else one row
        (a screen too narrow for either: captions wrap inside their terms)."""
        width = self.width()
        if width > 0:
            self._place(not self.fits_a_row(width) and width >= self._grid_least())

    def _place(self, two_by_two: bool) -> None:
        caption_room = max(card.caption_least() for card in self.cards)
        for card in self.cards:  # the captions' column may change with the font
            card.set_beside(two_by_two, caption_room)
        if two_by_two == self._two_by_two:
            return
        self._two_by_two = two_by_two
        for card in self.cards:
            self._grid.removeWidget(card)
        for column in range(len(self.cards)):
            self._grid.setColumnStretch(column, 0)
        columns = 2 if two_by_two else len(self.cards)
        for index, card in enumerate(self.cards):
            self._grid.addWidget(card, index // columns, index % columns)
        for column in range(columns):
            self._grid.setColumnStretch(column, 1)
        self.updateGeometry()
