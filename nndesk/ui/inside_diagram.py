"""The Inside page's node-link diagram of the dense layers, painted off the GUI thread.

Each snapshot of the network (``controllers.prediction.InsideSnapshot``) is painted into an
image by a one-thread pool of its own (``paint_diagram``: the columns of units, the strongest
links, the labels); the widget then only draws that image. The GUI thread's share of a snapshot
is a request and a blit: painting ~150 links, ~40 antialiased circles and their labels there
cost about 12 ms a snapshot (``benchmarks/bench_predict.py --window``). While a paint is under
way a newer request waits, and only the newest is painted next; the last image stays on screen
meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import (
    QLineF,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from nndesk import inside
from nndesk.layer_words import layer_kind
from nndesk.ui import qt_image
from nndesk.ui.language import class_names_shown, percent, translate
from nndesk.ui.off_gui import Delivery, run_off_gui

UNITS_SHOWN = 12  # a wider layer shows its most active units and a "+ K more" marker
LINKS_PER_GAP = 48  # strongest contributions drawn between two columns
LINK_LEVELS = 4  # line strengths drawn (width and opacity)
POS = QColor(200, 40, 40)  # positive: red, as on the Why page
NEG = QColor(40, 90, 200)  # negative: blue

_POOL: QThreadPool | None = None


def diagram_pool() -> QThreadPool:
    """The one thread that paints diagrams (not the chart pool: a slow chart must not hold
    the diagram of the drawing back)."""
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(1)
    return _POOL


def signed_colour(t: float, base: QColor) -> QColor:
    """``t`` in [-1, 1] -> a colour from blue through ``base`` to red."""
    t = max(-1.0, min(1.0, t))
    end = POS if t >= 0 else NEG
    a = abs(t)
    return QColor(
        round(base.red() + (end.red() - base.red()) * a),
        round(base.green() + (end.green() - base.green()) * a),
        round(base.blue() + (end.blue() - base.blue()) * a),
    )


def after_steps(model, tr: inside.Trace, index: int) -> np.ndarray:
    """The output of layer ``index`` after the element-wise layers that follow it."""
    last = index
    while last + 1 < len(model.layers) and type(model.layers[last + 1]).__name__ in (
        inside.ELEMENTWISE
    ):
        last += 1
    return tr.layers[last].values


def diagram_columns(snap, selected):
    """[(layer index, values after activation, shown unit indices, hidden count)] of the
    diagram of ``snap``; a selected unit ``(layer, unit)`` of a wide layer stays in view."""
    model, tr = snap.model, snap.trace
    columns = []
    dense = inside.dense_layers(model)
    for n, index in enumerate(dense):
        values = after_steps(model, tr, index)
        if n == len(dense) - 1 or values.size <= UNITS_SHOWN + 4:
            shown = np.arange(values.size)
        else:
            shown = inside.most_active(values, UNITS_SHOWN)  # most active first
            sel = selected
            if sel is not None and sel[0] == index and sel[1] not in shown:
                shown = np.append(shown[:-1], sel[1])  # the selected unit stays in view
            shown = np.sort(shown)
        columns.append((index, values, shown, values.size - shown.size))
    return columns


def output_probabilities(snap) -> tuple[np.ndarray, np.ndarray | None]:
    """The model's own probabilities and, when its file holds a temperature other than 1, the
    calibrated ones the side panel's bars show (else None): the Output column writes both, so
    a student does not meet two answers for one drawing."""
    raw = np.asarray(snap.trace.probabilities, np.float64)
    t = float(getattr(getattr(snap, "classifier", None), "temperature", 1.0))
    if abs(t - 1.0) < 1e-9 or snap.model.output not in ("softmax", "sigmoid"):
        return raw, None
    from nndesk.calibration import activate

    logits = np.asarray(snap.trace.logits, np.float64).reshape(1, -1)
    return raw, activate(logits, snap.model.output, t)[0].astype(np.float64)


def output_label(name: str, raw: float, calibrated: float | None) -> str:
    """ "Bag  61.7% → 55.3%": the network's softmax, then the calibrated value the bars show,
    with the bars' one decimal (a whole "100%" beside a bar of 99.6% read as two answers)."""
    if calibrated is None:
        return f"{name}  {percent(raw, 1)}"
    return f"{name}  {percent(raw, 1)} → {percent(calibrated, 1)}"


