"""Every long hint of the coach says what to do first (fixU did it for the plateau hints,
test_plateau_advice_in_sight): while a run goes its place holds two lines of a hint and its
button's row, and the others' advice came at their end, under the place's scroll ("…: train
it again from the start", "… Scale the pixels (Inputs: [0, 1]) and train again"). The
drawn-tops hints say their advice after their question, before what they saw. en and vi."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

import nndesk.coach
from nndesk.coach import Hint
from nndesk.i18n import Loss
from nndesk.ui import language
from tests.ui.conftest import xvfb_desktop_text

#: the words a hint's advice is found by, (en, vi): the earliest in a hint's text ends its
#: advice's start
ADVICE = (
    ("train again", "huấn luyện lại"),
    ("Scale the pixels", "chia tỉ lệ điểm ảnh"),
    ("from the start", "từ đầu"),
    ("smaller learning rate", "tốc độ học nhỏ hơn"),
    ("Set the learning rate back", "đặt lại tốc độ học"),
    ("more L2", "thêm L2"),
    ("check the input normalisation", "kiểm tra chuẩn hoá"),
    ("Give it a few hundred batches", "chờ vài trăm batch"),
    ("Batches of 128 take", "Với batch 128"),
    ("train for hundreds of epochs", "huấn luyện hàng trăm epoch"),
    ("in Mistakes", "trang Đoán sai"),
    ("leaky ReLU", "Leaky ReLU"),
    ("probably too high", "tốc độ học quá cao"),
    ("too high for this run", "quá cao với lượt chạy này"),
    ("Adam", "Adam"),
)
#: a hint "long" enough to pass its place's two lines
LONG = 100
#: values for the templates' fields; a number where not named
VALUES = {
    "name": "Dense 784→784",
    "other": "Shirt",
    "activation": "sigmoid",
    "change": "batch size 64",
    "size": 128,
    "per": 422,
}


def long_coach_templates() -> list[str]:
    """The coach's templates (``QT_TRANSLATE_NOOP("Coach", …)``) over ``LONG`` characters."""
    tree = ast.parse(Path(nndesk.coach.__file__).read_text(encoding="utf-8"))
    return [
        node.args[1].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"
        and node.args[0].value == "Coach"
        and len(node.args[1].value) > LONG
    ]


def _filled(template: str) -> dict:
    fields = {f for _, f, _, _ in string.Formatter().parse(template) if f}
    return {
        f: VALUES.get(f, Loss(2.3026) if f in ("loss", "chance", "before", "recent") else 0.42)
        for f in fields
    }


def advice_end(text: str, code: str) -> int:
    """Where the earliest advice's words end in ``text``, -1 for none."""
    ends = [
        text.lower().index(words.lower()) + len(words)
        for pair in ADVICE
        if (words := pair[code == "vi"]).lower() in text.lower()
    ]
    return min(ends, default=-1)


@pytest.mark.parametrize(("code", "larger"), [("vi", True), ("en", False)], ids=["vi-larger", "en"])
def test_every_long_coach_hint_has_its_advice_in_sight_while_a_run_goes(
    qapp, window_factory, stroke_classifier, normal_text_after, speaking, code, larger
):
    speaking(code)
    xvfb_desktop_text(qapp, larger=larger)
    desk = window_factory(classifier=stroke_classifier)
    desk.window.resize(1024, 700)
    desk.window.tabs.setCurrentWidget(desk.train_page)
    coach = desk.train_page.coach
    coach.reserve()  # the place kept as from a run's start
    templates = long_coach_templates()
    assert len(templates) >= 15  # the parse found them
    out_of_sight = []
    for i, template in enumerate(templates):
        # a button too, as most hints have: its row is the place's too
        hint = Hint(f"kind {i}", template, _filled(template), {"lr": 0.001},
                    "Lower the learning rate to {lr:g}")  # fmt: skip
        coach.show_hints([hint], running=True)
        for _ in range(3):  # laid out at the row's width, its button beside or under
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            QApplication.processEvents()
        label, view = coach.label, coach.scroll.viewport()
        text = label.text()
        end = advice_end(text, code)
        assert end > 0, text
        margins = label.contentsMargins()
        inner = label.width() - margins.left() - margins.right()
        needed = label._height(text[:end], inner) + margins.top()  # noqa: SLF001 - its measure
        assert coach.scroll.verticalScrollBar().value() == 0, text
        if needed > view.height():
            out_of_sight.append((needed, view.height(), text))
    assert not out_of_sight, out_of_sight


@pytest.mark.parametrize("code", ["en", "vi"])
def test_the_drawn_tops_hints_say_what_to_draw_before_what_they_saw(qapp, code):
    """The Coat hints' observations ("The marks erased on it have not settled it", "Hard to tell
    in a drawing") came before what to draw, which a 3-line note cut at 1024 px."""
    from nndesk.garment_hints import MARKED_HINTS, OUTLINE_HINTS, TOPS_HINTS
    from nndesk.ui.language import translate_marked

    assert language.use_language(code) == code
    try:
        said = [
            translate_marked("MainWindow", text)
            for table in (TOPS_HINTS, MARKED_HINTS, OUTLINE_HINTS)
            for text in table.values()
        ]
    finally:
        language.use_language("en")
    seen = ("have not settled", "tells them apart poorly", "Hard to tell")
    seen_vi = ("chưa đủ để phân định", "khó phân biệt")
    drawn = (
        ("outline", "pockets", "open", "erase")
        if code == "en"
        else ("đường viền", "túi", "mở", "tẩy")
    )
    for text in said:
        question, _, rest = text.partition("? ")
        assert rest, text
        first = rest.split(". ")[0].split("; ")[0].split(": ")[0]
        assert not any(words in first for words in (*seen, *seen_vi)), text
        assert any(words in rest for words in drawn), text
