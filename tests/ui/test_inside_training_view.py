"""The Train page's Inside tab: charts rendered off the GUI thread follow the theme and size."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from nndesk.training.internals import (
    HISTOGRAM_BINS,
    EpochWeights,
    InsideRecord,
    InsideSample,
    LayerSample,
)
from nndesk.ui import theme
from nndesk.ui.inside_training_view import InsideTrainingView
from tests.ui.conftest import shown_widget

WAIT_MS = 20_000


def _record() -> InsideRecord:
    samples = [
        InsideSample(x, (LayerSample(1.0 / (1 + x), 1e-3, math.nan),) * 2) for x in (0.5, 1.0)
    ]
    return InsideRecord(["Dense 784→32", "Dense 32→10"], samples)


def _corner(view: InsideTrainingView) -> str:
    """The colour of the rendered picture's top-left pixel: the figure's background."""
    return QColor(view.image.pixmap().toImage().pixel(2, 2)).name()


@pytest.fixture
def back_to_system(qapp):
    yield
    theme.apply_theme(qapp, "system")


@pytest.mark.parametrize("first, then", [("light", "dark"), ("dark", "light")])
def test_the_charts_on_screen_are_rendered_again_in_the_new_theme(
    qtbot, qapp, back_to_system, first, then
):
    """A switch to dark with the tab open left the six charts light (seen at 1024x700): they
    are a picture, which theme.restyle_charts cannot recolour."""
    theme.apply_theme(qapp, first)
    view = shown_widget(qtbot, InsideTrainingView(), (540, 400))
    view.show_record(_record())
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        view.render_now()
    # no render left to answer the switch but the one it asks for
    qtbot.waitUntil(lambda: not view._dirty and not view._busy, timeout=WAIT_MS)
    assert _corner(view) == theme.colours().window
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        theme.apply_theme(qapp, then)
    assert _corner(view) == theme.colours().window


def test_the_charts_are_rendered_again_at_a_new_size(qtbot, qapp):
    view = InsideTrainingView()
    qtbot.addWidget(view)
    view.resize(540, 400)
    view.show()
    view.show_record(_record())
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        view.render_now()
    qtbot.waitUntil(lambda: not view._dirty and not view._busy, timeout=WAIT_MS)
    small = view.image.pixmap().width()
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        view.resize(800, 500)
    assert view.image.pixmap().width() > small


def _rendered_view(qtbot, size=(540, 400)) -> InsideTrainingView:
    """A shown view with a picture of ``_record`` on screen, and no render left to come."""
    view = shown_widget(qtbot, InsideTrainingView(), size)
    view.show_record(_record())
    qtbot.waitUntil(lambda: not view._busy, timeout=WAIT_MS)
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        view.render_now()
    qtbot.waitUntil(lambda: not view._dirty and not view._busy, timeout=WAIT_MS)
    return view


def _shown_picture(view: InsideTrainingView):
    """The picture on screen (None: none, e.g. the note in its place)."""
    pixmap = view.image.pixmap()
    return None if pixmap.isNull() else pixmap


def test_a_theme_switched_while_hidden_never_shows_the_old_themes_picture(
    qtbot, qapp, back_to_system
):
    """Switched to dark on another page and the window made 1024x700, Train > Inside showed
    the old light picture, at the old width and cut at both sides, for seconds (walk45 D3)."""
    theme.apply_theme(qapp, "light")
    view = _rendered_view(qtbot, (620, 470))
    light = theme.colours().window
    view.hide()
    theme.apply_theme(qapp, "dark")
    view.resize(540, 390)
    view.show()  # what is on screen the moment the tab is shown
    picture = _shown_picture(view)
    assert picture is None or _corner(view) != light
    assert view.image.text()  # a note in its place
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        pass  # asked at once, not at the next tick
    assert _corner(view) == theme.colours().window
    assert view.image.pixmap().width() <= view.image.width()


def test_a_picture_of_another_size_is_scaled_to_the_room_until_drawn_again(qtbot, qapp):
    view = _rendered_view(qtbot, (620, 470))
    view.hide()
    view.resize(540, 390)
    view.show()
    picture = _shown_picture(view)
    assert picture is not None  # same theme: the old picture, not a note
    room = view.image.size()
    assert picture.width() <= room.width() and picture.height() <= room.height()


def test_a_render_asked_before_a_theme_switch_is_not_shown_after_it(qtbot, qapp, back_to_system):
    """A render under way when the theme changed arrives in the old theme's colours."""
    theme.apply_theme(qapp, "light")
    view = _rendered_view(qtbot)
    view.show_record(_record())
    view.render_now()  # asked in light
    theme.apply_theme(qapp, "dark")
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        pass  # the dark one; the light one was left out
    assert _corner(view) == theme.colours().window


