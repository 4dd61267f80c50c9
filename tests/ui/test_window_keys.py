"""Keys a teacher presses in front of a class (walk59 D5): Esc leaves Fill or the eraser and
never clears the drawing; Del and Backspace clear it only with the canvas focused; Del in the
Runs table is Delete… (it asks first), never the canvas's Clear."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from nndesk.ui import language
from tests.ui.conftest import exposed

SQUARE = [(60, 60), (220, 60), (220, 220), (60, 220), (60, 60)]


def drawn_window(qtbot, window_factory):
    desk = window_factory()
    window = exposed(qtbot, desk.window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.canvas.draw_stroke(SQUARE, width=10)
    assert not window.canvas.is_blank()
    return desk, window


def focused(qtbot, widget):
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    return widget


def test_esc_with_fill_on_leaves_fill_and_keeps_the_drawing(qtbot, window_factory):
    _, window = drawn_window(qtbot, window_factory)
    focused(qtbot, window.canvas)
    window.act_fill.trigger()
    window.act_eraser.setChecked(True)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert not window.canvas.fill_tool() and not window.fill_button.isChecked()
    assert not window.canvas.eraser() and not window.eraser_button.isChecked()
    assert not window.canvas.is_blank()


def test_esc_in_a_train_field_keeps_the_drawing(qtbot, window_factory):
    desk, window = drawn_window(qtbot, window_factory)
    window.tabs.setCurrentWidget(desk.train_page)
    field = desk.train_page.form._editors["lr"].widget
    qtbot.waitUntil(field.isVisible)
    focused(qtbot, field)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert not window.canvas.is_blank()


def test_del_and_backspace_on_the_canvas_clear_it_and_undo_brings_it_back(qtbot, window_factory):
    _, window = drawn_window(qtbot, window_factory)
    drawn = window.canvas.array()
    focused(qtbot, window.canvas)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Delete)
    assert window.canvas.is_blank()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (window.canvas.array() == drawn).all()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Backspace)
    assert window.canvas.is_blank()


def test_del_on_a_selected_run_asks_to_delete_it_and_keeps_the_drawing(
    qtbot, window_factory, monkeypatch
):
    desk, window = drawn_window(qtbot, window_factory)
    page = desk.train_page
    record = page.store.create({"dataset": "mnist", "arch": "784-10", "lr": 0.1}, title="r")
    record.status = "completed"
    page.store.save(record)
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.No,
    )
    window.tabs.setCurrentWidget(page)
    view = page.runs_view
    page.tabs.setCurrentWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: record.run_id in {r.run_id for r in view.records()})
    view.select_runs([record.run_id])
    qtbot.waitUntil(view.table.isVisible)
    focused(qtbot, view.table)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert len(asked) == 1 and record.run_id in asked[0]
    assert not window.canvas.is_blank()


@pytest.mark.parametrize("code", ["en", "vi"])
def test_the_shortcut_list_says_clear_is_the_canvass_key_and_esc_goes_back_to_the_pen(
    window_factory, code
):
    assert language.use_language(code) == code
    try:
        window = window_factory().window
        rows = "".join(window.shortcut_rows())
        clear = language.translate("MainWindow", "Clear the canvas (when the canvas has the focus)")
        pen = language.translate(
            "MainWindow", "Back to the pen (leaves Fill and the eraser; never clears)"
        )
    finally:
        language.use_language("en")
    assert clear in rows and pen in rows
    assert "<b>Esc</b>" in rows and "Del" in rows
    if code == "vi":
        assert clear.startswith("Xoá") or clear.startswith("Xóa"), clear


def accelerator(text: str) -> str | None:
    """The letter after a lone "&" ("&&" is a written ampersand)."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if at >= 0 and at + 1 < len(plain) else None


def clashes(actions) -> list[str]:
    seen: dict[str, str] = {}
    found = []
    for act in actions:
        key = accelerator(act.text())
        if act.isSeparator() or not act.isVisible() or key is None:
            continue
        if key in seen:
            found.append(f"Alt+{key.upper()}: {seen[key]!r} and {act.text()!r}")
        seen[key] = act.text()
    return found


@pytest.mark.parametrize("code", ["en", "vi"])
def test_each_menu_title_and_each_menus_items_have_their_own_alt_key(window_factory, code):
    """walk59 D17: "&Tệp" and "&Trợ giúp" both took Alt+T in the Vietnamese window."""
    assert language.use_language(code) == code
    try:
        bar = window_factory().window.menuBar()
        titles = bar.actions()
        found = clashes(titles)
        menus = [a.menu() for a in titles if a.menu() is not None]
        while menus:
            menu = menus.pop()
            found += clashes(menu.actions())
            menus += [a.menu() for a in menu.actions() if a.menu() is not None]
    finally:
        language.use_language("en")
    assert all(accelerator(a.text()) for a in titles)
    assert not found, found
