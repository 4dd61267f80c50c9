"""A run folder is the user's work: deleting takes exactly the listed folder (to the trash), and a
damaged run.json is listed with its reason, left in place, and never stops anything."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from nndesk.run_record import DAMAGED
from nndesk.runs import RunFileError, RunStore, TrashUnavailableError

#: The run.json contents that once stopped the window from starting, and a few more of the kind.
MALFORMED = {
    "a-list": "[1,2,3]",
    "config-number": '{"config": 5}',
    "curves-null": '{"curves": null}',
    "epoch-text": '{"curves": {"epoch": ["x"]}}',
    "lr-change-short": '{"curves": {"lr_changes": [[1]]}}',
    "not-json": "{not json",
    "nan": '{"curves": {"epoch": [1], "lr": [NaN]}}',
    "lr-text": '{"config": {"lr": "fast"}}',
    "huge-int": '{"config": {"lr": ' + "9" * 400 + "}}",
    "huge-int-epochs": '{"config": {"epochs": ' + "9" * 400 + "}}",
    "ragged": '{"curves": {"epoch": [1, 2], "train_loss": [0.5]}}',
    "model-path": '{"model_file": "../../other/model.npz"}',
    "metrics-list": '{"metrics": [1]}',
    "deep": "[" * 100_000 + "]" * 100_000,
    "not-utf8": b"\xff\xfe{",
}
#: Records that are valid but hold values the Runs view must still show without failing.
ODD_BUT_VALID = {
    "year-one": '{"created_at": "0001-01-01T00:00:00+01:00", "status": "completed"}',
    "year-9999": '{"created_at": "9999-12-31T23:59:59-01:00"}',
    "long-title": '{"title": "' + "t" * 5000 + '", "config": {"dataset": "' + "d" * 500 + '"}}',
}


@pytest.fixture
def trash(tmp_path, monkeypatch):
    """A stand-in system trash: deleted run folders are moved here, so tests can look at them."""
    folder = tmp_path / "trash"
    folder.mkdir()

    def send(path: Path) -> None:
        shutil.move(str(path), str(folder / path.name))

    monkeypatch.setattr("nndesk.runs._send_to_trash", send)
    return folder


def make_store(tmp_path) -> RunStore:
    return RunStore(tmp_path / "runs")


def run_with(store: RunStore, **fields) -> str:
    """A run that has ended ("completed", unless ``fields`` say otherwise)."""
    record = store.create({"dataset": "mnist", "arch": "784-10", "lr": 0.1})
    for key, value in {"status": "completed", **fields}.items():
        setattr(record, key, value)
    store.save(record)
    record.release_lock()
    return record.run_id


def link_out_of_runs(store: RunStore, tmp_path) -> Path:
    """A folder of the user's work outside the runs folder, and the run folder "link" to it."""
    outside = tmp_path / "precious"
    outside.mkdir()
    (outside / "thesis.txt").write_text("years of work")
    try:
        (store.root / "link").symlink_to(outside, target_is_directory=True)
    except OSError:
        pytest.skip("this file system refuses symbolic links")
    return outside


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_a_malformed_run_json_is_listed_as_damaged_and_left_in_place(tmp_path, name):
    store = make_store(tmp_path)
    good = run_with(store)
    folder = store.root / name
    folder.mkdir()
    content = MALFORMED[name]
    data = content if isinstance(content, bytes) else content.encode()
    (folder / "run.json").write_bytes(data)

    records = {r.run_id: r for r in store.list()}
    assert records[good].status == "completed"
    damaged = records[name]
    assert damaged.status == DAMAGED
    assert damaged.message and "\n" not in damaged.message
    assert damaged.model_path is None  # nothing from inside the file is used
    assert (folder / "run.json").read_bytes() == data
    with pytest.raises(RunFileError):
        store.load(name)


