"""Arguments and outputs that used to end in tracebacks or lost work: each is exit 2 with one line
naming the flag before anything trains, strict JSON, and a model that is always saved somewhere."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import numpy as np
import pytest

from nndesk import cli, paths
from nndesk.errors import ConfigError
from nndesk.fileio import TEMP_PREFIX
from nndesk.training import TrainConfig

TINY = ["--dataset", "mnist", "--arch", "784-32-10", "--batch-size", "16", "--epochs", "1"]


def strict_json(line: str):
    def refuse(name):
        raise ValueError(f"{name} is not JSON")

    return json.loads(line, parse_constant=refuse)


def error_lines(err: str) -> list[str]:
    """The error lines of stderr (with --json, stderr also holds the report)."""
    return [line for line in err.splitlines() if "error:" in line or "Traceback" in line]


ARGS = {
    "mlp input not 784": (["--arch", "100-10"], "--arch"),
    "arabic-indic digits": (["--arch", "٧٨٤-10"], "--arch"),
    "superscript digit": (["--arch", "784-²-10"], "--arch"),
    "absurd width": (["--arch", "784-999999999-10"], "--arch"),
    "5000-digit width": (["--arch", "784-" + "9" * 5000 + "-10"], "--arch"),
    "too many weights": (["--arch", "784-16384-16384-10"], "--arch"),
    "too many layers": (["--arch", "784-" + "8-" * 70 + "10"], "--arch"),
    "huge filter count": (["--arch", "784-c99999-p-10"], "--arch"),
    "negative seed": (["--seed", "-1"], "--seed"),
    "huge seed": (["--seed", str(2**40)], "--seed"),
    "arabic-indic epochs": (["--epochs", "٣"], "--epochs"),
    "absurd epochs": (["--epochs", str(10**20)], "--epochs"),
    "absurd batch size": (["--batch-size", "10000000"], "--batch-size"),
    "arabic-indic batch size": (["--batch-size", "٣٢"], "--batch-size"),
    "arabic-indic rate": (["--lr", "٠.١"], "--lr"),
}


@pytest.mark.parametrize("case", sorted(ARGS))
def test_bad_arguments_exit_2_naming_the_flag_before_any_data_is_read(case, tmp_path, capsys):
    argv, flag = ARGS[case]
    # no data folder exists: getting past argument checks would fail differently
    data = ["--dataset", "mnist", "--data-dir", str(tmp_path / "no-data"), "--epochs", "1"]
    assert cli.main(["train", *data, *argv, "--out", str(tmp_path / "m.npz")]) == 2
    err = capsys.readouterr().err
    (line,) = error_lines(err)
    assert flag in line and "Traceback" not in err and "no-data" not in line
    assert len(line) < 300
    assert not (tmp_path / "m.npz").exists()


def out_cases(tmp_path: Path) -> dict[str, Path]:
    afile = tmp_path / "notes.txt"
    afile.write_text("x")
    cases = {
        "parent is a file": afile / "m.npz",
        "missing parent": tmp_path / "typo" / "m.npz",
        "out is a folder": tmp_path,
    }
    if hasattr(os, "mkfifo"):  # stands in for --out /dev/null, which must never be replaced
        os.mkfifo(tmp_path / "pipe")
        cases["out is a device or pipe"] = tmp_path / "pipe"
    return cases


@pytest.mark.parametrize(
    "case", ["parent is a file", "missing parent", "out is a folder", "out is a device or pipe"]
)
def test_a_bad_out_exits_2_before_training(case, tiny_dir, tmp_path, capsys, monkeypatch):
    cases = out_cases(tmp_path)
    if case not in cases:
        pytest.skip("no named pipes on this platform")
    out = cases[case]
    trained = []
    monkeypatch.setattr("nndesk.training.train", lambda *a, **k: trained.append(1) or iter(()))
    rc = cli.main(["train", *TINY, "--data-dir", str(tiny_dir), "--out", str(out)])
    assert rc == 2 and not trained
    (line,) = error_lines(capsys.readouterr().err)
    assert "--out" in line and TEMP_PREFIX not in line


def refuse_creating_files_in(monkeypatch, *folders: Path) -> None:
    """``os.open`` answers like a read-only mount (even for root) for new files in ``folders``."""
    real_open = os.open
    refused = {str(f) for f in folders}

    def read_only(path, flags, mode=0o777, **kw):
        if os.path.dirname(os.fspath(path)) in refused and flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", path)
        return real_open(path, flags, mode, **kw)

    monkeypatch.setattr(os, "open", read_only)


def test_a_read_only_out_folder_exits_2_before_training(tiny_dir, tmp_path, capsys, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    refuse_creating_files_in(monkeypatch, locked)
    rc = cli.main(["train", *TINY, "--data-dir", str(tiny_dir), "--out", str(locked / "m.npz")])
    assert rc == 2
    (line,) = error_lines(capsys.readouterr().err)
    assert "--out" in line and "Read-only file system" in line and TEMP_PREFIX not in line


def test_a_failed_final_save_keeps_the_model_in_the_nndesk_folder(
    tiny_dir, tmp_path, capsys, monkeypatch
):
    """The disk fills up while the model is written: it goes to the user's nndesk folder and one
    line says where; the line never names the hidden temp file."""
    out = tmp_path / "full-disk" / "m.npz"
    out.parent.mkdir()
    real_savez = np.savez

    def savez(file, **arrays):
        if Path(file).parent == out.parent:
            Path(file).write_bytes(b"PK half a model")
            raise OSError(errno.ENOSPC, "No space left on device", str(file))
        return real_savez(file, **arrays)

    monkeypatch.setattr(np, "savez", savez)
    rc = cli.main(["train", *TINY, "--data-dir", str(tiny_dir), "--out", str(out), "--json"])
    captured = capsys.readouterr()
    assert rc == 1
    (line,) = error_lines(captured.err)
    saved = Path(strict_json(captured.out.strip().splitlines()[-1])["model"])
    assert saved.is_file() and paths.data_dir() in saved.parents
    assert str(out) in line and str(saved) in line and "No space left" in line
    assert TEMP_PREFIX not in line
    assert list(out.parent.iterdir()) == []  # no half file left behind

    from nndesk.inference import Classifier

    assert Classifier.from_file(saved).class_names


def test_a_run_trained_in_the_terminal_is_a_run_the_window_lists(tiny_dir, capsys):
    """Without --out the model is kept as the window keeps a run: its folder holds the model
    and a record with the settings, both curves, the test figures and how the run ended."""
    from nndesk.runs import RunStore

    rc = cli.main(["train", *TINY, "--data-dir", str(tiny_dir), "--lr", "0.02", "--json"])
    payload = strict_json(capsys.readouterr().out.strip().splitlines()[-1])
    assert rc == 0
    (record,) = RunStore().list()
    assert record.model_path == Path(payload["model"]) and record.model_path.is_file()
    assert record.status == "completed" and record.config["lr"] == 0.02
    assert record.metrics["test_accuracy"] == payload["test_accuracy"]
    assert record.curves.epochs == [1] and len(record.curves.batch_loss) > 0


def test_a_full_disk_in_the_run_folder_keeps_the_model_in_the_nndesk_folder(
    tiny_dir, capsys, monkeypatch
):
    """The run's folder was made, then the disk filled up while its model was written: the
    model goes to the nndesk folder, one line says where, and no half-made run is left."""
    real_savez = np.savez

    def savez(file, **arrays):
        if paths.runs_dir() in Path(file).parents:
            raise OSError(errno.ENOSPC, "No space left on device", str(file))
        return real_savez(file, **arrays)

    monkeypatch.setattr(np, "savez", savez)
    rc = cli.main(["train", *TINY, "--data-dir", str(tiny_dir), "--json"])
    captured = capsys.readouterr()
    assert rc == 1
    (line,) = error_lines(captured.err)
    saved = Path(strict_json(captured.out.strip().splitlines()[-1])["model"])
    assert saved.is_file() and saved.parent == paths.data_dir()
    assert "No space left" in line and str(saved) in line and TEMP_PREFIX not in line
    assert [p for p in paths.runs_dir().iterdir() if not p.name.startswith(".")] == []


def test_when_no_folder_takes_the_model_the_error_is_one_line(
    tiny_dir, tmp_path, capsys, monkeypatch
):
    def savez(file, **arrays):
        raise OSError(errno.ENOSPC, "No space left on device", str(file))

    monkeypatch.setattr(np, "savez", savez)
    out = tmp_path / "m.npz"
    assert cli.main(["train", *TINY, "--data-dir", str(tiny_dir), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    (line,) = error_lines(err)
    assert str(out) in line and TEMP_PREFIX not in line and "Traceback" not in err


def test_json_output_is_strict_with_null_for_nan(tiny_dir, tmp_path, capsys):
    """A model file whose history holds NaN and infinity (older files, a stopped epoch) still
    gives strict JSON: null, never NaN."""
    from nndesk.nn.serialization import load_model, save_model

    out = tmp_path / "m.npz"
    assert cli.main(["train", *TINY, "--data-dir", str(tiny_dir), "--out", str(out)]) == 0
    loaded = load_model(out)
    info = dict(loaded.info)
    info["history"] = [dict(info["history"][0], val_loss=float("nan"), seconds=float("inf"))]
    save_model(out, loaded.model, info)
    capsys.readouterr()

    assert cli.main(["evaluate", str(out), "--data-dir", str(tiny_dir), "--json"]) == 0
    result = strict_json(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["history"][0]["val_loss"] is None and result["history"][0]["seconds"] is None


def test_an_adam_run_whose_loss_explodes_ends_as_diverged(tiny_dir, tmp_path, capsys):
    """Adam's steps are bounded by the rate: at lr 1e4 its loss climbs to huge finite values
    instead of overflowing, and the run must still end as diverged (exit 1, nothing saved)."""
    out = tmp_path / "m.npz"
    argv = ["train", *TINY, "--epochs", "3", "--optimizer", "adam", "--lr", "1e4"]
    assert cli.main([*argv, "--data-dir", str(tiny_dir), "--out", str(out)]) == 1
    (line,) = error_lines(capsys.readouterr().err)
    assert "diverged" in line and "lower learning rate" in line
    assert not out.exists()


def test_a_sane_adam_run_is_not_called_diverged(tiny_dir, tmp_path, capsys):
    out = tmp_path / "m.npz"
    argv = ["train", *TINY, "--epochs", "3", "--optimizer", "adam", "--lr", "0.01", "--json"]
    assert cli.main([*argv, "--data-dir", str(tiny_dir), "--out", str(out)]) == 0
    assert strict_json(capsys.readouterr().out.strip().splitlines()[-1])["ended"] == "completed"


@pytest.mark.parametrize(
    "changes",
    [
        {"arch": "100-10"},
        {"arch": "٧٨٤-10"},
        {"arch": "784-20000-10"},
        {"arch": "784-" + "4-" * 80 + "10"},
        {"seed": -1},
        {"seed": True},
        {"seed": 2**33},
        {"seed": 1.5},
    ],
)
def test_train_config_refuses_what_the_command_line_refuses(changes):
    """The same guard at the TrainConfig boundary, which the window's form and resume go
    through too."""
    with pytest.raises(ConfigError) as info:
        TrainConfig().replace(**changes).validate()
    assert "\n" not in str(info.value)
    assert next(iter(changes)) in str(info.value)


def test_evaluate_never_reads_a_folder_named_inside_the_model_file(
    tiny_dir, tmp_path, capsys, monkeypatch
):
    """A model header is data anyone can edit: its "dataset" is looked up among the known
    datasets and otherwise ignored, never opened as a folder."""
    from nndesk.data import folders
    from nndesk.nn.serialization import load_model, save_model

    out = tmp_path / "m.npz"
    assert cli.main(["train", *TINY, "--data-dir", str(tiny_dir), "--out", str(out)]) == 0
    private = tmp_path / "private"
    for name in ("a", "b"):
        (private / name).mkdir(parents=True)
    loaded = load_model(out)
    save_model(out, loaded.model, dict(loaded.info, dataset=str(private)))
    opened = []
    monkeypatch.setattr(folders, "load_image_folder", lambda *a, **k: opened.append(a))
    capsys.readouterr()

    assert cli.main(["evaluate", str(out), "--data-dir", str(tiny_dir)]) == 2
    (line,) = error_lines(capsys.readouterr().err)
    assert "no known dataset" in line and "--dataset" in line
    assert opened == []

    # the person may name the test set themselves
    assert cli.main(["evaluate", str(out), "--dataset", "mnist", "--data-dir", str(tiny_dir)]) == 0


def test_a_known_dataset_named_in_the_header_is_still_used(tiny_dir, tmp_path, capsys):
    from nndesk.nn.serialization import load_model, save_model

    out = tmp_path / "m.npz"
    assert cli.main(["train", *TINY, "--data-dir", str(tiny_dir), "--out", str(out)]) == 0
    loaded = load_model(out)
    save_model(out, loaded.model, dict(loaded.info, dataset="MNIST"))
    assert cli.main(["evaluate", str(out), "--data-dir", str(tiny_dir), "--json"]) == 0
    assert strict_json(capsys.readouterr().out.strip().splitlines()[-1])["dataset"] == "mnist"


def test_a_read_only_nndesk_folder_sends_the_model_to_the_temp_folder_and_says_so(
    tiny_dir, tmp_path, capsys, monkeypatch
):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    paths.runs_dir().mkdir(parents=True)
    refuse_creating_files_in(monkeypatch, paths.runs_dir(), paths.data_dir())
    rc = cli.main(["train", *TINY, "--data-dir", str(tiny_dir), "--json"])
    captured = capsys.readouterr()
    assert rc == 0
    saved = Path(strict_json(captured.out.strip().splitlines()[-1])["model"])
    # this home's own private sub-folder of the temp folder
    assert saved.is_file() and saved.parent == paths.temp_models_dir()
    assert saved.parent.parent == tmp_path / "tmp"
    assert (
        f"cannot write in {paths.runs_dir()}" in captured.err and str(saved.parent) in captured.err
    )
    assert captured.err.count("cannot write in") == 1, captured.err  # said twice, nested
    assert cli.main(["models", "--json"]) == 0  # and the user finds it again
    assert str(saved) in capsys.readouterr().out


def test_nowhere_to_save_exits_2_before_training(tiny_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    paths.runs_dir().mkdir(parents=True)
    refuse_creating_files_in(
        monkeypatch, paths.runs_dir(), paths.data_dir(), paths.temp_models_dir()
    )
    trained = []
    monkeypatch.setattr("nndesk.training.train", lambda *a, **k: trained.append(1) or iter(()))
    rc = cli.main(["train", *TINY, "--data-dir", str(tiny_dir)])
    assert rc == 2 and not trained
    (line,) = error_lines(capsys.readouterr().err)
    assert "nowhere to save" in line and "--out" in line


def test_export_script_into_a_read_only_folder_is_one_line_and_exit_2(
    tmp_path, capsys, monkeypatch
):
    locked = tmp_path / "locked"
    locked.mkdir()
    refuse_creating_files_in(monkeypatch, locked)
    rc = cli.main(["export-script", "--preset", "fashion-mlp-lab", "-o", str(locked / "lab.py")])
    assert rc == 2
    (line,) = error_lines(capsys.readouterr().err)
    assert "-o" in line and "Read-only file system" in line and "unexpected" not in line
    assert not any(locked.iterdir())


def test_running_out_of_memory_is_one_line(tiny_dir, tmp_path, capsys, monkeypatch):
    def too_big(*args, **kwargs):
        raise MemoryError("Unable to allocate 5.05 GiB")

    monkeypatch.setattr("nndesk.training.prepare", too_big)
    rc = cli.main(["train", *TINY, "--data-dir", str(tiny_dir), "--out", str(tmp_path / "m.npz")])
    assert rc == 1
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line == "nndesk: error: ran out of memory: try a smaller network or batch size"


def test_a_full_batch_cnn_that_cannot_fit_is_refused_before_training(
    tiny_dir, tmp_path, capsys, monkeypatch
):
    from nndesk.training import memory

    monkeypatch.setattr(memory, "free_bytes", lambda: 10**6)  # 1 MB free
    argv = ["--dataset", "mnist", "--arch", "784-c32-p-10", "--batch-size", "full", "--epochs", "1"]
    out = tmp_path / "m.npz"
    assert cli.main(["train", *argv, "--data-dir", str(tiny_dir), "--out", str(out)]) == 2
    (line,) = error_lines(capsys.readouterr().err)
    assert "batch size" in line and "use a smaller batch size" in line
    assert not out.exists()


def test_out_naming_a_file_that_is_not_a_model_is_refused_before_training_unless_forced(
    tiny_dir, tmp_path, capsys, monkeypatch
):
    """A slip of the name (--out drawing.png) used to replace the learner's file with a zip."""
    drawing = tmp_path / "seven.png"
    drawing.write_bytes(b"\x89PNG\r\n\x1a\n a learner's drawing")
    before = drawing.read_bytes()
    trained = []
    monkeypatch.setattr("nndesk.training.train", lambda *a, **k: trained.append(1) or iter(()))
    rc = cli.main(["train", *TINY, "--data-dir", str(tiny_dir), "--out", str(drawing)])
    assert rc == 2 and not trained and drawing.read_bytes() == before
    (line,) = error_lines(capsys.readouterr().err)
    assert line == (
        f"nndesk: error: --out {drawing}: that file exists and is not an nndesk model; "
        "choose another name, or add --force to replace it"
    )
    monkeypatch.undo()
    rc = cli.main(["train", *TINY, "--data-dir", str(tiny_dir), "--out", str(drawing), "--force"])
    assert rc == 0
    from nndesk.nn.serialization import is_model_file

    assert is_model_file(drawing)


