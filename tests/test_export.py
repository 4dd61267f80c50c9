"""Exports write atomically and read back equal."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest

from nndesk import export
from nndesk.evaluation import mistakes, report_rows
from tests.test_evaluation import toy_result


def _leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.startswith(".")]


def test_report_csv_reads_back_equal(tmp_path):
    result = toy_result()
    path = export.write_report_csv(tmp_path / "report.csv", result)
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    expected = report_rows(result.report)
    per_class = [r for r in rows if r["class"] not in ("accuracy", "macro avg", "weighted avg")]
    averages = [r for r in rows if r["class"] in ("macro avg", "weighted avg")]
    for row, exp in zip(per_class + averages, expected, strict=True):
        assert row["class"] == exp[0]
        assert (float(row["precision"]), float(row["recall"]), float(row["f1"])) == exp[1:4]
        assert int(row["support"]) == exp[4]
    (acc,) = [r for r in rows if r["class"] == "accuracy"]
    assert float(acc["f1"]) == result.accuracy and int(acc["support"]) == result.n
    assert _leftovers(tmp_path) == []


def test_report_json_reads_back_equal(tmp_path):
    result = toy_result()
    path = export.write_report_json(tmp_path / "sub" / "report.json", result)
    data = json.loads(path.read_text())
    assert data["report"] == result.report.to_dict()
    assert data["accuracy"] == result.accuracy and data["loss"] == result.loss
    np.testing.assert_array_equal(data["confusion"], result.confusion)
    assert data["class_names"] == list(result.class_names)
    assert data["mistakes"] == result.n_mistakes


def test_mistakes_csv_lists_every_mistake_most_confident_first(tmp_path):
    result = toy_result()
    path = export.write_mistakes_csv(tmp_path / "mistakes.csv", result)
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    assert [int(r["index"]) for r in rows] == list(mistakes(result))
    for r in rows:
        i = int(r["index"])
        assert int(r["true"]) == result.labels[i] and int(r["predicted"]) == result.predictions[i]
        assert r["predicted_name"] == result.class_names[result.predictions[i]]
        assert float(r["confidence"]) == float(result.confidence[i])


def test_confusion_png_is_a_real_png(tmp_path):
    path = export.save_confusion_png(tmp_path / "confusion.png", toy_result())
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert _leftovers(tmp_path) == []


def test_a_failed_write_leaves_the_old_file_untouched(tmp_path):
    path = tmp_path / "report.json"
    path.write_text("old")

    class Broken:
        def savefig(self, *a, **k):
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        export.save_figure(path, Broken())
    assert path.read_text() == "old"
    assert _leftovers(tmp_path) == []


def test_evaluation_and_export_load_neither_qt_nor_matplotlib_and_viz_no_qt():
    import subprocess
    import sys

    code = (
        "import sys, nndesk.evaluation, nndesk.export; a = {m.split('.')[0] for m in sys.modules}; "
        "import nndesk.viz; b = {m.split('.')[0] for m in sys.modules}; "
        "print('PySide6' in a, 'matplotlib' in a, 'PySide6' in b)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]