def _one_decade_record() -> InsideRecord:
    """Gradient norms falling from ~0.6 to ~0.04 over an epoch: a log axis of about a decade,
    which matplotlib labels at 2, 3, 4 and 6 times each power too."""
    rng = np.random.default_rng(0)
    samples = [
        InsideSample(
            float(x),
            (
                LayerSample(0.6 * math.exp(-4 * x) + 0.03 + 0.02 * rng.random(), 5e-3, 0.5),
                LayerSample(0.3 * math.exp(-3 * x) + 0.06 + 0.03 * rng.random(), 3e-3, math.nan),
            ),
        )
        for x in np.linspace(0.01, 1.0, 100)
    ]
    return InsideRecord(["Dense 784→32", "Dense 32→10"], samples)


def _crowded_axes(figure) -> list[str]:
    """Titles of the plots two of whose y tick labels in view touch or overlap."""
    renderer = figure.canvas.get_renderer()
    crowded = []
    for ax in figure.axes:
        frame = ax.get_window_extent(renderer)
        boxes = sorted(
            (
                b
                for t in ax.yaxis.get_ticklabels(which="both")
                if t.get_visible() and t.get_text()
                for b in [t.get_window_extent(renderer)]
                if frame.y0 - 1 <= (b.y0 + b.y1) / 2 <= frame.y1 + 1
            ),
            key=lambda b: b.y0,
        )
        if any(b.y0 < a.y1 for a, b in zip(boxes, boxes[1:], strict=False)):
            crowded.append(ax.get_title())
    return crowded


@pytest.mark.parametrize("size", [(540, 390), (620, 500), (800, 560)])
def test_the_log_axes_tick_labels_never_run_into_one_another(size):
    """At 1024x700 the gradient-norm chart wrote "6×10⁻² 4×10⁻² 3×10⁻²" over one another."""
    from nndesk.ui.inside_training_view import inside_figure

    figure = inside_figure(_one_decade_record(), *size)
    assert figure.axes[0].get_yscale() == "log"
    assert _crowded_axes(figure) == []
    # and with fewer labels on that axis, its column's titles still whole in the figure
    renderer, frame = figure.canvas.get_renderer(), figure.bbox
    for ax in figure.axes:
        box = ax.title.get_window_extent(renderer)
        assert box.x0 >= -1 and box.x1 <= frame.width + 1, ax.title.get_text()
    # enough left to read the scale by: at least two labels in view (2 and 5 times a power
    # kept before the powers alone; the powers alone left "10⁻¹" by itself at 540x390)
    renderer = figure.canvas.get_renderer()
    plot = figure.axes[0].get_window_extent(renderer)
    shown = [
        t.get_text()
        for t in figure.axes[0].yaxis.get_ticklabels(which="both")
        if t.get_visible() and t.get_text()
        if plot.y0 - 1
        <= (t.get_window_extent(renderer).y0 + t.get_window_extent(renderer).y1) / 2
        <= plot.y1 + 1
    ]
    assert len(shown) >= 2, shown


