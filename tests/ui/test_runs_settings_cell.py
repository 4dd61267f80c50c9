"""The Runs table's Settings cell begins with what tells a run apart from the runs listed with
the same data and layers (walk58 #2: lab 2's four runs, sigmoid/ReLU x raw/[0,1], all read
"lr 0.01, ReLU, Ada…", their inputs' scaling cut off at 1024 px)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from nndesk.controllers.run_list import RunListReader
from nndesk.i18n import rate_said
from nndesk.runs import RunStore
from nndesk.setting_words import value_text
from nndesk.ui.language import translate
from nndesk.ui.runs_table import SETTINGS, settings_text
from nndesk.ui.runs_view import RunsView
from tests.ui.conftest import stored_runs
from tests.ui.test_desktop_fonts import desktop_font  # noqa: F401 - a fixture

LAB2 = {
    "dataset": "mnist",
    "arch": "784-784-10",
    "lr": 0.01,
    "optimizer": "adam",
    "batch_size": 128,
}


def _lab2(store: RunStore) -> dict[tuple[str, str], str]:
    ids = {}
    for activation in ("sigmoid", "relu"):
        for normalize in ("raw", "unit"):
            record = store.create({**LAB2, "activation": activation, "normalize": normalize})
            record.status = "completed"
            store.save(record)
            ids[activation, normalize] = record.run_id
    return ids


def _settings_cells(view: RunsView) -> dict[str, str]:
    return {
        view.cell(row, 0, Qt.ItemDataRole.UserRole): view.cell(row, SETTINGS)
        for row in range(view.row_count())
    }


def test_lab_twos_runs_begin_with_their_activation_and_inputs(qtbot, tmp_path):
    store = RunStore(tmp_path / "runs")
    ids = _lab2(store)
    # another lab's run (other data, another rate): its settings say nothing of lab 2's
    other = store.create({**LAB2, "dataset": "fashion", "arch": "784-64-10", "lr": 0.001})
    other.status = "completed"
    store.save(other)
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    cells = _settings_cells(view)
    assert cells[ids["relu", "raw"]] == "ReLU, pixels 0 to 255 · lr 0.01, Adam, batch 128"
    assert cells[ids["sigmoid", "unit"]] == "sigmoid, pixels 0 to 1 · lr 0.01, Adam, batch 128"
    assert len({cell.split(" · ")[0] for cell in cells.values()}) == len(cells)
    # a run alone with its data and layers: the settings in their usual order
    assert cells[other.run_id] == settings_text(other.config)
    assert cells[other.run_id].startswith("lr 0.001, ")
    # the tooltip leads with the same line
    row = next(
        r
        for r in range(view.row_count())
        if view.cell(r, 0, Qt.ItemDataRole.UserRole) == ids["relu", "raw"]
    )
    tip = view.cell(row, SETTINGS, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("ReLU, pixels 0 to 255 · lr 0.01")


def test_a_setting_left_out_when_off_is_said_when_it_tells_runs_apart(qtbot, tmp_path):
    """Dropout 0 writes nothing; beside a run with dropout 0.2 it says "dropout 0"."""
    store = RunStore(tmp_path / "runs")
    plain = store.create({**LAB2, "normalize": "unit"})
    dropped = store.create({**LAB2, "normalize": "unit", "dropout": 0.2})
    for record in (plain, dropped):
        record.status = "completed"
        store.save(record)
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    cells = _settings_cells(view)
    assert cells[plain.run_id].startswith("dropout 0 · lr 0.01")
    assert cells[dropped.run_id].startswith("dropout 0.2 · lr 0.01")


@pytest.mark.parametrize("code", ["vi"])
def test_the_cell_says_it_in_vietnamese(qtbot, tmp_path, speaking, code):
    store = RunStore(tmp_path / "runs")
    ids = _lab2(store)
    speaking(code)
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    cells = _settings_cells(view)
    lead = cells[ids["relu", "raw"]].split(" · ")[0]
    assert lead.startswith("ReLU, ") and "255" in lead and "0,01" not in lead


def test_the_settings_column_is_wide_enough_for_what_tells_the_runs_apart(qtbot, tmp_path):
    """At 1024x700 the column was 140 px: "lr 0.01, ReLU, Ada…"; now its lead shows whole."""
    from nndesk.ui.runs_table import LEAD_SEPARATOR
    from nndesk.ui.runs_view import SETTINGS_LEAD_WIDTH

    store = RunStore(tmp_path / "runs")
    _lab2(store)
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    view.resize(484, 420)  # the Runs tab of the Train page in a 1024x700 window
    view.show()
    qtbot.waitUntil(view.isVisible)
    width = view.table.horizontalHeader().sectionSize(SETTINGS)
    metrics = view.table.fontMetrics()
    for row in range(view.row_count()):
        lead = view.cell(row, SETTINGS).split(LEAD_SEPARATOR)[0]
        assert metrics.horizontalAdvance(lead + LEAD_SEPARATOR) < width <= SETTINGS_LEAD_WIDTH


def _in_sight(view, column: int) -> bool:
    header, width = view.table.horizontalHeader(), view.table.viewport().width()
    left = header.sectionViewportPosition(column)
    return left >= 0 and left + header.sectionSize(column) <= width


def _leads_in_sight(view) -> list[str]:
    """The leads of the Settings cells (what tells each run apart) shown whole."""
    from nndesk.ui.runs_view import CELL_PADDING

    metrics = view.table.fontMetrics()
    width = view.table.horizontalHeader().sectionSize(SETTINGS)
    return [
        lead
        for row in range(view.row_count())
        if (lead := view.cell(row, SETTINGS).split(" · ")[0])
        and metrics.horizontalAdvance(lead) + CELL_PADDING <= width
    ]


def test_at_1024_what_tells_lab_twos_runs_apart_is_in_sight_beside_their_accuracy(qtbot, tmp_path):
    """walk59 D15: the Settings column was the last, a sideways scroll away at 1024 px (cut at
    1280): the sigmoid run could not be pointed at. Where runs are told apart by their settings
    it comes after the start, before the accuracy."""
    from nndesk.ui.runs_table import COLUMNS

    store = RunStore(tmp_path / "runs")
    _lab2(store)
    lone = store.create({**LAB2, "dataset": "fashion", "arch": "784-64-10"})
    lone.status = "completed"
    store.save(lone)
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    view.resize(484, 420)  # the Runs tab of the Train page in a 1024x700 window
    view.show()
    qtbot.waitUntil(view.isVisible)
    assert _in_sight(view, SETTINGS) and _in_sight(view, COLUMNS.index("Test acc"))
    assert _in_sight(view, COLUMNS.index("Started"))
    # lab 2's four, each whole (the lone run's cell is whole too where the column has room)
    assert len([lead for lead in _leads_in_sight(view) if lead.startswith(("ReLU", "sig"))]) == 4


@pytest.mark.parametrize(("points", "code"), [(10.0, "en"), (11.0, "vi")])
def test_with_a_desktops_font_lab_twos_settings_show_in_the_window(
    qtbot,
    window_at,
    stroke_classifier,
    tiny_data_dir,
    desktop_font,  # noqa: F811 - the fixture
    speaking,
    points,
    code,
):
    """The same in the window at 1024x700 with GNOME's 10 pt and, the narrowest, Ubuntu's
    11 pt in Vietnamese (the table 453 px wide): the accuracy and the status stay in sight
    too (what tells the runs apart cut in its middle where the column is too narrow)."""
    from nndesk import paths
    from nndesk.ui.runs_table import COLUMNS
    from tests.ui.test_layout import SMALL, WAIT_MS

    _lab2(RunStore(paths.runs_dir()))
    desktop_font(points)
    speaking(code)
    desk = window_at(SMALL, classifier=stroke_classifier)
    page = desk.train_page
    desk.window.tabs.setCurrentWidget(page)
    view = page.runs_view
    page.tabs.setCurrentWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.isVisible() and view.row_count() == 4, timeout=WAIT_MS)
    assert _in_sight(view, SETTINGS) and _in_sight(view, COLUMNS.index("Test acc"))
    assert _in_sight(view, COLUMNS.index("Status"))  # fixG 3
    assert len(_leads_told_apart(view)) == 4


def test_at_1024_a_runs_status_is_in_sight_beside_its_accuracy(qtbot, tmp_path):
    """walk61: on the Runs tab at 1024 px the Status column was a sideways scroll away, after
    Dataset and Layers: whether a run had finished could not be seen. It follows the test
    accuracy now. Lab 2's four runs on Fashion-MNIST, one diverged."""
    from nndesk.ui.runs_table import COLUMNS

    store = RunStore(tmp_path / "runs")
    for activation in ("sigmoid", "relu"):
        for normalize in ("raw", "unit"):
            config = {**LAB2, "dataset": "fashion", "activation": activation}
            record = store.create({**config, "normalize": normalize})
            diverged = (activation, normalize) == ("relu", "raw")
            record.status = "diverged" if diverged else "completed"
            store.save(record)
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    view.resize(484, 420)  # the Runs tab of the Train page in a 1024x700 window
    view.show()
    qtbot.waitUntil(view.isVisible)
    assert view.settings_forward  # told apart by their settings: Settings second
    for name in ("Started", "Test acc", "Status"):
        assert _in_sight(view, COLUMNS.index(name)), name
    assert len(_leads_in_sight(view)) == 4


