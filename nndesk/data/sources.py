"""Where a dataset comes from: a folder the user names, else the cache, else a download.

User folders (``data_dir`` / ``$NNDESK_DATA_DIR``) are used as given: their files are hashed
while being read (it costs ~30 ms for MNIST) but a difference from the published checksum is
only a warning, since labs bring subsets and variants. Two cases are errors: a missing file,
and a folder holding the *other* registered dataset (MNIST files loaded as Fashion would train
silently on the wrong labels). Cached files must match exactly; a damaged one is deleted and
downloaded again.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from pathlib import Path

from nndesk.data.dataset import Dataset
from nndesk.data.download import (
    ProgressFn,
    cached_path,
    dataset_cache_dir,
    download_dataset,
)
from nndesk.data.file_names import (
    ARCHIVE_ENDS,
    CSV_ENDS,
    Listings,
    candidate_folders,
    dataset_named_by,
    file_path,
    held_instead,
)
from nndesk.data.folders import load_image_folder
from nndesk.data.idx import (
    check_counts,
    read_idx_images,
    read_idx_labels,
    small_content_sha256,
)
from nndesk.data.registry import DATASETS, ROLES, DatasetSpec, get_spec, spec_words
from nndesk.errors import DataError, DataWarning, MissingDataError
from nndesk.i18n import N_, Message

DATA_DIR_ENV = "NNDESK_DATA_DIR"


def _how_to_get(spec: DatasetSpec) -> str:
    return (
        f"download the four files of {spec.short_title or spec.name} from "
        f"{spec.mirrors[0] if spec.mirrors else '?'} "
        f"or run `nndesk download {spec.name}`"
    )


def find_files(
    folder: str | os.PathLike, spec: DatasetSpec, roles: tuple[str, ...] = ROLES
) -> dict[str, Path]:
    """The IDX files of ``spec`` filling ``roles`` (default all four) in ``folder`` (or its
    ``mnist/``-style sub-folder).

    Each file may be ``.gz`` or raw. DataError names every missing file and how to get them.
    """
    folder = Path(folder)
    if not folder.is_dir():
        # a file, a pipe or a device named as the folder is not "missing": say what it is
        template = (
            N_("data folder {folder} is a file, not a folder")
            if os.path.lexists(folder)
            else N_("data folder {folder} does not exist")
        )
        raise MissingDataError(
            template.format(folder=folder), _how_to_get(spec), template, folder=folder
        )
    best: dict[str, Path] = {}
    best_dir = folder
    listings = Listings()  # each folder listed once, not once per file
    for d, any_case in candidate_folders(folder, spec):
        found = {
            f.role: p
            for f in spec.files
            if f.role in roles and (p := file_path(f, d, listings, any_case)) is not None
        }
        if len(found) == len(roles):
            return found
        if len(found) > len(best):
            best, best_dir = found, d
    missing = [f for f in spec.files if f.role in roles and f.role not in best]
    title = spec.short_title or spec.name  # "MNIST", "Fashion-MNIST", never "mnist"
    if not best:
        _raise_if_held_instead(folder, spec, title)
    # MNIST and Fashion-MNIST share file names: say whose files are needed
    if len(missing) == 1:
        (file,) = missing
        raise MissingDataError(
            f"{best_dir}: {title}'s {file.gz_name} (or {file.name}) is missing",
            _how_to_get(spec),
            N_("{folder}: {dataset}'s {gz_name} (or {name}) is missing"),
            folder=best_dir,
            dataset=title,
            gz_name=file.gz_name,
            name=file.name,
        )
    gz_names = ", ".join(f.gz_name for f in missing)
    raise MissingDataError(
        f"{best_dir}: {title}'s {gz_names} (or unzipped) are missing",
        _how_to_get(spec),
        N_("{folder}: {dataset}'s {gz_names} (or unzipped) are missing"),
        folder=best_dir,
        dataset=title,
        gz_names=gz_names,
    )


class HeldInAnotherForm(MissingDataError):
    """The folder holds no IDX files of the dataset but an archive or the CSV form: ``what``
    names the folder and says what to do, a whole line the window shows as it is."""


def _raise_if_held_instead(folder: Path, spec: DatasetSpec, title: str) -> None:
    """Say what ``folder`` holds instead of the IDX files when it is an archive or the CSV
    form (Kaggle hands out both): "missing, download it" sent students offline to a download
    while the data sat there in a form nndesk does not open."""
    for ends, template, advice in (
        (
            ARCHIVE_ENDS,
            N_(
                "{folder}: no {dataset} files here, only {files}: unzip it (the files may be "
                "one folder down), then use that folder"
            ),
            "unzip the archive, then pass the folder it makes",
        ),
        (
            CSV_ENDS,
            N_(
                "{folder}: no {dataset} IDX files here, only {files}: nndesk reads the four "
                "IDX files (train-images-idx3-ubyte and the others), not the CSV form"
            ),
            _how_to_get(spec),
        ),
    ):
        # one whose name says it is another dataset's is not offered as this one's (walk56v:
        # "no Fashion-MNIST files here, only mnist.zip: unzip it" gave MNIST)
        held = [n for n in held_instead(folder, ends) if dataset_named_by(n) in (None, spec.name)]
        if held:
            files = ", ".join(held[:3]) + (", ..." if len(held) > 3 else "")
            raise HeldInAnotherForm(
                template.format(folder=folder, dataset=title, files=files),
                advice,
                template,
                folder=folder,
                dataset=title,
                files=files,
            )


#: the window's line when a folder holds the other dataset: which one, and the three ways on
_HOLDS_OTHER = {
    # no "switch to Digits": the banner's Switch button offers it where it helps (the Train
    # form's Fashion-MNIST in Digits mode was told to switch to Digits, walk55b D1)
    "fashion": N_(
        "{folder} holds Fashion-MNIST, not MNIST: download MNIST into nndesk's cache, or "
        "choose a folder with MNIST. Each dataset keeps its own folder; one holding mnist/ "
        "and fashion-mnist/ serves both."
    ),
    "mnist": N_(
        "{folder} holds MNIST, not Fashion-MNIST: download Fashion-MNIST into nndesk's cache, "
        "or choose a folder with Fashion-MNIST. Each dataset keeps its own folder; one "
        "holding mnist/ and fashion-mnist/ serves both."
    ),
}


def _other_dataset_with(role: str, digest: str, spec: DatasetSpec) -> str | None:
    for other in DATASETS.values():
        if other.name != spec.name and other.file(role).sha256 == digest:
            return other.name
    return None


def _cache_damaged(path: Path, expected: str, got: str) -> DataError:
    """The error of a file of the download cache that no longer matches its checksum (it has
    been removed)."""
    return DataError.of(
        N_(
            "{file}: cached file was damaged (expected sha256 {expected}, got {got}) and has "
            "been removed; run again to download it"
        ),
        file=path,
        expected=expected,
        got=got,
    )


def _holds_other_error(spec: DatasetSpec, f, path: Path, other: str) -> DataError:
    """The error of a folder holding ``other``'s file ``path`` where ``spec``'s ``f`` was
    wanted: the CLI's line, the window's own (``window_template``) and ``other_dataset``."""
    # named as a person knows them ("Fashion-MNIST (Clothing)"), not by registry key (walk49)
    theirs, wanted = DATASETS[other], spec.short_title or spec.name
    found = f"{path}: this is the {spec_words(theirs)} {f.name}, not the {spec_words(spec)} one"
    err = DataError(f"{found}; point --data-dir at the {wanted} files")
    err.found = found  # a command re-words the advice when the folder came from elsewhere
    err.wanted = wanted
    err.window_template = _HOLDS_OTHER.get(other)  # a window user never typed --data-dir
    err.values = {"folder": str(path.parent)}
    err.other_dataset = other  # the window offers to switch to it
    return err


LABEL_ROLES = ("train_labels", "test_labels")
#: Bytes (on disk, and unzipped) above which a label file is not hashed to see whose it is:
#: the registered label files are 60,008 and 10,008 bytes unzipped, so a larger one is no
#: dataset's own, and a small gzip inflating to gigabytes is not read to its end.
LABEL_FILE_AT_MOST = 1 << 20


def check_not_other(folder: str | os.PathLike, spec: DatasetSpec) -> None:
    """Raise the error a load of ``spec`` from ``folder`` would raise (``other_dataset`` set)
    when its label files are another registered dataset's, by their content's checksum.

    Only the two small label files are read (a few milliseconds), so a page can say what the
    folder holds before anything is loaded. Missing or unreadable files raise nothing here:
    the load names them.
    """
    try:
        paths = find_files(folder, spec, LABEL_ROLES)
    except DataError:
        return
    for f in (f for f in spec.files if f.role in paths):
        path = paths[f.role]
        try:
            if path.stat().st_size > LABEL_FILE_AT_MOST:
                continue
            digest = small_content_sha256(path, LABEL_FILE_AT_MOST)
        except (OSError, DataError):
            continue
        if digest is None:
            continue
        other = _other_dataset_with(f.role, digest, spec)
        if other:
            raise _holds_other_error(spec, f, path, other)


def _read_files(paths: dict[str, Path], spec: DatasetSpec) -> tuple[dict, dict[str, str]]:
    """Read the files ``paths`` holds, hashing the decompressed bytes on the way:
    (arrays, digests)."""
    arrays, digests = {}, {}
    for role in (r for r in ROLES if r in paths):
        h = hashlib.sha256()
        reader = read_idx_images if role.endswith("images") else read_idx_labels
        try:
            arrays[role] = reader(paths[role], hasher=h)
        except DataError as err:
            # which file could not be read, so the window can offer a verified copy of it
            err.damaged_file = paths[role]
            raise
        digests[role] = h.hexdigest()
    return arrays, digests


def _build(spec: DatasetSpec, arrays: dict, paths: dict[str, Path]) -> Dataset:
    for split in ("train", "test"):
        check_counts(
            arrays[f"{split}_images"],
            arrays[f"{split}_labels"],
            paths[f"{split}_images"].name,
            paths[f"{split}_labels"].name,
        )
        labels = arrays[f"{split}_labels"]
        if labels.size and labels.max() >= len(spec.class_names):
            raise DataError.of(
                N_("{file}: label {label} but {dataset} has only {n} classes"),
                file=paths[f"{split}_labels"].name,
                label=str(labels.max()),
                dataset=spec.short_title or spec.name,
                n=str(len(spec.class_names)),
            )
    return Dataset(
        name=spec.name,
        class_names=spec.class_names,
        preprocess=spec.preprocess,
        **{role: arrays[role] for role in ROLES},
    )


def _load_user_folder(folder: Path, spec: DatasetSpec) -> Dataset:
    paths = find_files(folder, spec)
    arrays, digests = _read_files(paths, spec)
    _check_user_files(spec, paths, digests)
    return _build(spec, arrays, paths)


def _check_user_files(spec: DatasetSpec, paths: dict[str, Path], digests: dict[str, str]) -> None:
    """Refuse the other dataset's files; warn once when the files are not the published ones."""
    differ = []
    for f in (f for f in spec.files if f.role in paths):
        if digests[f.role] == f.sha256:
            continue
        other = _other_dataset_with(f.role, digests[f.role], spec)
        if other:
            raise _holds_other_error(spec, f, paths[f.role], other)
        differ.append(paths[f.role].name)
    if differ:
        # one warning per load: a lab's own subset is legitimate, but should not pass unnoticed
        folder, dataset = next(iter(paths.values())).parent, spec.short_title or spec.name
        if len(differ) > 1 and len(differ) == len(paths):
            # the four names took the whole status bar at 1024 px, and its end was cut
            text = Message(
                N_(
                    "{folder}: all its {dataset} files differ from the published ones; using "
                    "them as given"
                ),
                folder=folder,
                dataset=dataset,
            )
        else:
            text = Message(
                N_(
                    "{folder}: {files} differ from the published {dataset} files; using them "
                    "as given"
                ),
                folder=folder,
                files=", ".join(differ),
                dataset=dataset,
            )
        warnings.warn(DataWarning(text), stacklevel=4)


