"""A chart's idle draw in turns of the event loop: the layout, then the drawing in pieces; the
picture is the one a draw at once makes, and the window paints the last whole picture
meanwhile."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from PySide6.QtCore import QTimer

from nndesk.ui import stepped_canvas
from nndesk.ui.plot_widget import PlotWidget
from nndesk.ui.stepped_canvas import SteppedCanvas
from tests.ui.conftest import shown_widget


def fill(figure: Figure, title: str = "per batch") -> None:
    """Two Axes whose labels constrained layout must make room for."""
    top, bottom = figure.subplots(2, 1)
    top.plot([0, 1, 2], [3, 1, 2])
    top.set_title(title)
    top.set_ylabel("loss")
    bottom.bar(["shirt", "coat", "bag"], [5, 3, 4])
    bottom.set_xlabel("class")


def shown_plot(qtbot) -> PlotWidget:
    widget = shown_widget(qtbot, PlotWidget(figsize=(5, 4)), (500, 400))
    return widget


def at_once(figure: Figure) -> np.ndarray:
    """The pixels of ``figure`` drawn whole on an Agg canvas of its size."""
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy()


def test_the_window_answers_between_a_charts_layout_and_its_drawing(qtbot, monkeypatch):
    """A first draw laid out and drew a chart in one block (the Live plot at the first Train
    click: ~150 ms); what is posted during the layout now runs before the drawing."""
    widget = shown_plot(qtbot)
    fill(widget.figure)
    order: list[str] = []
    layout = ConstrainedLayoutEngine.execute

    def laid_out(engine, fig):
        result = layout(engine, fig)
        if fig is widget.figure:
            order.append("layout")
            QTimer.singleShot(0, lambda: order.append("posted"))
        return result

    monkeypatch.setattr(ConstrainedLayoutEngine, "execute", laid_out)
    widget.canvas.mpl_connect("draw_event", lambda _event: order.append("drawn"))
    widget.draw_now()
    qtbot.waitUntil(lambda: "drawn" in order and "posted" in order)
    assert order[:3] == ["layout", "posted", "drawn"]


def test_a_chart_drawn_in_two_turns_looks_as_one_drawn_at_once(qtbot):
    widget = shown_plot(qtbot)
    fill(widget.figure)
    drawn = []
    widget.canvas.mpl_connect("draw_event", lambda _event: drawn.append(1))
    widget.draw_now()
    qtbot.waitUntil(lambda: bool(drawn))
    stepped = np.asarray(widget.canvas.buffer_rgba()).copy()

    twin = Figure(figsize=widget.figure.get_size_inches(), dpi=widget.figure.dpi)
    twin.set_layout_engine("constrained")
    fill(twin)
    assert np.array_equal(stepped, at_once(twin))


def test_axes_made_between_the_layout_and_the_drawing_are_laid_out(qtbot, monkeypatch):
    """The map's figure is cleared and filled again when a new map (or theme) comes: Axes
    made after the first step are laid out with the drawing, not drawn where they were made."""
    widget = shown_plot(qtbot)
    fill(widget.figure)
    layout = ConstrainedLayoutEngine.execute
    replaced = []

    def replace() -> None:
        widget.figure.clear()
        fill(widget.figure, title="a longer title, made after the layout")
        widget.canvas.draw_idle()

    def replace_after_layout(engine, fig):
        result = layout(engine, fig)
        if fig is widget.figure and not replaced:
            replaced.append(1)
            QTimer.singleShot(0, replace)  # before the drawing's turn
        return result

    monkeypatch.setattr(ConstrainedLayoutEngine, "execute", replace_after_layout)
    drawn = []
    widget.canvas.mpl_connect("draw_event", lambda _event: drawn.append(1))
    widget.draw_now()
    qtbot.waitUntil(lambda: bool(drawn))
    monkeypatch.setattr(ConstrainedLayoutEngine, "execute", layout)
    stepped = np.asarray(widget.canvas.buffer_rgba()).copy()

    twin = Figure(figsize=widget.figure.get_size_inches(), dpi=widget.figure.dpi)
    twin.set_layout_engine("constrained")
    fill(twin, title="a longer title, made after the layout")
    assert np.array_equal(stepped, at_once(twin))


def test_a_resized_chart_shows_its_last_picture_until_the_new_one_is_drawn(qtbot, monkeypatch):
    """matplotlib draws a resized canvas before its paint, laid out and drawn in one block
    (the map as its progress bar went: ~100 ms); the window now answers between the layout
    and the drawing, and the old picture, not a blank, is on screen meanwhile."""
    widget = shown_plot(qtbot)
    fill(widget.figure)
    drawn = []
    widget.canvas.mpl_connect("draw_event", lambda _event: drawn.append(1))
    # a listener that measures text at the new size, as the Live plot's key does, makes the
    # canvas's renderer at that size (blank) before the canvas is asked to draw
    widget.canvas.mpl_connect("resize_event", lambda _event: widget.canvas.get_renderer())
    widget.draw_now()
    qtbot.waitUntil(lambda: bool(drawn))
    face = np.asarray(widget.canvas.buffer_rgba())[0, 0, :3].copy()
    order: list[str] = []
    between: list[np.ndarray] = []
    layout = ConstrainedLayoutEngine.execute

    def laid_out(engine, fig):
        result = layout(engine, fig)
        if fig is widget.figure:
            order.append("layout")
            picture = widget.canvas.grab().toImage()  # what a paint now puts on screen
            between.append(qt_image_pixels(picture))
            QTimer.singleShot(0, lambda: order.append("posted"))
        return result

    monkeypatch.setattr(ConstrainedLayoutEngine, "execute", laid_out)
    drawn.clear()
    widget.canvas.mpl_connect("draw_event", lambda _event: order.append("drawn"))
    widget.resize(560, 440)
    qtbot.waitUntil(lambda: "drawn" in order and "posted" in order)
    assert order[:3] == ["layout", "posted", "drawn"]
    # the last picture: its lines and labels, not a canvas of the figure's colour only
    assert (between[0][..., :3] != face).any(axis=-1).sum() > 1000

    twin = Figure(figsize=widget.figure.get_size_inches(), dpi=widget.figure.dpi)
    twin.set_layout_engine("constrained")
    fill(twin)
    monkeypatch.setattr(ConstrainedLayoutEngine, "execute", layout)
    assert np.array_equal(np.asarray(widget.canvas.buffer_rgba()), at_once(twin))


def qt_image_pixels(image) -> np.ndarray:
    """A QImage's pixels as an (h, w, 4) uint8 RGBA array."""
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    return (
        np.frombuffer(image.constBits(), np.uint8)
        .reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width()]
        .copy()
    )


