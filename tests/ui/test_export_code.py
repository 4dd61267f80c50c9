"""Export as script / notebook from the Train page and the Runs view."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from PySide6.QtWidgets import QMessageBox

from nndesk.controllers.run_list import RunListReader
from nndesk.controllers.training import TrainingController
from nndesk.presets import get_preset
from nndesk.runs import RunStore
from nndesk.ui import export_code
from nndesk.ui.runs_view import RunsView
from tests.ui.conftest import training_page


@pytest.fixture
def dialogs(monkeypatch, save_dialogs):
    """Answer the save dialog with ``dialogs.answer`` and record every warning box."""

    class Dialogs:
        warnings: list[str] = []

        @property
        def answer(self) -> str:
            return save_dialogs.answer

        @answer.setter
        def answer(self, path: str) -> None:
            save_dialogs.answer = path

        @property
        def asked(self) -> list[str]:
            return [asked.start for asked in save_dialogs.asked]

        @property
        def titles(self) -> list[str]:
            return [asked.title for asked in save_dialogs.asked]

        @property
        def options(self) -> list:  # each dialog's options: Qt's own dialog or the desktop's
            return [asked.options for asked in save_dialogs.asked]

        @property
        def notes(self) -> list:
            return [asked.note for asked in save_dialogs.asked]

        @property
        def note_wraps(self) -> list[bool]:
            return [asked.note_wraps for asked in save_dialogs.asked]

    def warning(parent, title, text, *args):
        Dialogs.warnings.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(export_code.QMessageBox, "warning", warning)
    Dialogs.warnings = []
    return Dialogs()


@pytest.fixture
def panel(qtbot, tmp_path):
    widget = training_page(TrainingController(store=RunStore(tmp_path / "runs")))
    qtbot.addWidget(widget)
    return widget


def _action(button, text):
    (action,) = [a for a in button.menu().actions() if a.text() == text]
    return action


def test_the_train_page_exports_its_preset_as_a_script(qtbot, panel, dialogs, tmp_path):
    panel.form.apply_preset("fashion-mlp-lab")
    dialogs.answer = str(tmp_path / "mine")  # the suffix is added
    with qtbot.waitSignal(panel.status_message) as said:
        _action(panel.code_button, "Export as NumPy script…").trigger()
    text = (tmp_path / "mine.py").read_text(encoding="utf-8")
    assert "Exported by nndesk from preset fashion-mlp-lab" in text
    assert "EPOCHS = 5\n" in text and "BATCH_SIZE = 32" in text
    assert dialogs.asked == [str(Path.home() / "fashion_mlp_lab.py")] and dialogs.warnings == []
    assert said.args == [f"Wrote {tmp_path / 'mine.py'}"]


@pytest.mark.parametrize("code", ["en", "vi"])
def test_the_save_dialog_says_how_slow_a_cnns_script_is_in_its_body(
    qtbot, panel, dialogs, monkeypatch, code
):
    """walk54 D8: an exported fashion-cnn-lab script took ~16 min an epoch (30 s in nndesk);
    its header and ``nndesk export-script`` say so, the window's dialog said nothing. Said for
    a CNN's script only: a notebook runs Keras, an MLP's script is quick. walk55c D5: said in
    the title, a window manager cut it mid-sentence at ~660 px: the title is the menu item's
    words, the note a wrapping label in the dialog's body."""
    from nndesk.ui import language

    assert language.use_language(code) == code
    try:
        dialogs.answer = ""  # cancelled: only the question is looked at
        slow = "16\u00a0phút" if code == "vi" else "16\u00a0min"  # the count and its unit whole
        item = "Xuất thành script NumPy" if code == "vi" else "Export as NumPy script"
        for preset, notebook, said in [
            ("fashion-cnn-lab", False, True),
            ("fashion-cnn-lab", True, False),
            ("fashion-mlp-lab", False, False),
        ]:
            panel.form.apply_preset(preset)
            before = len(dialogs.titles)
            export_code.export_experiment(
                panel, export_code.form_experiment(panel.form), notebook, "Train page"
            )
            titles, notes = dialogs.titles[before:], dialogs.notes[before:]
            assert len(titles) == 1 and "16" not in titles[0], (preset, notebook, titles)
            notes = [note for note in notes if note]
            assert bool(notes) is said and all(slow in note for note in notes), (preset, notes)
            if said:
                assert titles == [item] and dialogs.note_wraps[-1]
    finally:
        language.use_language("en")


