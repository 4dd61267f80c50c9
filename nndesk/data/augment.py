"""Random small shifts, rotations, scalings and stroke-width changes of 28x28 images, per batch.

Every sample gets its own inverse affine map, and the whole batch is resampled at once with
bilinear interpolation (four gathers on the flattened batch), so a batch of 128 costs about a
millisecond and no loop runs over samples or pixels. NumPy only.

Pixels that come from outside the image take that image's background (its minimum), so the
border is right whatever the normalisation (raw, unit, symmetric or standardised) as long as ink is
brighter than background; garments touching the frame are not smeared as edge replication would.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nndesk.errors import ConfigError

SIDE = 28
_CENTRE = (SIDE - 1) / 2.0  # rotate and scale about the middle of the pixel grid


def _as_planes(images: np.ndarray) -> np.ndarray:
    """float32 (n, 28, 28) view or copy of ``uint8 (n, 28, 28)`` or ``float32 (n, 784)`` images."""
    if images.ndim == 2 and images.shape[1] == SIDE * SIDE:
        return images.reshape(-1, SIDE, SIDE).astype(np.float32, copy=False)
    if images.ndim == 3 and images.shape[1:] == (SIDE, SIDE):
        return images.astype(np.float32, copy=False)
    raise ConfigError(f"augmentation expects (n, 784) or (n, 28, 28) images, got {images.shape}")


def _like(planes: np.ndarray, images: np.ndarray) -> np.ndarray:
    """Return float32 ``planes`` (n, 28, 28) in the shape and dtype of ``images``."""
    if images.dtype == np.uint8:
        return np.clip(np.rint(planes), 0, 255).astype(np.uint8).reshape(images.shape)
    return planes.astype(images.dtype, copy=False).reshape(images.shape)


def affine_batch(
    images: np.ndarray, angles_deg: np.ndarray, scales: np.ndarray, shifts: np.ndarray
) -> np.ndarray:
    """Rotate by ``angles_deg`` (counter-clockwise on screen), scale about the centre, then shift.

    Parameters
    ----------
    images : uint8 (n, 28, 28) or float32 (n, 784)
    angles_deg, scales : float (n,)
    shifts : float (n, 2)
        ``(dx, dy)`` in pixels; positive moves the content right / down.

    Returns
    -------
    np.ndarray
        Same shape and dtype as ``images``; bilinear resampling, background from outside.
    """
    planes = _as_planes(images)
    n = planes.shape[0]
    theta = np.deg2rad(np.asarray(angles_deg, np.float32)).reshape(n, 1)
    inv_s = (1.0 / np.asarray(scales, np.float32)).reshape(n, 1)
    shifts = np.asarray(shifts, np.float32).reshape(n, 2)
    cos, sin = np.cos(theta) * inv_s, np.sin(theta) * inv_s  # (n, 1): inverse rotation / scale
    grid = np.arange(SIDE, dtype=np.float32) - _CENTRE
    gy, gx = np.repeat(grid, SIDE), np.tile(grid, SIDE)  # (784,) output pixel offsets
    ux = gx - shifts[:, :1]  # (n, 784): undo the shift first
    uy = gy - shifts[:, 1:]
    # inverse of "rotate by theta (y down, so counter-clockwise on screen is -theta in maths)"
    src_x = cos * ux - sin * uy + _CENTRE
    src_y = sin * ux + cos * uy + _CENTRE
    return _like(_bilinear(planes, src_x, src_y), images)


def _bilinear(planes: np.ndarray, src_x: np.ndarray, src_y: np.ndarray) -> np.ndarray:
    """Sample float32 ``planes`` (n, 28, 28) at (n, 784) coordinates -> (n, 28, 28).

    Outside the image the value fades over one pixel into the image's minimum (its background).
    """
    n = planes.shape[0]
    side = SIDE + 2  # a one-pixel frame of background around every image
    framed = np.empty((n, side, side), np.float32)
    framed[...] = planes.min(axis=(1, 2))[:, None, None]
    framed[:, 1:-1, 1:-1] = planes
    # frame coordinates, clamped onto the frame: anything further out reads background too
    np.clip(src_x + 1, 0, side - 1, out=src_x)
    np.clip(src_y + 1, 0, side - 1, out=src_y)
    # floor in float32 (an int32 operand would promote the weights to float64); the last cell
    # starts at side - 2 so that x0 + 1 stays inside
    x0 = np.minimum(np.floor(src_x), side - 2)
    y0 = np.minimum(np.floor(src_y), side - 2)
    fx = src_x - x0  # (n, 784) in [0, 1]
    fy = src_y - y0
    flat = framed.reshape(-1)
    i00 = (y0 * side + x0).astype(np.int32) + (np.arange(n, dtype=np.int32) * side * side)[:, None]
    v00, v01 = flat[i00], flat[i00 + 1]
    v10, v11 = flat[i00 + side], flat[i00 + side + 1]
    # weights (1 - f, f) rather than v0 + f * (v1 - v0): exact at f = 0 and f = 1
    gx = 1 - fx
    top = v00 * gx + v01 * fx
    bottom = v10 * gx + v11 * fx
    return (top * (1 - fy) + bottom * fy).reshape(n, SIDE, SIDE)


def _filter3x3(planes: np.ndarray, reduce) -> np.ndarray:
    """3x3 max (``np.maximum``) or min (``np.minimum``) filter with edge replication, separably."""
    rows = planes.copy()
    reduce(rows[:, 1:], planes[:, :-1], out=rows[:, 1:])  # neighbour above
    reduce(rows[:, :-1], planes[:, 1:], out=rows[:, :-1])  # neighbour below
    out = rows.copy()
    reduce(out[:, :, 1:], rows[:, :, :-1], out=out[:, :, 1:])  # left
    reduce(out[:, :, :-1], rows[:, :, 1:], out=out[:, :, :-1])  # right
    return out


def vary_stroke(planes: np.ndarray, thicker: np.ndarray, thinner: np.ndarray) -> np.ndarray:
    """Dilate the ``thicker`` samples and erode the ``thinner`` ones (bool (n,) masks).

    Grayscale morphology with a 3x3 square: a max filter widens bright strokes by a pixel on each
    side, a min filter narrows them. Returns a new float32 (n, 28, 28) array.
    """
    out = planes.copy()
    if thicker.any():
        out[thicker] = _filter3x3(planes[thicker], np.maximum)
    if thinner.any():
        out[thinner] = _filter3x3(planes[thinner], np.minimum)
    return out


def augment_batch(
    images: np.ndarray,
    rng: np.random.Generator,
    shift: float = 2,
    rotate_degrees: float = 10,
    scale: float = 0.1,
    stroke: float = 0.0,
) -> np.ndarray:
    """Randomly shift, rotate, scale and (optionally) thicken or thin every image of a batch.

    Parameters
    ----------
    images : uint8 (n, 28, 28) or float32 (n, 784)
        Ink brighter than background (true for every nndesk normalisation).
    rng : np.random.Generator
        The only source of randomness: the same generator state gives the same batch.
    shift : float
        Shifts drawn uniformly from ``[-shift, shift]`` pixels, independently in x and y.
    rotate_degrees : float
        Angles drawn uniformly from ``[-rotate_degrees, rotate_degrees]``.
    scale : float
        Zoom factors drawn uniformly from ``[1 - scale, 1 + scale]``.
    stroke : float
        Fraction of the samples whose strokes change width, half thicker (3x3 dilation) and half
        thinner (3x3 erosion) on average; 0 disables it.

    Returns
    -------
    np.ndarray
        Same shape and dtype as ``images``.
    """
    if shift < 0 or rotate_degrees < 0 or not 0 <= scale < 1 or not 0 <= stroke <= 1:
        raise ConfigError(
            "augmentation needs shift >= 0, rotate_degrees >= 0, 0 <= scale < 1, "
            f"0 <= stroke <= 1; got {shift}, {rotate_degrees}, {scale}, {stroke}"
        )
    planes = _as_planes(images)
    n = planes.shape[0]
    shifts = rng.uniform(-shift, shift, size=(n, 2))
    angles = rng.uniform(-rotate_degrees, rotate_degrees, size=n)
    scales = rng.uniform(1 - scale, 1 + scale, size=n)
    if stroke > 0:
        u = rng.random(n)
        planes = vary_stroke(planes, u < stroke / 2, (u >= stroke / 2) & (u < stroke))
    out = affine_batch(planes, angles, scales, shifts)
    return _like(out, images)


# -- sketches: the Fashion images redrawn the way a person draws a garment ------------------------
SKETCH_MODES = ("filled", "outline", "scribble")


@dataclass(frozen=True)
class SketchStrengths:
    """How strongly ``sketch_batch`` turns garment photos into drawings; every field a user setting.

    ``share`` of each batch is redrawn (the rest keeps its texture, so shape and texture both
    count); each redrawn image becomes a flat silhouette, an outline or a scribble in proportion
    to ``filled``, ``outline`` and ``scribble``. Pens (outline and scribble strokes) are drawn
    from ``pen`` pixels wide; ``details`` is the chance an outline or scribble also keeps the
    garment's strongest inner edges (a coat's opening, a collar, a sole line), as a person draws
    them. The silhouette is every pixel brighter than ``threshold`` (fractions of the image's
    range) with its holes filled; flat fills take a grey level from ``grey``.

    A drawing's proportions are the person's, not the photo's: ``aspect`` stretches the width
    against the height by a factor up to ``1 + aspect`` either way, and ``flare`` widens the
    hem against the shoulders (or narrows it) by up to that share of the width, so sleeves that
    hang along a photographed body spread out as in a drawing. The warped drawing is then fitted
    to the frame again the way ``nndesk.preprocess`` fits a garment (longest side 28 px, box
    centred) when ``refit`` is set, turned left-right with chance ``mirror`` (Fashion-MNIST's
    shoes and bags all face left; a person's may face right), and shifted, rotated and scaled
    like ``augment_batch`` by ``shift``, ``rotate_degrees`` and ``scale``.
    """

    share: float = 0.5
    filled: float = 1.0
    outline: float = 1.0
    scribble: float = 1.0
    pen: tuple[int, int] = (1, 4)
    details: float = 0.5
    threshold: tuple[float, float] = (0.03, 0.15)
    grey: tuple[float, float] = (0.6, 1.0)
    shift: float = 1.5
    rotate_degrees: float = 8.0
    scale: float = 0.08
    aspect: float = 0.3
    flare: float = 0.4
    refit: bool = True
    mirror: float = 0.5

    def validate(self) -> SketchStrengths:
        """Return ``self`` if usable, else raise ``ConfigError`` naming the field."""
        weights = (self.filled, self.outline, self.scribble)
        checks = {
            "share": 0 <= self.share <= 1,
            "filled/outline/scribble": min(weights) >= 0 and sum(weights) > 0,
            "pen": 1 <= self.pen[0] <= self.pen[1] <= 6,
            "details": 0 <= self.details <= 1,
            "threshold": 0 <= self.threshold[0] <= self.threshold[1] < 1,
            "grey": 0 < self.grey[0] <= self.grey[1] <= 1,
            "shift": self.shift >= 0,
            "rotate_degrees": self.rotate_degrees >= 0,
            "scale": 0 <= self.scale < 1,
            "aspect": 0 <= self.aspect <= 1,
            "flare": 0 <= self.flare <= 1,
            "mirror": 0 <= self.mirror <= 1,
        }
        bad = [name for name, ok in checks.items() if not ok]
        if bad:
            raise ConfigError(f"sketch strengths out of range: {', '.join(bad)} ({self})")
        return self


def _cross_dilate(mask: np.ndarray) -> np.ndarray:
    """4-neighbour dilation of a bool (n, 28, 28) mask (a line one pixel wide stays a wall)."""
    out = mask.copy()
    out[:, 1:] |= mask[:, :-1]
    out[:, :-1] |= mask[:, 1:]
    out[:, :, 1:] |= mask[:, :, :-1]
    out[:, :, :-1] |= mask[:, :, 1:]
    return out


def fill_holes(mask: np.ndarray) -> np.ndarray:
    """Bool (n, 28, 28) masks with every region not reachable from the border filled in.

    Grows "outside" from the border pixels not in the mask, four neighbours at a time, until it
    stops changing (at most one step per pixel of the longest path, a few dozen here).
    """
    free = ~mask
    outside = np.zeros_like(mask)
    outside[:, 0], outside[:, -1], outside[:, :, 0], outside[:, :, -1] = True, True, True, True
    outside &= free
    for _ in range(SIDE * SIDE):
        grown = _cross_dilate(outside) & free
        if np.array_equal(grown, outside):
            break
        outside = grown
    return ~outside


def _morph(mask: np.ndarray, steps: np.ndarray, reduce) -> np.ndarray:
    """Apply a 3x3 max/min filter ``steps[i]`` times to sample i of a bool (n, 28, 28) mask."""
    out = mask.astype(np.float32)
    for k in range(1, int(steps.max(initial=0)) + 1):
        more = steps >= k
        out[more] = _filter3x3(out[more], reduce)
    return out > 0.5


def _edges(planes: np.ndarray, inside: np.ndarray) -> np.ndarray:
    """The strongest inner edges of (n, 28, 28) [0, 1] images: the top 12 % gradient inside."""
    gx = np.zeros_like(planes)
    gy = np.zeros_like(planes)
    gx[:, :, 1:-1] = planes[:, :, 2:] - planes[:, :, :-2]
    gy[:, 1:-1] = planes[:, 2:] - planes[:, :-2]
    mag = np.hypot(gx, gy) * inside
    flat = mag.reshape(len(mag), -1)
    cut = np.quantile(flat, 0.88, axis=1)[:, None, None]
    return (mag > np.maximum(cut, 0.15)) & inside


def _stripes(n: int, rng: np.random.Generator, pen: np.ndarray) -> np.ndarray:
    """Zig-zag-like parallel strokes ``pen`` px wide with gaps: bool (n, 28, 28), random angle."""
    grid = np.arange(SIDE, dtype=np.float32)
    gy, gx = np.meshgrid(grid, grid, indexing="ij")  # (28, 28)
    theta = rng.uniform(0, np.pi, size=(n, 1, 1)).astype(np.float32)
    period = (pen * rng.uniform(1.8, 3.0, size=n)).astype(np.float32)[:, None, None]
    phase = rng.uniform(0, 1, size=(n, 1, 1)).astype(np.float32)
    wobble = rng.uniform(0, 0.4, size=(n, 1, 1)).astype(np.float32)
    along = -np.sin(theta) * gx + np.cos(theta) * gy
    across = np.cos(theta) * gx + np.sin(theta) * gy
    t = across / period + phase + wobble * np.sin(along / 4.0)
    return (t - np.floor(t)) < (pen[:, None, None] / period)


def _reshape(
    sketch: np.ndarray, silhouette: np.ndarray, stretch: np.ndarray, flare: np.ndarray, refit: bool
) -> np.ndarray:
    """Warp float32 (m, 28, 28) drawings to new proportions and fit them to the frame again.

    The warp scales x about the middle by ``stretch * (1 + flare * v)`` with ``v`` running from
    -0.5 at the top row to 0.5 at the bottom one (so ``flare > 0`` widens the hem) and keeps y.
    ``refit`` then scales the warped garment (its bounding box, from the forward-mapped
    ``silhouette`` pixels, bool (m, 28, 28)) so its longest side is 28 px, centred, as
    ``nndesk.preprocess`` frames a drawing. One bilinear resample does both.
    """
    m = sketch.shape[0]
    grid = np.arange(SIDE, dtype=np.float32) - _CENTRE
    stretch = stretch.astype(np.float32).reshape(m, 1, 1)
    flare = flare.astype(np.float32).reshape(m, 1, 1)

    def width_factor(y):  # y: offsets from the middle row, any shape broadcasting with (m, 1, 1)
        return stretch * (1 + flare * y / SIDE)

    # forward map of every pixel centre, to find the warped garment's bounding box
    gy, gx = grid[None, :, None], grid[None, None, :]
    fx = np.broadcast_to(gx * width_factor(gy), silhouette.shape)
    fy = np.broadcast_to(gy, silhouette.shape)
    if refit:
        big, small = np.float32(1e6), np.float32(-1e6)
        any_ink = silhouette.any(axis=(1, 2))
        x0 = np.where(silhouette, fx, big).min(axis=(1, 2)) - 0.5
        x1 = np.where(silhouette, fx, small).max(axis=(1, 2)) + 0.5
        y0 = np.where(silhouette, fy, big).min(axis=(1, 2)) - 0.5
        y1 = np.where(silhouette, fy, small).max(axis=(1, 2)) + 0.5
        span = np.maximum(np.maximum(x1 - x0, y1 - y0), 1.0)
        scale = np.where(any_ink, SIDE / span, 1.0).astype(np.float32)
        cx = np.where(any_ink, (x0 + x1) / 2, 0.0).astype(np.float32)
        cy = np.where(any_ink, (y0 + y1) / 2, 0.0).astype(np.float32)
    else:
        scale, cx, cy = np.ones(m, np.float32), np.zeros(m, np.float32), np.zeros(m, np.float32)
    oy = np.repeat(grid, SIDE)[None, :]  # (1, 784) output pixel offsets
    ox = np.tile(grid, SIDE)[None, :]
    wy = oy / scale[:, None] + cy[:, None]  # (m, 784) in warped coordinates
    wx = ox / scale[:, None] + cx[:, None]
    src_y = wy + _CENTRE
    src_x = wx / width_factor(wy[:, :, None])[:, :, 0] + _CENTRE
    return _bilinear(sketch, src_x.astype(np.float32), src_y.astype(np.float32))


def sketch_batch(
    images: np.ndarray, rng: np.random.Generator, strengths: SketchStrengths | None = None
) -> np.ndarray:
    """Redraw a random ``strengths.share`` of a garment batch as silhouettes, outlines, scribbles.

    Parameters
    ----------
    images : uint8 (n, 28, 28) or float32 (n, 784)
        Ink brighter than background (true for every nndesk normalisation); each image's own
        minimum and maximum are its background and full ink.
    rng : np.random.Generator
        The only source of randomness: the same generator state gives the same batch.
    strengths : SketchStrengths, optional
        The defaults redraw half of each batch, the three kinds equally often.

    Returns
    -------
    np.ndarray
        A new array of the same shape and dtype; the images not chosen are unchanged.
    """
    s = (strengths or SketchStrengths()).validate()
    planes = _as_planes(images).copy()
    n = planes.shape[0]
    chosen = np.flatnonzero(rng.random(n) < s.share)
    if chosen.size == 0:
        return _like(planes, images)
    m = chosen.size
    sub = planes[chosen]
    lo = sub.min(axis=(1, 2), keepdims=True)
    hi = sub.max(axis=(1, 2), keepdims=True)
    rel = (sub - lo) / np.maximum(hi - lo, 1e-6)  # (m, 28, 28) in [0, 1]
    cut = rng.uniform(*s.threshold, size=(m, 1, 1))
    silhouette = fill_holes(rel > cut)

    weights = np.array([s.filled, s.outline, s.scribble], np.float64)
    mode = rng.choice(3, size=m, p=weights / weights.sum())
    pen = rng.integers(s.pen[0], s.pen[1] + 1, size=m)
    # a pen drawn along the border lies half outside and half inside the silhouette
    outer = _morph(silhouette, pen // 2, np.maximum)
    inner = _morph(silhouette, pen - pen // 2, np.minimum)
    outline = outer & ~inner
    with_details = rng.random(m) < s.details
    if with_details.any():
        outline[with_details] |= _edges(rel[with_details], inner[with_details])
    drawn = np.where((mode == 0)[:, None, None], silhouette, outline)
    scribbled = mode == 2
    if scribbled.any():
        drawn[scribbled] |= (
            _stripes(int(scribbled.sum()), rng, pen[scribbled]) & silhouette[scribbled]
        )
    grey = np.where(mode == 0, rng.uniform(*s.grey, size=m), 1.0)[:, None, None]
    sketch = drawn * grey.astype(np.float32)  # (m, 28, 28) in [0, 1]

    # each kind of change draws from ``rng`` only when it is on, so strengths with aspect, flare
    # and mirror at 0 and refit off give the batches sketch_batch gave before it had them
    stretch = np.ones(m)
    if s.aspect > 0:
        stretch = np.exp(rng.uniform(-1, 1, size=m) * np.log1p(s.aspect))
    flare = rng.uniform(-s.flare, s.flare, size=m) if s.flare > 0 else np.zeros(m)
    if s.aspect > 0 or s.flare > 0 or s.refit:
        sketch = _reshape(sketch, silhouette, stretch, flare, s.refit)
    if s.mirror > 0:
        flip = rng.random(m) < s.mirror
        sketch[flip] = sketch[flip, :, ::-1]
    shifts = rng.uniform(-s.shift, s.shift, size=(m, 2))
    angles = rng.uniform(-s.rotate_degrees, s.rotate_degrees, size=m)
    scales = rng.uniform(1 - s.scale, 1 + s.scale, size=m)
    sketch = affine_batch(sketch, angles, scales, shifts).reshape(m, SIDE, SIDE)
    planes[chosen] = lo + sketch * (hi - lo)
    return _like(planes, images)
