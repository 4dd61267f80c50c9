"""One regression test per kind of hostile file: refused with one clear line, in bounded memory.

Each file below once allocated gigabytes (issue 15). Memory is measured with tracemalloc, which
sees NumPy's and Python's allocations, so "refused before allocating" is checked, not assumed.
"""

from __future__ import annotations

import gzip

import numpy as np
import pytest
from PIL import Image

from nndesk import cli
from nndesk.data.idx import read_idx, read_idx_labels
from nndesk.errors import DataError, ModelFileError, PreprocessError
from nndesk.inference import Classifier
from nndesk.nn.serialization import load_model
from nndesk.preprocess import MAX_SIDE, load_image
from tests.hostile import cases
from tests.hostile.traced import peak_of

MB = 2**20


# -- IDX ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("gz", [False, True])
def test_idx_dims_of_0xffffffff_are_refused_with_their_true_size(tmp_path, gz):
    payload = cases.idx_header(8, (0xFFFFFFFF,) * 3) + bytes(64)
    path = tmp_path / ("dims.gz" if gz else "dims")
    path.write_bytes(gzip.compress(payload) if gz else payload)
    err, peak = peak_of(read_idx, path)
    assert isinstance(err, DataError)
    # the real product (7.9e28 bytes), not a 64-bit wrap-round
    assert "4294967295x4294967295x4294967295 values (7.9e+28 bytes)" in str(err)
    assert peak < 4 * MB


def test_idx_labels_claiming_2_31_in_a_small_raw_file_are_refused_before_reading(tmp_path):
    path = tmp_path / "labels"
    path.write_bytes(cases.idx_header(8, (2**31,)) + bytes(16))
    err, peak = peak_of(read_idx_labels, path)
    assert isinstance(err, DataError) and "2147483648 values (2.1 GB)" in str(err)
    assert "holds 16 bytes" in str(err)
    assert peak < 4 * MB


def test_idx_labels_claiming_2_31_in_a_gzip_are_refused_by_the_size_limit(tmp_path):
    path = tmp_path / "labels.gz"
    path.write_bytes(cases.gzip_of_zeros(cases.idx_header(8, (2**31,)), 2**22))
    err, peak = peak_of(read_idx_labels, path)
    assert isinstance(err, DataError) and "more than the 268.4 MB nndesk reads" in str(err)
    assert peak < 4 * MB


def test_a_gzip_stream_longer_than_its_header_is_inflated_only_to_the_declared_size(tmp_path):
    path = tmp_path / "images.gz"
    # declares 1,000 images (784 kB) but inflates to 64 MiB
    path.write_bytes(cases.gzip_of_zeros(cases.idx_header(8, (1000, 28, 28)), 64 * MB))
    err, peak = peak_of(read_idx, path)
    assert isinstance(err, DataError) and "but the file holds more" in str(err)
    assert peak < 8 * MB


def test_a_multi_member_gzip_still_reads_whole(tmp_path):
    images = np.arange(3 * 784, dtype=np.uint8).reshape(3, 28, 28)
    payload = cases.idx_header(8, (3, 28, 28)) + images.tobytes()
    path = tmp_path / "two-members.gz"
    path.write_bytes(gzip.compress(payload[:1000]) + gzip.compress(payload[1000:]))
    np.testing.assert_array_equal(read_idx(path), images)


# -- model files ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (cases.model_billion_units, "out_features = 1,000,000,000 is over the limit"),
        (cases.model_3000_layers, "the model claims 3,001 layers; at most 256 load"),
        (cases.model_deep_json, "header nests too deeply"),
        (cases.npz_lying_member, "has shape (100000, 100000), the architecture needs (784, 10)"),
    ],
    ids=["units", "layers", "deep-json", "lying-member"],
)
def test_a_model_header_or_member_claiming_too_much_is_refused_before_building(
    tmp_path, make, reason
):
    argv, _ = make(tmp_path)
    err, peak = peak_of(load_model, argv[1])
    assert isinstance(err, ModelFileError) and reason in str(err), err
    assert peak < 16 * MB


def test_an_npz_member_inflating_past_what_the_architecture_needs_is_not_inflated(tmp_path):
    argv, _ = cases.npz_member_bomb(tmp_path, n_bytes=64 * MB)
    err, peak = peak_of(load_model, argv[1])
    assert isinstance(err, ModelFileError) and "more than the model needs" in str(err)
    assert peak < 8 * MB


