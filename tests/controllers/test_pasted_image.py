"""Clipboard and drop image data: taken undecoded on the GUI thread, decoded and scaled in the
prediction worker with the same limits as an image file."""

from __future__ import annotations

import io
import threading

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QColor, QImage, QPainter

from nndesk.controllers import pasted_image
from nndesk.controllers.pasted_image import image_payload, payload_pixels
from nndesk.controllers.prediction import PredictionController
from nndesk.errors import PreprocessError
from nndesk.preprocess import CANVAS_DECODE_SIDE, CANVAS_SIZE
from tests.hostile import cases


@pytest.fixture
def controller(qtbot):
    ctl = PredictionController()
    yield ctl
    ctl.shutdown()


def png_bytes(array: np.ndarray) -> bytes:
    out = io.BytesIO()
    Image.fromarray(array).save(out, format="PNG")
    return out.getvalue()


def bar_on_paper(height: int, width: int) -> np.ndarray:
    paper = np.full((height, width), 255, np.uint8)
    paper[height // 10 : -height // 10, width // 2 - width // 20 : width // 2 + width // 20] = 0
    return paper


def test_image_payload_takes_encoded_bytes_first_then_qt_image_then_nothing():
    data = png_bytes(bar_on_paper(40, 30))
    both = QMimeData()
    both.setData("image/png", data)
    both.setImageData(QImage(5, 5, QImage.Format.Format_RGB32))
    assert image_payload(both) == data
    only_image = QMimeData()
    image = QImage(7, 3, QImage.Format.Format_RGB32)
    only_image.setImageData(image)
    got = image_payload(only_image)
    assert isinstance(got, QImage) and (got.width(), got.height()) == (7, 3)
    text = QMimeData()
    text.setText("not an image")
    assert image_payload(text) is None and image_payload(None) is None


def test_a_large_qimage_is_scaled_in_the_worker_not_on_the_gui_thread(
    qtbot, controller, monkeypatch
):
    threads: list[threading.Thread] = []
    sides: list[tuple[int, int]] = []
    real = pasted_image.qimage_pixels

    def spying(image, *args):
        threads.append(threading.current_thread())
        pixels = real(image, *args)
        sides.append(pixels.shape[:2])
        return pixels

    monkeypatch.setattr(pasted_image, "qimage_pixels", spying)
    image = QImage(6000, 3000, QImage.Format.Format_RGB32)  # 18 MP, as a screenshot paste
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.fillRect(2900, 1400, 200, 200, QColor("black"))  # a mark the reduction keeps
    painter.end()
    with qtbot.waitSignal(controller.image_ready, timeout=30_000) as blocker:
        controller.open_image(image, "pasted image")
    assert threads and threading.main_thread() not in threads
    # the canvas shows 280x280: longest side CANVAS_DECODE_SIDE, aspect kept
    assert sides == [(CANVAS_DECODE_SIDE // 2, CANVAS_DECODE_SIDE)]
    (pixels,) = blocker.args
    assert pixels.shape == (CANVAS_SIZE, CANVAS_SIZE) and pixels.dtype == np.uint8


def test_pasted_png_bytes_are_decoded_in_the_worker_like_a_file(qtbot, controller):
    with qtbot.waitSignal(controller.image_ready, timeout=30_000) as blocker:
        controller.open_image(png_bytes(bar_on_paper(100, 60)), "pasted image")
    (pixels,) = blocker.args
    assert pixels[140, 140] > 200 and pixels[140, 40] == 0  # the dark bar, as white ink


def test_pasted_bytes_of_a_12000_pixel_png_are_refused_like_the_file(qtbot, controller, tmp_path):
    data = cases.png_huge(tmp_path, pixels=False).read_bytes()
    with qtbot.waitSignal(controller.image_failed, timeout=30_000) as blocker:
        controller.open_image(data, "pasted image")
    (line,) = blocker.args
    assert line.startswith("pasted image: ") and "12000x12000" in line and "\n" not in line


def test_payload_pixels_names_undecodable_bytes():
    with pytest.raises(PreprocessError, match="pasted image: not an image nndesk can read"):
        payload_pixels(b"\x89PNG but not really", "pasted image")