@pytest.fixture
def canvas(qtbot, monkeypatch):
    monkeypatch.setattr(stepped_canvas, "PIECE_MS", 0.0)  # one artist a turn
    figure = Figure(figsize=(6, 4), layout="constrained")
    grid = figure.add_gridspec(2, 2)
    axes = [figure.add_subplot(grid[0, :]), figure.add_subplot(grid[1, 0])]
    axes.append(figure.add_subplot(grid[1, 1]))
    for i, ax in enumerate(axes):
        ax.plot(np.arange(10), np.arange(10) * (i + 1), label=f"line {i}")
        ax.set_title(f"chart {i}")
        ax.legend()
    widget = shown_widget(qtbot, SteppedCanvas(figure), (600, 400))
    widget.draw()
    return widget


def pixels(canvas: SteppedCanvas) -> np.ndarray:
    return np.asarray(canvas.get_renderer().buffer_rgba()).copy()


def on_screen(canvas: SteppedCanvas) -> np.ndarray:
    """What the widget paints now (its paintEvent), as RGBA."""
    image = canvas.grab().toImage()
    image = image.convertToFormat(image.Format.Format_RGBA8888)
    width, height = image.width(), image.height()
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine())
    return rows[:, : width * 4].reshape(height, width, 4).copy()  # the image's memory goes


