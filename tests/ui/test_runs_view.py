"""The Runs view with the user's own run folders: damaged ones are listed with their reason and
the window starts anyway; Delete asks first, naming the run, and trashes exactly that folder."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import threading
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from nndesk import paths
from nndesk.controllers.run_list import RunListReader
from nndesk.runs import RunStore, TrashUnavailableError
from nndesk.ui.runs_table import COLUMNS, run_name
from nndesk.ui.runs_view import RunsView

from ..test_run_safety import MALFORMED, ODD_BUT_VALID
from .conftest import stored_runs

YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


@pytest.fixture
def trash(tmp_path, monkeypatch):
    folder = tmp_path / "trash"
    folder.mkdir()
    monkeypatch.setattr(
        "nndesk.runs._send_to_trash", lambda p: shutil.move(str(p), str(folder / p.name))
    )
    return folder


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes answered by the test: ``answers`` (Yes/No, in turn) and what they said."""
    seen: dict[str, list] = {"questions": [], "warnings": [], "answers": []}

    def question(parent, title, text, *args):
        seen["questions"].append(text)
        return seen["answers"].pop(0)

    def warning(parent, title, text, *args):
        seen["warnings"].append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    return seen


@pytest.mark.parametrize("code", ["en", "vi"])
def test_the_legend_says_which_run_diverged_and_names_it_as_the_others(tmp_path, qapp, code):
    """A newcomer's walk: beside "epoch 2, lr 0,01, Adam" the legend named a run that diverged
    at its second batch "epoch 5, lr 1000, SGD", as if it had trained five epochs. It is named
    as the others are, followed by "(diverged)" in the window's language, never cut off; the
    runs that trained keep their labels."""
    from nndesk.ui import language
    from nndesk.ui.runs_legend import LABEL_CHARS, legend_labels

    store = RunStore(tmp_path / "runs")
    base = {"dataset": "fashion", "arch": "784-64-64-10", "epochs": 2, "lr": 0.01}
    trained = store.create({**base, "optimizer": "adam"})
    wild = store.create({**base, "epochs": 5, "lr": 1000.0, "optimizer": "sgd"})
    wild.status = "diverged"
    language.use_language(code)
    try:
        before = legend_labels([trained, wild])[0]
        wild.status = "completed"
        named = legend_labels([trained, wild])
        wild.status = "diverged"
        labels = legend_labels([trained, wild])
        word = language.translate("RunsView", "diverged")
    finally:
        language.use_language("en")
    assert word == ("phân kỳ" if code == "vi" else "diverged")
    assert labels == [before, f"{named[1]} ({word})"]
    wild.title = "x" * 500  # alone in the legend, its title cut, never its ending
    alone = legend_labels([wild])[0]
    assert alone.endswith(" (diverged)") and len(alone) <= LABEL_CHARS


def add_run(store: RunStore, title: str) -> str:
    record = store.create({"dataset": "mnist", "arch": "784-10", "lr": 0.1}, title=title)
    record.status = "completed"
    store.save(record)
    return record.run_id


def make_view(qtbot, store) -> RunsView:
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    view.show()
    return view


def row_of(view: RunsView, run_id: str) -> int:
    for row in range(view.row_count()):
        if view.cell(row, 0, Qt.ItemDataRole.UserRole) == run_id:
            return row
    raise AssertionError(f"{run_id} is not listed")


def test_a_runs_folder_that_is_a_file_is_said_above_the_empty_list(qtbot, tmp_path):
    """walk52 D13: with runs a plain file Train > Runs was simply empty, with no word why."""
    root = tmp_path / "runs"
    root.write_text("not a folder")
    view = make_view(qtbot, RunStore(root))
    view.refresh()
    qtbot.waitUntil(lambda: not view.reading)
    assert view.row_count() == 0
    assert view.hint.text().startswith(f"{root} is a file, not a folder: no run can be kept")
    root.unlink()
    root.mkdir()
    view.refresh()
    qtbot.waitUntil(lambda: not view.reading)
    assert view.hint.text().startswith("Select two or more runs")


def test_the_window_starts_with_every_kind_of_damaged_run(window_factory):
    store = RunStore(paths.runs_dir())
    good = add_run(store, "good run")
    for name, content in {**MALFORMED, **ODD_BUT_VALID}.items():
        (store.root / name).mkdir()
        data = content if isinstance(content, bytes) else content.encode()
        (store.root / name / "run.json").write_bytes(data)

    window = window_factory().window
    view = window.findChild(RunsView)
    assert view is not None and window.isVisible()
    statuses = {r.run_id: r.status for r in view.records()}
    assert statuses[good] == "completed"
    assert {statuses[name] for name in MALFORMED} == {"damaged"}
    assert "damaged" not in {statuses[name] for name in ODD_BUT_VALID}
    row = row_of(view, "config-number")
    assert view.cell(row, 7) == "damaged"
    assert "config is a number" in view.cell(row, 3)
    assert (store.root / "config-number" / "run.json").read_text() == '{"config": 5}'


def test_runs_saved_from_outside_the_window_are_listed_when_the_view_is_shown_again(
    qtbot, tmp_path, trash, boxes
):
    # walk qa39: a deleted run put back from the trash (or a run another nndesk window saved)
    # stayed out of the list until nndesk was started again
    store = RunStore(tmp_path / "runs")
    kept = add_run(store, "kept")
    gone = add_run(store, "deleted")
    view = make_view(qtbot, store)
    view.select_runs([gone])
    boxes["answers"].append(YES)
    view.delete_button.click()
    assert {r.run_id for r in view.records()} == {kept}
    view.hide()  # another tab of the Train page
    shutil.move(str(trash / gone), str(store.root / gone))  # restored by the file manager
    outside = add_run(RunStore(store.root), "from another window")
    view.show()
    qtbot.waitUntil(lambda: view.row_count() == 3, timeout=60_000)
    assert {r.run_id for r in view.records()} == {kept, gone, outside}


def test_a_run_folder_deleted_outside_the_window_leaves_the_list_on_screen(qtbot, tmp_path):
    """fix54a #5: a run folder deleted in a file manager (or by rm -r) stayed a row of the
    Runs list until its tab was shown again. The runs folder is watched: the row goes."""
    store = RunStore(tmp_path / "runs")
    kept, gone = add_run(store, "kept"), add_run(store, "deleted outside")
    view = make_view(qtbot, store)
    assert view.row_count() == 2
    shutil.rmtree(store.root / gone)
    qtbot.waitUntil(lambda: [r.run_id for r in view.records()] == [kept], timeout=10_000)
    assert view.row_count() == 1


def _a_gone_run_clicked(qtbot, tmp_path):
    """(view, kept run, gone run): two runs listed, the second's folder deleted outside the
    window unheard by its watch, then clicked; returns once the hint says it is gone."""
    store = RunStore(tmp_path / "runs")
    kept, gone = add_run(store, "kept"), add_run(store, "deleted outside")
    view = make_view(qtbot, store)
    view.resize(800, 600)
    # both rows on screen first: a listing still in flight (a slow machine) read the folder
    # after the delete, never met the gone run, and left the usual hint
    qtbot.waitUntil(lambda: not view.reading and view.row_count() == 2, timeout=60_000)
    view._watch.blockSignals(True)  # noqa: SLF001 - the watch missed it
    shutil.rmtree(store.root / gone)
    view.select_runs([gone])
    # the line itself is awaited, not the next ``listed``: a listing asked for before the
    # delete (the show's, the watch's) can still arrive first, read without the gone run
    qtbot.waitUntil(lambda: "is gone" in view.hint.text(), timeout=60_000)
    return view, kept, gone


def test_a_click_on_a_run_whose_folder_is_gone_says_so_and_drops_its_row(qtbot, tmp_path):
    """fix54a #5: a click on a run deleted outside the window (a watch that did not tell: a
    network folder) said "{folder} cannot be read: run.json is missing … Show folder opens
    it" and marked it damaged. One line says it is gone, and its row goes."""
    view, kept, gone = _a_gone_run_clicked(qtbot, tmp_path)
    assert [r.run_id for r in view.records()] == [kept]
    said = view.hint.text()
    assert said.startswith(f"{gone} (deleted outside, ")
    assert said.endswith(") is gone: its folder was deleted outside nndesk.")
    assert view.selected_records() == [] and not view.use_button.isEnabled()


def test_the_gone_line_stays_through_a_redraw_until_another_run_is_clicked(qtbot, tmp_path):
    """The line saying a run is gone was put back to the usual hint by the next redraw of the
    chart (its size settling 150 ms after a resize, a theme change): a person could miss it,
    and a test waiting for it missed it once in CI. It stays until the selection changes."""
    view, kept, _gone = _a_gone_run_clicked(qtbot, tmp_path)
    said = view.hint.text()
    with qtbot.waitSignal(view.rendered):
        view.resize(900, 640)  # the chart drawn again at its new size
    assert view.hint.text() == said
    view.select_runs([kept])
    assert "is gone" not in view.hint.text()


