"""WholeTextTip: one piece for the tooltips of StatusField and LinesLabel, each in its order."""

from __future__ import annotations

from tests.ui.conftest import shown_widget


def test_a_cut_status_field_says_what_it_is_then_its_whole_text(qtbot):
    from PySide6.QtWidgets import QLabel

    from nndesk.ui.status_bar import StatusField

    field = shown_widget(qtbot, StatusField("The model in use"), (60, 20))
    field.setText("Model: a model with a name far longer than sixty pixels")
    qtbot.waitUntil(field.is_cut)
    field.resize(59, 20)  # (a resize says the tip again)
    qtbot.waitUntil(lambda: "\n" in QLabel.toolTip(field))
    shown = QLabel.toolTip(field)
    assert shown == "The model in use\nModel: a model with a name far longer than sixty pixels"
    assert field.toolTip() == "The model in use"
    field.resize(900, 20)
    qtbot.waitUntil(lambda: not field.is_cut())
    assert QLabel.toolTip(field) == "The model in use"


def test_a_cut_headline_says_its_whole_text_then_its_tip(qtbot):
    from PySide6.QtWidgets import QLabel

    from nndesk.ui.elided_label import LinesLabel

    label = shown_widget(qtbot, LinesLabel(lines=1), (80, 30))
    label.setToolTip("the model file")
    label.set_texts("a headline far longer than eighty pixels on one line")
    qtbot.waitUntil(label.is_cut)
    label.resize(79, 30)
    assert QLabel.toolTip(label) == (
        "a headline far longer than eighty pixels on one line\nthe model file"
    )
    assert label.toolTip() == "the model file"
