"""A text too wide for its cell is cut between words (``nndesk.ui.word_elision``): Qt's own cut
read "tốc độ họ…01 → 0,05" in the Runs table (verify63 V10)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

from nndesk.ui.word_elision import ELLIPSIS, elided_at_words

RATE = "tốc độ học 0,001 → 0,05"
RIGHT, MIDDLE = Qt.TextElideMode.ElideRight, Qt.TextElideMode.ElideMiddle


@pytest.fixture(scope="module")
def metrics(qapp) -> QFontMetrics:
    return QFontMetrics(QFont(qapp.font()))


def _room(metrics: QFontMetrics, text: str) -> int:
    """The fewest px in which Qt draws ``text`` whole (its advance rounded up, not to the
    nearest: 179.1 px needs 180)."""
    width = metrics.horizontalAdvance(text)
    return width if metrics.elidedText(text, RIGHT, width) == text else width + 1


def _whole_words(shown: str, text: str) -> bool:
    """Every word ``shown`` writes is one of ``text``'s, whole ("…" and a comma "…" took
    aside)."""
    words = text.split(" ")
    kept = [w.removesuffix(ELLIPSIS) for w in shown.split(" ") if w != ELLIPSIS]
    return all(w in words or any(x.rstrip(" ,;:·") == w for x in words) for w in kept if w)


def test_a_rate_set_by_hand_keeps_its_last_words_whole_cut_in_its_middle(metrics):
    width = _room(metrics, RATE) - 1
    shown = elided_at_words(RATE, metrics, width, middle=True)
    assert shown == "tốc … học 0,001 → 0,05"  # the end first: the rates
    assert metrics.horizontalAdvance(shown) <= width
    qt = metrics.elidedText(RATE, MIDDLE, _room(metrics, "tốc độ họ…01 → 0,05"))
    assert not _whole_words(qt, RATE)  # what the cell read before: two words cut
    narrower = elided_at_words(RATE, metrics, _room(metrics, "tốc … 0,001 → 0,05"), True)
    assert narrower == "tốc … 0,001 → 0,05"
    narrowest = elided_at_words(RATE, metrics, _room(metrics, "… → 0,05"), True)
    assert narrowest == "… → 0,05"  # the rate it was set to, before the first word


def test_cut_at_its_end_a_text_keeps_whole_words_and_no_comma_before_the_dots(metrics):
    text = "lr 0.001, Adam, batch 128, pixels -1 to 1"
    shown = elided_at_words(text, metrics, _room(metrics, "lr 0.001, Adam, ba"))
    assert shown == "lr 0.001, Adam…"


def test_a_text_that_fits_is_whole_and_a_word_wider_than_the_cell_is_cut_by_qt(metrics):
    assert elided_at_words(RATE, metrics, _room(metrics, RATE)) == RATE
    word = "784-784-784-784-10"
    room = _room(metrics, "784-784")
    assert elided_at_words(word, metrics, room, middle=True) == metrics.elidedText(
        word, RIGHT, room
    )


@given(
    words=st.lists(
        st.text(alphabet="abcđếnọ0123456789,.→-", min_size=1, max_size=9), min_size=1, max_size=9
    ),
    share=st.floats(0.0, 1.0),
    middle=st.booleans(),
)
def test_whatever_the_words_and_the_room_the_cut_is_between_words_and_fits(
    metrics, words, share, middle
):
    text = " ".join(words)
    width = int(metrics.horizontalAdvance(text) * share)
    shown = elided_at_words(text, metrics, width, middle)
    if shown == metrics.elidedText(text, RIGHT, width):
        return  # the last resort, Qt's own cut: not even one word fits with "…"
    assert metrics.horizontalAdvance(shown) <= width
    # and Qt, drawing it, cuts nothing more: a text 179.1 px wide measured 179 and "fitted" a
    # 179 px cell, which the style then cut at a character ("ReLU, điểm ảnh 0 đế…")
    assert metrics.elidedText(shown, RIGHT, width) == shown
    assert shown == text or (ELLIPSIS in shown and _whole_words(shown, text))
