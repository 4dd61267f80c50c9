"""Which folder a command reads a dataset from: ``--data-dir``, then ``NNDESK_DATA_DIR``, then
the folder chosen in the window, then the cache; and what it says when none has the files."""

from __future__ import annotations

import json
import os
import socket
import urllib.error
import urllib.request

import pytest

from nndesk import cli, preferences


def _offline(monkeypatch) -> None:
    """Every download server is unreachable, as on a machine without network."""

    def unreachable(*args, **kwargs):
        raise urllib.error.URLError(socket.gaierror(-3, "Temporary failure in name resolution"))

    monkeypatch.setattr(urllib.request, "urlopen", unreachable)


def _json(out: str) -> dict:
    lines = out.strip().splitlines()
    assert len(lines) == 1, out  # with --json stdout is the JSON alone
    return json.loads(lines[0])


def _one_error_line(err: str) -> str:
    lines = [line for line in err.strip().splitlines() if line.startswith("nndesk: error:")]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


@pytest.fixture
def empty(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    return folder


def test_evaluate_reads_the_folder_chosen_in_the_window(tiny_dir, monkeypatch, capsys):
    _offline(monkeypatch)
    preferences.set_data_dir(str(tiny_dir))
    assert cli.main(["evaluate", "mnist-mlp", "--json"]) == 0
    captured = capsys.readouterr()
    assert _json(captured.out)["data"] == {"folder": str(tiny_dir), "from": "window"}
    assert f"reading the dataset from {tiny_dir}, the folder chosen in the window" in captured.err
    # without --json the line is part of the report
    assert cli.main(["evaluate", "mnist-mlp"]) == 0
    assert "the folder chosen in the window" in capsys.readouterr().out


def test_data_dir_then_the_environment_then_the_window(tiny_dir, empty, monkeypatch, capsys):
    preferences.set_data_dir(str(empty))  # holds nothing: passed over, never an error
    monkeypatch.setenv("NNDESK_DATA_DIR", str(tiny_dir))
    assert cli.main(["evaluate", "mnist-mlp", "--json"]) == 0
    captured = capsys.readouterr()
    assert _json(captured.out)["data"] == {"folder": str(tiny_dir), "from": "NNDESK_DATA_DIR"}
    assert "chosen in the window" not in captured.err
    preferences.set_data_dir(str(tiny_dir))
    monkeypatch.setenv("NNDESK_DATA_DIR", str(empty))  # named for this command: used as given
    assert cli.main(["evaluate", "mnist-mlp", "--json"]) == 2
    assert str(empty) in _one_error_line(capsys.readouterr().err)
    args = ["evaluate", "mnist-mlp", "--data-dir", str(tiny_dir), "--json"]
    assert cli.main(args) == 0
    assert _json(capsys.readouterr().out)["data"] == {"folder": str(tiny_dir), "from": "--data-dir"}


def test_train_reads_the_window_folder_and_says_so_in_its_json(tiny_dir, tmp_path, capsys):
    preferences.set_data_dir(str(tiny_dir))
    out = tmp_path / "m.npz"
    argv = ["train", "--dataset", "mnist", "--arch", "784-8-10", "--epochs", "1"]
    assert cli.main([*argv, "--out", str(out), "--json"]) == 0
    assert _json(capsys.readouterr().out)["data"] == {"folder": str(tiny_dir), "from": "window"}


def test_a_window_folder_without_the_files_is_passed_over_for_the_cache(
    tiny_dir, empty, monkeypatch, capsys
):
    preferences.set_data_dir(str(empty))
    cache = _tiny_test_files_in_a_cache(tiny_dir, "cache-copy", monkeypatch)
    # the tiny files are not MNIST's: a cache refuses them, which says the cache was read
    assert cli.main(["evaluate", "mnist-mlp", "--json"]) == 2
    line = _one_error_line(capsys.readouterr().err)
    assert str(cache) in line and str(empty) not in line


def _tiny_test_files_in_a_cache(tiny_dir, folder: str, monkeypatch):
    """The tiny test files copied into a download cache at ``folder`` beside ``tiny_dir`` (not
    registered as MNIST's: a command reading them there refuses them and names the cache)."""
    cache = tiny_dir.parent / folder / "datasets" / "mnist"
    cache.mkdir(parents=True, exist_ok=True)
    for name in ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
        (cache / name).write_bytes((tiny_dir / name).read_bytes())
    monkeypatch.setenv("NNDESK_CACHE_DIR", str(cache.parent.parent))
    return cache


def _tiny_mnist_in_the_cache(tiny_dir, monkeypatch):
    """MNIST in nndesk's download cache, as the window's Download leaves it: the tiny files,
    registered as MNIST's (their checksums), so a command reading the cache evaluates them."""
    from dataclasses import replace

    from nndesk.data import registry
    from nndesk.data.download import dataset_cache_dir
    from nndesk.data.idx import sha256_decompressed

    files = tuple(
        replace(f, sha256=sha256_decompressed(tiny_dir / f.gz_name)) for f in registry.MNIST.files
    )
    monkeypatch.setitem(registry.DATASETS, "mnist", replace(registry.MNIST, files=files))
    cache = dataset_cache_dir("mnist")
    cache.mkdir(parents=True, exist_ok=True)
    for file in files:
        (cache / file.gz_name).write_bytes((tiny_dir / file.gz_name).read_bytes())
    return cache


def test_an_environment_folder_without_the_files_gives_way_to_the_cache(
    tiny_dir, empty, monkeypatch, capsys
):
    """walk46 D2: the window read its downloaded MNIST while NNDESK_DATA_DIR named an empty
    folder, and the command stopped at that folder, advising a download it would not read."""
    cache = _tiny_mnist_in_the_cache(tiny_dir, monkeypatch)
    monkeypatch.setenv("NNDESK_DATA_DIR", str(empty))
    assert cli.main(["evaluate", "mnist-mlp", "--json"]) == 0
    captured = capsys.readouterr()
    assert _json(captured.out)["data"] == {"folder": str(cache), "from": "cache"}
    assert (
        f"MNIST is read from nndesk's downloaded copy in {cache}: NNDESK_DATA_DIR={empty} "
        "does not hold its files" in captured.err
    )


def test_a_data_dir_without_the_files_fails_though_the_cache_holds_them(
    tiny_dir, empty, monkeypatch, capsys
):
    """--data-dir names a folder for this one command: a mistyped one must say so, not be
    replaced by the cache's copy unseen."""
    _tiny_mnist_in_the_cache(tiny_dir, monkeypatch)
    assert cli.main(["evaluate", "mnist-mlp", "--data-dir", str(empty), "--json"]) == 2
    assert str(empty) in _one_error_line(capsys.readouterr().err)


@pytest.mark.parametrize(
    "argv", [["evaluate", "fashion-mlp", "--json"], ["download", "fashion"], ["train"]]
)
def test_no_data_anywhere_names_the_ways_to_files_on_disk(argv, monkeypatch, capsys):
    _offline(monkeypatch)
    if argv == ["train"]:
        argv = ["train", "--preset", "fashion-mlp", "--epochs", "1", "--json"]
    assert cli.main(argv) == 2
    captured = capsys.readouterr()
    line = _one_error_line(captured.err)
    assert "no download server could be reached" in line
    # the window's ways out, in the CLI's words: files on disk, or a classroom mirror
    for way in ("--data-dir DIR", "NNDESK_DATA_DIR=DIR", "Choose a folder", "NNDESK_MIRROR="):
        assert way in line, line
    assert captured.out == ""


def test_offline_with_a_classroom_mirror_set_says_to_check_it(monkeypatch, capsys):
    from tests.loopback import closed_port_url

    mirror = closed_port_url()
    monkeypatch.setenv("NNDESK_MIRROR", mirror)
    _offline(monkeypatch)
    assert cli.main(["download", "fashion"]) == 2
    line = _one_error_line(capsys.readouterr().err)
    assert f"The classroom mirror NNDESK_MIRROR={mirror} was tried first: check it." in line


def test_a_window_folder_of_the_other_dataset_is_passed_over_for_the_cache(
    tiny_dir, monkeypatch, capsys
):
    """The window reads its downloaded MNIST where the folder chosen holds Fashion-MNIST
    (walk45 D8); a command read that folder and stopped at "this is fashion's …"."""
    from dataclasses import replace

    from nndesk.data import registry
    from nndesk.data.idx import sha256_decompressed

    files = tuple(
        replace(f, sha256=sha256_decompressed(tiny_dir / f.gz_name)) for f in registry.FASHION.files
    )
    monkeypatch.setitem(registry.DATASETS, "fashion", replace(registry.FASHION, files=files))
    preferences.set_data_dir(str(tiny_dir))
    cache = _tiny_test_files_in_a_cache(tiny_dir, "cache-other", monkeypatch)
    # the tiny files are not MNIST's: the cache refuses them, which says the cache was read
    assert cli.main(["evaluate", "mnist-mlp", "--json"]) == 2
    line = _one_error_line(capsys.readouterr().err)
    assert str(cache) in line and "this is the Fashion-MNIST" not in line


def _damage(settings_file, kind: str) -> None:
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    if kind == "binary":
        settings_file.write_bytes(b"\x00\xff\xfe[data]\ndir=\x89PNG\r\n" * 50)
    elif kind == "folder":
        settings_file.mkdir()
    elif kind == "huge":
        settings_file.write_text("[data]\ndir=/x\n" + "; " + "x" * (1 << 17) + "\n")
    elif kind == "pipe":  # opening it would wait for a writer forever
        os.mkfifo(settings_file)
    elif kind == "garbled":
        settings_file.write_text('[data\ndir="/unterminated\n=\n[[[\n\\\\\\\n')


@pytest.mark.parametrize("kind", ["binary", "folder", "huge", "pipe", "garbled"])
def test_a_damaged_settings_file_never_breaks_a_command(kind, tiny_dir, monkeypatch, capsys):
    from nndesk import paths

    _damage(paths.data_dir() / preferences.SETTINGS_FILE, kind)
    _offline(monkeypatch)
    assert cli.main(["evaluate", "mnist-mlp", "--json"]) == 2  # no folder known: offline line
    assert "Choose a folder" in _one_error_line(capsys.readouterr().err)
    assert cli.main(["evaluate", "mnist-mlp", "--data-dir", str(tiny_dir), "--json"]) == 0
    assert _json(capsys.readouterr().out)["data"]["from"] == "--data-dir"


def test_a_named_folder_never_loads_qt():
    """With --data-dir (or NNDESK_DATA_DIR) the window's settings are not read: Qt stays out."""
    import subprocess
    import sys

    code = (
        "import sys; from nndesk import cli; "
        "cli.main(['evaluate', 'mnist-mlp', '--data-dir', sys.argv[1], '--json']); "
        "print('QT' if 'PySide6' in sys.modules else 'NOQT')"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, "/nonexistent-folder"], capture_output=True, text=True
    )
    assert out.stdout.strip().splitlines()[-1] == "NOQT", out.stderr


