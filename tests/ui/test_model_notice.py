"""The "Now predicting with the model you just trained" note appears without moving a
control (probe 32)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from .test_layout import DEFAULT, SMALL_FRAMED, cut_widgets, show_at


@pytest.mark.parametrize("size", [SMALL_FRAMED, DEFAULT], ids=["1024x673", "1280x760"])
def test_the_new_model_notice_appears_without_moving_a_control(qtbot, window_factory, size):
    """Probe 32: the "Now predicting…" strip pushed every control 21 px down as it appeared,
    so a click aimed at Set LR just before landed on another control."""
    from PySide6.QtCore import QPoint

    desk = window_factory()
    window = show_at(desk, size)
    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(page.isVisible)
    QApplication.processEvents()
    controls = [page.lr_button, page.tabs.tabBar(), window.canvas, window.tabs.bar]
    before = [c.mapTo(window, QPoint(0, 0)) for c in controls]
    window.model_notice.announce(0.928, "mnist-cnn")
    QApplication.processEvents()
    assert [c.mapTo(window, QPoint(0, 0)) for c in controls] == before
    notice = window.model_notice
    assert notice.isVisible()
    box = QRect(notice.mapTo(window, QPoint(0, 0)), notice.size())
    assert window.rect().contains(box)
    bar = window.menuBar()
    for action in bar.actions():  # every menu still shows, and none is covered
        menu = bar.actionGeometry(action).translated(bar.mapTo(window, QPoint(0, 0)))
        assert not menu.isEmpty() and not menu.intersects(box), action.text()
    message = notice.message
    assert message.width() >= message.fontMetrics().horizontalAdvance("Now predicting with")
    for button in (notice.switch_back_button, notice.keep_button):
        shown = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        assert button.isVisible() and box.contains(shown)
    assert cut_widgets(window) == []
