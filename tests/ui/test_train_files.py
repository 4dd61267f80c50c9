"""The Train page's files (ui/train_files.py): Save model…, Export PNG…, written off the GUI
thread."""

from __future__ import annotations

from pathlib import Path

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
    save_dialogs,
):
    import threading

    from nndesk.controllers.background import BackgroundWrites
    from nndesk.ui import train_files

    writes = BackgroundWrites()
    widget = make_panel(qtbot, tmp_path, lambda name: tiny_dataset, writes)
    widget.start_training()
    wait_until_idle(qtbot, widget)
    threads: dict[str, threading.Thread] = {}

    def spy(name, real):
        def call(*args, **kwargs):
            threads[name] = threading.current_thread()
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(train_files, "save_curves_png", spy("png", train_files.save_curves_png))
    monkeypatch.setattr(train_files, "copy_model", spy("copy", train_files.copy_model))
    said: list[tuple[Path, bool]] = []
    widget.file_saved.connect(lambda path, model: said.append((path, model)))
    saving: list[tuple[Path, bool]] = []  # said at once, before the writer answers
    widget.file_saving.connect(lambda path: saving.append((path, writes.busy)))
    for button, name in ((widget.export_button, "curves.png"), (widget.save_button, "mine")):
        save_dialogs.answer = str(tmp_path / name)
        with qtbot.waitSignal(writes.done, timeout=WAIT_MS):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    # (verify67 #6: a chart drawn under load took seconds, and nothing was said meanwhile)
    assert saving == [(tmp_path / "curves.png", False), (tmp_path / "mine.npz", False)]
    assert (tmp_path / "curves.png").read_bytes()[:4] == b"\x89PNG"
    assert Classifier.from_file(tmp_path / "mine.npz").info["history"]
    assert set(threads) == {"png", "copy"}
    assert threading.main_thread() not in threads.values()
    assert said == [(tmp_path / "curves.png", False), (tmp_path / "mine.npz", True)]
    widget.shutdown()
    writes.shutdown()


def test_save_model_proposes_what_the_model_is_in_the_folder_last_saved_to_never_an_old_file(
    qtbot,
    tiny_dataset,  # noqa: F811
    tmp_path,
    save_dialogs,
):
    """A newcomer's walk: Save model… offered "model.npz" in the home folder every time, a
    name that says nothing and that the next save replaces. It proposes the dataset, the
    layers and the test accuracy, in the folder saved to last, under a name no file has."""
    from nndesk import preferences

    widget = make_panel(qtbot, tmp_path, lambda name: tiny_dataset)
    widget.start_training()
    wait_until_idle(qtbot, widget)
    accuracy = widget.controller.record.metrics["test_accuracy"]
    folder = tmp_path / "my models"
    folder.mkdir()
    preferences.set_last_save_folder(folder)
    expected = folder / f"mnist_784-16-10_{accuracy:.1%}.npz"
    for name in (expected, expected.with_name(f"{expected.stem}-2.npz")):
        save_dialogs.answer = str(name)  # the name proposed, taken
        qtbot.mouseClick(widget.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(name.is_file, timeout=WAIT_MS)
    offered = [Path(asked.start) for asked in save_dialogs.asked]
    assert offered == [expected, expected.with_name(f"{expected.stem}-2.npz")]
    assert Classifier.from_file(offered[1]).info["history"]
    other = tmp_path / "elsewhere"
    other.mkdir()
    save_dialogs.answer = str(other / "a.npz")
    qtbot.mouseClick(widget.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (other / "a.npz").is_file(), timeout=WAIT_MS)
    save_dialogs.answer = ""
    qtbot.mouseClick(widget.save_button, Qt.MouseButton.LeftButton)  # the folder saved to last
    assert Path(save_dialogs.asked[-1].start) == other / expected.name
    widget.shutdown()


def test_save_model_copies_only_a_regular_file_and_keeps_the_file_saved_onto(tmp_path):
    """A run's model.npz swapped for a link to /dev/null was copied as an empty "model" over
    the file the person saved onto (one to /dev/zero never ended: it filled the disk)."""
    import os

    import pytest

    from nndesk.ui.train_files import copy_model

    mine = tmp_path / "mine.npz"
    mine.write_bytes(b"the person's own model")
    swapped = tmp_path / "run" / "model.npz"
    swapped.parent.mkdir()
    for target in ("/dev/null", tmp_path / "run"):  # a device, a folder
        swapped.unlink(missing_ok=True)
        swapped.symlink_to(target)
        with pytest.raises(OSError, match="model.npz") as err:
            copy_model(swapped, mine)
        assert "\n" not in str(err.value)
        assert mine.read_bytes() == b"the person's own model"
    swapped.unlink()
    os.mkfifo(swapped)  # a pipe with no writer: waiting would never end
    with pytest.raises(OSError, match="model.npz"):
        copy_model(swapped, mine)
    assert mine.read_bytes() == b"the person's own model"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.npz", "run"]  # no temp left
    swapped.unlink()
    swapped.write_bytes(b"a model")
    assert copy_model(swapped, mine).read_bytes() == b"a model"


def test_save_model_never_replaces_a_shipped_model(tmp_path, monkeypatch):
    """walk54b D0: the Train page's Save model… into the shipped models' folder (an editable
    install's weights/) is refused in one line before anything is written."""
    import pytest

    from nndesk import paths
    from nndesk.errors import ConfigError
    from nndesk.ui.train_files import copy_model

    weights = tmp_path / "weights"
    weights.mkdir()
    shipped = weights / "mnist-cnn.npz"
    shipped.write_bytes(b"the shipped model")
    monkeypatch.setattr(paths, "WEIGHTS_DIR", weights)
    source = tmp_path / "model.npz"
    source.write_bytes(b"a run's model")
    for target in (shipped, weights / "mine"):
        with pytest.raises(ConfigError, match="shipped models' folder") as err:
            copy_model(source, target)
        assert "\n" not in str(err.value)
    assert shipped.read_bytes() == b"the shipped model" and sorted(weights.iterdir()) == [shipped]
