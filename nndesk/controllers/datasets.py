"""Datasets for the window: each loaded once per process, off the GUI thread.

``get_dataset(name)`` is memoised and thread-safe, so the training, evaluation and dataset pages
share one copy (60,000 MNIST images are 47 MB). Call it from worker threads; ``DatasetLoader`` does
that for widgets and reports back through queued signals.
"""

from __future__ import annotations

import contextlib
import copy
import errno
import os
import stat
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from nndesk import preferences
from nndesk.data.registry import DATASETS
from nndesk.errors import DataError, MissingDataError, NndeskError, os_reason, window_message

_cache: dict[tuple[str, str | None], object] = {}
_locks: dict[tuple[str, str | None], threading.Lock] = {}
_locks_guard = threading.Lock()
# registered dataset -> (the other one its folder turned out to hold, the window's line
# saying so) (``other_dataset_found``)
_holds_other: dict[str, tuple[str, str]] = {}
_generation = 0  # how many times the data folder changed (``forget_datasets``)


class _Notices(QObject):
    """Said to the pages from whichever thread a load ran on (queued to their thread)."""

    #: registered dataset: a load found a file of it damaged; a page that looked before (the
    #: Train page's "MNIST is ready", walk52 D11b) looks again
    damage_found = Signal(str)


notices = _Notices()

#: mode of the window -> the dataset its test images come from
DATASET_FOR_KIND = {spec.preprocess: name for name, spec in DATASETS.items()}
TITLES = {name: spec.short_title for name, spec in DATASETS.items()}


@dataclass(frozen=True)
class DataOffer:
    """What a page's banner offers after a load of registered dataset ``name`` failed: its
    download, because it is missing (``damaged`` None) or because its file ``damaged`` cannot
    be read. Found by the worker whose load failed and carried to the window with the failure
    (``failure_offer``), so the window looks nothing up on disk (a stat in a network folder
    that no longer answers would freeze it)."""

    name: str
    damaged: Path | None = None
    details: str = ""  # the long account of a damaged file (reason, folder, what Download does)


class DatasetMissing(DataError):
    """A registered dataset is neither in the data folder nor in the cache (offer a download)."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name
        self.offer = DataOffer(name)
        self.window_text = message  # worded by the window, in its language


class DatasetDamaged(DataError):
    """A file of a registered dataset cannot be read (truncated, corrupt): the message says so
    in two short lines (``damaged_summary``), ``details`` gives the reason and its folder
    (``damaged_text``), and the banners offer a verified copy (``offer``)."""

    def __init__(self, name: str, path: Path, message: str, details: str = "") -> None:
        super().__init__(message)
        self.name, self.path = name, path
        self.offer = DataOffer(name, path, details)
        self.window_text = message  # worded by the window, in its language


def failure_offer(err: BaseException) -> DataOffer | None:
    """The download a failed load's banner offers (``DataOffer``), or None: carried by
    ``DatasetMissing`` and ``DatasetDamaged``, never looked up on disk."""
    offer = getattr(err, "offer", None)
    return offer if isinstance(offer, DataOffer) else None


# registered dataset -> (its file a load found damaged, that file's (size, mtime) then, the
# reading's error): said for as long as the file is unchanged (``damaged_file``), in the
# window's language of the moment (``damaged_message``)
_damaged: dict[str, tuple[Path, tuple[int, int], BaseException]] = {}


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _found_damaged(name: str | None) -> Path | None:
    """The file of registered dataset ``name`` a load found damaged, while it is still the
    same file (one stat); None once it was replaced, or when none was found damaged."""
    with _locks_guard:
        found = _damaged.get(name) if name else None
    if found is None:
        return None
    path, signature, _err = found
    return path if _signature(path) == signature else None


def damaged_file(name: str | None) -> Path | None:
    """``name``'s file found damaged in the folder the window reads it from (``source_folder``:
    a few stats; blocking, call it off the GUI thread), or None: once a verified copy is in
    the cache, the user's damaged file is left as it is and no longer in the way."""
    path = _found_damaged(name)
    if path is None:
        return None
    folder = source_folder(str(name))
    return path if folder is not None and path.parent == Path(folder) else None


def damaged_in_cache(name: str) -> tuple[str, ...]:
    """The names of ``name``'s files in the download cache found damaged: a download
    replaces them (``DownloadController``'s ``damaged``, called on its thread)."""
    from nndesk.data.download import dataset_cache_dir

    path = damaged_file(name)
    if path is None or path.parent != dataset_cache_dir(name):
        return ()
    return (path.name,)


