"""Evaluate > Copy report: the per-class report as the lab's text table, in the window's
language. English is exactly the table sklearn's ``classification_report`` prints (what
``ClassificationReport.to_text`` writes); in Vietnamese the words and the decimal marks are
the page's ("Độ chuẩn xác" read "precision" once pasted into a teacher's slides, walk59 D14).
The CSV and JSON exports stay machine English."""

from __future__ import annotations

from nndesk.i18n import QT_TRANSLATE_NOOP
from nndesk.ui.language import class_names_shown, decimal, translate_marked

#: the table's header, lower case as sklearn's
HEADER = (
    QT_TRANSLATE_NOOP("EvaluationPanel", "precision"),
    QT_TRANSLATE_NOOP("EvaluationPanel", "recall"),
    QT_TRANSLATE_NOOP("EvaluationPanel", "f1-score"),
    QT_TRANSLATE_NOOP("EvaluationPanel", "support"),
)
COLUMN = 9  # sklearn's width of a figure's column


def report_text(report, digits: int = 2) -> str:
    """``report`` (a ``ClassificationReport``) as an aligned text table in the window's
    language; its summary rows named as the page's table names them."""
    from nndesk.ui.evaluation_panel import SUMMARY_ROWS

    names = class_names_shown([c.name for c in report.per_class])
    summary = {key: translate_marked("EvaluationPanel", text) for key, text in SUMMARY_ROWS.items()}
    header = [translate_marked("EvaluationPanel", h) for h in HEADER]
    width = max(len(n) for n in [*names, *summary.values()])
    col = max(COLUMN, *(len(h) for h in header))

    def cells(*values: str) -> str:
        return " ".join(f"{v:>{col}}" for v in values)

    def row(label: str, m) -> str:
        figures = (decimal(v, digits) for v in (m.precision, m.recall, m.f1))
        return f"{label:>{width}} {cells(*figures, str(m.support))}"

    lines = [f"{'':>{width}} {cells(*header)}", ""]
    lines += [row(name, m) for name, m in zip(names, report.per_class, strict=True)]
    lines.append("")
    accuracy = cells("", "", decimal(report.accuracy, digits), str(report.macro.support))
    lines.append(f"{summary['accuracy']:>{width}} {accuracy}")
    lines.append(row(summary["macro avg"], report.macro))
    lines.append(row(summary["weighted avg"], report.weighted))
    return "\n".join(lines)
