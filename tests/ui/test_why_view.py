"""The Why page's slower views: other methods, classes, contrasts, nearest training images."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from nndesk.controllers import explain as explain_controller
from nndesk.explain import hidden_features, nearest, saliency
from nndesk.inference import Classifier


@pytest.fixture
def why_desk(window_factory, tiny_model_file):
    """The window on the Why page with the tiny MNIST-named MLP and a vertical stroke drawn."""
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    desk.window.tabs.setCurrentWidget(desk.why_page)
    drawing = np.zeros((280, 280), np.uint8)
    drawing[50:230, 120:160] = 255
    desk.prediction.request_now(drawing)
    return desk


def _wait_for_answer(qtbot, desk):
    qtbot.waitUntil(lambda: desk.why_page._prediction is not None, timeout=10_000)  # noqa: SLF001
    return desk.why_page._prediction  # noqa: SLF001


@pytest.fixture
def held_training_images(tiny_data_dir, monkeypatch):
    """The training images load only once the returned event is set. Requested before
    ``why_desk``: pytest-qt processes events between the fixtures and the test, and the
    drawing's search must already wait on the event then, not find the images at once."""
    release = _hold_training_images(monkeypatch)
    yield release
    release.set()


def _hold_training_images(monkeypatch) -> threading.Event:
    """From now on the training images load only once the returned event is set."""
    from nndesk.controllers import datasets

    release = threading.Event()
    real = datasets.get_dataset

    def held(name):
        release.wait(timeout=120)
        return real(name)

    monkeypatch.setattr(datasets, "get_dataset", held)
    return release


def test_occlusion_is_computed_off_the_gui_thread_and_shown_on_the_overlay(
    qtbot, why_desk, threads_calling
):
    threads = threads_calling(explain_controller, "saliency")
    why = why_desk.why_page
    answer = _wait_for_answer(qtbot, why_desk)
    with qtbot.waitSignal(why.overlay_shown, timeout=10_000):
        why.set_saliency_kind("occlusion")
    clf = why_desk.prediction.current()
    expected = saliency(clf.model, clf.normalizer, answer.input_image, answer.label, "occlusion")
    np.testing.assert_allclose(why.input_view._saliency, expected, rtol=1e-5)  # noqa: SLF001
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert "blacked out" in why.method_note.text() and "mislead" not in why.method_note.text()
    assert "Caution" in why.caution.text()


def test_a_chosen_class_against_another_shows_the_contrast_map(qtbot, why_desk):
    why = why_desk.why_page
    answer = _wait_for_answer(qtbot, why_desk)
    why.set_saliency_kind("gradient")
    with qtbot.waitSignal(why.overlay_shown, timeout=10_000):
        why.set_target(7, 1)
    clf = why_desk.prediction.current()
    image = answer.input_image
    seven = saliency(clf.model, clf.normalizer, image, 7, "gradient")
    one = saliency(clf.model, clf.normalizer, image, 1, "gradient")
    np.testing.assert_allclose(why.own_map(), seven - one, rtol=1e-4, atol=1e-7)
    assert "<b>7</b> rather than <b>1</b>" in why.summary.text()


def test_the_nearest_training_images_are_the_closest_in_the_last_hidden_layer(
    qtbot, tiny_data_dir, why_desk
):
    from nndesk.controllers.datasets import get_dataset

    why = why_desk.why_page
    answer = _wait_for_answer(qtbot, why_desk)
    qtbot.waitUntil(lambda: why.neighbour_tiles[0].isVisible(), timeout=20_000)
    clf = why_desk.prediction.current()
    data = get_dataset("mnist")
    pool = data.train_images[: explain_controller.NEIGHBOUR_POOL]
    feats = hidden_features(clf.model, clf.normalizer, pool)
    query = hidden_features(clf.model, clf.normalizer, answer.input_image[None])[0]
    order, dist = nearest(feats, query, 6)
    captions = [tile.caption.text() for tile in why.neighbour_tiles]
    expected = [f"{data.train_labels[i]}\nd = {d:.2f}" for i, d in zip(order, dist, strict=True)]
    assert captions == expected
    assert not why.neighbours_banner.isVisible()


