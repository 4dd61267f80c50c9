"""Atomic file writes: a temp file in the same folder, fsync, rename. A crash never leaves half a
file, an existing file keeps its permissions, and temp files a killed process left behind are
removed by the next write into that folder (and, for run folders, when the window or
``nndesk models`` lists them).

A writer holds an exclusive ``flock`` on its temp file until the file is renamed or removed; the
kernel drops it when the process dies. So a temp file that nobody holds belongs to a dead writer
and can go at once, whatever its age (where locks are not available, only one older than
``STALE_TEMP_SECONDS`` is taken for dead).

The process umask is never changed (``os.umask`` is process-wide, so setting and restoring it
races with every other thread creating a file): a new file gets the mode ``os.open(..., 0o666)``
gives, exactly what a plain ``open()`` would give.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from nndesk.i18n import N_, Message

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

#: Every temp file nndesk writes starts with this, so a leftover one is recognisable.
TEMP_PREFIX = ".nndesk-tmp-"
#: Without file locks, a leftover temp file older than this (seconds) is taken for a dead
#: writer's and removed.
STALE_TEMP_SECONDS = 15 * 60
#: With locks, an unheld temp file younger than this is still left alone: a writer creates its
#: file a moment before it locks it.
UNLOCKED_GRACE_SECONDS = 10.0
#: The system's ways of saying a file did not fit: the disk, the user's quota, ``ulimit -f``.
_NO_ROOM = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
#: The longest file name (bytes) the common file systems take (ext4, btrfs, xfs, tmpfs, NTFS).
NAME_MAX = 255


@contextlib.contextmanager
def atomic_path(
    path: str | os.PathLike, suffix: str | None = None, replace: bool = True
) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success fsync it and rename it over ``path``,
    else delete it.

    ``suffix`` sets the temp file's extension, for writers that insist on one (``np.savez`` adds
    ``.npz``, matplotlib picks the format from it); it defaults to ``path``'s own suffix. An
    ``OSError`` raised while writing names ``path``, never the hidden temp file. With
    ``replace=False`` an existing ``path`` is never replaced, even one another process creates
    meanwhile: ``FileExistsError`` (the temp file is removed).
    """
    path = Path(path)
    folder = path.parent
    _file_in_the_way(path)
    _not_a_regular_file(path)
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(folder)
    ext = path.suffix if suffix is None else suffix
    tmp = folder / _temp_name(path.name, ext)
    held = None
    try:
        mode, held = _create(tmp, path)
        try:
            yield tmp
            _fsync_file(tmp)
            os.chmod(tmp, mode)
            if replace:
                os.replace(tmp, path)
            else:
                _publish_new(tmp, path)
        except OSError as err:
            if err.filename is None and err.errno in _NO_ROOM:
                # a writer (zipfile, matplotlib) ran out of room without naming the file
                raise OSError(err.errno, err.strerror or str(err), str(path)) from None
            if tmp.name not in f"{err} {err.filename} {err.filename2}":
                raise  # not about the temp file (a download's network error...): as it is
            raise _naming(err, tmp, path) from None
        _fsync_folder(folder)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        if held is not None:
            os.close(held)  # releases the lock, after the temp file is gone


def _publish_new(tmp: Path, path: Path) -> None:
    """Give the finished temp file the name ``path`` only if no file has it: a hard link is
    made atomically or fails with ``FileExistsError`` (two runs saving under one name at the
    same moment each keep their own file). Where links are not supported (FAT, some network
    shares), checked then renamed."""
    try:
        os.link(tmp, path)
        return
    except FileExistsError:
        raise
    except OSError as err:
        if err.errno not in (
            errno.EPERM,
            errno.ENOTSUP,
            errno.EOPNOTSUPP,
            errno.EXDEV,
            errno.EMLINK,
        ):
            raise
    if os.path.lexists(path):
        raise FileExistsError(errno.EEXIST, "File exists", str(tmp), None, str(path))
    os.replace(tmp, path)


def _temp_name(name: str, ext: str) -> str:
    """``.nndesk-tmp-<name>.<random><ext>``, with ``name`` shortened so the whole stays within
    ``NAME_MAX`` bytes: a target whose own name is allowed (up to 255 bytes) must not fail only
    because its temp file's name is longer."""
    token = secrets.token_hex(4)
    if len(ext) > 16:  # no format's extension is this long: a dot inside a long name
        ext = ""
    room = NAME_MAX - len(os.fsencode(f"{TEMP_PREFIX}.{token}{ext}"))
    while len(os.fsencode(name)) > room:
        name = name[: max(0, min(len(name) - 1, room))]
    return f"{TEMP_PREFIX}{name}.{token}{ext}"


