"""The fresh garments of ``tools.fresh_garments`` on the real canvas, as ``tools.hand_check``
puts the hand check there.

``python -m tools.fresh_check DIR`` writes every drawing as a PNG file and a contact sheet (to
look at before any model reads them); ``python -m tools.fresh_check --score MODEL...`` reads them
with garment models through ``nndesk predict --json`` and prints the figures. The set is never
for choosing between candidates (see ``tools.fresh_garments``): score the shipped models, not a
shortlist.

Needs Qt (a QApplication; ``QT_QPA_PLATFORM=offscreen`` runs it without a screen).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

from tools.fresh_garments import FRESH_GARMENTS
from tools.hand_check import contact_sheet, render_all, score_main
from tools.hand_garments import CLASS_NAMES

USAGE = "usage: python -m tools.fresh_check DIR | --score MODEL... [--misses DIR]"


def _score(args: list[str]) -> int:
    return score_main(args, FRESH_GARMENTS, "python -m tools.fresh_check", "fresh-misses")


def main(argv: list[str] | None = None) -> int:
    """``DIR``: every fresh drawing as a PNG and a contact sheet; ``--score MODEL...``."""
    args = sys.argv[1:] if argv is None else argv
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])
    if args[:1] == ["--score"]:
        return _score(args[1:])
    if len(args) != 1:
        print(USAGE, file=sys.stderr)
        return 2
    folder = Path(args[0])
    folder.mkdir(parents=True, exist_ok=True)
    items = render_all(FRESH_GARMENTS)
    for item in items:
        Image.fromarray(item.image).save(folder / f"{item.name}.png")
    captions = [f"{CLASS_NAMES[i.label]}\n{i.drawing.name}" for i in items]
    contact_sheet(items, captions, cell=180).save(folder / "sheet.png")
    print(f"wrote {len(items)} drawings and sheet.png to {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
