"""The Train page's coach row (ui/coach_row.py): a live run's hint, its fix, after the run."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import point_at
from tests.ui.test_training_panel import (  # noqa: F401 - fixtures
    WAIT_MS,
    panel,
    slow_panel,
    start_held_run,
    tiny_dataset,
    wait_until_idle,
)


def test_the_coach_names_dead_units_and_its_button_lowers_the_rate(
    qtbot,
    slow_panel,  # noqa: F811
):
    from dataclasses import replace

    from nndesk.training.internals import InsideSample, LayerSample

    panel = slow_panel  # noqa: F811 - the page with a held run
    last = start_held_run(qtbot, panel)  # one batch, then held: its report, the page's last
    qtbot.waitUntil(lambda: bool(panel.controller.inside.names), timeout=WAIT_MS)
    dead = InsideSample(1.0, (LayerSample(1.0, 1e-3, 0.95), LayerSample(1.0, 1e-3, math.nan)))
    # as if that batch had been sampled and showed the first layer dead: the controller keeps
    # the sample and tells the page
    panel.controller.inside.samples.append(dead)
    panel.controller.batches_finished.emit((replace(last, inside=dead),))
    assert panel.coach_label.isVisible() and "95% of the units after Dense 784" in (
        panel.coach_label.text()
    )
    lr = last.lr / 3  # the coach's fix: a third of the last batch's rate
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
    # (on two lines in a row this narrow: compared word for word)
    assert row.label.text() == "Units died"
    assert row.button.text().split() == ["Lower", "the", "rate", "to", "0.001"]
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


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)], ids=["1024", "1280"])
def test_a_hint_coming_and_going_during_a_run_moves_nothing_under_the_pointer(
    qtbot,
    slow_panel,  # noqa: F811
    size,
    pointer,
):
    """walk47 D7: the coach's banner appeared and went mid-run, moving the Settings/Live/
    Inside… tabs ~50 px down and up under the pointer; at 1280 px its button's text ran off
    its edges in the first frame."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtWidgets import QApplication

    from nndesk.coach import Hint

    panel = slow_panel  # noqa: F811 - the page with a held run
    panel.resize(*size)
    qtbot.waitUntil(panel.isVisible)
    start_held_run(qtbot, panel)  # held: its batches' own (no) hint does not replace ours
    controls = [panel.tabs.tabBar(), panel.tabs.currentWidget()]

    def places():
        # the layouts only: the run's queued reports would say the coach's (no) hint again
        for _ in range(3):
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        return [c.mapTo(panel, QPoint(0, 0)) for c in controls]

    QApplication.processEvents()  # what the run sent before it was held
    quiet = places()
    # the place is kept from the run's start (holding the quiet line, or a hint the tiny run
    # itself earned: the batch run failed once on asserting the quiet line)
    assert panel.coach.place.isVisible()
    long_text = "Training accuracy is 9.8% after 60 batches, near guessing. " * 20
    hints = (
        Hint("stuck", "Training accuracy is 9.8% after 60 batches, near the 10% of guessing "
             "and not climbing.", fix={"lr": 0.17}, fix_label="Lower the learning rate to {lr:g}"),
        Hint("dead", long_text, fix={"lr": 0.17}, fix_label="Lower the learning rate to {lr:g}"),
    )  # fmt: skip
    for hint in hints:
        panel.coach.show_hints([hint], running=True)
        assert places() == quiet, hint.kind
        assert panel.coach_label.isVisible() and panel.coach_button.isVisible()
        button = panel.coach_button
        assert button.width() >= button.sizeHint().width()  # its whole text
        right = button.mapTo(panel, QPoint(button.width(), 0)).x()
        assert right <= panel.width()
        if hint.kind == "dead":  # longer than its lines: whole, the rest a scroll away
            label = panel.coach_label
            assert not label.is_cut() and label.displayed_text() == long_text
            assert panel.coach.scroll.verticalScrollBar().maximum() > 0
        panel.coach.show_hints([], running=True)
        assert places() == quiet, hint.kind
    point_at(panel.tabs.tabBar())  # the person's next click waits on the tabs
    panel.controller.stop()
    wait_until_idle(qtbot, panel)
    assert places() == quiet  # nor does the run's end (the header waits for the pointer)


