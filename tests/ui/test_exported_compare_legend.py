"""Runs > compare > Export PNG (walk53 #7): the exported figure names the runs as the window's
chart does (what tells them apart, in the window's language), not by their stored English
titles, which left out the batch size and dropout that differed."""

from __future__ import annotations

import pytest

from nndesk.controllers.training import TrainingController
from nndesk.runs import RunStore
from nndesk.ui import language, train_models
from nndesk.ui.runs_legend import legend_caption, legend_labels
from tests.ui.conftest import training_page


@pytest.mark.parametrize("code", ["en", "vi"])
def test_the_exported_legend_says_what_the_window_s_legend_says(qtbot, tmp_path, monkeypatch, code):
    store = RunStore(tmp_path / "runs")
    base = {"dataset": "fashion", "arch": "784-64-10", "activation": "relu", "lr": 0.001}
    runs = [
        store.create({**base, "batch_size": 32, "dropout": 0.0}),
        store.create({**base, "batch_size": 64, "dropout": 0.25}),
    ]
    page = training_page(TrainingController(lambda name: None, store))
    qtbot.addWidget(page)
    written = {}

    def save(labelled, path, caption="", turns=(), colours=None, run_colours=()):
        written.update(labels=[label for label, _ in labelled], caption=caption)
        written.update(run_colours=list(run_colours))
        return path

    monkeypatch.setattr(train_models, "save_curves_png", save)
    language.use_language(code)
    try:
        page.export_curves_png(tmp_path / "compare.png", runs)
        shown, caption = legend_labels(runs), legend_caption(runs)
    finally:
        language.use_language("en")
    # each run in its own colour, as the Runs chart draws it (fixM)
    own = [r.colour for r in runs]
    assert written == {"labels": shown, "caption": caption, "run_colours": own}
    assert len(set(own)) == 2
    assert all("batch" in label and "dropout" in label for label in shown)
    assert not any(record.title in label for record in runs for label in shown)


def test_an_exported_key_is_whole_where_the_windows_is_cut(qtbot, tmp_path, monkeypatch):
    """walk64 D24: the exported PNG named a run "schedule cosine to a minimum,
    784-c32v-p-c64v-p-128-10, bat…", cut as in the window's legend (whose rest is one hover
    away), though the 1,440 px wide picture had room, and its reader cannot hover."""
    store = RunStore(tmp_path / "runs")
    base = {"dataset": "fashion", "activation": "relu", "lr": 0.001}
    runs = [
        store.create({**base, "arch": "784-64-64-10", "batch_size": 32, "schedule": "constant"}),
        store.create(
            {**base, "arch": "784-c32v-p-c64v-p-128-10", "batch_size": 128, "schedule": "cosine"}
        ),
    ]
    page = training_page(TrainingController(lambda name: None, store))
    qtbot.addWidget(page)
    written = {}

    def save(labelled, path, caption="", turns=(), colours=None, run_colours=()):
        written["labels"] = [label for label, _ in labelled]
        return path

    monkeypatch.setattr(train_models, "save_curves_png", save)
    page.export_curves_png(tmp_path / "compare.png", runs)
    assert any(label.endswith("…") for label in legend_labels(runs))  # the window's, cut
    assert not any("…" in label for label in written["labels"])
    assert all("batch" in label for label in written["labels"])
