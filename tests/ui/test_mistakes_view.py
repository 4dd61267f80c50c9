"""The Mistakes page: exactly the right images per cell, sorted, lazily rendered, clickable."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QObject, Qt, Signal

from nndesk.evaluation import evaluate
from nndesk.ui.language import percent
from nndesk.ui.mistakes_view import INDEX_ROLE, MistakesView
from tests.fake_classifier import FakeClassifier
from tests.test_evaluation import WRONG, toy_result
from tests.ui.conftest import shown_widget


@pytest.fixture
def view(qtbot):
    widget = shown_widget(qtbot, MistakesView(), (900, 600))
    widget.set_result(toy_result())
    return widget


def shown_indices(view) -> list[int]:
    model = view.model
    return [model.index(r, 0).data(INDEX_ROLE) for r in range(model.rowCount())]


def test_all_mistakes_shown_most_confident_first(view):
    assert shown_indices(view) == [5, 27, 13, 14, 9, 3, 22]
    result = view.result()
    conf = result.confidence[shown_indices(view)]
    assert np.all(np.diff(conf) <= 0)


def test_cell_shows_exactly_true_a_predicted_b(view):
    result = view.result()
    for a in range(4):
        for b in range(4):
            view.show_cell(a, b)
            idx = shown_indices(view)
            assert len(idx) == result.confusion[a, b]
            assert all(result.labels[i] == a and result.predictions[i] == b for i in idx)


def test_confusion_click_opens_those_images_in_the_browser(qtbot, view):
    """The real path: a click on the Evaluate page's matrix feeds the browser's show_cell."""
    from nndesk.ui.confusion_view import ConfusionView

    matrix = shown_widget(qtbot, ConfusionView(), (500, 450))
    result = view.result()
    matrix.set_matrix(result.confusion, result.class_names)
    matrix.cell_clicked.connect(view.show_cell)
    qtbot.waitUntil(matrix.current, timeout=60_000)  # drawn off the GUI thread
    qtbot.mouseClick(matrix.canvas, Qt.MouseButton.LeftButton, pos=matrix.cell_center(1, 2))
    assert sorted(shown_indices(view)) == [5, 9, 13]
    assert shown_indices(view) == [5, 13, 9]  # by confidence: 0.95, 0.80, 0.60


def test_sort_by_index_and_filters_from_the_combos(view):
    view.sort_combo.setCurrentIndex(view.sort_combo.findData("index"))
    assert shown_indices(view) == sorted(WRONG)
    view.pred_combo.setCurrentIndex(view.pred_combo.findData(0))
    assert shown_indices(view) == [3, 14, 22]
    view.true_combo.setCurrentIndex(view.true_combo.findData(2))
    assert shown_indices(view) == [14, 22]


def test_clicking_a_tile_shows_its_probabilities(qtbot, view):
    view.show_cell(3, 1)  # only image 27
    rect = view.grid.visualRect(view.model.index(0, 0))
    qtbot.mouseClick(view.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.current_index() == 27
    np.testing.assert_allclose(
        view.answer.bars.probabilities(), view.result().probabilities[27], rtol=1e-6
    )
    assert "27" in view.caption.text()


def calibrated_result(temperature: float = 2.0):
    """``toy_result`` as a model with a fitted temperature: image 3's raw 0.55 has one close
    runner-up and image 9's 0.60 is spread over the other classes; scaling by T = 2 flattens
    a spread more, so it puts 3 above 9 although its raw confidence is lower."""
    import dataclasses

    result = toy_result()
    p = result.probabilities.astype(np.float64).copy()
    p[3] = (0.55, 0.0005, 0.0005, 0.449)  # predicted 0, "three" close behind
    p[9] = (0.4 / 3, 0.4 / 3, 0.60, 0.4 / 3)  # predicted 2
    return dataclasses.replace(
        result,
        probabilities=p.astype(np.float32),
        logits=np.log(p).astype(np.float32),
        temperature=temperature,
        output="softmax",
    )


def test_tiles_and_bars_show_the_calibrated_probabilities_with_the_raw_one_click_away(qtbot, view):
    """As on the canvas: the model's temperature (info.calibration) applies to the tiles, their
    order, their tooltips and the bars; "Raw probabilities" shows the model's own numbers."""
    result = calibrated_result()
    view.set_result(result)
    raw, calibrated = result.confidence, result.calibrated_confidence
    assert raw[3] < raw[9] and calibrated[3] > calibrated[9]  # the case this test needs
    order = shown_indices(view)
    assert order.index(3) < order.index(9)
    assert np.all(np.diff(calibrated[order]) <= 0)
    row = order.index(3)
    tip = view.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert percent(calibrated[3], 1) in tip and percent(raw[3], 1) not in tip

    view.select_row(row)
    assert view.current_index() == 3
    shown = view.answer.bars.probabilities()
    np.testing.assert_allclose(shown, result.calibrated[3], rtol=1e-5)
    expected = np.sqrt(result.probabilities[3]) / np.sqrt(result.probabilities[3]).sum()
    np.testing.assert_allclose(shown, expected, rtol=1e-4)  # softmax(log p / 2)
    view.answer.raw_box.setChecked(True)
    np.testing.assert_allclose(view.answer.bars.probabilities(), result.probabilities[3])
    view.answer.raw_box.setChecked(False)