def test_delete_asks_naming_the_run_and_no_keeps_it(qtbot, tmp_path, trash, boxes):
    store = RunStore(tmp_path / "runs")
    run_id = add_run(store, "fashion 784-64-10 relu adam")
    view = make_view(qtbot, store)
    view.select_runs([run_id])
    boxes["answers"] = [NO]
    view.delete_button.click()
    (question,) = boxes["questions"]
    assert run_id in question and "fashion 784-64-10 relu adam" in question
    assert (store.root / run_id).is_dir() and not any(trash.iterdir())


def test_delete_names_the_run_by_its_title_in_the_windows_words(qtbot, tmp_path, trash, boxes):
    """walk54b D8: the Vietnamese delete question named the run by its stored English title
    ("fashion 784-64-64-10 relu adam lr=0.001 …") where the Runs list shows it translated."""
    from nndesk.run_titles import describe_config, title_shown
    from nndesk.ui import language

    store = RunStore(tmp_path / "runs")
    config = {"dataset": "fashion", "arch": "784-64-10", "activation": "relu", "lr": 0.001}
    record = store.create(config, title=describe_config(config))
    record.status = "completed"
    store.save(record)
    assert language.use_language("vi") == "vi"
    try:
        shown = title_shown(record.title, record.config)
        assert shown != record.title  # the window's words: "tốc độ học 0,001"
        view = make_view(qtbot, store)
        view.select_runs([record.run_id])
        boxes["answers"] = [NO]
        view.delete_button.click()
        (question,) = boxes["questions"]
        assert shown in question and record.title not in question, question
    finally:
        language.use_language("en")


def test_delete_confirmed_trashes_exactly_the_selected_folder(qtbot, tmp_path, trash, boxes):
    store = RunStore(tmp_path / "runs")
    keep = add_run(store, "keep me")
    original = add_run(store, "original")
    shutil.copytree(store.root / original, store.root / "copied")  # run.json still says original
    view = make_view(qtbot, store)
    view.select_runs(["copied"])
    boxes["answers"] = [YES]
    view.delete_button.click()
    assert "copied" in boxes["questions"][0]
    assert sorted(p.name for p in store.root.iterdir()) == sorted([keep, original])
    assert [p.name for p in trash.iterdir()] == ["copied"]
    assert {r.run_id for r in view.records()} == {keep, original}


def test_delete_of_a_run_still_training_says_so_and_keeps_it(qtbot, tmp_path, trash, boxes):
    store = RunStore(tmp_path / "runs")
    running = store.create({"dataset": "mnist", "arch": "784-10"}, title="training now")
    done = add_run(store, "done")
    view = make_view(qtbot, store)
    view.select_runs([running.run_id, done])
    boxes["answers"] = [YES]
    view.delete_button.click()
    (warning,) = boxes["warnings"]
    assert warning == f"Still training, so not deleted: {running.run_id}. Stop it first."
    (question,) = boxes["questions"]  # asked about the other run alone
    assert done in question and running.run_id not in question
    assert (store.root / running.run_id / "run.json").is_file()
    assert [p.name for p in trash.iterdir()] == [done]  # the other run selected went
    view.select_runs([running.run_id])
    view.delete_button.click()  # alone: said, nothing asked
    assert len(boxes["warnings"]) == 2 and len(boxes["questions"]) == 1
    running.release_lock()


def test_delete_names_the_model_saved_outside_the_runs_folder_and_trashes_it(
    qtbot, tmp_path, trash, boxes
):
    from nndesk.paths import fallback_model_name

    fallback = tmp_path / "fallback"
    fallback.mkdir()
    store = RunStore(tmp_path / "runs", fallback_dirs=(fallback,))
    run_id = add_run(store, "its folder refused its model")
    model = fallback / fallback_model_name(run_id)
    model.write_bytes(b"its model")
    view = make_view(qtbot, store)
    view.select_runs([run_id])
    boxes["answers"] = [YES]
    view.delete_button.click()
    (question,) = boxes["questions"]
    assert f"these go to the trash too:\n• {model}" in question
    assert sorted(p.name for p in trash.iterdir()) == sorted([run_id, model.name])


def test_without_a_trash_delete_asks_again_before_erasing(qtbot, tmp_path, boxes, monkeypatch):
    def no_trash(path):
        raise TrashUnavailableError("there is no system trash here")

    monkeypatch.setattr("nndesk.runs._send_to_trash", no_trash)
    store = RunStore(tmp_path / "runs")
    run_id = add_run(store, "only copy")
    view = make_view(qtbot, store)
    view.select_runs([run_id])

    boxes["answers"] = [YES, NO]  # delete: yes; erase for good: no
    view.delete_button.click()
    assert "permanently" in boxes["questions"][1] and run_id in boxes["questions"][1]
    assert (store.root / run_id).is_dir()

    view.select_runs([run_id])
    boxes["answers"] = [YES, YES]
    view.delete_button.click()
    assert not (store.root / run_id).exists()
    assert view.records() == []


def test_a_damaged_run_can_be_deleted_and_a_failure_is_shown(qtbot, tmp_path, trash, boxes):
    store = RunStore(tmp_path / "runs")
    (store.root / "broken").mkdir(parents=True)
    (store.root / "broken" / "run.json").write_text("[1,2,3]")
    view = make_view(qtbot, store)
    view.select_runs(["broken"])
    boxes["answers"] = [YES]
    view.delete_button.click()
    assert [p.name for p in trash.iterdir()] == ["broken"]

    add_run(store, "vanishing")
    view.refresh()
    (record,) = view.records()
    shutil.rmtree(record.folder)  # removed behind the window's back
    view.select_runs([record.run_id])
    boxes["answers"] = [YES]
    view.delete_button.click()
    (warning,) = boxes["warnings"]
    assert record.run_id in warning and "\n" not in warning


def make_link(store: RunStore, name: str, target) -> None:
    try:
        (store.root / name).symlink_to(target, target_is_directory=True)
    except (OSError, NotImplementedError):
        pytest.skip("this file system refuses symbolic links")


def test_delete_on_a_linked_run_folder_offers_removing_only_the_link(qtbot, tmp_path, trash, boxes):
    """A symbolic link in the runs folder is listed as damaged; Delete says it is a link, names
    its target, and on Yes removes the link alone: the folder it pointed to survives whole."""
    store = RunStore(tmp_path / "runs")
    real = add_run(store, "the real run")
    precious = tmp_path / "precious"
    shutil.copytree(store.root / real, precious)
    (precious / "thesis.txt").write_text("years of work")
    make_link(store, "linked", precious)
    make_link(store, "kept-link", precious)
    view = make_view(qtbot, store)
    assert {r.run_id: r.status for r in view.records()}["linked"] == "damaged"

    view.select_runs(["kept-link"])
    boxes["answers"] = [NO]
    view.delete_button.click()
    assert (store.root / "kept-link").is_symlink()  # No keeps the link

    view.select_runs(["linked"])
    boxes["answers"] = [YES]
    view.delete_button.click()
    question = boxes["questions"][-1]
    assert "link" in question and str(precious) in question and "stay as they are" in question
    assert not (store.root / "linked").exists() and not (store.root / "linked").is_symlink()
    assert (precious / "thesis.txt").read_text() == "years of work"
    assert (precious / "run.json").is_file() and not any(trash.iterdir())
    assert (store.root / real).is_dir()
    assert {r.run_id for r in view.records()} == {real, "kept-link"}
    assert boxes["warnings"] == []


