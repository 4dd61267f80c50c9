"""The Runs tab's buttons on one line (fixH s68: at 1280x800 in English the row asked 698 px of
626 and "Enlarge chart" went to a second line, a line less for the chart): the curves' PNG, the
histories' CSV and the run's code are one Export menu, each item with its own Alt key."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import xvfb_desktop_text
from tests.ui.test_layout import WAIT_MS
from tests.ui.test_window_keys import accelerator, clashes


@pytest.mark.parametrize("larger", [False, True], ids=["normal", "larger"])
@pytest.mark.parametrize("code", ["en", "vi"])
@pytest.mark.parametrize("size", [(1280, 800), (1024, 700)])
def test_the_runs_buttons_hold_one_line(
    qtbot, qapp, window_at, normal_text_after, speaking, size, code, larger
):
    speaking(code)
    xvfb_desktop_text(qapp, larger=larger)
    desk = window_at(size, mode="digits")
    train, view = desk.train_page, desk.train_page.runs_view
    desk.window.tabs.setCurrentWidget(train)
    train.tabs.setCurrentWidget(view)
    qtbot.waitUntil(view.export_button.isVisible, timeout=WAIT_MS)
    QApplication.processEvents()
    row = view.use_button.parentWidget()
    buttons = [b for b in row.children() if hasattr(b, "isVisible") and b.isVisible()]
    assert view.export_button in buttons and view.large_button in buttons
    tops = {b.y() for b in buttons}
    assert len(tops) == 1, {b.text(): (b.x(), b.y()) for b in buttons}
    for button in buttons:  # every caption whole, inside the row
        assert button.width() >= button.sizeHint().width(), button.text()
        assert button.geometry().right() <= row.width(), button.text()


@pytest.mark.parametrize("code", ["en", "vi"])
def test_each_export_item_has_its_own_alt_key(qtbot, window_factory, speaking, code):
    speaking(code)
    view = window_factory().train_page.runs_view
    view.select_runs([])
    items = [a for a in view.export_button.menu().actions() if not a.isSeparator()]
    assert len(items) == 4 and all(accelerator(a.text()) for a in items)
    assert clashes(items) == []