def test_put_on_canvas_emits_the_image_and_its_true_label(qtbot, view):
    view.show_cell(2, 0)
    view.select_row(1)
    i = view.current_index()
    shown: list[int] = []
    view.test_image_shown.connect(lambda i, name: shown.append(i))  # the window's "Test #" follows
    with qtbot.waitSignal(view.show_on_canvas_requested, timeout=1000) as blocker:
        qtbot.mouseClick(view.canvas_button, Qt.MouseButton.LeftButton)
    image, label = blocker.args
    assert shown == [i]
    assert image.shape == (28, 28) and image.dtype == np.float32
    np.testing.assert_array_equal(image, view.result().images[i])
    assert label == 2


class AlwaysWrong(FakeClassifier):
    """Answers class label + 1 for every image; pixel (0, 1) holds the label, (0, 0) sets the
    confidence."""

    class_names = ("a", "b", "c", "d")

    def probabilities(self, images28):
        images28 = np.asarray(images28)
        label = images28[:, 0, 1].astype(np.int64)
        conf = 0.5 + images28[:, 0, 0] / 600.0
        probs = np.repeat(((1 - conf) / 3)[:, None], 4, axis=1).astype(np.float32)
        probs[np.arange(len(label)), (label + 1) % 4] = conf
        return probs


def test_grid_renders_tiles_lazily_for_thousands_of_mistakes(qtbot):
    n = 3000
    labels = (np.arange(n) % 4).astype(np.int64)
    images = np.zeros((n, 28, 28), np.uint8)
    images[:, 0, 1] = labels
    images[:, 0, 0] = np.arange(n) % 256
    result = evaluate(AlwaysWrong(), images, labels, batch_size=1000)
    assert result.n_mistakes == n
    view = shown_widget(qtbot, MistakesView(), (900, 600))
    view.set_result(result)
    view.grid.viewport().grab()
    assert view.model.rowCount() == n
    assert 0 < view.model.rendered < 100  # only the tiles in sight
    view.grid.scrollToBottom()
    view.grid.viewport().grab()
    assert view.model.rendered < 200
    bottom = view.grid.indexAt(view.grid.viewport().rect().center())
    assert bottom.row() > n - 100  # the tiles drawn last are the ones at the end


def _toy_classifier_result(seed=3):
    from nndesk.data.normalize import Normalizer
    from nndesk.inference import Classifier
    from nndesk.nn.architecture import build_model

    rng = np.random.default_rng(seed)
    clf = Classifier(
        build_model("784-16-10", rng=rng), Normalizer("unit"), tuple("0123456789"), "digits", "toy"
    )
    images = rng.integers(0, 256, size=(60, 28, 28), dtype=np.uint8)
    labels = rng.integers(0, 10, size=60).astype(np.int64)
    return clf, evaluate(clf, images, labels)


@pytest.fixture
def prediction(qtbot):
    from nndesk.controllers.prediction import PredictionController

    ctl = PredictionController()
    yield ctl
    ctl.shutdown()


def test_tile_click_shows_saliency_of_the_predicted_or_true_class(qtbot, prediction):
    """The page asks the prediction controller for the map and shows the answer it gets."""
    from nndesk.explain import saliency

    clf, result = _toy_classifier_result()
    view = MistakesView()
    qtbot.addWidget(view)
    view.saliency_requested.connect(prediction.request_saliency)
    prediction.saliency_ready.connect(view.show_saliency)
    prediction.set_saliency_kind("gradient")
    with qtbot.waitSignal(prediction.saliency_ready):
        view.set_result(result)
    i = view.current_index()
    images, labels = result.images, result.labels
    assert i is not None and result.predictions[i] != labels[i]
    expected = saliency(
        clf.model, clf.normalizer, images[i], int(result.predictions[i]), "gradient"
    )
    np.testing.assert_allclose(view.current_saliency(), expected, rtol=1e-5, atol=1e-6)
    with qtbot.waitSignal(prediction.saliency_ready):
        view.saliency_target.setCurrentIndex(view.saliency_target.findData("true"))
    expected = saliency(clf.model, clf.normalizer, images[i], int(labels[i]), "gradient")
    np.testing.assert_allclose(view.current_saliency(), expected, rtol=1e-5, atol=1e-6)
    view.saliency_box.setChecked(False)
    assert view.current_saliency() is None