def test_a_damaged_run_offers_its_reason_show_folder_and_delete_and_nothing_to_plot_or_export(
    qtbot, tmp_path, monkeypatch
):
    """A bad run.json or a link was selectable with Export PNG, CSV and code on, over empty
    charts: it offers its reason (the chart says it), Show folder and Delete alone, and beside
    readable runs it is left out of the chart and the exports."""
    from nndesk.ui import runs_chart, runs_view

    store = RunStore(tmp_path / "runs")
    (store.root / "broken").mkdir(parents=True)
    (store.root / "broken" / "run.json").write_text("[1,2,3]")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    make_link(store, "linked", elsewhere)
    drawn: list[tuple[list, str]] = []
    real_render = runs_chart.render_overlay

    def render(runs, text, *args):
        drawn.append((runs, text))
        return real_render(runs, text, *args)

    monkeypatch.setattr(runs_chart, "render_overlay", render)
    shown: list[Path] = []
    monkeypatch.setattr(runs_view, "show_folder", lambda folder: shown.append(folder) or True)
    view = make_view(qtbot, store)
    assert not view.csv_action.isEnabled()  # "Export all": nothing readable to export

    def offered() -> dict[str, bool]:
        items = {"use": view.use_button, "png": view.png_action, "csv": view.csv_action}
        items |= {"code": view.code_actions[0], "folder": view.folder_button}
        items |= {"delete": view.delete_button}
        assert view.code_actions[1].isEnabled() == view.code_actions[0].isEnabled()
        return {name: item.isEnabled() for name, item in items.items()}

    for name in ("broken", "linked"):
        with qtbot.waitSignal(view.rendered, timeout=60_000):
            view.select_runs([name])
        (record,) = view.selected_records()
        assert offered() == dict.fromkeys(("use", "png", "csv", "code"), False) | {
            "folder": True,
            "delete": True,
        }
        runs, text = drawn[-1]
        assert runs == [] and view.plotted == []
        assert text.startswith(f"{name} cannot be read: {record.message}")
        view.folder_button.click()
    # the link's own folder is the runs folder: where it leads is not nndesk's to show
    assert shown == [store.root / "broken", store.root]

    good = add_run(store, "good")
    view.refresh()
    view.select_runs([])
    assert view.csv_action.isEnabled()  # "Export all": the readable run
    with qtbot.waitSignal(view.rendered, timeout=60_000):
        view.select_runs([good, "broken"])
    assert [r.run_id for r in view.exportable_records()] == [good]
    assert offered() == {
        "use": False,  # two runs selected
        "png": True,
        "csv": True,
        "code": False,
        "folder": False,
        "delete": True,
    }
    assert len(view.plotted) == 1 and "cannot be read" in view.hint.text()


def test_export_csv_says_it_exports_every_run_when_none_is_selected(qtbot, tmp_path):
    store = RunStore(tmp_path / "runs")
    view = make_view(qtbot, store)
    assert not view.csv_action.isEnabled()  # no runs: nothing to export
    assert not view.export_button.isEnabled()  # nor anything else
    first = add_run(store, "first")
    add_run(store, "second")
    view.refresh()
    assert view.csv_action.isEnabled() and view.export_button.isEnabled()
    assert view.csv_action.text() == "All histories as &CSV…"
    view.select_runs([first])
    assert view.csv_action.text() == "Histories as &CSV…"


def test_the_legend_names_the_rate_a_run_was_changed_to(qtbot, tmp_path):
    from nndesk.ui.runs_legend import legend_labels

    store = RunStore(tmp_path / "runs")
    record = store.create({"dataset": "fashion", "arch": "784-10", "lr": 0.001})
    assert "lr=0.001" in legend_labels([record])[0] and "→" not in legend_labels([record])[0]
    record.curves.add_lr_change(0.5, 0.0001)
    assert "lr=0.001 → 0.0001" in legend_labels([record])[0]
    record.curves.add_lr_change(0.7, 0.01)
    record.curves.add_lr_change(0.9, 0.05)
    assert "lr=0.001 → … → 0.01 → 0.05" in legend_labels([record])[0]


def test_runs_alike_in_settings_and_start_get_distinct_legend_labels(tmp_path, monkeypatch):
    """Two runs of the same settings started the same second read the same in the legend."""
    from datetime import datetime, timezone

    from nndesk import i18n, runs
    from nndesk.ui.runs_legend import LABEL_CHARS, legend_labels

    class SameSecond(datetime):  # a busy machine may start the two in different seconds
        @classmethod
        def now(cls, tz=None):
            return datetime(2026, 12, 2, 14, 45, 27, 125000, tzinfo=timezone.utc)

    monkeypatch.setattr(runs, "datetime", SameSecond)
    store = RunStore(tmp_path / "runs")
    config = {"dataset": "fashion", "arch": "784-10", "lr": 0.001}
    twins = [store.create(dict(config), title="fashion 784-10 lr=0.001") for _ in range(2)]
    labels = legend_labels(twins)
    assert labels[0] != labels[1]
    assert all(r.run_id in label for r, label in zip(twins, labels, strict=True))
    assert all(len(label) <= LABEL_CHARS for label in labels)
    # what differs is named, its numbers as the window's language writes them
    other = store.create({**config, "lr": 0.01}, title="fashion 784-10 lr=0.01")
    assert legend_labels([twins[0], other]) == ["lr 0.001", "lr 0.01"]
    monkeypatch.setattr(i18n, "_marks", (",", "."))  # what Vietnamese installs
    assert legend_labels([twins[0], other]) == ["lr 0,001", "lr 0,01"]
    # a setting one run has and the other has not, named as the Train form names its choices
    relu = store.create({**config, "activation": "relu"}, title="fashion 784-10 relu lr=0.001")
    assert legend_labels([twins[0], relu]) == ["activation —", "ReLU"]


@pytest.mark.parametrize("size", [(537, 213), (650, 265), (700, 420)])
def test_the_runs_chart_keeps_its_legend_off_the_plots_and_the_plots_tall(size):
    """At 1024x700 the batch plot was some 40 px tall with the legend over its curve."""
    from nndesk.ui import runs_chart
    from tests.test_runs import two_epoch_curves

    runs = [(f"run {i} with a rather long label, lr=0.00{i}", two_epoch_curves()) for i in (1, 2)]
    image = runs_chart.render_overlay(runs, "", *size)
    assert (image.width(), image.height()) == size
    fig = runs_chart.overlay_figure(runs, "", *size)
    renderer = fig.canvas.get_renderer()
    legend = fig.legends[0].get_window_extent(renderer)
    axes = fig.axes
    assert legend.x0 >= 0 and legend.x1 <= size[0]
    for ax in axes:
        assert not legend.overlaps(ax.get_window_extent(renderer))
        assert ax.get_window_extent(renderer).height >= 0.3 * size[1]
        # a title wider than its plot starts over the y-axis label, smaller, or wraps: as
        # drawn it lies inside the figure and ends by the plot's right edge
        title = ax._left_title.get_window_extent(renderer)  # noqa: SLF001
        assert title.x0 >= 0 and title.x1 <= ax.get_window_extent(renderer).x1 + 1


@pytest.mark.parametrize("size", [(537, 213), (650, 265), (700, 420)])
def test_the_runs_chart_keeps_room_right_of_its_rightmost_plot(size):
    """At 1024 px the "Accuracy per epoch" plot, which has no right spine, ended 4 px from the
    panel's edge and read as cut off, in English and Vietnamese (walk45 D9)."""
    from nndesk.ui import runs_chart
    from tests.test_runs import two_epoch_curves

    fig = runs_chart.overlay_figure([("run", two_epoch_curves())], "", *size)
    renderer = fig.canvas.get_renderer()
    right = max(ax.get_window_extent(renderer).x1 for ax in fig.axes)
    assert size[0] - right >= runs_chart.CHART_RIGHT_PX, (size, right)
    legend = fig.legends[0].get_window_extent(renderer)  # still whole in the picture
    assert legend.x0 >= 0 and legend.x1 <= size[0]


def test_a_runs_own_title_in_the_legend_uses_the_windows_decimal_mark(tmp_path, monkeypatch):
    from nndesk import i18n
    from nndesk.ui.runs_legend import legend_labels

    store = RunStore(tmp_path / "runs")
    record = store.create({"dataset": "fashion", "arch": "784-10", "lr": 0.001})
    named = store.create({"dataset": "fashion", "arch": "784-10", "lr": 0.001}, title="my 0.5")
    record.curves.add_lr_change(0.5, 0.0001)
    monkeypatch.setattr(i18n, "_marks", (",", "."))  # what Vietnamese installs
    assert legend_labels([record])[0] == "Fashion-MNIST 784-10, lr=0,001 → 0,0001"
    assert legend_labels([named])[0] == "my 0.5"  # a name the user gave is left as written


def test_a_runs_title_names_the_learning_rate_in_vietnamese_words(tmp_path, qapp):
    """Issue 22: the Train headline wrote "lr=0,001" in Vietnamese; the stored title keeps
    "lr=0.001" (the CLI and the records stay English)."""
    from nndesk.run_titles import describe_config
    from nndesk.ui import language
    from nndesk.ui.runs_legend import legend_labels

    store = RunStore(tmp_path / "runs")
    record = store.create({"dataset": "fashion", "arch": "784-10", "lr": 0.001})
    record.curves.add_lr_change(0.5, 0.0001)
    assert language.use_language("vi") == "vi"
    try:
        assert record.title == "fashion 784-10 lr=0.001"
        shown = describe_config(record.config, shown=True)
        rate = "tốc\u00a0độ\u00a0học\u00a00,001"  # one unit: a line breaks before or after it
        assert shown == f"Fashion-MNIST 784-10, {rate}" and "lr" not in shown
        assert legend_labels([record])[0] == f"Fashion-MNIST 784-10, {rate} → 0,0001"
    finally:
        language.use_language("en")


