"""The Evaluate page: off-thread evaluation, the report table, a clickable confusion matrix."""

from __future__ import annotations

import csv
import dataclasses
import json
import threading
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from nndesk.controllers.evaluation import EvaluationController, JobRunner
from nndesk.controllers.trust import TrustController
from nndesk.errors import DataError
from nndesk.evaluation import evaluate
from nndesk.nn.metrics import confusion_matrix
from nndesk.ui.evaluation_panel import EvaluationPanel, evaluating_text
from tests.fake_classifier import FakeClassifier
from tests.test_evaluation import CLASS_NAMES, WRONG, TableClassifier, make_images, make_labels
from tests.ui.conftest import shown_widget, stroke_images

#: s a held write waits for the test at most
WAIT_S = 30


class ToyDataset:
    name = "toy"
    class_names = CLASS_NAMES

    def __init__(self):
        self.test_labels = make_labels()
        self.test_images = make_images(self.test_labels)
        self.train_labels, self.train_images = self.test_labels, self.test_images


def toy_provider(name):
    assert name == "toy"
    return ToyDataset()


def missing_provider(name):
    raise DataError(f"{name} is not on this computer: run `nndesk download {name}`")


@pytest.fixture
def controller():
    ctl = EvaluationController(toy_provider, batch_size=8)
    yield ctl
    ctl.shutdown()


@pytest.fixture
def panel(qtbot, controller):
    widget = shown_widget(qtbot, EvaluationPanel(controller), (1000, 700))
    return widget


@pytest.fixture
def trust(qapp):
    """The trust part's controller, as the window builds it; shut down after the test."""
    built = TrustController()
    yield built
    built.shutdown()


@pytest.fixture
def strokes_evaluated(stroke_classifier):
    """``evaluated(count, horizontal=True)`` -> (images, result): the stroke model evaluated on
    ``count`` of conftest's ``stroke_images``, labels from seed 0 (``horizontal=False`` leaves
    the horizontal bars' images blank)."""

    def evaluated(count: int, *, horizontal: bool = True):
        images, labels = stroke_images(count, np.random.default_rng(0))
        if not horizontal:
            images[labels == 1] = 0
        return images, evaluate(stroke_classifier, images, labels)

    return evaluated


def evaluated(qtbot, panel, controller):
    clf = TableClassifier(make_labels())
    with qtbot.waitSignal(controller.finished, timeout=10_000) as blocker:
        panel.set_classifier(clf)
    return blocker.args[0]


def panel_on_screen(qtbot, controller, width, height=600):
    """A panel at ``width`` x ``height``, shown and exposed: its layout is the one a user sees."""
    widget = shown_widget(qtbot, EvaluationPanel(controller), (width, height))
    return widget


def test_matrix_shown_equals_metrics_confusion_matrix(qtbot, panel, controller):
    result = evaluated(qtbot, panel, controller)
    expected = confusion_matrix(make_labels(), result.predictions, len(CLASS_NAMES))
    np.testing.assert_array_equal(panel.confusion.matrix(), expected)
    assert panel.accuracy_stat.value.text() == f"{1 - len(WRONG) / 40:.1%}"
    assert panel.mistakes_stat.value.text() == str(len(WRONG))


def test_report_table_has_every_class_then_accuracy_and_averages(qtbot, panel, controller):
    result = evaluated(qtbot, panel, controller)
    names = [panel.report_cell(r, 0) for r in range(panel.table.rowCount())]
    assert names == [*CLASS_NAMES, "accuracy", "macro avg", "weighted avg"]
    one = result.report.per_class[1]
    assert panel.report_cell(1, 2) == f"{one.recall:.2f}"
    assert panel.report_cell(1, 4) == str(one.support)


@pytest.mark.parametrize("code", ["en", "vi"])
def test_copy_report_copies_the_table_in_the_windows_language(qtbot, controller, code):
    """walk59 D14: the Vietnamese page shows "Độ chuẩn xác / Độ phủ / trung bình macro" and
    Copy report put "precision recall … macro avg" on the clipboard. English stays the table
    sklearn prints; Vietnamese writes the page's words and decimal commas."""
    from nndesk.ui import language

    assert language.use_language(code) == code
    try:
        panel = shown_widget(qtbot, EvaluationPanel(controller), (1000, 700))
        result = evaluated(qtbot, panel, controller)
        QApplication.clipboard().clear()
        panel.copy_button.click()
        copied = QApplication.clipboard().text()
    finally:
        language.use_language("en")
    if code == "en":
        assert copied == result.report.to_text()
        return
    assert "precision" not in copied and "macro avg" not in copied, copied
    assert "độ chuẩn xác" in copied and "độ phủ" in copied and "trung bình macro" in copied
    one = result.report.per_class[1]
    assert f"{one.recall:.2f}".replace(".", ",") in copied.splitlines()[3]
    lines = copied.splitlines()
    assert len({len(line) for line in lines if line}) == 1, copied  # the columns line up


def test_clicking_a_cell_emits_its_true_and_predicted_class(qtbot, panel, controller):
    evaluated(qtbot, panel, controller)
    qtbot.waitUntil(panel.confusion.current, timeout=60000)  # drawn off the GUI thread
    canvas = panel.confusion.canvas
    for row, col in ((1, 2), (3, 0), (2, 2)):
        with qtbot.waitSignal(panel.cell_clicked, timeout=60000) as blocker:
            qtbot.mouseClick(
                canvas, Qt.MouseButton.LeftButton, pos=panel.confusion.cell_center(row, col)
            )
        assert blocker.args == [row, col]


def test_clicking_outside_the_matrix_emits_nothing(qtbot, panel, controller):
    evaluated(qtbot, panel, controller)
    seen = []
    panel.cell_clicked.connect(lambda *cell: seen.append(cell))
    qtbot.waitUntil(panel.confusion.current, timeout=60000)  # drawn off the GUI thread
    canvas = panel.confusion.canvas
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    # a click on a cell after it: once its answer is in, the first click's would have been too
    with qtbot.waitSignal(panel.cell_clicked, timeout=60000):
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=panel.confusion.cell_center(1, 2))
    assert seen == [(1, 2)]


def test_progress_is_reported_batch_by_batch(qtbot, panel, controller):
    seen = []
    controller.progressed.connect(lambda d, t: seen.append((d, t)))
    evaluated(qtbot, panel, controller)
    assert seen[-1] == (40, 40)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert len(seen) == 6  # 0, then 5 batches of 8
    assert not panel.progress.isVisible()


