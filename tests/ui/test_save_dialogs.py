"""Every file dialog of the window is one kind: Qt's own, never the desktop's. Every save asks
in ``nndesk.ui.save_dialog``, on a name that says what is saved, its ending the dialog's default
suffix; every open and folder picker passes the same option (dialogs59: Export code asked in
Qt's dialog, Save model…, Export PNG…, the CSV export and the open dialogs in the desktop's,
two looks for one kind of question)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

import nndesk
from nndesk.inference import Classifier
from tests.ui.test_training_panel import (  # noqa: F401 - fixtures
    make_panel,
    tiny_dataset,
    wait_until_idle,
)

SOURCES = Path(nndesk.__file__).resolve().parent
OWN = QFileDialog.Option.DontUseNativeDialog


def _saves_asked_elsewhere(tree: ast.Module) -> list[int]:
    """Lines that ask for a save path without ``save_dialog``: Qt's static save dialog, or a
    dialog of their own set to save."""
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in ("getSaveFileName", "AcceptSave")
    ]


def test_no_module_asks_for_a_save_path_but_the_windows_save_dialog():
    own = SOURCES / "ui" / "save_dialog.py"
    wrong = [
        f"{path.relative_to(SOURCES.parent)}:{line}"
        for path in sorted(SOURCES.rglob("*.py"))
        if path != own
        for line in _saves_asked_elsewhere(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert wrong == [], "ask through nndesk.ui.save_dialog.ask_save_path:\n" + "\n".join(wrong)
    assert _saves_asked_elsewhere(ast.parse(own.read_text(encoding="utf-8")))


def _asked_in_qts_own_dialog(asked, suffix: str) -> None:
    assert asked.options & OWN, asked
    assert not asked.options & QFileDialog.Option.DontConfirmOverwrite, asked
    assert asked.default_suffix == suffix.lstrip("."), asked


def test_every_save_of_the_train_page_asks_in_qts_own_dialog_on_the_runs_name(
    qtbot,
    tiny_dataset,  # noqa: F811
    tmp_path,
    save_dialogs,
):
    """Save model…, Export PNG…, the Runs tab's PNG and CSV and Export code: one dialog, each
    on the run's model's name ("curves.png", "runs.png" and "history.csv" said nothing)."""
    from nndesk import preferences

    folder = tmp_path / "saved"
    folder.mkdir()
    preferences.set_last_save_folder(folder)
    widget = make_panel(qtbot, tmp_path, lambda name: tiny_dataset)
    widget.start_training()
    wait_until_idle(qtbot, widget)
    record = widget.controller.record
    widget.runs_view.refresh(select_id=record.run_id)
    qtbot.waitUntil(lambda: len(widget.runs_view.selected_records()) == 1, timeout=30_000)
    model = f"mnist_784-16-10_{record.metrics['test_accuracy']:.1%}"
    save_dialogs.answer = ""  # each cancelled: only the questions are looked at
    widget.files.save_model()
    widget.files.export_png()
    widget.runs_view.export_png_requested.emit()
    widget.runs_view.export_csv_requested.emit()
    (script,) = [
        a for a in widget.code_button.menu().actions() if a.text() == "Export as NumPy script…"
    ]
    script.trigger()
    asked = save_dialogs.asked
    assert [Path(a.start) for a in asked[:4]] == [
        folder / f"{model}.npz",
        folder / f"{model}-curves.png",
        folder / f"{model}-curves.png",
        folder / f"{model}-history.csv",
    ]
    assert Path(asked[4].start).parent == folder and asked[4].start.endswith(".py")
    for one, suffix in zip(asked, (".npz", ".png", ".png", ".csv", ".py"), strict=True):
        _asked_in_qts_own_dialog(one, suffix)
    # the curves' PNGs say they are saved dark on white and offer the dark theme's (fixI #3)
    assert [a.dark_box for a in asked] == [None, False, False, None, None]
    assert "dark on white" in asked[1].note and "dark on white" in asked[2].note
    widget.shutdown()


@pytest.mark.parametrize(
    ("code", "curves", "history"),
    [
        ("en", "mnist_784-16-10_diverged-curves.png", "mnist_784-16-10_diverged-history.csv"),
        ("vi", "mnist_784-16-10_phân kỳ-đường-cong.png", "mnist_784-16-10_phân kỳ-lịch-sử.csv"),
    ],
)
def test_a_diverged_runs_curves_are_proposed_under_the_runs_name_in_the_windows_language(
    qtbot,
    tiny_dataset,  # noqa: F811
    tmp_path,
    save_dialogs,
    code,
    curves,
    history,
):
    """walk61: a diverged run (no model saved, so no model's facts) proposed
    "model_untested-curves.png" in a Vietnamese window; its curves are the run's, named after
    it (dataset, layers, how it ended) in the window's words."""
    from nndesk import preferences
    from nndesk.ui import language

    folder = tmp_path / "saved"
    folder.mkdir()
    preferences.set_last_save_folder(folder)
    assert language.use_language(code) == code
    try:
        widget = make_panel(qtbot, tmp_path, lambda name: tiny_dataset)
        widget.form.optimizer.setCurrentIndex(widget.form.optimizer.findData("sgd"))
        widget.form.lr.setText("1000")
        with qtbot.waitSignal(widget.controller.run_ended, timeout=60_000) as ended:
            assert widget.start_training()
        assert ended.args[0].reason == "diverged"
        wait_until_idle(qtbot, widget)
        record = widget.controller.record
        widget.runs_view.refresh(select_id=record.run_id)
        qtbot.waitUntil(lambda: len(widget.runs_view.selected_records()) == 1, timeout=30_000)
        save_dialogs.answer = ""  # each cancelled: only the names proposed are looked at
        widget.files.export_png()
        widget.runs_view.export_png_requested.emit()
        widget.runs_view.export_csv_requested.emit()
        assert [Path(a.start) for a in save_dialogs.asked] == [
            folder / curves,
            folder / curves,
            folder / history,
        ]
        widget.shutdown()
    finally:
        language.use_language("en")


def test_file_save_model_asks_in_the_same_dialog_and_a_name_without_an_ending_gets_npz(
    qtbot, window_factory, tmp_path, tiny_model_file, save_dialogs
):
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    saved = []
    desk.window.save_model_requested.connect(saved.append)
    save_dialogs.answer = str(tmp_path / "mine")
    desk.window._on_save_model_triggered()
    (asked,) = save_dialogs.asked
    _asked_in_qts_own_dialog(asked, ".npz")
    assert saved == [str(tmp_path / "mine.npz")]


def test_file_save_model_proposes_an_untested_models_name_in_the_windows_language(
    qtbot, window_factory, tmp_path, save_dialogs
):
    """s62: a model saved untested was proposed as "mnist_untested.npz" in a Vietnamese window,
    where the exported curves' names were already Vietnamese."""
    from nndesk.preferences import set_last_save_folder
    from nndesk.ui import language
    from tests.conftest import save_tiny_digit_model

    untested = save_tiny_digit_model(tmp_path / "quit.npz", "784-16-10", test_accuracy=None)
    desk = window_factory(classifier=Classifier.from_file(untested))
    set_last_save_folder(tmp_path)
    save_dialogs.answer = ""
    desk.window._on_save_model_triggered()
    assert language.use_language("vi") == "vi"
    try:
        desk.window._on_save_model_triggered()
    finally:
        language.use_language("en")
    offered = [Path(asked.start).name for asked in save_dialogs.asked]
    assert offered == ["mnist_untested.npz", "mnist_chưa kiểm tra.npz"]


def _pickers_without_qts_own(tree: ast.Module) -> list[int]:
    """Lines calling Qt's static open or folder dialog without ``file_dialogs``' options."""
    wrong = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        if node.func.attr not in ("getOpenFileName", "getOpenFileNames", "getExistingDirectory"):
            continue
        options = [k.value for k in node.keywords if k.arg == "options"]
        if not (options and ast.unparse(options[0]) in ("OWN", "OWN_FOLDERS")):
            wrong.append(node.lineno)
    return wrong


def test_every_open_and_folder_dialog_is_qts_own():
    wrong = [
        f"{path.relative_to(SOURCES.parent)}:{line}"
        for path in sorted(SOURCES.rglob("*.py"))
        for line in _pickers_without_qts_own(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert wrong == [], "pass options=file_dialogs.OWN (OWN_FOLDERS):\n" + "\n".join(wrong)


def test_the_windows_open_dialogs_and_folder_pickers_ask_in_qts_own_dialog(
    qtbot, window_factory, monkeypatch
):
    """File > Open image, Open model, Data folder…, the Train page's Load model… and its image
    folder picker, and the Settings dialog's data folder: the options each dialog was given."""
    from nndesk.ui.settings_dialog import SettingsDialog

    asked: list[tuple[str, QFileDialog.Option]] = []

    def open_file(parent, title, start="", filters="", selected="", options=None):
        asked.append((title, options if options is not None else QFileDialog.Option(0)))
        return "", ""

    def folder(parent, title="", start="", options=None):
        asked.append((title, options if options is not None else QFileDialog.Option(0)))
        return ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_file))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(folder))
    desk = window_factory()
    window, train = desk.window, desk.train_page
    window.act_open_image.trigger()
    window.act_open_model.trigger()
    window.act_data_folder.trigger()
    train.load_button.click()
    train.form._on_folder_button_clicked()
    settings = SettingsDialog(None, None)
    qtbot.addWidget(settings)
    settings._on_browse_clicked()
    assert len(asked) == 6, asked
    for title, options in asked:
        assert options & OWN, title
    folders = [options for title, options in asked if "older" in title or "ư mục" in title]
    assert len(folders) == 3 and all(o & QFileDialog.Option.ShowDirsOnly for o in folders)
