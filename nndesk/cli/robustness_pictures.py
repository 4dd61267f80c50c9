"""``nndesk evaluate --robustness-pictures DIR``: the window's robustness figure as PNG files
(fixI #2: the command gave curves and no picture, so a lecturer could not show what the network
was given at "noise 0.35"). One file of every damage, and one per damage for a slide each, in
print colours (dark on white), written atomically."""

from __future__ import annotations

import os
from pathlib import Path

from nndesk.errors import ConfigError

#: px wide (at 96 px an inch) the pictures are drawn at, written at ``save_figure``'s 150 dpi:
#: a slide's width, as the window's Export saves the figure
WIDTH = 1100


def picture_folder(folder: str) -> Path:
    """``folder``, made if missing, as a folder the pictures can be written in; a
    ``ConfigError`` of one line otherwise. Checked before the damage is measured (minutes)."""
    path = Path(folder).expanduser()
    flag = "--robustness-pictures"
    if path.exists() and not path.is_dir():
        raise ConfigError(f"{flag} {folder}: a file is there, not a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ConfigError(
            f"{flag} {folder}: cannot make the folder ({err.strerror or err})"
        ) from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise ConfigError(f"{flag} {folder}: cannot write in this folder (permission denied)")
    return path


def save_pictures(folder: Path, stem: str, curves, examples, names) -> dict:
    """Write ``{stem}-robustness.png`` (every damage) and ``{stem}-robustness-{kind}.png`` (one
    damage each) in ``folder``; ``{"figure": path, "kinds": {kind: path}}`` as written."""
    from nndesk.curves.printed import chart_colours_now, recolour_for_print
    from nndesk.export import save_figure
    from nndesk.robustness_figure import figure_height, robustness_figure
    from nndesk.viz import PRINT_RC

    def write(name: str, chosen: dict) -> str:
        chosen_examples = {kind: examples.get(kind, ()) for kind in chosen}
        columns = max((len(v) for v in chosen_examples.values()), default=0)
        height = figure_height(len(chosen), 1.0, WIDTH, columns)
        drawn_in = chart_colours_now()
        figure = robustness_figure(chosen, chosen_examples, names, WIDTH, height)
        recolour_for_print(figure, drawn_in)
        path = folder / name
        save_figure(path, figure, page=str(PRINT_RC["figure.facecolor"]))
        return str(path)

    return {
        "figure": write(f"{stem}-robustness.png", dict(curves)),
        "kinds": {
            kind: write(f"{stem}-robustness-{kind}.png", {kind: points})
            for kind, points in curves.items()
        },
    }


def examples_json(curves, examples) -> dict:
    """The pictured images as JSON: per damage, per level, the test image's index (in the test
    set), its true class and the model's answer (indices of the model's classes)."""
    return {
        kind: [
            {
                "level": float(level),
                "test_index": int(example.index),
                "label": int(example.label),
                "predicted": int(example.predicted),
            }
            for (level, _), example in zip(points, examples.get(kind, ()), strict=False)
        ]
        for kind, points in curves.items()
    }