def test_an_answer_for_an_image_no_longer_shown_is_ignored(qtbot):
    _, result = _toy_classifier_result()
    view = MistakesView()
    qtbot.addWidget(view)
    asked = []
    view.saliency_requested.connect(lambda key, *_: asked.append(key))
    view.set_result(result)
    view.select_row(1)
    assert len(asked) == 2
    view.show_saliency(asked[0], np.ones((28, 28), np.float32))  # the first tile's, too late
    assert view.current_saliency() is None
    view.show_saliency(asked[1], np.ones((28, 28), np.float32))
    assert view.current_saliency() is not None


def test_before_any_evaluation_the_empty_bars_name_the_modes_classes(window_factory):
    from nndesk.data.registry import DATASETS

    desk = window_factory(mode="garments")
    bars = desk.mistakes_page.answer.bars
    assert bars.class_names() == DATASETS["fashion"].class_names
    desk.window.set_mode("digits")
    assert bars.class_names() == DATASETS["mnist"].class_names


def test_tiles_are_redrawn_in_the_new_themes_colours_after_a_switch(
    qtbot, qapp, view, restore_theme
):
    """Tiles cached in light colours kept them on dark (1.8:1); a switch must redraw them."""
    from PySide6.QtGui import QColor

    from nndesk.ui import theme

    def muted_pixels(colours) -> int:
        image = view.model.index(0, 0).data(Qt.ItemDataRole.DecorationRole).toImage()
        muted = QColor(colours.muted).rgb()
        return sum(
            image.pixel(x, y) == muted for x in range(image.width()) for y in range(image.height())
        )

    theme.apply_theme(qapp, "light")
    view.set_result(toy_result())
    assert muted_pixels(theme.LIGHT) > 0
    theme.apply_theme(qapp, "dark")
    assert muted_pixels(theme.DARK) > 0 and muted_pixels(theme.LIGHT) == 0


@pytest.mark.parametrize("width", [620, 640, 660, 720])
def test_the_details_column_shows_its_vietnamese_words_whole(qtbot, width):
    """In Vietnamese the details ran past the window's edge at 1280x760 ("Hiện bản đồ nổi
    bật" and the percentages were cut)."""
    from nndesk.ui import language

    language.use_language("vi")
    try:
        details_fit(qtbot, width)
    finally:
        language.use_language("en")


def details_fit(qtbot, width):
    import dataclasses

    # about the page's share of a 1280-px window
    widget = shown_widget(qtbot, MistakesView(), (width, 640))
    names = ("Áo thun/áo phông", "Áo len chui đầu", "Giày thể thao", "Bốt cổ ngắn")
    widget.set_result(dataclasses.replace(toy_result(), class_names=names))
    widget.select_row(0)
    column = widget.details.widget()
    qtbot.waitUntil(lambda: widget.details.viewport().width() >= column.minimumSizeHint().width())
    right = widget.details.mapTo(widget, widget.details.rect().topRight()).x()
    assert right <= widget.width()


class _DrivenEvaluation(QObject):
    """The EvaluationController's signals, driven by the test; it holds no result."""

    started = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    busy = False  # EvaluationController.busy: an evaluation under way

    def result(self):
        return None

    def ensure_current(self):
        pass


def test_a_new_models_evaluation_clears_the_last_models_mistakes_and_says_so(qtbot):
    """The walk: while a digit model was evaluated the page went on showing the Fashion
    run's mistakes (under the new model's name in the status bar) until it finished."""
    evaluation = _DrivenEvaluation()
    view = MistakesView(evaluation)
    qtbot.addWidget(view)
    old = toy_result()
    evaluation.finished.emit(old)
    assert shown_indices(view) == [5, 27, 13, 14, 9, 3, 22]
    evaluation.started.emit(old.classifier)  # the same model again: its tiles stay
    assert len(shown_indices(view)) == 7

    evaluation.started.emit(object())  # another model
    assert view.model.rowCount() == 0 and view.result() is None
    assert "Evaluating the new model" in view.summary.text()
    new = toy_result(wrong={3: (0, 0.9)})
    evaluation.finished.emit(new)
    assert shown_indices(view) == [3] and "Evaluating" not in view.summary.text()

    evaluation.started.emit(object())
    evaluation.failed.emit("no test set")  # the Evaluate page says why
    assert view.summary.text() == "Evaluate a model to browse its mistakes."


