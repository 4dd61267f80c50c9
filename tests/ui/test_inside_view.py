"""The Inside page follows the canvas and shows arithmetic that equals the model's forward pass."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from nndesk import inside, inside_maps
from nndesk.inference import Classifier
from nndesk.paths import WEIGHTS_DIR


def _shipped(name: str) -> Classifier:
    return Classifier.from_file(WEIGHTS_DIR / f"{name}.npz")


def _open_inside(qtbot, desk):
    page = desk.inside_page
    desk.window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(page.isVisible, timeout=60000)
    return page


def test_the_page_follows_the_canvas_and_a_clicked_unit_shows_its_sum(qtbot, window_factory):
    desk = window_factory(classifier=_shipped("mnist-mlp"))
    page = _open_inside(qtbot, desk)
    canvas = desk.window.canvas
    with qtbot.waitSignal(page.updated, timeout=60000):
        canvas.draw_stroke([(140, 40), (140, 240)], width=20)
    qtbot.waitUntil(lambda: page.snapshot() is not None, timeout=60000)
    first = page.snapshot()
    np.testing.assert_allclose(
        first.trace.probabilities,
        # the page traces the network's own softmax (its slider plays with the temperature)
        desk.prediction.current().probabilities(first.trace.image28[None], calibrated=False)[0],
        rtol=1e-5,
    )
    # another stroke: a new snapshot of the new drawing arrives without being asked
    with qtbot.waitSignal(page.updated, timeout=60000):
        canvas.draw_stroke([(60, 140), (220, 140)], width=20)
    qtbot.waitUntil(lambda: page.snapshot() is not first, timeout=60000)
    assert not np.array_equal(page.snapshot().trace.image28, first.trace.image28)

    # click a unit of the second hidden layer: its arithmetic, with the model's own z
    qtbot.waitUntil(desk.prediction.is_idle, timeout=60000)
    model = page.snapshot().model
    second = inside.dense_layers(model)[1]
    qtbot.waitUntil(page.diagram.is_current, timeout=60000)  # painted off the GUI thread
    unit = int(inside.most_active(page.snapshot().trace.layers[second].values, 1)[0])
    target = (second, unit)
    rect = page.diagram.unit_rect(*target)
    assert rect is not None, "the most active unit of a layer is always drawn"
    qtbot.mouseClick(page.diagram, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert page.selection() == ("dense", *target)
    math = page.current_math()
    z = float(page.snapshot().trace.layers[second].values[target[1]])
    assert math.z == pytest.approx(z, rel=1e-4, abs=1e-4)
    text = page.arithmetic.text()
    assert f"unit {target[1]}" in text and "z = Σ w·a + b" in text and "ReLU" in text


def test_cnn_feature_maps_click_a_pixel_and_a_pooling_winner(qtbot, window_factory):
    desk = window_factory(classifier=_shipped("mnist-cnn"))
    page = _open_inside(qtbot, desk)
    with qtbot.waitSignal(page.updated, timeout=60000):
        desk.window.canvas.draw_stroke([(80, 60), (200, 60), (120, 240)], width=20)
    qtbot.waitUntil(lambda: page.snapshot() is not None, timeout=60000)
    qtbot.waitUntil(desk.prediction.is_idle, timeout=60000)
    snap = page.snapshot()
    convs = [i for i, out in enumerate(snap.trace.layers) if out.name == "Conv2D"]
    second = convs[1]
    tile = page.maps.tile_rect(second, 5)
    assert tile is not None
    h, w = snap.trace.layers[second].values.shape[1:]
    # the centre of map pixel (row 3, col 4) on the tile
    pos = QPoint(
        int(tile.left() + (4 + 0.5) * tile.width() / w),
        int(tile.top() + (3 + 0.5) * tile.height() / h),
    )
    # the tiles came ready from the prediction worker, and each map pixel shows its colour
    assert [row.layer for row in snap.maps][1:3] == [-1, convs[0]]  # input, filters, conv...
    values = snap.trace.layers[second].values
    expected = inside_maps.colour_maps(values, float(np.max(np.abs(values))))[5, 3, 4]
    shown = page.maps.grab().toImage().pixelColor(pos)
    assert (shown.red(), shown.green(), shown.blue()) == tuple(int(v) for v in expected[:3])
    qtbot.mouseClick(page.maps, Qt.MouseButton.LeftButton, pos=pos)
    assert page.selection() == ("pixel", second, 5, 3, 4)
    px = page.current_math()
    assert px.z == pytest.approx(float(snap.trace.layers[second].values[5, 3, 4]), abs=1e-4)
    # the second convolution, named as the Lab and the Map name it (walk59 D11)
    assert "<b>Conv 2, map 5" in page.arithmetic.text() and "kernel" in page.arithmetic.text()

    pool = next(i for i, out in enumerate(snap.trace.layers) if out.name == "MaxPool2D")
    page.select_pixel(pool, 2, 4, 4)
    win = page.current_math()
    assert isinstance(win, inside.PoolWindow)
    r, c = win.winner
    assert snap.trace.layer_input(pool)[2, r, c] == snap.trace.layers[pool].values[2, 4, 4]
    assert "won" in page.arithmetic.text()


def test_the_temperature_slider_changes_the_softmax_table_not_the_model(qtbot, window_factory):
    desk = window_factory(classifier=_shipped("mnist-mlp"))
    page = _open_inside(qtbot, desk)
    with qtbot.waitSignal(page.updated, timeout=60000):
        desk.window.canvas.draw_stroke([(140, 40), (140, 240)], width=20)
    qtbot.waitUntil(lambda: page.snapshot() is not None, timeout=60000)
    before = page.softmax.text()
    # the shipped model is calibrated: T = 1 is its raw softmax, not the side panel's answer
    t = desk.prediction.current().temperature
    assert t != 1
    assert "T = 1 gives the network's softmax" in before
    assert f"calibrated T = {t:.2f}" in before
    page.temperature.setValue(20)  # T = 10
    assert page.temperature_label.text() == "T = 10"
    assert page.softmax.text() != before and "The model is unchanged" in page.softmax.text()


@pytest.mark.parametrize("size", [(1024, 700), (1280, 760)], ids=["1024x700", "1280x760"])
def test_the_arithmetic_and_the_softmax_table_fit_without_sideways_scrolling(
    qtbot, window_factory, size
):
    from PySide6.QtWidgets import QApplication

    desk = window_factory(classifier=_shipped("fashion-cnn"), mode="garments")
    desk.window.resize(*size)
    page = _open_inside(qtbot, desk)
    with qtbot.waitSignal(page.updated, timeout=20000):
        desk.window.canvas.draw_stroke([(140, 40), (140, 240)], width=20)
    qtbot.waitUntil(lambda: page.snapshot() is not None, timeout=20000)
    QApplication.processEvents()
    assert page.bottom.currentWidget() is page.bottom_tabs  # too narrow for two columns
    for index, scroll in ((0, page.math_scroll), (1, page.soft_scroll)):
        page.bottom_tabs.setCurrentIndex(index)
        QApplication.processEvents()
        assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()
        assert not scroll.horizontalScrollBar().isVisible()
    assert "nowrap" in page.softmax.text()  # "T-shirt/top" stays on one line
    desk.window.resize(1800, 900)  # a wide page: side by side again
    QApplication.processEvents()
    assert page.bottom.currentWidget() is page.bottom_split


def test_a_negative_bias_is_subtracted_in_the_written_sum():
    from nndesk.inside import ConvPixel
    from nndesk.ui.inside_math import conv_html

    patch = np.ones((1, 3, 3), np.float32)
    kernel = np.full((1, 3, 3), 1 / 3, np.float32)
    px = ConvPixel(
        1, 0, 2, 3, patch, kernel, (patch * kernel).astype(np.float64), -0.103, 2.897, ()
    )
    text = conv_html(px)
    assert "3.000 − 0.103 = <b>2.897</b>" in text and "+ -" not in text


@pytest.mark.parametrize(
    ("total", "bias", "z"),
    [
        (3.41716, -0.11517, 3.30199),
        (13.4171, 0.1149, 13.532),
        (-0.4172, 0.0041, -0.4131),
        (1.0004, 1.0004, 2.0008),  # rounded, 1.000 + 1.000 is not 2.001: "≈"
    ],
)
def test_the_written_sum_adds_up_as_written_and_to_the_decimals_of_the_steps(total, bias, z):
    """walk50 D12: "3.42 − 0.115 = 3.3" then "ReLU(3.302)": z to one decimal, then three, and
    3.42 − 0.115 is not 3.3. The three numbers share the decimals the steps write z with, and
    the written ones add up."""
    from decimal import Decimal

    from nndesk.inside import ConvPixel, by_hand
    from nndesk.ui.inside_math import conv_html

    patch = np.ones((1, 3, 3), np.float32)
    products = np.zeros((1, 3, 3))
    products[0, 0, 0] = total
    px = ConvPixel(1, 0, 2, 3, patch, patch, products, bias, z, ())
    line = next(x for x in conv_html(px).split("<br>") if x.startswith("z = "))
    a, sign, b, equals, shown_z = line.replace("<b>", "").replace("</b>", "").split(" ")[-5:]
    a_, b_, z_ = (Decimal(v.replace("−", "-")) for v in (a, b, shown_z))
    adds_up = (a_ + b_ if sign == "+" else a_ - b_) == z_
    assert equals == ("=" if adds_up else "≈")
    relu, _ = by_hand(None, "ReLU", z, 0, True)
    assert relu.startswith(f"ReLU({shown_z})")


def test_a_dense_units_sum_is_written_to_the_decimals_its_activation_step_uses():
    """walk54b: "= 10,3 − 0,0242 = 10,3" then "ReLU(10,33) = max(0; 10,33) = 10,33": the dense
    sum kept three significant digits where the conv sum had been fixed (walk50 D12)."""
    from decimal import Decimal

    from nndesk.inside import DenseUnit, by_hand
    from nndesk.ui.inside_math import dense_html

    products = np.array([6.1, 4.2542], np.float64)
    bias, z = -0.0242, 10.33
    relu, _ = by_hand(None, "ReLU", z, 0, True)
    step = type("Step", (), {"formula": relu})()
    unit = DenseUnit(
        1, 3, np.ones(2, np.float32), np.ones(2, np.float32), products, bias, z, (step,)
    )
    text = dense_html(unit, tuple("0123456789"), output_layer=False, hidden=1)
    line = [x for x in text.split("<br>") if x.startswith("&nbsp;&nbsp;= ")][-1]
    a, sign, b, equals, shown_z = line.replace("<b>", "").replace("</b>", "").split(" ")[-5:]
    a_, b_, z_ = (Decimal(v.replace("−", "-")) for v in (a, b, shown_z))
    assert equals == "=" and (a_ - b_ if sign == "−" else a_ + b_) == z_, line
    assert relu.startswith(f"ReLU({shown_z})"), (line, relu)


def test_the_output_column_writes_the_softmax_then_the_calibrated_value_the_bars_show(
    qtbot, window_factory
):
    """Walk 43, item 8: the Output column said Bag 62% while the bars beside it said 55.0%.
    Each output now reads "softmax → calibrated", the second the bars' own value."""
    from nndesk.ui.inside_diagram import output_label, output_probabilities

    desk = window_factory(classifier=_shipped("mnist-mlp"))  # calibrated: T != 1
    page = _open_inside(qtbot, desk)
    with qtbot.waitSignal(page.updated, timeout=60000):
        desk.window.canvas.draw_stroke([(140, 40), (140, 240)], width=20)
    qtbot.waitUntil(lambda: page.snapshot() is not None, timeout=60000)
    qtbot.waitUntil(desk.prediction.is_idle, timeout=60000)
    snap = page.snapshot()
    raw, calibrated = output_probabilities(snap)
    bars = desk.window.prediction_panel.bars.probabilities()
    np.testing.assert_allclose(calibrated, bars, atol=1e-6)
    np.testing.assert_allclose(raw, snap.trace.probabilities, atol=1e-6)
    assert not np.allclose(raw, calibrated, rtol=0.05, atol=0)  # they differ for this model
    # the bars' one decimal (a whole "100%" beside a bar of 99.6%)
    assert output_label("Bag", 0.617, 0.553) == "Bag  61.7% → 55.3%"
    assert output_label("Bag", 0.9962, None) == "Bag  99.6%"
    from dataclasses import replace

    info = {k: v for k, v in snap.classifier.info.items() if k != "calibration"}
    uncalibrated = replace(snap.classifier, info=info)
    assert uncalibrated.temperature == 1.0
    assert output_probabilities(type(snap)(uncalibrated, snap.model, snap.trace))[1] is None


