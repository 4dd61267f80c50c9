"""Train > Inside's line under the picture: what the picture is as of (dialogs59; fix58b
measured the charts 13-20 s behind the run on a busy machine, and nothing said so)."""

from __future__ import annotations

import math

import pytest
from PySide6.QtWidgets import QSizePolicy

from nndesk.training.internals import InsideRecord, InsideSample, LayerSample
from nndesk.ui import language, theme
from nndesk.ui.inside_age import PictureAge, age_of, age_texts
from nndesk.ui.inside_training_view import InsideTrainingView
from tests.ui.conftest import shown_widget

WAIT_MS = 20_000
PER_EPOCH = 469  # MNIST's 60,000 training images less a validation share, batches of 128


def _at(*xs: float) -> InsideRecord:
    layers = (LayerSample(0.5, 1e-3, math.nan),) * 2
    return InsideRecord(["Dense 784→32", "Dense 32→10"], [InsideSample(x, layers) for x in xs])


@pytest.mark.parametrize(
    "x, epoch, batch",
    [
        (1 / PER_EPOCH, 1, 1),
        (350 / PER_EPOCH, 1, 350),
        (1.0, 1, PER_EPOCH),  # the last batch of epoch 1 is at x = 1
        (1 + 350 / PER_EPOCH, 2, 350),
        (7 + 3 / PER_EPOCH, 8, 3),  # a continued run's epochs go on
    ],
)
def test_a_sampled_batchs_position_is_its_epoch_and_batch(x, epoch, batch):
    assert PictureAge(x, PER_EPOCH, True).epoch_batch() == (epoch, batch)
    assert PictureAge(x, 0, True).epoch_batch() == (epoch, None)


def test_the_line_says_as_of_while_training_the_whole_run_once_ended_and_the_start():
    assert age_texts(age_of(_at(0.25, 350 / PER_EPOCH), PER_EPOCH, True)) == (
        "As of epoch 1, batch 350 of 469: redrawn every few seconds while the run trains",
        "As of epoch 1, batch 350",
    )
    assert age_texts(age_of(_at(5.0), PER_EPOCH, False)) == (
        "The whole run, measured up to epoch 5, batch 469 of 469",
        "The whole run, to epoch 5",
    )
    start = "Before the first measured batch: the weights as they started"
    assert age_texts(age_of(_at(), PER_EPOCH, True)) == (start, start)
    assert age_texts(age_of(_at(1.5), 0, True)) == ("As of epoch 2", "As of epoch 2")


def test_the_line_is_in_vietnamese_in_the_vietnamese_window(qapp):
    assert language.use_language("vi") == "vi"
    try:
        long, short = age_texts(age_of(_at(1 + 350 / PER_EPOCH), PER_EPOCH, True))
        ended, _ = age_texts(age_of(_at(5.0), 1875, False))
    finally:
        language.use_language("en")
    assert "epoch 2" in short and "350" in short and not short.startswith("As of")
    assert "469" in long and "1.875" in ended  # grouped as Vietnamese writes numbers


def test_the_line_under_the_picture_follows_each_picture_and_the_runs_end(qtbot, qapp):
    place = {"training": True}
    view = InsideTrainingView(run_place=lambda: (PER_EPOCH, place["training"]))
    shown_widget(qtbot, view, (700, 460))
    assert view.as_of.full_text() == "" and view.picture_age() is None  # no picture yet
    record = _at(0.25, 350 / PER_EPOCH)
    view.show_record(record)
    qtbot.waitUntil(lambda: view.picture_age() is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not view._dirty and not view._busy, timeout=WAIT_MS)  # none to come
    assert view.picture_age().x == 350 / PER_EPOCH
    assert view.as_of.full_text().startswith("As of epoch 1, batch 350 of 469")
    assert view.as_of.y() >= view.image.geometry().bottom()  # under the picture
    # the run goes on: the line waits for the picture drawn with the new batches
    record.samples.append(_at(1 + 12 / PER_EPOCH).samples[0])
    assert view.as_of.full_text().startswith("As of epoch 1, batch 350")
    view.render_now()
    qtbot.waitUntil(
        lambda: view.as_of.full_text().startswith("As of epoch 2, batch 12 of 469"),
        timeout=WAIT_MS,
    )
    place["training"] = False  # the run ended: its last picture is of the whole run
    view.show_record(record, at_once=True)
    ended = "The whole run, measured up to epoch 2, batch 12 of 469"
    qtbot.waitUntil(lambda: view.as_of.full_text() == ended, timeout=WAIT_MS)
    view.show_record(InsideRecord())  # another run: no picture, no line
    assert view.as_of.full_text() == ""


def test_the_line_goes_with_a_picture_of_another_theme(qtbot, qapp):
    view = InsideTrainingView(run_place=lambda: (PER_EPOCH, True))
    try:
        theme.apply_theme(qapp, "light")
        shown_widget(qtbot, view, (700, 460))
        view.show_record(_at(0.5))
        qtbot.waitUntil(lambda: view.as_of.full_text() != "", timeout=WAIT_MS)
        theme.apply_theme(qapp, "dark")
        # the light picture gives way to "Drawing the charts…": the line goes with it
        assert view.image.pixmap().isNull() and view.as_of.full_text() == ""
        qtbot.waitUntil(lambda: view.as_of.full_text() != "", timeout=WAIT_MS)
        assert not view.image.pixmap().isNull()
    finally:
        theme.apply_theme(qapp, "system")


def test_the_line_is_one_line_that_never_widens_the_page(qtbot):
    view = InsideTrainingView(run_place=lambda: (PER_EPOCH, True))
    qtbot.addWidget(view)
    assert view.as_of.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored
    assert not view.as_of.wordWrap() and view.as_of.minimumHeight() > 0
