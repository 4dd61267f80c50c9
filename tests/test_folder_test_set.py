"""A model trained on an image folder is scored on the images it did not train on (fix55a):
the folder's split is recorded in the model file (never its path), the folder is the one the
run's record or the person names, and a folder changed since training is said."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from nndesk import cli
from nndesk.data.folders import FolderSplit, load_image_folder
from nndesk.errors import DataError
from nndesk.folder_test_set import (
    GIVEN,
    RUN_RECORD,
    TRAIN_FORM,
    load_folder_test_set,
    no_folder_error,
    trained_folder,
)
from nndesk.inference import Classifier
from nndesk.paths import runs_dir

CLASSES = ("bar", "block", "line")


def write_shapes(root: Path, per_class: int = 10, seed: int = 0) -> Path:
    """Three classes of noisy drawn shapes, PNG files in one sub-folder per class."""
    rng = np.random.default_rng(seed)
    for k, name in enumerate(CLASSES):
        (root / name).mkdir(parents=True, exist_ok=True)
        for i in range(per_class):
            img = np.full((40, 40), 255, np.uint8)
            r, c = rng.integers(4, 12, 2)
            h, w = ((22, 4), (14, 14), (4, 22))[k]
            img[r : r + h, c : c + w] = 0
            img[rng.random(img.shape) < 0.05] = 128
            Image.fromarray(img).save(root / name / f"img_{i:02d}.png")
    return root


def train_on(folder: Path, *extra: str) -> Path:
    """`nndesk train --dataset FOLDER`: the model file it saved (a run in the runs folder
    unless ``--out`` is given)."""
    before = set(runs_dir().glob("*/model.npz")) if runs_dir().is_dir() else set()
    argv = ["train", "--dataset", str(folder), "--epochs", "1", "--batch-size", "8", *extra]
    assert cli.main([*argv, "--arch", "784-8-3"]) == 0
    if "--out" in extra:
        return Path(extra[extra.index("--out") + 1])
    (made,) = set(runs_dir().glob("*/model.npz")) - before
    return made


@pytest.fixture
def shapes(tmp_path):
    return write_shapes(tmp_path / "shapes")


@pytest.fixture
def run_model(shapes):
    return train_on(shapes)


def test_a_folder_model_records_how_its_split_was_drawn_and_no_path(shapes, run_model):
    info = Classifier.from_file(run_model).info
    recorded = FolderSplit.from_info(info["image_folder"])
    split = load_image_folder(shapes).folder_split
    assert recorded == FolderSplit(30, 6, 0.2, 0, split.sha256)  # test_files are not kept
    assert str(shapes) not in json.dumps(info["image_folder"])


def test_its_held_out_images_are_the_ones_the_split_held_out(shapes, run_model):
    clf = Classifier.from_file(run_model)
    test_set = load_folder_test_set(clf, str(shapes), GIVEN)
    again = load_image_folder(shapes)
    np.testing.assert_array_equal(test_set.dataset.test_images, again.test_images)
    np.testing.assert_array_equal(test_set.dataset.test_labels, again.test_labels)
    assert test_set.source.changed is None and test_set.source.same_images is True
    files = test_set.source.test_files
    assert len(files) == 6 and all(f.split("/")[0] in CLASSES for f in files)
    # each file named is the image at its place in the test split
    from nndesk.preprocess import for_kind, load_image

    for i, file in enumerate(files):
        image = np.rint(for_kind("digits")(load_image(shapes / file))).astype(np.uint8)
        np.testing.assert_array_equal(image, test_set.dataset.test_images[i])


def test_a_folder_changed_since_training_is_said_and_still_scored(shapes, run_model):
    clf = Classifier.from_file(run_model)
    shutil.copy(shapes / "bar" / "img_00.png", shapes / "bar" / "new.png")
    test_set = load_folder_test_set(clf, str(shapes), GIVEN)
    assert "has changed since this model was trained (30 images then, 31 now)" in str(
        test_set.source.changed
    )
    assert len(test_set.dataset.test_labels) == 6 and test_set.source.same_images is False


def test_a_moved_folder_with_the_same_images_is_the_same(shapes, run_model, tmp_path):
    moved = shutil.copytree(shapes, tmp_path / "elsewhere" / "renamed")
    clf = Classifier.from_file(run_model)
    assert load_folder_test_set(clf, str(moved), GIVEN).source.changed is None


def test_an_older_model_file_without_the_record_says_a_change_cannot_be_seen(shapes, run_model):
    clf = Classifier.from_file(run_model)
    del clf.info["image_folder"]
    source = load_folder_test_set(clf, str(shapes), GIVEN).source
    assert "does not record which images" in str(source.changed)
    assert source.same_images is None


def test_a_gone_folder_or_another_folder_is_one_line(shapes, run_model, tmp_path):
    clf = Classifier.from_file(run_model)
    with pytest.raises(DataError, match="is not there any more"):
        load_folder_test_set(clf, str(tmp_path / "gone"), RUN_RECORD)
    other = tmp_path / "other"
    for name in ("cat", "dog"):
        shutil.copytree(shapes / "bar", other / name)
    with pytest.raises(DataError, match="holds the classes cat, dog, not this model's bar"):
        load_folder_test_set(clf, str(other), GIVEN)


def test_the_folder_is_the_run_records_or_the_chosen_one_never_the_files(
    shapes, run_model, tmp_path
):
    clf = Classifier.from_file(run_model)
    assert trained_folder(clf, None, runs_dir()) == (str(shapes), RUN_RECORD)
    # the same file outside the runs folder, with its run.json beside it: not trusted
    stranger = tmp_path / "handed-over" / "run"
    shutil.copytree(run_model.parent, stranger)
    handed = Classifier.from_file(stranger / "model.npz")
    assert handed.info["config"]["dataset"] == str(shapes)  # the file names it...
    assert trained_folder(handed, None, runs_dir()) is None  # ...and it is not read
    assert trained_folder(handed, str(shapes), runs_dir()) == (str(shapes), TRAIN_FORM)
    other = tmp_path / "other"
    for name in ("cat", "dog"):
        shutil.copytree(shapes / "bar", other / name)
    assert trained_folder(handed, str(other), runs_dir()) is None
    assert "choose that folder as the image folder on the Train page" in str(
        no_folder_error(handed)
    )


def test_the_run_records_folder_wins_and_a_gone_one_is_named(shapes, run_model, tmp_path):
    clf = Classifier.from_file(run_model)
    copy = shutil.copytree(shapes, tmp_path / "copy")
    assert trained_folder(clf, str(copy), runs_dir()) == (str(shapes), RUN_RECORD)
    shutil.rmtree(shapes)
    assert trained_folder(clf, str(copy), runs_dir()) == (str(copy), TRAIN_FORM)
    assert trained_folder(clf, None, runs_dir()) == (str(shapes), RUN_RECORD)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=70),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)
_fields = st.fixed_dictionaries(
    {},
    optional={
        "images": _json | st.integers(-5, 10**6),
        "held_out": _json | st.integers(-5, 10**6),
        "test_fraction": _json | st.floats(-1, 2),
        "seed": _json | st.integers(-5, 2**64),
        "sha256": _json | st.text("0123456789abcdef", min_size=63, max_size=65),
    },
)


@given(_json | _fields)
def test_a_recorded_split_from_any_file_is_read_or_refused_never_a_crash(value):
    split = FolderSplit.from_info(value)
    if split is not None:
        assert 0 <= split.held_out <= split.images and 0 <= split.test_fraction < 1
        assert len(split.sha256) == 64 and 0 <= split.seed < 2**63
        assert FolderSplit.from_info(split.to_info()) == split


def test_cli_evaluates_a_folder_model_given_its_folder_with_data_dir(shapes, tmp_path, capsys):
    model = train_on(shapes, "--out", str(tmp_path / "shapes.npz"))
    capsys.readouterr()
    argv = ["evaluate", str(model), "--data-dir", str(shapes), "--json"]
    assert cli.main(argv) == 0
    out = capsys.readouterr()
    result = json.loads(out.out.strip().splitlines()[-1])
    assert result["data"] == {"folder": str(shapes), "from": "--data-dir", "same_images": True}
    assert result["dataset"] == "shapes" and sum(map(sum, result["confusion"])) == 6
    assert set(result["per_class"]) == set(CLASSES)
    assert "note:" not in out.err
    # --dataset FOLDER too, and a folder changed since: said on stderr, still scored
    shutil.copy(shapes / "bar" / "img_00.png", shapes / "bar" / "new.png")
    assert cli.main(["evaluate", str(model), "--dataset", str(shapes), "--json"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out.strip().splitlines()[-1])["data"]["same_images"] is False
    assert "note: " in out.err and "30 images then, 31 now" in out.err


def test_cli_refuses_a_data_dir_that_is_no_image_folder_in_one_line(shapes, tmp_path, capsys):
    model = train_on(shapes, "--out", str(tmp_path / "shapes.npz"))
    capsys.readouterr()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli.main(["evaluate", str(model), "--data-dir", str(empty)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"{empty} is no image folder" in err[0] and "Traceback" not in err[0]


def test_a_folder_with_its_own_test_sub_folder_is_scored_on_that(tmp_path):
    root = tmp_path / "given"
    write_shapes(root / "train", per_class=8)
    write_shapes(root / "test", per_class=2, seed=1)
    clf = Classifier.from_file(train_on(root))
    assert clf.info["image_folder"]["test_fraction"] == 0.0
    test_set = load_folder_test_set(clf, str(root), GIVEN)
    assert len(test_set.dataset.test_labels) == 6 and test_set.source.same_images is True
    assert all(f.startswith("test/") for f in test_set.source.test_files)
