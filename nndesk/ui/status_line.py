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
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QMainWindow

from nndesk.ui.word_elision import middle_dropped

# An absolute POSIX or Windows path: from a separator that starts a word, through a space
# where the next word holds a separator too ("/home/x/My Documents/runs/model.npz" whole; it
# was "/home/x/My", then "/runs" on its own), up to a space, ":", ";" or "," after it. A last
# part with a space ("…/My Documents" at the end) is known only to the one who wrote the
# message: ``fit_status``'s ``paths``.
_PATH = re.compile(
    r"(?<![^\s\"'(“‘])(?:[A-Za-z]:)?[/\\](?:[^\s:;,]|[ ](?=[^\s/\\:;,]+[/\\]))*[^\s:;,.)”’\"']"
)
#: what separates a path's parts
_SEPARATOR = re.compile(r"[/\\]")


def elided_path(path: str, metrics: QFontMetrics, width: int) -> str:
    """``path`` at most ``width`` px: whole, or its middle parts for "…": its last part (the
    file's or the folder's name) kept whole, and as many parts before it as fit, after its
    first ("/home/…/My Documents/model.npz"; "…/model.npz" where its first does not fit).
    Qt's cut in the middle of a character only where not even "…" and its last part fit."""
    if metrics.horizontalAdvance(path) <= width:
        return path
    cuts = [m.start() for m in _SEPARATOR.finditer(path.rstrip("/\\"))]
    # its first part: "/home/", "C:\\Users\\"; a relative path's own first folder
    rooted = bool(cuts) and (cuts[0] == 0 or path[1:2] == ":")
    first_end = (cuts[1] if rooted and len(cuts) > 1 else cuts[0]) + 1 if cuts else 0
    ends = [cut for cut in cuts if cut >= first_end]  # where the last parts start

    def joined(head: int, tail: int) -> str:
        return f"{path[:first_end] if head else ''}…{path[ends[-tail] :]}"

    def fits(shown: str) -> bool:
        return metrics.horizontalAdvance(shown) <= width

    # pieces: the first part, the part after it (always dropped: kept, the path is whole),
    # then each of the last parts (the end keeps these alone); the first part alone in front
    shown = middle_dropped(len(ends) + 2, joined, fits, False, len(ends)) if ends else None
    if shown is not None:
        return shown
    return metrics.elidedText(path, Qt.TextElideMode.ElideMiddle, width)


def _split_paths(text: str, paths: Sequence[str]) -> list[str]:
    """``text`` in pieces, its paths at the odd places: each of ``paths`` (a message's writer
    knows where they end, spaces and all), and the others ``_PATH`` finds."""
    known = sorted({p for p in paths if p}, key=len, reverse=True)  # the longest first
    pattern = "|".join([*(re.escape(p) for p in known), _PATH.pattern])
    pieces, at = [], 0
    for found in re.finditer(pattern, text):
        pieces += [text[at : found.start()], found.group(0)]
        at = found.end()
    return [*pieces, text[at:]]


def _elided_pieces(pieces: list[str], metrics: QFontMetrics, room: int) -> str:
    """``_split_paths``' pieces joined again, each path at most ``room`` px."""
    return "".join(elided_path(p, metrics, room) if i % 2 else p for i, p in enumerate(pieces))


def fit_status(text: str, metrics: QFontMetrics, width: int, paths: Sequence[str] = ()) -> str:
    """``text`` as wide as ``width`` px at most: its paths (``paths``: those its writer
    knows, and those found) cut between their parts first, then its end."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    shorter = text
    pieces = _split_paths(text, paths)
    count = len(pieces) // 2
    if count:
        # first what the words leave the paths, shared (a saved file's folder had 40
        # characters of a 1024 px bar and left it half empty: "in /tmp/…/lab 2 (sigmoid)"),
        # then each path narrower until the sentence fits
        words = metrics.horizontalAdvance("".join(pieces[0::2]))
        rooms = [(width - words) // count]
        rooms += [metrics.averageCharWidth() * chars for chars in range(40, 9, -6)]
        for room in rooms:
            shorter = _elided_pieces(pieces, metrics, room)
            if metrics.horizontalAdvance(shorter) <= width:
                return shorter
    shown = metrics.elidedText(shorter, Qt.TextElideMode.ElideRight, width)
    # Qt leaves a one-character text whole even when no room is left at all
    return shown if metrics.horizontalAdvance(shown) <= width else ""


def fit_paths(text: str, metrics: QFontMetrics, width: int, paths: Sequence[str] = ()) -> str:
    """``text`` with each path in it at most ``width`` px, cut between its parts: for a text
    wrapped at that width, a path takes one line at most."""
    return _elided_pieces(_split_paths(text, paths), metrics, width)


def room_for_message(window: QMainWindow) -> int:
    """The status bar's width left over by its permanent widgets (``ElidingStatusBar``)."""
    return window.statusBar().message_room()


def show_status(window: QMainWindow, text: str, timeout_ms: int = 5000) -> None:
    """Show ``text`` in ``window``'s status bar (an ``ElidingStatusBar``): beside the model and
    accuracy fields when it fits there, else over their room, fitted to the bar when even that
    is too little (``fit_status``), whole in the tooltip then. A ``status_rank.Notice`` is held
    while it is read, and a ``status_rank.Progress`` line waits behind it (``show_ranked``)."""
    window.statusBar().show_ranked(text, timeout_ms)


#: ms a saved file's message (and its "Show folder") stays: long enough to reach the button
SAVED_MS = 15000


def show_saving(window: QMainWindow, path: str | os.PathLike) -> None:
    """Say at once in ``window``'s status bar that a file is being written to ``path`` ("Saving
    mnist-cnn-calibration.png in /tmp/out…"), until ``show_saved`` or a failure's line takes its
    place: a chart drawn and written off the GUI thread under load took ~10 s, and nothing said
    the click was taken (verify67 #6)."""
    from nndesk.ui.language import translate

    written = Path(path)
    said = translate("StatusBar", "Saving {file} in {folder}…")
    text = said.format(file=written.name, folder=written.parent)
    window.statusBar().show_with_paths(text, (str(written.parent), str(written)), 0)


def show_unsaved(window: QMainWindow, path: str | os.PathLike) -> None:
    """Say in ``window``'s status bar that the file ``show_saving`` announced was not written
    (a message box says why): "Saving …" stayed under it."""
    from nndesk.ui.language import translate

    said = translate("StatusBar", "Could not save {file}").format(file=Path(path).name)
    window.statusBar().showMessage(said, SAVED_MS)


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
