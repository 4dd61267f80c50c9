"""The Mistakes page: every misclassified test image in a virtualised grid, filterable and sortable.

``MistakesModel`` is a ``QAbstractListModel`` over an index array; it renders a tile (thumbnail,
predicted and true class, confidence) only when the view asks for it and keeps a bounded cache,
so 10,000 images cost nothing until they scroll into sight. Clicking a tile shows its probability
bars and saliency, and "Put on canvas" sends it to the drawing canvas.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFrame,
    QLabel,
    QListView,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from nndesk.evaluation import EvaluationResult, mistakes
from nndesk.i18n import QT_TRANSLATE_NOOP, counted, localised
from nndesk.inference import Prediction
from nndesk.ui import qt_image, text_size, theme
from nndesk.ui.buttons import tipped_button
from nndesk.ui.choice_box import ChoiceBox, ShrinkingBox
from nndesk.ui.data_banner import EvaluationDataBanner
from nndesk.ui.evaluation_panel import WIDE
from nndesk.ui.flow_layout import flow_row, labelled
from nndesk.ui.folder_source_note import image_file
from nndesk.ui.input_preview import InputPreview
from nndesk.ui.language import class_names_shown, integer, percent, translate, translate_marked
from nndesk.ui.prediction_view import PredictionPanel

#: one grid cell at Normal text: 84 px thumbnail (3x) + two lines of text; the cell, the
#: thumbnail and the captions grow with View > Text size (``tile_size``)
TILE = QSize(112, 132)
THUMB = 84
#: px the details column beside the grid takes before the grid gets a second column of tiles
#: (its bars stack when narrow)
DETAILS_MIN_WIDTH = 240
#: px the details column keeps at least, or the least its picture above its controls and the
#: answer's bars need at the text shown (``_details_least``: ~190 px in Vietnamese at Normal
#: text). At 240 the page's least width (one column of tiles, the details) was 402 px, and at
#: 125 % on a 1024x700 screen (819 px) the pages had 349: every page scrolled sideways, the
#: pages' stack being as wide as its widest page (fixV)
DETAILS_LEAST_WIDTH = 160
NARROW_PREVIEW = 28 * 4 + 1  # px: the test image's side on a narrow page
DETAILS_WIDTH = 250  # px: what the details get when the grid's columns leave it
SORT_LEAST_CHARS = 8  # the sort box's least width, in characters (narrower, it elides)
CACHE_SIZE = 2000  # rendered tiles kept; ~60 KB each
SORT_CHOICES = (
    (QT_TRANSLATE_NOOP("MistakesView", "Most confident first"), "confidence"),
    (QT_TRANSLATE_NOOP("MistakesView", "Test-set order"), "index"),
)
INDEX_ROLE = Qt.ItemDataRole.UserRole + 1  # int: the image's index in the test split


#: Points of a tile's captions, and the smallest they shrink to before they are elided
CAPTION_POINTS = 8.5
SMALLEST_CAPTION_POINTS = 7.0
TIGHTEST_SPACING = -0.5  # px between a caption's letters, past the smallest type


# Pixels of a tile's width its captions may use (a pixel of margin each side)
CAPTION_WIDTH = TILE.width() - 2


def tile_zoom() -> float:
    """How much larger than ``TILE`` a tile is drawn: the charts' zoom of View > Text size. At
    Larger text the captions stayed at 7-8.5 pt, half the page's text on a projector (walk61
    D4); the thumbnail, the captions and their room grow together, so they fit as before."""
    return text_size.chart_zoom()


def tile_size(zoom: float | None = None) -> QSize:
    """A grid cell's size at ``zoom`` (default: ``tile_zoom()``)."""
    zoom = tile_zoom() if zoom is None else zoom
    return QSize(round(TILE.width() * zoom), round(TILE.height() * zoom))


def caption_font(text: str, width: int, bold: bool, zoom: float = 1.0) -> QFont:
    """The largest caption font (8.5 pt down to 7 pt, times ``zoom``) that writes ``text``
    within ``width``; a bold caption still too wide at the smallest is written regular (the
    narrower face): "Áo thun/áo phông 99%" was elided to "Áo thun/...hông 99%" (its colour
    still says right or wrong); one still too wide has its letters set closer."""
    font = QFont()
    font.setBold(bold)
    points, smallest = CAPTION_POINTS * zoom, SMALLEST_CAPTION_POINTS * zoom
    font.setPointSizeF(points)
    while QFontMetrics(font).horizontalAdvance(text) > width and points > smallest:
        points = max(smallest, points - 0.5)
        font.setPointSizeF(points)
    if bold and QFontMetrics(font).horizontalAdvance(text) > width:
        font.setBold(False)
    # last, the letters a little closer (at most half a pixel): "Áo thun/áo phông 98,7%" was
    # 2 px too wide at 7 pt, and its tile wrote a whole "99%" beside the bar's 98,7%
    spacing = 0.0
    while QFontMetrics(font).horizontalAdvance(text) > width and spacing > TIGHTEST_SPACING:
        spacing = max(TIGHTEST_SPACING, spacing - 0.1)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
    return font


