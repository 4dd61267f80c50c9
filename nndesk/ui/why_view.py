"""The "Why" page: the pixels that drove the answer, the runner-up, (MLPs) the busiest units."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from nndesk.explain import has_hidden_units
from nndesk.ui import qt_image, theme
from nndesk.ui.prediction_view import InputPreview

SALIENCY_CHOICES = (
    ("gradient_x_input", "Gradient \u00d7 input"),
    ("gradient", "Gradient"),
)
UNIT_TILE = 84  # 3x each of the 28 weights


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


class _UnitTile(QWidget):
    """One hidden unit: its 784 input weights as a 28x28 picture, and how active it is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = QLabel()
        self.picture.setFixedSize(UNIT_TILE, UNIT_TILE)
        self.caption = QLabel()
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.caption)

    def show_unit(self, unit: int, activation: float, weights: np.ndarray) -> None:
        rgba = qt_image.diverging_opaque(weights)
        self.picture.setPixmap(_pixmap(qt_image.rgba_to_qimage(rgba), UNIT_TILE))
        self.caption.setText(f"unit {unit}\nactivation {activation:.2f}")
        self.setToolTip(
            f"Hidden unit {unit} of the first layer. Red weights: ink there raises this unit's "
            f"activation; blue weights lower it. Activation for this drawing: {activation:.3f}."
        )


