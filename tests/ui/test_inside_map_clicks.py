"""Every feature-map row of the Inside page explains a clicked pixel with that layer's own
arithmetic, and one failing explanation never leaves the page on an old drawing: a click on a
ReLU or BatchNorm map raised ('ReLU' object has no attribute 'kernel_size') and every later
snapshot raised again, the maps frozen on the old drawing until Clear (walk55 D1)."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk import inside
from nndesk.controllers.prediction import InsideSnapshot
from nndesk.inference import Classifier
from nndesk.layer_words import layer_names
from nndesk.paths import WEIGHTS_DIR
from nndesk.ui.inside_view import InsideView


def _snapshot(clf: Classifier, image: np.ndarray) -> InsideSnapshot:
    tr = inside.trace(clf.model, clf.normalizer, image, tuple(clf.class_names))
    return InsideSnapshot(clf, clf.model, tr)


def _seven() -> np.ndarray:
    image = np.zeros((28, 28), np.float32)
    image[5:8, 6:22] = 255.0
    image[8:24, 16:19] = 255.0
    return image


def _show(qtbot, page: InsideView, snap: InsideSnapshot) -> None:
    with qtbot.waitSignal(page.updated, timeout=10000):
        page.set_snapshot(snap)


@pytest.fixture
def fashion_cnn() -> Classifier:
    return Classifier.from_file(WEIGHTS_DIR / "fashion-cnn.npz")


@pytest.fixture
def page(qtbot):
    view = InsideView()
    qtbot.addWidget(view)
    view.resize(1024, 700)
    return view


def _strongest(values: np.ndarray, channel: int) -> tuple[int, int]:
    r, c = np.unravel_index(int(np.argmax(np.abs(values[channel]))), values[channel].shape)
    return int(r), int(c)


@pytest.mark.parametrize("kind", ["ReLU", "BatchNorm2D"])
def test_an_element_wise_maps_pixel_shows_that_layers_arithmetic(qtbot, page, fashion_cnn, kind):
    snap = _snapshot(fashion_cnn, _seven())
    _show(qtbot, page, snap)
    layer = next(o.index for o in snap.trace.layers if o.name == kind)
    values = snap.trace.layers[layer].values
    row, col = _strongest(values, 3)
    page.select_pixel(layer, 3, row, col)
    math = page.current_math()
    assert isinstance(math, inside.MapPixel)
    # the layer's own output at that pixel, from the value under it one layer before
    assert math.value == pytest.approx(float(values[3, row, col]), rel=1e-4, abs=1e-5)
    assert math.value_in == pytest.approx(float(snap.trace.layer_input(layer)[3, row, col]))
    text = page.arithmetic.text()
    assert f"map 3, pixel ({row}, {col})" in text
    # both named as the Lab and the Map name them ("Conv 1 ReLU", walk59 D11)
    names = layer_names(fashion_cnn.model)
    assert f"<b>{names[layer]}, map 3" in text and f"same place of {names[layer - 1]} " in text
    if kind == "ReLU":
        assert "max(0" in text
    else:
        assert "√(" in text and "×" in text  # (x − mean) / √(var + eps) × γ + β
    # the pixel and the value it read are outlined
    assert {(m[0], m[1]) for m in page.maps._marks} == {(layer, 3), (layer - 1, 3)}


def test_the_input_rows_pixel_shows_the_drawings_value(qtbot, page, fashion_cnn):
    snap = _snapshot(fashion_cnn, _seven())
    _show(qtbot, page, snap)
    page.select_pixel(0, 0, 6, 10)  # the Reshape row: the drawing itself
    math = page.current_math()
    assert isinstance(math, inside.MapPixel) and math.value_in == 255.0
    assert "Input, pixel (6, 10)" in page.arithmetic.text()


def test_after_a_click_on_an_element_wise_map_the_page_follows_the_drawing(
    qtbot, page, fashion_cnn
):
    first = _snapshot(fashion_cnn, _seven())
    _show(qtbot, page, first)
    relu = next(o.index for o in first.trace.layers if o.name == "ReLU")
    page.select_pixel(relu, 0, 10, 10)
    crossed = _seven()
    crossed[14:17, 8:24] = 255.0
    second = _snapshot(fashion_cnn, crossed)
    _show(qtbot, page, second)
    assert page.maps._snapshot is second  # the maps show the new drawing
    assert page.selection() == ("pixel", relu, 0, 10, 10)  # the click is kept
    assert page.current_math().value == pytest.approx(
        float(second.trace.layers[relu].values[0, 10, 10]), abs=1e-5
    )


def test_an_explanation_that_fails_leaves_the_page_following_the_drawing(
    qtbot, page, fashion_cnn, monkeypatch, caplog
):
    first = _snapshot(fashion_cnn, _seven())
    _show(qtbot, page, first)
    conv = next(o.index for o in first.trace.layers if o.name == "Conv2D")

    def broken(*_args):
        raise AttributeError("a bug in one explanation")

    monkeypatch.setattr(inside, "pixel_math", broken)
    page.select_pixel(conv, 1, 4, 4)  # raised out of the click handler before
    assert "a bug in one explanation" in caplog.text
    assert "Click a unit or a feature-map pixel" in page.arithmetic.text()
    monkeypatch.undo()
    second = _snapshot(fashion_cnn, np.rot90(_seven()).copy())
    _show(qtbot, page, second)
    assert page.maps._snapshot is second
    assert page.current_math() is not None  # a fresh default selection, explained


@pytest.mark.parametrize("width", [460, 1024])
def test_a_conv_pixels_grids_fit_the_arithmetic_panels_width(qtbot, fashion_cnn, width):
    """walk61 D11: at 1024x768 the third grid (= products) and the batch-norm line were past
    the arithmetic panel's right edge, a sideways scroll bar the only way to them. As many of
    the three grids side by side as the panel has the width for; the lines then wrap."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    view = InsideView()
    qtbot.addWidget(view)
    font = QFont(QApplication.font())
    font.setPointSizeF(11.0)  # Larger text's window font
    view.setFont(font)
    view.resize(width, 700)
    view.show()
    qtbot.waitExposed(view)
    snap = _snapshot(fashion_cnn, _seven())
    _show(qtbot, view, snap)
    conv = next(o.index for o in snap.trace.layers if o.name == "Conv2D")
    view.select_pixel(conv, 1, 14, 14)
    view.show_bottom_tab(0)  # the Arithmetic tab on a narrow page
    qtbot.waitUntil(lambda: view.math_scroll.isVisible(), timeout=10000)
    QApplication.processEvents()
    assert isinstance(view.current_math(), inside.ConvPixel)
    bar = view.math_scroll.horizontalScrollBar()
    assert bar.maximum() == 0, f"scrolls sideways by {bar.maximum()} px"


