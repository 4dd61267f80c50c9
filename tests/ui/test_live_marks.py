"""The Live chart's labels of settings changed while training: over the curves they mark."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.colors import to_rgb

from nndesk.curves.style import BATCH_COLOR
from nndesk.run_curves import Curves
from nndesk.setting_changes import SettingChange
from tests.test_runs import batch

WAIT_MS = 60_000  # a bound for a failure only: a condition met sooner ends the wait


def zigzag_curves() -> Curves:
    """Two epochs of batch losses between 0.1 and 2.0, the light band over the plot's whole
    height; the rate changed at epoch 0.5 and, twelve batches later, again."""
    curves = Curves()
    for e in (1, 2):
        for b in range(1, 201):
            curves.add_batch(batch(e, b, 200, 2.0 if b % 2 else 0.1))
    curves.add_lr_change(0.5, 0.01)
    curves.add_lr_change(0.56, 0.0005)
    return curves


def pixels_of(image: np.ndarray, box, colour: str) -> int:
    """How many pixels inside ``box`` (display coordinates, y up) are ``colour``."""
    height = image.shape[0]
    x0, x1 = int(np.ceil(box.x0)), int(np.floor(box.x1))
    y0, y1 = height - int(np.floor(box.y1)), height - int(np.ceil(box.y0))
    part = image[y0:y1, x0:x1, :3].astype(np.int16)
    want = np.array([round(255 * c) for c in to_rgb(colour)], np.int16)
    return int((np.abs(part - want).max(axis=2) <= 8).sum())


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_a_changes_label_is_drawn_over_the_batch_losses_and_other_marks(qtbot, qapp, theme_name):
    """walk57 D4: the batch losses ran through the label "tốc độ học 0,01" (its "t" hidden):
    drawn with the plot's background, the labels lay under the curves blitted over it."""
    from nndesk.ui import theme
    from nndesk.ui.live_page import LivePage

    theme.apply_theme(qapp, theme_name)
    try:
        curves = zigzag_curves()
        page = LivePage(lambda: curves, experiment=lambda: None, written=None)
        qtbot.addWidget(page)
        page.plot.setMinimumHeight(0)
        page.plot.setFixedSize(640, 360)
        page.show()
        page.live.set_span(1, 5)
        page.live.keep_loss_limits(((0.0, 2.0), (0.0, 2.0)))  # the band up to the top edge
        page.plot.request_draw(full=True)
        qtbot.waitUntil(lambda: page.plot.full_draw_count > 0, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not page.plot.draw_pending(), timeout=WAIT_MS)
        page.plot.request_draw()  # a blit of the lines, as while a run trains
        qtbot.waitUntil(lambda: not page.plot.draw_pending(), timeout=WAIT_MS)
        canvas = page.plot.canvas
        image = np.asarray(canvas.buffer_rgba())
        renderer = canvas.get_renderer()
        ax = page.live.axes[0]
        labels = [t for t in ax.texts if t.get_text().startswith("lr ")]
        assert len(labels) == 2
        # the band runs under both: its colour shows round them, not inside them
        band = pixels_of(image, ax.get_window_extent(renderer), BATCH_COLOR)
        assert band > 1000
        for label in labels:
            box = label.get_window_extent(renderer)
            assert pixels_of(image, box, BATCH_COLOR) == 0, label.get_text()
    finally:
        theme.apply_theme(qapp, "light")


def test_a_changes_label_box_takes_the_new_themes_plot_colour(qapp):
    """The label's box is the plot's colour: a light box on a dark plot after a switch."""
    from matplotlib.colors import to_rgba
    from matplotlib.figure import Figure

    from nndesk.curves import LiveCurves
    from nndesk.ui import theme

    theme.apply_theme(qapp, "light")
    figure = Figure()
    live = LiveCurves(*figure.subplots(1, 3))
    live.update(zigzag_curves())
    boxes = [t.get_bbox_patch() for t in live.axes[0].texts if t.get_text().startswith("lr ")]
    assert len(boxes) == 2
    theme.restyle_figure(figure, theme.LIGHT, theme.DARK)
    for box in boxes:
        assert to_rgba(box.get_facecolor())[:3] == to_rgba(theme.DARK.base)[:3]


