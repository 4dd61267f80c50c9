"""Models by name: `nndesk models` lists shipped and saved ones; commands take a shipped name."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from nndesk import cli, models
from nndesk.errors import ModelFileError, NndeskError
from nndesk.paths import runs_dir


@pytest.fixture
def weights(tmp_path, tiny_model_file, monkeypatch) -> Path:
    """A weights folder holding one 'shipped' model, used by the CLI instead of the real one."""
    folder = tmp_path / "weights"
    folder.mkdir()
    shutil.copy(tiny_model_file, folder / "mnist-tiny.npz")
    monkeypatch.setattr(models, "WEIGHTS_DIR", folder)
    monkeypatch.setattr(models.resolve_model, "__defaults__", (folder,))
    monkeypatch.setattr(models.list_models, "__defaults__", (folder, None))
    return folder


def test_a_shipped_name_resolves_to_its_file_and_an_existing_file_wins(weights, tmp_path):
    assert models.resolve_model("mnist-tiny") == weights / "mnist-tiny.npz"
    assert models.resolve_model("mnist-tiny.npz") == weights / "mnist-tiny.npz"
    own = tmp_path / "mnist-tiny.npz"
    own.write_bytes(b"x")
    assert models.resolve_model(own) == own


def test_an_unknown_name_lists_the_shipped_ones(weights):
    with pytest.raises(ModelFileError, match="mnist-tny: no such model file, shipped or saved"):
        models.resolve_model("mnist-tny")
    with pytest.raises(ModelFileError, match=r"shipped models: mnist-tiny;"):
        models.resolve_model("sub/mnist-tiny")  # a path is a path, never a name


def test_models_json_lists_shipped_then_saved_with_dataset_arch_and_accuracy(
    weights, tiny_model_file, capsys
):
    run = runs_dir() / "20261201-101010-123abcd"
    run.mkdir(parents=True)
    shutil.copy(tiny_model_file, run / "model.npz")
    (runs_dir() / "broken.npz").write_bytes(b"not a model")
    assert cli.main(["models", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[0] == {
        "name": "mnist-tiny",
        "source": "shipped",
        "path": str(weights / "mnist-tiny.npz"),
        "dataset": "mnist",
        "arch": None,  # the tiny file records no training config
        "test_accuracy": 0.1,
        "problem": None,
    }
    saved = {r["name"]: r for r in rows[1:]}
    assert set(saved) == {"run 2026-12-01 10:10:10", "broken"}
    assert saved["run 2026-12-01 10:10:10"]["source"] == "saved"
    assert "not an nndesk model file" in saved["broken"]["problem"]


def test_models_table_names_each_model_once_per_line(weights, capsys):
    assert cli.main(["models"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["name", "source", "dataset", "architecture", "test", "acc."]
    assert lines[1].split() == ["mnist-tiny", "shipped", "mnist", "?", "10.00%"]


def test_models_table_marks_a_damaged_model_and_says_why_below_it_in_80_columns(
    weights, tiny_model_file, monkeypatch, capsys
):
    """walk47 D2: the whole error was the architecture cell, so every row was padded to
    ~190 columns; the row now says "damaged" and the reason follows the table, wrapped."""
    cut = weights / "mnist-cut.npz"
    cut.write_bytes(tiny_model_file.read_bytes()[:300])  # cut short, like a copy stopped
    monkeypatch.setenv("COLUMNS", "80")
    assert cli.main(["models"]) == 0
    lines = capsys.readouterr().out.splitlines()
    table = lines[: lines.index("")]
    below = " ".join(line.strip() for line in lines[len(table) + 1 :])
    assert table[1].split()[:3] == ["mnist-cut", "shipped", "damaged"]
    assert table[2].split() == ["mnist-tiny", "shipped", "mnist", "?", "10.00%"]
    assert max(len(line) for line in table) < 60  # the good rows are as narrow as without it
    # the reason, whole, after the table: only a path longer than the terminal runs past it
    assert below.startswith("mnist-cut: ") and str(cut) in below
    assert "the file is incomplete or damaged" in below
    assert all(len(line) <= 80 or " " not in line.strip() for line in lines)
    # --json keeps its keys: the reason is "problem", as it was
    assert cli.main(["models", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert set(rows[0]) == set(rows[1]) and "incomplete or damaged" in rows[0]["problem"]


def test_predict_and_evaluate_take_a_shipped_name(weights, tiny_idx_dir, tmp_path, capsys):
    from PIL import Image

    image = Image.new("L", (28, 28), 255)
    image.paste(0, (10, 4, 16, 24))  # a dark bar on white: a "1"
    image.save(tmp_path / "dot.png")
    assert cli.main(["predict", "mnist-tiny", str(tmp_path / "dot.png"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["file"].endswith("dot.png")
    rc = cli.main(["evaluate", "mnist-tiny", "--data-dir", str(tiny_idx_dir), "--json"])
    out = capsys.readouterr()
    assert rc == 0, out.err
    assert json.loads(out.out.splitlines()[-1])["model"] == str(weights / "mnist-tiny.npz")


def test_an_unknown_model_name_is_exit_2_with_one_line(weights, capsys):
    assert cli.main(["evaluate", "fashion-cnnn"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "shipped models: mnist-tiny" in err


def test_data_dir_without_a_command_opens_the_window_with_that_folder(monkeypatch, tmp_path):
    import nndesk.app
    from nndesk.ui import starting_sign

    opened = []
    # the start's sign (tests/ui/test_starting_sign.py) left out: its window is not this test's
    monkeypatch.setattr(starting_sign, "show_starting_sign", lambda: "the sign")
    monkeypatch.setattr(starting_sign, "load_the_window_modules", lambda sign: None)
    monkeypatch.setattr(
        nndesk.app, "run", lambda data_dir=None, sign=None: opened.append((data_dir, sign)) or 0
    )
    assert cli.main(["--data-dir", str(tmp_path)]) == 0
    assert opened == [(str(tmp_path), "the sign")]


def test_data_dir_naming_no_folder_is_exit_2_before_any_window(monkeypatch, tmp_path, capsys):
    import nndesk.app

    monkeypatch.setattr(nndesk.app, "run", lambda data_dir=None: pytest.fail("window opened"))
    assert cli.main(["--data-dir", str(tmp_path / "nope")]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_the_top_level_data_dir_serves_a_sub_command_too(weights, tiny_idx_dir, capsys):
    assert cli.main(["--data-dir", str(tiny_idx_dir), "evaluate", "mnist-tiny", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["dataset"] == "mnist"


def test_models_a_save_fallback_wrote_are_listed_and_other_programs_files_are_not(
    weights, tiny_model_file, tmp_path
):
    """The CLI's and the window's fallbacks: any model file in the nndesk folder itself, and
    only nndesk's own names in the temporary folder (which other programs share)."""
    from nndesk.paths import data_dir

    temp = tmp_path / "temp"
    temp.mkdir()
    data_dir().mkdir(parents=True, exist_ok=True)
    cli_fallback = data_dir() / "20261201-101010-mnist.npz"
    window_fallback = temp / "nndesk-20261201-101011-123abcd.npz"
    for path in (cli_fallback, window_fallback):
        shutil.copy(tiny_model_file, path)
    (temp / "someone-elses.npz").write_bytes(b"not ours")
    found = models.saved_model_files(fallback_dirs=(data_dir(), temp))
    assert set(found) == {cli_fallback, window_fallback}
    entries = models.list_models(runs_root=None)  # the real fallback folders: the nndesk one
    assert [e.path for e in entries if e.source == "saved"] == [cli_fallback]


