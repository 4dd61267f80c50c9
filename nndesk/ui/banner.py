"""The one-line warning banner pages show when their data is missing (how to get it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def message_banner() -> QLabel:
    """A hidden, word-wrapped, selectable label in warning colours; show it with a message."""
    label = QLabel("")
    label.setWordWrap(True)
    # selectable, so "nndesk download mnist" can be copied into a terminal
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(
        "background: #FFF4E5; color: #8A4B08; border: 1px solid #F5C88A;"
        " border-radius: 4px; padding: 6px;"
    )
    label.setVisible(False)
    return label
