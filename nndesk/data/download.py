"""Fetch a registered dataset into the user cache: mirrors in turn, verified, atomic.

The transfer itself is pooch's (``HTTPDownloader``); the checksum is ours, because the
published SHA-256s are of the *decompressed* files, so every honest mirror passes whatever
gzip level it used. A file reaches its final name only after it verified: an interrupted,
failed or altered download leaves nothing behind in the cache.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from nndesk.data.idx import sha256_decompressed
from nndesk.data.registry import DataFile, DatasetSpec, get_spec
from nndesk.errors import DataError
from nndesk.fileio import atomic_path
from nndesk.paths import cache_dir

#: progress(filename, done_bytes, total_bytes or None), called from the downloading thread.
ProgressFn = Callable[[str, int, "int | None"], None]

TIMEOUT_SECONDS = 30


def dataset_cache_dir(spec: DatasetSpec | str) -> Path:
    """Where a dataset's files are cached: ``<cache>/datasets/<name>/``."""
    return cache_dir() / "datasets" / get_spec(spec).name


class _ProgressAdapter:
    """The tqdm-like object pooch's HTTPDownloader drives, forwarding to a plain callback."""

    def __init__(self, filename: str, callback: ProgressFn):
        self.filename = filename
        self.callback = callback
        self.total: int | None = None
        self.n = 0

    def update(self, k: int) -> None:
        self.n += k
        total = self.total or None  # pooch sets 0 when the server sends no Content-Length
        self.callback(self.filename, min(self.n, total) if total else self.n, total)

    def reset(self) -> None:
        self.n = 0

    def close(self) -> None:
        pass


def _one_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    reason = text[0] if text else type(err).__name__
    return reason if len(reason) <= 300 else reason[:297] + "..."


def _transfer(url: str, out: Path, filename: str, progress: ProgressFn | None) -> None:
    import pooch  # imported here: it pulls in tqdm/requests, not needed to read a local file

    bar = _ProgressAdapter(filename, progress) if progress else False
    downloader = pooch.HTTPDownloader(progressbar=bar, chunk_size=1 << 16, timeout=TIMEOUT_SECONDS)
    downloader(url, str(out), None)
    # a server that closes early is normally caught by the HTTP layer; this catches the rest
    if bar and bar.total and out.stat().st_size != bar.total:
        raise DataError(f"transfer cut short ({out.stat().st_size} of {bar.total} bytes)")


def fetch_file(
    file: DataFile,
    mirrors: tuple[str, ...],
    folder: str | os.PathLike,
    progress: ProgressFn | None = None,
) -> Path:
    """Download ``file`` (as ``<name>.gz``) into ``folder``, trying each mirror in turn.

    Returns the verified file's path. Raises DataError naming the file, every mirror's failure
    (a checksum mismatch shows both hashes) and how to get the file by hand.
    """
    target = Path(folder) / file.gz_name
    failures = []
    for base in mirrors:
        url = base + file.gz_name
        try:
            with atomic_path(target) as tmp:
                _transfer(url, tmp, file.gz_name, progress)
                got = sha256_decompressed(tmp)
                if got != file.sha256:
                    raise DataError(f"checksum mismatch: expected {file.sha256}, got {got}")
            return target
        except Exception as err:  # noqa: BLE001 - any failure means: try the next mirror
            failures.append(f"{url}: {_one_line(err)}")
    tried = "; ".join(failures) if failures else "no mirrors configured"
    raise DataError(
        f"{file.gz_name}: download failed ({tried}). Get it by hand from "
        f"{mirrors[0] + file.gz_name if mirrors else 'the dataset website'}, put it in a "
        f"folder and pass --data-dir FOLDER (or set NNDESK_DATA_DIR)"
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
) -> Path:
    """Make sure all four files of a dataset are in ``dest`` (default: the user cache).

    Files already there are kept (they were verified when they arrived), so no network is
    needed on a cache hit. Returns the folder. ``name`` may be a ``DatasetSpec``, so tests and
    labs can fetch datasets the registry does not list.
    """
    spec = get_spec(name)
    folder = Path(dest) if dest is not None else dataset_cache_dir(spec)
    for file in spec.files:
        if cached_path(file, folder) is None:
            fetch_file(file, spec.mirrors, folder, progress)
    return folder


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
