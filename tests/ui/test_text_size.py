"""View > Text size (walk59 D2: a class reads the window on a projector): each step changes the
window's font and the charts' text together, is remembered, and the window still fits."""

from __future__ import annotations

import pytest
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure

from nndesk import preferences
from nndesk.ui import text_size
from tests.ui.conftest import xvfb_desktop_text


def _tick_height(canvas: FigureCanvasQTAgg) -> float:
    """The height on screen (logical pixels) of the chart's first x tick label."""
    canvas.draw()
    label = canvas.figure.axes[0].get_xticklabels()[0]
    return label.get_window_extent(canvas.get_renderer()).height / canvas.device_pixel_ratio


def test_each_text_size_step_changes_the_window_font_and_a_charts_ticks_and_is_kept(
    qtbot, qapp, window_factory, normal_text_after, screen_room
):
    desk = window_factory()
    window = desk.window
    desktop_points = qapp.font().pointSizeF()
    canvas = FigureCanvasQTAgg(Figure(figsize=(4, 3)))
    qtbot.addWidget(canvas)
    canvas.figure.add_subplot().plot([0, 1, 2], [0, 1, 4])
    canvas.show()
    qtbot.waitExposed(canvas)
    width = canvas.width()
    assert window.text_size_actions["normal"].isChecked()
    heights = {}
    for step in ("smaller", "larger", "normal"):
        window.text_size_actions[step].trigger()
        assert qapp.font().pointSizeF() == pytest.approx(
            text_size.window_points(desktop_points, step)
        )
        assert preferences.text_size() == step
        heights[step] = _tick_height(canvas)
        assert canvas.width() == width  # the chart keeps its place; its text grows in it
    assert heights["smaller"] < heights["normal"] < heights["larger"]
    assert heights["larger"] == pytest.approx(heights["normal"] * 1.25, rel=0.15)
    assert qapp.font().pointSizeF() == pytest.approx(desktop_points)

    window.text_size_actions["larger"].trigger()
    again = window_factory().window  # the next start ticks the remembered step
    assert again.text_size_actions["larger"].isChecked()


def test_ctrl_equals_and_ctrl_minus_are_the_steps_shortcuts(qtbot, window_factory):
    from PySide6.QtGui import QKeySequence

    window = window_factory().window
    keys = {
        step: {k.toString() for k in act.shortcuts()}
        for step, act in window.text_size_actions.items()
    }
    assert keys == {"smaller": {"Ctrl+-"}, "normal": {"Ctrl+0"}, "larger": {"Ctrl+=", "Ctrl++"}}
    assert QKeySequence("Ctrl+=").toString() in keys["larger"]


def test_a_chart_hidden_at_the_step_takes_the_zoom_as_it_is_shown(qtbot, qapp, normal_text_after):
    canvas = FigureCanvasQTAgg(Figure(figsize=(4, 3)))
    qtbot.addWidget(canvas)
    canvas.figure.add_subplot().plot([0, 1], [0, 1])
    text_size.apply_text_size(qapp, "larger")
    dpi = canvas.figure.dpi
    canvas.show()
    qtbot.waitUntil(lambda: canvas.figure.dpi == pytest.approx(dpi * 1.25))


@pytest.mark.parametrize(
    ("desktop_points", "points"),
    [(9.0, 11.0), (10.0, 11.0), (11.0, 11.0), (12.0, 12.0), (8.0, 10.0)],
)
def test_larger_text_stops_at_the_largest_font_every_page_fits(desktop_points, points):
    assert text_size.window_points(desktop_points, "larger") == pytest.approx(points)