def test_a_model_in_the_temp_fallback_is_listed_by_its_own_home_only(
    weights, tiny_model_file, tmp_path, monkeypatch
):
    """The temp folder is shared by every NNDESK_HOME (and user): each home saves into its own
    private sub-folder of it, and lists only that one."""
    from nndesk import paths

    monkeypatch.setenv("NNDESK_HOME", str(tmp_path / "home-a"))
    folder_a = paths.make_model_folder(paths.temp_models_dir())
    assert folder_a.parent == Path(tempfile.gettempdir())
    assert folder_a.stat().st_mode & 0o077 == 0  # nobody else may look in or write there
    saved = folder_a / paths.fallback_model_name("20261201-101011-123abcd")
    shutil.copy(tiny_model_file, saved)
    assert saved in models.saved_model_files()

    monkeypatch.setenv("NNDESK_HOME", str(tmp_path / "home-b"))
    assert paths.temp_models_dir() != folder_a
    assert [e for e in models.list_models() if e.source == "saved"] == []
    # the same home, named through a relative path, is the same folder
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NNDESK_HOME", "home-a")
    assert paths.temp_models_dir() == folder_a and saved in models.saved_model_files()


def test_a_temp_fallback_folder_made_by_someone_else_is_neither_used_nor_listed(
    tiny_model_file, tmp_path, monkeypatch
):
    """A predictable name in a shared folder: another user (or a link) may be there first."""
    from nndesk import paths

    folder = paths.temp_models_dir()
    elsewhere = tmp_path / "attacker"
    elsewhere.mkdir()
    shutil.copy(tiny_model_file, elsewhere / "nndesk-planted.npz")
    folder.symlink_to(elsewhere)
    with pytest.raises(NotADirectoryError, match="not a folder nndesk made"):
        paths.make_model_folder(folder)
    assert models.fallback_model_files() == []
    folder.unlink()
    folder.mkdir()
    shutil.copy(tiny_model_file, folder / "nndesk-planted.npz")
    real_uid = os.geteuid()
    monkeypatch.setattr(os, "geteuid", lambda: real_uid + 1)  # as if another user made it
    with pytest.raises(PermissionError, match="another user"):
        paths.make_model_folder(folder)
    assert models.fallback_model_files() == []
    monkeypatch.setattr(os, "geteuid", lambda: real_uid)
    assert models.fallback_model_files() == [folder / "nndesk-planted.npz"]


