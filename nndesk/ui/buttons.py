"""Buttons: a push button with its tooltip, and tool buttons that open a menu.

``tipped_button(text, tip)``: every push button says what it does when hovered (and under
Shift+F1); the text and the tip are given already translated.

Qt draws an instant-popup tool button's menu arrow in its bottom-right corner without making
room for it: "Xuất mã" and "Xuất" had the arrow on their last letter. ``mark_menu`` hides that
arrow and writes one after the text instead, in the button's own text colour (any theme).
"""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QPushButton, QToolButton

ARROW = " ▾"
#: hides the corner arrow only; the button keeps the style's own look
NO_CORNER_ARROW = "QToolButton::menu-indicator { image: none; width: 0px; }"


def tipped_button(text: str, tip: str, icon: QIcon | None = None) -> QPushButton:
    """A push button showing ``text`` (and ``icon``) whose tooltip is ``tip``."""
    button = QPushButton(text) if icon is None else QPushButton(icon, text)
    button.setToolTip(tip)
    return button


def mark_menu(button: QToolButton) -> QToolButton:
    """``button`` (its menu and text set) with the menu's arrow after its text."""
    if not button.text().endswith(ARROW):
        button.setText(button.text() + ARROW)
    button.setStyleSheet(NO_CORNER_ARROW)
    return button