def test_every_page_fits_1024x700_at_the_largest_step_in_vietnamese(
    qtbot, qapp, window_factory, stroke_classifier, restore_theme, larger_text, speaking
):
    """The largest step from the offscreen 9 pt font: the window at 11 pt and charts zoomed
    by 1.25 (the 11 pt desktops of tests/ui/test_desktop_fonts.py run their charts at 1)."""
    from nndesk.ui import theme
    from tests.ui.test_desktop_fonts import check_every_page_fits

    assert qapp.font().pointSizeF() == pytest.approx(text_size.LARGEST_FITTING_POINTS)
    theme.apply_theme(qapp, "dark")
    speaking("vi")
    check_every_page_fits(qtbot, window_factory, stroke_classifier)


def test_the_confusion_matrix_drawn_off_the_gui_thread_takes_the_larger_text(
    qtbot, qapp, normal_text_after
):
    import matplotlib
    import numpy as np

    from nndesk.ui.confusion_view import ConfusionView

    view = ConfusionView()
    qtbot.addWidget(view)
    view.resize(500, 460)
    view.show()
    view.set_matrix(np.eye(3, dtype=np.int64) * 50 + 2, ("a", "b", "c"))
    own = matplotlib.rcParams["figure.dpi"] * view.canvas.devicePixelRatioF()

    def drawn_dpi() -> float | None:
        picture = view.canvas.picture
        return picture.figure.figure.dpi if view.current() and picture is not None else None

    qtbot.waitUntil(lambda: drawn_dpi() == pytest.approx(own), timeout=60000)
    size = view.canvas.picture.image.size()
    text_size.apply_text_size(qapp, "larger")
    qtbot.waitUntil(lambda: drawn_dpi() == pytest.approx(own * 1.25), timeout=60000)
    # the same width, bigger text in it (the caption under it, larger too, takes some height)
    assert view.canvas.picture.image.width() == size.width()


def test_the_race_chart_drawn_off_the_gui_thread_takes_the_zoom_in_the_same_picture(qapp):
    from nndesk.ui import race_render
    from tests.test_race_chart import _curves

    runs = [("ReLU", _curves(40, 2, 2.3)), ("sigmoid", _curves(40, 2, 2.0))]
    own = race_render.render_kept_chart(runs, 600, 400, 20, True, 2)
    own_dpi = race_render._chart.figure.dpi
    zoomed = race_render.render_kept_chart(runs, 600, 400, 20, True, 2, 1.25)
    assert zoomed.image.size() == own.image.size()
    assert race_render._chart.figure.dpi == pytest.approx(own_dpi * 1.25)
    race_render.render_kept_chart(runs, 600, 400, 20, True, 2)  # the chart back at 1


def _tick_points(figure) -> float:
    """The height (device pixels) of the first x tick label of ``figure``'s first plot."""
    label = figure.axes[0].get_xticklabels()[0]
    return label.get_window_extent(figure.canvas.get_renderer()).height


def test_the_runs_chart_takes_the_zoom_in_the_same_picture():
    from nndesk.ui.runs_chart import overlay_figure
    from tests.test_runs import two_epoch_curves

    runs = [("ReLU", two_epoch_curves()), ("sigmoid", two_epoch_curves())]
    own = overlay_figure(runs, "", 700, 420)
    zoomed = overlay_figure(runs, "", 700, 420, 1.0, "", 1.25)
    assert zoomed.canvas.get_width_height() == own.canvas.get_width_height()
    assert _tick_points(zoomed) == pytest.approx(_tick_points(own) * 1.25, rel=0.15)


def test_the_runs_view_draws_its_chart_again_at_a_new_step(
    qtbot, qapp, tmp_path, monkeypatch, normal_text_after
):
    """The Runs chart (drawn off the GUI thread) kept its text at Larger (theme59's left)."""
    from nndesk.runs import RunStore
    from nndesk.ui import runs_view
    from tests.ui.test_runs_view import add_run, make_view

    zooms = []
    render = runs_view.render_selected

    def noted_render(*args):
        zooms.append(args[6] if len(args) > 6 else 1.0)
        return render(*args)

    monkeypatch.setattr(runs_view, "render_selected", noted_render)
    store = RunStore(tmp_path / "runs")
    run = add_run(store, "ReLU")
    view = make_view(qtbot, store)
    qtbot.waitUntil(lambda: view.row_count() == 1, timeout=60000)
    with qtbot.waitSignal(view.rendered, timeout=60000):
        view.select_runs([run])
    assert zooms[-1] == 1.0
    with qtbot.waitSignal(view.rendered, timeout=60000):
        text_size.apply_text_size(qapp, "larger")
    assert zooms[-1] == 1.25


