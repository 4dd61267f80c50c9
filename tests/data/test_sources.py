"""Where data comes from: a user folder (strict about missing files), the env var, the cache."""

import gzip
import re
import warnings
from dataclasses import replace

import numpy as np
import pytest

from nndesk.data.download import dataset_cache_dir
from nndesk.data.idx import sha256_decompressed, write_idx
from nndesk.data.registry import DATASETS
from nndesk.data.sources import find_files, load_dataset, load_test_split, load_train_split
from nndesk.errors import DataError

# the tiny synthetic folders are not the published files; tests that check the warning catch it
pytestmark = pytest.mark.filterwarnings("ignore:.*differ from the published:UserWarning")


def test_user_folder_loads_with_registry_class_names_and_warns_it_is_not_the_published_file(
    tiny_idx_dir,
):
    with pytest.warns(UserWarning, match="all its MNIST files differ from the published") as rec:
        ds = load_dataset("mnist", data_dir=tiny_idx_dir)
    assert len(rec) == 1
    # every file: said in a few words, not four file names (the status bar cut their end)
    assert str(rec[0].message) == (
        f"{tiny_idx_dir}: all its MNIST files differ from the published ones; using them as given"
    )
    assert ds.train_images.shape == (200, 28, 28) and ds.train_images.dtype == np.uint8
    assert ds.test_labels.shape == (50,) and ds.test_labels.dtype == np.int64
    assert ds.class_names == DATASETS["mnist"].class_names and ds.preprocess == "digits"


def test_a_folder_where_some_files_differ_names_those_files(tiny_idx_dir, shared_data, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):  # the published
        (folder / name).write_bytes((shared_data / "mnist" / name).read_bytes())
    for name in ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"):  # a lab's own
        (folder / name).write_bytes((tiny_idx_dir / name).read_bytes())
    with pytest.warns(UserWarning) as rec:
        load_dataset("mnist", data_dir=folder)
    assert [str(w.message) for w in rec] == [
        f"{folder}: train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz differ from the "
        "published MNIST files; using them as given"
    ]


def test_environment_variable_names_the_folder(tiny_idx_dir, monkeypatch):
    monkeypatch.setenv("NNDESK_DATA_DIR", str(tiny_idx_dir))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ds = load_dataset("fashion", allow_download=False)
    assert ds.class_names[0] == "T-shirt/top" and ds.preprocess == "garments"


def test_dataset_sub_folder_of_the_data_folder_is_found(tiny_idx_dir, tmp_path):
    root = tmp_path / "all"
    (root / "fashion-mnist").mkdir(parents=True)
    for p in tiny_idx_dir.iterdir():
        raw_name = p.name.removesuffix(".gz")  # raw files are accepted as well as .gz
        (root / "fashion-mnist" / raw_name).write_bytes(gzip.decompress(p.read_bytes()))
    assert find_files(root, DATASETS["fashion"])["test_labels"].name == "t10k-labels-idx1-ubyte"


