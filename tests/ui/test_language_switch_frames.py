"""What a language switch puts on screen: the old window or a whole new one, never a mix (walk51
D6: the answer column painted over the grown canvas, and a stale "Model saved: …" in the status
bar), and the Why page's nearest training images are not searched for again."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from nndesk.controllers import explain as explain_controller
from nndesk.inference import Classifier
from nndesk.ui import language
from tests.ui.conftest import switched_windows, train_two_epochs
from tests.ui.test_language_rebuild import _answer_switch_now, _forget_replaced_windows
from tests.ui.test_language_switch import _switch
from tests.ui.test_language_switch import english_after as english_after  # a fixture


def overlapping_siblings(root: QWidget) -> list[tuple[str, str]]:
    """Pairs of visible widgets with the same parent whose rectangles meet (a settled window
    has none on any page)."""
    found = []

    def walk(widget: QWidget) -> None:
        kids = [
            child
            for child in widget.children()
            if isinstance(child, QWidget) and child.isVisible() and not child.isWindow()
        ]
        for i, one in enumerate(kids):
            for other in kids[i + 1 :]:
                if one.geometry().intersects(other.geometry()):
                    found.append((type(one).__name__, type(other).__name__))
        for child in kids:
            walk(child)

    walk(root)
    return found


class _PaintWatch(QObject):
    """Each paint of a window other than ``old``: the overlapping siblings it painted, and
    whether its preview showed the drawing as read (an answer) then."""

    def __init__(self, old: QWidget) -> None:
        super().__init__()
        self.old = old
        self.paints: list[list[tuple[str, str]]] = []
        self.answered: list[bool] = []

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
            window = obj.window()
            if window is not self.old and hasattr(window, "draw_panel"):
                self.paints.append(overlapping_siblings(window))
                self.answered.append(window.preview.image() is not None)
        return False


def test_every_frame_of_the_new_window_is_laid_out_whole(
    qtbot, qapp, english_after, window_factory, stroke_classifier, monkeypatch
):
    """At 1280x760 the new window's canvas grows as it is shown; the answer column beside it
    was laid out at the column's first width and painted over the canvas until the next layout
    request (walk51 D6, seconds under load)."""
    from nndesk.app import desk as desk_module

    monkeypatch.setattr(desk_module, "ANSWER_WAIT_S", 60.0)  # a loaded machine's answer waits
    desk = window_factory(classifier=stroke_classifier)
    desk.window.resize(1280, 760)
    desk.window.canvas.draw_stroke([(140, 30), (140, 250)])
    qtbot.waitUntil(desk.prediction.is_idle, timeout=60_000)
    assert overlapping_siblings(desk.window) == []  # settled: nothing overlaps
    finished = switched_windows(desk)
    watch = _PaintWatch(desk.window)
    qapp.installEventFilter(watch)
    try:
        _answer_switch_now(qtbot, desk, "vi")
        qtbot.waitUntil(lambda: len(finished) == 1, timeout=60_000)
        new = finished[0]
        qtbot.addWidget(new.window)
        _forget_replaced_windows(qtbot._request.node)
        qtbot.waitUntil(new.prediction.is_idle, timeout=60_000)
        qtbot.waitUntil(lambda: len(watch.paints) > 0)
    finally:
        qapp.removeEventFilter(watch)
    try:
        assert language.current_language() == "vi"
        assert [overlaps for overlaps in watch.paints if overlaps] == []
        assert overlapping_siblings(new.window) == []
        # shown once its drawing was answered: never "nothing drawn" beside the drawing
        assert all(watch.answered)
    finally:
        new.window.close()


def test_a_finished_runs_model_saved_message_does_not_come_back_after_the_switch(
    qtbot, english_after, window_factory, tiny_model_file, tiny_data_dir
):
    """The Train page shows the last run again in the new window; its "Model saved: …" went
    to the new window's status bar too, as if the model had just been saved."""
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    page = desk.train_page
    desk.window.tabs.setCurrentWidget(page)
    train_two_epochs(qtbot, page)
    qtbot.waitUntil(lambda: "Model saved" in desk.window.statusBar().currentMessage())

    new = _switch(qtbot, desk, "vi")

    assert new.window.statusBar().currentMessage() == ""
    assert new.train_page.model_label.text() != ""  # the page itself still names the file
    new.window.close()


def test_the_nearest_training_images_are_not_searched_for_again_after_the_switch(
    qtbot, english_after, window_factory, tiny_model_file, tiny_data_dir, monkeypatch
):
    """The search runs the training set through the network (~90 s under load for a CNN,
    walk51 D6); its result does not depend on the language."""
    pools = []  # the training sets run through a network
    real = explain_controller.hidden_features

    def counting(model, normalizer, images, *args, **kwargs):
        if len(images) > 1:
            pools.append(len(images))
        return real(model, normalizer, images, *args, **kwargs)

    monkeypatch.setattr(explain_controller, "hidden_features", counting)
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    desk.window.tabs.setCurrentWidget(desk.why_page)
    drawing = np.zeros((280, 280), np.uint8)
    drawing[50:230, 120:160] = 255
    desk.window.canvas.set_array(drawing)
    why = desk.why_page
    qtbot.waitUntil(lambda: why.neighbour_tiles[0].isVisible(), timeout=20_000)
    captions = [tile.caption.text() for tile in why.neighbour_tiles]
    assert len(pools) == 1

    new = _switch(qtbot, desk, "vi")

    why = new.why_page
    # shown at once, not "Looking for…" until the page's own search answers
    assert why.neighbour_tiles[0].isVisibleTo(why)
    qtbot.waitUntil(lambda: why.neighbour_tiles[0].isVisible(), timeout=20_000)
    shown = [tile.caption.text().replace(",", ".") for tile in why.neighbour_tiles]
    assert shown == captions  # the same images (distances with the Vietnamese decimal mark)
    assert len(pools) == 1
    new.window.close()


def test_a_search_answering_while_the_new_window_is_built_goes_to_the_new_window_only(
    qtbot, english_after, window_factory, tiny_model_file, tiny_data_dir
):
    """The old window stays on screen while the new one is built: an answer reaching its Why
    page then was said in the new language (an English line in a Vietnamese window)."""
    from nndesk.app.desk import _Switch
    from nndesk.controllers.explain import Neighbours

    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    desk.window.tabs.setCurrentWidget(desk.why_page)
    why = desk.why_page
    note = why.neighbours_note.text()
    switch = _Switch(desk, "vi")
    steps = switch.steps()
    next(steps)  # the work taken, the language set
    next(steps)  # the controller lent, the new window's first step
    found = Neighbours(np.zeros((6, 28, 28), np.uint8), (1,) * 6, (1.0,) * 6, 100)
    desk.explainer.neighbours_ready.emit(why._neighbour_token, found)  # noqa: SLF001
    said = why.neighbours_note.text()
    tiles = [tile.isVisibleTo(why) for tile in why.neighbour_tiles]
    for _ in steps:
        pass
    new = switch.result
    qtbot.addWidget(new.window)
    _forget_replaced_windows(qtbot._request.node)
    new.window.close()
    assert said == note
    assert not any(tiles)
