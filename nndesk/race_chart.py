"""The race's overlaid curves, kept between renders so that a live refresh only moves data.

Qt-free. ``RaceChart`` builds one figure for a race (its lanes, its size, the theme): three axes
at fixed places (no layout engine to run again), five lines per lane and one legend. Each
``render(curves)`` then only sets the lines' data and the axes' limits and draws with Agg,
a fraction of building the figure anew (``benchmarks/bench_gui.py --race``). One lane's curves
look as ``curves.plot_overlay`` draws them: its colour, the smoothed batch loss, validation
solid and train dashed per epoch.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from nndesk.curves.fitting import fit_ylabels, refit_titles
from nndesk.curves.key import place_key, title_lift_points
from nndesk.curves.marks import drawn_batch_losses, mark_off_chart, off_chart
from nndesk.curves.scales import log_loss_limits, set_loss_scale, span_epochs, wide_losses
from nndesk.curves.smoothing import nearby_mean, smoothing_window
from nndesk.curves.style import RUN_COLORS, TITLE_POINTS, split_key, style_axes
from nndesk.i18n import Loss
from nndesk.run_curves import Curves
from nndesk.viz import legend_label

#: A smoothed batch curve is drawn through at most this many of its points (it is smooth).
MAX_BATCH_POINTS = 600
#: Margins in points: room for the tick and axis labels (left, bottom), titles (top, between).
#: The top holds the batch plot's title and its key, beside or above it, and ``TOP_PT`` more.
LEFT_PT, RIGHT_PT, TOP_PT, BOTTOM_PT, ROW_GAP_PT, COLUMN_GAP_PT = 50, 10, 12, 34, 52, 58
#: Pixels a plot keeps when the key, titles and ticks take more than the chart's height
LEAST_ROW_PX = 20
#: how the key's entries are set out (``key.place_key``)
KEY_STYLE = {
    "fontsize": 7,
    "frameon": False,
    "borderaxespad": 0.0,
    "borderpad": 0.0,
    "handlelength": 1.6,
    "handletextpad": 0.4,
    "columnspacing": 1.0,
    "labelspacing": 0.2,
}


def theme_key() -> tuple:
    """What a chart's colours were made from: a new theme needs a new chart."""
    import matplotlib

    rc = matplotlib.rcParams
    return tuple(rc[k] for k in ("axes.facecolor", "figure.facecolor", "text.color",
                                 "axes.edgecolor", "grid.color"))  # fmt: skip


def _has_points(ax) -> bool:
    """Whether any line of ``ax`` holds a finite point."""
    return any(np.isfinite(np.asarray(line.get_ydata(), np.float64)).any() for line in ax.lines)


def _ydata(ax) -> np.ndarray:
    """Every y value the lines of ``ax`` draw."""
    parts = [np.asarray(line.get_ydata(), np.float64) for line in ax.lines]
    return np.concatenate(parts) if parts else np.zeros(0)


