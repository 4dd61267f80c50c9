"""Any picture of a digit or a garment -> the 28x28 input its dataset was made of.

One pure function per kind, shared by the drawing canvas, ``nndesk predict IMAGE`` and image
folders, so a drawing, a file and a folder can never disagree. Pillow + NumPy, no Qt.

- "digits" follows MNIST: bounding box of the ink, longest side scaled to 20 px (aspect kept,
  antialiased), placed in 28x28 so the centre of mass sits at pixel (14, 14).
- "garments" follows Fashion-MNIST: bounding box, longest side scaled to 28 px, box centred.

Both detect a light background and invert it, so ink is always high (as in the datasets).
"""

from __future__ import annotations

import os
import re
import struct
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import numpy as np
from PIL import Image, UnidentifiedImageError

from nndesk.errors import PreprocessError, os_reason
from nndesk.fileio import regular_file_problem
from nndesk.i18n import N_, Message

PREPROCESS_KINDS = ("digits", "garments")

# centre of mass of MNIST digits, in pixel-index coordinates (measured on the test set: 14.0)
_DIGIT_CENTRE = 14.0
_DIGIT_BOX = 20
_GARMENT_BOX = 28
# below this peak (0..255, after background removal) an image is "empty": no ink, or noise
_EMPTY_PEAK = 24.0
# pixels above this count towards the bounding box; high enough that JPEG ringing around
# the ink does not widen the box, and digits also ignore faint smudges
_INK_LEVEL = {"digits": 64.0, "garments": 24.0}
# crops larger than this are first reduced, so padding for the placement stays small in memory
_MAX_WORK = 320


def _to_float_gray(image: np.ndarray) -> np.ndarray:
    """(H, W) | (H, W, 1|3|4), any dtype -> float32 (H, W) in [0, 255], not yet inverted."""
    a = np.asarray(image)
    if a.ndim == 3 and a.shape[2] == 1:
        a = a[:, :, 0]
    if a.ndim not in (2, 3) or (a.ndim == 3 and a.shape[2] not in (3, 4)) or 0 in a.shape:
        raise PreprocessError(
            f"expected a grey, RGB or RGBA image, got an array of shape {a.shape}"
        )
    # every branch makes its own float32 copy, so later steps may work in place
    if a.dtype == np.uint8:
        a = a.astype(np.float32)
    elif a.dtype == np.bool_:
        a = a.astype(np.float32) * np.float32(255.0)
    elif a.dtype.kind == "f":
        a = np.nan_to_num(a.astype(np.float32), copy=False)
        # float images come either in [0, 1] or in [0, 255]
        if a.max() <= 1.0:
            a *= np.float32(255.0)
        np.clip(a, 0.0, 255.0, out=a)
    elif a.dtype.kind in "ui":
        # wide integer arrays usually still hold 0..255; only rescale true 16-bit images
        top, int_max = float(a.max()), np.iinfo(a.dtype).max
        a = a.astype(np.float32)
        if top > 255:
            a *= np.float32(255.0 / int_max)
        np.clip(a, 0.0, 255.0, out=a)
    else:
        raise PreprocessError(f"cannot use an image of dtype {a.dtype}")
    if a.ndim == 2:
        return a
    gray = a[:, :, :3] @ np.array([0.299, 0.587, 0.114], dtype=np.float32)  # (H, W, 3) -> (H, W)
    if a.shape[2] == 4:
        alpha = a[:, :, 3] / 255.0
        if alpha.min() < 0.98:
            # a transparent background: composite over the colour the ink is not, so dark ink
            # on transparent (a common PNG export) and light ink on transparent both survive
            weight = alpha.sum()
            ink = float((gray * alpha).sum() / weight) if weight > 0 else 0.0
            background = 255.0 if ink < 128.0 else 0.0
            gray = gray * alpha + background * (1.0 - alpha)
    return gray.astype(np.float32)


def _ink(image: np.ndarray) -> np.ndarray:
    """Grey float image -> ink high, background ~0 (light backgrounds inverted)."""
    border = np.concatenate([image[0], image[-1], image[1:-1, 0], image[1:-1, -1]])
    if np.median(border) > 127.5:
        image = 255.0 - image
        border = 255.0 - border
    # photos on grey paper: the background level is not 0, remove it (in place: a 12-megapixel
    # photo is 48 MB per float copy)
    image -= np.float32(np.median(border))
    return np.maximum(image, 0.0, out=image)