def test_every_export_asks_in_the_same_kind_of_dialog_as_a_cnns_script(qtbot, panel, dialogs):
    """walk58 #9: an MLP's script was asked for in the desktop's (GTK) dialog, a CNN's in Qt's
    own one (the one with room for its note): one action, two looks. Every export is asked in
    Qt's own dialog."""
    from PySide6.QtWidgets import QFileDialog

    dialogs.answer = ""  # cancelled
    for notebook in (False, True):
        export_code.export_experiment(
            panel, export_code.form_experiment(panel.form), notebook, "Train page"
        )
    assert len(dialogs.options) == 2
    for options in dialogs.options:
        assert options is not None and options & QFileDialog.Option.DontUseNativeDialog


def test_a_name_whose_ending_is_added_asks_before_replacing_that_file(
    qtbot, panel, dialogs, tmp_path, questions, save_dialogs
):
    """The dialog asked about "lab" (no such file); "lab.ipynb", the file written, was replaced
    without a word (walk53 #11, checking the window's dialogs). A name without an ending gets
    it in the dialog (its default suffix), which asks about that file itself; a name with
    another ending ("lab.v2") gets it added after, and that file is asked about here."""
    from PySide6.QtWidgets import QFileDialog

    panel.form.apply_preset("fashion-mlp-lab")
    kept = tmp_path / "lab.v2.ipynb"
    kept.write_text("my own notes", encoding="utf-8")
    dialogs.answer = str(tmp_path / "lab.v2")
    _action(panel.code_button, "Export as Keras/TensorFlow notebook…").trigger()
    assert questions.asked == [f"lab.v2.ipynb already exists in {tmp_path}. Replace it?"]
    assert kept.read_text(encoding="utf-8") == "my own notes"
    dialogs.answer = str(tmp_path / "other")  # no file there: nothing asked
    _action(panel.code_button, "Export as Keras/TensorFlow notebook…").trigger()
    assert len(questions.asked) == 1
    nbformat.validate(nbformat.read(tmp_path / "other.ipynb", as_version=4))
    asked = save_dialogs.asked[-1]  # the dialog itself asks before replacing "other.ipynb"
    assert asked.default_suffix == "ipynb"
    assert not asked.options & QFileDialog.Option.DontConfirmOverwrite


def test_edited_settings_export_as_a_notebook_of_the_form(qtbot, panel, dialogs, tmp_path):
    panel.form.apply_preset("fashion-mlp-lab")
    panel.form.epochs.setValue(7)
    dialogs.answer = str(tmp_path / "edited.ipynb")
    _action(panel.code_button, "Export as Keras/TensorFlow notebook…").trigger()
    nb = nbformat.read(tmp_path / "edited.ipynb", as_version=4)
    nbformat.validate(nb)
    assert "the settings on the Train page" in nb.cells[0].source
    assert any("epochs=7" in c.source for c in nb.cells if c.cell_type == "code")
    assert get_preset("fashion-mlp-lab").config.epochs == 5  # the preset itself is untouched