def test_the_input_is_white_on_black_like_the_preview_and_its_title_is_clear_of_the_lines(
    qtbot, window_factory
):
    """Walk 43, item 17: the input thumbnail was black on white (the preview, and the network,
    have white ink on black) and the weight lines ran over its "Input 28×28" title."""
    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QColor, QFont, QFontMetrics

    from nndesk.ui.inside_diagram import diagram_image

    desk = window_factory(classifier=_shipped("mnist-mlp"))
    page = _open_inside(qtbot, desk)
    with qtbot.waitSignal(page.updated, timeout=60000):
        desk.window.canvas.draw_stroke([(140, 40), (140, 240)], width=20)
    qtbot.waitUntil(lambda: page.snapshot() is not None, timeout=60000)
    snap = page.snapshot()
    font = QFont(page.font())
    colours = (QColor("black"), QColor("white"), QColor("orange"))
    image, _units, _titles, _shortened = diagram_image(
        (snap, None, colours, font), QSize(640, 400), 1.0
    )
    in_w, top = 112, (28 + 376) / 2 - 56  # paint_diagram's input box for a 400 px height
    assert QColor(image.pixel(18, round(top) + 2)).value() < 40  # a blank corner: black paper
    ink = snap.trace.image28 > 200
    r, c = np.argwhere(ink)[0]  # an inked input pixel: drawn white
    x, y = 16 + (c + 0.5) * in_w / 28, top + (r + 0.5) * in_w / 28
    assert QColor(image.pixel(round(x), round(y))).value() > 150
    small = QFont(font)
    small.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
    box = QRectF(QFontMetrics(small).boundingRect("Input 28×28")).translated(16, top - 6)
    for py in range(int(box.top()), int(box.bottom())):
        for px in range(int(box.left()), int(box.right())):
            colour = QColor(image.pixel(px, py))
            # text (black) on its white patch: grey levels only, no red or blue link
            assert abs(colour.red() - colour.blue()) < 24, (px, py, colour.name())


