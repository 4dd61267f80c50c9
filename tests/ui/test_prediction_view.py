"""The 28x28 preview, the probability bars, the answer panel and the Why page, checked by pixels."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtGui import QColor

from nndesk.explain import Explanation
from nndesk.inference import Prediction
from nndesk.ui.input_preview import InputPreview
from nndesk.ui.prediction_view import PredictionPanel
from nndesk.ui.probability_bars import ProbabilityBars
from nndesk.ui.why_view import WhyView
from tests.ui.conftest import exposed, shown_widget

NAMES = tuple(f"class {i}" for i in range(10))


def prediction(probs, names=NAMES) -> Prediction:
    probs = np.asarray(probs, np.float32)
    label = int(np.argmax(probs))
    return Prediction(probs, np.zeros((28, 28), np.float32), label, names[label])


def grab_rgb(widget) -> np.ndarray:
    image = widget.grab().toImage()
    return np.array(
        [
            [QColor(image.pixel(x, y)).getRgb()[:3] for x in range(image.width())]
            for y in range(image.height())
        ],
        dtype=np.int32,
    )


@pytest.fixture
def preview(qtbot):
    widget = InputPreview(cell=7)
    qtbot.addWidget(widget)
    widget.resize(widget.sizeHint())
    return widget


def test_the_preview_shows_each_input_pixel_as_a_flat_square(preview):
    image = np.zeros((28, 28), np.float32)
    image[3, 5] = 255.0
    image[20, 10] = 128.0
    preview.set_image(image)
    rgb = grab_rgb(preview)
    centre = lambda r, c: rgb[r * 7 + 3, c * 7 + 3]  # noqa: E731
    assert tuple(centre(3, 5)) == (255, 255, 255)
    assert tuple(centre(20, 10)) == (128, 128, 128)  # nearest neighbour: no blur
    assert tuple(centre(3, 6)) == (0, 0, 0)  # the neighbour stays black
    # a faint grid line between cells: neither the black nor the white of the pixels
    assert 0 < rgb[3 * 7 + 3, 6 * 7][0] < 128


def test_the_saliency_overlay_colours_the_preview_only_when_switched_on(preview):
    image = np.full((28, 28), 60.0, np.float32)
    saliency = np.zeros((28, 28), np.float32)
    saliency[10, 10] = 1.0  # pushes for the class: red
    saliency[15, 15] = -1.0  # pushes against it: blue
    preview.set_image(image)
    preview.set_saliency(saliency)
    plain = grab_rgb(preview)
    preview.set_overlay_visible(True)
    over = grab_rgb(preview)
    red = over[10 * 7 + 3, 10 * 7 + 3]
    blue = over[15 * 7 + 3, 15 * 7 + 3]
    assert red[0] > red[2] + 80 and blue[2] > blue[0] + 80
    assert np.array_equal(plain[10 * 7 + 3, 10 * 7 + 3], [60, 60, 60])
    assert np.array_equal(over[3, 3], plain[3, 3])  # zero saliency leaves the pixel alone


def test_the_top_bar_is_highlighted_and_bar_lengths_follow_probabilities(qtbot):
    bars = ProbabilityBars()
    qtbot.addWidget(bars)
    bars.set_class_names(NAMES)
    bars.resize(400, bars.sizeHint().height())
    probs = np.array([0.05, 0.6, 0.3, 0.05, 0, 0, 0, 0, 0, 0], np.float32)
    bars.set_probabilities(probs)
    rgb = grab_rgb(bars)
    highlight = np.array(bars.palette().highlight().color().getRgb()[:3])

    def row_hits(i):
        y = 2 + i * bars.ROW + bars.ROW // 2
        return int((np.abs(rgb[y] - highlight).sum(axis=1) < 30).sum())

    assert row_hits(1) > 100  # the 60% bar, in the highlight colour
    assert all(row_hits(i) == 0 for i in range(10) if i != 1)
    assert np.array_equal(bars.probabilities(), probs)


def test_the_bars_say_when_they_painted_so_the_worker_can_explain_after(qtbot):
    bars = ProbabilityBars()
    qtbot.addWidget(bars)
    bars.set_class_names(NAMES)
    bars.resize(400, bars.sizeHint().height())
    with qtbot.waitSignal(bars.painted, timeout=5_000):
        bars.grab()


def test_in_a_narrow_column_each_bar_goes_under_its_name_and_keeps_its_length(qtbot):
    long_names = (
        *("Áo thun/áo phông", "Quần dài", "Áo len chui đầu", "Váy", "Áo khoác"),
        *("Dép xăng-đan", "Áo sơ mi", "Giày thể thao", "Túi xách", "Bốt cổ ngắn"),
    )
    bars = ProbabilityBars()
    qtbot.addWidget(bars)
    bars.set_class_names(long_names)
    bars.show()
    bars.resize(400, bars.sizeHint().height())
    assert not bars.is_stacked()  # wide: name | bar | percentage on one line
    bars.resize(200, bars.sizeHint().height())  # the drawing column at 1024 px
    assert bars.is_stacked()
    bars.resize(200, bars.sizeHint().height())  # stacked rows are taller: its new size hint
    assert bars.bar_rect(0).width() >= 180  # the whole width, not what the names leave
    probs = np.array([0.612, 0.368, 0.02, 0, 0, 0, 0, 0, 0, 0], np.float32)
    bars.set_probabilities(probs)
    rgb = grab_rgb(bars)
    highlight = np.array(bars.palette().highlight().color().getRgb()[:3])
    track = bars.bar_rect(0)
    y = int(track.center().y())
    lit = int((np.abs(rgb[y] - highlight).sum(axis=1) < 30).sum())
    assert lit == pytest.approx(0.612 * track.width(), abs=4)  # 61.2% of the bar, in colour
    last = bars.bar_rect(9)
    assert last.bottom() <= bars.height()  # every row drawn inside the widget


def test_the_panel_shows_the_answer_its_probability_and_the_runner_up(qtbot):
    panel = PredictionPanel()
    qtbot.addWidget(panel)
    panel.set_class_names(NAMES)
    panel.set_prediction(prediction([0.05, 0.6, 0.3, 0.05, 0, 0, 0, 0, 0, 0]))
    assert panel.top_label.text() == "class 1"
    assert panel.confidence_label.text() == "60.0%"
    assert "class 2" in panel.runner_up_label.text()
    assert "margin 30.0 points" in panel.runner_up_label.text()


def test_the_runner_ups_margin_is_the_difference_of_the_figures_shown(qtbot):
    """walk66 #7: "6 100.0%" beside "Runner-up: 5 0.0% (margin 99.9 points)": the shown
    figures subtract to 100.0, and a student asks which is wrong."""
    panel = PredictionPanel()
    qtbot.addWidget(panel)
    panel.set_class_names(NAMES)
    probs = np.full(10, 0.0000125, np.float32)
    probs[6], probs[5] = 0.9996, 0.0003  # 100.0% and 0.0% shown; margin 99.93
    panel.set_prediction(prediction(probs))
    assert panel.confidence_label.text() == "100.0%"
    line = panel.runner_up_label.text()
    assert "class 5</b> 0.0%" in line and "margin 100.0 points" in line, line


@pytest.mark.parametrize("output", ["sigmoid", "softmax"])
def test_a_sigmoid_outputs_bars_are_said_to_be_each_classs_own_score(qtbot, output):
    """walk49 D16: a sigmoid model read a 7 as "86.6 %" with a 3 at "35.7 %", more than 100 %
    in all, and nothing said why. Its runner-up line says the scores are independent (as
    ``nndesk predict`` does) and the bars' tooltip explains; a softmax's line keeps its margin."""
    from nndesk.inference import Classifier
    from nndesk.nn.architecture import build_model

    model = build_model("784-8-10", output=output, rng=np.random.default_rng(0))
    info = {"class_names": list(NAMES), "normalization": {"kind": "unit"}}
    clf = Classifier.from_info(model, info)
    answer = clf.classify_prepared(np.random.default_rng(1).uniform(0, 255, (28, 28)))
    panel = PredictionPanel()
    qtbot.addWidget(panel)
    panel.set_class_names(NAMES)
    panel.set_not_sure_threshold(99)  # "Not sure": the two best guesses
    panel.set_prediction(answer)
    guesses = panel.runner_up_label.text()
    panel.set_not_sure_threshold(0)  # the answer and the runner-up
    line = panel.runner_up_label.text()
    if output == "sigmoid":
        assert answer.independent and line.endswith("(independent scores)")
        assert " or " in guesses and guesses.endswith("(independent scores)")
        assert "need not add up to 100%" in panel.bars.toolTip()
    else:
        assert not answer.independent and "margin" in line and "independent" not in line
        assert " or " in guesses and "independent" not in guesses
        assert "softmax" in panel.bars.toolTip() and "need not" not in panel.bars.toolTip()


@pytest.mark.parametrize("names", [NAMES, tuple(str(d) for d in range(10))])
@pytest.mark.parametrize("width", [140, 148, 195])
def test_the_sigmoid_wording_keeps_the_runner_up_lines_height(qtbot, names, width):
    """The line reserves the height of its tallest text, the sigmoid's among them: a longer
    wording ("each class scored alone") took a third line at 1024 px and moved every model's
    bars down, where a 1024x700 window has no line to spare."""
    panel = PredictionPanel()
    qtbot.addWidget(panel)
    panel.set_class_names(names)
    label = panel.runner_up_label
    softmax = label.reserved_height(width)
    probs = np.full(10, 0.3, np.float32)
    probs[1] = 0.9
    panel.set_prediction(dataclasses.replace(prediction(probs, names), independent=True))
    with_sigmoid = label.reserved_height(width)
    assert any("independent" in t for t in label._reserved)
    assert softmax == with_sigmoid  # English: the sigmoid's line keeps the height
    label.set_reserved_texts(t for t in label._reserved if "independent" not in t)
    assert label.reserved_height(width) == with_sigmoid


def test_the_panel_marks_a_test_image_answer_right_or_wrong(qtbot):
    panel = PredictionPanel()
    qtbot.addWidget(panel)
    panel.set_class_names(NAMES)
    panel.set_true_label(2)
    panel.set_prediction(prediction([0.1, 0.7, 0.2, 0, 0, 0, 0, 0, 0, 0]))
    assert "class 2" in panel.true_label.text() and "wrong" in panel.true_label.text()
    panel.set_prediction(prediction([0.1, 0.2, 0.7, 0, 0, 0, 0, 0, 0, 0]))
    assert "correct" in panel.true_label.text()
    panel.set_prediction(None, "Draw a digit 0-9")
    assert panel.top_label.text() == "–" and panel.placeholder_label.text() == "Draw a digit 0-9"


def test_the_why_page_explains_with_runner_up_and_shows_hidden_units(qtbot, tiny_model_file):
    from nndesk.inference import Classifier

    clf = Classifier.from_file(tiny_model_file)
    view = WhyView()
    qtbot.addWidget(view)
    view.show()
    view.set_classifier(clf)
    units = [(u, 1.0 - u / 10, np.zeros((28, 28), np.float32)) for u in range(5)]
    pred = prediction([0.05, 0.6, 0.3, 0.05, 0, 0, 0, 0, 0, 0], clf.class_names)
    view.set_prediction(pred)
    with qtbot.waitSignal(view.explanation_shown):  # shown after the bars, from the event loop
        view.set_explanation(
            Explanation(1, np.ones((28, 28), np.float32), "gradient", 2, 0.3, units)
        )
    text = view.summary.text()
    assert "<b>1</b> with 60.0%" in text and "<b>2</b> with 30.0%" in text
    assert "30.0</b> percentage points" in text
    assert [t.isVisible() for t in view.tiles] == [True] * 5 + [False] * 3
    assert "unit 3" in view.tiles[3].caption.text()
    with qtbot.waitSignal(view.saliency_kind_changed) as blocker:
        view.set_saliency_kind("gradient")
    assert blocker.args == ["gradient"]
    assert "The overlay shows gradient for" in view.summary.text()
    view.set_saliency_kind("smoothgrad")  # a method's name keeps its capitals
    assert "The overlay shows SmoothGrad for" in view.summary.text()


def test_the_why_page_says_cnns_have_no_unit_pictures(qtbot):
    from nndesk.data.normalize import Normalizer
    from nndesk.inference import Classifier
    from nndesk.nn.architecture import build_model

    cnn = build_model("784-c4-p-10", rng=np.random.default_rng(0))
    info = {
        "class_names": list(NAMES),
        "normalization": Normalizer("unit").to_dict(),
        "preprocess": "digits",
    }
    view = WhyView()
    qtbot.addWidget(view)
    view.set_classifier(Classifier.from_info(cnn, info))
    assert "CNN" in view.units_note.text()


def test_under_the_threshold_the_panel_says_not_sure_with_the_two_best_guesses(qtbot):
    panel = PredictionPanel()
    qtbot.addWidget(panel)
    panel.set_class_names(NAMES)
    panel.set_not_sure_threshold(60)
    panel.set_prediction(prediction([0.05, 0.45, 0.35, 0.15, 0, 0, 0, 0, 0, 0]))
    assert panel.is_not_sure() and panel.top_label.text() == "Not sure"
    # the two guesses on the runner-up's line, which they replace; nothing beside "Not sure"
    assert panel.runner_up_label.text() == "<b>class 1</b> 45.0% or <b>class 2</b> 35.0%"
    assert panel.confidence_label.text() == "" and panel.kind_label.isHidden()
    panel.set_not_sure_threshold(40)  # the user lowers it: the answer is given
    assert not panel.is_not_sure() and panel.top_label.text() == "class 1"
    panel.set_not_sure_threshold(0)
    panel.set_prediction(prediction([0.1] * 10))
    assert panel.top_label.text() == "class 0"


def test_not_sure_guesses_say_the_figures_of_their_bars_in_vietnamese(qtbot):
    """Under a 99 % threshold a "4" read 98,5 % said "4 99% hoặc 7 1%" over bars of 98,5% and
    1,5%: one number, two readings."""
    from nndesk.ui import language

    language.use_language("vi")
    try:
        panel = PredictionPanel()
        qtbot.addWidget(panel)
        panel.set_class_names(tuple(str(i) for i in range(10)))
        panel.set_not_sure_threshold(99)
        probs = np.zeros(10, np.float32)
        probs[4], probs[7] = 0.985, 0.015
        panel.set_prediction(prediction(probs, panel.bars.class_names()))
        assert panel.is_not_sure()
        assert panel.runner_up_label.text() == "<b>4</b> 98,5% hoặc <b>7</b> 1,5%"
    finally:
        language.use_language("en")


def test_not_sure_after_a_short_answer_is_fitted_to_its_own_room_at_once(qtbot):
    """ "Not sure" after "7" was fitted to "7"'s width, shrunk to 8 pt and drawn cut as "Not"
    until the next layout pass (walk48 D5): the new text fits as soon as it is set."""
    from PySide6.QtGui import QFontMetrics

    digits = tuple(str(i) for i in range(10))
    panel = PredictionPanel()
    qtbot.addWidget(panel)
    panel.set_class_names(digits)
    panel.set_not_sure_threshold(60)
    panel.resize(300, 500)
    exposed(qtbot, panel)
    label = panel.top_label
    panel.set_prediction(prediction([0.02] * 7 + [0.86, 0, 0], digits))
    qtbot.waitUntil(lambda: label.width() < 60)  # laid out for "7"
    for probs, text in (
        ([0.05, 0.45, 0.35, 0.15, 0, 0, 0, 0, 0, 0], "Not sure"),
        ([0.02] * 7 + [0.86, 0, 0], "7"),
        ([0.05, 0.45, 0.35, 0.15, 0, 0, 0, 0, 0, 0], "Not sure"),
    ):
        panel.set_prediction(prediction(probs, digits))  # no layout pass in between
        assert label.text() == text
        whole = QFontMetrics(label.font()).horizontalAdvance(text)
        assert whole <= label.contentsRect().width(), (text, whole, label.width())
        # 300 px holds it in the answer's own big type: nothing had to shrink
        assert label.font().pointSizeF() == label.base_font().pointSizeF()


def test_the_bars_show_calibrated_probabilities_and_the_raw_ones_on_a_click(qtbot):
    panel = PredictionPanel()
    qtbot.addWidget(panel)
    panel.set_class_names(NAMES)
    calibrated = np.array([0.1, 0.7, 0.2, 0, 0, 0, 0, 0, 0, 0], np.float32)
    raw = np.array([0.0, 1.0, 0.0, 0, 0, 0, 0, 0, 0, 0], np.float32)
    panel.set_prediction(Prediction(calibrated, np.zeros((28, 28), np.float32), 1, NAMES[1], raw))
    assert np.array_equal(panel.bars.probabilities(), calibrated)
    assert panel.confidence_label.text() == "70.0%"
    # the figure says which probability it is, and where the Inside page shows both
    assert panel.kind_label.text() == "calibrated" and not panel.kind_label.isHidden()
    assert "softmax → calibrated" in panel.kind_label.toolTip()
    panel.raw_box.click()
    assert np.array_equal(panel.bars.probabilities(), raw)
    assert panel.confidence_label.text() == "100.0%"
    assert panel.kind_label.text() == "raw"
    panel.raw_box.click()
    assert np.array_equal(panel.bars.probabilities(), calibrated)
    # a model without a fitted temperature: its probabilities are the raw ones, said so
    panel.set_prediction(Prediction(raw, np.zeros((28, 28), np.float32), 1, NAMES[1], raw))
    assert panel.kind_label.text() == "raw"


def test_the_inside_softmax_note_names_the_temperature_of_the_calibrated_answer(qtbot):
    from nndesk import inside
    from nndesk.ui.inside_math import softmax_html

    logits = np.array([1.0, 3.0, 0.5], np.float32)
    steps = inside.softmax_steps(logits, 1.0)
    names = ("a", "b", "c")
    assert "T = 1 is what the model answers" in softmax_html(steps, names)
    note = softmax_html(steps, names, calibrated_t=1.37)
    assert "T = 1 gives the network's softmax" in note and "calibrated T = 1.37" in note
    # logits -> softmax -> calibrated: the calibrated column is softmax(z / 1.37), bold at b
    assert "calibrated (T = 1.37)" in note
    p = np.exp(logits / 1.37) / np.exp(logits / 1.37).sum()
    assert all(f"{100 * v:.1f}%" in note for v in p)
    assert "calibrated (T" not in softmax_html(steps, names)  # no temperature, no column


def test_the_not_sure_threshold_is_remembered_and_a_bad_stored_value_reads_as_unset():
    from nndesk import preferences

    assert preferences.not_sure_threshold() == preferences.NOT_SURE_DEFAULT
    preferences.set_not_sure_threshold(75)
    assert preferences.not_sure_threshold() == 75
    assert preferences.flush()  # on disk: the bad values below are written over it there
    for bad in ("lots", "-5", "100", "1e9", "", "[1]"):
        preferences.settings().setValue("ui/not_sure", bad)
        assert preferences.not_sure_threshold() == preferences.NOT_SURE_DEFAULT
    preferences.set_not_sure_threshold(500)  # out of range: not stored
    assert preferences.not_sure_threshold() == preferences.NOT_SURE_DEFAULT


def test_in_a_narrow_column_the_answer_takes_its_own_line_and_shows_whole(qtbot):
    """Probe of this stop: "Bốt cổ ngắn" beside "100,0 % đã hiệu chỉnh" was cut at 1024 px
    (the big type shrinks only so far); the percentage now goes under the answer there."""
    from nndesk.data.registry import DATASETS

    names = DATASETS["fashion"].class_names
    panel = PredictionPanel()
    qtbot.addWidget(panel)
    panel.set_class_names(names)
    panel.resize(154, 500)  # the column a 1024x700 window leaves
    panel.show()
    qtbot.waitUntil(panel.isVisible)
    assert panel.head_is_stacked()
    top = panel.top_label
    for k in range(len(names)):
        probs = np.full(10, 0.01, np.float32)
        probs[k] = 0.91
        panel.set_prediction(prediction(probs, names))
        qtbot.waitUntil(lambda: top.width() > 0)
        assert top.fontMetrics().horizontalAdvance(top.text()) <= top.contentsRect().width()
        number = panel.confidence_label
        assert number.mapTo(panel, number.rect().topLeft()).y() >= top.geometry().bottom()
    assert panel.head_is_stacked()  # whichever the answer: the arrangement never flips
    assert not panel.confidence_label.isHidden()
    bars_top = panel.bars.y()
    panel.set_not_sure_threshold(60)
    probs = np.full(10, 0.2 / 8, np.float32)
    probs[0], probs[6] = 0.45, 0.35
    panel.set_prediction(prediction(probs, names))
    assert top.text() == "Not sure"
    # the percentage's line stays, empty: the bars under it do not move from answer to answer
    qtbot.waitUntil(lambda: panel.bars.y() == bars_top)
    panel.resize(330, 500)  # the 1280 px window's column: side by side again
    qtbot.waitUntil(lambda: not panel.head_is_stacked())


def test_the_bars_keep_their_place_whichever_test_image_is_true(qtbot):
    """At 1280 px the bars moved right for "✓ Ankle boot" and back for "✓ Bag"."""
    from nndesk.data.registry import DATASETS

    bars = ProbabilityBars()
    qtbot.addWidget(bars)
    bars.set_class_names(DATASETS["fashion"].class_names)
    bars.resize(300, bars.sizeHint().height())
    probs = np.full(10, 0.1, np.float32)
    places = set()
    for true in (None, 9, 8, 0, 6):
        bars.set_probabilities(probs, true)
        places.add((bars.bar_rect(0).left(), bars.bar_rect(0).width(), bars.is_stacked()))
    assert len(places) == 1, places
    assert not bars.is_stacked()


def test_a_long_name_beside_its_percentage_in_a_narrow_column_is_drawn_smaller_not_over_it(
    qtbot,
):
    """Vietnamese at 1024 px: bold "Áo thun/áo phông" ran into its "56,7%"."""
    from PySide6.QtGui import QFont, QFontMetrics

    from nndesk.ui.fitted_labels import fitted_font

    names = ("Áo thun/áo phông", *(f"c{i}" for i in range(1, 10)))
    bars = ProbabilityBars()
    qtbot.addWidget(bars)
    bars.set_class_names(names)
    bars.resize(154, bars.sizeHint().height())
    bars.show()
    qtbot.waitUntil(bars.isVisible)
    probs = np.full(10, 0.04, np.float32)
    probs[0] = 0.64
    bars.set_probabilities(probs, 0)
    assert bars.is_stacked()
    bold = QFont(bars.font())
    bold.setBold(True)
    label = "\u2713 " + names[0]
    room = bars.width() - 2 - (bars.fontMetrics().horizontalAdvance("64.0%") + 6)
    assert QFontMetrics(bold).horizontalAdvance(label) > room  # it would run into "64.0%"
    fitted = fitted_font(bold, label, room)
    assert QFontMetrics(fitted).horizontalAdvance(label) <= room
    assert fitted.pointSizeF() >= 6.5 and fitted.bold()
    assert fitted_font(bold, "c1", room) == bold  # a name that fits keeps its size
    bars.grab()  # paints with it


def test_the_nothing_drawn_text_stays_inside_the_smallest_preview(qtbot):
    """At 1024x700 the preview shrinks to 84 px and "nothing drawn" ran over its edges."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetricsF

    from nndesk.ui.input_preview import PLACEHOLDER_FLAGS, InputPreview
    from nndesk.ui.qt_image import to_array

    preview = shown_widget(qtbot, InputPreview(cell=7), (84, 84))
    box = preview.rect().adjusted(0, 0, -1, -1)
    # longer than English: translations run longer
    text = "nothing drawn yet, not one stroke, nothing at all here"
    preview.set_placeholder(text)
    plain = QFontMetricsF(preview.font()).boundingRect(QRectF(box), PLACEHOLDER_FLAGS, text)
    assert plain.height() > box.height()  # the plain font, wrapped, would run over
    # the font the preview paints with lays the words out inside it
    used = QFontMetricsF(preview.placeholder_font()).boundingRect(
        QRectF(box), PLACEHOLDER_FLAGS, text
    )
    assert box.contains(used.toAlignedRect())
    # and they are painted: grey on the black square, clear of its edges
    square = to_array(preview.grab().toImage())[: box.height(), : box.width()]
    ys, xs = np.nonzero(square > 40)
    assert xs.size > 0 and xs.min() > 0 and ys.min() > 0
    assert xs.max() < box.width() - 1 and ys.max() < box.height() - 1


