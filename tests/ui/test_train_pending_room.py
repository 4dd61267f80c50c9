"""The "Not applied yet: …" line beside the run buttons moves nothing under the pointer: it
came as the person typed in a field of the running run's settings and pushed the form down
20 px (42 px in Vietnamese at Larger text, two lines at 1024 px), so a click aimed a moment
later landed a row off (verify61)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtWidgets import QApplication

from tests.ui.test_projector_pages import larger_vi  # noqa: F401 - a fixture
from tests.ui.test_training_panel import (  # noqa: F401 - fixtures
    WAIT_MS,
    panel,
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
    larger_vi,  # noqa: F811
):
    _check_typing_moves_nothing(qtbot, panel, (470, 640))
