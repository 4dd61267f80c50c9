"""The "Why" page: the pixels that drove the answer (five attribution methods, any class, a
contrast), the runner-up, the nearest training images, and (MLPs) the busiest units."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from nndesk.controllers.datasets import other_dataset_found
from nndesk.controllers.explain import NEIGHBOUR_POOL
from nndesk.explain import FAST_KINDS, FILLED_SHARE, filled_share, has_hidden_units, unseen_pixels
from nndesk.i18n import QT_TRANSLATE_NOOP
from nndesk.ui import kept_choices, qt_image, text_size, theme
from nndesk.ui.choice_box import ChoiceBox, without_gloss
from nndesk.ui.data_banner import DataBanner
from nndesk.ui.input_preview import InputPreview
from nndesk.ui.language import (
    class_names_shown,
    decimal,
    integer,
    margin_points,
    percent,
    translate,
    translate_marked,
)

SALIENCY_CHOICES = (
    ("gradient_x_input", QT_TRANSLATE_NOOP("WhyView", "Gradient × input")),
    ("gradient", QT_TRANSLATE_NOOP("WhyView", "Gradient")),
    ("integrated_gradients", QT_TRANSLATE_NOOP("WhyView", "Integrated gradients")),
    ("smoothgrad", "SmoothGrad"),
    ("occlusion", QT_TRANSLATE_NOOP("WhyView", "Occlusion")),
)
#: one line per method: what its map shows
METHOD_NOTES = {
    "gradient": QT_TRANSLATE_NOOP(
        "WhyView",
        "How fast the score changes as ink is added at each pixel: a local slope, often speckled.",
    ),
    "gradient_x_input": QT_TRANSLATE_NOOP(
        "WhyView",
        "The slope times the ink at each pixel: roughly what each inked pixel contributed.",
    ),
    "integrated_gradients": QT_TRANSLATE_NOOP(
        "WhyView",
        "The slope averaged along the way from a blank image to your drawing, times the ink: "
        "the map adds up to the score's change from a blank image.",
    ),
    "smoothgrad": QT_TRANSLATE_NOOP(
        "WhyView",
        "The slope averaged over 24 copies of your drawing with random noise added, so the "
        "speckle cancels out.",
    ),
    "occlusion": QT_TRANSLATE_NOOP(
        "WhyView",
        "How much the score drops when a 4×4 square is blacked out (computed from the answers "
        "alone, so it works for any model).",
    ),
}
#: a method's line when a contrast is chosen, where it differs: the map then explains the
#: difference of two scores (walk66 #11: "7 rather than 1" still said "the score's change")
CONTRAST_METHOD_NOTES = {
    "integrated_gradients": QT_TRANSLATE_NOOP(
        "WhyView",
        "The slope averaged along the way from a blank image to your drawing, times the ink: "
        "the map adds up to the change, from a blank image, of the difference of the two "
        "scores (the first class's minus the other's).",
    ),
}
CAUTION = QT_TRANSLATE_NOOP(
    "WhyView",
    "Caution: a heat map shows what one method measures, not what the network “sees”. "
    "The methods often disagree, and a convincing map can hide a wrong reason: compare several.",
)
UNIT_TILE = 84  # 3x each of the 28 weights
NEIGHBOUR_TILE = 56  # 2x each training pixel


def _pixmap(image: QImage, side: int) -> QPixmap:
    # nearest neighbour: a weight is a square, not a blur
    return QPixmap.fromImage(
        image.scaled(
            side,
            side,
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.FastTransformation,
        )
    )


class _PictureTile(QWidget):
    """A square picture of ``size`` pixels with a centred caption under it."""

    def __init__(self, size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = QLabel()
        self.picture.setFixedSize(size, size)
        self.caption = QLabel()
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.caption)


class _NeighbourTile(_PictureTile):
    """One training image near the drawing: the picture, its label and its distance."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(NEIGHBOUR_TILE, parent)

    def show_image(self, image: np.ndarray, label: str, distance: float) -> None:
        self.picture.setPixmap(_pixmap(qt_image.gray_to_qimage(image), NEIGHBOUR_TILE))
        self.caption.setText(
            translate("_NeighbourTile", "{label}\nd = {distance}").format(
                label=label, distance=decimal(distance, 2)
            )
        )
        self.setToolTip(
            translate(
                "_NeighbourTile",
                "A training image labelled {label}; its last hidden layer's values are "
                "{distance} away from your drawing's.",
            ).format(label=label, distance=decimal(distance, 3))
        )


class _UnitTile(_PictureTile):
    """One hidden unit: its 784 input weights as a 28x28 picture, and how active it is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(UNIT_TILE, parent)

    def show_unit(self, unit: int, activation: float, weights: np.ndarray) -> None:
        rgba = qt_image.diverging_opaque(weights)
        self.picture.setPixmap(_pixmap(qt_image.rgba_to_qimage(rgba), UNIT_TILE))
        self.caption.setText(
            translate("_UnitTile", "unit {unit}\nactivation {activation}").format(
                unit=unit, activation=decimal(activation, 2)
            )
        )
        self.setToolTip(
            translate(
                "_UnitTile",
                "Hidden unit {unit} of the first layer. Red weights: ink there raises this unit's "
                "activation; blue weights lower it. Activation for this drawing: {activation}.",
            ).format(unit=unit, activation=decimal(activation, 3))
        )


#: Milliseconds the page waits for the bars' paint before asking for a new answer's map anyway.
ASK_AFTER_MS = 50
#: Milliseconds a new answer's explanation may take before the page says it is being updated
#: (sooner, every stroke would blink the page; under load it took seconds: walk71 F4).
UPDATING_AFTER_MS = 400


def _new_drawing_words() -> str:
    """What the "updating" line says while a new drawing's explanation is computed."""
    return translate("WhyView", "Updating the explanation for your new drawing…")


#: How opaque the last answer's explanation is while the new one is computed.
DIMMED_OPACITY = 0.4