def after_each_turn(canvas: SteppedCanvas, monkeypatch, look) -> None:
    """Call ``look(pieces)`` after each drawing turn that leaves pieces to draw."""
    draw_pieces = canvas._draw_pieces

    def watched():
        draw_pieces()
        if canvas._pieces is not None:
            look(canvas._pieces)

    monkeypatch.setattr(canvas, "_draw_pieces", watched)


def test_an_idle_draw_is_drawn_an_axes_a_turn_and_gives_the_direct_draws_picture(
    qtbot, canvas, monkeypatch
):
    before = on_screen(canvas)
    draws, meanwhile = [], []
    canvas.mpl_connect("draw_event", lambda _event: draws.append(pixels(canvas)))
    after_each_turn(
        canvas,
        monkeypatch,
        lambda pieces: meanwhile.append((pieces.next, len(draws), on_screen(canvas))),
    )
    for ax in canvas.figure.axes:
        ax.set_ylim(-50, 50)  # new ticks everywhere
    canvas.draw_idle()
    qtbot.waitUntil(lambda: bool(draws) and not canvas.steps_pending())
    # a turn for each of the three Axes (and the legend-free figure has nothing else)
    assert [(drawn, told) for drawn, told, _ in meanwhile] == [(1, 0), (2, 0), (3, 0)]
    assert all(np.array_equal(shown, before) for *_, shown in meanwhile)  # the last picture
    (stepped,) = draws  # its listeners told once, with the whole picture
    canvas.draw()
    assert not np.array_equal(stepped, before)
    assert np.array_equal(stepped, pixels(canvas))
    assert np.array_equal(on_screen(canvas), pixels(canvas))


def test_a_change_asked_for_while_pieces_are_drawn_is_drawn_after_them(qtbot, canvas, monkeypatch):
    top = canvas.figure.axes[0]
    top.set_title("first")

    def change_once_drawn(pieces):
        if pieces.next == 1 and top.get_title() == "first":
            top.set_title("second, asked once the first was drawn")
            canvas.draw_idle()

    after_each_turn(canvas, monkeypatch, change_once_drawn)
    canvas.draw_idle()
    qtbot.waitUntil(lambda: top.get_title() != "first" and not canvas.steps_pending())
    stepped = pixels(canvas)
    canvas.draw()
    assert np.array_equal(stepped, pixels(canvas))


def test_a_figure_without_a_layout_engine_is_drawn_in_pieces_too(qtbot, canvas, monkeypatch):
    canvas.figure.set_layout_engine("none")  # the Live plot's frozen layout
    canvas.figure.axes[1].set_xlim(0, 100)
    turns = []
    after_each_turn(canvas, monkeypatch, lambda pieces: turns.append(pieces.next))
    canvas.draw_idle()
    qtbot.waitUntil(lambda: bool(turns) and not canvas.steps_pending())
    assert turns == [1, 2, 3]
    stepped = pixels(canvas)
    canvas.draw()
    assert np.array_equal(stepped, pixels(canvas))


@pytest.mark.parametrize("renderer", [False, True])
def test_a_chart_not_drawn_yet_paints_its_figures_colour_not_what_was_there(qapp, renderer):
    """walk65 D26: just after a switch to the Map page the Inside page's Arithmetic panel stayed
    painted over the Map's lower half for ~3 s: the canvas paints opaquely and, before its first
    stepped draw is whole, painted nothing (no renderer) or transparent pixels (a blank one)."""
    from PySide6.QtGui import QColor, QPixmap

    figure = Figure(figsize=(3, 2), dpi=100, facecolor="#204060")
    canvas = SteppedCanvas(figure)
    canvas.resize(300, 200)
    if renderer:
        canvas.get_renderer()  # as the layout turn makes it: blank
    pixmap = QPixmap(canvas.size())
    pixmap.fill(QColor("red"))  # what the window showed there before
    canvas.render(pixmap)
    image = pixmap.toImage()
    colours = {QColor(image.pixel(x, y)).name() for x in (5, 150, 295) for y in (5, 100, 195)}
    assert colours == {"#204060"}, colours
    canvas.deleteLater()