#: The smallest type a column title is made to fit its room in (as the Inside charts' titles).
LEAST_TITLE_POINTS = 6.5
#: px kept at least between two columns' centres: the output labels give up room first
COLUMN_GAP_LEAST = 60
#: px of the input picture's side at the least (2 px a pixel): narrower only for the labels
INPUT_LEAST = 56.0
#: px right of the output column's centre besides its labels: the largest radius, the gap to
#: the label, a margin
LABEL_MARGIN = 11 + 6 + 6


def short_class_name(name: str, names, px: float, metrics: QFontMetrics) -> str:
    """``name`` in ``px`` at most, still told apart from the other class ``names``.

    Whole when it fits; else the first of two names for one class ("Áo thun/áo phông" ->
    "Áo thun", "T-shirt/top" -> "T-shirt"); else its first words, as many as fit but never
    fewer than tell it from every other name ("Áo len chui đầu" -> "Áo len…", not "Áo…":
    four Vietnamese garments start with "Áo"; walk62); else, in a type too big for even
    those, that cut letter by letter."""
    if metrics.horizontalAdvance(name) <= px:
        return name
    head = name.split("/")[0].strip() or name
    forms = [head] if head != name else []
    words = head.split()
    forms += [" ".join(words[:k]) + "…" for k in range(len(words) - 1, 0, -1)]
    others = [_words_of(other) for other in names if other != name]
    least = head
    for form in forms:
        kept = form.removesuffix("…").split()
        if any(other[: len(kept)] == [w.casefold() for w in kept] for other in others):
            break  # fewer words would name another class as well
        least = form
        if metrics.horizontalAdvance(form) <= px:
            return form
    return metrics.elidedText(least.removesuffix("…"), Qt.TextElideMode.ElideRight, int(px))


def _words_of(name: str) -> list[str]:
    """The words of ``name``'s first form, case folded (``short_class_name``)."""
    return [w.casefold() for w in (name.split("/")[0].strip() or name).split()]


@dataclass(frozen=True)
class OutputLabels:
    """How the output column's labels are written: their type, the px a class name gets
    (longer ones are shortened by ``short_class_name`` among ``names``), and whether the
    percentages go on a second line."""

    font: QFont
    name_px: int
    two_lines: bool
    names: tuple[str, ...] = ()
    #: only the calibrated value (the bars'), not "raw → calibrated": the names keep their
    #: room (walk64 D13: five columns at Larger text on 1024 px cut them to "T-…", "Sh…", "Sn…")
    calibrated_only: bool = False

    def short_name(self, name: str) -> str:
        """The class ``name`` as its label writes it."""
        return short_class_name(name, self.names, self.name_px, QFontMetrics(self.font))

    def lines(self, name: str, raw: float, calibrated: float | None) -> list[str]:
        """The label of the class ``name`` in its one or two lines."""
        short = self.short_name(name)
        if self.calibrated_only and calibrated is not None:
            raw, calibrated = calibrated, None
        if not self.two_lines:
            return [output_label(short, raw, calibrated)]
        return [short, output_label("", raw, calibrated).strip()]

    def width(self, names, calibrated: bool) -> int:
        """The widest label's px."""
        metrics, cal = QFontMetrics(self.font), 1.0 if calibrated else None
        return max(
            (metrics.horizontalAdvance(line) for n in names for line in self.lines(n, 1.0, cal)),
            default=0,
        )


