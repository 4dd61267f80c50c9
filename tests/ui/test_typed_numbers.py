"""The Train page's typed numbers: a spin box's text below its range is refused and Train
disabled, the Race's Epochs too (walk lab56 D2), and "LR now" shows a scheduled rate readably
(D3)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import type_into
from tests.ui.test_race_view import page  # noqa: F401 - the Race tab's page fixture
from tests.ui.test_training_panel import (  # noqa: F401 - the panel and its dataset fixtures
    panel,
    tiny_dataset,
    wait_until_idle,
)


@pytest.mark.parametrize(
    ("field", "typed", "said"),
    [
        ("epochs", "0", "'0' is not a whole number from 1 to"),
        ("epochs", "", "type a whole number from 1 to"),
        ("schedule_step", "0", "'0' is not a whole number from 1 to"),
        # 0 is the whole split: a typed 0 trained fashion-mlp-lab in 5 steps to 58.7 %
        ("batch_size", "0", "'0' is not a size: type 1 to 1,000,000, or choose 'full batch' with"),
    ],
)
def test_a_number_typed_below_a_spin_boxs_range_is_refused_and_train_disabled(
    qtbot,
    panel,  # noqa: F811 - the fixture
    field,
    typed,
    said,
):
    """Walk lab56 D2: "0" typed in Epochs showed "0 passes", no word, Train stayed enabled and
    the run trained the preset's 20 epochs (Qt keeps a spin box's last valid value while its
    text is intermediate)."""
    from nndesk.i18n import localised

    panel.show()
    panel.form.apply_preset("fashion-prelu-l2")  # exp decay: its Keep-for field shows too
    assert panel.train_button.isEnabled()
    spin = panel.form._editors[field].widget
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    spin.selectAll()
    qtbot.keyClick(spin, Qt.Key.Key_Delete)
    qtbot.keyClicks(spin, typed)
    assert spin.cleanText() == typed
    assert said in localised(panel.form.errors()[field])
    assert not panel.train_button.isEnabled()
    qtbot.keyClicks(spin, "5")  # "05", "5": a number in range again
    assert field not in panel.form.errors()
    assert panel.train_button.isEnabled()
    assert getattr(panel.form.config(), field) == 5


def test_lr_now_shows_a_scheduled_rate_in_three_digits_and_the_exact_one_in_its_tip(
    qtbot,
    panel,  # noqa: F811 - the fixture
):
    """Walk lab56 D3: the exp schedule's 0.000452418709018 showed as "52418709018" in the
    narrow "LR now" field (its tail; the start scrolled out of view)."""
    import math

    panel.form.lr.setText("0.0005")
    panel.form.epochs.setValue(2)
    config = panel.form.config().replace(schedule="exp", schedule_step=1, schedule_rate=0.1)
    panel.form.set_config(config)
    assert panel.start_training()
    wait_until_idle(qtbot, panel)
    rate = 0.0005 * math.exp(-0.1)  # epoch 2's
    # three digits, as every rate the window says (i18n.rate_said; walk65 D4)
    assert panel.live_lr.text() == "0.000452"
    from nndesk.ui.train_texts import rate_text

    assert rate_text(rate) == "0.000452"  # the line under the bar writes it alike (walk60 D7l)
    assert panel.live_lr.cursorPosition() == 0
    assert "exactly 0.000452418709018" in panel.live_lr.toolTip()
    assert "change the learning rate while training" in panel.live_lr.toolTip()
    assert panel.live_lr.value() == rate  # Set LR now keeps the run's rate, not the rounded one
    panel.live_lr.setEnabled(True)
    panel.live_lr.selectAll()
    qtbot.keyClicks(panel.live_lr, "0.0004524")  # typed: the number typed
    assert panel.live_lr.value() == 0.0004524
    assert "exactly" not in panel.live_lr.toolTip()


def test_full_batch_is_still_chosen_with_the_down_arrow_or_a_preset(
    qtbot,
    panel,  # noqa: F811 - the fixture
):
    panel.show()
    spin = panel.form._editors["batch_size"].widget
    spin.setValue(1)
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    qtbot.keyClick(spin, Qt.Key.Key_Down)
    assert spin.text() == "full batch"
    assert "batch_size" not in panel.form.errors() and panel.train_button.isEnabled()
    assert panel.form.config().batch_size == 0
    panel.form.apply_preset("mnist-gd")  # a preset's full batch
    assert panel.form.config().batch_size == 0 and panel.train_button.isEnabled()


@pytest.mark.parametrize("typed", ["full", "Full batch"])
def test_full_batch_can_be_typed_as_its_tooltip_says(
    qtbot,
    panel,  # noqa: F811 - the fixture
    typed,
):
    """walk60 D3: the tooltip said "'full' on the command line"; typed in the field, "full"
    was swallowed and the field went back to "32 images" without a word."""
    panel.show()
    spin = panel.form._editors["batch_size"].widget
    assert "'full' = the whole training split" in spin.toolTip()
    type_into(qtbot, spin, typed)
    assert "batch_size" not in panel.form.errors() and panel.train_button.isEnabled()
    assert panel.form.config().batch_size == 0
    _leave(qtbot, panel, spin)
    assert spin.text() == "full batch"
    assert panel.form.config().batch_size == 0


@pytest.mark.parametrize(("field", "typed", "shown"), [("batch_size", "0", "32 images"),
                                                        ("batch_size", "ful", "32 images"),
                                                        ("epochs", "0", "3 passes")])  # fmt: skip
def test_a_refused_number_left_behind_is_put_back_and_its_refusal_goes_with_it(
    qtbot,
    panel,  # noqa: F811 - the fixture
    field,
    typed,
    shown,
):
    """walk60 D3: "0" typed in Batch size and Tab showed "full batch" framed red beside "'0' is
    not a size … choose 'full batch'", and Train stayed greyed; "full" typed and Tab showed
    "32 images" beside "type a whole number". What the field shows is what trains."""
    panel.show()
    panel.form._editors["batch_size"].widget.setValue(32)
    panel.form._editors["epochs"].widget.setValue(3)
    spin = panel.form._editors[field].widget
    type_into(qtbot, spin, typed)
    assert field in panel.form.errors() and not panel.train_button.isEnabled()
    _leave(qtbot, panel, spin)
    assert spin.text() == shown
    assert field not in panel.form.errors() and panel.train_button.isEnabled()
    assert panel.form.config().batch_size == 32 and panel.form.config().epochs == 3


def _leave(qtbot, form_panel, spin) -> None:
    """Tab out of ``spin`` to the form's Layers field."""
    form_panel.form.arch.setFocus()
    qtbot.waitUntil(lambda: not spin.hasFocus())


