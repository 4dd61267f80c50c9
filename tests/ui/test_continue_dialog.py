"""Continue's question: how many more epochs and which rate (walk64 D16)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from nndesk.training import TrainConfig
from nndesk.ui.continue_dialog import (
    AGAIN,
    KEEP,
    ContinueChoice,
    ContinueDialog,
    ContinueFacts,
    choice_summary,
    continued_config,
    suggested_epochs,
)
from tests.ui.test_layout import cut_widgets

#: walk64's run: fashion-prelu-l2-plus, 20 epochs of cosine to 1e-5, ended at 1.3e-5
COSINE = TrainConfig(lr=5e-4, epochs=20, schedule="cosine", min_lr=1e-5)
FACTS = ContinueFacts(20, 1.3e-5, COSINE)


@pytest.mark.parametrize(("done", "more"), [(1, 1), (2, 1), (5, 2), (20, 5), (500, 125)])
def test_the_suggestion_is_a_quarter_of_the_epochs_trained_rounded_up(done, more):
    assert suggested_epochs(done) == more


def test_keeping_the_rate_trains_every_new_batch_at_the_rate_the_run_ended_with():
    config, again = continued_config(COSINE, FACTS, ContinueChoice(5))
    assert (config.epochs, config.lr, config.schedule, again) == (5, 1.3e-5, "constant", False)
    assert choice_summary(FACTS, ContinueChoice(5)) == (
        "Epochs 21–25: lr 1.3×10⁻⁵, the rate the run ended with, for every batch."
    )


def test_running_the_schedule_again_says_where_it_starts_against_the_ended_rate():
    config, again = continued_config(COSINE, FACTS, ContinueChoice(5, 5e-4))
    assert (config.epochs, config.lr, config.schedule, again) == (5, 5e-4, "cosine", True)
    assert choice_summary(FACTS, ContinueChoice(5, 5e-4)) == (
        "Epochs 21–25: the schedule “cosine to a minimum” again, lr 0.0005 in epoch 21 to "
        "5.68×10⁻⁵ in epoch 25. It starts 38× above the 1.3×10⁻⁵ the run ended with."
    )
    # a constant run: one rate for the new epochs
    flat = ContinueFacts(4, 1e-3, TrainConfig(lr=1e-3))
    assert choice_summary(flat, ContinueChoice(1, 2e-3)) == "Epoch 5: lr 0.002 for every batch."


def test_the_dialog_is_used_from_the_keyboard_and_remembers_nothing_it_was_not_told(qtbot):
    dialog = ContinueDialog(FACTS, "the run of 21:52", KEEP)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.epochs.hasFocus)
    assert dialog.epochs.value() == 5  # typed over at once
    qtbot.keyClicks(dialog.epochs, "8")
    assert dialog.epochs.value() == 8
    qtbot.keyClick(dialog.epochs, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # "…&again…"
    qtbot.waitUntil(dialog.again.isChecked)  # a mnemonic clicks after Qt's short animation
    assert dialog.remembered() == AGAIN
    dialog.lr.setFocus()
    dialog.lr.selectAll()
    qtbot.keyClicks(dialog.lr, "-1")
    assert not dialog.continue_button.isEnabled() and "greater than 0" in dialog.error.text()
    dialog.lr.selectAll()
    qtbot.keyClicks(dialog.lr, "2e-4")
    assert dialog.continue_button.isEnabled() and dialog.error.text() == ""
    qtbot.keyClick(dialog.lr, Qt.Key.Key_Return)
    assert dialog.choice() == ContinueChoice(8, 2e-4)


def test_escape_answers_nothing(qtbot):
    dialog = ContinueDialog(FACTS, "the run of 21:52", AGAIN)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.again.isChecked()  # the choice remembered
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.choice() is None


@pytest.mark.parametrize("choice", [KEEP, AGAIN, "coach", "stopped"])
def test_it_fits_a_1024x700_screen_in_vietnamese_at_larger_text(
    qtbot,
    qapp,
    in_vietnamese,
    normal_text_after,
    choice,
):
    from nndesk.ui import text_size
    from nndesk.ui.continue_dialog import CoachAdvice

    text_size.apply_text_size(qapp, "larger")
    # the coach's longest rate advice as the window says it (walk65 D5)
    said = (
        "Mất mát kiểm định tăng từ 0,4000 ở epoch 2 lên 0,6500 ở epoch 3 sau khi tốc độ học "
        "được tăng từ 0,000452 lên 0,002 ở epoch 3: bước lớn như vậy sẽ vượt quá. Hãy đặt lại "
        "tốc độ học, hoặc giảm thêm nữa."
    )
    advice = CoachAdvice(4.52e-4, said) if choice in ("coach", "stopped") else None
    # a cosine run stopped short: every choice there is at once
    facts = ContinueFacts(8, 3e-4, COSINE, planned=20) if choice == "stopped" else FACTS
    dialog = ContinueDialog(facts, "lượt chạy lúc 21:52", choice, advice=advice)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    hint = dialog.sizeHint()
    assert hint.width() <= 1000 and hint.height() <= 640, hint
    dialog.resize(hint)
    qtbot.waitUntil(lambda: dialog.size() == hint)
    assert cut_widgets(dialog) == []
    summary = dialog.summary  # word-wrapped: cut_widgets leaves it out, and it was squeezed
    assert summary.height() >= summary.heightForWidth(summary.width()), summary.text()
    assert "38" in dialog.summary.text() or choice != AGAIN
    if advice is not None:  # the coach's words whole, wrapped
        said = dialog.coach_said
        assert said.isVisible() and said.height() >= said.heightForWidth(said.width())


def test_the_coachs_rate_is_offered_first_the_kept_rate_beside_it(qtbot):
    """walk65 D5: Continue, right under the coach saying "the rate 0.002 overshoots: set it
    back", went on at 0.002; nothing offered the coach's rate."""
    from nndesk.ui.continue_dialog import CoachAdvice

    raised = ContinueFacts(3, 0.002, TrainConfig(lr=5e-4, epochs=3, schedule="exp"))
    said = "Validation loss rose … Set it back, or lower it further."
    dialog = ContinueDialog(raised, "the run of 03:12", AGAIN, advice=CoachAdvice(4.52e-4, said))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.coach.isVisible() and dialog.coach.isChecked()
    assert dialog.coach.text() == "Take the coach's &rate: lr 0.000452"
    assert dialog.coach_said.text() == f"The coach: {said}"
    assert dialog.keep.isVisible() and dialog.keep.text().endswith("lr 0.002")
    assert dialog.summary.text() == "Epoch 4: lr 0.000452, the coach's rate, for every batch."
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    choice = dialog.choice()
    assert choice == ContinueChoice(1, 4.52e-4, steady=True)
    config, again = continued_config(raised.config, raised, choice)
    assert (config.lr, config.schedule, again) == (4.52e-4, "constant", False)
    assert dialog.remembered() == AGAIN  # the coach's choice is not remembered as one's own
    # no advice: no such choice
    plain = ContinueDialog(raised, "the run of 03:12", KEEP)
    qtbot.addWidget(plain)
    plain.show()
    assert not plain.coach.isVisible() and plain.keep.isChecked()