def test_in_vietnamese_at_the_larger_text_a_runs_status_is_in_sight_at_1024(
    qtbot, window_at, stroke_classifier, tiny_data_dir, in_vietnamese, larger_text
):
    """walk61: the lecturer's window (1024x768, Vietnamese, View > Text size > Larger): the
    Status column ended at 477 px of a 467 px table."""
    from nndesk.ui.runs_table import COLUMNS

    stored_runs([{**LAB2, "arch": arch} for arch in ("784-784-10", "784-64-10")])
    view = _lecturers_runs_view(qtbot, window_at, stroke_classifier, rows=2)
    for name in ("Started", "Layers", "Test acc", "Status"):
        assert _in_sight(view, COLUMNS.index(name)), name


def _lecturers_runs_view(qtbot, window_at, stroke_classifier, rows: int):
    """The Runs view of the lecturer's window (1024x768; the test asks for Vietnamese and View
    > Text size > Larger: ``in_vietnamese``, ``larger_text``), shown once it lists ``rows``
    runs."""
    from tests.ui.test_layout import WAIT_MS

    desk = window_at((1024, 768), classifier=stroke_classifier)
    page = desk.train_page
    desk.window.tabs.setCurrentWidget(page)
    view = page.runs_view
    page.tabs.setCurrentWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.isVisible() and view.row_count() == rows, timeout=WAIT_MS)
    return view


