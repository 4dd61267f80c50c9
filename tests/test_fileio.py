import errno
import os
import stat
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nndesk import fileio
from nndesk.fileio import (
    TEMP_PREFIX,
    atomic_path,
    atomic_write_text,
    check_writable,
    remove_stale_temps,
)


def test_atomic_write_replaces_the_file_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "report.csv"
    target.write_text("old")
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "model.npz"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("disk full")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["model.npz"]


def test_written_files_get_the_usual_permissions_not_private_ones(tmp_path):
    mask = os.umask(0o022)
    try:
        path = atomic_write_text(tmp_path / "shared.txt", "x")
        os.umask(0o077)
        private = atomic_write_text(tmp_path / "private.txt", "x")
    finally:
        os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o644
    assert private.stat().st_mode & 0o777 == 0o600


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
@pytest.mark.parametrize("mode", [0o640, 0o600, 0o444, 0o664])
def test_replacing_a_file_keeps_its_permissions(tmp_path, mode):
    target = tmp_path / "run.json"
    target.write_text("old")
    target.chmod(mode)
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_writing_never_touches_the_process_umask(tmp_path, monkeypatch):
    def no_umask(mask):
        raise AssertionError("os.umask is process-wide: changing it races with other threads")

    monkeypatch.setattr(os, "umask", no_umask)
    atomic_write_text(tmp_path / "a.txt", "x")
    atomic_write_text(tmp_path / "a.txt", "y")
    assert (tmp_path / "a.txt").read_text() == "y"


def test_the_file_is_synced_before_the_rename_and_the_folder_after(tmp_path, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        events.append("fsync-folder" if os.path.isdir(f"/proc/self/fd/{fd}") else "fsync-file")
        real_fsync(fd)

    def replace(src, dst):
        events.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    atomic_write_text(tmp_path / "a.txt", "x")
    if os.path.isdir("/proc/self/fd"):
        assert events == ["fsync-file", "rename", "fsync-folder"]
    else:
        assert events[:2] == ["fsync-file", "rename"]


def test_a_write_error_names_the_target_never_the_hidden_temp_file(tmp_path):
    target = tmp_path / "model.npz"
    with pytest.raises(OSError) as info, atomic_path(target) as tmp:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp))
    assert info.value.errno == errno.ENOSPC
    assert info.value.filename == str(target)
    assert TEMP_PREFIX not in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_other_errors_inside_the_write_pass_through_unchanged(tmp_path):
    class NetworkDown(OSError):
        pass

    with pytest.raises(NetworkDown), atomic_path(tmp_path / "x.gz"):
        raise NetworkDown("mirror unreachable")


def test_temp_files_a_killed_writer_left_are_removed_by_the_next_write(tmp_path):
    stale = tmp_path / f"{TEMP_PREFIX}run.json.dead1234.json"
    stale.write_text("half a record")
    old = time.time() - fileio.STALE_TEMP_SECONDS - 60
    os.utime(stale, (old, old))
    fresh = tmp_path / f"{TEMP_PREFIX}run.json.busy5678.json"  # another writer, still going
    fresh.write_text("being written")
    theirs = tmp_path / ".hidden-user-file"
    theirs.write_text("not ours")
    os.utime(theirs, (old, old))

    atomic_write_text(tmp_path / "run.json", "{}")
    assert not stale.exists()
    assert fresh.exists() and theirs.exists()
    assert remove_stale_temps(tmp_path, older_than=-1) == 1  # only nndesk's own prefix
    assert theirs.exists()


def test_check_writable_names_what_is_wrong(tmp_path):
    afile = tmp_path / "notes.txt"
    afile.write_text("x")
    with pytest.raises(OSError, match="notes.txt is a file, not a folder"):
        check_writable(afile / "m.npz", "--out")
    with pytest.raises(OSError, match="--out: the folder .*missing does not exist"):
        check_writable(tmp_path / "missing" / "m.npz", "--out")
    with pytest.raises(OSError, match="is a folder, not a file"):
        check_writable(tmp_path, "--out")
    assert check_writable(tmp_path / "m.npz") == tmp_path / "m.npz"
    assert list(tmp_path.iterdir()) == [afile]  # the probe file is gone


