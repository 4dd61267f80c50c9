"""The Train headline's two-line label: a text too long for its width is cut between words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nndesk.ui.elided_label import LinesLabel

HEADLINE = (
    "MNIST đã sẵn sàng · lượt chạy gần nhất (02/12 19:28): MNIST 784-1536-768-10 relu adam "
    "tốc độ học 0,001 điểm ảnh từ -1 đến 1 · quán tính 0,5, dropout 0,2, batch 64"
)


def test_a_cut_headline_ends_at_a_whole_word(qtbot):
    """walk54b: "… tốc độ học 0,001 điểm ả…" at 1024 px, "ảnh" cut in two."""
    label = LinesLabel(HEADLINE, lines=2)
    qtbot.addWidget(label)
    words = HEADLINE.split()
    for width in range(120, 900, 7):
        label.resize(width, label.sizeHint().height())
        shown = label.displayed_text()
        if shown == HEADLINE:
            continue
        assert shown.endswith("…"), shown
        kept = shown[:-1].split()
        # every word shown is whole (the last one may lose a trailing ":" or ",")
        whole = words[: len(kept)]
        assert kept[:-1] == whole[:-1] and kept[-1] == whole[-1].rstrip(",;:·—–-"), (width, shown)


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=300))
def test_any_text_is_shown_whole_or_as_a_start_of_it_that_fits(qapp, text):
    label = LinesLabel(text, lines=2)
    label.resize(150, label.sizeHint().height())
    shown = label.displayed_text()
    assert shown == text or (shown.endswith("…") and text.startswith(shown[:-1]))
