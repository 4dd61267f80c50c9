"""The window wired like the real app: drawing predicts, files and test images reach the canvas."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt, QThread
from PySide6.QtWidgets import QApplication, QMessageBox

from nndesk import preferences
from nndesk.controllers import datasets
from nndesk.controllers.prediction import PredictionController
from nndesk.inference import Classifier
from nndesk.preprocess import CANVAS_SIZE
from nndesk.ui.draw_panel import NO_MODEL
from tests.ui.conftest import STROKE_CLASSES, exposed

pytestmark = pytest.mark.filterwarnings("ignore:.*differ from the published:UserWarning")


def drag(qtbot, widget, points):
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for p in points[1:]:
        qtbot.mouseMove(widget, QPoint(*p))
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def wait_for_prediction(qtbot, prediction):
    qtbot.waitUntil(prediction.is_idle, timeout=60000)


@pytest.fixture
def warnings(monkeypatch):
    """QMessageBox.warning replaced by a recorder, so no test blocks on a dialog."""
    calls = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: calls.append(text))
    )
    return calls


def test_the_window_opens_and_closes_and_runs_the_shutdown_hooks(qtbot, window_factory):
    desk = window_factory()
    window, prediction = desk.window, desk.prediction
    hooks = []
    window.add_shutdown_hook(lambda: hooks.append("stopped"))
    workers = prediction.findChildren(QThread)
    assert workers and all(t.isRunning() for t in workers)
    with qtbot.waitSignal(window.about_to_close):
        window.close()
    assert hooks == ["stopped"]
    assert not any(t.isRunning() for t in workers)


def test_without_a_model_the_window_says_how_to_get_one(window_factory):
    desk = window_factory()  # no shipped model (window_factory's empty weights folder)
    window, prediction = desk.window, desk.prediction
    assert window.model_paths() == ([], [])
    assert prediction.current() is None
    assert window.banner.isVisible() and window.banner.text() == NO_MODEL
    assert "No model" in window.model_status.text()


def test_drawing_with_the_mouse_changes_the_prediction(qtbot, window_factory, stroke_classifier):
    desk = window_factory(classifier=stroke_classifier)
    window, prediction = desk.window, desk.prediction
    assert window.prediction_panel.bars.class_names() == STROKE_CLASSES  # from the model file
    assert not window.banner.isVisible()
    canvas = window.canvas
    drag(qtbot, canvas, [(140, 30), (140, 140), (140, 250)])
    wait_for_prediction(qtbot, prediction)
    assert window.prediction_panel.top_label.text() == "vertical"
    first = window.prediction_panel.bars.probabilities()
    assert window.preview.image() is not None
    canvas.clear()
    drag(qtbot, canvas, [(30, 140), (140, 140), (250, 140)])
    wait_for_prediction(qtbot, prediction)
    assert window.prediction_panel.top_label.text() == "horizontal"
    assert not np.allclose(window.prediction_panel.bars.probabilities(), first)
    assert "ms" in window.latency_status.text()
    assert "87.5%" in window.accuracy_status.text()


def test_the_prediction_time_leaves_the_status_bar_with_the_prediction(
    qtbot, window_factory, stroke_classifier
):
    """The walk: after a mode switch emptied the canvas the status bar still said
    "Prediction: 34.9 ms" beside no prediction at all."""
    desk = window_factory(classifier=stroke_classifier)
    window, prediction = desk.window, desk.prediction
    drag(qtbot, window.canvas, [(140, 30), (140, 140), (140, 250)])
    wait_for_prediction(qtbot, prediction)
    qtbot.waitUntil(lambda: "ms" in window.latency_status.text())
    with qtbot.waitSignal(prediction.prediction_ready, check_params_cb=lambda p: p is None):
        window.set_mode("garments" if window.mode() == "digits" else "digits")  # clears it
    assert window.latency_status.text() == ""
    drag(qtbot, window.canvas, [(30, 140), (140, 140), (250, 140)])
    wait_for_prediction(qtbot, prediction)
    qtbot.waitUntil(lambda: "ms" in window.latency_status.text())  # a new answer, a new time


def test_undo_brings_back_the_previous_prediction(qtbot, window_factory, stroke_classifier):
    desk = window_factory(classifier=stroke_classifier)
    window, prediction = desk.window, desk.prediction
    drag(qtbot, window.canvas, [(140, 30), (140, 250)])
    wait_for_prediction(qtbot, prediction)
    vertical = window.canvas.array()
    window.canvas.clear()
    drag(qtbot, window.canvas, [(30, 140), (250, 140)])
    wait_for_prediction(qtbot, prediction)
    assert window.prediction_panel.top_label.text() == "horizontal"
    window.act_undo.trigger()  # back to the blank canvas
    window.act_undo.trigger()  # back to the vertical bar
    wait_for_prediction(qtbot, prediction)
    assert np.array_equal(window.canvas.array(), vertical)
    assert window.prediction_panel.top_label.text() == "vertical"


def test_clearing_blanks_the_answer(qtbot, window_factory, stroke_classifier):
    desk = window_factory(classifier=stroke_classifier)
    window, prediction = desk.window, desk.prediction
    window.canvas.draw_stroke([(140, 30), (140, 250)])
    wait_for_prediction(qtbot, prediction)
    window.act_clear.trigger()
    wait_for_prediction(qtbot, prediction)
    assert window.canvas.is_blank()
    assert window.prediction_panel.top_label.text() == "–"
    assert window.preview.image() is None


def test_opening_an_unreadable_file_shows_its_name_and_the_app_stays_up(
    qtbot, window_factory, stroke_classifier, tmp_path, warnings
):
    desk = window_factory(classifier=stroke_classifier)
    window, prediction = desk.window, desk.prediction
    bad = tmp_path / "not-a-picture.png"
    bad.write_bytes(b"this is text, not a PNG")
    window.image_file_requested.emit(str(bad))
    qtbot.waitUntil(lambda: len(warnings) > 0, timeout=60000)
    assert len(warnings) == 1 and "not-a-picture.png" in warnings[0]
    assert "\n" not in warnings[0]
    assert window.isVisible()
    window.canvas.draw_stroke([(140, 30), (140, 250)])  # still works afterwards
    wait_for_prediction(qtbot, prediction)
    assert window.prediction_panel.top_label.text() == "vertical"


def test_an_image_file_with_dark_ink_on_white_lands_on_the_canvas_as_white_on_black(
    qtbot, window_factory, stroke_classifier, tmp_path
):
    from PIL import Image

    paper = np.full((120, 200), 255, np.uint8)  # a landscape scan, light background
    paper[20:100, 40:160] = 255
    paper[55:65, 30:170] = 0  # a dark horizontal bar
    path = tmp_path / "scan.png"
    Image.fromarray(paper).save(path)
    desk = window_factory(classifier=stroke_classifier)
    window, prediction = desk.window, desk.prediction
    window.image_file_requested.emit(str(path))
    wait_for_prediction(qtbot, prediction)
    canvas = window.canvas.array()
    assert canvas[140, 140] > 200  # the bar, now bright, in the middle
    assert canvas[10, 10] == 0 and canvas[270, 270] == 0  # the paper, now black
    assert window.prediction_panel.top_label.text() == "horizontal"


def test_a_model_file_that_cannot_be_read_shows_a_message(
    qtbot, window_factory, tmp_path, warnings
):
    desk = window_factory()
    window, prediction = desk.window, desk.prediction
    bad = tmp_path / "broken.npz"
    bad.write_bytes(b"nope")
    window.model_file_requested.emit(str(bad))
    qtbot.waitUntil(lambda: len(warnings) > 0, timeout=60000)
    qtbot.waitUntil(prediction.is_idle, timeout=60000)
    assert len(warnings) == 1 and "broken.npz" in warnings[0]
    assert prediction.current() is None


def test_opening_a_model_puts_it_in_use_and_in_the_recent_list(
    qtbot, window_factory, stroke_model_file
):
    desk = window_factory()
    window, prediction = desk.window, desk.prediction
    with qtbot.waitSignal(prediction.classifier_changed):
        window.model_file_requested.emit(str(stroke_model_file))
    assert prediction.current().class_names == STROKE_CLASSES
    assert window.model_combo.currentText().split(" · ")[0] == "strokes"
    # it joins the recent models once its file is looked at off the GUI thread
    qtbot.waitUntil(lambda: preferences.recent_models()[:1] == [stroke_model_file.resolve()])
    qtbot.waitUntil(lambda: window.recent_menu.isEnabled())
    assert window.model_combo.currentText().split(" · ")[0] == "strokes"
    assert not window.banner.isVisible()


def test_the_eraser_has_a_small_size_of_its_own_the_slider_and_keys_size_the_tool_in_use(
    qtbot, window_factory, stroke_classifier
):
    """walk70 M2: the eraser drew with the pen's 30 px in Clothing, so "two small pockets
    erased" made two big holes (and read Shirt). The eraser is small by default; the slider,
    its label and [ ] size the tool in use, and each keeps its size when the other is on."""
    desk = window_factory(classifier=stroke_classifier)
    window, canvas = desk.window, desk.window.canvas
    exposed(qtbot, window)
    window.act_garments.trigger()
    assert window.pen_slider.value() == canvas.pen_width() == 30
    window.act_eraser.trigger()
    assert canvas.eraser() and canvas.tool_width() == canvas.eraser_width() == 8
    assert window.pen_slider.value() == 8 and window.draw_panel.size_label.text() == "Eraser"
    assert "8 px" in window.statusBar().currentMessage()
    window.act_bigger.trigger()
    assert canvas.eraser_width() == 10 and canvas.pen_width() == 30
    canvas.draw_stroke([(140, 30), (140, 250)])  # erases nothing on a blank canvas, at 10 px
    window.act_eraser.trigger()
    assert not canvas.eraser() and window.pen_slider.value() == 30
    assert window.draw_panel.size_label.text() == "Pen"
    window.act_smaller.trigger()
    assert canvas.pen_width() == 28 and canvas.eraser_width() == 10
    window.act_eraser.trigger()
    assert window.pen_slider.value() == 10


def test_switching_mode_clears_the_canvas_and_changes_hint_and_pen(
    qtbot, window_factory, stroke_classifier
):
    desk = window_factory(classifier=stroke_classifier)
    window, prediction = desk.window, desk.prediction
    window.canvas.draw_stroke([(140, 30), (140, 250)])
    digits_pen = window.canvas.pen_width()
    window.act_garments.trigger()
    assert window.mode() == "garments"
    assert window.canvas.is_blank()
    assert "T-shirt" in window.hint_label.text()
    assert window.canvas.pen_width() > digits_pen
    assert preferences.last_mode() == "garments"
    # no shipped Fashion model in this test: the window says so instead of failing
    qtbot.waitUntil(lambda: prediction.current() is None and prediction.is_idle(), timeout=60000)
    assert window.banner.isVisible()


def test_mode_switch_falls_back_to_a_recent_model_of_that_kind(
    qtbot, window_factory, stroke_model_file
):
    preferences.add_recent_model(stroke_model_file)
    desk = window_factory(mode="garments")
    window, prediction = desk.window, desk.prediction
    assert prediction.current() is None  # the recent model is for digits
    with qtbot.waitSignal(prediction.classifier_changed, timeout=60000):
        window.act_digits.trigger()  # the model file is read in the prediction worker
    assert prediction.current() is not None
    assert prediction.current().path == stroke_model_file


def test_a_test_image_by_index_goes_on_the_canvas_with_its_true_label(
    qtbot, window_factory, tiny_model_file, tiny_data_dir
):
    from nndesk.data import load_dataset

    data = load_dataset("mnist", data_dir=tiny_data_dir, allow_download=False)
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    window, prediction = desk.window, desk.prediction
    with qtbot.waitSignal(prediction.prediction_ready, timeout=60000) as blocker:
        window.request_test_image(7)
    wait_for_prediction(qtbot, prediction)
    shown = blocker.args[0]
    # the model sees the test image itself, as evaluation does
    assert np.array_equal(shown.input_image, data.test_images[7].astype(np.float32))
    assert str(int(data.test_labels[7])) in window.prediction_panel.true_label.text()
    assert not window.canvas.is_blank()
    drag(qtbot, window.canvas, [(20, 20), (60, 60)])  # drawing over it drops the label
    assert window.prediction_panel.true_label.text() == ""


def test_a_missing_dataset_offers_its_download_instead_of_an_error(
    qtbot, window_factory, tiny_model_file, warnings, monkeypatch, tmp_path
):
    (tmp_path / "empty").mkdir()  # a folder that is there, without the files
    monkeypatch.setenv("NNDESK_DATA_DIR", str(tmp_path / "empty"))
    datasets.forget_datasets()
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    window, coordinator = desk.window, desk.coordinator
    with qtbot.waitSignal(coordinator.loader.failed, timeout=60000):
        window.request_test_image(50)
    qtbot.waitUntil(lambda: coordinator.download_dialog is not None, timeout=60000)
    banner = coordinator.download_dialog.banner
    assert banner.download_button.text() == "Download MNIST (11 MB)"
    assert "MNIST is not on this computer yet" in banner.text()
    assert f"It is not in {tmp_path / 'empty'} either." in banner.text()
    assert warnings == []


def test_get_dataset_loads_each_dataset_once_across_threads(tiny_data_dir, monkeypatch):
    import nndesk.data

    calls = []
    real = nndesk.data.load_dataset

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(nndesk.data, "load_dataset", counting)
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(datasets.get_dataset("mnist")))
        for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert all(r is results[0] for r in results)


class CountingClassifier:
    """Wraps a Classifier; counts the jobs the worker runs and can hold them at a gate."""

    def __init__(self, clf, gate: threading.Event | None = None):
        self._clf, self.gate, self.jobs = clf, gate, 0
        self.model, self.normalizer = clf.model, clf.normalizer
        self.class_names, self.info, self.path = clf.class_names, clf.info, clf.path
        self.preprocess_kind = clf.preprocess_kind

    def prepare(self, image):
        self.jobs += 1
        if self.gate is not None:
            self.gate.wait(60)  # a bound for a hang only: the test opens the gate
        return self._clf.prepare(image)

    def classify_prepared(self, image28):
        return self._clf.classify_prepared(image28)


def test_requests_while_a_prediction_runs_keep_only_the_newest(qtbot, stroke_classifier):
    gate = threading.Event()
    counting = CountingClassifier(stroke_classifier, gate)
    controller = PredictionController()
    try:
        controller.set_classifier(counting)
        results = []
        controller.prediction_ready.connect(results.append)
        horizontal = np.zeros((280, 280), np.uint8)
        horizontal[135:145, 30:250] = 255
        controller.request_now(horizontal)  # job 1 starts and blocks at the gate
        # the worker thread reaches the gate when the machine lets it: wait for it, not for a timer
        qtbot.waitUntil(lambda: counting.jobs == 1, timeout=60000)
        vertical = horizontal.T.copy()
        for i in range(50):  # a fast mouse while job 1 runs
            controller.request(vertical if i == 49 else horizontal)
        # the throttle fires while job 1 is still held: it must not start a second job
        with qtbot.waitSignal(controller._timer.timeout, timeout=60000):
            pass
        assert counting.jobs == 1
        gate.set()
        qtbot.waitUntil(controller.is_idle, timeout=60000)
        assert counting.jobs == 2  # the running one, then only the newest pending image
        assert results[-1].class_name == "vertical"
    finally:
        gate.set()
        controller.shutdown()


def test_live_update_repredicts_without_changing_the_picked_model(qtbot, stroke_classifier):
    controller = PredictionController()
    try:
        controller.set_classifier(stroke_classifier)
        changed = []
        controller.classifier_changed.connect(changed.append)
        image = np.zeros((280, 280), np.uint8)
        image[30:250, 135:145] = 255
        controller.request_now(image)
        qtbot.waitUntil(controller.is_idle, timeout=60000)
        snapshot = Classifier.from_info(stroke_classifier.model, dict(stroke_classifier.info))
        snapshot.class_names = ("a", "b", "c")
        with qtbot.waitSignal(controller.prediction_ready, timeout=60000) as blocker:
            controller.live_update(snapshot)
        assert blocker.args[0].class_name == "a"
        assert changed == []
    finally:
        controller.shutdown()


def test_every_menu_action_has_a_tooltip_and_main_actions_have_shortcuts(window_factory):
    desk = window_factory()
    window = desk.window
    for action in window.actions():
        assert action.toolTip(), action.text()
    for action in (
        window.act_open_image,
        window.act_paste,
        window.act_open_model,
        window.act_undo,
        window.act_redo,
        window.act_clear,
        window.act_digits,
        window.act_garments,
        window.act_random_test,
    ):
        assert action.shortcuts(), action.text()


def test_pasting_an_image_puts_it_on_the_canvas(qtbot, window_factory, stroke_classifier):
    from PySide6.QtWidgets import QApplication

    from nndesk.ui import qt_image

    paper = np.full((100, 60), 255, np.uint8)  # dark vertical bar on white, portrait
    paper[10:90, 26:34] = 0
    QApplication.clipboard().setImage(qt_image.gray_to_qimage(paper))
    desk = window_factory(classifier=stroke_classifier)
    window, prediction = desk.window, desk.prediction
    window.act_paste.trigger()
    wait_for_prediction(qtbot, prediction)
    canvas = window.canvas.array()
    assert canvas[140, 140] > 200 and canvas[140, 40] == 0
    assert window.prediction_panel.top_label.text() == "vertical"


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None and True are immortal from Python 3.12: cannot fail"
)
def test_void_qt_calls_and_emits_keep_none_and_true_alive():
    """PySide6 6.12's abi3 wheels on Python < 3.12 drop a reference to None on every void call and
    to True on every emit, until CPython aborts; pyproject.toml excludes them. This catches a
    return of that build."""
    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        pinged = Signal()

    probe = Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(100):
        probe.setObjectName("x")
        probe.pinged.emit()
    assert sys.getrefcount(None) >= none_before - 5
    assert sys.getrefcount(True) >= true_before - 5


def test_a_model_of_the_other_kind_switches_the_mode_and_keeps_the_drawing(
    qtbot, window_factory, tmp_path
):
    from nndesk.nn.serialization import save_model
    from tests.ui.conftest import stroke_info, stroke_model

    path = save_model(tmp_path / "garment-strokes.npz", stroke_model(), stroke_info("garments"))
    desk = window_factory(mode="digits")
    window, prediction = desk.window, desk.prediction
    window.canvas.draw_stroke([(140, 30), (140, 250)])
    with qtbot.waitSignal(prediction.classifier_changed, timeout=60000):
        window.model_file_requested.emit(str(path))  # read in the prediction worker
    assert window.mode() == "garments" and window.act_garments.isChecked()
    assert not window.canvas.is_blank()
    wait_for_prediction(qtbot, prediction)
    assert window.prediction_panel.top_label.text() == "vertical"
    # a recent model once its file is looked at off the GUI thread
    qtbot.waitUntil(lambda: preferences.recent_models()[:1] == [path.resolve()])
    digit = window.canvas.array()
    window.act_digits.trigger()  # Digits still holds the drawing it was carried from
    assert np.array_equal(window.canvas.array(), digit)


def test_a_model_of_the_other_kind_shows_that_modes_own_drawing(qtbot, window_factory, tmp_path):
    """Walk 43: Clothing held a bag, Digits a 7; picking a Fashion model in the Model box
    switched to Clothing showing the 7, the bag was gone for good (not even under Undo) and
    Digits came back empty. Each mode keeps its drawing, whatever switches the mode."""
    from nndesk.nn.serialization import save_model
    from tests.ui.conftest import stroke_info, stroke_model

    path = save_model(tmp_path / "garment-strokes.npz", stroke_model(), stroke_info("garments"))
    desk = window_factory(mode="digits")
    window, prediction = desk.window, desk.prediction
    window.act_garments.trigger()
    window.canvas.draw_stroke([(40, 40), (240, 240)], width=40)  # the garment
    garment = window.canvas.array()
    window.act_digits.trigger()
    window.canvas.draw_stroke([(60, 40), (220, 40), (120, 250)])  # a 7
    digit = window.canvas.array()
    with qtbot.waitSignal(prediction.classifier_changed, timeout=60000):
        window.model_file_requested.emit(str(path))
    assert window.mode() == "garments"
    assert np.array_equal(window.canvas.array(), garment)
    window.act_undo.trigger()  # the garment's own undo steps came with it
    assert window.canvas.is_blank()
    window.act_redo.trigger()
    window.act_digits.trigger()
    assert np.array_equal(window.canvas.array(), digit)
    window.act_garments.trigger()
    assert np.array_equal(window.canvas.array(), garment)


def test_a_mode_switch_says_where_the_drawing_it_put_aside_is_kept(qtbot, window_factory):
    """walk49 D16: Digits to Clothing emptied the canvas and Undo brought nothing back, so the
    7 looked lost (it returns with Digits). The blank canvas says it is kept and where, and an
    Undo with nothing to undo says so too, without stepping into the other mode's drawing."""
    window = window_factory(mode="digits").window
    exposed(qtbot, window)
    assert "kept" not in window.canvas._hint  # nothing put aside yet
    window.canvas.draw_stroke([(60, 40), (220, 40), (120, 250)])  # a 7
    digit = window.canvas.array()
    window.act_garments.trigger()
    kept = "Your Digits drawing is kept: it comes back when you switch to Digits"
    assert window.canvas.is_blank() and window.canvas._hint.endswith(kept)
    window.undo_button.click()
    assert window.canvas.is_blank()  # the 7 stays Digits' own
    assert window.statusBar().currentMessage() == kept
    window.canvas.draw_stroke([(40, 40), (240, 240)], width=40)
    window.act_undo.trigger()  # an undo with a step to take takes it, as always
    assert window.canvas.is_blank()
    window.act_digits.trigger()
    assert np.array_equal(window.canvas.array(), digit)
    assert "kept" not in window.canvas._hint  # Clothing's sheet is blank: nothing to say


