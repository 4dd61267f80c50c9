"""The Map page: test images placed in 2-D as a chosen layer sees them (PCA or t-SNE), coloured by
class, mistakes ringed; hovering shows the image and its top two answers, a click puts it on the
canvas. The map is computed by an ``ExploreController`` off the GUI thread."""

from __future__ import annotations

import html
import time
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nndesk.layer_words import layer_choice, layer_kind, layer_names, model_index_tip
from nndesk.map_memory import KeptMaps, evaluation_key
from nndesk.ui import qt_image, theme
from nndesk.ui.buttons import tipped_button
from nndesk.ui.data_banner import EvaluationDataBanner
from nndesk.ui.fit_column import fit_page
from nndesk.ui.flow_layout import flow_row
from nndesk.ui.folder_source_note import image_file
from nndesk.ui.language import (
    class_names_shown,
    counts_whole,
    integer,
    percent,
    shape,
    translate,
)
from nndesk.ui.plot_widget import PlotWidget
from nndesk.ui.train_texts import format_eta

#: seconds of iterations before the progress bar says the time left (a pace from the first
#: second or two jumps about)
ETA_AFTER_S = 3.0


@dataclass(frozen=True)
class MapViewState:
    """What ``MapView.view_state`` keeps: the layer, method and image count chosen, and the
    map drawn (``MapData``, or None)."""

    layer: int
    method: int
    points: int
    data: object


