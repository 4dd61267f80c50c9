"""The Inside diagram's column titles fit the diagram at 1024x700 and at the first window's
size, in English and Vietnamese: the output column's read "Output: softmax → calibrat" and
"Đầu ra: softmax → đã hiệu" at 1024x700 (walk47 D8)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from nndesk import inside
from nndesk.controllers.prediction import InsideSnapshot
from nndesk.inference import Classifier
from nndesk.paths import WEIGHTS_DIR
from nndesk.ui.inside_diagram import diagram_image

# (language, the diagram's size in the window): measured in the window at 1024x700 and at
# its first size, 1280x760 (the Vietnamese page's longer help text leaves it less room)
SIZES = [
    ("en", (522, 300)),
    ("en", (618, 331)),
    ("vi", (515, 300)),
    ("vi", (618, 323)),
    ("vi", (420, 300)),  # the diagram's least width
]


@pytest.fixture
def language_of(qapp):
    from nndesk.ui import language

    def use(code: str) -> None:
        assert language.use_language(code) == code

    yield use
    language.use_language("en")


def _calibrated_snapshot(name: str = "mnist-mlp") -> InsideSnapshot:
    """A shipped MLP (its file holds a temperature, so the output title is the longest,
    "softmax → calibrated") on a drawn 7."""
    clf = Classifier.from_file(WEIGHTS_DIR / f"{name}.npz")
    assert abs(clf.temperature - 1.0) > 1e-3
    image = np.zeros((28, 28), np.float32)
    image[5:8, 6:22] = 255.0
    image[8:24, 16:19] = 255.0
    tr = inside.trace(clf.model, clf.normalizer, image, tuple(clf.class_names))
    return InsideSnapshot(clf, clf.model, tr)


def _paint(size, name: str = "mnist-mlp"):
    from PySide6.QtWidgets import QApplication

    colours = (QColor("black"), QColor("white"), QColor("orange"))
    font = QFont(QApplication.font())
    return diagram_image((_calibrated_snapshot(name), None, colours, font), QSize(*size), 1.0)


@pytest.mark.parametrize(("code", "size"), SIZES)
def test_no_column_title_is_cut_at_the_diagrams_right_edge(language_of, code, size):
    """Ink of the titles' band (above every unit) stays clear of the last 3 px of the diagram:
    a title that runs past the edge is cut there, its letters touching it."""
    language_of(code)
    image, units = _paint(size)[:2]
    first_unit = min(rect.top() for rect in units.values())
    w = size[0]
    touching = [
        (x, y)
        for y in range(0, int(first_unit) - 1)
        for x in range(w - 3, w)
        if QColor.fromRgba(image.pixel(x, y)).alpha() > 0
    ]
    assert touching == [], f"title ink at the right edge: {touching[:5]}"


@pytest.mark.parametrize(("code", "size"), SIZES)
def test_every_column_title_fits_whole_inside_the_diagram_and_apart(language_of, code, size):
    language_of(code)
    _image, units, titles = _paint(size)[:3]
    w = size[0]
    assert len(titles) == 3  # two hidden columns and the output
    assert "→" in titles[-1].full
    font = QFont(QFont())
    for title in titles:
        assert not title.elided, title
        font.setPointSizeF(title.points)
        metrics = QFontMetricsF(font)
        widest = max(metrics.horizontalAdvance(line) for line in title.text.split("\n"))
        assert widest <= title.rect.width() + 0.5, title
        assert title.rect.left() >= 0 and title.rect.right() <= w, title
        assert title.points >= 6.5, title
        # above the units it names
        assert title.rect.bottom() < min(rect.top() for rect in units.values()), title
    for left, right in zip(titles, titles[1:], strict=False):
        assert left.rect.right() + 4 <= right.rect.left(), (left, right)


def test_the_first_hidden_title_uses_the_room_above_the_input_before_a_second_line(
    language_of,
):
    """fashion-mlp's wide labels bring its columns close at 1024x700: "Hidden 1 (1024)" is
    wider than the room centred on its column, and takes room on its left (the input's title
    sits lower) rather than a second line. (Its outputs' one decimal, "Ankle boot  100.0% →
    100.0%" at the widest, leaves "Hidden 2 (512)" beside it the room of two lines.)"""
    language_of("en")
    _image, _units, titles = _paint((522, 300), "fashion-mlp")[:3]
    assert titles[0].text == "Hidden 1 (1024)"
    assert titles[1].text.replace("\n", " ") == "Hidden 2 (512)"
    assert titles[0].rect.right() + 4 <= titles[1].rect.left()


def test_a_title_too_wide_for_its_room_takes_two_lines_then_smaller_type(qapp):
    from nndesk.ui.inside_diagram import LEAST_TITLE_POINTS, fit_title

    font = QFont()
    font.setPointSizeF(9.0)
    text = "Đầu ra: softmax → đã hiệu chỉnh"
    whole = QFontMetricsF(font).horizontalAdvance(text)
    lines, same = fit_title(text, whole + 1, font)
    assert lines == [text] and same.pointSizeF() == 9.0
    lines, same = fit_title(text, whole * 0.6, font)
    assert lines == ["Đầu ra: softmax", "→ đã hiệu chỉnh"] and same.pointSizeF() == 9.0
    lines, smaller = fit_title(text, whole * 0.4, font)
    assert len(lines) == 2 and LEAST_TITLE_POINTS <= smaller.pointSizeF() < 9.0
    assert " ".join(lines) == text
    lines, least = fit_title(text, 20, font)  # nothing fits: the least type, elided
    assert least.pointSizeF() == LEAST_TITLE_POINTS and "…" in "".join(lines)


def test_a_columns_units_not_drawn_are_said_in_two_lines_at_most(qapp):
    """walk57 #10: at 1024x700 "+ 1012 nút nữa" wrapped onto three lines in its 56 px and the
    third was cut off under the diagram; when the words need three, the count alone."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QFont, QFontMetrics

    from nndesk.ui import language
    from nndesk.ui.inside_diagram import more_label

    metrics = QFontMetrics(QFont(qapp.font().family(), 8))
    flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
    assert language.use_language("vi") == "vi"
    try:
        for more, room in ((1012, 56), (500, 56), (1012, 100), (12, 40)):
            said = more_label(more, room, metrics)
            box = metrics.boundingRect(QRect(0, 0, room, 1000), flags, said)
            assert box.height() <= 2 * metrics.lineSpacing(), (said, room)
            assert str(more) in said
        assert more_label(1012, 100, metrics) == "+ 1012\xa0nút nữa"  # the words, with room
    finally:
        language.use_language("en")


@pytest.mark.parametrize("points", [11.0, 12.0])  # Larger, at most 11 pt; a 12 pt desktop
def test_at_larger_text_an_mlps_columns_keep_their_gaps_in_a_narrow_diagram(language_of, points):
    """walk61 D18: fashion-mlp (784-1024-512-10) in Vietnamese at Larger text in 1024x768: the
    output labels ("Áo thun/áo phông  100,0% → 100,0%", ~250 px) left ~20 px for three
    columns, drawn on one another. The columns keep their least gap; the labels take smaller
    type, then shortened class names, and stay inside the diagram."""
    from PySide6.QtWidgets import QApplication

    from nndesk.ui.inside_diagram import COLUMN_GAP_LEAST

    language_of("vi")
    colours = (QColor("black"), QColor("white"), QColor("orange"))
    font = QFont(QApplication.font())
    font.setPointSizeF(points)
    size = (440, 330)
    snap = _calibrated_snapshot("fashion-mlp")
    image, units, titles, _shortened = diagram_image((snap, None, colours, font), QSize(*size), 1.0)
    centres = sorted({round(rect.center().x()) for rect in units.values()})
    assert len(centres) == 3
    gaps = [b - a for a, b in zip(centres, centres[1:], strict=False)]
    assert min(gaps) >= COLUMN_GAP_LEAST - 1, gaps
    for left, right in zip(titles, titles[1:], strict=False):
        assert left.rect.right() <= right.rect.left(), (left, right)
    # the labels' ink stays inside: nothing touches the diagram's right edge
    first_unit = min(rect.top() for rect in units.values())
    touching = [
        (x, y)
        for y in range(int(first_unit), size[1])
        for x in range(size[0] - 2, size[0])
        if QColor.fromRgba(image.pixel(x, y)).alpha() > 0
    ]
    assert touching == []