def test_while_the_first_search_runs_the_page_says_it_is_looking(
    qtbot, held_training_images, why_desk
):
    """The first search reads the training set (seconds): "Draw something" under a drawing
    looked broken (a new user's report)."""
    release = held_training_images
    why = why_desk.why_page
    _wait_for_answer(qtbot, why_desk)
    qtbot.waitUntil(lambda: "Looking for" in why.neighbours_note.text(), timeout=10_000)
    assert not any(tile.isVisible() for tile in why.neighbour_tiles)
    release.set()
    qtbot.waitUntil(lambda: why.neighbour_tiles[0].isVisible(), timeout=20_000)
    assert "Looking for" not in why.neighbours_note.text()


def test_without_training_data_the_page_says_so_and_offers_the_download(qtbot, why_desk):
    why = why_desk.why_page
    _wait_for_answer(qtbot, why_desk)
    qtbot.waitUntil(lambda: why.neighbours_banner.isVisible(), timeout=10_000)
    assert "MNIST" in why.neighbours_banner.text()
    assert why.neighbours_banner.offered_dataset() == "mnist"
    assert not any(tile.isVisible() for tile in why.neighbour_tiles)
    # the drawing goes on: another stroke is still answered while the data is missing
    drawing = np.zeros((280, 280), np.uint8)
    drawing[100:180, 40:240] = 255
    with qtbot.waitSignal(why_desk.prediction.prediction_ready, timeout=10_000):
        why_desk.prediction.request_now(drawing)


def test_without_training_data_a_new_drawing_keeps_one_message_while_it_is_looked_for(
    qtbot, why_desk, monkeypatch
):
    """Walk45 D5: the next drawing's search said "Looking for the training images…" above the
    "MNIST is not on this computer yet" banner (squashed, its text cut) until it failed again.
    The banner's message stands while the data is looked for again."""

    why = why_desk.why_page
    _wait_for_answer(qtbot, why_desk)
    qtbot.waitUntil(lambda: why.neighbours_banner.isVisible(), timeout=10_000)
    said = why.neighbours_note.text()
    release = _hold_training_images(monkeypatch)
    explainer = why._explainer  # noqa: SLF001
    drawing = np.zeros((280, 280), np.uint8)
    drawing[100:180, 40:240] = 255
    try:
        why_desk.prediction.request_now(drawing)
        qtbot.waitUntil(lambda: not explainer._neighbours.is_idle(), timeout=10_000)  # noqa: SLF001
        assert why.neighbours_banner.isVisible()
        assert why.neighbours_note.text() == said  # not "Looking for…" beside the banner
    finally:
        release.set()  # a failed test never leaves the search waiting as the window closes
    qtbot.waitUntil(explainer.is_idle, timeout=10_000)
    QApplication.processEvents()
    assert why.neighbours_banner.isVisible() and why.neighbours_note.text() == said


def test_a_new_answers_neighbours_are_asked_for_after_the_bars_painted_it(
    qtbot, why_desk, monkeypatch
):
    """Asked at once, the explain threads' work took the CPU and the GIL from the bars' paint."""
    why, bars = why_desk.why_page, why_desk.window.prediction_panel.bars
    _wait_for_answer(qtbot, why_desk)
    explainer = why._explainer  # noqa: SLF001
    asked: list[bool] = []
    painted: list[bool] = []
    # a recorder ahead of the page's own slot on the bars' signal
    bars.painted.disconnect(why.answer_painted)
    bars.painted.connect(lambda: painted.append(True))
    bars.painted.connect(why.answer_painted)
    real = explainer.request_neighbours

    def recording(clf, image28, *args, **kwargs):
        asked.append(bool(painted))  # had the bars painted the answer by then?
        return real(clf, image28, *args, **kwargs)

    monkeypatch.setattr(explainer, "request_neighbours", recording)
    # the wait for a paint that never comes, past any paint: on a loaded machine the bars'
    # paint came after ASK_AFTER_MS and the fallback asked first
    why._ask_timer.setInterval(60_000)  # noqa: SLF001
    drawing = np.zeros((280, 280), np.uint8)
    drawing[60:220, 60:100] = 255  # another drawing: another answer
    painted.clear()
    why_desk.prediction.request_now(drawing)
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert asked == [True]