def copy_in_use(name: str) -> str | None:
    """Why registered dataset ``name`` is read from nndesk's verified copy in the download
    cache though a data folder is named: "absent" (the folder lacks its files: the note must
    not let the folder pass for the data's place, walk46), "damaged" (a file of it there was
    found damaged), or the registered dataset whose files they are ("fashion" where MNIST was
    looked for); else None. The user's files are left as they are.
    A few stats and two small reads: call it off the GUI thread."""
    from nndesk.data.download import dataset_cache_dir

    user = _folder_for(name, preferences.data_dir(name))
    if user is None or source_folder(name) != str(dataset_cache_dir(name)):
        return None
    if folder_error(name) is not None:
        return "unreadable"
    if not _complete(user, DATASETS[name]):
        return "absent"
    broken = _found_damaged(name)
    if broken is not None and broken.parent == Path(user):
        return "damaged"
    return _other_held(user, DATASETS[name])


def folder_unfit(name: str) -> str | None:
    """Why the data folder named for registered dataset ``name`` cannot serve it while no
    verified copy is read instead (``copy_in_use`` says when one is): "absent" (its files are
    not there) or the registered dataset whose files it holds ("mnist" for Fashion-MNIST); else
    None. Clothing named an MNIST folder "Data folder:" as if it were its own (walk50 D10).
    Stats and two small reads: call it off the GUI thread."""
    user = _folder_for(name, preferences.data_dir(name))
    if user is None or not os.path.isdir(user) or copy_in_use(name) is not None:
        return None
    if folder_error(name) is not None:
        return None  # the note says it cannot be read (``folder_state``)
    if not _complete(user, DATASETS[name]):
        return "absent"
    return _other_held(user, DATASETS[name])


def other_dataset_held(folder: str, name: str) -> str | None:
    """The other registered dataset whose four files ``folder`` holds where ``name``'s were
    looked for (Fashion-MNIST's folder chosen in Digits), else None: the window keeps the
    folder as that dataset's too (walk55c D2). Stats and two small reads: off the GUI thread."""
    user = _folder_for(name, folder)
    if user is None or not _complete(user, DATASETS[name]):
        return None
    other = _other_held(user, DATASETS[name])
    return other if other in TITLES and other != name else None


def damaged_text(name: str, path: Path, reason: str, technical: str | None = None) -> str:
    """The window's message for ``name``'s file ``path`` that could not be read (``reason``
    names the file): its folder, and what Download does there; then, on a line of its own and
    labelled so, a library's own English words (``technical``: zlib's) for whoever asks."""
    from nndesk.data.download import dataset_cache_dir

    if path.parent == dataset_cache_dir(name):
        advice = QCoreApplication.translate(
            "Datasets",
            "It is in nndesk's download cache ({folder}): Download replaces it with a verified "
            "copy; or choose a folder holding the four {title} files.",
        )
    else:
        advice = QCoreApplication.translate(
            "Datasets",
            "It is in {folder}. Download puts a verified copy of {title} in nndesk's cache "
            "and uses that (your file stays as it is); or choose another folder.",
        )
    advice = advice.format(folder=path.parent, title=TITLES.get(name, name))
    text = f"{reason.rstrip('.')}. {advice}"
    if technical:
        text += "\n" + QCoreApplication.translate(
            "Datasets", "Technical detail, as the library wrote it: {detail}"
        ).format(detail=technical)
    return text


def damaged_summary(name: str, path: Path, refused: bool = False) -> str:
    """What a banner says of ``name``'s file ``path`` that cannot be read, in two short lines:
    what is wrong with which file, and what to do (the buttons under it). The reason and the
    folder are its details (``damaged_text``). ``refused``: the system would not let this user
    read it (no permission): the file is not called damaged (walk55b D2)."""
    first = (
        QCoreApplication.translate(
            "Datasets", "You may not read the {title} file {file} (permission denied)."
        )
        if refused
        else QCoreApplication.translate(
            "Datasets", "The {title} file {file} is damaged (corrupt or cut short)."
        )
    ).format(title=TITLES.get(name, name), file=path.name)
    second = QCoreApplication.translate(
        "Datasets", "Download a verified copy, or choose another folder."
    )
    return f"{first}\n{second}"


