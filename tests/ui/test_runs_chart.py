"""The Runs chart and table on a laptop's screen: the chart whole under a finished run's
notes, its ticks readable in any language, each run named by what differs (probe 32)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from nndesk.runs import RunStore

from .conftest import stored_runs
from .test_layout import DEFAULT, SMALL_FRAMED, show_at
from .test_runs_view import make_view, row_of


def _started_at(store: RunStore, created_at: str, lr: float = 0.01):
    record = store.create({"dataset": "mnist", "arch": "784-784-10", "lr": lr})
    record.created_at = created_at
    record.status = "completed"
    store.save(record)
    return record


def test_runs_started_in_one_minute_read_apart_by_their_seconds(qtbot, tmp_path):
    """Probe 32: two runs 24 s apart both read "02 Dec 14:45" in the Started column. The
    column then writes every start with its seconds, one format down it (walk43: "06:29" above
    "06:28:47")."""
    from nndesk.ui.runs_table import STARTED

    store = RunStore(tmp_path / "runs")
    a = _started_at(store, "2026-12-02T14:45:03.120+00:00")
    b = _started_at(store, "2026-12-02T14:45:27.480+00:00")
    c = _started_at(store, "2026-12-02T14:49:46.000+00:00")
    view = make_view(qtbot, store)
    started = {r.run_id: view.cell(row_of(view, r.run_id), STARTED) for r in (a, b, c)}
    assert started[a.run_id] != started[b.run_id]
    assert started[a.run_id].count(":") == 2 and started[b.run_id].count(":") == 2
    assert started[c.run_id].count(":") == 2  # alone in its minute, written alike


def test_the_legend_of_runs_of_one_setting_leads_with_when_each_started(tmp_path):
    """Probe 32: the legend cut "… (02 Dec 14:…" off a long title, losing the time, the
    one thing that told the two runs apart."""
    from nndesk.ui.runs_legend import LABEL_CHARS, legend_labels

    store = RunStore(tmp_path / "runs")
    a = _started_at(store, "2026-12-02T14:45:03.120+00:00")
    b = _started_at(store, "2026-12-02T14:45:27.480+00:00")
    b.curves.add_lr_change(0.2, 0.001)
    labels = legend_labels([a, b])
    assert labels[0] != labels[1]
    heads = [label.split(" · ")[0] for label in labels]
    assert heads[0] != heads[1] and all(h.count(":") == 2 for h in heads)  # seconds first
    assert all(len(label) <= LABEL_CHARS for label in labels)
    c = _started_at(store, "2026-12-02T16:10:00.000+00:00")
    assert [label.split(" · ")[0].count(":") for label in legend_labels([a, c])] == [1, 1]
    # runs whose differing settings are named alike get their start after them
    d = _started_at(store, "2026-12-02T17:00:00.000+00:00", lr=0.1)
    labels = legend_labels([a, c, d])
    assert len(set(labels)) == 3 and labels[2] == "lr 0.1"


@pytest.mark.parametrize("marks", [(".", ","), (",", ".")], ids=["english", "vietnamese"])
def test_the_runs_charts_x_tick_labels_never_run_together(monkeypatch, marks):
    """Probe 32: a quarter epoch on the 1024-px chart read "0,000,050,100,150,200,25" in
    Vietnamese (six two-decimal ticks on a 150-px plot)."""
    from nndesk import i18n
    from nndesk.curves.fitting import TICK_GAP_PX
    from nndesk.run_curves import Curves
    from nndesk.ui import runs_chart
    from tests.test_runs import batch

    monkeypatch.setattr(i18n, "_marks", marks)
    runs = []
    for stopped, changed in ((116, 0.17), (103, 0.09)):  # stopped a quarter into epoch 1
        curves = Curves()
        for b in range(1, stopped + 1):
            curves.add_batch(batch(1, b, 422, 2.0 / b))
        curves.add_lr_change(changed, 0.001)
        runs.append((f"epochs={len(runs) + 1}", curves))
    fig = runs_chart.overlay_figure(runs, "", 540, 166)
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        frame = ax.get_window_extent(renderer)
        boxes = sorted(
            (t.get_window_extent(renderer) for t in ax.get_xticklabels() if t.get_text()),
            key=lambda b: b.x0,
        )
        boxes = [b for b in boxes if frame.x0 - 1 <= (b.x0 + b.x1) / 2 <= frame.x1 + 1]
        assert len(boxes) >= 2
        gaps = [b.x0 - a.x1 for a, b in zip(boxes, boxes[1:], strict=False)]
        assert min(gaps) >= TICK_GAP_PX - 1, [t.get_text() for t in ax.get_xticklabels()]
        label = ax.xaxis.label.get_window_extent(renderer)
        assert label.y0 >= 0, "the epoch label is below the image"


@pytest.mark.parametrize("size", [SMALL_FRAMED, DEFAULT], ids=["1024x673", "1280x760"])
def test_the_runs_chart_shows_whole_under_a_finished_runs_notes(
    qtbot, window_factory, size, tiny_idx_dir, monkeypatch
):
    """Probe 32: after a run (the new-model strip, the test accuracy line and a coach note
    above the tabs) the Runs chart reached below the window: its "epoch" labels were cut.
    At 1280x760 the chart shows whole; at 1024 the page has less height than the table's
    three rows, the hint, the buttons and the chart's least: its foot is a scroll away (the
    splitter had drawn the table over the hint to keep it in sight)."""
    from tests.test_runs import two_epoch_curves

    archs = ("784-32-10", "784-64-10")
    stored_runs(
        [{"dataset": "mnist", "arch": a, "lr": 0.01} for a in archs], curves=two_epoch_curves
    )
    monkeypatch.setenv("NNDESK_DATA_DIR", str(tiny_idx_dir))  # MNIST is here: no data offer
    desk = window_factory()
    window = show_at(desk, size)
    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    window.model_notice.announce(0.928, "mnist-cnn")
    page.model_label.setText("Test accuracy 92.8% on MNIST · model saved in the run history")
    from nndesk.coach import Hint

    page.coach.show_hints(
        [
            Hint(
                "dead",
                "53% of the units after Dense 784→32 never fired on the last sampled batch "
                "(dead ReLUs): a lower learning rate or leaky ReLU keeps them alive.",
            )
        ],
        running=False,
    )
    assert page.coach_label.isVisible()
    view = page.runs_view
    page.tabs.setCurrentWidget(view)
    view.refresh()
    view.table.selectAll()
    QApplication.processEvents()
    qtbot.waitUntil(lambda: view.chart.image is not None, timeout=60000)
    chart = view.chart
    if size == DEFAULT:
        assert chart.visibleRegion().boundingRect() == chart.rect(), "the chart's foot is cut"
    view.scroll.ensureWidgetVisible(chart, 0, 0)
    QApplication.processEvents()
    assert chart.visibleRegion().boundingRect() == chart.rect(), "the chart's foot is cut"
    table, hint = view.table, view.hint
    table_bottom = table.mapTo(view, table.rect().bottomLeft()).y()
    assert table_bottom < hint.mapTo(view, hint.rect().topLeft()).y()
    assert window.height() == size[1]


@pytest.mark.parametrize("size", [(650, 265), (537, 213)], ids=["1280", "1024"])
def test_runs_of_one_title_share_it_above_the_legend_and_keep_the_plots_tall(qapp, tmp_path, size):
    """Probe 33: four runs of the same settings were "22:59 · Fashion-MNIST … điểm ảnh…", each
    cut, differing only by their time, and the legend took up to six rows above the plots."""
    from nndesk.ui import language
    from nndesk.ui.runs_chart import overlay_figure
    from nndesk.ui.runs_legend import legend_caption, legend_labels
    from tests.test_runs import two_epoch_curves

    language.use_language("vi")
    try:
        store = RunStore(tmp_path / "runs")
        config = {"dataset": "fashion", "arch": "784-64-64-10", "activation": "relu"}
        config |= {"optimizer": "adam", "lr": 0.001, "normalize": "symmetric"}
        title = "fashion 784-64-64-10 relu adam lr=0.001 symmetric"  # as nndesk titles a run
        runs = []
        for minute in range(4):
            record = store.create(dict(config), title=title)
            record.created_at = f"2026-12-02T22:{10 + minute}:00.000+00:00"
            runs.append(record)
        caption = legend_caption(runs)
        # "-1 đến 1" held together by no-break spaces (it broke as "-1 đến" / "1")
        words = "điểm ảnh -1\u00a0đến\u00a01"
        rate = "tốc\u00a0độ\u00a0học\u00a00,001"  # kept whole as well
        assert caption == f"Fashion-MNIST 784-64-64-10 ReLU Adam, {rate}, {words}"
        labels = legend_labels(runs)
        assert len(set(labels)) == 4 and not any("…" in label for label in labels), labels
        assert all(len(label) <= 5 for label in labels), labels  # the start alone: "22:10"
        fig = overlay_figure([(x, two_epoch_curves()) for x in labels], "", *size, 1.0, caption)
        renderer = fig.canvas.get_renderer()
        legend = fig.legends[0]
        assert legend.get_title().get_text().replace("\n", " ") == caption
        rows = {round(t.get_window_extent(renderer).y0) for t in legend.get_texts()}
        assert len(rows) <= 2, rows  # four runs and the two line styles
        assert legend.get_window_extent(renderer).x1 <= size[0]
        for ax in fig.axes:
            assert ax.get_window_extent(renderer).height >= 0.4 * size[1]
    finally:
        language.use_language("en")


def test_four_runs_that_differ_take_at_most_three_legend_rows_at_1024(qapp, tmp_path):
    """Probe 33: at 1024 px the legend of four runs differing in layers, batch size and
    learning rate took six rows (one entry each), leaving the plots some 40 px tall."""
    from nndesk.ui import language
    from nndesk.ui.runs_chart import overlay_figure
    from nndesk.ui.runs_legend import legend_caption, legend_labels
    from tests.test_runs import two_epoch_curves

    language.use_language("vi")
    try:
        store = RunStore(tmp_path / "runs")
        base = {"dataset": "fashion", "activation": "relu", "optimizer": "adam"}
        settings = (
            ("784-64-64-10", 128, 0.001),
            ("784-64-64-10", 128, 0.001),
            ("784-32-32-10", 32, 0.0001),
            ("784-128-10", 64, 0.01),
        )
        runs = []
        for minute, (arch, batch, lr) in enumerate(settings):
            record = store.create({**base, "arch": arch, "batch_size": batch, "lr": lr})
            record.created_at = f"2026-12-02T21:{10 + minute}:00.000+00:00"
            runs.append(record)
        labels = legend_labels(runs)
        assert legend_caption(runs) == ""
        size = (537, 213)  # the Runs chart at 1024x700
        fig = overlay_figure([(x, two_epoch_curves()) for x in labels], "", *size)
        renderer = fig.canvas.get_renderer()
        legend = fig.legends[0]
        rows = {round(t.get_window_extent(renderer).y0) for t in legend.get_texts()}
        assert len(rows) <= 3, (rows, labels)
        assert legend.get_window_extent(renderer).x1 <= size[0]
    finally:
        language.use_language("en")


@pytest.mark.parametrize("size", [(537, 213), (650, 265)], ids=["1024", "1280"])
def test_the_three_chart_titles_of_a_row_break_alike(qapp, size):
    """At 1024 px in Vietnamese "Mất mát theo epoch" and "Độ chính xác theo epoch" broke onto
    two lines while "Mất mát theo batch" beside them stayed on one: a row of titles breaks
    together, or not at all. At 1280 px they broke too ("Mất mát / theo batch", a newcomer's
    walk): a title starts over its plot's y-axis label and is written smaller first, and the
    row breaks only where even that is too wide; at both sizes they now keep one line."""
    from nndesk.ui import language
    from nndesk.ui.runs_chart import overlay_figure
    from tests.test_runs import two_epoch_curves

    language.use_language("vi")
    try:
        runs = [("a", two_epoch_curves()), ("b", two_epoch_curves())]
        fig = overlay_figure(runs, "", *size)
        renderer = fig.canvas.get_renderer()
        rows: dict[int, set[int]] = {}
        for ax in fig.axes:
            top = round(ax.get_window_extent(renderer).y1)
            rows.setdefault(top, set()).add(ax.get_title(loc="left").count("\n"))
        assert all(len(breaks) == 1 for breaks in rows.values()), rows
        assert list(rows.values()) == [{0}], rows  # one line each
        for ax in fig.axes:  # each title, as drawn, inside the figure and its plot's right edge
            title = ax._left_title.get_window_extent(renderer)  # noqa: SLF001
            assert title.x0 >= 0 and title.x1 <= ax.get_window_extent(renderer).x1 + 1
    finally:
        language.use_language("en")


@pytest.mark.parametrize("code", ["vi", "en"])
@pytest.mark.parametrize("size", [(469, 225), (537, 213)], ids=["1024x768", "1024x700"])
@pytest.mark.parametrize("count", [1, 2])
def test_every_chart_title_ends_inside_its_plot_at_larger_text(qapp, code, size, count):
    """verify61: at View > Text size > Larger (the chart's text x1.25) in a 1024 px window the
    accuracy plot's title, broken onto two lines, still ran past the chart's right edge
    ("Độ chính x" / "theo epoc"): a broken title's widest line fits its plot too."""
    from nndesk.ui import language
    from nndesk.ui.runs_chart import overlay_figure
    from tests.test_runs import two_epoch_curves

    language.use_language(code)
    try:
        runs = [(f"hạt giống (seed) {i}", two_epoch_curves()) for i in range(count)]
        fig = overlay_figure(runs, "", *size, 1.0, "", 1.25)
        renderer = fig.canvas.get_renderer()
        for ax in fig.axes:
            title = ax._left_title.get_window_extent(renderer)  # noqa: SLF001
            plot = ax.get_window_extent(renderer)
            assert title.x0 >= -1 and title.x1 <= plot.x1 + 1, (ax.get_title(loc="left"), title)
            assert ax._left_title.get_fontsize() >= 7  # noqa: SLF001 - still readable
            label = ax.yaxis.label  # a title moved over its plot's y label is clear of it
            if label.get_visible() and label.get_text():
                box = label.get_window_extent(renderer)
                assert box.y1 <= title.y0 or box.x1 <= title.x0 or box.x0 >= title.x1, box
    finally:
        language.use_language("en")


def test_runs_on_two_datasets_are_named_by_their_dataset_first(tmp_path):
    """The walk: an MNIST and a Fashion-MNIST run of 784-32-10 both read "784-32-10, batch
    128, epoch 2 (time)": the legend named the first three differing settings, and the dataset
    only when nothing else differed."""
    from nndesk.ui.runs_legend import legend_labels

    store = RunStore(tmp_path / "runs")
    base = {"arch": "784-32-10", "batch_size": 128, "epochs": 2, "lr": 0.001}
    runs = [
        store.create({**base, "dataset": "mnist"}),
        store.create({**base, "dataset": "fashion"}),
        store.create({**base, "dataset": "fashion", "arch": "784-64-10", "batch_size": 32,
                      "epochs": 5, "lr": 0.01}),
    ]  # fmt: skip
    labels = legend_labels(runs)
    firsts = [label.split(", ")[0] for label in labels]
    assert firsts == ["MNIST", "Fashion-MNIST", "Fashion-MNIST"], labels
    assert labels[0] != labels[1] and "(" not in labels[0]  # told apart by what differs


def test_runs_differing_in_their_inputs_are_named_by_their_inputs(tmp_path):
    """verify58 D4: six runs differing in activation, layers, batch size and inputs were named
    by the first three that differ, so ReLU on pixels 0 to 1 and on 0 to 255 read "ReLU, batch
    32, epochs 1 (05:36:17)" / "(05:36:14)"; a race's four lanes (activation x inputs) beside
    two Fashion-MNIST runs read "MNIST, ReLU, 784-100-10 (20261206-054234-1203a8f)". The
    legend names the settings that tell the runs apart."""
    from nndesk.ui.runs_legend import legend_labels

    store = RunStore(tmp_path / "runs")
    lab = {"dataset": "mnist", "arch": "784-100-10", "batch_size": 32, "epochs": 1}
    lanes = [
        store.create({**lab, "activation": act, "normalize": inputs})
        for act in ("sigmoid", "relu")
        for inputs in ("raw", "unit")
    ]
    tanh = store.create({**lab, "activation": "tanh", "normalize": "unit"})
    wide = {"arch": "784-784-10", "batch_size": 128, "epochs": 2}
    bigger = store.create({**lab, **wide, "activation": "relu", "normalize": "unit"})
    labels = legend_labels([*lanes, tanh, bigger])
    assert all("(" not in label for label in labels), labels  # no time, no folder
    assert len(set(labels)) == 6
    assert labels[2].startswith("ReLU") and "pixels 0 to 255" in labels[2], labels
    assert "pixels 0 to 1" in labels[3] and "pixels 0 to 255" not in labels[3], labels
    fashion = {"dataset": "fashion", "arch": "784-300-300-10", "activation": "prelu"}
    shirts = [store.create({**lab, **fashion, "epochs": n}) for n in (1, 2)]
    labels = legend_labels([*lanes, *shirts])
    assert all("(" not in label for label in labels[:4]), labels  # the lanes by their settings
    assert len(set(labels)) == 6  # the two alike but in epochs (a fourth setting): by when
    assert [label.split(", ")[0] for label in labels] == ["MNIST"] * 4 + ["Fashion-MNIST"] * 2
    assert "pixels 0 to 1" in labels[1] and "pixels 0 to 255" in labels[0], labels


def test_a_rate_changed_while_training_is_followed_in_the_legend(tmp_path):
    """The walk (again, this stop): a run started at 0.001 and set to 0.0005 mid-run read
    "lr 0,001" in the legend beside a run that kept 0.01, as if it had never changed."""
    from nndesk.setting_changes import SettingChange
    from nndesk.ui.runs_legend import legend_labels

    store = RunStore(tmp_path / "runs")
    steady = store.create({"dataset": "mnist", "arch": "784-32-10", "lr": 0.01, "epochs": 1})
    steered = store.create({"dataset": "mnist", "arch": "784-32-10", "lr": 0.001, "epochs": 3})
    steered.curves.add_change(SettingChange(1.25, 2, 100, "lr", 0.0005))
    # the rate first: a student changes it on purpose (walk60 D7k), the epochs follow
    assert legend_labels([steered, steady]) == ["lr 0.001 → 0.0005, epochs 3", "lr 0.01, epochs 1"]


@pytest.mark.parametrize(
    "size", [(537, 213), (520, 125), (650, 265)], ids=["1024", "1024-coached", "1280"]
)
@pytest.mark.parametrize("count", [1, 2])
def test_a_rotated_y_label_runs_into_no_title(qapp, size, count):
    """walk52 #16: at 1024x700 in Vietnamese, one run selected, the accuracy plot's rotated
    label "độ chính xác" was longer than the plot was tall and ran up into its title "Độ chính
    xác theo epoch"."""
    from nndesk.ui import language
    from nndesk.ui.runs_chart import overlay_figure
    from tests.test_runs import two_epoch_curves

    language.use_language("vi")
    try:
        runs = [(f"run {i}", two_epoch_curves()) for i in range(count)]
        caption = "MNIST 784-784-10 ReLU/sigmoid, BCE, điểm ảnh 0-255 (đua)"
        fig = overlay_figure(runs, "", *size, 1.0, caption)
        renderer = fig.canvas.get_renderer()
        for ax in fig.axes:
            label, title = ax.yaxis.label, ax._left_title  # noqa: SLF001
            assert title.get_window_extent(renderer).x0 >= -1  # the title starts in the figure
            if not label.get_visible() or not label.get_text():
                continue
            box, over = label.get_window_extent(renderer), title.get_window_extent(renderer)
            assert box.y1 <= over.y0 or box.x0 >= over.x1, (label.get_text(), box, over)
            assert label.get_fontsize() >= 6  # still readable
    finally:
        language.use_language("en")


#: Six runs' key entries as the legend names them (verify58 D3: 11 pt, 1024x700)
SIX_RUNS = {
    "en": [f"{act}, 784-100-10, pixels 0 to {top}" for act in ("ReLU", "sigmoid", "tanh")
           for top in (1, 255)],
    "vi": [f"{act}, 784-100-10, điểm ảnh 0 đến {top}" for act in ("ReLU", "sigmoid", "tanh")
           for top in (1, 255)],
}  # fmt: skip


@pytest.mark.parametrize("code", ["en", "vi"])
@pytest.mark.parametrize(
    "size", [(470, 150), (490, 150), (540, 150), (490, 185), (540, 230), (650, 262)]
)
def test_six_runs_key_titles_and_plots_overlap_nothing(qapp, code, size):
    """verify58 D3: six runs charted at 11 pt (a 490x150 chart): the key lay over the three
    plots and their titles ran into each other ("Loss per batch (log scale) Loss per epoch (log
    sc…"); at 10 pt (540x150) the plots were 33 px tall. At every height the split gives the
    chart (150 px up) the key sits above the titles, the titles side by side, the plots 45 px
    tall or more (the key in four rows at 490 px in Vietnamese)."""
    from nndesk.ui import language
    from nndesk.ui.runs_chart import overlay_figure
    from tests.test_runs import two_epoch_curves

    language.use_language(code)
    try:
        runs = [(label, two_epoch_curves()) for label in SIX_RUNS[code]]
        fig = overlay_figure(runs, "", *size, 1.0)
        renderer = fig.canvas.get_renderer()
        key = fig.legends[0].get_window_extent(renderer)
        titles = sorted(
            (ax._left_title.get_window_extent(renderer) for ax in fig.axes),  # noqa: SLF001
            key=lambda box: box.x0,
        )
        assert key.y1 <= size[1] + 0.5 and all(key.y0 >= t.y1 - 0.5 for t in titles), key
        assert all(a.x1 <= b.x0 for a, b in zip(titles, titles[1:], strict=False)), titles
        for ax in fig.axes:
            plot = ax.get_window_extent(renderer)
            assert plot.height >= 45, (ax.get_title(loc="left"), plot)
            assert ax._left_title.get_window_extent(renderer).y0 >= plot.y1 - 0.5  # noqa: SLF001
    finally:
        language.use_language("en")


def test_the_legend_of_two_labs_names_what_a_student_changes_on_purpose(tmp_path):
    """walk60 D7k: the PReLU lab's run against the ReLU lab's was named "PReLU (learned
    slope), 784-300-300-100-100-10, init Xavier" / "ReLU, 784-64-64-10, init auto …": among
    settings that tell two runs apart alike, the first three alphabetically, so an incidental
    "init" was named and the lab's point (its L2, its schedule) was not."""
    from nndesk.presets import get_preset
    from nndesk.ui.runs_legend import legend_settings

    store = RunStore(tmp_path / "runs")
    prelu, relu = (
        store.create(get_preset(name).config.to_dict(), title=name)
        for name in ("fashion-prelu-l2", "fashion-mlp-lab")
    )
    named = legend_settings([prelu, relu])
    assert named == ["activation", "l2", "schedule"]
    assert "init" not in named and "prelu_init" not in named


def test_a_legend_names_only_the_schedule_numbers_each_runs_schedule_has(tmp_path):
    """fixK left: runs differing in their schedule were named "schedule exponential…, multiply
    by 0.1, decay rate 0.5": a step decay's factor beside an exponential decay's rate, which
    the exponential run never used. Each entry names the numbers of its own schedule."""
    from nndesk.ui.runs_legend import legend_labels

    store = RunStore(tmp_path / "runs")
    shared = {"dataset": "mnist", "arch": "784-784-10", "lr": 0.01, "schedule_step": 2}
    step = store.create({**shared, "schedule": "step", "schedule_gamma": 0.1, "schedule_rate": 0.5})
    exp = store.create({**shared, "schedule": "exp", "schedule_gamma": 0.5, "schedule_rate": 0.2})
    step_label, exp_label = legend_labels([step, exp])
    assert "0.1" in step_label and "0.5" not in step_label  # its factor, not a decay rate
    assert "0.2" in exp_label and "0.5" not in exp_label  # its rate, not a factor