def test_the_bars_stay_put_whichever_class_is_runner_up(qtbot, qapp):
    """Issue 22: "Thứ hai: Áo thun/áo phông 3,3% (cách 86,9 điểm)" took two lines and "Thứ hai:
    Túi ..." one, so the ten bars jumped ~14 px while the user drew."""
    from PySide6.QtWidgets import QApplication, QLabel

    from nndesk.data.registry import DATASETS
    from nndesk.ui import language

    assert language.use_language("vi") == "vi"
    try:
        panel = PredictionPanel()
        qtbot.addWidget(panel)
        panel.set_class_names(DATASETS["fashion"].class_names)
        # the answer column's width at 1024 px: "(cách 92,1 điểm phần trăm)" (walk59 D17)
        # wraps every runner-up at 240 px, so the heights differ only at a narrower one
        panel.resize(180, 600)
        panel.show()
        tops = {}
        texts = {}
        for runner in (8, 0, 9, 3):  # Túi, Áo thun/áo phông, Bốt cổ ngắn, Váy
            probs = np.full(10, 0.001, np.float32)
            probs[5], probs[runner] = 0.9, 0.033
            panel.set_prediction(prediction(probs / probs.sum(), panel.bars.class_names()))
            QApplication.processEvents()
            tops[runner] = panel.bars.geometry().top()
            texts[runner] = panel.runner_up_label.text()
        # the case the issue met: the lines themselves take different heights at this width
        plain = QLabel()
        plain.setWordWrap(True)
        plain.setFont(panel.runner_up_label.font())
        width = panel.runner_up_label.width()
        heights = set()
        for text in texts.values():
            plain.setText(text)
            heights.add(plain.heightForWidth(width))
        assert len(heights) > 1, texts
        assert len(set(tops.values())) == 1, tops
    finally:
        language.use_language("en")


