"""The Train page's files (ui/train_files.py): Save model…, Export PNG…, written off the GUI
thread."""

from __future__ import annotations

from PySide6.QtCore import Qt

from nndesk.inference import Classifier
from tests.ui.test_training_panel import (  # noqa: F401 - fixtures
    WAIT_MS,
    make_panel,
    tiny_dataset,
    wait_until_idle,
)


def test_curves_pngs_and_model_copies_are_written_off_the_gui_thread(
    qtbot,
    tiny_dataset,  # noqa: F811
    tmp_path,
    monkeypatch,
):
    import threading

    from PySide6.QtWidgets import QFileDialog

    from nndesk.controllers.background import BackgroundWrites
    from nndesk.ui import train_files

    writes = BackgroundWrites()
    widget = make_panel(qtbot, tmp_path, lambda name: tiny_dataset, writes)
    widget.start_training()
    wait_until_idle(qtbot, widget)
    threads: dict[str, threading.Thread] = {}

    def spy(name, real):
        def call(*args):
            threads[name] = threading.current_thread()
            return real(*args)

        return call

    monkeypatch.setattr(train_files, "save_curves_png", spy("png", train_files.save_curves_png))
    monkeypatch.setattr(train_files, "copy_model", spy("copy", train_files.copy_model))
    said: list[str] = []
    widget.status_message.connect(said.append)
    for button, name in ((widget.export_button, "curves.png"), (widget.save_button, "mine")):
        target = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target: (str(t), ""))
        with qtbot.waitSignal(writes.done, timeout=WAIT_MS):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "curves.png").read_bytes()[:4] == b"\x89PNG"
    assert Classifier.from_file(tmp_path / "mine.npz").info["history"]
    assert set(threads) == {"png", "copy"}
    assert threading.main_thread() not in threads.values()
    assert said[-2:] == [
        f"Saved {tmp_path / 'curves.png'}",
        f"Model saved to {tmp_path / 'mine.npz'}",
    ]
    widget.shutdown()
    writes.shutdown()