def test_a_number_typed_below_the_races_epochs_is_refused_not_raced(
    qtbot,
    page,  # noqa: F811 - the fixture
):
    """Walk lab56 D2/D9: "0" typed in the Race's Epochs was put back to the old count."""
    view = page.race_view
    spin = view.epochs
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    spin.selectAll()
    qtbot.keyClicks(spin, "0")
    assert not view.start_race()
    assert "'0' is not a whole number from 1 to" in view.error.text()
    assert not page.race.is_running()


def test_the_status_says_which_setting_keeps_train_greyed_instead_of_ready(
    qtbot,
    panel,  # noqa: F811 - the fixture
):
    """walk56v #4: with 0 typed in Epochs, Train greyed, the line above the tabs still read
    "Ready · Choose settings and press Train." The bar and its line say which field to fix,
    and "Ready" comes back once it is fixed."""
    panel.show()
    assert panel.progress.format() == "Ready"
    type_into(qtbot, panel.form.epochs, "0")
    assert not panel.train_button.isEnabled()
    assert panel.progress.format() == "Settings to fix"
    assert panel.speed.text() == "Fix Epochs (marked in red below), then press Train."
    panel.form.lr.setText("0.0o1")  # a spin box left puts its last good value back: not this
    assert (
        panel.speed.text() == "Fix Learning rate, Epochs (marked in red below), then press Train."
    )
    # the data check saying "Ready" again (its data came) does not hide why Train is greyed
    panel.data_check.say_needs_data()
    panel.data_check.ready_again(True)
    assert panel.progress.format() == "Settings to fix"
    panel.form.lr.setText("0.001")
    type_into(qtbot, panel.form.epochs, "2")
    assert panel.train_button.isEnabled()
    assert panel.progress.format() == "Ready"
    assert panel.speed.text() == "Choose settings and press Train."


def test_a_finished_runs_verdict_comes_back_once_the_refused_setting_is_fixed(
    qtbot,
    panel,  # noqa: F811 - the fixture
):
    panel.form.epochs.setValue(1)
    assert panel.start_training()
    wait_until_idle(qtbot, panel)
    verdict, line = panel.progress.format(), panel.speed.text()
    assert verdict != "Ready"
    type_into(qtbot, panel.form.epochs, "0")
    assert panel.progress.format() == "Settings to fix"
    type_into(qtbot, panel.form.epochs, "1")
    assert (panel.progress.format(), panel.speed.text()) == (verdict, line)


def test_a_refused_numbers_range_is_written_with_the_languages_digit_groups(
    qtbot,
    panel,  # noqa: F811 - the fixture
):
    """walk56v #4: "... từ 1 đến 100000" where the rest of the Vietnamese form groups digits
    ("367.010 tham số")."""
    from nndesk.i18n import localised
    from nndesk.ui import language

    type_into(qtbot, panel.form.epochs, "0")
    reason = panel.form.errors()["epochs"]
    assert localised(reason) == "'0' is not a whole number from 1 to 100,000"
    language.use_language("vi")
    try:
        assert localised(reason) == "'0' không phải là một số nguyên từ 1 đến 100.000"
    finally:
        language.use_language("en")