def _walk_record() -> InsideRecord:
    """Three dense layers after an epoch, as in a newcomer's walk (Fashion-MNIST 784-64-64-10,
    Adam): gradient norms between about 0.5 and 6, a log axis matplotlib ticks at 0.6, 1, 2,
    3, 4 and 6; the weights' histograms at the start and after the epoch."""
    rng = np.random.default_rng(1)
    samples = []
    for x in np.linspace(0.005, 1.0, 150):
        norms = np.clip([6 * math.exp(-3 * x), 1.2, 1.4] * (1 + 0.3 * rng.random(3)), 0.5, 6)
        samples.append(
            InsideSample(
                float(x),
                tuple(
                    LayerSample(float(n), u, d)
                    for n, u, d in zip(
                        norms, (5e-3, 1.2e-3, 1.1e-3), (0.2, 0.15, math.nan), strict=True
                    )
                ),
            )
        )
    edges = tuple(np.linspace(-1, 1, HISTOGRAM_BINS + 1) for _ in range(3))

    def weights(epoch: int) -> EpochWeights:
        counts = tuple(np.histogram(rng.normal(0, 0.3, 5000), edges[0])[0] for _ in range(3))
        return EpochWeights(epoch, counts, edges, rng.normal(size=(8, 28, 28)).astype(np.float32))

    return InsideRecord(
        ["Dense 784→64", "Dense 64→64", "Dense 64→10"], samples, weights(0), [weights(1)]
    )


def _labels_in_view(figure, ax) -> list:
    """The y tick labels (major and minor) matplotlib draws: written, and within the plot."""
    renderer = figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    return [
        t
        for t in ax.yaxis.get_ticklabels(which="both")
        if t.get_visible() and t.get_text()
        for b in [t.get_window_extent(renderer)]
        if frame.y0 - 1 <= (b.y0 + b.y1) / 2 <= frame.y1 + 1
    ]


# the Inside tab's picture in a 1024x700 and a 1280x760 window (the Train page's right pane)
WINDOW_SIZES = [(544, 390), (626, 470)]


@pytest.mark.parametrize("size", WINDOW_SIZES)
def test_the_gradient_norm_axis_writes_plain_numbers_in_one_size(size):
    """At 1280 px the in-between labels read "6×10⁰ 4×10⁰ 3×10⁰ 2×10⁰" in matplotlib's 10 pt
    beside the power's "10⁰" in 7 pt, two of them nearly touching (walk45 D4): all in the
    charts' tick size now."""
    from nndesk.inside_plots import TICK_POINTS
    from nndesk.ui.inside_training_view import inside_figure

    figure = inside_figure(_walk_record(), *size)
    ax = figure.axes[0]
    assert ax.get_yscale() == "log"
    labels = _labels_in_view(figure, ax)
    texts = [t.get_text() for t in labels]
    assert "1" in texts and len(texts) >= 3, texts
    for text in texts:  # plain numbers: "0.6", "2", no "×10" or superscripts
        float(text)
    assert {t.get_fontsize() for t in labels} == {TICK_POINTS}, [
        (t.get_text(), t.get_fontsize()) for t in labels
    ]
    boxes = sorted(
        (t.get_window_extent(figure.canvas.get_renderer()) for t in labels), key=lambda b: b.y0
    )
    gaps = [b.y0 - a.y1 for a, b in zip(boxes, boxes[1:], strict=False)]
    assert min(gaps) >= 2, list(zip(texts, gaps, strict=False))  # none nearly touching


@pytest.mark.parametrize("size", [(460, 390), *WINDOW_SIZES])
def test_every_title_and_axis_label_is_whole_in_the_picture(size):
    """The histogram's x label lost its first letter ("veight (each layer…") at 1024x700:
    centred under a column narrower than itself, it ran past the picture's left edge."""
    from nndesk.ui.inside_training_view import inside_figure

    figure = inside_figure(_walk_record(), *size)
    renderer, width = figure.canvas.get_renderer(), figure.bbox.width
    for ax in figure.axes:
        for text in (ax.title, ax.xaxis.label, ax.yaxis.label):
            if text.get_text():
                box = text.get_window_extent(renderer)
                assert box.x0 >= 0 and box.x1 <= width, (text.get_text(), box.x0, box.x1)