def _bare(err: BaseException) -> BaseException:
    """``err`` without its traceback, kept for its words only: the traceback's frames hold
    what the reading had read (tens of MB)."""
    try:
        kept = copy.copy(err)
    except Exception:  # noqa: BLE001 - an error whose arguments do not rebuild it
        return err
    kept.__traceback__ = kept.__cause__ = kept.__context__ = None
    return kept


def damaged_message(name: str) -> tuple[str, str] | None:
    """The window's (message, details) for ``name``'s file found damaged (``damaged_summary``,
    ``damaged_text``), worded in the window's language now (a window rebuilt in another
    language says it again); None when no file of it is found damaged any more. A few stats:
    call it off the GUI thread."""
    path = damaged_file(name)
    with _locks_guard:
        found = _damaged.get(name)
    if path is None or found is None:
        return None
    error = found[2]
    technical = getattr(error, "technical", None)
    summary = damaged_summary(name, path, getattr(error, "refused", False))
    return summary, damaged_text(name, path, window_message(error), technical)


def _raise_if_other_held(folder: Path, spec, damage: DataError) -> None:
    """Raise the "holds the other dataset" error (``check_not_other``: its two label files'
    checksums) when ``folder``, where a file of ``spec`` was found damaged, holds another
    registered dataset's files: a cut-short MNIST file in the folder read for Clothing was
    called Fashion-MNIST's (walk55b D3)."""
    from nndesk.data.sources import check_not_other

    try:
        check_not_other(folder, spec)
    except DataError as other:
        raise other from damage
    except OSError:
        return  # cannot be looked into: the damage is said as it was found


@contextlib.contextmanager
def _noting_damage(name: str):
    """A file of registered dataset ``name`` that cannot be read is remembered
    (``damaged_file``) and said as ``DatasetDamaged``, unless its folder holds the other
    dataset's files (said so instead); other errors go on as they are."""
    try:
        yield
    except DataError as err:
        path = getattr(err, "damaged_file", None)
        signature = _signature(Path(path)) if path is not None else None
        if name not in TITLES or signature is None:
            raise
        _raise_if_other_held(Path(path).parent, DATASETS[name], err)
        with _locks_guard:
            _damaged[name] = (Path(path), signature, _bare(err))
        notices.damage_found.emit(name)
        details = damaged_text(name, Path(path), window_message(err), err.technical)
        summary = damaged_summary(name, Path(path), getattr(err, "refused", False))
        raise DatasetDamaged(name, Path(path), summary, details) from err


def how_to_get(name: str) -> str:
    """One line telling the user how to make ``name`` available locally."""
    title = TITLES.get(name, name)
    return QCoreApplication.translate(
        "Datasets",
        "{title} is not on this computer yet: download it, or choose a folder holding its "
        "four IDX files.",
    ).format(title=title)


def _place(name: str, data_dir: str | None) -> str | None:
    """``_folder_for``, raising the OSError of a folder that cannot be looked into."""
    if data_dir is None:
        return None
    spec = DATASETS.get(name)
    for sub in spec.folder_names if spec is not None else ():
        if (Path(data_dir) / sub).is_dir():
            return str(Path(data_dir) / sub)
    return data_dir


def _folder_for(name: str, data_dir: str | None) -> str | None:
    """The user's data folder may hold the IDX files itself or one sub-folder per dataset. A
    folder that cannot be looked into (no permission) is named as it is: it holds nothing
    nndesk can read (``folder_error`` says why); its stat's PermissionError reached the pages
    raw (walk55b D2)."""
    try:
        return _place(name, data_dir)
    except OSError:
        return data_dir


#: what a stat says of a path that is not there: the folder is missing, not unreadable
_NOT_THERE = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP})


def _looking_fails(name: str, data_dir: str) -> OSError | None:
    """The error that stops nndesk from looking into ``data_dir`` for ``name``'s files (the
    folder, its mnist/-style sub-folder or a file in it refuses a stat: no permission, a name
    too long), else None. Stats only."""
    from nndesk.data.sources import find_files

    spec = DATASETS.get(name)
    if spec is None:
        return None
    try:
        place = _place(name, data_dir) or data_dir
        with os.scandir(place):  # a folder that may not be listed (its files are not found)
            pass
        find_files(place, spec)
    except OSError as err:
        return None if err.errno in _NOT_THERE else err
    except DataError:
        return None
    return None