def test_train_insides_charts_are_drawn_again_at_the_zoom_in_the_same_picture(
    qtbot, qapp, monkeypatch, normal_text_after
):
    from nndesk.ui import inside_training_view as view_module
    from tests.ui.test_inside_training_view import WAIT_MS, _rendered_view

    dpis = []
    render = view_module.render_inside_charts

    def noted_render(record, w, h, dpi, superseded):
        dpis.append(dpi)
        return render(record, w, h, dpi, superseded)

    monkeypatch.setattr(view_module, "render_inside_charts", noted_render)
    view = _rendered_view(qtbot, (900, 800))  # room for the charts at a quarter more
    assert dpis[-1] == pytest.approx(96.0)
    size = view.image.pixmap().size()
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        text_size.apply_text_size(qapp, "larger")
    assert dpis[-1] == pytest.approx(96.0 * 1.25)
    # the same width, bigger text in it (the line under it, larger too, takes some height)
    assert view.image.pixmap().width() == size.width()
    assert view._picture_look == (view_module.theme.colours(), 1.25)


@pytest.mark.parametrize(("width", "columns"), [(548, 2), (455, 2), (300, 1), (700, 3)])
def test_train_insides_charts_take_the_zoom_and_fewer_go_side_by_side(
    qapp, width, columns, normal_text_after
):
    """Zoomed 1.25 in the room 1024x700 leaves them, the six plots were some 10 px tall; then
    they kept their Normal size at Larger (the zoom held to the room): now they take the zoom,
    and a row holds as many as the width keeps readable (the picture grows, the tab scrolls)."""
    from nndesk.inside_plots import chart_columns, chart_rows, least_height

    text_size.apply_text_size(qapp, "larger")
    zoom = text_size.chart_zoom()
    assert chart_columns(width, zoom) == columns
    assert least_height(width, zoom) > least_height(width * 10, 1.0)  # taller than at Normal
    text_size.apply_text_size(qapp, "normal")
    assert chart_columns(548, 1.0) == 3 and chart_rows(3) == 2  # 1024x700: as before


def test_the_inside_diagram_is_painted_again_in_the_windows_new_font(
    qtbot, qapp, normal_text_after
):
    """The diagram's words are in the widget's font: a step left them as painted before."""
    from nndesk.ui.inside_diagram import NetworkDiagram
    from tests.ui.conftest import shown_widget
    from tests.ui.test_inside_diagram_titles import _calibrated_snapshot

    xvfb_desktop_text(qapp, larger=False)
    diagram = shown_widget(qtbot, NetworkDiagram(), (620, 330))
    diagram.set_snapshot(_calibrated_snapshot(), None)
    qtbot.waitUntil(diagram.is_current, timeout=60000)
    before = max(t.points for t in diagram.titles())
    text_size.apply_text_size(qapp, "larger")
    qtbot.waitUntil(lambda: diagram.font().pointSizeF() == pytest.approx(11.0))
    qtbot.waitUntil(diagram.is_current, timeout=60000)
    assert max(t.points for t in diagram.titles()) > before


def _points(widget) -> float:
    """The size the widget's text is drawn at (points), whatever the font was set by; a
    shrinking label's full size (on a hidden page it fits its width once shown)."""
    from PySide6.QtGui import QFontInfo

    from nndesk.ui.fitted_labels import FitLabel

    font = widget.base_font() if isinstance(widget, FitLabel) else widget.font()
    return QFontInfo(font).pointSizeF()


