"""The Inside page's feature-map tiles as ready pixels, made off the GUI thread. NumPy only.

For a CNN the page shows every channel of every spatial layer (and the first convolution's
filters): ~300 small maps. Colouring them and scaling each to its tile on the GUI thread cost
more than a frame per snapshot, so the prediction worker does it here once per snapshot: each row
is one contiguous ``uint32 (channels * tile, tile)`` strip of ``0xffRRGGBB`` pixels (Qt's
``Format_RGB32``, the screen's own format, so painting is a plain copy), already the tile's
size, that the page wraps in one QImage without a copy and blits tile by tile.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: px, the side of one tile on the page (``ui.inside_pictures.TILE``)
TILE = 44

_WHITE = np.array([245, 245, 245], np.float32)
_RED = np.array([200, 40, 40], np.float32)
_BLUE = np.array([40, 90, 200], np.float32)


def _diverging_lut() -> np.ndarray:
    """(256, 4) uint8: -1 blue, 0 near-white, +1 red, opaque (``qt_image.diverging_opaque``)."""
    t = np.linspace(-1.0, 1.0, 256, dtype=np.float32)[:, None]
    rgb = np.where(t >= 0, _WHITE + (_RED - _WHITE) * np.abs(t), _WHITE + (_BLUE - _WHITE) * -t)
    lut = np.full((256, 4), 255, np.uint8)
    lut[:, :3] = rgb.astype(np.uint8)
    return lut


LUT = _diverging_lut()
#: the same colours as ``0xffRRGGBB`` words (native byte order, as Qt reads Format_RGB32)
LUT32 = (
    np.uint32(0xFF000000)
    | LUT[:, 0].astype(np.uint32) << 16
    | LUT[:, 1].astype(np.uint32) << 8
    | LUT[:, 2].astype(np.uint32)
)


def colour_maps(values: np.ndarray, limit: float) -> np.ndarray:
    """Signed values ``(..., h, w)`` -> ``uint8 (..., h, w, 4)`` through ``LUT`` (``limit`` is
    drawn at full colour)."""
    t = np.clip(np.asarray(values, np.float32) * (127.5 / limit) + 127.5, 0, 255)
    return LUT[t.astype(np.uint8)]


def _nearest(side: int, tile: int) -> np.ndarray:
    """int64 (tile,): which of ``side`` map pixels each of the tile's pixels shows."""
    return np.minimum((np.arange(tile) * side) // tile, side - 1)


def colour_words(values: np.ndarray, limit: float) -> np.ndarray:
    """``colour_maps`` as ``uint32 0xffRRGGBB`` words, one per value (``..., h, w``)."""
    t = np.clip(np.asarray(values, np.float32) * (127.5 / limit) + 127.5, 0, 255)
    return LUT32[t.astype(np.uint8)]


def grey_words(pixels: np.ndarray) -> np.ndarray:
    """uint8 grey levels -> ``uint32 0xffGGGGGG`` words."""
    g = np.asarray(pixels, np.uint8).astype(np.uint32)
    return np.uint32(0xFF000000) | g << 16 | g << 8 | g


def to_tiles(maps: np.ndarray, tile: int = TILE) -> np.ndarray:
    """``(c, h, w)`` pixels (any dtype) -> ``(c * tile, tile)``, each map scaled to the tile by
    nearest neighbour (crisp pixels), stacked top to bottom in one contiguous strip."""
    c, h, w = maps.shape
    scaled = maps[:, _nearest(h, tile)][:, :, _nearest(w, tile)]  # (c, tile, tile)
    return np.ascontiguousarray(scaled.reshape(c * tile, tile))


@dataclass(frozen=True)
class MapRow:
    """One row of tiles: a spatial layer's channels, the drawing, or the first filters."""

    layer: int  # index in ``model.layers``; -1 for the first convolution's filters
    kind: str  # "input" (the drawing) | "filters" | "maps"
    name: str  # the layer's type name ("Conv2D", "ReLU", "MaxPool2D", ...)
    shape: tuple[int, int, int]  # (channels, h, w) of the values the tiles show
    tiles: np.ndarray  # uint32 (channels * tile, tile), 0xffRRGGBB (the input: grey)

    @property
    def channels(self) -> int:
        return self.shape[0]


def render_rows(model, trace, tile: int = TILE) -> tuple[MapRow, ...]:
    """Every spatial layer of ``trace`` (``nndesk.inside.Trace``) as tiles, in layer order, with
    the first convolution's filters just before its output."""
    rows: list[MapRow] = []
    for out in trace.layers:
        v = out.values
        if v.ndim != 3:
            continue
        if out.name == "Reshape":  # the drawing itself, as the learner sees it
            grey = grey_words(np.clip(trace.image28, 0, 255).astype(np.uint8))
            rows.append(MapRow(out.index, "input", out.name, v.shape, to_tiles(grey[None], tile)))
            continue
        if out.name == "Conv2D" and not any(r.kind == "filters" for r in rows):
            w = model.layers[out.index].params["W"]  # (out, in, k, k)
            kernels = w[:, 0] if w.shape[1] == 1 else w.mean(axis=1)
            klimit = float(np.max(np.abs(kernels))) or 1.0
            filters = to_tiles(colour_words(kernels, klimit), tile)
            rows.append(MapRow(-1, "filters", out.name, kernels.shape, filters))
        limit = float(np.max(np.abs(v))) or 1.0
        maps = to_tiles(colour_words(v, limit), tile)
        rows.append(MapRow(out.index, "maps", out.name, v.shape, maps))
    return tuple(rows)
