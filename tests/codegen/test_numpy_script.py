"""Exported NumPy scripts run on their own and train exactly like the app."""

from __future__ import annotations

import ast
import gzip

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nndesk.codegen import from_config, from_preset, numpy_script
from nndesk.presets import list_presets
from nndesk.training import TrainConfig
from tests.codegen.conftest import (
    epoch_losses,
    final_accuracy,
    run_script,
    train_in_app,
    train_steered,
)

# like the fashion-mlp preset (Adam, Keras' eps, ReLU/softmax, inputs in [-1, 1]), made small
SMALL_MLP = TrainConfig(
    dataset="fashion",
    arch="784-32-16-10",
    lr=2e-3,
    batch_size=16,
    epochs=4,
    eps=1e-7,
    dropout=0.1,
    val_fraction=0.1,
)


def _write(tmp_path, config, name="exported.py"):
    path = tmp_path / name
    path.write_text(numpy_script(from_config(config, "a test"), "pytest"), encoding="utf-8")
    return path


def test_a_small_mlp_script_trains_and_matches_the_apps_accuracy(tmp_path, blob_dir):
    script = _write(tmp_path, SMALL_MLP)
    done = run_script(script, "--data-dir", str(blob_dir), "--exact")
    assert done.returncode == 0, done.stderr
    losses = epoch_losses(done.stdout)
    assert len(losses) == 4 and losses[-1] < 0.6 * losses[0]
    accuracy = final_accuracy(done.stdout)
    assert accuracy >= 0.8

    app_losses, app_accuracy = train_in_app(SMALL_MLP, blob_dir)
    # the same seeded streams (batches, weights, masks) and, with --exact, the same arithmetic:
    # the same run (test_script_same_numbers holds every batch's loss to the last bit)
    assert accuracy == app_accuracy
    assert losses == [float(f"{loss:.4f}") for loss in app_losses]

    # without --exact, the textbook Adam step (walk59 D16): the same run but for rounding, which
    # the header says moves the losses' last digits and puts the accuracy near the app's
    textbook = run_script(script, "--data-dir", str(blob_dir))
    assert textbook.returncode == 0, textbook.stderr
    np.testing.assert_allclose(epoch_losses(textbook.stdout), app_losses, rtol=2e-3)
    assert abs(final_accuracy(textbook.stdout) - app_accuracy) <= 0.0101  # two images in 200


@pytest.mark.parametrize(
    "arch, activation",
    [("784-c4-bn-p-c6v-p-16-10", "relu"), ("784-c4v-p-12-10", "prelu")],
)
def test_a_tiny_cnn_script_runs_and_follows_the_app(tmp_path, blob_dir, arch, activation):
    config = SMALL_MLP.replace(
        arch=arch, activation=activation, epochs=1, batch_size=32, augment=True
    )
    done = run_script(_write(tmp_path, config), "--data-dir", str(blob_dir))
    assert done.returncode == 0, done.stderr
    assert "images  loss" in done.stdout  # progress inside the epoch
    # and the minutes the epoch has left: a fashion-cnn-lab epoch took 16 min here (walk54 D8)
    assert " min left" in done.stdout
    app_losses, app_accuracy = train_in_app(config, blob_dir)
    # nndesk's convolutions (fused with the pool, Winograd, split batches) round their float32
    # sums differently from the script's im2col: close, not the same digits
    np.testing.assert_allclose(epoch_losses(done.stdout), app_losses, rtol=1e-3, atol=2e-4)
    assert abs(final_accuracy(done.stdout) - app_accuracy) <= 0.0051  # one test image in 200


def test_epochs_and_seed_flags_change_the_run(tmp_path, blob_dir):
    script = _write(tmp_path, SMALL_MLP)
    one = run_script(script, "--data-dir", str(blob_dir), "--epochs", "1", "--seed", "3")
    assert one.returncode == 0, one.stderr
    assert len(epoch_losses(one.stdout)) == 1
    # "1 epochs" was the plural for one (walk51 D13): the count follows its name, as batch's
    assert "epochs 1, seed 3" in one.stdout.splitlines()[0], one.stdout
    again = run_script(script, "--data-dir", str(blob_dir), "--epochs", "1", "--seed", "3")
    other = run_script(script, "--data-dir", str(blob_dir), "--epochs", "1", "--seed", "4")
    assert epoch_losses(one.stdout) == epoch_losses(again.stdout)
    assert epoch_losses(one.stdout) != epoch_losses(other.stdout)