def test_a_run_finds_its_fallback_model_by_its_own_name_only(tmp_path, tiny_model_file):
    from nndesk.runs import RunStore

    elsewhere = tmp_path / "fallback"
    elsewhere.mkdir()
    store = RunStore(tmp_path / "runs", fallback_dirs=(tmp_path / "missing", elsewhere))
    mine, other = store.create({"dataset": "mnist"}), store.create({"dataset": "mnist"})
    shutil.copy(tiny_model_file, elsewhere / f"nndesk-{mine.run_id}.npz")
    by_id = {r.run_id: r for r in store.list()}
    assert by_id[mine.run_id].model_path == elsewhere / f"nndesk-{mine.run_id}.npz"
    assert by_id[other.run_id].model_path is None
    assert store.load(mine.run_id).model_path == by_id[mine.run_id].model_path
    # a model in the run's own folder wins, and run.json never records the fallback's path
    record = by_id[mine.run_id]
    record.model_file = "model.npz"
    store.save(record)
    assert store.load(mine.run_id).model_path == record.folder / "model.npz"
    assert str(elsewhere) not in (record.folder / "run.json").read_text()


def test_a_saved_model_resolves_by_the_name_nndesk_models_prints(weights, tiny_model_file):
    run = runs_dir() / "20261201-101010-123abcd"
    run.mkdir(parents=True)
    shutil.copy(tiny_model_file, run / "model.npz")
    names = [entry.name for entry in models.list_models()]
    assert "run 2026-12-01 10:10:10" in names
    assert models.resolve_model("run 2026-12-01 10:10:10") == run / "model.npz"


def test_listing_models_removes_what_killed_saves_left_beside_them(weights, tiny_model_file):
    """`nndesk models` lists the run folders: a save killed there left a hidden file as big as
    the model, until the next save into that folder."""
    import time

    from nndesk.fileio import TEMP_PREFIX

    run = runs_dir() / "20261202-050000-000abcd"
    run.mkdir(parents=True)
    shutil.copy(tiny_model_file, run / "model.npz")
    dead = run / f"{TEMP_PREFIX}model.npz.0badc0de.npz"
    shutil.copy(tiny_model_file, dead)
    lookalike = run / "nndesk-tmp-model.npz"  # not a name nndesk gives its temp files
    lookalike.write_text("the user's")
    old = time.time() - 3600
    for path in (dead, lookalike):
        os.utime(path, (old, old))
    assert cli.main(["models"]) == 0
    assert not dead.exists()
    assert lookalike.read_text() == "the user's" and (run / "model.npz").is_file()


def test_a_run_resolves_by_the_id_the_window_shows_too(weights, tiny_model_file, capsys):
    """walk52 D9: `evaluate "run 2026-12-05 10:25:12"` worked, the id the window's Runs list
    shows (20261205-102512-58119c3) gave "no such model file": both are taken everywhere."""
    from nndesk.paths import data_dir
    from nndesk.runs import run_id_named

    run = runs_dir() / "20261201-101010-123abcd"
    run.mkdir(parents=True)
    shutil.copy(tiny_model_file, run / "model.npz")
    assert models.resolve_model("20261201-101010-123abcd") == run / "model.npz"
    assert run_id_named("run 2026-12-01 10:10:10") == "20261201-101010-123abcd"
    assert run_id_named("run 2026-12-01 10:10:11") is None
    # a run whose folder refused its model (a full disk): the copy a fallback saved
    full = runs_dir() / "20261201-111111-456abcd"
    full.mkdir()
    fallback = data_dir() / "nndesk-20261201-111111-456abcd.npz"
    shutil.copy(tiny_model_file, fallback)
    assert models.resolve_model("20261201-111111-456abcd") == fallback
    # a run that saved no model says so, naming the run
    (runs_dir() / "20261201-121212-789abcd").mkdir()
    with pytest.raises(ModelFileError, match="run 20261201-121212-789abcd saved no model"):
        models.resolve_model("20261201-121212-789abcd")
    assert cli.main(["evaluate", "20261201-121212-789abcd"]) == 2
    assert "saved no model" in capsys.readouterr().err


