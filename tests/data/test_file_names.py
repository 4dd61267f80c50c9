"""MNIST as students pass it around (walk55b D0): Kaggle's dotted names, its archive's folders
named like the files, upper-case copies, the files one folder down; a zip or the CSV form said
for what it is, never "missing, download it"."""

import gzip
import shutil
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nndesk.data.file_names import dotted, file_path
from nndesk.data.registry import DATASETS
from nndesk.data.sources import find_files, load_dataset
from nndesk.errors import MissingDataError

pytestmark = pytest.mark.filterwarnings("ignore:.*differ from the published:UserWarning")

MNIST = DATASETS["mnist"]


def _copy_as(tiny, folder, rename, raw=True):
    """The tiny dataset's four files in ``folder`` under ``rename(name without .gz)``."""
    folder.mkdir(parents=True, exist_ok=True)
    for p in tiny.iterdir():
        data = gzip.decompress(p.read_bytes()) if raw else p.read_bytes()
        target = folder / rename(p.name.removesuffix(".gz"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return folder


def test_kaggles_dotted_names_are_read(tiny_idx_dir, tmp_path):
    folder = _copy_as(tiny_idx_dir, tmp_path / "kaggle", dotted)
    assert (folder / "train-images.idx3-ubyte").is_file()
    ds = load_dataset("mnist", data_dir=folder)
    assert ds.train_images.shape == (200, 28, 28)


def test_kaggles_archive_folders_named_like_the_files_are_looked_in(tiny_idx_dir, tmp_path):
    # archive/t10k-images-idx3-ubyte/t10k-images-idx3-ubyte: the message said the file
    # "t10k-images-idx3-ubyte" was missing while a folder of that name sat there
    folder = _copy_as(tiny_idx_dir, tmp_path / "archive", lambda n: f"{n}/{n}")
    paths = find_files(folder, MNIST)
    assert paths["test_images"] == folder / "t10k-images-idx3-ubyte" / "t10k-images-idx3-ubyte"
    load_dataset("mnist", data_dir=folder)


def test_upper_case_copies_are_read(tiny_idx_dir, tmp_path):
    folder = _copy_as(tiny_idx_dir, tmp_path / "upper", lambda n: n.upper() + ".GZ", raw=False)
    paths = find_files(folder, MNIST)
    assert paths["train_labels"].name == "TRAIN-LABELS-IDX1-UBYTE.GZ"


def test_the_files_one_folder_down_are_found(tiny_idx_dir, tmp_path):
    root = tmp_path / "archive"
    shutil.copytree(tiny_idx_dir, root / "mnist-data")
    (root / "notes").mkdir()  # another sub-folder, looked in first by name, holds nothing
    assert find_files(root, MNIST)["train_images"].parent == root / "mnist-data"


def test_a_folder_named_for_the_other_dataset_is_not_taken_one_level_down(tiny_idx_dir, tmp_path):
    # a USB folder holding mnist/ only does not serve Fashion-MNIST: still "missing"
    root = tmp_path / "usb"
    shutil.copytree(tiny_idx_dir, root / "mnist")
    with pytest.raises(MissingDataError, match="Fashion-MNIST's"):
        find_files(root, DATASETS["fashion"])


def test_a_zip_is_named_with_what_to_do_not_called_missing(tmp_path):
    (tmp_path / "mnist.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    with pytest.raises(MissingDataError) as caught:
        find_files(tmp_path, MNIST)
    assert caught.value.what == (
        f"{tmp_path}: no MNIST files here, only mnist.zip: unzip it (the files may be one "
        "folder down), then use that folder"
    )


@pytest.mark.parametrize(
    ("names", "wanted", "named"),
    [
        (["mnist.zip"], "fashion", None),  # MNIST's, by its name: not Fashion-MNIST's
        (["fashion-mnist.zip"], "mnist", None),
        (["fashionmnist.zip", "mnist.zip"], "fashion", "fashionmnist.zip"),
        (["MNIST-data.zip", "Fashion_MNIST.zip"], "mnist", "MNIST-data.zip"),
        (["archive.zip"], "fashion", "archive.zip"),  # Kaggle's name: it may be either
        (["mnist_train.csv", "mnist_test.csv"], "fashion", None),
    ],
)
def test_an_archive_named_for_the_other_dataset_is_not_offered_as_this_ones(
    tmp_path, names, wanted, named
):
    """walk56v #2: a folder holding only mnist.zip, in Clothing: "no Fashion-MNIST files here,
    only mnist.zip: unzip it", and unzipped it gave MNIST. Only an archive (or CSV) whose name
    does not say it is the other dataset's is named; else the files are simply missing."""
    for name in names:
        (tmp_path / name).write_bytes(b"PK\x05\x06" + bytes(18))
    spec = DATASETS[wanted]
    with pytest.raises(MissingDataError) as caught:
        find_files(tmp_path, spec)
    if named is None:
        assert "only" not in caught.value.what and "missing" in caught.value.what
    else:
        assert f"only {named}:" in caught.value.what


@given(st.text(max_size=40))
def test_any_file_name_names_a_registered_dataset_or_none(name):
    from nndesk.data.file_names import dataset_named_by

    named = dataset_named_by(name)
    assert named is None or named in DATASETS
    # "fashion" is longer than "mnist": a name with both is Fashion-MNIST's, whatever else
    assert dataset_named_by(f"Fashion-{name}-MNIST.zip") == "fashion"


def test_the_csv_form_is_named_as_not_read(tmp_path):
    for name in ("mnist_train.csv", "mnist_test.csv"):
        (tmp_path / name).write_text("label,1x1\n5,0\n")
    with pytest.raises(MissingDataError, match=r"only mnist_test\.csv, mnist_train\.csv: nndesk"):
        find_files(tmp_path, MNIST)


def test_a_file_holding_a_path_is_never_followed(tiny_idx_dir, tmp_path):
    folder = tmp_path / "lure"
    folder.mkdir()
    (folder / "train-images-idx3-ubyte").write_text(
        str(tiny_idx_dir / "train-images-idx3-ubyte.gz")
    )
    # the file is taken as the data (and its reader refuses it), not as a pointer elsewhere
    assert file_path(MNIST.file("train_images"), folder) == folder / "train-images-idx3-ubyte"


_NAME_CHARS = string.ascii_letters + string.digits + "-._"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    others=st.lists(st.text(_NAME_CHARS, min_size=1, max_size=30), max_size=8),
    case=st.sampled_from([str.lower, str.upper, str.title]),
    spelling=st.sampled_from(["plain", "gz", "dotted", "dotted_gz", "sub"]),
)
def test_any_folder_either_gives_a_file_spelled_as_accepted_or_none(
    tmp_path_factory, others, case, spelling
):
    """Whatever else a folder holds, the lookup returns a path inside it spelled as one of the
    accepted names (case aside), or None; never a crash, never a path outside it."""
    folder = tmp_path_factory.mktemp("f")
    file = MNIST.file("test_labels")
    accepted = {n.casefold() for n in (file.name, file.gz_name, dotted(file.name))}
    accepted.add(dotted(file.name).casefold() + ".gz")
    for name in others:
        if name in (".", "..") or name.casefold() in accepted:
            continue
        if name.endswith("d"):
            (folder / name).mkdir(exist_ok=True)
        elif not (folder / name).exists():
            (folder / name).write_bytes(b"x")
    base = {"plain": file.name, "gz": file.gz_name, "dotted": dotted(file.name)}
    base["dotted_gz"] = dotted(file.name) + ".gz"
    base["sub"] = f"{file.name}/{file.name}"
    target = folder / case(base[spelling])
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(b"data")
    found = file_path(file, folder)
    assert found is not None and found.is_file()
    assert folder in found.parents and found.name.casefold() in accepted


_TREE_NAMES = st.sampled_from(
    [
        "mnist",
        "fashion",
        "archive",
        "mnist.zip",
        "a.csv",
        "t10k-labels-idx1-ubyte",
        "T10K-LABELS.IDX1-UBYTE",
        "t10k-labels-idx1-ubyte.gz",
        "t10k-images.idx3-ubyte",
        "train-images-idx3-ubyte.gz",
        "train-labels.idx1-ubyte",
        ".hidden",
        "x",
    ]
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(tree=st.lists(st.tuples(st.lists(_TREE_NAMES, min_size=1, max_size=3), st.booleans())))
def test_any_folder_tree_gives_files_inside_it_at_most_two_levels_down_or_one_clear_error(
    tmp_path_factory, tree
):
    """Random trees of near-miss names, folders named like files, archives: find_files returns
    paths inside the folder (a named sub-folder, one level down, and a file's own folder at
    most) or raises MissingDataError with a one-line message; nothing else."""
    root = tmp_path_factory.mktemp("t")
    for parts, is_dir in tree:
        path = root.joinpath(*parts)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.mkdir(exist_ok=True) if is_dir else path.write_bytes(b"x")
        except (FileExistsError, NotADirectoryError, IsADirectoryError):
            continue  # a file where a folder goes: the tree is as far as it could be made
    try:
        found = find_files(root, MNIST)
    except MissingDataError as err:
        assert "\n" not in str(err) and str(root) in str(err)
        return
    for path in found.values():
        assert path.is_file() and root in path.parents
        assert len(path.relative_to(root).parts) <= 3
