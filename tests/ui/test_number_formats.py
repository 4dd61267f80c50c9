"""One number format per language: a percentage written "58,9%" everywhere (the spin boxes and
some translations wrote "60 %"), thousands grouped on chart axes as on the bars ("8000" on the
Dataset axis beside "6.000" on its bars)."""

from __future__ import annotations

import re

import numpy as np
import pytest
from matplotlib.figure import Figure
from PySide6.QtWidgets import QAbstractSpinBox

from nndesk import viz
from nndesk.i18n import ts_path
from tools import translations

#: a number or a placeholder, a space, then the percent sign ("60 %", "{share} %"), or a text
#: that begins with " %" (a spin box's suffix); never Qt's "%1" / "%n" placeholders
SPACED_PERCENT = re.compile(r"(?:[\d}]|^)[ \u00a0]%(?![\dnLvm])")


@pytest.fixture
def vietnamese(qapp):
    from nndesk.ui import language

    assert language.use_language("vi") == "vi"
    yield
    language.use_language("en")


def test_the_pattern_sees_a_spaced_percent_and_nothing_else():
    assert SPACED_PERCENT.search("60 %") and SPACED_PERCENT.search(" % ảnh huấn luyện")
    assert SPACED_PERCENT.search("{share} % số lỗi")
    for fine in ("58,9%", "Tệp %1", "%v / %m ảnh", "{accuracy:.1%}", "10% ảnh"):
        assert not SPACED_PERCENT.search(fine), fine


@pytest.mark.parametrize("side", ["source", "translation"])
def test_window_strings_write_percentages_as_the_window_does(side):
    """English ("answers given at 80 % are right") and Vietnamese alike: "80%"."""
    wrong = [
        f"{m.describe()}: {getattr(m, side)!r}"
        for m in translations.read_ts(ts_path("vi"))
        if SPACED_PERCENT.search(getattr(m, side))
    ]
    assert wrong == [], "write 60%, as language.percent does:\n" + "\n".join(wrong)


def test_every_spin_box_writes_its_percent_sign_like_the_windows_percentages(
    qtbot, vietnamese, window_factory, stroke_classifier
):
    from nndesk.ui import language

    desk = window_factory(classifier=stroke_classifier)
    spins = desk.window.findChildren(QAbstractSpinBox)
    percents = [s for s in spins if "%" in s.suffix()]
    assert len(percents) >= 3  # not sure below, trust threshold, validation share, Lab prune
    written = language.percent(0.6, 0)  # "60%"
    wrong = [
        f"{type(s).__name__} {s.text()!r}" for s in percents if SPACED_PERCENT.search(s.text())
    ]
    assert wrong == [], f"the window writes {written!r}: " + ", ".join(wrong)


def test_chart_axes_group_thousands_as_the_bars_do(vietnamese):
    figure = Figure(figsize=(6, 3))
    ax = figure.add_subplot()
    viz.plot_label_bar(ax, np.array([6000, 5800, 7000]), ["0", "1", "2"], title=None)
    figure.canvas.draw()
    ticks = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    bars = [t.get_text() for t in ax.texts]
    assert "6.000" in bars
    big = [t for t in ticks if len(t.replace(".", "")) >= 4]
    assert big and all(re.fullmatch(r"\d{1,3}(\.\d{3})+", t) for t in big), ticks


def test_the_evaluation_progress_groups_its_counts_as_the_window_does(qtbot, vietnamese):
    """The bar said "2500 / 10000 ảnh" (Qt's %v / %m) beside "10.000 ảnh" on the same page."""
    from nndesk.controllers.evaluation import EvaluationController
    from nndesk.ui.evaluation_panel import EvaluationPanel
    from nndesk.ui.language import integer
    from tests.ui.test_evaluation_panel import toy_provider

    controller = EvaluationController(toy_provider, batch_size=8)
    panel = EvaluationPanel(controller)
    qtbot.addWidget(panel)
    try:
        controller.progressed.emit(2500, 10000)
        bar = panel.progress
        assert f"{integer(2500)} / {integer(10000)}" == "2.500 / 10.000"
        assert "2.500 / 10.000" in bar.text(), bar.text()
        assert not re.search(r"\d{4}", bar.text()), bar.text()
    finally:
        controller.shutdown()


#: what Vietnamese counts things in: a number (or a count's placeholder) then one of these
#: ("bước": the coach's "{per:,} bước" lost its no-break space when fixN put advice first)
COUNT_UNITS = (
    "ảnh|megapixel|byte|MB|GB|kB|KB|epoch|lượt|điểm|tham số|batch|lớp|nút|kênh|giây|ms|"
    "mẫu|lần|lỗi|số hạng|bộ lọc|trọng số|tầng|bước|tệp|ký tự|chữ số|nơ-ron"
)
#: a placeholder such as {n} or {total:,}, or a number such as 128 or 10.000
COUNT = r"(?:\{\w+(?::[^}]*)?\}|(?<![\w-])\d(?:[\d.,]*\d)?)"
COUNT_SPLIT = re.compile(COUNT + r" (?:" + COUNT_UNITS + r")\b")


def test_a_count_and_its_unit_are_never_split_across_lines():
    """The Evaluate subtitle broke as "…: 10.000" / "ảnh" at 1024 px: a count and its unit
    are joined by a no-break space in every Vietnamese text."""
    assert COUNT_SPLIT.search("trên tập {split} {dataset}: {n} ảnh")
    assert COUNT_SPLIT.search("(1.000 ảnh; 250 ảnh với CNN)")
    assert not COUNT_SPLIT.search("{n}\u00a0ảnh, 10\u00a0epoch, tầng {index} của mô hình")
    wrong = [
        f"{m.describe()}: {m.translation!r}"
        for m in translations.read_ts(ts_path("vi"))
        if COUNT_SPLIT.search(m.translation)
    ]
    assert wrong == [], "join these with a no-break space (U+00A0):\n" + "\n".join(wrong)