def fit_output_labels(
    names, calibrated: bool, room: float, row_px: float, font: QFont
) -> OutputLabels:
    """The output labels for ``room`` px at most, each in a row of ``row_px``: on one line in
    ``font`` when they fit, else the percentages on a second line when the rows have the
    height; then the same a half point smaller, a fifth smaller at most (at Larger text for a
    projector, down to ``LEAST_TITLE_POINTS`` they were no larger than at Normal); then, for a
    calibrated model, the calibrated value alone (the bars' figure; the Softmax tab and the
    tooltip keep both); then the names shortened (``short_class_name``)."""
    names = tuple(names)
    least = max(LEAST_TITLE_POINTS, font.pointSizeF() * 0.8)
    fitted = QFont(font)
    while True:
        metrics = QFontMetrics(fitted)
        whole = max((metrics.horizontalAdvance(n) for n in names), default=0)
        # two lines may touch: a row of 25 px holds two of 7.9 pt (13 px apart)
        ways = (False, True) if row_px >= 1.9 * metrics.lineSpacing() else (False,)
        for two in ways:
            labels = OutputLabels(fitted, whole, two, names)
            widest = labels.width(names, calibrated)
            if widest <= room:
                return labels
        if fitted.pointSizeF() <= least:
            break
        fitted = QFont(fitted)
        fitted.setPointSizeF(max(least, fitted.pointSizeF() - 0.5))
    if calibrated:
        for two in ways:
            labels = OutputLabels(fitted, whole, two, names, calibrated_only=True)
            widest = labels.width(names, calibrated)
            if widest <= room:
                return labels
    short = max(metrics.horizontalAdvance("Xx…"), int(whole - (widest - room)))
    return OutputLabels(fitted, short, labels.two_lines, names, calibrated_only=calibrated)


TITLE_TOP = 4  # px from the diagram's top to its column titles
TITLE_GAP = 6  # px kept free between two columns' titles


@dataclass(frozen=True)
class ColumnTitle:
    """A column's title as drawn: its lines (``\\n`` between them, elided only when even the
    least type on two lines is too wide), the box they are drawn in, their type size, and the
    whole title (the tooltip over an elided one)."""

    text: str
    rect: QRectF
    points: float
    full: str

    @property
    def elided(self) -> bool:
        return self.text.replace("\n", " ") != self.full


@dataclass(frozen=True)
class DrawnLabel:
    """An output unit's label as drawn: where (its unit and its lines), its class name whole
    and as written, and the label with the whole name (the tooltip there when the name as
    written is shortened)."""

    rect: QRectF
    name: str
    shown: str
    full: str
    #: its figures as drawn are the calibrated value alone (``OutputLabels.calibrated_only``)
    calibrated_only: bool = False

    @property
    def shortened(self) -> bool:
        return self.shown != self.name

    @property
    def partial(self) -> bool:
        """Whether less than ``full`` is drawn (its tooltip says ``full``)."""
        return self.shortened or self.calibrated_only


def _two_lines(text: str) -> list[str]:
    """``text`` broken at the space nearest its middle (one line when it has no space)."""
    spaces = [i for i, c in enumerate(text) if c == " "]
    if not spaces:
        return [text]
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return [text[:cut], text[cut + 1 :]]


def fit_title(text: str, room: float, font: QFont) -> tuple[list[str], QFont]:
    """The lines and the type that fit ``text`` in ``room`` px: one line, else two, else the
    same in type 10 % smaller each step down to ``LEAST_TITLE_POINTS``, else two lines of that
    least type, each elided. At 1024x700 the output column's title ran past the diagram's
    right edge ("Output: softmax → calibrat", "Đầu ra: softmax → đã hiệu"; walk47 D8)."""
    font = QFont(font)
    while True:
        metrics = QFontMetricsF(font)
        for lines in ([text], _two_lines(text)):
            if all(metrics.horizontalAdvance(line) <= room for line in lines):
                return lines, font
        size = font.pointSizeF()
        if size <= LEAST_TITLE_POINTS:
            break
        font.setPointSizeF(max(LEAST_TITLE_POINTS, size * 0.9))
    return [
        metrics.elidedText(line, Qt.TextElideMode.ElideRight, room) for line in _two_lines(text)
    ], font


