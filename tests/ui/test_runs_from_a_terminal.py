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