@pytest.mark.parametrize("code", ["vi", "en"])
def test_the_evaluate_subtitle_keeps_its_count_whole_at_1024(qtbot, vietnamese, code):
    """English too: "…test set: 10,000" / "images" in the 1024 px screenshot."""
    from PySide6.QtGui import QTextLayout

    from nndesk.controllers.evaluation import EvaluationController
    from nndesk.ui import language
    from nndesk.ui.evaluation_panel import EvaluationPanel
    from tests.test_evaluation import toy_result

    language.use_language(code)
    controller = EvaluationController(lambda name: None)
    panel = EvaluationPanel(controller)
    qtbot.addWidget(panel)
    panel.show_result(toy_result())
    text = panel.subtitle.text()
    assert text.endswith("\u00a0ảnh" if code == "vi" else "\u00a0images"), text
    # laid out at every width from a lone word's to the whole line: the count never ends one
    metrics = panel.subtitle.fontMetrics()
    for width in range(60, metrics.horizontalAdvance(text) + 2, 7):
        layout = QTextLayout(text, panel.subtitle.font())
        layout.beginLayout()
        lines = []
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            lines.append(text[line.textStart() : line.textStart() + line.textLength()].strip())
        layout.endLayout()
        assert not any(line.startswith(("ảnh", "images")) for line in lines), lines
    controller.shutdown()


def test_preset_texts_write_their_numbers_as_the_window_does(vietnamese):
    """A preset's note said "Adam 1e-3" beside the Train form's "0,001"; its intervals
    "[0, 1]" where Vietnamese writes "[0; 1]" (the comma is the decimal mark)."""
    from nndesk.presets import list_presets
    from nndesk.setting_words import value_text
    from nndesk.ui.train_form import preset_note_text

    notes = {p.name: preset_note_text(p) for p in list_presets()}
    assert "Adam 0,001" in notes["fashion-mlp-lab"] and "[-1;\u00a01]" in notes["fashion-mlp-lab"]
    assert "L2 0,0008, Adam 0,0005" in notes["fashion-prelu-l2"]
    assert "dropout 0,25" in notes["fashion-cnn-lab"]
    for preset in list_presets():
        note = notes[preset.name]
        assert not re.search(r"\d\.\d|\[-?\d, ", note), note  # English decimals, intervals
        # every number a description names is its config's, written as the window writes it
        for name, value in preset.description.values.items():
            assert value == getattr(preset.config, name)
            assert value_text(name, value) in note, (name, note)
        # and none is written by hand in Python's notation
        assert not re.search(r"\de-\d", preset.description.template), preset.name
    # each note is a sentence: "bài hướng dẫn từ đầu: …", "vượt lab PReLU: …" began in lower
    # case under the preset box (walk qa40)
    assert notes["mnist-gd"].startswith("Bài hướng dẫn từ đầu: ")
    assert notes["fashion-prelu-l2-plus"].startswith("Vượt ")
    assert all(note[:1].isupper() for note in notes.values()), notes


def test_a_models_accuracy_reads_the_same_in_the_status_bar_banner_and_evaluate_card(
    qtbot, vietnamese, window_factory, stroke_model_file
):
    """The status bar said "Độ chính xác kiểm tra: 85,78%" while the banner and the Train line
    said "85,8%" for the same run: every accuracy goes through one rule."""
    from nndesk.inference import Classifier
    from nndesk.nn.serialization import load_model, save_model
    from nndesk.ui import language
    from tests.ui.test_evaluation_panel import evaluated, toy_provider

    loaded = load_model(stroke_model_file)
    info = dict(loaded.info, metrics={"test_accuracy": 0.8578})
    path = save_model(stroke_model_file.with_name("acc.npz"), loaded.model, info)
    desk = window_factory(classifier=Classifier.from_file(path))
    window = desk.window
    written = language.accuracy_text(0.8578)
    assert written == "85,8%"
    assert window.accuracy_status.text().endswith(" " + written)
    window.model_notice.announce(0.8578, None)
    assert written in window.model_notice.message.full_text()

    from nndesk.controllers.evaluation import EvaluationController
    from nndesk.ui.evaluation_panel import EvaluationPanel

    controller = EvaluationController(toy_provider, batch_size=8)
    try:
        panel = EvaluationPanel(controller)
        qtbot.addWidget(panel)
        panel.show()
        result = evaluated(qtbot, panel, controller)
        assert panel.accuracy_stat.value.text() == language.accuracy_text(result.accuracy)
        assert panel.accuracy_stat.value.text() == f"{100 * result.accuracy:.1f}%".replace(".", ",")
    finally:
        controller.shutdown()


def test_the_maps_image_count_groups_its_thousands_as_its_title_does(
    qtbot, vietnamese, window_factory, stroke_classifier
):
    """walk69 L13: the Map's "Ảnh" box said 1000 under the title "1.000 ảnh kiểm tra"."""
    from nndesk.ui.language import integer
    from nndesk.ui.map_view import MapView

    desk = window_factory(classifier=stroke_classifier)
    points = desk.window.findChild(MapView).points
    assert points.value() == 1000
    assert points.text() == integer(1000) == "1.000"
