"""Keys a teacher presses in front of a class (walk59 D5): Esc leaves Fill or the eraser and
never clears the drawing; Del and Backspace clear it only with the canvas focused; Del in the
Runs table is Delete… (it asks first), never the canvas's Clear."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from nndesk.preprocess import CANVAS_SIZE
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


def at(canvas, x: float, y: float) -> QPoint:
    """Where image pixel (x, y) is on ``canvas``, shown larger than its 280x280 image."""
    scale = canvas.width() / CANVAS_SIZE
    return QPoint(round(x * scale), round(y * scale))


def test_f_after_a_fill_turns_fill_off_and_an_eraser_drag_then_erases_only_its_path(
    qtbot, window_factory
):
    """s63 (two helpers tripped on it): Fill turned itself off after a fill, so F pressed "to
    turn it off" armed it again, and an eraser drag then emptied the whole filled square.
    Fill stays on after a fill; F turns it off; the eraser erases where it is dragged."""
    _, window = drawn_window(qtbot, window_factory)
    canvas = focused(qtbot, window.canvas)
    qtbot.keyClick(canvas, Qt.Key.Key_F)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=at(canvas, 140, 140))
    assert canvas.array()[140, 140] == 255 and canvas.fill_tool()  # filled, still on
    assert window.fill_button.isChecked()
    qtbot.keyClick(canvas, Qt.Key.Key_F)  # "turn it off"
    assert not canvas.fill_tool() and not window.fill_button.isChecked()
    qtbot.keyClick(canvas, Qt.Key.Key_E)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=at(canvas, 100, 140))
    qtbot.mouseMove(canvas, at(canvas, 180, 140))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=at(canvas, 180, 140))
    image = canvas.array()
    assert image[140, 140] == 0 and image[100, 100] == 255 and image[180, 180] == 255


def test_esc_after_a_fill_leaves_fill_and_says_the_pen_draws(qtbot, window_factory):
    _, window = drawn_window(qtbot, window_factory)
    canvas = focused(qtbot, window.canvas)
    qtbot.keyClick(canvas, Qt.Key.Key_F)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=at(canvas, 140, 140))
    assert canvas.fill_tool()
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert not canvas.fill_tool() and not window.fill_button.isChecked()
    assert window.statusBar().currentMessage().startswith("The pen draws")
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=at(canvas, 20, 20))
    assert canvas.array()[20, 20] == 255  # the click drew a dot


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


@pytest.mark.parametrize("which", ["preset", "runs table"])
def test_a_letter_on_a_focused_box_or_table_is_not_a_window_key(qtbot, window_factory, which):
    """verify60 D-E: "f" on the focused Preset box turned the canvas's Fill tool on (the
    window's one-key shortcut won over the box); "s" toggled the saliency overlay."""
    desk, window = drawn_window(qtbot, window_factory)
    window.tabs.setCurrentWidget(desk.train_page)
    if which == "preset":
        box = desk.train_page.form.preset
    else:
        desk.train_page.tabs.setCurrentWidget(desk.train_page.runs_view)
        box = desk.train_page.runs_view.table
    qtbot.waitUntil(box.isVisible)
    focused(qtbot, box)
    pen = window.pen_slider.value()
    for key in (Qt.Key.Key_F, Qt.Key.Key_S, Qt.Key.Key_E, Qt.Key.Key_BracketRight):
        qtbot.keyClick(box, key)
        if which == "preset":
            box.hidePopup()  # the letter opened the box's list (list_only): there it chooses
            qtbot.waitUntil(lambda: not box.view().isVisible())
    assert not window.act_fill.isChecked() and not window.canvas.fill_tool()
    assert not window.act_overlay.isChecked() and not window.act_eraser.isChecked()
    assert window.pen_slider.value() == pen


@pytest.mark.parametrize("field", ["test_index", "not_sure"])
def test_a_letter_in_a_focused_spin_box_fires_no_window_key(qtbot, window_factory, field):
    """Qt's spin boxes claim typed keys themselves: this keeps it so."""
    _, window = drawn_window(qtbot, window_factory)
    spin = window.test_index if field == "test_index" else window.prediction_panel.not_sure_spin
    qtbot.waitUntil(spin.isVisible)
    focused(qtbot, spin)
    pen = window.pen_slider.value()
    for key in (Qt.Key.Key_F, Qt.Key.Key_S, Qt.Key.Key_E, Qt.Key.Key_BracketRight):
        qtbot.keyClick(spin, key)
    assert not window.act_fill.isChecked() and not window.act_overlay.isChecked()
    assert not window.act_eraser.isChecked() and window.pen_slider.value() == pen


def test_the_one_key_shortcuts_still_work_from_the_canvas_and_a_button(qtbot, window_factory):
    _, window = drawn_window(qtbot, window_factory)
    focused(qtbot, window.canvas)
    qtbot.keyClick(window.canvas, Qt.Key.Key_F)
    assert window.act_fill.isChecked() and window.canvas.fill_tool()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    focused(qtbot, window.clear_button)
    qtbot.keyClick(window.clear_button, Qt.Key.Key_E)
    assert window.act_eraser.isChecked()
    assert not window.canvas.is_blank()
