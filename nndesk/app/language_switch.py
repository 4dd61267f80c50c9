"""The language question: when View > Language names another language than the window speaks,
ask (in that language) whether to rebuild the window in it now, and switch under a wait cursor.

``LanguageSwitch.ask`` is the slot for ``MainWindow.language_change_requested``; the coordinator
connects it. What it needs from the rest of the desk comes through four hooks ``build_window``
sets: ``switch_language`` (rebuild the window in a language, keeping the work), ``training_busy``,
``race_busy`` and ``unsaved_lab_edits``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from nndesk import preferences
from nndesk.i18n import QT_TRANSLATE_NOOP
from nndesk.ui import language
from nndesk.ui.language import system_ui_languages
from nndesk.ui.main_window import MainWindow


class LanguageSwitch(QObject):
    """Remembers the language chosen under View > Language and offers to switch to it now."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        #: the last question asked (one box is built per question and deletes itself on close)
        self.box: QMessageBox | None = None
        #: set by build_window: rebuild the window in language ``code``, keeping the work (it
        #: returns a ``LanguageRebuild`` going on from the event loop)
        self.switch_language: Callable[[str], object] = lambda code: None
        #: set by build_window: a run is training (or testing and saving its model)
        self.training_busy: Callable[[], bool] = lambda: False
        #: set by build_window: a race runs on the Train page's Race tab
        self.race_busy: Callable[[], bool] = lambda: False
        #: set by build_window: the Lab page holds edits not saved to a file
        self.unsaved_lab_edits: Callable[[], bool] = lambda: False

    @Slot(str)
    def ask(self, choice: str) -> None:
        """Remember the language and offer to switch now: the window is rebuilt in it, keeping
        the drawing, the model, the mode, the page and the Train page's last run. Asked in the
        language chosen, since that is the one the person reads. While a run trains or a race
        runs the switch is refused in the window's own language and nothing is remembered: a
        teacher's click on the wrong language made the next start speak it (walk59 D17)."""
        code = language.resolve_language(choice, system_ui_languages())
        if code == language.current_language():
            preferences.set_language(choice)
            self.window.set_language_choice(choice)
            return
        if self.training_busy() or self.race_busy():
            self.window.set_language_choice(preferences.language())  # the tick goes back
            self._refuse()
            return
        preferences.set_language(choice)
        self.window.set_language_choice(choice)

        def say(text: str) -> str:
            return language.translate_in(code, "Language", text)

        box = self._box(say(QT_TRANSLATE_NOOP("Language", "Language")))
        text = say(
            QT_TRANSLATE_NOOP(
                "Language",
                "Switch the window to the new language now? Your drawing, the model in "
                "use, the mode, the page, the Train page's last run and its finished race "
                "stay as they are.",
            )
        )
        if self.unsaved_lab_edits():
            text += " " + say(
                QT_TRANSLATE_NOOP(
                    "Language",
                    "The Lab page's edits are not saved: they start again from the "
                    "original network (Save as new model keeps them).",
                )
            )
        box.setText(text)
        switch = box.addButton(
            say(QT_TRANSLATE_NOOP("Language", "Switch now")),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(
            say(QT_TRANSLATE_NOOP("Language", "At next start")),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.buttonClicked.connect(lambda button: self._on_box_clicked(button is switch))
        box.open()  # window-modal without blocking (tests drive it)

    def _box(self, title: str) -> QMessageBox:
        box = QMessageBox(self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one is built per question
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(title)
        self.box = box
        return box

    def _refuse(self) -> None:
        """No switch while a run trains or a race runs (it would end them): said in the
        language the window speaks, the one the person reads until it changes."""
        box = self._box(language.translate("Language", "Language"))
        if self.training_busy():
            box.setText(
                language.translate(
                    "Language",
                    "A training run is in progress: switching the language now would end it. "
                    "Stop the run (its model is saved), then choose the language again.",
                )
            )
        else:
            box.setText(
                language.translate(
                    "Language",
                    "A race is running on the Train page: switching the language now would "
                    "end it and lose its curves. Stop the race (its results stay through the "
                    "switch), then choose the language again.",
                )
            )
        box.addButton(QMessageBox.StandardButton.Ok)
        box.open()

    def _on_box_clicked(self, switch: bool) -> None:
        if not switch:
            return
        code = language.resolve_language(preferences.language(), system_ui_languages())
        # the rebuild takes about a second: a wait cursor says it is working (at once), and
        # the rebuild starts once the question box has closed
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        QTimer.singleShot(0, lambda: self._switch_under_wait_cursor(code))

    def _switch_under_wait_cursor(self, code: str) -> None:
        """``switch_language(code)``, then the cursor set by the click is restored, whatever
        happens (a refusing close guard, an error). A switch made in steps from the event loop
        (it returns an object with a ``finished`` signal, ``app.desk.LanguageRebuild``)
        restores it once finished."""
        in_steps = None
        try:
            # the box's place is painted over before the GUI thread is busy (no input handled)
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            in_steps = getattr(self.switch_language(code), "finished", None)
        finally:
            if in_steps is None:
                QApplication.restoreOverrideCursor()
            else:
                in_steps.connect(lambda _desk: QApplication.restoreOverrideCursor())