def test_check_writable_tries_a_real_file_so_read_only_folders_are_caught(tmp_path, monkeypatch):
    """Root ignores permission bits and a read-only mount has them all set: only trying tells.
    The file system's refusal is simulated here (tests may run as root)."""
    real_open = os.open

    def read_only(path, flags, mode=0o777, **kw):
        if os.path.basename(path).startswith(TEMP_PREFIX) and flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", path)
        return real_open(path, flags, mode, **kw)

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(OSError, match=r"--out: cannot write in .* \(Read-only file system\)"):
        check_writable(tmp_path / "m.npz", "--out")


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root writes anywhere")
def test_check_writable_refuses_a_folder_without_write_permission(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(OSError, match="cannot write in"):
            check_writable(folder / "m.npz", "--out")
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_a_device_or_pipe_is_never_replaced(tmp_path):
    """--out /dev/null must not swap the system's device node for a file: a named pipe
    stands in for the device here."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(OSError, match="is not a regular file"):
        atomic_write_text(pipe, "x")
    with pytest.raises(OSError, match="--out: .*pipe is not a regular file"):
        check_writable(pipe, "--out")
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


@pytest.mark.parametrize("name", ["m" * 251 + ".npz", "é" * 125 + ".txt", "a." + "b" * 253])
def test_a_target_with_the_longest_allowed_name_is_written(tmp_path, name):
    """The temp file's name adds a prefix and a random part: it must not pass NAME_MAX when the
    target's own name is allowed (a trained model was lost to ENAMETOOLONG after training)."""
    assert len(os.fsencode(name)) <= fileio.NAME_MAX
    target = tmp_path / name
    atomic_write_text(target, "saved")
    assert target.read_text() == "saved"
    assert [p.name for p in tmp_path.iterdir()] == [name]


@settings(max_examples=200, deadline=None)
@given(
    name=st.text(
        st.characters(blacklist_characters="/\0", blacklist_categories=("Cs",)), min_size=1
    ).filter(lambda n: len(os.fsencode(n)) <= 255 and n not in (".", "..")),
    ext=st.sampled_from(["", ".npz", ".png", ".x" * 20]),
)
def test_temp_names_stay_within_name_max_and_are_recognisable(name, ext):
    temp = fileio._temp_name(name, ext)  # noqa: SLF001
    assert len(os.fsencode(temp)) <= fileio.NAME_MAX
    assert temp.startswith(TEMP_PREFIX) and "/" not in temp
    assert ext == "" or len(ext) > 16 or temp.endswith(ext)


def test_a_write_that_must_not_replace_keeps_the_existing_file(tmp_path):
    target = tmp_path / "20261202-101010-mnist.npz"
    target.write_text("another run's model")
    with pytest.raises(FileExistsError) as info, atomic_path(target, replace=False) as tmp:
        tmp.write_text("this run's model")
    assert info.value.filename == str(target) and TEMP_PREFIX not in str(info.value)
    assert target.read_text() == "another run's model"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    fresh = tmp_path / "new.npz"
    with atomic_path(fresh, replace=False) as tmp:
        tmp.write_text("mine")
    assert fresh.read_text() == "mine" and len(list(tmp_path.iterdir())) == 2


def test_without_hard_links_a_write_that_must_not_replace_still_refuses(tmp_path, monkeypatch):
    def no_links(src, dst):
        raise OSError(errno.EPERM, "Operation not permitted", src, None, dst)

    monkeypatch.setattr(os, "link", no_links)  # FAT, some network shares
    target = tmp_path / "m.npz"
    with atomic_path(target, replace=False) as tmp:
        tmp.write_text("first")
    with pytest.raises(FileExistsError), atomic_path(target, replace=False) as tmp:
        tmp.write_text("second")
    assert target.read_text() == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["m.npz"]


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT, errno.EFBIG])
def test_a_full_disk_without_a_file_name_is_said_about_the_target(tmp_path, code):
    """zipfile (np.savez) and matplotlib raise ``[Errno 28] No space left on device`` naming no
    file: the CLI printed just that. The error names the file that was being written, and the
    old one is kept."""
    target = tmp_path / "model.npz"
    target.write_text("the old model")
    with pytest.raises(OSError) as info, atomic_path(target) as tmp:
        tmp.write_text("half")
        raise OSError(code, os.strerror(code))
    assert info.value.errno == code and info.value.filename == str(target)
    assert target.read_text() == "the old model"
    assert [p.name for p in tmp_path.iterdir()] == ["model.npz"]