def folder_error(name: str | None) -> OSError | None:
    """Why the data folder named for registered dataset ``name`` cannot be looked into (an
    OSError: no permission, ...), or None (it can, or it is not there, or none is named).
    Stats only: call it off the GUI thread."""
    data_dir = preferences.data_dir(name) if name in TITLES else None
    return _looking_fails(str(name), data_dir) if data_dir else None


def sub_folders_held(folder: str) -> tuple[tuple[str, str], ...]:
    """``(title, sub-folder)`` of each registered dataset whose own sub-folder ``folder`` holds
    (``("MNIST", "mnist"), ("Fashion-MNIST", "fashion-mnist")`` for a folder of both): the
    window names the parent folder a student chose "mnist" in (walk72 F8). Stats: call it off
    the GUI thread."""
    held = []
    for name, spec in DATASETS.items():
        for sub in spec.folder_names:
            try:
                if (Path(folder) / sub).is_dir():
                    held.append((TITLES.get(name, name), sub))
                    break
            except OSError:
                break
    return tuple(held)


def folder_state(folder: str, name: str) -> bool | str:
    """The data folder named under the canvas, for the mode's dataset ``name``: True (a
    folder), "file", "unreadable" (it cannot be looked into: it was said "not found") or
    False (not there). Stats: call it off the GUI thread."""
    try:
        mode = os.stat(folder).st_mode
    except OSError as err:
        return False if err.errno in _NOT_THERE else "unreadable"
    if not stat.S_ISDIR(mode):
        return "file"
    return "unreadable" if _looking_fails(name, folder) is not None else True


def unreadable_text(name: str, err: OSError) -> str:
    """The window's line for ``name``'s data folder that cannot be looked into: which folder,
    why (the system's reason, in the window's language), and the ways out."""
    return QCoreApplication.translate(
        "Datasets",
        "The data folder {folder} cannot be read ({reason}): choose a folder you can read, "
        "or download {title} into nndesk's cache.",
    ).format(folder=preferences.data_dir(name), reason=os_reason(err), title=TITLES.get(name, name))


def _complete(folder: str | Path | None, spec) -> bool:
    """Whether ``folder`` holds all four files of ``spec`` (a few stat calls); not when it
    cannot be looked into."""
    from nndesk.data.sources import find_files

    if folder is None:
        return False
    try:
        find_files(folder, spec)
    except (DataError, OSError):
        return False
    return True


def _other_held(folder: str, spec) -> str | None:
    """The other registered dataset whose label files ``folder`` holds where ``spec``'s were
    looked for, else None (``check_not_other``: two small files read, a few milliseconds)."""
    from nndesk.data.sources import check_not_other

    try:
        check_not_other(folder, spec)
    except DataError as err:
        return getattr(err, "other_dataset", None)
    except OSError:  # cannot be looked into: holds nothing nndesk reads
        return None
    return None


def source_folder(name: str) -> str | None:
    """Where the window reads registered dataset ``name`` from: the data folder when it holds
    the files, else the download cache when it does, else None (missing). Stats, and while
    both hold the files the two label files of the data folder (``_other_held``)."""
    from nndesk.data.download import dataset_cache_dir
    from nndesk.data.registry import get_spec

    spec = get_spec(name)
    user = _folder_for(spec.name, preferences.data_dir(spec.name))
    cache = dataset_cache_dir(spec)
    if _complete(user, spec):
        if user is None or not _complete(cache, spec):
            return user
        broken = _found_damaged(spec.name)
        # a file there found damaged, or the folder holds the other dataset (Download offered
        # it in the cache: "holds Fashion-MNIST, not MNIST"): the verified copy is read
        # instead, and the user's files are left as they are
        if broken is not None and broken.parent == Path(user):
            return str(cache)
        return str(cache) if _other_held(user, spec) is not None else user
    return str(cache) if _complete(cache, spec) else None


def missing_dataset(name: str | None) -> str | None:
    """``name``'s registry name when it is a registered dataset not on this computer, else
    None (image folders and present datasets are never "missing"). Stats of the data folder
    and the cache alone: whether a file of it was found damaged is not looked up (the
    failure that found it says so, ``DataOffer``)."""
    from nndesk.data.download import dataset_cache_dir
    from nndesk.data.registry import get_spec

    if name not in TITLES:
        return None
    spec = get_spec(name)
    user = _folder_for(spec.name, preferences.data_dir(spec.name))
    present = _complete(user, spec) or _complete(dataset_cache_dir(spec), spec)
    return None if present else name