def _bbox(mask: np.ndarray) -> tuple[int, int, int, int]:
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    return rows[0], rows[-1] + 1, cols[0], cols[-1] + 1


def _round_half_up(v: float) -> float:
    return float(np.floor(v + 0.5))


def _round_up(v: float) -> float:
    # the tolerance keeps an edge that is already on a whole pixel where it is
    return float(np.ceil(v - 1e-6))


def _place(
    crop: np.ndarray,
    box: int,
    centre_rc: tuple[float, float],
    target: float,
    snap: Callable[[float], float],
) -> np.ndarray:
    """Scale ``crop`` so its longest side is ``box`` px and put source point ``centre_rc``
    (continuous coordinates) at output pixel index ``target``, in one antialiased resample.
    ``snap`` rounds where the crop's top/left edge lands to a whole output pixel: a fractional
    shift would blur every stroke by up to half a pixel.

    crop float32 (h, w) -> float32 (28, 28).
    """
    h, w = crop.shape
    s = box / max(h, w)  # output pixels per source pixel
    # the 28x28 output window seen in source coordinates; pad with background so it fits
    span = 28.0 / s
    y0 = centre_rc[0] - (target + 0.5) / s
    x0 = centre_rc[1] - (target + 0.5) / s
    y0 = -snap(-y0 * s) / s  # -y0 * s: where the crop's top edge lands, in output pixels
    x0 = -snap(-x0 * s) / s
    pad = int(np.ceil(max(0.0, -y0, -x0, y0 + span - h, x0 + span - w))) + 2
    padded = np.pad(crop, pad)
    img = Image.fromarray(padded)  # float32 -> mode "F"
    out = img.resize(
        (28, 28),
        Image.Resampling.BICUBIC,
        box=(x0 + pad, y0 + pad, x0 + pad + span, y0 + pad + span),
    )
    return np.asarray(out, dtype=np.float32)


#: A drawing whose ink fits in a box this fraction of the canvas side is too little to read
#: fairly: it is read like any drawing (enlarged to the box), and the window says so.
#: The digit pen (18 px on the 280 px canvas) dragged a few pixels makes a dot ~26 px across;
#: garments are drawn with a wider pen (30 px), so one click of it is already 0.11 of the side,
#: and a garment anyone means to draw spans far more than 0.16.
NEARLY_EMPTY_SIDE = {"digits": 0.1, "garments": 0.16}


def nearly_empty(image: np.ndarray, kind: str = "digits") -> bool:
    """True when ``image`` (a canvas, any size) holds no ink or only a dot or short dash: its
    ink's bounding box is under ``NEARLY_EMPTY_SIDE[kind]`` of the image's longer side both ways."""
    ink = _ink(_to_float_gray(image))
    peak = float(ink.max())
    if peak < _EMPTY_PEAK:
        return True
    r0, r1, c0, c1 = _bbox(ink > min(_INK_LEVEL.get(kind, 64.0), 0.5 * peak))
    return max(r1 - r0, c1 - c0) < NEARLY_EMPTY_SIDE.get(kind, NEARLY_EMPTY_SIDE["digits"]) * max(
        ink.shape
    )


def is_blank(image: np.ndarray) -> bool:
    """True when ``image`` holds no ink at all (a blank page, a fully transparent PNG): what
    preprocessing calls empty, for any kind."""
    return float(_ink(_to_float_gray(image)).max()) < _EMPTY_PEAK


def blank_image_error(name: str) -> PreprocessError:
    """The one line for an image file, drop or paste with nothing in it to classify."""
    return PreprocessError.of(N_("{file}: the image is blank, nothing to classify"), file=name)


def _prepare(image: np.ndarray, kind: str) -> np.ndarray | None:
    """Shared front half: grey, inverted, background-free, cropped to the ink; None if empty."""
    ink = _ink(_to_float_gray(image))
    peak = float(ink.max())
    if peak < _EMPTY_PEAK:
        return None
    r0, r1, c0, c1 = _bbox(ink > min(_INK_LEVEL[kind], 0.5 * peak))
    crop = ink[r0:r1, c0:c1]
    longest = max(crop.shape)
    if longest > _MAX_WORK:
        # reduce huge photos first (antialiased); the final resample then works on a small array
        f = _MAX_WORK / longest
        size = (max(1, round(crop.shape[1] * f)), max(1, round(crop.shape[0] * f)))
        crop = np.asarray(Image.fromarray(crop).resize(size, Image.Resampling.BOX))
    return np.ascontiguousarray(crop, dtype=np.float32)


