"""View > Text size > Larger never makes the 28x28 preview (what the network sees) smaller at
1024x700 (walk64 D14: 140 px at Normal, ~84-113 px at Larger: bigger text, a smaller picture)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from nndesk.ui import text_size
from tests.ui.test_layout import show_at


def _window(window_factory, mode: str):
    """A window at 1024x700 with the mode's shipped CNN (no "no model" banner over it)."""
    from nndesk.inference import Classifier
    from nndesk.paths import WEIGHTS_DIR

    name = "mnist-cnn" if mode == "digits" else "fashion-cnn"
    classifier = Classifier.from_file(WEIGHTS_DIR / f"{name}.npz")
    return show_at(window_factory(classifier=classifier, mode=mode), (1024, 700))


def _preview_side(qapp, window, step: str) -> int:
    text_size.apply_text_size(qapp, step)
    for _ in range(3):  # the text size step, then the column's fit after the new font
        QApplication.processEvents()
    return window.preview.width()


@pytest.mark.parametrize("mode", ["digits", "garments"])
@pytest.mark.usefixtures("normal_text_after")
def test_larger_text_keeps_the_previews_size(qtbot, qapp, window_factory, mode):
    window = _window(window_factory, mode)
    normal = _preview_side(qapp, window, "normal")
    assert normal == 28 * 5 + 1  # 5 px a pixel at 1024x700
    assert _preview_side(qapp, window, "larger") >= normal
    # the overlay's box is still there, with the answer's options under the canvas
    assert window.overlay_check.isVisibleTo(window)


@pytest.mark.usefixtures("normal_text_after")
def test_in_vietnamese_larger_text_keeps_four_px_a_pixel(qtbot, qapp, window_factory):
    """In Vietnamese at Larger the pages' names go across the window (one row over both
    columns, not two over the pages): 34 px less for the drawing's column, which keeps 4 px a
    pixel there (it had 3: 85 px)."""
    from nndesk.ui import language

    assert language.use_language("vi") == "vi"
    try:
        window = _window(window_factory, "garments")
        assert _preview_side(qapp, window, "normal") == 28 * 5 + 1
        assert _preview_side(qapp, window, "larger") >= 28 * 4 + 1
    finally:
        language.use_language("en")
