"""The note under Train > Settings' preset box is read whole: its last line holds the lab's own
figure, the one a teacher compares with (walk65 D2)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.test_layout import WAIT_MS, show_at


@pytest.mark.parametrize(
    ("code", "size"), [("vi", (1280, 760)), ("en", (1024, 700))], ids=["vi-1280x760", "en-1024x700"]
)
def test_the_preset_note_is_whole_at_larger_text(
    qtbot,
    qapp,
    window_factory,
    stroke_classifier,
    normal_text_after,
    code,
    size,
):
    """walk65 D2: vi, Larger, 1280x760, fashion-prelu-l2: the note stopped after four lines,
    mid-word ("… đo được: 88,9% (hạt"), the lab's 89,3 % below the cut."""
    from nndesk.ui import language

    assert language.use_language(code) == code
    try:
        _check_the_note(qtbot, qapp, window_factory, stroke_classifier, size)
    finally:
        language.use_language("en")


def _check_the_note(qtbot, qapp, window_factory, stroke_classifier, size) -> None:
    from nndesk.ui import text_size

    desk = window_factory(classifier=stroke_classifier, mode="garments")
    window = show_at(desk, size)
    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    page.tabs.setCurrentWidget(page.settings) if page.tabs.indexOf(page.settings) >= 0 else None
    form = page.form
    form.preset.setCurrentIndex(form.preset.findData("fashion-mlp-lab"))
    QApplication.processEvents()
    text_size.apply_text_size(qapp, "larger")  # as View > Text size does, the window up
    QApplication.processEvents()
    note = form.preset_note
    form.preset.setCurrentIndex(form.preset.findData("fashion-prelu-l2"))
    qtbot.waitUntil(note.isVisible, timeout=WAIT_MS)
    lab = note.text().rsplit(" ", 1)[-1]  # "89.3%." / "89,3%."
    assert "89" in lab, note.text()
    # whole in its tooltip, whatever height a layout gives it
    assert note.toolTip() == note.text()
    # and every line in sight once the layout has settled at the width it gave the note
    qtbot.waitUntil(lambda: note.height() >= note.heightForWidth(note.width()), timeout=WAIT_MS)
    # a custom note (a field edited) has no such tooltip
    form.epochs.setValue(form.epochs.value() + 1)
    assert note.toolTip() == "" and "fashion-prelu-l2" in note.text()