def preprocess_digit(image: np.ndarray) -> np.ndarray | None:
    """A drawing or photo of a digit -> float32 (28, 28) in [0, 255] like MNIST; None if empty."""
    crop = _prepare(image, "digits")
    if crop is None:
        return None
    total = crop.sum()
    rows = np.arange(crop.shape[0]) + 0.5  # continuous coordinates of pixel centres
    cols = np.arange(crop.shape[1]) + 0.5
    com = (float(crop.sum(axis=1) @ rows / total), float(crop.sum(axis=0) @ cols / total))
    # nearest whole pixel: the centre of mass ends within 0.5 px of (14, 14), as in MNIST
    out = _place(crop, _DIGIT_BOX, com, _DIGIT_CENTRE, snap=_round_half_up)
    peak = out.max()
    if peak <= 0:
        return None
    # MNIST strokes peak at 255: a thin pen stroke thinned further by the downscale is brought
    # back to full intensity (a scale, so the centre of mass does not move)
    return np.clip(out * (255.0 / peak), 0.0, 255.0).astype(np.float32)


def preprocess_garment(image: np.ndarray) -> np.ndarray | None:
    """A picture of a garment -> float32 (28, 28) in [0, 255] like Fashion-MNIST; None if empty."""
    crop = _prepare(image, "garments")
    if crop is None:
        return None
    h, w = crop.shape
    # centre of the bounding box at the centre of the field (index 13.5, continuous 14.0)
    # Fashion-MNIST gives an odd-sized box its extra pixel of margin on the top/left
    out = _place(crop, _GARMENT_BOX, (h / 2.0, w / 2.0), 13.5, snap=_round_up)
    return np.clip(out, 0.0, 255.0).astype(np.float32)


_BY_KIND: dict[str, Callable[[np.ndarray], np.ndarray | None]] = {
    "digits": preprocess_digit,
    "garments": preprocess_garment,
}


def for_kind(kind: str) -> Callable[[np.ndarray], np.ndarray | None]:
    """The preprocessing function for ``kind`` ("digits" | "garments")."""
    try:
        return _BY_KIND[kind]
    except KeyError:
        raise PreprocessError(
            f"unknown preprocessing kind {kind!r}; choose one of {', '.join(PREPROCESS_KINDS)}"
        ) from None


def preprocess(image: np.ndarray, kind: str) -> np.ndarray | None:
    """Any image (H, W) / (H, W, 3) / (H, W, 4), any dtype -> float32 (28, 28) in [0, 255]
    with ink high, or None when the image holds no ink."""
    return for_kind(kind)(image)


def float_to_uint8(a: np.ndarray) -> np.ndarray:
    """A float image (H, W) -> uint8 (H, W): values in 0..1 are scaled by 255, values in 0..255
    kept, any other range stretched to 0..255; NaN and infinities count as 0."""
    a = np.where(np.isfinite(a), a, 0.0)
    low, high = (float(a.min()), float(a.max())) if a.size else (0.0, 0.0)
    if low >= 0.0 and high <= 1.0:
        a = a * 255.0
    elif high == low:  # one value everywhere, outside 0..255: no ink to show
        a = np.zeros_like(a)
    elif low < 0.0 or high > 255.0:
        a = (a - low) * (255.0 / (high - low))
    return np.rint(np.clip(a, 0.0, 255.0)).astype(np.uint8)


