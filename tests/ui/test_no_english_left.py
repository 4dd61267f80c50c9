"""No English left in the Vietnamese window: every word it shows (labels, buttons, tooltips,
What's This, combo items, table headers and cells, tabs, menus, chart texts) is one the
Vietnamese translation itself uses, and every file dialog's filter is translated.

"A word the translation uses" is any word of three or more letters in a Vietnamese
translation outside parentheses: the technical terms the glossary keeps (batch, epoch, ReLU,
Adam, px) are there, while "validation", "std" or "Main" are only there in parentheses, beside
their Vietnamese, or not at all (the probe found them in the Race legend, on the robustness
axis and as the toolbar's name).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import matplotlib.text
import numpy as np
import pytest
from matplotlib.figure import Figure
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

from nndesk.controllers.training import TrainingController
from nndesk.data.registry import DATASETS
from nndesk.i18n import ts_path
from nndesk.runs import RunStore
from tests.ui.conftest import STROKE_CLASSES, training_page
from tools import translations

ROOT = Path(__file__).resolve().parents[2]
#: a word on its own: not part of a name such as "fashion-mlp", "test[50]" or "layer_2"
WORD = re.compile(r"(?<![\w\-/.])[A-Za-z]{3,}(?![\w\-/.\[])")
GLOSS = re.compile(r"\([^()]*\)")  # "(validation)" beside "kiểm định" is the glossary's form
#: names that are no words: the layer kinds a model file names, activations, a saliency method,
#: and the language list's "English" (each language is named in itself)
NAMES = {"reshape", "flatten", "tanh", "smoothgrad", "english"}


def _vietnamese_words() -> set[str]:
    return {
        w.lower()
        for m in translations.read_ts(ts_path("vi"))
        for w in WORD.findall(GLOSS.sub(" ", m.translation))
    }


def english_words(text: str, known: set[str]) -> list[str]:
    return [w for w in WORD.findall(GLOSS.sub(" ", text)) if w.lower() not in known | NAMES]


def figure_texts(figure: Figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(matplotlib.text.Text) if t.get_visible()]


def _model_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    try:
        columns, rows = model.columnCount(QModelIndex()), model.rowCount(QModelIndex())
    except TypeError:  # a model that hides its counts (Qt's own private ones)
        return []
    texts = []
    for column in range(columns):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            texts.append(model.headerData(column, Qt.Orientation.Horizontal, role))
    for row in range(min(rows, 20)):
        for column in range(columns):
            index = model.index(row, column)
            texts += [model.data(index), model.data(index, Qt.ItemDataRole.ToolTipRole)]
    return [str(t) for t in texts if t]


def shown_texts(window: QWidget) -> list[str]:
    """Every text of the window's visible page and its menus, charts included."""
    texts = []
    for widget in [window, *window.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.whatsThis()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                texts += [widget.itemText(i), widget.itemData(i, Qt.ItemDataRole.ToolTipRole)]
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                texts += [widget.tabText(i), widget.tabToolTip(i)]
        elif isinstance(widget, QMenu):
            texts.append(widget.title())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += _model_texts(widget)
        figure = getattr(widget, "figure", None)
        if isinstance(figure, Figure):
            texts += figure_texts(figure)
    for action in window.findChildren(QAction):
        texts += [action.text(), action.toolTip(), action.whatsThis()]
    return [t for t in texts if isinstance(t, str) and t and not t.startswith("/")]


@pytest.fixture
def vietnamese(qapp):
    from nndesk.ui import language

    assert language.use_language("vi") == "vi"
    yield
    language.use_language("en")


def test_the_check_finds_an_english_word_but_not_a_kept_term_or_a_gloss():
    known = _vietnamese_words()
    assert english_words("kiểm định (validation), batch 128, epoch 3", known) == []
    assert english_words("validation", known) == ["validation"]
    assert english_words("0,2 std", known) == ["std"]
    assert english_words("fashion-mlp test[50] Main", known) == ["Main"]


def test_no_page_of_the_vietnamese_window_shows_an_english_word(
    qtbot, vietnamese, window_factory, stroke_classifier
):
    from tests.ui.test_layout import _ten_class_result

    # the test model's file is strokes.npz, its classes named in the file (a user's names)
    known = _vietnamese_words() | {"strokes", *STROKE_CLASSES}
    desk = window_factory(classifier=stroke_classifier, mode="garments")
    window = desk.window
    window.resize(1280, 760)
    desk.mistakes_page.set_result(_ten_class_result())
    found: dict[str, str] = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        page = window.tabs.currentWidget()
        qtbot.waitUntil(page.isVisible)
        for inner in page.findChildren(QTabWidget):
            for i in range(inner.count()):
                inner.setCurrentIndex(i)
                QApplication.processEvents()
                for text in shown_texts(window):
                    for word in english_words(text, known):
                        found.setdefault(word, text[:80])
    assert found == {}, "English words in the Vietnamese window (word: where): " + repr(found)


def test_the_race_chart_and_the_robustness_axes_speak_vietnamese(vietnamese):
    from nndesk.race_chart import RaceChart
    from nndesk.robustness import DamageExample
    from nndesk.robustness_figure import robustness_figure

    known = _vietnamese_words()
    race = RaceChart(["SGD", "Adam"], 640, 420)
    kinds = ("noise", "rotation", "shift", "occlusion")
    blank = np.zeros((28, 28), np.uint8)
    figure = robustness_figure(
        {kind: [(0.0, 0.9), (1.0, 0.5)] for kind in kinds},
        {kind: [DamageExample(blank, 0, 0), DamageExample(blank, 1, 0)] for kind in kinds},
        ["Số 0", "Số 1"],
        900,
        500,
    )
    for texts in (figure_texts(race.figure), figure_texts(figure)):
        words = [w for t in texts for w in english_words(t, known)]
        assert words == [], texts
    assert "kiểm định" in figure_texts(race.figure)


def _is_translated_argument(node: ast.Constant, parents: dict) -> bool:
    call = parents.get(node)
    if not isinstance(call, ast.Call):
        return False
    name = getattr(call.func, "attr", None) or getattr(call.func, "id", None)
    return name in ("translate", "QT_TRANSLATE_NOOP", "N_")


def test_every_file_dialog_filter_goes_through_the_translation():
    """A literal "PNG images (*.png)" handed to QFileDialog stays English in Vietnamese."""
    pattern = re.compile(r"\(\*(\.\w+)?( \*\.\w+)*\)")
    wrong = []
    for path in sorted((ROOT / "nndesk" / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                docstring = isinstance(parents.get(node), ast.Expr)
                if docstring or not pattern.search(node.value):
                    continue
                if not _is_translated_argument(node, parents):
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert wrong == [], "translate these file filters (nndesk.ui.file_filters):\n" + "\n".join(
        wrong
    )


#: where a window's or a box's title goes: the call's name -> the title's position
TITLE_ARGUMENT = {
    "setWindowTitle": 0,
    "QMessageBox": 1,  # QMessageBox(icon, title, text, ...)
    "OneBox": 1,  # OneBox(parent, title)
    **dict.fromkeys(("warning", "critical", "information", "question", "about"), 1),
    **dict.fromkeys(("getOpenFileName", "getSaveFileName", "getExistingDirectory"), 1),
    "ask_save_path": 1,  # nndesk.ui.save_dialog: the window's one save dialog
}


def _untranslated_titles(tree: ast.Module) -> list[tuple[int, str]]:
    """Literal strings handed over as a title: to Qt (TITLE_ARGUMENT) or to this module's own
    functions taking a ``title`` (a dialog's title passed down, as ``_ask_path("Export", ...)``)."""
    own = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            names = [a.arg for a in node.args.args if a.arg not in ("self", "cls")]
            if "title" in names:
                own[node.name] = names.index("title")
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        index = TITLE_ARGUMENT.get(name, own.get(name))
        titles = [node.args[index]] if index is not None and len(node.args) > index else []
        titles += [k.value for k in node.keywords if k.arg == "title"]
        found += [
            (title.lineno, ast.unparse(title))
            for title in titles
            if isinstance(title, ast.JoinedStr)
            or (isinstance(title, ast.Constant) and isinstance(title.value, str))
        ]
    return found


def test_the_check_finds_a_literal_title_handed_to_qt_or_passed_down():
    code = """
box = OneBox(self, "Training")
QMessageBox.warning(self, translate("Page", "Export failed"), message)
class Page:
    def _ask_path(self, title, name): ...
    def export(self):
        self._ask_path("Export", "a.csv")
        self._ask_path(translate("Page", "Export"), "b.csv")
"""
    assert _untranslated_titles(ast.parse(code)) == [(2, "'Training'"), (7, "'Export'")]


def test_every_window_box_and_dialog_title_goes_through_the_translation():
    """The Train page's boxes were titled "Training" and Evaluate's export dialog "Export"
    in the Vietnamese window."""
    wrong = [
        f"{path.relative_to(ROOT)}:{line}: {title}"
        for path in sorted((ROOT / "nndesk" / "ui").rglob("*.py"))
        for line, title in _untranslated_titles(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert wrong == [], "translate these titles:\n" + "\n".join(wrong)


def test_the_train_pages_message_box_is_titled_in_vietnamese(qtbot, vietnamese, tmp_path):
    panel = training_page(TrainingController(lambda name: None, RunStore(tmp_path / "runs")))
    qtbot.addWidget(panel)
    panel.show()
    panel.show_error("Ổ đĩa đã đầy.")
    assert panel.message_box().windowTitle() == "Huấn luyện"
    panel.shutdown()


def test_the_confusion_picture_exported_from_the_window_speaks_vietnamese(
    vietnamese, qtbot, tmp_path, monkeypatch
):
    """Evaluate > Export > Confusion matrix as PNG drew "Confusion matrix (test, accuracy
    92.67%)", English class names and "share of the true class" from the Vietnamese window."""
    import dataclasses

    from nndesk import export
    from nndesk.controllers.evaluation import EvaluationController
    from nndesk.data.registry import DATASETS
    from nndesk.ui.evaluation_panel import EvaluationPanel
    from tests.test_evaluation import toy_result

    figures = []
    real = export.save_figure

    def keeping(path, figure, *args, **kwargs):
        figures.append(figure)
        return real(path, figure, *args, **kwargs)

    monkeypatch.setattr(export, "save_figure", keeping)
    toy = toy_result()
    garments = DATASETS["fashion"].class_names[: toy.confusion.shape[0]]
    result = dataclasses.replace(toy, class_names=garments)
    controller = EvaluationController(lambda name: None)
    panel = EvaluationPanel(controller)
    qtbot.addWidget(panel)
    panel.show_result(result)
    panel.export("confusion_png", tmp_path / "c.png")
    controller.shutdown()
    (figure,) = figures
    texts = figure_texts(figure)
    assert "Áo thun/áo phông" in texts
    words = [w for t in texts for w in english_words(t, _vietnamese_words())]
    assert words == [], texts


def test_run_legends_and_titles_name_settings_in_the_windows_words(vietnamese, tmp_path):
    """The Runs chart's legend named what differed by the record's keys and values
    ("epochs=1", "normalize=symmetric"), and a kept race lane was "Adam (race)"."""
    from nndesk.run_titles import title_shown
    from nndesk.runs import RunStore
    from nndesk.ui.runs_legend import legend_labels

    known = _vietnamese_words()
    store = RunStore(tmp_path / "runs")
    base = {"dataset": "mnist", "arch": "784-32-10", "activation": "relu", "optimizer": "adam"}
    runs = [
        store.create({**base, "epochs": epochs, "lr": lr, "normalize": normalize})
        for epochs, lr, normalize in ((1, 0.001, "symmetric"), (2, 0.01, "unit"))
    ]
    labels = legend_labels(runs)
    assert "lr 0,001" in labels[0] and "điểm ảnh -1\u00a0đến\u00a01" in labels[0], labels
    words = [w for label in labels for w in english_words(label, known)]
    assert words == [], labels
    assert not any(mark in label for label in labels for mark in ("=", "epochs", "symmetric"))
    batches = [store.create({**base, "batch_size": n, "augment": n > 0}) for n in (0, 64)]
    labels = legend_labels(batches)
    assert english_words(" ".join(labels), known) == [], labels
    pairs = (("ce", 1), ("bce", 2))
    losses = [store.create({**base, "loss": loss, "lr": lr}) for loss, lr in pairs]
    assert legend_labels(losses) == [
        "lr 1, entropy chéo",
        "lr 2, entropy chéo nhị phân",
    ]  # whole: the loss's name says what it is (the rate first: runs_legend.ON_PURPOSE)
    shares = [store.create({**base, "val_fraction": f}) for f in (0.1, 0.5)]
    assert legend_labels(shares) == ["kiểm định 10%", "kiểm định 50%"]  # as the Train form shows it
    # the Runs table's settings cell names the choices as the Train form does
    from nndesk.ui.runs_table import settings_text

    assert "ReLU, Adam" in settings_text({**base, "lr": 0.01, "batch_size": 64})
    race = store.create(base, title="Adam (race)")
    assert title_shown(race.title, race.config) == "Adam (cuộc đua)"


def test_preset_descriptions_name_the_loss_as_the_train_form_does():
    """A Vietnamese preset description said "CE" and "BCE" where the form says "entropy chéo"."""
    from nndesk.presets import PRESETS

    sources = {str(p.description) for p in PRESETS.values()}
    messages = [m for m in translations.read_ts(ts_path("vi")) if m.source in sources]
    assert messages and any(re.search(r"\bB?CE\b", m.source) for m in messages)
    wrong = [m.translation for m in messages if re.search(r"\b(B?CE|MSE)\b", m.translation)]
    assert wrong == []


def test_the_inside_pages_arithmetic_speaks_vietnamese(vietnamese):
    """A clicked conv pixel's sum read "z = Σ patch·kernel + b" under "mảng đầu vào × nhân"."""
    import numpy as np

    from nndesk.inside import ConvPixel, DenseUnit, PoolWindow
    from nndesk.layer_words import layer_names
    from nndesk.ui.inside_math import conv_html, dense_html, next_pool_html, pool_html

    known = _vietnamese_words()
    patch = np.ones((2, 3, 3), np.float32)
    kernel = np.full((2, 3, 3), 1 / 3, np.float32)
    px = ConvPixel(1, 0, 2, 3, patch, kernel, (patch * kernel).astype(np.float64), -0.1, 5.9, ())
    pool = PoolWindow(2, 0, 1, 1, np.arange(4, dtype=np.float32).reshape(2, 2), (3, 3), 3.0)
    a = np.ones(4, np.float32)
    unit = DenseUnit(0, 1, a, a / 2, (a / 2).astype(np.float64), 0.1, 2.1, ())
    # a Dense unit was "(tầng 0 của mô hình: Dense)"
    dense = [dense_html(unit, ("0", "1"), output) for output in (True, False)]
    conv, pooling = layer_names(["Reshape", "Conv2D", "MaxPool2D", "Flatten", "Dense"])[1:3]
    texts = [
        conv_html(px, conv),
        next_pool_html(px, pool, pooling),
        pool_html(pool, pooling),
        *dense,
    ]
    plain = [re.sub(r"<[^>]+>|&nbsp;", " ", t) for t in texts]
    words = [w for t in plain for w in english_words(t, known)]
    assert words == [], plain
    assert "mảng·nhân chập" in plain[0]
    # the code's names of the layers: "Tầng 1 Conv2D", "tầng 2 MaxPool2D", "(… : Dense)"
    assert not [t for t in plain if re.search(r"Dense|Conv2D|MaxPool2D", t)], plain
    # named as the Lab and the Map name them, never the model's index (walk59 D11)
    assert "Tích chập 1, bản đồ 0" in plain[0] and "Gộp 1 (gộp cực đại)" in plain[1]
    assert plain[-2].startswith(" Đầu ra, 1 ")
    # a batch-normalised pixel's step read "BatchNorm: (…)"
    from nndesk.inside import by_hand
    from nndesk.nn.batchnorm import BatchNorm2D

    formula, _ = by_hand(BatchNorm2D(2), "BatchNorm2D", 1.5, 0, spatial=True)
    assert formula.startswith("chuẩn hoá theo batch: (1,5 − 0)"), formula


def test_the_inside_pages_element_wise_pixels_and_sigmoid_output_speak_vietnamese(vietnamese):
    """The words a ReLU/BatchNorm map's pixel, the input's pixel, a sigmoid network's output
    unit and its output panel added (walk55 D1, D3)."""
    import numpy as np

    from nndesk import inside
    from nndesk.ui.inside_math import dense_html, linear_html, map_html, sigmoid_html

    known = _vietnamese_words()
    step = inside.Step(3, "ReLU", "ReLU(1,5) = max(0; 1,5) = 1,5", 1.5)
    relu = inside.MapPixel(3, "ReLU", 0, 2, 2, 1.5, step)
    image = inside.MapPixel(0, "Reshape", 0, 2, 2, 255.0, inside.Step(0, "Reshape", "", 1.0))
    a = np.ones(4, np.float32)
    unit = inside.DenseUnit(0, 1, a, a / 2, (a / 2).astype(np.float64), 0.1, 2.1, ())
    logits = np.array([2.0, -1.0, 0.5])
    texts = [
        map_html(relu, "Tích chập 1", "Tích chập 1 ReLU"),
        map_html(image, None),
        dense_html(unit, ("0", "1"), True, output="sigmoid"),
        dense_html(unit, ("0", "1"), True, output="linear"),
        sigmoid_html(inside.sigmoid_steps(logits, 1.0), ("0", "1", "2"), 1.4),
        sigmoid_html(inside.sigmoid_steps(logits, 2.0), ("0", "1", "2")),
        linear_html(logits, ("0", "1", "2")),
    ]
    plain = [re.sub(r"<[^>]+>|&nbsp;", " ", t) for t in texts]
    words = [w for t in plain for w in english_words(t, known)]
    assert words == [], plain
    assert "Tích chập 1 ReLU, bản đồ 0" in plain[0] and "của Tích chập 1 " in plain[0], plain[0]


#: the settings' own keys that the window names otherwise ("Fashion-MNIST", "ReLU", "Adam",
#: "điểm ảnh -1 đến 1"), and the English name of a run's model: raw, in either language
RAW_KEYS = re.compile(r"(?<![\w\-/.])(fashion|mnist|relu|adam|symmetric|run)(?![\w\-/.])")


def test_the_vietnamese_window_names_runs_and_their_datasets_in_its_words(
    qtbot, vietnamese, window_factory, stroke_model_file
):
    """The Runs table's dataset column said "fashion", and a run's model was "run 2026-…"
    where the model box said "lượt chạy …"."""
    import shutil

    from nndesk import paths
    from nndesk.inference import Classifier
    from nndesk.runs import RunStore

    store = RunStore(paths.runs_dir())
    base = {"arch": "784-32-10", "activation": "relu", "optimizer": "adam", "lr": 0.001}
    records = [store.create({**base, "dataset": d, "normalize": "symmetric"}) for d in DATASETS]
    model = shutil.copy(stroke_model_file, records[0].folder / "model.npz")
    desk = window_factory(classifier=Classifier.from_file(model), mode="garments")
    window = desk.window
    window.resize(1280, 760)
    train = desk.train_page
    window.tabs.setCurrentWidget(train)
    train.tabs.setCurrentWidget(train.runs_view)
    qtbot.waitUntil(lambda: train.runs_view.table.model().rowCount() == len(records))
    found = {}
    for text in shown_texts(window):
        for raw in RAW_KEYS.findall(text):
            found.setdefault(raw, text[:80])
    assert found == {}, "raw keys in the Vietnamese window (key: where): " + repr(found)
    cells = _model_texts(train.runs_view.table)
    assert "Fashion-MNIST" in cells and "MNIST" in cells


def test_the_train_pages_inside_chart_and_coach_name_layers_in_vietnamese(vietnamese):
    """The Inside chart's legend and the dead-ReLU hint said "Dense 784→64" in Vietnamese."""
    import math

    from nndesk.coach import hints
    from nndesk.inside_plots import draw_inside
    from nndesk.run_curves import Curves
    from nndesk.training.internals import InsideRecord, InsideSample, LayerSample
    from nndesk.ui.language import translate_marked

    sample = InsideSample(1.0, (LayerSample(1.0, 1e-3, 0.95), LayerSample(1.0, 1e-3, math.nan)))
    inside = InsideRecord(["Dense 784→64", "Conv2D 1→32"], [sample])
    (hint,) = [h for h in hints(Curves(), inside, lr=0.01) if h.kind == "dead"]
    message = hint.message(lambda text: translate_marked("Coach", text))
    assert "kết nối đầy đủ 784→64" in message and "Dense" not in message, message
    figure = Figure()
    draw_inside(figure, inside)
    (legend,) = figure.legends  # the layers' key, above the charts
    labels = [t.get_text() for t in legend.get_texts()]
    assert labels == ["kết nối đầy đủ 784→64", "tích chập 1→32"], labels


def test_the_inside_pages_titles_and_headers_start_with_a_capital(qtbot, vietnamese):
    """The feature maps read "đầu vào 1×28×28" above "Tầng 1 (tích chập)", and the softmax
    table's first header "lớp"."""
    from types import SimpleNamespace

    import numpy as np

    from nndesk import inside
    from nndesk.data.normalize import Normalizer
    from nndesk.nn.architecture import build_model
    from nndesk.ui.inside_math import softmax_html
    from nndesk.ui.inside_pictures import FeatureMaps

    model = build_model("784-c4-p-10", rng=np.random.default_rng(0))
    trace = inside.trace(model, Normalizer("unit"), np.zeros((28, 28), np.float32))
    maps = FeatureMaps()
    qtbot.addWidget(maps)
    maps.set_snapshot(SimpleNamespace(maps=None, model=model, trace=trace), [])
    titles = [title for _, title, _, _ in maps._rows]  # noqa: SLF001
    assert titles[0].startswith("Đầu vào"), titles
    assert all(t[0].isupper() or t[0].isdigit() for t in titles), titles
    steps = inside.softmax_steps(trace.logits, 1.0)
    header = re.search(r"<th[^>]*>([^<]*)</th>", softmax_html(steps, tuple("0123456789")))
    assert header is not None and header.group(1) == "Lớp", header


@pytest.mark.parametrize("arch", ["784-32-10", "784-c4-p-16-10"])
def test_the_mlp_diagrams_column_titles_start_with_a_capital(qtbot, vietnamese, arch):
    """The diagram's input read "đầu vào 28×28" beside "Đầu vào 1×28×28" on a CNN's maps
    (walk w22c), its columns "ẩn 1 (32)" and "đầu ra (softmax gốc)"."""
    from types import SimpleNamespace

    import numpy as np
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    from nndesk import inside
    from nndesk.data.normalize import Normalizer
    from nndesk.nn.architecture import build_model
    from nndesk.ui.inside_diagram import paint_diagram

    class Recording(QPainter):  # what the diagram writes, as it writes it
        def __init__(self, image):
            super().__init__(image)
            self.texts = []

        def drawText(self, *args):  # noqa: N802 - Qt override
            self.texts.append(args[-1])
            super().drawText(*args)

    model = build_model(arch, rng=np.random.default_rng(0))
    trace = inside.trace(model, Normalizer("unit"), np.zeros((28, 28), np.float32))
    image = QImage(640, 360, QImage.Format.Format_ARGB32)
    painter = Recording(image)
    colours = (QColor("black"), QColor("white"), QColor("orange"))
    snap = SimpleNamespace(model=model, trace=trace)
    paint_diagram(painter, 640, 360, snap, None, colours, QFont())
    painter.end()
    # the input column's title: the image's size, or (after convolutions) the flattening
    input_title = "Đầu vào 28×28" if arch == "784-32-10" else "Làm phẳng"
    assert input_title in painter.texts, painter.texts
    assert any(t.startswith("Ẩn 1 (") for t in painter.texts), painter.texts
    assert "Đầu ra (softmax gốc)" in painter.texts, painter.texts
