"""A model trained on an image folder in the window's pages (fix55a): Evaluate scores it on the
folder's held-out images and says which folder and why, Mistakes names each wrong image by
its file, the Lab counts the images it really scores; with no folder named the page says how
to name one, and choosing it on the Train form is enough."""

from __future__ import annotations

import dataclasses
import shutil

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nndesk.controllers import datasets
from nndesk.controllers.evaluation import EvaluationController
from nndesk.controllers.explore import ExploreController
from nndesk.inference import Classifier
from nndesk.ui.evaluation_panel import EvaluationPanel
from nndesk.ui.lab_view import LabView
from nndesk.ui.mistakes_view import MistakesView
from tests.test_folder_test_set import train_on, write_shapes
from tests.ui.conftest import shown_widget

WAIT_MS = 30_000


@pytest.fixture
def shapes(tmp_path):
    datasets.forget_datasets()  # the window's memoised folders: this test's own
    yield write_shapes(tmp_path / "shapes")
    datasets.forget_datasets()


@pytest.fixture
def controller():
    ctl = EvaluationController(batch_size=4)
    yield ctl
    ctl.shutdown()


@pytest.fixture
def panel(qtbot, controller):
    widget = shown_widget(qtbot, EvaluationPanel(controller), (1024, 700))
    return widget


def test_a_runs_folder_model_is_scored_on_its_held_out_images(qtbot, shapes, controller, panel):
    clf = Classifier.from_file(train_on(shapes))
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS) as done:
        panel.set_classifier(clf)
    result = done.args[0]
    assert result.n == 6 and result.class_names == ("bar", "block", "line")
    assert result.confusion.sum() == 6
    assert result.image_folder.folder == str(shapes)
    # (a word joiner after the hyphen keeps "held-out" on one line)
    subtitle = panel.subtitle.text().replace("\u2060", "")
    assert subtitle == "on 6\u00a0held-out images of the folder shapes"
    note = panel.source_note.text()
    assert note == (
        f"Read from {shapes}, the folder its run trained on (as the run's record says). "
        "The model never trained on these images: training held them out."
    )
    assert panel.source_note.isVisible()
    assert panel.message.isHidden()


def test_with_no_folder_named_it_says_how_and_the_train_forms_folder_then_serves(
    qtbot, shapes, controller, panel, tmp_path
):
    handed = tmp_path / "handed" / "model.npz"
    handed.parent.mkdir()
    shutil.copy(train_on(shapes), handed)  # outside the runs folder: no record vouches for it
    clf = Classifier.from_file(handed)
    with qtbot.waitSignal(controller.failed, timeout=WAIT_MS) as failed:
        panel.set_classifier(clf)
    assert "choose that folder as the image folder on the Train page" in failed.args[0]
    assert "choose that folder" in panel.message.text()
    chosen = [None]
    controller.set_folder_sources(lambda: chosen[0])
    chosen[0] = str(shapes)
    controller.image_folder_chosen()  # the Train form's folder changed
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS) as done:
        controller.ensure_current()  # as a page shown next asks
    assert done.args[0].n == 6
    assert "the image folder chosen on the Train page" in panel.source_note.text()


def test_a_folder_changed_since_training_is_said_in_the_error_tone(
    qtbot, shapes, controller, panel
):
    clf = Classifier.from_file(train_on(shapes))
    shutil.copy(shapes / "line" / "img_00.png", shapes / "line" / "again.png")
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
        panel.set_classifier(clf)
    assert "30 images then, 31 now" in panel.source_note.text()
    assert "never trained on these" not in panel.source_note.text()
    assert panel.source_note.property("tone") == "error"


@pytest.fixture
def folder_result(qtbot, shapes, controller):
    clf = Classifier.from_file(train_on(shapes))
    controller.set_classifier(clf)
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS) as done:
        controller.evaluate()
    result = done.args[0]
    # one image answered wrong for sure: the page must name it by its file
    predictions = result.predictions.copy()
    predictions[0] = (int(result.labels[0]) + 1) % 3
    return dataclasses.replace(result, predictions=predictions)


def test_mistakes_name_a_folders_image_by_its_file(qtbot, folder_result):
    view = MistakesView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    view.set_result(folder_result)
    true, wrong = int(folder_result.labels[0]), int(folder_result.predictions[0])
    view.show_cell(true, wrong)
    rect = view.grid.visualRect(view.model.index(0, 0))
    qtbot.mouseClick(view.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    file = folder_result.image_folder.test_files[0]
    assert view.caption.text() == f"{file} — mistake"
    assert view.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).startswith(f"{file}\nTrue:")
    shown = []
    view.test_image_shown.connect(lambda *a: shown.append(a))
    view.canvas_button.click()  # on the canvas, but no "Test #" of the window's test images
    assert shown == []


