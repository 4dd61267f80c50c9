"""QuitQuestion alone, on a stand-in controller: the run's end quits by itself only when no
message of the page waits to be read (a full disk's "saved it to … instead" went with the
window unread, seen on Xvfb)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from nndesk.ui.quit_question import QuitQuestion


class _Controller(QObject):
    batches_finished = Signal(object)
    run_ended = Signal(object)
    running_changed = Signal(bool)
    last_batch = None
    run_config = None
    batches_done = 0
    running = True
    quit_soon_asked = 0

    def __init__(self) -> None:
        super().__init__()
        # connected first: is_running() says False to the slots of the same emission
        self.running_changed.connect(lambda running: setattr(self, "running", running))

    def is_running(self) -> bool:
        return self.running

    def quit_soon(self) -> None:
        self.quit_soon_asked += 1


def _asked(qtbot, reading: bool):
    page = QWidget()
    qtbot.addWidget(page)
    page.show()
    controller = _Controller()
    question = QuitQuestion(page, controller, lambda: reading)
    answers: list[bool] = []
    question.answered.connect(answers.append)
    question.ask()
    controller.run_ended.emit(None)
    assert question.box().text().startswith("The run has finished training.")
    return page, controller, question, answers


def test_the_runs_end_quits_by_itself_when_nothing_waits_to_be_read(qtbot):
    page, controller, question, answers = _asked(qtbot, reading=False)
    box = question.box()
    with qtbot.waitSignal(question.answered):
        controller.running_changed.emit(False)
    assert answers == [True] and question.box() is None
    assert not shiboken6.isValid(box) or not box.isVisible()


def test_a_message_open_at_the_runs_end_keeps_the_question_asked(qtbot):
    page, controller, question, answers = _asked(qtbot, reading=True)
    controller.running_changed.emit(False)
    box = question.box()
    assert box is not None and box.isVisible()
    assert box.text() == "The run is over and saved. Quit nndesk?" and answers == []
    with qtbot.waitSignal(question.answered):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert answers == [True]


def test_yes_to_a_finished_run_does_not_wait_for_its_test_and_says_what_it_waits_for(qtbot):
    """Yes once the run has finished training: the test pass is given up (``quit_soon``), the
    window stays answering while the model is saved, and the quit follows the run's end."""
    page, controller, question, answers = _asked(qtbot, reading=False)
    said: list[str] = []
    question.waiting.connect(said.append)
    assert "Yes quits sooner" in question.box().text()
    question.box().button(QMessageBox.StandardButton.Yes).click()
    assert controller.quit_soon_asked == 1 and answers == [] and question.box() is None
    assert said == ["Quitting once the model is saved (its test is skipped)…"]
    with qtbot.waitSignal(question.answered):
        controller.running_changed.emit(False)
    assert answers == [True]


def test_yes_to_a_finished_run_asks_again_if_a_message_of_its_end_waits(qtbot):
    page, controller, question, answers = _asked(qtbot, reading=True)
    question.box().button(QMessageBox.StandardButton.Yes).click()
    controller.running_changed.emit(False)
    box = question.box()
    assert answers == [] and box is not None and box.isVisible()
    assert box.text() == "The run is over and saved. Quit nndesk?"
    with qtbot.waitSignal(question.answered):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert answers == [True] and controller.quit_soon_asked == 1


def test_the_lanes_not_kept_are_named_so_their_commas_do_not_split_them(qapp):
    """walk65 D23: "3 làn của nó chưa được giữ lại (Sigmoid, thô, ReLU, thô, Sigmoid, [0; 1])"
    read as six things."""
    from nndesk.ui import language
    from nndesk.ui.race_quit import unkept_question

    names = ["Sigmoid, raw", "ReLU, raw", "Sigmoid, [0, 1]"]
    assert "(“Sigmoid, raw”; “ReLU, raw”; “Sigmoid, [0, 1]”)" in unkept_question(names)
    assert "Its lane “ReLU, raw” is not kept" in unkept_question(names[1:2])
    assert language.use_language("vi") == "vi"
    try:
        said = unkept_question(["Sigmoid, thô", "ReLU, thô", "Sigmoid, [0; 1]"])
    finally:
        language.use_language("en")
    assert "3 làn của nó chưa được giữ lại (“Sigmoid, thô”; “ReLU, thô”; “Sigmoid, [0; 1]”)" in said