def test_the_panels_not_sure_is_the_inference_rule_at_every_threshold(qtbot):
    from nndesk.inference import is_not_sure

    panel = PredictionPanel()
    qtbot.addWidget(panel)
    panel.set_class_names(NAMES)
    for top in (0.3, 0.4999, 0.5, 0.58, 0.6, 0.61, 0.99):
        answer = prediction([top, 1 - top] + [0] * 8)
        panel.set_prediction(answer)
        for threshold in (0, 30, 50, 58, 60, 61, 99):
            panel.set_not_sure_threshold(threshold)
            assert panel.is_not_sure() == is_not_sure(answer, threshold), (top, threshold)


@pytest.mark.parametrize("independent", [True, False])
def test_the_calibrated_words_name_the_output_the_network_has(qtbot, independent):
    """A calibrated sigmoid network's "calibrated" tip said "the network's softmax →
    calibrated; tick Raw probabilities to see the softmax here" (walk55 D3)."""
    panel = PredictionPanel()
    qtbot.addWidget(panel)
    panel.set_class_names(NAMES)
    k = len(NAMES)
    calibrated = np.full(k, 0.01, np.float32)
    calibrated[2] = 0.9
    raw = np.full(k, 0.005, np.float32)
    raw[2] = 0.95
    panel.set_prediction(
        Prediction(calibrated, np.zeros((28, 28), np.float32), 2, NAMES[2], raw, independent)
    )
    tip = panel.kind_label.toolTip()
    assert ("sigmoid" in tip) == independent and ("softmax" in tip) != independent
