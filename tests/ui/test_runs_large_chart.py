"""The Runs tab's comparison chart enlarged: at 1024x700 the tab left four runs' plots ~90 px
tall under the Train page's header and the table (walk67 #2); one click shows them as large as
the window, and Esc puts the chart back under the table."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import stored_runs, xvfb_desktop_text
from tests.ui.test_layout import WAIT_MS, show_at


def _plots_height(view, size) -> float:
    """The lowest of the three plots' heights (px) in the Runs chart of the runs ``view`` plots,
    drawn ``size`` large at the window's text size."""
    from nndesk.ui import runs_chart, text_size

    fig = runs_chart.overlay_figure(view.plotted, "", *size, zoom=text_size.chart_zoom())
    renderer = fig.canvas.get_renderer()
    return min(ax.get_window_extent(renderer).height for ax in fig.axes if ax.get_visible())


def _drawn_at_its_size(chart) -> bool:
    image = chart.image
    ratio = chart.devicePixelRatioF()
    return image is not None and abs(image.height() - chart.height() * ratio) <= 2 * ratio


@pytest.mark.parametrize(
    "code, larger", [("en", False), ("vi", True)], ids=["en-normal", "vi-larger"]
)
def test_four_runs_compared_at_1024x700_are_shown_large_in_one_click_and_put_back_by_esc(
    qtbot,
    qapp,
    window_factory,
    normal_text_after,
    tiny_idx_dir,
    monkeypatch,
    code,
    larger,
):
    from nndesk.ui import language

    xvfb_desktop_text(qapp, larger)
    assert language.use_language(code) == code
    try:
        _shown_large(qtbot, window_factory, tiny_idx_dir, monkeypatch)
    finally:
        language.use_language("en")


def _shown_large(qtbot, window_factory, tiny_idx_dir, monkeypatch) -> None:
    from tests.test_runs import two_epoch_curves

    archs = ("784-32-10", "784-64-10", "784-128-10", "784-256-10")
    stored_runs(
        [{"dataset": "mnist", "arch": a, "lr": 0.01} for a in archs], curves=two_epoch_curves
    )
    monkeypatch.setenv("NNDESK_DATA_DIR", str(tiny_idx_dir))  # MNIST is here: no data offer
    desk = window_factory()
    window = show_at(desk, (1024, 700))
    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    view = page.runs_view
    page.tabs.setCurrentWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.row_count() == 4, timeout=WAIT_MS)
    view.table.selectAll()
    chart = view.chart
    qtbot.waitUntil(lambda: len(view.plotted) == 4 and _drawn_at_its_size(chart), timeout=WAIT_MS)
    in_tab = _plots_height(view, (chart.width(), chart.height()))
    # its button costs the chart no line: the buttons keep two (vi, Larger: 2, 2 and 3 with
    # it second in the row)
    buttons = view.large_button.parentWidget().findChildren(type(view.large_button))
    assert len({b.y() for b in buttons if b.isVisible()}) <= 2

    assert view.large_button.isEnabled()
    qtbot.mouseClick(view.large_button, Qt.MouseButton.LeftButton)
    large = view.large
    assert large is not None and chart.window() is large
    qtbot.waitUntil(lambda: large.isVisible() and _drawn_at_its_size(chart), timeout=WAIT_MS)
    assert chart.height() >= window.height() - 120, (chart.height(), window.height())
    enlarged = _plots_height(view, (chart.width(), chart.height()))
    print(f"plots {in_tab:.0f} px tall in the tab, {enlarged:.0f} px enlarged")
    # (the walk's tab, under a run's header and coach box: ~90 px, ~20 px during a run)
    assert enlarged >= 200 and enlarged > in_tab, (in_tab, enlarged)
    # the table behind still answers: a run left out is left out of the large chart
    view.select_runs([view.selected_records()[0].run_id, view.selected_records()[1].run_id])
    qtbot.waitUntil(lambda: len(view.plotted) == 2, timeout=WAIT_MS)

    qtbot.keyClick(large, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.large is None, timeout=WAIT_MS)
    assert view.split.count() == 2 and view.split.widget(1) is chart
    qtbot.waitUntil(lambda: chart.isVisible() and _drawn_at_its_size(chart), timeout=WAIT_MS)
    assert chart.height() < window.height() // 2
    # a click on the chart in the tab enlarges it too
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton)
    assert view.large is not None and chart.window() is view.large
    view.large.reject()
    QApplication.processEvents()
    assert view.large is None and view.split.widget(1) is chart
