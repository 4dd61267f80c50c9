"""The robustness figure's image with its damaged test images to choose: a click on one, or
the arrows and Enter once Tab brought the focus here, asks for it to be opened (fixI #1: a
lecturer who saw a "2" read as 8 under noise 0.35 could not open it to ask why).

The figure is a rendered picture (``ChartImage``); where each damaged image sits in it comes
from ``robustness_figure.image_boxes``, given with the image (``set_images``).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QScrollArea, QToolTip, QWidget

from nndesk.ui.chart_image import ChartImage
from nndesk.ui.grid_keys import ARROW_STEPS, FOCUS_FRAME, OPEN_KEYS

#: the current image's outline (the confusion matrix's chosen cell's colour)
OUTLINE_COLOUR, OUTLINE_PX = "#F5A623", 2.5

#: (kind, level's index, (left, top, width, height) in figure px)
Boxes = list[tuple[str, int, tuple[float, float, float, float]]]


class DamageChart(ChartImage):
    """A ``ChartImage`` whose damaged test images can be chosen by mouse or keyboard."""

    #: kind of damage, level's index: the person chose that image (a click, Enter or Space)
    image_chosen = Signal(str, int)
    #: kind, level's index: the keyboard moved to that image (the page says what it is)
    image_current = Signal(str, int)

    def __init__(self, min_width: int, min_height: int, parent: QWidget | None = None) -> None:
        super().__init__(min_width, min_height, parent)
        self.setMouseTracking(True)
        self._boxes: Boxes = []
        self._figure_width = 1.0  # px the figure the boxes are of was drawn at
        self.current: tuple[str, int] | None = None  # the image the keys are on
        self.describe = lambda kind, i: ""  # the page's words for an image (its tooltip)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_images(self, boxes: Boxes, figure_width: float) -> None:
        """The images of the figure shown (``image_boxes`` of a figure ``figure_width`` px
        wide); none: nothing to choose, and Tab passes by."""
        self._boxes, self._figure_width = list(boxes), max(float(figure_width), 1.0)
        if self.current not in {(kind, i) for kind, i, _ in self._boxes}:
            self.current = None
        policy = Qt.FocusPolicy.StrongFocus if self._boxes else Qt.FocusPolicy.NoFocus
        self.setFocusPolicy(policy)
        self.update()

    def clear_image(self) -> None:
        super().clear_image()
        self.set_images([], 1.0)

    # ---- where the images are ------------------------------------------------------------------
    def _picture_rect(self) -> QRectF | None:
        """Where the figure's picture is painted in this label, or None (a note instead)."""
        pixmap = self.pixmap()
        if pixmap.isNull() or self.image is None:
            return None
        size = pixmap.deviceIndependentSize()
        room = QRectF(self.contentsRect())
        left = room.x() + (room.width() - size.width()) / 2  # the label centres it
        top = room.y() + (room.height() - size.height()) / 2
        return QRectF(left, top, size.width(), size.height())

    def image_rect(self, kind: str, i: int) -> QRectF | None:
        """Where the image ``i`` of ``kind`` is on this label, or None."""
        rect = self._picture_rect()
        if rect is None:
            return None
        scale = rect.width() / self._figure_width
        for k, j, (x, y, w, h) in self._boxes:
            if (k, j) == (kind, i):
                return QRectF(rect.x() + x * scale, rect.y() + y * scale, w * scale, h * scale)
        return None

    def image_at(self, point: QPointF) -> tuple[str, int] | None:
        """The (kind, level's index) of the image under ``point``, or None."""
        for kind, i, _ in self._boxes:
            rect = self.image_rect(kind, i)
            if rect is not None and rect.contains(point):
                return kind, i
        return None

    # ---- mouse ---------------------------------------------------------------------------------
    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        under = self.image_at(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if under else Qt.CursorShape.ArrowCursor)
        self.setToolTip(self.describe(*under) if under else "")
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        under = self.image_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and under is not None:
            self.current = under
            self.update()
            self.image_chosen.emit(*under)
            return
        super().mousePressEvent(event)

    # ---- keyboard ------------------------------------------------------------------------------
    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        # by the keyboard: a current image at once; a click names its own (and moving to the
        # first image would scroll the page away from the one clicked)
        by_mouse = event.reason() == Qt.FocusReason.MouseFocusReason
        if self.current is None and self._boxes and not by_mouse:
            self._move_to(self._boxes[0][0], self._boxes[0][1])
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.update()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self._boxes or (event.key() not in ARROW_STEPS and event.key() not in OPEN_KEYS):
            super().keyPressEvent(event)
            return
        if self.current is None:
            self._move_to(self._boxes[0][0], self._boxes[0][1])
            return
        if event.key() in OPEN_KEYS:
            self.image_chosen.emit(*self.current)
            return
        kinds = list(dict.fromkeys(kind for kind, _, _ in self._boxes))
        counts = {kind: sum(1 for k, _, _ in self._boxes if k == kind) for kind in kinds}
        rows, columns = ARROW_STEPS[event.key()]
        row = min(max(kinds.index(self.current[0]) + rows, 0), len(kinds) - 1)
        kind = kinds[row]
        self._move_to(kind, min(max(self.current[1] + columns, 0), counts[kind] - 1))

    def _move_to(self, kind: str, i: int) -> None:
        self.current = (kind, i)
        self.update()
        self.image_current.emit(kind, i)
        rect = self.image_rect(kind, i)
        if rect is not None:
            self._scroll_to(rect)
        if rect is not None and self.isVisible():  # what it is, where it is
            at = self.mapToGlobal(rect.bottomLeft().toPoint())
            QToolTip.showText(at, self.describe(kind, i), self)

    def _scroll_to(self, rect: QRectF) -> None:
        """The page scrolled so that ``rect`` (with its captions) is in sight: the arrows went
        to a row under the fold, and its outline could not be seen (fixI's real window)."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is None or parent.widget() is None:
            return
        centre = self.mapTo(parent.widget(), rect.center().toPoint())
        margin_x = int(rect.width() / 2) + 8
        margin_y = int(rect.height() / 2) + 2 * self.fontMetrics().height()  # its captions
        parent.ensureVisible(centre.x(), centre.y(), margin_x, margin_y)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self.hasFocus():
            return
        painter = QPainter(self)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = None if self.current is None else self.image_rect(*self.current)
        if rect is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(OUTLINE_COLOUR), OUTLINE_PX))
            painter.drawRect(rect.adjusted(-3, -3, 3, 3))  # outside the answer's own frame
        # a frame where the keys act, as the confusion matrix has
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), FOCUS_FRAME))
        half = FOCUS_FRAME / 2
        painter.drawRect(QRectF(self.rect()).adjusted(half, half, -half, -half))
