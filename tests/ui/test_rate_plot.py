"""The learning rate per epoch drawn: the schedule the Train form's fields plan, and on the Live
tab the rate each epoch trained at (walk69 D4: the lab asks for the schedule as a curve; the form
had a tooltip and the run a number in the speed line)."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt

from nndesk.training.session import planned_rates
from nndesk.ui.train_form import TrainForm
from tests.ui.test_training_panel import (  # noqa: F401 - fixtures
    WAIT_MS,
    panel,
    start_long_run,
    tiny_dataset,
    wait_until_idle,
)


@pytest.fixture
def form(qtbot):
    widget = TrainForm()
    qtbot.addWidget(widget)
    widget.apply_preset("fashion-prelu-l2")  # Adam 0.0005, exponential after 10 epochs, 20
    widget.show()
    return widget


def test_the_form_draws_the_schedule_its_fields_plan_and_follows_them(form):
    plot = form.rate_plot
    assert plot.isVisible()
    assert plot.planned == planned_rates(form.config())
    rates = dict(plot.planned)
    assert rates[1] == rates[10] == pytest.approx(5e-4)  # kept 10 epochs
    assert rates[11] == pytest.approx(5e-4 * math.exp(-0.1))
    assert rates[20] == pytest.approx(5e-4 * math.exp(-1.0))
    form.schedule_rate.setText("0.3")  # as typed: the curve follows the field
    assert dict(plot.planned)[12] == pytest.approx(5e-4 * math.exp(-0.6))
    form.schedule.setCurrentIndex(form.schedule.findData("cosine"))
    form.min_lr.setText("1e-5")
    rates = dict(plot.planned)
    assert plot.planned == planned_rates(form.config())
    assert rates[1] == pytest.approx(5e-4) and rates[20] < rates[10] < rates[1]
    form.lr.setText("0")  # a rate that does not read: no curve, no error
    assert not plot.isVisible()
    form.lr.setText("5e-4")
    assert plot.isVisible()
    form.schedule.setCurrentIndex(form.schedule.findData("constant"))
    assert not plot.isVisible()  # a flat line says nothing the rate field does not


def test_the_decay_rates_tip_names_its_field_in_both_languages(form, qapp):
    from nndesk.ui import language

    assert "exp(-Decay rate)" in form.schedule_rate.toolTip()
    assert language.use_language("vi") == "vi"
    try:
        vi = TrainForm()
        vi.apply_preset("fashion-prelu-l2")
        assert "exp(-Tốc độ giảm)" in vi.schedule_rate.toolTip()
        assert "RATE" not in vi.schedule_rate.toolTip()
        vi.deleteLater()
    finally:
        language.use_language("en")


def test_the_live_tab_draws_each_epochs_rate_against_the_plan_and_a_rate_set_by_hand(
    qtbot,
    panel,  # noqa: F811 - the fixture imported above
):
    rates = panel.live_page.rates
    panel.form.set_config(
        panel.form.config().replace(epochs=3, schedule="step", schedule_step=1, schedule_gamma=0.5)
    )
    with qtbot.waitSignal(panel.model_ready, timeout=WAIT_MS):
        qtbot.mouseClick(panel.train_button, Qt.MouseButton.LeftButton)
    wait_until_idle(qtbot, panel)
    lr = panel.form.config().lr
    assert rates.planned == [(1, lr), (2, lr / 2), (3, lr / 4)]
    qtbot.waitUntil(lambda: len(rates.trained) == 3, timeout=WAIT_MS)
    # the loop trained each epoch at the plan's rate: one function for both
    assert [r for _, r in rates.trained] == pytest.approx([r for _, r in rates.planned])
    assert rates.isVisible() and rates.marks == []
    # a window rebuilt in another language draws them again
    state, planned = panel.page_state(), list(rates.planned)
    panel.live_page.show_plan([], scheduled=False)
    panel.restore_page_state(state)
    assert rates.planned == planned and rates.isVisibleTo(panel.live_page)
    # a constant rate takes no room
    panel.form.set_config(panel.form.config().replace(epochs=1, schedule="constant"))
    with qtbot.waitSignal(panel.model_ready, timeout=WAIT_MS):
        qtbot.mouseClick(panel.train_button, Qt.MouseButton.LeftButton)
    wait_until_idle(qtbot, panel)
    assert not rates.isVisibleTo(panel.live_page)


def test_a_rate_set_by_hand_is_marked_on_the_live_rate_plot_as_on_the_batch_chart(
    qtbot,
    panel,  # noqa: F811 - the fixture imported above
):
    rates = panel.live_page.rates
    start_long_run(qtbot, panel)  # a constant rate: no plot until one is set by hand
    qtbot.waitUntil(lambda: "samples/s" in panel.speed.text(), timeout=WAIT_MS)
    assert not rates.isVisibleTo(panel.live_page)
    panel.live_lr.setText("2e-4")
    qtbot.mouseClick(panel.lr_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.curves.lr_changes != [], timeout=WAIT_MS)
    panel.plot.request_draw()
    qtbot.waitUntil(lambda: rates.marks == panel.curves.lr_changes, timeout=WAIT_MS)
    assert rates.marks[0][1] == pytest.approx(2e-4)
    assert rates.isVisibleTo(panel.live_page)
    panel.controller.stop()
    wait_until_idle(qtbot, panel)


def test_the_rate_plot_shown_grows_the_live_tabs_least_height_not_over_the_charts(qtbot, panel):  # noqa: F811
    """Shown inside the tabs' old least height, the plot was drawn over the per-epoch charts
    (Xvfb, 1024x700, Vietnamese)."""
    page, tabs = panel.live_page, panel.live_page.parentWidget().parentWidget()
    tabs.setCurrentWidget(page)
    before = tabs.minimumHeight()
    page.show_plan([(1, 0.01), (2, 0.005)], scheduled=True)
    assert tabs.minimumHeight() >= before + page.rates.height()
    page.show_plan([(1, 0.01), (2, 0.01)], scheduled=False)
    assert tabs.minimumHeight() == before


def _steered_curves():
    """Three epochs at a planned 0.001, 0.0003 set by hand at epoch 1, batch 68 of 100."""
    from nndesk.run_curves import Curves

    curves = Curves()
    for i in range(1, 301):
        curves.batch_x.append(i / 100)
        curves.batch_loss.append(1.0)
    curves.epochs = [1, 2, 3]
    curves.train_loss = [0.5, 0.4, 0.35]
    curves.train_accuracy = [0.8, 0.85, 0.87]
    curves.lr = [3e-4, 3e-4, 3e-4]
    curves.add_lr_change(0.68, 3e-4)
    return curves


def test_the_rate_strip_places_epochs_and_a_change_as_the_epoch_charts_above_it(qtbot):
    """walk72 F1: the strip drew epoch e at e - 0.5, so a rate set at 0.68 stood right of "1"
    on it and left of "1" on the per-epoch charts. Compared in data coordinates: where each
    point lies across its plot, 0 at the left end, 1 at the right."""
    from nndesk.ui.live_page import live_figure
    from nndesk.ui.rate_plot import RatePlot

    figure, live = live_figure()
    curves = _steered_curves()
    live.update(curves)
    _batch, ax_loss, ax_acc = live.axes
    plot = RatePlot()
    qtbot.addWidget(plot)
    plot.show_plan([(1, 1e-3), (2, 1e-3), (3, 1e-3)])
    plot.show_trained(curves.epochs, curves.lr, curves.lr_changes)
    mark_x = curves.lr_changes[0][0]
    # the change's dotted line on the epoch charts is at the same x as on the strip
    lines = [ln for ln in ax_loss.get_lines() if list(ln.get_xdata()) == [mark_x, mark_x]]
    assert lines, "the epoch chart marks the change"
    for ax in (ax_loss, ax_acc):
        across = ax.transLimits.transform

        for x in (mark_x, 1, 2, 3):
            assert plot.fraction(x) == pytest.approx(across((x, 0.5))[0])
    assert plot.fraction(mark_x) < plot.fraction(1)  # left of "1", as above it


def test_the_plan_line_stops_at_a_rate_set_by_hand(qtbot):
    """walk72 F1: the dashed plan went on at 0.001 to the last epoch after 0.0003 was set by
    hand at 0.68, and read "the rate goes back to 0.001"."""
    from nndesk.ui.rate_plot import RatePlot

    plot = RatePlot()
    qtbot.addWidget(plot)
    plot.show_plan([(1, 1e-3), (2, 1e-3), (3, 1e-3)])
    assert plot.plan_drawn()[-1] == (3.0, 1e-3)  # no change: the plan to its end
    plot.show_trained([1, 2, 3], [3e-4] * 3, [(0.68, 3e-4)])
    drawn = plot.plan_drawn()
    assert max(x for x, _ in drawn) == pytest.approx(0.68)
    assert all(r == pytest.approx(1e-3) for _, r in drawn)  # the plan up to the change
    # a schedule cut mid-way ends at its rate there, not its next epoch's
    plot.show_plan([(1, 1e-3), (2, 5e-4), (3, 2.5e-4)])
    plot.show_trained([1, 2], [1e-3, 1e-4], [(1.5, 1e-4)])
    assert plot.plan_drawn()[-1] == pytest.approx((1.5, 7.5e-4))
    planned, used = plot.key_words()
    assert planned and used and planned != used
