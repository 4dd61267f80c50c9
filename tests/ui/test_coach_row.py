"""The Train page's coach row (ui/coach_row.py): a live run's hint, its fix, after the run."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt

from tests.ui.test_training_panel import (  # noqa: F401 - fixtures
    WAIT_MS,
    panel,
    start_long_run,
    tiny_dataset,
    wait_until_idle,
)


def test_the_coach_names_dead_units_and_its_button_lowers_the_rate(qtbot, panel):  # noqa: F811
    from dataclasses import replace

    from nndesk.training.internals import InsideSample, LayerSample

    start_long_run(qtbot, panel)
    qtbot.waitUntil(lambda: bool(panel.controller.inside.names), timeout=WAIT_MS)
    with qtbot.waitSignal(panel.controller.paused_changed, timeout=WAIT_MS):
        panel.controller.pause()
    with qtbot.waitSignal(panel.controller.batch_finished, timeout=WAIT_MS) as stepped:
        panel.controller.step()  # one batch more, then held: its report, the page's last
    dead = InsideSample(1.0, (LayerSample(1.0, 1e-3, 0.95), LayerSample(1.0, 1e-3, math.nan)))
    # as if that batch had been sampled and showed the first layer dead: the controller keeps
    # the sample and tells the page
    panel.controller.inside.samples.append(dead)
    panel.controller.batches_finished.emit((replace(stepped.args[0], inside=dead),))
    assert panel.coach_label.isVisible() and "95% of the units after Dense 784" in (
        panel.coach_label.text()
    )
    lr = stepped.args[0].lr / 3  # the coach's fix: a third of the last batch's rate
    assert panel.coach_button.text() == f"Lower the learning rate to {float(f'{lr:.2g}'):g}"
    with (
        qtbot.waitSignal(panel.controller.batch_finished, timeout=WAIT_MS),  # and its report
        qtbot.waitSignal(panel.controller.lr_changed, timeout=WAIT_MS) as changed,
    ):
        qtbot.mouseClick(panel.coach_button, Qt.MouseButton.LeftButton)
        panel.controller.step()  # the change applies from the next batch
    assert changed.args[1] == pytest.approx(float(f"{lr:.2g}"))
    # after the run what the coach saw stays said, without a fix: there is no run to change
    # (that batch may have been sampled, alive: the dead one is made last again)
    panel.controller.inside.samples.append(dead)
    panel.controller.stop()
    wait_until_idle(qtbot, panel)
    assert "of the units after Dense 784" in panel.coach_label.text()
    assert panel.coach_label.isVisible() and not panel.coach_button.isVisible()


def test_the_row_sends_its_hints_fix_or_class_and_hides_without_a_hint(qtbot):
    from PySide6.QtWidgets import QWidget

    from nndesk.coach import Hint
    from nndesk.ui.coach_row import CoachRow

    page = QWidget()
    qtbot.addWidget(page)
    row = CoachRow()
    page.setLayout(row)
    page.show()
    fix = Hint("dead", "Units died", fix={"lr": 0.001}, fix_label="Lower the rate to {lr}")
    row.show_hints([fix], running=True)
    assert row.label.text() == "Units died" and row.button.text() == "Lower the rate to 0.001"
    with qtbot.waitSignal(row.fix_requested) as sent:
        qtbot.mouseClick(row.button, Qt.MouseButton.LeftButton)
    assert sent.args == [{"lr": 0.001}]
    shirts = Hint("mistakes", "Shirts", fix_label="See them", show_class=6)
    row.show_hints([shirts], running=True)
    assert not row.button.isEnabled()  # the Mistakes page shows the run's model once saved
    row.show_hints([shirts], running=False)
    with qtbot.waitSignal(row.mistakes_requested) as asked:
        qtbot.mouseClick(row.button, Qt.MouseButton.LeftButton)
    assert asked.args == [6]
    row.show_hints([], running=False)
    assert row.label.isHidden() and row.button.isHidden()
