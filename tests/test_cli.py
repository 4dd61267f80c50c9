"""The command line, run in-process on the tiny IDX dataset (plus one real subprocess)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from nndesk import cli
from nndesk.cli import listing, output
from nndesk.nn.serialization import unchecked_header_warning
from nndesk.presets import PRESETS
from tests.closed_terminal import as_a_shell_starts_it
from tests.conftest import make_blob_images

ROOT = Path(__file__).resolve().parents[1]
# tiny data is labelled as MNIST (its checksums differ: the loader warns and uses it as given)
TINY = ["--dataset", "mnist", "--arch", "784-32-10", "--batch-size", "16", "--epochs", "2"]
JSON_KEYS = {"test_accuracy", "test_loss", "epochs", "seconds", "per_class", "confusion", "history"}
#: the keys of each line ``nndesk predict --json`` writes (its contract)
PREDICT_JSON_KEYS = {"file", "label", "class", "probabilities", "not_sure", "independent_scores"}


def last_json(text: str) -> dict:
    return json.loads(text.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def trained(tiny_dir, tmp_path_factory) -> tuple[Path, dict]:
    """A model trained once for the evaluate/predict tests, with its train --json output."""
    out = tmp_path_factory.mktemp("model") / "tiny.npz"
    argv = ["train", *TINY, "--epochs", "4", "--data-dir", str(tiny_dir), "--out", str(out)]
    import contextlib
    import io

    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(io.StringIO()):
        assert cli.main([*argv, "--json"]) == 0
    return out, last_json(stdout.getvalue())


def test_train_json_ends_stdout_with_the_documented_keys_and_types(tiny_idx_dir, tmp_path, capsys):
    out = tmp_path / "m.npz"
    rc = cli.main(["train", *TINY, "--data-dir", str(tiny_idx_dir), "--out", str(out), "--json"])
    captured = capsys.readouterr()
    assert rc == 0, captured.err
    lines = captured.out.strip().splitlines()
    assert len(lines) == 1  # progress, epoch lines and tables went to stderr
    result = json.loads(lines[0])
    assert JSON_KEYS | {"model"} <= set(result)
    assert isinstance(result["test_accuracy"], float) and 0 <= result["test_accuracy"] <= 1
    assert isinstance(result["test_loss"], float) and result["test_loss"] > 0
    assert result["epochs"] == 2 and isinstance(result["seconds"], float)
    assert result["model"] == str(out) and out.is_file()
    assert list(result["per_class"]) == [str(d) for d in range(10)]
    for row in result["per_class"].values():
        assert set(row) == {"precision", "recall", "f1", "support"} and row["support"] == 5
    confusion = np.array(result["confusion"])
    assert confusion.shape == (10, 10) and confusion.sum() == 50
    assert np.trace(confusion) / 50 == pytest.approx(result["test_accuracy"])
    assert [h["epoch"] for h in result["history"]] == [1, 2]
    for h in result["history"]:
        assert {"train_loss", "train_accuracy", "val_loss", "val_accuracy"} <= set(h)


def test_train_prints_epoch_lines_summary_report_and_confusion_matrix(tiny_dir, tmp_path, capsys):
    out = tmp_path / "m.npz"
    assert cli.main(["train", *TINY, "--data-dir", str(tiny_dir), "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "epoch   1/2" in text and "epoch   2/2" in text
    assert "Total params" in text
    assert "precision" in text and "recall" in text and "f1-score" in text
    assert "confusion matrix" in text
    assert f"model saved to {out}" in text


def test_flags_override_the_preset(tiny_dir, tmp_path, capsys):
    argv = ["train", "--preset", "mnist-sigmoid-raw", "--data-dir", str(tiny_dir)]
    argv += ["--arch", "784-16-10", "--epochs", "1", "--lr", "0.002", "--eps", "1e-5"]
    argv += ["--prelu-init", "0.1", "--json"]
    assert cli.main([*argv, "--out", str(tmp_path / "m.npz")]) == 0
    config = last_json(capsys.readouterr().out)["config"]
    preset = PRESETS["mnist-sigmoid-raw"].config
    assert (config["arch"], config["epochs"], config["lr"]) == ("784-16-10", 1, 0.002)
    assert preset.eps == 1e-7 and config["eps"] == 1e-5
    assert config["prelu_init"] == 0.1
    assert (config["activation"], config["loss"], config["normalize"]) == (
        preset.activation,
        preset.loss,
        preset.normalize,
    )


def test_an_old_preset_name_trains_its_preset_and_says_its_new_name(tiny_dir, tmp_path, capsys):
    """``--preset fashion-mlp`` (the lab's net, now fashion-mlp-lab) still trains it; one line
    says the name is the shipped model's, and the --json report names the preset as it is now."""
    argv = ["train", "--preset", "fashion-mlp", "--data-dir", str(tiny_dir), "--dataset", "mnist"]
    argv += ["--epochs", "1", "--json", "--out", str(tmp_path / "m.npz")]
    assert cli.main(argv) == 0
    captured = capsys.readouterr()
    result = last_json(captured.out)
    assert result["preset"] == "fashion-mlp-lab"
    lab = PRESETS["fashion-mlp-lab"].config
    assert (result["config"]["arch"], result["config"]["batch_size"]) == (lab.arch, lab.batch_size)
    (note,) = [line for line in captured.err.splitlines() if line.startswith("nndesk: note:")]
    assert note.startswith("nndesk: note: preset 'fashion-mlp' is now called 'fashion-mlp-lab'")


def test_batch_size_full_means_one_gradient_step_per_epoch(tiny_dir, tmp_path, capsys):
    argv = ["train", *TINY, "--batch-size", "full", "--optimizer", "gd", "--lr", "0.1"]
    argv += ["--epochs", "3", "--data-dir", str(tiny_dir), "--out", str(tmp_path / "m.npz")]
    assert cli.main([*argv, "--json"]) == 0
    result = last_json(capsys.readouterr().out)
    assert result["config"]["batch_size"] == 0 and result["epochs"] == 3


def test_test_every_epoch_fills_the_test_columns_of_the_history(tiny_dir, tmp_path, capsys):
    argv = ["train", *TINY, "--test-every-epoch", "--data-dir", str(tiny_dir)]
    assert cli.main([*argv, "--out", str(tmp_path / "m.npz"), "--json"]) == 0
    history = last_json(capsys.readouterr().out)["history"]
    assert all(isinstance(h["test_accuracy"], float) for h in history)


def test_resume_continues_the_saved_history(trained, tiny_dir, tmp_path, capsys):
    model, first = trained
    argv = ["train", "--resume", str(model), "--epochs", "1", "--data-dir", str(tiny_dir)]
    assert cli.main([*argv, "--out", str(tmp_path / "again.npz"), "--json"]) == 0
    result = last_json(capsys.readouterr().out)
    assert result["epochs"] == first["epochs"] + 1
    assert [h["epoch"] for h in result["history"]] == list(range(1, first["epochs"] + 2))
    # settings not given again come from the saved run, not from the defaults
    assert result["config"]["batch_size"] == 16 and result["config"]["arch"] == "784-32-10"


def test_resume_of_a_run_stopped_in_epoch_2_of_3_finishes_its_epochs_and_says_which(
    tiny_dir, tmp_path, capsys
):
    """As the window's Continue: epochs 2 to 3, not three more (probe 33 item 9)."""
    import warnings

    from nndesk.data.sources import load_dataset
    from nndesk.training import prepare, train

    argv = ["train", *TINY, "--epochs", "3", "--data-dir", str(tiny_dir)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        session = prepare(
            cli.config_from_args(cli.build_parser().parse_args(argv)),
            dataset=load_dataset("mnist", data_dir=tiny_dir),
        )
    batches = -(-len(session.y_train) // session.config.batch_size)
    seen: list = []
    for report in train(session, should_stop=lambda: len(seen) >= batches + 1 + 2):
        seen.append(report)
    model = session.save(tmp_path / "stopped.npz")
    resume = ["train", "--resume", str(model), "--data-dir", str(tiny_dir), "--json"]
    assert cli.main([*resume, "--out", str(tmp_path / "again.npz")]) == 0
    out, err = capsys.readouterr()
    result = last_json(out)
    assert result["epochs"] == 3 and [h["epoch"] for h in result["history"]] == [1, 2, 3]
    assert "continuing: epochs 2 to 3 (1 finished before, epoch 2 part way)" in err
    assert "epoch   2/3" in err and "epoch   3/3" in err


def test_resume_reads_the_model_file_once(trained, tiny_dir, tmp_path, monkeypatch, capsys):
    from nndesk.nn import serialization

    reads: list = []
    real = serialization.load_model
    monkeypatch.setattr(serialization, "load_model", lambda p: reads.append(p) or real(p))
    argv = ["train", "--resume", str(trained[0]), "--epochs", "1", "--data-dir", str(tiny_dir)]
    assert cli.main([*argv, "--out", str(tmp_path / "again.npz"), "--json"]) == 0
    assert reads == [str(trained[0])]


def test_a_resumed_file_of_another_dataset_is_named_in_its_message(
    trained, tmp_path, tiny_idx_dir, capsys
):
    from nndesk.nn.serialization import load_model, save_model

    loaded = load_model(trained[0])
    info = dict(loaded.info, class_names=[f"kind {i}" for i in range(10)])
    other = save_model(tmp_path / "other-classes.npz", loaded.model, info, loaded.optimizer)
    argv = ["train", "--resume", str(other), "--epochs", "1", "--data-dir", str(tiny_idx_dir)]
    assert cli.main([*argv, "--out", str(tmp_path / "again.npz")]) == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]  # after the tiny folder's warning
    assert last.startswith("nndesk: error:") and str(other) in last
    assert "was trained on 'classes kind 0, kind 1, kind 2…', not MNIST (Digits)" in last


def test_a_resumed_fashion_model_names_both_datasets_as_a_person_knows_them(
    trained, tmp_path, tiny_idx_dir, capsys
):
    """walk49 D14: messages said the registry's keys ("was trained on 'fashion', not 'mnist'")
    where the window says Fashion-MNIST and MNIST, in the modes Clothing and Digits."""
    from nndesk.data.registry import FASHION
    from nndesk.nn.serialization import load_model, save_model

    loaded = load_model(trained[0])
    info = dict(loaded.info, dataset="fashion", class_names=list(FASHION.class_names))
    other = save_model(tmp_path / "fashion.npz", loaded.model, info, loaded.optimizer)
    argv = ["train", "--resume", str(other), "--epochs", "1", "--data-dir", str(tiny_idx_dir)]
    assert cli.main([*argv, "--dataset", "mnist", "--out", str(tmp_path / "again.npz")]) == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.endswith("was trained on Fashion-MNIST (Clothing), not MNIST (Digits)"), last


def test_resume_never_reads_a_folder_named_inside_the_model_file(
    trained, tiny_dir, tmp_path, capsys
):
    from nndesk.nn.serialization import load_model, save_model

    loaded = load_model(trained[0])
    info = dict(
        loaded.info, config=dict(loaded.info["config"], dataset=str(tmp_path / "elsewhere"))
    )
    edited = save_model(tmp_path / "names-a-folder.npz", loaded.model, info, loaded.optimizer)
    argv = ["train", "--resume", str(edited), "--epochs", "1", "--data-dir", str(tiny_dir)]
    assert cli.main([*argv, "--out", str(tmp_path / "again.npz")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--dataset FOLDER" in err[0] and "elsewhere" not in err[0]
    assert not (tmp_path / "again.npz").exists()


def test_a_diverging_run_exits_1_with_one_line_and_saves_nothing(tiny_dir, tmp_path, capsys):
    out = tmp_path / "m.npz"
    argv = ["train", *TINY, "--optimizer", "sgd", "--lr", "1e30", "--data-dir", str(tiny_dir)]
    assert cli.main([*argv, "--out", str(out)]) == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if "error" in line]
    assert len(errors) == 1 and "diverged" in errors[0] and "lower learning rate" in errors[0]
    assert not out.exists()


def test_evaluate_json_reproduces_the_training_report(trained, tiny_dir, capsys):
    model, trained_result = trained
    assert cli.main(["evaluate", str(model), "--data-dir", str(tiny_dir), "--json"]) == 0
    captured = capsys.readouterr()
    result = last_json(captured.out)
    assert len(captured.out.strip().splitlines()) == 1
    assert JSON_KEYS - {"seconds"} <= set(result)
    assert result["test_accuracy"] == pytest.approx(trained_result["test_accuracy"])
    assert result["test_loss"] == pytest.approx(trained_result["test_loss"], rel=1e-5)
    assert result["confusion"] == trained_result["confusion"]
    assert result["epochs"] == 4
    # the report is in the JSON; stderr keeps only warnings (here: the tiny files are not MNIST's)
    assert all(line.startswith("nndesk: warning:") for line in captured.err.splitlines())


def test_train_json_keeps_stderr_to_short_progress_lines(tiny_dir, tmp_path, capsys):
    out = tmp_path / "quiet.npz"
    argv = ["train", *TINY, "--data-dir", str(tiny_dir), "--out", str(out), "--json"]
    assert cli.main(argv) == 0
    captured = capsys.readouterr()
    assert "confusion matrix" not in captured.err and "f1-score" not in captured.err
    assert len(captured.err.splitlines()) < 15  # warning, header, a few lines per epoch, save
    assert last_json(captured.out)["test_accuracy"] is not None


def test_the_cli_confusion_matrix_names_every_fashion_class_in_full():
    import numpy as np

    from nndesk.cli import format_confusion
    from nndesk.data.registry import DATASETS

    names = DATASETS["fashion"].class_names
    text = format_confusion(np.eye(10, dtype=int) * 1000, names)
    rows = text.splitlines()[1:11]
    assert [row.split("  ")[0].strip() for row in rows] == list(names)


def test_long_folder_class_names_are_shortened_only_while_they_stay_distinct():
    import numpy as np

    from nndesk.cli import format_confusion

    distinct = ["a_very_long_class_name_one", "another_quite_long_class_name"]
    rows = format_confusion(np.eye(2, dtype=int), distinct).splitlines()[1:3]
    assert all(len(row.split()[0]) <= 16 for row in rows)
    alike = ["a_very_long_class_name_one", "a_very_long_class_name_two"]
    rows = format_confusion(np.eye(2, dtype=int), alike).splitlines()[1:3]
    assert [row.split()[0] for row in rows] == alike


def test_evaluate_without_a_model_evaluates_predicts_default_and_says_so_on_stderr(
    trained, tiny_dir, tmp_path, monkeypatch, capsys
):
    """walk59 D12: `nndesk evaluate --json` was "the following arguments are required: MODEL"
    where `predict IMAGE` reads with mnist-cnn. It evaluates the same default (mnist-mlp when
    that file is damaged, as predict does), says which on stderr, and --json's keys stay."""
    from nndesk import models

    model, trained_result = trained
    weights = tmp_path / "weights"
    weights.mkdir()
    shipped = {"mnist-cnn": weights / "mnist-cnn.npz", "mnist-mlp": weights / "mnist-mlp.npz"}
    for path in shipped.values():
        path.write_bytes(model.read_bytes())
    monkeypatch.setattr(models, "shipped_model_files", lambda *a: dict(shipped))
    monkeypatch.chdir(tmp_path)
    assert cli.main(["evaluate", "--data-dir", str(tiny_dir), "--json"]) == 0
    out, err = capsys.readouterr()
    (line,) = out.splitlines()
    result = json.loads(line)
    assert JSON_KEYS - {"seconds"} <= set(result) and result["model"] == str(shipped["mnist-cnn"])
    assert result["confusion"] == trained_result["confusion"]
    notes = [line for line in err.splitlines() if not line.startswith("nndesk: warning:")]
    assert notes == [
        "nndesk: no model named, so mnist-cnn is evaluated on MNIST (another model: nndesk "
        "evaluate MODEL, e.g. fashion-cnn)"
    ]
    shipped["mnist-cnn"].write_bytes(model.read_bytes()[:300])  # damaged: mnist-mlp instead
    assert cli.main(["evaluate", "--data-dir", str(tiny_dir)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"{shipped['mnist-mlp']}: ")
    (note,) = [line for line in err.splitlines() if "mnist-mlp" in line]
    assert note.startswith(f"nndesk: {shipped['mnist-cnn']}: ") and "mnist-mlp is evaluated" in note
    shipped["mnist-mlp"].write_bytes(b"")  # neither reads: one line and the way out
    assert cli.main(["evaluate", "--data-dir", str(tiny_dir), "--json"]) == 2
    out, err = capsys.readouterr()
    (line,) = err.splitlines()
    assert out == "" and "name a model: nndesk evaluate MODEL" in line
    # an image folder: no shipped model has its classes, so the model is asked for
    assert cli.main(["evaluate", "--dataset", str(tmp_path)]) == 2
    assert "name the model to evaluate on" in capsys.readouterr().err


def test_evaluate_prints_the_report(trained, tiny_dir, capsys):
    model, _ = trained
    assert cli.main(["evaluate", str(model), "--data-dir", str(tiny_dir)]) == 0
    text = capsys.readouterr().out
    assert "test accuracy" in text and "f1-score" in text and "confusion matrix" in text


def test_evaluate_needs_only_the_two_test_files_and_names_the_dataset(
    trained, tiny_dir, tmp_path, capsys
):
    model, trained_result = trained
    folder = tmp_path / "only-test"
    folder.mkdir()
    for name in ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
        (folder / name).write_bytes((tiny_dir / name).read_bytes())
    assert cli.main(["evaluate", str(model), "--data-dir", str(folder)]) == 0
    assert f"{model}: MNIST, 50 test images" in capsys.readouterr().out
    assert cli.main(["evaluate", str(model), "--data-dir", str(folder), "--json"]) == 0
    result = last_json(capsys.readouterr().out)
    assert JSON_KEYS - {"seconds"} <= set(result) and result["dataset"] == "mnist"
    assert result["confusion"] == trained_result["confusion"]


def test_evaluate_without_the_test_files_is_one_line_naming_one(trained, tmp_path, capsys):
    model, _ = trained
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli.main(["evaluate", str(model), "--data-dir", str(empty)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "MNIST's t10k-images-idx3-ubyte.gz" in err[0]
    assert f"nndesk download mnist --dest {empty}" in err[0] and "Traceback" not in err[0]


def _blob_png(path: Path, label: int, light_background: bool) -> Path:
    """A 280x280 picture of a tiny-dataset image, scaled up like a drawing."""
    rng = np.random.default_rng(label)
    image = make_blob_images(np.array([label]), rng)[0]
    big = np.kron(image, np.ones((10, 10), dtype=np.uint8))
    if light_background:
        big = 255 - big
    Image.fromarray(big).save(path)
    return path


def test_predict_json_gives_one_object_per_image(trained, tmp_path, capsys):
    model, _ = trained
    files = [_blob_png(tmp_path / f"{k}.png", k, light_background=False) for k in (1, 7)]
    assert cli.main(["predict", str(model), *map(str, files), "--json"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2
    for line, path in zip(lines, files, strict=True):
        result = json.loads(line)
        assert set(result) == PREDICT_JSON_KEYS
        assert result["file"] == str(path)
        probs = np.array(result["probabilities"])
        assert probs.shape == (10,) and probs.sum() == pytest.approx(1.0, abs=1e-5)
        assert result["label"] == int(np.argmax(probs)) and result["class"] == str(result["label"])


def test_predict_treats_light_and_dark_backgrounds_alike(trained, tmp_path, capsys):
    model, _ = trained
    dark = _blob_png(tmp_path / "dark.png", 3, light_background=False)
    light = _blob_png(tmp_path / "light.png", 3, light_background=True)
    assert cli.main(["predict", str(model), str(dark), str(light), "--json"]) == 0
    a, b = (json.loads(line) for line in capsys.readouterr().out.strip().splitlines())
    assert a["label"] == b["label"]
    np.testing.assert_allclose(a["probabilities"], b["probabilities"], atol=0.02)


def test_predict_prints_class_and_probability(trained, tmp_path, capsys):
    model, _ = trained
    path = _blob_png(tmp_path / "x.png", 5, light_background=False)
    assert cli.main(["predict", str(model), str(path)]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"{path}: ") and line.endswith("%)")


def test_presets_lists_one_line_per_preset(capsys):
    assert cli.main(["presets"]) == 0
    header, *lines, footnote, renamed = capsys.readouterr().out.strip().splitlines()
    assert header.split()[:2] == ["preset", "dataset"] and footnote.startswith("ours:")
    assert renamed.startswith("fashion-mlp, fashion-cnn and mnist-cnn name shipped models")
    assert len(lines) == len(PRESETS)
    assert [line.split()[0] for line in lines] == list(PRESETS)


def test_the_presets_figures_say_which_blas_kernels_gave_them(capsys):
    """walk54 D4: mnist-gd's 84.6 % ("seed 0, one BLAS thread") is 86.04 % on an AVX-512 Xeon,
    whose OpenBLAS uses other kernels; the footnote said "here" as if it held everywhere."""
    assert cli.main(["presets"]) == 0
    footnote = capsys.readouterr().out.strip().splitlines()[-2]
    assert "Haswell kernels" in footnote and "mnist-gd 86.0 % with AVX-512" in footnote


def _bad_input_cases(tiny_dir: Path, tmp_path: Path, model: Path) -> dict[str, list[str]]:
    corrupt = tmp_path / "corrupt.npz"
    corrupt.write_bytes(b"PK\x03\x04 this is not a model")
    truncated = tmp_path / "truncated.npz"
    truncated.write_bytes(model.read_bytes()[:200])
    return {
        "missing data dir": ["train", *TINY, "--data-dir", str(tmp_path / "nowhere")],
        "unknown preset": ["train", "--preset", "fashoin-mlp", "--data-dir", str(tiny_dir)],
        "corrupt model": ["evaluate", str(corrupt), "--data-dir", str(tiny_dir)],
        "truncated model": ["predict", str(truncated), str(tmp_path / "x.png")],
        "missing model": ["evaluate", str(tmp_path / "none.npz")],
        "missing image": ["predict", str(model), str(tmp_path / "none.png")],
        "bad arch": ["train", "--arch", "784-6x-10", "--data-dir", str(tiny_dir)],
        "wrong class count": ["train", *TINY, "--arch", "784-8-3", "--data-dir", str(tiny_dir)],
        "bad flag value": ["train", "--batch-size", "zero"],
        "bad choice": ["train", "--optimizer", "adamax"],
        "zero eps": ["train", "--eps", "0"],
        "eps above 1": ["train", "--eps", "2", "--data-dir", str(tiny_dir)],
        "ce with sigmoid": ["train", "--output-activation", "sigmoid", "--loss", "ce"],
        # verify68 #3: full-batch gradient descent with batches trained 900 a epoch under its name
        "gd with batches": ["train", "--optimizer", "gd", "--batch-size", "60"],
        "unknown dataset": ["train", "--dataset", "cifar", "--data-dir", str(tiny_dir)],
        "unknown command": ["fly"],
        "unknown download": ["download", "cifar", "--dest", str(tmp_path)],
    }


CASES = [
    "missing data dir",
    "unknown preset",
    "corrupt model",
    "truncated model",
    "missing model",
    "missing image",
    "bad arch",
    "wrong class count",
    "bad flag value",
    "bad choice",
    "zero eps",
    "eps above 1",
    "ce with sigmoid",
    "gd with batches",
    "unknown dataset",
    "unknown command",
    "unknown download",
]


@pytest.mark.parametrize("case", CASES)
def test_bad_input_exits_2_with_one_line_on_stderr_and_no_traceback(
    case, trained, tiny_dir, tmp_path, capsys
):
    argv = _bad_input_cases(tiny_dir, tmp_path, trained[0])[case]
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if "warning" not in line]
    assert len(errors) == 1, err
    assert "error" in errors[0] and "Traceback" not in err


def test_the_unknown_preset_message_suggests_the_right_name(capsys):
    assert cli.main(["train", "--preset", "fashoin-mlp"]) == 2
    assert "fashion-mlp" in capsys.readouterr().err


def test_an_unexpected_error_is_one_line_and_exit_1_unless_debug(monkeypatch, capsys):
    def boom(args):
        raise RuntimeError("something nobody planned for")

    monkeypatch.setattr(listing, "cmd_presets", boom)
    assert cli.main(["presets"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "something nobody planned for" in err[0] and "--debug" in err[0]
    with pytest.raises(RuntimeError):
        cli.main(["--debug", "presets"])


def test_the_real_command_exits_2_on_bad_input_without_a_traceback(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "nndesk", "evaluate", str(tmp_path / "missing.npz")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    assert "missing.npz" in proc.stderr


def test_download_reports_progress_per_file_and_prints_the_folder(monkeypatch, tmp_path, capsys):
    import nndesk.data

    calls = []

    def fake_download(name, dest=None, progress=None, mirror=None):
        calls.append((name, dest))
        for done in (0, 500, 1000):
            progress("train-images-idx3-ubyte.gz", done, 1000)
        progress("train-labels-idx1-ubyte.gz", 10, None)  # a server that sends no length
        return tmp_path

    monkeypatch.setattr(nndesk.data, "download_dataset", fake_download)
    assert cli.main(["download", "mnist", "--dest", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert calls == [("mnist", str(tmp_path))]
    assert captured.out.strip() == str(tmp_path)
    assert "train-images-idx3-ubyte.gz" in captured.err and "train-labels" in captured.err


@pytest.mark.parametrize(
    "argv, folder",
    [
        (["--data-dir", "{top}", "download", "mnist"], "top"),  # the help: "any command below"
        (["--data-dir", "{top}", "download", "mnist", "--dest", "{dest}"], "dest"),
        (["download", "mnist"], None),  # the cache
    ],
)
def test_the_top_level_data_dir_is_where_download_stores(argv, folder, monkeypatch, tmp_path):
    """mirror47: `nndesk --data-dir DIR download mnist` downloaded into the cache and printed
    its path, though --data-dir says it serves any command below."""
    import nndesk.data

    calls = []
    monkeypatch.setattr(
        nndesk.data,
        "download_dataset",
        lambda name, dest=None, progress=None, mirror=None: calls.append(dest) or tmp_path,
    )
    places = {"top": str(tmp_path / "top"), "dest": str(tmp_path / "dest")}
    assert cli.main([arg.format(**places) for arg in argv]) == 0
    assert calls == [places.get(folder)]


def test_ctrl_c_stops_training_after_the_batch_and_still_saves_the_model(tiny_dir, tmp_path):
    out = tmp_path / "stopped.npz"
    argv = [sys.executable, "-m", "nndesk", "train", *TINY, "--epochs", "100000"]
    argv += ["--data-dir", str(tiny_dir), "--out", str(out)]
    proc = subprocess.Popen(
        argv,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=as_a_shell_starts_it,  # Ctrl-C not ignored under a test run in the background
    )
    try:
        for line in proc.stdout:  # wait until training is under way
            if line.startswith("epoch"):
                break
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 0, stderr
    assert "stopped by request" in stdout and "Traceback" not in stderr
    assert out.is_file()


def test_predict_checks_every_path_first_and_names_what_is_wrong_in_one_line(
    trained, tmp_path, capsys
):
    """walk52 D21: answers were printed for the good files, then a line per bad one; bad input
    is one line, exit 2, and nothing on stdout."""
    model, _ = trained
    good = _blob_png(tmp_path / "x.png", 5, light_background=False)
    (tmp_path / "folder").mkdir()
    (tmp_path / "empty.png").write_bytes(b"")
    paths = [tmp_path / "folder", tmp_path / "missing.png", tmp_path / "empty.png", good]
    assert cli.main(["predict", str(model), *map(str, paths)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"nndesk: error: {tmp_path / 'folder'}: a folder, not an image file (and 2 more that "
        f"cannot be read: {tmp_path / 'missing.png'}, {tmp_path / 'empty.png'}); nothing was "
        "classified"
    ]


@pytest.mark.parametrize(
    "command",
    [None, "download", "train", "evaluate", "calibrate", "predict", "presets", "export-script",
     "models"],
)  # fmt: skip
def test_every_commands_help_prints_and_exits_0(command, capsys):
    """Every usage error says "see `nndesk ... --help`": that help must never crash."""
    assert cli.main([command, "--help"] if command else ["--help"]) == 0
    assert "usage:" in capsys.readouterr().out


def test_an_old_format_model_file_works_with_a_warning_that_its_header_is_unchecked(
    trained, tmp_path, capsys
):
    """Probe 15: a file relabelled format 1 (digest over the arrays only) with an edited
    header loaded without a word; it still works, but the user is told its header is not
    covered, on stderr so --json stays clean."""
    from tests.conftest import as_format_1

    model, _ = trained
    old = as_format_1(model, tmp_path / "old.npz")
    image = _blob_png(tmp_path / "7.png", 7, light_background=False)
    assert cli.main(["predict", str(old), str(image), "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["file"] == str(image)  # stdout: the JSON alone
    assert err == f"nndesk: warning: {unchecked_header_warning(old)}\n"
    assert cli.main(["predict", str(model), str(image)]) == 0
    assert "warning" not in capsys.readouterr().err  # a current file: nothing to say


@pytest.mark.parametrize(
    "command", ["evaluate", "train --resume", "export-script", "calibrate", "models"]
)
def test_every_command_reading_an_old_format_model_file_warns_once(
    command, trained, tiny_dir, tmp_path, capsys
):
    """Probe 33 F1: only predict and evaluate warned; train --resume, export-script,
    calibrate and models read the same file silently. The warning comes from the loader,
    so each says it, once (train --resume reads the file twice)."""
    from nndesk.paths import runs_dir
    from tests.conftest import as_format_1

    model, _ = trained
    old = as_format_1(model, tmp_path / "old.npz")
    data = ["--data-dir", str(tiny_dir)]
    argv = {
        "evaluate": ["evaluate", str(old), *data],
        "train --resume": ["train", "--resume", str(old), "--epochs", "1", *data]
        + ["--out", str(tmp_path / "again.npz")],
        "export-script": ["export-script", str(old), "-o", str(tmp_path / "lab.py")],
        "calibrate": ["calibrate", str(old), "-o", str(tmp_path / "cal.npz"), *data],
        "models": ["models"],
    }[command]
    if command == "models":  # a saved model the listing finds among the runs
        run = runs_dir() / "old-run"
        run.mkdir(parents=True)
        old = as_format_1(model, run / "model.npz")
    assert cli.main(argv) == 0
    err = capsys.readouterr().err
    assert err.count(f"nndesk: warning: {unchecked_header_warning(old)}\n") == 1


@pytest.mark.parametrize("kind", ["pipe", "device"])
def test_a_pipe_or_device_given_as_a_file_is_named_for_what_it_is(kind, trained, tmp_path, capsys):
    """Probe 33 F5: a named pipe, a link to /dev/zero were "no such file"; they are said to be
    not regular files, as the model or as an image, and nothing waits on the pipe's writer."""
    import os

    model, _ = trained
    odd = tmp_path / ("odd.npz" if kind == "pipe" else "zero.png")
    if kind == "pipe":
        os.mkfifo(odd)
    else:
        odd.symlink_to("/dev/zero")
    line = f"nndesk: error: {odd}: not a regular file (a {kind})\n"
    image = _blob_png(tmp_path / "7.png", 7, light_background=False)
    assert cli.main(["predict", str(odd), str(image)]) == 2
    assert capsys.readouterr().err == line
    assert cli.main(["predict", str(model), str(odd), str(image)]) == 2
    out, err = capsys.readouterr()  # every image is read first: nothing printed (walk52 D21)
    assert err == f"{line.rstrip()}; nothing was classified\n" and out == ""


def test_the_dataset_names_in_the_help_are_the_registrys(monkeypatch, capsys):
    from nndesk.data.registry import DATASETS

    monkeypatch.setitem(DATASETS, "kmnist", DATASETS["mnist"])
    for argv, named in [
        (["download", "--help"], "mnist or fashion or kmnist"),
        (["evaluate", "--help"], "--dataset mnist|fashion|kmnist|FOLDER"),
        (["calibrate", "--help"], "--dataset mnist|fashion|kmnist|FOLDER"),
    ]:
        assert cli.main(argv) == 0
        assert named in capsys.readouterr().out, argv


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        ("Cannot download MNIST: offline.", "cannot download MNIST: offline."),
        ("MNIST's file is missing", "MNIST's file is missing"),
        ("Fashion-MNIST's t10k file is damaged", "Fashion-MNIST's t10k file is damaged"),
        ("/data/x.gz: cannot read", "/data/x.gz: cannot read"),
        ("Keras's notebook", "Keras's notebook"),
    ],
)
def test_an_error_line_goes_on_in_lower_case_and_names_keep_their_capitals(message, shown):
    assert output.lower_first_word(message) == shown


def test_version_prints_the_installed_version_and_exits_0(capsys):
    from importlib import metadata

    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"nndesk {metadata.version('nndesk')}"


def test_the_version_falls_back_to_the_source_trees_number_when_nndesk_is_not_installed(
    monkeypatch,
):
    from importlib import metadata

    import nndesk
    from nndesk.version import nndesk_version

    def not_installed(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", not_installed)
    assert nndesk_version() == nndesk.__version__


def test_predict_says_not_sure_below_the_windows_threshold_as_the_window_does(
    tiny_model_file, tmp_path, capsys
):
    """walk48 D10: `nndesk predict` printed "Sandal (44.3%)" where the window says "Not sure"
    (calibrated top probability under 60 %). The line says it with the two best guesses;
    --json keeps its keys and adds ``not_sure``; --not-sure 0 never says it, as in the window."""
    path = _blob_png(tmp_path / "x.png", 5, light_background=False)
    assert cli.main(["predict", str(tiny_model_file), str(path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    probs = np.array(result["probabilities"])
    assert probs.max() < 0.6  # an untrained network: sure of nothing
    assert set(result) == PREDICT_JSON_KEYS
    assert result["not_sure"] is True and result["class"] == str(int(np.argmax(probs)))
    assert cli.main(["predict", str(tiny_model_file), str(path)]) == 0
    line = capsys.readouterr().out.strip()
    first, second = np.argsort(probs)[::-1][:2]
    assert line == (
        f"{path}: Not sure: {first} ({probs[first]:.1%}) or {second} ({probs[second]:.1%})"
    )
    assert cli.main(["predict", str(tiny_model_file), str(path), "--not-sure", "0"]) == 0
    assert capsys.readouterr().out.strip() == f"{path}: {first} ({probs[first]:.1%})"


def test_predict_with_the_image_first_says_the_model_comes_first(tiny_model_file, tmp_path, capsys):
    """walk48 D10: `nndesk predict seven.png mnist-cnn` said only "seven.png: not an nndesk
    model file"."""
    path = _blob_png(tmp_path / "seven.png", 7, light_background=False)
    assert cli.main(["predict", str(path), str(tiny_model_file)]) == 2
    err = capsys.readouterr().err
    assert err.count("nndesk: error:") == 1 and "Traceback" not in err
    assert "not an nndesk model file" in err and "the model comes first" in err


def test_every_argument_of_every_command_says_what_it_is():
    """walk49 D13: `predict --help` showed IMAGE bare, and `evaluate` / `calibrate` --json
    had no text while `models` and `predict` explained theirs."""
    import argparse

    from nndesk.cli.args import build_parser

    parser = build_parser()
    (commands,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    bare = [
        f"{name} {action.dest}"
        for name, sub in commands.choices.items()
        for action in sub._actions
        if not isinstance(action, argparse._HelpAction) and not (action.help or "").strip()
    ]
    assert bare == []


def test_presets_json_gives_one_object_per_preset_with_its_settings(capsys):
    """walk49 D13: `models` had --json, the other listing (`presets`) had none."""
    from nndesk.training import TrainConfig

    assert cli.main(["presets", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.strip().splitlines()]
    assert [row["name"] for row in rows] == list(PRESETS)
    for row in rows:
        preset = PRESETS[row["name"]]
        assert row["dataset"] == preset.config.dataset
        assert row["arch"] == preset.config.arch
        assert row["description"] == preset.description
        assert row["test_accuracy"] == preset.measured_accuracy
        assert row["lab_accuracy"] == preset.lab_accuracy
        # the settings are a TrainConfig's own, so they can be trained from as they are
        assert TrainConfig.from_dict(row["settings"]) == preset.config


def test_predict_says_a_sigmoid_outputs_scores_are_each_classs_own(tiny_dir, tmp_path, capsys):
    """walk49 D16: a sigmoid model's 7 read 86.6 % beside a 3 at 35.7 %: its percentages add
    up to more than 100 %. predict says so, in the window's words, and --json has a key."""
    out = tmp_path / "sigmoid.npz"
    argv = ["train", *TINY, "--output-activation", "sigmoid", "--loss", "bce"]
    assert cli.main([*argv, "--epochs", "1", "--data-dir", str(tiny_dir), "--out", str(out)]) == 0
    image = _blob_png(tmp_path / "7.png", 7, light_background=False)
    capsys.readouterr()
    assert cli.main(["predict", str(out), str(image), "--json"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["independent_scores"] is True
    assert cli.main(["predict", str(out), str(image), "--not-sure", "0"]) == 0
    assert capsys.readouterr().out.strip().endswith("%; independent scores)")
    assert cli.main(["predict", str(out), str(image), "--not-sure", "99"]) == 0
    line = capsys.readouterr().out.strip()
    assert "Not sure:" in line and line.endswith("; independent scores")


def test_predict_json_says_a_softmax_outputs_probabilities_are_shares(trained, tmp_path, capsys):
    model, _ = trained
    image = _blob_png(tmp_path / "7.png", 7, light_background=False)
    assert cli.main(["predict", str(model), str(image), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["independent_scores"] is False
    assert cli.main(["predict", str(model), str(image), "--not-sure", "0"]) == 0
    assert "independent scores" not in capsys.readouterr().out


def test_predict_with_only_images_reads_them_with_the_default_model(tmp_path, capsys):
    """walk50 D4: `nndesk predict my.png --json` took the image as the model and said IMAGE
    was missing. Only images named: each is read by mnist-cnn, with the same --json keys and
    the same answer as naming mnist-cnn; a note on stderr says which model read them."""
    first = _blob_png(tmp_path / "one.png", 7, light_background=False)
    second = _blob_png(tmp_path / "two.png", 3, light_background=True)
    assert cli.main(["predict", str(first), str(second), "--json"]) == 0
    out, err = capsys.readouterr()
    alone = [json.loads(line) for line in out.splitlines()]
    assert "mnist-cnn" in err and "Traceback" not in err
    assert cli.main(["predict", "mnist-cnn", str(first), str(second), "--json"]) == 0
    named = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert alone == named and [r["file"] for r in alone] == [str(first), str(second)]
    assert set(alone[0]) == {
        "file",
        "label",
        "class",
        "probabilities",
        "not_sure",
        "independent_scores",
    }


def test_predict_with_only_a_model_asks_for_an_image(capsys):
    assert cli.main(["predict", "mnist-cnn"]) == 2
    err = capsys.readouterr().err
    assert err.count("nndesk: error:") == 1 and "name an image after the model" in err


def test_a_flag_that_is_not_a_number_is_answered_with_a_number_like_its_own(capsys):
    """walk50 D13: `--lr abc` said "expected a number in digits 0-9"; a learning rate is 0.001."""
    for flag, example in (("--lr", "such as 0.001"), ("--epochs", "a whole number such as")):
        assert cli.main(["train", flag, "abc"]) == 2
        err = capsys.readouterr().err
        assert example in err and "digits 0-9" not in err and err.count("\n") == 1


def test_train_draws_no_progress_bar_into_a_stderr_that_is_not_a_terminal(
    tiny_dir, tmp_path, capsys
):
    """walk50 D11: `nndesk train … 2>file` filled the file with ~100 \\r-separated tqdm
    frames. Off a terminal the bar is not drawn; the epoch lines stay."""
    out = tmp_path / "m.npz"
    argv = ["train", *TINY, "--data-dir", str(tiny_dir), "--out", str(out), "--json"]
    assert cli.main(argv) == 0
    err = capsys.readouterr().err
    assert not sys.stderr.isatty()
    assert "\r" not in err and "batch/s" not in err and "%|" not in err
    assert "epoch   1/2" in err


def test_predict_with_only_a_bad_image_says_one_line(tmp_path, capsys):
    """walk51 D11: `nndesk predict notimage.png` printed the note "no model named, so
    mnist-cnn reads…" and then the error: bad input is one line, exit 2."""
    text = tmp_path / "notimage.png"
    text.write_text("not an image", encoding="utf-8")
    for path in (text, tmp_path / "missing.png"):
        assert cli.main(["predict", str(path)]) == 2
        out, err = capsys.readouterr()
        assert out == "" and len(err.splitlines()) == 1, err
        assert err.startswith(f"nndesk: error: {path}: ")


def test_predict_keep_going_answers_every_readable_image_and_names_each_bad_one(tmp_path, capsys):
    """walk59: a teacher grading 30 submissions lost every answer to one text file named .png.
    With --keep-going each readable image is answered in its place, each bad one is one line
    (an object with its error in --json), and the exit status still says something was bad."""
    good = _blob_png(tmp_path / "seven.png", 7, light_background=False)
    bad = tmp_path / "bai nop.png"
    bad.write_text("not an image", encoding="utf-8")
    other = _blob_png(tmp_path / "again.png", 7, light_background=False)
    images = list(map(str, (good, bad, other)))
    assert cli.main(["predict", *images, "--json", "--keep-going"]) == 2
    out, err = capsys.readouterr()
    answers = [json.loads(line) for line in out.splitlines()]
    assert [a["file"] for a in answers] == images
    assert {"label", "class", "probabilities"} <= set(answers[0]) & set(answers[2])
    assert set(answers[1]) == {"file", "error"} and "not an image" in answers[1]["error"]
    assert "error" not in err
    assert cli.main(["predict", *images, "--keep-going"]) == 2
    out, err = capsys.readouterr()
    assert [line.split(":")[0] for line in out.splitlines()] == [str(good), str(other)]
    (line,) = [line for line in err.splitlines() if "error" in line]
    assert line.startswith(f"nndesk: error: {bad}: ") and "nothing was classified" not in line
    assert cli.main(["predict", str(good), str(other), "--keep-going"]) == 0


def test_predict_with_a_good_and_a_bad_image_prints_one_error_line_and_no_answer(tmp_path, capsys):
    """walk52 D21 (walk51 #11): `predict seven.png notimage.png --json` printed seven's JSON,
    the note naming the default model, then the error. Every input is checked first: one
    error line, exit 2, no answer and no note for a run that classified nothing."""
    good = _blob_png(tmp_path / "seven.png", 7, light_background=False)
    bad = tmp_path / "notimage.png"
    bad.write_text("not an image", encoding="utf-8")
    for images in ([good, bad], [bad, good]):
        assert cli.main(["predict", *map(str, images), "--json"]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        (line,) = err.splitlines()
        assert line.startswith(f"nndesk: error: {bad}: ") and "nothing was classified" in line
    assert cli.main(["predict", str(good), "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["file"] == str(good)
    assert err.splitlines() == [
        "nndesk: no model named, so mnist-cnn reads the images as digits (for clothing: nndesk "
        "predict fashion-cnn IMAGE...)"
    ]


def test_predict_with_a_damaged_default_model_reads_with_mnist_mlp_and_says_so(
    tmp_path, tiny_model_file, monkeypatch, capsys
):
    """walk52 D11c: with mnist-cnn.npz cut short the window used mnist-mlp and said so; the CLI
    failed with the damage alone. It falls back the same way, and says why in its note."""
    from nndesk import models

    weights = tmp_path / "weights"
    weights.mkdir()
    damaged = weights / "mnist-cnn.npz"
    damaged.write_bytes(tiny_model_file.read_bytes()[:300])
    fallback = weights / "mnist-mlp.npz"
    fallback.write_bytes(tiny_model_file.read_bytes())
    shipped = {"mnist-cnn": damaged, "mnist-mlp": fallback}
    monkeypatch.setattr(models, "shipped_model_files", lambda *a: dict(shipped))
    monkeypatch.chdir(tmp_path)
    good = _blob_png(tmp_path / "seven.png", 7, light_background=False)
    assert cli.main(["predict", str(good), "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["file"] == str(good)
    (note,) = err.splitlines()
    assert note.startswith(f"nndesk: {damaged}: ") and "mnist-mlp reads the images" in note
    # neither readable: one line, the damage and the way out
    fallback.write_bytes(b"")
    assert cli.main(["predict", str(good)]) == 2
    out, err = capsys.readouterr()
    (line,) = err.splitlines()
    assert out == "" and str(damaged) in line and "nndesk predict MODEL IMAGE" in line


def test_version_json_is_one_json_object(capsys):
    """walk52 D20: `nndesk --version --json` printed plain text."""
    from importlib import metadata

    for argv in (["--version", "--json"], ["--json", "--version"]):
        assert cli.main(argv) == 0
        assert json.loads(capsys.readouterr().out) == {"version": metadata.version("nndesk")}
    assert cli.main(["--json"]) == 2  # alone it is a slip: one line, not the window
    assert "--json goes with --version" in capsys.readouterr().err


def test_download_json_ends_stdout_with_the_folder_and_whether_it_downloaded(
    monkeypatch, tmp_path, capsys
):
    """walk52 D20: `download --json` was "unrecognized arguments"."""
    import nndesk.data

    monkeypatch.setattr(
        nndesk.data, "download_dataset", lambda name, dest=None, progress=None, mirror=None: dest
    )
    assert cli.main(["download", "mnist", "--dest", str(tmp_path), "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == {"dataset": "mnist", "path": str(tmp_path), "downloaded": True}
    assert str(tmp_path) in err  # the plain line goes to stderr, as calibrate --json's does


def test_export_script_json_names_the_file_and_how_to_run_it(tmp_path, capsys):
    """walk52 D20: `export-script --json` was "unrecognized arguments"."""
    out = tmp_path / "lab.py"
    argv = ["export-script", "--preset", "fashion-mlp-lab", "-o", str(out), "--json"]
    assert cli.main(argv) == 0
    stdout, stderr = capsys.readouterr()
    assert json.loads(stdout) == {
        "path": str(out),
        "kind": "script",
        "source": "--preset fashion-mlp-lab",
        "language": "en",
        "run": f"python {out} --data-dir DIR",
    }
    assert f"wrote {out}" in stderr and out.is_file()
    notebook = tmp_path / "lab.ipynb"
    assert cli.main([*argv[:4], str(notebook), "--json", "--lang", "vi"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["kind"] == "notebook" and payload["run"] is None and payload["language"] == "vi"


def test_export_scripts_run_command_can_be_pasted_for_a_path_with_spaces(tmp_path, capsys):
    """walk59: "run it with: python bài lab 1.py --data-dir DIR" pasted ran the file "bài"."""
    import shlex

    out = tmp_path / "bài lab 1.py"
    argv = ["export-script", "--preset", "fashion-mlp-lab", "-o", str(out), "--json"]
    assert cli.main(argv) == 0
    stdout, stderr = capsys.readouterr()
    run = json.loads(stdout)["run"]
    assert shlex.split(run) == ["python", str(out), "--data-dir", "DIR"]
    assert f"run it with: {run}" in stderr


def test_resume_of_a_finished_cosine_run_says_the_schedule_spreads_over_all_epochs(
    tiny_dir, tmp_path, capsys
):
    """walk54 D6: the continued run's first epoch trains well above the rate the run ended
    with (the schedule spreads over all the epochs); the CLI says so and at what rate."""
    first = tmp_path / "first.npz"
    argv = ["train", *TINY, "--epochs", "2", "--lr", "0.004", "--schedule", "cosine"]
    assert cli.main([*argv, "--data-dir", str(tiny_dir), "--out", str(first)]) == 0
    capsys.readouterr()
    resume = ["train", "--resume", str(first), "--epochs", "2", "--data-dir", str(tiny_dir)]
    assert cli.main([*resume, "--out", str(tmp_path / "again.npz")]) == 0
    out = capsys.readouterr().out
    assert "continuing: epochs 3 to 4 (2 finished before)" in out
    assert "cosine schedule over epochs 1-4: epoch 3 trains at lr 0.002" in out


def test_export_script_of_a_cnn_says_an_epoch_is_slow_in_plain_numpy(tmp_path, capsys):
    """walk54 D8: the exported fashion-cnn-lab script took 16 min an epoch (the app 30 s) and
    nothing said so; an MLP's export says nothing of it."""
    out = tmp_path / "cnn.py"
    assert cli.main(["export-script", "--preset", "fashion-cnn-lab", "-o", str(out)]) == 0
    assert "try --epochs 1 --limit 1000 first" in capsys.readouterr().out
    mlp = tmp_path / "mlp.py"
    assert cli.main(["export-script", "--preset", "fashion-mlp-lab", "-o", str(mlp)]) == 0
    assert "try --epochs 1" not in capsys.readouterr().out


def test_a_batch_larger_than_the_training_set_is_said_in_one_line_and_trains(
    tiny_dir, tmp_path, capsys
):
    """lab56 D5: a typo'd --batch-size 1000000 trained one step per epoch without a word."""
    argv = ["train", *TINY, "--batch-size", "1000000", "--data-dir", str(tiny_dir)]
    assert cli.main([*argv, "--out", str(tmp_path / "m.npz"), "--json"]) == 0
    captured = capsys.readouterr()
    notes = [line for line in captured.err.splitlines() if "full-batch step" in line]
    assert len(notes) == 1, captured.err
    assert notes[0].startswith("nndesk: note: batch 1,000,000 is more than the ")
    assert last_json(captured.out)["config"]["batch_size"] == 1_000_000


def test_a_diverging_run_with_json_still_ends_stdout_with_its_report(tiny_dir, tmp_path, capsys):
    """lab56 D7: ``train --json`` printed nothing on stdout when the run diverged; a marking
    script reading the last line got nothing. The report says "ended": "diverged", exit 1."""
    out = tmp_path / "m.npz"
    argv = ["train", *TINY, "--optimizer", "sgd", "--lr", "1e30", "--data-dir", str(tiny_dir)]
    assert cli.main([*argv, "--out", str(out), "--json"]) == 1
    captured = capsys.readouterr()
    lines = captured.out.strip().splitlines()
    assert len(lines) == 1, captured.out
    report = json.loads(lines[0])
    assert report["ended"] == "diverged" and "diverged" not in report["message"]
    assert "loss" in report["message"]
    assert JSON_KEYS | {"model", "config", "data", "preset", "dataset"} <= set(report)
    assert report["model"] is None and report["test_accuracy"] is None
    assert report["config"]["lr"] == 1e30
    assert not out.exists()
    errors = [line for line in captured.err.splitlines() if "error" in line]
    assert len(errors) == 1 and "diverged" in errors[0]