def test_the_fill_button_and_the_f_key_switch_the_canvas_fill_tool(qtbot, window_factory):
    window = window_factory().window
    exposed(qtbot, window)
    assert not window.canvas.fill_tool()
    window.fill_button.click()
    assert window.canvas.fill_tool() and window.act_fill.isChecked()
    assert "F" in window.fill_button.toolTip()
    assert [k.toString() for k in window.act_fill.shortcuts()] == ["F"]
    window.act_fill.trigger()  # what the F key does
    assert not window.canvas.fill_tool() and not window.fill_button.isChecked()
    window.canvas.draw_stroke([(60, 60), (220, 60), (220, 220), (60, 220), (60, 60)], width=10)
    window.act_fill.trigger()
    window.canvas.fill_at(140, 140)
    assert window.canvas.array()[140, 140] == 255
    window.act_undo.trigger()
    assert window.canvas.array()[140, 140] == 0


def test_the_fill_buttons_words_always_say_whether_the_next_click_fills(qtbot, window_factory):
    """walk49 D16, s63: a newcomer could not tell whether Fill was on. The button reads
    "✓ Fill" and shows checked exactly while Fill is armed, whatever armed or disarmed it
    (button, F, the eraser, Clear); a fill leaves it on, and the status line says so."""
    window = window_factory().window
    exposed(qtbot, window)
    canvas, button = window.canvas, window.fill_button

    def shown() -> tuple[bool, bool, str]:
        return canvas.fill_tool(), button.isChecked(), button.text()

    assert shown() == (False, False, "Fill")
    width = button.width()
    button.click()
    assert shown() == (True, True, "✓ Fill")
    window.act_fill.trigger()  # F
    assert shown() == (False, False, "Fill")
    canvas.draw_stroke([(60, 60), (220, 60), (220, 220), (60, 220), (60, 60)], width=10)
    window.act_fill.trigger()
    assert shown() == (True, True, "✓ Fill")
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(140, 140))
    assert canvas.array()[140, 140] == 255
    assert shown() == (True, True, "✓ Fill")  # still on: the next outline fills too
    assert window.statusBar().currentMessage().startswith("Filled. Fill stays on")
    window.eraser_button.click()
    assert shown() == (False, False, "Fill") and window.eraser_button.isChecked()
    assert window.statusBar().currentMessage().startswith("Eraser is on")
    button.click()
    assert shown() == (True, True, "✓ Fill") and not window.eraser_button.isChecked()
    assert not window.act_eraser.isChecked()
    window.act_clear.trigger()
    assert shown() == (False, False, "Fill")
    assert button.width() == width  # the words change, the pen slider beside it stays put


