"""The real window on hostile files: Open model, Open image, drop and paste each show one message
and the app stays up (message boxes are intercepted, so no test blocks on a dialog)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tests.hostile import cases

MODEL_CASES = ["model-units", "model-layers", "model-deep-json", "npz-lying-member"]


def _choose_file(monkeypatch, path):
    """The next file dialog answers ``path``, as if the user picked it."""
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def _hostile_model(tmp_path, name):
    make = cases.CASES[name]
    argv, _ = make(tmp_path, n_bytes=16 * 2**20) if name == "npz-member-bomb" else make(tmp_path)
    return argv[1]


def _still_works(qtbot, window, prediction):
    assert window.isVisible()
    window.canvas.draw_stroke([(140, 30), (140, 250)])
    qtbot.waitUntil(prediction.is_idle, timeout=60000)
    assert window.prediction_panel.top_label.text() == "vertical"


@pytest.mark.parametrize("name", [*MODEL_CASES, "npz-member-bomb"])
def test_open_model_on_a_hostile_file_shows_one_message_and_keeps_the_model(
    qtbot, window_factory, stroke_classifier, tmp_path, monkeypatch, messages, name
):
    desk = window_factory(classifier=stroke_classifier)
    window, prediction = desk.window, desk.prediction
    path = _hostile_model(tmp_path, name)
    _choose_file(monkeypatch, path)
    window.act_open_model.trigger()  # the file is read in the prediction worker
    qtbot.waitUntil(lambda: len(messages) > 0, timeout=60000)
    qtbot.waitUntil(prediction.is_idle, timeout=60000)
    assert len(messages) == 1
    title, text = messages[0]
    assert title == "Cannot open model" and path in text and "\n" not in text
    assert prediction.current() is stroke_classifier
    _still_works(qtbot, window, prediction)


def test_a_model_picked_in_the_picker_that_cannot_be_read_leaves_the_picker_on_the_model_in_use(
    qtbot, window_factory, stroke_classifier, tmp_path, messages
):
    # a recent model damaged since it was used (or a hand-edited settings file) stays listed;
    # picking it said so, but the picker went on naming it over the model still answering
    desk = window_factory(classifier=stroke_classifier)
    window, prediction = desk.window, desk.prediction
    bad = _hostile_model(tmp_path, "model-units")
    combo = window.model_combo
    # the model in use joins the recent models once looked at off the GUI thread, and the box
    # names what it is: that refill comes before the one below
    qtbot.waitUntil(lambda: " · " in combo.currentText(), timeout=60000)
    window.set_model_choices([], [stroke_classifier.path, bad])
    in_use = combo.currentText()
    index = combo.findData(str(bad))
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # as a click on the entry does
    qtbot.waitUntil(lambda: len(messages) > 0, timeout=60000)
    qtbot.waitUntil(prediction.is_idle, timeout=60000)
    assert messages[0][0] == "Cannot open model"
    assert prediction.current() is stroke_classifier
    assert combo.currentText() == in_use != combo.itemText(index)
    _still_works(qtbot, window, prediction)


def _huge_png(tmp_path):
    return cases.png_huge(tmp_path, pixels=False)


def test_open_image_on_a_12000_pixel_png_shows_one_message(
    qtbot, window_factory, stroke_classifier, tmp_path, monkeypatch, messages
):
    desk = window_factory(classifier=stroke_classifier)
    window, prediction = desk.window, desk.prediction
    _choose_file(monkeypatch, _huge_png(tmp_path))
    window.act_open_image.trigger()
    qtbot.waitUntil(lambda: len(messages) > 0, timeout=60000)
    qtbot.waitUntil(prediction.is_idle, timeout=60000)
    assert len(messages) == 1
    assert messages[0][0] == "Cannot open image" and "12000x12000" in messages[0][1]
    assert window.canvas.is_blank()
    _still_works(qtbot, window, prediction)


def _file_mime(path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    return mime


def _drop_file(canvas, path) -> None:
    """``path`` dropped on the canvas as a file manager drops it."""
    mime = _file_mime(path)  # kept: the event does not own it
    event = QDropEvent(
        QPointF(100, 100),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    canvas.dropEvent(event)


def test_dropping_a_12000_pixel_png_shows_one_message(
    qtbot, window_factory, stroke_classifier, tmp_path, messages
):
    desk = window_factory(classifier=stroke_classifier)
    window, prediction = desk.window, desk.prediction
    _drop_file(window.canvas, _huge_png(tmp_path))
    qtbot.waitUntil(lambda: len(messages) > 0, timeout=60000)
    qtbot.waitUntil(prediction.is_idle, timeout=60000)
    assert len(messages) == 1 and "12000x12000" in messages[0][1]
    _still_works(qtbot, window, prediction)


def test_pasting_a_12000_pixel_png_file_shows_one_message(
    qtbot, window_factory, stroke_classifier, tmp_path, messages
):
    QApplication.clipboard().setMimeData(_file_mime(_huge_png(tmp_path)))
    desk = window_factory(classifier=stroke_classifier)
    window, prediction = desk.window, desk.prediction
    window.act_paste.trigger()
    qtbot.waitUntil(lambda: len(messages) > 0, timeout=60000)
    qtbot.waitUntil(prediction.is_idle, timeout=60000)
    assert len(messages) == 1 and "12000x12000" in messages[0][1]
    _still_works(qtbot, window, prediction)


def test_pasting_the_data_of_a_12000_pixel_png_shows_one_message(
    qtbot, window_factory, stroke_classifier, tmp_path, messages
):
    mime = QMimeData()
    mime.setData("image/png", _huge_png(tmp_path).read_bytes())  # the image itself, no file
    QApplication.clipboard().setMimeData(mime)
    desk = window_factory(classifier=stroke_classifier)
    window, prediction = desk.window, desk.prediction
    window.act_paste.trigger()
    qtbot.waitUntil(lambda: len(messages) > 0, timeout=60000)
    qtbot.waitUntil(prediction.is_idle, timeout=60000)
    assert len(messages) == 1 and "12000x12000" in messages[0][1]
    assert window.canvas.is_blank()
    _still_works(qtbot, window, prediction)


def test_opening_a_newer_image_while_one_decodes_shows_only_the_newer(
    qtbot, window_factory, stroke_classifier, tmp_path, messages
):
    from PIL import Image

    a = Image.new("L", (200, 200), 255)
    for x in range(20, 180):
        for y in range(95, 105):
            a.putpixel((x, y), 0)  # a dark horizontal bar
    bar = tmp_path / "bar.png"
    a.save(bar)
    desk = window_factory(classifier=stroke_classifier)
    window, prediction = desk.window, desk.prediction
    window.image_file_requested.emit(str(_huge_png(tmp_path)))  # superseded before it ends
    window.image_file_requested.emit(str(bar))
    qtbot.waitUntil(prediction.is_idle, timeout=60000)
    assert messages == []
    assert window.prediction_panel.top_label.text() == "horizontal"


def test_a_model_chosen_while_another_is_read_wins(
    qtbot, window_factory, stroke_model_file, tmp_path, messages
):
    desk = window_factory()
    window, prediction = desk.window, desk.prediction
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"nope")
    window.model_file_requested.emit(str(broken))  # superseded before its error is shown
    with qtbot.waitSignal(prediction.classifier_changed, timeout=60000):
        window.model_file_requested.emit(str(stroke_model_file))
    qtbot.waitUntil(prediction.is_idle, timeout=60000)
    assert messages == []
    assert prediction.current().path == stroke_model_file


def test_the_train_page_opening_a_model_with_unusable_settings_says_so_and_keeps_the_form(
    qtbot, tmp_path
):
    from nndesk.controllers.training import TrainingController
    from nndesk.runs import RunStore
    from tests.ui.conftest import training_page

    path = cases.resigned(
        tmp_path, "settings.npz", lambda h, a: h["info"].update(config={"lr": "x", "epochs": 3})
    )
    panel = training_page(TrainingController(lambda name: None, RunStore(tmp_path / "runs")))
    qtbot.addWidget(panel)
    panel.show()
    lr_before = panel.form.lr.value()
    with qtbot.waitSignal(panel.model_ready, timeout=10_000):  # the model itself is fine
        panel.load_model(path)
    box = panel.message_box()
    assert isinstance(box, QMessageBox) and "training settings are not usable" in box.text()
    assert "lr must be a positive number" in box.text() and "\n" not in box.text()
    assert panel.form.lr.value() == lr_before
    panel.shutdown()


def _blank_image(tmp_path, kind):
    """Images with nothing to classify, each of a kind probe 33 tried (F3)."""
    from PIL import Image

    if kind == "transparent.png":
        image = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    elif kind == "1x1.png":
        image = Image.new("L", (1, 1), 0)
    elif kind == "cmyk.jpg":
        image = Image.new("CMYK", (64, 64), (0, 0, 0, 0))
    else:
        frames = [Image.new("P", (64, 64), 0) for _ in range(3)]
        frames[0].save(tmp_path / kind, save_all=True, append_images=frames[1:], duration=100)
        return tmp_path / kind
    image.save(tmp_path / kind)
    return tmp_path / kind


@pytest.mark.parametrize("kind", ["transparent.png", "1x1.png", "cmyk.jpg", "animated.gif"])
def test_a_blank_image_opened_dropped_or_pasted_says_so_and_keeps_the_drawing(
    qtbot, window_factory, stroke_classifier, tmp_path, monkeypatch, messages, kind
):
    """Probe 33 F3: the CLI says "the image is blank"; the window emptied the canvas without a
    word. It says the same line now, and what was drawn stays. One window per kind of file,
    given it each way in turn (opened first, in the fresh window), each way's message and
    drawing checked before the next; every wrong way said at once."""
    desk = window_factory(classifier=stroke_classifier)
    window, prediction = desk.window, desk.prediction
    window.canvas.draw_stroke([(140, 30), (140, 250)])
    path = _blank_image(tmp_path, kind)
    wrong = []
    for how in ("open", "drop", "paste file", "paste data"):
        messages.clear()
        drawn = window.canvas.array().copy()
        if how == "open":
            _choose_file(monkeypatch, path)
            window.act_open_image.trigger()
        elif how == "drop":
            _drop_file(window.canvas, path)
        else:
            mime = _file_mime(path)
            if how == "paste data":
                mime = QMimeData()
                mime.setData("image/png", path.read_bytes())  # the file's bytes, whatever its kind
            QApplication.clipboard().setMimeData(mime)
            window.act_paste.trigger()
        qtbot.waitUntil(lambda: len(messages) > 0, timeout=60000)
        qtbot.waitUntil(prediction.is_idle, timeout=60000)
        said = list(messages)
        title, text = said[0]
        checks = {
            "one message": len(said) == 1,
            "says blank": title == "Cannot open image"
            and text.endswith(": the image is blank, nothing to classify"),
            "names the file": (path.name in text) == (how != "paste data"),
            "drawing kept": bool((window.canvas.array() == drawn).all()),
        }
        wrong += [(how, name, said) for name, ok in checks.items() if not ok]
        _still_works(qtbot, window, prediction)  # and draws the same stroke again
    assert wrong == []


@pytest.mark.parametrize("what", ["open model", "open image", "drop"])
def test_a_named_pipe_chosen_or_dropped_says_what_it_is_and_blocks_nothing(
    qtbot, window_factory, stroke_classifier, tmp_path, monkeypatch, messages, what
):
    """Probe 33 F5: a named pipe was "no such file"; opened as an image it would have held the
    prediction worker until some program wrote into it."""
    import os

    desk = window_factory(classifier=stroke_classifier)
    window, prediction = desk.window, desk.prediction
    pipe = tmp_path / "pipe.png"
    os.mkfifo(pipe)
    if what == "drop":
        _drop_file(window.canvas, pipe)
    else:
        _choose_file(monkeypatch, pipe)
        (window.act_open_model if what == "open model" else window.act_open_image).trigger()
    qtbot.waitUntil(lambda: len(messages) > 0, timeout=60000)
    qtbot.waitUntil(prediction.is_idle, timeout=60000)
    ((title, text),) = messages
    assert text.endswith("pipe.png: not a regular file (a pipe)")
    assert title == ("Cannot open model" if what == "open model" else "Cannot open image")
    assert prediction.current() is stroke_classifier
    _still_works(qtbot, window, prediction)


@pytest.mark.parametrize("what", ["open model", "open image"])
def test_a_file_that_cannot_be_opened_is_named_by_its_path_whether_image_or_model(
    qtbot, window_factory, stroke_classifier, tmp_path, monkeypatch, messages, what
):
    """walk51 D14: a text file opened as an image said "notimage.png: not an image …", a cut
    model file named its whole path: both name the path now."""
    desk = window_factory(classifier=stroke_classifier)
    window, prediction = desk.window, desk.prediction
    bad = tmp_path / ("notimage.png" if what == "open image" else "truncated.npz")
    bad.write_text("not what it says", encoding="utf-8")
    _choose_file(monkeypatch, bad)
    (window.act_open_model if what == "open model" else window.act_open_image).trigger()
    qtbot.waitUntil(lambda: len(messages) > 0, timeout=60000)
    qtbot.waitUntil(prediction.is_idle, timeout=60000)
    ((_title, text),) = messages
    assert text.startswith(f"{bad}: "), text
    _still_works(qtbot, window, prediction)


def test_a_truncated_pasted_png_is_said_wholly_in_vietnamese(
    qtbot, window_factory, stroke_classifier, tmp_path, messages
):
    """walk55b D5: "ảnh … (image file is truncated)" and "pasted image: …" were English inside
    Vietnamese boxes: Pillow's words and the literal name given to a pasted image."""
    import io

    from PIL import Image

    from nndesk.ui import language

    buffer = io.BytesIO()
    Image.new("L", (300, 300), 128).save(buffer, "PNG", compress_level=0)
    mime = QMimeData()
    mime.setData("image/png", buffer.getvalue()[: len(buffer.getvalue()) // 2])
    QApplication.clipboard().setMimeData(mime)
    assert language.use_language("vi") == "vi"
    try:
        desk = window_factory(classifier=stroke_classifier)
        window, prediction = desk.window, desk.prediction
        window.act_paste.trigger()
        qtbot.waitUntil(lambda: len(messages) > 0, timeout=60000)
        qtbot.waitUntil(prediction.is_idle, timeout=60000)
    finally:
        language.use_language("en")
    (text,) = [text for _, text in messages]
    assert text.startswith("ảnh đã dán: ") and "tệp bị cắt cụt" in text
    assert "truncated" not in text and "pasted" not in text
    _still_works(qtbot, window, prediction)