def _leads_told_apart(view) -> list[str]:
    """The Settings cells as drawn where they keep what tells each run apart: whole, or its
    first and last words (the activation, the inputs' "255" or "1"; a narrow cell says the
    inputs as "[0; 255]", walk67 #5), the rest in the tooltip, which begins with it whole."""
    from PySide6.QtCore import Qt as _Qt

    drawn = []
    for row in range(view.row_count()):
        cell, tip = view.cell(row, SETTINGS), view.cell(row, SETTINGS, _Qt.ItemDataRole.ToolTipRole)
        lead = cell.split(" · ")[0]
        shown = view.shown_text(row, SETTINGS)
        words = lead.split()
        cut = shown.startswith(words[0]) and shown.endswith(words[-1])  # in its middle
        if (shown.startswith(lead) or cut) and tip.startswith(words[0]) and " · " in tip:
            drawn.append(shown)
    return drawn if len(set(drawn)) == len(drawn) else []


def test_runs_told_apart_by_settings_keep_their_status_in_sight_in_vietnamese_at_larger_text(
    qtbot, window_at, stroke_classifier, tiny_data_dir, in_vietnamese, larger_text
):
    """fixG 3: the lecturer's window (1024x768, Vietnamese, Larger) with lab 2's four runs: the
    Settings column second kept what tells them apart whole on one line ("sigmoid, điểm ảnh 0
    đến 255 · …") and Status was a sideways scroll away ("h…" at the table's edge). The
    Settings cells keep what tells the runs apart (cut in its middle where it must be),
    Status stays in sight."""
    from nndesk import paths
    from nndesk.ui.runs_table import COLUMNS

    _lab2(RunStore(paths.runs_dir()))
    view = _lecturers_runs_view(qtbot, window_at, stroke_classifier, rows=4)
    assert view.settings_forward
    for name in ("Started", "Settings", "Test acc", "Status"):
        assert _in_sight(view, COLUMNS.index(name)), name
    assert len(_leads_told_apart(view)) == 4


