"""WholeTextTip: the one piece StatusField and LinesLabel hold for their tooltips, each in its
order (what a status field is first; a headline's words first)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from nndesk.ui.whole_text_tip import WholeTextTip
from tests.ui.conftest import shown_widget


class CutLabel(QLabel):
    """A label whose being cut the test says."""

    cut = False

    def is_cut(self) -> bool:
        return self.cut


@pytest.mark.parametrize(
    ("whole_first", "shown"),
    [(True, "the whole text\nwhat it is"), (False, "what it is\nthe whole text")],
)
def test_a_cut_label_says_its_whole_text_in_its_order_and_only_while_cut(qtbot, whole_first, shown):
    label = CutLabel("the whole text")
    qtbot.addWidget(label)
    tip = WholeTextTip(label, whole_first=whole_first)
    tip.give("what it is")
    assert QLabel.toolTip(label) == "what it is"  # whole in sight: only what it is
    label.cut = True
    tip.say()
    assert QLabel.toolTip(label) == shown
    assert tip.given == "what it is"
    tip.give("")
    assert QLabel.toolTip(label) == "the whole text"  # no tip given: the whole text alone
    label.cut = False
    tip.say()
    assert QLabel.toolTip(label) == ""


def test_a_cut_status_field_says_what_it_is_then_its_whole_text(qtbot):
    from nndesk.ui.status_bar import StatusField

    field = shown_widget(qtbot, StatusField("The model in use"), (60, 20))
    field.setText("Model: a model with a name far longer than sixty pixels")
    qtbot.waitUntil(field.is_cut)
    field.resize(59, 20)  # a resize says the tip again
    qtbot.waitUntil(lambda: "\n" in QLabel.toolTip(field))
    shown = QLabel.toolTip(field)
    assert shown == "The model in use\nModel: a model with a name far longer than sixty pixels"
    assert field.toolTip() == "The model in use"
    field.resize(900, 20)
    qtbot.waitUntil(lambda: not field.is_cut())
    assert QLabel.toolTip(field) == "The model in use"


def test_a_cut_headline_says_its_whole_text_then_its_tip(qtbot):
    from nndesk.ui.elided_label import LinesLabel

    label = shown_widget(qtbot, LinesLabel(lines=1), (80, 30))
    label.setToolTip("the model file")
    label.set_texts("a headline far longer than eighty pixels on one line")
    qtbot.waitUntil(label.is_cut)
    assert QLabel.toolTip(label) == (
        "a headline far longer than eighty pixels on one line\nthe model file"
    )
    assert label.toolTip() == "the model file"
    label.resize(2000, 30)
    qtbot.waitUntil(lambda: not label.is_cut())
    assert QLabel.toolTip(label) == "the model file"