def _first_missing(
    name: str, folder: str, roles: tuple[str, ...] | None = None
) -> tuple[str, bool]:
    """ " Fashion-MNIST's train-images-idx3-ubyte.gz ... is missing." for the user's folder:
    MNIST and Fashion-MNIST share file names, so the message says whose file it looked for;
    and whether that line names the folder itself (it holds an archive or the CSV form: the
    line says so, folder first, and what to do)."""
    from nndesk.data.registry import get_spec
    from nndesk.data.sources import HeldInAnotherForm, find_files

    spec = get_spec(name)
    try:
        find_files(_folder_for(name, folder), spec, *(() if roles is None else (roles,)))
    except HeldInAnotherForm as err:
        return f" {err.what_shown()}.", True
    except MissingDataError as err:
        what = err.what_shown().split(": ", 1)[-1]
        return f" {what[0].upper()}{what[1:]}.", False
    except OSError:  # cannot be looked into: ``unreadable_text`` says so instead
        return "", False
    return "", False


def _not_in_folder(name: str, folder: str, roles: tuple[str, ...] | None = None) -> str:
    """Why ``name`` is missing when the data folder is ``folder``: ``how_to_get`` then " It is
    not in {folder} either. Its <file> is missing."; then only " Data folder {folder} does not
    exist." when the folder itself is not there (it was named twice). When the folder holds
    the dataset as an archive (or the CSV form), only the line saying so and what to do
    (walk55c D9: "not in {folder} either" said the same thing before it; walk56v #3: "not on
    this computer yet" was untrue of a zip on it)."""
    first, names_folder = _first_missing(name, folder, roles)
    if names_folder:
        return first.strip()
    if not os.path.isdir(folder):
        return how_to_get(name) + first
    either = QCoreApplication.translate("Datasets", "It is not in {folder} either.")
    return f"{how_to_get(name)} {either.format(folder=folder)}{first}"


def _absent_files(name: str, folder: str | None) -> list[str]:
    """The file names (``.gz``) of ``name`` missing from ``folder`` when it holds some of them
    but not all four, else [] (an empty or absent folder is not "partly there")."""
    from nndesk.data.file_names import file_path
    from nndesk.data.registry import get_spec

    place = _folder_for(name, folder)
    if place is None or not os.path.isdir(place):
        return []
    spec = get_spec(name)
    try:
        absent = [f.gz_name for f in spec.files if file_path(f, place) is None]
    except OSError:  # cannot be looked into: ``unreadable_text`` says so instead
        return []
    return absent if 0 < len(absent) < len(spec.files) else []


def _and(names: list[str]) -> str:
    """ "a", "a and b", "a, b and c" in the window's language."""
    if len(names) == 1:
        return names[0]
    return QCoreApplication.translate("Datasets", "{first} and {last}").format(
        first=", ".join(names[:-1]), last=names[-1]
    )


def missing_text(name: str) -> str:
    """Why registered dataset ``name`` cannot be trained on, in one message: the files a
    partly filled data folder (or download cache) lacks, named first, else how to get it."""
    from nndesk.data.download import dataset_cache_dir

    folder = preferences.data_dir(name)
    refused = folder_error(name)
    if refused is not None:
        return unreadable_text(name, refused)
    for place in (folder, str(dataset_cache_dir(name))):
        absent = _absent_files(name, place)
        if absent:
            title = TITLES.get(name, name)
            text = (
                QCoreApplication.translate(
                    "Datasets",
                    "{files} is missing from {folder}: training needs all four {title} files. "
                    "Download {title}, or choose a folder holding them.",
                )
                if len(absent) == 1
                else QCoreApplication.translate(
                    "Datasets",
                    "{files} are missing from {folder}: training needs all four {title} "
                    "files. Download {title}, or choose a folder holding them.",
                )
            )
            return text.format(files=_and(absent), folder=_folder_for(name, place), title=title)
    if not folder:
        return how_to_get(name)
    return _not_in_folder(name, folder)


