"""The classroom mirror a command downloads from: ``NNDESK_MIRROR``, else the one set in the
window's File > Settings…; and what a command says when the folder it was given lacks the files.

Every server is a loopback one started here; "MNIST" is the tiny dataset, its checksums put in
the registry, so the same verification as for the real files applies.
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import replace

import pytest

from nndesk import cli, preferences
from nndesk.data import registry
from nndesk.data.download import dataset_cache_dir
from tests.loopback import closed_port_url
from tests.test_cli_data_folder import _json, _one_error_line


@pytest.fixture
def tiny_mnist(tiny_dir, monkeypatch):
    """MNIST becomes the tiny dataset (its checksums; public mirrors that refuse at once);
    returns its four .gz payloads by file name."""
    payloads = {p.name: p.read_bytes() for p in tiny_dir.iterdir() if p.name.endswith(".gz")}
    files = tuple(
        replace(f, sha256=hashlib.sha256(gzip.decompress(payloads[f.gz_name])).hexdigest())
        for f in registry.MNIST.files
    )
    spec = replace(registry.MNIST, files=files, mirrors=(closed_port_url(),))
    monkeypatch.setitem(registry.DATASETS, "mnist", spec)
    return payloads


def _serve(server, prefix: str, payloads) -> str:
    """The tiny files under ``prefix``/mnist/ (a classroom mirror's layout); its URL."""
    for name, body in payloads.items():
        server.files[f"/{prefix}/mnist/{name}"] = body
    return f"{server.url}/{prefix}"


def _cached() -> list[str]:
    folder = dataset_cache_dir("mnist")
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_download_uses_the_classroom_mirror_set_in_the_window(
    server, tiny_mnist, monkeypatch, capsys
):
    """walk46: only NNDESK_MIRROR was read; the mirror the teacher set in the window was not,
    and the command went to the public mirrors (none reachable in class)."""
    mirror = _serve(server, "school", tiny_mnist)
    preferences.set_mirror(mirror)
    assert cli.main(["download", "mnist"]) == 0
    captured = capsys.readouterr()
    assert _cached() == sorted(tiny_mnist)
    assert server.hits and all(h.startswith("/school/mnist/") for h in server.hits)
    # which mirror, and that it was set in the window: a student did not set it
    assert f"classroom mirror {mirror}, set in the window" in captured.err


def test_nndesk_mirror_wins_over_the_window_setting(server, tiny_mnist, monkeypatch, capsys):
    preferences.set_mirror(_serve(server, "school", tiny_mnist))
    monkeypatch.setenv("NNDESK_MIRROR", _serve(server, "env", tiny_mnist))
    assert cli.main(["download", "mnist"]) == 0
    assert server.hits and all(h.startswith("/env/mnist/") for h in server.hits)
    assert "set in the window" not in capsys.readouterr().err


def test_evaluate_downloads_from_the_window_mirror_and_its_json_keeps_its_keys(
    server, tiny_mnist, tiny_dir, capsys
):
    assert cli.main(["evaluate", "mnist-mlp", "--data-dir", str(tiny_dir), "--json"]) == 0
    keys = set(_json(capsys.readouterr().out))  # of a report read from a folder, no download
    preferences.set_mirror(_serve(server, "school", tiny_mnist))
    assert cli.main(["evaluate", "mnist-mlp", "--json"]) == 0
    captured = capsys.readouterr()
    report = _json(captured.out)
    assert report["data"] == {"folder": str(dataset_cache_dir("mnist")), "from": "cache"}
    assert set(report) == keys
    assert "set in the window" in captured.err  # said on stderr: stdout holds the JSON alone
    assert server.hits and all(h.startswith("/school/mnist/") for h in server.hits)


def test_train_downloads_from_the_window_mirror(server, tiny_mnist, tmp_path, capsys):
    preferences.set_mirror(_serve(server, "school", tiny_mnist))
    argv = ["train", "--dataset", "mnist", "--arch", "784-8-10", "--epochs", "1"]
    assert cli.main([*argv, "--out", str(tmp_path / "m.npz"), "--json"]) == 0
    assert _json(capsys.readouterr().out)["data"]["from"] == "cache"
    assert server.hits and all(h.startswith("/school/mnist/") for h in server.hits)


def test_offline_the_error_names_the_window_mirror_that_was_tried(tiny_mnist, capsys):
    mirror = closed_port_url()
    preferences.set_mirror(mirror)
    assert cli.main(["download", "mnist"]) == 2
    line = _one_error_line(capsys.readouterr().err)
    assert (
        f"The classroom mirror {mirror} set in the window (File > Settings…) was tried first: "
        "check it." in line
    )
    assert "NNDESK_MIRROR=URL-or-FOLDER" not in line


def test_an_offline_download_into_a_new_dest_leaves_no_folder(tiny_mnist, tmp_path, capsys):
    """walk47 D4: `nndesk download mnist --dest /tmp/x` offline left an empty /tmp/x."""
    dest = tmp_path / "x"
    assert cli.main(["download", "mnist", "--dest", str(dest)]) == 2
    _one_error_line(capsys.readouterr().err)
    assert not dest.exists()


def test_an_environment_mirror_that_fails_is_one_short_line_naming_each_source_once(
    server, tiny_mnist, monkeypatch, capsys
):
    """walk47 D5: ~700 characters, the files-on-disk advice said twice, each file's name
    repeated after each source."""
    spec = registry.DATASETS["mnist"]
    public = (closed_port_url(), closed_port_url())
    monkeypatch.setitem(registry.DATASETS, "mnist", replace(spec, mirrors=public))
    mirror = f"{server.url}/school"  # answers, without the files: HTTP 404
    monkeypatch.setenv("NNDESK_MIRROR", mirror)
    assert cli.main(["download", "mnist"]) == 2
    captured = capsys.readouterr()
    line = _one_error_line(captured.err)
    # every source tried, once, with why it failed
    assert f"{mirror}/mnist/: HTTP 404" in line
    assert f"{public[0]}, {public[1]}: connection refused" in line
    # each way out once
    for said_once in ("--data-dir", "NNDESK_DATA_DIR", mirror, ": HTTP", "classroom mirror"):
        assert line.count(said_once) == 1, (said_once, line)
    assert "Check the classroom mirror (NNDESK_MIRROR)" in line
    assert len(line) < 400, len(line)
    # and before it, where the mirror came from, as for the window's mirror
    assert f"downloading from the classroom mirror {mirror} (set by NNDESK_MIRROR)" in captured.err


def test_an_empty_nndesk_mirror_turns_the_window_mirror_off_for_one_command(
    server, tiny_mnist, monkeypatch, capsys
):
    preferences.set_mirror(_serve(server, "school", tiny_mnist))
    spec = registry.DATASETS["mnist"]
    public = _serve(server, "public", tiny_mnist) + "/mnist/"
    monkeypatch.setitem(registry.DATASETS, "mnist", replace(spec, mirrors=(public,)))
    monkeypatch.setenv("NNDESK_MIRROR", "")
    assert cli.main(["download", "mnist"]) == 0
    assert "classroom mirror" not in capsys.readouterr().err
    assert server.hits and all(h.startswith("/public/mnist/") for h in server.hits)
    assert _cached() == sorted(tiny_mnist)
    # offline, the line says no mirror was tried, not to set the one already set
    for path in _cached():
        (dataset_cache_dir("mnist") / path).unlink()
    monkeypatch.setitem(registry.DATASETS, "mnist", replace(spec, mirrors=(closed_port_url(),)))
    assert cli.main(["download", "mnist"]) == 2
    line = _one_error_line(capsys.readouterr().err)
    assert "NNDESK_MIRROR is set empty, so no classroom mirror was tried" in line
    assert "File > Settings" not in line


@pytest.mark.parametrize("stored", ["ftp://teacher/datasets", "smb://share/mnist"])
def test_an_unusable_mirror_in_the_settings_is_one_line_and_status_2(stored, tiny_mnist, capsys):
    preferences.settings().setValue("data/mirror", stored)
    preferences.settings().sync()
    assert cli.main(["download", "mnist"]) == 2
    captured = capsys.readouterr()
    line = _one_error_line(captured.err)
    assert stored in line and str(preferences.settings_file()) in line
    assert "http:// or https://" in line and "NNDESK_MIRROR" in line
    assert _cached() == []


def test_an_unusable_window_mirror_does_not_stop_a_command_whose_data_is_here(tiny_dir, capsys):
    """Nothing to download: the setting is not needed, so it is not read."""
    preferences.settings().setValue("data/mirror", "ftp://teacher/datasets")
    assert cli.main(["evaluate", "mnist-mlp", "--data-dir", str(tiny_dir), "--json"]) == 0


@pytest.mark.parametrize("kind", ["binary", "folder", "garbled"])
def test_a_damaged_settings_file_is_one_line_and_the_public_mirrors_are_used(
    kind, server, tiny_mnist, capsys
):
    from nndesk import paths
    from tests.test_cli_data_folder import _damage

    spec = registry.DATASETS["mnist"]
    public = f"{server.url}/public/"
    for name, body in tiny_mnist.items():
        server.files[f"/public/{name}"] = body
    registry.DATASETS["mnist"] = replace(spec, mirrors=(public,))
    _damage(paths.data_dir() / preferences.SETTINGS_FILE, kind)
    assert cli.main(["download", "mnist"]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert [line for line in err.splitlines() if "settings" in line][:1]  # said, in a line
    assert _cached() == sorted(tiny_mnist)


# -- a folder named for the command that lacks the files ----------------------------------------
@pytest.fixture
def empty(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("command", ["evaluate", "train"])
def test_an_empty_data_dir_says_how_to_fill_it_and_the_advice_works(
    command, empty, server, tiny_mnist, monkeypatch, tmp_path, capsys
):
    """walk46: it said "run `nndesk download mnist`", which fills the cache: the command
    with --data-dir read the same empty folder again."""
    if command == "evaluate":
        argv = ["evaluate", "mnist-mlp", "--data-dir", str(empty), "--json"]
    else:
        argv = ["train", "--dataset", "mnist", "--arch", "784-8-10", "--epochs", "1"]
        argv += ["--data-dir", str(empty), "--out", str(tmp_path / "m.npz"), "--json"]
    assert cli.main(argv) == 2
    line = _one_error_line(capsys.readouterr().err)
    assert str(empty) in line and "are missing" in line
    assert f"nndesk download mnist --dest {empty}" in line
    assert "leave out --data-dir" in line
    assert "run `nndesk download mnist`" not in line
    # what it advises does what it says
    monkeypatch.setenv("NNDESK_MIRROR", _serve(server, "school", tiny_mnist))
    assert cli.main(["download", "mnist", "--dest", str(empty)]) == 0
    capsys.readouterr()
    assert cli.main(argv) == 0


def test_an_empty_environment_folder_names_the_variable_not_the_flag(
    empty, tiny_mnist, monkeypatch, capsys
):
    monkeypatch.setenv("NNDESK_DATA_DIR", str(empty))
    assert cli.main(["evaluate", "mnist-mlp", "--json"]) == 2
    line = _one_error_line(capsys.readouterr().err)
    assert f"nndesk download mnist --dest {empty}" in line
    assert "unset NNDESK_DATA_DIR" in line and "--data-dir" not in line


def test_a_data_dir_that_is_a_file_is_not_advised_as_a_download_place(tmp_path, capsys):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    assert cli.main(["evaluate", "mnist-mlp", "--data-dir", str(a_file), "--json"]) == 2
    line = _one_error_line(capsys.readouterr().err)
    assert "is a file, not a folder" in line and "--dest" not in line
