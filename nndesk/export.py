"""Write evaluation results to files, always atomically (a crash never leaves half a file).

- the per-class report as CSV (one row per class, then accuracy, macro and weighted averages)
- the whole evaluation as JSON (report, accuracy, loss, confusion matrix, class names)
- the mistakes list as CSV (test index, true, predicted, raw and calibrated confidence)
- any matplotlib figure as PNG
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from nndesk.evaluation import EvaluationResult, mistakes, report_rows
from nndesk.fileio import atomic_path, atomic_write_text
from nndesk.i18n import N_, fmt, shown

REPORT_COLUMNS = ("class", "precision", "recall", "f1", "support")
MISTAKE_COLUMNS = (
    "index",
    "true",
    "true_name",
    "predicted",
    "predicted_name",
    "confidence",
    "true_probability",
    "calibrated_confidence",  # after the model's temperature (info.calibration), as shown
)


def _csv_text(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def write_report_csv(path: str | os.PathLike, result: EvaluationResult) -> Path:
    """The per-class table, then ``accuracy``, ``macro avg`` and ``weighted avg`` rows.

    Floats are written with full precision (``repr``), so reading the file back gives the same
    numbers. The accuracy row leaves precision and recall empty, as the lab's printout does.
    """
    rows = report_rows(result.report)
    per_class, averages = rows[: result.n_classes], rows[result.n_classes :]
    body = [[n, repr(p), repr(r), repr(f), s] for n, p, r, f, s in per_class]
    body.append(["accuracy", "", "", repr(float(result.accuracy)), result.n])
    body += [[n, repr(p), repr(r), repr(f), s] for n, p, r, f, s in averages]
    return atomic_write_text(path, _csv_text(REPORT_COLUMNS, body))


def result_to_dict(
    result: EvaluationResult, threshold: float | None = None, robustness: dict | None = None
) -> dict:
    """A JSON-able summary of an evaluation (no per-image arrays), with the Evaluate page's
    trust figures (``trust_to_dict``): ``threshold`` (0..1) the page's, ``robustness`` its
    measured curves (kind -> [(level, accuracy)]) or None."""
    clf = result.classifier
    return {
        "model": getattr(clf, "title", None),
        "dataset": getattr(clf, "dataset", None),
        "split": result.split,
        "images": result.n,
        "mistakes": result.n_mistakes,
        "accuracy": float(result.accuracy),
        "loss": float(result.loss),
        "class_names": list(result.class_names),
        "report": result.report.to_dict(),
        "confusion": np.asarray(result.confusion).astype(int).tolist(),
        **_folder_fields(result),
        **trust_to_dict(result, threshold, robustness),
    }


def _folder_fields(result: EvaluationResult) -> dict:
    """An image folder's held-out images: which folder, and whether it still holds the images
    the model was trained on (``folder_test_set.FolderSource``); nothing for a registered
    dataset's test set."""
    source = result.image_folder
    if source is None:
        return {}
    return {"image_folder": {"folder": source.folder, "same_images": source.same_images}}


def trust_to_dict(
    result: EvaluationResult, threshold: float | None = None, robustness: dict | None = None
) -> dict:
    """The trust half of the report under ``nndesk evaluate --json``'s keys where the two
    overlap (walk55 D8: the window's JSON had no ECE, temperature, coverage or robustness, and
    other names): ``test_accuracy``, ``test_loss``, ``calibration`` {ece, ece_calibrated,
    temperature, fitted_on[, not_fitted_on]} for a softmax/sigmoid model, ``coverage`` at
    ``threshold`` (answering only at or above it) and ``robustness`` when measured."""
    from nndesk import calibration

    out: dict[str, Any] = {"test_accuracy": float(result.accuracy), "test_loss": float(result.loss)}
    if result.logits is not None and result.output in calibration.SCALABLE_OUTPUTS:
        out["calibration"] = _calibration(result)
    if threshold is not None:
        confidence = np.asarray(result.calibrated_confidence, dtype=np.float64)
        answered = confidence >= threshold
        right = np.asarray(result.predictions) == np.asarray(result.labels)
        n_answered = int(answered.sum())
        out["coverage"] = {
            "threshold": float(threshold),
            "answered": n_answered / result.n if result.n else 0.0,
            "accuracy_answered": float(right[answered].mean()) if n_answered else None,
            "confident_mistakes": int(np.count_nonzero(answered & ~right)),
        }
    if robustness is not None:
        out["robustness"] = {
            kind: [[float(level), float(acc)] for level, acc in points]
            for kind, points in robustness.items()
        }
    return out


def _calibration(result: EvaluationResult) -> dict:
    """``evaluate --json``'s ``calibration``: the ECE raw and at the model's temperature, what
    the file says it was fitted on, and for a temperature fitted on half of this test set (the
    shipped models) the other half's figures (the whole set's count the fitted images)."""
    from nndesk import calibration
    from nndesk.data.registry import DATASETS

    logits, labels = np.asarray(result.logits), np.asarray(result.labels)
    out = calibration.summary(logits, labels, result.output, result.temperature)
    info = getattr(result.classifier, "info", None)
    stored = info.get("calibration") if isinstance(info, dict) else None
    fitted_on = stored.get("fitted_on") if isinstance(stored, dict) else None
    out["fitted_on"] = fitted_on if isinstance(fitted_on, str) else None
    if fitted_on == "test-half" and result.split == "test" and result.dataset in DATASETS:
        rows = calibration.other_test_half(labels)
        other = calibration.summary(logits[rows], labels[rows], result.output, result.temperature)
        del other["temperature"]
        out["not_fitted_on"] = {**other, "images": len(rows)}
    return out


