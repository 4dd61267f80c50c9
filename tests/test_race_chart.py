"""The race chart keeps its figure between renders and draws what the lanes' curves hold."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.race_chart import MAX_BATCH_POINTS, RaceChart
from nndesk.run_curves import Curves


def _curves(batches: int, epochs: int, start: float) -> Curves:
    """A lane's curves after ``batches`` batches of 100 per epoch and ``epochs`` epochs."""
    c = Curves()
    c.batch_x = [(b + 1) / 100 for b in range(batches)]
    c.batch_loss = [start / (1 + b / 50) for b in range(batches)]
    c.epochs = list(range(1, epochs + 1))
    c.train_loss = [start / (1 + e) for e in c.epochs]
    c.val_loss = [start / (1 + e) + 0.05 for e in c.epochs]
    c.train_accuracy = [0.5 + 0.1 * e for e in c.epochs]
    c.val_accuracy = [0.45 + 0.1 * e for e in c.epochs]
    return c


def test_a_refresh_moves_the_lines_of_the_same_figure_to_the_new_data():
    chart = RaceChart(["SGD", "Adam"], 640, 420)
    figure, batch_line = chart.figure, chart.lines[0][0]
    first = chart.render([_curves(150, 1, 2.0), _curves(150, 1, 1.0)], batches_per_epoch=100)
    assert first.shape == (420, 640, 4) and first.dtype == np.uint8
    later = [_curves(2500, 25, 2.0), _curves(2500, 25, 1.0)]
    second = chart.render(later, batches_per_epoch=100)
    assert chart.figure is figure and chart.lines[0][0] is batch_line  # nothing rebuilt
    assert not np.array_equal(first, second)
    # the smoothed batch curve: thinned to a few hundred points, always ending at the newest
    x, _ = batch_line.get_data()
    assert len(x) <= MAX_BATCH_POINTS and x[-1] == later[0].batch_x[-1]
    val_loss, _, val_acc, _ = chart.lines[1][1:]
    np.testing.assert_array_equal(val_loss.get_ydata(), later[1].val_loss)
    np.testing.assert_array_equal(val_acc.get_xdata(), later[1].epochs)
    # the axes follow the data: 25 epochs in view, every accuracy inside the y range
    assert chart.ax_acc.get_xlim() == (0.5, 25.5)
    low, high = chart.ax_acc.get_ylim()
    assert low <= min(later[0].val_accuracy) and high >= max(later[1].train_accuracy)
    assert chart.ax_batch.get_xlim()[1] == later[0].batch_x[-1]


def test_the_legend_names_every_lane_once():
    chart = RaceChart(["SGD", "momentum", "Adam"], 600, 400)
    chart.render([_curves(10, 0, 1.0)] * 3)
    labels = [t.get_text() for t in chart.ax_batch.get_legend().get_texts()]
    assert labels == ["SGD", "momentum", "Adam", "validation", "train"]


def test_lanes_without_a_validation_split_have_no_validation_key():
    """Every lane's table row said "—" for validation, and the key still named a solid
    "validation" line that no lane draws (walk45 D9)."""
    chart = RaceChart(["SGD", "momentum", "Adam"], 600, 400, validation=False)
    chart.render([_curves(10, 0, 1.0)] * 3)
    labels = [t.get_text() for t in chart.ax_batch.get_legend().get_texts()]
    assert labels == ["SGD", "momentum", "Adam", "train"]


@pytest.mark.parametrize("width", [460, 640])
@pytest.mark.parametrize(
    "names",
    [["SGD", "Adam"], ["SGD", "Quán tính", "Adam"], ["SGD", "Quán tính", "Nesterov", "Adam"]],
)
def test_the_key_sits_above_the_batch_plot_beside_its_title(qapp, names, width):
    """In the 1024 px window the key's five rows, inside the short batch plot, covered its
    curves; it now sits above the plot, right of the title, in two rows, in Vietnamese too."""
    from nndesk.ui import language

    assert language.use_language("vi") == "vi"
    try:
        chart = RaceChart(names, width, 420)
        chart.render([_curves(100, 1, 2.0 - i * 0.3) for i in range(len(names))], 100)
        renderer = chart.canvas.get_renderer()
        key = chart.ax_batch.get_legend().get_window_extent(renderer)
        plot = chart.ax_batch.get_window_extent(renderer)
        title = chart.ax_batch._left_title.get_window_extent(renderer)  # noqa: SLF001
        assert key.y0 >= plot.y1 - 1 and not key.overlaps(title), (key, title)
        assert key.x1 <= chart.figure.bbox.width and key.y1 <= chart.figure.bbox.height
    finally:
        language.use_language("en")


