"""The drawing column's rows never lie over the canvas (fixI s68: in Clothing at Larger text in
Vietnamese a 1024x680 window, its least height, put the pen's row over the canvas's bottom
6 px: the data folder's warning took the note's three lines, and the column's least height
counted two)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import xvfb_desktop_text

WARNING = ("Coordinator", "Data folder (it holds {other}, not {title}):")


def _rows_in_order(window) -> list[str]:
    """Where a row of the drawing column overlaps the one above it or leaves the column."""
    panel = window.draw_panel
    left = panel._left  # noqa: SLF001 - the column's own layout
    found, bottom = [], None
    for index in range(left.count()):
        item = left.itemAt(index)
        if item.isEmpty() or item.spacerItem() is not None:
            continue
        rect = item.geometry()
        if bottom is not None and rect.top() < bottom:
            found.append(f"row {index} starts at {rect.top()}, the one above ends at {bottom}")
        bottom = rect.bottom() + 1
    if bottom is not None and bottom > panel.contentsRect().bottom() + 1:
        found.append(f"the column's rows end at {bottom}, the panel at {panel.height()}")
    return found


@pytest.mark.parametrize("larger", [False, True], ids=["normal", "larger"])
@pytest.mark.parametrize("code", ["en", "vi"])
@pytest.mark.parametrize("width", [1024, 1280])
def test_at_its_least_height_the_canvas_is_square_and_no_row_lies_over_it(
    qtbot, qapp, window_factory, normal_text_after, speaking, width, code, larger
):
    from nndesk.inference import Classifier
    from nndesk.paths import WEIGHTS_DIR
    from nndesk.ui.language import translate

    speaking(code)
    xvfb_desktop_text(qapp, larger=larger)
    clf = Classifier.from_file(WEIGHTS_DIR / "fashion-cnn.npz")
    window = window_factory(classifier=clf, mode="garments", size=(width, 700)).window
    QApplication.processEvents()
    warning = translate(*WARNING).format(other="MNIST", title="Fashion-MNIST")
    window.set_standing_note(f"{warning}\n/work/shared/data/mnist", warns=True)
    for _ in range(3):  # as short as it goes, as a drag takes it there
        window.resize(width, 1)
        QApplication.processEvents()
    canvas, note = window.canvas, window.status_note
    assert canvas.width() == canvas.height()
    assert note.height() >= note.heightForWidth(note.width()), "the note's lines are cut"
    assert _rows_in_order(window) == []
    canvas_bottom = canvas.mapTo(window, canvas.rect().bottomLeft()).y()
    pen_top = window.pen_slider.mapTo(window, window.pen_slider.rect().topLeft()).y()
    assert canvas_bottom < pen_top