@pytest.mark.parametrize("where", ["window", "environment"])
def test_download_offline_names_the_folder_that_already_holds_the_files(
    where, tiny_dir, monkeypatch, capsys
):
    _offline(monkeypatch)
    if where == "window":
        preferences.set_data_dir(str(tiny_dir))
    else:
        monkeypatch.setenv("NNDESK_DATA_DIR", str(tiny_dir))
    assert cli.main(["download", "mnist"]) == 2
    line = _one_error_line(capsys.readouterr().err)
    assert "no download server could be reached" in line
    assert f"already in {tiny_dir}" in line and "train, evaluate and calibrate read them" in line


def test_nndesk_data_dir_holding_the_other_dataset_is_named_in_the_advice(
    tiny_dir, empty, monkeypatch, capsys
):
    """walk48 D10: NNDESK_DATA_DIR at Fashion-MNIST, `nndesk evaluate mnist-mlp` said "point
    --data-dir at the mnist files", though no --data-dir was given: the line names the
    variable that chose the folder; with --data-dir given it still names --data-dir."""
    from dataclasses import replace

    from nndesk.data import registry
    from nndesk.data.idx import sha256_decompressed

    files = tuple(
        replace(f, sha256=sha256_decompressed(tiny_dir / f.gz_name)) for f in registry.FASHION.files
    )
    monkeypatch.setitem(registry.DATASETS, "fashion", replace(registry.FASHION, files=files))
    monkeypatch.setenv("NNDESK_DATA_DIR", str(tiny_dir))
    _offline(monkeypatch)
    assert cli.main(["evaluate", "mnist-mlp"]) == 2
    line = _one_error_line(capsys.readouterr().err)
    # the datasets as a person knows them, never the keys "fashion's …, not mnist's" (walk49)
    said = "this is the Fashion-MNIST (Clothing) t10k-images-idx3-ubyte, not the MNIST (Digits) one"
    assert said in line and "NNDESK_DATA_DIR: point it at the MNIST files" in line
    assert "--data-dir at" not in line
    monkeypatch.delenv("NNDESK_DATA_DIR")
    assert cli.main(["evaluate", "mnist-mlp", "--data-dir", str(tiny_dir)]) == 2
    line = _one_error_line(capsys.readouterr().err)
    assert said in line and "NNDESK_DATA_DIR" not in line
    assert line.endswith("point --data-dir at the MNIST files")


def test_a_window_folder_that_cannot_be_read_is_named_in_the_offline_line(
    tmp_path, monkeypatch, capsys
):
    """walk55b D2: the folder the window remembers could not be read (a name the system
    refuses here; no permission for the student) and was passed over in silence; the offline
    line then sent the student to "the window's Choose a folder…", which they had used."""
    _offline(monkeypatch)
    folder = tmp_path / ("x" * 300)
    preferences.set_data_dir(str(folder), "mnist")
    assert cli.main(["evaluate", "mnist-mlp", "--json"]) == 2
    line = _one_error_line(capsys.readouterr().err)
    assert "no download server could be reached" in line
    said = line.split("The folder chosen in the window, ", 1)[1]  # its long name shortened
    assert said.startswith(str(tmp_path))
    assert ", cannot be read (File name too long). To use files you already have" in said