#: Longest side an image is reduced to while it is read: the model sees 28x28 and the canvas
#: 280x280, so more detail is never used, and a photo costs megabytes instead of hundreds.
MAX_SIDE = 2048
#: Longest side an image opened onto the canvas is reduced to: the canvas shows 280x280 of it,
#: twice that keeps the strokes antialiased (decoding it at ``MAX_SIDE`` cost the window a
#: hundred megabytes more on a 16-bit 5000x5000 PNG).
CANVAS_DECODE_SIDE = 560
#: Pixels an image may have when its format cannot be decoded at a reduced scale (JPEG can, by
#: 1/2 to 1/8): a 2 MB PNG of 12000x12000 would decode to 432 MB before it could be reduced.
#: Below it an image is opened, a 16-bit one too (its decode: 2 bytes a pixel), and reduced a
#: band at a time after the decode (docs/performance.md, "A 16-bit 5000x5000 PNG").
MAX_PIXELS = 40_000_000
#: Longest side an image may have: a 1 x 39,000,000 PNG is under MAX_PIXELS but took 5-12 s to
#: decode row by row for nothing a drawing could show (a phone panorama is under 20,000 px).
MAX_IMAGE_SIDE = 30_000
#: The formats an image file is opened as, whatever its name says (Pillow tells them by their
#: first bytes). Pillow knows some forty more; an EPS among them is rendered by starting
#: Ghostscript on the PostScript it holds: a 130-byte "digit.png" of ``{ } loop`` kept
#: ``nndesk predict`` (and a folder dataset's loading) busy for ever. A JPEG from a phone's
#: camera (MPO) opens as JPEG.
IMAGE_FORMATS = ("PNG", "JPEG", "BMP", "GIF", "TIFF", "WEBP")
#: EXIF orientation -> the transpose that shows the picture upright (as ImageOps.exif_transpose).
_ORIENTATION = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _decode_reduced(img: Image.Image, name: str, max_side: int = MAX_SIDE) -> Image.Image:
    """Decode ``img`` (opened, not yet loaded) with its longest side at most ``max_side``,
    upright; refuses one whose full-size decode would exceed ``MAX_PIXELS``."""
    width, height = img.size
    if max(width, height) > max_side:
        img.draft(img.mode, (max_side, max_side))  # JPEG decodes at 1/2..1/8 scale; others ignore
    w, h = img.size
    if w * h > MAX_PIXELS:
        raise PreprocessError.of(
            N_(
                "{file}: the image is {width}x{height} pixels ({megapixels:.0f} megapixels); "
                "nndesk opens images of up to {limit} megapixels: scale it down first"
            ),
            file=name,
            width=width,
            height=height,
            megapixels=width * height / 1e6,
            limit=MAX_PIXELS // 10**6,
        )
    if max(w, h) > MAX_IMAGE_SIDE:
        raise PreprocessError.of(
            N_(
                "{file}: the image is {width}x{height} pixels; nndesk opens images of up to "
                "{limit:,} pixels a side: crop or scale it first"
            ),
            file=name,
            width=width,
            height=height,
            limit=MAX_IMAGE_SIDE,
        )
    orientation = img.getexif().get(0x0112)
    img.load()
    factor = -(-max(w, h) // max_side)
    if factor > 1:
        if img.mode.startswith("I;16"):  # Pillow's reduce does not take 16-bit grey
            return _transposed(_reduce_16bit(img, factor), orientation)
        return _transposed(_reduce_in_bands(img, factor), orientation)
    return _transposed(img, orientation)


def _transposed(img: Image.Image, orientation: int | None) -> Image.Image:
    """``img`` turned upright by its EXIF ``orientation`` tag (None or 1: as it is)."""
    method = _ORIENTATION.get(orientation)
    return img.transpose(method) if method is not None else img


# Pixels of an image reduced at a time: a band of rows, about 8 MB of them as float32 (16-bit
# grey) or RGBA
_BAND_PIXELS = 2_000_000


def _reduce_in_bands(img: Image.Image, factor: int) -> Image.Image:
    """``img.reduce(factor)`` (a box average: antialiased, one pass) for a decoded image, after
    a convert to RGB or RGBA for modes reduce does not take, a band of rows at a time. Whole,
    Pillow's reduce of RGBA and LA works on a premultiplied copy of the image, and a convert
    (palette, CMYK) copies it too: a 40-megapixel RGBA PNG took its decoded 160 MB twice.
    The bands are whole multiples of ``factor`` rows, so the pixels are reduce's own."""
    mode = img.mode
    if mode not in ("L", "LA", "RGB", "RGBA", "I", "F"):
        mode = "RGBA" if "transparency" in img.info else "RGB"
    width, height = img.size
    rows = factor * max(1, _BAND_PIXELS // (width * factor))
    out = Image.new(mode, (-(-width // factor), -(-height // factor)))
    for top in range(0, height, rows):
        band = img.crop((0, top, width, min(height, top + rows)))  # keeps palette, transparency
        if band.mode != mode:
            band = band.convert(mode)
        out.paste(band.reduce(factor), (0, top // factor))
    return out


def _reduce_16bit(img: Image.Image, factor: int) -> Image.Image:
    """``img.reduce(factor)`` for a decoded 16-bit grey image, as a 32-bit "I" image (the
    values kept for ``load_image``'s rescale), a band of rows at a time: converting the whole
    image to "I" first took twice its decoded size again (a 5000x5000 PNG: +100 MB)."""
    width, height = img.size
    rows = factor * max(1, _BAND_PIXELS // (width * factor))
    cols = np.arange(0, width, factor)
    col_counts = np.diff(np.append(cols, width)).astype(np.float32)
    out = np.empty((-(-height // factor), len(cols)), np.int32)
    for top in range(0, height, rows):
        band = np.asarray(img.crop((0, top, width, min(height, top + rows))), dtype=np.float32)
        starts = np.arange(0, band.shape[0], factor)
        row_counts = np.diff(np.append(starts, band.shape[0])).astype(np.float32)
        sums = np.add.reduceat(np.add.reduceat(band, starts, axis=0), cols, axis=1)
        # a box average, partial boxes at the edges averaged over their own pixels (as Pillow)
        means = sums / row_counts[:, None] / col_counts
        out[top // factor : top // factor + len(starts)] = np.rint(means)
    return Image.fromarray(out, "I")


def load_image(
    path: str | os.PathLike | BinaryIO, name: str | None = None, max_side: int = MAX_SIDE
) -> np.ndarray:
    """Read an image file as uint8: (H, W) grey, (H, W, 3) RGB, or (H, W, 4) RGBA when the file
    has transparency (dropping alpha would lose dark ink drawn on a transparent background).
    Images larger than ``MAX_SIDE`` are reduced while they are decoded; images too large to
    decode safely are refused. ``path`` may be an open binary file (pasted bytes), which
    messages call ``name``.

    Raises PreprocessError("<file>: cannot read image (<reason>)").
    """
    if not hasattr(path, "read"):
        path = Path(path)
        name = name or path.name
        problem = regular_file_problem(path)
        if problem is not None:  # missing; a pipe would block the decoder, a device never end
            # not "{file}: {problem}": that line is a model file's in the window's languages
            raise PreprocessError.of(N_("{file}: {why}"), file=name, why=problem)
    name = name or "image"
    try:
        with warnings.catch_warnings():
            # sizes are checked below, against a lower limit than Pillow's warning
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            opened = Image.open(path, formats=_image_formats())
        with opened:
            img = _decode_reduced(opened, name, max_side)
            if img.mode in ("I;16", "I;16B", "I;16L", "I"):
                a = np.asarray(img, dtype=np.float32)  # scaled in place: one copy, not three
                a *= np.float32(255.0 / (65535.0 if a.max() > 255 else 255.0))
                return np.rint(a, out=a).astype(np.uint8)
            if img.mode == "F":  # float TIFFs: converting to "L" would truncate 0..1 to 0 or 1
                return float_to_uint8(np.asarray(img, dtype=np.float64))
            if img.mode in ("RGBA", "LA", "PA") or "transparency" in img.info:
                img = img.convert("RGBA")
            elif img.mode not in ("L", "RGB"):
                img = img.convert("L" if img.mode in ("1", "F") else "RGB")
            return np.array(img, dtype=np.uint8)
    except Image.DecompressionBombError as err:  # Pillow's own limit, checked when opening
        raise _too_large(name, err) from err
    except UnidentifiedImageError as err:
        raise _unreadable(name, path) from err
    # Pillow's other words for a damaged file: SyntaxError (a PNG chunk whose name is not one,
    # found while decoding), EOFError and struct.error (a header cut short)
    except (OSError, ValueError, SyntaxError, EOFError, struct.error) as err:
        error = PreprocessError.of(
            N_("{file}: cannot read image ({reason})"), file=name, reason=_damage(err)
        )
        error.technical = f"Pillow: {str(err).splitlines()[0] if str(err) else type(err).__name__}"
        raise error from err


#: Pillow's words (lower case) for an image file cut short: a copy or download interrupted
_CUT_SHORT = ("truncated", "not enough data", "eof", "broken data stream", "ended early")


def _damage(err: BaseException) -> str:
    """Why Pillow could not decode a file, in words the window translates: the system's reason
    for a read the system refused, else "the file is truncated" or "the file is damaged".
    Pillow's own words ("image file is truncated") were English inside Vietnamese boxes
    (walk55b D5); they stay as the error's technical detail."""
    if isinstance(err, OSError) and err.errno is not None:
        return os_reason(err)
    words = str(err).lower()
    if isinstance(err, EOFError) or any(w in words for w in _CUT_SHORT):
        return Message(N_("the file is truncated"))
    return Message(N_("the file is damaged"))


def _image_formats() -> tuple[str, ...]:
    """``IMAGE_FORMATS`` this Pillow can open (one built without WebP lacks it: Pillow's open
    would raise KeyError on a format it does not know)."""
    Image.init()  # registers every plugin once; later calls return at once
    return tuple(f for f in IMAGE_FORMATS if f in Image.OPEN)


def _too_large(name: str, err: Exception) -> PreprocessError:
    """The same line as ``_decode_reduced``'s, from Pillow's "Image size (N pixels) exceeds"."""
    found = re.search(r"\((\d+) pixels\)", str(err))
    limit = MAX_PIXELS // 10**6
    if found:
        return PreprocessError.of(
            N_(
                "{file}: the image is too large to open ({megapixels:,.0f} megapixels); nndesk "
                "opens images of up to {limit} megapixels: scale it down first"
            ),
            file=name,
            megapixels=int(found.group(1)) / 1e6,
            limit=limit,
        )
    return PreprocessError.of(
        N_(
            "{file}: the image is too large to open; nndesk opens images of up to {limit} "
            "megapixels: scale it down first"
        ),
        file=name,
        limit=limit,
    )


def _unreadable(name: str, source: Path | BinaryIO) -> PreprocessError:
    """Why Pillow found no image: an empty file, else a format it does not know."""
    try:
        empty = source.stat().st_size == 0 if isinstance(source, Path) else False
    except OSError:
        empty = False
    if empty:
        return PreprocessError.of(N_("{file}: the file is empty"), file=name)
    return PreprocessError.of(
        N_("{file}: not an image nndesk can read (PNG, JPEG, BMP, GIF, TIFF or WebP)"), file=name
    )


# ---- the drawing canvas's own pixels ---------------------------------------------------------
#: Side of the canvas image in pixels: 10x the 28x28 model input.
CANVAS_SIZE = 280


def canvas_pixels(image: np.ndarray, size: int = CANVAS_SIZE) -> np.ndarray:
    """Any image (file, clipboard) -> ``uint8 (size, size)`` white ink on black for the canvas.

    Uses preprocess's own grey conversion and light-background detection, so what the canvas
    shows is what preprocessing would have made of the file. The ink is scaled to fit (aspect
    kept, centred) and stretched so its brightest pixel is 255.
    """
    ink = _ink(_to_float_gray(image))  # float32 (H, W), ink high
    peak = float(ink.max())
    if peak > 0:
        ink = ink * (255.0 / peak)
    h, w = ink.shape
    scale = size / max(h, w)
    new_w, new_h = max(1, round(w * scale)), max(1, round(h * scale))
    resized = Image.fromarray(ink.astype(np.float32), mode="F").resize(
        (new_w, new_h), Image.Resampling.BICUBIC if scale > 1 else Image.Resampling.BOX
    )
    out = np.zeros((size, size), np.float32)
    top, left = (size - new_h) // 2, (size - new_w) // 2
    out[top : top + new_h, left : left + new_w] = np.asarray(resized)
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)


def upscale_28(image28: np.ndarray, size: int = CANVAS_SIZE) -> np.ndarray:
    """A (28, 28) test image -> ``uint8 (size, size)`` for the canvas (smooth, like a drawing)."""
    a = np.clip(np.asarray(image28, np.float32), 0, 255)
    big = Image.fromarray(a, mode="F").resize((size, size), Image.Resampling.BICUBIC)
    return np.clip(np.rint(np.asarray(big)), 0, 255).astype(np.uint8)
