"""The Train form in Vietnamese at View > Text size > Larger: its parameter count and its
drop-downs' choices read whole at 1024 and 1280 px (walk61: "… 225.034 tham sc", Init's
"tự động (He cho ReLU, còn")."""

from __future__ import annotations

import pytest

from nndesk.ui.choice_box import edit_field_width
from tests.ui.test_layout import WAIT_MS, show_at

#: a bound for one layout pass, met at once when the text fits (a cut one waits it out)
FIT_MS = 3_000
#: the form's drop-downs (every one an MLP's form shows)
DROP_DOWNS = (
    "dataset",
    "normalize",
    "activation",
    "output",
    "loss",
    "init",
    "optimizer",
    "schedule",
)


@pytest.fixture
def larger_vi_train_page(qtbot, qapp, window_factory, normal_text_after, in_vietnamese):  # noqa: F811
    """``show(size)`` -> the Train page of a Vietnamese window at the larger text step,
    the window at ``size``."""
    from nndesk.ui import text_size

    text_size.apply_text_size(qapp, "larger")
    desk = window_factory()

    def show(size):
        window = show_at(desk, size)
        page = desk.train_page
        window.tabs.setCurrentWidget(page)
        qtbot.waitUntil(page.form.isVisible, timeout=WAIT_MS)
        return page

    return show


@pytest.mark.parametrize("size", [(1024, 768), (1280, 760)])
def test_the_parameter_count_is_whole_beside_or_under_layers(qtbot, larger_vi_train_page, size):
    """walk61: at 1280 px mnist-cnn-lab's "784-c32v-p-c64v-p-128-10 → 225.034 tham số" got
    382 of its 387 px and read "tham sc"; the form kept the row beside its label."""
    from nndesk.ui.train_form import parameter_summary

    form = larger_vi_train_page(size).form
    summary = form.arch_summary
    cut = []
    for preset in ("mnist-cnn-lab", "fashion-cnn-plus", "mnist-gd"):
        form.apply_preset(preset)
        wanted = parameter_summary(form.arch.text())
        qtbot.waitUntil(lambda w=wanted: summary.text() == w, timeout=WAIT_MS)
        try:  # laid out for the new text (a failure waits out the bound)
            qtbot.waitUntil(lambda: summary.width() >= summary.sizeHint().width(), timeout=FIT_MS)
        except qtbot.TimeoutError:
            cut.append(f"{summary.text()!r} in {summary.width()} px")
    assert cut == []


@pytest.mark.parametrize("size", [(1024, 768), (1280, 760)])
def test_every_choice_of_the_forms_drop_downs_reads_whole(qtbot, larger_vi_train_page, size):
    """walk61: Init's "tự động (He cho ReLU, còn lại Xavier)" in a box of 14 characters read
    "tự động (He cho ReLU, còn" at 1024 px; the optimizer's "hạ gradient (toàn bộ batch)"
    lacked 26 px."""
    form = larger_vi_train_page(size).form
    form.apply_preset("fashion-mlp-lab")  # every drop-down of an MLP's form shown
    cut = []
    for name in DROP_DOWNS:
        box = getattr(form, name)
        for index in range(box.count()):
            box.setCurrentIndex(index)
            if not box.isVisible():
                continue
            need = box.fontMetrics().horizontalAdvance(box.currentText())
            try:  # laid out for the choice (a failure waits out the bound)
                qtbot.waitUntil(lambda b=box, n=need: edit_field_width(b) >= n, timeout=FIT_MS)
            except qtbot.TimeoutError:
                cut.append(f"{name}: {box.currentText()!r} in {edit_field_width(box)} px")
    assert cut == []
