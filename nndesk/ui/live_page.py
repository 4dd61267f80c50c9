"""The Train page's Live tab: the run's loss and accuracy curves, drawn as it trains, and the
model files under them (Load model…, Continue, Save model…, Export PNG…, Export code)."""

from __future__ import annotations

from matplotlib.figure import Figure
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from nndesk.curves import LiveCurves
from nndesk.curves.fitting import FittedLayout, fit_ylabels
from nndesk.curves.key import least_chart_height
from nndesk.ui import text_size, theme
from nndesk.ui.buttons import tipped_button
from nndesk.ui.elided_label import WrappedPathLabel
from nndesk.ui.export_code import export_code_button
from nndesk.ui.flow_layout import FittedRow
from nndesk.ui.language import translate
from nndesk.ui.plot_widget import PlotWidget
from nndesk.ui.rate_plot import RatePlot


def live_figure() -> tuple[Figure, LiveCurves]:
    """The Live tab's figure (no canvas yet) and its curves on three Axes: the batches' loss
    above, the epochs' loss and accuracy below. A third of the Train page's building, so the
    window built in steps (``app.desk.build_steps``) makes it in a step of its own."""
    fig = PlotWidget.new_figure(figsize=(9, 5.2))
    fig.set_layout_engine(FittedLayout())  # its labels fitted in the draw that lays it out
    grid = fig.add_gridspec(2, 2, height_ratios=(1, 1))
    axes = (fig.add_subplot(grid[0, :]), fig.add_subplot(grid[1, 0]))
    axes += (fig.add_subplot(grid[1, 1]),)
    return fig, LiveCurves(*axes, animated=True)


def diverged_note() -> str:
    """The model line of a run that diverged: no model of it was saved."""
    return translate(
        "TrainingPanel",
        "No model saved: the run diverged. Its curves are kept in the run history.",
    )


#: px the three charts keep at least (the key above them, two rows of axes with their titles,
#: ticks and labels): a shorter Train page scrolls (walk55c D7: 10-20 px tall at 1024x700)
LIVE_CHART_LEAST_HEIGHT = 300


def plots_least_zoom() -> float:
    """The zoom of ``key.PLOT_LEAST_HEIGHT`` the plots keep at least: the text step's, up to
    Normal's. At Larger text plots of Normal's 80 px still hold their tick labels apart (the
    key, titles and ticks keep their larger text); the 100 px of the zoomed least kept the
    per-epoch plots below the fold at 1024x768 while a run went (walk68 D2)."""
    return min(text_size.chart_zoom(), 1.0)


