"""DrawingCanvas: mouse strokes, undo/redo, clear, eraser, drops; qt_image conversions."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage

from nndesk.controllers.pasted_image import qimage_pixels
from nndesk.ui import qt_image
from nndesk.ui.canvas import CANVAS_SIZE, DrawingCanvas
from tests.ui.conftest import shown_widget


@pytest.fixture
def canvas(qtbot):
    widget = shown_widget(qtbot, DrawingCanvas(), (CANVAS_SIZE, CANVAS_SIZE))
    return widget


def drag(qtbot, widget, points):
    """Press at the first point, move through the rest, release at the last."""
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for p in points[1:]:
        qtbot.mouseMove(widget, QPoint(*p))
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def test_a_mouse_drag_draws_white_ink_along_its_path(qtbot, canvas):
    emitted = []
    canvas.image_changed.connect(emitted.append)
    with qtbot.waitSignal(canvas.stroke_finished):
        drag(qtbot, canvas, [(140, 40), (140, 140), (140, 240)])
    image = canvas.array()
    assert image.shape == (CANVAS_SIZE, CANVAS_SIZE) and image.dtype == np.uint8
    assert image[140, 140] == 255 and image[60, 140] == 255  # on the path
    assert image[140, 40] == 0 and image[20, 20] == 0  # far from it
    assert emitted and emitted[-1].shape == (CANVAS_SIZE, CANVAS_SIZE)
    emitted[-1][:] = 7  # a copy: changing it must not change the canvas
    assert canvas.array()[20, 20] == 0


def test_undo_restores_the_previous_image_and_redo_brings_the_stroke_back(qtbot, canvas):
    drag(qtbot, canvas, [(60, 60), (220, 60)])
    first = canvas.array()
    drag(qtbot, canvas, [(60, 200), (220, 200)])
    second = canvas.array()
    assert not np.array_equal(first, second)
    canvas.undo()
    assert np.array_equal(canvas.array(), first)
    canvas.redo()
    assert np.array_equal(canvas.array(), second)
    canvas.undo()
    canvas.undo()
    assert canvas.is_blank()
    assert not canvas.can_undo()


def test_clear_blanks_the_canvas_and_is_undoable(qtbot, canvas):
    canvas.draw_stroke([(50, 50), (230, 230)])
    drawn = canvas.array()
    canvas.clear()
    assert canvas.is_blank()
    canvas.undo()
    assert np.array_equal(canvas.array(), drawn)


def test_the_eraser_removes_ink(qtbot, canvas):
    canvas.draw_stroke([(40, 140), (240, 140)], width=30)
    canvas.set_eraser(True)
    drag(qtbot, canvas, [(140, 100), (140, 180)])
    image = canvas.array()
    assert image[140, 140] == 0  # erased where the eraser crossed
    assert image[140, 60] == 255  # kept elsewhere


def test_the_pen_width_sets_the_stroke_thickness(canvas):
    canvas.set_pen_width(10)
    canvas.draw_stroke([(140, 40), (140, 240)])
    thin = int((canvas.array()[140] > 127).sum())
    canvas.clear()
    canvas.set_pen_width(40)
    canvas.draw_stroke([(140, 40), (140, 240)])
    thick = int((canvas.array()[140] > 127).sum())
    assert 8 <= thin <= 12 and 38 <= thick <= 42


def test_set_array_shows_given_pixels_and_rejects_other_sizes(canvas):
    pixels = np.zeros((CANVAS_SIZE, CANVAS_SIZE), np.uint8)
    pixels[100:180, 120:160] = 200
    canvas.set_array(pixels)
    assert np.array_equal(canvas.array(), pixels)
    with pytest.raises(ValueError, match="280x280"):
        canvas.set_array(np.zeros((28, 28), np.uint8))


def test_dropping_an_image_file_emits_its_path(qtbot, canvas, tmp_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "seven.png"))])
    event = QDropEvent(
        QPointF(100, 100),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(canvas.file_dropped) as blocker:
        canvas.dropEvent(event)
    assert blocker.args == [str(tmp_path / "seven.png")]


def test_to_array_drops_the_scan_line_padding():
    # 30 pixels wide: Qt pads each Grayscale8 line to 32 bytes
    array = np.arange(30 * 5, dtype=np.uint8).reshape(5, 30)
    image = qt_image.gray_to_qimage(array)
    assert image.bytesPerLine() == 32
    assert np.array_equal(qt_image.to_array(image), array)


def test_to_array_converts_colour_images_to_grey():
    image = QImage(3, 2, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    assert np.array_equal(qt_image.to_array(image), np.full((2, 3), 255, np.uint8))


def test_rgba_round_trip_keeps_every_channel():
    rgba = np.random.default_rng(0).integers(0, 256, size=(7, 9, 4), dtype=np.uint8)
    back = qimage_pixels(qt_image.rgba_to_qimage(rgba))
    assert np.array_equal(back, rgba)


# -- the fill tool -------------------------------------------------------------------------------
SQUARE = [(60, 60), (220, 60), (220, 220), (60, 220), (60, 60)]


def test_a_click_inside_a_closed_outline_fills_only_the_inside_and_undo_restores_it(qtbot, canvas):
    canvas.draw_stroke(SQUARE, width=10)
    outline = canvas.array()
    canvas.set_fill_tool(True)
    with qtbot.waitSignal(canvas.stroke_finished):
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(140, 140))
    filled = canvas.array()
    assert (filled[70:211, 70:211] == 255).all()  # the whole inside, fringe included
    assert (filled[:50] == 0).all() and (filled[:, 230:] == 0).all()  # nothing outside
    canvas.undo()
    assert np.array_equal(canvas.array(), outline)
    canvas.redo()
    assert np.array_equal(canvas.array(), filled)


def test_an_open_outline_or_an_empty_canvas_is_not_flooded_and_undo_skips_the_click(qtbot, canvas):
    """A fill leaking through a gap, or on an empty canvas, turned the whole canvas white, and
    the preview read it as "nothing drawn": nothing changes, nothing is recorded, and
    ``fill_refused`` says whether the canvas was empty (the window's status line says so)."""
    canvas.set_fill_tool(True)
    refused: list[str] = []
    canvas.fill_refused.connect(refused.append)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(140, 140))
    assert canvas.is_blank() and not canvas.can_undo() and refused == ["empty"]

    canvas.draw_stroke(SQUARE[:4], width=10)  # the left side is missing
    outline = canvas.array()
    assert not canvas.fill_at(140, 140)  # it would leak all around: the canvas all ink
    assert np.array_equal(canvas.array(), outline) and refused == ["empty", "whole"]
    assert not canvas.fill_at(140, 60)  # on the stroke: already ink
    assert refused == ["empty", "whole"]  # not said for a click on ink
    canvas.undo()  # nothing recorded: this undoes the stroke, not a fill that did nothing
    assert not canvas.array().any() and not canvas.can_undo()