def test_a_search_answered_after_the_model_changed_is_dropped(
    qtbot, held_training_images, why_desk
):
    """The screenshot render caught the garment model's Why page showing the digit model's
    nearest 8s captioned "Bag" (class 8): a search asked of the previous model answered after
    the switch and before the new model's own search was asked for."""
    release = held_training_images
    why = why_desk.why_page
    _wait_for_answer(qtbot, why_desk)
    qtbot.waitUntil(lambda: "Looking for" in why.neighbours_note.text(), timeout=10_000)
    why.set_classifier(why_desk.prediction.current())  # another model (here: the same, anew)
    with qtbot.waitSignal(why._explainer.neighbours_ready, timeout=20_000):  # noqa: SLF001
        release.set()
    QApplication.processEvents()
    assert not any(tile.isVisible() for tile in why.neighbour_tiles)


@pytest.fixture
def vietnamese_first(qapp):
    from nndesk.ui import language

    assert language.use_language("vi") == "vi"
    yield
    language.use_language("en")


def test_the_explanation_keeps_its_room_beside_the_map_in_vietnamese(
    qtbot, vietnamese_first, why_desk
):
    """In Vietnamese the method box grew as wide as its longest choice ("Integrated gradients
    (gradient tích phân)") and the explanation beside the map shrank to ~230 px, some fifteen
    narrow lines, where English had one wide column. One window at 1280x760, then narrowed to
    1024x700."""
    page = why_desk.why_page
    box = page.kind_combo
    for size in ((1280, 760), (1024, 700)):
        why_desk.window.resize(*size)
        _wait_for_answer(qtbot, why_desk)
        QApplication.processEvents()
        text = box.fontMetrics().horizontalAdvance(box.currentText())
        assert box.width() <= text + 60, (size, box.currentText(), box.width())  # its choice's
        if page.summary.x() > page.input_view.x():  # side by side
            group = page.summary.parentWidget()
            assert page.summary.width() >= 0.45 * group.width(), (
                size,
                page.summary.width(),
                group.width(),
            )