def _every_hint():
    """One hint of each kind the coach says (its message templates, read from the
    translations), with long but likely values."""
    from nndesk.coach import Hint
    from nndesk.i18n import Loss
    from tools.translations import read_ts, ts_path

    values = {
        "name": "Pullover", "share": 0.43, "n": 1234, "total": 2870, "other": "Shirt",
        "before": Loss(0.4123), "recent": Loss(2.3141), "v0": Loss(0.3312), "e0": 3,
        "v2": Loss(0.4521), "e2": 12, "t0": Loss(0.3011), "t2": Loss(0.1234),
        "accuracy": 0.098, "steps": 1200, "change": "augmentation turned on at batch 1,200",
        # the settings' hints (lab56): too few steps, raw pixels into saturating units
        "batch": 1000000, "size": 128, "per": 422, "activation": "sigmoid",
        # a run a learning rate set by hand threw back to chance (walk60 D5)
        "high": 0.381, "low": 0.101, "rate": 0.0025,
        # a validation (or, without one, training) loss that rose after the rate was raised
        # by hand (walk62 D1, verify63 V6)
        "previous": 0.0005, "at": 12,
        # a large, lasting gap between training and validation accuracy (walk64 D15)
        "train": 0.972, "val": 0.905, "epoch": 20, "points": 6.7,
        # a network collapsed to the loss of guessing (verify66 #3)
        "loss": Loss(2.3012), "since": 1234, "chance": Loss(2.3026),
        # a run stalled far under what a network reaches (walk68 D3): also "accuracy",
        # "steps", "size"; a run dead at the loss of guessing after too large steps
        # (verify68 #2): "accuracy", "loss", "epochs", "n", "chance"
        "epochs": 101,
        # raw pixels into ReLUs at a rate whose steps kill most of them (fixX)
        "lr": 0.01,
    }  # fmt: skip
    texts = [m.source for m in read_ts(ts_path("vi")) if m.context == "Coach"]
    said = [t for t in texts if t.endswith(".")]  # the buttons' labels end without a stop
    assert len(said) == 24, said
    fix = "Lower the learning rate to {lr:g}"  # a button beside it, as most hints have
    return [Hint("hint", text, values, {"lr": 0.00033}, fix) for text in said]


@pytest.mark.parametrize("code", ["en", "vi"])
def test_every_hint_can_be_read_whole_in_the_coachs_place_at_1024(
    qtbot, window_factory, stroke_classifier, code
):
    """At 1024x700 in Vietnamese three of the seven hints lost their ends in the coach's
    three lines ("…"), readable only in a tooltip. A longer one now scrolls, whole, in the
    same place, and the place does not grow."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from nndesk.ui import language
    from nndesk.ui.language import translate_marked

    assert language.use_language(code) == code
    try:
        desk = window_factory(classifier=stroke_classifier)
        desk.window.resize(1024, 700)
        desk.window.tabs.setCurrentWidget(desk.train_page)
        coach = desk.train_page.coach
        heights = set()
        scrolled = 0
        for hint in _every_hint():
            coach.show_hints([hint], running=True)
            for _ in range(3):  # laid out at the row's width, its button beside or under
                QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
                QApplication.processEvents()
            label = coach.label
            assert label.text() == hint.message(lambda t: translate_marked("Coach", t))
            assert not label.is_cut() and label.displayed_text() == label.text(), hint.text
            bar = coach.scroll.verticalScrollBar()
            # beside its button, or under it on a row too narrow for both
            place, button = coach.place.geometry(), coach.button.geometry()
            if coach.button_below():
                assert place.bottom() < button.top()
            else:
                assert place.right() < button.left()
            # every line of it is in sight, or a scroll away
            margins = label.contentsMargins()
            inner = label.width() - margins.left() - margins.right()
            needed = label._height(label.text(), inner) + margins.top() + margins.bottom()
            in_sight = coach.scroll.viewport().height()
            assert needed <= in_sight + bar.maximum(), hint.text
            assert bar.maximum() == 0 or bar.isVisible()
            scrolled += bar.maximum() > 0
            heights.add(coach.place.height())
        assert len(heights) == 1  # the place kept its height
        assert scrolled >= (3 if code == "vi" else 0)
    finally:
        language.use_language("en")


def test_the_first_train_click_lays_the_live_tab_out_once(qtbot, panel):  # noqa: F811
    """walk49 D6: the first run of a session kept the coach's place only when it started
    (after its data loaded); the tabs then shrank and the curves were laid out and drawn a
    second time, blocking the window 300-600 ms more. The place is kept from the click."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    panel.resize(1024, 700)
    qtbot.waitUntil(panel.isVisible)
    assert not panel.coach.place.isVisible()  # no run yet: no place kept
    heights = []

    def plot_height() -> int:
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        return panel.plot.canvas.height()

    panel.form.batch_size.setValue(10)
    with qtbot.waitSignal(panel.controller.run_started, timeout=WAIT_MS):
        assert panel.start_training(panel.form.config().replace(epochs=100_000))
        heights.append(plot_height())  # the Live tab as the click shows it
        quiet_at_click = panel.coach.quiet.isVisible() and panel.coach.quiet.text()
    heights.append(plot_height())  # once the run has started
    panel.controller.stop()
    wait_until_idle(qtbot, panel)
    assert heights[0] == heights[1] > 0
    # the coach's line in its place, not an empty banner: it waits for the curves (walk71 F5)
    assert quiet_at_click == "Waiting for the first curves…"


