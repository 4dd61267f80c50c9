"""Buttons: a push button with its tooltip, and tool buttons that open a menu.

``tipped_button(text, tip)``: every push button says what it does when hovered (and under
Shift+F1); the text and the tip are given already translated.

Qt draws an instant-popup tool button's menu arrow in its bottom-right corner without making
room for it: "Xuất mã" and "Xuất" had the arrow on their last letter. ``mark_menu`` hides that
arrow and writes one after the text instead, in the button's own text colour (any theme).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QPushButton, QSizePolicy, QToolButton

ARROW = " ▾"
#: hides the corner arrow only; the button keeps the style's own look
NO_CORNER_ARROW = "QToolButton::menu-indicator { image: none; width: 0px; }"


class NarrowButton(QPushButton):
    """A push button a squeezed row may narrow to its text and ``PAD`` px each side: the style
    makes a push button with a text at least 80 px wide, and the drawing column's row "Test #
    [50] Show Random" (268 px) kept the column wider than the canvas of a 1024x700 screen at
    125 % (walk66 #1). Where there is room it takes its usual width."""

    PAD = 8

    def __init__(self, *args) -> None:
        super().__init__(*args)
        #: whether a squeezed row may narrow it now (the drawing column: not at Larger text,
        #: where its canvas keeps 280 px and a narrower row wrapped the options under it onto
        #: a second line, the window's least height 29 px more at 1024 px in Vietnamese)
        self.may_narrow = lambda: True
        # a push button's width policy (Minimum) keeps it at its size hint: Preferred may shrink
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        self.setSizePolicy(policy)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = self.sizeHint()
        if not self.may_narrow():
            return hint
        text = self.fontMetrics().horizontalAdvance(self.text()) + 2 * self.PAD
        if not self.icon().isNull():
            text += self.iconSize().width() + 4
        return QSize(min(hint.width(), text), hint.height())


class SnugButton(QPushButton):
    """A push button as wide as its text and ``NarrowButton.PAD`` px each side, never the
    style's 80 px: a short word ("Xoá…", 33 px at 11 pt) kept a row of buttons from one line
    (the Runs tab's, Vietnamese, Larger text, 1024 px: 475 px asked of 455)."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        text = self.fontMetrics().horizontalAdvance(self.text()) + 2 * NarrowButton.PAD
        if not self.icon().isNull():
            text += self.iconSize().width() + 4
        return QSize(min(hint.width(), text), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()


def tipped_button(
    text: str, tip: str, icon: QIcon | None = None, *, narrow: bool = False, snug: bool = False
) -> QPushButton:
    """A push button showing ``text`` (and ``icon``) whose tooltip is ``tip``; ``narrow``: one
    that a squeezed row may narrow to its text (``NarrowButton``); ``snug``: one always as
    wide as its text (``SnugButton``)."""
    kind = SnugButton if snug else NarrowButton if narrow else QPushButton
    button = kind(text) if icon is None else kind(icon, text)
    button.setToolTip(tip)
    return button


def mark_menu(button: QToolButton) -> QToolButton:
    """``button`` (its menu and text set) with the menu's arrow after its text."""
    if not button.text().endswith(ARROW):
        button.setText(button.text() + ARROW)
    button.setStyleSheet(NO_CORNER_ARROW)
    return button