def test_an_emptied_canvas_empties_the_nearest_images_too_and_a_late_search_is_dropped(
    qtbot, held_training_images, why_desk
):
    """Walk 43, item 16: after undoing to an empty canvas the saliency map said "nothing
    drawn" while "Nearest training images" still said it was looking for images like the
    drawing. Every panel now says the same, and the search's late answer shows nothing."""
    release = held_training_images
    why = why_desk.why_page
    _wait_for_answer(qtbot, why_desk)
    qtbot.waitUntil(lambda: "Looking for" in why.neighbours_note.text(), timeout=10_000)
    why_desk.prediction.request_now(np.zeros((280, 280), np.uint8))  # Undo to an empty sheet
    qtbot.waitUntil(lambda: why._prediction is None, timeout=10_000)  # noqa: SLF001
    assert why.neighbours_note.text().startswith("Draw something")
    assert why.summary.text().startswith("<p>Draw something")
    explainer = why._explainer  # noqa: SLF001
    assert not explainer._neighbours.is_idle()  # noqa: SLF001  (the search waits for the images)
    with qtbot.waitSignal(explainer.neighbours_ready, timeout=20_000):
        release.set()  # the search for the drawing now gone finishes
    assert not any(tile.isVisibleTo(why) for tile in why.neighbour_tiles)
    assert why.neighbours_note.text().startswith("Draw something")
    # the drawing comes back (Redo): its neighbours are looked for and shown
    drawing = np.zeros((280, 280), np.uint8)
    drawing[50:230, 120:160] = 255
    why_desk.prediction.request_now(drawing)
    qtbot.waitUntil(lambda: why.neighbour_tiles[0].isVisibleTo(why), timeout=20_000)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_net_that_never_sees_the_last_rows_and_columns_says_so_under_the_map(
    qtbot, why_desk, lang
):
    """Walk 43: a 1-epoch "784-c32v-p-c64v-p-128-10" left a zero L-band along the right and
    bottom of every map, which a student takes for a bug. The page says why, in one line."""
    from dataclasses import replace

    from nndesk.nn.architecture import build_model
    from nndesk.ui import language

    why = why_desk.why_page
    mlp = why_desk.prediction.current()
    language.use_language(lang)
    try:
        why.set_classifier(mlp)
        assert why.edge_note.isHidden()
        model = build_model("784-c8v-p-c8v-p-16-10", rng=np.random.default_rng(0))
        why.set_classifier(replace(mlp, model=model))
        assert not why.edge_note.isHidden()
        assert "(2 px)" in why.edge_note.text()
        word = {"en": "unpadded convolutions", "vi": "tích chập không đệm"}[lang]
        assert word in why.edge_note.text()
        zero = {"en": "the map is zero, rightly", "vi": why.edge_note.text()}[lang]
        assert zero in why.edge_note.text()
        # occlusion's squares reaching the edge cover pixels inside: its map is not zero there,
        # and the note says so instead (walk62 D8: it said "zero" under coloured edge cells)
        why.set_saliency_kind("occlusion")
        assert not why.edge_note.isHidden() and "(2 px)" in why.edge_note.text()
        assert word in why.edge_note.text()
        assert zero not in why.edge_note.text()
        if lang == "en":
            assert "this map is not zero there" in why.edge_note.text()
        why.set_saliency_kind("gradient")
        assert zero in why.edge_note.text()
        padded = build_model("784-c8-p-c8-p-16-10", rng=np.random.default_rng(0))
        why.set_classifier(replace(mlp, model=padded))
        assert why.edge_note.isHidden()
    finally:
        language.use_language("en")


def _contrast_row_enabled(why, class_index: int) -> bool:
    item = why.contrast_combo.model().item(class_index + 1)  # row 0 is "no contrast"
    return bool(item.isEnabled())


def test_the_class_explained_cannot_be_chosen_as_its_own_contrast(qtbot, why_desk):
    """walk48 D7: "7 and not 7" was offered, and choosing it changed nothing, silently."""
    why = why_desk.why_page
    answer = _wait_for_answer(qtbot, why_desk)
    top = int(np.argmax(answer.probabilities))
    qtbot.waitUntil(lambda: not _contrast_row_enabled(why, top), timeout=10_000)
    other = (top + 1) % 10
    assert _contrast_row_enabled(why, other)
    why.set_target(other)  # explaining another class: the answer may be contrasted again
    assert not _contrast_row_enabled(why, other) and _contrast_row_enabled(why, top)


def test_a_contrast_that_became_the_class_explained_is_said_not_dropped(qtbot, why_desk):
    """A contrast chosen before the answer changed to it: the summary says why no contrast
    is shown instead of quietly explaining the class alone."""
    why = why_desk.why_page
    answer = _wait_for_answer(qtbot, why_desk)
    top = int(np.argmax(answer.probabilities))
    why.set_saliency_kind("gradient")
    why.set_target(None, top)  # as if chosen while the answer was another class
    said = "cannot be contrasted with itself"
    qtbot.waitUntil(lambda: said in why.summary.text(), timeout=10_000)
    assert "rather than" not in why.summary.text()


def test_clear_starts_the_next_drawing_on_why_this_answer(qtbot, why_desk):
    """walk55 D11: "and not: Sandal" chosen for a sneaker, then Clear and a bag: the map
    explained "Bag rather than Sandal"; "Explain: 1" on a 7 stayed on the 2 drawn next."""
    why, canvas = why_desk.why_page, why_desk.window.canvas
    drawing = np.zeros((280, 280), np.uint8)
    drawing[50:230, 120:160] = 255
    canvas.set_array(drawing)
    why.set_target(7, 1)
    assert why.chosen_target() == (7, 1)
    canvas.clear()
    assert why.chosen_target() == (None, None)
    canvas.undo()  # the drawing back: the choice made for it stays gone, as for a new one
    why.set_target(3, None)
    canvas.clear()
    canvas.clear()  # a blank canvas cleared again changes nothing
    assert why.chosen_target() == (None, None)


