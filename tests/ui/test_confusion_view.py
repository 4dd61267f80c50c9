"""The confusion matrix is drawn off the GUI thread and still reads and clicks as before."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from PySide6.QtCore import QPoint, QPointF, Qt

from nndesk.data.registry import DATASETS
from nndesk.i18n import grouped
from nndesk.ui.confusion_view import ConfusionView
from nndesk.ui.language import class_names_shown
from tests.ui.conftest import shown_widget

WAIT_MS = 60_000


def a_matrix(k: int = 10) -> np.ndarray:
    rng = np.random.default_rng(3)
    matrix = rng.integers(0, 40, (k, k))
    np.fill_diagonal(matrix, rng.integers(800, 990, k))
    return matrix


@pytest.fixture
def view(qtbot):
    return shown_widget(qtbot, ConfusionView(), (620, 540))  # Evaluate's matrix at 1280x800


def test_the_matrix_is_laid_out_and_drawn_off_the_gui_thread(qtbot, view, monkeypatch):
    """Laid out and drawn on the GUI thread, each matrix blocked the window for 0.4-1.2 s
    under load (a newcomer's walk)."""
    threads = {"imshow": set(), "draw": set()}
    imshow, draw = Axes.imshow, Figure.draw

    def imshow_seen(self, *args, **kwargs):
        threads["imshow"].add(threading.get_ident())
        return imshow(self, *args, **kwargs)

    def draw_seen(self, renderer):
        if self.axes and self.axes[0].get_images():  # a matrix's figure, not the empty one
            threads["draw"].add(threading.get_ident())
        return draw(self, renderer)

    monkeypatch.setattr(Axes, "imshow", imshow_seen)
    monkeypatch.setattr(Figure, "draw", draw_seen)
    view.set_matrix(a_matrix(), class_names_shown(DATASETS["fashion"].class_names))
    qtbot.waitUntil(view.current, timeout=WAIT_MS)

    gui = threading.get_ident()
    assert threads["imshow"] and gui not in threads["imshow"]
    assert threads["draw"] and gui not in threads["draw"]


def test_the_picture_shows_every_count_of_the_matrix_in_its_cell(qtbot, view):
    matrix = a_matrix()
    view.set_matrix(matrix, class_names_shown(DATASETS["fashion"].class_names))
    qtbot.waitUntil(view.current, timeout=WAIT_MS)

    written = {}
    for text in view.ax.texts:
        col, row = (round(v) for v in text.get_position())
        written[row, col] = text.get_text()
    assert written == {(r, c): grouped(int(matrix[r, c])) for r in range(10) for c in range(10)}
    assert view.counts_fit() and view.labels_fit() and not view.names_overlap()
    image = view.canvas.picture.image
    assert image.deviceIndependentSize().toSize() == view.canvas.size()
    # pixels were drawn: the matrix's blues, not an empty canvas
    centre = view.cell_center(0, 0)
    assert image.pixelColor(centre).blue() > image.pixelColor(centre).red()


def test_every_cell_is_clickable_and_named_on_hover(qtbot, view):
    matrix = a_matrix(4)
    view.set_matrix(matrix, ("zero", "one", "two", "three"))
    qtbot.waitUntil(view.current, timeout=WAIT_MS)
    for row in range(4):
        for col in range(4):
            with qtbot.waitSignal(view.cell_clicked, timeout=WAIT_MS) as blocker:
                qtbot.mouseClick(
                    view.canvas, Qt.MouseButton.LeftButton, pos=view.cell_center(row, col)
                )
            assert blocker.args == [row, col]
    qtbot.mouseMove(view.canvas, view.cell_center(2, 1))
    qtbot.waitUntil(lambda: view.hint.text().startswith("true two, predicted one: "))
    assert f": {matrix[2, 1]} images" in view.hint.text()


def test_a_click_outside_the_cells_names_none(qtbot, view):
    view.set_matrix(a_matrix(3), ("a", "b", "c"))
    qtbot.waitUntil(view.current, timeout=WAIT_MS)
    seen = []
    view.cell_clicked.connect(lambda *cell: seen.append(cell))
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    qtbot.mouseClick(
        view.canvas, Qt.MouseButton.LeftButton, pos=QPoint(2, view.canvas.height() - 2)
    )
    assert seen == []


def outlined_cell(view) -> tuple[int, int] | None:
    """The cell the canvas shows outlined: its chosen cell, checked on the canvas's pixels
    (the outline's colour at the middle of each side of the cell), or None."""
    from PySide6.QtGui import QColor

    from nndesk.ui.confusion_view import OUTLINE_COLOUR

    rect = view.canvas.marked_rect()
    if rect is None:
        return None
    picture = view.canvas.grab().toImage()
    ratio = picture.devicePixelRatio()
    middle = rect.center()
    sides = [(rect.left(), middle.y()), (rect.right(), middle.y()), (middle.x(), rect.top())]
    for x, y in sides:
        colour = picture.pixelColor(round(x * ratio), round(y * ratio))
        want = QColor(OUTLINE_COLOUR)  # (the edge's antialiasing blends it a little)
        near = [abs(a - b) for a, b in zip(colour.getRgb()[:3], want.getRgb()[:3], strict=True)]
        assert max(near) <= 24, (x, y, colour.name())
    return view.canvas.marked


def test_a_clicked_cell_is_outlined_at_once(qtbot, view):
    """The outline is painted over the picture at the click (drawn into the next picture it
    followed an arrow key seconds late under load, fixB's real window)."""
    view.set_matrix(a_matrix(3), ("a", "b", "c"))
    qtbot.waitUntil(view.current, timeout=WAIT_MS)
    assert outlined_cell(view) is None and not view.ax.patches
    asked = view._asked
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=view.cell_center(1, 2))
    assert view._asked == asked  # no new picture for an outline
    assert outlined_cell(view) == (1, 2)
    centre = view.canvas.marked_rect().center().toPoint()
    assert view.cell_at(QPointF(centre)) == (1, 2)  # round the cell clicked
    view.set_matrix(a_matrix(3) + 1, ("a", "b", "c"))  # another matrix: no cell chosen
    assert outlined_cell(view) is None


