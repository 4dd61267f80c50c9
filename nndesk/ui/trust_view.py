"""The Evaluate page's "Can its answers be trusted?" part: the reliability diagram, the ECE before
and after temperature scaling, coverage against accuracy with the count of confident mistakes,
and robustness curves on damaged test images. Every figure is computed by a ``TrustController``
off the GUI thread; this widget only draws what it is sent."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nndesk.i18n import QT_TRANSLATE_NOOP
from nndesk.robustness_figure import damage_words, figure_height, image_boxes, robustness_figure
from nndesk.trust_plots import bin_counts_text, ece_text
from nndesk.ui import kept_choices, text_size, theme
from nndesk.ui.buttons import tipped_button
from nndesk.ui.chart_image import ChartImage
from nndesk.ui.damage_chart import DamageChart
from nndesk.ui.flow_layout import flow_row
from nndesk.ui.language import (
    accuracy_text,
    class_names_shown,
    decimal,
    integer,
    percent,
    translate,
    translate_marked,
)
from nndesk.ui.off_gui import ChartRenders, Delivery
from nndesk.viz import localise_ticks

NOT_YET = QT_TRANSLATE_NOOP("TrustView", "Evaluate the model to see how well its confidence holds.")
#: the legend under the plots, by the model's output: T divides the outputs before a softmax,
#: or each output before its own sigmoid (a sigmoid-output model's legend spoke of softmax)
LEGENDS = {
    "softmax": QT_TRANSLATE_NOOP(
        "TrustView",
        "<b>Reliability</b>: the test answers grouped by how sure the model was; when "
        "answers given at 80% are right 80% of the time, the bars reach the "
        "diagonal. <b>ECE</b> (expected calibration error, 15 bins): the average gap, "
        "0 is perfect. <b>T</b>: the temperature fitted on held-out images that "
        "divides the outputs before softmax.",
    ),
    "sigmoid": QT_TRANSLATE_NOOP(
        "TrustView",
        "<b>Reliability</b>: the test answers grouped by how sure the model was; when "
        "answers given at 80% are right 80% of the time, the bars reach the "
        "diagonal. <b>ECE</b> (expected calibration error, 15 bins): the average gap, "
        "0 is perfect. <b>T</b>: the temperature fitted on held-out images that divides "
        "each output before its sigmoid (this model scores each class on its own, so its "
        "probabilities need not add up to 100%); T = 1 leaves them as they are.",
    ),
}
PLOT_HEIGHT = 320  # px of one row of the reliability and coverage plots
STACK_BELOW_WIDTH = 600  # px: a narrower part shows the two plots one above the other
PLOTS_MIN_WIDTH = 300  # px the two plots' image takes at least
#: device-independent px of the saved pictures (Export, right-click): a slide's width, written
#: at ``export.save_figure``'s 150 dpi in the theme's chart colours, as the Dataset page saves
SAVED_WIDTH, SAVED_SUMMARY_HEIGHT = 1100, 420


def summary_figure(
    summary, threshold: float, stacked: bool, width: int, height: int, ratio=1.0, zoom=1.0
):
    """The reliability and coverage plots of ``summary`` at ``threshold``, side by side or
    ``stacked``, ``width`` x ``height`` device-independent pixels, their text ``zoom`` times
    its own size (View > Text size), drawn on an Agg canvas (any thread)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from nndesk.trust_plots import plot_coverage, plot_reliability

    dpi = 96.0 * zoom  # more dots per inch on the same pixels: bigger text in the same place
    fig = Figure(figsize=(width / dpi, height / dpi), dpi=dpi * ratio, layout="constrained")
    canvas = FigureCanvasAgg(fig)
    # the reliability diagram over a short row of its bins' counts (walk66 #3)
    if stacked:
        grid = fig.add_gridspec(3, 1, height_ratios=[4, 1.2, 5])
        left, counts, right = (fig.add_subplot(grid[i, 0]) for i in range(3))
    else:
        grid = fig.add_gridspec(2, 2, height_ratios=[4, 1.2])
        left, counts = fig.add_subplot(grid[0, 0]), fig.add_subplot(grid[1, 0])
        right = fig.add_subplot(grid[:, 1])
    plot_reliability(left, summary, counts)
    plot_coverage(right, summary, threshold)
    localise_ticks(left, right, counts)
    canvas.draw()
    return fig


