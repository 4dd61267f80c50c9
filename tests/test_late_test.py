"""A run quit before its test, measured later by Evaluate: the figure is written into its
model file and its record, once, and nowhere else (walk60 D10)."""

from __future__ import annotations

from nndesk.late_test import record_late_test, untested
from nndesk.nn.serialization import load_model, read_model_header
from nndesk.run_record import MODEL_FILE, RUNNING
from nndesk.runs import RunStore
from tests.conftest import save_tiny_digit_model


def quit_run(root, status: str = "stopped"):
    """A run's folder as a quit leaves it: its model saved untested, its record ended."""
    store = RunStore(root)
    record = store.create({"dataset": "mnist", "arch": "784-16-10"}, title="quit")
    save_tiny_digit_model(record.folder / MODEL_FILE, "784-16-10", test_accuracy=None)
    record.model_file, record.status = MODEL_FILE, status
    store.save(record)
    if status != RUNNING:  # a running one's process holds its lock
        record.release_lock()
    return store, record


def test_a_quit_runs_measured_figure_goes_into_its_model_and_its_record(tmp_path):
    store, record = quit_run(tmp_path / "runs")
    model = record.folder / MODEL_FILE
    assert untested(read_model_header(model).info)
    assert record_late_test(model, 0.809, 0.5064)
    assert read_model_header(model).info["metrics"]["test_accuracy"] == 0.809
    assert load_model(model).info["metrics"] == {"test_accuracy": 0.809, "test_loss": 0.5064}
    assert store.load(record.run_id).test_accuracy == 0.809
    # measured once: a later figure (another dataset's copy, a bug) never overwrites it
    assert not record_late_test(model, 0.5, 1.0)
    assert store.load(record.run_id).test_accuracy == 0.809


def test_only_a_quit_runs_own_model_is_written(tmp_path):
    _, running = quit_run(tmp_path / "a", status=RUNNING)
    assert not record_late_test(running.folder / MODEL_FILE, 0.8, 0.5)
    assert untested(read_model_header(running.folder / MODEL_FILE).info)
    running.release_lock()
    # a model file outside a run's folder, or a copy under another name in it
    loose = save_tiny_digit_model(tmp_path / "model.npz", "784-16-10", test_accuracy=None)
    assert not record_late_test(loose, 0.8, 0.5)
    _, record = quit_run(tmp_path / "b")
    copy = save_tiny_digit_model(record.folder / "copy.npz", "784-16-10", test_accuracy=None)
    assert not record_late_test(copy, 0.8, 0.5)
    assert not record_late_test(record.folder / MODEL_FILE, float("nan"), 0.5)
    assert untested(read_model_header(record.folder / MODEL_FILE).info)
