"""How many selected runs the Runs chart draws, and which it leaves out (walk58 #3: lab 2's four
runs and a repeat, five selected, drew "the first 4": the lab's first run was silently left
out)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from nndesk.controllers.run_list import RunListReader
from nndesk.runs import RunStore
from nndesk.ui.runs_table import STARTED
from nndesk.ui.runs_view import OVERLAY_RUNS, RunsView
from tests.ui.conftest import stored_runs

LAB2 = {"dataset": "mnist", "arch": "784-784-10", "lr": 0.01, "optimizer": "adam"}


def _runs(store: RunStore, count: int) -> list[str]:
    activations, inputs = ("sigmoid", "relu", "tanh"), ("raw", "unit", "symmetric", "standard")
    configs = [
        {**LAB2, "activation": activations[i % 3], "normalize": inputs[i % 4], "batch_size": 32 + i}
        for i in range(count)
    ]
    return [record.run_id for record in stored_runs(configs, store)]


def _view(qtbot, store: RunStore) -> RunsView:
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    view.show()
    return view


def test_lab_twos_runs_and_a_repeat_are_all_drawn(qtbot, tmp_path):
    store = RunStore(tmp_path / "runs")
    _runs(store, 5)
    view = _view(qtbot, store)
    with qtbot.waitSignal(view.rendered, timeout=60_000):
        view.table.selectAll()
    assert len(view.plotted) == 5
    assert view.hint.text().startswith("5 runs compared")


def test_the_runs_left_out_are_named_as_their_rows_read(qtbot, tmp_path):
    store = RunStore(tmp_path / "runs")
    ids = _runs(store, OVERLAY_RUNS + 2)
    view = _view(qtbot, store)
    with qtbot.waitSignal(view.rendered, timeout=60_000):
        view.table.selectAll()
    assert len(view.plotted) == OVERLAY_RUNS
    # the table lists the newest first: the two oldest are left out, and named
    oldest = [view.cell(row, STARTED) for row in range(view.row_count())][-2:]
    hint = view.hint.text()
    assert hint.startswith(f"The chart compares {OVERLAY_RUNS} of the {len(ids)} selected runs;")
    for started in oldest:
        assert started in hint
    assert "(sigmoid, batch 32, pixels 0 to 255)" in hint  # the first run, by what sets it apart
    assert "Ctrl-click a run it shows to leave that one out instead." in hint
    # leaving out a drawn run draws one of those named instead
    drawn = [label for label, _ in view.plotted]
    first = view.model.index(0, 0)
    with qtbot.waitSignal(view.rendered, timeout=60_000):
        view.table.selectionModel().select(
            first,
            view.table.selectionModel().SelectionFlag.Deselect
            | view.table.selectionModel().SelectionFlag.Rows,
        )
    assert len(view.plotted) == OVERLAY_RUNS
    assert [label for label, _ in view.plotted] != drawn
    assert oldest[0] in view.hint.text() or oldest[1] in view.hint.text()
    assert view.cell(0, 0, Qt.ItemDataRole.UserRole) not in [r.run_id for r in view._drawn_records]