def matrix_words(panel) -> str:
    """What the empty matrix says (drawn as its text; the matrix itself once there is one)."""
    return panel.confusion.empty_text() if panel.confusion.matrix() is None else "matrix"


def test_the_empty_matrix_says_evaluating_while_an_evaluation_runs(qtbot, panel, controller):
    """walk49 D11: the matrix said "No evaluation yet" under "Evaluating… 2,500 / 10,000"."""
    assert matrix_words(panel) == "No evaluation yet"
    during: list[str] = []
    controller.progressed.connect(lambda done, total: during.append(matrix_words(panel)))
    evaluated(qtbot, panel, controller)
    evaluating = "Evaluating the test images…\nthe matrix appears when all are read"
    assert during and all(words == evaluating for words in during), during
    assert matrix_words(panel) == "matrix"


def canvas_says(panel) -> str:
    """What the matrix's canvas shows: the words it paints in place of a picture, else its
    picture's (a matrix: "matrix"; none: its text)."""
    canvas = panel.confusion.canvas
    waiting = getattr(canvas, "waiting_text", None)
    if waiting is not None:
        return waiting
    figure = canvas.picture.figure if canvas.picture is not None else None
    if figure is None:
        return ""
    return "matrix" if figure.confusion is not None else figure.ax.texts[0].get_text()


def test_the_figures_never_show_beside_an_evaluating_matrix(qtbot, panel, controller):
    """walk60 D7b: the four figures were shown while the matrix still said "Evaluating the
    test images… the matrix appears when all are read" (its picture is drawn on the render
    thread: ~4 s under load). One state at a time: the figures with "Drawing the confusion
    matrix…", then the matrix."""
    result = evaluated(qtbot, panel, controller)
    panel._blank()
    panel.confusion.set_matrix(None, empty_text=evaluating_text())  # as an evaluation begins
    qtbot.waitUntil(panel.confusion.current)
    assert canvas_says(panel) == evaluating_text()
    panel.show_result(result)  # the evaluation's end: the figures now, the matrix's picture later
    assert panel.accuracy_stat.value.text() == f"{1 - len(WRONG) / 40:.1%}"
    assert canvas_says(panel) == "Drawing the confusion matrix…"
    assert panel.confusion.cell_at(panel.confusion.canvas.rect().center()) is None
    qtbot.waitUntil(panel.confusion.current)
    assert canvas_says(panel) == "matrix"
    panel._blank()  # another model's numbers go: so does its matrix, at once
    assert canvas_says(panel) == "No evaluation yet"
    qtbot.waitUntil(panel.confusion.current)
    assert canvas_says(panel) == "No evaluation yet"


def test_a_failed_first_evaluation_leaves_no_evaluating_in_the_matrix(qtbot, request):
    ctl = EvaluationController(missing_provider)
    request.addfinalizer(ctl.shutdown)
    widget = EvaluationPanel(ctl)
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(ctl.failed, timeout=10_000):
        widget.set_classifier(TableClassifier(make_labels()))
    assert matrix_words(widget) == "No evaluation yet"


def test_evaluation_runs_off_the_gui_thread(qtbot, panel, controller):
    threads = []

    class Spy(TableClassifier):
        def probabilities(self, images28):
            threads.append(threading.current_thread())
            return super().probabilities(images28)

    with qtbot.waitSignal(controller.finished, timeout=10_000):
        panel.set_classifier(Spy(make_labels()))
    assert threads and all(t is not threading.main_thread() for t in threads)


def test_missing_dataset_shows_one_line_and_the_panel_stays_usable(qtbot):
    ctl = EvaluationController(missing_provider)
    widget = EvaluationPanel(ctl)
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(ctl.failed, timeout=10_000):
        widget.set_classifier(TableClassifier(make_labels()))
    ctl.shutdown()
    assert widget.message.isVisible()
    assert "nndesk download toy" in widget.message.text()
    assert "\n" not in widget.message.text()
    assert widget.evaluate_button.isEnabled()


def test_hidden_panel_waits_until_shown(qtbot, controller):
    widget = EvaluationPanel(controller)
    qtbot.addWidget(widget)
    widget.set_classifier(TableClassifier(make_labels()))
    assert controller.result() is None and not controller.busy
    with qtbot.waitSignal(controller.finished, timeout=10_000):
        widget.show()


def test_a_new_model_replaces_the_old_result(qtbot, panel, controller):
    evaluated(qtbot, panel, controller)
    all_right = TableClassifier(make_labels(), wrong={})
    with qtbot.waitSignal(controller.finished, timeout=10_000) as blocker:
        panel.set_classifier(all_right)
    assert blocker.args[0].classifier is all_right
    assert panel.mistakes_stat.value.text() == "0"


def test_burst_of_requests_ends_with_the_newest_model(qtbot):
    runner = JobRunner()
    gate = threading.Event()
    results = []
    runner.succeeded.connect(results.append)

    def slow(progress):
        gate.wait(60)  # a bound for a hang only: the test opens the gate
        progress(1, 1)
        return "old"

    runner.submit(slow)
    runner.submit(lambda progress: "middle")
    runner.submit(lambda progress: "new")
    gate.set()
    assert runner.wait(60_000)
    runner.shutdown()
    assert results == ["new"]


def test_export_menu_writes_report_csv_json_png_and_mistakes(qtbot, panel, controller, tmp_path):
    result = evaluated(qtbot, panel, controller)
    paths = {
        "report_csv": tmp_path / "r.csv",
        "report_json": tmp_path / "r.json",
        "confusion_png": tmp_path / "c.png",
        "mistakes_csv": tmp_path / "m.csv",
    }
    said: list[Path] = []
    panel.file_saved.connect(said.append)  # the window's status line names it (walk62 D15)
    for kind, path in paths.items():
        panel._ask_path = lambda *a, p=path: str(p)
        panel.export_actions[kind].trigger()
    assert said == list(paths.values())
    report = json.loads(paths["report_json"].read_text())
    assert report["accuracy"] == report["test_accuracy"] == result.accuracy
    # the trust figures under `nndesk evaluate --json`'s keys (walk55 D8)
    assert {"ece", "ece_calibrated", "temperature", "fitted_on"} <= set(report["calibration"])
    assert paths["confusion_png"].read_bytes()[:4] == b"\x89PNG"
    with open(paths["mistakes_csv"], newline="") as f:
        assert len(list(csv.DictReader(f))) == len(WRONG)
    with open(paths["report_csv"], newline="") as f:
        assert [r["class"] for r in csv.DictReader(f)][:4] == list(CLASS_NAMES)


