"""Fetch a registered dataset into the user cache: mirrors in turn, verified, atomic, cancellable.

Sources are tried in order: a classroom mirror (``$NNDESK_MIRROR`` or the window's setting: an
http(s) URL or a folder laid out as ``mnist/`` and ``fashion-mnist/``), then the public mirrors,
HTTPS first. The checksum is ours, because the published SHA-256s are of the *decompressed*
files, so every honest mirror passes whatever gzip level it used. A file reaches its final name
only after it verified: a cancelled, failed or altered download leaves nothing behind.

Failures come in three kinds, each one short line: ``"offline"`` (no server could be reached),
``"local"`` (the destination cannot be written: no mirror is to blame, none is tried further) and
``"mirrors"`` (servers answered, but with errors or files that fail the checksum).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import socket
import threading
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable, Collection
from pathlib import Path

from nndesk.data.idx import gzip_damage
from nndesk.data.registry import DATASETS, DataFile, DatasetSpec, get_spec
from nndesk.errors import DataError
from nndesk.fileio import atomic_path
from nndesk.i18n import N_, Joined, Message
from nndesk.paths import cache_dir

#: progress(filename, done_bytes, total_bytes or None), called from the downloading thread.
ProgressFn = Callable[[str, int, "int | None"], None]

#: seconds to reach a server (so "offline" is known within a few seconds) ...
CONNECT_TIMEOUT = 5.0
#: ... and the longest a connected server may stay silent before the mirror counts as failed
READ_TIMEOUT = 30.0
CHUNK = 1 << 16
#: the environment variable naming a classroom mirror (URL or folder)
MIRROR_ENV = "NNDESK_MIRROR"
#: sub-folder of a classroom mirror per dataset (the layout of a data folder nndesk reads)
MIRROR_FOLDERS = {name: spec.folder_names[0] for name, spec in DATASETS.items()}
#: no published file is above 27 MB compressed or 48 MB decompressed; a mirror sending more is
#: refused before it fills the disk or the memory
MAX_DOWNLOAD_BYTES = 64 << 20
MAX_DECOMPRESSED_BYTES = 64 << 20


class DownloadError(DataError):
    """A download that did not happen; ``kind`` is "offline", "local", "mirrors" or "cancelled"."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind

    @classmethod
    def of_kind(cls, kind: str, template: str, **values) -> DownloadError:
        """The error of ``kind`` whose text is ``template`` (marked with ``N_``) filled in: the
        English line for the CLI, translated in the window (``errors.user_message``)."""
        err = cls(template.format(**values), kind)
        err.template, err.values = template, dict(values)
        return err


_MISMATCH = N_("checksum mismatch: expected {expected}, got {got}")


class _LocalError(Exception):
    """Writing the destination failed: the user's disk, not the mirror, is the problem."""


class _Unreachable(Exception):
    """The server could not be reached at all (name lookup, refused, unroutable, timed out)."""


class Cancel:
    """A cancel flag for one download, set from another thread (the window's Cancel button).

    Setting it also shuts the socket being read, so a server that stalls cannot hold the
    download past the click.
    """

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._socket: socket.socket | None = None

    def set(self) -> None:
        self._event.set()
        with self._lock:
            if self._socket is not None:
                with contextlib.suppress(OSError):  # already closed: nothing to stop
                    self._socket.shutdown(socket.SHUT_RDWR)

    def is_set(self) -> bool:
        return self._event.is_set()

    def _watch(self, sock: socket.socket | None) -> None:
        with self._lock:
            self._socket = sock
        if sock is not None and self._event.is_set():
            self.set()

    def check(self) -> None:
        if self.is_set():
            raise DownloadError.of_kind("cancelled", N_("download cancelled"))


def dataset_cache_dir(spec: DatasetSpec | str) -> Path:
    """Where a dataset's files are cached: ``<cache>/datasets/<name>/``."""
    return cache_dir() / "datasets" / get_spec(spec).name


def classroom_mirror() -> str | None:
    """``$NNDESK_MIRROR``, or None."""
    value = os.environ.get(MIRROR_ENV, "").strip()
    return value or None