def lay_out_titles(titles: list[str], xs, w: float, font: QFont) -> list[ColumnTitle]:
    """Where each column's title goes above its units at ``xs`` in a diagram ``w`` px wide.

    Each title has the room halfway to the columns beside it (the first column's reaches the
    diagram's left edge: the input's title sits lower, by its picture; the output column's
    the right edge, above its labels). A hidden column's title is centred on its column, the
    output's starts a little left of its units; either moves over as far as it needs to stay
    in its room. A title too wide for its room is narrowed by ``fit_title``."""
    laid = []
    for col, (title, x) in enumerate(zip(titles, xs, strict=True)):
        x = float(x)
        left = (float(xs[col - 1]) + x + TITLE_GAP) / 2 if col > 0 else float(TITLE_TOP)
        last = col == len(titles) - 1
        right = w - TITLE_TOP if last else (x + float(xs[col + 1]) - TITLE_GAP) / 2
        lines, fitted = fit_title(title, right - left, font)
        metrics = QFontMetricsF(fitted)
        width = min(max(metrics.horizontalAdvance(line) for line in lines), right - left)
        height = metrics.lineSpacing() * (len(lines) - 1) + metrics.height()
        wanted = x - 30 if last else x - width / 2
        start = max(left, min(wanted, right - width))
        rect = QRectF(start, TITLE_TOP, width, height)
        laid.append(ColumnTitle("\n".join(lines), rect, fitted.pointSizeF(), title))
    return laid


def column_title(model, col: int, columns, calibrated, calibrated_only: bool = False) -> str:
    """The title over column ``col`` of ``columns`` (``diagram_columns``); ``calibrated_only``:
    its labels give the calibrated value alone."""
    if col < len(columns) - 1:
        size = columns[col][1].size
        return translate("InsideView", "Hidden {k} ({size})").format(k=col + 1, size=size)
    # the output the model has: a sigmoid net's column read "softmax" (walk55 D3)
    if model.output == "sigmoid":
        if calibrated is not None:
            if calibrated_only:
                return translate("InsideView", "Output: sigmoid, calibrated")
            return translate("InsideView", "Output: sigmoid → calibrated")
        return translate("InsideView", "Output (raw sigmoid)")
    if model.output != "softmax":
        return translate("InsideView", "Output")
    if calibrated is not None:
        if calibrated_only:
            return translate("InsideView", "Output: softmax, calibrated")
        return translate("InsideView", "Output: softmax → calibrated")
    return translate("InsideView", "Output (raw softmax)")