@pytest.mark.parametrize("output", ["sigmoid", "softmax"])
def test_a_sigmoid_networks_runner_up_is_not_given_a_margin(qtbot, window_factory, output):
    """A sigmoid network's scores are each class's own (2 at 99.7 %, 7 at 3.7 %): the page read
    "a margin of 96.0 percentage points" as if they were shares of 100 % (walk55 D3)."""
    from nndesk.nn.architecture import build_model

    model = build_model("784-16-10", output=output, rng=np.random.default_rng(0))
    info = {"class_names": [str(d) for d in range(10)], "normalization": {"kind": "unit"}}
    desk = window_factory(classifier=Classifier.from_info(model, info))
    desk.window.tabs.setCurrentWidget(desk.why_page)
    drawing = np.zeros((280, 280), np.uint8)
    drawing[50:230, 120:160] = 255
    desk.prediction.request_now(drawing)
    why = desk.why_page
    qtbot.waitUntil(lambda: "Runner-up" in why.summary.text(), timeout=10_000)
    text = why.summary.text()
    if output == "sigmoid":
        assert "independent scores" in text and "margin" not in text
    else:
        assert "a margin of" in text and "independent" not in text


def test_the_first_search_says_how_long_it_may_take_and_how_far_it_is(
    qtbot, held_training_images, why_desk
):
    """It said "a few seconds" and took 25-70 s on a busy machine (walk55 D7): the note says
    up to a minute, then counts the training images run through the network."""
    release = held_training_images
    why = why_desk.why_page
    _wait_for_answer(qtbot, why_desk)
    qtbot.waitUntil(lambda: "Looking for" in why.neighbours_note.text(), timeout=10_000)
    assert "up to a minute" in why.neighbours_note.text()
    assert "a few seconds" not in why.neighbours_note.text()
    explainer = why._explainer  # noqa: SLF001
    first = why._neighbour_token  # noqa: SLF001
    # a count for a search asked of an earlier model is not shown
    explainer.neighbours_progress.emit(first - 1, 10, 10_000)
    assert "10 of" not in why.neighbours_note.text()
    explainer.neighbours_progress.emit(first, 3000, 10_000)
    assert "3,000 of 10,000 training images" in why.neighbours_note.text()
    # another stroke: its search waits for the running one (the first drawing's), whose
    # count is still this model's features being computed
    drawing = np.zeros((280, 280), np.uint8)
    drawing[100:180, 40:240] = 255
    why_desk.prediction.request_now(drawing)
    qtbot.waitUntil(lambda: why._neighbour_token > first, timeout=10_000)  # noqa: SLF001
    explainer.neighbours_progress.emit(first, 6000, 10_000)
    assert "6,000 of 10,000 training images" in why.neighbours_note.text()
    release.set()
    qtbot.waitUntil(lambda: why.neighbour_tiles[0].isVisible(), timeout=20_000)
    assert "Looking for" not in why.neighbours_note.text()


def test_a_filled_shapes_slope_map_says_it_is_speckle_and_offers_occlusion(
    qtbot, window_factory, tiny_model_file
):
    """On a filled garment gradient × input and integrated gradients are a red/blue
    checkerboard and only occlusion reads (walk55 D6): under the map a line says so and its
    link switches to occlusion; a stroke drawing has no such line."""
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    desk.window.tabs.setCurrentWidget(desk.why_page)
    why = desk.why_page
    why.set_saliency_kind("gradient_x_input")
    filled = np.zeros((280, 280), np.uint8)
    filled[40:240, 40:240] = 255
    desk.prediction.request_now(filled)
    qtbot.waitUntil(lambda: why._prediction is not None, timeout=10_000)  # noqa: SLF001
    # "a filled shape, or strokes as thick as these" (walk61 D20: a thick zigzag was called filled)
    assert why.fill_note.isVisible() and "filled shape" in why.fill_note.text()
    why.fill_note.linkActivated.emit("occlusion")
    assert why.saliency_kind() == "occlusion"
    assert not why.fill_note.isVisible()
    why.set_saliency_kind("integrated_gradients")
    assert why.fill_note.isVisible()
    stroke = np.zeros((280, 280), np.uint8)
    stroke[50:230, 130:150] = 255
    expected = desk.prediction.current().prepare(stroke)
    desk.prediction.request_now(stroke)
    qtbot.waitUntil(
        lambda: np.array_equal(why._prediction.input_image, expected),  # noqa: SLF001
        timeout=10_000,
    )
    assert not why.fill_note.isVisible()