def test_out_naming_an_existing_model_says_it_is_replaced_before_training(
    tiny_dir, tmp_path, capsys, tiny_model_file
):
    from nndesk.nn.serialization import is_model_file, load_model

    out = tmp_path / "mine.npz"
    out.write_bytes(tiny_model_file.read_bytes())
    rc = cli.main(["train", *TINY, "--data-dir", str(tiny_dir), "--out", str(out)])
    assert rc == 0
    err = capsys.readouterr().err
    assert f"nndesk: --out {out} holds a model: it will be replaced" in err.splitlines()
    assert is_model_file(out) and load_model(out).info["config"]["arch"] == "784-32-10"
    assert load_model(out).info.get("history")  # the new run's, not the old file's


def test_calibrate_output_over_a_file_that_is_not_a_model_is_refused(
    tiny_dir, tmp_path, capsys, tiny_model_file
):
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes")
    argv = ["calibrate", str(tiny_model_file), "--data-dir", str(tiny_dir), "-o", str(notes)]
    assert cli.main(argv) == 2
    (line,) = error_lines(capsys.readouterr().err)
    assert "-o" in line and "not an nndesk model" in line and "--force" in line
    assert notes.read_text() == "my notes"


def test_is_model_file_tells_a_model_from_other_files(tmp_path, tiny_model_file):
    from nndesk.nn.serialization import is_model_file

    other_zip = tmp_path / "other.npz"
    np.savez(other_zip, a=np.zeros(3))
    empty = tmp_path / "empty.npz"
    empty.write_bytes(b"")
    assert is_model_file(tiny_model_file)
    assert not is_model_file(other_zip) and not is_model_file(empty)
    assert not is_model_file(tmp_path / "missing.npz") and not is_model_file(tmp_path)


