"""The Train page's warnings: one box at a time, each with one OK (walk52 #6)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from nndesk.controllers.training import TrainingController
from nndesk.runs import RunStore
from nndesk.ui.status_rank import Notice
from tests.ui.conftest import training_page


def _open_boxes(panel) -> list[QMessageBox]:
    return [box for box in panel.findChildren(QMessageBox) if box.isVisible()]


def _ok_buttons(box: QMessageBox) -> list:
    return [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]


def test_a_full_disk_run_shows_one_box_and_none_while_it_trains(qtbot, tmp_path, monkeypatch):
    """walk60 D7c: a full disk opened a window-modal box over the training run ("could not
    write the run's record"), then a second one for its model at the end. The record's
    problem is said in the banner above the tabs and the status bar; the model's is the one box
    (walk52 #6: one OK in it, a "Show the folder" beside)."""
    panel = training_page(TrainingController(lambda name: None, RunStore(tmp_path / "runs")))
    qtbot.addWidget(panel)
    panel.show()
    folder, saved = tmp_path / "runs" / "r1", tmp_path / "nndesk-r1.npz"
    controller = panel.controller
    said: list[str] = []
    panel.status_message.connect(said.append)

    monkeypatch.setattr(controller, "is_running", lambda: True)  # the run trains
    controller.record_unsaved.emit(str(folder), "No space left on device")
    assert panel.message_box() is None and _open_boxes(panel) == []
    banner = panel.header.alert
    assert banner.isVisibleTo(panel) and str(folder) in banner.text()
    assert "training goes on" in banner.text() and said[-1] == banner.text()
    assert isinstance(said[-1], Notice)  # the run's progress lines wait while it is read

    controller.saved_elsewhere.emit(str(folder), "No space left on device", str(saved))
    box = panel.message_box()
    assert _open_boxes(panel) == [box] and panel.waiting_messages() == []
    assert "instead" in box.text() and str(saved) in box.text()
    assert len(_ok_buttons(box)) == 1
    assert "Show the folder" in [b.text() for b in box.buttons()]
    assert len(box.buttons()) == 2
    assert banner.isVisibleTo(panel)  # the record's line stays in sight
    box.button(QMessageBox.StandardButton.Ok).click()

    monkeypatch.setattr(controller, "is_running", lambda: False)
    controller.running_changed.emit(False)  # the run is over: "training goes on" is not
    assert banner.isVisibleTo(panel) and banner.text() == (
        f"Could not write the run's record in {folder} (No space left on device)."
    )
    panel.shutdown()


def test_a_record_refused_after_the_run_says_so_without_training_goes_on(qtbot, tmp_path):
    panel = training_page(TrainingController(lambda name: None, RunStore(tmp_path / "runs")))
    qtbot.addWidget(panel)
    panel.show()
    folder = tmp_path / "runs" / "r1"
    panel.controller.record_unsaved.emit(str(folder), "No space left on device")
    assert panel.message_box() is None
    assert panel.header.alert.text() == (
        f"Could not write the run's record in {folder} (No space left on device)."
    )
    panel.shutdown()


def test_a_message_repeated_while_its_box_is_open_is_shown_once(qtbot, tmp_path):
    panel = training_page(TrainingController(lambda name: None, RunStore(tmp_path / "runs")))
    qtbot.addWidget(panel)
    panel.show()

    panel.show_error("The disk is full.")
    panel.show_error("The disk is full.")
    panel.show_error("Another problem.")
    panel.show_error("Another problem.")

    assert len(_open_boxes(panel)) == 1
    assert panel.waiting_messages() == ["Another problem."]
    panel.shutdown()


def test_a_model_put_in_the_temporary_folder_is_said_to_be_at_risk_there(qtbot, tmp_path):
    """walk55b D6: a full or read-only home put the model in /tmp, and the message did not say
    /tmp is often emptied at restart; a model kept in the nndesk folder needs no such word."""
    from nndesk.paths import data_dir, temp_models_dir

    panel = training_page(TrainingController(lambda name: None, RunStore(tmp_path / "runs")))
    qtbot.addWidget(panel)
    panel.show()
    controller, folder = panel.controller, tmp_path / "runs" / "r1"
    in_temp, in_home = temp_models_dir() / "nndesk-r1.npz", data_dir() / "nndesk-r2.npz"

    controller.saved_elsewhere.emit(str(folder), "No space left on device", str(in_home))
    assert "restarts" not in panel.message_box().text()
    panel.message_box().button(QMessageBox.StandardButton.Ok).click()
    controller.saved_elsewhere.emit(str(folder), "No space left on device", str(in_temp))
    qtbot.waitUntil(lambda: str(in_temp) in panel.message_box().text())
    assert (
        panel.message_box()
        .text()
        .endswith(
            "instead. The temporary folder may be emptied when the computer restarts: use Save "
            "model… to keep a copy."
        )
    )
    panel.message_box().button(QMessageBox.StandardButton.Ok).click()
    controller.run_folder_refused.emit(str(folder), "Read-only file system", str(in_temp))
    qtbot.waitUntil(lambda: "Cannot make a run folder" in panel.message_box().text())
    assert "may be emptied when the computer restarts" in panel.message_box().text()
    panel.shutdown()