#: walk64's cosine run stopped by Stop in epoch 9 of its 20: 8 trained, 12 left of its plan;
#: the form says 20 epochs
STOPPED = ContinueFacts(8, 3.3e-4, COSINE, planned=20)


def test_a_run_stopped_short_is_offered_the_rest_of_its_plan_on_its_schedule_or_the_forms_epochs(
    qtbot,
):
    """verify66 #1: Continue of a run stopped before its last epoch went on at once, asking
    nothing. Asked now: the epochs left of its plan (or the form's Epochs, as many more), and
    for a scheduled run its schedule going on as it would have, or the other rates."""
    dialog = ContinueDialog(STOPPED, "the run of 21:52", AGAIN)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.epochs.hasFocus)
    assert dialog.intro.text() == (
        "Train the run of 21:52 further, from the end of epoch 8. It was stopped before epoch "
        "20, the last of its plan."
    )
    assert dialog.epochs.value() == 12 and dialog.rest_of_plan.isChecked()
    assert dialog.rest_of_plan.text() == "The rest of its &plan: 12 more, to epoch 20"
    assert dialog.form_epochs.text() == (
        "As many as Optimisation > &Epochs says: 20 more, to epoch 28"
    )
    assert not dialog.why.isVisible()  # the choices say where the numbers come from
    assert dialog.plan.isVisible() and dialog.plan.isChecked()  # as it would have gone on
    assert dialog.summary.text() == (
        "Epochs 9–20: its schedule “cosine to a minimum” goes on, lr 0.000331 in epoch 9 to "
        "1.3×10⁻⁵ in epoch 20."
    )
    choice = dialog.wanted()
    assert choice == ContinueChoice(12, plan=True)
    config, again = continued_config(COSINE, STOPPED, choice)
    # ``prepare`` counts a stopped model's epochs from its first: 20 is 12 more
    assert (config.epochs, config.lr, config.schedule, again) == (20, 5e-4, "cosine", False)
    assert dialog.remembered() == AGAIN  # going on with its schedule is no lasting choice

    qtbot.keyClick(dialog.epochs, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.form_epochs.isChecked)
    assert dialog.epochs.value() == 20 and not dialog.rest_of_plan.isChecked()
    assert dialog.summary.text().startswith("Epochs 9–28: its schedule")
    dialog.epochs.setFocus()
    dialog.epochs.selectAll()
    qtbot.keyClicks(dialog.epochs, "5")  # a number of one's own: neither choice
    assert not dialog.rest_of_plan.isChecked() and not dialog.form_epochs.isChecked()
    dialog.keep.setChecked(True)
    assert dialog.summary.text() == (
        "Epochs 9–13: lr 0.00033, the rate the run ended with, for every batch."
    )
    qtbot.keyClick(dialog.epochs, Qt.Key.Key_Return)
    assert dialog.choice() == ContinueChoice(5)
    config, again = continued_config(COSINE, STOPPED, dialog.choice())
    assert (config.epochs, config.lr, config.schedule, again) == (13, 3.3e-4, "constant", False)


