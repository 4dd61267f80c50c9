"""File > Settings…: the dialog is as tall as the lines it shows."""

from __future__ import annotations

import pytest

from nndesk.ui.settings_dialog import SettingsDialog

NOTE = "Data folder, from NNDESK_DATA_DIR:\n/srv/class/data\nCommands and the next start read it"


@pytest.fixture
def dialog(qtbot, tmp_path):
    (tmp_path / "env").mkdir()
    (tmp_path / "mine").mkdir()
    dialog = SettingsDialog(str(tmp_path / "env"), None, folder_source=NOTE)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


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
