"""The lab preset a run came from, where the window names the run (walk64 D17), and its result
read against the lab's own figure (D6): the Runs table's Preset column, the finished run's line,
the headline and Replay; in English and Vietnamese."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from nndesk.presets import PRESETS, PresetOrigin
from nndesk.run_record import RunRecord
from nndesk.training import runtime
from nndesk.ui import language
from nndesk.ui.runs_table import PRESET, make_row
from nndesk.ui.train_texts import run_headline
from tests.ui.test_training_panel import (  # noqa: F401 - fixtures
    WAIT_MS,
    panel,
    tiny_dataset,
    wait_until_idle,
)


def a_record(preset: PresetOrigin | None) -> RunRecord:
    record = RunRecord(
        run_id="20261207-010203-000abcd",
        folder=Path("/runs/20261207-010203-000abcd"),
        config=PRESETS["fashion-prelu-l2"].config.to_dict(),
        created_at="2026-12-07T01:02:03+00:00",
        status="completed",
        metrics={"test_accuracy": 0.865},
        preset=preset,
    )
    return record


def test_the_preset_column_names_the_lab_and_its_tip_gives_the_labs_figure(qapp):
    row = make_row(a_record(PresetOrigin("fashion-prelu-l2")))
    assert row.texts[PRESET] == "fashion-prelu-l2"
    assert row.tips[PRESET] == (
        "Trained with the settings of the preset fashion-prelu-l2. The lab's figure: 89.3%."
    )
    changed = make_row(a_record(PresetOrigin("fashion-prelu-l2-plus", changed=True)))
    assert changed.texts[PRESET] == "fashion-prelu-l2-plus, changed"  # as the headline says
    assert changed.tips[PRESET].startswith("Started from the preset fashion-prelu-l2-plus, its")
    assert changed.tips[PRESET].endswith("The lab it sets out to beat: 89.3%.")
    own = make_row(a_record(None))  # the person's own settings, or a record from before
    assert (own.texts[PRESET], own.tips[PRESET]) == ("", "")


def test_a_run_of_a_presets_settings_on_other_data_says_where_they_came_from(qapp):
    """verify68 #4 (walk68 D6): mnist-gd's settings trained on Fashion-MNIST kept no preset
    ("preset": null) and its Preset cell was empty; it says "mnist-gd, changed", as the
    headline names such a run (walk71 F11), with no lab's figure (MNIST's says nothing of it). A
    narrow cell says the name first ("custom (fr…" lost it at vi Larger 1024x700, seen on Xvfb)."""
    row = make_row(a_record(PresetOrigin("mnist-gd", changed=True, other_data=True)))
    assert row.texts[PRESET] == "mnist-gd, changed"
    assert row.narrow_preset == "mnist-gd, changed"  # its end cut by the cell
    assert "on other data" in row.tips[PRESET] and "%" not in row.tips[PRESET]
    assert make_row(a_record(PresetOrigin("mnist-gd"))).narrow_preset == ""


def test_the_preset_column_speaks_vietnamese(qapp):
    assert language.use_language("vi") == "vi"
    try:
        row = make_row(a_record(PresetOrigin("fashion-prelu-l2", changed=True)))
        assert row.texts[PRESET] == "fashion-prelu-l2, đã sửa"
        assert "Bắt đầu từ cấu hình mẫu fashion-prelu-l2" in row.tips[PRESET]
        assert row.tips[PRESET].endswith("Kết quả của bài lab: 89,3%.")
    finally:
        language.use_language("en")


def test_a_runs_headline_is_led_by_its_preset():
    facts = {
        "config": PRESETS["fashion-mlp-lab"].config.to_dict(),
        "steered": {},
        "first_epoch": 1,
        "kept": {},
        "continuing": False,
    }
    plain = run_headline(facts)
    assert run_headline({**facts, "preset": PresetOrigin("fashion-mlp-lab")}) == (
        f"fashion-mlp-lab · {plain}"
    )
    assert run_headline({**facts, "preset": None}) == plain


@pytest.mark.parametrize("changed", [False, True])
def test_a_run_trained_from_a_preset_names_it_and_reads_its_result_against_the_lab(
    qtbot,
    panel,  # noqa: F811
    changed,
):
    """From the Train form: the preset, as chosen or edited after, kept in the record; the
    finished run's line compares with the lab's figure (not only the shipped CNN's), and the
    Runs row, the Replay tab and the headline name the preset."""
    form = panel.form
    form.apply_preset("fashion-mlp-lab")  # 784-64-64-10, 5 epochs of batch 32: quick here
    if changed:
        form.epochs.setValue(2)  # edited after choosing it: "Custom settings, edited from"
        assert form.edited_from() == "fashion-mlp-lab"
    with qtbot.waitSignal(panel.controller.run_saved, timeout=WAIT_MS) as saved:
        assert panel.start_training()
        qtbot.waitUntil(lambda: panel.title.text().startswith("fashion-mlp-lab"), timeout=WAIT_MS)
    wait_until_idle(qtbot, panel)
    record = saved.args[0]
    assert record.preset == PresetOrigin("fashion-mlp-lab", changed=changed)
    line = panel.speed.text()
    # one line at 1024 px: where the model went is on the line under it
    if changed:
        # walk70 L2: "(its own settings)" did not say which: the epochs differ
        assert line.endswith(" — the lab: 87.0% after 5 epochs (this run: 2)"), line
    else:
        assert line.endswith(" — the lab's figure is 87.0%"), line
    view = panel.runs_view
    qtbot.waitUntil(lambda: view.row_count() == 1, timeout=WAIT_MS)
    cell = "fashion-mlp-lab, changed" if changed else "fashion-mlp-lab"
    assert view.cell(0, PRESET) == cell
    words = "fashion-mlp-lab, changed" if changed else "fashion-mlp-lab"  # a title: name first
    panel.tabs.setCurrentWidget(panel.tabs.replay_page)
    epochs = 2 if changed else 5
    # on a line of its own over the slider's (fixC: before the epoch it squeezed the slider)
    assert panel.replay_view.run_label.text() == words
    assert panel.replay_view.epoch_label.text() == f"Epoch {epochs} of {epochs}"
    # a run that is not replayable is named by its preset too
    other = panel.controller.store.create(record.config, preset=record.preset)
    other.status = "completed"
    panel.controller.store.save(other)
    other.release_lock()
    panel.runs_view.refresh()
    qtbot.waitUntil(lambda: view.row_count() == 2, timeout=WAIT_MS)
    panel.runs_view.select_runs([other.run_id])
    assert f"({words}), is not one of them" in panel.replay_view.note.text()


def test_a_race_lane_that_is_a_lab_gives_the_labs_figure_beside_its_own(qtbot):
    from nndesk.controllers.race import LaneResult
    from nndesk.ui.race_results import TEST, RaceTable

    table = RaceTable()
    qtbot.addWidget(table)
    lanes = (
        LaneResult(0, "mnist-sigmoid-raw", "completed", "", 2, 0.3, 0.84, 0.840, 10.0),
        LaneResult(1, "ReLU, [0, 1]", "completed", "", 2, 0.1, 0.97, 0.973, 10.0),
    )
    table.fill(lanes, lambda lane: True, lambda lane: None)
    assert table.item(TEST, 1).toolTip() == (
        "The lab's figure for mnist-sigmoid-raw: 87.6% after its 10 epochs; this lane trained 2."
    )
    assert table.item(TEST, 2).toolTip() == ""  # not a lab of its own


def test_the_preset_column_shows_only_when_a_listed_run_came_from_a_preset(qtbot, tmp_path):
    """Older runs and runs of one's own settings: no empty column taking the Dataset's place
    at 1024 px; a run from a preset brings it."""
    from nndesk.controllers.run_list import RunListReader
    from nndesk.runs import RunStore
    from nndesk.ui.runs_view import RunsView

    store = RunStore(tmp_path / "runs", fallback_dirs=())
    own = store.create({"dataset": "mnist", "arch": "784-16-10"})
    own.status = "completed"
    store.save(own)
    own.release_lock()
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    view.resize(484, 420)
    view.show()
    view.refresh()
    qtbot.waitUntil(lambda: view.row_count() == 1, timeout=WAIT_MS)
    assert view.table.isColumnHidden(PRESET)
    lab = store.create(PRESETS["mnist-gd"].config.to_dict(), preset=PresetOrigin("mnist-gd"))
    lab.status = "completed"
    store.save(lab)
    lab.release_lock()
    view.refresh()
    qtbot.waitUntil(lambda: view.row_count() == 2, timeout=WAIT_MS)
    assert not view.table.isColumnHidden(PRESET)
    assert {view.cell(r, PRESET) for r in range(2)} == {"", "mnist-gd"}


def test_in_the_lecturers_window_the_runs_preset_is_in_sight_beside_its_accuracy_and_status(
    qtbot, window_at, stroke_classifier, tiny_data_dir, in_vietnamese, larger_text
):
    """1024x768, Vietnamese, Larger text: after Status the Preset column was cut to
    "fashion…" (seen on Xvfb); with a run from a preset it comes second, where Layers was."""
    from nndesk import paths
    from nndesk.runs import RunStore
    from nndesk.ui.runs_table import COLUMNS
    from tests.ui.test_runs_settings_cell import _in_sight, _lecturers_runs_view

    store = RunStore(paths.runs_dir())
    for name, changed in (("fashion-prelu-l2-plus", True), ("mnist-relu-sigmoid-unit", False)):
        config = PRESETS[name].config
        record = store.create(
            config.replace(epochs=1 if changed else config.epochs).to_dict(),
            preset=PresetOrigin(name, changed),
        )
        record.status = "completed"
        store.save(record)
        record.release_lock()
    view = _lecturers_runs_view(qtbot, window_at, stroke_classifier, rows=2)
    for name in ("Started", "Preset", "Test acc", "Status"):
        assert _in_sight(view, COLUMNS.index(name)), name
    words = {view.cell(r, PRESET) for r in range(2)}
    assert words == {"fashion-prelu-l2-plus, đã sửa", "mnist-relu-sigmoid-unit"}


@pytest.mark.parametrize("code", ["en", "vi"])
def test_a_lab_run_stopped_short_is_not_read_against_the_labs_figure(
    qtbot,
    panel,  # noqa: F811
    code,
):
    """verify65 #8: a fashion-mlp-lab run stopped after 0.65 epoch said "Test accuracy 84.3 % …
    — the lab's figure is 87.0 %" as if the two were comparable; the lab's figure is of all
    its 5 epochs."""
    from nndesk.ui.run_preset_words import stopped_short

    record = a_record(PresetOrigin("fashion-mlp-lab"))
    record.config = PRESETS["fashion-mlp-lab"].config.to_dict()
    record.status, record.metrics = "stopped", {"test_accuracy": 0.843}
    record.curves.batch_x = [0.25, 0.5, 0.65]
    record.model_file = "model.npz"
    assert language.use_language(code) == code
    try:
        panel._show_saved_run(record, record.folder / "model.npz", say=False)
        line = panel.speed.text()
        if code == "en":
            assert line == (
                "Test accuracy 84.3% on Fashion-MNIST — stopped after 0.65 of its 5 epochs: the "
                "lab's figure is of a whole run"
            )
        else:
            said = "dừng sau 0,65 trên 5\u00a0epoch: con số của bài lab là của cả lượt chạy"
            assert line.endswith(said), line
        assert "87" not in line
        # a whole run is read against it, as before
        record.status = "completed"
        assert stopped_short(record) == ""
        panel._show_saved_run(record, record.folder / "model.npz", say=False)
        assert panel.speed.text().endswith("87.0%" if code == "en" else "87,0%")
    finally:
        language.use_language("en")


def test_a_continued_lab_run_stopped_short_is_not_read_against_the_labs_figure(
    qtbot,
    panel,  # noqa: F811
    monkeypatch,
):
    """verify66 #2: mnist-gd stopped at epoch 24, continued, stopped again at epoch 217 of its
    500: "Test accuracy 11.3% on MNIST — mnist-gd reached 84.6% when we measured it". Its
    epochs count from the model's first, against the lab's whole run; its own record's Epochs
    are the Continue's (here 125 more), not the lab's."""
    from nndesk.ui.run_preset_words import stopped_short

    monkeypatch.setattr(runtime, "blas_on_avx512", lambda: False)  # the Haswell kernels' 84.6 %
    record = a_record(PresetOrigin("mnist-gd"))
    record.config = PRESETS["mnist-gd"].config.replace(epochs=125).to_dict()
    record.resumed_from = "/runs/20261207-051731-765bf76/model.npz"
    record.status, record.metrics = "stopped", {"test_accuracy": 0.113}
    record.curves.batch_x = [24.0, 100.0, 217.0]
    record.model_file = "model.npz"
    panel._show_saved_run(record, record.folder / "model.npz", say=False)
    assert panel.speed.text() == (
        "Test accuracy 11.3% on MNIST — stopped after 217 of its 500 epochs: the lab's figure "
        "is of a whole run"
    )
    # a changed lab's plan of 8 epochs, continued and stopped in epoch 5 (the real window:
    # "dừng sau 4,18 trên 5 epoch", the lab's 5, of a run planned to 8)
    changed = a_record(PresetOrigin("fashion-mlp-lab", changed=True))
    changed.config = PRESETS["fashion-mlp-lab"].config.replace(epochs=8).to_dict()
    changed.resumed_from, changed.status = record.resumed_from, "stopped"
    changed.curves.batch_x = [1.0, 2.74, 4.18]
    assert stopped_short(changed) == (
        "stopped after 4.18 of its 8 epochs: the lab's figure is of a whole run"
    )
    # the continued run that reached the lab's last epoch is read against it
    record.status = "completed"
    record.curves.batch_x = [24.0, 100.0, 500.0]
    assert stopped_short(record) == ""
    panel._show_saved_run(record, record.folder / "model.npz", say=False)
    assert panel.speed.text().endswith("mnist-gd reached 84.6% when we measured it")


@pytest.mark.parametrize("kernels", ["SkylakeX", "Haswell"])
def test_mnist_gds_line_quotes_the_figure_of_this_kind_of_cpu(monkeypatch, kernels):
    """walk70 L1: "Test accuracy 86.0% on MNIST — mnist-gd reached 84.6% when we measured it"
    on an AVX-512 CPU, where the preset's note says 86.0 % (and the run got it exactly): the
    line quotes the figure measured with the BLAS kernels in use here."""
    from nndesk.ui.run_preset_words import lab_comparison

    class Blas:
        architecture = kernels

    monkeypatch.setattr(runtime, "_blas", [Blas()])
    line = lab_comparison(PresetOrigin("mnist-gd"))
    if kernels == "SkylakeX":  # one line at 1024 px (it wrapped as "... when we measured it")
        assert line == "mnist-gd reached 86.0% on a CPU with AVX-512", line
    else:
        assert line == "mnist-gd reached 84.6% when we measured it", line


def test_a_changed_labs_line_says_its_epochs_and_the_runs_where_they_differ(qapp):
    """walk70 L2: after 2 of fashion-cnn-lab's 10 epochs the line said "the lab's figure is
    91.2% (its own settings)", not what differs: it says the epochs."""
    from nndesk.ui.run_preset_words import lab_comparison

    changed = PresetOrigin("fashion-cnn-lab", changed=True)
    lab = PRESETS["fashion-cnn-lab"].config
    two = lab.replace(epochs=2).to_dict()
    assert lab_comparison(changed, two) == "the lab: 91.2% after 10 epochs (this run: 2)"
    assert lab_comparison(PresetOrigin("fashion-cnn-lab"), lab.to_dict()) == (
        "the lab's figure is 91.2%"
    )
    assert language.use_language("vi") == "vi"
    try:
        vi = lab_comparison(changed, two)
    finally:
        language.use_language("en")
    assert "10" in vi and "2" in vi and "epoch" in vi and "91,2" in vi, vi


def test_a_changed_labs_line_says_which_other_settings_differ(qapp):
    """fixZ left "the lab's figure is 91.2% (its own settings)" wherever a setting other than
    the epochs was changed: the line says the run's settings that are not the lab's, in the
    Runs cell's short words, at most two ("…" for more), en and vi."""
    from nndesk.ui.run_preset_words import lab_comparison

    changed = PresetOrigin("fashion-cnn-lab", changed=True)
    lab = PRESETS["fashion-cnn-lab"].config  # lr 0.001, batch 64, Adam, 10 epochs
    cases = {
        lab.replace(lr=0.01): "the lab: 91.2% (this run: lr 0.01)",
        lab.replace(lr=0.01, batch_size=32): "the lab: 91.2% (this run: lr 0.01, batch 32)",
        lab.replace(seed=3): "the lab: 91.2% (this run: seed 3)",
        lab.replace(epochs=1, lr=0.01): "the lab: 91.2% (this run: 1 of 10 epochs, lr 0.01)",
        lab.replace(lr=0.01, l2=0.001, seed=3): "the lab: 91.2% (this run: lr 0.01, L2 0.001, …)",
    }
    for config, line in cases.items():
        assert lab_comparison(changed, config.to_dict()) == line
    # nothing said differs (the form edited and set back): it says no more than it knows
    assert lab_comparison(changed) == "the lab's figure is 91.2% (its own settings)"
    assert language.use_language("vi") == "vi"
    try:
        vi = lab_comparison(changed, lab.replace(epochs=1, lr=0.01).to_dict())
    finally:
        language.use_language("en")
    assert vi == "bài lab: 91,2% (ở đây: 1/10\u00a0epoch, lr 0,01)", vi


@pytest.mark.parametrize("code", ["en", "vi"])
def test_the_labs_comparisons_fit_one_line_of_the_train_page_at_1024(
    qtbot, window_factory, monkeypatch, code
):
    """walk70 L1/L2 in the real window at 1024x700: "… mnist-gd reached 86.0% when we measured
    it on a CPU / with AVX-512" and "… the lab's figure is 87.0% (its 5 epochs; this run: /
    1)" each wrapped the finished run's line onto two. Each fits the line's width."""
    from nndesk.ui.language import accuracy_text, translate
    from nndesk.ui.run_preset_words import lab_comparison
    from tests.ui.conftest import exposed

    monkeypatch.setattr(runtime, "blas_on_avx512", lambda: True)
    assert language.use_language(code) == code
    try:
        desk = window_factory(mode="garments")
        window = desk.window
        window.resize(1024, 700)
        exposed(qtbot, window)
        train = desk.train_page
        window.tabs.setCurrentWidget(train)
        qtbot.waitUntil(lambda: train.speed.isVisible() and train.speed.width() > 0)
        line = translate("TrainingPanel", "Test accuracy {accuracy} on {dataset} — {lab}")
        metrics = train.speed.fontMetrics()

        def fits(dataset: str, said: str) -> bool:
            text = line.format(accuracy=accuracy_text(0.889), dataset=dataset, lab=said)
            return metrics.horizontalAdvance(text) <= train.speed.width()

        changed = PresetOrigin("fashion-cnn-lab", changed=True)
        lab = PRESETS["fashion-cnn-lab"].config
        assert fits("MNIST", lab_comparison(PresetOrigin("mnist-gd"))), code
        on_fashion = partial(fits, "Fashion-MNIST")
        # what the page measures its line with (fixN: the settings named are as many as fit)
        held = train._line_fits(accuracy_text(0.889), "Fashion-MNIST")
        shortened = lab_comparison(changed, lab.replace(epochs=2).to_dict(), held)
        assert on_fashion(shortened), shortened
        # fixN: with other settings changed too, as many as the line holds ("…" the rest)
        for config in (
            lab.replace(epochs=1, lr=0.01),
            lab.replace(lr=0.003, batch_size=128, seed=2),
            lab.replace(epochs=3, lr=0.003, batch_size=128, l2=0.0005),
        ):
            said = lab_comparison(changed, config.to_dict(), held)
            assert on_fashion(said), said
            named = lab_comparison(changed, config.to_dict())  # each of them, room or not
            assert said == named or not on_fashion(named), (said, named)
        # en names the rate beside the epochs in 1024 px
        said = lab_comparison(changed, lab.replace(epochs=1, lr=0.01).to_dict(), held)
        assert code == "vi" or said.endswith("epochs, lr 0.01)"), said
    finally:
        language.use_language("en")
