"""The Train form says when its learning-rate schedule would never act (walk58 #4: lab 3's
preset with Epochs 2 and "Keep for 10 epochs" trained at one rate, and nothing said so)."""

from __future__ import annotations

import pytest

from nndesk.ui.train_form import TrainForm


@pytest.fixture
def form(qtbot):
    widget = TrainForm()
    qtbot.addWidget(widget)
    widget.apply_preset("fashion-prelu-l2")  # exponential after 10 epochs, 20 epochs
    return widget


def _note(form: TrainForm) -> str:
    return form.schedule_note.text() if form.schedule_note.isVisibleTo(form) else ""


def test_an_exponential_schedule_kept_past_the_last_epoch_is_said(form):
    assert form.schedule.currentData() == "exp" and form.schedule_step.value() == 10
    assert _note(form) == ""
    form.epochs.setValue(2)  # the walk's short run
    assert _note(form) == (
        "A run started with Train never changes its learning rate with this schedule: it first "
        "lowers it in epoch 11, and the run ends after epoch 2. Lower “Keep for” below 2 or raise "
        "“Epochs”."
    )
    assert form.is_valid()  # said, not refused: the run may still train at one rate
    form.schedule_step.setValue(1)  # the walk's fix: epoch 2 trains at a lower rate
    assert _note(form) == ""
    form.schedule_step.setValue(2)
    assert "first lowers it in epoch 3" in _note(form)
    form.epochs.setValue(3)
    assert _note(form) == ""


def test_a_step_schedule_says_it_under_every(form):
    form.schedule.setCurrentIndex(form.schedule.findData("step"))
    form.schedule_step.setValue(5)
    form.epochs.setValue(5)
    assert "Lower “Every” below 5" in _note(form)
    form.schedule.setCurrentIndex(form.schedule.findData("constant"))
    assert _note(form) == ""  # the row is hidden with its field


def test_the_note_is_said_in_vietnamese(qtbot):
    from nndesk.ui import language

    language.use_language("vi")
    try:
        widget = TrainForm()
        qtbot.addWidget(widget)
        widget.apply_preset("fashion-prelu-l2")
        widget.epochs.setValue(2)
        note = _note(widget)
        label = language.translate("TrainForm", "Keep for")
        epochs = language.translate_marked("", "Epochs")  # the field's label
    finally:
        language.use_language("en")
    assert note and "11" in note and f"“{label}”" in note
    assert note.startswith("Một lượt chạy bắt đầu bằng Huấn luyện")
    assert note.endswith(f"“{epochs}”.")