def test_exports_are_written_off_the_gui_thread_and_a_failure_shows_one_message(
    qtbot, controller, tmp_path, monkeypatch, threads_calling
):
    """The confusion PNG (matplotlib, a few tenths of a second) and every other export are
    written by the window's writer thread; the page hears back when the file is there."""
    from nndesk import export
    from nndesk.controllers.background import BackgroundWrites

    writes = BackgroundWrites()
    widget = EvaluationPanel(controller, writes=writes)
    qtbot.addWidget(widget)
    widget.show()  # a shown page evaluates its model
    evaluated(qtbot, widget, controller)
    threads = threads_calling(export, "save_confusion_png")
    png = tmp_path / "c.png"
    widget._ask_path = lambda *a: str(png)
    with qtbot.waitSignal(writes.done, timeout=10_000):
        widget.export_actions["confusion_png"].trigger()
    assert png.read_bytes()[:4] == b"\x89PNG" and str(png) in widget.subtitle.toolTip()
    (thread,) = threads
    assert thread is not threading.main_thread()

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    (tmp_path / "a-file").write_text("a file, not a folder")
    widget._ask_path = lambda *a: str(tmp_path / "a-file" / "r.csv")
    with qtbot.waitSignal(writes.failed, timeout=10_000):
        widget.export_actions["report_csv"].trigger()
    qtbot.waitUntil(lambda: bool(warned), timeout=10_000)
    (line,) = warned
    assert str(tmp_path / "a-file" / "r.csv") in line and "\n" not in line
    writes.shutdown()


def test_a_real_classifier_is_evaluated_on_a_private_copy(qtbot):
    from types import SimpleNamespace

    from nndesk.data.normalize import Normalizer
    from nndesk.inference import Classifier
    from nndesk.nn.architecture import build_model

    rng = np.random.default_rng(5)
    images = rng.integers(0, 256, size=(50, 28, 28), dtype=np.uint8)
    labels = rng.integers(0, 10, size=50).astype(np.int64)
    names = tuple("0123456789")
    data = SimpleNamespace(class_names=names, test_images=images, test_labels=labels)
    clf = Classifier(build_model("784-16-10", rng=rng), Normalizer("unit"), names, "digits", "x")
    ctl = EvaluationController(lambda name: data, batch_size=16)
    ctl.set_classifier(clf)
    with qtbot.waitSignal(ctl.finished, timeout=10_000) as blocker:
        ctl.evaluate()
    ctl.shutdown()
    result = blocker.args[0]
    assert result.classifier is clf
    np.testing.assert_allclose(result.probabilities, clf.probabilities(images), rtol=1e-5)
    np.testing.assert_array_equal(
        result.confusion, confusion_matrix(labels, result.predictions, 10)
    )


def test_no_model_clears_the_page(qtbot, panel, controller):
    evaluated(qtbot, panel, controller)
    panel.set_classifier(None)
    assert panel.result() is None and panel.confusion.matrix() is None
    assert panel.table.rowCount() == 0 and panel.accuracy_stat.value.text() == "–"
    assert not panel.export_button.isEnabled() and not panel.evaluate_button.isEnabled()


def test_a_folder_named_in_the_model_file_is_never_opened(qtbot, tmp_path):
    """A header's "dataset" is only looked up among the known datasets: a model file naming
    some folder gets one message, and nothing is read."""
    from nndesk.inference import Classifier
    from nndesk.nn.serialization import save_model
    from tests.ui.conftest import stroke_info, stroke_model

    (tmp_path / "private" / "a").mkdir(parents=True)
    info = dict(stroke_info(), dataset=str(tmp_path / "private"))
    clf = Classifier.from_file(save_model(tmp_path / "m.npz", stroke_model(), info))
    asked = []
    ctl = EvaluationController(lambda name: asked.append(name) or ToyDataset())
    widget = EvaluationPanel(ctl)
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(ctl.failed, timeout=10_000):
        widget.set_classifier(clf)
    ctl.shutdown()
    assert asked == []
    # fix55a: it says where the images it can be scored on come from (the image folder
    # chosen on the Train page), and still reads nothing the file names
    text = widget.message.text()
    assert "choose that folder as the image folder on the Train page" in text
    assert "\n" not in text


VIETNAMESE_GARMENTS = (
    *("Áo thun/áo phông", "Quần dài", "Áo len chui đầu", "Váy", "Áo khoác"),
    *("Xăng-đan", "Áo sơ mi", "Giày thể thao", "Túi xách", "Bốt cổ ngắn"),
)


def test_the_matrix_keeps_its_long_class_names_inside_after_the_page_narrows(qtbot):
    from nndesk.ui.confusion_view import ConfusionView

    view = shown_widget(qtbot, ConfusionView(), (640, 330))  # beside the report, on a wide page
    confusion = np.eye(10, dtype=np.int64) * 900 + 3
    view.set_matrix(confusion, VIETNAMESE_GARMENTS)
    qtbot.waitUntil(view.current, timeout=60000)  # drawn off the GUI thread
    view.resize(495, 520)  # above the report at 1024 px, as the page switches to narrow
    qtbot.waitUntil(lambda: view.canvas.width() < 500 and view.current(), timeout=60000)
    # class names and axis titles inside the figure (the first layout after a resize can give
    # up: the picture is drawn after a second one)
    assert view.labels_fit()


def test_another_models_numbers_go_at_once_instead_of_greyed_under_the_new_name(
    qtbot, panel, controller
):
    """Probe: while a newly chosen model was evaluated, the page showed the previous model's
    report, greyed but readable, under the new model's name for 10-20 s."""
    evaluated(qtbot, panel, controller)
    other = TableClassifier(make_labels(), wrong={})
    with qtbot.waitSignal(controller.finished, timeout=10_000):
        panel.set_classifier(other)
        assert panel.accuracy_stat.value.text() == "–" and panel.table.rowCount() == 0
        assert panel.confusion.matrix() is None
    assert panel.accuracy_stat.value.text() == "100.0%"


