"""File > Settings…: where datasets come from (the data folder and a classroom mirror)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from nndesk.data.download import mirror_address_refused
from nndesk.errors import os_reason
from nndesk.i18n import QT_TRANSLATE_NOOP
from nndesk.ui import theme
from nndesk.ui.buttons import tipped_button
from nndesk.ui.file_dialogs import OWN_FOLDERS
from nndesk.ui.language import translate, translate_marked
from nndesk.ui.save_place import start_folder

MIRROR_HELP = QT_TRANSLATE_NOOP(
    "SettingsDialog",
    "A teacher can serve the datasets on the school network: a web address or a shared folder "
    "holding <b>mnist/</b> and <b>fashion-mnist/</b>, each with the four standard files. "
    "It is tried before the public mirrors, and every file must match the published checksum.",
)


def mirror_problem(text: str) -> str | None:
    """Why ``text`` is not a usable mirror (None when it is, or when it is empty)."""
    text = text.strip()
    if not text or text.lower().startswith(("http://", "https://")):
        return None
    if mirror_address_refused(text):
        return translate(
            "SettingsDialog", "A mirror is an http:// or https:// address, or a folder."
        )
    folder = Path(text[len("file://") :] if text.lower().startswith("file://") else text)
    refused = _refused(folder)
    if refused is not None:
        return refused
    if not _is_dir(folder):
        return translate("SettingsDialog", "No such folder: {folder}").format(folder=folder)
    return None


def _is_dir(path: Path) -> bool:
    try:
        return path.expanduser().is_dir()
    except (OSError, ValueError):  # refused on the way (``_refused`` says so), a NUL
        return False


def _refused(folder: Path) -> str | None:
    """The line for a folder this user may not look into (another user's, mode 000; a stat
    refused on the way there, a name too long), else None. A stat and an access check: a
    typed path under such a folder raised PermissionError from the field's check at each key
    (a traceback per character, run as a normal user)."""
    path = folder.expanduser()
    try:
        if path.is_dir() and not os.access(path, os.R_OK | os.X_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
    except ValueError:  # a NUL: no such folder
        return None
    except OSError as err:
        return translate(
            "SettingsDialog", "This folder cannot be read ({reason}): {folder}"
        ).format(reason=os_reason(err), folder=folder)
    return None


def folder_problem(text: str) -> str | None:
    """Why ``text`` is not a data folder nndesk can read (None when it is, or when it is
    empty): not there, or this user may not look into it."""
    text = text.strip()
    if not text:
        return None
    refused = _refused(Path(text))
    if refused is not None:
        return refused
    if not _is_dir(Path(text)):
        return translate("SettingsDialog", "No such data folder: {folder}").format(folder=text)
    return None


class SettingsDialog(QDialog):
    """Edits the data folder and the classroom mirror; ``values()`` gives them after OK.

    ``folder_source``: where ``data_dir`` comes from when the person did not choose it
    (``data_folder_note.environment_note``), shown under it while the field still holds it.
    """

    def __init__(
        self,
        data_dir: str | None,
        mirror: str | None,
        parent: QWidget | None = None,
        folder_source: str = "",
    ) -> None:
        super().__init__(parent)
        self._data_dir = data_dir or ""
        self.setWindowTitle(translate("SettingsDialog", "Settings"))
        self.data_dir_edit = QLineEdit(data_dir or "")
        self.data_dir_edit.setPlaceholderText(
            translate("SettingsDialog", "none: datasets are downloaded into nndesk's cache")
        )
        self.data_dir_edit.setToolTip(
            translate(
                "SettingsDialog",
                "This mode's data folder (each mode keeps its own): one holding the IDX files, or "
                "mnist/ and fashion-mnist/ sub-folders, which serves both modes",
            )
        )
        browse = tipped_button(
            translate("SettingsDialog", "Browse…"),
            translate("SettingsDialog", "Choose the data folder"),
        )
        browse.clicked.connect(self._on_browse_clicked)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.data_dir_edit, 1)
        folder_row.addWidget(browse)
        self.mirror_edit = QLineEdit(mirror or "")
        self.mirror_edit.setPlaceholderText(
            translate("SettingsDialog", "e.g. http://teacher-pc:8000/ or /mnt/class/datasets")
        )
        self.mirror_edit.setToolTip(
            translate("SettingsDialog", "Tried before the public mirrors (also $NNDESK_MIRROR)")
        )
        self.mirror_edit.textChanged.connect(self._on_edit_text_changed)
        self.data_dir_edit.textChanged.connect(self._on_edit_text_changed)
        help_label = QLabel(translate_marked("SettingsDialog", MIRROR_HELP))
        help_label.setWordWrap(True)
        self.folder_source = QLabel(folder_source)
        # unwrapped: each line is short or a path, and a wrapped label in the form's field
        # column was given too little height (Vietnamese lines were cut)
        theme.set_tone(self.folder_source, "muted")
        self.problem = QLabel("")
        theme.set_tone(self.problem, "error")  # readable in the light and the dark theme
        self.problem.setVisible(False)
        form = QFormLayout()
        form.addRow(translate("SettingsDialog", "Data folder"), folder_row)
        form.addRow("", self.folder_source)
        form.addRow(translate("SettingsDialog", "Classroom mirror"), self.mirror_edit)
        self.form = form
        form.setRowVisible(self.folder_source, bool(folder_source))  # no gap for a hidden note
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(
            translate("SettingsDialog", "Use and remember these settings")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(
            translate("SettingsDialog", "Close without changing anything")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(help_label)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._on_edit_text_changed("")  # a folder that is gone or cannot be read: said at once
        self.resize(560, self.sizeHint().height())
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the lines shown need at this width: the dialog grows for a line by
        itself, but kept its height once the data folder's source note hid, a blank gap above
        the buttons (walk45)."""
        layout = self.layout()
        layout.activate()
        width = self.width()
        height = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        self.resize(width, max(height, layout.totalMinimumSize().height()))

    def values(self) -> tuple[str | None, str | None]:
        """(data folder, mirror), None for empty."""
        return (self.data_dir_edit.text().strip() or None, self.mirror_edit.text().strip() or None)

    @Slot(str)
    def _on_edit_text_changed(self, _text: str) -> None:
        folder = self.data_dir_edit.text().strip()
        # once edited, OK reads the folder typed here, not the environment's
        shown = (self.form.isRowVisible(self.folder_source), self.problem.isVisibleTo(self))
        self.form.setRowVisible(
            self.folder_source, bool(self.folder_source.text()) and folder == self._data_dir
        )
        mirror = mirror_problem(self.mirror_edit.text())
        problem = folder_problem(folder) or mirror
        self.problem.setText(problem or "")
        self.problem.setVisible(problem is not None)
        # a folder typed here must be one nndesk can read; the one the dialog opened with
        # (said at once when it cannot be read) stays as it is on OK
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            problem is None or (mirror is None and folder == self._data_dir.strip())
        )
        if shown != (self.form.isRowVisible(self.folder_source), self.problem.isVisibleTo(self)):
            self._fit_height()  # a line came or went

    @Slot()
    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self,
            translate("SettingsDialog", "Data folder"),
            start_folder(self.data_dir_edit.text().strip()),
            options=OWN_FOLDERS,
        )
        if folder:
            self.data_dir_edit.setText(folder)