def _growing_record(samples: int) -> InsideRecord:
    """``_record``'s two layers, sampled ``samples`` times."""
    return InsideRecord(
        ["Dense 784→32", "Dense 32→10"],
        [
            InsideSample(0.1 * k, (LayerSample(1.0 / (1 + k), 1e-3, math.nan),) * 2)
            for k in range(samples)
        ],
    )


@pytest.fixture
def draws(monkeypatch):
    """Every render's record size (samples) and matplotlib's figure draws, as they happen."""
    from matplotlib.figure import Figure

    from nndesk.ui import inside_training_view

    seen = {"renders": [], "figure_draws": 0}
    render, draw = inside_training_view.render_inside_charts, Figure.draw

    def counted_render(record, *args, **kwargs):
        seen["renders"].append(len(record.samples))
        return render(record, *args, **kwargs)

    def counted_draw(figure, renderer):
        seen["figure_draws"] += 1
        return draw(figure, renderer)

    monkeypatch.setattr(inside_training_view, "render_inside_charts", counted_render)
    monkeypatch.setattr(Figure, "draw", counted_draw)
    return seen


@pytest.fixture
def held_pool():
    """The render pool's one thread held by a job until ``held_pool.set()`` (renders asked for
    meanwhile wait, as they do behind another chart's)."""
    import threading

    from nndesk.ui.off_gui import render_pool

    assert render_pool().waitForDone(WAIT_MS)  # an earlier test's render is not ours
    release, holding = threading.Event(), threading.Event()

    def hold() -> None:
        holding.set()
        release.wait(WAIT_MS / 1000)

    render_pool().start(hold)
    assert holding.wait(WAIT_MS / 1000)
    yield release
    release.set()


def test_a_render_superseded_before_it_began_is_never_drawn(qtbot, qapp, draws, held_pool):
    """Asked for three times while the pool is busy (the record growing meanwhile), only the
    newest is drawn: at most one render waits, and a newer one takes its place."""
    view = shown_widget(qtbot, InsideTrainingView(), (540, 400))
    record = _growing_record(2)
    view.show_record(record)
    view.render_now()
    record.samples.append(record.samples[-1])
    view.render_now()
    record.samples.append(record.samples[-1])
    view.render_now()
    draws["figure_draws"] = 0
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        held_pool.set()
    assert draws["renders"] == [4]
    assert draws["figure_draws"] == 1


@pytest.mark.parametrize("checks_before", [0, 1, 3])
def test_a_render_under_way_gives_up_when_a_newer_one_is_asked_for(
    draws, monkeypatch, checks_before
):
    """Also in the middle of a layout (``checks_before`` 1 and 3: while the first one measures
    the charts): the render under way as a run ended kept its last picture waiting 1.3 s more
    on a busy machine when it gave up only between layouts."""
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    from nndesk.ui.inside_training_view import Superseded, render_inside

    layouts_done, checks = [], []
    execute = ConstrainedLayoutEngine.execute

    def counted_execute(engine, fig):
        execute(engine, fig)
        layouts_done.append(1)

    def superseded() -> bool:
        checks.append(1)
        return len(checks) > checks_before

    monkeypatch.setattr(ConstrainedLayoutEngine, "execute", counted_execute)
    with pytest.raises(Superseded):
        render_inside(_walk_record(), 544, 390, superseded=superseded)
    assert len(checks) == checks_before + 1  # at the first check after the newer one came
    assert layouts_done == [] and draws["figure_draws"] == 0


@pytest.mark.parametrize("size", WINDOW_SIZES)
def test_a_picture_is_drawn_once(draws, size):
    """Its labels thinned and its titles broken on the laid-out figure, the picture is drawn
    (rasterised) once: it was drawn three times at 1024x700, each draw laying it out again."""
    from nndesk.ui.inside_training_view import inside_figure

    figure = inside_figure(_walk_record(), *size)
    assert draws["figure_draws"] == 1
    assert figure.axes[0].yaxis.get_minor_formatter() is not None


