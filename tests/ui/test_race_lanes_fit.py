"""The Race lanes fit the tab's width (verify61): a lane of long layers and PReLU, at 1024 px or
in Vietnamese at View > Text size > Larger, put the LR, Inputs and ✕ columns behind a sideways
scroll. Every field shows now, its whole text or its start and "…" with the whole in its
tooltip; layers that tell the lanes apart keep their whole text first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QToolTip,
)

from nndesk.controllers.race import RaceController
from nndesk.presets import get_preset
from nndesk.runs import RunStore
from nndesk.ui.elided_edit import ElidedEdit


def tooltip_of(widget) -> str:
    """What the tooltip says when the mouse rests on ``widget``."""
    at = QPoint(4, 4)
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, at, widget.mapToGlobal(at)))
    return QToolTip.text() if QToolTip.isVisible() else widget.toolTip()


def _text_room(w) -> int:
    """Pixels a line edit or a closed combo box has for its text."""
    if isinstance(w, QComboBox):
        option = QStyleOptionComboBox()
        w.initStyleOption(option)
        field = QStyle.SubControl.SC_ComboBoxEditField
        return w.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option, field, w).width()
    option = QStyleOptionFrame()
    w.initStyleOption(option)
    rect = w.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, w)
    return rect.marginsRemoved(w.textMargins()).width() - 2 * 2  # Qt's 2 px each side


def _whole_and_drawn(w) -> tuple[str, str] | None:
    """A lane field's whole text and the text it draws now (None: not a text field)."""
    if isinstance(w, QLineEdit):
        drawn = w.drawn_text() if hasattr(w, "drawn_text") else w.text()
        return w.text(), drawn
    if isinstance(w, QComboBox):
        return w.currentText(), w.drawn_text()
    return None


def lanes_fit_their_view(view) -> list[str]:
    """What is wrong with the Race tab ``view``'s lanes in their view: a field past its right
    edge, a sideways scroll, a text drawn cut (not its start and "…") or elided without its
    whole text in the tooltip, a text drawn wider than its field."""
    viewport = view.lane_scroll.viewport()
    wrong = []
    if view.lane_scroll.horizontalScrollBar().maximum():
        wrong.append("the lanes scroll sideways")
    for row in view.rows:
        for w in row.columns():
            right = w.mapTo(viewport, w.rect().topRight()).x()
            if right > viewport.width():
                wrong.append(f"{type(w).__name__} ends at {right} px of {viewport.width()}")
            texts = _whole_and_drawn(w)
            if texts is None:
                continue
            whole, drawn = texts
            width, room = w.fontMetrics().horizontalAdvance(drawn), _text_room(w)
            if width > room:
                wrong.append(f"{drawn!r} drawn {width} px in {room} px")
            if drawn == whole:
                continue
            shown = drawn.removesuffix("…")
            # a name may leave out the start every lane's shares ("fashion-"), a box write its
            # choice without the gloss in brackets ("PReLU")
            start = whole.removesuffix(w.shown_text()) if isinstance(w, ElidedEdit) else ""
            # "SGD + momentum" short of room written by what it adds: "momentum" (walk65 D21)
            _head, plus, added = whole.rpartition(" + ")
            by_what_it_adds = bool(plus and shown and added.startswith(shown))
            cut = not whole.startswith(start + shown) or (
                not drawn.endswith("…") and " (" not in whole and drawn != whole[len(start) :]
            )
            if cut and not by_what_it_adds:
                wrong.append(f"{whole!r} drawn as {drawn!r}")
            if whole not in tooltip_of(w):
                wrong.append(f"{whole!r} not in the tooltip of {drawn!r}")
    return wrong


@pytest.fixture
def race_tab(qtbot, tmp_path):
    """The Race tab alone, in its scroll area as the Train page holds it, with the lanes of
    its first comparison and a lane of the fashion-prelu-l2 lab ("+ Add a lab…")."""
    from nndesk.ui.race_view import RaceView
    from nndesk.ui.train_tabs import scrolled

    race = RaceController(lambda name: None, RunStore(tmp_path / "runs"))
    view = RaceView(race, dataset="fashion")
    area = scrolled(view, 0)
    qtbot.addWidget(area)
    assert view.add_lab_lane("fashion-prelu-l2", get_preset("fashion-prelu-l2").config)
    yield area, view
    race.shutdown()


def _shown_at(qtbot, area, view, width: int) -> None:
    area.resize(width, 600)
    area.show()
    qtbot.waitUntil(lambda: view.rows[-1].remove.isVisible())
    QApplication.processEvents()


@pytest.mark.parametrize("width", [455, 600], ids=["1024x768", "1280x800"])
def test_a_prelu_lab_in_the_lanes_fits_the_tab_at_larger_text_in_vietnamese(
    qtbot,
    larger_vi,
    race_tab,
    width,
):
    area, view = race_tab
    _shown_at(qtbot, area, view, width + area.verticalScrollBar().sizeHint().width())
    assert lanes_fit_their_view(view) == []


@pytest.mark.parametrize("width", [523, 640], ids=["1024x700", "1280x800"])
def test_a_prelu_labs_layers_show_whole_beside_the_other_lanes_at_normal_text(
    qtbot, race_tab, width
):
    """The layers are what set the lab apart: they keep their whole text; the rest fit."""
    area, view = race_tab
    _shown_at(qtbot, area, view, width)
    assert lanes_fit_their_view(view) == []
    arch = view.rows[-1].arch
    assert arch.text() == "784-300-300-100-100-10" and arch.drawn_text() == arch.text()


def test_a_lanes_settings_dialog_shows_each_choice_whole_at_larger_text_in_vietnamese(
    qtbot,
    larger_vi,
    race_tab,
):
    """At Vietnamese Larger "Khởi tạo" read "tự động (He cho ReLU" cut at its box's edge: the
    dialog's boxes were 14 characters wide (the Train form's narrow boxes)."""
    area, view = race_tab
    _shown_at(qtbot, area, view, 455)
    view.edit_lane_settings(view.rows[0])
    dialog = view.lane_settings_dialog
    qtbot.waitUntil(dialog.isVisible)
    # its size on a 1024x768 screen: a window opens at its size hint, up to two thirds of the
    # screen's width (the offscreen screen's 800 px held it at 533)
    assert dialog.sizeHint().width() <= 1024 * 2 // 3
    dialog.resize(dialog.sizeHint())
    QApplication.processEvents()
    cut = []
    for name, editor in dialog.editors.items():
        box = editor.widget
        shown = isinstance(box, QComboBox) and box.isVisible()
        if shown and box.fontMetrics().horizontalAdvance(box.currentText()) > _text_room(box):
            cut.append(f"{name}: {box.currentText()!r}")
    assert cut == []
    dialog.reject()


def test_the_columns_share_the_room_left_smallest_wants_first():
    from nndesk.ui.race_lanes import _shares

    # "[-1, 1]" and "PReLU" 7 px short get them; the name and "SGD + momentum" split the rest
    assert _shares([70, 7, 83, 7], 58) == [22, 7, 22, 7]
    assert _shares([10, 10], 100) == [10, 10]  # none more than it wants
    assert _shares([5, 50], -3) == [0, 0]  # no room left: every column at its least