def _load_cache(
    spec: DatasetSpec, progress: ProgressFn | None, allow_download: bool, mirror: str | None
) -> Dataset:
    folder = dataset_cache_dir(spec)
    for attempt in range(2):
        missing = [f for f in spec.files if cached_path(f, folder) is None]
        if missing and not allow_download:
            raise MissingDataError(
                f"{missing[0].gz_name} of {spec_words(spec)} is not in the cache ({folder}) and "
                "downloads are off",
                f"{_how_to_get(spec)}, then pass --data-dir FOLDER",
            )
        if missing:
            download_dataset(spec, folder, progress, mirror=mirror)
        paths = {f.role: cached_path(f, folder) for f in spec.files}
        arrays, digests = _read_files(paths, spec)
        bad = [f for f in spec.files if digests[f.role] != f.sha256]
        if not bad:
            return _build(spec, arrays, paths)
        # a cache file damaged since it was verified: drop it, fetch it again (once)
        for f in bad:
            paths[f.role].unlink(missing_ok=True)
        if attempt == 1 or not allow_download:
            f = bad[0]
            raise _cache_damaged(paths[f.role], f.sha256, digests[f.role])
    raise AssertionError("unreachable")


TEST_ROLES = ("test_images", "test_labels")
TRAIN_ROLES = ("train_images", "train_labels")