@pytest.mark.parametrize("code", ["en", "vi"])
def test_a_huge_or_tiny_rate_is_written_as_a_power_of_ten_in_titles_and_labels(
    code, qtbot, tmp_path
):
    """train43: a run trained with a learning rate of 1e30 read "lr 1e+30" in its title, the
    Settings column and the legend, where the Train form writes "1×10³⁰"."""
    from nndesk.ui import language
    from nndesk.ui.runs_legend import legend_labels
    from nndesk.ui.runs_table import SETTINGS

    store = RunStore(tmp_path / "runs")
    huge = store.create({"dataset": "mnist", "arch": "784-10", "lr": 1e30, "batch_size": 64})
    tiny = store.create({"dataset": "mnist", "arch": "784-10", "lr": 2.5e-7, "batch_size": 64})
    for record in (huge, tiny):
        record.status = "completed"
        store.save(record)
    assert (
        huge.title == "mnist 784-10 lr=1e+30 batch=64"
    )  # stored as Python writes it (CLI, records)
    assert language.use_language(code) == code
    try:
        view = make_view(qtbot, store)
        tiny_rate = "2,5×10⁻⁷" if code == "vi" else "2.5×10⁻⁷"
        for record, rate in ((huge, "1×10³⁰"), (tiny, tiny_rate)):
            texts = [
                legend_labels([record])[0],
                legend_labels([huge, tiny])[[huge, tiny].index(record)],
                view.cell(row_of(view, record.run_id), SETTINGS),
                view.cell(row_of(view, record.run_id), SETTINGS, Qt.ItemDataRole.ToolTipRole),
            ]
            for text in texts:
                assert rate in text and "e+" not in text and "e-0" not in text, text
    finally:
        language.use_language("en")


def big_record(store: RunStore, name: str, title: str) -> Path:
    """A run folder whose run.json alone is over the quick-listing budget."""
    from nndesk.controllers.run_list import QUICK_BYTES

    folder = store.root / name
    folder.mkdir(parents=True)
    n = 30_000  # a long run's batch curve (nndesk writes up to 4,000 points; 50,000 are read)
    record = {
        "title": title,
        "created_at": "2026-12-02T05:00:00+00:00",
        "status": "completed",
        "config": {"dataset": "mnist", "arch": "784-10", "lr": 0.001},
        "curves": {"batch_x": [i / n for i in range(n)], "batch_loss": [0.5] * n},
    }
    path = folder / "run.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    assert path.stat().st_size > QUICK_BYTES
    return path


@pytest.fixture
def parse_threads(threads_calling, monkeypatch):
    """The threads each run.json was parsed on, in order."""
    from nndesk import run_record, runs
    from nndesk.ui.off_gui import render_pool

    # an earlier test's chart may still be reading its runs' curves on the render pool
    assert render_pool().waitForDone(60_000)
    threads = threads_calling(runs, "parse_run_json")  # a listing's heads
    # a whole record is parsed in run_record: the same spy counts it
    monkeypatch.setattr(run_record, "parse_run_json", runs.parse_run_json)
    return threads


def test_a_large_runs_folder_is_read_off_the_gui_thread_while_the_view_says_so(
    qtbot, tmp_path, parse_threads
):
    """A hostile 32 MB run.json cost the window's start seconds: listings too large to read at
    once are read on a worker ("Reading runs…"), then fill the table."""
    store = RunStore(tmp_path / "runs")
    small = add_run(store, "a short run")
    big_record(store, "long-run", "T\n" * 5 + "x" * 1_000_000 + "\u202e\u0007")
    parse_threads.clear()

    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    assert view.reading and view.hint.text() == "Reading runs…"
    assert view.records() == [] and view.row_count() == 0
    with qtbot.waitSignal(view.listed, timeout=60_000):
        pass
    assert not view.reading and "Select two or more runs" in view.hint.text()
    assert {r.run_id for r in view.records()} == {small, "long-run"}
    assert len(parse_threads) == 2
    assert threading.main_thread() not in parse_threads

    # nothing changed: the next listing reads no file and is at once
    view.refresh()
    assert not view.reading and len(parse_threads) == 2 and view.row_count() == 2


def test_a_huge_hostile_title_is_shown_as_one_short_line_everywhere(qtbot, tmp_path):
    """The 1 MB title (newlines, U+202E, BEL) froze the window for minutes on a click and drew
    a screen-wide legend line with "(lr → 0.0003)" reversed. A text over MAX_TEXT_BYTES now
    makes the record damaged (nothing of it is plotted): the longest title still read is
    shown."""
    from nndesk.plain_text import HIDDEN_CATEGORIES
    from nndesk.run_json import MAX_TEXT_BYTES
    from nndesk.run_record import MAX_TITLE_CHARS
    from nndesk.ui.runs_chart import PLOTTED_POINTS
    from nndesk.ui.runs_legend import LABEL_CHARS

    store = RunStore(tmp_path / "runs")
    title = "T\n" * 5 + "x" * (MAX_TEXT_BYTES - 100) + "\u202e\u0007"
    big_record(store, "long-run", title)
    view = make_view(qtbot, store)
    with qtbot.waitSignal(view.listed, timeout=60_000):
        pass
    with qtbot.waitSignal(view.rendered, timeout=60_000):
        view.select_runs(["long-run"])
    (record,) = view.records()
    assert not record.is_damaged, record.message
    assert not view.chart.pixmap().isNull()
    shown = [view.cell(0, c, Qt.ItemDataRole.ToolTipRole) for c in range(len(COLUMNS))]
    shown += [view.cell(0, c) for c in range(len(COLUMNS))]
    labels = [label for label, _ in view.plotted]
    for text in [*shown, *labels]:
        assert not any(unicodedata.category(c) in HIDDEN_CATEGORIES for c in text.replace("\n", ""))
    assert all(len(label) <= LABEL_CHARS for label in labels)
    assert max(len(t) for t in shown) < MAX_TITLE_CHARS + 200  # the Settings tip: settings + title
    ((_, curves),) = view.plotted
    assert len(curves.batch_x) <= PLOTTED_POINTS + 1


def test_the_overlay_draws_a_long_record_thinned_keeping_its_last_point():
    from nndesk.run_curves import Curves
    from nndesk.ui.runs_chart import PLOTTED_POINTS, plotted_curves

    n, epochs = 50_000, 9_999
    curves = Curves(
        batch_x=[i / 10 for i in range(n)],
        batch_loss=[float(i) for i in range(n)],
        epochs=list(range(1, epochs + 1)),
        train_loss=[float(i) for i in range(epochs)],
    )
    thin = plotted_curves(curves)
    assert len(thin.batch_x) == len(thin.batch_loss) <= PLOTTED_POINTS + 1
    assert len(thin.epochs) == len(thin.train_loss) <= PLOTTED_POINTS + 1
    assert thin.batch_x[-1] == curves.batch_x[-1] and thin.epochs[-1] == epochs
    assert thin.train_loss[-1] == epochs - 1
    short = Curves(batch_x=[0.5, 1.0], batch_loss=[1.0, 0.5], epochs=[1])
    assert plotted_curves(short) is short


def test_the_window_start_removes_temp_files_killed_saves_left_in_run_folders(qtbot, tmp_path):
    """A save killed midway left a hidden 29 MB file beside the model until the next save."""
    import os
    import time

    from nndesk.fileio import TEMP_PREFIX

    store = RunStore(tmp_path / "runs", fallback_dirs=(tmp_path / "fallback",))
    run_id = add_run(store, "killed while saving")
    (tmp_path / "fallback").mkdir()
    dead = [
        store.root / run_id / f"{TEMP_PREFIX}model.npz.0badc0de.npz",
        tmp_path / "fallback" / f"{TEMP_PREFIX}nndesk-{run_id}.npz.0123abcd.npz",
    ]
    mine = store.root / run_id / "notes.txt"
    old = time.time() - 3600
    for path in [*dead, mine]:
        path.write_bytes(b"x" * 1000)
        os.utime(path, (old, old))
    make_view(qtbot, store)
    qtbot.waitUntil(lambda: not any(p.exists() for p in dead), timeout=30_000)
    assert mine.read_bytes() == b"x" * 1000
    assert (store.root / run_id / "run.json").is_file()


def test_the_overlay_is_drawn_off_the_gui_thread_and_an_older_one_never_replaces_it(
    qtbot, tmp_path, threads_calling
):
    """A full matplotlib draw of the overlay took 0.2 s of the GUI thread quiet, over a second
    under load: it is rendered on the render pool and shown when ready."""
    from nndesk.ui import off_gui, runs_chart, runs_legend, runs_view

    threads = threads_calling(runs_chart, "render_overlay")
    store = RunStore(tmp_path / "runs")
    first, second = add_run(store, "first"), add_run(store, "second")
    view = make_view(qtbot, store)  # shown: the empty chart is asked for at once
    shown = []
    view.rendered.connect(lambda: shown.append(len(view.plotted)))
    with qtbot.waitSignal(view.rendered, timeout=60_000):
        view.select_runs([first])
        view.select_runs([first, second])  # asked before the earlier images arrive
    assert [label for label, _ in view.plotted] == runs_legend.legend_labels(
        runs_legend.chart_order(view.selected_records())
    )
    assert len(view.plotted) == 2
    assert threads and threading.main_thread() not in threads
    image = view.chart.pixmap().toImage()
    assert image.width() >= runs_view.CHART_MIN_WIDTH
    assert image.height() >= runs_view.CHART_MIN_HEIGHT
    # the earlier renders' answers come too, but only the newest one is shown
    qtbot.waitUntil(lambda: not off_gui.render_pool().activeThreadCount(), timeout=60_000)
    QApplication.processEvents()
    assert shown == [2]


