"""The test-set report ``train`` and ``evaluate`` print: the per-class table and confusion
matrix as text, and their ``--json`` forms."""

from __future__ import annotations


def history_row(h: dict) -> dict:
    from nndesk.training import HISTORY_COLUMNS

    return {k: h.get(k) for k in HISTORY_COLUMNS}


def test_summary(model, class_names, y_true, result) -> dict:
    """The per-class table and confusion matrix as text, plus their JSON-able forms."""
    from nndesk.nn.metrics import classification_report, confusion_matrix

    report = classification_report(y_true, result.predictions, list(class_names))
    cm = confusion_matrix(y_true, result.predictions, len(class_names))
    per_class = {
        c.name: {
            "precision": float(c.precision),
            "recall": float(c.recall),
            "f1": float(c.f1),
            "support": int(c.support),
        }
        for c in report.per_class
    }
    text = "\n".join(
        [
            f"test accuracy {result.accuracy:.2%}  test loss {result.loss:.4f}",
            "",
            report.to_text(),
            "",
            "confusion matrix (rows: true class, columns: predicted)",
            format_confusion(cm, class_names),
        ]
    )
    return {"text": text, "per_class": per_class, "confusion": cm.tolist()}


def _row_labels(class_names, limit: int = 16) -> list[str]:
    """Class names as row labels: whole up to ``limit`` characters (every Fashion-MNIST name
    fits); a longer one is cut with an ellipsis unless that would make two rows read alike."""
    cut = [name if len(name) <= limit else name[: limit - 1] + "…" for name in class_names]
    return cut if len(set(cut)) == len(cut) else list(class_names)


def format_confusion(cm, class_names) -> str:
    """A fixed-width confusion matrix with short class names as row and column labels."""
    short = _row_labels(class_names)
    width = max(5, len(str(int(cm.max()))) + 1)
    label_w = max(len(s) for s in short) + 1
    head = " " * label_w + "".join(f"{i:>{width}}" for i in range(len(short)))
    rows = [
        f"{s:<{label_w}}" + "".join(f"{int(v):>{width}}" for v in row)
        for s, row in zip(short, cm, strict=True)
    ]
    if short == [str(i) for i in range(len(short))]:
        return "\n".join([head, *rows])  # digits: the column numbers are the names
    legend = "columns: " + ", ".join(f"{i}={s}" for i, s in enumerate(short))
    return "\n".join([head, *rows, legend])
