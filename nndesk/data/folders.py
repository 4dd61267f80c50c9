"""A folder of images with one sub-folder per class becomes a Dataset.

Each image goes through the same ``nndesk.preprocess`` function as a drawing, so a model
trained on a folder sees its pictures exactly as it will see the canvas. Layout::

    folder/<class>/*.png|jpg|...                 -> a seeded stratified test split is held out
    folder/train/<class>/..., folder/test/<class>/...   -> the given split is used as is

Unreadable or blank files are skipped and reported in one warning, never a crash; a class
folder left with no image is skipped with a warning too.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nndesk.data.dataset import Dataset
from nndesk.data.splits import stratified_split
from nndesk.errors import DataError, DataWarning, PreprocessError
from nndesk.i18n import N_, Message

#: the held-out share and seed a folder's test split is drawn with unless told otherwise
TEST_FRACTION, SPLIT_SEED = 0.2, 0

_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class FolderSplit:
    """How an image folder's test split was drawn, and a digest of the images it read. A model
    trained on the folder keeps it in its file (``to_info``, ``info["image_folder"]``): scoring
    the model later reads the folder again and draws the split the same way, and the digest
    says whether the folder still holds the same images (then the held-out images are exactly
    the ones it never trained on). Never a path: the folder is the person's to name."""

    images: int  # images read, training and test
    held_out: int  # of them, the test split's
    test_fraction: float  # 0 when the folder gave its own test/ sub-folder
    seed: int
    sha256: str  # over each image's path inside the folder and byte size, in reading order
    #: the test images' paths inside the folder, in test order (not kept in a model file)
    test_files: tuple[str, ...] = ()

    def to_info(self) -> dict:
        return {
            "images": self.images,
            "held_out": self.held_out,
            "test_fraction": self.test_fraction,
            "seed": self.seed,
            "sha256": self.sha256,
        }

    @classmethod
    def from_info(cls, value) -> FolderSplit | None:
        """The split a model file records, or None when it records none or a malformed one
        (a file anyone may edit: every field checked)."""
        if not isinstance(value, dict):
            return None
        images, held, fraction = (
            value.get("images"),
            value.get("held_out"),
            value.get("test_fraction"),
        )
        seed, digest = value.get("seed"), value.get("sha256")
        whole = (images, held, seed)
        if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in whole):
            return None
        if isinstance(fraction, bool) or not isinstance(fraction, (int, float)):
            return None
        if not (math.isfinite(fraction) and 0 <= fraction < 1 and seed < 2**63 and held <= images):
            return None
        if not isinstance(digest, str) or not _SHA256.fullmatch(digest):
            return None
        return cls(images, held, float(fraction), seed, digest)

    def same_images(self, other: FolderSplit) -> bool:
        """Whether ``other`` read the very images this one did (paths and sizes)."""
        return self.sha256 == other.sha256


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
    root: Path, class_names: list[str], kind: str, skipped: list[str], read: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Every file under root/<class>/ -> uint8 (n, 28, 28), int64 (n,); appends skip reasons,
    and to ``read`` each image's "<class>/<file>" path and byte size (``FolderSplit``)."""
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
                size = path.stat().st_size
            except PreprocessError as err:
                skipped.append(str(err))
                continue
            except OSError as err:  # gone between the listing and the stat
                skipped.append(f"{path.name}: {err.strerror or err}")
                continue
            if out is None:
                skipped.append(f"{path.name}: blank image")
                continue
            images.append(np.rint(out).astype(np.uint8))
            labels.append(label)
            read.append(f"{name}/{path.name}\t{size}")
    if not images:
        return np.empty((0, 28, 28), np.uint8), np.empty(0, np.int64)
    return np.stack(images), np.asarray(labels, dtype=np.int64)


def load_image_folder(
    folder: str | os.PathLike,
    kind: str = "digits",
    test_fraction: float = TEST_FRACTION,
    seed: int = SPLIT_SEED,
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
    read: list[str] = []  # "<class>/<file>\t<bytes>" of each image, in label order
    x, y = _read_classes(train_root, class_names, kind, skipped, read)
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
        test_read: list[str] = []
        test_x, test_y = _read_classes(folder / "test", names, kind, skipped, test_read)
        kept = counts[test_y] > 0  # test images of a class that has no training image: dropped
        test_x, test_y = test_x[kept], remap[test_y[kept]]
        test_read = [entry for entry, k in zip(test_read, kept, strict=True) if k]
        read = [f"train/{e}" for e in read] + [f"test/{e}" for e in test_read]
        test_files = tuple(f"test/{e.split(chr(9))[0]}" for e in test_read)
        test_fraction, seed = 0.0, 0
    else:
        keep, held = stratified_split(y, test_fraction, np.random.default_rng(seed))
        x, y, test_x, test_y = x[keep], y[keep], x[held], y[held]
        test_files = tuple(read[i].split("\t")[0] for i in held)
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
        folder_split=FolderSplit(
            images=len(x) + len(test_x),
            held_out=len(test_x),
            test_fraction=float(test_fraction),
            seed=int(seed),
            sha256=hashlib.sha256("\n".join(read).encode("utf-8", "surrogateescape")).hexdigest(),
            test_files=test_files,
        ),
    )
