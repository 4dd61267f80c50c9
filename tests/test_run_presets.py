"""A run remembers the lab preset it came from (walk64 D17): which preset, whether its settings
were changed before it trained, kept in run.json, listed by `nndesk models`; old records load."""

from __future__ import annotations

import json

import pytest

from nndesk import cli
from nndesk.errors import NndeskError
from nndesk.presets import PRESETS, PresetOrigin, preset_origin
from nndesk.run_record import RunRecord, read_record
from nndesk.runs import RunFileError, RunStore

PRELU = PRESETS["fashion-prelu-l2"].config


def test_a_presets_own_settings_come_from_it_whatever_the_thread_count():
    assert preset_origin(PRELU, "fashion-prelu-l2") == PresetOrigin("fashion-prelu-l2")
    assert preset_origin(PRELU.replace(threads=1)) == PresetOrigin("fashion-prelu-l2")


def test_settings_edited_after_choosing_a_preset_are_changed_from_it():
    edited = PRELU.replace(epochs=3)
    assert preset_origin(edited, "fashion-prelu-l2") == PresetOrigin("fashion-prelu-l2", True)
    assert preset_origin(edited, "") is None  # nothing chosen: settings of the person's own
    assert preset_origin(edited, "no-such-preset") is None


def test_a_preset_trained_on_another_dataset_is_no_longer_its_lab_but_is_still_named():
    """A Fashion lab's 87 % says nothing of an MNIST run of its settings; where they came from
    is still so (walk68 D6: run.json said "preset": null, the Runs table nothing)."""
    origin = preset_origin(PRELU.replace(dataset="mnist"), "fashion-prelu-l2")
    assert origin == PresetOrigin("fashion-prelu-l2", changed=True, other_data=True)
    assert origin.lab_accuracy is None and origin.text() == "fashion-prelu-l2, changed"
    assert origin.to_dict() == {"name": "fashion-prelu-l2", "changed": True, "other_data": True}


def test_a_record_keeps_a_preset_of_other_data_and_an_older_one_still_loads(tmp_path):
    from nndesk.run_record import preset_at

    assert preset_at({"preset": {"name": "mnist-gd", "changed": True, "other_data": True}}) == (
        PresetOrigin("mnist-gd", True, True)
    )
    # records before the key: the same data; before presets were kept: none
    assert preset_at({"preset": {"name": "mnist-gd", "changed": True}}) == PresetOrigin(
        "mnist-gd", True
    )
    assert preset_at({}) is None
    with pytest.raises(NndeskError, match="preset.other_data"):
        preset_at({"preset": {"name": "mnist-gd", "other_data": "yes"}})


def test_settings_edited_into_another_presets_are_that_preset():
    """The form names the preset its fields equal, whatever was chosen before (a -plus's
    settings typed into the lab's are the -plus run)."""
    plus = PRESETS["fashion-prelu-l2-plus"].config
    assert preset_origin(plus, "fashion-prelu-l2") == PresetOrigin("fashion-prelu-l2-plus")


def test_an_old_preset_name_is_kept_as_the_preset_it_now_names():
    lab = PRESETS["fashion-mlp-lab"].config
    assert preset_origin(lab.replace(epochs=1), "fashion-mlp") == PresetOrigin(
        "fashion-mlp-lab", True
    )


def test_the_record_keeps_its_preset_and_reads_it_back(tmp_path):
    store = RunStore(tmp_path / "runs", fallback_dirs=())
    origin = PresetOrigin("fashion-prelu-l2", changed=True)
    record = store.create(PRELU.to_dict(), preset=origin)
    record.release_lock()
    written = json.loads((record.folder / "run.json").read_text())
    assert written["preset"] == {"name": "fashion-prelu-l2", "changed": True}
    assert read_record(record.folder).preset == origin
    (listed,) = store.list()  # from the head alone
    assert listed.preset == origin