def test_selecting_every_run_of_many_overlays_only_the_first_few_and_says_so(qtbot, tmp_path):
    """Ctrl+A on 2,000 runs labelled each run against every other on the GUI thread (8 s)."""
    from nndesk.ui.runs_view import NAMED_LEFT_OUT, OVERLAY_RUNS

    store = RunStore(tmp_path / "runs")
    ids = [add_run(store, f"run {i}") for i in range(OVERLAY_RUNS + NAMED_LEFT_OUT + 1)]
    view = make_view(qtbot, store)
    with qtbot.waitSignal(view.rendered, timeout=60_000):
        view.table.selectAll()
    assert len(view.selected_records()) == len(ids)
    assert len(view.plotted) == OVERLAY_RUNS
    assert view.hint.text() == (
        f"The chart compares the first {OVERLAY_RUNS} of the {len(ids)} selected runs."
    )
    with qtbot.waitSignal(view.rendered, timeout=60_000):
        view.select_runs(ids[:2])
    # the hint says what the chart shows: it said "Select two or more runs" over two (or
    # three) runs compared
    assert len(view.plotted) == 2
    assert view.hint.text() == "2 runs compared; Ctrl/Shift-click adds or removes one."
    with qtbot.waitSignal(view.rendered, timeout=60_000):
        view.select_runs(ids[:1])
    assert "Select two or more runs" in view.hint.text()


def test_a_runs_folder_of_many_runs_is_listed_off_the_gui_thread_even_when_unchanged(
    qtbot, tmp_path, monkeypatch, parse_threads
):
    """Listing 2,000 unchanged runs on the GUI thread (a stat or two each) took 0.15 s."""
    from nndesk.controllers import run_list

    monkeypatch.setattr(run_list, "QUICK_FOLDERS", 3)
    store = RunStore(tmp_path / "runs")
    ids = {add_run(store, f"run {i}") for i in range(4)}
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    assert view.reading
    with qtbot.waitSignal(view.listed, timeout=60_000):
        pass
    view.refresh()  # nothing changed: still on the worker
    assert view.reading and view.hint.text() == "Reading runs…"
    with qtbot.waitSignal(view.listed, timeout=60_000):
        pass
    assert {r.run_id for r in view.records()} == ids and view.row_count() == 4
    assert threading.main_thread() not in parse_threads


def test_painting_every_run_selected_asks_the_model_per_row_shown_not_per_cell(
    qtbot, tmp_path, monkeypatch
):
    """After Ctrl+A, Qt's header asked at each paint whether each column was wholly selected,
    row by row: two Python calls a cell, 32,000 for 2,000 runs (about 80 ms a paint)."""
    from nndesk.ui.runs_table import RunsTableModel

    runs = 400
    store = RunStore(tmp_path / "runs")
    for i in range(runs):  # written as files: 400 atomic saves would only slow the test
        folder = store.root / f"20261202-{i:06d}-0000"
        folder.mkdir(parents=True)
        record = {"title": f"run {i}", "created_at": f"2026-12-02T10:00:{i % 60:02d}+00:00"}
        (folder / "run.json").write_text(json.dumps({**record, "status": "completed"}))
    asked = []  # set before the view is made: Qt finds a model's Python methods once
    real = RunsTableModel.rowCount
    monkeypatch.setattr(
        RunsTableModel, "rowCount", lambda self, *a: asked.append(1) or real(self, *a)
    )
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    view.resize(1024, 700)
    view.show()
    qtbot.waitUntil(lambda: view.row_count() == runs, timeout=60_000)
    view.grab()
    asked.clear()
    view.table.selectAll()
    view.grab()  # the table and its header painted with every row selected
    assert len(view.selected_records()) == runs
    assert 0 < len(asked) < runs


def test_a_listing_that_changes_nothing_selected_does_not_draw_the_chart_again(
    qtbot, tmp_path, monkeypatch
):
    """Each listing drew the same chart again on the render pool, whose turns at the GIL were
    the window's at the end of a 2,000-run listing, while the table was first filled."""
    from nndesk.ui import off_gui, runs_chart

    store = RunStore(tmp_path / "runs")
    first, _second = add_run(store, "run a"), add_run(store, "run b")
    drawn = []
    real = runs_chart.render_overlay
    monkeypatch.setattr(
        runs_chart, "render_overlay", lambda runs, *a: drawn.append(len(runs)) or real(runs, *a)
    )
    view = make_view(qtbot, store)

    def settled():
        return not view._resized.isActive() and not off_gui.render_pool().activeThreadCount()

    qtbot.waitUntil(lambda: bool(drawn) and settled(), timeout=60_000)
    before = list(drawn)
    view.refresh()  # the same runs, nothing selected
    qtbot.waitUntil(settled, timeout=60_000)
    assert drawn == before
    with rendered_or_failed(qtbot, view):
        view.select_runs([first])
    assert drawn == [*before, 1]
    view.refresh()  # the same run still selected
    qtbot.waitUntil(settled, timeout=60_000)
    QApplication.processEvents()
    assert drawn == [*before, 1]


@contextlib.contextmanager
def rendered_or_failed(qtbot, view: RunsView):
    """Wait for the chart asked for in the block, and fail at once with its error if it could
    not be drawn (a swallowed error left a test waiting 60 s for ``rendered``)."""
    failures: list[str] = []
    shown: list[bool] = []

    def on_rendered():
        shown.append(True)

    view.render_failed.connect(failures.append)
    view.rendered.connect(on_rendered)
    yield
    qtbot.waitUntil(lambda: bool(shown or failures), timeout=60_000)
    view.render_failed.disconnect(failures.append)
    view.rendered.disconnect(on_rendered)
    assert not failures, failures[0]


def test_a_chart_that_cannot_be_drawn_says_so_in_one_line_and_is_logged(
    qtbot, tmp_path, monkeypatch, caplog
):
    from nndesk.ui import runs_chart

    store = RunStore(tmp_path / "runs")
    first = add_run(store, "run a")
    view = make_view(qtbot, store)
    qtbot.waitUntil(lambda: view.row_count() == 1, timeout=60_000)

    def broken(*_):
        raise ValueError("no room for the legend\n(second line)")

    monkeypatch.setattr(runs_chart, "render_overlay", broken)
    with qtbot.waitSignal(view.render_failed, timeout=60_000) as failed:
        view.select_runs([first])
    line = "The chart could not be drawn: ValueError: no room for the legend"
    assert failed.args == [line]
    assert view.chart.text() == line and view.chart.image is None
    assert "no room for the legend" in caplog.text and "Traceback" in caplog.text
    monkeypatch.undo()  # drawn again once it can be: asking again tries again
    with qtbot.waitSignal(view.rendered, timeout=60_000):
        view._on_theme_changed(None)
    assert view.chart.image is not None


def test_with_no_run_selected_the_chart_says_so_without_empty_axes_under_the_words():
    """The hint was drawn across the three empty plots' ticks."""
    from nndesk.ui import runs_chart

    fig = runs_chart.overlay_figure([], "Select runs above to see their curves", 537, 213)
    assert not any(ax.get_visible() for ax in fig.axes)
    assert [t.get_text() for t in fig.texts] == ["Select runs above to see their curves"]


def test_selected_runs_curves_are_read_off_the_gui_thread_and_a_damaged_one_says_so(
    qtbot, tmp_path, threads_calling
):
    """A listing keeps each run's summary alone (300 runs of 4,000 batch points took 1.4 s and
    124 MB to list whole): the chart reads the curves it shows, on its render thread; a run
    whose curves turn out damaged then is shown damaged, with the reason."""
    from nndesk import run_record
    from nndesk.ui.off_gui import render_pool
    from nndesk.ui.runs_table import STATUS

    store = RunStore(tmp_path / "runs")
    good, bad = add_run(store, "good"), add_run(store, "bad curves")
    path = store.root / bad / "run.json"
    path.write_text(path.read_text().replace('"epoch": []', '"epoch": ["x"]'))
    assert render_pool().waitForDone(60_000)  # an earlier test's chart reads no curves now
    threads = threads_calling(run_record, "read_record")  # each folder's whole record
    view = make_view(qtbot, store)
    # room for the damaged run's longer hint: in a lower view the page gets a scroll bar as
    # it comes, the chart narrows and is drawn (and the curves read) a second time
    view.resize(640, 480)
    assert not any(r.curves_read for r in view.records())
    assert view.cell(row_of(view, bad), STATUS) == "completed"
    with qtbot.waitSignal(view.rendered, timeout=60_000):
        view.select_runs([good, bad])
    assert len(threads) == 2 and threading.main_thread() not in threads
    # not kept once drawn: going through 2,000 runs one by one would keep every one's curves
    assert not any(r.curves_read for r in view.records())
    assert view.cell(row_of(view, bad), STATUS) == "damaged"
    tip = view.cell(row_of(view, bad), STATUS, Qt.ItemDataRole.ToolTipRole)
    assert "curves.epoch holds 'x', not an epoch number" in tip
    assert view.cell(row_of(view, good), STATUS) == "completed"


