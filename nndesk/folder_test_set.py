"""The held-out images of the image folder a model was trained on, to evaluate it with.

Training on a folder of one sub-folder per class holds out a seeded, stratified share of each
class as the test split (``data.folders``); the model file records how (``info["image_folder"]``:
the share, the seed and a digest of the images read), never where. Which folder to read is the
person's to say: the record of the model's run in their runs folder (written by their nndesk
when it trained), the image folder chosen on the Train page when its classes are the model's, or
the folder a command is given. A folder a model file names is never read: anyone may hand over a
file naming any folder.

Reading the folder again and drawing the split the recorded way gives back the very images the
model never trained on, as long as the folder holds the same images (the digest says so). When
it changed, the line ``changed`` says so and the images are scored as they are: the share drawn
now may hold images the model trained on.

No Qt here: the window's evaluation worker and ``nndesk evaluate`` both use it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nndesk.data.dataset import Dataset
from nndesk.data.folders import SPLIT_SEED, TEST_FRACTION, FolderSplit, class_folder_names
from nndesk.errors import DataError
from nndesk.i18n import N_, Message

#: who named the folder: the run's record, the Train page's folder, the command's flag
RUN_RECORD, TRAIN_FORM, GIVEN = "run", "form", "given"


@dataclass(frozen=True)
class FolderSource:
    """Where a folder model's test images came from: the folder read, who named it
    (``RUN_RECORD``, ``TRAIN_FORM``, ``GIVEN``), ``changed``: a line saying the folder no
    longer holds the images the model was trained on (or that its file cannot tell), None when
    it holds the very same ones, and each test image's path inside the folder, in test order."""

    folder: str
    named_by: str
    changed: Message | None
    test_files: tuple[str, ...] = ()
    #: True: the very images the model's file records; False: the folder changed since
    #: training; None: the file does not record them (saved by an older nndesk)
    same_images: bool | None = None


@dataclass(frozen=True)
class FolderTestSet:
    """A folder model's test images: ``dataset`` (its test split is the held-out part) and
    where they came from."""

    dataset: Dataset
    source: FolderSource


def run_record_folder(model_path: str | os.PathLike | None, runs_root: Path | None) -> str | None:
    """The image folder the run record beside ``model_path`` names, when that file is a run's
    model in the runs folder ``runs_root`` (``<runs>/<run>/model.npz`` with its ``run.json``);
    None otherwise, or when the record names a registered dataset or cannot be read."""
    from nndesk.data.registry import known_dataset
    from nndesk.run_json import RunFileError
    from nndesk.run_record import read_record

    if model_path is None or runs_root is None:
        return None
    try:
        path = Path(model_path).resolve()
        if path.parent.parent != Path(runs_root).resolve():
            return None
        record = read_record(path.parent)
    except (OSError, RunFileError, ValueError):
        return None
    folder = record.config.get("dataset")
    if not isinstance(folder, str) or not folder or known_dataset(folder) is not None:
        return None
    return folder


def trained_folder(
    classifier: Any, chosen: str | None, runs_root: Path | None
) -> tuple[str, str] | None:
    """The folder to read a folder model's test images from and who named it: the folder its
    run's record names when it is there, else ``chosen`` (the Train page's image folder) when
    its class sub-folders are the model's classes, else the gone folder the record names (its
    load says it is gone); None when nothing names one. A few stats: call it off the GUI
    thread."""
    recorded = run_record_folder(getattr(classifier, "path", None), runs_root)
    if recorded is not None and os.path.isdir(recorded):
        return recorded, RUN_RECORD
    if chosen and class_folder_names(chosen) == list(classifier.class_names):
        return chosen, TRAIN_FORM
    if recorded is not None:
        return recorded, RUN_RECORD
    return None


def some_class_names(classifier: Any) -> str:
    """A folder model's first four class names, then "…" if it has more: enough for a person
    to recognise the folder a line asks them to choose."""
    names = ", ".join(str(n) for n in list(classifier.class_names)[:4])
    return names + (", …" if len(classifier.class_names) > 4 else "")


def no_folder_error(classifier: Any) -> DataError:
    """The line when nothing names the folder a folder model was trained on."""
    return DataError.of(
        N_(
            "this model was trained on an image folder (classes {names}): choose that folder "
            "as the image folder on the Train page to evaluate it on the images it did not "
            "train on"
        ),
        names=some_class_names(classifier),
    )


def load_folder_test_set(
    classifier: Any,
    folder: str,
    named_by: str,
    load: Callable[[str], Dataset] | None = None,
) -> FolderTestSet:
    """Read ``folder`` again (blocking: call it off the GUI thread) and draw its test split as
    ``classifier``'s file says training drew it. ``load(folder)``, when given, is a memoised
    reader drawing the default split (the window's ``get_dataset``): used when the file's
    split is the default one, so a folder just trained on is not decoded a second time.

    Raises ``DataError`` in one line when the folder is gone, holds other classes, or keeps
    no held-out image."""
    from nndesk.data.folders import load_image_folder

    if not os.path.isdir(folder):
        raise DataError.of(
            N_(
                "{folder}: the image folder this model was trained on is not there any more "
                "(moved or deleted); choose it again as the image folder on the Train page"
            ),
            folder=folder,
        )
    recorded = FolderSplit.from_info(classifier.info.get("image_folder"))
    fraction = recorded.test_fraction if recorded is not None else TEST_FRACTION
    seed = recorded.seed if recorded is not None else SPLIT_SEED
    fraction = fraction or TEST_FRACTION  # 0: the folder had its own test/ (it is read again)
    kind = classifier.preprocess_kind
    dataset = None
    if load is not None and (fraction, seed) == (TEST_FRACTION, SPLIT_SEED):
        dataset = load(folder)
        if dataset.preprocess != kind:
            dataset = None
    if dataset is None:
        dataset = load_image_folder(folder, kind=kind, test_fraction=fraction, seed=seed)
    if tuple(dataset.class_names) != tuple(classifier.class_names):
        raise DataError.of(
            N_("{folder} holds the classes {found}, not this model's {wanted}"),
            folder=folder,
            found=_names(dataset.class_names),
            wanted=_names(classifier.class_names),
        )
    if not len(dataset.test_labels):
        raise DataError.of(
            N_("{folder}: too few images to hold any out for testing"), folder=folder
        )
    split = dataset.folder_split
    files = split.test_files if split is not None else ()
    same = None if recorded is None or split is None else recorded.same_images(split)
    source = FolderSource(folder, named_by, _changed(recorded, dataset, folder), files, same)
    return FolderTestSet(dataset, source)


def _names(names) -> str:
    names = [str(n) for n in names]
    return ", ".join(names[:4]) + (", …" if len(names) > 4 else "")


def _changed(recorded: FolderSplit | None, dataset: Dataset, folder: str) -> Message | None:
    now = dataset.folder_split
    if recorded is None:
        return Message(
            N_(
                "this model's file (saved by an older nndesk) does not record which images it "
                "trained on: if {folder} changed since, some of these may be training images"
            ),
            folder=folder,
        )
    if now is None or recorded.same_images(now):
        return None
    return Message(
        N_(
            "{folder} has changed since this model was trained ({then} images then, {now} now): "
            "the held-out share is drawn again, so some of these may be images it trained on"
        ),
        folder=folder,
        then=recorded.images,
        now=now.images,
    )
