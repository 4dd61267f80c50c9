"""The Evaluate page's trust charts: the coverage chart's key lies over none of its curves
(walk47 D13: "images answered" / "accuracy on those" sat on the two curves, centre left)."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from nndesk.i18n import grouped
from nndesk.trust_plots import plot_coverage
from tests.trust_summaries import sure_model_summary, synthetic_trust_summary

# (summary, a threshold chosen with it); the threshold's dotted line stops at 1
MODELS = {
    # a shipped model: 99 %, all sure
    "sure-and-right": (lambda: synthetic_trust_summary(0.9, 0.97), 0.6),
    # walk47's stopped run: 47 %, spread out
    "half-right": (lambda: synthetic_trust_summary(0.12, 0.0), 0.3),
    # a first epoch: every answer < 60 %
    "never-sure": (lambda: synthetic_trust_summary(0.11, 0.3, seed=1), 0.9),
    # mnist-cnn: 99 %, 97 % of its answers at 99.95 % (the axis fitted to the curves)
    "ninety-nine": (sure_model_summary, 0.6),
}


@pytest.fixture(params=["en", "vi"])
def language(request, qapp):
    from nndesk.ui import language

    assert language.use_language(request.param) == request.param
    yield request.param
    language.use_language("en")


# the trust view's plots: side by side at 1280 px (~330x270), stacked at 1024 (~560x270)
@pytest.mark.parametrize("inches", [(3.4, 2.8), (5.8, 2.8), (2.8, 2.4)])
@pytest.mark.parametrize("model", sorted(MODELS))
def test_the_coverage_key_lies_over_no_curve_and_no_note(language, inches, model):
    figure = Figure(figsize=inches, dpi=96, layout="constrained")
    canvas = FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    summary, threshold = MODELS[model]
    plot_coverage(ax, summary(), threshold)
    canvas.draw()
    renderer = canvas.get_renderer()
    key = ax.get_legend().get_window_extent(renderer)
    for line in ax.get_lines():
        xy = line.get_xydata()
        xy = xy[np.isfinite(xy).all(axis=1)]
        points = ax.transData.transform(xy)
        # each segment sampled finely: a line crossing the key between two points counts
        dense = np.vstack([np.linspace(a, b, 12) for a, b in zip(points, points[1:], strict=False)])
        inside = (
            (dense[:, 0] >= key.x0 - 2)
            & (dense[:, 0] <= key.x1 + 2)
            & (dense[:, 1] >= key.y0 - 2)
            & (dense[:, 1] <= key.y1 + 2)
        )
        assert not inside.any(), (line.get_label(), dense[inside][:3], key)
    for text in ax.texts:  # the threshold's note
        assert not key.overlaps(text.get_window_extent(renderer)), text.get_text()
    assert not key.overlaps(ax.title.get_window_extent(renderer))
    frame = figure.bbox
    assert key.x0 >= 0 and key.x1 <= frame.width and key.y1 <= frame.height


def test_a_99_percent_models_coverage_curves_are_not_pinned_flat_at_the_top(language):
    """walk66 #4: on a 0..1 axis both curves of mnist-cnn lay on the top line, nothing readable.
    The axis starts near the curves' lowest, and says it does not start at 0."""
    figure = Figure(figsize=(3.4, 2.8), dpi=96, layout="constrained")
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    summary = sure_model_summary()
    plot_coverage(ax, summary, 0.6)
    low, _high = ax.get_ylim()
    lowest = min(np.nanmin(summary.coverage.coverage), np.nanmin(summary.coverage.accuracy))
    assert 0.5 <= low < lowest
    assert lowest - low < 0.15  # the curves' spread takes a readable share of the axis
    assert ("0.9" if language == "en" else "0,9") in ax.get_ylabel()


def test_a_spread_models_coverage_axis_starts_at_zero(language):
    figure = Figure(figsize=(3.4, 2.8), dpi=96, layout="constrained")
    ax = figure.add_subplot()
    plot_coverage(ax, synthetic_trust_summary(0.12, 0.0), 0.3)
    assert ax.get_ylim()[0] == 0 and ax.get_ylabel() == ""


def test_the_reliability_diagram_counts_its_bins_answers(qapp):
    """walk66 #3: a bin of 5 answers was drawn as weighty as one of 9,900; the row under it
    writes each filled bin's count, and its tooltip lists them."""
    from nndesk.trust_plots import bin_counts_text, plot_reliability

    figure = Figure(figsize=(3.4, 3.2), dpi=96, layout="constrained")
    FigureCanvasAgg(figure)
    ax, counts_ax = figure.subplots(2, 1, height_ratios=[4, 1.2])
    summary = sure_model_summary()
    plot_reliability(ax, summary, counts_ax)
    figure.canvas.draw()
    counts = summary.calibrated.counts
    written = sorted(int(t.get_text().replace(",", "")) for t in counts_ax.texts)
    assert written == sorted(int(c) for c in counts if c)
    assert sum(written) == summary.n
    shown = [t for t in counts_ax.texts if t.get_visible()]
    assert max(int(c) for c in counts) in [int(t.get_text().replace(",", "")) for t in shown]
    lines = bin_counts_text(summary).splitlines()
    assert len(lines) == int((counts > 0).sum())
    assert lines[-1] == f"0.93-1.00: {int(counts[-1]):,}"


@pytest.mark.parametrize(("width", "zoom"), [(620, 1.0), (480, 1.25), (1100, 1.0)])
def test_the_bin_counts_that_are_written_never_run_together(qapp, language, width, zoom):
    """walk68 D2: fourteen bins of 200-odd answers each read "294345354377390463767" at
    1280x800 (the plots ~620 px wide), worse at 1024 px with Larger text. Only the counts with
    room are written, the fullest first; the saved picture's 1100 px has room for all."""
    from nndesk.ui.trust_view import summary_figure

    summary = synthetic_trust_summary(0.12, 0.0)  # 14 bins of 54-257 answers
    figure = summary_figure(summary, 0.6, False, width, 320, 1.0, zoom)
    counts_ax = figure.axes[1]
    renderer = figure.canvas.get_renderer()
    shown = [t for t in counts_ax.texts if t.get_visible()]
    boxes = [t.get_window_extent(renderer) for t in shown]
    for i, box in enumerate(boxes):
        for other in boxes[i + 1 :]:
            assert not box.overlaps(other), [t.get_text() for t in shown]
    assert grouped(257) in [t.get_text() for t in shown]  # the fullest bin's count
    filled = int((summary.calibrated.counts > 0).sum())
    if width >= 1100:
        assert len(shown) == filled
    else:
        assert 3 <= len(shown) < filled
