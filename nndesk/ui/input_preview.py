"""The 28x28 model input, enlarged, with the saliency overlay."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Slot
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QSizePolicy,
    QWidget,
)

from nndesk.ui import qt_image
from nndesk.ui.language import translate

PLACEHOLDER_FLAGS = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap


class InputPreview(QWidget):
    """The 28x28 model input, enlarged nearest-neighbour with a faint pixel grid.

    With ``set_saliency`` and the overlay on, red pixels push towards the answer, blue ones away.
    """

    def __init__(self, cell: int = 7, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cell = cell
        self._image28: np.ndarray | None = None
        self._saliency: np.ndarray | None = None
        self._overlay = False
        self._placeholder = translate("InputPreview", "nothing drawn")
        self._grid: QImage | None = None  # cached by _grid_image
        # 3 px an input pixel at the least: a short column (1024x700) shrinks it to keep the bars
        self.setMinimumSize(28 * 3, 28 * 3)
        # shrinks (staying square when painted) when the window is narrow, never grows
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        self.setToolTip(
            translate(
                "InputPreview",
                "Exactly what the network receives: your drawing cropped, scaled to 28×28 and "
                "centred like the training images. Each square is one input pixel.",
            )
        )

    def sizeHint(self) -> QSize:
        return QSize(28 * self._cell + 1, 28 * self._cell + 1)

    def image(self) -> np.ndarray | None:
        return self._image28

    @Slot(object)
    def set_image(self, image28: np.ndarray | None) -> None:
        """Show a (28, 28) array in [0, 255] (None: blank)."""
        self._image28 = None if image28 is None else np.asarray(image28, np.float32).copy()
        self.update()

    def saliency(self) -> np.ndarray | None:
        """The (28, 28) saliency the overlay shows when on (None: none)."""
        return self._saliency

    @Slot(object)
    def set_saliency(self, saliency: np.ndarray | None) -> None:
        self._saliency = None if saliency is None else np.asarray(saliency, np.float32).copy()
        self.update()

    @Slot(bool)
    def set_overlay_visible(self, on: bool) -> None:
        self._overlay = bool(on)
        self.update()

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height()) - 1
        cell = side / 28.0
        rect = QRectF(0, 0, 28 * cell, 28 * cell)
        painter.fillRect(rect, QColor(0, 0, 0))
        if self._image28 is not None:
            # no smoothing: each input pixel stays a visible square
            painter.drawImage(rect, qt_image.gray_to_qimage(self._image28))
            if self._overlay and self._saliency is not None:
                painter.drawImage(
                    rect, qt_image.rgba_to_qimage(qt_image.diverging_rgba(self._saliency))
                )
        else:
            painter.setPen(QColor(140, 140, 140))
            painter.setFont(self.placeholder_font())
            painter.drawText(self._placeholder_rect(), PLACEHOLDER_FLAGS, self._placeholder)
        if cell >= 4:  # the grid would swamp a small preview
            painter.drawImage(0, 0, self._grid_image(cell))
        painter.end()

    def _placeholder_rect(self) -> QRectF:
        side = min(self.width(), self.height()) - 1
        return QRectF(3, 3, side - 6, side - 6)

    def placeholder_font(self) -> QFont:
        """The widget's font, wrapped and made smaller until the placeholder fits the box (the
        84 px preview of a 1024x700 screen let "nothing drawn" run over its edges)."""
        font = QFont(self.font())
        rect = self._placeholder_rect()
        size = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
        while size > 5.0:
            font.setPointSizeF(size)
            used = QFontMetricsF(font).boundingRect(rect, PLACEHOLDER_FLAGS, self._placeholder)
            if used.width() <= rect.width() and used.height() <= rect.height():
                break
            size -= 0.5
        return font

    def _grid_image(self, cell: float) -> QImage:
        """The faint pixel grid as one transparent image, drawn once per size: 58 translucent
        lines drawn one by one cost more than the whole prediction (docs/performance.md)."""
        side = round(28 * cell) + 1
        if self._grid is None or self._grid.width() != side:
            rgba = np.zeros((side, side, 4), np.uint8)
            lines = [round(i * cell) for i in range(29)]
            rgba[lines, :] = (128, 128, 128, 60)
            rgba[:, lines] = (128, 128, 128, 60)
            self._grid = qt_image.rgba_to_qimage(rgba)
        return self._grid
