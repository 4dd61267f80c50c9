"""A text too wide for its cell, cut between words, never inside one.

Qt's own elision cuts at a character: the Runs table's Settings cell read "tốc độ họ…01 →
0,05" for a run whose rate went from 0.001 to 0.05 (Vietnamese, Larger text, 1024 px: verify63
V10), two words each cut in half. ``elided_at_words`` drops whole words for "…" instead, from
the end or from the middle; ``WordElidingDelegate`` draws a table column's cells so."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

ELLIPSIS = "…"
#: what a kept start of a text may end with that "…" replaces ("lr 0.01, Adam…", not "Adam,…")
_TRAILING = " ,;:·"


def elided_at_words(text: str, metrics: QFontMetrics, width: int, middle: bool = False) -> str:
    """``text`` at most ``width`` px wide in ``metrics``: whole, or whole words of it and "…".

    From the end ("lr 0.001, Adam…"), or with ``middle`` from the middle: its first and its
    last word kept, then words from the end, then from the start, as they fit ("sigmoid, … 0
    đến 255": what a cell of runs told apart leads with, and the values its words end with).
    Where not even that fits (one word wider than the cell), Qt's cut at a character, which
    at least shows the word's start."""

    def fits(shown: str) -> bool:
        # Qt's measure when it draws: a text whose advance rounds down to ``width`` (179.1 px
        # in 179) is cut by the style at a character ("ReLU, điểm ảnh 0 đế…", 1 px short)
        return metrics.elidedText(shown, Qt.TextElideMode.ElideRight, width) == shown

    if fits(text):
        return text
    words = text.split(" ")

    keep = _kept_both_ends if middle and len(words) > 1 else _kept_start
    shown = keep(words, fits)
    if shown is not None:
        return shown
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


def _start(words: list[str]) -> str:
    return " ".join(words).rstrip(_TRAILING) + ELLIPSIS


def _kept_start(words: list[str], fits: Callable[[str], bool]) -> str | None:
    """The most words from the start that fit with "…" after them; None when not the first."""
    for n in range(len(words) - 1, 0, -1):
        shown = _start(words[:n])
        if fits(shown):
            return shown
    return None


def _kept_both_ends(words: list[str], fits: Callable[[str], bool]) -> str | None:
    """The first and last words with "…" between, then as many more from the end as fit, then
    from the start; the last words alone after "…" when the first does not fit beside them;
    None when not even the last word fits."""

    def joined(head: int, tail: int) -> str:
        end = " ".join(words[len(words) - tail :])
        return f"{' '.join(words[:head])} {ELLIPSIS} {end}" if head else f"{ELLIPSIS} {end}"

    # the end first: a lead's words end with its values ("tốc … 0,001 → 0,05", not "tốc độ
    # học … → 0,05", which lost the rate it started at)
    return middle_dropped(len(words), joined, fits)


def middle_dropped(
    count: int,
    joined: Callable[[int, int], str],
    fits: Callable[[str], bool],
    grow_head: bool = True,
    tails: int | None = None,
) -> str | None:
    """A text of ``count`` pieces with middle ones dropped for "…", as it fits: ``joined(head,
    tail)`` writes its first ``head`` pieces and its last ``tail`` around "…". The first piece
    kept where it fits beside the last (else none of the start), then as many more from the
    end as fit (``tails`` at most, if given), then (``grow_head``) from the start; at least
    one piece is dropped. None when not even the last piece fits. The Runs table's cells drop
    words so, the status bar's paths their folders (``status_line.elided_path``)."""
    head = 1 if fits(joined(1, 1)) else 0
    if not fits(joined(head, 1)):
        return None
    tail = 1
    most = count if tails is None else tails
    while head + tail + 1 < count and tail < most and fits(joined(head, tail + 1)):
        tail += 1
    while grow_head and head and head + tail + 1 < count and fits(joined(head + 1, tail)):
        head += 1
    return joined(head, tail)


class WordElidingDelegate(QStyledItemDelegate):
    """Draws a column's cells with ``elided_at_words``: cut from the middle while ``middle()``
    says so, else from the end; a cell whose text does not fit whole and that has a text in
    ``narrow_role`` says that one instead, cut at a character ("mnist-gd (cu…": cut between
    words it read "mnist-gd…", as if the name were cut)."""

    def __init__(self, middle: Callable[[], bool], parent=None, narrow_role=None) -> None:
        super().__init__(parent)
        self._middle = middle
        self._narrow_role = narrow_role

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt override
        super().initStyleOption(option, index)
        if option.text and option.widget is not None:
            room = text_room(option)
            metrics = option.fontMetrics
            shown = elided_at_words(option.text, metrics, room, self._middle())
            narrow = index.data(self._narrow_role) if self._narrow_role is not None else None
            if shown != option.text and narrow:
                shown = metrics.elidedText(narrow, Qt.TextElideMode.ElideRight, room)
            option.text = shown


def text_room(option: QStyleOptionViewItem) -> int:
    """The px an item view's cell (``option``, its ``widget`` set) has for its text."""
    widget = option.widget
    style = widget.style()
    rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, widget)
    # the style draws the text this far inside that rect (QCommonStyle's viewItemDrawText)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
    return rect.width() - 2 * margin
