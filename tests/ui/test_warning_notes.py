"""The core's warnings meant for a person (NndeskWarning) are said in the window, in its
language, and never printed on stderr as Python's two-line warning: a data folder holding other
files than the published ones, a format-1 model file (whose message box says it already)."""

from __future__ import annotations

import threading
import warnings

from nndesk.errors import DataWarning, NndeskWarning
from nndesk.i18n import N_, Message
from nndesk.inference import Classifier


def status_text(window) -> str:
    """The status line's whole text (its tooltip when the line was shortened to fit)."""
    bar = window.statusBar()
    return bar.toolTip() or bar.currentMessage()


def test_a_data_folder_of_other_files_is_said_in_the_status_line_and_not_on_stderr(
    qtbot, window_factory, tiny_model_file, tiny_data_dir
):
    with warnings.catch_warnings(record=True) as printed:
        warnings.simplefilter("default")
        desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
        with qtbot.waitSignal(desk.coordinator.loader.loaded, timeout=60_000):
            desk.coordinator.loader.request("mnist")  # read on the loader's thread
        qtbot.waitUntil(lambda: "differ from the published" in status_text(desk.window))
        text = status_text(desk.window)
        assert str(tiny_data_dir) in text and text.endswith("using them as given")
        # a plain warning (a library's) still goes where it went
        warnings.warn("some library's own warning", UserWarning, stacklevel=1)
    assert [str(w.message) for w in printed] == ["some library's own warning"]


def test_a_warning_from_a_worker_thread_is_said_in_the_windows_language(
    qtbot, window_factory, tiny_model_file
):
    from nndesk.ui import language

    assert language.use_language("vi") == "vi"
    try:
        text = Message(
            N_("{folder}: {files} differ from the published {dataset} files; using them as given"),
            folder="/data/lab",
            files="t10k-labels-idx1-ubyte.gz",
            dataset="mnist",
        )
        with warnings.catch_warnings(record=True) as printed:
            warnings.simplefilter("always")
            desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
            worker = threading.Thread(target=lambda: warnings.warn(DataWarning(text), stacklevel=1))
            worker.start()
            worker.join()
            qtbot.waitUntil(lambda: "/data/lab" in status_text(desk.window))
        assert not [w for w in printed if issubclass(w.category, NndeskWarning)]
        shown = status_text(desk.window)
        assert shown.startswith("/data/lab: t10k-labels-idx1-ubyte.gz") and shown != str(text)
        assert "differ" not in shown  # Vietnamese
    finally:
        language.use_language("en")


def test_a_format_1_model_opened_in_the_window_is_said_in_its_message_alone(
    qtbot, window_factory, tiny_model_file, tmp_path, monkeypatch
):
    """The window's message box says it; Python's default warning line on stderr was printed
    too, from the prediction worker."""
    from PySide6.QtWidgets import QMessageBox

    from tests.conftest import as_format_1

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(title))
    old = as_format_1(tiny_model_file, tmp_path / "old.npz")
    with warnings.catch_warnings(record=True) as printed:
        warnings.simplefilter("default")
        desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
        with qtbot.waitSignal(desk.prediction.classifier_changed, timeout=10_000):
            desk.prediction.open_model(str(old))
    assert said == ["Old model file"]
    assert [w for w in printed if issubclass(w.category, NndeskWarning)] == []
    assert "old (format 1)" not in status_text(desk.window)  # the box said it: once is enough