def _chart_centre(view: InsideTrainingView, gid: str) -> QPoint:
    """Where the centre of chart ``gid`` is in the image label (the picture is centred)."""
    box = view._boxes[gid]
    pixmap = view.image.pixmap()
    scale = pixmap.width() / view._picture.width()
    left = (view.image.width() - pixmap.width()) / 2
    top = (view.image.height() - pixmap.height()) / 2
    return QPoint(round(left + box.center().x() * scale), round(top + box.center().y() * scale))


def test_pointing_at_a_chart_shows_what_it_measures_and_what_is_healthy(qtbot, qapp):
    """walk53: six charts, one picture, and nothing telling a student what each measures or
    what a healthy value is. The pointer on a chart shows that chart's note."""
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    from nndesk.inside_plots import CHARTS

    view = _rendered_view(qtbot, (760, 480))
    assert set(view._boxes) == set(CHARTS)
    words = {
        "grad_norm": "Gradient norm",
        "update_ratio": "dotted line",
        "dead": "every image of the batch",
        "weights": "dashed grey at the start",
        "first_layer": "one row per epoch",
    }
    for gid, word in words.items():
        at = _chart_centre(view, gid)
        assert view.chart_at(QPointF(at)) == gid
        event = QHelpEvent(QEvent.Type.ToolTip, at, view.image.mapToGlobal(at))
        QApplication.sendEvent(view.image, event)
        assert word in QToolTip.text(), (gid, QToolTip.text())
        assert "Healthy" in QToolTip.text()
    QToolTip.hideText()
    assert view.chart_at(QPointF(2, 2)) is None  # the figure's corner: no chart


def test_a_line_under_the_charts_says_what_is_healthy_and_a_button_explains_all(
    qtbot, qapp, monkeypatch
):
    from nndesk.ui import inside_training_view

    view = _rendered_view(qtbot, (760, 480))
    assert view.guide.isVisible() and "10⁻³" in view.guide.text()
    assert view.guide.geometry().top() >= view.image.geometry().bottom()  # under, not over
    shown = []

    class Note:  # QWhatsThis's note, caught: its text is what a student reads
        @staticmethod
        def showText(pos, text, widget=None):  # noqa: N802 - Qt's name
            shown.append(text)

    monkeypatch.setattr(inside_training_view, "QWhatsThis", Note)
    view.help_button.click()
    (text,) = shown
    for title in ("Gradient norm", "Update / weight", "Dead ReLU share", "Weights: now vs start"):
        assert f"<b>{title}</b>" in text
    assert "<b>First-layer weights</b>" in text


def test_a_long_render_is_followed_by_a_rest_four_times_its_length(qtbot, monkeypatch):
    """walk54 D1: on a busy machine a render of the six charts took 1-3 s and the next began
    250 ms after it came back, so the pool rendered almost without a break and a CNN run
    trained at half speed while Inside was shown. The rest now grows with the render."""
    import types

    from nndesk.ui import inside_training_view as view_module

    view = _rendered_view(qtbot)
    clock = [100.0]
    monkeypatch.setattr(view_module, "time", types.SimpleNamespace(monotonic=lambda: clock[0]))
    original = view_module.render_inside_charts

    def two_seconds_long(*args, **kwargs):
        clock[0] += 2.0  # the render's length on the view's clock
        return original(*args, **kwargs)

    monkeypatch.setattr(view_module, "render_inside_charts", two_seconds_long)
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        view.render_now()
    qtbot.waitUntil(lambda: not view._busy, timeout=WAIT_MS)
    view.show_record(view.record)  # grew again
    assert view._timer.isActive()
    assert view._timer.interval() >= 4 * 2000  # was 250 ms


def test_the_rest_after_a_quick_render_keeps_the_once_a_second_pace():
    from nndesk.ui.inside_training_view import render_wait

    assert render_wait(10.0, 10.1, 10.1) == pytest.approx(0.9)  # a second after it began
    assert render_wait(10.0, 10.9, 10.9) == pytest.approx(3.6)  # four times its 0.9 s
    assert render_wait(10.0, 10.1, 20.0) == 0.0  # long since: at once


