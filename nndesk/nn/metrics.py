"""Accuracy, confusion matrix and the per-class precision / recall / F1 report."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def accuracy(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Fraction of equal labels; 0.0 for empty input."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"label shapes differ: {y_true.shape} vs {y_pred.shape}")
    return float(np.mean(y_true == y_pred)) if y_true.size else 0.0


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, n_classes: int) -> np.ndarray:
    """``int64 (k, k)`` counts, rows = true class, columns = predicted class."""
    y_true = np.asarray(y_true, dtype=np.int64)
    y_pred = np.asarray(y_pred, dtype=np.int64)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"label shapes differ: {y_true.shape} vs {y_pred.shape}")
    if y_true.size and (
        min(y_true.min(), y_pred.min()) < 0 or max(y_true.max(), y_pred.max()) >= n_classes
    ):
        raise ValueError(f"labels must lie in [0, {n_classes})")
    # each (true, pred) pair becomes one flat index; one bincount counts them all
    flat = y_true * n_classes + y_pred
    return (
        np.bincount(flat, minlength=n_classes * n_classes)
        .reshape(n_classes, n_classes)
        .astype(np.int64)
    )


@dataclass(frozen=True)
class ClassMetrics:
    """One row of the report (or an average: ``support`` is then the total)."""

    name: str
    precision: float
    recall: float
    f1: float
    support: int

    def to_dict(self) -> dict:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "support": self.support,
        }


@dataclass(frozen=True, eq=False)
class ClassificationReport:
    """Per-class metrics with macro and support-weighted averages, like sklearn's report."""

    per_class: list[ClassMetrics]
    macro: ClassMetrics
    weighted: ClassMetrics
    accuracy: float
    confusion: np.ndarray

    def to_text(self, digits: int = 2) -> str:
        """The table sklearn's ``classification_report`` prints."""
        width = max([len(c.name) for c in self.per_class] + [len("weighted avg")])
        head = f"{'':>{width}} {'precision':>9} {'recall':>9} {'f1-score':>9} {'support':>9}"
        lines = [head, ""]

        def row(label: str, m: ClassMetrics) -> str:
            return (
                f"{label:>{width}} {m.precision:>9.{digits}f} {m.recall:>9.{digits}f} "
                f"{m.f1:>9.{digits}f} {m.support:>9}"
            )

        lines += [row(c.name, c) for c in self.per_class]
        lines.append("")
        total = self.macro.support
        lines.append(
            f"{'accuracy':>{width}} {'':>9} {'':>9} {self.accuracy:>9.{digits}f} {total:>9}"
        )
        lines.append(row("macro avg", self.macro))
        lines.append(row("weighted avg", self.weighted))
        return "\n".join(lines)

    def to_dict(self) -> dict:
        """JSON-able: ``{"per_class": {name: {...}}, "macro", "weighted", "accuracy"}``."""
        return {
            "per_class": {c.name: c.to_dict() for c in self.per_class},
            "macro": self.macro.to_dict(),
            "weighted": self.weighted.to_dict(),
            "accuracy": self.accuracy,
        }


def _safe_div(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """``num / den`` with 0.0 where ``den == 0`` (sklearn's zero_division=0)."""
    out = np.zeros(num.shape, dtype=np.float64)
    np.divide(num, den, out=out, where=den > 0)
    return out


def classification_report(
    y_true: np.ndarray, y_pred: np.ndarray, class_names: list[str] | tuple[str, ...]
) -> ClassificationReport:
    """Precision, recall, F1 and support per class, from one confusion matrix."""
    k = len(class_names)
    cm = confusion_matrix(y_true, y_pred, k)
    tp = np.diag(cm).astype(np.float64)
    support = cm.sum(axis=1)  # true count per class
    predicted = cm.sum(axis=0)
    precision = _safe_div(tp, predicted)
    recall = _safe_div(tp, support)
    f1 = _safe_div(2 * precision * recall, precision + recall)
    per_class = [
        ClassMetrics(str(name), float(p), float(r), float(f), int(s))
        for name, p, r, f, s in zip(class_names, precision, recall, f1, support, strict=True)
    ]
    total = int(support.sum())
    macro = ClassMetrics(
        "macro avg", float(precision.mean()), float(recall.mean()), float(f1.mean()), total
    )
    w = support / total if total else np.zeros(k)
    weighted = ClassMetrics(
        "weighted avg", float(precision @ w), float(recall @ w), float(f1 @ w), total
    )
    acc = float(tp.sum() / total) if total else 0.0
    return ClassificationReport(per_class, macro, weighted, acc, cm)