def test_a_diverged_runs_model_is_not_listed_as_a_model_to_use(weights, tiny_model_file, capsys):
    """walk53 #2: the window kept a diverged run's 10 % model and `nndesk models` listed it,
    while the CLI saves none of such a run. Its record stays (the Runs list shows its curves);
    its model is not offered."""
    from nndesk.runs import RunStore

    store = RunStore(runs_dir())
    wild, fine = store.create({"dataset": "mnist"}), store.create({"dataset": "mnist"})
    for record, status in ((wild, "diverged"), (fine, "completed")):
        shutil.copy(tiny_model_file, record.folder / "model.npz")
        record.model_file, record.status = "model.npz", status
        store.save(record)
    listed = {e.path for e in models.list_models() if e.source == "saved"}
    assert listed == {fine.folder / "model.npz"}
    assert cli.main(["models", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["path"] for r in rows if r["source"] == "saved"] == [str(fine.folder / "model.npz")]
    assert {r.run_id for r in store.list()} == {wild.run_id, fine.run_id}  # both records kept


def test_nndesk_runs_lists_what_nndesk_models_lists(weights, capsys):
    """lab56 D8: `nndesk runs` (the window's tab is "Runs") was an invalid choice, exit 2."""
    assert cli.main(["models"]) == 0
    listed = capsys.readouterr().out
    assert cli.main(["runs"]) == 0
    assert capsys.readouterr().out == listed
    assert cli.main(["runs", "--json"]) == 0


def test_two_runs_of_one_second_are_listed_and_looked_up_by_names_of_their_own(
    weights, tiny_model_file, capsys, tmp_path
):
    """walk70 M1: a race's two lanes started in one second were both listed as "run 2026-12-07
    15:44:22", and `predict` by that name answered from one of them unsaid. Each is listed by
    its run id (the window's Runs list shows it); the date name is refused in one line naming
    both, exit 2; a run alone in its second keeps its date name."""
    from PIL import Image

    from nndesk.runs import run_id_named

    lanes = ["20261207-154422-041a3f2", "20261207-154422-042b7c1"]
    for run_id in (*lanes, "20261207-154500-000abcd"):
        (runs_dir() / run_id).mkdir(parents=True)
        shutil.copy(tiny_model_file, runs_dir() / run_id / "model.npz")
    names = [entry.name for entry in models.list_models()]
    assert "run 2026-12-07 15:44:22" not in names
    assert set(lanes) <= set(names) and "run 2026-12-07 15:45:00" in names
    assert len(names) == len(set(names))
    for run_id in lanes:
        assert models.resolve_model(run_id) == runs_dir() / run_id / "model.npz"
    with pytest.raises(ModelFileError, match="2 saved models go by that name") as refused:
        models.resolve_model("run 2026-12-07 15:44:22")
    assert all(run_id in str(refused.value) for run_id in lanes)
    # the CLI: one line, exit 2, no answer from either
    drawing = tmp_path / "drawing.png"
    Image.new("L", (28, 28)).save(drawing)
    capsys.readouterr()
    assert cli.main(["predict", "run 2026-12-07 15:44:22", str(drawing)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1, err
    assert all(run_id in err for run_id in lanes)
    # export-script --run by the date name: refused alike; by its id, taken
    with pytest.raises(NndeskError, match="2 runs started in that second"):
        run_id_named("run 2026-12-07 15:44:22")
    assert run_id_named("run 2026-12-07 15:45:00") == "20261207-154500-000abcd"
    assert cli.main(["models", "--json"]) == 0
    listed = [json.loads(line)["name"] for line in capsys.readouterr().out.splitlines()]
    assert set(lanes) <= set(listed) and len(listed) == len(set(listed))


def test_two_saved_files_of_one_name_are_listed_by_their_paths(weights, tiny_model_file):
    """A file saved in the runs folder and one a save fallback wrote, both "digits": each is
    listed by its path, which every command takes."""
    from nndesk.paths import data_dir

    runs_dir().mkdir(parents=True, exist_ok=True)
    first, second = runs_dir() / "digits.npz", data_dir() / "digits.npz"
    for path in (first, second):
        shutil.copy(tiny_model_file, path)
    names = {entry.path: entry.name for entry in models.list_models()}
    assert names[first] == str(first) and names[second] == str(second)
    with pytest.raises(ModelFileError, match="2 saved models go by that name"):
        models.resolve_model("digits")
