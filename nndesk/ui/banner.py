"""The one-line warning banner pages show when their data is missing (how to get it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from nndesk.ui import theme


def message_banner() -> QLabel:
    """A hidden, word-wrapped, selectable label in warning colours; show it with a message."""
    label = QLabel("")
    label.setWordWrap(True)
    # selectable, so "nndesk download mnist" can be copied into a terminal
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    theme.set_tone(label, "banner")  # warning colours of the light or dark theme
    label.setVisible(False)
    return label
