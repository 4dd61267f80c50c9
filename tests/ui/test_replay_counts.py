"""The Train page's replay writes a matrix's counts whole in a 1024 px window (the brief of
s64: "2,4k", "5,0k" on its diagonal): a run without a validation split replays its training
batches, some 5,000 images a class."""

from __future__ import annotations

import numpy as np
import pytest

from tests.ui.conftest import shown_widget


@pytest.mark.parametrize(
    ("code", "step", "size"),
    # the Replay tab in a 1024x700 window; in a 1024x768 one at the larger text (it scrolls)
    [("en", "normal", (535, 380)), ("vi", "larger", (455, 600))],
    ids=["en", "vi-larger"],
)
def test_a_replays_counts_of_thousands_are_whole_at_1024(qtbot, qapp, code, step, size):
    from nndesk.data.registry import DATASETS
    from nndesk.replay import ReplayRecord
    from nndesk.ui import language, text_size
    from nndesk.ui.replay_view import ReplayView
    from nndesk.viz import LIGHT_FOUR_DIGITS_POINTS, THIN_SPACE

    assert language.use_language(code) == code
    text_size.apply_text_size(qapp, step)
    try:
        record = ReplayRecord(class_names=tuple(DATASETS["fashion"].class_names))
        rng = np.random.default_rng(0)
        matrix = rng.integers(0, 400, (10, 10))
        np.fill_diagonal(matrix, rng.integers(4800, 5950, 10))
        record.add(1, matrix)
        view = shown_widget(qtbot, ReplayView(), size)  # the Replay tab at 1024 px
        view.show_record(record)
        shown = view.confusion
        qtbot.waitUntil(shown.current, timeout=60000)  # drawn off the GUI thread
        renderer = shown.renderer()
        diagonal = [shown.ax.texts[11 * i].get_text() for i in range(10)]
        # whole: grouped as the window groups digits ("5.260"), or by a thin space
        digits = [
            text.replace(THIN_SPACE, "").replace(".", "").replace(",", "") for text in diagonal
        ]
        assert digits == [str(n) for n in np.diag(matrix)], diagonal
        assert shown.counts_fit(renderer) and shown.labels_fit(renderer)
        zoom = 1.25 if step == "larger" else 1.0
        on_screen = min(t.get_fontsize() for t in shown.ax.texts) * zoom
        assert on_screen >= LIGHT_FOUR_DIGITS_POINTS
    finally:
        text_size.apply_text_size(qapp, "normal")
        language.use_language("en")
