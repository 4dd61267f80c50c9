"""The Train page's Inside charts, drawn under Agg."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.figure import Figure

from nndesk.inside_plots import draw_inside
from nndesk.training.internals import (
    HISTOGRAM_BINS,
    EpochWeights,
    InsideRecord,
    InsideSample,
    LayerSample,
)


def _weights(epoch: int, shift: int) -> EpochWeights:
    edges = np.linspace(-1.0, 1.0, HISTOGRAM_BINS + 1)
    counts = np.roll(np.arange(HISTOGRAM_BINS, dtype=np.int64), shift)
    return EpochWeights(epoch, (counts, counts), (edges, edges), np.zeros((0, 1, 1), np.float32))


def _histogram_lines(record: InsideRecord) -> tuple[int, int]:
    """How many solid ("now") and dashed ("start") curves the weights chart draws."""
    fig = Figure()
    draw_inside(fig, record)
    ax = fig.axes[3]  # the histograms: the bottom row's first chart
    styles = [line.get_linestyle() for line in ax.get_lines()]
    return styles.count("-"), styles.count("--")


def test_the_weights_chart_shows_now_from_the_first_measured_batch_of_the_first_epoch():
    """walk48: a one-epoch run showed only the dashed start curves for as long as it trained."""
    layers = (LayerSample(1.0, 1e-3, math.nan),) * 2
    sample = InsideSample(0.2, layers, _weights(1, 3))
    record = InsideRecord(["Dense 784→32", "Dense 32→10"], [sample], _weights(0, 0), [])
    assert _histogram_lines(record) == (2, 2)
    # a batch measured without weights leaves the newest measured ones shown
    record.samples.append(InsideSample(0.4, layers))
    assert record.now() is sample.weights
    # the epoch's end replaces them, until a later batch is measured
    end = _weights(1, 5)
    record.epochs.append(end)
    assert record.now() is end and _histogram_lines(record) == (2, 2)
    later = InsideSample(1.2, layers, _weights(2, 7))
    record.samples.append(later)
    assert record.now() is later.weights


def test_before_any_measurement_only_the_start_is_drawn():
    record = InsideRecord(["Dense 784→32", "Dense 32→10"], [], _weights(0, 0), [])
    assert _histogram_lines(record) == (0, 2)


def test_a_network_without_relu_says_so_on_its_dead_units_chart():
    """walk51 D9: training the PReLU preset, "Dead ReLU share" was an empty axis with no
    words: a network without ReLU has no dead share to draw, and the chart now says why."""
    layers = (LayerSample(1.0, 1e-3, math.nan),) * 2  # NaN: no ReLU after either layer
    record = InsideRecord(
        ["Dense 784→32", "Dense 32→10"], [InsideSample(0.2, layers)], _weights(0, 0), []
    )
    fig = Figure()
    draw_inside(fig, record)
    ax_dead = fig.axes[2]
    said = " ".join(" ".join(t.get_text().split()) for t in ax_dead.texts)
    assert "No ReLU layer in this network" in said
    # with a ReLU the curve is drawn and nothing is said over it
    relu = (LayerSample(1.0, 1e-3, 0.1), LayerSample(1.0, 1e-3, math.nan))
    record.samples[:] = [InsideSample(0.2, relu)]
    fig = Figure()
    draw_inside(fig, record)
    assert fig.axes[2].lines and not fig.axes[2].texts


def _drawn(record: InsideRecord) -> dict:
    """The charts ``draw_inside`` draws for ``record``, by their ids."""
    fig = Figure()
    draw_inside(fig, record)
    return {ax.get_gid(): ax for ax in fig.axes}


def test_the_dotted_line_on_the_update_chart_is_named_in_a_key():
    """walk53: a dotted line at 10⁻³ on "Update / weight" with nothing saying what it was."""
    layers = (LayerSample(1.0, 2e-3, 0.1),) * 2
    record = InsideRecord(["Dense 784→32", "Dense 32→10"], [InsideSample(0.2, layers)])
    ax = _drawn(record)["update_ratio"]
    (dotted,) = [line for line in ax.get_lines() if line.get_linestyle() == ":"]
    assert set(dotted.get_ydata()) == {1e-3}
    legend = ax.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == ["healthy ≈ 10⁻³"]
    assert legend.legend_handles[0].get_linestyle() == ":"


def test_the_start_weights_stay_visible_where_they_have_not_moved():
    """walk53: half an epoch in, the dashed start curves, in each layer's colour under the
    solid ones, were hidden wherever the weights had hardly moved; they are drawn over them,
    in another colour."""
    layers = (LayerSample(1.0, 1e-3, math.nan),) * 2
    sample = InsideSample(0.2, layers, _weights(0, 0))  # not moved at all
    record = InsideRecord(["Dense 784→32", "Dense 32→10"], [sample], _weights(0, 0), [])
    lines = _drawn(record)["weights"].get_lines()
    for now, start in zip(
        [ln for ln in lines if ln.get_linestyle() == "-"],
        [ln for ln in lines if ln.get_linestyle() == "--"],
        strict=True,
    ):
        assert start.get_zorder() > now.get_zorder()
        assert start.get_color() != now.get_color()


def _filters(shape) -> EpochWeights:
    edges = np.linspace(-1.0, 1.0, HISTOGRAM_BINS + 1)
    counts = np.ones(HISTOGRAM_BINS, np.int64)
    filters = np.random.default_rng(0).normal(size=shape).astype(np.float32)
    return EpochWeights(0, (counts,), (edges,), filters)


def test_the_first_layer_strip_says_what_a_square_is():
    """walk53: for a CNN the strip was coloured cells beside "ep 0" and nothing more."""
    layers = (LayerSample(1.0, 1e-3, 0.1),)
    cnn = InsideRecord(["Conv2D 1→32"], [InsideSample(0.2, layers)], _filters((8, 3, 3)), [])
    assert _drawn(cnn)["first_layer"].get_xlabel() == (
        "each square: one 3×3 filter; red > 0, blue < 0"
    )
    mlp = InsideRecord(["Dense 784→32"], [InsideSample(0.2, layers)], _filters((8, 28, 28)), [])
    assert "one unit's 28×28 weights" in _drawn(mlp)["first_layer"].get_xlabel()


def test_a_start_part_way_into_an_epoch_is_told_from_that_epochs_end():
    """walk57 D1: continued after a stop 461 batches into epoch 12, the strip's rows read
    "ep 12, ep 12, ep 13": the start (part way into epoch 12) and the end of epoch 12."""
    from dataclasses import replace

    layers = (LayerSample(1.0, 1e-3, 0.1),)
    start = replace(_filters((8, 28, 28)), epoch=12, batch=461)
    ends = [replace(_filters((8, 28, 28)), epoch=e) for e in (12, 13)]
    record = InsideRecord(["Dense 784→32"], [InsideSample(12.5, layers)], start, ends)
    rows = [t.get_text() for t in _drawn(record)["first_layer"].get_yticklabels()]
    assert rows == ["ep 12, batch 461", "ep 12", "ep 13"]
