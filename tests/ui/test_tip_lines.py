"""A button's long tooltip is shown in lines of about 60 characters (walk72 F6: "Apply to run"'s
ran ~1,000 px across a 1280 px screen in one line)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from nndesk.ui import tip_lines
from nndesk.ui.run_controls import RunControls


def test_a_buttons_long_tooltip_shows_in_lines_of_sixty_characters(qtbot):
    tip_lines.install()
    holder = QWidget()
    qtbot.addWidget(holder)
    controls = RunControls(holder.style())
    holder.setLayout(controls)
    button = controls.apply_button
    holder.show()
    tip = button.toolTip()
    assert len(tip) > 100 and "\n" not in tip  # one line as set: Qt shows it so
    at = button.rect().center()
    event = QHelpEvent(QEvent.Type.ToolTip, at, button.mapToGlobal(at))
    QApplication.sendEvent(button, event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=5000)
    shown = QToolTip.text()
    lines = shown.split("\n")
    assert len(lines) >= 2 and all(len(line) <= tip_lines.LINE_CHARACTERS for line in lines)
    assert " ".join(lines) == tip  # every word, in order
    assert button.toolTip() == tip  # the tip kept is the button's own
    QToolTip.hideText()


def test_short_rich_or_broken_tips_are_shown_as_they_are():
    assert tip_lines.in_lines("save these curves as a PNG image") == (
        "save these curves as a PNG image"
    )
    rich = "<b>bold</b> " + "word " * 30
    assert tip_lines.in_lines(rich) == rich
    broken = "first line\n" + "word " * 30
    assert tip_lines.in_lines(broken) == broken
