"""Qt, not Python's cyclic collector, deletes every widget of the window.

A parentless widget made in Python is owned by its Python wrapper: once it sits in a reference
cycle, the collector frees it whenever it runs, even in the middle of Qt's
``QApplication.allWidgets()`` (the theme switch walks every widget). PySide6 6.11 then wraps
the deleted widget's children from a stale list and the process dies without a word. So every
widget but the window itself has a Qt parent, or is deleted by Qt when closed
(``WA_DeleteOnClose`` / ``deleteLater``)."""

from __future__ import annotations

import gc

import pytest
import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from nndesk import preferences
from nndesk.ui import language, theme
from nndesk.ui.settings_dialog import SettingsDialog
from tests.ui.test_language_switch import _switch


def left_to_python(windows) -> list[str]:
    """Every widget but ``windows`` that Python's collector would delete, by class and text."""
    found = []
    for widget in QApplication.allWidgets():
        if shiboken6.ownedByPython(widget) and widget not in windows:
            text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
            found.append(f"{type(widget).__qualname__} {str(text)[:40]!r}")
    return found


@pytest.fixture
def collector_off():
    """Nothing is collected during the test, so a dropped widget stays in allWidgets()."""
    was_on = gc.isenabled()  # off already where the GUI thread collects (gui_collector)
    gc.disable()
    yield
    if was_on:
        gc.enable()
    language.use_language("en")


def test_no_widget_of_the_window_is_left_to_pythons_collector(
    qtbot, collector_off, window_factory, stroke_classifier
):
    desk = window_factory(classifier=stroke_classifier)
    window = desk.window
    for page in range(window.tabs.count()):
        window.tabs.setCurrentIndex(page)
    app = QApplication.instance()
    theme.apply_theme(app, "dark")
    theme.apply_theme(app, "light")
    for _ in range(2):
        window.act_settings.trigger()
        desk.coordinator.settings_dialog.reject()
    desk.window.language_actions["vi"].trigger()
    desk.coordinator.language_switch.box.buttons()[-1].click()  # "At next start"
    desk.coordinator.offer_download("mnist")
    desk.coordinator.download_dialog.close()
    assert left_to_python({window}) == []
    # the dialogs built anew at each use are deleted once closed, not kept hidden in the window
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChildren(SettingsDialog) == []
    assert window.findChildren(QMessageBox) == []
    preferences.set_language("en")
    # the rebuilt window of another language; the old one is deleted by Qt with its widgets
    rebuilt = _switch(qtbot, desk, "vi")
    assert left_to_python({rebuilt.window}) == []
    rebuilt.window.close()
