"""The window's one save dialog: Save model…, Export PNG…, the CSV and report exports, Export
code, the Lab's and the Dataset page's saves all ask here.

Qt's own dialog (``OPTIONS``) for every save: Export code's needs it (a note under the file
list, which a desktop's native dialog has no room for), and the others asked in the desktop's
(GTK) dialog, so a student saw two different dialogs for "save" (walk58 #9, dialogs59). It opens
in the folder saved to last (``save_place``), on a name that says what is saved (the model's or
the run's) and that no file there has yet. The ending is the dialog's default suffix, so its
"replace?" question is about the file written; a name typed with another ending gets it added,
and that file, if it exists, is asked about once here (the dialog asked about the typed one).
The writes themselves are each caller's, atomic (``fileio.atomic_path``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QLabel,
    QMessageBox,
    QWidget,
)

from nndesk.controllers.worker_freeing import free_later
from nndesk.ui.file_dialogs import OWN
from nndesk.ui.language import translate
from nndesk.ui.save_place import free_save_start, remember_saved

#: the options of every save dialog of the window: Qt's own, never the desktop's
OPTIONS = OWN
#: the object name of a dialog's note (under the file list)
NOTE_NAME = "saveNote"
#: the object name of a chart's save dialog's "Dark background" box
DARK_BOX_NAME = "saveDark"


def chart_note() -> str:
    """What a chart's save dialog says of the picture it writes (fixI #3: the dark theme's
    dark PNG was pasted into a light report)."""
    return translate(
        "SaveDialog",
        "Saved dark on white, ready for a report or a slide. Tick Dark background for the "
        "dark theme's colours.",
    )


def ask_chart_path(
    parent: QWidget, title: str, stem: str, filters: str, folder: str = ""
) -> tuple[str, bool]:
    """``ask_save_path`` for a chart's PNG, its note saying it is saved dark on white and a
    "Dark background" box (unticked) for the dark theme's colours: (path or "", dark)."""
    dark = QCheckBox(translate("SaveDialog", "Dark background (the dark theme's colours)"))
    dark.setObjectName(DARK_BOX_NAME)
    chosen: list[bool] = []
    path = ask_save_path(
        parent, title, stem, ".png", filters, folder, chart_note(), dark, chosen.append
    )
    return path, bool(chosen and chosen[0])


def ask_save_path(
    parent: QWidget,
    title: str,
    stem: str,
    suffix: str,
    filters: str,
    folder: str = "",
    note: str = "",
    extra: QCheckBox | None = None,
    read_extra=None,
) -> str:
    """The path the person chose to save to, ending in ``suffix`` (".npz"), or "" when they
    cancelled (or would not replace a file). The dialog starts on ``stem`` + ``suffix`` in
    ``folder`` (default: the folder saved to last), "-2", "-3"… added while a file has that
    name; ``note``, when given, is shown in its body under the file list, wrapped, and
    ``extra`` (a check box) under it, whose state ``read_extra(checked)`` is told when the
    dialog is accepted. The folder chosen is remembered for the next save."""
    dialog = QFileDialog(parent, title, free_save_start(stem, suffix, folder), filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOptions(OPTIONS)
    dialog.setDefaultSuffix(suffix.lstrip("."))  # a name without an ending gets this one
    if note:
        label = QLabel(note, dialog)
        label.setObjectName(NOTE_NAME)
        label.setWordWrap(True)
        layout = dialog.layout()
        if isinstance(layout, QGridLayout):  # Qt's dialog: rows of label, field, buttons
            layout.addWidget(label, layout.rowCount(), 0, 1, layout.columnCount())
    if extra is not None:
        layout = dialog.layout()
        if isinstance(layout, QGridLayout):
            extra.setParent(dialog)
            layout.addWidget(extra, layout.rowCount(), 0, 1, layout.columnCount())
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return ""
        chosen = dialog.selectedFiles()
        if extra is not None and read_extra is not None:
            read_extra(extra.isChecked())
    finally:
        free_later(dialog)  # worker_freeing: with the GIL, not by deleteLater
    path = chosen[0] if chosen else ""
    if not path:
        return ""
    remember_saved(path)
    if not path.lower().endswith(suffix.lower()):
        path += suffix  # "notes.v2" -> "notes.v2.npz": the dialog adds it only without a dot
        # the dialog asked about replacing the name typed, not this one (walk53 #11)
        if Path(path).exists() and not _replace_asked(parent, path):
            return ""
    return path


def _replace_asked(parent: QWidget, path: str) -> bool:
    """Whether the person lets the save replace ``path``, an existing file the typed name
    became with its ending added."""
    answer = QMessageBox.question(
        parent,
        translate("SaveDialog", "Replace file?"),
        translate("SaveDialog", "{name} already exists in {folder}. Replace it?").format(
            name=Path(path).name, folder=Path(path).parent
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