def test_runs_started_in_the_same_second_keep_a_model_each(tiny_dir, capsys, monkeypatch):
    """`for lr in ...; do nndesk train --preset x --lr $lr & done` starts every run in the same
    second: each keeps its own run folder and model; none replaces another's."""
    import time

    from nndesk.paths import runs_dir

    monkeypatch.setattr(time, "strftime", lambda fmt, *a: "20261202-101010")
    for lr in ("0.01", "0.02"):
        assert cli.main(["train", *TINY, "--data-dir", str(tiny_dir), "--lr", lr]) == 0
    saved = sorted(runs_dir().glob("*/model.npz"))
    assert len(saved) == 2 and saved[0].parent != saved[1].parent
    from nndesk.nn.serialization import load_model

    lrs = sorted(load_model(p).info["config"]["lr"] for p in saved)
    assert lrs == [0.01, 0.02]
    out = capsys.readouterr().out
    assert out.count("model saved to") == 2 and all(str(p) in out for p in saved)


def _stroke_png(path: Path) -> Path:
    from PIL import Image

    a = np.full((28, 28), 255, np.uint8)
    a[4:24, 12:16] = 0
    Image.fromarray(a).save(path, format="PNG")
    return path


def test_file_names_reach_the_terminal_escaped(tmp_path, capsys, tiny_model_file):
    """A file name is any bytes but '/': one that is not UTF-8 raised UnicodeEncodeError on a
    UTF-8 terminal (exit 1 after the work was done), and control characters in it went raw
    to the terminal (an escape sequence clears the screen or retitles the window)."""
    name = os.fsdecode(b"seven-\xff-\x1b]0;owned\x07\nx.png")
    image = _stroke_png(tmp_path / name)
    assert cli.main(["predict", str(tiny_model_file), str(image)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "\x1b" not in out and "\x07" not in out
    assert out.startswith(f"{tmp_path}/seven-\\xff-\\x1b]0;owned\\x07\\nx.png: ")
    missing = os.fsdecode(b"gone-\x1b[2J\xfe.png")
    assert cli.main(["predict", str(tiny_model_file), str(tmp_path / missing)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.endswith("gone-\\x1b[2J\\xfe.png: no such image file") and "\x1b" not in line


def test_a_model_saved_under_a_name_that_is_not_utf8_is_said_so(tiny_dir, tmp_path, capsys):
    out = tmp_path / os.fsdecode(b"caf\xe9.npz")
    assert cli.main(["train", *TINY, "--data-dir", str(tiny_dir), "--out", str(out)]) == 0
    assert out.is_file()
    assert f"model saved to {tmp_path}/caf\\xe9.npz" in capsys.readouterr().out


def test_names_too_long_for_the_file_system_are_one_short_line_and_exit_2(
    tiny_dir, tmp_path, capsys, tiny_model_file
):
    deep = Path(str(tmp_path) + ("/" + "x" * 200) * 25)
    assert cli.main(["predict", str(tiny_model_file), str(deep / "a.png")]) == 2
    assert cli.main(["predict", str(deep / "m.npz"), str(tmp_path / "a.png")]) == 2
    for line in capsys.readouterr().err.splitlines():
        assert "File name too long" in line and "…" in line and len(line) < 400
    long_name = tmp_path / ("m" * 252 + ".npz")  # 256 bytes: one more than file systems take
    rc = cli.main(["train", *TINY, "--data-dir", str(tiny_dir), "--out", str(long_name)])
    assert rc == 2
    (line,) = error_lines(capsys.readouterr().err)
    assert line.startswith("nndesk: error: --out: ") and "longer than 255 bytes" in line
    argv = ["train", *TINY, "--data-dir", str(tiny_dir), "--out", str(deep / "m.npz")]
    assert cli.main(argv) == 2
    (line,) = error_lines(capsys.readouterr().err)
    assert line.startswith("nndesk: error: --out: ") and "File name too long" in line


def test_a_runs_folder_that_is_a_file_and_a_read_only_one_are_said_as_they_are(
    tiny_dir, tmp_path, capsys, monkeypatch
):
    """walk52 D13/D14: "cannot write in …/runs (File exists)" for a runs that is a plain file,
    and "cannot write in …/runs (cannot write in …/runs (Read-only file system))"."""
    paths.data_dir().mkdir(parents=True, exist_ok=True)
    paths.runs_dir().write_text("not a folder")
    assert cli.main(["train", *TINY, "--data-dir", str(tiny_dir)]) == 0
    captured = capsys.readouterr()
    assert (
        f"nndesk: {paths.runs_dir()} is a file, not a folder; the model will be saved in "
        f"{paths.data_dir()}"
    ) in captured.err
    assert "File exists" not in captured.err
    assert cli.main(["models"]) == 0  # and the listing says where they really are
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last == (
        f"saved models are kept in {paths.data_dir()} ({paths.runs_dir()} is a file, not a folder)"
    )
    paths.runs_dir().unlink()
    paths.runs_dir().mkdir()
    refuse_creating_files_in(monkeypatch, paths.runs_dir())
    assert cli.main(["train", *TINY, "--data-dir", str(tiny_dir)]) == 0
    err = capsys.readouterr().err
    assert f"nndesk: cannot write in {paths.runs_dir()} (Read-only file system); " in err
    assert err.count("cannot write in") == 1


def test_a_model_sent_to_the_temporary_folder_is_said_to_be_at_risk_there(
    tiny_dir, capsys, monkeypatch
):
    """walk55b D6: a full or read-only home put the model in /tmp, and nothing said /tmp is
    often emptied at restart."""
    paths.data_dir().mkdir(parents=True, exist_ok=True)
    refuse_creating_files_in(monkeypatch, paths.runs_dir(), paths.data_dir())
    assert cli.main(["train", *TINY, "--data-dir", str(tiny_dir)]) == 0
    err = capsys.readouterr().err
    line = next(x for x in err.splitlines() if "the model will be saved in" in x)
    assert str(paths.temp_models_dir()) in line
    assert line.endswith(
        "; the temporary folder may be emptied when the computer restarts: copy the model elsewhere"
    )
