"""Datasets: IDX parsing, the named-dataset registry, download, image folders, splits, batches.

NumPy and the standard library only (downloads use urllib; Pillow only through
``nndesk.preprocess`` for image folders), so importing this never loads Qt.
"""

from nndesk.data.batching import iterate_minibatches, num_batches
from nndesk.data.dataset import Dataset
from nndesk.data.download import dataset_cache_dir, download_dataset, fetch_file, tqdm_progress
from nndesk.data.folders import load_image_folder
from nndesk.data.idx import (
    read_idx,
    read_idx_images,
    read_idx_labels,
    read_idx_pair,
    sha256_decompressed,
    write_idx,
)
from nndesk.data.normalize import NORMALIZATIONS, Normalizer
from nndesk.data.registry import DATASETS, ROLES, DataFile, DatasetSpec, get_spec
from nndesk.data.sources import DATA_DIR_ENV, find_files, load_dataset
from nndesk.data.splits import Splits, make_splits, stratified_split

__all__ = [
    "DATASETS",
    "DATA_DIR_ENV",
    "Dataset",
    "dataset_cache_dir",
    "download_dataset",
    "fetch_file",
    "find_files",
    "load_dataset",
    "load_image_folder",
    "NORMALIZATIONS",
    "ROLES",
    "DataFile",
    "DatasetSpec",
    "Normalizer",
    "Splits",
    "get_spec",
    "iterate_minibatches",
    "make_splits",
    "num_batches",
    "read_idx",
    "read_idx_images",
    "read_idx_labels",
    "read_idx_pair",
    "sha256_decompressed",
    "tqdm_progress",
    "stratified_split",
    "write_idx",
]
