"""The Inside page's arithmetic written out as HTML, in the window's language and number format:
a dense unit's weighted sum, a conv pixel's patch x kernel, a pooling window, an element-wise
layer's pixel, and the output panel's table (softmax, sigmoid or linear, as the model ends).
The numbers come computed from ``nndesk.inside``; these functions only write them."""

from __future__ import annotations

import html
import math

import numpy as np

from nndesk import inside
from nndesk.i18n import power_of_ten, shown, signed
from nndesk.layer_words import HIDDEN_NAME, OUTPUT_NAME, layer_kind
from nndesk.ui.language import class_names_shown, decimal, fmt, percent, translate

TERMS_SHOWN = 6  # terms of z = sum(w * a) + b written out, the largest first


def _num(v: float) -> str:
    """Three significant digits; a tiny value as a power of ten ("1,23×10⁻⁴")."""
    return signed(power_of_ten(fmt(v, ".3g") if abs(v) >= 1e-3 or v == 0 else fmt(v, ".2e")))


def _step_num(v: float) -> str:
    """Four significant digits, as the steps' formulas write a value ("ReLU(−0.2316)"): the
    line above read "it reads −0.232" then "ReLU(−0.2316)"."""
    return signed(power_of_ten(fmt(v, ".4g")))


def _plus(v: float) -> str:
    """`` + v`` or, for a negative ``v``, `` − |v|``: "3 − 0.103", not "3 + -0.103"."""
    return f" − {_num(-v)}" if v < 0 else f" + {_num(v)}"


def _sum_shown(total: float, bias: float, z: float) -> str:
    """``total ± bias = z`` with the three numbers to the decimals the steps after it write z
    with (four significant digits): "3.417 − 0.115 = 3.302", then "ReLU(3.302)". It read
    "3.42 − 0.115 = 3.3" then "ReLU(3.302)" (walk50 D12). Where the rounded numbers do not add
    up as written (a last digit off), the sign says so: "≈"."""
    if not all(math.isfinite(v) for v in (total, bias, z)) or abs(z) < 1e-3:
        return f"{_num(total)}{_plus(bias)} = <b>{_num(z)}</b>"
    places = min(6, max(0, 3 - math.floor(math.log10(abs(z)))))
    scale = 10**places
    exact = round(total * scale) + round(bias * scale) == round(z * scale)
    sign = "−" if round(bias * scale) < 0 else "+"
    equals = "=" if exact else "≈"
    return (
        f"{signed(decimal(total, places))} {sign} {decimal(abs(bias), places)} "
        f"{equals} <b>{signed(decimal(z, places))}</b>"
    )


def _formula(step) -> str:
    """A step's arithmetic, written by the Qt-free core in the window's number format."""
    return html.escape(step.formula)