def test_every_widget_of_the_window_takes_a_new_step_at_once(
    qtbot, qapp, window_factory, normal_text_after, screen_room
):
    """Muted captions, banners and error lines (a style sheet of their own each), the big
    answer, its percentage, Evaluate's cards and the pages' titles kept the size they were
    built with until the next start (the status line said so)."""
    import shiboken6
    from PySide6.QtWidgets import QApplication

    xvfb_desktop_text(qapp, larger=False)
    window = window_factory().window
    qtbot.waitExposed(window)
    before = {id(w): (w, _points(w)) for w in QApplication.allWidgets()}
    window.text_size_actions["larger"].trigger()
    answer = window.draw_panel.prediction_panel.top_label
    assert answer.base_font().pointSizeF() == pytest.approx(11.0 * 2.6)
    # the answer "–" fitted to its old width at once, its full size once laid out again
    qtbot.waitUntil(lambda: answer.font().pointSizeF() == pytest.approx(11.0 * 2.6))
    grow = text_size.LARGEST_FITTING_POINTS / 9.0
    kept = [
        f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r} {points:.1f}->{_points(w):.1f}"
        for w, points in before.values()
        if shiboken6.isValid(w)  # one deleted meanwhile (a tooltip's label) has no font
        and _points(w) < points * grow * 0.97
        and not w.objectName().startswith("qt_")  # Qt's own parts (a table's corner)
    ]
    assert kept == [], "\n".join(kept)
    assert "next start" not in window.statusBar().currentMessage()


@pytest.mark.parametrize("step", ["normal", "larger"])
def test_the_layers_label_is_in_line_with_its_field_at_each_step(
    qtbot, qapp, step, normal_text_after
):
    """Train > Settings at 11 pt: "Layers" sat 3 px under the text of its field (the row is
    two lines high with the parameter count, and the form centres its label lower in it)."""
    from nndesk.ui.train_form import TrainForm
    from tests.ui.conftest import shown_widget

    xvfb_desktop_text(qapp, larger=False)
    form = shown_widget(qtbot, TrainForm(), (600, 900))
    text_size.apply_text_size(qapp, step)
    form_layout, holder = form._holders["arch"]

    def middles() -> tuple[float, float]:
        label = form_layout.labelForField(holder)
        return (
            label.mapTo(form, label.contentsRect().center()).y(),
            form.arch.mapTo(form, form.arch.rect().center()).y(),
        )

    qtbot.waitUntil(lambda: abs(middles()[0] - middles()[1]) <= 1)
    assert form.arch.font().pointSizeF() == pytest.approx(text_size.window_points(9.0, step))


def test_the_application_event_filter_is_back_after_a_step(qtbot, qapp, normal_text_after):
    """The filter is taken off while the font reaches every widget (~2,600 events none of its
    handlers watch); the wheel guard and What's This must see events again after."""
    from PySide6.QtCore import QEvent, QObject

    from nndesk.ui import app_events

    events = app_events.app_events(qapp)
    seen = []
    events.handle(QEvent.Type.User, lambda obj, event: seen.append(obj) or True)
    try:
        text_size.apply_text_size(qapp, "larger")
        target = QObject()
        qapp.sendEvent(target, QEvent(QEvent.Type.User))
        assert seen == [target]
    finally:
        events._handlers.pop(QEvent.Type.User)
        events._kinds = tuple(events._handlers)


def test_evaluates_matrix_hint_is_never_drawn_over_the_matrix_in_a_low_view(
    qtbot, larger_text, in_vietnamese
):
    """vi at 11 pt in a 1024x700 window: the narrow page's matrix was fitted to the view with
    no room for its hint's second line, and the hint was drawn over "Lớp dự đoán"."""
    from nndesk.controllers.evaluation import EvaluationController
    from tests.test_evaluation import toy_result
    from tests.ui.test_evaluation_panel import panel_on_screen, toy_provider

    controller = EvaluationController(toy_provider, batch_size=8)
    try:
        panel = panel_on_screen(qtbot, controller, 553, 480)
        panel.show_result(toy_result())
        view = panel.confusion

        def apart() -> bool:
            return (
                view.hint.geometry().top() >= view.canvas.geometry().bottom()
                and view.hint.height() >= view.hint.heightForWidth(view.hint.width())
            )

        qtbot.waitUntil(apart)
    finally:
        controller.shutdown()


