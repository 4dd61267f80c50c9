"""The "Not applied yet: …" line beside the run buttons moves nothing under the pointer: it
came as the person typed in a field of the running run's settings and pushed the form down
20 px (42 px in Vietnamese at Larger text, two lines at 1024 px), so a click aimed a moment
later landed a row off (verify61)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from tests.ui.test_training_panel import (  # noqa: F401 - fixtures
    WAIT_MS,
    panel,
    slow_panel,
    start_long_run,
    tiny_dataset,
)


def _laid_out() -> None:
    for _ in range(3):  # the layouts only (a paused run sends nothing meanwhile)
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def _places(page) -> list[QPoint]:
    form = page.form
    fields = (form.l2, form.dropout, form.momentum, form.batch_size, page.tabs.tabBar())
    return [field.mapTo(page, QPoint(0, 0)) for field in fields]


def _check_typing_moves_nothing(qtbot, page, size) -> None:
    from PySide6.QtCore import Qt

    page.resize(*size)  # the page in a 1024 px window: the settings are its first tab
    start_long_run(qtbot, page)
    qtbot.waitUntil(lambda: page.apply_button.isEnabled(), timeout=WAIT_MS)
    page.controller.pause()
    qtbot.waitUntil(page.controller.is_paused, timeout=WAIT_MS)
    page.tabs.setCurrentWidget(page.settings)
    qtbot.waitUntil(page.form.l2.isVisible, timeout=WAIT_MS)
    page.settings.ensureWidgetVisible(page.form.l2)
    _laid_out()
    assert page.lr_error.text() == ""
    before = _places(page)
    page.form.l2.setFocus()
    page.form.l2.selectAll()
    qtbot.keyClicks(page.form.l2, "0.0008")  # typed, as the person does
    _laid_out()
    line = page.lr_error.text()
    assert line and "0" in line and page.lr_error.isVisible(), line  # the line is said
    assert _places(page) == before  # and nothing under the pointer moved
    qtbot.keyClick(page.form.l2, Qt.Key.Key_5)  # another edit: the line says 0.00085
    _laid_out()
    assert _places(page) == before
    page.apply_button.click()  # applied: the line goes, its room stays while the run goes
    _laid_out()
    assert page.lr_error.text() == "" and _places(page) == before


@pytest.mark.parametrize("size", [(470, 640), (700, 700)], ids=["1024", "1280"])
def test_the_pending_line_moves_no_field_while_typing(qtbot, panel, size):  # noqa: F811
    _check_typing_moves_nothing(qtbot, panel, size)


def test_the_pending_line_moves_no_field_at_larger_text_in_vietnamese(
    qtbot,
    panel,  # noqa: F811
    larger_vi,
):
    _check_typing_moves_nothing(qtbot, panel, (470, 640))


@pytest.mark.parametrize("vietnamese", [False, True])
def test_the_first_batchs_progress_line_moves_nothing(qtbot, qapp, slow_panel, vietnamese):  # noqa: F811
    """The line under the progress bar said "Speed, loss and accuracy appear after the first
    batch." on one line at the click, then the run's figures on two (vi, Larger, 1024 px): the
    tabs and the form under it moved 18 px down as the first batch came."""
    from nndesk.ui import language, text_size

    if vietnamese:
        font = qapp.font()
        saved = QFont(font)
        font.setPointSizeF(9.0)
        qapp.setFont(font)
        text_size._desktop_font = None
        text_size.apply_text_size(qapp, "larger")
        assert language.use_language("vi") == "vi"
    try:
        panel = slow_panel
        panel.resize(470, 640)
        panel.form.batch_size.setValue(10)
        assert panel.start_training(panel.form.config().replace(epochs=100_000))
        _laid_out()  # the data still loading: the line says the figures come after a batch
        assert "·" not in panel.speed.text()
        at_click = panel.tabs.mapTo(panel, QPoint(0, 0))
        panel.loaded.set()
        qtbot.waitUntil(lambda: panel.controller.batches_done >= 3, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: "·" in panel.speed.text(), timeout=WAIT_MS)  # the figures
        panel.controller.pause()
        qtbot.waitUntil(panel.controller.is_paused, timeout=WAIT_MS)
        _laid_out()
        assert panel.tabs.mapTo(panel, QPoint(0, 0)) == at_click, panel.speed.text()
    finally:
        if vietnamese:
            language.use_language("en")
            qapp.setFont(saved)
            text_size._desktop_font = None
            text_size.apply_text_size(qapp, "normal")