def test_the_feature_map_rows_are_named_as_layers_not_counts(qtbot, window_factory):
    """walk50 D12: "1 Conv2D filters (3×3 kernels)" and "1 Conv2D 32×26×26" read as a count
    ("1 filters"); each row names its layer."""
    desk = window_factory(classifier=_shipped("mnist-cnn"))
    page = _open_inside(qtbot, desk)
    with qtbot.waitSignal(page.updated, timeout=60000):
        desk.window.canvas.draw_stroke([(140, 40), (140, 240)], width=20)
    qtbot.waitUntil(lambda: bool(page.maps._rows), timeout=60000)
    titles = [title for _, title, _, _ in page.maps._rows]
    assert titles[0] == "Input  1×28×28"
    assert not [t for t in titles if t[0].isdigit()], titles
    assert "Conv 1 filters (3×3 kernels)" in titles, titles
    named = [t.split("  ")[0] for t in titles]
    assert named[2:5] == ["Conv 1", "Pool 1", "Pool 1 ReLU"], titles  # mnist-cnn pools, then ReLU


def test_the_weight_lines_leave_the_input_picture_uncovered(qtbot, window_factory):
    """walk51 D10: the strongest input links were drawn from their pixels over the "Input
    28×28" picture, so the drawing was hard to see; the picture now lies over them."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QFont

    from nndesk.ui.inside_diagram import diagram_image

    desk = window_factory(classifier=_shipped("mnist-mlp"))
    page = _open_inside(qtbot, desk)
    with qtbot.waitSignal(page.updated, timeout=60000):
        desk.window.canvas.draw_stroke([(140, 40), (140, 240)], width=20)
    qtbot.waitUntil(lambda: page.snapshot() is not None, timeout=60000)
    colours = (QColor("black"), QColor("white"), QColor("orange"))
    image, _units, _titles, _shortened = diagram_image(
        (page.snapshot(), None, colours, QFont(page.font())), QSize(640, 400), 1.0
    )
    in_w, top = 112, (28 + 376) / 2 - 56  # paint_diagram's input box for a 400 px height
    coloured = [
        (px, py)
        for py in range(round(top) + 2, round(top + in_w) - 2)
        for px in range(18, 16 + in_w - 2)
        if abs(QColor(image.pixel(px, py)).red() - QColor(image.pixel(px, py)).blue()) > 24
    ]
    assert coloured == [], coloured[:5]  # grey levels only: no red or blue link over it
    gap = 16 + in_w + 20  # between the picture and the first column: the links are there
    assert any(
        abs(QColor(image.pixel(gap, y)).red() - QColor(image.pixel(gap, y)).blue()) > 24
        for y in range(28, 376)
    )