class WhyView(QWidget):
    """Explains the current answer; fed by PredictionController's signals. With an
    ``ExplainController`` it also computes the slower maps and the nearest training images."""

    saliency_kind_changed = Signal(str)  # one of explain.SALIENCY_KINDS, chosen by the user
    explanation_shown = Signal()  # an explanation (or None) is on screen (tests wait on it)
    overlay_shown = Signal()  # a map from the ExplainController is on the overlay

    def __init__(self, explainer=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._explainer = explainer  # controllers.explain.ExplainController | None
        self._classifier = None
        self._model_loading = False  # the mode's model is read at start: said, not "No model"
        self._names: tuple[str, ...] = ()
        self._prediction = None
        self._explanation = None
        self._map_token = 0  # the attribution asked for last (older answers are dropped)
        self._map_for = None  # (kind, class, contrast) of the map asked for last
        self._map_prediction = None  # and the prediction it was for
        self._own_map: np.ndarray | None = None  # the newest map from the ExplainController
        self._neighbour_token = 0
        #: the first search asked of this model: a count from it or a later one is this
        #: model's features being computed (the running search is often an older drawing's)
        self._first_neighbour_token: int | None = None
        self._neighbours_for = None  # (prediction, classifier) the neighbours were asked for
        self._found = None  # the Neighbours shown last (explain.Neighbours)
        self._incoming = None  # the newest explanation, shown by _apply_timer
        self._apply_timer = QTimer(self)
        self._apply_timer.setSingleShot(True)
        self._apply_timer.setInterval(0)
        self._apply_timer.timeout.connect(self._apply_incoming)
        # a new answer's map and neighbours are asked for once the bars have painted it
        # (``answer_painted``), or after this wait when no paint comes: started at once, their
        # threads took the CPU and the GIL from the bars' paint
        self._ask_timer = QTimer(self)
        self._ask_timer.setSingleShot(True)
        self._ask_timer.setInterval(ASK_AFTER_MS)
        self._ask_timer.timeout.connect(self._ask_explainer)
        theme.notifier().changed.connect(self._on_theme_changed)  # ends with this view
        text_size.notifier().changed.connect(self._on_text_size_changed)  # ends with this view

        title = QLabel(translate("WhyView", "Why this answer?"))
        text_size.follow_scaled_font(title, self, 1.4, bold=True)
        # the bars answer a new drawing at once; its explanation follows (seconds under load):
        # meanwhile the last one is dimmed and this line says so, beside the title where it
        # moves nothing when it comes and goes (walk71 F4: "7 at 100 %" beside bars saying 2)
        self.updating_note = QLabel(_new_drawing_words())
        self.updating_note.setWordWrap(True)
        theme.set_tone(self.updating_note, "muted")
        self.updating_note.setVisible(False)
        self._updating_timer = QTimer(self)
        self._updating_timer.setSingleShot(True)
        self._updating_timer.setInterval(UPDATING_AFTER_MS)
        self._updating_timer.timeout.connect(lambda: self._show_updating(True))

        self.input_view = InputPreview(cell=8)
        self.input_view.set_overlay_visible(True)
        self.input_view.setToolTip(
            translate(
                "WhyView",
                "The 28×28 input with the saliency on top: red pixels raise the score of the "
                "answer, blue pixels lower it; the stronger the colour, the larger the effect.",
            )
        )
        # as wide as its choice (see choice_box), written closed without the English name a
        # Vietnamese one carries: "Gradient tích phân (integrated gradients)" widened the page
        # past its view at the larger text (walk61 D2); the open list keeps it
        self.kind_combo = ChoiceBox(shown=without_gloss)
        for key, text in SALIENCY_CHOICES:
            self.kind_combo.addItem(translate_marked("WhyView", text), key)
        self.kind_combo.setToolTip(
            translate(
                "WhyView",
                "How the map is computed. Gradient and gradient × input follow every stroke at "
                "once; the others take tens to hundreds of passes through the network and follow "
                "a moment later.",
            )
        )
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        # the slower methods are not remembered between starts (preferences): across a
        # language switch every one is
        kept_choices.keep(self.kind_combo, "method")
        self.class_combo = ChoiceBox()
        self.class_combo.setToolTip(translate("WhyView", "The class whose score the map explains"))
        self.class_combo.currentIndexChanged.connect(self._on_target_changed)
        self.contrast_combo = ChoiceBox()
        self.contrast_combo.setToolTip(
            translate(
                "WhyView",
                "Explain the difference of two scores instead: red pixels argue for the first "
                "class rather than this one, blue pixels the other way round",
            )
        )
        self.contrast_combo.currentIndexChanged.connect(self._on_target_changed)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setMinimumWidth(200)
        self.method_note = QLabel()
        self.method_note.setWordWrap(True)
        # a filled shape's slope maps are speckle (walk55 D6): say so, and offer occlusion
        self.fill_note = QLabel()
        self.fill_note.setWordWrap(True)
        self.fill_note.setTextFormat(Qt.TextFormat.RichText)
        self.fill_note.setVisible(False)
        self.fill_note.linkActivated.connect(lambda _link: self.set_saliency_kind("occlusion"))
        # a net whose pooling drops its maps' last row and column never sees the image's
        # edge there: its maps are zero along it, rightly (set_classifier shows it)
        self.edge_note = QLabel()
        self.edge_note.setWordWrap(True)
        self.edge_note.setVisible(False)
        self._edge_rows = 0  # px along the right and bottom the network never sees
        # a garment model trained on photos only reads drawings as something else, sure of
        # it (walk60 D7m: a lab model called a drawn sneaker Bag at 95-99 %): the page says why
        self.photos_note = QLabel()
        self.photos_note.setWordWrap(True)
        self.photos_note.setVisible(False)
        self.caution = QLabel(translate_marked("WhyView", CAUTION))
        self.caution.setWordWrap(True)
        italic = QFont(self.font())
        italic.setItalic(True)
        self.caution.setFont(italic)

        saliency_box, saliency_layout = _headed_box(
            translate("WhyView", "Saliency: which pixels drove the answer")
        )
        controls = QGridLayout()
        controls.addWidget(QLabel(translate("WhyView", "Method:")), 0, 0)
        controls.addWidget(self.kind_combo, 0, 1)
        controls.addWidget(QLabel(translate("WhyView", "Explain:")), 1, 0)
        controls.addWidget(self.class_combo, 1, 1)
        controls.addWidget(QLabel(translate("WhyView", "and not:")), 2, 0)
        controls.addWidget(self.contrast_combo, 2, 1)
        controls.setColumnStretch(2, 1)
        left = QVBoxLayout()
        left.addWidget(self.input_view)
        left.addLayout(controls)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.summary)
        right.addWidget(self.method_note)
        right.addWidget(self.fill_note)
        right.addWidget(self.edge_note)
        right.addWidget(self.photos_note)
        right.addWidget(self.caution)
        right.addStretch(1)
        # side by side when there is room, stacked on a narrow window (see resizeEvent)
        self._sal_layout = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        saliency_layout.addLayout(self._sal_layout)
        self._sal_layout.addLayout(left)
        self._sal_layout.addLayout(right, 1)

        self.neighbours_box, neighbours_layout = _headed_box(
            translate("WhyView", "Nearest training images (in the last hidden layer)")
        )
        self.neighbours_note = QLabel()
        self.neighbours_note.setWordWrap(True)
        self.neighbours_banner = DataBanner()  # what is missing, with Download / Choose a folder
        self.neighbours_banner.setVisible(False)
        self.neighbour_tiles = [_NeighbourTile() for _ in range(6)]
        # a grid, not one row: six garment captions ("Áo len chui đầu") made the row wider
        # than the page at 1024 px, cutting every paragraph (walk57); see _reflow_grids
        self._neighbour_grid = QGridLayout()
        self._neighbour_grid.setSpacing(4)
        self._neighbour_columns = len(self.neighbour_tiles)
        for i, tile in enumerate(self.neighbour_tiles):
            tile.setVisible(False)
            self._neighbour_grid.addWidget(tile, 0, i)
        neighbour_row = QHBoxLayout()
        neighbour_row.setContentsMargins(0, 0, 0, 0)
        neighbour_row.addLayout(self._neighbour_grid)
        neighbour_row.addStretch(1)
        neighbours_layout.addWidget(self.neighbours_note)
        neighbours_layout.addWidget(self.neighbours_banner)
        neighbours_layout.addLayout(neighbour_row)

        self.units_box, units_layout = _headed_box(
            translate("WhyView", "Most active hidden units (first layer)")
        )
        self.units_note = QLabel()
        self.units_note.setWordWrap(True)
        self.units_grid = QGridLayout()
        self.units_grid.setSpacing(6)
        self._columns = 4
        self.tiles = [_UnitTile() for _ in range(8)]
        for i, tile in enumerate(self.tiles):
            self.units_grid.addWidget(tile, i // 4, i % 4)
        units_layout.addWidget(self.units_note)
        units_layout.addLayout(self.units_grid)
        units_layout.addStretch(1)

        # the parts of the page that the explanation fills, dimmed while a new one is computed
        self._dimmed = [
            theme.fader(part, DIMMED_OPACITY)
            for part in (self.input_view, self.summary, self.units_box)
        ]
        title_row = QHBoxLayout()
        title_row.addWidget(title)
        title_row.addWidget(self.updating_note, 1, Qt.AlignmentFlag.AlignBottom)
        # its room kept while hidden: the line coming does not move the page under it
        policy = self.updating_note.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.updating_note.setSizePolicy(policy)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(title_row)
        layout.addWidget(saliency_box)
        layout.addWidget(self.neighbours_box)
        layout.addWidget(self.units_box)
        layout.addStretch(1)
        scroll = self._scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        # a line that changes its number of lines (a note, the summary) lays the page out at
        # once, not a turn of the event loop per level of layouts later
        self._lay_out_at_once = _LayOutAtOnce(self)
        self._watched_window: QWidget | None = None
        self._parts = (body, *body.findChildren(QWidget))
        for part in self._parts:
            part.installEventFilter(self._lay_out_at_once)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.follow_explainer(True)
        self._show_method_note()
        self.set_classifier(None)

    def resizeEvent(self, event) -> None:
        width = event.size().width()
        narrow = width < 560
        self._sal_layout.setDirection(
            QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        )
        self._reflow_grids(width)
        super().resizeEvent(event)
        # the body's least width as the parts now stand, and the scroll area sizing the body to
        # it at once: the area sized the body before this handler ran (to the least width of
        # the parts side by side) and heard of the new one a turn of the event loop per level
        # of layouts later, the body 556 px wide in a 467 px view meanwhile, its text cut
        self._lay_out_now()

    def parts_laid_out(self) -> tuple[QWidget, ...]:
        """The page's body and the widgets in it, whose layout requests it answers at once."""
        return self._parts

    def _lay_out_now(self) -> None:
        """The page's layouts laid out now, innermost first, and the scroll area told."""
        _lay_out_now(self._scroll.widget())
        QCoreApplication.sendEvent(self._scroll, QEvent(QEvent.Type.LayoutRequest))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # what changed while hidden (an answer's pictures, a note) laid out before the first
        # paint: it was only once the requests posted on the way had gone round (walk71 F2)
        self._lay_out_now()
        window = self.window()
        if window is not self and window is not self._watched_window:
            window.installEventFilter(self._lay_out_at_once)  # its paints: _LayOutAtOnce
            self._watched_window = window
        self._ask_explainer()  # strokes made while the page was hidden were not explained here

    def _reflow_grids(self, width: int | None = None) -> bool:
        """As many unit pictures and nearest images a row as the page's width holds at their
        captions' width. The units took a fixed 104 px a picture: in Vietnamese at 11 pt
        "kích hoạt 4,86" makes one 112 px, four were wider than the page at 1024 px and cut
        every paragraph's right end with them (verify60 D-B). True if a grid changed."""
        room = self._grid_room(self.width() if width is None else width)
        columns = (self._columns, self._neighbour_columns)
        self._columns = _regrid_to_fit(self.units_grid, self.tiles, room, self._columns, 4)
        self._neighbour_columns = _regrid_to_fit(
            self._neighbour_grid, self.neighbour_tiles, room, self._neighbour_columns, 6
        )
        return columns != (self._columns, self._neighbour_columns)

    def _grid_room(self, width: int) -> int:
        """The width a grid of tiles gets inside a framed part of the page ``width`` px wide:
        less the vertical scroll bar (the page is taller than the window wherever tiles
        show), the body's margins, the frame's and its layout's."""
        body = self._scroll.widget().layout().contentsMargins()
        box = self.units_box.findChild(QGroupBox)
        frame, inner = box.contentsMargins(), box.layout().contentsMargins()
        bar = self._scroll.verticalScrollBar().sizeHint().width()
        margins = sum(m.left() + m.right() for m in (body, frame, inner))
        return width - bar - margins

    def _on_text_size_changed(self) -> None:
        """A text size step widens or narrows the captions, not the page: no resize comes."""
        self._reflow_grids()
        self._lay_out_now()

    # ---- what is explained ------------------------------------------------------------------
    def set_saliency_kind(self, kind: str) -> None:
        index = self.kind_combo.findData(kind)
        if index >= 0:
            self.kind_combo.setCurrentIndex(index)

    def saliency_kind(self) -> str:
        return self.kind_combo.currentData()

    def set_target(self, class_index: int | None, contrast: int | None = None) -> None:
        """Explain ``class_index`` (None: the answer), against ``contrast`` (None: alone)."""
        self.class_combo.setCurrentIndex(0 if class_index is None else class_index + 1)
        self.contrast_combo.setCurrentIndex(0 if contrast is None else contrast + 1)

    @Slot()
    def reset_target(self) -> None:
        """Back to "why this answer" and no contrast (the canvas was cleared: a new drawing)."""
        self.set_target(None, None)

    def chosen_target(self) -> tuple[int | None, int | None]:
        """``(class, contrast)`` as chosen in the combos (None: the answer / no contrast), what
        ``set_target`` takes."""
        return self._chosen()

    def _chosen(self) -> tuple[int | None, int | None]:
        return self.class_combo.currentData(), self.contrast_combo.currentData()

    def _contrasted(self) -> bool:
        """A contrast is chosen and is not the class explained itself."""
        if self._chosen()[1] is None:
            return False
        return self._prediction is None or self._target()[1] is not None

    def _target(self) -> tuple[int, int | None]:
        """(class explained, contrast class or None) for the current prediction."""
        chosen, contrast = self._chosen()
        top = int(np.argmax(self._prediction.probabilities))
        cls = top if chosen is None else chosen
        return cls, (None if contrast == cls else contrast)

    def _needs_own_map(self) -> bool:
        """True when the overlay is not the prediction worker's map of the answer."""
        chosen, contrast = self._chosen()
        return self.saliency_kind() not in FAST_KINDS or chosen is not None or contrast is not None

    def own_map(self) -> np.ndarray | None:
        """The map the ExplainController computed last (None before the first)."""
        return None if self._own_map is None else self._own_map.copy()

    # ---- slots ------------------------------------------------------------------------------
    @Slot(object)
    def _no_model_text(self) -> str:
        if self._model_loading:
            return translate("WhyView", "Loading the model…")
        return translate("WhyView", "No model loaded.")

    @Slot(bool)
    def show_model_loading(self, loading: bool) -> None:
        """``PredictionController.model_loading``: while no model answers, the page says the
        model is loading instead of "No model loaded."."""
        self._model_loading = loading
        if self._classifier is None:
            self.set_classifier(None)

    def set_classifier(self, clf) -> None:
        self._classifier = clf
        self._names = class_names_shown(clf.class_names) if clf is not None else ()
        self._fill_class_combos()
        for tile in self.tiles:
            tile.setVisible(False)
        for tile in self.neighbour_tiles:
            tile.setVisible(False)
        self.neighbours_banner.setVisible(False)
        self._neighbours_for = None
        self._own_map = None
        self._map_for = None
        # answers still on their way were asked of the previous model: dropped when they come
        # (the garment model's page showed the digits' nearest 8s captioned "Bag")
        self._neighbour_token = self._map_token = 0
        self._first_neighbour_token = None
        if clf is None:
            self.units_note.setText(self._no_model_text())
        else:
            self._say_units_note(has_hidden_units(clf.model))
        self._show_edge_note(clf)
        self._show_photos_note(clf)
        self._show_neighbours_note()
        self._incoming = None
        self._apply_timer.stop()
        self._show_explanation(None)
        # the notes' new lines laid out now, before anything paints: each layout up to the
        # scroll area hears of a taller note a turn of the event loop after the one below it
        # (a layout request posted while requests are sent waits for the next sending), and
        # the paints in between showed the CNN note cut at top and bottom (walk57 #17; 0.5 s
        # at the start at 1024x700 vi, under load)
        # Only this page's own layouts: sending every widget's posted requests laid out a
        # window being rebuilt in another language before it was shown maximised, and it came
        # back without its normal size (test_language_switch, 1 run in 3)
        self._lay_out_now()

    def _say_units_note(self, mlp: bool) -> None:
        """What the hidden-units box shows, for an MLP (``mlp``) or a CNN."""
        if mlp:
            self.units_note.setText(
                translate(
                    "WhyView",
                    "Each picture is one hidden unit's 784 input weights laid out as 28×28. "
                    "Red: ink there excites the unit; blue: ink there inhibits it. "
                    "These are the units your drawing activates most.",
                )
            )
            return
        garments = self._classifier is not None and self._classifier.preprocess_kind == "garments"
        mlp_name = "fashion-mlp" if garments else "mnist-mlp"
        self.units_note.setText(
            translate(
                "WhyView",
                "This model is a CNN: its first layer is small 3×3 filters slid over the "
                "image, not one weight per pixel, so there is no 28×28 picture per unit. "
                "Open an MLP model (e.g. {mlp_name}) to see hidden units here.",
            ).format(mlp_name=mlp_name)
        )

    def _fill_class_combos(self) -> None:
        for combo, first in (
            (self.class_combo, translate("WhyView", "the answer")),
            (self.contrast_combo, translate("WhyView", "— (no contrast)")),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for i, name in enumerate(self._names):
                combo.addItem(name, i)
            combo.blockSignals(False)
        self._show_method_line()  # no contrast now: refilled silently, said here

    @Slot(str)
    def show_model_coming(self, _path: str = "") -> None:
        """A model file was picked (``MainWindow.model_file_requested``): the explanation shown
        is the old model's until the new one's comes (``_show_explanation``), dimmed and said
        to be updating meanwhile, as the window's bars are."""
        if self._explanation is not None:
            self._show_updating(
                True, translate("WhyView", "Updating the explanation for the new model…")
            )

    @Slot()
    def show_model_kept(self) -> None:
        """The picked model could not be read: the model in use still answers, its
        explanation shown plainly again."""
        self._show_updating(False)

    def is_updating(self) -> bool:
        """Whether the page says the explanation shown is being updated (dimmed, a line)."""
        return self._dimmed[0].isEnabled()

    def _show_updating(self, updating: bool, why: str = "") -> None:
        """Dim the last answer's explanation and say it is being updated (``why``: for what,
        a new drawing unless said), or show it plainly."""
        if not updating:
            self._updating_timer.stop()
        if updating and not self.is_updating():  # (a drawing's timer keeps the model's words)
            self.updating_note.setText(why or _new_drawing_words())
        if updating == self.is_updating():
            return
        for effect in self._dimmed:
            effect.setEnabled(updating)
        self.updating_note.setVisible(updating)

    @Slot(object)
    def set_prediction(self, prediction) -> None:
        # the bars answer at once, the explanation follows: an old one shown meanwhile is
        # said to be updated if it takes long (``UPDATING_AFTER_MS``)
        if prediction is None:
            self._show_updating(False)
        elif self._explanation is not None and not self._updating_timer.isActive():
            self._updating_timer.start()
        self._prediction = prediction
        self._show_fill_note()
        self.input_view.set_image(None if prediction is None else prediction.input_image)
        if prediction is None:
            self._forget_neighbours()
        self._ask_timer.start()

    @Slot(object)
    def show_prepared_input(self, image28) -> None:
        """No model answers (``PredictionController.input_prepared``): the map shows the
        drawing as the model will see it, with no colours, instead of "nothing drawn"."""
        self.input_view.set_image(image28)

    def _forget_neighbours(self) -> None:
        """Nothing drawn: every panel says so. Undoing to an empty canvas left "Looking for
        the training images most like your drawing…" (or the last drawing's neighbours)
        under a map saying "nothing drawn"; a search still under way is dropped when done."""
        for tile in self.neighbour_tiles:
            tile.setVisible(False)
        self._neighbours_for = None
        self._neighbour_token = 0
        if self.neighbours_banner.isHidden():  # missing data is still worth saying
            self._show_neighbours_note()

    @Slot()
    def answer_painted(self) -> None:
        """The window's bars painted (wired by the app): ask for the new answer's map now."""
        if self._ask_timer.isActive():
            self._ask_timer.stop()
            self._ask_explainer()

    @Slot(object)
    def set_explanation(self, explanation) -> None:
        """Show ``explanation`` soon: from the event loop after the bars have painted, and only
        the newest of a burst (the rich text and unit pictures cost more than the bars)."""
        self._incoming = explanation
        if not self._apply_timer.isActive():
            self._apply_timer.start()

    def _apply_incoming(self) -> None:
        self._show_explanation(self._incoming)
        self.explanation_shown.emit()

    def _show_explanation(self, explanation) -> None:
        if explanation is None or explanation is not self._explanation:
            self._show_updating(False)  # the new answer's (not the old one shown again)
        self._explanation = explanation
        self._show_overlay()
        if explanation is None or self._prediction is None:
            self.summary.setText(self._waiting_text())
            for tile in self.tiles:
                tile.setVisible(False)
            return
        self._show_summary()
        if explanation.model_has_units is not None:  # the model explained: a run's snapshot
            self._say_units_note(explanation.model_has_units)
        units = explanation.hidden_units
        for i, tile in enumerate(self.tiles):
            if i < len(units):
                tile.show_unit(*units[i])
                tile.setVisible(True)
            else:
                tile.setVisible(False)
        self._reflow_grids()  # the captions set the tiles' width
        # laid out now, whatever changed: the pictures coming (an MLP's, or a run's snapshot)
        # or a summary a line longer reach the scroll area a turn of the event loop per level
        # of layouts later, and the frames painted meanwhile squeezed the page into the window
        # with no scroll bar, the map ~100 px, paragraphs over each other (walk71 F2); a frame
        # painted first also showed the page wider than its view
        self._lay_out_now()

    def _waiting_text(self) -> str:
        """What the saliency area says with no answer to explain: what it waits for."""
        if self._classifier is None and self._model_loading:
            return translate(
                "WhyView",
                "<p>Loading the model… Once it is ready, this page shows which pixels of your "
                "drawing made the network answer as it did.</p>",
            )
        if self._classifier is None:
            return translate(
                "WhyView",
                "<p>No model loaded: open a model or train one, and this page shows which "
                "pixels of your drawing made the network answer as it did.</p>",
            )
        return translate(
            "WhyView",
            "<p>Draw something, open an image or show a test image: this page then shows "
            "which pixels made the network answer as it did.</p>",
        )

    def _show_overlay(self) -> None:
        if self._needs_own_map():
            self.input_view.set_saliency(self._own_map)
        else:
            explanation = self._explanation
            self.input_view.set_saliency(None if explanation is None else explanation.saliency)

    def _mark_contrast_choices(self) -> None:
        """Grey out the class explained in the "and not:" list: a class contrasted with itself
        is no contrast (walk48: "7 and not 7" was offered and did nothing). Rows stay in place,
        so ``set_target``'s row numbers hold."""
        chosen, _contrast = self._chosen()
        if chosen is None and self._prediction is not None:
            chosen = int(np.argmax(self._prediction.probabilities))
        model = self.contrast_combo.model()
        itself = translate("WhyView", "The class explained: it cannot be contrasted with itself")
        for row in range(1, self.contrast_combo.count()):
            item = model.item(row)
            same = item.data(Qt.ItemDataRole.UserRole) == chosen
            item.setEnabled(not same)
            item.setToolTip(itself if same else "")

    def _show_summary(self) -> None:
        self._mark_contrast_choices()
        if self._explanation is None or self._prediction is None:
            return
        names = self._names or tuple(str(i) for i in range(len(self._prediction.probabilities)))
        probs = self._prediction.probabilities
        top, second = self._explanation.class_index, self._explanation.runner_up
        margin = margin_points(probs[top], probs[second])
        red, blue = theme.colours().red, theme.colours().blue
        cls, contrast = self._target()
        kind = self.saliency_kind()
        method = translate_marked("WhyView", dict(SALIENCY_CHOICES)[kind])
        if kind != "smoothgrad":  # a name, kept as its authors write it
            method = method.lower()
        # the gradient and SmoothGrad are slopes: red where more ink would raise the score,
        # on the background too (SmoothGrad lit the blank around a shoe "arguing for it")
        slope = kind in ("gradient", "smoothgrad")
        if contrast is None:
            what = translate("WhyView", "for <b>{name}</b>").format(name=names[cls])
            sides = (
                translate("WhyView", "are where more ink would raise its score")
                if slope
                else translate("WhyView", "argue for it")
            )
        else:
            what = translate("WhyView", "for <b>{name}</b> rather than <b>{other}</b>").format(
                name=names[cls], other=names[contrast]
            )
            sides = (
                translate("WhyView", "are where more ink would favour {name} over {other}")
                if slope
                else translate("WhyView", "argue for {name} over {other}")
            ).format(name=names[cls], other=names[contrast])
        chosen_contrast = self._chosen()[1]
        if contrast is None and chosen_contrast is not None:  # chosen before the answer became it
            what += translate(
                "WhyView", " (no contrast: {name} cannot be contrasted with itself)"
            ).format(name=names[cls])
        pending = (
            translate("WhyView", " (computing…)")
            if self._needs_own_map() and self._own_map is None and self._explainer is not None
            else ""
        )
        # a sigmoid's scores are each class's own (99.7 % and 3.7 % at once): no margin between
        # shares of 100 %, as the canvas's runner-up line says (walk55 D3)
        summary = (
            translate(
                "WhyView",
                "<p>The network answers <b>{top}</b> with {p_top}.</p>"
                "<p>Runner-up: <b>{second}</b> with {p_second} (independent scores: this "
                "network scores each class on its own, they are not shares of 100%).</p>"
                "<p>The overlay shows {method} {what}{pending}. "
                "<span style='color:{red}'>Red</span> pixels {sides}, "
                "<span style='color:{blue}'>blue</span> pixels against.</p>",
            )
            if getattr(self._prediction, "independent", False)
            else translate(
                "WhyView",
                "<p>The network answers <b>{top}</b> with {p_top}.</p>"
                "<p>Runner-up: <b>{second}</b> with {p_second}, a margin of "
                "<b>{margin}</b> percentage points{close}.</p>"
                "<p>The overlay shows {method} {what}{pending}. "
                "<span style='color:{red}'>Red</span> pixels {sides}, "
                "<span style='color:{blue}'>blue</span> pixels against.</p>",
            )
        )
        self.summary.setText(
            summary.format(
                top=names[top],
                p_top=percent(probs[top], 1),
                second=names[second],
                p_second=percent(probs[second], 1),
                # the margin the canvas's runner-up line says: the figures shown subtract to it
                margin=decimal(margin, 1),
                close=translate("WhyView", " — a close call") if margin < 20 else "",
                method=method,
                what=what,
                pending=pending,
                red=red,
                sides=sides,
                blue=blue,
            )
        )

    def _show_edge_note(self, clf) -> None:
        self._edge_rows = 0
        unseen = None if clf is None else unseen_pixels(clf.model)
        if unseen is not None and unseen.any():
            # the band is as deep at the bottom as at the right
            self._edge_rows = int(unseen.all(axis=1).sum())
        self._say_edge_note()

    def _say_edge_note(self) -> None:
        """The edge note in the words of the method shown: a slope method's map is zero along
        the edges the network never sees; occlusion's is not (its squares that reach the edge
        also cover pixels inside), so the note said something its map contradicted (walk62
        D8)."""
        rows = self._edge_rows
        if not rows:
            self.edge_note.setVisible(False)
            return
        if self.saliency_kind() == "occlusion":
            text = translate(
                "WhyView",
                "This network never sees the right and bottom edges ({n} px): its unpadded "
                "convolutions and 2×2 pooling drop its maps' last row and column. An occlusion "
                "square that reaches an edge also covers pixels it does see, so this map is "
                "not zero there.",
            )
        else:
            text = translate(
                "WhyView",
                "Along the right and bottom edges ({n} px) the map is zero, rightly: this "
                "network's unpadded convolutions and 2×2 pooling drop its maps' last row and "
                "column, so ink there cannot change the answer.",
            )
        self.edge_note.setText(text.format(n=rows))
        self.edge_note.setVisible(True)

    def _show_photos_note(self, clf) -> None:
        photos_only = (
            clf is not None
            and clf.preprocess_kind == "garments"
            and clf.learned_from_drawings is False
        )
        if photos_only:
            self.photos_note.setText(
                translate(
                    "WhyView",
                    "This model learned from photos only (Share of sketches 0), so a drawn "
                    "garment is unlike anything it saw: its answer can be wrong however sure it "
                    "looks. fashion-cnn learned from sketches too; or train with a Share of "
                    "sketches above 0 (Train > Settings).",
                )
            )
        self.photos_note.setVisible(photos_only)

    def _show_method_note(self) -> None:
        self._show_method_line()
        self._show_fill_note()
        self._say_edge_note()

    def _show_method_line(self) -> None:
        """What the chosen method's map shows, for one class or a contrast of two."""
        kind = self.saliency_kind()
        notes = CONTRAST_METHOD_NOTES if self._contrasted() else METHOD_NOTES
        self.method_note.setText(translate_marked("WhyView", notes.get(kind, METHOD_NOTES[kind])))

    def _show_fill_note(self) -> None:
        """Under a slope method's map of a filled shape: its pixel-to-pixel speckle says little
        there; occlusion (one click) shows which areas matter."""
        prediction = self._prediction
        filled = (
            prediction is not None
            and self.saliency_kind() != "occlusion"
            and filled_share(prediction.input_image) >= FILLED_SHARE
        )
        if filled:
            self.fill_note.setText(
                translate(
                    "WhyView",
                    "At 28×28 most of your drawing's ink is solid area (a filled shape, or "
                    "strokes as thick as these): there this map's red and blue change from "
                    "pixel to pixel (speckle) and say little. "
                    "<a href='occlusion'>Occlusion</a> shows which areas matter.",
                )
            )
        self.fill_note.setVisible(filled)

    # ---- the slower views (ExplainController) -------------------------------------------------
    def _ask_explainer(self) -> None:
        """Ask for the map and the neighbours of the current prediction, when the page is
        shown (a hidden page costs nothing) and they were not asked for already."""
        if self._explainer is None or not self.isVisible():
            return
        clf, prediction = self._classifier, self._prediction
        if clf is None or prediction is None:
            return
        if self._needs_own_map():
            cls, contrast = self._target()
            wanted = (self.saliency_kind(), cls, contrast)
            if wanted != self._map_for:
                self._own_map = None  # another method or class: the old map would mislead
            if wanted != self._map_for or prediction is not self._map_prediction:
                self._map_for, self._map_prediction = wanted, prediction
                self._map_token = self._explainer.request_attribution(
                    clf, prediction.input_image, cls, contrast, self.saliency_kind()
                )
        asked = self._neighbours_for
        # a model trained on an image folder searches that folder's training images too
        if asked is None or asked[0] is not prediction or asked[1] is not clf:
            self._neighbours_for = (prediction, clf)
            self._neighbour_token = self._explainer.request_neighbours(clf, prediction.input_image)
            if self._first_neighbour_token is None:
                self._first_neighbour_token = self._neighbour_token
            shown = any(tile.isVisibleTo(self) for tile in self.neighbour_tiles)
            # the banner's "MNIST is not on this computer yet" stands while the data is
            # looked for again: "Looking for…" above it squashed it (walk45 D5)
            if not shown and self.neighbours_banner.isHidden():
                # the first search reads the training set and runs it through the network:
                # seconds, during which "Draw something" under a drawing would look broken
                # "a few seconds" took 25-70 s on a busy machine (walk55 D7): the count
                # follows as the images go through (``_on_explainer_neighbours_progress``)
                self.neighbours_note.setText(
                    translate(
                        "WhyView",
                        "Looking for the training images most like your drawing (the first "
                        "time for each model runs {pool} training images through it: up to a "
                        "minute on a busy computer)…",
                    ).format(pool=integer(NEIGHBOUR_POOL))
                )

    @Slot(int, object)
    def _on_explainer_attribution_ready(self, token: int, result) -> None:
        if token != self._map_token:
            return  # an older request's answer
        self._own_map = result
        self._show_overlay()
        self._show_summary()
        self.overlay_shown.emit()

    def follow_explainer(self, follow: bool) -> None:
        """Take the explain controller's answers (or no longer: the window is replaced, and the
        controller's answers go to the new window's page; this page keeps what it shows, in its
        language, where an answer said in the new language showed an English line in a
        Vietnamese window)."""
        explainer = self._explainer
        if explainer is None:
            return
        pairs = (
            (explainer.attribution_ready, self._on_explainer_attribution_ready),
            (explainer.neighbours_ready, self._on_explainer_neighbours_ready),
            (explainer.neighbours_progress, self._on_explainer_neighbours_progress),
            (explainer.neighbours_missing, self._on_explainer_neighbours_missing),
        )
        for signal, slot in pairs:
            if follow:
                signal.connect(slot)
            else:
                signal.disconnect(slot)

    def shown_neighbours(self):
        """The ``Neighbours`` the tiles show, or None (the language switch shows them again)."""
        shown = any(not tile.isHidden() for tile in self.neighbour_tiles)
        return self._found if shown else None

    def show_neighbours_again(self, found) -> None:
        """Show ``found`` (the replaced window's, for the same drawing and model) until this
        page's own search answers: "Looking for…" flashed in its place after a switch."""
        if found is not None:
            self._show_neighbours(found)

    @Slot(int, int, int)
    def _on_explainer_neighbours_progress(self, token: int, done: int, total: int) -> None:
        # the search running is often an older drawing's of this model (a newer one waits):
        # its count is this model's features, which the newest search then uses at once
        first = self._first_neighbour_token
        if first is None or not first <= token <= self._neighbour_token:
            return
        if not self.neighbours_banner.isHidden():
            return
        if any(tile.isVisibleTo(self) for tile in self.neighbour_tiles):
            return  # the last drawing's neighbours stay until the new ones come
        self.neighbours_note.setText(
            translate(
                "WhyView",
                "Looking for the training images most like your drawing: {done} of {total} "
                "training images run through this network (once per model)…",
            ).format(done=integer(done), total=integer(total))
        )

    @Slot(int, object)
    def _on_explainer_neighbours_ready(self, token: int, found) -> None:
        if token != self._neighbour_token:
            return
        self._show_neighbours(found)

    def _show_neighbours(self, found) -> None:
        self._found = found
        self.neighbours_banner.setVisible(False)
        names = self._names
        for tile, image, label, dist in zip(
            self.neighbour_tiles, found.images, found.labels, found.distances, strict=False
        ):
            tile.show_image(image, names[label] if label < len(names) else str(label), dist)
            tile.setVisible(True)
        self._reflow_grids()  # the captions set the tiles' width
        # laid out now, whatever changed: the pictures coming (an MLP's, or a run's snapshot)
        # or a summary a line longer reach the scroll area a turn of the event loop per level
        # of layouts later, and the frames painted meanwhile squeezed the page into the window
        # with no scroll bar, the map ~100 px, paragraphs over each other (walk71 F2); a frame
        # painted first also showed the page wider than its view
        self._lay_out_now()
        self.neighbours_note.setText(
            translate(
                "WhyView",
                "The {n} images among the first {pool} training images whose last hidden layer "
                "is closest to your drawing's (Euclidean distance d): what the network treats "
                "as most alike.",
            ).format(n=len(found.labels), pool=integer(found.pool))
        )

    @Slot(int, str, str, str)
    def _on_explainer_neighbours_missing(
        self, token: int, message: str, dataset: str, details: str = ""
    ) -> None:
        if token != self._neighbour_token:
            return
        for tile in self.neighbour_tiles:
            tile.setVisible(False)
        self.neighbours_note.setText(
            translate(
                "WhyView",
                "The nearest training images need this model's training set on this computer.",
            )
        )
        wanted = getattr(self._classifier, "dataset", None)
        self.neighbours_banner.show_problem(
            message, dataset or None, other_dataset_found(wanted), details
        )
        self._neighbours_for = None  # ask again after the data arrives

    @Slot()
    def data_changed(self) -> None:
        """The datasets on this computer changed: look for the neighbours again, at once when
        the page is shown, else as it is shown (a hidden page computes nothing). The banner
        asked about is the one *shown on the page* (``isHidden``), not one on screen: with the
        folder chosen on the Train page, the Why page's "could not download (offline?)" stayed
        until another model came (walk71 F1)."""
        if not self.neighbours_banner.isHidden():
            self.neighbours_banner.clear()
            self.neighbours_banner.setVisible(False)
            self._neighbours_for = None
            self._show_neighbours_note()  # not "… need this model's training set" any more
            self._ask_explainer()

    def _show_neighbours_note(self) -> None:
        clf = self._classifier
        if clf is None:
            text = self._no_model_text()
        elif self._explainer is None:
            text = translate("WhyView", "Not available here.")
        else:
            text = translate(
                "WhyView",
                "Draw something: the training images most like it (for the network) show here.",
            )
        self.neighbours_note.setText(text)

    @Slot(object)
    def _on_theme_changed(self, _colours) -> None:
        self._show_explanation(self._explanation)  # the red and blue words follow the theme

    @Slot(int)
    def _on_kind_combo_changed(self, index: int) -> None:
        self._show_method_note()
        self._show_overlay()
        self._show_summary()
        self._ask_explainer()
        self.saliency_kind_changed.emit(self.kind_combo.itemData(index))

    @Slot(int)
    def _on_target_changed(self, _index: int) -> None:
        self._mark_contrast_choices()
        self._show_method_line()  # a contrast changes what the map adds up to
        self._show_overlay()
        self._show_summary()
        self._ask_explainer()


class _LayOutAtOnce(QObject):
    """Lays the Why page out whole (``WhyView._lay_out_now``) at the first layout request
    inside it. A part whose text takes a line more (the nearest images' "Looking for the
    training images…", two lines to three at Larger text, 1024 px; the summary's "Runner-up:
    … — a close call", fixL) asked its layout for room, which asked the next a turn of the
    event loop later, up to the scroll area: meanwhile the page was a line short and the
    grown part was painted cut, under the next one, for seconds under load."""

    def __init__(self, view: WhyView) -> None:
        super().__init__(view)
        self._view = view
        self._laying_out = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.UpdateRequest and self._view.isVisible():
            # the window paints next: a layout request posted while the queue was being gone
            # through waits for the next turn, behind this paint (an answer's note and its
            # runner-up line arriving together under load painted the page a line short once
            # in a whole suite's run, flakyB); delivered now, it lays the page out first
            for part in self._view.parts_laid_out():  # the page's own: not the window's
                QCoreApplication.sendPostedEvents(part, QEvent.Type.LayoutRequest)
            return False
        if (
            event.type() == QEvent.Type.LayoutRequest
            and not self._laying_out
            and self._view.isVisible()  # (a hidden page is laid out as it shows)
        ):
            self._laying_out = True
            try:
                self._view._lay_out_now()  # noqa: SLF001 - its own page's
            finally:
                self._laying_out = False
        return False


def _lay_out_now(root: QWidget) -> None:
    """The layouts in ``root`` laid out now, the innermost first: each then tells the one
    around it its new size (a layout hears of a change inside it a turn of the event loop
    later otherwise)."""

    def depth(widget: QWidget) -> int:
        levels = 0
        while widget is not root:
            widget = widget.parentWidget()
            levels += 1
        return levels

    for widget in sorted(root.findChildren(QWidget), key=depth, reverse=True):
        if widget.layout() is not None:
            widget.layout().activate()
    root.layout().activate()


def _headed_box(title: str) -> tuple[QWidget, QVBoxLayout]:
    """A framed part of the page under ``title`` (where a group box writes its title), and the
    layout its content goes in. The title wraps: a group box's own title keeps to one line, and
    at 1024x700 with an 11 pt font "Bản đồ nổi bật (saliency): điểm ảnh nào dẫn tới câu trả
    lời" made the page wider than its place, its heading and paragraphs cut (walk58 #1)."""
    part = QWidget()
    heading = QLabel(title)
    heading.setWordWrap(True)
    box = QGroupBox()
    column = QVBoxLayout(part)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(heading)
    column.addWidget(box)
    return part, QVBoxLayout(box)


def _regrid_to_fit(grid: QGridLayout, tiles, room: int, columns: int, most: int) -> int:
    """``tiles`` laid out again in ``grid`` if the number a row that fits ``room`` px (at their
    widest caption, at least one, at most ``most``) is not ``columns``; that number."""
    widest = max(tile.sizeHint().width() for tile in tiles)
    spacing = grid.spacing()
    fitting = max(1, min(most, (room + spacing) // (widest + spacing)))
    if fitting != columns:
        _regrid(grid, tiles, fitting)
    return fitting


def _regrid(grid: QGridLayout, widgets, columns: int) -> None:
    """Lay ``widgets`` out again in ``grid``, ``columns`` a row, in their order."""
    for widget in widgets:
        grid.removeWidget(widget)
    for i, widget in enumerate(widgets):
        grid.addWidget(widget, i // columns, i % columns)