def test_the_first_measurements_are_drawn_without_the_empty_pictures_rest(qtbot, qapp, draws):
    """A run's charts are first rendered empty (its layers known, no batch sampled yet), and
    the next render waited that render's rest (4x its time): at load 7 the charts stayed empty
    for a run's first 16 s (s58, benchmarks/bench_inside_lag.py). The first measurements are
    drawn as soon as the pool is free."""
    view = shown_widget(qtbot, InsideTrainingView(), (540, 400))
    record = _growing_record(0)  # the run's layers, before its first sampled batch
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        view.show_record(record)  # another run's record: drawn at once
    qtbot.waitUntil(lambda: not view._busy, timeout=WAIT_MS)
    assert draws["renders"] == [0]
    record.samples.extend(_growing_record(1).samples)
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        view.show_record(record)
        assert view._timer.isActive() and view._timer.interval() == 0
    assert draws["renders"] == [0, 1]
    # from then on the renders keep their pace
    record.samples.extend(_growing_record(2).samples)
    view.show_record(record)
    assert view._timer.isActive() and view._timer.interval() > 0


def _drawn_at_its_room(view: InsideTrainingView) -> bool:
    """Whether the picture on screen is as large as its room: drawn there, not scaled down."""
    pixmap = _shown_picture(view)
    return pixmap is not None and pixmap.size() == view.image.size()


@pytest.mark.parametrize("mid_render", [False, True])
def test_a_new_room_is_drawn_at_once_whatever_the_renders_pace(qtbot, monkeypatch, mid_render):
    """verify65 #3: opened while a run was paused, the tab kept a picture drawn before the
    layout gave it its room, shrunk into it (405 px in 610, ticks ~6 px), for a minute: a
    render for a new room waited the pace of a growing record's (4x a render's length, 10 s
    renders on a loaded machine), and a resize meanwhile asked nothing more."""
    from nndesk.ui import inside_training_view

    view = _rendered_view(qtbot, (540, 400))
    assert _drawn_at_its_room(view)
    # a loaded machine's pace: the next paced render ten minutes away
    monkeypatch.setattr(inside_training_view, "render_wait", lambda *_args: 600.0)
    if mid_render:  # the room changes while a render of the old one is under way
        view.render_now()
        assert view._busy
    view.resize(760, 520)
    qtbot.waitUntil(lambda: _drawn_at_its_room(view), timeout=WAIT_MS)
    assert view.image.width() == 760


def _dead_record(share: float, grads=(0.5, 0.4)) -> InsideRecord:
    """A CNN-like record whose dense layer has ``share`` of its units dead on every sample."""
    samples = [
        InsideSample(0.1 * k, (LayerSample(g, 2e-3, 0.0), LayerSample(g, 1e-3, share)))
        for k, g in enumerate(grads, 1)
    ]
    return InsideRecord(["Conv2D 1→32", "Dense 1600→128"], samples)