class LivePage(QWidget):
    """The live plots of ``curves()`` (the page's Curves: a run's, or a loaded model's), the
    file buttons (the page connects them) and the model line. ``experiment`` and ``written``:
    the Export code button's callbacks (``export_code.export_code_button``), and
    ``run_on_show`` and ``run_experiment`` its items for the finished run on show; ``drawn``:
    the ``live_figure()`` to show (None: made here)."""

    #: the page's least height changed (its chart grew or shrank for its plots' least)
    least_changed = Signal()

    def __init__(
        self, curves, experiment, written, drawn=None, run_on_show=None, run_experiment=None
    ) -> None:
        super().__init__()
        self._curves = curves
        figure, self.live = drawn if drawn is not None else live_figure()
        self.plot = PlotWidget(freeze_layout=True, figure=figure)
        self.plot.setMinimumHeight(LIVE_CHART_LEAST_HEIGHT)
        self.plot.draws_hidden = True  # back on the tab, the run's curves are there at once
        self._least_set = LIVE_CHART_LEAST_HEIGHT  # grown for the plots: _fit_least_height
        self.plot.animated = self.live.animated  # the lines, then the changes' labels
        self.plot.before_draw = self._on_plot_before_draw
        self.plot.canvas.mpl_connect("resize_event", self._on_plot_resized)
        # after the plot widget's own listener: the plots' heights as this draw laid them out
        self.plot.canvas.mpl_connect("draw_event", self._on_plot_drawn)
        fit_ylabels(self.live.axes)  # clear of "100%" before the first layout: no second one
        # what the dark line over the batches is (walk 43 item 9 took it for a lagging average)
        self.plot.canvas.setToolTip(
            translate(
                "TrainingPanel",
                "Loss per batch: the light line is each batch's loss; the dark one is the mean "
                "of the batches around each point (a tenth of the batches trained so far on "
                "each side, at most a tenth of an epoch), so it runs through the middle of "
                "them; at the newest end, the mean of the last ones. Per epoch: the loss and "
                "accuracy at the end of each epoch.",
            )
        )

        self.load_button = tipped_button(
            translate("TrainingPanel", "Load model…"),
            translate("TrainingPanel", "open a .npz model to use it or to continue its training"),
        )
        self.load_button.setMinimumWidth(0)
        self.resume_button = tipped_button(
            translate("TrainingPanel", "Continue"),
            translate(
                "TrainingPanel",
                "train the last model (this page's last run, or the one loaded) further: a run "
                "stopped before its last epoch goes on up to the number of epochs set in "
                "Optimisation > Epochs (counted from its start); for a finished one it asks how "
                "many more epochs and which learning rate; its history and curves continue",
            ),
        )
        self.save_button = tipped_button(
            translate("TrainingPanel", "Save model…"),
            translate("TrainingPanel", "save the trained model to a .npz file of your choice"),
        )
        self.export_button = tipped_button(
            translate("TrainingPanel", "Export PNG…"),
            translate("TrainingPanel", "save these curves as a PNG image"),
        )
        self.code_button = export_code_button(
            self, experiment, "Train page", written, run_on_show, run_experiment
        )
        # a long file path must not widen the page: cut in the middle, whole in the tooltip;
        # a sentence wraps (vi, Larger, 1024 px: the diverged run's note lost its middle)
        # and keeps the room of the longest it says: its second line moves no button
        self.model_label = WrappedPathLabel("", room_for=(diverged_note(),))
        theme.set_tone(self.model_label, "muted")

        # the buttons wrap onto a second row rather than widen the page: with a desktop's 11 pt
        # font in Vietnamese they needed 600 px, and every page scrolled sideways (walk58 #1)
        files = FittedRow(
            self.load_button,
            self.resume_button,
            self.save_button,
            self.export_button,
            self.code_button,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        # the rate each epoch trained at, against its schedule's plan: under the curves, shown
        # for a run with a schedule or a rate set by hand (walk69 D4), so the per-epoch charts
        # keep their place and a constant rate takes no room
        self.rates = RatePlot()
        self.rates.setToolTip(
            translate(
                "TrainingPanel",
                "The learning rate of each epoch, at the epoch's end as on the charts above: "
                "the dashed line (planned) is the schedule's plan, the dots (used) the rate "
                "each epoch trained at (its last batch's), a dotted line a rate set by hand, "
                "which stops the schedule: the plan ends there.",
            )
        )
        self.rates.hide()
        self._scheduled = False
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.rates)
        layout.addWidget(files)
        layout.addWidget(self.model_label)  # a row of its own: the buttons leave no room at 1024

    def show_plan(self, planned, scheduled: bool) -> None:
        """A run starts: ``planned``, its schedule's ``(epoch, rate)``; ``scheduled``: the
        schedule changes the rate (else the plot shows only once a rate is set by hand)."""
        self._scheduled = scheduled
        self.rates.show_plan(planned)
        self._show_rates(scheduled)

    def plan(self) -> tuple:
        """``(planned, scheduled)`` as ``show_plan`` was last given them; () before a run."""
        return (list(self.rates.planned), self._scheduled) if self.rates.planned else ()

    def _follow_rates(self, curves) -> None:
        """The rates the run's epochs trained at, and those set by hand, onto the rate plot."""
        if not self.rates.planned:
            return
        marks = curves.lr_changes
        self.rates.show_trained(curves.epochs, curves.lr, marks)
        self._show_rates(self._scheduled or bool(marks))

    def _show_rates(self, shown: bool) -> None:
        """The rate plot shown or hidden, the page's least height with it: the tabs keep the
        page's least (``train_tabs``), and a plot shown within the old one overlapped the
        per-epoch charts (seen at 1024x700)."""
        if shown != self.rates.isVisibleTo(self):
            self.rates.setVisible(shown)
            self.least_changed.emit()

    def _on_plot_resized(self, _event) -> None:
        # the redraw after a resize skips ``before_draw``: the key is fitted to the new width
        # here, and that redraw lays the figure out around it
        self.live.fit_key()

    def _on_plot_drawn(self, _event) -> None:
        # the y-axis labels fitted to the heights this draw laid the plots out at: at 1024x700
        # "độ chính xác" ran past its 60-px plot into "100%" (walk57 D2). Drawn again once
        # (a label that fits keeps its place and size: the next draw finds nothing to fit)
        if fit_ylabels(self.live.axes):
            self.plot.relayout()
            self.plot.request_draw(full=True)
        # after the draw, not in it: a key placed now is one this draw has not drawn
        QTimer.singleShot(0, self, self._after_draw)

    def _after_draw(self) -> None:
        # the key fitted to the batch plot's width as this draw laid it out: placed at the
        # width before the layout it stayed beside the title it then ran into (walk61 D1)
        if self.live.fit_key():
            self.plot.relayout()
            self.plot.request_draw(full=True)
        self._fit_least_height()

    def _fit_least_height(self) -> None:
        """The chart's least height, for plots of ``key.PLOT_LEAST_HEIGHT`` times
        ``plots_least_zoom`` with the key and titles this draw laid out (more rows of key in a
        narrow chart, bigger text at a larger step)."""
        if self.plot.minimumHeight() != self._least_set:
            return  # a least height of someone else's (a test's fixed size) stays
        ratio = self.plot.canvas.devicePixelRatioF() or 1
        ax_batch, ax_loss, _ax_acc = self.live.axes
        plots = (ax_batch.bbox.height / ratio, ax_loss.bbox.height / ratio)
        if min(plots) <= 0:
            return
        chart = self.plot.canvas.figure.bbox.height / ratio
        least = least_chart_height(chart, plots, plots_least_zoom(), LIVE_CHART_LEAST_HEIGHT)
        if abs(least - self._least_set) >= 2:
            self._least_set = least
            self.plot.setMinimumHeight(least)
            self.least_changed.emit()

    def _on_plot_before_draw(self) -> set:
        curves = self._curves()
        self.live.update(curves)
        self._follow_rates(curves)
        # new limits, new tick labels ("97.25%"): the y-axis labels clear of them (only then:
        # the ticks are measured, a few ms, and most updates draw only the lines)
        changed = self.live.changed_axes
        moved = fit_ylabels([ax for ax in self.live.axes if ax in changed]) if changed else []
        if self.live.fit_key() | bool(moved):
            self.plot.relayout()  # the key took more or fewer rows, or a label moved
            return True
        return self.live.changed_axes  # drawn again; an empty set: the lines are blitted