def test_a_checksummed_model_of_zeros_that_inflates_hundreds_of_times_is_refused(tmp_path):
    """Its architecture is allowed and its digest is right, but its 26 MB of weights come from
    a few kilobytes: reading it cost 0.8 GB and 4.5 s at 40 million floats."""
    argv, _ = cases.npz_zero_model(tmp_path, units=8192, hidden2=0)
    err, peak = peak_of(load_model, argv[1])
    assert isinstance(err, ModelFileError) and "far more than weights compress" in str(err), err
    assert peak < 8 * MB


def test_a_compressed_model_of_real_weights_still_loads(tmp_path, tiny_model_file):
    """np.savez_compressed of a real model (weights barely compress) is not a bomb."""
    from nndesk.nn.architecture import build_model
    from nndesk.nn.serialization import save_model

    model = build_model("784-4096-10", rng=np.random.default_rng(0))  # 12.9 MB of weights
    info = load_model(tiny_model_file).info
    plain = save_model(tmp_path / "plain.npz", model, info)
    with np.load(plain, allow_pickle=False) as npz:
        np.savez_compressed(tmp_path / "packed.npz", **{k: npz[k] for k in npz.files})
    loaded = load_model(tmp_path / "packed.npz")
    np.testing.assert_array_equal(loaded.model.layers[0].params["W"], model.layers[0].params["W"])


def test_a_header_naming_an_unknown_preprocessing_is_refused_by_name(tmp_path):
    path = cases.resigned(tmp_path, "kind.npz", lambda h, a: h["info"].update(preprocess="x"))
    with pytest.raises(ModelFileError, match="unknown preprocessing 'x'"):
        Classifier.from_file(path)


def test_a_header_with_a_zero_std_is_refused_by_name(tmp_path):
    def edit(header, arrays):
        header["info"]["normalization"] = {"kind": "standard", "mean": 33.0, "std": 0.0}

    path = cases.resigned(tmp_path, "std.npz", edit)
    with pytest.raises(ModelFileError, match="normalisation std must be positive"):
        load_model(path)


def test_class_names_that_do_not_match_the_outputs_are_refused(tmp_path):
    path = cases.resigned(
        tmp_path, "names.npz", lambda h, a: h["info"].update(class_names=["a", "b"])
    )
    with pytest.raises(ModelFileError, match="2 class names for a model with outputs"):
        load_model(path)


# -- images ---------------------------------------------------------------------------------------
def test_a_12000_pixel_square_png_is_refused_before_it_is_decoded(tmp_path):
    path = cases.png_huge(tmp_path, pixels=False)
    err, peak = peak_of(load_image, path)
    assert isinstance(err, PreprocessError)
    assert "12000x12000 pixels (144 megapixels)" in str(err)
    assert peak < 4 * MB


def test_an_image_with_an_extreme_side_is_refused_before_it_is_decoded(tmp_path):
    """1 x 39,000,000 is under the megapixel limit, but decoding it row by row took seconds."""
    path = cases.png_line(tmp_path, length=31_000)
    err, peak = peak_of(load_image, path)
    assert isinstance(err, PreprocessError) and "30,000 pixels a side" in str(err), err
    assert peak < 4 * MB
    ok = cases.png_line(tmp_path, length=29_000)  # a tall panorama's side still opens
    assert load_image(ok).shape[0] <= MAX_SIDE