def _create(tmp: Path, target: Path) -> tuple[int, int | None]:
    """Create the empty temp file; return the mode the finished file must have (the target's
    own if it exists, else the mode a plain ``open()`` would give a new file) and the open
    descriptor holding its lock (None where there are no locks: the file is closed)."""
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as err:
        raise _naming(err, tmp, target) from None
    held = fd if _lock(fd) else None
    if held is None:
        os.close(fd)
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:  # no target yet: the kernel applied the umask to 0o666 for us
        mode = stat.S_IMODE(os.stat(tmp).st_mode)
    # the writer reopens the temp by name, so it must be writable whatever the final mode is
    os.chmod(tmp, mode | stat.S_IRUSR | stat.S_IWUSR)
    return mode, held


def _lock(fd: int) -> bool:
    """Take the exclusive lock on ``fd`` without waiting; False when it is held elsewhere or
    locks are not available (Windows: there an open file cannot be removed anyway, and keeping
    it open would stop the rename)."""
    if fcntl is None:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _naming(err: OSError, tmp: Path, target: Path) -> OSError:
    """The same error, naming ``target`` instead of the hidden temp file."""
    message = (err.strerror or str(err)).replace(str(tmp), str(target)).replace(tmp.name, "")
    if err.errno is None:
        return OSError(f"{target}: {message}")
    return OSError(err.errno, message, str(target))  # OSError picks the subclass from errno


def _fsync_file(path: Path) -> None:
    """Flush the file's bytes to the disk, so the rename never exposes an empty file."""
    flags = os.O_RDWR if os.name == "nt" else os.O_RDONLY  # Windows needs a writable handle
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Flush the rename itself (POSIX); folders cannot be opened for this on Windows."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as err:  # some file systems do not sync folders
        if err.errno not in (errno.EINVAL, errno.EBADF, errno.EACCES, errno.ENOTSUP):
            raise
    finally:
        os.close(fd)


def stamp(path: str | os.PathLike[str]) -> tuple[int, int, int, int] | None:
    """What tells a file changed: (inode, size, modified and changed times, ns); None when it
    cannot be read. An atomic replace changes the inode even within one mtime tick."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def remove_stale_temps(folder: str | os.PathLike[str], older_than: float | None = None) -> int:
    """Delete the temp files dead writers left in ``folder``; return how many.

    Only regular files named ``TEMP_PREFIX...`` (what ``atomic_path`` and ``check_writable``
    make) are looked at, never followed through a link. One is dead when no process holds its
    lock and it is older than ``older_than`` seconds (default ``UNLOCKED_GRACE_SECONDS``; where
    locks are not available, ``STALE_TEMP_SECONDS``).
    """
    if older_than is None:
        older_than = UNLOCKED_GRACE_SECONDS if fcntl is not None else STALE_TEMP_SECONDS
    removed = 0
    try:
        entries = list(os.scandir(os.fspath(folder)))
    except OSError:
        return 0
    for entry in entries:
        if entry.name.startswith(TEMP_PREFIX) and remove_if_dead(entry.path, older_than):
            removed += 1
    return removed


def remove_if_dead(path: str, older_than: float) -> bool:
    """Remove the file ``path`` if it is a regular file no process holds the ``flock`` of and
    was not modified for ``older_than`` seconds (see ``remove_stale_temps``); True when it was
    removed. Also for the batch helpers' shared memory (``training.segments``)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:  # gone, a link, or not ours to read
        return False
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or time.time() - st.st_mtime <= older_than:
            return False
        if fcntl is not None and not _lock(fd):
            return False  # a live writer holds it
        if os.lstat(path).st_ino != st.st_ino:
            return False  # replaced meanwhile: not the file we checked
        os.unlink(path)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def check_writable(path: str | os.PathLike, what: str = "") -> Path:
    """Raise ``OSError`` with one line naming ``path`` unless a file can be written there now.

    Checked by trying: a temp file is created in the folder and removed (permission bits say
    nothing for root, read-only mounts or full quotas). The folder must exist. ``what`` (e.g.
    ``"--out"``) starts the message.
    """
    path = Path(path)
    lead = f"{what}: " if what else ""
    folder = path.parent
    if len(os.fsencode(path.name)) > NAME_MAX:
        message = f"{lead}{path}: the file name is longer than {NAME_MAX} bytes"
        raise OSError(errno.ENAMETOOLONG, message, str(path))
    try:
        is_dir = path.is_dir()
    except OSError as err:  # the whole path too long, a loop of links...
        raise OSError(err.errno, f"{lead}{path}: {err.strerror or err}", str(path)) from None
    if is_dir:
        raise IsADirectoryError(errno.EISDIR, f"{lead}{path} is a folder, not a file", str(path))
    _file_in_the_way(path, lead)
    _not_a_regular_file(path, lead)
    if not folder.is_dir():
        message = f"{lead}the folder {folder} does not exist"
        raise FileNotFoundError(errno.ENOENT, message, str(path))
    try:
        write_a_probe(folder)
    except OSError as err:
        reason = err.strerror or str(err)
        raise OSError(err.errno, f"{lead}cannot write in {folder} ({reason})", str(path)) from None
    return path


