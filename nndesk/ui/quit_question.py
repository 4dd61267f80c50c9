"""QuitQuestion: "Stop training and quit?" as a box that follows the run behind it.

The question was ``QMessageBox.question``: its text was fixed when it opened, so a run that
finished behind it still read "it is in epoch 5 of 5 … Quitting skips its test" after the page
said "Finished: trained 5 epochs · Test accuracy 87.2 %" (walk60 D7j). This box is opened
without blocking (window-modal, ``open()``), says the epoch the run is in as it goes, says
once the run has finished training that nothing is lost by quitting, and once the run is
over (tested and saved) it closes and the quit goes on by itself: nothing is left to lose.
``answered(True)`` is Yes (or that), ``answered(False)`` No.

Yes once the run has finished training does not wait for its test: the test pass going on is
given up at its next chunk (``quit_soon``), the model saved untested, and the quit follows the
run's end; ``waiting`` says so meanwhile, the window answering (a close there blocked the
window for the whole test and calibration, saying nothing).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from nndesk.controllers.training import TrainingController
from nndesk.ui.language import integer, translate


def quit_text(controller: TrainingController) -> str:
    """ "Stop training and quit?" and what is kept of the run: the network as trained when
    the user answers (it trains on while the question is open) is saved as a run, untested."""
    question = translate("TrainingPanel", "Stop training and quit?")
    last, config = controller.last_batch, controller.run_config
    if last is None or config is None or controller.batches_done == 0:
        return question  # nothing trained yet: nothing to keep or lose
    kept = translate(
        "TrainingPanel",
        "Yes keeps the network as trained by then (it is in epoch {epoch} of {epochs} now) "
        "as a run, with its curves: Train > Runs lists it and can put its model in use. "
        "Quitting skips its test, so its test accuracy is not measured (Evaluate measures "
        "it later).",
    ).format(epoch=integer(last.epoch), epochs=integer(config.epochs))
    return f"{question}\n\n{kept}"


def finished_text() -> str:
    """What the box says once the run has trained all it was to: its test and save follow."""
    return translate(
        "TrainingPanel",
        "The run has finished training. nndesk quits by itself once its model is tested and "
        "saved (a few seconds). Yes quits sooner: the model is saved without its test "
        "(Evaluate measures it later); nothing of it is lost. No keeps the window open.",
    )


def saving_text() -> str:
    """What the page says between Yes to a finished run and the quit: what it waits for."""
    return translate("TrainingPanel", "Quitting once the model is saved (its test is skipped)…")


def over_text() -> str:
    """What the box says once the run is over while a message of the page waits to be read."""
    return translate("TrainingPanel", "The run is over and saved. Quit nndesk?")


class QuitQuestion(QObject):
    """One "Stop training and quit?" box over ``parent`` at a time, following ``controller``.

    ``reading()``: True while the page shows a message of its own (the run's model saved
    elsewhere by a full disk): the run's end then does not quit by itself, or the message
    went with the window unread; the box asks "Quit nndesk?" instead."""

    answered = Signal(bool)  # True: quit (Yes, or the run ended with nothing left to lose)
    waiting = Signal(str)  # what a Yes waits for before the quit: the model being saved

    def __init__(
        self,
        parent: QWidget,
        controller: TrainingController,
        reading: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._controller = controller
        self._reading = reading
        self._box: QMessageBox | None = None
        self._finished = False  # the run's loop is over: testing and saving follow
        self._quitting = False  # Yes to a finished run: the quit follows its save
        controller.batches_finished.connect(self._on_batches)
        controller.run_ended.connect(self._on_run_ended)
        controller.running_changed.connect(self._on_running_changed)

    def box(self) -> QMessageBox | None:
        """The box open now (None when none is)."""
        return self._box

    def ask(self, finished: bool = False) -> None:
        """Open the box (once: asked again while it is open, it stays as it is); ``finished``:
        the run's loop is already over (its model is being tested and saved)."""
        if self._box is not None:
            self._box.raise_()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("TrainingPanel", "Quit"),
            "",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self._parent,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._on_box_finished)
        self._box = box
        self._finished = finished
        self._say()
        box.open()

    def _say(self) -> None:
        if self._box is None:
            return
        text = finished_text() if self._finished else quit_text(self._controller)
        if text != self._box.text():  # batches come ~20 a second: the epoch rarely changes
            self._box.setText(text)

    @Slot(object)
    def _on_batches(self, _reports) -> None:
        self._say()

    @Slot(object)
    def _on_run_ended(self, _ended) -> None:
        self._finished = True
        self._say()

    @Slot(bool)
    def _on_running_changed(self, running: bool) -> None:
        quitting, self._quitting = self._quitting, False
        if quitting and not running and self._box is None:
            if self._reading():  # a message of the run's end is read first: asked again
                self.ask()
                self._say_over()
            else:
                self.answered.emit(True)
            return
        if running or self._box is None:
            self._finished = False
            return
        if self._reading():  # a message of the run's end is open: it is read first
            self._say_over()
            return
        # the run is over, its record and model on disk: nothing is left to lose by quitting
        box, self._box = self._box, None
        box.finished.disconnect(self._on_box_finished)
        box.done(QMessageBox.StandardButton.Yes)
        # after this emission's other slots (the page's own "run over"), not inside it
        QTimer.singleShot(0, self, lambda: self.answered.emit(True))

    def _say_over(self) -> None:
        if self._box is not None:
            self._finished = True
            self._box.setText(over_text())

    @Slot(int)
    def _on_box_finished(self, _result: int) -> None:
        box, self._box = self._box, None
        yes = box is not None and box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)
        if yes and self._finished and self._controller.is_running():
            # its loop is over: the model is saved without the rest of its test, then the quit
            self._quitting = True
            self._controller.quit_soon()
            self.waiting.emit(saving_text())
            return
        self.answered.emit(yes)