def test_a_large_jpeg_is_reduced_while_it_is_decoded(tmp_path):
    path = tmp_path / "photo.jpg"
    Image.new("RGB", (6000, 4000), "white").save(path, quality=50)
    image, peak = peak_of(load_image, path)
    assert image.shape[:2] == (MAX_SIDE * 2 // 3 + 1, MAX_SIDE) or max(image.shape) <= MAX_SIDE
    # the full decode would be 72 MB; the JPEG decoder's 1/2 scale is 18 MB
    assert peak < 40 * MB


def test_an_image_over_the_side_limit_is_reduced_and_keeps_its_stroke(tmp_path):
    a = np.full((3000, 3000), 255, np.uint8)
    a[500:2500, 1400:1600] = 0
    path = tmp_path / "wide.png"
    Image.fromarray(a).save(path)
    image = load_image(path)
    assert max(image.shape) <= MAX_SIDE
    assert image[image.shape[0] // 2, image.shape[1] // 2] == 0  # the stroke survived


# -- the command line -----------------------------------------------------------------------------
SMALL = {"n_zeros": 2**22}


@pytest.mark.parametrize("name", [n for n in cases.CASES if n not in cases.VALID_CASES])
def test_every_hostile_file_ends_in_one_exit_2_line_from_the_command_line(tmp_path, capsys, name):
    make = cases.CASES[name]
    if name in ("idx-labels-inflating", "idx-stream-past-header"):
        argv, _ = make(tmp_path, **SMALL)
    elif name == "npz-member-bomb":
        argv, _ = make(tmp_path, n_bytes=16 * MB)
    elif name == "npz-zero-model":
        argv, _ = make(tmp_path, units=8192, hidden2=0)
    elif name == "png-1x39M":
        model = cases.tiny_model_file(tmp_path)
        argv = ["predict", str(model), str(cases.png_line(tmp_path, length=40_000))]
    elif name == "run-32mb-floats":
        argv, _ = make(tmp_path, points=60_000)  # over the 50,000 batch points read
    elif name == "eps-as-png":  # one Ghostscript ends: nndesk must not start it at all
        argv = ["predict", str(cases.tiny_model_file(tmp_path))]
        argv.append(str(cases.eps_named_png(tmp_path, loop=False)))
    elif name == "png-12000":
        model = cases.tiny_model_file(tmp_path)
        argv = ["predict", str(model), str(cases.png_huge(tmp_path, pixels=False))]
    else:
        argv, _ = make(tmp_path)
    status = cli.main(argv)
    err = capsys.readouterr().err.strip()
    assert status == 2
    assert err.startswith("nndesk: error: ") and "\n" not in err, err
    assert "unexpected" not in err and "Traceback" not in err


def test_a_real_idx_file_over_the_limit_is_refused_saying_why(tmp_path, monkeypatch):
    """A file that truly holds more than the limit (EMNIST byclass: 547 MB) is refused with the
    limit and the memory training would need, not blamed on a damaged header."""
    from nndesk.data import idx

    monkeypatch.setattr(idx, "MAX_IDX_BYTES", 10 * 784)
    path = tmp_path / "train-images-idx3-ubyte"
    path.write_bytes(cases.idx_header(8, (20, 28, 28)) + bytes(20 * 784))
    with pytest.raises(DataError) as caught:
        idx.read_idx_images(path)
    line = str(caught.value)
    assert "(15.7 kB), more than the 7.8 kB nndesk reads from one IDX file" in line
    assert "use a smaller set" in line and "EMNIST" in line
    assert "damaged" not in line and "\n" not in line


def test_a_small_gzip_declaring_more_than_it_could_hold_is_called_damaged(tmp_path):
    """2^31 labels in a 60-byte gzip: no deflate stream shrinks data that much."""
    import gzip

    from nndesk.data import idx

    path = tmp_path / "t10k-labels-idx1-ubyte.gz"
    path.write_bytes(gzip.compress(cases.idx_header(8, (2**31,)) + bytes(16)))
    with pytest.raises(DataError) as caught:
        idx.read_idx_labels(path)
    line = str(caught.value)
    assert line.endswith("; the header is damaged") and "EMNIST" not in line and "\n" not in line


@pytest.mark.parametrize(
    ("content", "reason"), [(b"", "the file is empty"), (b"\x00\x00", "it holds only 2 bytes")]
)
def test_an_empty_or_tiny_idx_file_says_what_it_holds(tmp_path, content, reason):
    from nndesk.data import idx

    path = tmp_path / "train-labels-idx1-ubyte"
    path.write_bytes(content)
    with pytest.raises(DataError, match=reason):
        idx.read_idx_labels(path)


def test_weights_that_overflow_are_refused_like_a_damaged_file(tmp_path, capsys):
    """Finite weights of 1e38 load and pass the checksum, but every answer would be NaN."""
    from nndesk.nn.serialization import load_model, save_model

    loaded = load_model(cases.tiny_model_file(tmp_path))
    for _, param, _ in loaded.model.parameters():
        param[...] = 1e38
    path = save_model(tmp_path / "huge.npz", loaded.model, loaded.info)
    assert cli.main(["predict", str(path), str(cases.png_small(tmp_path))]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert "huge.npz: damaged model file (its weights overflow" in line


@pytest.mark.parametrize("name", ["\x1b[2J\x1b]0;owned\x07", "a\nb", "\u202eevil"])
def test_class_names_with_control_characters_are_refused(tmp_path, name):
    from nndesk.errors import ModelFileError
    from nndesk.nn.serialization import load_model, save_model

    loaded = load_model(cases.tiny_model_file(tmp_path))
    info = {**loaded.info, "class_names": [name] + [str(i) for i in range(1, 10)]}
    path = save_model(tmp_path / "names.npz", loaded.model, info)
    with pytest.raises(ModelFileError, match="control characters"):
        load_model(path)


@pytest.mark.parametrize("name", cases.VALID_CASES)
def test_every_valid_memory_case_is_answered(tmp_path, capsys, name):
    """The benchmark's valid images (a 16-bit 5000x5000 PNG) are answered, not refused."""
    argv, _ = cases.CASES[name](tmp_path)
    assert cli.main(argv) == 0
    assert capsys.readouterr().err == ""