def load_test_split(name: str | DatasetSpec, folder: str | os.PathLike) -> Dataset:
    """Only the test split of a registered dataset (its train arrays are empty), from a folder
    holding its two test files: what evaluating a model or showing a test image needs, so a
    folder without the train files (or a half-finished download) still serves them.

    ``folder`` is the user's data folder (files used as given, like ``load_dataset``) or the
    download cache (files must match the published checksums).
    """
    return _load_split(name, folder, TEST_ROLES)


def load_train_split(name: str | DatasetSpec, folder: str | os.PathLike) -> Dataset:
    """Only the training split (its test arrays are empty), from a folder whose two training
    files can be read: the Dataset page browses it when a test file is damaged (walk52 D11).
    ``folder`` as for ``load_test_split``."""
    return _load_split(name, folder, TRAIN_ROLES)


def _load_split(name: str | DatasetSpec, folder: str | os.PathLike, roles: tuple) -> Dataset:
    """The split of ``roles`` (TEST_ROLES or TRAIN_ROLES); the other split's arrays empty."""
    spec = get_spec(name)
    paths = find_files(folder, spec, roles)
    arrays, digests = _read_files(paths, spec)
    if Path(folder) == dataset_cache_dir(spec):
        for f in (f for f in spec.files if f.role in paths):
            if digests[f.role] != f.sha256:
                paths[f.role].unlink(missing_ok=True)
                raise _cache_damaged(paths[f.role], f.sha256, digests[f.role])
    else:
        _check_user_files(spec, paths, digests)
    kept, other = ("test", "train") if roles == TEST_ROLES else ("train", "test")
    images, labels = arrays[f"{kept}_images"], arrays[f"{kept}_labels"]
    empty = {f"{other}_images": images[:0], f"{other}_labels": labels[:0]}
    same = {f"{other}_images": paths[f"{kept}_images"], f"{other}_labels": paths[f"{kept}_labels"]}
    return _build(spec, {**arrays, **empty}, {**paths, **same})


