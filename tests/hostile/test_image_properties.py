"""Property: any bytes read as an image, a valid image of each format nndesk opens damaged in any
way (bytes changed, cut, inserted) among them, give uint8 pixels or one PreprocessError line,
never another exception: the command line called Pillow's SyntaxError on a damaged PNG
"unexpected" (exit 1), and one such file in a folder dataset failed the whole folder."""

from __future__ import annotations

import io

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PIL import Image

from nndesk import cli
from nndesk.data.folders import load_image_folder
from nndesk.errors import PreprocessError
from nndesk.preprocess import load_image
from tests.hostile import cases
from tests.hostile.traced import peak_of

SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
MB = 2**20


def _valid(fmt: str, mode: str) -> bytes:
    """A 30x40 vertical bar, as ``fmt`` saves it from ``mode``."""
    bar = np.zeros((40, 30), np.uint8)
    bar[5:35, 12:18] = 255
    image = Image.fromarray(bar).convert(mode)
    out = io.BytesIO()
    image.save(out, fmt, **({"progressive": True} if fmt == "JPEG" else {}))
    return out.getvalue()


Image.init()
VALID = {
    f"{fmt}-{mode}": _valid(fmt, mode)
    for fmt, mode in [
        ("PNG", "L"),
        ("PNG", "RGBA"),
        ("PNG", "P"),
        ("JPEG", "RGB"),
        ("BMP", "RGB"),
        ("GIF", "L"),
        ("TIFF", "L"),
        ("WEBP", "RGBA"),
    ]
    if fmt in Image.SAVE
}


def _read(data: bytes):
    outcome, peak = peak_of(load_image, io.BytesIO(data), "any.png", catch=(PreprocessError,))
    assert peak < 64 * MB, f"{peak / MB:.1f} MB traced"
    if isinstance(outcome, PreprocessError):
        assert str(outcome).startswith("any.png: ") and "\n" not in str(outcome)
    else:
        assert outcome.dtype == np.uint8 and outcome.ndim in (2, 3), outcome.shape
    return outcome


@st.composite
def damaged(draw) -> bytes:
    data = bytearray(VALID[draw(st.sampled_from(sorted(VALID)))])
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        change = draw(st.sampled_from(["byte", "cut", "insert", "word"]))
        if change == "byte" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif change == "cut":
            del data[at:]
        elif change == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif change == "word" and at + 4 <= len(data):
            data[at : at + 4] = draw(st.integers(0, 2**32 - 1)).to_bytes(4, "big")
    return bytes(data)


@SETTINGS
@given(data=damaged())
@example(data=cases.png_broken_chunk())  # Pillow's SyntaxError, raised while decoding
def test_a_damaged_image_gives_pixels_or_one_line(data):
    _read(data)


@SETTINGS
@given(data=st.binary(max_size=2000))
def test_any_bytes_give_pixels_or_one_line(data):
    _read(data)


def test_a_png_with_a_damaged_chunk_is_refused_in_one_line_by_the_command_line(tmp_path, capsys):
    argv, _ = cases.image_broken_png_chunk(tmp_path)
    assert cli.main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("nndesk: error: ") and "broken-chunk.png: cannot read image" in err
    assert "unexpected" not in err and "\n" not in err


def test_a_damaged_image_in_a_folder_dataset_is_skipped_not_fatal(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        for i in range(3):
            (tmp_path / name / f"{i}.png").write_bytes(VALID["PNG-L"])
    (tmp_path / "a" / "broken.png").write_bytes(cases.png_broken_chunk())
    with pytest.warns(UserWarning, match="skipped 1 of 7 files"):
        data = load_image_folder(tmp_path, test_fraction=0.34)
    assert len(data.train_images) + len(data.test_images) == 6
