"""The hand-drawn garments of ``tools.hand_garments``, put on the app's real canvas.

``render`` draws one drawing on a ``nndesk.ui.canvas.DrawingCanvas`` the way a person does:
the strokes at the drawing's pen width (``draw_stroke``, the canvas' own round antialiased pen),
then the Fill tool's clicks (``fill_at``), then any eraser strokes; a black-on-white drawing is
the canvas turned over, as a paint program saves it. ``python -m tools.hand_check DIR`` writes
every drawing as a PNG file (``<class>-<name>.png``) and a contact sheet of them all.

Needs Qt (a QApplication; ``QT_QPA_PLATFORM=offscreen`` runs it without a screen).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from tools.hand_garments import CLASS_NAMES, HAND_GARMENTS, HandDrawing


@dataclass(frozen=True)
class Rendered:
    """One hand drawing as the canvas (or a paint program) holds it."""

    drawing: HandDrawing
    image: np.ndarray = field(repr=False)  # uint8 (280, 280), the drawing's polarity

    @property
    def name(self) -> str:
        return f"{self.drawing.label}-{self.drawing.name}"

    @property
    def label(self) -> int:
        return self.drawing.label


class FillLeaked(ValueError):
    """A fill click that the canvas refused or that changed nothing (an authoring mistake)."""


def render(drawing: HandDrawing, canvas=None) -> np.ndarray:
    """The drawing on a fresh ``DrawingCanvas`` (or ``canvas``, cleared): uint8 (280, 280) in
    its polarity. Raises ``FillLeaked`` when a fill click does nothing."""
    from nndesk.ui.canvas import DrawingCanvas

    canvas = canvas or DrawingCanvas()
    canvas.set_eraser(False)
    canvas.set_array(np.zeros((280, 280), np.uint8))
    for stroke in drawing.strokes:
        canvas.draw_stroke(list(stroke), drawing.pen)
    for x, y in drawing.fills:
        if not canvas.fill_at(x, y):
            raise FillLeaked(f"{drawing.name}: the fill at ({x:g}, {y:g}) did nothing")
    if drawing.erase:
        canvas.set_eraser(True)
        for stroke in drawing.erase:
            canvas.draw_stroke(list(stroke), drawing.erase_pen)
        canvas.set_eraser(False)
    image = canvas.array()
    return 255 - image if drawing.polarity == "black-on-white" else image


def render_all(drawings: Sequence[HandDrawing] = HAND_GARMENTS) -> list[Rendered]:
    """Every drawing rendered on one canvas (cleared between drawings)."""
    from nndesk.ui.canvas import DrawingCanvas

    canvas = DrawingCanvas()
    return [Rendered(d, render(d, canvas)) for d in drawings]


def contact_sheet(
    items: Sequence[Rendered], captions: Sequence[str] | None = None, cell: int = 140
) -> Image.Image:
    """The drawings side by side, ten a row, each at ``cell`` px with a caption under it."""
    cols = 10
    rows = max(1, -(-len(items) // cols))
    sheet = Image.new("L", (cols * cell, rows * (cell + 24)), 128)
    draw = ImageDraw.Draw(sheet)
    for i, item in enumerate(items):
        x, y = (i % cols) * cell, (i // cols) * (cell + 24)
        sheet.paste(Image.fromarray(item.image).resize((cell - 4, cell - 4)), (x + 2, y + 2))
        text = captions[i] if captions else item.name
        for k, line in enumerate(text.split("\n")[:2]):
            draw.text((x + 3, y + cell - 2 + 11 * k), line[:24], fill=255)
    return sheet


def main(argv: list[str] | None = None) -> int:
    """``python -m tools.hand_check DIR``: every hand drawing as a PNG, and a contact sheet."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m tools.hand_check DIR", file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])
    folder = Path(args[0])
    folder.mkdir(parents=True, exist_ok=True)
    items = render_all()
    for item in items:
        Image.fromarray(item.image).save(folder / f"{item.name}.png")
    captions = [f"{CLASS_NAMES[i.label]}\n{i.drawing.name}" for i in items]
    contact_sheet(items, captions).save(folder / "sheet.png")
    print(f"wrote {len(items)} drawings and sheet.png to {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
