"""The Inside page: every layer of the model on the current drawing, and the arithmetic of one unit.

MLPs are drawn as a node-link diagram, CNNs as all channels of every feature map followed by the
dense layers' diagram. Clicking a unit or a feature-map pixel shows its arithmetic with the real
numbers (computed by ``nndesk.inside``); the softmax panel spells out logits -> exp -> normalise
at a temperature the learner picks. The page only paints snapshots: the prediction worker traces
the layers (``PredictionController.inside_ready``) while the page is shown.
"""

from __future__ import annotations

import html
import logging

import numpy as np
from PySide6.QtCore import QEvent, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSlider,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nndesk import inside
from nndesk.inside_memory import InsideChoice
from nndesk.layer_words import layer_names
from nndesk.ui import kept_choices, text_size
from nndesk.ui import theme as ui_theme
from nndesk.ui.inside_diagram import NetworkDiagram, after_steps
from nndesk.ui.inside_math import (
    conv_grids_html,
    conv_html,
    dense_html,
    linear_html,
    map_html,
    next_pool_html,
    output_words,
    pool_html,
    sigmoid_html,
    softmax_html,
)
from nndesk.ui.inside_pictures import FeatureMaps, WeightPicture
from nndesk.ui.language import (
    fill,
    integer,
    translate,
)

_LOG = logging.getLogger(__name__)
# px: below this page width the arithmetic and the softmax table share the bottom as two tabs
SIDE_BY_SIDE_MIN_WIDTH = 860


def _layer_kinds(model) -> tuple[str, ...]:
    return tuple(type(layer).__name__ for layer in model.layers)


def _draw_something() -> str:
    """The header with nothing drawn (or no model to read it)."""
    return translate(
        "InsideView", "Draw something: this page shows every layer of the network on it."
    )


