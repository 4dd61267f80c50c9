"""Curve plots under Agg: lines are made once, hold one point per epoch, export to PNG."""

from __future__ import annotations

import math

import numpy as np
import pytest
from matplotlib.figure import Figure

from nndesk.curves import LiveCurves, plot_overlay, save_curves_png
from nndesk.curves.live import MAX_RAW_BATCH_POINTS
from nndesk.curves.scales import nice_ceiling
from nndesk.curves.smoothing import min_max_band
from nndesk.run_curves import Curves
from tests.test_runs import two_epoch_curves


def live_plot():
    fig = Figure()
    axes = fig.subplots(1, 3)
    return fig, LiveCurves(*axes)


def test_live_lines_are_created_once_and_hold_one_point_per_epoch():
    fig, live = live_plot()
    lines_before = live.lines
    n_lines = [len(ax.lines) for ax in live.axes]
    curves = Curves()
    for e in (1, 2, 3):
        for b in (1, 2):
            curves.add_batch(type("B", (), dict(epoch=e, batch=b, batches=2, batch_loss=1.0 / e))())
        curves.add_epoch(
            type(
                "E",
                (),
                dict(
                    epoch=e,
                    train_loss=1.0 / e,
                    train_accuracy=0.5 + e / 10,
                    val_loss=1.2 / e,
                    val_accuracy=0.4 + e / 10,
                    lr=0.1,
                    seconds=1.0,
                ),
            )()
        )
        live.update(curves)
        fig.canvas.draw()
    assert live.lines == lines_before
    assert [len(ax.lines) for ax in live.axes] == n_lines
    assert list(live.train_loss_line.get_xdata()) == [1.0, 2.0, 3.0]
    assert list(live.val_acc_line.get_ydata()) == pytest.approx([0.5, 0.6, 0.7])
    assert len(live.batch_line.get_xdata()) == 6
    lo, hi = live.axes[2].get_ylim()
    assert lo <= 0.5 and hi >= 0.7


def test_lr_changes_are_marked_once_on_every_axes():
    fig, live = live_plot()
    curves = two_epoch_curves()
    live.update(curves)
    live.update(curves)
    for ax in live.axes:
        marks = [ln for ln in ax.lines if ln.get_linestyle() == ":"]
        assert len(marks) == 1 and marks[0].get_xdata()[0] == 1.5
    live.reset()
    assert all(not [ln for ln in ax.lines if ln.get_linestyle() == ":"] for ax in live.axes)
    assert len(live.train_loss_line.get_xdata()) == 0


def test_overlay_draws_one_colour_per_run():
    fig = Figure()
    axes = fig.subplots(1, 3)
    a, b = two_epoch_curves(), two_epoch_curves()
    b.val_accuracy = [0.3, 0.4]
    plot_overlay(*axes, [("64 neurons", a), ("128 neurons", b)])
    colours = {ln.get_color() for ln in axes[2].lines if ln.get_linestyle() == "-"}
    assert len(colours) == 2
    # one legend, on the full-width batch plot: the runs, then the line styles
    assert axes[1].get_legend() is None and axes[2].get_legend() is None
    assert [t.get_text() for t in axes[0].get_legend().get_texts()] == [
        "64 neurons",
        "128 neurons",
        "validation",
        "train",
    ]


def test_a_run_title_starting_with_an_underscore_keeps_its_legend_entry():
    """matplotlib leaves labels starting with "_" out of a legend: "_baseline" had no entry."""
    fig = Figure()
    axes = fig.subplots(1, 3)
    no_batches = two_epoch_curves()
    no_batches.batch_x, no_batches.batch_loss = [], []
    for runs in (
        [("_baseline", two_epoch_curves()), ("plain", two_epoch_curves())],
        [("_b", no_batches)],
    ):
        plot_overlay(*axes, runs)
        fig.canvas.draw()
        texts = [t.get_text() for t in axes[0].get_legend().get_texts()]
        assert [t.lstrip("\u200b") for t in texts] == [title for title, _ in runs] + [
            "validation",
            "train",
        ]


def test_a_one_epoch_run_is_compared_on_whole_epoch_ticks():
    fig = Figure()
    axes = fig.subplots(1, 3)
    one = two_epoch_curves()
    one.epochs, one.val_loss, one.train_loss = [1], [0.5], [0.6]
    one.val_accuracy, one.train_accuracy = [0.8], [0.7]
    plot_overlay(*axes, [("a long run title that would not fit an epoch plot", one)])
    fig.canvas.draw()
    for ax in axes[1:]:
        ticks = [t for t in ax.get_xticks() if ax.get_xlim()[0] <= t <= ax.get_xlim()[1]]
        assert ticks and all(float(t).is_integer() for t in ticks), ticks


