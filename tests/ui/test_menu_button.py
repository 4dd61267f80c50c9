"""Menu buttons carry their arrow after their text, not drawn over its last letter."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from nndesk.ui.export_code import export_code_button
from nndesk.ui.menu_button import ARROW, mark_menu


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