WRITER = """
import sys, time
from nndesk.fileio import atomic_path
with atomic_path(sys.argv[1]) as tmp:
    tmp.write_bytes(b"half a model" * 100_000)
    print("writing", flush=True)
    time.sleep(600)  # killed here, in the middle of its save
"""


@pytest.fixture
def writer(tmp_path):
    """A real process in the middle of an atomic save into ``tmp_path`` (killed at the end)."""
    import subprocess
    import sys

    target = tmp_path / "model.npz"
    env = dict(os.environ, PYTHONPATH=str(Path(fileio.__file__).parents[1]))
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert child.stdout.readline() == "writing\n"
        yield child
    finally:
        child.kill()
        child.wait()


@pytest.mark.skipif(fileio.fcntl is None, reason="writers lock their temp files with flock")
def test_a_killed_saves_temp_file_is_removed_and_a_live_ones_never(tmp_path, writer):
    (temp,) = [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]
    old = time.time() - 3600
    os.utime(temp, (old, old))  # however old it looks, a writer still holds it
    assert remove_stale_temps(tmp_path, older_than=0) == 0
    assert temp.exists()

    writer.kill()  # as `kill -9` does to a save; the kernel drops its lock
    writer.wait()
    assert temp.exists() and temp.stat().st_size > 1_000_000
    assert remove_stale_temps(tmp_path, older_than=0) == 1
    assert not temp.exists()
    assert not (tmp_path / "model.npz").exists()


def test_only_regular_files_nndesk_names_are_removed_never_through_a_link(tmp_path):
    old = time.time() - 3600
    outside = tmp_path / "outside"
    outside.mkdir()
    precious = outside / "thesis.tex"
    precious.write_text("years of work")
    folder = tmp_path / "runs"
    folder.mkdir()
    (folder / f"{TEMP_PREFIX}link.npz").symlink_to(precious)
    (folder / f"{TEMP_PREFIX}folder").mkdir()
    theirs = folder / "nndesk-tmp-but-not-hidden.npz"
    dead = folder / f"{TEMP_PREFIX}model.npz.0badc0de.npz"
    for path in (theirs, dead):
        path.write_text("x")
        os.utime(path, (old, old))
    os.utime(precious, (old, old))

    assert remove_stale_temps(folder) == 1
    assert not dead.exists()
    assert theirs.exists() and precious.read_text() == "years of work"
    assert (folder / f"{TEMP_PREFIX}link.npz").is_symlink() and (
        folder / f"{TEMP_PREFIX}folder"
    ).is_dir()


def test_a_just_made_temp_file_is_left_for_its_writer_to_lock(tmp_path):
    """A writer creates its temp file a moment before it locks it: a fresh unheld one stays."""
    fresh = tmp_path / f"{TEMP_PREFIX}run.json.12345678.json"
    fresh.write_text("{")
    assert remove_stale_temps(tmp_path) == 0 and fresh.exists()


def test_the_settings_folder_is_probed_with_a_hidden_temp_file_that_is_removed(
    tmp_path, monkeypatch
):
    """The check that the settings folder takes a file wrote ``.nndesk-settings-probe.<hex>``
    with ``open(..., "wb")``: a name no stale-temp sweep knew (a killed write left it for
    good), opened through whatever file or link had it."""
    from nndesk import preferences

    seen: list[tuple[str, int]] = []
    real_fsync = os.fsync

    def looked_at(fd):
        seen.extend((p.name, stat.S_IMODE(p.stat().st_mode)) for p in tmp_path.iterdir())
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", looked_at)
    assert preferences._write_refusal(tmp_path) == ""
    ((name, mode),) = seen
    assert name.startswith(f"{TEMP_PREFIX}probe.") and mode == 0o600
    assert list(tmp_path.iterdir()) == []


def test_a_probe_that_does_not_fit_says_why_and_leaves_nothing(tmp_path, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError) as refused:
        fileio.write_a_probe(tmp_path, 4096)
    assert refused.value.errno == errno.ENOSPC and list(tmp_path.iterdir()) == []


def test_a_probe_a_killed_process_left_goes_with_the_next_write(tmp_path):
    left = tmp_path / f"{TEMP_PREFIX}probe.k1ll3d"  # tempfile's name, no lock held
    left.write_text("\n" * 4096)
    past = time.time() - 3600
    os.utime(left, (past, past))
    atomic_write_text(tmp_path / "settings.ini", "[General]\n")
    assert [p.name for p in tmp_path.iterdir()] == ["settings.ini"]