def test_fill_on_an_empty_canvas_changes_nothing_and_the_status_line_says_why(
    qtbot, window_factory
):
    """Fill still armed on an empty canvas flooded it white, then read "nothing drawn". The
    status line said "draw an outline first", which a drag with Fill on cannot do (walk48
    D4): it says Fill is on and how to get the pen back."""
    window = window_factory().window
    exposed(qtbot, window)
    window.act_fill.trigger()
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=QPoint(140, 140))
    assert window.canvas.is_blank() and not window.canvas.can_undo()
    message = window.statusBar().currentMessage()
    assert "Fill is on" in message and "nothing to fill yet" in message and "pen" in message


def test_fill_outside_the_outline_changes_nothing_and_the_status_line_says_why(
    qtbot, window_factory
):
    """walk61 D3: Fill clicked beside a shoe inked the canvas around a shoe-shaped hole,
    read as a sandal at 99.9 %."""
    window = window_factory().window
    exposed(qtbot, window)
    window.canvas.draw_stroke([(60, 60), (220, 60), (220, 220), (60, 220), (60, 60)], width=10)
    drawn = window.canvas.array()
    window.act_fill.trigger()
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert (window.canvas.array() == drawn).all() and window.canvas.fill_tool()
    message = window.statusBar().currentMessage()
    assert "paper around your drawing" in message and "inside the outline" in message