def test_a_record_written_before_runs_kept_their_preset_still_loads(tmp_path):
    store = RunStore(tmp_path / "runs", fallback_dirs=())
    record = store.create(PRELU.to_dict())
    record.release_lock()
    path = record.folder / "run.json"
    old = json.loads(path.read_text())
    del old["preset"]
    path.write_text(json.dumps(old))
    assert read_record(record.folder).preset is None
    (listed,) = store.list()
    assert not listed.is_damaged and listed.preset is None


@pytest.mark.parametrize(
    "value, reason",
    [
        ("fashion-mlp-lab", "preset is a string, not an object"),
        ({"changed": True}, "preset.name is null, not a string"),
        ({"name": 3}, "preset.name is a number, not a string"),
        ({"name": ""}, "preset.name is '', not a preset's name"),
        ({"name": "two\nlines"}, "preset.name is 'two\\nlines', not a preset's name"),
        ({"name": "x" * 61}, "not a preset's name"),
        ({"name": "mnist-gd", "changed": "yes"}, "preset.changed is a string, not true or false"),
    ],
)
def test_a_preset_that_nndesk_never_writes_is_refused_in_one_line(tmp_path, value, reason):
    with pytest.raises(RunFileError, match=reason.replace("\\", "\\\\")) as caught:
        RunRecord.from_dict({"config": {}, "preset": value}, tmp_path / "run")
    assert "\n" not in str(caught.value)


def test_a_preset_this_nndesk_does_not_know_is_kept_by_its_name(tmp_path):
    """A newer nndesk's preset: the record is read, the name kept; no lab figure is known."""
    record = RunRecord.from_dict({"preset": {"name": "fashion-new-lab"}}, tmp_path / "run")
    assert record.preset == PresetOrigin("fashion-new-lab")
    assert record.preset.lab_accuracy is None


