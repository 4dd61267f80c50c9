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