def test_a_pixel_click_brings_the_arithmetic_tab_forward(qtbot, fashion_cnn):
    """walk66 #1: on a narrow page with the Softmax tab in front, a click on a feature-map
    pixel filled the hidden Arithmetic tab and seemed to do nothing."""
    from PySide6.QtCore import QPoint, Qt

    view = InsideView()
    qtbot.addWidget(view)
    view.resize(800, 700)  # < SIDE_BY_SIDE_MIN_WIDTH: arithmetic and softmax in two tabs
    view.show()
    qtbot.waitExposed(view)
    snap = _snapshot(fashion_cnn, _seven())
    _show(qtbot, view, snap)
    view.show_bottom_tab(1)
    qtbot.waitUntil(lambda: view.soft_scroll.isVisible(), timeout=10000)
    conv = next(o.index for o in snap.trace.layers if o.name == "Conv2D")
    qtbot.waitUntil(lambda: view.maps.tile_rect(conv, 2) is not None, timeout=10000)
    centre = view.maps.tile_rect(conv, 2).center().toPoint()
    qtbot.mouseClick(view.maps, Qt.MouseButton.LeftButton, pos=QPoint(centre))
    assert view.selection()[:3] == ("pixel", conv, 2)
    assert view.math_scroll.isVisible(), "the arithmetic of the click is hidden"
    assert not view.soft_scroll.isVisible()
