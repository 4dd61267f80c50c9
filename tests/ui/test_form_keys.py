"""Keys on the Train form and the toolbar: the Preset and Model boxes change only by a choice
from their list, a stray key opens the list (walk60 D4: Down on the focused Preset box refilled
every field with another lab, "m" made Clothing's form an MNIST lab; Down on the Model box put
the next model in use); Tab goes down the form as it reads (D8)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from nndesk.ui.list_only import choose_from_list_only
from tests.ui.test_training_panel import panel, tiny_dataset  # noqa: F401 - the fixtures

KEYS = [Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_End, Qt.Key.Key_M]


@pytest.mark.parametrize("key", KEYS)
def test_a_key_on_the_focused_preset_box_opens_its_list_and_changes_no_field(
    qtbot,
    panel,  # noqa: F811 - the fixture
    key,
):
    form = panel.form
    panel.show()
    form.apply_preset("fashion-prelu-l2")
    before = form.config()
    form.preset.setFocus()
    qtbot.waitUntil(form.preset.hasFocus)
    qtbot.keyClick(form.preset, key)
    assert form.config() == before
    assert form.preset.currentData() == "fashion-prelu-l2"
    qtbot.waitUntil(form.preset.view().isVisible)  # the list is open: there it is chosen
    form.preset.hidePopup()


def test_a_choice_from_the_open_list_still_applies(qtbot, panel):  # noqa: F811 - the fixture
    form = panel.form
    panel.show()
    form.apply_preset("fashion-prelu-l2")
    form.preset.setFocus()
    qtbot.waitUntil(form.preset.hasFocus)
    qtbot.keyClick(form.preset, Qt.Key.Key_Down)
    view = form.preset.view()
    qtbot.waitUntil(view.isVisible)
    row = form.preset.findData("fashion-cnn-lab")
    view.setCurrentIndex(form.preset.model().index(row, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.preset.currentData() == "fashion-cnn-lab")
    from nndesk.presets import get_preset

    assert form.config() == get_preset("fashion-cnn-lab").config


def test_the_model_box_takes_no_key_as_a_new_model(qtbot, window_factory):
    desk = window_factory()
    combo = desk.window.model_combo
    desk.window.show()
    assert combo.count() > 1  # the shipped models at least
    shown = combo.currentIndex()
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    with qtbot.assertNotEmitted(combo.activated):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == shown
    qtbot.waitUntil(combo.view().isVisible)
    combo.hidePopup()


def test_ctrl_keys_and_tab_pass_on(qtbot):
    from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

    page = QWidget()
    box, after = choose_from_list_only(QComboBox()), QLineEdit()
    box.addItems(["a", "b", "c"])
    layout = QVBoxLayout(page)
    layout.addWidget(box)
    layout.addWidget(after)
    qtbot.addWidget(page)
    page.show()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    qtbot.waitUntil(after.hasFocus)
    assert not box.view().isVisible() and box.currentIndex() == 0


def test_tab_goes_down_the_train_form_as_it_reads(qtbot, panel):  # noqa: F811 - the fixture
    """walk60 D8: Tab from Layers went back up to Inputs (Qt's order is the order widgets were
    made), and a key there then changed the input scaling out of sight."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    form = panel.form
    panel.resize(700, 3000)  # every row in view: a row's place is where it reads
    panel.show()
    form.apply_preset("fashion-prelu-l2")
    form.preset.setFocus()
    qtbot.waitUntil(form.preset.hasFocus)
    places, focused = [], form.preset
    while form.isAncestorOf(focused) and focused not in [w for w, _ in places]:
        places.append((focused, focused.mapTo(form, QPoint(0, 0))))
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
    ys = [(p.y(), p.x()) for _w, p in places]
    assert ys == sorted(ys), [(type(w).__name__, p.y()) for w, p in places]
    assert form.arch in [w for w, _ in places] and form.seed in [w for w, _ in places]
    after_arch = [w for w, _ in places][[w for w, _ in places].index(form.arch) + 1]
    assert after_arch is form._editors["activation"].widget