def test_a_cell_cut_to_its_column_is_cut_between_words(
    qtbot, window_at, stroke_classifier, tiny_data_dir, in_vietnamese, larger_text
):
    """verify63 V10: four Fashion-MNIST runs told apart by their rates, two set by hand while
    they trained, in the lecturer's window: the cells read "tốc độ họ…01 → 0,05", two words
    cut in half. Cut between words, each keeps the rate it was set to."""
    from nndesk import paths
    from nndesk.ui.word_elision import ELLIPSIS

    store = RunStore(paths.runs_dir())
    config = {**LAB2, "dataset": "fashion", "arch": "784-64-10", "lr": 0.001}
    for rate in (None, 0.05, 0.01, None):
        record = store.create(config)
        if rate is not None:
            record.curves.add_lr_change(1.5, rate)
        record.status = "completed"
        store.save(record)
    view = _lecturers_runs_view(qtbot, window_at, stroke_classifier, rows=4)
    assert view.settings_forward
    # narrower than its cells (the lecturer's window shows them whole since the columns
    # beside it fold their titles: verify65 #2), as a person dragging its edge makes it
    view.table.horizontalHeader().resizeSection(SETTINGS, 110)
    leads = [view.cell(row, SETTINGS) for row in range(view.row_count())]
    shown = [view.shown_text(row, SETTINGS) for row in range(view.row_count())]
    assert any(ELLIPSIS in text for text in shown), shown  # cut: the case looked at
    for lead, text in zip(leads, shown, strict=True):
        words = lead.split(" ")
        kept = [w for w in text.split(" ") if w != ELLIPSIS]
        assert all(w in words for w in kept), (lead, text)
        assert text.split(" ")[-1] == words[-1]  # the rate it ended with
    assert len(set(shown)) == 3  # the two left at 0.001 alike, as their settings are


def test_runs_alike_but_for_their_schedule_are_told_apart_by_it(qtbot, tmp_path):
    """s64 brief 4: a constant rate, a step decay and the same step decay by another factor
    read the same settings in the Runs table."""
    store = RunStore(tmp_path / "runs")
    schedules = {
        "constant": {},
        "step": {"schedule": "step", "schedule_step": 2, "schedule_gamma": 0.1},
        "half": {"schedule": "step", "schedule_step": 2, "schedule_gamma": 0.5},
        "cosine": {"schedule": "cosine", "min_lr": 0.0001},
    }
    ids = {}
    for name, schedule in schedules.items():
        record = store.create({**LAB2, "normalize": "unit", **schedule})
        record.status = "completed"
        store.save(record)
        ids[name] = record.run_id
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    cells = _settings_cells(view)
    leads = {name: cells[ids[name]].split(" · ")[0] for name in schedules}
    assert leads == {
        "constant": "constant rate",
        "step": "step every 2 epochs ×0.1",
        "half": "step every 2 epochs ×0.5",
        "cosine": "cosine to 0.0001",
    }
    # alone with its data and layers, a run's schedule follows its rate; a constant one unsaid
    lone = RunStore(tmp_path / "lone")
    for schedule in (schedules["step"], {"arch": "784-10"}):
        record = lone.create({**LAB2, "normalize": "unit", **schedule})
        record.status = "completed"
        lone.save(record)
    view = RunsView(RunListReader(lone))
    qtbot.addWidget(view)
    assert sorted(_settings_cells(view).values()) == [
        "lr 0.01, Adam, batch 128, pixels 0 to 1",
        "lr 0.01, step every 2 epochs ×0.1, Adam, batch 128, pixels 0 to 1",
    ]


def test_a_schedule_that_tells_runs_apart_is_said_in_vietnamese(qtbot, tmp_path, in_vietnamese):
    store = RunStore(tmp_path / "runs")
    step = {"schedule": "step", "schedule_step": 2, "schedule_gamma": 0.1}
    for schedule in ({}, step):
        record = store.create({**LAB2, "normalize": "unit", **schedule})
        record.status = "completed"
        store.save(record)
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    leads = sorted(cell.split(" · ")[0] for cell in _settings_cells(view).values())
    assert leads == ["giảm theo bậc mỗi 2\u00a0epoch ×0,1", "tốc độ học không đổi"]