def test_widths_measured_from_the_font_follow_a_step(qtbot, qapp, normal_text_after):
    """The Race lane's ✕ and its layers' box, Inside's temperature and Train > Inside's line
    under the picture were measured once, in the font they were built with."""
    from PySide6.QtWidgets import QWidget

    from nndesk.ui.inside_training_view import InsideTrainingView
    from nndesk.ui.inside_view import InsideView
    from nndesk.ui.race_lanes import LaneGrid, LaneRow
    from tests.ui.conftest import shown_widget

    xvfb_desktop_text(qapp, larger=False)
    holder = QWidget()
    grid = LaneGrid(lambda: LaneRow(lambda row: None, lambda *a: None))
    holder.setLayout(grid)
    shown_widget(qtbot, holder)
    grid.set_count(2)
    grid.rows[0].arch.setText("784-64-64-10")
    inside = shown_widget(qtbot, InsideView())
    training = shown_widget(qtbot, InsideTrainingView())
    text_size.apply_text_size(qapp, "larger")
    row = grid.rows[0]
    margins = row.arch.textMargins().left() + row.arch.textMargins().right()
    wide = row.arch.fontMetrics().horizontalAdvance("784-64-64-10") + margins + 10
    assert row.arch.sizeHint().width() == max(56, wide)  # the width it asks for, whole
    assert row.remove.width() == row.remove.fontMetrics().horizontalAdvance("✕") + 8
    label = inside.temperature_label
    assert label.minimumWidth() == label.fontMetrics().horizontalAdvance("T = 0.000") + 12
    assert training.as_of.minimumHeight() == training.as_of.fontMetrics().height()


def test_train_insides_picture_keeps_its_charts_height_at_larger_text(
    qtbot, qapp, normal_text_after
):
    """walk61 D17: at 1024x768 Larger the six charts were drawn in ~460x180 px (text ~6 px,
    plots 20-30 px): the picture keeps the height its rows of charts read in at the zoom, and
    the Inside tab scrolls; back at Normal its least is the Normal one."""
    from nndesk.inside_plots import least_height
    from nndesk.ui.inside_training_view import InsideTrainingView

    view = InsideTrainingView()
    qtbot.addWidget(view)
    view.resize(507, 300)
    normal = view.image.minimumHeight()
    assert normal == least_height(507, 1.0)
    text_size.apply_text_size(qapp, "larger")
    assert view.image.minimumHeight() == least_height(507, 1.25) > normal * 1.25
    text_size.apply_text_size(qapp, "normal")
    assert view.image.minimumHeight() == normal


def test_the_runs_charts_least_height_grows_with_the_zoom(qtbot, qapp, tmp_path, normal_text_after):
    """walk61 D17: at 1024x768 Larger the Runs tab's three charts had plots ~30 px tall in the
    chart's 150 px least, most of it their zoomed titles and key: the least grows with the
    zoom (the page scrolls), and is back at Normal."""
    from nndesk.controllers.run_list import RunListReader
    from nndesk.runs import RunStore
    from nndesk.ui.runs_view import CHART_MIN_HEIGHT, RunsView

    view = RunsView(RunListReader(RunStore(tmp_path / "runs")))
    qtbot.addWidget(view)
    assert view.chart.minimumHeight() == CHART_MIN_HEIGHT
    text_size.apply_text_size(qapp, "larger")
    assert view.chart.minimumHeight() >= CHART_MIN_HEIGHT * 1.25 - 1
    text_size.apply_text_size(qapp, "normal")
    assert view.chart.minimumHeight() == CHART_MIN_HEIGHT
