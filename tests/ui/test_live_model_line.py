"""The Live tab's model line says a sentence whole at 1024 px in Vietnamese at Larger text
(its middle was cut: "Không lưu mô hình vì lượt c…ác đường cong vẫn được giữ."), and a path in
it keeps both ends; a second line it takes moves none of the Live tab's buttons."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from nndesk.ui.language import translate
from tests.ui.test_layout import WAIT_MS, show_at


def test_the_diverged_runs_note_is_whole_and_moves_no_button(
    qtbot,
    window_factory,
    larger_vi,
):
    desk = window_factory()
    window = show_at(desk, (1024, 768))
    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    page.tabs.setCurrentWidget(page.live_page)
    qtbot.waitUntil(page.live_page.isVisible, timeout=WAIT_MS)
    QApplication.processEvents()
    label, button = page.model_label, page.load_button
    before = button.mapTo(window, QPoint(0, 0))
    note = translate(
        "TrainingPanel",
        "No model saved: the run diverged. Its curves are kept in the run history.",
    )
    assert note.startswith("Không lưu")  # the Vietnamese, the longer of the two
    label.setText(note)
    QApplication.processEvents()
    assert label.displayed_text() == note  # whole, on two lines at this width
    metrics = label.fontMetrics()
    assert metrics.horizontalAdvance(note) > label.contentsRect().width()
    assert label.height() >= 2 * metrics.lineSpacing()
    assert button.mapTo(window, QPoint(0, 0)) == before  # the buttons stayed put


def test_a_saved_models_path_keeps_one_line_with_both_ends(qtbot):
    from nndesk.ui.elided_label import WrappedPathLabel

    label = WrappedPathLabel()
    qtbot.addWidget(label)
    path = "/home/learner/.local/share/nndesk/runs/2026-12-01_21-14-55-fashion-784-64/model.npz"
    label.setText(f"Model saved: {path}")
    label.resize(300, 40)
    shown = label.displayed_text()
    assert shown.startswith("Model saved: /") and shown.endswith("model.npz") and "…" in shown
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    assert label.heightForWidth(300) < 2 * label.fontMetrics().lineSpacing()  # one line
    assert label.toolTip() == f"Model saved: {path}"
