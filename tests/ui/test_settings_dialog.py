"""File > Settings…: the dialog is as tall as the lines it shows."""

from __future__ import annotations

import pytest

from nndesk.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import shown_widget

NOTE = "Data folder, from NNDESK_DATA_DIR:\n/srv/class/data\nCommands and the next start read it"


@pytest.fixture
def dialog(qtbot, tmp_path):
    (tmp_path / "env").mkdir()
    (tmp_path / "mine").mkdir()
    dialog = SettingsDialog(str(tmp_path / "env"), None, folder_source=NOTE)
    return shown_widget(qtbot, dialog)


def _blank_below_the_buttons(dialog: SettingsDialog) -> int:
    """Pixels between the buttons' bottom and the dialog's, beyond the layout's margin."""
    margin = dialog.layout().contentsMargins().bottom()
    return dialog.height() - dialog.buttons.geometry().bottom() - 1 - margin


def test_the_dialog_shrinks_when_the_folders_source_note_hides(qtbot, dialog, tmp_path):
    """Another folder typed hides the note on where the first one came from; the dialog kept
    its height, a blank gap above the buttons (walk45)."""
    assert dialog.folder_source.isVisibleTo(dialog)
    tall = dialog.height()
    assert _blank_below_the_buttons(dialog) <= 2
    dialog.data_dir_edit.setText(str(tmp_path / "mine"))
    assert not dialog.folder_source.isVisibleTo(dialog)
    qtbot.waitUntil(lambda: dialog.height() < tall)
    # the buttons sit at the bottom: no gap the note's lines leave
    assert _blank_below_the_buttons(dialog) <= 2
    assert tall - dialog.height() >= 2 * dialog.fontMetrics().height()
    # and it grows again for the note, every line of it shown
    dialog.data_dir_edit.setText(str(tmp_path / "env"))
    qtbot.waitUntil(lambda: dialog.height() >= tall)
    assert dialog.folder_source.height() >= dialog.folder_source.sizeHint().height()


def test_the_dialog_grows_and_shrinks_with_the_problem_line(qtbot, dialog, tmp_path):
    short = dialog.height()
    dialog.mirror_edit.setText("ftp://nowhere")
    assert dialog.problem.isVisibleTo(dialog)
    qtbot.waitUntil(lambda: dialog.height() > short)
    dialog.mirror_edit.setText("")
    qtbot.waitUntil(lambda: dialog.height() == short)
    assert _blank_below_the_buttons(dialog) <= 2


@pytest.fixture
def refused(tmp_path, monkeypatch):
    """A folder this user may not look into (mode 000, another user's), as the system refuses
    it to a normal user: a stat under it raises EACCES, and access() says no (tests run as
    root, who may read any folder)."""
    import errno
    import os

    locked = tmp_path / "locked"
    locked.mkdir()
    real_stat, real_access = os.stat, os.access

    def stat(path, *args, **kwargs):
        if os.fspath(path).startswith(str(locked) + os.sep):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr(
        os, "access", lambda p, mode, **kw: os.fspath(p) != str(locked) and real_access(p, mode)
    )
    return locked


def test_a_folder_typed_under_one_that_cannot_be_read_is_said_in_one_line(qtbot, dialog, refused):
    """Run as a normal user, typing a path inside a folder of mode 000 raised PermissionError
    from the field's check at every key (a traceback each); it is said in one line, and OK
    waits for a folder nndesk can read."""
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    for folder in (refused / "mnist", refused):
        dialog.data_dir_edit.setText(str(folder))
        assert dialog.problem.isVisibleTo(dialog)
        assert dialog.problem.text() == f"This folder cannot be read (Permission denied): {folder}"
        assert not ok.isEnabled()
    dialog.mirror_edit.setText(str(refused / "mirror"))  # the mirror's check too
    dialog.data_dir_edit.setText("")
    assert dialog.problem.text() == (
        f"This folder cannot be read (Permission denied): {refused / 'mirror'}"
    )


def test_a_data_folder_that_cannot_be_read_is_said_when_the_dialog_opens(qtbot, refused):
    """File > Settings… with the data folder of another user: said at once, in the window's
    language; OK keeps it as it is (the mirror may be what the person came to change)."""
    from nndesk.ui import language

    for code, line in (
        ("en", f"This folder cannot be read (Permission denied): {refused}"),
        ("vi", f"Không đọc được thư mục này (không có quyền truy cập): {refused}"),
    ):
        language.use_language(code)
        try:
            dialog = SettingsDialog(str(refused), None)
            qtbot.addWidget(dialog)
        finally:
            language.use_language("en")
        assert dialog.problem.text() == line
        assert not dialog.problem.isHidden()
        assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