def test_a_slope_map_says_where_more_ink_would_raise_the_score(qtbot, why_desk):
    """SmoothGrad (a slope) lights the blank background, yet the line said its red pixels
    "argue for" the class (walk55 D6); gradient × input's red pixels do."""
    why = why_desk.why_page
    _wait_for_answer(qtbot, why_desk)
    why.set_saliency_kind("gradient")
    qtbot.waitUntil(lambda: "Runner-up" in why.summary.text(), timeout=10_000)
    assert "where more ink would raise its score" in why.summary.text()
    why.set_saliency_kind("gradient_x_input")
    assert "argue for it" in why.summary.text()


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_garment_model_trained_on_photos_only_says_drawings_are_new_to_it(qtbot, why_desk, lang):
    """walk60 D7m: a lab model (Share of sketches 0) called a drawn sneaker "Bag" at 95-99 %,
    and nothing on the canvas or the Why page tied that to how the model was trained."""
    from dataclasses import replace

    from nndesk.ui import language

    why = why_desk.why_page
    mlp = why_desk.prediction.current()
    language.use_language(lang)
    try:
        photos = replace(mlp, preprocess_kind="garments", info={"config": {"sketch": 0.0}})
        why.set_classifier(photos)
        assert not why.photos_note.isHidden()
        word = {"en": "photos only", "vi": "chỉ học từ ảnh chụp"}[lang]
        assert word in why.photos_note.text()
        sketched = replace(photos, info={"config": {"sketch": 0.15}})
        why.set_classifier(sketched)
        assert why.photos_note.isHidden()
        unsaid = replace(photos, info={})  # a file that does not say: nothing claimed
        why.set_classifier(unsaid)
        assert why.photos_note.isHidden()
        digits = replace(photos, preprocess_kind="digits")  # drawn digits read well
        why.set_classifier(digits)
        assert why.photos_note.isHidden()
    finally:
        language.use_language("en")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_training_runs_mlp_snapshot_is_described_as_the_mlp_whose_units_are_shown(
    qtbot, why_desk, lang
):
    """Walk65 D16: an MLP trained in Digits while the picked model was a CNN; the units box
    said "This model is a CNN … open an MLP" over the MLP's unit pictures. The words follow
    the model explained (the run's snapshot, which never changes the page's classifier)."""
    import copy
    from dataclasses import replace

    from nndesk.nn.architecture import build_model
    from nndesk.ui import language

    why = why_desk.why_page
    mlp = why_desk.prediction.current()
    _wait_for_answer(qtbot, why_desk)
    language.use_language(lang)
    try:
        cnn = build_model("784-c8-p-c8-p-16-10", rng=np.random.default_rng(0))
        why_desk.prediction.set_classifier(replace(mlp, model=cnn))
        cnn_words = {"en": "This model is a CNN", "vi": "CNN"}[lang]
        qtbot.waitUntil(lambda: cnn_words in why.units_note.text(), timeout=10_000)
        cnn_text = why.units_note.text()
        why_desk.prediction.live_update(replace(mlp, model=copy.deepcopy(mlp.model)))
        qtbot.waitUntil(lambda: any(t.isVisibleTo(why) for t in why.tiles), timeout=10_000)
        assert cnn_words not in why.units_note.text()
        assert "28×28" in why.units_note.text() and why.units_note.text() != cnn_text
    finally:
        language.use_language("en")