def test_a_folder_without_run_json_is_listed_as_damaged(tmp_path):
    store = make_store(tmp_path)
    run_with(store)
    (store.root / "half-made").mkdir()
    (damaged,) = [r for r in store.list() if r.status == DAMAGED]
    assert damaged.run_id == "half-made" and "missing" in damaged.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_a_run_json_that_is_a_pipe_or_a_folder_is_damaged_and_never_opened(tmp_path):
    """Opening a named pipe waits for a writer forever: the window would never start."""
    store = make_store(tmp_path)
    run_with(store)
    (store.root / "piped").mkdir()
    os.mkfifo(store.root / "piped" / "run.json")
    (store.root / "nested" / "run.json").mkdir(parents=True)
    listed: list = []
    # a daemon thread, so a regression fails this test instead of hanging the whole suite
    reader = threading.Thread(target=lambda: listed.extend(store.list()), daemon=True)
    reader.start()
    reader.join(timeout=60)
    assert not reader.is_alive(), "listing the runs blocked on the pipe"
    damaged = {r.run_id: r.message for r in listed if r.status == DAMAGED}
    assert set(damaged) == {"piped", "nested"}
    assert damaged["piped"].endswith("not a regular file")


def test_the_run_id_comes_from_the_folder_never_from_inside_run_json(tmp_path, trash):
    store = make_store(tmp_path)
    victim = run_with(store)
    evil = store.root / "evil"
    evil.mkdir()
    (evil / "run.json").write_text(json.dumps({"run_id": "..", "config": {}}))
    sneaky = store.root / "sneaky"
    sneaky.mkdir()
    (sneaky / "run.json").write_text(json.dumps({"run_id": victim, "config": {}}))

    ids = sorted(r.run_id for r in store.list())
    assert ids == sorted([victim, "evil", "sneaky"])
    store.delete("evil")
    store.delete("sneaky")
    assert sorted(p.name for p in store.root.iterdir()) == [victim]
    assert sorted(p.name for p in trash.iterdir()) == ["evil", "sneaky"]


def test_deleting_a_copied_run_folder_leaves_the_original(tmp_path, trash):
    store = make_store(tmp_path)
    original = run_with(store, status="completed")
    shutil.copytree(store.root / original, store.root / "copy-of-run")
    assert {r.run_id for r in store.list()} == {original, "copy-of-run"}

    store.delete("copy-of-run")
    assert [r.run_id for r in store.list()] == [original]
    assert (store.root / original / "run.json").is_file()
    assert (trash / "copy-of-run" / "run.json").is_file()


@pytest.mark.parametrize("run_id", ["..", ".", "", "../runs", "a/b", "/", "a\\b", "x\0y"])
def test_ids_that_are_not_one_folder_name_are_refused(tmp_path, trash, run_id):
    store = make_store(tmp_path)
    kept = run_with(store)
    (tmp_path / "a").mkdir()  # "a/b" must not reach a sibling either
    (tmp_path / "a" / "b").mkdir()
    with pytest.raises(RunFileError):
        store.delete(run_id)
    with pytest.raises(RunFileError):
        store.delete(run_id, permanent=True)
    assert (store.root / kept).is_dir() and (tmp_path / "a" / "b").is_dir()
    assert not any(trash.iterdir())


def test_an_absolute_path_is_refused(tmp_path, trash):
    store = make_store(tmp_path)
    kept = run_with(store)
    with pytest.raises(RunFileError):
        store.delete(str(store.root / kept))
    assert (store.root / kept).is_dir()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links on this platform")
def test_a_link_leading_out_of_the_runs_folder_is_never_followed(tmp_path, trash):
    store = make_store(tmp_path)
    run_with(store)
    outside = link_out_of_runs(store, tmp_path)

    (listed,) = [r for r in store.list() if r.run_id == "link"]
    assert listed.status == DAMAGED
    for permanent in (False, True):
        with pytest.raises(RunFileError):
            store.delete("link", permanent=permanent)
    assert (outside / "thesis.txt").read_text() == "years of work"