class MapView(QWidget):
    """A scatter of ``MapData``; ``show_on_canvas_requested(image28, true_label)`` on a click."""

    show_on_canvas_requested = Signal(object, int)
    #: (test-set index, dataset name) of the image just put on the canvas: the window's
    #: "Test #" and the caption under it follow
    test_image_shown = Signal(int, str)
    shown = Signal()  # the page became visible: it needs an evaluation

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._result = None
        self._result_key: bytes | None = None  # ``evaluation_key`` of ``_result``
        self._asked_key: bytes | None = None  # the key the map being computed is for
        self._kept = KeptMaps()  # each model's last map, back after a mode round trip
        self._classifier = None  # the window's model: its layers are listed before any data
        self._layers_of = None  # the model whose layers the Layer box lists
        self._layer_names: list[str] = []  # its layers' names, by model index
        self.data = None
        self._hover: int | None = None
        #: the drawing on the canvas as the model is shown it ((28, 28) float32), or None
        self._drawing: np.ndarray | None = None
        self._drawing_stale = False  # it changed while the page was hidden: placed when shown
        self._drawing_mark = None  # the star where the drawing lands (a matplotlib collection)

        self.model_name = QLabel()  # which model the map is of
        font = self.model_name.font()
        font.setBold(True)
        self.model_name.setFont(font)
        self.layer = QComboBox()
        # "9: ReLU (None, 128)" whole, not cut to "9: ReLU ("
        self.layer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.layer.setToolTip(translate("MapView", "The layer whose outputs place the images"))
        self.method = QComboBox()
        self.method.addItem("PCA", "pca")
        self.method.addItem("t-SNE", "tsne")
        self.method.setToolTip(
            translate(
                "MapView",
                "PCA: the two directions of largest spread (instant). t-SNE: keeps neighbours "
                "together (about a minute for 2,000 images)",
            )
        )
        self.points = QSpinBox()
        self.points.setRange(100, 2000)
        self.points.setSingleStep(100)
        self.points.setValue(1000)
        # "1.000" in Vietnamese, as the map's title writes it ("1.000 ảnh kiểm tra"; walk69 L13)
        self.points.setGroupSeparatorShown(True)
        self.points.setToolTip(translate("MapView", "Test images on the map"))
        self.draw_button = tipped_button(
            translate("MapView", "Draw the map"),
            translate("MapView", "Compute the map off the window's thread (progress below)"),
        )
        self.draw_button.clicked.connect(self.request)
        self.draw_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        #: (clock, done) when the map's iterations began: their pace says the time left
        self._eta_from: tuple[float, int] | None = None
        self._clock = time.monotonic  # (tests set their own)
        # a 2,000-image t-SNE takes a minute or more: it can be stopped, as Measure robustness
        # can (walk53 #7)
        self.cancel_button = tipped_button(
            translate("MapView", "Cancel"),
            translate("MapView", "Stop computing the map; the map shown before stays"),
        )
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.note = QLabel()  # says a map was stopped
        self.note.setWordWrap(True)
        theme.set_tone(self.note, "muted")
        self.note.setVisible(False)
        self.plot = PlotWidget(figsize=(6.0, 5.0))
        self.plot.setMinimumHeight(360)
        self.plot.canvas.mpl_connect("motion_notify_event", self._on_motion)
        self.plot.canvas.mpl_connect("button_press_event", self._on_click)
        self.plot.canvas.mpl_connect("resize_event", self._fit_title_and_key)
        self._title_words = ""  # the map's title before it is fitted to the chart's width
        self._key_columns = 0  # the columns of the map's key (0: no key)
        self.thumb = QLabel()
        self.thumb.setFixedSize(112, 112)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setMinimumWidth(160)
        theme.set_tone(self.caption, "muted")
        #: where the drawing landed and how it was placed (t-SNE cannot place a new image)
        self.drawing_note = QLabel()
        self.drawing_note.setWordWrap(True)
        self.drawing_note.setMinimumWidth(160)
        self.drawing_note.setMaximumWidth(220)
        self.drawing_note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self._forget_hovered()

        side = QVBoxLayout()
        side.addWidget(self.thumb)
        side.addWidget(self.caption)
        side.addSpacing(8)
        side.addWidget(self.drawing_note)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.plot, 1)
        body.addLayout(side)
        # the test images missing or damaged: what is wrong and the buttons that get them
        # (Download, Choose a folder…), as on Evaluate (wired by the window)
        self.message = EvaluationDataBanner(has_result=lambda: self._result is not None)
        layout = QVBoxLayout()
        layout.addWidget(self.message)
        layout.addWidget(
            flow_row(
                self.model_name,
                QLabel(translate("MapView", "Layer")),
                self.layer,
                self.method,
                QLabel(translate("MapView", "Images")),
                self.points,
                self.draw_button,
            )
        )
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        layout.addWidget(self.note)
        layout.addLayout(body, 1)
        # scrolled, not squeezed, when the page is shorter than the banner, the row and the
        # map's least height together: the banner no longer raises the window's least height
        fit_page(self, layout, self.message)
        controller.map_progressed.connect(self._on_progressed)
        controller.map_ready.connect(self.show_map)
        controller.failed.connect(self._on_failed)
        controller.drawing_placed.connect(self._on_drawing_placed)
        controller.placing_failed.connect(self._on_placing_failed)
        # the rings (and their key) take the theme's text colour: recoloured on a switch
        self._rings = self._rings_key = None
        self._restyle_when_shown = False  # the theme changed while the empty page was hidden
        theme.notifier().changed.connect(self._on_theme_changed)
        self._show_hint()

    def hint(self) -> str:
        """What the empty map says to do next ("" once a map is drawn)."""
        if self.data is not None:
            return ""
        if self.message.isVisibleTo(self):  # the banner above says what is missing
            return translate(
                "MapView",
                "The map places the test images by what the model makes of them: get the "
                "test images first.",
            )
        if self._result is None or self._result.classifier is None:
            return translate(
                "MapView",
                "The map places the test images by what the model makes of them, so it needs "
                "the model's results on the test set. They are computed when this page opens; "
                "the Evaluate page shows the progress, or which dataset is missing.",
            )
        if self.progress.isVisibleTo(self):  # "Press Draw the map" while it was computed
            return translate(
                "MapView",
                "Drawing the map: each test image becomes a dot, placed by how the chosen layer "
                "sees it. The bar above shows how far it has got.",
            )
        return translate(
            "MapView",
            "Press “Draw the map”: each test image becomes a dot, placed by how the chosen "
            "layer sees it, so images it finds alike land close together.",
        )

    def _show_hint(self) -> None:
        """An empty map says what to do instead of staying blank."""
        from nndesk.viz import muted_colour

        fig = self.plot.figure
        fig.clear()
        fig.text(0.5, 0.5, self.hint(), ha="center", va="center", wrap=True, color=muted_colour())
        if self.plot.isVisible():
            # one line of text, drawn at once (a few ms): in the stepped canvas's turns the last
            # picture stays on screen until the new one is whole, and under load the Map said
            # "Press “Draw the map”" for a second beside the bar and Cancel of the map being
            # drawn (verify65 #6; seen again at load 12, s67)
            self.plot.canvas.draw()
        else:
            self.plot.request_draw(full=True)  # drawn when shown

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._restyle_when_shown:
            self._restyle_when_shown = False
            self._on_theme_changed(None)
        if self._drawing_stale:
            self._place_drawing()
        self.shown.emit()

    @Slot(object)
    def set_classifier(self, classifier) -> None:
        """The window's model (None: none): its layers are in the Layer box at once. They
        come from the model, not the test images: without data the box was empty."""
        self._classifier = classifier
        if self._result is None:
            self._list_layers(classifier)

    def set_result(self, result) -> None:
        """The evaluation whose test images and model the map uses."""
        self._result = result
        self.data = None
        self._drawing_mark = None
        self._forget_hovered()
        self._say_drawing_place(None)
        ok = result is not None and result.classifier is not None
        self._list_layers(result.classifier if ok else self._classifier)
        self.draw_button.setEnabled(ok)
        self.note.setVisible(False)  # a stopped map's line spoke of the map before
        if ok:
            self.message.clear()  # evaluated: whatever data it lacked is here
        self._result_key = evaluation_key(result) if ok else None
        kept = self._kept.get(self._result_key)
        if kept is not None:  # the same model on the same images: its map, with its layer
            self.layer.setCurrentIndex(max(0, self.layer.findData(kept.layer)))
            self.method.setCurrentIndex(max(0, self.method.findData(kept.method)))
            self.show_map(kept)
            return
        self._show_hint()

    def _list_layers(self, classifier) -> None:
        """The Layer box lists ``classifier``'s layers (None: none); the same model's list, and
        the layer chosen in it, stay as they are."""
        self.model_name.setText(classifier.title if classifier is not None else "")
        if classifier is not None and classifier is self._layers_of:
            return
        self._layers_of = classifier
        self.layer.clear()
        self.layer.setEnabled(classifier is not None)
        if classifier is None:
            return
        rows = classifier.model.summary_rows()
        # named as Inside and the Lab name them (walk59 D11), the model's index in the tooltip
        self._layer_names = layer_names([name for name, _, _ in rows])
        for i, (name, dims, _) in enumerate(rows):
            self.layer.addItem(layer_choice(self._layer_names[i], layer_kind(name), shape(dims)), i)
            self.layer.setItemData(i, model_index_tip(i), Qt.ItemDataRole.ToolTipRole)
        # the last hidden layer before the output: where the classes separate
        self.layer.setCurrentIndex(max(0, len(rows) - 3))

    @Slot(str, object)
    def evaluation_failed(self, message: str, offer=None) -> None:
        """The model could not be evaluated. Its test images missing or damaged (``offer``, a
        DataOffer), or a folder of the other dataset: the banner with Download / Choose a
        folder… / Switch to …, as on Evaluate (the empty map's hint says the rest)."""
        if self.message.offer_failure(message, offer):
            self._show_hint()

    @Slot()
    def data_changed(self) -> None:
        """The datasets on this computer changed: a banner that asked for them goes, and the
        model is evaluated again (the banner's ``retry_requested``)."""
        if self.message.data_changed():
            self._show_hint()

    def _forget_hovered(self) -> None:
        """No image beside the map: the one shown was from a map no longer drawn."""
        self._hover = None
        self.thumb.clear()
        self.caption.setText(translate("MapView", "Point at an image to see it."))

    @Slot()
    def request(self) -> None:
        if self._result is None:
            return
        self.progress.setRange(0, 0)
        self.progress.setFormat("%p%")
        self._eta_from = None
        self._computing(True)
        self.note.setVisible(False)
        self._asked_key = self._result_key
        self._controller.request_map(
            self._result, self.layer.currentData(), self.method.currentData(), self.points.value()
        )

    def _computing(self, busy: bool) -> None:
        """The progress bar and Cancel while a map is computed; Draw the map otherwise. With
        no map drawn yet the empty chart says which (walk64: it said "Press “Draw the map”"
        for the 45 s of a t-SNE)."""
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.draw_button.setEnabled(not busy and self._result is not None)
        if self.data is None:
            self._show_hint()

    @Slot()
    def _on_cancel_clicked(self) -> None:
        """Stop the map: the map drawn before (or the hint) stays, and a line says so."""
        self._controller.cancel_map()
        self._computing(False)
        self.note.setText(
            translate("MapView", "Stopped: the map below is the one drawn before.")
            if self.data is not None
            else translate("MapView", "Stopped before the map was drawn.")
        )
        self.note.setVisible(True)

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self._progress_text(done, total))

    def _progress_text(self, done: int, total: int) -> str:
        """The share done and, once the iterations have a pace, the time left as the training
        bar says it ("37%  ·  ETA 3:05"): a t-SNE's bare "3 %" after 45 s said nothing of the
        minutes to come (walk66 #9). Timed from the first iteration: the search of the
        affinities before it (done 0) runs at another pace."""
        now = self._clock()
        shown = percent(done / max(total, 1), 0)
        if done <= 0 or self._eta_from is None or done < self._eta_from[1]:
            self._eta_from = (now, done)
            return shown
        start, first = self._eta_from
        elapsed = now - start
        if done == first or elapsed < ETA_AFTER_S:
            return shown
        left = (total - done) * elapsed / (done - first)
        return translate("MapView", "{percent}  ·  ETA {eta}").format(
            percent=shown, eta=format_eta(left)
        )

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._computing(False)
        self.caption.setText(message)

    def _on_theme_changed(self, _colours) -> None:
        if self.data is not None:
            # recoloured, not plotted again (~20 ms of the switch's GUI-thread block): the
            # theme's restyle recolours the figure's text and backgrounds and draws it, now on
            # screen or when shown; the rings alone carry the text colour
            colour = theme_text()
            for rings in (self._rings, self._rings_key):
                if rings is not None:
                    rings.set_edgecolor(colour)
            if self._drawing_mark is not None:
                self._drawing_mark.set_facecolor(colour)
                self._drawing_mark.set_edgecolor(theme_back())
            return
        if not self.isVisible():
            self._restyle_when_shown = True  # the hint, as the page is shown
            return
        self._show_hint()

    @Slot(object)
    def show_map(self, data) -> None:
        from nndesk.viz import PALETTE

        self.data = data
        if self._asked_key is not None and self._asked_key == self._result_key:
            self._kept.keep(self._asked_key, data)  # computed for the evaluation shown
        self._hover = None  # rows of the last map are not rows of this one
        self._computing(False)
        self.note.setVisible(False)
        fig = self.plot.figure
        fig.clear()
        ax = fig.add_subplot(1, 1, 1)
        names = class_names_shown(self._result.class_names) if self._result is not None else ()
        colours = np.array(PALETTE)[data.labels % len(PALETTE)]
        ax.scatter(data.coords[:, 0], data.coords[:, 1], s=9, c=colours, linewidths=0)
        wrong = data.predictions != data.labels
        self._rings = ax.scatter(
            data.coords[wrong, 0],
            data.coords[wrong, 1],
            s=40,
            facecolors="none",
            edgecolors=theme_text(),
            linewidths=0.9,
            label=translate("MapView", "mistakes"),
        )
        for k, name in enumerate(names):
            ax.scatter([], [], s=20, c=PALETTE[k % len(PALETTE)], label=name)
        # under the plot, not over it ("best" still put ten classes' names over points); not
        # beside it either, where it took a third of the 1024-px page's narrow plot. The
        # figure's key, not the Axes': the stepped canvas draws it in a turn of its own (the
        # key was ~60 % of the Axes' ~35 ms draw, in one block with the points)
        self._key_columns = 0  # none yet: _fit_title_and_key makes it
        ax.set_xticks([])
        ax.set_yticks([])
        method = "t-SNE" if data.method == "tsne" else "PCA"
        self._title_words = translate("MapView", "{method} of {layer}: {n} test images").format(
            method=method, layer=self._layer_name(data.layer), n=integer(len(data.indices))
        )
        ax.set_title(self._title_words, fontsize="medium")
        # where the drawing lands, hidden until it is placed (off the GUI thread)
        self._drawing_mark = ax.scatter(
            [], [], s=260, marker="*", c=theme_text(), edgecolors=theme_back(), linewidths=0.8,
            zorder=5,
        )  # fmt: skip
        self._fit_title_and_key()
        self.plot.request_draw(full=True)
        self._say_drawing_place(None)
        self._place_drawing()

    def _fit_title_and_key(self, _event=None) -> None:
        """The title on as many lines, and the key in as many columns (3, 2, 1), as keep them
        inside the figure's width: at 1024 px and Larger text (charts x1.25) the 286 px chart
        cut "PCA của Ẩn 1 ReLU: 1.000 ảnh kiểm tra" and a 3-column key of Vietnamese garment
        names at both edges (walk61 D16). Again on every resize (a text size step is one)."""
        fig = self.plot.figure
        if self.data is None or not fig.axes:
            return
        ax = fig.axes[0]
        renderer = fig.canvas.get_renderer()
        room = fig.bbox.width - 4

        def wide(text) -> float:
            return text.get_window_extent(renderer).width

        ax.title.set_text(self._title_words)
        if wide(ax.title) > room:
            lines, words = [], self._title_words.split(" ")
            for word in words:
                ax.title.set_text(" ".join([*lines[-1:], word]) if lines else word)
                if lines and wide(ax.title) <= room:
                    lines[-1] = ax.title.get_text()
                else:
                    lines.append(word)
            ax.title.set_text("\n".join(lines))
        for columns in (3, 2, 1):
            if columns != self._key_columns or not fig.legends:
                self._make_key(columns)
            if wide(fig.legends[0]) <= room:
                break

    def _make_key(self, columns: int) -> None:
        fig = self.plot.figure
        for key in list(fig.legends):
            key.remove()
        key = fig.legend(
            *fig.axes[0].get_legend_handles_labels(),
            loc="outside lower center",
            ncols=columns,
            fontsize="x-small",
            frameon=False,
            markerscale=1.2,
            # a dot needs no long handle: two columns of Vietnamese names in a 286 px chart
            handlelength=1.0,
            handletextpad=0.4,
            columnspacing=1.2,
        )
        self._key_columns = columns
        self._rings_key = key.legend_handles[0]  # "mistakes", the first labelled

    def _layer_name(self, index: int) -> str:
        """The name the Layer box gives the model's layer ``index``."""
        if 0 <= index < len(self._layer_names):
            return self._layer_names[index]
        return str(index)

    # -- the drawing on the map ------------------------------------------------------------
    @Slot(object)
    def set_drawing(self, image28: np.ndarray | None) -> None:
        """The drawing on the canvas as the model is shown it ((28, 28) float32 0..255), or
        None (an empty canvas): placed on the map off the GUI thread, now or when the page is
        shown (a hidden page places nothing at every stroke)."""
        self._drawing = None if image28 is None else np.array(image28, np.float32)
        if self.isVisible():
            self._place_drawing()
        else:
            self._drawing_stale = True

    def _place_drawing(self) -> None:
        """Ask where the drawing lands on the map drawn (``ExploreController.request_place``);
        without a drawing or a map the star goes and the note says why."""
        self._drawing_stale = False
        data, result = self.data, self._result
        if data is None or result is None or result.classifier is None:
            return
        if self._drawing is None:
            self._say_drawing_place(None)
            return
        if data.features is None:
            self.drawing_note.setText(
                translate(
                    "MapView",
                    "Your drawing is not placed: this layer's outputs are too large to keep for "
                    "the map. Choose a later layer to see where it lands.",
                )
            )
            return
        self._controller.request_place(data, result.classifier, self._drawing)

    @Slot(object)
    def _on_drawing_placed(self, place) -> None:
        if place.data is not self.data or self._drawing_mark is None:
            return  # placed on a map no longer drawn
        self._say_drawing_place(place)

    @Slot(str)
    def _on_placing_failed(self, message: str) -> None:
        self._say_drawing_place(None)
        self.drawing_note.setText(message)

    def _say_drawing_place(self, place) -> None:
        """The star at ``place.xy`` and the note saying how it was placed; None: no star, and
        the note says to draw (with a map drawn) or nothing."""
        if self._drawing_mark is not None:
            self._drawing_mark.set_offsets(
                np.zeros((0, 2)) if place is None else np.asarray(place.xy)[None]
            )
            self.plot.request_draw(full=True)  # a cleared canvas's star left the chart too
        if place is None:
            self.drawing_note.setText(
                translate("MapView", "★ Draw on the canvas to see where your drawing lands.")
                if self.data is not None and self._drawing is None
                else ""
            )
            return
        data = place.data
        names = class_names_shown(self._result.class_names)
        counts = np.bincount(data.labels[place.rows], minlength=len(names))
        alike = int(np.argmax(counts))
        said = (
            translate(
                "MapView",
                "★ Your drawing. t-SNE cannot place a new image, so it is drawn at the mean "
                "place of the {k} test images most like it in {layer}'s outputs; {n} of them "
                "are of class {name}.",
            )
            if data.method == "tsne"
            else translate(
                "MapView",
                "★ Your drawing, drawn at the mean place of the {k} test images most like it in "
                "{layer}'s outputs; {n} of them are of class {name}.",
            )
        )
        self.drawing_note.setText(
            counts_whole(
                said.format(
                    k=integer(len(place.rows)),
                    layer=self._layer_name(data.layer),
                    n=integer(int(counts[alike])),
                    name=names[alike],
                )
            )
        )

    def view_state(self) -> MapViewState:
        """The choices and the drawn map, for the window rebuilt in another language."""
        return MapViewState(
            self.layer.currentIndex(), self.method.currentIndex(), self.points.value(), self.data
        )

    def restore_view_state(self, state: MapViewState) -> None:
        """Put back ``view_state``'s choices, and its map when it was drawn for the evaluation
        this page now shows (``set_result`` first)."""
        if 0 <= state.layer < self.layer.count():
            self.layer.setCurrentIndex(state.layer)
        self.method.setCurrentIndex(state.method)
        self.points.setValue(state.points)
        if state.data is not None and self._result is not None:
            self.show_map(state.data)

    def nearest(self, x: float, y: float) -> int | None:
        """Row of ``data`` nearest to data coordinates (x, y), or None without a map."""
        if self.data is None or not len(self.data.indices):
            return None
        d = (self.data.coords[:, 0] - x) ** 2 + (self.data.coords[:, 1] - y) ** 2
        return int(np.argmin(d))

    def _on_motion(self, event) -> None:
        if event.inaxes is None or event.xdata is None:
            return
        row = self.nearest(event.xdata, event.ydata)
        if row is None or row == self._hover:
            return
        self._hover = row
        self.describe(row)

    def describe(self, row: int) -> None:
        """Show map point ``row``'s image and its two best answers beside the map."""
        data, result = self.data, self._result
        i = int(data.indices[row])
        names = class_names_shown(result.class_names)
        image = qt_image.gray_to_qimage(np.asarray(result.images[i], np.float32))
        self.thumb.setPixmap(QPixmap.fromImage(image).scaled(self.thumb.size()))
        (a, b), (pa, pb) = data.top2[row], data.top2_p[row]
        file = image_file(result, i)  # a folder's held-out image: named by its file
        text = (
            translate("MapView", "test image {index}, true {true}<br>{first} {pa}, {second} {pb}")
            if file is None
            else translate("MapView", "{file}, true {true}<br>{first} {pa}, {second} {pb}")
        )
        self.caption.setText(
            text.format(
                index=i,
                file=html.escape(file or ""),
                true=names[data.labels[row]],
                first=names[a],
                pa=percent(pa, 1),  # the bars' decimal: the canvas shows this image next
                second=names[b],
                pb=percent(pb, 1),
            )
        )

    def _on_click(self, event) -> None:
        if event.inaxes is None or event.xdata is None:
            return
        row = self.nearest(event.xdata, event.ydata)
        if row is not None:
            self.show_row_on_canvas(row)

    def show_row_on_canvas(self, row: int) -> None:
        i = int(self.data.indices[row])
        image28 = np.asarray(self._result.images[i], np.float32)
        self.show_on_canvas_requested.emit(image28, int(self._result.labels[i]))
        if self._result.image_folder is not None:
            return  # a folder's held-out image is no "Test #" of the window's test images
        # the evaluation is of the whole test set of the model's dataset, in order
        self.test_image_shown.emit(i, self._result.dataset)


def theme_text() -> str:
    import matplotlib

    return matplotlib.rcParams["text.color"]


def theme_back() -> str:
    """The charts' background colour: the star's rim, which keeps it apart from the dots."""
    import matplotlib

    return matplotlib.rcParams["axes.facecolor"]