def paint_diagram(
    painter: QPainter,
    w: int,
    h: int,
    snap,
    selected: tuple[int, int] | None,
    colours: tuple[QColor, QColor, QColor],
    font: QFont,
) -> dict[tuple[int, int], QRectF]:
    """Paint the diagram of ``snap`` in a ``w`` x ``h`` area (any thread: the painter paints on
    an image); ``colours`` are the palette's text, base and highlight. Returns where each unit
    was drawn, ``(layer, unit) -> QRectF``, the column titles and the output labels as drawn."""
    text, base, highlight = colours
    units: dict[tuple[int, int], QRectF] = {}
    drawn_labels: list[DrawnLabel] = []
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    model, tr = snap.model, snap.trace
    columns = diagram_columns(snap, selected)
    top, bottom = 28, h - 24  # top: below titles of one line; moved down for two
    font = QFont(font)
    font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
    # class names and probabilities right of the output column: room for the longest
    # (Vietnamese garment names run half as long again as the English ones)
    names = class_names_shown(tr.class_names)
    raw_probs, calibrated = output_probabilities(snap)
    metrics = QFontMetrics(font)
    first = columns[0][0]
    image_input = first == 0 or all(
        type(model.layers[i]).__name__ in ("Flatten", "Reshape") for i in range(first)
    )
    image_input = image_input and tr.layer_input(first).size == 784
    in_full = min(112.0, (bottom - top) * 0.5) if image_input else 70.0
    in_least = min(in_full, INPUT_LEAST) if image_input else in_full

    def room_beside(in_w: float) -> float:
        return w - (16 + in_w + 40) - (len(columns) - 1) * COLUMN_GAP_LEAST - LABEL_MARGIN

    # the output labels' room, never the columns' least gaps: at Larger text in 1024x768 the
    # Vietnamese labels took ~250 px of a 440 px diagram and its three columns fell on one
    # another (walk61 D18). The input picture gives up room first (the preview beside the
    # page shows the same 28x28), then the labels take a smaller type, then shorter names.
    last_slots = len(columns[-1][2]) + (1 if columns[-1][3] else 0)
    row_px = (bottom - top - 30) / max(last_slots, 1)  # a title of two lines above them
    labels = fit_output_labels(names, calibrated is not None, room_beside(in_least), row_px, font)
    widest = labels.width(names, calibrated is not None)
    in_w = max(in_least, min(in_full, in_full - (widest - room_beside(in_full))))
    start = 16 + in_w + 40
    most = room_beside(in_w)
    label_room = max(min(110, most + LABEL_MARGIN), widest + LABEL_MARGIN)
    # the gaps first, even when the labels are then cut at the edge (no window font is that big)
    label_room = min(label_room, max(most, 0) + LABEL_MARGIN)
    xs = np.linspace(start, w - label_room, len(columns))
    titles = lay_out_titles(
        [
            column_title(model, col, columns, calibrated, labels.calibrated_only)
            for col in range(len(columns))
        ],
        xs,
        w,
        font,
    )
    top = max(top, max(t.rect.bottom() for t in titles) + 4)
    # input column
    in_rect = QRectF(16, (top + bottom) / 2 - in_w / 2, in_w, in_w)
    painter.setPen(text)
    painter.setFont(font)
    input_title = translate("InsideView", "Input 28×28")
    if image_input:
        # white ink on black, as the network sees it and as the preview shows it
        pixels = np.clip(tr.image28, 0, 255).astype(np.uint8)
        painter.drawImage(in_rect, qt_image.gray_to_qimage(pixels))
        painter.drawRect(in_rect)
    else:
        painter.drawRect(in_rect)
        n_in = tr.layer_input(first).size
        painter.drawText(
            in_rect,
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            translate("InsideView", "{n} values").format(n=n_in),
        )
        kind = layer_kind("Flatten")  # a column's title: capitalised as the others
        painter.drawText(QPointF(in_rect.left(), in_rect.top() - 6), kind[:1].upper() + kind[1:])
    # unit positions
    positions: dict[tuple[int, int], QPointF] = {}
    radii = []
    for (index, _values, shown, more), x in zip(columns, xs, strict=True):
        slots = len(shown) + (1 if more else 0)
        step = (bottom - top) / max(slots, 1)
        r = max(3.0, min(11.0, step * 0.38))
        radii.append(r)
        for k, unit in enumerate(shown):
            positions[(index, int(unit))] = QPointF(x, top + step * (k + 0.5))
    # links: the strongest contributions a_i * W[i, j] into each column's shown units
    prev_index, prev_points = None, None
    for (index, _values, shown, _more), _x in zip(columns, xs, strict=True):
        layer = model.layers[index]
        a = np.asarray(tr.layer_input(index), np.float64).reshape(-1)
        if prev_index is None:
            sources = np.arange(a.size)
        else:
            sources = np.array([u for (li, u) in positions if li == prev_index])
        links = inside.strongest_links(a, layer.params["W"], sources, shown, LINKS_PER_GAP)
        biggest = max((abs(c) for _, _, c in links), default=0.0) or 1.0
        # lines grouped by sign and strength, one pen each: a pen change and an antialiased
        # line per link made this the page's slowest part
        buckets: dict[tuple[bool, int], list[QLineF]] = {}
        for i, j, c in links:
            if prev_index is None:
                if image_input:
                    start = QPointF(
                        in_rect.left() + (i % 28 + 0.5) * in_w / 28,
                        in_rect.top() + (i // 28 + 0.5) * in_w / 28,
                    )
                else:
                    start = QPointF(in_rect.right(), in_rect.center().y())
            else:
                start = prev_points[(prev_index, i)]
            level = min(LINK_LEVELS - 1, int(abs(c) / biggest * LINK_LEVELS))
            line = QLineF(start, positions[(index, j)])
            buckets.setdefault((c > 0, level), []).append(line)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for (positive, level), lines in sorted(buckets.items(), key=lambda kv: kv[0][1]):
            strength = (level + 1) / LINK_LEVELS
            # opaque, mixed towards the background: alpha-blended lines cost 6x as much
            colour = signed_colour((0.3 + 0.7 * strength) * (1 if positive else -1), base)
            painter.setPen(QPen(colour, 1 if level < LINK_LEVELS - 1 else 2))
            for line in lines:  # one call per line: drawLines(list) measured slower
                painter.drawLine(line)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        prev_index, prev_points = index, positions
    if image_input:
        # the picture again, over the links that start at its pixels: they covered the drawing
        # (walk51 D10); each still leaves the picture's edge on the way from its pixel
        painter.drawImage(in_rect, qt_image.gray_to_qimage(pixels))
        painter.setPen(text)
        painter.drawRect(in_rect)
    if image_input:  # over the links, on the background's colour: they no longer cross it
        # on two lines when one would reach the first column's units (a narrowed picture)
        reach = float(xs[0]) - 11 - 4 - in_rect.left()
        title_lines = [input_title]
        if metrics.horizontalAdvance(input_title) > reach:
            title_lines = _two_lines(input_title)
        painter.setPen(text)
        for k, line in enumerate(reversed(title_lines)):
            at = QPointF(in_rect.left(), in_rect.top() - 6 - k * metrics.lineSpacing())
            title_box = QRectF(metrics.boundingRect(line)).translated(at)
            painter.fillRect(title_box.adjusted(-2, -1, 2, 1), base)
            painter.drawText(at, line)
    # units
    for col, ((index, values, shown, more), x, r) in enumerate(
        zip(columns, xs, radii, strict=True)
    ):
        limit = float(np.max(np.abs(values))) or 1.0
        last = col == len(columns) - 1
        title = titles[col]
        painter.setPen(text)
        title_font = QFont(font)
        title_font.setPointSizeF(title.points)
        painter.setFont(title_font)
        # the box is the lines' own measure, with a little slack for rounding: nothing clipped
        align = Qt.AlignmentFlag.AlignLeft if last else Qt.AlignmentFlag.AlignHCenter
        slack = title.rect.adjusted(0 if last else -2, 0, 4 if last else 2, 2)
        painter.drawText(slack, align | Qt.AlignmentFlag.AlignTop, title.text)
        painter.setFont(font)
        for unit in shown:
            p = positions[(index, int(unit))]
            v = float(values[unit])
            painter.setBrush(signed_colour(v / limit, base))
            chosen = selected == (index, int(unit))
            painter.setPen(QPen(highlight if chosen else text, 3 if chosen else 1))
            painter.drawEllipse(p, r, r)
            units[(index, int(unit))] = QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r)
            painter.setPen(text)
            if last:
                name = names[unit] if unit < len(names) else str(unit)
                cal = None if calibrated is None else float(calibrated[unit])
                painter.setFont(labels.font)
                lines = labels.lines(name, float(raw_probs[unit]), cal)
                label_metrics = QFontMetrics(labels.font)
                spacing = label_metrics.lineSpacing()
                for k, line in enumerate(lines):  # centred on the unit, as one line was
                    dy = (k - (len(lines) - 1) / 2) * spacing
                    painter.drawText(QPointF(p.x() + r + 6, p.y() + 4 + dy), line)
                painter.setFont(font)
                wide = max(label_metrics.horizontalAdvance(line) for line in lines)
                height = max(2 * r, spacing * len(lines))
                box = QRectF(p.x() - r, p.y() - height / 2, 2 * r + 6 + wide, height)
                whole = output_label(name, float(raw_probs[unit]), cal)
                drawn_labels.append(
                    DrawnLabel(
                        box,
                        name,
                        labels.short_name(name),
                        whole,
                        cal is not None and labels.calibrated_only,
                    )
                )
        if more:
            y = bottom - (bottom - top) / (len(shown) + 1) * 0.5
            painter.setPen(text)
            # no wider than the gap to the next column: the calibrated outputs' labels take
            # room at 1024 px, and "+ 1012 nút nữa" ran into "+ 500 nút nữa"; it wraps instead
            gap = float(xs[1] - xs[0]) if len(xs) > 1 else 100.0
            room = max(40.0, min(100.0, gap - 6))
            painter.drawText(
                QRectF(x - room / 2, y - 10, room, 34),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                more_label(more, room, QFontMetrics(painter.font())),
            )
    return units, titles, drawn_labels