def image_of(figure) -> QImage:
    """The pixels of a drawn Agg ``figure`` as a QImage (any thread)."""
    rgba = figure.canvas.buffer_rgba()
    h, w = int(rgba.shape[0]), int(rgba.shape[1])
    return QImage(bytes(rgba), w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()


def render_robustness(curves, examples, names, width, height, ratio=1.0, zoom=1.0) -> QImage:
    """``robustness_figure`` as an image (any thread: the render pool draws it)."""
    figure = robustness_figure(curves, examples, names, width, height, ratio, zoom)
    figure.canvas.draw()
    return image_of(figure)


def render_summary(
    summary,
    threshold: float,
    stacked: bool,
    width: int,
    height: int,
    ratio: float = 1.0,
    zoom: float = 1.0,
) -> QImage:
    """``summary_figure`` as an image (any thread: the render pool draws it)."""
    return image_of(summary_figure(summary, threshold, stacked, width, height, ratio, zoom))


class TrustView(QWidget):
    """Shows the ``TrustSummary`` and robustness curves of the page's current evaluation."""

    #: QWidget: a part just shown in answer to a click, which the page should scroll into view
    #: (the robustness curves arrive ~20 s after Measure robustness, under the fold)
    part_revealed = Signal(object)
    summary_drawn = Signal()  # the reliability and coverage plots' image is on screen
    robustness_drawn = Signal()  # the robustness curves and damage strips are on screen
    #: "trust_png" | "robustness_png": the person asked to save that chart (its right-click
    #: menu); the page saves it as its Export menu does
    save_asked = Signal(str)
    #: robustness.DamageExample, kind of damage, level, dataset ("" for an image folder): the
    #: person chose that damaged image in a strip, to open it where one test image is shown
    damage_image_chosen = Signal(object, str, float, str)

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._result = None
        self.summary = None
        self.curves: dict | None = None
        self._curves_of = None  # the evaluation ``curves`` were measured on
        self._robust_images = 0  # test images damaged per level, for the note under them
        #: {kind: [robustness.DamageExample per level]} of ``curves``: the strips beside them
        self.examples: dict | None = None

        title = QLabel(translate("TrustView", "<b>Can its answers be trusted?</b>"))
        self.numbers = QLabel(translate_marked("TrustView", NOT_YET))
        self.numbers.setWordWrap(True)
        self.numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.threshold = QSpinBox()
        self.threshold.setRange(0, 99)
        self.threshold.setSuffix("%")
        self.threshold.setValue(60)
        self.threshold.setToolTip(
            translate(
                "TrustView",
                "Answer only when the calibrated top probability reaches this: the curve shows "
                "how many test images would still be answered and how many of those answers "
                "would be confident mistakes. One threshold with the canvas (Not sure below), "
                "Mistakes and Lab",
            )
        )
        self.threshold.valueChanged.connect(self._redraw_summary)
        kept_choices.keep(self.threshold, "trust-threshold")  # across a language switch
        threshold_label = QLabel(translate("TrustView", "Answer only at or above"))
        threshold_label.setBuddy(self.threshold)
        # the two plots are drawn on the render pool into an image (laid out and drawn on the
        # GUI thread they blocked it 150-250 ms as an evaluation arrived, at load ~1)
        self.plots = ChartImage(PLOTS_MIN_WIDTH, PLOT_HEIGHT)
        # its height is the plots' (a ChartImage hints no height: the text under it overlapped)
        self.plots.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.plots.setFixedHeight(PLOT_HEIGHT)
        self._stacked = False  # the two plots one above the other (a narrow page)
        self._delivery = Delivery()  # no Qt parent: a render under way outlives the view
        self._delivery.delivered.connect(self._on_delivery_delivered)
        self._renders = ChartRenders(self._delivery, theme.colours())
        self._resized = QTimer(self)
        self._resized.setSingleShot(True)
        self._resized.setInterval(150)
        self._resized.timeout.connect(self._render_charts)
        self.plots.resized.connect(self._resized.start)  # drawn again once resizing settles
        theme.notifier().changed.connect(self._on_theme_changed)
        self.legend = QLabel(translate_marked("TrustView", LEGENDS["softmax"]))
        self.legend.setWordWrap(True)
        theme.set_tone(self.legend, "muted")

        self.robust_button = tipped_button(
            translate("TrustView", "Measure robustness"),
            translate(
                "TrustView",
                "Damage test images (1,000; 250 for a CNN) by growing amounts of noise, "
                "rotation, shift, stroke thickness and an occluding patch, and plot the "
                "accuracy at each level",
            ),
        )
        self._measuring = False  # robustness asked for and not answered
        self.cancel_button = tipped_button(
            translate("TrustView", "Cancel"),
            translate("TrustView", "Stop measuring robustness (after the current level)"),
        )
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.robust_note = QLabel("")
        self.robust_note.setWordWrap(True)
        theme.set_tone(self.robust_note, "muted")
        self.robust_note.setVisible(False)
        self.robust_button.setEnabled(False)
        self.robust_button.clicked.connect(self._on_robust_clicked)
        self.robust_progress = QProgressBar()
        self.robust_progress.setFormat(
            translate("TrustView", "Damaging test images… %v / %m levels")
        )
        self.robust_progress.setVisible(False)
        # each damage's curve and, beside it, one test image at each level (walk66 #6): drawn
        # on the render pool (30-odd Axes laid out), shown as an image
        self.robust_plots = DamageChart(PLOTS_MIN_WIDTH, figure_height(1))
        self.robust_plots.describe = self._describe_damaged
        self.robust_plots.image_chosen.connect(self._on_robust_plots_image_chosen)
        self.robust_plots.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.robust_plots.setVisible(False)
        self._robust_delivery = Delivery()
        self._robust_delivery.delivered.connect(self._on_robust_delivery_delivered)
        self._robust_renders = ChartRenders(self._robust_delivery, theme.colours())
        self.robust_plots.resized.connect(self._resized.start)
        # right-click on a chart: save it (walk66 #5c: Export offered the matrix only)
        for chart, kind in ((self.plots, "trust_png"), (self.robust_plots, "robustness_png")):
            chart.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            chart.customContextMenuRequested.connect(
                lambda pos, c=chart, k=kind: self._on_chart_menu_requested(c, k, pos)
            )

        row = flow_row(threshold_label, self.threshold, self.robust_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        layout.addLayout(head)
        layout.addWidget(self.numbers)
        layout.addWidget(row)
        # the progress and Cancel right under the button: below the plots and their legend
        # they were under the fold, and for 20 s a click seemed to do nothing (a newcomer's walk)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.robust_progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        layout.addWidget(self.plots)
        layout.addWidget(self.legend)
        layout.addWidget(self.robust_note)
        layout.addWidget(self.robust_plots)

        controller.summary_ready.connect(self.show_summary)
        controller.robustness_started.connect(self._on_robustness_started)
        controller.robustness_progressed.connect(self._on_robustness_progressed)
        controller.robustness_ready.connect(self.show_robustness)
        controller.robustness_cancelled.connect(self._on_robustness_cancelled)
        controller.failed.connect(self._on_failed)

    # ---- input ---------------------------------------------------------------------------------
    def set_result(self, result) -> None:
        """A new evaluation: its summary is computed off the GUI thread, old curves go."""
        self._result = result
        self.summary = None
        self.curves = self._curves_of = self.examples = None
        self._robust_renders.drop()
        self.robust_plots.clear_image()
        self.robust_plots.setVisible(False)
        self.robust_note.setVisible(False)
        if self._measuring:  # the old model's damage is of no use now
            self._controller.cancel_robustness()
        self.robust_button.setEnabled(result is not None and result.classifier is not None)
        output = getattr(result, "output", "softmax")
        self.legend.setText(translate_marked("TrustView", LEGENDS.get(output, LEGENDS["softmax"])))
        if result is None:
            self.numbers.setText(translate_marked("TrustView", NOT_YET))
            self._renders.drop()  # one on its way is not shown
            self.plots.clear_image()
            return
        self.numbers.setText(translate("TrustView", "Working out the calibration…"))
        # said where the plots will be, never another evaluation's plots nor a blank (walk66
        # #12: ~10 s of an empty page under load after the figures came)
        self._renders.drop()
        self.plots.show_message(translate("TrustView", "Drawing the charts…"))
        self._controller.summarise(result)

    # ---- output --------------------------------------------------------------------------------
    @Slot(object)
    def show_summary(self, summary) -> None:
        self.summary = summary
        self._redraw_summary()

    def _redraw_summary(self) -> None:
        summary = self.summary
        if summary is None:
            return
        threshold = self.threshold.value() / 100
        answered, right_share, mistakes = summary.at_threshold(threshold)
        self.numbers.setText(
            translate(
                "TrustView",
                "ECE <b>{ece}</b> raw, <b>{ece_calibrated}</b> calibrated (temperature "
                "{temperature}). Answering only at ≥ {threshold}: {answered} of {n} test images "
                "answered, {right} of them right, <b>{mistakes}</b> confident mistakes.",
            ).format(
                ece=ece_text(summary.ece),
                ece_calibrated=ece_text(summary.ece_calibrated),
                temperature=decimal(summary.temperature, 2),
                threshold=percent(threshold, 0),
                answered=percent(answered, 1),
                n=integer(summary.n),
                right=accuracy_text(right_share if right_share == right_share else 0.0),
                mistakes=integer(mistakes),
            )
            + self._unseen_text(summary)
            + self._worse_text(summary)
        )
        # side by side when there is room; one above the other on a narrow page (1024 px),
        # where two plots beside each other left their legends and labels no room
        self._stacked = self.width() < STACK_BELOW_WIDTH
        self.plots.setFixedHeight(2 * PLOT_HEIGHT if self._stacked else PLOT_HEIGHT)
        self._render_summary()

    def _render_summary(self) -> None:
        """Ask the render pool for the plots at the image's size (once per new picture)."""
        summary = self.summary
        if summary is None:
            return
        threshold, stacked = self.threshold.value() / 100, self._stacked
        size = self.plots.size()
        least = 2 * PLOT_HEIGHT if stacked else PLOT_HEIGHT
        w, h = max(size.width(), PLOTS_MIN_WIDTH), max(size.height(), least)
        ratio, zoom = self.plots.devicePixelRatioF(), text_size.chart_zoom()
        colours = theme.colours()  # the colours the render will draw in
        self._renders.ask(
            (id(summary), threshold, stacked, w, h, ratio, colours, zoom),
            colours,
            lambda: render_summary(summary, threshold, stacked, w, h, ratio, zoom),
        )

    @Slot(object, object)
    def _on_delivery_delivered(self, number, image) -> None:
        if not self._renders.newest(number, image):
            return  # an older request's, or plots that could not be drawn
        self.plots.show_image(image, self._renders.colours)
        if self.summary is not None:  # the counts under the bars, one line a bin (walk66 #3)
            self.plots.setToolTip(
                translate("TrustView", "Answers per confidence bin (calibrated):")
                + "\n"
                + bin_counts_text(self.summary)
            )
        self.summary_drawn.emit()

    def _on_theme_changed(self, _colours) -> None:
        self._render_charts()  # in the new theme's colours

    def _render_charts(self) -> None:
        self._render_summary()
        self._render_robustness()

    def _names(self) -> list[str]:
        """The classes as the window names them (for the damaged images' answers)."""
        names = getattr(self._curves_of, "class_names", None) or ()
        return list(class_names_shown(names))

    def _render_robustness(self) -> None:
        """Ask the render pool for the robustness figure at its image's size."""
        curves, examples = self.curves, self.examples
        if curves is None:
            return
        zoom = text_size.chart_zoom()
        w = max(self.robust_plots.width(), PLOTS_MIN_WIDTH)
        height = self._robust_height(w, zoom)
        if self.robust_plots.height() != height:
            self.robust_plots.setFixedHeight(height)
        ratio, names = self.robust_plots.devicePixelRatioF(), self._names()
        colours = theme.colours()
        self._robust_renders.ask(
            (id(curves), w, height, ratio, colours, zoom, tuple(names)),
            colours,
            lambda: render_robustness(curves, examples, names, w, height, ratio, zoom),
        )

    def _robust_height(self, width: int, zoom: float) -> int:
        """px the robustness figure of ``curves`` and ``examples`` takes ``width`` px wide."""
        columns = max((len(v) for v in (self.examples or {}).values()), default=0)
        return figure_height(len(self.curves or ()), zoom, width, columns)

    @Slot(object, object)
    def _on_robust_delivery_delivered(self, number, image) -> None:
        if not self._robust_renders.newest(number, image):
            return
        self.robust_plots.show_image(image, self._robust_renders.colours)
        # where its damaged images are, to open one (its key names the size it was drawn at)
        _curves, width, _height, _ratio, _colours, zoom, _names = self._robust_renders.drawn
        kinds, examples = list(self.curves or ()), self.examples or {}
        self.robust_plots.set_images(image_boxes(kinds, examples, width, zoom), width)
        self.robustness_drawn.emit()

    # ---- opening a damaged image ---------------------------------------------------------------
    def _damaged(self, kind: str, i: int):
        """(example, level) of the image ``i`` of ``kind`` in the strips shown, or None."""
        examples = (self.examples or {}).get(kind, ())
        points = (self.curves or {}).get(kind, ())
        if not 0 <= i < min(len(examples), len(points)):
            return None
        return examples[i], points[i][0]

    def _describe_damaged(self, kind: str, i: int) -> str:
        """The tooltip of a damaged image: its damage, the answer, and how to open it."""
        damaged = self._damaged(kind, i)
        if damaged is None:
            return ""
        example, level = damaged
        names = self._names()
        answer = names[example.predicted] if 0 <= example.predicted < len(names) else "?"
        template = (
            translate("TrustView", "{damage}: read as {answer}")
            if example.predicted == example.label
            else translate("TrustView", "{damage}: read as {answer}, wrongly")
        )
        return (
            template.format(damage=damage_words(kind, level), answer=answer)
            + "\n"
            + translate("TrustView", "Click (or press Enter) to open it on the canvas and see why")
        )

    @Slot(str, int)
    def _on_robust_plots_image_chosen(self, kind: str, i: int) -> None:
        damaged = self._damaged(kind, i)
        if damaged is None:
            return
        example, level = damaged
        result = self._curves_of
        folder = getattr(result, "image_folder", None) is not None
        dataset = "" if folder else str(getattr(result, "dataset", "") or "")
        self.damage_image_chosen.emit(example, kind, float(level), dataset)

    # ---- saving the charts ---------------------------------------------------------------------
    def can_save(self, kind: str) -> bool:
        """Whether the chart ``kind`` ("trust_png" | "robustness_png") has something to save."""
        if kind == "trust_png":
            return self.summary is not None
        return self.curves is not None and self._curves_of is self._result

    def chart_figure(self, kind: str):
        """A function drawing the chart ``kind`` as a stand-alone figure for a slide (any
        thread: the page's writer saves it), of what is shown now; None if nothing is."""
        if not self.can_save(kind):
            return None
        zoom = 1.0  # a slide's text, whatever the window's text size
        if kind == "trust_png":
            summary, threshold = self.summary, self.threshold.value() / 100
            return lambda: summary_figure(
                summary, threshold, False, SAVED_WIDTH, SAVED_SUMMARY_HEIGHT, 1.0, zoom
            )
        curves, examples, names = self.curves, self.examples, self._names()
        height = self._robust_height(SAVED_WIDTH, zoom)
        return lambda: robustness_figure(curves, examples, names, SAVED_WIDTH, height, 1.0, zoom)

    def _on_chart_menu_requested(self, chart: QWidget, kind: str, pos: QPoint) -> None:
        menu = QMenu(self)
        action = menu.addAction(translate("TrustView", "Save chart as PNG…"))
        action.setEnabled(self.can_save(kind))
        action.triggered.connect(lambda _=False: self.save_asked.emit(kind))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(chart.mapToGlobal(pos))

    @staticmethod
    def _unseen_text(summary) -> str:
        """For a temperature fitted on half of these test images (the shipped models), where
        it was fitted and the ECE on the other half: the figures before count that half."""
        if summary.unseen is None:
            return ""
        ece, ece_calibrated, other, fitted = summary.unseen
        return " " + translate(
            "TrustView",
            "T was fitted on {fitted} of these test images (this model kept no validation "
            "split); on the other {other}, never fitted on: ECE <b>{ece}</b> raw, "
            "<b>{ece_calibrated}</b> calibrated.",
        ).format(
            fitted=integer(fitted),
            other=integer(other),
            ece=ece_text(ece),
            ece_calibrated=ece_text(ece_calibrated),
        )

    @staticmethod
    def _worse_text(summary) -> str:
        """A line when the temperature raised the ECE (walk55 D13: 0.0056 raw, 0.0078
        calibrated, and not a word): why it can, and how to see the raw probabilities."""
        pairs = [(summary.ece, summary.ece_calibrated)]
        if summary.unseen is not None:
            pairs.append(summary.unseen[:2])
        if not any(calibrated > raw for raw, calibrated in pairs):
            return ""
        return " " + translate(
            "TrustView",
            "Here the temperature made the ECE higher: it is fitted to the log-loss, not to the "
            "ECE, and a model already well calibrated can lose a little. The canvas shows "
            "calibrated probabilities; tick Raw probabilities there to see the network's own.",
        )

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.summary is not None and self._stacked != (self.width() < STACK_BELOW_WIDTH):
            self._redraw_summary()

    @Slot()
    def _on_robust_clicked(self) -> None:
        if self._result is not None:
            self._controller.measure_robustness(self._result)

    @Slot()
    def _on_cancel_clicked(self) -> None:
        self._controller.cancel_robustness()

    @Slot(int)
    def _on_robustness_started(self, images: int) -> None:
        self._measuring = True
        self._robust_images = images
        self.robust_button.setEnabled(False)
        self.robust_progress.setRange(0, 0)
        self.robust_progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self._say_robust_sample(images)
        self.part_revealed.emit(self.robust_progress)

    def _say_robust_sample(self, images: int, openable: bool = False) -> None:
        text = translate(
            "TrustView",
            "Accuracy on {n} test images damaged at each level (the same images for "
            "every level; the command “nndesk evaluate --robustness” takes 1,000 or more).",
        ).format(n=integer(images))
        if openable:
            text += " " + translate(
                "TrustView", "Click a damaged image (or Tab to them and press Enter) to open it."
            )
        self.robust_note.setText(text)
        self.robust_note.setVisible(True)

    @Slot()
    def _on_robustness_cancelled(self) -> None:
        self._measuring = False
        self.robust_progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.robust_note.setVisible(False)
        self.robust_button.setEnabled(self._result is not None)

    @Slot(int, int)
    def _on_robustness_progressed(self, done: int, total: int) -> None:
        self.robust_progress.setRange(0, max(total, 1))
        self.robust_progress.setValue(done)

    def robustness_shown(self) -> tuple | None:
        """(evaluation, curves, images per level) of the robustness charts on show, or None:
        the window rebuilt in another language shows them again (``show_robustness_again``)."""
        if self.curves is None or self._curves_of is None:
            return None
        return self._curves_of, self.curves, self._robust_images, self.examples

    def show_robustness_again(self, shown: tuple | None) -> None:
        """Show the charts ``robustness_shown`` gave, in this window's language, when they were
        measured on the evaluation on show here (a language switch lost them, walk52 D17)."""
        if shown is None or self._measuring:
            return
        result, curves, images, examples = shown
        if result is not self._result:
            return
        self._say_robust_sample(images)
        self._robust_images = images
        self.show_robustness(curves, examples, reveal=False)

    @Slot(object, object)
    def show_robustness(self, curves: dict, examples: dict | None = None, reveal=True) -> None:
        """Show ``curves`` ({kind: [(level, accuracy)]}) and ``examples`` ({kind:
        [DamageExample per level]}, the strips beside them), drawn off the GUI thread."""
        self.curves, self.examples = curves, examples
        self._curves_of = self._result
        self._measuring = False
        self.robust_progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.robust_button.setEnabled(self._result is not None)
        width = max(self.robust_plots.width(), PLOTS_MIN_WIDTH)
        self.robust_plots.setFixedHeight(self._robust_height(width, text_size.chart_zoom()))
        self.robust_plots.show_message(translate("TrustView", "Drawing the charts…"))
        self.robust_plots.setVisible(True)
        if examples and self._robust_images:  # the strips' images open (fixI #1): say so
            self._say_robust_sample(self._robust_images, openable=True)
        self._render_robustness()
        if reveal:
            self.part_revealed.emit(self.robust_plots)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._measuring = False
        self.robust_progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.robust_button.setEnabled(self._result is not None)
        self.numbers.setText(message)