def test_a_fill_outside_a_closed_outline_leaves_the_paper_around_the_drawing(qtbot, canvas):
    """walk61 D3: Fill clicked just outside a shoe's outline inked the whole canvas around a
    shoe-shaped hole, and fashion-cnn read that as a sandal at 99.9 %."""
    canvas.draw_stroke(SQUARE, width=10)
    outline = canvas.array()
    refused: list[str] = []
    canvas.fill_refused.connect(refused.append)
    assert not canvas.fill_at(10, 10)  # the paper around the square, reaching every edge
    assert np.array_equal(canvas.array(), outline) and refused == ["background"]
    assert canvas.fill_at(140, 140)  # inside: filled, as before
    assert canvas.array()[140, 140] == 255 and canvas.array()[10, 10] == 0


def test_a_fill_click_finds_its_region_once(qtbot, canvas, monkeypatch):
    """The two refusals (a leak, the paper around the drawing) and the fill read one region:
    a click inside an outline found it three times (docs/performance.md, bench_fill.py)."""
    import nndesk.fill
    import nndesk.ui.canvas

    found = []

    def counted(image, x, y, _region=nndesk.fill.region):
        found.append((x, y))
        return _region(image, x, y)

    monkeypatch.setattr(nndesk.fill, "region", counted)
    monkeypatch.setattr(nndesk.ui.canvas, "region", counted, raising=False)
    canvas.draw_stroke(SQUARE, width=10)
    assert not canvas.fill_at(10, 10) and found == [(10, 10)]  # refused: around the drawing
    assert canvas.fill_at(140, 140) and found == [(10, 10), (140, 140)]
    assert canvas.can_undo()


