"""The Race lanes' names say what sets the lanes apart on a projector (fixG 1): at 1024 px and
Larger text in Vietnamese seven columns in 455 px left each name 42 px ("Qu…" for "Quán
tính"), and two labs read "fa…" and "fa…". The names leave out the start they all share
("fashion-", whole in the tooltip) and go under their lane's fields where the line is too
narrow for them; the chart's key and the results table name the lanes as the fields do."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from nndesk.controllers.race import RaceController
from nndesk.runs import RunStore
from nndesk.training.race import COMPARISONS
from nndesk.ui.race_words import shared_start, shortened
from tests.ui.conftest import race_training_page
from tests.ui.test_race_lanes_fit import lanes_fit_their_view, tooltip_of
from tests.ui.test_training_panel import tiny_dataset  # noqa: F401 - a fixture

#: the Race tab's width at 1024x768 with Larger text (vi), and at 1024x700 with Normal text
PROJECTOR_PX, NORMAL_PX = 455, 523


def test_the_start_every_name_shares_ends_at_a_dash_and_is_one_word():
    assert shared_start(["fashion-cnn-lab", "fashion-prelu-l2"]) == "fashion-"
    assert shared_start(["mnist-relu-sigmoid-raw", "mnist-relu-softmax-plus"]) == "mnist-relu-"
    assert shared_start(["mnist_a", "mnist_b"]) == "mnist_"
    assert shared_start(["Lane 3", "Lane 4"]) == ""  # a word of the names, not a start
    assert shared_start(["fashion-cnn-lab, ReLU", "fashion-prelu-l2, PReLU"]) == "fashion-"
    # the same lab twice: its name says what it is ("lab" would say nothing)
    assert shared_start(["fashion-cnn-lab, ReLU", "fashion-cnn-lab, PReLU"]) == ""
    assert shared_start(["fashion-cnn-lab", "fashion-cnn-lab"]) == ""
    assert shared_start(["mnist-cnn", "mnist-cnn-lab"]) == "mnist-"
    assert shared_start(["mnist-", "mnist-cnn"]) == ""  # nothing left of a name
    assert shared_start(["SGD", "Adam"]) == shared_start(["fashion-cnn-lab"]) == ""
    assert shortened(["fashion-cnn-lab", "fashion-prelu-l2"]) == ["cnn-lab", "prelu-l2"]
    assert shortened(["SGD", "SGD + momentum"]) == ["SGD", "SGD + momentum"]


def _race_tab(qtbot, tmp_path, dataset: str):
    """The Race tab alone in its scroll area, as the Train page holds it, and its controller."""
    from nndesk.ui.race_view import RaceView
    from nndesk.ui.train_tabs import scrolled

    race = RaceController(lambda name: None, RunStore(tmp_path / "runs"))
    view = RaceView(race, dataset=dataset)
    area = scrolled(view, 0)
    qtbot.addWidget(area)
    return area, view, race


@pytest.fixture
def race_tab(qtbot, tmp_path):
    """The Race tab of a Clothing window."""
    area, view, race = _race_tab(qtbot, tmp_path, "fashion")
    yield area, view
    race.shutdown()


@pytest.fixture
def digits_race_tab(qtbot, tmp_path):
    """The Race tab of a Digits window."""
    area, view, race = _race_tab(qtbot, tmp_path, "mnist")
    yield area, view
    race.shutdown()


def _shown_at(qtbot, area, view, width: int) -> None:
    area.resize(width + area.verticalScrollBar().sizeHint().width(), 600)
    area.show()
    qtbot.waitUntil(lambda: view.rows[-1].remove.isVisible())
    QApplication.processEvents()


def test_two_labs_lanes_show_what_sets_them_apart_at_larger_text_in_vietnamese(
    qtbot,
    larger_vi,
    race_tab,
):
    area, view = race_tab
    view.race_two_labs("fashion-cnn-lab", "fashion-prelu-l2")
    _shown_at(qtbot, area, view, PROJECTOR_PX)
    names = [row.name for row in view.rows]
    assert [name.drawn_text() for name in names] == ["cnn-lab", "prelu-l2"]
    assert "fashion-cnn-lab" in tooltip_of(names[0])
    assert lanes_fit_their_view(view) == []
    names[0].setFocus()  # edited, the whole name
    assert names[0].text() == "fashion-cnn-lab"


@pytest.mark.parametrize("index", range(len(COMPARISONS)))
def test_every_comparisons_lane_names_show_whole_at_larger_text_in_vietnamese(
    qtbot,
    larger_vi,
    race_tab,
    index,
):
    area, view = race_tab
    view.use_comparison(index)
    _shown_at(qtbot, area, view, PROJECTOR_PX)
    cut = [row.name.drawn_text() for row in view.rows
           if row.name.drawn_text() != row.name.text()]  # fmt: skip
    assert cut == []
    assert lanes_fit_their_view(view) == []
    # on the line under the lane's fields, above the next lane's
    rows = view.rows
    for row, below in zip(rows, [*rows[1:], None], strict=True):
        assert row.name.y() > row.arch.y()
        assert below is None or row.name.y() + row.name.height() <= below.arch.y()


def test_at_normal_text_the_names_stay_beside_their_lanes_fields(qtbot, race_tab):
    area, view = race_tab
    view.use_comparison(0)
    _shown_at(qtbot, area, view, NORMAL_PX)
    assert not view.lane_grid.two_lines
    assert all(row.name.y() == row.arch.y() for row in view.rows)
    assert [row.name.drawn_text() for row in view.rows] == [row.name.text() for row in view.rows]


@pytest.fixture
def page(qtbot, tiny_dataset, tmp_path):  # noqa: F811
    with race_training_page(qtbot, tiny_dataset, tmp_path, "garments") as panel:
        yield panel


def test_the_key_and_the_table_name_two_labs_as_their_lanes_do(qtbot, page):
    from nndesk.ui import race_render

    view = page.race_view
    view.race_two_labs("fashion-prelu-l2", "fashion-mlp-lab")
    view.epochs.setValue(1)
    with qtbot.waitSignal(page.race.finished_race, timeout=60_000):
        qtbot.mouseClick(view.race_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.rendered, timeout=60_000):
        view.render_now()
    said = [lane.name for lane in page.race.lanes]  # "fashion-prelu-l2, PReLU, L2 0.0008, …"
    assert all(name.startswith("fashion-") for name in said)
    keyed = race_render._chart.key[0]
    assert [name.removeprefix("fashion-") for name in said] == list(keyed)
    assert [view.table.name(lane) for lane in range(2)] == list(keyed)
    assert view.table.item(0, 1).toolTip() == said[0]  # the whole name


def test_lanes_removed_leave_no_room_under_the_last(
    qtbot,
    larger_vi,
    race_tab,
):
    """Their names' gaps went with them: three lanes made two kept a lane's height below."""
    from nndesk.ui.race_lanes import LANE_GAP

    area, view = race_tab
    view.use_comparison(0)  # three lanes
    _shown_at(qtbot, area, view, PROJECTOR_PX)
    view.race_two_labs("fashion-cnn-lab", "fashion-prelu-l2")
    qtbot.waitUntil(lambda: len(view.rows) == 2)
    QApplication.processEvents()
    lanes = view.lane_scroll.widget()
    last = view.rows[-1].name
    assert view.lane_grid.two_lines
    below = lanes.height() - last.mapTo(lanes, last.rect().bottomLeft()).y()
    assert below <= LANE_GAP + 2


def test_a_lanes_long_settings_are_cut_in_their_cell_not_behind_a_sideways_scroll(
    qtbot,
    larger_vi,
    digits_race_tab,
):
    """mnist-gd's "toàn bộ batch · L2 0 · không đổi ✎" beside its name was 22 px wider than
    the lanes: they scrolled sideways at 1024 px (seen on Xvfb)."""
    from nndesk.presets import get_preset

    area, view = digits_race_tab
    view.race_two_labs("mnist-sigmoid-raw", "mnist-relu-sigmoid-raw")
    assert view.add_lab_lane("mnist-gd", get_preset("mnist-gd").config)
    _shown_at(qtbot, area, view, PROJECTOR_PX)
    assert lanes_fit_their_view(view) == []
    cell = view.rows[-1].settings
    drawn = cell.drawn_text()
    assert drawn.endswith("…  ✎") and cell.width() <= cell.sizeHint().width()
    assert cell.text().startswith(drawn.removesuffix("…  ✎"))
    assert cell.fontMetrics().horizontalAdvance(drawn) <= cell.width()


def test_the_summary_over_the_chart_names_two_labs_as_their_lanes_do():
    from nndesk.controllers.race import Lane
    from nndesk.presets import get_preset
    from nndesk.ui.race_words import summary_line

    lanes = [Lane(name, get_preset(name).config) for name in ("fashion-cnn-lab", "fashion-mlp-lab")]
    line = summary_line(lanes, "fashion-mlp-lab")
    assert line.startswith("cnn-lab (") and " · mlp-lab (" in line
    assert line.count("fashion-") == 1  # the preset they share, named whole
