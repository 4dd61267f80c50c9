"""The blank canvas's grey text wraps inside the canvas (walk65 D1): at 1280x800, Vietnamese,
Larger text, "Hình vẽ ở chế độ Chữ số vẫn được giữ: nó trở" filled the 406 px canvas edge to
edge, "Hình" and "trở" cut at its sides."""

from __future__ import annotations

import pytest

from nndesk.ui.canvas import DrawingCanvas
from tests.ui.conftest import shown_widget

HINT = (
    "Vẽ áo thun, quần dài, túi xách, giày...\n\n"
    "Hình vẽ ở chế độ Chữ số vẫn được giữ: nó trở lại khi bạn chuyển sang Chữ số"
)


@pytest.mark.parametrize("side", [300, 406])
def test_the_grey_text_keeps_off_the_canvas_edges_at_larger_text(
    qtbot,
    larger_text,
    side,
):
    canvas = shown_widget(qtbot, DrawingCanvas(), (side, side))
    canvas.set_hint(HINT)
    image = canvas.grab().toImage()
    inked = [
        x
        for x in range(1, image.width() - 1)
        for y in range(1, image.height() - 1)
        if image.pixelColor(x, y).value() > 40  # the text's grey on the black paper
    ]
    assert inked, "no hint drawn"
    assert min(inked) >= 6 and max(inked) <= image.width() - 7, (min(inked), max(inked))