def _is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def mirror_address_refused(source: str) -> bool:
    """Whether ``source`` names a kind of place no download reads: an address of another
    scheme than http://, https:// or file:// ("ftp://…", "smb://…"). A folder path is not
    refused here, even one not there now: a share may be mounted later."""
    text = source.strip().lower()
    return "://" in text and not text.startswith(("http://", "https://", "file://"))


def mirror_sources(spec: DatasetSpec, mirror: str | None = None) -> tuple[str, ...]:
    """The places ``spec``'s files are fetched from, in order: the classroom mirror's folder
    for this dataset (``mirror``, else ``$NNDESK_MIRROR``), then the public mirrors, HTTPS
    first. URLs end in ``/``; a folder mirror is a path."""
    mirror = mirror if mirror is not None else classroom_mirror()
    sources: list[str] = []
    if mirror:
        sub = MIRROR_FOLDERS.get(spec.name, spec.name)
        if mirror.lower().startswith("file://"):
            mirror = urllib.request.url2pathname(mirror[len("file://") :])
        if _is_url(mirror):
            sources.append(mirror.rstrip("/") + f"/{sub}/")
        else:
            sources.append(str(Path(mirror).expanduser() / sub))
    https = [m for m in spec.mirrors if m.lower().startswith("https://")]
    sources += https + [m for m in spec.mirrors if m not in https]
    return tuple(sources)


def _short_reason(err: BaseException) -> str:
    """A few words on why one mirror failed (no stacked exception reprs); a ``Message`` where
    nndesk words it itself."""
    if isinstance(err, DataError):
        # our own one-line reason (a checksum mismatch shows both hashes)
        return Message(err.template, **err.values) if err.template else str(err)
    if isinstance(err, urllib.error.HTTPError):
        return f"HTTP {err.code}"
    if isinstance(err, urllib.error.URLError):
        err = err.reason if isinstance(err.reason, BaseException) else OSError(str(err.reason))
    if isinstance(err, socket.gaierror):
        return Message(N_("server name not found"))
    if isinstance(err, ConnectionRefusedError):
        return Message(N_("connection refused"))
    if isinstance(err, TimeoutError | socket.timeout):
        return Message(N_("timed out"))
    if isinstance(err, OSError) and err.strerror:
        return err.strerror[0].lower() + err.strerror[1:]
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= 120 else text[:117] + "..."


def _unreachable(err: BaseException) -> bool:
    """Whether ``err`` means the server could not be reached at all (vs. answered badly)."""
    if isinstance(err, urllib.error.HTTPError):
        return False
    if isinstance(err, urllib.error.URLError):
        err = err.reason if isinstance(err.reason, BaseException) else err
    if isinstance(err, socket.gaierror | ConnectionRefusedError | TimeoutError | socket.timeout):
        return True
    return isinstance(err, OSError) and err.errno in (
        errno.ENETUNREACH,
        errno.EHOSTUNREACH,
        errno.ECONNREFUSED,
        errno.ETIMEDOUT,
        errno.EADDRNOTAVAIL,
    )


def _response_socket(response) -> socket.socket | None:
    # http.client keeps the socket at response.fp.raw._sock; reaching it lets Cancel shut a
    # stalled read at once and lets the read timeout differ from the connect timeout
    return getattr(getattr(getattr(response, "fp", None), "raw", None), "_sock", None)


def _copy_stream(read, write, name: str, total, progress, cancel: Cancel | None) -> int:
    done = 0
    while True:
        if cancel is not None:
            cancel.check()
        block = read(CHUNK)
        if not block:
            break
        done += len(block)
        if done > MAX_DOWNLOAD_BYTES:
            raise DataError.of(
                N_("more than {mb} MB: not an MNIST-style file"), mb=MAX_DOWNLOAD_BYTES >> 20
            )
        try:
            write(block)
        except OSError as err:
            raise _LocalError(err) from err
        if progress is not None:
            progress(name, done, total)
    if cancel is not None:
        cancel.check()  # a shut socket reads as the end of the body
    return done