def test_after_clear_a_drag_draws_with_the_pen_again(qtbot, window_factory):
    """walk48 D4: Fill stayed on after Clear, so the next drag drew nothing while the status
    line said "draw an outline first". Clear ends Fill (an empty sheet has nothing to fill)
    and the status line says the pen draws."""
    window = window_factory().window
    exposed(qtbot, window)
    canvas = window.canvas
    canvas.draw_stroke([(60, 60), (220, 60), (220, 220), (60, 220), (60, 60)], width=10)
    window.act_fill.trigger()
    assert "Fill is on" in window.statusBar().currentMessage()
    window.act_clear.trigger()
    assert not canvas.fill_tool() and not window.fill_button.isChecked()
    assert not window.act_fill.isChecked()
    assert window.statusBar().currentMessage().startswith("The pen draws")
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    qtbot.mouseMove(canvas, QPoint(180, 180))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(180, 180))
    assert canvas.array()[140, 140] == 255  # the drag drew its line


def test_a_missing_dataset_names_the_file_needed_and_advises_once(tmp_path, monkeypatch):
    """MNIST in the data folder, Fashion-MNIST wanted: the message names Fashion-MNIST's file, where
    it was looked for, and one piece of advice in the window's terms (no CLI flags)."""
    from nndesk.errors import DataError

    (tmp_path / "mnist").mkdir()
    monkeypatch.setenv("NNDESK_DATA_DIR", str(tmp_path))
    datasets.forget_datasets()
    with pytest.raises(DataError) as caught:
        datasets.get_dataset("fashion")
    message = str(caught.value)
    assert "Fashion-MNIST's train-images-idx3-ubyte.gz" in message
    assert str(tmp_path) in message
    assert message.lower().count("download") == 1  # the advice, once
    assert "--data-dir" not in message