def test_the_newest_matrix_wins_when_several_come_at_once(qtbot, view):
    """The replay's slider sends a matrix per epoch: only the last one asked is left shown."""
    names = ("a", "b", "c")
    for n in range(1, 6):
        view.set_matrix(np.eye(3, dtype=np.int64) * n, names)
    qtbot.waitUntil(view.current, timeout=WAIT_MS)
    assert view.ax.texts[0].get_text() == "5"
    np.testing.assert_array_equal(view.picture.confusion, np.eye(3) * 5)


def test_no_matrix_says_there_is_no_evaluation_yet(qtbot, view):
    view.set_matrix(a_matrix(3), ("a", "b", "c"))
    view.set_matrix(None)
    qtbot.waitUntil(view.current, timeout=WAIT_MS)
    assert [t.get_text() for t in view.ax.texts] == ["No evaluation yet"]
    assert view.cell_at(view.canvas.rect().center().toPointF()) is None


def test_a_hidden_view_draws_its_matrix_when_shown(qtbot, view, monkeypatch):
    """A matrix given to a page not on screen (the replay's at a run's start) is drawn when the
    page is shown: drawn at once, it took the GIL in turns with the Live tab's first draw."""
    from nndesk.ui import confusion_view
    from nndesk.ui.off_gui import render_pool

    qtbot.waitUntil(view.current, timeout=WAIT_MS)  # its first picture in
    assert render_pool().waitForDone(WAIT_MS)  # and nothing of an earlier test's left
    drawn = []
    render = confusion_view.render_matrix

    def counted(*args):
        drawn.append(args[0])
        return render(*args)

    monkeypatch.setattr(confusion_view, "render_matrix", counted)
    view.hide()
    view.set_matrix(a_matrix(3), ("a", "b", "c"))
    view.set_matrix(a_matrix(3) * 2, ("a", "b", "c"))
    assert render_pool().waitForDone(WAIT_MS)  # a render asked now would be done by now
    assert drawn == [] and not view.current()
    view.show()
    qtbot.waitUntil(view.current, timeout=WAIT_MS)
    assert len(drawn) == 1
    np.testing.assert_array_equal(view.picture.confusion, a_matrix(3) * 2)