def test_after_sorting_the_chart_overlays_the_first_selected_runs_of_the_sorted_table(
    qtbot, tmp_path
):
    """With more runs selected than the chart holds, it compares the first ones the person
    sees: sorting the table again changes which ones (it kept the order before the sort)."""
    from nndesk.ui.runs_table import SETTINGS
    from nndesk.ui.runs_view import OVERLAY_RUNS

    store = RunStore(tmp_path / "runs")
    rates = [0.1 * (i + 1) for i in range(OVERLAY_RUNS + 2)]
    stored_runs([{"dataset": "mnist", "arch": "784-10", "lr": lr} for lr in rates], store)
    view = make_view(qtbot, store)
    view.table.sortByColumn(SETTINGS, Qt.SortOrder.AscendingOrder)
    with qtbot.waitSignal(view.rendered, timeout=60_000):
        view.table.selectAll()

    def shown_rates() -> list[str]:
        return [label.split("lr ")[1].split()[0] for label, _ in view.plotted]

    assert shown_rates() == [f"{lr:g}" for lr in rates[:OVERLAY_RUNS]]
    with qtbot.waitSignal(view.rendered, timeout=60_000):
        view.table.sortByColumn(SETTINGS, Qt.SortOrder.DescendingOrder)
    # the others, drawn in the order they started (their colours: fixW #2)
    assert shown_rates() == [f"{lr:g}" for lr in sorted(rates[::-1][:OVERLAY_RUNS])]
    assert len(view.selected_records()) == len(rates)  # the sort kept every run selected


def test_the_settings_column_shows_a_rate_changed_during_the_run(qtbot, tmp_path):
    """Probe 16d: a run whose rate was set to 0.001 mid-run read "lr 0.01" like the others."""
    from nndesk.setting_changes import SettingChange
    from nndesk.ui.runs_table import SETTINGS

    store = RunStore(tmp_path / "runs")
    config = {"dataset": "mnist", "arch": "784-10", "lr": 0.01, "normalize": "symmetric"}
    steady = store.create(dict(config))
    steered = store.create(dict(config))
    steered.curves.add_change(SettingChange(1.4, 2, 5, "lr", 0.001))
    for record in (steady, steered):
        record.status = "completed"
        store.save(record)
    view = make_view(qtbot, store)
    # as wide as its buttons' two lines made it (a narrower Settings column cuts the rates)
    view.resize(504, view.height())
    text = view.cell(row_of(view, steered.run_id), SETTINGS)
    tip = view.cell(row_of(view, steered.run_id), SETTINGS, Qt.ItemDataRole.ToolTipRole)
    # first: the column is narrow at 1024 px and cuts its end (and the rate is what differs)
    assert text.startswith("lr 0.01 → 0.001 · ") and "pixels -1 to 1" in text
    assert "lr 0.01 → 0.001 · " in tip and "learning rate 0.001 from epoch 2, batch 5" in tip
    assert "symmetric" not in tip  # the title line as the window says the settings
    steady_text = view.cell(row_of(view, steady.run_id), SETTINGS)
    assert steady_text.startswith("lr 0.01 · ") and "→" not in steady_text
    for i in range(6):  # 7 changes: the summary keeps the last 5 and their number
        steered.curves.add_change(SettingChange(2.5 + i, 3 + i, 1, "lr", 0.0005 / (i + 1)))
    store.save(steered)
    view.refresh()
    row = row_of(view, steered.run_id)
    text = view.cell(row, SETTINGS)
    # each rate said as every rate the window says: 3 significant digits (walk65 D4)
    assert text.startswith("lr 0.01 → … → 0.0001 → 8.33×10⁻⁵ · ")
    tip = view.cell(row, SETTINGS, Qt.ItemDataRole.ToolTipRole)
    assert "(the last 5 of 7 changes of the rate)" in tip
    assert "learning rate 8.33×10⁻⁵ from epoch 8, batch 1" in tip
    assert not view.model.record(row).curves_read  # said from the record's summary


def test_exporting_every_runs_history_reads_their_curves_on_the_writer(
    window_factory, qtbot, tmp_path, monkeypatch, threads_calling, save_dialogs
):
    """A listing keeps each run's summary alone: "Export all as CSV" reads the curves, off the
    GUI thread (2,000 runs' took seconds), and writes every run's epochs."""
    import csv

    from nndesk import run_record

    store = RunStore(paths.runs_dir())
    ids = []
    for i in range(3):
        record = store.create({"dataset": "mnist", "arch": "784-10", "lr": 0.1}, title=f"r{i}")
        record.curves.epochs, record.curves.val_accuracy = [1, 2], [0.5, 0.6 + i / 100]
        record.status = "completed"
        store.save(record)
        ids.append(record.run_id)
    out = tmp_path / "history.csv"
    save_dialogs.answer = str(out)
    desk = window_factory()
    view = desk.window.findChild(RunsView)
    assert sorted(r.run_id for r in view.records()) == sorted(ids)
    assert render_pool_idle()
    threads = threads_calling(run_record, "read_record")  # each folder's whole record
    desk.train_page.runs_view.csv_action.trigger()
    qtbot.waitUntil(lambda: out.is_file(), timeout=30_000)
    with open(out, newline="") as f:
        rows = list(csv.DictReader(f))
    assert sorted((r["run"], r["epoch"]) for r in rows) == sorted(
        (run_id, e) for run_id in ids for e in ("1", "2")
    )
    assert {r["val_accuracy"] for r in rows if r["epoch"] == "2"} == {"0.6", "0.61", "0.62"}
    assert len(threads) == 3 and threading.main_thread() not in threads


def render_pool_idle() -> bool:
    from nndesk.ui.off_gui import render_pool

    return render_pool().waitForDone(60_000)


def test_the_accuracy_columns_say_what_their_short_titles_stand_for(qtbot, tmp_path):
    """In Vietnamese the titles read "Độ chính xác KĐ" and "KT": kiểm định, kiểm tra."""
    from nndesk.ui import language
    from nndesk.ui.runs_table import TEST_ACC, VAL_ACC

    view = make_view(qtbot, RunStore(tmp_path / "runs"))
    tip = Qt.ItemDataRole.ToolTipRole

    def tips() -> list:
        return [
            view.model.headerData(c, Qt.Orientation.Horizontal, tip) for c in (VAL_ACC, TEST_ACC)
        ]

    assert tips() == [
        "Accuracy on the validation split, after the last epoch",
        "Accuracy on the test set, after training",
    ]
    assert language.use_language("vi") == "vi"
    try:
        assert tips() == [
            "Độ chính xác trên phần kiểm định, sau epoch cuối",
            "Độ chính xác trên tập kiểm tra, sau khi huấn luyện",
        ]
    finally:
        language.use_language("en")
    assert view.model.headerData(0, Qt.Orientation.Horizontal, tip) is None


def test_the_accuracy_columns_are_named_in_words_over_two_lines_in_vietnamese(qtbot, tmp_path):
    """Issue 22: "Độ chính xác KĐ" / "KT" were abbreviations a learner couldn't decode; the
    words take two lines, so the columns stay narrow: "% đúng" as Replay says "82,2% đúng"
    ("Độ chính xác" took 110 px at Larger text, of a 439-px table: verify65 #2)."""
    from nndesk.ui import language
    from nndesk.ui.runs_table import TEST_ACC, VAL_ACC

    store = RunStore(tmp_path / "runs")
    add_run(store, "one")
    assert language.use_language("vi") == "vi"
    try:
        view = make_view(qtbot, store)
        view.refresh()
        model, header = view.model, view.table.horizontalHeader()
        titles = header.fontMetrics()
        for column, words in ((VAL_ACC, "(kiểm định)"), (TEST_ACC, "(kiểm tra)")):
            title = model.headerData(column, Qt.Orientation.Horizontal)
            assert title == f"% đúng\n{words}"
            widest = max(titles.horizontalAdvance(line) for line in title.split("\n"))
            assert widest <= header.sectionSize(column) < titles.horizontalAdvance(title)
            assert model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert header.sizeHint().height() >= 2 * titles.lineSpacing()  # both lines shown
        assert view.model.row_of(view.model.record(0)).texts[3].startswith("tốc độ học 0,1")
    finally:
        language.use_language("en")


