"""The "Export code" button: an experiment written out as a NumPy script or a Keras notebook.

One button with a two-item menu ("Export as script…", "Export as notebook…") serves the Train
page (the form's settings) and the Runs view (the selected run). Writing a few kilobytes of text
takes milliseconds, so it happens on the GUI thread, atomically; a failure is a message box.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QToolButton, QWidget

from nndesk.codegen import LANGUAGES as CODE_LANGUAGES
from nndesk.codegen import Experiment, write_export
from nndesk.errors import NndeskError, user_message
from nndesk.i18n import LANGUAGES, QT_TRANSLATE_NOOP, SOURCE_LANGUAGE
from nndesk.ui.buttons import mark_menu
from nndesk.ui.language import current_language, translate, translate_marked
from nndesk.ui.save_place import remember_saved, save_start

#: The command line that makes the same file, named in the file's header.
WINDOW_COMMAND = "the nndesk window, {where} > Export code > Export as {kind}…"
#: Where each Export code button sits (``where``), as the window's tabs name it: from a window
#: in another language the file's header names the path in that language's words too, as the
#: person who clicked it saw it ("Huấn luyện > Xuất mã > Xuất thành script…")
PLACES = {
    "Train page": (("MainWindow", QT_TRANSLATE_NOOP("MainWindow", "Train")),),
    "Runs view": (
        ("MainWindow", QT_TRANSLATE_NOOP("MainWindow", "Train")),
        ("TrainingPanel", QT_TRANSLATE_NOOP("TrainingPanel", "Runs")),
    ),
}


def made_with(where: str, notebook: bool) -> str:
    """How the file was made, for its header: the English menu path followed, when the window
    speaks another language, by the same path in the window's words (a file written in that
    language keeps only those: ``codegen.words``)."""
    english = WINDOW_COMMAND.format(where=where, kind="notebook" if notebook else "script")
    code = current_language()
    if code == SOURCE_LANGUAGE or code not in LANGUAGES:
        return english
    steps = [translate_marked(context, text) for context, text in PLACES.get(where, ())]
    steps += [translate("ExportCode", "Export code"), _menu_item(notebook)]
    return f"{english} (in {LANGUAGES[code]}: {' > '.join(steps)})"


def export_experiment(
    parent: QWidget, experiment: Experiment, notebook: bool, where: str, folder: str = ""
) -> Path | None:
    """Ask where to save, then write the script (or notebook) of ``experiment``.

    Returns the written path, or None when the user cancelled or the write failed (the user
    was told why in a message box).
    """
    suffix = ".ipynb" if notebook else ".py"
    name = experiment.slug.replace("-", "_") + suffix
    start = str(Path(folder) / name) if folder else save_start(name)
    filters = (
        translate("ExportCode", "Jupyter notebook (*.ipynb)")
        if notebook
        else translate("ExportCode", "Python script (*.py)")
    )
    path, _ = QFileDialog.getSaveFileName(parent, _menu_item(notebook).rstrip("…"), start, filters)
    if not path:
        return None
    remember_saved(path)
    if not path.endswith(suffix):
        path += suffix
        # the dialog asked about replacing the name typed, not this one (walk53 #11's check)
        if Path(path).exists() and not _replace_asked(parent, path):
            return None
    command = made_with(where, notebook)
    language = current_language()  # the file speaks the window's language, for the student
    try:
        return write_export(
            experiment,
            path,
            command,
            notebook=notebook,
            language=language if language in CODE_LANGUAGES else SOURCE_LANGUAGE,
        )
    except OSError as err:
        QMessageBox.warning(
            parent,
            translate("ExportCode", "Export failed"),
            translate("ExportCode", "Could not write {path}: {value}").format(
                path=path, value=err.strerror or err
            ),
        )
    return None


def _replace_asked(parent: QWidget, path: str) -> bool:
    """Whether the person lets the export replace ``path``, an existing file the typed name
    became with its ending added."""
    answer = QMessageBox.question(
        parent,
        translate("ExportCode", "Replace file?"),
        translate("ExportCode", "{name} already exists in {folder}. Replace it?").format(
            name=Path(path).name, folder=Path(path).parent
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _menu_item(notebook: bool) -> str:
    """The menu item's words ("Export as script…"), in the window's language."""
    if notebook:
        return translate("ExportCode", "Export as notebook…")
    return translate("ExportCode", "Export as script…")


def export_code_button(
    parent: QWidget,
    experiment: Callable[[], Experiment],
    where: str,
    written: Callable[[Path], None] | None = None,
) -> QToolButton:
    """A button whose menu exports ``experiment()`` as a script or a notebook.

    ``experiment`` is called at click time; an ``NndeskError`` it raises (invalid settings, no
    run selected) is shown in a message box. ``written`` gets the path of each file written.
    """
    button = QToolButton(parent)
    button.setText(translate("ExportCode", "Export code"))
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setToolTip(
        translate(
            "ExportCode",
            "write this experiment as a standalone NumPy script or a Keras notebook to read, run "
            "and change without nndesk",
        )
    )
    menu = QMenu(button)
    for notebook in (False, True):
        action = menu.addAction(_menu_item(notebook))
        action.triggered.connect(
            lambda _checked=False, nb=notebook: _export(parent, experiment, nb, where, written)
        )
    mark_menu(button).setMenu(menu)
    return button


def _export(parent, experiment, notebook, where, written) -> None:
    try:
        chosen = experiment()
    except NndeskError as err:
        QMessageBox.warning(parent, translate("ExportCode", "Cannot export"), user_message(err))
        return
    path = export_experiment(parent, chosen, notebook, where)
    if path is not None and written is not None:
        written(path)


def form_experiment(form) -> Experiment:
    """The experiment a Train page form describes (``NndeskError`` while a field is invalid)."""
    from nndesk.codegen import from_config
    from nndesk.presets import PRESETS

    config = form.config()
    preset = PRESETS.get(form.preset.currentData() or "")
    if preset is not None and config.replace(threads=preset.config.threads) == preset.config:
        return from_config(config, f"preset {preset.name}: {preset.description}", preset.name)
    return from_config(config, "the settings on the Train page", f"custom-{config.dataset}")


def selected_run_experiment(view) -> Experiment:
    """The experiment of the one run selected in a RunsView (``NndeskError`` otherwise)."""
    from nndesk.codegen import from_run

    records = view.selected_records()
    if len(records) != 1:
        raise NndeskError("Select one run in the table to export its experiment.")
    return from_run(records[0].run_id, root=view.store.root)
