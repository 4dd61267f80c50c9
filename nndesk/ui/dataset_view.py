"""The Dataset page: random samples per class, label distribution (bar and pie), mean images,
train[0] and test[0], and the counts per split."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nndesk import export, viz
from nndesk.controllers.datasets import TITLES, other_dataset_found
from nndesk.curves.printed import chart_colours_now, copied
from nndesk.data.registry import DATASETS
from nndesk.evaluation import DatasetSummary, sample_per_class
from nndesk.i18n import QT_TRANSLATE_NOOP, fill
from nndesk.ui import file_filters, kept_choices, theme
from nndesk.ui.buttons import tipped_button
from nndesk.ui.data_banner import DataBanner
from nndesk.ui.flow_layout import flow_row, labelled
from nndesk.ui.language import class_names_shown, integer, translate, translate_marked
from nndesk.ui.save_dialog import ask_chart_path
from nndesk.ui.stepped_canvas import SteppedCanvas

SAMPLES_PER_CLASS = 10  # a class's row holds this many, fewer when they would crowd its name
# the first image of each split, titled as the window names the splits: the Vietnamese window
# showed the code's "train[0]" and "test[0]"
FIRST_IMAGE_TITLES = {
    "train": lambda: translate("DatasetView", "train[0]\nlabel {label}{name}"),
    "test": lambda: translate("DatasetView", "test[0]\nlabel {label}{name}"),
}
SAMPLE_GAP = 4  # pixels between the tiles of the samples mosaic
SPLITS = (
    (QT_TRANSLATE_NOOP("DatasetView", "Training set"), "train"),
    (QT_TRANSLATE_NOOP("DatasetView", "Test set"), "test"),
)


def samples_a_row(figure: Figure, names: list[str], most: int) -> int:
    """How many images a class's row of the samples mosaic on ``figure`` holds (at most
    ``most``) with its name a line apart from the next class's. The names take their width
    first and the images the rest: at 1024x700 in Vietnamese at the larger text ("Áo thun/áo
    phông" ~150 of the chart's 309 px) ten images a row were 14 px tall, the names 19 px, and
    every name overlapped the next (verify60 D-D)."""
    import matplotlib
    from matplotlib.font_manager import FontProperties

    renderer = figure.canvas.get_renderer()
    font = FontProperties(size=matplotlib.rcParams["ytick.labelsize"])
    widths = [renderer.get_text_width_height_descent(n, font, ismath=False)[0] for n in names]
    # a line's height as matplotlib spaces a label ("lp": an ascender and a descender)
    line = renderer.get_text_width_height_descent("lp", font, ismath=False)[1] * 1.2
    points = figure.dpi / 72
    pads = 2 * 3 * points + matplotlib.rcParams["ytick.major.pad"] * points + 4
    room = figure.bbox.width - max(widths, default=0) - pads
    step = 28 + SAMPLE_GAP  # a tile and its gap, in the mosaic's pixels
    # a row is ``room * step / (n * step - gap)`` px tall when the width sets the scale
    fits = int((room * step / line + SAMPLE_GAP) // step)
    # and an image never smaller than its own 28 px: on a projector at the larger text ten a
    # row were ~22 px (walk68 D5); fewer a row, and the page scrolls for the rows' height
    whole = int((room + SAMPLE_GAP) // step)
    return max(1, min(most, fits, whole))


def samples_height(figure: Figure, rows: int, title: str) -> int:
    """The height in pixels of ``figure`` that draws ``rows`` rows of the samples mosaic at
    28 px an image or more under ``title`` (wrapped at the figure's width) with the
    constrained layout's pads."""
    import math

    import matplotlib
    from matplotlib.font_manager import FontProperties

    renderer = figure.canvas.get_renderer()
    font = FontProperties(size="medium")  # as plot_image_grid sets the title
    width, _, _ = renderer.get_text_width_height_descent(title, font, ismath=False)
    line = renderer.get_text_width_height_descent("lp", font, ismath=False)[1] * 1.2
    lines = max(1, math.ceil(width / max(1.0, 0.95 * figure.bbox.width)))
    points = figure.dpi / 72
    pads = 4 * 3 * points + matplotlib.rcParams["axes.titlepad"] * points + 8
    return math.ceil(rows * (28 + SAMPLE_GAP) - SAMPLE_GAP + lines * line + pads)


def _canvas(figsize: tuple[float, float]) -> FigureCanvasQTAgg:
    # laid out in one turn, drawn in the next (the samples mosaic: ~30 + ~50 ms)
    return SteppedCanvas(Figure(figsize=figsize, layout="constrained"))


class DatasetView(QWidget):
    """Explore a dataset; loading and the per-class statistics run in a ``DatasetController``."""

    show_on_canvas_requested = Signal(object, int)  # image28 float32 (28, 28) 0..255, true label
    #: (test-set index, dataset name) of the image just put on the canvas: the window's
    #: "Test #" and the caption under it follow
    test_image_shown = Signal(int, str)

    def __init__(
        self,
        controller,
        names: tuple[str, ...] | None = None,
        rng: np.random.Generator | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._rng = rng if rng is not None else np.random.default_rng()
        self._summary: DatasetSummary | None = None
        self._dark_asked = False  # the last save dialog asked for the dark theme's colours
        names = tuple(DATASETS) if names is None else names  # None: every registered one
        self._wanted: str | None = names[0] if names else None
        self._loaded_name: str | None = None
        self.sample_indices: list[np.ndarray] = []

        self.dataset_combo = QComboBox()
        for name in names:
            self.dataset_combo.addItem(TITLES.get(name, name), name)
        self.dataset_combo.setToolTip(
            translate("DatasetView", "Which dataset to look at: MNIST digits or Fashion-MNIST")
        )
        self.dataset_combo.currentIndexChanged.connect(self._on_dataset_combo_changed)
        self.split_combo = QComboBox()
        for text, key in SPLITS:
            self.split_combo.addItem(translate_marked("DatasetView", text), key)
        self.split_combo.setToolTip(
            translate(
                "DatasetView", "The training images (what a network learns from) or the test images"
            )
        )
        self.split_combo.currentIndexChanged.connect(self._on_split_combo_changed)
        self.shuffle_button = tipped_button(
            translate("DatasetView", "New samples"),
            translate("DatasetView", "Draw other random images of every class"),
        )
        self.shuffle_button.clicked.connect(self._on_shuffle_clicked)
        self.save_button = tipped_button(
            translate("DatasetView", "Save chart as PNG…"),
            translate("DatasetView", "Save the chart of the tab shown as a PNG image"),
        )
        self.save_button.clicked.connect(self._on_save_clicked)
        self.status = QLabel("")
        self.status.setWordWrap(True)  # at 1024 px the line was cut ("28×28 pixels in")
        theme.set_tone(self.status, "muted")
        self.message = DataBanner()  # what is missing, with Download / Choose a folder…

        self.samples_canvas = _canvas((6, 6))
        self.first_canvas = _canvas((2.4, 4.6))
        self.labels_canvas = _canvas((9, 3.8))
        self.means_canvas = _canvas((8, 3.6))
        # a chart whose data came while its tab was hidden: made when the tab is opened or its
        # figure is read (building the four on the GUI thread at once was 90 ms as the data
        # arrived, the two charts no one saw yet more than half of it: docs/performance.md)
        self._unbuilt: dict[FigureCanvasQTAgg, Callable[[], None]] = {}

        self.counts = QTableWidget(0, 3)
        self.counts.setHorizontalHeaderLabels(
            (
                translate("DatasetView", "Class"),
                translate("DatasetView", "Training"),
                translate("DatasetView", "Test"),
            )
        )
        self.counts.verticalHeader().setVisible(False)
        self.counts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.counts.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.counts.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.counts.setAlternatingRowColors(True)
        self.counts.setShowGrid(False)
        self.counts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        # the mosaic keeps the height its rows need at 28 px an image; a lower page scrolls
        self.samples_scroll = QScrollArea()
        self.samples_scroll.setWidgetResizable(True)
        self.samples_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.samples_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.samples_scroll.setWidget(self.samples_canvas)
        samples_page = QSplitter(Qt.Orientation.Horizontal)
        samples_page.addWidget(self.samples_scroll)
        samples_page.addWidget(self.first_canvas)
        samples_page.setStretchFactor(0, 3)
        samples_page.setStretchFactor(1, 1)
        samples_page.setChildrenCollapsible(False)
        self.first_canvas.setMinimumWidth(150)
        samples_page.setSizes([780, 220])
        self.labels_canvas.mpl_connect("resize_event", self._on_labels_canvas_resized)
        self.samples_canvas.mpl_connect("resize_event", self._on_samples_canvas_resized)
        self._samples_shown = SAMPLES_PER_CLASS  # images a row in the samples chart as drawn
        self.samples_canvas.mpl_connect("button_press_event", self._on_samples_canvas_pressed)
        self.samples_canvas.setToolTip(
            translate("DatasetView", "Click an image to put it on the drawing canvas")
        )
        self._labels_side_by_side: bool | None = None
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(samples_page, translate("DatasetView", "Samples"))
        self.tabs.addTab(self.labels_canvas, translate("DatasetView", "Label distribution"))
        self.tabs.addTab(self.means_canvas, translate("DatasetView", "Mean images"))
        self.tabs.addTab(self.counts, translate("DatasetView", "Counts"))
        # across a language switch: the tab, and the dataset and split browsed (a dataset
        # other than the model's stays until the model changes)
        kept_choices.keep(self.tabs, "tab")
        kept_choices.keep(self.dataset_combo, "dataset")
        kept_choices.keep(self.split_combo, "split")
        for i, tip in enumerate(
            (
                translate(
                    "DatasetView",
                    "Random images of every class, with the first training and test image",
                ),
                translate(
                    "DatasetView",
                    "How many images each class has: a balanced dataset has equal bars",
                ),
                translate(
                    "DatasetView", "The average image of each class: where its ink usually lies"
                ),
                translate("DatasetView", "The number of images per class as a table"),
            )
        ):
            self.tabs.setTabToolTip(i, tip)
        self._dirty: set[FigureCanvasQTAgg] = set()
        self.tabs.currentChanged.connect(self._on_tabs_changed)

        top = flow_row(  # wraps on a narrow page instead of cutting the buttons
            labelled(translate("DatasetView", "Dataset"), self.dataset_combo),
            labelled(translate("DatasetView", "Split"), self.split_combo),
            self.shuffle_button,
            self.save_button,
            spacing=8,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(top)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

        controller.started.connect(self._on_controller_started)
        controller.loaded.connect(self._on_controller_loaded)
        controller.failed.connect(self._on_controller_failed)
        self._set_enabled(False)
        self._draw_placeholder(translate("DatasetView", "Loading…"))

    # ---- which dataset -----------------------------------------------------------------------

    @Slot(str)
    def set_dataset(self, name: str) -> None:
        """Show dataset ``name`` ("mnist", "fashion" or a folder); loads once the page is shown."""
        self._wanted = name
        i = self.dataset_combo.findData(name)
        if i < 0:
            self.dataset_combo.addItem(TITLES.get(name, name), name)
            i = self.dataset_combo.count() - 1
        self.dataset_combo.blockSignals(True)
        self.dataset_combo.setCurrentIndex(i)
        self.dataset_combo.blockSignals(False)
        if self.isVisible():
            self._ensure_loaded()

    @Slot(object)
    def set_classifier(self, classifier) -> None:
        """Follow the current model's dataset."""
        if classifier is not None and getattr(classifier, "dataset", None):
            self.set_dataset(classifier.dataset)

    def summary(self) -> DatasetSummary | None:
        return self._summary

    # each chart's figure as it is to be seen: one waiting for its tab is made now
    @property
    def samples_figure(self) -> Figure:
        return self._built(self.samples_canvas)

    @property
    def first_figure(self) -> Figure:
        return self._built(self.first_canvas)

    @property
    def labels_figure(self) -> Figure:
        return self._built(self.labels_canvas)

    @property
    def means_figure(self) -> Figure:
        return self._built(self.means_canvas)

    def _built(self, canvas: FigureCanvasQTAgg) -> Figure:
        build = self._unbuilt.pop(canvas, None)
        if build is not None:
            build()
        return canvas.figure

    def split(self) -> str:
        return self.split_combo.currentData()

    def _ensure_loaded(self) -> None:
        if self._wanted is not None and self._wanted != self._loaded_name:
            self._loaded_name = self._wanted
            self._controller.request(self._wanted)

    @Slot(int)
    def _on_dataset_combo_changed(self, _index: int) -> None:
        self.set_dataset(self.dataset_combo.currentData())

    @Slot(str)
    def _on_controller_started(self, name: str) -> None:
        """Another dataset loads: every tab says Loading… and its buttons are off until it is
        there (walk66 #2: the Counts tab kept MNIST's counts under "Fashion-MNIST" for ~50 s)."""
        self.message.setVisible(False)
        self._summary = None
        self.counts.setRowCount(0)
        self._set_enabled(False)
        self._draw_placeholder(translate("DatasetView", "Loading…"))
        self.status.setText(
            translate("DatasetView", "Loading {title}…").format(title=TITLES.get(name, name))
        )

    @Slot(str, object)
    def _on_controller_failed(self, message: str, offer=None) -> None:
        """``offer``: the DataOffer the failed worker found (the banner's Download), or None."""
        self._loaded_name = None  # try again next time the page is shown
        self._summary = None
        offered = offer.name if offer is not None else None
        details = offer.details if offer is not None else ""
        self.message.show_problem(message, offered, other_dataset_found(self._wanted), details)
        self.status.setText("")
        self._set_enabled(False)
        self._draw_placeholder(translate("DatasetView", "No data"))

    @Slot()
    def data_changed(self) -> None:
        """The datasets on this computer changed: a missing-data banner retries at once."""
        if not self.message.isHidden():
            self.message.clear()
            self._loaded_name = None
            self._ensure_loaded()

    @Slot(object)
    def _on_controller_loaded(self, summary: DatasetSummary) -> None:
        self._summary = summary
        ds = summary.dataset
        title = TITLES.get(summary.name, summary.name)
        # a split that cannot be read (a damaged test file): not offered, the banner says why
        self._offer_split("test", summary.has("test"))
        if summary.problem is not None:
            message, offer = summary.problem
            self.message.show_problem(
                message,
                offer.name if offer is not None else None,
                other_dataset_found(summary.name),
                offer.details if offer is not None else "",
            )
            self.status.setText(
                translate(
                    "DatasetView",
                    "{title}: {train} training images, {k} classes, 28×28 pixels in 0..255; "
                    "the test images cannot be read",
                ).format(
                    title=title, train=integer(len(ds.train_labels)), k=len(summary.class_names)
                )
            )
        else:
            self.status.setText(
                translate(
                    "DatasetView",
                    "{title}: {train} training and {test} test images, {k} classes, "
                    "28×28 pixels in 0..255",
                ).format(
                    title=title,
                    train=integer(len(ds.train_labels)),
                    test=integer(len(ds.test_labels)),
                    k=len(summary.class_names),
                )
            )
        self._fit_status()
        self._set_enabled(True)
        self._fill_counts()
        self._draw_all()

    def _offer_split(self, split: str, on: bool) -> None:
        """Offer ``split`` in the Split box or not; one not offered is not the one shown."""
        i = self.split_combo.findData(split)
        item = self.split_combo.model().item(i)
        item.setEnabled(on)
        if not on and self.split_combo.currentIndex() == i:
            self.split_combo.blockSignals(True)  # the charts are drawn once, just after
            self.split_combo.setCurrentIndex(self.split_combo.findData("train"))
            self.split_combo.blockSignals(False)

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.split_combo, self.shuffle_button):
            widget.setEnabled(on)
        # the Counts tab is a table, not a chart
        self.save_button.setEnabled(on and self.tabs.currentWidget() is not self.counts)

    # ---- drawing -----------------------------------------------------------------------------

    def _draw_placeholder(self, text: str) -> None:
        self._unbuilt.clear()
        for figure, canvas in self._figures():
            figure.clear()
            # on the figure, not in an axes: four empty axes cost 0.2 s of every window build
            figure.text(0.5, 0.5, text, ha="center", va="center", color=viz.muted_colour())
            self._redraw(canvas)

    def _redraw(self, canvas: FigureCanvasQTAgg) -> None:
        # a canvas on a hidden inner tab is drawn when its tab is opened, not now
        if canvas.isVisible():
            canvas.draw_idle()
        else:
            self._dirty.add(canvas)

    def _build(self, canvas: FigureCanvasQTAgg, build: Callable[[], None]) -> None:
        """``build()`` (which fills ``canvas.figure``) and a redraw now if ``canvas`` is on
        screen, else when its tab is opened or its figure read (in place of an older one)."""
        if canvas.isVisible():
            self._unbuilt.pop(canvas, None)
            build()
            canvas.draw_idle()
        else:
            self._unbuilt[canvas] = build
            self._dirty.add(canvas)

    @Slot(int)
    def _on_tabs_changed(self, _index: int) -> None:
        self._set_enabled(self._summary is not None)
        for canvas in list(self._dirty):
            if canvas.isVisible():
                self._dirty.discard(canvas)
                self._built(canvas)
                canvas.draw_idle()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._on_tabs_changed(self.tabs.currentIndex())
        self._ensure_loaded()
        self._fit_status()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_status()

    def _fit_status(self) -> None:
        """The summary line keeps the height its wrapped text needs at the page's width: set
        while the page was hidden, its two Vietnamese lines got one, the second under the tabs."""
        m = self.layout().contentsMargins()
        width = max(1, self.width() - m.left() - m.right())
        need = self.status.heightForWidth(width) if self.status.text() else 0
        self.status.setMinimumHeight(max(0, need))

    def _figures(self):
        """(figure, canvas) of every chart, as they stand (one waiting for its tab unmade)."""
        canvases = (self.samples_canvas, self.first_canvas, self.labels_canvas, self.means_canvas)
        return tuple((canvas.figure, canvas) for canvas in canvases)

    def _draw_all(self) -> None:
        self._draw_samples(reshuffle=True)
        self._draw_first_images()
        self._draw_labels()
        self._draw_means()

    @Slot(int)
    def _on_split_combo_changed(self, _index: int) -> None:
        if self._summary is not None:
            self._draw_samples(reshuffle=True)
            self._draw_labels()
            self._draw_means()

    @Slot()
    def _on_shuffle_clicked(self) -> None:
        if self._summary is not None:
            self._draw_samples(reshuffle=True)

    def _draw_samples(self, reshuffle: bool) -> None:
        s, split = self._summary, self.split()
        k = len(s.class_names)
        if reshuffle or not self.sample_indices:
            self.sample_indices = sample_per_class(s.labels(split), k, SAMPLES_PER_CLASS, self._rng)
        self._build(self.samples_canvas, self._make_samples)

    def _make_samples(self) -> None:
        s, split = self._summary, self.split()
        k = len(s.class_names)
        images = s.images(split)
        tiles = np.zeros((k * SAMPLES_PER_CLASS, 28, 28), np.uint8)
        for c, idx in enumerate(self.sample_indices):
            tiles[c * SAMPLES_PER_CLASS : c * SAMPLES_PER_CLASS + len(idx)] = images[idx]
        figure = self.samples_canvas.figure
        figure.clear()
        ax = figure.add_subplot()
        names = list(class_names_shown(s.class_names))
        n = self._samples_shown = samples_a_row(figure, names, SAMPLES_PER_CLASS)
        columns = np.arange(SAMPLES_PER_CLASS) < n
        title = (
            translate("DatasetView", "{n} random training images per class")
            if split == "train"
            else translate("DatasetView", "{n} random test images per class")
        ).format(n=n)
        viz.plot_image_grid(
            ax,
            tiles[np.tile(columns, k)],
            ncols=n,
            row_labels=names,
            title=title,
            vmax=255,
            gap=SAMPLE_GAP,
        )
        ratio = self.samples_canvas.device_pixel_ratio or 1.0
        self.samples_canvas.setMinimumHeight(round(samples_height(figure, k, title) / ratio))

    def _on_samples_canvas_resized(self, _event) -> None:
        """Drawn again when the chart's width holds another number of images a row."""
        if self._summary is None or not self.samples_figure.axes:
            return
        names = list(class_names_shown(self._summary.class_names))
        if samples_a_row(self.samples_canvas.figure, names, SAMPLES_PER_CLASS) != (
            self._samples_shown
        ):
            self._draw_samples(reshuffle=False)

    def sample_at(self, xdata: float | None, ydata: float | None) -> int | None:
        """Mosaic data coordinates -> index (in the current split) of the sample there, or None."""
        if self._summary is None or xdata is None or ydata is None:
            return None
        step = 28 + SAMPLE_GAP
        col, x_in = divmod(int(np.floor(xdata + 0.5)), step)
        row, y_in = divmod(int(np.floor(ydata + 0.5)), step)
        if x_in >= 28 or y_in >= 28 or not 0 <= row < len(self.sample_indices):
            return None  # in a gap between tiles or outside the grid
        picks = self.sample_indices[row][: self._samples_shown]
        return int(picks[col]) if 0 <= col < len(picks) else None

    def _on_samples_canvas_pressed(self, event) -> None:
        if event.button != 1 or not self.samples_figure.axes:
            return
        if event.inaxes is not self.samples_figure.axes[0]:
            return
        i = self.sample_at(event.xdata, event.ydata)
        if i is None:
            return
        split = self.split()
        image28 = self._summary.images(split)[i].astype(np.float32)
        self.show_on_canvas_requested.emit(image28, int(self._summary.labels(split)[i]))
        if split == "test":
            self.test_image_shown.emit(int(i), self._summary.name)

    def _draw_first_images(self) -> None:
        self._build(self.first_canvas, self._make_first_images)

    def _make_first_images(self) -> None:
        ds, names = self._summary.dataset, class_names_shown(self._summary.class_names)
        figure = self.first_canvas.figure
        figure.clear()
        for row, (split, images, labels) in enumerate(
            (("train", ds.train_images, ds.train_labels), ("test", ds.test_images, ds.test_labels))
        ):
            if not len(labels):  # the test split of a damaged folder: no first image
                continue
            ax = figure.add_subplot(2, 1, row + 1)
            label = int(labels[0])
            name = "" if names[label] == str(label) else f": {names[label]}"
            viz.plot_image(
                ax,
                images[0],
                title=fill(FIRST_IMAGE_TITLES[split](), label=label, name=name),
            )
            # the column is ~150 px at 1024: "ảnh huấn luyện đầu tiên" or a long class name
            # goes on the next line instead of past the figure's edge
            ax.title.set_wrap(True)

    def _draw_labels(self) -> None:
        self._build(self.labels_canvas, self._make_labels)

    def _make_labels(self) -> None:
        s, split = self._summary, self.split()
        counts = s.counts[split]
        figure = self.labels_canvas.figure
        figure.clear()
        # side by side on a wide canvas, bar above pie on a narrow one
        w, h = self.labels_canvas.width(), self.labels_canvas.height()
        self._labels_side_by_side = w >= 1.3 * h
        if self._labels_side_by_side:
            bar_ax, pie_ax = figure.subplots(1, 2, width_ratios=(3, 2))
        else:
            bar_ax, pie_ax = figure.subplots(2, 1, height_ratios=(1, 1))
        names = class_names_shown(s.class_names)
        bar_title = (
            translate("DatasetView", "Images per class (training)")
            if split == "train"
            else translate("DatasetView", "Images per class (test)")
        )
        viz.plot_label_bar(bar_ax, counts, names, title=bar_title)
        viz.plot_label_pie(
            pie_ax, counts, names, title=translate("DatasetView", "Share of each class")
        )

    def _on_labels_canvas_resized(self, _event) -> None:
        w, h = self.labels_canvas.width(), self.labels_canvas.height()
        if self._summary is not None and (w >= 1.3 * h) != self._labels_side_by_side:
            self._draw_labels()

    def _draw_means(self) -> None:
        self._build(self.means_canvas, self._make_means)

    def _make_means(self) -> None:
        s, split = self._summary, self.split()
        figure = self.means_canvas.figure
        figure.clear()
        ax = figure.add_subplot()
        viz.plot_class_means(
            ax,
            s.means[split],
            class_names_shown(s.class_names),
            title=translate("DatasetView", "Mean image of each class (training set)")
            if split == "train"
            else translate("DatasetView", "Mean image of each class (test set)"),
        )

    def _fill_counts(self) -> None:
        s = self._summary
        rows = [
            (name, int(s.counts["train"][k]), int(s.counts["test"][k]))
            for k, name in enumerate(class_names_shown(s.class_names))
        ]
        rows.append(
            (
                translate("DatasetView", "Total"),
                int(s.counts["train"].sum()),
                int(s.counts["test"].sum()),
            )
        )
        self.counts.setRowCount(len(rows))
        tested = s.has("test")  # a test split that cannot be read: "—", not a count of 0
        for r, (name, train, test) in enumerate(rows):
            for c, value in enumerate((name, integer(train), integer(test) if tested else "—")):
                item = QTableWidgetItem(value)
                align = Qt.AlignmentFlag.AlignLeft if c == 0 else Qt.AlignmentFlag.AlignRight
                item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
                if r == len(rows) - 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.counts.setItem(r, c, item)

    def count_cell(self, row: int, column: int) -> str:
        item = self.counts.item(row, column)
        return item.text() if item is not None else ""

    # ---- export ------------------------------------------------------------------------------

    def current_figure(self) -> Figure:
        """The figure on the visible inner tab (the samples grid on the first)."""
        return (self.samples_figure, self.labels_figure, self.means_figure)[
            self.tabs.currentIndex()
        ]

    def _ask_path(self, default_name: str) -> str:
        """A save dialog (tests replace this to choose a path without a dialog)."""
        stem = default_name.removesuffix(".png")
        title = translate("DatasetView", "Save chart")
        path, self._dark_asked = ask_chart_path(self, title, stem, file_filters.png_images())
        return path

    @Slot()
    def _on_save_clicked(self) -> None:
        if self._summary is None:
            return
        tab = ("samples", "labels", "means")[self.tabs.currentIndex()]
        self._dark_asked = False
        path = self._ask_path(f"{self._summary.name}-{self.split()}-{tab}.png")
        if not path:
            return
        dark, self._dark_asked = self._dark_asked, False
        colours = theme.chart_rc(theme.DARK) if dark else None
        try:
            # dark on white whatever the window's theme (fixI #3), recoloured on a copy: the
            # figure on screen keeps the window's colours
            export.save_chart(path, copied(self.current_figure()), chart_colours_now(), colours)
        except OSError as err:
            QMessageBox.warning(
                self,
                translate("DatasetView", "Save failed"),
                translate("DatasetView", "Could not write {path}: {strerror}").format(
                    path=path, strerror=err.strerror
                ),
            )