def test_a_replaced_matrix_figure_is_emptied_off_the_gui_thread(qtbot, view, monkeypatch):
    """A replaced figure left whole was ~11,500 objects in reference cycles for the collector,
    which runs on the GUI thread; emptied, its artists are freed by the thread that empties it."""
    from nndesk.confusion_figure import MatrixFigure

    emptied_on = []
    dismantle = MatrixFigure.dismantle

    def dismantle_seen(self):
        emptied_on.append(threading.get_ident())
        dismantle(self)

    monkeypatch.setattr(MatrixFigure, "dismantle", dismantle_seen)
    names = class_names_shown(DATASETS["fashion"].class_names)
    view.set_matrix(a_matrix(), names)
    qtbot.waitUntil(lambda: view.current() and view.matrix() is not None, timeout=WAIT_MS)
    first = view.figure
    assert first.axes  # on screen: whole
    view.set_matrix(a_matrix(4), names[:4])
    qtbot.waitUntil(view.current, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not first.axes, timeout=WAIT_MS)  # emptied once replaced
    assert emptied_on and threading.get_ident() not in emptied_on
    assert view.figure.axes  # the one on screen stays whole


def text_lines(label) -> int:
    """Lines ``label``'s text takes wrapped at its width."""
    metrics = label.fontMetrics()
    flags = Qt.TextFlag.TextWordWrap
    height = metrics.boundingRect(0, 0, label.width(), 1 << 20, flags, label.text()).height()
    return round(height / metrics.lineSpacing())


def test_the_matrix_keeps_its_place_whatever_the_hint_under_it_says(qtbot):
    """walk62 D4: at 1024x700 the hint under Evaluate's matrix took one line, then two as the
    mouse crossed the cells ("true Shirt, predicted Dress: 48 images … Click to open them."),
    and the matrix moved 15 px up and down under the pointer."""
    view = shown_widget(qtbot, ConfusionView(), (520, 470))  # about Evaluate's at 1024x700
    names = class_names_shown(DATASETS["fashion"].class_names)
    view.set_matrix(a_matrix(), names)
    qtbot.waitUntil(view.current, timeout=WAIT_MS)
    places, lines = set(), set()
    for row, col in [(0, 0), (6, 3), (2, 4), (9, 7), (4, 2), (1, 1)]:
        qtbot.mouseMove(view.canvas, view.cell_center(row, col))
        qtbot.waitUntil(
            lambda r=row, c=col: names[c] in view.hint.text() and names[r] in view.hint.text()
        )
        view.layout().activate()
        places.add(view.canvas.geometry().getRect())
        lines.add(text_lines(view.hint))
    qtbot.mouseMove(view.canvas, QPoint(-5, -5))
    qtbot.waitUntil(lambda: "Click a cell" in view.hint.text())
    view.layout().activate()
    places.add(view.canvas.geometry().getRect())
    lines.add(text_lines(view.hint))
    assert len(lines) > 1  # what it says takes one line here and more there
    assert len(places) == 1, places  # and the matrix stays where the pointer found it