def test_a_click_leaves_a_dot_that_is_read_and_the_note_says_why_the_answer_says_little(
    qtbot, window_factory, stroke_classifier
):
    """walk62 D14: one click left a white dot, and the preview said "nothing drawn" beside it
    and the answer "Draw something". The dot is read like any drawing (the preview shows it
    as the network sees it), and the line under the test-image row says it is too little."""
    desk = window_factory(classifier=stroke_classifier)
    window, prediction = desk.window, desk.prediction
    exposed(qtbot, window)
    canvas = window.canvas
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.rect().center())
    wait_for_prediction(qtbot, prediction)
    assert not canvas.is_blank() and canvas.array().max() == 255  # the dot
    assert window.preview.image() is not None  # shown as the network sees it
    assert window.prediction_panel.top_label.text() in (*STROKE_CLASSES, "Not sure")
    assert window.status_note.text().startswith("Only a dot:")
    window.canvas.draw_stroke([(140, 30), (140, 250)])  # now a real stroke
    wait_for_prediction(qtbot, prediction)
    assert window.prediction_panel.top_label.text() in ("vertical", "Not sure")
    assert not window.status_note.text().startswith("Only a dot")


def test_the_not_sure_threshold_set_in_the_window_is_remembered(window_factory, stroke_classifier):
    desk = window_factory(classifier=stroke_classifier)
    desk.window.prediction_panel.not_sure_spin.setValue(35)
    assert preferences.not_sure_threshold() == 35
    again = window_factory(classifier=stroke_classifier)
    assert again.window.prediction_panel.not_sure_spin.value() == 35