@pytest.mark.parametrize("code", ["vi", "en"])
@pytest.mark.parametrize("width", [541, 700, 800])
def test_the_buttons_keep_their_rows_whatever_is_selected_and_none_is_left_alone(
    qtbot, tmp_path, code, width
):
    """At 1024 px in Vietnamese "Xoá…" wrapped onto a row of its own, and only while nothing
    was selected ("Xuất tất cả ra CSV…" is longer than "Xuất CSV…"): the chart below jumped
    as a run was clicked."""
    from nndesk.ui import language

    assert language.use_language(code) == code
    try:
        store = RunStore(tmp_path / "runs")
        first = add_run(store, "first")
        add_run(store, "second")
        view = make_view(qtbot, store)
        view.resize(width, 600)
        view.refresh()
        buttons = [view.use_button, view.export_button]
        buttons += [view.folder_button, view.delete_button, view.large_button]

        def rows():
            QApplication.processEvents()
            tops: dict[int, int] = {}
            for button in buttons:
                tops[button.y()] = tops.get(button.y(), 0) + 1
            return tops

        none_selected = rows()
        view.select_runs([first])
        assert rows() == none_selected, width
        assert len(none_selected) == 1 or min(none_selected.values()) >= 2, none_selected
        for button in buttons:  # every caption whole
            assert button.width() >= button.sizeHint().width(), button.text()
            assert button.geometry().right() <= view.width(), button.text()
    finally:
        language.use_language("en")


@pytest.mark.parametrize(
    ("code", "key"),
    [("en", "In the legend, lr is the learning rate."), ("vi", "lr là tốc độ học")],
)
def test_a_legend_that_names_the_learning_rate_lr_says_what_lr_is(qtbot, tmp_path, code, key):
    """The legend keeps the short "lr" (four runs' entries fit two to a row at 1024 px only
    so), a word a Vietnamese learner meets nowhere else: the hint under the chart says it."""
    from nndesk.ui import language

    store = RunStore(tmp_path / "runs")
    runs = (("784-10", 0.1), ("784-10", 0.01), ("784-32-10", 0.01))
    configs = [{"dataset": "mnist", "arch": arch, "lr": lr} for arch, lr in runs]
    ids = [record.run_id for record in stored_runs(configs, store)]
    assert language.use_language(code) == code
    try:
        view = make_view(qtbot, store)
        qtbot.waitUntil(lambda: view.row_count() == 3, timeout=60_000)
        with qtbot.waitSignal(view.rendered, timeout=60_000):
            view.select_runs(ids[:2])  # they differ in the rate
        assert key in view.hint.text()
        assert any("lr " in label for label, _ in view.plotted)
        with qtbot.waitSignal(view.rendered, timeout=60_000):
            view.select_runs(ids[1:])  # the same rate: no "lr" in the legend, nor the key
        assert key not in view.hint.text()
        assert not any("lr " in label for label, _ in view.plotted)
    finally:
        language.use_language("en")


def test_deleting_the_run_whose_model_is_in_use_says_it_keeps_answering(
    qtbot, window_factory, tiny_model_file, trash, boxes
):
    """Walk qa39 item 1: the question did not say the run's model was the one answering (the
    picker still named it after the delete). The window wires the model in use to the view."""
    from nndesk.inference import Classifier

    store = RunStore(paths.runs_dir())
    in_use, other = add_run(store, "stopped run"), add_run(store, "older run")
    for run_id in (in_use, other):
        record = store.load(run_id)
        shutil.copy(tiny_model_file, store.root / run_id / "model.npz")
        record.model_file = "model.npz"
        store.save(record)
    desk = window_factory(classifier=Classifier.from_file(store.root / in_use / "model.npz"))
    view = desk.train_page.runs_view
    view.refresh()
    view.select_runs([other])
    boxes["answers"] = [NO]
    view.delete_button.click()
    assert "in use" not in boxes["questions"][-1]
    view.select_runs([in_use, other])  # among others, it is named
    boxes["answers"] = [NO]
    view.delete_button.click()
    assert boxes["questions"][-1].endswith(
        f"The model of {run_name(store.load(in_use))} is the one in use: it keeps answering "
        "until you choose another model."
    ), boxes["questions"][-1]
    view.select_runs([in_use])
    boxes["answers"] = [YES]
    view.delete_button.click()
    assert boxes["questions"][-1].endswith(
        "\n\nIts model is the one in use: it keeps answering until you choose another model."
    ), boxes["questions"][-1]
    assert [p.name for p in trash.iterdir()] == [in_use]
    assert desk.prediction.current() is not None  # still answering


def test_a_damaged_run_whose_model_file_is_there_offers_use_model_and_rewrites_nothing(
    qtbot, tmp_path, tiny_model_file, monkeypatch
):
    """A bad run.json beside an intact model.npz kept Use model greyed, though the model is as
    good as it was: the run is listed as damaged, its model can be put in use, and neither
    file is written. A model file that is a link is never offered (where it leads is not the
    run's)."""
    store = RunStore(tmp_path / "runs")
    for name in ("bad-record", "linked-model"):
        (store.root / name).mkdir(parents=True)
        (store.root / name / "run.json").write_text('{"format": 1, "config": ')
    shutil.copyfile(tiny_model_file, store.root / "bad-record" / "model.npz")
    (store.root / "linked-model" / "model.npz").symlink_to(tiny_model_file)
    before = {p: p.read_bytes() for p in (store.root / "bad-record").iterdir()}
    from nndesk.ui import runs_chart

    said: list[str] = []
    real_render = runs_chart.render_overlay
    monkeypatch.setattr(
        runs_chart,
        "render_overlay",
        lambda runs, text, *a: said.append(text) or real_render(runs, text, *a),
    )
    view = make_view(qtbot, store)
    asked: list[Path] = []
    view.use_model_requested.connect(asked.append)

    with qtbot.waitSignal(view.rendered, timeout=60_000):
        view.select_runs(["bad-record"])
    (record,) = view.selected_records()
    assert record.is_damaged and view.cell(row_of(view, "bad-record"), 7) == "damaged"
    assert view.use_button.isEnabled()
    assert not view.png_action.isEnabled() and not view.code_actions[0].isEnabled()
    view.use_button.click()
    assert asked == [store.root / "bad-record" / "model.npz"]
    assert "Its model file is there: Use model opens it." in said[-1]

    with qtbot.waitSignal(view.rendered, timeout=60_000):
        view.select_runs(["linked-model"])
    assert not view.use_button.isEnabled()
    assert {p: p.read_bytes() for p in (store.root / "bad-record").iterdir()} == before

    (store.root / "bad-record" / "model.npz").unlink()  # gone since: no longer offered
    view.refresh()
    view.select_runs(["bad-record"])
    assert not view.use_button.isEnabled()


def test_a_run_whose_record_a_full_disk_refused_names_where_its_model_went(
    qtbot, tmp_path, tiny_model_file, monkeypatch
):
    """walk60 D6: a full disk refused a run's record and its model (saved to the temporary
    folder instead, as the window said then); at the next start its row was a bare "damaged,
    run.json is missing" with Use model greyed, saying nothing of the model."""
    from nndesk.paths import fallback_model_name
    from nndesk.ui import runs_chart

    fallback = tmp_path / "fallback"
    fallback.mkdir()
    store = RunStore(tmp_path / "runs", fallback_dirs=(fallback,))
    run_id = "20261206-101519-122530f"
    (store.root / run_id).mkdir(parents=True)  # no run.json, no model.npz
    saved = fallback / fallback_model_name(run_id)
    shutil.copyfile(tiny_model_file, saved)
    said: list[str] = []
    real_render = runs_chart.render_overlay
    monkeypatch.setattr(
        runs_chart,
        "render_overlay",
        lambda runs, text, *a: said.append(text) or real_render(runs, text, *a),
    )
    view = make_view(qtbot, store)
    asked: list[Path] = []
    view.use_model_requested.connect(asked.append)
    with qtbot.waitSignal(view.rendered, timeout=60_000):
        view.select_runs([run_id])
    (record,) = view.selected_records()
    assert record.is_damaged and view.use_button.isEnabled()
    assert f"Its model was saved to {saved}: Use model opens it." in said[-1]
    view.use_button.click()
    assert asked == [saved]


def _stores_runs_started_at(tmp_path, times: list[str]) -> RunStore:
    store = RunStore(tmp_path / "runs")
    for i, when in enumerate(times):
        record = store.create({"dataset": "mnist", "arch": "784-10", "lr": 0.1 * (i + 1)})
        record.status = "completed"
        record.created_at = when
        store.save(record)
    return store


