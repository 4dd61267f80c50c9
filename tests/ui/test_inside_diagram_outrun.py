"""The Inside diagram while a run trains: a new snapshot each ~0.3 s, and on a loaded machine a
paint takes longer. Each finished paint goes on screen if newer than the one there: thrown
away for the newer snapshot, as it was, the diagram stayed empty for 15-25 s (walk65 D24)."""

from __future__ import annotations

import threading

import numpy as np

from nndesk import inside
from nndesk.controllers.prediction import InsideSnapshot
from nndesk.inference import Classifier
from nndesk.paths import WEIGHTS_DIR
from nndesk.ui import inside_diagram
from nndesk.ui.inside_diagram import NetworkDiagram
from tests.ui.conftest import shown_widget

WAIT_MS = 20_000


def _snapshot(clf: Classifier, column: int) -> InsideSnapshot:
    image = np.zeros((28, 28), np.float32)
    image[4:24, column : column + 3] = 255
    return InsideSnapshot(
        clf, clf.model, inside.trace(clf.model, clf.normalizer, image, clf.class_names)
    )


def _colours(widget) -> int:
    """How many colours the widget shows (1: an empty box)."""
    image = widget.grab().toImage()
    return len(
        {image.pixel(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)}
    )


def test_a_paint_outrun_by_a_newer_snapshot_still_reaches_the_screen(qtbot, monkeypatch):
    started, allowed = threading.Semaphore(0), threading.Semaphore(0)
    real = inside_diagram.diagram_image

    def held(*args):  # a loaded machine: each paint ends only when the test lets it
        started.release()
        allowed.acquire(timeout=WAIT_MS / 1000)
        return real(*args)

    monkeypatch.setattr(inside_diagram, "diagram_image", held)
    clf = Classifier.from_file(WEIGHTS_DIR / "mnist-mlp.npz")
    diagram = shown_widget(qtbot, NetworkDiagram(), (600, 400))
    try:
        diagram.set_snapshot(_snapshot(clf, 8), None)
        qtbot.waitUntil(lambda: started.acquire(blocking=False), timeout=WAIT_MS)
        # no empty box while the first paint is under way: it says it is drawing
        assert _colours(diagram) > 1
        assert diagram.unit_rect(inside.dense_layers(clf.model)[-1], 0) is None
        diagram.set_snapshot(_snapshot(clf, 14), None)  # the next snapshot, mid-paint
        allowed.release()
        # the newest is painted next, once the first is delivered: by then the first is shown
        qtbot.waitUntil(lambda: started.acquire(blocking=False), timeout=WAIT_MS)
        assert diagram.unit_rect(inside.dense_layers(clf.model)[-1], 0) is not None
        assert not diagram.is_current()
        allowed.release()
        qtbot.waitUntil(diagram.is_current, timeout=WAIT_MS)
    finally:
        for _ in range(4):
            allowed.release()  # nothing of this test left waiting on the pool


def test_a_page_opened_before_its_first_snapshot_says_it_is_drawing(qtbot):
    """The first visit said "Draw something to see inside" over a drawing (walk65 D24), from
    the diagram and from the CNN maps' place above it, until the first snapshot came."""
    from nndesk.ui.inside_view import InsideView

    asked: list[bool] = []
    view = InsideView()
    view.wanted_changed.connect(asked.append)
    shown_widget(qtbot, view, (900, 650))
    assert asked == [True]
    assert view.diagram.note() == "Drawing the diagram…"
    assert not view.maps.isVisible()
    # and its header too (verify66 #6: "Draw something: …" ~2 s over a 7 on the canvas)
    assert view.header.text() == "Reading the drawing…"
    with qtbot.waitSignal(view.updated, timeout=WAIT_MS):
        view.set_snapshot(None)  # nothing drawn after all
    assert view.diagram.note() == "Draw something to see inside"
    assert view.header.text().startswith("Draw something:")


def test_the_arithmetic_explains_the_drawing_the_diagram_shows(qtbot, monkeypatch):
    """While a run trained the arithmetic under the diagram changed with each snapshot and the
    diagram a paint later: for that paint the page explained one drawing beside the picture of
    another (fixU's note). The panels now follow the diagram's picture."""
    from nndesk.ui.inside_view import InsideView

    started, allowed = threading.Semaphore(0), threading.Semaphore(0)
    real = inside_diagram.diagram_image

    def held(*args):  # each paint ends only when the test lets it
        started.release()
        allowed.acquire(timeout=WAIT_MS / 1000)
        return real(*args)

    monkeypatch.setattr(inside_diagram, "diagram_image", held)
    clf = Classifier.from_file(WEIGHTS_DIR / "mnist-mlp.npz")
    view = shown_widget(qtbot, InsideView(), (900, 650))
    first, second = _snapshot(clf, 8), _snapshot(clf, 14)
    try:
        view.set_snapshot(first)
        qtbot.waitUntil(lambda: started.acquire(blocking=False), timeout=WAIT_MS)
        said_first = view.arithmetic.text()  # no picture yet: nothing to disagree with
        allowed.release()
        qtbot.waitUntil(view.diagram.is_current, timeout=WAIT_MS)
        view.set_snapshot(second)  # the run's next snapshot
        qtbot.waitUntil(lambda: started.acquire(blocking=False), timeout=WAIT_MS)
        assert view.snapshot() is second
        # its paint under way: the diagram still shows the first, and so does the arithmetic
        assert view.arithmetic.text() == said_first
        assert view.current_math().z == first_math_z(view, first)
        assert view.diagram.shown_snapshot() is first
        with qtbot.waitSignal(view.updated, timeout=WAIT_MS):
            allowed.release()
        assert view.diagram.shown_snapshot() is second
        assert view.arithmetic.text() != said_first
        assert view.current_math().z == first_math_z(view, second)
    finally:
        for _ in range(4):
            allowed.release()  # nothing of this test left waiting on the pool


def first_math_z(view, snapshot) -> float:
    """The selected unit's pre-activation in ``snapshot``."""
    _, layer, unit = view.selection()
    return inside.dense_unit(snapshot.model, snapshot.trace, layer, unit).z