def _http_get(url: str, out: Path, name: str, progress, cancel: Cancel | None) -> None:
    request = urllib.request.Request(url, headers={"User-Agent": "nndesk"})
    try:
        response = urllib.request.urlopen(request, timeout=CONNECT_TIMEOUT)
    except Exception as err:
        if cancel is not None:
            cancel.check()
        raise (_Unreachable(err) if _unreachable(err) else err) from err
    with response:
        sock = _response_socket(response)
        if sock is not None:
            sock.settimeout(READ_TIMEOUT)
        if cancel is not None:
            cancel._watch(sock)
        try:
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            if total is not None and total > MAX_DOWNLOAD_BYTES:
                raise DataError.of(N_("{mb} MB: not an MNIST-style file"), mb=total >> 20)
            try:
                f = open(out, "wb")  # noqa: SIM115 - the error of opening is a local one
            except OSError as err:
                raise _LocalError(err) from err
            with f:
                # read1: whatever has arrived, so progress (and cancel) never wait for 64 KB
                read = getattr(response, "read1", response.read)
                done = _copy_stream(read, f.write, name, total, progress, cancel)
        finally:
            if cancel is not None:
                cancel._watch(None)
    if total is not None and done != total:
        raise DataError.of(
            N_("transfer cut short ({done} of {total} bytes)"), done=done, total=total
        )


def _copy_file(source: Path, out: Path, name: str, progress, cancel: Cancel | None) -> None:
    total = source.stat().st_size
    with source.open("rb") as src:
        try:
            f = open(out, "wb")  # noqa: SIM115 - the error of opening is a local one
        except OSError as err:
            raise _LocalError(err) from err
        with f:
            _copy_stream(src.read, f.write, name, total, progress, cancel)


def _sha256_decompressed(path: Path) -> str:
    """SHA-256 of the content after gunzipping (raw files hash as they are), streaming and
    bounded, so a small gzip that inflates to gigabytes is refused without filling memory."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        gzipped = f.read(2) == b"\x1f\x8b"
        f.seek(0)
        inflate = zlib.decompressobj(wbits=47) if gzipped else None
        size = 0
        while block := f.read(CHUNK):
            while block:
                if inflate is None:
                    out, block = block, b""
                else:
                    try:
                        out = inflate.decompress(block, CHUNK)
                    except zlib.error as err:
                        error = DataError.of(N_("corrupt gzip data ({err})"), err=gzip_damage(err))
                        error.technical = f"zlib: {err}"
                        raise error from None
                    block = inflate.unconsumed_tail
                    if inflate.eof:
                        block = b""  # trailing bytes after the gzip member are ignored
                size += len(out)
                if size > MAX_DECOMPRESSED_BYTES:
                    raise DataError.of(N_("decompresses to more than an MNIST-style file can hold"))
                h.update(out)
        if inflate is not None and not inflate.eof:
            raise DataError.of(N_("gzip data cut short"))
    return h.hexdigest()


class _SourceFailure(Exception):
    """This source failed (HTTP error, cut transfer, checksum): try the next one."""


def _fetch_from(source: str, location: str, out: Path, name: str, progress, cancel) -> None:
    """Fetch ``location`` into ``out``; every failure not local nor of reach is the source's."""
    try:
        if _is_url(source):
            _http_get(location, out, name, progress, cancel)
        else:
            _copy_file(Path(location), out, name, progress, cancel)
    except (_LocalError, _Unreachable, DownloadError):
        raise
    except Exception as err:  # noqa: BLE001 - this source's failure, whatever it was
        raise _SourceFailure(err) from err


