"""The window looks for datasets in the order the commands do (``nndesk.data.folder_order``):
``$NNDESK_DATA_DIR`` before the folder remembered from an earlier session; a folder chosen in
this session before both; and it says so when the environment wins over the person's folder."""

from __future__ import annotations

import pytest

from nndesk import preferences
from nndesk.cli import data_folders
from nndesk.controllers import datasets


def _remembered_from_an_earlier_session(folder) -> None:
    """The settings file holds ``folder`` as a window of an earlier session left it."""
    preferences.settings().setValue("data/dir", str(folder))


@pytest.fixture
def empty(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("env", [False, True])
@pytest.mark.parametrize("remembered", [False, True])
def test_the_window_and_the_commands_read_one_folder(
    env, remembered, tiny_idx_dir, tmp_path, monkeypatch
):
    other = tiny_idx_dir.parent / "other-tiny"
    other.mkdir()
    for file in tiny_idx_dir.iterdir():
        (other / file.name).write_bytes(file.read_bytes())
    if env:
        monkeypatch.setenv("NNDESK_DATA_DIR", str(tiny_idx_dir))
    if remembered:
        _remembered_from_an_earlier_session(other)
    window = preferences.data_folder()
    assert window == data_folders.choose(None, "mnist")
    expected = str(tiny_idx_dir) if env else str(other) if remembered else None
    assert window.folder == expected


def test_the_environment_wins_over_the_folder_remembered_from_an_earlier_session(
    tiny_idx_dir, empty, monkeypatch
):
    _remembered_from_an_earlier_session(empty)
    monkeypatch.setenv("NNDESK_DATA_DIR", str(tiny_idx_dir))
    datasets.forget_datasets()
    assert preferences.data_dir() == str(tiny_idx_dir)
    assert datasets.source_folder("mnist") == str(tiny_idx_dir)
    assert preferences.overridden_data_dir() == str(empty)


def test_a_folder_chosen_in_the_window_is_read_at_once_though_the_environment_is_set(
    qtbot, window_factory, tiny_idx_dir, empty, monkeypatch
):
    monkeypatch.setenv("NNDESK_DATA_DIR", str(empty))
    datasets.forget_datasets()
    desk = window_factory()
    with qtbot.waitSignal(desk.coordinator.data_changed, timeout=10_000):
        desk.window.data_folder_chosen.emit(str(tiny_idx_dir))  # what File > Data folder… sends
    assert datasets.source_folder("mnist") == str(tiny_idx_dir)
    # walk45: the note must not hide that commands and the next start still read the variable
    assert desk.window.status_note.text().split("\n") == [
        "Data folder:",
        str(tiny_idx_dir),
        "Commands and the next start read NNDESK_DATA_DIR:",
        str(empty),
    ]
    assert preferences.remembered_data_dir() == str(tiny_idx_dir)  # and kept for next time


def test_the_window_says_the_environment_wins_over_the_chosen_folder(
    qtbot, window_factory, tiny_idx_dir, empty, monkeypatch
):
    _remembered_from_an_earlier_session(empty)
    monkeypatch.setenv("NNDESK_DATA_DIR", str(tiny_idx_dir))
    desk = window_factory()
    assert desk.window.status_note.text().split("\n") == [
        "Data folder, from NNDESK_DATA_DIR:",
        str(tiny_idx_dir),
        "Your chosen folder, not read while NNDESK_DATA_DIR is set:",
        str(empty),
    ]
    desk.window.data_folder_chosen.emit(str(empty))  # choosing it again: read from now on
    assert desk.window.status_note.text().split("\n") == [
        "Data folder:",
        str(empty),
        "Commands and the next start read NNDESK_DATA_DIR:",
        str(tiny_idx_dir),
    ]


def test_the_environments_folder_alone_is_said_to_come_from_it(
    window_factory, tiny_idx_dir, monkeypatch
):
    monkeypatch.setenv("NNDESK_DATA_DIR", str(tiny_idx_dir))  # no folder ever chosen
    desk = window_factory()
    assert desk.window.status_note.text() == f"Data folder, from NNDESK_DATA_DIR:\n{tiny_idx_dir}"


def test_a_missing_folder_of_the_environment_is_said_to_come_from_it(
    qtbot, window_factory, tmp_path, monkeypatch
):
    gone = tmp_path / "unplugged-usb"
    monkeypatch.setenv("NNDESK_DATA_DIR", str(gone))
    window = window_factory().window
    said = f"Data folder not found, from NNDESK_DATA_DIR:\n{gone}"
    qtbot.waitUntil(lambda: window.status_note.text() == said, timeout=10_000)


def test_the_environment_winning_is_said_in_vietnamese(
    window_factory, tiny_idx_dir, empty, monkeypatch
):
    from nndesk.ui import language

    _remembered_from_an_earlier_session(empty)
    monkeypatch.setenv("NNDESK_DATA_DIR", str(tiny_idx_dir))
    language.use_language("vi")
    try:
        lines = window_factory().window.status_note.text().split("\n")
    finally:
        language.use_language("en")
    assert lines == [
        "Thư mục dữ liệu, theo NNDESK_DATA_DIR:",
        str(tiny_idx_dir),
        "Thư mục bạn đã chọn, không đọc khi NNDESK_DATA_DIR được đặt:",
        str(empty),
    ]


def test_settings_says_the_folder_comes_from_the_environment(
    window_factory, tiny_idx_dir, empty, monkeypatch
):
    _remembered_from_an_earlier_session(empty)
    monkeypatch.setenv("NNDESK_DATA_DIR", str(tiny_idx_dir))
    desk = window_factory()
    desk.window.act_settings.trigger()
    dialog = desk.coordinator.settings_dialog
    assert dialog.data_dir_edit.text() == str(tiny_idx_dir)
    # in the note's own words, so the folder and the one it wins over are not a puzzle
    assert dialog.folder_source.isVisibleTo(dialog)
    assert dialog.folder_source.text() == desk.window.status_note.text()
    assert dialog.folder_source.text().startswith("Data folder, from NNDESK_DATA_DIR:\n")
    dialog.data_dir_edit.setText(str(empty))  # OK would now read this folder instead
    assert not dialog.folder_source.isVisibleTo(dialog)
    dialog.data_dir_edit.setText(str(tiny_idx_dir))
    assert dialog.folder_source.isVisibleTo(dialog)
    dialog.reject()


def test_settings_says_nothing_of_a_source_for_a_folder_the_person_chose(
    qtbot, window_factory, tiny_idx_dir
):
    desk = window_factory()
    with qtbot.waitSignal(desk.coordinator.data_changed, timeout=10_000):
        desk.window.data_folder_chosen.emit(str(tiny_idx_dir))
    desk.window.act_settings.trigger()
    dialog = desk.coordinator.settings_dialog
    assert dialog.data_dir_edit.text() == str(tiny_idx_dir)
    assert not dialog.folder_source.isVisibleTo(dialog)
    dialog.reject()


def test_settings_names_the_environment_beside_a_folder_chosen_this_session(
    qtbot, window_factory, tiny_idx_dir, empty, monkeypatch
):
    """walk45: a folder chosen with NNDESK_DATA_DIR set was read by the window while the
    commands (and the next start) read the variable's, and neither Settings nor the note said
    so."""
    monkeypatch.setenv("NNDESK_DATA_DIR", str(empty))
    desk = window_factory()
    with qtbot.waitSignal(desk.coordinator.data_changed, timeout=10_000):
        desk.window.data_folder_chosen.emit(str(tiny_idx_dir))  # wins over the environment
    desk.window.act_settings.trigger()
    dialog = desk.coordinator.settings_dialog
    assert dialog.data_dir_edit.text() == str(tiny_idx_dir)
    assert dialog.folder_source.isVisibleTo(dialog)
    assert dialog.folder_source.text() == desk.window.status_note.text()
    assert dialog.folder_source.text().endswith(
        f"Commands and the next start read NNDESK_DATA_DIR:\n{empty}"
    )
    dialog.reject()


def test_settings_says_the_source_in_vietnamese(window_factory, tiny_idx_dir, monkeypatch):
    from nndesk.ui import language

    monkeypatch.setenv("NNDESK_DATA_DIR", str(tiny_idx_dir))
    language.use_language("vi")
    try:
        desk = window_factory()
        desk.window.act_settings.trigger()
        dialog = desk.coordinator.settings_dialog
        said = dialog.folder_source.text()
        dialog.reject()
    finally:
        language.use_language("en")
    assert said == f"Thư mục dữ liệu, theo NNDESK_DATA_DIR:\n{tiny_idx_dir}"


def _tiny_mnist_in_the_cache(folder):
    """The four tiny files in nndesk's download cache as MNIST, as a Download leaves them."""
    from nndesk.data.download import dataset_cache_dir

    cache = dataset_cache_dir("mnist")
    cache.mkdir(parents=True, exist_ok=True)
    for file in folder.iterdir():
        (cache / file.name).write_bytes(file.read_bytes())
    return cache


def test_an_empty_environment_folder_the_window_and_the_commands_read_the_cache(
    tiny_idx_dir, empty, monkeypatch
):
    """walk46 D2: the window read its downloaded MNIST, the commands the empty folder."""
    cache = _tiny_mnist_in_the_cache(tiny_idx_dir)
    monkeypatch.setenv("NNDESK_DATA_DIR", str(empty))
    datasets.forget_datasets()
    assert datasets.source_folder("mnist") == str(cache)
    found = data_folders.choose(None, "mnist")
    # the copy the window reads
    assert (found.folder, found.source) == (None, data_folders.FROM_CACHE)
    assert found.passed_over == str(empty)  # and the command says so (data_folders.said)


@pytest.mark.parametrize(
    "lang, said",
    [
        (
            "en",
            [
                "Data folder, from NNDESK_DATA_DIR:",
                "{empty}",
                "MNIST is read from nndesk's downloaded copy (this folder does not hold its files)",
            ],
        ),
        (
            "vi",
            [
                "Thư mục dữ liệu, theo NNDESK_DATA_DIR:",
                "{empty}",
                "MNIST được đọc từ bản đã tải về của nndesk (thư mục này không chứa các tệp "
                "của nó)",
            ],
        ),
    ],
)
def test_the_note_says_an_empty_environment_folder_gives_way_to_the_downloaded_copy(
    lang, said, qtbot, window_factory, tiny_idx_dir, empty, monkeypatch
):
    """walk46 D2: the note named the empty folder alone while MNIST was read from the cache."""
    from nndesk.ui import language

    _tiny_mnist_in_the_cache(tiny_idx_dir)
    monkeypatch.setenv("NNDESK_DATA_DIR", str(empty))
    datasets.forget_datasets()
    language.use_language(lang)
    try:
        window = window_factory().window
        expected = "\n".join(line.format(empty=empty) for line in said)
        qtbot.waitUntil(lambda: window.status_note.text() == expected, timeout=10_000)
    finally:
        language.use_language("en")


def test_each_mode_keeps_the_folder_chosen_in_it(qtbot, window_factory, tmp_path):
    """walk48 D2: MNIST's folder chosen in Digits, Fashion-MNIST's in Clothing; back in
    Digits the window read Fashion-MNIST's folder ("holds Fashion-MNIST, not MNIST") and the
    person had to choose again at every switch. Each mode keeps its own folder, this session
    and the next; the commands read the mode's folder of their dataset too."""
    digits, clothing = tmp_path / "my-digits", tmp_path / "my-clothes"
    digits.mkdir()
    clothing.mkdir()
    desk = window_factory(mode="digits")
    window = desk.window

    def choose(folder) -> None:
        with qtbot.waitSignal(desk.coordinator.data_changed, timeout=10_000):
            window.data_folder_chosen.emit(str(folder))  # what File > Data folder… sends

    def note_names(folder) -> bool:
        return window.status_note.text().split("\n")[:2] == ["Data folder:", str(folder)]

    choose(digits)
    window.mode_change_requested.emit("garments")
    choose(clothing)
    window.mode_change_requested.emit("digits")
    qtbot.waitUntil(lambda: note_names(digits), timeout=10_000)
    assert preferences.data_dir("mnist") == str(digits)
    assert preferences.data_dir("fashion") == str(clothing)
    window.mode_change_requested.emit("garments")
    qtbot.waitUntil(lambda: note_names(clothing), timeout=10_000)
    # the next session (and a command) reads each dataset from its mode's folder
    preferences._session_folders.clear()  # noqa: SLF001 - a new process starts without them
    assert preferences.remembered_data_dir("mnist") == str(digits)
    assert preferences.remembered_data_dir("fashion") == str(clothing)
    assert data_folders.window_folder("mnist") == str(digits)


def test_a_mode_without_its_own_folder_reads_the_one_chosen_last(qtbot, window_factory, tmp_path):
    """A parent folder holding mnist/ and fashion-mnist/, chosen in one mode, serves both:
    the other mode, with no folder of its own, reads the folder chosen last."""
    parent = tmp_path / "data"
    (parent / "mnist").mkdir(parents=True)
    (parent / "fashion-mnist").mkdir()
    desk = window_factory(mode="digits")
    with qtbot.waitSignal(desk.coordinator.data_changed, timeout=10_000):
        desk.window.data_folder_chosen.emit(str(parent))
    assert preferences.data_dir("mnist") == preferences.data_dir("fashion") == str(parent)
    assert datasets._folder_for("fashion", preferences.data_dir("fashion")) == str(  # noqa: SLF001
        parent / "fashion-mnist"
    )
