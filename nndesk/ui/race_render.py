"""The race chart as an image, rendered on the render pool: one kept figure whose lines move
from one refresh to the next (``race_chart.RaceChart``)."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QImage


class RaceImage(NamedTuple):
    """A rendered race chart: its ``image``, its plots' heights in pixels (the batch plot's,
    the epoch plots') and the text ``zoom`` it was drawn at: what the chart's least height for
    readable plots is measured from (``key.least_chart_height``)."""

    image: QImage
    plot_px: tuple[float, float]
    zoom: float


def _image(rgba) -> QImage:
    """An RGBA uint8 (h, w, 4) array as a QImage that owns its pixels."""
    h, w = rgba.shape[:2]
    return QImage(rgba.tobytes(), w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()


#: The chart of the race on screen, made and used only by render-pool jobs (one at a time): a
#: refresh moves its lines' data instead of building a figure.
_chart = None


def render_kept_chart(
    runs,
    width: int,
    height: int,
    per_epoch: int,
    validation: bool = True,
    epochs: int = 0,
    zoom: float = 1.0,
) -> RaceImage:
    """The race chart of ``runs`` ((name, Curves) pairs) over the race's ``epochs``, its text
    ``zoom`` times its own size (View > Text size), moving the kept figure's lines when the
    lanes, size, theme, validation split, epochs and zoom are the same (render-pool jobs only:
    one at a time)."""
    global _chart
    from nndesk.race_chart import RaceChart, theme_key

    names = [name for name, _ in runs]
    key = (tuple(names), width, height, theme_key(), validation, epochs)
    try:
        if _chart is None or (_chart.key, _chart.figure.dpi) != (key, 96.0 * zoom):
            # more dots per inch on the same pixels: bigger text in the same picture
            _chart = RaceChart(
                names, width, height, 96.0 * zoom, validation=validation, epochs=epochs
            )
        image = _image(_chart.render([c for _, c in runs], per_epoch))
        return RaceImage(image, _chart.plot_heights(), zoom)
    except Exception:
        _chart = None  # a figure that failed once is built again next time
        raise