def _fetch_one(source: str, file: DataFile, folder: Path, progress, cancel) -> Path:
    """Fetch ``file`` from one source into ``folder``; returns the verified file.

    A classroom mirror may hold the file gzipped or raw (like any data folder), so the raw
    name is tried when the ``.gz`` one is not there; the public mirrors serve ``.gz``.
    """
    names = (file.gz_name, file.name)
    if not _is_url(source):
        present = [n for n in names if (Path(source) / n).is_file()]
        if not present:
            raise _SourceFailure(FileNotFoundError(errno.ENOENT, "no such file"))
        names = (present[0],)
    for i, stored_name in enumerate(names):
        location = source + stored_name if _is_url(source) else str(Path(source) / stored_name)
        target = folder / stored_name
        try:
            with atomic_path(target) as tmp:  # deletes the temp file on any failure
                try:
                    _fetch_from(source, location, tmp, file.gz_name, progress, cancel)
                    got = _sha256_decompressed(tmp)
                except DataError as err:
                    if isinstance(err, DownloadError):
                        raise
                    raise _SourceFailure(err) from err
                if got != file.sha256:
                    raise _SourceFailure(
                        DataError.of(
                            _MISMATCH,
                            expected=file.sha256,
                            got=got,
                        )
                    )
        except _SourceFailure as failure:
            cause = failure.args[0]
            is_404 = isinstance(cause, urllib.error.HTTPError) and cause.code == 404
            if is_404 and i + 1 < len(names):
                continue  # a classroom server may hold the raw file instead of the .gz
            raise
        except OSError as err:  # only atomic_path's own mkdir / temp file / rename get here
            raise _LocalError(err) from err
        return target
    raise AssertionError("unreachable")


def _local_error(folder: Path, err: BaseException) -> DownloadError:
    cause = err.args[0] if err.args else err
    reason = getattr(cause, "strerror", None) or str(cause)
    return DownloadError.of_kind(
        "local",
        N_("cannot write the download into {folder}: {reason}"),
        folder=folder,
        reason=reason,
    )


def fetch_file(
    file: DataFile,
    mirrors: tuple[str, ...],
    folder: str | os.PathLike,
    progress: ProgressFn | None = None,
    cancel: Cancel | None = None,
    title: str = "the dataset",
) -> Path:
    """Download ``file`` into ``folder``, trying each source (URL or folder) in turn.

    Returns the verified file's path. Raises ``DownloadError``: kind "offline" when no source
    could be reached, "local" when ``folder`` cannot be written (at once, no further mirror is
    tried), "cancelled", or "mirrors" naming each source's failure (a checksum mismatch shows
    both hashes) and how to get the file by hand.
    """
    folder = Path(folder)
    failures: list[tuple[str, str]] = []  # (source, why it failed), in the order tried
    unreachable = 0
    mismatched = False
    for source in mirrors:
        try:
            return _fetch_one(source, file, folder, progress, cancel)
        except DownloadError:
            raise
        except _LocalError as err:
            raise _local_error(folder, err) from None
        except _Unreachable as err:
            unreachable += 1
            failures.append((source, _short_reason(err.args[0])))  # said when shown
        except _SourceFailure as err:  # this source answered badly: try the next one
            if cancel is not None:
                cancel.check()
            cause = err.args[0]
            mismatched |= getattr(cause, "template", None) == _MISMATCH
            failures.append((source, _short_reason(cause)))
    if failures and unreachable == len(failures):
        raise DownloadError.of_kind(
            "offline",
            N_("Cannot download {title}: no download server could be reached (offline?)."),
            title=title,
        )
    # each failure in the language of whoever reads it, when they read it (the CLI: English;
    # the window: the language of the moment, after a language switch too)
    tried = _failures_said(failures) or Message(N_("no mirrors configured"))
    public = [m for m in mirrors if _is_url(m)]
    where = public[-1] + file.gz_name if public else Message(N_("the dataset website"))
    err = DownloadError.of_kind(
        "mirrors",
        N_(
            "{file}: download failed ({tried}). Get it by hand from {where}, put it in a "
            "folder and pass --data-dir FOLDER (or set NNDESK_DATA_DIR)"
        ),
        file=file.gz_name,
        tried=tried,
        where=where,
    )
    # the window says this in one sentence of its own (the CLI line above is for a terminal)
    err.file, err.mismatched = file.gz_name, mismatched
    raise err


