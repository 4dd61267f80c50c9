"""Fixtures of the data tests: ``tiny``, a 12-image dataset's payloads as a mirror serves them."""

import gzip
import hashlib

import numpy as np
import pytest

from nndesk.data.idx import write_idx
from nndesk.data.registry import DataFile, DatasetSpec

NAMES = {
    "train_images": "train-images-idx3-ubyte",
    "train_labels": "train-labels-idx1-ubyte",
    "test_images": "t10k-images-idx3-ubyte",
    "test_labels": "t10k-labels-idx1-ubyte",
}


@pytest.fixture
def tiny(tmp_path):
    """Gzipped IDX payloads of a 12-image dataset and a spec whose hashes match them."""
    rng = np.random.default_rng(0)
    arrays = {
        "train_images": rng.integers(0, 256, (12, 28, 28), dtype=np.uint8),
        "train_labels": (np.arange(12) % 3).astype(np.uint8),
        "test_images": rng.integers(0, 256, (6, 28, 28), dtype=np.uint8),
        "test_labels": (np.arange(6) % 3).astype(np.uint8),
    }
    payloads, files = {}, []
    for role, array in arrays.items():
        raw = write_idx(tmp_path / NAMES[role], array).read_bytes()
        payloads[NAMES[role] + ".gz"] = gzip.compress(raw, compresslevel=9)
        files.append(DataFile(role, NAMES[role], hashlib.sha256(raw).hexdigest()))
    spec = DatasetSpec(
        name="tinyset",
        title="test",
        class_names=("a", "b", "c"),
        preprocess="digits",
        licence="test",
        files=tuple(files),
        mirrors=(),
    )
    return spec, payloads, arrays
