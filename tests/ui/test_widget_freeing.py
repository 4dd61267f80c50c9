"""Widgets of nndesk/ui and nndesk/app are freed by ``free_later`` (Python, the GIL held), not
by ``deleteLater`` (Qt's event loop, which PySide runs without the GIL): ~QObject of a widget
connected to a controller's signal holds Qt's signal-slot lock while PySide waits for the GIL,
and a worker holding the GIL and asking for that lock waits for good (the s59 deadlock's
pattern; nndesk/controllers/worker_freeing.py). A window replaced by View > Language is freed
while its training run may go on in the new one."""

from __future__ import annotations

import re
import traceback
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

from nndesk.controllers.worker_freeing import free_later

PACKAGE = Path(__file__).resolve().parents[2] / "nndesk"
#: the frames of ``free_later``'s freeing (a test's end frees what is left by ``free_pending``)
FREEING = {"_free_when_back", "free_pending"}


def noting_freeing(obj: QObject, into: list) -> None:
    """Append whether ``free_later``'s code is on the stack as ``obj`` dies."""

    def note(*_):
        into.append(any(f.name in FREEING for f in traceback.extract_stack()))

    obj.destroyed.connect(note, Qt.ConnectionType.DirectConnection)


def test_free_later_frees_from_python_once_back_in_the_loop_it_was_called_from(qtbot):
    widget = QWidget()
    freed: list[bool] = []
    noting_freeing(widget, freed)
    seen: list[tuple[str, bool]] = []
    outer = QEventLoop()  # the window's event loop

    def a_handler_that_opens_a_dialog() -> None:
        free_later(widget)
        seen.append(("at once", shiboken6.isValid(widget)))  # the caller may still use it
        inner = QEventLoop()  # a modal dialog's loop, opened after the call

        def look_and_close() -> None:
            seen.append(("in the dialog", shiboken6.isValid(widget)))
            inner.quit()

        QTimer.singleShot(0, look_and_close)
        inner.exec()
        outer.quit()

    QTimer.singleShot(0, a_handler_that_opens_a_dialog)
    outer.exec()
    # as deleteLater: not inside a loop deeper than the call's
    assert seen == [("at once", True), ("in the dialog", True)]
    qtbot.waitUntil(lambda: freed != [])
    assert freed == [True] and not shiboken6.isValid(widget)


def test_free_later_asked_outside_any_loop_frees_in_the_next_one(qtbot):
    widget = QWidget()
    freed: list[bool] = []
    noting_freeing(widget, freed)
    free_later(widget)
    qtbot.waitUntil(lambda: freed != [])
    assert freed == [True]


def test_a_widget_its_parent_took_along_is_not_freed_twice(qtbot):
    parent = QWidget()
    child = QWidget(parent)
    free_later(child)
    shiboken6.delete(parent)  # the child with it
    qtbot.waitUntil(lambda: not shiboken6.isValid(child))
    free_later(QWidget())  # the next one still comes: nothing was left broken
    QEventLoop().processEvents()


def test_no_widget_is_freed_by_deletelater_in_the_window_code():
    calls = []
    for folder in ("ui", "app"):
        for path in (PACKAGE / folder).rglob("*.py"):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                code = line.split("#", 1)[0]
                if re.search(r"\.deleteLater\(\)", code):
                    calls.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert calls == []