def test_in_the_lecturers_window_runs_told_apart_by_their_schedule_read_apart(
    qtbot, window_at, stroke_classifier, tiny_data_dir, in_vietnamese, larger_text
):
    """Cut in their middle at Vietnamese Larger text in a 1024x768 window, a step decay ×0.1
    and one ×0.5 both read "giảm … mỗi 2 epoch": the factor goes last, where a cut keeps it."""
    from nndesk.training import TrainConfig

    base = TrainConfig(dataset="fashion", arch="784-64-64-10", epochs=4)
    steps = [
        {},
        *({"schedule": "step", "schedule_step": 2, "schedule_gamma": g} for g in (0.1, 0.5)),
    ]
    steps.append({"schedule": "exp", "schedule_step": 2, "schedule_rate": 0.5})
    stored_runs([base.replace(**schedule).to_dict() for schedule in steps])
    view = _lecturers_runs_view(qtbot, window_at, stroke_classifier, rows=4)
    shown = [view.shown_text(row, SETTINGS) for row in range(view.row_count())]
    assert len(set(shown)) == 4, shown


def test_a_record_of_gradient_descent_with_batches_reads_as_the_sgd_it_trained(qtbot, tmp_path):
    """A run stored before "gd" with batches was named SGD (verify68 #3; an older nndesk wrote
    optimizer "gd", batch 60 and the title it made from them) trained plain SGD on batches of
    60: its row, its tooltip and its title say so, never "gradient descent (full batch) …
    batch 60" (fixU #2: the Runs table read the stored settings as they were written)."""
    from nndesk.presets import get_preset
    from nndesk.run_titles import describe_config

    store = RunStore(tmp_path / "runs")
    config = {**get_preset("mnist-gd").config.to_dict(), "lr": 0.3, "batch_size": 60}
    assert config["optimizer"] == "gd"
    old = store.create(config, title=describe_config(config))  # as the older version wrote
    old.status = "completed"
    store.save(old)
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    cell = view.cell(0, SETTINGS)
    tip = view.cell(0, SETTINGS, Qt.ItemDataRole.ToolTipRole)
    for text in (cell, tip):
        assert "gradient descent" not in text and "full batch" not in text, text
    assert "SGD, batch 60" in cell
    assert "SGD" in tip.splitlines()[1] and "batch 60" in tip.splitlines()[1], tip


@pytest.mark.parametrize("code", ["en", "vi"])
def test_full_batch_gradient_descent_says_its_batch_once_in_both_cells(speaking, code):
    """fixU #3: the wide Settings cell of an mnist-gd run read "gradient descent (full batch),
    full batch" ("hạ gradient trên cả tập (full batch), cả tập (full batch)"): the optimizer's
    label says its batch already. One rule for the wide cell and the narrow one: plain gradient
    descent and SGD differ only by the batch, so the pair is said once: by the optimizer's
    words, or, in a narrow cell of runs told apart by their batch, by the batch's alone."""
    from nndesk.presets import get_preset
    from nndesk.ui.runs_table import lead_text

    speaking(code)
    gd = get_preset("mnist-gd").config.to_dict()
    sgd = {**gd, "optimizer": "sgd", "batch_size": 60, "lr": 0.3}
    label = value_text("optimizer", "gd")
    full = translate("RunsView", "full batch")
    for first in ((), ("lr",), ("lr", "optimizer"), ("lr", "optimizer", "batch_size")):
        cell = settings_text(gd, first=first)
        assert label in cell and full not in cell.replace(label, ""), (first, cell)
        sgd_cell = settings_text(sgd, first=first)
        assert value_text("optimizer", "sgd") in sgd_cell and "60" in sgd_cell, sgd_cell
    # the narrow cell of runs told apart by their rate and batch (verify69 #1) as before
    first = ("lr", "optimizer", "batch_size")
    assert lead_text(gd, first=first) == ", ".join(
        (translate("RunsView", "lr {rate}").format(rate=rate_said(0.5)),
         translate("RunsView", "whole set"))
    )  # fmt: skip
    assert lead_text(sgd, first=first).endswith(translate("RunsView", "batch {n}").format(n=60))
    assert label not in lead_text(gd, first=first)