def test_the_line_under_the_charts_reads_the_picture_on_screen_and_the_runs_state(qtbot, qapp):
    """walk66 #10: "Healthy: … few dead units" under a Dead ReLU chart at ~40 %; verify66 #4:
    the same line under a run that had just diverged."""
    view = shown_widget(qtbot, InsideTrainingView(), (760, 480))
    assert view.guide.text().startswith("Healthy looks like:")  # nothing measured to read
    view.show_record(_dead_record(0.6))
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        view.render_now()
    said = view.guide.text()
    assert "60% of the units after Dense 1600→128 are dead: many" in said, said
    assert "few dead" not in said.lower() and "healthy" not in said.lower()
    # the coach sees the run stop learning: from 50 % it says they are too many, and so does
    # the line (the same figures, the coach's limit)
    view.set_run_state(diverged=False, learning=False)
    assert "too many" in view.guide.text()
    view.set_run_state(diverged=True, learning=True)
    assert view.guide.text().startswith("The run diverged")
    # the line follows the picture, not the record growing under it: a new sample changes it
    # once its picture is on screen
    view.set_run_state(diverged=False, learning=True)
    grown = _dead_record(0.05, grads=(0.5, 0.4, 0.5, 0.4, 0.5, 0.4))
    view.show_record(grown)
    assert view.guide.text().startswith("Healthy looks like:")  # another run: no picture yet
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        view.render_now()
    assert view.guide.text().startswith("These charts look healthy")
    view.record.samples.append(
        InsideSample(0.7, (LayerSample(20.0, 2e-3, 0.0), LayerSample(0.4, 1e-3, 0.05)))
    )
    assert view.guide.text().startswith("These charts look healthy")  # not drawn yet
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        view.render_now()
    # 20 against the median 0.45 of the samples before the newest 3
    assert view.guide.text().startswith("Gradient norms grew 44× at the end (Conv2D 1→32)")


def test_the_help_button_goes_under_the_line_where_beside_it_the_line_is_a_narrow_column(
    qtbot, qapp
):
    """vi Larger at 1024x700: the line under the charts wrapped into 9 lines of ~200 px beside
    "Các biểu đồ này cho thấy gì?". Narrow, the button goes under it; wide, it stays beside."""
    view = shown_widget(qtbot, InsideTrainingView(), (420, 480))
    view.show_record(_dead_record(0.6))
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        view.render_now()
    qtbot.waitUntil(lambda: view.guide.width() >= 0.9 * view.width(), timeout=WAIT_MS)
    assert view.help_button.geometry().top() >= view.guide.geometry().bottom()
    view.resize(900, 480)
    qtbot.waitUntil(
        lambda: view.help_button.geometry().left() >= view.guide.geometry().right(),
        timeout=WAIT_MS,
    )


def _nine_epochs() -> InsideRecord:
    """``_walk_record``'s charts after eight epochs: the start and eight epochs' weights."""
    record = _walk_record()
    rng = np.random.default_rng(2)
    start = record.epochs[0] if record.start is None else record.start
    record.start = replace(start, epoch=0, filters=rng.normal(size=(8, 28, 28)).astype("f4"))
    record.epochs = [replace(record.start, epoch=e) for e in range(1, 9)]
    return record


@pytest.mark.parametrize("zoom", [1.0, 1.25], ids=["normal", "larger"])
@pytest.mark.parametrize("code", ["en", "vi"])
def test_the_first_layer_strips_rows_are_as_tall_as_their_labels_and_say_what_is_left_out(
    speaking, zoom, code
):
    """walk69 D5: at 1024x700 (vi) the strip's six rows were squeezed into ~50 px: ~8 px
    squares, "epoch 0 / epoch 4 / …" over one another, epochs 1-3 missing without a word.
    At the picture's least size (the Inside tab's at 1024x700) each row is a picture of at
    least 20 px (x zoom: a 28x28 unit's weights a picture) and its label fits it; the epochs
    left out are named."""
    from nndesk.inside_plots import least_height
    from nndesk.ui.inside_training_view import inside_figure

    speaking(code)
    width = 520  # the Inside picture's width in a 1024x700 window
    figure = inside_figure(_nine_epochs(), width, least_height(width, zoom), 96.0 * zoom)
    renderer = figure.canvas.get_renderer()
    (strip,) = [ax for ax in figure.axes if ax.get_gid() == "first_layer"]
    labels = [t for t in strip.get_yticklabels() if t.get_text()]
    rows = len(labels)
    assert rows >= 3
    plot = strip.get_window_extent(renderer)  # the squares' frame (its aspect applied)
    assert plot.height / rows >= 20 * zoom, (plot.height, rows)
    boxes = sorted((t.get_window_extent(renderer) for t in labels), key=lambda b: b.y0)
    assert all(b.y0 >= a.y1 for a, b in zip(boxes, boxes[1:], strict=False)), boxes
    left_out = 9 - rows  # the start and epochs spread to the newest shown: the others not
    said = strip.get_xlabel().replace("\n", " ")
    other = {
        "en": f"the {left_out} other epochs not shown",
        "vi": f"không hiện {left_out}\u00a0epoch khác",
    }
    assert other[code] in said, said
    assert labels[-1].get_text().endswith(" 8")  # the newest epoch is always a row