class RaceChart:
    """The curves of the lanes ``names`` in a ``width`` x ``height`` pixel image; its key names
    the "validation" line style only when ``validation`` (the lanes keep a validation split:
    without one it named a curve no lane draws). The epoch plots span the race's ``epochs``
    from the start (0: as far as the curves go, at least 2)."""

    def __init__(
        self,
        names: Sequence[str],
        width: int,
        height: int,
        dpi: float = 96.0,
        *,
        validation: bool = True,
        epochs: int = 0,
    ) -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.key = (tuple(names), int(width), int(height), theme_key(), validation, int(epochs))
        self.epochs = int(epochs)
        self.figure = Figure(figsize=(width / dpi, height / dpi), dpi=dpi)
        self.canvas = FigureCanvasAgg(self.figure)
        # fixed widths: the plots' left and right edges and the gap between the epoch plots
        left, right = LEFT_PT / 72 * dpi / width, 1 - RIGHT_PT / 72 * dpi / width
        column = max((right - left) * width - COLUMN_GAP_PT / 72 * dpi, 20) / 2
        self._grid = self.figure.add_gridspec(
            2, 2, left=left, right=right, wspace=COLUMN_GAP_PT / 72 * dpi / column
        )
        self.ax_batch = self.figure.add_subplot(self._grid[0, :])
        self.ax_loss = self.figure.add_subplot(self._grid[1, 0])
        self.ax_acc = self.figure.add_subplot(self._grid[1, 1])
        self.axes = (self.ax_batch, self.ax_loss, self.ax_acc)
        style_axes(*self.axes)
        self.lines: list[tuple] = []
        self._off_marks: list = []  # the arrows of diverged lanes' last losses
        for i, name in enumerate(names):
            color = RUN_COLORS[i % len(RUN_COLORS)]
            (batch,) = self.ax_batch.plot([], [], color=color, lw=1.5, label=legend_label(name))
            (val_loss,) = self.ax_loss.plot([], [], "s-", color=color, ms=3, lw=1.6)
            (train_loss,) = self.ax_loss.plot([], [], "o--", color=color, ms=3, lw=1.0, alpha=0.7)
            (val_acc,) = self.ax_acc.plot([], [], "s-", color=color, ms=3, lw=1.6)
            (train_acc,) = self.ax_acc.plot([], [], "o--", color=color, ms=3, lw=1.0, alpha=0.7)
            self.lines.append((batch, val_loss, train_loss, val_acc, train_acc))
        styles = ([split_key("validation")] if validation else []) + [split_key("train")]
        #: the key: a line per lane, then the split styles
        self._key = ([lines[0] for lines in self.lines] + styles,
                     [lines[0].get_label() for lines in self.lines]
                     + [style.get_label() for style in styles])  # fmt: skip
        self._lay_out()

    def _lay_out(self) -> None:
        """The plots' titles fitted to their widths, the key beside or above the batch plot's
        title (``key.place_key``: inside the plot its five to six rows covered the curves of
        a 1024 px window's short plot), and the rows' heights around them: the top margin
        holds the key's rows (and the title under a key above it), the gap between the rows
        the epoch plots' title lines. Again whenever a title changes (a loss plot going on a
        log axis says "(log scale)")."""
        px = self.figure.dpi / 72  # pixels per point
        height = self.figure.bbox.height
        refit_titles(self.axes)  # widths only: the rows' heights come after
        handles, labels = self._key
        _columns, lifted = place_key(
            self.ax_batch, handles, labels, self.ax_batch.get_title(loc="left"), KEY_STYLE
        )
        # the key's height as laid out (its rows, a label on two lines)
        legend = self.ax_batch.get_legend().get_window_extent(self.canvas.get_renderer())
        key_pt = legend.height / px
        title_pt = title_lift_points(self.ax_batch)
        top_pt = TOP_PT + key_pt + title_pt if lifted else max(TOP_PT + key_pt, title_pt + 3)
        epoch_lines = max(ax.get_title(loc="left").count("\n") for ax in self.axes[1:])
        gap_pt = ROW_GAP_PT + epoch_lines * TITLE_POINTS * 1.25
        self._decorations_px = (top_pt + BOTTOM_PT + gap_pt) * px
        bottom, top = BOTTOM_PT * px / height, 1 - top_pt * px / height
        # a key taller than the chart (four lanes named by their settings, each on two lines,
        # at Larger text on a 1024x768 screen) left the top under the bottom, and gridspec
        # refused it: the chart was a blank band. The plots keep a least room here, the key
        # over them, until the view, told by ``plot_heights``, makes the chart taller
        least = min(1.0, (2 * LEAST_ROW_PX + gap_pt * px) / height)
        if top - bottom < least:
            bottom = min(bottom, 1.0 - least)
            top = bottom + least
        # the gap as gridspec wants it: a share of the mean plot height
        row = max((top - bottom) * height - gap_pt * px, LEAST_ROW_PX) / 2
        self._grid.update(bottom=bottom, top=top, hspace=gap_pt * px / row)
        for ax in self.axes:  # update moves only the plots of pyplot's figures
            ax.set_position(ax.get_subplotspec().get_position(self.figure))

    def plot_heights(self) -> tuple[float, float]:
        """The heights (pixels) the batch plot and the epoch plots below it get: the chart's
        height less its key, titles, ticks and gaps, in two (below zero where those take more
        than the chart: the plots are then drawn at a least height, not the one measured)."""
        row = (self.figure.bbox.height - self._decorations_px) / 2
        return row, row

    def render(self, curves: Sequence[Curves], batches_per_epoch: int = 0) -> np.ndarray:
        """The lanes' ``curves`` drawn: RGBA uint8 (height, width, 4), a copy."""
        last_epoch, top_x = 1, 0.0
        # a lane far above the others (ReLU on raw pixels starts at 130-250, a sigmoid lane
        # under 1) puts both loss plots on a log axis: linear, the others lay flat on zero
        log = wide_losses(
            [drawn_batch_losses(c.batch_loss) for c in curves], self.ax_batch.get_yscale() == "log"
        )
        titled = set_loss_scale((self.ax_batch, self.ax_loss), log)
        for lines, c in zip(self.lines, curves, strict=True):
            batch, val_loss, train_loss, val_acc, train_acc = lines
            bx, bl = np.asarray(c.batch_x, np.float64), np.asarray(c.batch_loss, np.float64)
            if off_chart(c.batch_loss) is not None:  # a diverged lane's last loss: marked below
                bx, bl = bx[:-1], bl[:-1]
            if len(bx):
                per_epoch = batches_per_epoch or len(bx) / max(math.ceil(bx[-1]), 1)
                smooth = nearby_mean(bl, smoothing_window(int(per_epoch), len(bx)))
                stride = -(-len(bx) // MAX_BATCH_POINTS)
                keep = np.arange(len(bx) - 1, -1, -stride)[::-1]  # always the newest point
                batch.set_data(bx[keep], smooth[keep])
                top_x = max(top_x, float(bx[-1]))
            else:
                batch.set_data([], [])
            ex = np.asarray(c.epochs, np.float64)
            val_loss.set_data(ex, np.asarray(c.val_loss, np.float64))
            train_loss.set_data(ex, np.asarray(c.train_loss, np.float64))
            val_acc.set_data(ex, np.asarray(c.val_accuracy, np.float64))
            train_acc.set_data(ex, np.asarray(c.train_accuracy, np.float64))
            if c.epochs:
                last_epoch = max(last_epoch, int(c.epochs[-1]))
        for ax in (self.ax_batch, self.ax_loss, self.ax_acc):
            ax.set_autoscaley_on(True)  # an empty epoch plot's fixed range below held it
            ax.relim()
            ax.autoscale_view()
        # the race's epochs from its first batch, as the Live page's batch plot: grown with
        # the data, a 5-epoch race's plot read 0-1.1 where Live's read 0-5 (walk60 D7f)
        right_x = max(top_x, float(self.epochs)) if self.epochs else top_x
        if right_x > 0:
            self.ax_batch.set_xlim(0, right_x)
        if log:
            self._log_limits()
        # before the first epoch ends its plots are empty, and matplotlib's empty range is
        # -0.05..0.05: accuracy read -5 % to 5 % (walk48 D12). Accuracy gets its whole 0-100 %,
        # loss the batch plot's range from 0 (the epoch losses land in it).
        if not _has_points(self.ax_acc):
            self.ax_acc.set_ylim(0.0, 1.0)
        if not _has_points(self.ax_loss) and not log:
            top = self.ax_batch.get_ylim()[1] if _has_points(self.ax_batch) else 1.0
            self.ax_loss.set_ylim(0.0, max(top, 1e-3))
        # the race's epochs 1..N from its first batch: the axis read 1-2 until a third epoch
        # ended, then grew; unknown, whole epochs even for a one-epoch race (as plot_overlay)
        right = max(last_epoch, self.epochs) if self.epochs else max(last_epoch, 2)
        for ax in (self.ax_loss, self.ax_acc):
            span_epochs(ax, 1, right)  # as the Train page's (one function for both)
        if titled:  # "(log scale)" in the titles: fitted again, on the new axis's ticks
            self._lay_out()
        self._mark_off_chart(curves)
        fit_ylabels((self.ax_batch, self.ax_loss, self.ax_acc))  # clear of longer ticks
        self.canvas.draw()
        return np.asarray(self.canvas.buffer_rgba()).copy()

    def _log_limits(self) -> None:
        """The log loss plots' limits from what their lines draw; the epoch plot with no
        finished epoch yet takes the batch plot's (autoscale reaches below zero there)."""
        batch = log_loss_limits(_ydata(self.ax_batch))
        if batch is not None:
            self.ax_batch.set_ylim(*batch)
        epoch = log_loss_limits(_ydata(self.ax_loss)) or batch
        if epoch is not None:
            self.ax_loss.set_ylim(*epoch)

    def _mark_off_chart(self, curves: Sequence[Curves]) -> None:
        """A diverged lane's last loss as the Runs chart marks a run's: an arrow up out of the
        batch plot in the lane's colour, with the loss (the lane's line stopped short and
        its row said "—": nothing showed that the loss went up)."""
        for artist in self._off_marks:
            artist.remove()
        self._off_marks = []
        for i, c in enumerate(curves):
            if (off := off_chart(c.batch_loss)) is not None:
                color = RUN_COLORS[i % len(RUN_COLORS)]
                x = float(c.batch_x[-1])
                row = len(self._off_marks) // 2  # each mark is an arrow and its text
                text = Loss(off).shown()
                self._off_marks += mark_off_chart(self.ax_batch, x, text, color, row=row)

    def off_chart_marks(self) -> list:
        """The artists marking diverged lanes' last losses (none when no lane diverged)."""
        return list(self._off_marks)
