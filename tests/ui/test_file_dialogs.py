"""Qt's own file dialog speaks the window's language: sizes written as it writes them, and its
sidebar and column titles whole (in Vietnamese "0 bytes" / "2.00 KiB" stayed English and
"Máy tính" and "Kích thước" were cut)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QFileDialog, QListView, QSplitter, QTreeView

from nndesk.ui import file_dialogs, language


@pytest.fixture
def vietnamese(qapp, monkeypatch, tmp_path):
    """Vietnamese for one test (English again after it), Qt's dialog state kept in tmp_path."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert language.use_language("vi") == "vi"
    file_dialogs.install()
    yield
    language.use_language("en")


def open_dialog(qtbot, folder) -> QFileDialog:
    dialog = QFileDialog(None, "", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_file_sizes_are_written_in_the_windows_language(qtbot, tmp_path, vietnamese):
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "small.bin").write_bytes(b"x" * 2048)
    dialog = open_dialog(qtbot, folder)
    tree = dialog.findChild(QTreeView, "treeView")

    def sizes() -> dict[str, str]:
        model, root = tree.model(), tree.rootIndex()
        rows = range(model.rowCount(root))
        return {model.index(r, 0, root).data(): model.index(r, 1, root).data() for r in rows}

    qtbot.waitUntil(lambda: len(sizes()) == 2, timeout=10_000)
    vi = QLocale("vi")
    assert sizes() == {
        "empty.txt": vi.formattedDataSize(0),
        "small.bin": vi.formattedDataSize(2048),
    }
    assert sizes()["small.bin"] == "2,00 KiB" and sizes()["empty.txt"] == "0 byte"


def test_the_sidebar_and_the_column_titles_show_whole_in_vietnamese(qtbot, tmp_path, vietnamese):
    (tmp_path / "a file with a rather long name.txt").write_text("x")
    dialog = open_dialog(qtbot, tmp_path)
    sidebar = dialog.findChild(QListView, "sidebar")
    splitter = dialog.findChild(QSplitter, "splitter")
    tree = dialog.findChild(QTreeView, "treeView")
    header = tree.header()
    titles = [header.model().headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert "Kích thước" in titles  # the dialog speaks Vietnamese (Qt's words, nndesk_vi.ts)
    metrics = header.fontMetrics()

    def whole() -> bool:
        place_fits = splitter.sizes()[0] >= sidebar.sizeHintForColumn(0)
        titles_fit = all(
            header.sectionSize(c) >= metrics.horizontalAdvance(titles[c]) + 20 for c in range(1, 4)
        )
        columns_fit = header.length() <= tree.viewport().width()  # no column cut at the edge
        return place_fits and titles_fit and columns_fit

    qtbot.waitUntil(whole, timeout=10_000)
    assert dialog.width() <= dialog.screen().availableGeometry().width()


def test_one_click_on_choose_chooses_while_the_folder_names_completer_shows(qtbot, tmp_path):
    """s54: in the folder dialog (Choose a folder…), a folder typed in its field opened Qt's
    completer under it, and the first click on Choose only closed that list: the dialog
    stayed, as if the click had been lost. The click now closes the list and chooses."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDialogButtonBox, QFileSystemModel, QLineEdit

    file_dialogs.install()
    (tmp_path / "fashion-mnist").mkdir()
    dialog = QFileDialog(None, "", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    qtbot.addWidget(dialog)
    files = dialog.findChild(QFileSystemModel)
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: files.rowCount(files.index(str(tmp_path))) == 1, timeout=10_000)
    field = dialog.findChild(QLineEdit, "fileNameEdit")
    popup = field.completer().popup()
    field.setFocus()
    QTest.keyClicks(field, str(tmp_path / "fashion-mnist"))  # the list of matches opens
    qtbot.waitUntil(popup.isVisible, timeout=10_000)
    choose = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Open)
    assert choose is not None and choose.isEnabled()
    at = choose.mapTo(dialog, choose.rect().center())
    window = dialog.windowHandle()
    with qtbot.waitSignal(dialog.finished, timeout=10_000) as finished:
        QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
        QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    assert finished.args == [QFileDialog.DialogCode.Accepted]
    assert not popup.isVisible()
