"""Matplotlib drawings of how far a model's answers can be trusted; no Qt (tests run them under
Agg, and the Evaluate page draws them on its figures).

``TrustSummary`` is computed off the GUI thread from an evaluation's logits; the ``plot_*``
functions only draw it on the Axes they are given.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes

from nndesk import calibration
from nndesk.i18n import N_, grouped, number, shown
from nndesk.viz import PALETTE, muted_colour

RAW, CALIBRATED = PALETTE[1], PALETTE[0]


@dataclass(frozen=True)
class TrustSummary:
    """Calibration and coverage of one evaluation, raw and after temperature scaling."""

    temperature: float
    raw: calibration.Reliability
    calibrated: calibration.Reliability
    coverage: calibration.Coverage  # of the calibrated probabilities
    n: int
    #: for a temperature fitted on half of this test set (the shipped models: no validation
    #: split), the ECE raw and calibrated on the other half, its images and the fitted ones;
    #: the whole set's ECE counts the images the temperature was fitted on
    unseen: tuple[float, float, int, int] | None = None

    @property
    def ece(self) -> float:
        return self.raw.ece

    @property
    def ece_calibrated(self) -> float:
        return self.calibrated.ece

    def at_threshold(self, threshold: float) -> tuple[float, float, int]:
        """(coverage, accuracy, confident mistakes) when answering only at >= ``threshold``."""
        i = int(np.clip(np.searchsorted(self.coverage.thresholds, threshold - 1e-9), 0, None))
        i = min(i, len(self.coverage.thresholds) - 1)
        return (
            float(self.coverage.coverage[i]),
            float(self.coverage.accuracy[i]),
            int(self.coverage.confident_mistakes[i]),
        )


def summarise(result) -> TrustSummary:
    """A ``TrustSummary`` of an ``EvaluationResult`` (its logits, labels and temperature)."""
    raw = result.probabilities
    scaled = result.calibrated
    return TrustSummary(
        temperature=float(result.temperature),
        raw=calibration.reliability(raw, result.labels),
        calibrated=calibration.reliability(scaled, result.labels),
        coverage=calibration.coverage_curve(scaled, result.labels),
        n=int(result.n),
        unseen=_unfitted_half(result, raw, scaled),
    )


def _unfitted_half(result, raw: np.ndarray, scaled: np.ndarray):
    """``TrustSummary.unseen`` of ``result``, or None: its model's temperature was not fitted
    on a half of its dataset's test set (``calibration.test_half``), or these are not those
    test images."""
    from nndesk.data.registry import DATASETS

    info = getattr(result.classifier, "info", None) or {}
    stored = info.get("calibration") if isinstance(info, dict) else None
    fitted_on = stored.get("fitted_on") if isinstance(stored, dict) else None
    if fitted_on != "test-half" or result.split != "test" or result.dataset not in DATASETS:
        return None
    labels = np.asarray(result.labels)
    rows = calibration.other_test_half(labels)
    if not len(rows):
        return None
    return (
        calibration.ece(raw[rows], labels[rows]),
        calibration.ece(scaled[rows], labels[rows]),
        len(rows),
        len(labels) - len(rows),
    )


#: decimals of every ECE shown, in the chart's key and in the text above it: the key rounded
#: 0.0015 and 0.0020 both to 0.002, hiding the very difference the text discusses (walk66 #2)
ECE_DECIMALS = 4


def ece_text(value: float) -> str:
    """An ECE as the Evaluate page writes it, in its chart and in its text alike."""
    return number(value, ECE_DECIMALS)


#: The reliability plot's top: its key sits between 1 (the tallest a bar can be) and this
RELIABILITY_TOP = 1.6


def plot_reliability(ax: Axes, summary: TrustSummary, counts_ax: Axes | None = None) -> None:
    """Accuracy per confidence bin, raw and calibrated, against the diagonal of perfect trust;
    on ``counts_ax`` (under it) how many answers each bin holds (``plot_bin_counts``)."""
    edges = summary.raw.edges
    centres = (edges[:-1] + edges[1:]) / 2
    width = (edges[1] - edges[0]) * 0.42
    ax.plot(
        [0, 1],
        [0, 1],
        "--",
        color=muted_colour(),
        linewidth=1,
        label=shown(N_("perfectly calibrated")),
    )
    for offset, rel, colour, name in (
        (
            -width / 2,
            summary.raw,
            RAW,
            shown(N_("raw (ECE {ece})")).format(ece=ece_text(summary.ece)),
        ),
        (
            width / 2,
            summary.calibrated,
            CALIBRATED,
            f"T = {number(summary.temperature, 2)} (ECE {ece_text(summary.ece_calibrated)})",
        ),
    ):
        filled = rel.counts > 0
        ax.bar(
            centres[filled] + offset,
            rel.accuracy[filled],
            width=width,
            color=colour,
            alpha=0.85,
            label=name,
        )
    ax.set_xlim(0, 1)
    # the key gets a band above every bar (no bar is taller than 1): inside the plot it lay
    # over the bars of a model sure of too little (the 0,2-0,4 bins in Vietnamese)
    ax.set_ylim(0, RELIABILITY_TOP)
    ax.set_yticks(np.linspace(0, 1, 6))
    ax.spines[["top", "right"]].set_visible(False)
    if counts_ax is None:
        ax.set_xlabel(shown(N_("confidence of the answer")))
    else:
        ax.tick_params(labelbottom=False)
        plot_bin_counts(counts_ax, summary)
    ax.set_ylabel(shown(N_("share right")))
    ax.set_title(shown(N_("Reliability")), fontsize="medium")
    ax.legend(loc="upper left", fontsize="small", frameon=False, borderaxespad=0.2)


class FittingLabels(Artist):
    """Shows, of ``texts`` (in the order given: the first wins a place), only those that
    overlap no label already shown, measured as the figure is drawn at its final size (the
    window's, Larger text's or the saved PNG's): fifteen bins' counts at 6.5 pt ran into
    "294345354377390463767" at 1280 px (walk68 D2). Drawn before the texts (zorder 0): it only
    sets which of them are visible. The counts left out are in the tooltip (``bin_counts_text``)."""

    #: display px kept free between two labels
    GAP = 3.0

    def __init__(self, texts) -> None:
        super().__init__()
        self.texts = list(texts)
        self.set_zorder(0)
        self.set_in_layout(False)

    def draw(self, renderer) -> None:
        placed = []
        for text in self.texts:
            text.set_visible(True)
            box = text.get_window_extent(renderer).expanded(1.0, 1.0).padded(self.GAP / 2)
            fits = not any(box.overlaps(other) for other in placed)
            text.set_visible(fits)
            if fits:
                placed.append(box)

    def shown(self) -> list:
        """The labels the last draw showed."""
        return [text for text in self.texts if text.get_visible()]


def plot_bin_counts(ax: Axes, summary: TrustSummary) -> None:
    """How many answers each confidence bin holds (after temperature scaling), on a log scale
    with each count written over its bar where it fits (``FittingLabels``): every bar of the
    reliability diagram is drawn as tall as its accuracy, so a bin of 5 answers looked as
    weighty as one of 9,900 (walk66 #3)."""
    rel = summary.calibrated
    edges = rel.edges
    centres = (edges[:-1] + edges[1:]) / 2
    filled = rel.counts > 0
    ax.bar(
        centres[filled],
        rel.counts[filled],
        width=(edges[1] - edges[0]) * 0.84,
        color=muted_colour(),
        alpha=0.6,
    )
    ax.set_yscale("log")
    top = max(int(rel.counts.max()), 1)
    ax.set_ylim(0.8, top * 40)  # room for the count over the tallest bar
    texts = [
        ax.text(x, count * 1.3, grouped(int(count)), ha="center", va="bottom", fontsize=6.5)
        for x, count in zip(centres[filled], rel.counts[filled], strict=True)
    ]
    # the fullest bins first: the confident answers most of a good model's are
    order = np.argsort(-rel.counts[filled], kind="stable")
    ax.add_artist(FittingLabels([texts[i] for i in order]))
    ax.set_xlim(0, 1)
    ax.set_yticks([])
    ax.minorticks_off()
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.set_ylabel(shown(N_("answers")), fontsize="x-small")
    ax.set_xlabel(shown(N_("confidence of the answer")))


def bin_counts_text(summary: TrustSummary) -> str:
    """One line per filled confidence bin: its range and how many answers it holds (the
    reliability diagram's tooltip)."""
    rel = summary.calibrated
    lines = [
        # the tooltip's heading names what is counted: "1 answers" read wrong
        f"{number(rel.edges[i], 2)}-{number(rel.edges[i + 1], 2)}: {grouped(c)}"
        for i, c in enumerate(int(c) for c in rel.counts)
        if c
    ]
    return "\n".join(lines)


#: The coverage plot's top: its key sits between 1 (the highest either curve reaches) and this
COVERAGE_TOP = 1.45


def coverage_floor(summary: TrustSummary) -> float:
    """The coverage plot's bottom: 0, or for a model whose coverage and accuracy stay high at
    every threshold (a 99 % model) a tenth below their lowest, so the curves are not pinned flat
    at the top of a 0..1 axis (walk66 #4)."""
    cov = summary.coverage
    values = np.concatenate([cov.coverage, cov.accuracy])
    values = values[np.isfinite(values)]
    if not len(values):
        return 0.0
    low = float(np.floor(values.min() * 10 - 1e-9) / 10)
    return low if low >= 0.5 else 0.0


def plot_coverage(ax: Axes, summary: TrustSummary, threshold: float) -> None:
    """Coverage and accuracy against the threshold an answer must reach; the chosen threshold
    marked with its count of confident mistakes."""
    cov = summary.coverage
    ax.plot(cov.thresholds, cov.coverage, color=PALETTE[2], label=shown(N_("images answered")))
    ax.plot(cov.thresholds, cov.accuracy, color=CALIBRATED, label=shown(N_("accuracy on those")))
    answered, accuracy, mistakes = summary.at_threshold(threshold)
    # up to 1 only (not the axes' height): the key lies in the band above
    low = coverage_floor(summary)
    ax.plot([threshold, threshold], [low, 1], color=muted_colour(), linewidth=1, linestyle=":")
    ax.annotate(
        shown(N_("≥ {threshold}: {answered} answered,\n{mistakes} confident mistakes")).format(
            threshold=number(100 * threshold, 0) + "%",
            answered=number(100 * answered, 1) + "%",
            mistakes=grouped(mistakes),
        ),
        xy=(threshold, answered),
        xytext=(0.04, 0.08),
        textcoords="axes fraction",
        fontsize="small",
    )
    ax.set_xlim(0, 1)
    # the key gets a band above both curves (neither passes 1): centre left it lay over them
    # where a model's accuracy and coverage meet, about half way up (walk47 D13)
    ax.set_ylim(low, 1 + (1 - low) * (COVERAGE_TOP - 1))
    ax.set_yticks(np.linspace(low, 1, 6) if low == 0 else np.arange(low, 1 + 1e-9, (1 - low) / 5))
    ax.spines[["top", "right"]].set_visible(False)
    if low > 0:  # said on the axis: a reader takes the bottom for 0 (walk66 #4)
        ax.set_ylabel(
            shown(N_("share (axis from {low}, not 0)")).format(low=number(low, 2)),
            fontsize="small",
        )
    ax.set_xlabel(shown(N_("threshold (calibrated)")))
    ax.set_title(shown(N_("Coverage vs accuracy")), fontsize="medium")
    ax.legend(loc="upper left", fontsize="small", frameon=False, borderaxespad=0.2)
