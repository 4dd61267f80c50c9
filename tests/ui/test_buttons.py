"""Push buttons carry their tooltip; menu buttons carry their arrow after their text, not drawn
over its last letter."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMenu, QStyle, QToolButton, QWidget

from nndesk.ui.buttons import ARROW, mark_menu, tipped_button
from nndesk.ui.export_code import export_code_button


def test_a_marked_button_writes_its_arrow_once_and_hides_the_corner_one(qtbot):
    button = QToolButton()
    qtbot.addWidget(button)
    button.setText("Xuất mã")
    mark_menu(mark_menu(button)).setMenu(QMenu(button))
    assert button.text() == "Xuất mã" + ARROW
    assert "menu-indicator" in button.styleSheet()
    button.show()
    text_width = button.fontMetrics().horizontalAdvance(button.text())
    assert button.sizeHint().width() >= text_width


def test_the_export_buttons_are_marked(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    code = export_code_button(parent, lambda: None, "test")
    assert code.text().endswith(ARROW)

    from nndesk.controllers.evaluation import EvaluationController
    from nndesk.ui.evaluation_panel import EvaluationPanel
    from tests.ui.test_evaluation_panel import toy_provider

    controller = EvaluationController(toy_provider, batch_size=8)
    try:
        panel = EvaluationPanel(controller)
        qtbot.addWidget(panel)
        assert panel.export_button.text().endswith(ARROW)
    finally:
        controller.shutdown()


def test_a_tipped_button_shows_its_text_and_icon_and_says_what_it_does(qtbot):
    icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MediaPause)
    plain, with_icon = tipped_button("Stop", "end it"), tipped_button("Pause", "hold it", icon)
    for button in (plain, with_icon):
        qtbot.addWidget(button)
    assert (plain.text(), plain.toolTip(), plain.icon().isNull()) == ("Stop", "end it", True)
    assert (with_icon.text(), with_icon.toolTip(), with_icon.icon().isNull()) == (
        "Pause",
        "hold it",
        False,
    )