class WhyView(QWidget):
    """Explains the current answer; fed by PredictionController's signals."""

    saliency_kind_changed = Signal(str)  # "gradient" | "gradient_x_input", chosen by the user
    explanation_shown = Signal()  # an explanation (or None) is on screen (tests wait on it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names: tuple[str, ...] = ()
        self._prediction = None
        self._explanation = None
        self._incoming = None  # the newest explanation, shown by _apply_timer
        self._apply_timer = QTimer(self)
        self._apply_timer.setSingleShot(True)
        self._apply_timer.setInterval(0)
        self._apply_timer.timeout.connect(self._apply_incoming)
        theme.notifier().changed.connect(self._on_theme_changed)  # ends with this view

        title = QLabel("Why this answer?")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)

        self.input_view = InputPreview(cell=8)
        self.input_view.set_overlay_visible(True)
        self.input_view.setToolTip(
            "The 28x28 input with the saliency on top: red pixels raise the score of the answer, "
            "blue pixels lower it; the stronger the colour, the larger the effect."
        )
        self.kind_combo = QComboBox()
        for key, text in SALIENCY_CHOICES:
            self.kind_combo.addItem(text, key)
        self.kind_combo.setToolTip(
            "Gradient: how much the answer's score changes per unit of ink at each pixel.\n"
            "Gradient \u00d7 input: that times the ink present, i.e. what each inked pixel "
            "contributed."
        )
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setMinimumWidth(200)

        saliency_box = QGroupBox("Saliency: which pixels drove the answer")
        kind_row = QHBoxLayout()
        kind_row.addWidget(QLabel("Show:"))
        kind_row.addWidget(self.kind_combo)
        kind_row.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.input_view)
        left.addLayout(kind_row)
        left.addStretch(1)
        # side by side when there is room, stacked on a narrow window (see resizeEvent)
        self._sal_layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, saliency_box)
        self._sal_layout.addLayout(left)
        self._sal_layout.addWidget(self.summary, 1)

        self.units_box = QGroupBox("Most active hidden units (first layer)")
        self.units_note = QLabel()
        self.units_note.setWordWrap(True)
        self.units_grid = QGridLayout()
        self.units_grid.setSpacing(6)
        self._columns = 4
        self.tiles = [_UnitTile() for _ in range(8)]
        for i, tile in enumerate(self.tiles):
            self.units_grid.addWidget(tile, i // 4, i % 4)
        units_layout = QVBoxLayout(self.units_box)
        units_layout.addWidget(self.units_note)
        units_layout.addLayout(self.units_grid)
        units_layout.addStretch(1)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(title)
        layout.addWidget(saliency_box)
        layout.addWidget(self.units_box)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.set_classifier(None)

    def resizeEvent(self, event) -> None:
        width = event.size().width()
        narrow = width < 560
        self._sal_layout.setDirection(
            QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        )
        self._reflow_tiles(max(2, min(4, (width - 60) // 104)))
        super().resizeEvent(event)

    def _reflow_tiles(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self.tiles:
            self.units_grid.removeWidget(tile)
        for i, tile in enumerate(self.tiles):
            self.units_grid.addWidget(tile, i // columns, i % columns)

    # ---- slots ------------------------------------------------------------------------------
    def set_saliency_kind(self, kind: str) -> None:
        index = self.kind_combo.findData(kind)
        if index >= 0:
            self.kind_combo.setCurrentIndex(index)

    @Slot(object)
    def set_classifier(self, clf) -> None:
        self._names = tuple(clf.class_names) if clf is not None else ()
        mlp = clf is not None and has_hidden_units(clf.model)
        for tile in self.tiles:
            tile.setVisible(False)
        if clf is None:
            self.units_note.setText("No model loaded.")
        elif mlp:
            self.units_note.setText(
                "Each picture is one hidden unit's 784 input weights laid out as 28x28. "
                "Red: ink there excites the unit; blue: ink there inhibits it. "
                "These are the units your drawing activates most."
            )
        else:
            mlp_name = "fashion-mlp" if clf.preprocess_kind == "garments" else "mnist-mlp"
            self.units_note.setText(
                "This model is a CNN: its first layer is small 3x3 filters slid over the image, "
                "not one weight per pixel, so there is no 28x28 picture per unit. "
                f"Open an MLP model (e.g. {mlp_name}) to see hidden units here."
            )
        self._incoming = None
        self._apply_timer.stop()
        self._show_explanation(None)

    @Slot(object)
    def set_prediction(self, prediction) -> None:
        self._prediction = prediction
        self.input_view.set_image(None if prediction is None else prediction.input_image)

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
        self._explanation = explanation
        self.input_view.set_saliency(None if explanation is None else explanation.saliency)
        if explanation is None or self._prediction is None:
            self.summary.setText(
                "<p>Draw something, open an image or show a test image: this page then shows "
                "which pixels made the network answer as it did.</p>"
            )
            for tile in self.tiles:
                tile.setVisible(False)
            return
        names = self._names or tuple(str(i) for i in range(len(self._prediction.probabilities)))
        probs = self._prediction.probabilities
        top, second = explanation.class_index, explanation.runner_up
        red, blue = theme.colours().red, theme.colours().blue
        how = (
            "the change of its score per unit of ink at each pixel"
            if explanation.kind == "gradient"
            else "gradient \u00d7 input: what each inked pixel contributed to its score"
        )
        self.summary.setText(
            f"<p>The network answers <b>{names[top]}</b> with {100 * probs[top]:.1f}%.</p>"
            f"<p>Runner-up: <b>{names[second]}</b> with {100 * probs[second]:.1f}%, a margin of "
            f"<b>{100 * explanation.margin:.1f}</b> percentage points"
            f"{' — a close call' if explanation.margin < 0.2 else ''}.</p>"
            f"<p>The overlay shows {how} for <b>{names[top]}</b>. "
            f"<span style='color:{red}'>Red</span> pixels argue for it, "
            f"<span style='color:{blue}'>blue</span> pixels against it.</p>"
        )
        units = explanation.hidden_units
        for i, tile in enumerate(self.tiles):
            if i < len(units):
                tile.show_unit(*units[i])
                tile.setVisible(True)
            else:
                tile.setVisible(False)

    @Slot(object)
    def _on_theme_changed(self, _colours) -> None:
        self._show_explanation(self._explanation)  # the red and blue words follow the theme

    @Slot(int)
    def _on_kind_combo_changed(self, index: int) -> None:
        self.saliency_kind_changed.emit(self.kind_combo.itemData(index))