def test_a_long_status_message_ends_in_an_ellipsis_before_the_fields_and_is_whole_in_its_tooltip(
    qtbot, window_at
):
    window = window_at((1024, 700)).window
    bar = window.statusBar()
    long = (
        "MNIST is not on this computer yet: download it, or choose a folder holding its four "
        "IDX files. It is not in /home/learner/Documents/datasets/handwriting either. MNIST's "
        "train-images-idx3-ubyte.gz (or train-images-idx3-ubyte) is missing."
    )
    bar.showMessage(long, 5000)
    qtbot.waitUntil(lambda: bar.currentMessage() == long)
    shown = bar.displayed_message()
    assert shown.startswith("MNIST is not on this computer yet") and shown.endswith("…")
    fields = [w for w in (window.model_status, window.accuracy_status) if w.isVisible()]
    room = bar.message_room()
    assert room > 0 and all(room <= w.x() for w in fields)
    assert bar.fontMetrics().horizontalAdvance(shown) <= room
    assert bar.toolTip() == long
    assert bar.fields_aside()  # too long even for the whole bar: the fields made way first
    bar.showMessage("Model saved", 5000)
    assert bar.displayed_message() == "Model saved" and not bar.fields_aside()
    bar.clearMessage()
    assert bar.toolTip() == ""


def test_save_dialogs_open_where_the_user_last_saved_never_in_the_terminals_folder(
    qtbot, window_factory, tmp_path, monkeypatch, save_dialogs
):
    terminal = tmp_path / "terminal"
    terminal.mkdir()
    monkeypatch.chdir(terminal)  # where `nndesk` was typed
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    desk = window_factory()
    # the slots themselves: Save model and Export PNG are greyed out with no model or run,
    # and this test is about where their dialogs open
    desk.window._on_save_model_triggered()  # cancelled: nothing remembered
    start = Path(save_dialogs.asked[-1].start)
    assert start.parent == home / "Documents" and start.name == "model.npz"
    chosen = tmp_path / "my-models"
    chosen.mkdir()
    save_dialogs.answer = str(chosen / "curves.png")
    desk.train_page.files.export_png()  # saved there (or tried: the folder counts)
    save_dialogs.answer = ""
    desk.window._on_save_model_triggered()
    desk.train_page.runs_view.export_csv_requested.emit()  # its button, greyed out with no runs
    starts = [Path(asked.start) for asked in save_dialogs.asked]
    assert [p.parent for p in starts[-2:]] == [chosen, chosen]
    assert all(terminal not in p.parents for p in starts)


def test_file_save_model_proposes_what_the_model_is_under_a_name_no_file_has(
    qtbot, window_factory, tmp_path, tiny_model_file, save_dialogs
):
    """A run's model was proposed as "run 2026-12-03 22-45-34.npz" (and the Train page's as
    "model.npz"): its dataset, layers and test accuracy say what it is; an old file of that
    name is never the proposal."""
    from nndesk import preferences
    from nndesk.nn.serialization import load_model, save_model

    folder = tmp_path / "saved"
    folder.mkdir()
    preferences.set_last_save_folder(folder)
    loaded = load_model(tiny_model_file)
    info = {**loaded.info, "config": {"dataset": "mnist", "arch": "784-32-10"}}
    run_model = save_model(tmp_path / "20261203-224534-1" / "model.npz", loaded.model, info)
    desk = window_factory(classifier=Classifier.from_file(run_model))
    desk.window._on_save_model_triggered()
    (folder / "mnist_784-32-10_10.0%.npz").write_bytes(b"an older save")
    desk.window._on_save_model_triggered()
    starts = [Path(asked.start) for asked in save_dialogs.asked]
    assert starts == [folder / "mnist_784-32-10_10.0%.npz", folder / "mnist_784-32-10_10.0%-2.npz"]


def _home_away_from_the_terminal(tmp_path, monkeypatch) -> Path:
    """A HOME with a Documents folder, and the process started in another folder (the
    terminal's), which no dialog may open in: the HOME."""
    terminal = tmp_path / "terminal"
    terminal.mkdir()
    monkeypatch.chdir(terminal)
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    return home


def test_folder_and_image_pickers_open_in_the_chosen_folder_never_in_the_terminals(
    qtbot, window_factory, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from nndesk import preferences

    home = _home_away_from_the_terminal(tmp_path, monkeypatch)
    starts = []
    monkeypatch.setattr(
        QFileDialog,
        "getExistingDirectory",
        lambda parent, title, start, **k: starts.append(start) or "",
    )
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        lambda parent, title, start, f, **k: starts.append(start) or ("", ""),
    )
    monkeypatch.delenv("NNDESK_DATA_DIR", raising=False)
    desk = window_factory()
    desk.window.act_data_folder.trigger()
    desk.window.act_open_image.trigger()
    assert starts == [str(home / "Documents")] * 2
    data = tmp_path / "datasets"
    data.mkdir()
    preferences.set_data_dir(str(data))
    desk.window.act_data_folder.trigger()
    assert starts[-1] == str(data)