def grid_caption_fonts(names: tuple[str, ...], width: int, zoom: float) -> tuple[QFont, QFont]:
    """The fonts of the grid's two caption lines ("<answer> <confidence>", "true: <name>"),
    one for every tile: the one the widest of ``names`` needs (``caption_font``). Each tile
    sized its own, and the long Vietnamese names got ~7 pt regular type beside bold 8.5 pt
    "Xăng-đan 100,0%" in the next cell (walk69 L15); one still too wide is elided."""
    answers = [f"{name} {percent(1.0, 1)}" for name in names] or [percent(1.0, 1)]
    trues = [translate("MistakesView", "true: {name}").format(name=name) for name in names]
    return (
        _widest_font(answers, width, True, zoom),
        _widest_font(trues or [""], width, False, zoom),
    )


def _widest_font(texts: list[str], width: int, bold: bool, zoom: float) -> QFont:
    """``caption_font`` of the text of ``texts`` widest in the unshrunk caption type."""
    metrics = QFontMetrics(caption_font("", width, bold, zoom))
    widest = max(texts, key=metrics.horizontalAdvance)
    return caption_font(widest, width, bold, zoom)


def _draw_caption(painter: QPainter, text: str, box: QRect, font: QFont) -> None:
    """``text`` centred in ``box`` in ``font`` (the grid's: ``grid_caption_fonts``), elided
    if still too wide: Vietnamese names ran longer than a tile ("Bốt cổ …ắn 100%", "đúng:
    Giày thể th…")."""
    painter.setFont(font)
    mode = Qt.TextElideMode.ElideMiddle if font.bold() else Qt.TextElideMode.ElideRight
    painter.drawText(
        box,
        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
        QFontMetrics(font).elidedText(text, mode, box.width()),
    )


class MistakesModel(QAbstractListModel):
    """Rows are test images (``indices`` into an ``EvaluationResult``); tiles render lazily."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._result: EvaluationResult | None = None
        self._indices = np.zeros(0, dtype=np.int64)
        self._confidence = np.zeros(0, dtype=np.float32)
        self._cache: OrderedDict[int, QPixmap] = OrderedDict()
        self.rendered = 0  # tiles drawn so far (tests check the grid is lazy)
        self._fonts_for: tuple | None = None  # what ``_fonts`` were worked out for
        self._fonts: tuple[QFont, QFont] | None = None
        # tiles bake the theme's text colours in: a theme switch must redraw them
        theme.notifier().changed.connect(self._on_theme_changed)

    def set_items(self, result: EvaluationResult | None, indices: np.ndarray) -> None:
        """Show ``indices`` (int64) of ``result``; the tile cache survives a re-filter."""
        self.beginResetModel()
        if result is not self._result:
            self._cache.clear()
            if result is not None:  # calibrated, as the canvas shows it (info.calibration)
                self._confidence = result.calibrated_confidence
        self._result = result
        self._indices = np.asarray(indices, dtype=np.int64)
        self.endResetModel()

    def indices(self) -> np.ndarray:
        return self._indices.copy()

    def _on_theme_changed(self, _colours) -> None:
        self._cache.clear()
        if self._indices.size:
            last = self.index(int(self._indices.size) - 1, 0)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.DecorationRole])

    def result(self) -> EvaluationResult | None:
        return self._result

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else int(self._indices.size)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0):
        if not index.isValid() or self._result is None:
            return None
        i = int(self._indices[index.row()])
        if role == Qt.ItemDataRole.DecorationRole:
            return self._tile(i)
        if role == INDEX_ROLE:
            return i
        if role == Qt.ItemDataRole.ToolTipRole:
            r = self._result
            t, p = int(r.labels[i]), int(r.predictions[i])
            names = class_names_shown(r.class_names)
            file = image_file(r, i)  # a folder's held-out image: named by its file
            text = (
                translate(
                    "MistakesView", "Test image #{i}\nTrue: {true}\nPredicted: {predicted} ({p})"
                )
                if file is None
                else translate("MistakesView", "{file}\nTrue: {true}\nPredicted: {predicted} ({p})")
            )
            return text.format(
                i=i, file=file, true=names[t], predicted=names[p], p=percent(self._confidence[i], 1)
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            r = self._result
            return f"{r.class_names[int(r.labels[i])]} as {r.class_names[int(r.predictions[i])]}"
        return None

    def _tile(self, i: int) -> QPixmap:
        pixmap = self._cache.get(i)
        if pixmap is not None:
            self._cache.move_to_end(i)
            return pixmap
        pixmap = self._render(i)
        self._cache[i] = pixmap
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return pixmap

    def _caption_fonts(self, names: tuple[str, ...], width: int, zoom: float):
        """``grid_caption_fonts``, worked out once for the grid's names, width and zoom."""
        # (the window's font: a text size step; its language: "true: {name}")
        key = (names, width, zoom, QFont().key(), translate("MistakesView", "true: {name}"))
        if self._fonts_for != key:
            self._fonts_for, self._fonts = key, grid_caption_fonts(names, width, zoom)
        return self._fonts

    def _render(self, i: int) -> QPixmap:
        r = self._result
        self.rendered += 1
        t, p = int(r.labels[i]), int(r.predictions[i])
        zoom = tile_zoom()
        tile, thumb = tile_size(zoom), round(THUMB * zoom)
        pixmap = QPixmap(tile)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        x0 = (tile.width() - thumb) // 2
        # nearest-neighbour scaling keeps the 28x28 pixels crisp
        painter.drawImage(QRect(x0, 4, thumb, thumb), qt_image.gray_to_qimage(r.images[i]))
        width = tile.width() - 2
        names = class_names_shown(r.class_names)
        # the bars' and the tooltip's one decimal: "99%" stood beside a bar of 98.7%
        line1 = f"{names[p]} {percent(self._confidence[i], 1)}"
        line2 = translate("MistakesView", "true: {name}").format(name=names[t])
        painter.setPen(QColor(theme.colours().good if t == p else theme.colours().error))
        left = (tile.width() - width) // 2
        line = round(18 * zoom)
        first, second = thumb + round(8 * zoom), thumb + round(24 * zoom)
        fonts = self._caption_fonts(tuple(names), width, zoom)
        _draw_caption(painter, line1, QRect(left, first, width, line), fonts[0])
        painter.setPen(QColor(theme.colours().muted))
        _draw_caption(painter, line2, QRect(left, second, width, line), fonts[1])
        painter.end()
        return pixmap