def test_limit_trains_and_tests_on_the_first_n_images_for_a_quick_check(tmp_path, blob_dir):
    """walk71 F13: a student on a slow laptop checks in seconds that the exported file runs."""
    script = _write(tmp_path, SMALL_MLP)
    quick = run_script(script, "--data-dir", str(blob_dir), "--epochs", "1", "--limit", "200")
    assert quick.returncode == 0, quick.stderr
    lines = quick.stdout.splitlines()
    assert lines[0].startswith("fashion: 180 training images"), lines[0]  # 200, 10 % held out
    assert "--limit 200: the first 200 test images, not the whole test set" in lines
    assert lines[-1].startswith("test_accuracy=")  # the last line stays the contract's
    whole = run_script(script, "--data-dir", str(blob_dir), "--epochs", "1")
    assert whole.stdout.splitlines()[0].startswith("fashion: 900 training images")
    assert "--limit" not in whole.stdout

    too_few = run_script(script, "--data-dir", str(blob_dir), "--limit", "50")
    assert too_few.returncode == 2
    assert "--limit must be 0 (every image) or at least 100" in too_few.stderr
    assert "Traceback" not in too_few.stderr


def test_a_missing_or_truncated_data_file_is_one_message_not_a_traceback(tmp_path, blob_dir):
    script = _write(tmp_path, SMALL_MLP)
    done = run_script(script, "--data-dir", str(tmp_path / "nowhere"))
    assert done.returncode == 1
    assert "train-images-idx3-ubyte.gz not found" in done.stderr
    assert "Traceback" not in done.stderr

    broken = tmp_path / "broken"
    broken.mkdir()
    for f in blob_dir.iterdir():
        data = f.read_bytes()
        (broken / f.name.removesuffix(".gz")).write_bytes(
            gzip.decompress(data)[:-7] if "train-images" in f.name else data
        )
    done = run_script(script, "--data-dir", str(broken))
    assert done.returncode == 1
    assert "the header promises 784000 bytes, the file has 783993" in done.stderr  # 1000 images
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("preset", [p.name for p in list_presets()])
def test_every_preset_exports_valid_python_that_imports_only_numpy(preset):
    experiment = from_preset(preset)
    text = numpy_script(experiment, f"nndesk export-script --preset {preset} -o x.py")
    tree = ast.parse(text)
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module.split(".")[0])
    assert imported <= {"argparse", "gzip", "math", "os", "struct", "time", "numpy"}
    assert f"--preset {preset}" in text.split('"""')[1]  # the header names the command
    classes = [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
    assert classes == []
    if experiment.config.arch.replace("-", "").isdigit():  # an MLP: short enough to read at once
        # PReLU's learned slopes add an init, a forward and two backward lines per hidden layer
        limit = 280 if experiment.config.activation == "prelu" else 250
        # a network of wide products measures the machine's load as nndesk does, to take the
        # BLAS threads nndesk takes (walk53 #4)
        limit += 25 if "def idle_cores" in text else 0
        # Adam's textbook step, then nndesk's own (--exact) for the app's numbers (walk59 D16)
        limit += 22 if "def update_exact" in text else 0
        # L2 takes weights to the subnormals: a line clears them after each step (walk lab56 D1)
        limit += 1 if "2.0**-40" in text else 0
        # --limit N (the first N images, a quick check) and its line on the figure (walk71 F13)
        limit += 9
        # the docstring's blank lines set its paragraphs apart: nothing more to read
        breaks = text.split('"""')[1].splitlines().count("")
        assert len(text.splitlines()) - breaks <= limit
    assert max(len(line) for line in text.splitlines()) <= 99


def test_a_steered_runs_script_replays_its_changes_and_trains_the_same_run(tmp_path, blob_dir):
    from nndesk.codegen import from_model

    config = SMALL_MLP.replace(optimizer="momentum", lr=0.02, epochs=3, dropout=0.1, l2=0.0)
    path, app_losses, app_accuracy, session = train_steered(tmp_path, blob_dir, config)
    assert {c.name for c in session.changes} == {
        "momentum", "l2", "lr", "dropout", "augment", "aug_rotate", "batch_size"
    }  # fmt: skip
    experiment = from_model(path)
    assert experiment.config == config  # the settings it started with
    assert len(experiment.changes) == 7
    text = numpy_script(experiment, "pytest")
    assert "CHANGES = [" in text and "(1, 5, 'MOMENTUM', 0.5)," in text
    assert "(3, 1, 'BATCH_SIZE', 24)," in text
    script = tmp_path / "steered.py"
    script.write_text(text, encoding="utf-8")
    done = run_script(script, "--data-dir", str(blob_dir))
    assert done.returncode == 0, done.stderr
    assert epoch_losses(done.stdout) == [float(f"{loss:.4f}") for loss in app_losses]
    assert final_accuracy(done.stdout) == app_accuracy

    # without its change record the script trains another run: the record matters
    plain = tmp_path / "plain.py"
    plain.write_text(numpy_script(from_config(config, "a test"), "pytest"), encoding="utf-8")
    other = run_script(plain, "--data-dir", str(blob_dir))
    assert not np.allclose(epoch_losses(other.stdout), app_losses, rtol=5e-3)


def test_a_rate_given_back_to_its_schedule_is_replayed_by_the_script(tmp_path, blob_dir):
    """walk64 D1: the coach gives a raised rate back to the run's schedule; the script's
    CHANGES says so (LR None) and its loop follows the schedule again from that batch."""
    from nndesk.codegen import from_model
    from nndesk.setting_changes import RATE_FROM_SCHEDULE

    config = SMALL_MLP.replace(schedule="step", schedule_step=1, schedule_gamma=0.5, epochs=3)
    # the rate alone changed: the model file's config is the one it started with (no
    # config_at_start), and its change record must still be read (fixM's leftover: it was not)
    steering = {(1, 5): {"lr": 0.01}, (2, 3): {RATE_FROM_SCHEDULE: True}}
    path, app_losses, app_accuracy, session = train_steered(tmp_path, blob_dir, config, steering)
    assert [(c.name, c.scheduled) for c in session.changes] == [("lr", False), ("lr", True)]
    text = numpy_script(from_model(path), "pytest")
    rows = [line.strip() for line in text.splitlines() if "'LR'" in line]
    assert rows == ["(1, 5, 'LR', 0.01),", "(2, 3, 'LR', None),"]
    script = tmp_path / "given_back.py"
    script.write_text(text, encoding="utf-8")
    done = run_script(script, "--data-dir", str(blob_dir))
    assert done.returncode == 0, done.stderr
    assert epoch_losses(done.stdout) == [float(f"{loss:.4f}") for loss in app_losses]
    assert final_accuracy(done.stdout) == app_accuracy


def test_a_change_a_script_cannot_replay_is_one_clear_message():
    from nndesk.codegen import from_config
    from nndesk.errors import ConfigError
    from nndesk.setting_changes import SettingChange

    with pytest.raises(ConfigError, match="aug_stroke while training"):
        from_config(SMALL_MLP, "a test", changes=[SettingChange(0.5, 1, 3, "aug_stroke", 0.2)])


@settings(max_examples=100, deadline=None)
@given(origin=st.text(max_size=300), command=st.text(max_size=100))
def test_any_origin_or_command_stays_text_in_the_scripts_docstring(origin, command):
    """The origin carries a run's title from its run.json (anyone's file) and the command
    carries file names: whatever they hold, the script compiles and they stay docstring text."""
    script = numpy_script(from_config(SMALL_MLP, origin), command)
    tree = ast.parse(script)
    docstring = " ".join(ast.get_docstring(tree, clean=False).split())
    assert " ".join(origin.split()) in docstring and " ".join(command.split()) in docstring
    assert isinstance(tree.body[1], ast.Import | ast.ImportFrom)


@pytest.mark.parametrize(
    ("output", "loss"), [("softmax", "ce"), ("sigmoid", "bce"), ("linear", "mse")]
)
def test_the_scripts_header_names_the_output_activation(output, loss):
    config = TrainConfig(arch="784-8-10", output=output, loss=loss)
    header = numpy_script(from_config(config, "a test"), "pytest").split('"""')[1]
    assert f"Network: dense 8 -> relu -> dense 10 -> {output}\n" in header


def test_a_cnn_scripts_header_says_plain_numpy_convolutions_are_slow(tmp_path):
    """walk54 D8: the exported fashion-cnn-lab script took 955 s an epoch against the app's
    29.5 s, and its header only said nndesk's convolutions take faster routes."""
    cnn = numpy_script(from_preset("fashion-cnn-lab"), "pytest")
    header = ast.get_docstring(ast.parse(cnn)) or ""
    assert "16 minutes" in header and "Try --epochs 1 first" in " ".join(header.split())
    mlp = numpy_script(from_config(SMALL_MLP, "a test"), "pytest")
    assert "Try --epochs" not in mlp


def test_a_steered_scripts_first_line_names_the_rate_set_by_hand_in_both_languages():
    """walk72 F12: a run steered from 0.001 to 0.0003 exported a script whose first line said
    "trained with Adam (lr 0.001)", the plan's rate alone."""
    from nndesk.codegen import Words, from_config, numpy_script
    from nndesk.setting_changes import SettingChange

    config = SMALL_MLP.replace(optimizer="adam", lr=1e-3)
    steered = from_config(config, "a test", changes=[SettingChange(0.68, 1, 12, "lr", 3e-4)])

    def first(script: str) -> str:  # the headline, wrapped at 99 columns
        return " ".join(script.split("\n\n")[0].split())

    first_en = first(numpy_script(steered, "nndesk export"))
    assert "trained with Adam (lr 0.001, then 0.0003 set by hand)" in first_en, first_en
    plain = first(numpy_script(from_config(config, "a test"), "nndesk export"))
    assert "(lr 0.001)" in plain, plain
    vi = first(numpy_script(steered, "nndesk export", words=Words("vi")))
    assert "(tốc độ học 0,001, sau đó 0,0003 đặt bằng tay)" in vi, vi