def _failures_said(failures: list[tuple[str, str]]) -> str:
    """Each source tried and why it failed, briefly: the sources failing for the same reason
    share it ("https://a/mnist/, https://b/mnist/: server name not found"); a web source is
    its folder's address (the file's name starts the line), a folder its path. Kept as data
    (an ``i18n.Joined`` of Messages, its ``str`` the English line): ``i18n.localised`` says
    each reason in the window's language when a banner shows it, so a failure kept across a
    language switch is said in the new one ("" when there is none)."""
    by_reason: dict[str, tuple[str, list[str]]] = {}
    for source, reason in failures:  # one reason, whatever its language: its English words
        by_reason.setdefault(str(reason), (reason, []))[1].append(source)
    return Joined(
        Message(N_("{sources}: {reason}"), sources=", ".join(sources), reason=reason)
        for reason, sources in by_reason.values()
    )


def cached_path(file: DataFile, folder: str | os.PathLike) -> Path | None:
    """The file in ``folder`` as ``<name>.gz`` or ``<name>``, or None."""
    for candidate in (Path(folder) / file.gz_name, Path(folder) / file.name):
        if candidate.is_file():
            return candidate
    return None


def download_dataset(
    name: str | DatasetSpec,
    dest: str | os.PathLike | None = None,
    progress: ProgressFn | None = None,
    mirror: str | None = None,
    cancel: Cancel | None = None,
    replace: Collection[str] = (),
) -> Path:
    """Make sure all four files of a dataset are in ``dest`` (default: the user cache).

    Files already there are kept (they were verified when they arrived), so no network is
    needed on a cache hit; except the files named in ``replace`` (``.gz`` or raw names), found
    damaged since: they are fetched again, and the verified copy takes their place in one
    rename. ``mirror`` is a classroom mirror tried first (default ``$NNDESK_MIRROR``). Returns
    the folder. ``name`` may be a ``DatasetSpec``, so tests and labs can fetch datasets the
    registry does not list. Raises ``DownloadError``; a download that fails removes the folders
    it made while they are empty (never one that was there before).
    """
    spec = get_spec(name)
    folder = Path(dest) if dest is not None else dataset_cache_dir(spec)
    sources = mirror_sources(spec, mirror)
    title = spec.short_title or spec.name
    made = _missing_folders(folder)
    try:
        for file in spec.files:
            present = cached_path(file, folder)
            if present is not None and present.name in replace:
                # a damaged raw file is left, but the .gz fetched is read before it (cached_path)
                present = None
            if present is None:
                fetch_file(file, sources, folder, progress, cancel, title=title)
    except BaseException:
        _remove_empty(made)
        raise
    return folder


def _missing_folders(folder: Path) -> list[Path]:
    """``folder`` and those of its parents not there yet (the download makes them), deepest
    first."""
    missing = []
    for path in (folder, *folder.parents):
        if os.path.lexists(path):
            break
        missing.append(path)
    return missing


def _remove_empty(folders: list[Path]) -> None:
    """Remove ``folders`` (made by a download that failed), deepest first, while they are
    empty: a file verified before the failure keeps its folder (a retry fetches only the rest),
    and a folder someone else filled meanwhile is theirs."""
    for path in folders:
        try:
            path.rmdir()
        except OSError:  # not empty, or not ours to remove: the ones above hold it
            return


def files_present(name: str | DatasetSpec, dest: str | os.PathLike | None = None) -> int:
    """How many of the dataset's four files are in ``dest`` (default: the user cache); files
    there were verified when they arrived, so a cancelled download keeps them."""
    spec = get_spec(name)
    folder = Path(dest) if dest is not None else dataset_cache_dir(spec)
    return sum(cached_path(f, folder) is not None for f in spec.files)


def tqdm_progress(file=None) -> ProgressFn:
    """A ``progress`` callback that draws one tqdm bar per file (for the command line).

    ``file`` is where bars are written (default stderr).
    """
    from tqdm import tqdm  # only the CLI needs it

    bars: dict[str, tqdm] = {}

    def progress(filename: str, done: int, total: int | None) -> None:
        bar = bars.get(filename)
        if bar is None:
            bar = bars[filename] = tqdm(
                total=total, desc=filename, unit="B", unit_scale=True, file=file, leave=True
            )
        bar.update(done - bar.n)
        if total is not None and done >= total:
            bar.close()

    return progress