class TileDelegate(QStyledItemDelegate):
    """Paints a model's pre-rendered tile with a hover / selection frame; fixed size."""

    def sizeHint(self, option, index) -> QSize:
        return tile_size()

    def paint(self, painter: QPainter, option, index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected or hovered:
            colour = option.palette.highlight().color()
            colour.setAlpha(60 if selected else 25)
            painter.setBrush(colour)
            border = option.palette.highlight().color()
            border.setAlpha(255 if selected else 90)
            painter.setPen(border)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 6, 6)
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        if pixmap is not None:
            left = rect.x() + (rect.width() - pixmap.deviceIndependentSize().toSize().width()) // 2
            painter.drawPixmap(left, rect.y(), pixmap)
        painter.restore()


@dataclass(frozen=True)
class MistakesViewState:
    """What a person chose on the Mistakes page, carried into a window rebuilt in another
    language."""

    true: int | None
    predicted: int | None
    sort: str
    shown: int | None  # the test index in the details
    saliency: bool
    saliency_target: int


class MistakesView(QWidget):
    """The Mistakes page: filters and sort on top, the tile grid, the clicked image's details."""

    show_on_canvas_requested = Signal(object, int)  # image28 float32 (28, 28) 0..255, true label
    #: (test-set index, dataset name) of the image just put on the canvas: the window's
    #: "Test #" and the caption under it follow
    test_image_shown = Signal(int, str)
    #: (key, classifier, image28 float32 (28, 28), class index): the prediction controller
    #: computes the map off the GUI thread and answers through ``show_saliency(key, map)``
    saliency_requested = Signal(object, object, object, int)

    def __init__(self, controller=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._result: EvaluationResult | None = None
        self._saliency_key: tuple | None = None  # what the shown (or awaited) map is of
        self._current: int | None = None
        self._shown_saliency: np.ndarray | None = None
        self._pending_class: int | None = None  # a class asked for before any evaluation

        # each as wide as the class it shows (a longest-name width for "Bất kỳ" took a line
        # of its own at 1024 px, Vietnamese, Larger text); its list opens as wide as the names
        self.true_combo = ChoiceBox()
        self.pred_combo = ChoiceBox()
        # whole where the grid's side has room; narrower, it shrinks (its text elided, whole
        # when open): with an 11 pt font its Vietnamese choices kept that side 279 px wide
        self.sort_combo = ShrinkingBox(SORT_LEAST_CHARS)
        for text, key in SORT_CHOICES:
            self.sort_combo.addItem(translate_marked("MistakesView", text), key)
        self.true_combo.setToolTip(translate("MistakesView", "Only images of this true class"))
        self.pred_combo.setToolTip(
            translate(
                "MistakesView",
                "Only images predicted as this class (true = predicted shows the correct ones)",
            )
        )
        self.sort_combo.setToolTip(
            translate("MistakesView", "Most confident first: the mistakes the model was surest of")
        )
        for combo in (self.true_combo, self.pred_combo, self.sort_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.summary = QLabel(translate("MistakesView", "Evaluate a model to browse its mistakes."))
        self.summary.setWordWrap(True)
        self.summary.setMinimumWidth(1)
        theme.set_tone(self.summary, "muted")

        self.model = MistakesModel(self)
        self.grid = QListView()
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setUniformItemSizes(True)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setGridSize(tile_size() + QSize(6, 6))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.grid.verticalScrollBar().setSingleStep(24)
        self.grid.setMouseTracking(True)
        self.grid.setToolTip(
            translate(
                "MistakesView",
                "Each tile: the model's answer and its confidence, then the true class",
            )
        )
        self.grid.setItemDelegate(TileDelegate(self.grid))
        self.grid.setModel(self.model)
        # one column at least: two beside the details made the page wider than its place with
        # a desktop's 11 pt font (walk58 #1); ``_place_splitter`` gives it two where they fit
        self.grid.setMinimumWidth(self._grid_width(1))
        self.grid.selectionModel().currentChanged.connect(self._on_grid_current_changed)
        text_size.notifier().changed.connect(self._on_text_size_changed)
        # (a desktop already at the largest font changes only the zoom: no font signal then)
        theme.notifier().changed.connect(self._on_text_size_changed)

        self._build_details()

        filters = flow_row(  # wraps on a narrow page instead of cutting the combos
            labelled(translate("MistakesView", "True"), self.true_combo),
            labelled(translate("MistakesView", "Predicted"), self.pred_combo),
            labelled(translate("MistakesView", "Sort"), self.sort_combo),
            spacing=12,
        )
        # the filters and the summary run across the whole page, above the grid and the
        # details: in the grid's column (one tile wide at 1024 px, Vietnamese, Larger text) the
        # boxes were cut to "Áo thun/á▾" and "Tự tin n…▾" and the summary took four lines
        # (walk65 D25)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.grid, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.splitterMoved.connect(self._on_splitter_moved)
        self._splitter_moved_by_user = False
        self._wide: bool | None = None
        self._arrange(wide=True)
        layout = QVBoxLayout(self)
        # the tallest page at 1024x700: thin top and bottom margins leave the window room for
        # the new-model strip without growing
        margins = layout.contentsMargins()
        layout.setContentsMargins(margins.left(), 4, margins.right(), 2)
        # the test images missing or damaged: what is wrong and the buttons that get them
        # (Download, Choose a folder…), as on Evaluate (wired by the window)
        self.message = EvaluationDataBanner(has_result=lambda: self._result is not None)
        layout.addWidget(self.message)
        layout.addWidget(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)  # its height to spare, not the banner's lines
        self._set_class_names(())
        self._show_details(None)

        if controller is not None:
            controller.finished.connect(self.set_result)
            controller.started.connect(self.message.evaluation_started)
            controller.started.connect(self._on_evaluation_started)
            controller.failed.connect(self._on_evaluation_failed)
            if controller.result() is not None:
                self.set_result(controller.result())

    def _build_details(self) -> None:
        self.caption = QLabel(translate("MistakesView", "Click an image"))
        caption_font = QFont(self.font())
        caption_font.setBold(True)
        self.caption.setFont(caption_font)
        self.preview = InputPreview(cell=7)
        self.preview.set_overlay_visible(True)
        self.saliency_box = QCheckBox(translate("MistakesView", "Show saliency"))
        self.saliency_box.setChecked(True)
        self.saliency_box.setToolTip(
            translate(
                "MistakesView",
                "Red pixels pushed the model towards its answer, blue ones away from it",
            )
        )
        self.saliency_box.toggled.connect(self._on_saliency_toggled)
        self.saliency_target = QComboBox()
        self.saliency_target.addItem(translate("MistakesView", "for its answer"), "predicted")
        self.saliency_target.addItem(translate("MistakesView", "for the true class"), "true")
        self.saliency_target.setToolTip(
            translate(
                "MistakesView",
                "Colour the pixels by their push towards the predicted class or the true one",
            )
        )
        self.saliency_target.currentIndexChanged.connect(self._on_saliency_target_changed)
        # beside the picture on a narrow page: it may shrink (its text elided, whole when open)
        self.saliency_target.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.saliency_target.setMinimumContentsLength(10)
        self.answer = PredictionPanel()
        self.canvas_button = tipped_button(
            translate("MistakesView", "Put on canvas"),
            translate("MistakesView", "Copy this test image onto the drawing canvas to edit it"),
        )
        self.canvas_button.clicked.connect(self._on_canvas_button_clicked)
        controls = self._picture_controls = QVBoxLayout()  # stacked: the column stays narrow
        controls.addWidget(self.saliency_box)
        controls.addWidget(self.saliency_target)
        controls.addWidget(self.canvas_button)
        controls.addStretch(1)
        self.caption.setWordWrap(True)
        # wide page: the picture above its controls; narrow page: beside them, so the details
        # column is low enough to sit beside the grid
        self._picture_row = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._picture_row.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        self._picture_row.addLayout(controls)
        column = QWidget()
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(8, 0, 0, 0)
        column_layout.addWidget(self.caption)
        column_layout.addLayout(self._picture_row)
        column_layout.addWidget(self.answer)
        column_layout.addStretch(1)
        # a window lower than 700 px scrolls the details rather than growing the window
        self.details = QScrollArea()
        self.details.setWidget(column)
        self.details.setWidgetResizable(True)
        self.details.setFrameShape(QFrame.Shape.NoFrame)
        self.details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details.setMinimumWidth(DETAILS_MIN_WIDTH)  # until ``_keep_details_least``
        # the picture beside its controls or above them is chosen again at each of the
        # column's widths: the page's own resize comes before its splitter has placed the column
        self.details.installEventFilter(self)

    def _grid_width(self, columns: int) -> int:
        """Pixels the grid needs to show ``columns`` tiles side by side."""
        grid = self.grid
        bar = grid.verticalScrollBar().sizeHint().width()
        return columns * grid.gridSize().width() + bar + 2 * grid.frameWidth() + 2

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange(wide=self.width() >= WIDE)
        self._place_splitter()
        self._stack_picture()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.details and event.type() == QEvent.Type.Resize:
            self._stack_picture()
        return super().eventFilter(watched, event)

    def _details_need(self) -> int:
        """Pixels the details column needs to show its widest line whole (Vietnamese class
        names beside their bars were cut at the window's edge at 1280x760)."""
        bar = self.details.verticalScrollBar().sizeHint().width()
        return max(DETAILS_WIDTH, self.details.widget().minimumSizeHint().width() + bar)

    @Slot()
    @Slot(object)
    def _on_text_size_changed(self, _colours=None) -> None:
        """Tiles of the new step's size (the model draws them again on the theme's signal
        that a step sends); the grid's least width and columns follow."""
        self.grid.setGridSize(tile_size() + QSize(6, 6))
        self.grid.setMinimumWidth(self._grid_width(1))
        self._place_splitter()
        self._stack_picture()  # its controls' width changed with the text

    def _place_splitter(self) -> None:
        if self._wide or self._splitter_moved_by_user:
            return
        # whole columns of tiles (two at least) leaving the details what they need
        total = self.splitter.width() - self.splitter.handleWidth()
        tile = self.grid.gridSize().width()
        columns = (total - self._details_need() - self._grid_width(0)) // tile
        # two at least where they leave the details their least width, else one (a narrow
        # page: an 11 pt font, the drawing column wider)
        columns = max(2 if total - self._grid_width(2) >= DETAILS_MIN_WIDTH else 1, columns)
        left = self._grid_width(columns)
        left = max(self.splitter.widget(0).minimumSizeHint().width(), left)
        self.splitter.setSizes([left, max(total - left, self.details.minimumWidth())])

    @Slot(int, int)
    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        self._splitter_moved_by_user = True
        self._stack_picture()

    def _stack_picture(self) -> None:
        """On a narrow page the picture sits beside its controls, or above them when the
        details column is too narrow for both: at 1000 px in Vietnamese "Show saliency map"
        and "Put on canvas" were cut at the window's edge (the page had scrolled sideways).

        Measured at the text size in force: a page hidden through a text size step kept its
        controls' width of the step before, and at 1024x768 in Vietnamese the larger text
        kept them beside the picture and cut them (walk63 1b)."""
        self._picture_controls.invalidate()  # a hidden page's layouts keep their old sizes
        self._keep_details_least()
        if self._wide:
            return
        margins = self.details.widget().layout().contentsMargins()
        bar = self.details.verticalScrollBar().sizeHint().width()
        beside = self.preview.width() + max(self._picture_row.spacing(), 0)
        beside += self._picture_controls.minimumSize().width()
        beside += margins.left() + margins.right() + bar
        fits = self.details.width() >= beside
        direction = QBoxLayout.Direction.LeftToRight if fits else QBoxLayout.Direction.TopToBottom
        if self._picture_row.direction() != direction:
            self._picture_row.setDirection(direction)
            align = Qt.AlignmentFlag.AlignTop if fits else Qt.AlignmentFlag.AlignHCenter
            self._picture_row.setAlignment(self.preview, align)

    def _keep_details_least(self) -> None:
        least = self._details_least()
        if self.details.minimumWidth() != least:
            self.details.setMinimumWidth(least)

    def _details_least(self) -> int:
        """Pixels the details column needs at least: its picture above its controls, the
        caption and the answer's bars, whole, and its scroll bar. The picture at its narrow
        page's size, whatever the page is now: a page never shown keeps its wide arrangement
        (Qt resizes a hidden page once it shows), and its least width from it made the pages'
        stack 22 px wider than the pages' room at 125 % on a 1024 px screen."""
        margins = self.details.widget().layout().contentsMargins()
        bar = self.details.verticalScrollBar().sizeHint().width()
        parts = (
            NARROW_PREVIEW,
            self._picture_controls.minimumSize().width(),
            self.answer.minimumSizeHint().width(),
            self.caption.minimumSizeHint().width(),
        )
        return max(DETAILS_LEAST_WIDTH, max(parts) + margins.left() + margins.right() + bar)

    def _arrange(self, wide: bool) -> None:
        """The details always sit beside the grid (below it, they left one row of tiles at
        1024x700); on a narrow page the picture goes beside its controls, a size smaller."""
        if wide == self._wide:
            return
        self._wide = wide
        if wide:
            self._picture_row.setDirection(QBoxLayout.Direction.TopToBottom)
            self._picture_row.setAlignment(self.preview, Qt.AlignmentFlag.AlignHCenter)
            self.preview.setFixedSize(28 * 7 + 1, 28 * 7 + 1)
            self.splitter.setSizes([3 * self.width() // 4, self.width() // 4])
        else:
            self._picture_row.setDirection(QBoxLayout.Direction.LeftToRight)
            self._picture_row.setAlignment(self.preview, Qt.AlignmentFlag.AlignTop)
            self.preview.setFixedSize(NARROW_PREVIEW, NARROW_PREVIEW)
        self._keep_details_least()

    def _fit_details(self) -> None:
        """The answer's labels changed: the layouts above it still hold its old size (they
        would hear through a posted event), so make them forget it now."""
        self.answer.updateGeometry()
        self.details.widget().layout().invalidate()
        if self.details.viewport().width() < self._details_need():
            self._place_splitter()

    # ---- result and filters ------------------------------------------------------------------

    @Slot(object)
    def set_result(self, result: EvaluationResult | None) -> None:
        """Browse ``result`` (keeps the current filters when the classes are the same)."""
        names_changed = result is None or (
            self._result is None or result.class_names != self._result.class_names
        )
        self._result = result
        if result is not None:
            self.message.clear()  # evaluated: whatever data it lacked is here
            self.details.show()
        if names_changed:
            self._set_class_names(result.class_names if result is not None else ())
            self._fit_details()  # more classes, more bars
        if result is not None and self._pending_class is not None:
            self._apply_pending_class()  # the coach asked for a class before this evaluation
            return
        self._refresh()

    def result(self) -> EvaluationResult | None:
        return self._result

    @Slot(object)
    def _on_evaluation_started(self, classifier) -> None:
        """Another model's evaluation began: the last model's mistakes leave the page, which
        says the new ones are coming (it showed a Fashion run's mistakes under a digit model
        for the whole evaluation). The same model evaluated again keeps its tiles. A page with
        no mistakes yet says they are coming too: the coach's "See Shirt's mistakes" opened it
        on "Evaluate a model to browse its mistakes." for the whole evaluation (walk60 D7h)."""
        if self._result is not None and self._result.classifier is classifier:
            return
        if self._result is not None:
            self.set_result(None)
        # the empty bars and the filters name the new model's classes from now: the last
        # model's stayed until the evaluation ended (digits 0-9 after a switch to Clothing)
        names = tuple(getattr(classifier, "class_names", None) or ())
        if names:
            self._set_class_names(names)
            self._fit_details()
        self.summary.setText(self._evaluating_text())

    @staticmethod
    def _evaluating_text() -> str:
        return translate(
            "MistakesView",
            "Evaluating the new model on the test images: its mistakes show here when it is done.",
        )

    @Slot(str, object)
    def _on_evaluation_failed(self, message: str, offer=None) -> None:
        """This page stops promising mistakes. Its test images missing or damaged (``offer``,
        a DataOffer), or a folder of the other dataset: the banner with Download / Choose a
        folder… / Switch to …, as on Evaluate; any other failure is explained there."""
        if self._result is not None:
            return
        self._refresh()
        if self.message.offer_failure(message, offer):
            self.summary.setText(
                translate(
                    "MistakesView", "The mistakes are found on the test images: get them first."
                )
            )
            # no image to show in them: the banner's lines and buttons take their height, and
            # at 1024x700 the details left would need a scroll bar they have no width for
            self.details.hide()

    @Slot()
    def data_changed(self) -> None:
        """The datasets on this computer changed (a download anywhere, a folder chosen): a
        banner that asked for them goes, and the model is evaluated again (the banner's
        ``retry_requested``)."""
        if self.message.data_changed():
            self.details.show()
            self._refresh()

    @Slot(str)
    def follow_mode(self, mode: str) -> None:
        """Before any evaluation, the empty details name the window mode's classes
        ("digits": 0-9, "garments": the garments), not another dataset's."""
        from nndesk.data.registry import DATASETS, dataset_for_kind

        dataset = dataset_for_kind(mode)
        if self._result is None and dataset in DATASETS:
            self.answer.set_class_names(DATASETS[dataset].class_names)
            self._show_details(None)
            self._fit_details()

    def _set_class_names(self, names) -> None:
        names = class_names_shown(names)
        for combo in (self.true_combo, self.pred_combo):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(translate("MistakesView", "Any"), None)
            for k, name in enumerate(names):
                combo.addItem(name, k)
            combo.blockSignals(False)
            combo.updateGeometry()
        if names:  # the probability bars need at least one class to lay out
            self.answer.set_class_names(names)

    @Slot(int, int)
    def show_cell(self, true: int, predicted: int) -> None:
        """Show exactly the images of true class ``true`` predicted as ``predicted``."""
        self.set_filter(true, predicted)

    def focus_class(self, true: int) -> None:
        """Show the mistakes on true class ``true`` (predicted as anything), most confident
        first; before the model in use is evaluated, as soon as its evaluation arrives. The
        last model's mistakes on the page took the class and lost it a moment later, when the
        new model's evaluation began (walk58 #3)."""
        self._pending_class = int(true)
        if self._result is not None and self._result_is_current():
            self._apply_pending_class()

    def _result_is_current(self) -> bool:
        """Whether the mistakes on the page are the evaluation controller's model's."""
        controller = self._controller
        if controller is None or self._result is None:
            return self._result is not None
        return self._result.classifier is controller.classifier() and not controller.is_stale()

    def _apply_pending_class(self) -> None:
        true, self._pending_class = self._pending_class, None
        if true is not None and self.true_combo.findData(true) >= 0:
            self.set_filter(true, None, "confidence")

    def set_filter(self, true: int | None = None, predicted: int | None = None, sort=None) -> None:
        """Set the filters (None: any class) and optionally the sort ("confidence" | "index")."""
        combos = [(self.true_combo, true), (self.pred_combo, predicted)]
        if sort is not None:
            combos.append((self.sort_combo, sort))
        for combo, value in combos:
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
            combo.updateGeometry()  # a class box is as wide as its class (its signal was held)
        self._refresh()

    def filters(self) -> tuple[int | None, int | None, str]:
        return self.true_combo.currentData(), self.pred_combo.currentData(), self.sort_key()

    def sort_key(self) -> str:
        return self.sort_combo.currentData()

    def indices(self) -> np.ndarray:
        """Test indices shown in the grid, in grid order."""
        return self.model.indices()

    def view_state(self) -> MistakesViewState:
        """The filters, sort, shown image and saliency choices (for a rebuilt window)."""
        true, predicted, sort = self.filters()
        return MistakesViewState(
            true=true,
            predicted=predicted,
            sort=sort,
            shown=self._current,
            saliency=self.saliency_box.isChecked(),
            saliency_target=self.saliency_target.currentIndex(),
        )

    def restore_view_state(self, state: MistakesViewState) -> None:
        """Take over ``state`` from the page this one replaces (after ``set_result``)."""
        self.saliency_box.blockSignals(True)
        self.saliency_box.setChecked(state.saliency)
        self.saliency_box.blockSignals(False)
        self.saliency_target.blockSignals(True)
        self.saliency_target.setCurrentIndex(state.saliency_target)
        self.saliency_target.blockSignals(False)
        if self._result is None:  # the class filters wait for an evaluation; the sort does not
            self.sort_combo.blockSignals(True)
            self.sort_combo.setCurrentIndex(max(0, self.sort_combo.findData(state.sort)))
            self.sort_combo.blockSignals(False)
            return
        self.set_filter(state.true, state.predicted, state.sort)
        rows = np.flatnonzero(self.indices() == state.shown) if state.shown is not None else []
        if len(rows):
            self.select_row(int(rows[0]))

    @Slot(int)
    def _on_filter_changed(self, _index: int) -> None:
        self._refresh()

    def _refresh(self) -> None:
        result = self._result
        if result is None:
            self.model.set_items(None, np.zeros(0, np.int64))
            evaluating = bool(getattr(self._controller, "busy", False))
            self.summary.setText(self._evaluating_text() if evaluating else translate(
                "MistakesView", "Evaluate a model to browse its mistakes."
            ))  # fmt: skip
            self._show_details(None)
            return
        true, predicted, sort = self.filters()
        idx = mistakes(result, true=true, predicted=predicted, sort=sort)
        self.model.set_items(result, idx)
        self.grid.scrollToTop()
        self.summary.setText(self._describe(true, predicted, len(idx)))
        if len(idx):
            self.select_row(0)
        else:
            self._show_details(None)

    def _describe(self, true, predicted, count: int) -> str:
        r = self._result
        names = class_names_shown(r.class_names)
        if true is not None and true == predicted:
            return translate("MistakesView", "{count} of {name} recognised correctly").format(
                count=localised(counted(count, "image")), name=names[true]
            )
        if true is None and predicted is None:
            what = translate("MistakesView", "All")
        elif predicted is None:
            what = translate("MistakesView", "true {name}:").format(name=names[true])
        elif true is None:
            what = translate("MistakesView", "predicted {name}:").format(name=names[predicted])
        else:
            what = translate("MistakesView", "true {true}, predicted {predicted}:").format(
                true=names[true], predicted=names[predicted]
            )
        return translate("MistakesView", "{what} {count} of the {mistakes} in {n}").format(
            what=what,
            count=integer(count),
            mistakes=localised(counted(r.n_mistakes, "mistake")),
            n=localised(counted(r.n, "test image")),
        )

    # ---- selection and details -----------------------------------------------------------------

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.grid.setCurrentIndex(index)
        self.grid.scrollTo(index)

    def current_index(self) -> int | None:
        """The test index shown in the details pane, or None."""
        return self._current

    @Slot(QModelIndex, QModelIndex)
    def _on_grid_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_details(current.data(INDEX_ROLE) if current.isValid() else None)

    def _show_details(self, i: int | None) -> None:
        self._current = i
        self.canvas_button.setEnabled(i is not None)
        self.saliency_box.setEnabled(i is not None)
        self.saliency_target.setEnabled(i is not None)
        if i is None or self._result is None:
            self.caption.setText(
                translate("MistakesView", "Click an image to see what the model answered")
            )
            self.preview.set_image(None)
            self.preview.set_saliency(None)
            self.answer.set_true_label(None)
            # not the canvas's "Draw something": nothing is drawn on this page
            self.answer.set_prediction(
                None, placeholder=translate("MistakesView", "No image chosen")
            )
            return
        r = self._result
        t, p = int(r.labels[i]), int(r.predictions[i])
        # two whole sentences: a translator may need another order than "#{i} — verdict"
        caption = (
            translate("MistakesView", "Test image #{i} — correct")
            if t == p
            else translate("MistakesView", "Test image #{i} — mistake")
        )
        file = image_file(r, i)
        if file is not None:  # a folder's held-out image: its file says which one
            caption = (
                translate("MistakesView", "{file} — correct")
                if t == p
                else translate("MistakesView", "{file} — mistake")
            )
        # an image's number is a name, written as the "Image no." box and "test[3531]" write
        # it: not grouped like a count ("#3.531" beside the Map's "test image 3531")
        self.caption.setText(caption.format(i=i, file=file))
        image28 = r.images[i].astype(np.float32)
        self.preview.set_image(image28)
        self.answer.set_true_label(t)
        # the bars show the calibrated probabilities, the raw ones one click away (as the canvas)
        # a sigmoid's scores are each class's own, not shares of 100 %: the runner-up line
        # says so as the canvas's does ("4 100 %, runner-up 8 84.8 % (margin 15.1)": walk55 D3)
        self.answer.set_prediction(
            Prediction(
                r.calibrated[i],
                image28,
                p,
                r.class_names[p],
                r.probabilities[i],
                independent=r.output != "softmax",
            )
        )
        self._fit_details()  # the answer's true-label and runner-up lines need their height
        self.refresh_saliency()

    @Slot()
    def refresh_saliency(self) -> None:
        """Ask again for the shown image's map (after the saliency kind changed)."""
        i, r = self._current, self._result
        self._shown_saliency = None
        self._saliency_key = None
        self.preview.set_saliency(None)
        clf = r.classifier if r is not None else None
        if i is None or clf is None or not self.saliency_box.isChecked():
            return
        explain_true = self.saliency_target.currentData() == "true"
        target = int(r.labels[i] if explain_true else r.predictions[i])
        self._saliency_key = (id(r), i, target)
        self.saliency_requested.emit(
            self._saliency_key, clf, r.images[i].astype(np.float32), target
        )

    @Slot(object, object)
    def show_saliency(self, key: object, saliency: np.ndarray | None) -> None:
        """The map asked for by ``saliency_requested`` (older answers are ignored)."""
        if key != self._saliency_key:
            return
        self._shown_saliency = saliency
        self.preview.set_saliency(saliency)

    def current_saliency(self) -> np.ndarray | None:
        """The saliency map over the shown image (float32 (28, 28)), or None."""
        return self._shown_saliency

    @Slot(bool)
    def _on_saliency_toggled(self, _on: bool) -> None:
        self.refresh_saliency()

    @Slot(int)
    def _on_saliency_target_changed(self, _index: int) -> None:
        self.refresh_saliency()

    @Slot()
    def _on_canvas_button_clicked(self) -> None:
        if self._current is None or self._result is None:
            return
        i = self._current
        image28 = self._result.images[i].astype(np.float32)
        self.show_on_canvas_requested.emit(image28, int(self._result.labels[i]))
        if self._result.image_folder is not None:
            return  # a folder's held-out image is no "Test #" of the window's test images
        # the evaluation is of the whole test set of the model's dataset, in order
        self.test_image_shown.emit(int(i), self._result.dataset)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._controller is not None:
            self._controller.ensure_current()
