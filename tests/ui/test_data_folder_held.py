"""The data folder's note names the datasets it holds in sub-folders: a student chose
.../data/mnist, read "Data folder: .../data" and wondered whether the choice was taken (walk72
F8)."""

from __future__ import annotations

from nndesk.controllers.datasets import sub_folders_held
from nndesk.data.folder_order import FROM_WINDOW, DataFolder
from nndesk.ui.data_folder_note import data_folder_note


def test_a_folder_of_dataset_sub_folders_is_named_with_them(tmp_path, qapp):
    (tmp_path / "mnist").mkdir()
    (tmp_path / "fashion-mnist").mkdir()
    (tmp_path / "other").mkdir()
    held = sub_folders_held(str(tmp_path))
    assert held == (("MNIST", "mnist"), ("Fashion-MNIST", "fashion-mnist"))
    note = data_folder_note(DataFolder(str(tmp_path), FROM_WINDOW), held=held)
    assert note == f"Data folder:\n{tmp_path}\n(MNIST in mnist/, Fashion-MNIST in fashion-mnist/)"
    # a folder that holds the files itself, or is missing, says no more than before
    assert sub_folders_held(str(tmp_path / "other")) == ()
    missing = data_folder_note(DataFolder(str(tmp_path), FROM_WINDOW), missing=True, held=held)
    assert "mnist/" not in missing


def test_the_sub_folders_read_in_vietnamese(tmp_path, qapp):
    from nndesk.ui import language

    (tmp_path / "mnist").mkdir()
    assert language.use_language("vi") == "vi"
    try:
        note = data_folder_note(
            DataFolder(str(tmp_path), FROM_WINDOW), held=sub_folders_held(str(tmp_path))
        )
    finally:
        language.use_language("en")
    assert note.endswith("(MNIST trong mnist/)"), note