def test_the_lab_counts_the_images_it_scores(qtbot, folder_result):
    explore = ExploreController()
    try:
        page = LabView(explore)
        qtbot.addWidget(page)
        with qtbot.waitSignal(explore.lab_ready, timeout=WAIT_MS):
            page.set_result(folder_result)
        assert page.title.text().endswith("scored on 6 test images.")  # it said 2,000
        assert page.outcome.original.n == 6
    finally:
        explore.shutdown()


def test_the_window_scores_a_model_trained_on_the_train_forms_folder(qtbot, window_factory, shapes):
    from nndesk.ui.train_form import FOLDER

    model = train_on(shapes)
    desk = window_factory(classifier=Classifier.from_file(model))
    form = desk.train_page.form
    form.dataset.setCurrentIndex(form.dataset.findData(FOLDER))
    form.folder.setText(str(shapes))
    desk.window.tabs.setCurrentWidget(desk.evaluate_page)
    page = desk.evaluate_page
    qtbot.waitUntil(lambda: page.result() is not None, timeout=WAIT_MS)
    assert page.result().image_folder.folder == str(shapes)
    assert page.message.isHidden()
    desk.window.tabs.setCurrentWidget(desk.mistakes_page)
    qtbot.waitUntil(lambda: desk.mistakes_page.result() is not None, timeout=WAIT_MS)
    assert np.array_equal(desk.mistakes_page.result().labels, page.result().labels)


def test_the_exports_name_the_folder_and_each_wrong_images_file(folder_result, tmp_path):
    import csv
    import json

    from nndesk import export

    data = json.loads(export.write_report_json(tmp_path / "r.json", folder_result).read_text())
    assert data["image_folder"] == {
        "folder": folder_result.image_folder.folder,
        "same_images": True,
    }
    with open(export.write_mistakes_csv(tmp_path / "m.csv", folder_result), newline="") as f:
        rows = list(csv.DictReader(f))
    files = folder_result.image_folder.test_files
    assert rows and all(row["file"] == files[int(row["index"])] for row in rows)


def test_the_dataset_page_follows_a_runs_folder_model_the_train_form_does_not_name(
    qtbot, window_factory, shapes
):
    """fix55a's left item: the Dataset page followed a folder model only when the Train form
    named its folder; a run's model taken into use later (another session, the form on MNIST)
    left the page on MNIST. It follows the folder the run's record names, as Evaluate does."""
    model = train_on(shapes)
    desk = window_factory(classifier=Classifier.from_file(model))
    assert desk.train_page.form.dataset_name() == "mnist"  # the form names no folder
    page = desk.dataset_page
    desk.window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.dataset_combo.currentData() == str(shapes), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.summary() is not None, timeout=WAIT_MS)
    assert page.summary().class_names == ("bar", "block", "line")


def test_the_why_page_shows_a_folder_models_nearest_training_images(qtbot, window_factory, shapes):
    """fix55a's left item: the Why page said "This model's file names no registered training
    set (it was trained on an image folder), so there are no training images to compare with"
    though Evaluate scored the same model on that folder. Its nearest training images are the
    folder's training images now (the held-out ones are not among them)."""
    from nndesk.data.folders import load_image_folder

    model = train_on(shapes)
    desk = window_factory(classifier=Classifier.from_file(model))
    why = desk.why_page
    desk.window.tabs.setCurrentWidget(why)
    drawing = np.zeros((280, 280), np.uint8)
    drawing[40:240, 120:160] = 255  # a bar
    desk.prediction.request_now(drawing)
    qtbot.waitUntil(lambda: all(t.isVisibleTo(why) for t in why.neighbour_tiles), timeout=WAIT_MS)
    assert why.neighbours_banner.isHidden()
    assert "no registered training set" not in why.neighbours_note.text()
    assert why.neighbours_note.text().startswith("The 6 images among the first 24 training")
    split = load_image_folder(shapes).folder_split
    assert len(split.test_files) == 6  # 30 images, 6 held out: 24 training images searched


def test_the_why_page_says_how_to_name_a_folder_models_folder(qtbot, window_factory, shapes):
    """A folder model outside the runs folder, with no folder chosen on the Train page: one
    line saying how to name it (the folder its file names is never read)."""
    model = train_on(shapes, "--out", str(shapes.parent / "elsewhere.npz"))
    desk = window_factory(classifier=Classifier.from_file(model))
    why = desk.why_page
    desk.window.tabs.setCurrentWidget(why)
    drawing = np.zeros((280, 280), np.uint8)
    drawing[40:240, 120:160] = 255
    desk.prediction.request_now(drawing)
    banner = why.neighbours_banner
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=WAIT_MS)
    assert banner.text() == (
        "This model was trained on an image folder (classes bar, block, line): choose that "
        "folder as the image folder on the Train page to see its nearest training images."
    )
