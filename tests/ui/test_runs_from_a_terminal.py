"""Runs a terminal trains while the window is open reach the window (walk55 D14).

The runs folder's own entries were watched, and only while the Runs tab showed: the Train
page's headline ("the latest (19:21) …") waited for the next page switch, a runs folder made by
the first terminal run was never watched, and a terminal run that ended (its run.json rewritten
inside its own folder) stayed "running" in the list.
"""

from __future__ import annotations

from nndesk.controllers.run_list import RunListReader
from nndesk.controllers.training import TrainingController
from nndesk.run_record import RUNNING
from nndesk.runs import RunStore
from nndesk.ui.runs_view import RunsView
from tests.ui.conftest import training_page

WAIT_MS = 10_000  # the watch settles in 250 ms; a bound for a failure only


def _terminal_run(root, title: str, status: str = "completed"):
    record = RunStore(root).create({"dataset": "mnist", "arch": "784-16-10"}, title=title)
    record.status = status
    RunStore(root).save(record)
    return record


def test_a_terminal_run_is_named_by_the_train_page_left_open_on_its_live_tab(qtbot, tmp_path):
    root = tmp_path / "nndesk" / "runs"  # not made yet: the first terminal run makes it
    panel = training_page(TrainingController(lambda name: None, RunStore(root)))
    qtbot.addWidget(panel)
    panel.follow_mode("digits")  # as the window does: the headline names MNIST runs
    panel.resize(1200, 800)
    panel.show()
    assert panel.tabs.current_name() != "runs" and not panel.runs_view.isVisible()
    _terminal_run(root, "mnist from a terminal")
    qtbot.waitUntil(lambda: "mnist from a terminal" in panel.title.text(), timeout=WAIT_MS)
    _terminal_run(root, "mnist again from a terminal")
    qtbot.waitUntil(lambda: "mnist again from a terminal" in panel.title.text(), timeout=WAIT_MS)


def test_a_terminal_run_that_ends_is_listed_as_ended(qtbot, tmp_path):
    store = RunStore(tmp_path / "runs")
    # its process holds the run's training lock (``record.lock``): not "interrupted"
    record = _terminal_run(store.root, "training in a terminal", RUNNING)
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: [r.status for r in view.records()] == [RUNNING], timeout=WAIT_MS)
    record.status = "completed"
    store.save(record)  # as the terminal's run ends: inside its own folder
    qtbot.waitUntil(lambda: [r.status for r in view.records()] == ["completed"], timeout=WAIT_MS)


def test_a_listed_run_another_window_rewrites_is_listed_again(qtbot, tmp_path):
    """walk60 D11: two windows open; one's Runs list kept another's run as it first read it
    (no test accuracy, Use model greyed) after its run.json had changed, until the tab was
    left and shown again: only running runs' folders were watched. A completed run's record
    rewritten (its test figures) is listed again."""
    store = RunStore(tmp_path / "runs")
    record = _terminal_run(store.root, "trained in the other window")
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: [r.run_id for r in view.records()] == [record.run_id], timeout=WAIT_MS)
    assert "test_accuracy" not in view.records()[0].metrics
    record.metrics["test_accuracy"] = 0.8717
    store.save(record)  # the other window writes the run's test figures
    qtbot.waitUntil(
        lambda: view.records()[0].metrics.get("test_accuracy") == 0.8717, timeout=WAIT_MS
    )


def test_the_folders_followed_are_the_running_runs_and_the_newest_others(monkeypatch):
    from types import SimpleNamespace

    from nndesk.ui import runs_view

    monkeypatch.setattr(runs_view, "FOLLOWED_RUNS", 2)
    records = [
        SimpleNamespace(run_id=f"2026120{i}-000000-aaaa", status=status, folder=f"f{i}")
        for i, status in enumerate(["completed", RUNNING, "completed", "stopped", "completed"])
    ]
    assert runs_view.followed_folders(records) == ["f1", "f3", "f4"]
