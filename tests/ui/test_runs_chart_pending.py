"""The Runs chart never shows the previous selection's curves as the new one's (lab56: after a
Ctrl+click the status said "2 runs compared" while the chart showed the one run before for
2-5 s on a busy machine, with no word): a render that takes longer than a moment is said."""

from __future__ import annotations

import threading

from nndesk.runs import RunStore
from nndesk.ui import chart_image, runs_view
from nndesk.ui.language import translate
from nndesk.ui.off_gui import render_pool
from tests.ui.test_runs_view import add_run, make_view

WAIT_MS = 60_000


def test_a_new_selection_says_its_chart_is_being_drawn_until_it_comes(qtbot, tmp_path, monkeypatch):
    store = RunStore(tmp_path / "runs")
    first, second = add_run(store, "ReLU"), add_run(store, "sigmoid")
    release = threading.Event()
    slow = {"on": False}
    render = runs_view.render_selected

    def slow_render(*args, **kwargs):
        if slow["on"]:
            release.wait(WAIT_MS / 1000)  # a busy machine's seconds
        return render(*args, **kwargs)

    monkeypatch.setattr(runs_view, "render_selected", slow_render)
    view = make_view(qtbot, store)
    view.resize(700, 500)
    qtbot.waitUntil(lambda: view.row_count() == 2, timeout=WAIT_MS)
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        view.select_runs([first])
    chart = view.chart
    assert chart.pixmap() is not None and not chart.pixmap().isNull() and not chart.pending

    slow["on"] = True
    view.select_runs([first, second])  # Ctrl+click
    drawing = translate("ChartImage", "Drawing the chart…")
    qtbot.waitUntil(lambda: chart.text() == drawing, timeout=WAIT_MS)
    assert chart.pending and chart.pixmap().isNull()  # the one run's curves are not shown
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        release.set()
    assert not chart.pending and not chart.pixmap().isNull()

    # the runs shown, clicked again before another selection's chart came: no note over them
    release.clear()
    view.select_runs([first])
    qtbot.waitUntil(lambda: chart.pending, timeout=WAIT_MS)
    view.select_runs([first, second])
    assert not chart.pending and not chart.pixmap().isNull()
    release.set()
    assert render_pool().waitForDone(WAIT_MS)


def test_a_chart_drawn_at_once_never_flickers_to_the_note(qtbot, tmp_path, monkeypatch):
    """Within PENDING_MS the new chart simply replaces the old one; a resize draws the same
    runs again, the old image scaled meanwhile, with no note."""
    store = RunStore(tmp_path / "runs")
    first, second = add_run(store, "ReLU"), add_run(store, "sigmoid")
    monkeypatch.setattr(chart_image, "PENDING_MS", 60_000)  # no render is that slow
    view = make_view(qtbot, store)
    qtbot.waitUntil(lambda: view.row_count() == 2, timeout=WAIT_MS)
    notes = []
    view.chart.resized.connect(lambda: notes.append(view.chart.pending))
    for runs in ([first], [first, second], [second]):
        with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
            view.select_runs(runs)
        assert not view.chart.pending and not view.chart._pending_timer.isActive()
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        view.resize(view.width() + 60, view.height())
    assert not view.chart._pending_timer.isActive() and not any(notes)
