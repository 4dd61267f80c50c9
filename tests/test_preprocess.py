"""Drawing/photo -> 28x28 input: empty canvases, strokes anywhere, any background or format."""

import io

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from PIL import Image

from nndesk.errors import PreprocessError
from nndesk.preprocess import (
    PREPROCESS_KINDS,
    for_kind,
    load_image,
    preprocess,
    preprocess_digit,
    preprocess_garment,
)


def canvas(h=280, w=280, background=255):
    return np.full((h, w), background, dtype=np.uint8)


def off_centre_seven(background=255, ink=0, width=14):
    """A '7' drawn in the top-left quarter of a 280x280 canvas."""
    img = canvas(background=background)
    img[20 : 20 + width, 20:120] = ink  # the bar
    for r in range(20, 150):  # the diagonal
        c = 120 - (r - 20) * 60 // 130
        img[r, max(c - width // 2, 0) : c + width // 2] = ink
    return img


def centre_of_mass(x):
    total = x.sum()
    return (
        float(x.sum(axis=1) @ np.arange(x.shape[0]) / total),
        float(x.sum(axis=0) @ np.arange(x.shape[1]) / total),
    )


def ink_extent(x, level=40):
    rows = np.flatnonzero((x > level).any(axis=1))
    cols = np.flatnonzero((x > level).any(axis=0))
    return rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1


@pytest.mark.parametrize("kind", PREPROCESS_KINDS)
@pytest.mark.parametrize("background", [0, 255, 137])
def test_a_uniform_canvas_is_empty(kind, background):
    assert preprocess(canvas(background=background), kind) is None


@pytest.mark.parametrize("kind", PREPROCESS_KINDS)
def test_faint_noise_counts_as_empty(kind):
    noise = np.random.default_rng(0).integers(240, 256, size=(200, 150), dtype=np.uint8)
    assert preprocess(noise, kind) is None


@pytest.mark.parametrize("kind", PREPROCESS_KINDS)
def test_output_is_float32_28_by_28_in_0_255(kind):
    out = preprocess(off_centre_seven(), kind)
    assert out.dtype == np.float32 and out.shape == (28, 28)
    assert out.min() >= 0 and out.max() <= 255 and out.max() > 200


def test_off_centre_digit_lands_with_its_centre_of_mass_at_14_14():
    out = preprocess_digit(off_centre_seven())
    r, c = centre_of_mass(out)
    assert abs(r - 14) <= 0.6 and abs(c - 14) <= 0.6
    # the canvas corner was empty, so the placed digit must have moved away from it
    assert out[:2].sum() == 0 and out[:, :2].sum() == 0


def test_digit_longest_side_is_scaled_to_20_pixels_keeping_aspect():
    img = canvas()
    img[50:250, 130:150] = 0  # a tall bar: 200 x 20 -> 20 x 2
    out = preprocess_digit(img)
    h, w = ink_extent(out)
    assert h in (20, 21) and w <= 4


def test_garment_longest_side_is_scaled_to_28_pixels_and_centred():
    img = canvas(300, 400)
    img[100:200, 40:240] = 30  # a dark wide rectangle, 100 x 200, off-centre
    out = preprocess_garment(img)
    h, w = ink_extent(out)
    assert w == 28 and 13 <= h <= 15
    r, c = centre_of_mass(out)
    assert abs(r - 13.5) < 0.6 and abs(c - 13.5) < 0.6


@pytest.mark.parametrize("width", [2, 40])
def test_thin_and_thick_strokes_both_reach_full_intensity(width):
    out = preprocess_digit(off_centre_seven(width=width))
    assert out is not None and out.max() == pytest.approx(255, abs=1)
    assert (out > 100).sum() >= 15


def test_light_and_dark_backgrounds_give_the_same_input():
    light = preprocess_digit(off_centre_seven(background=255, ink=0))
    dark = preprocess_digit(off_centre_seven(background=0, ink=255))
    np.testing.assert_allclose(light, dark, atol=1)


def test_grey_paper_background_is_removed():
    photo = off_centre_seven(background=200, ink=60)
    out = preprocess_digit(photo)
    assert out[0, 0] == 0 and out.max() == pytest.approx(255, abs=1)


def test_rgb_and_float_inputs_match_grey_uint8():
    grey = off_centre_seven()
    ref = preprocess_digit(grey)
    rgb = np.repeat(grey[:, :, None], 3, axis=2)
    np.testing.assert_allclose(preprocess_digit(rgb), ref, atol=1)
    np.testing.assert_allclose(preprocess_digit(grey / 255.0), ref, atol=1)
    np.testing.assert_allclose(preprocess_digit(grey.astype(np.float64)), ref, atol=1)


@pytest.mark.parametrize("ink_rgb", [0, 255])
def test_rgba_with_transparent_background_keeps_the_ink(ink_rgb):
    seven = off_centre_seven(background=0, ink=255)
    rgba = np.zeros((280, 280, 4), np.uint8)
    rgba[..., :3] = ink_rgb  # colour everywhere; only alpha says where the ink is
    rgba[..., 3] = seven
    out = preprocess_digit(rgba)
    np.testing.assert_allclose(out, preprocess_digit(seven), atol=1)


def test_non_square_small_input_is_accepted():
    img = np.zeros((12, 40), np.uint8)
    img[3:9, 5:30] = 255
    out = preprocess_garment(img)
    assert out.shape == (28, 28) and ink_extent(out)[1] == 28


def test_a_digit_already_in_mnist_form_passes_through_almost_unchanged():
    img = np.zeros((28, 28), np.uint8)
    # a '1' 20 px tall, centre of mass at (14, 14): 10 rows at 207 above 10 rows at 253
    img[4:14, 12:17] = 207
    img[14:24, 12:17] = 253
    out = preprocess_digit(img)
    assert np.abs(out - img).max() < 4  # only the stretch of the peak to 255


def test_digit_half_a_pixel_off_centre_moves_by_one_whole_pixel_without_blur():
    img = np.zeros((28, 28), np.uint8)
    img[4:24, 12:16] = 255  # centre of mass at (13.5, 13.5)
    out = preprocess_digit(img)
    np.testing.assert_allclose(out, np.roll(img, (1, 1), axis=(0, 1)), atol=1)


def test_unknown_kind_and_bad_shapes_are_preprocess_errors():
    with pytest.raises(PreprocessError, match="unknown preprocessing kind 'cats'"):
        for_kind("cats")
    with pytest.raises(PreprocessError, match="shape"):
        preprocess(np.zeros((4, 4, 2)), "digits")


def test_load_image_reads_png_and_jpeg_as_uint8(tmp_path):
    Image.fromarray(off_centre_seven()).save(tmp_path / "a.png")
    Image.fromarray(np.stack([off_centre_seven()] * 3, axis=2)).save(tmp_path / "b.jpg")
    grey, rgb = load_image(tmp_path / "a.png"), load_image(tmp_path / "b.jpg")
    assert grey.dtype == np.uint8 and grey.shape == (280, 280)
    assert rgb.dtype == np.uint8 and rgb.shape == (280, 280, 3)
    assert preprocess_digit(rgb) is not None


def test_load_image_keeps_alpha_of_transparent_png(tmp_path):
    rgba = np.zeros((30, 30, 4), np.uint8)
    rgba[10:20, 10:20, 3] = 255
    Image.fromarray(rgba, mode="RGBA").save(tmp_path / "t.png")
    assert load_image(tmp_path / "t.png").shape == (30, 30, 4)


def test_unreadable_image_is_a_one_line_preprocess_error(tmp_path):
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"not an image at all")
    with pytest.raises(PreprocessError, match=r"^broken.png: not an image nndesk can read") as err:
        load_image(bad)
    assert "\n" not in str(err.value)
    (tmp_path / "empty.png").write_bytes(b"")
    with pytest.raises(PreprocessError, match=r"^empty.png: the file is empty$"):
        load_image(tmp_path / "empty.png")
    with pytest.raises(PreprocessError, match="^missing.png: no such file$"):
        load_image(tmp_path / "missing.png")  # it said "cannot read image ([Errno 2] No such…)"


def test_every_format_the_message_names_still_opens(tmp_path):
    Image.init()
    img = Image.fromarray(np.tile(np.arange(0, 240, 8, dtype=np.uint8), (30, 1)))
    for ext, fmt in [("png", "PNG"), ("jpg", "JPEG"), ("bmp", "BMP"), ("gif", "GIF"),
                     ("tif", "TIFF"), ("webp", "WEBP")]:  # fmt: skip
        if fmt not in Image.SAVE:
            continue  # a Pillow built without it
        img.save(tmp_path / f"ok.{ext}", fmt)
        assert load_image(tmp_path / f"ok.{ext}").shape[:2] == (30, 30), fmt


@pytest.mark.parametrize("fmt", ["PPM", "ICO", "TGA", "PCX", "SGI", "DDS", "QOI", "BLP"])
def test_an_image_in_a_format_nndesk_does_not_name_is_refused_whatever_its_name(tmp_path, fmt):
    """Pillow tells a format by its first bytes, never by the name: each decoder nndesk does
    not promise is one more parser a file from anywhere reaches."""
    Image.init()  # every plugin registered, whatever the tests before opened
    if fmt not in Image.SAVE:
        pytest.skip(f"this Pillow cannot write {fmt}")
    path = tmp_path / "drawing.png"
    Image.new("RGB" if fmt != "BLP" else "P", (28, 28)).save(path, fmt)
    with pytest.raises(PreprocessError, match=r"^drawing.png: not an image nndesk can read"):
        load_image(path)


def test_an_eps_named_png_is_refused_without_starting_ghostscript(tmp_path, monkeypatch):
    """Pillow renders EPS by running Ghostscript on the file's PostScript: a "digit.png"
    holding ``{ } loop`` kept ``nndesk predict`` busy for ever (where gs is installed)."""
    import subprocess

    from tests.hostile.cases import eps_named_png

    def no_process(*args, **kwargs):
        raise AssertionError(f"a process was started: {args[:1]}")

    monkeypatch.setattr(subprocess, "Popen", no_process)
    monkeypatch.setattr(subprocess, "check_call", no_process)
    for data in (False, True):  # a file, and the same bytes pasted
        path = eps_named_png(tmp_path, loop=False)
        source = io.BytesIO(path.read_bytes()) if data else path
        with pytest.raises(PreprocessError, match=r"^digit.png: not an image nndesk can read"):
            load_image(source, name="digit.png")


def test_an_unreadable_image_is_told_in_the_windows_language(tmp_path, monkeypatch):
    """The window said "Không dùng được ảnh này: bad.png: not an image nndesk can read"."""
    from nndesk import i18n
    from nndesk.errors import user_message

    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not an image at all")
    with pytest.raises(PreprocessError) as err:
        load_image(bad)
    words = {err.value.template: "{file}: không phải ảnh"}
    monkeypatch.setattr(i18n, "_display", lambda text: words.get(text, text))
    assert user_message(err.value) == "bad.png: không phải ảnh"


def test_wide_integer_arrays_holding_0_255_are_not_mistaken_for_16_bit():
    grey = off_centre_seven()
    ref = preprocess_digit(grey)
    np.testing.assert_allclose(preprocess_digit(grey.astype(np.int64)), ref, atol=1)
    np.testing.assert_allclose(preprocess_digit(grey.astype(np.uint16) * 257), ref, atol=1)


def test_canvas_pixels_turn_dark_ink_on_paper_into_bright_ink_filling_the_canvas():
    from nndesk.preprocess import CANVAS_SIZE, canvas_pixels

    photo = np.full((100, 50), 240, np.uint8)  # a tall light page
    photo[10:90, 20:30] = 40  # a dark vertical bar
    pixels = canvas_pixels(photo)
    assert pixels.shape == (CANVAS_SIZE, CANVAS_SIZE) and pixels.dtype == np.uint8
    assert pixels.max() == 255  # ink stretched to full brightness
    assert pixels[:, : CANVAS_SIZE // 4].max() == 0  # aspect kept: the tall page sits centred
    cols = np.flatnonzero(pixels.max(axis=0) > 128)
    assert abs((cols.min() + cols.max()) / 2 - CANVAS_SIZE / 2) < 10  # the bar stays central


def test_canvas_pixels_of_a_blank_image_are_blank():
    from nndesk.preprocess import canvas_pixels

    assert canvas_pixels(np.full((28, 28), 255, np.uint8)).max() == 0


def test_upscale_28_keeps_a_test_image_where_it_was_only_ten_times_bigger():
    from nndesk.preprocess import upscale_28

    image28 = np.zeros((28, 28), np.uint8)
    image28[5:9, 20:24] = 255
    big = upscale_28(image28)
    assert big.shape == (280, 280) and big.dtype == np.uint8
    rows, cols = np.nonzero(big > 128)
    assert 50 <= rows.min() <= rows.max() < 90
    assert 200 <= cols.min() <= cols.max() < 240


@pytest.mark.parametrize(
    ("ink", "background", "ink_pixel", "background_pixel"),
    [(1.0, 0.0, 255, 0), (0.0, 1.0, 0, 255), (200.0, 0.0, 200, 0), (3000.0, -5.0, 255, 0)],
)
def test_float_tiffs_keep_their_ink_whatever_their_range(
    tmp_path, ink, background, ink_pixel, background_pixel
):
    """Float images (mode "F") in 0..1 used to truncate to 0 and 1: blank. 0..1 is scaled by
    255, 0..255 kept, anything else stretched."""
    from PIL import Image

    from nndesk.preprocess import load_image, preprocess

    a = np.full((40, 40), background, np.float32)
    a[8:32, 18:23] = ink
    a[0, 0] = background  # a NaN elsewhere must not spoil the range
    a[39, 39] = np.nan
    path = tmp_path / "scan.tif"
    Image.fromarray(a, mode="F").save(path)
    pixels = load_image(path)
    assert pixels.dtype == np.uint8
    assert pixels[20, 20] == ink_pixel and pixels[2, 2] == background_pixel
    out = preprocess(pixels, "digits")
    assert out is not None and out.max() > 200


def test_an_image_over_pillows_own_limit_gets_nndesks_line_not_pillows(tmp_path, monkeypatch):
    """Pillow refuses at open() what is over twice its MAX_IMAGE_PIXELS ("could be decompression
    bomb DOS attack"); the learner reads nndesk's line with the size and the limit."""
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)  # a 100x100 PNG is then "a bomb"
    Image.fromarray(np.zeros((100, 100), np.uint8)).save(tmp_path / "big.png")
    with pytest.raises(PreprocessError) as err:
        load_image(tmp_path / "big.png")
    line = str(err.value)
    assert line.startswith("big.png: the image is too large to open (")
    assert "megapixels: scale it down first" in line and "DOS" not in line


def _file(image: Image.Image, form: str) -> io.BytesIO:
    """``image`` saved as a ``form`` file in memory, as load_image reads pasted bytes."""
    data = io.BytesIO()
    image.save(data, form)
    data.seek(0)
    return data


def _reduced_by_pillow(data: io.BytesIO, max_side: int) -> io.BytesIO:
    """What ``load_image(data, max_side=max_side)`` should read: Pillow's own reduce of the whole
    decoded image by the smallest whole factor that fits its longest side in ``max_side`` (after
    a convert for modes reduce does not take; 16-bit grey as 32-bit), saved losslessly."""
    whole = Image.open(data)
    whole.load()
    if max(whole.size) <= max_side:  # nothing to reduce: load_image reads it in its own mode
        data.seek(0)
        return data
    if whole.mode.startswith("I;16"):
        whole = whole.convert("I")
    elif whole.mode not in ("L", "LA", "RGB", "RGBA", "I", "F"):
        whole = whole.convert("RGBA" if "transparency" in whole.info else "RGB")
    factor = -(-max(whole.size) // max_side)
    return _file(whole.reduce(factor), "TIFF" if whole.mode in ("I", "F") else "PNG")


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 40),
    st.integers(1, 40),
    st.integers(2, 6),
    st.integers(0, 2**32 - 1),
    st.sampled_from([1, 7, 10_000]),
)
def test_a_16_bit_image_is_reduced_like_pillows_reduce_a_band_at_a_time(
    width, height, factor, seed, band
):
    """Probe 33 F4: a 16-bit 5000x5000 PNG was converted whole to 32-bit before its reduce
    (+100 MB). It is averaged a band of rows at a time now, to the same pixels."""
    from unittest import mock

    from nndesk import preprocess

    values = np.random.default_rng(seed).integers(0, 65536, (height, width), dtype=np.uint16)
    image = Image.fromarray(values)
    assert image.mode.startswith("I;16")
    max_side = max(1, max(width, height) // factor)
    data = _file(image, "PNG")
    expected = load_image(_reduced_by_pillow(data, max_side))
    data.seek(0)
    with mock.patch.object(preprocess, "_BAND_PIXELS", band):  # bands of a few rows
        got = load_image(data, max_side=max_side)
    assert got.shape == expected.shape and max(got.shape) <= max_side
    # the mean's rounding alone, after the 16 to 8 bit scaling
    assert np.abs(got.astype(np.int64) - expected).max() <= 1


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["L", "LA", "RGB", "RGBA", "P", "P+transparency", "CMYK", "1", "I", "F"]),
    st.integers(1, 90),
    st.integers(1, 90),
    st.integers(2, 9),
    st.integers(0, 2**32 - 1),
    st.sampled_from([1, 50, 700, 10_000]),
)
@example("1", 1, 1, 2, 0, 1)  # nothing to reduce: the 1-bit image is read in its own mode
def test_an_image_is_reduced_to_pillows_own_pixels_a_band_at_a_time(
    mode, width, height, factor, seed, band
):
    """Pillow's reduce of RGBA and LA, and the convert of a palette or CMYK image before it,
    each copied the whole decoded image (a 40-megapixel RGBA PNG: 160 MB twice): each band of
    rows is converted and reduced on its own now, to the very pixels of the whole reduce."""
    from unittest import mock

    from nndesk import preprocess

    rng = np.random.default_rng(seed)
    pixels = rng.integers(0, 256, (height, width, 4), dtype=np.uint8)
    image = Image.fromarray(pixels, "RGBA")
    if mode.startswith("P"):
        image = image.convert("RGB").quantize(16)
        if mode == "P+transparency":
            image.info["transparency"] = 3
    elif mode == "I":
        image = Image.fromarray(rng.integers(0, 2**20, (height, width), dtype=np.int32), "I")
    elif mode == "F":
        image = Image.fromarray(rng.random((height, width), dtype=np.float32), "F")
    else:
        image = image.convert(mode)
    data = _file(image, "TIFF" if mode in ("CMYK", "I", "F") else "PNG")
    max_side = max(1, max(width, height) // factor)
    expected = load_image(_reduced_by_pillow(data, max_side))
    data.seek(0)
    with mock.patch.object(preprocess, "_BAND_PIXELS", band):  # bands of a few rows
        got = load_image(data, max_side=max_side)
    assert max(got.shape[:2]) <= max_side
    np.testing.assert_array_equal(got, expected)


def test_an_image_for_the_canvas_is_decoded_no_larger_than_it_can_show(tmp_path):
    from PIL import Image

    from nndesk.preprocess import CANVAS_DECODE_SIDE, MAX_SIDE

    path = tmp_path / "wide.png"
    Image.new("L", (3000, 1000), 255).save(path)
    assert max(load_image(path).shape) <= MAX_SIDE
    assert max(load_image(path, max_side=CANVAS_DECODE_SIDE).shape) <= CANVAS_DECODE_SIDE


def test_a_truncated_image_says_so_in_words_the_window_translates(tmp_path):
    """walk55b D5: Pillow's "image file is truncated" went into the line as the reason, English
    inside a Vietnamese box; it is the technical detail now."""
    from nndesk.i18n import Message

    buffer = io.BytesIO()
    Image.new("L", (300, 300), 128).save(buffer, "PNG", compress_level=0)
    cut = tmp_path / "cut.png"
    cut.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    with pytest.raises(PreprocessError) as caught:
        load_image(cut)
    assert str(caught.value) == "cut.png: cannot read image (the file is truncated)"
    reason = caught.value.values["reason"]
    assert isinstance(reason, Message) and reason.template == "the file is truncated"
    assert caught.value.technical.startswith("Pillow: ") and "truncated" in caught.value.technical