@pytest.mark.parametrize("n_runs", [1, 2])
def test_curves_export_to_a_png(tmp_path, n_runs):
    runs = [(f"run {i}", two_epoch_curves()) for i in range(n_runs)]
    path = save_curves_png(runs, tmp_path / "c.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert list(tmp_path.iterdir()) == [path]


def test_min_max_band_encloses_every_point():
    rng = np.random.default_rng(2)
    x = np.linspace(0, 3, 1001)
    y = rng.normal(size=1001)
    band = min_max_band(x, y, 50)
    m = len(band) // 2
    assert 40 <= m <= 50
    upper, lower = band[:m], band[m:][::-1]
    np.testing.assert_array_equal(upper[:, 0], lower[:, 0])
    assert upper[:, 1].max() == y.max() and lower[:, 1].min() == y.min()
    assert np.all(upper[:, 1] >= lower[:, 1])


def test_dense_batch_curves_become_a_band_and_limits_stay_put_while_data_fits():
    fig, live = live_plot()
    live.set_span(1, 2)
    curves = Curves()
    rng = np.random.default_rng(3)
    n = MAX_RAW_BATCH_POINTS * 2
    curves.batch_x = list(np.arange(1, n + 1) / (n / 2))
    curves.batch_loss = list(1.0 + 0.2 * rng.random(n))
    assert live.update(curves) is True  # the first data sets the scale
    assert live.batch_band.get_visible() and len(live.batch_line.get_xdata()) == 0
    assert len(live.batch_avg_line.get_xdata()) <= MAX_RAW_BATCH_POINTS + 1
    assert live.axes[0].get_ylim() == (0.0, 1.5)
    curves.batch_loss[-10:] = [1.1] * 10
    assert live.update(curves) is False  # same limits: a blit of the lines is enough
    curves.batch_loss = [v * 3 for v in curves.batch_loss]
    assert live.update(curves) is True
    assert live.axes[0].get_ylim()[1] >= 3.6


@pytest.mark.parametrize(
    ("value", "nice"), [(0.43, 0.5), (2.53, 3.0), (1.0, 1.0), (0.0071, 0.008), (11, 12)]
)
def test_nice_ceiling_rounds_up_to_a_round_number(value, nice):
    assert nice_ceiling(value) == pytest.approx(nice)


def key_texts(live):
    """The texts of the live plot's one key (above the batch plot)."""
    return [t.get_text() for t in live.axes[0].get_legend().get_texts()]


def test_test_split_curves_show_only_for_runs_that_measure_them():
    fig, live = live_plot()
    curves = two_epoch_curves()
    live.update(curves)
    assert key_texts(live) == ["batch", "mean of nearby batches", "train", "validation"]
    curves.test_accuracy = [0.6, 0.8]
    curves.test_loss = [1.2, 0.6]
    assert live.update(curves) is True
    assert key_texts(live) == ["batch", "mean of nearby batches", "train", "validation", "test"]
    assert list(live.test_acc_line.get_ydata()) == [0.6, 0.8]


def test_a_run_without_validation_has_no_validation_in_its_legend():
    fig, live = live_plot()
    curves = two_epoch_curves()
    curves.val_accuracy = [float("nan")] * 2
    curves.val_loss = [float("nan")] * 2
    live.update(curves)
    assert key_texts(live) == ["batch", "mean of nearby batches", "train", "no validation split"]


def test_before_its_first_epoch_a_run_without_validation_names_only_what_it_draws():
    fig, live = live_plot()
    live.expect_curves(validation=False)
    live.batches_per_epoch = 100
    curves = Curves()
    curves.add_batch(type("B", (), dict(epoch=1, batch=1, batches=100, batch_loss=2.3))())
    live.update(curves)  # mid-epoch 1: only batch losses so far
    assert key_texts(live) == ["batch", "mean of nearby batches", "train", "no validation split"]
    assert live.axes[1].get_legend() is None and live.axes[2].get_legend() is None
    live.reset()  # the next run has a validation split again
    live.expect_curves(validation=True)
    live.update(Curves())
    assert key_texts(live) == ["batch", "mean of nearby batches", "train", "validation"]


def test_the_live_moving_average_starts_at_the_first_losses():
    fig, live = live_plot()
    live.batches_per_epoch = 100
    curves = Curves()
    losses = [2.3, 2.2, 2.4, 2.1, 2.0, 1.9]
    for b, loss in enumerate(losses, start=1):
        curves.add_batch(type("B", (), dict(epoch=1, batch=b, batches=100, batch_loss=loss))())
    live.update(curves)
    avg = live.batch_avg_line.get_ydata()
    # the mean of the two losses before and after each (fewer at the ends): the first point
    # is the mean of the first three losses, the newest that of the last three
    np.testing.assert_allclose(avg[:3], [2.3, 2.25, 2.2])
    np.testing.assert_allclose(avg[5], np.mean(losses[3:6]))
    assert np.all(avg <= max(losses)) and np.all(avg >= min(losses))


def test_the_nearby_mean_is_centred_skips_nans_and_matches_a_direct_computation():
    from nndesk.curves.smoothing import NEARBY_MIN, NEARBY_SHARE, nearby_mean

    rng = np.random.default_rng(1)
    v = rng.normal(size=300)
    v[[5, 40, 299]] = np.nan
    out = nearby_mean(v, 40)
    for i in range(v.size):
        h = min(max(int(np.ceil(NEARBY_SHARE * (i + 1))), NEARBY_MIN), 20)
        part = v[max(i - h, 0) : min(i + h, v.size - 1) + 1]
        np.testing.assert_allclose(out[i], np.nanmean(part))
    assert nearby_mean([], 10).size == 0


def test_the_live_average_runs_through_a_falling_losss_points_from_the_start():
    """Walk 43 item 9: over the first fifth of an epoch of a CNN run the average lay above
    almost every batch: a mean over up to 187 batches lags far behind a loss falling fast."""
    fig, live = live_plot()
    live.batches_per_epoch = 938
    rng = np.random.default_rng(0)
    i = np.arange(400)
    losses = 0.45 + 1.9 * np.exp(-i / 25) + 0.4 * np.exp(-i / 200) + rng.normal(0, 0.08, i.size)
    curves = Curves()
    for b, loss in enumerate(losses, start=1):
        report = dict(epoch=1, batch=b, batches=938, batch_loss=float(loss))
        curves.add_batch(type("B", (), report)())
    live.update(curves)
    avg = np.asarray(live.batch_avg_line.get_ydata())
    assert avg.size == losses.size
    for start, end in ((0, 40), (40, 187), (187, 400)):
        below = np.mean(losses[start:end] < avg[start:end])
        assert 0.35 <= below <= 0.65, (start, end, below)  # as many points above as below


@pytest.mark.parametrize(
    "title", ["$\\frac{$", "a $x^{$ b", "$" + "\\sqrt{" * 300 + "x" + "}" * 300 + "$", "$5 and $6"]
)
def test_a_run_title_is_drawn_as_plain_text_never_as_tex(title):
    """A run's title comes from its run.json: "$...$" in it made every draw of the Runs view's
    chart raise (ValueError, or RecursionError when nested)."""
    fig = Figure()
    axes = fig.subplots(1, 3)
    plot_overlay(*axes, [(title, two_epoch_curves())])
    fig.canvas.draw()  # raised before
    assert axes[0].get_legend().get_texts()[0].get_text() == title


def test_tick_numbers_take_the_window_languages_decimal_mark(monkeypatch):
    from nndesk import i18n

    fig, live = live_plot()  # made in English: the formatter reads the language at each draw
    curves = Curves()
    for b in range(1, 41):
        loss = 0.3 + 0.01 * (b % 3)
        curves.add_batch(type("B", (), dict(epoch=1, batch=b, batches=40, batch_loss=loss))())
    live.update(curves)
    fig.canvas.draw()
    english = [t.get_text() for t in live.axes[0].get_yticklabels()]
    assert any("." in t for t in english) and not any("," in t for t in english)
    monkeypatch.setattr(i18n, "_marks", (",", "."))  # what Vietnamese installs
    fig.canvas.draw()
    vietnamese = [t.get_text() for t in live.axes[0].get_yticklabels()]
    assert vietnamese == [t.replace(".", ",") for t in english]


def _overlap(boxes) -> bool:
    return any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def test_a_short_overlay_of_a_run_with_no_finished_epoch_has_sane_axes_and_a_fitting_legend():
    """At 1024x700 the Runs chart is ~546x190 px: the accuracy ticks read 4% 2% 0% -2% -4%
    on top of each other and the legend hung over the batch plot's tick labels."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from nndesk.curves.fitting import fit_figure_legend

    fig = Figure(figsize=(546 / 96, 190 / 96), dpi=96, layout="constrained")
    canvas = FigureCanvasAgg(fig)
    axes = fig.subplots(1, 3)
    run = Curves(
        batch_x=[i / 100 for i in range(1, 13)], batch_loss=[2.0 - i / 10 for i in range(12)]
    )
    plot_overlay(*axes, [("fashion 784-64-64-10 relu adam lr=0.001 → 0.0005 symmetric", run)], True)
    fit_figure_legend(fig)
    canvas.draw()
    _, ax_loss, ax_acc = axes
    assert ax_loss.get_ylim() == (0.0, 1.0) and ax_acc.get_ylim() == (0.0, 1.0)
    renderer = canvas.get_renderer()
    for ax in (ax_loss, ax_acc):
        low, high = ax.get_ylim()
        labels = [
            t.label1.get_window_extent(renderer)
            for t, y in zip(ax.yaxis.get_major_ticks(), ax.get_yticks(), strict=False)
            if low <= y <= high and t.label1.get_visible() and t.label1.get_text()
        ]
        assert len(labels) >= 2 and not _overlap(labels)
    legend = fig.legends[0].get_window_extent(renderer)
    assert not any(legend.overlaps(ax.get_tightbbox(renderer)) for ax in axes)


def test_the_overlay_keys_validation_only_when_a_run_has_a_validation_curve():
    """Two runs trained with a 0 % validation split had a "validation" entry for a line
    nowhere drawn."""
    fig = Figure()
    axes = fig.subplots(1, 3)
    no_val = two_epoch_curves()
    no_val.val_loss, no_val.val_accuracy = [float("nan")] * 2, [float("nan")] * 2
    plot_overlay(*axes, [("a", no_val), ("b", no_val.copy())])
    assert [t.get_text() for t in axes[0].get_legend().get_texts()] == ["a", "b", "train"]
    plot_overlay(*axes, [("a", no_val), ("b", two_epoch_curves())])
    texts = [t.get_text() for t in axes[0].get_legend().get_texts()]
    assert texts == ["a", "b", "validation", "train"]


def test_the_overlay_legend_speaks_the_windows_language(monkeypatch):
    """In Vietnamese the Runs chart's legend still said "validation" / "train"."""
    from nndesk import i18n

    words = {"validation": "kiểm định", "train": "huấn luyện"}
    monkeypatch.setattr(i18n, "_display", lambda text: words.get(text, text))
    fig = Figure()
    axes = fig.subplots(1, 3)
    plot_overlay(*axes, [("a", two_epoch_curves())], outside=True)
    texts = [t.get_text() for t in fig.legends[0].get_texts()]
    assert texts == ["a", "kiểm định", "huấn luyện"]


def test_a_title_wider_than_its_plot_is_broken_onto_two_lines():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from nndesk.curves.fitting import fit_titles

    fig = Figure(figsize=(540 / 96, 210 / 96), dpi=96, layout="constrained")
    canvas = FigureCanvasAgg(fig)
    axes = fig.subplots(1, 3)
    plot_overlay(*axes, [("a", two_epoch_curves())])
    axes[2].set_title("Độ chính xác theo epoch và hơn thế nữa", loc="left")
    canvas.draw()
    assert fit_titles(axes)
    assert axes[2].get_title(loc="left") == "Độ chính xác theo\nepoch và hơn thế nữa"
    # "Loss per batch" would fit, but titles side by side break alike
    assert axes[0].get_title(loc="left") == "Loss per\nbatch"
    canvas.draw()
    assert not fit_titles(axes)


def test_changes_a_few_batches_apart_get_labels_that_do_not_overlap():
    """ "lr 0.0005" and "augment on" set four batches apart were written over each other."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from nndesk.setting_changes import SettingChange

    fig = Figure(figsize=(7, 3), dpi=96)
    canvas = FigureCanvasAgg(fig)
    live = LiveCurves(*fig.subplots(1, 3))
    curves = Curves(batch_x=[i / 100 for i in range(1, 101)], batch_loss=[1.0] * 100)
    for x, name, value in ((0.10, "lr", 0.0005), (0.14, "augment", True), (0.14, "lr", 0.001)):
        curves.add_change(SettingChange(x, 1, round(x * 100), name, value))
    live.update(curves)
    canvas.draw()
    renderer = canvas.get_renderer()
    labels = [t for t in live.axes[0].texts if t.get_text()]
    assert len(labels) == 3
    boxes = [t.get_window_extent(renderer) for t in labels]
    assert not _overlap(boxes), [t.get_text() for t in labels]
    # one dotted line per batch that changed something, on each plot
    assert len([ln for ln in live.axes[0].lines if ln.get_linestyle() == ":"]) == 2


VIETNAMESE = {
    "batch": "batch",
    "mean of nearby batches": "trung bình các batch lân cận",
    "train": "huấn luyện",
    "validation": "kiểm định",
    "no validation split": "không có phần kiểm định",
    "Loss per batch": "Mất mát theo batch",
    "Loss per epoch": "Mất mát theo epoch",
    "Accuracy per epoch": "Độ chính xác theo epoch",
}


def _live_chart(width, height, validation, changes):
    """The Train page's live chart at ``width`` x ``height`` pixels, drawn as the window draws
    it: laid out, the key fitted to the plot's width, laid out again."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = Figure(figsize=(width / 100, height / 100), dpi=100, layout="constrained")
    canvas = FigureCanvasAgg(fig)
    grid = fig.add_gridspec(2, 2)
    axes = (fig.add_subplot(grid[0, :]), fig.add_subplot(grid[1, 0]), fig.add_subplot(grid[1, 1]))
    live = LiveCurves(*axes)
    live.set_span(1, 5)
    live.expect_curves(validation=validation)
    live.batches_per_epoch = 50
    curves = Curves()
    rng = np.random.default_rng(1)
    for epoch in range(1, 6):
        for batch in range(1, 51):
            report = dict(epoch=epoch, batch=batch, batches=50, batch_loss=0.2 + rng.random())
            curves.add_batch(type("B", (), report)())
        curves.epochs.append(epoch)
        curves.train_loss.append(0.5 / epoch)
        curves.train_accuracy.append(0.8 + epoch / 100)
        curves.val_loss.append(0.6 / epoch if validation else float("nan"))
        curves.val_accuracy.append(0.8 + epoch / 90 if validation else float("nan"))
        curves.test_loss.append(float("nan"))
        curves.test_accuracy.append(float("nan"))
    for x, lr in changes:
        curves.add_lr_change(x, lr)
    live.update(curves)
    canvas.draw()
    live.fit_key()
    canvas.draw()
    return fig, live


def _text_box(text, renderer):
    return text.get_window_extent(renderer)


@pytest.mark.parametrize("language", ["en", "vi"])
@pytest.mark.parametrize("validation", [True, False], ids=["validation", "no-validation"])
@pytest.mark.parametrize("size", [(540, 330), (790, 420)], ids=["1024x700", "1280x800"])
def test_the_live_key_covers_no_curve_no_title_and_no_change_label(
    monkeypatch, language, validation, size
):
    """Probe 16d: the batch band ran through "moving average", the accuracy curve through
    "no validation split", and "lr 0.0005" ran into the key's "batch"."""
    from nndesk import i18n

    if language == "vi":
        monkeypatch.setattr(i18n, "_display", lambda text: VIETNAMESE.get(text, text))
    changes = [(2.5, 0.0005), (4.9, 0.0001)]  # one mid-plot, one by the right edge
    fig, live = _live_chart(*size, validation, changes)
    renderer = fig.canvas.get_renderer()
    key = live.axes[0].get_legend()
    key_box = key.get_window_extent(renderer)
    figure_box = fig.bbox
    for ax in live.axes:
        assert not key_box.overlaps(ax.bbox), "the key lies on a plot"
        title = next(t for t in ax.texts + [ax._left_title] if t.get_text() == ax.get_title("left"))
        assert not key_box.overlaps(_text_box(title, renderer)), "the key runs into a title"
    labels = [a for a in live.axes[0].texts if a.get_text().startswith("lr ")]
    assert len(labels) == 2
    texts = [*key.get_texts(), *labels] + [ax._left_title for ax in live.axes]
    for text in texts:
        box = _text_box(text, renderer)
        assert figure_box.contains(box.x0, box.y0) and figure_box.contains(box.x1, box.y1), (
            f"{text.get_text()!r} is cut by the figure's edge"
        )
    for label in labels:
        assert not key_box.overlaps(_text_box(label, renderer)), "a change label runs into the key"
    # every entry whole: nothing of the note is cut off
    assert [t.get_text() for t in key.get_texts()][-1] == (
        i18n.shown("validation") if validation else i18n.shown("no validation split")
    )


@pytest.mark.parametrize("overflowed", [float("inf"), float("nan")])
@pytest.mark.parametrize("before", [0, 1, 3])
def test_an_overflowed_loss_is_marked_off_the_chart_as_a_huge_one_is(overflowed, before):
    """A run whose loss overflowed (inf, or NaN once inf met inf) drew no arrow: the loss that
    ended it was dropped, and the curve just stopped (a huge finite one is marked). It is kept
    and marked alike, live and in the Runs overlay, and the limits stay those of the finite
    batches, whether it came after a few batches or none."""
    from types import SimpleNamespace

    from nndesk.curves.marks import off_chart

    curves = Curves()
    for i, loss in enumerate([2.3, 2.1, 2.2][:before]):
        curves.batch_x.append((i + 1) / 4)
        curves.batch_loss.append(loss)
    curves.add_diverged(SimpleNamespace(batch_x=(before + 1) / 4, batch_loss=overflowed))
    assert len(curves.batch_loss) == before + 1 and off_chart(curves.batch_loss) is not None
    live = LiveCurves(*Figure().subplots(1, 3))
    live.batches_per_epoch = 4
    live.update(curves)
    (arrow, label) = live.off_chart_marks()
    said = "∞" if overflowed > 0 else "NaN"
    assert arrow.xy[0] == curves.batch_x[-1] and f"loss {said} at epoch 1" in label.get_text()
    low, top = live.axes[0].get_ylim()
    assert low == 0 and np.isfinite(top) and top >= max(curves.batch_loss[:-1], default=0)
    assert live.update(curves) is False  # drawn once: a NaN mark is not made again and again
    axes = Figure().subplots(1, 3)
    plot_overlay(*axes, [("run", curves)])
    marks = [t for t in axes[0].texts if t.get_text() == said]
    assert len(marks) == 1 and all(np.isfinite(axes[0].get_ylim()))


def test_runs_that_diverge_at_the_same_batch_have_their_values_written_apart():
    """Two compared runs that diverged at their second batch had their values written over
    each other ("NaN" on "2,45×10⁴", unreadable): each mark's text is a row lower."""
    from types import SimpleNamespace

    runs = []
    for name, loss in (("a", 2.45e4), ("b", float("nan"))):
        curves = Curves()
        curves.batch_x.append(0.25)
        curves.batch_loss.append(2.3)
        curves.add_diverged(SimpleNamespace(batch_x=0.5, batch_loss=loss))
        runs.append((name, curves))
    axes = Figure().subplots(1, 3)
    plot_overlay(*axes, runs)
    texts = [t for t in axes[0].texts if t.get_text() in ("2.45×10⁴", "NaN")]
    assert len(texts) == 2
    (_, y0), (_, y1) = (t.xyann for t in texts)
    assert abs(y0 - y1) >= 8  # points: a line of their 8 pt text apart


@pytest.mark.parametrize(
    "accuracies",
    [
        [(0.8215, 0.8105), (0.8105, 0.8150)],  # a race's first epoch (walk43: "82%, 82%, 82%")
        [(0.9712, 0.9725), (0.9719, 0.9731)],  # two good models a tenth of a point apart
        [(0.10, 0.60), (0.30, 0.95)],  # a wide range keeps whole percents
    ],
)
@pytest.mark.parametrize("marks", [None, (",", ".")], ids=["english", "vietnamese"])
def test_accuracy_ticks_never_repeat_a_label_and_each_says_its_value(
    monkeypatch, accuracies, marks
):
    from nndesk import i18n

    monkeypatch.setattr(i18n, "_marks", marks)
    runs = []
    for val in accuracies:
        curves = two_epoch_curves()
        curves.val_accuracy = list(val)
        curves.train_accuracy = list(val)
        runs.append((f"lane {len(runs)}", curves))
    for height in (2.0, 4.0):  # a short chart holds fewer ticks
        fig = Figure(figsize=(6, height))
        axes = fig.subplots(1, 3)
        plot_overlay(*axes, runs)
        fig.canvas.draw()
        ax_acc = axes[2]
        low, high = ax_acc.get_ylim()
        shown = [
            (tick, label.get_text())
            for tick, label in zip(ax_acc.get_yticks(), ax_acc.get_yticklabels(), strict=True)
            if low <= tick <= high
        ]
        texts = [text for _, text in shown]
        assert len(texts) >= 2 and len(set(texts)) == len(texts), texts
        for tick, text in shown:
            number = text.rstrip("%").replace(",", ".") if marks else text.rstrip("%")
            assert float(number) == pytest.approx(100 * tick, abs=1e-6), (tick, text)
            assert ("." if marks else ",") not in text  # the language's mark only
        if min(min(v) for v in accuracies) < 0.5:
            assert all("." not in t and "," not in t for t in texts)  # whole percents


def _long_run(epochs: int) -> Curves:
    """A full-batch run: validation on train all the way, as mnist-gd's."""
    curves = Curves()
    for e in range(1, epochs + 1):
        loss = 2.3 / (1 + e / 50)
        curves.epochs.append(e)
        curves.train_loss.append(loss)
        curves.val_loss.append(loss + 0.005)
        curves.train_accuracy.append(1 - loss / 2.5)
        curves.val_accuracy.append(1 - (loss + 0.005) / 2.5)
        curves.test_loss.append(float("nan"))
        curves.test_accuracy.append(float("nan"))
        curves.lr.append(0.5)
        curves.seconds.append(1.0)
    return curves


def _pixels_of(fig, ax, colour) -> int:
    """Pixels of ``ax`` in ``colour`` (as drawn, at 100 dpi)."""
    from matplotlib.colors import to_rgb

    fig.canvas.draw()
    rgb = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
    x0, y0, x1, y1 = (int(v) for v in ax.get_window_extent().extents)
    h = rgb.shape[0]
    box = rgb[max(h - y1, 0) : h - y0, max(x0, 0) : x1]
    want = np.array([round(c * 255) for c in to_rgb(colour)])
    return int((np.abs(box - want).sum(axis=2) < 30).sum())


@pytest.mark.parametrize("overlay", [False, True])
def test_many_epochs_markers_do_not_hide_the_train_curve_under_validation(overlay):
    """walk48: mnist-gd's 500 epochs of validation squares were a red band over the train line."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    seen = {}
    for epochs in (500, 20):
        fig = Figure(figsize=(8, 3), dpi=100)
        FigureCanvasAgg(fig)
        axes = fig.subplots(1, 3)
        curves = _long_run(epochs)
        if overlay:
            plot_overlay(*axes, [("run", curves)])
            lines = axes[1].get_lines()
        else:
            live = LiveCurves(*axes)
            live.update(curves)
            lines = [live.train_loss_line, live.val_loss_line]
        seen[epochs] = [line.get_marker() for line in lines]
        if not overlay and epochs == 500:
            # the validation curve is a line (~2 px a column), not a band of squares, and
            # the train curve under it shows at its edges along the plot's width
            from nndesk.curves.style import TRAIN_COLOR, VAL_COLOR

            width = axes[1].get_window_extent().width
            assert _pixels_of(fig, axes[1], VAL_COLOR) < 4 * width
            assert _pixels_of(fig, axes[1], TRAIN_COLOR) > width
    assert all(m in ("None", None, "") for m in seen[500])
    assert all(m not in ("None", None, "") for m in seen[20])  # a short run keeps its markers


def test_the_live_key_draws_the_epoch_curves_as_they_are_drawn():
    """walk70 L4: at mnist-gd's 500 epochs the curves have no markers, but the key still drew
    the first epochs' circle and square: the red line over the wider blue one read as "one
    red square per epoch" piled into a band. The key follows the lines as their markers go."""
    fig, live = live_plot()
    key = {}
    for epochs in (3, 500):
        live.update(_long_run(epochs))
        legend = live.axes[0].get_legend()
        texts = [t.get_text() for t in legend.get_texts()]
        key[epochs] = {
            name: (handle.get_marker(), handle.get_linewidth())
            for name, handle in zip(texts, legend.legend_handles, strict=True)
        }
    assert key[3]["train"][0] == "o" and key[3]["validation"][0] == "s"
    for name, line in (("train", live.train_loss_line), ("validation", live.val_loss_line)):
        assert key[500][name] == ("None", line.get_linewidth()), key[500]
    # the Runs chart's key of line styles too, as its runs' curves are drawn
    for epochs, marks in ((500, {"None"}), (20, {"s", "o"})):
        fig = Figure()
        axes = fig.subplots(1, 3)
        plot_overlay(*axes, [("run", _long_run(epochs))])
        styles = axes[0].get_legend().legend_handles[1:]
        assert {h.get_marker() for h in styles} == marks, epochs


@pytest.mark.parametrize(("epochs", "ticks"), [(5, [1, 2, 3, 4, 5]), (1, [1])])
def test_the_live_epoch_plots_span_the_runs_epochs_in_whole_numbers_from_the_first_batch(
    epochs, ticks
):
    """The Train page's per-epoch plots read 1-2 for a one-epoch run; they span the run's
    epochs as the Race's epoch plots do (``span_epochs``, one function for both)."""
    fig, live = live_plot()
    live.set_span(1, epochs)
    curves = Curves()
    for batch in range(1, 31):  # a third of the first epoch, then the whole of it
        curves.add_batch(type("B", (), dict(epoch=1, batch=batch, batches=90, batch_loss=2.0))())
    for done in (0, 1):
        if done:
            curves.epochs.append(1)
            curves.train_loss.append(0.5)
            curves.val_loss.append(0.6)
            curves.train_accuracy.append(0.8)
            curves.val_accuracy.append(0.7)
            curves.test_loss.append(float("nan"))
            curves.test_accuracy.append(float("nan"))
        live.update(curves)
        fig.canvas.draw()
        for ax in live.axes[1:]:
            assert ax.get_xlim() == (0.5, epochs + 0.5)
            shown = [t for t in ax.get_xticks() if 0.5 <= t <= epochs + 0.5]
            assert shown == ticks, (done, shown)


def falling_losses(batches: int, start_spike: float) -> list[float]:
    """Batch losses falling from about 0.85 to 0.1 over ``batches`` batches; with a
    ``start_spike`` the first batches are that high and fall within some 40 batches, as ReLU
    on raw 0-255 pixels does (measured: 36, 121, 248, 97, ... 3 by batch 30, 0.09 at 300)."""
    b = np.arange(batches, dtype=np.float64)
    return list(0.1 + 0.75 / (1 + b / 50) + start_spike * np.exp(-b / 8))


def two_epochs_of(losses: list[float]) -> Curves:
    """Curves over two epochs of ``len(losses) // 2`` batches each."""
    c = Curves()
    n = len(losses)
    c.batch_x = list(np.arange(1, n + 1) / (n / 2))
    c.batch_loss = losses
    c.epochs = [1, 2]
    c.train_loss, c.val_loss = [losses[0] / 20, losses[-1]], [0.15, losses[-1] + 0.01]
    c.train_accuracy, c.val_accuracy = [0.8, 0.9], [0.82, 0.9]
    return c


def height_share(ax, values) -> float:
    """The share of ``ax``'s height that ``values`` span, as drawn (linear or log)."""
    finite = np.asarray(values, np.float64)
    low, high = ax.transData.transform([(0, finite.min()), (0, finite.max())])[:, 1]
    return float((high - low) / ax.bbox.height)


def test_a_run_starting_hundreds_of_times_above_its_usual_loss_is_drawn_on_a_log_axis():
    """ReLU on raw pixels starts at 250 and settles near 0.1: a linear axis to its 99th
    percentile drew everything after the first 40 batches flat on zero (walk51 D3)."""
    fig, live = live_plot()
    losses = falling_losses(1876, 250.0)
    live.update(two_epochs_of(losses))
    ax_batch, ax_loss = live.axes[:2]
    assert ax_batch.get_yscale() == "log" and ax_loss.get_yscale() == "log"
    assert ax_batch.get_title(loc="left") == "Loss per batch (log scale)"
    low, high = ax_batch.get_ylim()
    assert low <= min(losses) and high >= max(losses)  # the whole curve, the spike too
    assert height_share(ax_batch, losses[100:]) > 0.1  # its settling is readable
    # a new run starts linear again, as an ordinary run keeps
    live.reset()
    live.update(two_epochs_of(falling_losses(1876, 0.0)))
    assert ax_batch.get_yscale() == "linear" and ax_batch.get_ylim()[0] == 0.0


def relu_on_raw_pixels(batches: int) -> list[float]:
    """A 10-epoch run of ReLU on raw 0-255 pixels as walk54 D0 kept it: 80-173 for its first
    few dozen batches, then settling to a median near 0.05 (99th percentile 1.7 at the end)."""
    b = np.arange(batches, dtype=np.float64)
    return list(0.03 + 0.6 / (1 + b / 30) + 173.0 * np.exp(-b / 8))


def curves_so_far(losses: list[float], batches: int, per_epoch: int) -> Curves:
    """The run's curves after its first ``batches`` batches of ``per_epoch`` an epoch."""
    c = Curves()
    c.batch_x = list(np.arange(1, batches + 1) / per_epoch)
    c.batch_loss = losses[:batches]
    c.epochs = list(range(1, batches // per_epoch + 1))
    c.train_loss = [float(np.mean(losses[(e - 1) * per_epoch : e * per_epoch])) for e in c.epochs]
    c.val_loss = [loss * 1.05 for loss in c.train_loss]
    c.train_accuracy = c.val_accuracy = [0.9 for _ in c.epochs]
    return c


def test_a_spike_at_the_start_keeps_the_log_axis_to_the_end_of_a_long_run():
    """walk54 D0: the 99th percentile forgot the spike once it was under 1 % of the batches,
    so a 10-epoch ReLU run went back to a linear axis mid-run and ended as a spike over a
    flat line. The axis turns log once and stays, the spike and the settling both in view."""
    fig, live = live_plot()
    per_epoch = 469
    losses = relu_on_raw_pixels(10 * per_epoch)
    scales = []
    for batches in range(50, 10 * per_epoch + 1, 50):
        live.update(curves_so_far(losses, batches, per_epoch))
        scales.append(live.axes[0].get_yscale())
    turned = scales.index("log")
    assert turned < 5 and set(scales[turned:]) == {"log"}, scales
    low, high = live.axes[0].get_ylim()
    assert low <= min(losses) and high >= max(losses)
    assert height_share(live.axes[0], losses[100:]) > 0.1  # the settling is readable


def test_compared_runs_far_apart_share_a_log_axis():
    fig = Figure()
    axes = fig.subplots(1, 3)
    calm = falling_losses(1876, 0.0)
    plot_overlay(*axes, [("Sigmoid", two_epochs_of(calm)), ("ReLU", two_epochs_of(
        falling_losses(1876, 250.0)))])  # fmt: skip
    assert axes[0].get_yscale() == "log" and axes[1].get_yscale() == "log"
    assert height_share(axes[0], calm) > 0.2


def test_an_ordinary_long_run_keeps_its_linear_loss_axis():
    """The highest batch loss of an ordinary run is its start (2.3, ln 10) and a long MNIST
    run's median falls to some 0.01: a spread of 230, under ``LOG_LOSS_SPREAD``."""
    from nndesk.curves.scales import wide_losses

    b = np.arange(20 * 469, dtype=np.float64)
    losses = 0.005 + 2.3 / (1 + b / 10)
    assert np.median(losses) < 0.012
    assert not wide_losses([losses])
    assert wide_losses([losses], log_now=True)  # (a log axis already held would stay)


@pytest.mark.parametrize(
    "losses", [[2.31], [2.31, 5.6e12]], ids=["one batch", "one batch, then off the chart"]
)
def test_a_run_with_one_batch_is_compared_over_a_whole_epoch(losses):
    """walk57 #16: a run that diverged at its second batch drew its batch-loss chart over a
    0.0001-epoch span, its tick labels run together ("0,001150,001200,00125")."""
    fig = Figure()
    axes = fig.subplots(1, 3)
    run = Curves()
    run.batch_x = [0.00118 * (i + 1) for i in range(len(losses))]
    run.batch_loss = list(losses)
    plot_overlay(*axes, [("diverged", run)])
    fig.canvas.draw()
    lo, hi = axes[0].get_xlim()
    assert lo <= 0.00118 <= hi and hi - lo >= 1.0, (lo, hi)


def test_a_falling_runs_first_batches_stay_in_view_and_one_wild_batch_does_not_flatten_it():
    """walk59 D7: the batch-loss axis stopped at the 99th percentile, which for a run falling
    fast from ln 2 (a sigmoid net's BCE) is far under its first batches: the start of the
    lesson's curve was cut off once the run went on."""
    fig, live = live_plot()
    b = np.arange(1876, dtype=np.float64)
    losses = list(0.02 + 0.67 * np.exp(-b / 30))
    losses[1000] = 5.0  # one wild batch mid-run
    for done in (50, 400, 1876):  # the chart follows the run as it trains
        live.update(curves_so_far(losses, done, 938))
    ax_batch = live.axes[0]
    assert ax_batch.get_yscale() == "linear"
    assert ax_batch.get_ylim()[1] >= max(losses[:5])  # the start, drawn whole
    assert ax_batch.get_ylim()[1] < 2.0  # the wild batch is not what the axis is scaled to


@pytest.mark.parametrize("at", [2.3, 2.7], ids=["left-of-middle", "right-of-middle"])
@pytest.mark.parametrize("dpi", [100, 125], ids=["normal", "larger"])
def test_a_divergence_mark_lies_inside_its_plot_clear_of_a_rate_set_just_before(
    monkeypatch, at, dpi
):
    """walk61 D14: typed 5 as the learning rate, the run diverged a few batches later: the
    grey "tốc độ học 5" lay on the red "mất mát 2,15×10⁵ ở epoch 3, …", which ran past the
    plot's right edge, cut. The red label goes below the changes' rows, on the side with more
    room, in lines no wider than the plot leaves it."""
    from types import SimpleNamespace

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from nndesk import i18n

    words = {
        "loss {loss} at epoch {epoch}, batch {batch}: off the chart": (
            "mất mát {loss} ở epoch {epoch}, batch {batch}: vượt ra ngoài đồ thị"
        ),
        "lr": "tốc độ học",
    }
    monkeypatch.setattr(i18n, "_display", lambda text: words.get(text, text))
    # the Train page's chart beside the drawing at 1024x768, at Larger text (dpi x 1.25)
    fig = Figure(figsize=(470 / dpi, 420 / dpi), dpi=dpi, layout="constrained")
    canvas = FigureCanvasAgg(fig)
    grid = fig.add_gridspec(2, 2)
    axes = (fig.add_subplot(grid[0, :]), fig.add_subplot(grid[1, 0]), fig.add_subplot(grid[1, 1]))
    live = LiveCurves(*axes)
    live.set_span(1, 5)
    live.batches_per_epoch = 100
    curves = Curves()
    for i in range(1, round(at * 100)):
        curves.batch_x.append(i / 100)
        curves.batch_loss.append(0.5)
    curves.add_lr_change(at - 0.05, 5.0)
    curves.add_diverged(SimpleNamespace(batch_x=at, batch_loss=2.15e5))
    canvas.draw()  # laid out: the marks are fitted to the plot's width
    live.update(curves)
    canvas.draw()
    renderer = canvas.get_renderer()
    (_arrow, red) = live.off_chart_marks()
    grey = next(t for t in axes[0].texts if t.get_text().startswith("tốc độ học"))
    red_box, grey_box = red.get_window_extent(renderer), grey.get_window_extent(renderer)
    assert "2,15×10⁵" in red.get_text() or "2.15×10⁵" in red.get_text()
    assert not red_box.overlaps(grey_box)
    plot = axes[0].bbox
    assert plot.x0 - 1 <= red_box.x0 and red_box.x1 <= plot.x1 + 1, (red_box, plot)


def test_the_live_key_takes_two_rows_above_the_title_before_more_beside_it(monkeypatch):
    """A chart 530 px wide in Vietnamese, a run without a validation split: the key's four
    entries took four rows beside "Mất mát theo batch" (at 1280x800 Larger too); above the
    title they take two."""
    from nndesk import i18n

    monkeypatch.setattr(i18n, "_display", lambda text: VIETNAMESE.get(text, text))
    fig, live = _live_chart(530, 420, False, [])
    entries = len(live.axes[0].get_legend().get_texts())
    assert entries == 4
    assert math.ceil(entries / live._key_cols) <= 2


@pytest.mark.parametrize("n_runs", [1, 2])
def test_curves_export_in_given_chart_colours_when_asked(tmp_path, n_runs):
    """fixI #3: the save dialog's "Dark background": the PNG on the dark theme's colours
    (default: dark on white), whichever theme the window shows."""
    from PIL import Image

    from nndesk.viz import chart_colours

    dark = chart_colours("#2b2b2b", "#1e1e1e", "#808080", "#e8e8e8", "#404040")
    runs = [(f"run {i}", two_epoch_curves()) for i in range(n_runs)]
    for colours, page in ((None, (255, 255, 255)), (dark, (0x2B, 0x2B, 0x2B))):
        path = save_curves_png(runs, tmp_path / f"c-{colours is None}.png", colours=colours)
        with Image.open(path) as png:
            assert png.convert("RGB").getpixel((1, 1)) == page
