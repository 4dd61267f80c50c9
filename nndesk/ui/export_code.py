"""The "Export code" button: an experiment written out as a NumPy script or a Keras notebook.

One button with a two-item menu ("Export as script…", "Export as notebook…") serves the Train
page (the form's settings) and the Runs view (the selected run). Writing a few kilobytes of text
takes milliseconds, so it happens on the GUI thread, atomically; a failure is a message box.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QMenu,
    QMessageBox,
    QToolButton,
    QWidget,
)

from nndesk.codegen import LANGUAGES as CODE_LANGUAGES
from nndesk.codegen import Experiment, write_export
from nndesk.errors import NndeskError, user_message
from nndesk.i18n import LANGUAGES, QT_TRANSLATE_NOOP, SOURCE_LANGUAGE
from nndesk.ui.buttons import mark_menu
from nndesk.ui.language import counts_whole, current_language, translate, translate_marked
from nndesk.ui.save_dialog import ask_save_path

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


#: The save dialog's note for a CNN's script: its plain NumPy convolutions took ~16 min an
#: epoch of fashion-cnn-lab on a busy 2-core machine, 30 s in nndesk (walk54 D8), as the
#: script's header and ``nndesk export-script`` say. In the dialog's body, wrapped: in its
#: title a window manager cut it mid-sentence at ~660 px (walk55c D5).
CNN_SCRIPT_NOTE = QT_TRANSLATE_NOOP(
    "ExportCode",
    "This network is a CNN: the script's plain NumPy convolutions take ~16 min an epoch "
    "where nndesk takes 30 s.",
)

#: The same for the Train page's items that export the run on show (as trained, steered too).
RUN_COMMAND = "the nndesk window, {where} > Export code > Export the run on show as {kind}…"
#: The Train page's items that export the Settings tab while a run is on show, which say so
FORM_COMMAND = "the nndesk window, {where} > Export code > Export the Settings tab as {kind}…"
#: The Runs view's: its items sit in its Export menu, beside the curves' PNG and CSV (an Export
#: code button of their own put its buttons on two lines at 1280 px, fixH s68)
RUNS_COMMAND = "the nndesk window, {where} > Export > Experiment as {kind}…"
RUNS_MENU = QT_TRANSLATE_NOOP("RunsView", "Export")
#: what each file is, as its items say: the script is NumPy, the notebook Keras on TensorFlow
#: (it needs ``pip install tensorflow``: the NumPy course's student, offline, expected NumPy)
KINDS = {False: "NumPy script", True: "Keras/TensorFlow notebook"}
RUNS_ITEMS = {
    False: QT_TRANSLATE_NOOP("RunsView", "Experiment as NumPy &script…"),
    True: QT_TRANSLATE_NOOP("RunsView", "Experiment as Keras/TensorFlow &notebook…"),
}


def made_with(where: str, notebook: bool, run: bool = False, form: bool = False) -> str:
    """How the file was made, for its header: the English menu path followed, when the window
    speaks another language, by the same path in the window's words (a file written in that
    language keeps only those: ``codegen.words``). ``run``: by an item exporting the run on
    show (``export_code_button``'s ``run_on_show``), not the form; ``form``: by an item
    exporting the form while a run is on show (it names the Settings tab)."""
    runs = where == "Runs view"
    if runs:
        command = RUNS_COMMAND
    else:
        command = RUN_COMMAND if run else FORM_COMMAND if form else WINDOW_COMMAND
    # the item says what the file runs on (walk71 F9: the notebook is Keras, only its tooltip said)
    english = command.format(where=where, kind=KINDS[notebook])
    code = current_language()
    if code == SOURCE_LANGUAGE or code not in LANGUAGES:
        return english
    steps = [translate_marked(context, text) for context, text in PLACES.get(where, ())]
    if runs:
        item = translate_marked("RunsView", RUNS_ITEMS[notebook]).replace("&", "")
        steps += [translate_marked("RunsView", RUNS_MENU), item]
    else:
        steps += [translate("ExportCode", "Export code"), _menu_item(notebook, run, form)]
    return f"{english} (in {LANGUAGES[code]}: {' > '.join(steps)})"


def export_experiment(
    parent: QWidget,
    experiment: Experiment,
    notebook: bool,
    where: str,
    folder: str = "",
    run: bool = False,
    form: bool = False,
) -> Path | None:
    """Ask where to save, then write the script (or notebook) of ``experiment``.

    Returns the written path, or None when the user cancelled or the write failed (the user
    was told why in a message box).
    """
    suffix = ".ipynb" if notebook else ".py"
    filters = (
        translate("ExportCode", "Jupyter notebook (*.ipynb)")
        if notebook
        else translate("ExportCode", "Python script (*.py)")
    )
    title = _menu_item(notebook, run, form).rstrip("…")
    note = ""
    if not notebook and _convolutional(experiment):  # said before the file is named
        note = counts_whole(translate_marked("ExportCode", CNN_SCRIPT_NOTE))
    path = ask_save_path(
        parent, title, experiment.file_stem, suffix, filters, folder=folder, note=note
    )
    if not path:
        return None
    command = made_with(where, notebook, run, form)
    language = current_language()  # the file speaks the window's language, for the student
    try:
        return write_export(
            experiment,
            path,
            command,
            notebook=notebook,
            language=language if language in CODE_LANGUAGES else SOURCE_LANGUAGE,
            data_folder=_data_folder(experiment.dataset) if notebook else None,
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


def _data_folder(dataset: str) -> str | None:
    """The folder the window reads ``dataset`` from (its chosen folder, ``$NNDESK_DATA_DIR`` or
    the download cache) when it holds the files: the notebook's DATA_DIR. A few stats."""
    from nndesk.codegen.data_place import app_data_folder
    from nndesk.controllers.datasets import source_folder

    folder = source_folder(dataset)
    return None if folder is None else app_data_folder(dataset, folder)


def _convolutional(experiment: Experiment) -> bool:
    """Whether ``experiment``'s network has a convolution (its script's loops are slow)."""
    from nndesk.codegen.network import is_convolutional, network_steps

    return is_convolutional(network_steps(experiment.config))


def _menu_item(notebook: bool, run: bool = False, form: bool = False) -> str:
    """The menu item's words ("Export as script…"), in the window's language; ``run``: the
    item exporting the run on show ("Export the run on show as script…"); ``form``: the item
    exporting the form while a run is on show ("Export the Settings tab as script…")."""
    if run and notebook:
        return translate("ExportCode", "Export the run on show as Keras/TensorFlow notebook…")
    if run:
        return translate("ExportCode", "Export the run on show as NumPy script…")
    if form and notebook:
        return translate("ExportCode", "Export the Settings tab as Keras/TensorFlow notebook…")
    if form:
        return translate("ExportCode", "Export the Settings tab as NumPy script…")
    if notebook:
        return translate("ExportCode", "Export as Keras/TensorFlow notebook…")
    return translate("ExportCode", "Export as NumPy script…")


def export_code_button(
    parent: QWidget,
    experiment: Callable[[], Experiment],
    where: str,
    written: Callable[[Path], None] | None = None,
    run_on_show: Callable[[], str | None] | None = None,
    run_experiment: Callable[[str], Experiment] | None = None,
) -> QToolButton:
    """A button whose menu exports ``experiment()`` as a script or a notebook.

    ``experiment`` is called at click time; an ``NndeskError`` it raises (invalid settings, no
    run selected) is shown in a message box. ``written`` gets the path of each file written.
    ``run_on_show`` (the Train page): the id of the finished run on show, or None; while there
    is one the menu offers it too, as ``run_experiment(id)`` makes it (the run as it was
    trained, its setting changes mid-run included, as the Runs view exports it). Right under a
    run that was steered, the form's settings alone exported another run than the one on
    screen, and said nothing of it (walk54 D3: 86.04 % printed for a run that ended at 83.6 %).
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
    menu.setToolTipsVisible(True)
    if run_on_show is None or run_experiment is None:
        add_code_actions(menu, parent, experiment, where, written)
        mark_menu(button).setMenu(menu)
        return button

    # the run on show first, the form's items after it and named as the Settings tab: under a
    # finished run "Export as script…", on top, wrote the form's other preset (walk70 L5)
    def shows_run() -> bool:
        return run_on_show() is not None

    def the_run() -> Experiment | None:
        run_id = run_on_show()
        return run_experiment(run_id) if run_id is not None else None

    run_actions = []
    for notebook in (False, True):
        action = menu.addAction(_menu_item(notebook, run=True))
        action.triggered.connect(
            lambda _checked=False, nb=notebook: _export(
                parent, the_run, nb, where, written, run=True
            )
        )
        run_actions.append(action)
    run_actions.append(menu.addSeparator())
    form_actions = []
    for notebook in (False, True):
        action = menu.addAction(_menu_item(notebook))
        action.triggered.connect(
            lambda _checked=False, nb=notebook: _export(
                parent, experiment, nb, where, written, form=shows_run()
            )
        )
        form_actions.append((notebook, action))

    def offer_the_run() -> None:
        shown = shows_run()
        for item in run_actions:
            item.setVisible(shown)
        for notebook, action in form_actions:
            action.setText(_menu_item(notebook, form=shown))
            action.setToolTip(
                translate(
                    "ExportCode",
                    "the settings on the Settings tab as they are now, not the run on show",
                )
                if shown
                else ""
            )

    menu.aboutToShow.connect(offer_the_run)
    mark_menu(button).setMenu(menu)
    return button


def add_code_actions(
    menu: QMenu,
    parent: QWidget,
    experiment: Callable[[], Experiment],
    where: str,
    written: Callable[[Path], None] | None = None,
) -> list[QAction]:
    """``menu``'s items exporting ``experiment()`` as a script and as a notebook (for
    ``where``: the Runs view's words are its Export menu's, ``RUNS_ITEMS``)."""
    actions = []
    for notebook in (False, True):
        if where == "Runs view":
            text = translate_marked("RunsView", RUNS_ITEMS[notebook])
        else:
            text = _menu_item(notebook)
        action = menu.addAction(text)
        action.triggered.connect(
            lambda _checked=False, nb=notebook: _export(parent, experiment, nb, where, written)
        )
        actions.append(action)
    return actions


def _export(
    parent, experiment, notebook, where, written, run: bool = False, form: bool = False
) -> None:
    try:
        chosen = experiment()
    except NndeskError as err:
        QMessageBox.warning(parent, translate("ExportCode", "Cannot export"), user_message(err))
        return
    if chosen is None:  # the run left the page meanwhile
        return
    path = export_experiment(parent, chosen, notebook, where, run=run, form=form)
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