def _grid(values: np.ndarray, bold: tuple[int, int] | None = None) -> str:
    """A small HTML table of a 2-D array's numbers (two decimals: the sums below are exact)."""
    rows = []
    for r, line in enumerate(values):
        cells = []
        for c, v in enumerate(line):
            s = html.escape(signed(decimal(float(v), 2)))
            cells.append(f"<td align='right'>{'<b>' + s + '</b>' if bold == (r, c) else s}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return "<table cellspacing='0' cellpadding='3' border='1'>" + "".join(rows) + "</table>"


def dense_html(
    unit: inside.DenseUnit,
    names: tuple[str, ...],
    output_layer: bool,
    hidden: int = 0,
    output: str = "softmax",
) -> str:
    """z = Σ w·a + b written out with the largest terms, then each step after it; named as the
    diagram, the Lab and the Map name its layer ("Hidden 1", "Output"; walk59 D11: the model's
    index there, "layer 0 of the model", was a third numbering)."""
    top = unit.strongest(TERMS_SHOWN)
    terms = [f"({_num(unit.weights[i])}·{_num(unit.inputs[i])})" for i in top]
    rest = unit.products.sum() - unit.products[top].sum()
    n_rest = unit.products.size - top.size
    names = class_names_shown(names)
    who = (
        names[unit.unit]
        if output_layer and unit.unit < len(names)
        else translate("InsideView", "unit {unit}").format(unit=unit.unit)
    )
    layer = shown(OUTPUT_NAME) if output_layer else shown(HIDDEN_NAME).format(k=hidden)
    parts = [
        translate("InsideView", "<b>{layer}, {who}</b> ({kind})").format(
            layer=layer, who=html.escape(who), kind=layer_kind("Dense")
        ),
        translate("InsideView", "z = Σ w·a + b over {n} inputs").format(n=unit.products.size),
        "&nbsp;&nbsp;= "
        + " + ".join(terms)
        + (
            translate("InsideView", " + ({n} smaller terms: {sum})").format(
                n=n_rest, sum=_num(rest)
            )
            if n_rest
            else ""
        )
        + _plus(unit.bias),
        # to the decimals the steps write z with, as the conv sum: it read "= 10,3 − 0,0242 =
        # 10,3" then "ReLU(10,33)" (walk54b)
        "&nbsp;&nbsp;= " + _sum_shown(float(unit.products.sum()), unit.bias, unit.z),
    ]
    parts += [_formula(step) for step in unit.steps]
    if output_layer and output == "sigmoid":  # not a softmax's logit (walk55 D3)
        score = float(inside.sigmoid_steps(np.array([unit.value])).probabilities[0])
        parts.append(
            translate(
                "InsideView",
                "This is a logit: the network's sigmoid makes it this class's own score, "
                "σ({z}) = {p}, whatever the other classes score (the sigmoid panel).",
            ).format(z=_num(unit.value), p=percent(score, 1))
        )
    elif output_layer and output == "linear":
        parts.append(
            translate(
                "InsideView",
                "This is the network's output for this class as it is (a linear output): "
                "the largest output answers.",
            )
        )
    elif output_layer:
        parts.append(
            translate(
                "InsideView",
                "This is a logit: the softmax panel turns the logits into probabilities.",
            )
        )
    return "<br>".join(parts)


def _pixel_head(layer: str, channel: int, row: int, col: int) -> str:
    """ "Conv 1, map 3, pixel (4, 5)": the layer named as everywhere (``layer_names``)."""
    return translate("InsideView", "<b>{layer}, map {channel}, pixel ({row}, {col})</b>").format(
        layer=html.escape(layer), channel=channel, row=row, col=col
    )


def conv_grids_html(px: inside.ConvPixel, per_row: int = 3, said: bool = True) -> str:
    """The input patch, kernel and products of the input channel that weighs most, ``per_row``
    of the three grids side by side: at 1024 px the third (= products) was past the panel's
    right edge, and the page's long lines were not wrapped to it either (walk61 D11).
    ``said`` False: without their captions (which wrap), to measure the grids' width."""
    sums = px.channel_sums
    c = int(np.argmax(np.abs(sums)))
    which = (
        translate("InsideView", " (input channel {c} of {n}, the largest share)").format(
            c=c, n=sums.size
        )
        if sums.size > 1
        else ""
    )
    cells = [
        (translate("InsideView", "input patch") + which, _grid(px.patch[c])),
        (translate("InsideView", "× kernel"), _grid(px.kernel[c])),
        (translate("InsideView", "= products"), _grid(px.products[c])),
    ]
    rows = [cells[i : i + max(1, per_row)] for i in range(0, len(cells), max(1, per_row))]
    table = (
        "<table cellspacing='8'>"
        + "".join(
            ("<tr>" + "".join(f"<td>{words}</td>" for words, _ in row) + "</tr>" if said else "")
            + "<tr>"
            + "".join(f"<td>{grid}</td>" for _, grid in row)
            + "</tr>"
            for row in rows
        )
        + "</table>"
    )
    return table


def conv_html(px: inside.ConvPixel, layer: str = "", per_row: int = 3) -> str:
    """Patch, kernel and products of the input channel that weighs most (``per_row`` of the
    three grids side by side), the other channels' sums, then sum + bias and each step after
    it. ``layer``: its name ("Conv 1", ``layer_names``)."""
    sums = px.channel_sums
    c = int(np.argmax(np.abs(sums)))
    table = conv_grids_html(px, per_row)
    head = _pixel_head(layer or layer_kind("Conv2D"), px.channel, px.row, px.col)
    lines = [head, table]
    if sums.size > 1:
        lines.append(
            translate(
                "InsideView", "Σ over channel {c}: {sum}; the other {n} channels add {rest}"
            ).format(c=c, sum=_num(sums[c]), n=sums.size - 1, rest=_num(sums.sum() - sums[c]))
        )
    # the sum in the table's own words ("mảng·nhân" in Vietnamese, never the English "patch")
    formula = translate("InsideView", "z = Σ patch·kernel + b")
    lines.append(f"{formula} = {_sum_shown(float(px.products.sum()), px.bias, px.z)}")
    lines += [_formula(step) for step in px.steps]
    return "<br>".join(lines)


def next_pool_html(px: inside.ConvPixel, pool: inside.PoolWindow, layer: str = "") -> str:
    """What the MaxPool2D after a conv pixel does with it, and the steps after the pooling."""
    size = pool.window.shape[0]
    won = pool.winner == (px.row, px.col)
    verdict = (
        translate("InsideView", "this pixel <b>won</b> its window and passes on")
        if won
        else translate("InsideView", "this pixel lost to ({row}, {col}) = {value}").format(
            row=pool.winner[0], col=pool.winner[1], value=_num(pool.value)
        )
    )
    lines = [
        translate(
            "InsideView",
            "Then {layer} ({kind}) keeps the largest of each {size}×{size} window: {verdict}",
        ).format(
            layer=layer or layer_kind("MaxPool2D"),
            kind=layer_kind("MaxPool2D"),
            size=size,
            verdict=verdict,
        )
    ]
    lines += [_formula(step) for step in pool.steps]
    return "<br>".join(lines)


def pool_html(pool: inside.PoolWindow, layer: str = "") -> str:
    r, c = pool.winner
    local = (r - pool.row * pool.window.shape[0], c - pool.col * pool.window.shape[1])
    return "<br>".join(
        [
            _pixel_head(layer or layer_kind("MaxPool2D"), pool.channel, pool.row, pool.col),
            translate("InsideView", "the {h}×{w} window it reads:").format(
                h=pool.window.shape[0], w=pool.window.shape[1]
            ),
            _grid(pool.window, bold=local),
            translate(
                "InsideView",
                "max = <b>{value}</b>: the input at ({row}, {col}) won (bold, outlined)",
            ).format(value=_num(pool.value), row=r, col=c),
            *(_formula(step) for step in pool.steps),
        ]
    )


def map_html(px: inside.MapPixel, source: str | None, layer: str = "") -> str:
    """An element-wise layer's pixel: the value under it one layer before (``source``: that
    layer's name, "Layer 2 Conv2D"), then the layer's arithmetic on it; the input's pixel."""
    if px.name == "Reshape":
        head = translate("InsideView", "<b>Input, pixel ({row}, {col})</b>").format(
            row=px.row, col=px.col
        )
        return "<br>".join([head, _formula(px.step)])
    head = _pixel_head(layer or layer_kind(px.name), px.channel, px.row, px.col)
    lines = [head]
    if source is not None:
        lines.append(
            translate(
                "InsideView",
                "It acts on each value alone: it reads {value} at the same place of {source} "
                "(outlined; click it there for how that value was made)",
            ).format(value=_step_num(px.value_in), source=html.escape(source))
        )
    lines.append(f"{_formula(px.step)}")
    return "<br>".join(lines)


def _logit_table(steps, names, scaled, output, calibrated, calibrated_t) -> str:
    """The output table both activations share: class, logit z, z/T at a slider's temperature,
    ``output`` (its header cells and a row's cells for class k), then the calibrated column
    the side panel's bars show; the answer's row in bold."""
    output_head, output_cells = output
    head = (
        "<tr><th align='left' nowrap>"
        + translate("InsideView", "Class")
        + "</th><th nowrap>logit z</th>"
        + ("<th>z/T</th>" if scaled else "")
        + output_head
        + (
            "<th nowrap>"
            + translate("InsideView", "calibrated (T = {t})").format(t=decimal(calibrated_t, 2))
            + "</th>"
            if calibrated is not None
            else ""
        )
        + "</tr>"
    )
    names = class_names_shown(names)
    best = int(np.argmax(steps.probabilities))
    rows = []
    for k in range(steps.logits.size):
        name = names[k] if k < len(names) else str(k)
        cells = [
            html.escape(name),
            _num(steps.logits[k]),
            *([_num(steps.scaled[k])] if scaled else []),
            *output_cells(k),
            *([percent(calibrated[k], 1)] if calibrated is not None else []),
        ]
        if k == best:
            cells = [f"<b>{v}</b>" for v in cells]
        row = "".join(
            f"<td align='{'left' if i == 0 else 'right'}' nowrap>{v}</td>"
            for i, v in enumerate(cells)
        )
        rows.append(f"<tr>{row}</tr>")
    return f"<table cellspacing='6' cellpadding='1'>{head}{''.join(rows)}</table>"


def softmax_html(
    steps: inside.SoftmaxSteps, names: tuple[str, ...], calibrated_t: float = 1.0
) -> str:
    """The softmax table at the slider's temperature; ``calibrated_t``: the temperature the
    model's file holds, which the side panel's calibrated answer divides by."""
    t = steps.temperature
    scaled = abs(t - 1) >= 1e-9  # at T = 1, z/T is z again: a column the panel can spare
    # logits -> softmax -> calibrated: the last column is what the side panel's bars show
    calibrate = abs(calibrated_t - 1) >= 1e-9
    calibrated = (
        inside.softmax_steps(steps.logits, calibrated_t).probabilities if calibrate else None
    )
    table = _logit_table(
        steps,
        names,
        scaled,
        (
            "<th>exp</th><th>p</th>",
            lambda k: [_num(steps.exps[k]), percent(steps.probabilities[k], 1)],
        ),
        calibrated,
        calibrated_t,
    )
    note = (
        translate(
            "InsideView", "exp = e^(z/T − max z/T), p = exp / Σ exp; here Σ exp = {total}. "
        ).format(total=_num(steps.total))
        + (
            (
                translate("InsideView", "T = 1 is what the model answers. ")
                if abs(calibrated_t - 1) < 1e-9
                else translate(
                    "InsideView",
                    "T = 1 gives the network's softmax p; the last column divides the logits by "
                    "the calibrated T = {t} instead, as the side panel's bars do. ",
                ).format(t=decimal(calibrated_t, 2))
            )
            if abs(t - 1) < 1e-9
            else translate("InsideView", "The model is unchanged; ")
        )
        + translate("InsideView", "T &lt; 1 sharpens, T &gt; 1 flattens.")
    )
    return table + note


def sigmoid_html(
    steps: inside.SigmoidSteps, names: tuple[str, ...], calibrated_t: float = 1.0
) -> str:
    """A sigmoid output's table at the slider's temperature: each class's own score σ(z/T),
    nothing normalised (the MNIST sigmoid/BCE labs were explained as a softmax: walk55 D3);
    ``calibrated_t`` as ``softmax_html``'s."""
    t = steps.temperature
    scaled = abs(t - 1) >= 1e-9
    calibrate = abs(calibrated_t - 1) >= 1e-9
    calibrated = (
        inside.sigmoid_steps(steps.logits, calibrated_t).probabilities if calibrate else None
    )
    sigma = "<th nowrap>σ(z/T)</th>" if scaled else "<th nowrap>σ(z)</th>"
    table = _logit_table(
        steps,
        names,
        scaled,
        (sigma, lambda k: [percent(steps.probabilities[k], 1)]),
        calibrated,
        calibrated_t,
    )
    note = (
        translate(
            "InsideView",
            "This network ends in a sigmoid: σ(z/T) = 1 / (1 + e^(−z/T)) scores each class on "
            "its own, nothing is divided by a sum, so the scores need not add up to 100% "
            "(here they add up to {total}). ",
        ).format(total=percent(steps.total, 1))
        + (
            (
                translate("InsideView", "T = 1 is what the model answers. ")
                if not calibrate
                else translate(
                    "InsideView",
                    "T = 1 gives the network's own scores; the last column divides the logits "
                    "by the calibrated T = {t} instead, as the side panel's bars do. ",
                ).format(t=decimal(calibrated_t, 2))
            )
            if not scaled
            else translate("InsideView", "The model is unchanged; ")
        )
        + translate("InsideView", "T &lt; 1 sharpens, T &gt; 1 flattens.")
    )
    return table + note


def linear_html(logits: np.ndarray, names: tuple[str, ...]) -> str:
    """A linear output's table: the outputs as they are, the largest the answer."""
    values = np.asarray(logits, np.float64).reshape(-1)
    best = int(np.argmax(values))
    names = class_names_shown(names)
    head = (
        "<tr><th align='left' nowrap>"
        + translate("InsideView", "Class")
        + "</th><th nowrap>"
        + translate("InsideView", "output")
        + "</th></tr>"
    )
    rows = []
    for k, v in enumerate(values):
        cells = [html.escape(names[k] if k < len(names) else str(k)), _num(v)]
        if k == best:
            cells = [f"<b>{c}</b>" for c in cells]
        left, right = cells
        rows.append(
            f"<tr><td align='left' nowrap>{left}</td><td align='right' nowrap>{right}</td></tr>"
        )
    note = translate(
        "InsideView",
        "This network's output is linear: no softmax, no sigmoid; its answer is the class "
        "with the largest output.",
    )
    return f"<table cellspacing='6' cellpadding='1'>{head}{''.join(rows)}</table>{note}"


def output_words(output: str) -> tuple[str, str]:
    """The output panel's tab title and tooltip for a model's output activation."""
    if output == "sigmoid":
        return translate("InsideView", "Sigmoid"), translate(
            "InsideView", "logits -> each class's own score, with a temperature"
        )
    if output == "linear":
        return translate("InsideView", "Outputs"), translate(
            "InsideView", "the network's outputs as they are (a linear output)"
        )
    return translate("InsideView", "Softmax"), translate(
        "InsideView", "logits -> exp -> probabilities, with a temperature"
    )
