"""The Race lanes' column headers stay apart where the lanes have room (walk65 D11): at 1280 px
in Vietnamese at Larger text "Hàm kích hoạt", "Bộ tối ưu", "Tốc độ học" and "Đầu vào" stood
4-5 px apart on one line, about a space: they read as one phrase."""

from __future__ import annotations

from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication

from nndesk.ui.race_lanes import REMOVE
from nndesk.ui.race_view import COMPARISONS
from tests.ui.conftest import race_shown


def _line_widths(head) -> list[float]:
    """The widths of ``head``'s lines as it wraps them, the bottom one first (the headers are
    aligned at the bottom: lines at the same place from it share a line on screen)."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout = QTextLayout(head.text(), head.font())
    layout.setTextOption(option)
    layout.beginLayout()
    widths = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(head.contentsRect().width())
        widths.append(line.naturalTextWidth())
    layout.endLayout()
    return widths[::-1]


def _closest_heads(race, window) -> tuple[float, str]:
    """How much more than two spaces lies between the end of a header's line and the next
    header on that line, where least, and between which headers."""
    grid = race.lane_grid
    heads = [grid.itemAtPosition(0, c).widget() for c in range(REMOVE)]
    heads = [h for h in heads if h.isVisible()]
    closest = (float("inf"), "")  # (px past two spaces, which two)
    for head, after in zip(heads, heads[1:], strict=False):
        left = head.mapTo(window, head.contentsRect().topLeft()).x()
        next_left = after.mapTo(window, after.contentsRect().topLeft()).x()
        shared = zip(_line_widths(head), _line_widths(after), strict=False)
        spaces = head.fontMetrics().horizontalAdvance("  ")
        for width, _ in shared:
            apart = next_left - left - width - spaces
            closest = min(closest, (apart, f"{head.text()}|{after.text()}"))
    return closest


def _laid_out(race) -> None:
    """The event loop's turns until the lanes' headers stay where they are: the lanes are fitted
    again on each of their layout requests (``LaneScroll``), and a width met between two of
    them is not the one shown."""
    grid = race.lane_grid

    def places() -> list:
        return [grid.itemAtPosition(0, c).widget().geometry() for c in range(REMOVE)]

    before = None
    for _ in range(20):  # a few passes settle it; a layout that never does fails below
        QApplication.processEvents()
        now = places()
        if now == before:
            return
        before = now
    raise AssertionError("the lanes' headers never stopped moving")


def test_the_lanes_headers_keep_two_spaces_apart_at_1280_in_vietnamese_at_larger_text(
    qtbot, window_at, larger_vi
):
    """Every comparison's lanes in one window, chosen one after the other as a person does;
    every comparison whose headers come closer than two spaces is said at once."""
    desk = window_at((1280, 800), mode="garments")
    window = desk.window
    close = []
    for comparison in range(len(COMPARISONS)):
        race = race_shown(qtbot, desk, comparison)
        _laid_out(race)
        apart, where = _closest_heads(race, window)
        if apart < 0:
            close.append(f"{comparison}: {where}: {apart:.1f} px past two spaces apart")
    assert close == []
