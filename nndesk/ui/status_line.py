"""One status-bar message that fits beside the permanent widgets (model, accuracy, latency).

A message naming a folder or file can be wider than the bar at 1024 px; Qt then cuts it
mid-sentence. The fields beside it step aside first (``ElidingStatusBar``); then the paths in it
shrink, in the middle ("/work/…/t10k-only"), so the sentence stays whole; only if that is not
enough does the end go, with a deliberate "…". The whole text is the status bar's tooltip while
such a message shows.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QMainWindow

# an absolute POSIX or Windows path, up to the first space (our messages never put one inside)
_PATH = re.compile(r"(?:[A-Za-z]:)?[/\\][^\s:;,]*[^\s:;,.)]")


def fit_status(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` as wide as ``width`` px at most: paths elided in the middle first, then the end."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    shorter = text
    if _PATH.search(text):
        for chars in range(40, 9, -6):  # each path gets narrower until the sentence fits
            room = metrics.averageCharWidth() * chars
            shorter = _PATH.sub(
                lambda m, room=room: metrics.elidedText(
                    m.group(0), Qt.TextElideMode.ElideMiddle, room
                ),
                text,
            )
            if metrics.horizontalAdvance(shorter) <= width:
                return shorter
    shown = metrics.elidedText(shorter, Qt.TextElideMode.ElideRight, width)
    # Qt leaves a one-character text whole even when no room is left at all
    return shown if metrics.horizontalAdvance(shown) <= width else ""


def fit_paths(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` with each path in it at most ``width`` px, cut in the middle: for a text
    wrapped at that width, a path takes one line at most."""
    return _PATH.sub(
        lambda m: metrics.elidedText(m.group(0), Qt.TextElideMode.ElideMiddle, width), text
    )


def room_for_message(window: QMainWindow) -> int:
    """The status bar's width left over by its permanent widgets (``ElidingStatusBar``)."""
    return window.statusBar().message_room()


def show_status(window: QMainWindow, text: str, timeout_ms: int = 5000) -> None:
    """Show ``text`` in ``window``'s status bar (an ``ElidingStatusBar``): beside the model and
    accuracy fields when it fits there, else over their room, fitted to the bar when even that
    is too little (``fit_status``), whole in the tooltip then."""
    window.statusBar().showMessage(text, timeout_ms)


#: ms a saved file's message (and its "Show folder") stays: long enough to reach the button
SAVED_MS = 15000


def show_saved(window: QMainWindow, path: str | os.PathLike, model: bool = False) -> None:
    """Say in ``window``'s status bar that a file (a model when ``model``) was written to
    ``path``: its name and its folder (a name may hold spaces, which a path elided in the
    middle would cut), with "Show folder" beside it (``ElidingStatusBar.show_saved``)."""
    from nndesk.ui.language import translate

    written = Path(path)
    said = (
        translate("StatusBar", "Model saved: {file} in {folder}")
        if model
        else translate("StatusBar", "Saved {file} in {folder}")
    )
    text = said.format(file=written.name, folder=written.parent)
    window.statusBar().show_saved(text, written, SAVED_MS)