def write_a_probe(folder: str | os.PathLike, size: int = 0) -> None:
    """Write ``size`` bytes to a new temp file in ``folder`` (fsynced), then remove it; raises
    the system's ``OSError`` when that fails (permission bits say nothing for root, read-only
    mounts or full disks: trying does). The file is ``tempfile``'s: a name no file or link has
    (nothing of the user's is opened or followed), this user's only; named ``TEMP_PREFIX...``
    and locked while it lives, so one a killed process left goes with the next write there
    (``remove_stale_temps``)."""
    import tempfile

    fd, probe = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}probe.", dir=os.fspath(folder))
    try:
        _lock(fd)
        if size:
            data = memoryview(b"\n" * size)
            while data:
                data = data[os.write(fd, data) :]
            os.fsync(fd)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(probe)
        os.close(fd)  # releases the lock, after the file is gone


def _file_in_the_way(path: Path, lead: str = "") -> None:
    """Raise ``NotADirectoryError`` naming the file if one stands where a folder of ``path``
    must be (mkdir would only say "File exists")."""
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                message = f"{lead}{parent} is a file, not a folder"
                raise NotADirectoryError(errno.ENOTDIR, message, str(path))
            return


def _not_a_regular_file(path: Path, lead: str = "") -> None:
    """Refuse to replace a device, pipe or socket: renaming over /dev/null would swap the
    system's device node for a file (as root it can)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:  # nothing there yet (or unreadable: the write itself will say)
        return
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise OSError(errno.EINVAL, f"{lead}{path} is not a regular file", str(path))


def regular_file_problem(path: str | os.PathLike) -> Message | None:
    """None when ``path`` (its links followed) is a regular file; else why it cannot be read as
    one, in a few words: missing, a folder, or a pipe, device or socket (a pipe's reader waits
    for a writer forever, ``/dev/zero`` never ends). Checked before a file is opened by name."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return Message(N_("no such file"))
    except OSError as err:  # a loop of links, a name too long, no permission on a folder
        from nndesk.errors import os_reason

        return Message(N_("cannot read ({reason})"), reason=os_reason(err))
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return Message(N_("a folder, not a file"))
    if stat.S_ISFIFO(mode):
        kind = N_("a pipe")
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = N_("a device")
    elif stat.S_ISSOCK(mode):
        kind = N_("a socket")
    else:
        kind = N_("of an unknown kind")
    return Message(N_("not a regular file ({kind})"), kind=Message(kind))


def describe(err: OSError) -> str:
    """One line for a person: the reason, and the file unless the reason names it already."""
    reason = err.strerror or str(err)
    if err.filename is None or str(err.filename) in reason:
        return reason
    return f"{err.filename}: {reason}"


def copy_regular_file(source: str | os.PathLike, dest: str | os.PathLike) -> None:
    """Copy ``source`` to ``dest`` (created or truncated); ``OSError`` naming ``source`` unless
    it is a regular file.

    Checked on the open descriptor, opened without blocking, and copied from it: a run's model
    file swapped for a link to ``/dev/null`` was copied as an empty "model" over the file saved
    onto, one to ``/dev/zero`` never ended (it filled the disk), and a named pipe waits for a
    writer for ever.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(source, flags)
    try:
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
    except OSError:
        os.close(fd)
        raise
    if not regular:  # before fdopen, which refuses a folder naming only the descriptor
        os.close(fd)
        raise OSError(errno.EINVAL, "not a regular file", str(source))
    with os.fdopen(fd, "rb") as src, open(dest, "wb") as out:
        shutil.copyfileobj(src, out, 1 << 20)


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically and return the path."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def atomic_write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically and return the path."""
    return atomic_write_bytes(path, text.encode(encoding))
