"""A folder of images with one sub-folder per class becomes a Dataset.

Each image goes through the same ``nndesk.preprocess`` function as a drawing, so a model
trained on a folder sees its pictures exactly as it will see the canvas. Layout::

    folder/<class>/*.png|jpg|...                 -> a seeded stratified test split is held out
    folder/train/<class>/..., folder/test/<class>/...   -> the given split is used as is

Unreadable or blank files are skipped and reported in one warning, never a crash; a class
folder left with no image is skipped with a warning too.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import numpy as np

from nndesk.data.dataset import Dataset
from nndesk.data.splits import stratified_split
from nndesk.errors import DataError, DataWarning, PreprocessError
from nndesk.i18n import N_, Message


def _class_dirs(folder: Path) -> list[Path]:
    dirs = [d for d in folder.iterdir() if d.is_dir() and not d.name.startswith((".", "_"))]
    # "0".."10" should sort as numbers, not as "0", "1", "10", "2"
    if dirs and all(d.name.isdigit() for d in dirs):
        return sorted(dirs, key=lambda d: int(d.name))
    return sorted(dirs, key=lambda d: d.name)


def class_folder_names(folder: str | os.PathLike) -> list[str]:
    """The classes ``folder`` will give, in label order, without reading an image: the class
    sub-folders holding at least one file (the loader drops an empty one); cheap enough for a
    form to call as the path is typed. [] when ``folder`` is not a folder."""
    folder = Path(folder)
    try:
        split_given = (folder / "train").is_dir() and (folder / "test").is_dir()
        dirs = _class_dirs(folder / "train" if split_given else folder)
        return [d.name for d in dirs if _holds_a_file(d)]
    except OSError:
        return []


def _holds_a_file(folder: Path) -> bool:
    return any(p.is_file() and not p.name.startswith(".") for p in folder.iterdir())


def _check_class_names(root: Path, class_names: list[str]) -> None:
    """Refuse, before any image is read, class folders whose names a model file cannot keep:
    training went through and then nndesk's own loader refused the saved model (and the
    report printed the names' escape sequences raw on the terminal)."""
    from nndesk.nn.header import MAX_CLASSES, class_name_problem

    if len(class_names) > MAX_CLASSES:
        raise DataError(
            f"{root}: {len(class_names):,} class folders; a model holds at most {MAX_CLASSES:,} "
            "classes"
        )
    for name in class_names:
        problem = class_name_problem(name)
        if problem is not None:
            shown = name.encode("unicode_escape", "backslashreplace").decode("ascii")
            raise DataError(
                f"{root}: the class folder name '{shown[:60]}' {problem}; rename the folder"
            )


def _read_classes(
    root: Path, class_names: list[str], kind: str, skipped: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Every file under root/<class>/ -> uint8 (n, 28, 28), int64 (n,); appends skip reasons."""
    from nndesk.preprocess import for_kind, load_image  # Pillow only when a folder is used

    prepare = for_kind(kind)
    images, labels = [], []
    for label, name in enumerate(class_names):
        class_dir = root / name
        if not class_dir.is_dir():
            continue
        for path in sorted(class_dir.iterdir()):
            if not path.is_file() or path.name.startswith("."):
                continue
            try:
                out = prepare(load_image(path))
            except PreprocessError as err:
                skipped.append(str(err))
                continue
            if out is None:
                skipped.append(f"{path.name}: blank image")
                continue
            images.append(np.rint(out).astype(np.uint8))
            labels.append(label)
    if not images:
        return np.empty((0, 28, 28), np.uint8), np.empty(0, np.int64)
    return np.stack(images), np.asarray(labels, dtype=np.int64)


def load_image_folder(
    folder: str | os.PathLike,
    kind: str = "digits",
    test_fraction: float = 0.2,
    seed: int = 0,
) -> Dataset:
    """Build a Dataset from ``folder`` (see the module docstring for the layout).

    Parameters
    ----------
    kind : preprocessing applied to every image, "digits" | "garments".
    test_fraction : share of each class held out as the test split when the folder has no
        ``train/``+``test/`` sub-folders.
    seed : seeds the ``np.random.Generator`` that picks the held-out images, so the same
        folder always gives the same test set.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise DataError(f"{folder}: no such folder")
    split_given = (folder / "train").is_dir() and (folder / "test").is_dir()
    train_root = folder / "train" if split_given else folder
    class_names = [d.name for d in _class_dirs(train_root)]
    if len(class_names) < 2:
        raise DataError(
            f"{train_root}: an image dataset needs one sub-folder per class (found "
            f"{len(class_names)})"
        )
    _check_class_names(train_root, class_names)
    skipped: list[str] = []
    x, y = _read_classes(train_root, class_names, kind, skipped)
    # a class folder with no usable image would be a class the network can never learn
    counts = np.bincount(y, minlength=len(class_names))
    empty = [name for name, count in zip(class_names, counts, strict=True) if count == 0]
    remap = np.cumsum(counts > 0) - 1  # old label -> new label (for the classes kept)
    if empty:
        shown = ", ".join(empty[:5]) + (", ..." if len(empty) > 5 else "")
        text = Message(
            N_("{folder}: skipped {n} class folder(s) with no readable image: {names}"),
            folder=train_root,
            n=len(empty),
            names=shown,
        )
        warnings.warn(DataWarning(text), stacklevel=2)
        class_names = [name for name, count in zip(class_names, counts, strict=True) if count]
        y = remap[y]
        if len(class_names) < 2:
            raise DataError(
                f"{train_root}: an image dataset needs at least two sub-folders with images "
                f"(found {len(class_names)})"
            )
    if split_given:
        names = [d.name for d in _class_dirs(train_root)]
        test_x, test_y = _read_classes(folder / "test", names, kind, skipped)
        kept = counts[test_y] > 0  # test images of a class that has no training image: dropped
        test_x, test_y = test_x[kept], remap[test_y[kept]]
    else:
        keep, held = stratified_split(y, test_fraction, np.random.default_rng(seed))
        x, y, test_x, test_y = x[keep], y[keep], x[held], y[held]
    if skipped:
        total = len(skipped) + len(x) + len(test_x)
        text = Message(
            N_("{folder}: skipped {n} of {total} files (unreadable or blank), e.g. {example}"),
            folder=folder,
            n=len(skipped),
            total=total,
            example=skipped[0],
        )
        warnings.warn(DataWarning(text), stacklevel=2)
    if len(x) == 0:
        raise DataError(f"{folder}: no readable images in the class sub-folders")
    return Dataset(
        name=folder.name,
        class_names=tuple(class_names),
        preprocess=kind,
        train_images=x,
        train_labels=y,
        test_images=test_x,
        test_labels=test_y,
    )