def write_report_json(
    path: str | os.PathLike,
    result: EvaluationResult,
    threshold: float | None = None,
    robustness: dict | None = None,
) -> Path:
    """``result_to_dict(result, threshold, robustness)`` as indented JSON."""
    text = json.dumps(result_to_dict(result, threshold, robustness), indent=2)
    return atomic_write_text(path, text + "\n")


def write_mistakes_csv(
    path: str | os.PathLike, result: EvaluationResult, indices: np.ndarray | None = None
) -> Path:
    """One row per image in ``indices`` (default: every mistake, most confident first)."""
    if indices is None:
        indices = mistakes(result)
    names = result.class_names
    conf, calibrated = result.confidence, result.calibrated_confidence
    # an image folder's held-out images: each one's file inside the folder, in a last column
    files = getattr(result.image_folder, "test_files", ())
    files = files if len(files) == result.n else ()
    rows = []
    for i in np.asarray(indices, dtype=np.int64):
        t, p = int(result.labels[i]), int(result.predictions[i])
        rows.append(
            [
                int(i),
                t,
                names[t],
                p,
                names[p],
                repr(float(conf[i])),
                repr(float(result.probabilities[i, t])),
                repr(float(calibrated[i])),
                *([files[i]] if files else []),
            ]
        )
    columns = (*MISTAKE_COLUMNS, "file") if files else MISTAKE_COLUMNS
    return atomic_write_text(path, _csv_text(columns, rows))


def save_figure(
    path: str | os.PathLike, figure: Any, dpi: int = 150, page: str | None = None
) -> Path:
    """Save a matplotlib ``Figure`` as PNG (or whatever ``path``'s suffix names), atomically,
    on the charts' background: white in the light theme, dark in the dark one, where its text
    is light (on a white page it could not be read); ``page``: that colour instead."""
    from nndesk.viz import background_colour

    path = Path(path)
    suffix = path.suffix or ".png"
    with atomic_path(path, suffix=suffix) as tmp:
        figure.savefig(tmp, dpi=dpi, bbox_inches="tight", facecolor=page or background_colour())
    return path


def save_chart(
    path: str | os.PathLike,
    figure: Any,
    drawn_in: dict[str, str],
    colours: dict | None = None,
) -> Path:
    """Save a chart ``figure`` drawn in the window's chart colours ``drawn_in``
    (``curves.printed.chart_colours_now``, read as it was made) recoloured for a report or a
    slide, dark on white (``PRINT_RC``), or in the chart colours ``colours`` (the dark theme's,
    when asked for): a dark PNG of the dark theme pasted into a light report (fixI #3). The
    figure is changed: give a copy of one on screen."""
    from nndesk.curves.printed import recolour_for_print
    from nndesk.viz import PRINT_RC

    colours = PRINT_RC if colours is None else colours
    recolour_for_print(figure, drawn_in, colours=colours)
    return save_figure(path, figure, page=str(colours["figure.facecolor"]))


def confusion_figure(result: EvaluationResult, colours: dict | None = None):
    """A stand-alone (Qt-free) figure of the confusion matrix, sized for a slide; its cells,
    counts and the lines between them in the chart colours ``colours`` (None: the theme's)."""
    from matplotlib.figure import Figure

    from nndesk.viz import localise_ticks, plot_confusion

    k = result.n_classes
    fig = Figure(figsize=(max(5.0, 0.55 * k + 2.5), max(4.5, 0.55 * k + 2.0)))
    ax = fig.add_subplot()
    # the window's language when the window exports it (shown); English from the CLI
    template = (
        N_("Confusion matrix (test set, accuracy {accuracy})")
        if result.split == "test"
        else N_("Confusion matrix ({split}, accuracy {accuracy})")
    )
    title = shown(template).format(split=result.split, accuracy=fmt(result.accuracy, ".2%"))
    image = plot_confusion(ax, result.confusion, result.class_names, title=title, colours=colours)
    fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04, label=shown(N_("share of the true class")))
    localise_ticks(*fig.axes)
    fig.tight_layout()
    return fig


def save_confusion_png(
    path: str | os.PathLike, result: EvaluationResult, colours: dict | None = None
) -> Path:
    """The confusion matrix (counts over row-normalised colour) as a PNG, dark on white for a
    slide whatever the window's theme (or in the chart colours ``colours``: the dark theme's,
    when asked for). Its cells are drawn in those colours and the rest recoloured
    (``recolour_for_print``): matplotlib's rcParams are the whole process's, and switching
    them here, on the writer thread, recoloured a chart the GUI drew meanwhile."""
    from nndesk.curves.printed import chart_colours_now, recolour_for_print
    from nndesk.viz import PRINT_RC

    colours = PRINT_RC if colours is None else colours
    drawn_in = chart_colours_now()
    figure = confusion_figure(result, colours=colours)
    counts = figure.axes[0].texts  # coloured for their cells already
    recolour_for_print(figure, drawn_in, keep=counts, colours=colours)
    return save_figure(path, figure, page=str(colours["figure.facecolor"]))