def ylabels_over_ticks(figure) -> list[tuple[str, str]]:
    """(plot title, tick label) of every y tick label its axis label is drawn over (as last
    drawn)."""
    renderer = figure.canvas.get_renderer()
    hits = []
    for ax in figure.axes:
        if not ax.get_visible():
            continue
        label = ax.yaxis.label.get_window_extent(renderer)
        for tick in ax.get_yticklabels():
            if tick.get_text() and tick.get_window_extent(renderer).overlaps(label):
                hits.append((ax.get_title(loc="left"), tick.get_text()))
    return hits


def close_accuracies(c: Curves, *values: float) -> Curves:
    """``c`` with accuracies a few tenths of a point apart: ticks that need decimals."""
    c.val_accuracy = list(values)
    c.train_accuracy = [v - 0.003 for v in values]
    return c


@pytest.mark.parametrize("width, height", [(640, 420), (900, 300)])
def test_the_axis_labels_stay_clear_of_ticks_with_decimals(width, height):
    """Ticks such as "81.5%" are wider than the "100%" the labels' place was fitted to."""
    chart = RaceChart(["SGD", "Adam"], width, height)
    chart.render(
        [
            close_accuracies(_curves(300, 3, 2.0), 0.812, 0.815, 0.818),
            close_accuracies(_curves(300, 3, 1.0), 0.813, 0.816, 0.819),
        ],
        batches_per_epoch=100,
    )
    assert any("." in t.get_text() for t in chart.ax_acc.get_yticklabels())  # the case
    assert ylabels_over_ticks(chart.figure) == []


def test_before_the_first_epoch_ends_the_epoch_plots_show_ranges_their_values_live_in():
    """walk48 D12: the empty per-epoch plots read accuracy from -5 % to 5 % and loss from
    -0.05 to 0.05 (matplotlib's range for no data) while the first epoch trained."""
    chart = RaceChart(["64 units", "128 units"], 640, 420)
    early = [_curves(40, 0, 2.3), _curves(40, 0, 2.0)]
    chart.render(early, batches_per_epoch=100)
    assert chart.ax_acc.get_ylim() == (0.0, 1.0)
    low, high = chart.ax_loss.get_ylim()
    assert low == 0.0 and high >= max(early[0].batch_loss)
    # the first epoch's points come: both plots follow them again
    later = [_curves(120, 1, 2.3), _curves(120, 1, 2.0)]
    chart.render(later, batches_per_epoch=100)
    low, high = chart.ax_acc.get_ylim()
    assert (low, high) != (0.0, 1.0)
    assert low <= later[1].val_accuracy[0] <= high and high < 1.0
    low, high = chart.ax_loss.get_ylim()
    assert low > 0.0 and low <= later[1].train_loss[0] <= high


@pytest.mark.parametrize(("epochs", "ticks"), [(5, [1, 2, 3, 4, 5]), (1, [1])])
def test_the_epoch_plots_span_the_races_epochs_in_whole_numbers_from_the_first_batch(epochs, ticks):
    """The per-epoch plots read 1-2 until the race's third epoch ended, then grew."""
    chart = RaceChart(["SGD", "Adam"], 640, 420, epochs=epochs)
    for done in (0, 1):  # before the first epoch ends, and after it
        chart.render([_curves(150, done, 2.0), _curves(150, done, 1.0)], batches_per_epoch=100)
        for ax in (chart.ax_loss, chart.ax_acc):
            assert ax.get_xlim() == (0.5, epochs + 0.5)
            shown = [t for t in ax.get_xticks() if 0.5 <= t <= epochs + 0.5]
            assert shown == ticks, (done, shown)