def test_each_box_is_wide_enough_for_its_own_choice_with_occlusion(qtbot, why_desk):
    """walk66 #8: with Occlusion (a short name) the "and not:" box was cut to "— (no contra":
    after "7 rather than 1" and a mode switch its width was still the "1"'s (the boxes are
    refilled with their signals held back), and the column shrank to the method box's."""
    from nndesk.ui.choice_box import edit_field_width

    why = why_desk.why_page
    _wait_for_answer(qtbot, why_desk)
    why.set_target(7, 1)  # "7 rather than 1": the box as wide as "1"
    QApplication.processEvents()
    # another model (a mode switch) refills the boxes with their signals held back
    why.set_classifier(why_desk.prediction.current())
    why.set_saliency_kind("occlusion")
    boxes = (why.kind_combo, why.class_combo, why.contrast_combo)

    def cut() -> list[str]:
        return [
            box.currentText()
            for box in boxes
            if box.fontMetrics().horizontalAdvance(box.drawn_text()) + 2 > edit_field_width(box)
        ]

    qtbot.waitUntil(lambda: why.contrast_combo.isVisible(), timeout=10_000)
    QApplication.processEvents()
    assert why.contrast_combo.currentText() == "— (no contrast)"
    assert cut() == []


def test_integrated_gradients_with_a_contrast_says_it_adds_up_to_the_difference(qtbot, why_desk):
    """walk66 #11: with "7 rather than 1" the note still said the map adds up to the score's
    change; for a contrast it is the change of the difference of the two scores."""
    why = why_desk.why_page
    _wait_for_answer(qtbot, why_desk)
    why.set_saliency_kind("integrated_gradients")
    assert "the score's change" in why.method_note.text()
    why.set_target(7, 1)
    assert "difference of the two scores" in why.method_note.text()
    why.set_target(7, None)
    assert "the score's change" in why.method_note.text()
    # another model (a mode switch) refills the boxes silently: no contrast, nor its note
    why.set_target(7, 1)
    why.set_classifier(why_desk.prediction.current())
    assert why.contrast_combo.currentData() is None
    assert "the score's change" in why.method_note.text()


def test_the_why_pages_margin_is_the_canvass(qtbot):
    """walk69 D2: one drawing, "a margin of 98.8 percentage points" on the Why page beside the
    canvas's "Runner-up: 4 0.5% (margin 98.9 points)" under "9 99.4%": the page said the exact
    margin (98.847), the canvas the difference of the figures shown. Both say 98.9 now."""
    import re

    from nndesk.explain import Explanation, runner_up
    from nndesk.ui.prediction_view import PredictionPanel
    from nndesk.ui.why_view import WhyView
    from tests.ui.test_prediction_view import NAMES, prediction

    probs = np.full(10, 0.00055 / 8, np.float32)
    probs[9], probs[4] = 0.99396, 0.00549  # 99.4% and 0.5% shown; the exact margin 98.847
    answer = prediction(probs)
    canvas = PredictionPanel()
    why = WhyView()
    qtbot.addWidget(canvas)
    qtbot.addWidget(why)
    canvas.set_class_names(NAMES)
    canvas.set_prediction(answer)
    second, exact = runner_up(answer.probabilities)
    assert round(100 * exact, 1) == 98.8  # what the page said
    why.set_prediction(answer)
    saliency_map = np.zeros((28, 28), np.float32)
    why.set_explanation(Explanation(9, saliency_map, "gradient", second, exact))
    qtbot.waitUntil(lambda: "Runner-up" in why.summary.text(), timeout=5_000)
    on_canvas = re.search(r"margin ([\d.]+) points", canvas.runner_up_label.text())
    on_page = re.search(r"margin of <b>([\d.]+)</b> percentage points", why.summary.text())
    assert on_canvas and on_page, (canvas.runner_up_label.text(), why.summary.text())
    assert on_page.group(1) == on_canvas.group(1) == "98.9"