def get_dataset(name: str, allow_download: bool = False):
    """The ``nndesk.data.Dataset`` called ``name``, loaded at most once (blocking; call off the GUI
    thread). A registered dataset comes from ``preferences.data_dir(name)`` when that folder holds
    it, else from the download cache; an image folder is read as it is.

    Raises ``DatasetMissing`` (one line saying how to get it) when a registered dataset is in
    neither place, ``DataError`` for damaged files.
    """
    from nndesk.data import load_dataset  # the data layer is NumPy-only; import it lazily

    if name in TITLES:
        data_dir = source_folder(name)
        if data_dir is None:
            raise DatasetMissing(name, missing_text(name))
    else:
        data_dir = None
    key = (name, data_dir)
    with _locks_guard:
        lock = _locks.setdefault(key, threading.Lock())
    with lock:  # a second caller for the same dataset waits for the first instead of re-reading
        if key not in _cache:
            with _noting_other_dataset(name), _noting_damage(name):
                _cache[key] = load_dataset(name, data_dir=data_dir, allow_download=allow_download)
        return _cache[key]


def _test_folder(name: str) -> str | None:
    """The data folder, else the download cache, when it holds ``name``'s two test files."""
    from nndesk.data.download import dataset_cache_dir
    from nndesk.data.registry import get_spec
    from nndesk.data.sources import TEST_ROLES, find_files

    spec = get_spec(name)
    for folder in (_folder_for(name, preferences.data_dir(name)), str(dataset_cache_dir(spec))):
        if folder is None:
            continue
        try:
            find_files(folder, spec, TEST_ROLES)
        except (DataError, OSError):
            continue
        return folder
    return None


def _only_damaged_among(name: str, folder: str, roles) -> bool:
    """Whether the file of ``name`` found damaged in ``folder`` is none of the files of
    ``roles`` (``TEST_ROLES``: a training file is damaged, the test split may still be read;
    ``TRAIN_ROLES``: the other way round). A few stats: call it off the GUI thread."""
    from nndesk.data.registry import get_spec
    from nndesk.data.sources import find_files

    path = _found_damaged(name)
    if path is None or path.parent != Path(folder):
        return False
    try:
        kept = find_files(folder, get_spec(name), roles).values()
    except (DataError, OSError):
        return False
    return all(path != f for f in kept)


def _only_training_damaged(name: str, folder: str) -> bool:
    """Whether only a training file of ``name`` in ``folder`` is damaged (off the GUI thread)."""
    from nndesk.data.sources import TEST_ROLES

    return _only_damaged_among(name, folder, TEST_ROLES)


def get_test_split(name: str):
    """Like ``get_dataset`` for pages that need only the test images (Evaluate, "Show test
    image"): when the whole dataset is not here but its two test files are, a dataset with
    only those (empty train arrays) instead of "train-images... is missing"; the same when a
    training file cannot be read (truncated, corrupt) but the test files can."""
    from nndesk.data.sources import TEST_ROLES, load_test_split

    if name not in TITLES:
        return get_dataset(name)
    folder = source_folder(name)
    if folder is not None and not _only_training_damaged(name, folder):
        try:
            return get_dataset(name)
        except DatasetDamaged:
            if not _only_training_damaged(name, folder):
                raise  # a test file: the banner names it and offers a good copy
    if folder is None:
        folder = _test_folder(name)
    if folder is None:
        refused = folder_error(name)
        if refused is not None:
            raise DatasetMissing(name, unreadable_text(name, refused))
        data_dir = preferences.data_dir(name)
        why = _not_in_folder(name, data_dir, TEST_ROLES) if data_dir else how_to_get(name)
        raise DatasetMissing(name, why)
    key = (name, f"{folder} (test split)")
    with _locks_guard:
        lock = _locks.setdefault(key, threading.Lock())
    with lock:
        if key not in _cache:
            with _noting_other_dataset(name), _noting_damage(name):
                _cache[key] = load_test_split(name, folder)
        return _cache[key]


def _only_test_damaged(name: str, folder: str) -> bool:
    """Whether only a test file of ``name`` in ``folder`` is damaged (off the GUI thread)."""
    from nndesk.data.sources import TRAIN_ROLES

    return _only_damaged_among(name, folder, TRAIN_ROLES)