def test_a_lane_far_above_the_others_leaves_theirs_readable():
    """Race "Units: sigmoid vs ReLU" on raw pixels: the ReLU lane starts near 250 and the
    sigmoid lane under 1; on a linear axis to 250 the sigmoid lane was a flat line on zero
    (walk51 D3). Both loss plots go on a log axis that holds every lane whole."""
    from tests.test_curves import falling_losses, height_share, two_epochs_of

    sigmoid, relu = falling_losses(1876, 0.0), falling_losses(1876, 250.0)
    chart = RaceChart(["Sigmoid", "ReLU"], 640, 420, epochs=2)
    chart.render([two_epochs_of(sigmoid), two_epochs_of(relu)], batches_per_epoch=938)
    assert chart.ax_batch.get_yscale() == "log" and chart.ax_loss.get_yscale() == "log"
    drawn = [line[0].get_ydata() for line in chart.lines]
    low, high = chart.ax_batch.get_ylim()
    assert low <= min(map(min, drawn)) and high >= max(map(max, drawn))
    assert height_share(chart.ax_batch, drawn[0]) > 0.2
    # lanes alike keep a linear axis
    chart.render([two_epochs_of(sigmoid), two_epochs_of(sigmoid)], batches_per_epoch=938)
    assert chart.ax_batch.get_yscale() == "linear"


