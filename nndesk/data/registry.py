"""The datasets nndesk knows by name: class names, files, checksums, mirrors, licence.

Checksums are SHA-256 of the *decompressed* IDX content, so any honest mirror is accepted
whatever gzip level it used, and any altered image or label byte is rejected.
"""

from __future__ import annotations

from dataclasses import dataclass

from nndesk.errors import DataError
from nndesk.i18n import QT_TRANSLATE_NOOP

#: The four roles every IDX dataset fills, in the order files are fetched.
ROLES = ("train_images", "train_labels", "test_images", "test_labels")


@dataclass(frozen=True)
class DataFile:
    """One IDX file: its role, its name without ``.gz``, the SHA-256 of its decompressed bytes."""

    role: str
    name: str
    sha256: str

    @property
    def gz_name(self) -> str:
        """The name mirrors serve it under."""
        return self.name + ".gz"


@dataclass(frozen=True)
class DatasetSpec:
    """Everything needed to fetch, verify, label and preprocess a named dataset.

    ``mirrors`` are base URLs ending in ``/``, tried in turn; each serves ``<file>.gz``.
    ``preprocess`` is the kind of drawing preprocessing the data matches ("digits" | "garments").
    ``folder_names`` are the sub-folder names a data folder may use for this dataset (the one
    list: the CLI, the window and the download all look for these). ``plain_title`` is the
    title without the authors, marked for translation (the Train form's Dataset list);
    ``download_bytes`` the four ``.gz`` files' sizes on the public mirrors (the download button's
    promise and its progress bar).
    """

    name: str
    title: str
    class_names: tuple[str, ...]
    preprocess: str
    licence: str
    files: tuple[DataFile, ...]
    mirrors: tuple[str, ...]
    folder_names: tuple[str, ...] = ()
    short_title: str = ""  # how menus and messages name it: "MNIST", "Fashion-MNIST"
    plain_title: str = ""
    mode_title: str = ""  # the window's mode that draws and trains on it: "Digits", "Clothing"
    download_bytes: int = 0

    def file(self, role: str) -> DataFile:
        """The file filling ``role`` (one of ``ROLES``)."""
        for f in self.files:
            if f.role == role:
                return f
        raise KeyError(role)


def _files(hashes: dict[str, str]) -> tuple[DataFile, ...]:
    names = {
        "train_images": "train-images-idx3-ubyte",
        "train_labels": "train-labels-idx1-ubyte",
        "test_images": "t10k-images-idx3-ubyte",
        "test_labels": "t10k-labels-idx1-ubyte",
    }
    return tuple(DataFile(role, names[role], hashes[role]) for role in ROLES)


MNIST = DatasetSpec(
    name="mnist",
    title="MNIST handwritten digits (LeCun, Cortes, Burges)",
    class_names=tuple(str(d) for d in range(10)),
    preprocess="digits",
    licence="MNIST: Yann LeCun, Corinna Cortes, Christopher J.C. Burges; CC BY-SA 3.0",
    files=_files(
        {
            "train_images": "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            "train_labels": "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            "test_images": "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            "test_labels": "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
        }
    ),
    mirrors=(
        "https://ossci-datasets.s3.amazonaws.com/mnist/",
        "https://storage.googleapis.com/cvdf-datasets/mnist/",
    ),
    folder_names=("mnist", "MNIST"),
    short_title="MNIST",
    plain_title=QT_TRANSLATE_NOOP("Datasets", "MNIST handwritten digits"),
    mode_title="Digits",
    download_bytes=11_594_722,
)

FASHION = DatasetSpec(
    name="fashion",
    title="Fashion-MNIST (Xiao, Rasul, Vollgraf 2017), Zalando Research",
    class_names=(
        QT_TRANSLATE_NOOP("Classes", "T-shirt/top"),
        QT_TRANSLATE_NOOP("Classes", "Trouser"),
        QT_TRANSLATE_NOOP("Classes", "Pullover"),
        QT_TRANSLATE_NOOP("Classes", "Dress"),
        QT_TRANSLATE_NOOP("Classes", "Coat"),
        QT_TRANSLATE_NOOP("Classes", "Sandal"),
        QT_TRANSLATE_NOOP("Classes", "Shirt"),
        QT_TRANSLATE_NOOP("Classes", "Sneaker"),
        QT_TRANSLATE_NOOP("Classes", "Bag"),
        QT_TRANSLATE_NOOP("Classes", "Ankle boot"),
    ),
    preprocess="garments",
    licence="Fashion-MNIST: Zalando SE (Xiao, Rasul, Vollgraf 2017, arXiv:1708.07747); MIT",
    files=_files(
        {
            "train_images": "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
            "train_labels": "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
            "test_images": "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
            "test_labels": "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
        }
    ),
    mirrors=(  # HTTPS first; the plain-HTTP one is a fallback (the SHA-256 check guards both)
        "https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/",
        "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
    ),
    folder_names=("fashion-mnist", "fashion", "fashion_mnist", "Fashion-MNIST"),
    short_title="Fashion-MNIST",
    plain_title=QT_TRANSLATE_NOOP("Datasets", "Fashion-MNIST"),
    mode_title="Clothing",
    download_bytes=30_878_645,
)

DATASETS: dict[str, DatasetSpec] = {spec.name: spec for spec in (MNIST, FASHION)}


def dataset_for_kind(kind: str) -> str | None:
    """The dataset a window mode ("digits" | "garments") trains and tests on, or None."""
    return next((spec.name for spec in DATASETS.values() if spec.preprocess == kind), None)


_ALIASES = {"digits": "mnist", "fashion-mnist": "fashion", "fashion_mnist": "fashion"}


def spec_words(spec: DatasetSpec) -> str:
    """How a message names ``spec`` to a person: "Fashion-MNIST (Clothing)", its title and the
    window's mode for it, never the registry's key ("fashion") (walk49 D14)."""
    title = spec.short_title or spec.name
    return f"{title} ({spec.mode_title})" if spec.mode_title else title


def dataset_words(name: object) -> str:
    """``spec_words`` of the registered dataset ``name`` names; anything else (an image
    folder's path, a class list) quoted as given."""
    key = known_dataset(name)
    return spec_words(DATASETS[key]) if key is not None else repr(name)


def get_spec(name: str | DatasetSpec) -> DatasetSpec:
    """Look a dataset up by name (or pass a spec through); DataError lists the known names."""
    if isinstance(name, DatasetSpec):
        return name
    key = _ALIASES.get(name.lower(), name.lower())
    if key not in DATASETS:
        known = ", ".join(DATASETS)
        raise DataError(f"unknown dataset {name!r}; known datasets: {known} (or an image folder)")
    return DATASETS[key]


def known_dataset(name: object) -> str | None:
    """The registered dataset a model file's header names, or None.

    A header is data from a file anyone can edit: what it names is only ever looked up in the
    registry, never used as a folder to read.
    """
    if not isinstance(name, str):
        return None
    key = _ALIASES.get(name.lower(), name.lower())
    return key if key in DATASETS else None