def test_a_model_file_chosen_again_reuses_its_evaluation_and_a_changed_file_does_not(
    qtbot, request, tiny_model_file
):
    import os

    from nndesk.inference import Classifier

    rng = np.random.default_rng(1)
    data = ToyDataset()
    data.class_names = tuple("0123456789")
    data.test_images = rng.integers(0, 256, size=(40, 28, 28), dtype=np.uint8)
    data.test_labels = rng.integers(0, 10, size=40).astype(np.int64)
    asked = []  # datasets the worker read: one per evaluation
    ctl = EvaluationController(lambda name: asked.append(name) or data, batch_size=16)
    request.addfinalizer(ctl.shutdown)
    first, other = Classifier.from_file(tiny_model_file), TableClassifier(make_labels())
    ctl.set_classifier(first)
    with qtbot.waitSignal(ctl.finished, timeout=10_000) as evaluated_first:
        ctl.ensure_current()
    assert asked == ["mnist"]
    ctl.set_classifier(other)  # a model with no file: evaluated, never remembered
    ctl.ensure_current()
    assert ctl.wait(10_000)

    again = Classifier.from_file(tiny_model_file)  # the same file read again: another object
    ctl.set_classifier(again)
    started = []
    ctl.started.connect(started.append)
    with qtbot.waitSignal(ctl.finished, timeout=10_000) as reused:
        ctl.ensure_current()
        assert ctl.result() is None  # delivered from the event loop, as a worker's result
    assert not started and asked == ["mnist", "toy"]  # nothing evaluated again
    assert reused.args[0].classifier is again and ctl.result() is reused.args[0]
    np.testing.assert_array_equal(
        reused.args[0].probabilities, evaluated_first.args[0].probabilities
    )

    stat = os.stat(tiny_model_file)  # the file changed on disk (say, calibrated again)
    os.utime(tiny_model_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    ctl.set_classifier(Classifier.from_file(tiny_model_file))
    with qtbot.waitSignal(ctl.finished, timeout=10_000):
        ctl.ensure_current()
    assert started and asked == ["mnist", "toy", "mnist"]


def test_the_summary_rows_take_the_new_themes_background_on_a_switch(
    qtbot, qapp, panel, controller
):
    """Probe: after a switch while open, the accuracy / average rows kept the old theme's
    background (near-black text on a dark row after dark -> light) until the next evaluation."""
    from nndesk.ui import theme

    result = evaluated(qtbot, panel, controller)
    summary = result.n_classes  # the accuracy row, then the averages
    try:
        for name, colours in (("dark", theme.DARK), ("light", theme.LIGHT)):
            theme.apply_theme(qapp, name)
            row = panel.table.item(summary, 0).background().color().name()
            assert row == colours.summary_row.lower()
    finally:
        theme.apply_theme(qapp, "system")


def test_evaluate_again_keeps_the_report_where_it_was(
    qtbot, window_factory, tiny_model_file, tiny_data_dir
):
    from nndesk.inference import Classifier

    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    desk.window.resize(1024, 700)
    page = desk.evaluate_page
    with qtbot.waitSignal(desk.evaluation.finished, timeout=20_000):
        desk.window.tabs.setCurrentWidget(page)
    bar = page.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    for where in (0, bar.maximum() // 3):
        bar.setValue(where)
        with qtbot.waitSignal(desk.evaluation.finished, timeout=20_000):
            qtbot.mouseClick(page.evaluate_button, Qt.MouseButton.LeftButton)
            assert bar.value() == where  # not sent down to a control when the button greys
        qtbot.waitUntil(page.evaluate_button.isEnabled)
        assert bar.value() == where


def test_a_banner_about_another_models_dataset_goes_when_that_model_returns(
    qtbot, request, tiny_model_file
):
    """Probe 16d F4: Clothing's report came back (reused) under Digits' "Cannot download
    MNIST" banner and its Download button after a mode switch there and back."""
    from nndesk.inference import Classifier

    rng = np.random.default_rng(2)
    data = ToyDataset()
    data.class_names = tuple("0123456789")
    data.test_images = rng.integers(0, 256, size=(40, 28, 28), dtype=np.uint8)
    data.test_labels = rng.integers(0, 10, size=40).astype(np.int64)
    ctl = EvaluationController(lambda name: data if name == "mnist" else missing_provider(name))
    request.addfinalizer(ctl.shutdown)
    widget = EvaluationPanel(ctl)
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(ctl.finished, timeout=10_000):
        widget.set_classifier(Classifier.from_file(tiny_model_file))
    with qtbot.waitSignal(ctl.failed, timeout=10_000):
        widget.set_classifier(TableClassifier(make_labels()))  # the other mode's model
    assert "toy" in widget.message.text() and widget.message.isVisible()
    with qtbot.waitSignal(ctl.finished, timeout=10_000):  # reused: no evaluation starts
        widget.set_classifier(Classifier.from_file(tiny_model_file))
    assert widget.result() is not None
    assert widget.message.isHidden() and widget.message.offered_dataset() is None


def test_a_failed_evaluation_over_an_old_report_says_the_report_is_the_old_one(qtbot, request):
    gone = []  # the data folder was emptied once this holds True
    ctl = EvaluationController(lambda name: missing_provider(name) if gone else toy_provider(name))
    request.addfinalizer(ctl.shutdown)
    widget = EvaluationPanel(ctl)
    qtbot.addWidget(widget)
    widget.show()
    evaluated(qtbot, widget, ctl)
    gone.append(True)
    with qtbot.waitSignal(ctl.failed, timeout=10_000):
        widget.evaluate_button.click()
    assert widget.accuracy_stat.value.text() != "–"  # the old numbers stay...
    assert "nndesk download toy" in widget.message.text()
    assert "from the last evaluation that worked" in widget.message.text()  # ...said to be old


def test_a_folder_of_the_other_dataset_is_named_in_window_words(
    qtbot, request, tiny_model_file, tiny_idx_dir, monkeypatch
):
    """Probe 16d F5: "Choose a folder…" on Fashion-MNIST in Digits mode gave the CLI's
    "point --data-dir at the mnist files"."""
    from dataclasses import replace

    from nndesk.data.idx import sha256_decompressed
    from nndesk.data.registry import DATASETS
    from nndesk.data.sources import load_test_split
    from nndesk.inference import Classifier

    files = tuple(
        replace(f, sha256=sha256_decompressed(tiny_idx_dir / f.gz_name))
        for f in DATASETS["fashion"].files
    )
    monkeypatch.setitem(DATASETS, "fashion", replace(DATASETS["fashion"], files=files))
    ctl = EvaluationController(lambda name: load_test_split(name, tiny_idx_dir))
    request.addfinalizer(ctl.shutdown)
    widget = EvaluationPanel(ctl)
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(ctl.failed, timeout=10_000):
        widget.set_classifier(Classifier.from_file(tiny_model_file))  # a digits model
    assert widget.message.text() == (
        f"{tiny_idx_dir} holds Fashion-MNIST, not MNIST: download MNIST "
        "into nndesk's cache, or choose a folder with MNIST."
        " Each dataset keeps its own folder; one holding mnist/ and fashion-mnist/ serves both."
    )


def test_the_report_legend_never_runs_over_the_table_on_a_narrow_page(qtbot, tiny_model_file):
    """At 1024x700 in Vietnamese the legend under the per-class report was drawn over its
    last row: the report's height was fitted to the viewport before the page's scroll bar
    appeared and narrowed it, and the legend then wrapped onto one line more."""
    from nndesk.evaluation import evaluate
    from nndesk.inference import Classifier
    from nndesk.ui import language

    rng = np.random.default_rng(0)
    images = rng.integers(0, 255, (300, 28, 28)).astype(np.uint8)
    result = evaluate(Classifier.from_file(tiny_model_file), images, rng.integers(0, 10, 300))
    assert language.use_language("vi") == "vi"
    ctl = EvaluationController(toy_provider)
    try:
        overlaps = {}
        for width in range(500, 661, 20):  # a page of that width shows its first result
            widget = shown_widget(qtbot, EvaluationPanel(ctl), (width, 560))
            widget.show_result(result)
            qtbot.waitUntil(lambda w=widget: w.scroll.verticalScrollBar().isVisible(), timeout=5000)
            QApplication.processEvents()
            table_bottom = widget.table.mapTo(widget, widget.table.rect().bottomLeft()).y()
            legend_top = widget.legend.mapTo(widget, widget.legend.rect().topLeft()).y()
            if legend_top <= table_bottom:
                overlaps[width] = table_bottom - legend_top
            widget.close()
        assert overlaps == {}, overlaps
    finally:
        ctl.shutdown()
        language.use_language("en")


@pytest.mark.parametrize("code", ["vi", "en"])
def test_the_four_figures_keep_one_row_and_one_height_from_evaluating_to_done(
    qtbot, tiny_model_file, code
):
    """At 1024x700 in Vietnamese the "F1 macro" card dropped to a second row and pushed the
    matrix down by ~60 px; the mistakes card said "lỗi phân loại" while evaluating and "lỗi
    trên 10.000 ảnh" after, so the row changed as the numbers came."""
    from nndesk.evaluation import evaluate
    from nndesk.inference import Classifier
    from nndesk.ui import language

    rng = np.random.default_rng(0)
    n = 10_000  # the test sets' size: the widest count the captions could hold
    images = rng.integers(0, 255, (n, 28, 28)).astype(np.uint8)
    result = evaluate(Classifier.from_file(tiny_model_file), images, rng.integers(0, 10, n))
    assert language.use_language(code) == code
    ctl = EvaluationController(toy_provider)
    try:
        for width in (553, 620, 800):  # the page at 1024 px (553), at 1280 px (~800)
            widget = panel_on_screen(qtbot, ctl, width)
            cards = (widget.accuracy_stat, widget.loss_stat, widget.mistakes_stat)
            cards += (widget.macro_stat,)

            def row(cards=cards):
                QApplication.processEvents()
                return [(c.y(), c.height()) for c in cards], [c.caption.text() for c in cards]

            evaluating, captions = row()
            assert len(set(evaluating)) == 1, (width, evaluating)  # one row, one height
            widget.show_result(result)
            done, captions_done = row()
            assert done == evaluating and captions_done == captions, width
            right = cards[-1].mapTo(widget, cards[-1].rect().topRight()).x()
            assert right < width, (width, right)  # the row stays inside the page
            for card in cards:  # every figure and caption is whole in its card
                for label in (card.value, card.caption):
                    assert label.width() >= label.minimumSizeHint().width(), label.text()
            widget.close()
    finally:
        ctl.shutdown()
        language.use_language("en")


@pytest.mark.parametrize("code", ["vi", "en"])
@pytest.mark.parametrize(
    ("loss", "shown"),
    [(3.51e9, "3{point}51×10⁹"), (2.302585, "2{point}3026"), (1234.56, "1234{point}6")],
)
def test_the_loss_card_writes_a_diverged_models_loss_whole_inside_its_card(
    qtbot, controller, code, loss, shown
):
    """A diverged model's loss, 3.51e9 with four decimals, ran past the card's edge at
    1024x700 and read "3510000" (a newcomer's walk): it is written as a power of ten and
    fits its card; a usual loss keeps its four decimals."""

    from PySide6.QtGui import QFontMetrics

    from nndesk.ui import language
    from tests.test_evaluation import toy_result

    result = dataclasses.replace(toy_result(), loss=loss)
    assert language.use_language(code) == code
    try:
        for width in (553, 620, 800):  # the page at 1024 px (553), at 1280 px (~800)
            widget = panel_on_screen(qtbot, controller, width)
            widget.show_result(result)
            QApplication.processEvents()
            card = widget.loss_stat
            text = card.value.text()
            assert text == shown.format(point="," if code == "vi" else ".")
            drawn = QFontMetrics(card.value.font()).horizontalAdvance(text)
            assert drawn <= card.value.contentsRect().width(), (width, text, drawn)
            right = card.value.mapTo(card, card.value.rect().topRight()).x()
            assert right < card.width(), (width, right, card.width())
            widget.close()
    finally:
        language.use_language("en")


@pytest.mark.parametrize("height", [560, 640])
def test_the_narrow_pages_matrix_and_its_names_fit_the_visible_part_of_the_page(
    qtbot, controller, height
):
    """At 1024x700 the matrix's canvas was 480 px tall in a ~455 px view: its slanted class
    names lay under the fold, cut at their start (a newcomer's walk)."""
    from tests.test_evaluation import toy_result

    # the page beside the drawing in a 1024 px window
    widget = panel_on_screen(qtbot, controller, 553, height)
    widget.show_result(toy_result())
    viewport = widget.scroll.viewport()

    def canvas_bottom():
        QApplication.processEvents()
        canvas = widget.confusion.canvas
        return canvas.mapTo(viewport, canvas.rect().bottomLeft()).y()

    qtbot.waitUntil(lambda: canvas_bottom() < viewport.height())
    qtbot.waitUntil(widget.confusion.current, timeout=60000)  # drawn at that room
    assert widget.confusion.canvas.height() >= 250  # still a matrix one can read
    assert widget.confusion.labels_fit()


def matrix_in_view(panel) -> tuple[int, int, int]:
    """(top, bottom, viewport height): where the matrix with both sets of class names and its
    axis titles lies in the page's visible part, in viewport pixels, as last drawn."""
    view = panel.confusion
    assert view.current(), "the matrix for this room is still being drawn"
    box = view.ax.get_tightbbox(view.renderer())
    ratio = view.picture.ratio
    figure_height = view.figure.bbox.height
    canvas = view.canvas
    viewport = panel.scroll.viewport()
    origin = canvas.mapTo(viewport, QPoint(0, 0)).y()
    top = origin + canvas.from_figure(0, (figure_height - box.y1) / ratio).y()
    bottom = origin + canvas.from_figure(0, (figure_height - box.y0) / ratio).y()
    return round(top), round(bottom), viewport.height()


ENGLISH_GARMENTS = (
    *("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat"),
    *("Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
)


class TenGarments(FakeClassifier):
    """Right nine times in ten: image i is of class i % 10, and every tenth is taken for the
    next class."""

    dataset = "toy"
    title = "ten-garments"

    def __init__(self, class_names):
        self.class_names = tuple(class_names)

    def probabilities(self, images28):
        index = np.asarray(images28)[:, 0, 0].astype(np.int64)
        answer = (index + (index % 9 == 0)) % 10
        out = np.full((len(index), 10), 0.02, np.float32)
        out[np.arange(len(index)), answer] = 0.82
        return out


def ten_garments_result(names):
    labels = np.arange(200) % 10
    images = np.zeros((200, 28, 28), np.uint8)
    images[:, 0, 0] = np.arange(200)
    return evaluate(TenGarments(names), images, labels)


@pytest.mark.parametrize("code", ["en", "vi"])
@pytest.mark.parametrize(("width", "height"), [(553, 520), (650, 620)])
def test_the_whole_matrix_with_both_sets_of_names_is_in_the_first_view(
    qtbot, controller, trust, code, width, height
):
    """At 1024x700 (the page ~553 x 520) and 1280x800 the Evaluate page's first view showed the
    rows' names only: the canvas took the splitter's spare height, 512 px in a 486 px view, and
    the predicted classes' slanted names lay under the fold (cut in Vietnamese: "uần dài"; a
    newcomer's walk). The page as the window builds it, with its trust part below."""
    from nndesk.ui import language

    assert language.use_language(code) == code
    try:
        names = VIETNAMESE_GARMENTS if code == "vi" else ENGLISH_GARMENTS
        widget = shown_widget(qtbot, EvaluationPanel(controller, trust), (width, height))
        widget.show_result(ten_garments_result(names))

        def whole_matrix_in_view():
            top, bottom, seen = matrix_in_view(widget)
            assert top >= 0 and bottom <= seen, (top, bottom, seen)

        qtbot.waitUntil(whole_matrix_in_view, timeout=60_000)
        assert widget.confusion.canvas.height() >= 250  # still a matrix one can read
        assert widget.scroll.verticalScrollBar().value() == 0
        assert widget.confusion.labels_fit() and not widget.confusion.names_overlap()
    finally:
        language.use_language("en")


def test_measuring_robustness_shows_its_progress_by_the_button_and_scrolls_to_the_curves(
    qtbot, controller, trust, strokes_evaluated
):
    """Evaluate > Measure robustness (a newcomer's walk, 1280x800): for 20 s nothing changed
    near the button (the progress was under the plots, below the fold), and the five curves
    appeared below the fold without the page scrolling to them."""
    _, result = strokes_evaluated(120)
    widget = shown_widget(qtbot, EvaluationPanel(controller, trust), (650, 620))
    widget.show_result(result)
    qtbot.waitUntil(lambda: widget.trust.summary is not None, timeout=10_000)
    viewport = widget.scroll.viewport()
    view = widget.trust

    def top_in_view(part) -> int:
        return part.mapTo(viewport, part.rect().topLeft()).y()

    widget.scroll.ensureWidgetVisible(view.robust_button)  # the person scrolls to it
    QApplication.processEvents()
    with qtbot.waitSignal(trust.robustness_ready, timeout=60_000):
        qtbot.mouseClick(view.robust_button, Qt.MouseButton.LeftButton)
        # at once, right under the button and in view: the progress and its Cancel
        assert view.robust_progress.isVisible() and view.cancel_button.isVisible()
        button_bottom = top_in_view(view.robust_button) + view.robust_button.height()
        progress_top = top_in_view(view.robust_progress)
        assert 0 <= progress_top - button_bottom <= 40, (button_bottom, progress_top)
        assert progress_top + view.robust_progress.height() <= viewport.height()

    def curves_in_view():
        """Whole, or from their top when taller than the view (with the damaged images
        beside them, walk66 #6)."""
        plots = view.robust_plots
        top = top_in_view(plots)
        whole = top + plots.height() <= viewport.height()
        assert top >= 0 and (whole or top <= 12), (top, plots.height(), viewport.height())

    qtbot.waitUntil(curves_in_view, timeout=5_000)
    assert not view.robust_progress.isVisible()


def test_the_windows_report_json_has_the_coverage_at_the_windows_threshold(
    qtbot, window_factory, tiny_model_file, tiny_data_dir, tmp_path
):
    """walk55 D8: the trust half of the page could be kept only as a screenshot."""
    from nndesk.inference import Classifier

    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    page = desk.evaluate_page
    with qtbot.waitSignal(desk.evaluation.finished, timeout=30_000):
        desk.window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.result() is not None, timeout=10_000)
    desk.window.prediction_panel.not_sure_spin.setValue(80)  # the window's one threshold
    out = tmp_path / "report.json"
    page.export("report_json", out)
    report = json.loads(out.read_text())
    assert report["coverage"]["threshold"] == 0.8
    assert report["coverage"]["answered"] == pytest.approx(
        float((page.result().calibrated_confidence >= 0.8).mean())
    )
    assert "robustness" not in report  # not measured


def test_every_export_asks_in_the_windows_save_dialog_on_the_models_name(
    qtbot, panel, controller, save_dialogs, tmp_path
):
    """dialogs59: the exports asked in the desktop's dialog, Export code in Qt's own."""
    from PySide6.QtWidgets import QFileDialog

    from nndesk import preferences

    preferences.set_last_save_folder(tmp_path)
    result = evaluated(qtbot, panel, controller)
    for kind in ("report_csv", "report_json", "confusion_png", "mistakes_csv"):
        panel.export_actions[kind].trigger()  # cancelled
    names = ["report.csv", "report.json", "confusion.png", "mistakes.csv"]
    title = result.classifier.title
    assert [a.start for a in save_dialogs.asked] == [f"{tmp_path}/{title}-{n}" for n in names]
    for asked, name in zip(save_dialogs.asked, names, strict=True):
        assert asked.options & QFileDialog.Option.DontUseNativeDialog
        assert asked.default_suffix == name.rsplit(".", 1)[1]


def test_the_exports_are_proposed_under_names_in_the_windows_language(qtbot, panel, controller):
    """s62: the Train page's curves were proposed in Vietnamese ("…-đường-cong.png"), but
    Evaluate's exports as "…-report.csv" in a Vietnamese window."""
    from nndesk.ui import language

    evaluated(qtbot, panel, controller)
    proposed: list[str] = []
    panel._ask_path = lambda title, default, file_filter: proposed.append(default) or ""
    model = getattr(controller.classifier(), "title", "model")
    kinds = ("report_csv", "report_json", "confusion_png", "mistakes_csv")
    for code in ("en", "vi"):
        assert language.use_language(code) == code
        try:
            for kind in kinds:
                panel.export_actions[kind].trigger()
        finally:
            language.use_language("en")
    endings = ["-report.csv", "-report.json", "-confusion.png", "-mistakes.csv"]
    endings += ["-báo-cáo.csv", "-báo-cáo.json", "-ma-trận-nhầm-lẫn.png", "-lỗi-phân-loại.csv"]
    assert proposed == [model + ending for ending in endings]


def test_an_export_written_off_the_gui_thread_is_said_at_once_then_where_it_went(
    qtbot, controller, tmp_path, monkeypatch
):
    """verify67 #6: "Save chart as PNG…" said nothing for the ~10 s a chart took to draw and
    write under load. The status bar (wired as the app wires it) says "Saving …" as the write
    is handed to the writer thread, and where it went once written, with "Show folder"; a
    write that fails does not leave "Saving …" under its message box."""
    from PySide6.QtWidgets import QMainWindow

    from nndesk.app import wiring
    from nndesk.controllers.background import BackgroundWrites
    from nndesk.ui import evaluation_panel
    from nndesk.ui.status_bar import ElidingStatusBar

    writes = BackgroundWrites()
    gate = threading.Event()
    try:
        widget = shown_widget(qtbot, EvaluationPanel(controller, writes=writes), (1000, 700))
        evaluated(qtbot, widget, controller)
        window = QMainWindow()
        qtbot.addWidget(window)
        bar = ElidingStatusBar()
        window.setStatusBar(bar)
        widget.file_saving.connect(lambda path: wiring.show_saving(window, path))
        widget.file_saved.connect(lambda path: wiring.show_saved(window, path))
        widget.file_failed.connect(lambda path: wiring.show_unsaved(window, path))
        real = widget._writer

        def held(kind, *args):  # the writer thread waits for the test: a slow drawing
            write = real(kind, *args)
            return lambda path, result: gate.wait(WAIT_S) and write(path, result)

        monkeypatch.setattr(widget, "_writer", held)
        path = tmp_path / "out" / "c.png"
        path.parent.mkdir()
        widget._ask_path = lambda *a: str(path)
        widget.export_actions["confusion_png"].trigger()
        assert bar.currentMessage() == f"Saving c.png in {path.parent}…"  # at once
        assert not bar.folder_link.isVisibleTo(bar) and writes.busy
        gate.set()
        qtbot.waitUntil(lambda: bar.currentMessage().startswith("Saved c.png"), timeout=20_000)
        assert bar.currentMessage() == f"Saved c.png in {path.parent}"
        assert bar.folder_link.isVisibleTo(bar) and path.read_bytes()[:4] == b"\x89PNG"
        # a write that fails: its box says why; the status bar no longer says "Saving"
        boxes = []
        monkeypatch.setattr(
            evaluation_panel.QMessageBox, "warning", lambda *a: boxes.append(bar.currentMessage())
        )

        def full_disk(kind, *args):
            def write(path, result):
                raise OSError(28, "No space left on device")

            return write

        monkeypatch.setattr(widget, "_writer", full_disk)
        with qtbot.waitSignal(writes.failed, timeout=20_000):
            widget.export_actions["confusion_png"].trigger()
        assert boxes == ["Could not save c.png"], boxes
    finally:
        gate.set()
        writes.shutdown()


def test_the_trust_charts_are_saved_as_png_from_export_and_from_their_right_click(
    qtbot, controller, trust, strokes_evaluated, tmp_path
):
    """walk66 #5c: the reliability, coverage and robustness charts could not be saved (Export
    offered the report, the matrix and the mistakes; a right-click did nothing)."""
    from PIL import Image

    _, result = strokes_evaluated(120)
    widget = shown_widget(qtbot, EvaluationPanel(controller, trust), (1000, 700))
    view = widget.trust
    with qtbot.waitSignal(view.summary_drawn, timeout=20_000):
        widget.show_result(result)
    actions = widget.export_actions
    assert actions["trust_png"].isEnabled() and not actions["robustness_png"].isEnabled()
    with qtbot.waitSignal(view.robustness_drawn, timeout=60_000):
        view.robust_button.click()
    assert actions["robustness_png"].isEnabled()
    proposed: list[str] = []
    saved: list[Path] = []
    widget.file_saved.connect(saved.append)
    for kind, how in (("trust_png", "menu"), ("robustness_png", "right-click")):
        path = tmp_path / f"{kind}.png"
        widget._ask_path = lambda title, default, f, p=path: proposed.append(default) or str(p)
        if how == "menu":
            actions[kind].trigger()
        else:
            view.save_asked.emit(kind)  # the chart's "Save chart as PNG…"
        assert saved[-1] == path
        with Image.open(path) as png:  # a picture for a slide, not a thumbnail
            assert png.format == "PNG" and png.width >= 1200, png.size
    title = result.classifier.title
    assert proposed == [f"{title}-calibration.png", f"{title}-robustness.png"]
    # the robustness picture holds the damaged images beside the curves
    figure = view.chart_figure("robustness_png")()
    assert sum(len(ax.images) for ax in figure.axes) == sum(
        len(points) for points in view.curves.values()
    )


def test_tab_reaches_the_matrix_which_shows_its_focus_and_a_current_cell(qtbot, panel, controller):
    """walk66 #7 (fixZ's real window): three Tabs after "Copy report" never reached the
    matrix: the scroll area took a stop of its own, showed no focus, and the arrows then
    scrolled the page. Tab after "Evaluate again" lands on the matrix, which draws a frame
    round itself, outlines a current cell and says it, so Enter opens what is seen."""
    from PySide6.QtGui import QPalette

    evaluated(qtbot, panel, controller)
    view = panel.confusion
    qtbot.waitUntil(view.current, timeout=30_000)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel, timeout=5_000)
    panel.evaluate_button.setFocus()
    qtbot.keyClick(panel.evaluate_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.canvas
    name = CLASS_NAMES[0]
    assert view.hint.text().startswith(f"{name} recognised correctly: ")
    assert view.hint.text().endswith("Press Enter to open them.")
    assert view.canvas.marked == (0, 0)  # the current cell, outlined before any arrow
    assert view.canvas.marked_rect() is not None
    picture = view.canvas.grab().toImage()
    frame = view.canvas.palette().color(QPalette.ColorRole.Highlight)
    middle = picture.height() // 2
    assert picture.pixelColor(0, middle) == frame and picture.pixelColor(1, middle) == frame
    with qtbot.waitSignal(panel.cell_clicked, timeout=5_000) as blocker:
        qtbot.keyClick(view.canvas, Qt.Key.Key_Return)
    assert blocker.args == [0, 0]
    # Shift+Tab leaves it, and the frame goes
    qtbot.keyClick(view.canvas, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is not view.canvas
    assert view.canvas.grab().toImage().pixelColor(0, middle) != frame


def test_another_models_evaluation_opens_at_the_top_of_its_report(qtbot, controller, trust):
    """walk66 #12: evaluated after another model while the page was scrolled to the trust
    charts, the new report opened down there (blank while its charts were drawn); the same
    model evaluated again keeps the place the person was reading."""
    widget = shown_widget(qtbot, EvaluationPanel(controller, trust), (1000, 560))
    bar = widget.scroll.verticalScrollBar()
    evaluated(qtbot, widget, controller)
    qtbot.waitUntil(lambda: bar.maximum() > 200, timeout=30_000)
    bar.setValue(bar.maximum())  # reading the trust charts
    evaluated(qtbot, widget, controller)  # another model (a new TableClassifier)
    assert bar.value() == 0
    qtbot.waitUntil(lambda: widget.trust.summary is not None, timeout=30_000)
    assert bar.value() == 0
    bar.setValue(bar.maximum())
    kept = bar.value()
    with qtbot.waitSignal(controller.finished, timeout=10_000):
        widget.evaluate_button.click()  # the same model again: the place is kept
    assert bar.value() == kept > 0


def test_charts_saved_from_the_dark_theme_are_dark_on_white_unless_dark_is_asked(
    qtbot, qapp, controller, trust, strokes_evaluated, tmp_path, save_dialogs
):
    """fixI #3: the trust charts were saved in the window's theme: a dark PNG pasted into a
    light report. Saved dark on white (the dialog says so), the dark theme's when ticked; the
    confusion matrix (already dark on white) offers the same."""
    import matplotlib
    from PIL import Image
    from PySide6.QtGui import QPalette

    from nndesk.ui import theme

    _, result = strokes_evaluated(60)
    saved_rc = {key: matplotlib.rcParams[key] for key in theme.chart_rc(theme.LIGHT)}
    saved_palette = QPalette(qapp.palette())
    try:
        theme.apply_theme(qapp, "dark")
        widget = shown_widget(qtbot, EvaluationPanel(controller, trust), (1000, 700))
        with qtbot.waitSignal(widget.trust.summary_drawn, timeout=20_000):
            widget.show_result(result)
        saved: list[Path] = []
        widget.file_saved.connect(saved.append)
        for kind in ("trust_png", "confusion_png"):
            for dark, page in ((False, "#ffffff"), (True, theme.DARK.window)):
                save_dialogs.dark = dark
                save_dialogs.answer = str(tmp_path / f"{kind}-{dark}.png")
                with qtbot.waitSignal(widget.file_saved, timeout=30_000):
                    widget.export_actions[kind].trigger()
                asked = save_dialogs.asked[-1]
                assert asked.dark_box is False and "dark on white" in asked.note
                with Image.open(saved[-1]) as png:
                    rgb = png.convert("RGB")
                    corner = "#{:02x}{:02x}{:02x}".format(*rgb.getpixel((1, 1)))
                    colours = {c for _, c in rgb.getcolors(1 << 20)}
                assert corner == page, (kind, dark)
                if not dark:  # its text in near black (white text there could not be read)
                    assert sum(min(colours, key=sum)) < 120
        # a CSV is asked for with no such box
        save_dialogs.answer = ""
        widget.export_actions["report_csv"].trigger()
        assert save_dialogs.asked[-1].dark_box is None
    finally:
        theme.apply_theme(qapp, "system")
        qapp.setPalette(saved_palette)
        matplotlib.rcParams.update(saved_rc)


def test_the_arrows_bring_the_current_damaged_image_into_sight(
    qtbot, controller, trust, strokes_evaluated
):
    """fixI #1 in the real window: Down from the noise row went to rows under the fold, and
    the outlined image could not be seen: the page scrolls to it."""
    from nndesk.robustness import LEVELS, DamageExample

    images, result = strokes_evaluated(60, horizontal=False)
    widget = shown_widget(qtbot, EvaluationPanel(controller, trust), (800, 600))
    view = widget.trust
    with qtbot.waitSignal(view.summary_drawn, timeout=20_000):
        widget.show_result(result)
    curves = {kind: [(level, 0.9) for level in levels] for kind, levels in LEVELS.items()}
    examples = {
        kind: [DamageExample(images[0], 0, 0, 0) for _ in levels] for kind, levels in LEVELS.items()
    }
    with qtbot.waitSignal(view.robustness_drawn, timeout=60_000):
        view.show_robustness(curves, examples)
    chart, viewport = view.robust_plots, widget.scroll.viewport()
    chart.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(chart.hasFocus, timeout=5_000)
    for _ in range(4):
        qtbot.keyClick(chart, Qt.Key.Key_Down)
    assert chart.current == ("occlusion", 0)
    rect = chart.image_rect("occlusion", 0)
    top_left = chart.mapTo(viewport, rect.topLeft().toPoint())
    bottom_right = chart.mapTo(viewport, rect.bottomRight().toPoint())
    assert viewport.rect().contains(top_left) and viewport.rect().contains(bottom_right)
    # a click gives the focus without going to the first image: the page stays put
    chart.clearFocus()
    chart.current = None
    bar = widget.scroll.verticalScrollBar()
    at = bar.value()
    assert at > 0
    chosen: list = []
    view.damage_image_chosen.connect(lambda *args: chosen.append(args))
    point = chart.image_rect("occlusion", 1).center().toPoint()
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=point)
    assert chart.hasFocus() and chosen[0][1] == "occlusion" and bar.value() == at