def test_a_ten_epoch_race_stays_on_its_log_axis_after_the_spike():
    """walk54 D0: race "Units: sigmoid vs ReLU" started on a log axis and went back to a
    linear one at epoch 4-9, once the ReLU lane's spike was under 1 % of its batches: a spike
    and two lanes flat on zero. Once log, the race stays log to its end."""
    from tests.test_curves import curves_so_far, falling_losses, relu_on_raw_pixels

    per_epoch = 469
    sigmoid, relu = falling_losses(10 * per_epoch, 0.0), relu_on_raw_pixels(10 * per_epoch)
    chart = RaceChart(["Sigmoid", "ReLU"], 640, 420, epochs=10)
    scales = []
    for batches in range(per_epoch // 2, 10 * per_epoch + 1, per_epoch // 2):
        lanes = [curves_so_far(losses, batches, per_epoch) for losses in (sigmoid, relu)]
        chart.render(lanes, batches_per_epoch=per_epoch)
        scales.append(chart.ax_batch.get_yscale())
    assert set(scales) == {"log"}, scales
    low, high = chart.ax_batch.get_ylim()
    drawn = [line[0].get_ydata() for line in chart.lines]
    assert low <= min(map(min, drawn)) and high >= max(map(max, drawn))


def ylabels_too_close_or_too_long(figure, clear_px: float = 1.0) -> list[tuple[str, str]]:
    """(y-axis label, what it meets) of every y-axis label, as last drawn, less than
    ``clear_px`` from one of its tick labels or longer than its plot is tall."""
    renderer = figure.canvas.get_renderer()
    hits = []
    for ax in figure.axes:
        label = ax.yaxis.label
        if not ax.get_visible() or not label.get_visible() or not label.get_text():
            continue
        box, plot = label.get_window_extent(renderer), ax.get_window_extent(renderer)
        if box.y0 < plot.y0 - 1 or box.y1 > plot.y1 + 1:  # (``Y_LABEL_SPILL_PT``)
            hits.append((label.get_text(), "the plot's height"))
        for tick in ax.get_yticklabels():
            if not tick.get_text() or not tick.get_visible():
                continue
            near = tick.get_window_extent(renderer)
            level = near.y0 < box.y1 and box.y0 < near.y1
            if level and near.x0 - box.x1 < clear_px:
                hits.append((label.get_text(), tick.get_text()))
    return hits


# the Race tab's chart at 1280x800 (walk57), and a lower one whose plots are too low for the
# label even at its least size (the plot's title names the quantity)
@pytest.mark.parametrize("width, height, shown", [(622, 300, True), (537, 260, False)])
def test_the_vietnamese_axis_labels_keep_clear_of_100_percent_and_inside_their_plots(
    qapp, width, height, shown
):
    """walk57 D2: "độ chính xác" touched the "100%" tick (the gap was fitted to "100%" as
    measured from the glyphs' outlines, a little narrower than drawn) and ran from the plot's
    top to its bottom, into "100%" and "0%"."""
    from nndesk.ui import language

    assert language.use_language("vi") == "vi"
    try:
        chart = RaceChart(["SGD", "Quán tính", "Adam"], width, height, epochs=5)
        chart.render([Curves(), Curves(), Curves()])
        assert ylabels_too_close_or_too_long(chart.figure) == []
        assert chart.ax_acc.yaxis.label.get_visible() == shown
    finally:
        language.use_language("en")


@pytest.mark.parametrize("width", [460, 530, 640])
@pytest.mark.parametrize("code", ["en", "vi"])
def test_a_key_of_lanes_named_by_their_settings_keeps_clear_of_the_title(qapp, width, code):
    """walk58 #8: lanes named by what sets them apart ("Sigmoid, pixels 0 to 255") made a key
    of two rows wider than the room right of "Loss per batch (log scale)", and it lay over the
    title; it takes as many rows as it needs."""
    from nndesk.ui import language

    names = ["Sigmoid, pixels 0 to 255", "ReLU, pixels 0 to 255", "sigmoid, pixels 0 to 1",
             "ReLU, pixels 0 to 1"]  # fmt: skip
    assert language.use_language(code) == code
    try:
        chart = RaceChart(names, width, 420)
        # ReLU on raw pixels far above: the batch plot's title says "(log scale)"
        chart.render([_curves(100, 1, loss) for loss in (0.3, 100.0, 0.2, 0.1)], 100)
        chart.canvas.draw()
        renderer = chart.canvas.get_renderer()
        key = chart.ax_batch.get_legend().get_window_extent(renderer)
        plot = chart.ax_batch.get_window_extent(renderer)
        title = chart.ax_batch._left_title.get_window_extent(renderer)  # noqa: SLF001
        assert title.width > 0 and "log" in chart.ax_batch.get_title(loc="left")
        assert key.y0 >= plot.y1 - 1 and not key.overlaps(title), (key, title)
        assert key.x1 <= chart.figure.bbox.width and key.y1 <= chart.figure.bbox.height
    finally:
        language.use_language("en")


@pytest.mark.parametrize("epochs", [5, 1])
def test_the_batch_plot_spans_the_races_epochs_from_the_first_batch_as_lives_does(epochs):
    """walk60 D7f: the Race's batch plot grew with the data (0-1.1 of a 5-epoch race) while
    the Live page's spans every epoch of the run (0-5): the two looked alike, read otherwise."""
    chart = RaceChart(["SGD", "Adam"], 640, 420, epochs=epochs)
    chart.render([_curves(40, 0, 2.0), _curves(40, 0, 1.0)], batches_per_epoch=100)
    assert chart.ax_batch.get_xlim() == (0.0, float(epochs))
    # batches past the last epoch (a lane's last partial batch) still in view
    chart.render([_curves(100 * epochs + 10, epochs, 2.0)] * 2, batches_per_epoch=100)
    assert chart.ax_batch.get_xlim()[1] >= (100 * epochs + 10) / 100


def test_a_key_taller_than_the_chart_still_draws_the_plots_and_asks_for_room(qapp):
    """verify63 V8: four labs named by their settings, each on two key lines, at Larger text on
    a 1024x768 projector: the key was taller than the chart, gridspec refused its top under its
    bottom ("bottom cannot be >= top") and the race's chart was a blank band for the whole race,
    a traceback logged at every refresh."""
    names = [
        "sigmoid-raw, 784-784-10, tốc độ học 0,01, điểm ảnh 0 đến 255",
        "relu-sigmoid-raw, 784-784-10, tốc độ học 0,01, điểm ảnh 0 đến 255",
        "relu-sigmoid-unit, 784-784-10, tốc độ học 0,01, điểm ảnh 0 đến 1",
        "relu-3x784, 784-784-784-784-10, tốc độ học 0,001, điểm ảnh 0 đến 1",
    ]
    chart = RaceChart(names, 450, 250, 96.0 * 1.25, validation=True, epochs=1)
    image = chart.render([_curves(100, 1, 2.3) for _ in names], batches_per_epoch=100)
    assert image.shape[:2] == (250, 450)
    bottom, top = chart.ax_acc.get_position().y0, chart.ax_batch.get_position().y1
    assert 0.0 <= bottom < top <= 1.0
    batch_px, _epoch_px = chart.plot_heights()
    assert batch_px < 40  # the view reads this and makes the chart taller (least_chart_height)
    taller = RaceChart(names, 450, 600, 96.0 * 1.25, validation=True, epochs=1)
    assert taller.plot_heights()[0] > batch_px