def test_a_long_runs_first_layer_strip_spreads_its_rows_over_the_run():
    """walk70 L3: full-batch GD's 500 epochs showed "ep 0, ep 496 … ep 500": five rows of one
    step each that look alike, "epochs 1–495 not shown". The rows spread over the run."""
    from nndesk.inside_plots import strip_rows

    record = _nine_epochs()
    record.epochs = [replace(record.start, epoch=e) for e in range(1, 501)]
    rows, left_out = strip_rows(record, 6)
    assert [w.epoch for w in rows] == [0, 100, 200, 300, 400, 500]
    assert len(left_out) == 495 and {w.epoch for w in left_out} & {100, 500} == set()
    rows, _ = strip_rows(record, 4)
    assert [w.epoch for w in rows] == [0, 166, 333, 500]  # no round step of three fits
    record.epochs = record.epochs[:5]  # room for every epoch: all shown
    assert [w.epoch for w in strip_rows(record, 6)[0]] == [0, 1, 2, 3, 4, 5]


def _note_in_view(view: InsideTrainingView, area) -> tuple[int, int]:
    """The y of the note's first and last line in the tab's view (``area``: its scroll area)."""
    label = view.image
    rect = label.contentsRect()
    flags = int(label.alignment()) | int(Qt.TextFlag.TextWordWrap)
    text = label.fontMetrics().boundingRect(rect, flags, label.text())
    top = label.mapTo(area.viewport(), text.topLeft()).y()
    return top, top + text.height()


def test_with_no_run_the_inside_tab_says_what_will_show_where_the_eye_is(qtbot, window_factory):
    """walk71 F10: after a restart the tab said only "start a training", in the middle of the
    charts' room, which is taller than the tab's view at 1024x700: at the view's bottom edge,
    an empty tab above it. The note is in the view's upper part and says what comes there."""
    desk = window_factory(size=(1024, 700))
    desk.window.tabs.setCurrentWidget(desk.train_page)
    tabs = desk.train_page.tabs
    tabs.setCurrentWidget(tabs.inside_page)
    view, area = desk.train_page.inside_view, tabs.inside_page
    qtbot.waitUntil(view.isVisible, timeout=WAIT_MS)
    QApplication.sendPostedEvents()
    assert view.image.height() > area.viewport().height() // 2  # a tall room for the charts
    assert "charts" in view.image.text() and "gradients" in view.image.text()
    top, bottom = _note_in_view(view, area)
    assert top > 0 and bottom < area.viewport().height() // 2, (top, bottom)


def test_a_first_picture_that_takes_long_is_said_to_take_long(qtbot, qapp, held_pool):
    """walk71 F3: ~100 s of "Drawing the charts…" under load, no word of why: a student thinks
    the tab is broken. Said that long (the timer's signal, not waited for), the note adds that
    the first picture can take a minute on a busy computer; the picture then takes its place."""
    view = shown_widget(qtbot, InsideTrainingView(), (540, 400))
    view.show_record(_growing_record(2))  # its render waits behind the held pool
    assert view.image.text() == "Drawing the charts…"
    assert view.slow_timer.isActive()
    view.slow_timer.timeout.emit()  # the note said SLOW_NOTE_MS already
    slow = "Drawing the charts… (the first picture can take a minute on a busy computer)"
    assert view.image.text() == slow
    view.show_record(view.record)  # the record grows: still the slow words, not the short ones
    assert view.image.text() == slow
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        held_pool.set()
    assert view.image.pixmap() is not None and not view.image.pixmap().isNull()
    assert not view.slow_timer.isActive()