def test_a_trash_that_cannot_take_the_folder_asks_for_a_permanent_delete(tmp_path, monkeypatch):
    import send2trash

    def refuse(path):  # a trash on another device, or none the person may write to
        raise send2trash.TrashPermissionError(path)

    monkeypatch.setattr(send2trash, "send2trash", refuse)
    store = make_store(tmp_path)
    run_id = run_with(store)
    with pytest.raises(TrashUnavailableError, match=f"the system trash cannot take {run_id}"):
        store.delete(run_id)
    assert (store.root / run_id).is_dir()  # nothing happens until the person says so
    store.delete(run_id, permanent=True)
    assert not (store.root / run_id).exists()


def test_a_missing_send2trash_asks_for_a_permanent_delete_too(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "send2trash", None)  # its import then fails
    store = make_store(tmp_path)
    run_id = run_with(store)
    with pytest.raises(TrashUnavailableError, match="there is no system trash here"):
        store.delete(run_id)
    assert (store.root / run_id).is_dir()


def test_a_folder_the_trash_took_despite_an_error_is_deleted(tmp_path, monkeypatch):
    import send2trash

    def take_then_complain(path):  # the move happened; a later step (its info file) failed
        shutil.rmtree(path)
        raise OSError("could not write the trash info")

    monkeypatch.setattr(send2trash, "send2trash", take_then_complain)
    store = make_store(tmp_path)
    run_id = run_with(store)
    store.delete(run_id)
    assert not (store.root / run_id).exists()


def test_delete_moves_the_folder_to_the_real_system_trash(tmp_path):
    """send2trash itself, in a child process whose trash is inside tmp_path (the freedesktop
    trash folder is read when send2trash is imported)."""
    if sys.platform in ("darwin", "win32"):
        pytest.skip("the trash location is only redirectable on freedesktop systems")
    runs = tmp_path / "home" / "runs"
    runs.mkdir(parents=True)
    (runs / "keep").mkdir()
    (runs / "keep" / "run.json").write_text("{}")
    (runs / "gone").mkdir()
    (runs / "gone" / "run.json").write_text("{}")
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "xdg"), HOME=str(tmp_path / "home"))
    code = "import sys; from nndesk.runs import RunStore; RunStore(sys.argv[1]).delete('gone')"
    root = Path(__file__).resolve().parents[1]
    env["PYTHONPATH"] = str(root)
    subprocess.run([sys.executable, "-c", code, str(runs)], check=True, env=env, timeout=60)
    assert [p.name for p in runs.iterdir()] == ["keep"]
    assert (tmp_path / "xdg" / "Trash" / "files" / "gone" / "run.json").is_file()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links on this platform")
def test_remove_link_takes_the_link_and_never_its_target(tmp_path):
    store = make_store(tmp_path)
    kept = run_with(store)
    outside = link_out_of_runs(store, tmp_path)

    assert store.link_target("link") == str(outside)
    assert store.link_target(kept) is None and store.link_target("..") is None
    for not_a_link in (kept, "..", "missing", str(store.root / "link")):
        with pytest.raises(RunFileError):
            store.remove_link(not_a_link)
    store.remove_link("link")
    assert not os.path.lexists(store.root / "link")
    assert (outside / "thesis.txt").read_text() == "years of work"
    assert (store.root / kept).is_dir()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links on this platform")
@pytest.mark.parametrize("text", ["..", "../..", "./../runs/../..", "sub/.."])
def test_a_links_target_is_named_as_the_real_folder_not_the_links_text(tmp_path, text):
    """Probe 33 F7: the remove-link question said 'run-x is a link to ..': it names the real
    folder the link leads to, as a person would find it."""
    store = make_store(tmp_path)
    run_with(store)
    (store.root / "sub").mkdir(exist_ok=True)
    os.symlink(text, store.root / "link")
    target = store.link_target("link")
    assert target == str((store.root / text).resolve())
    assert os.path.isabs(target) and ".." not in Path(target).parts
