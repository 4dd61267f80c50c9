"""A small learning-rate-per-epoch plot: the schedule a run's settings plan and, during and
after the run, the rate each epoch trained at, a rate set by hand marked where it was set.

Its x axis is the Live tab's per-epoch charts' (``curves.scales.span_epochs``): epoch ``e`` at
``x = e`` (the epoch's end, where its loss is drawn), half an epoch either side, a change at
``epoch - 1 + batch / batches``. It once drew epoch ``e`` at ``e - 0.5``, and a rate set at 0.68
stood right of "1" on it and left of "1" on the charts above it (walk72 F1).

The lab asks the student to show the schedule (walk69 D4: "exp decay after 10 epochs, rate 0.1"
was a tooltip and a number in the speed line; she had to work out 0.0005·e^(-0.1·k) herself).
The plan comes from ``training.session.planned_rates``, the function the training loop's rate
comes from. Drawn with a painter, not matplotlib: the form redraws it at each key typed in a
field, and a painter draws it in well under a millisecond.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from nndesk.curves.style import lr_colour
from nndesk.i18n import rate_said
from nndesk.ui import theme
from nndesk.ui.language import translate

#: Lines of text the plot is high: its title and key, two and a half for the plot, one for the
#: epochs under it (five took the Train page's last row off a 1280x800 screen, walk72 F1)
LINES = 4.5
#: px the dots of the rates each epoch trained at take across
DOT = 5.0
#: Epochs of a plan drawn at most (``planned_rates``' ``most``), and of rates trained drawn as
#: dots: more make a line
MOST_POINTS = 400


class RatePlot(QWidget):
    """``planned``: ``(epoch, rate)`` of the schedule; ``trained``: the rate each epoch trained
    at; ``marks``: ``(x in epochs, rate)`` of each rate set by hand (x as the batch chart's:
    ``epoch - 1 + batch / batches``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.planned: list[tuple[int, float]] = []
        self.trained: list[tuple[int, float]] = []
        self.marks: list[tuple[float, float]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(0)
        self._fit_height()

    def _fit_height(self) -> None:
        """``LINES`` lines of the font high (a text size step changes it)."""
        self.setFixedHeight(round(self.fontMetrics().height() * LINES))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()

    # -- what it shows -----------------------------------------------------------------------
    def show_plan(self, planned: Sequence[tuple[int, float]]) -> None:
        """The schedule's rate for each epoch; the rates trained are forgotten."""
        self.planned = [(int(e), float(r)) for e, r in planned]
        self.trained, self.marks = [], []
        self._said()

    def show_trained(
        self, epochs: Sequence[int], rates: Sequence[float], marks: Sequence[tuple[float, float]]
    ) -> bool:
        """The rate each of ``epochs`` trained at (its last batch's) and the rates set by hand;
        True when that changed what the plot shows."""
        trained = [(int(e), float(r)) for e, r in zip(epochs, rates, strict=False)]
        marks = [(float(x), float(r)) for x, r in marks]
        if trained == self.trained and marks == self.marks:
            return False
        self.trained, self.marks = trained, marks
        self._said()
        return True

    def _said(self) -> None:
        """The plot in words (its tooltip's second part, what a screen reader says)."""
        self.setAccessibleDescription(
            "; ".join(f"{e}: {rate_said(r)}" for e, r in (self.trained or self.planned))
        )
        self.updateGeometry()
        self.update()

    # -- drawing -------------------------------------------------------------------------------
    def _epochs(self) -> tuple[int, int]:
        """The first and last epoch drawn."""
        shown = [e for e, _ in self.planned] + [e for e, _ in self.trained]
        shown += [int(x) + 1 for x, _ in self.marks]
        return (min(shown), max(shown)) if shown else (1, 1)

    def x_span(self) -> tuple[float, float]:
        """The x axis's ends in epochs: the per-epoch charts' (``span_epochs``), half an epoch
        either side of the first and last epoch, reaching left to a change set before the
        first half epoch."""
        first, last = self._epochs()
        left = min([first - 0.5] + [x for x, _ in self.marks])
        return left, last + 0.5

    def fraction(self, x: float) -> float:
        """Where ``x`` (in epochs) lies across the plot, 0 at its left end, 1 at its right:
        an epoch's dot at its number, a change at its own x, as on the per-epoch charts."""
        left, right = self.x_span()
        return (x - left) / max(right - left, 1e-9)

    def plan_drawn(self) -> list[tuple[float, float]]:
        """The plan's line as drawn, ``(x in epochs, rate)``: through each epoch's end, from
        the axis's left end; after a rate set by hand it ends at the first one's ``x`` (the
        schedule stops there: drawn on at its old rate it read "the rate goes back", walk72
        F1)."""
        if not self.planned:
            return []
        left, _right = self.x_span()
        points = [(left, self.planned[0][1])] + [(float(e), r) for e, r in self.planned]
        if not self.marks:
            return points
        stop = min(x for x, _ in self.marks)
        kept = [p for p in points if p[0] < stop]
        if not kept:
            return [(stop, points[0][1])]
        after = next((p for p in points if p[0] >= stop), None)
        if after is None:
            return kept
        (x0, r0), (x1, r1) = kept[-1], after
        return kept + [(stop, r0 + (r1 - r0) * (stop - x0) / (x1 - x0) if x1 > x0 else r1)]

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        if not self.planned and not self.trained:
            return
        colours = theme.colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        line = metrics.height()
        rates = [r for _, r in self.planned] + [r for _, r in self.trained]
        rates += [r for _, r in self.marks]
        top_rate = max(rates) if rates else 1.0
        top_rate = top_rate if top_rate > 0 else 1.0
        first, last = self._epochs()
        top_text, zero_text = rate_said(top_rate), "0"
        left = max(metrics.horizontalAdvance(top_text), metrics.horizontalAdvance(zero_text)) + 6
        plot = QRectF(left, line * 1.5, max(self.width() - left - 8, 10), line * (LINES - 2.7))

        painter.setPen(QColor(colours.window_text))
        painter.drawText(QRectF(0, 0, self.width(), line), Qt.AlignmentFlag.AlignLeft, self.title())
        if self.trained:
            self._draw_key(painter, colours, line)
        muted = QColor(colours.muted)
        painter.setPen(muted)
        right_align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRectF(0, plot.top() - line / 2, left - 4, line), right_align, top_text)
        painter.drawText(QRectF(0, plot.bottom() - line / 2, left - 4, line), right_align, "0")
        painter.setPen(QPen(QColor(colours.grid), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.topLeft(), plot.topRight())

        def x_of(position: float) -> float:  # position in epochs, as the per-epoch charts'
            return plot.left() + plot.width() * self.fraction(position)

        def y_of(rate: float) -> float:
            return plot.bottom() - plot.height() * rate / top_rate

        # the epochs under the plot: the first and the last under their points, the word between
        painter.setPen(muted)
        under = QRectF(plot.left(), plot.bottom() + 2, plot.width(), line)
        centre = Qt.AlignmentFlag.AlignHCenter
        for epoch in {first, last}:
            at = x_of(epoch)
            painter.drawText(QRectF(at - 40, under.top(), 80, line), centre, str(epoch))
        # one epoch's number is in the middle: the word goes right of it
        word = centre if last > first else Qt.AlignmentFlag.AlignRight
        painter.drawText(under, word, translate("RatePlot", "epoch"))

        if self.planned:  # the plan: a line through each epoch's end, up to a rate set by hand
            pen = QPen(QColor(colours.muted if self.trained else colours.highlight), 1.5)
            if self.trained:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            path = QPainterPath()
            for i, (x, r) in enumerate(self.plan_drawn()):
                point = QPointF(x_of(x), y_of(r))
                path.lineTo(point) if i else path.moveTo(point)
            painter.drawPath(path)
        if self.trained:  # the rates trained: dots joined
            colour = QColor(colours.highlight)
            painter.setPen(QPen(colour, 1.5))
            points = [QPointF(x_of(e), y_of(r)) for e, r in self.trained]
            for a, b in zip(points, points[1:], strict=False):
                painter.drawLine(a, b)
            painter.setBrush(colour)
            for point in points if len(points) <= MOST_POINTS else ():
                painter.drawEllipse(point, DOT / 2, DOT / 2)
        for x, r in self.marks:  # a rate set by hand: a dotted line, as the batch chart's
            painter.setPen(QPen(QColor(lr_colour(colours.dark)), 1.2, Qt.PenStyle.DotLine))
            at = x_of(x)
            painter.drawLine(QPointF(at, plot.top()), QPointF(at, plot.bottom()))
            painter.setPen(muted)  # as the batch chart's label, readable in either theme
            painter.drawText(QPointF(at + 3, plot.top() + line * 0.8), rate_said(r))
        painter.end()

    def _draw_key(self, painter: QPainter, colours, line: float) -> None:
        """ "- - planned  ● used" right of the title: the dashed line and the dots named."""
        metrics = self.fontMetrics()
        planned, used = self.key_words()
        sample = line * 1.5
        room = metrics.horizontalAdvance(planned) + metrics.horizontalAdvance(used)
        right = self.width() - 8
        x = right - (room + 2 * sample + line * 1.2)
        if x < metrics.horizontalAdvance(self.title()) + line:
            return  # no room beside the title: the tooltip says what the lines are
        mid = line / 2
        if self.planned:
            pen = QPen(QColor(colours.muted), 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, mid), QPointF(x + sample, mid))
            painter.setPen(QColor(colours.muted))
            painter.drawText(QPointF(x + sample + 4, metrics.ascent()), planned)
        x = right - metrics.horizontalAdvance(used) - sample
        colour = QColor(colours.highlight)
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(colour)
        painter.drawEllipse(QPointF(x + sample / 2, mid), DOT / 2, DOT / 2)
        painter.setPen(QColor(colours.muted))
        painter.drawText(QPointF(x + sample, metrics.ascent()), used)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    @staticmethod
    def key_words() -> tuple[str, str]:
        """The key's names of the dashed line and the dots."""
        return translate("RatePlot", "planned"), translate("RatePlot", "used")

    def title(self) -> str:
        """The line over the plot."""
        return translate("RatePlot", "Learning rate per epoch")
