"""Training curves drawn with matplotlib on given Axes; no Qt, so tests run them under Agg.

Three panels share an x axis in epochs: per-batch loss (light) with the mean of nearby batches,
per-epoch train and validation loss, per-epoch train and validation accuracy. ``LiveCurves``
creates its lines once and then only moves their data; ``plot_overlay`` compares finished runs.

The modules: ``live`` (``LiveCurves``), ``overlay`` (``plot_overlay``), ``figure_file``
(``make_figure``, ``save_curves_png``), and what they share: ``style`` (colours, titles,
labels, ticks, markers), ``scales`` (limits, the log loss axis), ``smoothing`` (the mean of
nearby batches, the min-max band), ``marks`` (a diverged run's last loss, a setting changed
while training), ``fitting`` (a drawn chart's labels, titles, ticks and legend fitted to its
size) and ``key`` (the Live and Race charts' key beside or above the batch plot's title, and
their least height for plots readable at the text size).
"""

from nndesk.curves.figure_file import make_figure, save_curves_png
from nndesk.curves.live import LiveCurves
from nndesk.curves.overlay import plot_overlay

__all__ = ["LiveCurves", "make_figure", "plot_overlay", "save_curves_png"]