def test_a_page_with_no_mistakes_yet_says_they_are_coming_while_its_model_is_evaluated(qtbot):
    """walk60 D7h: the coach's "See Shirt's mistakes" after a run opened the page on "Evaluate
    a model to browse its mistakes." for the whole evaluation it had started."""
    evaluation = _DrivenEvaluation()
    view = MistakesView(evaluation)
    qtbot.addWidget(view)
    assert view.summary.text() == "Evaluate a model to browse its mistakes."
    evaluation.busy = True
    evaluation.started.emit(object())
    assert "Evaluating the new model" in view.summary.text()
    view.sort_combo.setCurrentIndex(1 - view.sort_combo.currentIndex())  # a filter read again
    assert "Evaluating the new model" in view.summary.text()
    evaluation.busy = False
    evaluation.finished.emit(toy_result())
    assert "Evaluating" not in view.summary.text() and view.model.rowCount() > 0


def test_a_tiles_confidence_has_the_bars_decimal(qtbot, view, monkeypatch):
    """The tiles wrote "0 55%" where the bars and the tooltip of the same image said 55.4%:
    probabilities are written to one decimal on every page, the tiles too."""
    from nndesk.ui import mistakes_view

    drawn: list[str] = []
    draw = mistakes_view._draw_caption

    def recorded(painter, text, box, bold) -> None:
        drawn.append(text)
        draw(painter, text, box, bold)

    monkeypatch.setattr(mistakes_view, "_draw_caption", recorded)
    result = calibrated_result()
    view.set_result(result)
    row = shown_indices(view).index(3)
    view.model.index(row, 0).data(Qt.ItemDataRole.DecorationRole)  # renders the tile
    shown = percent(result.calibrated_confidence[3], 1)
    assert shown[-3] == "." and drawn[0] == f"zero {shown}", drawn  # "zero 50.9%"
    tip = view.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert shown in tip


def test_a_sigmoid_models_runner_up_says_its_scores_are_independent(qtbot, view):
    """A sigmoid's scores are each class's own (4 at 100 %, 8 at 84.8 %): the runner-up line
    says "independent scores" as the canvas's does, not a margin between shares (walk55 D3)."""
    import dataclasses

    result = toy_result()
    p = result.probabilities.astype(np.float64).copy()
    p[27] = (0.05, 0.848, 0.02, 0.999)  # two classes high at once: a sigmoid's answer
    sigmoid = dataclasses.replace(
        result,
        probabilities=p.astype(np.float32),
        logits=np.log(p / (1 - p)).astype(np.float32),
        output="sigmoid",
    )
    view.set_result(sigmoid)
    view.show_cell(3, 1)  # only image 27
    view.select_row(0)
    assert view.current_index() == 27
    text = view.answer.runner_up_label.text()
    assert "independent scores" in text and "margin" not in text
    view.set_result(result)  # a softmax's: the margin, as before
    view.show_cell(3, 1)
    view.select_row(0)
    assert "margin" in view.answer.runner_up_label.text()


def test_the_bars_name_the_new_models_classes_while_it_is_evaluated(qtbot):
    """dialogs59 (seen in the window): switched to Clothing on Mistakes, the page said it was
    evaluating the new model and its empty bars went on naming the digits 0-9 until the
    evaluation ended. They name the new model's classes from its start, and the filters offer
    them; a model that names none leaves the page's own."""
    from nndesk.data.registry import FASHION

    class Garments:
        class_names = FASHION.class_names

    evaluation = _DrivenEvaluation()
    view = shown_widget(qtbot, MistakesView(evaluation), (900, 600))
    digits = toy_result()
    evaluation.finished.emit(digits)
    assert view.answer.bars.class_names() == tuple(digits.class_names)
    evaluation.started.emit(Garments())
    assert view.result() is None and "Evaluating the new model" in view.summary.text()
    assert view.answer.bars.class_names() == tuple(FASHION.class_names)
    items = [view.true_combo.itemText(i) for i in range(view.true_combo.count())]
    assert items == ["Any", *FASHION.class_names]
    evaluation.finished.emit(digits)
    evaluation.started.emit(object())  # no class names: the last ones stay, no error
    assert view.answer.bars.class_names() == tuple(digits.class_names)


def test_the_empty_details_never_ask_for_a_drawing(qtbot):
    """The details of no image said the canvas's "Draw something" under "Click an image to
    see what the model answered" (seen at 1024x700): nothing is drawn on this page."""
    view = shown_widget(qtbot, MistakesView(), (900, 600))
    assert view.answer.placeholder_label.text() == "No image chosen"
    view.set_result(toy_result())
    view.set_result(None)
    assert view.answer.placeholder_label.text() == "No image chosen"