def test_a_notebook_reads_the_data_folder_the_window_reads(
    qtbot, panel, dialogs, tmp_path, monkeypatch
):
    """walk65 D15: its DATA_DIR said "data" and had to be edited by hand; now it is the folder
    the window reads Fashion-MNIST from (here its fashion-mnist/ sub-folder)."""
    from nndesk.data.registry import get_spec

    folder = tmp_path / "shared" / "fashion-mnist"
    folder.mkdir(parents=True)
    for file in get_spec("fashion").files:
        (folder / file.gz_name).write_bytes(b"")  # where the window looks: names, not contents
    monkeypatch.setenv("NNDESK_DATA_DIR", str(tmp_path / "shared"))
    panel.form.apply_preset("fashion-mlp-lab")
    dialogs.answer = str(tmp_path / "lab.ipynb")
    _action(panel.code_button, "Export as Keras/TensorFlow notebook…").trigger()
    setup = nbformat.read(tmp_path / "lab.ipynb", as_version=4).cells[2].source
    assert f"DATA_DIR = {str(folder)!r}  # where nndesk read them" in setup


def test_invalid_settings_are_refused_with_their_reason_before_any_dialog(qtbot, panel, dialogs):
    panel.form.arch.setText("784-xx-10")
    qtbot.waitUntil(lambda: "arch" in panel.form.errors(), timeout=60_000)  # typing settled
    _action(panel.code_button, "Export as NumPy script…").trigger()
    assert dialogs.asked == []
    assert len(dialogs.warnings) == 1 and "xx" in dialogs.warnings[0]