def _lab_curves(upto_x: float, by_hand: float | None = None) -> Curves:
    """The PReLU lab's batches (10 a epoch) up to ``upto_x`` epochs; a rate set by hand at
    ``by_hand``."""
    curves = Curves()
    for i in range(1, round(upto_x * 10) + 1):
        curves.add_batch(batch((i - 1) // 10 + 1, (i - 1) % 10 + 1, 10, 0.5))
        if by_hand is not None and abs(curves.last_x - by_hand) < 1e-9:
            curves.add_lr_change(by_hand, 0.002)
    return curves


def _mark_texts(lines) -> list[str]:
    return [a.get_text() for a in lines.axes[0].texts if a in lines._lr_marks]


def test_a_schedules_turn_is_marked_once_the_run_reaches_it_and_not_after_a_rate_by_hand(qapp):
    """fixD 5: fashion-prelu-l2 keeps its rate 10 epochs, then decays it: the curves marked
    a rate set by hand but not the schedule's turn. Marked like a change made while training
    (a dotted line at the start of epoch 11 on each plot), from the first batch there."""
    from matplotlib.figure import Figure

    from nndesk.curves.live import LiveCurves
    from nndesk.curves.marks import schedule_turns
    from nndesk.presets import PRESETS

    config = PRESETS["fashion-prelu-l2"].config
    assert (config.schedule, config.schedule_step, config.epochs) == ("exp", 10, 20)
    fig = Figure(figsize=(8, 5))
    lines = LiveCurves(*fig.subplots(3, 1))
    turns = schedule_turns(config, 1, config.epochs)
    lines.set_span(1, config.epochs, turns)
    assert lines.span() == (1, 20, turns)  # kept with the span: a page rebuilt marks it too
    lines.update(_lab_curves(10.0))  # epoch 10's last batch: not there yet
    assert _mark_texts(lines) == []
    lines.update(_lab_curves(10.1))  # epoch 11's first batch trains at the lower rate
    rate = f"{config.lr * np.exp(-0.1):.3g}"
    assert _mark_texts(lines) == [f"schedule: lr {rate}, lower each epoch"]
    dotted = [ln for ax in lines.axes for ln in ax.lines if ln.get_linestyle() == ":"]
    assert len(dotted) == 3 and all(ln.get_xdata()[0] == 10.0 for ln in dotted)
    lines.reset()
    lines.set_span(1, config.epochs, turns)
    lines.update(_lab_curves(10.5, by_hand=4.0))  # the rate set by hand: the schedule stopped
    assert _mark_texts(lines) == ["lr 0.002"]
    # given back to the schedule (the coach's "set it back", walk64 D1), its turn comes again
    given_back = _lab_curves(10.5, by_hand=4.0)
    given_back.changes.append(SettingChange(6.0, 7, 1, "lr", 0.0005, 0.002, scheduled=True))
    lines.reset()
    lines.set_span(1, config.epochs, turns)
    lines.update(given_back)
    assert _mark_texts(lines) == ["lr 0.002", "lr 0.0005", f"schedule: lr {rate}, lower each epoch"]


def test_an_exp_schedule_decaying_after_one_epoch_is_marked_as_after_ten(qapp):
    """fixU's note: the PReLU lab with its decay after 1 epoch (the form's "Keep for" 1) decays
    from epoch 2, and the Live plot marked nothing, where after 10 it marks epoch 11."""
    from dataclasses import replace

    from matplotlib.figure import Figure

    from nndesk.curves.live import LiveCurves
    from nndesk.curves.marks import schedule_turns
    from nndesk.presets import PRESETS

    config = replace(PRESETS["fashion-prelu-l2"].config, schedule_step=1, epochs=3)
    lines = LiveCurves(*Figure(figsize=(8, 5)).subplots(3, 1))
    lines.set_span(1, config.epochs, schedule_turns(config, 1, config.epochs))
    lines.update(_lab_curves(1.0))
    assert _mark_texts(lines) == []
    lines.update(_lab_curves(1.1))  # epoch 2's first batch, at the first lower rate
    rate = f"{config.lr * np.exp(-config.schedule_rate):.3g}"
    assert _mark_texts(lines) == [f"schedule: lr {rate}, lower each epoch"]


def test_a_long_marks_label_stays_inside_the_figure():
    """The Vietnamese schedule turn mid-plot ran past the chart's right edge at 1024 px and
    Larger text: a label too long for its side goes in lines (or on the other side)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from nndesk.curves.marks import mark_change

    fig = Figure(figsize=(4, 2), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.set_xlim(0, 4)
    text = "lịch: tốc độ học 0,00182, giảm dần mỗi epoch"
    (*_, label) = mark_change([ax], 2.0, text)
    fig.canvas.draw()
    box = label.get_window_extent()
    assert box.x0 >= 0 and box.x1 <= fig.bbox.x1
    assert label.get_text().replace("\n", " ") == text  # every word, whole


@pytest.mark.parametrize("width", [3.2, 4.5])
def test_a_marks_label_in_lines_stays_under_the_key(width):
    """walk65 D3: fashion-prelu-l2's turn, "lịch: tốc độ học 0,000452, giảm dần mỗi epoch", in
    two lines at 1024 px rose above its plot's top edge onto the key there ("trung bình các
    batch lân cận", "kiểm định" unreadable): its lines now hang down from under the edge."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from nndesk.curves.live import LiveCurves
    from nndesk.curves.marks import schedule_turns
    from nndesk.presets import PRESETS

    config = PRESETS["fashion-prelu-l2"].config
    fig = Figure(figsize=(width, 4), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    lines = LiveCurves(*fig.subplots(3, 1))
    lines.set_span(1, config.epochs, schedule_turns(config, 1, config.epochs))
    fig.canvas.draw()  # a renderer: the key and the label are fitted to the plot's width
    lines.fit_key()
    lines.update(_lab_curves(10.5))
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    (label,) = [a for a in lines.axes[0].texts if a in lines._lr_marks]
    assert "\n" in label.get_text()  # in lines, as at 1024 px
    box = label.get_window_extent(renderer)
    plot = lines.axes[0].get_window_extent(renderer)
    key = lines.axes[0].get_legend().get_window_extent(renderer)
    assert box.y1 <= plot.y1, (box, plot)
    assert not box.overlaps(key), (box, key)
