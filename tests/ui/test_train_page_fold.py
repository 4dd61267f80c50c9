"""The Train page's top folds on the Runs tab (its table showed three rows at 1024x700), and
Train keeps the Inside tab, which shows the run as it goes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.test_layout import SMALL, WAIT_MS, show_at
from tests.ui.test_layout_wrapped import language_code  # noqa: F401 - a fixture
from tests.ui.test_training_panel import panel, tiny_dataset, wait_until_idle  # noqa: F401


def shown_rows(view) -> float:
    table = view.table
    return table.viewport().height() / table.verticalHeader().defaultSectionSize()


@pytest.mark.parametrize("size", [SMALL], ids=["1024x700"])
def test_the_runs_tab_shows_eight_rows_at_1024x700_with_train_in_sight(
    qtbot,
    window_factory,
    tiny_data_dir,
    language_code,  # noqa: F811 - the fixture
    size,
):
    """fix57b/s58: with 20 runs the Runs table showed three rows at 1024x700 under the run's
    steering, the progress line and the coach's box (kept from the page's first run), over a
    chart of 175-215 px. On the Runs tab the top folds to the headline, the run buttons and
    the progress bar, and the table gets its rows before the chart grows past its least."""
    from nndesk import paths
    from nndesk.runs import RunStore

    store = RunStore(paths.runs_dir())
    for width in range(8, 28):
        store.create({"dataset": "mnist", "arch": f"784-{width}-10", "optimizer": "adam"})
    desk = window_factory()
    window = show_at(desk, size)
    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    page.coach.reserve()  # the coach's box, as after the page's first run
    view = page.runs_view
    page.tabs.setCurrentWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.isVisible() and view.row_count() == 20, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: shown_rows(view) >= 7.9, timeout=WAIT_MS)
    assert window.height() == size[1]
    assert page.train_button.isVisible()  # what starts a run stays in sight
    assert page.train_button.visibleRegion().boundingRect() == page.train_button.rect()
    assert page.progress.isVisible()
    assert not page.apply_button.isVisible() and not page.coach.place.isVisible()
    assert view.chart.height() >= 150  # the chart keeps its least
    # back on Live the top unfolds: the steering and the coach's place come back
    page.tabs.setCurrentWidget(page.live_page)
    QApplication.processEvents()
    assert page.apply_button.isVisible() and page.slow_motion.isVisible()
    assert page.speed.isVisible() and page.coach.place.isVisible()


def test_a_runs_table_of_a_few_runs_leaves_the_height_to_the_chart(
    qtbot, window_factory, tiny_data_dir
):
    """Rows the table would show empty go to the chart."""
    from nndesk import paths
    from nndesk.runs import RunStore

    store = RunStore(paths.runs_dir())
    for width in (8, 9):
        store.create({"dataset": "mnist", "arch": f"784-{width}-10", "optimizer": "adam"})
    desk = window_factory()
    window = show_at(desk, SMALL)
    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    view = page.runs_view
    page.tabs.setCurrentWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.isVisible() and view.row_count() == 2, timeout=WAIT_MS)
    QApplication.processEvents()
    assert 3 <= shown_rows(view) < 4  # its least: three rows
    assert view.chart.height() > 200


def test_a_coach_button_dropped_while_folded_stays_hidden_unfolded(qtbot):
    """The coach's button hidden (its fix applied) on a folded page does not come back when
    the page unfolds; one still wanted does."""
    from PySide6.QtWidgets import QWidget

    from nndesk.ui.coach_row import CoachRow

    holder = QWidget()
    coach = CoachRow()
    holder.setLayout(coach)
    qtbot.addWidget(holder)
    holder.show()
    coach._show_button(True)
    coach.fold(True)
    assert not coach.button.isVisible()
    coach.fold(False)
    assert coach.button.isVisible()
    coach.fold(True)
    coach.drop_button()
    coach.fold(False)
    assert not coach.button.isVisible()


def test_train_keeps_the_inside_tab_and_leaves_runs_for_live(qtbot, panel):  # noqa: F811
    """verify57: Train always switched to Live, so a person watching Inside clicked it again
    1.5-3 s into every run. Inside shows the run as it goes: Train keeps it; from Runs (the
    past runs) Train shows the curves."""
    panel.tabs.setCurrentWidget(panel.inside_page)
    assert panel.start_training()
    assert panel.tabs.currentWidget() is panel.inside_page
    wait_until_idle(qtbot, panel)
    panel.tabs.setCurrentWidget(panel.runs_view)
    assert panel.start_training()
    assert panel.tabs.currentWidget() is panel.live_page
    wait_until_idle(qtbot, panel)