def more_label(more: int, room: float, metrics: QFontMetrics) -> str:
    """What a column says of its ``more`` units not drawn, in at most two lines ``room`` px
    wide: "+ 1012 nút nữa" wrapped onto three at 1024 px and lost its last (walk57 #10); then
    the count alone (the column's title gives its units)."""
    said = translate("InsideView", "+ {more} more").format(more=more)
    flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
    box = metrics.boundingRect(QRect(0, 0, int(room), 1000), flags, said)
    return said if box.height() <= 2 * metrics.lineSpacing() else f"+ {more}"


def diagram_image(args: tuple, size: QSize, dpr: float) -> tuple[QImage, dict, list, list]:
    """``paint_diagram(painter, w, h, *args)`` on a new image of ``size`` at device pixel ratio
    ``dpr`` (any thread); returns the image, where each unit was drawn, the titles and the
    output labels."""
    w, h = size.width(), size.height()
    image = QImage(round(w * dpr), round(h * dpr), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(dpr)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        units, titles, drawn_labels = paint_diagram(painter, w, h, *args)
    finally:
        painter.end()
    return image, units, titles, drawn_labels


class NetworkDiagram(QWidget):
    """Columns of units, one per Dense layer, after an input column; click a unit to select it.

    ``set_snapshot`` asks for a new image, painted by the diagram pool when the widget is on
    screen; ``painted`` says it is.
    """

    unit_clicked = Signal(int, int)  # (layer index, unit)
    painted = Signal()  # the image of the newest snapshot, size and selection is on screen
    #: an image went on screen (the newest, or one a newer snapshot outran): the page's other
    #: panels show the snapshot it is of (``shown_snapshot``)
    image_shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(420, 300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._snapshot = None
        self._selected: tuple[int, int] | None = None
        self._units: dict[tuple[int, int], QRectF] = {}  # (layer, unit) -> where it was drawn
        self._titles: list[ColumnTitle] = []  # the column titles on screen
        self._labels: list[DrawnLabel] = []  # the output labels on screen
        self._image: QImage | None = None
        self._token = 0  # of the newest request
        self._shown = 0  # token of the image on screen
        self._busy = False  # a paint is under way: a newer request waits for it
        self._waiting = False  # no snapshot yet, one is asked for (``wait_for_snapshot``)
        self._job_snapshot = None  # the snapshot of the paint under way
        self._shown_snapshot = None  # the snapshot of the image on screen
        self._delivery = Delivery()
        self._delivery.delivered.connect(self._on_delivery_delivered)

    def sizeHint(self) -> QSize:
        return QSize(560, 380)

    def set_snapshot(self, snapshot, selected: tuple[int, int] | None) -> None:
        self._snapshot, self._selected = snapshot, selected
        self._waiting = False
        self.request_paint()

    def wait_for_snapshot(self) -> None:
        """A snapshot is asked for (the page opened): until it comes, or None does, the diagram
        says it is being drawn, not "Draw something" over a drawing (walk65 D24)."""
        self._waiting = True
        self.update()

    def shown_snapshot(self):
        """The snapshot the image on screen is of (None: no image)."""
        return self._shown_snapshot if self._image is not None else None

    def is_current(self) -> bool:
        """Whether the image on screen is of the newest snapshot, size and selection."""
        return self._shown == self._token

    def unit_rect(self, layer: int, unit: int) -> QRectF | None:
        """Where unit ``unit`` of Dense layer ``layer`` is drawn on screen (tests, screenshots)."""
        return self._units.get((layer, unit))

    def titles(self) -> list[ColumnTitle]:
        """The column titles as drawn on screen (tests, screenshots)."""
        return list(self._titles)

    def output_labels(self) -> list[DrawnLabel]:
        """The output labels as drawn on screen (tests)."""
        return list(self._labels)

    def request_paint(self) -> None:
        """The snapshot, size or palette changed: paint the diagram again off the GUI thread,
        once it is on screen (``paintEvent`` starts it; a diagram scrolled out of view below a
        CNN's feature maps costs nothing)."""
        self._token += 1
        if self._snapshot is None:
            self._image, self._units, self._titles, self._labels = None, {}, [], []
            self._shown, self._shown_snapshot = self._token, None
            self.painted.emit()
        self.update()

    def _start(self) -> None:
        pal = self.palette()
        colours = (pal.windowText().color(), pal.base().color(), pal.highlight().color())
        args = (self._snapshot, self._selected, colours, QFont(self.font()))
        self._busy = True
        self._job_snapshot = self._snapshot
        size, dpr = self.size(), self.devicePixelRatioF()
        run_off_gui(
            diagram_pool(), self._delivery, self._token, lambda: diagram_image(args, size, dpr)
        )

    @Slot(object, object)
    def _on_delivery_delivered(self, token: int, painted) -> None:
        self._busy = False
        if token != self._token:
            # something changed meanwhile: this image still goes on screen when it is newer
            # than the one there, and the newest is painted next. Thrown away, as it was, a
            # paint slower than the snapshots of a run training (one each ~0.3 s; a paint
            # takes longer on a loaded machine) never reached the screen: the diagram stayed
            # empty for 15-25 s while the arithmetic under it explained a unit (walk65 D24)
            if painted is not None and self._snapshot is not None and token > self._shown:
                self._image, self._units, self._titles, self._labels = painted
                self._shown, self._shown_snapshot = token, self._job_snapshot
                self.image_shown.emit()
            self.update()
            return
        if painted is not None:  # None: this snapshot cannot be drawn; the last image stays
            self._image, self._units, self._titles, self._labels = painted
            self._shown_snapshot = self._job_snapshot
        self._shown = token
        self.update()
        if painted is not None:
            self.image_shown.emit()
        self.painted.emit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._snapshot is not None:
            self.request_paint()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if self._snapshot is None:
            return
        if event.type() == event.Type.PaletteChange:
            self.request_paint()  # link and unit colours mix with the palette's base
        elif event.type() == event.Type.FontChange:
            self.request_paint()  # its words are in the widget's font (View > Text size)

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:  # an elided title's or class name's whole text
            pos = QPointF(event.pos())
            wholes = [t.full for t in self._titles if t.elided and t.rect.contains(pos)]
            wholes += [
                label.full for label in self._labels if label.partial and label.rect.contains(pos)
            ]
            if wholes:
                QToolTip.showText(event.globalPos(), wholes[0], self)
                return True
            QToolTip.hideText()
        return super().event(event)

    def mousePressEvent(self, event) -> None:
        pos = event.position()
        for (layer, unit), rect in self._units.items():
            if rect.adjusted(-3, -3, 3, 3).contains(pos):
                self.unit_clicked.emit(layer, unit)
                return
        super().mousePressEvent(event)

    def note(self) -> str:
        """What the diagram says in place of a picture ("" while it shows one, or nothing)."""
        if self._snapshot is None:
            if self._waiting:
                return translate("InsideView", "Drawing the diagram…")
            return translate("InsideView", "Draw something to see inside")
        if self._image is None and self._shown != self._token:
            return translate("InsideView", "Drawing the diagram…")  # its first (walk65 D24)
        return ""

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        if self._snapshot is not None:
            if self._shown != self._token and not self._busy:
                self._start()  # the image on screen is of an older snapshot: paint the newest
            if self._image is not None:
                painter.drawImage(QPointF(0, 0), self._image)  # the newest painted (top-left)
        note = self.note()
        if note:
            painter.setPen(self.palette().windowText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, note)
        painter.end()
