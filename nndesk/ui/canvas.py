"""DrawingCanvas: white ink on black 280x280 off-screen image, round pen, fill, undo/redo, drop."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTabletEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from nndesk.controllers.pasted_image import image_payload
from nndesk.fill import changes, flood_fill, is_background, leaves_no_paper, region
from nndesk.preprocess import CANVAS_SIZE
from nndesk.ui import qt_image

UNDO_LIMIT = 50
DEFAULT_PEN = {"digits": 20, "garments": 30}
#: The eraser's own size in canvas pixels, in both modes: the garment hints' "two small pockets
#: erased" read Coat at 6-12 px and Shirt at the pen's 30 px, whose holes are no pockets (walk70 M2)
DEFAULT_ERASER = 8
INK, PAPER = 255, 0  # the MNIST convention: bright strokes on black


def blank_history() -> tuple[QImage, list[QImage], list[QImage]]:
    """An empty sheet with nothing to undo or redo (``DrawingCanvas.restore_history``)."""
    image = QImage(CANVAS_SIZE, CANVAS_SIZE, QImage.Format.Format_Grayscale8)
    image.fill(PAPER)
    return image, [], []


HINT_MARGIN = 8  # px at least between the blank canvas's grey text and its edges


class DrawingCanvas(QWidget):
    """Paint into an off-screen Grayscale8 QImage on mouse events; paintEvent only blits it.

    Tablets and touch screens work because Qt turns their events into mouse events (we never set
    ``WA_AcceptTouchEvents``); a tablet's pressure scales the pen when it is available.
    """

    image_changed = Signal(object)  # np.ndarray uint8 (280, 280), a copy, after every change
    stroke_finished = Signal()  # the mouse/pen was released after drawing
    file_dropped = Signal(str)  # local path of an image file dropped onto the canvas
    image_dropped = Signal(object)  # bytes | QImage: image data dropped (no file), undecoded
    # a Fill click did nothing, and why: "empty" (nothing drawn yet), "whole" (the canvas
    # would be all ink: an outline with a gap) or "background" (outside the drawing)
    fill_refused = Signal(str)
    # the Fill tool was turned on (True) or off: by the button, F or Esc, by the eraser turned
    # on (one tool at a time), or on Clear (an empty canvas has nothing to fill)
    fill_tool_changed = Signal(bool)
    # the eraser was turned on (True) or off: by its button, E or Esc, or by Fill turned on
    eraser_changed = Signal(bool)
    # a click filled a region; Fill stays on for the next outline
    filled = Signal()
    # Clear blanked a drawing (not a blank canvas cleared again, nor an undo to blank)
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage(CANVAS_SIZE, CANVAS_SIZE, QImage.Format.Format_Grayscale8)
        self._image.fill(PAPER)
        self._undo: list[QImage] = []
        self._redo: list[QImage] = []
        self._last: QPointF | None = None
        self._pen_width = DEFAULT_PEN["digits"]
        self._eraser_width = DEFAULT_ERASER
        self._eraser = False
        self._fill = False
        self._pressure = 1.0
        self._hint = ""
        self.setAcceptDrops(True)
        self.setMinimumSize(CANVAS_SIZE, CANVAS_SIZE)  # until its column sizes it (fit_canvas)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Drawing canvas")

    # ---- public API -------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(CANVAS_SIZE, CANVAS_SIZE)

    def array(self) -> np.ndarray:
        """The current drawing, ``uint8 (280, 280)``, white ink on black (a copy)."""
        return qt_image.to_array(self._image)

    def is_blank(self) -> bool:
        return not self.array().any()

    def is_drawing(self) -> bool:
        """Whether a stroke is under way (the mouse or pen is down and drawing)."""
        return self._last is not None

    def pen_width(self) -> int:
        return self._pen_width

    @Slot(int)
    def set_pen_width(self, width: int) -> None:
        """Pen diameter in canvas pixels (the model sees it ten times thinner)."""
        self._pen_width = max(1, int(width))

    def eraser_width(self) -> int:
        return self._eraser_width

    @Slot(int)
    def set_eraser_width(self, width: int) -> None:
        """The eraser's diameter in canvas pixels: a size of its own, as in a paint program."""
        self._eraser_width = max(1, int(width))

    def tool_width(self) -> int:
        """The width a drag paints with now: the eraser's while it is on, else the pen's."""
        return self._eraser_width if self._eraser else self._pen_width

    def eraser(self) -> bool:
        return self._eraser

    @Slot(bool)
    def set_eraser(self, on: bool) -> None:
        """While on, the pen draws paper: a drag erases. Turning it on turns Fill off."""
        if bool(on) == self._eraser:
            return
        if on:
            self.set_fill_tool(False)
        self._eraser = bool(on)
        self.eraser_changed.emit(self._eraser)

    def fill_tool(self) -> bool:
        return self._fill

    @Slot(bool)
    def set_fill_tool(self, on: bool) -> None:
        """While on, a click fills the region around it with ink instead of drawing, until Fill
        is turned off. One tool at a time, as in a paint program's palette: turning Fill on
        turns the eraser off (an eraser drag with Fill on emptied a whole shape, s63)."""
        if bool(on) == self._fill:
            return
        if on:
            self.set_eraser(False)
        self._fill = bool(on)
        self.setCursor(Qt.CursorShape.PointingHandCursor if on else Qt.CursorShape.CrossCursor)
        self.fill_tool_changed.emit(self._fill)

    def fill_at(self, x: float, y: float) -> bool:
        """Flood-fill the region around canvas pixel (x, y) with ink as one undoable step.

        Returns False (and records nothing) when the fill changes no pixel, e.g. a click on ink,
        when ink would cover the whole canvas (an empty one, or an outline with a gap: a canvas
        all ink reads as "nothing drawn"), and when the click is on the paper around the
        drawing (``fill.is_background``). Then ``fill_refused`` says which.
        """
        image, ix, iy = self.array(), int(x), int(y)
        if not changes(image, ix, iy, INK):
            return False
        around = region(image, ix, iy)  # found once: both refusals and the fill read it
        if leaves_no_paper(image, ix, iy, around):
            self.fill_refused.emit("empty" if not image.any() else "whole")
            return False
        if is_background(image, ix, iy, around):
            self.fill_refused.emit("background")
            return False
        filled = flood_fill(image, ix, iy, INK, around)
        if filled is None:
            return False
        self._push_undo()
        self._image = qt_image.gray_to_qimage(filled)
        self._changed()
        self.stroke_finished.emit()
        # Fill stays on, as a paint program's bucket does: it turned itself off after one fill,
        # and a user pressing F "to turn it off" armed it again (s63); the button shows it
        # checked and the status line says what a click does until F, Esc or Fill ends it
        self.filled.emit()
        return True

    def set_hint(self, text: str) -> None:
        """Grey text drawn over an empty canvas, e.g. "Draw a digit 0-9"."""
        self._hint = text
        self.update()

    def can_undo(self) -> bool:
        return bool(self._undo)

    @Slot()
    def undo(self) -> None:
        if not self._undo:
            return
        self._redo.append(self._image.copy())
        self._image = self._undo.pop()
        self._changed()

    @Slot()
    def redo(self) -> None:
        if not self._redo:
            return
        self._undo.append(self._image.copy())
        self._image = self._redo.pop()
        self._changed()

    @Slot()
    def clear(self) -> None:
        """Blank the canvas (undoable); the pen draws next (an empty canvas has nothing to
        fill)."""
        self.set_fill_tool(False)
        if self.is_blank():
            return
        self._push_undo()
        self._image.fill(PAPER)
        self._changed()
        self.cleared.emit()

    def set_array(self, array: np.ndarray) -> None:
        """Replace the drawing with ``uint8 (280, 280)`` white-on-black pixels (undoable)."""
        a = np.asarray(array)
        if a.shape != (CANVAS_SIZE, CANVAS_SIZE):
            raise ValueError(f"canvas images are {CANVAS_SIZE}x{CANVAS_SIZE}, got {a.shape}")
        self._push_undo()
        self._image = qt_image.gray_to_qimage(a)
        self._changed()

    def history(self) -> tuple[QImage, list[QImage], list[QImage]]:
        """The drawing with its undo and redo steps (copies), for ``restore_history``."""
        return self._image.copy(), [i.copy() for i in self._undo], [i.copy() for i in self._redo]

    def restore_history(self, history: tuple[QImage, list[QImage], list[QImage]]) -> None:
        """Take over a drawing and its undo/redo steps from ``history()`` (the window rebuilt
        in another language keeps what was drawn, and Ctrl+Z still steps back through it)."""
        image, undo, redo = history
        self._image, self._undo, self._redo = image.copy(), list(undo), list(redo)
        self._changed()

    def draw_stroke(self, points: list[tuple[float, float]], width: int | None = None) -> None:
        """Draw a polyline in canvas pixel coordinates as one undoable stroke (scripts, tests)."""
        if not points:
            return
        self._push_undo()
        painter = self._painter(width or self.tool_width())
        if len(points) == 1:
            painter.drawPoint(QPointF(*points[0]))
        for a, b in zip(points, points[1:], strict=False):
            painter.drawLine(QPointF(*a), QPointF(*b))
        painter.end()
        self._changed()
        self.stroke_finished.emit()

    # ---- drawing ----------------------------------------------------------------------------
    def _painter(self, width: float) -> QPainter:
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        value = PAPER if self._eraser else INK
        pen = QPen(QColor(value, value, value), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        return painter

    def _push_undo(self) -> None:
        self._undo.append(self._image.copy())
        del self._undo[:-UNDO_LIMIT]
        self._redo.clear()

    def _changed(self) -> None:
        self.update()
        self.image_changed.emit(self.array())

    def _target_rect(self) -> QRectF:
        """Where the square image is shown inside the widget (centred, as large as fits)."""
        side = min(self.width(), self.height())
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def _to_image(self, pos: QPointF) -> QPointF:
        rect = self._target_rect()
        scale = CANVAS_SIZE / rect.width() if rect.width() else 1.0
        return QPointF((pos.x() - rect.x()) * scale, (pos.y() - rect.y()) * scale)

    def _line_to(self, point: QPointF) -> None:
        painter = self._painter(self.tool_width() * self._pressure)
        if self._last is None:
            painter.drawPoint(point)
        else:
            painter.drawLine(self._last, point)
        painter.end()
        self._last = point
        self._changed()

    # ---- events -----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        if self._fill:
            point = self._to_image(event.position())
            self.fill_at(point.x(), point.y())
            return None
        self._push_undo()
        self._last = None
        self._line_to(self._to_image(event.position()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not (event.buttons() & Qt.MouseButton.LeftButton) or self._last is None:
            return super().mouseMoveEvent(event)
        self._line_to(self._to_image(event.position()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._last is None:
            return super().mouseReleaseEvent(event)
        self._last = None
        self._pressure = 1.0
        self.stroke_finished.emit()

    def tabletEvent(self, event: QTabletEvent) -> None:
        # remember the pressure and ignore the event: Qt then synthesises the mouse event we draw
        # with, so pen, mouse and touch share one code path
        pressure = event.pressure()
        self._pressure = float(np.clip(0.4 + 0.8 * pressure, 0.4, 1.2)) if pressure > 0 else 1.0
        event.ignore()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self._target_rect()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(rect, self._image)
        if self._hint and self.is_blank():
            painter.setPen(QColor(150, 150, 150))
            font = painter.font()
            font.setPointSizeF(font.pointSizeF() * 1.2)
            painter.setFont(font)
            # wrapped inside a margin: in the whole width "Hình vẽ ở chế độ Chữ số vẫn được
            # giữ: nó trở" filled a 406 px canvas edge to edge, its ends cut (walk65 D1)
            margin = max(HINT_MARGIN, rect.width() / 20)
            painter.drawText(
                rect.adjusted(margin, margin, -margin, -margin),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._hint,
            )
        frame = self.palette().mid().color()
        painter.setPen(QPen(frame, 1))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.end()

    def dragEnterEvent(self, event) -> None:
        mime = event.mimeData()
        if mime.hasImage() or any(url.isLocalFile() for url in mime.urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        mime = event.mimeData()
        files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        if files:
            self.file_dropped.emit(str(Path(files[0])))
        else:
            payload = image_payload(mime)  # decoded and scaled later, in the prediction worker
            if payload is not None:
                self.image_dropped.emit(payload)
        event.acceptProposedAction()
