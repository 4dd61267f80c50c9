"""The names and places a dataset file has in a folder a student was handed.

The mirrors serve ``train-images-idx3-ubyte.gz``; copies passed around differ: Kaggle's
"MNIST Dataset" writes a dot before ``idx`` (``train-images.idx3-ubyte``), its archive also
holds a folder named like each file with the file inside, copies come upper-cased from old
FAT sticks, and the four files sit one folder deeper than the one chosen (``archive/mnist-data/``).
Every spelling here is a name looked up in a folder listing: nothing is ever read from inside
a file to find another path, and the readers' size checks apply to whatever is found.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

from nndesk.data.registry import DATASETS, DataFile, DatasetSpec

#: Entries of one folder looked at when matching names regardless of case, or looking for
#: sub-folders or archives: a folder of 10^6 files must not stall the window's thread.
LISTED_AT_MOST = 2000
#: Sub-folders one level down looked in for the files (each costs a few stat calls, and a
#: listing when a name is not found as written).
DEEPER_AT_MOST = 20


def dotted(name: str) -> str:
    """``train-images-idx3-ubyte`` -> ``train-images.idx3-ubyte`` (Kaggle's spelling)."""
    head, sep, tail = name.rpartition("-idx")
    return f"{head}.idx{tail}" if sep else name


def spellings(file: DataFile) -> tuple[str, ...]:
    """The names ``file`` is accepted under, in the order they are preferred."""
    names = (file.name, dotted(file.name))
    return tuple(n + ".gz" for n in names) + names


def listing(folder: Path) -> list[os.DirEntry]:
    """The first ``LISTED_AT_MOST`` entries of ``folder`` (sorted by name), [] when it cannot
    be listed."""
    try:
        with os.scandir(folder) as entries:
            return sorted(itertools.islice(entries, LISTED_AT_MOST), key=lambda e: e.name)
    except OSError:
        return []


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


class Listings:
    """Folder listings (by case-folded name) made at most once per lookup: one ``find_files``
    asks for four files in up to two dozen folders, and listing each folder once per file made
    a folder of 25 sub-folders of 2,000 files take 260 ms."""

    def __init__(self) -> None:
        self._made: dict[Path, dict[str, str]] = {}

    def named(self, folder: Path, name: str) -> Path:
        """``folder/name`` as written, else an entry whose name differs only in case."""
        exact = folder / name
        if os.path.lexists(exact):
            return exact
        if folder not in self._made:
            by_case: dict[str, str] = {}
            for entry in listing(folder):
                by_case.setdefault(entry.name.casefold(), entry.name)
            self._made[folder] = by_case
        found = self._made[folder].get(name.casefold())
        return folder / found if found is not None else exact


def file_path(
    file: DataFile,
    folder: str | os.PathLike,
    listings: Listings | None = None,
    any_case: bool = True,
) -> Path | None:
    """``file`` in ``folder`` under any accepted spelling (``spellings``), or in a sub-folder
    of that name (Kaggle's archive: ``t10k-images-idx3-ubyte/t10k-images-idx3-ubyte``);
    with ``any_case``, upper-case copies too (a listing of the folder, made once in
    ``listings``). None when it is not there."""
    folder = Path(folder)
    names = spellings(file)
    for name in names:  # the usual case costs a few stat calls and no listing
        if _is_file(folder / name):
            return folder / name
    if listings is None:
        listings = Listings()

    def named(where: Path, name: str) -> Path:
        return listings.named(where, name) if any_case else where / name

    for name in names:
        if _is_file(path := named(folder, name)):
            return path
    for name in names:
        if _is_dir(sub := named(folder, name)):
            for inner_name in names:
                if _is_file(path := named(sub, inner_name)):
                    return path
    return None


def _other_datasets_folders(spec: DatasetSpec) -> set[str]:
    return {
        sub.casefold()
        for other in DATASETS.values()
        if other.name != spec.name
        for sub in other.folder_names
    }


def candidate_folders(folder: Path, spec: DatasetSpec) -> Iterator[tuple[Path, bool]]:
    """Where ``spec``'s files may be, in order, each with whether names are matched whatever
    their case there: its named sub-folders (``mnist/``) and the folder itself (yes), then up
    to ``DEEPER_AT_MOST`` other sub-folders one level down (``archive/mnist-data/``; names as
    written: stat calls, no listing), except hidden ones and those named for another dataset
    (a USB folder holding ``mnist/`` only does not serve Fashion-MNIST). Sub-folders named
    like a file are the file's own (``file_path`` looks in them). Lazily: the folder is listed
    only when the files are not found by then."""
    named = [folder / sub for sub in spec.folder_names if _is_dir(folder / sub)]
    for place in (*named, folder):
        yield place, True
    skip = {p.name.casefold() for p in named} | _other_datasets_folders(spec)
    skip |= {n.casefold() for f in spec.files for n in spellings(f)}
    deeper = (
        folder / e.name
        for e in listing(folder)
        if not e.name.startswith(".") and e.name.casefold() not in skip and _entry_is_dir(e)
    )
    for place in itertools.islice(deeper, DEEPER_AT_MOST):
        yield place, False


def _entry_is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


#: what a folder may hold instead of the IDX files, by the end of its name
ARCHIVE_ENDS = (".zip", ".7z", ".rar", ".tar", ".tar.gz", ".tgz")
CSV_ENDS = (".csv",)


def held_instead(folder: Path, ends: tuple[str, ...]) -> list[str]:
    """The names of files in ``folder`` ending in one of ``ends`` (case aside), sorted."""
    return [
        e.name
        for e in listing(folder)
        if e.name.casefold().endswith(ends) and _is_file(folder / e.name)
    ]


def _letters(name: str) -> str:
    return "".join(c for c in name.casefold() if c.isalnum())


def dataset_named_by(file_name: str) -> str | None:
    """The registered dataset a file's name says it holds ("mnist.zip" MNIST,
    "fashion-mnist_train.csv" Fashion-MNIST: the longest of the datasets' names and folder
    names found in it, separators aside), or None when it names none ("archive.zip", as Kaggle
    names every download). The name is all that is looked at: an archive is never opened."""
    letters = _letters(file_name)
    best, longest = None, 0
    for spec in DATASETS.values():
        for word in {_letters(w) for w in (spec.name, *spec.folder_names)}:
            if word and word in letters and len(word) > longest:
                best, longest = spec.name, len(word)
    return best