def test_missing_file_in_user_folder_is_named_with_how_to_get_it(tiny_idx_dir):
    (tiny_idx_dir / "t10k-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(DataError, match="t10k-labels-idx1-ubyte.gz .* is missing; download"):
        load_dataset("mnist", data_dir=tiny_idx_dir)


def test_missing_folder_says_so(tmp_path):
    with pytest.raises(DataError, match="nowhere does not exist"):
        load_dataset("mnist", data_dir=tmp_path / "nowhere")


def test_user_folder_with_mismatched_counts_is_rejected(tiny_idx_dir):
    write_idx(tiny_idx_dir / "t10k-labels-idx1-ubyte.gz", np.zeros(49, np.uint8))
    with pytest.raises(DataError, match="50 images but t10k-labels-idx1-ubyte.gz holds 49"):
        load_dataset("mnist", data_dir=tiny_idx_dir)


def test_labels_beyond_the_class_list_are_rejected(tiny_idx_dir):
    write_idx(tiny_idx_dir / "t10k-labels-idx1-ubyte.gz", np.full(50, 10, np.uint8))
    with pytest.raises(DataError, match="label 10 but MNIST has only 10 classes"):
        load_dataset("mnist", data_dir=tiny_idx_dir)


def test_damaged_cache_files_are_removed_and_offline_that_is_an_error(tiny_idx_dir):
    # files in the cache that do not match the registry were damaged after their download
    cache = dataset_cache_dir("mnist")
    cache.mkdir(parents=True)
    for p in tiny_idx_dir.iterdir():
        (cache / p.name).write_bytes(p.read_bytes())
    with pytest.raises(DataError, match="cached file was damaged .* has been removed"):
        load_dataset("mnist", allow_download=False)
    assert list(cache.iterdir()) == []


def test_unknown_names_and_missing_paths_are_data_errors(tmp_path):
    with pytest.raises(DataError, match="unknown dataset 'kmnist'"):
        load_dataset("kmnist")
    with pytest.raises(DataError, match="no such folder"):
        load_dataset(str(tmp_path / "none" / "here"))


def _spec_of(folder, name):
    """A registry entry (``name``'s own titles when it is registered, else MNIST's) whose
    checksums are those of the files in ``folder``."""
    base = DATASETS.get(name, DATASETS["mnist"])
    files = tuple(replace(f, sha256=sha256_decompressed(folder / f.gz_name)) for f in base.files)
    return replace(base, name=name, files=files, folder_names=())


def test_files_matching_the_registry_load_without_a_warning(tiny_idx_dir):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ds = load_dataset(_spec_of(tiny_idx_dir, "exact"), data_dir=tiny_idx_dir)
    assert len(ds.train_labels) == 200


def test_files_of_another_registered_dataset_are_refused(tiny_idx_dir, monkeypatch):
    other = replace(_spec_of(tiny_idx_dir, "other"), short_title="Other-MNIST", mode_title="Odd")
    monkeypatch.setitem(DATASETS, "other", other)
    # named as a person knows them, never by registry key ("this is fashion's", walk49 D14)
    said = "this is the Other-MNIST (Odd) train-images-idx3-ubyte, not the MNIST (Digits) one"
    with pytest.raises(DataError, match=re.escape(said)) as refused:
        load_dataset("mnist", data_dir=tiny_idx_dir)
    assert str(refused.value).endswith("; point --data-dir at the MNIST files")


@pytest.mark.parametrize(("name", "title"), [("mnist", "MNIST"), ("fashion", "Fashion-MNIST")])
def test_a_missing_file_names_the_dataset_as_it_is_called(tiny_idx_dir, name, title):
    (tiny_idx_dir / "train-images-idx3-ubyte.gz").unlink()
    with pytest.raises(DataError, match=f": {title}'s train-images-idx3-ubyte.gz"):
        find_files(tiny_idx_dir, DATASETS[name])


def test_the_test_split_loads_from_a_folder_without_the_train_files(tiny_idx_dir):
    for name in ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"):
        (tiny_idx_dir / name).unlink()
    # training does need them, and is told of both (it named only the images, probe 16d)
    pattern = "MNIST's train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz .* are missing"
    with pytest.raises(DataError, match=pattern):
        load_dataset("mnist", data_dir=tiny_idx_dir)
    data = load_test_split("mnist", tiny_idx_dir)
    assert data.name == "mnist" and len(data.train_labels) == 0 and len(data.train_images) == 0
    assert data.test_images.shape[1:] == (28, 28)
    assert len(data.test_labels) == len(data.test_images) > 0


def test_the_test_split_names_a_missing_test_file(tiny_idx_dir):
    (tiny_idx_dir / "t10k-images-idx3-ubyte.gz").unlink()
    with pytest.raises(DataError, match="MNIST's t10k-images-idx3-ubyte.gz .* is missing"):
        load_test_split("mnist", tiny_idx_dir)


def test_the_other_datasets_folder_gets_window_advice_and_the_cli_keeps_its_line(
    tiny_idx_dir, monkeypatch
):
    """Probe 16d F5: the window said "point --data-dir at the mnist files"."""
    from nndesk.errors import user_message, window_message

    monkeypatch.setitem(DATASETS, "fashion", _spec_of(tiny_idx_dir, "fashion"))
    with pytest.raises(DataError) as caught:
        load_dataset("mnist", data_dir=tiny_idx_dir)
    assert user_message(caught.value).endswith(  # the CLI's, in the words a person knows
        "this is the Fashion-MNIST (Clothing) train-images-idx3-ubyte, not the MNIST (Digits) "
        "one; point --data-dir at the MNIST files"
    )
    said = window_message(caught.value)
    assert said == (
        f"{tiny_idx_dir} holds Fashion-MNIST, not MNIST: download MNIST "
        "into nndesk's cache, or choose a folder with MNIST."
        " Each dataset keeps its own folder; one holding mnist/ and fashion-mnist/ serves both."
    )


@pytest.mark.parametrize("kind", ["file", "pipe"])
def test_a_data_folder_that_is_a_file_or_pipe_is_named_for_it_not_missing(tmp_path, kind):
    """Probe 33 F5's kin: --data-dir naming a file or a named pipe said it 'does not exist'."""
    import os

    odd = tmp_path / "data"
    if kind == "pipe":
        os.mkfifo(odd)
    else:
        odd.write_text("not a folder")
    with pytest.raises(DataError, match=f"^data folder {odd} is a file, not a folder; "):
        find_files(odd, DATASETS["mnist"])
    with pytest.raises(DataError, match="does not exist"):
        find_files(tmp_path / "missing", DATASETS["mnist"])


def test_the_training_split_alone_loads_without_the_test_files(tiny_idx_dir, tmp_path):
    """What the Dataset page browses when a test file is damaged (walk52 D11): the training
    arrays as load_dataset reads them, the test arrays empty; the test files are never read."""
    folder = tmp_path / "train-only"
    folder.mkdir()
    for name in ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"):
        (folder / name).write_bytes((tiny_idx_dir / name).read_bytes())
    (folder / "t10k-images-idx3-ubyte.gz").write_bytes(b"\x1f\x8b not a whole file")
    whole = load_dataset("mnist", data_dir=tiny_idx_dir)
    train = load_train_split("mnist", folder)
    np.testing.assert_array_equal(train.train_images, whole.train_images)
    np.testing.assert_array_equal(train.train_labels, whole.train_labels)
    assert train.test_images.shape == (0, 28, 28) and train.test_labels.shape == (0,)
    test = load_test_split("mnist", tiny_idx_dir)  # the other way round, as before
    assert test.train_labels.shape == (0,) and len(test.test_labels) == len(whole.test_labels)