@pytest.mark.parametrize("size", [(1024, 768), (1024, 700)])
def test_a_long_button_goes_under_the_hint_at_larger_text(
    qtbot,
    window_factory,
    stroke_classifier,
    larger_vi,
    size,
):
    """verify61: on Replay at 1024 px, Larger text, Vietnamese, the "see them in Mistakes"
    button ("Xem các ảnh đoán sai của Áo thun/áo phông", one line) took most of the row: the
    hint beside it was five lines to scroll in a box of three, the button cut at the edge.
    On a row this narrow the button goes under the hint, its words on one line, and the hint
    has the row's width; another hint's button comes under it too (nothing moves)."""
    import numpy as np
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    from nndesk.coach import RunSetup, _few_steps, mistakes_hint
    from nndesk.data import registry
    from nndesk.ui.language import class_names_shown
    from tests.ui.test_layout import cut_widgets, show_at

    desk = window_factory(classifier=stroke_classifier, mode="garments")
    window = show_at(desk, size)
    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    page.tabs.setCurrentWidget(page.replay_page)
    qtbot.waitUntil(page.replay_page.isVisible, timeout=WAIT_MS)
    coach = page.coach
    page.reserve_coach()  # as after the page's first run: the room of a whole hint
    coach.show_hints([], running=False)
    QApplication.processEvents()
    names = class_names_shown(registry.FASHION.class_names)
    confusion = np.full((10, 10), 2)
    np.fill_diagonal(confusion, 900)
    confusion[0, 6] = 700  # T-shirt/top holds most mistakes: the longest name on the button
    hint = mistakes_hint([confusion], names, "training")
    assert hint is not None and "Áo thun/áo phông" in hint.button_text(lambda t: t)
    coach.show_hints([hint], running=False)
    page.held.fit()  # as after a run (the pointer off the tabs): its room and its button's
    QApplication.processEvents()
    tabs_at = page.tabs.mapTo(window, QPoint(0, 0))
    button, row = coach.button, coach.geometry().width()
    right = button.mapTo(window, QPoint(button.width(), 0)).x()
    assert right <= window.width()
    assert coach.button_below() and "\n" not in button.text()  # under it, on one line
    place_bottom = coach.place.mapTo(window, QPoint(0, coach.place.height())).y()
    assert button.mapTo(window, QPoint(0, 0)).y() >= place_bottom
    assert coach.label.width() >= row - 40, (coach.label.width(), row)  # the row's width
    assert cut_widgets(window) == []
    # a short button goes under the hint too: the row does not turn with the hint
    coach.show_hints([replace_fix(hint)], running=True)
    QApplication.processEvents()
    assert coach.button_below() and "\n" not in button.text() and button.isVisible()
    assert page.tabs.mapTo(window, QPoint(0, 0)) == tabs_at
    # the few-steps hint of the real window's run (batch 4,096, 45 steps) scrolled one line
    # beside "Dùng batch 128": whole now
    setup = RunSetup(batch=4096, asked=4096, train_images=60_000, steps=45)
    coach.show_hints([_few_steps(setup)], running=False)
    QApplication.processEvents()
    assert "128" in button.text() and button.isVisible()
    assert page.tabs.mapTo(window, QPoint(0, 0)) == tabs_at  # (it scrolls until a fit)
    page.held.fit()  # as after a run: the pointer is off the tabs (held_header)
    qtbot.waitUntil(lambda: cut_widgets(window) == [], timeout=WAIT_MS)  # laid out again
    assert coach.scroll.verticalScrollBar().maximum() == 0, button.text()


def replace_fix(hint):
    """``hint`` with the few-steps hint's short button instead ("Use batches of 128")."""
    from dataclasses import replace

    return replace(
        hint, fix={"batch_size": 128}, fix_label="Use batches of {batch_size}", show_class=None
    )