def get_browsable(name: str):
    """``(dataset, None)`` as ``get_dataset`` gives it, or, when only a test file of registered
    dataset ``name`` is damaged, ``(its training split alone, the DatasetDamaged error)``: the
    Dataset page shows the training images and the damaged file's banner (walk52 D11: it
    showed "No data" and greyed the Split box). Blocking; call it off the GUI thread."""
    from nndesk.data.sources import load_train_split

    try:
        return get_dataset(name), None
    except DatasetDamaged as err:
        folder = source_folder(name) if name in TITLES else None
        if folder is None or not _only_test_damaged(name, folder):
            raise
        damage = err
    key = (name, f"{folder} (train split)")
    with _locks_guard:
        lock = _locks.setdefault(key, threading.Lock())
    with lock:
        if key not in _cache:
            with _noting_other_dataset(name):
                _cache[key] = load_train_split(name, folder)
        return _cache[key], damage


@contextlib.contextmanager
def _noting_other_dataset(name: str):
    """Remember which registered dataset the folder holds when it holds the other one's files
    instead of ``name``'s (``other_dataset_found``); the error goes on as it is. A folder
    read before the data folder changed is not remembered for the new one."""
    with _locks_guard:
        generation = _generation
    try:
        yield
    except DataError as err:
        other = getattr(err, "other_dataset", None)
        if other in TITLES:
            with _locks_guard:
                if generation == _generation:
                    _holds_other[name] = (other, window_message(err))
            # the banners offer ``name``'s download beside "Switch to …": the verified copy
            # in the cache is then read instead of this folder (``source_folder``)
            err.offer = DataOffer(name)
        raise


def look_for_other_dataset(name: str | None) -> str | None:
    """The registered dataset the data folder holds where ``name`` was looked for, found by
    the checksums of its two label files (a few milliseconds; blocking: call it off the GUI
    thread) and remembered for every page (``other_dataset_found``); None when the folder
    holds ``name``'s files, or its problem is another (a page loading it says which)."""
    from nndesk.data.download import dataset_cache_dir
    from nndesk.data.registry import get_spec
    from nndesk.data.sources import check_not_other

    if name not in TITLES:
        return None
    folder = source_folder(name)
    spec = get_spec(name)
    if folder is not None and Path(folder) != dataset_cache_dir(spec):  # the cache is verified
        with contextlib.suppress(DataError), _noting_other_dataset(name):
            check_not_other(folder, spec)
    return other_dataset_found(name)


def data_generation() -> int:
    """How many times the data folder changed since nndesk started (``forget_datasets``): a
    page tells an answer about the folder before from one about the folder now."""
    with _locks_guard:
        return _generation


def other_dataset_found(name: str | None) -> str | None:
    """The registered dataset found where ``name`` was looked for (a folder of Fashion-MNIST
    chosen in Digits mode), since the data folder last changed; else None. The banners offer
    to switch to its mode."""
    with _locks_guard:
        found = _holds_other.get(name) if name else None
    return found[0] if found else None


def other_dataset_text(name: str | None) -> str:
    """The window's line saying the folder holds another dataset (``other_dataset_found``),
    for a page that did not read the folder itself; "" when none was found."""
    with _locks_guard:
        found = _holds_other.get(name) if name else None
    return found[1] if found else ""


def forget_datasets() -> None:
    """Drop the memoised datasets (after the data folder changed)."""
    global _generation
    with _locks_guard:
        _cache.clear()
        _holds_other.clear()
        _generation += 1


class _LoadJob(QRunnable):
    def __init__(self, loader: DatasetLoader, name: str) -> None:
        super().__init__()
        self._loader, self._name = loader, name

    def run(self) -> None:
        try:
            dataset = get_test_split(self._name)  # the window's test images
        except NndeskError as err:
            self._loader.failed.emit(self._name, window_message(err), failure_offer(err))
        except Exception as err:  # noqa: BLE001 - a worker must report, never die silently
            self._loader.failed.emit(self._name, f"could not load {self._name}: {err}", None)
        else:
            self._loader.loaded.emit(dataset)


class DatasetLoader(QObject):
    """Loads datasets' test splits (``get_test_split``) on the global thread pool; results
    arrive as queued signals."""

    loaded = Signal(object)  # nndesk.data.Dataset, ready to use
    # dataset name, one-line message for the user, the DataOffer its banner makes (or None)
    failed = Signal(str, str, object)

    def request(self, name: str) -> None:
        """Start loading ``name`` (returns at once; ``loaded`` or ``failed`` follows)."""
        QThreadPool.globalInstance().start(_LoadJob(self, name))
