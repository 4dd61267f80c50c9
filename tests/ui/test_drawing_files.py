"""File > Save drawing as… and Edit > Copy drawing (walk64 D4): the drawing leaves the window as
the 280 x 280 picture the canvas holds, read back the same by Open image and ``nndesk predict``."""

from __future__ import annotations

import json

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QLineEdit

from nndesk.cli import main as cli_main
from nndesk.inference import Classifier
from nndesk.preprocess import canvas_pixels, load_image
from nndesk.ui import qt_image
from nndesk.ui.drawing_files import write_drawing

A_SEVEN = [(60, 50), (220, 50), (130, 240)]


def _drawn(desk) -> np.ndarray:
    desk.window.canvas.draw_stroke(A_SEVEN, width=20)
    return desk.window.canvas.array()


def test_save_and_copy_are_offered_only_for_a_drawing(window_factory):
    window = window_factory().window
    assert not window.act_save_drawing.isEnabled()
    assert not window.act_copy_drawing.isEnabled()
    window.canvas.draw_stroke(A_SEVEN, width=20)
    assert window.act_save_drawing.isEnabled() and window.act_copy_drawing.isEnabled()
    window.canvas.clear()
    assert not window.act_save_drawing.isEnabled()
    # the canvas's right-click menu holds them, with Clear
    assert {window.act_copy_drawing, window.act_save_drawing, window.act_clear} <= set(
        window.canvas.actions()
    )
    assert window.canvas.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu


def test_a_saved_drawing_is_the_canvas_and_the_cli_reads_it_as_the_window(
    qtbot, window_factory, save_dialogs, tmp_path, stroke_model_file, capsys
):
    clf = Classifier.from_file(stroke_model_file)
    desk = window_factory(classifier=clf)
    window = desk.window
    pixels = _drawn(desk)
    save_dialogs.answer = str(tmp_path / "my seven")
    window.act_save_drawing.trigger()
    (asked,) = save_dialogs.asked
    assert asked.start.endswith("drawing.png") and asked.default_suffix == "png"
    saved = tmp_path / "my seven.png"
    qtbot.waitUntil(lambda: "my seven.png" in window.statusBar().currentMessage())
    assert str(tmp_path) in window.statusBar().currentMessage()
    # Open image puts back the very pixels
    assert np.array_equal(canvas_pixels(load_image(saved)), pixels)
    # and `nndesk predict` answers as the window does for the canvas
    assert cli_main(["predict", str(stroke_model_file), str(saved), "--json"]) == 0
    said = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    window_read = clf.classify_image(pixels)
    assert said["label"] == window_read.label
    assert np.allclose(said["probabilities"], window_read.probabilities, atol=1e-6)


def test_a_drawing_that_cannot_be_saved_says_so_and_the_window_stays(
    qtbot, window_factory, save_dialogs, tmp_path, messages, monkeypatch
):
    import errno

    from nndesk.ui import drawing_files

    def full_disk(path, data):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(drawing_files, "atomic_write_bytes", full_disk)
    desk = window_factory()
    _drawn(desk)
    save_dialogs.answer = str(tmp_path / "seven.png")
    desk.window.act_save_drawing.trigger()
    qtbot.waitUntil(lambda: messages != [])
    ((title, text),) = messages
    assert title == "Cannot save drawing" and "seven.png" in text, text
    assert "\n" not in text.strip() and desk.window.isVisible()


def test_copy_puts_the_drawing_on_the_clipboard_and_ctrl_c_in_a_field_stays_the_fields(
    qtbot, window_factory
):
    desk = window_factory()
    window = desk.window
    pixels = _drawn(desk)
    window.canvas.setFocus()
    qtbot.waitUntil(window.canvas.hasFocus)
    qtbot.keyClick(window.canvas, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().image()
    assert not copied.isNull()
    got = qt_image.to_array(copied.convertToFormat(QImage.Format.Format_Grayscale8))
    assert np.array_equal(got, pixels)
    # Ctrl+C in a text field copies its text, not the drawing
    field = QLineEdit("lr 0.01", window)
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "lr 0.01"


def test_write_drawing_adds_the_ending_and_replaces_a_file_whole(tmp_path):
    pixels = np.zeros((280, 280), np.uint8)
    pixels[100:180, 120:160] = 255
    old = tmp_path / "shape.png"
    old.write_bytes(b"an older file")
    written = write_drawing(tmp_path / "shape", pixels)
    assert written == old
    assert np.array_equal(load_image(written), pixels)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shape.png"]  # no temp left