def test_open_model_dialogs_open_in_documents_before_any_save_never_in_the_terminals(
    qtbot, window_factory, tmp_path, monkeypatch
):
    """File > Open model and the Train page's Load model… gave Qt an empty start while no
    model had been saved: the dialog opened wherever the terminal was."""
    from PySide6.QtWidgets import QFileDialog

    home = _home_away_from_the_terminal(tmp_path, monkeypatch)
    starts = []
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        lambda parent, title, start, f, **k: starts.append(start) or ("", ""),
    )
    desk = window_factory()
    desk.window.act_open_model.trigger()
    desk.train_page.load_button.click()
    assert starts == [str(home / "Documents")] * 2


def test_the_preview_keeps_one_size_through_answers_and_modes(qtbot, window_factory):
    """Probe 32b: "What the network sees" shrank and grew with each answer's lines and with
    the mode's class names; its size now follows the window's only, whole pixels per cell."""
    desk = window_factory(mode="digits")
    window = desk.window
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    first = window.preview.size()
    assert first.width() == first.height() and (first.width() - 1) % 28 == 0
    seen = set()
    for mode in ("garments", "digits", "garments"):
        window.mode_change_requested.emit(mode)
        window.prediction_panel.set_prediction(None, "a long answer " * 6)  # lines and lines
        QApplication.processEvents()  # the layout takes the new lines
        seen.add((window.preview.width(), window.preview.height()))
    assert seen == {(first.width(), first.height())}
    spin = window.prediction_panel.not_sure_spin  # the column's last row is still whole
    bottom = spin.mapTo(window.draw_panel, spin.rect().bottomLeft()).y()
    assert bottom <= window.draw_panel.height()
    window.resize(1280, 760)
    qtbot.waitUntil(lambda: window.preview.width() > first.width())
    assert window.preview.width() <= 28 * 7 + 1


def test_the_canvas_grows_into_a_tall_window_and_keeps_its_rows_and_the_pages_room(
    qtbot, window_factory
):
    """Walk 43, item 18: at 1280x800 the canvas stayed 280 px over a large empty strip while
    the preview grew. It now takes the column's height, square, up to half the window's width
    with the preview beside it; at 1024x700 it is 280 px as before."""
    window = window_factory(mode="garments").window  # Clothing's hint takes two lines
    canvas, panel = window.canvas, window.draw_panel

    def last_row_bottom() -> int:
        row = window.lab_buttons[-1]
        return row.mapTo(panel, row.rect().bottomLeft()).y()

    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024 and canvas.width() == CANVAS_SIZE)
    assert canvas.height() == CANVAS_SIZE
    small_pages = window.splitter.sizes()[1]  # what the column's least width leaves them
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: canvas.width() > CANVAS_SIZE + 80)
    assert canvas.width() == canvas.height()
    pages = window.splitter.sizes()[1]
    assert pages >= window.splitter.width() // 2 - window.splitter.handleWidth()
    # three lines of status note still fit under the Lab row
    assert last_row_bottom() + 3 * panel.fontMetrics().lineSpacing() <= panel.height()
    preview = window.preview
    assert preview.mapTo(panel, preview.rect().topLeft()).x() >= canvas.width()
    window.resize(1024, 700)  # and back
    qtbot.waitUntil(lambda: canvas.width() == CANVAS_SIZE)
    qtbot.waitUntil(lambda: window.splitter.sizes()[1] == small_pages)


@pytest.mark.parametrize(("lang", "word"), [("en", "Version"), ("vi", "Phiên bản")])
def test_help_about_names_the_installed_version(window_factory, monkeypatch, speaking, lang, word):
    """A teacher or a bug report asks which nndesk this is: About said only what it does."""
    from importlib import metadata

    shown = []
    monkeypatch.setattr(
        QMessageBox, "about", staticmethod(lambda parent, title, text: shown.append(text))
    )
    monkeypatch.setattr(metadata, "version", lambda name: "9.8.7" if name == "nndesk" else "")
    window = window_factory().window
    speaking(lang)
    window.act_about.trigger()
    assert len(shown) == 1
    assert f"{word} 9.8.7" in shown[0]


def test_each_mode_undoes_within_its_own_drawings(qtbot, window_factory):
    """The walk: Undo after a switch to Digits put the Fashion drawing back on the Digits
    canvas (read there as a "2"). Each mode keeps its own sheet and undo steps: a switch
    shows the other mode's drawing as it was left (blank the first time), and Undo steps
    back only through the drawings of the mode shown."""
    window = window_factory(mode="digits").window
    window.canvas.draw_stroke([(140, 30), (140, 250)])  # a 1
    window.canvas.draw_stroke([(60, 140), (220, 140)])  # crossed
    digit = window.canvas.array()
    window.act_garments.trigger()
    assert window.canvas.is_blank() and not window.canvas.can_undo()
    window.canvas.draw_stroke([(40, 40), (240, 240)], width=40)  # a garment
    garment = window.canvas.array()
    window.act_digits.trigger()
    assert np.array_equal(window.canvas.array(), digit)  # the digit as it was left
    window.act_undo.trigger()  # the digit's last stroke, not the garment
    assert window.canvas.array().sum() < digit.sum()
    window.act_undo.trigger()
    assert window.canvas.is_blank() and not window.canvas.can_undo()
    window.act_garments.trigger()
    assert np.array_equal(window.canvas.array(), garment)
    window.act_undo.trigger()
    assert window.canvas.is_blank() and not window.canvas.can_undo()


