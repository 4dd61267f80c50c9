"""Numbers typed past a field's range on the canvas side: kept whole while typed, then refused
in one line under the test-image row (walk60 D7o: "100" in Not sure below became 10 %,
"12345" in Test # became 1234 and Show put image 1234 on the canvas, without a word); Enter in
Test # shows the image. The line is under the row it refuses, and the "Data folder: …" line
under them stays (verify60: both refusals took its place, under the Not sure row)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt

from nndesk.ui.bounded_spin import BoundedSpinBox
from tests.ui.conftest import type_into


def _top(widget, window) -> int:
    return widget.mapTo(window, QPoint(0, 0)).y()


def _bottom(widget, window) -> int:
    return _top(widget, window) + widget.height()


def _settled(qtbot, window) -> None:
    """The drawing column laid out at the window's size: the Test # refusal's kept room
    follows the column's width (a resize sets it, and the column is laid out again)."""
    line = window.test_refusal
    qtbot.waitUntil(lambda: line.isVisible() and line.height() == line.minimumHeight())


def test_a_test_index_past_the_last_is_typed_whole_then_refused_not_shown(qtbot, window_factory):
    window = window_factory().window
    window.show()
    window.set_standing_note("Data folder: /somewhere/mnist")
    asked = []
    window.test_image_requested.connect(asked.append)
    spin = window.test_index
    spin.setValue(50)
    _settled(qtbot, window)
    lab_row = _top(window.lab_buttons[0], window) - _top(spin, window)
    type_into(qtbot, spin, "12345")
    assert spin.cleanText() == "12345"  # Qt dropped the last keystroke: "1234"
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert spin.value() == 50 and asked == []  # no other image than the one asked for
    line = window.test_refusal
    assert line.said() == "12345 is not in 0–9999: it stays 50" and line.isVisible()
    assert window.status_note.text() == "Data folder: /somewhere/mnist"  # it stays
    qtbot.waitUntil(lambda: line.height() > 0)
    # under the Test # row, above the lab's buttons
    assert _bottom(spin, window) <= _top(line, window)
    assert _bottom(line, window) <= _top(window.lab_buttons[0], window)
    # the buttons stay under the pointer (the canvas above may still settle: below the row)
    assert _top(window.lab_buttons[0], window) - _top(spin, window) == lab_row
    window.lab_buttons[-1].click()  # another number: "it stays 50" is no longer true
    assert spin.value() != 50 and line.said() == ""
    type_into(qtbot, spin, "99999")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert line.said()
    type_into(qtbot, spin, "123")
    assert line.said() == ""  # typed in again: the refusal is old news
    qtbot.keyClick(spin, Qt.Key.Key_Return)  # Enter shows a number it took
    assert asked[-1] == 123 and line.said() == ""


def test_not_sure_below_100_is_refused_in_a_line_not_cut_to_10(qtbot, window_factory):
    window = window_factory().window
    window.show()
    window.set_standing_note("Data folder: /somewhere/mnist")
    spin = window.prediction_panel.not_sure_spin
    spin.setValue(60)
    type_into(qtbot, spin, "100")
    assert spin.cleanText() == "100"
    window.test_index.setFocus()  # leaving the field
    qtbot.waitUntil(lambda: not spin.hasFocus())
    assert spin.value() == 60
    line = window.not_sure_refusal
    assert line.text() == "100 is not in 0–99: it stays 60" and not line.isHidden()
    assert window.test_refusal.said() == ""
    assert window.status_note.text() == "Data folder: /somewhere/mnist"  # it stays
    qtbot.waitUntil(lambda: line.height() > 0)
    # under the Not sure row, above the Data folder line
    assert _bottom(spin, window) <= _top(line, window)
    assert _bottom(line, window) <= _top(window.status_note, window)
    qtbot.keyClick(spin, Qt.Key.Key_Up)  # a step: the refusal is old news
    assert line.isHidden() and spin.value() == 61


@given(st.text(max_size=8))
@example("²")  # a digit to str.isdigit, no number to int: raised in validate, it crashed
@example("100")
def test_any_typed_text_is_taken_refused_or_kept_and_the_value_stays_in_range(qapp, text):
    import shiboken6

    spin = BoundedSpinBox()
    try:
        spin.setRange(0, 99)
        spin.setSuffix("%")
        spin.setValue(60)
        spin.lineEdit().setText(text + "%")
        spin.interpretText()
        assert 0 <= spin.value() <= 99
        typed = text.strip()
        if typed.isdigit() and typed.isascii() and int(typed) > 99:
            assert spin.value() == 60
    finally:
        shiboken6.delete(spin)  # now, not whenever the collector reaches it


@given(st.text(max_size=12))
@example("²")
@example("full")
@example("0")
def test_any_text_typed_in_batch_size_reads_as_a_size_or_is_refused(qapp, text):
    """Batch size's spin box (``WordedSpinBox``) takes "full", its own word or a size, and
    nothing typed takes it out of its range or raises inside Qt's validation."""
    import shiboken6

    from nndesk.settings_schema import BY_NAME
    from nndesk.ui.setting_editor import SettingEditor

    editor = SettingEditor(BY_NAME["batch_size"])
    spin = editor.widget
    try:
        spin.setValue(32)
        spin.lineEdit().setText(text)
        spin.interpretText()
        assert spin.minimum() <= spin.value() <= spin.maximum()
        if text.strip().casefold() in ("full", "full batch"):
            assert spin.value() == 0 and editor.value() == 0
    finally:
        shiboken6.delete(spin)


def test_in_vietnamese_at_1024_the_lab_buttons_stay_under_the_pointer(qtbot, window_factory):
    """The Vietnamese refusal takes two lines at 1024x700: its room is kept for that too."""
    from nndesk.ui import language

    assert language.use_language("vi") == "vi"
    try:
        window = window_factory().window
        window.resize(1024, 700)
        window.show()
        spin = window.test_index
        qtbot.waitUntil(lambda: window.width() == 1024)
        line = window.test_refusal
        # laid out at 1024: the room is a Vietnamese refusal's two lines (not the 1200 px one)
        qtbot.waitUntil(lambda: line.minimumHeight() > line.fontMetrics().lineSpacing())
        _settled(qtbot, window)
        lab_row = _top(window.lab_buttons[0], window) - _top(spin, window)
        type_into(qtbot, spin, "12345")
        qtbot.keyClick(spin, Qt.Key.Key_Return)
        assert line.said().startswith("12345 ")
        needed = line.heightForWidth(line.width())
        assert needed > line.fontMetrics().lineSpacing()  # two lines, as in the window
        _settled(qtbot, window)
        assert line.height() >= needed
        assert _top(window.lab_buttons[0], window) - _top(spin, window) == lab_row
    finally:
        language.use_language("en")
