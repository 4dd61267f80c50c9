"""While a run goes the coach's place holds two lines of a hint (and its button's row): the
plateau hint's advice came last, under the place's scroll, and only its button said what to do
(fixU #6: "Training accuracy has stood near 23% for the last 101 epochs (101 batches), far
under what a network reaches…", its "Check the input normalisation and the learning rate, or
train again with Adam" out of sight). What to do is in sight now, at 1024x700, en and vi."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from nndesk.coach import RunSetup, hints
from tests.test_coach import FULL_BATCH, _walk68, trained
from tests.ui.conftest import xvfb_desktop_text

FLAT = [0.3 + 0.01 * (-1) ** i for i in range(120)]
MINI = RunSetup(normalize="unit", activation="relu", batch=128, train_images=60000)


def _plateaus():
    """Each of the coach's plateau hints with the words of its advice (en, vi): full-batch
    GD, raw pixels, a mini-batch run, a run thrown back by steps too large."""
    found = {
        "full batch": (hints(trained(FLAT, 1), lr=0.5, setup=FULL_BATCH), ("Adam", "Adam")),
        "raw": (
            hints(trained(FLAT, 1), lr=0.5, setup=replace(MINI, normalize="raw", batch=0)),
            ("[0, 1]", "[0;\u00a01]"),
        ),
        "mini-batch": (hints(trained(FLAT[:6], 400), lr=0.03, setup=MINI), ("Adam", "Adam")),
        "too large steps": (
            hints(_walk68(160), lr=0.5, setup=FULL_BATCH),
            ("smaller learning rate", "tốc độ học nhỏ hơn"),
        ),
    }
    out = []
    for name, (said, advice) in found.items():
        (hint,) = [h for h in said if h.kind == "plateau"]
        out.append((name, hint, advice))
    return out


@pytest.mark.parametrize(
    ("code", "larger"),
    [("vi", True), ("en", False), ("en", True)],
    ids=["vi-larger", "en", "en-larger"],
)
def test_a_plateau_hints_advice_is_in_sight_while_a_run_goes(
    qapp, window_factory, stroke_classifier, normal_text_after, speaking, code, larger
):
    speaking(code)
    xvfb_desktop_text(qapp, larger=larger)
    desk = window_factory(classifier=stroke_classifier)
    desk.window.resize(1024, 700)
    desk.window.tabs.setCurrentWidget(desk.train_page)
    coach = desk.train_page.coach
    coach.reserve()  # the place kept as from a run's start
    for name, hint, advice in _plateaus():
        coach.show_hints([hint], running=True)
        for _ in range(3):  # laid out at the row's width, its button beside or under
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            QApplication.processEvents()
        label, view = coach.label, coach.scroll.viewport()
        text = label.text()
        words = advice[code == "vi"]
        assert words in text, (name, text)
        # the lines up to the advice's words, from the hint's first (where it is read from)
        upto = text[: text.index(words) + len(words)]
        margins = label.contentsMargins()
        inner = label.width() - margins.left() - margins.right()
        needed = label._height(upto, inner) + margins.top()  # noqa: SLF001 - its own measure
        assert coach.scroll.verticalScrollBar().value() == 0, name
        assert needed <= view.height(), (name, needed, view.height(), text)