@pytest.mark.parametrize("code", ["en", "vi"])
def test_the_dot_note_fits_the_three_lines_kept_under_the_canvas_at_larger_text(
    window_factory, restore_theme, larger_text, speaking, code
):
    """The note said under a dot (TOO_LITTLE) took four lines in Vietnamese at Larger on a
    1024x700 screen, one more than fit_canvas keeps for the line under the test-image row:
    the rows under the canvas moved up 1-2 px as it came. The long-sleeved tops' hints
    (garment_hints) take the same line, the Shirt or Pullover ones told of an opening too."""
    from nndesk.garment_hints import OPENING_HINTS, TOPS_HINTS
    from nndesk.ui import language
    from nndesk.ui.main_window import TOO_LITTLE

    speaking(code)
    window = window_factory().window
    note, panel = window.status_note, window.draw_panel
    least = panel._left_least_width()  # noqa: SLF001 - the column at its narrowest
    for text in (TOO_LITTLE, *TOPS_HINTS.values(), *OPENING_HINTS.values()):
        note.setText(language.translate_marked("MainWindow", text))
        lines = note.heightForWidth(least) / panel.fontMetrics().lineSpacing()
        assert lines <= 3, (text, lines)


def _hold_model_loading(monkeypatch) -> threading.Event:
    """Classifier.from_file held until the returned event is set: the old model stays in use
    while the test looks at the window."""
    release = threading.Event()
    real = Classifier.from_file

    def held(path, *args, **kwargs):
        release.wait(timeout=60)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(Classifier, "from_file", staticmethod(held))
    return release


def test_a_mode_switch_says_the_new_modes_model_loads_while_the_old_one_is_in_use(
    qtbot, window_factory, tiny_model_file, tmp_path, monkeypatch
):
    """walk71 F4: after Digits > Clothing the Model box said mnist-cnn and the bars its 9 for
    ~10 s under load, the canvas already in Clothing. While the Clothing model is read the box
    says it loads and the bars are dimmed; the new model then shows plainly."""
    from nndesk.app import coordinator
    from tests.ui.conftest import tiny_garments_model_file

    garments = tiny_garments_model_file(tmp_path)
    monkeypatch.setattr(coordinator, "mode_models", lambda k: [garments] if k == "garments" else [])
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file), mode="digits")
    window = desk.window
    assert not window.is_replacing_model()
    release = _hold_model_loading(monkeypatch)
    try:
        window.act_garments.trigger()
        qtbot.waitUntil(window.is_replacing_model, timeout=10_000)
        assert window.model_combo.currentText() == "Loading the model…"
        assert window.model_status.text() == "Loading the model…"
        assert window.prediction_panel.graphicsEffect().isEnabled()  # the old bars dimmed
    finally:
        release.set()
    qtbot.waitUntil(lambda: desk.prediction.current().preprocess_kind == "garments", timeout=20_000)
    qtbot.waitUntil(lambda: not window.is_replacing_model(), timeout=10_000)
    assert window.model_combo.currentText() != "Loading the model…"
    assert not window.prediction_panel.graphicsEffect().isEnabled()


def test_another_model_of_the_mode_marks_the_old_answer_until_its_own_comes(
    qtbot, window_factory, tiny_model_file, tmp_path, monkeypatch
):
    """walk71: picking another Digits model showed its name in the Model box at once while the
    bars and the Why page still showed the old model's answer, read as the new one's. Until
    the new model answers, the bars are dimmed, the status bar says it loads and the Why page
    says its explanation is being updated for the new model."""
    from tests.conftest import save_tiny_digit_model

    other = save_tiny_digit_model(tmp_path / "other-mlp.npz", "784-16-10")
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file), mode="digits")
    window, why = desk.window, desk.why_page
    window.tabs.setCurrentWidget(why)
    with qtbot.waitSignal(why.explanation_shown, timeout=30_000):
        drag(qtbot, window.canvas, [(140, 30), (140, 140), (140, 250)])
    wait_for_prediction(qtbot, desk.prediction)
    assert not window.is_replacing_model() and not why.is_updating()
    release = _hold_model_loading(monkeypatch)
    try:
        window.model_file_requested.emit(str(other))  # what a pick in the Model box sends
        assert window.is_replacing_model()  # the old bars dimmed
        assert window.prediction_panel.graphicsEffect().isEnabled()
        assert window.model_status.text() == "Loading the model…"
        assert why.is_updating() and not why.updating_note.isHidden()
        assert why.updating_note.text() == "Updating the explanation for the new model…"
        shown = []
        why.explanation_shown.connect(lambda: shown.append(why.is_updating()))
        with qtbot.waitSignal(desk.prediction.classifier_changed, timeout=30_000):
            release.set()
    finally:
        release.set()
    assert Path(desk.prediction.current().path) == other
    assert not window.is_replacing_model()
    assert window.model_status.text() == f"Model: {desk.prediction.current().title}"
    qtbot.waitUntil(lambda: bool(shown) and not why.is_updating(), timeout=30_000)
    assert shown[-1] is False  # the new model's explanation, shown plainly


def test_a_picked_model_that_cannot_be_read_gives_the_old_answer_back_plainly(
    qtbot, window_factory, tiny_model_file, tmp_path, warnings
):
    """The model in use still answers when the picked file is unreadable: not dimmed."""
    bad = tmp_path / "broken.npz"
    bad.write_bytes(b"not a model")
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file), mode="digits")
    window, why = desk.window, desk.why_page
    window.tabs.setCurrentWidget(why)
    with qtbot.waitSignal(why.explanation_shown, timeout=30_000):
        drag(qtbot, window.canvas, [(140, 30), (140, 140), (140, 250)])
    with qtbot.waitSignal(desk.prediction.model_failed, timeout=30_000):
        window.model_file_requested.emit(str(bad))
    assert not window.is_replacing_model() and not why.is_updating()
    assert window.model_status.text() == f"Model: {desk.prediction.current().title}"