def test_fill_stays_on_after_a_fill_until_turned_off(qtbot, canvas):
    """s63: Fill turned itself off after one fill, so F pressed "to turn it off" armed it
    again. It stays on, as a paint program's bucket does: a second outline fills too."""
    canvas.draw_stroke([(30, 30), (120, 30), (120, 120), (30, 120), (30, 30)], width=8)
    canvas.draw_stroke([(160, 160), (250, 160), (250, 250), (160, 250), (160, 160)], width=8)
    changed: list[bool] = []
    canvas.fill_tool_changed.connect(changed.append)
    canvas.set_fill_tool(True)
    with qtbot.waitSignal(canvas.filled):
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(75, 75))
    assert canvas.fill_tool() and changed == [True]
    with qtbot.waitSignal(canvas.filled):
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(205, 205))
    image = canvas.array()
    assert image[75, 75] == 255 and image[205, 205] == 255 and image[140, 140] == 0
    canvas.set_fill_tool(False)
    assert changed == [True, False]


def test_fill_and_the_eraser_are_one_tool_at_a_time_and_an_eraser_drag_erases_a_stroke(
    qtbot, canvas
):
    """s63: with Fill armed and the eraser on, an eraser drag across a filled shape emptied all
    of it. Turning either on turns the other off (a paint program's palette), so the drag
    erases only where it passes, and a fill always fills with ink."""
    canvas.draw_stroke(SQUARE, width=10)
    canvas.fill_at(140, 140)
    tools: list[tuple[str, bool]] = []
    canvas.fill_tool_changed.connect(lambda on: tools.append(("fill", on)))
    canvas.eraser_changed.connect(lambda on: tools.append(("eraser", on)))
    canvas.set_fill_tool(True)
    canvas.set_eraser(True)
    assert canvas.eraser() and not canvas.fill_tool()
    assert tools == [("fill", True), ("fill", False), ("eraser", True)]
    with qtbot.waitSignal(canvas.stroke_finished):
        drag(qtbot, canvas, [(100, 140), (180, 140)])
    image = canvas.array()
    assert image[140, 140] == 0  # erased along the drag
    assert image[100, 100] == 255 and image[180, 180] == 255  # the rest of the shape stays
    canvas.set_fill_tool(True)
    assert (
        canvas.fill_tool()
        and not canvas.eraser()
        and tools[-2:]
        == [
            ("eraser", False),
            ("fill", True),
        ]
    )


def test_with_the_fill_tool_off_a_click_draws_a_dot(qtbot, canvas):
    canvas.draw_stroke(SQUARE, width=10)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(140, 140))
    image = canvas.array()
    assert image[140, 140] == 255 and image[100, 100] == 0


@pytest.mark.parametrize("side", [CANVAS_SIZE, 406, 2 * CANVAS_SIZE])
def test_a_drag_on_a_canvas_shown_larger_lands_on_the_same_image_pixels_at_the_same_width(
    qtbot, side
):
    """The canvas grows with the window (1280x800: 406 px) but paints into its 280x280 image:
    the mouse maps onto it, and the pen keeps its width in image pixels, so the stroke the
    user sees, scaled with the sheet, is the stroke the model gets."""
    widget = DrawingCanvas()
    widget.setFixedSize(side, side)
    shown_widget(qtbot, widget)
    widget.set_pen_width(20)
    scale = side / CANVAS_SIZE
    with qtbot.waitSignal(widget.stroke_finished):
        drag(
            qtbot, widget, [(round(x * scale), round(y * scale)) for x, y in [(70, 40), (70, 240)]]
        )
    image = widget.array() > 127
    assert image[40:241, 70].all()  # the drag's whole length, in image pixels
    width = int(image[140].sum())
    assert 18 <= width <= 22 and image[140, 61:80].all()
    assert not image[:, 100:].any() and not image[:25].any()  # nowhere else
