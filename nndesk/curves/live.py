"""``LiveCurves``: the Train page's live plot, its lines made once on three Axes and then only
moved to the run's ``Curves``; limits, legend and marks change only when the data needs it."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon

from nndesk.curves.key import place_key
from nndesk.curves.marks import (
    MARK_ROWS,
    ScheduleTurn,
    drawn_batch_losses,
    mark_change,
    mark_off_chart,
    marks_in_order,
    off_chart,
    off_chart_text,
)
from nndesk.curves.scales import (
    as_xy,
    finite_values,
    log_loss_limits,
    nice_ceiling,
    set_lim,
    set_loss_scale,
    span_epochs,
    spike_free_top,
    sticky_top,
    wide_losses,
)
from nndesk.curves.smoothing import min_max_band, nearby_mean, smoothing_window, with_last
from nndesk.curves.style import (
    BATCH_COLOR,
    TEST_COLOR,
    TRAIN_COLOR,
    VAL_COLOR,
    lone_marker,
    style_axes,
    thin_markers,
    top_ylabel,
)
from nndesk.i18n import N_, Loss, shown
from nndesk.run_curves import Curves

#: Above this many batches the light per-batch curve is drawn as a min-max band.
MAX_RAW_BATCH_POINTS = 800

#: how the key's entries are set out (``key.place_key``)
KEY_STYLE = {
    "fontsize": 7,
    "frameon": False,
    "borderaxespad": 0.2,
    "borderpad": 0.1,
    "handlelength": 1.6,
    "columnspacing": 1.0,
}


def _marks(line: Line2D) -> tuple:
    """How ``line`` is drawn beyond its colour: what its key handle copies (``_key_handle``)."""
    return line.get_marker(), line.get_markersize(), line.get_linewidth()


def _key_handle(line: Line2D) -> Line2D:
    """A line drawn in the key like ``line``, but not tied to its data."""
    return Line2D(
        [],
        [],
        color=line.get_color(),
        lw=line.get_linewidth(),
        ls=line.get_linestyle(),
        marker=line.get_marker(),
        ms=line.get_markersize(),
    )


class LiveCurves:
    """The live plot: lines made once on three Axes, then ``update`` only moves their data.

    Limits are sticky: they change only when the data leaves them (or shrinks to under half of
    them), and ``update`` says so. A caller that blits (``animated=True`` lines) then needs a full
    redraw only on those rare updates; every other update just redraws the lines.
    """

    def __init__(self, ax_batch: Axes, ax_loss: Axes, ax_acc: Axes, animated: bool = False):
        self.axes = (ax_batch, ax_loss, ax_acc)
        style_axes(ax_batch, ax_loss, ax_acc)
        for ax in self.axes:
            top_ylabel(ax)  # whole above a foot scrolled out of sight
        kw = {"animated": animated}
        self._animated = animated
        (self.batch_line,) = ax_batch.plot(
            [], [], color=BATCH_COLOR, lw=0.8, label=shown(N_("batch")), **kw
        )
        # with more batches than pixels, the light per-batch line becomes a min-max band: it looks
        # the same and is drawn ~10x faster (a dense zigzag is the slowest thing Agg draws)
        self.batch_band = Polygon(
            np.zeros((1, 2)),
            closed=True,
            facecolor=BATCH_COLOR,
            edgecolor=BATCH_COLOR,
            lw=0.5,
            visible=False,
            **kw,
        )
        ax_batch.add_patch(self.batch_band)
        (self.batch_avg_line,) = ax_batch.plot(
            [], [], color=TRAIN_COLOR, lw=1.8, label=shown(N_("mean of nearby batches")), **kw
        )
        (self.train_loss_line,) = ax_loss.plot(
            [], [], "o-", color=TRAIN_COLOR, ms=4, lw=1.8, label=shown(N_("train")), **kw
        )
        (self.val_loss_line,) = ax_loss.plot(
            [], [], "s-", color=VAL_COLOR, ms=4, lw=1.8, label=shown(N_("validation")), **kw
        )
        (self.train_acc_line,) = ax_acc.plot(
            [], [], "o-", color=TRAIN_COLOR, ms=4, lw=1.8, label=shown(N_("train")), **kw
        )
        (self.val_acc_line,) = ax_acc.plot(
            [], [], "s-", color=VAL_COLOR, ms=4, lw=1.8, label=shown(N_("validation")), **kw
        )
        # only when the run measures the test split every epoch (no legend entry otherwise)
        (self.test_loss_line,) = ax_loss.plot(
            [], [], "^--", color=TEST_COLOR, ms=4, lw=1.4, label="_test", **kw
        )
        (self.test_acc_line,) = ax_acc.plot(
            [], [], "^--", color=TEST_COLOR, ms=4, lw=1.4, label="_test", **kw
        )
        self._epoch_markers = (
            (self.train_loss_line, "o", 1.8),
            (self.val_loss_line, "s", 1.8),
            (self.train_acc_line, "o", 1.8),
            (self.val_acc_line, "s", 1.8),
            (self.test_loss_line, "^", 1.4),
            (self.test_acc_line, "^", 1.4),
        )
        self._key_cols = 0  # the key's columns: fewer columns are more rows above the plot
        self._key_lifted = False  # the key above the batch plot's title, not beside it
        self._laid_out_cols: tuple[int, bool] | None = None
        self._key_width = 0.0
        self._place_key(None)
        self._lr_marks: list = []
        #: what a caller that blits draws over the background, in order (one list, changed in
        #: place): the lines, then the labels of the changes marked (``mark_change``)
        self.animated: list = list(self.lines) if animated else []
        #: the marks drawn (``marks_in_order``): changes made while training, schedule turns
        self._marked: list = []
        self._turns: tuple[ScheduleTurn, ...] = ()  # the run's schedule's (``set_span``)
        self._off_marks: list = []  # the arrow of a diverged run's last loss (mark_off_chart)
        self._off_key: tuple | None = None  # (x, its text, the loss)
        self.batches_per_epoch: int | None = None
        self._span: tuple[int, int] | None = None
        self._shown = (True, False)  # (validation, test) in the legends
        #: the per-epoch curves a run will draw, named in the legends before its first epoch
        self._expected = (True, False)
        #: the Axes the last ``update`` changed beyond their lines (limits, legend, marks)
        self.changed_axes: set[Axes] = set()
        #: Axes changed between two updates (``reset``, ``expect_loss``): the next update names
        #: them, else a caller that blits never draws their new limits (walk 43 item 7)
        self._changed_since: set[Axes] = set()
        self.reset()

    def _place_key(self, note: str | None) -> None:
        """One key for all three plots, above the batch plot's right end, beside its title
        (``key.place_key``): outside every plot, it never lies on a curve or a change label
        ("lr 0.0005" ran into the legend's "batch")."""
        self._note = note
        self._key_marks = _marks(self.train_loss_line)
        ax_batch = self.axes[0]
        lines = [self.batch_line, self.batch_avg_line, self.train_loss_line]
        lines += [
            line
            for line in (self.val_loss_line, self.test_loss_line)
            if line.get_label()[:1] != "_"
        ]
        # stand-ins: a key drawn from the live lines showed nothing for "batch" once its data
        # had been moved to the band
        handles = [_key_handle(line) for line in lines]
        labels = [line.get_label() for line in lines]
        if note:
            handles.append(Line2D([], [], ls="none"))
            labels.append(note)
        self._key_cols, self._key_lifted = place_key(
            ax_batch, handles, labels, ax_batch.get_title(loc="left"), KEY_STYLE
        )

    def fit_key(self) -> bool:
        """Lay the key out again when the batch plot's width changed; True when its rows
        changed since the last call (the caller then lays the figure out again, so the key
        keeps its room above the plot)."""
        width = self.axes[0].get_window_extent().width
        if abs(width - self._key_width) >= 1.0:
            self._key_width = width
            self._place_key(self._note)
        changed = (self._key_cols, self._key_lifted) != self._laid_out_cols
        self._laid_out_cols = (self._key_cols, self._key_lifted)
        return changed

    @property
    def lines(self) -> tuple:
        """Every data line, in a fixed order (the same objects for the plot's lifetime)."""
        return (
            self.batch_band,
            self.batch_line,
            self.batch_avg_line,
            self.train_loss_line,
            self.val_loss_line,
            self.train_acc_line,
            self.val_acc_line,
            self.test_loss_line,
            self.test_acc_line,
        )

    def set_span(
        self, first_epoch: int, last_epoch: int, turns: tuple[ScheduleTurn, ...] = ()
    ) -> None:
        """Fix the x axes to a run's epochs (``first_epoch`` 1-based) so they never rescale;
        ``turns``: where its learning-rate schedule changes pace, marked once reached."""
        self._span = (int(first_epoch), int(last_epoch))
        self._turns = tuple(turns)

    def span(self) -> tuple[int, int, tuple[ScheduleTurn, ...]] | None:
        """The run's epochs the x axes are fixed to and its schedule's turns (``set_span``'s
        arguments), or None."""
        return None if self._span is None else (*self._span, self._turns)

    def expected(self) -> tuple[bool, bool]:
        """The per-epoch curves ``expect_curves`` announced: (validation, test)."""
        return self._expected

    def expect_curves(self, validation: bool, test: bool = False) -> None:
        """Say which per-epoch curves the coming run draws (a validation split, the test split
        every epoch), so the legends name only those from its first batch on."""
        self._expected = (bool(validation), bool(test))

    def expect_loss(self, value: float) -> None:
        """Start both loss axes at a height that fits ``value`` (the untrained loss, e.g.
        ln(10) for cross-entropy over ten classes), so the first batches do not rescale them."""
        top = nice_ceiling(value * 1.1)
        set_loss_scale(self.axes[:2], False)
        self.axes[0].set_ylim(0, top)
        self.axes[1].set_ylim(0, top)
        self._changed_since.update(self.axes[:2])

    def loss_limits(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """The y limits of the two loss plots (per batch, per epoch)."""
        return self.axes[0].get_ylim(), self.axes[1].get_ylim()

    def keep_loss_limits(self, limits: tuple[tuple[float, float], tuple[float, float]]) -> None:
        """Put the loss plots back on ``limits`` (``loss_limits`` of the curves a continued run
        goes on from): the curve it continues stays as it was shown, its start not cut off."""
        set_loss_scale(self.axes[:2], limits[0][0] > 0)  # limits from 0 were a linear axis's
        for ax, lim in zip(self.axes[:2], limits, strict=True):
            ax.set_ylim(*lim)
        self._changed_since.update(self.axes[:2])

    def update(self, curves: Curves) -> bool:
        """Move every line to ``curves``; True when limits, legends or marks changed.

        ``changed_axes`` then holds the Axes whose decorations changed: the caller redraws those
        (or everything), else a blit of the lines is enough.
        """
        self.changed_axes, self._changed_since = self._changed_since, set()
        bx, bl = as_xy(curves.batch_x, curves.batch_loss)
        if len(bl) and not np.isfinite(bl[-1]):  # an overflowed last loss: marked, not drawn
            bx, bl = bx[:-1], bl[:-1]
        band = (
            min_max_band(bx, bl, MAX_RAW_BATCH_POINTS // 2)
            if len(bx) > MAX_RAW_BATCH_POINTS
            else None
        )
        if band is not None and len(band):
            self.batch_band.set_xy(band)
            self.batch_band.set_visible(True)
            self.batch_line.set_data([], [])
        else:
            self.batch_band.set_visible(False)
            self.batch_line.set_data(bx, bl)
        # a lone batch is a point, not a line: a run that diverged at its second batch
        # showed an empty plot
        off = off_chart(curves.batch_loss) is not None and len(bl) == len(curves.batch_loss)
        self.batch_line.set_marker(lone_marker(bl[:-1] if off else bl))
        window = smoothing_window(self.batches_per_epoch, len(bl))
        # the average is smooth: every k-th point draws the same curve with fewer segments
        stride = max(1, len(bx) // MAX_RAW_BATCH_POINTS)
        avg = nearby_mean(bl, window)
        self.batch_avg_line.set_data(with_last(bx, stride), with_last(avg, stride))
        ex = np.asarray(curves.epochs, dtype=np.float64)
        self.train_loss_line.set_data(*as_xy(ex, curves.train_loss))
        self.val_loss_line.set_data(*as_xy(ex, curves.val_loss))
        self.train_acc_line.set_data(*as_xy(ex, curves.train_accuracy))
        self.val_acc_line.set_data(*as_xy(ex, curves.val_accuracy))
        thin_markers(self._epoch_markers, len(ex), 4.0)
        if self._key_marks != _marks(self.train_loss_line):
            # the key draws the lines as they are: at mnist-gd's 500 epochs its squares and
            # circles stayed from the first epochs and the markerless curves read as markers
            # piled into a band (walk70 L4)
            self._place_key(self._note)
            self.changed_axes.add(self.axes[0])
        # legends name only the curves this run has (no validation split, no test per epoch)
        planned = not curves.epochs  # nothing drawn yet: name what the run will draw
        visible = (
            bool(finite_values(curves.val_accuracy).size) or (planned and self._expected[0]),
            bool(finite_values(curves.test_accuracy).size) or (planned and self._expected[1]),
        )
        self.test_loss_line.set_data(*as_xy(ex, curves.test_loss))
        self.test_acc_line.set_data(*as_xy(ex, curves.test_accuracy))
        if visible != self._shown:
            self._shown = visible
            for line, name, on in (
                (self.val_loss_line, shown(N_("validation")), visible[0]),
                (self.val_acc_line, shown(N_("validation")), visible[0]),
                (self.test_loss_line, shown(N_("test")), visible[1]),
                (self.test_acc_line, shown(N_("test")), visible[1]),
            ):
                line.set_label(name if on else "_" + name)
            # a run without a validation split draws its train curve only: the key says why
            self._place_key(None if visible[0] else shown(N_("no validation split")))
            self.changed_axes.add(self.axes[0])
        self._update_limits(curves)  # first: a change label's side depends on the x limits
        marked = marks_in_order(curves, self._turns)
        self._mark_off_chart(curves, len(marked))
        drawn = len(self._marked)
        if marked[:drawn] != self._marked:  # fewer (a new run), or one came in before others
            self.clear_lr_marks()
            self.changed_axes.update(self.axes)
            drawn = 0
        for i, change in enumerate(marked[drawn:], start=drawn):
            # one line per batch; labels take turns over MARK_ROWS rows, so changes at one batch
            # or a few batches apart ("lr 0.0005", "augment on") are not written over each other
            line = not any(c.x == change.x for c in marked[:i])
            row = i % MARK_ROWS
            marks = mark_change(self.axes, change.x, change.shown_text(), row, line, self._animated)
            self._lr_marks.extend(marks)
            self.animated.extend(a for a in marks if a.get_animated())
            self.changed_axes.update(self.axes)
        self._marked = marked
        return bool(self.changed_axes)

    def _update_limits(self, curves: Curves) -> None:
        """Move the limits the data has left; the Axes whose limits moved join ``changed_axes``."""
        ax_batch, ax_loss, ax_acc = self.axes
        if self._span is not None:
            first, last = self._span
            epochs_last = last  # the run's own epochs, even a single one
        else:
            first = min(curves.epochs[0], 1) if curves.epochs else 1
            last = max(curves.epochs[-1] if curves.epochs else 1, math.ceil(curves.last_x), 1)
            epochs_last = max(last, first + 1)  # epochs to come unknown: at least two
        moved = {ax_batch: set_lim(ax_batch, "x", (first - 1, last))}
        for ax in (ax_loss, ax_acc):
            moved[ax] = span_epochs(ax, first, epochs_last)
        # batch losses up to where they stay for a few batches: the start in view, one wild
        # batch not (walk59 D7: a 99th percentile cut the first batches off); a diverged run's
        # last loss is marked instead (off_chart)
        losses = finite_values(drawn_batch_losses(curves.batch_loss))
        epoch_losses = finite_values([*curves.train_loss, *curves.val_loss, *curves.test_loss])
        # a start hundreds of times the run's usual loss (ReLU on raw pixels: 250, then 0.1)
        # goes on a log axis, as the Race's lanes do: linear, the rest lay flat on zero
        log = wide_losses([losses], ax_batch.get_yscale() == "log")
        if set_loss_scale((ax_batch, ax_loss), log):
            moved[ax_batch] = moved[ax_loss] = True
            self._place_key(self._note)  # beside a title that grew or shrank: rows again
        if log:
            batch = log_loss_limits(losses)
            moved[ax_batch] |= batch is not None and set_lim(ax_batch, "y", batch)
            epoch = log_loss_limits(epoch_losses) or batch
            moved[ax_loss] |= epoch is not None and set_lim(ax_loss, "y", epoch)
        else:
            moved[ax_batch] |= sticky_top(ax_batch, spike_free_top(losses))
            top = float(epoch_losses.max()) if epoch_losses.size else 0.0
            moved[ax_loss] |= sticky_top(ax_loss, top)
        accs = finite_values([*curves.train_accuracy, *curves.val_accuracy, *curves.test_accuracy])
        low = float(accs.min()) if accs.size else 0.0
        bottom = ax_acc.get_ylim()[0]
        if low < bottom or low > bottom + 0.6 * (1.0 - bottom) or not accs.size:
            bottom = max(0.0, math.floor((low - 0.02) * 20) / 20) if accs.size else 0.0
        moved[ax_acc] |= set_lim(ax_acc, "y", (bottom, 1.005))
        self.changed_axes.update(ax for ax, changed in moved.items() if changed)

    def _mark_off_chart(self, curves: Curves, marks: int) -> None:
        """The arrow and value of a diverged run's last loss, above the plot's range."""
        loss = off_chart(curves.batch_loss)
        # compared by its text: a NaN loss is never equal to itself
        key = None if loss is None else (float(curves.batch_x[-1]), Loss(loss).shown(), loss)
        if key is not None and self._off_key is not None and key[:2] == self._off_key[:2]:
            return
        if key == self._off_key:
            return
        for artist in self._off_marks:
            artist.remove()
        self._off_marks = []
        self._off_key = key
        if key is not None:
            text = off_chart_text(key[2], key[0], self.batches_per_epoch)
            # below the labels of the changes made while training (their rows from the top):
            # "tốc độ học 5", set just before the run diverged, lay on it (walk61 D14)
            below = min(marks, MARK_ROWS)
            self._off_marks = mark_off_chart(self.axes[0], key[0], text, row=below)
        self.changed_axes.add(self.axes[0])

    def off_chart_marks(self) -> list:
        """The artists marking a loss that left the chart (none for a run that did not
        diverge)."""
        return list(self._off_marks)

    def clear_lr_marks(self) -> None:
        for artist in self._lr_marks:
            artist.remove()
        self.animated[:] = [a for a in self.animated if a not in self._lr_marks]
        self._lr_marks.clear()
        self._marked = []

    def reset(self) -> None:
        """Empty every line and forget the run's span (a new run starts)."""
        self.clear_lr_marks()
        self._span = None
        self._turns = ()
        self._expected = (True, False)
        set_loss_scale(self.axes[:2], False)
        self.axes[0].set_ylim(0, 1)
        self.axes[1].set_ylim(0, 1)
        self.update(Curves())
        self._changed_since = set(self.axes)  # emptied and rescaled: all drawn again