@pytest.mark.parametrize(
    ("times", "seconds"),
    [
        # two runs in one minute (walk43: "06:29" above "06:28:47" and "06:28:09")
        (
            ["2026-12-04T06:29:11+00:00", "2026-12-04T06:28:47+00:00", "2026-12-04T06:28:09+00:00"],
            True,
        ),
        (["2026-12-04T06:37:02+00:00", "2026-12-04T06:29:11+00:00"], False),
    ],
)
def test_every_start_in_the_runs_table_is_written_one_way(qtbot, tmp_path, times, seconds):
    from nndesk.ui.runs_table import STARTED

    view = make_view(qtbot, _stores_runs_started_at(tmp_path, times))
    qtbot.waitUntil(lambda: view.row_count() == len(times))
    shown = [view.cell(row, STARTED) for row in range(view.row_count())]
    clock = r"\d\d:\d\d:\d\d" if seconds else r"\d\d:\d\d"
    assert all(re.search(rf"(^|\s){clock}($|\s)", text) for text in shown), shown


def _arrow_points_down(header, section: int) -> bool:
    """Whether the sort arrow drawn in ``section`` of ``header`` points down: its widest row of
    pixels (those far from the header's background) is its top one."""
    from nndesk.ui.qt_image import to_array

    grey = to_array(header.grab().toImage()).astype(float)
    left = header.sectionViewportPosition(section)
    cells = grey[2:-2, left + 1 : left + header.sectionSize(section) - 2]  # inside its edges
    ink = np.abs(cells - np.median(cells)) > 40
    columns = np.flatnonzero(ink.any(axis=0))
    # the arrow is the last run of inked columns, after the gap past the title's last letter
    start = columns[np.flatnonzero(np.diff(columns) > 1)[-1] + 1]
    rows = [int(r.sum()) for r in ink[:, start:] if r.any()]
    assert len(rows) >= 3, "no arrow drawn"
    return rows[0] > rows[-1]


@pytest.mark.parametrize("name", ["light", "dark"])
def test_the_started_arrow_says_newest_first_and_turns_with_the_order(qtbot, qapp, tmp_path, name):
    """The Runs table, newest first, showed an up arrow on "Started", read as oldest first (a
    newcomer's walk): Fusion draws Qt's descending order pointing up."""
    from matplotlib import rcParams

    from nndesk.ui import theme
    from nndesk.ui.runs_table import STARTED

    saved = {key: rcParams[key] for key in theme.chart_rc(theme.LIGHT)}
    palette = QPalette(qapp.palette())
    try:
        theme.apply_theme(qapp, name)
        times = [
            "2026-12-04T06:29:11+00:00",
            "2026-12-04T05:12:00+00:00",
            "2026-12-03T22:40:00+00:00",
        ]
        view = make_view(qtbot, _stores_runs_started_at(tmp_path, times))
        qtbot.waitUntil(lambda: view.row_count() == len(times))
        header = view.table.horizontalHeader()
        firsts = [view.model.record(r).created_at for r in range(view.row_count())]
        assert firsts == sorted(times, reverse=True)  # newest first
        assert header.sortIndicatorSection() == STARTED
        assert _arrow_points_down(header, STARTED)  # ▼: descending
        qtbot.mouseClick(
            header.viewport(),
            Qt.MouseButton.LeftButton,
            pos=header.viewport().rect().topLeft()
            + QPoint(header.sectionViewportPosition(STARTED) + 10, header.height() // 2),
        )
        firsts = [view.model.record(r).created_at for r in range(view.row_count())]
        assert firsts == sorted(times)  # oldest first
        assert not _arrow_points_down(header, STARTED)  # ▲: ascending
    finally:  # the application as it was, for the tests that follow
        theme.apply_theme(qapp, "system")
        qapp.setPalette(palette)
        rcParams.update(saved)


@pytest.mark.parametrize("size", [(537, 213), (650, 265), (700, 420)])
@pytest.mark.parametrize("accuracy", [(0.806, 0.832), (0.9718, 0.9731)])
def test_the_runs_charts_axis_labels_stay_clear_of_their_ticks(size, accuracy, tmp_path):
    """At 1280x800 a one-epoch run's chart wrote "accuracy" over "82.0%" and "82.5%": the
    label's place was fitted to "100%", before the accuracy ticks took decimals."""
    from nndesk.run_curves import Curves
    from nndesk.ui import runs_chart
    from tests.test_race_chart import ylabels_over_ticks
    from tests.test_runs import batch, epoch_report

    curves = Curves()
    for b in range(1, 5):
        curves.add_batch(batch(1, b, 4, 2.0 / b))
    curves.add_epoch(epoch_report(1, 0.54, 0.47, *accuracy))
    fig = runs_chart.overlay_figure([("one epoch", curves)], "", *size)
    assert ylabels_over_ticks(fig) == []


def test_a_damaged_runs_reason_is_said_in_vietnamese_in_its_row_and_tooltip(qtbot, tmp_path):
    """walk52 D15: the Vietnamese window read "Không đọc được …: metrics is null, not an object":
    the record checks' reasons stayed English. Each reason is said in the window's language
    (the CLI keeps the English line, ``str`` of the same message)."""
    from nndesk.ui import language
    from nndesk.ui.runs_table import SETTINGS

    store = RunStore(tmp_path / "runs")
    damaged = {
        **MALFORMED,
        "metrics-null": '{"metrics": null}',
        "resumed-number": '{"resumed_from": 5}',
        "changes-bad": '{"curves": {"changes": [{"x": -1}]}}',
    }
    for name, content in damaged.items():
        (store.root / name).mkdir(parents=True)
        data = content if isinstance(content, bytes) else content.encode()
        (store.root / name / "run.json").write_bytes(data)
    assert language.use_language("vi") == "vi"
    try:
        view = make_view(qtbot, store)
        view.refresh()
        records = {r.run_id: r for r in view.records()}
        english = []
        for name in damaged:
            record = records[name]
            assert record.is_damaged, name
            row = view.model.row_of(record)
            cell, tip = row.texts[SETTINGS], row.tips[SETTINGS]
            assert cell.startswith("không đọc được"), cell
            reason = str(record.message)  # the English line the CLI prints
            if reason in cell or reason in tip:
                english.append(f"{name}: {cell}")
        assert not english, "reasons left in English:\n  " + "\n  ".join(english)
        row = view.model.row_of(records["metrics-null"])
        assert row.texts[SETTINGS] == "không đọc được: metrics là null, không phải một đối tượng"
    finally:
        language.use_language("en")
    # the English window (and the CLI) keep the English words
    assert str(records["metrics-null"].message) == "metrics is null, not an object"


def test_an_old_diverged_run_with_a_model_file_is_not_offered_for_use_as_the_cli_hides_it(
    qtbot, tmp_path, tiny_model_file
):
    """split55 #3: a run that diverged, saved by an earlier nndesk with its model.npz, kept Use
    model on in the Runs list, though `nndesk models` leaves that model out (the weights its
    loss blew up from). The button is greyed, and its tooltip, the hint and the status cell
    say why; a run that trained beside it is still offered."""
    from nndesk.models import list_models

    store = RunStore(tmp_path / "runs")
    diverged = store.create({"dataset": "mnist", "arch": "784-32-10", "lr": 1000.0})
    shutil.copyfile(tiny_model_file, diverged.folder / "model.npz")
    diverged.model_file, diverged.status = "model.npz", "diverged"
    store.save(diverged)
    diverged.release_lock()
    trained = store.create({"dataset": "mnist", "arch": "784-32-10", "lr": 0.1})
    shutil.copyfile(tiny_model_file, trained.folder / "model.npz")
    trained.model_file, trained.status = "model.npz", "completed"
    store.save(trained)
    trained.release_lock()
    listed = {e.path for e in list_models(runs_root=store.root) if e.source == "saved"}
    assert listed == {trained.folder / "model.npz"}  # the CLI's rule, which the window follows

    view = make_view(qtbot, store)
    qtbot.waitUntil(lambda: view.row_count() == 2, timeout=60_000)
    asked: list = []
    view.use_model_requested.connect(asked.append)
    view.select_runs([diverged.run_id])
    assert not view.use_button.isEnabled()
    said = "The run diverged: its model file holds the weights its loss blew up from"
    assert view.use_button.toolTip().startswith(said), view.use_button.toolTip()
    assert view.hint.text().startswith(said), view.hint.text()
    status = COLUMNS.index("Status")
    tip = view.cell(row_of(view, diverged.run_id), status, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(said), tip
    view.use_button.click()
    assert asked == []

    view.select_runs([trained.run_id])
    assert view.use_button.isEnabled()
    assert view.use_button.toolTip() == "load the selected run's model into the prediction view"
    view.use_button.click()
    assert [str(p) for p in asked] == [str(trained.folder / "model.npz")]
