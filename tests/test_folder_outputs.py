"""A teacher's image folder with 3 classes and layers ending in 10 (walk53 #5): the CLI fits the
output layer when --arch is not given, and names the layers to type when it is; the form says
it under Layers before Train, and fits the output when the folder is chosen."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from nndesk import cli
from nndesk.data.folders import class_folder_names
from nndesk.nn.architecture import output_count, with_outputs
from nndesk.nn.serialization import load_model

CLASSES = ("circle", "square", "triangle")


@pytest.fixture
def shapes(tmp_path):
    """Three classes of small drawings and an empty folder the loader skips, as walk53 had."""
    rng = np.random.default_rng(0)
    root = tmp_path / "shapes"
    for k, name in enumerate(CLASSES):
        (root / name).mkdir(parents=True)
        for i in range(8):
            img = np.full((40, 40), 255, np.uint8)
            r, c = rng.integers(4, 12, 2)
            img[r : r + 6 + 8 * k, c : c + 20 - 6 * k] = 0
            Image.fromarray(img).save(root / name / f"{i}.png")
    (root / "empty").mkdir()
    return root


def test_with_outputs_sets_the_last_layer_of_an_mlp_or_a_cnn():
    assert with_outputs("784-64-10", 3) == "784-64-3"
    assert with_outputs("784-C32-p-128 -10", 3) == "784-c32-p-128-3"
    assert output_count("784-c32-p-128-10") == 10
    assert output_count("784-x-10") is None


def test_the_folder_classes_leave_out_an_empty_folder(shapes):
    assert class_folder_names(shapes) == list(CLASSES)
    assert class_folder_names(shapes / "nowhere") == []


def test_cli_without_arch_fits_the_output_to_the_folder_and_says_so(shapes, tmp_path, capsys):
    out = tmp_path / "shapes.npz"
    argv = ["train", "--dataset", str(shapes), "--epochs", "1", "--out", str(out)]
    assert cli.main([*argv, "--arch", "784-16-10", "--batch-size", "8"]) == 2
    err = capsys.readouterr().err
    assert "make its last layer 3, e.g. 784-16-3" in err
    assert cli.main([*argv, "--batch-size", "8"]) == 0
    said = capsys.readouterr().out
    assert "the last one fitted to the folder's 3 classes" in said
    assert load_model(out).info["class_names"] == list(CLASSES)


def test_the_form_says_under_layers_that_the_last_layer_must_be_3(qtbot, shapes):
    from nndesk.ui.train_form import FOLDER, TrainForm

    form = TrainForm()
    qtbot.addWidget(form)
    form.arch.setText("784-32-10")
    form._check_arch()
    form.dataset.setCurrentIndex(form.dataset.findData(FOLDER))
    form.folder.setText(str(shapes))  # typed: nothing is rewritten while the path is typed
    assert form.arch.text() == "784-32-10"
    assert "e.g. 784-32-3" in form.errors()["arch"]
    assert not form.is_valid()
    form.folder.editingFinished.emit()  # the path left (Enter, or the next field)
    assert form.arch.text() == "784-32-3"
    assert "arch" not in form.errors() and form.is_valid()
    assert not form._arch_timer.isActive()  # its pending check once wiped the note below
    assert "last layer set to 3: the folder has 3 classes" in form.arch_summary.text()
    assert form.config().arch == "784-32-3"


def test_a_layers_field_that_does_not_fit_the_folder_says_so_in_one_line(qtbot, shapes):
    """fix54a #4: under a refused Layers field the green "784-32-10 → 25,738 parameters" (or
    "last layer set to 3") stood above the red "ends with 10 outputs but shapes has 3
    classes": two lines naming the layers. The reason alone shows; the count comes back with
    layers that fit."""
    from nndesk.ui.train_form import FOLDER, TrainForm

    form = TrainForm()
    qtbot.addWidget(form)
    form.show()
    form.arch.setText("784-32-10")
    form._check_arch()
    assert form.arch_summary.isVisible()  # any dataset: the layers and their parameters
    form.dataset.setCurrentIndex(form.dataset.findData(FOLDER))
    form.folder.setText(str(shapes))
    (error,) = [label for label in form._error_labels.values() if label.isVisible()]
    assert "ends with 10 outputs but shapes has 3 classes" in error.text()
    assert not form.arch_summary.isVisible()
    form.folder.editingFinished.emit()  # fitted: the count and "last layer set to 3" again
    assert form.arch_summary.isVisible() and not error.isVisible()
    assert "last layer set to 3" in form.arch_summary.text()
    form.arch.setText("784-32-4")  # typed over: the note no longer holds, its reason shows
    form._check_arch()
    assert not form.arch_summary.isVisible() and error.isVisible()


@pytest.mark.parametrize(("dataset", "title"), [("mnist", "MNIST"), ("fashion", "Fashion-MNIST")])
def test_the_form_refuses_layers_not_ending_in_a_datasets_10_classes(qtbot, dataset, title):
    """lab56 D11: "784-64-64" (or 784-64-3) on MNIST or Fashion-MNIST showed valid, with its
    parameter count, until Train said the error four times, naming the dataset "fashion"."""
    from nndesk.i18n import localised
    from nndesk.ui.train_form import TrainForm

    form = TrainForm()
    qtbot.addWidget(form)
    form.dataset.setCurrentIndex(form.dataset.findData(dataset))
    form.arch.setText("784-64-3")
    form._check_arch()  # as the typing timer does
    form._validate()
    assert localised(form.errors()["arch"]) == (
        f"the architecture ends with 3 outputs but {title} has 10 classes; make its last "
        "layer 10, e.g. 784-64-10"
    )
    assert not form.is_valid()
    form.arch.setText("784-64-10")
    form._check_arch()
    form._validate()
    assert form.is_valid()


def test_the_cli_names_a_registered_dataset_by_its_title_when_the_outputs_do_not_fit(
    tiny_idx_dir, tmp_path, capsys
):
    out = tmp_path / "m.npz"
    argv = ["train", "--dataset", "mnist", "--arch", "784-8-3", "--epochs", "1"]
    assert cli.main([*argv, "--data-dir", str(tiny_idx_dir), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "ends with 3 outputs but MNIST has 10 classes" in err, err