# ---- the page ------------------------------------------------------------------------------------
class InsideView(QWidget):
    """The Inside page. Feed it ``set_snapshot(InsideSnapshot | None)``; it asks for snapshots
    (``wanted_changed(True)``) while it is shown."""

    wanted_changed = Signal(bool)
    updated = Signal()  # a snapshot was shown (tests wait on it)
    #: the last snapshot given is on screen, its diagram painted (or out of sight): a run's
    #: next snapshot may come (``PredictionController.inside_shown``)
    snapshot_shown = Signal()
    #: the person chose something the page keeps between launches (``choice``): a unit or a
    #: pixel clicked, the bottom tab, the temperature
    choice_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._snapshot = None
        #: the snapshot the arithmetic, the weights, the maps and the softmax table show: the
        #: diagram's (``NetworkDiagram.shown_snapshot``) while its newest paint is under way, so
        #: the page never explains one drawing beside the picture of another (the arithmetic
        #: was one snapshot ahead of the diagram while a run trained, fixU's note)
        self._panel_snapshot = None
        self._selected: tuple | None = None  # ("dense", layer, unit) | ("pixel", layer, c, r, col)
        self._incoming = None  # the newest snapshot, shown by _apply_timer
        self._unshown = False  # the diagram of the last snapshot applied is not yet painted
        #: the page opened with no snapshot and asked for one: until it (or None: nothing
        #: drawn) comes, the header says the drawing is being read, not "Draw something" over
        #: a 7 on the canvas (verify66 #6: ~2 s on a first visit while a run trained)
        self._asked = False
        self._apply_timer = QTimer(self)
        self._apply_timer.setSingleShot(True)
        self._apply_timer.setInterval(0)
        self._apply_timer.timeout.connect(self._apply_incoming)
        self.header = QLabel(_draw_something())
        self.header.setWordWrap(True)
        self.diagram = NetworkDiagram()
        self.maps = FeatureMaps()
        # as with no snapshot (``_refresh``): until the first, its "Draw something to see
        # inside" stood over the diagram's "Drawing the diagram…" on a first visit
        self.maps.hide()
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.maps)
        column.addWidget(self.diagram, 1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(content)
        self.weights = WeightPicture()
        self.arithmetic = QLabel(
            translate("InsideView", "Click a unit or a feature-map pixel to see its arithmetic.")
        )
        self.arithmetic.setWordWrap(True)
        self.arithmetic.setTextFormat(Qt.TextFormat.RichText)
        self.arithmetic.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.arithmetic.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        math_box = QWidget()
        math_row = QHBoxLayout(math_box)
        math_row.addWidget(self.weights, 0, Qt.AlignmentFlag.AlignTop)
        math_row.addWidget(self.arithmetic, 1)
        math_scroll = QScrollArea()
        math_scroll.setWidgetResizable(True)
        math_scroll.setWidget(math_box)
        self.temperature = QSlider(Qt.Orientation.Horizontal)
        self.temperature.setRange(-20, 20)  # log10(T) * 20: T from 0.1 to 10
        self.temperature.setValue(0)
        self.temperature.setToolTip(
            translate(
                "InsideView", "Softmax temperature: divides the logits; the model is unchanged"
            )
        )
        self.temperature_label = QLabel("T = 1")
        self._size_to_font()
        text_size.notifier().changed.connect(self._size_to_font)  # ends with this view
        self.softmax = QLabel()
        self.softmax.setTextFormat(Qt.TextFormat.RichText)
        self.softmax.setWordWrap(True)
        self.softmax.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        soft_box = QWidget()
        soft_col = QVBoxLayout(soft_box)
        soft_col.setContentsMargins(0, 0, 0, 0)
        slider_row = QHBoxLayout()
        self._output = "softmax"  # the shown model's output activation: the panel's words
        self.temperature_title = QLabel(translate("InsideView", "Softmax temperature"))
        slider_row.addWidget(self.temperature_title)
        slider_row.addWidget(self.temperature, 1)
        slider_row.addWidget(self.temperature_label)
        soft_col.addLayout(slider_row)
        soft_col.addWidget(self.softmax, 1)
        soft_scroll = QScrollArea()
        soft_scroll.setWidgetResizable(True)
        soft_scroll.setWidget(soft_box)
        # side by side on a wide page; on a narrow one (1024 px screens) two tabs, each with
        # the page's whole width, instead of two columns that both scroll sideways
        self.math_scroll, self.soft_scroll = math_scroll, soft_scroll
        self.bottom_split = QSplitter(Qt.Orientation.Horizontal)
        self.bottom_split.setChildrenCollapsible(False)
        self.bottom_tabs = QTabWidget()
        self.bottom_tabs.setDocumentMode(True)
        self.bottom = QStackedWidget()
        self.bottom.addWidget(self.bottom_split)
        self.bottom.addWidget(self.bottom_tabs)
        self._narrow: bool | None = None
        #: the tab of the two (Arithmetic, Softmax) chosen on a narrow page: kept while the page
        #: is wide, and across a language switch (the rebuilt page is narrow only once laid out)
        self._bottom_choice = 0
        self._arranging = False  # tabs come and go: not a choice
        #: the conv pixel's arithmetic last written (math, layer, after, grids per row, text):
        #: written again, while shown, when its panel's width takes another number of grids
        self._conv_shown: tuple | None = None
        self.math_scroll.viewport().installEventFilter(self)
        self.bottom_tabs.currentChanged.connect(self._on_bottom_tab_changed)
        self._arrange_bottom(narrow=False)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.scroll)
        split.addWidget(self.bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([330, 270])
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(split, 1)
        self.diagram.unit_clicked.connect(self._on_unit_clicked)
        self.diagram.painted.connect(self._on_diagram_painted)
        self.diagram.image_shown.connect(self._on_diagram_image_shown)
        self.maps.pixel_clicked.connect(self._on_pixel_clicked)
        self.temperature.valueChanged.connect(self._show_softmax)
        self.temperature.valueChanged.connect(self.choice_changed)
        ui_theme.notifier().changed.connect(self._on_theme_changed)  # ends with this view
        kept_choices.keep(self.temperature, "temperature")
        kept_choices.keep(
            self.bottom_tabs, "bottom-tab", read=self.bottom_tab, write=self.show_bottom_tab
        )
        kept_choices.keep(self, "selection", read=self.selection, write=self.restore_selection)

    @Slot()
    def _size_to_font(self) -> None:
        """Room for the widest temperature, with a margin, in the window's font (when built and
        at each View > Text size step): the slider does not jump as T changes."""
        widest = self.temperature_label.fontMetrics().horizontalAdvance("T = 0.000")
        self.temperature_label.setMinimumWidth(widest + 12)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._arrange_bottom(narrow=self.width() < SIDE_BY_SIDE_MIN_WIDTH)

    def bottom_tab(self) -> int:
        """The tab chosen on a narrow page: 0 Arithmetic, 1 Softmax (also while wide)."""
        return self._bottom_choice

    def show_bottom_tab(self, index: int) -> None:
        """Show tab ``index`` (``bottom_tab``) now if the page is narrow, else once it is."""
        self._bottom_choice = index
        if self._narrow and 0 <= index < self.bottom_tabs.count():
            self.bottom_tabs.setCurrentIndex(index)

    @Slot(int)
    def _on_bottom_tab_changed(self, index: int) -> None:
        if not self._arranging and index >= 0:
            self._bottom_choice = index
            self.choice_changed.emit()

    def choice(self) -> InsideChoice:
        """What the page shows by the person's choice: kept between launches (settings), as the
        Why page keeps its method (fixW #4)."""
        return InsideChoice(self._selected, self._bottom_choice, self.temperature.value())

    def restore_choice(self, choice: InsideChoice) -> None:
        """Show ``choice`` (``choice``) as the person left it: its unit or pixel once it exists
        in the network of a snapshot (else the page's own pick, as for a new model)."""
        self.temperature.setValue(choice.temperature)
        self.show_bottom_tab(choice.tab)
        if choice.selection is not None:
            self.restore_selection(choice.selection)

    def _arrange_bottom(self, narrow: bool) -> None:
        """The arithmetic and the softmax table: in two tabs when narrow, else side by side."""
        if narrow == self._narrow:
            return
        self._narrow = narrow
        self._arranging = True
        try:
            self._place_bottom(narrow)
        finally:
            self._arranging = False

    def _place_bottom(self, narrow: bool) -> None:
        if narrow:
            tabs = self.bottom_tabs
            tabs.addTab(self.math_scroll, translate("InsideView", "Arithmetic"))
            title, tip = output_words(self._output)
            tabs.addTab(self.soft_scroll, title)
            tabs.setTabToolTip(
                0, translate("InsideView", "the arithmetic of the unit or pixel you clicked")
            )
            tabs.setTabToolTip(1, tip)
            tabs.setCurrentIndex(self._bottom_choice)
            self.bottom.setCurrentWidget(self.bottom_tabs)
        else:
            self.bottom_split.addWidget(self.math_scroll)
            self.bottom_split.addWidget(self.soft_scroll)
            self.bottom_split.setStretchFactor(0, 3)
            self.bottom_split.setStretchFactor(1, 2)
            self.bottom.setCurrentWidget(self.bottom_split)

    @Slot(object)
    def _on_theme_changed(self, _colours) -> None:
        self._refresh()  # link and unit colours mix with the palette's base

    # -- visibility: snapshots are traced only while the page is shown --------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._snapshot is None and self._incoming is None:
            self.diagram.wait_for_snapshot()  # None comes at once when nothing is drawn
            self._asked = True
            self.header.setText(translate("InsideView", "Reading the drawing…"))
        self.wanted_changed.emit(True)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.wanted_changed.emit(False)

    # -- data ------------------------------------------------------------------------------------
    def snapshot(self):
        return self._snapshot

    @Slot(object)
    def set_snapshot(self, snapshot) -> None:
        """Show ``snapshot`` (controllers.prediction.InsideSnapshot) or nothing (None) soon.

        The page repaints from the event loop after the probability bars have painted, and a
        burst of snapshots is shown once (the newest): the bars never wait for this page.
        """
        self._incoming = snapshot
        if not self._apply_timer.isActive():
            self._apply_timer.start()

    def _apply_incoming(self) -> None:
        snapshot = self._incoming
        self._asked = False  # the answer came: a drawing's trace, or None (nothing drawn)
        old = self._snapshot
        self._snapshot = snapshot
        new_model = snapshot is not None and (old is None or old.model is not snapshot.model)
        if new_model and self._selected is not None and not self._valid(self._selected):
            self._selected = None
        if snapshot is not None and self._selected is None:
            self._selected = self._default_selection()
        if new_model and (old is None or _layer_kinds(old.model) != _layer_kinds(snapshot.model)):
            # another network: start at its top (a CNN scrolled to its dense part would leave an
            # MLP's diagram with its column titles above the view)
            self.scroll.verticalScrollBar().setValue(0)
        self._refresh()  # says ``updated`` once its panels show it
        if snapshot is None:
            self.updated.emit()
        self._unshown = True
        if snapshot is None or self.diagram.visibleRegion().isEmpty() or self.diagram.is_current():
            self._on_diagram_painted()  # no paint to wait for (a CNN's maps fill the view)

    @Slot()
    def _on_diagram_painted(self) -> None:
        if self._unshown:
            self._unshown = False
            self.snapshot_shown.emit()

    def _valid(self, sel) -> bool:
        model = self._snapshot.model
        if sel[1] >= len(model.layers):
            return False
        name = type(model.layers[sel[1]]).__name__
        shape = self._snapshot.trace.layers[sel[1]].values.shape
        if sel[0] == "dense":
            return name == "Dense" and sel[2] < shape[0]
        # any feature map: a conv's, a pool's, an element-wise layer's or the input's
        return (
            name != "Dense"
            and len(shape) == 3
            and len(sel) == 5
            and all(0 <= v < n for v, n in zip(sel[2:], shape, strict=True))
        )

    def _default_selection(self):
        model, tr = self._snapshot.model, self._snapshot.trace
        if inside.is_mlp(model):
            first = inside.dense_layers(model)[0]
            unit = int(inside.most_active(after_steps(model, tr, first), 1)[0])
            return ("dense", first, unit)
        conv = next(i for i, layer in enumerate(model.layers) if type(layer).__name__ == "Conv2D")
        v = tr.layers[conv].values  # (c, h, w): the strongest response of the first map
        r, c = np.unravel_index(int(np.argmax(v[0])), v[0].shape)
        return ("pixel", conv, 0, int(r), int(c))

    @Slot(int, int)
    def select_unit(self, layer: int, unit: int) -> None:
        self._selected = ("dense", layer, unit)
        self._refresh()

    @Slot(int, int, int, int)
    def select_pixel(self, layer: int, channel: int, row: int, col: int) -> None:
        self._selected = ("pixel", layer, channel, row, col)
        self._refresh()

    @Slot(int, int)
    def _on_unit_clicked(self, layer: int, unit: int) -> None:
        self.select_unit(layer, unit)
        self._show_arithmetic()
        self.choice_changed.emit()

    @Slot(int, int, int, int)
    def _on_pixel_clicked(self, layer: int, channel: int, row: int, col: int) -> None:
        self.select_pixel(layer, channel, row, col)
        self._show_arithmetic()
        self.choice_changed.emit()

    def _show_arithmetic(self) -> None:
        """Bring the Arithmetic tab forward on a narrow page: a click on a unit or a pixel
        asks for its arithmetic, and behind the Softmax tab it filled a hidden page, the
        click seeming to do nothing (walk66 #1)."""
        self.show_bottom_tab(0)

    def selection(self):
        return self._selected

    def restore_selection(self, selected) -> None:
        """Show ``selected`` (``selection``: the unit or pixel clicked) when it exists in the
        network of the next snapshot (a window rebuilt in another language has none yet)."""
        self._selected = selected
        if self._snapshot is not None:
            if selected is not None and not self._valid(selected):
                self._selected = self._default_selection()
            self._refresh()

    def current_math(self):
        """The arithmetic shown now: DenseUnit | ConvPixel | PoolWindow | MapPixel | None."""
        snap = self._panel_snapshot
        if snap is None or self._selected is None:
            return None
        model, tr = snap.model, snap.trace
        if self._selected[0] == "dense":
            _, layer, unit = self._selected
            return inside.dense_unit(model, tr, layer, unit)
        _, layer, channel, row, col = self._selected
        # every map row is clickable: a ReLU's or a BatchNorm's map went to the conv arithmetic
        # and raised, freezing the page on the old drawing (walk55 D1)
        return inside.pixel_math(model, tr, layer, channel, row, col)

    def _math_or_none(self):
        """``current_math``, or None (the selection dropped, the error logged) when working it
        out fails: one bad explanation must not stop the page following the drawing, as every
        snapshot after a bad click raised again (walk55 D1)."""
        try:
            return self.current_math()
        except Exception:  # noqa: BLE001 - any bug in one explanation: the page goes on
            _LOG.exception("Inside page: no arithmetic for %r", self._selected)
            self._selected = None
            return None

    def _fitted_conv_html(self, math, layer: str, after: str) -> str:
        """A conv pixel's arithmetic with as many of its three grids side by side as the
        arithmetic's panel has the width for (at 1024x768 the third was cut, walk61 D11)."""
        per_row = self._grids_per_row(math)
        text = conv_html(math, layer, per_row) + after
        self._conv_shown = (math, layer, after, per_row, text)
        return text

    def _grids_per_row(self, math) -> int:
        room = self.math_scroll.viewport().width() - 24  # the label's and the table's margins
        document = QTextDocument()
        document.setDefaultFont(self.arithmetic.font())
        for per_row in (3, 2):
            document.setHtml(conv_grids_html(math, per_row, said=False))
            if document.idealWidth() <= room:
                return per_row
        return 1

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        shown = self._conv_shown
        if (
            shown is not None
            and event.type() == QEvent.Type.Resize
            and watched is self.math_scroll.viewport()
            and self.arithmetic.text() == shown[4]
            and self._grids_per_row(shown[0]) != shown[3]
        ):
            self.arithmetic.setText(self._fitted_conv_html(*shown[:3]))
        return super().eventFilter(watched, event)

    # -- painting --------------------------------------------------------------------------------
    def _refresh(self) -> None:
        """The page for the newest snapshot: the header and the diagram now, the other panels
        with the diagram's picture (``_panels_follow``)."""
        snap = self._snapshot
        if snap is None:
            self._panel_snapshot = None
            self.header.setText(
                translate("InsideView", "Reading the drawing…")
                if self._asked
                else _draw_something()
            )
            self.diagram.set_snapshot(None, None)
            self.maps.set_snapshot(None, [])
            self.maps.hide()
            self.weights.set_weights(None)
            self.arithmetic.setText(
                translate(
                    "InsideView", "Click a unit or a feature-map pixel to see its arithmetic."
                )
            )
            self.softmax.setText("")
            return
        model = snap.model
        mlp = inside.is_mlp(model)
        self.header.setText(
            f"<b>{html.escape(snap.classifier.title)}</b>: "
            + (
                translate(
                    "InsideView",
                    "each column is a layer, each circle a unit coloured by its activation "
                    "(red positive, blue negative); lines are the strongest weight × input. "
                    "Click a unit for its arithmetic.",
                )
                if mlp
                else translate(
                    "InsideView",
                    "every channel of every layer on your drawing (red positive, blue "
                    "negative), then the dense layers. Click a unit or a feature-map pixel for "
                    "its arithmetic.",
                )
            )
        )
        sel = self._selected
        dense_sel = (sel[1], sel[2]) if sel is not None and sel[0] == "dense" else None
        self.diagram.set_snapshot(snap, dense_sel)
        self._panels_follow()

    def _panels_follow(self) -> None:
        """The panels under and beside the diagram show the snapshot of its picture on screen,
        or the newest when the diagram shows none, is out of sight, or is of another network."""
        snap = self._snapshot
        if snap is None:
            return
        shown = self.diagram.shown_snapshot()
        follows_newest = (
            shown is None
            or shown is snap
            or self.diagram.visibleRegion().isEmpty()
            or _layer_kinds(shown.model) != _layer_kinds(snap.model)
        )
        panel = snap if follows_newest else shown
        newer = panel is not self._panel_snapshot
        self._panel_snapshot = panel
        self._refresh_panels()
        if newer and panel is snap:
            self.updated.emit()

    @Slot()
    def _on_diagram_image_shown(self) -> None:
        if self._snapshot is not None and self._panel_snapshot is not self.diagram.shown_snapshot():
            self._panels_follow()

    def _refresh_panels(self) -> None:
        """The arithmetic, the weights, the maps and the softmax table of ``_panel_snapshot``."""
        snap = self._panel_snapshot
        model = snap.model
        mlp = inside.is_mlp(model)
        math = self._math_or_none()
        marks: list = []
        highlight = self.palette().highlight().color()
        if isinstance(math, inside.DenseUnit):
            dense = inside.dense_layers(model)
            output = math.layer_index == dense[-1]
            hidden = dense.index(math.layer_index) + 1 if math.layer_index in dense else 0
            self.arithmetic.setText(
                dense_html(math, snap.trace.class_names, output, hidden, model.output)
            )
            # a picture only for the weights from the drawing's pixels: a 784-784-10 net's
            # output units drew their 784 weights from hidden units as a 28×28 image (walk55 D5)
            first_in = (
                mlp
                and math.layer_index == dense[0]
                and snap.trace.layer_input(math.layer_index).size == 784
            )
            caption = translate("InsideView", "its weights ({size})").format(
                size="28×28" if first_in else integer(math.weights.size)
            )
            self.weights.set_weights(math.weights, caption, picture=first_in)
            self.weights.show()
        elif isinstance(math, inside.ConvPixel):
            pool = inside.pool_after(model, snap.trace, math)
            names = layer_names(model)  # "Conv 1", as the Lab and the Map (walk59 D11)
            after = (
                "" if pool is None else "<br>" + next_pool_html(math, pool, names[pool.layer_index])
            )
            self.arithmetic.setText(self._fitted_conv_html(math, names[math.layer_index], after))
            self.weights.hide()
            k = math.kernel.shape[-1]
            p, s = model.layers[math.layer_index].padding, model.layers[math.layer_index].stride
            marks.append(
                (math.layer_index, math.channel, QRectF(math.col, math.row, 1, 1), highlight)
            )
            prev = self._previous_spatial(math.layer_index)
            if prev is not None:
                c = int(np.argmax(np.abs(math.channel_sums)))
                marks.append((prev, c, QRectF(math.col * s - p, math.row * s - p, k, k), highlight))
        elif isinstance(math, inside.PoolWindow):
            self.arithmetic.setText(pool_html(math, layer_names(model)[math.layer_index]))
            self.weights.hide()
            size = math.window.shape[0]
            marks.append(
                (math.layer_index, math.channel, QRectF(math.col, math.row, 1, 1), highlight)
            )
            prev = self._previous_spatial(math.layer_index)
            if prev is not None:
                marks.append(
                    (
                        prev,
                        math.channel,
                        QRectF(math.col * size, math.row * size, size, size),
                        highlight,
                    )
                )
                r, c = math.winner
                marks.append((prev, math.channel, QRectF(c, r, 1, 1), QColor(255, 200, 0)))
        elif isinstance(math, inside.MapPixel):
            prev = self._previous_spatial(math.layer_index)
            source = None
            if prev is not None and math.name != "Reshape":
                source = layer_names(model)[prev]
            self.arithmetic.setText(map_html(math, source, layer_names(model)[math.layer_index]))
            self.weights.hide()
            here = QRectF(math.col, math.row, 1, 1)
            marks.append((math.layer_index, math.channel, here, highlight))
            if source is not None:
                marks.append((prev, math.channel, here, highlight))
        else:
            self.weights.hide()
            self.arithmetic.setText(
                translate(
                    "InsideView", "Click a unit or a feature-map pixel to see its arithmetic."
                )
            )
        self.maps.setVisible(not mlp)
        self.maps.set_snapshot(None if mlp else snap, marks)
        self._show_softmax()

    def _previous_spatial(self, index: int) -> int | None:
        """The layer whose output layer ``index`` reads, when that output is a feature map."""
        tr = self._panel_snapshot.trace
        if index == 0 or tr.layers[index - 1].values.ndim != 3:
            return None
        return index - 1

    @Slot()
    def _show_softmax(self, *_args) -> None:
        t = 10 ** (self.temperature.value() / 20)
        self.temperature_label.setText(fill("T = {t:.2g}", t=t))
        snapshot = self._panel_snapshot
        if snapshot is None:
            return
        self._name_output(snapshot.model.output)
        logits, names = snapshot.trace.logits, snapshot.trace.class_names
        calibrated_t = snapshot.classifier.temperature
        if snapshot.model.output == "sigmoid":
            text = sigmoid_html(inside.sigmoid_steps(logits, t), names, calibrated_t)
        elif snapshot.model.output == "linear":
            text = linear_html(logits, names)
        else:
            text = softmax_html(inside.softmax_steps(logits, t), names, calibrated_t)
        self.softmax.setText(text)

    def _name_output(self, output: str) -> None:
        """The panel's tab, slider and tooltip say which output the model has."""
        if output == self._output:
            return
        self._output = output
        title, tip = output_words(output)
        index = self.bottom_tabs.indexOf(self.soft_scroll)
        if index >= 0:
            self.bottom_tabs.setTabText(index, title)
            self.bottom_tabs.setTabToolTip(index, tip)
        sigmoid = output == "sigmoid"
        self.temperature_title.setText(
            translate("InsideView", "Sigmoid temperature")
            if sigmoid
            else translate("InsideView", "Softmax temperature")
        )
        self.temperature.setToolTip(
            translate(
                "InsideView", "Sigmoid temperature: divides the logits; the model is unchanged"
            )
            if sigmoid
            else translate(
                "InsideView", "Softmax temperature: divides the logits; the model is unchanged"
            )
        )
        linear = output == "linear"  # its outputs are used as they are: no temperature
        for widget in (self.temperature, self.temperature_title, self.temperature_label):
            widget.setVisible(not linear)
