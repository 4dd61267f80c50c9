"""The dataset a command reads: the folder (``data_folders.choose``) said when the person did
not name it, the classroom mirror, the hint when its files are missing, ``--json``'s ``data``,
and for ``evaluate`` and ``calibrate`` the test set that matches a model's classes."""

from __future__ import annotations

import contextlib
import sys

from nndesk.cli.output import shown


def model_dataset(args, clf, test_only: bool = False):
    """The dataset ``args.dataset`` names, else the registered one ``clf``'s file names;
    its classes must be the model's. ``test_only``: a registered dataset's two test files are
    enough (its train arrays may be empty), as for the window's Evaluate."""
    from nndesk.data import load_dataset
    from nndesk.data.sources import TEST_ROLES
    from nndesk.errors import ModelFileError

    # the test set is one the person names, or the registered dataset the file names: never a
    # folder taken from inside the file (anyone can edit a header)
    name = args.dataset or clf.dataset
    given = args.data_dir if name is None and args.data_dir else None
    if given is not None and _is_image_folder(given):
        name = given  # a folder model given its image folder with --data-dir
    if test_only and name is not None and name not in _registered():
        return _folder_test_split(args, clf, name)
    if name is None:
        from nndesk.data.registry import DATASETS
        from nndesk.errors import DataError

        nor = f", and {given} is no image folder (one sub-folder per class)" if given else ""
        raise DataError(
            f"{args.model}: the file names no known dataset ({', '.join(DATASETS)}){nor}; "
            f"say which test set to use with --dataset {'|'.join((*DATASETS, 'FOLDER'))} "
            "(a model trained on an image folder: --data-dir FOLDER, that folder)"
        )
    log = sys.stderr if args.json else sys.stdout
    roles = TEST_ROLES if test_only else None
    args.data = data_folder(args.data_dir, name, log, roles)
    with on_disk_hint(args.data, name):
        mirror = download_mirror(args.data, name, log, roles)
        dataset = (
            _test_split(name, args.data.folder, mirror)
            if test_only
            else load_dataset(name, data_dir=args.data.folder, mirror=mirror)
        )
    if tuple(dataset.class_names) != tuple(clf.class_names):
        raise ModelFileError(
            f"{args.model}: its classes do not match the {dataset_title(dataset.name)} "
            "dataset's classes"
        )
    return dataset


def _registered():
    from nndesk.data.registry import DATASETS

    return DATASETS


def _is_image_folder(folder: str) -> bool:
    """Whether ``folder`` holds class sub-folders of files (not a registered dataset's files)."""
    from nndesk.data.folders import class_folder_names

    return len(class_folder_names(folder)) >= 2


def _folder_test_split(args, clf, folder: str):
    """The held-out images of image folder ``folder`` for a model trained on it, its split
    drawn as the model's file says training drew it (``folder_test_set``); says on the log
    when the folder changed since training. ``args.data`` names the folder and its flag, and
    ``args.same_images`` is True (the very images), False (changed) or None (the file does not
    say)."""
    from nndesk.cli import data_folders
    from nndesk.folder_test_set import GIVEN, load_folder_test_set

    flag = data_folders.FROM_FLAG if folder == args.data_dir else "--dataset"
    args.data = data_folders.DataFolder(folder, flag)
    test_set = load_folder_test_set(clf, folder, GIVEN)
    changed = test_set.source.changed
    args.same_images = test_set.source.same_images
    if changed is not None:
        print(f"note: {shown(changed)}", file=sys.stderr if args.json else sys.stdout)
    return test_set.dataset


def data_folder(data_dir: str | None, name: str, log, roles=None):
    """Where dataset ``name`` is read from (``data_folders.choose``); says so on ``log`` when it
    is the window's folder, which the person did not name here. An image folder
    (``--dataset FOLDER``) is read where it is."""
    from nndesk.cli import data_folders
    from nndesk.data.registry import DATASETS

    if name not in DATASETS:
        return data_folders.DataFolder(data_dir, data_folders.FROM_FLAG)
    data = data_folders.choose(data_dir, name, roles)
    line = data_folders.said(data, name)
    if line is not None:
        print(line, file=log)
    return data