def test_train_from_a_preset_keeps_it_and_models_lists_it_in_words_not_in_json(tiny_dir, capsys):
    argv = ["train", "--preset", "mnist-relu-sigmoid-unit", "--data-dir", str(tiny_dir)]
    assert cli.main([*argv, "--epochs", "1", "--arch", "784-16-10", "--json"]) == 0
    capsys.readouterr()
    (record,) = RunStore().list()
    assert record.preset == PresetOrigin("mnist-relu-sigmoid-unit", changed=True)
    assert cli.main(["models"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[-1] == "preset"
    (row,) = [line for line in lines if line.startswith("run ")]
    assert row.endswith("mnist-relu-sigmoid-unit, changed")
    # --json's keys are a contract: the same as before the preset was kept
    assert cli.main(["models", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    keys = {"name", "source", "path", "dataset", "arch", "test_accuracy", "problem"}
    assert all(set(row) == keys for row in rows)


def lab_saved_model(folder, accuracy=0.988, images=2000):
    """A model file as the window's Lab saves one: its figure over the lab's sample."""
    import numpy as np

    from nndesk.data.normalize import Normalizer
    from nndesk.nn.architecture import build_model
    from nndesk.nn.serialization import save_model

    info = {
        "dataset": "mnist",
        "class_names": [str(i) for i in range(10)],
        "normalization": Normalizer("unit").to_dict(),
        "preprocess": "digits",
        "config": {"dataset": "mnist", "arch": "784-8-10"},
        "metrics": {"test_accuracy": accuracy, "test_images": images},
    }
    folder.mkdir(parents=True, exist_ok=True)
    return save_model(
        folder / "mnist-mlp-lab.npz", build_model("784-8-10", rng=np.random.default_rng(0)), info
    )


def test_models_says_how_many_test_images_a_lab_saved_figure_is_over(capsys):
    """walk64 D23: "mnist-mlp-lab · 98.8%" (2,000 images) beside "mnist-mlp · 99.1%" (all
    10,000) read as like for like."""
    from nndesk.paths import runs_dir

    lab_saved_model(runs_dir())
    assert cli.main(["models"]) == 0
    out = capsys.readouterr().out
    (row,) = [line for line in out.splitlines() if line.startswith("mnist-mlp-lab")]
    assert row.split()[-3:] == ["98.80%", "on", "2,000"]
    assert "on the whole test split, but where a count follows it" in out
    assert cli.main(["models", "--json"]) == 0  # its keys unchanged: no count there
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    (saved,) = [r for r in rows if r["name"] == "mnist-mlp-lab"]
    assert saved["test_accuracy"] == 0.988 and "test_images" not in saved


def test_the_model_box_says_a_lab_saved_figures_image_count(qapp, tmp_path):
    from nndesk.model_labels import ModelFacts
    from nndesk.nn.serialization import read_model_header
    from nndesk.ui import language
    from nndesk.ui.model_choices import Choice

    path = lab_saved_model(tmp_path)
    facts = ModelFacts.of_info(read_model_header(path).info)
    assert facts.test_images == 2000
    choice = Choice(path, shipped=False, facts=facts)
    assert choice.text().endswith(" · 98.8% on 2,000\u00a0test images")
    assert language.use_language("vi") == "vi"
    try:
        assert choice.text().endswith(" · 98,8% trên 2.000\u00a0ảnh kiểm tra")
    finally:
        language.use_language("en")
    whole = Choice(path, shipped=False, facts=ModelFacts(test_accuracy=0.991))
    assert whole.text().endswith(" · 99.1%")  # the whole test split: as before


@pytest.mark.parametrize("value", [True, "2000", -5, 0, 2000.5, float("nan")])
def test_a_count_of_test_images_that_is_not_one_is_not_said(value):
    from nndesk.model_labels import test_images_of

    assert test_images_of({"test_images": value}) is None


def test_each_race_lane_is_named_by_its_own_preset_changed_only_when_its_settings_differ():
    """fixW #1: the lanes of a 1-epoch "sigmoid vs ReLU, raw vs [0, 1]" race were all kept as
    "mnist-sigmoid-raw, changed" (the race's preset), the ReLU [0, 1] lane too. Each lane is
    named by the preset whose settings it is: unchanged at the preset's own epochs and seed,
    changed at the race's; a lane of no preset's settings by the race's preset, changed."""
    from nndesk.presets import lane_origin
    from nndesk.training.race import COMPARISONS

    both = next(c for c in COMPARISONS if len(c.lanes) == 4 and c.preset == "mnist-sigmoid-raw")
    own = {"epochs": both.base("mnist").epochs, "seed": both.base("mnist").seed}
    wanted = ["mnist-sigmoid-raw", "mnist-relu-sigmoid-raw", "mnist-sigmoid-plus"]
    wanted.append("mnist-relu-sigmoid-unit")
    for epochs, changed in ((own["epochs"], False), (1, True)):
        lanes = both.configs("mnist", epochs=epochs, seed=own["seed"])
        origins = [lane_origin(config, name, both.preset) for name, config in lanes]
        assert origins == [PresetOrigin(name, changed) for name in wanted]
    seeded = both.configs("mnist", epochs=own["epochs"], seed=5)[1][1]
    assert lane_origin(seeded, "ReLU, raw", "mnist-sigmoid-raw") == PresetOrigin(
        "mnist-relu-sigmoid-raw", True
    )
    # a lane of settings no preset has: the race's preset, changed; a lab's lane: its own
    odd = PRESETS["mnist-sigmoid-raw"].config.replace(lr=0.123, epochs=1)
    assert lane_origin(odd, "Sigmoid, raw", "mnist-sigmoid-raw") == PresetOrigin(
        "mnist-sigmoid-raw", True
    )
    assert lane_origin(PRELU.replace(lr=0.5), "fashion-prelu-l2", "fashion-mlp-lab") == (
        PresetOrigin("fashion-prelu-l2", True)
    )
    assert lane_origin(odd.replace(dataset="fashion"), "x", "") is None