def test_the_draw_order_is_the_one_figure_draw_uses():
    """Public API only, and the same list matplotlib's own (private) one gives, aspects applied:
    Axes, an inset with a fixed aspect, a figure key and text, an animated artist left out."""
    figure = Figure(figsize=(6, 4), layout="constrained")
    FigureCanvasAgg(figure)
    left, right = figure.subplots(1, 2)
    left.plot([0, 1], [0, 2], label="line")
    right.imshow(np.zeros((4, 8)))  # aspect "equal": applied before drawing
    inset = left.inset_axes([0.6, 0.6, 0.3, 0.3])
    inset.set_aspect("equal")
    figure.legend(loc="outside lower center")
    figure.text(0.5, 0.5, "a note", zorder=10)
    left.plot([0, 1], [1, 0], animated=True)
    renderer = figure.canvas.get_renderer()
    ours = stepped_canvas.draw_order(figure, renderer)
    positions = [ax.get_position(original=False).bounds for ax in (left, right, inset)]
    if hasattr(figure, "_get_draw_artists"):  # matplotlib's own, where it still exists
        assert ours == figure._get_draw_artists(renderer)
    assert figure.patch not in ours and ours[-1].get_text() == "a note"
    assert positions == [ax.get_position(original=False).bounds for ax in (left, right, inset)]


def test_a_piece_that_would_overrun_its_turn_waits_for_the_next(qtbot, monkeypatch):
    """The Map's points (~12 ms) and its key (~21 ms) were drawn in one ~35 ms turn (~55 ms
    under load): a piece whose last draw does not fit in what is left of the turn's
    ``PIECE_MS`` starts the next one; a piece never drawn before starts one of its own."""
    # a turn's budget far above any real draw, so the turns follow the recorded times alone:
    # at 25 ms a loaded machine's real draw of both pieces used the turn up, and the draw's
    # listeners then took a turn of their own ([2, 0])
    monkeypatch.setattr(stepped_canvas, "PIECE_MS", 10_000.0)
    figure = Figure(figsize=(6, 4), layout="constrained")
    ax = figure.add_subplot()
    ax.plot(np.arange(10), label="line")
    figure.legend(loc="outside lower center")
    widget = shown_widget(qtbot, SteppedCanvas(figure), (600, 400))
    turns: list[int] = []
    draw_pieces = widget._draw_pieces

    def watched():
        before = widget._pieces.next if widget._pieces is not None else 0
        draw_pieces()
        after = (
            widget._pieces.next if widget._pieces is not None else len(figure.get_children()) - 1
        )
        turns.append(after - before)

    monkeypatch.setattr(widget, "_draw_pieces", watched)

    def drawn_in_turns() -> list[int]:
        turns.clear()
        draws = []
        cid = widget.mpl_connect("draw_event", lambda _event: draws.append(1))
        widget.draw_idle()
        qtbot.waitUntil(lambda: bool(draws) and not widget.steps_pending())
        widget.mpl_disconnect(cid)
        return turns[:]

    assert drawn_in_turns() == [1, 1]  # first drawn: each piece a turn of its own
    axes_key, legend_key = sorted(widget._piece_ms)
    widget._piece_ms[axes_key] = 0.0
    widget._piece_ms[legend_key] = 0.0  # both cheap: one turn
    assert drawn_in_turns() == [2]
    widget._piece_ms[axes_key] = 0.0
    widget._piece_ms[legend_key] = stepped_canvas.PIECE_MS  # the key fills a turn: its own
    assert drawn_in_turns() == [1, 1]