def load_dataset(
    name_or_folder: str | os.PathLike | DatasetSpec,
    data_dir: str | os.PathLike | None = None,
    progress: ProgressFn | None = None,
    allow_download: bool = True,
    mirror: str | None = None,
) -> Dataset:
    """Load a registered dataset by name (or spec), or an image folder with one sub-folder
    per class.

    For a registered dataset the files come from ``data_dir`` or ``$NNDESK_DATA_DIR`` when
    given (that folder only: a missing file is an error naming it), else from the cache, else
    from a verified download (unless ``allow_download`` is False) trying the classroom mirror
    ``mirror`` first (``download_dataset``'s: None reads ``$NNDESK_MIRROR``, "" none).
    """
    if not isinstance(name_or_folder, DatasetSpec):
        key = str(name_or_folder)
        is_name = os.sep not in key and "/" not in key
        try:
            spec = get_spec(key) if is_name else None
        except DataError:
            spec = None
        if spec is None:
            if Path(key).is_dir():
                return load_image_folder(key)
            if is_name:
                get_spec(key)  # raises the "unknown dataset" error listing the known names
            raise DataError(
                f"{key}: no such folder (an image folder needs one sub-folder per class)"
            )
        name_or_folder = spec
    spec = name_or_folder
    folder = data_dir if data_dir is not None else os.environ.get(DATA_DIR_ENV) or None
    if folder is not None:
        return _load_user_folder(Path(folder), spec)
    return _load_cache(spec, progress, allow_download, mirror)
