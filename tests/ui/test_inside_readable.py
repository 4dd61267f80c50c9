"""Train > Inside at 1024x700: the charts are drawn at the room they get, never a picture shrunk
into it, their text never under the charts' least type (walk64 D19: ~5 px text)."""

from __future__ import annotations

import pytest

from nndesk.inside_plots import LEAST_LABEL_POINTS
from nndesk.ui import text_size
from nndesk.ui.inside_training_view import InsideTrainingView
from nndesk.ui.train_tabs import scrolled
from tests.ui.test_inside_training_view import WAIT_MS, _walk_record

#: the least text on screen, in pixels: the charts' least type at 96 dots per inch
LEAST_TEXT_PX = LEAST_LABEL_POINTS * 96 / 72
#: a plot (the frame the curves are drawn in) lower than this reads as a line
LEAST_PLOT_PX = 50


@pytest.fixture(params=["en", "vi"])
def language_of_the_window(request, qapp):
    from nndesk.ui import language

    assert language.use_language(request.param) == request.param
    yield request.param
    language.use_language("en")


def _texts_px(figure) -> list[tuple[str, float]]:
    """Every text drawn in ``figure`` (titles, labels, tick labels, keys, notes) and its type's
    height in pixels."""
    from matplotlib.text import Text

    scale = figure.dpi / 72
    return [
        (t.get_text(), t.get_fontsize() * scale)
        for t in figure.findobj(Text)
        if t.get_visible() and t.get_text().strip() and t.get_figure() is figure
    ]


# the Inside tab's room in a 1024x700 window under a finished run's headline on two lines and
# the coach's hint on three (walk64: ~530x170; 548x285 with one line each)
@pytest.mark.parametrize("room", [(530, 170)])
@pytest.mark.parametrize("step", ["normal", "larger"])
@pytest.mark.usefixtures("normal_text_after", "language_of_the_window")
def test_the_charts_are_drawn_at_their_room_with_readable_text(
    qtbot, qapp, monkeypatch, room, step
):
    from nndesk.ui import inside_training_view as view_module

    text_size.apply_text_size(qapp, step)
    asked = []
    render = view_module.render_inside_charts

    def noted_render(record, w, h, dpi, superseded):
        asked.append((w, h, dpi))
        return render(record, w, h, dpi, superseded)

    monkeypatch.setattr(view_module, "render_inside_charts", noted_render)
    view = InsideTrainingView()
    page = scrolled(view, 0)  # as the Train page's tabs hold it
    qtbot.addWidget(page)
    page.resize(*room)
    page.show()
    qtbot.waitExposed(page)
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        view.show_record(_walk_record(), at_once=True)
    qtbot.waitUntil(lambda: not view._dirty and not view._busy, timeout=WAIT_MS)
    shown = view.image.pixmap()
    # the picture on screen is the render itself, not scaled into a smaller room
    assert shown.size() == view._picture.size() == view.image.size()
    w, h, dpi = asked[-1]
    assert (w, h) == shown.size().toTuple()
    assert dpi == pytest.approx(96 * text_size.chart_zoom())  # Larger: larger text
    figure = view_module.inside_figure(_walk_record(), w, h, dpi)
    small = [(text, round(px, 1)) for text, px in _texts_px(figure) if px < LEAST_TEXT_PX - 0.01]
    assert small == []
    renderer = figure.canvas.get_renderer()
    low = [
        ax.get_gid()
        for ax in figure.axes
        if ax.get_gid() and ax.axison and ax.get_window_extent(renderer).height < LEAST_PLOT_PX
    ]
    assert low == []
    # what does not fit the room is a scroll away, never cut at the sides
    assert view.image.width() <= page.viewport().width()


@pytest.mark.parametrize("zoom", [1.0, 1.25])
def test_the_tick_labels_grow_with_the_text_as_the_live_charts_do(qapp, zoom):
    """walk65 D29: at Larger text on a 1280 px projector the six charts' tick labels were 7 pt,
    ~8 px tall, under the Live chart's 8 pt: both now at 8 pt times the text size's zoom."""
    from matplotlib.figure import Figure

    from nndesk.curves.style import style_axes
    from nndesk.ui import inside_training_view as view_module

    figure = view_module.inside_figure(_walk_record(), 640, 560, 96 * zoom)
    ticks = [
        label
        for ax in figure.axes
        if ax.get_gid() and ax.axison
        for label in (*ax.get_xticklabels(), *ax.get_yticklabels())
        if label.get_visible() and label.get_text().strip()
    ]
    assert len(ticks) > 10
    live = Figure(dpi=96 * zoom).subplots(3, 1)  # the Live chart's three plots
    style_axes(*live)
    live_px = live[0].xaxis.get_major_ticks()[0].label1.get_fontsize() * 96 * zoom / 72
    assert min(t.get_fontsize() * figure.dpi / 72 for t in ticks) >= live_px - 0.01
