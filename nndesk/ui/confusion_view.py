"""The clickable confusion matrix: counts over row-normalised colour; a click names a cell.

The matrix is drawn on the render thread (``confusion_figure.MatrixFigure``, its text fitted to
the canvas's room) and shown as an image: drawn on the GUI thread, each matrix blocked the
window for 0.4-1.2 s under load (docs/performance.md). Clicks and hovers are mapped to cells
through the figure the image was drawn from, so they name the cell the user sees.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from nndesk.confusion_figure import MatrixFigure
from nndesk.i18n import QT_TRANSLATE_NOOP, counted, localised
from nndesk.ui import text_size, theme, wheel_guard
from nndesk.ui.grid_keys import ARROW_STEPS, FOCUS_FRAME, OPEN_KEYS
from nndesk.ui.language import percent, translate, translate_marked
from nndesk.ui.off_gui import Delivery, Latest, let_go_off_gui, render_pool, run_latest

#: what the canvas says while the picture of a new matrix is drawn (the last one's is not shown,
#: or shown faded under these words)
DRAWING = QT_TRANSLATE_NOOP("ConfusionView", "Drawing the confusion matrix…")
HINT = QT_TRANSLATE_NOOP(
    "ConfusionView",
    "Click a cell to see its images: off the diagonal the mistakes, on it the correct ones.",
)

#: The canvas's least room (px); the Train page's replay sets its own
LEAST_WIDTH, LEAST_HEIGHT = 320, 300


def cell_said(confusion: np.ndarray, names: Sequence[str], r: int, c: int) -> str:
    """What cell (``r`` true, ``c`` predicted) of ``confusion`` (k, k) holds, in words:
    "true Shirt, predicted Dress: 48 images (8.0% of true Shirt)."."""
    count = int(confusion[r, c])
    row_total = int(confusion[r].sum())
    share = (
        translate("ConfusionView", " ({share} of true {name})").format(
            share=percent(count / row_total, 1), name=names[r]
        )
        if row_total
        else ""
    )
    what = (
        translate("ConfusionView", "{name} recognised correctly").format(name=names[r])
        if r == c
        else translate("ConfusionView", "true {true}, predicted {predicted}").format(
            true=names[r], predicted=names[c]
        )
    )
    return translate("ConfusionView", "{what}: {count}{share}.").format(
        what=what, count=localised(counted(count, "image")), share=share
    )


@dataclass(frozen=True)
class MatrixPicture:
    """A matrix drawn off the GUI thread: its figure (never drawn again) and its pixels."""

    figure: MatrixFigure
    image: QImage  # at the figure's device pixels, its device pixel ratio set
    colours: theme.Colours  # the theme it was asked in


def render_matrix(
    confusion, names, width, height, ratio, highlight, empty_text, colours, zoom=1.0
) -> MatrixPicture:
    """The picture of a matrix for a canvas of ``width`` x ``height`` px (any thread), its
    text ``zoom`` times its own size (View > Text size)."""
    figure = MatrixFigure(confusion, names, width, height, ratio, highlight, empty_text, zoom)
    rgba = figure.draw()
    h, w = int(rgba.shape[0]), int(rgba.shape[1])
    image = QImage(rgba.tobytes(), w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()
    image.setDevicePixelRatio(ratio)
    return MatrixPicture(figure, image, colours)


#: the keys that move the cell highlight (row, column steps) and open the cell (walk66 #7)
CELL_KEYS = (*ARROW_STEPS, *OPEN_KEYS)
#: the chosen cell's outline: painted over the picture by the canvas, at once (drawn into the
#: picture, it followed an arrow key only when the next picture came, seconds under load)
OUTLINE_COLOUR, OUTLINE_PX = "#F5A623", 2.5


class MatrixCanvas(QWidget):
    """Paints the last matrix picture; says where the mouse is (``ConfusionView`` maps it)."""

    pressed = Signal(QPointF)  # a left click, canvas coordinates
    moved = Signal(QPointF)  # the mouse over the canvas (None-free: left is ``left``)
    left = Signal()
    resized = Signal()
    keyed = Signal(int)  # a key pressed while it has the focus (arrows, Enter: a cell by key)
    #: the keyboard brought the focus here (Tab, Shift+Tab, a shortcut; not a click, whose
    #: press names its own cell)
    focused_by_keys = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setProperty(wheel_guard.CHART, True)  # the wheel scrolls the page around it
        self.picture: MatrixPicture | None = None
        #: said in place of the picture while it is of another matrix than the one set (the
        #: figures of an evaluation beside "Evaluating the test images…", walk60 D7b)
        self.waiting_text: str | None = None
        #: said over the picture, faded, while it is of the matrix before the one set (a
        #: replay's step: the title named epoch 6 over epoch 5's counts for seconds, walk62 D5)
        self.pending_text: str | None = None
        #: (row, column) of the chosen cell (clicked, or moved to by the arrows), outlined
        self.marked: tuple[int, int] | None = None

    def mark(self, cell: tuple[int, int] | None) -> None:
        if cell != self.marked:
            self.marked = cell
            self.update()

    def marked_rect(self) -> QRectF | None:
        """Where the chosen cell is on the canvas (None: none, or no picture of its matrix)."""
        shown = self.picture
        if self.marked is None or shown is None or shown.figure.confusion is None:
            return None
        if self.waiting_text is not None or self.pending_text is not None:
            return None
        row, col = self.marked
        if not (0 <= row < len(shown.figure.confusion) and 0 <= col < len(shown.figure.confusion)):
            return None
        x0, y0 = shown.figure.cell_centre(row - 0.5, col - 0.5)
        x1, y1 = shown.figure.cell_centre(row + 0.5, col + 0.5)
        return QRectF(self.from_figure(x0, y0), self.from_figure(x1, y1)).normalized()

    def say_waiting(self, text: str | None) -> None:
        if text != self.waiting_text:
            self.waiting_text = text
            self.update()

    def say_pending(self, text: str | None) -> None:
        if text != self.pending_text:
            self.pending_text = text
            self.update()

    def show_picture(self, picture: MatrixPicture) -> None:
        self.picture = picture
        self.update()

    def image_rect(self) -> QRectF:
        """Where the picture is painted: at its size, or scaled down into a smaller room until
        the picture for that room comes; centred across, at the top (the matrix's anchor)."""
        if self.picture is None:
            return QRectF()
        size = self.picture.image.deviceIndependentSize()
        scale = min(1.0, self.width() / size.width(), self.height() / size.height())
        w, h = size.width() * scale, size.height() * scale
        return QRectF((self.width() - w) / 2, 0, w, h)

    def to_figure(self, point: QPointF) -> tuple[float, float] | None:
        """Canvas coordinates -> the picture's figure's (device-independent px), or None."""
        rect = self.image_rect()
        pending = self.waiting_text is not None or self.pending_text is not None
        if self.picture is None or pending or not rect.contains(point):
            return None  # no cell of a picture whose counts are not the matrix's
        scale = self.picture.figure.width / rect.width()
        return (point.x() - rect.x()) * scale, (point.y() - rect.y()) * scale

    def from_figure(self, x: float, y: float) -> QPointF:
        rect = self.image_rect()
        scale = rect.width() / self.picture.figure.width
        return QPointF(rect.x() + x * scale, rect.y() + y * scale)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        if self.waiting_text is not None:
            painter.setPen(self.palette().windowText().color())
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(self.rect().adjusted(8, 8, -8, -8), flags, self.waiting_text)
            return
        if self.picture is not None and self.picture.colours == theme.colours():
            # (another theme's picture, shown again before its redraw came: the background)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self.image_rect(), self.picture.image)
            if self.pending_text is not None:  # the last matrix, faded under what comes
                veil = QColor(self.palette().window().color())
                veil.setAlphaF(0.75)
                painter.fillRect(self.image_rect(), veil)
                painter.setPen(self.palette().windowText().color())
                flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
                painter.drawText(self.image_rect().adjusted(8, 8, -8, -8), flags, self.pending_text)
        marked = self.marked_rect()
        if marked is not None and self.picture.colours == theme.colours():
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(OUTLINE_COLOUR), OUTLINE_PX))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(marked)
        if self.hasFocus():  # a frame where the keys act (walk66 #7: the focus was invisible)
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), FOCUS_FRAME)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            half = FOCUS_FRAME / 2
            painter.drawRect(QRectF(self.rect()).adjusted(half, half, -half, -half))

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self.update()
        if event.reason() != Qt.FocusReason.MouseFocusReason:
            self.focused_by_keys.emit()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.update()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.pressed.emit(event.position())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.moved.emit(event.position())
        super().mouseMoveEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in CELL_KEYS:
            self.keyed.emit(event.key())
            return
        super().keyPressEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.left.emit()
        super().leaveEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.resized.emit()


