"""The Runs table shows its selected run when it is shown and when a run is selected for it
(walk58 #7: four race lanes kept, the newest selected, it opened scrolled to older runs)."""

from __future__ import annotations

from nndesk.controllers.run_list import RunListReader
from nndesk.runs import RunStore
from nndesk.ui.runs_view import RunsView


def _add_run(store: RunStore, title: str) -> str:
    record = store.create({"dataset": "mnist", "arch": "784-10", "lr": 0.1}, title=title)
    record.status = "completed"
    store.save(record)
    return record.run_id


def _in_sight(view: RunsView, run_id: str) -> bool:
    model, table = view.model, view.table
    row = next(r for r in range(model.rowCount()) if model.record(r).run_id == run_id)
    rect = table.visualRect(model.index(row, 0))
    return rect.isValid() and table.viewport().rect().intersects(rect)


def _small_view(qtbot, store: RunStore) -> RunsView:
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.table.setFixedHeight(view.table.horizontalHeader().height() + 3 * 30)
    view.show()
    qtbot.waitUntil(lambda: not view.reading and view.row_count() > 0)
    return view


def test_a_run_selected_while_the_table_is_scrolled_away_is_brought_into_sight(qtbot, tmp_path):
    store = RunStore(tmp_path / "runs")
    ids = [_add_run(store, f"run {i}") for i in range(20)]
    view = _small_view(qtbot, store)
    view.table.scrollToBottom()
    assert not _in_sight(view, ids[-1])  # the newest run, listed first
    newest = _add_run(store, "kept lane")
    ids.append(newest)
    view.refresh(select_id=newest)
    qtbot.waitUntil(lambda: not view.reading)
    assert [r.run_id for r in view.selected_records()] == [newest]
    assert _in_sight(view, newest)


def test_the_table_shown_again_scrolls_to_its_selected_run(qtbot, tmp_path):
    store = RunStore(tmp_path / "runs")
    ids = [_add_run(store, f"run {i}") for i in range(20)]
    view = _small_view(qtbot, store)
    view.select_runs([ids[-1]])
    view.hide()  # another tab of the Train page
    view.table.scrollToBottom()  # rows listed meanwhile pushed it out of sight
    assert not _in_sight(view, ids[-1])
    view.show()
    qtbot.waitUntil(lambda: not view.reading)
    assert _in_sight(view, ids[-1])