def download_mirror(data, name: str, log, roles=None) -> str | None:
    """The classroom mirror a load of dataset ``name`` from ``data`` downloads from first
    (``data_folders.classroom_mirror``; "" for none), said on ``log``. None (``$NNDESK_MIRROR``
    alone, as the data layer reads it) when nothing is to be downloaded: a folder is read as
    it is, or the cache holds the files of ``roles``; the window's setting is not read then,
    so a bad one cannot stop a command that needs none."""
    from nndesk.cli import data_folders
    from nndesk.data.registry import DATASETS

    if (
        name not in DATASETS
        or data.source != data_folders.FROM_CACHE
        or data_folders.in_cache(name, roles)
    ):
        return None
    mirror = data_folders.classroom_mirror()
    if mirror is None:
        return ""
    print(shown(mirror.said()), file=log)
    return mirror.source


@contextlib.contextmanager
def on_disk_hint(data, name: str | None = None):
    """A dataset the cache lacks and no server sent: its one line also names the ways to
    files already on disk (--data-dir, NNDESK_DATA_DIR, the window's Choose a folder…). A
    folder named for the command (``--data-dir``, ``$NNDESK_DATA_DIR``) that lacks registered
    dataset ``name``'s files: the line says how to fill that folder, or to read the cache."""
    from nndesk.cli import data_folders
    from nndesk.data.download import DownloadError
    from nndesk.data.registry import DATASETS
    from nndesk.errors import DataError, MissingDataError

    try:
        yield
    except (DownloadError, MissingDataError) as err:
        if getattr(err, "kind", None) == "cancelled":
            raise
        if data.source == data_folders.FROM_CACHE:
            refused = data_folders.refused_window_folder(name) if name in DATASETS else None
            raise data_folders.with_hint(err, refused=refused) from None
        if isinstance(err, MissingDataError) and name is not None:
            raise data_folders.folder_hint(err, data, name) from None
        raise
    except DataError as err:
        found = getattr(err, "found", None)
        if found is None or data.source == data_folders.FROM_FLAG:
            raise
        # "point --data-dir at …" named a flag the person did not give (walk48 D10)
        wanted = getattr(err, "wanted", name)
        if data.source == data_folders.FROM_ENV:
            advice = f"the folder comes from NNDESK_DATA_DIR: point it at the {wanted} files"
        else:
            advice = (
                "the folder is the one chosen in the window: choose one with the "
                f"{wanted} files there"
            )
        raise DataError(f"{found}; {advice}, or give --data-dir") from None


def data_json(data, name: str | None) -> dict:
    """``--json``'s ``data``: the folder the images were read from and why that one (see
    ``data_folders``; "--dataset" for an image folder)."""
    from nndesk.cli import data_folders
    from nndesk.data.download import dataset_cache_dir
    from nndesk.data.registry import DATASETS

    if name is None or name not in DATASETS:
        # an image folder: named with --dataset, or (evaluate) with --data-dir
        given = data is not None and data.folder == str(name) and data.source == "--data-dir"
        return {"folder": str(name), "from": "--data-dir" if given else "--dataset"}
    if data.source == data_folders.FROM_CACHE:
        return {"folder": str(dataset_cache_dir(name)), "from": data.source}
    return {"folder": str(data.folder), "from": data.source}


def dataset_title(name: str) -> str:
    """How a dataset is named to a person: "MNIST", "Fashion-MNIST"; a folder's name as is."""
    from nndesk.data.registry import DATASETS

    spec = DATASETS.get(name)
    return spec.short_title or spec.name if spec is not None else name


def _test_split(name: str, data_dir: str | None, mirror: str | None = None):
    """Registered dataset ``name`` for evaluation: its two test files from ``data_dir`` (the
    folder ``data_folders.choose`` chose), else from the cache, else the whole dataset downloaded;
    an image folder is read whole."""
    from nndesk.data import load_dataset
    from nndesk.data.download import dataset_cache_dir
    from nndesk.data.registry import DATASETS
    from nndesk.data.sources import TEST_ROLES, find_files, load_test_split
    from nndesk.errors import DataError

    if name not in DATASETS:
        return load_dataset(name, data_dir=data_dir)
    if data_dir is not None:
        return load_test_split(name, data_dir)  # a missing test file: one line naming it
    cache = dataset_cache_dir(name)
    try:
        find_files(cache, DATASETS[name], TEST_ROLES)
    except DataError:
        # not cached: the verified download of all four files
        return load_dataset(name, mirror=mirror)
    return load_test_split(name, cache)
