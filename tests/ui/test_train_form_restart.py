"""Each mode's Train form is there after a restart (walk60 D7n): a student set up the PReLU lab
by hand (2 epochs, an exp schedule after 1 epoch), quit, and the next start showed
fashion-mlp-lab's 5 epochs; Continue then trained to 5, a number they never chose. And the
preset list is ordered by the window's mode, not the form's dataset (walk60 D7e)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from nndesk import preferences
from nndesk.app import wiring
from nndesk.presets import get_preset, list_presets


def test_each_modes_form_is_there_after_a_restart(qtbot, window_factory):
    first = window_factory(mode="garments")
    form = first.train_page.form
    form.set_config(
        get_preset("fashion-mlp-lab").config.replace(
            activation="prelu", epochs=2, schedule="exp", schedule_step=1, schedule_rate=0.05
        )
    )
    garments = form.config()
    assert form.preset.currentData() == ""  # custom
    first.window.act_digits.trigger()
    form.apply_preset("mnist-gd")  # Digits' form named after a preset
    digits = form.config()
    first.window.close()  # quit in Digits

    again = window_factory(mode="digits")  # a new launch reads the settings file
    form = again.train_page.form
    assert form.config() == digits and form.preset.currentData() == "mnist-gd"
    assert not form.preset_note.isHidden() and form.preset_note.text()  # the preset's note
    again.window.act_garments.trigger()
    assert form.config() == garments and form.preset.currentData() == ""  # custom
    assert form.preset.currentIndex() == 0  # "— custom —" in the box
    assert form.config().epochs == 2  # what Continue trains to


def test_a_custom_form_after_a_restart_says_which_preset_it_was_edited_from(qtbot, window_factory):
    """verify60 D-G: after the restart the custom form was there, its "Custom settings, edited
    from fashion-mlp-lab …" line under the Preset box was not."""
    first = window_factory(mode="garments")
    form = first.train_page.form
    form.apply_preset("fashion-mlp-lab")
    form.epochs.setValue(2)
    note = form.preset_note.text()
    assert "edited from fashion-mlp-lab" in note
    first.window.close()

    form = window_factory(mode="garments").train_page.form
    assert form.config().epochs == 2 and form.preset.currentData() == ""
    assert form.preset_note.text() == note and not form.preset_note.isHidden()


def _status_lines(monkeypatch) -> list[str]:
    """Every line the wiring puts in the status bar (kept: a later one may replace it there)."""
    said: list[str] = []
    shown = wiring.show_status
    monkeypatch.setattr(
        wiring, "show_status", lambda w, text, *a: (said.append(text), shown(w, text, *a))
    )
    return said


def test_a_damaged_field_is_its_default_and_said_in_one_line(qtbot, window_factory, monkeypatch):
    first = window_factory(mode="garments")
    form = first.train_page.form
    form.set_config(get_preset("fashion-mlp-lab").config.replace(epochs=2, lr=0.002))
    first.window.close()
    text = preferences.train_form("garments")
    assert isinstance(text, str) and '"epochs": 2' in text
    preferences.set_train_form("garments", text.replace('"epochs": 2', '"epochs": "two"'))
    said = _status_lines(monkeypatch)

    again = window_factory(mode="garments")
    config = again.train_page.form.config()
    lab = get_preset("fashion-mlp-lab").config
    assert config.epochs == lab.epochs and config.lr == 0.002  # the rest is kept
    lines = [line for line in said if "could not be read" in line]
    assert len(lines) == 1 and "Epochs" in lines[0] and "\n" not in lines[0]


def test_a_form_that_is_not_one_gives_the_lab_preset(qtbot, window_factory, monkeypatch):
    preferences.set_train_form("digits", "[not a form")
    said = _status_lines(monkeypatch)
    desk = window_factory(mode="digits")
    form = desk.train_page.form
    assert form.preset.currentData() == "mnist-relu-sigmoid-unit"  # the fresh start's
    assert any("could not be read" in line for line in said)


def test_the_preset_list_follows_the_mode_not_the_forms_dataset(qtbot, window_factory):
    desk = window_factory(mode="garments")
    form = desk.train_page.form
    form.apply_preset("mnist-gd")  # an MNIST preset chosen in Clothing
    names = [form.preset.itemData(i) for i in range(form.preset.count())]
    own = [p.name for p in list_presets() if p.config.dataset == "fashion"]
    assert [n for n in names if n][: len(own)] == own  # before: the eight MNIST presets first


def test_an_edited_form_is_kept_without_a_quit_or_a_mode_switch(qtbot, window_factory):
    """A window killed (or crashed) mid-session: the form set up since the last mode switch
    was lost, since it was written only at a switch and at quit (fix60f's note)."""
    desk = window_factory(mode="garments")
    form = desk.train_page.form
    form.epochs.setFocus()
    form.epochs.selectAll()
    qtbot.keyClicks(form.epochs, "3")
    qtbot.keyClick(form.epochs, Qt.Key.Key_Tab)
    assert form.config().epochs == 3

    def kept() -> bool:
        text = preferences.train_form("garments")
        return isinstance(text, str) and '"epochs": 3' in text

    qtbot.waitUntil(kept, timeout=10000)  # the window is still open: no quit, no switch