class ConfusionView(QWidget):
    """A confusion matrix that turns mouse clicks into ``cell_clicked(true, pred)``."""

    cell_clicked = Signal(int, int)  # true class, predicted class of the clicked cell
    drawn = Signal()  # a new picture is on the canvas (``figure`` and ``ax`` are its)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._confusion: np.ndarray | None = None
        self._names: tuple[str, ...] = ()
        self._selected: tuple[int, int] | None = None
        self._empty_text: str | None = None  # what an empty view says (set_matrix)
        self.canvas = MatrixCanvas()
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumSize(LEAST_WIDTH, LEAST_HEIGHT)
        self.canvas.pressed.connect(self._on_canvas_pressed)
        self.canvas.moved.connect(self._on_canvas_moved)
        self.canvas.left.connect(self._on_canvas_left)
        self.canvas.resized.connect(self._ask)
        # Tab reaches the matrix; arrows move the highlight, Enter opens it as a click does
        # (walk66 #7: the cells could not be opened from the keyboard)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.canvas.setAccessibleName(translate("ConfusionView", "Confusion matrix"))
        self.canvas.keyed.connect(self._on_canvas_keyed)
        self.canvas.focused_by_keys.connect(self._on_canvas_focused_by_keys)
        self.hint = QLabel(translate_marked("ConfusionView", HINT))
        self.hint.setWordWrap(True)
        theme.set_tone(self.hint, "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.hint)
        self._delivery = Delivery()
        self._delivery.delivered.connect(self._on_delivery_delivered)
        self._latest = Latest()  # the picture asked for and not begun (latest wins)
        self._busy = False  # a render job on the pool
        self._asked = 0  # the number of the last picture asked for
        self._shown = 0  # the number of the picture on the canvas
        self._set_from = 1  # the number of the first picture of the matrix set last
        self._stale = False  # something changed while hidden: drawn again when shown
        #: ((general hint, cell template), the hint's texts) of the matrix set (``_hint_texts``)
        self._hint_cache: tuple[tuple[str, str], list[str]] | None = None
        #: ((width, font), height) of the last ``hint_room`` of the texts cached
        self._hint_room: tuple[tuple, int] | None = None
        # the first picture is asked for by the canvas's first resize (at the latest as it is
        # shown), at the room the layout gave it
        # the cells' colours and their counts' ink are the theme's (viz.confusion_colours)
        theme.notifier().changed.connect(self._on_theme_changed)

    @Slot(object, object)
    def least_height(self, width: int) -> int:
        """The view's least height ``width`` px wide: the canvas at its least, and the hint's
        wrapped lines under it (given less, the hint was drawn over the matrix's axis title:
        two lines in Vietnamese at 11 pt, 1024x700), as many as its longest text takes."""
        height = self.canvas.minimumHeight()
        if not self.hint.isHidden():
            height += self.layout().spacing() + self.hint_room(width)
        return height

    def hint_room(self, width: int) -> int:
        """The height (px) the hint under the matrix needs ``width`` px wide for the longest
        of what it says: the general hint, or a hovered cell of this matrix.

        Kept whatever it says now: a hint of one line, then two as the mouse crossed the
        cells, moved the matrix 15 px up and down under the pointer (walk62 D4)."""
        metrics = self.hint.fontMetrics()
        margins = self.hint.contentsMargins()
        texts = self._hint_texts()
        key = (width, self.hint.font().key())
        if self._hint_room is not None and self._hint_room[0] == key:
            return self._hint_room[1]
        inner = max(1, width - margins.left() - margins.right())
        flags = Qt.TextFlag.TextWordWrap
        tallest = max(metrics.boundingRect(0, 0, inner, 1 << 20, flags, t).height() for t in texts)
        room = tallest + margins.top() + margins.bottom()
        self._hint_room = (key, room)
        return room

    def _hint_texts(self) -> list[str]:
        """The general hint and the longest few a hovered cell of this matrix makes: the k x k
        cells' texts are made once per matrix and language, not at every resize."""
        general = translate_marked("ConfusionView", HINT)
        click = translate("ConfusionView", "{said} Click to open them.")
        if self._hint_cache is not None and self._hint_cache[0] == (general, click):
            return self._hint_cache[1]
        texts = [general]
        if self._confusion is not None and self._names:
            k = range(len(self._confusion))
            cells = [cell_said(self._confusion, self._names, r, c) for r in k for c in k]
            # the longest few by characters: the widest wrap is among them
            texts += [click.format(said=said) for said in sorted(cells, key=len)[-4:]]
        self._hint_cache = ((general, click), texts)
        self._hint_room = None  # measured for other texts
        return texts

    def _reserve_hint_room(self) -> None:
        if self.width() > 0:
            self.hint.setMinimumHeight(self.hint_room(self.width()))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._reserve_hint_room()

    def set_matrix(
        self,
        confusion: np.ndarray | None,
        class_names: Sequence[str] = (),
        empty_text: str | None = None,
    ) -> None:
        """Show ``confusion`` (int (k, k), rows true); None clears the view, which then says
        ``empty_text`` (default "No evaluation yet")."""
        self._empty_text = empty_text
        self._confusion = None if confusion is None else np.array(confusion)
        self._names = tuple(class_names)
        self._hint_cache = None  # its cells say other counts
        self._select(None)
        self.reset_hint()
        self._reserve_hint_room()
        # a matrix where none was, or none where one was: until its picture comes the canvas
        # says so, never shows the last (a matrix follows a matrix as it was: a replay steps)
        self._set_from = self._asked + 1
        shown = self.canvas.picture
        had_matrix = (
            self.canvas.waiting_text is None
            and shown is not None
            and shown.figure.confusion is not None
        )
        if self._confusion is not None:
            if not had_matrix:
                self.canvas.say_waiting(translate_marked("ConfusionView", DRAWING))
            else:  # the last matrix stays in place, faded and said to be old, until it comes
                self.canvas.say_pending(translate_marked("ConfusionView", DRAWING))
        elif had_matrix or self.canvas.waiting_text is not None:
            self.canvas.say_waiting(self.empty_text())
        self._ask()

    def empty_text(self) -> str:
        """What the view says with no matrix (``set_matrix``'s ``empty_text``)."""
        return self._empty_text or translate("ConfusionView", "No evaluation yet")

    def reset_hint(self) -> None:
        """Back to the general hint (a hovered cell's counts belong to the previous matrix)."""
        self.hint.setText(translate_marked("ConfusionView", HINT))

    def matrix(self) -> np.ndarray | None:
        return self._confusion

    # the picture on the canvas: what the user sees (None until the first one is drawn)
    @property
    def picture(self) -> MatrixFigure | None:
        return None if self.canvas.picture is None else self.canvas.picture.figure

    @property
    def figure(self):
        return None if self.picture is None else self.picture.figure

    @property
    def ax(self):
        return None if self.picture is None else self.picture.ax

    def renderer(self):
        return self.picture.renderer()

    def current(self) -> bool:
        """Whether the canvas shows the matrix and theme last asked for, at the canvas's room."""
        shown = self.picture
        return (
            not self._stale
            and self._shown == self._asked
            and shown is not None
            and (shown.width, shown.height) == self._room()
        )

    def _room(self) -> tuple[int, int]:
        """The canvas's room a picture is drawn for (px)."""
        size = self.canvas.size().expandedTo(QSize(LEAST_WIDTH // 2, LEAST_HEIGHT // 2))
        return size.width(), size.height()

    def labels_fit(self, renderer=None) -> bool:
        return self.picture.labels_fit(renderer)

    def names_overlap(self, renderer=None) -> bool:
        return self.picture.names_overlap(renderer)

    def counts_fit(self, renderer=None) -> bool:
        return self.picture.counts_fit(renderer)

    def compact(self) -> bool:
        """Whether the columns are numbered, not named (``viz.set_class_labels``)."""
        return self.picture.compact()

    def cell_at(self, point: QPointF) -> tuple[int, int] | None:
        """The cell of the picture shown under ``point`` (canvas coordinates), or None."""
        where = self.canvas.to_figure(point)
        return None if where is None else self.picture.cell_at_pixel(*where)

    def cell_center(self, row: int, col: int) -> QPoint:
        """Where cell (row, col) of the picture shown is on the canvas, in Qt widget pixels."""
        return self.canvas.from_figure(*self.picture.cell_centre(row, col)).toPoint()

    @Slot(object)
    def _on_theme_changed(self, _colours) -> None:
        self._reserve_hint_room()  # a text size step comes as a theme change
        self._ask()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self._ask()

    def _ask(self) -> None:
        """Ask for a picture of the matrix at the canvas's room, in the theme's colours: now if
        the view is on screen, else when it is shown (a hidden page's matrix drawn at a run's
        start took the GIL in turns with the Live tab's first draw)."""
        self._stale = not self.isVisible()
        if self._stale:
            return
        width, height = self._room()
        ratio = self.canvas.devicePixelRatioF()
        empty = self.empty_text()
        confusion, names = self._confusion, self._names
        colours, zoom = theme.colours(), text_size.chart_zoom()
        self._asked += 1
        self._latest.put(
            self._asked,
            lambda _superseded: render_matrix(
                confusion, names, width, height, ratio, None, empty, colours, zoom
            ),
        )
        if not self._busy:
            self._busy = True
            run_latest(render_pool(), self._delivery, self._latest)

    @Slot(object, object)
    def _on_delivery_delivered(self, number, picture) -> None:
        self._busy = False
        if self._latest.waiting():  # asked again while it drew: the newest next
            self._busy = True
            run_latest(render_pool(), self._delivery, self._latest)
        if picture is None or number is None or number < self._shown:
            if picture is not None:  # older than the one on screen
                let_go_off_gui(render_pool(), picture.figure.dismantle)
            return  # nothing drawn (it failed: logged), or older than the one on screen
        replaced = self.canvas.picture
        self._shown = number
        if number >= self._set_from:
            self.canvas.say_waiting(None)
            self.canvas.say_pending(None)
        self.canvas.show_picture(picture)
        if replaced is not None:  # its figure's cycles were most of the GUI thread's collections
            let_go_off_gui(render_pool(), replaced.figure.dismantle)
        self.drawn.emit()

    def _on_canvas_pressed(self, point: QPointF) -> None:
        cell = self.cell_at(point)
        if cell is None:
            return
        self._select(cell)
        self.cell_clicked.emit(*cell)

    def _select(self, cell: tuple[int, int] | None) -> None:
        """The chosen cell, outlined by the canvas over the picture at once."""
        self._selected = cell
        self.canvas.mark(cell)

    def _on_canvas_keyed(self, key: int) -> None:
        """An arrow moves the highlighted cell (the first cell first), Enter or Space opens
        it as a click does; the hint and the canvas's accessible description say the cell."""
        shown = self.picture
        if self._confusion is None or shown is None:
            return
        k = len(self._confusion)
        row, col = self._selected if self._selected is not None else (0, 0)
        if key in ARROW_STEPS and self._selected is not None:
            step = ARROW_STEPS[Qt.Key(key)]
            row = min(k - 1, max(0, row + step[0]))
            col = min(k - 1, max(0, col + step[1]))
        if (row, col) != self._selected:
            self._select((row, col))
        said = cell_said(self._confusion, self._names, row, col)
        self.canvas.setAccessibleDescription(said)
        if key in OPEN_KEYS:
            self.cell_clicked.emit(row, col)
            return
        self.hint.setText(
            translate("ConfusionView", "{said} Press Enter to open them.").format(said=said)
        )

    def _on_canvas_focused_by_keys(self) -> None:
        """Reached by Tab: a current cell at once (the one chosen last, else the first),
        outlined and said in the hint, so Enter opens what is seen."""
        if self._confusion is not None and self.picture is not None:
            self._on_canvas_keyed(0)  # no step: outline and say the current cell

    def _on_canvas_left(self) -> None:
        self._on_canvas_moved(QPointF(-1, -1))

    def _on_canvas_moved(self, point: QPointF) -> None:
        cell = self.cell_at(point)
        if cell is None:
            self.canvas.setCursor(Qt.CursorShape.ArrowCursor)
            self.hint.setText(translate_marked("ConfusionView", HINT))
            self.canvas.setToolTip("")
            return
        self.canvas.setCursor(Qt.CursorShape.PointingHandCursor)
        shown = self.picture  # the counts the user sees under the mouse
        said = cell_said(shown.confusion, shown.names, *cell)
        self.hint.setText(
            translate("ConfusionView", "{said} Click to open them.").format(said=said)
        )
        if self.hint.isHidden():  # the replay's matrix opens nothing: its cell said on hover
            self.canvas.setToolTip(said)