def test_the_last_matrix_is_said_to_be_old_until_the_new_ones_picture_comes(
    qtbot, view, monkeypatch
):
    """walk62 D5: a replay's step showed epoch 5's matrix under epoch 6's title for seconds
    (its picture drawn on a loaded render thread). The last picture stays in place, faded and
    said to be drawn anew, its cells naming nothing, until the new matrix's comes."""
    import nndesk.ui.confusion_view as module

    names = ("a", "b", "c")
    old, new = np.eye(3, dtype=np.int64) * 5, np.eye(3, dtype=np.int64) * 6
    view.set_matrix(old, names)
    qtbot.waitUntil(view.current, timeout=WAIT_MS)
    centre = view.cell_center(1, 1)
    assert view.canvas.pending_text is None and view.cell_at(centre.toPointF()) == (1, 1)
    held = threading.Event()
    render = module.render_matrix

    def held_render(confusion, *args):
        if confusion is not None and confusion[0, 0] == 6:
            held.wait(WAIT_MS / 1000)
        return render(confusion, *args)

    monkeypatch.setattr(module, "render_matrix", held_render)
    view.set_matrix(new, names)
    try:
        np.testing.assert_array_equal(view.picture.confusion, old)  # still on the canvas
        assert view.canvas.pending_text == "Drawing the confusion matrix…"
        assert view.cell_at(centre.toPointF()) is None  # its counts are not the matrix's
        pixels = view.canvas.grab().toImage()
        assert pixels.pixelColor(centre).lightness() > 150  # faded towards the light page
    finally:
        held.set()
    qtbot.waitUntil(view.current, timeout=WAIT_MS)
    np.testing.assert_array_equal(view.picture.confusion, new)
    assert view.canvas.pending_text is None and view.cell_at(centre.toPointF()) == (1, 1)


def test_the_hints_room_is_measured_from_texts_made_once_per_matrix(qtbot, view, monkeypatch):
    """The k x k cells' texts were made again at every resize (100 for 10 classes); they
    depend on the matrix and the language only. A new matrix, or a font, is measured anew."""
    import nndesk.ui.confusion_view as module

    made: list[tuple[int, int]] = []
    said = module.cell_said
    monkeypatch.setattr(
        module, "cell_said", lambda m, n, r, c: made.append((r, c)) or said(m, n, r, c)
    )
    view.set_matrix(a_matrix(), class_names_shown(DATASETS["fashion"].class_names))
    rooms = [view.hint_room(width) for width in (620, 400, 300, 400, 620)]
    assert len(made) == 100 and rooms[0] == rooms[-1] and rooms[1] == rooms[3]
    assert rooms[2] > rooms[0]  # narrower: more lines
    big = view.hint.font()
    big.setPointSizeF(big.pointSizeF() * 2)
    view.hint.setFont(big)
    assert view.hint_room(620) > rooms[0]  # the font is part of the measure
    view.set_matrix(a_matrix(3), ("a", "b", "c"))
    view.hint_room(620)
    assert len(made) == 100 + 9


def test_a_cell_is_chosen_and_opened_from_the_keyboard(qtbot, view):
    """walk66 #7: Tab went past the matrix; its cells opened only by a click. The canvas takes
    the focus, arrows move the outlined cell (from the first), Enter opens it as a click does."""
    matrix = a_matrix(3)
    view.set_matrix(matrix, ("a", "b", "c"))
    qtbot.waitUntil(view.current, timeout=WAIT_MS)
    assert view.canvas.focusPolicy() == Qt.FocusPolicy.StrongFocus
    view.canvas.setFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Down):
        qtbot.keyClick(view.canvas, key)  # the first arrow outlines cell (0, 0)
    assert view.hint.text().startswith("true c, predicted b: ")
    assert view.hint.text().endswith("Press Enter to open them.")
    assert view.canvas.accessibleDescription().startswith("true c, predicted b: ")
    assert outlined_cell(view) == (2, 1)  # at once, no picture waited for
    with qtbot.waitSignal(view.cell_clicked, timeout=WAIT_MS) as blocker:
        qtbot.keyClick(view.canvas, Qt.Key.Key_Return)
    assert blocker.args == [2, 1]
