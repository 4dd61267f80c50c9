""" "Switch now" builds the new window a page at a time from the event loop: the old window keeps
painting and the loop's timers run meanwhile, a click on the old window is set aside, and the
work comes over as with the switch made in one piece."""

from __future__ import annotations

import numpy as np
import shiboken6
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from nndesk.ui import language
from tests.ui.conftest import switched_windows
from tests.ui.test_language_switch import _answer_switch_now, _forget_replaced_windows
from tests.ui.test_language_switch import english_after as english_after  # a fixture


def test_switch_now_lets_the_event_loop_run_while_the_new_window_is_built(
    qtbot, english_after, window_factory, stroke_classifier
):
    desk = window_factory(classifier=stroke_classifier)
    window = desk.window
    window.canvas.draw_stroke([(140, 30), (140, 250)])
    drawing = window.canvas.array()
    qtbot.waitUntil(desk.prediction.is_idle, timeout=60000)
    switch = desk.coordinator.language_switch
    real = switch.switch_language
    building, finished = [], []

    def recording(code):
        made = real(code)
        made.finished.connect(finished.append)  # a switch that goes on from the event loop
        building.append(made)
        return made

    switch.switch_language = recording
    turns = []  # the loop's turns while the new window is built
    old_after_stroke = []  # the old canvas after a stroke drawn on it mid-build

    def on_turn():
        if building and not finished:
            turns.append(1)
            if len(turns) == 2:  # a stroke across the old canvas, mid-build: set aside
                canvas = window.canvas
                QTest.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
                QTest.mouseMove(canvas, QPoint(200, 200))
                QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
                old_after_stroke.append(canvas.array())

    ticks = QTimer()
    ticks.setInterval(0)
    ticks.timeout.connect(on_turn)
    ticks.start()
    try:
        _answer_switch_now(qtbot, desk, "vi")
        qtbot.waitUntil(lambda: len(finished) == 1, timeout=60000)
    finally:
        ticks.stop()
    new = finished[0]
    qtbot.addWidget(new.window)
    _forget_replaced_windows(qtbot._request.node)
    try:
        assert len(turns) >= 8  # a turn of the loop between the pages, not one long block
        assert np.array_equal(old_after_stroke[0], drawing)  # the stroke was set aside
        assert QApplication.overrideCursor() is None  # the wait cursor went with the end
        assert language.current_language() == "vi"
        assert new is not desk and new.window.isVisible()
        assert not shiboken6.isValid(window)  # the old window closed and deleted
        assert new.prediction.current() is stroke_classifier
        assert np.array_equal(new.window.canvas.array(), drawing)
        assert new.window.tabs.tabText(2) == "Huấn luyện"
    finally:
        new.window.close()


def test_the_old_window_is_not_retranslated_while_the_new_one_is_built(
    qtbot, english_after, window_factory, stroke_classifier
):
    """Qt tells every widget of every window that the language changed: ~40 ms of the GUI
    thread and a repaint of the whole old window, which is about to close."""
    from PySide6.QtCore import QEvent, QObject

    desk = window_factory(classifier=stroke_classifier)
    told = []

    class Watch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.LanguageChange:
                told.append(type(obj).__name__)
            return False

    watch = Watch()
    desk.window.canvas.installEventFilter(watch)  # one widget of the old window
    finished = switched_windows(desk)
    _answer_switch_now(qtbot, desk, "vi")
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=60000)
    new = finished[0]
    qtbot.addWidget(new.window)
    _forget_replaced_windows(qtbot._request.node)
    try:
        assert language.current_language() == "vi"
        assert told == []
    finally:
        new.window.close()
