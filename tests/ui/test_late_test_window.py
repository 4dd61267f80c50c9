"""Evaluate measuring a run quit before its test: the figure sticks in the status bar, the
Model box and Runs (walk60 D10: 80.9 % on Evaluate beside "untested", "Test accuracy: n/a"
and Runs "—", though the quit dialog said "Evaluate measures it later")."""

from __future__ import annotations

from nndesk.inference import Classifier
from nndesk.nn.serialization import read_model_header
from nndesk.paths import runs_dir
from nndesk.run_record import MODEL_FILE
from nndesk.runs import RunStore
from nndesk.ui.language import accuracy_text
from tests.conftest import save_tiny_digit_model

WAIT_MS = 60_000  # a bound for a hang only


def test_evaluate_writes_a_quit_runs_figure_where_the_window_reads_it(
    qtbot, window_factory, tiny_data_dir
):
    store = RunStore(runs_dir())
    record = store.create({"dataset": "mnist", "arch": "784-32-10"}, title="quit")
    model = save_tiny_digit_model(record.folder / MODEL_FILE, "784-32-10", test_accuracy=None)
    record.model_file, record.status = MODEL_FILE, "stopped"
    store.save(record)
    record.release_lock()
    desk = window_factory(classifier=Classifier.from_file(model))
    window = desk.window
    assert desk.training.store.root == store.root
    assert window.accuracy_status.text() == "Test accuracy: n/a"
    qtbot.waitUntil(lambda: "untested" in window.model_combo.currentText(), timeout=WAIT_MS)
    with qtbot.waitSignal(desk.evaluation.test_recorded, timeout=WAIT_MS):
        window.tabs.setCurrentWidget(desk.evaluate_page)
    measured = desk.evaluation.result().accuracy
    shown = accuracy_text(measured)
    assert window.accuracy_status.text() == f"Test accuracy: {shown}"
    assert read_model_header(model).info["metrics"]["test_accuracy"] == measured
    assert store.load(record.run_id).test_accuracy == measured
    qtbot.waitUntil(lambda: window.model_combo.currentText().endswith(shown), timeout=WAIT_MS)
    window.tabs.setCurrentWidget(desk.train_page)
    desk.train_page.tabs.setCurrentWidget(desk.train_page.runs_view)
    runs = desk.train_page.runs_view
    qtbot.waitUntil(
        lambda: [r.test_accuracy for r in runs.records()] == [measured], timeout=WAIT_MS
    )