def test_a_failed_write_is_a_message_and_nothing_is_left(panel, dialogs, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    dialogs.answer = str(blocker / "script.py")
    _action(panel.code_button, "Export as NumPy script…").trigger()
    assert len(dialogs.warnings) == 1 and "Could not write" in dialogs.warnings[0]
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_cancelling_the_dialog_writes_nothing(panel, dialogs, tmp_path):
    dialogs.answer = ""
    _action(panel.code_button, "Export as NumPy script…").trigger()
    assert dialogs.warnings == [] and list(tmp_path.glob("*.py")) == []


def test_the_runs_view_exports_the_selected_run(qtbot, dialogs, tmp_path):
    store = RunStore(tmp_path / "runs")
    config = get_preset("fashion-mlp-lab").config.replace(arch="784-40-10", lr=0.002)
    record = store.create(config.to_dict())
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    dialogs.answer = str(tmp_path / "run.py")
    script, notebook = view.code_actions  # in the view's Export menu
    assert not script.isEnabled() and not notebook.isEnabled()  # no run selected yet

    view.select_runs([record.run_id])
    assert script.isEnabled() and notebook.isEnabled()
    _action(view.export_button, "Experiment as NumPy &script…").trigger()
    text = (tmp_path / "run.py").read_text(encoding="utf-8")
    assert f"run {record.run_id}" in text and "784-40-10" in text
    assert "LEARNING_RATE = 0.002" in text


def test_a_preset_run_is_offered_under_its_presets_name(qtbot, dialogs, tmp_path):
    """walk65 D14: a teacher's fashion-mlp-lab run was offered as run_20261207_003647_014e186.py."""
    from nndesk.presets import PresetOrigin

    store = RunStore(tmp_path / "runs")
    record = store.create(
        get_preset("fashion-mlp-lab").config.to_dict(), preset=PresetOrigin("fashion-mlp-lab")
    )
    record.release_lock()
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    view.select_runs([record.run_id])
    dialogs.answer = str(tmp_path / "chosen.py")
    _action(view.export_button, "Experiment as NumPy &script…").trigger()
    assert Path(dialogs.asked[-1]).name == "fashion_mlp_lab.py"
    text = (tmp_path / "chosen.py").read_text(encoding="utf-8")
    assert text.startswith('"""fashion-mlp-lab: a 784-64-64-10 network')
    assert "Run it:  python chosen.py --data-dir DIR" in text


def test_a_script_exported_from_the_vietnamese_window_names_the_menu_path_as_it_was_clicked(
    qtbot, dialogs, tmp_path
):
    """The walk's exported script said only "Train page > Export code > Export as NumPy script…",
    while the person had clicked "Xuất mã" in a Vietnamese window."""
    from nndesk.ui import language

    assert language.use_language("vi") == "vi"
    try:
        page = training_page(TrainingController(store=RunStore(tmp_path / "runs")))
        qtbot.addWidget(page)
        dialogs.answer = str(tmp_path / "vi.py")
        _action(page.code_button, "Xuất thành script NumPy…").trigger()
        dialogs.answer = str(tmp_path / "vi.ipynb")
        _action(page.code_button, "Xuất thành notebook Keras/TensorFlow…").trigger()
    finally:
        language.use_language("en")
    text = (tmp_path / "vi.py").read_text(encoding="utf-8")
    header = " ".join(text.split('"""')[1].split())
    # the file speaks the window's language: its header, comments, messages and class names
    assert "Tạo bằng: cửa sổ nndesk, Huấn luyện > Xuất mã > Xuất thành script NumPy…" in header
    assert "Export" not in header and "Xuất bởi nndesk từ" in header
    assert "# -- các cài đặt của thí nghiệm -" in text and "'Áo thun/áo phông'" in text
    assert 'print(f"mất mát trên tập kiểm tra {test_loss:.4f}")' in text
    nb = nbformat.read(tmp_path / "vi.ipynb", as_version=4)
    nbformat.validate(nb)
    assert (
        "Tạo bằng: `cửa sổ nndesk, Huấn luyện > Xuất mã > Xuất thành notebook Keras/TensorFlow…`"
        in (nb.cells[0].source)
    )
    assert nb.cells[1].source.startswith("## 1. Chuẩn bị\nCần TensorFlow")

    page = training_page(TrainingController(store=RunStore(tmp_path / "runs")))
    qtbot.addWidget(page)
    dialogs.answer = str(tmp_path / "en.py")
    _action(page.code_button, "Export as NumPy script…").trigger()
    english = (tmp_path / "en.py").read_text(encoding="utf-8")
    assert "Export as NumPy script…\n" in english and "Tiếng Việt" not in english


def test_the_runs_view_says_where_it_wrote_as_the_train_page_does(qtbot, panel, dialogs, tmp_path):
    """walk51 D4: the Train page said "Wrote …" in the status bar; the Runs view's Export code
    wrote the file and said nothing."""
    store = panel.controller.store
    record = store.create(get_preset("fashion-mlp-lab").config.to_dict())
    view = panel.runs_view
    view.refresh(select_id=record.run_id)
    qtbot.waitUntil(lambda: not view.reading, timeout=60_000)
    assert view.code_actions[0].isEnabled(), view.selected_records()
    dialogs.answer = str(tmp_path / "from-runs")
    with qtbot.waitSignal(panel.status_message, timeout=10_000) as said:
        _action(view.export_button, "Experiment as NumPy &script…").trigger()
    assert said.args == [f"Wrote {tmp_path / 'from-runs.py'}"]


def test_the_train_page_offers_the_steered_run_on_show_as_it_was_trained(
    qtbot, panel, dialogs, tmp_path
):
    """walk54 D3: right under a mnist-gd run whose rate was set to 0.05 mid-run, Export code
    wrote the preset as the form held it (no CHANGES; it printed 86.04 %, the run on screen
    83.6 %) and said nothing of it. The menu offers the run on show too, as Runs does."""
    from nndesk.setting_changes import SettingChange

    config = get_preset("fashion-mlp-lab").config
    panel.form.apply_preset("fashion-mlp-lab")
    menu = panel.code_button.menu()
    menu.aboutToShow.emit()
    run_items = [a for a in menu.actions() if "run on show" in a.text()]
    assert len(run_items) == 2 and not any(a.isVisible() for a in run_items)  # no run yet

    store = panel.controller.store
    record = store.create(config.to_dict())
    record.curves.add_change(SettingChange(2.5, 3, 1, "lr", 0.0001))
    store.save(record)
    panel.run_state.last_run_id = record.run_id  # the page's finished run, on show
    menu.aboutToShow.emit()
    assert all(a.isVisible() for a in run_items)
    dialogs.answer = str(tmp_path / "steered")
    with qtbot.waitSignal(panel.status_message) as said:
        _action(panel.code_button, "Export the run on show as NumPy script…").trigger()
    text = (tmp_path / "steered.py").read_text(encoding="utf-8")
    assert f"run {record.run_id}" in text and "CHANGES = [" in text
    assert "Export code > Export the run on show as NumPy script…" in text
    assert said.args == [f"Wrote {tmp_path / 'steered.py'}"]
    dialogs.answer = str(tmp_path / "form")  # the form's items still write the form's
    _action(panel.code_button, "Export the Settings tab as NumPy script…").trigger()
    assert "CHANGES = [" not in (tmp_path / "form.py").read_text(encoding="utf-8")


def test_under_a_run_on_show_its_items_come_first_and_the_forms_name_the_settings_tab(
    qtbot, panel, dialogs, tmp_path
):
    """walk70 L5: with a fashion-cnn-lab run on show and the form on fashion-prelu-l2-plus,
    "Export as NumPy script…", the menu's first item, wrote the form's preset and did not say so.
    Under a run the menu offers the run first; the form's items say they export the Settings
    tab (their tooltip: not the run on show), and the file's header names that item."""
    panel.form.apply_preset("fashion-prelu-l2-plus")
    menu = panel.code_button.menu()
    menu.aboutToShow.emit()
    shown = [a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()]
    assert shown == [
        "Export as NumPy script…",
        "Export as Keras/TensorFlow notebook…",
    ]  # no run yet: the form alone

    store = panel.controller.store
    record = store.create(get_preset("fashion-cnn-lab").config.to_dict())
    panel.run_state.last_run_id = record.run_id  # the page's finished run, on show
    menu.aboutToShow.emit()
    shown = [a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()]
    assert shown == [
        "Export the run on show as NumPy script…",
        "Export the run on show as Keras/TensorFlow notebook…",
        "Export the Settings tab as NumPy script…",
        "Export the Settings tab as Keras/TensorFlow notebook…",
    ]
    form_item = _action(panel.code_button, "Export the Settings tab as NumPy script…")
    assert "not the run on show" in form_item.toolTip()
    dialogs.answer = str(tmp_path / "form")
    form_item.trigger()
    assert dialogs.titles[-1] == "Export the Settings tab as NumPy script"
    text = (tmp_path / "form.py").read_text(encoding="utf-8")
    assert "preset fashion-prelu-l2-plus" in text
    assert "Export code > Export the Settings tab as NumPy script…" in text
    dialogs.answer = str(tmp_path / "run")
    _action(panel.code_button, "Export the run on show as NumPy script…").trigger()
    assert f"run {record.run_id}" in (tmp_path / "run.py").read_text(encoding="utf-8")


def test_the_settings_tab_items_header_reads_in_vietnamese(qtbot):
    """The header of a file the Settings tab's item wrote from the Vietnamese window (a run on
    show) names the menu path in Vietnamese, as the other items' do (walk70 L5)."""
    from nndesk.codegen.words import Words
    from nndesk.ui import language
    from nndesk.ui.export_code import made_with

    assert language.use_language("vi") == "vi"
    try:
        command = made_with("Train page", False, form=True)
    finally:
        language.use_language("en")
    assert command.endswith(
        "(in Tiếng Việt: Huấn luyện > Xuất mã > Xuất thẻ Cài đặt thành script NumPy…)"
    )
    assert Words("vi").command(command) == (
        "cửa sổ nndesk, Huấn luyện > Xuất mã > Xuất thẻ Cài đặt thành script NumPy…"
    )
