"""The Inside diagram's class names at the output stay told apart when the room is short: at
1024 px, View > Text size > Larger, in Vietnamese, fashion-mlp's four garments starting with
"Áo" (T-shirt/top, Pullover, Coat, Shirt) were all cut to "Áo…", with no tooltip (verify61)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from nndesk.ui.inside_diagram import short_class_name
from tests.ui.test_layout import WAIT_MS, show_at

FASHION_VI = (
    "Áo thun/áo phông",
    "Quần dài",
    "Áo len chui đầu",
    "Váy",
    "Áo khoác",
    "Xăng-đan",
    "Áo sơ mi",
    "Giày thể thao",
    "Túi xách",
    "Bốt cổ ngắn",
)


def _first_words(name: str, k: int) -> list[str]:
    return [w.casefold() for w in name.split("/")[0].split()[:k]]


def _told_apart(shown: str, whole: str, names) -> bool:
    """Whether ``shown`` (a name as drawn) is ``whole``'s and no other name's."""
    words = shown.removesuffix("…").split()
    others = [n for n in names if n != whole]
    return whole.casefold().startswith(shown.removesuffix("…").casefold()) and not any(
        _first_words(other, len(words)) == [w.casefold() for w in words] for other in others
    )


def test_a_shortened_name_keeps_the_words_that_tell_it_from_the_others(qapp):
    metrics = QFontMetrics(QFont(QApplication.font()))
    px = metrics.horizontalAdvance("Áo khoác…")  # room for two short words, not three
    shown = [short_class_name(name, FASHION_VI, px, metrics) for name in FASHION_VI]
    assert len(set(shown)) == len(shown), shown
    assert all(_told_apart(s, n, FASHION_VI) for s, n in zip(shown, FASHION_VI, strict=True))
    assert shown[0] == "Áo thun"  # the first of its two names, whole: no "…"
    assert shown[2] == "Áo len…" and shown[4] == "Áo khoác" and shown[3] == "Váy"
    assert all(metrics.horizontalAdvance(s) <= px for s in shown)
    # English: one word tells "Ankle boot" apart; a name that fits stays whole
    english = ("T-shirt/top", "Shirt", "Ankle boot", "Bag")
    px = max(metrics.horizontalAdvance(w) for w in ("Ankle…", "T-shirt"))
    shown = [short_class_name(name, english, px, metrics) for name in english]
    assert shown == ["T-shirt", "Shirt", "Ankle…", "Bag"]


def test_a_name_in_no_room_for_its_telling_words_is_cut_after_them(qapp):
    """Only when even the words that tell it apart do not fit does a name lose letters, and
    then the letters kept are its telling words' (never the shared "Áo" alone when any more
    fits)."""
    metrics = QFontMetrics(QFont(QApplication.font()))
    px = metrics.horizontalAdvance("Áo kh…")
    assert short_class_name("Áo khoác", FASHION_VI, px, metrics).startswith("Áo k")


@pytest.mark.parametrize("size", [(1024, 768), (1024, 700)])
def test_fashion_mlps_output_names_are_told_apart_at_larger_text_in_vietnamese(
    qtbot,
    window_factory,
    larger_vi,
    size,
):
    from nndesk.inference import Classifier
    from nndesk.paths import WEIGHTS_DIR

    clf = Classifier.from_file(WEIGHTS_DIR / "fashion-mlp.npz")
    desk = window_factory(classifier=clf, mode="garments")
    window = show_at(desk, size)
    page = desk.inside_page
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(page.isVisible, timeout=WAIT_MS)
    drawing = np.zeros((280, 280), np.uint8)
    drawing[40:240, 60:220] = 255
    desk.prediction.request_now(drawing)
    diagram = page.diagram
    qtbot.waitUntil(lambda: page.snapshot() is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: diagram.is_current() and bool(diagram.output_labels()), timeout=WAIT_MS)
    from nndesk.ui.language import class_names_shown

    whole = class_names_shown(page.snapshot().trace.class_names)
    assert whole[2] == "Áo len chui đầu"  # the test is in Vietnamese
    labels = diagram.output_labels()
    assert [label.name for label in labels] == list(whole)
    shown = [label.shown for label in labels]
    assert len(set(shown)) == len(shown), shown
    assert all(_told_apart(s, n, whole) for s, n in zip(shown, whole, strict=True)), shown
    _check_the_tooltips(diagram)


def _check_the_tooltips(diagram) -> None:
    """A shortened name's label says its whole on hover, over its unit or its words."""
    for label in diagram.output_labels():
        assert label.full.startswith(label.name + "  ")
        if not label.partial:
            continue
        for at in (label.rect.center().toPoint(), label.rect.topLeft().toPoint() + QPoint(2, 2)):
            event = QHelpEvent(QEvent.Type.ToolTip, at, diagram.mapToGlobal(at))
            QApplication.sendEvent(diagram, event)
            assert QToolTip.text() == label.full, label
    QToolTip.hideText()


def test_a_diagram_at_its_least_width_says_each_partial_label_whole_on_hover(
    qtbot,
    larger_vi,
):
    from nndesk.ui.inside_diagram import NetworkDiagram
    from tests.ui.conftest import shown_widget
    from tests.ui.test_inside_diagram_titles import _calibrated_snapshot

    diagram = shown_widget(qtbot, NetworkDiagram(), (420, 300))
    diagram.set_snapshot(_calibrated_snapshot("fashion-mlp"), None)
    qtbot.waitUntil(lambda: diagram.is_current() and bool(diagram.output_labels()), timeout=WAIT_MS)
    labels = diagram.output_labels()
    # the room is short here: the labels give the calibrated value alone (walk64 D13), and
    # the names are whole (before, two were shortened)
    assert all(label.partial and not label.shortened for label in labels), labels
    shown = [label.shown for label in labels]
    names = [label.name for label in labels]
    assert len(set(shown)) == len(shown), shown
    assert all(_told_apart(s, n, names) for s, n in zip(shown, names, strict=True)), shown
    _check_the_tooltips(diagram)
