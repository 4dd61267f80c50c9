"""The Map and Lab pages: their work runs off the GUI thread and arrives as signals."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from nndesk.controllers.explore import ExploreController
from nndesk.evaluation import evaluate
from nndesk.ui.lab_view import LabView, parse_units
from nndesk.ui.map_view import MapView
from tests.ui.conftest import shown_widget


@pytest.fixture
def result(tiny_model_file):
    from nndesk.inference import Classifier

    clf = Classifier.from_file(tiny_model_file)  # 784-32-10, random weights
    rng = np.random.default_rng(0)
    images = rng.integers(0, 255, (300, 28, 28)).astype(np.uint8)
    labels = rng.integers(0, 10, 300)
    return evaluate(clf, images, labels)


@pytest.fixture
def controller():
    c = ExploreController()
    yield c
    c.shutdown()


def test_parse_units():
    assert parse_units("1, 4-6, 4", 10) == (1, 4, 5, 6)
    assert parse_units("", 10) == ()
    for bad in ("x", "3-1", "10", "1-99", "-1"):
        with pytest.raises(ValueError):
            parse_units(bad, 10)


def test_the_lab_says_it_waits_for_the_models_scores_or_why_there_are_none(
    qtbot, controller, result
):
    page = LabView(controller)
    qtbot.addWidget(page)
    page.evaluation_started(result.classifier)
    assert page.title.text().startswith(f"Scoring {result.classifier.title} on the test images")
    page.evaluation_failed("fashion: the dataset is not on this computer")
    assert page.title.text() == "fashion: the dataset is not on this computer"
    with qtbot.waitSignal(controller.lab_ready, timeout=20_000):
        page.set_result(result)
    assert page.title.text().startswith("A copy of")


def test_the_lab_scores_the_original_and_the_edited_copy(qtbot, controller, result):
    page = LabView(controller)
    qtbot.addWidget(page)
    with qtbot.waitSignal(controller.lab_ready, timeout=20_000):
        page.set_result(result)
    first = page.outcome
    assert first.original == first.modified  # no edit yet
    assert not page.save_button.isEnabled()
    before = result.classifier.model.layers[0].params["W"].copy()
    with qtbot.waitSignal(controller.lab_ready, timeout=20_000):
        page.prune.setValue(90)
    assert page.outcome.modified != page.outcome.original
    assert page.table.item(0, 1).text().endswith("%")
    assert np.array_equal(result.classifier.model.layers[0].params["W"], before)
    assert page.save_button.isEnabled()
    page.units.setText("0-40")  # layer 0 has 32 units
    page.units.editingFinished.emit()
    assert "0..31" in page.units_error.text()
    with qtbot.waitSignal(controller.lab_ready, timeout=20_000):
        page.reset()
    assert page.prune.value() == 0 and page.outcome.modified == page.outcome.original
    info = page.info_for_file()
    assert info["calibration"]["temperature"] == page.temperature.value()
    assert "test_images" not in info["metrics"]  # scored on every test image: as trained


def test_a_lab_copy_scored_on_a_sample_keeps_how_many_images_its_figure_is_over(
    qtbot, controller, result, monkeypatch
):
    """walk64 D23: saved from the Lab, its 2,000-image figure was listed beside 10,000-image
    ones as if alike; the file says the count, which the lists show."""
    from nndesk import lab

    monkeypatch.setattr(lab, "LAB_IMAGES", 120)
    page = LabView(controller)
    qtbot.addWidget(page)
    with qtbot.waitSignal(controller.lab_ready, timeout=20_000):
        page.set_result(result)
    with qtbot.waitSignal(controller.lab_ready, timeout=20_000):
        page.prune.setValue(50)
    metrics = page.info_for_file()["metrics"]
    assert metrics == {"test_accuracy": page.outcome.modified.accuracy, "test_images": 120}


def test_the_labs_save_proposes_the_models_name_in_the_windows_language(
    qtbot, controller, result, save_dialogs
):
    """The Lab proposed "mnist (unsaved)-lab.npz" (the CLI's name) in a Vietnamese window."""
    import dataclasses

    from nndesk.ui import language

    unsaved = dataclasses.replace(
        result, classifier=dataclasses.replace(result.classifier, path=None)
    )
    page = LabView(controller)
    qtbot.addWidget(page)
    with qtbot.waitSignal(controller.lab_ready, timeout=20_000):
        page.set_result(unsaved)
    with qtbot.waitSignal(controller.lab_ready, timeout=20_000):
        page.prune.setValue(50)
    save_dialogs.answer = ""
    titles = []
    for code in ("en", "vi"):
        assert language.use_language(code) == code
        try:
            titles.append(unsaved.classifier.title)
            page._on_save_clicked()  # noqa: SLF001 - the Save button's slot
        finally:
            language.use_language("en")
    offered = [Path(asked.start).name for asked in save_dialogs.asked]
    assert offered == [f"{title}-lab.npz" for title in titles]
    assert titles[0] == "MNIST (unsaved)" and titles[1] != titles[0]


def test_the_map_places_every_sampled_image_and_a_click_sends_it_to_the_canvas(
    qtbot, controller, result
):
    page = MapView(controller)
    qtbot.addWidget(page)
    page.set_result(result)
    page.points.setValue(200)
    with qtbot.waitSignal(controller.map_ready, timeout=20_000):
        page.draw_button.click()
    data = page.data
    assert data.coords.shape == (200, 2) and len(set(data.indices.tolist())) == 200
    row = page.nearest(*data.coords[5])
    assert row == 5
    page.describe(5)
    assert f"test image {data.indices[5]}" in page.caption.text()
    # the two best answers with the bars' one decimal, as the canvas shows the image next
    from nndesk.ui.language import percent

    for p in data.top2_p[5]:
        assert percent(p, 1) in page.caption.text(), page.caption.text()
    sent, indices = [], []
    page.show_on_canvas_requested.connect(lambda image, label: sent.append((image, label)))
    page.test_image_shown.connect(lambda i, name: indices.append((i, name)))  # "Test #" follows
    page.show_row_on_canvas(5)
    image, label = sent[0]
    assert indices == [(data.indices[5], "mnist")]
    assert label == result.labels[data.indices[5]]
    assert np.array_equal(image, result.images[data.indices[5]].astype(np.float32))


def test_an_empty_map_says_what_to_do_until_the_map_is_drawn(
    qtbot, controller, result, tiny_model_file
):
    from nndesk.inference import Classifier

    page = MapView(controller)
    qtbot.addWidget(page)

    def figure_texts() -> list[str]:
        return [t.get_text() for t in page.plot.figure.texts]

    assert "needs the model's results on the test set" in " ".join(figure_texts())
    page.set_result(result)
    assert any("Press “Draw the map”" in t for t in figure_texts())
    page.points.setValue(100)
    with qtbot.waitSignal(controller.map_ready, timeout=20_000):
        page.draw_button.click()
    assert figure_texts() == [] and page.hint() == ""
    other = Classifier.from_file(tiny_model_file)
    other.model.parameters()[0][1][...] += 0.01  # another model's evaluation (walk66 #9: the
    page.set_result(evaluate(other, result.images, result.labels))  # same one keeps its map)
    assert page.data is None
    assert any("Press “Draw the map”" in t for t in figure_texts())


def _start_tsne(qtbot, controller, page) -> None:
    """Draw a t-SNE map and wait until it is under way (its first iteration reported)."""
    page.method.setCurrentIndex(page.method.findData("tsne"))
    page.points.setValue(300)
    with qtbot.waitSignal(
        controller.map_progressed, timeout=20_000, check_params_cb=lambda done, total: done >= 1
    ):
        page.draw_button.click()
    assert page.cancel_button.isVisible() and page.progress.isVisible()
    assert not page.draw_button.isEnabled()


def test_a_slow_map_can_be_cancelled_and_leaves_the_map_drawn_before(qtbot, controller, result):
    """walk53 #7: a 2,000-image t-SNE ran ~60 s with only a progress bar and no way to stop it.
    Cancel stops it (no map arrives), the map drawn before stays, and a line says so."""
    page = MapView(controller)
    qtbot.addWidget(page)
    page.show()
    page.set_result(result)
    page.points.setValue(100)
    with qtbot.waitSignal(controller.map_ready, timeout=20_000):
        page.draw_button.click()  # PCA: the map drawn before
    before = page.data
    assert not page.cancel_button.isVisible()
    _start_tsne(qtbot, controller, page)
    arrived = []
    controller.map_ready.connect(arrived.append)
    page.cancel_button.click()
    assert not page.progress.isVisible() and not page.cancel_button.isVisible()
    assert page.draw_button.isEnabled()
    assert page.note.isVisible() and "the one drawn before" in page.note.text()
    qtbot.waitUntil(lambda: not controller.busy, timeout=20_000)  # the job let go
    assert arrived == [] and page.data is before
    # drawn again: the line goes once the new map is there
    page.method.setCurrentIndex(page.method.findData("pca"))
    with qtbot.waitSignal(controller.map_ready, timeout=20_000):
        page.draw_button.click()
    assert not page.note.isVisible() and page.data is not before


def test_a_map_cancelled_before_any_was_drawn_leaves_the_hint(qtbot, controller, result):
    page = MapView(controller)
    qtbot.addWidget(page)
    page.show()
    page.set_result(result)
    _start_tsne(qtbot, controller, page)
    page.cancel_button.click()
    assert page.note.text() == "Stopped before the map was drawn."
    texts = [t.get_text() for t in page.plot.figure.texts]
    assert any("Press “Draw the map”" in t for t in texts)
    qtbot.waitUntil(lambda: not controller.busy, timeout=20_000)
    assert page.data is None


def test_before_any_edit_the_lab_keeps_the_models_own_temperature_exactly(
    qtbot, controller, result
):
    """The temperature box shows two decimals; a model fitted at T = 0.914 must still be scored
    at 0.914 until the user changes the box, so "modified" equals "original"."""
    result.classifier.info["calibration"] = {"temperature": 0.914, "fitted_on": "test-half"}
    assert result.classifier.temperature == 0.914
    page = LabView(controller)
    qtbot.addWidget(page)
    with qtbot.waitSignal(controller.lab_ready, timeout=20_000):
        page.set_result(result)
    outcome = page.outcome
    assert outcome.edits.temperature == 0.914 and outcome.modified == outcome.original
    for row in range(4):
        assert page.table.item(row, 1).text() == page.table.item(row, 2).text()
    assert not page.save_button.isEnabled()

    with qtbot.waitSignal(controller.lab_ready, timeout=20_000):
        page.temperature.setValue(1.5)  # the user's own temperature
    assert page.outcome.edits.temperature == 1.5
    assert page.outcome.modified.loss != page.outcome.original.loss
    assert page.save_button.isEnabled()
    with qtbot.waitSignal(controller.lab_ready, timeout=20_000):
        page.reset()
    assert page.outcome.edits.temperature == 0.914
    assert page.outcome.modified == page.outcome.original


def test_saving_a_model_never_replaces_a_file_of_another_kind(
    qtbot, window_factory, stroke_classifier, tmp_path, monkeypatch
):
    """The save dialog's "replace?" does not say what the file is: a drawing given a model's
    name is refused in one message and left as it was; a model file is replaced."""
    desk = window_factory(classifier=stroke_classifier)
    shown: list[str] = []
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    notes = tmp_path / "notes.npz"
    notes.write_bytes(b"my notes, not a model")
    desk.coordinator.save_edited_model(str(notes), stroke_classifier.model, stroke_classifier.info)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "not an nndesk model" in shown[0] and "\n" not in shown[0]
    assert notes.read_bytes() == b"my notes, not a model"
    model_file = tmp_path / "old-model.npz"
    model_file.write_bytes(Path(stroke_classifier.path).read_bytes())
    before = model_file.stat().st_mtime_ns
    desk.coordinator.save_edited_model(
        str(model_file), stroke_classifier.model, stroke_classifier.info
    )
    qtbot.waitUntil(lambda: model_file.stat().st_mtime_ns != before, timeout=10_000)
    assert len(shown) == 1


def test_another_model_chosen_while_the_lab_is_open_is_scored_and_the_old_one_dropped(
    qtbot, window_factory, tiny_model_file, tiny_data_dir
):
    """Probe 5: choosing a model with the Lab open left the Lab on the old one (its edits and
    Save acted on it) until the page was left and opened again."""
    from nndesk.inference import Classifier

    first = Classifier.from_file(tiny_model_file)
    desk = window_factory(classifier=first)
    lab, evaluation = desk.lab_page, desk.evaluation
    with qtbot.waitSignal(evaluation.finished, timeout=30_000):
        desk.window.tabs.setCurrentWidget(lab)  # shown: the current model is scored
    qtbot.waitUntil(lambda: lab.title.text().startswith("A copy of"), timeout=10_000)
    second = Classifier.from_file(tiny_model_file)
    with qtbot.waitSignal(evaluation.finished, timeout=30_000) as scored:
        desk.prediction.set_classifier(second)
        assert not lab.scale.isEnabled() and lab.layer.count() == 0  # the old model is gone
    assert scored.args[0].classifier is second
    qtbot.waitUntil(lambda: lab.layer.count() > 0 and lab.scale.isEnabled(), timeout=10_000)
    # a weight shape as a person writes it, "Hidden 1: Dense (784×32)", not a tuple "(784, 32)"
    assert re.fullmatch(r"Hidden 1: Dense \(\d+×\d+\)", lab.layer.itemText(0)), lab.layer.itemText(
        0
    )


def test_a_new_evaluation_clears_the_maps_hovered_image_and_names_the_model(
    qtbot, controller, result
):
    """Probe: an MNIST "3" and its answers stayed beside a Fashion map after a model switch."""
    page = MapView(controller)
    qtbot.addWidget(page)
    page.set_result(result)
    assert page.model_name.text() == result.classifier.title
    # the output shape as a person writes it, not a Python tuple: "Hidden 1 ReLU (32)"
    assert page.layer.itemText(1) == "Hidden 1 ReLU (32)"
    page.points.setValue(100)
    with qtbot.waitSignal(controller.map_ready, timeout=20_000):
        page.draw_button.click()
    page.describe(3)
    assert not page.thumb.pixmap().isNull() and "test image" in page.caption.text()
    page.set_result(None)
    assert page.thumb.pixmap().isNull() and "test image" not in page.caption.text()
    assert page.model_name.text() == ""


def test_the_labs_figures_and_edits_go_when_its_model_does(qtbot, controller, result):
    """Probe: after a model switch the Lab kept the old model's accuracy, mistakes and a greyed
    "prune 30 %" for 3-30 s under "Scoring the new model…"."""
    page = LabView(controller)
    qtbot.addWidget(page)
    with qtbot.waitSignal(controller.lab_ready, timeout=20_000):
        page.set_result(result)
    with qtbot.waitSignal(controller.lab_ready, timeout=20_000):
        page.prune.setValue(30)
    assert page.table.item(0, 2) is not None
    page.set_result(None)  # another model chosen: its evaluation is on the way
    figures = [page.table.item(row, col) for row in range(4) for col in (1, 2)]
    assert figures == [None] * 8 and page.prune.value() == 0 and page.note.text() == ""
    assert page.outcome is None and not page.save_button.isEnabled()


def _map_drawn_in_light(qtbot, qapp, controller, result) -> MapView:
    """A Map page on screen with 100 points of ``result`` drawn in the light theme."""
    from nndesk.ui import theme

    page = MapView(controller)
    qtbot.addWidget(page)
    page.show()  # on screen: drawn again at once (a hidden page is drawn again when shown)
    page.set_result(result)
    page.points.setValue(100)
    theme.apply_theme(qapp, "light")
    with qtbot.waitSignal(controller.map_ready, timeout=20_000):
        page.draw_button.click()
    return page


def test_the_maps_mistake_rings_take_the_new_themes_text_colour_on_a_switch(
    qtbot, qapp, controller, result, restore_theme
):
    """Rings drawn black stayed black on dark axes after View > Theme > Dark (near invisible)."""
    from matplotlib.colors import to_hex

    from nndesk.ui import theme

    page = _map_drawn_in_light(qtbot, qapp, controller, result)
    assert _ring_colour(page) == to_hex(theme.LIGHT.window_text)
    theme.apply_theme(qapp, "dark")
    assert _ring_colour(page) == to_hex(theme.DARK.window_text)
    assert theme.contrast(_ring_colour(page), theme.DARK.base) >= 4.5


def _ring_colour(page) -> str:
    from matplotlib.colors import to_hex

    rings = page.plot.figure.axes[0].collections[1]  # after the dots
    return to_hex(rings.get_edgecolor()[0])


def test_a_drawn_map_is_recoloured_not_plotted_again_on_a_theme_switch(
    qtbot, qapp, controller, result, monkeypatch, restore_theme
):
    """Re-plotting a drawn map on a page not on screen was ~20% of a theme switch's GUI-thread
    time (benchmarks/bench_tour.py), and on screen ~20 ms of the switch's block: its rings and
    their key take the new text colour in place, and the theme's restyle draws it."""
    from matplotlib.colors import to_hex

    from nndesk.ui import theme

    page = _map_drawn_in_light(qtbot, qapp, controller, result)
    plotted = []
    real = page.show_map
    monkeypatch.setattr(page, "show_map", lambda data: (plotted.append(1), real(data)))
    draws = []
    page.plot.canvas.mpl_connect("draw_event", lambda _event: draws.append(1))
    theme.apply_theme(qapp, "dark")  # on screen
    qtbot.waitUntil(lambda: bool(draws))
    assert _ring_colour(page) == _key_ring_colour(page) == to_hex(theme.DARK.window_text)
    page.hide()  # another page is in front
    theme.apply_theme(qapp, "light")
    draws.clear()
    for _ in range(5):
        QApplication.processEvents()
    assert draws == []  # a hidden page costs nothing until shown
    page.show()
    qtbot.waitUntil(lambda: bool(draws))
    assert _ring_colour(page) == _key_ring_colour(page) == to_hex(theme.LIGHT.window_text)
    assert plotted == []


def _key_ring_colour(page) -> str:
    from matplotlib.colors import to_hex

    (key,) = page.plot.figure.legends
    return to_hex(key.legend_handles[0].get_edgecolor()[0])


@pytest.fixture
def cnn_result(tmp_path):
    """A random 784-c4-p-16-10 CNN (Conv2D, MaxPool2D, Flatten, Dense) scored on noise."""
    from nndesk.inference import Classifier
    from tests.conftest import save_tiny_digit_model

    path = save_tiny_digit_model(tmp_path / "tiny-cnn.npz", "784-c4-p-16-10", test_accuracy=None)
    clf = Classifier.from_file(path)
    rng = np.random.default_rng(0)
    images = rng.integers(0, 255, (40, 28, 28)).astype(np.uint8)
    return evaluate(clf, images, rng.integers(0, 10, 40))


def test_the_layer_lists_name_layer_kinds_in_the_windows_words(qtbot, controller, cnn_result):
    """The Lab's and the Map's layer lists said "0: Dense (784×64)" and "Conv2D" in the
    Vietnamese window, where the Inside page said "kết nối đầy đủ"."""
    from nndesk.ui import language

    names = ("Dense", "Conv2D", "MaxPool2D", "Flatten")
    assert language.use_language("vi") == "vi"
    try:
        lab, map_page = LabView(controller), MapView(controller)
        for page in (lab, map_page):
            qtbot.addWidget(page)
        with qtbot.waitSignal(controller.lab_ready, timeout=20_000):
            lab.set_result(cnn_result)
        map_page.set_result(cnn_result)
        lab_items = [lab.layer.itemText(i) for i in range(lab.layer.count())]
        map_items = [map_page.layer.itemText(i) for i in range(map_page.layer.count())]
    finally:
        language.use_language("en")
    assert lab_items == [
        "Tích chập 1: tích chập (4×1×3×3)",
        "Ẩn 1: kết nối đầy đủ (784×16)",
        "Đầu ra: kết nối đầy đủ (16×10)",
    ]
    assert map_items[:3] == [
        "Đổi hình dạng (1×28×28)",
        "Tích chập 1: tích chập (4×28×28)",
        "Gộp 1: gộp cực đại (4×14×14)",
    ]
    assert map_items[4] == "Làm phẳng (784)"
    assert not [item for item in lab_items + map_items if any(n in item for n in names)]
    # English keeps the names its courses (and Keras, and the exported code) use
    lab.set_result(cnn_result)
    assert lab.layer.itemText(0) == "Conv 1: Conv2D (4×1×3×3)"


@pytest.mark.parametrize("code", ["en", "vi"])
def test_the_lab_the_map_and_inside_name_a_layer_the_same(qtbot, controller, cnn_result, code):
    """walk59 D11: Inside said "Hidden 1" and "layer 0 of the model", the Lab "0: Dense" and
    "3: Dense" (model indices, activations counted), the Map "4: ReLU" for Hidden 2's ReLU.
    One name per layer, the Inside page's words; the model's index only in a tooltip."""
    from nndesk import inside
    from nndesk.layer_words import layer_names
    from nndesk.ui import language
    from nndesk.ui.inside_diagram import column_title
    from nndesk.ui.inside_math import dense_html

    model = cnn_result.classifier.model
    assert language.use_language(code) == code
    try:
        names = layer_names(model)
        lab, map_page = LabView(controller), MapView(controller)
        for page in (lab, map_page):
            qtbot.addWidget(page)
        with qtbot.waitSignal(controller.lab_ready, timeout=20_000):
            lab.set_result(cnn_result)
        map_page.set_result(cnn_result)
        lab_named = {lab.layer.itemData(i): lab.layer.itemText(i) for i in range(lab.layer.count())}
        map_named = [map_page.layer.itemText(i) for i in range(map_page.layer.count())]
        tips = [
            map_page.layer.itemData(i, Qt.ItemDataRole.ToolTipRole)
            for i in range(map_page.layer.count())
        ]
        dense = inside.dense_layers(model)
        columns = [(i, np.zeros(model.layers[i].params["b"].size)) for i in dense]
        diagram = [column_title(model, col, columns, None) for col in range(len(columns))]
        unit = inside.DenseUnit(dense[0], 0, *(np.ones(2),) * 3, 0.0, 0.0, ())
        arithmetic = dense_html(unit, (), output_layer=False, hidden=1)
    finally:
        language.use_language("en")
    assert len(set(names)) == len(names), names  # no two layers share a name
    for index, text in lab_named.items():
        assert text.startswith(names[index] + ":"), (text, names[index])
    assert [text.startswith(names[i]) for i, text in enumerate(map_named)] == [True] * len(names)
    # the Inside diagram's columns and a unit's arithmetic: the same names
    assert [t.startswith(names[i]) for t, i in zip(diagram, dense, strict=True)] == [True] * 2
    assert f"<b>{names[dense[0]]}, " in arithmetic
    assert not [t for t in map_named if t[0].isdigit()]  # no model index up front
    assert all(str(i) in tip for i, tip in enumerate(tips))  # it is in the tooltip


def test_the_labs_measures_are_named_whole_and_explained(qtbot, controller, result):
    """In Vietnamese "lỗi phân loại tự tin" wrapped in the table's 100 px first column, and
    "ECE" stood there unexplained."""
    from nndesk.ui import language

    assert language.use_language("vi") == "vi"
    try:
        # the Lab page's width in a 1024 px window
        page = shown_widget(qtbot, LabView(controller), (470, 600))
        table = page.table
        metrics = table.fontMetrics()
        names = [table.item(row, 0).text() for row in range(table.rowCount())]
        assert "sai số hiệu chỉnh (ECE)" in names and "lỗi phân loại tự tin (≥ 60%)" in names
        for row, name in enumerate(names):
            assert metrics.horizontalAdvance(name) < table.columnWidth(0), name
            assert table.item(row, 0).toolTip(), name  # what the measure is
        ece = table.item(names.index("sai số hiệu chỉnh (ECE)"), 0).toolTip()
        assert ece.startswith("Sai số hiệu chỉnh kỳ vọng (expected calibration error)")
        assert "60%" in table.item(3, 0).toolTip()  # the window's threshold, at its default
        # the figures keep room beside the names
        assert table.columnWidth(1) >= metrics.horizontalAdvance("100,00%")
    finally:
        language.use_language("en")


def test_the_maps_legend_sits_under_the_points_not_over_them(qtbot, controller, result):
    """The legend of ten classes and "mistakes" was drawn inside the plot ("best" place), over
    points of the map."""
    page = MapView(controller)
    qtbot.addWidget(page)
    page.resize(540, 560)  # the Map tab beside the drawing at 1024x700
    page.show()
    page.set_result(result)
    page.points.setValue(300)
    with qtbot.waitSignal(controller.map_ready, timeout=20_000):
        page.draw_button.click()
    figure = page.plot.figure
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    ax = figure.axes[0]
    legend = ax.get_legend() or figure.legends[0]
    box, plot = legend.get_window_extent(renderer), ax.get_window_extent(renderer)
    assert box.y1 <= plot.y0 + 1, (box, plot)  # below: beside, it narrowed the plot a third
    assert box.x0 >= -1 and box.x1 <= figure.bbox.width + 1 and box.y0 >= -1  # in the figure
    assert plot.width >= 0.8 * figure.bbox.width, (plot.width, figure.bbox.width)
    title = ax.title.get_window_extent(renderer)
    assert title.x0 >= -1 and title.x1 <= figure.bbox.width + 1  # "PCA" read "CA"


def test_without_test_images_the_map_lists_the_models_layers(
    qtbot, window_factory, tiny_model_file, tmp_path, monkeypatch
):
    """Without data the Layer box was empty: the layers come from the model, not the images."""
    from nndesk.controllers import datasets
    from nndesk.inference import Classifier

    empty = tmp_path / "no-data"
    empty.mkdir()
    monkeypatch.setenv("NNDESK_DATA_DIR", str(empty))
    datasets.forget_datasets()
    clf = Classifier.from_file(tiny_model_file)
    desk = window_factory(classifier=clf)
    page = desk.map_page
    with qtbot.waitSignal(desk.evaluation.failed, timeout=30_000):
        desk.window.tabs.setCurrentWidget(page)  # shown: it asks for the model's results
    qtbot.waitUntil(lambda: page.message.isVisibleTo(page), timeout=10_000)  # "not here yet"
    rows = clf.model.summary_rows()
    assert [page.layer.itemData(i) for i in range(page.layer.count())] == list(range(len(rows)))
    assert page.layer.itemText(1) == "Hidden 1 ReLU (32)" and page.layer.isEnabled()
    assert page.model_name.text() == clf.title
    assert not page.draw_button.isEnabled()  # the map itself needs the test images
    desk.prediction.set_classifier(None)
    qtbot.waitUntil(lambda: page.layer.count() == 0, timeout=10_000)
    assert not page.layer.isEnabled()


def test_while_the_units_entry_is_invalid_the_modified_column_says_it_is_the_last_valid_edit(
    qtbot, controller, result
):
    """walk53 #10: with "abc" in the units field the table still showed the figure of the edit
    no longer in the field, as if it were its own."""
    from nndesk.ui import theme

    page = LabView(controller)
    qtbot.addWidget(page)
    with qtbot.waitSignal(controller.lab_ready, timeout=20_000):
        page.set_result(result)
    with qtbot.waitSignal(controller.lab_ready, timeout=20_000):
        page.units.setText("0-15")
        page.units.editingFinished.emit()
    header = page.table.horizontalHeaderItem(2)
    assert header.text() == "modified"
    shown = page.table.item(0, 2).text()
    page.units.setText("abc; 5000")
    page.units.editingFinished.emit()
    assert page.units_error.text()
    assert header.text() == "last valid edit"
    assert page.table.item(0, 2).text() == shown  # kept, and greyed as the last valid one
    assert page.table.item(0, 2).foreground().color().name() == theme.colours().muted
    with qtbot.waitSignal(controller.lab_ready, timeout=20_000):
        page.units.setText("0-3")
        page.units.editingFinished.emit()
    assert header.text() == "modified"
    assert page.table.item(0, 2).foreground().color().name() != theme.colours().muted


def test_the_labs_units_field_says_why_it_is_off_on_a_layer_without_hidden_units(
    qtbot, controller, result
):
    page = LabView(controller)
    qtbot.addWidget(page)
    with qtbot.waitSignal(controller.lab_ready, timeout=20_000):
        page.set_result(result)
    page.layer.setCurrentIndex(page.layer.count() - 1)  # the output layer: its units are classes
    assert not page.units.isEnabled()
    assert "only a hidden dense layer" in page.units.placeholderText()
    assert "only in a hidden dense layer" in page.units.toolTip()
    page.layer.setCurrentIndex(0)  # 32 hidden units
    assert page.units.isEnabled()
    assert page.units.placeholderText() == "e.g. 0, 5, 10-20"


def test_a_run_whose_model_is_not_taken_leaves_the_lab_and_map_on_the_model_in_use(
    qtbot, window_factory, tiny_model_file, tiny_data_dir
):
    """walk55 D2: a run that tested below the model in use hands that same model back
    (``prediction.set_classifier(before)``); the pages dropped its evaluation, which was still
    current, so nothing brought it back: Lab read "Open or train a model", Map's Draw greyed."""
    from nndesk.inference import Classifier

    before = Classifier.from_file(tiny_model_file)
    desk = window_factory(classifier=before)
    lab, map_page, evaluation = desk.lab_page, desk.map_page, desk.evaluation
    with qtbot.waitSignal(evaluation.finished, timeout=30_000):
        desk.window.tabs.setCurrentWidget(lab)
    qtbot.waitUntil(lambda: lab.title.text().startswith("A copy of"), timeout=10_000)
    desk.window.tabs.setCurrentWidget(desk.evaluate_page)
    snapshot = Classifier.from_file(tiny_model_file)
    snapshot.path = None  # the network training now: a snapshot, no file
    desk.prediction.live_update(snapshot)  # the run's snapshots answer the drawing
    desk.prediction.set_classifier(before)  # the run ended below it: the model in use stays
    desk.window.tabs.setCurrentWidget(lab)
    qtbot.waitUntil(lambda: lab.title.text().startswith("A copy of"), timeout=10_000)
    assert lab.scale.isEnabled()
    desk.window.tabs.setCurrentWidget(map_page)
    qtbot.waitUntil(map_page.draw_button.isEnabled, timeout=10_000)


def test_the_labs_confident_mistakes_count_at_the_windows_threshold(qtbot, controller, result):
    """walk55 D10: the Lab counted wrong answers at >= 90 % under the words Evaluate uses for
    its own threshold (60 %), and its row did not say which."""
    page = LabView(controller)
    qtbot.addWidget(page)
    with qtbot.waitSignal(controller.lab_ready, timeout=20_000):
        page.set_result(result)
    wrong = sorted(page.outcome.original.wrong_top)
    page.set_threshold(0)  # every wrong answer
    assert page.table.item(3, 0).text() == "confident mistakes (≥ 0%)"
    assert page.table.item(3, 1).text() == f"{len(wrong):,}"
    middle = wrong[len(wrong) // 2]
    percent = int(middle * 100) + 1  # a threshold above half the wrong answers
    page.set_threshold(percent)
    expected = sum(p >= percent / 100 for p in wrong)
    assert page.table.item(3, 1).text() == f"{expected:,}" and expected < len(wrong)
    assert f"≥ {percent}%" in page.table.item(3, 0).text()


def test_one_threshold_for_the_canvas_evaluate_mistakes_and_lab(
    qtbot, window_factory, tiny_model_file, tiny_data_dir
):
    """walk55 D9: the canvas's "Not sure below" at 80 % left Evaluate's "Answer only at or
    above" at 60 % (Mistakes followed)."""
    from nndesk.inference import Classifier

    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    canvas = desk.window.prediction_panel.not_sure_spin
    trust = desk.evaluate_page.trust.threshold
    assert trust.value() == canvas.value()
    canvas.setValue(80)
    assert trust.value() == 80 and desk.mistakes_page.answer.not_sure_spin.value() == 80
    assert "≥ 80%" in desk.lab_page.table.item(3, 0).text()
    trust.setValue(70)  # set on Evaluate: the canvas says the same
    assert canvas.value() == 70 and "≥ 70%" in desk.lab_page.table.item(3, 0).text()


def test_the_labs_save_asks_in_the_windows_save_dialog(qtbot, controller, result, save_dialogs):
    """dialogs59: Save as new model… asked in the desktop's dialog, Export code in Qt's own."""
    from PySide6.QtWidgets import QFileDialog

    page = LabView(controller)
    qtbot.addWidget(page)
    with qtbot.waitSignal(controller.lab_ready, timeout=20_000):
        page.set_result(result)
    with qtbot.waitSignal(controller.lab_ready, timeout=20_000):
        page.prune.setValue(50)
    page.save_button.click()  # cancelled
    (asked,) = save_dialogs.asked
    assert asked.options & QFileDialog.Option.DontUseNativeDialog
    assert asked.start.endswith("-lab.npz") and asked.default_suffix == "npz"


def test_the_drawing_lands_on_the_map_among_the_test_images_most_like_it(qtbot, controller, result):
    """walk64: "where does my 7 land among theirs?" The drawing is placed off the GUI thread
    at the mean place of its nearest test images in the map's layer, the note says how (t-SNE
    has no place for a new image), and it moves as the drawing changes."""
    from nndesk import embedding

    page = MapView(controller)
    qtbot.addWidget(page)
    page.show()
    page.set_result(result)
    page.points.setValue(200)
    with qtbot.waitSignal(controller.map_ready, timeout=20_000):
        page.draw_button.click()
    data = page.data
    assert page.drawing_note.text() == "★ Draw on the canvas to see where your drawing lands."
    seen = result.images[data.indices[7]].astype(np.float32)  # a test image on the map
    with qtbot.waitSignal(controller.drawing_placed, timeout=20_000) as placed:
        page.set_drawing(seen)
    place = placed.args[0]
    assert place.rows[0] == 7  # itself, the nearest in the layer's outputs
    want, rows = embedding.place_among(data.features, data.coords, data.features[7])
    assert np.allclose(place.xy, want) and rows.tolist() == place.rows.tolist()
    assert np.allclose(page._drawing_mark.get_offsets(), [want])
    note = page.drawing_note.text()
    assert note.startswith("★ Your drawing, drawn at the mean place of the 10\u00a0test images")
    assert "in Hidden 1's outputs" in note and "of them are of class" in note
    # another drawing moves it; an empty canvas takes it away
    other = result.images[data.indices[150]].astype(np.float32)
    with qtbot.waitSignal(controller.drawing_placed, timeout=20_000) as placed:
        page.set_drawing(other)
    assert placed.args[0].rows[0] == 150
    redrawn = []
    page.plot.request_draw = lambda full=False: redrawn.append(full)
    page.set_drawing(None)
    assert len(page._drawing_mark.get_offsets()) == 0
    assert redrawn, "the star stayed on the chart after the canvas was cleared"
    assert page.drawing_note.text().startswith("★ Draw on the canvas")


def test_a_tsne_map_says_while_it_computes_and_how_the_drawing_was_placed(
    qtbot, controller, result
):
    page = MapView(controller)
    qtbot.addWidget(page)
    page.show()
    page.set_result(result)
    page.set_drawing(result.images[0].astype(np.float32))
    page.method.setCurrentIndex(page.method.findData("tsne"))
    page.points.setValue(100)
    with (
        qtbot.waitSignal(controller.drawing_placed, timeout=60_000),
        qtbot.waitSignal(controller.map_ready, timeout=60_000),
    ):
        page.draw_button.click()
        texts = [t.get_text() for t in page.plot.figure.texts]
        assert any(t.startswith("Drawing the map:") for t in texts), texts  # not "Press…"
    assert "t-SNE cannot place a new image" in page.drawing_note.text()


def test_the_empty_map_says_it_is_drawing_as_the_bar_appears(qtbot, controller, result):
    """verify65 #6 (seen again at load 12): beside the busy bar and Cancel the empty map still
    showed "Press “Draw the map”" for about a second: its new text waited for the stepped
    canvas's turns, the last picture painted meanwhile. The hint is drawn at once."""
    page = MapView(controller)
    qtbot.addWidget(page)
    page.show()
    page.set_result(result)
    qtbot.waitUntil(lambda: not page.plot.draw_pending(), timeout=20_000)
    drawn: list[str] = []
    page.plot.canvas.mpl_connect(
        "draw_event", lambda _e: drawn.extend(t.get_text() for t in page.plot.figure.texts)
    )
    page.points.setValue(100)
    with qtbot.waitSignal(controller.map_ready, timeout=20_000):
        page.draw_button.click()
        assert page.progress.isVisible()
        # drawn before the click returns to the event loop: no turn shows the old text
        assert any(t.startswith("Drawing the map:") for t in drawn), drawn


def test_a_drawing_made_while_the_map_page_is_hidden_is_placed_when_it_is_shown(
    qtbot, controller, result
):
    page = MapView(controller)
    qtbot.addWidget(page)
    page.show()
    page.set_result(result)
    page.points.setValue(100)
    with qtbot.waitSignal(controller.map_ready, timeout=20_000):
        page.draw_button.click()
    page.hide()
    asked = []
    controller.drawing_placed.connect(asked.append)
    page.set_drawing(result.images[page.data.indices[3]].astype(np.float32))
    assert not controller.busy and asked == []  # nothing computed for a hidden page
    with qtbot.waitSignal(controller.drawing_placed, timeout=20_000):
        page.show()
    assert asked[0].rows[0] == 3


def test_a_map_of_a_layer_too_large_to_keep_says_the_drawing_is_not_placed(
    qtbot, controller, result, monkeypatch
):
    from nndesk.controllers import explore

    monkeypatch.setattr(explore, "KEPT_FEATURE_BYTES", 10)
    page = MapView(controller)
    qtbot.addWidget(page)
    page.show()
    page.set_result(result)
    page.set_drawing(result.images[0].astype(np.float32))
    page.points.setValue(100)
    with qtbot.waitSignal(controller.map_ready, timeout=20_000):
        page.draw_button.click()
    assert page.data.features is None
    assert page.drawing_note.text().startswith("Your drawing is not placed")


def test_a_map_comes_back_when_its_model_is_opened_again_on_the_same_images(
    qtbot, controller, result, tiny_model_file
):
    """walk66 #9: a finished t-SNE was thrown away by a mode round trip (Ctrl+1, Ctrl+2 open
    the same model file again and evaluate it anew): the map, its layer and method come back
    for the same weights on the same images; another model's evaluation starts empty."""
    from nndesk.inference import Classifier

    page = MapView(controller)
    qtbot.addWidget(page)
    page.set_result(result)
    page.layer.setCurrentIndex(0)
    page.method.setCurrentIndex(page.method.findData("pca"))
    page.points.setValue(100)
    with qtbot.waitSignal(controller.map_ready, timeout=20_000):
        page.draw_button.click()
    drawn = page.data
    page.set_result(None)
    assert page.data is None
    page.layer.setCurrentIndex(1)
    again = evaluate(Classifier.from_file(tiny_model_file), result.images, result.labels)
    page.set_result(again)
    assert page.data is drawn and page.layer.currentData() == 0
    other = Classifier.from_file(tiny_model_file)
    _name, weights, _grad = other.model.parameters()[0]
    weights += 0.01  # a Lab edit or another run: not the map's model
    page.set_result(evaluate(other, result.images, result.labels))
    assert page.data is None


def test_the_maps_progress_says_the_time_left_as_the_training_bar_does(qtbot, controller, result):
    """walk66 #9: a t-SNE's progress was a bare percentage ("3 %" after 45 s, ~6 min in all).
    The time left comes from the iterations' pace, timed from the first one (the affinities'
    search before it, reported as done 0, runs at another pace)."""
    from nndesk.ui import language

    page = MapView(controller)
    qtbot.addWidget(page)
    page.set_result(result)
    now = [100.0]
    page._clock = lambda: now[0]
    steps = [(0, 1000, 0.0), (0, 1000, 40.0), (1, 1000, 0.1), (10, 1000, 0.9), (100, 1000, 9.0)]
    said = []
    for done, total, wait in steps:  # the worker's reports, ``wait`` s after the last
        now[0] += wait
        controller.map_progressed.emit(done, total)
        said.append(page.progress.format())
    assert said[:4] == ["0%", "0%", "0%", "1%"]  # no pace yet: a share only
    # 100 iterations in 10 s since the search ended: 900 left take 90 s
    assert said[4] == "10%  ·  ETA 1:30"
    assert language.use_language("vi") == "vi"
    try:
        now[0] += 10.0
        controller.map_progressed.emit(200, 1000)  # 200 in 20 s: 800 left, 80 s
        assert page.progress.format() == "20%  ·  còn 1:20"
    finally:
        language.use_language("en")
    page.draw_button.setEnabled(True)
    page.request()  # a new map: no time left until its own pace is known
    assert page.progress.format() == "%p%"
