"""The Inside page's two pictures: every channel of every feature map, and one unit's weights.

``FeatureMaps`` paints the tiles ``nndesk.inside_maps`` prepared (one row per layer, borrowed, not
copied) and reports which pixel was clicked; ``WeightPicture`` draws a first-layer unit's weights
as a 28x28 diverging image, or a deeper unit's as bars. Both only paint what they are given.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from nndesk import inside_maps
from nndesk.layer_words import layer_names
from nndesk.ui import qt_image
from nndesk.ui.inside_diagram import NEG, POS
from nndesk.ui.language import translate

TILE = inside_maps.TILE  # px, one channel of a feature map
TILE_GAP = 4


# ---- feature maps -----------------------------------------------------------------------------
class FeatureMaps(QWidget):
    """Every channel of every spatial layer as a tile, and the first layer's filters; click a
    pixel to select it (``pixel_clicked(layer, channel, row, col)``).

    The tiles come ready from the prediction worker (``InsideSnapshot.maps``: one RGBA strip per
    row, already tile-sized), so a snapshot costs the GUI thread one QImage per row and a paint
    blits only the tiles the scroll area shows."""

    pixel_clicked = Signal(int, int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        #: (layer index or -1 for the filters, title, strip QImage, channels)
        self._rows: list[tuple[int, str, QImage, int]] = []
        self._strips: list[np.ndarray] = []  # the pixels the row QImages borrow
        self._tiles: dict[tuple[int, int], QRectF] = {}
        self._shapes: dict[int, tuple[int, int]] = {}
        self._marks: list[tuple[int, int, QRectF, QColor]] = []
        self._snapshot = None

    def set_snapshot(self, snapshot, marks) -> None:
        """``marks``: [(layer, channel, rect in map pixels, colour)] outlined on the tiles."""
        self._marks = marks
        if snapshot is self._snapshot and (snapshot is None or self._rows):
            self.update()  # the same drawing, another selection: only the marks moved
            return
        self._snapshot = snapshot
        self._rows, self._strips, self._shapes = [], [], {}
        if snapshot is not None:
            rows = snapshot.maps or inside_maps.render_rows(snapshot.model, snapshot.trace)
            names = layer_names(snapshot.model)  # "Conv 1", as the Lab and the Map (walk59 D11)
            for k, row in enumerate(rows):
                c, h, w = row.shape
                if row.kind == "input":
                    title = translate("InsideView", "Input")
                elif row.kind == "filters":  # the convolution they belong to comes next
                    title = translate("InsideView", "{layer} filters (3×3 kernels)").format(
                        layer=names[rows[k + 1].layer]
                    )
                else:
                    # "Pool 1", as the arithmetic names it ("1 Conv2D filters" read as a
                    # count, walk50 D12; "Layer 2" was the model's index, walk59 D11)
                    title = names[row.layer]
                strip = row.tiles  # uint32 (c * TILE, TILE), contiguous: borrowed, not copied
                image = QImage(strip.data, TILE, c * TILE, 4 * TILE, QImage.Format.Format_RGB32)
                self._strips.append(strip)
                if row.kind != "filters":
                    title = f"{title}  {c}×{h}×{w}"
                    self._shapes[row.layer] = (h, w)
                self._rows.append((row.layer, title, image, c))
        self._relayout()
        self.update()

    def tile_rect(self, layer: int, channel: int) -> QRectF | None:
        return self._tiles.get((layer, channel))

    def _relayout(self) -> None:
        per_row = max(1, (self.width() - 8) // (TILE + TILE_GAP))
        y = 4
        self._tiles = {}
        for index, _title, _image, channels in self._rows:
            y += 20
            for c in range(channels):
                r, k = divmod(c, per_row)
                self._tiles[(index, c)] = QRectF(
                    4 + k * (TILE + TILE_GAP), y + r * (TILE + TILE_GAP), TILE, TILE
                )
            y += math.ceil(channels / per_row) * (TILE + TILE_GAP) + 6
        self.setFixedHeight(max(y, 40))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout()

    def mousePressEvent(self, event) -> None:
        pos = event.position()
        for (index, channel), rect in self._tiles.items():
            if index >= 0 and rect.contains(pos):
                h, w = self._shapes[index]
                row = min(h - 1, int((pos.y() - rect.top()) / rect.height() * h))
                col = min(w - 1, int((pos.x() - rect.left()) / rect.width() * w))
                self.pixel_clicked.emit(index, channel, row, col)
                return
        super().mousePressEvent(event)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        text = self.palette().windowText().color()
        painter.setPen(text)
        if not self._rows:
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                translate("InsideView", "Draw something to see inside"),
            )
            return
        exposed = QRectF(event.rect())  # the scroll area shows a part: paint only that
        for index, title, image, channels in self._rows:
            first = self._tiles[(index, 0)]
            if first.top() - 20 <= exposed.bottom() and first.top() - 6 >= exposed.top() - 20:
                painter.setPen(text)
                painter.drawText(QPointF(4, first.top() - 6), title)
            for c in range(channels):
                tile = self._tiles[(index, c)]
                if tile.intersects(exposed):  # unscaled: a blit from the row's strip
                    painter.drawImage(tile.topLeft(), image, QRectF(0, c * TILE, TILE, TILE))
        for index, channel, rect, colour in self._marks:
            tile = self._tiles.get((index, channel))
            if tile is None:
                continue
            h, w = self._shapes[index]
            sx, sy = tile.width() / w, tile.height() / h
            painter.setPen(QPen(colour, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(
                QRectF(
                    tile.left() + rect.left() * sx,
                    tile.top() + rect.top() * sy,
                    rect.width() * sx,
                    rect.height() * sy,
                )
            )
        painter.end()


# ---- small pictures for the arithmetic ---------------------------------------------------------
class WeightPicture(QWidget):
    """A unit's incoming weights: a 28x28 image for a first layer, else a bar chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(150, 150)
        self._weights: np.ndarray | None = None
        self._caption = ""
        self._picture = False

    def set_weights(
        self, weights: np.ndarray | None, caption: str = "", picture: bool = False
    ) -> None:
        """``picture``: the weights are a first layer's, one per input pixel (28x28); a deeper
        layer's, one per hidden unit, are bars even when there are 784 of them."""
        self._weights, self._caption, self._picture = weights, caption, picture
        self.update()

    def is_picture(self) -> bool:
        return self._weights is not None and self._picture

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        pal = self.palette()
        painter.setPen(pal.windowText().color())
        # the caption on as many lines as its words need at this font: on one line of 18 px
        # "Trọng số của nút (28×28)" at Larger text was cut on both sides (walk61 D18)
        flags = int(
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap
        )
        room = QRect(0, 0, self.width(), self.height() // 2)
        caption_h = painter.fontMetrics().boundingRect(room, flags, self._caption).height()
        caption_h = max(18, caption_h + 2) if self._caption else 18
        area = QRectF(4, 4, self.width() - 8, self.height() - caption_h - 6)
        painter.drawText(
            QRectF(0, self.height() - caption_h, self.width(), caption_h), flags, self._caption
        )
        w = self._weights
        if w is None:
            return
        limit = float(np.max(np.abs(w))) or 1.0
        if self._picture and w.size == 784:
            side = min(area.width(), area.height())
            target = QRectF(area.left() + (area.width() - side) / 2, area.top(), side, side)
            painter.drawImage(
                target, qt_image.rgba_to_qimage(qt_image.diverging_opaque(w.reshape(28, 28), limit))
            )
            return
        mid = area.center().y()
        bar = area.width() / w.size
        painter.setPen(Qt.PenStyle.NoPen)
        for i, v in enumerate(w):
            painter.setBrush(POS if v > 0 else NEG)
            height = float(v) / limit * area.height() / 2
            painter.drawRect(
                QRectF(area.left() + i * bar, mid - max(height, 0), max(bar, 1.0), abs(height))
            )
        painter.setPen(pal.mid().color())
        painter.drawLine(QPointF(area.left(), mid), QPointF(area.right(), mid))
        painter.end()
