"""One rule for a count and its noun (``nndesk.i18n.counted``): "1 batch", never "1 batches"
(fixU left "Stopped: by you, after epoch 6 and 1 batches"), where the window and the CLI show
counts that can be 1. Vietnamese writes the noun once, after the number, joined to it."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.i18n import counted, localised
from nndesk.training.loop import stopped_message
from nndesk.ui import language
from nndesk.ui.confusion_view import cell_said
from nndesk.ui.runs_table import schedule_cell_text
from nndesk.ui.train_texts import stopped_text


@pytest.fixture
def vietnamese(qapp):
    assert language.use_language("vi") == "vi"
    yield
    language.use_language("en")


def test_a_count_says_its_noun_one_or_many(qapp):
    assert counted(1, "batch") == "1 batch"
    assert counted(97, "batch") == "97 batches"
    assert counted(6000, "image") == "6,000 images"
    assert counted(0, "epoch") == "0 epochs"
    assert counted(1, "test image") == "1 test image"


def test_the_places_that_count_one_say_it_so(qapp):
    """Each of these said "1 batches", "1 images", "every 1 epochs" before."""
    assert stopped_text(6, 1) == "by you, after epoch 6 and 1 batch"
    assert stopped_text(0, 1) == "by you, after 1 batch"
    assert stopped_text(6, 97) == "by you, after epoch 6 and 97 batches"
    assert stopped_message(6, 1) == "stopped by request after epoch 6 and 1 batch of epoch 7"
    assert stopped_message(0, 1) == "stopped by request after 1 batch of epoch 1"
    confusion = np.array([[5, 1], [2, 1]])
    assert (
        cell_said(confusion, ("a", "b"), 0, 1) == "true a, predicted b: 1 image (16.7% of true a)."
    )
    assert (
        cell_said(confusion, ("a", "b"), 1, 1)
        == "b recognised correctly: 1 image (33.3% of true b)."
    )
    step = {"schedule": "step", "schedule_step": 1, "schedule_gamma": 0.5}
    assert schedule_cell_text(step) == "step every 1 epoch ×0.5"
    assert schedule_cell_text({**step, "schedule_step": 3}) == "step every 3 epochs ×0.5"
    exp = {"schedule": "exp", "schedule_step": 1, "schedule_rate": 0.1}
    assert schedule_cell_text(exp) == "exp after 1 epoch, decay 0.1"


def test_vietnamese_writes_the_noun_once_after_the_number(vietnamese):
    assert localised(counted(1, "batch")) == "1\u00a0batch"
    assert localised(counted(6000, "image")) == "6.000\u00a0ảnh"
    assert stopped_text(6, 1) == "theo yêu cầu, sau epoch 6 và 1\u00a0batch"
    assert localised(stopped_message(6, 1)) == (
        "đã dừng theo yêu cầu sau epoch 6 và 1\u00a0batch của epoch 7"
    )
    step = {"schedule": "step", "schedule_step": 1, "schedule_gamma": 0.5}
    assert schedule_cell_text(step) == "giảm theo bậc mỗi 1\u00a0epoch ×0,5"


def test_the_mistakes_summary_counts_its_images_and_mistakes(qtbot):
    from nndesk.ui.mistakes_view import MistakesView
    from tests.test_evaluation import toy_result
    from tests.ui.conftest import shown_widget

    view = shown_widget(qtbot, MistakesView(), (900, 600))
    view.set_result(toy_result())  # 40 test images, 7 mistakes; true three: 1 read as zero
    view.show_cell(3, 0)
    assert (
        view.summary.text() == "true three, predicted zero: 1 of the 7 mistakes in 40 test images"
    )
    view.show_cell(3, 3)
    assert view.summary.text() == "8 images of three recognised correctly"