def test_after_a_run_what_its_raised_rate_did_is_said_before_its_mistakes():
    """verify62: the rate-raised hint showed while the run trained, then the "Shirt holds 35 %
    of the mistakes" hint took its place as the run ended: the mistakes hint goes first after a
    run (its button still opens Mistakes), but not before what the person's own change did."""
    from types import SimpleNamespace

    from nndesk.coach import RunSetup
    from nndesk.replay import ReplayRecord
    from nndesk.run_curves import Curves
    from nndesk.ui.coach_row import coach_hints

    curves = Curves(
        batch_x=[i / 10 for i in range(30)],
        batch_loss=[0.5] * 30,
        epochs=[1, 2, 3],
        train_loss=[0.4948, 0.4870, 0.4817],
        val_loss=[0.4318, 0.4450, 0.4567],
    )
    curves.add_lr_change(1.4, 0.002)
    confusion = np.full((10, 10), 2, dtype=np.int64)
    np.fill_diagonal(confusion, 500)
    confusion[6, 0] = 300  # Shirt taken for T-shirt/top: most of the mistakes
    replay = ReplayRecord(class_names=tuple(str(i) for i in range(10)))
    replay.add(3, confusion, None)
    controller = SimpleNamespace(
        replay=replay, inside=None, model_path="model.npz", is_running=lambda: False
    )
    found = coach_hints(
        controller, curves, 0.002, running=False, started=True, completed=True,
        setup=RunSetup(lr=0.0005),
    )  # fmt: skip
    assert [h.kind for h in found] == ["rate-raised", "mistakes"]
    assert found[0].fix == {}  # no run to change any more


def test_a_hint_that_scrolls_shows_whole_lines_at_larger_text_in_vietnamese(
    qtbot,
    window_factory,
    stroke_classifier,
    larger_vi,
):
    """verify65 129: vi, Larger, 1024x700, after a Continue the coach's hint scrolled in a
    box of some 3.3 lines, its last line in sight cut in half ("thành Áo thun/áo phông;
    xem…"), read as the hint's end. The box shows whole lines, the rest a scroll away."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    desk = window_factory(classifier=stroke_classifier)
    desk.window.resize(1024, 700)
    desk.window.tabs.setCurrentWidget(desk.train_page)
    coach = desk.train_page.coach
    scrolled = 0
    for hint in _every_hint():
        coach.show_hints([hint], running=True)
        for _ in range(3):
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            QApplication.processEvents()
        label, bar = coach.label, coach.scroll.verticalScrollBar()
        if bar.maximum() == 0:
            continue
        scrolled += 1
        bottom = label.contentsMargins().bottom()
        whole = {label.lines_height(n) - bottom for n in range(1, 30)}
        assert coach.scroll.viewport().height() in whole, (
            coach.scroll.viewport().height(),
            label.lines_height(1),
            coach.place.height(),
        )
        # scrolled to its end (a wheel): its top line whole too, down to the hint's end (fixT
        # s70: the top line in sight was cut in half there)
        for _ in range(5):  # the wheel turned on until the box goes no further
            bar.setValue(bar.maximum())
            for _ in range(3):
                QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
                QApplication.processEvents()
        heads = {label.y()} | {label.y() + foot for foot in whole}
        assert bar.value() in heads, (bar.value(), label.y(), sorted(heads)[:6], hint.kind)
        text_foot = label.y() + label.height() - bottom
        assert bar.value() + coach.scroll.viewport().height() >= text_foot, hint.kind
        bar.setValue(0)  # back to its start (a hint of the same kind keeps the scroll)
    assert scrolled >= 1


#: words a count is said in (en, vi): a line that begins with one after a line that ends in a
#: number has split a count from its unit
COUNT_UNITS = {
    "en": ("batch", "epoch", "image", "step", "point", "optimizer", "training image", "run"),
    "vi": ("batch", "epoch", "ảnh", "bước", "điểm", "lượt"),
}


@pytest.mark.parametrize("code", ["en", "vi"])
def test_no_hint_splits_a_count_from_its_unit_across_lines(qtbot, code):
    """The land of fixN was rejected: its advice-first Vietnamese hints were retyped with plain
    spaces ("… {n} batch gần nhất"), and English hints never joined theirs ("8.7" / "points
    apart for 4 epochs" in the 1024 px window). Every hint laid out at the row's font, from a
    narrow width to a wide one: no line ends in a count whose unit starts the next."""
    import re

    from PySide6.QtGui import QTextLayout
    from PySide6.QtWidgets import QWidget

    from nndesk.ui import language
    from nndesk.ui.coach_row import CoachRow

    page = QWidget()
    qtbot.addWidget(page)
    row = CoachRow()
    page.setLayout(row)
    page.show()
    assert language.use_language(code) == code
    try:
        split = []
        for hint in _every_hint():
            row.show_hints([hint], running=True)
            text = row.label.text()
            for width in range(120, 900, 9):
                layout = QTextLayout(text, row.label.font())
                layout.beginLayout()
                lines = []
                while (line := layout.createLine()).isValid():
                    line.setLineWidth(width)
                    lines.append(text[line.textStart() : line.textStart() + line.textLength()])
                layout.endLayout()
                lines = [line.strip() for line in lines]
                split += [
                    (before[-12:], after[:12])
                    for before, after in zip(lines, lines[1:], strict=False)
                    if re.search(r"\d$", before) and after.startswith(COUNT_UNITS[code])
                ]
    finally:
        language.use_language("en")
    assert not split, sorted(set(split))