def test_a_stopped_constant_run_whose_form_says_its_plan_has_one_epochs_choice(qtbot):
    """The form's Epochs the same as the epochs left: one choice, said once; a constant run
    has no schedule to go on with."""
    facts = ContinueFacts(3, 0.01, TrainConfig(lr=0.01, epochs=2), planned=5)
    dialog = ContinueDialog(facts, "the run of 21:52", KEEP)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.rest_of_plan.isChecked() and not dialog.form_epochs.isVisible()
    assert not dialog.plan.isVisible() and dialog.keep.isChecked()
    assert (
        dialog.summary.text()
        == "Epochs 4–5: lr 0.01, the rate the run ended with, for every batch."
    )


def test_a_network_no_rate_revives_is_said_with_no_rate_of_the_coachs_offered(qtbot):
    """verify66 #3: a net dead at the loss of guessing (ln 10) was offered the coach's 0.5;
    the coach says no rate brings it back: Continue says so above its choices, offering none
    of the coach's."""
    said = "The training loss has stood at 2.3012 since epoch 64: … train it again from the start."
    dialog = ContinueDialog(STOPPED, "the run of 21:52", KEEP, warning=said)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.coach_said.isVisible() and dialog.coach_said.text() == f"The coach: {said}"
    assert not dialog.coach.isVisible()
    plain = ContinueDialog(STOPPED, "the run of 21:52", KEEP)
    qtbot.addWidget(plain)
    plain.show()
    assert not plain.coach_said.isVisible() and not plain.coach.isVisible()
