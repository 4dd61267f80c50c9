"""The named datasets carry what the app needs: classes, files, checksums, mirrors, licence."""

import re

import pytest

from nndesk.data.registry import DATASETS, ROLES, get_spec
from nndesk.errors import DataError


def test_mnist_and_fashion_are_registered_with_ten_classes_each():
    assert set(DATASETS) == {"mnist", "fashion"}
    assert DATASETS["mnist"].class_names == tuple("0123456789")
    assert DATASETS["fashion"].class_names[0] == "T-shirt/top"
    assert DATASETS["fashion"].class_names[-1] == "Ankle boot"
    assert len(DATASETS["fashion"].class_names) == 10


def test_each_dataset_names_its_preprocessing_and_licence():
    assert DATASETS["mnist"].preprocess == "digits"
    assert DATASETS["fashion"].preprocess == "garments"
    assert "CC BY-SA" in DATASETS["mnist"].licence
    assert "MIT" in DATASETS["fashion"].licence


@pytest.mark.parametrize("name", ["mnist", "fashion"])
def test_every_file_has_a_sha256_and_several_https_or_http_mirrors(name):
    spec = DATASETS[name]
    assert tuple(f.role for f in spec.files) == ROLES
    for f in spec.files:
        assert re.fullmatch(r"[0-9a-f]{64}", f.sha256)
        assert f.gz_name.endswith("-ubyte.gz")
    assert len(spec.mirrors) >= 2
    assert all(m.startswith(("https://", "http://")) and m.endswith("/") for m in spec.mirrors)
    assert len({f.sha256 for f in spec.files}) == 4


def test_lookup_accepts_aliases_and_rejects_unknown_names():
    assert get_spec("Fashion-MNIST").name == "fashion"
    assert get_spec(DATASETS["mnist"]) is DATASETS["mnist"]
    with pytest.raises(DataError, match="unknown dataset 'cifar'; known datasets: mnist, fashion"):
        get_spec("cifar")
