"""A data folder nndesk may not look into (walk55b D2: a folder of another user, a USB stick
mounted by root with mode 700): the Train page said "Ready" with a traceback in the terminal,
Evaluate showed the raw "PermissionError: [Errno 13] …", "Show test image" said "could not
load mnist: [Errno 13] …" and the note under the canvas "Data folder not found". Every page now
says one line naming the folder and why it cannot be read, with Download and Choose a folder….

The tests run as root, which may read any folder: ``os.stat`` refuses the folder here as the
system refuses another user (a name too long, refused by the system whoever asks, is a test of
its own).
"""

from __future__ import annotations

import errno
import logging
import os

import pytest

from nndesk import preferences
from nndesk.controllers import datasets


@pytest.fixture
def locked(tmp_path, monkeypatch):
    """A folder whose stat, and every stat under it, is refused as the system refuses a
    folder of another user (EACCES), chosen as MNIST's data folder."""
    folder = tmp_path / "locked" / "mnist"
    folder.mkdir(parents=True)
    real_stat = os.stat
    refused = str(tmp_path / "locked")

    def stat(path, *args, **kwargs):
        if os.fspath(path).startswith(refused):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    preferences.set_data_dir(str(folder), "mnist")
    datasets.forget_datasets()
    yield folder
    datasets.forget_datasets()


def said(folder, reason: str = "Permission denied") -> str:
    """The line every page says (the reason in the system's words, translated in Vietnamese)."""
    return (
        f"The data folder {folder} cannot be read ({reason}): choose a folder you can read, "
        "or download MNIST into nndesk's cache."
    )


def test_a_folder_that_cannot_be_read_is_said_so_by_every_look_at_the_data(locked):
    assert datasets.missing_dataset("mnist") == "mnist"  # raised PermissionError
    assert datasets.missing_text("mnist") == said(locked)
    assert datasets.folder_state(str(locked), "mnist") == "unreadable"  # was "not found"
    assert datasets.folder_unfit("mnist") is None and datasets.copy_in_use("mnist") is None
    with pytest.raises(datasets.DatasetMissing) as caught:
        datasets.get_test_split("mnist")  # Evaluate and "Show test image"
    assert str(caught.value) == said(locked)
    assert datasets.failure_offer(caught.value) == datasets.DataOffer("mnist")


def test_a_name_the_system_refuses_is_said_with_its_reason(tmp_path):
    """The same look, with no stand-in: a name longer than the system takes (the walk's
    root-side repro) gives ENAMETOOLONG, which pathlib's is_dir lets out as it does EACCES."""
    folder = tmp_path / ("x" * 300)
    preferences.set_data_dir(str(folder), "mnist")
    datasets.forget_datasets()
    assert datasets.missing_dataset("mnist") == "mnist"
    assert datasets.missing_text("mnist") == said(folder, "File name too long")
    datasets.forget_datasets()


def test_a_folder_that_cannot_be_read_is_said_on_every_page_with_the_ways_out(
    qtbot, window_factory, locked, tiny_model_file, caplog
):
    from nndesk.inference import Classifier

    caplog.set_level(logging.ERROR)
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))  # a digits model
    note = desk.window.status_note
    qtbot.waitUntil(lambda: note.text() == f"Data folder cannot be read:\n{locked}", timeout=10_000)
    train = desk.train_page
    desk.window.tabs.setCurrentWidget(train)
    qtbot.waitUntil(lambda: train.data_banner.text() == said(locked), timeout=10_000)
    assert train.progress.format() == "Needs a dataset"  # was "Ready"
    banner = train.data_banner
    assert banner.download_button.isVisibleTo(banner)
    assert banner.folder_button.isVisibleTo(banner)
    page = desk.evaluate_page
    with qtbot.waitSignal(desk.evaluation.failed, timeout=20_000):
        desk.window.tabs.setCurrentWidget(page)
    assert page.message.text() == said(locked)  # was "PermissionError: [Errno 13] …"
    assert page.message.offered_dataset() == "mnist"
    desk.window.request_test_image(3)
    coordinator = desk.coordinator
    qtbot.waitUntil(
        lambda: coordinator.download_dialog is not None and coordinator.download_dialog.isVisible(),
        timeout=10_000,
    )
    assert coordinator.download_dialog.banner.text() == said(locked)  # "could not load mnist"
    assert not [r for r in caplog.records if "off the GUI thread failed" in r.getMessage()]


def test_a_file_this_user_may_not_read_is_not_called_damaged(tiny_idx_dir, tiny_mnist, monkeypatch):
    """The same folder-level refusal, one file down: a test-image file of another user (mode
    600) read as "cannot read (permission denied); the file is corrupt or truncated" and was
    offered as "The MNIST file … is damaged (corrupt or cut short)". It is said as refused; the
    download is still offered (its verified copy is read instead, as for a damaged file)."""
    from nndesk.data import idx

    refused = tiny_idx_dir / "t10k-images-idx3-ubyte.gz"

    def refusing_open(path, *args, **kwargs):
        if os.fspath(path) == str(refused):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(idx, "open", refusing_open, raising=False)
    preferences.set_data_dir(str(tiny_idx_dir), "mnist")
    datasets.forget_datasets()
    with pytest.raises(datasets.DatasetDamaged) as caught:
        datasets.get_test_split("mnist")
    assert str(caught.value).splitlines()[0] == (
        "You may not read the MNIST file t10k-images-idx3-ubyte.gz (permission denied)."
    )
    assert caught.value.offer.details.startswith(
        "t10k-images-idx3-ubyte.gz: cannot read (Permission denied). It is in "
    )
    assert datasets.damaged_message("mnist")[0] == str(caught.value)  # said again the same
    datasets.forget_datasets()


def test_the_folder_dialog_opens_beside_a_folder_it_may_not_list(
    qtbot, window_factory, tmp_path, monkeypatch
):
    """walk55c D8: with an unreadable data folder chosen (mode 000, another user's), File >
    Data folder… opened Qt's dialog inside it: an empty list, and Qt's file watcher printed
    "inotify_add_watch(…) failed: (Permission denied)" on the terminal. It opens in the
    nearest folder that can be listed, where the unreadable one shows by name. (Tests run as
    root, who may list any folder: ``os.access`` refuses it here as it refuses another user.)"""
    from PySide6.QtWidgets import QFileDialog

    locked = tmp_path / "usb" / "locked"
    locked.mkdir(parents=True)
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda path, mode, **kw: os.fspath(path) != str(locked) and real_access(path, mode, **kw),
    )
    preferences.set_data_dir(str(locked), "mnist")
    starts: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getExistingDirectory",
        lambda parent, title, start, **k: starts.append(start) or "",
    )
    desk = window_factory(mode="digits")
    desk.window.choose_data_folder(None)  # File > Data folder…
    desk.window.choose_data_folder("mnist")  # a banner's Choose a folder…
    assert starts == [str(tmp_path / "usb")] * 2
    datasets.forget_datasets()
